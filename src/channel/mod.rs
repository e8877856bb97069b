//! The campaign's other channels (docs/channels.md): what a video's cues
//! and an SMS document's messages become once localized. Slides are
//! rendered like print (templates, Typst); this stage owns the files that
//! are not laid out: WebVTT and SRT subtitles, the voice-over script and
//! SMS texts, and the facts and findings of each (cue timing and reading
//! speed, SMS encoding and segments) for the manifest, the review page and
//! the warnings of `build` and `check`.
//!
//! Pure computation over a [`LocalizedDocument`]; the encoding rules are
//! [`crate::sms`]'s and the subtitle rules [`crate::subtitles`]'s.

pub mod sms;
pub mod video;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, plural};
use crate::model::LocalizedDocument;
use crate::workspace::{Campaign, Config, Document, Format, Kind};

pub use sms::SmsFacts;
pub use video::VideoFacts;

/// What a video or SMS document is, kept in the build cache so that a reused
/// document is reported like a fresh one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChannelFacts {
    Sms(SmsFacts),
    Video(VideoFacts),
}

impl ChannelFacts {
    /// A few words for the review page: `4 cues, 8 subtitle lines, 18.5 s`,
    /// `1 SMS: 2 segments, UCS-2`.
    pub fn summary(&self) -> String {
        match self {
            ChannelFacts::Video(v) => format!(
                "{}, {}, {}",
                plural(v.cues, "cue", "cues"),
                plural(v.lines, "subtitle line", "subtitle lines"),
                v.duration
            ),
            ChannelFacts::Sms(s) => {
                let each: Vec<String> = s
                    .messages
                    .iter()
                    .map(|m| {
                        format!(
                            "{}, {}",
                            plural(m.segments, "segment", "segments"),
                            m.encoding
                        )
                    })
                    .collect();
                format!(
                    "{}: {}",
                    plural(s.messages.len(), "SMS", "SMS"),
                    each.join("; ")
                )
            }
        }
    }

    /// The warnings (and notes) of `document` of `campaign` in `locale`.
    pub fn diagnostics(
        &self,
        campaign: &Campaign,
        document: &Document,
        locale: &str,
    ) -> Vec<Diagnostic> {
        match self {
            ChannelFacts::Sms(facts) => facts.diagnostics(campaign, document, locale),
            ChannelFacts::Video(facts) => facts.diagnostics(campaign, document, locale),
        }
    }
}

/// A video or SMS document in one locale, prepared once: its files and its
/// facts are made from it.
pub enum Prepared {
    Video(video::Video),
    Sms(sms::Messages),
}

/// `doc` prepared, when it is a video or an SMS document.
pub fn prepare(doc: &LocalizedDocument, config: &Config) -> Option<Prepared> {
    match doc.document.kind {
        Kind::Video => Some(Prepared::Video(video::Video::new(
            doc,
            config.subtitles.for_locale(&doc.locale.tag),
        ))),
        Kind::Sms => Some(Prepared::Sms(sms::Messages::new(doc))),
        _ => None,
    }
}

impl Prepared {
    pub fn facts(&self) -> ChannelFacts {
        match self {
            Prepared::Video(v) => ChannelFacts::Video(v.facts()),
            Prepared::Sms(m) => ChannelFacts::Sms(m.facts()),
        }
    }

    /// The file in `format`: a video's subtitles (`vtt`, `srt`) or script
    /// (`txt`), an SMS document's messages (`txt`); `None` for a format
    /// the kind does not make.
    pub fn file(&self, format: Format) -> Option<Vec<u8>> {
        let text = match (self, format) {
            (Prepared::Video(v), Format::Vtt | Format::Srt) => v.subtitles(format),
            (Prepared::Video(v), Format::Txt) => v.script(),
            (Prepared::Sms(m), Format::Txt) => m.text(),
            _ => return None,
        };
        Some(text.into_bytes())
    }
}

/// `d` placed where the campaign names block `n` (from 0, across
/// surfaces) of `document`: the line of its first message.
fn at_block(d: Diagnostic, campaign: &Campaign, document: &Document, n: usize) -> Diagnostic {
    let text = document
        .surfaces
        .iter()
        .flatten()
        .nth(n)
        .and_then(|b| b.texts().into_iter().next());
    match text {
        Some(t) => d.at(
            campaign.file.clone(),
            t.position,
            campaign.snippet(t.position.line),
        ),
        None => d.in_file(campaign.file.clone()),
    }
}
