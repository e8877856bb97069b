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
//!   pages whose content does not fit; and renders a PNG of the first page
//!   for the review page. Typst runs on a thread pool of its own (see
//!   [`Typesetter::compile`] for why).
//! - [`escape`] keeps translations from running as Typst code.
//!
//! Documents never read files: the only source is the rendered template, and
//! images are embedded in it as bytes.

pub mod fit;
pub mod fonts;
mod world;

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use typst::foundations::{Label, Selector, Smart, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::diagnostics::Diagnostic;
use crate::model::LocalizedDocument;
use crate::render::Engine;
use crate::workspace::Kind;
use crate::workspace::paper::LEAFLET_PANEL_WIDTHS;
pub use crate::workspace::pdf::{PdfSettings, Variant};
pub use fit::{Area, Ink, Mark, Overflow};
use fonts::Fonts;

/// Stack size of the threads that lay out PDFs: Typst's layout recurses
/// deeply (rayon's default of 2 MiB overflowed in debug builds).
const THREAD_STACK: usize = 32 * 1024 * 1024;

/// The label of the marks the templates place after blocks (see `pdf/base.typ`).
pub const MARK_LABEL: &str = "pamphlet-mark";

/// The label of the count of blank pages a flowing brochure kept (`pdf/base.typ`).
pub const BLANK_LABEL: &str = "pamphlet-blank";

/// What a PDF is, for the manifest and the layout-fit check. Kept in the
/// build cache, so a reused PDF is reported like a fresh one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PdfFacts {
    pub pages: usize,
    /// The pages the document should have (surfaces, or two sheets for a leaflet).
    pub expected_pages: usize,
    /// Blank pages in a brochure: added to make its page count a multiple
    /// of 4, or left by a flowing brochure with fewer blocks than pages.
    #[serde(default)]
    pub blank_pages: usize,
    /// Trim size in mm, width × height (a leaflet's open sheet).
    pub trim_mm: [f64; 2],
    pub bleed_mm: f64,
    /// Crop marks in a slug outside the bleed (the MediaBox then includes it).
    #[serde(default)]
    pub crop_marks: bool,
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
    pub blank_pages: usize,
    pub rule: FitRule,
    /// Whether the document has a date (`document(date:)`), which PDF/A needs.
    pub dated: bool,
    /// Right-to-left: lines start at the right (for the width check).
    pub rtl: bool,
    /// Slides: an image of every page, [`SLIDE_PIXELS`] wide.
    pub page_images: bool,
    pub settings: &'a PdfSettings,
}

/// Width in pixels of a slide's image: 1920 × 1080 (Full HD) on the 320 ×
/// 180 mm page of a slide.
pub const SLIDE_PIXELS: u32 = 1920;

/// A compiled document.
pub struct Compiled {
    pub bytes: Vec<u8>,
    pub facts: PdfFacts,
    /// A small PNG of the first page (trim size), for the review page.
    pub preview: Option<Vec<u8>>,
    /// A PNG of every page, when the job asks for them ([`PdfJob::page_images`]).
    pub pages: Vec<Vec<u8>>,
}

/// Pixels per point of the first-page previews: an A4 sheet becomes 421 px wide.
const PREVIEW_SCALE: f64 = 0.5;

/// Where the preview of the PDF at `pdf_path` (`campaign/locale/document.pdf`)
/// goes in the output folder: `_previews/campaign/locale/document.png` (a
/// campaign id is a slug, which has no `_`, so no campaign can clash with it).
pub fn preview_path(pdf_path: &str) -> String {
    let stem = pdf_path.strip_suffix(".pdf").unwrap_or(pdf_path);
    format!("_previews/{stem}.png")
}

/// Fonts and Typst's library, loaded once per run and shared by all threads.
pub struct Typesetter {
    pub fonts: Fonts,
    library: typst::utils::LazyHash<typst::Library>,
    /// How long finding the fonts took.
    pub load_time: Duration,
    /// Documents compiled so far, to evict Typst's memo cache now and then.
    compiled: std::sync::atomic::AtomicUsize,
    /// The threads Typst runs on (see [`Typesetter::compile`]).
    pool: Option<rayon::ThreadPool>,
}

/// Typst memoizes layout results in a process-wide cache; every this many
/// documents, results unused since the last round are dropped, so memory stays
/// flat over thousands of documents.
const EVICT_EVERY: usize = 4;

/// Drops the layouts Typst memoized that the last few calls did not use.
/// A process that builds again and again (`pamphlet serve`) calls it after
/// each build: the eviction in [`Typesetter::compile`] counts documents per
/// typesetter, and a rebuild of one or two documents never reaches it, so
/// each rebuild's layouts would stay in the cache for good.
pub fn forget_unused_layouts() {
    typst::comemo::evict(KEEP_LAYOUTS_FOR);
}

/// How many rebuilds a memoized layout survives unused: an edit that goes
/// back and forth between two versions still finds both.
const KEEP_LAYOUTS_FOR: usize = 3;

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
            compiled: std::sync::atomic::AtomicUsize::new(0),
            pool: rayon::ThreadPoolBuilder::new()
                .num_threads(rayon::current_num_threads())
                .stack_size(THREAD_STACK)
                .thread_name(|i| format!("typst-{i}"))
                .build()
                .ok(),
        }
    }

    /// The characters of `chars` that need a glyph and that no available font has.
    pub fn uncovered(&self, chars: &BTreeSet<char>) -> Vec<char> {
        self.fonts.uncovered(chars)
    }

    /// Lays out `source` and writes the PDF. Errors are Typst's own messages
    /// (a broken template override, a PDF standard the content cannot meet),
    /// pointing at the line of the generated source.
    ///
    /// Typst parallelizes inside a document with rayon, and a rayon thread
    /// that waits takes other work of its pool meanwhile. On the render
    /// pool, that work would be other documents, started on top of the
    /// waiting one: documents in flight (and memory, and stack depth) would
    /// grow without bound. So Typst runs on a pool of its own, entered from a
    /// plain thread, and the render thread waits for it without taking work:
    /// at most one document per render thread is in flight.
    pub fn compile(&self, source: String, job: &PdfJob) -> Result<Compiled, Vec<String>> {
        let n = self
            .compiled
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if n > 0 && n.is_multiple_of(EVICT_EVERY) {
            typst::comemo::evict(1);
        }
        let Some(pool) = &self.pool else {
            return self.compile_here(source, job);
        };
        std::thread::scope(|s| {
            s.spawn(|| pool.install(|| self.compile_here(source, job)))
                .join()
                .unwrap_or_else(|_| Err(vec!["Typst stopped with an internal error".to_owned()]))
        })
    }

    fn compile_here(&self, source: String, job: &PdfJob) -> Result<Compiled, Vec<String>> {
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
        let preview = doc
            .pages()
            .first()
            .filter(|_| job.settings.previews)
            .and_then(|page| {
                let options = typst_render::RenderOptions {
                    pixel_per_pt: typst::utils::Scalar::new(PREVIEW_SCALE),
                    render_bleed: false,
                };
                typst_render::render(page, &options).encode_png().ok()
            });
        let pages = if job.page_images {
            let scale = f64::from(SLIDE_PIXELS) / (job.trim_mm[0] / 25.4 * 72.0);
            let options = typst_render::RenderOptions {
                pixel_per_pt: typst::utils::Scalar::new(scale),
                render_bleed: false,
            };
            doc.pages()
                .iter()
                .map(|page| {
                    typst_render::render(page, &options)
                        .encode_png()
                        .map_err(|e| vec![format!("cannot encode a slide as PNG: {e}")])
                })
                .collect::<Result<Vec<_>, _>>()?
        } else {
            Vec::new()
        };
        let marks = read_marks(&doc);
        let flowed_blanks = read_blank(&doc);
        let mut overflows = fit::overflows(&marks, job.rule);
        let mut inks = Vec::new();
        for (i, page) in doc.pages().iter().enumerate() {
            collect_inks(&page.frame, Transform::identity(), i + 1, &mut inks);
        }
        overflows.extend(fit::too_wide(&marks, &inks, job.rtl));
        let mut fonts = BTreeSet::new();
        for page in doc.pages() {
            collect_fonts(&page.frame, &mut fonts);
        }
        Ok(Compiled {
            bytes,
            facts: PdfFacts {
                pages: doc.pages().len(),
                // a flowing brochure has as many pages as its layout took
                expected_pages: if flowed_blanks.is_some() {
                    doc.pages().len()
                } else {
                    job.expected_pages
                },
                blank_pages: flowed_blanks.unwrap_or(job.blank_pages),
                trim_mm: job.trim_mm,
                bleed_mm: job.settings.bleed_mm,
                crop_marks: job.settings.crop_marks,
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
            preview,
            pages,
        })
    }
}

/// The marks the templates left in the layout: which surface and block each
/// follows, and where it landed. The marks do not record their own position
/// (asking for it inside the document costs a second layout); it comes from
/// the layout's introspector, in document order, so a block's run starts at
/// the last start mark of its surface before it.
fn read_marks(doc: &PagedDocument) -> Vec<Mark> {
    let Some(label) = Label::new(PicoStr::intern(MARK_LABEL)) else {
        return Vec::new();
    };
    let int = |v: Option<&Value>| match v {
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Float(f)) => *f,
        _ => f64::NAN,
    };
    let introspector = doc.introspector();
    let mut run_start: Option<(usize, usize)> = None;
    let mut marks = Vec::new();
    for content in introspector.query(&Selector::Label(label)).iter() {
        let Some(meta) = content.to_packed::<MetadataElem>() else {
            continue;
        };
        let Value::Dict(d) = &meta.value else {
            continue;
        };
        let Some(position) = content
            .location()
            .and_then(|loc| introspector.position(loc))
        else {
            continue;
        };
        let surface = int(d.get("s").ok());
        let block = int(d.get("b").ok());
        if !surface.is_finite() || !block.is_finite() {
            continue;
        }
        let (surface, block) = (surface as usize, block as usize);
        let page = position.page.get();
        if block == 0 {
            run_start = Some((surface, page));
        }
        let in_run = matches!(d.get("run").ok(), Some(Value::Bool(true)));
        // a template override made before the marks stopped asking for
        // their position still names the page of its run itself
        let named_start = int(d.get("p0").ok());
        let (left_mm, right_mm) = (int(d.get("x0").ok()), int(d.get("x1").ok()));
        marks.push(Mark {
            surface,
            block,
            page,
            start_page: if named_start.is_finite() {
                Some(named_start as usize)
            } else {
                run_start
                    .filter(|(s, _)| in_run && *s == surface)
                    .map(|(_, p)| p)
            },
            y_mm: position.point.y.to_mm(),
            area: (left_mm.is_finite() && right_mm.is_finite())
                .then_some(Area { left_mm, right_mm }),
        });
    }
    marks
}

/// The blank pages a flowing brochure kept, if the template recorded them.
fn read_blank(doc: &PagedDocument) -> Option<usize> {
    let label = Label::new(PicoStr::intern(BLANK_LABEL))?;
    doc.introspector()
        .query(&Selector::Label(label))
        .iter()
        .find_map(
            |content| match &content.to_packed::<MetadataElem>()?.value {
                Value::Int(n) => usize::try_from(*n).ok(),
                _ => None,
            },
        )
}

/// Every run of text on a page, where the layout set it (`ts`: from the
/// frame to the page).
fn collect_inks(frame: &Frame, ts: Transform, page: usize, out: &mut Vec<Ink>) {
    let mm = |a: Abs| a.to_mm();
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Text(t) if !t.glyphs.is_empty() => {
                let start = pos.transform(ts);
                let end = (*pos + Point::with_x(t.width())).transform(ts);
                out.push(Ink {
                    page,
                    left_mm: mm(start.x.min(end.x)),
                    right_mm: mm(start.x.max(end.x)),
                    baseline_mm: mm(start.y),
                    size_mm: mm(t.size),
                });
            }
            FrameItem::Group(g) => {
                let inner = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(g.transform);
                collect_inks(&g.frame, inner, page, out);
            }
            _ => {}
        }
    }
}

fn collect_fonts(frame: &Frame, out: &mut BTreeSet<String>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Text(t) if !out.contains(&t.font.font().info().family) => {
                out.insert(t.font.font().info().family.clone());
            }
            FrameItem::Group(g) => collect_fonts(&g.frame, out),
            _ => {}
        }
    }
}

/// What rendering a PDF needs besides the templates.
#[derive(Clone, Copy)]
pub struct PdfStage<'a> {
    pub typesetter: &'a Typesetter,
    pub settings: &'a PdfSettings,
    /// Slides: an image of every slide too.
    pub page_images: bool,
}

/// The `pdf` object the PDF templates see (docs/pdf.md).
#[derive(Debug, Serialize)]
pub struct TemplateInfo<'a> {
    pub variant: &'static str,
    pub bleed_mm: f64,
    pub safe_mm: f64,
    pub crop_marks: bool,
    /// Width of the slug around the bleed that holds the crop marks (0 without them).
    pub slug_mm: f64,
    /// Trim size of one page (a leaflet's open sheet), in mm.
    pub width_mm: f64,
    pub height_mm: f64,
    /// ISO 639 language and ISO 3166 region of the locale, for `text(lang:, region:)`.
    pub lang: String,
    pub region: Option<String>,
    /// The theme's families for the locale, then `pdf.fonts`.
    pub fonts: Vec<&'a str>,
    /// The campaign's `valid-as-of`, for `document(date:)`.
    pub date: Option<Date>,
    /// The largest body size auto-fit sets print in, in points (docs/pdf.md).
    pub body_max_pt: f64,
}

/// The largest body size, in points, at which auto-fit sets a panel, side or
/// page whose text is short: large print, still below the size of a heading
/// at the smallest size (9 pt × 1.7).
pub const BODY_MAX_PT: f64 = 13.0;

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// The date part of a campaign's `valid-as-of` (validated, ISO 8601).
fn parse_date(s: &str) -> Option<Date> {
    let d = crate::locale::dates::FluentDate::parse(s)?;
    Some(Date {
        year: d.year,
        month: d.month,
        day: d.day,
    })
}

/// Trim size of one page of `doc` in mm: the paper, or for a leaflet the open sheet.
fn trim_mm(doc: &LocalizedDocument) -> [f64; 2] {
    match doc.document.kind {
        Kind::Leaflet => {
            let width: u32 = LEAFLET_PANEL_WIDTHS[0].iter().sum();
            [f64::from(width), 210.0]
        }
        _ => [
            f64::from(doc.document.paper.width_mm),
            f64::from(doc.document.paper.height_mm),
        ],
    }
}

pub fn template_info<'a>(
    doc: &'a LocalizedDocument,
    settings: &'a PdfSettings,
) -> TemplateInfo<'a> {
    let [width_mm, height_mm] = trim_mm(doc);
    let mut subtags = doc.locale.tag.split('-');
    let lang = subtags.next().unwrap_or("en").to_ascii_lowercase();
    let region = subtags
        .find(|t| {
            (t.len() == 2 && t.chars().all(|c| c.is_ascii_alphabetic()))
                || (t.len() == 3 && t.chars().all(|c| c.is_ascii_digit()))
        })
        .map(str::to_ascii_uppercase);
    TemplateInfo {
        variant: settings.variant.name(),
        bleed_mm: settings.bleed_mm,
        safe_mm: settings.safe_mm,
        crop_marks: settings.crop_marks,
        slug_mm: if settings.crop_marks {
            crate::workspace::pdf::SLUG_MM
        } else {
            0.0
        },
        width_mm,
        height_mm,
        lang,
        region,
        fonts: doc
            .fonts
            .iter()
            .chain(&settings.fonts)
            .map(String::as_str)
            .collect(),
        date: doc.campaign.valid_as_of.as_deref().and_then(parse_date),
        body_max_pt: BODY_MAX_PT,
    }
}

/// `doc` with its headings renumbered in the order the PDF tags them (a
/// leaflet's panels by sheet, each sheet's panels by number): the first is
/// level 1 and none is more than one level below the one before, as PDF/UA
/// requires. The text is unchanged.
pub fn outline(doc: &LocalizedDocument) -> LocalizedDocument {
    use crate::model::LocalizedBlock;
    let order: Vec<usize> = match doc.document.kind {
        Kind::Leaflet => doc
            .sheets
            .iter()
            .flat_map(|sheet| {
                let mut numbers: Vec<usize> = sheet.panels.iter().map(|p| p.number).collect();
                numbers.sort_unstable();
                numbers
            })
            .collect(),
        _ => doc.surfaces.iter().map(|s| s.number).collect(),
    };
    let mut levels = std::collections::HashMap::new();
    let mut previous = 0u8;
    for number in order {
        let Some(surface) = doc.surfaces.iter().find(|s| s.number == number) else {
            continue;
        };
        for (i, block) in surface.blocks.iter().enumerate() {
            match &block.block {
                LocalizedBlock::Heading { level, .. } => {
                    let new = (*level).clamp(1, previous + 1);
                    levels.insert((number, i), new);
                    previous = new;
                }
                // the cover's title is a heading of level 1 (pdf/base.typ)
                LocalizedBlock::Cover { .. } => previous = 1,
                _ => {}
            }
        }
    }
    let mut out = doc.clone();
    let renumber = |surface: &mut crate::model::Surface| {
        for (i, block) in surface.blocks.iter_mut().enumerate() {
            if let (LocalizedBlock::Heading { level, .. }, Some(new)) =
                (&mut block.block, levels.get(&(surface.number, i)))
            {
                *level = *new;
            }
        }
    };
    out.surfaces.iter_mut().for_each(&renumber);
    out.sheets
        .iter_mut()
        .flat_map(|s| s.panels.iter_mut())
        .for_each(&renumber);
    out
}

/// Every character `doc` prints (all its strings; ids and URLs are ASCII).
pub fn characters(doc: &LocalizedDocument) -> BTreeSet<char> {
    fn walk(v: &serde_json::Value, out: &mut BTreeSet<char>) {
        match v {
            serde_json::Value::String(s) if !s.starts_with("data:") => out.extend(s.chars()),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    if let Ok(v) = serde_json::to_value(doc) {
        walk(&v, &mut out);
    }
    out
}

/// The font-coverage error of a document, if some character it prints has
/// no glyph in any available font.
pub fn coverage(typesetter: &Typesetter, doc: &LocalizedDocument) -> Option<Diagnostic> {
    let missing = typesetter.uncovered(&characters(doc));
    if missing.is_empty() {
        return None;
    }
    let list: Vec<String> = missing
        .iter()
        .map(|c| format!("'{c}' (U+{:04X})", *c as u32))
        .collect();
    let packages: BTreeSet<&str> = missing.iter().map(|&c| fonts::package_for(c)).collect();
    let packages: Vec<&str> = packages.into_iter().collect();
    Some(
        Diagnostic::error(
            "font-coverage",
            format!(
                "{}: no available font has {} {} (used by {}/{}); a PDF would print empty boxes",
                doc.locale.tag,
                if missing.len() == 1 { "the character" } else { "the characters" },
                list.join(", "),
                doc.campaign.id,
                doc.document.id,
            ),
        )
        .in_file(format!("locales/{}/", doc.locale.tag))
        .with_hint(format!(
            "install a font that covers them (Debian: {}), or put one in the workspace's fonts/ folder",
            packages.join(", ")
        )),
    )
}

/// Renders `doc` as a PDF: its Typst source from the engine's PDF template
/// (headings renumbered for a tagged PDF, with the `pdf` object of
/// [`template_info`]), typeset by [`typeset`].
pub fn render(
    engine: &Engine,
    stage: &PdfStage,
    doc: &LocalizedDocument,
) -> Result<Compiled, Diagnostic> {
    let screen;
    let stage = if doc.document.kind == Kind::Slides {
        screen = slide_settings(stage.settings);
        &PdfStage {
            settings: &screen,
            ..*stage
        }
    } else {
        stage
    };
    let mut context = tera::Context::from_serialize(&outline(doc))
        .map_err(|e| Diagnostic::error("template-context", e.to_string()))?;
    context.insert("pdf", &template_info(doc, stage.settings));
    let name =
        crate::render::template_name(doc.document.kind.name(), crate::workspace::Format::Pdf);
    let source = engine.render(&name, &context)?;
    typeset(stage, doc, source)
}

/// Margin of a slide's text from the screen's edges, in mm (6.7 % of its height).
pub const SLIDE_MARGIN_MM: f64 = 12.0;

/// The PDF settings of slides: a screen has no bleed or crop marks and shows
/// RGB; the fonts and previews are the project's.
fn slide_settings(print: &PdfSettings) -> PdfSettings {
    PdfSettings {
        bleed_mm: 0.0,
        safe_mm: SLIDE_MARGIN_MM,
        variant: Variant::Accessible,
        crop_marks: false,
        ..print.clone()
    }
}

/// Checks the font coverage of `doc`, then compiles `source` (the rendered
/// PDF template) into its PDF.
pub fn typeset(
    stage: &PdfStage,
    doc: &LocalizedDocument,
    source: String,
) -> Result<Compiled, Diagnostic> {
    if let Some(d) = coverage(stage.typesetter, doc) {
        return Err(d);
    }
    let trim = trim_mm(doc);
    let (expected_pages, rule) = match doc.document.kind {
        Kind::Leaflet => (
            doc.sheets.len(),
            FitRule::Panels {
                limit_mm: trim[1] - stage.settings.safe_mm,
            },
        ),
        _ => (doc.surfaces.len(), FitRule::Pages),
    };
    let job = PdfJob {
        ident: format!("{}/{}/{}", doc.campaign.id, doc.locale.tag, doc.document.id),
        trim_mm: trim,
        expected_pages,
        blank_pages: doc.document.blank_pages,
        rule,
        dated: doc
            .campaign
            .valid_as_of
            .as_deref()
            .and_then(parse_date)
            .is_some(),
        rtl: doc.locale.rtl,
        page_images: stage.page_images && doc.document.kind == Kind::Slides,
        settings: stage.settings,
    };
    let name =
        super::render::template_name(doc.document.kind.name(), crate::workspace::Format::Pdf);
    stage.typesetter.compile(source, &job).map_err(|errors| {
        Diagnostic::error(
            "pdf-typeset",
            format!(
                "{}/{}/{}: Typst cannot lay out the PDF: {}",
                doc.campaign.id,
                doc.locale.tag,
                doc.document.id,
                errors.join("; ")
            ),
        )
        .in_file(format!("templates/{name}"))
        .with_hint("a template override may be broken; deleting it restores the built-in template")
    })
}
