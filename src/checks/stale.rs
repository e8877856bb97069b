//! ## Stale and unreviewed translations: `translation-stale`, `translation-unreviewed`
//!
//! **What it checks.** Each locale folder may hold `reviewed.toml`, written by
//! `pamphlet review`: for every translated message, the source text it was
//! reviewed against. When the source text changes afterwards, the
//! translation is reported stale (`translation-stale`, warning), with the old
//! and the new source text, until a translator updates it and runs
//! `pamphlet review <locale> --message <id>` again. Indentation and line
//! endings are not compared. Translations without a record (a new locale, a
//! message translated since the last review) cannot be judged; they are
//! listed once per locale (`translation-unreviewed`, info), with the
//! `pamphlet review` command that records them. See docs/translators.md for
//! the workflow.
//!
//! **Why it matters.** Fluent keeps no history: when the office changes "15
//! days" to "10 days" in English, every translation still says 15, and no
//! other tool (compare-locales, Pontoon, Weblate with monolingual files) notices.
//! A translation that was never reviewed would go on saying 15 without a word.
//!
//! **Example.**
//! ```text
//! warning[translation-stale]: the source of 'reg-deadline' changed since the ru translation was reviewed: `Register within 15 days.` → `Register within 10 days.`
//!   --> locales/ru/register-stay.ftl:17:1
//! info[translation-unreviewed]: 2 translations in kk were never reviewed, so a change of their source cannot be reported as stale: 'reg-fee', 'reg-intro'
//!   --> locales/kk/reviewed.toml
//! ```

use super::Cx;
use crate::diagnostics::{Diagnostic, Severity};
use crate::locale::quote;
use crate::locale::review::{self, Review};

/// Most unreviewed ids named in the message, and most `--message` options
/// suggested before the hint suggests reviewing the whole locale.
const NAMED: usize = 3;

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for t in cx.translations() {
        let mut unreviewed = Vec::new();
        for (id, e) in &t.entries {
            let Some(src) = cx.source.entries.get(id) else {
                continue;
            };
            let record = match review::review(cx.catalog, t.locale, id) {
                Some(Review::Stale(record)) => record,
                Some(Review::Unreviewed) => {
                    unreviewed.push(id.as_str());
                    continue;
                }
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
        if !unreviewed.is_empty() {
            out.push(unreviewed_diagnostic(t.tag, unreviewed));
        }
    }
}

/// One diagnostic for every translation of a locale without a review record.
fn unreviewed_diagnostic(tag: &str, mut ids: Vec<&str>) -> Diagnostic {
    ids.sort_unstable();
    let n = ids.len();
    let mut named: Vec<String> = ids.iter().take(NAMED).map(|id| format!("'{id}'")).collect();
    if n > NAMED {
        named.push(format!("{} more", n - NAMED));
    }
    let named = match named.split_last() {
        Some((last, rest)) if !rest.is_empty() && n > NAMED => {
            format!("{} and {last}", rest.join(", "))
        }
        _ => named.join(", "),
    };
    let (translations, were, their, them) = if n == 1 {
        ("translation", "was", "its", "it")
    } else {
        ("translations", "were", "their", "them")
    };
    let command = if n <= NAMED {
        let options: Vec<String> = ids.iter().map(|id| format!(" --message {id}")).collect();
        format!("pamphlet review {tag}{}", options.concat())
    } else {
        format!("pamphlet review {tag}")
    };
    let mut d = Diagnostic::warning(
        "translation-unreviewed",
        format!(
            "{n} {translations} in {tag} {were} never reviewed, so a change of {their} source cannot be reported as stale: {named}"
        ),
    )
    .in_file(format!("locales/{tag}/{}", review::FILE))
    .with_hint(format!(
        "check {them} against the source, then run `{command}`; it records the source text each translation was reviewed against"
    ));
    d.severity = Severity::Info;
    d
}

#[cfg(test)]
mod tests {
    use super::unreviewed_diagnostic;

    #[test]
    fn unreviewed_translations_are_named_and_the_review_command_given() {
        let d = unreviewed_diagnostic("kk", vec!["b", "a"]);
        assert_eq!(
            d.message,
            "2 translations in kk were never reviewed, so a change of their source cannot be reported as stale: 'a', 'b'"
        );
        assert_eq!(
            d.hint.as_deref(),
            Some(
                "check them against the source, then run `pamphlet review kk --message a --message b`; it records the source text each translation was reviewed against"
            )
        );
        let d = unreviewed_diagnostic("kk", vec!["e", "d", "c", "b", "a"]);
        assert!(
            d.message.ends_with(": 'a', 'b', 'c' and 2 more"),
            "{}",
            d.message
        );
        assert!(
            d.hint
                .as_deref()
                .unwrap()
                .contains("run `pamphlet review kk`;"),
            "{:?}",
            d.hint
        );
        let d = unreviewed_diagnostic("kk", vec!["a"]);
        assert!(
            d.message
                .starts_with("1 translation in kk was never reviewed"),
            "{}",
            d.message
        );
    }
}
