//! SMS documents: each `sms` block is one message. Its text as a phone would
//! send it (left-to-right text without invisible bidi marks), the alphabet
//! and segments the phone would use ([`crate::sms::analyse`], with the
//! national tables phones of the language use), and the warnings: more
//! segments than the document's `max-segments` (`sms-segments`), and a
//! note when a few characters alone force the whole message into UCS-2
//! (`sms-ucs2`), so the author can choose.

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::model::{LocalizedBlock, LocalizedDocument};
use crate::sms::{Alphabet, analyse, strip_invisible_bidi, tables_for_language};
use crate::workspace::{Campaign, Document};

/// An SMS document in one locale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SmsFacts {
    pub max_segments: Option<u32>,
    pub messages: Vec<SmsMessage>,
}

/// One message as a phone would send it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SmsMessage {
    /// The message id.
    pub message: String,
    /// Which block of the document (from 0): where the campaign names it.
    pub block: usize,
    /// `gsm-7` or `ucs-2`.
    pub encoding: String,
    /// The national tables used, as a phone would name them (`Turkish
    /// locking shift`); none for the default alphabet and UCS-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tables: Option<String>,
    pub characters: usize,
    /// Septets (GSM, escapes counting two) or UTF-16 code units (UCS-2).
    pub units: usize,
    pub segments: usize,
    /// What a segment holds in this encoding (160, 153, 70, 67, …).
    pub per_segment: usize,
    /// The characters no GSM table the language may use has, each with how
    /// often it occurs (`ə ×3`): what forces UCS-2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forcing_ucs2: Vec<String>,
    /// How many characters of the message force UCS-2.
    #[serde(default)]
    pub forcing_count: usize,
}

/// Each message of `doc` with its block number, as a phone would send it:
/// a left-to-right text without invisible bidi marks (they change nothing
/// there and would force UCS-2).
fn messages(doc: &LocalizedDocument) -> Vec<(usize, &str, String)> {
    doc.surfaces
        .iter()
        .flat_map(|s| &s.blocks)
        .enumerate()
        .filter_map(|(i, b)| match b {
            LocalizedBlock::Sms { text, message } => Some((
                i,
                message.as_str(),
                if doc.locale.rtl {
                    text.clone()
                } else {
                    strip_invisible_bidi(text).into_owned()
                },
            )),
            _ => None,
        })
        .collect()
}

/// The text file: each message followed by a blank line.
pub fn text(doc: &LocalizedDocument) -> String {
    let mut out = String::new();
    for (_, _, text) in messages(doc) {
        out.push_str(&text);
        out.push_str("\n\n");
    }
    out.pop();
    out
}

pub fn facts(doc: &LocalizedDocument) -> SmsFacts {
    let lang = doc.locale.tag.split('-').next().unwrap_or("");
    let allowed = tables_for_language(lang);
    SmsFacts {
        max_segments: doc.document.max_segments,
        messages: messages(doc)
            .into_iter()
            .map(|(block, message, text)| {
                let a = analyse(&text, allowed);
                SmsMessage {
                    message: message.to_owned(),
                    block,
                    encoding: match a.alphabet {
                        Alphabet::Gsm7 => "gsm-7",
                        Alphabet::Ucs2 => "ucs-2",
                    }
                    .to_owned(),
                    tables: (a.alphabet == Alphabet::Gsm7
                        && a.tables_used != crate::sms::Tables::DEFAULT)
                        .then(|| a.tables_used.to_string()),
                    characters: text.chars().count(),
                    units: a.units,
                    segments: a.segments,
                    per_segment: a.per_segment,
                    forcing_count: a.forcing_ucs2.iter().map(|f| f.count).sum(),
                    forcing_ucs2: a
                        .forcing_ucs2
                        .iter()
                        .map(|f| format!("{} ×{}", f.ch, f.count))
                        .collect(),
                }
            })
            .collect(),
    }
}

/// At most this share of a message's characters forcing UCS-2 is worth a
/// note: a text in Cyrillic or Arabic script is UCS-2 whatever one does,
/// an Azerbaijani text with a few `ə` might be written without them.
const FEW_FORCING: f64 = 0.1;

impl SmsFacts {
    pub fn diagnostics(
        &self,
        campaign: &Campaign,
        document: &Document,
        locale: &str,
    ) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for m in &self.messages {
            let at = |d: Diagnostic| match super::block(document, m.block)
                .and_then(|b| b.texts().into_iter().next())
            {
                Some(t) => d.at(
                    campaign.file.clone(),
                    t.position,
                    campaign.snippet(t.position.line),
                ),
                None => d.in_file(campaign.file.clone()),
            };
            let forcing = (!m.forcing_ucs2.is_empty()).then(|| {
                format!(
                    "{} {} UCS-2, which holds 70 characters a message (67 a segment) where GSM 7-bit holds 160 (153)",
                    m.forcing_ucs2.join(", "),
                    if m.forcing_count == 1 { "forces" } else { "force" },
                )
            });
            let how = format!(
                "{} characters, {}{}",
                m.characters,
                if m.encoding == "gsm-7" {
                    "GSM 7-bit"
                } else {
                    "UCS-2"
                },
                m.tables
                    .as_deref()
                    .map(|t| format!(" with the {t} table"))
                    .unwrap_or_default()
            );
            match self.max_segments {
                Some(max) if m.segments > max as usize => out.push(at(Diagnostic::warning(
                    "sms-segments",
                    format!(
                        "{locale}: SMS `{}` of {}/{} takes {} segments ({how}), more than max-segments = {max}",
                        m.message, campaign.id, document.id, m.segments
                    ),
                )
                .with_hint(match &forcing {
                    Some(f) => format!("shorten the translation in locales/{locale}/; {f}"),
                    None => format!("shorten the translation in locales/{locale}/, or raise max-segments (each segment is billed)"),
                }))),
                _ => {
                    if let Some(f) = forcing.filter(|_| {
                        (m.forcing_count as f64) <= FEW_FORCING * m.characters as f64
                    }) {
                        out.push(at(Diagnostic::info(
                            "sms-ucs2",
                            format!(
                                "{locale}: SMS `{}` of {}/{} goes out as UCS-2 ({} segment{}, {how}): {f}",
                                m.message,
                                campaign.id,
                                document.id,
                                m.segments,
                                if m.segments == 1 { "" } else { "s" }
                            ),
                        )));
                    }
                }
            }
        }
        out
    }
}
