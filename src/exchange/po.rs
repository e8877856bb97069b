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
//! Plurals are gettext plural entries (`msgid_plural`, `msgstr[N]`) with the
//! locale's `Plural-Forms` header where [`super::gettext`] knows its forms:
//! `msgctxt` names the plural selector without a key (`days[$n]`), and each
//! `msgstr[N]` is read back as the CLDR category form N stands for. A CLDR
//! category without a gettext form, a number key and every select on other
//! values stay entries of their own.

use std::fmt::Write;

use super::gettext::{PluralForms, plural_forms};
use super::units::{
    Exchange, Piece, Segment, State, Text, Unit, normalize_code, push_text, unescape,
};
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
    let forms = plural_forms(&ex.target_lang);
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
    ]
    .into_iter()
    .chain(forms.map(|f| format!("Plural-Forms: {}\\n", f.header)))
    {
        let _ = writeln!(out, "\"{h}\"");
    }
    for file in &ex.files {
        for (ui, u) in file.units.iter().enumerate() {
            for entry in entries(u, forms) {
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
                let first = entry.segments[0];
                let axis = entry.plural.map(|(axis, _)| axis);
                let others: Vec<String> = first
                    .keys
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| Some(*i) != axis)
                    .map(|(_, k)| k.described())
                    .collect();
                if !others.is_empty() {
                    let _ = writeln!(out, "#. variant: {}", others.join(", "));
                }
                if let (None, Some(forms)) = (entry.plural, forms) {
                    // a CLDR category gettext has no form for: say why it
                    // is an entry apart from the plural one
                    for k in first.keys.iter().filter(|k| {
                        k.plural
                            && crate::locale::plurals::CATEGORIES.contains(&k.key.as_str())
                            && !forms.forms.contains(&k.key.as_str())
                    }) {
                        let _ = writeln!(
                            out,
                            "#. {} {}: a plural category of {} that gettext's plural forms do not have",
                            k.selector, k.key, ex.target_lang
                        );
                    }
                }
                if let Some((axis, forms)) = entry.plural {
                    let listed: Vec<String> = forms
                        .forms
                        .iter()
                        .enumerate()
                        .map(|(i, c)| format!("msgstr[{i}] {c}"))
                        .collect();
                    let _ = writeln!(
                        out,
                        "#. plural of {}: {}",
                        first.keys[axis].selector,
                        listed.join(", ")
                    );
                }
                let _ = writeln!(out, "#: {}", file.path);
                let segments = &entry.segments;
                let fuzzy = segments.iter().any(|s| s.target.is_some())
                    && matches!(u.state, State::Stale | State::Unreviewed);
                if fuzzy {
                    out.push_str("#, fuzzy\n");
                }
                let ctxt: String = std::iter::once(u.id.clone())
                    .chain(first.keys.iter().enumerate().map(|(i, k)| {
                        if Some(i) == axis {
                            format!("[{}]", k.selector)
                        } else {
                            format!("[{}={}]", k.selector, k.key)
                        }
                    }))
                    .collect();
                let _ = writeln!(out, "msgctxt {}", quoted(&ctxt));
                let target = |s: &Segment| s.target.as_ref().map(po_text).unwrap_or_default();
                match entry.plural {
                    Some((_, forms)) => {
                        // gettext's two source forms: the singular and the
                        // general plural, where the target has them
                        let of = |c: &str| {
                            forms
                                .forms
                                .iter()
                                .position(|f| *f == c)
                                .map(|i| segments[i])
                        };
                        let one = of("one").unwrap_or(segments[0]);
                        let many = of("other").unwrap_or(segments[segments.len() - 1]);
                        let _ = writeln!(out, "msgid {}", quoted(&po_text(&one.source)));
                        let _ = writeln!(out, "msgid_plural {}", quoted(&po_text(&many.source)));
                        for (i, s) in segments.iter().enumerate() {
                            let _ = writeln!(out, "msgstr[{i}] {}", quoted(&target(s)));
                        }
                    }
                    None => {
                        let _ = writeln!(out, "msgid {}", quoted(&po_text(&first.source)));
                        let _ = writeln!(out, "msgstr {}", quoted(&target(first)));
                    }
                }
            }
        }
    }
    out
}

/// Variant keys as `msgctxt` names them: (selector, key).
type Keys = Vec<(String, String)>;

/// One PO entry of a unit: one segment, or with `plural` (the place of
/// the plural selector among the keys, and the gettext forms) the segments
/// of that selector's forms, in the order of the forms.
struct PoEntry<'u> {
    plural: Option<(usize, &'static PluralForms)>,
    segments: Vec<&'u Segment>,
}

/// The entries of a unit. With gettext forms for the locale, the first
/// plural selector's categories that have a form become one plural entry
/// for each combination of the other keys; every other segment (a number
/// key such as `[0]`, a category without a gettext form, every variant of
/// a select on other values, a combination some form is missing from) is
/// an entry of its own.
fn entries<'u>(u: &'u Unit, forms: Option<&'static PluralForms>) -> Vec<PoEntry<'u>> {
    let single = |s| PoEntry {
        plural: None,
        segments: vec![s],
    };
    let axis = u
        .segments
        .first()
        .and_then(|s| s.keys.iter().position(|k| k.plural));
    let (Some(axis), Some(forms)) = (axis, forms) else {
        return u.segments.iter().map(single).collect();
    };
    let form = |s: &Segment| {
        let key = &s.keys.get(axis)?.key;
        forms.forms.iter().position(|f| f == key)
    };
    // the same keys but the plural selector's
    let siblings = |a: &Segment, b: &Segment| {
        a.keys.len() == b.keys.len()
            && (a.keys.iter().zip(&b.keys).enumerate()).all(|(i, (x, y))| i == axis || x == y)
    };
    let mut out: Vec<PoEntry> = Vec::new();
    for s in &u.segments {
        let taken = out
            .iter()
            .any(|e| e.plural.is_some() && e.segments.iter().any(|t| std::ptr::eq(*t, s)));
        if taken {
            continue;
        }
        // the segment of each form among its siblings, when none is missing
        let plural: Option<Vec<&Segment>> = form(s).and_then(|_| {
            (0..forms.forms.len())
                .map(|i| {
                    u.segments
                        .iter()
                        .find(|t| form(t) == Some(i) && siblings(s, t))
                })
                .collect()
        });
        out.push(match plural {
            Some(segments) => PoEntry {
                plural: Some((axis, forms)),
                segments,
            },
            None => single(s),
        });
    }
    out
}

/// One entry as read.
struct Entry {
    ctxt: Option<String>,
    id: Option<String>,
    /// Has a `msgid_plural`: its `msgstr[N]` are gettext's plural forms.
    plural: bool,
    strs: Vec<String>,
    /// Where each `msgstr` (or `msgstr[N]`) starts.
    str_ats: Vec<Position>,
    /// Which keyword each string had: `msgstr[N]` rather than `msgstr`.
    indexed: bool,
    fuzzy: bool,
    at: Position,
}

impl Default for Entry {
    fn default() -> Entry {
        let start = Position { line: 1, col: 1 };
        Entry {
            ctxt: None,
            id: None,
            plural: false,
            strs: Vec::new(),
            str_ats: Vec::new(),
            indexed: false,
            fuzzy: false,
            at: start,
        }
    }
}

/// Reads a PO file.
pub fn read(display: &str, text: &str) -> Result<Sent, ReadError> {
    let entries = parse(display, text)?;
    let header = entries
        .iter()
        .find(|e| e.ctxt.is_none() && e.id.as_deref() == Some(""));
    let start = Position { line: 1, col: 1 };
    let header_at = header
        .and_then(|h| h.str_ats.first().copied())
        .unwrap_or(start);
    // a header field's value, and where its line starts
    let header_field = |name: &str| -> Option<(String, Position)> {
        let value = header?.strs.first()?.lines().find_map(|l| {
            let v = l.strip_prefix(name)?.strip_prefix(':')?.trim();
            (!v.is_empty()).then(|| v.to_owned())
        })?;
        Some((value, field_at(text, name).unwrap_or(header_at)))
    };
    let Some((target_lang, target_lang_at)) = header_field("Language") else {
        return Err(ReadError::new(
            display,
            header.map_or(start, |h| h.at),
            "the PO header has no `Language:`: which locale is this translation for?",
        ));
    };
    // gettext's plural forms, checked against the locale's when the file
    // has plural entries: their msgstr[N] are read as the categories the
    // export mapped them to
    let mut forms: Option<&PluralForms> = None;
    if let Some(first) = entries.iter().find(|e| e.plural) {
        let Some(known) = plural_forms(&target_lang) else {
            return Err(ReadError::new(
                display,
                first.at,
                format!(
                    "a plural entry (msgid_plural), but pamphlet maps no gettext plural forms for {target_lang}: export the file again and translate its entries one by one"
                ),
            ));
        };
        let Some((header, at)) = header_field("Plural-Forms") else {
            return Err(ReadError::new(
                display,
                header_at,
                format!(
                    "the PO header has no `Plural-Forms:`, but the file has plural entries (msgid_plural); restore `Plural-Forms: {}`",
                    known.header
                ),
            ));
        };
        if let Err(why) = known.accepts(&header) {
            return Err(ReadError::new(
                display,
                at,
                format!(
                    "`Plural-Forms: {header}` is not {target_lang}'s: {why}; restore `Plural-Forms: {}` as the export wrote it, so that each msgstr[N] is read as the plural category it stands for",
                    known.header
                ),
            ));
        }
        forms = Some(known);
    }
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
        // (keys, the string, where it starts) of each segment
        let mut sent: Vec<(Option<Keys>, &str, Position)> = Vec::new();
        match (e.plural, forms) {
            _ if e.plural != e.indexed => {
                return Err(ReadError::new(
                    display,
                    e.str_ats.first().copied().unwrap_or(e.at),
                    if e.plural {
                        "an entry with msgid_plural takes msgstr[0], msgstr[1] …, not msgstr"
                    } else {
                        "msgstr[N] belongs to an entry with msgid_plural; this one has none: write msgstr"
                    },
                ));
            }
            (true, Some(forms)) => {
                let axis = keys
                    .as_ref()
                    .and_then(|k| k.iter().position(|(_, v)| v.is_empty()));
                let (Some(keys), Some(axis)) = (&keys, axis) else {
                    return Err(ReadError::new(
                        display,
                        e.at,
                        format!(
                            "a plural entry whose msgctxt `{ctxt}` names no plural selector: pamphlet writes it as `id[$n]`"
                        ),
                    ));
                };
                for (i, (s, at)) in e.strs.iter().zip(&e.str_ats).enumerate() {
                    let Some(category) = forms.forms.get(i) else {
                        let n = forms.forms.len();
                        return Err(ReadError::new(
                            display,
                            *at,
                            format!(
                                "msgstr[{i}]: the Plural-Forms header has {n} forms, msgstr[0] to msgstr[{}]; remove it",
                                n - 1
                            ),
                        ));
                    };
                    let mut k = keys.clone();
                    k[axis].1 = (*category).to_owned();
                    sent.push((Some(k), s, *at));
                }
            }
            _ => sent.push((
                keys.clone(),
                e.strs.first().map_or("", String::as_str),
                e.str_ats.first().copied().unwrap_or(e.at),
            )),
        }
        for (keys, raw, at) in sent {
            let mut broken = Vec::new();
            let target = (!raw.is_empty()).then(|| codes(raw, at, &mut broken));
            let seg = |index| SentSegment {
                keys,
                index,
                target,
                at,
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
    }
    Ok(Sent {
        target_lang,
        target_lang_at,
        units,
    })
}

/// Where the header line `"Name: …\n"` starts (its text, after the quote).
fn field_at(text: &str, name: &str) -> Option<Position> {
    text.lines().enumerate().find_map(|(n, l)| {
        let trimmed = l.trim_start();
        let rest = trimmed.strip_prefix('"')?.strip_prefix(name)?;
        rest.starts_with(':').then(|| Position {
            line: n + 1,
            col: l.len() - trimmed.len() + 2,
        })
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
                let i: usize = k[7..k.len() - 1].parse().map_err(|_| {
                    err(
                        line_no,
                        indent + 1,
                        format!("`{k}`: the index is not a number"),
                    )
                })?;
                if i >= MAX_FORMS {
                    return Err(err(
                        line_no,
                        indent + 1,
                        format!("`{k}`: no language has {} plural forms", i + 1),
                    ));
                }
                cur.indexed = true;
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
            if f == Field::Plural {
                cur.plural = true;
            }
            if let Field::Str(i) = f {
                if cur.strs.len() <= i {
                    cur.strs.resize(i + 1, String::new());
                    cur.str_ats.resize(i + 1, cur.at);
                }
                cur.str_ats[i] = Position { line: line_no, col };
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

/// More `msgstr[N]` than any language's plural forms (Arabic has 6).
const MAX_FORMS: usize = 16;

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

    const RU_FORMS: &str = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";

    fn plural_po(forms: &str, strs: &str) -> String {
        format!(
            "msgid \"\"\nmsgstr \"\"\n\"Language: ru\\n\"\n\"Plural-Forms: {forms}\\n\"\n\nmsgctxt \"d[$n][$g=f]\"\nmsgid \"{{ $n }} day\"\nmsgid_plural \"{{ $n }} days\"\n{strs}\nmsgctxt \"d[$n=other][$g=f]\"\nmsgid \"{{ $n }} days\"\nmsgstr \"{{ $n }} дня\"\n"
        )
    }

    #[test]
    fn plural_forms_read_back_as_the_categories_they_stand_for() {
        let text = plural_po(
            RU_FORMS,
            "msgstr[0] \"{ $n } день\"\nmsgstr[1] \"{ $n } дня\"\nmsgstr[2] \"{ $n } дней\"\n",
        );
        let sent = read("ru.po", &text).unwrap();
        let u = &sent.units[0];
        let keys: Vec<_> = u.segments.iter().map(|s| s.keys.clone().unwrap()).collect();
        let k = |n: &str| {
            vec![
                ("$n".to_owned(), n.to_owned()),
                ("$g".to_owned(), "f".to_owned()),
            ]
        };
        assert_eq!(keys, [k("one"), k("few"), k("many"), k("other")]);
        assert_eq!(
            u.segments[2].target,
            Some(vec![
                Piece::Code("{ $n }".into()),
                Piece::Text(" дней".into())
            ])
        );
        assert_eq!((u.segments[1].at.line, u.segments[1].at.col), (10, 11));
        // a header a PO editor rewrote, with the same forms, is read alike
        let rewritten = text.replace(RU_FORMS, "nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;");
        assert_eq!(read("ru.po", &rewritten).unwrap().units, sent.units);
    }

    #[test]
    fn plural_mistakes_are_found_at_their_line_and_column() {
        let good = "msgstr[0] \"a\"\nmsgstr[1] \"b\"\nmsgstr[2] \"c\"\n";
        // an index the header does not have
        let e = read(
            "ru.po",
            &plural_po(RU_FORMS, &format!("{good}msgstr[3] \"d\"\n")),
        )
        .unwrap_err();
        assert_eq!((e.at.line, e.at.col), (12, 11), "{e}");
        assert!(
            e.message
                .contains("msgstr[3]: the Plural-Forms header has 3 forms"),
            "{e}"
        );
        // another language's formula
        let e = read("ru.po", &plural_po("nplurals=2; plural=(n != 1);", good)).unwrap_err();
        assert_eq!((e.at.line, e.at.col), (4, 2), "{e}");
        assert!(e.message.contains("is not ru's: it has nplurals=2"), "{e}");
        let e = read(
            "ru.po",
            &plural_po("nplurals=3; plural=(n==1 ? 0 : n<5 ? 1 : 2);", good),
        )
        .unwrap_err();
        assert!(e.message.contains("picks form 1 for 0"), "{e}");
        // no header at all
        let text =
            plural_po(RU_FORMS, good).replace(&format!("\"Plural-Forms: {RU_FORMS}\\n\"\n"), "");
        let e = read("ru.po", &text).unwrap_err();
        assert!(e.message.contains("no `Plural-Forms:`"), "{e}");
        // msgstr where msgstr[N] belong, and the other way round
        let e = read("ru.po", &plural_po(RU_FORMS, "msgstr \"a\"\n")).unwrap_err();
        assert_eq!((e.at.line, e.at.col), (9, 8), "{e}");
        let text = plural_po(RU_FORMS, good).replacen(
            "msgstr \"{ $n } дня\"",
            "msgstr[0] \"{ $n } дня\"",
            1,
        );
        let e = read("ru.po", &text).unwrap_err();
        assert!(
            e.message.contains("belongs to an entry with msgid_plural"),
            "{e}"
        );
    }
}
