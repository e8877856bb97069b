//! Messages that used to mislead: each case asserts the whole message.

use super::case::Case;
use super::expected::*;

fn mini() -> Case {
    Case::fixture("mini")
}

#[test]
fn single_brackets_on_a_block_say_how_blocks_are_written() {
    // and are not reported as a duplicate key
    let case = mini().edit(
        "campaigns/notice.toml",
        "[[document.block]]\ntype = \"heading\"",
        "[document.block]\ntype = \"heading\"",
    );
    case.run(&["check"]).code(1).stderr(&[
        r#"
error[toml]: [document.block] must be written [[document.block]], with double brackets
  --> campaigns/notice.toml:19:1
   |
19 | [document.block]
   | ^
  = hint: write [[document.block]]: each one adds a block to the document above it, in order; docs/campaign-format.md shows a complete example

"#,
        &mini_findings(),
        "checked: 1 error, 4 warnings\n",
    ]
    .concat());
    case.edit("campaigns/notice.toml", "[[document]]", "[document]")
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[toml]: [document] must be written [[document]], with double brackets
  --> campaigns/notice.toml:8:1
  |
8 | [document]
  | ^
  = hint: write [[document]]: each one adds a document; docs/campaign-format.md shows a complete example

error[toml]: [document.block] must be written [[document.block]], with double brackets
  --> campaigns/notice.toml:19:1
   |
19 | [document.block]
   | ^
  = hint: write [[document.block]]: each one adds a block to the document above it, in order; docs/campaign-format.md shows a complete example

error: 2 errors; nothing was built
"#)
        .nothing_written();
}

#[test]
fn a_campaign_id_in_another_script_is_explained_with_an_example() {
    let case = mini();
    case.run(&["new", "возврат"]).code(2).stderr(r#"
error: 'возврат' cannot be a campaign id: it contains 'в': ids are ASCII lowercase letters (a-z), digits and '-'; write it in ASCII, e.g. `pamphlet new return-home` (the id only names files; readers never see it)
"#);
    case.run(&["new", "Return Home"]).code(2).stderr(r#"
error: 'Return Home' cannot be a campaign id: it contains 'R': ids are ASCII lowercase letters (a-z), digits and '-'; try `pamphlet new return-home`
"#);
    assert!(!case.root().join("campaigns/return-home.toml").exists());
}

#[test]
fn a_campaign_file_name_that_is_no_id_gets_its_own_slug_as_the_new_name() {
    mini()
        .rename("campaigns/notice.toml", "campaigns/Return Home.toml")
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[campaign-id]: the campaign id 'Return Home' (from the file name) is not usable as a folder name: it contains 'R': ids are ASCII lowercase letters (a-z), digits and '-'
  --> campaigns/Return Home.toml
  = hint: rename the file to campaigns/return-home.toml

error: 1 error; nothing was built
"#)
        .nothing_written();
}

#[test]
fn an_unclosed_tag_is_reported_as_not_closed_where_it_opens() {
    mini()
        .edit(
            "locales/ru/notice.ftl",
            "notice-step-one = Заполните анкету.",
            "notice-step-one = <b>Заполните</b> <b>анкету.",
        )
        // a pair around a placeable is closed: no warning for it
        .edit(
            "locales/ru/notice.ftl",
            "    } после переезда.",
            "    } <b>после { $days } переезда</b>.",
        )
        .run(&["check", "--locale", "ru"])
        .code(0)
        .stderr(&[
            MINI_RU_STEP_TWO_MISSING,
            MINI_RU_INTRO_PLURAL_MISSING,
            "\
warning[markup-disallowed]: 'notice-step-one' opens <b> but never closes it, so <b> is printed as text
  --> locales/ru/notice.ftl:11:36
   |
11 | notice-step-one = <b>Заполните</b> <b>анкету.
   |                                    ^
  = hint: close it with </b> where the formatted words end: <b>…</b>

",
            MINI_RU_DEADLINE_PLURAL_MISSING,
            MINI_RU_UNREVIEWED,
            "checked: 0 errors, 4 warnings\n",
        ]
        .concat());
}

#[test]
fn tags_closed_in_each_variant_of_a_select_are_markup() {
    mini()
        .edit(
            "locales/ru/notice.ftl",
            "        [one] { $days } рабочего дня\n       *[other] { $days } рабочих дней",
            "        [one] <b>{ $days } рабочего дня</b>\n       *[other] <b>{ $days } рабочих дней",
        )
        .run(&["check", "--locale", "ru"])
        .code(0)
        .stderr(&[
            MINI_RU_STEP_TWO_MISSING,
            MINI_RU_INTRO_PLURAL_MISSING,
            MINI_RU_DEADLINE_PLURAL_MISSING,
            "\
warning[markup-disallowed]: 'notice-deadline' opens <b> but never closes it, so <b> is printed as text
  --> locales/ru/notice.ftl:17:17
   |
17 |        *[other] <b>{ $days } рабочих дней
   |                 ^
  = hint: close it with </b> where the formatted words end: <b>…</b>

",
            MINI_RU_UNREVIEWED,
            "checked: 0 errors, 4 warnings\n",
        ]
        .concat());
}

#[test]
fn a_link_in_a_translation_points_to_the_link_block() {
    mini()
        .edit(
            "locales/ru/notice.ftl",
            "contact-web = Сайт",
            "contact-web = <a href=\"https://example.org\">Сайт</a>",
        )
        .run(&["check", "--locale", "ru"])
        .code(0)
        .stderr(&[
            MINI_RU_STEP_TWO_MISSING,
            MINI_RU_INTRO_PLURAL_MISSING,
            MINI_RU_DEADLINE_PLURAL_MISSING,
            r#"warning[length-ratio]: 'contact-web' is 38 characters in ru against 7 in the source; it may not fit its print panel
  --> locales/ru/notice.ftl:20:1
   |
20 | contact-web = <a href="https://example.org">Сайт</a>
   | ^
  = hint: check the printed layout, or shorten the translation

warning[markup-disallowed]: 'contact-web' contains <a href="https://example.org">, which is printed as text
  --> locales/ru/notice.ftl:20:15
   |
20 | contact-web = <a href="https://example.org">Сайт</a>
   |               ^
  = hint: use only <em> <strong> <small> <s> <cite> <q> <dfn> <abbr> <code> <var> <samp> <kbd> <sub> <sup> <i> <b> <u> <mark> <bdi> <span> <br> <wbr> without attributes; links come from the campaign's `link` block, never from a translation: keep the words, drop the tags

warning[markup-disallowed]: 'contact-web' contains </a>, which is printed as text
  --> locales/ru/notice.ftl:20:49
   |
20 | contact-web = <a href="https://example.org">Сайт</a>
   |                                                 ^
  = hint: use only <em> <strong> <small> <s> <cite> <q> <dfn> <abbr> <code> <var> <samp> <kbd> <sub> <sup> <i> <b> <u> <mark> <bdi> <span> <br> <wbr> without attributes; links come from the campaign's `link` block, never from a translation: keep the words, drop the tags

"#,
            MINI_RU_UNREVIEWED,
            "checked: 0 errors, 6 warnings\n",
        ]
        .concat());
}

#[test]
fn an_unknown_attribute_shows_how_to_write_one() {
    mini()
        .edit("campaigns/notice.toml", "alt = \"mark.alt\"", "alt = \"vr-plane.alt\"")
        .edit("campaigns/notice.toml", "text = \"notice-title\"", "text = \"notice-title.alt\"")
        .edit("campaigns/notice.toml", "text = \"edition\"", "text = \"mark\"")
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[message-unknown]: message 'vr-plane' is missing in the source locale (en), so its attribute .alt is too
  --> campaigns/notice.toml:17:7
  = hint: define the message in a file under locales/en/, with the attribute on an indented line under it:
              vr-plane =
                  .alt = …

error[message-unknown]: message 'notice-title' has no attribute .alt in the source locale (en)
  --> campaigns/notice.toml:22:8
  = hint: add the attribute in locales/en/ on an indented line under the message:
              notice-title = …
                  .alt = …

error[message-unknown]: message 'mark' has no value in the source locale (en), only attributes
  --> campaigns/notice.toml:51:8
  = hint: name one of its attributes (mark.alt), or give it a value in locales/en/: mark = Text

error: 3 errors; nothing was built
"#)
        .nothing_written();
}

#[test]
fn counts_and_articles_read_as_english() {
    mini()
        .edit(
            "campaigns/notice.toml",
            "logo = \"mark.svg\"\nalt = \"mark.alt\"",
            "logo = \"mark.svg\"\nalt = \"mark.alt\"\n\n[[document.block]]\ntype = \"image\"\nsrc = \"mark.svg\"\nalt = \"mark.alt\"\nlevel = 2",
        )
        .run(&["check"])
        .code(1)
        .stderr(&[
            r#"
error[block-field]: field 'level' is not used by an image block
  --> campaigns/notice.toml:23:9
   |
23 | level = 2
   |         ^
  = hint: an image block takes: src, alt, caption

"#,
            &mini_findings(),
            "checked: 1 error, 4 warnings\n",
        ]
        .concat());

    let case = mini();
    case.run(&["build"]).code(0).stderr(
        r#"
fallback: ru took 1 message from en (-v lists them; out/manifest.json records them)
built 6 files (1 campaign × 3 locales), 1 fallback, 0 warnings in [T] s → [ROOT]/out
"#,
    );
    assert!(
        case.out("index.html")
            .contains("<p>6 files for 1 campaign in 3 locales. <em>Complete</em>"),
        "{}",
        case.out("index.html")
    );

    // one locale (a new workspace)
    let case = Case::empty();
    let root = case.root().to_string_lossy().into_owned();
    case.run(&["init", &root]).code(0);
    case.run(&["build"]).code(0).stderr(
        r#"
built 2 files (1 campaign × 1 locale), 0 fallbacks, 0 warnings in [T] s → [ROOT]/out
"#,
    );
    assert!(
        case.out("index.html")
            .contains("<p>2 files for 1 campaign in 1 locale. <em>Complete</em>"),
        "{}",
        case.out("index.html")
    );
}
