//! `pamphlet check`: every stage of a build except writing: campaign files,
//! `.ftl` files, message references, templates, and a trial render of every
//! document in every locale, which reports each fallback as a warning.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;

use super::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Reporter, count, plural};
use crate::cli::{CheckArgs, ReportFormat};
use crate::diagnostics::{self, Diagnostic};
use crate::pipeline::{self, Filter};

#[derive(Serialize)]
struct Report<'a> {
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
}

pub fn run(root: &Path, args: &CheckArgs, rep: &Reporter) -> u8 {
    let (inputs, mut diags) = match pipeline::load(root) {
        Ok(x) => x,
        Err(e) => return rep.workspace_error(e),
    };
    let filter = Filter {
        campaigns: Vec::new(),
        locales: args.locales.clone(),
    };
    let jobs = match pipeline::plan(&inputs, &filter) {
        Ok(j) => j,
        Err(msg) => {
            rep.error(&msg);
            return EXIT_USAGE;
        }
    };
    if !diags.iter().any(Diagnostic::is_error) {
        let formats = inputs.ws.config.formats.clone();
        match pipeline::render_all(&inputs, &jobs, &formats, |_, _| Ok::<(), Diagnostic>(())) {
            Ok(done) => {
                let mut seen = BTreeSet::new();
                for d in &done {
                    for f in &d.localized.fallbacks {
                        if !seen.insert((f.locale.clone(), f.message.clone())) {
                            continue;
                        }
                        let text = d
                            .job
                            .campaign
                            .texts()
                            .find(|t| t.msg.to_string() == f.message);
                        let mut diag = Diagnostic::warning(
                            "translation-fallback",
                            format!(
                                "'{}' is not usable in {} ({}); {} is used instead",
                                f.message, f.locale, f.reason, f.used
                            ),
                        )
                        .with_hint(format!("translate it in locales/{}/", f.locale));
                        if let Some(t) = text {
                            diag = diag.at(
                                d.job.campaign.file.clone(),
                                t.position,
                                d.job.campaign.snippet(t.position.line),
                            );
                        }
                        diags.push(diag);
                    }
                }
            }
            Err(render_diags) => diags.extend(render_diags),
        }
    }
    if !args.locales.is_empty() {
        let wanted: Vec<String> = args
            .locales
            .iter()
            .filter_map(|l| inputs.ws.config.locale_index(l))
            .map(|i| inputs.catalog.tag(i).to_owned())
            .collect();
        diags.retain(|d| {
            d.location.as_ref().is_none_or(|loc| {
                !loc.file.starts_with("locales/")
                    || wanted
                        .iter()
                        .any(|w| loc.file.starts_with(&format!("locales/{w}/")))
            })
        });
    }
    diagnostics::sort(&mut diags);
    let (errors, warnings) = count(&diags);
    match args.format {
        ReportFormat::Json => {
            let report = Report {
                errors,
                warnings,
                diagnostics: &diags,
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&report).expect("diagnostics serialize")
            );
        }
        ReportFormat::Text => {
            rep.diagnostics(&diags);
            rep.info(&format!(
                "checked: {}, {}",
                plural(errors, "error", "errors"),
                plural(warnings, "warning", "warnings")
            ));
        }
    }
    if errors > 0 || (args.deny_warnings && warnings > 0) {
        EXIT_CONTENT
    } else {
        EXIT_OK
    }
}
