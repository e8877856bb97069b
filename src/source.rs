//! Source text helpers shared by every stage that reports positions: reading a
//! file as UTF-8 with precise errors, and turning byte offsets into 1-based
//! line and column numbers (columns count characters, as editors do).
//!
//! This module never decides what is wrong with a file's *content*; it only
//! makes positions and encodings reportable.

use std::path::Path;

/// Maps byte offsets of one text to line and column numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The byte offset where each line starts (the first is 0).
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// The position of `offset` in `text` (the text this index was built from).
    /// Offsets past the end or inside a character are clamped, never a panic.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        let mut end = offset;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let col = text[start..end].chars().count() + 1;
        Position {
            line: line + 1,
            col,
        }
    }

    /// Byte offset where 1-based `line` starts (the end of the text past the last line).
    pub fn line_start(&self, line: usize, text: &str) -> usize {
        self.starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(text.len())
    }

    /// The text of 1-based `line`, without its line ending.
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let Some(&start) = self.starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self.starts.get(line).map_or(text.len(), |&e| e);
        text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// Why a file's bytes are not usable text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncodingError {
    #[error("the file is UTF-16 encoded ({0} byte order mark); save it as UTF-8")]
    Utf16(&'static str),
    #[error("invalid UTF-8 at line {}, column {}; save the file as UTF-8", .0.line, .0.col)]
    InvalidUtf8(Position),
    #[error(
        "line {} ends with a lone carriage return (old Mac line ending); save the file with LF or CRLF line endings",
        .0.line
    )]
    LoneCarriageReturn(Position),
}

impl EncodingError {
    pub fn position(&self) -> Position {
        match self {
            EncodingError::Utf16(_) => Position { line: 1, col: 1 },
            EncodingError::InvalidUtf8(p) | EncodingError::LoneCarriageReturn(p) => *p,
        }
    }
}

/// Decodes `bytes` as UTF-8 text: strips a UTF-8 byte order mark, names UTF-16
/// explicitly, and reports the line and column of the first invalid byte and of
/// the first lone carriage return.
pub fn decode(mut bytes: Vec<u8>) -> Result<String, EncodingError> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Err(EncodingError::Utf16("little-endian"));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(EncodingError::Utf16("big-endian"));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    // validated with SIMD (several times quicker than `str::from_utf8` on
    // non-Latin text); the standard check runs only to locate an error
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        let valid_up_to = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), str::len);
        let valid = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
        let index = LineIndex::new(valid);
        return Err(EncodingError::InvalidUtf8(
            index.position(valid, valid.len()),
        ));
    }
    // SAFETY: `bytes` was just validated as UTF-8. The buffer read from disk
    // becomes the text: no copy.
    let text = unsafe { String::from_utf8_unchecked(bytes) };
    let raw = text.as_bytes();
    if let Some(i) = memchr::memchr_iter(b'\r', raw).find(|&i| raw.get(i + 1) != Some(&b'\n')) {
        let index = LineIndex::new(&text);
        return Err(EncodingError::LoneCarriageReturn(index.position(&text, i)));
    }
    Ok(text)
}

/// Shows `path` relative to `base` when it lies inside it, with `/` separators,
/// so diagnostics read the same on every machine.
pub fn display_path(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "a = 1\nбв = { $x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), Position { line: 1, col: 1 });
        let off = text.find('{').unwrap();
        assert_eq!(idx.position(text, off), Position { line: 2, col: 6 });
        assert_eq!(idx.line_text(text, 2), "бв = { $x");
        assert_eq!(idx.line_text(text, 9), "");
    }

    #[test]
    fn decode_strips_bom_and_reports_bad_bytes() {
        assert_eq!(decode(b"\xEF\xBB\xBFa = 1\n".to_vec()).unwrap(), "a = 1\n");
        assert_eq!(
            decode(b"\xFF\xFEa\0".to_vec()),
            Err(EncodingError::Utf16("little-endian"))
        );
        assert_eq!(
            decode(b"a = 1\nb = \xC3(\n".to_vec()),
            Err(EncodingError::InvalidUtf8(Position { line: 2, col: 5 }))
        );
        assert_eq!(
            decode(b"a = 1\r\nb = 2\rc = 3\n".to_vec()),
            Err(EncodingError::LoneCarriageReturn(Position {
                line: 2,
                col: 6
            }))
        );
    }
}
