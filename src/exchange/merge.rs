//! Translated units → `.ftl` text.
//!
//! A changed entry is written in canonical Fluent (segments reassembled into
//! select expressions, selectors and defaults from the units) and put in
//! place of the old one; a new entry goes after the nearest entry before it
//! in the source order, or at the end. Nothing else of the file changes: the
//! comments above an entry, blank lines, other entries and the line endings
//! stay byte for byte.

use super::units::{Key, Piece, Text};

/// One value or attribute to write: its segments' keys and texts.
pub type Segments<'a> = Vec<(&'a [Key], &'a Text)>;

/// The canonical Fluent text of entry `id` (no trailing newline).
pub fn entry_text(id: &str, value: Option<&Segments>, attrs: &[(&str, Segments)]) -> String {
    let mut out = format!("{id} =");
    if let Some(v) = value {
        out.push_str(&pattern(v, "    "));
    }
    for (name, segs) in attrs {
        out.push_str(&format!("\n    .{name} ="));
        out.push_str(&pattern(segs, "        "));
    }
    out
}

/// A pattern written after `= ` or `] `: one line inline (with the leading
/// space), or a block on the following lines indented by `indent`.
fn pattern(segs: &Segments, indent: &str) -> String {
    let Some((keys, text)) = segs.first() else {
        return " { \"\" }".to_owned();
    };
    if keys.is_empty() {
        let lines = text_lines(text);
        if lines.len() == 1 {
            return format!(" {}", lines[0]);
        }
        return lines.iter().map(|l| format!("\n{indent}{l}")).collect();
    }
    // group by the first key, in order
    let selector = &keys[0].selector;
    let mut groups: Vec<(&Key, Segments)> = Vec::new();
    for (k, t) in segs {
        let first = &k[0];
        match groups.iter_mut().find(|(g, _)| g.key == first.key) {
            Some((_, v)) => v.push((&k[1..], t)),
            None => groups.push((first, vec![(&k[1..], *t)])),
        }
    }
    let default_at = groups
        .iter()
        .position(|(k, _)| k.default)
        .unwrap_or(groups.len() - 1);
    let inner = format!("{indent}    ");
    let mut out = format!("\n{indent}{{ {selector} ->");
    for (i, (k, sub)) in groups.iter().enumerate() {
        let star = if i == default_at { "*" } else { " " };
        out.push_str(&format!("\n{indent}   {star}[{}]", k.key));
        out.push_str(&pattern(sub, &format!("{inner}    ")));
    }
    out.push_str(&format!("\n{indent}}}"));
    out
}

/// The lines of a text, each escaped for a Fluent pattern: braces and
/// leading or trailing white space as string literals, and `[`, `*`, `.`
/// at the start of a line too (Fluent reads them as syntax there).
fn text_lines(text: &Text) -> Vec<String> {
    let mut owned: Vec<Vec<Piece>> = vec![Vec::new()];
    for p in text {
        match p {
            Piece::Code(_) => owned.last_mut().expect("one line").push(p.clone()),
            Piece::Text(s) => {
                let mut parts = s.split('\n');
                if let Some(first) = parts.next()
                    && !first.is_empty()
                {
                    owned
                        .last_mut()
                        .expect("one line")
                        .push(Piece::Text(first.to_owned()));
                }
                for part in parts {
                    owned.push(Vec::new());
                    if !part.is_empty() {
                        owned
                            .last_mut()
                            .expect("one line")
                            .push(Piece::Text(part.to_owned()));
                    }
                }
            }
        }
    }
    owned.iter().map(|l| escape_line(l)).collect()
}

fn literal(s: &str) -> String {
    let mut out = String::from("{ \"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push_str("\" }");
    out
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

fn escape_line(pieces: &[Piece]) -> String {
    if pieces.is_empty() {
        return literal("");
    }
    let mut out = String::new();
    let last = pieces.len() - 1;
    for (i, p) in pieces.iter().enumerate() {
        let s = match p {
            Piece::Code(c) => {
                out.push_str(c);
                continue;
            }
            Piece::Text(s) => s.as_str(),
        };
        let mut body = s;
        if i == 0 {
            let lead = body.len() - body.trim_start_matches(is_blank).len();
            if lead > 0 {
                out.push_str(&literal(&body[..lead]));
                body = &body[lead..];
            } else if let Some(c @ ('[' | '*' | '.')) = body.chars().next() {
                out.push_str(&literal(&c.to_string()));
                body = &body[1..];
            }
        }
        let mut tail = "";
        if i == last {
            let trimmed = body.trim_end_matches(is_blank);
            tail = &body[trimmed.len()..];
            body = trimmed;
        }
        for c in body.chars() {
            match c {
                '{' | '}' => out.push_str(&literal(&c.to_string())),
                '\r' => out.push_str(&literal("\r")),
                c => out.push(c),
            }
        }
        if !tail.is_empty() {
            out.push_str(&literal(tail));
        }
    }
    out
}

/// What a line after an entry's first line does to the entry's span.
enum Follows {
    /// Part of the entry: the span reaches past it.
    Extends,
    /// Maybe part of it (a blank line): the span reaches past it only if a
    /// later line extends it.
    Skipped,
    /// Not part of it: the entry has ended.
    Ends,
}

/// Byte range (line endings included) from the first line that `starts`
/// to the last line that [`Follows::Extends`] it; the first match only.
fn span(
    text: &str,
    starts: impl Fn(&str) -> bool,
    follows: impl Fn(&str) -> Follows,
) -> Option<(usize, usize)> {
    let mut offset = 0;
    let mut found: Option<(usize, usize)> = None;
    for line in text.split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        match &mut found {
            None if starts(content) => found = Some((here, offset)),
            None => {}
            Some((_, end)) => match follows(content) {
                Follows::Extends => *end = offset,
                Follows::Skipped => {}
                Follows::Ends => break,
            },
        }
    }
    found
}

/// Byte range of entry `id` in `text`: from the start of its id line to the
/// end (line ending included) of its last line, trailing blank and comment
/// lines left out. The first definition, when an id is defined twice.
pub fn entry_span(text: &str, id: &str) -> Option<(usize, usize)> {
    span(
        text,
        |line| starts_entry(line) == Some(id),
        |line| match line.chars().next() {
            Some(' ' | '\t' | '}') if !line.trim().is_empty() => Follows::Extends,
            None | Some(' ' | '\t') => Follows::Skipped,
            _ => Follows::Ends,
        },
    )
}

/// Byte range of the commented-out skeleton of entry `id` (`# id = …` and
/// the commented lines that continue it), trailing `#` lines left out.
pub fn commented_span(text: &str, id: &str) -> Option<(usize, usize)> {
    span(
        text,
        |line| line.strip_prefix("# ").and_then(starts_entry) == Some(id),
        |line| match line.strip_prefix('#') {
            Some("") => Follows::Skipped,
            Some(rest) => match rest.strip_prefix(' ') {
                Some(body) if body.starts_with([' ', '\t', '}']) => Follows::Extends,
                _ => Follows::Ends,
            },
            None => Follows::Ends,
        },
    )
}

/// The id (`msg` or `-term`) a line starts, if it starts an entry.
pub fn starts_entry(line: &str) -> Option<&str> {
    let bytes = line.as_bytes();
    let mut i = usize::from(bytes.first() == Some(&b'-'));
    if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
    {
        i += 1;
    }
    let id = &line[..i];
    let rest = line[i..].trim_start_matches(' ');
    rest.starts_with('=').then_some(id)
}

/// An edit of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Put `text` in place of entry `id`.
    Replace { id: String, text: String },
    /// Add entry `id`: in place of its commented-out skeleton (`# id = …`,
    /// as `add-locale` writes it) when the file has one, else after entry
    /// `after`, else at the end of the file.
    Insert {
        id: String,
        after: Option<String>,
        text: String,
    },
}

/// `text` with `edits` applied; every byte outside the edited entries kept.
/// Line endings of inserted text follow the file's (CRLF when its first
/// line ends so).
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let crlf = text.split('\n').next().is_some_and(|l| l.ends_with('\r')) && text.contains('\n');
    let eol = |s: &str| {
        if crlf {
            s.replace('\n', "\r\n")
        } else {
            s.to_owned()
        }
    };
    let nl = if crlf { "\r\n" } else { "\n" };
    // (at, removed until, inserted)
    let mut splices: Vec<(usize, usize, String)> = Vec::new();
    let mut appended = String::new();
    for e in edits {
        match e {
            Edit::Replace { id, text: new } => {
                if let Some((s, end)) = entry_span(text, id) {
                    let ends_nl = text[..end].ends_with('\n');
                    let mut with = eol(new);
                    if ends_nl {
                        with.push_str(nl);
                    }
                    splices.push((s, end, with));
                } else {
                    appended.push_str(&eol(new));
                    appended.push_str(nl);
                }
            }
            Edit::Insert {
                id,
                after,
                text: new,
            } => {
                if let Some((s, end)) = commented_span(text, id) {
                    let mut with = eol(new);
                    if text[..end].ends_with('\n') {
                        with.push_str(nl);
                    }
                    splices.push((s, end, with));
                    continue;
                }
                match after.as_deref().and_then(|a| entry_span(text, a)) {
                    Some((_, end)) => {
                        let mut with = String::new();
                        if !text[..end].ends_with('\n') {
                            with.push_str(nl);
                        }
                        with.push_str(&eol(new));
                        with.push_str(nl);
                        splices.push((end, end, with));
                    }
                    None => {
                        appended.push_str(&eol(new));
                        appended.push_str(nl);
                    }
                }
            }
        }
    }
    // inserts after the same entry keep their order
    splices.sort_by_key(|(s, e, _)| (*s, *e));
    let mut out = String::with_capacity(text.len() + appended.len());
    let mut at = 0;
    for (s, e, with) in splices {
        if s < at {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push_str(&with);
        at = e;
    }
    out.push_str(&text[at..]);
    if !appended.is_empty() {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(nl);
        }
        out.push_str(&appended);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::units::{self, Input, State, push_text};
    use super::*;
    use crate::exchange::units::LocaleFile;

    fn key(sel: &str, k: &str, default: bool) -> Key {
        Key {
            selector: sel.into(),
            key: k.into(),
            plural: true,
            default,
        }
    }

    /// Parses `entry` and lifts its value back into texts.
    fn reread(entry: &str) -> Vec<Text> {
        let files = vec![LocaleFile::new("a.ftl", format!("{entry}\n"))];
        let input = Input {
            source_lang: "en",
            target_lang: "ru",
            target_rtl: false,
            categories: &["one", "few", "many", "other"],
            source_files: &files,
            target_files: &[],
        };
        let (ex, _) = units::build(&input, |_, _| State::Missing, |_| vec![]);
        let u = &ex.files[0].units[0];
        u.segments.iter().map(|s| s.source.clone()).collect()
    }

    fn t(s: &str) -> Text {
        let mut out = Text::new();
        push_text(&mut out, s);
        out
    }

    #[test]
    fn awkward_texts_survive_writing_and_reading() {
        for s in [
            "plain",
            "  leading and trailing  ",
            "{braces} and [brackets]",
            "[at start",
            "*star",
            ".dot",
            "two\nlines",
            "line\n  indented\n.dot\n*star\n[x]",
            "quote \" and \\ back",
            "tab\tinside\t",
            "",
            "blank\n\nbetween",
        ] {
            let text = t(s);
            let written = entry_text("m", Some(&vec![(&[][..], &text)]), &[]);
            assert_eq!(reread(&written), vec![text.clone()], "{s:?} → {written}");
        }
    }

    #[test]
    fn variants_are_reassembled_into_a_select() {
        let keys = [
            vec![key("$n", "one", false)],
            vec![key("$n", "few", false)],
            vec![key("$n", "many", false)],
            vec![key("$n", "other", true)],
        ];
        let texts: Vec<Text> = ["1 день", "2 дня", "5 дней", "1,5 дня"]
            .iter()
            .map(|s| {
                let mut t = vec![Piece::Code("{ $n }".into())];
                push_text(&mut t, &s[s.find(' ').unwrap()..]);
                t
            })
            .collect();
        let segs: Segments = keys.iter().map(Vec::as_slice).zip(texts.iter()).collect();
        let alt = t("Фото");
        let written = entry_text("d", Some(&segs), &[("alt", vec![(&[][..], &alt)])]);
        assert_eq!(
            written,
            "d =\n    { $n ->\n        [one] { $n } день\n        [few] { $n } дня\n        [many] { $n } дней\n       *[other] { $n } дня\n    }\n    .alt = Фото"
        );
        assert_eq!(reread(&written), texts);
    }

    #[test]
    fn only_the_edited_entries_change() {
        let file = "### R\r\n\r\n# c\r\na = A\r\n\r\nb =\r\n    B\r\n    { $x ->\r\n       *[o] x\r\n}\r\n\r\n# c\r\nc = C";
        let out = apply(
            file,
            &[
                Edit::Replace {
                    id: "b".into(),
                    text: "b = BB".into(),
                },
                Edit::Insert {
                    id: "a2".into(),
                    after: Some("a".into()),
                    text: "a2 = A2".into(),
                },
                Edit::Replace {
                    id: "c".into(),
                    text: "c = CC".into(),
                },
                Edit::Insert {
                    id: "z".into(),
                    after: None,
                    text: "z = Z".into(),
                },
            ],
        );
        assert_eq!(
            out,
            "### R\r\n\r\n# c\r\na = A\r\na2 = A2\r\n\r\nb = BB\r\n\r\n# c\r\nc = CC\r\nz = Z\r\n"
        );
        assert_eq!(
            entry_span("x = 1\n  .a = 2\n\n# next\ny = 2\n", "x"),
            Some((0, 15))
        );
        assert_eq!(starts_entry("-term = x"), Some("-term"));
        let skeleton = "# Variables:\n#   $d (Number)\n# d =\n#     In { $d ->\n#         [one] day\n#\n#        *[other] days\n#     }.\n#\n# e = E\n";
        let out = apply(
            skeleton,
            &[Edit::Insert {
                id: "d".into(),
                after: None,
                text: "d = Через { $d } дн.".into(),
            }],
        );
        assert_eq!(
            out,
            "# Variables:\n#   $d (Number)\nd = Через { $d } дн.\n#\n# e = E\n"
        );
        assert_eq!(starts_entry("# x = 1"), None);
    }
}
