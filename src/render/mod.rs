//! The render stage: each campaign document × locale is localized (every
//! message resolved along the locale's fallback chain, into the
//! [`crate::model`] the templates see) and rendered through the Tera
//! templates into HTML and text. The Typst source of a PDF comes from the
//! same engine, called by [`crate::pdf`], which sits above this stage.
//!
//! Pure computation: this stage reads no files and writes none. The engine
//! is built once and shared by all threads; callers run documents in
//! parallel.

pub mod attrs;
pub mod localize;
pub mod markup;
pub mod templates;
pub mod typst;

pub use localize::{LocalizeError, localize};
pub use templates::Engine;

use crate::diagnostics::Diagnostic;
use crate::model::LocalizedDocument;
use crate::workspace::Format;

/// The template that renders `kind` in `format`.
pub fn template_name(kind: &str, format: Format) -> String {
    match format {
        Format::Pdf => format!("pdf/{kind}.typ"),
        _ => format!("{0}/{kind}.{0}", format.extension()),
    }
}

/// What the templates of `doc` see (one context serves every format of a
/// document).
pub fn context(doc: &LocalizedDocument) -> Result<tera::Context, Diagnostic> {
    tera::Context::from_serialize(doc)
        .map_err(|e| Diagnostic::error("template-context", e.to_string()))
}

/// Renders `doc` as an HTML page or a text file (`format` is `Html` or
/// `Txt`; a PDF is [`crate::pdf::render`]'s, which renders its Typst source
/// through the same engine).
pub fn page(
    engine: &Engine,
    doc: &LocalizedDocument,
    format: Format,
    context: &tera::Context,
) -> Result<Vec<u8>, Diagnostic> {
    let bytes = engine.render_bytes(&template_name(doc.document.kind.name(), format), context)?;
    Ok(match format {
        Format::Txt => finish_text(&bytes, doc.locale.rtl),
        _ => bytes,
    })
}

/// Normalizes rendered plain text: no trailing spaces, at most one blank line
/// in a row, one final newline. Left-to-right text drops the invisible bidi
/// isolation marks (U+2066–U+2069) of Fluent and of the `ltr` filter (they
/// only matter inside right-to-left text, and they force SMS gateways into
/// UCS-2); right-to-left text keeps them, so that a Latin phone number or a
/// number inside Arabic text keeps its order in any viewer.
/// docs/templates.md documents this choice; tests/cli/pseudo.rs tests it.
///
/// Works on the bytes Tera wrote (valid UTF-8: every input is text); only the
/// end of each line is decoded, to trim Unicode white space as `str::trim_end`
/// does.
fn finish_text(text: &[u8], rtl: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut blank = true;
    for line in text.split(|b| *b == b'\n') {
        let line = trim_end(line);
        if line.is_empty() {
            if !blank {
                out.push(b'\n');
            }
            blank = true;
            continue;
        }
        blank = false;
        if rtl {
            out.extend_from_slice(line);
        } else {
            attrs::extend_without_isolates(&mut out, line);
        }
        out.push(b'\n');
    }
    while out.ends_with(b"\n\n") {
        out.pop();
    }
    out
}

/// `line` without trailing white space (as `char::is_whitespace` defines it).
fn trim_end(mut line: &[u8]) -> &[u8] {
    while let Some(&last) = line.last() {
        // the start of the last character: skip UTF-8 continuation bytes
        let start = line.iter().rposition(|b| b & 0xC0 != 0x80).unwrap_or(0);
        let c = if last < 0x80 {
            Some(last as char)
        } else {
            std::str::from_utf8(&line[start..])
                .ok()
                .and_then(|s| s.chars().next())
        };
        match c {
            Some(c) if c.is_whitespace() => {
                line = &line[..if last < 0x80 { line.len() - 1 } else { start }]
            }
            _ => break,
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::finish_text;
    use proptest::prelude::*;

    /// The rule, written on `str`: what `finish_text` does on bytes.
    fn reference(text: &str, rtl: bool) -> String {
        let mut out = String::new();
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
                // LRI, RLI, FSI and PDI, named here rather than taken from attrs
                out.extend(
                    line.chars()
                        .filter(|c| !('\u{2066}'..='\u{2069}').contains(c)),
                );
            }
            out.push('\n');
        }
        while out.ends_with("\n\n") {
            out.pop();
        }
        out
    }

    proptest! {
        #[test]
        fn bytes_and_str_rules_agree(text in "[a ж\u{a0}\u{3000}\u{2066}-\u{2069}\r\n\t\x0b日]{0,40}", rtl: bool) {
            let bytes = finish_text(text.as_bytes(), rtl);
            prop_assert_eq!(String::from_utf8(bytes).unwrap(), reference(&text, rtl));
        }
    }

    #[test]
    fn text_is_normalized_and_ltr_isolates_dropped() {
        let finish =
            |text: &str, rtl| String::from_utf8(finish_text(text.as_bytes(), rtl)).unwrap();
        assert_eq!(
            finish("\n\nA  \n\n\n\nB \u{2068}1\u{2069}\n\n", false),
            "A\n\nB 1\n"
        );
        assert_eq!(
            finish("\u{2066}a\u{2069} \u{2067}b\u{2069}", false),
            "a b\n"
        );
        assert_eq!(finish("B \u{2068}1\u{2069}", true), "B \u{2068}1\u{2069}\n");
        // Unicode white space at a line's end goes, as with str::trim_end
        assert_eq!(
            finish("a\u{a0}\u{3000}\r\nб\u{2003}\x0b\n\u{2069}\n", true),
            "a\nб\n\u{2069}\n"
        );
        assert_eq!(finish("ж\u{2069}\n", false), "ж\n");
    }
}
