//! `pamphlet review LOCALE`: records that the locale's translations were
//! checked against the current source text (the text itself, in
//! `locales/<locale>/reviewed.toml`), so that a later change of the source
//! marks them stale and `check` can show how it changed.

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
    let mut record = data.reviewed.clone();
    let ids: Vec<String> = if args.messages.is_empty() {
        source
            .files
            .iter()
            .flat_map(|f| f.entries.iter().map(|(e, _)| e.clone()))
            .filter(|id| data.entry_text(id).is_some())
            .collect()
    } else {
        args.messages.clone()
    };
    let mut marked = 0;
    for id in &ids {
        let (Some(src), Some(_)) = (source.entry_text(id), data.entry_text(id)) else {
            rep.error(&format!(
                "'{id}' is not translated in {} or not in the source; nothing to review",
                data.tag
            ));
            return EXIT_USAGE;
        };
        record.record(id, src);
        marked += 1;
    }
    if record != data.reviewed
        && let Err(e) = record.save(&dir)
    {
        rep.error(&format!("cannot write {file}: {e}"));
        return EXIT_CONTENT;
    }
    rep.info(&format!(
        "{}: {} marked reviewed in {file}",
        data.tag,
        plural(marked, "message", "messages"),
    ));
    EXIT_OK
}
