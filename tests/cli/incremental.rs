//! Incremental builds: unchanged documents are carried over from the previous
//! output, changed ones re-rendered, and the result is the same as a full build.

use super::*;

fn rendered_and_reused(err: &str) -> (usize, usize) {
    let phases = err
        .lines()
        .find(|l| l.starts_with("phases:"))
        .unwrap_or_else(|| panic!("no phases line in {err}"));
    let tail = phases.rsplit("; ").next().unwrap();
    let nums: Vec<usize> = tail
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    (nums[0], nums[1])
}

#[test]
fn a_rebuild_without_changes_does_nothing_and_says_so() {
    let ws = sample_workspace();
    let o = pamphlet(ws.path(), &["build", "-v"]);
    assert_eq!(rendered_and_reused(&stderr(&o)), (48, 0));
    let first = tree(&ws.path().join("out"));
    let o = pamphlet(ws.path(), &["build", "-v"]);
    assert_eq!(code(&o), 0);
    assert!(
        stderr(&o)
            .contains("built 168 files (3 campaigns × 8 locales), 0 fallbacks, 0 warnings in"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("nothing changed since the last build"),
        "{}",
        stderr(&o)
    );
    assert_eq!(first, tree(&ws.path().join("out")));
    // a different filter is a different output: not "nothing changed"
    let o = pamphlet(ws.path(), &["build", "--locale", "ar"]);
    assert!(!stderr(&o).contains("nothing changed"), "{}", stderr(&o));
}

#[test]
fn an_unchanged_build_repeats_its_fallbacks_and_strict_still_fails() {
    let ws = fixture("mini");
    assert_eq!(code(&pamphlet(ws.path(), &["build"])), 0);
    let before = tree(&ws.path().join("out"));
    let o = pamphlet(ws.path(), &["build"]);
    assert!(
        stderr(&o).contains("fallback: ru took 1 message from en"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("nothing changed"), "{}", stderr(&o));
    let o = pamphlet(ws.path(), &["build", "--strict"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("--strict: 1 fallback and 0 warnings"),
        "{}",
        stderr(&o)
    );
    assert_eq!(before, tree(&ws.path().join("out")));
}

#[test]
fn a_missing_output_file_is_noticed_and_rebuilt() {
    let ws = sample_workspace();
    assert_eq!(code(&pamphlet(ws.path(), &["build"])), 0);
    std::fs::remove_file(ws.path().join("out/permits/ka/leaflet.txt")).unwrap();
    let o = pamphlet(ws.path(), &["build", "-v"]);
    assert_eq!(rendered_and_reused(&stderr(&o)), (1, 47), "{}", stderr(&o));
    assert!(ws.path().join("out/permits/ka/leaflet.txt").is_file());
}

#[test]
fn one_ftl_edit_rerenders_only_the_documents_that_use_it() {
    let ws = sample_workspace();
    assert_eq!(code(&pamphlet(ws.path(), &["build"])), 0);
    let ru = ws.path().join("locales/ru/permits.ftl");
    std::fs::write(
        &ru,
        read(&ru).replacen("permits-work-title = ", "permits-work-title = ✱ ", 1),
    )
    .unwrap();
    let o = pamphlet(ws.path(), &["build", "-v"]);
    // ru/permits, and uk/permits, whose chain falls back to ru
    assert_eq!(rendered_and_reused(&stderr(&o)), (2, 46), "{}", stderr(&o));
    let incremental = tree(&ws.path().join("out"));
    assert!(read(&ws.path().join("out/permits/ru/leaflet.html")).contains("✱ "));

    // the same as a build from scratch
    std::fs::remove_dir_all(ws.path().join("out")).unwrap();
    assert_eq!(code(&pamphlet(ws.path(), &["build"])), 0);
    assert_eq!(incremental, tree(&ws.path().join("out")));
}

#[test]
fn shared_messages_template_and_settings_changes_reach_every_document_that_uses_them() {
    let ws = sample_workspace();
    assert_eq!(code(&pamphlet(ws.path(), &["build"])), 0);
    // a shared term in Azerbaijani: every az document, and nothing else (no locale falls back to az)
    let az = ws.path().join("locales/az/shared.ftl");
    std::fs::write(
        &az,
        read(&az).replacen("-service-name = ", "-service-name = ✱", 1),
    )
    .unwrap();
    let o = pamphlet(ws.path(), &["build", "-v"]);
    assert_eq!(rendered_and_reused(&stderr(&o)), (5, 43), "{}", stderr(&o));
    // a template override changes everything
    std::fs::create_dir_all(ws.path().join("templates/txt")).unwrap();
    std::fs::write(
        ws.path().join("templates/txt/base.txt"),
        "{% block content %}{% endblock content %}\n-- end --\n",
    )
    .unwrap();
    let o = pamphlet(ws.path(), &["build", "-v"]);
    assert_eq!(rendered_and_reused(&stderr(&o)), (48, 0), "{}", stderr(&o));
    assert!(read(&ws.path().join("out/rights/fa/brochure.txt")).ends_with("-- end --\n"));
}

#[test]
fn a_tampered_previous_output_is_rendered_again() {
    let ws = sample_workspace();
    assert_eq!(code(&pamphlet(ws.path(), &["build"])), 0);
    std::fs::write(ws.path().join("out/rights/ka/brochure.html"), "tampered").unwrap();
    let o = pamphlet(ws.path(), &["build", "-v"]);
    assert_eq!(rendered_and_reused(&stderr(&o)), (1, 47), "{}", stderr(&o));
    assert!(read(&ws.path().join("out/rights/ka/brochure.html")).starts_with("<!DOCTYPE html>"));
}

#[test]
fn a_new_pamphlet_binary_never_reuses_what_an_older_one_rendered() {
    let ws = sample_workspace();
    let bin_dir = tempfile::tempdir().unwrap();
    let bin = bin_dir.path().join("pamphlet");
    std::fs::copy(env!("CARGO_BIN_EXE_pamphlet"), &bin).unwrap();
    let run = |bin: &Path| {
        Command::new(bin)
            .arg("--root")
            .arg(ws.path())
            .args(["build", "-v"])
            .output()
            .unwrap()
    };
    assert_eq!(code(&run(&bin)), 0);
    assert!(stderr(&run(&bin)).contains("nothing changed"));
    // "upgrade": the same version, a different executable
    std::fs::copy(env!("CARGO_BIN_EXE_pamphlet"), bin_dir.path().join("next")).unwrap();
    std::fs::rename(bin_dir.path().join("next"), &bin).unwrap();
    let o = run(&bin);
    assert!(!stderr(&o).contains("nothing changed"), "{}", stderr(&o));
    assert_eq!(rendered_and_reused(&stderr(&o)), (48, 0));
}

/// The summary line of `err` with its time replaced by `T`.
fn summary_line(err: &str) -> String {
    let line = err
        .lines()
        .find(|l| l.starts_with("built "))
        .unwrap_or_else(|| panic!("no summary line in {err}"));
    let (head, rest) = line.split_once(" in ").unwrap();
    let (_, tail) = rest.split_once(" s").unwrap();
    format!("{head} in T s{tail}")
}

/// Every file of the output tree but the index, the manifest and the cache.
fn documents(out: &Path) -> Vec<String> {
    tree(out)
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| !["index.html", "manifest.json", ".pamphlet-cache.json"].contains(&p.as_str()))
        .collect()
}

/// The manifest lists exactly the documents on disk, and the index links each.
fn assert_manifest_and_index_cover(out: &Path) {
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&out.join("manifest.json"))).unwrap();
    let listed: Vec<String> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect();
    let on_disk: Vec<String> = documents(out)
        .into_iter()
        .filter(|p| !p.starts_with("_previews/"))
        .collect();
    assert_eq!(listed, on_disk);
    let index = read(&out.join("index.html"));
    for path in &listed {
        assert!(
            index.contains(&format!("href=\"{path}\"")),
            "{path} not on the index"
        );
    }
}

#[test]
fn a_filtered_build_carries_over_what_did_not_change_and_drops_what_did() {
    let ws = sample_workspace();
    let out = ws.path().join("out");
    assert_eq!(code(&pamphlet(ws.path(), &["build"])), 0);
    let full = documents(&out);
    // every az document changes (no locale falls back to az)
    let az = ws.path().join("locales/az/shared.ftl");
    std::fs::write(
        &az,
        read(&az).replacen("-service-name = ", "-service-name = ✱", 1),
    )
    .unwrap();
    let o = pamphlet(ws.path(), &["build", "--locale", "ru"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        summary_line(&stderr(&o)),
        format!(
            "built 21 files (3 campaigns × 1 locale), 0 fallbacks, 0 warnings in T s, \
             6 of 6 documents unchanged, 127 files carried over, 20 dropped as out of date → {}",
            out.display()
        )
    );
    // the az outputs are gone (never shipped stale), everything else is
    // there: the az SMS too, whose message does not use the term
    let kept = documents(&out);
    let expected: Vec<String> = full
        .iter()
        .filter(|p| !p.contains("/az/") || p.ends_with("/az/sms.txt"))
        .cloned()
        .collect();
    assert_eq!(kept, expected);
    assert_manifest_and_index_cover(&out);
    // a full build renders az again, and only az
    let o = pamphlet(ws.path(), &["build", "-v"]);
    assert_eq!(rendered_and_reused(&stderr(&o)), (5, 43), "{}", stderr(&o));
    assert_eq!(documents(&out), full);
}

#[test]
fn a_build_of_one_format_keeps_the_others() {
    let ws = sample_workspace();
    let out = ws.path().join("out");
    assert_eq!(code(&pamphlet(ws.path(), &["build"])), 0);
    let full = tree(&out);
    let o = pamphlet(ws.path(), &["build", "--format", "pdf"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        summary_line(&stderr(&o)),
        format!(
            "built 32 files (3 campaigns × 8 locales), 0 fallbacks, 0 warnings in T s, \
             48 of 48 documents unchanged, 136 files carried over, 0 dropped as out of date → {}",
            out.display()
        )
    );
    // the same tree as the full build (but for the cache, which records the filter)
    let without_cache = |t: Vec<(String, Vec<u8>)>| -> Vec<(String, Vec<u8>)> {
        t.into_iter()
            .filter(|(p, _)| p != ".pamphlet-cache.json")
            .collect()
    };
    assert!(without_cache(tree(&out)) == without_cache(full));
    assert_manifest_and_index_cover(&out);
}
