//! `pamphlet add-locale`: the settings file edited in place, the skeletons
//! counted missing, the refusals, and nothing half-written on failure.

use super::*;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every entry of `locales/` (names only, recursively), sorted.
fn locale_tree(root: &Path) -> Vec<String> {
    tree(&root.join("locales"))
        .into_iter()
        .map(|(p, _)| p)
        .collect()
}

const MINI_CONFIG: &str =
    "# Test fixture: a small flyer in en (source), ar (right-to-left, complete)
# and ru (one message missing, so it falls back).
[project]
name = \"Mini\"
source-locale = \"en\"
locales = [\"en\", \"ar\", \"ru\"]

[vars]
phone = \"+1 555 0100\"
site = \"https://example.org/help\"
";

#[test]
fn adds_the_tag_keeps_the_settings_layout_and_writes_skeletons() {
    let ws = fixture("mini");
    assert_eq!(read(&ws.path().join("pamphlet.toml")), MINI_CONFIG);
    let o = pamphlet(ws.path(), &["add-locale", "uk"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "added uk to project.locales in pamphlet.toml
created locales/uk/notice.ftl (11 messages and 1 term to translate)
created locales/uk/reviewed.toml
next: translate the messages in locales/uk/ (docs/translators.md), then run `pamphlet check --locale uk` and `pamphlet status --locale uk`
"
    );
    assert_eq!(
        stdout(&o),
        "uk: left to right (ltr)\nuk: plural categories (cardinal): one, few, many, other\n"
    );
    assert_eq!(
        read(&ws.path().join("pamphlet.toml")),
        MINI_CONFIG.replace(
            "locales = [\"en\", \"ar\", \"ru\"]",
            "locales = [\"en\", \"ar\", \"ru\", \"uk\"]"
        )
    );
    assert_eq!(
        read(&ws.path().join("locales/uk/notice.ftl")),
        "# Skeleton written by `pamphlet add-locale` from locales/en/notice.ftl.
# Every message and term is commented out, so `pamphlet status` counts it
# missing until it is translated: remove the \"# \" before each of its lines,
# replace the en text with the uk translation,
# and keep { $variables } and { -terms } as they are. Delete this note when done.

# -org = Example Service
# org-name = { -org }
# mark =
#     .alt = Mark of the { -org }
# notice-title = Register your address
# notice-intro =
#     Staying more than { $days ->
#         [one] { $days } day
#        *[other] { $days } days
#     }? Register with the { -org } & keep the <receipt>.
# notice-step-one = Fill in the form.
# notice-step-two = Send it by e-mail or bring it to an office near you before the deadline ends, please.
# notice-warning-title = Deadline
# notice-deadline =
#     Within { $days ->
#         [one] { $days } working day
#        *[other] { $days } working days
#     } of moving.
# contact-phone = Phone
# contact-web = Website
# edition = Valid as of { $valid-as-of }, edition { $edition }.
"
    );
    assert_eq!(
        locale_tree(ws.path()),
        [
            "ar/notice.ftl",
            "en/notice.ftl",
            "ru/notice.ftl",
            "uk/notice.ftl",
            "uk/reviewed.toml"
        ],
        "no staging folder is left behind"
    );
}

#[test]
fn a_new_locale_counts_every_message_missing_and_builds_from_its_fallbacks() {
    let ws = fixture("mini");
    assert_eq!(code(&pamphlet(ws.path(), &["add-locale", "uk"])), 0);
    let o = pamphlet(ws.path(), &["status", "--format", "json", "--locale", "uk"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        json["totals"],
        serde_json::json!([{
            "locale": "uk", "translated": 0, "missing": 11, "total": 11, "percent": 0,
            "untranslated": 0, "stale": 0, "stale_messages": [], "unreviewed": 0, "errors": 0,
            "obsolete": 0,
            "words_left": 52
        }])
    );
    // check finds nothing broken in the skeleton: only what is missing
    let o = pamphlet(ws.path(), &["check", "--locale", "uk"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = pamphlet(ws.path(), &["build", "--locale", "uk"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("fallback: uk took 11 messages from en (-v lists them; out/manifest.json records them)\n"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn from_puts_another_locales_translations_in_the_comments() {
    let ws = fixture("mini");
    let o = pamphlet(ws.path(), &["add-locale", "be", "--from", "ru"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "created locales/be/notice.ftl (11 messages and 1 term to translate, the ru text as hint for 11)\n"
        ),
        "{}",
        stderr(&o)
    );
    let text = read(&ws.path().join("locales/be/notice.ftl"));
    assert!(
        text.contains("# turn the ru text (the en text where ru had none) into be,\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "# notice-step-one = Заполните анкету.\n# notice-step-two = Send it by e-mail or bring it"
        ),
        "ru's text, and en's where ru has none:\n{text}"
    );
    assert!(
        text.contains(
            "# notice-deadline =\n#     В течение { $days ->\n#         [one] { $days } рабочего дня\n"
        ),
        "{text}"
    );
    assert!(
        !text.contains("deliberately missing"),
        "ru's own comments are not copied"
    );
    let o = pamphlet(ws.path(), &["status", "--format", "json", "--locale", "be"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["totals"][0]["translated"], 0, "{json:#}");
    assert_eq!(json["totals"][0]["missing"], 11, "{json:#}");
}

#[test]
fn right_to_left_locales_and_canonical_tags_are_reported() {
    let ws = fixture("mini");
    let o = pamphlet(ws.path(), &["add-locale", "fa"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "fa: right to left (rtl)\nfa: plural categories (cardinal): one, other\n"
    );
    let o = pamphlet(ws.path(), &["add-locale", "pt_br"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with(
            "'pt_br' is written pt-BR (canonical BCP 47)\nadded pt-BR to project.locales in pamphlet.toml\n"
        ),
        "{}",
        stderr(&o)
    );
    assert!(ws.path().join("locales/pt-BR/notice.ftl").is_file());
    assert!(
        read(&ws.path().join("pamphlet.toml"))
            .contains("locales = [\"en\", \"ar\", \"ru\", \"fa\", \"pt-BR\"]")
    );
}

/// Runs add-locale expecting a refusal: the exit code, the whole stderr, and
/// nothing changed on disk.
fn refused(root: &Path, args: &[&str], expected_code: i32, expected: &str) {
    let config = read(&root.join("pamphlet.toml"));
    let before = locale_tree(root);
    let o = pamphlet(root, args);
    assert_eq!(code(&o), expected_code, "{}", stderr(&o));
    assert_eq!(stderr(&o), expected);
    assert_eq!(stdout(&o), "");
    assert_eq!(read(&root.join("pamphlet.toml")), config);
    assert_eq!(locale_tree(root), before);
}

#[test]
fn bad_tags_listed_locales_and_existing_folders_are_refused() {
    let ws = fixture("mini");
    refused(
        ws.path(),
        &["add-locale", "kyrgyz language"],
        2,
        "error: 'kyrgyz language' is not a valid locale tag; use a BCP 47 tag such as 'ky', 'uk', 'az-Cyrl' or 'pt-BR'; nothing was changed\n",
    );
    refused(
        ws.path(),
        &["add-locale", "RU"],
        2,
        "error: ru is already a project locale (project.locales in pamphlet.toml); nothing was changed\n",
    );
    refused(
        ws.path(),
        &["add-locale", "en-XA"],
        2,
        "error: 'en-XA' is a pseudo-locale, generated from the source locale; it needs no folder; `--locale en-XA` builds it once, or list it in project.locales by hand to build it every time; nothing was changed\n",
    );
    refused(
        ws.path(),
        &["add-locale", "uk", "--from", "de"],
        2,
        "error: --from de: not a project locale (known: en, ar, ru); nothing was changed\n",
    );
    std::fs::create_dir(ws.path().join("locales/uk")).unwrap();
    refused(
        ws.path(),
        &["add-locale", "uk"],
        2,
        "error: locales/uk/ already exists; if it holds the translations, add the tag to project.locales in pamphlet.toml by hand, otherwise move the folder away and run add-locale again; nothing was changed\n",
    );
}

#[test]
fn an_unreadable_source_file_stops_before_anything_is_written() {
    let ws = fixture("mini");
    std::fs::write(
        ws.path().join("locales/en/broken.ftl"),
        b"ok = fine\nbad = \xff\xfe\xfd\n",
    )
    .unwrap();
    let config = read(&ws.path().join("pamphlet.toml"));
    let o = pamphlet(ws.path(), &["add-locale", "uk"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.starts_with("error[encoding]: ") && err.contains("--> locales/en/broken.ftl:2:"),
        "{err}"
    );
    assert!(
        err.ends_with("error: cannot read locales/en/broken.ftl; nothing was changed\n"),
        "{err}"
    );
    assert_eq!(read(&ws.path().join("pamphlet.toml")), config);
    assert!(!ws.path().join("locales/uk").exists());
    assert!(
        !locale_tree(ws.path())
            .iter()
            .any(|p| p.contains("add-locale")),
        "no staging folder is left"
    );
}

#[test]
fn a_workspace_made_by_init_takes_a_locale_and_still_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ws");
    init_workspace(&dir);
    let before = read(&dir.join("pamphlet.toml"));
    let o = pamphlet(&dir, &["add-locale", "ar"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        read(&dir.join("pamphlet.toml")),
        before.replace("locales = [\"en\"]", "locales = [\"en\", \"ar\"]")
    );
    assert_eq!(
        stdout(&o),
        "ar: right to left (rtl)\nar: plural categories (cardinal): zero, one, two, few, many, other\n"
    );
    let o = pamphlet(&dir, &["build", "--strict"]);
    assert_eq!(code(&o), 1, "every ar message falls back: {}", stderr(&o));
    let o = pamphlet(&dir, &["build"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn a_settings_file_with_a_byte_order_mark_and_crlf_keeps_both() {
    let ws = fixture("mini");
    let crlf = format!("\u{FEFF}{}", MINI_CONFIG.replace('\n', "\r\n"));
    std::fs::write(ws.path().join("pamphlet.toml"), &crlf).unwrap();
    let o = pamphlet(ws.path(), &["add-locale", "uk"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        read(&ws.path().join("pamphlet.toml")),
        crlf.replace(
            "locales = [\"en\", \"ar\", \"ru\"]",
            "locales = [\"en\", \"ar\", \"ru\", \"uk\"]"
        )
    );
}
