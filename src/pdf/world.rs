//! The Typst `World` of one document: its source is the only file; fonts and
//! the library come from the shared [`Typesetter`].

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World, WorldExt};

use super::Typesetter;

/// The id of every document's main (and only) source file.
fn main_id() -> FileId {
    static ID: OnceLock<FileId> = OnceLock::new();
    *ID.get_or_init(|| {
        RootedPath::new(
            VirtualRoot::Project,
            VirtualPath::new("main.typ").expect("a valid virtual path"),
        )
        .intern()
    })
}

pub struct DocWorld<'t> {
    typesetter: &'t Typesetter,
    source: Source,
}

impl<'t> DocWorld<'t> {
    pub fn new(typesetter: &'t Typesetter, text: String) -> Self {
        DocWorld {
            typesetter,
            source: Source::new(main_id(), text),
        }
    }

    /// Typst's errors as lines naming the line of the generated source.
    pub fn describe(&self, errors: &[SourceDiagnostic]) -> Vec<String> {
        errors
            .iter()
            .map(|e| {
                let mut msg = e.message.to_string();
                if let Some(range) = self.range(e.span) {
                    let text = self.source.text();
                    let start = range.start.min(text.len());
                    let line = text[..start].matches('\n').count() + 1;
                    let excerpt: String = text[start..].chars().take(60).collect();
                    let excerpt = excerpt.lines().next().unwrap_or("");
                    msg = format!("{msg} (line {line} of the Typst source: `{excerpt}`)");
                }
                for hint in &e.hints {
                    msg = format!("{msg}; {}", hint.v);
                }
                msg
            })
            .collect()
    }
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.typesetter.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.typesetter.fonts.book()
    }

    fn main(&self) -> FileId {
        self.source.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.source.id() {
            Ok(self.source.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.source.id() {
            Ok(Bytes::from_string(self.source.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.typesetter.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // documents carry their own date; output must not depend on the clock
        None
    }
}
