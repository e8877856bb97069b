//! The GSM 7-bit alphabets of 3GPP TS 23.038: the default alphabet and its
//! extension table (§6.2.1, §6.2.1.1), and the national language tables of
//! Annex A that pamphlet's locales need (Turkish locking and single shift,
//! Spanish single shift, Portuguese locking and single shift).
//!
//! A locking-shift table replaces the whole default alphabet for the message;
//! a single-shift table replaces the default extension table, reached by the
//! escape septet 0x1B, so each of its characters costs two septets. When a
//! character is in both, the one-septet code is the one a phone sends.

use std::fmt;

/// The escape septet that announces a character of the single-shift table.
pub const ESCAPE: u8 = 0x1B;

/// A national language of TS 23.038 Annex A, as phones announce it in the
/// national language identifier of the user data header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum National {
    Turkish,
    Spanish,
    Portuguese,
}

impl National {
    /// The national language identifier (TS 23.038 §6.2.1.2.4).
    pub fn id(self) -> u8 {
        match self {
            National::Turkish => 1,
            National::Spanish => 2,
            National::Portuguese => 3,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            National::Turkish => "Turkish",
            National::Spanish => "Spanish",
            National::Portuguese => "Portuguese",
        }
    }

    /// Spain has only a single-shift table; its letters outside the default
    /// alphabet are few enough that the standard never defined a locking one.
    pub fn has_locking_table(self) -> bool {
        self != National::Spanish
    }
}

impl fmt::Display for National {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The national tables a phone may use for a message: `None` is the default
/// alphabet (locking) or the default extension table (single).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Tables {
    pub locking: Option<National>,
    pub single: Option<National>,
}

impl Tables {
    /// The default alphabet and its extension table only.
    pub const DEFAULT: Tables = Tables {
        locking: None,
        single: None,
    };

    /// The number of national-language information elements a message with
    /// these tables carries in its user data header.
    pub fn information_elements(self) -> usize {
        usize::from(self.locking_table().is_some()) + usize::from(self.single.is_some())
    }

    /// The locking table actually usable: Spanish has none, so a request for
    /// it falls back to the default alphabet.
    pub(crate) fn locking_table(self) -> Option<National> {
        self.locking.filter(|n| n.has_locking_table())
    }
}

impl fmt::Display for Tables {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.locking_table(), self.single) {
            (None, None) => f.write_str("default alphabet"),
            (Some(l), None) => write!(f, "{l} locking shift"),
            (None, Some(s)) => write!(f, "{s} single shift"),
            (Some(l), Some(s)) if l == s => write!(f, "{l} locking and single shift"),
            (Some(l), Some(s)) => write!(f, "{l} locking shift, {s} single shift"),
        }
    }
}

/// The tables phones use for texts in a language, by its primary language
/// subtag (`tr`, `tr-TR`, `pt_BR`, …): the national tables exist for those
/// languages, and a phone set to them enables them. Other languages get the
/// default alphabet only.
pub fn tables_for_language(lang: &str) -> Tables {
    let primary = lang.split(['-', '_']).next().unwrap_or_default();
    let national = |n| Tables {
        locking: Some(n).filter(|n: &National| n.has_locking_table()),
        single: Some(n),
    };
    if primary.eq_ignore_ascii_case("tr") {
        national(National::Turkish)
    } else if primary.eq_ignore_ascii_case("es") {
        national(National::Spanish)
    } else if primary.eq_ignore_ascii_case("pt") {
        national(National::Portuguese)
    } else {
        Tables::DEFAULT
    }
}

// Each locking table is 128 characters, one per septet value in order, eight
// rows of sixteen. Position 0x1B is the escape to the single-shift table, not
// a character; U+001B stands there and is never looked up.

/// TS 23.038 §6.2.1, the GSM 7-bit default alphabet.
const DEFAULT_ALPHABET: &str = concat!(
    "@£$¥èéùìòÇ\nØø\rÅå",
    "Δ_ΦΓΛΩΠΨΣΘΞ\u{1B}ÆæßÉ",
    " !\"#¤%&'()*+,-./",
    "0123456789:;<=>?",
    "¡ABCDEFGHIJKLMNO",
    "PQRSTUVWXYZÄÖÑÜ§",
    "¿abcdefghijklmno",
    "pqrstuvwxyzäöñüà",
);

/// TS 23.038 A.3.1, the Turkish locking-shift table.
const TURKISH_LOCKING: &str = concat!(
    "@£$¥€éùıòÇ\nĞğ\rÅå",
    "Δ_ΦΓΛΩΠΨΣΘΞ\u{1B}ŞşßÉ",
    " !\"#¤%&'()*+,-./",
    "0123456789:;<=>?",
    "İABCDEFGHIJKLMNO",
    "PQRSTUVWXYZÄÖÑÜ§",
    "çabcdefghijklmno",
    "pqrstuvwxyzäöñüà",
);

/// TS 23.038 A.3.3, the Portuguese locking-shift table.
const PORTUGUESE_LOCKING: &str = concat!(
    "@£$¥êéúíóç\nÔô\rÁá",
    "Δ_ªÇÀ∞^\\€Ó|\u{1B}ÂâÊÉ",
    " !\"#º%&'()*+,-./",
    "0123456789:;<=>?",
    "ÍABCDEFGHIJKLMNO",
    "PQRSTUVWXYZÃÕÚÜ§",
    "~abcdefghijklmno",
    "pqrstuvwxyzãõ`üà",
);

// The single-shift tables list only their characters. The control codes CR2
// (0x0D) and SS2 (0x1B) are not characters a text can contain; 0x0A is the
// page break, sent for U+000C FORM FEED.

/// TS 23.038 §6.2.1.1, the default extension table.
const DEFAULT_EXTENSION: &[(u8, char)] = &[
    (0x0A, '\u{0C}'),
    (0x14, '^'),
    (0x28, '{'),
    (0x29, '}'),
    (0x2F, '\\'),
    (0x3C, '['),
    (0x3D, '~'),
    (0x3E, ']'),
    (0x40, '|'),
    (0x65, '€'),
];

/// TS 23.038 A.2.1, the Turkish single-shift table.
const TURKISH_SINGLE: &[(u8, char)] = &[
    (0x0A, '\u{0C}'),
    (0x14, '^'),
    (0x28, '{'),
    (0x29, '}'),
    (0x2F, '\\'),
    (0x3C, '['),
    (0x3D, '~'),
    (0x3E, ']'),
    (0x40, '|'),
    (0x47, 'Ğ'),
    (0x49, 'İ'),
    (0x53, 'Ş'),
    (0x63, 'ç'),
    (0x65, '€'),
    (0x67, 'ğ'),
    (0x69, 'ı'),
    (0x73, 'ş'),
];

/// TS 23.038 A.2.2, the Spanish single-shift table.
const SPANISH_SINGLE: &[(u8, char)] = &[
    (0x09, 'ç'),
    (0x0A, '\u{0C}'),
    (0x14, '^'),
    (0x28, '{'),
    (0x29, '}'),
    (0x2F, '\\'),
    (0x3C, '['),
    (0x3D, '~'),
    (0x3E, ']'),
    (0x40, '|'),
    (0x41, 'Á'),
    (0x49, 'Í'),
    (0x4F, 'Ó'),
    (0x55, 'Ú'),
    (0x61, 'á'),
    (0x65, '€'),
    (0x69, 'í'),
    (0x6F, 'ó'),
    (0x75, 'ú'),
];

/// TS 23.038 A.2.3, the Portuguese single-shift table.
const PORTUGUESE_SINGLE: &[(u8, char)] = &[
    (0x05, 'ê'),
    (0x09, 'ç'),
    (0x0A, '\u{0C}'),
    (0x0B, 'Ô'),
    (0x0C, 'ô'),
    (0x0E, 'Á'),
    (0x0F, 'á'),
    (0x12, 'Φ'),
    (0x13, 'Γ'),
    (0x14, '^'),
    (0x15, 'Ω'),
    (0x16, 'Π'),
    (0x17, 'Ψ'),
    (0x18, 'Σ'),
    (0x19, 'Θ'),
    (0x1F, 'Ê'),
    (0x28, '{'),
    (0x29, '}'),
    (0x2F, '\\'),
    (0x3C, '['),
    (0x3D, '~'),
    (0x3E, ']'),
    (0x40, '|'),
    (0x41, 'À'),
    (0x49, 'Í'),
    (0x4F, 'Ó'),
    (0x55, 'Ú'),
    (0x5B, 'Ã'),
    (0x5C, 'Õ'),
    (0x61, 'Â'),
    (0x65, '€'),
    (0x69, 'í'),
    (0x6F, 'ó'),
    (0x75, 'ú'),
    (0x7B, 'ã'),
    (0x7C, 'õ'),
    (0x7F, 'â'),
];

fn locking_alphabet(locking: Option<National>) -> &'static str {
    match locking.filter(|n| n.has_locking_table()) {
        None | Some(National::Spanish) => DEFAULT_ALPHABET,
        Some(National::Turkish) => TURKISH_LOCKING,
        Some(National::Portuguese) => PORTUGUESE_LOCKING,
    }
}

fn single_table(single: Option<National>) -> &'static [(u8, char)] {
    match single {
        None => DEFAULT_EXTENSION,
        Some(National::Turkish) => TURKISH_SINGLE,
        Some(National::Spanish) => SPANISH_SINGLE,
        Some(National::Portuguese) => PORTUGUESE_SINGLE,
    }
}

/// How `c` is sent with `tables`: one septet of the locking table, or the
/// escape and one septet of the single-shift table; `None` when neither has it.
pub fn encode_char(c: char, tables: Tables) -> Option<Septets> {
    if c != '\u{1B}'
        && let Some(code) = locking_alphabet(tables.locking)
            .chars()
            .position(|x| x == c)
    {
        // the table has 128 entries, so the position fits a septet
        return Some(Septets::One(code as u8));
    }
    single_table(tables.single)
        .iter()
        .find(|&&(_, x)| x == c)
        .map(|&(code, _)| Septets::Escaped(code))
}

/// One character's septets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Septets {
    /// A character of the locking table.
    One(u8),
    /// A character of the single-shift table, after [`ESCAPE`].
    Escaped(u8),
}

impl Septets {
    pub fn count(self) -> usize {
        match self {
            Septets::One(_) => 1,
            Septets::Escaped(_) => 2,
        }
    }
}

/// The septets of `text` with `tables`, one per byte (unpacked), each escape
/// as its own [`ESCAPE`] byte; `None` when some character is in neither table.
pub fn encode(text: &str, tables: Tables) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        match encode_char(c, tables)? {
            Septets::One(code) => out.push(code),
            Septets::Escaped(code) => out.extend([ESCAPE, code]),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Option<National>; 4] = [
        None,
        Some(National::Turkish),
        Some(National::Spanish),
        Some(National::Portuguese),
    ];

    #[test]
    fn every_locking_table_has_128_septets_and_the_escape_at_0x1b() {
        for n in ALL {
            let table: Vec<char> = locking_alphabet(n).chars().collect();
            assert_eq!(table.len(), 128, "{n:?}");
            assert_eq!(table[0x1B], '\u{1B}', "{n:?}");
            // no character twice, or decoding would be ambiguous
            let mut sorted = table.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), 128, "{n:?}");
        }
    }

    #[test]
    fn single_shift_tables_are_ordered_septets_without_duplicates() {
        for n in ALL {
            let table = single_table(n);
            assert!(table.windows(2).all(|w| w[0].0 < w[1].0), "{n:?}");
            assert!(table.iter().all(|&(code, _)| code < 0x80), "{n:?}");
            let mut chars: Vec<char> = table.iter().map(|&(_, c)| c).collect();
            chars.sort_unstable();
            chars.dedup();
            assert_eq!(chars.len(), table.len(), "{n:?}");
        }
    }

    #[test]
    fn spot_checks_against_the_spec_tables() {
        let t = |locking, single| Tables { locking, single };
        let d = Tables::DEFAULT;
        assert_eq!(encode("@", d), Some(vec![0x00]));
        assert_eq!(encode("A€", d), Some(vec![0x41, ESCAPE, 0x65]));
        assert_eq!(encode("ß\n\r", d), Some(vec![0x1E, 0x0A, 0x0D]));
        assert_eq!(
            encode("ç", d),
            None,
            "only capital Ç is in the default alphabet"
        );
        assert_eq!(encode("\u{1B}", d), None, "the escape is not a character");
        let tr = Some(National::Turkish);
        assert_eq!(encode("ış", t(tr, None)), Some(vec![0x07, 0x1D]));
        assert_eq!(
            encode("ış", t(None, tr)),
            Some(vec![ESCAPE, 0x69, ESCAPE, 0x73])
        );
        // € is a single septet in the Turkish locking table, so no escape
        assert_eq!(encode("€", t(tr, tr)), Some(vec![0x04]));
        // the Turkish locking table gave è's place to €
        assert_eq!(encode("è", t(tr, tr)), None);
        let es = Some(National::Spanish);
        assert_eq!(encode("á", t(None, es)), Some(vec![ESCAPE, 0x61]));
        // Spanish has no locking table: the default alphabet stands in
        assert_eq!(encode("è", t(es, None)), Some(vec![0x04]));
        let pt = Some(National::Portuguese);
        assert_eq!(encode("ãº", t(pt, None)), Some(vec![0x7B, 0x24]));
        assert_eq!(encode("Φ", t(pt, pt)), Some(vec![ESCAPE, 0x12]));
    }

    #[test]
    fn languages_get_their_national_tables() {
        let tr = tables_for_language("tr-TR");
        assert_eq!(
            (tr.locking, tr.single),
            (Some(National::Turkish), Some(National::Turkish))
        );
        let es = tables_for_language("es");
        assert_eq!((es.locking, es.single), (None, Some(National::Spanish)));
        let pt = tables_for_language("PT_br");
        assert_eq!(pt.locking, Some(National::Portuguese));
        assert_eq!(tables_for_language("az"), Tables::DEFAULT);
        assert_eq!(tables_for_language(""), Tables::DEFAULT);
        assert_eq!(tables_for_language("tre"), Tables::DEFAULT);
    }
}
