//! `[theme]` in `pamphlet.toml`: a built-in palette reaches the HTML and the
//! PDF; a colour that fails WCAG 2.2 AA contrast, or a theme that does not
//! exist, stops the build with the pair or the known names.

use super::case::Case;
use super::*;

#[test]
fn a_built_in_theme_colours_the_html_and_the_pdf() {
    let case = Case::fixture("mini").append("pamphlet.toml", b"\n[theme]\nbase = \"bold\"\n");
    case.run(&["build", "--format", "html", "--format", "pdf"])
        .code(0);
    let html = read(&case.root().join("out/notice/en/flyer.html"));
    assert!(
        html.contains("--ink: #000000; --accent: #a1121c;"),
        "the bold palette in the page's CSS"
    );
    assert!(!html.contains("#0b5394"), "nothing of the default palette");
    let default = Case::fixture("mini");
    default.run(&["build", "--format", "pdf"]).code(0);
    let pdf = std::fs::read(case.root().join("out/notice/en/flyer.pdf")).unwrap();
    let civic = std::fs::read(default.root().join("out/notice/en/flyer.pdf")).unwrap();
    assert_ne!(pdf, civic, "the PDF is drawn in the theme's colours too");
}

#[test]
fn an_override_below_aa_contrast_names_each_failing_pair() {
    Case::fixture("mini")
        .append("pamphlet.toml", b"\n[theme]\naccent = \"#66aaff\"\n")
        .run(&["build"])
        .code(2)
        .stderr(
            r##"
error[theme-contrast]: headings and links (accent) on the page: #66aaff on #ffffff has a contrast of 2.40:1, below the 4.5:1 of WCAG 2.2 AA
  --> pamphlet.toml:13:10
   |
13 | accent = "#66aaff"
   |          ^
  = hint: darken the text colour or lighten its background; docs/themes.md lists every pair

error[theme-contrast]: language links (accent) on their bar (soft): #66aaff on #eef3f9 has a contrast of 2.15:1, below the 4.5:1 of WCAG 2.2 AA
  --> pamphlet.toml:13:10
   |
13 | accent = "#66aaff"
   |          ^
  = hint: darken the text colour or lighten its background; docs/themes.md lists every pair

error: pamphlet.toml is invalid; nothing was built
"##,
        )
        .nothing_written();
}

#[test]
fn an_unknown_theme_lists_the_built_in_ones() {
    Case::fixture("mini")
        .append(
            "pamphlet.toml",
            b"\n[theme]\nbase = \"neon\"\naccent = \"0b5394\"\n",
        )
        .run(&["build"])
        .code(2)
        .stderr(
            r##"
error[theme]: there is no built-in theme 'neon'
  --> pamphlet.toml:13:8
   |
13 | base = "neon"
   |        ^
  = hint: use one of: civic, bold, quiet

error[theme]: theme.accent must be a colour written #rrggbb, not '0b5394'
  --> pamphlet.toml:14:10
   |
14 | accent = "0b5394"
   |          ^
  = hint: for example accent = "#0b5394"

error: pamphlet.toml is invalid; nothing was built
"##,
        )
        .nothing_written();
}

#[test]
fn font_families_per_script_lead_the_html_stacks_and_set_the_pdf() {
    let case = Case::fixture("mini").append(
        "pamphlet.toml",
        b"\n[theme.fonts]\nlatin = \"DejaVu Serif\"\ncyrillic = \"DejaVu Sans Mono\"\n",
    );
    case.run(&["build", "--format", "html", "--format", "pdf"])
        .code(0);
    let html = |locale: &str| read(&case.root().join(format!("out/notice/{locale}/flyer.html")));
    assert!(
        html("en").contains(r#"font-family: "DejaVu Serif", "DejaVu Sans Mono", "Noto Sans""#),
        "an English page: the Latin family first"
    );
    assert!(
        html("ru").contains(r#"font-family: "DejaVu Sans Mono", "DejaVu Serif", "Noto Sans""#),
        "a Russian page: the Cyrillic family first"
    );
    let pdf = case.root().join("out/notice/en/flyer.pdf");
    if let Some(fonts) = super::pdf::poppler("pdffonts", &[], &pdf) {
        assert!(fonts.contains("DejaVuSerif"), "{fonts}");
    }
}

#[test]
fn an_unknown_script_in_theme_fonts_names_the_closest() {
    Case::fixture("mini")
        .append(
            "pamphlet.toml",
            b"\n[theme.fonts]\nlatin = \"Noto Sans\"\ncyrilic = \"PT Sans\"\n",
        )
        .run(&["build"])
        .code(2)
        .stderr(
            r##"
error[theme]: theme.fonts has no script 'cyrilic'
  --> pamphlet.toml:14:1
   |
14 | cyrilic = "PT Sans"
   | ^
  = hint: did you mean "cyrillic"? The scripts are: latin, cyrillic, greek, arabic, hebrew, georgian, armenian, cjk

error: pamphlet.toml is invalid; nothing was built
"##,
        )
        .nothing_written();
}

#[test]
fn the_theme_logo_stands_in_for_an_organization_without_one() {
    let case = Case::fixture("mini")
        .edit(
            "campaigns/notice.toml",
            "logo = \"mark.svg\"\nalt = \"mark.alt\"\n",
            "",
        )
        .append("pamphlet.toml", b"\n[theme]\nlogo = \"assets/mark.svg\"\n");
    case.run(&["build", "--format", "html", "--format", "pdf"])
        .code(0);
    let html = read(&case.root().join("out/notice/en/flyer.html"));
    let org = &html[html.find("<header class=\"org\"").unwrap()..];
    let org = &org[..org.find("</header>").unwrap()];
    assert!(
        org.starts_with(
            "<header class=\"org\" id=\"block-org-name\"><img src=\"data:image/svg+xml;base64,"
        ),
        "{org}"
    );
    assert!(
        org.contains("\" alt=\"\">"),
        "decorative beside the name: {org}"
    );
    let without = Case::fixture("mini").edit(
        "campaigns/notice.toml",
        "logo = \"mark.svg\"\nalt = \"mark.alt\"\n",
        "",
    );
    without.run(&["build", "--format", "html"]).code(0);
    let plain = read(&without.root().join("out/notice/en/flyer.html"));
    assert!(
        !plain.contains("<header class=\"org\" id=\"block-org-name\"><img"),
        "no theme logo, no image"
    );
}

#[test]
fn a_theme_logo_outside_assets_or_missing_is_an_error() {
    Case::fixture("mini")
        .append("pamphlet.toml", b"\n[theme]\nlogo = \"../mark.svg\"\n")
        .run(&["build"])
        .code(2)
        .stderr(
            r#"
error[theme]: theme.logo '../mark.svg' is not a path inside assets/
  --> pamphlet.toml:13:8
   |
13 | logo = "../mark.svg"
   |        ^
  = hint: for example logo = "assets/logo.svg"

error: pamphlet.toml is invalid; nothing was built
"#,
        )
        .nothing_written();
    Case::fixture("mini")
        .append("pamphlet.toml", b"\n[theme]\nlogo = \"assets/seal.svg\"\n")
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[asset]: asset 'seal.svg' does not exist in assets/
  --> pamphlet.toml
  = hint: put the file in the assets/ folder or fix the path

error: 1 error; nothing was built
"#,
        )
        .nothing_written();
}

/// `theme = "…"` in a campaign file draws that campaign in another built-in
/// palette than the project's `[theme]`; the other campaigns keep the
/// project's.
#[test]
fn a_campaign_theme_wins_over_the_project_palette() {
    let case = Case::fixture("mini")
        .append("pamphlet.toml", b"\n[theme]\nbase = \"bold\"\n")
        .edit(
            "campaigns/notice.toml",
            "edition = \"2\"\n",
            "edition = \"2\"\ntheme = \"quiet\"\n",
        );
    case.run(&["build", "--format", "html", "--format", "pdf"])
        .code(0);
    let html = read(&case.root().join("out/notice/en/flyer.html"));
    assert!(
        html.contains("--ink: #222222; --accent: #3d4f5f;"),
        "the quiet palette in the page's CSS"
    );
    assert!(
        !html.contains("#a1121c"),
        "nothing of the project's palette"
    );
    let project = Case::fixture("mini").append("pamphlet.toml", b"\n[theme]\nbase = \"bold\"\n");
    project.run(&["build", "--format", "pdf"]).code(0);
    let pdf = std::fs::read(case.root().join("out/notice/en/flyer.pdf")).unwrap();
    let bold = std::fs::read(project.root().join("out/notice/en/flyer.pdf")).unwrap();
    assert_ne!(pdf, bold, "the PDF is drawn in the campaign's palette too");
}

#[test]
fn an_unknown_campaign_theme_names_the_closest() {
    Case::fixture("mini")
        .edit(
            "campaigns/notice.toml",
            "edition = \"2\"\n",
            "edition = \"2\"\ntheme = \"qiet\"\n",
        )
        .run(&["build"])
        .code(1)
        .stderr(
            r##"
error[theme]: there is no built-in theme 'qiet'
  --> campaigns/notice.toml:4:9
  |
4 | theme = "qiet"
  |         ^
  = hint: did you mean "quiet"? The built-in themes are: civic, bold, quiet

error: 1 error; nothing was built
"##,
        )
        .nothing_written();
}

#[test]
fn corners_and_rules_come_with_the_theme_and_can_be_set() {
    let shape = |extra: &[u8]| {
        let case = Case::fixture("mini").append("pamphlet.toml", extra);
        case.run(&["build", "--format", "html"]).code(0);
        let html = read(&case.root().join("out/notice/en/flyer.html"));
        let at = html.find("--radius:").expect("the shape in the page's CSS");
        html[at..].lines().next().unwrap().to_string()
    };
    assert_eq!(shape(b""), "--radius: 1.0; --rule-weight: 1.0;");
    assert_eq!(
        shape(b"\n[theme]\nbase = \"bold\"\n"),
        "--radius: 0.0; --rule-weight: 2.0;"
    );
    assert_eq!(
        shape(b"\n[theme]\nbase = \"bold\"\ncorners = \"rounded\"\nrules = \"thin\"\n"),
        "--radius: 1.0; --rule-weight: 0.5;"
    );
}

#[test]
fn an_unknown_corner_style_lists_the_known_ones() {
    Case::fixture("mini")
        .append("pamphlet.toml", b"\n[theme]\ncorners = \"oval\"\n")
        .run(&["build"])
        .code(2)
        .stderr(
            r#"
error[theme]: theme.corners cannot be 'oval'
  --> pamphlet.toml:13:11
   |
13 | corners = "oval"
   |           ^
  = hint: use one of: rounded, square

error: pamphlet.toml is invalid; nothing was built
"#,
        );
}
