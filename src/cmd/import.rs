//! `pamphlet import FILE...`: reads each exchange file, checks it against
//! the units exported from today's files (`exchange::plan`), prints every
//! problem at the exchange file's line and column, and writes the changed
//! `.ftl` files and review records of all files at once, or nothing.

use std::path::{Path, PathBuf};

use super::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Reporter, plural};
use crate::cli::ImportArgs;
use crate::diagnostics::Diagnostic;
use crate::exchange::{self, Format, ImportError, workspace};
use crate::pipeline;
use crate::workspace::LocaleId;

pub fn run(root: &Path, args: &ImportArgs, rep: &Reporter) -> u8 {
    let mut diags: Vec<Diagnostic> = Vec::new();
    // every file read first: the locales they declare are the only ones
    // the workspace is loaded with (besides the source)
    let mut read: Vec<(&PathBuf, String, String, exchange::Sent)> = Vec::new();
    for path in &args.files {
        let display = path.display().to_string();
        let Some(format) = Format::of_path(path) else {
            rep.error(&format!(
                "{display}: not an exchange file (expected .xlf, .xliff or .po)"
            ));
            return EXIT_USAGE;
        };
        let text = match std::fs::read(path).map(crate::source::decode) {
            Ok(Ok(t)) => t,
            Ok(Err(e)) => {
                diags.push(Diagnostic::error("import-file", e.to_string()).at(
                    display.clone(),
                    e.position(),
                    None,
                ));
                continue;
            }
            Err(e) => {
                rep.error(&format!("cannot read {display}: {e}"));
                return EXIT_USAGE;
            }
        };
        match exchange::read(&display, &text, format) {
            Ok(sent) => read.push((path, display, text, sent)),
            Err(e) => {
                let index = crate::source::LineIndex::new(&text);
                diags.push(Diagnostic::error("import-file", e.message.clone()).at(
                    display.clone(),
                    e.at,
                    Some(index.line_text(&text, e.at.line).to_owned()),
                ));
            }
        }
    }
    let tags: Vec<String> = read.iter().map(|r| r.3.target_lang.clone()).collect();
    let (inputs, _diags) = match pipeline::load_only(root, &tags) {
        Ok(x) => x,
        Err(e) => return rep.workspace_error(e),
    };
    let catalog = &inputs.catalog;
    let mut writes: Vec<(PathBuf, String)> = Vec::new();
    // each locale imported so far, with the file it came from
    let mut done: Vec<(LocaleId, String)> = Vec::new();
    let mut summary = Vec::new();
    for (path, display, text, sent) in read {
        let index = crate::source::LineIndex::new(&text);
        let snippet = |line: usize| Some(index.line_text(&text, line).to_owned());
        let locale =
            match inputs.ws.config.locale_index(&sent.target_lang) {
                Some(i) if i != catalog.source && !catalog.locales[i].pseudo => i,
                _ => {
                    diags.push(
                    Diagnostic::error(
                        "import-locale",
                        format!(
                            "the file is for {}, which is not a translation locale of the project",
                            sent.target_lang
                        ),
                    )
                    .at(display.clone(), sent.target_lang_at, snippet(sent.target_lang_at.line)),
                );
                    continue;
                }
            };
        // a file exported as ru.xlf that now declares another locale
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if let Some(named) = inputs.ws.config.locale_index(stem)
            && named != locale
        {
            diags.push(
                Diagnostic::error(
                    "import-locale",
                    format!(
                        "the file is named for {} but declares {}",
                        catalog.tag(named),
                        sent.target_lang
                    ),
                )
                .at(display.clone(), sent.target_lang_at, snippet(sent.target_lang_at.line))
                .with_hint("a translation goes into the locale it was exported for; fix the declared locale, or rename the file if it really is that locale's"),
            );
            continue;
        }
        if let Some((_, other)) = done.iter().find(|(l, _)| *l == locale) {
            rep.error(&format!(
                "{display} and {other} are both for {}; import them one at a time",
                catalog.tag(locale)
            ));
            return EXIT_USAGE;
        }
        done.push((locale, display.clone()));
        let prepared = workspace::prepare(&inputs, locale);
        match exchange::plan(
            &sent,
            &prepared.exchange,
            &prepared.target_files,
            &prepared.categories,
        ) {
            Ok(plan) => {
                summary.push(format!(
                    "{display}: {} {}: {} changed, {} confirmed",
                    catalog.tag(locale),
                    plural(plan.files.len(), "file", "files"),
                    plural(plan.changed.len(), "message", "messages"),
                    plan.confirmed.len()
                ));
                for c in &plan.changed {
                    rep.detail(&format!("  {c}"));
                }
                writes.extend(workspace::import_files(&inputs, locale, &plan));
            }
            Err(ImportError::Problems(problems)) => {
                for p in problems {
                    let mut d = Diagnostic::error("import-unit", p.message).at(
                        display.clone(),
                        p.at,
                        snippet(p.at.line),
                    );
                    if let Some(h) = p.hint {
                        d = d.with_hint(h);
                    }
                    diags.push(d);
                }
            }
        }
    }
    if !diags.is_empty() {
        rep.diagnostics(&diags);
        rep.error(&format!(
            "{}; nothing was written",
            plural(diags.len(), "problem", "problems")
        ));
        return EXIT_CONTENT;
    }
    if !args.dry_run
        && let Err(e) = workspace::write_all(&writes)
    {
        rep.error(&format!(
            "cannot write the translations: {e}; nothing was changed"
        ));
        return EXIT_CONTENT;
    }
    for line in summary {
        rep.info(&line);
    }
    if args.dry_run {
        rep.info(&format!(
            "dry run: {} would be written",
            plural(writes.len(), "file", "files")
        ));
    }
    EXIT_OK
}
