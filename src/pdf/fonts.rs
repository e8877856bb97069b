//! The fonts of a run, found once: the workspace's `fonts/` folder, the
//! system's fonts (through typst-kit's font search, fontconfig's folders) and
//! the fonts built into pamphlet, in that order of precedence. Font files are
//! read lazily, the first time a document uses them, and shared by every
//! render thread.
//!
//! The font-coverage check lives here too: every character a document prints
//! must be covered by some available font, or the PDF would show empty boxes.

use std::collections::BTreeSet;
use std::path::Path;

use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst_kit::fonts::{FontSource, FontStore};

/// Every font pamphlet may use, with the book Typst selects from.
pub struct Fonts {
    store: FontStore,
    /// The metadata of every face, in the book's order (for coverage).
    infos: Vec<FontInfo>,
    /// How many font faces came from the workspace, the system and pamphlet.
    pub counts: (usize, usize, usize),
}

impl Fonts {
    /// Searches `workspace_fonts` (when it exists) and, when `system` is set,
    /// the system's font folders; adds the built-in fonts last.
    pub fn load(workspace_fonts: &Path, system: bool) -> Fonts {
        let mut fonts = Fonts {
            store: FontStore::new(),
            infos: Vec::new(),
            counts: (0, 0, 0),
        };
        if workspace_fonts.is_dir() {
            fonts.counts.0 = fonts.add(typst_kit::fonts::scan(workspace_fonts));
        }
        if system {
            fonts.counts.1 = fonts.add(typst_kit::fonts::system());
        }
        fonts.counts.2 = fonts.add(typst_kit::fonts::embedded());
        fonts
    }

    fn add<T: FontSource>(&mut self, found: impl Iterator<Item = (T, FontInfo)>) -> usize {
        let found: Vec<(T, FontInfo)> = found.collect();
        self.infos.extend(found.iter().map(|(_, i)| i.clone()));
        let n = found.len();
        self.store.extend(found);
        n
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    pub fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }

    /// Whether some font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.infos.iter().any(|f| f.coverage.contains(c as u32))
    }

    /// The characters of `chars` that need a glyph and that no font covers.
    pub fn uncovered(&self, chars: &BTreeSet<char>) -> Vec<char> {
        chars
            .iter()
            .copied()
            .filter(|&c| needs_glyph(c) && !self.covers(c))
            .collect()
    }
}

/// Whether `c` is drawn with a glyph: not whitespace, not a control or
/// format character (bidi marks and isolates, joiners, soft hyphen), not a
/// variation selector.
pub fn needs_glyph(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{E0100}'..='\u{E01EF}'))
}

/// A Debian package whose fonts cover `c`, for the hint of a coverage error.
pub fn package_for(c: char) -> &'static str {
    match c as u32 {
        0x2E80..=0x9FFF
        | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF => "fonts-noto-cjk",
        0x1F000..=0x1FAFF | 0x2600..=0x27BF => "fonts-noto-color-emoji",
        0xE000..=0xF8FF | 0xF0000..=0x10FFFF => "a font made for this private-use character",
        _ => "fonts-noto-core (or fonts-noto-extra)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_need_no_glyph() {
        for c in [
            '\u{2068}', '\u{2069}', '\u{200C}', '\u{200D}', ' ', '\n', '\u{AD}',
        ] {
            assert!(!needs_glyph(c), "{c:?}");
        }
        for c in ['a', 'ə', 'ж', 'ქ', 'ع', '中'] {
            assert!(needs_glyph(c), "{c:?}");
        }
        assert_eq!(package_for('中'), "fonts-noto-cjk");
    }
}
