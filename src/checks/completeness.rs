//! ## Completeness: `message-missing`, `message-obsolete`, `value-missing`, `value-obsolete`, `attribute-missing`, `attribute-obsolete`, `attribute-duplicate`
//!
//! **What it checks.** Every message and term of the source locale against each
//! translation: messages the translation lacks (`message-missing`, warning: the
//! build falls back) or has although the source no longer does
//! (`message-obsolete`, warning); a value the translation lacks or adds
//! (`value-missing`, `value-obsolete`, errors); attributes the translation lacks
//! or adds (`attribute-missing`, `attribute-obsolete`, errors); an attribute
//! defined twice in one message (`attribute-duplicate`, warning).
//!
//! **Why it matters.** A missing message prints in the fallback language on the
//! leaflet; a missing attribute such as `.alt` leaves an image without its text
//! alternative; obsolete messages are work a translator should not do.
//!
//! **Example.**
//! ```ftl
//! # en
//! logo = { -service-name }
//!     .alt = Logo of the service
//! # ru: attribute-missing
//! logo = { -service-name }
//! ```

use std::collections::BTreeSet;

use super::{Cx, EntryRef};
use crate::diagnostics::Diagnostic;

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for l in cx.locales {
        for (_, e) in &l.all {
            duplicate_attributes(e, out);
        }
    }
    for t in cx.translations() {
        let data = &cx.catalog.locales[t.locale];
        for (id, src) in &cx.source.entries {
            let Some(tr) = t.entries.get(id) else {
                if data.index.contains_key(id.as_str()) {
                    // in the file, but broken: reported once, where it breaks
                    // (ftl-syntax, ftl-indent, ftl-number), not as missing
                    continue;
                }
                let file = sibling(&src.file.display, cx.source.tag, t.tag);
                let english = super::quote_source(src);
                out.push(
                    Diagnostic::warning(
                        "message-missing",
                        format!("'{id}' is not translated into {}", t.tag),
                    )
                    .in_file(file.clone())
                    .with_hint(format!(
                        "add it to {file}; source ({}): `{english}`",
                        cx.source.tag
                    )),
                );
                continue;
            };
            let (src_value, tr_value) = (has_value(src), has_value(tr));
            if src_value && !tr_value {
                out.push(
                    tr.at(
                        Diagnostic::error(
                            "value-missing",
                            format!("'{id}' has no value in {}, but the source has one", t.tag),
                        ),
                        id,
                    )
                    .with_hint("translate the message's text, not only its attributes"),
                );
            }
            if !src_value && tr_value {
                out.push(
                    tr.at(
                        Diagnostic::error(
                            "value-obsolete",
                            format!(
                                "'{id}' has a value in {}, but the source has only attributes",
                                t.tag
                            ),
                        ),
                        id,
                    )
                    .with_hint("remove the value; keep the attributes"),
                );
            }
            let src_attrs = attributes(src);
            let tr_attrs = attributes(tr);
            for a in src_attrs.difference(&tr_attrs) {
                out.push(
                    tr.at(
                        Diagnostic::error(
                            "attribute-missing",
                            format!("'{id}' lacks the attribute .{a} in {}", t.tag),
                        ),
                        id,
                    )
                    .with_hint(format!("add `    .{a} = …` under the message")),
                );
            }
            for a in tr_attrs.difference(&src_attrs) {
                out.push(tr.at(Diagnostic::error("attribute-obsolete", format!("'{id}' has the attribute .{a} in {}, which the source does not have", t.tag)), &format!(".{a}")).with_hint("remove the attribute"));
            }
        }
        let source = &cx.catalog.locales[cx.catalog.source];
        for (id, tr) in &t.entries {
            if !source.index.contains_key(id.as_str()) {
                out.push(
                    tr.at(
                        Diagnostic::warning(
                            "message-obsolete",
                            format!(
                                "'{id}' is not in the source locale ({}) any more",
                                cx.source.tag
                            ),
                        ),
                        id,
                    )
                    .with_hint("remove it, or check whether the source renamed it"),
                );
            }
        }
    }
}

fn has_value(e: &EntryRef) -> bool {
    e.patterns().iter().any(|(attr, _)| attr.is_none())
}

fn attributes<'a>(e: &EntryRef<'a>) -> BTreeSet<&'a str> {
    e.patterns().into_iter().filter_map(|(a, _)| a).collect()
}

fn duplicate_attributes(e: &EntryRef, out: &mut Vec<Diagnostic>) {
    let names: Vec<&str> = e.patterns().into_iter().filter_map(|(a, _)| a).collect();
    let dups: BTreeSet<&str> = names
        .iter()
        .copied()
        .filter(|a| names.iter().filter(|b| *b == a).count() > 1)
        .collect();
    for a in dups {
        // every definition, as translators look for each of them
        let count = names.iter().filter(|b| **b == a).count();
        for n in 0..count {
            out.push(
                e.at_nth(
                    Diagnostic::warning(
                        "attribute-duplicate",
                        format!("the attribute .{a} is defined {count} times"),
                    ),
                    &format!(".{a} "),
                    n,
                )
                .with_hint("keep one; Fluent uses the last"),
            );
        }
    }
}

/// `locales/en/x.ftl` → `locales/ru/x.ftl`.
pub fn sibling(display: &str, from: &str, to: &str) -> String {
    display.replacen(&format!("locales/{from}/"), &format!("locales/{to}/"), 1)
}
