//! PDF output: the Typst source that the `pdf/*.typ` templates render from a
//! localized document is compiled in-process with Typst into a PDF.
//!
//! - [`Typesetter`] is built once per run (lazily, by the first PDF job): it
//!   holds the fonts ([`fonts::Fonts`]: workspace `fonts/`, system fonts,
//!   built-in fonts) and Typst's standard library, and is shared, read-only,
//!   by every render thread.
//! - [`Typesetter::compile`] lays one document out and writes its PDF, in the
//!   colour variant the workspace chose ([`Variant`]). It also reads back the
//!   layout: the page count, the fonts used, and the position of the marks
//!   the templates put after every block, from which [`fit`] finds panels and
//!   pages whose content does not fit.
//! - [`escape`] keeps translations from running as Typst code.
//!
//! Documents never read files: the only source is the rendered template, and
//! images are embedded in it as bytes.

pub mod escape;
pub mod fit;
pub mod fonts;
mod world;

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use typst::foundations::{Label, Selector, Smart, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::layout::{Frame, FrameItem};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

pub use crate::workspace::pdf::{PdfSettings, Variant};
pub use fit::{Mark, Overflow};
use fonts::Fonts;

/// The label of the marks the templates place after blocks (see `pdf/base.typ`).
pub const MARK_LABEL: &str = "pamphlet-mark";

/// What a PDF is, for the manifest and the layout-fit check. Kept in the
/// build cache, so a reused PDF is reported like a fresh one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PdfFacts {
    pub pages: usize,
    /// The pages the document should have (surfaces, or two sheets for a leaflet).
    pub expected_pages: usize,
    /// Trim size in mm, width × height (a leaflet's open sheet).
    pub trim_mm: [f64; 2],
    pub bleed_mm: f64,
    pub variant: Variant,
    /// PDF standards the file conforms to (`pdf/a-2b`, `pdf/ua-1`), checked by Typst.
    pub standards: Vec<String>,
    /// Families of the fonts embedded (as subsets), sorted.
    pub fonts: Vec<String>,
    /// Panels or pages whose content does not fit.
    pub overflows: Vec<Overflow>,
}

/// How a document's layout is checked: leaflet panels are fixed boxes that
/// must hold their content down to `limit_mm` from the sheet's top; flyer
/// and brochure pages flow, and content that runs onto another page does not fit.
#[derive(Debug, Clone, Copy)]
pub enum FitRule {
    Panels { limit_mm: f64 },
    Pages,
}

/// What the PDF step needs to know of a document besides its Typst source.
#[derive(Debug, Clone)]
pub struct PdfJob<'a> {
    /// A stable name (`campaign/locale/document`), hashed into the PDF's identifier.
    pub ident: String,
    pub trim_mm: [f64; 2],
    pub expected_pages: usize,
    pub rule: FitRule,
    /// Whether the document has a date (`document(date:)`), which PDF/A needs.
    pub dated: bool,
    pub settings: &'a PdfSettings,
}

/// A compiled document.
pub struct Compiled {
    pub bytes: Vec<u8>,
    pub facts: PdfFacts,
}

/// Fonts and Typst's library, loaded once per run and shared by all threads.
pub struct Typesetter {
    pub fonts: Fonts,
    library: typst::utils::LazyHash<typst::Library>,
    /// How long finding the fonts took.
    pub load_time: Duration,
}

impl Typesetter {
    /// Finds the fonts: `<root>/fonts/`, then (unless switched off) the
    /// system's, then pamphlet's own.
    pub fn load(root: &Path, settings: &PdfSettings) -> Typesetter {
        let t = Instant::now();
        let fonts = Fonts::load(&root.join("fonts"), settings.system_fonts);
        Typesetter {
            fonts,
            library: typst::utils::LazyHash::new(<typst::Library as typst::LibraryExt>::default()),
            load_time: t.elapsed(),
        }
    }

    /// Characters of `text` that no available font can draw, sorted.
    pub fn uncovered(&self, chars: &BTreeSet<char>) -> Vec<char> {
        self.fonts.uncovered(chars)
    }

    /// Lays out `source` and writes the PDF. Errors are Typst's own messages
    /// (a broken template override, a PDF standard the content cannot meet),
    /// pointing at the line of the generated source.
    pub fn compile(&self, source: String, job: &PdfJob) -> Result<Compiled, Vec<String>> {
        let world = world::DocWorld::new(self, source);
        let doc = typst::compile::<PagedDocument>(&world)
            .output
            .map_err(|errors| world.describe(&errors))?;
        let accessible = job.settings.variant == Variant::Accessible;
        let mut standards = Vec::new();
        if accessible {
            if job.dated {
                standards.push(PdfStandard::A_2b);
            }
            standards.push(PdfStandard::Ua_1);
        }
        let options = PdfOptions {
            ident: Smart::Custom(job.ident.clone()),
            creator: Smart::Custom(Some(format!(
                "pamphlet {} (Typst)",
                env!("CARGO_PKG_VERSION")
            ))),
            timestamp: None,
            page_ranges: None,
            standards: PdfStandards::new(&standards).map_err(|e| vec![format!("{e:?}")])?,
            tagged: true,
            pretty: false,
        };
        let bytes = typst_pdf::pdf(&doc, &options).map_err(|errors| world.describe(&errors))?;
        let marks = read_marks(&doc);
        let overflows = fit::overflows(&marks, job.rule);
        let mut fonts = BTreeSet::new();
        for page in doc.pages() {
            collect_fonts(&page.frame, &mut fonts);
        }
        Ok(Compiled {
            bytes,
            facts: PdfFacts {
                pages: doc.pages().len(),
                expected_pages: job.expected_pages,
                trim_mm: job.trim_mm,
                bleed_mm: job.settings.bleed_mm,
                variant: job.settings.variant,
                standards: standards
                    .iter()
                    .map(|s| match s {
                        PdfStandard::A_2b => "pdf/a-2b".to_owned(),
                        _ => "pdf/ua-1".to_owned(),
                    })
                    .collect(),
                fonts: fonts.into_iter().collect(),
                overflows,
            },
        })
    }
}

/// The marks the templates left in the layout: which surface and block each
/// follows, and where it landed.
fn read_marks(doc: &PagedDocument) -> Vec<Mark> {
    let Some(label) = Label::new(PicoStr::intern(MARK_LABEL)) else {
        return Vec::new();
    };
    let int = |v: Option<&Value>| match v {
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Float(f)) => *f,
        _ => f64::NAN,
    };
    doc.introspector()
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|content| {
            let meta = content.to_packed::<MetadataElem>()?;
            let Value::Dict(d) = &meta.value else {
                return None;
            };
            let mark = Mark {
                surface: int(d.get("s").ok()) as usize,
                block: int(d.get("b").ok()) as usize,
                page: int(d.get("page").ok()) as usize,
                y_mm: int(d.get("y").ok()),
            };
            mark.y_mm.is_finite().then_some(mark)
        })
        .collect()
}

fn collect_fonts(frame: &Frame, out: &mut BTreeSet<String>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Text(t) => {
                if !out.contains(&t.font.font().info().family) {
                    out.insert(t.font.font().info().family.clone());
                }
            }
            FrameItem::Group(g) => collect_fonts(&g.frame, out),
            _ => {}
        }
    }
}
