//! Messages that used to mislead: each case asserts the whole message.

use super::*;

/// Replaces `from` with `to` in a copied workspace's file (the replacement must happen).
fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = read(&path);
    assert!(text.contains(from), "{file} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The diagnostic block (up to its blank line) that starts with `head`.
fn block<'a>(err: &'a str, head: &str) -> &'a str {
    let start = err
        .find(head)
        .unwrap_or_else(|| panic!("no {head:?} in:\n{err}"));
    let rest = &err[start..];
    &rest[..rest.find("\n\n").map_or(rest.len(), |e| e + 1)]
}

#[test]
fn single_brackets_on_a_block_say_how_blocks_are_written() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "[[document.block]]\ntype = \"heading\"",
        "[document.block]\ntype = \"heading\"",
    );
    let o = pamphlet(ws.path(), &["check"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        block(&stderr(&o), "error[toml]"),
        "error[toml]: [document.block] must be written [[document.block]], with double brackets
  --> campaigns/notice.toml:19:1
   |
19 | [document.block]
   | ^
  = hint: write [[document.block]]: each one adds a block to the document above it, in order; docs/campaign-format.md shows a complete example
"
    );
    assert!(!stderr(&o).contains("duplicate key"), "{}", stderr(&o));

    let ws = fixture("mini");
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "[[document]]",
        "[document]",
    );
    let o = pamphlet(ws.path(), &["build"]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).starts_with(
            "error[toml]: [document] must be written [[document]], with double brackets\n  --> campaigns/notice.toml:8:1\n"
        ),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_campaign_id_in_another_script_is_explained_with_an_example() {
    let ws = fixture("mini");
    let o = pamphlet(ws.path(), &["new", "возврат"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "error: 'возврат' cannot be a campaign id: it contains 'в': ids are ASCII lowercase letters (a-z), digits and '-'; write it in ASCII, e.g. `pamphlet new return-home` (the id only names files; readers never see it)\n"
    );
    let o = pamphlet(ws.path(), &["new", "Return Home"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "error: 'Return Home' cannot be a campaign id: it contains 'R': ids are ASCII lowercase letters (a-z), digits and '-'; try `pamphlet new return-home`\n"
    );
    assert!(!ws.path().join("campaigns/return-home.toml").exists());
}

#[test]
fn a_campaign_file_name_that_is_no_id_gets_its_own_slug_as_the_new_name() {
    let ws = fixture("mini");
    std::fs::rename(
        ws.path().join("campaigns/notice.toml"),
        ws.path().join("campaigns/Return Home.toml"),
    )
    .unwrap();
    let o = pamphlet(ws.path(), &["build"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        block(&stderr(&o), "error[campaign-id]"),
        "error[campaign-id]: the campaign id 'Return Home' (from the file name) is not usable as a folder name: it contains 'R': ids are ASCII lowercase letters (a-z), digits and '-'
  --> campaigns/Return Home.toml
  = hint: rename the file to campaigns/return-home.toml
"
    );
}

#[test]
fn an_unclosed_tag_is_reported_as_not_closed_where_it_opens() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "locales/ru/notice.ftl",
        "notice-step-one = Заполните анкету.",
        "notice-step-one = <b>Заполните</b> <b>анкету.",
    );
    // a pair around a placeable is closed: no warning for it
    edit(
        ws.path(),
        "locales/ru/notice.ftl",
        "    } после переезда.",
        "    } <b>после { $days } переезда</b>.",
    );
    let o = pamphlet(ws.path(), &["check", "--locale", "ru"]);
    let err = stderr(&o);
    assert_eq!(
        block(&err, "warning[markup-disallowed]"),
        "warning[markup-disallowed]: 'notice-step-one' opens <b> but never closes it, so <b> is printed as text
  --> locales/ru/notice.ftl:11:36
   |
11 | notice-step-one = <b>Заполните</b> <b>анкету.
   |                                    ^
  = hint: close it with </b> where the formatted words end: <b>…</b>
"
    );
    assert_eq!(
        err.matches("markup-disallowed").count(),
        1,
        "only the unclosed tag:\n{err}"
    );
}

#[test]
fn tags_closed_in_each_variant_of_a_select_are_markup() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "locales/ru/notice.ftl",
        "        [one] { $days } рабочего дня\n       *[other] { $days } рабочих дней",
        "        [one] <b>{ $days } рабочего дня</b>\n       *[other] <b>{ $days } рабочих дней",
    );
    let o = pamphlet(ws.path(), &["check", "--locale", "ru"]);
    assert_eq!(
        block(&stderr(&o), "warning[markup-disallowed]"),
        "warning[markup-disallowed]: 'notice-deadline' opens <b> but never closes it, so <b> is printed as text
  --> locales/ru/notice.ftl:17:17
   |
17 |        *[other] <b>{ $days } рабочих дней
   |                 ^
  = hint: close it with </b> where the formatted words end: <b>…</b>
"
    );
    assert_eq!(stderr(&o).matches("markup-disallowed").count(), 1);
}

#[test]
fn a_link_in_a_translation_points_to_the_link_block() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "locales/ru/notice.ftl",
        "contact-web = Сайт",
        "contact-web = <a href=\"https://example.org\">Сайт</a>",
    );
    let o = pamphlet(ws.path(), &["check", "--locale", "ru"]);
    assert_eq!(
        block(&stderr(&o), "warning[markup-disallowed]"),
        "warning[markup-disallowed]: 'contact-web' contains <a href=\"https://example.org\">, which is printed as text
  --> locales/ru/notice.ftl:20:15
   |
20 | contact-web = <a href=\"https://example.org\">Сайт</a>
   |               ^
  = hint: use only <em> <strong> <small> <s> <cite> <q> <dfn> <abbr> <code> <var> <samp> <kbd> <sub> <sup> <i> <b> <u> <mark> <bdi> <span> <br> <wbr> without attributes; links come from the campaign's `link` block, never from a translation: keep the words, drop the tags
"
    );
}

#[test]
fn an_unknown_attribute_shows_how_to_write_one() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "alt = \"mark.alt\"",
        "alt = \"vr-plane.alt\"",
    );
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "text = \"notice-title\"",
        "text = \"notice-title.alt\"",
    );
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "text = \"edition\"",
        "text = \"mark\"",
    );
    let o = pamphlet(ws.path(), &["build"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        stderr(&o),
        "error[message-unknown]: message 'vr-plane' is missing in the source locale (en), so its attribute .alt is too
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
"
    );
}

#[test]
fn counts_and_articles_read_as_english() {
    let ws = fixture("mini");
    edit(
        ws.path(),
        "campaigns/notice.toml",
        "logo = \"mark.svg\"\nalt = \"mark.alt\"",
        "logo = \"mark.svg\"\nalt = \"mark.alt\"\n\n[[document.block]]\ntype = \"image\"\nsrc = \"mark.svg\"\nalt = \"mark.alt\"\nlevel = 2",
    );
    let o = pamphlet(ws.path(), &["check"]);
    assert_eq!(
        block(&stderr(&o), "error[block-field]"),
        "error[block-field]: field 'level' is not used by an image block
  --> campaigns/notice.toml:23:9
   |
23 | level = 2
   |         ^
  = hint: an image block takes: src, alt, caption
"
    );

    let ws = fixture("mini");
    let o = pamphlet(ws.path(), &["build"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("built 6 files (1 campaign × 3 locales), 1 fallback, 0 warnings in "),
        "{}",
        stderr(&o)
    );
    let index = read(&ws.path().join("out/index.html"));
    assert!(
        index.contains("<p>6 files for 1 campaign in 3 locales. <em>Complete</em>"),
        "{index}"
    );

    // one locale (a new workspace)
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ws");
    let o = Command::new(env!("CARGO_BIN_EXE_pamphlet"))
        .arg("init")
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = pamphlet(&dir, &["build"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("built 2 files (1 campaign × 1 locale), 0 fallbacks, 0 warnings in "),
        "{}",
        stderr(&o)
    );
    let index = read(&dir.join("out/index.html"));
    assert!(
        index.contains("<p>2 files for 1 campaign in 1 locale. <em>Complete</em>"),
        "{index}"
    );
}
