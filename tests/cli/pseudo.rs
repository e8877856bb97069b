//! Pseudo-locales (`en-XA` accented and longer, `ar-XB` right-to-left and
//! mirrored, generated from the source locale) and bidi isolation marks:
//! kept in visible HTML text, never in attribute values, and in the text
//! format kept for right-to-left locales only.

use std::path::Path;

use super::case::Case;
use super::*;

const ISOLATES: [char; 4] = ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];
/// How ar-XB writes a (mirrored) word: fenced by RLM and LRM on both sides.
fn xb(word: &str) -> String {
    format!("\u{200F}\u{200E}{word}\u{200E}\u{200F}")
}

/// The mini fixture with placeables in the logo's `alt` text (en and ar)
/// and allow-listed markup in a step.
fn mini() -> tempfile::TempDir {
    let ws = fixture("mini");
    let edit = |path: &str, from: &str, to: &str| {
        let p = ws.path().join(path);
        let text = read(&p);
        assert!(text.contains(from), "{path} has no {from:?}");
        std::fs::write(&p, text.replace(from, to)).unwrap();
    };
    edit(
        "locales/en/notice.ftl",
        ".alt = Mark of the { -org }",
        ".alt = Mark of the { -org }, call { $phone }",
    );
    edit(
        "locales/ar/notice.ftl",
        ".alt = شعار { -org }",
        ".alt = شعار { -org }، { $phone }",
    );
    edit(
        "locales/en/notice.ftl",
        "notice-step-one = Fill in the form.",
        "notice-step-one = Fill in the <strong>form</strong> within { $days } days.",
    );
    ws
}

fn build(root: &Path, locales: &[&str]) {
    let mut args = vec!["build"];
    for l in locales {
        args.extend(["--locale", l]);
    }
    let o = pamphlet(root, &args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

fn manifest(root: &Path) -> Vec<serde_json::Value> {
    let m: serde_json::Value =
        serde_json::from_str(&read(&root.join("out/manifest.json"))).unwrap();
    m["files"].as_array().unwrap().clone()
}

/// Every attribute of every tag in `html`: (tag, attribute, value). A small
/// parser of its own (quoted and unquoted values, comments, `<style>`), so
/// that the test does not trust the code it tests.
fn attributes(html: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix("!--") {
            rest = &r[r.find("-->").unwrap() + 3..];
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            continue;
        }
        rest = &rest[name.len()..];
        loop {
            rest = rest.trim_start();
            if rest.starts_with('>') || rest.starts_with("/>") || rest.is_empty() {
                break;
            }
            let attr: String = rest
                .chars()
                .take_while(|c| !c.is_whitespace() && !"=>/".contains(*c))
                .collect();
            rest = &rest[attr.len()..];
            let mut value = String::new();
            if let Some(r) = rest.strip_prefix('=') {
                let (v, after) = match r.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let end = r[1..].find(q).unwrap() + 1;
                        (&r[1..end], &r[end + 1..])
                    }
                    _ => {
                        let end = r.find(|c: char| c.is_whitespace() || c == '>').unwrap();
                        (&r[..end], &r[end..])
                    }
                };
                value = v.to_owned();
                rest = after;
            } else if attr.is_empty() {
                rest = &rest[1..];
                continue;
            }
            out.push((name.clone(), attr, value));
        }
        if name.eq_ignore_ascii_case("style") || name.eq_ignore_ascii_case("script") {
            let close = format!("</{name}");
            rest = &rest[rest.find(&close).unwrap()..];
        }
    }
    out
}

/// Every attribute of every HTML file under `out`, with the file's path.
fn all_attributes(out: &Path) -> Vec<(String, String, String, String)> {
    tree(out)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .flat_map(|(path, bytes)| {
            attributes(&String::from_utf8(bytes).unwrap())
                .into_iter()
                .map(move |(t, a, v)| (path.clone(), t, a, v))
        })
        .collect()
}

fn assert_no_isolates_in_attributes(out: &Path) -> Vec<(String, String, String, String)> {
    let attrs = all_attributes(out);
    assert!(!attrs.is_empty());
    for (path, tag, attr, value) in &attrs {
        assert!(
            !value.contains(ISOLATES),
            "{path}: <{tag} {attr}> carries a bidi isolate: {value:?}"
        );
    }
    attrs
}

#[test]
fn attribute_parser_of_the_tests_finds_what_it_should() {
    let attrs = attributes(
        "<!-- <x a=1> --><p class=a title=\"b c\">x</p><style>a<b{}</style><img alt='d' hidden/>",
    );
    let strs: Vec<(&str, &str, &str)> = attrs
        .iter()
        .map(|(t, a, v)| (t.as_str(), a.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        strs,
        [
            ("p", "class", "a"),
            ("p", "title", "b c"),
            ("img", "alt", "d"),
            ("img", "hidden", "")
        ]
    );
}

#[test]
fn en_xa_is_accented_longer_and_keeps_variables_and_markup() {
    let ws = mini();
    build(ws.path(), &["en", "en-XA"]);
    let out = ws.path().join("out/notice");
    let en = read(&out.join("en/flyer.txt"));
    let xa = read(&out.join("en-XA/flyer.txt"));
    // accented: the English words are gone, their look-alikes are there
    assert!(en.contains("Register your address"), "{en}");
    assert!(!xa.contains("Register"), "{xa}");
    assert!(xa.contains("Ŕééĝîîšţééŕ ýööûûŕ ááððŕééšš"), "{xa}");
    // about a third longer
    let grown = xa.chars().count() as f64 / en.chars().count() as f64;
    assert!(grown > 1.2, "en-XA is only {grown:.2} times as long:\n{xa}");
    // variables and select variants: the numbers as the source prints them
    assert!(xa.contains("+1 555 0100"), "{xa}");
    assert!(xa.contains("15 ðááýš"), "{xa}");
    assert!(xa.contains("3 ŵööŕķîîñĝ ðááýš"), "{xa}");
    assert!(!xa.contains('$') && !xa.contains('{'), "{xa}");
    // markup: allowed tags stay elements, other tag-like text stays literal
    let html = read(&out.join("en-XA/flyer.html"));
    assert!(html.contains("<html lang=\"en-XA\" dir=\"ltr\">"), "{html}");
    assert!(html.contains("<strong>ƒööŕɱ</strong>"), "{html}");
    assert!(html.contains("&lt;receipt&gt;"), "{html}");
    assert!(html.contains("href=\"tel:+15550100\""), "{html}");
}

#[test]
fn ar_xb_is_right_to_left_and_mirrored() {
    let ws = mini();
    build(ws.path(), &["ar-XB"]);
    let out = ws.path().join("out/notice/ar-XB");
    let html = read(&out.join("flyer.html"));
    assert!(html.contains("<html lang=\"ar-XB\" dir=\"rtl\">"), "{html}");
    let txt = read(&out.join("flyer.txt"));
    // every word reversed between bidi marks, in order; punctuation stays with its word
    assert!(
        txt.contains(&format!(
            "{} {} {}",
            xb("retsigeR"),
            xb("ruoy"),
            xb("sserdda")
        )),
        "{txt}"
    );
    assert!(txt.contains(&xb(".gnivom")), "{txt}");
    assert!(!txt.contains("Register"), "{txt}");
    // placeables untouched, and isolated (right-to-left text keeps the isolates)
    assert!(txt.contains("\u{2066}+1 555 0100\u{2069}"), "{txt}");
    assert!(txt.contains("\u{2068}15\u{2069}"), "{txt}");
    assert!(
        html.contains(&format!("<strong>{}</strong>", xb("mrof"))),
        "{html}"
    );
}

#[test]
fn manifest_and_index_mark_pseudo_locales_which_are_not_built_by_default() {
    let ws = mini();
    build(ws.path(), &[]);
    assert!(!ws.path().join("out/notice/en-XA").exists());
    assert!(!read(&ws.path().join("out/manifest.json")).contains("pseudo"));
    assert!(!read(&ws.path().join("out/index.html")).contains("pseudo-locale"));

    // a locale named twice, in two spellings, is built once; ar and ru are
    // carried over from the build before
    build(ws.path(), &["en", "en-XA", "ar-XB", "en_xa"]);
    let files = manifest(ws.path());
    assert_eq!(files.len(), 10);
    for f in &files {
        let pseudo = f["locale"] == "en-XA" || f["locale"] == "ar-XB";
        assert_eq!(f["pseudo"] == true, pseudo, "{f}");
        assert_eq!(f.get("pseudo").is_some(), pseudo, "{f}");
        if f["locale"] != "ru" {
            assert_eq!(f["fallbacks"], serde_json::json!([]), "{f}");
        }
    }
    let index = read(&ws.path().join("out/index.html"));
    assert_eq!(index.matches("pseudo-locale</small>").count(), 2, "{index}");
    assert!(
        index.contains("<span lang=\"ar-XB\" dir=\"rtl\">ar-XB</span> <small class=\"pseudo\">pseudo-locale</small>"),
        "{index}"
    );
}

#[test]
fn a_project_may_list_pseudo_locales_to_build_them_every_time() {
    let case = Case::of(mini());
    let config = case.root().join("pamphlet.toml");
    let text = read(&config).replace(
        "locales = [\"en\", \"ar\", \"ru\"]",
        "locales = [\"en\", \"en-XA\", \"ar\", \"ru\"]",
    );
    std::fs::write(&config, &text).unwrap();
    // a folder for it is ignored, with a warning
    std::fs::create_dir_all(case.root().join("locales/en-XA")).unwrap();
    std::fs::write(
        case.root().join("locales/en-XA/notice.ftl"),
        "notice-title = Hand-made\n",
    )
    .unwrap();
    case.run(&["build"]).code(0).stderr(r#"
warning[locale-pseudo-folder]: locales/en-XA is ignored: en-XA is a pseudo-locale, generated from the source locale
  --> locales/en-XA
  = hint: remove the folder; pseudo-locales need no files

fallback: ru took 1 message from en (-v lists them; out/manifest.json records them)
built 8 files (1 campaign × 4 locales), 1 fallback, 1 warning in [T] s → [ROOT]/out
"#);
    let xa = read(&case.root().join("out/notice/en-XA/flyer.txt"));
    assert!(
        xa.contains("Ŕééĝîîšţééŕ") && !xa.contains("Hand-made"),
        "{xa}"
    );
    std::fs::remove_dir_all(case.root().join("locales/en-XA")).unwrap();
    let o = pamphlet(case.root(), &["check", "--format", "json"]);
    let report = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(report.contains("locales/ru/"), "{report}");
    assert!(!report.contains("en-XA"), "{report}");

    std::fs::write(
        &config,
        text.replace("source-locale = \"en\"", "source-locale = \"en-XA\""),
    )
    .unwrap();
    case.run(&["build"]).code(2).stderr(r#"
error[locale-source]: 'en-XA' is a pseudo-locale, generated from the source locale; it cannot be the source
  --> pamphlet.toml:5:17
  |
5 | source-locale = "en-XA"
  |                 ^
  = hint: name the language the campaigns are written in, e.g. 'en'

error: pamphlet.toml is invalid; nothing was built
"#);
}

#[test]
fn format_previews_a_message_in_a_pseudo_locale() {
    let ws = mini();
    let o = pamphlet(
        ws.path(),
        &["format", "en-XA", "notice-deadline", "--arg", "days=1"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let stdout = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(stdout.contains("Ŵîîţĥîîñ"), "{stdout}");
    assert!(
        stdout.contains("1\u{2069} ŵööŕķîîñĝ ðááý\u{2069}"),
        "{stdout}"
    );
    assert_eq!(stderr(&o), "from en-XA\n");

    let o = pamphlet(ws.path(), &["format", "ar-XB", "mark.alt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let stdout = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(stdout.contains(&xb("kraM")), "{stdout}");
    assert!(stdout.contains("+1 555 0100"), "{stdout}");
}

#[test]
fn check_and_status_on_a_pseudo_locale_find_nothing_missing() {
    let ws = mini();
    // the same check on a real locale does report what is missing
    let o = pamphlet(ws.path(), &["check", "--locale", "ru", "--format", "json"]);
    let ru = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(ru.contains("\"message-missing\""), "{ru}");
    for tag in ["en-XA", "ar-XB"] {
        let o = pamphlet(ws.path(), &["check", "--locale", tag, "--format", "json"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(report["diagnostics"], serde_json::json!([]), "{report}");
    }
    let o = pamphlet(
        ws.path(),
        &[
            "status", "--locale", "en-XA", "--locale", "ru", "--format", "json",
        ],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let status: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(status["locales"], serde_json::json!(["ru", "en-XA"]));
    let xa = &status["totals"][1];
    assert_eq!(xa["locale"], "en-XA");
    assert_eq!(
        (xa["missing"].as_u64(), xa["percent"].as_u64()),
        (Some(0), Some(100))
    );
    assert_eq!(status["totals"][0]["missing"], 1);
}

#[test]
fn pseudo_locales_cannot_be_reviewed_and_unknown_tags_are_usage_errors() {
    let case = Case::of(mini());
    case.run(&["review", "en-XA"]).code(2).stderr(
        r#"
error: en-XA is a pseudo-locale, generated from the source locale; it has no translations to review
"#,
    );
    assert!(!case.root().join("locales/en-XA").exists());
    for (args, expected) in [
        (
            &["build", "--locale", "en-XB"][..],
            r#"
error: --locale en-XB: not a project locale (known: en, ar, ru; pseudo-locales: en-XA, ar-XB)
"#,
        ),
        (
            &["check", "--locale", "fr-XA"],
            r#"
error: --locale fr-XA: not a project locale (known: en, ar, ru; pseudo-locales: en-XA, ar-XB)
"#,
        ),
        (
            &["format", "ru-XA", "notice-title"],
            r#"
error: ru-XA: not a project locale (known: en, ar, ru; pseudo-locales: en-XA, ar-XB)
"#,
        ),
        (
            &["status", "--locale", "xx"],
            r#"
error: --locale xx: not a project locale (known: en, ar, ru; pseudo-locales: en-XA, ar-XB)
"#,
        ),
    ] {
        case.run(args).code(2).stderr(expected);
    }
    assert!(!case.root().join("out").exists(), "nothing built");
}

#[test]
fn attributes_never_carry_bidi_isolates_in_any_locale() {
    let ws = mini();
    build(ws.path(), &["en", "ar", "ru", "en-XA", "ar-XB"]);
    let out = ws.path().join("out");
    let attrs = assert_no_isolates_in_attributes(&out);
    // the alt texts have a placeable (isolated in visible text), in LTR and RTL
    for locale in ["en", "ar", "en-XA", "ar-XB"] {
        let alt = attrs
            .iter()
            .find(|(path, tag, attr, _)| {
                path.contains(&format!("/{locale}/")) && tag == "img" && attr == "alt"
            })
            .unwrap_or_else(|| panic!("no alt in {locale}"));
        assert!(alt.3.contains("+1 555 0100"), "{alt:?}");
    }
    // visible HTML text keeps them
    for locale in ["en", "ar", "en-XA", "ar-XB"] {
        let html = read(&out.join(format!("notice/{locale}/flyer.html")));
        assert!(html.contains("\u{2068}15\u{2069}"), "{locale}: {html}");
    }
}

#[test]
fn a_workspace_template_cannot_put_isolates_into_an_attribute() {
    let ws = mini();
    std::fs::create_dir_all(ws.path().join("templates/html")).unwrap();
    let base = include_str!("../../src/render/templates/html/base.html").replace(
        "<main>",
        "<main title=\"{{ surfaces[0].blocks[2].text }}\" aria-label='{{ title }}'>",
    );
    std::fs::write(ws.path().join("templates/html/base.html"), base).unwrap();
    build(ws.path(), &["en", "ar", "ar-XB"]);
    let out = ws.path().join("out");
    let attrs = assert_no_isolates_in_attributes(&out);
    let title = attrs
        .iter()
        .find(|(path, tag, attr, _)| path.contains("/ar/") && tag == "main" && attr == "title")
        .expect("the override's title attribute");
    // the paragraph with `{ $days }`, without its isolates
    assert!(title.3.contains("15"), "{title:?}");
    let html = read(&out.join("notice/ar/flyer.html"));
    assert!(html.contains("\u{2068}15\u{2069}"), "{html}");
}

#[test]
fn sample_workspace_attributes_are_free_of_isolates() {
    let ws = sample_workspace();
    build(ws.path(), &[]);
    assert_no_isolates_in_attributes(&ws.path().join("out"));
    build(ws.path(), &["en-XA", "ar-XB"]);
    assert_no_isolates_in_attributes(&ws.path().join("out"));
}

#[test]
fn text_format_drops_isolates_left_to_right_and_keeps_them_right_to_left() {
    let ws = mini();
    build(ws.path(), &["en", "ar", "ru", "en-XA", "ar-XB"]);
    let out = ws.path().join("out/notice");
    for (locale, keeps) in [
        ("en", false),
        ("ru", false),
        ("en-XA", false),
        ("ar", true),
        ("ar-XB", true),
    ] {
        let txt = read(&out.join(format!("{locale}/flyer.txt")));
        assert_eq!(txt.contains(ISOLATES), keeps, "{locale}: {txt}");
        assert!(txt.contains("15"), "{locale}: {txt}");
    }
}
