//! Campaign files (`campaigns/<id>.toml`): a campaign's documents and their
//! ordered blocks, validated into a typed model. Every field that shows text
//! to a reader names a Fluent message; this module checks the shape of those
//! references, not whether the messages exist (the locale stage knows that).

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::paper::{Kind, LEAFLET_PANELS, Paper};
use super::slug;
use super::tomlfile::TomlFile;
use super::values::{MessageRef, Text, VarValue, Vars, is_identifier};
use crate::diagnostics::{Diagnostic, article};
use crate::subtitles::Millis;

#[derive(Debug, Clone, Serialize)]
pub struct Campaign {
    /// The file name without `.toml`; a slug.
    pub id: String,
    /// Workspace-relative path of the campaign file, for diagnostics.
    pub file: String,
    pub title: Text,
    pub valid_as_of: Option<String>,
    pub edition: Option<String>,
    /// `theme`: a built-in palette (`super::theme::BUILT_IN`) this campaign
    /// is drawn in instead of the project's `[theme]` colours.
    pub theme: Option<&'static str>,
    /// Project variables, overridden by the campaign's own, plus `valid-as-of`
    /// and `edition` when set: the arguments every message of the campaign gets.
    pub vars: Vars,
    pub documents: Vec<Document>,
    /// The file's text, for the source line shown under later diagnostics.
    #[serde(skip)]
    pub source: std::sync::Arc<str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub id: String,
    pub kind: Kind,
    pub paper: Paper,
    /// The blocks split at `break` blocks: a flyer's sides, a leaflet's panels
    /// in reading order, a brochure's pages. Leaflets are padded to 6 panels,
    /// brochures to a multiple of 4 pages.
    pub surfaces: Vec<Vec<Block>>,
    /// Blank pages added to make a brochure's page count a multiple of 4.
    pub blank_pages: usize,
    /// A brochure without `break`s: its blocks flow over as many pages as
    /// the layout needs (a multiple of 4), and `surfaces` holds three parts
    /// instead of pages: the cover, the middle that flows, the back
    /// ([`flow_parts`]).
    pub flow: bool,
    /// SMS only: the most segments one message may take (`max-segments`).
    pub max_segments: Option<u32>,
    /// Slides only: seconds each slide shows in the slideshow's kiosk mode
    /// (`advance`).
    pub advance_seconds: u32,
}

impl Document {
    /// The HTML `id` of each block, by surface: `block-` and the id of the
    /// block's first message (`block-permits-work-title`), or `block-N` (its
    /// number in reading order) for a block without one, with `-2`, `-3` …
    /// after an id the page has already. Unique in the document's page, and
    /// the same in every locale, so an exchange file's context links to the
    /// block. Message ids are letters, digits, `-` and `_`, valid in an `id`
    /// and a URL fragment as they are.
    pub fn anchors(&self) -> Vec<Vec<String>> {
        let mut seen = std::collections::HashSet::new();
        let mut n = 0;
        self.surfaces
            .iter()
            .map(|blocks| {
                blocks
                    .iter()
                    .map(|b| {
                        n += 1;
                        let base = match b.texts().first() {
                            Some(t) => format!("block-{}", t.msg.id),
                            None => format!("block-{n}"),
                        };
                        let mut anchor = base.clone();
                        let mut k = 1;
                        while !seen.insert(anchor.clone()) {
                            k += 1;
                            anchor = format!("{base}-{k}");
                        }
                        anchor
                    })
                    .collect()
            })
            .collect()
    }
}

/// The three parts of a brochure that flows (no `break`): the cover (the
/// first block, when it is a `cover`), the back (the last section, from its
/// heading on, when it holds a contact or link block; otherwise the trailing
/// contact, link, footnote, edition and organization blocks) and the middle,
/// the rest. A part may be empty.
pub fn flow_parts(mut blocks: Vec<Block>) -> Vec<Vec<Block>> {
    let cover = if matches!(blocks.first(), Some(Block::Cover(_))) {
        vec![blocks.remove(0)]
    } else {
        Vec::new()
    };
    let back_matter = |b: &Block| {
        matches!(
            b,
            Block::Contact { .. }
                | Block::Link { .. }
                | Block::Footnote { .. }
                | Block::Edition { .. }
                | Block::Organization { .. }
        )
    };
    let last_heading = blocks
        .iter()
        .rposition(|b| matches!(b, Block::Heading { .. }));
    let from = match last_heading {
        Some(h)
            if h > 0
                && blocks[h..]
                    .iter()
                    .any(|b| matches!(b, Block::Contact { .. } | Block::Link { .. })) =>
        {
            h
        }
        _ => {
            let trailing = blocks.iter().rev().take_while(|b| back_matter(b)).count();
            // a document of back matter only flows as a whole
            if trailing == blocks.len() {
                blocks.len()
            } else {
                blocks.len() - trailing
            }
        }
    };
    let back = blocks.split_off(from);
    vec![cover, blocks, back]
}

/// Seconds per slide in kiosk mode when the document does not say.
pub const DEFAULT_ADVANCE_SECONDS: u32 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    Info,
    Warning,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Heading {
        level: u8,
        text: Text,
        /// A built-in pictogram before the text (`crate::icons`).
        icon: Option<&'static str>,
    },
    Paragraph {
        text: Text,
        icon: Option<&'static str>,
    },
    List {
        items: Vec<Text>,
    },
    Steps {
        items: Vec<Text>,
    },
    Callout {
        tone: Tone,
        title: Option<Text>,
        text: Text,
        /// The pictogram named in the campaign; none: the tone's.
        icon: Option<&'static str>,
    },
    Contact {
        title: Option<Text>,
        entries: Vec<ContactEntry>,
    },
    Link {
        text: Text,
        url: String,
        qr: bool,
        icon: Option<&'static str>,
    },
    Image {
        src: String,
        alt: Text,
        caption: Option<Text>,
    },
    Footnote {
        text: Text,
    },
    Organization {
        name: Text,
        logo: Option<String>,
        alt: Option<Text>,
    },
    Edition {
        text: Text,
    },
    /// The cover of a printed document, its first block: the title large on
    /// a field of the theme's accent colour, with the organization (name and
    /// logo), a subtitle and an illustration, each optional.
    Cover(Box<Cover>),
    /// One short text message (SMS documents).
    Sms {
        text: Text,
    },
    /// One subtitle of a video: `text` shows from `start` to `end`; the
    /// speaker's name and a voice-over text (what is said, when it differs
    /// from the subtitle) are messages too.
    Cue {
        text: Text,
        start: Millis,
        end: Millis,
        speaker: Option<Text>,
        voice_over: Option<Text>,
    },
}

/// A cover block's fields (boxed: the other blocks are much smaller).
#[derive(Debug, Clone, Serialize)]
pub struct Cover {
    pub title: Text,
    pub subtitle: Option<Text>,
    pub name: Option<Text>,
    pub logo: Option<String>,
    pub alt: Option<Text>,
    pub image: Option<String>,
    pub image_alt: Option<Text>,
}

impl Block {
    /// The block's `type` as campaign files write it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Block::Heading { .. } => "heading",
            Block::Paragraph { .. } => "paragraph",
            Block::List { .. } => "list",
            Block::Steps { .. } => "steps",
            Block::Callout { .. } => "callout",
            Block::Contact { .. } => "contact",
            Block::Link { .. } => "link",
            Block::Image { .. } => "image",
            Block::Footnote { .. } => "footnote",
            Block::Organization { .. } => "organization",
            Block::Edition { .. } => "edition",
            Block::Cover(_) => "cover",
            Block::Sms { .. } => "sms",
            Block::Cue { .. } => "cue",
        }
    }

    /// Every message the block shows, in reading order.
    pub fn texts(&self) -> Vec<&Text> {
        let mut out = Vec::new();
        match self {
            Block::Heading { text, .. }
            | Block::Paragraph { text, .. }
            | Block::Footnote { text }
            | Block::Edition { text }
            | Block::Sms { text }
            | Block::Link { text, .. } => out.push(text),
            Block::List { items } | Block::Steps { items } => out.extend(items),
            Block::Callout { title, text, .. } => {
                out.extend(title);
                out.push(text);
            }
            Block::Contact { title, entries } => {
                out.extend(title);
                for e in entries {
                    out.extend(&e.label);
                    if let ContactValue::Text(t) = &e.value {
                        out.push(t);
                    }
                }
            }
            Block::Image { alt, caption, .. } => {
                out.push(alt);
                out.extend(caption);
            }
            Block::Organization { name, alt, .. } => {
                out.push(name);
                out.extend(alt);
            }
            Block::Cover(c) => {
                let Cover {
                    title,
                    subtitle,
                    name,
                    alt,
                    image_alt,
                    ..
                } = &**c;
                out.extend(name);
                out.extend(alt);
                out.push(title);
                out.extend(subtitle);
                out.extend(image_alt);
            }
            Block::Cue {
                text,
                speaker,
                voice_over,
                ..
            } => {
                out.push(text);
                out.extend(speaker);
                out.extend(voice_over);
            }
        }
        out
    }

    /// The asset paths the block uses.
    pub fn assets(&self) -> Vec<&str> {
        match self {
            Block::Image { src, .. } => vec![src],
            Block::Organization { logo, .. } => logo.iter().map(String::as_str).collect(),
            Block::Cover(c) => c.logo.iter().chain(&c.image).map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactEntry {
    pub label: Option<Text>,
    pub value: ContactValue,
    /// The pictogram named in the campaign; none: the one for the kind of
    /// value (`model::LocalizedEntry::icon`).
    pub icon: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum ContactValue {
    Phone(String),
    Email(String),
    Url(String),
    Text(Text),
}

impl Campaign {
    /// Line `line` (1-based) of the campaign file.
    pub fn snippet(&self, line: usize) -> Option<String> {
        self.source
            .lines()
            .nth(line.checked_sub(1)?)
            .map(str::to_owned)
    }

    /// The arguments a build resolves `msg` with in this campaign: the
    /// campaign's variables, with the block arguments of the first text that
    /// names `msg` over them. Also returns how many other texts name `msg`
    /// with different block arguments (a build resolves those differently).
    pub fn vars_for(&self, msg: &MessageRef) -> (Vars, usize) {
        let mut uses = self.texts().filter(|t| t.msg == *msg);
        let Some(first) = uses.next() else {
            return (self.vars.clone(), 0);
        };
        let others = uses.filter(|t| t.args != first.args).count();
        let mut vars = self.vars.clone();
        vars.extend(first.args.iter().map(|(k, v)| (k.clone(), v.clone())));
        (vars, others)
    }

    /// Every message reference in the campaign, title included.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        std::iter::once(&self.title).chain(
            self.documents
                .iter()
                .flat_map(|d| d.surfaces.iter().flatten())
                .flat_map(|b| b.texts()),
        )
    }
}

// ---- raw, as written -------------------------------------------------------

type RawArgs = BTreeMap<String, Spanned<toml::Value>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCampaign {
    title: Spanned<String>,
    #[serde(default)]
    valid_as_of: Option<Spanned<toml::Value>>,
    #[serde(default)]
    edition: Option<String>,
    #[serde(default)]
    theme: Option<Spanned<String>>,
    #[serde(default)]
    vars: RawArgs,
    #[serde(rename = "document", default)]
    documents: Vec<RawDocument>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawDocument {
    id: Spanned<String>,
    kind: Kind,
    #[serde(default)]
    paper: Option<Spanned<Paper>>,
    #[serde(default)]
    max_segments: Option<Spanned<i64>>,
    #[serde(default)]
    advance: Option<Spanned<i64>>,
    #[serde(rename = "block", default)]
    blocks: Vec<Spanned<RawBlock>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawBlock {
    #[serde(rename = "type")]
    kind: Spanned<String>,
    text: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    level: Option<Spanned<i64>>,
    items: Option<Spanned<Vec<Spanned<String>>>>,
    tone: Option<Spanned<Tone>>,
    entries: Option<Spanned<Vec<RawEntry>>>,
    url: Option<Spanned<String>>,
    qr: Option<Spanned<bool>>,
    src: Option<Spanned<String>>,
    alt: Option<Spanned<String>>,
    caption: Option<Spanned<String>>,
    name: Option<Spanned<String>>,
    logo: Option<Spanned<String>>,
    start: Option<Spanned<toml::Value>>,
    duration: Option<Spanned<toml::Value>>,
    end: Option<Spanned<toml::Value>>,
    speaker: Option<Spanned<String>>,
    voice_over: Option<Spanned<String>>,
    image_alt: Option<Spanned<String>>,
    icon: Option<Spanned<String>>,
    #[serde(default)]
    args: RawArgs,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    label: Option<Spanned<String>>,
    phone: Option<Spanned<String>>,
    email: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    text: Option<Spanned<String>>,
    icon: Option<Spanned<String>>,
}

/// Which fields each block type accepts (besides `type` and `args`).
const BLOCK_FIELDS: &[(&str, &[&str])] = &[
    ("heading", &["text", "level", "icon"]),
    ("paragraph", &["text", "icon"]),
    ("list", &["items"]),
    ("steps", &["items"]),
    ("callout", &["text", "title", "tone", "icon"]),
    ("contact", &["title", "entries"]),
    ("link", &["text", "url", "qr", "icon"]),
    ("image", &["src", "alt", "caption"]),
    ("footnote", &["text"]),
    ("organization", &["name", "logo", "alt"]),
    ("edition", &["text"]),
    (
        "cover",
        &["title", "text", "name", "logo", "alt", "src", "image-alt"],
    ),
    ("sms", &["text"]),
    (
        "cue",
        &["text", "start", "duration", "end", "speaker", "voice-over"],
    ),
    ("break", &[]),
];

/// The block types a document of `kind` takes.
fn blocks_of(kind: Kind) -> Vec<&'static str> {
    match kind {
        Kind::Sms => vec!["sms"],
        Kind::Video => vec!["cue"],
        _ => BLOCK_FIELDS
            .iter()
            .map(|(t, _)| *t)
            .filter(|t| *t != "sms")
            .filter(|t| *t != "cover" || kind.is_print())
            .collect(),
    }
}

/// Parses and validates one campaign file. `id` comes from the file name;
/// `project_vars` are the variables of `pamphlet.toml`.
pub fn parse(file: &TomlFile, id: &str, project_vars: &Vars) -> Result<Campaign, Vec<Diagnostic>> {
    let raw: RawCampaign = file.parse().map_err(|d| {
        // `[document.block]` makes toml report a duplicate key or a wrong
        // type; the real mistake is the single brackets
        let brackets = single_bracket_headers(file);
        if brackets.is_empty() {
            vec![d]
        } else {
            brackets
        }
    })?;
    let mut cx = Cx {
        file,
        diags: Vec::new(),
        vars: project_vars.clone(),
        cue_end: Millis::ZERO,
    };

    if let Err(why) = slug::validate(id) {
        cx.diags.push(
            Diagnostic::error("campaign-id", format!("the campaign id '{id}' (from the file name) is not usable as a folder name: {why}"))
                .in_file(&file.display)
                .with_hint(match slug::suggest(id) {
                    Some(s) => format!("rename the file to campaigns/{s}.toml"),
                    None if slug::is_windows_reserved(id) => "rename the file, e.g. campaigns/return-home.toml".to_owned(),
                    None => "rename the file with ASCII letters, digits and '-', e.g. campaigns/return-home.toml (the id only names files; readers never see it)".to_owned(),
                }),
        );
    }

    for (name, value) in &raw.vars {
        if !is_identifier(name) {
            cx.diags.push(file.error_at(
                &value.span(),
                "var-name",
                format!("'{name}' is not a valid variable name"),
            ));
        }
        match VarValue::from_toml(value.get_ref()) {
            Ok(v) => {
                cx.vars.insert(name.clone(), v);
            }
            Err(msg) => cx.diags.push(file.error_at(&value.span(), "var-type", msg)),
        }
    }
    let valid_as_of = raw.valid_as_of.as_ref().and_then(|v| {
        let text = match v.get_ref() {
            toml::Value::Datetime(d) => Some(d.to_string()),
            toml::Value::String(s) => Some(s.clone()),
            _ => None,
        };
        let date = text.as_deref().and_then(crate::literal::IsoDate::parse);
        if date.is_none() {
            cx.diags.push(file.error_at(
                &v.span(),
                "campaign-date",
                "valid-as-of must be a date such as 2026-11-01, without an offset",
            ));
        }
        date.map(|d| d.iso())
    });
    if let Some(date) = &valid_as_of {
        cx.vars
            .insert("valid-as-of".into(), VarValue::Date { date: date.clone() });
    }
    if let Some(e) = &raw.edition {
        cx.vars
            .insert("edition".into(), VarValue::String(e.clone()));
    }

    let theme = raw.theme.as_ref().and_then(|t| {
        super::theme::built_in_named(t, file)
            .map_err(|d| cx.diags.push(d))
            .ok()
            .map(|b| b.name)
    });

    let title = cx.text(&raw.title, &RawArgs::new());
    if raw.documents.is_empty() {
        cx.diags.push(
            Diagnostic::error("campaign-empty", "the campaign has no documents")
                .in_file(&file.display)
                .with_hint(
                    "add a [[document]] table with an id and a kind (flyer, leaflet, brochure, slides, video or sms)",
                ),
        );
    }
    let mut documents: Vec<Document> = Vec::new();
    for doc in &raw.documents {
        if let Some(d) = cx.document(doc) {
            if documents.iter().any(|o| o.id == d.id) {
                cx.diags.push(file.error_at(
                    &doc.id.span(),
                    "document-duplicate",
                    format!("document id '{}' is used twice in this campaign", d.id),
                ));
            }
            documents.push(d);
        }
    }

    if !cx.diags.is_empty() {
        return Err(cx.diags);
    }
    Ok(Campaign {
        id: id.to_owned(),
        file: file.display.clone(),
        title: title.expect("no diagnostics means the title parsed"),
        valid_as_of,
        edition: raw.edition,
        theme,
        vars: cx.vars,
        documents,
        source: file.text.as_str().into(),
    })
}

struct Cx<'f> {
    file: &'f TomlFile,
    diags: Vec<Diagnostic>,
    vars: Vars,
    /// Where the last cue of the current video ended: where a cue without
    /// `start` starts.
    cue_end: Millis,
}

/// `[document]` and `[document.block]` headers written with single brackets:
/// documents and blocks are arrays of tables, one `[[…]]` header each.
fn single_bracket_headers(file: &TomlFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let header = trimmed
            .strip_prefix('[')
            .filter(|rest| !rest.starts_with('['))
            .and_then(|rest| rest.split_once(']'))
            .map(|(name, _)| name.split('.').map(str::trim).collect::<Vec<_>>());
        let what = match header.as_deref() {
            Some(["document"]) => Some(("document", "each one adds a document")),
            Some(["document", "block"]) => Some((
                "document.block",
                "each one adds a block to the document above it, in order",
            )),
            _ => None,
        };
        if let Some((name, why)) = what {
            let at = offset + (line.len() - trimmed.len());
            out.push(
                file.error_at(
                    &(at..at + 1),
                    "toml",
                    format!("[{name}] must be written [[{name}]], with double brackets"),
                )
                .with_hint(format!(
                    "write [[{name}]]: {why}; docs/campaign-format.md shows a complete example"
                )),
            );
        }
        offset += line.len();
    }
    out
}

impl Cx<'_> {
    fn err(&mut self, span: Range<usize>, code: &'static str, msg: impl Into<String>) {
        self.diags.push(self.file.error_at(&span, code, msg));
    }

    fn document(&mut self, raw: &RawDocument) -> Option<Document> {
        let id = raw.id.get_ref().clone();
        if let Err(why) = slug::validate(&id) {
            let d = self.file.error_at(
                &raw.id.span(),
                "document-id",
                format!("the document id '{id}' is not usable as a file name: {why}"),
            );
            self.diags.push(match slug::suggest(&id) {
                Some(s) => d.with_hint(format!("write id = \"{s}\"")),
                None if slug::is_windows_reserved(&id) => {
                    d.with_hint("choose another id, e.g. id = \"flyer\"")
                }
                None => d.with_hint("write it in ASCII, e.g. id = \"flyer\""),
            });
        }
        let paper = raw
            .paper
            .as_ref()
            .map_or(raw.kind.default_paper(), |p| *p.get_ref());
        if let Some(p) = raw.paper.as_ref().filter(|_| !raw.kind.is_print()) {
            self.diags.push(
                self.file
                    .error_at(
                        &p.span(),
                        "document-paper",
                        format!(
                            "{} {} document has no paper size",
                            article(raw.kind.name()),
                            raw.kind.name()
                        ),
                    )
                    .with_hint(match raw.kind {
                        Kind::Slides => "remove `paper`: slides are always 16:9 (1920 × 1080)",
                        _ => "remove `paper`",
                    }),
            );
        } else if raw.kind.is_print() && paper == Paper::Screen {
            self.diags.push(
                self.file
                    .error_at(
                        &raw.paper.as_ref().map_or(raw.id.span(), |p| p.span()),
                        "document-paper",
                        format!(
                            "a {} is printed on paper, not on a 16:9 screen",
                            raw.kind.name()
                        ),
                    )
                    .with_hint(
                        "write paper = \"A4\", \"A5\", \"A6\" or \"DL\", or kind = \"slides\"",
                    ),
            );
        }
        let max_segments =
            self.document_number(raw, &raw.max_segments, "max-segments", Kind::Sms, 1..=255);
        let advance_seconds = self
            .document_number(raw, &raw.advance, "advance", Kind::Slides, 1..=3600)
            .unwrap_or(DEFAULT_ADVANCE_SECONDS);
        if raw.kind == Kind::Leaflet && paper != Paper::A4 {
            let span = raw.paper.as_ref().map_or(raw.id.span(), |p| p.span());
            self.diags.push(
                self.file
                    .error_at(
                        &span,
                        "document-paper",
                        format!(
                            "a leaflet is printed on an A4 sheet folded to DL, not on {}",
                            paper.name()
                        ),
                    )
                    .with_hint("remove `paper` or set paper = \"A4\""),
            );
        }
        let mut surfaces: Vec<Vec<Block>> = vec![Vec::new()];
        let takes = blocks_of(raw.kind);
        self.cue_end = Millis::ZERO;
        for block in &raw.blocks {
            let ty = block.get_ref().kind.get_ref().as_str();
            if BLOCK_FIELDS.iter().any(|(t, _)| *t == ty) && !takes.contains(&ty) {
                self.diags.push(
                    self.file
                        .error_at(
                            &block.get_ref().kind.span(),
                            "block-type",
                            format!(
                                "{} {} document has no {ty} blocks",
                                article(raw.kind.name()),
                                raw.kind.name()
                            ),
                        )
                        .with_hint(format!(
                            "{} {} document takes: {}",
                            article(raw.kind.name()),
                            raw.kind.name(),
                            takes.join(", ")
                        )),
                );
                continue;
            }
            if ty == "cover" && !std::ptr::eq(block, &raw.blocks[0]) {
                self.diags.push(
                    self.file
                        .error_at(
                            &block.get_ref().kind.span(),
                            "block-cover",
                            "a cover block must be the first block of its document",
                        )
                        .with_hint(
                            "move it to the top of the document: it makes the first side, panel or page its cover",
                        ),
                );
                continue;
            }
            if ty == "break" {
                self.check_fields(block.get_ref());
                surfaces.push(Vec::new());
            } else if let Some(b) = self.block(block) {
                surfaces.last_mut().expect("never empty").push(b);
            }
        }
        if raw.blocks.is_empty() {
            self.err(
                raw.id.span(),
                "document-empty",
                format!("document '{id}' has no blocks"),
            );
        }
        let (limit, what) = match raw.kind {
            Kind::Flyer => (2, "a flyer has at most 2 sides (1 break)"),
            Kind::Leaflet => (LEAFLET_PANELS, "a leaflet has 6 panels (at most 5 breaks)"),
            Kind::Brochure | Kind::Slides | Kind::Video | Kind::Sms => (usize::MAX, ""),
        };
        if surfaces.len() > limit {
            self.err(
                raw.id.span(),
                "document-surfaces",
                format!("document '{id}' has {} parts but {what}", surfaces.len()),
            );
        }
        let mut blank_pages = 0;
        let flow = raw.kind == Kind::Brochure && surfaces.len() == 1;
        match raw.kind {
            Kind::Leaflet => surfaces.resize_with(LEAFLET_PANELS.max(surfaces.len()), Vec::new),
            Kind::Brochure if flow => {
                let blocks = surfaces.pop().expect("one surface");
                surfaces = flow_parts(blocks);
            }
            Kind::Brochure => {
                blank_pages = surfaces.len().next_multiple_of(4) - surfaces.len();
                surfaces.resize_with(surfaces.len() + blank_pages, Vec::new);
            }
            Kind::Flyer | Kind::Slides | Kind::Video | Kind::Sms => {}
        }
        Some(Document {
            id,
            kind: raw.kind,
            paper: if raw.kind.is_print() {
                paper
            } else {
                Paper::Screen
            },
            surfaces,
            blank_pages,
            flow,
            max_segments,
            advance_seconds,
        })
    }

    /// A whole-number document setting that only documents of `kind` take.
    fn document_number(
        &mut self,
        raw: &RawDocument,
        value: &Option<Spanned<i64>>,
        field: &str,
        kind: Kind,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<u32> {
        let v = value.as_ref()?;
        if raw.kind != kind {
            self.err(
                v.span(),
                "document-field",
                format!(
                    "`{field}` is for {} documents, not {} {}",
                    kind.name(),
                    article(raw.kind.name()),
                    raw.kind.name()
                ),
            );
            return None;
        }
        if !range.contains(v.get_ref()) {
            self.err(
                v.span(),
                "document-field",
                format!(
                    "`{field}` must be a whole number from {} to {}",
                    range.start(),
                    range.end()
                ),
            );
            return None;
        }
        u32::try_from(*v.get_ref()).ok()
    }

    /// Reports fields that the block's type does not use; returns false for an unknown type.
    fn check_fields(&mut self, raw: &RawBlock) -> bool {
        let ty = raw.kind.get_ref().as_str();
        let Some((_, allowed)) = BLOCK_FIELDS.iter().find(|(t, _)| *t == ty) else {
            let known: Vec<&str> = BLOCK_FIELDS.iter().map(|(t, _)| *t).collect();
            self.diags.push(
                self.file
                    .error_at(
                        &raw.kind.span(),
                        "block-type",
                        format!("unknown block type '{ty}'"),
                    )
                    .with_hint(format!("use one of: {}", known.join(", "))),
            );
            return false;
        };
        let present: [(&str, Option<Range<usize>>); 20] = [
            ("text", raw.text.as_ref().map(Spanned::span)),
            ("title", raw.title.as_ref().map(Spanned::span)),
            ("level", raw.level.as_ref().map(Spanned::span)),
            ("items", raw.items.as_ref().map(Spanned::span)),
            ("tone", raw.tone.as_ref().map(Spanned::span)),
            ("entries", raw.entries.as_ref().map(Spanned::span)),
            ("url", raw.url.as_ref().map(Spanned::span)),
            ("qr", raw.qr.as_ref().map(Spanned::span)),
            ("src", raw.src.as_ref().map(Spanned::span)),
            ("alt", raw.alt.as_ref().map(Spanned::span)),
            ("caption", raw.caption.as_ref().map(Spanned::span)),
            ("name", raw.name.as_ref().map(Spanned::span)),
            ("logo", raw.logo.as_ref().map(Spanned::span)),
            ("start", raw.start.as_ref().map(Spanned::span)),
            ("duration", raw.duration.as_ref().map(Spanned::span)),
            ("end", raw.end.as_ref().map(Spanned::span)),
            ("speaker", raw.speaker.as_ref().map(Spanned::span)),
            ("voice-over", raw.voice_over.as_ref().map(Spanned::span)),
            ("image-alt", raw.image_alt.as_ref().map(Spanned::span)),
            ("icon", raw.icon.as_ref().map(Spanned::span)),
        ];
        for (field, span) in present {
            if let Some(span) = span
                && !allowed.contains(&field)
            {
                let hint = if allowed.is_empty() {
                    format!("{} {ty} block takes no fields", article(ty))
                } else {
                    format!("{} {ty} block takes: {}", article(ty), allowed.join(", "))
                };
                self.diags.push(
                    self.file
                        .error_at(
                            &span,
                            "block-field",
                            format!("field '{field}' is not used by {} {ty} block", article(ty)),
                        )
                        .with_hint(hint),
                );
            }
        }
        if ty == "break" && !raw.args.is_empty() {
            self.err(
                raw.kind.span(),
                "block-field",
                "a break block takes no args",
            );
        }
        true
    }

    fn require<'r>(
        &mut self,
        raw: &RawBlock,
        field: &str,
        value: &'r Option<Spanned<String>>,
    ) -> Option<&'r Spanned<String>> {
        if value.is_none() {
            let ty = raw.kind.get_ref();
            self.diags.push(
                self.file
                    .error_at(
                        &raw.kind.span(),
                        "block-missing",
                        format!("{} {ty} block needs '{field}'", article(ty)),
                    )
                    .with_hint(format!("add {field} = \"…\" naming a message id")),
            );
        }
        value.as_ref()
    }

    fn block(&mut self, spanned: &Spanned<RawBlock>) -> Option<Block> {
        let raw = spanned.get_ref();
        if !self.check_fields(raw) {
            return None;
        }
        let args = &raw.args;
        let ty = raw.kind.get_ref().as_str();
        let before = self.diags.len();
        let icon = raw.icon.as_ref().and_then(|i| self.icon(i));
        let block = match ty {
            "heading" => {
                let level = match &raw.level {
                    Some(l) if (1..=3).contains(l.get_ref()) => *l.get_ref() as u8,
                    Some(l) => {
                        self.err(l.span(), "block-level", "a heading level is 1, 2 or 3");
                        2
                    }
                    None => 2,
                };
                let text = self
                    .require(raw, "text", &raw.text)
                    .and_then(|t| self.text(t, args));
                text.map(|text| Block::Heading { level, text, icon })
            }
            "paragraph" | "footnote" | "edition" | "sms" => {
                let text = self
                    .require(raw, "text", &raw.text)
                    .and_then(|t| self.text(t, args))?;
                Some(match ty {
                    "paragraph" => Block::Paragraph { text, icon },
                    "footnote" => Block::Footnote { text },
                    "sms" => Block::Sms { text },
                    _ => Block::Edition { text },
                })
            }
            "list" | "steps" => {
                let Some(items) = &raw.items else {
                    self.err(
                        raw.kind.span(),
                        "block-missing",
                        format!(
                            "{} {ty} block needs 'items', a list of message ids",
                            article(ty)
                        ),
                    );
                    return None;
                };
                if items.get_ref().is_empty() {
                    self.err(
                        items.span(),
                        "block-missing",
                        format!("{} {ty} block needs at least one item", article(ty)),
                    );
                }
                let items: Vec<Text> = items
                    .get_ref()
                    .iter()
                    .filter_map(|i| self.text(i, args))
                    .collect();
                Some(if ty == "list" {
                    Block::List { items }
                } else {
                    Block::Steps { items }
                })
            }
            "callout" => {
                let title = raw.title.as_ref().and_then(|t| self.text(t, args));
                let text = self
                    .require(raw, "text", &raw.text)
                    .and_then(|t| self.text(t, args))?;
                Some(Block::Callout {
                    tone: raw.tone.as_ref().map_or(Tone::Info, |t| *t.get_ref()),
                    title,
                    text,
                    icon,
                })
            }
            "contact" => {
                let title = raw.title.as_ref().and_then(|t| self.text(t, args));
                let entries = raw
                    .entries
                    .as_ref()
                    .map_or(&[][..], |e| e.get_ref().as_slice());
                if entries.is_empty() {
                    self.err(
                        raw.kind.span(),
                        "block-missing",
                        "a contact block needs 'entries'",
                    );
                }
                let entries = entries
                    .iter()
                    .filter_map(|e| self.entry(raw, e, args))
                    .collect();
                Some(Block::Contact { title, entries })
            }
            "link" => {
                let text = self
                    .require(raw, "text", &raw.text)
                    .and_then(|t| self.text(t, args));
                let url = self
                    .require(raw, "url", &raw.url)
                    .and_then(|u| self.url(u, "url"));
                Some(Block::Link {
                    text: text?,
                    url: url?,
                    qr: raw.qr.as_ref().is_some_and(|q| *q.get_ref()),
                    icon,
                })
            }
            "image" => {
                let src = self
                    .require(raw, "src", &raw.src)
                    .and_then(|s| self.asset(s));
                let alt = self
                    .require(raw, "alt", &raw.alt)
                    .and_then(|a| self.text(a, args));
                let caption = raw.caption.as_ref().and_then(|c| self.text(c, args));
                Some(Block::Image {
                    src: src?,
                    alt: alt?,
                    caption,
                })
            }
            "cover" => {
                let title = self
                    .require(raw, "title", &raw.title)
                    .and_then(|t| self.text(t, args));
                let subtitle = raw.text.as_ref().and_then(|t| self.text(t, args));
                let name = raw.name.as_ref().and_then(|n| self.text(n, args));
                let (logo, alt) = self.described_asset(raw, &raw.logo, ("alt", &raw.alt), args);
                let (image, image_alt) =
                    self.described_asset(raw, &raw.src, ("image-alt", &raw.image_alt), args);
                Some(Block::Cover(Box::new(Cover {
                    title: title?,
                    subtitle,
                    name,
                    logo,
                    alt,
                    image,
                    image_alt,
                })))
            }
            "organization" => {
                let name = self
                    .require(raw, "name", &raw.name)
                    .and_then(|n| self.text(n, args));
                let (logo, alt) = self.described_asset(raw, &raw.logo, ("alt", &raw.alt), args);
                Some(Block::Organization {
                    name: name?,
                    logo,
                    alt,
                })
            }
            "cue" => {
                let text = self
                    .require(raw, "text", &raw.text)
                    .and_then(|t| self.text(t, args));
                let speaker = raw.speaker.as_ref().and_then(|t| self.text(t, args));
                let voice_over = raw.voice_over.as_ref().and_then(|t| self.text(t, args));
                let (start, end) = self.cue_time(raw)?;
                Some(Block::Cue {
                    text: text?,
                    start,
                    end,
                    speaker,
                    voice_over,
                })
            }
            _ => None,
        };
        if self.diags.len() > before {
            None
        } else {
            block
        }
    }

    /// A cue's start and end: `start` (or where the cue before ended), then
    /// `duration` or `end`, exactly one of them.
    fn cue_time(&mut self, raw: &RawBlock) -> Option<(Millis, Millis)> {
        let mut time = |v: &Spanned<toml::Value>, field: &str| match Millis::from_toml(v.get_ref())
        {
            Ok(t) => Some(t),
            Err(e) => {
                self.diags.push(
                    self.file
                        .error_at(&v.span(), "cue-time", format!("`{field}`: {e}"))
                        .with_hint("write a time as \"00:01:02.500\", \"01:02.5\" or \"4.5s\", or a number of seconds"),
                );
                None
            }
        };
        let start = match &raw.start {
            Some(v) => time(v, "start")?,
            None => self.cue_end,
        };
        let end = match (&raw.duration, &raw.end) {
            (Some(d), None) => start.saturating_add(time(d, "duration")?),
            (None, Some(e)) => time(e, "end")?,
            (Some(_), Some(e)) => {
                self.err(
                    e.span(),
                    "cue-time",
                    "a cue has a duration or an end, not both",
                );
                return None;
            }
            (None, None) => {
                self.diags.push(
                    self.file
                        .error_at(
                            &raw.kind.span(),
                            "block-missing",
                            "a cue block needs 'duration' (or 'end')",
                        )
                        .with_hint("add duration = \"3.5s\": how long the subtitle shows"),
                );
                return None;
            }
        };
        if end <= start {
            let span = raw
                .end
                .as_ref()
                .or(raw.duration.as_ref())
                .map_or(raw.kind.span(), Spanned::span);
            self.err(
                span,
                "cue-time",
                format!(
                    "the cue ends at {}, not after its start at {}",
                    end.vtt(),
                    start.vtt()
                ),
            );
            return None;
        }
        self.cue_end = end;
        Some((start, end))
    }

    fn entry(&mut self, block: &RawBlock, e: &RawEntry, args: &RawArgs) -> Option<ContactEntry> {
        let label = e.label.as_ref().and_then(|l| self.text(l, args));
        let given: Vec<(&str, &Spanned<String>)> = [
            ("phone", &e.phone),
            ("email", &e.email),
            ("url", &e.url),
            ("text", &e.text),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
        .collect();
        let [(kind, v)] = given.as_slice() else {
            let span = e.label.as_ref().map_or(block.kind.span(), Spanned::span);
            self.err(
                span,
                "contact-entry",
                "a contact entry needs exactly one of phone, email, url or text",
            );
            return None;
        };
        let icon = e.icon.as_ref().and_then(|i| self.icon(i));
        let value = match *kind {
            "text" => ContactValue::Text(self.text(v, args)?),
            "url" => ContactValue::Url(self.url(v, "url")?),
            "email" => ContactValue::Email(self.value(v)?),
            _ => ContactValue::Phone(self.value(v)?),
        };
        Some(ContactEntry { label, value, icon })
    }

    /// The name of a built-in pictogram.
    fn icon(&mut self, v: &Spanned<String>) -> Option<&'static str> {
        let name = v.get_ref();
        if let Some(icon) = crate::icons::get(name) {
            return Some(icon.name);
        }
        let all = crate::icons::names().collect::<Vec<_>>().join(", ");
        let hint = match crate::icons::closest(name) {
            Some(near) => format!("did you mean \"{near}\"? The icons are: {all}"),
            None => format!("the icons are: {all}"),
        };
        self.diags.push(
            self.file
                .error_at(&v.span(), "icon-unknown", format!("unknown icon '{name}'"))
                .with_hint(hint),
        );
        None
    }

    /// A literal, or `$name` for a variable of the project or campaign.
    fn value(&mut self, v: &Spanned<String>) -> Option<String> {
        match v.get_ref().strip_prefix('$') {
            Some(name) => match self.vars.get(name) {
                Some(value) => Some(value.to_string()),
                None => {
                    self.diags.push(
                        self.file
                            .error_at(
                                &v.span(),
                                "var-unknown",
                                format!("unknown variable '${name}'"),
                            )
                            .with_hint(
                                "define it under [vars] in this campaign or in pamphlet.toml",
                            ),
                    );
                    None
                }
            },
            None => Some(v.get_ref().clone()),
        }
    }

    fn url(&mut self, v: &Spanned<String>, field: &str) -> Option<String> {
        let url = self.value(v)?;
        let lower = url.trim().to_ascii_lowercase();
        if ["https://", "mailto:", "tel:"]
            .iter()
            .any(|s| lower.starts_with(s))
            && !url.chars().any(char::is_whitespace)
        {
            Some(url)
        } else {
            self.diags.push(
                self.file
                    .error_at(
                        &v.span(),
                        "url-scheme",
                        format!("{field} '{url}' is not an https, mailto or tel link"),
                    )
                    .with_hint(
                        "printed material links only to https:// addresses, mailto: or tel:",
                    ),
            );
            None
        }
    }

    /// An optional image from `assets/` and the message that describes it,
    /// which the image makes required: `(field, value)` names that message.
    fn described_asset(
        &mut self,
        raw: &RawBlock,
        image: &Option<Spanned<String>>,
        (field, description): (&str, &Option<Spanned<String>>),
        args: &RawArgs,
    ) -> (Option<String>, Option<Text>) {
        let asset = image.as_ref().and_then(|i| self.asset(i));
        if image.is_some() && description.is_none() {
            self.require(raw, field, description);
        }
        let text = description.as_ref().and_then(|d| self.text(d, args));
        (asset, text)
    }

    fn asset(&mut self, v: &Spanned<String>) -> Option<String> {
        let s = v.get_ref();
        let ok = !s.is_empty()
            && !s.starts_with('/')
            && !s.contains('\\')
            && s.split('/')
                .all(|part| !part.is_empty() && part != "." && part != ".." && !part.contains(':'));
        if ok {
            Some(s.clone())
        } else {
            self.diags.push(
                self.file
                    .error_at(&v.span(), "asset-path", format!("'{s}' is not a path inside assets/"))
                    .with_hint("give a relative path such as \"logo.svg\"; it is looked up in the assets/ folder"),
            );
            None
        }
    }

    fn text(&mut self, v: &Spanned<String>, args: &RawArgs) -> Option<Text> {
        let msg = match MessageRef::parse(v.get_ref()) {
            Ok(m) => m,
            Err(why) => {
                self.err(v.span(), "message-ref", why);
                return None;
            }
        };
        let mut out = Vars::new();
        for (name, value) in args {
            if !is_identifier(name) {
                self.err(
                    value.span(),
                    "var-name",
                    format!("'{name}' is not a valid argument name"),
                );
                continue;
            }
            let resolved = match value.get_ref() {
                toml::Value::String(s) if s.starts_with('$') => {
                    let spanned = Spanned::new(value.span(), s.clone());
                    self.value(&spanned).map(|_| self.vars[&s[1..]].clone())
                }
                other => match VarValue::from_toml(other) {
                    Ok(v) => Some(v),
                    Err(msg) => {
                        self.err(value.span(), "var-type", msg);
                        None
                    }
                },
            };
            if let Some(r) = resolved {
                out.insert(name.clone(), r);
            }
        }
        Some(Text {
            msg,
            position: self.file.position(&v.span()),
            args: out,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn campaign(blocks: &str, kind: &str) -> Result<Campaign, Vec<Diagnostic>> {
        let text =
            format!("title = \"t\"\n\n[[document]]\nid = \"d\"\nkind = \"{kind}\"\n\n{blocks}");
        parse(
            &TomlFile::new("campaigns/c.toml".into(), text),
            "c",
            &Vars::new(),
        )
    }

    const COVER: &str = "[[document.block]]\ntype = \"cover\"\ntitle = \"t\"\ntext = \"s\"\n\n";

    fn block(ty: &str) -> String {
        let field = match ty {
            "contact" => "entries = [{ phone = \"108\" }]",
            "list" => "items = [\"i\"]",
            _ => "text = \"x\"",
        };
        format!("[[document.block]]\ntype = \"{ty}\"\n{field}\n\n")
    }

    fn types(blocks: &[Block]) -> Vec<&'static str> {
        blocks.iter().map(Block::type_name).collect()
    }

    #[test]
    fn a_brochure_without_breaks_flows_in_three_parts() {
        let blocks: String = [
            COVER.to_owned(),
            block("heading"),
            block("paragraph"),
            block("heading"),
            block("list"),
            block("heading"),
            block("paragraph"),
            block("contact"),
            block("footnote"),
            block("edition"),
        ]
        .concat();
        let c = campaign(&blocks, "brochure").unwrap();
        let d = &c.documents[0];
        assert!(d.flow);
        assert_eq!(d.blank_pages, 0);
        assert_eq!(types(&d.surfaces[0]), ["cover"]);
        assert_eq!(
            types(&d.surfaces[1]),
            ["heading", "paragraph", "heading", "list"]
        );
        // the last section holds the contact block: it is the back, from its heading on
        assert_eq!(
            types(&d.surfaces[2]),
            ["heading", "paragraph", "contact", "footnote", "edition"]
        );
        // without a contact or link in the last section, only the trailing back matter
        let blocks = [block("heading"), block("paragraph"), block("footnote")].concat();
        let c = campaign(&blocks, "brochure").unwrap();
        let d = &c.documents[0];
        assert!(d.surfaces[0].is_empty());
        assert_eq!(types(&d.surfaces[1]), ["heading", "paragraph"]);
        assert_eq!(types(&d.surfaces[2]), ["footnote"]);
    }

    #[test]
    fn block_anchors_are_unique_in_the_page_and_named_after_the_first_message() {
        let blocks = [
            block("paragraph"),
            block("paragraph"),
            "[[document.block]]\ntype = \"break\"\n\n".to_owned(),
            block("paragraph"),
            block("contact"),
            // a message id that looks like a repeat's anchor
            "[[document.block]]\ntype = \"paragraph\"\ntext = \"x-2\"\n\n".to_owned(),
        ]
        .concat();
        let d = &campaign(&blocks, "flyer").unwrap().documents[0];
        assert_eq!(
            d.anchors(),
            [
                vec!["block-x", "block-x-2"],
                vec!["block-x-3", "block-4", "block-x-2-2"]
            ]
        );
    }

    #[test]
    fn a_brochure_with_breaks_is_padded_to_a_multiple_of_four() {
        let blocks = [
            block("paragraph"),
            "[[document.block]]\ntype = \"break\"\n\n".to_owned(),
            block("paragraph"),
        ]
        .concat();
        let d = &campaign(&blocks, "brochure").unwrap().documents[0];
        assert!(!d.flow);
        assert_eq!((d.surfaces.len(), d.blank_pages), (4, 2));
    }

    #[test]
    fn a_cover_comes_first_and_only_in_print() {
        let c = campaign(&[COVER, &block("paragraph")].concat(), "flyer").unwrap();
        assert_eq!(types(&c.documents[0].surfaces[0]), ["cover", "paragraph"]);

        let e = campaign(&[block("paragraph"), COVER.to_owned()].concat(), "leaflet").unwrap_err();
        assert_eq!(e[0].code, "block-cover", "{e:?}");

        let e = campaign(COVER, "slides").unwrap_err();
        assert_eq!(e[0].code, "block-type", "{e:?}");

        // a logo needs its alternative text, an illustration too
        let e = campaign(
            &format!("{}\nlogo = \"l.svg\"\nsrc = \"c.png\"\n", COVER.trim_end()),
            "flyer",
        )
        .unwrap_err();
        let missing: Vec<&str> = e.iter().map(|d| d.message.as_str()).collect();
        assert!(
            missing.iter().any(|m| m.contains("'alt'"))
                && missing.iter().any(|m| m.contains("'image-alt'")),
            "{missing:?}"
        );
    }
}
