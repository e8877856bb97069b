//! Escaping text for Typst sources, so that a translation is always printed
//! as text and never runs as Typst code.
//!
//! Two contexts exist in the PDF templates:
//!
//! - markup (`[…]` content blocks and the body): every ASCII punctuation
//!   character gets a backslash (`\#`, `\[`, `\*`, `\$`, `\<`, `\@`, `\\`, …),
//!   which Typst reads as the literal character; line breaks become spaces,
//!   so a translation cannot start a heading (`=`) or a list (`-`) on a line of
//!   its own, and `//` cannot start a comment;
//! - string literals (`"…"`): only `\` and `"` are special there; control
//!   characters are written as `\u{…}` escapes.

/// Escapes `text` for Typst markup.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    markup_into(text, &mut out);
    out
}

/// Appends `text`, escaped for Typst markup, to `out`.
pub fn markup_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Escapes `text` for the inside of a Typst string literal.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// An image `data:` URI (as `render::datauri` writes them) as the first
/// arguments of Typst's `image`: `bytes("<svg…>"), format: "svg"` for SVG,
/// `bytes((137, 80, …)), format: "png"` for the others.
pub fn image(uri: &str) -> Option<String> {
    let rest = uri.strip_prefix("data:")?;
    let (head, data) = rest.split_once(',')?;
    let (media, base64) = match head.strip_suffix(";base64") {
        Some(m) => (m, true),
        None => (head, false),
    };
    let format = match media {
        "image/svg+xml" => "svg",
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        _ => return None,
    };
    let bytes = if base64 {
        decode_base64(data)?
    } else {
        data.as_bytes().to_vec()
    };
    if format == "svg" {
        let text = String::from_utf8(bytes).ok()?;
        return Some(format!("bytes(\"{}\"), format: \"svg\"", string(&text)));
    }
    let mut out = String::with_capacity(bytes.len() * 4 + 32);
    out.push_str("bytes((");
    for b in bytes {
        out.push_str(&b.to_string());
        out.push(',');
    }
    out.push_str(&format!(")), format: \"{format}\""));
    Some(out)
}

/// Standard base64 (with or without padding); `None` on any other byte.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_every_special_character() {
        assert_eq!(markup("#exec(\"x\")"), "\\#exec\\(\\\"x\\\"\\)");
        assert_eq!(markup("a]b[c"), "a\\]b\\[c");
        assert_eq!(
            markup("*bold* _it_ $x$ `r`"),
            "\\*bold\\* \\_it\\_ \\$x\\$ \\`r\\`"
        );
        assert_eq!(
            markup("\\u{41} <lbl> @ref"),
            "\\\\u\\{41\\} \\<lbl\\> \\@ref"
        );
        assert_eq!(
            markup("x\n= Heading\n- item // c"),
            "x \\= Heading \\- item \\/\\/ c"
        );
        assert_eq!(markup("Привет, دنیا"), "Привет\\, دنیا");
        assert_eq!(markup("a\u{0}b\u{7}"), "ab");
    }

    #[test]
    fn allowed_inline_markup_becomes_typst_and_nothing_else_does() {
        use crate::render::markup::to_typst;
        assert_eq!(
            to_typst("Apply <strong>within 15 days</strong> #x"),
            "Apply #strong[within 15 days] \\#x"
        );
        assert_eq!(
            to_typst("<em>]#set text(red)[</em>"),
            "#emph[\\]\\#set text\\(red\\)\\[]"
        );
        assert_eq!(
            to_typst("a<br>b <script>x</script>"),
            "a#linebreak()b \\<script\\>x\\<\\/script\\>"
        );
        assert_eq!(to_typst("<b class=x>y</b>"), "\\<b class\\=x\\>y\\<\\/b\\>");
    }

    #[test]
    fn strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(string(r#"a"b\c"#), r#"a\"b\\c"#);
        assert_eq!(string("x\ny"), "x\\u{a}y");
        assert_eq!(string("#exec"), "#exec");
    }

    #[test]
    fn data_uris_become_typst_bytes() {
        let svg = crate::datauri::encode("image/svg+xml", b"<svg a=\"1\"/>");
        assert_eq!(
            image(&svg).unwrap(),
            "bytes(\"<svg a=\\\"1\\\"/>\"), format: \"svg\""
        );
        let png = crate::datauri::encode("image/png", &[137, 80, 0, 255]);
        assert_eq!(
            image(&png).unwrap(),
            "bytes((137,80,0,255,)), format: \"png\""
        );
        assert_eq!(image("javascript:alert(1)"), None);
        assert_eq!(decode_base64("TWFu").unwrap(), b"Man");
        assert_eq!(decode_base64("TWE=").unwrap(), b"Ma");
    }
}
