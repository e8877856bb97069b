//! WebVTT writer.
//!
//! The file is `WEBVTT`, a blank line, then one block per cue: its
//! identifier when it has one, the timing line, the lines of text. No
//! header metadata: the language belongs to the `<track srclang>` or the
//! streaming manifest, and a `Language:` header is no part of the standard.
//! Text escapes `&`, `<` and `>` as the format requires. A speaker becomes a
//! voice span, `<v Name>…</v>`, which players expose for styling (a browser
//! does not print the name). Right-to-left lines are framed by RLM and keep
//! Fluent's isolation marks, which browsers implement; left-to-right lines
//! carry no bidi control at all. A cue without text, or whose end is not
//! after its start, is left out: no player would show it.

use super::{Cue, Track, directed, shown_lines};

/// The WebVTT file of `cues`, LF line endings, UTF-8 without BOM.
pub fn write(track: Track, cues: &[Cue]) -> String {
    let mut out = String::from("WEBVTT\n");
    for cue in cues {
        let lines = shown_lines(cue);
        if lines.is_empty() || cue.end <= cue.start {
            continue;
        }
        out.push('\n');
        if let Some(id) = cue.id.as_deref().map(identifier).filter(|s| !s.is_empty()) {
            out.push_str(&id);
            out.push('\n');
        }
        out.push_str(&cue.start.vtt());
        out.push_str(" --> ");
        out.push_str(&cue.end.vtt());
        out.push('\n');
        let speaker = cue
            .speaker
            .as_deref()
            .map(|s| escape(&one_line(s)))
            .filter(|s| !s.is_empty());
        if let Some(name) = &speaker {
            out.push_str("<v ");
            out.push_str(name);
            out.push('>');
        }
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&escape(&directed(line, track.rtl)));
        }
        if speaker.is_some() {
            out.push_str("</v>");
        }
        out.push('\n');
    }
    out
}

/// `&`, `<`, `>` as character references, the three the format reserves.
pub fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            c => s.push(c),
        }
    }
    s
}

/// A cue identifier may not hold a line break nor `-->` (the parser would
/// take it for a timing line).
fn identifier(id: &str) -> String {
    let mut s = one_line(id);
    while s.contains("-->") {
        s = s.replace("-->", "->");
    }
    s
}

fn one_line(s: &str) -> String {
    s.split(['\n', '\r'])
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::super::{Millis, RLM};
    use super::*;

    fn cue(lines: &[&str]) -> Cue {
        Cue {
            start: Millis(1_000),
            end: Millis(4_500),
            lines: lines.iter().map(|l| l.to_string()).collect(),
            speaker: None,
            id: None,
        }
    }

    const EN: Track = Track { rtl: false };
    const AR: Track = Track { rtl: true };

    #[test]
    fn a_cue_block_has_identifier_timing_and_text() {
        let mut c = cue(&["Register today,", "it takes five minutes."]);
        c.id = Some("video-cue-1".into());
        assert_eq!(
            write(EN, &[c]),
            "WEBVTT\n\nvideo-cue-1\n00:00:01.000 --> 00:00:04.500\nRegister today,\nit takes five minutes.\n"
        );
    }

    #[test]
    fn text_and_names_are_escaped() {
        let mut c = cue(&["Tom & Jerry <3 -->"]);
        c.speaker = Some("A<b>".into());
        c.id = Some("bad-->id\nx".into());
        let vtt = write(EN, &[c]);
        assert!(vtt.contains("\nbad->id x\n"), "{vtt}");
        assert!(
            vtt.contains("<v A&lt;b&gt;>Tom &amp; Jerry &lt;3 --&gt;</v>\n"),
            "{vtt}"
        );
        assert_eq!(vtt.matches("-->").count(), 1, "{vtt}");
    }

    #[test]
    fn right_to_left_lines_have_marks_and_left_to_right_lines_none() {
        let ar = write(AR, &[cue(&["\u{2068}112\u{2069} اتصل الآن!", "مجانًا."])]);
        assert!(
            ar.contains(&format!(
                "{RLM}\u{2068}112\u{2069} اتصل الآن!{RLM}\n{RLM}مجانًا.{RLM}\n"
            )),
            "{ar:?}"
        );
        let en = write(
            EN,
            &[cue(&["\u{200F}Call \u{2068}112\u{2069} now!\u{202B}"])],
        );
        assert!(en.contains("\nCall 112 now!\n"), "{en:?}");
        assert!(!en.chars().any(super::super::is_bidi_control), "{en:?}");
    }

    #[test]
    fn cues_that_no_player_would_show_are_left_out() {
        let mut backwards = cue(&["x"]);
        backwards.end = Millis(500);
        let vtt = write(EN, &[cue(&[]), cue(&["", " "]), backwards]);
        assert_eq!(vtt, "WEBVTT\n");
        // an embedded line break in a line never makes a blank line
        let vtt = write(EN, &[cue(&["a\n\nb"])]);
        assert!(vtt.ends_with("\na\nb\n"), "{vtt:?}");
    }
}
