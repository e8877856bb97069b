//! SubRip (SRT) writer.
//!
//! Blocks of a 1-based counter, the timing line (`00:00:01,000 --> …`) and
//! the text, separated by blank lines. Lines end in CRLF, the form of the
//! Windows tools SubRip comes from, which every parser also accepts; the
//! file is UTF-8 without a byte order mark (a BOM glued to the first
//! counter trips simple parsers, and current players detect UTF-8). SRT has
//! no escaping: text is written as it is, except that `-->` becomes `->` so
//! that no text line looks like a timing line. A speaker is a `Name: `
//! label at the start of the first line, the common convention of
//! subtitles for the deaf and hard of hearing. Right-to-left lines are
//! framed by RLM like WebVTT's; Fluent's isolates become the older
//! embeddings (LRE or RLE … PDF), since SRT is read by many renderers whose
//! bidi support predates isolates. Cues without text, or whose end is not
//! after the start, are left out and not counted.

use super::{Cue, Track, directed, shown_lines};

/// The SRT file of `cues`.
pub fn write(track: Track, cues: &[Cue]) -> String {
    let mut out = String::new();
    let mut n = 0;
    for cue in cues {
        let lines = shown_lines(cue);
        if lines.is_empty() || cue.end <= cue.start {
            continue;
        }
        n += 1;
        if n > 1 {
            out.push_str("\r\n");
        }
        out.push_str(&format!(
            "{n}\r\n{} --> {}\r\n",
            cue.start.srt(),
            cue.end.srt()
        ));
        let label = cue
            .speaker
            .as_deref()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty());
        for (i, line) in lines.iter().enumerate() {
            let line = match (&label, i) {
                (Some(name), 0) => format!("{name}: {line}"),
                _ => line.to_string(),
            };
            let mut line = directed(&line, track.rtl);
            if track.rtl {
                line = embeddings(&line);
            }
            while line.contains("-->") {
                line = line.replace("-->", "->");
            }
            out.push_str(&line);
            out.push_str("\r\n");
        }
    }
    out
}

/// Isolates (LRI, RLI, FSI … PDI) as embeddings (LRE, RLE … PDF). FSI takes
/// the direction of the first strong character it holds, left-to-right when
/// none (a number). A PDI without its isolate is dropped; isolates still
/// open at the end of the line are closed there.
fn embeddings(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut open = 0usize;
    for (i, c) in line.char_indices() {
        match c {
            '\u{2066}' => out.push('\u{202A}'),
            '\u{2067}' => out.push('\u{202B}'),
            '\u{2068}' => out.push(if first_strong_is_rtl(&line[i + c.len_utf8()..]) {
                '\u{202B}'
            } else {
                '\u{202A}'
            }),
            '\u{2069}' => {
                if open > 0 {
                    open -= 1;
                    out.push('\u{202C}');
                }
                continue;
            }
            c => {
                out.push(c);
                continue;
            }
        }
        open += 1;
    }
    let trailing_rlm = out.ends_with(super::RLM);
    if trailing_rlm {
        out.pop();
    }
    for _ in 0..open {
        out.push('\u{202C}');
    }
    if trailing_rlm {
        out.push(super::RLM);
    }
    out
}

/// The first strong character up to the end of the current isolate is
/// right-to-left (Hebrew, Arabic and the other right-to-left scripts).
fn first_strong_is_rtl(rest: &str) -> bool {
    let mut depth = 0usize;
    for c in rest.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => depth += 1,
            '\u{2069}' if depth == 0 => return false,
            '\u{2069}' => depth -= 1,
            _ if depth > 0 => {}
            '\u{200F}' => return true,
            '\u{200E}' => return false,
            c if is_rtl_letter(c) => return true,
            c if c.is_alphabetic() => return false,
            _ => {}
        }
    }
    false
}

fn is_rtl_letter(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}')
        && c.is_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::super::{Millis, RLM};
    use super::*;

    fn cue(start: u64, lines: &[&str]) -> Cue {
        Cue {
            start: Millis(start),
            end: Millis(start + 2_000),
            lines: lines.iter().map(|l| l.to_string()).collect(),
            speaker: None,
            id: Some("ignored-in-srt".into()),
        }
    }

    const EN: Track = Track { rtl: false };
    const AR: Track = Track { rtl: true };

    #[test]
    fn blocks_are_counted_from_one_with_crlf() {
        let mut second = cue(62_500, &["Tom & <Jerry>", "a --> b"]);
        second.speaker = Some("Anna".into());
        let srt = write(EN, &[cue(0, &["First"]), cue(1_000, &[]), second]);
        assert_eq!(
            srt,
            "1\r\n00:00:00,000 --> 00:00:02,000\r\nFirst\r\n\r\n\
             2\r\n00:01:02,500 --> 00:01:04,500\r\nAnna: Tom & <Jerry>\r\na -> b\r\n"
        );
        assert!(!srt.starts_with('\u{FEFF}'));
    }

    #[test]
    fn right_to_left_lines_have_marks_and_embeddings() {
        let srt = write(AR, &[cue(0, &["اتصل بالرقم \u{2068}+7 495\u{2069} الآن."])]);
        assert!(
            srt.contains(&format!(
                "{RLM}اتصل بالرقم \u{202A}+7 495\u{202C} الآن.{RLM}\r\n"
            )),
            "{srt:?}"
        );
        assert_eq!(
            embeddings("\u{2068}سلام\u{2069} \u{2069}\u{2068}x"),
            "\u{202B}سلام\u{202C} \u{202A}x\u{202C}"
        );
        let en = write(EN, &[cue(0, &["\u{200F}Call \u{2068}112\u{2069}"])]);
        assert!(!en.chars().any(super::super::is_bidi_control), "{en:?}");
    }
}
