//! A missing translation falls back along the chain, is reported and
//! recorded; `--strict` turns it into a failure that leaves out/ untouched.

use super::*;

#[test]
fn missing_translation_falls_back_and_is_recorded() {
    let ws = fixture("mini");
    let o = pamphlet(ws.path(), &["build"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("fallback: ru took 1 message from en"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("1 fallback"), "{}", stderr(&o));

    let out = ws.path().join("out");
    let ru = read(&out.join("notice/ru/flyer.txt"));
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
    let index = read(&out.join("index.html"));
    assert!(index.contains("notice-step-two → en"));
}

#[test]
fn verbose_build_lists_each_fallback() {
    let ws = fixture("mini");
    let o = pamphlet(ws.path(), &["build", "-v"]);
    assert!(
        stderr(&o).contains("  notice-step-two → en (missing in ru)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn strict_build_fails_on_a_fallback_and_keeps_the_previous_output() {
    let ws = fixture("mini");
    assert_eq!(code(&pamphlet(ws.path(), &["build", "--locale", "en"])), 0);
    let before = tree(&ws.path().join("out"));
    let o = pamphlet(ws.path(), &["build", "--strict"]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("--strict: 1 fallback and 0 warnings"),
        "{}",
        stderr(&o)
    );
    assert_eq!(before, tree(&ws.path().join("out")), "out/ is untouched");
    let leftovers: Vec<_> = std::fs::read_dir(ws.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out."))
        .collect();
    assert!(leftovers.is_empty(), "no staging left: {leftovers:?}");
}

#[test]
fn broken_translation_falls_back_with_its_reason() {
    let ws = fixture("mini");
    // a variable the campaign never passes: resolution fails, English is used
    let ru = ws.path().join("locales/ru/notice.ftl");
    let text = read(&ru).replace(
        "notice-step-one = Заполните анкету.",
        "notice-step-one = Заполните { $form }.",
    );
    std::fs::write(&ru, text).unwrap();
    let o = pamphlet(ws.path(), &["build", "-v"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("notice-step-one → en (broken in ru: Unknown variable: $form)"),
        "{}",
        stderr(&o)
    );
    assert!(!read(&ws.path().join("out/notice/ru/flyer.html")).contains("{$form}"));
}

#[test]
fn explicit_chain_is_followed_before_the_source() {
    let ws = fixture("mini");
    let cfg = ws.path().join("pamphlet.toml");
    std::fs::write(&cfg, read(&cfg) + "\n[fallback]\nru = [\"ar\"]\n").unwrap();
    let o = pamphlet(ws.path(), &["build", "-v"]);
    assert!(
        stderr(&o).contains("notice-step-two → ar (missing in ru)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn format_prints_one_message_and_says_where_it_came_from() {
    let ws = fixture("mini");
    let o = pamphlet(
        ws.path(),
        &["format", "ru", "notice-deadline", "--arg", "days=1"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "В течение \u{2068}\u{2068}1\u{2069} рабочего дня\u{2069} после переезда.\n"
    );
    assert_eq!(stderr(&o), "from ru\n");
    let o = pamphlet(ws.path(), &["format", "ru", "notice-step-two"]);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("Send it by e-mail"));
    assert_eq!(stderr(&o), "from en (fallback: missing in ru)\n");
    let o = pamphlet(ws.path(), &["format", "ar", "mark.alt"]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "شعار \u{2068}خدمة المثال\u{2069}\n"
    );
    let o = pamphlet(ws.path(), &["format", "ar", "nope"]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o)
            .contains("message 'nope' cannot be resolved in ar: missing in ar; missing in en")
    );
}
