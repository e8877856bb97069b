//! ## Variables: `variable-unknown`, `variable-dropped`
//!
//! **What it checks.** The `$variables` of each translated value and attribute,
//! in every select variant, against the same pattern in the source locale. A
//! variable the source never uses is an error (`variable-unknown`): it is a typo
//! (`$nmae`) or a value the campaign does not pass, and the message would fall
//! back. A source variable that the translation never shows is a warning
//! (`variable-dropped`): the reader loses a deadline, a fee or a phone number.
//!
//! Terms are exempt: their variables are parameters, and a translation may
//! select on a grammatical case (`$case`) that the source language does not need.
//!
//! **Why it matters.** Mozilla's compare-locales checks neither; a misspelled
//! variable ships as a fallback, a dropped one as a leaflet without its number.
//!
//! **Example.**
//! ```ftl
//! # en
//! reg-deadline = Apply within { $days } days.
//! # az: variable-unknown ($gun), variable-dropped ($days)
//! reg-deadline = { $gun } gün ərzində müraciət edin.
//! ```

use super::{Cx, variables_of};
use crate::diagnostics::Diagnostic;

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for t in cx.translations() {
        for (id, tr) in &t.entries {
            // a term's variables are its parameters (`{ -brand(case: "genitive") }`):
            // a translation may select on one the source does not need
            if id.starts_with('-') {
                continue;
            }
            let Some(src) = cx.source.entries.get(id) else {
                continue;
            };
            // no `$` on either side: no variables to compare
            if !tr.body().contains('$') && !src.body().contains('$') {
                continue;
            }
            let src_patterns = src.patterns();
            for (attr, pattern) in tr.patterns() {
                let Some((_, src_pattern)) = src_patterns.iter().find(|(a, _)| *a == attr) else {
                    continue;
                };
                let name = match attr {
                    Some(a) => format!("{id}.{a}"),
                    None => id.clone(),
                };
                let (src_vars, tr_vars) = (variables_of(src_pattern), variables_of(pattern));
                for v in tr_vars.difference(&src_vars) {
                    let known: Vec<String> = src_vars.iter().map(|s| format!("${s}")).collect();
                    let hint = if known.is_empty() {
                        "the source message uses no variables; remove it".to_owned()
                    } else {
                        format!("the source uses {}; check the spelling", known.join(", "))
                    };
                    out.push(
                        tr.at(
                            Diagnostic::error(
                                "variable-unknown",
                                format!("'{name}' uses ${v}, which the source message never uses"),
                            ),
                            &format!("${v}"),
                        )
                        .with_hint(hint),
                    );
                }
                for v in src_vars.difference(&tr_vars) {
                    out.push(
                        tr.at(
                            Diagnostic::warning(
                                "variable-dropped",
                                format!("'{name}' does not show ${v}, which the source shows"),
                            ),
                            id,
                        )
                        .with_hint(format!(
                            "add {{ ${v} }} where the number or name belongs in the sentence"
                        )),
                    );
                }
            }
        }
    }
}
