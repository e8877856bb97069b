//! The fuzz targets' harness (`fuzz/fuzz_targets/common.rs`) compiled into the
//! test suite, so that it follows the library's API (the fuzz crate itself is
//! built only by `cargo fuzz`, which CI does not run), and every seed input
//! of `fuzz/seeds/` replayed through it exactly as the targets feed it:
//! load, plan, the translation checks, a render of every document in every
//! locale, every diagnostic rendered. A panic anywhere fails the test.

#[path = "../fuzz/fuzz_targets/common.rs"]
mod common;

use std::path::Path;

/// The fixed campaign of the `ftl` target, read out of its source (as
/// `fuzz/unpack.py` does), so that the two cannot drift apart.
fn ftl_campaign() -> &'static str {
    let src = include_str!("../fuzz/fuzz_targets/ftl.rs");
    let open = "const CAMPAIGN: &str = r#\"";
    let start = src.find(open).expect("ftl.rs defines CAMPAIGN") + open.len();
    let len = src[start..].find("\"#;").expect("CAMPAIGN is a raw string");
    &src[start..start + len]
}

fn seeds(target: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files
}

#[test]
fn every_fuzz_seed_runs_through_the_harness() {
    let root = common::workspace("workspace");
    let inputs = seeds("workspace");
    assert!(!inputs.is_empty());
    for input in &inputs {
        let data = std::fs::read(input).unwrap();
        let [campaign, en, ar] = common::split::<3>(&data);
        assert!(
            !campaign.is_empty(),
            "{} has a campaign part",
            input.display()
        );
        common::write(&root, "campaigns/c.toml", campaign);
        common::write(&root, "locales/en/m.ftl", en);
        common::write(&root, "locales/ar/m.ftl", ar);
        let reached = common::run(&root);
        // the every-block seed is the one that reaches every renderer: if
        // the workspace format moves and it stops loading, it tests nothing
        if input.ends_with("every-block") {
            assert!(
                reached.loaded && reached.rendered >= 1,
                "{} no longer renders: {reached:?}",
                input.display()
            );
        }
    }
    let _ = std::fs::remove_dir_all(&root);

    let root = common::workspace("ftl");
    common::write(&root, "campaigns/c.toml", ftl_campaign().as_bytes());
    let inputs = seeds("ftl");
    assert!(inputs.len() >= 4);
    for input in &inputs {
        let data = std::fs::read(input).unwrap();
        let [en, ar] = common::split::<2>(&data);
        common::write(&root, "locales/en/m.ftl", en);
        common::write(&root, "locales/ar/m.ftl", ar);
        common::run(&root);
    }
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn inputs_split_on_0xff_into_exactly_n_parts() {
    assert_eq!(common::split::<3>(b"a\xffb"), [&b"a"[..], b"b", b""]);
    assert_eq!(common::split::<2>(b"a\xffb\xffc"), [&b"a"[..], b"b\xffc"]);
    assert_eq!(common::split::<2>(b""), [&b""[..], b""]);
}
