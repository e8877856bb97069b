//! Videos: each `cue` block is one subtitle. The cues laid out for the
//! locale (lines broken by display width, [`crate::subtitles::break_cue`]),
//! written as WebVTT, SRT and a voice-over script, and checked against the
//! project's `[subtitles]` limits for the locale: a translation too wide,
//! too long or too fast to read in its cue's time is a warning naming the
//! cue, its message, the locale and the numbers.

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::model::{LocalizedBlock, LocalizedDocument};
use crate::subtitles::{self, Cue, Finding, Limits, Millis, Track, script::ScriptCue};
use crate::workspace::{Campaign, Document, Format};

/// A video in one locale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VideoFacts {
    pub cues: usize,
    /// When the last cue ends.
    pub duration: Millis,
    /// Subtitle lines over all cues.
    pub lines: usize,
    pub findings: Vec<CueFinding>,
}

/// One finding of the subtitle checks, as it will be reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CueFinding {
    /// Which block of the document (from 0): where the campaign names the cue.
    pub block: usize,
    /// The diagnostic code: `subtitle-speed`, `subtitle-lines`,
    /// `subtitle-duration` or `subtitle-overlap`.
    pub code: String,
    /// The finding in words, with its numbers.
    pub text: String,
}

/// A cue of the document as laid out, with the voice-over it carries.
struct Laid {
    block: usize,
    cue: Cue,
    voice_over: Option<String>,
}

fn lay_out(doc: &LocalizedDocument, limits: &Limits) -> Vec<Laid> {
    doc.surfaces
        .iter()
        .flat_map(|s| &s.blocks)
        .enumerate()
        .filter_map(|(block, b)| match b {
            LocalizedBlock::Cue {
                text,
                message,
                start,
                end,
                speaker,
                voice_over,
            } => Some(Laid {
                block,
                cue: Cue {
                    start: *start,
                    end: *end,
                    lines: subtitles::break_cue(text, speaker.as_deref(), limits).lines,
                    speaker: speaker.clone(),
                    id: Some(message.clone()),
                },
                voice_over: voice_over.clone(),
            }),
            _ => None,
        })
        .collect()
}

fn track(doc: &LocalizedDocument) -> Track<'_> {
    Track {
        lang: &doc.locale.tag,
        rtl: doc.locale.rtl,
    }
}

/// The subtitles of `doc` as WebVTT or SRT.
pub fn subtitles(doc: &LocalizedDocument, format: Format, limits: &Limits) -> String {
    let cues: Vec<Cue> = lay_out(doc, limits).into_iter().map(|l| l.cue).collect();
    match format {
        Format::Srt => subtitles::srt::write(track(doc), &cues),
        _ => subtitles::vtt::write(track(doc), &cues),
    }
}

/// The voice-over script: every cue's time, speaker and what is said.
pub fn script(doc: &LocalizedDocument, limits: &Limits) -> String {
    let laid = lay_out(doc, limits);
    let cues: Vec<ScriptCue> = laid
        .iter()
        .map(|l| ScriptCue {
            cue: &l.cue,
            voice_over: l.voice_over.as_deref(),
        })
        .collect();
    subtitles::script::write(track(doc), &cues)
}

pub fn facts(doc: &LocalizedDocument, limits: &Limits) -> VideoFacts {
    let laid = lay_out(doc, limits);
    let cues: Vec<Cue> = laid.iter().map(|l| l.cue.clone()).collect();
    let findings = subtitles::check(&cues, limits)
        .into_iter()
        .map(|f| CueFinding {
            block: laid
                .get(f.cue().number.saturating_sub(1))
                .map_or(0, |l| l.block),
            code: match f {
                Finding::TooFast { .. } => "subtitle-speed",
                Finding::LineTooWide { .. } | Finding::TooManyLines { .. } => "subtitle-lines",
                Finding::TooShort { .. } | Finding::TooLong { .. } => "subtitle-duration",
                Finding::Overlap { .. } | Finding::OutOfOrder { .. } => "subtitle-overlap",
            }
            .to_owned(),
            text: f.to_string(),
        })
        .collect();
    VideoFacts {
        cues: cues.len(),
        duration: cues.iter().map(|c| c.end).max().unwrap_or(Millis::ZERO),
        lines: cues.iter().map(|c| c.lines.len()).sum(),
        findings,
    }
}

impl VideoFacts {
    pub fn diagnostics(
        &self,
        campaign: &Campaign,
        document: &Document,
        locale: &str,
    ) -> Vec<Diagnostic> {
        self.findings
            .iter()
            .map(|f| {
                let code: &'static str = match f.code.as_str() {
                    "subtitle-speed" => "subtitle-speed",
                    "subtitle-lines" => "subtitle-lines",
                    "subtitle-duration" => "subtitle-duration",
                    _ => "subtitle-overlap",
                };
                let hint = match code {
                    "subtitle-speed" | "subtitle-lines" => format!(
                        "shorten the translation in locales/{locale}/, or give the cue more time in {}; the limits are [subtitles] in pamphlet.toml",
                        campaign.file
                    ),
                    "subtitle-duration" => format!(
                        "change the cue's duration in {}; the limits are [subtitles] in pamphlet.toml",
                        campaign.file
                    ),
                    _ => format!("start the cue after the one before it ends, in {}", campaign.file),
                };
                let d = Diagnostic::warning(
                    code,
                    format!("{locale}: video {}/{}: {}", campaign.id, document.id, f.text),
                )
                .with_hint(hint);
                match super::block(document, f.block).and_then(|b| b.texts().into_iter().next()) {
                    Some(t) => d.at(
                        campaign.file.clone(),
                        t.position,
                        campaign.snippet(t.position.line),
                    ),
                    None => d.in_file(campaign.file.clone()),
                }
            })
            .collect()
    }
}
