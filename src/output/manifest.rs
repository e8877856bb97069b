//! `out/manifest.json`: every generated document file with what it is, its
//! size, its SHA-256 and the fallbacks it used, so a print shop can verify
//! what it received. Sorted by path; no timestamps, so identical inputs give
//! an identical manifest.

use serde::Serialize;

use crate::locale::Fallback;

pub const FILE: &str = "manifest.json";

#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    pub generator: String,
    pub project: String,
    pub source_locale: String,
    pub files: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    pub campaign: String,
    pub locale: String,
    /// The locale is a pseudo-locale (`en-XA`, `ar-XB`): generated for
    /// testing, not a translation to print. Absent when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub pseudo: bool,
    pub document: String,
    pub kind: &'static str,
    pub paper: &'static str,
    pub format: &'static str,
    pub bytes: u64,
    pub sha256: String,
    pub fallbacks: Vec<ManifestFallback>,
    /// PDF only: pages, trim size, bleed, colour variant, standards, fonts, overflows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pdf: Option<crate::pdf::PdfFacts>,
}

/// A fallback as the manifest records it (the locale is the entry's own).
#[derive(Debug, Clone, Serialize)]
pub struct ManifestFallback {
    pub message: String,
    pub used: String,
    pub reason: String,
}

impl From<&Fallback> for ManifestFallback {
    fn from(f: &Fallback) -> Self {
        ManifestFallback {
            message: f.message.clone(),
            used: f.used.clone(),
            reason: f.reason.clone(),
        }
    }
}

impl Manifest {
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("the manifest serializes");
        s.push('\n');
        s
    }
}
