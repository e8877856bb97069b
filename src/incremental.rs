//! Incremental builds without giving up the all-or-nothing output.
//!
//! Every document × locale gets a *fingerprint*: a hash of everything its
//! output depends on, in every format (this pamphlet binary, `pamphlet.toml`,
//! the templates, the campaign file, the assets it embeds, and, for each
//! locale of its fallback chain, every `.ftl` file that defines a message the
//! document prints or one of the messages and terms those reference); a PDF
//! also depends on the workspace's `fonts/` folder ([`Fingerprints::fonts`]).
//! The build records them in `out/.pamphlet-cache.json`
//! ([`crate::output::cache`]); the next build renders only documents whose
//! fingerprint changed and hard-links the others from the previous `out/`
//! into its fresh staging folder, as it carries over, unchanged, the files
//! outside its filters. An edit to `locales/ru/permits.ftl` therefore
//! re-renders the Russian documents of the permits campaign (and those of
//! locales that fall back to Russian), nothing else.
//!
//! Hashing only: this module reads input files, never the output folder.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::locale::{Catalog, LocaleData};
use crate::output::cache::{generator, key};
use crate::pipeline::Job;
use crate::render::Engine;
use crate::workspace::{LocaleId, PerLocale, Workspace};

/// The identity of this build of pamphlet: its version, its embedded
/// templates, and the executable's size and modification time, so that a new
/// binary (even of the same version) never reuses outputs an older one rendered.
fn binary_identity() -> [u8; 32] {
    static ID: std::sync::OnceLock<[u8; 32]> = std::sync::OnceLock::new();
    *ID.get_or_init(|| {
        let mut h = Sha256::new();
        h.update(generator());
        for (name, source) in crate::render::templates::DEFAULTS {
            h.update(sha(&[name.as_bytes(), source.as_bytes()]));
        }
        if let Ok(meta) = std::env::current_exe().and_then(std::fs::metadata) {
            h.update(meta.len().to_le_bytes());
            let modified = meta
                .modified()
                .ok()
                .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok());
            h.update(modified.map_or(0, |d| d.as_nanos()).to_le_bytes());
        }
        h.finalize().into()
    })
}

/// What [`inputs_hash`] found: one hash over every input and the options,
/// and each file's own hash (by path and content), which the fingerprints of
/// the documents reuse.
#[derive(Debug, Default)]
pub struct InputHashes {
    pub all: String,
    /// By workspace-relative path with `/` (`locales/ru/m.ftl`), as
    /// [`crate::source::display_path`] writes it.
    pub files: HashMap<String, [u8; 32]>,
}

/// A hash of everything a build reads (`pamphlet.toml`, given as `config`
/// because it is read once per build; campaign files, every file under
/// `locales/`, `templates/`, `assets/` and `fonts/`, by path and content) and
/// of the options that shape its output.
pub fn inputs_hash(root: &Path, config: &str, options: &str) -> std::io::Result<InputHashes> {
    let mut h = Sha256::new();
    h.update(binary_identity());
    h.update(sha(&[options.as_bytes()]));
    h.update(sha(&[config.as_bytes()]));
    // the files in a stable order, then read and hashed in parallel
    let mut entries = Vec::new();
    for dir in ["campaigns", "locales", "templates", "assets", "fonts"] {
        let dir = root.join(dir);
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.map_err(std::io::Error::other)?;
            if entry.path_is_symlink() || entry.file_type().is_file() {
                entries.push(entry);
            }
        }
    }
    let hashes = entries
        .par_iter()
        .map(|entry| {
            let rel = crate::source::display_path(root, entry.path());
            let hash = if entry.path_is_symlink() {
                sha(&[rel.as_bytes(), b"symlink"])
            } else {
                file_hash(&rel, &std::fs::read(entry.path())?)
            };
            Ok((rel, hash))
        })
        .collect::<std::io::Result<Vec<(String, [u8; 32])>>>()?;
    for (_, file) in &hashes {
        h.update(file);
    }
    Ok(InputHashes {
        all: crate::hash::hex(&h.finalize()),
        files: hashes.into_iter().collect(),
    })
}

/// The hash of one input file, by its workspace-relative path and its bytes,
/// as [`InputHashes::files`] records it.
pub fn file_hash(rel: &str, bytes: &[u8]) -> [u8; 32] {
    sha(&[rel.as_bytes(), bytes])
}

/// One document in one locale of its chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct DocumentIn<'a> {
    locale: LocaleId,
    campaign: &'a str,
    document: &'a str,
}

/// The files (by position in the locale's file list) a document reaches in
/// one locale.
type Reached<'a> = HashMap<DocumentIn<'a>, Vec<usize>>;

/// Precomputed hashes from which each job's fingerprint is assembled.
pub struct Fingerprints<'a> {
    /// Version, settings and templates: what every document depends on.
    global: [u8; 32],
    /// The workspace's `fonts/` folder: what every PDF also depends on.
    fonts: [u8; 32],
    /// Per locale: the hash of each `.ftl` file, in file order (empty for a
    /// locale not loaded yet; see [`Self::add_locale`]).
    file_hashes: PerLocale<Vec<[u8; 32]>>,
    assets: HashMap<&'a str, [u8; 32]>,
    /// Per campaign id: the hash of its file.
    campaigns: HashMap<&'a str, [u8; 32]>,
    /// The files each document reaches in the locales others fall back to,
    /// found once for all the locales falling back to them. (Such a locale is
    /// never loaded one at a time, see `locale::deferrable`: it stays as it is
    /// for the whole build.)
    fallbacks: std::sync::Mutex<Reached<'a>>,
}

/// The workspace's `fonts/` folder by path, size and modification time (PDFs
/// embed its fonts; reading every font file for each build would be slow).
fn fonts_digest(root: &Path) -> [u8; 32] {
    let mut h = Sha256::new();
    for entry in walkdir::WalkDir::new(root.join("fonts"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let Ok(meta) = entry.metadata() else { continue };
        let modified = meta
            .modified()
            .ok()
            .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        h.update(sha(&[
            entry.path().to_string_lossy().as_bytes(),
            &meta.len().to_le_bytes(),
            &modified.to_le_bytes(),
        ]));
    }
    h.finalize().into()
}

/// The hash of each of a locale's `.ftl` files, in file order: from `files`
/// (read for the no-change check), or computed when missing there.
fn hash_files(locale: &LocaleData, files: &HashMap<String, [u8; 32]>) -> Vec<[u8; 32]> {
    locale
        .files
        .par_iter()
        .map(|f| {
            files
                .get(&f.display)
                .copied()
                .unwrap_or_else(|| sha(&[f.text().as_bytes()]))
        })
        .collect()
}

fn sha(parts: &[&[u8]]) -> [u8; 32] {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finalize().into()
}

impl<'a> Fingerprints<'a> {
    /// `files`: the hashes [`inputs_hash`] computed while reading every
    /// input; a `.ftl` file missing there is hashed here.
    pub fn new(
        ws: &'a Workspace,
        engine: &Engine,
        catalog: &Catalog,
        files: &HashMap<String, [u8; 32]>,
    ) -> Self {
        let mut global = Sha256::new();
        global.update(binary_identity());
        global.update(sha(&[ws.config_text.as_bytes()]));
        for t in engine.sources() {
            global.update(sha(&[t.name.as_bytes(), t.text.as_bytes()]));
        }
        let file_hashes = catalog
            .locales
            .par_iter()
            .map(|l| hash_files(l, files))
            .collect::<Vec<_>>()
            .into_iter()
            .collect();
        let assets = ws
            .assets
            .iter()
            .map(|(k, a)| (k.as_str(), sha(&[&a.bytes])))
            .collect();
        let campaigns = ws
            .campaigns
            .iter()
            .map(|c| (c.id.as_str(), sha(&[c.source.as_bytes()])))
            .collect();
        Fingerprints {
            global: global.finalize().into(),
            fonts: fonts_digest(&ws.root),
            file_hashes,
            assets,
            campaigns,
            fallbacks: Default::default(),
        }
    }

    /// The digest of the workspace's `fonts/` folder, as hex: a PDF is
    /// reused only when it is unchanged (the other formats do not use fonts).
    pub fn fonts(&self) -> String {
        crate::hash::hex(&self.fonts)
    }

    /// Takes the file hashes of locale `l`, just loaded into `catalog`.
    pub fn add_locale(
        &mut self,
        catalog: &Catalog,
        l: LocaleId,
        files: &HashMap<String, [u8; 32]>,
    ) {
        self.file_hashes[l] = hash_files(&catalog.locales[l], files);
    }

    /// The fingerprints of every job, by cache key, computed in parallel.
    pub fn all(&self, catalog: &Catalog, jobs: &[Job<'a>]) -> HashMap<String, String> {
        jobs.par_iter()
            .map(|j| (key(catalog, j), self.of(catalog, j)))
            .collect()
    }

    /// The fingerprint of one document in one locale, as hex.
    fn of(&self, catalog: &Catalog, job: &Job<'a>) -> String {
        let mut h = Sha256::new();
        h.update(self.global);
        h.update(
            self.campaigns
                .get(job.campaign.id.as_str())
                .copied()
                .unwrap_or_default(),
        );
        h.update(job.document.id.as_bytes());
        h.update(catalog.tag(job.locale).as_bytes());
        for block in job.document.surfaces.iter().flatten() {
            for asset in block
                .assets()
                .into_iter()
                .filter_map(|a| self.assets.get(a))
            {
                h.update(asset);
            }
        }
        let find = |l: LocaleId| {
            let roots = std::iter::once(&job.campaign.title)
                .chain(
                    job.document
                        .surfaces
                        .iter()
                        .flatten()
                        .flat_map(|b| b.texts()),
                )
                .map(|t| t.msg.id.as_str());
            catalog.locales[l].files_reached(roots)
        };
        for &l in &catalog.locales[job.locale].chain {
            h.update(catalog.tag(l).as_bytes());
            let mut hash_files = |files: &[usize]| {
                for &f in files {
                    h.update(self.file_hashes[l][f]);
                }
            };
            if l == job.locale {
                hash_files(&find(l));
                continue;
            }
            let cache_key = DocumentIn {
                locale: l,
                campaign: job.campaign.id.as_str(),
                document: job.document.id.as_str(),
            };
            let lock = || self.fallbacks.lock().unwrap_or_else(|e| e.into_inner());
            let cached = lock().get(&cache_key).cloned();
            let files = cached.unwrap_or_else(|| {
                // found outside the lock; two threads may both find it, harmlessly
                let files = find(l);
                lock().insert(cache_key, files.clone());
                files
            });
            hash_files(&files);
        }
        crate::hash::hex(&h.finalize())
    }
}
