//! A build killed at any moment (SIGKILL, no chance to clean up) leaves the
//! previous `out/` whole: never a mix of old and new files. The next build
//! removes what the killed one left behind.
//!
//! The kills at chosen moments (while staging, just before and just after the
//! swap) use the debug binary's fault point (`pamphlet::output::fault`), so
//! they land where they are meant to on every run; the timed kills of the big
//! workspace add moments nobody chose.

use super::case::Case;
use super::*;
use pamphlet::output::{cache, fault, manifest};

/// The folders a killed build leaves beside `out/` (`.out.staging-PID`,
/// `.out.old-PID`), sorted.
fn leftovers(root: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".out."))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// Every file under `dir` as `path sha256`, sorted: a tree to compare and,
/// when two differ, to read.
fn digest(dir: &Path) -> Vec<String> {
    tree(dir)
        .iter()
        .map(|(p, b)| format!("{p} {}", pamphlet::hash::sha256_hex(b)))
        .collect()
}

/// An output folder that is one whole build: its manifest lists exactly the
/// documents in it, each with the bytes its checksum names, beside the
/// manifest, the review page and the cache. Returns its [`digest`].
fn assert_whole_build(out: &Path) -> Vec<String> {
    let files = tree(out);
    let mut listed: Vec<String> = manifest_files(out)
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap();
            let bytes = std::fs::read(out.join(path))
                .unwrap_or_else(|e| panic!("{path} is in the manifest: {e}"));
            assert_eq!(
                f["sha256"].as_str().unwrap(),
                pamphlet::hash::sha256_hex(&bytes),
                "{path}"
            );
            path.to_owned()
        })
        .chain([manifest::FILE, "index.html", cache::FILE].map(String::from))
        .collect();
    listed.sort();
    let present: Vec<&String> = files.iter().map(|(p, _)| p).collect();
    assert_eq!(present, listed.iter().collect::<Vec<_>>());
    digest(out)
}

#[cfg(all(unix, debug_assertions))]
#[test]
fn a_build_killed_while_staging_or_at_the_swap_leaves_one_whole_output() {
    let case = Case::fixture("mini");
    let (root, out) = (case.root().to_path_buf(), case.root().join("out"));
    let ar = root.join("locales/ar/notice.ftl");
    case.run(&["build"]).code(0);
    let old = assert_whole_build(&out);
    let documents = old.len() - 3;
    assert!(documents >= 4, "{old:?}");

    // ar's documents are rendered again; en's and ru's are reused, linked
    // from the old output into the staging folder
    edit(&ar, "notice-step-one = ", "notice-step-one = ✱");
    // killed after the first file, after every document and the manifest
    // (the review page and the cache not yet), and with everything staged
    let after_manifest = format!("after-files:{}", documents + 1);
    let mut ready = None;
    for point in ["after-files:1", &after_manifest, "before-swap"] {
        case.run_with_env((fault::VAR, point), &["build"])
            .aborted()
            .stderr(&format!("{}={point}: aborting\n", fault::VAR));
        assert_eq!(digest(&out), old, "killed at {point}: out/ is the old one");
        // what it left, as a kill leaves it; the leftovers of the kill
        // before were removed when this build began
        let left = leftovers(&root);
        assert_eq!(left.len(), 1, "{point}: {left:?}");
        let staged = digest(&left[0]);
        let wanted = point
            .strip_prefix("after-files:")
            .map_or(old.len(), |n| n.parse().unwrap());
        assert!(
            staged.len() >= wanted,
            "{point}: {} files staged",
            staged.len()
        );
        if point == "before-swap" {
            ready = Some(assert_whole_build(&left[0]));
        }
    }
    // the next build recovers: the new output whole, nothing left beside
    // it, and just what the killed build had ready to swap in
    case.run(&["build"]).code(0);
    assert_eq!(leftovers(&root), Vec::<PathBuf>::new());
    let new = assert_whole_build(&out);
    assert_ne!(new, old);
    assert_eq!(Some(&new), ready.as_ref());

    // killed just after the swap: out/ is the newer build, whole, and the one
    // before it waits under the staging name to be removed
    edit(&ar, "notice-step-one = ✱", "notice-step-one = ✱✱");
    case.run_with_env((fault::VAR, "after-swap"), &["build"])
        .aborted()
        .stderr(&format!("{}=after-swap: aborting\n", fault::VAR));
    let newer = assert_whole_build(&out);
    assert_ne!(newer, new);
    let left = leftovers(&root);
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(digest(&left[0]), new);
    // the next build finds out/ up to date and removes the leftover
    case.run(&["build"])
        .code(0)
        .stderr(r#"
fallback: ru took 1 message from en (-v lists them; out/manifest.json records them)
built 6 files (1 campaign × 3 locales), 1 fallback, 0 warnings in [T] s, nothing changed since the last build → [ROOT]/out
"#);
    assert_eq!(leftovers(&root), Vec::<PathBuf>::new());
    assert_eq!(digest(&out), newer);
    // and what the killed build swapped in is what a build from scratch makes
    std::fs::remove_dir_all(&out).unwrap();
    case.run(&["build"]).code(0);
    assert_eq!(digest(&out), newer);
}

/// The sample workspace with 40 copies of each campaign, so a build takes long
/// enough to be killed in the middle.
fn big_workspace() -> tempfile::TempDir {
    let ws = sample_workspace();
    // HTML and text only: the output's atomicity does not depend on the format,
    // and 984 PDFs would make these tests slow
    // (the sample's own list may change: its line is replaced whole, and a
    // sample without one would build every default format, so it must exist)
    let toml = ws.path().join("pamphlet.toml");
    let text = read(&toml);
    let formats = text
        .lines()
        .find(|l| l.starts_with("formats = "))
        .expect("the sample's pamphlet.toml lists its formats");
    std::fs::write(&toml, text.replace(formats, r#"formats = ["html", "txt"]"#)).unwrap();
    for id in ["register-stay", "permits", "rights"] {
        let text = read(&ws.path().join(format!("campaigns/{id}.toml")));
        for n in 0..40 {
            std::fs::write(ws.path().join(format!("campaigns/{id}-{n:02}.toml")), &text).unwrap();
        }
    }
    ws
}

#[cfg(unix)]
#[test]
fn killed_builds_leave_old_or_new_output_never_a_mix() {
    let ws = big_workspace();
    assert_eq!(code(&pamphlet(ws.path(), &["build"])), 0);
    let old = tree(&ws.path().join("out"));
    // change one translation so a completed build would differ
    let ru = ws.path().join("locales/ru/register-stay.ftl");
    std::fs::write(&ru, read(&ru).replacen("reg-fee = ", "reg-fee = НОВОЕ ", 1)).unwrap();

    let mut interrupted = 0;
    // from 0 ms: a release binary may finish this incremental build within 5 ms
    for delay_ms in [0, 2, 5, 20, 40, 80, 120, 200, 400] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pamphlet"))
            .arg("--root")
            .arg(ws.path())
            .args(["build", "-q"])
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let finished = child.try_wait().unwrap().is_some();
        child.kill().ok();
        child.wait().unwrap();
        let now = tree(&ws.path().join("out"));
        let changed = now.iter().any(|(p, b)| {
            p.ends_with("ru/flyer.txt") && String::from_utf8_lossy(b).contains("НОВОЕ")
        });
        if changed {
            // the swap happened: every ru register-stay file is new, nothing old remains
            assert_eq!(now.len(), old.len());
            assert!(
                now.iter()
                    .filter(|(p, _)| p.contains("/ru/flyer.txt"))
                    .all(|(_, b)| String::from_utf8_lossy(b).contains("НОВОЕ"))
            );
        } else {
            assert_eq!(
                old, now,
                "killed after {delay_ms} ms: out/ must be exactly the old one"
            );
            if !finished {
                interrupted += 1;
            }
        }
    }
    assert!(
        interrupted > 0,
        "at least one build was killed before it finished"
    );
    let o = pamphlet(ws.path(), &["build"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let leftovers: Vec<String> = std::fs::read_dir(ws.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out."))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn concurrent_builds_never_interleave() {
    let ws = big_workspace();
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_pamphlet"))
            .arg("--root")
            .arg(ws.path())
            .args(["build", "-q"])
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    let codes = [code(&a), code(&b)];
    assert!(codes.contains(&0), "one of them builds: {codes:?}");
    for o in [&a, &b] {
        if code(o) != 0 {
            assert!(
                stderr(o).contains("another pamphlet build is writing"),
                "{}",
                stderr(o)
            );
        }
    }
    // the result is exactly one complete build
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&ws.path().join("out/manifest.json"))).unwrap();
    // 41 copies of each campaign in 8 locales, in html and txt: the leaflet,
    // the brochure and register-stay's flyer and slides have both, its video
    // (no vtt or srt asked for) and its SMS a txt only
    assert_eq!(
        manifest["files"].as_array().unwrap().len(),
        41 * 8 * (2 + 2 + 2 + 2 + 1 + 1)
    );
    for f in manifest["files"].as_array().unwrap() {
        let bytes = std::fs::read(ws.path().join("out").join(f["path"].as_str().unwrap())).unwrap();
        assert_eq!(
            f["sha256"].as_str().unwrap(),
            pamphlet::hash::sha256_hex(&bytes)
        );
    }
}
