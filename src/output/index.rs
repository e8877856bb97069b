//! `out/index.html`: the review page, one table per campaign with a row per
//! locale: completeness, how the source of stale translations changed, links
//! to every document, the fallbacks used.

use serde::Serialize;

use crate::locale::Fallback;
use crate::locale::quote::{self, Piece};
use crate::locale::review::StaleMessage;
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
    /// The stale translations, with how their source changed.
    pub stale: Vec<IndexStale>,
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

/// How the source of a stale translation changed, word by word.
#[derive(Debug, Clone, Serialize)]
pub struct IndexStale {
    pub id: String,
    /// Whether the review record keeps the old text (older records keep
    /// only a hash; then `was` is empty and `now` the whole new text).
    pub recorded: bool,
    /// The source text reviewed; the words since removed are `changed`.
    pub was: Vec<Piece>,
    /// The source text now; the words since added are `changed`.
    pub now: Vec<Piece>,
}

impl IndexStale {
    pub fn new(stale: &StaleMessage) -> Self {
        let (was, now) = match &stale.reviewed {
            Some(old) => quote::word_diff(old, &stale.source),
            None => (
                Vec::new(),
                vec![Piece {
                    text: stale.source.clone(),
                    changed: false,
                }],
            ),
        };
        IndexStale {
            id: stale.id.clone(),
            recorded: stale.reviewed.is_some(),
            was,
            now,
        }
    }
}
