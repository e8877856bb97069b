//! The `[subtitles]` table of `pamphlet.toml`: the limits the subtitle checks
//! hold every video's cues to (docs/subtitles.md), with overrides per
//! language, e.g. a faster reading speed for Arabic:
//!
//! ```toml
//! [subtitles]
//! max-cps = 17
//! [subtitles.locale.ar]
//! max-cps = 20
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::tomlfile::TomlFile;
use crate::diagnostics::Diagnostic;
use crate::subtitles::{Limits, Millis};

/// The limits, defaults filled in: one set for every locale, and the
/// locales (canonical tags, or a language subtag for all its regions) that
/// change some of them.
#[derive(Debug, Clone, Default)]
pub struct SubtitleSettings {
    pub limits: Limits,
    pub locales: BTreeMap<String, Limits>,
}

impl SubtitleSettings {
    /// The limits of locale `tag`: its own, else its language's, else the
    /// project's.
    pub fn for_locale(&self, tag: &str) -> &Limits {
        let language = tag.split('-').next().unwrap_or(tag);
        self.locales
            .get(tag)
            .or_else(|| self.locales.get(language))
            .unwrap_or(&self.limits)
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawSubtitles {
    // the fields of `RawLimits`, written out: serde's `flatten` would not
    // reject unknown keys
    max_line_width: Option<Spanned<i64>>,
    max_lines: Option<Spanned<i64>>,
    max_cps: Option<Spanned<f64>>,
    min_duration: Option<Spanned<toml::Value>>,
    max_duration: Option<Spanned<toml::Value>>,
    #[serde(default)]
    locale: BTreeMap<String, Spanned<RawLimits>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLimits {
    max_line_width: Option<Spanned<i64>>,
    max_lines: Option<Spanned<i64>>,
    max_cps: Option<Spanned<f64>>,
    min_duration: Option<Spanned<toml::Value>>,
    max_duration: Option<Spanned<toml::Value>>,
}

impl RawLimits {
    /// `base` with what this table changes.
    fn apply(&self, base: &Limits, file: &TomlFile, diags: &mut Vec<Diagnostic>) -> Limits {
        let mut out = *base;
        let mut count = |v: &Option<Spanned<i64>>,
                         name: &str,
                         range: std::ops::RangeInclusive<i64>,
                         slot: &mut usize| {
            if let Some(v) = v {
                if range.contains(v.get_ref()) {
                    *slot = *v.get_ref() as usize;
                } else {
                    diags.push(file.error_at(
                        &v.span(),
                        "subtitles",
                        format!(
                            "{name} must be a whole number from {} to {}",
                            range.start(),
                            range.end()
                        ),
                    ));
                }
            }
        };
        count(
            &self.max_line_width,
            "max-line-width",
            10..=200,
            &mut out.max_line_width,
        );
        count(&self.max_lines, "max-lines", 1..=4, &mut out.max_lines);
        if let Some(v) = &self.max_cps {
            if (1.0..=100.0).contains(v.get_ref()) {
                out.max_cps = *v.get_ref();
            } else {
                diags.push(file.error_at(
                    &v.span(),
                    "subtitles",
                    "max-cps (characters per second) must be from 1 to 100",
                ));
            }
        }
        for (v, name, slot) in [
            (&self.min_duration, "min-duration", &mut out.min_duration),
            (&self.max_duration, "max-duration", &mut out.max_duration),
        ] {
            if let Some(v) = v {
                match Millis::from_toml(v.get_ref()) {
                    Ok(t) => *slot = t,
                    Err(e) => diags.push(
                        file.error_at(&v.span(), "subtitles", format!("{name}: {e}"))
                            .with_hint(
                                "write a duration as \"0.833s\", \"7s\" or a number of seconds",
                            ),
                    ),
                }
            }
        }
        out
    }
}

impl RawSubtitles {
    pub(super) fn settings(
        &self,
        file: &TomlFile,
        diags: &mut Vec<Diagnostic>,
    ) -> SubtitleSettings {
        let own = RawLimits {
            max_line_width: self.max_line_width.clone(),
            max_lines: self.max_lines.clone(),
            max_cps: self.max_cps.clone(),
            min_duration: self.min_duration.clone(),
            max_duration: self.max_duration.clone(),
        };
        let limits = own.apply(&Limits::default(), file, diags);
        if limits.min_duration > limits.max_duration {
            diags.push(
                Diagnostic::error(
                    "subtitles",
                    "[subtitles] min-duration is longer than max-duration",
                )
                .in_file(file.display.clone()),
            );
        }
        let mut locales = BTreeMap::new();
        for (tag, raw) in &self.locale {
            match super::config::parse_locale(tag) {
                Ok(l) => {
                    locales.insert(l.tag, raw.get_ref().apply(&limits, file, diags));
                }
                Err(msg) => diags.push(file.error_at(
                    &raw.span(),
                    "subtitles",
                    format!("[subtitles.locale.{tag}]: {msg}"),
                )),
            }
        }
        SubtitleSettings { limits, locales }
    }
}
