//! ## References: `reference-unknown`, `reference-differs`
//!
//! **What it checks.** Message references (`{ brand }`) and term references
//! (`{ -service-name }`) in every locale: one that the locale does not define is
//! an error (`reference-unknown`, the message cannot resolve and falls back);
//! a translation whose references differ from the source's is a warning
//! (`reference-differs`), because terms carry names that must read the same on
//! every leaflet.
//!
//! **Why it matters.** Organisation names, hotlines and service names live in
//! terms so that they are written once; a translation that types the name out
//! instead drifts from the official spelling.
//!
//! **Example.**
//! ```ftl
//! # en
//! reg-step-office = Visit an { -asan } centre.
//! # tr: reference-differs (-asan replaced by literal text)
//! reg-step-office = Bir ASAN hizmet merkezine gidin.
//! ```

use std::collections::BTreeSet;

use super::{Cx, EntryRef};
use crate::diagnostics::Diagnostic;
use crate::locale::ast::Node;

fn refs<'a>(e: &EntryRef<'a>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    crate::locale::ast::visit(e.entry, &mut |n| match n {
        Node::Message(m) => {
            out.insert(m.to_owned());
        }
        Node::Term(t) => {
            out.insert(format!("-{t}"));
        }
        _ => {}
    });
    out
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for l in cx.locales {
        for (id, e) in &l.all {
            let mine = refs(e);
            for r in &mine {
                if !l.entries.contains_key(r) {
                    let (kind, hint) = if r.starts_with('-') {
                        (
                            "term",
                            format!(
                                "define the term {r} in locales/{}/, or use the one the source uses",
                                l.tag
                            ),
                        )
                    } else {
                        (
                            "message",
                            format!("define {r} in locales/{}/, or fix the reference", l.tag),
                        )
                    };
                    out.push(
                        e.at(
                            Diagnostic::error(
                                "reference-unknown",
                                format!(
                                    "'{id}' references the {kind} {r}, which {} does not define",
                                    l.tag
                                ),
                            ),
                            r,
                        )
                        .with_hint(hint),
                    );
                }
            }
            if l.locale == cx.catalog.source {
                continue;
            }
            let Some(src) = cx.source.entries.get(id) else {
                continue;
            };
            let theirs = refs(src);
            let missing: Vec<&String> = theirs.difference(&mine).collect();
            let extra: Vec<&String> = mine.difference(&theirs).collect();
            if !missing.is_empty() || !extra.is_empty() {
                let mut parts = Vec::new();
                if !missing.is_empty() {
                    parts.push(format!("lacks {}", list(&missing)));
                }
                if !extra.is_empty() {
                    parts.push(format!("adds {}", list(&extra)));
                }
                // the example is one this message lacks
                let hint = match missing.first() {
                    Some(r) => format!("use the same terms and messages as the source, e.g. {{ {r} }} instead of the name typed out"),
                    None => "use the same terms and messages as the source; drop the ones it does not use".to_owned(),
                };
                out.push(
                    e.at(
                        Diagnostic::warning(
                            "reference-differs",
                            format!("'{id}' {} compared with the source", parts.join(" and ")),
                        ),
                        id,
                    )
                    .with_hint(hint),
                );
            }
        }
    }
}

fn list(v: &[&String]) -> String {
    v.iter()
        .map(|s| format!("{{ {s} }}"))
        .collect::<Vec<_>>()
        .join(", ")
}
