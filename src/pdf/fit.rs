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
//!
//! Content can also be too wide: a long e-mail address or URL has no place
//! to break and runs past the side of its panel, or over the text beside it.
//! The start mark of a surface also records the left and right edges of its
//! safe area ([`Area`]); every run of text the layout set ([`Ink`]) is
//! checked against the area of the surface it starts in, and against the
//! other runs on its page. Each ink is charged to the block whose end mark is
//! the first one below it.

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
    /// The page the block should be on: where the run of blocks it belongs
    /// to started (a flowing brochure's middle starts a run on each of its
    /// pages). Without it, the page of its surface's start mark.
    pub start_page: Option<usize>,
    /// Distance from the top of the trimmed page, in mm.
    pub y_mm: f64,
    /// The left and right edges of the surface's safe area: start marks
    /// only (a template override may leave them out).
    pub area: Option<Area>,
}

/// The left and right edges of a surface's safe area, in mm from the left
/// of the trimmed page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub left_mm: f64,
    pub right_mm: f64,
}

/// A run of text as the layout set it, in mm on its trimmed page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ink {
    /// 1-based page.
    pub page: usize,
    pub left_mm: f64,
    pub right_mm: f64,
    pub baseline_mm: f64,
    /// Font size, for the band of the line the run's letters fill.
    pub size_mm: f64,
}

impl Ink {
    /// Where the run's line starts: its left end, or its right end in a
    /// right-to-left document. A run that overflows still starts inside the
    /// surface it belongs to.
    fn start(&self, rtl: bool) -> f64 {
        if rtl { self.right_mm } else { self.left_mm }
    }

    /// Whether two runs cover the same spot: their x-height bands (the part
    /// of a line that letters always fill, so lines set close together never
    /// count) and more than a rounding of their widths overlap.
    fn collides(&self, other: &Ink) -> bool {
        let band = |i: &Ink| (i.baseline_mm - 0.45 * i.size_mm, i.baseline_mm);
        let (top_a, bottom_a) = band(self);
        let (top_b, bottom_b) = band(other);
        self.page == other.page
            && top_a < bottom_b
            && top_b < bottom_a
            && self.left_mm.max(other.left_mm) + TOLERANCE_MM < self.right_mm.min(other.right_mm)
    }
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
    /// How far text runs past the side of the safe area, in mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side_mm: Option<f64>,
    /// Whether text of the block is set over other text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub overlaps: bool,
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
        let first_bad = ms.iter().filter(|m| m.block > 0).find(|m| {
            let want = m.start_page.unwrap_or(start.page);
            match rule {
                FitRule::Panels { limit_mm } => m.page != want || m.y_mm > limit_mm + TOLERANCE_MM,
                FitRule::Pages => m.page != want,
            }
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
                extra_pages: last
                    .page
                    .saturating_sub(last.start_page.unwrap_or(start.page)),
                side_mm: None,
                overlaps: false,
            });
        }
    }
    out
}

/// Every surface with text too wide for it: the first block with a run
/// past the side of its safe area, and the first whose text is set over
/// other text, by surface number. `rtl`: lines start at the right.
pub fn too_wide(marks: &[Mark], inks: &[Ink], rtl: bool) -> Vec<Overflow> {
    let starts: Vec<(&Mark, Area)> = marks
        .iter()
        .filter(|m| m.block == 0)
        .filter_map(|m| Some((m, m.area?)))
        .collect();
    // the surface and block of each run of text
    let placed: Vec<(&Ink, usize, usize)> = inks
        .iter()
        .filter_map(|ink| {
            let x = ink.start(rtl);
            let (start, _) = starts.iter().find(|(m, a)| {
                m.page == ink.page
                    && x >= a.left_mm - TOLERANCE_MM
                    && x <= a.right_mm + TOLERANCE_MM
            })?;
            let block = block_at(marks, start, ink)?;
            Some((ink, start.surface, block))
        })
        .collect();
    let mut out: Vec<Overflow> = Vec::new();
    let mut report = |surface: usize, block: usize, side_mm: Option<f64>, overlaps: bool| match out
        .iter_mut()
        .find(|o| o.surface == surface && (o.side_mm.is_some() == side_mm.is_some()))
    {
        Some(o) if o.block < block => {}
        Some(o) if o.block == block => {
            if let (Some(was), Some(mm)) = (o.side_mm, side_mm) {
                o.side_mm = Some(was.max(mm));
            }
        }
        Some(o) => {
            o.block = block;
            o.side_mm = side_mm;
        }
        None => out.push(Overflow {
            surface,
            block,
            by_mm: None,
            extra_pages: 0,
            side_mm,
            overlaps,
        }),
    };
    for &(ink, surface, block) in &placed {
        let (_, area) = starts
            .iter()
            .find(|(m, _)| m.surface == surface)
            .expect("placed in a surface with an area");
        let past = (area.left_mm - ink.left_mm).max(ink.right_mm - area.right_mm);
        if past > TOLERANCE_MM {
            report(surface, block, Some((past * 10.0).round() / 10.0), false);
        }
    }
    for (i, &(ink, surface, block)) in placed.iter().enumerate() {
        if placed[i + 1..]
            .iter()
            .any(|(other, ..)| ink.collides(other))
        {
            report(surface, block, None, true);
        }
    }
    out.sort_by_key(|o| (o.surface, o.block));
    out
}

/// The block of `start`'s surface that `ink` belongs to: the first whose end
/// mark lies below the run's baseline (on the same page).
fn block_at(marks: &[Mark], start: &Mark, ink: &Ink) -> Option<usize> {
    marks
        .iter()
        .filter(|m| m.surface == start.surface && m.block > 0 && m.page == ink.page)
        .filter(|m| m.y_mm + TOLERANCE_MM >= ink.baseline_mm)
        .map(|m| m.block)
        .min()
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
        Kind::Brochure | Kind::Video | Kind::Sms => "page",
        Kind::Slides => "slide",
    };
    let blocks: &[Block] = document
        .surfaces
        .get(o.surface.wrapping_sub(1))
        .map_or(&[], Vec::as_slice);
    // too wide: the block itself; too long: the block and all after it
    let rest = if o.side_mm.is_some() || o.overlaps {
        blocks
            .get(o.block.saturating_sub(1)..o.block)
            .unwrap_or(&[])
    } else {
        blocks.get(o.block.saturating_sub(1)..).unwrap_or(&[])
    };
    // each message once, in the order the blocks use them
    let mut messages: Vec<String> = Vec::new();
    for t in rest.iter().flat_map(|b| b.texts()) {
        let msg = t.msg.to_string();
        if !messages.contains(&msg) {
            messages.push(msg);
        }
    }
    let block_type = rest.first().map_or("block", Block::type_name);
    let how = match (o.side_mm, o.overlaps, o.by_mm, o.extra_pages) {
        (Some(mm), ..) => format!(
            "in block {} ({block_type}), text runs {mm} mm past the side of the safe area",
            o.block
        ),
        (None, true, ..) => format!(
            "in block {} ({block_type}), text is set over other text",
            o.block
        ),
        (_, _, Some(mm), 0) => format!(
            "from block {} ({block_type}) on, the content runs {mm} mm below the safe area",
            o.block
        ),
        (.., n) => format!(
            "from block {} ({block_type}) on, the content runs onto {n} more {}",
            o.block,
            if n == 1 { "page" } else { "pages" }
        ),
    };
    let message = format!(
        "{locale}: {what} {} of {}/{} does not fit in the PDF: {how}; messages: {}",
        o.surface,
        campaign.id,
        document.id,
        messages.join(", ")
    );
    let hint = if o.side_mm.is_some() || o.overlaps {
        format!(
            "a word, address or number too long for the {what}: shorten it in locales/{locale}/, or give it spaces (or `/`, `.`) where a line may break"
        )
    } else {
        format!(
            "shorten these messages in locales/{locale}/, or move blocks to another {what} with a `break` block"
        )
    };
    let d = Diagnostic::warning("pdf-overflow", message);
    let d = match rest
        .first()
        .and_then(|b| b.texts().first().map(|t| t.position))
    {
        Some(p) => d.at(campaign.file.clone(), p, campaign.snippet(p.line)),
        None => d.in_file(campaign.file.clone()),
    };
    d.with_hint(hint)
}

/// The `pdf-blank-page` note (info: a blank page is a choice a layout may
/// make, never a failure, so `--strict` lets it pass) of a brochure of `campaign` that kept
/// `blank` blank pages in `locale`: added to make its page count a multiple
/// of 4 (`break`s), or left when it flowed.
pub fn blank_pages(
    campaign: &Campaign,
    document: &Document,
    locale: &str,
    blank: usize,
) -> Diagnostic {
    let pages = if blank == 1 {
        "1 blank page".to_owned()
    } else {
        format!("{blank} blank pages")
    };
    let hint = if document.flow {
        "the brochure has fewer blocks than pages: add content, or split long blocks"
    } else {
        "its `break`s make a page count that is not a multiple of 4: remove the `break` blocks to let the pages flow, or add or merge pages"
    };
    Diagnostic::info(
        "pdf-blank-page",
        format!(
            "{locale}: {}/{} has {pages}, to make its page count a multiple of 4",
            campaign.id, document.id
        ),
    )
    .in_file(campaign.file.clone())
    .with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(surface: usize, block: usize, page: usize, y_mm: f64) -> Mark {
        Mark {
            surface,
            block,
            page,
            start_page: None,
            y_mm,
            area: None,
        }
    }

    /// The start mark of a surface with its safe area.
    fn start(surface: usize, page: usize, left_mm: f64, right_mm: f64) -> Mark {
        Mark {
            area: Some(Area { left_mm, right_mm }),
            ..m(surface, 0, page, 6.0)
        }
    }

    fn ink(page: usize, left_mm: f64, right_mm: f64, baseline_mm: f64) -> Ink {
        Ink {
            page,
            left_mm,
            right_mm,
            baseline_mm,
            size_mm: 3.4,
        }
    }

    /// Two panels side by side: 6–91 mm and 103–191 mm, two blocks each.
    fn two_panels() -> Vec<Mark> {
        vec![
            start(1, 1, 6.0, 91.0),
            m(1, 1, 1, 40.0),
            m(1, 2, 1, 80.0),
            start(2, 1, 103.0, 191.0),
            m(2, 1, 1, 40.0),
            m(2, 2, 1, 80.0),
        ]
    }

    #[test]
    fn text_within_its_panel_fits() {
        let inks = [ink(1, 6.0, 91.0, 20.0), ink(1, 103.0, 150.0, 60.0)];
        assert_eq!(too_wide(&two_panels(), &inks, false), vec![]);
    }

    #[test]
    fn text_past_the_side_of_its_panel_is_charged_to_its_block() {
        // a long address in panel 1's second block runs into the fold
        let inks = [ink(1, 6.0, 50.0, 20.0), ink(1, 6.0, 95.3, 60.0)];
        let o = too_wide(&two_panels(), &inks, false);
        assert_eq!(
            o,
            vec![Overflow {
                surface: 1,
                block: 2,
                by_mm: None,
                extra_pages: 0,
                side_mm: Some(4.3),
                overlaps: false,
            }]
        );
    }

    #[test]
    fn right_to_left_text_belongs_to_the_panel_it_starts_in() {
        // starts at panel 2's right edge and runs out at its left into panel 1
        let inks = [ink(1, 85.0, 191.0, 20.0)];
        let o = too_wide(&two_panels(), &inks, true);
        assert_eq!((o[0].surface, o[0].block, o[0].side_mm), (2, 1, Some(18.0)));
        // read left to right, the same run starts in panel 1 and ends past it
        let o = too_wide(&two_panels(), &inks, false);
        assert_eq!((o[0].surface, o[0].side_mm), (1, Some(100.0)));
    }

    #[test]
    fn text_over_other_text_collides() {
        // a value set over its label on the same line
        let inks = [ink(1, 6.0, 30.0, 60.0), ink(1, 20.0, 90.0, 60.5)];
        let o = too_wide(&two_panels(), &inks, false);
        assert_eq!(o.len(), 1);
        assert!(o[0].overlaps && o[0].side_mm.is_none(), "{o:?}");
        assert_eq!(o[0].block, 2);
        // lines set one under another, and runs side by side, do not
        let inks = [
            ink(1, 6.0, 90.0, 60.0),
            ink(1, 6.0, 90.0, 64.0),
            ink(1, 6.0, 40.0, 70.0),
            ink(1, 40.0, 90.0, 70.0),
        ];
        assert_eq!(too_wide(&two_panels(), &inks, false), vec![]);
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
                extra_pages: 0,
                side_mm: None,
                overlaps: false,
            }]
        );
    }

    #[test]
    fn a_flowing_surface_checks_each_block_against_the_page_of_its_run() {
        // surface 2 flows over pages 2 and 3: block 3 starts a run on page 3
        let on = |block, page, start| Mark {
            start_page: Some(start),
            ..m(2, block, page, 50.0)
        };
        let marks = [
            m(2, 0, 2, 6.0),
            on(1, 2, 2),
            on(2, 2, 2),
            on(3, 3, 3),
            on(4, 3, 3),
        ];
        assert_eq!(overflows(&marks, FitRule::Pages), vec![]);
        // block 4 ran from page 3 onto page 4
        let marks = [m(2, 0, 2, 6.0), on(1, 2, 2), on(3, 3, 3), on(4, 4, 3)];
        let o = overflows(&marks, FitRule::Pages);
        assert_eq!((o[0].surface, o[0].block, o[0].extra_pages), (2, 4, 1));
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
