//! ## Stale translations: `translation-stale`
//!
//! **What it checks.** Each locale folder may hold `reviewed.toml`, written by
//! `pamphlet review`: for every translated message, the source text it was
//! reviewed against. When the source text changes afterwards, the
//! translation is reported stale (warning), with the old and the new source
//! text, until a translator updates it and runs
//! `pamphlet review <locale> --message <id>` again. Indentation and line
//! endings are not compared. Messages without a record are not judged. See
//! docs/translators.md for the workflow.
//!
//! **Why it matters.** Fluent keeps no history: when the office changes "15
//! days" to "10 days" in English, every translation still says 15, and no
//! other tool (compare-locales, Pontoon, Weblate with monolingual files) notices.
//!
//! **Example.**
//! ```text
//! warning[translation-stale]: the source of 'reg-deadline' changed since the ru translation was reviewed: `Register within 15 days.` → `Register within 10 days.`
//!   --> locales/ru/register-stay.ftl:17:1
//! ```

use super::Cx;
use crate::diagnostics::Diagnostic;
use crate::locale::quote;
use crate::locale::review::{self, Review};

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for t in cx.translations() {
        for (id, e) in &t.entries {
            let Some(src) = cx.source.entries.get(id) else {
                continue;
            };
            let record = match review::review(cx.catalog, t.locale, id) {
                Some(Review::Stale(record)) => record,
                _ => continue,
            };
            let now = quote::value_lines(src.source());
            let at = format!("{}:{}", src.file.display, src.line);
            let (message, hint) = match record.text() {
                Some(old) => {
                    let old: Vec<&str> = old.split('\n').collect();
                    let (old, now) = quote::quote_change(&old, &now);
                    (
                        format!(
                            "the source of '{id}' changed since the {} translation was reviewed: `{old}` → `{now}`",
                            t.tag
                        ),
                        format!(
                            "update the translation to the new source ({at}), then run `pamphlet review {} --message {id}`",
                            t.tag
                        ),
                    )
                }
                None => (
                    format!(
                        "the source of '{id}' changed since the {} translation was reviewed; it is now `{}`",
                        t.tag,
                        quote::shorten(&quote::one_line(now), quote::LIMIT)
                    ),
                    format!(
                        "locales/{}/{} keeps only a hash of the old source text: compare the translation with the source ({at}; `git log -p` shows how it changed), update it, then run `pamphlet review {} --message {id}`",
                        t.tag,
                        review::FILE,
                        t.tag
                    ),
                ),
            };
            out.push(
                e.at(Diagnostic::warning("translation-stale", message), id)
                    .with_hint(hint),
            );
        }
    }
}
