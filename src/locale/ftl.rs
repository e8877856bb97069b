//! Reading and parsing one `.ftl` file, once per run.
//!
//! Before the Fluent parser sees a file, its size and placeable nesting are
//! checked, so a hostile file cannot exhaust memory or overflow the parser's
//! stack. Syntax errors become diagnostics at `file:line:col`; the entries that
//! parsed are kept, so one broken message does not take its neighbours down.
//!
//! An entry whose id is in the file but that cannot be used is *broken*
//! ([`BrokenEntry`]): it did not parse, or a line that continues it is not
//! indented. The parser ends a message at such a line and skips the line as
//! junk, keeping the first part as if it were the whole text; pamphlet
//! recognizes the slip by where the junk starts (right after the entry's
//! last line, no blank or comment line between, not itself shaped like an
//! entry) and treats the entry as broken, so that it falls back instead of
//! printing cut short.

use fluent_bundle::FluentResource;
use fluent_syntax::parser::ErrorKind;

use crate::diagnostics::{Diagnostic, Severity};
use crate::source::LineIndex;

/// Largest `.ftl` file accepted (the Fluent parser is quadratic in some shapes).
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Deepest nesting of `{` accepted; the parser recurses once per level.
pub const MAX_NESTING: usize = 64;
/// Most named arguments in one call (the parser checks them quadratically).
pub const MAX_NAMED_ARGS: usize = 64;
/// Most digits before or after the point of a number literal; more overflow
/// the plural-operand arithmetic of fluent-bundle.
pub const MAX_LITERAL_DIGITS: usize = 15;
/// Most entries dropped from one file for such literals before the whole file
/// is refused (each drop parses the file again).
pub const MAX_DROPPED: usize = 16;

/// One parsed `.ftl` file and where its entries start.
#[derive(Clone)]
pub struct FtlFile {
    /// Workspace-relative path.
    pub display: String,
    /// The file's text when the resource does not hold it (the file was
    /// refused, or entries were blanked out before parsing); empty otherwise,
    /// so that the text is held once.
    own_text: String,
    pub index: LineIndex,
    /// `(id, line)` of each message (`id`) and term (`-id`) in the file, in order.
    pub entries: Vec<(String, usize)>,
    /// For each entry, the messages (`id`) and terms (`-id`) it references.
    pub refs: Vec<(String, Vec<String>)>,
    /// The parsed entries (shared with the locale's bundle), when the file parsed.
    pub resource: Option<std::sync::Arc<FluentResource>>,
    /// The entries whose id is in the file but that cannot be used as
    /// written, in line order (usually none).
    pub broken: Vec<BrokenEntry>,
}

/// An entry (`id` or `-id`) that is in a file but broken: its messages fall
/// back, and `status` counts it as an error, not as missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenEntry {
    pub id: String,
    /// 1-based line of the entry's id.
    pub line: usize,
    pub why: Breakage,
}

/// Why an entry in a file cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breakage {
    /// A syntax error inside the entry: the parser skipped all of it.
    Syntax,
    /// Line `line` continues the entry but is not indented (or indented
    /// with a tab, which Fluent does not accept), so the parser ended the
    /// entry before it: what is left would print cut short (or the entry has
    /// no value at all).
    Indent { line: usize, tab: bool },
    /// A number literal with too many digits: the entry was left out.
    Number,
}

impl Breakage {
    /// What fallback records and `format` say about it.
    pub fn reason(self) -> &'static str {
        match self {
            Breakage::Syntax => "syntax error",
            Breakage::Indent { tab: false, .. } => "continuation line not indented",
            Breakage::Indent { tab: true, .. } => "continuation line indented with a tab",
            Breakage::Number => "number with too many digits",
        }
    }
}

impl FtlFile {
    /// The file's text, as read (after decoding).
    pub fn text(&self) -> &str {
        match &self.resource {
            Some(r) if self.own_text.is_empty() => r.source(),
            _ => &self.own_text,
        }
    }

    pub fn line_of(&self, id: &str) -> Option<usize> {
        self.entries.iter().find(|(e, _)| e == id).map(|(_, l)| *l)
    }

    /// The translator comment right above the entry on `line`: the `# ` lines
    /// directly before it (group `##` and file `###` comments excluded).
    pub fn comment_above(&self, line: usize) -> Vec<&str> {
        let mut out = Vec::new();
        let mut n = line;
        while n > 1 {
            n -= 1;
            let text = self.index.line_text(self.text(), n);
            match text.strip_prefix('#') {
                Some(rest) if !rest.starts_with('#') => {
                    out.push(rest.strip_prefix(' ').unwrap_or(rest))
                }
                _ => break,
            }
        }
        out.reverse();
        out
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_offset(&self, line: usize) -> usize {
        self.index.line_start(line, self.text())
    }

    /// The text of the entry whose id is on `line`, up to the next entry.
    pub fn entry_text(&self, line: usize) -> &str {
        let start = self.line_offset(line);
        // entries are in line order
        let next = self.entries.partition_point(|(_, l)| *l <= line);
        let end = self
            .entries
            .get(next)
            .map_or(self.text().len(), |(_, n)| self.line_offset(*n));
        self.text().get(start..end).unwrap_or("")
    }
}

/// Parses `text` (already decoded) into a resource; `severity` is what syntax
/// errors count as (an error in the source locale, a warning in translations,
/// whose broken messages fall back). The text is moved into the resource, not
/// copied.
pub fn parse(display: String, text: String, severity: Severity) -> (FtlFile, Vec<Diagnostic>) {
    let index = LineIndex::new(&text);
    let mut diags = Vec::new();
    let entries = scan_entries(&text, &index);

    if let Some(mut d) = refuse_before_parsing(&display, &text, &index) {
        d.severity = severity;
        let file = FtlFile {
            display,
            own_text: text,
            index,
            entries,
            refs: Vec::new(),
            resource: None,
            broken: Vec::new(),
        };
        return (file, vec![d]);
    }

    let parsed = parse_without_hazards(text, &entries);
    // the text the entries were dropped from, when some were
    let original = parsed.original.as_deref();
    let mut broken = Vec::new();
    let last = parsed.dropped.len().saturating_sub(1);
    for (i, (id, line, literal)) in parsed.dropped.into_iter().enumerate() {
        let snippet = original.map(|t| index.line_text(t, line).to_owned());
        let ignored = if parsed.refused && i == last {
            format!("more than {MAX_DROPPED} entries of this file do, so the whole file is ignored")
        } else {
            "the entry is ignored".to_owned()
        };
        let d = Diagnostic::error(
            "ftl-number",
            format!("'{id}' uses the number {literal}, which has more than {MAX_LITERAL_DIGITS} digits before or after the point; {ignored}"),
        )
        .at(display.clone(), crate::source::Position { line, col: 1 }, snippet)
        .with_hint("write the number with fewer digits, or pass it from the campaign as a variable");
        diags.push(d);
        if !parsed.refused && entries.iter().any(|(e, l)| *e == id && *l == line) {
            broken.push(BrokenEntry {
                id,
                line,
                why: Breakage::Number,
            });
        }
    }
    let (resource, errors) = match parsed.result {
        Ok(r) => (r, Vec::new()),
        Err((r, errors)) => (r, errors),
    };
    if !errors.is_empty() {
        // the parser's offsets are into the text it saw; blanking keeps every
        // line, so lines and columns carry over to the file as written
        let seen = resource.source();
        let blanked_index;
        let seen_index = if original.is_some() {
            blanked_index = LineIndex::new(seen);
            &blanked_index
        } else {
            &index
        };
        let lines = Lines {
            text: seen,
            index: seen_index,
            entries: &entries,
        };
        let mut junks: Vec<Junk> = Vec::new();
        for e in errors {
            let junk = lines.classify(&e, &junks);
            match junk.kind {
                JunkKind::Entry(k) => {
                    let (id, line) = &entries[k];
                    broken.push(BrokenEntry {
                        id: id.clone(),
                        line: *line,
                        why: Breakage::Syntax,
                    });
                    diags.push(syntax_diagnostic(&display, seen, seen_index, &e, severity));
                }
                JunkKind::NoValue(k, next) | JunkKind::Continues(k, next) => {
                    let (id, line) = &entries[k];
                    broken.push(BrokenEntry {
                        id: id.clone(),
                        line: *line,
                        why: Breakage::Indent {
                            line: next,
                            tab: lines.line(next).starts_with('\t'),
                        },
                    });
                    let cut = matches!(junk.kind, JunkKind::Continues(..));
                    diags.push(lines.indent_diagnostic(&display, k, next, cut, severity));
                }
                // more of the same unindented text: reported with its first line
                JunkKind::More(_) => {}
                JunkKind::Other => {
                    diags.push(syntax_diagnostic(&display, seen, seen_index, &e, severity))
                }
            }
            junks.push(junk);
        }
    }
    broken.sort_by_key(|b| b.line);
    let refs = resource
        .entries()
        .filter_map(|e| {
            let id = super::ast::entry_id(e)?;
            let mut refs = Vec::new();
            super::ast::visit(e, &mut |n| match n {
                super::ast::Node::Message(m) => refs.push(m.to_owned()),
                super::ast::Node::Term(t) => refs.push(format!("-{t}")),
                _ => {}
            });
            Some((id, refs))
        })
        .collect();
    // a problem in a translation is a warning (its messages fall back), in the source an error
    for d in &mut diags {
        d.severity = severity;
    }
    let file = FtlFile {
        display,
        own_text: parsed.original.unwrap_or_default(),
        index,
        entries,
        refs,
        resource: Some(std::sync::Arc::new(resource)),
        broken,
    };
    (file, diags)
}

/// An ordinary syntax error: the parser's message, the entry it skipped.
fn syntax_diagnostic(
    display: &str,
    seen: &str,
    seen_index: &LineIndex,
    e: &fluent_syntax::parser::ParserError,
    severity: Severity,
) -> Diagnostic {
    let lost = e
        .slice
        .as_ref()
        .and_then(|s| seen.get(s.clone()))
        .and_then(|s| s.lines().next())
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let mut message = match e.kind {
        // fluent-syntax words this one as the selector case it is not
        ErrorKind::TermAttributeAsPlaceable => {
            "Term attributes can't be printed, only used as a selector".to_owned()
        }
        ref kind => kind.to_string(),
    };
    if let Some(lost) = lost {
        message = format!("{message}; this entry is ignored: {lost}");
    }
    Diagnostic::error("ftl-syntax", message)
        .at_offset(display, seen, seen_index, error_offset(seen, e))
        .with_hint(syntax_hint(seen, e, severity))
}

/// One junk entry (text the parser skipped) and what it belongs to.
struct Junk {
    /// 1-based lines of its first and last character.
    first: usize,
    last: usize,
    kind: JunkKind,
}

/// What a junk entry is, by where it starts. The signature of an
/// unindented continuation line: the junk starts on the line right after a
/// message's (or term's) last line, with no blank or comment line between,
/// and its first line does not look like the start of another entry.
#[derive(Clone, Copy, PartialEq, Eq)]
enum JunkKind {
    /// Starts at the id line of entry `k` (of the scanned entries): the
    /// entry did not parse.
    Entry(usize),
    /// Starts at the id line of entry `k`, which has nothing after its `=`,
    /// and the next line (the second number) is unindented text: the value
    /// the translator meant, not read as one.
    NoValue(usize, usize),
    /// Continues entry `k` (which parsed) without indentation, from the
    /// line of the second number: the entry ended before it.
    Continues(usize, usize),
    /// Follows, with no blank line, junk that already continues entry `k`
    /// (a second unindented line that starts with a Latin letter).
    More(usize),
    /// Anything else: a stray line, a broken entry with an invalid id.
    Other,
}

/// The lines of the text the parser saw, and the entries found in it.
struct Lines<'a> {
    text: &'a str,
    index: &'a LineIndex,
    entries: &'a [(String, usize)],
}

impl Lines<'_> {
    fn line(&self, n: usize) -> &str {
        self.index.line_text(self.text, n)
    }

    /// Text at column 1 that is not a comment, or text indented with a tab:
    /// what a continuation line the parser does not accept looks like.
    fn unindented_text(&self, n: usize) -> bool {
        let line = self.line(n);
        let text = line.strip_prefix('\t').map_or(line, str::trim_start);
        (line.starts_with('\t') && !text.is_empty())
            || (line.starts_with(|c: char| !c.is_whitespace() && c != '#')
                && !looks_like_entry(line))
    }

    fn classify(&self, e: &fluent_syntax::parser::ParserError, before: &[Junk]) -> Junk {
        let start = e.slice.as_ref().map_or(e.pos.start, |s| s.start);
        let end = e.slice.as_ref().map_or(e.pos.end, |s| s.end);
        let first = self.index.position(self.text, start).line;
        let last = self
            .index
            .position(self.text, end.saturating_sub(1).max(start))
            .line;
        let kind = self.kind_of(e, first, before);
        Junk { first, last, kind }
    }

    fn kind_of(
        &self,
        e: &fluent_syntax::parser::ParserError,
        first: usize,
        before: &[Junk],
    ) -> JunkKind {
        if let Ok(k) = self.entries.binary_search_by_key(&first, |(_, l)| *l) {
            let no_value = matches!(
                e.kind,
                ErrorKind::ExpectedMessageField { .. } | ErrorKind::ExpectedTermField { .. }
            );
            return if no_value && self.unindented_text(first + 1) {
                JunkKind::NoValue(k, first + 1)
            } else {
                JunkKind::Entry(k)
            };
        }
        let above = first - 1;
        if above == 0 || !self.unindented_text(first) {
            return JunkKind::Other;
        }
        let line_above = self.line(above);
        if line_above.trim().is_empty() || line_above.starts_with('#') {
            return JunkKind::Other;
        }
        // the line above is in earlier junk, or in the entry that starts last before it
        if let Some(j) = before.last().filter(|j| j.last >= above) {
            return match j.kind {
                JunkKind::NoValue(k, _) | JunkKind::Continues(k, _) | JunkKind::More(k) => {
                    JunkKind::More(k)
                }
                _ => JunkKind::Other,
            };
        }
        // the entry that starts last before this line, when it parsed
        let k = self.entries.partition_point(|(_, l)| *l < first);
        // (junk entries are in line order: a search keeps a file of many linear)
        match k.checked_sub(1) {
            Some(k)
                if before
                    .binary_search_by_key(&self.entries[k].1, |j| j.first)
                    .is_err() =>
            {
                JunkKind::Continues(k, first)
            }
            _ => JunkKind::Other,
        }
    }

    /// The report of an unindented continuation line `first` of entry `k`:
    /// at that line, naming the entry's line too. `cut`: the entry parsed
    /// (cut short) rather than being left without a value.
    fn indent_diagnostic(
        &self,
        display: &str,
        k: usize,
        first: usize,
        cut: bool,
        severity: Severity,
    ) -> Diagnostic {
        let (id, line) = &self.entries[k];
        let kind = if id.starts_with('-') {
            "term"
        } else {
            "message"
        };
        let tab = self.line(first).starts_with('\t');
        let how = if tab {
            "is indented with a tab, which Fluent does not accept"
        } else {
            "is not indented"
        };
        let what = if cut {
            format!(
                "'{id}' (line {line}) is cut short: line {first} {how}, so Fluent ends the {kind} before it and ignores the line"
            )
        } else {
            format!(
                "'{id}' (line {line}) has no value: line {first} {how}, so Fluent does not read it as the {kind}'s text"
            )
        };
        let consequence = if severity == Severity::Error {
            "it counts as broken"
        } else {
            "it counts as broken and falls back"
        };
        let text = self.line(first).trim();
        let shown: String = text.chars().take(40).collect();
        let more = if shown.len() < text.len() { "…" } else { "" };
        let start = self.index.line_start(first, self.text);
        let rule = if tab {
            "Fluent does not allow tabs for indentation"
        } else {
            "continuation lines must be indented"
        };
        Diagnostic::error("ftl-indent", format!("{what}; {consequence}"))
            .at_offset(display, self.text, self.index, start)
            .with_hint(format!(
                "{rule}: start line {first} (and every further line of '{id}') with spaces, e.g. `    {shown}{more}`"
            ))
    }
}

/// Does `line` look like the start of an entry (`name =`, `-name =`), even
/// one whose name Fluent does not accept (`сообщение = …`)? Such a line
/// begins a new entry rather than continuing the one before.
fn looks_like_entry(line: &str) -> bool {
    let name = line.split(['=', ' ', '\t']).next().unwrap_or("");
    !name.is_empty()
        && !name.starts_with('.')
        && line[name.len()..].trim_start_matches(' ').starts_with('=')
}

type ParseResult =
    Result<FluentResource, (FluentResource, Vec<fluent_syntax::parser::ParserError>)>;

/// What [`parse_without_hazards`] made of a file.
struct Parsed {
    result: ParseResult,
    /// The entries blanked out: `id`, line, literal.
    dropped: Vec<(String, usize, String)>,
    /// The file as written, when entries were blanked out (the resource then
    /// holds the blanked text).
    original: Option<String>,
    /// The whole file was refused (too many such entries); the last of
    /// `dropped` is the entry that tipped it.
    refused: bool,
}

/// Parses `text`; entries with a number literal of too many digits are blanked
/// out and the text parsed again, so that no such literal reaches the resolver.
fn parse_without_hazards(text: String, entries: &[(String, usize)]) -> Parsed {
    let mut dropped = Vec::new();
    let mut blanked: Vec<usize> = Vec::new();
    let mut original: Option<String> = None;
    let mut result = FluentResource::try_new(text);
    loop {
        let resource = match &result {
            Ok(r) | Err((r, _)) => r,
        };
        let mut hazard = None;
        for entry in resource.entries() {
            let mut bad = None;
            super::ast::visit(entry, &mut |n| {
                if let super::ast::Node::Number(v) = n
                    && bad.is_none()
                    && v.trim_start_matches('-')
                        .split('.')
                        .any(|part| part.len() > MAX_LITERAL_DIGITS)
                {
                    bad = Some(v.to_owned());
                }
            });
            if let (Some(literal), Some(id)) = (bad, super::ast::entry_id(entry)) {
                hazard = Some((id, literal));
                break;
            }
        }
        let Some((id, literal)) = hazard else {
            return Parsed {
                result,
                dropped,
                original,
                refused: false,
            };
        };
        let current = resource.source();
        // the definition of `id` (there may be several) whose lines hold the
        // literal and that was not blanked yet; every round blanks a new one
        let lines: Vec<&str> = current.split_inclusive('\n').collect();
        let target = entries
            .iter()
            .enumerate()
            .filter(|(_, (e, _))| *e == id)
            .map(|(i, (_, start))| (*start, entries.get(i + 1).map_or(lines.len() + 1, |e| e.1)))
            .find(|&(start, end)| {
                !blanked.contains(&start)
                    && lines
                        .get(start - 1..(end - 1).min(lines.len()))
                        .is_some_and(|l| l.concat().contains(&literal))
            });
        let original = original.get_or_insert_with(|| current.to_owned());
        let Some((start, end)) = target.filter(|_| blanked.len() < MAX_DROPPED) else {
            // not found by the line scan, or too many: refuse the whole file rather than risk it
            let line = target
                .map(|(start, _)| start)
                .or_else(|| entries.iter().find(|(e, _)| *e == id).map(|(_, l)| *l))
                .unwrap_or(1);
            dropped.push((id, line, literal));
            return Parsed {
                result: FluentResource::try_new(String::new()),
                dropped,
                original: Some(std::mem::take(original)),
                refused: true,
            };
        };
        blanked.push(start);
        dropped.push((id, start, literal));
        let next: String = lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                if (start..end).contains(&(i + 1)) {
                    if line.ends_with('\n') { "\n" } else { "" }
                } else {
                    line
                }
            })
            .collect();
        result = FluentResource::try_new(next);
    }
}

/// Finds a call with more than [`MAX_NAMED_ARGS`] named arguments (counted as
/// `:` inside parentheses, outside string literals), before the parser sees it.
/// Outside parentheses only `(` changes the scan's state (no string starts
/// there, and no colon counts), so the scan jumps from one to the next
/// (SIMD); inside, it reads byte by byte (calls are short).
fn too_many_named_args(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut scan = ArgScan::default();
    let mut i = 0;
    while i < bytes.len() {
        if scan.depth == 0 {
            i += memchr::memchr(b'(', &bytes[i..])?;
        }
        if scan.step(bytes[i]) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The named-argument scan between two bytes.
#[derive(Default)]
struct ArgScan {
    depth: usize,
    colons: usize,
    in_string: bool,
    escaped: bool,
}

impl ArgScan {
    /// Takes the next byte; true when it is the colon of one named argument
    /// too many.
    fn step(&mut self, c: u8) -> bool {
        if self.in_string {
            match (self.escaped, c) {
                (true, _) => self.escaped = false,
                (false, b'\\') => self.escaped = true,
                (false, b'"') | (false, b'\n') => self.in_string = false,
                _ => {}
            }
            return false;
        }
        match c {
            b'"' if self.depth > 0 => self.in_string = true,
            b'(' => self.depth += 1,
            b')' => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.colons = 0;
                }
            }
            b':' if self.depth > 0 => {
                self.colons += 1;
                return self.colons > MAX_NAMED_ARGS;
            }
            _ => {}
        }
        false
    }
}

/// Where to point for a parse error. When the parser only noticed the problem
/// on a later line (an unclosed `{` runs into the next entry), point just
/// after the last character of the line before, where the fix belongs.
fn error_offset(text: &str, e: &fluent_syntax::parser::ParserError) -> usize {
    let pos = e.pos.start.min(text.len());
    let start = e.slice.as_ref().map_or(pos, |s| s.start.min(pos));
    if !text.get(start..pos).is_some_and(|s| s.contains('\n')) {
        return pos;
    }
    let before = text[..pos].trim_end();
    before.len().max(start)
}

/// `severity` tells the source locale (errors) from a translation
/// (warnings), which has the source's message to compare with.
fn syntax_hint(text: &str, e: &fluent_syntax::parser::ParserError, severity: Severity) -> String {
    let junk = e.slice.clone().unwrap_or(e.pos.clone());
    let junk = text
        .get(junk.start.min(text.len())..junk.end.min(text.len()))
        .unwrap_or("");
    if e.kind == ErrorKind::TermAttributeAsPlaceable {
        "print the term itself, { -term }, or select on its attribute: { -term.attr -> [value] … *[other] … }".into()
    } else if junk.lines().any(|l| l.starts_with('\t')) {
        "Fluent does not allow tabs for indentation; indent continuation lines with spaces".into()
    } else if severity == Severity::Error {
        "every '{' needs a '}', and select expressions need a *[default] variant".into()
    } else {
        "compare with the same message in the source locale; every '{' needs a '}', and select expressions need a *[default] variant".into()
    }
}

/// The shapes the Fluent parser must never see: a file too large (the parser
/// is quadratic in places), `{` nested too deep (it recurses once per level
/// and would overflow its stack), a call with too many named arguments.
fn refuse_before_parsing(display: &str, text: &str, index: &LineIndex) -> Option<Diagnostic> {
    if text.len() > MAX_FILE_BYTES {
        let message = format!(
            "the file is {} KiB; the limit is {} KiB",
            text.len() / 1024,
            MAX_FILE_BYTES / 1024
        );
        return Some(
            Diagnostic::error("ftl-too-large", message)
                .in_file(display)
                .with_hint("split the messages into several .ftl files"),
        );
    }
    let (code, message, offset, hint) = if let Some(offset) = too_deep(text) {
        (
            "ftl-nesting",
            format!("placeables are nested more than {MAX_NESTING} levels deep"),
            offset,
            "a '{' is probably never closed; close every placeable with '}'",
        )
    } else if let Some(offset) = too_many_named_args(text) {
        (
            "ftl-arguments",
            format!("a function call has more than {MAX_NAMED_ARGS} named arguments"),
            offset,
            "NUMBER() takes a handful of options; remove the extra arguments",
        )
    } else {
        return None;
    };
    Some(
        Diagnostic::error(code, message)
            .at_offset(display, text, index, offset)
            .with_hint(hint),
    )
}

/// Finds where `{` nesting first exceeds [`MAX_NESTING`], ignoring string
/// literals and comments. Only a few bytes matter in each state, so the scan
/// jumps from one to the next (SIMD) rather than reading every byte.
fn too_deep(text: &str) -> Option<usize> {
    // bytes, not chars: every character that matters is ASCII, and UTF-8
    // continuation bytes never equal an ASCII byte
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut escaped = false;
    let mut i = 0;
    // a comment is a line starting with `#` outside any placeable
    let skip_comment =
        |i: usize| -> Option<usize> { Some(memchr::memchr(b'\n', &bytes[i..])? + i + 1) };
    if bytes.first() == Some(&b'#') {
        i = skip_comment(0)?;
    }
    while i < bytes.len() {
        let next = if depth == 0 {
            // quotes start no string outside a placeable
            memchr::memchr3(b'{', b'}', b'\n', &bytes[i..])
        } else {
            // inside a placeable a line break only matters to strings
            memchr::memchr3(b'{', b'}', b'"', &bytes[i..])
        };
        i += next?;
        match bytes[i] {
            b'\n' => {
                i += 1;
                if bytes.get(i) == Some(&b'#') {
                    i = skip_comment(i)?;
                }
                continue;
            }
            b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b'}' => depth = depth.saturating_sub(1),
            _ => {
                // a string literal: it ends at an unescaped `"` or at the line's
                // end (even right after a `\`, whose escape then carries over to
                // the next string, as the byte-by-byte rule has it)
                i += 1;
                loop {
                    if escaped {
                        match bytes.get(i) {
                            None => return None,
                            Some(b'\n') => break,
                            Some(_) => {
                                escaped = false;
                                i += 1;
                                continue;
                            }
                        }
                    }
                    let j = memchr::memchr3(b'\\', b'"', b'\n', &bytes[i..])? + i;
                    match bytes[j] {
                        b'\\' => {
                            escaped = true;
                            i = j + 1;
                        }
                        b'"' => {
                            i = j + 1;
                            break;
                        }
                        _ => {
                            // the line break is read again above
                            i = j;
                            break;
                        }
                    }
                }
                continue;
            }
        }
        i += 1;
    }
    None
}

/// Lines that start an entry: `id =` or `-id =` at column 1 (`index` gives
/// where each line starts).
fn scan_entries(text: &str, index: &LineIndex) -> Vec<(String, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (n, &start) in index.starts().iter().enumerate() {
        let dash = usize::from(bytes.get(start) == Some(&b'-'));
        let body = &bytes[(start + dash).min(bytes.len())..];
        let len = body
            .iter()
            .enumerate()
            .take_while(|(i, c)| {
                if *i == 0 {
                    c.is_ascii_alphabetic()
                } else {
                    c.is_ascii_alphanumeric() || **c == b'-' || **c == b'_'
                }
            })
            .count();
        if len > 0 && body[len..].iter().find(|c| **c != b' ') == Some(&b'=') {
            out.push((text[start..start + dash + len].to_owned(), n + 1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // The straightforward byte-by-byte scanners, written from the rules and
    // sharing no code with the fast ones, against which those are checked.
    /// Counts the `:` inside parentheses (a call and everything nested in
    /// it), outside string literals; the count starts again after the
    /// outermost `)`. A string starts at a `"` inside parentheses and ends at
    /// the next `"` or line break that no `\` escapes.
    fn reference_named_args(text: &str) -> Option<usize> {
        let b = text.as_bytes();
        let (mut i, mut depth, mut colons) = (0, 0usize, 0);
        while i < b.len() {
            match b[i] {
                b'"' if depth > 0 => {
                    i += 1;
                    while i < b.len() && b[i] != b'"' && b[i] != b'\n' {
                        // an escape takes the byte after it, whatever it is
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                }
                b'(' => depth += 1,
                b')' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        colons = 0;
                    }
                }
                b':' if depth > 0 => {
                    colons += 1;
                    if colons > MAX_NAMED_ARGS {
                        return Some(i);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// The scanners on cases worked out by hand: where they must stop.
    #[test]
    fn scanners_stop_where_the_rules_say() {
        // "a: 1, " repeated: the colon is the second byte of each repeat
        let call = |n: usize, tail: &str| format!("x = {{ F({}{tail}", "a: 1, ".repeat(n));
        let head = "x = { F(".len();
        let named: [(String, Option<usize>); 8] = [
            (call(64, ") }"), None),
            (call(65, ") }"), Some(head + 64 * 6 + 1)),
            // never closed: still one call
            (call(65, ""), Some(head + 64 * 6 + 1)),
            // colons in a string literal are no arguments; an escaped quote
            // does not end it (64 colons outside it, 2 in it)
            (
                format!("x = {{ F({}b: \"c: \\\" d:\") }}", "a: 1, ".repeat(63)),
                None,
            ),
            // a line break ends a string left open; the colons after count
            (
                format!("x = {{ F({}b: \"c\nd: 1) }}", "a: 1, ".repeat(63)),
                Some(head + 63 * 6 + 7),
            ),
            // the count starts again after the call's `)`
            (
                format!("{}) }} {{ G({}) }}", call(60, ""), "a: 1, ".repeat(10)),
                None,
            ),
            // an inner call's `)` does not end the outer one
            (
                format!("{}G(z: 2) a: 1, a: 1, a: 1, a: 1) }}", call(61, "")),
                Some(head + 61 * 6 + 21),
            ),
            // outside parentheses neither colons count nor quotes start a string
            (
                format!("x = {}\" ({}", ": ".repeat(100), "a: 1, ".repeat(65)),
                Some(4 + 200 + 3 + 64 * 6 + 1),
            ),
        ];
        for (text, expected) in named {
            assert_eq!(reference_named_args(&text), expected, "reference: {text:?}");
            assert_eq!(too_many_named_args(&text), expected, "{text:?}");
        }

        let open = |n: usize| "{".repeat(n);
        let deep: [(String, Option<usize>); 6] = [
            (format!("x = {}", open(64)), None),
            (format!("x = {}", open(65)), Some(4 + 64)),
            (format!("x = {}{}{}", open(64), "}", open(1)), None),
            // braces in a string literal inside a placeable do not count
            (format!("x = {} \"{}\"", open(64), open(10)), None),
            // a comment line outside any placeable does not count
            (format!("# {}\nx = {}", open(80), open(64)), None),
            // quotes outside a placeable start no string
            (format!("x = \" {}", open(65)), Some(6 + 64)),
        ];
        for (text, expected) in deep {
            assert_eq!(reference_too_deep(&text), expected, "reference: {text:?}");
            assert_eq!(too_deep(&text), expected, "{text:?}");
        }

        let text = "a = 1\n-term = 2\n  b = 3\nc-d_e  = 4\n9x = 5\n# f = 6\ng=7\nh x = 8\n";
        let expected =
            [("a", 1), ("-term", 2), ("c-d_e", 4), ("g", 7)].map(|(id, n)| (id.to_owned(), n));
        assert_eq!(reference_scan_entries(text), expected);
        assert_eq!(scan_entries(text, &LineIndex::new(text)), expected);
    }

    /// Finds where `{` nesting first exceeds [`MAX_NESTING`], ignoring string
    /// literals and comments.
    fn reference_too_deep(text: &str) -> Option<usize> {
        // bytes, not chars: every character that matters is ASCII, and UTF-8
        // continuation bytes never equal an ASCII byte
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        let mut line_start = true;
        let mut in_comment = false;
        for (i, c) in text.bytes().enumerate() {
            if c == b'\n' {
                line_start = true;
                in_comment = false;
                in_string = false;
                continue;
            }
            if line_start && c == b'#' && depth == 0 {
                in_comment = true;
            }
            line_start = false;
            if in_comment {
                continue;
            }
            if in_string {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                b'"' if depth > 0 => in_string = true,
                b'{' => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Some(i);
                    }
                }
                b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        None
    }

    /// Lines that start an entry: `id =` or `-id =` at column 1.
    fn reference_scan_entries(text: &str) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let body = line.strip_prefix('-').unwrap_or(line);
            let len = body
                .bytes()
                .enumerate()
                .take_while(|(i, c)| {
                    if *i == 0 {
                        c.is_ascii_alphabetic()
                    } else {
                        c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_'
                    }
                })
                .count();
            if len > 0 && body[len..].trim_start_matches(' ').starts_with('=') {
                let id_len = len + (line.len() - body.len());
                out.push((line[..id_len].to_owned(), n + 1));
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn fast_scanners_agree_with_the_rules(text in "[{}()\"\\\\:#=\na-z -]{0,300}") {
            proptest::prop_assert_eq!(too_deep(&text), reference_too_deep(&text));
            proptest::prop_assert_eq!(too_many_named_args(&text), reference_named_args(&text));
            let index = LineIndex::new(&text);
            proptest::prop_assert_eq!(scan_entries(&text, &index), reference_scan_entries(&text));
        }

        #[test]
        fn fast_scanners_agree_near_the_limits(
            text in "[{}()\"\\\\:#\na ]{0,200}",
            opens in 50usize..70,
            colons in 50usize..70,
        ) {
            let deep = format!("x = {}{text}", "{".repeat(opens));
            proptest::prop_assert_eq!(too_deep(&deep), reference_too_deep(&deep));
            let call = format!("x = {{ F({}{text}", "a: 1, ".repeat(colons));
            proptest::prop_assert_eq!(too_many_named_args(&call), reference_named_args(&call));
        }
    }

    #[test]
    fn syntax_errors_point_at_line_and_keep_the_rest() {
        let text = "a = fine\nb = { $x\nc = also fine\n".to_owned();
        let (file, diags) = parse("x.ftl".into(), text.clone(), Severity::Warning);
        assert_eq!(
            file.entries,
            vec![("a".into(), 1), ("b".into(), 2), ("c".into(), 3)]
        );
        assert_eq!(file.text(), text);
        let res = file.resource.unwrap();
        assert_eq!(res.entries().count(), 3, "a, the junk of b, c");
        assert_eq!(diags.len(), 1, "{diags:?}");
        let pos = diags[0].location.as_ref().unwrap().position.unwrap();
        assert_eq!(pos.line, 2);
        assert_eq!(diags[0].severity, Severity::Warning);
    }

    /// `(code, line)` of each diagnostic and the broken entries of `text`.
    fn slips(text: &str) -> (Vec<(&'static str, usize)>, Vec<BrokenEntry>) {
        let (file, diags) = parse("x.ftl".into(), text.to_owned(), Severity::Warning);
        let found = diags
            .iter()
            .map(|d| (d.code, d.location.as_ref().unwrap().position.unwrap().line))
            .collect();
        (found, file.broken)
    }

    fn indent(id: &str, line: usize, next: usize) -> BrokenEntry {
        BrokenEntry {
            id: id.into(),
            line,
            why: Breakage::Indent {
                line: next,
                tab: false,
            },
        }
    }

    #[test]
    fn an_unindented_continuation_line_breaks_its_message() {
        // Cyrillic: one junk entry runs to the next line starting with a Latin letter
        let (found, broken) = slips("a = ok\nnotice = Первое.\nВторое.\nТретье.\nb = ok\n");
        assert_eq!(found, [("ftl-indent", 3)]);
        assert_eq!(broken, [indent("notice", 2, 3)]);
        // Latin: each unindented line is junk of its own, reported once
        let (found, broken) = slips("notice = First.\nSecond.\nThird.\nb = ok\n");
        assert_eq!(found, [("ftl-indent", 2)]);
        assert_eq!(broken, [indent("notice", 1, 2)]);
        // after an attribute, a select, a term
        let (_, broken) = slips("logo = x\n    .alt = Logo of\nthe service\n");
        assert_eq!(broken, [indent("logo", 1, 3)]);
        let (_, broken) = slips("a = { $n ->\n   *[other] x\n}\n(more)\n");
        assert_eq!(broken, [indent("a", 1, 4)]);
        let (_, broken) = slips("-name = State\nMigration Service\n");
        assert_eq!(broken, [indent("-name", 1, 2)]);
    }

    #[test]
    fn a_value_written_unindented_under_its_id_breaks_the_message() {
        for text in ["a =\nText\n    more\nb = ok\n", "a =\nТекст\nb = ok\n"] {
            let (found, broken) = slips(text);
            assert_eq!(found, [("ftl-indent", 2)], "{text}");
            assert_eq!(broken, [indent("a", 1, 2)], "{text}");
        }
    }

    #[test]
    fn a_tab_is_not_indentation() {
        let (found, broken) = slips("a = First.\n\tSecond.\n");
        assert_eq!(found, [("ftl-indent", 2)]);
        assert_eq!(broken[0].why, Breakage::Indent { line: 2, tab: true });
        assert_eq!(
            broken[0].why.reason(),
            "continuation line indented with a tab"
        );
    }

    #[test]
    fn other_junk_is_no_continuation() {
        // a blank or comment line between: a stray line, not part of the message
        for text in [
            "a = ok\n\nStray text\n",
            "a = ok\n# note\nStray text\n",
            // the next line starts an entry of its own: a broken one, or an invalid id
            "a = ok\nb = { $x\n",
            "a = ok\nсообщение = текст\n",
            "a = ok\n1st = x\n",
        ] {
            let (found, broken) = slips(text);
            assert!(
                found.iter().all(|(c, _)| *c == "ftl-syntax"),
                "{text}: {found:?}"
            );
            assert!(
                broken
                    .iter()
                    .all(|b| b.id != "a" && b.why == Breakage::Syntax),
                "{text}: {broken:?}"
            );
        }
        // a message that does not parse is broken, with a syntax error
        let (found, broken) = slips("a = ok\nb = { $x\nc = ok\n");
        assert_eq!(found, [("ftl-syntax", 2)]);
        assert_eq!(
            broken,
            [BrokenEntry {
                id: "b".into(),
                line: 2,
                why: Breakage::Syntax
            }]
        );
    }

    #[test]
    fn long_number_literals_drop_their_entry_only() {
        let text = "a = ok\nb = { 1.00000000000000000000 ->\n   *[other] x\n}\nc = { 12345678901234567890 }\nd = fine\n".to_owned();
        let (file, diags) = parse("n.ftl".into(), text.clone(), Severity::Warning);
        // the file's text stays as written, although the parser saw it blanked
        assert_eq!(file.text(), text);
        assert!(file.entry_text(2).contains("1.00000000000000000000"));
        let ids: Vec<String> = file
            .resource
            .as_ref()
            .unwrap()
            .entries()
            .filter_map(super::super::ast::entry_id)
            .collect();
        assert_eq!(ids, ["a", "d"]);
        let codes: Vec<(&str, usize)> = diags
            .iter()
            .map(|d| (d.code, d.location.as_ref().unwrap().position.unwrap().line))
            .collect();
        assert_eq!(codes, [("ftl-number", 2), ("ftl-number", 5)]);
        assert_eq!(file.refs.len(), 2);
    }

    /// fuzz/artifacts/ftl/timeout-4ad1385d…: an id defined twice, the second
    /// with an over-long number literal. Blanking "the" entry by id blanked the
    /// first definition each time, and the file was parsed again forever; the
    /// entry is blanked by its line, so parsing ends with both known.
    #[test]
    fn a_long_literal_in_a_duplicated_entry_drops_that_entry_only() {
        let text = "dup = first\ndup = { 12345678901234567890 }\nafter = ok\n".to_owned();
        let (file, diags) = parse("d.ftl".into(), text.clone(), Severity::Error);
        assert_eq!(file.text(), text);
        assert_eq!(
            file.entries,
            vec![("dup".into(), 1), ("dup".into(), 2), ("after".into(), 3)]
        );
        let ids: Vec<String> = file
            .resource
            .as_ref()
            .unwrap()
            .entries()
            .filter_map(super::super::ast::entry_id)
            .collect();
        assert_eq!(ids, ["dup", "after"], "the first definition is kept");
        let found: Vec<(&str, usize, &str)> = diags
            .iter()
            .map(|d| {
                let at = d.location.as_ref().unwrap().position.unwrap();
                (d.code, at.line, d.message.as_str())
            })
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), ("ftl-number", 2));
        assert!(
            found[0]
                .2
                .starts_with("'dup' uses the number 12345678901234567890"),
            "{}",
            found[0].2
        );
    }

    #[test]
    fn calls_with_too_many_named_arguments_are_refused_before_parsing() {
        let args: Vec<String> = (0..100).map(|i| format!("a{i}: 1")).collect();
        let text = format!("x = {{ NUMBER($n, {}) }}\n", args.join(", "));
        let (file, diags) = parse("n.ftl".into(), text, Severity::Error);
        assert!(file.resource.is_none());
        assert_eq!(diags[0].code, "ftl-arguments");
        assert!(
            too_many_named_args("x = { NUMBER($n, minimumFractionDigits: 2) } \"(:::)\"").is_none()
        );
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let text = format!("a = {}x{}\n", "{".repeat(5000), "}".repeat(5000));
        let (file, diags) = parse("deep.ftl".into(), text.clone(), Severity::Error);
        assert!(file.resource.is_none());
        assert_eq!(file.text(), text);
        assert_eq!(diags[0].code, "ftl-nesting");
        // braces inside string literals and comments do not count
        let ok = format!("# {}\na = {{ \"{}\" }}\n", "{".repeat(100), "{".repeat(100));
        assert!(too_deep(&ok).is_none());
    }
}
