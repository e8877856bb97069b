//! SMS documents: each `sms` block is one message. Its text as a phone would
//! send it (left-to-right text without invisible bidi marks), the alphabet
//! and segments the phone would use ([`crate::sms::analyse`], with the
//! national tables phones of the language use), and the warnings: more
//! segments than the document's `max-segments` (`sms-segments`), and a
//! note when a few characters alone force the whole message into UCS-2
//! (`sms-ucs2`), so the author can choose.

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, plural};
use crate::model::{LocalizedBlock, LocalizedDocument, Surface};
use crate::sms::{Alphabet, Tables, analyse, strip_invisible_bidi, tables_for_language};
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
    pub encoding: Alphabet,
    /// The national tables used, as a phone would name them (`Turkish
    /// locking shift`); none for the default alphabet and UCS-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tables: Option<String>,
    pub characters: usize,
    /// Septets (GSM, escapes counting two) or UTF-16 code units (UCS-2).
    pub units: usize,
    pub segments: usize,
    /// The characters no GSM table the language may use has, each with how
    /// often it occurs (`ə ×3`): what forces UCS-2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forcing_ucs2: Vec<String>,
    /// How many characters of the message force UCS-2.
    #[serde(default)]
    pub forcing_count: usize,
}

/// One message as a phone would send it.
struct Message {
    block: usize,
    id: String,
    text: String,
}

/// An SMS document in one locale: its messages as a phone would send them
/// (left-to-right texts without invisible bidi marks: they change nothing
/// there and would force UCS-2), made once for its file and its facts.
pub struct Messages {
    messages: Vec<Message>,
    /// The national tables phones of the language may use.
    allowed: Tables,
    max_segments: Option<u32>,
}

impl Messages {
    pub fn new(doc: &LocalizedDocument) -> Messages {
        let messages = doc
            .surfaces
            .iter()
            .flat_map(Surface::localized_blocks)
            .enumerate()
            .filter_map(|(block, b)| match b {
                LocalizedBlock::Sms { text, message } => Some(Message {
                    block,
                    id: message.clone(),
                    text: if doc.locale.rtl {
                        text.clone()
                    } else {
                        strip_invisible_bidi(text).into_owned()
                    },
                }),
                _ => None,
            })
            .collect();
        let lang = doc.locale.tag.split('-').next().unwrap_or("");
        Messages {
            messages,
            allowed: tables_for_language(lang),
            max_segments: doc.document.max_segments,
        }
    }

    /// The text file: each message followed by a blank line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for m in &self.messages {
            out.push_str(&m.text);
            out.push_str("\n\n");
        }
        out.pop();
        out
    }

    pub fn facts(&self) -> SmsFacts {
        SmsFacts {
            max_segments: self.max_segments,
            messages: self
                .messages
                .iter()
                .map(|m| {
                    let a = analyse(&m.text, self.allowed);
                    SmsMessage {
                        message: m.id.clone(),
                        block: m.block,
                        encoding: a.alphabet,
                        tables: (a.alphabet == Alphabet::Gsm7 && a.tables_used != Tables::DEFAULT)
                            .then(|| a.tables_used.to_string()),
                        characters: m.text.chars().count(),
                        units: a.units,
                        segments: a.segments,
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
            let at = |d| super::at_block(d, campaign, document, m.block);
            let forcing = (!m.forcing_ucs2.is_empty()).then(|| {
                format!(
                    "{} {} UCS-2, which holds 70 characters a message (67 a segment) where GSM 7-bit holds 160 (153)",
                    m.forcing_ucs2.join(", "),
                    if m.forcing_count == 1 { "forces" } else { "force" },
                )
            });
            let how = format!(
                "{}, {}{}",
                plural(m.characters, "character", "characters"),
                m.encoding,
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
                                "{locale}: SMS `{}` of {}/{} goes out as UCS-2 ({} in {}): {f}",
                                m.message,
                                campaign.id,
                                document.id,
                                plural(m.characters, "character", "characters"),
                                plural(m.segments, "segment", "segments"),
                            ),
                        )));
                    }
                }
            }
        }
        out
    }
}
