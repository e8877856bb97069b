//! The bad-input catalogue: hostile or broken input of every kind, each with
//! its exact outcome. Every case first builds the good fixture, then breaks
//! it and builds again: a refused build must leave `out/` byte-for-byte as it
//! was; an accepted one must produce safe output.

use super::*;

/// The mini fixture, built once successfully.
fn built() -> (tempfile::TempDir, Vec<(String, Vec<u8>)>) {
    let ws = fixture("mini");
    let o = pamphlet(ws.path(), &["build"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let before = tree(&ws.path().join("out"));
    (ws, before)
}

fn write(root: &Path, file: &str, text: &str) {
    let path = root.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn append(root: &Path, file: &str, text: &str) {
    let path = root.join(file);
    let mut old = std::fs::read(&path).unwrap();
    old.extend_from_slice(text.as_bytes());
    std::fs::write(path, old).unwrap();
}

fn replace(root: &Path, file: &str, from: &str, to: &str) {
    let text = read(&root.join(file));
    assert!(text.contains(from), "{file} lacks {from:?}");
    std::fs::write(root.join(file), text.replacen(from, to, 1)).unwrap();
}

/// The build is refused with `want` exit code and every needle in stderr, and out/ is unchanged.
fn refused(
    ws: &tempfile::TempDir,
    before: &[(String, Vec<u8>)],
    want: i32,
    needles: &[&str],
) -> String {
    let o = pamphlet(ws.path(), &["build"]);
    let err = stderr(&o);
    assert_eq!(code(&o), want, "{err}");
    for n in needles {
        assert!(err.contains(n), "expected {n:?} in:\n{err}");
    }
    assert_eq!(
        before,
        tree(&ws.path().join("out")).as_slice(),
        "out/ must be unchanged"
    );
    err
}

/// The build succeeds (with `-v`); returns stderr.
fn accepted(ws: &tempfile::TempDir, needles: &[&str]) -> String {
    let o = pamphlet(ws.path(), &["build", "-v"]);
    let err = stderr(&o);
    assert_eq!(code(&o), 0, "{err}");
    for n in needles {
        assert!(err.contains(n), "expected {n:?} in:\n{err}");
    }
    err
}

fn out(ws: &tempfile::TempDir, rel: &str) -> String {
    read(&ws.path().join("out").join(rel))
}

// ---- Fluent: references, size, nesting, numbers --------------------------------

#[test]
fn c01_cycle_in_the_source_is_an_error_naming_the_cycle() {
    let (ws, before) = built();
    append(
        ws.path(),
        "locales/en/notice.ftl",
        "loop-a = { loop-b }\nloop-b = { loop-a }\n",
    );
    replace(
        ws.path(),
        "locales/en/notice.ftl",
        "notice-step-one = Fill in the form.",
        "notice-step-one = Fill in { loop-a }.",
    );
    refused(
        &ws,
        &before,
        1,
        &[
            "error[message-unresolved]",
            "references form a cycle: loop-a → loop-b → loop-a",
            "--> campaigns/notice.toml:30:10",
        ],
    );
}

#[test]
fn c02_cycle_in_a_translation_falls_back_and_is_never_printed() {
    let (ws, _) = built();
    append(
        ws.path(),
        "locales/ar/notice.ftl",
        "loop-a = { loop-b }\nloop-b = { loop-a }\n",
    );
    replace(
        ws.path(),
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = { loop-a }",
    );
    accepted(
        &ws,
        &["notice-step-one → en (broken in ar: references form a cycle: loop-a → loop-b → loop-a)"],
    );
    let html = out(&ws, "notice/ar/flyer.html");
    assert!(html.contains("<li>Fill in the form.</li>"));
    assert!(!html.contains("{loop"));
}

#[test]
fn c03_reference_bomb_is_stopped() {
    let (ws, _) = built();
    let mut bomb = String::from("l0 = lol\n");
    for i in 1..=10 {
        let refs = vec![format!("{{ l{} }}", i - 1); 10].join(" ");
        bomb.push_str(&format!("l{i} = {refs}\n"));
    }
    append(ws.path(), "locales/ar/notice.ftl", &bomb);
    replace(
        ws.path(),
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = { l10 }",
    );
    accepted(
        &ws,
        &["notice-step-one → en (broken in ar: Too many placeables)"],
    );
    assert!(!out(&ws, "notice/ar/flyer.html").contains("lol"));
}

#[test]
fn c04_huge_resolved_message_is_capped() {
    let (ws, before) = built();
    let big = "x".repeat(30_000);
    append(
        ws.path(),
        "locales/en/notice.ftl",
        &format!("big = {big}\n"),
    );
    replace(
        ws.path(),
        "locales/en/notice.ftl",
        "notice-step-one = Fill in the form.",
        "notice-step-one = { big } { big } { big }",
    );
    refused(
        &ws,
        &before,
        1,
        &["too long in en: it resolves to 87 KiB, over the 64 KiB limit"],
    );
}

#[test]
fn c05_deep_nesting_in_a_translation_is_refused_before_parsing() {
    let (ws, _) = built();
    append(
        ws.path(),
        "locales/ar/notice.ftl",
        &format!("deep = {}x{}\n", "{".repeat(50_000), "}".repeat(50_000)),
    );
    let err = accepted(
        &ws,
        &[
            "warning[ftl-nesting]: placeables are nested more than 64 levels deep",
            "--> locales/ar/notice.ftl:30:72",
        ],
    );
    assert!(
        err.lines()
            .filter(|l| l.contains(" | "))
            .all(|l| l.chars().count() < 120),
        "long lines are cut: {err}"
    );
    assert!(
        err.contains("notice-title → en"),
        "the whole file falls back: {err}"
    );
}

#[test]
fn c06_unclosed_braces_in_the_source_are_an_error_with_line() {
    let (ws, before) = built();
    append(
        ws.path(),
        "locales/en/notice.ftl",
        &format!("open = {}\n", "{".repeat(1000)),
    );
    refused(
        &ws,
        &before,
        1,
        &["error[ftl-nesting]", "--> locales/en/notice.ftl:22:"],
    );
}

#[test]
fn c07_number_options_are_clamped() {
    let (ws, _) = built();
    replace(
        ws.path(),
        "locales/en/notice.ftl",
        "notice-step-one = Fill in the form.",
        "notice-step-one = { NUMBER($days, minimumFractionDigits: 100000000000000) }",
    );
    accepted(&ws, &[]);
    assert!(out(&ws, "notice/en/flyer.txt").contains("15.000000000000000"));
}

#[test]
fn c08_long_fraction_literal_is_refused_not_a_panic() {
    let (ws, before) = built();
    append(
        ws.path(),
        "locales/en/notice.ftl",
        "frac = { 1.00000000000000000000 ->\n   *[other] x\n}\n",
    );
    refused(
        &ws,
        &before,
        1,
        &[
            "error[ftl-number]: 'frac' uses the number 1.00000000000000000000",
            "--> locales/en/notice.ftl:22:1",
        ],
    );
}

#[test]
fn c09_huge_integer_literal_in_a_translation_drops_only_that_message() {
    let (ws, _) = built();
    replace(
        ws.path(),
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = { 123456789012345678901234 }",
    );
    accepted(
        &ws,
        &[
            "warning[ftl-number]",
            "notice-step-one → en (broken in ar: number with too many digits)",
        ],
    );
    assert!(
        out(&ws, "notice/ar/flyer.html").contains("<li>أرسلها"),
        "its neighbours still load"
    );
}

#[test]
fn c10_call_with_too_many_named_arguments() {
    let (ws, before) = built();
    let args: Vec<String> = (0..100_000).map(|i| format!("a{i}: 1")).collect();
    append(
        ws.path(),
        "locales/en/notice.ftl",
        &format!("many = {{ NUMBER($days, {}) }}\n", args.join(", ")),
    );
    refused(&ws, &before, 1, &["error[ftl-too-large]"]);
    let small: Vec<String> = (0..100).map(|i| format!("a{i}: 1")).collect();
    replace(
        ws.path(),
        "locales/en/notice.ftl",
        &format!("many = {{ NUMBER($days, {}) }}\n", args.join(", ")),
        &format!("many = {{ NUMBER($days, {}) }}\n", small.join(", ")),
    );
    refused(
        &ws,
        &before,
        1,
        &["error[ftl-arguments]: a function call has more than 64 named arguments"],
    );
}

// ---- encodings and syntax -------------------------------------------------------

#[test]
fn c11_utf8_bom_is_stripped_and_the_first_message_survives() {
    let (ws, _) = built();
    let path = ws.path().join("locales/ar/notice.ftl");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&path).unwrap());
    std::fs::write(&path, bytes).unwrap();
    let err = accepted(&ws, &[]);
    assert!(!err.contains("fallback: ar"), "no fallback in ar: {err}");
}

#[test]
fn c12_utf16_is_named() {
    let (ws, before) = built();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("a = b\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(ws.path().join("locales/en/extra.ftl"), utf16).unwrap();
    refused(
        &ws,
        &before,
        1,
        &[
            "error[encoding]: the file is UTF-16 encoded (little-endian byte order mark); save it as UTF-8",
            "--> locales/en/extra.ftl:1:1",
        ],
    );
}

#[test]
fn c13_lone_carriage_returns_are_named() {
    let (ws, before) = built();
    write(ws.path(), "locales/en/extra.ftl", "a = x\rb = y\r");
    refused(
        &ws,
        &before,
        1,
        &[
            "line 1 ends with a lone carriage return",
            "--> locales/en/extra.ftl:1:6",
        ],
    );
}

#[test]
fn c14_tab_indentation_gets_a_hint() {
    let (ws, before) = built();
    append(
        ws.path(),
        "locales/en/notice.ftl",
        "tabbed =\n\tindented with a tab\n",
    );
    refused(
        &ws,
        &before,
        1,
        &[
            "error[ftl-indent]: 'tabbed' (line 22) has no value: line 23 is indented with a tab, which Fluent does not accept, so Fluent does not read it as the message's text; it counts as broken\n",
            "--> locales/en/notice.ftl:23:1",
            "= hint: Fluent does not allow tabs for indentation: start line 23 (and every further line of 'tabbed') with spaces, e.g. `    indented with a tab`\n",
        ],
    );
}

#[test]
fn c15_duplicate_in_one_file_cites_both_lines() {
    let (ws, before) = built();
    append(ws.path(), "locales/en/notice.ftl", "contact-web = Web\n");
    refused(
        &ws,
        &before,
        1,
        &[
            "error[ftl-duplicate]: message 'contact-web' is defined twice; the first definition (locales/en/notice.ftl:20) is used",
            "--> locales/en/notice.ftl:22:1",
        ],
    );
}

#[test]
fn c16_duplicate_across_files_of_a_locale() {
    let (ws, before) = built();
    write(ws.path(), "locales/en/more.ftl", "contact-web = Web\n");
    // files load in name order, so more.ftl comes first and wins
    refused(
        &ws,
        &before,
        1,
        &[
            "the first definition (locales/en/more.ftl:1) is used",
            "--> locales/en/notice.ftl:20:1",
        ],
    );
}

#[test]
fn c17_term_attribute_as_a_placeable_is_a_syntax_error() {
    let (ws, before) = built();
    append(
        ws.path(),
        "locales/en/notice.ftl",
        "-t = T\n    .a = A\nuse = { -t.a }\n",
    );
    refused(
        &ws,
        &before,
        1,
        &["error[ftl-syntax]", "locales/en/notice.ftl:24:"],
    );
}

#[test]
fn c18_select_without_default_is_a_syntax_error() {
    let (ws, before) = built();
    append(
        ws.path(),
        "locales/en/notice.ftl",
        "nodefault = { $days ->\n    [one] one\n    [other] many\n}\n",
    );
    refused(
        &ws,
        &before,
        1,
        &[
            "error[ftl-syntax]: The select expression must have a default variant",
            "--> locales/en/notice.ftl:24:",
        ],
    );
}

#[test]
fn c19_missing_variable_in_the_source_is_an_error_not_braces() {
    let (ws, before) = built();
    replace(
        ws.path(),
        "locales/en/notice.ftl",
        "notice-step-one = Fill in the form.",
        "notice-step-one = Fill in { $form }.",
    );
    refused(
        &ws,
        &before,
        1,
        &[
            "message 'notice-step-one' cannot be resolved in en: broken in en: Unknown variable: $form",
            "--> campaigns/notice.toml:30:10",
        ],
    );
}

#[test]
fn c20_attributes_only_message_used_as_value() {
    let (ws, before) = built();
    replace(
        ws.path(),
        "campaigns/notice.toml",
        "text = \"notice-intro\"",
        "text = \"mark\"",
    );
    refused(
        &ws,
        &before,
        1,
        &[
            "error[message-unknown]: message 'mark' has no value in the source locale (en), only attributes\n  --> campaigns/notice.toml:26:8\n  = hint: name one of its attributes (mark.alt), or give it a value in locales/en/: mark = Text\n",
        ],
    );
}

// ---- injection ------------------------------------------------------------------

#[test]
fn c21_script_in_a_translation_is_text() {
    let (ws, _) = built();
    replace(
        ws.path(),
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = <script>alert(1)</script>",
    );
    accepted(&ws, &[]);
    let html = out(&ws, "notice/ar/flyer.html");
    assert!(html.contains("<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>"));
    assert!(!html.contains("<script"));
}

#[test]
fn c22_javascript_link_in_a_translation_is_text() {
    let (ws, _) = built();
    replace(
        ws.path(),
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = <a href=\"javascript:alert(1)\">x</a>",
    );
    accepted(&ws, &[]);
    let html = out(&ws, "notice/ar/flyer.html");
    assert!(!html.contains("<a href=\"javascript"));
    assert!(html.contains("&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;"));
}

#[test]
fn c23_allowed_inline_markup_is_kept_without_nesting_or_attributes() {
    let (ws, _) = built();
    replace(
        ws.path(),
        "locales/en/notice.ftl",
        "notice-step-one = Fill in the form.",
        "notice-step-one = Fill in <strong>the form</strong>, <em><b>now</b></em>, <b class=\"x\">here</b>.",
    );
    accepted(&ws, &[]);
    assert!(out(&ws, "notice/en/flyer.html").contains("<li>Fill in <strong>the form</strong>, &lt;em&gt;<b>now</b>&lt;/em&gt;, &lt;b class=&quot;x&quot;&gt;here&lt;/b&gt;.</li>"));
    assert!(
        out(&ws, "notice/en/flyer.txt")
            .contains("Fill in the form, <em>now</em>, <b class=\"x\">here</b>.")
    );
}

#[test]
fn c24_bidi_override_in_a_translation_is_never_printed() {
    let (ws, _) = built();
    replace(
        ws.path(),
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = املأ \u{202E}الاستمارة.",
    );
    accepted(
        &ws,
        &[
            "notice-step-one → en (unsafe in ar: it contains the invisible control character U+202E)",
        ],
    );
    assert!(!out(&ws, "notice/ar/flyer.html").contains('\u{202E}'));
}

#[test]
fn c25_escaped_override_and_nul_are_caught_after_decoding() {
    let (ws, _) = built();
    replace(
        ws.path(),
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = { \"\\u202E\" }x{ \"\\u0000\" }",
    );
    accepted(
        &ws,
        &["unsafe in ar: it contains the invisible control character U+202E"],
    );
    for file in ["notice/ar/flyer.html", "notice/ar/flyer.txt"] {
        let text = out(&ws, file);
        assert!(!text.contains('\u{202E}') && !text.contains('\0'), "{file}");
    }
}

#[test]
fn c26_javascript_url_in_data_is_refused() {
    let (ws, before) = built();
    replace(
        ws.path(),
        "pamphlet.toml",
        "https://example.org/help",
        " JavaScript:alert(1)",
    );
    // reported where the campaign uses the variable
    refused(
        &ws,
        &before,
        1,
        &[
            "error[url-scheme]: url ' JavaScript:alert(1)' is not an https, mailto or tel link",
            "--> campaigns/notice.toml:46:34",
        ],
    );
}

// ---- paths ----------------------------------------------------------------------

#[test]
fn c27_document_id_that_climbs_out_is_refused_with_its_line() {
    let (ws, before) = built();
    replace(
        ws.path(),
        "campaigns/notice.toml",
        "id = \"flyer\"",
        "id = \"../../x\"",
    );
    refused(
        &ws,
        &before,
        1,
        &[
            "error[document-id]: the document id '../../x' is not usable as a file name",
            "--> campaigns/notice.toml:9:6",
        ],
    );
}

#[test]
fn c28_windows_device_names_and_absolute_paths_are_refused() {
    for bad in ["con", "/abs", "C:\\\\x", "lpt1"] {
        let (ws, before) = built();
        replace(
            ws.path(),
            "campaigns/notice.toml",
            "id = \"flyer\"",
            &format!("id = \"{bad}\""),
        );
        refused(&ws, &before, 1, &["error[document-id]"]);
    }
}

#[test]
fn c29_two_documents_with_one_id() {
    let (ws, before) = built();
    let campaign = read(&ws.path().join("campaigns/notice.toml"));
    let doc = &campaign[campaign.find("[[document]]").unwrap()..];
    append(ws.path(), "campaigns/notice.toml", &format!("\n{doc}"));
    refused(
        &ws,
        &before,
        1,
        &["error[document-duplicate]: document id 'flyer' is used twice"],
    );
}

#[cfg(unix)]
#[test]
fn c30_symlinked_translation_file_is_not_followed() {
    let (ws, _) = built();
    let outside = ws.path().join("outside.ftl");
    std::fs::write(&outside, "notice-title = From outside\n").unwrap();
    std::os::unix::fs::symlink(&outside, ws.path().join("locales/ar/linked.ftl")).unwrap();
    accepted(
        &ws,
        &["warning[ftl-symlink]: locales/ar/linked.ftl is a symbolic link and is not read"],
    );
    assert!(!out(&ws, "notice/ar/flyer.html").contains("From outside"));
}

#[cfg(unix)]
#[test]
fn c31_planted_symlink_in_out_is_not_followed() {
    let (ws, _) = built();
    let victim = ws.path().join("victim");
    std::fs::create_dir(&victim).unwrap();
    std::fs::write(victim.join("keep.txt"), "precious").unwrap();
    std::os::unix::fs::symlink(&victim, ws.path().join("out/notice/ar")).unwrap_or_else(|_| {
        std::fs::remove_dir_all(ws.path().join("out/notice/ar")).unwrap();
        std::os::unix::fs::symlink(&victim, ws.path().join("out/notice/ar")).unwrap();
    });
    accepted(&ws, &[]);
    assert_eq!(read(&victim.join("keep.txt")), "precious");
    assert_eq!(
        std::fs::read_dir(&victim).unwrap().count(),
        1,
        "nothing written through the link"
    );
    assert!(!ws.path().join("out/notice/ar").is_symlink());
}

// ---- configuration ----------------------------------------------------------------

#[test]
fn c32_locale_aliases_collide_after_canonicalization() {
    let (ws, before) = built();
    replace(
        ws.path(),
        "pamphlet.toml",
        "\"ru\"]",
        "\"ru\", \"pt_br\", \"pt-BR\"]",
    );
    refused(&ws, &before, 2, &["locale 'pt-BR' is listed twice"]);
}

#[test]
fn c33_locale_without_plural_rules_is_a_warning() {
    let (ws, _) = built();
    // Tajik has rules in current CLDR; Klingon has none
    replace(
        ws.path(),
        "pamphlet.toml",
        "\"ru\"]",
        "\"ru\", \"tlh\", \"tg\"]",
    );
    let o = pamphlet(ws.path(), &["build", "--strict"]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o)
            .contains("warning[locale-plural-rules]: there are no CLDR plural rules for 'tlh'"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stderr(&o).matches("locale-plural-rules").count(), 1);
}

#[test]
fn c34_unreasonable_numbers_in_variables_are_refused() {
    let (ws, before) = built();
    replace(
        ws.path(),
        "campaigns/notice.toml",
        "days = 15",
        "days = 1e300",
    );
    refused(
        &ws,
        &before,
        1,
        &[
            "error[var-type]: the number 1e300 cannot be formatted",
            "--> campaigns/notice.toml:6:8",
        ],
    );
}

// ---- the output folder ------------------------------------------------------------

#[test]
fn c35_a_build_while_another_holds_the_lock_exits_with_a_message() {
    let (ws, before) = built();
    // a change, so that the build has something to write
    append(ws.path(), "locales/en/notice.ftl", "# edited\n");
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(ws.path().join("out.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    refused(&ws, &before, 1, &["another pamphlet build is writing"]);
    drop(lock);
    accepted(&ws, &[]);
}

#[test]
fn c36_output_is_identical_whatever_the_thread_count() {
    let ws = sample_workspace();
    assert_eq!(code(&pamphlet(ws.path(), &["build", "--jobs", "1"])), 0);
    let one = tree(&ws.path().join("out"));
    std::fs::remove_dir_all(ws.path().join("out")).unwrap();
    assert_eq!(code(&pamphlet(ws.path(), &["build", "--jobs", "2"])), 0);
    assert_eq!(one, tree(&ws.path().join("out")));
    assert_eq!(code(&pamphlet(ws.path(), &["build", "--jobs", "0"])), 2);
}

// ---- found by fuzzing ------------------------------------------------------------

/// fuzz/artifacts/ftl/timeout-4ad1385d…: an id defined twice, the second
/// definition with an over-long number literal. Dropping "the" entry always
/// blanked the first definition, so the file was parsed again forever.
#[test]
fn c37_long_literal_in_a_duplicated_entry_does_not_loop() {
    let (ws, before) = built();
    append(
        ws.path(),
        "locales/en/notice.ftl",
        "dup = first\ndup = { 12345678901234567890 }\n",
    );
    // that parsing ends at all is held by the unit test of the .ftl reader
    // (locale::ftl, a_long_literal_in_a_duplicated_entry_drops_that_entry_only)
    refused(
        &ws,
        &before,
        1,
        &[
            "error[ftl-number]: 'dup' uses the number 12345678901234567890",
            "--> locales/en/notice.ftl:23:1",
        ],
    );
}

#[test]
fn c38_many_long_literals_refuse_the_whole_file() {
    let (ws, _) = built();
    let many: String = (0..40)
        .map(|i| format!("n{i} = {{ 1.{} }}\n", "0".repeat(20)))
        .collect();
    append(ws.path(), "locales/ar/notice.ftl", &many);
    // the translation is refused as a whole (17th literal), so every ar message falls back
    accepted(
        &ws,
        &["warning[ftl-number]", "notice-title → en (missing in ar)"],
    );
}

#[test]
fn c39_a_function_given_the_wrong_kind_of_value_falls_back_and_is_never_printed() {
    let (ws, _) = built();
    replace(
        ws.path(),
        "locales/ar/notice.ftl",
        "notice-step-one = املأ الاستمارة.",
        "notice-step-one = املأ الاستمارة { DATETIME($days) } { NUMBER($valid-as-of) }.",
    );
    accepted(
        &ws,
        &[
            "notice-step-one → en (broken in ar: DATETIME needs a date (in TOML: 2026-12-31 or 2026-12-31T09:00:00), not the number 15, NUMBER needs a number, not a date)",
        ],
    );
    let html = out(&ws, "notice/ar/flyer.html");
    assert!(html.contains("<li>Fill in the form.</li>"));
    assert!(!html.contains("DATETIME()") && !html.contains("NUMBER()"));
}

/// Translated text reaches HTML through three filters: `inline` (body text),
/// `attr` (attribute values: `alt`) and `plain` (`<title>`, where no markup
/// is allowed). Hostile text in each comes out as the exact escaped bytes.
#[test]
fn c40_hostile_text_is_escaped_in_every_html_context() {
    let (ws, _) = built();
    replace(
        ws.path(),
        "locales/ar/notice.ftl",
        "    .alt = شعار { -org }",
        "    .alt = x\" onerror=\"alert(1)\" data-x='y' <b>",
    );
    replace(
        ws.path(),
        "locales/ar/notice.ftl",
        "notice-title = سجّل عنوانك",
        "notice-title = </title><script>alert(2)</script> & <b>bold</b>",
    );
    accepted(&ws, &[]);
    let html = out(&ws, "notice/ar/flyer.html");
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
    let (ws, before) = built();
    append(ws.path(), "locales/en/notice.ftl", "# edited\n");
    // an ignored SIGXFSZ is inherited across exec, so writes fail instead
    let o = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 8; exec \"$0\" --root \"$1\" build")
        .arg(env!("CARGO_BIN_EXE_pamphlet"))
        .arg(ws.path())
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(code(&o), 1, "{err}");
    assert!(err.contains("error[output]: cannot write "), "{err}");
    assert!(
        err.contains("/notice/en/flyer.html: File too large"),
        "{err}"
    );
    assert!(
        err.ends_with(&format!(
            "error: 3 errors while rendering; {} left unchanged\n",
            ws.path().join("out").display()
        )),
        "{err}"
    );
    assert_eq!(before, tree(&ws.path().join("out")));
    let leftovers: Vec<String> = std::fs::read_dir(ws.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
