//! `out/.pamphlet-cache.json`: what the next build may reuse. For every
//! document of the output tree its fingerprint ([`crate::incremental`]), what
//! it left for the manifest and the index, and its files; with the hash of
//! every input and the build's summary, so that a build with nothing to do
//! can repeat the last report. Read and written only through this module.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{OutputFile, Tree};
use crate::locale::Catalog;
use crate::pipeline::{DocInfo, Job};

/// The cache's file name inside the output folder.
pub const FILE: &str = ".pamphlet-cache.json";

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Cache {
    pub generator: String,
    /// Hash of every input file and of the build's options
    /// ([`crate::incremental::inputs_hash`]).
    #[serde(default)]
    pub inputs: String,
    /// The workspace's `fonts/` folder ([`crate::incremental::Fingerprints::fonts`]):
    /// a PDF is reused only when it is unchanged.
    #[serde(default)]
    pub fonts: String,
    /// What the build printed and counted, to repeat when nothing changed.
    #[serde(default)]
    pub summary: Summary,
    /// By [`key`]: `campaign/locale/document`.
    pub documents: BTreeMap<String, CachedDoc>,
}

/// The outcome of a build, kept so that a build with unchanged inputs can
/// report it again without doing any work.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Summary {
    /// Diagnostics and fallback lines as printed (without `-v` details).
    pub report: Vec<String>,
    pub fallbacks: usize,
    pub warnings: usize,
    /// Files the build was asked for (rendered or reused; not those carried
    /// over from outside its filters).
    pub files: usize,
    pub campaigns: usize,
    pub locales: usize,
    pub documents: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CachedDoc {
    /// The fingerprint of the document's inputs, the same for all its formats.
    pub fingerprint: String,
    pub info: DocInfo,
    pub files: Vec<OutputFile>,
}

/// The key of a job in the cache.
pub fn key(catalog: &Catalog, job: &Job) -> String {
    format!(
        "{}/{}/{}",
        job.campaign.id,
        catalog.tag(job.locale),
        job.document.id
    )
}

pub fn generator() -> String {
    format!("pamphlet {}", env!("CARGO_PKG_VERSION"))
}

impl Cache {
    /// The cache of the output folder `out`; empty when missing, unreadable or
    /// written by another version (which then simply renders everything).
    pub fn load(out: &Path) -> Cache {
        let Ok(text) = std::fs::read_to_string(out.join(FILE)) else {
            return Cache::default();
        };
        match serde_json::from_str::<Cache>(&text) {
            Ok(c) if c.generator == generator() => c,
            _ => Cache::default(),
        }
    }

    /// The cache of the tree a build is about to commit: `prints` holds
    /// every document's fingerprint by [`key`].
    pub fn assemble(
        tree: &Tree,
        prints: &HashMap<String, String>,
        inputs: &str,
        fonts: &str,
        summary: &Summary,
    ) -> Cache {
        Cache {
            generator: generator(),
            inputs: inputs.to_owned(),
            fonts: fonts.to_owned(),
            summary: summary.clone(),
            documents: tree
                .documents
                .iter()
                .map(|d| {
                    let key = key(tree.catalog, &d.job);
                    let doc = CachedDoc {
                        fingerprint: prints.get(&key).cloned().unwrap_or_default(),
                        info: d.info.clone(),
                        files: d.outputs.clone(),
                    };
                    (key, doc)
                })
                .collect(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the cache serializes")
    }

    /// Is the previous output still exactly what these inputs produce, and
    /// whole (every file the cache lists present, with its size)?
    pub fn is_current(&self, out: &Path, inputs: &str) -> bool {
        !self.inputs.is_empty()
            && self.inputs == inputs
            && self
                .documents
                .par_iter()
                .flat_map_iter(|(_, d)| &d.files)
                .all(|f| std::fs::metadata(out.join(&f.path)).is_ok_and(|m| m.len() == f.bytes))
            && out.join(super::manifest::FILE).is_file()
    }
}
