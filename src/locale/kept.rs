//! Parsed `.ftl` files kept from one build to the next, for a process that
//! builds the same workspace again and again (`pamphlet serve`): a file
//! whose bytes are what they were is neither read nor parsed again. One
//! build parses every translation of a national workspace (thousands of
//! files) to change one; with this, it parses the one.
//!
//! Every build hashes every input file before it loads anything, to tell
//! whether anything changed; a kept file is used only when that hash is
//! the hash of the very text it was parsed from (and at the same severity:
//! source locale or not), so a kept parse can never be stale: timestamps
//! are not trusted. A file whose text is not its bytes as they are on disk
//! (one with a byte-order mark) never matches and is parsed every time. A
//! command that builds once passes no [`KeptFiles`] and keeps nothing, so
//! that the locales a streamed build frees stay freed.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, MutexGuard};

use super::ftl::{self, FtlFile};
use crate::diagnostics::{Diagnostic, Severity};

/// How the build hashes an input file: by workspace-relative path and bytes.
pub type FileHash = fn(&str, &[u8]) -> [u8; 32];

/// The parsed files of the last builds, by workspace-relative path.
pub struct KeptFiles {
    hash: FileHash,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    files: HashMap<String, Kept>,
    /// The paths asked for since [`KeptFiles::next_build`].
    asked: HashSet<String>,
}

struct Kept {
    severity: Severity,
    /// The hash of the text it was parsed from.
    hash: [u8; 32],
    file: FtlFile,
    diags: Vec<Diagnostic>,
}

impl KeptFiles {
    /// Keeps files under `hash`, the function that gives the hashes
    /// [`KeptFiles::next_build`] is told.
    pub fn new(hash: FileHash) -> KeptFiles {
        KeptFiles {
            hash,
            state: Mutex::default(),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // a panic while holding it leaves whole entries behind
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A build starts loading, with `files`, every input file's hash now
    /// (by workspace-relative path): the files whose text changed or that
    /// are gone are let go, and so are those the previous build that loaded
    /// did not ask for (in a locale no longer listed). A build that loads
    /// nothing (its output up to date) must not call it, or the next one
    /// would find nothing kept.
    pub fn next_build(&self, files: &HashMap<String, [u8; 32]>) {
        let mut state = self.state();
        let asked = std::mem::take(&mut state.asked);
        state
            .files
            .retain(|path, kept| asked.contains(path) && files.get(path) == Some(&kept.hash));
    }

    /// The kept parse of the file at `display`, when its text is still the
    /// one it was parsed from (as the hashes of [`KeptFiles::next_build`]
    /// say) and it was parsed at `severity`: the file need not be read.
    pub fn get(&self, display: &str, severity: Severity) -> Option<(FtlFile, Vec<Diagnostic>)> {
        let mut state = self.state();
        state.asked.insert(display.to_owned());
        let kept = state
            .files
            .get(display)
            .filter(|k| k.severity == severity)?;
        Some((kept.file.clone(), kept.diags.clone()))
    }

    /// [`ftl::parse`], its result kept for the next builds under the hash
    /// of `text`.
    pub fn parse(
        &self,
        display: String,
        text: String,
        severity: Severity,
    ) -> (FtlFile, Vec<Diagnostic>) {
        let hash = (self.hash)(&display, text.as_bytes());
        let (file, diags) = ftl::parse(display.clone(), text, severity);
        let kept = Kept {
            severity,
            hash,
            file: file.clone(),
            diags: diags.clone(),
        };
        let mut state = self.state();
        state.asked.insert(display.clone());
        state.files.insert(display, kept);
        (file, diags)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.state().files.len()
    }

    /// The resource kept for `display`, to tell a kept parse from a new one.
    #[cfg(test)]
    pub(crate) fn resource(
        &self,
        display: &str,
    ) -> Option<std::sync::Arc<fluent_bundle::FluentResource>> {
        self.state().files.get(display)?.file.resource.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    fn hash(rel: &str, bytes: &[u8]) -> [u8; 32] {
        Sha256::new()
            .chain_update(rel)
            .chain_update([0])
            .chain_update(bytes)
            .finalize()
            .into()
    }

    /// The hashes a build starts with: the files at these paths with these texts.
    fn now(files: &[(&str, &str)]) -> HashMap<String, [u8; 32]> {
        files
            .iter()
            .map(|(path, text)| (path.to_string(), hash(path, text.as_bytes())))
            .collect()
    }

    const RU: &str = "locales/ru/a.ftl";

    #[test]
    fn a_file_is_parsed_again_only_when_its_text_changed() {
        let kept = KeptFiles::new(hash);
        let (first, _) = kept.parse(RU.into(), "a = Один\n".into(), Severity::Warning);
        kept.next_build(&now(&[(RU, "a = Один\n")]));
        // the same parsed resource, not a new parse
        let (again, _) = kept.get(RU, Severity::Warning).unwrap();
        assert!(std::sync::Arc::ptr_eq(
            first.resource.as_ref().unwrap(),
            again.resource.as_ref().unwrap()
        ));
        assert_eq!(again.text(), "a = Один\n");
        kept.next_build(&now(&[(RU, "a = Два\n")]));
        assert!(kept.get(RU, Severity::Warning).is_none());
        let (changed, _) = kept.parse(RU.into(), "a = Два\n".into(), Severity::Warning);
        assert!(!std::sync::Arc::ptr_eq(
            first.resource.as_ref().unwrap(),
            changed.resource.as_ref().unwrap()
        ));
        assert_eq!(changed.text(), "a = Два\n");
    }

    #[test]
    fn a_file_parsed_at_one_severity_is_not_kept_for_another() {
        let kept = KeptFiles::new(hash);
        let broken = [(RU, "a = {\n")];
        // the same text as the source locale: its diagnostics are errors
        let (_, diags) = kept.parse(RU.into(), "a = {\n".into(), Severity::Error);
        assert!(!diags.is_empty());
        assert!(
            diags.iter().all(|d| d.severity == Severity::Error),
            "{diags:?}"
        );
        kept.next_build(&now(&broken));
        assert!(kept.get(RU, Severity::Warning).is_none());
        let (_, diags) = kept.parse(RU.into(), "a = {\n".into(), Severity::Warning);
        kept.next_build(&now(&broken));
        let (_, again) = kept.get(RU, Severity::Warning).unwrap();
        for diags in [diags, again] {
            assert!(!diags.is_empty());
            assert!(
                diags.iter().all(|d| d.severity == Severity::Warning),
                "{diags:?}"
            );
        }
    }

    #[test]
    fn files_a_build_did_not_ask_for_or_that_are_gone_are_let_go() {
        let kept = KeptFiles::new(hash);
        let files = [
            ("locales/ru/a.ftl", "a = 1\n"),
            ("locales/ru/b.ftl", "b = 2\n"),
        ];
        for (path, text) in files {
            kept.parse(path.into(), text.into(), Severity::Warning);
        }
        kept.next_build(&now(&files));
        assert_eq!(kept.len(), 2);
        kept.get("locales/ru/a.ftl", Severity::Warning).unwrap();
        kept.next_build(&now(&files));
        assert_eq!(kept.len(), 1);
        kept.next_build(&now(&files));
        assert_eq!(kept.len(), 0);
        // asked for, but deleted since
        kept.parse(files[0].0.into(), files[0].1.into(), Severity::Warning);
        kept.next_build(&now(&files[1..]));
        assert_eq!(kept.len(), 0);
    }
}
