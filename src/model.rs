//! The localized document: what templates see. Every string here is already
//! resolved text in the target locale (or a recorded fallback); templates add
//! layout, never words.

use serde::Serialize;

use crate::locale::Fallback;
use crate::workspace::theme::ThemeInfo;
use crate::workspace::{Kind, Tone};

#[derive(Debug, Clone, Serialize)]
pub struct LocalizedDocument {
    pub campaign: CampaignInfo,
    pub document: DocumentInfo,
    pub locale: LocaleInfo,
    /// The campaign's title message, resolved.
    pub title: String,
    /// Flyer sides, leaflet panels (reading order) or brochure pages.
    pub surfaces: Vec<Surface>,
    /// Leaflet only: the two printed sides, each with its three panels in
    /// inline (left-to-right for LTR) order. Empty for other kinds.
    pub sheets: Vec<Sheet>,
    /// Every fallback used, sorted, without duplicates.
    pub fallbacks: Vec<Fallback>,
    /// The same document in every language of the project (this one
    /// included, marked `current`), in the project's order: the language
    /// switcher and `<link rel="alternate" hreflang>`.
    pub languages: Vec<Language>,
    /// The project's colours (`pamphlet.toml` `[theme]`).
    pub theme: std::sync::Arc<ThemeInfo>,
    /// Every pictogram the document shows, once each, in the order of
    /// `crate::icons::ICONS`: a page carries the shapes of these only.
    pub icons: Vec<IconShape>,
    /// The theme's font families (`[theme.fonts]`) for this locale, its
    /// script's first: ahead of the built-in font lists.
    pub fonts: Vec<String>,
}

/// One built-in pictogram as the templates draw it.
#[derive(Debug, Clone, Serialize)]
pub struct IconShape {
    pub name: &'static str,
    /// The `viewBox` of `svg`.
    pub view_box: &'static str,
    /// SVG markup (the body of a `<symbol>`): the icon set's own data.
    pub svg: &'static str,
    /// The same shapes as Typst curves (`crate::icons::Icon::typst`).
    pub typst: &'static str,
    /// The stroke width in view-box units.
    pub stroke_width: &'static str,
    /// Flipped in right-to-left documents (arrows).
    pub mirrors: bool,
}

/// One language a document is built in, named in itself.
#[derive(Debug, Clone, Serialize)]
pub struct Language {
    pub tag: String,
    /// The language's name in that language (`Русский`, `العربية`).
    pub name: String,
    pub dir: &'static str,
    /// The document shown is in this language.
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct CampaignInfo {
    pub id: String,
    pub valid_as_of: Option<String>,
    pub edition: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    pub id: String,
    pub kind: Kind,
    pub paper: PaperInfo,
    pub blank_pages: usize,
    /// A brochure that flows: `surfaces` are its cover, middle and back
    /// parts, not pages (`workspace::campaign::flow_parts`).
    pub flow: bool,
    /// Slides: seconds per slide in the slideshow's kiosk mode.
    pub advance_seconds: u32,
    /// SMS: the most segments a message may take.
    pub max_segments: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PaperInfo {
    pub name: &'static str,
    pub width_mm: u32,
    pub height_mm: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocaleInfo {
    pub tag: String,
    /// `ltr` or `rtl`, for `<html dir>`.
    pub dir: &'static str,
    pub rtl: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Surface {
    /// 1-based position in reading order.
    pub number: usize,
    /// A leaflet panel's name (`front cover`, `flap`, …); none for other kinds.
    pub name: Option<&'static str>,
    pub width_mm: u32,
    pub blocks: Vec<PlacedBlock>,
}

impl Surface {
    /// What the surface's blocks show, in order, without their anchors.
    pub fn localized_blocks(&self) -> impl Iterator<Item = &LocalizedBlock> {
        self.blocks.iter().map(|p| &p.block)
    }
}

/// A block on its surface: what it shows, and its `id` in the HTML page
/// (`workspace::Document::anchors`), which templates read as `b.anchor`.
#[derive(Debug, Clone, Serialize)]
pub struct PlacedBlock {
    #[serde(flatten)]
    pub block: LocalizedBlock,
    pub anchor: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Sheet {
    pub name: &'static str,
    pub panels: Vec<Surface>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum LocalizedBlock {
    Heading {
        level: u8,
        text: String,
        /// A pictogram's name (`icons`), shown before the text.
        icon: Option<&'static str>,
    },
    Paragraph {
        text: String,
        icon: Option<&'static str>,
    },
    List {
        items: Vec<String>,
    },
    Steps {
        items: Vec<String>,
    },
    Callout {
        tone: Tone,
        title: Option<String>,
        text: String,
        /// The campaign's choice, or the tone's pictogram (`warning`, `info`).
        icon: &'static str,
    },
    Contact {
        title: Option<String>,
        entries: Vec<LocalizedEntry>,
    },
    Link {
        text: String,
        url: String,
        /// A QR code of the URL as an SVG `data:` URI, when the campaign asks for one.
        qr: Option<String>,
        icon: Option<&'static str>,
    },
    Image {
        src: String,
        alt: String,
        caption: Option<String>,
    },
    Footnote {
        text: String,
    },
    Organization {
        name: String,
        logo: Option<String>,
        alt: Option<String>,
    },
    Edition {
        text: String,
        date: Option<String>,
    },
    /// A printed document's cover (docs/campaign-format.md): images as
    /// `data:` URIs.
    Cover {
        title: String,
        subtitle: Option<String>,
        name: Option<String>,
        logo: Option<String>,
        alt: Option<String>,
        image: Option<String>,
        image_alt: Option<String>,
    },
    /// One subtitle of a video, from `start` to `end` (milliseconds).
    Cue {
        text: String,
        /// The message id, for the diagnostics that name it.
        message: String,
        start: crate::subtitles::Millis,
        end: crate::subtitles::Millis,
        speaker: Option<String>,
        voice_over: Option<String>,
    },
    /// One text message of an SMS document.
    Sms {
        text: String,
        /// The message id, for the diagnostics that name it.
        message: String,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct LocalizedEntry {
    pub label: Option<String>,
    /// `phone`, `email`, `url` or `text`.
    pub kind: &'static str,
    pub value: String,
    /// Link target for phone, email and url entries.
    pub href: Option<String>,
    /// The campaign's choice, or by the link target: `phone` (`tel:`),
    /// `email` (`mailto:`), `web` (other links), `address` (text).
    pub icon: &'static str,
}
