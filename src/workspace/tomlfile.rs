//! Reading one TOML file of the workspace into a serde type, with errors that
//! carry `file:line:col` and the offending line.

use serde::de::DeserializeOwned;

use crate::diagnostics::Diagnostic;
use crate::source::{LineIndex, Position};

/// A TOML file's text with its line index, kept so that later validation can
/// point at spans of the parsed values.
pub struct TomlFile {
    pub display: String,
    pub text: String,
    pub index: LineIndex,
}

impl TomlFile {
    pub fn new(display: String, text: String) -> Self {
        let index = LineIndex::new(&text);
        TomlFile {
            display,
            text,
            index,
        }
    }

    /// Parses the file as `T`; a syntax error or a schema mismatch (unknown
    /// field, wrong type) becomes one diagnostic at the place toml reports.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        toml::from_str(&self.text).map_err(|e| {
            let message = e.message().trim().to_owned();
            let hint = hint_for(&message);
            let d = Diagnostic::error("toml", message);
            let d = match e.span() {
                Some(span) => d.at_offset(&self.display, &self.text, &self.index, span.start),
                None => d.in_file(&self.display),
            };
            match hint {
                Some(h) => d.with_hint(h),
                None => d,
            }
        })
    }

    pub fn position(&self, span: &std::ops::Range<usize>) -> Position {
        self.index.position(&self.text, span.start)
    }

    /// A diagnostic pointing at the start of `span` in this file.
    pub fn error_at(
        &self,
        span: &std::ops::Range<usize>,
        code: &'static str,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::error(code, message).at_offset(
            &self.display,
            &self.text,
            &self.index,
            span.start,
        )
    }
}

fn hint_for(message: &str) -> Option<String> {
    if message.starts_with("unknown field") {
        Some(
            "check the spelling against docs/campaign-format.md; every field is listed there"
                .into(),
        )
    } else if message.starts_with("missing field") {
        Some("add the field; docs/campaign-format.md shows a complete example".into())
    } else {
        None
    }
}
