//! `pamphlet export` and `pamphlet import`: the round trip, edits, the
//! checks made before anything is written, and outside tools (gettext's
//! msgfmt, libxml2's xmllint) when they are installed.

use std::path::Path;
use std::process::Command;

use crate::case::Case;
use crate::{code, fixture, pamphlet, sample_workspace, stderr, tree};

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

fn locales(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root.join("locales"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|t| t != "en")
        .collect();
    out.sort();
    out
}

/// Is `tool` installed? When `env` is set (CI), it must be.
fn have(tool: &str, env: &str) -> bool {
    let found = Command::new(tool).arg("--version").output().is_ok();
    if !found && std::env::var_os(env).is_some() {
        panic!("{env} is set but {tool} is not installed");
    }
    found
}

#[test]
fn an_untouched_export_imports_without_changing_a_byte() {
    for ws in [sample_workspace(), fixture("mini"), fixture("defects")] {
        let root = ws.path();
        let before = tree(&root.join("locales"));
        for format in ["xliff", "po"] {
            let o = pamphlet(root, &["export", "--format", format]);
            assert_eq!(code(&o), 0, "{}", stderr(&o));
            let ext = if format == "po" { "po" } else { "xlf" };
            for tag in locales(root) {
                let file = root.join(format!("exchange/{tag}.{ext}"));
                let o = pamphlet(root, &["import", file.to_str().unwrap()]);
                assert_eq!(code(&o), 0, "{tag}.{ext}: {}", stderr(&o));
                assert!(stderr(&o).contains("0 messages changed"), "{}", stderr(&o));
            }
        }
        assert!(
            before == tree(&root.join("locales")),
            "a locale file changed"
        );
    }
}

#[test]
fn an_edited_target_rewrites_that_message_only_and_records_the_review() {
    let ws = sample_workspace();
    let root = ws.path();
    let o = pamphlet(root, &["export", "--locale", "ru"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let path = root.join("exchange/ru.xlf");
    let xlf = read(&path);
    let old = "<target xml:lang=\"ru\" xml:space=\"preserve\">Разрешения на работу</target>";
    assert!(xlf.contains(old), "{xlf}");
    std::fs::write(
        &path,
        xlf.replacen(
            old,
            "<target xml:lang=\"ru\" xml:space=\"preserve\">Разрешение на работу {x}</target>",
            1,
        ),
    )
    .unwrap();
    let ftl = root.join("locales/ru/permits.ftl");
    let before = read(&ftl);
    let o = pamphlet(root, &["import", path.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let after = read(&ftl);
    let want = before.replacen(
        "permits-work-title = Разрешения на работу\n",
        "permits-work-title = Разрешение на работу { \"{\" }x{ \"}\" }\n",
        1,
    );
    assert_eq!(after, want);
}

#[test]
fn a_missing_message_is_added_after_its_neighbour_and_confirmed() {
    let ws = fixture("mini");
    let root = ws.path();
    let o = pamphlet(
        root,
        &[
            "export", "--locale", "ru", "--only", "missing", "--format", "po",
        ],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let path = root.join("exchange/ru.po");
    let po = read(&path);
    let entries = po.matches("msgctxt").count();
    assert!(entries >= 1, "{po}");
    // fill every empty msgstr with the source text, placeables kept
    let mut out = String::new();
    let mut last_id = String::new();
    for line in po.lines() {
        if let Some(id) = line.strip_prefix("msgid ") {
            last_id = id.to_owned();
        }
        if line == "msgstr \"\"" && last_id != "\"\"" {
            out.push_str(&format!("msgstr {last_id}\n"));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    std::fs::write(&path, out).unwrap();
    let before = tree(&root.join("locales/ru"));
    let o = pamphlet(root, &["import", path.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_ne!(before, tree(&root.join("locales/ru")));
    // nothing is missing any more, and the additions are reviewed
    let o = pamphlet(
        root,
        &[
            "export", "--locale", "ru", "--only", "missing", "--format", "po",
        ],
    );
    assert_eq!(code(&o), 0);
    assert_eq!(read(&path).matches("msgctxt").count(), 0);
    let o = pamphlet(root, &["check", "--locale", "ru"]);
    assert!(!stderr(&o).contains("error["), "{}", stderr(&o));
}

#[test]
fn mistakes_are_reported_at_their_line_and_nothing_is_written() {
    let case = Case::sample();
    let root = case.root();
    let o = pamphlet(root, &["export", "--locale", "ru"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let path = root.join("exchange/ru.xlf");
    let xlf = read(&path);
    let before = tree(&root.join("locales"));
    let line_of =
        |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    // each mistake with its line (`needle` finds it in the file) and the whole error output
    let cases: Vec<(String, &str, &str)> = vec![
        // a placeable dropped from a changed segment
        {
            let t = xlf.replacen(
                "Подайте заявление не менее чем за <ph id=\"p1\" dataRef=\"d1\" disp=\"{ $apply-days }\" equiv=\"{ $apply-days }\"/> день",
                "Подайте заявление не менее чем за день",
                1,
            );
            (
                t,
                "не менее чем за день",
                r#"
error[import-unit]: 'permits-apply-before': the placeable `{ $apply-days }` of the source is missing
  --> [ROOT]/exchange/ru.xlf:213:9
    |
213 |         <target xml:lang="ru" xml:space="preserve">Подайте заявление не менее чем за день до окончан…
    |         ^
  = hint: put it back where the sentence needs it

error: 1 problem; nothing was written
"#,
            )
        },
        // a plural category Russian does not have
        {
            let t = xlf.replacen(
                "<mda:meta type=\"$apply-days\">many</mda:meta>",
                "<mda:meta type=\"$apply-days\">two</mda:meta>",
                1,
            );
            (
                t,
                "",
                r#"
error[import-unit]: 'permits-apply-before': ru has no plural category 'two' (for $apply-days)
  --> [ROOT]/exchange/ru.xlf:221:9
    |
221 |         <target xml:lang="ru" xml:space="preserve">Подайте заявление не менее чем за <ph id="p3" dat…
    |         ^
  = hint: ru uses one, few, many, other; translate the segments exported for them

error: 1 problem; nothing was written
"#,
            )
        },
        // malformed XML
        (
            xlf.replacen("</notes>", "</note>", 1),
            "    </note>",
            r#"
error[import-file]: not well-formed XML: expected 'notes' tag, not 'note' at 8:5
  --> [ROOT]/exchange/ru.xlf:8:5
  |
8 |     </note>
  |     ^

error: 1 problem; nothing was written
"#,
        ),
        // the wrong language
        (
            xlf.replacen("trgLang=\"ru\"", "trgLang=\"uk\"", 1),
            "trgLang",
            r#"
error[import-locale]: the file is named for ru but declares uk
  --> [ROOT]/exchange/ru.xlf:2:188
  |
2 | …0" xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0" version="2.0" srcLang="en" trgLang="uk">
  |                                                                                         ^
  = hint: a translation goes into the locale it was exported for; fix the declared locale, or rename the file if it really is that locale's

error: 1 problem; nothing was written
"#,
        ),
        // an id the source does not have
        (
            xlf.replacen(
                "<unit id=\"permits-title\">",
                "<unit id=\"permits-titel\">",
                1,
            ),
            "permits-titel",
            r#"
error[import-unit]: 'permits-titel' is not a message of the source locale
  --> [ROOT]/exchange/ru.xlf:18:5
   |
18 |     <unit id="permits-titel">
   |     ^
  = hint: export again: the message may have been renamed or removed since

error: 1 problem; nothing was written
"#,
        ),
        // a code whose reference was broken
        (
            xlf.replacen(
                "dataRef=\"d1\" disp=\"{ $apply-days }\" equiv=\"{ $apply-days }\"/> дня",
                "dataRef=\"d9\"/> дня",
                1,
            ),
            "dataRef=\"d9\"",
            r#"
error[import-unit]: 'permits-apply-before': the placeable `{ $apply-days }` of the source is missing
  --> [ROOT]/exchange/ru.xlf:217:9
    |
217 |         <target xml:lang="ru" xml:space="preserve">Подайте заявление не менее чем за <ph id="p2" dat…
    |         ^
  = hint: put it back where the sentence needs it

error[import-unit]: 'permits-apply-before': <ph id="p2"> does not name a code of this unit (its dataRef or id was changed)
  --> [ROOT]/exchange/ru.xlf:217:86
    |
217 | …ace="preserve">Подайте заявление не менее чем за <ph id="p2" dataRef="d9"/> дня до окончания текущег…
    |                                                   ^

error: 2 problems; nothing was written
"#,
        ),
    ];
    for (text, needle, expected) in &cases {
        std::fs::write(&path, text).unwrap();
        let ran = case.run(&["import", path.to_str().unwrap()]).code(1);
        if !needle.is_empty() {
            let at = format!("exchange/ru.xlf:{}:", line_of(text, needle));
            assert!(expected.contains(&at), "the case's line is {at}");
        }
        ran.stderr(expected);
        assert!(
            before == tree(&root.join("locales")),
            "{expected}: a file changed"
        );
    }
    // with one good file and one bad one, neither is written
    std::fs::write(
        &path,
        xlf.replacen("Разрешения на работу</target>", "Работа</target>", 1),
    )
    .unwrap();
    let o = pamphlet(root, &["export", "--locale", "uk", "--format", "po"]);
    assert_eq!(code(&o), 0);
    let uk = root.join("exchange/uk.po");
    std::fs::write(
        &uk,
        read(&uk).replacen("msgstr \"", "msgstr \"{ $nope } ", 3),
    )
    .unwrap();
    case.run(&["import", path.to_str().unwrap(), uk.to_str().unwrap()])
        .code(1)
        .stderr(
            r#"
error[import-unit]: 'permits-campaign-title': the placeable `{ $nope }` is not in the source
  --> [ROOT]/exchange/uk.po:24:8
   |
24 | msgstr "{ $nope } Дозволи на проживання та роботу"
   |        ^
  = hint: keep placeables exactly as exported; a changed name or an added one cannot be filled in

error[import-unit]: 'permits-title': the placeable `{ $nope }` is not in the source
  --> [ROOT]/exchange/uk.po:30:8
   |
30 | msgstr "{ $nope } Дозволи на проживання та роботу"
   |        ^
  = hint: keep placeables exactly as exported; a changed name or an added one cannot be filled in

error: 2 problems; nothing was written
"#,
        );
    assert!(before == tree(&root.join("locales")), "a file changed");
}

#[test]
fn exported_po_files_pass_msgfmt_check() {
    if !have("msgfmt", "PAMPHLET_REQUIRE_GETTEXT") {
        eprintln!("msgfmt not installed; skipped");
        return;
    }
    let ws = sample_workspace();
    let root = ws.path();
    let o = pamphlet(root, &["export", "--format", "po"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for tag in locales(root) {
        let file = root.join(format!("exchange/{tag}.po"));
        let stderr = tool_passes(
            Command::new("msgfmt")
                .args(["--check", "-o", "/dev/null"])
                .arg(&file),
            &tag,
        );
        assert!(stderr.is_empty(), "{tag}: {stderr}");
    }
}

#[test]
fn exported_xliff_is_well_formed_and_valid_when_schemas_are_at_hand() {
    if !have("xmllint", "PAMPHLET_REQUIRE_XMLLINT") {
        eprintln!("xmllint not installed; skipped");
        return;
    }
    let ws = sample_workspace();
    let root = ws.path();
    let o = pamphlet(root, &["export"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // PAMPHLET_XLIFF_XSD: the OASIS xliff_core_2.0.xsd, its module schemas beside it
    let schema = std::env::var("PAMPHLET_XLIFF_XSD").ok();
    for tag in locales(root) {
        let file = root.join(format!("exchange/{tag}.xlf"));
        let mut cmd = Command::new("xmllint");
        cmd.arg("--noout");
        if let Some(s) = &schema {
            cmd.args(["--schema", s]);
        }
        tool_passes(cmd.arg(&file), &tag);
    }
}

#[test]
fn unknown_files_and_locales_are_usage_errors() {
    let ws = fixture("mini");
    let root = ws.path();
    let o = pamphlet(root, &["export", "--locale", "en"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let o = pamphlet(root, &["export", "--locale", "xx"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let txt = root.join("notes.txt");
    std::fs::write(&txt, "x").unwrap();
    let o = pamphlet(root, &["import", txt.to_str().unwrap()]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
}

/// Runs a Python snippet; `None` when translate-toolkit cannot be imported
/// (and `PAMPHLET_REQUIRE_TRANSLATE_TOOLKIT` is not set).
fn translate_toolkit(script: &str) -> Option<String> {
    let probe = Command::new("python3")
        .args(["-c", "import translate.storage.xliff2"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        assert!(
            std::env::var_os("PAMPHLET_REQUIRE_TRANSLATE_TOOLKIT").is_none(),
            "PAMPHLET_REQUIRE_TRANSLATE_TOOLKIT is set but translate-toolkit is not installed"
        );
        return None;
    }
    let o = Command::new("python3")
        .args(["-c", script])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Some(String::from_utf8_lossy(&o.stdout).into_owned())
}

#[test]
fn files_edited_with_translate_toolkit_import_cleanly() {
    let ws = sample_workspace();
    let root = ws.path();
    for format in ["xliff", "po"] {
        let o = pamphlet(root, &["export", "--locale", "ru", "--format", format]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    let dir = root.join("exchange");
    let script = format!(
        r#"
from translate.storage import xliff2, po
from translate.misc.multistring import multistring
x = xliff2.Xliff2File.parsefile({xlf:?})
print(len(x.units))
for u in x.units:
    if u.getid() == 'permits-work-title::s1':
        u.target = 'Разрешение на работу'
open({xlf:?}, 'wb').write(bytes(x))
p = po.pofile.parsefile({po:?})
for u in p.units:
    if u.getcontext() == 'permits-title':
        u.target = 'Разрешения (ВНЖ)'
    if u.getcontext() == 'permits-apply-before[$apply-days]':
        # gettext's third Russian form: CLDR's many
        assert u.hasplural() and len(u.target.strings) == 3
        forms = list(u.target.strings)
        forms[2] = forms[2].replace('не менее', 'не позднее')
        u.target = multistring(forms)
open({po:?}, 'wb').write(bytes(p))
"#,
        xlf = dir.join("ru.xlf").to_str().unwrap(),
        po = dir.join("ru.po").to_str().unwrap(),
    );
    let Some(out) = translate_toolkit(&script) else {
        eprintln!("translate-toolkit not installed; skipped");
        return;
    };
    assert!(out.trim().parse::<usize>().unwrap() > 50, "{out}");
    // pofilter finds no placeable problems in an untouched export
    let o = pamphlet(root, &["export", "--format", "po"]);
    assert_eq!(code(&o), 0);
    for tag in locales(root) {
        let report = root.join(format!("pofilter-{tag}.po"));
        let o = Command::new("pofilter")
            .args([
                "--fuzzy",
                "-t",
                "variables",
                "-t",
                "brackets",
                "-t",
                "xmltags",
                "-t",
                "escapes",
                "-t",
                "newlines",
            ])
            .arg(dir.join(format!("{tag}.po")))
            .arg(&report)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(!report.exists(), "{tag}: {}", read(&report));
    }
    let ftl = root.join("locales/ru/permits.ftl");
    let before = read(&ftl);
    let o = pamphlet(root, &["import", dir.join("ru.xlf").to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        read(&ftl),
        before.replacen("= Разрешения на работу\n", "= Разрешение на работу\n", 1)
    );
    let o = pamphlet(root, &["export", "--locale", "ru", "--format", "po"]);
    assert_eq!(code(&o), 0);
    let _ = translate_toolkit(&script);
    let o = pamphlet(root, &["import", dir.join("ru.po").to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(read(&ftl).contains("\npermits-title = Разрешения (ВНЖ)\n"));
    assert!(
        read(&ftl).contains(
            "\n        [many] Подайте заявление не позднее чем за { $apply-days } дней до"
        ),
        "{}",
        read(&ftl)
    );
}

/// Every empty `msgstr` of a PO file filled with its `msgid`; of a plural
/// entry, `msgstr[0]` with the `msgid` and the others with `msgid_plural`.
fn fill_po(path: &Path) {
    let po = read(path);
    let mut out = String::new();
    let (mut id, mut plural) = (String::new(), String::new());
    // which of the two a continuation line belongs to
    let mut open: Option<bool> = None;
    for line in po.lines() {
        if let Some(rest) = line.strip_prefix("msgid_plural ") {
            plural = rest.to_owned();
            open = Some(true);
        } else if let Some(rest) = line.strip_prefix("msgid ") {
            id = rest.to_owned();
            plural.clear();
            open = Some(false);
        } else if line.starts_with('"') && open.is_some() {
            let s = if open == Some(true) {
                &mut plural
            } else {
                &mut id
            };
            s.push('\n');
            s.push_str(line);
        } else {
            open = None;
        }
        let empty_form = line
            .strip_prefix("msgstr[")
            .and_then(|r| r.strip_suffix("] \"\""));
        if line == "msgstr \"\"" && id != "\"\"" {
            out.push_str(&format!("msgstr {id}\n"));
        } else if let Some(i) = empty_form {
            let from = if i == "0" { &id } else { &plural };
            out.push_str(&format!("msgstr[{i}] {from}\n"));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn a_new_locale_is_translated_in_place_of_its_skeleton() {
    let ws = fixture("mini");
    let root = ws.path();
    let o = pamphlet(root, &["add-locale", "uk"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = pamphlet(
        root,
        &[
            "export", "--locale", "uk", "--format", "po", "--only", "missing",
        ],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let po = root.join("exchange/uk.po");
    fill_po(&po);
    let o = pamphlet(root, &["import", po.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for entry in std::fs::read_dir(root.join("locales/uk")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let text = read(&path);
            // no commented-out entry is left, and the comments are
            assert!(
                !text.lines().any(|l| l
                    .strip_prefix("# ")
                    .is_some_and(|r| r.contains(" = ") && !r.starts_with(' '))),
                "{text}"
            );
            assert!(text.contains("\n#"), "{text}");
        }
    }
    let o = pamphlet(root, &["status", "--locale", "uk", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let total = &json["totals"][0];
    assert_eq!(total["missing"], 0, "{json}");
    assert_eq!(total["unreviewed"], 0, "{json}");
}

/// Runs an outside checker on an exported file; it must succeed. Returns
/// its stderr.
fn tool_passes(cmd: &mut Command, tag: &str) -> String {
    let o = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{tag}: {stderr}");
    stderr
}

#[test]
fn gettext_plural_forms_are_read_back_as_their_categories() {
    let ws = sample_workspace();
    let root = ws.path();
    let o = pamphlet(root, &["export", "--locale", "ru", "--format", "po"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let path = root.join("exchange/ru.po");
    let po = read(&path);
    assert!(po.contains("\"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n\""), "{po}");
    // one plural entry for gettext's three forms, and CLDR's `other`
    // (fractions) beside it
    let entry = "msgctxt \"permits-apply-before[$apply-days]\"\nmsgid \"Apply at least { $apply-days } day before your current period of stay or residence ends.\"\nmsgid_plural \"Apply at least { $apply-days } days before your current period of stay or residence ends.\"\nmsgstr[0] \"Подайте заявление не менее чем за { $apply-days } день до окончания текущего срока пребывания или проживания.\"\nmsgstr[1] \"Подайте заявление не менее чем за { $apply-days } дня до окончания текущего срока пребывания или проживания.\"\n";
    assert!(po.contains(entry), "{po}");
    assert!(po.contains("msgctxt \"permits-apply-before[$apply-days=other]\"\n"));
    let ftl = root.join("locales/ru/permits.ftl");
    let before = read(&ftl);
    let locales_before = tree(&root.join("locales"));

    // a wrong index and another language's Plural-Forms: reported where they are
    let line_of =
        |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let extra = po.replacen(
        "msgstr[2] \"Подайте",
        "msgstr[3] \"x\"\nmsgstr[2] \"Подайте",
        1,
    );
    let header = po.replacen(
        "Plural-Forms: nplurals=3; plural=(n%10==1",
        "Plural-Forms: nplurals=3; plural=(n==1",
        1,
    );
    for (text, needle, message) in [
        (
            &extra,
            "msgstr[3]",
            "msgstr[3]: the Plural-Forms header has 3 forms",
        ),
        (
            &header,
            "Plural-Forms",
            "is not ru's: its formula picks form 2 for 21",
        ),
    ] {
        std::fs::write(&path, text).unwrap();
        let o = pamphlet(root, &["import", path.to_str().unwrap()]);
        let err = stderr(&o);
        assert_eq!(code(&o), 1, "{err}");
        let at = format!("exchange/ru.po:{}:", line_of(text, needle));
        assert!(
            err.contains(&at) && err.contains(message),
            "{at} {message}: {err}"
        );
        assert!(err.contains("nothing was written"), "{err}");
        assert!(
            locales_before == tree(&root.join("locales")),
            "{message}: a file changed"
        );
    }

    // msgstr[1] is Russian's `few`: that variant, and only it, changes
    std::fs::write(
        &path,
        po.replacen(
            "msgstr[1] \"Подайте заявление не менее чем за { $apply-days } дня до",
            "msgstr[1] \"Подайте заявление не позднее чем за { $apply-days } дня до",
            1,
        ),
    )
    .unwrap();
    let o = pamphlet(root, &["import", path.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // every other line of the file is as it was
    let others = |t: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut inside = false;
        for l in t.lines() {
            if l.starts_with("permits-apply-before =") {
                inside = true;
            } else if inside && !l.starts_with(' ') {
                inside = false;
            }
            if !inside {
                out.push(l.to_owned());
            }
        }
        out
    };
    assert_eq!(others(&read(&ftl)), others(&before));
    for (days, word) in [
        ("1", "не менее"),
        ("3", "не позднее"),
        ("5", "не менее"),
        ("22", "не позднее"),
    ] {
        let o = pamphlet(
            root,
            &[
                "format",
                "ru",
                "permits-apply-before",
                "--arg",
                &format!("apply-days={days}"),
                "--plain",
            ],
        );
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains(word), "{days}: {out}");
    }
}

#[test]
fn an_export_of_one_locale_reads_only_it_and_the_source_and_writes_the_same() {
    let ws = sample_workspace();
    let root = ws.path();
    let (inputs, _) = pamphlet::pipeline::load_only(root, &["ru".to_owned()]).unwrap();
    let files = |tag: &str| {
        let l = inputs.ws.config.locale_index(tag).unwrap();
        inputs.catalog.locales[l].files.len()
    };
    assert!(files("en") > 0 && files("ru") > 0);
    for other in ["ar", "uk", "az", "fa"] {
        assert_eq!(files(other), 0, "{other} was read");
    }
    // the units do not depend on the other locales: one locale exported
    // alone and among all gives the same file, in both formats
    for format in ["xliff", "po"] {
        let ext = if format == "po" { "po" } else { "xlf" };
        let all = root.join("all");
        let o = pamphlet(
            root,
            &["export", "--format", format, "--out", all.to_str().unwrap()],
        );
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let o = pamphlet(root, &["export", "--format", format, "--locale", "ru"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let one = read(&root.join(format!("exchange/ru.{ext}")));
        assert_eq!(one, read(&all.join(format!("ru.{ext}"))), "{format}");
    }
}

#[test]
fn every_context_link_of_an_export_points_at_a_block_of_the_built_page() {
    let ws = sample_workspace();
    let root = ws.path();
    let o = pamphlet(root, &["build", "--format", "html"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = pamphlet(root, &["export", "--locale", "ar"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let xlf = read(&root.join("exchange/ar.xlf"));
    let mut links = 0;
    for (at, _) in xlf.match_indices("out/") {
        let link = &xlf[at..];
        let link = &link[..link.find(['<', ' ', '"', '\n']).unwrap()];
        let Some((page, anchor)) = link.split_once('#') else {
            continue;
        };
        let html = read(&root.join(page));
        assert_eq!(
            html.matches(&format!(" id=\"{anchor}\"")).count(),
            1,
            "{link}: one element with that id"
        );
        links += 1;
    }
    assert!(links > 50, "{links} links");
    // and no page has an id twice
    for entry in walkdir::WalkDir::new(root.join("out")) {
        let path = entry.unwrap().into_path();
        if path.extension().is_some_and(|e| e == "html") {
            let html = read(&path);
            let mut ids: Vec<&str> = html
                .split(" id=\"")
                .skip(1)
                .map(|s| &s[..s.find('"').unwrap()])
                .collect();
            let all = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), all, "{}", path.display());
        }
    }
}
