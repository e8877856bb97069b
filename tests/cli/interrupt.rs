//! A build killed at any moment (SIGKILL, no chance to clean up) leaves the
//! previous `out/` whole: never a mix of old and new files. The next build
//! removes what the killed one left behind.

use super::*;

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
