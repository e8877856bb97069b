//! ## Untranslated: `untranslated`
//!
//! **What it checks.** Translations whose text is identical to the source's
//! (info), written the same way (same placeables, same line breaks). Texts without letters (numbers, phone numbers, URLs, only
//! placeables) are skipped. Mark an intentional copy, such as a brand name, with
//! a comment `# same-as-source` on the source message or on the translation.
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
use crate::diagnostics::{Diagnostic, Severity};

/// The lines of an entry's text that are not comments, trimmed.
fn code_lines(body: &str) -> impl Iterator<Item = &str> {
    body.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .map(str::trim)
        .filter(|l| !l.is_empty())
}

fn marked(e: &EntryRef) -> bool {
    e.comment().iter().any(|l| l.trim() == "same-as-source")
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for t in cx.translations() {
        for (id, tr) in &t.entries {
            let Some(src) = cx.source.entries.get(id) else {
                continue;
            };
            // different raw text cannot give the same plain text often enough to
            // pay for the AST walk: compare the texts without comment lines first
            if tr.body().len().abs_diff(src.body().len()) > 64
                || !code_lines(tr.body()).eq(code_lines(src.body()))
            {
                continue;
            }
            if marked(src) || marked(tr) {
                continue;
            }
            for ((attr, tp), (_, sp)) in tr.patterns().into_iter().zip(src.patterns()) {
                let (a, b) = (super::plain_text(tp), super::plain_text(sp));
                if a.trim() == b.trim()
                    && a.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !a.contains("://")
                    && !a.contains('@')
                {
                    let name = attr.map_or(id.clone(), |at| format!("{id}.{at}"));
                    let mut d = Diagnostic::warning(
                        "untranslated",
                        format!("'{name}' is the same as in the source ({})", cx.source.tag),
                    );
                    d.severity = Severity::Info;
                    out.push(tr.at(d, id).with_hint(
                        "translate it, or add a `# same-as-source` comment if the copy is intended",
                    ));
                }
            }
        }
    }
}
