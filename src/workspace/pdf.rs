//! The `[pdf]` table of `pamphlet.toml`: print geometry (bleed, safe
//! margin, crop marks), the colour variant, the font families and whether
//! system fonts are used. Every key is optional; see docs/pdf.md.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::tomlfile::TomlFile;
use crate::diagnostics::Diagnostic;

/// Largest bleed accepted, in millimetres.
pub const MAX_BLEED_MM: f64 = 10.0;
/// Largest safe margin accepted, in millimetres.
pub const MAX_SAFE_MM: f64 = 20.0;

/// Which kind of PDF a build writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Variant {
    /// RGB colours, tagged, PDF/A-2b and PDF/UA-1, with title, date and
    /// language: for screens, archives, screen readers and office printers.
    Accessible,
    /// CMYK colours (DeviceCMYK), plain PDF 1.7 with a TrimBox: for offset print.
    Press,
}

impl Variant {
    pub fn name(self) -> &'static str {
        match self {
            Variant::Accessible => "accessible",
            Variant::Press => "press",
        }
    }
}

/// PDF settings, with their defaults filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfSettings {
    /// Bleed on every side, in mm (0 allowed): the page is this much larger
    /// than the trim size, and the PDF gets a TrimBox.
    pub bleed_mm: f64,
    /// Distance from the trim edge that text keeps, in mm.
    pub safe_mm: f64,
    pub variant: Variant,
    /// Font families in order of preference; a character missing from one is
    /// taken from the next that has it.
    pub fonts: Vec<String>,
    /// Whether the system's fonts are used beside the workspace's `fonts/`
    /// folder and the fonts built into pamphlet.
    pub system_fonts: bool,
    /// Crop marks (and a leaflet's fold marks) in a slug outside the bleed.
    pub crop_marks: bool,
    /// A PNG of each PDF's first page for the review page (about a third of
    /// the PDF time).
    pub previews: bool,
}

/// Width of the slug that holds crop marks, outside the bleed, in mm.
pub const SLUG_MM: f64 = 10.0;

/// The default font families: Noto for every script the sample needs
/// (Debian: fonts-noto-core, fonts-noto-cjk), then DejaVu and the fonts built
/// into pamphlet.
pub const DEFAULT_FONTS: &[&str] = &[
    "Noto Sans",
    "Noto Naskh Arabic",
    "Noto Sans Arabic",
    "Noto Sans Georgian",
    "Noto Sans Armenian",
    "Noto Sans Hebrew",
    "Noto Sans CJK SC",
    "DejaVu Sans",
    "Libertinus Serif",
];

impl Default for PdfSettings {
    fn default() -> Self {
        PdfSettings {
            bleed_mm: 3.0,
            safe_mm: 6.0,
            variant: Variant::Accessible,
            fonts: DEFAULT_FONTS.iter().map(|s| s.to_string()).collect(),
            system_fonts: true,
            crop_marks: false,
            previews: true,
        }
    }
}

/// The table as written in `pamphlet.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawPdf {
    bleed_mm: Option<Spanned<f64>>,
    safe_mm: Option<Spanned<f64>>,
    variant: Option<Variant>,
    fonts: Option<Spanned<Vec<String>>>,
    system_fonts: Option<bool>,
    crop_marks: Option<bool>,
    previews: Option<bool>,
}

impl RawPdf {
    /// Validates the table; problems are pushed to `diags`.
    pub fn settings(self, file: &TomlFile, diags: &mut Vec<Diagnostic>) -> PdfSettings {
        let mut s = PdfSettings::default();
        let mut length = |v: Option<Spanned<f64>>, max: f64, key: &str, slot: &mut f64| {
            if let Some(v) = v {
                let n = *v.get_ref();
                if n.is_finite() && (0.0..=max).contains(&n) {
                    *slot = n;
                } else {
                    diags.push(
                        file.error_at(
                            &v.span(),
                            "pdf-setting",
                            format!("pdf.{key} must be between 0 and {max} (millimetres)"),
                        )
                        .with_hint("3 mm of bleed and 5–6 mm of safe margin are usual"),
                    );
                }
            }
        };
        length(self.bleed_mm, MAX_BLEED_MM, "bleed-mm", &mut s.bleed_mm);
        length(self.safe_mm, MAX_SAFE_MM, "safe-mm", &mut s.safe_mm);
        if let Some(v) = self.variant {
            s.variant = v;
        }
        if let Some(fonts) = self.fonts {
            if fonts.get_ref().iter().any(|f| f.trim().is_empty()) || fonts.get_ref().is_empty() {
                diags.push(
                    file.error_at(
                        &fonts.span(),
                        "pdf-setting",
                        "pdf.fonts must list font family names",
                    )
                    .with_hint("for example fonts = [\"Noto Sans\", \"Noto Naskh Arabic\"]"),
                );
            } else {
                s.fonts = fonts.into_inner();
            }
        }
        if let Some(b) = self.system_fonts {
            s.system_fonts = b;
        }
        if let Some(b) = self.crop_marks {
            s.crop_marks = b;
        }
        if let Some(b) = self.previews {
            s.previews = b;
        }
        s
    }
}
