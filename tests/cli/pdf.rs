//! PDF output, read back with poppler (`pdfinfo`, `pdffonts`, `pdftotext`):
//! page counts, MediaBox and TrimBox, embedded fonts, extractable Arabic
//! text, the colour variants, escaping of hostile translations, and the two
//! checks (layout fit, font coverage).
//!
//! `.ci/run` installs poppler-utils and fonts-noto-core; without poppler the
//! read-back assertions are skipped (set PAMPHLET_REQUIRE_POPPLER=1 to make
//! that a failure), the rest still runs.

use std::path::Path;
use std::process::Command;

use super::*;

/// Runs a poppler tool on `pdf`; `None` when poppler is not installed.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> Option<String> {
    match Command::new(tool).args(args).arg(pdf).output() {
        Ok(o) => {
            assert!(
                o.status.success(),
                "{tool} {}: {}",
                pdf.display(),
                String::from_utf8_lossy(&o.stderr)
            );
            Some(String::from_utf8_lossy(&o.stdout).into_owned())
        }
        Err(_) => {
            assert!(
                std::env::var_os("PAMPHLET_REQUIRE_POPPLER").is_none(),
                "{tool} is required but not installed (apt-get install poppler-utils)"
            );
            eprintln!(
                "{tool} is not installed; skipping the read-back (apt-get install poppler-utils)"
            );
            None
        }
    }
}

/// `pdftotext` to stdout, for the text of a PDF.
fn pdf_text(pdf: &Path) -> Option<String> {
    let o = Command::new("pdftotext").arg(pdf).arg("-").output().ok()?;
    assert!(o.status.success());
    Some(String::from_utf8_lossy(&o.stdout).into_owned())
}

/// A box of `pdfinfo -box` (`MediaBox`, `TrimBox`, …) as width × height in mm.
fn box_mm(info: &str, name: &str) -> (f64, f64) {
    let line = info
        .lines()
        .find(|l| l.starts_with(&format!("{name}:")))
        .unwrap_or_else(|| panic!("no {name} in {info}"));
    let n: Vec<f64> = line
        .split_whitespace()
        .skip(1)
        .map(|x| x.parse().unwrap())
        .collect();
    let mm = |pt: f64| pt * 25.4 / 72.0;
    (mm(n[2] - n[0]), mm(n[3] - n[1]))
}

fn pages(info: &str) -> usize {
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .expect("a page count")
}

fn close(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 0.2 && (a.1 - b.1).abs() < 0.2
}

fn build(root: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    pamphlet(root, &args)
}

fn manifest(root: &Path) -> serde_json::Value {
    serde_json::from_str(&read(&root.join("out/manifest.json"))).unwrap()
}

fn append(path: &Path, text: &str) {
    let mut s = read(path);
    s.push_str(text);
    std::fs::write(path, s).unwrap();
}

#[test]
fn pdf_pages_trim_bleed_and_fonts() {
    let ws = fixture("print");
    let o = build(ws.path(), &["--strict"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("built 36 files"), "{}", stderr(&o));
    let out = ws.path().join("out");

    // the manifest says what each PDF is
    let m = manifest(ws.path());
    let files = m["files"].as_array().unwrap();
    let pdfs: Vec<&serde_json::Value> = files.iter().filter(|f| f["format"] == "pdf").collect();
    assert_eq!(pdfs.len(), 12);
    for f in &pdfs {
        let p = &f["pdf"];
        let (want_pages, trim) = match f["document"].as_str().unwrap() {
            "flyer" => (2, [105.0, 148.0]),
            "leaflet" => (2, [297.0, 210.0]),
            "brochure" => (4, [99.0, 210.0]),
            d => panic!("{d}"),
        };
        assert_eq!(p["pages"], want_pages, "{f}");
        let blank = if f["document"] == "brochure" { 1 } else { 0 };
        assert_eq!(p["blank_pages"], blank, "{f}");
        assert_eq!(p["trim_mm"], serde_json::json!(trim), "{f}");
        assert_eq!(p["bleed_mm"], 3.0);
        assert_eq!(p["variant"], "accessible");
        assert_eq!(p["standards"], serde_json::json!(["pdf/a-2b", "pdf/ua-1"]));
        assert!(!p["fonts"].as_array().unwrap().is_empty(), "{f}");
        assert_eq!(p["overflows"], serde_json::json!([]));
    }
    // the review page links the PDFs
    assert!(read(&out.join("index.html")).contains("notice/ar/leaflet.pdf"));

    // read back: page count, the trim size inside a 3 mm bleed, fonts embedded
    for (doc, want_pages, trim) in [
        ("flyer", 2, (105.0, 148.0)),
        ("leaflet", 2, (297.0, 210.0)),
        ("brochure", 4, (99.0, 210.0)),
    ] {
        for locale in ["en", "ru", "ar", "ka"] {
            let pdf = out.join(format!("notice/{locale}/{doc}.pdf"));
            assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
            let Some(info) = poppler("pdfinfo", &["-box"], &pdf) else {
                return;
            };
            assert_eq!(pages(&info), want_pages, "{doc}/{locale}");
            assert!(
                close(box_mm(&info, "TrimBox"), trim),
                "{doc}/{locale}: {info}"
            );
            assert!(
                close(box_mm(&info, "MediaBox"), (trim.0 + 6.0, trim.1 + 6.0)),
                "{doc}/{locale}: {info}"
            );
            assert!(info.contains("Tagged:          yes"), "{info}");
            let fonts = poppler("pdffonts", &[], &pdf).unwrap();
            let rows: Vec<&str> = fonts.lines().skip(2).collect();
            assert!(!rows.is_empty(), "{doc}/{locale}: no fonts");
            for row in rows {
                let cols: Vec<&str> = row.split_whitespace().collect();
                // name, type…, encoding, emb, sub, uni, object, generation
                assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {row}");
            }
        }
    }
}

#[test]
fn arabic_text_is_extractable_in_logical_order() {
    let ws = fixture("print");
    let o = build(ws.path(), &["--format", "pdf", "--locale", "ar"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let pdf = ws.path().join("out/notice/ar/flyer.pdf");
    let Some(text) = pdf_text(&pdf) else {
        poppler("pdftotext", &[], &pdf);
        return;
    };
    for phrase in ["خدمة المثال", "المهلة", "الهاتف"] {
        assert!(text.contains(phrase), "{phrase} missing from:\n{text}");
    }
    // the phone number stays a left-to-right run inside the Arabic text
    assert!(text.contains("+1 555 0100"), "{text}");
}

#[test]
fn press_variant_without_bleed() {
    let ws = fixture("print");
    let toml = ws.path().join("pamphlet.toml");
    std::fs::write(
        &toml,
        read(&toml).replace("bleed-mm = 3", "bleed-mm = 0\nvariant = \"press\""),
    )
    .unwrap();
    let o = build(ws.path(), &["--format", "pdf", "--locale", "ru"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let m = manifest(ws.path());
    let flyer = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "notice/ru/flyer.pdf")
        .unwrap();
    assert_eq!(flyer["pdf"]["variant"], "press");
    assert_eq!(flyer["pdf"]["bleed_mm"], 0.0);
    assert_eq!(flyer["pdf"]["standards"], serde_json::json!([]));
    let pdf = ws.path().join("out/notice/ru/flyer.pdf");
    if let Some(info) = poppler("pdfinfo", &["-box"], &pdf) {
        assert!(close(box_mm(&info, "MediaBox"), (105.0, 148.0)), "{info}");
        assert!(close(box_mm(&info, "TrimBox"), (105.0, 148.0)), "{info}");
    }
}

#[test]
fn pdf_settings_are_validated() {
    let ws = fixture("print");
    let toml = ws.path().join("pamphlet.toml");
    std::fs::write(
        &toml,
        read(&toml).replace("bleed-mm = 3", "bleed-mm = -1\nvariant = \"glossy\""),
    )
    .unwrap();
    let o = pamphlet(ws.path(), &["check"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("pamphlet.toml"), "{}", stderr(&o));
    std::fs::write(
        &toml,
        read(&toml).replace("bleed-mm = -1\nvariant = \"glossy\"", "bleed-mm = 40"),
    )
    .unwrap();
    let o = pamphlet(ws.path(), &["check"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("pdf.bleed-mm must be between 0 and 10"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn hostile_translations_stay_text_in_the_pdf() {
    let ws = fixture("print");
    let ru = ws.path().join("locales/ru/notice.ftl");
    let hostile = r#"#exec("rm") ] [ *жирный* _x_ $x^2$ \ <lbl> @ref = - + / // #set page(width: 1mm) `raw` ~ <strong>важно</strong>"#;
    std::fs::write(
        &ru,
        read(&ru).replace(
            "details = Регистрация бесплатна. Возьмите паспорт и адрес места пребывания.",
            &format!("details = {hostile}"),
        ),
    )
    .unwrap();
    let o = build(ws.path(), &["--format", "pdf", "--locale", "ru"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let pdf = ws.path().join("out/notice/ru/brochure.pdf");
    let Some(info) = poppler("pdfinfo", &["-box"], &pdf) else {
        return;
    };
    // `#set page(width: 1mm)` did not run: the page keeps its size
    assert!(close(box_mm(&info, "TrimBox"), (99.0, 210.0)), "{info}");
    let text = pdf_text(&pdf).unwrap();
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for literal in [
        "#exec(\"rm\")",
        "*жирный*",
        "$x^2$",
        "<lbl>",
        "@ref",
        "#set page(width: 1mm)",
        "`raw`",
    ] {
        assert!(flat.contains(literal), "{literal} missing from:\n{flat}");
    }
    // the allowed inline element became bold text, not literal tags
    assert!(
        flat.contains("важно") && !flat.contains("<strong>"),
        "{flat}"
    );
}

#[test]
fn russian_text_that_overflows_a_panel_is_reported() {
    let ws = fixture("print");
    let long = "Регистрация бесплатна, но занимает много места на панели. ".repeat(80);
    let ru = ws.path().join("locales/ru/notice.ftl");
    std::fs::write(
        &ru,
        read(&ru).replace(
            "details = Регистрация бесплатна. Возьмите паспорт и адрес места пребывания.",
            &format!("details = {long}"),
        ),
    )
    .unwrap();

    let o = pamphlet(ws.path(), &["check"]);
    assert_eq!(code(&o), 0, "a warning: {}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("warning[pdf-overflow]: ru: panel 3 of notice/leaflet does not fit in the PDF: from block 1 (paragraph) on"),
        "{err}"
    );
    assert!(err.contains("messages: details"), "{err}");
    assert!(err.contains("campaigns/notice.toml:"), "{err}");
    // the brochure page grew onto another page
    assert!(
        err.contains("ru: page 3 of notice/brochure does not fit in the PDF")
            && err.contains("runs onto 2 more pages"),
        "{err}"
    );
    // other locales fit
    assert!(!err.contains("en: panel"), "{err}");

    let o = pamphlet(ws.path(), &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "pdf-overflow" && d["severity"] == "warning")
    );
    assert_eq!(code(&pamphlet(ws.path(), &["check", "--deny-warnings"])), 1);

    let o = build(ws.path(), &["--strict"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("pdf-overflow"), "{}", stderr(&o));
    assert!(
        !ws.path().join("out").exists(),
        "strict failure writes nothing"
    );

    let o = build(ws.path(), &[]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let m = manifest(ws.path());
    let leaflet = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "notice/ru/leaflet.pdf")
        .unwrap();
    assert_eq!(leaflet["pdf"]["overflows"][0]["surface"], 3);
    // a rebuild that reuses the PDFs reports the overflow again
    let o = build(ws.path(), &[]);
    assert!(stderr(&o).contains("pdf-overflow"), "{}", stderr(&o));
}

#[test]
fn a_character_no_font_covers_is_an_error() {
    let ws = fixture("print");
    let toml = ws.path().join("pamphlet.toml");
    // only pamphlet's built-in fonts (Latin, Cyrillic, Greek, math): none has CJK
    append(&toml, "system-fonts = false\n");
    let ru = ws.path().join("locales/ru/notice.ftl");
    std::fs::write(
        &ru,
        read(&ru).replace("warning-title = Срок", "warning-title = Срок 期限"),
    )
    .unwrap();
    for args in [
        &["check"][..],
        &["check", "--locale", "ru"][..],
        &["build"][..],
    ] {
        let o = pamphlet(ws.path(), args);
        assert_eq!(code(&o), 1, "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains("error[font-coverage]: ru: no available font has the characters '期' (U+671F), '限' (U+9650)"), "{err}");
        assert!(err.contains("fonts-noto-cjk"), "{err}");
        assert!(err.contains("fonts/"), "{err}");
    }
    // HTML and text do not need the fonts
    let o = build(ws.path(), &["--format", "html", "--format", "txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn pdf_output_is_deterministic() {
    let ws = fixture("print");
    for out in ["a", "b"] {
        let out = ws.path().join(out);
        let o = build(
            ws.path(),
            &["--format", "pdf", "--out", out.to_str().unwrap()],
        );
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    let a = tree(&ws.path().join("a"));
    let b = tree(&ws.path().join("b"));
    let pdfs = |t: &[(String, Vec<u8>)]| -> Vec<(String, Vec<u8>)> {
        t.iter()
            .filter(|(p, _)| p.ends_with(".pdf"))
            .cloned()
            .collect()
    };
    assert_eq!(pdfs(&a).len(), 12);
    assert!(pdfs(&a) == pdfs(&b), "two builds give the same PDFs");
}

#[test]
fn crop_marks_sit_in_a_slug_outside_the_bleed() {
    let ws = fixture("print");
    append(&ws.path().join("pamphlet.toml"), "crop-marks = true\n");
    let o = build(ws.path(), &["--format", "pdf", "--locale", "en"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let m = manifest(ws.path());
    assert!(
        m["files"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["pdf"]["crop_marks"] == true)
    );
    let pdf = ws.path().join("out/notice/en/leaflet.pdf");
    if let Some(info) = poppler("pdfinfo", &["-box"], &pdf) {
        // 3 mm bleed and a 10 mm slug on every side; the TrimBox is the trim size
        assert!(close(box_mm(&info, "TrimBox"), (297.0, 210.0)), "{info}");
        assert!(close(box_mm(&info, "MediaBox"), (323.0, 236.0)), "{info}");
        assert_eq!(pages(&info), 2);
    }
}

#[test]
fn fonts_in_the_workspace_fonts_folder_are_used() {
    // a Georgian font from the system (fonts-noto-core), copied into fonts/
    let Some(font) = Command::new("fc-match")
        .args(["-f", "%{file}", "Noto Sans Georgian"])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .filter(|f| f.contains("NotoSansGeorgian"))
    else {
        eprintln!(
            "no Noto Sans Georgian on this system; skipping (apt-get install fonts-noto-core)"
        );
        return;
    };
    let ws = fixture("print");
    append(&ws.path().join("pamphlet.toml"), "system-fonts = false\n");
    std::fs::create_dir(ws.path().join("fonts")).unwrap();
    std::fs::copy(&font, ws.path().join("fonts/georgian.ttf")).unwrap();
    let o = build(ws.path(), &["--format", "pdf", "--locale", "ka", "-v"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("fonts: 1 from fonts/, 0 from the system"),
        "{}",
        stderr(&o)
    );
    let m = manifest(ws.path());
    let flyer = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "notice/ka/flyer.pdf")
        .unwrap();
    assert!(
        flyer["pdf"]["fonts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "Noto Sans Georgian"),
        "{flyer}"
    );
}

#[test]
fn the_review_page_shows_a_preview_of_each_pdf() {
    let ws = fixture("print");
    let o = build(ws.path(), &[]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = ws.path().join("out");
    let index = read(&out.join("index.html"));
    for locale in ["en", "ru", "ar", "ka"] {
        for doc in ["flyer", "leaflet", "brochure"] {
            let png = format!("_previews/notice/{locale}/{doc}.png");
            assert!(index.contains(&format!("src=\"{png}\"")), "{png}");
            assert!(
                std::fs::read(out.join(&png))
                    .unwrap()
                    .starts_with(b"\x89PNG\r\n\x1a\n")
            );
        }
    }
    // previews are review aids, not deliverables: the manifest lists the PDFs only
    assert!(!read(&out.join("manifest.json")).contains("_previews/"));
    // a rebuild that reuses a PDF keeps its preview
    let ru = ws.path().join("locales/ru/notice.ftl");
    append(&ru, "\nextra = unused\n");
    let o = build(ws.path(), &["-v"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("3 documents rendered, 9 reused"),
        "{}",
        stderr(&o)
    );
    for locale in ["en", "ru", "ar", "ka"] {
        assert!(
            out.join(format!("_previews/notice/{locale}/leaflet.png"))
                .is_file()
        );
    }
    // previews = false: none
    append(&ws.path().join("pamphlet.toml"), "previews = false\n");
    let o = build(ws.path(), &[]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!out.join("_previews").exists());
    assert!(!read(&out.join("index.html")).contains("_previews/"));
}
