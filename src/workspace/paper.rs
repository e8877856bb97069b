//! Paper sizes and document kinds, with the print geometry each implies.

use serde::{Deserialize, Serialize};

/// A trim size. Dimensions are portrait width × height in millimetres.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Paper {
    A4,
    A5,
    A6,
    DL,
}

impl Paper {
    pub fn size_mm(self) -> (u32, u32) {
        match self {
            Paper::A4 => (210, 297),
            Paper::A5 => (148, 210),
            Paper::A6 => (105, 148),
            Paper::DL => (99, 210),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A5 => "A5",
            Paper::A6 => "A6",
            Paper::DL => "DL",
        }
    }
}

/// What a document is, which decides how its blocks are split into surfaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// One sheet, printed on one or two sides.
    Flyer,
    /// A sheet folded in three (roll fold): two sides of three panels.
    Leaflet,
    /// Booklet pages, saddle-stitched, so the page count is a multiple of 4.
    Brochure,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Flyer => "flyer",
            Kind::Leaflet => "leaflet",
            Kind::Brochure => "brochure",
        }
    }

    pub fn default_paper(self) -> Paper {
        match self {
            Kind::Flyer => Paper::A5,
            Kind::Leaflet => Paper::A4,
            Kind::Brochure => Paper::A5,
        }
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
