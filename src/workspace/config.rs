//! `pamphlet.toml`: project settings: source locale, locales, fallback chains,
//! global variables, default output formats and folder.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use toml::Spanned;
use unic_langid::{CharacterDirection, LanguageIdentifier};

use super::locale_id::{LocaleId, PerLocale};
use super::pdf::{PdfSettings, RawPdf};
use super::subtitles::{RawSubtitles, SubtitleSettings};
use super::theme::{RawTheme, Theme};
use super::tomlfile::TomlFile;
use super::values::{VarValue, Vars, is_identifier};
use crate::diagnostics::Diagnostic;

/// An output format.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Self-contained, print-ready HTML.
    Html,
    /// UTF-8 plain text wrapped at 72 columns.
    Txt,
    /// Print-ready PDF, laid out in-process with Typst (docs/pdf.md); for
    /// slides, one page per slide.
    Pdf,
    /// One 1920 × 1080 image per slide (slides only).
    Png,
    /// WebVTT subtitles (video only).
    Vtt,
    /// SubRip subtitles (video only).
    Srt,
}

impl Format {
    /// The formats a workspace builds when `project.formats` is not set:
    /// the ones that need no fonts or typesetting.
    pub const DEFAULT: [Format; 4] = [Format::Html, Format::Txt, Format::Vtt, Format::Srt];

    /// Made by typesetting with Typst (and so needing fonts).
    pub fn is_typeset(self) -> bool {
        matches!(self, Format::Pdf | Format::Png)
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Txt => "txt",
            Format::Pdf => "pdf",
            Format::Png => "png",
            Format::Vtt => "vtt",
            Format::Srt => "srt",
        }
    }
}

/// One configured locale.
#[derive(Debug, Clone)]
pub struct Locale {
    /// Canonical BCP 47 tag; also the folder name under `locales/` and `out/<campaign>/`.
    pub tag: String,
    pub id: LanguageIdentifier,
    pub rtl: bool,
    /// A built-in pseudo-locale ([`PSEUDO_LOCALES`]): its messages are
    /// generated from the source locale's, never read from `locales/`.
    pub pseudo: bool,
    /// Where its tag is written in `pamphlet.toml` (a byte offset), for
    /// diagnostics about the locale; `None` when it is not listed there.
    pub offset: Option<usize>,
}

/// The built-in pseudo-locales: `en-XA` (accented, about a third longer) and
/// `ar-XB` (right-to-left, mirrored). They are generated from the source
/// locale when a command names them (`--locale en-XA`), or in every build
/// when `project.locales` lists them.
pub const PSEUDO_LOCALES: [&str; 2] = ["en-XA", "ar-XB"];

#[derive(Debug, Clone)]
pub struct Config {
    pub name: String,
    pub locales: PerLocale<Locale>,
    /// The source locale.
    pub source: LocaleId,
    /// Explicit fallback chains: locale → the locales to try after it.
    pub fallback: BTreeMap<LocaleId, Vec<LocaleId>>,
    pub formats: Vec<Format>,
    pub output: PathBuf,
    pub vars: Vars,
    /// The `[pdf]` table, defaults filled in.
    pub pdf: PdfSettings,
    /// The `[theme]` table: a built-in palette with its overrides.
    pub theme: Theme,
    /// The `[subtitles]` table: the limits of the subtitle checks.
    pub subtitles: SubtitleSettings,
}

impl Config {
    /// For a usage error about a tag that names no locale, what it could name:
    /// `not a project locale (known: en, ar; pseudo-locales: en-XA, ar-XB)`.
    pub fn not_a_locale(&self) -> String {
        let known: Vec<&str> = self.locales.iter().map(|l| l.tag.as_str()).collect();
        format!(
            "not a project locale (known: {}; pseudo-locales: {})",
            known.join(", "),
            PSEUDO_LOCALES.join(", ")
        )
    }

    pub fn locale_index(&self, tag: &str) -> Option<LocaleId> {
        let canonical = tag.parse::<LanguageIdentifier>().ok()?.to_string();
        self.locales.position(|l| l.tag == canonical)
    }

    /// The index of locale `tag`; a pseudo-locale that the project does not
    /// list is added (after the project's locales) when `tag` names one.
    pub fn locale_or_pseudo(&mut self, tag: &str) -> Option<LocaleId> {
        if let Some(i) = self.locale_index(tag) {
            return Some(i);
        }
        let locale = parse_locale(tag).ok().filter(|l| l.pseudo)?;
        Some(self.locales.push(locale))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    project: RawProject,
    #[serde(default)]
    fallback: BTreeMap<String, Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    vars: BTreeMap<String, Spanned<toml::Value>>,
    #[serde(default)]
    pdf: RawPdf,
    #[serde(default)]
    theme: RawTheme,
    #[serde(default)]
    subtitles: RawSubtitles,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawProject {
    name: String,
    source_locale: Spanned<String>,
    locales: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    formats: Option<Vec<Format>>,
    #[serde(default)]
    output: Option<Spanned<String>>,
}

/// Parses and validates `pamphlet.toml`. Every problem found is returned.
pub fn parse(file: &TomlFile) -> Result<Config, Vec<Diagnostic>> {
    let raw: RawConfig = file.parse().map_err(|d| vec![d])?;
    let mut diags = Vec::new();

    let mut locales: PerLocale<Locale> = PerLocale::new();
    for tag in raw.project.locales.get_ref() {
        match parse_locale(tag.get_ref()) {
            Ok(locale) => {
                if locales.iter().any(|l| l.tag == locale.tag) {
                    diags.push(
                        file.error_at(&tag.span(), "locale-duplicate", format!("locale '{}' is listed twice", locale.tag))
                            .with_hint("tags are compared in canonical form: 'pt_br' and 'pt-BR' are the same locale"),
                    );
                } else {
                    locales.push(Locale {
                        offset: Some(tag.span().start),
                        ..locale
                    });
                }
            }
            Err(msg) => diags.push(
                file.error_at(&tag.span(), "locale-invalid", msg)
                    .with_hint("use a BCP 47 tag such as 'az', 'ru', 'az-Cyrl' or 'pt-BR'"),
            ),
        }
    }
    let find = |tag: &str| {
        let canonical = tag.parse::<LanguageIdentifier>().ok()?.to_string();
        locales.position(|l| l.tag == canonical)
    };

    let source_tag = &raw.project.source_locale;
    let source = find(source_tag.get_ref());
    if source.is_none() {
        diags.push(
            file.error_at(
                &source_tag.span(),
                "locale-source",
                format!(
                    "the source locale '{}' is not among the project's locales",
                    source_tag.get_ref()
                ),
            )
            .with_hint("add it to project.locales"),
        );
    }
    if let Some(i) = source
        && locales[i].pseudo
    {
        diags.push(
            file.error_at(
                &source_tag.span(),
                "locale-source",
                format!(
                    "'{}' is a pseudo-locale, generated from the source locale; it cannot be the source",
                    locales[i].tag
                ),
            )
            .with_hint("name the language the campaigns are written in, e.g. 'en'"),
        );
    }
    if locales.is_empty() && diags.is_empty() {
        diags.push(file.error_at(
            &raw.project.locales.span(),
            "locale-none",
            "project.locales is empty",
        ));
    }

    let mut fallback = BTreeMap::new();
    for (tag, chain) in &raw.fallback {
        let Some(from) = find(tag) else {
            diags.push(
                file.error_at(
                    &chain.span(),
                    "fallback-unknown",
                    format!("[fallback] names '{tag}', which is not a project locale"),
                )
                .with_hint("list the locale in project.locales or remove its fallback chain"),
            );
            continue;
        };
        let mut to = Vec::new();
        for t in chain.get_ref() {
            match find(t.get_ref()) {
                Some(i) if i == from => diags.push(file.error_at(
                    &t.span(),
                    "fallback-self",
                    format!("the fallback chain of '{tag}' names '{tag}' itself"),
                )),
                Some(i) => to.push(i),
                None => diags.push(
                    file.error_at(
                        &t.span(),
                        "fallback-unknown",
                        format!(
                            "'{}' in the fallback chain of '{tag}' is not a project locale",
                            t.get_ref()
                        ),
                    )
                    .with_hint("a chain may only name locales listed in project.locales"),
                ),
            }
        }
        fallback.insert(from, to);
    }

    let mut vars = Vars::new();
    for (name, value) in &raw.vars {
        if !is_identifier(name) {
            diags.push(file.error_at(&value.span(), "var-name", format!("'{name}' is not a valid variable name"))
                .with_hint("variable names are letters, digits, '-' and '_', starting with a letter, so messages can use them as { $name }"));
        }
        match VarValue::from_toml(value.get_ref()) {
            Ok(v) => {
                vars.insert(name.clone(), v);
            }
            Err(msg) => diags.push(file.error_at(&value.span(), "var-type", msg)),
        }
    }

    let output = match &raw.project.output {
        Some(o) => match check_output(o.get_ref()) {
            Ok(p) => p,
            Err(msg) => {
                diags.push(file.error_at(&o.span(), "output-path", msg));
                PathBuf::from("out")
            }
        },
        None => PathBuf::from("out"),
    };

    let pdf = raw.pdf.settings(file, &mut diags);
    let theme = raw.theme.theme(file, &mut diags);
    let subtitles = raw.subtitles.settings(file, &mut diags);

    // a missing source locale was reported above
    let Some(source) = source.filter(|_| diags.is_empty()) else {
        return Err(diags);
    };
    let mut formats = raw
        .project
        .formats
        .unwrap_or_else(|| Format::DEFAULT.to_vec());
    formats.sort();
    formats.dedup();
    Ok(Config {
        name: raw.project.name,
        locales,
        source,
        fallback,
        formats,
        output,
        vars,
        pdf,
        theme,
        subtitles,
    })
}

/// Parses a locale tag into its canonical form.
pub fn parse_locale(tag: &str) -> Result<Locale, String> {
    let id: LanguageIdentifier = tag
        .parse()
        .map_err(|_| format!("'{tag}' is not a valid locale tag"))?;
    let rtl = id.character_direction() == CharacterDirection::RTL;
    let tag = id.to_string();
    Ok(Locale {
        pseudo: PSEUDO_LOCALES.contains(&tag.as_str()),
        tag,
        id,
        rtl,
        offset: None,
    })
}

fn check_output(s: &str) -> Result<PathBuf, String> {
    let p = PathBuf::from(s);
    let ok = !s.is_empty()
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    if ok {
        Ok(p)
    } else {
        Err(format!(
            "output '{s}' must be a relative folder inside the workspace, without '..'"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_locale;

    #[test]
    fn direction_comes_from_the_likely_script() {
        // 'az' alone is listed among right-to-left languages (az-Arab is used
        // in Iran); its likely script is Latin, so it must come out LTR.
        for (tag, rtl) in [
            ("az", false),
            ("az-Arab", true),
            ("ar", true),
            ("fa", true),
            ("ka", false),
            ("ru", false),
            ("ur", true),
            ("he", true),
            ("ckb", true),
        ] {
            assert_eq!(parse_locale(tag).unwrap().rtl, rtl, "{tag}");
        }
        assert_eq!(parse_locale("pt_br").unwrap().tag, "pt-BR");
    }

    #[test]
    fn pseudo_locales_are_recognized_in_any_spelling() {
        let xa = parse_locale("en_xa").unwrap();
        assert!(xa.pseudo && !xa.rtl && xa.tag == "en-XA");
        let xb = parse_locale("ar-xb").unwrap();
        assert!(xb.pseudo && xb.rtl && xb.tag == "ar-XB");
        assert!(!parse_locale("en").unwrap().pseudo);
        assert!(!parse_locale("ar-EG").unwrap().pseudo);
    }
}
