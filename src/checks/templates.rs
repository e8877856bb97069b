//! ## Templates: `template-variable`
//!
//! **What it checks.** The top-level variables each template uses, against what
//! pamphlet gives it (docs/templates.md): `title`, `locale`, `campaign`,
//! `document`, `surfaces`, `sheets` and `fallbacks` for documents (and `pdf`
//! for the PDF templates, and `b`, the block, which the document templates
//! set for the `*/blocks.*` template they include); `project`,
//! `files`, `locales` and `campaigns` for `index.html`. A variable outside that
//! list is an error with the template file and line. (Syntax errors are
//! reported when the templates load, `template-syntax`.)
//!
//! **Why it matters.** An override with a typo (`{{ docment.paper }}`) fails in
//! the middle of a build; this finds it before.
//!
//! **Example.**
//! ```text
//! error[template-variable]: templates/html/flyer.html uses `docment`, which pamphlet does not provide
//!   --> templates/html/flyer.html:4:12
//! ```

use super::Cx;
use crate::diagnostics::Diagnostic;
use crate::source::LineIndex;

const DOCUMENT: &[&str] = &[
    "title",
    "locale",
    "campaign",
    "document",
    "surfaces",
    "sheets",
    "fallbacks",
    "languages",
    "theme",
    "icons",
    "fonts",
    // the block of `*/blocks.*`: Tera counts a variable an included template
    // reads as the includer's too, whichever loop sets it
    "b",
];
const INDEX: &[&str] = &["project", "files", "locales", "campaigns"];

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let engine = &cx.inputs.engine;
    for template in engine.sources() {
        let (name, source) = (template.name.as_str(), template.text.as_str());
        let allowed: Vec<&str> = if name == "index.html" {
            INDEX.to_vec()
        } else if name.starts_with("pdf/") {
            // the PDF templates also get `pdf` (geometry, variant, fonts, language, date)
            DOCUMENT.iter().copied().chain(["pdf"]).collect()
        } else {
            DOCUMENT.to_vec()
        };
        let file = if template.overridden {
            format!("templates/{name}")
        } else {
            format!("(built-in) {name}")
        };
        for var in engine.own_variables(name) {
            if allowed.contains(&var) {
                continue;
            }
            // reported in the template that writes it, not in every child
            let Some(offset) = find_word(source, var) else {
                continue;
            };
            let index = LineIndex::new(source);
            out.push(
                Diagnostic::error(
                    "template-variable",
                    format!("{file} uses `{var}`, which pamphlet does not provide"),
                )
                .at_offset(file.clone(), source, &index, offset)
                .with_hint(format!(
                    "templates get {}; see docs/templates.md",
                    allowed.join(", ")
                )),
            );
        }
    }
}

/// The first occurrence of `word` as a whole identifier inside a `{{ }}` or `{% %}` tag.
fn find_word(source: &str, word: &str) -> Option<usize> {
    source.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = source[..i].chars().next_back();
        let after = source[i + word.len()..].chars().next();
        let ident =
            |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.');
        !ident(before)
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && source[..i].rfind(['{', '%']) > source[..i].rfind('}')
    })
}
