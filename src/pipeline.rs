//! The pipeline in one place: load the workspace, the locales and the
//! templates; plan the documents to render; localize and render them in
//! parallel, handing each output to a sink (the build writes it to staging,
//! the check discards it).

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::locale::{self, Catalog};
use crate::render::{self, Engine, LocalizedDocument, Rendered};
use crate::workspace::{self, Campaign, Document, Format, Workspace, WorkspaceError};

/// Everything a render needs, loaded once.
pub struct Inputs {
    pub ws: Workspace,
    pub catalog: Catalog,
    pub engine: Engine,
}

/// Loads every input. Content problems are diagnostics; only an unreadable
/// workspace is an error.
pub fn load(root: &std::path::Path) -> Result<(Inputs, Vec<Diagnostic>), WorkspaceError> {
    let (ws, mut diags) = workspace::load(root)?;
    let (catalog, locale_diags) = locale::load(&ws)?;
    // A broken source file hides its messages; reporting each use of them as
    // unknown would bury the one error that matters.
    let source_broken = locale_diags.iter().any(Diagnostic::is_error);
    diags.extend(locale_diags);
    if !source_broken {
        diags.extend(check_references(&ws, &catalog));
    }
    let engine = match Engine::load(&ws.root, &ws.templates_dir())? {
        Ok(e) => e,
        Err(d) => {
            diags.push(d);
            Engine::defaults()
        }
    };
    Ok((
        Inputs {
            ws,
            catalog,
            engine,
        },
        diags,
    ))
}

/// Every message a campaign names must exist in the source locale.
fn check_references(ws: &Workspace, catalog: &Catalog) -> Vec<Diagnostic> {
    let source = catalog.tag(catalog.source);
    let mut diags = Vec::new();
    for campaign in &ws.campaigns {
        for text in campaign.texts() {
            if let Err(why) = catalog.source_has(&text.msg) {
                diags.push(
                    Diagnostic::error(
                        "message-unknown",
                        format!(
                            "message '{}' is {why} in the source locale ({source})",
                            text.msg
                        ),
                    )
                    .at(campaign.file.clone(), text.position, None)
                    .with_hint(format!(
                        "define it in a file under locales/{source}/, or fix the id"
                    )),
                );
            }
        }
    }
    diags
}

/// One document to render in one locale.
#[derive(Debug, Clone, Copy)]
pub struct Job<'a> {
    pub campaign: &'a Campaign,
    pub document: &'a Document,
    pub locale: usize,
}

/// Which campaigns and locales to render; empty means all.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub campaigns: Vec<String>,
    pub locales: Vec<String>,
}

/// The documents to render, in a stable order (campaign, locale, document).
/// Names that match nothing are usage errors.
pub fn plan<'a>(inputs: &'a Inputs, filter: &Filter) -> Result<Vec<Job<'a>>, String> {
    for c in &filter.campaigns {
        if !inputs.ws.campaigns.iter().any(|k| &k.id == c) {
            let known: Vec<&str> = inputs.ws.campaigns.iter().map(|k| k.id.as_str()).collect();
            return Err(format!(
                "--campaign {c}: no such campaign (known: {})",
                known.join(", ")
            ));
        }
    }
    let mut locales = Vec::new();
    for l in &filter.locales {
        match inputs.ws.config.locale_index(l) {
            Some(i) => locales.push(i),
            None => {
                let known: Vec<&str> = inputs
                    .ws
                    .config
                    .locales
                    .iter()
                    .map(|k| k.tag.as_str())
                    .collect();
                return Err(format!(
                    "--locale {l}: not a project locale (known: {})",
                    known.join(", ")
                ));
            }
        }
    }
    if locales.is_empty() {
        locales = (0..inputs.ws.config.locales.len()).collect();
    }
    let mut jobs = Vec::new();
    for campaign in &inputs.ws.campaigns {
        if !filter.campaigns.is_empty() && !filter.campaigns.contains(&campaign.id) {
            continue;
        }
        for &locale in &locales {
            for document in &campaign.documents {
                jobs.push(Job {
                    campaign,
                    document,
                    locale,
                });
            }
        }
    }
    Ok(jobs)
}

/// A rendered document: its localized content and its outputs.
pub struct Done<'a, T> {
    pub job: Job<'a>,
    pub localized: LocalizedDocument,
    pub outputs: Vec<T>,
}

/// Localizes and renders every job in parallel; each output goes through
/// `sink`, whose result is kept. Results come back in job order; every
/// failing job contributes its diagnostics.
pub fn render_all<'a, T, E, S>(
    inputs: &'a Inputs,
    jobs: &[Job<'a>],
    formats: &[Format],
    sink: S,
) -> Result<Vec<Done<'a, T>>, Vec<Diagnostic>>
where
    T: Send,
    E: Into<Diagnostic>,
    S: Fn(&Job<'a>, &Rendered) -> Result<T, E> + Sync,
{
    let results: Vec<Result<Done<'a, T>, Vec<Diagnostic>>> = jobs
        .par_iter()
        .map(|job| {
            let localized = render::localize(
                &inputs.catalog,
                job.locale,
                job.campaign,
                job.document,
                &inputs.ws.assets,
            )
            .map_err(|e| localize_diagnostics(job, e))?;
            let rendered =
                render::render(&inputs.engine, &localized, formats).map_err(|d| vec![d])?;
            let outputs = rendered
                .iter()
                .map(|r| sink(job, r).map_err(|e| vec![e.into()]))
                .collect::<Result<Vec<T>, _>>()?;
            Ok(Done {
                job: *job,
                localized,
                outputs,
            })
        })
        .collect();
    let mut done = Vec::with_capacity(results.len());
    let mut diags = Vec::new();
    for r in results {
        match r {
            Ok(d) => done.push(d),
            Err(d) => diags.extend(d),
        }
    }
    if diags.is_empty() {
        Ok(done)
    } else {
        Err(diags)
    }
}

fn localize_diagnostics(job: &Job, e: render::LocalizeError) -> Vec<Diagnostic> {
    e.failures
        .into_iter()
        .map(|(err, text)| {
            Diagnostic::error("message-unresolved", err.to_string())
                .at(job.campaign.file.clone(), text.position, job.campaign.snippet(text.position.line))
                .with_hint("fix the message in the source locale: every variable it uses must be passed by the campaign or the project")
        })
        .collect()
}
