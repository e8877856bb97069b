//! `out/index.html`: the review page, one table per campaign with a row per
//! locale: completeness, links to every document, the fallbacks used.

use serde::Serialize;

use crate::locale::Fallback;
use crate::status::Cell;

#[derive(Debug, Clone, Serialize)]
pub struct Index {
    pub project: String,
    pub files: usize,
    pub locales: Vec<String>,
    pub campaigns: Vec<IndexCampaign>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndexCampaign {
    pub id: String,
    /// The campaign's title in the source locale.
    pub title: String,
    pub rows: Vec<IndexRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndexRow {
    pub locale: String,
    pub dir: &'static str,
    /// A pseudo-locale, generated from the source for testing.
    pub pseudo: bool,
    /// The same numbers as `pamphlet status`.
    pub status: Cell,
    pub documents: Vec<IndexDocument>,
    pub fallbacks: Vec<Fallback>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndexDocument {
    pub id: String,
    pub files: Vec<IndexFile>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndexFile {
    pub format: &'static str,
    pub href: String,
    /// PDF only: a PNG of the first page.
    pub preview: Option<String>,
}
