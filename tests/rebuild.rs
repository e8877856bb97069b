//! A `Build` run again and again on one workspace, as `pamphlet serve` runs
//! it (keeping the parsed `.ftl` files between runs, and staging each run
//! into the tree the previous run's swap replaced), gives after every edit
//! exactly what a fresh build of the edited workspace gives: the same files
//! and folders in `out/`, byte for byte, and the same diagnostics, whatever
//! was done by hand to `out/` or to the kept tree meanwhile.

use std::collections::BTreeMap;
use std::path::Path;

use pamphlet::build::{Build, BuildOptions, End, Outcome};
use pamphlet::pipeline::Progress;

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `dir`, by relative path, and every folder (as
/// `path/`, with no content).
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                let rel = path.strip_prefix(dir).unwrap().to_string_lossy();
                out.insert(format!("{rel}/"), Vec::new());
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// What a build said: its warnings and fallbacks as printed, its errors,
/// and whether `out/` holds what it built. A build that found `out/` up to
/// date repeats what the build that made it said.
fn run(build: &mut Build) -> Vec<String> {
    match build.run(&Progress::default()).unwrap() {
        Outcome::Ran(report) => {
            let mut said = report.lines();
            said.extend(
                [&report.load, &report.render, &report.checks]
                    .into_iter()
                    .flatten()
                    .filter(|d| d.is_error())
                    .map(|d| d.render()),
            );
            said.push(match &report.end {
                End::Written(_) => "written".to_string(),
                End::Stopped(stop) => format!("stopped: {stop:?}"),
            });
            said
        }
        Outcome::Unchanged(u) => {
            let mut said = u.summary.report.clone();
            said.push("written".to_string());
            said
        }
    }
}

/// What an edit is called, and the edit.
type Edit<'a> = (&'static str, Box<dyn Fn() + 'a>);

/// The edit that adds `tail` at the end of `file` in the workspace `ws`.
fn append<'a>(ws: &'a Path, file: &'static str, tail: &'static str) -> Box<dyn Fn() + 'a> {
    Box::new(move || {
        let text = std::fs::read_to_string(ws.join(file)).unwrap();
        std::fs::write(ws.join(file), text + tail).unwrap();
    })
}

/// The edit that replaces `from`, which must be there, with `to` in `file`
/// of the workspace `ws`.
fn replace<'a>(
    ws: &'a Path,
    file: &'static str,
    from: &'static str,
    to: &'static str,
) -> Box<dyn Fn() + 'a> {
    Box::new(move || {
        let text = std::fs::read_to_string(ws.join(file)).unwrap();
        assert!(text.contains(from), "{file} has no {from:?}");
        std::fs::write(ws.join(file), text.replace(from, to)).unwrap();
    })
}

#[test]
fn a_build_that_keeps_its_parsed_files_equals_a_fresh_build_after_every_edit() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    copy(&fixture, &ws);
    let options = || BuildOptions {
        formats: vec![
            pamphlet::workspace::Format::Html,
            pamphlet::workspace::Format::Txt,
        ],
        ..BuildOptions::default()
    };
    let mut kept = Build::new(&ws, options()).keeping_between_runs();
    run(&mut kept);
    // the tree the kept build will stage into next: out/'s previous one
    let spare = || {
        let found = std::fs::read_dir(&ws)
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with(".out.retired-"));
        found.expect("a kept tree beside out/").path()
    };
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();

    let ru = "locales/ru/notice.ftl";
    let ar = "locales/ar/notice.ftl";
    let en = "locales/en/notice.ftl";
    let text = |file: &str| std::fs::read_to_string(ws.join(file)).unwrap();
    let broken = "\nbroken = { $days\n";
    let edits: Vec<Edit> = vec![
        (
            "a translation changed",
            replace(&ws, ru, "Зарегистрируйте адрес", "Новый заголовок"),
        ),
        ("a syntax error in a translation", append(&ws, ar, broken)),
        ("the error fixed", replace(&ws, ar, broken, "")),
        ("a syntax error in the source", append(&ws, en, broken)),
        ("the source fixed", replace(&ws, en, broken, "")),
        (
            "a translation file renamed",
            Box::new(|| {
                std::fs::rename(ws.join(ru), ws.join("locales/ru/renamed.ftl")).unwrap();
            }),
        ),
        (
            "a translation file deleted",
            Box::new(|| {
                std::fs::remove_file(ws.join("locales/ru/renamed.ftl")).unwrap();
            }),
        ),
        (
            "the same text back under its old name",
            Box::new(|| {
                let t = std::fs::read_to_string(fixture.join(ru)).unwrap();
                std::fs::write(ws.join(ru), t).unwrap();
            }),
        ),
        (
            "a translation reviewed against an older source text",
            Box::new(|| {
                let record = "[source]\nnotice-title = \"An older title\"\n";
                std::fs::write(ws.join("locales/ru/reviewed.toml"), record).unwrap();
            }),
        ),
        (
            "the source text the review was against",
            replace(&ws, en, "Register your address", "An older title"),
        ),
        (
            "a second campaign",
            Box::new(|| {
                let c = ws.join("campaigns");
                std::fs::copy(c.join("notice.toml"), c.join("second.toml")).unwrap();
            }),
        ),
        (
            "the second campaign removed",
            Box::new(|| std::fs::remove_file(ws.join("campaigns/second.toml")).unwrap()),
        ),
        (
            "a page of out/ rewritten by hand",
            Box::new(|| {
                let page = ws.join("out/notice/ru/flyer.html");
                std::fs::remove_file(&page).unwrap();
                std::fs::write(page, "edited by hand").unwrap();
            }),
        ),
        (
            "the kept tree changed by hand, and a translation",
            Box::new(|| {
                let spare = spare();
                // a file that is not a link to out/'s any more, with other content
                let page = spare.join("notice/ar/flyer.html");
                std::fs::remove_file(&page).unwrap();
                std::fs::write(&page, "stale").unwrap();
                // things no build makes
                std::fs::write(spare.join("notice/stray.txt"), "stray").unwrap();
                std::fs::create_dir_all(spare.join("stray/en")).unwrap();
                std::fs::write(spare.join("stray/en/x.html"), "stray").unwrap();
                // a file where a folder is, and a link out of the tree
                std::fs::remove_dir_all(spare.join("notice/en")).unwrap();
                std::fs::write(spare.join("notice/en"), "not a folder").unwrap();
                #[cfg(unix)]
                {
                    std::fs::remove_dir_all(spare.join("notice/ru")).unwrap();
                    std::os::unix::fs::symlink(&elsewhere, spare.join("notice/ru")).unwrap();
                }
                let t = text(en).replace("An older title", "Register now");
                std::fs::write(ws.join(en), t).unwrap();
            }),
        ),
        (
            "the kept tree removed by hand",
            Box::new(|| {
                std::fs::remove_dir_all(spare()).unwrap();
                let t = text(ru) + "\n# a comment\n";
                std::fs::write(ws.join(ru), t).unwrap();
                let t = text(ar).replace("notice-title =", "notice-title = !");
                std::fs::write(ws.join(ar), t).unwrap();
            }),
        ),
        (
            "out/ deleted by hand",
            Box::new(|| std::fs::remove_dir_all(ws.join("out")).unwrap()),
        ),
        (
            "a translation changed after out/ was made again",
            replace(&ws, ru, "Зарегистрируйте адрес", "Другой заголовок"),
        ),
    ];
    let mut written = 0;
    for (what, edit) in edits {
        edit();
        let kept_said = run(&mut kept);
        let fresh_ws = tmp.path().join(format!("fresh-{}", what.replace(' ', "-")));
        copy(&ws, &fresh_ws);
        let _ = std::fs::remove_dir_all(fresh_ws.join("out"));
        let fresh_said = run(&mut Build::new(&fresh_ws, options()));
        assert_eq!(kept_said, fresh_said, "{what}: what the builds said");
        // a build that stopped wrote nothing: the fresh one has no out/
        if fresh_said.last().is_some_and(|l| l == "written") {
            let (kept_out, fresh_out) = (files(&ws.join("out")), files(&fresh_ws.join("out")));
            let differ: Vec<&String> = kept_out
                .keys()
                .chain(fresh_out.keys())
                .filter(|p| kept_out.get(*p) != fresh_out.get(*p))
                .collect();
            assert!(differ.is_empty(), "{what}: out/ differs in {differ:?}");
        }
        written += usize::from(fresh_said.last().is_some_and(|l| l == "written"));
    }
    // all but the build with the broken source wrote out/
    assert_eq!(written, 16);
    // nothing was written through the link out of the kept tree
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}
