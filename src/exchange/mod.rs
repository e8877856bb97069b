//! The translators' exchange: `pamphlet export` and `pamphlet import`.
//!
//! A locale's messages become *translation units* ([`units`]): one per
//! message or term value and one per attribute, each with one *segment* per
//! variant of its select expressions (lifted, so that every segment is a
//! whole sentence), placeables as protected inline codes, the `.ftl`
//! comments as notes, `# max-length:` as a size limit, where the campaigns
//! print the message, and its review state. The units are written as XLIFF 2
//! ([`xliff`]) or PO ([`po`]) and read back from either; [`import`] checks
//! what a translator sends back against the units exported from today's
//! files, and [`merge`] rewrites only the messages whose text changed, every
//! other byte of the `.ftl` file kept.
//!
//! The module works on texts (file name and contents): the command layer
//! reads the workspace, and tests run the same code on any folder of
//! `.ftl` files.

pub mod gettext;
pub mod import;
pub mod merge;
pub mod po;
pub mod units;
pub mod workspace;
pub mod xliff;

use crate::source::Position;

pub use import::{Change, ImportError, Plan, plan};
pub use units::{Exchange, FileUnits, Key, Note, Piece, Segment, State, Text, Unit};

/// An exchange file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// XLIFF 2.0, bilingual.
    Xliff,
    /// GNU gettext PO, one entry per segment.
    Po,
}

impl Format {
    /// The file extension written.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Xliff => "xlf",
            Format::Po => "po",
        }
    }

    /// The format of a file, by its extension.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "xlf" | "xliff" | "xlf2" => Some(Format::Xliff),
            "po" | "pot" => Some(Format::Po),
            _ => None,
        }
    }
}

/// Which units an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Only {
    /// Units without a translation.
    Missing,
    /// Units whose translation was reviewed against another source text.
    Stale,
    /// Every unit.
    All,
}

/// Writes `exchange` in `format`.
pub fn write(exchange: &Exchange, format: Format) -> String {
    match format {
        Format::Xliff => xliff::write(exchange),
        Format::Po => po::write(exchange),
    }
}

/// Reads an exchange file's text (`display` names it in errors).
pub fn read(display: &str, text: &str, format: Format) -> Result<Sent, ReadError> {
    match format {
        Format::Xliff => xliff::read(display, text),
        Format::Po => po::read(display, text),
    }
}

/// What a translator sent back: the units of one exchange file, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// The target locale the file declares, and where.
    pub target_lang: String,
    pub target_lang_at: Position,
    pub units: Vec<SentUnit>,
}

/// One unit of an exchange file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentUnit {
    /// `msg`, `msg.attr`, `-term` or `-term.attr`.
    pub id: String,
    pub at: Position,
    pub segments: Vec<SentSegment>,
}

/// One segment of a sent unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentSegment {
    /// The segment's variant keys as the file names them (`$days` → `few`),
    /// when it names them; otherwise its position decides.
    pub keys: Option<Vec<(String, String)>>,
    /// The 0-based index the file gives the segment (`s3` → 2).
    pub index: usize,
    /// The translation; `None` when empty or absent.
    pub target: Option<Text>,
    /// Where the target (or, without one, the segment) starts.
    pub at: Position,
    /// Did the translator mark it done (XLIFF `reviewed`/`final`, PO without
    /// `fuzzy`)?
    pub confirmed: bool,
    /// Inline codes of the target that could not be read, with where.
    pub broken: Vec<(Position, String)>,
}

/// An exchange file that cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{}:{}: {message}", at.line, at.col)]
pub struct ReadError {
    pub file: String,
    pub at: Position,
    pub message: String,
}

impl ReadError {
    pub fn new(file: &str, at: Position, message: impl Into<String>) -> ReadError {
        ReadError {
            file: file.to_owned(),
            at,
            message: message.into(),
        }
    }
}
