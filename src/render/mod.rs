//! The render stage: each campaign document × locale is localized (every
//! message resolved along the locale's fallback chain) and rendered through
//! the Tera templates into HTML, text and (through Typst, see [`crate::pdf`]) PDF.
//!
//! Pure computation: this stage reads no files and writes none (the font
//! files a PDF embeds are read the first time any document needs them). The
//! engine is built once and shared by all threads; callers run documents in
//! parallel.

pub mod attrs;
pub mod datauri;
pub mod localize;
pub mod markup;
pub mod model;
pub mod templates;
pub mod wrap;

pub use localize::{LocalizeError, localize};
pub use model::LocalizedDocument;
pub use templates::Engine;

use crate::diagnostics::Diagnostic;
use crate::pdf::{PdfFacts, PdfStage};
use crate::workspace::Format;

/// One output of a localized document.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub format: Format,
    pub bytes: Vec<u8>,
    /// Page count, fonts, layout fit: PDF only.
    pub pdf: Option<PdfFacts>,
    /// A PNG of the first page, for the review page: PDF only.
    pub preview: Option<Vec<u8>>,
}

/// The template that renders `kind` in `format`.
pub fn template_name(kind: &str, format: Format) -> String {
    match format {
        Format::Pdf => format!("pdf/{kind}.typ"),
        _ => format!("{0}/{kind}.{0}", format.extension()),
    }
}

/// Renders `doc` in each of `formats`; PDF needs `pdf` (the typesetter and
/// the workspace's PDF settings).
pub fn render(
    engine: &Engine,
    doc: &LocalizedDocument,
    formats: &[Format],
    pdf: Option<&PdfStage>,
) -> Result<Vec<Rendered>, Diagnostic> {
    let context = tera::Context::from_serialize(doc)
        .map_err(|e| Diagnostic::error("template-context", e.to_string()))?;
    let name = |format| template_name(doc.document.kind.name(), format);
    formats
        .iter()
        .map(|&format| {
            Ok(match format {
                Format::Txt => Rendered {
                    format,
                    bytes: finish_text(&engine.render(&name(format), &context)?, doc.locale.rtl)
                        .into_bytes(),
                    pdf: None,
                    preview: None,
                },
                Format::Html => Rendered {
                    format,
                    bytes: engine.render_bytes(&name(format), &context)?,
                    pdf: None,
                    preview: None,
                },
                Format::Pdf => {
                    let stage = pdf.ok_or_else(|| {
                        Diagnostic::error("pdf", "PDF output was asked for without a typesetter")
                    })?;
                    // headings renumbered for a tagged PDF (the first is level 1, none skipped)
                    let mut context = tera::Context::from_serialize(&crate::pdf::outline(doc))
                        .map_err(|e| Diagnostic::error("template-context", e.to_string()))?;
                    context.insert("pdf", &crate::pdf::template_info(doc, stage.settings));
                    let source = engine.render(&name(format), &context)?;
                    let compiled = crate::pdf::typeset(stage, doc, source)?;
                    Rendered {
                        format,
                        bytes: compiled.bytes,
                        pdf: Some(compiled.facts),
                        preview: compiled.preview,
                    }
                }
            })
        })
        .collect()
}

/// Normalizes rendered plain text: no trailing spaces, at most one blank line
/// in a row, one final newline. Left-to-right text drops the invisible bidi
/// isolation marks (U+2066–U+2069) of Fluent and of the `ltr` filter (they
/// only matter inside right-to-left text, and they force SMS gateways into
/// UCS-2); right-to-left text keeps them, so that a Latin phone number or a
/// number inside Arabic text keeps its order in any viewer.
/// docs/templates.md documents this choice; tests/cli/pseudo.rs tests it.
fn finish_text(text: &str, rtl: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
            continue;
        }
        blank = false;
        if rtl {
            out.push_str(line);
        } else {
            out.push_str(&attrs::without_isolates(line));
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::finish_text;

    #[test]
    fn text_is_normalized_and_ltr_isolates_dropped() {
        assert_eq!(
            finish_text("\n\nA  \n\n\n\nB \u{2068}1\u{2069}\n\n", false),
            "A\n\nB 1\n"
        );
        assert_eq!(
            finish_text("\u{2066}a\u{2069} \u{2067}b\u{2069}", false),
            "a b\n"
        );
        assert_eq!(
            finish_text("B \u{2068}1\u{2069}", true),
            "B \u{2068}1\u{2069}\n"
        );
    }
}
