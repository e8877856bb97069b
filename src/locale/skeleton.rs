//! Skeleton `.ftl` files for a new locale (`pamphlet add-locale`): a copy of
//! one source-locale file in which every message and term is commented out.
//!
//! The skeleton keeps the source file's layout and every comment (file `###`,
//! group `##` and the `#` context above each message, with its `# Variables:`
//! list), so a translator has the context beside each message. The messages
//! themselves are comments, not entries: the new locale has none of them
//! until a translator writes one, so `status` counts them missing and a build
//! falls back for them, instead of printing the source text as if it were
//! translated. A hint may come from another locale (`--from`): that locale's
//! translation replaces the source text inside the comment.
//!
//! This works on lines, not on the parsed AST: fluent-syntax drops the
//! layout, and a line-level copy reproduces the file exactly (a file with
//! syntax errors too). An entry starts at a line that begins with an
//! identifier (or `-identifier`) followed by `=`, as in the loader's scan
//! (`ftl::scan_entries`), and runs until the next entry or comment line.

use std::collections::HashMap;

/// A skeleton file's text and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skeleton {
    pub text: String,
    /// Messages commented out.
    pub messages: usize,
    /// Terms (`-id`) commented out.
    pub terms: usize,
    /// Entries whose hint came from the `--from` locale.
    pub hinted: usize,
}

/// The id of the entry starting on `line`, if one does.
fn entry_id(line: &str) -> Option<&str> {
    let dash = usize::from(line.starts_with('-'));
    let body = &line[dash..];
    let len = body
        .bytes()
        .enumerate()
        .take_while(|&(i, c)| {
            if i == 0 {
                c.is_ascii_alphabetic()
            } else {
                c.is_ascii_alphanumeric() || c == b'-' || c == b'_'
            }
        })
        .count();
    (len > 0 && body[len..].trim_start_matches(' ').starts_with('=')).then(|| &line[..dash + len])
}

/// Splits `text` into its lines and, for each entry, the range of lines it
/// spans (without the blank lines after it).
fn entries(text: &str) -> (Vec<&str>, Vec<(&str, std::ops::Range<usize>)>) {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(id) = entry_id(lines[i]) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < lines.len() && !lines[end].starts_with('#') && entry_id(lines[end]).is_none() {
            end += 1;
        }
        let mut last = end;
        while last > i + 1 && lines[last - 1].trim().is_empty() {
            last -= 1;
        }
        out.push((id, i..last));
        i = end;
    }
    (lines, out)
}

/// Every entry of `text` by id, as written (id line to its last line), for
/// use as hints; the first definition of an id wins, as in a bundle.
pub fn entry_texts(text: &str) -> HashMap<String, String> {
    let (lines, entries) = entries(text);
    let mut out = HashMap::new();
    for (id, range) in entries {
        out.entry(id.to_owned())
            .or_insert_with(|| lines[range].join("\n"));
    }
    out
}

/// A line turned into a comment: `# ` before it (`#` alone for a blank line,
/// so that a commented multi-line message stays one comment block).
fn comment_out(line: &str, out: &mut String) {
    if line.trim().is_empty() {
        out.push('#');
    } else {
        out.push_str("# ");
        out.push_str(line);
    }
    out.push('\n');
}

/// The skeleton of the source file `text`: `header` (comment lines, without
/// their `#`) first, then the file with every entry commented out. An entry
/// whose id `hints` holds is replaced by that text inside the comment.
pub fn skeleton(text: &str, header: &[String], hints: &HashMap<String, String>) -> Skeleton {
    let (lines, entries) = entries(text);
    let mut s = Skeleton {
        text: String::with_capacity(text.len() + text.len() / 8 + 256),
        messages: 0,
        terms: 0,
        hinted: 0,
    };
    for line in header {
        comment_out(line, &mut s.text);
    }
    if !header.is_empty() {
        s.text.push('\n');
    }
    let mut next = entries.iter().peekable();
    let mut i = 0;
    while i < lines.len() {
        match next.peek() {
            Some((id, range)) if range.start == i => {
                if id.starts_with('-') {
                    s.terms += 1;
                } else {
                    s.messages += 1;
                }
                match hints.get(*id) {
                    Some(hint) => {
                        s.hinted += 1;
                        hint.lines().for_each(|l| comment_out(l, &mut s.text));
                    }
                    None => lines[range.clone()]
                        .iter()
                        .for_each(|l| comment_out(l, &mut s.text)),
                }
                i = range.end;
                next.next();
            }
            _ => {
                let line = lines[i];
                // comments and blank lines as they are; anything else (a line
                // the parser would call junk) becomes a comment too, so the
                // skeleton never holds an entry
                if line.starts_with('#') || line.trim().is_empty() {
                    s.text.push_str(line.trim_end());
                    s.text.push('\n');
                } else {
                    comment_out(line, &mut s.text);
                }
                i += 1;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "### Shared messages.\n\n## Terms\n\n-service-name = Migration Service\n\n## Contact\n\n# Variables:\n#   $days (Number) - days\nreg-deadline =\n    Apply within { $days ->\n        [one] { $days } day\n\n       *[other] { $days } days\n    }.\nlogo =\n    .alt = Logo\n\nlast = Last\n";

    #[test]
    fn every_entry_is_commented_out_and_comments_are_kept() {
        let s = skeleton(SOURCE, &[], &HashMap::new());
        assert_eq!(
            s.text,
            "### Shared messages.\n\n## Terms\n\n# -service-name = Migration Service\n\n## Contact\n\n# Variables:\n#   $days (Number) - days\n# reg-deadline =\n#     Apply within { $days ->\n#         [one] { $days } day\n#\n#        *[other] { $days } days\n#     }.\n# logo =\n#     .alt = Logo\n\n# last = Last\n"
        );
        assert_eq!((s.messages, s.terms, s.hinted), (3, 1, 0));
    }

    #[test]
    fn the_skeleton_parses_to_no_entries_at_all() {
        let s = skeleton(SOURCE, &["header".into(), String::new()], &HashMap::new());
        let resource = fluent_syntax::parser::parse(s.text.as_str()).expect("only comments");
        assert!(resource.body.iter().all(|e| matches!(
            e,
            fluent_syntax::ast::Entry::Comment(_)
                | fluent_syntax::ast::Entry::GroupComment(_)
                | fluent_syntax::ast::Entry::ResourceComment(_)
        )));
        assert!(s.text.starts_with("# header\n#\n\n### Shared"));
    }

    #[test]
    fn hints_replace_the_source_text_of_their_entries() {
        let hints = entry_texts(
            "# a translator's note\n-service-name = Служба\nreg-deadline =\n    В течение { $days } дней.\n\n\nunrelated = x\n",
        );
        assert_eq!(
            hints["reg-deadline"],
            "reg-deadline =\n    В течение { $days } дней."
        );
        let s = skeleton(SOURCE, &[], &hints);
        assert!(s.text.contains("# -service-name = Служба\n"));
        assert!(s.text.contains(
            "#   $days (Number) - days\n# reg-deadline =\n#     В течение { $days } дней.\n# logo =\n"
        ));
        assert!(!s.text.contains("unrelated"));
        assert_eq!(s.hinted, 2);
    }

    #[test]
    fn junk_and_crlf_lines_are_commented_out_too() {
        let s = skeleton("a = x\r\n} stray\r\n!junk\r\n", &[], &HashMap::new());
        assert_eq!(s.text, "# a = x\n# } stray\n# !junk\n");
        assert_eq!(entry_id("a-b_c = x"), Some("a-b_c"));
        assert_eq!(entry_id("-t=x"), Some("-t"));
        assert_eq!(entry_id("    .alt = x"), None);
        assert_eq!(entry_id("1a = x"), None);
    }
}
