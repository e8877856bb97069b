//! The build: everything `pamphlet build` does, as one library call that
//! returns what happened, for `cmd/build.rs` to print. The same [`Build`]
//! can run again and again on one workspace (a preview server's rebuild on
//! every save): nothing here assumes one build per process, prints or exits.
//!
//! [`Build::run`] reads as the build in one place. Its steps each return a
//! typed value: [`Project::open`] (`pamphlet.toml` read once, the output
//! folder, the previous build's cache, every input hashed) → load
//! ([`pipeline::load_from`]) → [`Plan::new`] → [`render::run`] (locale wave by
//! wave, [`waves`]) → [`finish`] (the manifest, the index and the cache, by
//! [`crate::output`], which alone writes `out/`).

mod columns;
mod plan;
mod project;
mod render;
mod report;
mod sink;
mod waves;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use plan::{Plan, Planned, Role};
pub use project::Project;
pub use report::{
    End, FallbackGroup, Finished, FontsFound, Outcome, Report, Stop, Strict, Timings, Unchanged,
};
pub use waves::{Wave, Waves};

use crate::diagnostics::{self, Severity};
use crate::locale::kept::KeptFiles;
use crate::output::cache::{Cache, Summary};
use crate::output::{self, FinishError, OutputFile, Retired, Staging, Tree};
use crate::pipeline::{self, Done, Inputs, LoadDiagnostics, Loading, Made, PlanError, Progress};
use crate::render::Engine;
use crate::workspace::{Format, WorkspaceError};
use columns::KeptColumns;
use sink::Target;

/// What a build is asked for (the command line's `build` options).
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Campaign ids; empty: every campaign.
    pub campaigns: Vec<String>,
    /// Locale tags (pseudo-locales among them are generated); empty: every locale.
    pub locales: Vec<String>,
    /// Empty: the project's formats.
    pub formats: Vec<Format>,
    /// The output folder; `None`: the project's.
    pub out: Option<PathBuf>,
    /// Every fallback and warning fails the build.
    pub strict: bool,
    /// Leave out the typeset formats (PDF, slide images): a quick pass
    /// whose pages a preview can show while the PDFs are made.
    pub skip_typeset: bool,
}

impl BuildOptions {
    /// The options that shape the output, for the inputs hash (not
    /// `strict`, which only decides whether a finished build counts).
    fn shape(&self) -> String {
        format!(
            "formats={:?} campaigns={:?} locales={:?} skip_typeset={}",
            self.formats, self.campaigns, self.locales, self.skip_typeset
        )
    }

    /// The formats rendered: the asked ones or the project's, sorted, once each.
    fn formats_or(&self, project: &[Format]) -> Vec<Format> {
        let mut formats = if self.formats.is_empty() {
            project.to_vec()
        } else {
            self.formats.clone()
        };
        formats.sort();
        formats.dedup();
        if self.skip_typeset {
            formats.retain(|f| !f.is_typeset());
        }
        formats
    }
}

/// A build stopped before it could say anything about the content.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The workspace cannot be used at all (exit code 2).
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    /// A filter names nothing in the workspace (exit code 2).
    #[error(transparent)]
    Filter(#[from] PlanError),
}

/// One workspace's build, to run once or many times.
pub struct Build {
    root: PathBuf,
    options: BuildOptions,
    /// What the last run loaded. Kept with the `Build` rather than freed at
    /// the end of [`Build::run`], so that a command about to exit can skip
    /// freeing it (`cmd::skip_teardown`); the next run frees it first.
    loaded: Option<Inputs>,
    /// What the last run left for the next.
    between: Between,
}

/// What a [`Build`] that runs again and again keeps from one run to the next
/// ([`Build::keeping_between_runs`]).
#[derive(Default)]
struct Between {
    /// The tree the last run's swap replaced, for the next run to stage
    /// into ([`Staging::begin_reusing`]).
    spare: Option<Retired>,
    /// The parsed `.ftl` files.
    files: Option<Arc<KeptFiles>>,
    /// The review page's status columns.
    columns: Option<KeptColumns>,
}

/// How far one attempt at a build got.
enum Attempt {
    /// Every document was rendered: what follows does not depend on how the
    /// translations were loaded.
    Rendered(Result<Report, BuildError>),
    /// It stopped earlier (a problem in the inputs or the output folder, a
    /// failing document).
    Stopped(Result<Report, BuildError>),
}

impl Build {
    pub fn new(root: &Path, options: BuildOptions) -> Build {
        Build {
            root: root.to_path_buf(),
            options,
            loaded: None,
            between: Between::default(),
        }
    }

    /// The options the next run builds with.
    pub fn options_mut(&mut self) -> &mut BuildOptions {
        &mut self.options
    }

    /// Keeps the parsed `.ftl` files from run to run, so that a run parses
    /// again only the files whose text changed; the review page's status
    /// columns, so that a run works out again only those of the locales
    /// whose inputs changed ([`columns`]); and the tree each run's swap
    /// replaced, which the next run uses as its staging folder instead of
    /// an empty one ([`Staging::begin_reusing`]), so that a run that
    /// changes a few files of thousands writes a few (the tree is removed
    /// when the `Build` is dropped, or when the next run cannot use it; the
    /// run's report then holds no [`Report::take_retired`]). For a caller
    /// that builds the same workspace many times (`pamphlet serve`). It
    /// holds every locale's parsed files in memory between runs, which a
    /// single build that streams its locales does not.
    pub fn keeping_between_runs(mut self) -> Build {
        self.between.files = Some(Arc::new(KeptFiles::new(crate::incremental::file_hash)));
        self.between.columns = Some(KeptColumns::default());
        self
    }

    /// Builds the output folder (or finds it up to date); `progress` counts
    /// the documents as they are done.
    pub fn run(&mut self, progress: &Progress) -> Result<Outcome, BuildError> {
        self.loaded = None;
        let project = Project::open(
            &self.root,
            &self.options.shape(),
            self.options.out.as_deref(),
        )?;
        if let Some(summary) = project.unchanged() {
            let spare = self.between.spare.as_ref().and_then(Retired::path);
            output::sweep(&project.out, spare);
            return Ok(Outcome::Unchanged(Unchanged {
                out: project.out.clone(),
                refused: Strict::refuses(self.options.strict, summary.fallbacks, summary.warnings),
                summary: summary.clone(),
            }));
        }
        // only a run that loads says which files it still needs: one that
        // finds out/ up to date (or stops before) asks for none, and would
        // have the next run parse every file again
        if let Some(kept) = &self.between.files {
            kept.next_build(&project.hashes.files);
        }
        // Streamed first. A streamed attempt that stops before every document
        // is rendered knows only the locales it reached: it is set aside
        // unreported, and the build runs again with every locale loaded up
        // front, so that what a failing build reports does not depend on
        // the streaming.
        let report = match self.attempt(&project, Loading::Streamed, progress) {
            Attempt::Rendered(report) => report,
            Attempt::Stopped(_) => match self.attempt(&project, Loading::Eager, progress) {
                Attempt::Rendered(report) | Attempt::Stopped(report) => report,
            },
        };
        report.map(|r| Outcome::Ran(Box::new(r)))
    }

    /// One attempt: load with `loading`, then [`steps`].
    fn attempt(&mut self, project: &Project, loading: Loading, progress: &Progress) -> Attempt {
        // an earlier attempt's inputs are freed before these are read
        self.loaded = None;
        let loaded = pipeline::load_from(
            &project.root,
            project.config.clone(),
            &self.options.locales,
            loading,
            self.between.files.clone(),
        );
        let (mut inputs, diags) = match loaded {
            Ok(x) => x,
            Err(e) => return Attempt::Stopped(Err(e.into())),
        };
        let attempt = steps(
            &mut inputs,
            diags,
            project,
            &self.options,
            loading,
            progress,
            &mut self.between,
        );
        self.loaded = Some(inputs);
        attempt
    }
}

/// Plan, render and finish a build whose inputs are loaded; the spare tree
/// of `between` is taken for the staging folder once the build gets that
/// far.
fn steps(
    inputs: &mut Inputs,
    mut load: LoadDiagnostics,
    project: &Project,
    options: &BuildOptions,
    loading: Loading,
    progress: &Progress,
    between: &mut Between,
) -> Attempt {
    let out = &project.out;
    let stopped =
        |load: &LoadDiagnostics, stop| Attempt::Stopped(Ok(Report::stopped(out, load.all(), stop)));
    let Inputs {
        ws,
        catalog,
        engine,
        phases,
        typesetter,
    } = inputs;
    let formats = options.formats_or(&ws.config.formats);
    let plan = match Plan::new(ws, catalog, options, formats, &project.previous) {
        Ok(plan) => plan,
        Err(e) => return Attempt::Stopped(Err(e.into())),
    };
    if let Some(errors) = errors_in(&load) {
        return stopped(&load, Stop::Inputs { errors });
    }
    if let Some(e) = &project.refused {
        return stopped(&load, Stop::Target(e.clone()));
    }
    let staging = match Staging::begin_reusing(out, between.spare.take()) {
        Ok(s) => s,
        Err(e) => return stopped(&load, Stop::Output(e)),
    };

    let stage = render::Stage {
        ws,
        catalog,
        engine,
        typesetter,
        parse_time: &mut phases.parse,
        load: &mut load,
    };
    let target = Target {
        staging: &staging,
        out,
        previous: &project.previous,
    };
    let files = &project.hashes.files;
    let columns = between.columns.as_ref().map(|kept| render::Columns {
        kept,
        config: &project.config.text,
    });
    let rendered = match render::run(stage, &plan, loading, &target, files, progress, columns) {
        Ok(r) => r,
        Err(render::Failed::Documents(diags)) => {
            let errors = diags.iter().filter(|d| d.is_error()).count();
            let mut report = Report::stopped(out, load.all(), Stop::Render { errors });
            report.render = diags;
            return Attempt::Stopped(Ok(report));
        }
        Err(render::Failed::Unreadable(e)) => return Attempt::Stopped(Err(e.into())),
    };
    // a streamed build learns of its streamed locales' problems only now
    if let Some(errors) = errors_in(&load) {
        return stopped(&load, Stop::Inputs { errors });
    }
    let finishing = Finishing {
        tree: Tree {
            ws,
            catalog,
            documents: &rendered.documents,
            status: &rendered.status,
        },
        rendered: &rendered,
        formats: &plan.formats,
        project,
        strict: options.strict,
        engine,
        timings: Timings {
            phases: phases.clone(),
            render: rendered.wall,
            render_cpu: progress.render_time(),
            write_cpu: progress.write_time(),
            finish: Duration::ZERO,
        },
        fonts: typesetter.get().map(FontsFound::of),
    };
    let mut report = Report::stopped(out, load.all(), Stop::Inputs { errors: 0 });
    report.end = finish(finishing, staging, &mut report);
    // a `Build` that keeps things for its next run keeps the replaced tree
    if between.files.is_some()
        && let Some(retired) = report.take_retired()
    {
        between.spare = Some(retired);
    }
    Attempt::Rendered(Ok(report))
}

/// The number of errors among the diagnostics of loading, if any.
fn errors_in(load: &LoadDiagnostics) -> Option<usize> {
    let errors = load.all().iter().filter(|d| d.is_error()).count();
    (errors > 0).then_some(errors)
}

/// What the last step works from: the rendered tree and how it came to be.
struct Finishing<'f, 'a> {
    tree: Tree<'f, 'a>,
    rendered: &'f render::Rendered<'a>,
    /// The formats rendered.
    formats: &'f [Format],
    project: &'f Project,
    strict: bool,
    engine: &'f Engine,
    timings: Timings,
    fonts: Option<FontsFound>,
}

/// The last step: the fallbacks and warnings of the documents asked for go
/// into `report`; then `--strict` decides, and the manifest, the index and
/// the cache are written and the staging folder swapped into place.
fn finish(f: Finishing, staging: Staging, report: &mut Report) -> End {
    let started = Instant::now();
    // the documents asked for (the others were carried over as they were)
    let built: Vec<&Done<OutputFile>> = f
        .tree
        .documents
        .iter()
        .filter(|d| d.made != Made::Carried)
        .collect();
    report.checks = pipeline::document_diagnostics(f.tree.catalog, built.iter().copied());
    report.copies = f.rendered.copies.clone();
    diagnostics::sort(&mut report.copies);
    report.fallbacks = FallbackGroup::of(built.iter().flat_map(|d| &d.info.fallbacks));
    let fallbacks = report.fallbacks.iter().map(|g| g.fallbacks.len()).sum();
    let warnings = report
        .load
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count()
        + report
            .checks
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
        + report.copies.len();
    if let Some(strict) = Strict::refuses(f.strict, fallbacks, warnings) {
        return End::Stopped(Stop::Strict(strict));
    }

    let summary = Summary {
        report: report.lines(),
        fallbacks,
        warnings,
        files: built
            .iter()
            .flat_map(|d| &d.outputs)
            .filter(|file| f.formats.contains(&file.format))
            .count(),
        campaigns: count_distinct(built.iter().map(|d| d.job.campaign.id.as_str())),
        locales: count_distinct(built.iter().map(|d| d.job.locale)),
        documents: built.len(),
    };
    let rendered = f.rendered;
    let cache = || {
        let hash = &f.project.hashes.all;
        Cache::assemble(&f.tree, &rendered.prints, hash, &rendered.fonts, &summary)
    };
    let retired = match output::finish(staging, &f.tree, f.engine, cache) {
        Ok(retired) => retired,
        Err(FinishError::Index(d)) => return End::Stopped(Stop::Index(d)),
        Err(FinishError::Output(e)) => return End::Stopped(Stop::Output(e)),
    };
    let reused = built.iter().filter(|d| d.made == Made::Reused).count();
    End::Written(Finished {
        rendered: built.len() - reused,
        reused,
        carried: rendered.carried.files,
        dropped: rendered.carried.dropped,
        timings: Timings {
            finish: started.elapsed(),
            ..f.timings
        },
        threads: rayon::current_num_threads(),
        fonts: f.fonts,
        summary,
        retired,
    })
}

fn count_distinct<T: Ord>(items: impl Iterator<Item = T>) -> usize {
    items.collect::<std::collections::BTreeSet<T>>().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_that_finds_the_output_up_to_date_keeps_the_parsed_files() {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
        let tmp = tempfile::tempdir().unwrap();
        for entry in walkdir::WalkDir::new(&fixture).into_iter().flatten() {
            let to = tmp
                .path()
                .join(entry.path().strip_prefix(&fixture).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(to).unwrap();
            } else {
                std::fs::copy(entry.path(), to).unwrap();
            }
        }
        let options = BuildOptions {
            formats: vec![Format::Html],
            ..BuildOptions::default()
        };
        let mut build = Build::new(tmp.path(), options).keeping_between_runs();
        let progress = Progress::default();
        let en = "locales/en/notice.ftl";
        let kept_en = |build: &Build| build.between.files.as_ref().unwrap().resource(en).unwrap();
        assert!(matches!(build.run(&progress), Ok(Outcome::Ran(_))));
        let parsed = kept_en(&build);
        assert!(matches!(build.run(&progress), Ok(Outcome::Unchanged(_))));
        // an edit of another locale after the run that found nothing to do
        let ru = tmp.path().join("locales/ru/notice.ftl");
        let text = std::fs::read_to_string(&ru).unwrap();
        std::fs::write(&ru, text + "\n# edited\n").unwrap();
        assert!(matches!(build.run(&progress), Ok(Outcome::Ran(_))));
        // the source's file was not parsed again
        assert!(Arc::ptr_eq(&parsed, &kept_en(&build)));
    }
}
