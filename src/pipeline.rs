//! The stages every command shares: load the workspace, the locales and the
//! templates; plan the documents to render; localize and render them in
//! parallel, handing each output to a sink (a build writes it to staging,
//! `check` discards it). The build's own orchestration (waves, reuse, the
//! output folder) is [`crate::build`]'s.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::locale::kept::KeptFiles;
use crate::locale::{self, Catalog, Fallback};
use crate::pdf::{PdfFacts, PdfSettings, PdfStage, Typesetter};
use crate::render::{self, Engine};
use crate::workspace::{
    self, Campaign, Config, ConfigFile, Document, Format, Kind, LocaleId, MessageRef, PerLocale,
    Workspace, WorkspaceError,
};

/// Everything a render needs, loaded once.
pub struct Inputs {
    pub ws: Workspace,
    pub catalog: Catalog,
    pub engine: Engine,
    /// How long loading took, stage by stage.
    pub phases: Phases,
    /// Fonts and Typst, loaded by the first document that needs a PDF.
    pub typesetter: std::sync::OnceLock<Typesetter>,
}

impl Inputs {
    /// The typesetter, loading the fonts on first use (once per run; other
    /// threads wait for it).
    pub fn typesetter(&self) -> &Typesetter {
        self.view().typesetter()
    }

    /// What rendering reads.
    pub fn view(&self) -> View<'_> {
        View {
            ws: &self.ws,
            catalog: &self.catalog,
            engine: &self.engine,
            typesetter: &self.typesetter,
        }
    }
}

/// What rendering reads from the [`Inputs`], borrowed field by field (a
/// build swaps locales into the catalog between renders, while its jobs
/// borrow the workspace).
#[derive(Clone, Copy)]
pub struct View<'r> {
    pub ws: &'r Workspace,
    pub catalog: &'r Catalog,
    pub engine: &'r Engine,
    pub typesetter: &'r std::sync::OnceLock<Typesetter>,
}

impl<'r> View<'r> {
    /// See [`Inputs::typesetter`].
    pub fn typesetter(&self) -> &'r Typesetter {
        self.typesetter
            .get_or_init(|| Typesetter::load(&self.ws.root, &self.ws.config.pdf))
    }
}

/// Wall time of the loading stages, and CPU time summed over render threads.
#[derive(Debug, Default, Clone)]
pub struct Phases {
    /// Reading `pamphlet.toml`, campaigns and assets.
    pub load: Duration,
    /// Reading and parsing every `.ftl` file into bundles (in a streamed
    /// build, mostly while the locale before renders).
    pub parse: Duration,
    /// Compiling the templates.
    pub templates: Duration,
    /// Checking message references.
    pub check: Duration,
}

/// Loads every input. Content problems are diagnostics; only an unreadable
/// workspace is an error.
pub fn load(root: &std::path::Path) -> Result<(Inputs, Vec<Diagnostic>), WorkspaceError> {
    load_with(root, &[])
}

/// Loads every input, with the pseudo-locales among `locales` (tags a
/// command was asked for) generated besides the project's own locales.
pub fn load_with(
    root: &std::path::Path,
    locales: &[String],
) -> Result<(Inputs, Vec<Diagnostic>), WorkspaceError> {
    let config = workspace::read_config(root)?;
    let (inputs, diags) = load_from(root, config, locales, Loading::Eager, None)?;
    Ok((inputs, diags.all()))
}

/// Loads the inputs with only the source locale and the project locales
/// among `wanted` (tags) read; every other locale is an empty stand-in
/// (its tag, direction and chain). For the commands that look at one
/// locale against the source only (`export`, `import`): their units, review
/// states and writes need nothing of any other locale, and reading every
/// locale of a national workspace took most of their time. Without tags
/// (or with tags the project does not have) only the source is read.
pub fn load_only(
    root: &std::path::Path,
    wanted: &[String],
) -> Result<(Inputs, Vec<Diagnostic>), WorkspaceError> {
    let config = workspace::read_config(root)?;
    let (inputs, diags) = load_deferring(root, config, &[], None, |config| {
        let keep: Vec<LocaleId> = wanted
            .iter()
            .filter_map(|t| config.locale_index(t))
            .collect();
        config
            .locales
            .map(|i, l| i != config.source && !l.pseudo && !keep.contains(&i))
    })?;
    Ok((inputs, diags.all()))
}

/// Which locales are read up front.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    /// Every locale.
    Eager,
    /// Only the locales others need ([`locale::deferrable`]: the source, the
    /// locales others fall back to, the pseudo-locales); the others get empty
    /// stand-ins, for a build to read each for its own documents only
    /// (`build::Waves`).
    Streamed,
}

impl Loading {
    /// The locales left out of the up-front load.
    pub fn deferred(self, config: &Config) -> PerLocale<bool> {
        match self {
            Loading::Eager => PerLocale::filled(config.locales.len(), false),
            Loading::Streamed => locale::deferrable(config),
        }
    }
}

/// The diagnostics of loading, in parts, so that a build that loads some
/// locales later can fill theirs in and still report in [`load_with`]'s order.
#[derive(Debug, Default)]
pub struct LoadDiagnostics {
    /// `pamphlet.toml`, campaigns, assets.
    pub workspace: Vec<Diagnostic>,
    pub locales: locale::LoadDiagnostics,
    /// Message references and templates.
    pub rest: Vec<Diagnostic>,
}

impl LoadDiagnostics {
    pub fn all(&self) -> Vec<Diagnostic> {
        let mut all = self.workspace.clone();
        all.extend(self.locales.all());
        all.extend(self.rest.iter().cloned());
        all
    }
}

/// Loads the inputs of the workspace at `root` whose `pamphlet.toml` is
/// read already, the locales `loading` defers left as stand-ins (no
/// messages; their diagnostics empty until they are read).
pub fn load_from(
    root: &std::path::Path,
    config: ConfigFile,
    locales: &[String],
    loading: Loading,
    kept: Option<Arc<KeptFiles>>,
) -> Result<(Inputs, LoadDiagnostics), WorkspaceError> {
    load_deferring(root, config, locales, kept, |config| {
        loading.deferred(config)
    })
}

/// [`load_from`] with the locales `deferred` marks (given the workspace's
/// configuration) left as stand-ins.
fn load_deferring(
    root: &std::path::Path,
    config: ConfigFile,
    locales: &[String],
    kept: Option<Arc<KeptFiles>>,
    deferred: impl FnOnce(&Config) -> PerLocale<bool>,
) -> Result<(Inputs, LoadDiagnostics), WorkspaceError> {
    let mut phases = Phases::default();
    let t = Instant::now();
    let (mut ws, workspace_diags) = workspace::load_from(root, config)?;
    for tag in locales {
        ws.config.locale_or_pseudo(tag);
    }
    phases.load = t.elapsed();
    let t = Instant::now();
    let (catalog, locale_diags) = locale::load_some(&ws, &deferred(&ws.config), kept)?;
    phases.parse = t.elapsed();
    // A broken source file hides its messages; reporting each use of them as
    // unknown would bury the one error that matters.
    let source_broken = locale_diags.all().iter().any(Diagnostic::is_error);
    let mut diags = LoadDiagnostics {
        workspace: workspace_diags,
        locales: locale_diags,
        rest: Vec::new(),
    };
    let t = Instant::now();
    if !source_broken {
        diags.rest.extend(check_references(&ws, &catalog));
    }
    phases.check = t.elapsed();
    let t = Instant::now();
    let engine = match Engine::load(&ws.root, &ws.templates_dir())? {
        Ok(e) => e,
        Err(d) => {
            diags.rest.push(d);
            Engine::defaults()
        }
    };
    phases.templates = t.elapsed();
    Ok((
        Inputs {
            ws,
            catalog,
            engine,
            phases,
            typesetter: std::sync::OnceLock::new(),
        },
        diags,
    ))
}

/// Every message a campaign names must exist in the source locale.
fn check_references(ws: &Workspace, catalog: &Catalog) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for campaign in &ws.campaigns {
        for text in campaign.texts() {
            if catalog.source_has(&text.msg).is_err() {
                let (message, hint) = unknown_reference(catalog, &text.msg);
                diags.push(
                    Diagnostic::error("message-unknown", message)
                        .at(campaign.file.clone(), text.position, None)
                        .with_hint(hint),
                );
            }
        }
    }
    diags
}

/// What is wrong with a reference the source locale cannot resolve, and how
/// to write what is missing (for an attribute, the `.ftl` syntax).
fn unknown_reference(catalog: &Catalog, msg: &MessageRef) -> (String, String) {
    let source = catalog.tag(catalog.source);
    let message = catalog.locales[catalog.source].bundle.get_message(&msg.id);
    // the hint's continuation lines line up under the text after "  = hint: "
    const INDENT: &str = "              ";
    match (&msg.attr, message) {
        (None, None) => (
            format!("message '{msg}' is missing in the source locale ({source})"),
            format!("define it in a file under locales/{source}/, or fix the id"),
        ),
        (None, Some(m)) => {
            let attrs: Vec<String> = m
                .attributes()
                .map(|a| format!("{}.{}", msg.id, a.id()))
                .collect();
            (
                format!(
                    "message '{msg}' has no value in the source locale ({source}), only attributes"
                ),
                format!(
                    "name one of its attributes ({}), or give it a value in locales/{source}/: {} = Text",
                    attrs.join(", "),
                    msg.id
                ),
            )
        }
        (Some(attr), m) => {
            let id = &msg.id;
            // an existing value stays: `id = …` above the attribute
            let value = if m.as_ref().is_some_and(|m| m.value().is_some()) {
                " …"
            } else {
                ""
            };
            let (message, how) = match m {
                None => (
                    format!(
                        "message '{id}' is missing in the source locale ({source}), so its attribute .{attr} is too"
                    ),
                    format!(
                        "define the message in a file under locales/{source}/, with the attribute on an indented line under it"
                    ),
                ),
                Some(_) => (
                    format!(
                        "message '{id}' has no attribute .{attr} in the source locale ({source})"
                    ),
                    format!(
                        "add the attribute in locales/{source}/ on an indented line under the message"
                    ),
                ),
            };
            (
                message,
                format!("{how}:\n{INDENT}{id} ={value}\n{INDENT}    .{attr} = …"),
            )
        }
    }
}

/// One document to render in one locale.
#[derive(Debug, Clone, Copy)]
pub struct Job<'a> {
    pub campaign: &'a Campaign,
    pub document: &'a Document,
    pub locale: LocaleId,
}

/// Which campaigns and locales to render; empty means all.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub campaigns: Vec<String>,
    pub locales: Vec<String>,
}

/// A filter that names nothing in the workspace (a usage error).
#[derive(Debug, Clone, thiserror::Error)]
pub enum PlanError {
    #[error("--campaign {name}: no such campaign (known: {known})")]
    UnknownCampaign { name: String, known: String },
    #[error("--locale {name}: not a project locale (known: {known}; pseudo-locales: {pseudo})")]
    UnknownLocale {
        name: String,
        known: String,
        pseudo: String,
    },
}

/// The documents to render, in a stable order (campaign, locale, document).
/// Names that match nothing are usage errors.
pub fn plan<'a>(ws: &'a Workspace, filter: &Filter) -> Result<Vec<Job<'a>>, PlanError> {
    for c in &filter.campaigns {
        if !ws.campaigns.iter().any(|k| &k.id == c) {
            let known: Vec<&str> = ws.campaigns.iter().map(|k| k.id.as_str()).collect();
            return Err(PlanError::UnknownCampaign {
                name: c.clone(),
                known: known.join(", "),
            });
        }
    }
    let mut locales = Vec::new();
    for l in &filter.locales {
        match ws.config.locale_index(l) {
            // a locale named twice (`ru`, `RU`) is rendered once
            Some(i) if locales.contains(&i) => {}
            Some(i) => locales.push(i),
            None => {
                let known: Vec<&str> = ws.config.locales.iter().map(|k| k.tag.as_str()).collect();
                return Err(PlanError::UnknownLocale {
                    name: l.clone(),
                    known: known.join(", "),
                    pseudo: crate::workspace::config::PSEUDO_LOCALES.join(", "),
                });
            }
        }
    }
    if locales.is_empty() {
        locales = ws.config.locales.ids().collect();
    }
    let mut jobs = Vec::new();
    for campaign in &ws.campaigns {
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

/// What a rendered (or reused) document leaves behind for the manifest and index.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct DocInfo {
    /// The campaign title in the document's locale.
    pub title: String,
    pub fallbacks: Vec<Fallback>,
    /// What the PDF is (pages, fonts, layout fit), when one was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pdf: Option<PdfFacts>,
    /// A video's cues or an SMS document's messages: timing, segments and
    /// what the checks found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<crate::channel::ChannelFacts>,
}

/// One output of a localized document, before a sink takes it.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub format: Format,
    /// Which of several files of the format this is: a slide's number for
    /// the images of slides; none when the format makes one file.
    pub part: Option<u32>,
    pub bytes: Vec<u8>,
    /// Page count, fonts, layout fit: PDF only.
    pub pdf: Option<PdfFacts>,
    /// A PNG of the first page, for the review page: PDF only.
    pub preview: Option<Vec<u8>>,
}

impl Rendered {
    fn file(format: Format, bytes: Vec<u8>) -> Rendered {
        Rendered {
            format,
            part: None,
            bytes,
            pdf: None,
            preview: None,
        }
    }
}

/// The formats of `formats` that a document of `kind` makes, in order.
pub fn formats_of(kind: Kind, formats: &[Format]) -> Vec<Format> {
    formats
        .iter()
        .copied()
        .filter(|f| kind.formats().contains(f))
        .collect()
}

/// Renders `doc` in each of `formats` (those its kind makes); PDF and the
/// images of slides need `pdf` (the typesetter and the workspace's PDF
/// settings), and are typeset once for both.
fn render_formats(
    engine: &Engine,
    doc: &crate::model::LocalizedDocument,
    channel: Option<&crate::channel::Prepared>,
    formats: &[Format],
    pdf: Option<&PdfStage>,
) -> Result<Vec<Rendered>, Diagnostic> {
    let mut context = None;
    let mut typeset = None;
    let mut out = Vec::new();
    for &format in formats {
        match format {
            Format::Pdf | Format::Png => {
                let compiled = match &mut typeset {
                    Some(made) => &*made,
                    slot @ None => {
                        let stage = pdf.ok_or_else(|| {
                            Diagnostic::error(
                                "pdf",
                                "PDF output was asked for without a typesetter",
                            )
                        })?;
                        &*slot.insert(crate::pdf::render(engine, stage, doc)?)
                    }
                };
                if format == Format::Pdf {
                    out.push(Rendered {
                        pdf: Some(compiled.facts.clone()),
                        preview: compiled.preview.clone(),
                        ..Rendered::file(format, compiled.bytes.clone())
                    });
                } else {
                    // the layout facts come with the images too, so that an
                    // overflowing slide is reported when only images are made
                    out.extend(compiled.pages.iter().zip(1..).map(|(png, n)| Rendered {
                        part: Some(n),
                        pdf: (n == 1).then(|| compiled.facts.clone()),
                        ..Rendered::file(format, png.clone())
                    }));
                }
            }
            Format::Vtt | Format::Srt | Format::Txt if channel.is_some() => {
                let bytes = channel.and_then(|c| c.file(format)).ok_or_else(|| {
                    Diagnostic::error(
                        "channel",
                        format!(
                            "{} documents make no {} file",
                            doc.document.kind.name(),
                            format.extension()
                        ),
                    )
                })?;
                out.push(Rendered::file(format, bytes));
            }
            Format::Vtt | Format::Srt => {
                return Err(Diagnostic::error(
                    "channel",
                    format!("{} documents make no subtitles", doc.document.kind.name()),
                ));
            }
            Format::Html | Format::Txt => {
                let context = match &mut context {
                    Some(made) => &*made,
                    slot @ None => &*slot.insert(render::context(doc)?),
                };
                out.push(Rendered::file(
                    format,
                    render::page(engine, doc, format, context)?,
                ));
            }
        }
    }
    Ok(out)
}

/// A finished document: what it was, and what the sink made of its outputs.
pub struct Done<'a, T> {
    pub job: Job<'a>,
    pub info: DocInfo,
    pub outputs: Vec<T>,
    pub made: Made,
}

/// How a finished document's outputs came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Made {
    /// Localized and rendered.
    Rendered,
    /// Taken from the sink's earlier outputs ([`Sink::reuse`]): unchanged.
    Reused,
    /// Left out of the build's filters and carried over from its previous
    /// output (`build` only).
    Carried,
}

/// Where rendered documents go.
pub trait Sink<'a>: Sync {
    type Output: Send;
    /// Earlier outputs of `job` that are still valid, if the sink keeps any.
    fn reuse(&self, _job: &Job<'a>) -> Option<(DocInfo, Vec<Self::Output>)> {
        None
    }
    /// Whether `job` needs its templates rendered; when not, it is only
    /// localized (which finds every message that cannot be resolved).
    fn wants_render(&self, _job: &Job<'a>) -> bool {
        true
    }
    /// Takes one rendered output of `job`.
    fn take(
        &self,
        job: &Job<'a>,
        info: &DocInfo,
        rendered: &Rendered,
    ) -> Result<Self::Output, Diagnostic>;
}

/// A sink that keeps nothing and renders the templates once per kind of
/// document only (for `check`: the templates are the same for every
/// campaign and locale, the messages are not).
#[derive(Default)]
pub struct Discard {
    rendered: std::sync::Mutex<std::collections::BTreeSet<&'static str>>,
}

impl<'a> Sink<'a> for Discard {
    type Output = ();
    fn wants_render(&self, job: &Job<'a>) -> bool {
        self.rendered
            .lock()
            .map(|mut kinds| kinds.insert(job.document.kind.name()))
            .unwrap_or(true)
    }
    fn take(&self, _: &Job<'a>, _: &DocInfo, _: &Rendered) -> Result<(), Diagnostic> {
        Ok(())
    }
}

/// Counters a progress display can read while rendering runs, and the CPU
/// time spent in each part of it, summed over threads.
#[derive(Debug, Default)]
pub struct Progress {
    /// Documents to render (0 until known).
    pub total: AtomicUsize,
    pub done: AtomicUsize,
    pub render_nanos: AtomicU64,
    pub write_nanos: AtomicU64,
}

impl Progress {
    /// Starts counting again, towards `total` documents.
    pub fn start(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
        self.render_nanos.store(0, Ordering::Relaxed);
        self.write_nanos.store(0, Ordering::Relaxed);
    }

    /// CPU time spent rendering, summed over threads.
    pub fn render_time(&self) -> Duration {
        Duration::from_nanos(self.render_nanos.load(Ordering::Relaxed))
    }

    /// CPU time spent writing (and linking reused outputs), summed over threads.
    pub fn write_time(&self) -> Duration {
        Duration::from_nanos(self.write_nanos.load(Ordering::Relaxed))
    }
}

/// A job rendered, or the diagnostics of why it could not be.
type JobResult<'a, T> = Result<Done<'a, T>, Vec<Diagnostic>>;

/// Localizes and renders every job in parallel; each output goes to `sink`.
/// Results come back in job order; every failing job contributes its diagnostics.
pub fn render_all<'a, S: Sink<'a>>(
    inputs: &View,
    jobs: &[Job<'a>],
    formats: &[Format],
    sink: &S,
    progress: &Progress,
) -> Result<Vec<Done<'a, S::Output>>, Vec<Diagnostic>> {
    // rendered locale by locale, so that a thread keeps resolving in the same
    // bundle (its tables stay in the CPU's caches); results in job order
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| jobs[i].locale);
    let mut rendered: Vec<(usize, JobResult<'a, S::Output>)> = order
        .par_iter()
        .map(|&i| {
            let result = render_one(inputs, &jobs[i], formats, sink, progress);
            progress.done.fetch_add(1, Ordering::Relaxed);
            (i, result)
        })
        .collect();
    rendered.sort_by_key(|(i, _)| *i);
    let results = rendered.into_iter().map(|(_, r)| r);
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

fn render_one<'a, S: Sink<'a>>(
    inputs: &View,
    job: &Job<'a>,
    formats: &[Format],
    sink: &S,
    progress: &Progress,
) -> Result<Done<'a, S::Output>, Vec<Diagnostic>> {
    let t = Instant::now();
    if let Some((info, outputs)) = sink.reuse(job) {
        progress
            .write_nanos
            .fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
        return Ok(Done {
            job: *job,
            info,
            outputs,
            made: Made::Reused,
        });
    }
    let localized = render::localize(
        inputs.catalog,
        job.locale,
        job.campaign,
        job.document,
        inputs.ws,
    )
    .map_err(|e| localize_diagnostics(job, e))?;
    // a video's cues laid out, an SMS document's messages: once, for the
    // files and for the facts, which are measured whatever the formats
    // (`check` reports them too)
    let prepared = crate::channel::prepare(&localized, &inputs.ws.config);
    let channel = prepared.as_ref().map(crate::channel::Prepared::facts);
    // a sink that skips rendering still gets the PDF: its layout is a check
    // (it needs no preview image, though)
    let wants_render = sink.wants_render(job);
    let formats: Vec<Format> = formats_of(job.document.kind, formats)
        .into_iter()
        .filter(|&f| wants_render || f == Format::Pdf)
        .collect();
    let check_only = PdfSettings {
        previews: false,
        ..inputs.ws.config.pdf.clone()
    };
    let stage = formats.iter().any(|f| f.is_typeset()).then(|| PdfStage {
        typesetter: inputs.typesetter(),
        page_images: formats.contains(&Format::Png),
        settings: if wants_render {
            &inputs.ws.config.pdf
        } else {
            &check_only
        },
    });
    let rendered = render_formats(
        inputs.engine,
        &localized,
        prepared.as_ref(),
        &formats,
        stage.as_ref(),
    )
    .map_err(|d| vec![d])?;
    let info = DocInfo {
        title: localized.title,
        fallbacks: localized.fallbacks,
        pdf: rendered.iter().find_map(|r| r.pdf.clone()),
        channel,
    };
    let t_write = Instant::now();
    progress
        .render_nanos
        .fetch_add((t_write - t).as_nanos() as u64, Ordering::Relaxed);
    let outputs = rendered
        .iter()
        .map(|r| sink.take(job, &info, r).map_err(|e| vec![e]))
        .collect::<Result<Vec<_>, _>>()?;
    progress
        .write_nanos
        .fetch_add(t_write.elapsed().as_nanos() as u64, Ordering::Relaxed);
    Ok(Done {
        job: *job,
        info,
        outputs,
        made: Made::Rendered,
    })
}

/// The warnings of every finished document, in job order: the layout fit
/// of PDFs and slides (`pdf-overflow`), a brochure's blank pages
/// (`pdf-blank-page`, info), then the subtitle and SMS checks.
pub fn document_diagnostics<'d, 'a: 'd, T: 'd>(
    catalog: &Catalog,
    done: impl IntoIterator<Item = &'d Done<'a, T>>,
) -> Vec<Diagnostic> {
    done.into_iter()
        .flat_map(|d| {
            let tag = catalog.tag(d.job.locale);
            let overflows = d.info.pdf.as_ref().map_or(&[][..], |p| &p.overflows[..]);
            let fit = overflows
                .iter()
                .map(move |o| crate::pdf::fit::diagnostic(d.job.campaign, d.job.document, tag, o));
            let blank = d
                .info
                .pdf
                .as_ref()
                .filter(|p| p.blank_pages > 0)
                .map(move |p| {
                    crate::pdf::fit::blank_pages(d.job.campaign, d.job.document, tag, p.blank_pages)
                });
            let channel = d
                .info
                .channel
                .iter()
                .flat_map(move |c| c.diagnostics(d.job.campaign, d.job.document, tag));
            fit.chain(blank).chain(channel)
        })
        .collect()
}

fn localize_diagnostics(job: &Job, e: render::LocalizeError) -> Vec<Diagnostic> {
    e.failures
        .into_iter()
        .map(|(err, text)| {
            let hint = format!("fix the message in the source locale: {}", err.hint);
            Diagnostic::error("message-unresolved", err.to_string())
                .at(
                    job.campaign.file.clone(),
                    text.position,
                    job.campaign.snippet(text.position.line),
                )
                .with_hint(hint)
        })
        .collect()
}
