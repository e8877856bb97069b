//! `pamphlet init` and `pamphlet new`: a starter workspace and campaign
//! skeletons that build as they are.

use super::case::Case;
use super::*;

#[test]
fn init_creates_a_workspace_that_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("campaigns-2027");
    init_workspace(&dir);
    for f in [
        "pamphlet.toml",
        "campaigns/welcome.toml",
        "locales/en/welcome.ftl",
        ".gitignore",
    ] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    let o = pamphlet(&dir, &["build", "--strict"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let html = read(&dir.join("out/welcome/en/flyer.html"));
    assert!(html.contains(">A clear headline for the reader</h1>"));
    assert!(read(&dir.join("out/welcome/en/flyer.txt")).contains("Act within 15 days."));
}

#[test]
fn init_refuses_a_non_empty_folder() {
    let case = Case::empty().write("keep.txt", "x");
    let root = case.root().to_string_lossy().into_owned();
    case.run(&["init", &root]).code(2).stderr(
        r#"
error: [ROOT] exists and is not empty; init only writes into a new or empty folder
"#,
    );
    assert!(!case.root().join("pamphlet.toml").exists());
}

#[test]
fn new_adds_campaigns_of_every_kind_that_build() {
    let ws = fixture("mini");
    for (id, kind) in [
        ("a-flyer", "flyer"),
        ("a-leaflet", "leaflet"),
        ("a-brochure", "brochure"),
        ("a-deck", "slides"),
        ("a-video", "video"),
        ("an-sms", "sms"),
    ] {
        let o = pamphlet(ws.path(), &["new", id, "--kind", kind]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert!(stderr(&o).contains(&format!("created campaigns/{id}.toml")));
    }
    // strict: the skeletons of the other channels fit their own checks
    // (cue reading speed, SMS segments)
    let o = pamphlet(ws.path(), &["build", "--locale", "en", "--strict"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(ws.path().join("out/a-leaflet/en/leaflet.html").is_file());
    assert_eq!(
        read(&ws.path().join("out/a-deck/en/slides.html"))
            .matches("<section class=\"slide")
            .count(),
        3
    );
    let vtt = read(&ws.path().join("out/a-video/en/video.vtt"));
    assert_eq!(vtt.matches(" --> ").count(), 3, "{vtt}");
    assert!(vtt.contains("00:00:01.000 --> 00:00:05.000"), "{vtt}");
    assert!(
        vtt.contains("00:00:05.000 --> 00:00:09.000"),
        "the second cue follows the first: {vtt}"
    );
    assert!(read(&ws.path().join("out/an-sms/en/sms.txt")).starts_with("Welcome."));
    assert_eq!(
        read(&ws.path().join("out/a-brochure/en/brochure.html"))
            .matches("<div class=\"page")
            .count(),
        4
    );

    // the new leaflet names its panels where each one starts, in reading
    // order, and the HTML proof names them in the same words
    let toml = read(&ws.path().join("campaigns/a-leaflet.toml"));
    let names: Vec<&str> = toml
        .lines()
        .filter_map(|l| l.strip_prefix("# ── "))
        .collect();
    assert_eq!(
        names,
        [
            "panel 1: front cover (outside, right; left in a right-to-left language) ──",
            "panel 2: inside, first panel (the inside of the cover) ──",
            "panel 3: inside, middle panel ──",
            "panel 4: inside, last panel (folds in) ──",
            "panel 5: flap (outside, next to the back; seen when the cover opens) ──",
            "panel 6: back cover (outside, middle) ──",
        ]
    );
    let html = read(&ws.path().join("out/a-leaflet/en/leaflet.html"));
    for label in [
        "data-panel=\"5 · flap\"",
        "data-panel=\"6 · back cover\"",
        "data-panel=\"1 · front cover\"",
        "data-panel=\"2 · inside, first panel\"",
    ] {
        assert!(html.contains(label), "{label} missing from {html}");
    }
    let flyer = read(&ws.path().join("campaigns/a-flyer.toml"));
    assert!(
        flyer.contains("# ── side 1: front ──") && flyer.contains("# ── side 2: back ──"),
        "{flyer}"
    );
}

#[test]
fn new_refuses_bad_ids_and_existing_campaigns() {
    let case = Case::fixture("mini");
    let before = tree(case.root());
    case.run(&["new", "../escape"]).code(2).stderr(r#"
error: '../escape' cannot be a campaign id: it contains '.': ids are ASCII lowercase letters (a-z), digits and '-'; try `pamphlet new escape`
"#);
    case.run(&["new", "notice"]).code(1).stderr(
        r#"
error: campaigns/notice.toml already exists; choose another id
"#,
    );
    assert_eq!(before, tree(case.root()), "nothing written");
}
