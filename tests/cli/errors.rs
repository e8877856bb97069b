//! Bad input: each case asserts the exit code, the whole error output with
//! its `file:line:col`, snippet and hint, and that no output was written or
//! the old one kept.

use super::case::Case;
use super::expected::*;
use super::*;

fn mini() -> Case {
    Case::fixture("mini")
}

#[test]
fn misspelled_campaign_field_names_file_line_and_column() {
    mini()
        .edit("campaigns/notice.toml", "edition = \"2\"", "editon = \"2\"")
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[toml]: unknown field `editon`, expected one of `title`, `valid-as-of`, `edition`, `theme`, `vars`, `document`
  --> campaigns/notice.toml:3:1
  |
3 | editon = "2"
  | ^
  = hint: check the spelling against docs/campaign-format.md; every field is listed there

error: 1 error; nothing was built
"#)
        .nothing_written();
}

#[test]
fn misspelled_block_field_is_an_error() {
    mini()
        .edit("campaigns/notice.toml", "text = \"notice-intro\"", "txt = \"notice-intro\"")
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[toml]: unknown field `txt`, expected one of `type`, `text`, `title`, `level`, `items`, `tone`, `entries`, `url`, `qr`, `src`, `alt`, `caption`, `name`, `logo`, `start`, `duration`, `end`, `speaker`, `voice-over`, `image-alt`, `icon`, `args`
  --> campaigns/notice.toml:26:1
   |
26 | txt = "notice-intro"
   | ^
  = hint: check the spelling against docs/campaign-format.md; every field is listed there

error: 1 error; nothing was built
"#)
        .nothing_written();
}

#[test]
fn field_of_another_block_type_is_an_error() {
    mini()
        .edit(
            "campaigns/notice.toml",
            "level = 1\n",
            "level = 1\nitems = [\"x\"]\n",
        )
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[block-field]: field 'items' is not used by a heading block
  --> campaigns/notice.toml:22:9
   |
22 | items = ["x"]
   |         ^
  = hint: a heading block takes: text, level, icon

error: 1 error; nothing was built
"#,
        )
        .nothing_written();
}

#[test]
fn unknown_block_type_lists_the_known_ones() {
    mini()
        .edit("campaigns/notice.toml", "type = \"paragraph\"", "type = \"paragrahp\"")
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[block-type]: unknown block type 'paragrahp'
  --> campaigns/notice.toml:25:8
   |
25 | type = "paragrahp"
   |        ^
  = hint: use one of: heading, paragraph, list, steps, callout, contact, link, image, footnote, organization, edition, cover, sms, cue, break

error: 1 error; nothing was built
"#)
        .nothing_written();
}

#[test]
fn unknown_icon_names_the_closest_and_lists_every_icon() {
    mini()
        .edit(
            "campaigns/notice.toml",
            "tone = \"warning\"\n",
            "tone = \"warning\"\nicon = \"documnts\"\n",
        )
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[icon-unknown]: unknown icon 'documnts'
  --> campaigns/notice.toml:38:8
   |
38 | icon = "documnts"
   |        ^
  = hint: did you mean "documents"? The icons are: phone, email, web, address, clock, documents, money, warning, info, check, person, family, work, home, help, arrow

error: 1 error; nothing was built
"#)
        .nothing_written();
}

#[test]
fn icon_on_a_block_that_shows_none_is_an_error() {
    mini()
        .edit(
            "campaigns/notice.toml",
            "text = \"notice-intro\"",
            "items = [\"notice-intro\"]\nicon = \"info\"",
        )
        .edit(
            "campaigns/notice.toml",
            "type = \"paragraph\"",
            "type = \"list\"",
        )
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[block-field]: field 'icon' is not used by a list block
  --> campaigns/notice.toml:27:8
   |
27 | icon = "info"
   |        ^
  = hint: a list block takes: items

error: 1 error; nothing was built
"#,
        )
        .nothing_written();
}

#[test]
fn unknown_message_id_points_at_the_campaign() {
    mini()
        .edit(
            "campaigns/notice.toml",
            "text = \"notice-intro\"",
            "text = \"notice-intor\"",
        )
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[message-unknown]: message 'notice-intor' is missing in the source locale (en)
  --> campaigns/notice.toml:26:8
  = hint: define it in a file under locales/en/, or fix the id

error: 1 error; nothing was built
"#,
        )
        .nothing_written();
}

#[test]
fn missing_attribute_is_reported() {
    mini()
        .edit(
            "campaigns/notice.toml",
            "alt = \"mark.alt\"",
            "alt = \"mark.title\"",
        )
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[message-unknown]: message 'mark' has no attribute .title in the source locale (en)
  --> campaigns/notice.toml:17:7
  = hint: add the attribute in locales/en/ on an indented line under the message:
              mark =
                  .title = …

error: 1 error; nothing was built
"#,
        )
        .nothing_written();
}

#[test]
fn unknown_variable_in_campaign_is_an_error() {
    mini()
        .edit(
            "campaigns/notice.toml",
            "phone = \"$phone\"",
            "phone = \"$hotline\"",
        )
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[var-unknown]: unknown variable '$hotline'
  --> campaigns/notice.toml:45:38
   |
45 |   { label = "contact-phone", phone = "$hotline" },
   |                                      ^
  = hint: define it under [vars] in this campaign or in pamphlet.toml

error: 1 error; nothing was built
"#,
        )
        .nothing_written();
}

#[test]
fn only_https_mailto_and_tel_links() {
    mini()
        .edit(
            "pamphlet.toml",
            "https://example.org/help",
            "javascript:alert(1)",
        )
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[url-scheme]: url 'javascript:alert(1)' is not an https, mailto or tel link
  --> campaigns/notice.toml:46:34
   |
46 |   { label = "contact-web", url = "$site" },
   |                                  ^
  = hint: printed material links only to https:// addresses, mailto: or tel:

error: 1 error; nothing was built
"#,
        )
        .nothing_written();
}

#[test]
fn asset_paths_cannot_leave_assets() {
    mini()
        .edit(
            "campaigns/notice.toml",
            "logo = \"mark.svg\"",
            "logo = \"../pamphlet.toml\"",
        )
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[asset-path]: '../pamphlet.toml' is not a path inside assets/
  --> campaigns/notice.toml:16:8
   |
16 | logo = "../pamphlet.toml"
   |        ^
  = hint: give a relative path such as "logo.svg"; it is looked up in the assets/ folder

error: 1 error; nothing was built
"#,
        )
        .nothing_written();
}

#[cfg(unix)]
#[test]
fn asset_symlink_leading_outside_is_refused() {
    mini()
        .symlink("pamphlet.toml", "assets/outside.svg")
        .edit(
            "campaigns/notice.toml",
            "logo = \"mark.svg\"",
            "logo = \"outside.svg\"",
        )
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[asset]: asset 'outside.svg' leads outside assets/ (through a symbolic link)
  --> campaigns/notice.toml
  = hint: copy the file into assets/ instead of linking to it

error: 1 error; nothing was built
"#,
        )
        .nothing_written();
}

#[test]
fn campaign_file_name_must_be_a_slug() {
    mini()
        .rename("campaigns/notice.toml", "campaigns/Notice CON.toml")
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[campaign-id]: the campaign id 'Notice CON' (from the file name) is not usable as a folder name: it contains 'N': ids are ASCII lowercase letters (a-z), digits and '-'
  --> campaigns/Notice CON.toml
  = hint: rename the file to campaigns/notice-con.toml

error: 1 error; nothing was built
"#)
        .nothing_written();
}

#[test]
fn campaign_named_after_a_windows_device_is_refused() {
    mini()
        .rename("campaigns/notice.toml", "campaigns/aux.toml")
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[campaign-id]: the campaign id 'aux' (from the file name) is not usable as a folder name: it is a name Windows reserves for devices
  --> campaigns/aux.toml
  = hint: rename the file, e.g. campaigns/return-home.toml

error: 1 error; nothing was built
"#,
        )
        .nothing_written();
}

#[test]
fn syntax_error_in_the_source_locale_is_an_error_with_position() {
    mini()
        .edit("locales/en/notice.ftl", "notice-step-one = Fill in the form.", "notice-step-one = Fill in { $form")
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[ftl-syntax]: Expected a token starting with "}"; this entry is ignored: notice-step-one = Fill in { $form
  --> locales/en/notice.ftl:11:34
   |
11 | notice-step-one = Fill in { $form
   |                                  ^
  = hint: every '{' needs a '}', and select expressions need a *[default] variant

error: 1 error; nothing was built
"#)
        .nothing_written();
}

#[test]
fn syntax_error_in_a_translation_is_a_warning_and_falls_back() {
    let case = mini().edit(
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = املأ { الاستمارة",
    );
    case.run(&["build", "-v"]).code(0).stderr(
        &[
            r#"
warning[ftl-syntax]: Expected an inline expression; this entry is ignored: notice-step-one = املأ { الاستمارة
  --> locales/ar/notice.ftl:15:26
   |
15 | notice-step-one = املأ { الاستمارة
   |                          ^
  = hint: compare with the same message in the source locale; every '{' needs a '}', and select expressions need a *[default] variant

fallback: ar took 1 message from en (-v lists them; out/manifest.json records them)
  notice-step-one → en (broken in ar: syntax error)
"#,
            MINI_RU_FALLBACK_LISTED,
            MINI_ALL_RENDERED,
            "built 6 files (1 campaign × 3 locales), 2 fallbacks, 1 warning in [T] s → [ROOT]/out\n",
        ]
        .concat(),
    );
    case.run(&["build", "--strict"]).code(1);
}

#[test]
fn invalid_utf8_is_reported_with_line_and_column() {
    mini()
        .append("locales/en/notice.ftl", b"broken = caf\xE9\n")
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[encoding]: invalid UTF-8 at line 22, column 13; save the file as UTF-8
  --> locales/en/notice.ftl:22:13

error: 1 error; nothing was built
"#,
        )
        .nothing_written();
}

#[test]
fn invalid_locale_in_config_is_a_usage_error() {
    mini()
        .edit("pamphlet.toml", "\"ru\"]", "\"r!u\"]")
        .run(&["build"])
        .code(2)
        .stderr(
            r#"
error[locale-invalid]: 'r!u' is not a valid locale tag
  --> pamphlet.toml:6:24
  |
6 | locales = ["en", "ar", "r!u"]
  |                        ^
  = hint: use a BCP 47 tag such as 'az', 'ru', 'az-Cyrl' or 'pt-BR'

error: pamphlet.toml is invalid; nothing was built
"#,
        )
        .nothing_written();
}

#[test]
fn duplicate_locale_after_canonicalization() {
    mini()
        .edit("pamphlet.toml", "\"ru\"]", "\"ru\", \"RU\"]")
        .run(&["build"])
        .code(2)
        .stderr(
            r#"
error[locale-duplicate]: locale 'ru' is listed twice
  --> pamphlet.toml:6:30
  |
6 | locales = ["en", "ar", "ru", "RU"]
  |                              ^
  = hint: tags are compared in canonical form: 'pt_br' and 'pt-BR' are the same locale

error: pamphlet.toml is invalid; nothing was built
"#,
        )
        .nothing_written();
}

#[test]
fn not_a_workspace_is_exit_2() {
    Case::empty()
        .run(&["build"])
        .code(2)
        .stderr(
            r#"
error: [ROOT] has no pamphlet.toml; run `pamphlet init DIR` to start a workspace, or pass --root
"#,
        )
        .nothing_written();
}

#[test]
fn unknown_filter_value_is_exit_2() {
    let case = mini();
    case.run(&["build", "--campaign", "nope"])
        .code(2)
        .stderr(
            r#"
error: --campaign nope: no such campaign (known: notice)
"#,
        )
        .nothing_written();
    // clap rejects unknown formats
    case.run(&["build", "--format", "docx"])
        .code(2)
        .stderr(
            r#"
error: invalid value 'docx' for '--format <FORMAT>'
  [possible values: html, txt, pdf, png, vtt, srt]

For more information, try '--help'.
"#,
        )
        .nothing_written();
}

#[test]
fn output_folder_may_not_contain_the_workspace() {
    let case = mini();
    let root = case.root().to_string_lossy().into_owned();
    case.run(&["build", "--out", &root]).code(2).stderr(
        r#"
error: the output folder [ROOT] contains the workspace; choose a folder inside it such as out/
"#,
    );
    assert!(case.root().join("pamphlet.toml").exists());
}

#[test]
fn template_error_leaves_the_previous_output_intact() {
    let case = mini();
    case.run(&["build"]).code(0);
    let before = tree(&case.root().join("out"));
    let case = case.write(
        "templates/html/flyer.html",
        "{% extends \"html/base.html\" %}\n{% block content %}\n{{ nope.missing }}\n{% endblock content %}\n",
    );
    case.run(&["build"]).code(1).stderr(r#"
error[template-render]: Variable `nope` is not defined. Available variables: campaign, document, fallbacks, fonts, icons, languages, locale, sheets, surfaces, theme, title
  --> templates/html/flyer.html:3:4
  = hint: check the variable names against docs/templates.md

error[template-render]: Variable `nope` is not defined. Available variables: campaign, document, fallbacks, fonts, icons, languages, locale, sheets, surfaces, theme, title
  --> templates/html/flyer.html:3:4
  = hint: check the variable names against docs/templates.md

error[template-render]: Variable `nope` is not defined. Available variables: campaign, document, fallbacks, fonts, icons, languages, locale, sheets, surfaces, theme, title
  --> templates/html/flyer.html:3:4
  = hint: check the variable names against docs/templates.md

error: 3 errors while rendering; [ROOT]/out left unchanged
"#);
    assert_eq!(before, tree(&case.root().join("out")));
}

#[test]
fn template_syntax_error_names_the_file_and_line() {
    mini()
        .write("templates/txt/flyer.txt", "line one\n{% for x in %}\n")
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[template-syntax]: Found `%}` but expected one of: integer, float, string, bool, ident, `-`, `not`, `<`, `{`, `[` or `(`
  --> templates/txt/flyer.txt:2:13
  = hint: fix the template; `pamphlet init` writes none, so deleting the file restores the default

error: 1 error; nothing was built
"#)
        .nothing_written();
}

#[test]
fn typed_variables_that_cannot_be_formatted_name_file_and_line() {
    mini()
        .edit(
            "campaigns/notice.toml",
            "days = 15",
            "days = 15\nfee = { amount = 30, currency = \"manat\" }\nshare = { ratio = 2 }\nopens = 2026-12-01T09:00:00+04:00",
        )
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[var-type]: 'manat' is not a currency code: use the three capital letters of ISO 4217, e.g. "AZN"
  --> campaigns/notice.toml:7:7
  |
7 | fee = { amount = 30, currency = "manat" }
  |       ^

error[var-type]: a typed variable is { amount = 30, currency = "AZN" } or { percent = 25 }, not a table with ratio
  --> campaigns/notice.toml:8:9
  |
8 | share = { ratio = 2 }
  |         ^

error[var-type]: '2026-12-01T09:00:00+04:00' is not a floating date: write a date (2026-12-31) or a date and time without an offset (2026-12-31T09:00:00)
  --> campaigns/notice.toml:9:9
  |
9 | opens = 2026-12-01T09:00:00+04:00
  |         ^

error: 3 errors; nothing was built
"#)
        .nothing_written();
}

#[test]
fn valid_as_of_must_be_a_floating_date() {
    mini()
        .edit(
            "campaigns/notice.toml",
            "valid-as-of = 2026-01-15",
            "valid-as-of = 2026-01-15T00:00:00+04:00",
        )
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[campaign-date]: valid-as-of must be a date such as 2026-11-01, without an offset
  --> campaigns/notice.toml:2:15
  |
2 | valid-as-of = 2026-01-15T00:00:00+04:00
  |               ^

error: 1 error; nothing was built
"#,
        )
        .nothing_written();
}
