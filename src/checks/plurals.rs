//! ## Plurals: `plural-missing`, `plural-unused`, `variant-duplicate`
//!
//! **What it checks.** Every select expression whose variant keys are CLDR
//! plural categories (`zero`, `one`, `two`, `few`, `many`, `other`), against the
//! categories the locale's CLDR rules use for cardinal numbers: a category the
//! language needs but the select lacks (`plural-missing`, warning) and one the
//! language never uses (`plural-unused`, warning). Russian needs one, few, many
//! and other; Arabic zero, one, two, few, many and other; Azerbaijani, Turkish,
//! Georgian and Persian one and other. A key written twice is `variant-duplicate`.
//!
//! **Why it matters.** A missing category falls into `*[other]`: "5 дня" instead
//! of "5 дней" on a printed deadline.
//!
//! **Example.**
//! ```ftl
//! # ru: plural-missing (few, many)
//! reg-deadline = { $days ->
//!     [one] { $days } день
//!    *[other] { $days } дней
//! }
//! ```

use std::collections::BTreeSet;

use fluent_syntax::ast::{self, Expression, InlineExpression, PatternElement, VariantKey};

use super::Cx;
use crate::diagnostics::Diagnostic;
use crate::locale::plurals::{CATEGORIES, categories};

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for l in cx.locales {
        let wanted = categories(&cx.inputs.ws.config.locales[l.locale].id);
        for (id, e) in &l.entries {
            for (_, pattern) in e.patterns() {
                for variants in selects(pattern) {
                    let keys: Vec<&str> = variants
                        .iter()
                        .map(|v| match &v.key {
                            VariantKey::Identifier { name } => *name,
                            VariantKey::NumberLiteral { value } => *value,
                        })
                        .collect();
                    let mut seen = BTreeSet::new();
                    for k in &keys {
                        if !seen.insert(*k) {
                            out.push(
                                e.at(
                                    Diagnostic::warning(
                                        "variant-duplicate",
                                        format!("'{id}' has the variant [{k}] twice"),
                                    ),
                                    &format!("[{k}]"),
                                )
                                .with_hint("remove one; only the first can ever be chosen"),
                            );
                        }
                    }
                    let plural: BTreeSet<&str> = keys
                        .iter()
                        .copied()
                        .filter(|k| CATEGORIES.contains(k))
                        .collect();
                    if !plural.iter().any(|k| *k != "other") {
                        continue;
                    }
                    let Some(wanted) = &wanted else { continue };
                    let missing: Vec<&str> = wanted
                        .iter()
                        .copied()
                        .filter(|c| !plural.contains(c))
                        .collect();
                    if !missing.is_empty() {
                        out.push(
                            e.at(
                                Diagnostic::warning(
                                    "plural-missing",
                                    format!(
                                        "'{id}' lacks the plural {} {} that {} uses",
                                        if missing.len() == 1 {
                                            "category"
                                        } else {
                                            "categories"
                                        },
                                        missing.join(", "),
                                        l.tag
                                    ),
                                ),
                                id,
                            )
                            .with_hint(format!(
                                "{} numbers need the variants {}",
                                l.tag,
                                wanted
                                    .iter()
                                    .map(|c| format!("[{c}]"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )),
                        );
                    }
                    for unused in plural.iter().filter(|c| !wanted.contains(*c)) {
                        out.push(
                            e.at(Diagnostic::warning("plural-unused", format!("'{id}' has a [{unused}] variant, a plural category {} never uses", l.tag)), &format!("[{unused}]"))
                                .with_hint(format!("{} uses only {}; remove it", l.tag, wanted.iter().map(|c| format!("[{c}]")).collect::<Vec<_>>().join(", "))),
                        );
                    }
                }
            }
        }
    }
}

/// The variants of every select expression in a pattern, nested ones included.
fn selects<'p, 's>(p: &'p ast::Pattern<&'s str>) -> Vec<&'p [ast::Variant<&'s str>]> {
    let mut out = Vec::new();
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expr(expression, &mut out);
        }
    }
    out
}

fn expr<'p, 's>(e: &'p Expression<&'s str>, out: &mut Vec<&'p [ast::Variant<&'s str>]>) {
    match e {
        Expression::Select { variants, .. } => {
            out.push(variants);
            for v in variants {
                out.extend(selects(&v.value));
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => expr(expression, out),
        Expression::Inline(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::categories;

    #[test]
    fn cldr_categories_per_language() {
        let cats = |t: &str| {
            categories(&t.parse().unwrap()).map(|c| c.into_iter().collect::<Vec<_>>().join(" "))
        };
        assert_eq!(cats("ru").as_deref(), Some("few many one other"));
        assert_eq!(cats("uk").as_deref(), Some("few many one other"));
        assert_eq!(cats("ar").as_deref(), Some("few many one other two zero"));
        assert_eq!(cats("az").as_deref(), Some("one other"));
        assert_eq!(cats("ka").as_deref(), Some("one other"));
        assert_eq!(cats("fa").as_deref(), Some("one other"));
        assert_eq!(cats("en").as_deref(), Some("one other"));
        assert_eq!(cats("ja").as_deref(), Some("other"));
        // current CLDR: Hebrew lost `many`, French gained it, Tajik has rules
        assert_eq!(cats("he").as_deref(), Some("one other two"));
        assert_eq!(cats("fr").as_deref(), Some("many one other"));
        assert_eq!(cats("tg").as_deref(), Some("one other"));
        assert_eq!(cats("tlh"), None);
    }
}
