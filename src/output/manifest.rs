//! `out/manifest.json`: every generated document file with what it is, its
//! size, its SHA-256 and the fallbacks it used, so a print shop can verify
//! what it received. Sorted by path; no timestamps, so identical inputs give
//! an identical manifest.

use serde::Serialize;

use super::Tree;
use crate::locale::Fallback;
use crate::workspace::Format;

pub const FILE: &str = "manifest.json";

#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    pub generator: String,
    pub project: String,
    pub source_locale: String,
    pub files: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    pub campaign: String,
    pub locale: String,
    /// The locale is a pseudo-locale (`en-XA`, `ar-XB`): generated for
    /// testing, not a translation to print. Absent when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub pseudo: bool,
    pub document: String,
    pub kind: &'static str,
    /// The trim size (`A5`, `DL`, …) or `16:9` for slides; absent for
    /// videos and SMS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paper: Option<&'static str>,
    pub format: &'static str,
    /// Images of slides: the slide the file shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slide: Option<u32>,
    pub bytes: u64,
    pub sha256: String,
    pub fallbacks: Vec<ManifestFallback>,
    /// PDF only: pages, trim size, bleed, colour variant, standards, fonts, overflows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pdf: Option<crate::pdf::PdfFacts>,
    /// Videos: how many cues and subtitle lines, and how long the
    /// subtitles run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub video: Option<VideoEntry>,
    /// SMS: each message's encoding and segments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sms: Option<Vec<SmsEntry>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VideoEntry {
    pub cues: usize,
    pub lines: usize,
    /// When the last cue ends, in seconds.
    pub duration_seconds: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SmsEntry {
    pub message: String,
    pub encoding: crate::sms::Alphabet,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tables: Option<String>,
    pub characters: usize,
    pub segments: usize,
}

fn video_entry(info: &crate::pipeline::DocInfo) -> Option<VideoEntry> {
    match &info.channel {
        Some(crate::channel::ChannelFacts::Video(v)) => Some(VideoEntry {
            cues: v.cues,
            lines: v.lines,
            duration_seconds: v.duration.as_secs_f64(),
        }),
        _ => None,
    }
}

fn sms_entries(info: &crate::pipeline::DocInfo) -> Option<Vec<SmsEntry>> {
    match &info.channel {
        Some(crate::channel::ChannelFacts::Sms(s)) => Some(
            s.messages
                .iter()
                .map(|m| SmsEntry {
                    message: m.message.clone(),
                    encoding: m.encoding,
                    tables: m.tables.clone(),
                    characters: m.characters,
                    segments: m.segments,
                })
                .collect(),
        ),
        _ => None,
    }
}

/// A fallback as the manifest records it (the locale is the entry's own).
#[derive(Debug, Clone, Serialize)]
pub struct ManifestFallback {
    pub message: String,
    pub used: String,
    pub reason: String,
}

impl From<&Fallback> for ManifestFallback {
    fn from(f: &Fallback) -> Self {
        ManifestFallback {
            message: f.message.clone(),
            used: f.used.clone(),
            reason: f.reason.clone(),
        }
    }
}

impl Manifest {
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("the manifest serializes");
        s.push('\n');
        s
    }
}

impl Manifest {
    /// The manifest of `tree`: one entry per file, sorted by path.
    pub fn assemble(tree: &Tree) -> Manifest {
        let catalog = tree.catalog;
        let mut files: Vec<Entry> = tree
            .documents
            .iter()
            .flat_map(|d| {
                d.outputs.iter().map(move |f| Entry {
                    path: f.path.clone(),
                    campaign: d.job.campaign.id.clone(),
                    locale: catalog.tag(d.job.locale).to_owned(),
                    pseudo: catalog.locales[d.job.locale].pseudo,
                    document: d.job.document.id.clone(),
                    kind: d.job.document.kind.name(),
                    paper: d
                        .job
                        .document
                        .kind
                        .has_paper()
                        .then(|| d.job.document.paper.name()),
                    format: f.format.extension(),
                    slide: f.part,
                    bytes: f.bytes,
                    sha256: f.sha256.clone(),
                    pdf: if f.format == Format::Pdf {
                        d.info.pdf.clone()
                    } else {
                        None
                    },
                    video: video_entry(&d.info),
                    sms: sms_entries(&d.info),
                    fallbacks: d
                        .info
                        .fallbacks
                        .iter()
                        .map(ManifestFallback::from)
                        .collect(),
                })
            })
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Manifest {
            generator: super::cache::generator(),
            project: tree.ws.config.name.clone(),
            source_locale: catalog.tag(catalog.source).to_owned(),
            files,
        }
    }
}
