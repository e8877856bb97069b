//! `pamphlet check`: every stage of a build except writing (campaign files,
//! `.ftl` files, templates, a trial render of every document in every locale)
//! plus the translation checks of [`crate::checks`].

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;

use super::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Reporter, count, plural, skip_teardown};
use crate::cli::{CheckArgs, ReportFormat};
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::pipeline::{self, Filter, Inputs};

#[derive(Serialize)]
struct Report<'a> {
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
}

pub fn run(root: &Path, args: &CheckArgs, rep: &Reporter) -> u8 {
    let (inputs, mut diags) = match pipeline::load_with(root, &args.locales) {
        Ok(x) => x,
        Err(e) => return rep.workspace_error(e),
    };
    let filter = Filter {
        campaigns: Vec::new(),
        locales: args.locales.clone(),
    };
    let jobs = match pipeline::plan(&inputs.ws, &filter) {
        Ok(j) => j,
        Err(e) => {
            rep.error(&e.to_string());
            return EXIT_USAGE;
        }
    };
    for d in &mut diags {
        crate::checks::as_check_finding(d);
    }
    // the translation checks and the trial render only read: side by side
    let trial = !diags
        .iter()
        .any(|d| d.is_error() && d.code.starts_with("message-unknown"));
    let ((checked, checks_time), (rendered, trial_time)) = rayon::join(
        || {
            let t = std::time::Instant::now();
            (crate::checks::run(&inputs), t.elapsed())
        },
        || {
            let t = std::time::Instant::now();
            let formats = inputs.ws.config.formats.clone();
            let done = trial.then(|| {
                pipeline::render_all(
                    &inputs.view(),
                    &jobs,
                    &formats,
                    &pipeline::Discard::default(),
                    &pipeline::Progress::default(),
                )
            });
            (done, t.elapsed())
        },
    );
    diags.extend(checked);
    if let Some(rendered) = rendered {
        match rendered {
            Ok(done) => {
                diags.extend(pipeline::document_diagnostics(&inputs.catalog, &done));
                let fallbacks: BTreeSet<_> =
                    done.iter().flat_map(|d| d.info.fallbacks.iter()).collect();
                let broken: Vec<Diagnostic> = fallbacks
                    .into_iter()
                    .filter_map(|f| broken_diagnostic(&inputs, f))
                    .collect();
                for d in broken {
                    let line = |x: &Diagnostic| {
                        x.location
                            .as_ref()
                            .map(|l| (l.file.clone(), l.position.map(|p| p.line)))
                    };
                    if !diags
                        .iter()
                        .any(|o| line(o) == line(&d) && o.severity >= Severity::Warning)
                    {
                        diags.push(d);
                    }
                }
            }
            Err(render_diags) => diags.extend(render_diags),
        }
    }
    let p = &inputs.phases;
    rep.detail(&format!(
        "phases: load {:.3} s, parse {:.3} s, checks {:.3} s and trial render {:.3} s (side by side)",
        p.load.as_secs_f64(),
        p.parse.as_secs_f64(),
        checks_time.as_secs_f64(),
        trial_time.as_secs_f64()
    ));
    if !args.locales.is_empty() {
        let wanted: Vec<String> = args
            .locales
            .iter()
            .filter_map(|l| inputs.ws.config.locale_index(l))
            .map(|i| format!("locales/{}/", inputs.catalog.tag(i)))
            .collect();
        diags.retain(|d| {
            d.location.as_ref().is_none_or(|loc| {
                !loc.file.starts_with("locales/") || wanted.iter().any(|w| loc.file.starts_with(w))
            })
        });
    }
    diagnostics::sort(&mut diags);
    diags.dedup();
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
    let code = if errors > 0 || (args.deny_warnings && warnings > 0) {
        EXIT_CONTENT
    } else {
        EXIT_OK
    };
    skip_teardown(inputs);
    code
}

/// A translation that failed to resolve in the trial render (the build used a
/// fallback for it), reported at its entry unless a check already explained it.
fn broken_diagnostic(inputs: &Inputs, f: &crate::locale::Fallback) -> Option<Diagnostic> {
    if f.missing {
        return None;
    }
    let locale = inputs.ws.config.locale_index(&f.locale)?;
    let data = &inputs.catalog.locales[locale];
    let id = f.message.split('.').next().unwrap_or(&f.message);
    if data.broken.contains_key(id) {
        // broken in its file, or referencing such an entry: loading reported
        // the cause at its line
        return None;
    }
    let file = data.files.iter().find(|file| file.line_of(id).is_some())?;
    let line = file.line_of(id)?;
    let offset = file.line_offset(line);
    Some(
        Diagnostic::warning(
            "message-broken",
            format!(
                "'{}' cannot be used in {} ({}); the build prints {} instead",
                f.message, f.locale, f.reason, f.used
            ),
        )
        .at_offset(file.display.clone(), file.text(), &file.index, offset)
        .with_hint("fix the message so that it resolves with the campaign's variables"),
    )
}
