//! The campaign's other channels (docs/channels.md): what a video's cues
//! and an SMS document's messages become once localized. Slides are
//! rendered like print (templates, Typst); this stage owns the files that
//! are not laid out: WebVTT and SRT subtitles, the voice-over script and
//! SMS texts, and the facts and findings of each (cue timing and reading
//! speed, SMS encoding and segments) for the manifest and the checks.
//!
//! Pure computation over a [`LocalizedDocument`]; the encoding rules are
//! [`crate::sms`]'s and the subtitle rules [`crate::subtitles`]'s.

use crate::diagnostics::Diagnostic;
use crate::model::{LocalizedBlock, LocalizedDocument};
use crate::workspace::{Format, Kind};

/// The text file of a document without pages: an SMS document's messages,
/// each followed by a blank line, or a video's voice-over script.
pub fn text(doc: &LocalizedDocument) -> Result<Vec<u8>, Diagnostic> {
    match doc.document.kind {
        Kind::Sms => {
            let mut out = String::new();
            for text in sms_texts(doc) {
                out.push_str(&text);
                out.push_str("\n\n");
            }
            out.pop();
            Ok(out.into_bytes())
        }
        _ => Err(Diagnostic::error(
            "channel",
            format!(
                "{} documents have no text file yet",
                doc.document.kind.name()
            ),
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

/// Each message of an SMS document as a phone would send it: a
/// left-to-right text without invisible bidi marks (they change nothing
/// there and would force UCS-2).
pub fn sms_texts(doc: &LocalizedDocument) -> Vec<String> {
    doc.surfaces
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            LocalizedBlock::Sms { text, .. } if doc.locale.rtl => Some(text.clone()),
            LocalizedBlock::Sms { text, .. } => {
                Some(crate::render::attrs::without_isolates(text).into_owned())
            }
            _ => None,
        })
        .collect()
}
