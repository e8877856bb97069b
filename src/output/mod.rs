//! The output stage: the only code that writes to `out/`, and what goes
//! there besides the documents: the manifest ([`manifest`]), the review page
//! ([`index`]) and the build cache ([`cache`]), assembled from a finished
//! build's [`Tree`].
//!
//! A build writes into a staging folder beside `out/` and swaps it into
//! place only when everything succeeded, so a failed or interrupted build
//! leaves the previous `out/` as it was. A lock file beside `out/` keeps two
//! builds from running at once. Output paths are joined only from validated
//! slugs and locale tags. This stage decides no content.
//!
//! The staging folder is a new, empty one, or for a process that builds
//! again and again (`pamphlet serve`) the tree the previous swap replaced
//! ([`Retired`], [`Staging::begin_reusing`]): its folders exist already and
//! most of its files are links to the files the next build links again, so
//! that a build which changes a few files of thousands writes a few. Nothing
//! in that tree is trusted: what it holds is listed when the build begins, a
//! file is kept only when it is the very file (same inode) the build would
//! link, every other file at a path the build writes is replaced (never
//! written into: it may be a link to a file of the live output), and what
//! the build did not stage is removed before the swap.

pub mod cache;
pub mod fault;
pub mod index;
pub mod manifest;

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::locale::Catalog;
use crate::pipeline::Done;
use crate::render::Engine;
use crate::status::Status;
use crate::workspace::{Format, Workspace};
use cache::Cache;
use index::Index;
use manifest::Manifest;

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("another pamphlet build is writing {0}; wait for it to finish and try again")]
    Locked(String),
    #[error(
        "{0} exists and is not a pamphlet output folder (it has no manifest.json); refusing to replace it. Choose another --out, or empty it"
    )]
    NotOurs(String),
    #[error("{0} is not a folder pamphlet may write to: {1}")]
    Unsafe(String, &'static str),
    #[error("cannot write {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// What was written for one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub bytes: u64,
    pub sha256: String,
}

/// A build in progress: a staging folder and the lock on `out/`.
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    _lock: File,
    committed: bool,
    /// Files put into `dir` so far, for [`fault::Point::Staged`].
    staged: AtomicUsize,
    /// Set when `dir` is a previous tree staged into again.
    reused: Option<Reused>,
}

/// A previous output tree used as the staging folder: what it held when the
/// build began, and what the build has put into it since (the rest goes
/// before the swap).
struct Reused {
    found: Inventory,
    staged: Mutex<HashSet<PathBuf>>,
}

/// The regular files and folders of a tree, relative to it, each folder
/// before what it holds.
#[derive(Debug, Default)]
struct Inventory {
    files: HashSet<PathBuf>,
    dirs: Vec<PathBuf>,
}

impl Staging {
    /// Locks `target` and creates an empty staging folder beside it.
    pub fn begin(target: &Path) -> Result<Staging, OutputError> {
        Staging::begin_reusing(target, None)
    }

    /// As [`Staging::begin`], but stages into `spare`, a tree an earlier
    /// commit of this process replaced `target` with, when it is still
    /// there as that commit left it named; otherwise (or with `None`) into
    /// an empty folder, and `spare` is removed.
    pub fn begin_reusing(target: &Path, spare: Option<Retired>) -> Result<Staging, OutputError> {
        let (parent, name) = beside(target).ok_or_else(|| {
            OutputError::Unsafe(target.display().to_string(), "it has no folder name")
        })?;
        fs::create_dir_all(parent).map_err(io(parent))?;

        let lock_path = lock_path(parent, &name);
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(OutputError::Locked(target.display().to_string()));
            }
            Err(fs::TryLockError::Error(e)) => return Err(io(&lock_path)(e)),
        }

        match fs::symlink_metadata(target) {
            Ok(m) if m.is_dir() => {
                let empty = fs::read_dir(target).map_err(io(target))?.next().is_none();
                if !empty && !target.join(manifest::FILE).is_file() {
                    return Err(OutputError::NotOurs(target.display().to_string()));
                }
            }
            Ok(_) => return Err(OutputError::NotOurs(target.display().to_string())),
            Err(_) => {}
        }

        // Leftovers of builds that were killed: safe to remove, we hold the
        // lock. A build killed between the two renames of a commit without
        // an atomic exchange left no output folder and the previous one as
        // `.{name}.old-PID`: that one is put back first.
        let prefix = format!(".{name}.");
        if fs::symlink_metadata(target).is_err() {
            let previous = fs::read_dir(parent)
                .map_err(io(parent))?
                .flatten()
                .map(|e| e.path())
                .find(|p| {
                    p.file_name()
                        .map(|n| n.to_string_lossy())
                        .is_some_and(|n| n.starts_with(&prefix) && n.contains(".old-"))
                });
            if let Some(previous) = previous {
                fs::rename(&previous, target).map_err(io(target))?;
            }
        }
        let spare = spare.and_then(|s| s.into_spare(parent, &name));
        remove_leftovers(parent, &prefix, spare.as_deref()).map_err(io(parent))?;
        let reused = spare.and_then(|dir| match inventory(&dir) {
            Ok(found) => Some((dir, found)),
            Err(_) => {
                let _ = fs::remove_dir_all(&dir);
                None
            }
        });
        let (dir, reused) = match reused {
            Some((dir, found)) => (
                dir,
                Some(Reused {
                    found,
                    staged: Mutex::default(),
                }),
            ),
            None => {
                let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
                fs::create_dir(&dir).map_err(io(&dir))?;
                (dir, None)
            }
        };
        Ok(Staging {
            target: target.to_path_buf(),
            dir,
            _lock: lock,
            committed: false,
            staged: AtomicUsize::new(0),
            reused,
        })
    }

    /// Whether this build stages into a previous tree.
    #[cfg(test)]
    fn is_reusing(&self) -> bool {
        self.reused.is_some()
    }

    /// Writes one file at `rel` (a `/`-separated path of validated slugs).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<Written, OutputError> {
        let path = self.path_of(rel)?;
        let open = || OpenOptions::new().write(true).create_new(true).open(&path);
        // folders are created on first need: one failed open instead of a
        // mkdir for every file
        let mut file = match open() {
            Err(e) if needs_folders(&e) => {
                self.make_folders(&path)?;
                open()
            }
            // only a reused tree has a file there already: it is replaced,
            // never written into, since it may be a link to a live file
            Err(e) if e.kind() == ErrorKind::AlreadyExists && self.reused.is_some() => {
                remove_any(&path)?;
                open()
            }
            other => other,
        }
        .map_err(io(&path))?;
        file.write_all(bytes).map_err(io(&path))?;
        self.staged_one(rel);
        Ok(Written {
            bytes: bytes.len() as u64,
            sha256: crate::hash::sha256_hex(bytes),
        })
    }

    /// Puts the file `from` (in the previous output) at `rel` as a hard link,
    /// or a copy where links are not possible. Returns the bytes linked.
    pub fn link(&self, rel: &str, from: &Path) -> Result<u64, OutputError> {
        let path = self.path_of(rel)?;
        // a reused tree: what is there is kept only when it is the file
        // itself (then its content is `from`'s by definition); asked
        // before linking, since a link that fails for the name being taken
        // costs more than looking
        if let Some(reused) = &self.reused
            && reused.found.files.contains(Path::new(rel))
        {
            if let Some(bytes) = same_file(from, &path) {
                self.staged_one(rel);
                return Ok(bytes);
            }
            remove_any(&path)?;
        }
        // as in `write`: the folder is made when the first link into it
        // fails for want of it, not checked before every link
        let linked = match fs::hard_link(from, &path) {
            Err(e) if needs_folders(&e) && from.exists() => {
                self.make_folders(&path)?;
                fs::hard_link(from, &path)
            }
            // a reused tree, and a name taken that it did not hold when the
            // build began (rare): replaced, as in `write`
            Err(e) if e.kind() == ErrorKind::AlreadyExists && self.reused.is_some() => {
                remove_any(&path)?;
                fs::hard_link(from, &path)
            }
            other => other,
        };
        if linked.is_err() {
            // never copied into a file that is there: it may be a link to a
            // file of the live output
            remove_any(&path)?;
            fs::copy(from, &path).map_err(io(&path))?;
        }
        self.staged_one(rel);
        Ok(fs::metadata(&path).map_err(io(&path))?.len())
    }

    fn staged_one(&self, rel: &str) {
        if let Some(reused) = &self.reused {
            lock(&reused.staged).insert(PathBuf::from(rel));
        }
        let n = self.staged.fetch_add(1, Ordering::Relaxed) + 1;
        fault::at(fault::Point::Staged(n));
    }

    /// Removes a file this build staged (used when a reuse attempt fails halfway).
    pub fn remove(&self, rel: &str) {
        if let Ok(path) = self.path_of(rel) {
            let _ = fs::remove_file(path);
        }
        if let Some(reused) = &self.reused {
            lock(&reused.staged).remove(Path::new(rel));
        }
    }

    /// Creates the folders `path` is in. In a reused tree, anything else
    /// than a folder in their place (a file made by hand) is removed first.
    fn make_folders(&self, path: &Path) -> Result<(), OutputError> {
        let Some(parent) = path.parent() else {
            return Ok(());
        };
        if self.reused.is_none() {
            return fs::create_dir_all(parent).map_err(io(parent));
        }
        let mut missing: Vec<&Path> = Vec::new();
        for folder in parent.ancestors().take_while(|a| *a != self.dir) {
            match fs::symlink_metadata(folder) {
                Ok(m) if m.is_dir() => break,
                Ok(_) => {
                    fs::remove_file(folder).map_err(io(folder))?;
                    missing.push(folder);
                }
                Err(_) => missing.push(folder),
            }
        }
        for folder in missing.into_iter().rev() {
            match fs::create_dir(folder) {
                // another thread made it meanwhile
                Err(e) if e.kind() == ErrorKind::AlreadyExists && folder.is_dir() => {}
                other => other.map_err(io(folder))?,
            }
        }
        Ok(())
    }

    /// In a reused tree: removes what it held that this build did not
    /// stage, so that it holds exactly what an empty staging folder would.
    fn prune(&self) -> Result<(), OutputError> {
        let Some(reused) = &self.reused else {
            return Ok(());
        };
        let staged = lock(&reused.staged);
        // the folders the new tree has: those its files are in
        let mut needed: HashSet<&Path> = HashSet::new();
        for rel in staged.iter() {
            for folder in rel.ancestors().skip(1) {
                if folder.as_os_str().is_empty() || !needed.insert(folder) {
                    break;
                }
            }
        }
        // a folder's things go with it when it is not needed itself
        let kept_folder = |rel: &Path| {
            rel.parent()
                .is_none_or(|p| p.as_os_str().is_empty() || needed.contains(p))
        };
        let unneeded_files = reused.found.files.par_iter().filter(|f| {
            kept_folder(f) && !needed.contains(f.as_path()) && !staged.contains(f.as_path())
        });
        let unneeded_dirs = reused.found.dirs.par_iter().filter(|d| {
            kept_folder(d) && !needed.contains(d.as_path()) && !staged.contains(d.as_path())
        });
        unneeded_files
            .chain(unneeded_dirs)
            .try_for_each(|rel| remove_any(&self.dir.join(rel)))
    }

    fn path_of(&self, rel: &str) -> Result<PathBuf, OutputError> {
        let p = Path::new(rel);
        let safe = !rel.is_empty()
            && !rel.contains('\\')
            && p.components().all(|c| matches!(c, Component::Normal(_)));
        if !safe {
            return Err(OutputError::Unsafe(
                rel.to_owned(),
                "output paths must stay inside the output folder",
            ));
        }
        Ok(self.dir.join(p))
    }

    /// Makes the staging folder the new output folder and removes the old one.
    /// Where the system can exchange two names atomically (Linux), there is
    /// no moment without an output folder; elsewhere the old folder is renamed
    /// aside first, and a build killed between the two renames is undone by
    /// the next [`Staging::begin`].
    pub fn commit(mut self) -> Result<Retired, OutputError> {
        self.prune()?;
        fault::at(fault::Point::BeforeSwap);
        if fs::symlink_metadata(&self.target).is_ok() && exchange(&self.dir, &self.target).is_ok() {
            // the staging name now holds the previous output
            self.committed = true;
            fault::at(fault::Point::AfterSwap);
            return Ok(Retired::of(&self.dir, &self.target));
        }
        let (parent, name) = beside(&self.target).expect("begin checked the name");
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        let had_old = fs::symlink_metadata(&self.target).is_ok();
        if had_old {
            fs::rename(&self.target, &old).map_err(io(&self.target))?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(io(&self.target)(e));
        }
        self.committed = true;
        fault::at(fault::Point::AfterSwap);
        if had_old {
            return Ok(Retired::of(&old, &self.target));
        }
        Ok(Retired { path: None })
    }
}

/// The output folder a commit replaced. Dropping it removes it; a process
/// that builds again ([`crate::build::Build::keeping_between_runs`]) keeps
/// it instead to stage its next build into ([`Staging::begin_reusing`]), so
/// that a preview neither waits for thousands of files to be unlinked nor
/// links them all again. It is renamed first to a name no later build in this
/// process uses (`.out.retired-PID-N`), and a build that finds such a
/// folder left by a process that ended removes it like a staging folder.
#[derive(Debug)]
pub struct Retired {
    path: Option<PathBuf>,
}

impl Retired {
    fn of(dir: &Path, target: &Path) -> Retired {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let Some((parent, name)) = beside(target) else {
            let _ = fs::remove_dir_all(dir);
            return Retired { path: None };
        };
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let retired = parent.join(format!(".{name}.retired-{}-{n}", std::process::id()));
        match fs::rename(dir, &retired) {
            Ok(()) => Retired {
                path: Some(retired),
            },
            // cannot rename: removed now, as before there was a later
            Err(_) => {
                let _ = fs::remove_dir_all(dir);
                Retired { path: None }
            }
        }
    }

    /// Its path when it is a tree [`Staging::begin_reusing`] may stage into
    /// for the output folder `name` in `parent`: still there, a folder, and
    /// named as [`Retired::of`] named it beside that output folder. When
    /// not, it is removed.
    fn into_spare(mut self, parent: &Path, name: &str) -> Option<PathBuf> {
        let path = self.path.take()?;
        let ours = format!(".{name}.retired-{}-", std::process::id());
        let usable = path.parent() == Some(parent)
            && path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&ours))
            && fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        if usable {
            return Some(path);
        }
        let _ = fs::remove_dir_all(&path);
        None
    }

    /// Where it is, while it is there to be removed.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Takes it out of `self`, which is left with nothing to remove.
    pub fn take(&mut self) -> Retired {
        Retired {
            path: self.path.take(),
        }
    }
}

impl Drop for Retired {
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            let _ = fs::remove_dir_all(path);
        }
    }
}

/// One file of a document in the output folder: what the manifest lists
/// and the cache remembers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OutputFile {
    /// Relative to the output folder, `/`-separated:
    /// `<campaign>/<locale>/<document>.<ext>`.
    pub path: String,
    pub format: Format,
    /// The slide an image of slides shows; none for a format's only file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<u32>,
    pub bytes: u64,
    pub sha256: String,
}

/// The documents of a build that succeeded, as they go into the output
/// folder: what the manifest, the index and the cache are assembled from.
pub struct Tree<'t, 'a> {
    pub ws: &'t Workspace,
    pub catalog: &'t Catalog,
    /// In plan order (campaign, locale, document).
    pub documents: &'t [Done<'a, OutputFile>],
    /// The review page's status matrix.
    pub status: &'t Status,
}

/// What the last step of a build failed on.
#[derive(Debug, thiserror::Error)]
pub enum FinishError {
    #[error("the review page cannot be rendered: {}", .0.message)]
    Index(Diagnostic),
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// Writes the manifest, the review page and `cache` into `staging` (the
/// three assembled side by side: the index takes longest), then swaps it
/// with the output folder.
pub fn finish(
    staging: Staging,
    tree: &Tree,
    engine: &Engine,
    cache: impl FnOnce() -> Cache + Send,
) -> Result<Retired, FinishError> {
    let (index_html, (manifest_json, cache_json)) = rayon::join(
        || {
            let index = Index::assemble(tree);
            engine.render_bytes(
                "index.html",
                &tera::Context::from_serialize(&index).unwrap_or_default(),
            )
        },
        || rayon::join(|| Manifest::assemble(tree).to_json(), || cache().to_json()),
    );
    let index_html = index_html.map_err(FinishError::Index)?;
    staging.write(manifest::FILE, manifest_json.as_bytes())?;
    staging.write("index.html", &index_html)?;
    staging.write(cache::FILE, cache_json.as_bytes())?;
    Ok(staging.commit()?)
}

/// An output folder that would replace the workspace or its sources.
#[derive(Debug, Clone, thiserror::Error)]
pub enum TargetError {
    #[error("--out {0} is not a folder pamphlet may replace")]
    NoName(String),
    #[error("the output folder {0} contains the workspace; choose a folder inside it such as out/")]
    ContainsWorkspace(String),
    #[error("the output folder {0} is inside the workspace's {1}/ folder; choose another")]
    InsideSources(String, &'static str),
}

/// Refuses output folders that would replace the workspace or its sources.
pub fn check_target(root: &Path, out: &Path) -> Result<(), TargetError> {
    let absolute = |p: &Path| -> PathBuf {
        let name = p.file_name().map(PathBuf::from).unwrap_or_default();
        let parent = p
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        match parent.canonicalize() {
            Ok(parent) => parent.join(name),
            Err(_) => p.to_path_buf(),
        }
    };
    let shown = || out.display().to_string();
    if out.file_name().is_none() {
        return Err(TargetError::NoName(shown()));
    }
    let out_abs = absolute(out);
    let root_abs = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if root_abs.starts_with(&out_abs) {
        return Err(TargetError::ContainsWorkspace(shown()));
    }
    for source in ["campaigns", "locales", "templates", "assets"] {
        if out_abs.starts_with(root_abs.join(source)) {
            return Err(TargetError::InsideSources(shown(), source));
        }
    }
    Ok(())
}

impl From<OutputError> for Diagnostic {
    fn from(e: OutputError) -> Diagnostic {
        Diagnostic::error("output", e.to_string())
    }
}

/// The folder `target` is in (`.` for a bare name) and its own name.
fn beside(target: &Path) -> Option<(&Path, String)> {
    let name = target.file_name()?.to_string_lossy().into_owned();
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Some((parent, name))
}

/// The lock file that keeps two builds from writing `name` at once.
fn lock_path(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!("{name}.lock"))
}

/// Removes the staging and previous-output folders (`{prefix}staging-PID`,
/// `{prefix}old-PID`, `{prefix}retired-PID-N`) that killed builds left in
/// `parent`, but `keep` (a tree this process stages into again). Only for a
/// caller that holds the output's lock.
fn remove_leftovers(parent: &Path, prefix: &str, keep: Option<&Path>) -> std::io::Result<()> {
    for entry in fs::read_dir(parent)?.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let kept = keep.is_some_and(|k| k.file_name() == Some(&entry.file_name()));
        if !kept
            && file_name.starts_with(prefix)
            && (file_name.contains(".staging-")
                || file_name.contains(".old-")
                || file_name.contains(".retired-"))
        {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
    Ok(())
}

/// For a build that finds `target` up to date and writes nothing: removes
/// what killed builds left beside it, but `keep` (the tree the next build of
/// this process stages into), when no other build holds the lock (best
/// effort; the next build that writes does it anyway).
pub fn sweep(target: &Path, keep: Option<&Path>) {
    let Some((parent, name)) = beside(target) else {
        return;
    };
    let Ok(lock) = OpenOptions::new()
        .write(true)
        .open(lock_path(parent, &name))
    else {
        return;
    };
    if lock.try_lock().is_ok() && fs::symlink_metadata(target).is_ok() {
        let _ = remove_leftovers(parent, &format!(".{name}."), keep);
    }
}

/// The lock on a set of paths, whole even if a thread panicked holding it
/// (an insertion or a removal is never half done).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A file could not be created for want of its folders (or for a file
/// where a folder should be, in a reused tree).
fn needs_folders(e: &std::io::Error) -> bool {
    matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory)
}

/// Removes what is at `path`, a folder with everything in it or anything
/// else; nothing there is no error.
fn remove_any(path: &Path) -> Result<(), OutputError> {
    let removed = match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) => Err(e),
    };
    match removed {
        Err(e) if e.kind() != ErrorKind::NotFound => Err(io(path)(e)),
        _ => Ok(()),
    }
}

/// The size of `a` when `a` and `b` are one regular file (two names of one
/// inode on one device).
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    let (a, b) = (fs::symlink_metadata(a).ok()?, fs::symlink_metadata(b).ok()?);
    (a.is_file() && b.is_file() && a.dev() == b.dev() && a.ino() == b.ino()).then_some(a.len())
}

/// Elsewhere no file is taken for another: it is linked or copied again.
#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> Option<u64> {
    None
}

/// What `dir` holds, its folders listed side by side. Anything but regular
/// files and folders (a symbolic link, made by hand) is removed on the way:
/// a build never makes one, and one to a folder would send writes out of
/// the tree.
fn inventory(dir: &Path) -> std::io::Result<Inventory> {
    fn walk(root: &Path, rel: &Path) -> std::io::Result<Inventory> {
        let mut here = Inventory::default();
        for entry in fs::read_dir(root.join(rel))? {
            let entry = entry?;
            let path = rel.join(entry.file_name());
            let kind = entry.file_type()?;
            if kind.is_dir() {
                here.dirs.push(path);
            } else if kind.is_file() {
                here.files.insert(path);
            } else {
                fs::remove_file(root.join(&path))?;
            }
        }
        let below = here
            .dirs
            .par_iter()
            .map(|d| walk(root, d))
            .collect::<std::io::Result<Vec<_>>>()?;
        for b in below {
            here.files.extend(b.files);
            here.dirs.extend(b.dirs);
        }
        Ok(here)
    }
    walk(dir, Path::new(""))
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Swaps the names `a` and `b` atomically (`renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: two valid NUL-terminated paths that outlive the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_up_to_date_build_sweeps_what_killed_builds_left_unless_one_runs() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let s = Staging::begin(&out).unwrap();
        s.write(manifest::FILE, b"{}").unwrap();
        s.commit().unwrap();
        // a build is running (its lock held): nothing beside out/ is touched
        let running = Staging::begin(&out).unwrap();
        let left = tmp.path().join(".out.staging-4242");
        fs::create_dir_all(left.join("a")).unwrap();
        fs::write(left.join("a/x.html"), b"old").unwrap();
        sweep(&out, None);
        assert!(left.is_dir());
        drop(running);
        sweep(&out, None);
        assert!(!left.exists());
        assert!(out.join(manifest::FILE).is_file());
    }

    #[test]
    fn failed_build_leaves_previous_output_and_no_staging() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let s = Staging::begin(&out).unwrap();
        s.write("a/en/x.html", b"one").unwrap();
        s.write(manifest::FILE, b"{}").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(out.join("a/en/x.html")).unwrap(), b"one");

        let s = Staging::begin(&out).unwrap();
        s.write("a/en/x.html", b"two").unwrap();
        // an empty staging folder is written once per file: a second write
        // of one path is a mistake, not a replacement
        assert!(s.write("a/en/x.html", b"again").is_err());
        assert!(matches!(Staging::begin(&out), Err(OutputError::Locked(_))));
        assert!(s.write("../escape", b"x").is_err());
        assert!(s.write("/abs", b"x").is_err());
        drop(s); // failure: never committed
        assert_eq!(fs::read(out.join("a/en/x.html")).unwrap(), b"one");
        let leftovers: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(
            leftovers.len(),
            2,
            "only out and out.lock remain: {leftovers:?}"
        );
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_replaced_output_waits_under_its_own_name_until_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let commit = |text: &[u8]| {
            let s = Staging::begin(&out).unwrap();
            s.write("a/en/x.html", text).unwrap();
            s.write(manifest::FILE, b"{}").unwrap();
            s.commit().unwrap()
        };
        drop(commit(b"one"));
        let mut retired = commit(b"two");
        // the old tree waits under its own name; the next build can begin
        let pid = std::process::id();
        let waiting = names(tmp.path());
        assert!(
            waiting
                .iter()
                .any(|n| n.starts_with(&format!(".out.retired-{pid}-"))),
            "{waiting:?}"
        );
        let later = commit(b"three");
        assert_eq!(fs::read(out.join("a/en/x.html")).unwrap(), b"three");
        drop(retired.take());
        drop(later);
        assert_eq!(names(tmp.path()), ["out", "out.lock"]);
        // one left by a process that ended is removed by the next build
        fs::create_dir_all(tmp.path().join(".out.retired-1-0/a")).unwrap();
        drop(commit(b"four"));
        assert_eq!(names(tmp.path()), ["out", "out.lock"]);
    }

    #[test]
    fn a_commit_replaces_the_output_and_leaves_nothing_beside_it() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        for text in [&b"one"[..], b"two"] {
            let s = Staging::begin(&out).unwrap();
            s.write("a/en/x.html", text).unwrap();
            s.write(manifest::FILE, b"{}").unwrap();
            s.commit().unwrap();
            assert_eq!(fs::read(out.join("a/en/x.html")).unwrap(), text);
            assert_eq!(names(tmp.path()), ["out", "out.lock"]);
        }
    }

    #[test]
    fn a_build_killed_between_the_renames_of_a_commit_is_undone() {
        // what a commit without an atomic exchange leaves when killed after
        // moving the output aside: no `out`, the previous one as `.out.old-PID`,
        // the finished new one still in staging
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let old = tmp.path().join(".out.old-4242");
        fs::create_dir_all(old.join("a/en")).unwrap();
        fs::write(old.join("a/en/x.html"), b"previous").unwrap();
        fs::write(old.join(manifest::FILE), b"{}").unwrap();
        fs::create_dir(tmp.path().join(".out.staging-4242")).unwrap();

        let s = Staging::begin(&out).unwrap();
        assert_eq!(fs::read(out.join("a/en/x.html")).unwrap(), b"previous");
        drop(s);
        assert_eq!(fs::read(out.join("a/en/x.html")).unwrap(), b"previous");
        assert_eq!(names(tmp.path()), ["out", "out.lock"]);
    }

    /// A staging folder in the tree the second of [`two_builds`] replaced,
    /// and that tree's path.
    fn staged_into_kept_tree(out: &Path) -> (Staging, PathBuf) {
        let retired = two_builds(out);
        let spare = retired.path().unwrap().to_path_buf();
        let s = Staging::begin_reusing(out, Some(retired)).unwrap();
        assert!(s.is_reusing());
        (s, spare)
    }

    /// Two builds of `out`: `a/en/x.html` written by the first, linked by
    /// the second (so the tree the second replaced shares it with `out`).
    fn two_builds(out: &Path) -> Retired {
        let s = Staging::begin(out).unwrap();
        s.write("a/en/x.html", b"one").unwrap();
        s.write("a/ru/x.html", b"russian").unwrap();
        s.write(manifest::FILE, b"{}").unwrap();
        drop(s.commit().unwrap());
        let s = Staging::begin(out).unwrap();
        s.link("a/en/x.html", &out.join("a/en/x.html")).unwrap();
        s.write(manifest::FILE, b"{}").unwrap();
        s.commit().unwrap()
    }

    #[test]
    fn a_reused_tree_is_written_by_replacing_never_into_a_live_file() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let (s, spare) = staged_into_kept_tree(&out);
        // the kept tree's x.html is out/'s own file: replaced, not written into
        s.write("a/en/x.html", b"three").unwrap();
        assert_eq!(fs::read(out.join("a/en/x.html")).unwrap(), b"one");
        assert_eq!(fs::read(spare.join("a/en/x.html")).unwrap(), b"three");
        // a failed build removes the kept tree as any staging folder
        drop(s);
        assert_eq!(fs::read(out.join("a/en/x.html")).unwrap(), b"one");
        assert_eq!(names(tmp.path()), ["out", "out.lock"]);
    }

    #[test]
    fn a_reused_tree_ends_holding_only_what_the_build_staged() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let (s, spare) = staged_into_kept_tree(&out);
        // the kept tree has a/ru/x.html, which this build does not make
        assert_eq!(s.link("a/en/x.html", &out.join("a/en/x.html")).unwrap(), 3);
        s.write(manifest::FILE, b"{\"n\": 3}").unwrap();
        drop(s.commit().unwrap());
        assert_eq!(names(&out), ["a", manifest::FILE]);
        assert_eq!(names(&out.join("a")), ["en"]);
        assert_eq!(fs::read(out.join("a/en/x.html")).unwrap(), b"one");
        assert!(!spare.exists());
        assert_eq!(names(tmp.path()), ["out", "out.lock"]);
    }

    #[test]
    fn a_kept_tree_is_used_only_beside_its_own_output_and_while_it_is_there() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        // another output folder: not staged into, removed
        let retired = two_builds(&out);
        let spare = retired.path().unwrap().to_path_buf();
        let other = Staging::begin_reusing(&tmp.path().join("other"), Some(retired)).unwrap();
        assert!(!other.is_reusing());
        assert!(!spare.exists());
        drop(other);
        // removed by hand: an empty staging folder instead
        let retired = two_builds(&out);
        fs::remove_dir_all(retired.path().unwrap()).unwrap();
        let s = Staging::begin_reusing(&out, Some(retired)).unwrap();
        assert!(!s.is_reusing());
        drop(s);
        // a build that finds out/ up to date leaves the kept tree for the next
        let retired = two_builds(&out);
        sweep(&out, retired.path());
        assert!(retired.path().unwrap().is_dir());
        let s = Staging::begin_reusing(&out, Some(retired)).unwrap();
        assert!(s.is_reusing());
    }

    #[test]
    fn refuses_to_replace_a_foreign_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("docs");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("precious.txt"), b"keep").unwrap();
        assert!(matches!(Staging::begin(&out), Err(OutputError::NotOurs(_))));
        assert_eq!(fs::read(out.join("precious.txt")).unwrap(), b"keep");
    }
}
