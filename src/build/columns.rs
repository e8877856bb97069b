//! The review page's status columns kept from one build to the next, for a
//! process that builds the same workspace again and again (`pamphlet
//! serve`). Working out one locale's column (every message each campaign
//! prints: translated, copied, stale, reviewed…) is the larger part of a
//! rebuild after a one-message edit at national scale, and the edit changes
//! one locale's column, or those of every locale when it is in the source.
//!
//! A column is kept under a key that hashes everything it is computed
//! from: every input file but those of the other locales' folders
//! (`locales/<tag>/` of a locale that is neither this one nor the source;
//! so `pamphlet.toml`, campaigns, templates, assets and fonts are all in
//! it), the campaigns of the matrix, and the fallbacks its documents
//! found. A locale's data comes only from its own folder (a pseudo-locale's
//! from the source's), so a kept column is used only when it would be
//! computed the same. A command that builds once keeps nothing.

use std::collections::HashMap;
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use crate::locale::{Catalog, Fallback};
use crate::status::Column;
use crate::workspace::{Campaign, LocaleId};

/// The last columns computed, by locale tag, with their keys.
#[derive(Default)]
pub struct KeptColumns {
    by_tag: Mutex<HashMap<String, ([u8; 32], Column)>>,
}

impl KeptColumns {
    /// The column kept under `key` for locale `tag`, or `compute`'s, kept
    /// for the next build.
    pub fn get_or(&self, tag: &str, key: [u8; 32], compute: impl FnOnce() -> Column) -> Column {
        let kept = self.lock().get(tag).filter(|(k, _)| *k == key).cloned();
        if let Some((_, column)) = kept {
            return column;
        }
        let column = compute();
        self.lock().insert(tag.to_owned(), (key, column.clone()));
        column
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, ([u8; 32], Column)>> {
        // a panic while holding it leaves whole entries behind
        self.by_tag.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// What the keys of one build's columns are made of: the input files every
/// column depends on, and each locale folder's files, hashed apart.
pub struct ColumnKeys {
    common: [u8; 32],
    /// By locale tag: the files of `locales/<tag>/`.
    folders: HashMap<String, [u8; 32]>,
    source: String,
}

impl ColumnKeys {
    /// `files`: every input file's hash by workspace-relative path (with
    /// `/`); `config`: `pamphlet.toml`; `campaigns`: the matrix's rows.
    pub fn new(
        catalog: &Catalog,
        files: &HashMap<String, [u8; 32]>,
        config: &str,
        campaigns: &[&Campaign],
    ) -> ColumnKeys {
        let tags: Vec<&str> = catalog.locales.iter().map(|d| d.tag.as_str()).collect();
        let mut common: Vec<(&str, &[u8; 32])> = Vec::new();
        let mut folders: HashMap<&str, Vec<(&str, &[u8; 32])>> = HashMap::new();
        for (path, hash) in files {
            let folder = path
                .strip_prefix("locales/")
                .and_then(|rest| rest.split_once('/'))
                .map(|(tag, _)| tag)
                .filter(|tag| tags.contains(tag));
            match folder {
                Some(tag) => folders.entry(tag).or_default().push((path, hash)),
                None => common.push((path, hash)),
            }
        }
        let digest = |mut entries: Vec<(&str, &[u8; 32])>, extra: &[&str]| -> [u8; 32] {
            entries.sort_unstable();
            let mut h = Sha256::new();
            for e in extra {
                field(&mut h, e.as_bytes());
            }
            for (path, hash) in entries {
                field(&mut h, path.as_bytes());
                h.update(hash);
            }
            h.finalize().into()
        };
        let mut rows: Vec<&str> = vec![config];
        rows.extend(campaigns.iter().map(|c| c.id.as_str()));
        ColumnKeys {
            common: digest(common, &rows),
            folders: folders
                .into_iter()
                .map(|(tag, entries)| (tag.to_owned(), digest(entries, &[])))
                .collect(),
            source: catalog.tag(catalog.source).to_owned(),
        }
    }

    /// The key of locale `l`'s column, whose documents found `fell_back`
    /// (by row of the matrix).
    pub fn of(&self, catalog: &Catalog, l: LocaleId, fell_back: &[Vec<&Fallback>]) -> [u8; 32] {
        let tag = catalog.tag(l);
        let mut h = Sha256::new();
        h.update(self.common);
        for t in [tag, self.source.as_str()] {
            field(&mut h, t.as_bytes());
            h.update(self.folders.get(t).copied().unwrap_or_default());
        }
        for (row, fallbacks) in fell_back.iter().enumerate() {
            h.update((row as u64).to_le_bytes());
            h.update((fallbacks.len() as u64).to_le_bytes());
            for f in fallbacks {
                for text in [&f.message, &f.locale, &f.used, &f.reason] {
                    field(&mut h, text.as_bytes());
                }
                h.update([u8::from(f.missing)]);
            }
        }
        h.finalize().into()
    }
}

/// `bytes` with its length first, so that no two lists of fields hash alike.
fn field(h: &mut Sha256, bytes: &[u8]) {
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}
