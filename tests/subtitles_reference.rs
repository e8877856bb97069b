//! The subtitle files checked by tools that share no code with pamphlet:
//! cue sets in English, Russian and Arabic (a speaker, `&<>` in text, an
//! Arabic line that starts with a number and ends with punctuation, a Latin
//! phone number inside Arabic) go through `pamphlet::subtitles`, and
//!
//! - the W3C's WebVTT parser (npm `webvtt-parser`, tests/subtitles) reads
//!   every .vtt without an error, with the same cues, times and text;
//! - the `srt` library (PyPI) reads every .srt with the same cues;
//! - headless Chromium loads every .vtt as a `<track default>` of a
//!   `<video>` with the expected cues (tests/browser/subtitles.mjs), and
//!   shows the first Arabic cue over a blank video in a screenshot kept at
//!   `target/subtitles-ar.png` for a person to look at.
//!
//! `.ci/run` installs the tools and sets PAMPHLET_REQUIRE_SUBTITLE_REFERENCE=1
//! and PAMPHLET_REQUIRE_BROWSER=1; without them each check is skipped with a
//! note.

use std::path::{Path, PathBuf};
use std::process::Command;

use pamphlet::subtitles::{self, Cue, Limits, Millis, Track, break_cue};
use serde_json::Value;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const RLM: char = '\u{200F}';

/// One locale's cues: (start, end, text, speaker).
struct Set {
    lang: &'static str,
    rtl: bool,
    cues: Vec<(
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
    )>,
}

fn sets() -> Vec<Set> {
    vec![
        Set {
            lang: "ar",
            rtl: true,
            cues: vec![
                // starts with a number (a placeable), ends with punctuation
                (
                    "0s",
                    "4s",
                    "\u{2068}112\u{2069} هو رقم الطوارئ، اتصل به الآن!",
                    None,
                ),
                (
                    "4s",
                    "8.5s",
                    "للاستفسار اتصل بالرقم \u{2068}+7 (495) 123-45-67\u{2069} في أي وقت.",
                    Some("المشغل"),
                ),
                (
                    "00:00:08.500",
                    "00:00:12",
                    "سجّل عنوانك الجديد خلال \u{2068}7\u{2069} أيام.",
                    None,
                ),
                // starts with Latin: laid out left-to-right without the marks
                ("12s", "15s", "SMS إلى الرقم 112 الآن!", None),
            ],
        },
        Set {
            lang: "en",
            rtl: false,
            cues: vec![
                (
                    "0s",
                    "3.5s",
                    "Tom & Jerry <3 the new registration office.",
                    Some("Narrator"),
                ),
                (
                    "3.5s",
                    "8s",
                    "Call \u{2068}+7 (495) 123-45-67\u{2069} any time, day or night, we answer.",
                    None,
                ),
                (
                    "8s",
                    "00:00:10.250",
                    "Register within \u{2068}7\u{2069} days.",
                    None,
                ),
            ],
        },
        Set {
            lang: "ru",
            rtl: false,
            cues: vec![
                (
                    "0s",
                    "4s",
                    "Зарегистрируйте новый адрес в течение семи дней.",
                    None,
                ),
                (
                    "4s",
                    "9s",
                    "Звоните 8 800 555 35 35, мы ответим на любой вопрос.",
                    Some("Оператор"),
                ),
            ],
        },
    ]
}

/// The laid-out cues of a set, and its files written to `dir`.
struct Written {
    set: Set,
    cues: Vec<Cue>,
    vtt: PathBuf,
    srt: PathBuf,
}

fn write_all(dir: &Path) -> Vec<Written> {
    sets()
        .into_iter()
        .map(|set| {
            let limits = Limits::default();
            let cues: Vec<Cue> = set
                .cues
                .iter()
                .enumerate()
                .map(|(i, (start, end, text, speaker))| {
                    let broken = break_cue(text, *speaker, &limits);
                    assert!(broken.fits, "{text}: {:?}", broken.lines);
                    Cue {
                        start: Millis::parse(start).unwrap(),
                        end: Millis::parse(end).unwrap(),
                        lines: broken.lines,
                        speaker: speaker.map(str::to_string),
                        id: Some(format!("video-cue-{}", i + 1)),
                    }
                })
                .collect();
            assert_eq!(subtitles::check(&cues, &limits), [], "{}", set.lang);
            let track = Track { rtl: set.rtl };
            let vtt = dir.join(format!("{}.vtt", set.lang));
            let srt = dir.join(format!("{}.srt", set.lang));
            std::fs::write(&vtt, subtitles::vtt::write(track, &cues)).unwrap();
            std::fs::write(&srt, subtitles::srt::write(track, &cues)).unwrap();
            Written {
                set,
                cues,
                vtt,
                srt,
            }
        })
        .collect()
}

/// The text a viewer sees of a cue's lines: right-to-left lines framed by
/// RLM, left-to-right ones without any bidi control; Fluent's isolates kept
/// in right-to-left WebVTT.
fn shown(cue: &Cue, rtl: bool) -> Vec<String> {
    cue.lines
        .iter()
        .map(|l| {
            if rtl {
                format!("{RLM}{l}{RLM}")
            } else {
                subtitles::strip_bidi(l)
            }
        })
        .collect()
}

fn run_json(cmd: &mut Command) -> Value {
    let o = cmd.output().unwrap();
    assert!(
        o.status.success(),
        "{cmd:?} failed:\n{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{cmd:?} printed no JSON ({e}):\n{}",
            String::from_utf8_lossy(&o.stdout)
        )
    })
}

/// The independent parsers, when both are installed.
fn parsers_ready() -> bool {
    let vtt = repo()
        .join("tests/subtitles/node_modules/webvtt-parser")
        .is_dir()
        && Command::new("node")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    let srt = Command::new("python3")
        .args(["-c", "import srt"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !(vtt && srt) {
        assert!(
            std::env::var_os("PAMPHLET_REQUIRE_SUBTITLE_REFERENCE").is_none(),
            "the subtitle reference test needs node with npm ci --prefix tests/subtitles, \
             and python3 with srt==3.5.3"
        );
        eprintln!(
            "webvtt-parser (npm ci --prefix tests/subtitles) or the srt library \
             (pip install srt==3.5.3) missing; skipping"
        );
    }
    vtt && srt
}

#[test]
fn independent_parsers_read_the_same_cues() {
    if !parsers_ready() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let written = write_all(tmp.path());

    let vtt = run_json(
        Command::new("node")
            .arg(repo().join("tests/subtitles/vtt.mjs"))
            .args(written.iter().map(|w| &w.vtt)),
    );
    for (w, file) in written.iter().zip(vtt.as_array().unwrap()) {
        assert_eq!(file["errors"], Value::Array(vec![]), "{}", w.set.lang);
        let got = file["cues"].as_array().unwrap();
        assert_eq!(got.len(), w.cues.len(), "{}: {got:?}", w.set.lang);
        for (cue, g) in w.cues.iter().zip(got) {
            assert_eq!(g["id"], cue.id.clone().unwrap().as_str());
            assert_eq!(g["start"], cue.start.0);
            assert_eq!(g["end"], cue.end.0);
            assert_eq!(
                g["text"],
                shown(cue, w.set.rtl).join("\n"),
                "{}",
                w.set.lang
            );
            let voices: Vec<&str> = cue.speaker.iter().map(String::as_str).collect();
            assert_eq!(g["voices"], serde_json::json!(voices));
        }
    }
    // the escapes are there in the file, and decode to the text
    let en = std::fs::read_to_string(&written[1].vtt).unwrap();
    assert!(en.contains("Tom &amp; Jerry &lt;3"), "{en}");

    let srt = run_json(
        Command::new("python3")
            .arg(repo().join("tests/subtitles/srt_check.py"))
            .args(written.iter().map(|w| &w.srt)),
    );
    for (w, file) in written.iter().zip(srt.as_array().unwrap()) {
        assert_eq!(file["crlf"], true);
        assert_eq!(file["bom"], false);
        let got = file["cues"].as_array().unwrap();
        assert_eq!(got.len(), w.cues.len(), "{}: {got:?}", w.set.lang);
        for (n, (cue, g)) in w.cues.iter().zip(got).enumerate() {
            assert_eq!(g["index"], n + 1);
            assert_eq!(g["start"], cue.start.0);
            assert_eq!(g["end"], cue.end.0);
            let content = g["content"].as_str().unwrap();
            // the same words, the speaker's label first
            let words: String = content
                .chars()
                .filter(|c| !subtitles::is_bidi_control(*c))
                .collect();
            let mut want = cue.lines.join("\n");
            if let Some(s) = &cue.speaker {
                want = format!("{s}: {want}");
            }
            assert_eq!(words, subtitles::strip_bidi(&want), "{}", w.set.lang);
            let lines: Vec<&str> = content.split('\n').collect();
            assert_eq!(lines.len(), cue.lines.len());
            for line in lines {
                assert_eq!(
                    line.starts_with(RLM) && line.ends_with(RLM),
                    w.set.rtl,
                    "{line:?}"
                );
                if !w.set.rtl {
                    assert!(!line.chars().any(subtitles::is_bidi_control), "{line:?}");
                }
            }
        }
    }
}

/// Chromium, Node and playwright-core, when all are there.
fn browser() -> Option<PathBuf> {
    let chromium = std::env::var_os("PAMPHLET_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let ready = chromium.is_file()
        && node
        && repo()
            .join("tests/browser/node_modules/playwright-core")
            .is_dir();
    if !ready {
        assert!(
            std::env::var_os("PAMPHLET_REQUIRE_BROWSER").is_none(),
            "the subtitle browser test needs Chromium at {}, node, and npm ci --prefix tests/browser",
            chromium.display()
        );
        eprintln!(
            "Chromium, node or tests/browser/node_modules missing; skipping the subtitle browser test"
        );
        return None;
    }
    Some(chromium)
}

#[test]
fn chromium_loads_every_track_with_its_cues() {
    let Some(chromium) = browser() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let written = write_all(tmp.path());
    let screenshot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("subtitles-ar.png");
    let _ = std::fs::remove_file(&screenshot);
    let got = run_json(
        Command::new("node")
            .arg(repo().join("tests/browser/subtitles.mjs"))
            .arg(&chromium)
            .arg(&screenshot)
            .args(
                written
                    .iter()
                    .map(|w| format!("{}={}", w.vtt.display(), w.set.lang)),
            ),
    );
    for (w, track) in written.iter().zip(got.as_array().unwrap()) {
        assert_eq!(track["readyState"], 2, "{}: {track}", w.set.lang);
        let cues = track["cues"].as_array().unwrap();
        assert_eq!(cues.len(), w.cues.len(), "{}: {track}", w.set.lang);
        for (cue, c) in w.cues.iter().zip(cues) {
            assert_eq!(c["id"], cue.id.clone().unwrap().as_str());
            assert_eq!(c["start"], cue.start.0);
            assert_eq!(c["end"], cue.end.0);
            assert_eq!(
                c["text"],
                shown(cue, w.set.rtl).join("\n"),
                "{}",
                w.set.lang
            );
        }
    }
    assert!(
        screenshot.is_file(),
        "no screenshot at {}",
        screenshot.display()
    );
}
