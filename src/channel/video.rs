//! Videos: each `cue` block is one subtitle. The cues laid out for the
//! locale (lines broken by display width, [`crate::subtitles::break_cue`]),
//! written as WebVTT, SRT and a voice-over script, and checked against the
//! project's `[subtitles]` limits for the locale: a translation too wide,
//! too long or too fast to read in its cue's time is a warning naming the
//! cue, its message, the locale and the numbers.

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::model::{LocalizedBlock, LocalizedDocument, Surface};
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
    pub check: CueCheck,
    /// The finding in words, with its numbers.
    pub text: String,
}

/// Which rule a cue breaks: each is a diagnostic code with its own advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueCheck {
    /// Too many characters for the cue's time.
    Speed,
    /// A line too wide, or too many lines.
    Lines,
    /// Shown too briefly or too long.
    Duration,
    /// Starts before the cue before it ends.
    Overlap,
}

impl CueCheck {
    fn of(finding: &Finding) -> CueCheck {
        match finding {
            Finding::TooFast { .. } => CueCheck::Speed,
            Finding::LineTooWide { .. } | Finding::TooManyLines { .. } => CueCheck::Lines,
            Finding::TooShort { .. } | Finding::TooLong { .. } => CueCheck::Duration,
            Finding::Overlap { .. } | Finding::OutOfOrder { .. } => CueCheck::Overlap,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            CueCheck::Speed => "subtitle-speed",
            CueCheck::Lines => "subtitle-lines",
            CueCheck::Duration => "subtitle-duration",
            CueCheck::Overlap => "subtitle-overlap",
        }
    }

    fn hint(self, locale: &str, file: &str) -> String {
        match self {
            CueCheck::Speed | CueCheck::Lines => format!(
                "shorten the translation in locales/{locale}/, or give the cue more time in {file}; the limits are [subtitles] in pamphlet.toml"
            ),
            CueCheck::Duration => format!(
                "change the cue's duration in {file}; the limits are [subtitles] in pamphlet.toml"
            ),
            CueCheck::Overlap => format!("start the cue after the one before it ends, in {file}"),
        }
    }
}

/// A cue of the document as laid out, with the voice-over it carries.
struct Laid {
    block: usize,
    cue: Cue,
    voice_over: Option<String>,
}

/// A video in one locale with its cues laid out once, for its files and its
/// facts alike.
pub struct Video {
    cues: Vec<Laid>,
    track: Track,
    limits: Limits,
}

impl Video {
    pub fn new(doc: &LocalizedDocument, limits: &Limits) -> Video {
        let cues = doc
            .surfaces
            .iter()
            .flat_map(Surface::localized_blocks)
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
            .collect();
        Video {
            cues,
            track: Track {
                rtl: doc.locale.rtl,
            },
            limits: *limits,
        }
    }

    fn cues(&self) -> Vec<Cue> {
        self.cues.iter().map(|l| l.cue.clone()).collect()
    }

    /// The subtitles as WebVTT or SRT.
    pub fn subtitles(&self, format: Format) -> String {
        match format {
            Format::Srt => subtitles::srt::write(self.track, &self.cues()),
            _ => subtitles::vtt::write(self.track, &self.cues()),
        }
    }

    /// The voice-over script: every cue's time, speaker and what is said.
    pub fn script(&self) -> String {
        let cues: Vec<ScriptCue> = self
            .cues
            .iter()
            .map(|l| ScriptCue {
                cue: &l.cue,
                voice_over: l.voice_over.as_deref(),
            })
            .collect();
        subtitles::script::write(self.track, &cues)
    }

    pub fn facts(&self) -> VideoFacts {
        let cues = self.cues();
        let findings = subtitles::check(&cues, &self.limits)
            .into_iter()
            .map(|f| CueFinding {
                block: self
                    .cues
                    .get(f.cue().number.saturating_sub(1))
                    .map_or(0, |l| l.block),
                check: CueCheck::of(&f),
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
                let d = Diagnostic::warning(
                    f.check.code(),
                    format!(
                        "{locale}: video {}/{}: {}",
                        campaign.id, document.id, f.text
                    ),
                )
                .with_hint(f.check.hint(locale, &campaign.file));
                super::at_block(d, campaign, document, f.block)
            })
            .collect()
    }
}
