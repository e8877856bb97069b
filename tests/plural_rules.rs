//! pamphlet's plural categories against `Intl.PluralRules` under Node, for
//! every language pamphlet has CLDR plural rules for (every two- and
//! three-letter language code is asked, plus locales whose script or region
//! changes the rules), cardinal and ordinal, on the integers 0–200, 1,000,
//! 10,000 and 1,000,000 and the fractions 0.5, 1.5, 2.0 (one fraction digit)
//! and 0.000123 (shown as 0). Categories come from `locale::plurals::select`,
//! the selector every bundle's select expressions use. Also: every language
//! Intl has rules for, pamphlet has rules for too.
//!
//! One Node process answers everything (tests/parity/plurals.mjs, JSON on
//! stdin and stdout). Without Node the test is skipped with a note, unless
//! PAMPHLET_REQUIRE_FLUENT_JS is set (`.ci/run` sets it).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use fluent_bundle::types::{FluentNumber, FluentNumberOptions, FluentNumberType};
use intl_memoizer::concurrent::IntlLangMemoizer;
use pamphlet::locale::plurals;
use unic_langid::LanguageIdentifier;

/// Locales whose script or region has rules other than its language's, or
/// that ICU4X would look up along another path than the bare language.
const VARIANTS: &[&str] = &[
    "pt-PT", "pt-AO", "sr-Latn", "az-Cyrl", "uz-Cyrl", "zh-Hant", "ar-EG", "en-IN", "es-419",
    "fr-CA", "ks-Deva", "sd-Deva", "pa-Arab", "ff-Adlm", "bs-Cyrl", "sw-CD",
];

/// Where pamphlet deliberately differs from `Intl.PluralRules` under Node 20
/// (ICU 78, CLDR 48), each explained in docs/fluent-compat.md: ICU4X 2.4's
/// data is CLDR 49, which added ordinal rules for Afrikaans, Bulgarian and
/// Spanish, Galician `many` (1,000,000) and Vietnamese `one` (0, 1 and what
/// lies between); and ICU4X follows CLDR's parent locale from Angolan to
/// European Portuguese, where ICU uses the language's rules. Each must still
/// differ somewhere, or it is stale.
const DELIBERATE: &[(&str, FluentNumberType)] = &[
    ("af", FluentNumberType::Ordinal),
    ("bg", FluentNumberType::Ordinal),
    ("es", FluentNumberType::Ordinal),
    ("es-419", FluentNumberType::Ordinal),
    ("gl", FluentNumberType::Cardinal),
    ("vi", FluentNumberType::Cardinal),
    ("pt-AO", FluentNumberType::Cardinal),
];

/// The numbers asked about: a value and the minimum fraction digits shown.
fn numbers() -> Vec<(f64, Option<usize>)> {
    let mut out: Vec<(f64, Option<usize>)> = (0..=200).map(|n| (f64::from(n), None)).collect();
    for n in [1_000.0, 10_000.0, 1_000_000.0, 0.5, 1.5] {
        out.push((n, None));
    }
    out.push((2.0, Some(1)));
    out.push((0.000123, None));
    out
}

/// Every two- and three-letter language code, and the variants.
fn candidates() -> Vec<String> {
    let letters = || b'a'..=b'z';
    let mut out = Vec::new();
    for a in letters() {
        for b in letters() {
            out.push(String::from_utf8(vec![a, b]).unwrap());
            for c in letters() {
                out.push(String::from_utf8(vec![a, b, c]).unwrap());
            }
        }
    }
    out.extend(VARIANTS.iter().map(|v| v.to_string()));
    out
}

#[derive(serde::Deserialize)]
struct Reference {
    supported: Vec<String>,
    locales: BTreeMap<String, Answers>,
}

#[derive(serde::Deserialize)]
struct Answers {
    resolved: String,
    cardinal: Vec<String>,
    ordinal: Vec<String>,
}

/// Asks Node, if it is installed.
fn reference(locales: &[String], numbers: &[(f64, Option<usize>)]) -> Option<Reference> {
    let required = std::env::var_os("PAMPHLET_REQUIRE_FLUENT_JS").is_some();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parity/plurals.mjs");
    let child = Command::new("node")
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            assert!(!required, "Node is required but does not run: {e}");
            eprintln!("Node is not installed; skipping the plural rules comparison");
            return None;
        }
    };
    let numbers: Vec<serde_json::Value> = numbers
        .iter()
        .map(|(value, digits)| match digits {
            Some(d) => serde_json::json!({"value": value, "minimumFractionDigits": d}),
            None => serde_json::json!({"value": value}),
        })
        .collect();
    let input = serde_json::json!({"locales": locales, "numbers": numbers});
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Some(serde_json::from_slice(&o.stdout).unwrap())
}

fn language(tag: &str) -> &str {
    tag.split('-').next().unwrap()
}

#[test]
fn plural_categories_equal_intl_plural_rules_in_every_cldr_language() {
    let candidates = candidates();
    let ours: Vec<&String> = candidates
        .iter()
        .filter(|t| plurals::has_rules(&t.parse::<LanguageIdentifier>().unwrap()))
        .collect();
    let numbers = numbers();
    let Some(reference) = reference(&candidates, &numbers) else {
        return;
    };

    // Intl's own rules (an alias such as `iw` resolves to another language,
    // and Intl reports it under its canonical tag: pamphlet warns about the
    // alias instead)
    let intl_has = |tag: &str| {
        reference
            .locales
            .get(tag)
            .is_some_and(|a| language(&a.resolved) == language(tag))
    };
    let lacking: Vec<&String> = reference
        .supported
        .iter()
        .filter(|t| candidates.contains(t) && intl_has(t) && !ours.contains(t))
        .collect();
    assert!(
        lacking.is_empty(),
        "Intl has plural rules pamphlet lacks: {lacking:?}"
    );

    let mut mismatches = Vec::new();
    let mut deliberate = Vec::new();
    let (mut compared, mut intl_lacks) = (0, Vec::new());
    for tag in &ours {
        if !intl_has(tag) {
            intl_lacks.push(tag.as_str());
            continue;
        }
        let answers = &reference.locales[tag.as_str()];
        let intls = IntlLangMemoizer::new(tag.parse().unwrap());
        for (kind, theirs) in [
            (FluentNumberType::Cardinal, &answers.cardinal),
            (FluentNumberType::Ordinal, &answers.ordinal),
        ] {
            for ((value, digits), expected) in numbers.iter().zip(theirs) {
                let options = FluentNumberOptions {
                    r#type: kind,
                    minimum_fraction_digits: *digits,
                    ..Default::default()
                };
                let mine = plurals::select(&FluentNumber::new(*value, options), &intls);
                compared += 1;
                if DELIBERATE.contains(&(tag.as_str(), kind)) {
                    if mine != Some(expected.as_str()) {
                        deliberate.push((tag.as_str(), kind));
                    }
                    continue;
                }
                if mine != Some(expected.as_str()) {
                    mismatches.push(format!(
                        "{tag} {kind:?} {value} ({digits:?} fraction digits): pamphlet {mine:?}, Intl {expected}"
                    ));
                }
            }
        }
    }
    eprintln!(
        "{} locales, {compared} categories compared; Intl has no rules of its own for {intl_lacks:?}",
        ours.len() - intl_lacks.len()
    );
    let stale: Vec<_> = DELIBERATE
        .iter()
        .filter(|d| !deliberate.contains(d))
        .collect();
    assert!(
        stale.is_empty(),
        "deliberate differences that now agree with Intl; remove them: {stale:?}"
    );
    // the comparison covers CLDR, not a handful of languages
    assert!(ours.len() - intl_lacks.len() >= 200, "{}", ours.len());
    assert!(
        mismatches.is_empty(),
        "{} of {compared} differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
