//! `pamphlet review` and what it records: unreviewed translations, stale ones
//! shown with their old and new source text (check, status, review page),
//! older hash-only records, broken records, messages with errors.

use super::case::Case;
use super::expected::*;
use super::*;

fn check_json(root: &Path) -> serde_json::Value {
    let o = pamphlet(root, &["check", "--format", "json"]);
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&o)))
}

/// Every diagnostic of `check --format json` with this code.
fn with_code(report: &serde_json::Value, code: &str) -> Vec<serde_json::Value> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .cloned()
        .collect()
}

fn status_json(root: &Path) -> serde_json::Value {
    let o = pamphlet(root, &["status", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The ru column of the mini fixture's only campaign, and ru's totals.
fn ru(status: &serde_json::Value) -> (serde_json::Value, serde_json::Value) {
    assert_eq!(status["locales"][2], "ru");
    (
        status["campaigns"][0]["cells"][2].clone(),
        status["totals"][2].clone(),
    )
}

#[test]
fn a_locale_never_reviewed_is_reported_unreviewed_until_review_runs() {
    let ws = fixture("mini");
    let report = check_json(ws.path());
    let found = with_code(&report, "translation-unreviewed");
    assert_eq!(found.len(), 2, "ar and ru: {found:?}");
    let ru_info = &found[1];
    assert_eq!(ru_info["severity"], "info");
    assert_eq!(ru_info["location"]["file"], "locales/ru/reviewed.toml");
    assert_eq!(
        ru_info["message"],
        "11 translations in ru were never reviewed, so a change of their source cannot be reported as stale: '-org', 'contact-phone', 'contact-web' and 8 more"
    );
    assert_eq!(
        ru_info["hint"],
        "check them against the source, then run `pamphlet review ru`; it records the source text each translation was reviewed against"
    );
    // an info: not counted among the warnings that --deny-warnings fails on
    let warnings = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "warning")
        .count();
    assert_eq!(report["warnings"], warnings);

    let (cell, total) = ru(&status_json(ws.path()));
    assert_eq!(cell["unreviewed"], cell["translated"], "{cell}");
    assert_eq!(cell["percent"], 90, "unreviewed still counts as translated");
    assert_eq!(total["unreviewed"], total["translated"]);
    let table = String::from_utf8_lossy(&pamphlet(ws.path(), &["status"]).stdout).into_owned();
    assert!(
        table.contains(
            "locale       translated untranslated missing   stale errors unreviewed  words complete  obsolete\n"
        ),
        "{table}"
    );
    assert!(
        table.contains("\nru                10/11            0       1       0      0         10     17      90%          \n"),
        "{table}"
    );

    let o = pamphlet(ws.path(), &["review", "ru"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "ru: 11 messages marked reviewed in locales/ru/reviewed.toml\n"
    );
    let report = check_json(ws.path());
    let found = with_code(&report, "translation-unreviewed");
    assert_eq!(found.len(), 1, "only ar is left: {found:?}");
    assert_eq!(found[0]["location"]["file"], "locales/ar/reviewed.toml");
    let (cell, _) = ru(&status_json(ws.path()));
    assert_eq!(cell["unreviewed"], 0, "{cell}");
}

#[test]
fn the_record_keeps_the_source_text_as_written() {
    let ws = fixture("mini");
    assert_eq!(code(&pamphlet(ws.path(), &["review", "ru"])), 0);
    let record = read(&ws.path().join("locales/ru/reviewed.toml"));
    assert!(
        record.contains(
            "\nnotice-deadline = \"\"\"\nWithin { $days ->\n        [one] { $days } working day\n       *[other] { $days } working days\n    } of moving.\"\"\"\n"
        ),
        "{record}"
    );
    assert!(
        record.contains("\nmark = \".alt = Mark of the { -org }\"\n"),
        "{record}"
    );
    assert!(
        record.contains("\n-org = \"Example Service\"\n"),
        "{record}"
    );
}

#[test]
fn a_stale_translation_shows_the_old_and_the_new_source_everywhere() {
    let case = Case::fixture("mini");
    assert_eq!(code(&pamphlet(case.root(), &["review", "ru"])), 0);
    edit(
        &case.root().join("locales/en/notice.ftl"),
        "[one] { $days } working day\n       *[other] { $days } working days\n    } of moving.",
        "[one] { $days } calendar day\n       *[other] { $days } calendar days\n    } of moving.",
    );

    case.run(&["check", "--locale", "ru"]).code(0).stderr(
        &[
            MINI_RU_STEP_TWO_MISSING,
            MINI_RU_INTRO_PLURAL_MISSING,
            MINI_RU_DEADLINE_PLURAL_MISSING,
            "\
warning[translation-stale]: the source of 'notice-deadline' changed since the ru translation was reviewed: `Within { $days -> [one] { $days } working day *[other] { $days } working days } of moving.` → `Within { $days -> [one] { $days } calendar day *[other] { $days } calendar days } of moving.`
  --> locales/ru/notice.ftl:14:1
   |
14 | notice-deadline =
   | ^
  = hint: update the translation to the new source (locales/en/notice.ftl:14), then run `pamphlet review ru --message notice-deadline`

checked: 0 errors, 4 warnings
",
        ]
        .concat(),
    );

    let (cell, total) = ru(&status_json(case.root()));
    let expected = serde_json::json!([{
        "id": "notice-deadline",
        "reviewed": "Within { $days ->\n        [one] { $days } working day\n       *[other] { $days } working days\n    } of moving.",
        "source": "Within { $days ->\n        [one] { $days } calendar day\n       *[other] { $days } calendar days\n    } of moving.",
    }]);
    assert_eq!(cell["stale"], 1, "{cell}");
    assert_eq!(cell["stale_messages"], expected);
    assert_eq!(total["stale_messages"], expected);

    // the review page marks what changed
    let o = pamphlet(case.root(), &["build"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let index = read(&case.root().join("out/index.html"));
    let row = index.split("<span lang=\"ru\"").nth(1).unwrap();
    assert!(
        row.contains(
            "<p class=\"change\"><code>notice-deadline</code><br>\nwas: <span class=\"ftl\">Within { $days -&gt;\n        [one] { $days } <del>working</del> day\n       *[other] { $days } <del>working</del> days\n    } of moving.</span><br>\nnow: <span class=\"ftl\">Within { $days -&gt;\n        [one] { $days } <ins>calendar</ins> day\n       *[other] { $days } <ins>calendar</ins> days\n    } of moving.</span></p>"
        ),
        "{row}"
    );

    // reviewed again: nothing stale, the record holds the new text
    let o = pamphlet(
        case.root(),
        &["review", "ru", "--message", "notice-deadline"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(with_code(&check_json(case.root()), "translation-stale").is_empty());
    assert!(read(&case.root().join("locales/ru/reviewed.toml")).contains("calendar days"));
}

#[test]
fn a_long_message_is_quoted_around_its_change() {
    let ws = fixture("mini");
    assert_eq!(code(&pamphlet(ws.path(), &["review", "ru"])), 0);
    edit(
        &ws.path().join("locales/en/notice.ftl"),
        "}? Register with the { -org } & keep the <receipt>.",
        "}? Register with the { -org } within a week & keep the <receipt>.",
    );
    let d = &with_code(&check_json(ws.path()), "translation-stale")[0];
    assert_eq!(
        d["message"],
        "the source of 'notice-intro' changed since the ru translation was reviewed: `…} days }? Register with the { -org } & keep the <receipt>.` → `…} days }? Register with the { -org } within a week & keep the <receipt>.`"
    );
}

#[test]
fn records_of_older_versions_keep_working_and_are_rewritten_by_review() {
    let ws = fixture("mini");
    let en = read(&ws.path().join("locales/en/notice.ftl"));
    // what older versions wrote: a hash of the source entry
    let entry = |id: &str| {
        let start = en.find(&format!("\n{id} =")).unwrap() + 1;
        let end = en[start..]
            .find("\nnotice-")
            .map_or(en.len(), |e| start + e + 1);
        en[start..end].to_owned()
    };
    let old = format!(
        "# Written by `pamphlet review`: a hash of the source text each translation\n# was last checked against. Commit it with the translations.\n[reviewed]\nnotice-step-one = \"{}\"\nnotice-title = \"{}\"\n",
        pamphlet::locale::review::source_hash(&entry("notice-step-one")),
        pamphlet::locale::review::source_hash(&entry("notice-title")),
    );
    let record = ws.path().join("locales/ru/reviewed.toml");
    std::fs::write(&record, &old).unwrap();
    let report = check_json(ws.path());
    assert!(
        with_code(&report, "translation-stale").is_empty(),
        "{report}"
    );
    assert!(with_code(&report, "reviewed-file").is_empty(), "{report}");

    edit(
        &ws.path().join("locales/en/notice.ftl"),
        "notice-step-one = Fill in the form.",
        "notice-step-one = Fill in the new form.",
    );
    let stale = with_code(&check_json(ws.path()), "translation-stale");
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert_eq!(
        stale[0]["message"],
        "the source of 'notice-step-one' changed since the ru translation was reviewed; it is now `Fill in the new form.`"
    );
    assert_eq!(
        stale[0]["hint"],
        "locales/ru/reviewed.toml keeps only a hash of the old source text: compare the translation with the source (locales/en/notice.ftl:11; `git log -p` shows how it changed), update it, then run `pamphlet review ru --message notice-step-one`"
    );
    let (cell, _) = ru(&status_json(ws.path()));
    assert_eq!(
        cell["stale_messages"],
        serde_json::json!([{"id": "notice-step-one", "reviewed": null, "source": "Fill in the new form."}])
    );

    assert_eq!(code(&pamphlet(ws.path(), &["build"])), 0);
    let index = read(&ws.path().join("out/index.html"));
    assert!(
        index.contains("<p class=\"change\"><code>notice-step-one</code><br>\nnow: <span class=\"ftl\">Fill in the new form.</span><br>\n(reviewed.toml keeps only a hash of the text reviewed: compare with the history of the source file)</p>"),
        "{index}"
    );

    // reviewing one message records its text and keeps the other's hash
    let o = pamphlet(ws.path(), &["review", "ru", "--message", "notice-step-one"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = read(&record);
    assert!(
        text.contains("\n[source]\nnotice-step-one = \"Fill in the new form.\"\n\n[reviewed]\nnotice-title = \""),
        "{text}"
    );
    assert!(with_code(&check_json(ws.path()), "translation-stale").is_empty());
}

#[test]
fn a_broken_record_is_an_error_at_its_line_and_review_leaves_it_alone() {
    let case = Case::fixture("mini");
    let record = case.root().join("locales/ru/reviewed.toml");
    let broken =
        "[source]\nnotice-title = \"Register your address\"\nnotice-step-one = Fill in the form.\n";
    std::fs::write(&record, broken).unwrap();
    case.run(&["check", "--locale", "ru"]).code(1).stderr(
        &[
            MINI_RU_STEP_TWO_MISSING,
            MINI_RU_INTRO_PLURAL_MISSING,
            MINI_RU_DEADLINE_PLURAL_MISSING,
            MINI_RU_UNREVIEWED,
            r#"error[reviewed-file]: locales/ru/reviewed.toml is not a valid review record: string values must be quoted, expected literal string
  --> locales/ru/reviewed.toml:3:19
  |
3 | notice-step-one = Fill in the form.
  |                   ^
  = hint: it holds `[source]` with `id = "source text"` lines; fix it, or delete it and run `pamphlet review` again after checking the translations

checked: 1 error, 3 warnings
"#,
        ]
        .concat(),
    );
    case.run(&["review", "ru"]).code(1).stderr(
        r#"
error[reviewed-file]: locales/ru/reviewed.toml is not a valid review record: string values must be quoted, expected literal string
  --> locales/ru/reviewed.toml:3:19
  |
3 | notice-step-one = Fill in the form.
  |                   ^
  = hint: it holds `[source]` with `id = "source text"` lines; fix it, or delete it and run `pamphlet review` again after checking the translations

error: locales/ru/reviewed.toml was left unchanged
"#,
    );
    assert_eq!(read(&record), broken);
}

#[test]
fn review_skips_messages_that_check_finds_errors_in() {
    let case = Case::fixture("defects");
    // the errors themselves, then what was left out, then what was recorded
    case.run(&["review", "ru"]).code(1).stderr(
        &[
            r#"
error[length-max]: 'short' is 48 characters long in ru; its limit is 40
  --> locales/ru/main.ftl:3:1
  |
3 | short = Очень длинный текст, который точно не поместится
  | ^
  = hint: shorten the translation; the limit comes from a `# max-length:` comment

"#,
            DEFECTS_RU_GREETING_NMAE,
            DEFECTS_RU_LOGO_ALT_MISSING,
            "\
error[value-obsolete]: 'logo' has a value in ru, but the source has only attributes
  --> locales/ru/main.ftl:10:1
   |
10 | logo = Знак
   | ^
  = hint: remove the value; keep the attributes

warning: ru: 3 messages not marked reviewed, because `pamphlet check` reports errors in them (above): 'short', 'greeting', 'logo'; fix them, then run `pamphlet review ru --message short --message greeting --message logo`
ru: 3 messages marked reviewed in locales/ru/reviewed.toml
",
        ]
        .concat(),
    );
    let record = read(&case.root().join("locales/ru/reviewed.toml"));
    assert!(record.contains("\n-brand = "), "{record}");
    assert!(record.contains("\ntitle = "), "{record}");
    assert!(record.contains("\ndeadline = "), "{record}");
    assert!(!record.contains("greeting"), "{record}");

    // asked for one message only: refused, nothing written
    let case = Case::fixture("defects");
    case.run(&["review", "ru", "--message", "greeting"])
        .code(1)
        .stderr(
            &[
                DEFECTS_RU_GREETING_NMAE,
                "\
warning: ru: 1 message not marked reviewed, because `pamphlet check` reports errors in it (above): 'greeting'; fix them, then run `pamphlet review ru --message greeting`
ru: 0 messages marked reviewed in locales/ru/reviewed.toml
",
            ]
            .concat(),
        );
    assert!(!case.root().join("locales/ru/reviewed.toml").exists());
}

#[test]
fn a_syntax_error_keeps_its_message_from_being_reviewed() {
    let case = Case::fixture("mini");
    edit(
        &case.root().join("locales/ru/notice.ftl"),
        "notice-title = Зарегистрируйте адрес",
        "notice-title = Зарегистрируйте { адрес",
    );
    case.run(&["review", "ru"]).code(1).stderr(
        r#"
error[ftl-syntax]: Expected an inline expression; this entry is ignored: notice-title = Зарегистрируйте { адрес
  --> locales/ru/notice.ftl:5:34
  |
5 | notice-title = Зарегистрируйте { адрес
  |                                  ^
  = hint: compare with the same message in the source locale; every '{' needs a '}', and select expressions need a *[default] variant

warning: ru: 1 message not marked reviewed, because `pamphlet check` reports errors in it (above): 'notice-title'; fix them, then run `pamphlet review ru --message notice-title`
ru: 10 messages marked reviewed in locales/ru/reviewed.toml
"#,
    );
    assert!(!read(&case.root().join("locales/ru/reviewed.toml")).contains("notice-title"));
}
