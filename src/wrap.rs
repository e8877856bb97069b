//! Plain-text wrapping by display width.
//!
//! Widths come from `unicode-width`: wide East Asian characters count 2
//! columns, combining marks and bidi isolates 0. Lines break at spaces; a
//! word wider than the line is split between characters (never inside a
//! character followed by combining marks), and wide characters may break
//! anywhere, as CJK text does. Text is kept in logical order, never reordered.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    // printable ASCII is one column a byte, the common case
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    simple_width(s).unwrap_or_else(|| UnicodeWidthStr::width(s))
}

/// Characters one column wide that take part in no sequence `unicode-width`
/// measures as a whole: printable ASCII and the letters of Latin-1 and Latin
/// Extended, Greek, Cyrillic, Armenian and Georgian (their combining marks
/// excluded).
fn is_simple(c: char) -> bool {
    matches!(c,
        '\u{20}'..='\u{7e}'
        | '\u{a1}'..='\u{ac}'
        | '\u{ae}'..='\u{2ff}'
        | '\u{370}'..='\u{377}'
        | '\u{37a}'..='\u{37f}'
        | '\u{384}'..='\u{38a}'
        | '\u{38c}'
        | '\u{38e}'..='\u{3a1}'
        | '\u{3a3}'..='\u{482}'
        | '\u{48a}'..='\u{52f}'
        | '\u{531}'..='\u{556}'
        | '\u{559}'..='\u{58a}'
        | '\u{10a0}'..='\u{10c5}'
        | '\u{10d0}'..='\u{10ff}')
}

/// The width of `s` when every character is [`is_simple`] (one column
/// each), without the table lookups; `None` otherwise.
fn simple_width(s: &str) -> Option<usize> {
    let mut n = 0;
    for c in s.chars() {
        if !is_simple(c) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// Wraps `text` to `max` columns. The first line starts with `first`; the
/// following lines are indented by `indent` spaces. Existing line breaks are
/// kept as paragraph breaks.
pub fn wrap(text: &str, max: usize, first: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out =
        String::with_capacity(text.len() + text.len() / max.max(1) * (indent + 1) + first.len());
    out.push_str(first);
    let mut line_start = 0; // byte offset of the current line in `out`
    let mut line_w = width(first);
    let mut line_has_word = false;
    // the pieces of the current word, reused from word to word
    let mut parts: Vec<(&str, bool, usize)> = Vec::new();
    let new_line = |out: &mut String, line_start: &mut usize, line_w: &mut usize| {
        let kept = out.trim_end().len().max(*line_start);
        out.truncate(kept);
        out.push('\n');
        *line_start = out.len();
        out.push_str(&pad);
        *line_w = indent;
    };
    for (p, para) in text.split('\n').enumerate() {
        if p > 0 {
            new_line(&mut out, &mut line_start, &mut line_w);
            line_has_word = false;
        }
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            split_word(word, max.saturating_sub(indent).max(1), &mut parts);
            for &(piece, glued, w) in &parts {
                let sep = usize::from(line_has_word && !glued);
                if line_has_word && line_w + sep + w > max {
                    new_line(&mut out, &mut line_start, &mut line_w);
                } else if sep == 1 {
                    out.push(' ');
                    line_w += 1;
                }
                out.push_str(piece);
                line_w += w;
                line_has_word = true;
            }
        }
    }
    let kept = out.trim_end().len().max(line_start);
    out.truncate(kept);
    out
}

/// Splits a word into pieces that may start a new line: after every wide
/// character, and wherever the word must be cut to fit `max` columns. Each
/// piece comes with whether it continues the previous one without a space,
/// and its width. The pieces replace the contents of `out`.
fn split_word<'w>(word: &'w str, max: usize, out: &mut Vec<(&'w str, bool, usize)>) {
    out.clear();
    // the common cases: a word of one-column letters that fits, and a word
    // without wide characters whose bytes fit (no character is then wider
    // than its UTF-8 bytes, so the byte length bounds the width)
    if let Some(w) = simple_width(word).filter(|w| *w <= max) {
        out.push((word, false, w));
        return;
    }
    if word.len() <= max && !has_wide(word) {
        out.push((word, false, width(word)));
        return;
    }
    let push = |out: &mut Vec<(&'w str, bool, usize)>, piece: &'w str| {
        let glued = !out.is_empty();
        out.push((piece, glued, width(piece)));
    };
    let mut start = 0;
    let mut cur_w = 0;
    let mut chars = word.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let w = c.width().unwrap_or(0);
        if cur_w + w > max && i > start && w > 0 {
            push(out, &word[start..i]);
            start = i;
            cur_w = 0;
        }
        cur_w += w;
        // keep following zero-width characters (combining marks, isolates) with c
        while let Some(&(_, next)) = chars.peek() {
            if next.width().unwrap_or(0) == 0 {
                chars.next();
            } else {
                break;
            }
        }
        if w == 2
            && let Some(&(next, _)) = chars.peek()
        {
            push(out, &word[start..next]);
            start = next;
            cur_w = 0;
        }
    }
    if start < word.len() {
        push(out, &word[start..]);
    }
}

/// Does `word` contain a character two columns wide (CJK), after which a
/// line may break?
fn has_wide(word: &str) -> bool {
    // no character below U+1100 (the first Hangul Jamo) is wide: Latin,
    // Cyrillic, Arabic and most other scripts need no table lookup
    word.chars()
        .any(|c| c >= '\u{1100}' && c.width() == Some(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_within_width() {
        let out = wrap("the quick brown fox jumps over the lazy dog", 15, "", 0);
        assert_eq!(out, "the quick brown\nfox jumps over\nthe lazy dog");
        assert!(out.lines().all(|l| width(l) <= 15));
    }

    #[test]
    fn hanging_indent_for_list_items() {
        assert_eq!(
            wrap("one two three four", 10, "1. ", 3),
            "1. one two\n   three\n   four"
        );
    }

    #[test]
    fn simple_characters_are_one_column_alone_and_together() {
        let simple: Vec<char> = ('\0'..='\u{ffff}').filter(|c| is_simple(*c)).collect();
        assert!(simple.len() > 1000, "{}", simple.len());
        for &c in &simple {
            assert_eq!(c.width(), Some(1), "U+{:04X}", c as u32);
            assert_eq!(
                UnicodeWidthStr::width(c.to_string().as_str()),
                1,
                "U+{:04X}",
                c as u32
            );
        }
        // in pairs too: no sequence of them is measured as a whole
        for pair in simple.windows(2).step_by(3) {
            let s: String = pair.iter().collect();
            assert_eq!(UnicodeWidthStr::width(s.as_str()), 2, "{s:?}");
        }
        for s in ["Регистрация", "რეგისტრაცია", "Kayıt", "Ελλάδα", "Հայաստան"]
        {
            assert_eq!(width(s), UnicodeWidthStr::width(s), "{s}");
        }
        // Arabic (lam-alef is one column) and marks take the full rule
        assert_eq!(simple_width("لا"), None);
        assert_eq!(width("لا"), UnicodeWidthStr::width("لا"));
        assert_eq!(width("e\u{301}"), 1);
    }

    #[test]
    fn no_character_below_hangul_jamo_is_wide() {
        // has_wide skips the table below U+1100
        assert!(('\0'..'\u{1100}').all(|c| c.width() != Some(2)));
        assert_eq!('\u{1100}'.width(), Some(2));
    }

    #[test]
    fn cjk_counts_two_columns_and_breaks_between_characters() {
        let out = wrap("日本語のテキストです", 8, "", 0);
        assert_eq!(out, "日本語の\nテキスト\nです");
        assert!(out.lines().all(|l| width(l) <= 8));
    }

    #[test]
    fn combining_marks_and_isolates_are_zero_width() {
        // "e" + U+0301 is one column; FSI/PDI are invisible
        let text = "cafe\u{301} \u{2068}919\u{2069} x";
        assert_eq!(width("cafe\u{301}"), 4);
        assert_eq!(wrap(text, 8, "", 0), "cafe\u{301} \u{2068}919\u{2069}\nx");
    }

    #[test]
    fn overlong_words_are_cut_not_overflowing() {
        let out = wrap("https://migration.example/very/long/path", 12, "", 0);
        assert!(out.lines().all(|l| width(l) <= 12), "{out}");
        assert_eq!(
            out.replace('\n', ""),
            "https://migration.example/very/long/path"
        );
    }
}
