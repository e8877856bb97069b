//! Subcommands: each drives the pipeline stages and turns their outcome into
//! printed diagnostics and an exit code. This is the edge where typed errors
//! become text; nothing below it prints.

pub mod add_locale;
pub mod build;
pub mod check;
pub mod export;
pub mod format;
pub mod import;
pub mod init;
pub mod new;
mod progress;
pub mod review;
pub mod serve;
pub mod status;

use std::io::Write;

use crate::cli::{Cli, Command};
use crate::diagnostics::{self, Diagnostic};
use crate::workspace::WorkspaceError;

pub use crate::diagnostics::plural;

/// Success.
pub const EXIT_OK: u8 = 0;
/// Content problems: a failed check or a build that could not render.
pub const EXIT_CONTENT: u8 = 1;
/// Bad usage or an unreadable workspace.
pub const EXIT_USAGE: u8 = 2;

/// Runs one command line and returns the process exit code.
pub fn run(cli: Cli) -> u8 {
    let rep = Reporter {
        quiet: cli.quiet,
        verbose: cli.verbose,
        show_info: matches!(cli.command, Command::Check(_)),
    };
    if let Some(jobs) = cli.jobs
        && let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(jobs))
            .build_global()
    {
        rep.error(&format!("--jobs {jobs}: {e}"));
        return EXIT_USAGE;
    }
    match &cli.command {
        Command::Build(args) => build::run(&cli.root, args, &rep),
        Command::Check(args) => check::run(&cli.root, args, &rep),
        Command::Status(args) => status::run(&cli.root, args, &rep),
        Command::Review(args) => review::run(&cli.root, args, &rep),
        Command::Format(args) => format::run(&cli.root, args, &rep),
        Command::Init(args) => init::run(args, &rep),
        Command::New(args) => new::run(&cli.root, args, &rep),
        Command::AddLocale(args) => add_locale::run(&cli.root, args, &rep),
        Command::Export(args) => export::run(&cli.root, args, &rep),
        Command::Import(args) => import::run(&cli.root, args, &rep),
        Command::Serve(args) => serve::run(&cli.root, args, &rep),
        Command::Licences => {
            print!("{}", crate::icons::LICENCES);
            EXIT_OK
        }
    }
}

/// Prints to stderr, honouring `-q` and `-v`.
pub struct Reporter {
    pub quiet: bool,
    pub verbose: bool,
    /// Print info-level diagnostics without `-v` (set by `check`).
    pub show_info: bool,
}

impl Reporter {
    /// Prints diagnostics sorted by file and position; warnings are skipped with `-q`.
    pub fn diagnostics(&self, diags: &[Diagnostic]) {
        let mut sorted = diags.to_vec();
        diagnostics::sort(&mut sorted);
        let stderr = std::io::stderr();
        let mut err = stderr.lock();
        for d in sorted.iter().filter(|d| d.is_error() || !self.quiet) {
            if d.severity == crate::diagnostics::Severity::Info && !self.verbose && !self.show_info
            {
                continue;
            }
            let _ = writeln!(err, "{}", d.render());
        }
    }

    /// A line of progress or summary; hidden with `-q`.
    pub fn info(&self, line: &str) {
        if !self.quiet {
            eprintln!("{line}");
        }
    }

    /// A detail shown only with `-v`.
    pub fn detail(&self, line: &str) {
        if self.verbose && !self.quiet {
            eprintln!("{line}");
        }
    }

    /// An error line, always shown.
    pub fn error(&self, line: &str) {
        eprintln!("error: {line}");
    }

    /// A warning line about what a command left undone; always shown, as
    /// the exit code depends on it.
    pub fn warning(&self, line: &str) {
        eprintln!("warning: {line}");
    }

    /// Reports a workspace that cannot be used at all; returns exit code 2.
    pub fn workspace_error(&self, e: WorkspaceError) -> u8 {
        match e {
            WorkspaceError::Config(diags) => {
                self.diagnostics(&diags);
                self.error("pamphlet.toml is invalid; nothing was built");
            }
            other => self.error(&other.to_string()),
        }
        EXIT_USAGE
    }
}

/// Counts errors and warnings (infos are neither).
pub fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags
        .iter()
        .filter(|d| d.severity == crate::diagnostics::Severity::Warning)
        .count();
    (errors, warnings)
}

/// Ends a command's use of `value` without freeing it. Only for the last
/// thing a command does before the process exits: freeing a loaded catalog's
/// many small allocations one by one would only delay the exit (about a
/// tenth of a second at national scale), and the operating system takes the
/// memory back at once. The library never does this, so a caller that runs
/// many builds in one process (a preview server) frees as usual.
pub fn skip_teardown<T>(value: T) {
    std::mem::forget(value);
}
