//! ## Markup: `markup-disallowed`, `markup-dangerous`
//!
//! **What it checks.** Tags in translations. Only bare text-level elements
//! (`<em>`, `<strong>`, `<b>`, `<i>`, `<small>`, `<sub>`, `<sup>`, `<br>` … as in
//! Fluent's DOM overlays: no attributes, no nesting) become markup; anything
//! else is printed as the literal text `<…>` (`markup-disallowed`, warning).
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
//! # markup-dangerous
//! reg-fee = <a href="javascript:alert(1)">Free</a>
//! ```

use super::Cx;
use crate::diagnostics::Diagnostic;
use crate::render::markup;

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for l in cx.locales {
        for (id, e) in &l.entries {
            let body = e.body();
            // no `<`, `:` or backslash (of a `\u` escape): nothing to look at (one SIMD scan)
            if memchr::memchr3(b'<', b':', b'\\', body.as_bytes()).is_none() {
                continue;
            }
            for (_, pattern) in e.patterns() {
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
                                .with_hint("translations are text: remove it; links come from the campaign file"),
                        );
                        continue;
                    }
                    for tag in markup::disallowed(&text) {
                        out.push(
                            e.at(
                                Diagnostic::warning(
                                    "markup-disallowed",
                                    format!("'{id}' contains {tag}, which is printed as text"),
                                ),
                                &tag,
                            )
                            .with_hint(format!(
                                "use only {} without attributes",
                                markup::PAIRED
                                    .iter()
                                    .chain(markup::VOID)
                                    .map(|t| format!("<{t}>"))
                                    .collect::<Vec<_>>()
                                    .join(" ")
                            )),
                        );
                    }
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
