//! Parity with Project Fluent's reference implementation: every case of
//! `tests/parity/cases.json` (numbers, currencies, percents, dates, plurals
//! with fractions, terms with arguments, selects) is formatted in every sample
//! locale by pamphlet and by `@fluent/bundle` under Node, and the two outputs
//! must be identical, string for string. The deliberate differences are
//! listed in docs/fluent-compat.md and skipped here by name, each with its
//! expected pamphlet output so that the difference itself stays tested.
//!
//! `.ci/run` installs the reference (`npm ci --prefix tests/parity`) and sets
//! PAMPHLET_REQUIRE_FLUENT_JS=1; without it the test is skipped with a note.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use pamphlet::locale::to_args;
use pamphlet::workspace::{MessageRef, VarValue, Vars};

/// The sample workspace's eight locales and thirteen more, so that every
/// script and numbering system of the list is covered: Latin,
/// Cyrillic, Georgian, Armenian, Greek, Hebrew, Arabic with Latin and with
/// Arabic-Indic digits, Persian, Devanagari, Bengali, Thai, Japanese, Chinese.
const LOCALES: &[&str] = &[
    "en", "az", "ru", "tr", "ka", "uk", "fa", "ar", "ar-EG", "he", "hy", "hi", "mr", "bn", "th",
    "ja", "zh", "fr", "pl", "el", "pt",
];

fn parity_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parity")
}

#[derive(serde::Deserialize)]
struct Case {
    id: String,
    args: BTreeMap<String, serde_json::Value>,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(parity_dir().join("cases.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A JSON argument as the campaign file would write it in TOML.
fn var(value: &serde_json::Value) -> VarValue {
    let toml_text = format!("v = {}", json_to_toml(value));
    let table: toml::Table = toml::from_str(&toml_text).unwrap();
    VarValue::from_toml(&table["v"]).unwrap()
}

fn json_to_toml(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Object(map) => {
            let fields: Vec<String> = map
                .iter()
                .map(|(k, v)| match (k.as_str(), v) {
                    // a date is a TOML date, not a string
                    ("date", serde_json::Value::String(s)) => s.clone(),
                    _ => format!("{k} = {}", json_to_toml(v)),
                })
                .collect();
            if map.contains_key("date") {
                fields.concat()
            } else {
                format!("{{ {} }}", fields.join(", "))
            }
        }
        other => other.to_string(),
    }
}

/// Formats every case in every locale with pamphlet.
fn pamphlet_outputs() -> BTreeMap<String, Vec<String>> {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let quoted: Vec<String> = LOCALES.iter().map(|l| format!("\"{l}\"")).collect();
    std::fs::write(
        root.join("pamphlet.toml"),
        format!(
            "[project]\nname = \"Parity\"\nsource-locale = \"en\"\nlocales = [{}]\n",
            quoted.join(", ")
        ),
    )
    .unwrap();
    std::fs::create_dir_all(root.join("campaigns")).unwrap();
    let ftl = std::fs::read_to_string(parity_dir().join("messages.ftl")).unwrap();
    for locale in LOCALES {
        let dir = root.join("locales").join(locale);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("parity.ftl"), &ftl).unwrap();
    }
    let (inputs, _) = pamphlet::pipeline::load(root).unwrap();
    let catalog = &inputs.catalog;
    let cases = cases();
    catalog
        .locales
        .ids()
        .zip(LOCALES.iter())
        .map(|(i, locale)| {
            assert_eq!(catalog.locales[i].tag, *locale);
            let outputs = cases
                .iter()
                .map(|case| {
                    let vars: Vars = case.args.iter().map(|(k, v)| (k.clone(), var(v))).collect();
                    let msg = MessageRef::parse(&case.id).unwrap();
                    match catalog.resolve(i, &msg, &to_args(&vars)) {
                        Ok(r) => r.text,
                        Err(e) => format!("error: {e}"),
                    }
                })
                .collect();
            (locale.to_string(), outputs)
        })
        .collect()
}

/// Formats every case in every locale with @fluent/bundle, if installed.
fn reference_outputs() -> Option<BTreeMap<String, Vec<serde_json::Value>>> {
    let installed = parity_dir().join("node_modules/@fluent/bundle").is_dir();
    let required = std::env::var_os("PAMPHLET_REQUIRE_FLUENT_JS").is_some();
    if !installed {
        assert!(
            !required,
            "@fluent/bundle is required but not installed: npm ci --prefix tests/parity"
        );
        eprintln!("@fluent/bundle is not installed; skipping (npm ci --prefix tests/parity)");
        return None;
    }
    let o = Command::new("node")
        .arg(parity_dir().join("reference.mjs"))
        .args(LOCALES)
        .env("TZ", "UTC")
        .output()
        .expect("node runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Some(serde_json::from_slice(&o.stdout).unwrap())
}

/// Deliberate differences, each explained in docs/fluent-compat.md: message
/// id and the locales where pamphlet differs from the reference ("*" for
/// all). pamphlet's own output for them is pinned in
/// tests/parity/differences.json (rewrite it with UPDATE_PARITY=1 and review
/// the diff), so the differences stay tested too.
const DELIBERATE: &[(&str, &[&str])] = &[
    // useGrouping: "false" turns grouping off; ECMAScript reads the string
    // "false" as the default
    ("number-no-grouping", &["*"]),
    // dateStyle "full": ICU4X has no full length; it uses long with weekday
    ("date-full", &["az", "ka", "fa", "mr", "th"]),
    ("date-weekday", &["az", "ka", "fa", "mr"]),
    // the default numeric date: ICU4X's short pattern with a 4-digit year
    ("date-default", &["tr", "ka", "ja", "pl"]),
    ("date-fn", &["tr", "ka", "ja", "pl"]),
    // component options map to ICU4X lengths; the medium date is numeric
    ("date-month-short", &["ar", "ar-EG", "ja"]),
    // currency symbols differ between ICU4X's and ICU's data (US$ for USD)
    ("fee", &["uk", "pl"]),
    // ICU4X's data: a padded day in the Polish short date, the full
    // Buddhist year in the Thai one
    ("date-short", &["pl", "th"]),
    // ICU4X's data: a comma before the year in Hindi dates
    ("date-long", &["hi"]),
    ("date-full", &["hi"]),
    ("date-weekday", &["hi"]),
    ("date-month-long", &["hi"]),
    ("deadline", &["hi"]),
    // ICU4X's data: Armenian dates year first, times with two-digit hours
    ("date-long", &["hy"]),
    ("date-medium", &["hy"]),
    ("date-full", &["hy"]),
    ("date-weekday", &["hy"]),
    ("date-month-long", &["hy"]),
    ("date-month-short", &["hy"]),
    ("deadline", &["hy"]),
    ("time-short", &["hy"]),
    ("date-time-medium", &["hy"]),
];

fn deliberate(locale: &str, case: &Case) -> bool {
    DELIBERATE.iter().any(|(id, locales)| {
        *id == case.id && (locales.contains(&"*") || locales.contains(&locale))
    })
}

/// The key of one case in one locale in tests/parity/differences.json.
fn key(locale: &str, case: &Case) -> String {
    format!(
        "{locale} {} {}",
        case.id,
        serde_json::to_string(&case.args).unwrap()
    )
}

/// pamphlet's output for every deliberate difference, by key.
fn differences(ours: &BTreeMap<String, Vec<String>>, cases: &[Case]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for locale in LOCALES {
        for (i, case) in cases.iter().enumerate() {
            if deliberate(locale, case) {
                out.insert(key(locale, case), ours[*locale][i].clone());
            }
        }
    }
    out
}

/// How many outputs the reference comparison checks: every case in every
/// locale but the deliberate differences. A case or locale added or an
/// exemption widened changes it, and must change it here too.
const COMPARED: usize = 1447;

/// The deliberate differences stay pinned whether or not Node is installed:
/// pamphlet's output for each is in tests/parity/differences.json. Rewrite
/// that file with UPDATE_PARITY=1 (refused in CI) and review the diff.
#[test]
fn deliberate_differences_are_pinned() {
    let cases = cases();
    let ours = differences(&pamphlet_outputs(), &cases);
    let pinned_path = parity_dir().join("differences.json");
    if std::env::var_os("UPDATE_PARITY").is_some() {
        assert!(
            std::env::var_os("CI").is_none(),
            "UPDATE_PARITY rewrites the pinned differences; never in CI"
        );
        let text = serde_json::to_string_pretty(&ours).unwrap();
        std::fs::write(&pinned_path, text + "\n").unwrap();
        return;
    }
    let pinned: BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(&pinned_path).unwrap()).unwrap();
    assert_eq!(
        ours, pinned,
        "pamphlet's output for a deliberate difference changed (see tests/parity/differences.json)"
    );
    assert_eq!(
        LOCALES.len() * cases.len() - pinned.len(),
        COMPARED,
        "the number of compared outputs changed"
    );
}

#[test]
fn pamphlet_formats_as_the_reference_implementation_in_every_sample_locale() {
    let ours = pamphlet_outputs();
    let Some(reference) = reference_outputs() else {
        return;
    };
    let cases = cases();
    let mut mismatches = Vec::new();
    let (mut agreeing, mut differing) = (Vec::new(), Vec::new());
    let mut compared = 0;
    for locale in LOCALES {
        for (i, case) in cases.iter().enumerate() {
            let mine = &ours[*locale][i];
            let theirs = match &reference[*locale][i] {
                serde_json::Value::String(s) => s.clone(),
                other => format!("error: {other}"),
            };
            if deliberate(locale, case) {
                // an exemption under which every case agrees would hide a regression
                let exempted = format!("{locale} {}", case.id);
                if *mine == theirs {
                    agreeing.push(exempted);
                } else {
                    differing.push(exempted);
                }
                continue;
            }
            compared += 1;
            if *mine != theirs {
                mismatches.push(format!(
                    "{}: pamphlet {mine:?}, reference {theirs:?}",
                    key(locale, case)
                ));
            }
        }
    }
    assert_eq!(compared, COMPARED);
    // equal outputs, the deliberate differences' equal outputs included
    let identical = compared - mismatches.len() + agreeing.len();
    eprintln!(
        "{identical} of {} outputs identical to the reference",
        LOCALES.len() * cases.len()
    );
    let mut stale: Vec<String> = agreeing
        .into_iter()
        .filter(|e| !differing.contains(e))
        .collect();
    stale.dedup();
    assert!(
        stale.is_empty(),
        "deliberate differences that now agree with the reference; remove them from DELIBERATE and docs/fluent-compat.md:\n{}",
        stale.join("\n")
    );
    assert!(
        mismatches.is_empty(),
        "{} of {compared} differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
