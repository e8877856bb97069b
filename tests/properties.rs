//! Property tests: invariants of the pure pieces that hostile input reaches
//! first, checked on generated input.

use pamphlet::locale::pseudo;
use pamphlet::render::{attrs, markup};
use pamphlet::source::{self, LineIndex};
use pamphlet::workspace::slug;
use pamphlet::wrap;
use proptest::prelude::*;

fn words() -> impl Strategy<Value = String> {
    // Latin, Cyrillic, Arabic, CJK, combining marks, isolates, spaces
    proptest::collection::vec(
        prop_oneof![
            Just("a"),
            Just("ж"),
            Just("ع"),
            Just("日"),
            Just("e\u{301}"),
            Just("\u{2068}"),
            Just("\u{2069}"),
            Just(" "),
            Just("  "),
            Just("x"),
            Just("https://example.org/a/very/long/path/segment"),
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn wrapped_lines_fit_and_keep_every_character(text in words(), width in 4usize..80, indent in 0usize..3) {
        let first = " ".repeat(indent);
        let out = wrap::wrap(&text, width, &first, indent);
        for line in out.lines() {
            prop_assert!(wrap::width(line) <= width, "{line:?} is wider than {width}");
        }
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(squash(&out), squash(&text));
    }

    #[test]
    fn sanitized_html_has_only_allowed_tags(text in "[<>/a-z=\" &;émbrgsp]{0,80}") {
        let html = markup::to_html(&text);
        let mut rest = html.as_str();
        while let Some(i) = rest.find('<') {
            let after = &rest[i + 1..];
            let end = after.find('>').expect("every tag is closed");
            let name = after[..end].trim_start_matches('/');
            prop_assert!(INLINE.contains(&name), "tag {name:?} in {html:?}");
            rest = &after[end..];
        }
        prop_assert!(!html.contains('"') && !html.contains('\''));
        // the text view never loses letters
        let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic() && !"embrgspisu".contains(*c)).count();
        prop_assert_eq!(letters(&markup::to_text(&text)), letters(&text));
    }

    #[test]
    fn pseudo_locales_keep_markup_and_transform_only_text(text in "(<(/?)(em|strong|br)>|[a-zA-Z(). ?\n]|<x>|<){0,40}") {
        let tags = |html: &str| {
            let mut out = Vec::new();
            let mut rest = html;
            while let Some(i) = rest.find('<') {
                let end = rest[i..].find('>').expect("tags are closed") + i;
                out.push(rest[i..=end].to_owned());
                rest = &rest[end + 1..];
            }
            out
        };
        let source = markup::to_html(&text);
        for transformed in [pseudo::accented(&text), pseudo::mirrored(&text)] {
            prop_assert_eq!(tags(&markup::to_html(&transformed)), tags(&source), "{:?}", transformed);
            // whitespace (and so the line breaks) stay where they were
            let spaces = |s: &str| s.chars().filter(|c| c.is_whitespace()).collect::<String>();
            prop_assert_eq!(spaces(&transformed), spaces(&text));
        }
        let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
        prop_assert!(letters(&pseudo::accented(&text)) >= letters(&text));
        prop_assert!(!pseudo::accented(&text).chars().any(|c| "aeiouAEIOU".contains(c)) || text.contains(['<']));
    }

    #[test]
    fn isolates_never_survive_in_attributes_and_stay_in_text(value in words(), body in words()) {
        // LRI, RLI, FSI and PDI, written out rather than taken from the code under test
        let strip = |s: &str| s.chars().filter(|c| !('\u{2066}'..='\u{2069}').contains(c)).collect::<String>();
        let html = format!("<p title=\"{value}\" data-x='{value}'>{body}<br class={}></p>", strip(&value).replace(' ', ""));
        let mut out = html.into_bytes();
        attrs::strip_isolates(&mut out);
        let out = String::from_utf8(out).expect("stripping keeps UTF-8 whole");
        prop_assert_eq!(
            out,
            format!("<p title=\"{}\" data-x='{}'>{body}<br class={}></p>", strip(&value), strip(&value), strip(&value).replace(' ', ""))
        );
    }

    #[test]
    fn decoding_never_panics_and_points_inside_the_file(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        match source::decode(bytes.clone()) {
            Ok(text) => {
                prop_assert!(text.len() <= bytes.len());
                prop_assert!(std::str::from_utf8(&bytes).is_ok(), "accepted invalid UTF-8");
            }
            Err(source::EncodingError::InvalidUtf8(_)) => {
                prop_assert!(std::str::from_utf8(&bytes).is_err(), "refused valid UTF-8");
            }
            Err(e) => {
                let p = e.position();
                prop_assert!(p.line >= 1 && p.col >= 1);
                prop_assert!(p.line <= bytes.iter().filter(|b| **b == b'\n').count() + 1);
            }
        }
    }

    #[test]
    fn positions_are_total(text in "\\PC{0,40}", offset in 0usize..200) {
        let idx = LineIndex::new(&text);
        let p = idx.position(&text, offset);
        prop_assert!(p.line >= 1 && p.col >= 1);
        let _ = idx.line_text(&text, p.line);
    }

    #[test]
    fn accepted_slugs_are_safe_file_names(
        s in "[a-z0-9-]{0,70}",
        mutation in proptest::option::of((0usize..71, "\\PC")),
    ) {
        // mostly valid ids, some with one character of any kind put in
        let mut s = s;
        if let Some((at, c)) = mutation {
            s.insert_str(at.min(s.len()), &c);
        }
        if slug::validate(&s).is_ok() {
            prop_assert!(!s.contains(['/', '\\', ':', '.']) && !s.is_empty() && s.len() <= 64);
            prop_assert!(s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
        }
    }

    #[test]
    fn dangerous_characters_are_found_on_bytes_as_on_chars(
        shift in 0usize..4,
        clean in 0usize..80,
        tail in "[a ж\u{0}-\u{1f}\u{7f}-\u{a0}\u{2028}-\u{2030}\u{2066}-\u{2069}\u{fffc}-\u{fffe}\u{f000}\u{c0}\u{e000}日]{0,40}"
    ) {
        // a run of plain letters first, so that whole blocks are skipped, and
        // a few ASCII letters before it, so that characters straddle the
        // blocks' edges at every offset
        let text = format!("{}{}{tail}", "a".repeat(shift), "é".repeat(clean));
        prop_assert_eq!(
            pamphlet::locale::first_dangerous(&text),
            text.chars().find(|c| in_dangerous_table(*c))
        );
    }

    #[test]
    fn the_character_check_prefilter_never_skips_what_it_reports(
        clean in 0usize..40,
        tail in "[a ж\\\\uU\u{0}-\u{1f}\u{7f}-\u{a0}\u{61b}-\u{61d}\u{200d}-\u{2010}\u{2029}-\u{202f}\u{2065}-\u{206a}\u{2014}\u{fffc}-\u{fffe}]{0,30}"
    ) {
        let text = format!("{}{tail}", "ا".repeat(clean));
        let reported = |c: char| {
            (c.is_control() && c != '\n' && c != '\t' && c != '\r')
                || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FFFD}')
        };
        let needed = text.contains("\\u") || text.contains("\\U") || text.chars().any(reported);
        let looked = pamphlet::checks::characters::may_need_a_look(text.as_bytes());
        prop_assert!(looked || !needed, "skipped {:?}", text);
        // and it says yes in vain only for a backslash
        prop_assert!(!looked || needed || text.contains('\\'), "looked at {:?}", text);
    }
}

/// The characters that must never reach a document (docs/safety.md: bidi
/// overrides, control characters, U+FFFD), written out as ranges: the oracle of
/// `locale::is_dangerous` and `locale::first_dangerous`, independent of both.
const DANGEROUS: [(char, char); 5] = [
    // C0 controls but tab (U+0009) and line feed (U+000A)
    ('\u{0}', '\u{8}'),
    ('\u{b}', '\u{1f}'),
    // DEL and the C1 controls
    ('\u{7f}', '\u{9f}'),
    // LRE, RLE, PDF, LRO, RLO: the embeddings and overrides
    ('\u{202a}', '\u{202e}'),
    // the replacement character, the mark of a decoding error
    ('\u{fffd}', '\u{fffd}'),
];

fn in_dangerous_table(c: char) -> bool {
    DANGEROUS
        .iter()
        .any(|(from, to)| (*from..=*to).contains(&c))
}

#[test]
fn every_character_is_dangerous_exactly_when_the_table_says_so() {
    let differ: Vec<String> = (0..=0x10FFFF)
        .filter_map(char::from_u32)
        .filter(|c| pamphlet::locale::is_dangerous(*c) != in_dangerous_table(*c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert_eq!(differ, Vec::<String>::new());
}

/// The inline elements a translation may use as formatting (docs/safety.md:
/// bare, without attributes), written out: the oracle of the markup
/// sanitizer, independent of its own lists, so that an element added there
/// must be added here on purpose.
const INLINE: [&str; 22] = [
    "em", "strong", "small", "s", "cite", "q", "dfn", "abbr", "code", "var", "samp", "kbd", "sub",
    "sup", "i", "b", "u", "mark", "bdi", "span", "br", "wbr",
];

#[test]
fn elements_that_load_run_or_lay_out_stay_text() {
    for tag in [
        "script", "style", "iframe", "img", "a", "svg", "math", "object", "embed", "link", "meta",
        "base", "form", "input", "button", "template", "p", "div", "h1", "table",
    ] {
        for text in [
            format!("<{tag}>x</{tag}>"),
            format!("<{tag}/>"),
            format!("<{tag} src=y>"),
        ] {
            let html = markup::to_html(&text);
            assert!(!html.contains('<'), "{text:?} gave {html:?}");
        }
    }
}
