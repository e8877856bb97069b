//! Watching the workspace's sources and turning bursts of file events into
//! single rebuilds.
//!
//! The sources are `pamphlet.toml` and the folders `campaigns/`, `locales/`,
//! `templates/`, `assets/` and `fonts/`; the output folder never is. Each
//! folder is watched recursively, and the workspace folder itself without
//! recursion: that is how `pamphlet.toml` replaced by an editor's
//! save-and-rename is seen, and how a source folder that appears, or is
//! deleted and made again (a `git checkout`), is watched again rather than
//! silently forgotten.
//!
//! [`Debouncer`] gathers events until none has come for a quiet period (or
//! one has waited for a longest delay), so a checkout of fifty files gives
//! one batch, and a batch that arrives while a build runs waits for it to
//! end and then gives one more build.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher as _};

/// The folders of a workspace whose files are inputs of a build.
pub const SOURCE_FOLDERS: [&str; 5] = ["campaigns", "locales", "templates", "assets", "fonts"];

/// The settings file.
pub const SETTINGS: &str = "pamphlet.toml";

/// What the rebuild loop is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signal {
    /// A source file or folder changed.
    Changed(PathBuf),
    /// The output folder is gone, or the watcher lost events: build again
    /// even though no particular file is known to have changed.
    Rebuild,
    /// Stop serving (Ctrl-C).
    Stop,
}

/// Gathers changes until they have settled.
#[derive(Debug)]
pub struct Debouncer {
    quiet: Duration,
    longest: Duration,
    first: Option<Instant>,
    last: Option<Instant>,
    paths: BTreeSet<PathBuf>,
}

impl Debouncer {
    /// A batch is due `quiet` after its last change, or `longest` after its
    /// first, whichever comes first (so a file written to without pause
    /// still gets builds).
    pub fn new(quiet: Duration, longest: Duration) -> Debouncer {
        Debouncer {
            quiet,
            longest: longest.max(quiet),
            first: None,
            last: None,
            paths: BTreeSet::new(),
        }
    }

    /// Records a change seen at `now`; `None` for a change of no known file.
    pub fn push(&mut self, path: Option<PathBuf>, now: Instant) {
        self.first.get_or_insert(now);
        self.last = Some(now);
        if let Some(path) = path {
            self.paths.insert(path);
        }
    }

    /// When the pending batch is due, if there is one.
    pub fn due(&self) -> Option<Instant> {
        let (first, last) = (self.first?, self.last?);
        Some((last + self.quiet).min(first + self.longest))
    }

    /// The pending batch, if it is due at `now`: the files changed, sorted.
    pub fn take(&mut self, now: Instant) -> Option<Vec<PathBuf>> {
        if self.due()? > now {
            return None;
        }
        self.first = None;
        self.last = None;
        Some(std::mem::take(&mut self.paths).into_iter().collect())
    }
}

/// Why the workspace could not be watched.
#[derive(Debug, thiserror::Error)]
#[error("cannot watch {}: {source}", path.display())]
pub struct WatchError {
    path: PathBuf,
    source: notify::Error,
}

/// What the rebuild loop waits on next.
#[derive(Debug, PartialEq, Eq)]
pub enum Next {
    /// Build: these sources changed (empty: none in particular).
    Build(Vec<PathBuf>),
    Stop,
}

/// The watcher of one workspace, and the channel its events and the
/// server's requests arrive on.
pub struct Watch {
    root: PathBuf,
    /// The output folder, as `pamphlet.toml` names it now.
    out: Arc<Mutex<PathBuf>>,
    watcher: notify::RecommendedWatcher,
    tx: Sender<Signal>,
    rx: Receiver<Signal>,
    debouncer: Debouncer,
}

impl Watch {
    /// Starts watching the sources of the workspace at `root` (an absolute
    /// path); `out` is the output folder, whose removal asks for a rebuild.
    pub fn start(
        root: &Path,
        out: &Path,
        quiet: Duration,
        longest: Duration,
    ) -> Result<Watch, WatchError> {
        let (tx, rx) = mpsc::channel();
        let sender = tx.clone();
        let out = Arc::new(Mutex::new(out.to_path_buf()));
        let (events_root, events_out) = (root.to_path_buf(), out.clone());
        let handler = move |event: notify::Result<notify::Event>| {
            let out = events_out.lock().unwrap_or_else(|e| e.into_inner()).clone();
            for signal in signals(&events_root, &out, event) {
                // the loop has ended: nothing is listening any more
                let _ = sender.send(signal);
            }
        };
        let mut watcher = notify::recommended_watcher(handler).map_err(|source| WatchError {
            path: root.to_path_buf(),
            source,
        })?;
        watcher
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|source| WatchError {
                path: root.to_path_buf(),
                source,
            })?;
        let mut watch = Watch {
            root: root.to_path_buf(),
            out,
            watcher,
            tx,
            rx,
            debouncer: Debouncer::new(quiet, longest),
        };
        for folder in SOURCE_FOLDERS {
            watch.rewatch(folder);
        }
        Ok(watch)
    }

    /// The output folder moved (`output` changed in `pamphlet.toml`): its
    /// removal is what asks for a rebuild from now on.
    pub fn set_output(&self, out: &Path) {
        *self.out.lock().unwrap_or_else(|e| e.into_inner()) = out.to_path_buf();
    }

    /// A sender for signals from elsewhere (the server, Ctrl-C).
    pub fn sender(&self) -> Sender<Signal> {
        self.tx.clone()
    }

    /// (Re)starts the recursive watch of a source folder, if it exists now.
    fn rewatch(&mut self, folder: &str) {
        let path = self.root.join(folder);
        let _ = self.watcher.unwatch(&path);
        if path.is_dir() {
            // a folder removed again meanwhile is watched when it reappears
            let _ = self.watcher.watch(&path, RecursiveMode::Recursive);
        }
    }

    /// Waits for the next settled batch of changes, or for [`Signal::Stop`].
    pub fn settled(&mut self) -> Next {
        loop {
            let signal = match self.debouncer.due() {
                None => self.rx.recv().unwrap_or(Signal::Stop),
                Some(due) => {
                    let wait = due.saturating_duration_since(Instant::now());
                    match self.rx.recv_timeout(wait) {
                        Ok(signal) => signal,
                        Err(RecvTimeoutError::Timeout) => {
                            if let Some(paths) = self.debouncer.take(Instant::now()) {
                                return Next::Build(paths);
                            }
                            continue;
                        }
                        Err(RecvTimeoutError::Disconnected) => Signal::Stop,
                    }
                }
            };
            let now = Instant::now();
            match signal {
                Signal::Stop => return Next::Stop,
                Signal::Rebuild => self.debouncer.push(None, now),
                Signal::Changed(path) => {
                    if let Some(folder) = top_folder(&self.root, &path) {
                        self.rewatch(&folder);
                    }
                    self.debouncer.push(Some(path), now);
                }
            }
        }
    }
}

/// The source folder `path` is, when it is one itself (`<root>/locales`).
fn top_folder(root: &Path, path: &Path) -> Option<String> {
    let name = path.strip_prefix(root).ok()?.to_str()?;
    SOURCE_FOLDERS.contains(&name).then(|| name.to_string())
}

/// The signals one file event gives.
fn signals(root: &Path, out: &Path, event: notify::Result<notify::Event>) -> Vec<Signal> {
    let event = match event {
        Ok(event) => event,
        // events may have been lost: build to be sure
        Err(_) => return vec![Signal::Rebuild],
    };
    if event.need_rescan() {
        return vec![Signal::Rebuild];
    }
    if matches!(event.kind, EventKind::Access(_)) {
        return Vec::new();
    }
    let mut signals = Vec::new();
    for path in event.paths {
        if path == out {
            if matches!(event.kind, EventKind::Remove(_)) {
                signals.push(Signal::Rebuild);
            }
        } else if is_source(root, &path) {
            signals.push(Signal::Changed(path));
        }
    }
    signals
}

/// Whether a changed path is an input of the build: `pamphlet.toml`, or
/// under a source folder, and not an editor's swap, lock or backup file.
pub fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel.components();
    let Some(first) = parts.next().and_then(|c| c.as_os_str().to_str()) else {
        return false;
    };
    if first == SETTINGS {
        return parts.next().is_none();
    }
    if !SOURCE_FOLDERS.contains(&first) {
        return false;
    }
    let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
    !is_editor_file(name)
}

/// Files editors write beside the one being edited: vim's swap files and
/// its write test `4913`, emacs's lock and auto-save files, `~` backups.
fn is_editor_file(name: &str) -> bool {
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913"
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn a_burst_gives_one_batch_after_the_quiet_period() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(50 * MS, 1000 * MS);
        assert_eq!(d.due(), None);
        assert_eq!(d.take(t0), None);
        // fifty files, two milliseconds apart (a git checkout)
        for i in 0..50 {
            d.push(Some(PathBuf::from(format!("f{i:02}"))), t0 + 2 * i * MS);
        }
        let last = t0 + 98 * MS;
        assert_eq!(d.due(), Some(last + 50 * MS));
        assert_eq!(d.take(last + 49 * MS), None);
        let batch = d.take(last + 50 * MS).unwrap();
        assert_eq!(batch.len(), 50);
        assert_eq!(batch[0], PathBuf::from("f00"));
        // nothing left
        assert_eq!(d.due(), None);
        assert_eq!(d.take(last + 500 * MS), None);
    }

    #[test]
    fn each_change_restarts_the_quiet_period() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(50 * MS, 1000 * MS);
        d.push(Some("a".into()), t0);
        d.push(Some("b".into()), t0 + 40 * MS);
        assert_eq!(d.take(t0 + 60 * MS), None);
        d.push(Some("a".into()), t0 + 80 * MS);
        assert_eq!(d.take(t0 + 129 * MS), None);
        // the same file twice is one entry
        assert_eq!(
            d.take(t0 + 130 * MS),
            Some(vec![PathBuf::from("a"), "b".into()])
        );
    }

    #[test]
    fn a_change_that_never_settles_is_built_after_the_longest_delay() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(50 * MS, 300 * MS);
        for i in 0..20 {
            d.push(Some("log".into()), t0 + 20 * i * MS);
        }
        assert_eq!(d.due(), Some(t0 + 300 * MS));
        assert!(d.take(t0 + 300 * MS).is_some());
        // the next batch starts counting from its own first change
        d.push(Some("log".into()), t0 + 400 * MS);
        assert_eq!(d.due(), Some(t0 + 450 * MS));
    }

    #[test]
    fn a_rebuild_without_a_file_is_a_batch_too() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(50 * MS, 300 * MS);
        d.push(None, t0);
        assert_eq!(d.take(t0 + 50 * MS), Some(Vec::new()));
    }

    #[test]
    fn sources_are_the_settings_and_the_source_folders() {
        let root = Path::new("/w");
        for yes in [
            "/w/pamphlet.toml",
            "/w/locales/ru/shared.ftl",
            "/w/locales",
            "/w/campaigns/rights.toml",
            "/w/templates/flyer.html",
            "/w/assets/logo.svg",
            "/w/fonts/Noto.ttf",
        ] {
            assert!(is_source(root, Path::new(yes)), "{yes}");
        }
        for no in [
            "/w/out/index.html",
            "/w/.out.staging-12/index.html",
            "/w/out.lock",
            "/w/target/debug/pamphlet",
            "/w/README.md",
            "/w/pamphlet.toml/x",
            "/elsewhere/locales/ru/shared.ftl",
            "/w/locales/ru/.shared.ftl.swp",
            "/w/locales/ru/shared.ftl~",
            "/w/locales/ru/4913",
            "/w/locales/ru/.#shared.ftl",
            "/w/locales/ru/#shared.ftl#",
        ] {
            assert!(!is_source(root, Path::new(no)), "{no}");
        }
    }

    #[test]
    fn the_output_folder_asks_for_a_rebuild_only_when_removed() {
        use notify::event::{ModifyKind, RemoveKind, RenameMode};
        let (root, out) = (Path::new("/w"), Path::new("/w/out"));
        let event = |kind| Ok(notify::Event::new(kind).add_path(out.to_path_buf()));
        assert_eq!(
            signals(root, out, event(EventKind::Remove(RemoveKind::Folder))),
            [Signal::Rebuild]
        );
        // the build's own swap of out/ is a rename: no rebuild loop
        let swap = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        assert_eq!(signals(root, out, event(swap)), []);
    }
}
