//! ## Untranslated: `untranslated`
//!
//! **What it checks.** Translations whose value or attribute is the same as
//! the source's (warning). Values are compared as parsed: comments,
//! indentation and where lines break do not matter; words, punctuation,
//! placeables and variants do. `pamphlet status` counts such a message as
//! *untranslated* (not translated, so the percentage drops), the review page
//! shows the same number, and `build` warns about every copy its documents
//! print, so `check --deny-warnings` and `build --strict` fail on them.
//!
//! Only text with something to translate is compared: a word of two or more
//! letters that is not part of a web or e-mail address. Numbers, phone
//! numbers, web and e-mail addresses (a word with `://`, `@`, `www.` or a dot
//! between letters) and messages made only of placeables are never reported.
//! Names, brand names and abbreviations are: whether `Website` or `ASAN` stays
//! as it is is the translator's decision, so an intended copy is marked with a
//! comment line `# same-as-source` right above the message. Above the source
//! message it covers every locale (the place for names that no language
//! changes); above a translation, that locale only.
//!
//! **Why it matters.** A copied English sentence in a Persian leaflet is a
//! translation that was never done, and it does not fall back, so nothing
//! else reports it.
//!
//! **Example.**
//! ```ftl
//! # tr: untranslated
//! contact-website = Website
//! # same-as-source
//! -asan = ASAN
//! ```

use super::{Cx, EntryRef};
use crate::diagnostics::Diagnostic;
use crate::locale::copies;

fn marked(e: &EntryRef) -> bool {
    copies::marked(e.file, e.line)
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for t in cx.translations() {
        for (id, tr) in &t.entries {
            let Some(src) = cx.source.entries.get(id) else {
                continue;
            };
            let found = copies::copied(&src.patterns(), &tr.patterns());
            if found.is_empty() || marked(src) || marked(tr) {
                continue;
            }
            for attr in found {
                let name = attr.map_or(id.clone(), |at| format!("{id}.{at}"));
                out.push(copies::diagnostic(tr.file, tr.line, &name, cx.source.tag));
            }
        }
    }
}
