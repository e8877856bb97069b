//! ## Characters: `character-bidi`, `character-isolate`, `character-control`, `character-replacement`, `character-direction-mark`
//!
//! **What it checks.** The decoded text of every message (escapes such as
//! `"\u202E"` resolved): bidi embeddings and overrides U+202A–U+202E
//! (`character-bidi`, error), isolates U+2066–U+2069 that do not pair up
//! (`character-isolate`, error), control characters other than line feed and tab
//! (`character-control`, error), U+FFFD, the mark of a broken conversion
//! (`character-replacement`, error), and left-to-right or right-to-left marks
//! (U+200E, U+200F, U+061C) in a left-to-right locale (`character-direction-mark`,
//! warning).
//!
//! **Why it matters.** These characters are invisible in an editor but reorder
//! what a reader sees ("Trojan Source", CVE-2021-42574): a phone number or a
//! deadline can print backwards. The build never prints a message containing
//! them; this check says where they are.
//!
//! **Example.**
//! ```ftl
//! # ar: character-bidi (an escaped right-to-left override)
//! hotline = اتصلوا على { "\u202E" }919
//! ```

use super::Cx;
use crate::diagnostics::Diagnostic;

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for l in cx.locales {
        let rtl = cx.catalog.locales[l.locale].rtl;
        for (id, e) in &l.entries {
            // nothing suspicious in the raw text (no escapes, no controls, no
            // characters from the ranges below): nothing to decode and check
            if !may_need_a_look(e.body().as_bytes()) {
                continue;
            }
            for (_, pattern) in e.patterns() {
                for text in super::texts_of(pattern) {
                    let mut depth = 0i32;
                    let mut unbalanced = false;
                    for c in text.chars() {
                        let (code, severity_error, what) = match c {
                            '\u{202A}'..='\u{202E}' => {
                                ("character-bidi", true, "a bidi embedding or override")
                            }
                            '\u{FFFD}' => (
                                "character-replacement",
                                true,
                                "U+FFFD, the replacement character of a broken conversion",
                            ),
                            '\u{200E}' | '\u{200F}' | '\u{061C}' if !rtl => (
                                "character-direction-mark",
                                false,
                                "a direction mark, which a left-to-right text does not need",
                            ),
                            '\u{2066}'..='\u{2068}' => {
                                depth += 1;
                                continue;
                            }
                            '\u{2069}' => {
                                depth -= 1;
                                unbalanced |= depth < 0;
                                continue;
                            }
                            c if c.is_control() && c != '\n' && c != '\t' => {
                                ("character-control", true, "an invisible control character")
                            }
                            _ => continue,
                        };
                        let msg = format!("'{id}' contains U+{:04X}, {what}", c as u32);
                        let d = if severity_error {
                            Diagnostic::error(code, msg)
                        } else {
                            Diagnostic::warning(code, msg)
                        };
                        out.push(e.at(d, &needle(e.source(), c)).with_hint("delete the character; Fluent and pamphlet isolate placeables themselves"));
                    }
                    if unbalanced || depth != 0 {
                        out.push(
                            e.at(Diagnostic::error("character-isolate", format!("'{id}' has bidi isolates (U+2066–U+2069) that do not pair up")), id)
                                .with_hint("remove them; placeables are isolated automatically"),
                        );
                    }
                }
            }
        }
    }
}

/// How `c` appears in the source: itself, or as a `\uXXXX` escape.
fn needle(source: &str, c: char) -> String {
    if source.contains(c) {
        return c.to_string();
    }
    let escaped = format!("\\u{:04X}", c as u32);
    if source.contains(&escaped) {
        escaped
    } else {
        format!("\\u{:04x}", c as u32)
    }
}

/// Whether `body` may hold a character this check reports, or an escape
/// (`\u…`) that could decode to one: a test on the UTF-8 bytes that decodes
/// nothing, since almost every entry is plain text. It may say yes in vain
/// (any backslash), never no in vain: C0 and C1 controls other than tab,
/// line feed and carriage return, U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069 and U+FFFD.
pub fn may_need_a_look(body: &[u8]) -> bool {
    let at = |i: usize| body.get(i).copied().unwrap_or(0);
    body.iter().enumerate().any(|(i, &b)| match b {
        b'\\' | 0x7F => true,
        b'\n' | b'\t' | b'\r' => false,
        0x00..=0x1F => true,
        0xC2 => (0x80..=0x9F).contains(&at(i + 1)),
        0xD8 => at(i + 1) == 0x9C,
        0xE2 => match at(i + 1) {
            0x80 => matches!(at(i + 2), 0x8E | 0x8F | 0xAA..=0xAE),
            0x81 => (0xA6..=0xA9).contains(&at(i + 2)),
            _ => false,
        },
        0xEF => at(i + 1) == 0xBF && at(i + 2) == 0xBD,
        _ => false,
    })
}
