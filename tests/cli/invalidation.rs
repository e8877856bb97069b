//! What an incremental build must notice: for every kind of input, an edit
//! followed by a rebuild gives exactly the tree a build from scratch gives
//! (documents, manifest, index, cache); deleted campaigns, locales and
//! documents leave nothing behind; and documents carried over keep what
//! their first build recorded (fallbacks, layout overflows).

use super::*;

/// The paths of two trees that differ (missing on one side, or other bytes).
fn differences(a: &[(String, Vec<u8>)], b: &[(String, Vec<u8>)]) -> Vec<String> {
    let mut paths: Vec<&String> = a.iter().chain(b).map(|(p, _)| p).collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter(|p| {
            let find =
                |t: &[(String, Vec<u8>)]| t.iter().find(|(q, _)| q == *p).map(|(_, b)| b.clone());
            find(a) != find(b)
        })
        .cloned()
        .collect()
}

/// Builds with `args`, applies `edit`, rebuilds incrementally, and asserts
/// that the edit changed the output (so the case tests something) and that
/// the result equals a build from scratch. Returns the rebuild's stderr.
fn rebuild_equals_scratch(root: &Path, args: &[&str], edit: impl FnOnce(&Path)) -> String {
    let build = |extra: &[&str]| {
        let mut all = vec!["build"];
        all.extend_from_slice(args);
        all.extend_from_slice(extra);
        let o = pamphlet(root, &all);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        stderr(&o)
    };
    let out = root.join("out");
    build(&[]);
    let before = tree(&out);
    edit(root);
    let err = build(&["-v"]);
    let incremental = tree(&out);
    assert!(
        !differences(&before, &incremental).is_empty(),
        "the edit changed no output, so this case tests nothing"
    );
    std::fs::remove_dir_all(&out).unwrap();
    build(&[]);
    let scratch = tree(&out);
    assert_eq!(
        differences(&incremental, &scratch),
        Vec::<String>::new(),
        "an incremental rebuild differs from a build from scratch; rebuild said:\n{err}"
    );
    err
}

fn edit_file(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn project_variables() {
    let ws = fixture("mini");
    rebuild_equals_scratch(ws.path(), &[], |root| {
        edit_file(&root.join("pamphlet.toml"), "+1 555 0100", "+1 555 0199");
    });
}

#[test]
fn fallback_chains() {
    // ru lacks one message: it comes from ar instead of en
    let ws = fixture("mini");
    rebuild_equals_scratch(ws.path(), &[], |root| {
        let toml = root.join("pamphlet.toml");
        std::fs::write(&toml, read(&toml) + "\n[fallback]\nru = [\"ar\"]\n").unwrap();
    });
}

#[test]
fn a_campaign_file() {
    let ws = fixture("mini");
    rebuild_equals_scratch(ws.path(), &[], |root| {
        edit_file(
            &root.join("campaigns/notice.toml"),
            "days = 15",
            "days = 21",
        );
    });
}

#[test]
fn an_asset() {
    let ws = fixture("mini");
    rebuild_equals_scratch(ws.path(), &[], |root| {
        let logo = root.join("assets/mark.svg");
        let svg = read(&logo);
        let end = svg.rfind("</svg>").expect("an SVG");
        std::fs::write(
            &logo,
            format!(
                "{}<circle cx=\"1\" cy=\"1\" r=\"1\"/>{}",
                &svg[..end],
                &svg[end..]
            ),
        )
        .unwrap();
    });
}

#[test]
fn an_existing_template_override() {
    let ws = fixture("mini");
    std::fs::create_dir_all(ws.path().join("templates/txt")).unwrap();
    std::fs::write(
        ws.path().join("templates/txt/base.txt"),
        "{% block content %}{% endblock content %}\n-- end --\n",
    )
    .unwrap();
    rebuild_equals_scratch(ws.path(), &[], |root| {
        edit_file(
            &root.join("templates/txt/base.txt"),
            "-- end --",
            "-- the end --",
        );
    });
}

#[test]
fn a_reviewed_record() {
    // the review page shows which translations are stale
    let ws = fixture("mini");
    rebuild_equals_scratch(ws.path(), &[], |root| {
        let o = pamphlet(root, &["review", "ru"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert!(root.join("locales/ru/reviewed.toml").is_file());
    });
}

#[test]
fn pdf_settings() {
    let ws = fixture("print");
    rebuild_equals_scratch(ws.path(), &["--locale", "en"], |root| {
        edit_file(&root.join("pamphlet.toml"), "bleed-mm = 3", "bleed-mm = 5");
    });
}

#[test]
fn workspace_fonts() {
    // Georgian from a font in fonts/ instead of pamphlet's built-in fallback
    let font = Path::new("/usr/share/fonts/truetype/noto/NotoSansGeorgian-Regular.ttf");
    if !font.is_file() {
        assert!(
            std::env::var_os("PAMPHLET_REQUIRE_FONTS").is_none(),
            "{} is required (apt-get install fonts-noto-core)",
            font.display()
        );
        eprintln!(
            "no {}; skipping (apt-get install fonts-noto-core)",
            font.display()
        );
        return;
    }
    let ws = fixture("print");
    let toml = ws.path().join("pamphlet.toml");
    std::fs::write(&toml, read(&toml) + "system-fonts = false\n").unwrap();
    let err = rebuild_equals_scratch(ws.path(), &["--locale", "ka"], |root| {
        std::fs::create_dir(root.join("fonts")).unwrap();
        std::fs::copy(font, root.join("fonts/georgian.ttf")).unwrap();
    });
    assert!(err.contains("fonts: 1 from fonts/"), "{err}");
}

#[test]
fn a_deleted_campaign_locale_or_document_leaves_nothing_behind() {
    let ws = sample_workspace();
    let args = ["--format", "html"];
    // a campaign (its messages stay, unused)
    let err = rebuild_equals_scratch(ws.path(), &args, |root| {
        std::fs::remove_file(root.join("campaigns/rights.toml")).unwrap();
    });
    assert!(!ws.path().join("out/rights").exists(), "{err}");
    // a locale
    rebuild_equals_scratch(ws.path(), &args, |root| {
        edit_file(&root.join("pamphlet.toml"), "\"ka\", ", "");
        std::fs::remove_dir_all(root.join("locales/ka")).unwrap();
    });
    assert!(!ws.path().join("out/permits/ka").exists());
    let manifest = read(&ws.path().join("out/manifest.json"));
    assert!(!manifest.contains("/ka/"), "{manifest}");
    assert!(!read(&ws.path().join("out/index.html")).contains("permits/ka/"));

    // one document of a campaign: the print fixture's last one, its brochure
    let ws = fixture("print");
    let campaign = ws.path().join("campaigns/notice.toml");
    let text = read(&campaign);
    let last = text.rfind("[[document]]").expect("documents");
    assert!(text[last..].contains("id = \"brochure\""), "{text}");
    rebuild_equals_scratch(ws.path(), &args, |_| {
        std::fs::write(&campaign, &text[..last]).unwrap();
    });
    assert!(ws.path().join("out/notice/en/leaflet.html").is_file());
    assert!(!ws.path().join("out/notice/en/brochure.html").exists());
}

#[test]
fn carried_documents_keep_their_fallbacks_and_strict_still_fails() {
    let ws = fixture("mini");
    assert_eq!(code(&pamphlet(ws.path(), &["build"])), 0);
    // an edit to ar only: ru's flyer is carried over from the first build
    edit_file(
        &ws.path().join("locales/ar/notice.ftl"),
        "notice-step-one = ",
        "notice-step-one = ✱",
    );
    let o = pamphlet(ws.path(), &["build", "-v"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("1 document rendered, 2 reused"), "{err}");
    assert!(err.contains("fallback: ru took 1 message from en"), "{err}");
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&ws.path().join("out/manifest.json"))).unwrap();
    let ru: Vec<&serde_json::Value> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["locale"] == "ru")
        .collect();
    assert!(!ru.is_empty());
    for file in ru {
        assert_eq!(file["fallbacks"][0]["message"], "notice-step-two", "{file}");
    }
    assert!(
        read(&ws.path().join("out/index.html")).contains("notice-step-two"),
        "the review page lists ru's fallback"
    );
    // a partly reused build is judged like a full one
    edit_file(
        &ws.path().join("locales/ar/notice.ftl"),
        "notice-step-one = ✱",
        "notice-step-one = ✱✱",
    );
    let o = pamphlet(ws.path(), &["build", "--strict"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("--strict: 1 fallback and 0 warnings"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn carried_pdfs_keep_their_overflows() {
    let ws = fixture("print");
    edit_file(
        &ws.path().join("locales/ru/notice.ftl"),
        "details = Регистрация бесплатна.",
        &format!("details = {}", "Регистрация бесплатна. ".repeat(120)),
    );
    let args = [
        "build", "--format", "pdf", "--locale", "ru", "--locale", "ka",
    ];
    let o = pamphlet(ws.path(), &args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("ru: panel 3 of notice/leaflet"),
        "{}",
        stderr(&o)
    );
    // ka changes; ru's PDFs are carried over with their overflows
    edit_file(
        &ws.path().join("locales/ka/notice.ftl"),
        "title = ",
        "title = ✱",
    );
    let o = pamphlet(ws.path(), &[&args[..], &["-v"]].concat());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("3 documents rendered, 3 reused"), "{err}");
    assert!(
        err.contains("warning[pdf-overflow]: ru: panel 3 of notice/leaflet does not fit"),
        "{err}"
    );
    let leaflet = manifest_entry(&ws.path().join("out"), "notice/ru/leaflet.pdf");
    assert_eq!(leaflet["pdf"]["overflows"][0]["surface"], 3, "{leaflet}");
    let o = pamphlet(ws.path(), &[&args[..], &["--strict"]].concat());
    assert_eq!(code(&o), 1, "{}", stderr(&o));
}
