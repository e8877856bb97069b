//! GNU gettext PO: writing units and reading translated ones back.
//!
//! One entry per segment. `msgctxt` is the unit id, followed by the
//! segment's variant keys in brackets (`days[$n=few]`); comments, limits,
//! context and the variant are extracted comments (`#.`), the source file a
//! reference (`#:`). Placeables and markup stay verbatim Fluent text
//! (`{ $days }`); a literal brace is written `{ "{" }`. Import reads them
//! back as codes and checks them. A translation that is stale or was never
//! reviewed is `fuzzy`; an entry without `fuzzy` counts as confirmed.
//!
//! Plurals are not gettext plural forms (`msgid_plural`): every CLDR
//! category of the target locale is an entry of its own, which keeps one
//! layout for every selector and every locale.

use std::fmt::Write;

use super::units::{Exchange, Piece, State, Text, normalize_code, push_text, unescape};
use super::{ReadError, Sent, SentSegment, SentUnit};
use crate::source::Position;

/// A PO string literal (without the `msgid ` keyword), split after `\n`.
fn quoted(s: &str) -> String {
    let esc = |s: &str| {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                c => out.push(c),
            }
        }
        out
    };
    if !s.contains('\n') || s.ends_with('\n') && s.matches('\n').count() == 1 {
        return format!("\"{}\"", esc(s));
    }
    let mut out = String::from("\"\"");
    for line in s.split_inclusive('\n') {
        let _ = write!(out, "\n\"{}\"", esc(line));
    }
    out
}

/// A text as PO shows it: codes verbatim, literal braces as Fluent literals.
fn po_text(t: &Text) -> String {
    let mut out = String::new();
    for p in t {
        match p {
            Piece::Code(c) => out.push_str(c),
            Piece::Text(s) => {
                for c in s.chars() {
                    match c {
                        '{' => out.push_str("{ \"{\" }"),
                        '}' => out.push_str("{ \"}\" }"),
                        c => out.push(c),
                    }
                }
            }
        }
    }
    out
}

fn comment(out: &mut String, prefix: &str, text: &str) {
    for line in text.split('\n') {
        if line.is_empty() {
            let _ = writeln!(out, "{prefix}");
        } else {
            let _ = writeln!(out, "{prefix} {line}");
        }
    }
}

/// The PO file of `ex`.
pub fn write(ex: &Exchange) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Translation from {} into {}, written by `pamphlet export`.\n# Translate the msgstr lines; keep every {{ ... }} placeable as it is.\n# Remove the fuzzy flag of an entry when its translation is checked.",
        ex.source_lang, ex.target_lang
    );
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    for h in [
        "Project-Id-Version: pamphlet\\n".to_owned(),
        "PO-Revision-Date: 2000-01-01 00:00+0000\\n".to_owned(),
        "Last-Translator: none\\n".to_owned(),
        format!("Language-Team: {}\\n", ex.target_lang),
        format!("Language: {}\\n", ex.target_lang),
        "MIME-Version: 1.0\\n".to_owned(),
        "Content-Type: text/plain; charset=UTF-8\\n".to_owned(),
        "Content-Transfer-Encoding: 8bit\\n".to_owned(),
        format!("X-Source-Language: {}\\n", ex.source_lang),
    ] {
        let _ = writeln!(out, "\"{h}\"");
    }
    for file in &ex.files {
        for (ui, u) in file.units.iter().enumerate() {
            for s in &u.segments {
                out.push('\n');
                if ui == 0 {
                    for n in &file.notes {
                        comment(&mut out, "#.", n);
                    }
                }
                for n in &u.notes {
                    let text = match n.category {
                        "context" => format!("used in: {}", n.text),
                        _ => n.text.clone(),
                    };
                    comment(&mut out, "#.", &text);
                }
                if let Some(n) = u.max_length
                    && !u.notes.iter().any(|n| n.text.contains("max-length:"))
                {
                    let _ = writeln!(out, "#. max-length: {n}");
                }
                if !s.keys.is_empty() {
                    let _ = writeln!(out, "#. variant: {}", s.keys_described());
                }
                let _ = writeln!(out, "#: {}", file.path);
                let fuzzy =
                    s.target.is_some() && matches!(u.state, State::Stale | State::Unreviewed);
                if fuzzy {
                    out.push_str("#, fuzzy\n");
                }
                let ctxt: String = std::iter::once(u.id.clone())
                    .chain(s.keys.iter().map(|k| format!("[{}={}]", k.selector, k.key)))
                    .collect();
                let _ = writeln!(out, "msgctxt {}", quoted(&ctxt));
                let _ = writeln!(out, "msgid {}", quoted(&po_text(&s.source)));
                let target = s.target.as_ref().map(po_text).unwrap_or_default();
                let _ = writeln!(out, "msgstr {}", quoted(&target));
            }
        }
    }
    out
}

/// One entry as read.
struct Entry {
    ctxt: Option<String>,
    id: Option<String>,
    strs: Vec<String>,
    fuzzy: bool,
    at: Position,
    str_at: Position,
}

impl Default for Entry {
    fn default() -> Entry {
        let start = Position { line: 1, col: 1 };
        Entry {
            ctxt: None,
            id: None,
            strs: Vec::new(),
            fuzzy: false,
            at: start,
            str_at: start,
        }
    }
}

/// Reads a PO file.
pub fn read(display: &str, text: &str) -> Result<Sent, ReadError> {
    let entries = parse(display, text)?;
    let header = entries
        .iter()
        .find(|e| e.ctxt.is_none() && e.id.as_deref() == Some(""));
    let lang = header.and_then(|h| {
        h.strs.first()?.lines().find_map(|l| {
            let v = l.strip_prefix("Language:")?.trim();
            (!v.is_empty()).then(|| v.to_owned())
        })
    });
    let Some(target_lang) = lang else {
        return Err(ReadError::new(
            display,
            header.map_or(Position { line: 1, col: 1 }, |h| h.at),
            "the PO header has no `Language:`: which locale is this translation for?",
        ));
    };
    let mut units: Vec<SentUnit> = Vec::new();
    let mut by_id: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for e in &entries {
        if e.ctxt.is_none() && e.id.as_deref() == Some("") {
            continue;
        }
        let Some(ctxt) = &e.ctxt else {
            return Err(ReadError::new(
                display,
                e.at,
                "an entry without msgctxt: pamphlet's entries name their message in msgctxt",
            ));
        };
        let (uid, keys) = split_ctxt(ctxt);
        let target_raw = e.strs.first().cloned().unwrap_or_default();
        let mut broken = Vec::new();
        let target = (!target_raw.is_empty()).then(|| codes(&target_raw, e.str_at, &mut broken));
        let seg = |index| SentSegment {
            keys: keys.clone(),
            index,
            target,
            at: e.str_at,
            confirmed: !e.fuzzy,
            broken,
        };
        match by_id.get(uid) {
            Some(&i) => {
                let index = units[i].segments.len();
                units[i].segments.push(seg(index));
            }
            None => {
                by_id.insert(uid.to_owned(), units.len());
                units.push(SentUnit {
                    id: uid.to_owned(),
                    at: e.at,
                    segments: vec![seg(0)],
                });
            }
        }
    }
    Ok(Sent {
        target_lang,
        target_lang_at: header.map_or(Position { line: 1, col: 1 }, |h| h.str_at),
        units,
    })
}

/// `id[$n=few][$g=f]` → (`id`, keys); no brackets → no keys named.
fn split_ctxt(ctxt: &str) -> (&str, Option<Vec<(String, String)>>) {
    let Some(i) = ctxt.find('[') else {
        return (ctxt, None);
    };
    let keys = ctxt[i..]
        .split('[')
        .filter(|s| !s.is_empty())
        .map(|s| {
            let s = s.trim_end_matches(']');
            let (sel, key) = s.split_once('=').unwrap_or((s, ""));
            (sel.to_owned(), key.to_owned())
        })
        .collect();
    (&ctxt[..i], Some(keys))
}

/// A msgstr as text and codes: `{ … }` placeables (string literals become
/// text again) and allowed markup tags.
fn codes(s: &str, at: Position, broken: &mut Vec<(Position, String)>) -> Text {
    let mut out = Text::new();
    let mut rest = s;
    while let Some(i) = rest.find(['{', '}', '<']) {
        push_text(&mut out, &rest[..i]);
        let from = &rest[i..];
        if let Some(after) = from.strip_prefix('<') {
            match super::units::markup_tag(from) {
                Some(len) => {
                    out.push(Piece::Code(from[..len].to_owned()));
                    rest = &from[len..];
                }
                None => {
                    push_text(&mut out, "<");
                    rest = after;
                }
            }
            continue;
        }
        let end = placeable_end(from);
        match end.and_then(|e| normalize_code(&from[..e]).map(|c| (e, c))) {
            Some((e, c)) => {
                match c.strip_prefix("{ \"").and_then(|c| c.strip_suffix("\" }")) {
                    Some(lit) => push_text(&mut out, &unescape(lit)),
                    None => out.push(Piece::Code(c)),
                }
                rest = &from[e..];
            }
            None => {
                let shown: String = from.chars().take(30).collect();
                broken.push((
                    at,
                    format!("`{shown}` is not a valid placeable (an unbalanced brace or broken Fluent syntax); write a literal brace as {{ \"{{\" }}"),
                ));
                push_text(&mut out, &from[..1]);
                rest = &from[1..];
            }
        }
    }
    push_text(&mut out, rest);
    out
}

/// The length of the placeable at the start of `s` (braces balanced, string
/// literals skipped).
fn placeable_end(s: &str) -> Option<usize> {
    if !s.starts_with('{') {
        return None;
    }
    let mut depth = 0usize;
    let mut in_str = false;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if in_str {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                '\n' => return None,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The entries of a PO file.
fn parse(display: &str, text: &str) -> Result<Vec<Entry>, ReadError> {
    #[derive(Clone, Copy, PartialEq)]
    enum Field {
        None,
        Ctxt,
        Id,
        Plural,
        Str(usize),
    }
    let mut entries = Vec::new();
    let mut cur = Entry::default();
    let mut field = Field::None;
    let mut started = false;
    let err =
        |line: usize, col: usize, m: String| ReadError::new(display, Position { line, col }, m);
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end_matches('\r');
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(c) = trimmed.strip_prefix('#') {
            if c.starts_with('~') {
                continue; // obsolete entry
            }
            if started && field != Field::None && cur.strs.iter().any(|_| true) {
                entries.push(std::mem::take(&mut cur));
                started = false;
                field = Field::None;
            }
            if let Some(flags) = c.strip_prefix(',')
                && flags.split(',').any(|f| f.trim() == "fuzzy")
            {
                cur.fuzzy = true;
            }
            continue;
        }
        let (keyword, rest) = match trimmed.find(|c: char| c == '"' || c.is_whitespace()) {
            Some(i) => (&trimmed[..i], trimmed[i..].trim_start()),
            None => (trimmed, ""),
        };
        let col = line.len() - rest.len() + 1;
        let value_field = match keyword {
            "" => None,
            "msgctxt" => Some(Field::Ctxt),
            "msgid" => Some(Field::Id),
            "msgid_plural" => Some(Field::Plural),
            "msgstr" => Some(Field::Str(0)),
            k if k.starts_with("msgstr[") && k.ends_with(']') => {
                let i = k[7..k.len() - 1].parse().map_err(|_| {
                    err(
                        line_no,
                        indent + 1,
                        format!("`{k}`: the index is not a number"),
                    )
                })?;
                Some(Field::Str(i))
            }
            k => {
                return Err(err(
                    line_no,
                    indent + 1,
                    format!(
                        "unexpected `{k}`: a PO line is a comment, a keyword (msgctxt, msgid, msgstr) or a quoted string"
                    ),
                ));
            }
        };
        if let Some(f) = value_field {
            // a new entry starts with msgctxt or msgid after a msgstr
            let after_str = matches!(field, Field::Str(_));
            if after_str && matches!(f, Field::Ctxt | Field::Id) {
                entries.push(std::mem::take(&mut cur));
            }
            if !started || after_str && matches!(f, Field::Ctxt | Field::Id) {
                cur.at = Position {
                    line: line_no,
                    col: indent + 1,
                };
                started = true;
            }
            field = f;
            if let Field::Str(i) = f {
                cur.str_at = Position { line: line_no, col };
                if cur.strs.len() <= i {
                    cur.strs.resize(i + 1, String::new());
                }
            }
        } else if field == Field::None {
            return Err(err(
                line_no,
                indent + 1,
                "a string outside any msgid or msgstr".into(),
            ));
        }
        let value = string(rest).map_err(|(off, m)| err(line_no, col + off, m))?;
        match field {
            Field::Ctxt => cur.ctxt.get_or_insert_default().push_str(&value),
            Field::Id => cur.id.get_or_insert_default().push_str(&value),
            Field::Plural => {}
            Field::Str(i) => cur.strs[i].push_str(&value),
            Field::None => {}
        }
    }
    if started {
        entries.push(cur);
    }
    for e in &entries {
        if e.id.is_none() {
            return Err(ReadError::new(display, e.at, "an entry without msgid"));
        }
        if e.strs.is_empty() {
            return Err(ReadError::new(display, e.at, "an entry without msgstr"));
        }
    }
    Ok(entries)
}

/// One quoted PO string, unescaped; on error the offset (in chars) and why.
fn string(s: &str) -> Result<String, (usize, String)> {
    let mut chars = s.char_indices();
    if !s.starts_with('"') {
        return Err((0, "expected a string in double quotes".into()));
    }
    chars.next();
    let mut out = String::new();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                if !s[i + 1..].trim().is_empty() {
                    return Err((
                        s[..i + 1].chars().count(),
                        "text after the closing quote".into(),
                    ));
                }
                return Ok(out);
            }
            '\\' => match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((_, 'r')) => out.push('\r'),
                Some((_, '"')) => out.push('"'),
                Some((_, '\\')) => out.push('\\'),
                Some((j, other)) => {
                    return Err((
                        s[..j].chars().count(),
                        format!("unknown escape `\\{other}`"),
                    ));
                }
                None => break,
            },
            c => out.push(c),
        }
    }
    Err((s.chars().count(), "the string has no closing quote".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "msgid \"\"\nmsgstr \"\"\n\"Language: ru\\n\"\n\n";

    #[test]
    fn entries_read_back_with_keys_states_and_codes() {
        let text = format!(
            "{HEAD}#, fuzzy\nmsgctxt \"d[$n=few]\"\nmsgid \"x\"\nmsgstr \"\"\n\"{{$n}} дня <em>и</em> {{ \\\"{{\\\" }}\\n\"\n\nmsgctxt \"d[$n=many]\"\nmsgid \"x\"\nmsgstr \"\"\n"
        );
        let sent = read("ru.po", &text).unwrap();
        assert_eq!(sent.target_lang, "ru");
        let u = &sent.units[0];
        assert_eq!(u.id, "d");
        assert_eq!(u.segments.len(), 2);
        let s = &u.segments[0];
        assert!(!s.confirmed);
        assert_eq!(s.keys, Some(vec![("$n".into(), "few".into())]));
        assert_eq!(
            s.target,
            Some(vec![
                Piece::Code("{ $n }".into()),
                Piece::Text(" дня ".into()),
                Piece::Code("<em>".into()),
                Piece::Text("и".into()),
                Piece::Code("</em>".into()),
                Piece::Text(" {\n".into()),
            ])
        );
        assert_eq!(u.segments[1].target, None);
        assert!(u.segments[1].confirmed);
    }

    #[test]
    fn mistakes_are_found_at_their_line_and_column() {
        let e = read(
            "ru.po",
            &format!("{HEAD}msgctxt \"a\"\nmsgid \"x\nmsgstr \"y\"\n"),
        )
        .unwrap_err();
        assert_eq!((e.at.line, e.at.col), (6, 9), "{e}");
        let e = read(
            "ru.po",
            &format!("{HEAD}msgctxt \"a\"\nmsgid \"x\"\nmsgstring \"y\"\n"),
        )
        .unwrap_err();
        assert_eq!((e.at.line, e.at.col), (7, 1), "{e}");
        let e = read("ru.po", "msgid \"\"\nmsgstr \"\"\n").unwrap_err();
        assert!(e.message.contains("Language"), "{e}");
        let sent = read(
            "ru.po",
            &format!("{HEAD}msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"{{ $x \"\n"),
        )
        .unwrap();
        let broken = &sent.units[0].segments[0].broken;
        assert_eq!(broken.len(), 1);
        assert_eq!(broken[0].0.line, 7);
    }
}
