//! Quoting a message as its `.ftl` file writes it: for the hints of the
//! checks, for the record of what a translation was reviewed against, and
//! for showing how a source text changed.
//!
//! A quote is the text after `id =` (the value and the attributes) exactly as
//! typed: placeables and select expressions are kept, never resolved or
//! flattened into their text, so `{ $days -> [one] day *[other] days }` is
//! quoted as that and not as "day days". Line breaks fold into spaces, and a
//! long quote is cut on a character boundary with an ellipsis.

/// Longest quote of a message in a diagnostic, in characters (ellipsis
/// included): long enough for a sentence with a plural selector, short
/// enough to keep a hint to a line or two of a terminal.
pub const LIMIT: usize = 100;

/// Characters of unchanged text kept on each side of a change when a long
/// message is quoted around it.
const CONTEXT: usize = 40;

/// The lines of an entry's value and attributes as written: the text after
/// `id =` up to the next entry, without the comments and blank lines at its
/// end (they belong to the next entry), each line without trailing
/// whitespace (so `\r\n` and `\n` read the same). The first line is trimmed;
/// the others keep their indentation.
pub fn value_lines(entry_text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = entry_text.lines().map(str::trim_end).collect();
    while lines
        .last()
        .is_some_and(|l| l.is_empty() || l.starts_with('#'))
    {
        lines.pop();
    }
    let Some(first) = lines.first_mut() else {
        return lines;
    };
    // ids cannot hold `=`: the first one ends the id
    *first = first
        .split_once('=')
        .map_or(*first, |(_, v)| v.trim_start());
    if first.is_empty() {
        lines.remove(0);
    }
    if let Some(first) = lines.first_mut() {
        *first = first.trim_start();
    }
    lines
}

/// [`value_lines`] joined with `\n`: the text `reviewed.toml` records.
pub fn value_text(entry_text: &str) -> String {
    value_lines(entry_text).join("\n")
}

/// Lines folded onto one: each line break, with the indentation after it,
/// becomes one space; blank lines are dropped.
pub fn one_line<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines.into_iter().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// An entry quoted for a hint: its value and attributes as written, on one
/// line, at most [`LIMIT`] characters.
pub fn quote(entry_text: &str) -> String {
    shorten(&one_line(value_lines(entry_text)), LIMIT)
}

/// `text` cut to at most `limit` characters, the ellipsis included, on a
/// character boundary; at a space when one is near the end, so that a word
/// is not cut in two.
pub fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let keep = limit.saturating_sub(1);
    let end = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
    let mut cut = &text[..end];
    // a space within the last quarter: cut there
    if let Some(space) = cut.rfind(' ')
        && cut[..space].chars().count() >= keep - keep / 4
    {
        cut = &cut[..space];
    }
    format!("{}…", cut.trim_end())
}

/// How a text changed: the common start and end, and what stands between
/// them in the old and in the new text. The common parts end and start at
/// word boundaries, so that `15 days` → `10 days` shows `15` → `10` rather
/// than `5` → `0`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Change<'a> {
    pub before: &'a str,
    pub removed: &'a str,
    pub added: &'a str,
    pub after: &'a str,
}

impl<'a> Change<'a> {
    pub fn between(old: &'a str, new: &'a str) -> Self {
        let mut start = old
            .char_indices()
            .zip(new.chars())
            .find(|((_, a), b)| a != b)
            .map_or(old.len().min(new.len()), |((i, _), _)| i);
        // `start` is a char boundary of both: the texts agree up to it
        let mut end = old[start..]
            .chars()
            .rev()
            .zip(new[start..].chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum::<usize>();
        let word = |c: char| !c.is_whitespace();
        // back to the start of a word that the change begins inside
        if old[start..].starts_with(word) || new[start..].starts_with(word) {
            start = old[..start].rfind(char::is_whitespace).map_or(0, |i| i + 1);
        }
        // on to the end of a word that the change ends inside
        let (old_end, new_end) = (old.len() - end, new.len() - end);
        if old[..old_end].ends_with(word) || new[..new_end].ends_with(word) {
            let tail = &old[old_end..];
            end = tail.len() - tail.find(char::is_whitespace).unwrap_or(tail.len());
        }
        Change {
            before: &old[..start],
            removed: &old[start..old.len() - end],
            added: &new[start..new.len() - end],
            after: &old[old.len() - end..],
        }
    }
}

/// A run of text in a word diff: unchanged, or only in one of the texts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Piece {
    pub text: String,
    pub changed: bool,
}

/// Most words × words compared by [`word_diff`]; longer texts are split
/// by [`Change::between`] alone (one changed stretch).
const MAX_DIFF_CELLS: usize = 1 << 20;

/// The old and the new text cut into pieces, word by word (runs of spaces
/// and line breaks count as words): the pieces of the old text that the new
/// one lacks are `changed` in the first list, the pieces only the new text
/// has in the second. Two separate edits show as two, not as one stretch
/// from the first to the last.
pub fn word_diff(old: &str, new: &str) -> (Vec<Piece>, Vec<Piece>) {
    fn words(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut space = None;
        for (i, c) in s.char_indices() {
            let is = c.is_whitespace();
            if space.is_some_and(|sp| sp != is) {
                out.push(&s[start..i]);
                start = i;
            }
            space = Some(is);
        }
        if start < s.len() {
            out.push(&s[start..]);
        }
        out
    }
    fn push(list: &mut Vec<Piece>, text: &str, changed: bool) {
        match list.last_mut() {
            Some(last) if last.changed == changed => last.text.push_str(text),
            _ => list.push(Piece {
                text: text.to_owned(),
                changed,
            }),
        }
    }
    let (a, b) = (words(old), words(new));
    let (mut was, mut now) = (Vec::new(), Vec::new());
    if (a.len() + 1) * (b.len() + 1) > MAX_DIFF_CELLS {
        let c = Change::between(old, new);
        for (list, middle) in [(&mut was, c.removed), (&mut now, c.added)] {
            push(list, c.before, false);
            push(list, middle, true);
            push(list, c.after, false);
            list.retain(|p| !p.text.is_empty());
        }
        return (was, now);
    }
    // longest common subsequence of words, from the end
    let w = b.len() + 1;
    let mut lcs = vec![0u32; (a.len() + 1) * w];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i * w + j] = if a[i] == b[j] {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            push(&mut was, a[i], false);
            push(&mut now, b[j], false);
            (i, j) = (i + 1, j + 1);
        } else if j < b.len() && (i == a.len() || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j]) {
            push(&mut now, b[j], true);
            j += 1;
        } else {
            push(&mut was, a[i], true);
            i += 1;
        }
    }
    (was, now)
}

/// The old and the new text of an entry's value, each on one line, for a
/// diagnostic: whole when short, else the changed part with a little of the
/// unchanged text around it.
pub fn quote_change(old_lines: &[&str], new_lines: &[&str]) -> (String, String) {
    let (old, new) = (
        one_line(old_lines.iter().copied()),
        one_line(new_lines.iter().copied()),
    );
    if old.chars().count() <= LIMIT && new.chars().count() <= LIMIT {
        return (old, new);
    }
    let c = Change::between(&old, &new);
    let before = match c.before.char_indices().rev().nth(CONTEXT - 1) {
        Some((i, _)) if i > 0 => {
            let kept = &c.before[i..];
            // from a word's start when there is one in the context
            let kept = if c.before[..i].ends_with(' ') {
                kept
            } else {
                kept.find(' ')
                    .filter(|s| s + 1 < kept.len())
                    .map_or(kept, |s| &kept[s + 1..])
            };
            format!("…{kept}")
        }
        _ => c.before.to_owned(),
    };
    let after = match c.after.char_indices().nth(CONTEXT) {
        Some((i, _)) => {
            let kept = &c.after[..i];
            let kept = kept
                .rfind(' ')
                .filter(|s| *s > 0)
                .map_or(kept, |s| &kept[..s]);
            format!("{kept}…")
        }
        None => c.after.to_owned(),
    };
    let side = |middle: &str| {
        // the changed part itself may be long: keep its start
        let room = LIMIT.saturating_sub(before.chars().count() + after.chars().count());
        let middle = shorten(middle, room.max(CONTEXT));
        if middle.ends_with('…') {
            format!("{before}{middle}")
        } else {
            format!("{before}{middle}{after}")
        }
    };
    (side(c.removed), side(c.added))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLURAL: &str = "permits-apply = Apply within { $days ->\r\n        [one] day\r\n       *[other] days\r\n    } of your arrival.\r\n\r\n# next entry's comment\r\n";

    #[test]
    fn value_lines_keep_placeables_and_selectors_as_written() {
        assert_eq!(
            value_lines(PLURAL),
            [
                "Apply within { $days ->",
                "        [one] day",
                "       *[other] days",
                "    } of your arrival."
            ]
        );
        assert_eq!(
            quote(PLURAL),
            "Apply within { $days -> [one] day *[other] days } of your arrival."
        );
        assert_eq!(
            quote("edition-line = Valid as of { DATETIME($date) }. Edition { $edition }.\n"),
            "Valid as of { DATETIME($date) }. Edition { $edition }."
        );
    }

    #[test]
    fn value_lines_of_values_on_the_next_line_and_of_attributes() {
        assert_eq!(
            value_lines("msg =\n    First line\n    second line\n"),
            ["First line", "    second line"]
        );
        assert_eq!(
            quote("logo =\n    .alt = Logo of the service\n"),
            ".alt = Logo of the service"
        );
        assert_eq!(
            quote("-term = { $case ->\n   *[nom] Service\n}\n    .gender = masculine\n"),
            "{ $case -> *[nom] Service } .gender = masculine"
        );
        assert!(value_lines("").is_empty());
        assert!(value_lines("empty =\n").is_empty());
    }

    #[test]
    fn long_quotes_are_cut_on_a_char_boundary_with_an_ellipsis() {
        let long = format!("x = {}\n", "слово ".repeat(40));
        let q = quote(&long);
        assert!(q.ends_with("слово…"), "{q}");
        assert!(q.chars().count() <= LIMIT, "{q}");
        // no space to cut at: cut inside, still on a char boundary
        let q = shorten(&"ж".repeat(200), 10);
        assert_eq!(q, format!("{}…", "ж".repeat(9)));
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("exactly ten", 11), "exactly ten");
    }

    #[test]
    fn a_change_is_cut_at_word_boundaries() {
        let c = Change::between("Register within 15 days.", "Register within 10 days.");
        assert_eq!(
            (c.before, c.removed, c.added, c.after),
            ("Register within ", "15", "10", " days.")
        );
        let c = Change::between("a b", "a b c");
        assert_eq!(
            (c.before, c.removed, c.added, c.after),
            ("a b", "", " c", "")
        );
        let c = Change::between("same", "same");
        assert_eq!((c.removed, c.added), ("", ""));
        let c = Change::between("día", "días");
        assert_eq!(
            (c.before, c.removed, c.added, c.after),
            ("", "día", "días", "")
        );
    }

    #[test]
    fn word_diff_marks_each_edit() {
        let piece = |text: &str, changed| Piece {
            text: text.to_owned(),
            changed,
        };
        let (was, now) = word_diff(
            "[one] { $days } day\n   *[other] { $days } days",
            "[one] { $days } working day\n   *[other] { $days } working days",
        );
        assert_eq!(
            was,
            [piece(
                "[one] { $days } day\n   *[other] { $days } days",
                false
            )]
        );
        assert_eq!(
            now,
            [
                piece("[one] { $days } ", false),
                piece("working ", true),
                piece("day\n   *[other] { $days } ", false),
                piece("working ", true),
                piece("days", false),
            ]
        );
        let (was, now) = word_diff("within 15 days", "within 10 days");
        assert_eq!(was[1], piece("15", true));
        assert_eq!(now[1], piece("10", true));
        assert_eq!(word_diff("", "new").1, [piece("new", true)]);
        // too long to compare word by word: one changed stretch
        let long = "w ".repeat(1200);
        let (was, now) = word_diff(&format!("{long}x"), &format!("{long}y"));
        assert_eq!((was.len(), now.len()), (2, 2));
        assert_eq!(now[1], piece("y", true));
    }

    #[test]
    fn quote_change_shows_short_texts_whole_and_long_ones_around_the_change() {
        assert_eq!(
            quote_change(&["Register within 15 days."], &["Register within 10 days."]),
            (
                "Register within 15 days.".to_owned(),
                "Register within 10 days.".to_owned()
            )
        );
        let start = "Foreigners and stateless persons who stay in the country must register";
        let end = "of arrival at a service centre or online, free of charge, with a passport.";
        let old = format!("{start} within 15 days {end}");
        let new = format!("{start} within 10 working days {end}");
        let (o, n) = quote_change(&[old.as_str()], &[new.as_str()]);
        assert_eq!(
            o,
            "…in the country must register within 15 days of arrival at a service centre or…"
        );
        assert_eq!(
            n,
            "…in the country must register within 10 working days of arrival at a service centre or…"
        );
    }
}
