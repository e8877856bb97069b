//! The layout-fit check: from the real Typst layout, which panels or pages
//! hold more than fits.
//!
//! The PDF templates put a mark (`#mark(surface, block)`, an invisible
//! `metadata` element) at the start of every surface (block 0) and after each
//! of its blocks. After layout, each mark's page and vertical position are
//! known:
//!
//! - a leaflet panel is a fixed box; a block whose end mark lies below the
//!   panel's safe area (`limit_mm` from the top of the sheet) sticks out of it;
//! - a flyer side or brochure page flows; a block whose end mark lies on a
//!   later page than the surface's start mark ran over onto another page.
//!
//! The first block that does not fit is reported, with how far it overflows.

use serde::{Deserialize, Serialize};

use super::FitRule;
use crate::diagnostics::Diagnostic;
use crate::workspace::{Block, Campaign, Document, Kind};

/// Slack in millimetres, for rounding in the layout.
const TOLERANCE_MM: f64 = 0.5;

/// One mark of the layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// 1-based surface (side, panel, page) in reading order.
    pub surface: usize,
    /// 0 at the start of the surface, else the 1-based block it follows.
    pub block: usize,
    /// 1-based page.
    pub page: usize,
    /// Distance from the top of the trimmed page, in mm.
    pub y_mm: f64,
}

/// A surface whose content does not fit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overflow {
    /// 1-based surface in reading order (panel or page number).
    pub surface: usize,
    /// 1-based index, within the surface, of the first block that does not fit.
    pub block: usize,
    /// How far the content runs below the safe area of a panel, in mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_mm: Option<f64>,
    /// How many more pages the surface took.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub extra_pages: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Every surface whose content does not fit, by surface number.
pub fn overflows(marks: &[Mark], rule: FitRule) -> Vec<Overflow> {
    let mut surfaces: Vec<usize> = marks.iter().map(|m| m.surface).collect();
    surfaces.sort_unstable();
    surfaces.dedup();
    let mut out = Vec::new();
    for s in surfaces {
        let mut ms: Vec<&Mark> = marks.iter().filter(|m| m.surface == s).collect();
        ms.sort_by_key(|m| m.block);
        let Some(start) = ms.iter().find(|m| m.block == 0) else {
            continue;
        };
        let last = ms.last().expect("not empty");
        let first_bad = ms.iter().filter(|m| m.block > 0).find(|m| match rule {
            FitRule::Panels { limit_mm } => {
                m.page != start.page || m.y_mm > limit_mm + TOLERANCE_MM
            }
            FitRule::Pages => m.page != start.page,
        });
        if let Some(bad) = first_bad {
            out.push(Overflow {
                surface: s,
                block: bad.block,
                by_mm: match rule {
                    FitRule::Panels { limit_mm } => {
                        Some(((last.y_mm - limit_mm) * 10.0).round() / 10.0)
                    }
                    FitRule::Pages => None,
                },
                extra_pages: last.page.saturating_sub(start.page),
            });
        }
    }
    out
}

/// The `pdf-overflow` warning of one overflow of `document` (of `campaign`)
/// in `locale`: which surface, from which block on, and the messages that
/// block and the rest of the surface show.
pub fn diagnostic(
    campaign: &Campaign,
    document: &Document,
    locale: &str,
    o: &Overflow,
) -> Diagnostic {
    let what = match document.kind {
        Kind::Leaflet => "panel",
        Kind::Flyer => "side",
        Kind::Brochure => "page",
    };
    let blocks: &[Block] = document
        .surfaces
        .get(o.surface.wrapping_sub(1))
        .map_or(&[], Vec::as_slice);
    let rest = blocks.get(o.block.saturating_sub(1)..).unwrap_or(&[]);
    let messages: Vec<String> = rest
        .iter()
        .flat_map(|b| b.texts())
        .map(|t| t.msg.to_string())
        .collect();
    let block_type = rest
        .first()
        .and_then(|b| serde_json::to_value(b).ok())
        .and_then(|v| v.get("type").and_then(|t| t.as_str().map(str::to_owned)))
        .unwrap_or_else(|| "block".to_owned());
    let how = match (o.by_mm, o.extra_pages) {
        (Some(mm), 0) => format!("runs {mm} mm below the safe area"),
        (_, n) => format!(
            "runs onto {n} more {}",
            if n == 1 { "page" } else { "pages" }
        ),
    };
    let message = format!(
        "{locale}: {what} {} of {}/{} does not fit in the PDF: from block {} ({block_type}) on, the content {how}; messages: {}",
        o.surface,
        campaign.id,
        document.id,
        o.block,
        messages.join(", ")
    );
    let d = Diagnostic::warning("pdf-overflow", message);
    let d = match rest
        .first()
        .and_then(|b| b.texts().first().map(|t| t.position))
    {
        Some(p) => d.at(campaign.file.clone(), p, campaign.snippet(p.line)),
        None => d.in_file(campaign.file.clone()),
    };
    d.with_hint(format!(
        "shorten these messages in locales/{locale}/, or move blocks to another {what} with a `break` block"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(surface: usize, block: usize, page: usize, y_mm: f64) -> Mark {
        Mark {
            surface,
            block,
            page,
            y_mm,
        }
    }

    #[test]
    fn panels_overflow_below_the_limit() {
        let marks = [
            m(1, 0, 1, 6.0),
            m(1, 1, 1, 100.0),
            m(2, 0, 1, 6.0),
            m(2, 1, 1, 150.0),
            m(2, 2, 1, 230.0),
            m(2, 3, 1, 260.0),
        ];
        let o = overflows(&marks, FitRule::Panels { limit_mm: 204.0 });
        assert_eq!(
            o,
            vec![Overflow {
                surface: 2,
                block: 2,
                by_mm: Some(56.0),
                extra_pages: 0
            }]
        );
    }

    #[test]
    fn pages_overflow_onto_the_next_page() {
        let marks = [
            m(1, 0, 1, 6.0),
            m(1, 1, 1, 100.0),
            m(1, 2, 2, 30.0),
            m(2, 0, 3, 6.0),
            m(2, 1, 3, 50.0),
        ];
        let o = overflows(&marks, FitRule::Pages);
        assert_eq!(o.len(), 1);
        assert_eq!((o[0].surface, o[0].block, o[0].extra_pages), (1, 2, 1));
    }
}
