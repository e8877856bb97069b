//! Live reload: what the open pages are told, and when.
//!
//! [`Live`] is the state the rebuild loop and the HTTP server share: a
//! generation counter that each successful build advances, the generation
//! at which each page last changed, the problem of the last failed build
//! (the overlay), and whether a build is running. A page is served with the
//! generation it was read at ([`inject`]); its event stream ([`Live::subscribe`])
//! tells it to reload when, and only when, its own file changed at a later
//! generation. A generation is published only after the build has swapped
//! the new tree into the output folder, so a reload never finds the old
//! page or a missing one.
//!
//! Which pages changed comes from the manifest: the SHA-256 of every
//! document file, before and after the build ([`Digests`]). A change to
//! `locales/ru/` thus reloads the Russian pages (and those of the locales
//! that fall back to Russian), and an edit that changes no output (a
//! comment) reloads nothing. The review page (`index.html`) reloads after
//! every build that changed any file.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use serde::Serialize;
use tokio::sync::broadcast;

use crate::build::{BuildError, End, Report, Stop};
use crate::diagnostics::{self, Diagnostic, plural};
use crate::output::cache::Summary;
use crate::output::manifest;
use crate::workspace::WorkspaceError;

/// The page name of a page that was not found: it reloads after every
/// successful build, as the build may have made it.
pub const ANY_PAGE: &str = "*";

/// The review page.
pub const INDEX: &str = "index.html";

/// The SHA-256 of every file of a finished output folder that a page may
/// show: the documents (from the manifest) and the review page.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Digests(BTreeMap<String, String>);

impl Digests {
    /// Reads them from `out` (empty when it holds no finished build).
    pub fn read(out: &Path) -> Digests {
        // only the two fields of each entry: the manifest of a national
        // workspace has 18,000 entries, each with a dozen more
        #[derive(serde::Deserialize)]
        struct Manifest {
            files: Vec<Entry>,
        }
        #[derive(serde::Deserialize)]
        struct Entry {
            path: String,
            sha256: String,
        }
        let manifest = std::fs::read(out.join(manifest::FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Manifest>(&bytes).ok());
        let mut digests: BTreeMap<String, String> = manifest
            .into_iter()
            .flat_map(|m| m.files)
            .map(|e| (e.path, e.sha256))
            .collect();
        if let Ok(bytes) = std::fs::read(out.join(INDEX)) {
            digests.insert(INDEX.to_string(), crate::hash::sha256_hex(&bytes));
        }
        Digests(digests)
    }

    /// The files that differ between `self` (before) and `after`: changed,
    /// added or removed.
    pub fn changed(&self, after: &Digests) -> BTreeSet<String> {
        let mut changed: BTreeSet<String> = after
            .0
            .iter()
            .filter(|(path, sha)| self.0.get(*path) != Some(sha))
            .map(|(path, _)| path.clone())
            .collect();
        changed.extend(
            self.0
                .keys()
                .filter(|path| !after.0.contains_key(*path))
                .cloned(),
        );
        changed
    }

    /// Whether the output has PDFs (a rebuild may then take longer).
    pub fn has_pdf(&self) -> bool {
        self.0.keys().any(|p| p.ends_with(".pdf"))
    }

    /// Whether the output has typeset files (PDFs, images of slides) and
    /// document pages besides them.
    pub fn has_typeset_and_pages(&self) -> bool {
        let typeset = self
            .0
            .keys()
            .any(|p| p.ends_with(".pdf") || p.ends_with(".png"));
        let pages = self.0.keys().any(|p| p.ends_with(".html") && p != INDEX);
        typeset && pages
    }
}

/// What a failed build shows on every open page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// One line: what happened and that the pages are the last good build's.
    pub title: String,
    /// The diagnostics, as `pamphlet check` prints them.
    pub text: String,
}

impl Problem {
    /// The problem of a build that ran and left the output folder as it
    /// was; `None` when it replaced it.
    pub fn of_report(report: &Report) -> Option<Problem> {
        let End::Stopped(stop) = &report.end else {
            return None;
        };
        let mut diags: Vec<Diagnostic> =
            [&report.load, &report.render, &report.checks, &report.copies]
                .into_iter()
                .flatten()
                .cloned()
                .collect();
        let errors = |n| plural(n, "error", "errors");
        let title = match stop {
            Stop::Inputs { errors: n } => format!("{}; nothing was built", errors(*n)),
            Stop::Render { errors: n } => format!("{} while rendering", errors(*n)),
            Stop::Strict(s) => format!(
                "--strict: {} and {}",
                plural(s.fallbacks, "fallback", "fallbacks"),
                plural(s.warnings, "warning", "warnings")
            ),
            Stop::Target(e) => e.to_string(),
            Stop::Output(e) => e.to_string(),
            Stop::Index(d) => {
                diags.push(d.clone());
                "the review page could not be rendered".to_string()
            }
        };
        Some(Problem::new(title, diags))
    }

    /// What a build that replaced the output folder asks the reader to
    /// look at: its warnings (as `pamphlet check` prints them) and the
    /// fallbacks its documents used. `None` when it has neither; the pages
    /// then show nothing.
    pub fn notes_of(report: &Report) -> Option<Problem> {
        let End::Written(finished) = &report.end else {
            return None;
        };
        // the counts and lines the build recorded, then each fallback
        let mut notes = Problem::notes_of_summary(&finished.summary)?;
        for f in report.fallbacks.iter().flat_map(|g| &g.fallbacks) {
            notes
                .text
                .push_str(&format!("\n  {}: {}", f.locale, f.detail()));
        }
        Some(notes)
    }

    /// The notes of an output folder found up to date, from what the build
    /// that made it recorded (its lines as `pamphlet build` printed them).
    pub fn notes_of_summary(summary: &Summary) -> Option<Problem> {
        if summary.warnings == 0 && summary.fallbacks == 0 {
            return None;
        }
        let text = summary.report.join("\n");
        Some(Problem::notes(summary.warnings, summary.fallbacks, text))
    }

    fn notes(warnings: usize, fallbacks: usize, text: String) -> Problem {
        let title = match (warnings, fallbacks) {
            (w, 0) => plural(w, "warning", "warnings"),
            (0, f) => plural(f, "fallback", "fallbacks"),
            (w, f) => format!(
                "{} and {}",
                plural(w, "warning", "warnings"),
                plural(f, "fallback", "fallbacks")
            ),
        };
        Problem {
            title: format!("the pages are built, with {title}"),
            text,
        }
    }

    /// The problem of a build that could not start.
    pub fn of_error(error: &BuildError) -> Problem {
        match error {
            BuildError::Workspace(WorkspaceError::Config(diags)) => {
                Problem::new("pamphlet.toml is invalid".to_string(), diags.clone())
            }
            other => Problem::new(other.to_string(), Vec::new()),
        }
    }

    fn new(title: String, mut diags: Vec<Diagnostic>) -> Problem {
        diagnostics::sort(&mut diags);
        let text = diags
            .iter()
            .filter(|d| d.severity != diagnostics::Severity::Info)
            .map(Diagnostic::render)
            .collect::<Vec<_>>()
            .join("\n");
        Problem {
            title: format!("{title}; the pages shown are from the last good build"),
            text,
        }
    }
}

/// A message to the open pages.
#[derive(Debug, Clone)]
pub enum Message {
    /// A build started; `pdf`: the output has PDFs, which take longer.
    Building { pdf: bool },
    /// A build replaced the output folder (or found nothing to do).
    Built {
        generation: u64,
        changed: Arc<BTreeSet<String>>,
        /// Its warnings and fallbacks ([`Problem::notes_of`]).
        notes: Option<Arc<Problem>>,
    },
    /// A build failed; the output folder is as it was.
    Failed(Arc<Problem>),
}

/// What one page's event stream sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageEvent {
    Reload,
    Building {
        pdf: bool,
    },
    /// A build ended well: remove the overlay, the badge and the notes.
    Ok,
    Problem(Arc<Problem>),
    /// The warnings and fallbacks of the build the pages show: a panel
    /// that leaves the page readable, unlike the overlay of a failure.
    Notes(Arc<Problem>),
}

impl PageEvent {
    /// The SSE event name and its JSON data.
    pub fn name_and_data(&self) -> (&'static str, String) {
        match self {
            PageEvent::Reload => ("reload", "{}".to_string()),
            PageEvent::Building { pdf } => ("building", format!("{{\"pdf\":{pdf}}}")),
            PageEvent::Ok => ("ok", "{}".to_string()),
            PageEvent::Problem(p) => ("problem", json(p)),
            PageEvent::Notes(p) => ("notes", json(p)),
        }
    }
}

fn json(problem: &Problem) -> String {
    serde_json::to_string(problem).unwrap_or_else(|_| "{}".to_string())
}

/// Where a page stands: its name and the generation it was served at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Its path in the output folder, or [`ANY_PAGE`].
    pub name: String,
    /// The server instance that served it (a page from an earlier run of
    /// `serve` reloads).
    pub instance: u64,
    pub generation: u64,
}

impl Page {
    /// Whether `message` makes this page reload.
    fn reloads_on(&self, message: &Message) -> bool {
        let Message::Built {
            generation,
            changed,
            ..
        } = message
        else {
            return false;
        };
        if *generation <= self.generation {
            return false;
        }
        match self.name.as_str() {
            ANY_PAGE => true,
            INDEX => !changed.is_empty(),
            name => changed.contains(name),
        }
    }

    /// What `message` tells this page.
    pub fn events(&self, message: &Message) -> Vec<PageEvent> {
        match message {
            Message::Building { pdf } => vec![PageEvent::Building { pdf: *pdf }],
            Message::Failed(problem) => vec![PageEvent::Problem(problem.clone())],
            Message::Built { .. } if self.reloads_on(message) => vec![PageEvent::Reload],
            Message::Built { notes, .. } => {
                let mut events = vec![PageEvent::Ok];
                events.extend(notes.clone().map(PageEvent::Notes));
                events
            }
        }
    }
}

struct State {
    out: PathBuf,
    generation: u64,
    /// The generation at which each page last changed.
    changed_at: HashMap<String, u64>,
    /// The generation at which any file last changed.
    any_changed_at: u64,
    digests: Digests,
    problem: Option<Arc<Problem>>,
    /// The warnings and fallbacks of the build the pages show.
    notes: Option<Arc<Problem>>,
    building: Option<bool>,
}

/// The state shared by the rebuild loop and the server.
pub struct Live {
    instance: u64,
    state: Mutex<State>,
    tx: broadcast::Sender<Message>,
}

impl Live {
    /// Starts from the output folder as it is.
    pub fn new(out: &Path, instance: u64) -> Live {
        let (tx, _) = broadcast::channel(64);
        Live {
            instance,
            state: Mutex::new(State {
                out: out.to_path_buf(),
                generation: 1,
                changed_at: HashMap::new(),
                any_changed_at: 1,
                digests: Digests::read(out),
                problem: None,
                notes: None,
                building: None,
            }),
            tx,
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // a panic elsewhere while holding it leaves plain data behind
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn instance(&self) -> u64 {
        self.instance
    }

    /// The output folder and the generation a page read now belongs to.
    pub fn current(&self) -> (PathBuf, u64) {
        let s = self.state();
        (s.out.clone(), s.generation)
    }

    /// Whether the last good build's output has typeset files and pages
    /// ([`Digests::has_typeset_and_pages`]).
    pub fn has_typeset_and_pages(&self) -> bool {
        self.state().digests.has_typeset_and_pages()
    }

    /// A build starts.
    pub fn building(&self) {
        let pdf = {
            let mut s = self.state();
            let pdf = s.digests.has_pdf();
            s.building = Some(pdf);
            pdf
        };
        let _ = self.tx.send(Message::Building { pdf });
    }

    /// A build ended with the output folder `out` in place (replaced or
    /// not), with `notes` for the reader: compares its files with the last
    /// build's and tells the pages. Returns the number of files that
    /// changed.
    pub fn built(&self, out: &Path, notes: Option<Arc<Problem>>) -> usize {
        let digests = Digests::read(out);
        let message = {
            let mut s = self.state();
            let changed = s.digests.changed(&digests);
            s.generation += 1;
            let generation = s.generation;
            for page in &changed {
                s.changed_at.insert(page.clone(), generation);
            }
            if !changed.is_empty() {
                s.any_changed_at = generation;
            }
            s.out = out.to_path_buf();
            s.digests = digests;
            s.problem = None;
            s.notes = notes.clone();
            s.building = None;
            Message::Built {
                generation,
                changed: Arc::new(changed),
                notes,
            }
        };
        let Message::Built { changed, .. } = &message else {
            unreachable!()
        };
        let count = changed.len();
        let _ = self.tx.send(message);
        count
    }

    /// The warnings and fallbacks of the build the pages show (kept by a
    /// build that finds nothing to do).
    pub fn notes(&self) -> Option<Arc<Problem>> {
        self.state().notes.clone()
    }

    /// A build failed: the pages keep the last good build's files.
    pub fn failed(&self, problem: Problem) {
        let problem = Arc::new(problem);
        {
            let mut s = self.state();
            s.problem = Some(problem.clone());
            s.building = None;
        }
        let _ = self.tx.send(Message::Failed(problem));
    }

    /// The events a page connecting now is sent first (it may have missed
    /// a build while loading), and the stream of later messages.
    pub fn subscribe(&self, page: &Page) -> (Vec<PageEvent>, broadcast::Receiver<Message>) {
        let s = self.state();
        let rx = self.tx.subscribe();
        let mut first = Vec::new();
        let last_change = match page.name.as_str() {
            ANY_PAGE => s.generation,
            INDEX => s.any_changed_at,
            name => s.changed_at.get(name).copied().unwrap_or(0),
        };
        if page.instance != self.instance || last_change > page.generation {
            first.push(PageEvent::Reload);
        }
        if let Some(problem) = &s.problem {
            first.push(PageEvent::Problem(problem.clone()));
        } else if let Some(notes) = &s.notes {
            first.push(PageEvent::Notes(notes.clone()));
        }
        if let Some(pdf) = s.building {
            first.push(PageEvent::Building { pdf });
        }
        (first, rx)
    }
}

/// The reload script, with its settings in front.
const SCRIPT: &str = include_str!("reload.js");

/// `html` with the reload script for `page`, served at `generation`, put
/// before `</body>` (or at the end). Never written to the output folder.
pub fn inject(html: &[u8], page: &str, instance: u64, generation: u64) -> Vec<u8> {
    let settings = serde_json::json!({
        "page": page,
        "instance": instance.to_string(),
        "generation": generation,
    });
    // `<` escaped so that no value can close the script element
    let settings = settings.to_string().replace('<', "\\u003c");
    let tag = format!(
        "<script data-pamphlet-serve>window.__pamphletServe={settings};\n{SCRIPT}</script>\n"
    );
    let at = rfind_ascii_ci(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The last position of `needle` in `hay`, ASCII case ignored.
fn rfind_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digests(pairs: &[(&str, &str)]) -> Digests {
        Digests(
            pairs
                .iter()
                .map(|(p, s)| (p.to_string(), s.to_string()))
                .collect(),
        )
    }

    fn page(name: &str, generation: u64) -> Page {
        Page {
            name: name.to_string(),
            instance: 7,
            generation,
        }
    }

    #[test]
    fn digests_are_read_from_the_manifest_and_the_review_page() {
        let tmp = tempfile::tempdir().unwrap();
        assert_eq!(Digests::read(tmp.path()), Digests::default());
        let manifest = r#"{"generator": "pamphlet", "files": [
            {"path": "a/ru/f.html", "campaign": "a", "bytes": 3, "sha256": "1", "fallbacks": []},
            {"path": "a/en/f.pdf", "sha256": "2", "pdf": {"pages": 2}}
        ]}"#;
        std::fs::write(tmp.path().join(manifest::FILE), manifest).unwrap();
        std::fs::write(tmp.path().join(INDEX), "abc").unwrap();
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(
            Digests::read(tmp.path()),
            digests(&[("a/ru/f.html", "1"), ("a/en/f.pdf", "2"), (INDEX, abc)])
        );
    }

    #[test]
    fn changed_files_are_the_ones_whose_digest_differs() {
        let before = digests(&[
            ("a/ru/f.html", "1"),
            ("a/en/f.html", "2"),
            ("old.html", "3"),
        ]);
        let after = digests(&[
            ("a/ru/f.html", "9"),
            ("a/en/f.html", "2"),
            ("new.html", "4"),
        ]);
        let changed: Vec<String> = before.changed(&after).into_iter().collect();
        assert_eq!(changed, ["a/ru/f.html", "new.html", "old.html"]);
        assert!(after.changed(&after).is_empty());
    }

    #[test]
    fn only_the_pages_that_changed_reload() {
        let message = Message::Built {
            generation: 5,
            changed: Arc::new(["a/ru/f.html".to_string()].into()),
            notes: None,
        };
        assert_eq!(page("a/ru/f.html", 4).events(&message), [PageEvent::Reload]);
        assert_eq!(page("a/en/f.html", 4).events(&message), [PageEvent::Ok]);
        assert_eq!(page(INDEX, 4).events(&message), [PageEvent::Reload]);
        assert_eq!(page(ANY_PAGE, 4).events(&message), [PageEvent::Reload]);
        // a page read after that build already has it
        assert_eq!(page("a/ru/f.html", 5).events(&message), [PageEvent::Ok]);
        let nothing = Message::Built {
            generation: 6,
            changed: Arc::new(BTreeSet::new()),
            notes: None,
        };
        assert_eq!(page(INDEX, 5).events(&nothing), [PageEvent::Ok]);
    }

    #[test]
    fn a_page_that_missed_a_build_reloads_when_it_connects() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        let live = Live::new(&out, 7);
        let (_, served_at) = live.current();
        std::fs::write(out.join(INDEX), "v2").unwrap();
        assert_eq!(live.built(&out, None), 1);
        let (first, _) = live.subscribe(&page(INDEX, served_at));
        assert_eq!(first, [PageEvent::Reload]);
        let (_, now) = live.current();
        assert!(live.subscribe(&page(INDEX, now)).0.is_empty());
        // a page of another run of the server
        let other = Page {
            instance: 8,
            ..page(INDEX, now)
        };
        assert_eq!(live.subscribe(&other).0, [PageEvent::Reload]);
    }

    #[test]
    fn notes_follow_the_build_the_pages_show() {
        let tmp = tempfile::tempdir().unwrap();
        let live = Live::new(tmp.path(), 7);
        let notes = Arc::new(Problem {
            title: "the pages are built, with 1 fallback".into(),
            text: "fallback: ru took 1 message from en".into(),
        });
        live.built(tmp.path(), Some(notes.clone()));
        let (_, now) = live.current();
        assert_eq!(
            live.subscribe(&page("x.html", now)).0,
            [PageEvent::Notes(notes.clone())]
        );
        let message = Message::Built {
            generation: now + 1,
            changed: Arc::new(BTreeSet::new()),
            notes: Some(notes.clone()),
        };
        assert_eq!(
            page("x.html", now).events(&message),
            [PageEvent::Ok, PageEvent::Notes(notes.clone())]
        );
        // a failure hides them; they are the last good build's again after
        let failure = Problem {
            title: "1 error".into(),
            text: "error[ftl-syntax]".into(),
        };
        live.failed(failure.clone());
        assert_eq!(
            live.subscribe(&page("x.html", now)).0,
            [PageEvent::Problem(Arc::new(failure))]
        );
        live.built(tmp.path(), live.notes());
        assert_eq!(
            live.subscribe(&page("x.html", now)).0,
            [PageEvent::Notes(notes)]
        );
        live.built(tmp.path(), None);
        assert!(live.subscribe(&page("x.html", now)).0.is_empty());
    }

    #[test]
    fn a_failure_is_shown_until_a_build_succeeds() {
        let tmp = tempfile::tempdir().unwrap();
        let live = Live::new(tmp.path(), 7);
        let problem = Problem {
            title: "1 error".into(),
            text: "error[ftl-syntax]".into(),
        };
        live.failed(problem.clone());
        let (first, _) = live.subscribe(&page("x.html", 1));
        assert_eq!(first, [PageEvent::Problem(Arc::new(problem))]);
        live.built(tmp.path(), None);
        assert!(live.subscribe(&page("x.html", 2)).0.is_empty());
    }

    #[test]
    fn the_script_goes_before_the_last_body_end_tag() {
        let html = b"<html><body><p>&lt;/body&gt;</p></BODY></html>";
        let out = String::from_utf8(inject(html, "a/ru/f.html", 7, 3)).unwrap();
        let script = out.find("<script data-pamphlet-serve>").unwrap();
        assert!(script > out.find("</p>").unwrap());
        assert!(out[script..].contains("</script>\n</BODY></html>"));
        assert!(out.contains(r#""page":"a/ru/f.html""#));
        // without a body end tag, at the end
        let bare = String::from_utf8(inject(b"<p>x", "p.html", 7, 3)).unwrap();
        assert!(bare.starts_with("<p>x<script"));
    }

    #[test]
    fn a_page_name_cannot_close_the_script() {
        let out = String::from_utf8(inject(b"", "</script><b>.html", 7, 3)).unwrap();
        assert_eq!(out.matches("</script>").count(), 1);
    }
}
