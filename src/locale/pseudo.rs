//! The built-in pseudo-locales, generated from the source locale's messages
//! when the catalog is loaded (there are no files for them):
//!
//! - `en-XA`: every Latin letter accented and every vowel doubled, so text
//!   is still readable, about a third longer, and any text that comes out
//!   plain was not localized (hard-coded in a template or a campaign);
//! - `ar-XB`: right-to-left (`dir="rtl"`), every word mirrored (its
//!   characters reversed, brackets swapped) and fenced by invisible marks:
//!   LEFT-TO-RIGHT MARKs (U+200E) inside keep the word one left-to-right run
//!   with its punctuation, RIGHT-TO-LEFT MARKs (U+200F) outside make the
//!   words line up from right to left as in a real right-to-left language.
//!   The line reads as the source text seen in a mirror, and the layout can
//!   be checked for mirroring. (No bidi embeddings or overrides are used:
//!   pamphlet refuses those in any text.)
//!
//! The transforms run inside Fluent on text elements only (fluent-bundle's
//! `set_transform`): placeables, variables, select keys and terms' arguments
//! are untouched, and the allow-listed inline markup (`<strong>`, `<br>`) is
//! kept as written. The bundle shares the source locale's parsed resources
//! and uses the source language's plural rules, so that its select variants
//! (written for the source language) are chosen as in the source. The chain
//! of a pseudo-locale is itself, then the source locale.
//!
//! The transforms are pamphlet's own rather than the `fluent-pseudo` crate's:
//! they must leave the inline markup allow-list intact, and `ar-XB` must get
//! its direction from plain marks, since bidi embeddings and overrides
//! (U+202A–U+202E) are refused in every text pamphlet prints.

use std::borrow::Cow;
use std::collections::HashMap;

use unic_langid::LanguageIdentifier;

use super::{LocaleData, new_bundle};
use crate::workspace::{Locale, LocaleId};

/// RIGHT-TO-LEFT MARK: an invisible, strongly right-to-left character.
const RLM: char = '\u{200F}';
/// LEFT-TO-RIGHT MARK: an invisible, strongly left-to-right character.
const LRM: char = '\u{200E}';

/// The transform of pseudo-locale `tag`, if it is one.
pub fn transform(tag: &str) -> Option<fn(&str) -> Cow<'_, str>> {
    match tag {
        "en-XA" => Some(accented),
        "ar-XB" => Some(mirrored),
        _ => None,
    }
}

/// Builds pseudo-locale `locale` (number `index`) from the source locale.
pub fn generate(
    locale: &Locale,
    index: LocaleId,
    source_index: LocaleId,
    source_id: &LanguageIdentifier,
    source: &LocaleData,
) -> LocaleData {
    let mut bundle = new_bundle(source_id);
    bundle.set_transform(transform(&locale.tag));
    for resource in source.files.iter().filter_map(|f| f.resource.clone()) {
        // duplicates were reported for the source; the first definition wins, as there
        let _ = bundle.add_resource(resource);
    }
    LocaleData {
        tag: locale.tag.clone(),
        rtl: locale.rtl,
        chain: vec![index, source_index],
        bundle,
        files: Vec::new(),
        index: Default::default(),
        duplicated: HashMap::new(),
        reviewed: Default::default(),
        // what the source cannot use, the pseudo-locale cannot either
        broken: source.broken.clone(),
        pseudo: true,
    }
}

/// Calls `f` with each piece of `text`: a markup tag such as `<strong>`,
/// `</em>` or `<br/>` (`true`), or the text between tags (`false`).
fn pieces(text: &str, mut f: impl FnMut(&str, bool)) {
    let mut start = 0;
    let mut pos = 0;
    while let Some(i) = text[pos..].find('<') {
        let at = pos + i;
        match tag_len(&text[at..]) {
            Some(len) => {
                if start < at {
                    f(&text[start..at], false);
                }
                f(&text[at..at + len], true);
                start = at + len;
                pos = start;
            }
            None => pos = at + 1,
        }
    }
    if start < text.len() {
        f(&text[start..], false);
    }
}

/// The length of the tag at the start of `s` (`<name>`, `</name>`,
/// `<name/>`, `<name />`: an element name without attributes), if any.
fn tag_len(s: &str) -> Option<usize> {
    let end = s.find('>')?;
    let inner = s[1..end].strip_prefix('/').unwrap_or(&s[1..end]);
    let inner = inner.strip_suffix('/').unwrap_or(inner).trim_end();
    let mut chars = inner.chars();
    (chars.next()?.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric()))
        .then_some(end + 1)
}

/// `en-XA`: letters accented, vowels doubled, markup kept.
pub fn accented(text: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(text.len() * 2);
    pieces(text, |piece, is_tag| {
        if is_tag {
            out.push_str(piece);
            return;
        }
        for c in piece.chars() {
            let a = accent(c);
            out.push(a);
            if matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u') {
                out.push(a.to_lowercase().next().unwrap_or(a));
            }
        }
    });
    Cow::Owned(out)
}

/// An accented look-alike of an ASCII letter; anything else as it is.
fn accent(c: char) -> char {
    const LOWER: [char; 26] = [
        'á', 'ƀ', 'ç', 'ð', 'é', 'ƒ', 'ĝ', 'ĥ', 'î', 'ĵ', 'ķ', 'ļ', 'ɱ', 'ñ', 'ö', 'þ', 'ǫ', 'ŕ',
        'š', 'ţ', 'û', 'ṽ', 'ŵ', 'ẋ', 'ý', 'ž',
    ];
    const UPPER: [char; 26] = [
        'Å', 'Ɓ', 'Ç', 'Ð', 'É', 'Ƒ', 'Ĝ', 'Ĥ', 'Î', 'Ĵ', 'Ķ', 'Ļ', 'Ṁ', 'Ñ', 'Ö', 'Þ', 'Ǫ', 'Ŕ',
        'Š', 'Ţ', 'Û', 'Ṽ', 'Ŵ', 'Ẋ', 'Ý', 'Ž',
    ];
    match c {
        'a'..='z' => LOWER[c as usize - 'a' as usize],
        'A'..='Z' => UPPER[c as usize - 'A' as usize],
        _ => c,
    }
}

/// `ar-XB`: each word reversed (a mirror image of it) between a
/// RIGHT-TO-LEFT MARK and a LEFT-TO-RIGHT MARK on either side; spaces and
/// markup kept in place.
pub fn mirrored(text: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    pieces(text, |piece, is_tag| {
        if is_tag {
            out.push_str(piece);
            return;
        }
        let mut word = Vec::new();
        let flush = |word: &mut Vec<char>, out: &mut String| {
            if !word.is_empty() {
                out.extend([RLM, LRM]);
                out.extend(word.drain(..).rev().map(mirror));
                out.extend([LRM, RLM]);
            }
        };
        for c in piece.chars() {
            if c.is_whitespace() {
                flush(&mut word, &mut out);
                out.push(c);
            } else {
                word.push(c);
            }
        }
        flush(&mut word, &mut out);
    });
    Cow::Owned(out)
}

/// The mirror image of a bracket or quote; anything else as it is.
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_is_readable_longer_and_keeps_markup() {
        assert_eq!(accented("Call us"), "Çááļļ ûûš");
        assert_eq!(
            accented("Go <strong>now</strong>!<br/>"),
            "Ĝöö <strong>ñööŵ</strong>!<br/>"
        );
        // not a tag: transformed as text
        assert_eq!(accented("a <b x>"), "áá <ƀ ẋ>");
        let source = "Register your place of stay within seven working days of arrival.";
        let grown = accented(source).chars().count() as f64 / source.chars().count() as f64;
        assert!((1.25..1.6).contains(&grown), "{grown}");
        assert_eq!(accented("12:30 – 5%"), "12:30 – 5%");
    }

    #[test]
    fn mirrored_reverses_words_between_right_to_left_marks() {
        let w = |w: &str| format!("{RLM}{LRM}{w}{LRM}{RLM}");
        assert_eq!(
            mirrored("Call (free) now?"),
            format!("{} {} {}", w("llaC"), w("(eerf)"), w("?won"))
        );
        assert_eq!(
            mirrored("<em>Hi</em> x\n"),
            format!("<em>{}</em> {}\n", w("iH"), w("x"))
        );
        assert_eq!(mirrored(" "), " ");
    }

    #[test]
    fn pieces_split_tags_from_text() {
        let mut seen = Vec::new();
        pieces("a<b>c</b><1>< br />", |p, t| seen.push((p.to_owned(), t)));
        let seen: Vec<(&str, bool)> = seen.iter().map(|(p, t)| (p.as_str(), *t)).collect();
        assert_eq!(
            seen,
            [
                ("a", false),
                ("<b>", true),
                ("c", false),
                ("</b>", true),
                ("<1>< br />", false)
            ]
        );
    }
}
