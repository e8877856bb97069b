//! `pamphlet serve`: runs [`crate::serve::serve`] and prints what it
//! reports, each build as `pamphlet build` prints it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Reporter, build::print_report, plural};
use crate::build::{BuildError, Outcome};
use crate::cli::ServeArgs;
use crate::serve::{self, Notice, ServeError, ServeOptions};
use crate::workspace::WorkspaceError;

pub fn run(root: &Path, args: &ServeArgs, rep: &Reporter) -> u8 {
    let options = ServeOptions {
        bind: args.bind,
        port: args.port,
        debounce: Duration::from_millis(args.debounce),
    };
    if !args.bind.is_loopback() {
        rep.warning(&format!(
            "--bind {}: the preview can be reached by other machines of your network; it is meant for this one",
            args.bind
        ));
    }
    let mut notice = |n: Notice| match n {
        Notice::Listening { url } => {
            rep.info(&format!(
                "serving {url} (the review page); pages reload when you save; Ctrl-C stops"
            ));
            if args.open
                && let Err(e) = serve::open_browser(url)
            {
                rep.warning(&format!("--open: cannot start a browser ({e}); open {url}"));
            }
        }
        Notice::Changed { paths } => rep.info(&changed_line(paths)),
        Notice::Built {
            result,
            started,
            changed,
        } => {
            match result {
                Ok(Outcome::Ran(report)) => {
                    print_report(rep, report, started);
                }
                Ok(Outcome::Unchanged(_)) => {
                    rep.info("no input changed since the last build");
                }
                Err(BuildError::Workspace(WorkspaceError::Config(diags))) => {
                    rep.diagnostics(diags);
                    rep.error("pamphlet.toml is invalid; nothing was built");
                }
                Err(e) => rep.error(&e.to_string()),
            }
            if changed > 0 {
                rep.detail(&format!(
                    "{} changed; the pages showing them reload",
                    plural(changed, "file", "files")
                ));
            }
        }
        Notice::Stopping => rep.info("stopping"),
    };
    match serve::serve(root, &options, &mut notice) {
        Ok(()) => EXIT_OK,
        Err(ServeError::Workspace(e)) => rep.workspace_error(e),
        Err(e @ ServeError::Bind { .. }) => {
            rep.error(&format!("{e} (--port 0 picks a free port)"));
            EXIT_USAGE
        }
        Err(e) => {
            rep.error(&e.to_string());
            EXIT_CONTENT
        }
    }
}

/// `changed: locales/ru/shared.ftl and 3 more files; building`
fn changed_line(paths: &[PathBuf]) -> String {
    match paths {
        [] => "the output folder is missing or changes were missed; building".to_string(),
        [one] => format!("changed: {}; building", one.display()),
        [first, rest @ ..] => format!(
            "changed: {} and {} more; building",
            first.display(),
            plural(rest.len(), "file", "files")
        ),
    }
}
