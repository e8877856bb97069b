//! pamphlet's SMS arithmetic (`pamphlet::sms`) against independent
//! implementations, on a corpus generated here: texts in Latin, Turkish,
//! Azerbaijani, Spanish, Portuguese, Cyrillic, Georgian, Arabic, Persian,
//! Greek, with escaped characters and emoji, at lengths around every segment
//! boundary, plus seeded random mixes.
//!
//! - Twilio's `sms-segments-calculator` (npm, tests/sms/segments.mjs) for the
//!   default alphabet and UCS-2: encoding, segments, septets. It has no
//!   national tables.
//! - `gsmcodecs` (PyPI, tests/sms/national.py), whose tables its authors
//!   generated from TS 23.038, for the national tables: the septets of every
//!   text under every table combination a language allows must be the same
//!   bytes, and the script's own count of segments (capacities worked out in
//!   bits) must match pamphlet's choice of tables, septets and segments.
//!
//! `.ci/run` installs both (`npm ci --prefix tests/sms`, `pip install
//! gsmcodecs`) and sets PAMPHLET_REQUIRE_SMS_REFERENCE=1; without them each
//! comparison is skipped with a note.

use std::path::{Path, PathBuf};
use std::process::Command;

use pamphlet::sms::{self, Alphabet, National, Tables};

fn sms_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sms")
}

fn required() -> bool {
    std::env::var_os("PAMPHLET_REQUIRE_SMS_REFERENCE").is_some_and(|v| v == "1")
}

/// A reference that is not installed: a note, or a failure when required.
fn missing(what: &str) {
    assert!(!required(), "PAMPHLET_REQUIRE_SMS_REFERENCE=1 but {what}");
    eprintln!("{what}; skipping this comparison");
}

/// Texts in the scripts and languages of the campaigns, cycled to a length.
const SAMPLES: &[&str] = &[
    "Wash your hands, stay safe! Call 112 @ £5 ¥ $ # % & * ( ) + - / : ; < = > ? \"'",
    "Ä Ö Ñ Ü § ¿ ä ö ñ ü à è é ù ì ò Ç Ø ø Å å Æ æ ß É ¡ ¤ _ Δ\n",
    "Prices: 5€ {a} [b] ~c~ |d| \\e\\ ^f^ \u{0C}",
    "Aşı olun, sağlığınızı koruyun! İzmir'de Ğ Ş ç Ç ü ö ı İ ğ",
    "Peyvənd olun, sağlamlığınızı qoruyun! Ə ə ğ ş ı ç ö ü x q",
    "¡Vacúnate! Protección para tu familia: información aquí. Á É Í Ó Ú á í ó ú ñ ç",
    "Vacine-se! Proteção à sua família: informação. ã õ ê ô â Á Ê Ô ª º ç À ∞ Ã Õ",
    "ΔΦΓΛΩΠΨΣΘΞ ΦΓΩ Σ",
    "Вакцинируйтесь! Берегите себя и близких. Ёё",
    "Щепіться! Захистіть рідних. Ґ ґ Є є І і Ї ї",
    "აიცერით! დაიცავით თავი და ოჯახი.",
    "احصل على اللقاح! احمِ عائلتك.",
    "واکسن بزنید! از خانواده خود محافظت کنید. ۱۲۳ پ چ ژ گ",
    "Stay safe 😀 get your shot 💉 now 🏥",
    "👍🏽 🇹🇷 👨‍👩‍👧 e\u{301} ok",
    "Call \u{2068}112\u{2069} now \u{200E}",
    "αβγ δ ε ζ η θ",
];

/// Lengths in characters: around 70/67 and 160/153 and the national
/// capacities 155/152/149/146, and their multiples.
const LENGTHS: &[usize] = &[
    0, 1, 35, 66, 67, 68, 69, 70, 71, 72, 133, 134, 135, 145, 146, 147, 149, 150, 152, 153, 154,
    155, 156, 159, 160, 161, 201, 292, 298, 305, 306, 307, 459, 460, 461,
];

fn cycled(sample: &str, len: usize) -> String {
    sample.chars().cycle().take(len).collect()
}

/// A small deterministic generator, so the corpus is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn corpus() -> Vec<String> {
    let mut texts = Vec::new();
    for sample in SAMPLES {
        for &len in LENGTHS {
            texts.push(cycled(sample, len));
        }
    }
    // one character that costs more than one unit, placed so that it fits
    // exactly, straddles, or follows a segment boundary
    let straddles: &[(char, &[char], std::ops::RangeInclusive<usize>)] = &[
        (
            'a',
            &['€', '{', '[', '\\', '|', '~', '^', ']', '}'],
            149..=161,
        ),
        (
            'a',
            &['ş', 'ğ', 'İ', 'á', 'ó', 'ã', 'ê', 'Ω', 'ª'],
            143..=157,
        ),
        ('a', &['€', '['], 302..=308),
        ('я', &['😀', '€', 'a'], 64..=71),
        ('я', &['😀'], 131..=136),
        ('ş', &['ş', '€', '{', 'è'], 143..=157),
        ('ã', &['Ω', 'ª', '€'], 143..=153),
    ];
    for (filler, specials, positions) in straddles {
        for &special in *specials {
            for k in positions.clone() {
                let fill = filler.to_string();
                texts.push(format!(
                    "{}{special}{}",
                    fill.repeat(k),
                    fill.repeat(k.min(160))
                ));
            }
        }
    }
    // grapheme clusters of several code points across a UCS-2 boundary
    for cluster in ["👍🏽", "🇹🇷", "e\u{301}", "👨\u{200D}👩\u{200D}👧"] {
        for k in 60..=68 {
            texts.push(format!("{}{cluster}{}", "я".repeat(k), "я".repeat(65)));
        }
    }
    // runs of one national letter, whole texts at the national capacities
    for letter in ['ş', 'ã', 'á'] {
        for n in [
            145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 292, 293, 298, 299,
        ] {
            texts.push(letter.to_string().repeat(n));
        }
    }
    // seeded mixes of every sample's characters
    let pool: Vec<char> = SAMPLES.iter().flat_map(|s| s.chars()).collect();
    let mut rng = Lcg(0x5EED_0016);
    for _ in 0..150 {
        let len = rng.below(480);
        // mostly one script, now and then anything
        let sample: Vec<char> = SAMPLES[rng.below(SAMPLES.len())].chars().collect();
        let text = (0..len)
            .map(|_| {
                if rng.below(20) == 0 {
                    pool[rng.below(pool.len())]
                } else {
                    sample[rng.below(sample.len())]
                }
            })
            .collect();
        texts.push(text);
    }
    texts
}

/// Runs `program args… corpus.json` and parses what it prints.
fn run_reference<T: serde::de::DeserializeOwned>(
    program: &str,
    args: &[&str],
    input: &serde_json::Value,
) -> T {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.json");
    std::fs::write(&path, serde_json::to_vec(input).unwrap()).unwrap();
    let out = Command::new(program)
        .args(args)
        .arg(&path)
        .current_dir(sms_dir())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{program} {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn command_works(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .current_dir(sms_dir())
        .output()
        .is_ok_and(|o| o.status.success())
}

fn report(what: &str, checked: usize, disagreements: &[String]) {
    eprintln!(
        "{what}: {checked} checked, {} disagreements",
        disagreements.len()
    );
    assert!(
        disagreements.is_empty(),
        "{} of {checked} disagree with {what}; the first:\n{}",
        disagreements.len(),
        disagreements
            .iter()
            .take(15)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct TwilioAnswer {
    encoding: String,
    segments: usize,
    characters: usize,
    multi_scalar_grapheme: bool,
}

#[test]
fn default_alphabet_and_ucs2_agree_with_twilios_calculator() {
    let ready = command_works("node", &["--version"])
        && sms_dir()
            .join("node_modules/sms-segments-calculator")
            .is_dir();
    if !ready {
        return missing("node or tests/sms/node_modules (npm ci --prefix tests/sms) is missing");
    }
    let texts = corpus();
    let answers: Vec<TwilioAnswer> =
        run_reference("node", &["segments.mjs"], &serde_json::json!(texts));
    assert_eq!(answers.len(), texts.len());
    let mut disagreements = Vec::new();
    let mut grapheme_cases = 0;
    let mut grapheme_kept_whole = 0;
    for (text, theirs) in texts.iter().zip(&answers) {
        let ours = sms::analyse(text, Tables::DEFAULT);
        let encoding = match ours.alphabet {
            Alphabet::Gsm7 => "GSM-7",
            Alphabet::Ucs2 => "UCS-2",
        };
        let mut agree = encoding == theirs.encoding;
        if ours.alphabet == Alphabet::Gsm7 {
            agree &= ours.units == theirs.characters;
        }
        if ours.alphabet == Alphabet::Ucs2 && theirs.multi_scalar_grapheme {
            // The calculator never splits a grapheme cluster (👍🏽, 🇹🇷,
            // e + U+0301) across segments; TS 23.038/23.040 split UCS-2
            // text at any UTF-16 unit but a surrogate pair's second half, and
            // so does pamphlet. Keeping clusters whole can only add segments.
            grapheme_cases += 1;
            agree &= ours.segments <= theirs.segments;
            grapheme_kept_whole += usize::from(ours.segments < theirs.segments);
        } else {
            agree &= ours.segments == theirs.segments;
        }
        if !agree {
            disagreements.push(format!(
                "{text:?} ({} chars): pamphlet {encoding} {} units {} segments, reference {} {} characters {} segments",
                text.chars().count(),
                ours.units,
                ours.segments,
                theirs.encoding,
                theirs.characters,
                theirs.segments
            ));
        }
    }
    eprintln!(
        "{grapheme_cases} UCS-2 texts with grapheme clusters: segments compared as at most \
         the reference's; {grapheme_kept_whole} of them take fewer segments split as the \
         standard splits"
    );
    report("sms-segments-calculator", texts.len(), &disagreements);
}

#[derive(serde::Deserialize)]
struct NationalAnswer {
    alphabet: String,
    locking: u8,
    single: u8,
    units: usize,
    segments: usize,
    /// "locking-single" language identifiers → septets in hex, or null
    encodings: std::collections::BTreeMap<String, Option<String>>,
}

fn national(id: u8) -> Option<National> {
    match id {
        0 => None,
        1 => Some(National::Turkish),
        2 => Some(National::Spanish),
        3 => Some(National::Portuguese),
        other => panic!("language identifier {other} not in pamphlet"),
    }
}

fn id(n: Option<National>) -> u8 {
    n.map_or(0, National::id)
}

#[test]
fn national_tables_agree_with_gsmcodecs() {
    if !command_works("python3", &["-c", "import gsmcodecs"]) {
        return missing("python3 with gsmcodecs (pip install gsmcodecs==1.0.0) is missing");
    }
    let langs = ["tr", "es", "pt", "az"];
    let items: Vec<(String, &str)> = corpus()
        .into_iter()
        .flat_map(|text| langs.map(|lang| (text.clone(), lang)))
        .collect();
    let input: Vec<serde_json::Value> = items
        .iter()
        .map(|(text, lang)| serde_json::json!({ "text": text, "lang": lang }))
        .collect();
    let answers: Vec<NationalAnswer> =
        run_reference("python3", &["national.py"], &serde_json::json!(input));
    assert_eq!(answers.len(), items.len());
    let mut disagreements = Vec::new();
    let mut national_used = 0;
    for ((text, lang), theirs) in items.iter().zip(&answers) {
        let short: String = text.chars().take(40).collect();
        for (combo, septets) in &theirs.encodings {
            let (l, s) = combo.split_once('-').unwrap();
            let tables = Tables {
                locking: national(l.parse().unwrap()),
                single: national(s.parse().unwrap()),
            };
            let ours = sms::gsm::encode(text, tables)
                .map(|b| b.iter().map(|x| format!("{x:02x}")).collect::<String>());
            if &ours != septets {
                disagreements.push(format!(
                    "{short:?}… with tables {combo}: pamphlet {ours:?}, reference {septets:?}"
                ));
            }
        }
        let ours = sms::analyse(text, sms::tables_for_language(lang));
        let alphabet = match ours.alphabet {
            Alphabet::Gsm7 => "GSM-7",
            Alphabet::Ucs2 => "UCS-2",
        };
        if ours.tables_used != Tables::DEFAULT {
            national_used += 1;
        }
        let ours_shape = (
            alphabet,
            id(ours.tables_used.locking),
            id(ours.tables_used.single),
            ours.units,
            ours.segments,
        );
        let theirs_shape = (
            theirs.alphabet.as_str(),
            theirs.locking,
            theirs.single,
            theirs.units,
            theirs.segments,
        );
        if ours_shape != theirs_shape {
            disagreements.push(format!(
                "{short:?}… ({} chars, {lang}): pamphlet {ours_shape:?}, reference {theirs_shape:?}",
                text.chars().count()
            ));
        }
    }
    eprintln!("{national_used} texts sent with national tables");
    assert!(
        national_used > 100,
        "the corpus hardly exercises the national tables"
    );
    report("gsmcodecs", items.len(), &disagreements);
}

#[test]
fn the_corpus_crosses_every_boundary() {
    let texts = corpus();
    assert!(texts.len() > 500, "{}", texts.len());
    let shapes: std::collections::BTreeSet<(usize, usize, bool)> = texts
        .iter()
        .map(|t| {
            let a = sms::analyse(t, sms::tables_for_language("tr"));
            (a.per_segment, a.segments, a.alphabet == Alphabet::Gsm7)
        })
        .collect();
    for wanted in [
        (160, 1, true),
        (153, 2, true),
        (153, 3, true),
        (155, 1, true),
        (149, 2, true),
        (70, 1, false),
        (67, 2, false),
        (67, 3, false),
    ] {
        assert!(
            shapes.contains(&wanted),
            "no text with {wanted:?}: {shapes:?}"
        );
    }
}
