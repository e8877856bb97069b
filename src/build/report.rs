//! What a build tells its caller: typed, owned, in the order a reader should
//! see it. The caller prints it (`cmd/build.rs`) and picks the exit code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::diagnostics::{self, Diagnostic, Severity, plural};
use crate::locale::Fallback;
use crate::output::cache::Summary;
use crate::output::{OutputError, Retired, TargetError};
use crate::pdf::Typesetter;
use crate::pipeline::Phases;

/// What [`super::Build::run`] did.
#[derive(Debug)]
pub enum Outcome {
    /// No input changed since the build that made the output folder: it was
    /// left as it was.
    Unchanged(Unchanged),
    /// The build ran; [`Report::end`] says whether it replaced the output folder.
    Ran(Box<Report>),
}

#[derive(Debug)]
pub struct Unchanged {
    pub out: PathBuf,
    /// What the build that made the output reported.
    pub summary: Summary,
    /// Set when `--strict` refuses that build's fallbacks or warnings.
    pub refused: Option<Strict>,
}

/// A build that ran, whether or not it replaced the output folder.
#[derive(Debug)]
pub struct Report {
    pub out: PathBuf,
    /// Problems in the inputs, found while loading.
    pub load: Vec<Diagnostic>,
    /// Why documents could not be rendered.
    pub render: Vec<Diagnostic>,
    /// The warnings of the finished documents: layout fit of PDFs and
    /// slides (`pdf-overflow`), subtitle timing and SMS length.
    pub checks: Vec<Diagnostic>,
    /// The untranslated copies the documents print (`untranslated`).
    pub copies: Vec<Diagnostic>,
    /// The fallbacks the documents asked for used, by locale.
    pub fallbacks: Vec<FallbackGroup>,
    pub end: End,
}

impl Report {
    /// The previous output folder this build replaced, for the caller to
    /// remove when it chooses; `None` when the build stopped.
    pub fn take_retired(&mut self) -> Option<Retired> {
        match &mut self.end {
            End::Written(finished) => Some(finished.retired.take()),
            End::Stopped(_) => None,
        }
    }
}

#[derive(Debug)]
pub enum End {
    /// The output folder holds the new tree.
    Written(Finished),
    /// The output folder was left as it was.
    Stopped(Stop),
}

/// Why a build left the output folder as it was.
#[derive(Debug)]
pub enum Stop {
    /// Errors in the inputs: nothing was rendered.
    Inputs { errors: usize },
    /// The output folder would replace the workspace or its sources.
    Target(TargetError),
    /// The output folder could not be locked, prepared, written or swapped.
    Output(OutputError),
    /// Documents failed to render ([`Report::render`]).
    Render { errors: usize },
    /// `--strict`, and the build had fallbacks or warnings.
    Strict(Strict),
    /// The review page's template failed.
    Index(Diagnostic),
}

/// What `--strict` refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Strict {
    pub fallbacks: usize,
    pub warnings: usize,
}

impl Strict {
    /// The refusal, when `strict` and there is anything to refuse.
    pub fn refuses(strict: bool, fallbacks: usize, warnings: usize) -> Option<Strict> {
        (strict && (fallbacks > 0 || warnings > 0)).then_some(Strict {
            fallbacks,
            warnings,
        })
    }
}

/// A build that replaced the output folder.
#[derive(Debug)]
pub struct Finished {
    pub summary: Summary,
    /// Documents asked for that were rendered, and reused unchanged.
    pub rendered: usize,
    pub reused: usize,
    /// Files outside the build's filters carried over from the previous
    /// output (inputs unchanged), and dropped from it (inputs changed).
    pub carried: usize,
    pub dropped: usize,
    pub timings: Timings,
    /// Render threads.
    pub threads: usize,
    /// The fonts PDF output found, when a document needed them.
    pub fonts: Option<FontsFound>,
    /// The previous output folder, removed when this is dropped. A `Build`
    /// that keeps things between runs keeps it instead, for its next run to
    /// stage into ([`super::Build::keeping_between_runs`]), and leaves
    /// nothing here.
    pub retired: Retired,
}

/// Where a build's time went.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    /// Loading, stage by stage.
    pub phases: Phases,
    /// Rendering and writing, wall time.
    pub render: Duration,
    /// CPU time of rendering and of writing, summed over threads.
    pub render_cpu: Duration,
    pub write_cpu: Duration,
    /// The manifest, the index, the cache and the swap.
    pub finish: Duration,
}

/// The font faces PDF output found, by origin, and how long the search took.
#[derive(Debug, Clone, Copy)]
pub struct FontsFound {
    pub workspace: usize,
    pub system: usize,
    pub builtin: usize,
    pub took: Duration,
}

impl FontsFound {
    pub fn of(t: &Typesetter) -> FontsFound {
        let (workspace, system, builtin) = t.fonts.counts;
        FontsFound {
            workspace,
            system,
            builtin,
            took: t.load_time,
        }
    }
}

/// One locale's fallbacks, with the line that sums them up.
#[derive(Debug, Clone)]
pub struct FallbackGroup {
    /// `fallback: ru took 2 messages from en (…)`.
    pub line: String,
    /// Sorted.
    pub fallbacks: Vec<Fallback>,
}

impl FallbackGroup {
    /// The distinct fallbacks among `all`, by locale.
    pub fn of<'f>(all: impl IntoIterator<Item = &'f Fallback>) -> Vec<FallbackGroup> {
        let all: BTreeSet<&Fallback> = all.into_iter().collect();
        let mut by_locale: BTreeMap<&str, Vec<Fallback>> = BTreeMap::new();
        for f in all {
            by_locale.entry(&f.locale).or_default().push(f.clone());
        }
        by_locale
            .into_iter()
            .map(|(locale, fallbacks)| {
                let used: BTreeSet<&str> = fallbacks.iter().map(|f| f.used.as_str()).collect();
                let used: Vec<&str> = used.into_iter().collect();
                let line = format!(
                    "fallback: {locale} took {} from {} (-v lists them; out/manifest.json records them)",
                    plural(fallbacks.len(), "message", "messages"),
                    used.join(", "),
                );
                FallbackGroup { line, fallbacks }
            })
            .collect()
    }
}

impl Report {
    /// A report that ends with `stop` after loading.
    pub(super) fn stopped(out: &Path, load: Vec<Diagnostic>, stop: Stop) -> Report {
        Report {
            out: out.to_path_buf(),
            load,
            render: Vec::new(),
            checks: Vec::new(),
            copies: Vec::new(),
            fallbacks: Vec::new(),
            end: End::Stopped(stop),
        }
    }

    /// The lines a build with nothing to do repeats: every warning, then the
    /// fallback lines (without `-v` details).
    pub fn lines(&self) -> Vec<String> {
        let mut warned: Vec<Diagnostic> = self
            .load
            .iter()
            .chain(&self.checks)
            .chain(&self.copies)
            .filter(|d| d.severity == Severity::Warning)
            .cloned()
            .collect();
        diagnostics::sort(&mut warned);
        let mut lines: Vec<String> = warned.iter().map(Diagnostic::render).collect();
        lines.extend(self.fallbacks.iter().map(|g| g.line.clone()));
        lines
    }
}
