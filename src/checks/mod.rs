//! Translation checks: everything `pamphlet check` looks at beyond what
//! loading already reports (syntax, duplicates, encodings, configuration).
//!
//! Each check lives in its own module, has stable codes, and opens with a doc
//! comment (what it checks, why it matters, an example) from which
//! `docs/checks.md` is generated. Checks only read: they get the parsed
//! workspace and locales and return diagnostics.

pub mod characters;
pub mod completeness;
pub mod length;
pub mod markup;
pub mod plurals;
pub mod references;
pub mod stale;
pub mod templates;
pub mod untranslated;
pub mod usage;
pub mod variables;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use fluent_syntax::ast::{self, Entry};
use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Severity};
use crate::locale::Catalog;
use crate::locale::ftl::FtlFile;
use crate::pipeline::Inputs;
use crate::workspace::{LocaleId, PerLocale};

/// Every check, with its module's documentation, in the order of docs/checks.md.
pub const ALL: &[(&str, &str)] = &[
    ("completeness", include_str!("completeness.rs")),
    ("variables", include_str!("variables.rs")),
    ("references", include_str!("references.rs")),
    ("plurals", include_str!("plurals.rs")),
    ("characters", include_str!("characters.rs")),
    ("markup", include_str!("markup.rs")),
    ("length", include_str!("length.rs")),
    ("untranslated", include_str!("untranslated.rs")),
    ("usage", include_str!("usage.rs")),
    ("stale", include_str!("stale.rs")),
    ("templates", include_str!("templates.rs")),
];

/// docs/checks.md: the module documentation of every check, in order.
pub fn docs_markdown() -> String {
    let mut out = String::from(
        "# Checks\n\n<!-- Generated from the `//!` docs of src/checks/*.rs by `UPDATE_DOCS=1 cargo test docs_checks`; do not edit. -->\n\n\
         `pamphlet check` runs everything a build runs except writing (campaign files, `.ftl` syntax,\n\
         message references, templates, a trial render of every document in every locale) and the\n\
         translation checks below. Codes reported while loading (syntax, duplicates, encodings,\n\
         configuration) are listed in [diagnostics.md](diagnostics.md). In `check`, a syntax error or a\n\
         duplicate in a translation is an error; a build only warns and falls back.\n",
    );
    for (_, source) in ALL {
        out.push('\n');
        for line in source.lines().take_while(|l| l.starts_with("//!")) {
            let text = line.trim_start_matches("//!");
            out.push_str(text.strip_prefix(' ').unwrap_or(text));
            out.push('\n');
        }
    }
    out
}

/// One message or term of one locale, with where it is written.
#[derive(Clone, Copy)]
pub struct EntryRef<'a> {
    pub file: &'a FtlFile,
    pub entry: &'a Entry<&'a str>,
    /// 1-based line of the entry's id.
    pub line: usize,
    /// The entry's source text (looked up once: most checks read it).
    text: &'a str,
}

impl<'a> EntryRef<'a> {
    /// Value and attributes: `None` for the value, `Some(name)` for an attribute.
    pub fn patterns(&self) -> Vec<(Option<&'a str>, &'a ast::Pattern<&'a str>)> {
        let (value, attributes) = match self.entry {
            Entry::Message(m) => (m.value.as_ref(), &m.attributes),
            Entry::Term(t) => (Some(&t.value), &t.attributes),
            _ => return Vec::new(),
        };
        value
            .map(|v| (None, v))
            .into_iter()
            .chain(attributes.iter().map(|a| (Some(a.id.name), &a.value)))
            .collect()
    }

    /// The translator comment lines right above the entry.
    pub fn comment(&self) -> Vec<&'a str> {
        self.file.comment_above(self.line)
    }

    /// The entry's source text, from its id line to the next entry.
    pub fn source(&self) -> &'a str {
        self.text
    }

    /// The entry's text after its id, for cheap comparisons and scans that
    /// let a check skip the AST: `x = A { $v }` → ` A { $v }` (with any
    /// comment lines of the next entry).
    pub fn body(&self) -> &'a str {
        let src = self.source();
        src.split_once('=').map_or(src, |(_, b)| b)
    }

    /// A diagnostic at the first occurrence of `needle` inside the entry
    /// (the entry's id when it does not occur).
    pub fn at(&self, d: Diagnostic, needle: &str) -> Diagnostic {
        self.at_nth(d, needle, 0)
    }

    /// A diagnostic at the `n`-th (0-based) occurrence of `needle` inside the entry.
    pub fn at_nth(&self, d: Diagnostic, needle: &str, n: usize) -> Diagnostic {
        let start = self.file.line_offset(self.line);
        let offset = self
            .source()
            .match_indices(needle)
            .nth(n)
            .map_or(start, |(i, _)| start + i);
        d.at_offset(
            self.file.display.clone(),
            self.file.text(),
            &self.file.index,
            offset,
        )
    }
}

/// A locale's entries by id (`id` for messages, `-id` for terms); the first
/// definition wins, as in the bundle.
pub struct LocaleEntries<'a> {
    pub locale: LocaleId,
    pub tag: &'a str,
    pub entries: foldhash::HashMap<String, EntryRef<'a>>,
    /// Every definition in file order, later duplicates included.
    pub all: Vec<(String, EntryRef<'a>)>,
}

/// What the checks look at.
#[derive(Clone)]
pub struct Cx<'a> {
    pub inputs: &'a Inputs,
    pub catalog: &'a Catalog,
    pub source: &'a LocaleEntries<'a>,
    /// Every locale (the source included), in configuration order;
    /// pseudo-locales are generated, and not checked.
    pub locales: &'a [LocaleEntries<'a>],
    /// Message ids (with `.attr`) that campaigns use, and the ids they reference.
    pub used: &'a BTreeSet<String>,
}

impl Cx<'_> {
    pub fn translations(&self) -> impl Iterator<Item = &LocaleEntries<'_>> {
        self.locales
            .iter()
            .filter(|l| l.locale != self.catalog.source)
    }
}

/// Runs every check over the entries the locales parsed (each file is
/// parsed once per run, for the bundles and the checks alike).
pub fn run(inputs: &Inputs) -> Vec<Diagnostic> {
    run_for(inputs, None)
}

/// [`run`] over the source and, when `only` names some, those locales
/// alone: what `status --locale` and `review` need, without checking every
/// other locale of a large workspace.
pub fn run_for(inputs: &Inputs, only: Option<&[LocaleId]>) -> Vec<Diagnostic> {
    let catalog = &inputs.catalog;
    let wanted = |i: LocaleId| i == catalog.source || only.is_none_or(|o| o.contains(&i));
    let parsed: Vec<Vec<(&FtlFile, &fluent_bundle::FluentResource)>> = catalog
        .locales
        .iter()
        .map(|l| {
            l.files
                .iter()
                .filter_map(|f| f.resource.as_deref().map(|r| (f, r)))
                .collect()
        })
        .collect();
    let locales: Vec<LocaleEntries> = catalog
        .locales
        .ids()
        .zip(parsed)
        .filter(|(i, _)| !catalog.locales[*i].pseudo && wanted(*i))
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(i, files)| {
            let mut entries = foldhash::HashMap::default();
            let mut all = Vec::new();
            for (file, resource) in files {
                // the parsed entries and the scanned id lines are both in file
                // order; the scan also holds entries that did not parse
                let mut next = 0;
                for entry in resource.entries() {
                    let Some(id) = crate::locale::ast::entry_id(entry) else {
                        continue;
                    };
                    let Some(k) = file.entries[next..]
                        .iter()
                        .position(|(e, _)| *e == id)
                        .map(|k| next + k)
                    else {
                        continue;
                    };
                    next = k + 1;
                    let line = file.entries[k].1;
                    if file.broken.binary_search_by_key(&line, |b| b.line).is_ok() {
                        // cut short by an unindented line: reported where it
                        // breaks; checking what is left would only add noise
                        continue;
                    }
                    let at = EntryRef {
                        file,
                        entry,
                        line,
                        text: file.entry_text(line),
                    };
                    all.push((id.clone(), at));
                    entries.entry(id).or_insert(at);
                }
            }
            LocaleEntries {
                locale: i,
                tag: &catalog.locales[i].tag,
                entries,
                all,
            }
        })
        .collect();
    let source = locales
        .iter()
        .find(|l| l.locale == catalog.source)
        .expect("the source locale is never a pseudo-locale");
    let used = usage::used_ids(inputs);
    let cx = Cx {
        inputs,
        catalog,
        source,
        locales: &locales,
        used: &used,
    };

    type Check = fn(&Cx, &mut Vec<Diagnostic>);
    // checks that look at one locale at a time (against the source) run once
    // per locale; the others once in all
    let per_locale: [Check; 8] = [
        completeness::check,
        variables::check,
        references::check,
        plurals::check,
        characters::check,
        markup::check,
        untranslated::check,
        stale::check,
    ];
    let whole: [Check; 3] = [length::check, usage::check, templates::check];
    let tasks: Vec<(Check, Option<usize>)> = whole
        .into_iter()
        .map(|check| (check, None))
        .chain(
            per_locale
                .into_iter()
                .flat_map(|check| (0..locales.len()).map(move |i| (check, Some(i)))),
        )
        .collect();
    // the checks only read: run them side by side
    tasks
        .par_iter()
        .map(|&(check, locale)| {
            let mut out = Vec::new();
            match locale {
                None => check(&cx, &mut out),
                Some(i) => check(
                    &Cx {
                        locales: &locales[i..=i],
                        ..cx.clone()
                    },
                    &mut out,
                ),
            }
            out
        })
        .flatten()
        .collect()
}

/// Every `$variable` a pattern uses, in all its variants.
pub fn variables_of<'s>(p: &ast::Pattern<&'s str>) -> BTreeSet<&'s str> {
    let mut out = BTreeSet::new();
    crate::locale::ast::pattern(p, &mut |n| {
        if let crate::locale::ast::Node::Variable(v) = n {
            out.insert(v);
        }
    });
    out
}

/// Every piece of literal text a pattern can show: text elements (borrowed)
/// and string literals (escapes decoded), in all variants.
pub fn texts_of<'s>(p: &ast::Pattern<&'s str>) -> Vec<Cow<'s, str>> {
    let mut out = Vec::new();
    collect_texts(p, &mut out);
    out
}

fn collect_texts<'s>(p: &ast::Pattern<&'s str>, out: &mut Vec<Cow<'s, str>>) {
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => out.push(Cow::Borrowed(value)),
            ast::PatternElement::Placeable { expression } => collect_expr(expression, out),
        }
    }
}

fn collect_expr<'s>(e: &ast::Expression<&'s str>, out: &mut Vec<Cow<'s, str>>) {
    match e {
        ast::Expression::Inline(i) => collect_inline(i, out),
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, out);
            for v in variants {
                collect_texts(&v.value, out);
            }
        }
    }
}

fn collect_inline<'s>(i: &ast::InlineExpression<&'s str>, out: &mut Vec<Cow<'s, str>>) {
    match i {
        ast::InlineExpression::StringLiteral { value } => {
            out.push(fluent_syntax::unicode::unescape_unicode_to_string(value))
        }
        ast::InlineExpression::Placeable { expression } => collect_expr(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                collect_inline(a, out);
            }
        }
        _ => {}
    }
}

/// A pattern's text for comparisons: text elements only, variants joined.
pub fn plain_text(p: &ast::Pattern<&str>) -> String {
    texts_of(p).concat()
}

/// An entry quoted for a hint, as its file writes it (placeables and
/// selectors included, on one line, shortened): every check quotes the
/// source this way ([`crate::locale::quote`]).
pub fn quote_source(e: &EntryRef) -> String {
    crate::locale::quote::quote(e.source())
}

/// A loading diagnostic as `check` reports it: a translator's broken file
/// is a failed check, although a build only warns and falls back.
pub fn as_check_finding(d: &mut Diagnostic) {
    if d.code.starts_with("ftl-") || d.code == "encoding" {
        d.severity = Severity::Error;
    }
}

/// The errors `pamphlet check` reports in each locale's files (the loading
/// diagnostics `diags` as check counts them, and the translation checks), by
/// the entry (message `id` or term `-id`) they lie in: an error on a line
/// belongs to the entry that line is part of, an error without a line to
/// every entry of its file; with `only`, the translation checks run for
/// those locales alone (and the source). `review` refuses to record these entries and
/// `status` counts them as errors, so both agree with `check`.
pub fn errors_by_entry(
    inputs: &Inputs,
    mut diags: Vec<Diagnostic>,
    only: Option<&[LocaleId]>,
) -> PerLocale<BTreeMap<String, Vec<Diagnostic>>> {
    for d in &mut diags {
        as_check_finding(d);
    }
    diags.extend(run_for(inputs, only));
    let catalog = &inputs.catalog;
    let mut out: PerLocale<BTreeMap<String, Vec<Diagnostic>>> =
        catalog.locales.ids().map(|_| BTreeMap::new()).collect();
    // each file of every locale by the name diagnostics give it
    let files: HashMap<&str, (LocaleId, &FtlFile)> = catalog
        .locales
        .ids()
        .flat_map(|l| {
            catalog.locales[l]
                .files
                .iter()
                .map(move |f| (f.display.as_str(), (l, f)))
        })
        .collect();
    for d in diags.into_iter().filter(Diagnostic::is_error) {
        let Some(at) = &d.location else { continue };
        let Some(&(locale, file)) = files.get(at.file.as_str()) else {
            continue;
        };
        let ids: Vec<&String> = match at.position {
            Some(p) => file
                .entries
                .iter()
                .take_while(|(_, line)| *line <= p.line)
                .last()
                .map(|(id, _)| id)
                .into_iter()
                .collect(),
            None => file.entries.iter().map(|(id, _)| id).collect(),
        };
        for id in ids {
            out[locale].entry(id.clone()).or_default().push(d.clone());
        }
    }
    out
}
