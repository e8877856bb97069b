//! `pamphlet build`: runs [`crate::build::Build`] and prints what it reports.

use std::path::Path;
use std::time::{Duration, Instant};

use super::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Reporter, plural, progress, skip_teardown};
use crate::build::{
    Build, BuildError, BuildOptions, End, Finished, FontsFound, Outcome, Report, Stop, Strict,
    Unchanged,
};
use crate::cli::BuildArgs;
use crate::output::cache::Summary;
use crate::pipeline::Progress;

pub fn run(root: &Path, args: &BuildArgs, rep: &Reporter) -> u8 {
    let started = Instant::now();
    let mut build = Build::new(
        root,
        BuildOptions {
            campaigns: args.campaigns.clone(),
            locales: args.locales.clone(),
            formats: args.formats.clone(),
            out: args.out.clone(),
            strict: args.strict,
            skip_typeset: false,
        },
    );
    let progress = Progress::default();
    let outcome = progress::show_while(rep, &progress, || build.run(&progress));
    let code = match outcome {
        Err(BuildError::Workspace(e)) => rep.workspace_error(e),
        Err(e @ BuildError::Filter(_)) => {
            rep.error(&e.to_string());
            EXIT_USAGE
        }
        Ok(Outcome::Unchanged(unchanged)) => print_unchanged(rep, &unchanged, started),
        Ok(Outcome::Ran(mut report)) => {
            // the previous output is gone before the build's time is printed
            drop(report.take_retired());
            print_report(rep, &report, started)
        }
    };
    skip_teardown(build);
    code
}

/// Repeats the report of the build that made the output.
fn print_unchanged(rep: &Reporter, u: &Unchanged, started: Instant) -> u8 {
    // a warning is stored as rendered, with its closing newline: printed
    // as it is, it stands apart from what follows as in the build that made it
    for line in &u.summary.report {
        rep.info(line);
    }
    if let Some(strict) = u.refused {
        return refuse(rep, strict, &u.out);
    }
    rep.detail("phases: no input changed since the last build; out/ left as it was");
    let extra = ", nothing changed since the last build";
    rep.info(&summary_line(&u.summary, started, extra, &u.out));
    EXIT_OK
}

pub(super) fn print_report(rep: &Reporter, r: &Report, started: Instant) -> u8 {
    rep.diagnostics(&r.load);
    rep.diagnostics(&r.render);
    rep.diagnostics(&r.checks);
    rep.diagnostics(&r.copies);
    for group in &r.fallbacks {
        rep.info(&group.line);
        for f in &group.fallbacks {
            rep.detail(&format!("  {}", f.detail()));
        }
    }
    match &r.end {
        End::Written(finished) => {
            print_finished(rep, finished, started, &r.out);
            EXIT_OK
        }
        End::Stopped(stop) => print_stop(rep, stop, &r.out),
    }
}

fn print_stop(rep: &Reporter, stop: &Stop, out: &Path) -> u8 {
    let errors = |n| plural(n, "error", "errors");
    let (line, code) = match stop {
        Stop::Inputs { errors: n } => (format!("{}; nothing was built", errors(*n)), EXIT_CONTENT),
        Stop::Render { errors: n } => {
            let line = format!(
                "{} while rendering; {} left unchanged",
                errors(*n),
                out.display()
            );
            (line, EXIT_CONTENT)
        }
        Stop::Strict(strict) => return refuse(rep, *strict, out),
        Stop::Target(e) => (e.to_string(), EXIT_USAGE),
        Stop::Output(e) => (e.to_string(), EXIT_CONTENT),
        Stop::Index(d) => {
            rep.diagnostics(std::slice::from_ref(d));
            return EXIT_CONTENT;
        }
    };
    rep.error(&line);
    code
}

fn refuse(rep: &Reporter, s: Strict, out: &Path) -> u8 {
    rep.error(&format!(
        "--strict: {} and {}; {} left unchanged",
        plural(s.fallbacks, "fallback", "fallbacks"),
        plural(s.warnings, "warning", "warnings"),
        out.display()
    ));
    EXIT_CONTENT
}

fn print_finished(rep: &Reporter, f: &Finished, started: Instant, out: &Path) {
    let (t, p) = (&f.timings, &f.timings.phases);
    let secs = |d: Duration| format!("{:.3} s", d.as_secs_f64());
    let [load, parse, check, templates] = [p.load, p.parse, p.check, p.templates].map(secs);
    let [render, render_cpu, write_cpu, finish] =
        [t.render, t.render_cpu, t.write_cpu, t.finish].map(secs);
    let (documents, reused) = (plural(f.rendered, "document", "documents"), f.reused);
    let threads = plural(f.threads, "thread", "threads");
    rep.detail(&format!(
        "phases: load {load}, parse {parse}, check {check}, templates {templates}, render+write {render} (CPU: render {render_cpu}, write {write_cpu}), finish {finish}; {documents} rendered, {reused} reused, on {threads}"
    ));
    if let Some(FontsFound {
        workspace,
        system,
        builtin,
        took,
    }) = f.fonts
    {
        let took = secs(took);
        rep.detail(&format!("fonts: {workspace} from fonts/, {system} from the system, {builtin} built in, found in {took}"));
    }
    let mut extra = String::new();
    if reused > 0 {
        extra += &format!(
            ", {reused} of {} unchanged",
            plural(f.rendered + reused, "document", "documents")
        );
    }
    if f.carried + f.dropped > 0 {
        let carried = plural(f.carried, "file", "files");
        extra += &format!(
            ", {carried} carried over, {} dropped as out of date",
            f.dropped
        );
    }
    rep.info(&summary_line(&f.summary, started, &extra, out));
}

/// `built 48 files (3 campaigns × 8 locales), 0 fallbacks, 0 warnings in 0.03 s → out`
fn summary_line(s: &Summary, started: Instant, extra: &str, out: &Path) -> String {
    format!(
        "built {} ({} × {}), {}, {} in {:.2} s{extra} → {}",
        plural(s.files, "file", "files"),
        plural(s.campaigns, "campaign", "campaigns"),
        plural(s.locales, "locale", "locales"),
        plural(s.fallbacks, "fallback", "fallbacks"),
        plural(s.warnings, "warning", "warnings"),
        started.elapsed().as_secs_f64(),
        out.display()
    )
}
