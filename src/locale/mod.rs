//! The locale stage: every locale's `.ftl` files parsed once into one
//! thread-safe Fluent bundle per locale, the fallback chains, and message
//! resolution along them.
//!
//! Resolution never prints a broken message: when a locale lacks a message or
//! its translation fails to resolve, the next locale of the chain is tried and
//! the fallback is recorded; when even the source locale fails, the caller
//! gets an error, not `{$var}`-style text.

pub mod ast;
pub mod chain;
pub mod copies;
pub mod dates;
pub mod ftl;
pub mod functions;
pub mod kept;
pub mod names;
pub mod numbers;
pub mod plurals;
pub mod pseudo;
pub mod quote;
pub mod review;
pub mod skeleton;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use rayon::prelude::*;
use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::resolver::ResolverError;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions, FluentNumberStyle};
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use kept::KeptFiles;
use serde::Serialize;

use crate::diagnostics::{Diagnostic, Severity};
use crate::source::display_path;
use crate::workspace::{
    self, LocaleId, MessageRef, PerLocale, VarValue, Workspace, WorkspaceError,
};
use ftl::FtlFile;

/// Resources are shared between the bundle and their [`FtlFile`], so that
/// checks walk the same parsed entries the bundle resolves.
pub type Bundle = FluentBundle<Arc<FluentResource>>;

/// One locale's messages.
pub struct LocaleData {
    pub tag: String,
    pub rtl: bool,
    /// The locales to try, this one first, the source locale last.
    pub chain: Vec<LocaleId>,
    pub bundle: Bundle,
    pub files: Vec<FtlFile>,
    /// Where each id (`msg`, `-term`) is first defined.
    pub index: Index,
    /// The ids defined in more than one file, with every file that defines
    /// them (a duplicate is reported; usually this is empty).
    pub duplicated: HashMap<String, Vec<usize>>,
    /// `reviewed.toml`: what each translation was reviewed against.
    pub reviewed: review::Reviewed,
    /// The entries (`msg`, `-term`) that are in the files but cannot be used
    /// (see [`ftl::Breakage`]), and those that reference one, directly or
    /// through others: id → why. They resolve from the next locale of the
    /// chain, even where the bundle has a (cut short) text for them.
    pub broken: foldhash::HashMap<Box<str>, String>,
    /// A pseudo-locale generated from the source ([`pseudo`]): no files of its own.
    pub pseudo: bool,
}

/// Longest text a message may resolve to; longer means a reference bomb.
pub const MAX_RESOLVED_BYTES: usize = 64 * 1024;

impl LocaleData {
    /// The text of entry `id` (first definition), for hashing and quoting.
    pub fn entry_text(&self, id: &str) -> Option<&str> {
        let def = self.index.get(id)?;
        Some(self.files[def.file as usize].entry_text(def.line as usize))
    }

    /// The references of entry `id` (a message `id` or a term `-id`), from the
    /// first file that defines it (the definition the bundle uses).
    pub fn refs_of(&self, id: &str) -> &[String] {
        self.index
            .get(id)
            .and_then(|def| self.files[def.file as usize].refs.get(def.refs as usize))
            .map_or(&[], |(_, r)| r.as_slice())
    }

    /// The files (sorted, each once) that define the entries `roots` and
    /// every entry they reference, directly or through others: the files a
    /// text made of those messages depends on. One index lookup per entry.
    pub fn files_reached<'s>(&'s self, roots: impl IntoIterator<Item = &'s str>) -> Vec<usize> {
        let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
        let mut files = Vec::new();
        let mut todo: Vec<&str> = roots.into_iter().collect();
        while let Some(id) = todo.pop() {
            if !seen.insert(id) {
                continue;
            }
            let Some(def) = self.index.get(id) else {
                continue;
            };
            files.push(def.file as usize);
            if let Some(more) = self.duplicated.get(id) {
                files.extend_from_slice(more);
            }
            if let Some((_, refs)) = self.files[def.file as usize].refs.get(def.refs as usize) {
                todo.extend(refs.iter().map(String::as_str));
            }
        }
        files.sort_unstable();
        files.dedup();
        files
    }

    /// A reference cycle through `start`, as the ids along it (`a`, `b`, `a`).
    pub fn find_cycle(&self, start: &str) -> Option<Vec<String>> {
        fn dfs<'a>(
            data: &'a LocaleData,
            id: &'a str,
            path: &mut Vec<&'a str>,
        ) -> Option<Vec<String>> {
            if let Some(i) = path.iter().position(|p| *p == id) {
                let mut cycle: Vec<String> = path[i..].iter().map(|s| s.to_string()).collect();
                cycle.push(id.to_owned());
                return Some(cycle);
            }
            if path.len() > 64 {
                return None;
            }
            path.push(id);
            for r in data.refs_of(id) {
                if let Some(c) = dfs(data, r, path) {
                    return Some(c);
                }
            }
            path.pop();
            None
        }
        dfs(self, start, &mut Vec::new())
    }
}

/// A locale's entries by id. Looked up for every message of every document
/// (fingerprints, status), so hashed with foldhash: several times quicker
/// than the standard SipHash on short ids, and still seeded at random per
/// process, so that a hostile file cannot choose colliding ids.
pub type Index = foldhash::HashMap<Box<str>, Def>;

/// Where an entry (`msg` or `-term`) is first defined.
#[derive(Debug, Clone, Copy)]
pub struct Def {
    /// Index in [`LocaleData::files`].
    pub file: u32,
    /// 1-based line of the entry's id.
    pub line: u32,
    /// Position in the file's `refs`; `u32::MAX` when the entry did not parse.
    refs: u32,
}

/// The index of a locale's entries by id, and the ids defined more than once.
pub fn index_entries(files: &[FtlFile]) -> (Index, HashMap<String, Vec<usize>>) {
    let mut index = Index::with_capacity_and_hasher(
        files.iter().map(|f| f.entries.len()).sum(),
        Default::default(),
    );
    let mut duplicated: HashMap<String, Vec<usize>> = HashMap::new();
    for (f, file) in files.iter().enumerate() {
        for (id, line) in &file.entries {
            match index.get(id.as_str()) {
                Some(_) => duplicated.entry(id.clone()).or_default().push(f),
                None => {
                    let def = Def {
                        file: f as u32,
                        line: *line as u32,
                        refs: u32::MAX,
                    };
                    index.insert(id.as_str().into(), def);
                }
            }
        }
        for (k, (id, _)) in file.refs.iter().enumerate() {
            if let Some(def) = index.get_mut(id.as_str())
                && def.file as usize == f
                && def.refs == u32::MAX
            {
                def.refs = k as u32;
            }
        }
    }
    (index, duplicated)
}

/// The entries of `files` that cannot be used (the definition the index
/// points at, when it is broken), and every entry that references one of
/// them, directly or through others: id → why.
pub fn broken_entries(files: &[FtlFile], index: &Index) -> foldhash::HashMap<Box<str>, String> {
    let mut broken: foldhash::HashMap<Box<str>, String> = Default::default();
    for (f, file) in files.iter().enumerate() {
        for b in &file.broken {
            if index
                .get(b.id.as_str())
                .is_some_and(|d| d.file as usize == f && d.line as usize == b.line)
            {
                broken.insert(b.id.as_str().into(), b.why.reason().to_owned());
            }
        }
    }
    if broken.is_empty() {
        return broken;
    }
    // who references whom, reversed, over the definitions the index uses
    let mut referenced_by: foldhash::HashMap<&str, Vec<&str>> = Default::default();
    for (id, def) in index {
        if let Some((_, refs)) = files[def.file as usize].refs.get(def.refs as usize) {
            for r in refs {
                referenced_by.entry(r.as_str()).or_default().push(id);
            }
        }
    }
    let mut todo: Vec<(Box<str>, String)> = broken
        .iter()
        .map(|(id, why)| (id.clone(), why.clone()))
        .collect();
    todo.sort();
    while let Some((id, why)) = todo.pop() {
        for &user in referenced_by.get(&*id).into_iter().flatten() {
            if !broken.contains_key(user) {
                let reason = format!("references {id}, which is broken ({why})");
                broken.insert(user.into(), reason);
                todo.push((user.into(), why.clone()));
            }
        }
    }
    broken
}

/// Every locale of the workspace, in the order of `pamphlet.toml`.
pub struct Catalog {
    pub locales: PerLocale<LocaleData>,
    pub source: LocaleId,
    /// Parsed files kept for the next build, when the caller builds again
    /// (`pamphlet serve`); the locales read later ([`load_one`]) use them too.
    pub kept: Option<Arc<KeptFiles>>,
}

/// A fallback that was used: `message` was taken from `used` instead of `locale`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
pub struct Fallback {
    pub message: String,
    pub locale: String,
    pub used: String,
    pub reason: String,
    /// The locale lacks the message or attribute (rather than having a broken
    /// translation of it): what `status` counts as missing, not as an error.
    pub missing: bool,
}

impl Fallback {
    /// `notice-step-two → en (missing in ru)`, as `build -v` lists it.
    pub fn detail(&self) -> String {
        format!("{} → {} ({})", self.message, self.used, self.reason)
    }
}

/// A message resolved to text, and from which locale.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub text: String,
    pub fallback: Option<Fallback>,
}

/// A message no locale of the chain could resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolveError {
    pub message: String,
    pub locale: String,
    /// Why each locale of the chain failed, each naming its locale.
    pub reasons: Vec<String>,
    /// What to change, for the last locale's failure (the source's).
    pub hint: &'static str,
}

impl std::fmt::Display for ResolveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // a single reason names the locale already
        match self.reasons.as_slice() {
            [only] => write!(f, "message '{}' cannot be resolved: {only}", self.message),
            all => write!(
                f,
                "message '{}' cannot be resolved in {}: {}",
                self.message,
                self.locale,
                all.join("; ")
            ),
        }
    }
}

impl std::error::Error for ResolveError {}

impl Catalog {
    pub fn tag(&self, locale: LocaleId) -> &str {
        &self.locales[locale].tag
    }

    /// Does the source locale define `msg` (with a value or the attribute)?
    pub fn source_has(&self, msg: &MessageRef) -> Result<(), String> {
        lookup(&self.locales[self.source].bundle, msg)
            .map(|_| ())
            .map_err(|(why, _)| why)
    }

    /// Resolves `msg` for `locale` with `args`, walking the fallback chain.
    pub fn resolve(
        &self,
        locale: LocaleId,
        msg: &MessageRef,
        args: &FluentArgs,
    ) -> Result<Resolved, ResolveError> {
        let mut reasons = Vec::new();
        let mut hint = "";
        // whether the requested locale itself lacks the message (set on the first try)
        let mut missing = false;
        for &l in &self.locales[locale].chain {
            let data = &self.locales[l];
            // in the file, but cut short or unreadable: never printed
            if let Some(why) = data.broken.get(msg.id.as_str()) {
                reasons.push(format!("broken in {}: {why}", data.tag));
                hint = "fix the error reported at its line in the .ftl file";
                continue;
            }
            let pattern = match lookup(&data.bundle, msg) {
                Ok(p) => p,
                Err((why, absent)) => {
                    missing |= l == locale && absent;
                    reasons.push(format!("{} in {}", why, data.tag));
                    hint = "define the message, or fix its id";
                    continue;
                }
            };
            let mut errors = Vec::new();
            functions::take_call_errors();
            let text = data.bundle.format_pattern(pattern, Some(args), &mut errors);
            let call_errors = functions::take_call_errors();
            if errors.is_empty() && !call_errors.is_empty() {
                reasons.push(format!(
                    "broken in {}: {}",
                    data.tag,
                    call_errors.join(", ")
                ));
                hint = "give each function a value of the kind it takes";
                continue;
            }
            if errors.is_empty() && text.len() > MAX_RESOLVED_BYTES {
                reasons.push(format!(
                    "too long in {}: it resolves to {} KiB, over the {} KiB limit (references repeated too often?)",
                    data.tag,
                    text.len() / 1024,
                    MAX_RESOLVED_BYTES / 1024
                ));
                hint = "reference long messages fewer times";
                continue;
            }
            if errors.is_empty()
                && let Some(c) = first_dangerous(&text)
            {
                reasons.push(format!(
                    "unsafe in {}: it contains the invisible control character U+{:04X}",
                    data.tag, c as u32
                ));
                hint = "remove the invisible character";
                continue;
            }
            if errors.is_empty() {
                let fallback = (l != locale).then(|| Fallback {
                    message: msg.to_string(),
                    locale: self.tag(locale).to_owned(),
                    used: data.tag.clone(),
                    reason: reasons.join("; "),
                    missing,
                });
                return Ok(Resolved {
                    text: text.into_owned(),
                    fallback,
                });
            }
            // a variable used twice fails twice: each error is told once
            let mut errs: Vec<String> = Vec::new();
            for e in &errors {
                let text = describe_error(e, data, &msg.id);
                if !errs.contains(&text) {
                    errs.push(text);
                }
            }
            reasons.push(format!("broken in {}: {}", data.tag, errs.join(", ")));
            hint = hint_for(&errors[0]);
        }
        Err(ResolveError {
            message: msg.to_string(),
            locale: self.tag(locale).to_owned(),
            reasons,
            hint,
        })
    }
}

/// The pattern of `msg`, or why there is none and whether that is because the
/// message or attribute is absent (`true`) rather than malformed.
fn lookup<'b>(
    bundle: &'b Bundle,
    msg: &MessageRef,
) -> Result<&'b fluent_syntax::ast::Pattern<&'b str>, (String, bool)> {
    let Some(m) = bundle.get_message(&msg.id) else {
        return Err(("missing".into(), true));
    };
    match &msg.attr {
        Some(a) => m
            .get_attribute(a)
            .map(|a| a.value())
            .ok_or_else(|| (format!("attribute .{a} missing"), true)),
        None => m
            .value()
            .ok_or_else(|| ("has no value (only attributes)".into(), false)),
    }
}

/// Characters that must never reach a printed document: bidi embeddings and
/// overrides (U+202A–U+202E, the "Trojan Source" characters), C0 and C1
/// controls other than tab and line feed, and U+FFFD (the mark of a decoding
/// error). Fluent's own isolates (U+2066–U+2069) are allowed.
pub fn is_dangerous(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{FFFD}') || (c.is_control() && c != '\n' && c != '\t')
}

/// The first character of `text` that [`is_dangerous`], found on bytes: only
/// a byte below 0x20, 0x7F, or the lead bytes 0xC2 (U+0080–U+00BF), 0xE2
/// (U+2000–U+2FFF) and 0xEF (U+F000–U+FFFF) can start one. The bytes are
/// tested 32 at a time without branching (the compiler vectorizes it), and
/// only a block with such a byte is looked at character by character.
pub fn first_dangerous(text: &str) -> Option<char> {
    const BLOCK: usize = 32;
    fn suspicious(b: u8) -> bool {
        (b < 0x20) | (b == 0x7F) | (b == 0xC2) | (b == 0xE2) | (b == 0xEF)
    }
    for (n, block) in text.as_bytes().chunks(BLOCK).enumerate() {
        if !block.iter().fold(false, |any, &b| any | suspicious(b)) {
            continue;
        }
        for (i, &b) in block.iter().enumerate() {
            // each such byte starts a character
            if suspicious(b)
                && let Some(c) = text[n * BLOCK + i..].chars().next()
                && is_dangerous(c)
            {
                return Some(c);
            }
        }
    }
    None
}

/// Does CLDR have plural rules for `id`? Without them its plurals follow
/// English rules.
pub fn has_plural_rules(id: &unic_langid::LanguageIdentifier) -> bool {
    plurals::has_rules(id)
}

/// What to change in a message that fails with `e`.
fn hint_for(e: &FluentError) -> &'static str {
    use fluent_bundle::resolver::errors::ReferenceKind;
    match e {
        FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable {
            ..
        })) => "every variable it uses must be passed by the campaign or the project",
        FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Function {
            ..
        })) => "the functions are NUMBER and DATETIME",
        FluentError::ResolverError(ResolverError::Reference(_)) => {
            "define each message and term it references"
        }
        FluentError::ResolverError(ResolverError::Cyclic) => {
            "no message may reference itself, directly or through others"
        }
        FluentError::ResolverError(ResolverError::TooManyPlaceables) => {
            "reference fewer messages, or each fewer times"
        }
        FluentError::ResolverError(ResolverError::NoValue(_)) => {
            "give the message it references a value, or reference one of its attributes"
        }
        _ => "compare it with the Fluent syntax in docs/translators.md",
    }
}

fn describe_error(e: &FluentError, data: &LocaleData, id: &str) -> String {
    match e {
        FluentError::ResolverError(ResolverError::Cyclic) => match data.find_cycle(id) {
            Some(cycle) => format!("references form a cycle: {}", cycle.join(" → ")),
            None => "references form a cycle".to_owned(),
        },
        FluentError::ResolverError(r) => r.to_string(),
        other => other.to_string(),
    }
}

/// Converts variables to Fluent arguments.
pub fn to_args<'a>(
    vars: impl IntoIterator<Item = (&'a String, &'a VarValue)>,
) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    for (name, value) in vars {
        let v = match value {
            VarValue::Number(n) => FluentValue::from(*n),
            VarValue::String(s) => FluentValue::from(s.clone()),
            VarValue::Amount { amount, currency } => FluentValue::Number(FluentNumber::new(
                *amount,
                FluentNumberOptions {
                    style: FluentNumberStyle::Currency,
                    currency: Some(currency.clone()),
                    ..Default::default()
                },
            )),
            VarValue::Percent { ratio } => FluentValue::Number(FluentNumber::new(
                *ratio,
                FluentNumberOptions {
                    style: FluentNumberStyle::Percent,
                    ..Default::default()
                },
            )),
            VarValue::Date { date } => match dates::FluentDate::parse(date) {
                Some(d) => FluentValue::Custom(Box::new(d)),
                None => FluentValue::from(date.clone()),
            },
        };
        args.set(name.clone(), v);
    }
    args
}

/// Loads every locale's `.ftl` files. Problems in translations are warnings
/// (their messages fall back); problems in the source locale are errors.
pub fn load(ws: &Workspace) -> Result<(Catalog, Vec<Diagnostic>), WorkspaceError> {
    let nothing_deferred = PerLocale::filled(ws.config.locales.len(), false);
    let (catalog, loaded) = load_some(ws, &nothing_deferred, None)?;
    Ok((catalog, loaded.all()))
}

/// The diagnostics of loading the locales: each locale's own, then those about the locale folders as a whole.
#[derive(Debug, Default)]
pub struct LoadDiagnostics {
    pub locales: PerLocale<Vec<Diagnostic>>,
    pub folders: Vec<Diagnostic>,
}

impl LoadDiagnostics {
    /// Every diagnostic, in the order [`load`] reports them.
    pub fn all(&self) -> Vec<Diagnostic> {
        self.locales
            .iter()
            .flatten()
            .chain(&self.folders)
            .cloned()
            .collect()
    }
}

/// Which locales a build may load later, one at a time ([`load_one`]), and
/// drop when their documents are done: every locale but the source, the
/// pseudo-locales (generated from the source) and the locales another
/// locale falls back to (they serve every locale whose chain they are in).
pub fn deferrable(config: &crate::workspace::Config) -> PerLocale<bool> {
    let chains = chain::build(&config.locales, config.source, &config.fallback);
    let mut deferrable = config.locales.map(|i, l| i != config.source && !l.pseudo);
    for chain in &chains {
        for &l in chain.iter().skip(1) {
            deferrable[l] = false;
        }
    }
    deferrable
}

/// Loads the locales not marked in `deferred`; a deferred locale gets an
/// empty stand-in (its tag, direction and chain, no messages) until
/// [`load_one`] reads it.
pub fn load_some(
    ws: &Workspace,
    deferred: &PerLocale<bool>,
    kept: Option<Arc<KeptFiles>>,
) -> Result<(Catalog, LoadDiagnostics), WorkspaceError> {
    let config = &ws.config;
    let chains = chain::build(&config.locales, config.source, &config.fallback);
    let dir = ws.locales_dir();
    let mut diags = LoadDiagnostics::default();
    let mut slots = PerLocale::new();
    // `None` for pseudo-locales, generated below
    let loaded: Vec<Option<Result<_, WorkspaceError>>> = chains
        .into_iter()
        .zip(config.locales.ids())
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(chain, i)| {
            let locale = &config.locales[i];
            (!locale.pseudo).then(|| {
                if deferred[i] {
                    Ok((LocaleData::stand_in(locale, chain), Vec::new()))
                } else {
                    load_locale(ws, i, locale, chain, kept.as_deref())
                }
            })
        })
        .collect();
    for result in loaded {
        let data = match result {
            Some(r) => {
                let (data, locale_diags) = r?;
                diags.locales.push(locale_diags);
                Some(data)
            }
            None => {
                diags.locales.push(Vec::new());
                None
            }
        };
        slots.push(data);
    }
    // pseudo-locales, generated from the source (which is never one: see config)
    let generated: Vec<Option<LocaleData>> = config
        .locales
        .enumerate()
        .map(|(i, locale)| {
            let source = slots[config.source].as_ref()?;
            locale.pseudo.then(|| {
                pseudo::generate(
                    locale,
                    i,
                    config.source,
                    &config.locales[config.source].id,
                    source,
                )
            })
        })
        .collect();
    let locales: PerLocale<LocaleData> = slots
        .into_iter()
        .zip(generated)
        .map(|(read, generated)| {
            read.or(generated)
                .expect("each locale is read, or generated from the source, which is read")
        })
        .collect();
    for locale in config.locales.iter().filter(|l| l.pseudo) {
        if dir.join(&locale.tag).is_dir() {
            diags.folders.push(
                Diagnostic::warning(
                    "locale-pseudo-folder",
                    format!(
                        "locales/{0} is ignored: {0} is a pseudo-locale, generated from the source locale",
                        locale.tag
                    ),
                )
                .in_file(format!("locales/{}", locale.tag))
                .with_hint("remove the folder; pseudo-locales need no files"),
            );
        }
    }
    for extra in unknown_folders(&dir, &locales) {
        diags.folders.push(
            Diagnostic::warning(
                "locale-unlisted",
                format!("locales/{extra} is not in project.locales and is ignored"),
            )
            .in_file(format!("locales/{extra}"))
            .with_hint("add the tag to project.locales in pamphlet.toml, or remove the folder"),
        );
    }
    Ok((
        Catalog {
            locales,
            source: config.source,
            kept,
        },
        diags,
    ))
}

/// A new, empty bundle for `id` with pamphlet's functions (for files read
/// from `locales/` and for pseudo-locales alike).
fn new_bundle(id: &unic_langid::LanguageIdentifier) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
    bundle
        .add_function("NUMBER", functions::NUMBER)
        .expect("NUMBER is registered once on a fresh bundle");
    bundle
        .add_function("DATETIME", functions::DATETIME)
        .expect("DATETIME is registered once on a fresh bundle");
    bundle.set_formatter(Some(numbers::format_value));
    bundle.set_plural_selector(Some(plurals::select));
    bundle
}

/// Reads locale `i` of the workspace (one that [`load_some`] deferred), with
/// its fallback chain as the catalog has it.
pub fn load_one(
    ws: &Workspace,
    catalog: &Catalog,
    i: LocaleId,
) -> Result<(LocaleData, Vec<Diagnostic>), WorkspaceError> {
    load_locale(
        ws,
        i,
        &ws.config.locales[i],
        catalog.locales[i].chain.clone(),
        catalog.kept.as_deref(),
    )
}

impl LocaleData {
    /// A locale not loaded (yet, or any more): its tag, direction and
    /// chain, and no messages.
    pub fn stand_in(locale: &crate::workspace::Locale, chain: Vec<LocaleId>) -> LocaleData {
        LocaleData {
            tag: locale.tag.clone(),
            rtl: locale.rtl,
            chain,
            bundle: new_bundle(&locale.id),
            files: Vec::new(),
            index: Default::default(),
            duplicated: HashMap::new(),
            reviewed: Default::default(),
            broken: Default::default(),
            pseudo: false,
        }
    }
}

impl Catalog {
    /// Puts `data` in locale `i`'s place and returns what was there (a build
    /// swaps a deferred locale in, and a stand-in back when it is done).
    pub fn swap(&mut self, i: LocaleId, data: LocaleData) -> LocaleData {
        std::mem::replace(&mut self.locales[i], data)
    }
}

/// A file's outcome: the parsed file (with its resource) and its diagnostics.
type ParsedFile = (Option<FtlFile>, Vec<Diagnostic>);

/// Loads one locale: its files read and parsed in parallel, one bundle, its review record.
fn load_locale(
    ws: &Workspace,
    i: LocaleId,
    locale: &crate::workspace::Locale,
    chain: Vec<LocaleId>,
    kept: Option<&KeptFiles>,
) -> Result<(LocaleData, Vec<Diagnostic>), WorkspaceError> {
    let config = &ws.config;
    let dir = ws.locales_dir();
    let mut diags = Vec::new();
    let severity = if i == config.source {
        Severity::Error
    } else {
        Severity::Warning
    };
    let folder = dir.join(&locale.tag);
    let mut bundle = new_bundle(&locale.id);
    let mut files = Vec::new();
    if !has_plural_rules(&locale.id) {
        let d = Diagnostic::warning("locale-plural-rules", format!("there are no CLDR plural rules for '{}'; plurals would silently follow English rules", locale.tag))
            .with_hint("check the tag (e.g. 'he', not 'iw'), or add an explicit region-less tag that CLDR knows");
        let file = crate::workspace::CONFIG_FILE;
        let text = &ws.config_text;
        diags.push(match locale.offset {
            Some(at) => d.at_offset(file, text, &crate::source::LineIndex::new(text), at),
            None => d.in_file(file),
        });
    }
    if !folder.is_dir() {
        let mut d = Diagnostic::warning(
            "locale-missing",
            format!(
                "locale '{}' has no folder; every message falls back",
                locale.tag
            ),
        )
        .in_file(display_path(&ws.root, &folder))
        .with_hint(format!(
            "create locales/{}/ with the translated .ftl files",
            locale.tag
        ));
        d.severity = severity;
        diags.push(d);
    }
    let paths = ftl_paths(&folder).map_err(|source| WorkspaceError::Io {
        path: display_path(&ws.root, &folder),
        source,
    })?;
    // read and parse the files in parallel; add them to the bundle in name order
    let parsed: Vec<Result<Option<ParsedFile>, WorkspaceError>> = paths
        .par_iter()
        .map(|path| {
            let display = display_path(&ws.root, path);
            if path.is_symlink() {
                let mut d = Diagnostic::warning(
                    "ftl-symlink",
                    format!("{display} is a symbolic link and is not read"),
                )
                .in_file(display)
                .with_hint("copy the file into the locale folder instead of linking to it");
                d.severity = severity;
                return Ok(Some((None, vec![d])));
            }
            if let Some((file, diags)) = kept.and_then(|k| k.get(&display, severity)) {
                return Ok(Some((Some(file), diags)));
            }
            Ok(Some(match workspace::read_text(&ws.root, path)? {
                Ok(text) => {
                    let (file, diags) = match kept {
                        Some(kept) => kept.parse(display, text, severity),
                        None => ftl::parse(display, text, severity),
                    };
                    (Some(file), diags)
                }
                Err(mut d) => {
                    d.severity = severity;
                    (None, vec![d])
                }
            }))
        })
        .collect();
    for result in parsed {
        let Some((file, file_diags)) = result? else {
            continue;
        };
        diags.extend(file_diags);
        let Some(file) = file else { continue };
        if let Some(resource) = file.resource.clone()
            && let Err(errors) = bundle.add_resource(resource)
        {
            for e in errors {
                if let FluentError::Overriding { kind, id } = e {
                    diags.push(duplicate(&files, &file, kind.to_string(), &id, severity));
                }
            }
        }
        files.push(file);
    }
    let display = format!("locales/{}/{}", locale.tag, review::FILE);
    let reviewed = review::Reviewed::load(&folder, &display).unwrap_or_else(|d| {
        diags.push(d);
        Default::default()
    });
    let (index, duplicated) = index_entries(&files);
    let broken = broken_entries(&files, &index);
    Ok((
        LocaleData {
            index,
            duplicated,
            broken,
            reviewed,
            tag: locale.tag.clone(),
            rtl: locale.rtl,
            chain,
            bundle,
            files,
            pseudo: false,
        },
        diags,
    ))
}

fn duplicate(
    files: &[FtlFile],
    file: &FtlFile,
    kind: String,
    id: &str,
    severity: Severity,
) -> Diagnostic {
    let key = if kind == "term" {
        format!("-{id}")
    } else {
        id.to_owned()
    };
    let other = if kind == "term" {
        id.to_owned()
    } else {
        format!("-{id}")
    };
    let all = || files.iter().chain(std::iter::once(file));
    let first_of = |k: &str| all().find_map(|f| f.line_of(k).map(|l| format!("{}:{l}", f.display)));
    let line = file
        .entries
        .iter()
        .rev()
        .find(|(e, _)| *e == key)
        .map_or(1, |(_, l)| *l);
    let offset = file
        .text()
        .lines()
        .take(line - 1)
        .map(|l| l.len() + 1)
        .sum();
    let clash = first_of(&other);
    let (code, message, hint) = match clash {
        Some(at) => (
            "ftl-name-clash",
            format!(
                "'{key}' has the same name as '{other}' ({at}); Fluent keeps one of them and drops the other"
            ),
            "fluent-rs keeps messages and terms in one namespace: rename one of them, e.g. add a suffix such as '-name'",
        ),
        None => (
            "ftl-duplicate",
            format!(
                "{kind} '{key}' is defined twice; the first definition ({}) is used",
                first_of(&key).unwrap_or_default()
            ),
            "remove or rename one of the two definitions",
        ),
    };
    let mut d = Diagnostic::error(code, message)
        .at_offset(file.display.clone(), file.text(), &file.index, offset)
        .with_hint(hint);
    d.severity = severity;
    d
}

/// `.ftl` files under `folder`, recursively, sorted; symbolic links are not followed.
pub(crate) fn ftl_paths(folder: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    if !folder.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(folder).sort_by_file_name() {
        let entry = entry.map_err(std::io::Error::other)?;
        if entry.path().extension().is_some_and(|e| e == "ftl")
            && (entry.file_type().is_file() || entry.path_is_symlink())
        {
            out.push(entry.into_path());
        }
    }
    Ok(out)
}

fn unknown_folders(dir: &Path, locales: &PerLocale<LocaleData>) -> BTreeSet<String> {
    let known: BTreeSet<&str> = locales.iter().map(|l| l.tag.as_str()).collect();
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !known.contains(name.as_str()))
        .collect()
}
