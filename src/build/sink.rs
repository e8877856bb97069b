//! Where a build's documents go: rendered outputs are written into the
//! staging folder; files of the previous output whose inputs did not change
//! are linked into it instead, both for documents asked for (reuse) and for
//! files outside the build's filters (carry-over). Links go through
//! [`Staging`], the only writer.

use std::collections::HashMap;
use std::ops::AddAssign;
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::locale::Catalog;
use crate::output::cache::{self, Cache, CachedDoc};
use crate::output::{OutputFile, Staging};
use crate::pipeline::Rendered;
use crate::pipeline::{DocInfo, Done, Job, Made, Sink, formats_of};
use crate::workspace::Format;

/// The staging folder and the output folder it will replace.
pub struct Target<'t> {
    pub staging: &'t Staging,
    pub out: &'t Path,
    /// The cache of the build that made `out`.
    pub previous: &'t Cache,
}

/// Files of the previous output outside what a build renders: carried over
/// (inputs unchanged) or dropped (inputs changed).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Carried {
    pub files: usize,
    pub dropped: usize,
}

impl AddAssign for Carried {
    fn add_assign(&mut self, other: Carried) {
        self.files += other.files;
        self.dropped += other.dropped;
    }
}

/// The sink of one wave of a build.
pub struct StagingSink<'s> {
    pub catalog: &'s Catalog,
    pub target: &'s Target<'s>,
    /// The fingerprint of every document of the wave, by cache key.
    pub prints: &'s HashMap<String, String>,
    /// The fonts' digest ([`crate::incremental::Fingerprints::fonts`]).
    pub fonts: &'s str,
    /// The formats the build renders.
    pub formats: &'s [Format],
}

impl<'a> Sink<'a> for StagingSink<'_> {
    type Output = OutputFile;

    fn reuse(&self, job: &Job<'a>) -> Option<(DocInfo, Vec<OutputFile>)> {
        let cached = self.unchanged(job)?;
        let mut outputs: Vec<OutputFile> = Vec::new();
        let give_up = |outputs: &[OutputFile]| {
            for f in outputs {
                self.target.staging.remove(&f.path);
            }
        };
        for format in formats_of(job.document.kind, self.formats) {
            // every file of the format (the images of slides are several)
            let files: Vec<&OutputFile> = cached
                .files
                .iter()
                .filter(|f| f.format == format && self.fonts_allow(f.format))
                .collect();
            if files.is_empty() {
                give_up(&outputs);
                return None;
            }
            for file in files {
                match self.link(file) {
                    Some(f) => outputs.push(f),
                    None => {
                        give_up(&outputs);
                        return None;
                    }
                }
            }
        }
        // a PDF's preview comes along when the previous build has it
        for f in &outputs {
            self.link_preview(f);
        }
        let mut info = cached.info.clone();
        if !self.formats.iter().any(|f| f.is_typeset()) {
            info.pdf = None;
        }
        Some((info, outputs))
    }

    fn take(
        &self,
        job: &Job<'a>,
        _: &DocInfo,
        rendered: &Rendered,
    ) -> Result<OutputFile, Diagnostic> {
        let path = file_path(self.catalog, job, rendered.format, rendered.part);
        let staging = self.target.staging;
        let written = staging.write(&path, &rendered.bytes)?;
        if let Some(png) = &rendered.preview {
            staging.write(&crate::pdf::preview_path(&path), png)?;
        }
        Ok(OutputFile {
            path,
            format: rendered.format,
            part: rendered.part,
            bytes: written.bytes,
            sha256: written.sha256,
        })
    }
}

impl StagingSink<'_> {
    /// The previous build's record of `job`, when its inputs are unchanged.
    fn unchanged(&self, job: &Job) -> Option<&CachedDoc> {
        let key = cache::key(self.catalog, job);
        let cached = self.target.previous.documents.get(&key)?;
        (self.prints.get(&key) == Some(&cached.fingerprint)).then_some(cached)
    }

    /// A PDF (and an image of slides) also depends on the fonts.
    fn fonts_allow(&self, format: Format) -> bool {
        !format.is_typeset() || self.target.previous.fonts == self.fonts
    }

    /// Links a file of the previous output into staging; `None` when it is
    /// gone or not the size the cache says (edited by hand).
    fn link(&self, f: &OutputFile) -> Option<OutputFile> {
        let staging = self.target.staging;
        match staging.link(&f.path, &self.target.out.join(&f.path)) {
            Ok(bytes) if bytes == f.bytes => Some(f.clone()),
            Ok(_) => {
                staging.remove(&f.path);
                None
            }
            Err(_) => None,
        }
    }

    fn link_preview(&self, f: &OutputFile) {
        if f.format == Format::Pdf {
            let preview = crate::pdf::preview_path(&f.path);
            let _ = self
                .target
                .staging
                .link(&preview, &self.target.out.join(&preview));
        }
    }

    /// Carries over `cached`'s files in formats this build does not render
    /// for `job`: linked when unchanged, dropped otherwise.
    fn carry_files(
        &self,
        job: &Job,
        rendered: &[Format],
        outputs: &mut Vec<OutputFile>,
        info: &mut DocInfo,
    ) -> Carried {
        let mut carried = Carried::default();
        let key = cache::key(self.catalog, job);
        let Some(cached) = self.target.previous.documents.get(&key) else {
            return carried;
        };
        let same = self.prints.get(&key) == Some(&cached.fingerprint);
        for f in cached
            .files
            .iter()
            .filter(|f| !rendered.contains(&f.format))
        {
            let linked = (same && self.fonts_allow(f.format))
                .then(|| self.link(f))
                .flatten();
            match linked {
                Some(f) => {
                    self.link_preview(&f);
                    if f.format.is_typeset() {
                        info.pdf.clone_from(&cached.info.pdf);
                    }
                    outputs.push(f);
                    carried.files += 1;
                }
                None => carried.dropped += 1,
            }
        }
        outputs.sort_by_key(|f| (f.format, f.part));
        carried
    }

    /// A document asked for, done: its files in the formats not asked for
    /// are carried over from the previous output.
    pub fn carry_rest(&self, done: &mut Done<OutputFile>) -> Carried {
        let previous = self.target.previous;
        if previous.documents.is_empty() {
            return Carried::default();
        }
        let rendered = formats_of(done.job.document.kind, self.formats);
        self.carry_files(&done.job, &rendered, &mut done.outputs, &mut done.info)
    }

    /// A document outside the filters: every file carried over or dropped.
    pub fn carry<'a>(&self, job: Job<'a>) -> (Option<Done<'a, OutputFile>>, Carried) {
        let key = cache::key(self.catalog, &job);
        let Some(cached) = self.target.previous.documents.get(&key) else {
            return (None, Carried::default());
        };
        let mut outputs = Vec::new();
        let mut info = DocInfo {
            pdf: None,
            ..cached.info.clone()
        };
        let carried = self.carry_files(&job, &[], &mut outputs, &mut info);
        let done = (!outputs.is_empty()).then_some(Done {
            job,
            info,
            outputs,
            made: Made::Carried,
        });
        (done, carried)
    }
}

/// `<campaign>/<locale>/<document>.<ext>`, or for the images of slides
/// `<document>.<slide, two digits or more>.png`: every part a validated slug
/// or canonical tag (a slug has no `.`, so no document can clash with them).
fn file_path(catalog: &Catalog, job: &Job, format: Format, part: Option<u32>) -> String {
    let stem = format!(
        "{}/{}/{}",
        job.campaign.id,
        catalog.tag(job.locale),
        job.document.id
    );
    match part {
        Some(n) => format!("{stem}.{n:02}.{}", format.extension()),
        None => format!("{stem}.{}", format.extension()),
    }
}
