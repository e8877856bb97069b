//! `out/index.html`: the review page, one table per campaign with a row per
//! locale: completeness, how the source of stale translations changed, links
//! to every document, the fallbacks used.

use serde::Serialize;

use super::Tree;
use crate::locale::Fallback;
use crate::locale::quote::{self, Piece};
use crate::locale::review::StaleMessage;
use crate::render::markup;
use crate::status::{CampaignRow, Cell};
use crate::workspace::Format;

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
    /// What a video's subtitles or an SMS document's messages come to
    /// (`4 cues, 8 subtitle lines, 18.5 s`; `1 SMS: 2 segments, UCS-2`).
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndexFile {
    /// The format, or for an image of slides `png 2` (its slide).
    pub format: String,
    pub href: String,
    /// PDF only (or the first slide's image when slides have no PDF): a PNG
    /// of the first page.
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

impl Index {
    /// The review page of `tree`: a table per campaign, a row per locale
    /// (in the tree's order), with the status matrix's numbers.
    pub fn assemble(tree: &Tree) -> Index {
        let catalog = tree.catalog;
        let done = tree.documents;
        let mut campaigns: Vec<IndexCampaign> = Vec::new();
        let mut status_row: Option<&CampaignRow> = None;
        for d in done {
            let campaign = d.job.campaign;
            if campaigns.last().is_none_or(|c| c.id != campaign.id) {
                let title = done
                    .iter()
                    .find(|o| o.job.campaign.id == campaign.id && o.job.locale == catalog.source)
                    .map_or_else(
                        || campaign.id.clone(),
                        |o| markup::to_text(&o.info.title).replace(['\u{2068}', '\u{2069}'], ""),
                    );
                campaigns.push(IndexCampaign {
                    id: campaign.id.clone(),
                    title,
                    rows: Vec::new(),
                });
                status_row = tree
                    .status
                    .campaigns
                    .iter()
                    .find(|r| r.campaign == campaign.id);
            }
            let Some(c) = campaigns.last_mut() else {
                continue;
            };
            let tag = catalog.tag(d.job.locale);
            if c.rows.last().is_none_or(|r| r.locale != tag) {
                let locale = &catalog.locales[d.job.locale];
                c.rows.push(IndexRow {
                    locale: tag.to_owned(),
                    dir: if locale.rtl { "rtl" } else { "ltr" },
                    pseudo: locale.pseudo,
                    status: status_row
                        .and_then(|r| r.cells.get(d.job.locale.index()))
                        .cloned()
                        .unwrap_or_default(),
                    stale: status_row
                        .and_then(|r| r.cells.get(d.job.locale.index()))
                        .map(|cell| cell.stale_messages.iter().map(IndexStale::new).collect())
                        .unwrap_or_default(),
                    documents: Vec::new(),
                    fallbacks: Vec::new(),
                });
            }
            let Some(row) = c.rows.last_mut() else {
                continue;
            };
            let has_pdf = d.outputs.iter().any(|f| f.format == Format::Pdf);
            row.documents.push(IndexDocument {
                id: d.job.document.id.clone(),
                files: d
                    .outputs
                    .iter()
                    .map(|f| IndexFile {
                        format: match f.part {
                            Some(n) => format!("{} {n}", f.format.extension()),
                            None => f.format.extension().to_owned(),
                        },
                        href: f.path.clone(),
                        preview: match (f.format, f.part) {
                            (Format::Pdf, _) if tree.ws.config.pdf.previews => {
                                Some(crate::pdf::preview_path(&f.path))
                            }
                            (Format::Png, Some(1)) if !has_pdf => Some(f.path.clone()),
                            _ => None,
                        },
                    })
                    .collect(),
                note: d.info.channel.as_ref().map(|c| c.summary()),
            });
            row.fallbacks.extend(d.info.fallbacks.iter().cloned());
            row.fallbacks.sort();
            row.fallbacks.dedup_by(|a, b| a.message == b.message);
        }
        Index {
            project: tree.ws.config.name.clone(),
            files: done.iter().map(|d| d.outputs.len()).sum(),
            locales: catalog.locales.iter().map(|l| l.tag.clone()).collect(),
            campaigns,
        }
    }
}
