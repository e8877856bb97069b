//! The voice-over script: a plain-text file for the person who records the
//! voice-over, one paragraph per cue: its number and timing
//! (`00:00:04.000 – 00:00:08.500`), then the text, led by the speaker's name
//! when there is one, wrapped at 72 columns. The text is the cue's
//! voice-over message when it has one, else its subtitle lines joined. Lines
//! end in LF. Right-to-left text keeps Fluent's isolates (a Latin phone
//! number keeps its order) and each text line starts with RLM, so a viewer
//! that takes a paragraph's direction from its first letter shows it
//! right-to-left; left-to-right text carries no bidi control.

use super::{Cue, RLM, Track, shown_lines, strip_bidi};
use crate::wrap::wrap;

/// Width the text is wrapped to.
pub const WIDTH: usize = 72;

/// One cue of the script, with its voice-over text when that differs from
/// the subtitle.
#[derive(Clone, Copy, Debug)]
pub struct ScriptCue<'a> {
    pub cue: &'a Cue,
    pub voice_over: Option<&'a str>,
}

/// The voice-over script of `cues`.
pub fn write(track: Track, cues: &[ScriptCue<'_>]) -> String {
    let mut out = String::new();
    for (i, sc) in cues.iter().enumerate() {
        let cue = sc.cue;
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!(
            "{}  {} – {}\n",
            i + 1,
            cue.start.vtt(),
            cue.end.vtt()
        ));
        let text = match sc.voice_over.filter(|v| !v.trim().is_empty()) {
            Some(v) => v.split_whitespace().collect::<Vec<_>>().join(" "),
            None => shown_lines(cue)
                .iter()
                .map(|l| l.trim())
                .collect::<Vec<_>>()
                .join(" "),
        };
        let first = cue
            .speaker
            .as_deref()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
            .map(|s| format!("{s}: "))
            .unwrap_or_default();
        let (text, first) = if track.rtl {
            (text, first)
        } else {
            (strip_bidi(&text), strip_bidi(&first))
        };
        for line in wrap(&text, WIDTH, &first, 0).lines() {
            if track.rtl {
                out.push(RLM);
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::Millis;
    use super::*;

    fn cue(lines: &[&str], speaker: Option<&str>) -> Cue {
        Cue {
            start: Millis(4_000),
            end: Millis(8_500),
            lines: lines.iter().map(|l| l.to_string()).collect(),
            speaker: speaker.map(str::to_string),
            id: None,
        }
    }

    #[test]
    fn each_cue_has_its_timing_speaker_and_text() {
        let a = cue(&["Register today,", "it takes five minutes."], Some("Anna"));
        let b = cue(&["Call \u{2068}112\u{2069}."], None);
        let script = write(
            Track { rtl: false },
            &[
                ScriptCue {
                    cue: &a,
                    voice_over: None,
                },
                ScriptCue {
                    cue: &b,
                    voice_over: Some(
                        "Call \u{2068}one one two\u{2069} any time of day or night, we will answer and help you.",
                    ),
                },
            ],
        );
        assert_eq!(
            script,
            "1  00:00:04.000 – 00:00:08.500\nAnna: Register today, it takes five minutes.\n\n\
             2  00:00:04.000 – 00:00:08.500\n\
             Call one one two any time of day or night, we will answer and help you.\n"
        );
        assert!(script.lines().all(|l| l.chars().count() <= WIDTH));
    }

    #[test]
    fn right_to_left_text_lines_start_with_a_mark() {
        let c = cue(&["\u{2068}112\u{2069} اتصل الآن."], None);
        let script = write(
            Track { rtl: true },
            &[ScriptCue {
                cue: &c,
                voice_over: None,
            }],
        );
        assert_eq!(
            script,
            "1  00:00:04.000 – 00:00:08.500\n\u{200F}\u{2068}112\u{2069} اتصل الآن.\n"
        );
    }
}
