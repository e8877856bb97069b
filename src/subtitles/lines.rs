//! Breaking a cue's text into subtitle lines.
//!
//! Width is display width (`unicode-width`): East Asian wide characters
//! count 2, combining marks and invisible bidi marks 0. The rules, in order:
//!
//! - text with an explicit line break keeps the author's lines as written;
//! - text that fits on one line stays on one line;
//! - otherwise it takes the fewest lines that fit, and among those breaks
//!   prefers balanced lines, a lower line no shorter than the upper one
//!   (the "pyramid" of subtitling guidelines), and a break after phrase
//!   punctuation (`, . ; : ! ? …`, Arabic `، ؛ ؟`, Urdu `۔`, CJK `、。`);
//! - a break falls only on white space, and never inside a Fluent placeable
//!   (the span between an isolate mark U+2066–U+2068 and its U+2069), nor
//!   inside a phone number or a number grouped with spaces (`+7 (495)
//!   123-45-67`, `8 800 555 35 35`, `1 000 000`).
//!
//! When the text cannot fit `max_lines` lines of `max_width`, the result is
//! the layout with the least overflow and `fits: false`.

use unicode_width::UnicodeWidthStr;

/// A cue text broken into lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    pub lines: Vec<String>,
    /// Every line is at most `max_width` wide and there are at most
    /// `max_lines` of them.
    pub fits: bool,
}

/// Display width of a line (bidi marks and combining marks count 0).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Breaks `text` into at most `max_lines` lines of at most `max_width`
/// columns (see the module doc for the rules).
pub fn break_lines(text: &str, max_width: usize, max_lines: usize) -> Broken {
    if text.contains(['\n', '\r']) {
        let lines: Vec<String> = text
            .split(['\n', '\r'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        let fits = lines.len() <= max_lines && lines.iter().all(|l| width(l) <= max_width);
        return Broken { lines, fits };
    }
    let tokens = tokens(text);
    if tokens.is_empty() {
        return Broken {
            lines: Vec::new(),
            fits: true,
        };
    }
    let greedy = greedy(&tokens, max_width);
    let greedy_fits = greedy.len() <= max_lines && fits_all(&tokens, &greedy, max_width);
    let k = if greedy_fits {
        greedy.len()
    } else {
        max_lines.clamp(1, tokens.len())
    };
    // the search is quadratic in words a line: beyond a few thousand words
    // (no subtitle has them) the greedy lines are the answer
    let n = tokens.len();
    let ends = if k.saturating_mul(n).saturating_mul(n) <= 20_000_000 {
        best(&tokens, k, max_width)
    } else {
        greedy
    };
    let lines: Vec<String> = line_ranges(&ends)
        .map(|(a, b)| join(&tokens[a..b]))
        .collect();
    let fits = lines.len() <= max_lines && lines.iter().all(|l| width(l) <= max_width);
    Broken { lines, fits }
}

/// An unbreakable piece of the text.
#[derive(Debug)]
struct Token<'a> {
    text: &'a str,
    width: usize,
    /// A line may end after it by preference: it ends with phrase
    /// punctuation, or is a dash standing alone.
    phrase_end: bool,
}

fn join(tokens: &[Token<'_>]) -> String {
    let mut s = String::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(t.text);
    }
    s
}

/// White space a line may break at: not the no-break spaces.
fn breakable_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

fn is_isolate_start(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2068}')
}

const PDI: char = '\u{2069}';

/// Splits at breakable spaces outside isolates, then joins the words of a
/// phone number back into one token.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if depth == 0 && breakable_space(c) {
            if let Some(s) = start.take() {
                words.push((s, i));
            }
            continue;
        }
        if start.is_none() {
            start = Some(i);
        }
        if is_isolate_start(c) {
            depth += 1;
        } else if c == PDI {
            depth = depth.saturating_sub(1);
        }
    }
    if let Some(s) = start {
        words.push((s, text.len()));
    }

    let mut out: Vec<Token<'_>> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        // the longest run of number words from here that makes a phone
        // number (or a grouped number): two words or more, five digits or more
        let mut j = i;
        let mut digits = 0;
        while j < words.len() {
            let Some((d, closes)) = number_word(&text[words[j].0..words[j].1]) else {
                break;
            };
            digits += d;
            j += 1;
            if closes {
                break;
            }
        }
        let end = if j - i >= 2 && digits >= 5 { j } else { i + 1 };
        let piece = &text[words[i].0..words[end - 1].1];
        out.push(Token {
            text: piece,
            width: width(piece),
            phrase_end: phrase_end(piece),
        });
        i = end;
    }
    out
}

/// A word of a phone number: digits with `+ ( ) - . /` and at least one
/// digit, maybe followed by phrase punctuation (which ends the number).
/// Returns the number of digits and whether punctuation closed it.
fn number_word(word: &str) -> Option<(usize, bool)> {
    let core = word.trim_end_matches(|c: char| is_bidi_mark(c) || is_phrase_punct(c));
    let closes = word[core.len()..].chars().any(is_phrase_punct);
    let mut digits = 0;
    for c in core.chars() {
        if is_digit(c) {
            digits += 1;
        } else if !(matches!(c, '+' | '(' | ')' | '-' | '.' | '/') || is_bidi_mark(c)) {
            return None;
        }
    }
    (digits > 0).then_some((digits, closes))
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{660}'..='\u{669}' | '\u{6F0}'..='\u{6F9}')
}

fn is_bidi_mark(c: char) -> bool {
    super::is_bidi_control(c)
}

fn is_phrase_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '،'
            | '؛'
            | '؟'
            | '۔'
            | '。'
            | '、'
            | '，'
            | '；'
            | '：'
            | '！'
            | '？'
    )
}

/// The word ends a phrase: its last visible character, past closing quotes
/// and brackets, is phrase punctuation; or it is a dash standing alone.
fn phrase_end(word: &str) -> bool {
    let visible = word.trim_end_matches(|c: char| {
        is_bidi_mark(c) || matches!(c, ')' | ']' | '»' | '”' | '’' | '"' | '\'' | '›')
    });
    visible.chars().next_back().is_some_and(is_phrase_punct)
        || matches!(word.trim_matches(is_bidi_mark), "-" | "–" | "—")
}

/// Width of tokens `a..b` on one line.
fn span_width(tokens: &[Token<'_>], a: usize, b: usize) -> usize {
    tokens[a..b].iter().map(|t| t.width).sum::<usize>() + (b - a).saturating_sub(1)
}

/// The end index of every line but the last (the last ends at the end).
fn line_ranges(ends: &[usize]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let starts = std::iter::once(0).chain(ends.iter().copied());
    starts.zip(ends.iter().copied())
}

fn fits_all(tokens: &[Token<'_>], ends: &[usize], max_width: usize) -> bool {
    line_ranges(ends).all(|(a, b)| span_width(tokens, a, b) <= max_width)
}

/// First-fit lines: the fewest lines that fit, when any do. Returns the end
/// index of every line (the last is `tokens.len()`).
fn greedy(tokens: &[Token<'_>], max_width: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut start = 0;
    for i in 1..tokens.len() {
        if span_width(tokens, start, i + 1) > max_width {
            ends.push(i);
            start = i;
        }
    }
    ends.push(tokens.len());
    ends
}

/// The best split into exactly `k` lines (fewer when there are fewer
/// tokens): least overflow first, then balance, the pyramid and phrase
/// breaks. Returns the end index of every line.
fn best(tokens: &[Token<'_>], k: usize, max_width: usize) -> Vec<usize> {
    let n = tokens.len();
    let k = k.clamp(1, n);
    let total = span_width(tokens, 0, n).saturating_sub(k - 1) as f64;
    let target = total / k as f64;
    // a break that is not after punctuation costs as much as lines that
    // differ by the width of a line (two lines half a width off the target
    // each): punctuation wins unless it leaves a line nearly empty
    let plain_break = (max_width as f64 / 2.0).powi(2);
    let line_cost = |a: usize, b: usize, last: bool| -> f64 {
        let w = span_width(tokens, a, b);
        let over = w.saturating_sub(max_width) as f64;
        let dev = w as f64 - target;
        let mut cost = over * 1e6 + dev * dev;
        if !last {
            // an upper line longer than the lower costs four times as much
            // as the same imbalance the other way round
            if dev > 0.0 {
                cost += 3.0 * dev * dev;
            }
            if !tokens[b - 1].phrase_end {
                cost += plain_break;
            }
        }
        cost
    };
    // cost[j][i]: the best cost of the first i tokens in j lines
    let mut cost = vec![vec![f64::INFINITY; n + 1]; k + 1];
    let mut from = vec![vec![0usize; n + 1]; k + 1];
    cost[0][0] = 0.0;
    for j in 1..=k {
        let last = j == k;
        for i in j..=n {
            if last && i != n {
                continue;
            }
            for s in (j - 1)..i {
                if !cost[j - 1][s].is_finite() {
                    continue;
                }
                let c = cost[j - 1][s] + line_cost(s, i, last);
                if c < cost[j][i] {
                    cost[j][i] = c;
                    from[j][i] = s;
                }
            }
        }
    }
    let mut ends = vec![n];
    let mut i = n;
    for j in (2..=k).rev() {
        i = from[j][i];
        ends.push(i);
    }
    ends.reverse();
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, w: usize, n: usize) -> Vec<String> {
        let b = break_lines(text, w, n);
        assert!(b.fits, "{text:?} does not fit: {:?}", b.lines);
        b.lines
    }

    #[test]
    fn bidi_and_combining_marks_have_no_width() {
        assert_eq!(width("\u{2068}112\u{2069}"), 3);
        assert_eq!(width("\u{200F}ab\u{200E}\u{202B}\u{202C}\u{061C}"), 2);
        assert_eq!(width("日本"), 4);
    }

    #[test]
    fn short_text_stays_on_one_line() {
        assert_eq!(
            lines("Register your address today.", 42, 2),
            ["Register your address today."]
        );
        assert_eq!(lines("  spaced   out  ", 42, 2), ["spaced out"]);
        assert_eq!(
            break_lines("   ", 42, 2),
            Broken {
                lines: vec![],
                fits: true
            }
        );
    }

    #[test]
    fn two_lines_are_balanced_with_the_lower_line_longer() {
        let text = "Every resident must register their new address within seven days";
        let got = lines(text, 42, 2);
        assert_eq!(got.len(), 2);
        let (a, b) = (width(&got[0]), width(&got[1]));
        assert!(a.abs_diff(b) <= 8, "{got:?}");
        assert!(a <= b + 2, "top-heavy: {got:?}");
        assert_eq!(got.join(" "), text);
    }

    #[test]
    fn a_break_after_punctuation_is_preferred() {
        assert_eq!(
            lines("Call us today, we answer every question you have.", 42, 2),
            ["Call us today,", "we answer every question you have."]
        );
        // Arabic comma
        let ar = "سجّل عنوانك الجديد اليوم، فالموعد النهائي قريب جدًا";
        let got = lines(ar, 30, 2);
        assert!(got[0].ends_with('،'), "{got:?}");
        // but not when it leaves a line nearly empty
        assert_eq!(
            lines("Yes, we can help you register at any office.", 42, 2),
            ["Yes, we can help you", "register at any office."]
        );
    }

    #[test]
    fn a_placeable_is_never_split() {
        let text =
            "Bring \u{2068}your passport and the rental contract\u{2069} to the office on Monday";
        for w in [20, 30, 42] {
            let b = break_lines(text, w, 3);
            let held = b
                .lines
                .iter()
                .any(|l| l.contains("\u{2068}your passport and the rental contract\u{2069}"));
            assert!(held, "{w}: {:?}", b.lines);
        }
    }

    #[test]
    fn a_phone_number_is_never_split() {
        for phone in [
            "+7 (495) 123-45-67",
            "8 800 555 35 35",
            "+994 12 555 01 02",
            "۰۲۱ ۶۶۷۰ ۰۰۰۰",
        ] {
            let text = format!("For any question about registration call {phone} at any hour");
            for w in [20, 25, 30, 42] {
                let b = break_lines(&text, w, 3);
                assert!(
                    b.lines.iter().any(|l| l.contains(phone)),
                    "{w}: {:?}",
                    b.lines
                );
            }
        }
        // a comma after the number ends it; the next number is another one
        let b = break_lines(
            "Call 8 800 555, 112 works too and answers every hour",
            20,
            3,
        );
        assert!(b.lines[0].starts_with("Call 8 800 555,"), "{:?}", b.lines);
        // small numbers are words
        assert_eq!(lines("in 3 or 4 days", 8, 2), ["in 3 or", "4 days"]);
    }

    #[test]
    fn what_cannot_fit_says_so_and_keeps_the_limit_of_lines() {
        let text = "This sentence is far too long to be shown in two short subtitle lines of twenty columns";
        let b = break_lines(text, 20, 2);
        assert!(!b.fits);
        assert_eq!(b.lines.len(), 2);
        assert_eq!(b.lines.join(" "), text);
        // the same text fits three lines of forty
        assert!(break_lines(text, 40, 3).fits);
        // one unbreakable word wider than the line
        let b = break_lines("Antidisestablishmentarianism", 10, 2);
        assert_eq!((b.lines.len(), b.fits), (1, false));
        // no line at all allowed
        assert!(!break_lines("word", 42, 0).fits);
    }

    #[test]
    fn an_explicit_newline_keeps_the_authors_lines() {
        assert_eq!(lines("One\nTwo words", 42, 2), ["One", "Two words"]);
        assert_eq!(lines("One\r\n\r\nTwo", 42, 2), ["One", "Two"]);
        assert!(!break_lines("One\nTwo\nThree", 42, 2).fits);
        assert!(!break_lines("One that is long\nTwo", 5, 2).fits);
    }

    #[test]
    fn every_input_gives_lines_without_panicking() {
        for text in [
            "\u{2068}",
            "\u{2069}\u{2069} a",
            "+ - ( )",
            "1 2 3 4 5 6",
            "\u{2068}a b",
            "a\u{A0}b c",
        ] {
            for (w, n) in [(0, 0), (1, 1), (3, 2), (42, 2)] {
                let b = break_lines(text, w, n);
                let words: String = b.lines.concat().split_whitespace().collect();
                let want: String = text.split_whitespace().collect();
                assert_eq!(words, want, "{text:?} {w} {n}");
            }
        }
        let long = "word ".repeat(5000);
        assert!(!break_lines(&long, 42, 2).fits);
        assert_eq!(
            break_lines(&long, 42, 5000).lines.len(),
            5000usize.div_ceil(8)
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_keeps_its_words_in_order(
            text in "[a ж1+()\u{a0}\u{2068}\u{2069}\u{200f},.日\n-]{0,60}",
            w in 0usize..50,
            n in 0usize..4,
        ) {
            let b = break_lines(&text, w, n);
            let got: Vec<&str> = b.lines.iter().flat_map(|l| l.split_whitespace()).collect();
            let want: Vec<&str> = text.split_whitespace().collect();
            proptest::prop_assert_eq!(got, want);
            if b.fits {
                proptest::prop_assert!(b.lines.len() <= n);
                proptest::prop_assert!(b.lines.iter().all(|l| width(l) <= w));
            }
        }
    }
}
