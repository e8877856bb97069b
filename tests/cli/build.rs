//! Building the sample workspace and the mini fixture: what lands in out/.

use super::*;

#[test]
fn sample_workspace_builds_strict_with_every_campaign_locale_and_format() {
    let ws = sample_workspace();
    let o = pamphlet(ws.path(), &["build", "--strict"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("built 168 files (3 campaigns × 8 locales), 0 fallbacks, 0 warnings"),
        "{}",
        stderr(&o)
    );
    let out = ws.path().join("out");
    for (campaign, doc) in [
        ("register-stay", "flyer"),
        ("permits", "leaflet"),
        ("rights", "brochure"),
    ] {
        for locale in ["en", "az", "ru", "tr", "ka", "uk", "fa", "ar"] {
            let html = read(&out.join(format!("{campaign}/{locale}/{doc}.html")));
            let dir = if matches!(locale, "fa" | "ar") {
                "rtl"
            } else {
                "ltr"
            };
            assert!(
                html.contains(&format!("<html lang=\"{locale}\" dir=\"{dir}\">")),
                "{campaign}/{locale}"
            );
            let txt = read(&out.join(format!("{campaign}/{locale}/{doc}.txt")));
            assert!(
                txt.lines()
                    .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 72),
                "{campaign}/{locale} wraps at 72"
            );
        }
    }
    assert!(read(&out.join("index.html")).contains("href=\"permits/fa/leaflet.html\""));
}

#[test]
fn manifest_lists_every_file_with_a_correct_checksum() {
    let ws = fixture("mini");
    let o = pamphlet(ws.path(), &["build"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = ws.path().join("out");
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&out.join("manifest.json"))).unwrap();
    let files = manifest["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "notice/ar/flyer.html",
            "notice/ar/flyer.txt",
            "notice/en/flyer.html",
            "notice/en/flyer.txt",
            "notice/ru/flyer.html",
            "notice/ru/flyer.txt"
        ]
    );
    for f in files {
        let bytes = std::fs::read(out.join(f["path"].as_str().unwrap())).unwrap();
        assert_eq!(f["bytes"].as_u64().unwrap(), bytes.len() as u64);
        assert_eq!(
            f["sha256"].as_str().unwrap(),
            pamphlet::hash::sha256_hex(&bytes)
        );
        assert_eq!(f["campaign"], "notice");
        assert_eq!(f["document"], "flyer");
        assert_eq!(f["kind"], "flyer");
        assert_eq!(f["paper"], "A6");
    }
    // every file of the output tree is in the manifest, besides the index, the manifest and the build cache
    let on_disk: Vec<String> = tree(&out)
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| !["index.html", "manifest.json", ".pamphlet-cache.json"].contains(&p.as_str()))
        .collect();
    assert_eq!(on_disk, paths);
}

#[test]
fn html_escapes_translations_and_sets_print_geometry() {
    let ws = fixture("mini");
    assert_eq!(code(&pamphlet(ws.path(), &["build"])), 0);
    let html = read(&ws.path().join("out/notice/en/flyer.html"));
    assert!(
        html.contains("&amp; keep the &lt;receipt&gt;"),
        "translations are text, not markup"
    );
    assert!(!html.contains("<receipt>"));
    assert!(
        html.contains("@page { size: 105mm 148mm; margin: 0; }"),
        "A6 page size"
    );
    assert!(
        html.contains("<img src=\"data:image/svg+xml;base64,"),
        "assets are embedded"
    );
    assert!(
        html.contains("alt=\"Mark of the Example Service\""),
        "alt text from a message attribute"
    );
    assert!(html.contains("<a href=\"tel:+15550100\">"));
    assert_eq!(html.matches("<div class=\"page").count(), 2, "two sides");
}

/// Each contact entry gets one pictogram by its link (phone, web), hidden
/// from assistive technology; the page carries the shape of each icon it
/// shows once, and of no other.
#[test]
fn contact_entries_get_one_hidden_icon_each_and_the_page_only_the_icons_it_uses() {
    let ws = fixture("mini");
    assert_eq!(code(&pamphlet(ws.path(), &["build", "--locale", "en"])), 0);
    let html = read(&ws.path().join("out/notice/en/flyer.html"));
    let contact = &html[html.find("<div class=\"contact\"").unwrap()..];
    let contact = &contact[..contact.find("</div>").unwrap()];
    let entries = contact.matches("<dt>").count();
    assert_eq!(entries, 2);
    assert_eq!(contact.matches("<svg").count(), entries, "{contact}");
    assert_eq!(
        contact.matches("<svg class=\"icon icon-").count(),
        contact
            .matches(" aria-hidden=\"true\"><use href=\"#icon-")
            .count(),
        "every icon is hidden: {contact}"
    );
    assert!(contact.contains("<use href=\"#icon-phone\">"), "{contact}");
    assert!(contact.contains("<use href=\"#icon-web\">"), "{contact}");
    // phone and web from the contact, warning from the callout
    let symbols: Vec<&str> = html
        .split("<symbol id=\"icon-")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(symbols, ["phone", "web", "warning"]);
    assert!(html.contains("<svg class=\"icon-sprite\" aria-hidden=\"true\">"));
}

#[test]
fn the_same_inputs_give_a_byte_identical_output_tree() {
    let ws = sample_workspace();
    assert_eq!(code(&pamphlet(ws.path(), &["build"])), 0);
    let first = tree(&ws.path().join("out"));
    // from scratch, not carried over from the first build
    std::fs::remove_dir_all(ws.path().join("out")).unwrap();
    assert_eq!(code(&pamphlet(ws.path(), &["build"])), 0);
    assert_eq!(first, tree(&ws.path().join("out")));
}

#[test]
fn filters_limit_campaigns_locales_and_formats() {
    let ws = sample_workspace();
    let o = pamphlet(
        ws.path(),
        &[
            "build",
            "--campaign",
            "permits",
            "--locale",
            "ar",
            "--locale",
            "ka",
            "--format",
            "txt",
        ],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let files: Vec<String> = tree(&ws.path().join("out"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(
        files,
        [
            ".pamphlet-cache.json",
            "index.html",
            "manifest.json",
            "permits/ar/leaflet.txt",
            "permits/ka/leaflet.txt"
        ]
    );
}

#[test]
fn leaflet_has_two_sides_of_three_panels_and_a_brochure_without_breaks_flows() {
    let ws = sample_workspace();
    assert_eq!(
        code(&pamphlet(
            ws.path(),
            &["build", "--locale", "en", "--format", "html"]
        )),
        0
    );
    let leaflet = read(&ws.path().join("out/permits/en/leaflet.html"));
    // six panels in reading order (screen readers and phones follow it)...
    let panels: Vec<&str> = leaflet
        .match_indices("<div class=\"panel panel-")
        .map(|(at, _)| &leaflet[at + 24..at + 25])
        .collect();
    assert_eq!(panels, ["1", "2", "3", "4", "5", "6"]);
    assert!(leaflet.contains("<div class=\"panel panel-5\" data-panel=\"5 · flap\">"));
    // ...placed on the two sheets of the roll fold in print, the flap 97 mm wide
    assert!(leaflet.contains("@page { size: 297mm 210mm;"));
    assert!(leaflet.contains(
        "main { display: grid; grid-template-columns: 97mm 3mm 97mm 3mm 97mm; grid-template-rows: 210mm 210mm;"
    ));
    assert!(leaflet.contains(".panel-5 { grid-area: 1 / 1 / 2 / 2; }"));
    assert!(
        leaflet.contains("<img class=\"qr\" src=\"data:image/svg+xml;base64,"),
        "the back panel's link has a QR code"
    );
    let brochure = read(&ws.path().join("out/rights/en/brochure.html"));
    // no breaks: the proof shows the cover, the flowing middle and the back
    // (the PDF decides the pages; tests/cli/print_design.rs reads them)
    assert_eq!(brochure.matches("<div class=\"page").count(), 3);
    assert_eq!(
        brochure.matches("<div class=\"page page-blank\"").count(),
        0
    );
    assert!(
        !brochure.contains(".panel-5") && !leaflet.contains(".page { overflow"),
        "a brochure carries no leaflet rules, a leaflet no page rules"
    );
}

#[test]
fn jobs_sets_the_number_of_render_threads() {
    let ws = fixture("mini");
    let o = pamphlet(ws.path(), &["--jobs", "1", "build", "-v"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("on 1 thread"), "{}", stderr(&o));
    std::fs::remove_dir_all(ws.path().join("out")).unwrap();
    let o = pamphlet(ws.path(), &["build", "-v", "--jobs", "3"]);
    assert!(stderr(&o).contains("on 3 threads"), "{}", stderr(&o));
}

#[test]
fn amounts_percents_and_dates_are_formatted_in_each_locale() {
    let ws = fixture("mini");
    let campaign = ws.path().join("campaigns/notice.toml");
    let text = std::fs::read_to_string(&campaign).unwrap();
    std::fs::write(
        &campaign,
        text.replacen(
            "days = 15",
            "days = 15\nfee = { amount = 1250.5, currency = \"AZN\" }\nshare = { percent = 12.5 }",
            1,
        ),
    )
    .unwrap();
    for (locale, message) in [
        (
            "en",
            "notice-step-one = Fill in the form: { $fee }, { NUMBER($share, minimumFractionDigits: 1) }, { DATETIME($valid-as-of, dateStyle: \"long\") }.",
        ),
        (
            "ru",
            "notice-step-one = Заполните форму: { $fee }, { NUMBER($share, minimumFractionDigits: 1) }, { DATETIME($valid-as-of, dateStyle: \"long\") }.",
        ),
        (
            "ar",
            "notice-step-one = املأ الاستمارة: { $fee }، { NUMBER($share, minimumFractionDigits: 1) }، { DATETIME($valid-as-of, dateStyle: \"long\") }.",
        ),
    ] {
        let path = ws.path().join(format!("locales/{locale}/notice.ftl"));
        let ftl = std::fs::read_to_string(&path).unwrap();
        let line = ftl
            .lines()
            .find(|l| l.starts_with("notice-step-one"))
            .unwrap()
            .to_owned();
        std::fs::write(&path, ftl.replacen(&line, message, 1)).unwrap();
    }
    let o = pamphlet(ws.path(), &["build", "--format", "txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let read = |locale: &str| {
        std::fs::read_to_string(ws.path().join(format!("out/notice/{locale}/flyer.txt"))).unwrap()
    };
    // valid-as-of = 2026-01-15 in the fixture
    assert!(
        read("en").contains("AZN\u{a0}1,250.50, 12.5%, January 15, 2026."),
        "{}",
        read("en")
    );
    assert!(
        read("ru").contains("1\u{a0}250,50\u{a0}AZN, 12,5\u{a0}%, 15 января 2026 г."),
        "{}",
        read("ru")
    );
    assert!(
        read("ar").contains("\u{200f}1,250.50\u{a0}AZN"),
        "{}",
        read("ar")
    );
    assert!(read("ar").contains("15 يناير 2026"), "{}", read("ar"));
}

/// Every page links the same document in every language of the project, each
/// link named in its own language and script, with `hreflang`, `lang` and
/// `dir`, the current one marked; and lists them as alternates in its head.
#[test]
fn every_page_links_its_other_languages() {
    let ws = fixture("mini");
    let o = pamphlet(ws.path(), &["build"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let ar = read(&ws.path().join("out/notice/ar/flyer.html"));
    let nav = &ar[ar
        .find("<nav class=\"languages\">")
        .expect("a language switcher")..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    assert_eq!(
        nav,
        "<nav class=\"languages\">\n<ul>\n\
         <li><a href=\"../en/flyer.html\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a></li>\n\
         <li><a href=\"../ar/flyer.html\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\" aria-current=\"page\">العربية</a></li>\n\
         <li><a href=\"../ru/flyer.html\" hreflang=\"ru\" lang=\"ru\" dir=\"ltr\">Русский</a></li>\n\
         </ul>\n"
    );
    for tag in ["en", "ar", "ru"] {
        assert!(
            ar.contains(&format!(
                "<link rel=\"alternate\" hreflang=\"{tag}\" href=\"../{tag}/flyer.html\">"
            )),
            "{ar}"
        );
        // every link leads to a page that exists
        assert!(
            ws.path()
                .join(format!("out/notice/{tag}/flyer.html"))
                .is_file()
        );
    }
    // a pseudo-locale built on request lists itself, and no other page lists it
    let o = pamphlet(ws.path(), &["build", "--locale", "en-XA"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let xa = read(&ws.path().join("out/notice/en-XA/flyer.html"));
    assert!(
        xa.contains("hreflang=\"en-XA\" lang=\"en-XA\" dir=\"ltr\" aria-current=\"page\">"),
        "{xa}"
    );
    assert!(!ar.contains("en-XA"));
}

/// axe-core's rules hold on every page the sample builds, the review page
/// included, at phone and desktop widths (tests/browser/axe.mjs).
#[test]
fn sample_pages_pass_axe_core_in_chromium() {
    let Some((chromium, driver)) = browser_driver("axe.mjs") else {
        return;
    };
    let ws = sample_workspace();
    let o = pamphlet(ws.path(), &["build", "--format", "html"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let run = Command::new("node")
        .arg(driver)
        .arg(ws.path().join("out"))
        .arg(chromium)
        .output()
        .unwrap();
    let lines = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(
        run.status.success(),
        "{lines}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // every page, at two widths
    let out = ws.path().join("out");
    let pages = tree(&out)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html") && !p.starts_with('_'))
        .count();
    assert!(pages > 24, "{pages}");
    assert_eq!(lines.matches("ok: ").count(), 2 * pages, "{lines}");
}
