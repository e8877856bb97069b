//! The bad-input catalogue: hostile or broken input of every kind, each with
//! its exact outcome. Every case first builds the good fixture, then breaks
//! it and builds again: a refused build must leave `out/` byte-for-byte as it
//! was; an accepted one must produce safe output.

use super::case::Case;
use super::expected::*;
use super::*;

/// The mini fixture, built once successfully.
fn built() -> Case {
    Case::fixture("mini").built()
}

/// The whole output of `build -v` on the built fixture when ar's
/// `notice-step-one` falls back to en for `reason` and nothing else changed.
fn ar_step_one_fell_back(reason: &str) -> String {
    [
        "fallback: ar took 1 message from en (-v lists them; out/manifest.json records them)\n",
        &format!("  notice-step-one → en ({reason})\n"),
        MINI_RU_FALLBACK_LISTED,
        MINI_ONE_RENDERED,
        "built 6 files (1 campaign × 3 locales), 2 fallbacks, 0 warnings in [T] s, 2 of 3 documents unchanged → [ROOT]/out\n",
    ]
    .concat()
}

/// Every ar message of the fixture falling back, as `build -v` lists them,
/// when the whole ar file is refused.
const AR_ALL_FELL_BACK: &str = "\
fallback: ar took 11 messages from en (-v lists them; out/manifest.json records them)
  contact-phone → en (missing in ar)
  contact-web → en (missing in ar)
  edition → en (missing in ar)
  mark.alt → en (missing in ar)
  notice-deadline → en (missing in ar)
  notice-intro → en (missing in ar)
  notice-step-one → en (missing in ar)
  notice-step-two → en (missing in ar)
  notice-title → en (missing in ar)
  notice-warning-title → en (missing in ar)
  org-name → en (missing in ar)
";

// ---- Fluent: references, size, nesting, numbers --------------------------------

#[test]
fn c01_cycle_in_the_source_is_an_error_naming_the_cycle() {
    built()
        .append(
            "locales/en/notice.ftl",
            "loop-a = { loop-b }\nloop-b = { loop-a }\n",
        )
        .edit(
            "locales/en/notice.ftl",
            "notice-step-one = Fill in the form.",
            "notice-step-one = Fill in { loop-a }.",
        )
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[message-unresolved]: message 'notice-step-one' cannot be resolved: broken in en: references form a cycle: loop-a → loop-b → loop-a
  --> campaigns/notice.toml:30:10
   |
30 | items = ["notice-step-one", "notice-step-two"]
   |          ^
  = hint: fix the message in the source locale: no message may reference itself, directly or through others

error: 1 error while rendering; [ROOT]/out left unchanged
"#)
        .out_unchanged();
}

#[test]
fn c02_cycle_in_a_translation_falls_back_and_is_never_printed() {
    let case = built()
        .append(
            "locales/ar/notice.ftl",
            "loop-a = { loop-b }\nloop-b = { loop-a }\n",
        )
        .edit(
            "locales/ar/notice.ftl",
            "notice-step-one = املأ الاستمارة.",
            "notice-step-one = { loop-a }",
        );
    case.run(&["build", "-v"])
        .code(0)
        .stderr(&ar_step_one_fell_back(
            "broken in ar: references form a cycle: loop-a → loop-b → loop-a",
        ));
    let html = case.out("notice/ar/flyer.html");
    assert!(html.contains("<li>Fill in the form.</li>"));
    assert!(!html.contains("{loop"));
}

#[test]
fn c03_reference_bomb_is_stopped() {
    let mut bomb = String::from("l0 = lol\n");
    for i in 1..=10 {
        let refs = vec![format!("{{ l{} }}", i - 1); 10].join(" ");
        bomb.push_str(&format!("l{i} = {refs}\n"));
    }
    let case = built().append("locales/ar/notice.ftl", bomb).edit(
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = { l10 }",
    );
    case.run(&["build", "-v"])
        .code(0)
        .stderr(&ar_step_one_fell_back("broken in ar: Too many placeables"));
    assert!(!case.out("notice/ar/flyer.html").contains("lol"));
}

#[test]
fn c04_huge_resolved_message_is_capped() {
    let big = "x".repeat(30_000);
    built()
        .append("locales/en/notice.ftl", format!("big = {big}\n"))
        .edit(
            "locales/en/notice.ftl",
            "notice-step-one = Fill in the form.",
            "notice-step-one = { big } { big } { big }",
        )
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[message-unresolved]: message 'notice-step-one' cannot be resolved: too long in en: it resolves to 87 KiB, over the 64 KiB limit (references repeated too often?)
  --> campaigns/notice.toml:30:10
   |
30 | items = ["notice-step-one", "notice-step-two"]
   |          ^
  = hint: fix the message in the source locale: reference long messages fewer times

error: 1 error while rendering; [ROOT]/out left unchanged
"#)
        .out_unchanged();
}

#[test]
fn c05_deep_nesting_in_a_translation_is_refused_before_parsing() {
    // the snippet's long line is cut, and the whole file falls back
    built()
        .append(
            "locales/ar/notice.ftl",
            format!("deep = {}x{}\n", "{".repeat(50_000), "}".repeat(50_000)),
        )
        .run(&["build", "-v"])
        .code(0)
        .stderr(&[
            r#"
warning[ftl-nesting]: placeables are nested more than 64 levels deep
  --> locales/ar/notice.ftl:30:72
   |
30 | …{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{…
   |                                                   ^
  = hint: a '{' is probably never closed; close every placeable with '}'

"#,
            AR_ALL_FELL_BACK,
            MINI_RU_FALLBACK_LISTED,
            MINI_ONE_RENDERED,
            "built 6 files (1 campaign × 3 locales), 12 fallbacks, 1 warning in [T] s, 2 of 3 documents unchanged → [ROOT]/out\n",
        ]
        .concat());
}

#[test]
fn c06_unclosed_braces_in_the_source_are_an_error_with_line() {
    built()
        .append(
            "locales/en/notice.ftl",
            format!("open = {}\n", "{".repeat(1000)),
        )
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[ftl-nesting]: placeables are nested more than 64 levels deep
  --> locales/en/notice.ftl:22:72
   |
22 | …{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{…
   |                                                   ^
  = hint: a '{' is probably never closed; close every placeable with '}'

error: 1 error; nothing was built
"#)
        .out_unchanged();
}

#[test]
fn c07_number_options_are_clamped() {
    let case = built().edit(
        "locales/en/notice.ftl",
        "notice-step-one = Fill in the form.",
        "notice-step-one = { NUMBER($days, minimumFractionDigits: 100000000000000) }",
    );
    case.run(&["build", "-v"]).code(0).stderr(&mini_build_v());
    assert!(
        case.out("notice/en/flyer.txt")
            .contains("15.000000000000000")
    );
}

#[test]
fn c08_long_fraction_literal_is_refused_not_a_panic() {
    built()
        .append(
            "locales/en/notice.ftl",
            "frac = { 1.00000000000000000000 ->\n   *[other] x\n}\n",
        )
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[ftl-number]: 'frac' uses the number 1.00000000000000000000, which has more than 15 digits before or after the point; the entry is ignored
  --> locales/en/notice.ftl:22:1
   |
22 | frac = { 1.00000000000000000000 ->
   | ^
  = hint: write the number with fewer digits, or pass it from the campaign as a variable

error: 1 error; nothing was built
"#)
        .out_unchanged();
}

#[test]
fn c09_huge_integer_literal_in_a_translation_drops_only_that_message() {
    let case = built().edit(
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = { 123456789012345678901234 }",
    );
    case.run(&["build", "-v"]).code(0).stderr(&[
        r#"
warning[ftl-number]: 'notice-step-one' uses the number 123456789012345678901234, which has more than 15 digits before or after the point; the entry is ignored
  --> locales/ar/notice.ftl:15:1
   |
15 | notice-step-one = { 123456789012345678901234 }
   | ^
  = hint: write the number with fewer digits, or pass it from the campaign as a variable

fallback: ar took 1 message from en (-v lists them; out/manifest.json records them)
  notice-step-one → en (broken in ar: number with too many digits)
"#,
        MINI_RU_FALLBACK_LISTED,
        MINI_ONE_RENDERED,
        "built 6 files (1 campaign × 3 locales), 2 fallbacks, 1 warning in [T] s, 2 of 3 documents unchanged → [ROOT]/out\n",
    ]
    .concat());
    assert!(
        case.out("notice/ar/flyer.html").contains("<li>أرسلها"),
        "its neighbours still load"
    );
}

#[test]
fn c10_call_with_too_many_named_arguments() {
    let call = |n: usize| {
        let args: Vec<String> = (0..n).map(|i| format!("a{i}: 1")).collect();
        format!("many = {{ NUMBER($days, {}) }}\n", args.join(", "))
    };
    let case = built().append("locales/en/notice.ftl", call(100_000));
    case.run(&["build"])
        .code(1)
        .stderr(
            r#"
error[ftl-too-large]: the file is 1064 KiB; the limit is 1024 KiB
  --> locales/en/notice.ftl
  = hint: split the messages into several .ftl files

error: 1 error; nothing was built
"#,
        )
        .out_unchanged();
    let case = case.edit("locales/en/notice.ftl", &call(100_000), &call(100));
    case.run(&["build"])
        .code(1)
        .stderr(r#"
error[ftl-arguments]: a function call has more than 64 named arguments
  --> locales/en/notice.ftl:22:529
   |
22 | …8: 1, a59: 1, a60: 1, a61: 1, a62: 1, a63: 1, a64: 1, a65: 1, a66: 1, a67: 1, a68: 1, a69: 1, a70: 1…
   |                                                   ^
  = hint: NUMBER() takes a handful of options; remove the extra arguments

error: 1 error; nothing was built
"#)
        .out_unchanged();
}

// ---- encodings and syntax -------------------------------------------------------

#[test]
fn c11_utf8_bom_is_stripped_and_the_first_message_survives() {
    // no fallback in ar
    built()
        .prepend("locales/ar/notice.ftl", b"\xEF\xBB\xBF")
        .run(&["build", "-v"])
        .code(0)
        .stderr(&mini_rebuild_v_one_rendered());
}

#[test]
fn c12_utf16_is_named() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("a = b\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    built()
        .write("locales/en/extra.ftl", utf16)
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[encoding]: the file is UTF-16 encoded (little-endian byte order mark); save it as UTF-8
  --> locales/en/extra.ftl:1:1

error: 1 error; nothing was built
"#,
        )
        .out_unchanged();
}

#[test]
fn c13_lone_carriage_returns_are_named() {
    built()
        .write("locales/en/extra.ftl", "a = x\rb = y\r")
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[encoding]: line 1 ends with a lone carriage return (old Mac line ending); save the file with LF or CRLF line endings
  --> locales/en/extra.ftl:1:6

error: 1 error; nothing was built
"#)
        .out_unchanged();
}

#[test]
fn c14_tab_indentation_gets_a_hint() {
    built()
        .append(
            "locales/en/notice.ftl",
            "tabbed =\n\tindented with a tab\n",
        )
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[ftl-indent]: 'tabbed' (line 22) has no value: line 23 is indented with a tab, which Fluent does not accept, so Fluent does not read it as the message's text; it counts as broken
  --> locales/en/notice.ftl:23:1
   |
23 |  indented with a tab
   | ^
  = hint: Fluent does not allow tabs for indentation: start line 23 (and every further line of 'tabbed') with spaces, e.g. `    indented with a tab`

error: 1 error; nothing was built
"#)
        .out_unchanged();
}

#[test]
fn c15_duplicate_in_one_file_cites_both_lines() {
    built()
        .append("locales/en/notice.ftl", "contact-web = Web\n")
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[ftl-duplicate]: message 'contact-web' is defined twice; the first definition (locales/en/notice.ftl:20) is used
  --> locales/en/notice.ftl:22:1
   |
22 | contact-web = Web
   | ^
  = hint: remove or rename one of the two definitions

error: 1 error; nothing was built
"#)
        .out_unchanged();
}

#[test]
fn c16_duplicate_across_files_of_a_locale() {
    // files load in name order, so more.ftl comes first and wins
    built()
        .write("locales/en/more.ftl", "contact-web = Web\n")
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[ftl-duplicate]: message 'contact-web' is defined twice; the first definition (locales/en/more.ftl:1) is used
  --> locales/en/notice.ftl:20:1
   |
20 | contact-web = Website
   | ^
  = hint: remove or rename one of the two definitions

error: 1 error; nothing was built
"#)
        .out_unchanged();
}

#[test]
fn c17_term_attribute_as_a_placeable_is_a_syntax_error() {
    built()
        .append(
            "locales/en/notice.ftl",
            "-t = T\n    .a = A\nuse = { -t.a }\n",
        )
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[ftl-syntax]: Term attributes can't be printed, only used as a selector; this entry is ignored: use = { -t.a }
  --> locales/en/notice.ftl:24:14
   |
24 | use = { -t.a }
   |              ^
  = hint: print the term itself, { -term }, or select on its attribute: { -term.attr -> [value] … *[other] … }

error: 1 error; nothing was built
"#)
        .out_unchanged();
}

#[test]
fn c18_select_without_default_is_a_syntax_error() {
    built()
        .append(
            "locales/en/notice.ftl",
            "nodefault = { $days ->\n    [one] one\n    [other] many\n}\n",
        )
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[ftl-syntax]: The select expression must have a default variant; this entry is ignored: nodefault = { $days ->
  --> locales/en/notice.ftl:24:17
   |
24 |     [other] many
   |                 ^
  = hint: every '{' needs a '}', and select expressions need a *[default] variant

error: 1 error; nothing was built
"#)
        .out_unchanged();
}

#[test]
fn c19_missing_variable_in_the_source_is_an_error_not_braces() {
    built()
        .edit(
            "locales/en/notice.ftl",
            "notice-step-one = Fill in the form.",
            "notice-step-one = Fill in { $form }.",
        )
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[message-unresolved]: message 'notice-step-one' cannot be resolved: broken in en: Unknown variable: $form
  --> campaigns/notice.toml:30:10
   |
30 | items = ["notice-step-one", "notice-step-two"]
   |          ^
  = hint: fix the message in the source locale: every variable it uses must be passed by the campaign or the project

error: 1 error while rendering; [ROOT]/out left unchanged
"#)
        .out_unchanged();
}

#[test]
fn c20_attributes_only_message_used_as_value() {
    built()
        .edit(
            "campaigns/notice.toml",
            "text = \"notice-intro\"",
            "text = \"mark\"",
        )
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[message-unknown]: message 'mark' has no value in the source locale (en), only attributes
  --> campaigns/notice.toml:26:8
  = hint: name one of its attributes (mark.alt), or give it a value in locales/en/: mark = Text

error: 1 error; nothing was built
"#,
        )
        .out_unchanged();
}

// ---- injection ------------------------------------------------------------------

#[test]
fn c21_script_in_a_translation_is_text() {
    let case = built().edit(
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = <script>alert(1)</script>",
    );
    case.run(&["build", "-v"])
        .code(0)
        .stderr(&mini_rebuild_v_one_rendered());
    let html = case.out("notice/ar/flyer.html");
    assert!(html.contains("<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>"));
    assert!(!html.contains("<script"));
}

#[test]
fn c22_javascript_link_in_a_translation_is_text() {
    let case = built().edit(
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = <a href=\"javascript:alert(1)\">x</a>",
    );
    case.run(&["build", "-v"])
        .code(0)
        .stderr(&mini_rebuild_v_one_rendered());
    let html = case.out("notice/ar/flyer.html");
    assert!(!html.contains("<a href=\"javascript"));
    assert!(html.contains("&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;"));
}

#[test]
fn c23_allowed_inline_markup_is_kept_without_nesting_or_attributes() {
    let case = built().edit(
        "locales/en/notice.ftl",
        "notice-step-one = Fill in the form.",
        "notice-step-one = Fill in <strong>the form</strong>, <em><b>now</b></em>, <b class=\"x\">here</b>.",
    );
    case.run(&["build", "-v"]).code(0).stderr(&mini_build_v());
    assert!(case.out("notice/en/flyer.html").contains("<li>Fill in <strong>the form</strong>, &lt;em&gt;<b>now</b>&lt;/em&gt;, &lt;b class=&quot;x&quot;&gt;here&lt;/b&gt;.</li>"));
    assert!(
        case.out("notice/en/flyer.txt")
            .contains("Fill in the form, <em>now</em>, <b class=\"x\">here</b>.")
    );
}

#[test]
fn c24_bidi_override_in_a_translation_is_never_printed() {
    let case = built().edit(
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = املأ \u{202E}الاستمارة.",
    );
    case.run(&["build", "-v"])
        .code(0)
        .stderr(&ar_step_one_fell_back(
            "unsafe in ar: it contains the invisible control character U+202E",
        ));
    assert!(!case.out("notice/ar/flyer.html").contains('\u{202E}'));
}

#[test]
fn c25_escaped_override_and_nul_are_caught_after_decoding() {
    let case = built().edit(
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = { \"\\u202E\" }x{ \"\\u0000\" }",
    );
    case.run(&["build", "-v"])
        .code(0)
        .stderr(&ar_step_one_fell_back(
            "unsafe in ar: it contains the invisible control character U+202E",
        ));
    for file in ["notice/ar/flyer.html", "notice/ar/flyer.txt"] {
        let text = case.out(file);
        assert!(!text.contains('\u{202E}') && !text.contains('\0'), "{file}");
    }
}

#[test]
fn c26_javascript_url_in_data_is_refused() {
    // reported where the campaign uses the variable
    built()
        .edit(
            "pamphlet.toml",
            "https://example.org/help",
            " JavaScript:alert(1)",
        )
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[url-scheme]: url ' JavaScript:alert(1)' is not an https, mailto or tel link
  --> campaigns/notice.toml:46:34
   |
46 |   { label = "contact-web", url = "$site" },
   |                                  ^
  = hint: printed material links only to https:// addresses, mailto: or tel:

error: 1 error; nothing was built
"#,
        )
        .out_unchanged();
}

// ---- paths ----------------------------------------------------------------------

#[test]
fn c27_document_id_that_climbs_out_is_refused_with_its_line() {
    built()
        .edit("campaigns/notice.toml", "id = \"flyer\"", "id = \"../../x\"")
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[document-id]: the document id '../../x' is not usable as a file name: it contains '.': ids are ASCII lowercase letters (a-z), digits and '-'
  --> campaigns/notice.toml:9:6
  |
9 | id = "../../x"
  |      ^
  = hint: write id = "x"

error: 1 error; nothing was built
"#)
        .out_unchanged();
}

#[test]
fn c28_windows_device_names_and_absolute_paths_are_refused() {
    for (bad, expected) in [
        (
            "con",
            r#"
error[document-id]: the document id 'con' is not usable as a file name: it is a name Windows reserves for devices
  --> campaigns/notice.toml:9:6
  |
9 | id = "con"
  |      ^
  = hint: choose another id, e.g. id = "flyer"

error: 1 error; nothing was built
"#,
        ),
        (
            "/abs",
            r#"
error[document-id]: the document id '/abs' is not usable as a file name: it contains '/': ids are ASCII lowercase letters (a-z), digits and '-'
  --> campaigns/notice.toml:9:6
  |
9 | id = "/abs"
  |      ^
  = hint: write id = "abs"

error: 1 error; nothing was built
"#,
        ),
        (
            "C:\\\\x",
            r#"
error[document-id]: the document id 'C:\x' is not usable as a file name: it contains 'C': ids are ASCII lowercase letters (a-z), digits and '-'
  --> campaigns/notice.toml:9:6
  |
9 | id = "C:\\x"
  |      ^
  = hint: write id = "c-x"

error: 1 error; nothing was built
"#,
        ),
        (
            "lpt1",
            r#"
error[document-id]: the document id 'lpt1' is not usable as a file name: it is a name Windows reserves for devices
  --> campaigns/notice.toml:9:6
  |
9 | id = "lpt1"
  |      ^
  = hint: choose another id, e.g. id = "flyer"

error: 1 error; nothing was built
"#,
        ),
    ] {
        built()
            .edit(
                "campaigns/notice.toml",
                "id = \"flyer\"",
                &format!("id = \"{bad}\""),
            )
            .run(&["build"])
            .code(1)
            .stderr(expected)
            .out_unchanged();
    }
}

#[test]
fn c29_two_documents_with_one_id() {
    let case = built();
    let campaign = case.read("campaigns/notice.toml");
    let doc = &campaign[campaign.find("[[document]]").unwrap()..];
    case.append("campaigns/notice.toml", format!("\n{doc}"))
        .run(&["build"])
        .code(1)
        .stderr(
            r#"
error[document-duplicate]: document id 'flyer' is used twice in this campaign
  --> campaigns/notice.toml:54:6
   |
54 | id = "flyer"
   |      ^

error: 1 error; nothing was built
"#,
        )
        .out_unchanged();
}

#[cfg(unix)]
#[test]
fn c30_symlinked_translation_file_is_not_followed() {
    let case = built()
        .write("outside.ftl", "notice-title = From outside\n")
        .symlink("outside.ftl", "locales/ar/linked.ftl");
    case.run(&["build", "-v"]).code(0).stderr(&[
        r#"
warning[ftl-symlink]: locales/ar/linked.ftl is a symbolic link and is not read
  --> locales/ar/linked.ftl
  = hint: copy the file into the locale folder instead of linking to it

"#,
        MINI_RU_FALLBACK_LISTED,
        "\
phases: load [T] s, parse [T] s, check [T] s, templates [T] s, render+write [T] s (CPU: render [T] s, write [T] s), finish [T] s; 0 documents rendered, 3 reused, on [N] threads
built 6 files (1 campaign × 3 locales), 1 fallback, 1 warning in [T] s, 3 of 3 documents unchanged → [ROOT]/out
",
    ]
    .concat());
    assert!(!case.out("notice/ar/flyer.html").contains("From outside"));
}

#[cfg(unix)]
#[test]
fn c31_planted_symlink_in_out_is_not_followed() {
    let case = built()
        .write("victim/keep.txt", "precious")
        .remove("out/notice/ar")
        .symlink("victim", "out/notice/ar");
    case.run(&["build", "-v"])
        .code(0)
        .stderr(&mini_rebuild_v_one_rendered());
    assert_eq!(case.read("victim/keep.txt"), "precious");
    assert_eq!(
        std::fs::read_dir(case.root().join("victim"))
            .unwrap()
            .count(),
        1,
        "nothing written through the link"
    );
    assert!(!case.root().join("out/notice/ar").is_symlink());
}

// ---- configuration ----------------------------------------------------------------

#[test]
fn c32_locale_aliases_collide_after_canonicalization() {
    built()
        .edit("pamphlet.toml", "\"ru\"]", "\"ru\", \"pt_br\", \"pt-BR\"]")
        .run(&["build"])
        .code(2)
        .stderr(
            r#"
error[locale-duplicate]: locale 'pt-BR' is listed twice
  --> pamphlet.toml:6:39
  |
6 | locales = ["en", "ar", "ru", "pt_br", "pt-BR"]
  |                                       ^
  = hint: tags are compared in canonical form: 'pt_br' and 'pt-BR' are the same locale

error: pamphlet.toml is invalid; nothing was built
"#,
        )
        .out_unchanged();
}

#[test]
fn c33_locale_without_plural_rules_is_a_warning() {
    // Tajik has rules in current CLDR; Klingon has none
    built()
        .edit("pamphlet.toml", "\"ru\"]", "\"ru\", \"tlh\", \"tg\"]")
        .run(&["build", "--strict"])
        .code(1)
        .stderr(r#"
warning[locale-missing]: locale 'tg' has no folder; every message falls back
  --> locales/tg
  = hint: create locales/tg/ with the translated .ftl files

warning[locale-missing]: locale 'tlh' has no folder; every message falls back
  --> locales/tlh
  = hint: create locales/tlh/ with the translated .ftl files

warning[locale-plural-rules]: there are no CLDR plural rules for 'tlh'; plurals would silently follow English rules
  --> pamphlet.toml:6:30
  |
6 | locales = ["en", "ar", "ru", "tlh", "tg"]
  |                              ^
  = hint: check the tag (e.g. 'he', not 'iw'), or add an explicit region-less tag that CLDR knows

fallback: ru took 1 message from en (-v lists them; out/manifest.json records them)
fallback: tg took 11 messages from en (-v lists them; out/manifest.json records them)
fallback: tlh took 11 messages from en (-v lists them; out/manifest.json records them)
error: --strict: 23 fallbacks and 3 warnings; [ROOT]/out left unchanged
"#)
        .out_unchanged();
}

#[test]
fn c34_unreasonable_numbers_in_variables_are_refused() {
    built()
        .edit("campaigns/notice.toml", "days = 15", "days = 1e300")
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[var-type]: the number 1e300 cannot be formatted: use a value below 10^15 with at most 15 decimal places
  --> campaigns/notice.toml:6:8
  |
6 | days = 1e300
  |        ^

error: 1 error; nothing was built
"#)
        .out_unchanged();
}

// ---- the output folder ------------------------------------------------------------

#[test]
fn c35_a_build_while_another_holds_the_lock_exits_with_a_message() {
    // a change, so that the build has something to write
    let case = built().append("locales/en/notice.ftl", "# edited\n");
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(case.root().join("out.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    case.run(&["build"])
        .code(1)
        .stderr(
            r#"
error: another pamphlet build is writing [ROOT]/out; wait for it to finish and try again
"#,
        )
        .out_unchanged();
    drop(lock);
    case.run(&["build", "-v"]).code(0).stderr(&mini_build_v());
}

#[test]
fn c36_output_is_identical_whatever_the_thread_count() {
    let case = Case::sample();
    case.run(&["build", "--jobs", "1"]).code(0).stderr(
        r#"
built 168 files (3 campaigns × 8 locales), 0 fallbacks, 0 warnings in [T] s → [ROOT]/out
"#,
    );
    let one = tree(&case.root().join("out"));
    let case = case.remove("out");
    case.run(&["build", "--jobs", "2"]).code(0).stderr(
        r#"
built 168 files (3 campaigns × 8 locales), 0 fallbacks, 0 warnings in [T] s → [ROOT]/out
"#,
    );
    assert_eq!(one, tree(&case.root().join("out")));
    case.run(&["build", "--jobs", "0"]).code(2).stderr(
        r#"
error: invalid value '0' for '--jobs <N>': 0 is not in 1..=65535

For more information, try '--help'.
"#,
    );
}

// ---- found by fuzzing ------------------------------------------------------------

/// fuzz/artifacts/ftl/timeout-4ad1385d…: an id defined twice, the second
/// definition with an over-long number literal. Dropping "the" entry always
/// blanked the first definition, so the file was parsed again forever.
#[test]
fn c37_long_literal_in_a_duplicated_entry_does_not_loop() {
    // that parsing ends at all is held by the unit test of the .ftl reader
    // (locale::ftl, a_long_literal_in_a_duplicated_entry_drops_that_entry_only)
    built()
        .append(
            "locales/en/notice.ftl",
            "dup = first\ndup = { 12345678901234567890 }\n",
        )
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[ftl-number]: 'dup' uses the number 12345678901234567890, which has more than 15 digits before or after the point; the entry is ignored
  --> locales/en/notice.ftl:23:1
   |
23 | dup = { 12345678901234567890 }
   | ^
  = hint: write the number with fewer digits, or pass it from the campaign as a variable

error: 1 error; nothing was built
"#)
        .out_unchanged();
}

#[test]
fn c38_many_long_literals_refuse_the_whole_file() {
    let many: String = (0..40)
        .map(|i| format!("n{i} = {{ 1.{} }}\n", "0".repeat(20)))
        .collect();
    // n0 to n16 stand at lines 30 to 46
    let warning = |i: usize, outcome: &str| {
        let line = 30 + i;
        format!(
            "\
warning[ftl-number]: 'n{i}' uses the number 1.00000000000000000000, which has more than 15 digits before or after the point; {outcome}
  --> locales/ar/notice.ftl:{line}:1
   |
{line} | n{i} = {{ 1.00000000000000000000 }}
   | ^
  = hint: write the number with fewer digits, or pass it from the campaign as a variable

"
        )
    };
    let mut warnings: String = (0..16)
        .map(|i| warning(i, "the entry is ignored"))
        .collect();
    warnings += &warning(
        16,
        "more than 16 entries of this file do, so the whole file is ignored",
    );
    // the translation is refused as a whole (17th literal), so every ar message falls back
    built()
        .append("locales/ar/notice.ftl", many)
        .run(&["build", "-v"])
        .code(0)
        .stderr(
            &[
                &warnings,
                AR_ALL_FELL_BACK,
                MINI_RU_FALLBACK_LISTED,
                MINI_ONE_RENDERED,
                "built 6 files (1 campaign × 3 locales), 12 fallbacks, 17 warnings in [T] s, 2 of 3 documents unchanged → [ROOT]/out\n",
            ]
            .concat(),
        );
}

#[test]
fn c39_a_function_given_the_wrong_kind_of_value_falls_back_and_is_never_printed() {
    let case = built().edit(
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = املأ الاستمارة { DATETIME($days) } { NUMBER($valid-as-of) }.",
    );
    case.run(&["build", "-v"]).code(0).stderr(&ar_step_one_fell_back(
        "broken in ar: DATETIME needs a date (in TOML: 2026-12-31 or 2026-12-31T09:00:00), not the number 15, NUMBER needs a number, not a date",
    ));
    let html = case.out("notice/ar/flyer.html");
    assert!(html.contains("<li>Fill in the form.</li>"));
    assert!(!html.contains("DATETIME()") && !html.contains("NUMBER()"));
}

/// Translated text reaches HTML through three filters: `inline` (body text),
/// `attr` (attribute values: `alt`) and `plain` (`<title>`, where no markup
/// is allowed). Hostile text in each comes out as the exact escaped bytes.
#[test]
fn c40_hostile_text_is_escaped_in_every_html_context() {
    let case = built()
        .edit(
            "locales/ar/notice.ftl",
            "    .alt = شعار { -org }",
            "    .alt = x\" onerror=\"alert(1)\" data-x='y' <b>",
        )
        .edit(
            "locales/ar/notice.ftl",
            "notice-title = سجّل عنوانك",
            "notice-title = </title><script>alert(2)</script> & <b>bold</b>",
        );
    case.run(&["build", "-v"])
        .code(0)
        .stderr(&mini_rebuild_v_one_rendered());
    let html = case.out("notice/ar/flyer.html");
    // attribute: quotes and angle brackets escaped, the markup not interpreted
    assert!(
        html.contains("alt=\"x&quot; onerror=&quot;alert(1)&quot; data-x=&#39;y&#39; &lt;b&gt;\">"),
        "{html}"
    );
    // <title>: text only, allowed markup dropped, the rest escaped
    assert!(
        html.contains(
            "<title>&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt; &amp; bold</title>"
        ),
        "{html}"
    );
    // body: the heading escapes all but the allowed <b>
    assert!(
        html.contains(
            "<h1 id=\"block-notice-title\">&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt; &amp; <b>bold</b></h1>"
        ),
        "{html}"
    );
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("onerror=\""), "{html}");
}

/// A disk that fills up while the build writes (simulated with a file size
/// limit: writes past 4 KiB fail with EFBIG) fails the build with exit code
/// 1 and a message naming the file; `out/` is as it was and no staging
/// folder is left beside it.
#[cfg(unix)]
#[test]
fn c41_a_build_that_cannot_write_leaves_out_unchanged() {
    let case = built().append("locales/en/notice.ftl", "# edited\n");
    // an ignored SIGXFSZ is inherited across exec, so writes fail instead
    case.run_after_shell("trap '' XFSZ; ulimit -f 8", &["build"])
        .code(1)
        .stderr(r#"
error[output]: cannot write [ROOT]/.out.staging-[PID]/notice/ar/flyer.html: File too large (os error 27)

error[output]: cannot write [ROOT]/.out.staging-[PID]/notice/en/flyer.html: File too large (os error 27)

error[output]: cannot write [ROOT]/.out.staging-[PID]/notice/ru/flyer.html: File too large (os error 27)

error: 3 errors while rendering; [ROOT]/out left unchanged
"#)
        .out_unchanged();
    let leftovers: Vec<String> = std::fs::read_dir(case.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
