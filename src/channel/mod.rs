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

use crate::diagnostics::Diagnostic;
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
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
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
                            if m.encoding == "gsm-7" {
                                "GSM 7-bit"
                            } else {
                                "UCS-2"
                            }
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

/// The facts of `doc`, when it is a video or an SMS document.
pub fn facts(doc: &LocalizedDocument, config: &Config) -> Option<ChannelFacts> {
    match doc.document.kind {
        Kind::Sms => Some(ChannelFacts::Sms(sms::facts(doc))),
        Kind::Video => Some(ChannelFacts::Video(video::facts(
            doc,
            config.subtitles.for_locale(&doc.locale.tag),
        ))),
        _ => None,
    }
}

/// The text file of a document without pages: an SMS document's messages,
/// each followed by a blank line, or a video's voice-over script.
pub fn text(doc: &LocalizedDocument, config: &Config) -> Vec<u8> {
    match doc.document.kind {
        Kind::Video => video::script(doc, config.subtitles.for_locale(&doc.locale.tag)),
        _ => sms::text(doc),
    }
    .into_bytes()
}

/// A video's subtitles as WebVTT or SRT.
pub fn subtitles(doc: &LocalizedDocument, format: Format, config: &Config) -> Vec<u8> {
    video::subtitles(doc, format, config.subtitles.for_locale(&doc.locale.tag)).into_bytes()
}

/// The `n`th block (from 0, across surfaces) of `document`, for the
/// position of a diagnostic.
fn block(document: &Document, n: usize) -> Option<&crate::workspace::Block> {
    document.surfaces.iter().flatten().nth(n)
}
