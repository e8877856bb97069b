//! The campaign's other channels (docs/channels.md): a video's cues become
//! WebVTT, SRT and a voice-over script, checked for reading speed; an SMS
//! document's messages become text with their encoding and segments,
//! checked against `max-segments`; slides become a 16:9 PDF, one image per
//! slide and a slideshow page. The files are compared with independent
//! readers in tests/subtitles_reference.rs and tests/sms_segments.rs.

use super::case::Case;
use super::expected::*;
use super::*;

const CAMPAIGN: &str = r#"title = "ch-title"

[[document]]
id = "video"
kind = "video"

[[document.block]]
type = "cue"
text = "ch-cue-one"
start = "00:00:01.000"
duration = "3s"
speaker = "ch-speaker"

[[document.block]]
type = "cue"
text = "ch-cue-two"
duration = "2.5s"
voice-over = "ch-voice-two"

[[document]]
id = "sms"
kind = "sms"
max-segments = 1

[[document.block]]
type = "sms"
text = "ch-sms"

[[document]]
id = "deck"
kind = "slides"

[[document.block]]
type = "heading"
level = 1
text = "ch-title"

[[document.block]]
type = "break"

[[document.block]]
type = "paragraph"
text = "ch-cue-one"
"#;

const EN: &str = "ch-title = Register on arrival
ch-speaker = Officer
ch-cue-one = Register your place of stay within 15 days.
ch-cue-two = It is free: call { $phone }.
ch-voice-two = Registration is free of charge. Call us on { $phone }.
ch-sms = Register your place of stay: example.org or { $phone }.
";

const AR: &str = "ch-title = سجّلوا عند الوصول
ch-speaker = الموظف
ch-cue-one = سجّلوا مكان إقامتكم خلال 15 يومًا.
ch-cue-two = التسجيل مجاني: اتصلوا بالرقم { $phone }.
ch-voice-two = التسجيل مجاني. اتصلوا بنا على الرقم { $phone }.
ch-sms = سجّلوا مكان إقامتكم: example.org أو { $phone }.
";

fn channels() -> Case {
    Case::fixture("mini")
        .edit(
            "pamphlet.toml",
            "locales = [\"en\", \"ar\", \"ru\"]",
            "locales = [\"en\", \"ar\", \"ru\"]\nformats = [\"html\", \"txt\", \"vtt\", \"srt\"]",
        )
        .write("campaigns/channels.toml", CAMPAIGN)
        .write("locales/en/channels.ftl", EN)
        .write("locales/ar/channels.ftl", AR)
}

#[test]
fn a_video_becomes_webvtt_srt_and_a_voice_over_script() {
    let case = channels();
    case.run(&["build", "--locale", "en", "--locale", "ar"])
        .code(0);
    let out = case.root().join("out/channels");
    assert_eq!(
        read(&out.join("en/video.vtt")),
        "WEBVTT\n\nch-cue-one\n00:00:01.000 --> 00:00:04.000\n<v Officer>Register your\nplace of stay within 15 days.</v>\n\n\
         ch-cue-two\n00:00:04.000 --> 00:00:06.500\nIt is free: call +1 555 0100.\n"
    );
    let srt = read(&out.join("en/video.srt"));
    assert!(
        srt.starts_with("1\r\n00:00:01,000 --> 00:00:04,000\r\nOfficer: Register your"),
        "{srt:?}"
    );
    assert!(
        srt.ends_with(
            "15 days.\r\n\r\n2\r\n00:00:04,000 --> 00:00:06,500\r\nIt is free: call +1 555 0100.\r\n"
        ),
        "{srt:?}"
    );
    let script = read(&out.join("en/video.txt"));
    assert!(
        script.contains("Registration is free of charge. Call us on +1 555 0100."),
        "the voice-over text, not the subtitle: {script}"
    );
    assert!(!script.contains("It is free: call"), "{script}");
    // right-to-left cue text starts and ends with a right-to-left mark
    // (inside the speaker's voice span), so that the full stop stays at the
    // end of an Arabic line
    let vtt = read(&out.join("ar/video.vtt"));
    let cue = vtt.lines().find(|l| l.contains("15")).unwrap();
    assert!(
        cue.starts_with("<v الموظف>\u{200F}") && cue.ends_with("\u{200F}</v>"),
        "{cue:?}"
    );
    let plain = vtt
        .lines()
        .find(|l| l.contains("example") || l.contains("555"))
        .unwrap();
    assert!(
        plain.starts_with('\u{200F}') && plain.ends_with('\u{200F}'),
        "{plain:?}"
    );
    assert!(
        !read(&out.join("en/video.vtt"))
            .chars()
            .any(|c| matches!(c, '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}')),
        "no bidi marks in a left-to-right track"
    );
    // the manifest: no paper, the cues, lines and duration
    let entry = manifest_entry(&case.root().join("out"), "channels/en/video.vtt");
    assert_eq!(entry["kind"], "video");
    assert!(entry.get("paper").is_none(), "{entry}");
    assert_eq!(entry["video"]["cues"], 2);
    assert_eq!(entry["video"]["lines"], 3);
    assert_eq!(entry["video"]["duration_seconds"], 6.5);
}

#[test]
fn a_translation_too_fast_to_read_is_a_warning_naming_cue_message_and_numbers() {
    let case = channels().edit(
        "locales/ar/channels.ftl",
        "ch-cue-two = التسجيل مجاني: اتصلوا بالرقم { $phone }.",
        "ch-cue-two = التسجيل مجاني تمامًا ولا توجد أي رسوم: اتصلوا بالرقم { $phone } في أي وقت.",
    );
    case.run(&["build", "--locale", "ar"])
        .code(0)
        .stderr(r#"
warning[subtitle-speed]: ar: video channels/video: cue 2 (`ch-cue-two`): 74 characters in 2.5 s is 29.6 characters per second; at most 17
  --> campaigns/channels.toml:16:8
   |
16 | text = "ch-cue-two"
   |        ^
  = hint: shorten the translation in locales/ar/, or give the cue more time in campaigns/channels.toml; the limits are [subtitles] in pamphlet.toml

built 8 files (2 campaigns × 1 locale), 0 fallbacks, 1 warning in [T] s → [ROOT]/out
"#);
    case.run(&["build", "--locale", "ar", "--strict"]).code(1);
    // a faster reading speed for Arabic, set in pamphlet.toml, lets it pass
    let faster = case.append(
        "pamphlet.toml",
        b"\n[subtitles]\nmax-cps = 17\n[subtitles.locale.ar]\nmax-cps = 40\n",
    );
    faster.run(&["build", "--locale", "ar", "--strict"]).code(0);
}

#[test]
fn an_sms_over_its_segments_is_a_warning_and_the_manifest_counts_segments() {
    let long = "Register your place of stay within fifteen days of arrival at example.org, \
                by e-mail, or at any office of the service; bring your passport and the form. { $phone }";
    let case = channels().edit(
        "locales/en/channels.ftl",
        "ch-sms = Register your place of stay: example.org or { $phone }.",
        &format!("ch-sms = {long}"),
    );
    case.run(&["build", "--locale", "en"])
        .code(0)
        .stderr(r#"
warning[sms-segments]: en: SMS `ch-sms` of channels/sms takes 2 segments (164 characters, GSM 7-bit), more than max-segments = 1
  --> campaigns/channels.toml:27:8
   |
27 | text = "ch-sms"
   |        ^
  = hint: shorten the translation in locales/en/, or raise max-segments (each segment is billed)

built 8 files (2 campaigns × 1 locale), 0 fallbacks, 1 warning in [T] s → [ROOT]/out
"#);
    let text = read(&case.root().join("out/channels/en/sms.txt"));
    assert!(text.starts_with("Register your place"), "{text}");
    assert!(
        !text.chars().any(|c| matches!(c, '\u{2066}'..='\u{2069}')),
        "no isolation marks around the phone number: they would force UCS-2"
    );
    let entry = manifest_entry(&case.root().join("out"), "channels/en/sms.txt");
    assert_eq!(entry["sms"][0]["encoding"], "gsm-7");
    assert_eq!(entry["sms"][0]["segments"], 2);
}

#[test]
fn characters_that_alone_force_ucs2_are_named_so_the_author_can_choose() {
    let case = channels().edit(
        "locales/en/channels.ftl",
        "ch-sms = Register your place of stay: example.org or { $phone }.",
        "ch-sms = Register your place of stay: “example.org” or { $phone }.",
    );
    case.run(&["check", "--locale", "en"]).stderr(&[
        r#"
info[sms-ucs2]: en: SMS `ch-sms` of channels/sms goes out as UCS-2 (58 characters in 1 segment): “ ×1, ” ×1 force UCS-2, which holds 70 characters a message (67 a segment) where GSM 7-bit holds 160 (153)
  --> campaigns/channels.toml:27:8
   |
27 | text = "ch-sms"
   |        ^

"#,
        MINI_EN_INTRO_RECEIPT,
        "checked: 0 errors, 1 warning\n",
    ]
    .concat());
}

#[test]
fn video_and_sms_documents_are_checked_where_the_campaign_writes_them() {
    Case::fixture("mini")
        .write(
            "campaigns/broken.toml",
            "title = \"notice-title\"\n\n[[document]]\nid = \"video\"\nkind = \"video\"\npaper = \"A5\"\n\n\
             [[document.block]]\ntype = \"cue\"\ntext = \"notice-title\"\n\n\
             [[document.block]]\ntype = \"paragraph\"\ntext = \"notice-title\"\n\n\
             [[document]]\nid = \"sms\"\nkind = \"sms\"\n\n[[document.block]]\ntype = \"sms\"\ntext = \"notice-title\"\nstart = \"1s\"\n",
        )
        .run(&["build"])
        .code(1)
        .stderr(r#"
error[document-paper]: a video document has no paper size
  --> campaigns/broken.toml:6:9
  |
6 | paper = "A5"
  |         ^
  = hint: remove `paper`

error[block-missing]: a cue block needs 'duration' (or 'end')
  --> campaigns/broken.toml:9:8
  |
9 | type = "cue"
  |        ^
  = hint: add duration = "3.5s": how long the subtitle shows

error[block-type]: a video document has no paragraph blocks
  --> campaigns/broken.toml:13:8
   |
13 | type = "paragraph"
   |        ^
  = hint: a video document takes: cue

error[block-field]: field 'start' is not used by an sms block
  --> campaigns/broken.toml:23:9
   |
23 | start = "1s"
   |         ^
  = hint: an sms block takes: text

error: 4 errors; nothing was built
"#)
        .nothing_written();
}

#[test]
fn slides_are_a_16_by_9_pdf_and_one_full_hd_image_per_slide() {
    let case = channels();
    case.run(&[
        "build", "--locale", "en", "--format", "pdf", "--format", "png", "--format", "html",
    ])
    .code(0);
    let out = case.root().join("out/channels/en");
    for n in 1..=2 {
        let png = std::fs::read(out.join(format!("deck.0{n}.png"))).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let (w, h) = (
            u32::from_be_bytes(png[16..20].try_into().unwrap()),
            u32::from_be_bytes(png[20..24].try_into().unwrap()),
        );
        assert_eq!((w, h), (1920, 1080), "slide {n}");
    }
    assert!(!out.join("deck.03.png").exists());
    assert!(!out.join("video.pdf").exists(), "a video has no PDF");
    if let Some(info) = super::pdf::poppler("pdfinfo", &[], &out.join("deck.pdf")) {
        assert!(info.contains("Pages:           2"), "{info}");
        assert!(
            info.contains("907.087 x 510.236 pts"),
            "320 x 180 mm: {info}"
        );
    }
    let html = read(&out.join("deck.html"));
    assert_eq!(html.matches("<section class=\"slide").count(), 2);
    let slides: Vec<serde_json::Value> = manifest_files(&case.root().join("out"))
        .into_iter()
        .filter(|f| f["document"] == "deck" && f["format"] == "png")
        .collect();
    assert_eq!(slides.len(), 2);
    assert_eq!(slides[1]["slide"], 2);
    assert_eq!(slides[1]["paper"], "16:9");
}

#[test]
fn a_slide_too_full_at_the_smallest_size_is_reported_by_slide() {
    let many: String = (1..=40)
        .map(|i| {
            format!("\n[[document.block]]\ntype = \"paragraph\"\ntext = \"ch-cue-one\"\n# {i}\n")
        })
        .collect();
    // the built-in fonts only, so that where the slide overflows is the same on every machine
    let case = channels()
        .append("campaigns/channels.toml", many.as_bytes())
        .append("pamphlet.toml", "\n[pdf]\nsystem-fonts = false\n");
    case.run(&["build", "--locale", "en", "--format", "pdf"])
        .code(0)
        .stderr(r#"
warning[pdf-overflow]: en: slide 2 of channels/deck does not fit in the PDF: from block 15 (paragraph) on, the content runs onto 2 more pages; messages: ch-cue-one
  --> campaigns/channels.toml:112:8
    |
112 | text = "ch-cue-one"
    |        ^
  = hint: shorten these messages in locales/en/, or move blocks to another slide with a `break` block

built 2 files (2 campaigns × 1 locale), 0 fallbacks, 1 warning in [T] s → [ROOT]/out
"#);
}

#[test]
fn the_slideshow_works_with_keys_and_in_kiosk_mode_and_passes_axe_core() {
    let Some((chromium, driver)) = browser_driver("slides.mjs") else {
        return;
    };
    let case = channels();
    case.run(&["build", "--format", "html"]).code(0);
    let out = case.root().join("out/channels");
    let run = std::process::Command::new("node")
        .arg(driver)
        .arg(chromium)
        .arg(out.join("en/deck.html"))
        .arg(out.join("ar/deck.html"))
        .output()
        .unwrap();
    let steps = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(
        run.status.success(),
        "{steps}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // per direction and width: 2 slides fit, 6 other checks; then 2 of kiosk mode
    assert_eq!(
        steps.matches("ok: ").count(),
        2 * 2 * (2 + 6) + 2,
        "{steps}"
    );
}
