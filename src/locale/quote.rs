//! Quoting a message as its `.ftl` file writes it, for the hints of the
//! checks.
//!
//! A quote is the text after `id =` (the value and the attributes) exactly as
//! typed: placeables and select expressions are kept, never resolved or
//! flattened into their text, so `{ $days -> [one] day *[other] days }` is
//! quoted as that and not as "day days". Line breaks fold into spaces, and a
//! long quote is cut on a character boundary with an ellipsis.

/// Longest quote of a message in a diagnostic, in characters (ellipsis
/// included): long enough for a sentence with a plural selector, short
/// enough to keep a hint to a line or two of a terminal.
pub const LIMIT: usize = 100;

/// The lines of an entry's value and attributes as written: the text after
/// `id =` up to the next entry, without the comments and blank lines at its
/// end (they belong to the next entry), each line without trailing
/// whitespace (so `\r\n` and `\n` read the same). The first line is trimmed;
/// the others keep their indentation.
pub fn value_lines(entry_text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = entry_text.lines().map(str::trim_end).collect();
    while lines
        .last()
        .is_some_and(|l| l.is_empty() || l.starts_with('#'))
    {
        lines.pop();
    }
    let Some(first) = lines.first_mut() else {
        return lines;
    };
    // ids cannot hold `=`: the first one ends the id
    *first = first
        .split_once('=')
        .map_or(*first, |(_, v)| v.trim_start());
    if first.is_empty() {
        lines.remove(0);
    }
    if let Some(first) = lines.first_mut() {
        *first = first.trim_start();
    }
    lines
}

/// Lines folded onto one: each line break, with the indentation after it,
/// becomes one space; blank lines are dropped.
pub fn one_line<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines.into_iter().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// An entry quoted for a hint: its value and attributes as written, on one
/// line, at most [`LIMIT`] characters.
pub fn quote(entry_text: &str) -> String {
    shorten(&one_line(value_lines(entry_text)), LIMIT)
}

/// `text` cut to at most `limit` characters, the ellipsis included, on a
/// character boundary; at a space when one is near the end, so that a word
/// is not cut in two.
pub fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let keep = limit.saturating_sub(1);
    let end = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
    let mut cut = &text[..end];
    // a space within the last quarter: cut there
    if let Some(space) = cut.rfind(' ')
        && cut[..space].chars().count() >= keep - keep / 4
    {
        cut = &cut[..space];
    }
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLURAL: &str = "permits-apply = Apply within { $days ->\r\n        [one] day\r\n       *[other] days\r\n    } of your arrival.\r\n\r\n# next entry's comment\r\n";

    #[test]
    fn value_lines_keep_placeables_and_selectors_as_written() {
        assert_eq!(
            value_lines(PLURAL),
            [
                "Apply within { $days ->",
                "        [one] day",
                "       *[other] days",
                "    } of your arrival."
            ]
        );
        assert_eq!(
            quote(PLURAL),
            "Apply within { $days -> [one] day *[other] days } of your arrival."
        );
        assert_eq!(
            quote("edition-line = Valid as of { DATETIME($date) }. Edition { $edition }.\n"),
            "Valid as of { DATETIME($date) }. Edition { $edition }."
        );
    }

    #[test]
    fn value_lines_of_values_on_the_next_line_and_of_attributes() {
        assert_eq!(
            value_lines("msg =\n    First line\n    second line\n"),
            ["First line", "    second line"]
        );
        assert_eq!(
            quote("logo =\n    .alt = Logo of the service\n"),
            ".alt = Logo of the service"
        );
        assert_eq!(
            quote("-term = { $case ->\n   *[nom] Service\n}\n    .gender = masculine\n"),
            "{ $case -> *[nom] Service } .gender = masculine"
        );
        assert!(value_lines("").is_empty());
        assert!(value_lines("empty =\n").is_empty());
    }

    #[test]
    fn long_quotes_are_cut_on_a_char_boundary_with_an_ellipsis() {
        let long = format!("x = {}\n", "слово ".repeat(40));
        let q = quote(&long);
        assert!(q.ends_with("слово…"), "{q}");
        assert!(q.chars().count() <= LIMIT, "{q}");
        // no space to cut at: cut inside, still on a char boundary
        let q = shorten(&"ж".repeat(200), 10);
        assert_eq!(q, format!("{}…", "ж".repeat(9)));
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("exactly ten", 11), "exactly ten");
    }
}
