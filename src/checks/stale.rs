//! ## Stale translations: `translation-stale`
//!
//! **What it checks.** Each locale folder may hold `reviewed.toml`, written by
//! `pamphlet review`: for every translated message, a hash of the source text it
//! was translated from. When the source text changes afterwards, the
//! translation is reported stale (warning) until a translator updates it and
//! runs `pamphlet review <locale> --message <id>` again. Messages without a
//! record are not judged. See docs/translators.md for the workflow.
//!
//! **Why it matters.** Fluent keeps no history: when the office changes "15
//! days" to "10 days" in English, every translation still says 15, and no
//! other tool (compare-locales, Pontoon, Weblate with monolingual files) notices.
//!
//! **Example.**
//! ```text
//! warning[translation-stale]: the source of 'reg-deadline' changed since the ru translation was reviewed
//!   --> locales/ru/register-stay.ftl:17:1
//! ```

use super::Cx;
use crate::diagnostics::Diagnostic;
use crate::locale::review;

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for t in cx.translations() {
        for (id, e) in &t.entries {
            if review::is_stale(cx.catalog, t.locale, id) {
                out.push(
                    e.at(Diagnostic::warning("translation-stale", format!("the source of '{id}' changed since the {} translation was reviewed", t.tag)), id)
                        .with_hint(format!("compare with the source, update the translation, then run `pamphlet review {} --message {id}`", t.tag)),
                );
            }
        }
    }
}
