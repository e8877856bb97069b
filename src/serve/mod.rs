//! `pamphlet serve`: the live preview. One [`Build`] of the workspace runs
//! again after every settled batch of changes to its sources
//! ([`watch`]); an HTTP server ([`http`]) sends the output folder's files,
//! found only inside it ([`confine`]) and only to requests addressed to
//! this machine ([`host`]); the open pages are told to reload, or shown
//! what failed, after each build ([`reload`]).
//!
//! Two threads: the caller's runs the builds (which use the rayon pool as
//! `pamphlet build` does) and waits for changes; a second one runs the
//! server on a single-threaded tokio runtime, and the Ctrl-C handler, which
//! asks the build loop to stop. A build in progress is always finished
//! (its staging folder swapped in or removed, its lock released) before
//! [`serve`] returns.

pub mod confine;
pub mod host;
pub mod http;
pub mod reload;
pub mod watch;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use crate::build::{Build, BuildError, BuildOptions, Outcome};
use crate::pipeline::Progress;
use crate::workspace::{self, WorkspaceError};
use reload::{Live, Problem};
use watch::{Next, Signal, Watch, WatchError};

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The address to listen on (127.0.0.1 unless `--bind`).
    pub bind: IpAddr,
    /// 0: any free port.
    pub port: u16,
    /// How long the sources must be quiet before a rebuild.
    pub debounce: Duration,
}

/// The default quiet period: long enough for an editor's save-and-rename
/// and for a `git checkout` to land as one batch, short enough to be felt
/// as immediate.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(50);

/// What the preview reports to whoever runs it (`cmd/serve.rs` prints it).
#[derive(Debug)]
pub enum Notice<'a> {
    /// The first build is done and the server answers at `url`.
    Listening { url: &'a str },
    /// Sources changed (relative to the workspace; empty when the output
    /// folder is gone or events were lost): a build starts.
    Changed { paths: &'a [PathBuf] },
    /// A build ended: what it did, when it started, and how many output
    /// files changed (the pages showing them reload).
    Built {
        result: &'a Result<Outcome, BuildError>,
        started: Instant,
        changed: usize,
    },
    /// Ctrl-C: the server stops.
    Stopping,
}

/// Why the preview could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// No workspace there, or an invalid `pamphlet.toml` (exit code 2).
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error(transparent)]
    Watch(#[from] WatchError),
    #[error("cannot start the server: {0}")]
    Runtime(std::io::Error),
}

/// Serves the workspace at `root` until Ctrl-C; `notice` hears what
/// happens.
pub fn serve(
    root: &Path,
    options: &ServeOptions,
    notice: &mut dyn FnMut(Notice),
) -> Result<(), ServeError> {
    let config = workspace::read_config(root)?;
    let root = root
        .canonicalize()
        .map_err(|_| WorkspaceError::NotAWorkspace(root.display().to_string()))?;
    let out = root.join(&config.config.output);

    let addr = SocketAddr::new(options.bind, options.port);
    let bind_error = |source| ServeError::Bind { addr, source };
    let listener = std::net::TcpListener::bind(addr).map_err(bind_error)?;
    listener.set_nonblocking(true).map_err(bind_error)?;
    let addr = listener.local_addr().map_err(bind_error)?;

    let longest = (options.debounce * 10).max(Duration::from_secs(1));
    let mut watch = Watch::start(&root, &out, options.debounce, longest)?;
    let live = Arc::new(Live::new(&out, instance_id()));
    let site = Arc::new(http::Site {
        live: live.clone(),
        hosts: host::Hosts::new(addr.ip(), addr.port()),
        rebuild: watch.sender(),
    });
    let server = Server::start(listener, site, watch.sender())?;

    let mut build = Build::new(&root, BuildOptions::default()).keeping_between_runs();
    rebuild(&mut build, &live, None, notice);
    let url = url_of(addr);
    notice(Notice::Listening { url: &url });
    while let Next::Build(paths) = watch.settled() {
        let paths: Vec<PathBuf> = paths
            .iter()
            .map(|p| p.strip_prefix(&root).unwrap_or(p).to_path_buf())
            .collect();
        rebuild(&mut build, &live, Some(&paths), notice);
        // `output` may have changed in pamphlet.toml: serve and guard the new folder
        watch.set_output(&live.current().0);
    }
    notice(Notice::Stopping);
    server.stop();
    // with it goes the tree it kept to stage the next build into
    drop(build);
    Ok(())
}

/// One build, its outcome told to the pages and to `notice`; `changes`:
/// what set it off (`None` for the first build).
fn rebuild(
    build: &mut Build,
    live: &Live,
    changes: Option<&[PathBuf]>,
    notice: &mut dyn FnMut(Notice),
) {
    let started = Instant::now();
    if let Some(paths) = changes {
        notice(Notice::Changed { paths });
    }
    live.building();
    // With PDFs in the output, the pages are built first and shown, then
    // the PDFs (slower: laid out again for every changed document) in a
    // second pass; a failure of the first pass is shown as usual.
    if changes.is_some() && live.has_typeset_and_pages() {
        build.options_mut().skip_typeset = true;
        let quick = build.run(&Progress::default());
        build.options_mut().skip_typeset = false;
        if !finish(live, quick, started, notice) {
            return;
        }
        live.building();
    }
    let result = build.run(&Progress::default());
    finish(live, result, started, notice);
}

/// Tells the pages and `notice` how a build ended; whether the pages now
/// show a good build (the output folder replaced, or found up to date).
/// The tree the build replaced is not removed: the `Build` keeps it and
/// stages its next run into it, rewriting only what differs.
fn finish(
    live: &Live,
    result: Result<Outcome, BuildError>,
    started: Instant,
    notice: &mut dyn FnMut(Notice),
) -> bool {
    crate::pdf::forget_unused_layouts();
    // the files that changed when the pages show the new build, or why not
    let shown = match &result {
        Ok(Outcome::Unchanged(u)) => {
            let notes = live
                .notes()
                .or_else(|| Problem::notes_of_summary(&u.summary).map(Arc::new));
            Ok(live.built(&u.out, notes))
        }
        Ok(Outcome::Ran(report)) => match Problem::of_report(report) {
            None => Ok(live.built(&report.out, Problem::notes_of(report).map(Arc::new))),
            Some(problem) => Err(problem),
        },
        Err(e) => Err(Problem::of_error(e)),
    };
    let good = shown.is_ok();
    let changed = shown.unwrap_or_else(|problem| {
        live.failed(problem);
        0
    });
    notice(Notice::Built {
        result: &result,
        started,
        changed,
    });
    good
}

/// The address to open in a browser: a wildcard address is reached
/// through the loopback one.
fn url_of(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, addr.port()))
}

/// Tells pages served by an earlier run of `serve` apart from this one's.
fn instance_id() -> u64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    // whole nanoseconds fit in a u64 until the year 2554
    now.as_nanos() as u64 ^ u64::from(std::process::id())
}

/// The HTTP server's thread.
struct Server {
    stop: tokio::sync::oneshot::Sender<()>,
    thread: std::thread::JoinHandle<()>,
}

impl Server {
    fn start(
        listener: std::net::TcpListener,
        site: Arc<http::Site>,
        signals: Sender<Signal>,
    ) -> Result<Server, ServeError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()
            .map_err(ServeError::Runtime)?;
        let listener = {
            let _entered = runtime.enter();
            tokio::net::TcpListener::from_std(listener).map_err(ServeError::Runtime)?
        };
        let (stop, stopped) = tokio::sync::oneshot::channel();
        let thread = std::thread::Builder::new()
            .name("pamphlet-serve-http".into())
            .spawn(move || {
                runtime.block_on(async move {
                    tokio::spawn(interrupts(signals));
                    let app = http::router(site);
                    tokio::select! {
                        _ = axum::serve(listener, app) => {}
                        _ = stopped => {}
                    }
                });
                // open event streams end with the runtime
                runtime.shutdown_background();
            })
            .map_err(ServeError::Runtime)?;
        Ok(Server { stop, thread })
    }

    fn stop(self) {
        let _ = self.stop.send(());
        let _ = self.thread.join();
    }
}

/// Ctrl-C asks the build loop to stop (after the build in progress); a
/// second one ends the process at once.
async fn interrupts(signals: Sender<Signal>) {
    if tokio::signal::ctrl_c().await.is_err() {
        return;
    }
    let _ = signals.send(Signal::Stop);
    if tokio::signal::ctrl_c().await.is_ok() {
        std::process::exit(130);
    }
}

/// Opens `url` in the user's browser.
pub fn open_browser(url: &str) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let mut child = command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    // reaped when it ends, so that it does not linger as a zombie
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcard_addresses_are_opened_through_loopback() {
        let url = |s: &str| url_of(s.parse().unwrap());
        assert_eq!(url("0.0.0.0:8000"), "http://127.0.0.1:8000/");
        assert_eq!(url("[::]:8000"), "http://[::1]:8000/");
        assert_eq!(url("192.168.1.5:8000"), "http://192.168.1.5:8000/");
    }
}
