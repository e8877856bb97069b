//! What a translator's slips do: a continuation line without indentation,
//! a syntax error, an English text left in place. Each counts as what it is
//! (broken, untranslated), in `build`, `check` and `status` alike.

use super::case::Case;
use super::expected::*;
use super::*;

/// Replaces `from` with `to` in a workspace file (which must contain it).
fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = read(&path);
    assert!(text.contains(from), "{file} has {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The 1-based line of `file` that starts with `start`.
fn line_of(root: &Path, file: &str, start: &str) -> usize {
    read(&root.join(file))
        .lines()
        .position(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("{file} has a line starting with {start:?}"))
        + 1
}

/// `pamphlet status --format json`, parsed.
fn status(root: &Path) -> serde_json::Value {
    let o = pamphlet(root, &["status", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The totals of `locale` in a status report.
fn totals<'s>(s: &'s serde_json::Value, locale: &str) -> &'s serde_json::Value {
    s["totals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["locale"] == locale)
        .unwrap()
}

/// `severity code file:line` of every finding of `check --format json`.
fn findings(root: &Path) -> Vec<String> {
    let o = pamphlet(root, &["check", "--format", "json"]);
    let report: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&o)));
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        // no fixture has review records (tests/cli/review.rs covers that
        // info), and the print fixture's brochure is padded with blank pages
        // (tests/cli/print_design.rs covers that one)
        .filter(|d| d["code"] != "translation-unreviewed" && d["code"] != "pdf-blank-page")
        .map(|d| {
            let file = d["location"]["file"].as_str().unwrap_or("-");
            let at = match d["location"]["line"].as_u64() {
                Some(line) => format!("{file}:{line}"),
                None => file.to_owned(),
            };
            format!(
                "{} {} {at}",
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap()
            )
        })
        .collect()
}

const RU_NOTICE: &str = "sample-notice = Это образец текста только для демонстрации. Перед печатью";

#[test]
fn an_unindented_continuation_line_breaks_the_message_which_falls_back() {
    let case = Case::sample();
    let root = case.root();
    let before = status(root);
    // the translator broke the line and did not indent the second half
    edit(
        root,
        "locales/ru/shared.ftl",
        RU_NOTICE,
        "sample-notice = Это образец текста только для демонстрации.\nПеред печатью",
    );
    let line = line_of(root, "locales/ru/shared.ftl", "sample-notice =");
    let next = line + 1;
    let sms = line_of(root, "campaigns/register-stay.toml", "text = \"reg-sms\"");
    // the finding: a warning where the message falls back (build), an error in check
    let cut_short = |severity: &str| {
        format!(
            "{severity}[ftl-indent]: 'sample-notice' (line {line}) is cut short: line {next} is not indented, so Fluent ends the message before it and ignores the line; it counts as broken and falls back
  --> locales/ru/shared.ftl:{next}:1
   |
{next} | Перед печатью его должны проверить носители языка и сверить с действующими правилами.
   | ^
  = hint: continuation lines must be indented: start line {next} (and every further line of 'sample-notice') with spaces, e.g. `    Перед печатью его должны проверить носит…`"
        )
    };
    let (warning, error) = (cut_short("warning"), cut_short("error"));

    case.run(&["build", "-v", "--format", "txt"])
        .code(0)
        .stderr(&format!(r#"
{warning}

info[sms-ucs2]: az: SMS `reg-sms` of register-stay/sms goes out as UCS-2 (85 characters in 2 segments): ə ×3, ğ ×1, ç ×1 force UCS-2, which holds 70 characters a message (67 a segment) where GSM 7-bit holds 160 (153)
  --> campaigns/register-stay.toml:{sms}:8
    |
{sms} | text = "reg-sms"
    |        ^

fallback: ru took 1 message from en (-v lists them; out/manifest.json records them)
  sample-notice → en (broken in ru: continuation line not indented)
phases: load [T] s, parse [T] s, check [T] s, templates [T] s, render+write [T] s (CPU: render [T] s, write [T] s), finish [T] s; 48 documents rendered, 0 reused, on [N] threads
built 48 files (3 campaigns × 8 locales), 1 fallback, 1 warning in [T] s → [ROOT]/out
"#));
    // the whole English notice rather than half of the Russian one
    let ru = read(&root.join("out/register-stay/ru/flyer.txt"));
    assert!(!ru.contains("Это образец"), "{ru}");
    assert!(ru.contains("Sample text for demonstration only."), "{ru}");
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&root.join("out/manifest.json"))).unwrap();
    let entry = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "register-stay/ru/flyer.txt")
        .unwrap();
    assert_eq!(
        entry["fallbacks"],
        serde_json::json!([{ "message": "sample-notice", "used": "en", "reason": "broken in ru: continuation line not indented" }])
    );

    case.run(&["build", "--strict", "--format", "txt"])
        .code(1)
        .stderr(&format!(
            r#"
{warning}

fallback: ru took 1 message from en (-v lists them; out/manifest.json records them)
error: --strict: 1 fallback and 1 warning; [ROOT]/out left unchanged
"#
        ));

    // status: an error, not translated (and not missing)
    let after = status(root);
    let (b, a) = (totals(&before, "ru"), totals(&after, "ru"));
    assert_eq!(b["errors"], 0);
    assert_eq!(a["errors"], 1);
    assert_eq!(a["missing"], b["missing"]);
    assert_eq!(
        a["translated"].as_u64().unwrap(),
        b["translated"].as_u64().unwrap() - 1
    );
    assert!(a["percent"].as_u64().unwrap() < 100, "{a}");

    // check: one error naming both lines, nothing else about the message
    let found = findings(root);
    let ru: Vec<&String> = found
        .iter()
        .filter(|f| f.contains("locales/ru/shared.ftl"))
        .collect();
    assert_eq!(
        ru,
        [&format!(
            "error ftl-indent locales/ru/shared.ftl:{}",
            line + 1
        )]
    );
    case.run(&["check", "--locale", "ru"])
        .code(1)
        .stderr(&format!(r#"
info[translation-unreviewed]: 7 translations in ru were never reviewed, so a change of their source cannot be reported as stale: 'permits-bring-form', 'permits-bring-grounds', 'permits-bring-passport' and 4 more
  --> locales/ru/reviewed.toml
  = hint: check them against the source, then run `pamphlet review ru`; it records the source text each translation was reviewed against

{error}

checked: 1 error, 0 warnings
"#));
}

#[test]
fn a_value_written_under_its_id_without_indentation_is_broken_not_missing() {
    let case = Case::fixture("mini");
    let root = case.root();
    edit(
        root,
        "locales/ru/notice.ftl",
        "notice-step-one = Заполните анкету.",
        "notice-step-one =\nЗаполните анкету.",
    );
    let line = line_of(root, "locales/ru/notice.ftl", "notice-step-one =");
    let next = line + 1;
    // mini's usual findings before the broken line; notice-deadline's is a
    // line further down than MINI_RU_DEADLINE_PLURAL_MISSING says
    let rest = format!(
        r#"error[ftl-indent]: 'notice-step-one' (line {line}) has no value: line {next} is not indented, so Fluent does not read it as the message's text; it counts as broken and falls back
  --> locales/ru/notice.ftl:{next}:1
   |
{next} | Заполните анкету.
   | ^
  = hint: continuation lines must be indented: start line {next} (and every further line of 'notice-step-one') with spaces, e.g. `    Заполните анкету.`

warning[plural-missing]: 'notice-deadline' lacks the plural categories few, many that ru uses
  --> locales/ru/notice.ftl:15:1
   |
15 | notice-deadline =
   | ^
  = hint: ru numbers need the variants [few], [many], [one], [other]

info[translation-unreviewed]: 10 translations in ru were never reviewed, so a change of their source cannot be reported as stale: '-org', 'contact-phone', 'contact-web' and 7 more
  --> locales/ru/reviewed.toml
  = hint: check them against the source, then run `pamphlet review ru`; it records the source text each translation was reviewed against

checked: 1 error, 3 warnings
"#
    );
    case.run(&["check", "--locale", "ru"]).code(1).stderr(
        &[
            MINI_RU_STEP_TWO_MISSING,
            MINI_RU_INTRO_PLURAL_MISSING,
            &rest,
        ]
        .concat(),
    );
    let found = findings(root);
    assert!(
        !found.iter().any(|f| f.contains("ftl-syntax")),
        "reported once: {found:?}"
    );
    let s = status(root);
    let ru = totals(&s, "ru");
    // notice-step-two is missing in the fixture; notice-step-one is now broken
    assert_eq!(
        (&ru["missing"], &ru["errors"]),
        (&1.into(), &1.into()),
        "{ru}"
    );
}

#[test]
fn a_term_cut_short_breaks_every_message_that_uses_it() {
    let ws = sample_workspace();
    let root = ws.path();
    edit(
        root,
        "locales/ru/shared.ftl",
        "-service-name = Государственная миграционная служба",
        "-service-name = Государственная\nмиграционная служба",
    );
    let o = pamphlet(root, &["format", "ru", "contact-call-centre"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("State Migration Service"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_eq!(
        stderr(&o),
        "from en (fallback: broken in ru: references -service-name, which is broken (continuation line not indented))\n"
    );
}

#[test]
fn a_message_with_a_syntax_error_is_reported_once_as_broken() {
    let ws = fixture("mini");
    let root = ws.path();
    let before = status(root);
    edit(
        root,
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = املأ { الاستمارة",
    );
    let line = line_of(root, "locales/ar/notice.ftl", "notice-step-one =");
    let ar: Vec<String> = findings(root)
        .into_iter()
        .filter(|f| f.contains("locales/ar/"))
        .collect();
    assert_eq!(
        ar,
        [format!("error ftl-syntax locales/ar/notice.ftl:{line}")]
    );
    let after = status(root);
    let (b, a) = (totals(&before, "ar"), totals(&after, "ar"));
    assert_eq!(a["missing"], b["missing"], "{a}");
    assert_eq!(a["errors"].as_u64(), b["errors"].as_u64().map(|e| e + 1));
    let o = pamphlet(root, &["format", "ar", "notice-step-one"]);
    assert_eq!(
        stderr(&o),
        "from en (fallback: broken in ar: syntax error)\n"
    );
}

/// The print fixture passes `check --deny-warnings` and `build --strict`:
/// a copy is what makes them fail.
#[test]
fn an_untranslated_copy_is_a_warning_and_not_counted_as_translated() {
    // the built-in fonts only, so that no machine's fonts change the trial render
    let case = Case::fixture("print").edit(
        "pamphlet.toml",
        "bleed-mm = 3",
        "bleed-mm = 3\nsystem-fonts = false",
    );
    let root = case.root();
    let clean = status(root);
    let total = totals(&clean, "ru")["total"].as_u64().unwrap();
    assert_eq!(totals(&clean, "ru")["translated"].as_u64(), Some(total));
    // English left in the Russian file, in another layout and without comments
    edit(
        root,
        "locales/ru/notice.ftl",
        "details = Регистрация бесплатна. Возьмите паспорт и адрес места пребывания.",
        "details =\n    Registration is free of charge.\n    Bring your passport and the address of your stay.",
    );
    let line = line_of(root, "locales/ru/notice.ftl", "details =");
    let untranslated = format!(
        "\
warning[untranslated]: 'details' is the same as in the source (en): it is not translated
  --> locales/ru/notice.ftl:{line}:1
  |
{line} | details =
  | ^
  = hint: translate it; if it is meant to stay as it is (a name, an abbreviation), add the line `# same-as-source` above it, or above the source message to cover every locale"
    );

    assert_eq!(
        findings(root),
        [format!("warning untranslated locales/ru/notice.ftl:{line}")]
    );
    // each locale's blank brochure page and each translated locale's
    // unreviewed translations, around the warning
    let blank_page = |tag: &str| {
        format!(
            "\
info[pdf-blank-page]: {tag}: notice/brochure has 1 blank page, to make its page count a multiple of 4
  --> campaigns/notice.toml
  = hint: its `break`s make a page count that is not a multiple of 4: remove the `break` blocks to let the pages flow, or add or merge pages"
        )
    };
    let unreviewed = |tag: &str| {
        format!(
            "\
info[translation-unreviewed]: 12 translations in {tag} were never reviewed, so a change of their source cannot be reported as stale: 'details', 'intro', 'mark' and 9 more
  --> locales/{tag}/reviewed.toml
  = hint: check them against the source, then run `pamphlet review {tag}`; it records the source text each translation was reviewed against"
        )
    };
    let report = [
        blank_page("ar"),
        blank_page("en"),
        blank_page("ka"),
        blank_page("ru"),
        unreviewed("ar"),
        unreviewed("ka"),
        untranslated.clone(),
        unreviewed("ru"),
        "checked: 0 errors, 1 warning".to_owned(),
    ];
    case.run(&["check", "--deny-warnings"])
        .code(1)
        .stderr(&format!("\n{}\n", report.join("\n\n")));

    let s = status(root);
    let ru = totals(&s, "ru");
    assert_eq!(ru["untranslated"].as_u64(), Some(1));
    assert_eq!(ru["translated"].as_u64(), Some(total - 1));
    assert_eq!(ru["percent"].as_u64(), Some((total - 1) * 100 / total));
    assert!(ru["words_left"].as_u64().unwrap() > 0);

    case.run(&["build", "--strict", "--format", "html"])
        .code(1)
        .stderr(&format!(
            r#"
{untranslated}

error: --strict: 0 fallbacks and 1 warning; [ROOT]/out left unchanged
"#
        ));
    case.run(&["build", "--format", "html"])
        .code(0)
        .stderr(&format!(
            r#"
{untranslated}

built 12 files (1 campaign × 4 locales), 0 fallbacks, 1 warning in [T] s → [ROOT]/out
"#
        ));
    // the review page: the Untranslated column, and completeness below 100 %
    let index = read(&root.join("out/index.html"));
    assert!(
        index.contains("<th scope=\"col\">Untranslated</th>"),
        "{index}"
    );
    let row = index.split("<span lang=\"ru\"").nth(1).unwrap();
    assert!(
        row.contains(&format!(
            "<td class=\"partial\">{}/{total} ({}%)</td>\n<td>1</td>\n",
            total - 1,
            (total - 1) * 100 / total
        )),
        "{row}"
    );
}

#[test]
fn a_same_as_source_mark_keeps_an_intended_copy() {
    // above the translation (this locale only) or above the source (every locale)
    for file in ["locales/ru/notice.ftl", "locales/en/notice.ftl"] {
        let ws = fixture("print");
        let root = ws.path();
        edit(
            root,
            "locales/ru/notice.ftl",
            "phone = Телефон",
            "phone = Phone",
        );
        assert_eq!(
            findings(root),
            [format!(
                "warning untranslated locales/ru/notice.ftl:{}",
                line_of(root, "locales/ru/notice.ftl", "phone =")
            )]
        );
        edit(
            root,
            file,
            "phone = Phone",
            "# same-as-source\nphone = Phone",
        );
        assert_eq!(findings(root), Vec::<String>::new(), "{file}");
        assert_eq!(totals(&status(root), "ru")["untranslated"], 0, "{file}");
        let o = pamphlet(root, &["build", "--strict", "--format", "html"]);
        assert_eq!(code(&o), 0, "{file}: {}", stderr(&o));
    }
}

#[test]
fn the_sample_workspace_has_no_untranslated_copies() {
    let found = findings(&repo());
    assert!(
        !found.iter().any(|f| f.contains(" untranslated ")),
        "{found:?}"
    );
    let s = status(&repo());
    for t in s["totals"].as_array().unwrap() {
        assert_eq!(t["untranslated"], 0, "{t}");
    }
}

#[test]
fn a_misspelled_variable_in_a_variant_the_campaign_never_selects_is_an_error_in_status() {
    // complete in Russian, but the [one] variant (not selected with days = 15
    // or 3) names $dyas: `check` reports it, so `status` must not count the
    // message as done
    let case = Case::fixture("mini")
        .edit(
            "locales/ru/notice.ftl",
            "# notice-step-two is deliberately missing: it falls back to en.\n",
            "notice-step-two = Отправьте её по электронной почте или принесите в ближайший офис до окончания срока.\n",
        )
        .edit(
            "locales/ru/notice.ftl",
            "[one] { $days } рабочего дня",
            "[one] { $dyas } рабочего дня",
        );
    case.run(&["check", "--locale", "ru"])
        .code(1)
        .stderr(
            &[
                MINI_RU_INTRO_PLURAL_MISSING,
                MINI_RU_DEADLINE_PLURAL_MISSING,
                "\
error[variable-unknown]: 'notice-deadline' uses $dyas, which the source message never uses
  --> locales/ru/notice.ftl:16:17
   |
16 |         [one] { $dyas } рабочего дня
   |                 ^
  = hint: the source uses $days; check the spelling

info[translation-unreviewed]: 12 translations in ru were never reviewed, so a change of their source cannot be reported as stale: '-org', 'contact-phone', 'contact-web' and 9 more
  --> locales/ru/reviewed.toml
  = hint: check them against the source, then run `pamphlet review ru`; it records the source text each translation was reviewed against

checked: 1 error, 2 warnings
",
            ]
            .concat(),
        );
    case.run(&["status", "--locale", "ru"]).code(0).stdout(
        "
notice
locale       translated untranslated missing   stale errors unreviewed  words complete  obsolete
ru                10/11            0       0       0      1         10      7      90%          

all campaigns
locale       translated untranslated missing   stale errors unreviewed  words complete  obsolete
ru                10/11            0       0       0      1         10      7      90%         0
",
    );
    let o = case.run(&["status", "--locale", "ru", "--format", "json"]);
    let s: serde_json::Value = serde_json::from_slice(&o.code(0).stdout_bytes()).unwrap();
    for cell in [&s["campaigns"][0]["cells"][0], totals(&s, "ru")] {
        assert_eq!(
            (&cell["errors"], &cell["translated"], &cell["percent"]),
            (&1.into(), &10.into(), &90.into()),
            "{s}"
        );
    }
    // with the variable spelt right, the same Russian file is complete
    let fixed = Case::fixture("mini").edit(
        "locales/ru/notice.ftl",
        "# notice-step-two is deliberately missing: it falls back to en.\n",
        "notice-step-two = Отправьте её по электронной почте или принесите в ближайший офис до окончания срока.\n",
    );
    let o = fixed.run(&["status", "--locale", "ru", "--format", "json"]);
    let s: serde_json::Value = serde_json::from_slice(&o.code(0).stdout_bytes()).unwrap();
    assert_eq!(totals(&s, "ru")["errors"], 0, "{s}");
    assert_eq!(totals(&s, "ru")["percent"], 100, "{s}");
}
