//! A missing translation falls back along the chain, is reported and
//! recorded; `--strict` turns it into a failure that leaves out/ untouched.

use super::case::Case;
use super::expected::*;
use super::*;

#[test]
fn missing_translation_falls_back_and_is_recorded() {
    let case = Case::fixture("mini");
    case.run(&["build"]).code(0).stderr(
        r#"
fallback: ru took 1 message from en (-v lists them; out/manifest.json records them)
built 6 files (1 campaign × 3 locales), 1 fallback, 0 warnings in [T] s → [ROOT]/out
"#,
    );
    let out = case.root().join("out");
    let ru = case.out("notice/ru/flyer.txt");
    assert!(
        ru.contains("Send it by e-mail"),
        "the English text stands in: {ru}"
    );
    let ru_html = manifest_entry(&out, "notice/ru/flyer.html");
    assert_eq!(
        ru_html["fallbacks"],
        serde_json::json!([{ "message": "notice-step-two", "used": "en", "reason": "missing in ru" }])
    );
    let en_html = manifest_entry(&out, "notice/en/flyer.html");
    assert_eq!(en_html["fallbacks"], serde_json::json!([]));
    let index = case.out("index.html");
    assert!(index.contains("notice-step-two → en"));
}

#[test]
fn verbose_build_lists_each_fallback() {
    Case::fixture("mini")
        .run(&["build", "-v"])
        .code(0)
        .stderr(&mini_build_v());
}

#[test]
fn strict_build_fails_on_a_fallback_and_keeps_the_previous_output() {
    let case = Case::fixture("mini");
    case.run(&["build", "--locale", "en"]).code(0);
    let before = tree(&case.root().join("out"));
    case.run(&["build", "--strict"]).code(1).stderr(
        r#"
fallback: ru took 1 message from en (-v lists them; out/manifest.json records them)
error: --strict: 1 fallback and 0 warnings; [ROOT]/out left unchanged
"#,
    );
    assert_eq!(before, tree(&case.root().join("out")), "out/ is untouched");
    let leftovers: Vec<_> = std::fs::read_dir(case.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out."))
        .collect();
    assert!(leftovers.is_empty(), "no staging left: {leftovers:?}");
}

#[test]
fn broken_translation_falls_back_with_its_reason() {
    // a variable the campaign never passes: resolution fails, English is used
    let case = Case::fixture("mini").edit(
        "locales/ru/notice.ftl",
        "notice-step-one = Заполните анкету.",
        "notice-step-one = Заполните { $form }.",
    );
    case.run(&["build", "-v"]).code(0).stderr(&[
        r#"
fallback: ru took 2 messages from en (-v lists them; out/manifest.json records them)
  notice-step-one → en (broken in ru: Unknown variable: $form)
  notice-step-two → en (missing in ru)
"#,
        MINI_ALL_RENDERED,
        "built 6 files (1 campaign × 3 locales), 2 fallbacks, 0 warnings in [T] s → [ROOT]/out\n",
    ]
    .concat());
    assert!(!case.out("notice/ru/flyer.html").contains("{$form}"));
}

#[test]
fn explicit_chain_is_followed_before_the_source() {
    Case::fixture("mini")
        .append("pamphlet.toml", "\n[fallback]\nru = [\"ar\"]\n")
        .run(&["build", "-v"])
        .code(0)
        .stderr(&[
            r#"
fallback: ru took 1 message from ar (-v lists them; out/manifest.json records them)
  notice-step-two → ar (missing in ru)
"#,
            MINI_ALL_RENDERED,
            "built 6 files (1 campaign × 3 locales), 1 fallback, 0 warnings in [T] s → [ROOT]/out\n",
        ]
        .concat());
}

#[test]
fn format_prints_one_message_and_says_where_it_came_from() {
    let case = Case::fixture("mini");
    case.run(&["format", "ru", "notice-deadline", "--arg", "days=1"])
        .code(0)
        .stdout("В течение \u{2068}\u{2068}1\u{2069} рабочего дня\u{2069} после переезда.\n")
        .stderr("from ru\n");
    case.run(&["format", "ru", "notice-step-two"])
        .code(0)
        .stdout("Send it by e-mail or bring it to an office near you before the deadline ends, please.\n")
        .stderr("from en (fallback: missing in ru)\n");
    case.run(&["format", "ar", "mark.alt"])
        .code(0)
        .stdout("شعار \u{2068}خدمة المثال\u{2069}\n");
    case.run(&["format", "ar", "nope"]).code(1).stderr(
        r#"
error: message 'nope' cannot be resolved in ar: missing in ar; missing in en
"#,
    );
}
