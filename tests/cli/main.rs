//! Integration tests: the `pamphlet` binary run on fixture workspaces copied
//! into temporary folders, asserting on exit codes, messages and outputs.

mod add_locale;
mod build;
mod case;
mod channels;
mod checks;
mod errors;
mod exchange;
mod expected;
mod fallback;
mod format;
mod hints;
mod hostile;
mod incremental;
mod init;
mod interrupt;
mod invalidation;
mod messages;
mod pdf;
mod print_design;
mod pseudo;
mod review;
mod serve;
mod snapshots;
mod theme;
mod translations;
mod visual;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (the sample workspace).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies `tests/fixtures/<name>` into a fresh temporary folder.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/fixtures").join(name), tmp.path());
    tmp
}

/// Copies the sample workspace at the repository root (without out/ or target/).
pub fn sample_workspace() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("pamphlet.toml"),
        tmp.path().join("pamphlet.toml"),
    )
    .unwrap();
    for dir in ["campaigns", "locales", "assets", "templates"] {
        // An empty folder (templates/) does not survive a git clone.
        if repo().join(dir).is_dir() {
            copy_dir(&repo().join(dir), &tmp.path().join(dir));
        }
    }
    tmp
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs `pamphlet init <dir>` (a folder that need not exist yet), which must
/// succeed.
pub fn init_workspace(dir: &Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_pamphlet"))
        .arg("init")
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

/// Runs `pamphlet --root <root> <args>`.
pub fn pamphlet(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pamphlet"))
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

/// Every file under `dir` with its bytes, sorted by relative path.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                let rel = entry
                    .path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read(entry.path()).unwrap()));
            }
        }
    }
    out.sort();
    out
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Chromium and the Node script `tests/browser/<script>` that drives it
/// with playwright-core, when Chromium, Node and `npm ci --prefix
/// tests/browser` are there; `None` (and a note) otherwise, unless
/// PAMPHLET_REQUIRE_BROWSER=1 makes their absence a failure.
pub fn browser_driver(script: &str) -> Option<(PathBuf, PathBuf)> {
    let chromium = std::env::var_os("PAMPHLET_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    let driver = repo().join("tests/browser");
    let node = std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let ready = chromium.is_file() && node && driver.join("node_modules/playwright-core").is_dir();
    if !ready {
        assert!(
            std::env::var_os("PAMPHLET_REQUIRE_BROWSER").is_none(),
            "the browser test needs Chromium at {}, node, and npm ci --prefix tests/browser",
            chromium.display()
        );
        eprintln!(
            "Chromium, node or tests/browser/node_modules missing; skipping the browser test"
        );
        return None;
    }
    Some((chromium, driver.join(script)))
}

/// Every file entry of `out/manifest.json` in the output folder `out`.
pub fn manifest_files(out: &Path) -> Vec<serde_json::Value> {
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&out.join("manifest.json"))).unwrap();
    manifest["files"].as_array().unwrap().clone()
}

/// The manifest's entry of the file at `path` (relative to `out`).
pub fn manifest_entry(out: &Path, path: &str) -> serde_json::Value {
    manifest_files(out)
        .into_iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("{path} is not in the manifest"))
}

/// Replaces `from` (which must occur) with `to` in a copied workspace's file.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(text.contains(from), "{}: {from}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}
