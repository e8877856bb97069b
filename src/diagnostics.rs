//! Diagnostics: what pamphlet tells a person about their files.
//!
//! Every stage *collects* problems as [`Diagnostic`]s (severity, stable code,
//! `file:line:col`, message, the offending source line, a hint) instead of
//! stopping at the first one. This module owns their shape and their printing;
//! it never decides what counts as a problem.

use std::fmt::Write as _;

use serde::Serialize;

use crate::source::{LineIndex, Position};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; never fails anything.
    Info,
    Warning,
    Error,
}

/// Where a diagnostic points: a workspace-relative file and, when known, a position.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    pub file: String,
    #[serde(flatten)]
    pub position: Option<Position>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable identifier, e.g. `ftl-syntax`; documented in docs/diagnostics.md.
    pub code: &'static str,
    pub message: String,
    pub location: Option<Location>,
    /// The source line the position points into, for the caret display.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            location: None,
            snippet: None,
            hint: None,
        }
    }

    /// Worth knowing, never a problem: shown by `check`, and by `build -v`.
    pub fn info(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Info,
            ..Self::error(code, message)
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Self::error(code, message)
        }
    }

    /// Points at a whole file.
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.location = Some(Location {
            file: file.into(),
            position: None,
        });
        self
    }

    /// Points at a byte offset of `text`, the contents of `file`.
    pub fn at_offset(
        self,
        file: impl Into<String>,
        text: &str,
        index: &LineIndex,
        offset: usize,
    ) -> Self {
        let position = index.position(text, offset);
        let snippet = index.line_text(text, position.line).to_owned();
        self.at(file, position, Some(snippet))
    }

    pub fn at(
        mut self,
        file: impl Into<String>,
        position: Position,
        snippet: Option<String>,
    ) -> Self {
        self.location = Some(Location {
            file: file.into(),
            position: Some(position),
        });
        self.snippet = snippet;
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The human-readable form: a headline, `--> file:line:col`, the source line
    /// with a caret, and the hint.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        let _ = writeln!(out, "{label}[{}]: {}", self.code, self.message);
        if let Some(loc) = &self.location {
            match loc.position {
                Some(p) => {
                    let _ = writeln!(out, "  --> {}:{}:{}", loc.file, p.line, p.col);
                    if let Some(snippet) = &self.snippet {
                        let gutter = p.line.to_string().len();
                        let (shown, col) = window(&snippet.replace('\t', " "), p.col);
                        let caret_pad: String = shown
                            .chars()
                            .take(col.saturating_sub(1))
                            .map(|c| if c.is_whitespace() { c } else { ' ' })
                            .collect();
                        let _ = writeln!(out, "{:gutter$} |", "");
                        let _ = writeln!(out, "{} | {}", p.line, shown);
                        let _ = writeln!(out, "{:gutter$} | {}^", "", caret_pad);
                    }
                }
                None => {
                    let _ = writeln!(out, "  --> {}", loc.file);
                }
            }
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  = hint: {hint}");
        }
        out
    }
}

/// At most [`SNIPPET_CHARS`] characters of `line` around 1-based column
/// `col`, with `…` where it was cut, and the column within the result.
fn window(line: &str, col: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= SNIPPET_CHARS {
        return (line.to_owned(), col);
    }
    let start = col
        .saturating_sub(SNIPPET_CHARS / 2)
        .min(chars.len() - SNIPPET_CHARS);
    let end = start + SNIPPET_CHARS;
    let mut shown: String = chars[start..end].iter().collect();
    let mut col = col - start;
    if start > 0 {
        shown.insert(0, '…');
        col += 1;
    }
    if end < chars.len() {
        shown.push('…');
    }
    (shown, col)
}

/// Longest source line shown under a diagnostic.
pub const SNIPPET_CHARS: usize = 100;

/// Sorts diagnostics into a stable order: by file, position, then code.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| (&a.location, a.code, &a.message).cmp(&(&b.location, b.code, &b.message)));
}

/// `a` or `an` before `word`, by its first letter: enough for the words
/// diagnostics put after an article (block types, kinds), which are read as
/// they are spelt ("an image", "a heading").
pub fn article(word: &str) -> &'static str {
    // an abbreviation read letter by letter: "an SMS"
    if word.eq_ignore_ascii_case("sms") {
        return "an";
    }
    match word.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u' | 'A' | 'E' | 'I' | 'O' | 'U') => "an",
        _ => "a",
    }
}

/// `1 file`, `2 files`: a count with its noun, for messages to a person.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The name of `known` closest to a misspelt `name` (case aside), when at
/// most a third of its letters differ: the "did you mean" of a hint.
pub fn closest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = name.to_lowercase();
    known
        .into_iter()
        .map(|k| (distance(&lower, k), k))
        .filter(|(d, k)| *d <= k.chars().count().max(lower.chars().count()) / 3)
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance over chars.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let (shown, col) = window(&line, 501);
        assert_eq!(shown.chars().count(), SNIPPET_CHARS + 2);
        assert_eq!(shown.chars().nth(col - 1), Some('X'));
        assert_eq!(window("short", 3), ("short".to_owned(), 3));
    }

    #[test]
    fn renders_location_snippet_caret_and_hint() {
        let text = "a = ok\nb = { $x\n";
        let idx = LineIndex::new(text);
        let d = Diagnostic::error("ftl-syntax", "expected '}'")
            .at_offset("locales/ru/x.ftl", text, &idx, text.len() - 1)
            .with_hint("close the placeable");
        assert_eq!(
            d.render(),
            "error[ftl-syntax]: expected '}'\n  --> locales/ru/x.ftl:2:9\n  |\n2 | b = { $x\n  |         ^\n  = hint: close the placeable\n"
        );
    }
}
