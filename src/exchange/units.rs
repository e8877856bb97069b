//! Fluent messages → translation units.
//!
//! One unit per message or term value and one per attribute. A pattern with
//! select expressions is *lifted*: every combination of variant keys becomes
//! one segment holding the whole sentence, so a translator never sees Fluent
//! syntax. For a plural selector the combinations run over the *target*
//! locale's CLDR categories (Russian gets one, few, many and other even when
//! English has one and other), and each segment's source is the source
//! variant of the same category, or the source's default where it has none.
//! Placeables become inline codes holding their Fluent text; allowed inline
//! markup (`<em>`, `<br>`) too. String literals (`{ "{" }`) are plain text.

use std::collections::HashMap;

use fluent_syntax::ast::{
    Entry, Expression, Identifier, InlineExpression, Message, Pattern, PatternElement, Resource,
    VariantKey,
};

use crate::locale::plurals::CATEGORIES;

/// Most segments one unit is lifted into; a pattern with more combinations
/// of variants than this is exported unlifted is refused (see [`Unit::lifted`]).
pub const MAX_SEGMENTS: usize = 256;

/// A piece of segment text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Piece {
    Text(String),
    /// A protected inline code: a placeable's Fluent text (`{ $days }`) or an
    /// allowed markup tag (`<em>`), written back verbatim.
    Code(String),
}

/// A segment's text: pieces, adjacent texts merged, no empty text piece.
pub type Text = Vec<Piece>;

/// Appends `s` to `text` as plain text.
pub fn push_text(text: &mut Text, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Piece::Text(last)) = text.last_mut() {
        last.push_str(s);
    } else {
        text.push(Piece::Text(s.to_owned()));
    }
}

/// The text as the `.ftl` file would show it, codes verbatim (PO, notes).
pub fn plain(text: &Text) -> String {
    text.iter()
        .map(|p| match p {
            Piece::Text(s) | Piece::Code(s) => s.as_str(),
        })
        .collect()
}

/// One variant key of a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// The selector's Fluent text, e.g. `$days` or `NUMBER($n)`.
    pub selector: String,
    /// The variant key: a CLDR category, a number or a selector value.
    pub key: String,
    /// Is the selector a plural one (keys are CLDR categories or numbers)?
    pub plural: bool,
    /// Is it the selector's default variant (`*`) when the pattern is
    /// written back?
    pub default: bool,
}

/// One segment: the text of one combination of variant keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub keys: Vec<Key>,
    pub source: Text,
    /// The current translation; `None` when there is none.
    pub target: Option<Text>,
}

impl Segment {
    /// The variant keys for a translator to read: `$n = plural few, $g = masculine`.
    pub fn keys_described(&self) -> String {
        self.keys
            .iter()
            .map(Key::described)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Key {
    /// The key for a translator to read: `$n = plural few`.
    pub fn described(&self) -> String {
        let kind = if self.plural { "plural " } else { "" };
        format!("{} = {kind}{}", self.selector, self.key)
    }
}

/// A note for the translator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// `group` (a `##` comment), `comment` (the entry's `#` comment or a
    /// standalone one above it), `context` (where the message is printed).
    pub category: &'static str,
    pub text: String,
}

/// Where a translation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Not translated.
    Missing,
    /// Translated, never recorded as reviewed.
    Unreviewed,
    /// Reviewed against a source text that has changed since.
    Stale,
    /// Reviewed against today's source.
    Reviewed,
}

impl State {
    pub fn name(self) -> &'static str {
        match self {
            State::Missing => "missing",
            State::Unreviewed => "unreviewed",
            State::Stale => "stale",
            State::Reviewed => "reviewed",
        }
    }
}

/// One translation unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// `msg`, `msg.attr`, `-term` or `-term.attr`.
    pub id: String,
    /// The entry: `msg` or `-term`.
    pub entry: String,
    pub attr: Option<String>,
    pub notes: Vec<Note>,
    /// From a `# max-length: N` comment.
    pub max_length: Option<usize>,
    pub state: State,
    pub segments: Vec<Segment>,
    /// Does the translation have this value or attribute?
    pub translated: bool,
}

/// The units of one source `.ftl` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileUnits {
    /// The file's path inside the locale folder (`permits.ftl`).
    pub path: String,
    /// Its resource comments (`###`), one note per block.
    pub notes: Vec<String>,
    pub units: Vec<Unit>,
}

/// Everything one exchange file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    pub source_lang: String,
    pub target_lang: String,
    pub target_rtl: bool,
    pub files: Vec<FileUnits>,
}

impl Exchange {
    pub fn units(&self) -> impl Iterator<Item = &Unit> {
        self.files.iter().flat_map(|f| f.units.iter())
    }
}

/// What [`build`] reads.
pub struct Input<'a> {
    pub source_lang: &'a str,
    pub target_lang: &'a str,
    pub target_rtl: bool,
    /// The target locale's cardinal plural categories, CLDR order.
    pub categories: &'a [&'a str],
    /// The source locale's files, in order.
    pub source_files: &'a [LocaleFile],
    /// The target locale's files, in order.
    pub target_files: &'a [LocaleFile],
}

/// One `.ftl` file of a locale, as the exchange reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleFile {
    /// Its path inside the locale's folder (`main.ftl`).
    pub path: String,
    pub text: String,
}

impl LocaleFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> LocaleFile {
        LocaleFile {
            path: path.into(),
            text: text.into(),
        }
    }
}

/// A problem exporting one entry (the rest are exported).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{id}' has {count} combinations of variants, more than {MAX_SEGMENTS}; it was left out")]
pub struct TooManyVariants {
    pub id: String,
    pub count: usize,
}

/// The entries (`msg`, `-term`) defined in `files`, first definition first,
/// parsed with comments.
pub struct Parsed<'t> {
    resources: Vec<Resource<&'t str>>,
    /// id → (resource, entry index)
    index: HashMap<String, (usize, usize)>,
}

impl<'t> Parsed<'t> {
    pub fn new(files: &'t [LocaleFile]) -> Parsed<'t> {
        let mut resources = Vec::new();
        let mut index = HashMap::new();
        for (r, LocaleFile { text, .. }) in files.iter().enumerate() {
            let res = match fluent_syntax::parser::parse(text.as_str()) {
                Ok(res) | Err((res, _)) => res,
            };
            for (e, entry) in res.body.iter().enumerate() {
                if let Some(id) = crate::locale::ast::entry_id(entry) {
                    index.entry(id).or_insert((r, e));
                }
            }
            resources.push(res);
        }
        Parsed { resources, index }
    }

    pub fn get(&self, id: &str) -> Option<&Entry<&'t str>> {
        let (r, e) = self.index.get(id)?;
        Some(&self.resources[*r].body[*e])
    }

    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }
}

/// An entry's value and its attributes by name.
pub type Parts<'e, 't> = (
    Option<&'e Pattern<&'t str>>,
    Vec<(&'t str, &'e Pattern<&'t str>)>,
);

/// The value and attributes of an entry.
pub fn parts<'e, 't>(entry: &'e Entry<&'t str>) -> Option<Parts<'e, 't>> {
    let (value, attrs) = match entry {
        Entry::Message(m) => (m.value.as_ref(), &m.attributes),
        Entry::Term(t) => (Some(&t.value), &t.attributes),
        _ => return None,
    };
    Some((value, attrs.iter().map(|a| (a.id.name, &a.value)).collect()))
}

/// Builds the units of every source entry. `state(id, translated)` tells an
/// entry's review state, `context(id)` where it is printed.
pub fn build(
    input: &Input,
    state: impl Fn(&str, bool) -> State,
    context: impl Fn(&str) -> Vec<String>,
) -> (Exchange, Vec<TooManyVariants>) {
    let target = Parsed::new(input.target_files);
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for LocaleFile { path, text } in input.source_files {
        let res = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(res) | Err((res, _)) => res,
        };
        let mut file = FileUnits {
            path: path.clone(),
            notes: Vec::new(),
            units: Vec::new(),
        };
        let mut group: Option<String> = None;
        let mut standalone: Vec<String> = Vec::new();
        for entry in &res.body {
            match entry {
                Entry::ResourceComment(c) => file.notes.push(c.content.join("\n")),
                Entry::GroupComment(c) => {
                    let t = c.content.join("\n");
                    group = (!t.trim().is_empty()).then_some(t);
                    standalone.clear();
                }
                Entry::Comment(c) => standalone.push(c.content.join("\n")),
                Entry::Message(_) | Entry::Term(_) => {
                    let id = crate::locale::ast::entry_id(entry).expect("message or term");
                    if !seen.insert(id.clone()) {
                        continue;
                    }
                    let comment = match entry {
                        Entry::Message(m) => m.comment.as_ref(),
                        Entry::Term(t) => t.comment.as_ref(),
                        _ => None,
                    };
                    let mut notes = Vec::new();
                    if let Some(g) = &group {
                        notes.push(Note {
                            category: "group",
                            text: g.clone(),
                        });
                    }
                    for s in standalone.drain(..) {
                        notes.push(Note {
                            category: "comment",
                            text: s,
                        });
                    }
                    let mut max_length = None;
                    if let Some(c) = comment {
                        notes.push(Note {
                            category: "comment",
                            text: c.content.join("\n"),
                        });
                        max_length = c.content.iter().find_map(|l| {
                            l.trim().strip_prefix("max-length:")?.trim().parse().ok()
                        });
                    }
                    for place in context(&id) {
                        notes.push(Note {
                            category: "context",
                            text: place,
                        });
                    }
                    let translation = target.get(&id).and_then(parts);
                    let st = state(&id, translation.is_some());
                    let (value, attrs) = parts(entry).expect("message or term");
                    let mut add = |attr: Option<&str>, src: &Pattern<&str>| {
                        let trg = translation.as_ref().and_then(|(v, a)| match attr {
                            None => *v,
                            Some(name) => a.iter().find(|(n, _)| *n == name).map(|(_, p)| *p),
                        });
                        let uid = match attr {
                            None => id.clone(),
                            Some(a) => format!("{id}.{a}"),
                        };
                        match lift(src, trg, input.categories) {
                            Ok(segments) => file.units.push(Unit {
                                id: uid,
                                entry: id.clone(),
                                attr: attr.map(str::to_owned),
                                notes: notes.clone(),
                                max_length,
                                state: if trg.is_some() { st } else { State::Missing },
                                segments,
                                translated: trg.is_some(),
                            }),
                            Err(count) => problems.push(TooManyVariants { id: uid, count }),
                        }
                    };
                    if let Some(v) = value {
                        add(None, v);
                    }
                    for (name, p) in attrs {
                        add(Some(name), p);
                    }
                }
                Entry::Junk { .. } => {}
            }
        }
        files.push(file);
    }
    (
        Exchange {
            source_lang: input.source_lang.to_owned(),
            target_lang: input.target_lang.to_owned(),
            target_rtl: input.target_rtl,
            files,
        },
        problems,
    )
}

/// A selector met in a pattern, with its keys.
#[derive(Debug, Clone)]
struct Selector {
    code: String,
    keys: Vec<String>,
    /// The default key (`*`) of the first select met with this selector.
    default: String,
    plural: bool,
}

/// The segments of `source` (and of its translation `target`): one per
/// combination of the variant keys of every selector either uses. Fails
/// with the number of combinations when there are too many.
pub fn lift(
    source: &Pattern<&str>,
    target: Option<&Pattern<&str>>,
    categories: &[&str],
) -> Result<Vec<Segment>, usize> {
    let mut selectors: Vec<Selector> = Vec::new();
    collect(source, &mut selectors);
    if let Some(t) = target {
        collect(t, &mut selectors);
    }
    for s in &mut selectors {
        if s.plural && !categories.is_empty() {
            let mut keys: Vec<String> = s
                .keys
                .iter()
                .filter(|k| !CATEGORIES.contains(&k.as_str()))
                .cloned()
                .collect();
            keys.extend(categories.iter().map(|c| (*c).to_owned()));
            s.keys = keys;
        }
    }
    let count = selectors
        .iter()
        .try_fold(1usize, |n, s| n.checked_mul(s.keys.len().max(1)))
        .unwrap_or(usize::MAX);
    if count > MAX_SEGMENTS {
        return Err(count);
    }
    let mut combos: Vec<Vec<Key>> = vec![Vec::new()];
    for s in &selectors {
        combos = combos
            .into_iter()
            .flat_map(|c| {
                s.keys.iter().map(move |k| {
                    let mut c = c.clone();
                    let default = *k == s.default
                        || (!s.keys.contains(&s.default) && k == "other")
                        || (!s.keys.contains(&s.default)
                            && !s.keys.iter().any(|x| x == "other")
                            && Some(k) == s.keys.last());
                    c.push(Key {
                        selector: s.code.clone(),
                        key: k.clone(),
                        plural: s.plural,
                        default,
                    });
                    c
                })
            })
            .collect();
    }
    Ok(combos
        .into_iter()
        .map(|keys| {
            let mut src = Text::new();
            flatten(source, &keys, &mut src);
            let target = target.map(|t| {
                let mut out = Text::new();
                flatten(t, &keys, &mut out);
                out
            });
            Segment {
                keys,
                source: src,
                target,
            }
        })
        .collect())
}

fn key_text<'s>(k: &VariantKey<&'s str>) -> &'s str {
    match k {
        VariantKey::Identifier { name } => name,
        VariantKey::NumberLiteral { value } => value,
    }
}

fn collect(p: &Pattern<&str>, out: &mut Vec<Selector>) {
    for el in &p.elements {
        let PatternElement::Placeable {
            expression: Expression::Select { selector, variants },
        } = el
        else {
            continue;
        };
        let code = inline_code(selector);
        let plural_selector = matches!(selector, InlineExpression::VariableReference { .. })
            || matches!(selector, InlineExpression::FunctionReference { id, .. } if id.name == "NUMBER");
        let plural = plural_selector
            && variants.iter().all(|v| match &v.key {
                VariantKey::Identifier { name } => CATEGORIES.contains(name),
                VariantKey::NumberLiteral { .. } => true,
            })
            && variants
                .iter()
                .any(|v| matches!(v.key, VariantKey::Identifier { .. }));
        let default = variants
            .iter()
            .find(|v| v.default)
            .or(variants.last())
            .map(|v| key_text(&v.key).to_owned())
            .unwrap_or_default();
        let i = match out.iter().position(|s| s.code == code) {
            Some(i) => {
                out[i].plural &= plural;
                i
            }
            None => {
                out.push(Selector {
                    code,
                    keys: Vec::new(),
                    default,
                    plural,
                });
                out.len() - 1
            }
        };
        for v in variants {
            let k = key_text(&v.key);
            if !out[i].keys.iter().any(|x| x == k) {
                out[i].keys.push(k.to_owned());
            }
        }
        for v in variants {
            collect(&v.value, out);
        }
    }
}

/// The text of `p` with each select replaced by its variant for `keys`
/// (the variant of the same key, else the default).
fn flatten(p: &Pattern<&str>, keys: &[Key], out: &mut Text) {
    for el in &p.elements {
        match el {
            PatternElement::TextElement { value } => push_marked_up(out, value),
            PatternElement::Placeable { expression } => match expression {
                Expression::Select { selector, variants } => {
                    let code = inline_code(selector);
                    let wanted = keys.iter().find(|k| k.selector == code).map(|k| &k.key);
                    let variant = variants
                        .iter()
                        .find(|v| Some(key_text(&v.key)) == wanted.map(String::as_str))
                        .or_else(|| variants.iter().find(|v| v.default))
                        .or(variants.last());
                    if let Some(v) = variant {
                        flatten(&v.value, keys, out);
                    }
                }
                Expression::Inline(InlineExpression::StringLiteral { value }) => {
                    push_text(out, &unescape(value));
                }
                Expression::Inline(_) => out.push(Piece::Code(code_text(expression))),
            },
        }
    }
}

/// Text with allowed markup tags split off as codes.
fn push_marked_up(out: &mut Text, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        match markup_tag(&rest[i..]) {
            Some(len) => {
                push_text(out, &rest[..i]);
                out.push(Piece::Code(rest[i..i + len].to_owned()));
                rest = &rest[i + len..];
            }
            None => {
                push_text(out, &rest[..=i]);
                rest = &rest[i + 1..];
            }
        }
    }
    push_text(out, rest);
}

/// The length of an allowed inline tag (`<em>`, `</em>`, `<br>`, `<br/>`)
/// at the start of `s`.
pub fn markup_tag(s: &str) -> Option<usize> {
    let end = s.find('>')?;
    let inner = &s[1..end];
    let name = inner.strip_prefix('/').unwrap_or(inner);
    let name = name.strip_suffix('/').unwrap_or(name).trim_end();
    let known = crate::render::markup::PAIRED.contains(&name)
        || crate::render::markup::VOID.contains(&name);
    known.then_some(end + 1)
}

/// Fluent string literal escapes (`\"`, `\\`, `\uXXXX`, `\UXXXXXX`) resolved.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(n @ ('u' | 'U')) => {
                let len = if n == 'u' { 4 } else { 6 };
                let hex: String = chars.by_ref().take(len).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => out.push('\u{FFFD}'),
                }
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A placeable's Fluent text in canonical form (`{ $days }`).
pub fn code_text(e: &Expression<&str>) -> String {
    let res = Resource {
        body: vec![Entry::Message(Message {
            id: Identifier { name: "x" },
            value: Some(Pattern {
                elements: vec![PatternElement::Placeable {
                    expression: e.clone(),
                }],
            }),
            attributes: vec![],
            comment: None,
        })],
    };
    let s = fluent_syntax::serializer::serialize(&res);
    s.strip_prefix("x = ").unwrap_or(&s).trim_end().to_owned()
}

/// A selector's Fluent text (`$days`, `NUMBER($n)`).
pub fn inline_code(i: &InlineExpression<&str>) -> String {
    let code = code_text(&Expression::Inline(i.clone()));
    code.strip_prefix("{ ")
        .and_then(|c| c.strip_suffix(" }"))
        .unwrap_or(&code)
        .to_owned()
}

/// The canonical form of one placeable written by hand (`{$days}` →
/// `{ $days }`); `None` when `code` is not exactly one placeable.
pub fn normalize_code(code: &str) -> Option<String> {
    let src = format!("x = {code}\n");
    let res = fluent_syntax::parser::parse(src.as_str()).ok()?;
    let [Entry::Message(m)] = res.body.as_slice() else {
        return None;
    };
    let p = m.value.as_ref()?;
    match p.elements.as_slice() {
        [
            PatternElement::Placeable {
                expression: e @ Expression::Inline(_),
            },
        ] => Some(code_text(e)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(src: &str, trg: &str, cats: &[&str]) -> Vec<Unit> {
        let s = vec![LocaleFile::new("a.ftl", src)];
        let t = vec![LocaleFile::new("a.ftl", trg)];
        let input = Input {
            source_lang: "en",
            target_lang: "ru",
            target_rtl: false,
            categories: cats,
            source_files: &s,
            target_files: &t,
        };
        let (ex, problems) = build(
            &input,
            |_, t| if t { State::Reviewed } else { State::Missing },
            |_| vec![],
        );
        assert!(problems.is_empty());
        ex.files.into_iter().flat_map(|f| f.units).collect()
    }

    fn text(t: &Text) -> String {
        t.iter()
            .map(|p| match p {
                Piece::Text(s) => s.clone(),
                Piece::Code(c) => format!("[{c}]"),
            })
            .collect()
    }

    #[test]
    fn plural_variants_follow_the_target_locale_categories() {
        let src =
            "days = Apply within { $n ->\n    [one] { $n } day\n   *[other] { $n } days\n}.\n";
        let trg = "days = Подайте за { $n ->\n    [one] { $n } день\n    [few] { $n } дня\n   *[many] { $n } дней\n}.\n";
        let u = units(src, trg, &["one", "few", "many", "other"]);
        assert_eq!(u.len(), 1);
        let keys: Vec<&str> = u[0]
            .segments
            .iter()
            .map(|s| s.keys[0].key.as_str())
            .collect();
        assert_eq!(keys, ["one", "few", "many", "other"]);
        let few = &u[0].segments[1];
        assert_eq!(text(&few.source), "Apply within [{ $n }] days.");
        assert_eq!(
            text(few.target.as_ref().unwrap()),
            "Подайте за [{ $n }] дня."
        );
        // `other` is not in the translation: its default (many) stands in
        assert_eq!(
            text(u[0].segments[3].target.as_ref().unwrap()),
            "Подайте за [{ $n }] дней."
        );
    }

    #[test]
    fn attributes_comments_and_limits_become_units_and_notes() {
        let src = "### Res\n\n## Group\n\n# Hint\n# max-length: 12\nimg = Photo\n    .alt = A { -brand } <em>photo</em>\n";
        let u = units(src, "", &["one", "other"]);
        assert_eq!(
            u.iter().map(|u| u.id.as_str()).collect::<Vec<_>>(),
            ["img", "img.alt"]
        );
        assert_eq!(u[0].max_length, Some(12));
        assert_eq!(u[0].state, State::Missing);
        assert!(
            u[0].notes
                .iter()
                .any(|n| n.category == "group" && n.text == "Group")
        );
        assert_eq!(
            text(&u[1].segments[0].source),
            "A [{ -brand }] [<em>]photo[</em>]"
        );
    }

    #[test]
    fn string_literals_are_text_and_codes_are_canonical() {
        let u = units(
            "a = {\"{\"}x{$v}{ NUMBER($n,minimumFractionDigits:2) }\n",
            "",
            &[],
        );
        assert_eq!(
            text(&u[0].segments[0].source),
            "{x[{ $v }][{ NUMBER($n, minimumFractionDigits: 2) }]"
        );
        assert_eq!(normalize_code("{$v}").as_deref(), Some("{ $v }"));
        assert_eq!(normalize_code("{ $v } x"), None);
        assert_eq!(normalize_code("{ $v"), None);
    }

    #[test]
    fn two_selectors_lift_into_every_combination() {
        let src = "m = { $a ->\n  [one] A1\n *[other] A2\n} { $g ->\n  [f] F\n *[m] M\n}\n";
        let u = units(src, "", &["one", "few", "other"]);
        let got: Vec<String> = u[0].segments.iter().map(|s| text(&s.source)).collect();
        assert_eq!(got, ["A1 F", "A1 M", "A2 F", "A2 M", "A2 F", "A2 M"]);
        assert_eq!(u[0].segments[1].keys[1].key, "m");
        assert!(!u[0].segments[1].keys[1].plural && u[0].segments[1].keys[0].plural);
    }
}
