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

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::model::LocalizedDocument;
use crate::workspace::{Campaign, Config, Document, Format, Kind};

pub use sms::SmsFacts;

/// What a video or SMS document is, kept in the build cache so that a reused
/// document is reported like a fresh one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChannelFacts {
    Sms(SmsFacts),
}

impl ChannelFacts {
    /// The warnings (and notes) of `document` of `campaign` in `locale`.
    pub fn diagnostics(
        &self,
        campaign: &Campaign,
        document: &Document,
        locale: &str,
    ) -> Vec<Diagnostic> {
        match self {
            ChannelFacts::Sms(facts) => facts.diagnostics(campaign, document, locale),
        }
    }
}

/// The facts of `doc`, when it is a video or an SMS document.
pub fn facts(doc: &LocalizedDocument, _config: &Config) -> Option<ChannelFacts> {
    match doc.document.kind {
        Kind::Sms => Some(ChannelFacts::Sms(sms::facts(doc))),
        _ => None,
    }
}

/// The text file of a document without pages: an SMS document's messages,
/// each followed by a blank line, or a video's voice-over script.
pub fn text(doc: &LocalizedDocument) -> Result<Vec<u8>, Diagnostic> {
    match doc.document.kind {
        Kind::Sms => Ok(sms::text(doc).into_bytes()),
        _ => Err(Diagnostic::error(
            "channel",
            format!("{} documents have no text file yet", doc.document.kind.name()),
        )),
    }
}

/// A video's subtitles as WebVTT or SRT.
pub fn subtitles(doc: &LocalizedDocument, format: Format) -> Result<Vec<u8>, Diagnostic> {
    Err(Diagnostic::error(
        "channel",
        format!(
            "{} subtitles of {} are not made yet",
            format.extension(),
            doc.document.id
        ),
    ))
}

/// The `n`th block (from 0, across surfaces) of `document`, for the
/// position of a diagnostic.
fn block(document: &Document, n: usize) -> Option<&crate::workspace::Block> {
    document.surfaces.iter().flatten().nth(n)
}
