//! The subtitle checks: line width, lines per cue, reading speed, cue
//! duration, overlapping and misordered cues. Each finding carries its
//! numbers and reads as one plain sentence.
//!
//! Reading speed counts visible characters: every character with display
//! width (letters, digits, punctuation, spaces), each once whatever its
//! width, so a wide CJK character is one character; combining marks, bidi
//! marks and other zero-width characters do not count. A line break counts
//! as one character, as the space it replaces would, so breaking a text
//! differently never changes its reading speed. The speaker's label is not
//! counted: it is read at a glance.

use std::fmt;

use unicode_width::UnicodeWidthChar;

use super::lines::{self, Broken, break_lines};
use super::{Cue, Millis};

/// The thresholds of the checks. The defaults follow common broadcaster
/// guidelines (see docs/subtitles.md): 42 columns, 2 lines, 17 characters
/// a second, 5/6 s to 7 s on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    pub max_line_width: usize,
    pub max_lines: usize,
    pub max_cps: f64,
    pub min_duration: Millis,
    pub max_duration: Millis,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_line_width: 42,
            max_lines: 2,
            max_cps: 17.0,
            min_duration: Millis(833),
            max_duration: Millis(7_000),
        }
    }
}

/// Which cue a finding is about: its 1-based number in the file and its
/// identifier when it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CueRef {
    pub number: usize,
    pub id: Option<String>,
}

impl fmt::Display for CueRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "cue {} (`{id}`)", self.number),
            None => write!(f, "cue {}", self.number),
        }
    }
}

/// One problem of one cue. Every threshold is "at most" (or "at least"):
/// a value equal to it passes.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    /// A line wider than the limit; `line` is 1-based. The first line of a
    /// cue with a speaker is measured with SRT's `Name: ` label.
    LineTooWide {
        cue: CueRef,
        line: usize,
        width: usize,
        max: usize,
        with_speaker: bool,
    },
    TooManyLines {
        cue: CueRef,
        lines: usize,
        max: usize,
    },
    /// More characters than can be read in the cue's time.
    TooFast {
        cue: CueRef,
        chars: usize,
        duration: Millis,
        cps: f64,
        max: f64,
    },
    TooShort {
        cue: CueRef,
        duration: Millis,
        min: Millis,
    },
    TooLong {
        cue: CueRef,
        duration: Millis,
        max: Millis,
    },
    /// The cue starts before an earlier cue ends.
    Overlap {
        cue: CueRef,
        start: Millis,
        previous: CueRef,
        previous_end: Millis,
    },
    /// The cue starts before the cue listed before it starts.
    OutOfOrder {
        cue: CueRef,
        start: Millis,
        previous: CueRef,
        previous_start: Millis,
    },
}

impl Finding {
    /// The cue the finding is about.
    pub fn cue(&self) -> &CueRef {
        match self {
            Finding::LineTooWide { cue, .. }
            | Finding::TooManyLines { cue, .. }
            | Finding::TooFast { cue, .. }
            | Finding::TooShort { cue, .. }
            | Finding::TooLong { cue, .. }
            | Finding::Overlap { cue, .. }
            | Finding::OutOfOrder { cue, .. } => cue,
        }
    }
}

/// `17`, `20.5`: a limit as a person writes it.
fn number(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Finding::LineTooWide {
                cue,
                line,
                width,
                max,
                with_speaker,
            } => {
                let label = if *with_speaker {
                    " with the speaker's name"
                } else {
                    ""
                };
                write!(
                    f,
                    "{cue}: line {line}{label} is {width} characters wide; at most {max}"
                )
            }
            Finding::TooManyLines { cue, lines, max } => {
                write!(f, "{cue}: {lines} lines; at most {max}")
            }
            Finding::TooFast {
                cue,
                chars,
                duration,
                cps,
                max,
            } => write!(
                f,
                "{cue}: {chars} characters in {duration} is {:.1} characters per second; at most {}",
                cps,
                number(*max)
            ),
            Finding::TooShort { cue, duration, min } => {
                write!(f, "{cue}: shown for {duration}; at least {min}")
            }
            Finding::TooLong { cue, duration, max } => {
                write!(f, "{cue}: shown for {duration}; at most {max}")
            }
            Finding::Overlap {
                cue,
                start,
                previous,
                previous_end,
            } => write!(
                f,
                "{cue}: starts at {}, before {previous} ends at {}",
                start.vtt(),
                previous_end.vtt()
            ),
            Finding::OutOfOrder {
                cue,
                start,
                previous,
                previous_start,
            } => write!(
                f,
                "{cue}: starts at {}, before {previous} above it starts at {}",
                start.vtt(),
                previous_start.vtt()
            ),
        }
    }
}

/// The visible characters of a cue's lines for reading speed (see the
/// module doc): line breaks count one each.
pub fn reading_chars(lines: &[String]) -> usize {
    let visible: usize = lines
        .iter()
        .flat_map(|l| l.chars())
        .filter(|c| c.width().is_some_and(|w| w > 0))
        .count();
    visible + lines.len().saturating_sub(1)
}

/// The width SRT's speaker label adds to a cue's first line: `Name: `.
pub fn speaker_label_width(speaker: &str) -> usize {
    lines::width(speaker) + 2
}

/// Breaks a cue's text like [`break_lines`], keeping room on the first
/// line for the speaker's label, which SRT shows there.
pub fn break_cue(text: &str, speaker: Option<&str>, limits: &Limits) -> Broken {
    let Some(speaker) = speaker.filter(|s| !s.trim().is_empty()) else {
        return break_lines(text, limits.max_line_width, limits.max_lines);
    };
    // the label as one unbreakable word before the text, removed afterwards
    let label = format!(
        "\u{2068}{}\u{2069}",
        "x".repeat(speaker_label_width(speaker) - 1)
    );
    let joined = match text.split_once(['\n', '\r']) {
        Some((first, rest)) => format!("{label} {first}\n{rest}"),
        None => format!("{label} {text}"),
    };
    let mut broken = break_lines(&joined, limits.max_line_width, limits.max_lines);
    if let Some(first) = broken.lines.first_mut() {
        *first = first
            .strip_prefix(&label)
            .unwrap_or(first)
            .trim_start()
            .to_string();
        if first.is_empty() {
            // the label alone on its line: the text starts on the next one,
            // and the label then goes before it
            broken.lines.remove(0);
        }
    }
    broken
}

/// Every finding of `cues`, in cue order.
pub fn check(cues: &[Cue], limits: &Limits) -> Vec<Finding> {
    let mut out = Vec::new();
    // the cue that ends last so far, for overlaps with any earlier cue
    let mut latest: Option<(usize, Millis)> = None;
    for (i, cue) in cues.iter().enumerate() {
        let here = cue_ref(cues, i);
        let shown: Vec<&String> = cue.lines.iter().filter(|l| !l.trim().is_empty()).collect();
        let label = cue
            .speaker
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map_or(0, speaker_label_width);
        for (n, line) in shown.iter().enumerate() {
            let with_speaker = n == 0 && label > 0;
            let width = lines::width(line) + if with_speaker { label } else { 0 };
            if width > limits.max_line_width {
                out.push(Finding::LineTooWide {
                    cue: here.clone(),
                    line: n + 1,
                    width,
                    max: limits.max_line_width,
                    with_speaker,
                });
            }
        }
        if shown.len() > limits.max_lines {
            out.push(Finding::TooManyLines {
                cue: here.clone(),
                lines: shown.len(),
                max: limits.max_lines,
            });
        }
        let duration = cue.end.saturating_sub(cue.start);
        let owned: Vec<String> = shown.iter().map(|l| l.to_string()).collect();
        let chars = reading_chars(&owned);
        if duration.0 > 0 {
            let cps = chars as f64 / duration.as_secs_f64();
            if cps > limits.max_cps {
                out.push(Finding::TooFast {
                    cue: here.clone(),
                    chars,
                    duration,
                    cps,
                    max: limits.max_cps,
                });
            }
        }
        if duration < limits.min_duration {
            out.push(Finding::TooShort {
                cue: here.clone(),
                duration,
                min: limits.min_duration,
            });
        } else if duration > limits.max_duration {
            out.push(Finding::TooLong {
                cue: here.clone(),
                duration,
                max: limits.max_duration,
            });
        }
        if i > 0 && cue.start < cues[i - 1].start {
            out.push(Finding::OutOfOrder {
                cue: here.clone(),
                start: cue.start,
                previous: cue_ref(cues, i - 1),
                previous_start: cues[i - 1].start,
            });
        } else if let Some((p, end)) = latest.filter(|(_, end)| cue.start < *end) {
            out.push(Finding::Overlap {
                cue: here.clone(),
                start: cue.start,
                previous: cue_ref(cues, p),
                previous_end: end,
            });
        }
        if latest.is_none_or(|(_, end)| cue.end > end) {
            latest = Some((i, cue.end));
        }
    }
    out
}

fn cue_ref(cues: &[Cue], i: usize) -> CueRef {
    CueRef {
        number: i + 1,
        id: cues.get(i).and_then(|c| c.id.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(start: u64, end: u64, lines: &[&str]) -> Cue {
        Cue {
            start: Millis(start),
            end: Millis(end),
            lines: lines.iter().map(|l| l.to_string()).collect(),
            speaker: None,
            id: None,
        }
    }

    fn findings(cues: &[Cue]) -> Vec<Finding> {
        check(cues, &Limits::default())
    }

    #[test]
    fn a_good_cue_has_no_finding() {
        assert_eq!(findings(&[cue(0, 3_000, &["Register today."])]), []);
        assert_eq!(findings(&[]), []);
    }

    #[test]
    fn line_width_fires_above_the_limit_only() {
        let at = "a".repeat(42);
        let over = "a".repeat(43);
        assert_eq!(findings(&[cue(0, 5_000, &[&at])]), []);
        let f = findings(&[cue(0, 5_000, &["ok", &over])]);
        assert!(
            matches!(
                f.as_slice(),
                [Finding::LineTooWide {
                    line: 2,
                    width: 43,
                    max: 42,
                    with_speaker: false,
                    ..
                }]
            ),
            "{f:?}"
        );
        assert_eq!(
            f[0].to_string(),
            "cue 1: line 2 is 43 characters wide; at most 42"
        );
        // a speaker's label that leaves the line at the limit passes
        let mut c = cue(0, 5_000, &[&"a".repeat(36)]);
        c.speaker = Some("Anna".into());
        assert_eq!(findings(&[c]), []);
    }

    #[test]
    fn the_speaker_label_counts_on_the_first_line() {
        let mut c = cue(0, 5_000, &[&"a".repeat(37)]);
        c.speaker = Some("Anna".into());
        // 37 + "Anna: " (6) = 43
        let f = findings(&[c]);
        assert!(
            matches!(
                f.as_slice(),
                [Finding::LineTooWide {
                    line: 1,
                    width: 43,
                    with_speaker: true,
                    ..
                }]
            ),
            "{f:?}"
        );
        assert!(
            f[0].to_string()
                .contains("line 1 with the speaker's name is 43")
        );
    }

    #[test]
    fn too_many_lines_fires_above_the_limit_only() {
        assert_eq!(findings(&[cue(0, 5_000, &["a", "b"])]), []);
        let f = findings(&[cue(0, 5_000, &["a", "b", "c"])]);
        assert!(
            matches!(
                f.as_slice(),
                [Finding::TooManyLines {
                    lines: 3,
                    max: 2,
                    ..
                }]
            ),
            "{f:?}"
        );
    }

    #[test]
    fn reading_speed_fires_above_the_limit_only() {
        // 34 characters in 2 s is exactly 17 a second
        let at = "a".repeat(34);
        assert_eq!(findings(&[cue(0, 2_000, &[&at])]), []);
        let over = "a".repeat(35);
        let f = findings(&[cue(0, 2_000, &[&over])]);
        assert!(
            matches!(f.as_slice(), [Finding::TooFast { chars: 35, .. }]),
            "{f:?}"
        );
        // the brief's example: 58 characters in 2.5 s
        let mut c = cue(1_000, 3_500, &[&"a".repeat(28), &"b".repeat(29)]);
        c.id = Some("video-cue-3".into());
        let f = check(
            &[cue(0, 500, &[]), cue(500, 1_000, &[]), c],
            &Limits::default(),
        );
        let fast = f
            .iter()
            .find(|f| matches!(f, Finding::TooFast { .. }))
            .unwrap();
        assert_eq!(
            fast.to_string(),
            "cue 3 (`video-cue-3`): 58 characters in 2.5 s is 23.2 characters per second; at most 17"
        );
        // a per-locale limit
        let limits = Limits {
            max_cps: 20.5,
            ..Limits::default()
        };
        assert_eq!(check(&[cue(0, 2_000, &[&over])], &limits), []);
    }

    #[test]
    fn reading_characters_skip_invisible_marks() {
        let ar = ["\u{200F}مَرحبًا\u{200F}".to_string()];
        // م ر ح ب ا: the two harakat and the tanween and the marks are not read
        assert_eq!(reading_chars(&ar), 5);
        assert_eq!(reading_chars(&["ab".into(), "cd".into()]), 5);
        assert_eq!(reading_chars(&["日本語".into()]), 3);
        assert_eq!(reading_chars(&[]), 0);
    }

    #[test]
    fn duration_fires_outside_the_range_only() {
        assert_eq!(findings(&[cue(0, 833, &["Hi."])]), []);
        assert_eq!(findings(&[cue(0, 7_000, &["Hi."])]), []);
        let f = findings(&[cue(0, 832, &["Hi"])]);
        assert!(
            matches!(
                f.as_slice(),
                [Finding::TooShort {
                    duration: Millis(832),
                    ..
                }]
            ),
            "{f:?}"
        );
        assert_eq!(
            f[0].to_string(),
            "cue 1: shown for 0.832 s; at least 0.833 s"
        );
        let f = findings(&[cue(0, 7_001, &["Hi."])]);
        assert!(matches!(f.as_slice(), [Finding::TooLong { .. }]), "{f:?}");
        assert_eq!(f[0].to_string(), "cue 1: shown for 7.001 s; at most 7 s");
        // an end before the start is a cue of no time, not a panic
        let f = findings(&[cue(5_000, 1_000, &["Hi."])]);
        assert!(
            matches!(
                f.as_slice(),
                [Finding::TooShort {
                    duration: Millis(0),
                    ..
                }]
            ),
            "{f:?}"
        );
    }

    #[test]
    fn overlaps_and_order_fire_only_when_cues_cross() {
        // touching cues are fine
        assert_eq!(
            findings(&[cue(0, 2_000, &["a"]), cue(2_000, 4_000, &["b"])]),
            []
        );
        let f = findings(&[cue(0, 2_000, &["a"]), cue(1_999, 4_000, &["b"])]);
        assert!(
            matches!(
                f.as_slice(),
                [Finding::Overlap {
                    previous: CueRef { number: 1, .. },
                    ..
                }]
            ),
            "{f:?}"
        );
        assert_eq!(
            f[0].to_string(),
            "cue 2: starts at 00:00:01.999, before cue 1 ends at 00:00:02.000"
        );
        // overlap with a long cue two back
        let f = findings(&[
            cue(0, 6_000, &["a"]),
            cue(1_000, 3_000, &["b"]),
            cue(4_000, 5_000, &["c"]),
        ]);
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(matches!(
            &f[1],
            Finding::Overlap {
                cue: CueRef { number: 3, .. },
                previous: CueRef { number: 1, .. },
                ..
            }
        ));
        let f = findings(&[cue(3_000, 5_000, &["a"]), cue(0, 2_000, &["b"])]);
        assert!(
            matches!(f.as_slice(), [Finding::OutOfOrder { .. }]),
            "{f:?}"
        );
    }

    #[test]
    fn break_cue_keeps_room_for_the_speaker() {
        let limits = Limits {
            max_line_width: 20,
            ..Limits::default()
        };
        let text = "We answer every call at night";
        let plain = break_cue(text, None, &limits);
        let spoken = break_cue(text, Some("Operator"), &limits);
        assert!(plain.fits && spoken.fits, "{plain:?} {spoken:?}");
        assert!(
            lines::width(&spoken.lines[0]) + speaker_label_width("Operator") <= 20,
            "{spoken:?}"
        );
        assert_eq!(spoken.lines.join(" "), text);
        let mut c = cue(0, 5_000, &[]);
        c.lines = spoken.lines;
        c.speaker = Some("Operator".into());
        assert_eq!(check(&[c], &limits), []);
    }
}
