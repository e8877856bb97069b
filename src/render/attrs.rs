//! Bidi isolation marks kept out of HTML attribute values.
//!
//! Fluent wraps every placeable in FIRST STRONG ISOLATE … POP DIRECTIONAL
//! ISOLATE (U+2068 … U+2069), and the `ltr` filter uses U+2066. In visible
//! text they keep a Latin phone number readable inside Arabic; in an
//! attribute (`alt`, `title`, `aria-label`, `href`) they do nothing useful:
//! screen readers may spell them out, and in a link target they break the
//! URL. Templates pass localized attribute text through the `attr` filter,
//! and every rendered HTML page goes through [`strip_isolates`], so that no
//! template, default or a workspace's own, can put an isolate into an
//! attribute.

use std::borrow::Cow;

/// The bidi isolates: LRI, RLI, FSI and PDI.
pub const ISOLATES: [char; 4] = ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];

/// `text` without bidi isolates.
pub fn without_isolates(text: &str) -> Cow<'_, str> {
    if has_isolate(text.as_bytes()) {
        Cow::Owned(text.replace(ISOLATES, ""))
    } else {
        Cow::Borrowed(text)
    }
}

/// Appends `bytes` (UTF-8) to `out` without their bidi isolates.
pub fn extend_without_isolates(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut copied = 0;
    for i in memchr::memchr_iter(0xE2, bytes) {
        if i >= copied && is_isolate(bytes, i) {
            out.extend_from_slice(&bytes[copied..i]);
            copied = i + 3;
        }
    }
    out.extend_from_slice(&bytes[copied..]);
}

/// Whether `bytes` (UTF-8) contain a bidi isolate.
pub fn has_isolate(bytes: &[u8]) -> bool {
    // a one-byte search: building a substring searcher for every tag of a
    // page cost more than the search itself
    memchr::memchr_iter(0xE2, bytes).any(|i| is_isolate(bytes, i))
}

/// Removes every bidi isolate from attribute values (and from anything else
/// inside a tag) of `html`, in place; text, comments and the contents of
/// `<style>` and `<script>` are left as they are. Works on the bytes as Tera
/// wrote them: the isolates are the UTF-8 sequences `E2 81 A6`…`E2 81 A9`, and
/// every byte the scan looks for is ASCII, which never occurs inside a
/// multi-byte character.
pub fn strip_isolates(html: &mut Vec<u8>) {
    if !has_isolate(html) {
        return;
    }
    // `write`: the end of the kept bytes; `copied`: the end of what was read
    let mut write = 0;
    let mut copied = 0;
    let mut pos = 0;
    while let Some(i) = memchr::memchr(b'<', &html[pos..]) {
        let at = pos + i;
        if html[at..].starts_with(b"<!--") {
            pos = find(&html[at..], b"-->").map_or(html.len(), |e| at + e + 3);
            continue;
        }
        let is_tag = html
            .get(at + 1)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/' || *b == b'!');
        if !is_tag {
            pos = at + 1;
            continue;
        }
        let end = tag_end(html, at);
        // most tags hold no isolate: they stay where they are, or move in one piece
        if has_isolate(&html[at..end]) {
            html.copy_within(copied..at, write);
            write += at - copied;
            let mut kept = at;
            let mut i = at;
            while let Some(k) = memchr::memchr(0xE2, &html[i..end]) {
                let j = i + k;
                if is_isolate(html, j) {
                    html.copy_within(kept..j, write);
                    write += j - kept;
                    kept = j + 3;
                    i = j + 3;
                } else {
                    i = j + 1;
                }
            }
            html.copy_within(kept..end, write);
            write += end - kept;
            copied = end;
        }
        pos = end;
        // raw text: skip to the element's end tag
        let name_len = html[at + 1..end]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = html[at + 1..at + 1 + name_len].to_ascii_lowercase();
        if name == b"style" || name == b"script" {
            // the first `</` followed by the element's name, in any case
            pos = memchr::memmem::find_iter(&html[end..], b"</")
                .map(|e| end + e)
                .find(|&e| {
                    html.get(e + 2..e + 2 + name.len())
                        .is_some_and(|n| n.eq_ignore_ascii_case(&name))
                })
                .unwrap_or(html.len());
        }
    }
    let len = html.len();
    html.copy_within(copied..len, write);
    html.truncate(write + len - copied);
}

/// Whether a bidi isolate (LRI, RLI, FSI or PDI) starts at byte `i`.
fn is_isolate(bytes: &[u8], i: usize) -> bool {
    bytes[i] == 0xE2
        && bytes.get(i + 1) == Some(&0x81)
        && matches!(bytes.get(i + 2), Some(0xA6..=0xA9))
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// The end (after `>`) of the tag starting at `start`; `>` inside quoted
/// attribute values does not end it.
fn tag_end(html: &[u8], start: usize) -> usize {
    let mut i = start;
    while let Some(k) = memchr::memchr3(b'"', b'\'', b'>', &html[i..]) {
        let at = i + k;
        match html[at] {
            b'>' => return at + 1,
            quote => match memchr::memchr(quote, &html[at + 1..]) {
                Some(close) => i = at + 1 + close + 1,
                None => return html.len(),
            },
        }
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(html: &str) -> String {
        let mut bytes = html.as_bytes().to_vec();
        strip_isolates(&mut bytes);
        String::from_utf8(bytes).expect("stripping keeps UTF-8 whole")
    }

    #[test]
    fn isolates_leave_attributes_and_stay_in_text() {
        let html = "<p title=\"Call \u{2068}+1 555\u{2069}\">Call \u{2068}+1 555\u{2069}</p>\
                    <img alt='a \u{2066}b\u{2069} > c' src=x>\u{2068}d\u{2069}";
        assert_eq!(
            stripped(html),
            "<p title=\"Call +1 555\">Call \u{2068}+1 555\u{2069}</p>\
             <img alt='a b > c' src=x>\u{2068}d\u{2069}"
        );
    }

    #[test]
    fn comments_style_and_stray_brackets_are_text() {
        let html = "<style>p::after { content: \"\u{2068}\" } a<b</style>\
                    <!-- <a title=\"\u{2068}\"> -->1 < 2 \u{2069}<br title=\"\u{2067}x\u{2069}\">";
        assert_eq!(
            stripped(html),
            "<style>p::after { content: \"\u{2068}\" } a<b</style>\
             <!-- <a title=\"\u{2068}\"> -->1 < 2 \u{2069}<br title=\"x\">"
        );
        assert_eq!(stripped("<p>x</p>"), "<p>x</p>");
        assert_eq!(
            stripped("<STYLE>\u{2068}</Style><b title=\"\u{2069}\">\u{2068}"),
            "<STYLE>\u{2068}</Style><b title=\"\">\u{2068}"
        );
        assert_eq!(stripped("<a title='\u{2066}"), "<a title='");
        assert_eq!(
            without_isolates("\u{2066}a\u{2067}b\u{2068}c\u{2069}"),
            "abc"
        );
    }
}
