//! Subtitles of `kind = "video"` documents: from cue texts that Fluent has
//! already resolved to the files a video player reads and the findings a
//! translator must hear about.
//!
//! This module owns the subtitle rules and nothing else: no campaign
//! parsing, no localization, no file writing, no diagnostics printing. The
//! caller resolves each cue's message, reads its timing with [`time`],
//! lays its text out with [`break_lines`] into a [`Cue`], and then writes
//! [`vtt::write`], [`srt::write`] and [`script::write`] and reports
//! [`check::check`]'s findings. Every function is pure and total: any input
//! gives an output or a typed error, never a panic.
//!
//! The rules, their defaults and the reasons for them are in
//! docs/subtitles.md.

pub mod check;
pub mod lines;
pub mod script;
pub mod srt;
pub mod time;
pub mod vtt;

pub use check::{CueRef, Finding, Limits, break_cue, check, reading_chars};
pub use lines::{Broken, break_lines};
pub use time::{Millis, TimeError};

/// One laid-out cue: its time span, the lines as shown, and who speaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    pub start: Millis,
    pub end: Millis,
    /// The lines as displayed, in logical order, without line breaks; may
    /// hold Fluent's isolation marks around placeables (the writers decide
    /// what becomes of them).
    pub lines: Vec<String>,
    /// The speaker's name, shown as a voice span in WebVTT and a label in
    /// SRT.
    pub speaker: Option<String>,
    /// The WebVTT cue identifier (the caller's choice, e.g. the message id).
    pub id: Option<String>,
}

/// How one subtitle file is written. Its language is not part of it: a
/// player takes that from the `<track srclang>` or the file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Track {
    /// Right-to-left script: every line gets direction marks (see
    /// docs/subtitles.md); left-to-right lines get none at all.
    pub rtl: bool,
}

/// U+200F RIGHT-TO-LEFT MARK: an invisible strong right-to-left character.
pub const RLM: char = '\u{200F}';

/// The invisible characters that steer the bidi algorithm: the marks
/// (LRM, RLM, ALM), the embeddings and overrides (LRE … RLO) and the
/// isolates (LRI … PDI, which Fluent puts around every placeable).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without any bidi control character.
pub fn strip_bidi(text: &str) -> String {
    text.chars().filter(|c| !is_bidi_control(*c)).collect()
}

/// One displayed line in a file of `track`'s direction: left-to-right lines
/// lose every bidi control; right-to-left lines are framed by RLM so that
/// the line's direction and its edge punctuation do not depend on the first
/// or last word being Arabic.
fn directed(line: &str, rtl: bool) -> String {
    let bare = line.trim_matches(|c: char| c == RLM || c.is_whitespace());
    if rtl {
        let mut s = String::with_capacity(bare.len() + 6);
        s.push(RLM);
        s.push_str(bare);
        s.push(RLM);
        s
    } else {
        strip_bidi(bare)
    }
}

/// The cue's lines as they will be shown: a line holding a line break is
/// split there, and lines with nothing visible are dropped (a blank line
/// would end the cue in both formats).
fn shown_lines(cue: &Cue) -> Vec<&str> {
    cue.lines
        .iter()
        .flat_map(|l| l.split(['\n', '\r']))
        .filter(|l| {
            !l.trim_matches(|c: char| c.is_whitespace() || is_bidi_control(c))
                .is_empty()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directed_lines_have_marks_only_when_right_to_left() {
        assert_eq!(directed("\u{2068}112\u{2069} now.", false), "112 now.");
        assert_eq!(
            directed("\u{200F}112 الآن.", true),
            "\u{200F}112 الآن.\u{200F}"
        );
    }
}
