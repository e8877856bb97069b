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
    if text.contains(ISOLATES) {
        Cow::Owned(text.replace(ISOLATES, ""))
    } else {
        Cow::Borrowed(text)
    }
}

/// `html` with every bidi isolate removed from attribute values (and from
/// anything else inside a tag); text, comments and the contents of `<style>`
/// and `<script>` are left as they are.
pub fn strip_isolates(html: &str) -> Cow<'_, str> {
    if !html.contains(ISOLATES) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let bytes = html.as_bytes();
    // `copied`: the end of what is already in `out`
    let mut copied = 0;
    let mut pos = 0;
    while let Some(i) = html[pos..].find('<') {
        let at = pos + i;
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            pos = rest.find("-->").map_or(html.len(), |e| at + e + 3);
            continue;
        }
        let is_tag = bytes
            .get(at + 1)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/' || *b == b'!');
        if !is_tag {
            pos = at + 1;
            continue;
        }
        let end = tag_end(html, at);
        out.push_str(&html[copied..at]);
        out.extend(html[at..end].chars().filter(|c| !ISOLATES.contains(c)));
        copied = end;
        pos = end;
        // raw text: skip to the element's end tag
        let name: String = html[at + 1..end]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name == "style" || name == "script" {
            let close = format!("</{name}");
            pos = html[end..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(html.len(), |e| end + e);
        }
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// The end (after `>`) of the tag starting at `start`; `>` inside quoted
/// attribute values does not end it.
fn tag_end(html: &str, start: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (i, &b) in html.as_bytes()[start..].iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return start + i + 1,
            None => {}
        }
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isolates_leave_attributes_and_stay_in_text() {
        let html = "<p title=\"Call \u{2068}+1 555\u{2069}\">Call \u{2068}+1 555\u{2069}</p>\
                    <img alt='a \u{2066}b\u{2069} > c' src=x>\u{2068}d\u{2069}";
        assert_eq!(
            strip_isolates(html),
            "<p title=\"Call +1 555\">Call \u{2068}+1 555\u{2069}</p>\
             <img alt='a b > c' src=x>\u{2068}d\u{2069}"
        );
    }

    #[test]
    fn comments_style_and_stray_brackets_are_text() {
        let html = "<style>p::after { content: \"\u{2068}\" } a<b</style>\
                    <!-- <a title=\"\u{2068}\"> -->1 < 2 \u{2069}<br title=\"\u{2067}x\u{2069}\">";
        assert_eq!(
            strip_isolates(html),
            "<style>p::after { content: \"\u{2068}\" } a<b</style>\
             <!-- <a title=\"\u{2068}\"> -->1 < 2 \u{2069}<br title=\"x\">"
        );
        assert!(matches!(strip_isolates("<p>x</p>"), Cow::Borrowed(_)));
        assert_eq!(
            without_isolates("\u{2066}a\u{2067}b\u{2068}c\u{2069}"),
            "abc"
        );
    }
}
