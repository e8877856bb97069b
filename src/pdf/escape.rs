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
    fn strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(string(r#"a"b\c"#), r#"a\"b\\c"#);
        assert_eq!(string("x\ny"), "x\\u{a}y");
        assert_eq!(string("#exec"), "#exec");
    }
}
