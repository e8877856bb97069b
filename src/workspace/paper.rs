//! Paper sizes and document kinds, with the print geometry each implies.

use serde::{Deserialize, Serialize};

use super::config::Format;

/// A trim size. Dimensions are portrait width × height in millimetres.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Paper {
    A4,
    A5,
    A6,
    DL,
    /// A 16:9 screen (slides): 320 × 180 mm, so that 1920 × 1080 pixels are
    /// exactly 6 pixels per millimetre.
    #[serde(rename = "16:9")]
    Screen,
}

impl Paper {
    pub fn size_mm(self) -> (u32, u32) {
        match self {
            Paper::A4 => (210, 297),
            Paper::A5 => (148, 210),
            Paper::A6 => (105, 148),
            Paper::DL => (99, 210),
            Paper::Screen => (320, 180),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A5 => "A5",
            Paper::A6 => "A6",
            Paper::DL => "DL",
            Paper::Screen => "16:9",
        }
    }
}

/// What a document is, which decides how its blocks are split into surfaces
/// and which files it makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// One sheet, printed on one or two sides.
    Flyer,
    /// A sheet folded in three (roll fold): two sides of three panels.
    Leaflet,
    /// Booklet pages, saddle-stitched, so the page count is a multiple of 4.
    Brochure,
    /// A 16:9 deck for screens, one slide per `break` (docs/channels.md).
    Slides,
    /// Subtitles and a voice-over script: blocks are timed cues.
    Video,
    /// Short text messages: each `sms` block is one message.
    Sms,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Flyer => "flyer",
            Kind::Leaflet => "leaflet",
            Kind::Brochure => "brochure",
            Kind::Slides => "slides",
            Kind::Video => "video",
            Kind::Sms => "sms",
        }
    }

    /// Every kind, in the order `--help` and the docs list them.
    pub const ALL: [Kind; 6] = [
        Kind::Flyer,
        Kind::Leaflet,
        Kind::Brochure,
        Kind::Slides,
        Kind::Video,
        Kind::Sms,
    ];

    /// Printed on paper (and so laid out on a trim size with bleed).
    pub fn is_print(self) -> bool {
        matches!(self, Kind::Flyer | Kind::Leaflet | Kind::Brochure)
    }

    /// The paper a document of this kind is on when the campaign names none;
    /// slides are always on a 16:9 screen. Video and SMS have no page: their
    /// `paper` is never shown (the manifest leaves it out).
    pub fn default_paper(self) -> Paper {
        match self {
            Kind::Flyer => Paper::A5,
            Kind::Leaflet => Paper::A4,
            Kind::Brochure => Paper::A5,
            Kind::Slides | Kind::Video | Kind::Sms => Paper::Screen,
        }
    }

    /// The files a document of this kind can make, of which a build makes
    /// those in its formats (`project.formats`, `--format`); the first is
    /// the one a reader opens (the one the translators' exchange points to).
    pub fn formats(self) -> &'static [Format] {
        match self {
            Kind::Flyer | Kind::Leaflet | Kind::Brochure => {
                &[Format::Html, Format::Txt, Format::Pdf]
            }
            Kind::Slides => &[Format::Html, Format::Txt, Format::Pdf, Format::Png],
            Kind::Video => &[Format::Vtt, Format::Srt, Format::Txt],
            Kind::Sms => &[Format::Txt],
        }
    }

    /// Whether the document has a page size worth recording (print and slides).
    pub fn has_paper(self) -> bool {
        !matches!(self, Kind::Video | Kind::Sms)
    }
}

/// Panels of a roll-fold leaflet in reading order (1 = front cover) and how
/// they sit on the sheet: the outside shows flap, back, front; the inside
/// shows three panels, the last one folding in and therefore 3 mm narrower.
pub const LEAFLET_PANELS: usize = 6;
/// Reading-order panel numbers per printed side, in the sheet's inline order.
pub const LEAFLET_IMPOSITION: [[usize; 3]; 2] = [[5, 6, 1], [2, 3, 4]];
/// What each panel is, by reading-order number (index 0 is panel 1), in the
/// words a designer uses: for the print preview and a new leaflet's comments.
/// The flap is the outside of the panel that folds in; it shows when the
/// front cover is opened.
pub const LEAFLET_PANEL_NAMES: [&str; LEAFLET_PANELS] = [
    "front cover",
    "inside, first panel",
    "inside, middle panel",
    "inside, last panel (folds in)",
    "flap",
    "back cover",
];
/// Widths in mm of the three panels of each side, in the same order.
pub const LEAFLET_PANEL_WIDTHS: [[u32; 3]; 2] = [[97, 100, 100], [100, 100, 97]];
