//! The `[theme]` table of `pamphlet.toml`: the colours every HTML page and
//! PDF is drawn in. A theme starts from one of the built-in palettes
//! ([`BUILT_IN`]) and may override any colour; the result is checked
//! against WCAG 2.2 AA contrast for every text/background pair the default
//! templates draw (docs/themes.md), and a pair that fails stops the build
//! with the pair and its ratio named.
//!
//! `[theme.fonts]` names a font family per script (`latin`, `arabic`, …);
//! a document is set in the family of its language's script first, then
//! the theme's other families, then the PDF settings' list (`pdf.fonts`) or
//! the page's built-in CSS stacks.
//!
//! Each colour has an RGB value (screens, the accessible PDF) and a CMYK
//! value (the press PDF). The built-in palettes carry CMYK values chosen by
//! hand; an overridden colour gets a plain conversion, which a print shop
//! may want to adjust (docs/themes.md says so).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::tomlfile::TomlFile;
use crate::diagnostics::Diagnostic;

/// One colour: sRGB, and CMYK in percent for the press variant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour {
    pub rgb: [u8; 3],
    pub cmyk: [u8; 4],
}

impl Colour {
    const fn new(rgb: [u8; 3], cmyk: [u8; 4]) -> Colour {
        Colour { rgb, cmyk }
    }

    /// A colour from `#rrggbb`, with CMYK converted from it.
    pub fn parse(hex: &str) -> Option<Colour> {
        let digits = hex.strip_prefix('#')?;
        if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
        let rgb = [channel(0)?, channel(2)?, channel(4)?];
        Some(Colour {
            rgb,
            cmyk: to_cmyk(rgb),
        })
    }

    /// `#rrggbb`, lowercase.
    pub fn hex(&self) -> String {
        let [r, g, b] = self.rgb;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// Relative luminance (WCAG 2.2, from sRGB).
    pub fn luminance(&self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.rgb;
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }
}

/// The contrast ratio of two colours (1 to 21; WCAG 2.2).
pub fn contrast(a: Colour, b: Colour) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The naive device conversion (no ICC profile): K from the darkest
/// channel, C, M, Y from what remains.
fn to_cmyk([r, g, b]: [u8; 3]) -> [u8; 4] {
    let [r, g, b] = [r, g, b].map(|c| f64::from(c) / 255.0);
    let k = 1.0 - r.max(g).max(b);
    if k >= 1.0 {
        return [0, 0, 0, 100];
    }
    let part = |c: f64| ((1.0 - c - k) / (1.0 - k) * 100.0).round() as u8;
    [part(r), part(g), part(b), (k * 100.0).round() as u8]
}

const WHITE: Colour = Colour::new([255, 255, 255], [0, 0, 0, 0]);

/// One value per colour role of a theme: the colours themselves
/// ([`Palette`]), or their text for templates.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Roles<T> {
    /// Body text.
    pub ink: T,
    /// Headings, links, step numbers (white on it), rules under contacts.
    pub accent: T,
    /// The bar and heading of a warning callout.
    pub warn: T,
    /// The background of callouts and of the language switcher.
    pub soft: T,
    /// The background of a warning callout.
    pub warn_soft: T,
    /// Footnotes and the edition line.
    pub muted: T,
    /// Thin rules between pages and panels on screen.
    pub rule: T,
}

impl<T> Roles<T> {
    pub fn map<U>(&self, f: impl Fn(&T) -> U) -> Roles<U> {
        Roles {
            ink: f(&self.ink),
            accent: f(&self.accent),
            warn: f(&self.warn),
            soft: f(&self.soft),
            warn_soft: f(&self.warn_soft),
            muted: f(&self.muted),
            rule: f(&self.rule),
        }
    }
}

/// The colours of a theme, by the role they play in the templates.
pub type Palette = Roles<Colour>;

/// The corners of boxes: the cover, its image, the logo's plate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corners {
    Rounded,
    Square,
}

/// The weight of the bars beside callouts and the rule above contacts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rules {
    Thin,
    Medium,
    Thick,
}

/// How a theme draws its boxes and rules, besides its colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub corners: Corners,
    pub rules: Rules,
}

impl Corners {
    const ALL: [(&'static str, Corners); 2] =
        [("rounded", Corners::Rounded), ("square", Corners::Square)];

    /// What the templates multiply their radii by.
    fn radius(self) -> f64 {
        match self {
            Corners::Rounded => 1.0,
            Corners::Square => 0.0,
        }
    }
}

impl Rules {
    const ALL: [(&'static str, Rules); 3] = [
        ("thin", Rules::Thin),
        ("medium", Rules::Medium),
        ("thick", Rules::Thick),
    ];

    /// What the templates multiply their bar and rule widths by.
    fn weight(self) -> f64 {
        match self {
            Rules::Thin => 0.5,
            Rules::Medium => 1.0,
            Rules::Thick => 2.0,
        }
    }
}

/// A built-in theme.
pub struct BuiltIn {
    pub name: &'static str,
    pub palette: Palette,
    pub shape: Shape,
}

/// The built-in themes; the first is the default.
pub const BUILT_IN: &[BuiltIn] = &[
    BuiltIn {
        // a civic blue on white: information pages, leaflets for offices
        name: "civic",
        palette: Palette {
            ink: Colour::new([0x1a, 0x1a, 0x1a], [0, 0, 0, 90]),
            accent: Colour::new([0x0b, 0x53, 0x94], [100, 45, 0, 40]),
            warn: Colour::new([0xb4, 0x53, 0x09], [0, 55, 95, 30]),
            soft: Colour::new([0xee, 0xf3, 0xf9], [6, 2, 0, 2]),
            warn_soft: Colour::new([0xfd, 0xf3, 0xe7], [0, 4, 9, 1]),
            muted: Colour::new([0x55, 0x55, 0x55], [0, 0, 0, 65]),
            rule: Colour::new([0xd5, 0xdd, 0xe6], [8, 4, 0, 10]),
        },
        shape: Shape {
            corners: Corners::Rounded,
            rules: Rules::Medium,
        },
    },
    BuiltIn {
        // black and a deep red at full strength: posters and notice boards,
        // read from a distance
        name: "bold",
        palette: Palette {
            ink: Colour::new([0x00, 0x00, 0x00], [0, 0, 0, 100]),
            accent: Colour::new([0xa1, 0x12, 0x1c], [0, 90, 80, 35]),
            warn: Colour::new([0x8a, 0x4b, 0x00], [0, 45, 100, 45]),
            soft: Colour::new([0xff, 0xf1, 0xcc], [0, 5, 20, 0]),
            warn_soft: Colour::new([0xff, 0xe8, 0xd6], [0, 9, 16, 0]),
            muted: Colour::new([0x33, 0x33, 0x33], [0, 0, 0, 80]),
            rule: Colour::new([0x00, 0x00, 0x00], [0, 0, 0, 100]),
        },
        shape: Shape {
            corners: Corners::Square,
            rules: Rules::Thick,
        },
    },
    BuiltIn {
        // slate and warm grey: legal brochures, rights information
        name: "quiet",
        palette: Palette {
            ink: Colour::new([0x22, 0x22, 0x22], [0, 0, 0, 87]),
            accent: Colour::new([0x3d, 0x4f, 0x5f], [35, 17, 0, 63]),
            warn: Colour::new([0x7a, 0x4e, 0x1d], [0, 36, 76, 52]),
            soft: Colour::new([0xf3, 0xf2, 0xee], [0, 0, 2, 5]),
            warn_soft: Colour::new([0xf7, 0xf0, 0xe6], [0, 3, 7, 3]),
            muted: Colour::new([0x59, 0x59, 0x59], [0, 0, 0, 65]),
            rule: Colour::new([0xd9, 0xd6, 0xcf], [0, 1, 4, 15]),
        },
        shape: Shape {
            corners: Corners::Square,
            rules: Rules::Thin,
        },
    },
];

/// The scripts `[theme.fonts]` takes a family for, each with the ISO 15924
/// codes of the likely scripts that fall under it.
pub const SCRIPTS: &[(&str, &[&str])] = &[
    ("latin", &["Latn"]),
    ("cyrillic", &["Cyrl"]),
    ("greek", &["Grek"]),
    ("arabic", &["Arab"]),
    ("hebrew", &["Hebr"]),
    ("georgian", &["Geor"]),
    ("armenian", &["Armn"]),
    ("cjk", &["Hans", "Hant", "Hani", "Jpan", "Kore"]),
];

/// The `[theme.fonts]` key of the script `tag` is written in (its likely
/// script: `ru` → Cyrillic, `az` → Latin, `az-Arab` → Arabic).
pub fn script_key(tag: &str) -> Option<&'static str> {
    let mut id: unic_langid::LanguageIdentifier = tag.parse().ok()?;
    if id.script.is_none() {
        id.maximize();
    }
    let script = id.script?;
    let code = script.as_str();
    SCRIPTS
        .iter()
        .find(|(_, codes)| codes.contains(&code))
        .map(|(key, _)| *key)
}

/// The theme a project builds with.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// The built-in theme it starts from.
    pub base: &'static str,
    pub palette: Palette,
    /// `[theme.fonts]`: a family per script key of [`SCRIPTS`], in that order.
    pub fonts: Vec<(&'static str, String)>,
    /// `logo`: a path under `assets/`, shown by organization blocks that
    /// name no logo of their own.
    pub logo: Option<String>,
    pub shape: Shape,
    /// What templates see, made once: every document shares it.
    info: Arc<ThemeInfo>,
}

impl Theme {
    pub fn new(base: &'static str, palette: Palette, shape: Shape) -> Theme {
        let info = Arc::new(ThemeInfo {
            name: base,
            rgb: palette.map(Colour::hex),
            cmyk: palette.map(|c| {
                let [c, m, y, k] = c.cmyk;
                format!("{c}%, {m}%, {y}%, {k}%")
            }),
            radius: shape.corners.radius(),
            rule_weight: shape.rules.weight(),
        });
        Theme {
            base,
            palette,
            fonts: Vec::new(),
            logo: None,
            shape,
            info,
        }
    }

    /// The theme as templates see it (shared, not copied, per document).
    pub fn info(&self) -> Arc<ThemeInfo> {
        Arc::clone(&self.info)
    }

    /// The theme's font families for a document in `tag`: its script's
    /// family first (so that a Latin family that also covers Cyrillic does
    /// not set a Russian page), then the others in [`SCRIPTS`] order.
    pub fn fonts_for(&self, tag: &str) -> Vec<String> {
        let own = script_key(tag);
        let first = self.fonts.iter().filter(|(k, _)| Some(*k) == own);
        let rest = self.fonts.iter().filter(|(k, _)| Some(*k) != own);
        first.chain(rest).map(|(_, f)| f.clone()).collect()
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(BUILT_IN[0].name, BUILT_IN[0].palette, BUILT_IN[0].shape)
    }
}

/// A text/background pair the default templates draw, and the ratio it
/// needs: 4.5 for text (WCAG 2.2 SC 1.4.3), 3 for a bar or marker that is
/// not text (SC 1.4.11).
pub struct Pair {
    pub what: &'static str,
    pub fore: fn(&Palette) -> Colour,
    pub back: fn(&Palette) -> Colour,
    pub minimum: f64,
}

/// Every pair checked.
pub const PAIRS: &[Pair] = &[
    Pair {
        what: "body text (ink) on the page",
        fore: |p| p.ink,
        back: |_| WHITE,
        minimum: 4.5,
    },
    Pair {
        what: "headings and links (accent) on the page",
        fore: |p| p.accent,
        back: |_| WHITE,
        minimum: 4.5,
    },
    Pair {
        what: "footnotes (muted) on the page",
        fore: |p| p.muted,
        back: |_| WHITE,
        minimum: 4.5,
    },
    Pair {
        what: "callout text (ink) on its background (soft)",
        fore: |p| p.ink,
        back: |p| p.soft,
        minimum: 4.5,
    },
    Pair {
        what: "language links (accent) on their bar (soft)",
        fore: |p| p.accent,
        back: |p| p.soft,
        minimum: 4.5,
    },
    Pair {
        what: "warning text (ink) on its background (warn-soft)",
        fore: |p| p.ink,
        back: |p| p.warn_soft,
        minimum: 4.5,
    },
    Pair {
        what: "the warning bar (warn) beside its background (warn-soft)",
        fore: |p| p.warn,
        back: |p| p.warn_soft,
        minimum: 3.0,
    },
];

/// A pair of a palette below its minimum.
#[derive(Debug, Clone, PartialEq)]
pub struct Failing {
    pub what: &'static str,
    pub fore: String,
    pub back: String,
    pub ratio: f64,
    pub minimum: f64,
}

impl Palette {
    /// The pairs below their minimum contrast.
    pub fn failing(&self) -> Vec<Failing> {
        PAIRS
            .iter()
            .filter_map(|pair| {
                let (fore, back) = ((pair.fore)(self), (pair.back)(self));
                let ratio = contrast(fore, back);
                (ratio < pair.minimum).then(|| Failing {
                    what: pair.what,
                    fore: fore.hex(),
                    back: back.hex(),
                    ratio,
                    minimum: pair.minimum,
                })
            })
            .collect()
    }
}

/// The table as written in `pamphlet.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawTheme {
    base: Option<Spanned<String>>,
    ink: Option<Spanned<String>>,
    accent: Option<Spanned<String>>,
    warn: Option<Spanned<String>>,
    soft: Option<Spanned<String>>,
    warn_soft: Option<Spanned<String>>,
    muted: Option<Spanned<String>>,
    rule: Option<Spanned<String>>,
    logo: Option<Spanned<String>>,
    corners: Option<Spanned<String>>,
    rules: Option<Spanned<String>>,
    #[serde(default)]
    fonts: BTreeMap<Spanned<String>, Spanned<String>>,
}

impl RawTheme {
    /// Validates the table; problems are pushed to `diags`.
    pub fn theme(self, file: &TomlFile, diags: &mut Vec<Diagnostic>) -> Theme {
        let mut base_name = BUILT_IN[0].name;
        let mut palette = BUILT_IN[0].palette;
        let mut shape = BUILT_IN[0].shape;
        let table_span = self.base.as_ref().map(|b| b.span());
        if let Some(base) = &self.base {
            match built_in_named(base, file) {
                Ok(t) => {
                    base_name = t.name;
                    palette = t.palette;
                    shape = t.shape;
                }
                Err(d) => diags.push(d),
            }
        }
        let p = &mut palette;
        let mut overridden = None;
        for (key, value, slot) in [
            ("ink", self.ink, &mut p.ink),
            ("accent", self.accent, &mut p.accent),
            ("warn", self.warn, &mut p.warn),
            ("soft", self.soft, &mut p.soft),
            ("warn-soft", self.warn_soft, &mut p.warn_soft),
            ("muted", self.muted, &mut p.muted),
            ("rule", self.rule, &mut p.rule),
        ] {
            let Some(value) = value else { continue };
            match Colour::parse(value.get_ref().trim()) {
                Some(c) => {
                    *slot = c;
                    overridden.get_or_insert(value.span());
                }
                None => diags.push(
                    file.error_at(
                        &value.span(),
                        "theme",
                        format!(
                            "theme.{key} must be a colour written #rrggbb, not '{}'",
                            value.get_ref()
                        ),
                    )
                    .with_hint("for example accent = \"#0b5394\""),
                ),
            }
        }
        if let Some(span) = overridden.or(table_span) {
            for f in palette.failing() {
                diags.push(
                    file.error_at(
                        &span,
                        "theme-contrast",
                        format!(
                            "{}: {} on {} has a contrast of {:.2}:1, below the {}:1 of WCAG 2.2 AA",
                            f.what, f.fore, f.back, f.ratio, f.minimum
                        ),
                    )
                    .with_hint("darken the text colour or lighten its background; docs/themes.md lists every pair"),
                );
            }
        }
        if let Some(value) = &self.corners {
            shape.corners =
                one_of(value, "corners", &Corners::ALL, file, diags).unwrap_or(shape.corners);
        }
        if let Some(value) = &self.rules {
            shape.rules = one_of(value, "rules", &Rules::ALL, file, diags).unwrap_or(shape.rules);
        }
        let mut theme = Theme::new(base_name, palette, shape);
        theme.fonts = fonts(&self.fonts, file, diags);
        theme.logo = self.logo.and_then(|l| logo(&l, file, diags));
        theme
    }
}

/// The value of `key` among `choices`, or an error naming them.
fn one_of<T: Copy>(
    value: &Spanned<String>,
    key: &str,
    choices: &[(&'static str, T)],
    file: &TomlFile,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    let written = value.get_ref().trim();
    if let Some((_, v)) = choices.iter().find(|(name, _)| *name == written) {
        return Some(*v);
    }
    let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
    diags.push(
        file.error_at(
            &value.span(),
            "theme",
            format!("theme.{key} cannot be '{written}'"),
        )
        .with_hint(format!("use one of: {}", names.join(", "))),
    );
    None
}

/// `logo`: a path inside `assets/`, written from the workspace
/// (`assets/logo.svg`) or from the folder (`logo.svg`, as blocks write it).
/// Whether the file exists and is an image is checked with the other
/// assets.
fn logo(value: &Spanned<String>, file: &TomlFile, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let written = value.get_ref().trim();
    let rel = written.strip_prefix("assets/").unwrap_or(written);
    let inside = !rel.is_empty()
        && !rel.contains('\\')
        && rel
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != ".." && !p.contains(':'));
    if inside {
        return Some(rel.to_owned());
    }
    diags.push(
        file.error_at(
            &value.span(),
            "theme",
            format!("theme.logo '{written}' is not a path inside assets/"),
        )
        .with_hint("for example logo = \"assets/logo.svg\""),
    );
    None
}

/// `[theme.fonts]`: known script keys, family names that are safe in CSS
/// and Typst strings.
fn fonts(
    raw: &BTreeMap<Spanned<String>, Spanned<String>>,
    file: &TomlFile,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(&'static str, String)> {
    let keys: Vec<&str> = SCRIPTS.iter().map(|(k, _)| *k).collect();
    let mut out = Vec::new();
    for (key, family) in raw {
        let Some(k) = keys.iter().find(|k| **k == key.get_ref()) else {
            let near = crate::diagnostics::closest(key.get_ref(), keys.iter().copied());
            diags.push(
                file.error_at(
                    &key.span(),
                    "theme",
                    format!("theme.fonts has no script '{}'", key.get_ref()),
                )
                .with_hint(match near {
                    Some(n) => {
                        format!("did you mean \"{n}\"? The scripts are: {}", keys.join(", "))
                    }
                    None => format!("the scripts are: {}", keys.join(", ")),
                }),
            );
            continue;
        };
        let name = family.get_ref().trim();
        let safe = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.'));
        if safe {
            out.push((*k, name.to_owned()));
        } else {
            diags.push(
                file.error_at(
                    &family.span(),
                    "theme",
                    format!("theme.fonts.{k} must be a font family name, not '{}'", family.get_ref()),
                )
                .with_hint("write the family as fonts list it, e.g. arabic = \"Noto Naskh Arabic\" (letters, digits, spaces, '-', '_', '.')"),
            );
        }
    }
    out.sort_by_key(|(k, _)| keys.iter().position(|x| x == k));
    out
}

/// A built-in palette as templates see it, unchanged by the project's
/// overrides: what a campaign that names its own `theme` is drawn in. Made
/// once per built-in and shared.
pub fn built_in_info(name: &str) -> Option<Arc<ThemeInfo>> {
    static INFOS: std::sync::OnceLock<Vec<Arc<ThemeInfo>>> = std::sync::OnceLock::new();
    let infos = INFOS.get_or_init(|| {
        BUILT_IN
            .iter()
            .map(|t| Theme::new(t.name, t.palette, t.shape).info())
            .collect()
    });
    infos.iter().find(|i| i.name == name).cloned()
}

/// The built-in theme `name` names (the `base` of `[theme]`, a campaign's
/// `theme`), or the error at it, with the nearest name as a hint.
pub fn built_in_named(
    name: &Spanned<String>,
    file: &TomlFile,
) -> Result<&'static BuiltIn, Diagnostic> {
    let wanted = name.get_ref().trim();
    if let Some(t) = BUILT_IN.iter().find(|t| t.name == wanted) {
        return Ok(t);
    }
    let hint = match crate::diagnostics::closest(wanted, BUILT_IN.iter().map(|t| t.name)) {
        Some(n) => format!("did you mean \"{n}\"? The built-in themes are: {}", names()),
        None => format!("use one of: {}", names()),
    };
    Err(file
        .error_at(
            &name.span(),
            "theme",
            format!("there is no built-in theme '{}'", name.get_ref()),
        )
        .with_hint(hint))
}

/// The built-in themes' names, for messages.
pub fn names() -> String {
    BUILT_IN
        .iter()
        .map(|t| t.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The theme as templates see it: `theme.accent` (`#rrggbb`),
/// `theme.cmyk.accent` (`c%, m%, y%, k%`, Typst's `cmyk()` arguments).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeInfo {
    pub name: &'static str,
    #[serde(flatten)]
    pub rgb: Roles<String>,
    pub cmyk: Roles<String>,
    /// 1 for rounded corners, 0 for square ones: radii are multiplied by it.
    pub radius: f64,
    /// 0.5, 1 or 2: widths of callout bars and contact rules are multiplied
    /// by it.
    pub rule_weight: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_known_values() {
        let black = Colour::parse("#000000").unwrap();
        assert!((contrast(black, WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the lightest grey that passes 4.5:1
        let grey = Colour::parse("#767676").unwrap();
        assert!((contrast(grey, WHITE) - 4.54).abs() < 0.01);
        let lighter = Colour::parse("#777777").unwrap();
        assert!(contrast(lighter, WHITE) < 4.5);
    }

    #[test]
    fn every_built_in_theme_passes_every_pair() {
        for t in BUILT_IN {
            assert_eq!(t.palette.failing(), vec![], "{}", t.name);
        }
    }

    #[test]
    fn a_campaign_theme_is_the_built_in_palette_as_it_is() {
        let quiet = built_in_info("quiet").unwrap();
        assert_eq!(quiet.name, "quiet");
        assert_eq!(quiet.rgb.accent, BUILT_IN[2].palette.accent.hex());
        // made once and shared by every document of the campaign
        assert!(Arc::ptr_eq(&quiet, &built_in_info("quiet").unwrap()));
        assert_eq!(built_in_info("neon"), None);
    }

    #[test]
    fn a_pale_accent_fails_by_name() {
        let mut p = BUILT_IN[0].palette;
        p.accent = Colour::parse("#66aaff").unwrap();
        let failing: Vec<&str> = p.failing().iter().map(|f| f.what).collect();
        assert_eq!(
            failing,
            [
                "headings and links (accent) on the page",
                "language links (accent) on their bar (soft)"
            ]
        );
    }

    #[test]
    fn a_language_finds_its_script() {
        assert_eq!(script_key("ru"), Some("cyrillic"));
        assert_eq!(script_key("az"), Some("latin"));
        assert_eq!(script_key("az-Arab"), Some("arabic"));
        assert_eq!(script_key("fa"), Some("arabic"));
        assert_eq!(script_key("ka"), Some("georgian"));
        assert_eq!(script_key("hy"), Some("armenian"));
        assert_eq!(script_key("zh-Hant"), Some("cjk"));
        assert_eq!(script_key("ja"), Some("cjk"));
    }

    #[test]
    fn a_document_takes_its_scripts_family_first() {
        let t = Theme {
            fonts: vec![
                ("latin", "Inter".into()),
                ("cyrillic", "PT Sans".into()),
                ("arabic", "Vazirmatn".into()),
            ],
            ..Theme::default()
        };
        assert_eq!(t.fonts_for("ru"), ["PT Sans", "Inter", "Vazirmatn"]);
        assert_eq!(t.fonts_for("en"), ["Inter", "PT Sans", "Vazirmatn"]);
        assert_eq!(t.fonts_for("ka"), ["Inter", "PT Sans", "Vazirmatn"]);
    }

    #[test]
    fn colours_parse_and_convert() {
        assert_eq!(Colour::parse("#0B5394").unwrap().hex(), "#0b5394");
        for bad in ["0b5394", "#0b539", "#0b53944", "#0g5394", ""] {
            assert_eq!(Colour::parse(bad), None, "{bad}");
        }
        assert_eq!(Colour::parse("#000000").unwrap().cmyk, [0, 0, 0, 100]);
        assert_eq!(Colour::parse("#ffffff").unwrap().cmyk, [0, 0, 0, 0]);
        assert_eq!(Colour::parse("#ff0000").unwrap().cmyk, [0, 100, 100, 0]);
    }
}
