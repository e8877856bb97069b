//! How a phone would encode and split a text message: the alphabet it picks
//! (GSM 7-bit with the default alphabet or national tables, else UCS-2), how
//! many septets or UTF-16 code units the text costs, and how many segments
//! (PDUs) it is sent as. This module owns that arithmetic and the GSM tables
//! ([`gsm`]); it reads no files and reports nothing itself: the `sms`
//! document kind asks it about each localized text and turns the answer into
//! diagnostics. docs/sms.md explains the counting in plain words.
//!
//! Pure and total: any `&str` gets an answer, no input panics.

use std::borrow::Cow;
use std::fmt;

pub mod gsm;
pub mod segments;

pub use gsm::{National, Tables, tables_for_language};

/// The alphabet of the message's user data (`gsm-7`, `ucs-2` in the
/// manifest).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Alphabet {
    /// GSM 7-bit, one septet per character (two for an escaped one).
    #[serde(rename = "gsm-7")]
    Gsm7,
    /// UCS-2 as phones send it today: UTF-16 big-endian, so a character
    /// outside the Basic Multilingual Plane (most emoji) costs two units.
    #[serde(rename = "ucs-2")]
    Ucs2,
}

impl fmt::Display for Alphabet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Alphabet::Gsm7 => "GSM 7-bit",
            Alphabet::Ucs2 => "UCS-2",
        })
    }
}

/// A character that keeps a text out of GSM 7-bit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForcingChar {
    pub ch: char,
    /// How many times it occurs in the text.
    pub count: usize,
    /// Where it first occurs, in characters (Unicode scalar values) from the
    /// start of the text.
    pub first_char_offset: usize,
}

/// How a phone would send a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysis {
    pub alphabet: Alphabet,
    /// The national tables announced in the header; [`Tables::DEFAULT`] for
    /// the default alphabet and for UCS-2.
    pub tables_used: Tables,
    /// Septets (an escaped character counts two) or UTF-16 code units.
    pub units: usize,
    /// PDUs sent; an empty text is still one.
    pub segments: usize,
    /// Units one segment holds with this alphabet, these tables and this
    /// number of segments (160 for one plain GSM PDU, 153 when concatenated…).
    pub per_segment: usize,
    /// When the alphabet is UCS-2: the characters that keep the text out of
    /// GSM 7-bit with the best of the allowed tables, in order of first
    /// occurrence. Empty for GSM 7-bit.
    pub forcing_ucs2: Vec<ForcingChar>,
}

impl Analysis {
    /// The name of the unit counted: septets or UTF-16 code units.
    pub fn unit_name(&self) -> &'static str {
        match self.alphabet {
            Alphabet::Gsm7 => "septets",
            Alphabet::Ucs2 => "UTF-16 code units",
        }
    }
}

/// "2 segments, GSM 7-bit (Turkish single shift), 180 of 306 septets"
impl fmt::Display for Analysis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.segments == 1 { "" } else { "s" };
        write!(f, "{} segment{plural}, {}", self.segments, self.alphabet)?;
        if self.tables_used != Tables::DEFAULT {
            write!(f, " ({})", self.tables_used)?;
        }
        write!(
            f,
            ", {} of {} {}",
            self.units,
            self.segments.saturating_mul(self.per_segment),
            self.unit_name()
        )
    }
}

/// How a phone allowed the national tables `allowed` would send `text`.
///
/// The default alphabet when it encodes every character (phones try it
/// first, whatever a national table would save); otherwise the combination
/// of the allowed locking and single-shift tables that encodes every
/// character in the fewest segments (then the fewest septets, then the
/// fewest header elements); otherwise UCS-2.
pub fn analyse(text: &str, allowed: Tables) -> Analysis {
    if let Some(plain) = as_gsm(text, Tables::DEFAULT) {
        return plain;
    }
    let national = combinations(allowed)
        .filter(|&t| t != Tables::DEFAULT)
        .filter_map(|t| as_gsm(text, t))
        .min_by_key(|a| (a.segments, a.units, a.tables_used.information_elements()));
    if let Some(national) = national {
        return national;
    }
    let (units, segments, per_segment) = segments::pack(
        text.chars().map(char::len_utf16),
        segments::ucs2_capacity(false),
        segments::ucs2_capacity(true),
    );
    Analysis {
        alphabet: Alphabet::Ucs2,
        tables_used: Tables::DEFAULT,
        units,
        segments,
        per_segment,
        forcing_ucs2: forcing(text, allowed),
    }
}

/// Every combination of the allowed locking and single-shift tables with the
/// default ones, the default alphabet first.
fn combinations(allowed: Tables) -> impl Iterator<Item = Tables> {
    let singles = [None, allowed.single];
    let lockings = [None, allowed.locking_table()];
    lockings
        .into_iter()
        .enumerate()
        .flat_map(move |(i, locking)| {
            singles
                .into_iter()
                .enumerate()
                // the second entry repeats the first when nothing is allowed
                .filter(move |&(j, single)| {
                    (i == 0 || locking.is_some()) && (j == 0 || single.is_some())
                })
                .map(move |(_, single)| Tables { locking, single })
        })
}

/// The text in GSM 7-bit with `tables`, if they encode all of it.
fn as_gsm(text: &str, tables: Tables) -> Option<Analysis> {
    let mut costs = Vec::with_capacity(text.len());
    for c in text.chars() {
        costs.push(gsm::encode_char(c, tables)?.count());
    }
    let ies = tables.information_elements();
    let (units, segments, per_segment) = segments::pack(
        costs.into_iter(),
        segments::gsm_capacity(false, ies),
        segments::gsm_capacity(true, ies),
    );
    Some(Analysis {
        alphabet: Alphabet::Gsm7,
        tables_used: tables,
        units,
        segments,
        per_segment,
        forcing_ucs2: Vec::new(),
    })
}

/// The characters that the allowed combination missing the fewest
/// occurrences does not encode. Usually these are the characters no allowed
/// table has at all; when each character fits some table but no one
/// combination fits them all (`è` is gone from the Portuguese locking table,
/// `ª` only in it), they are what the author would change to stay in GSM.
fn forcing(text: &str, allowed: Tables) -> Vec<ForcingChar> {
    let missing = |tables: Tables| -> Vec<ForcingChar> {
        let mut found: Vec<ForcingChar> = Vec::new();
        for (offset, ch) in text.chars().enumerate() {
            if gsm::encode_char(ch, tables).is_some() {
                continue;
            }
            match found.iter_mut().find(|f| f.ch == ch) {
                Some(f) => f.count += 1,
                None => found.push(ForcingChar {
                    ch,
                    count: 1,
                    first_char_offset: offset,
                }),
            }
        }
        found
    };
    combinations(allowed)
        .map(missing)
        .min_by_key(|found| found.iter().map(|f| f.count).sum::<usize>())
        .unwrap_or_default()
}

/// Whether `c` is an invisible bidirectional formatting character: the
/// isolates U+2066–U+2069 (Fluent wraps every placeable in U+2068…U+2069),
/// the marks U+200E, U+200F and U+061C, and the embeddings and overrides
/// U+202A–U+202E.
pub fn is_invisible_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{061C}'
    )
}

/// `text` without invisible bidi characters ([`is_invisible_bidi`]). A
/// left-to-right SMS has no use for them, and since no GSM table has them
/// a single one would force the whole text into UCS-2, which halves what a
/// segment holds.
pub fn strip_invisible_bidi(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_invisible_bidi) {
        Cow::Owned(text.chars().filter(|&c| !is_invisible_bidi(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Analysis {
        analyse(text, Tables::DEFAULT)
    }

    fn shape(a: &Analysis) -> (Alphabet, usize, usize, usize) {
        (a.alphabet, a.units, a.segments, a.per_segment)
    }

    const TR: Tables = Tables {
        locking: Some(National::Turkish),
        single: Some(National::Turkish),
    };
    const TURKISH_LOCKING: Tables = Tables {
        locking: Some(National::Turkish),
        single: None,
    };
    const TURKISH_SINGLE: Tables = Tables {
        locking: None,
        single: Some(National::Turkish),
    };

    #[test]
    fn empty_text_is_one_segment_of_nothing() {
        assert_eq!(shape(&plain("")), (Alphabet::Gsm7, 0, 1, 160));
        assert_eq!(shape(&analyse("", TR)), (Alphabet::Gsm7, 0, 1, 160));
    }

    #[test]
    fn gsm_boundaries_160_and_153() {
        let a = |n| "a".repeat(n);
        assert_eq!(shape(&plain(&a(160))), (Alphabet::Gsm7, 160, 1, 160));
        assert_eq!(shape(&plain(&a(161))), (Alphabet::Gsm7, 161, 2, 153));
        assert_eq!(shape(&plain(&a(306))), (Alphabet::Gsm7, 306, 2, 153));
        assert_eq!(shape(&plain(&a(307))), (Alphabet::Gsm7, 307, 3, 153));
        assert_eq!(shape(&plain(&a(459))), (Alphabet::Gsm7, 459, 3, 153));
        assert_eq!(shape(&plain(&a(460))), (Alphabet::Gsm7, 460, 4, 153));
    }

    #[test]
    fn escaped_characters_count_double_and_never_straddle_a_boundary() {
        // 158 + 2 = 160: one segment; 159 + 2 = 161: two
        let fits = format!("{}€", "a".repeat(158));
        assert_eq!(shape(&plain(&fits)), (Alphabet::Gsm7, 160, 1, 160));
        let over = format!("{}{{", "a".repeat(159));
        assert_eq!(shape(&plain(&over)), (Alphabet::Gsm7, 161, 2, 153));
        // 152 + [ would take septets 153 and 154: it moves to segment 2,
        // so 306 septets need a third segment
        let straddle = format!("{}[{}", "a".repeat(152), "a".repeat(152));
        assert_eq!(shape(&plain(&straddle)), (Alphabet::Gsm7, 306, 3, 153));
        let aligned = format!("{}[{}", "a".repeat(151), "a".repeat(153));
        assert_eq!(shape(&plain(&aligned)), (Alphabet::Gsm7, 306, 2, 153));
        assert_eq!(plain("^{}\\[~]|€\u{0C}").units, 20);
    }

    #[test]
    fn ucs2_boundaries_70_and_67() {
        let ya = |n| "я".repeat(n);
        assert_eq!(shape(&plain(&ya(70))), (Alphabet::Ucs2, 70, 1, 70));
        assert_eq!(shape(&plain(&ya(71))), (Alphabet::Ucs2, 71, 2, 67));
        assert_eq!(shape(&plain(&ya(134))), (Alphabet::Ucs2, 134, 2, 67));
        assert_eq!(shape(&plain(&ya(135))), (Alphabet::Ucs2, 135, 3, 67));
        // GSM characters in a UCS-2 text cost one unit each, escapes too
        assert_eq!(
            shape(&plain(&format!("я{}", "€".repeat(69)))),
            (Alphabet::Ucs2, 70, 1, 70)
        );
    }

    #[test]
    fn a_surrogate_pair_is_never_split() {
        // 68 + 2 = 70: one segment
        let fits = format!("{}😀", "я".repeat(68));
        assert_eq!(shape(&plain(&fits)), (Alphabet::Ucs2, 70, 1, 70));
        // 66 units, then the emoji would take units 67 and 68: it moves
        let straddle = format!("{}😀{}", "я".repeat(66), "я".repeat(66));
        assert_eq!(shape(&plain(&straddle)), (Alphabet::Ucs2, 134, 3, 67));
        let aligned = format!("{}😀{}", "я".repeat(65), "я".repeat(67));
        assert_eq!(shape(&plain(&aligned)), (Alphabet::Ucs2, 134, 2, 67));
    }

    #[test]
    fn turkish_letters_need_the_turkish_tables() {
        let text = "Aşı ğİ";
        let without = plain(text);
        assert_eq!(without.alphabet, Alphabet::Ucs2);
        let chars: Vec<char> = without.forcing_ucs2.iter().map(|f| f.ch).collect();
        assert_eq!(chars, ['ş', 'ı', 'ğ', 'İ']);

        // the Turkish locking table has every Turkish letter, one septet
        // each; its one header element leaves 155 septets
        let with = analyse(text, TR);
        assert_eq!(with.alphabet, Alphabet::Gsm7);
        assert_eq!(with.tables_used, TURKISH_LOCKING);
        assert_eq!((with.units, with.segments, with.per_segment), (6, 1, 155));
        assert!(with.forcing_ucs2.is_empty());

        let escaped = analyse(text, TURKISH_SINGLE);
        assert_eq!(
            (escaped.units, escaped.segments, escaped.per_segment),
            (10, 1, 155)
        );
        assert_eq!(
            escaped.to_string(),
            "1 segment, GSM 7-bit (Turkish single shift), 10 of 155 septets"
        );
    }

    #[test]
    fn plain_text_keeps_the_default_alphabet_even_when_turkish_is_allowed() {
        let a = analyse("Merhaba", TR);
        assert_eq!(a.tables_used, Tables::DEFAULT);
        assert_eq!(a.per_segment, 160);
        // even where the Turkish locking table would save septets: € is one
        // there but escaped in the default alphabet, and phones try the
        // default alphabet first
        assert_eq!(analyse("€€", TR).tables_used, Tables::DEFAULT);
    }

    #[test]
    fn national_tables_choose_the_fewest_segments() {
        // ¿ is not in the Turkish locking table: the single shift it is
        let a = analyse("¿ş?", TR);
        assert_eq!(a.tables_used, TURKISH_SINGLE);
        assert_eq!((a.units, a.segments, a.per_segment), (4, 1, 155));
        // 156 ş: one segment would hold 155; concatenated with one national
        // element, 149 per segment
        let b = analyse(&"ş".repeat(156), TR);
        assert_eq!(b.tables_used, TURKISH_LOCKING);
        assert_eq!((b.units, b.segments, b.per_segment), (156, 2, 149));
        assert_eq!(
            b.to_string(),
            "2 segments, GSM 7-bit (Turkish locking shift), 156 of 298 septets"
        );
        // ª is only in the Portuguese locking table, Ω only in the
        // Portuguese single shift: both elements, 152 and 146 septets
        let pt = tables_for_language("pt");
        let c = analyse("ª Ω", pt);
        assert_eq!(c.tables_used, pt);
        assert_eq!((c.units, c.segments, c.per_segment), (4, 1, 152));
        let d = analyse(&format!("ªΩ{}", "a".repeat(150)), pt);
        assert_eq!((d.units, d.segments, d.per_segment), (153, 2, 146));
    }

    #[test]
    fn azerbaijani_schwa_forces_ucs2_and_is_reported() {
        let text = "Peyvənd həyat qurtarır, ə!";
        for allowed in [Tables::DEFAULT, TR, tables_for_language("az")] {
            let a = analyse(text, allowed);
            assert_eq!(a.alphabet, Alphabet::Ucs2);
            assert_eq!(a.units, text.chars().count());
            let schwa = a.forcing_ucs2.iter().find(|f| f.ch == 'ə').unwrap();
            assert_eq!((schwa.count, schwa.first_char_offset), (3, 4));
        }
        // with the Turkish tables only ə is in the way; without them ı is too
        let chars = |a: Analysis| a.forcing_ucs2.iter().map(|f| f.ch).collect::<Vec<_>>();
        assert_eq!(chars(analyse(text, TR)), ['ə']);
        assert_eq!(chars(plain(text)), ['ə', 'ı']);
        assert!(plain("hello").forcing_ucs2.is_empty());
    }

    #[test]
    fn conflicting_tables_report_what_the_closest_combination_misses() {
        // è is not in the Portuguese locking table, ª is only there
        let pt = tables_for_language("pt");
        let a = analyse("è ª ª", pt);
        assert_eq!(a.alphabet, Alphabet::Ucs2);
        assert_eq!(
            a.forcing_ucs2,
            [ForcingChar {
                ch: 'è',
                count: 1,
                first_char_offset: 0
            }]
        );
    }

    #[test]
    fn invisible_bidi_marks_are_stripped() {
        let fluent = "Call \u{2068}112\u{2069} now\u{200E}";
        assert_eq!(plain(fluent).alphabet, Alphabet::Ucs2);
        let stripped = strip_invisible_bidi(fluent);
        assert_eq!(stripped, "Call 112 now");
        assert_eq!(plain(&stripped).alphabet, Alphabet::Gsm7);
        for c in [
            '\u{2066}', '\u{2067}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}',
            '\u{202E}', '\u{061C}',
        ] {
            assert_eq!(strip_invisible_bidi(&format!("a{c}b")), "ab", "{c:?}");
        }
        // nothing to strip: no copy
        assert!(matches!(
            strip_invisible_bidi("plain"),
            Cow::Borrowed("plain")
        ));
        // visible right-to-left letters stay
        assert_eq!(strip_invisible_bidi("سلام"), "سلام");
    }

    #[test]
    fn odd_input_gets_an_answer() {
        for text in [
            "\u{1B}",
            "\0",
            "\u{FFFF}",
            "\u{10FFFF}",
            "\r\n",
            &"€".repeat(10_000),
        ] {
            let a = plain(text);
            assert!(a.segments >= 1);
            assert!(a.units <= a.segments * a.per_segment);
        }
        assert_eq!(plain("\u{1B}").alphabet, Alphabet::Ucs2);
    }

    #[test]
    fn two_segments_hold_306_plain_characters() {
        assert_eq!(plain(&"a".repeat(306)).segments, 2);
        assert_eq!(plain(&"a".repeat(307)).segments, 3);
    }
}
