//! The first step of a build: the project as the last build left it.
//! `pamphlet.toml` is read and parsed here, once per build (every attempt
//! loads from this copy); every input is hashed and the previous build's
//! cache read side by side, so that a build with nothing to do stops here.

use std::path::{Path, PathBuf};

use crate::incremental::{self, InputHashes};
use crate::output::cache::{Cache, Summary};
use crate::output::{self, TargetError};
use crate::workspace::{self, ConfigFile, WorkspaceError};

pub struct Project {
    pub root: PathBuf,
    /// `pamphlet.toml`, read and parsed.
    pub config: ConfigFile,
    /// `--out`, or the project's output folder.
    pub out: PathBuf,
    /// Why the output folder may not be used. Found before anything is
    /// loaded, reported after loading, as every problem with the output.
    pub refused: Option<TargetError>,
    /// Every input file hashed (empty when one could not be read).
    pub hashes: InputHashes,
    /// The cache of the build that made the output folder (empty when none).
    pub previous: Cache,
}

impl Project {
    /// `shape`: the options that shape the output, part of the inputs hash.
    pub fn open(root: &Path, shape: &str, out: Option<&Path>) -> Result<Project, WorkspaceError> {
        let config = workspace::read_config(root)?;
        let out = out.map_or_else(|| root.join(&config.config.output), Path::to_path_buf);
        let refused = output::check_target(root, &out).err();
        let (hashes, previous) = rayon::join(
            || incremental::inputs_hash(root, &config.text, shape).unwrap_or_default(),
            || match refused {
                None => Cache::load(&out),
                Some(_) => Cache::default(),
            },
        );
        Ok(Project {
            root: root.to_path_buf(),
            config,
            out,
            refused,
            hashes,
            previous,
        })
    }

    /// The previous build's summary, when no input changed since that build
    /// and its output is whole.
    pub fn unchanged(&self) -> Option<&Summary> {
        let current = !self.hashes.all.is_empty()
            && self.refused.is_none()
            && self.previous.is_current(&self.out, &self.hashes.all);
        current.then_some(&self.previous.summary)
    }
}
