//! The print design of flyers, leaflets and brochures, read back from the
//! PDFs with poppler: auto-fit (a longer translation is set smaller or
//! reported, a shorter one larger), brochures that flow over a multiple of 4
//! pages without blank ones, and covers that mirror in right-to-left text.

use std::path::Path;
use std::process::Command;

use super::case::Case;
use super::pdf::{bbox_attr, bbox_layout, poppler};
use super::*;

fn build(root: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    pamphlet(root, &args)
}

/// Every word of `pdf` as `pdftotext -bbox-layout` gives it: page, text,
/// left, top, right, bottom in points from the top left of the media box.
fn words(pdf: &Path) -> Option<Vec<(usize, String, [f64; 4])>> {
    let xml = bbox_layout(pdf)?;
    let attr = bbox_attr;
    let mut out = Vec::new();
    let mut page = 0;
    for chunk in xml.split('<').skip(1) {
        if chunk.starts_with("page ") {
            page += 1;
        } else if let Some(word) = chunk.strip_prefix("word ") {
            let (tag, text) = word.split_once('>').unwrap();
            let tag = format!(" {tag}");
            let b = ["xMin", "yMin", "xMax", "yMax"].map(|n| attr(&tag, n));
            out.push((page, text.to_owned(), b));
        }
    }
    Some(out)
}

/// The height of the box poppler gives `word` on `page` (in proportion to
/// its font size, for words of one font).
fn word_height(words: &[(usize, String, [f64; 4])], page: usize, word: &str) -> f64 {
    words
        .iter()
        .find(|(p, w, _)| *p == page && w == word)
        .map(|(_, _, b)| b[3] - b[1])
        .unwrap_or_else(|| panic!("no {word:?} on page {page}"))
}

fn set_details(root: &Path, text: &str) {
    let en = root.join("locales/en/notice.ftl");
    let was = "details = Registration is free of charge. Bring your passport and the address of your stay.";
    let now = read(&en)
        .lines()
        .map(|l| {
            if l.starts_with("details = ") {
                format!("details = {text}")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(read(&en).contains(was) || read(&en).contains("details = "));
    std::fs::write(&en, now + "\n").unwrap();
}

/// The leaflet's panel 3 holds one paragraph (`details`): one sentence is
/// set at the largest size; 24 of them (about 2,000 characters) fit at a
/// smaller one; twice that is set smaller still and fits, or is reported.
#[test]
fn each_panel_is_set_at_the_size_its_text_fits() {
    let ws = fixture("print");
    let sentence =
        "Registration is free of charge. Bring your passport and the address of your stay. ";
    let mut heights = Vec::new();
    let mut reported = false;
    for times in [1, 24, 48] {
        set_details(ws.path(), sentence.repeat(times).trim_end());
        let o = build(ws.path(), &["--format", "pdf", "--locale", "en"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let pdf = ws.path().join("out/notice/en/leaflet.pdf");
        let Some(words) = words(&pdf) else { return };
        // panel 3 is on the inside sheet (page 2)
        heights.push(word_height(&words, 2, "Registration"));
        let overflow = stderr(&o).contains("panel 3 of notice/leaflet does not fit");
        if times < 48 {
            assert!(!overflow, "{times}×: {}", stderr(&o));
        } else if overflow {
            reported = true;
        } else {
            // it fits: every word of it stays above the bottom of the sheet's safe area
            let bottom = words
                .iter()
                .filter(|(p, ..)| *p == 2)
                .map(|(_, _, b)| b[3])
                .fold(0.0, f64::max);
            let limit = (210.0 + 3.0 - 6.0) * 72.0 / 25.4;
            assert!(bottom <= limit + 1.0, "{bottom} pt below {limit} pt");
        }
    }
    // a longer text is set smaller; one that does not fit at the smallest size is reported
    assert!(heights[0] > heights[1], "{heights:?}");
    assert!(heights[1] > heights[2] || reported, "{heights:?}");
    // the shortest is set at the largest size, 13 pt, the longest at no less than 9 pt
    let ratio = heights[2] / heights[0];
    assert!(ratio >= 9.0 / 13.0 - 0.01, "{heights:?}");
}

/// A translation twice as long as the source still fits every panel, side
/// and page of the fixture, set smaller; nothing is reported.
#[test]
fn a_translation_twice_as_long_fits_or_is_reported() {
    let ws = fixture("print");
    let en = ws.path().join("locales/en/notice.ftl");
    let doubled: String = read(&en)
        .lines()
        .map(|l| match l.split_once(" = ") {
            Some((id, text)) if !id.starts_with(' ') && !text.is_empty() => {
                format!("{id} = {text} {text}")
            }
            _ => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&en, doubled + "\n").unwrap();
    let o = build(ws.path(), &["--format", "pdf", "--locale", "en"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let err = stderr(&o);
    for kind in ["flyer", "leaflet", "brochure"] {
        let pdf = ws.path().join(format!("out/notice/en/{kind}.pdf"));
        let Some(info) = poppler("pdfinfo", &[], &pdf) else {
            return;
        };
        let entry =
            &serde_json::from_str::<serde_json::Value>(&read(&ws.path().join("out/manifest.json")))
                .unwrap()["files"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["path"] == format!("notice/en/{kind}.pdf"))
                .unwrap()["pdf"]
                .clone();
        let overflows = entry["overflows"].as_array().unwrap();
        // what does not fit is reported, and only that
        assert_eq!(
            overflows.is_empty(),
            !err.contains(&format!("of notice/{kind} does not fit")),
            "{kind}: {err}"
        );
        assert!(info.contains("Pages:"), "{info}");
    }
}

/// The sample's brochure has no `break`s: it flows over a multiple of 4
/// pages, every one of them with text, in every language built, each inside
/// page starting a section.
#[test]
fn the_sample_brochure_flows_over_a_multiple_of_four_pages_without_blank_ones() {
    let ws = sample_workspace();
    let o = build(
        ws.path(),
        &[
            "--format",
            "pdf",
            "--campaign",
            "rights",
            "--locale",
            "en",
            "--locale",
            "ar",
            "--locale",
            "ka",
        ],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!stderr(&o).contains("pdf-blank-page"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("pdf-overflow"), "{}", stderr(&o));
    for locale in ["en", "ar", "ka"] {
        let pdf = ws.path().join(format!("out/rights/{locale}/brochure.pdf"));
        let Some(info) = poppler("pdfinfo", &[], &pdf) else {
            return;
        };
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert!(
            pages >= 4 && pages.is_multiple_of(4),
            "{locale}: {pages} pages"
        );
        for page in 1..=pages {
            let n = page.to_string();
            let o = Command::new("pdftotext")
                .args(["-f", &n, "-l", &n])
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&o.stdout);
            assert!(
                text.chars().filter(|c| c.is_alphabetic()).count() > 10,
                "{locale}: page {page} of {pages} is blank"
            );
        }
        starts_with_headings(&pdf, locale, pages);
    }
}

/// Every page of `pdf` between the cover and the back starts a section: its
/// first line is a heading, set larger than most of the text below it.
fn starts_with_headings(pdf: &Path, locale: &str, pages: usize) {
    let Some(words) = words(pdf) else { return };
    for page in 2..pages {
        let on_page: Vec<_> = words.iter().filter(|(p, ..)| *p == page).collect();
        let top = on_page
            .iter()
            .min_by(|a, b| a.2[1].total_cmp(&b.2[1]))
            .unwrap();
        let mut heights: Vec<f64> = on_page.iter().map(|(_, _, b)| b[3] - b[1]).collect();
        heights.sort_by(f64::total_cmp);
        let median = heights[heights.len() / 2];
        assert!(
            top.2[3] - top.2[1] > 1.1 * median,
            "{locale}: page {page} starts with {:?}, not a heading",
            top.1
        );
    }
}

/// A flowing brochure's page ends between sections: the sample's brochure
/// without its "How to apply" section would be cut, as evenly as it goes,
/// before the callout that ends the registration section; the section stays
/// whole on its page instead, and the next page starts with a heading.
#[test]
fn a_flowing_brochure_ends_its_pages_between_sections() {
    let ws = sample_workspace();
    let toml = ws.path().join("campaigns/rights.toml");
    let text = read(&toml);
    let from = text.find("# how to register").unwrap();
    let to = text.find("# detention").unwrap();
    std::fs::write(&toml, format!("{}{}", &text[..from], &text[to..])).unwrap();
    let o = build(
        ws.path(),
        &["--format", "pdf", "--campaign", "rights", "--locale", "en"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let pdf = ws.path().join("out/rights/en/brochure.pdf");
    starts_with_headings(&pdf, "en", 4);
}

/// A brochure whose `break`s make 3 pages is padded with a blank page, and
/// the build says so (an info, shown with `-v`; `--strict` lets it pass).
#[test]
fn a_blank_page_that_pads_a_brochure_is_reported() {
    // the built-in fonts only, so that no machine's fonts make another page overflow
    Case::fixture("print")
        .edit("pamphlet.toml", "bleed-mm = 3", "bleed-mm = 3\nsystem-fonts = false")
        .run(&[
            "build", "--format", "pdf", "--locale", "en", "--strict", "-v",
        ])
        .code(0)
        .stderr(r#"
info[pdf-blank-page]: en: notice/brochure has 1 blank page, to make its page count a multiple of 4
  --> campaigns/notice.toml
  = hint: its `break`s make a page count that is not a multiple of 4: remove the `break` blocks to let the pages flow, or add or merge pages

phases: load [T] s, parse [T] s, check [T] s, templates [T] s, render+write [T] s (CPU: render [T] s, write [T] s), finish [T] s; 3 documents rendered, 0 reused, on [N] threads
fonts: 0 from fonts/, [N] from the system, 17 built in, found in [T] s
built 3 files (1 campaign × 1 locale), 0 fallbacks, 0 warnings in [T] s → [ROOT]/out
"#);
}

/// The cover's title starts at the start side of the front panel: the left
/// in English, the right in Arabic (where panel 1 lies at the left of the
/// outside sheet).
#[test]
fn the_cover_mirrors_in_right_to_left_documents() {
    let ws = fixture("print");
    let toml = ws.path().join("campaigns/notice.toml");
    let leaflet = read(&toml);
    let at = leaflet.find("id = \"leaflet\"").unwrap();
    let (head, tail) = leaflet.split_at(at);
    let tail = tail.replacen(
        "[[document.block]]\ntype = \"heading\"\nlevel = 1\ntext = \"title\"\n\n[[document.block]]\ntype = \"paragraph\"\ntext = \"intro\"\n",
        "[[document.block]]\ntype = \"cover\"\ntitle = \"title\"\ntext = \"intro\"\nname = \"org\"\nlogo = \"mark.svg\"\nalt = \"mark.alt\"\n",
        1,
    );
    assert_ne!(
        tail,
        leaflet[at..],
        "the leaflet's first panel is as expected"
    );
    std::fs::write(&toml, format!("{head}{tail}")).unwrap();
    let o = build(
        ws.path(),
        &["--format", "pdf", "--locale", "ar", "--locale", "en"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!stderr(&o).contains("pdf-overflow"), "{}", stderr(&o));
    let mm = |pt: f64| pt * 25.4 / 72.0 - 3.0;
    for (locale, title) in [("en", "Register"), ("ar", "سجل")] {
        let pdf = ws.path().join(format!("out/notice/{locale}/leaflet.pdf"));
        let Some(words) = words(&pdf) else { return };
        // the word of the title, not the same word in the subtitle: the tallest
        let title_word = words
            .iter()
            .filter(|(p, ..)| *p == 1)
            .filter(|(_, w, _)| {
                w.contains(title) || w.chars().rev().collect::<String>().contains(title)
            })
            .max_by(|a, b| (a.2[3] - a.2[1]).total_cmp(&(b.2[3] - b.2[1])))
            .unwrap_or_else(|| panic!("{locale}: no {title:?} on the outside sheet: {words:?}"));
        let [left, _, right, _] = title_word.2.map(mm);
        // panel 1: 197–297 mm in English, 0–100 mm in Arabic; safe area 6 mm
        if locale == "en" {
            assert!(
                (left - 203.0).abs() < 1.0,
                "en: the title starts at {left} mm"
            );
        } else {
            assert!(
                right < 100.0 && (right - 94.0).abs() < 1.0,
                "ar: the title ends at {right} mm"
            );
        }
        // the title is the largest text of the panel
        let height = title_word.2[3] - title_word.2[1];
        let body = words
            .iter()
            .filter(|(p, ..)| *p == 2)
            .map(|(_, _, b)| b[3] - b[1])
            .fold(f64::INFINITY, f64::min);
        assert!(height > 2.0 * body, "{locale}: title {height}, body {body}");
    }
}

/// Small print that ends a surface sits at its foot: the edition line of the
/// sample leaflet's back panel ends at the bottom of the safe area, where
/// an imprint goes, not under the last block above it.
#[test]
fn the_imprint_sits_at_the_foot_of_the_back_panel() {
    let ws = sample_workspace();
    let o = build(
        ws.path(),
        &["--format", "pdf", "--campaign", "permits", "--locale", "en"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let Some(words) = words(&ws.path().join("out/permits/en/leaflet.pdf")) else {
        return;
    };
    let mm = |pt: f64| pt * 25.4 / 72.0 - 3.0;
    let edition = words
        .iter()
        .find(|(p, w, _)| *p == 1 && w.starts_with("Edition"))
        .expect("the edition line on the outside sheet");
    // the sheet is 210 mm high, the safe margin 6 mm: the safe area ends at
    // 204 mm (the room before the small print is capped, so it may stop a
    // little above; without the rule the line ended at 173 mm)
    let bottom = mm(edition.2[3]);
    assert!(
        (194.0..=204.5).contains(&bottom),
        "the edition line ends at {bottom:.1} mm"
    );
}

/// A heading breaks between its words, never inside one, unless a word is
/// wider than the column: then it is hyphenated rather than run past the side.
#[test]
fn a_heading_is_hyphenated_only_when_a_word_does_not_fit() {
    for (title, hyphenated) in [
        ("Applications for temporary residence registration", false),
        (
            "Residenceregistrationapplicationprocessingdepartmentinformation",
            true,
        ),
    ] {
        let ws = fixture("print");
        let en = ws.path().join("locales/en/notice.ftl");
        std::fs::write(
            &en,
            read(&en).replacen(
                "steps-title = How to apply",
                &format!("steps-title = {title}"),
                1,
            ),
        )
        .unwrap();
        let o = build(ws.path(), &["--format", "pdf", "--locale", "en"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert!(!stderr(&o).contains("pdf-overflow"), "{}", stderr(&o));
        let Some(words) = words(&ws.path().join("out/notice/en/leaflet.pdf")) else {
            return;
        };
        // a word of the PDF that ends in a hyphen (poppler reads a soft one)
        // and is a piece of the title
        let hyphens = ['-', '\u{ad}'];
        let broken = words.iter().any(|(_, w, _)| {
            let stem = w.trim_end_matches(hyphens);
            stem.len() > 1 && stem.len() < w.len() && title.contains(stem)
        });
        assert_eq!(broken, hyphenated, "{title}: {words:?}");
    }
}
