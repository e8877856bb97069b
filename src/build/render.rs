//! The render step of a build, locale wave by locale wave ([`Waves`]): each
//! wave's documents are rendered in parallel into the staging folder (or
//! reused, or carried over, [`super::sink`]) while the next wave's streamed
//! locales are read beside them; a streamed locale is swapped into the
//! catalog for its own wave, then swapped back for an empty stand-in and
//! freed beside the next. The review page's status matrix is filled in one
//! locale column at a time, while that locale is loaded.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::columns::{ColumnKeys, KeptColumns};
use super::plan::{Plan, Planned, Role};
use super::sink::{Carried, StagingSink, Target};
use super::waves::Waves;
use crate::diagnostics::Diagnostic;
use crate::incremental::Fingerprints;
use crate::locale::{self, Catalog, Fallback, LocaleData};
use crate::output::OutputFile;
use crate::pdf::Typesetter;
use crate::pipeline::{self, Done, LoadDiagnostics, Loading, Progress, View};
use crate::render::Engine;
use crate::status::{self, Column, Matrix, Status};
use crate::workspace::{Campaign, LocaleId, PerLocale, Workspace, WorkspaceError};

/// The loaded inputs as the render step uses them: the catalog takes each
/// streamed locale in turn while the plan's jobs borrow the workspace.
pub struct Stage<'s, 'a> {
    pub ws: &'a Workspace,
    pub catalog: &'s mut Catalog,
    pub engine: &'s Engine,
    pub typesetter: &'s OnceLock<Typesetter>,
    /// Reading the streamed locales adds its time here.
    pub parse_time: &'s mut Duration,
    /// Each streamed locale's diagnostics are filled in as it is read.
    pub load: &'s mut LoadDiagnostics,
}

/// Every document of the new output tree, rendered, reused or carried over.
pub struct Rendered<'a> {
    /// In plan order.
    pub documents: Vec<Done<'a, OutputFile>>,
    /// Every document's fingerprint, by cache key.
    pub prints: HashMap<String, String>,
    /// The fonts' digest, for the cache.
    pub fonts: String,
    pub status: Status,
    /// The `untranslated` warnings of the copies the documents print, found
    /// while their locale is loaded.
    pub copies: Vec<Diagnostic>,
    pub carried: Carried,
    /// Wall time.
    pub wall: Duration,
}

/// Why the render step stopped.
pub enum Failed {
    /// Documents failed: why.
    Documents(Vec<Diagnostic>),
    /// A streamed locale could not be read.
    Unreadable(WorkspaceError),
}

/// The status columns kept between builds ([`super::columns`]), and
/// `pamphlet.toml`'s text, which their keys include.
pub struct Columns<'k> {
    pub kept: &'k KeptColumns,
    pub config: &'k str,
}

/// A locale read for its wave, with its diagnostics.
struct ReadLocale {
    locale: LocaleId,
    read: Result<(LocaleData, Vec<Diagnostic>), WorkspaceError>,
}

/// A document of a wave, at its position in the plan.
#[derive(Clone, Copy)]
struct Slot<'a> {
    position: usize,
    planned: Planned<'a>,
}

pub fn run<'a>(
    stage: Stage<'_, 'a>,
    plan: &Plan<'a>,
    loading: Loading,
    target: &Target,
    files: &HashMap<String, [u8; 32]>,
    progress: &Progress,
    columns: Option<Columns>,
) -> Result<Rendered<'a>, Failed> {
    let started = Instant::now();
    let Stage {
        ws,
        catalog,
        engine,
        typesetter,
        parse_time,
        load,
    } = stage;
    progress.start(plan.asked().count());
    let mut prints_of = Fingerprints::new(ws, engine, catalog, files);
    let fonts = prints_of.fonts();
    let rows = campaigns(plan);
    let matrix = Matrix::new(catalog, &rows);
    let kept_columns = columns.map(|c| (c.kept, ColumnKeys::new(catalog, files, c.config, &rows)));
    let mut columns: PerLocale<Option<Column>> = catalog.locales.map(|_, _| None);
    let mut copies: Vec<Diagnostic> = Vec::new();
    // by plan position; a document dropped from the tree stays `None`
    let mut slots: Vec<Option<Done<'a, OutputFile>>> =
        plan.documents.iter().map(|_| None).collect();
    let mut prints = HashMap::new();
    let mut carried = Carried::default();

    let mut waves = Waves::new(loading, loading.deferred(&ws.config)).peekable();
    let t = Instant::now();
    let mut pending = waves
        .peek()
        .map(|w| read(ws, catalog, &w.streamed))
        .unwrap_or_default();
    *parse_time += t.elapsed();
    let mut finished: Vec<LocaleData> = Vec::new();
    while let Some(wave) = waves.next() {
        for ReadLocale { locale: l, read } in pending {
            let (data, diags) = read.map_err(Failed::Unreadable)?;
            load.locales.locales[l] = diags;
            catalog.swap(l, data);
            prints_of.add_locale(catalog, l, files);
        }
        let in_wave: Vec<Slot<'a>> = plan
            .documents
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, p)| wave.locales.contains(&p.job.locale))
            .map(|(position, planned)| Slot { position, planned })
            .collect();
        let jobs: Vec<_> = in_wave.iter().map(|s| s.planned.job).collect();
        let next = waves.peek();
        let ((next, parsing), done) = {
            let catalog: &Catalog = catalog;
            let view = View {
                ws,
                catalog,
                engine,
                typesetter,
            };
            rayon::join(
                || {
                    // the locales done with are freed here, beside the rendering
                    drop(std::mem::take(&mut finished));
                    let t = Instant::now();
                    let next = next.map(|w| read(ws, catalog, &w.streamed));
                    (next.unwrap_or_default(), t.elapsed())
                },
                || {
                    let prints = prints_of.all(catalog, &jobs);
                    let sink = StagingSink {
                        catalog,
                        target,
                        prints: &prints,
                        fonts: &fonts,
                        formats: &plan.formats,
                    };
                    render_wave(&view, &in_wave, &sink, progress).map(|done| (done, prints))
                },
            )
        };
        *parse_time += parsing;
        pending = next;
        let (done, wave_prints) = done.map_err(Failed::Documents)?;
        let documents: Vec<&Done<OutputFile>> =
            done.iter().filter_map(|p| p.done.as_ref()).collect();
        let kept = kept_columns.as_ref().map(|(k, keys)| (*k, keys));
        for (l, column) in status_columns(&matrix, catalog, &documents, &wave.locales, kept) {
            copies.extend(copy_warnings(catalog, l, &column.untranslated));
            columns[l] = Some(column);
        }
        prints.extend(wave_prints);
        for placed in done {
            slots[placed.position] = placed.done;
            carried += placed.carried;
        }
        for &l in &wave.streamed {
            let chain = catalog.locales[l].chain.clone();
            let stand_in = LocaleData::stand_in(&ws.config.locales[l], chain);
            finished.push(catalog.swap(l, stand_in));
        }
    }
    // every locale is in one wave, so every column is there
    let status = matrix.assemble(columns.into_iter().flatten().collect());
    Ok(Rendered {
        documents: slots.into_iter().flatten().collect(),
        prints,
        fonts,
        status,
        copies,
        carried,
        wall: started.elapsed(),
    })
}

/// One wave: the documents asked for rendered (or reused) in parallel, then
/// every document's files outside the build's formats carried over. By plan
/// position, with what was carried over and dropped.
fn render_wave<'a>(
    view: &View,
    in_wave: &[Slot<'a>],
    sink: &StagingSink,
    progress: &Progress,
) -> Result<Vec<Placed<'a>>, Vec<Diagnostic>> {
    let asked: Vec<_> = in_wave
        .iter()
        .filter(|s| s.planned.role == Role::Render)
        .map(|s| s.planned.job)
        .collect();
    let mut done = pipeline::render_all(view, &asked, sink.formats, sink, progress)?.into_iter();
    let slots: Vec<(Slot<'a>, Option<Done<'a, OutputFile>>)> = in_wave
        .iter()
        .map(|&slot| match slot.planned.role {
            Role::Render => (slot, done.next()),
            Role::Carry => (slot, None),
        })
        .collect();
    Ok(slots
        .into_par_iter()
        .map(
            |(
                Slot {
                    position,
                    planned: p,
                },
                done,
            )| match (p.role, done) {
                (Role::Render, Some(mut done)) => Placed {
                    position,
                    carried: sink.carry_rest(&mut done),
                    done: Some(done),
                },
                (Role::Render, None) => Placed {
                    position,
                    done: None,
                    carried: Carried::default(),
                },
                (Role::Carry, _) => {
                    let (done, carried) = sink.carry(p.job);
                    Placed {
                        position,
                        done,
                        carried,
                    }
                }
            },
        )
        .collect())
}

/// A document of a wave, done, at its place in the plan.
struct Placed<'a> {
    position: usize,
    /// `None` when it is not part of the new tree (every file dropped).
    done: Option<Done<'a, OutputFile>>,
    carried: Carried,
}

/// The campaigns of the plan, in order: the rows of the status matrix.
fn campaigns<'a>(plan: &Plan<'a>) -> Vec<&'a Campaign> {
    let mut campaigns: Vec<&Campaign> = Vec::new();
    for p in &plan.documents {
        if campaigns.last().is_none_or(|c| c.id != p.job.campaign.id) {
            campaigns.push(p.job.campaign);
        }
    }
    campaigns
}

/// Reads the `streamed` locales (the others are loaded already).
fn read(ws: &Workspace, catalog: &Catalog, streamed: &[LocaleId]) -> Vec<ReadLocale> {
    streamed
        .iter()
        .map(|&l| ReadLocale {
            locale: l,
            read: locale::load_one(ws, catalog, l),
        })
        .collect()
}

/// The `untranslated` warnings of locale `l` (loaded in `catalog`) for the
/// messages `ids` its documents print: each copied value or attribute at the
/// line of its message.
fn copy_warnings(catalog: &Catalog, l: LocaleId, ids: &[String]) -> Vec<Diagnostic> {
    let data = &catalog.locales[l];
    let source = catalog.tag(catalog.source);
    let mut out = Vec::new();
    for id in ids {
        let Some(def) = data.index.get(id.as_str()) else {
            continue;
        };
        let file = &data.files[def.file as usize];
        for attr in catalog.copies(l, id) {
            let name = attr.map_or(id.clone(), |a| format!("{id}.{a}"));
            out.push(locale::copies::diagnostic(
                file,
                def.line as usize,
                &name,
                source,
            ));
        }
    }
    out
}

/// The status columns of `locales` (loaded in `catalog`) for the review page:
/// each message a campaign prints is translated, untranslated (copied),
/// missing, stale or in error, as the documents of `done` found it (their
/// fallbacks). With `kept`, a column whose key is the last build's is not
/// worked out again.
fn status_columns(
    matrix: &Matrix,
    catalog: &Catalog,
    done: &[&Done<OutputFile>],
    locales: &[LocaleId],
    kept: Option<(&KeptColumns, &ColumnKeys)>,
) -> Vec<(LocaleId, Column)> {
    locales
        .par_iter()
        .map(|&l| {
            // the fallbacks of each campaign's documents in this locale
            let mut fell_back: Vec<Vec<&Fallback>> = vec![Vec::new(); matrix.campaigns().len()];
            for d in done.iter().filter(|d| d.job.locale == l) {
                if let Some(c) = matrix
                    .campaigns()
                    .iter()
                    .position(|c| c.id == d.job.campaign.id)
                {
                    fell_back[c].extend(&d.info.fallbacks);
                }
            }
            let compute = || {
                matrix.column(catalog, l, |c, locale, text| {
                    status::state_from_fallbacks(
                        catalog,
                        locale,
                        &text.msg.id,
                        fell_back[c].iter().copied(),
                    )
                })
            };
            let column = match kept {
                Some((kept, keys)) => {
                    let key = keys.of(catalog, l, &fell_back);
                    kept.get_or(catalog.tag(l), key, compute)
                }
                None => compute(),
            };
            (l, column)
        })
        .collect()
}
