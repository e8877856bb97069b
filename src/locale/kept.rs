//! Parsed `.ftl` files kept from one build to the next, for a process that
//! builds the same workspace again and again (`pamphlet serve`): a file
//! whose text is what it was is not parsed again. One build parses every
//! translation of a national workspace (thousands of files) to change one;
//! with this, it reads them and compares.
//!
//! A kept file is used only when the text read now is byte for byte the one
//! it was parsed from, at the same severity (source locale or not), so a
//! kept parse can never be stale: timestamps are not trusted. A command
//! that builds once passes no [`KeptFiles`] and keeps nothing, so that the
//! locales a streamed build frees stay freed.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, MutexGuard};

use super::ftl::{self, FtlFile};
use crate::diagnostics::{Diagnostic, Severity};

/// The parsed files of the last builds, by workspace-relative path.
#[derive(Default)]
pub struct KeptFiles {
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
    file: FtlFile,
    diags: Vec<Diagnostic>,
}

impl KeptFiles {
    fn state(&self) -> MutexGuard<'_, State> {
        // a panic while holding it leaves whole entries behind
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A build starts loading: the files the previous build that loaded did
    /// not ask for (deleted, renamed, or in a locale no longer listed) are
    /// let go. A build that loads nothing (its output up to date) must not
    /// call it, or the next one would find nothing kept.
    pub fn next_build(&self) {
        let mut state = self.state();
        let asked = std::mem::take(&mut state.asked);
        state.files.retain(|path, _| asked.contains(path));
    }

    /// [`ftl::parse`], or a copy of the kept result when `text` is the text
    /// it was parsed from.
    pub fn parse(
        &self,
        display: String,
        text: String,
        severity: Severity,
    ) -> (FtlFile, Vec<Diagnostic>) {
        {
            let mut state = self.state();
            state.asked.insert(display.clone());
            if let Some(kept) = state.files.get(&display)
                && kept.severity == severity
                && kept.file.text() == text
            {
                return (kept.file.clone(), kept.diags.clone());
            }
        }
        let (file, diags) = ftl::parse(display.clone(), text, severity);
        let kept = Kept {
            severity,
            file: file.clone(),
            diags: diags.clone(),
        };
        self.state().files.insert(display, kept);
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

    #[test]
    fn a_file_is_parsed_again_only_when_its_text_changed() {
        let kept = KeptFiles::default();
        let parse =
            |text: &str, severity| kept.parse("locales/ru/a.ftl".into(), text.into(), severity);
        let (first, _) = parse("a = Один\n", Severity::Warning);
        let (again, _) = parse("a = Один\n", Severity::Warning);
        // the same parsed resource, not a new parse
        assert!(std::sync::Arc::ptr_eq(
            first.resource.as_ref().unwrap(),
            again.resource.as_ref().unwrap()
        ));
        let (changed, _) = parse("a = Два\n", Severity::Warning);
        assert!(!std::sync::Arc::ptr_eq(
            first.resource.as_ref().unwrap(),
            changed.resource.as_ref().unwrap()
        ));
        assert_eq!(changed.text(), "a = Два\n");
        // the same text as the source locale: its diagnostics are errors
        let (_, diags) = parse("a = {\n", Severity::Error);
        assert!(
            diags.iter().all(|d| d.severity == Severity::Error),
            "{diags:?}"
        );
        let (_, diags) = parse("a = {\n", Severity::Warning);
        assert!(!diags.is_empty());
        assert!(
            diags.iter().all(|d| d.severity == Severity::Warning),
            "{diags:?}"
        );
    }

    #[test]
    fn files_a_build_did_not_ask_for_are_let_go() {
        let kept = KeptFiles::default();
        kept.parse(
            "locales/ru/a.ftl".into(),
            "a = 1\n".into(),
            Severity::Warning,
        );
        kept.parse(
            "locales/ru/b.ftl".into(),
            "b = 2\n".into(),
            Severity::Warning,
        );
        kept.next_build();
        assert_eq!(kept.len(), 2);
        kept.parse(
            "locales/ru/a.ftl".into(),
            "a = 1\n".into(),
            Severity::Warning,
        );
        kept.next_build();
        assert_eq!(kept.len(), 1);
        kept.next_build();
        assert_eq!(kept.len(), 0);
    }
}
