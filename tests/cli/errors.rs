//! Bad input: each case asserts the exit code, the message with its
//! `file:line:col`, and that no output was written or the old one kept.

use super::*;

/// Replaces `from` with `to` in a fixture file (the replacement must happen).
fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = read(&path);
    assert!(text.contains(from), "{file} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn fails_with(root: &Path, expected_code: i32, needles: &[&str]) -> String {
    let o = pamphlet(root, &["build"]);
    let err = stderr(&o);
    assert_eq!(code(&o), expected_code, "{err}");
    for n in needles {
        assert!(err.contains(n), "expected {n:?} in:\n{err}");
    }
    assert!(!root.join("out").exists(), "nothing is written");
    err
}

#[test]
fn misspelled_campaign_field_names_file_line_and_column() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "edition = \"2\"",
        "editon = \"2\"",
    );
    fails_with(
        ws.path(),
        1,
        &[
            "error[toml]: unknown field `editon`",
            "--> campaigns/notice.toml:3:1",
            "= hint: check the spelling",
        ],
    );
}

#[test]
fn misspelled_block_field_is_an_error() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "text = \"notice-intro\"",
        "txt = \"notice-intro\"",
    );
    fails_with(
        ws.path(),
        1,
        &["unknown field `txt`", "--> campaigns/notice.toml:26:1"],
    );
}

#[test]
fn field_of_another_block_type_is_an_error() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "level = 1\n",
        "level = 1\nitems = [\"x\"]\n",
    );
    fails_with(
        ws.path(),
        1,
        &[
            "error[block-field]: field 'items' is not used by a heading block",
            "--> campaigns/notice.toml:22:9",
            "a heading block takes: text, level",
        ],
    );
}

#[test]
fn unknown_block_type_lists_the_known_ones() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "type = \"paragraph\"",
        "type = \"paragrahp\"",
    );
    fails_with(
        ws.path(),
        1,
        &[
            "unknown block type 'paragrahp'",
            "--> campaigns/notice.toml:25:8",
            "use one of: heading, paragraph",
        ],
    );
}

#[test]
fn unknown_message_id_points_at_the_campaign() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "text = \"notice-intro\"",
        "text = \"notice-intor\"",
    );
    fails_with(
        ws.path(),
        1,
        &[
            "error[message-unknown]: message 'notice-intor' is missing in the source locale (en)",
            "--> campaigns/notice.toml:26:8",
        ],
    );
}

#[test]
fn missing_attribute_is_reported() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "alt = \"mark.alt\"",
        "alt = \"mark.title\"",
    );
    fails_with(
        ws.path(),
        1,
        &[
            "error[message-unknown]: message 'mark' has no attribute .title in the source locale (en)\n  --> campaigns/notice.toml:17:7\n",
            "  = hint: add the attribute in locales/en/ on an indented line under the message:\n              mark =\n                  .title = …\n",
        ],
    );
}

#[test]
fn unknown_variable_in_campaign_is_an_error() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "phone = \"$phone\"",
        "phone = \"$hotline\"",
    );
    fails_with(
        ws.path(),
        1,
        &[
            "error[var-unknown]: unknown variable '$hotline'",
            "--> campaigns/notice.toml:45:38",
        ],
    );
}

#[test]
fn only_https_mailto_and_tel_links() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "pamphlet.toml",
        "https://example.org/help",
        "javascript:alert(1)",
    );
    fails_with(
        ws.path(),
        1,
        &["error[url-scheme]: url 'javascript:alert(1)' is not an https, mailto or tel link"],
    );
}

#[test]
fn asset_paths_cannot_leave_assets() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "logo = \"mark.svg\"",
        "logo = \"../pamphlet.toml\"",
    );
    fails_with(
        ws.path(),
        1,
        &[
            "error[asset-path]: '../pamphlet.toml' is not a path inside assets/",
            "campaigns/notice.toml:16:8",
        ],
    );
}

#[cfg(unix)]
#[test]
fn asset_symlink_leading_outside_is_refused() {
    let ws = fixture("mini");
    std::os::unix::fs::symlink(
        ws.path().join("pamphlet.toml"),
        ws.path().join("assets/outside.svg"),
    )
    .unwrap();
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "logo = \"mark.svg\"",
        "logo = \"outside.svg\"",
    );
    fails_with(ws.path(), 1, &["asset 'outside.svg' leads outside assets/"]);
}

#[test]
fn campaign_file_name_must_be_a_slug() {
    let ws = fixture("mini");
    std::fs::rename(
        ws.path().join("campaigns/notice.toml"),
        ws.path().join("campaigns/Notice CON.toml"),
    )
    .unwrap();
    fails_with(
        ws.path(),
        1,
        &["the campaign id 'Notice CON' (from the file name) is not usable as a folder name"],
    );
}

#[test]
fn syntax_error_in_the_source_locale_is_an_error_with_position() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "locales/en/notice.ftl",
        "notice-step-one = Fill in the form.",
        "notice-step-one = Fill in { $form",
    );
    let err = fails_with(
        ws.path(),
        1,
        &["error[ftl-syntax]:", "--> locales/en/notice.ftl:11:"],
    );
    assert!(
        err.contains("11 | notice-step-one = Fill in { $form"),
        "{err}"
    );
}

#[test]
fn syntax_error_in_a_translation_is_a_warning_and_falls_back() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = املأ { الاستمارة",
    );
    let o = pamphlet(ws.path(), &["build", "-v"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("warning[ftl-syntax]"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("--> locales/ar/notice.ftl:15:"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("notice-step-one → en (broken in ar: syntax error)"),
        "{}",
        stderr(&o)
    );
    let o = pamphlet(ws.path(), &["build", "--strict"]);
    assert_eq!(code(&o), 1);
}

#[test]
fn invalid_utf8_is_reported_with_line_and_column() {
    let ws = fixture("mini");
    let path = ws.path().join("locales/en/notice.ftl");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"broken = caf\xE9\n");
    std::fs::write(&path, bytes).unwrap();
    fails_with(
        ws.path(),
        1,
        &[
            "error[encoding]: invalid UTF-8 at line 22, column 13",
            "--> locales/en/notice.ftl:22:13",
        ],
    );
}

#[test]
fn invalid_locale_in_config_is_a_usage_error() {
    let ws = fixture("mini");
    edit(ws.path(), "pamphlet.toml", "\"ru\"]", "\"r!u\"]");
    fails_with(
        ws.path(),
        2,
        &[
            "error[locale-invalid]: 'r!u' is not a valid locale tag",
            "--> pamphlet.toml:6:",
        ],
    );
}

#[test]
fn duplicate_locale_after_canonicalization() {
    let ws = fixture("mini");
    edit(ws.path(), "pamphlet.toml", "\"ru\"]", "\"ru\", \"RU\"]");
    fails_with(ws.path(), 2, &["locale 'ru' is listed twice"]);
}

#[test]
fn not_a_workspace_is_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let o = pamphlet(tmp.path(), &["build"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("has no pamphlet.toml; run `pamphlet init DIR`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn unknown_filter_value_is_exit_2() {
    let ws = fixture("mini");
    let o = pamphlet(ws.path(), &["build", "--campaign", "nope"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--campaign nope: no such campaign (known: notice)"));
    let o = pamphlet(ws.path(), &["build", "--format", "docx"]);
    assert_eq!(code(&o), 2, "clap rejects unknown formats");
}

#[test]
fn output_folder_may_not_contain_the_workspace() {
    let ws = fixture("mini");
    let root = ws.path().to_string_lossy().into_owned();
    let o = pamphlet(ws.path(), &["build", "--out", &root]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("contains the workspace"));
    assert!(ws.path().join("pamphlet.toml").exists());
}

#[test]
fn template_error_leaves_the_previous_output_intact() {
    let ws = fixture("mini");
    assert_eq!(code(&pamphlet(ws.path(), &["build"])), 0);
    let before = tree(&ws.path().join("out"));
    std::fs::create_dir_all(ws.path().join("templates/html")).unwrap();
    std::fs::write(ws.path().join("templates/html/flyer.html"), "{% extends \"html/base.html\" %}\n{% block content %}\n{{ nope.missing }}\n{% endblock content %}\n").unwrap();
    let o = pamphlet(ws.path(), &["build"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("error[template-render]"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("html/flyer.html:3:"), "{}", stderr(&o));
    assert_eq!(before, tree(&ws.path().join("out")));
}

#[test]
fn template_syntax_error_names_the_file_and_line() {
    let ws = fixture("mini");
    std::fs::create_dir_all(ws.path().join("templates/txt")).unwrap();
    std::fs::write(
        ws.path().join("templates/txt/flyer.txt"),
        "line one\n{% for x in %}\n",
    )
    .unwrap();
    fails_with(
        ws.path(),
        1,
        &["error[template-syntax]", "--> templates/txt/flyer.txt:2:"],
    );
}

#[test]
fn typed_variables_that_cannot_be_formatted_name_file_and_line() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "days = 15",
        "days = 15\nfee = { amount = 30, currency = \"manat\" }\nshare = { ratio = 2 }\nopens = 2026-12-01T09:00:00+04:00",
    );
    fails_with(
        ws.path(),
        1,
        &[
            "'manat' is not a currency code",
            "--> campaigns/notice.toml:7:7",
            "a typed variable is { amount = 30, currency = \"AZN\" } or { percent = 25 }",
            "--> campaigns/notice.toml:8:9",
            "is not a floating date",
            "--> campaigns/notice.toml:9:9",
        ],
    );
}

#[test]
fn valid_as_of_must_be_a_floating_date() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "valid-as-of = 2026-01-15",
        "valid-as-of = 2026-01-15T00:00:00+04:00",
    );
    fails_with(
        ws.path(),
        1,
        &[
            "error[campaign-date]: valid-as-of must be a date such as 2026-11-01, without an offset",
            "--> campaigns/notice.toml:2:15",
        ],
    );
}
