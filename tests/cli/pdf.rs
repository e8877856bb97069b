//! PDF output, read back with poppler (`pdfinfo`, `pdffonts`, `pdftotext`):
//! page counts, MediaBox and TrimBox, embedded fonts, extractable Arabic
//! text, the colour variants, escaping of hostile translations, and the two
//! checks (layout fit, font coverage).
//!
//! `.ci/run` installs poppler-utils, fonts-noto-core and fontconfig; without poppler the
//! read-back assertions are skipped (set PAMPHLET_REQUIRE_POPPLER=1 to make
//! that a failure), the rest still runs.

use std::path::Path;
use std::process::Command;

use super::*;

/// Runs a poppler tool on `pdf`; `None` when poppler is not installed.
pub(crate) fn poppler(tool: &str, args: &[&str], pdf: &Path) -> Option<String> {
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

/// The manifest's entry for the file at `path` in the output folder.
fn manifest_entry(root: &Path, path: &str) -> serde_json::Value {
    let m = manifest(root);
    m["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("no {path} in the manifest"))
        .clone()
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
    let flyer = manifest_entry(ws.path(), "notice/ru/flyer.pdf");
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
    // how many pages the text runs onto depends on the font's metrics: only
    // the fonts built into pamphlet, the same on every machine (they cover
    // Latin and Cyrillic, so ar and ka are left out)
    let toml = ws.path().join("pamphlet.toml");
    edit(
        &toml,
        r#"locales = ["en", "ru", "ar", "ka"]"#,
        r#"locales = ["en", "ru"]"#,
    );
    append(&toml, "system-fonts = false\n");
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
    // the brochure page grew onto another page (set in the built-in fonts)
    assert!(
        err.contains("warning[pdf-overflow]: ru: page 3 of notice/brochure does not fit in the PDF: from block 1 (paragraph) on, the content runs onto 1 more page; messages: details"),
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
    let leaflet = manifest_entry(ws.path(), "notice/ru/leaflet.pdf");
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
        assert!(
            std::env::var_os("PAMPHLET_REQUIRE_FONTS").is_none(),
            "fc-match and Noto Sans Georgian are required (apt-get install fontconfig fonts-noto-core)"
        );
        eprintln!(
            "no fc-match or Noto Sans Georgian on this system; skipping (apt-get install fontconfig fonts-noto-core)"
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
    let flyer = manifest_entry(ws.path(), "notice/ka/flyer.pdf");
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

/// A line of `pdftotext -bbox-layout`: its page (1-based) and its words with
/// their left and right edges, in mm from the left of the trimmed page.
#[derive(Debug)]
struct TextLine {
    page: usize,
    words: Vec<(String, f64, f64)>,
}

impl TextLine {
    /// The words as read: poppler gives right-to-left words in visual order
    /// (letters reversed, words left to right).
    fn text(&self) -> String {
        let arabic = |w: &str| w.chars().any(|c| ('\u{600}'..='\u{6FF}').contains(&c));
        let mut words: Vec<String> = self
            .words
            .iter()
            .map(|(w, ..)| {
                if arabic(w) {
                    w.chars().rev().collect()
                } else {
                    w.clone()
                }
            })
            .collect();
        if self.words.iter().any(|(w, ..)| arabic(w)) {
            words.reverse();
        }
        words.join(" ")
    }
    fn left(&self) -> f64 {
        self.words.iter().map(|w| w.1).fold(f64::INFINITY, f64::min)
    }
    fn right(&self) -> f64 {
        self.words
            .iter()
            .map(|w| w.2)
            .fold(f64::NEG_INFINITY, f64::max)
    }
}

/// What `pdftotext -bbox-layout` gives for `pdf`: XHTML with a box for every
/// page, line and word, in points from the media box's top left. `None`
/// without poppler.
pub fn bbox_layout(pdf: &Path) -> Option<String> {
    poppler("pdfinfo", &[], pdf)?;
    let o = Command::new("pdftotext")
        .args(["-bbox-layout".as_ref(), pdf.as_os_str(), "-".as_ref()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Some(String::from_utf8_lossy(&o.stdout).into_owned())
}

/// The number in attribute `name` of a box tag from [`bbox_layout`] (the tag
/// written with a space before its first attribute).
pub fn bbox_attr(tag: &str, name: &str) -> f64 {
    let at = tag.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
    let end = at + tag[at..].find('"').unwrap();
    tag[at..end].parse().unwrap()
}

/// The text lines of `pdf` with their positions; `bleed_mm` is subtracted so
/// that x is measured from the trim edge. `None` without poppler.
fn text_lines(pdf: &Path, bleed_mm: f64) -> Option<Vec<TextLine>> {
    let xml = bbox_layout(pdf)?;
    let attr = |tag: &str, name: &str| bbox_attr(tag, name) * 25.4 / 72.0 - bleed_mm;
    let mut lines = Vec::new();
    let mut page = 0;
    for chunk in xml.split('<').skip(1) {
        if chunk.starts_with("page ") {
            page += 1;
        } else if chunk.starts_with("line ") {
            lines.push(TextLine {
                page,
                words: Vec::new(),
            });
        } else if let Some(word) = chunk.strip_prefix("word ") {
            let (tag, text) = word.split_once('>').unwrap();
            let tag = format!(" {tag}");
            let tag = tag.as_str();
            let line = lines.last_mut().expect("words are inside lines");
            line.words
                .push((text.to_owned(), attr(tag, "xMin"), attr(tag, "xMax")));
        }
    }
    Some(lines)
}

/// The safe area (left and right edge, mm) of each surface of a page of the
/// print fixture's `kind` (bleed 3 mm, safe 6 mm): the page, or a leaflet
/// sheet's three panels, mirrored for right-to-left documents.
fn safe_areas(kind: &str, page: usize, rtl: bool) -> Vec<(f64, f64)> {
    let safe = 6.0;
    let (sheet, widths): (f64, &[f64]) = match kind {
        "flyer" => (105.0, &[105.0]),
        "brochure" => (99.0, &[99.0]),
        _ if page == 1 => (297.0, &[97.0, 100.0, 100.0]),
        _ => (297.0, &[100.0, 100.0, 97.0]),
    };
    let mut x = 0.0;
    widths
        .iter()
        .map(|w| {
            let left = if rtl { sheet - x - w } else { x };
            x += w;
            (left + safe, left + w - safe)
        })
        .collect()
}

/// Issue: Arabic leaflet panels were set flush left, with list markers far
/// from their text. Every line of text must start at the start side of its
/// panel (the right, in Arabic) and hold together (no hole between words),
/// in every kind of document; English is the mirror image.
#[test]
fn right_to_left_text_starts_at_the_right_of_every_panel_and_page() {
    let ws = fixture("print");
    let o = build(
        ws.path(),
        &["--format", "pdf", "--locale", "ar", "--locale", "en"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for (locale, rtl) in [("ar", true), ("en", false)] {
        for kind in ["flyer", "leaflet", "brochure"] {
            let pdf = ws.path().join(format!("out/notice/{locale}/{kind}.pdf"));
            let Some(lines) = text_lines(&pdf, 3.0) else {
                return;
            };
            assert!(lines.len() > 5, "{locale}/{kind}: {lines:?}");
            for line in &lines {
                let text = line.text();
                // contact values stand in the column after their labels
                if text == "+1 555 0100" || text == "https://example.org/help" {
                    continue;
                }
                // the organization's name stands beside its 14 mm logo
                let indent = if text == "خدمة المثال" || text == "Example Service" {
                    20.0
                } else {
                    // list markers, callout bars and their insets, and a
                    // callout's pictogram before its text, all of which grow
                    // with the body size auto-fit picks (up to 13 pt)
                    15.0
                };
                let center = (line.left() + line.right()) / 2.0;
                let (left, right) = safe_areas(kind, line.page, rtl)
                    .into_iter()
                    .find(|(l, r)| (*l - 1.0..=*r + 1.0).contains(&center))
                    .unwrap_or_else(|| panic!("{locale}/{kind}: {text:?} outside every panel"));
                let from_start = if rtl {
                    right - line.right()
                } else {
                    line.left() - left
                };
                assert!(
                    (-0.5..=indent).contains(&from_start),
                    "{locale}/{kind} page {}: {text:?} starts {from_start:.1} mm from the {} edge of its safe area ({left:.1}–{right:.1} mm): {line:?}",
                    line.page,
                    if rtl { "right" } else { "left" }
                );
                let mut words: Vec<&(String, f64, f64)> = line.words.iter().collect();
                words.sort_by(|a, b| a.1.total_cmp(&b.1));
                for pair in words.windows(2) {
                    assert!(
                        pair[1].1 - pair[0].2 < 8.0,
                        "{locale}/{kind}: a hole between {:?} and {:?} in {text:?}",
                        pair[0].0,
                        pair[1].0
                    );
                }
            }
        }
    }
}

/// Issue: a long e-mail address overlapped its label in Arabic and ran to
/// the fold in Russian, and nothing noticed. Addresses now break after `.`
/// and `@` (or stand under their label), so they stay inside the panel; a
/// word that cannot break is reported as too wide.
#[test]
fn long_addresses_stay_in_their_panel_and_text_too_wide_is_reported() {
    let ws = fixture("print");
    let toml = ws.path().join("pamphlet.toml");
    std::fs::write(
        &toml,
        read(&toml).replace(
            "site = \"https://example.org/help\"",
            "site = \"https://example.org/help\"\nmail = \"registration.of.the.place.of.stay@regional-office.migration-service.example.org\"",
        ),
    )
    .unwrap();
    let campaign = ws.path().join("campaigns/notice.toml");
    let text = read(&campaign);
    let leaflet_contact = "entries = [\n  { label = \"phone\", phone = \"$phone\" },\n]";
    assert!(text.contains(leaflet_contact), "{text}");
    std::fs::write(
        &campaign,
        text.replace(
            leaflet_contact,
            "entries = [\n  { label = \"phone\", phone = \"$phone\" },\n  { label = \"web\", email = \"$mail\" },\n]",
        ),
    )
    .unwrap();
    let o = build(
        ws.path(),
        &[
            "--format", "pdf", "--locale", "ar", "--locale", "ru", "--strict",
        ],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for (locale, rtl) in [("ar", true), ("ru", false)] {
        let pdf = ws.path().join(format!("out/notice/{locale}/leaflet.pdf"));
        let Some(lines) = text_lines(&pdf, 3.0) else {
            return;
        };
        // the back cover: panel 6, in the middle of the outside sheet
        let (left, right) = safe_areas("leaflet", 1, rtl)[1];
        let address: Vec<&TextLine> = lines
            .iter()
            .filter(|l| {
                l.page == 1
                    && l.words.iter().any(|(w, ..)| {
                        ["registration", "stay@", "regional", "migration-service"]
                            .iter()
                            .any(|part| w.contains(part))
                    })
            })
            .collect();
        assert!(!address.is_empty(), "{locale}: {lines:?}");
        for line in address {
            assert!(
                line.left() >= left - 0.5 && line.right() <= right + 0.5,
                "{locale}: {:?} runs out of the back cover's safe area ({left:.1}–{right:.1} mm): {line:?}",
                line.text()
            );
        }
    }

    // a Russian word with no place to break runs past the side of its panel
    let ru = ws.path().join("locales/ru/notice.ftl");
    std::fs::write(
        &ru,
        read(&ru).replace(
            "details = Регистрация бесплатна.",
            "details = Регистрациябесплатнаиобязательнадлякаждогоиностранногогражданина.",
        ),
    )
    .unwrap();
    let o = build(ws.path(), &["--format", "pdf", "--locale", "ru"]);
    assert_eq!(code(&o), 0, "a warning: {}", stderr(&o));
    let err = stderr(&o);
    let warning = err
        .lines()
        .find(|l| l.starts_with("warning[pdf-overflow]"))
        .unwrap_or_else(|| panic!("no pdf-overflow: {err}"));
    let (head, tail) = warning
        .split_once(" mm past")
        .unwrap_or_else(|| panic!("{warning}"));
    assert!(
        head.starts_with("warning[pdf-overflow]: ru: panel 3 of notice/leaflet does not fit in the PDF: in block 1 (paragraph), text runs "),
        "{warning}"
    );
    let mm: f64 = head.rsplit(' ').next().unwrap().parse().unwrap();
    assert!(mm > 1.0, "{warning}");
    assert_eq!(
        tail, " the side of the safe area; messages: details",
        "{warning}"
    );
    assert!(
        err.contains("hint: a word, address or number too long for the panel"),
        "{err}"
    );
    let leaflet = manifest_entry(ws.path(), "notice/ru/leaflet.pdf");
    assert_eq!(leaflet["pdf"]["overflows"][0]["surface"], 3);
    assert_eq!(leaflet["pdf"]["overflows"][0]["side_mm"], mm);
}

/// The word `word` on page `page` of `pdf`: its box in points from the
/// MediaBox's top left (`pdftotext -bbox`).
fn word_box(pdf: &Path, page: usize, word: &str) -> [f64; 4] {
    let p = page.to_string();
    let o = Command::new("pdftotext")
        .args(["-bbox", "-f", &p, "-l", &p])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(o.status.success());
    let html = String::from_utf8_lossy(&o.stdout);
    let tag = html
        .split("<word ")
        .find(|w| {
            w.split_once('>')
                .is_some_and(|(_, t)| t.starts_with(&format!("{word}<")))
        })
        .unwrap_or_else(|| panic!("no word {word} on page {page}: {html}"));
    let attr = |name: &str| -> f64 {
        let at = tag.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
        tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
    };
    [attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax")]
}

/// Page `page` of `pdf` at `dpi` as RGB pixels (`pdftoppm`, PPM): width,
/// height, bytes.
fn page_pixels(pdf: &Path, page: usize, dpi: u32) -> Option<(usize, usize, Vec<u8>)> {
    let dir = tempfile::tempdir().unwrap();
    let p = page.to_string();
    let r = dpi.to_string();
    let root = dir.path().join("page");
    poppler("pdfinfo", &[], pdf)?;
    let o = Command::new("pdftoppm")
        .args(["-r", &r, "-f", &p, "-l", &p, "-singlefile"])
        .arg(pdf)
        .arg(&root)
        .output()
        .unwrap();
    assert!(o.status.success());
    let bytes = std::fs::read(root.with_extension("ppm")).unwrap();
    // "P6\n<width> <height>\n255\n" then the pixels
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        let end = at
            + bytes[at..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .unwrap();
        if end > at {
            fields.push(String::from_utf8_lossy(&bytes[at..end]).into_owned());
        }
        at = end + 1;
    }
    let (w, h) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    Some((w, h, bytes[at..].to_vec()))
}

/// How many pixels in the box (points from the top left) are within a small
/// distance of `colour`.
fn pixels_of(image: &(usize, usize, Vec<u8>), dpi: u32, area: [f64; 4], colour: [u8; 3]) -> usize {
    let (w, h, px) = image;
    let scale = f64::from(dpi) / 72.0;
    let x = |v: f64| ((v * scale).round().max(0.0) as usize).min(*w);
    let y = |v: f64| ((v * scale).round().max(0.0) as usize).min(*h);
    let mut n = 0;
    for row in y(area[1])..y(area[3]) {
        for col in x(area[0])..x(area[2]) {
            let i = (row * w + col) * 3;
            let d: i32 = (0..3)
                .map(|c| (i32::from(px[i + c]) - i32::from(colour[c])).abs())
                .sum();
            n += usize::from(d < 90);
        }
    }
    n
}

/// Each contact entry starts with its pictogram, in the theme's accent, in
/// the square before its label (after it, in Arabic: the start side); the
/// warning callout's pictogram is drawn in the warning colour before its
/// title. Fails if a template drops the icons, draws them in black or puts
/// them on the wrong side.
#[test]
fn contact_entries_and_callouts_carry_their_pictograms_in_the_pdf() {
    let ws = fixture("print");
    let o = build(ws.path(), &["--format", "pdf"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    const ACCENT: [u8; 3] = [0x0b, 0x53, 0x94];
    const WARN: [u8; 3] = [0xb4, 0x53, 0x09];
    let dpi = 144;
    for (locale, rtl, label, title) in [
        ("en", false, "Phone", "Deadline"),
        ("ar", true, "الهاتف", "المهلة"),
    ] {
        let pdf = ws.path().join(format!("out/notice/{locale}/flyer.pdf"));
        let Some(image) = page_pixels(&pdf, 2, dpi) else {
            return;
        };
        for (word, colour) in [(label, ACCENT), (title, WARN)] {
            // poppler spells right-to-left words in visual order
            let spelt: String = if rtl {
                word.chars().rev().collect()
            } else {
                word.to_owned()
            };
            let [x0, y0, x1, y1] = word_box(&pdf, 2, &spelt);
            // the square before the word, on the start side; empty without an icon
            let square = 1.8 * (y1 - y0);
            let before = if rtl {
                [x1, y0, x1 + square, y1]
            } else {
                [x0 - square, y0, x0, y1]
            };
            let inked = pixels_of(&image, dpi, before, colour);
            assert!(
                inked >= 15,
                "{locale}: no icon before '{word}' ({inked} pixels)"
            );
        }
    }
}
