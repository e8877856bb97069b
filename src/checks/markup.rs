//! ## Markup: `markup-disallowed`, `markup-dangerous`
//!
//! **What it checks.** Tags in translations. Only bare text-level elements
//! (`<em>`, `<strong>`, `<b>`, `<i>`, `<small>`, `<sub>`, `<sup>`, `<br>` … as in
//! Fluent's DOM overlays: no attributes, no nesting) become markup; anything
//! else is printed as the literal text `<…>` (`markup-disallowed`, warning),
//! and the warning says which case it is: a tag not on the list or written
//! with attributes (for `<a href=…>`: links come from the campaign's `link`
//! block), an opening tag that is never closed, a closing tag that closes
//! nothing, or a pair with another tag inside. Tags pair up over the whole
//! text a reader gets: across placeables, and in each variant of a select.
//! `<script`, `<iframe`, `<object`, an `on…=` handler or a `javascript:` URL is
//! an error (`markup-dangerous`): it is escaped in the output, but it never
//! belongs in a translation.
//!
//! **Why it matters.** Translations come from outside the office; they are
//! text, and links come only from campaign data. A leaflet must not show
//! `<a href=…>` to its readers either.
//!
//! **Example.**
//! ```ftl
//! # markup-disallowed
//! reg-fee = Registration is <span class="free">free</span>.
//! # markup-disallowed: <b> is never closed
//! reg-fee = Registration is <b>free.
//! # markup-dangerous
//! reg-fee = <a href="javascript:alert(1)">Free</a>
//! ```

use fluent_syntax::ast::{self, Expression, InlineExpression, PatternElement};

use super::{Cx, EntryRef};
use crate::diagnostics::Diagnostic;
use crate::render::markup::{self, LiteralTag, Why};

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for l in cx.locales {
        for (id, e) in &l.entries {
            let body = e.body();
            // no `<`, `:` or backslash (of a `\u` escape): nothing to look at (one SIMD scan)
            if memchr::memchr3(b'<', b':', b'\\', body.as_bytes()).is_none() {
                continue;
            }
            for (_, pattern) in e.patterns() {
                let mut dangerous_found = false;
                for text in super::texts_of(pattern) {
                    let lower = text.to_ascii_lowercase();
                    let dangerous = [
                        "<script",
                        "<iframe",
                        "<object",
                        "<embed",
                        "javascript:",
                        "vbscript:",
                        "data:text/html",
                    ]
                    .iter()
                    .find(|d| lower.contains(*d))
                    .or_else(|| {
                        lower
                            .contains(" on")
                            .then_some(&"")
                            .filter(|_| has_handler(&lower))
                    });
                    if let Some(d) = dangerous {
                        let needle = if d.is_empty() { "<" } else { d };
                        out.push(
                            e.at(Diagnostic::error("markup-dangerous", format!("'{id}' contains active content ({})", if d.is_empty() { "an event handler" } else { d })), needle)
                                .with_hint("translations are text: remove it; links come from the campaign's `link` block"),
                        );
                        dangerous_found = true;
                    }
                }
                // the active content is what matters; its tags are not reported again
                if dangerous_found || !body.contains('<') {
                    continue;
                }
                // tags are paired over the whole text a reader gets, so a tag
                // closed after a placeable or inside a select's variant counts
                let mut seen = Vec::new();
                for flat in flatten(pattern) {
                    for lit in markup::literal_tags(&flat.text) {
                        let at = flat.source_offset(e, lit.offset);
                        if seen.contains(&(at, lit.why)) {
                            continue;
                        }
                        seen.push((at, lit.why));
                        out.push(diagnostic(id, e, &lit, at));
                    }
                }
            }
        }
    }
}

/// The warning for one tag printed as text, at `at` (a byte offset in the
/// file) when known.
fn diagnostic(id: &str, e: &EntryRef, lit: &LiteralTag, at: Option<usize>) -> Diagnostic {
    let tag = &lit.tag;
    let name = tag
        .trim_start_matches(['<', '/'])
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    let (message, hint) = match lit.why {
        Why::Unclosed => (
            format!("'{id}' opens {tag} but never closes it, so {tag} is printed as text"),
            format!("close it with </{name}> where the formatted words end: <{name}>…</{name}>"),
        ),
        Why::Unopened => (
            format!("'{id}' closes {tag} without opening it, so {tag} is printed as text"),
            format!("open it with <{name}> where the formatted words start, or remove it"),
        ),
        Why::Nested => (
            format!("'{id}' has a tag inside {tag}…</{name}>, so {tag} is printed as text"),
            "tags cannot be nested: close one before opening the next, e.g. <b>…</b> <i>…</i>"
                .to_owned(),
        ),
        Why::NotAllowed => {
            let allowed = markup::PAIRED
                .iter()
                .chain(markup::VOID)
                .map(|t| format!("<{t}>"))
                .collect::<Vec<_>>()
                .join(" ");
            let link = if name.eq_ignore_ascii_case("a") {
                "; links come from the campaign's `link` block, never from a translation: keep the words, drop the tags"
            } else {
                ""
            };
            (
                format!("'{id}' contains {tag}, which is printed as text"),
                format!("use only {allowed} without attributes{link}"),
            )
        }
    };
    let d = Diagnostic::warning("markup-disallowed", message);
    let d = match at {
        Some(offset) => d.at_offset(e.file.display.clone(), e.file.text(), &e.file.index, offset),
        None => e.at(d, tag),
    };
    d.with_hint(hint)
}

/// One text a pattern can show, with placeables as `{…}`, and where its
/// pieces of literal text come from.
struct Flat<'s> {
    text: String,
    /// (offset in `text`, the source slice copied there)
    pieces: Vec<(usize, &'s str)>,
}

impl Flat<'_> {
    /// The byte offset in the entry's file of `offset` in the flattened
    /// text, when it falls in a piece of the file's own text.
    fn source_offset(&self, e: &EntryRef, offset: usize) -> Option<usize> {
        let &(start, piece) = self.pieces.iter().rev().find(|(s, _)| *s <= offset)?;
        if offset >= start + piece.len() {
            return None;
        }
        let file = e.file.text();
        let at = piece.as_ptr() as usize + (offset - start);
        let base = file.as_ptr() as usize;
        (base <= at && at < base + file.len()).then(|| at - base)
    }
}

/// The texts a pattern can show: every select at its default variant, then
/// each other variant of each select in turn (the others at their default).
fn flatten<'s>(pattern: &ast::Pattern<&'s str>) -> Vec<Flat<'s>> {
    let mut variants = Vec::new();
    count_selects(pattern, &mut variants);
    let mut plans = vec![None];
    for (select, (count, default)) in variants.into_iter().enumerate() {
        plans.extend(
            (0..count)
                .filter(|v| *v != default)
                .map(|v| Some((select, v))),
        );
    }
    plans
        .into_iter()
        .map(|plan| {
            let mut flat = Flat {
                text: String::new(),
                pieces: Vec::new(),
            };
            let mut next = 0;
            flatten_into(pattern, plan, &mut next, &mut flat);
            flat
        })
        .collect()
}

/// For each select expression, in pre-order over all variants: its number
/// of variants and the index of the default one.
fn count_selects(p: &ast::Pattern<&str>, out: &mut Vec<(usize, usize)>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            count_in_expression(expression, out);
        }
    }
}

fn count_in_expression(e: &Expression<&str>, out: &mut Vec<(usize, usize)>) {
    match e {
        Expression::Select { variants, .. } => {
            out.push((
                variants.len(),
                variants.iter().position(|v| v.default).unwrap_or(0),
            ));
            for v in variants {
                count_selects(&v.value, out);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            count_in_expression(expression, out)
        }
        Expression::Inline(_) => {}
    }
}

fn flatten_into<'s>(
    p: &ast::Pattern<&'s str>,
    plan: Option<(usize, usize)>,
    next: &mut usize,
    flat: &mut Flat<'s>,
) {
    for el in &p.elements {
        match el {
            PatternElement::TextElement { value } => {
                flat.pieces.push((flat.text.len(), value));
                flat.text.push_str(value);
            }
            PatternElement::Placeable { expression } => {
                expression_into(expression, plan, next, flat)
            }
        }
    }
}

fn expression_into<'s>(
    e: &Expression<&'s str>,
    plan: Option<(usize, usize)>,
    next: &mut usize,
    flat: &mut Flat<'s>,
) {
    match e {
        Expression::Inline(InlineExpression::StringLiteral { value }) => {
            flat.pieces.push((flat.text.len(), value));
            flat.text.push_str(value);
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expression_into(expression, plan, next, flat)
        }
        Expression::Inline(_) => flat.text.push_str("{…}"),
        Expression::Select { variants, .. } => {
            let me = *next;
            *next += 1;
            let chosen = match plan {
                Some((select, v)) if select == me => v,
                _ => variants.iter().position(|v| v.default).unwrap_or(0),
            };
            for (i, v) in variants.iter().enumerate() {
                if i == chosen {
                    flatten_into(&v.value, plan, next, flat);
                } else {
                    // the selects inside keep their numbers
                    let mut skipped = Vec::new();
                    count_selects(&v.value, &mut skipped);
                    *next += skipped.len();
                }
            }
        }
    }
}

/// `<tag … onclick=…>`: an event handler attribute inside a tag.
fn has_handler(lower: &str) -> bool {
    lower.split('<').skip(1).any(|tag| {
        let tag = tag.split('>').next().unwrap_or("");
        tag.split_whitespace()
            .skip(1)
            .any(|attr| attr.starts_with("on") && attr.contains('='))
    })
}
