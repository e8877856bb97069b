//! `pamphlet review LOCALE`: records that the locale's translations were
//! checked against the current source text (the text itself, in
//! `locales/<locale>/reviewed.toml`), so that a later change of the source
//! marks them stale and `check` can show how it changed.
//!
//! A message in which `pamphlet check` finds an error (a syntax error, an
//! unknown variable, a bidi override …) is not recorded: it is named in a
//! warning, with the errors, and the command exits with 1. The others are
//! recorded all the same.

use std::collections::BTreeSet;
use std::path::Path;

use super::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Reporter, plural};
use crate::cli::ReviewArgs;
use crate::diagnostics::Diagnostic;
use crate::locale::review;
use crate::pipeline;

pub fn run(root: &Path, args: &ReviewArgs, rep: &Reporter) -> u8 {
    let (inputs, diags) = match pipeline::load_with(root, std::slice::from_ref(&args.locale)) {
        Ok(x) => x,
        Err(e) => return rep.workspace_error(e),
    };
    let catalog = &inputs.catalog;
    let Some(locale) = inputs.ws.config.locale_index(&args.locale) else {
        rep.error(&format!("{} is not a project locale", args.locale));
        return EXIT_USAGE;
    };
    if catalog.locales[locale].pseudo {
        rep.error(&format!(
            "{} is a pseudo-locale, generated from the source locale; it has no translations to review",
            catalog.tag(locale)
        ));
        return EXIT_USAGE;
    }
    if locale == catalog.source {
        rep.error("the source locale is the reference; review a translation");
        return EXIT_USAGE;
    }
    let data = &catalog.locales[locale];
    let source = &catalog.locales[catalog.source];
    let dir = inputs.ws.locales_dir().join(&data.tag);
    let file = format!("locales/{}/{}", data.tag, review::FILE);
    // a record that cannot be read is not overwritten: it may hold reviews
    let broken: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| d.code == "reviewed-file")
        .filter(|d| d.location.as_ref().is_some_and(|l| l.file == file))
        .cloned()
        .collect();
    if !broken.is_empty() {
        rep.diagnostics(&broken);
        rep.error(&format!("{file} was left unchanged"));
        return EXIT_CONTENT;
    }
    let ids: Vec<String> = if args.messages.is_empty() {
        let mut seen = BTreeSet::new();
        source
            .files
            .iter()
            .flat_map(|f| f.entries.iter().map(|(e, _)| e.clone()))
            .filter(|id| data.entry_text(id).is_some() && seen.insert(id.clone()))
            .collect()
    } else {
        args.messages.clone()
    };
    for id in &ids {
        if source.entry_text(id).is_none() || data.entry_text(id).is_none() {
            rep.error(&format!(
                "'{id}' is not translated in {} or not in the source; nothing to review",
                data.tag
            ));
            return EXIT_USAGE;
        }
    }
    let errors = std::mem::take(
        &mut crate::checks::errors_by_entry(&inputs, diags, Some(&[locale]))[locale],
    );
    let mut record = data.reviewed.clone();
    let mut marked = 0;
    let mut skipped: Vec<&str> = Vec::new();
    for id in &ids {
        if errors.contains_key(id) {
            skipped.push(id);
            continue;
        }
        let src = source.entry_text(id).expect("checked above");
        record.record(id, src);
        marked += 1;
    }
    if record != data.reviewed
        && let Err(e) = record.save(&dir)
    {
        rep.error(&format!("cannot write {file}: {e}"));
        return EXIT_CONTENT;
    }
    let code = if skipped.is_empty() {
        EXIT_OK
    } else {
        let mut shown: Vec<Diagnostic> = skipped
            .iter()
            .flat_map(|id| errors[*id].iter().cloned())
            .collect();
        // an error without a line stands under every entry of its file
        crate::diagnostics::sort(&mut shown);
        shown.dedup();
        rep.diagnostics(&shown);
        let names: Vec<String> = skipped.iter().map(|id| format!("'{id}'")).collect();
        let options: Vec<String> = skipped
            .iter()
            .map(|id| format!(" --message {id}"))
            .collect();
        rep.warning(&format!(
            "{}: {} not marked reviewed, because `pamphlet check` reports errors in {} (above): {}; fix them, then run `pamphlet review {}{}`",
            data.tag,
            plural(skipped.len(), "message", "messages"),
            if skipped.len() == 1 { "it" } else { "them" },
            names.join(", "),
            data.tag,
            options.concat()
        ));
        EXIT_CONTENT
    };
    rep.info(&format!(
        "{}: {} marked reviewed in {file}",
        data.tag,
        plural(marked, "message", "messages"),
    ));
    code
}
