//! Shared by the fuzz targets: one scratch workspace per process, and the
//! load → check → render pipeline run on it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use pamphlet::diagnostics::{self, Diagnostic};
use pamphlet::pipeline::Rendered;
use pamphlet::pipeline::{self, DocInfo, Filter, Job, Progress, Sink};
use pamphlet::workspace::Format;

/// Splits fuzz input on 0xFF (never valid in UTF-8, so it never cuts a real
/// text) into exactly `N` parts; missing parts are empty.
pub fn split<const N: usize>(data: &[u8]) -> [&[u8]; N] {
    let mut parts = [&data[..0]; N];
    let mut it = data.splitn(N, |&b| b == 0xFF);
    for p in parts.iter_mut() {
        match it.next() {
            Some(s) => *p = s,
            None => break,
        }
    }
    parts
}

const CONFIG: &str = r#"[project]
name = "Fuzz"
source-locale = "en"
locales = ["en", "ar", "ru"]
formats = ["html", "txt"]

[vars]
phone = "+1 555 0100"
site = "https://example.org/help"
hotline = "(012) 919"
asan-hotline = "108"
website = "https://example.org"
email = "help@example.org"
count = 3
ratio = 2.5
"#;

/// A fixed Russian translation, so the ru → en fallback chain and the ru
/// plural rules are exercised too.
const RU_FTL: &str = "a = Аа { $n ->\n    [one] один\n    [few] несколько\n    [many] много\n   *[other] { $n }\n}\nb = Бб { $s }\n    .alt = альт\n";

const MARK_SVG: &[u8] = include_bytes!("../../tests/fixtures/mini/assets/mark.svg");
const LOGO_SVG: &[u8] = include_bytes!("../../assets/logo.svg");
/// A 1×1 PNG, for `image` blocks.
const MAP_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
];

/// The scratch workspace of this process: `<tmp>/pamphlet-fuzz-<target>-<pid>`,
/// with `pamphlet.toml`, `assets/` (the fixture's `mark.svg`, the sample
/// `logo.svg`, a 1×1 `map.png`) and the locale folders, created once.
pub fn workspace(target: &str) -> PathBuf {
    // One thread: libFuzzer runs one input at a time, and the machine is shared.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global();
    let tmp = std::env::temp_dir();
    remove_stale(&tmp, target);
    let root = tmp.join(format!("pamphlet-fuzz-{target}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for dir in [
        "campaigns",
        "assets",
        "locales/en",
        "locales/ar",
        "locales/ru",
    ] {
        std::fs::create_dir_all(root.join(dir)).expect("create scratch workspace");
    }
    std::fs::write(root.join("pamphlet.toml"), CONFIG).expect("write pamphlet.toml");
    std::fs::write(root.join("assets/mark.svg"), MARK_SVG).expect("write asset");
    std::fs::write(root.join("assets/logo.svg"), LOGO_SVG).expect("write asset");
    std::fs::write(root.join("assets/map.png"), MAP_PNG).expect("write asset");
    std::fs::write(root.join("locales/ru/m.ftl"), RU_FTL).expect("write ru ftl");
    root
}

/// Removes scratch workspaces left by earlier processes that are gone
/// (libFuzzer's fork mode starts a new process after every crash).
fn remove_stale(tmp: &Path, target: &str) {
    let prefix = format!("pamphlet-fuzz-{target}-");
    let Ok(entries) = std::fs::read_dir(tmp) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix(&prefix) else {
            continue;
        };
        if pid.parse::<u32>().is_ok() && !Path::new("/proc").join(pid).exists() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

pub fn write(root: &Path, rel: &str, bytes: &[u8]) {
    std::fs::write(root.join(rel), bytes).expect("write fuzz input");
}

/// Renders every job in every format and keeps nothing (`check`'s own
/// sink renders each kind of document only once).
struct RenderAll;

impl<'a> Sink<'a> for RenderAll {
    type Output = ();
    fn take(&self, _: &Job<'a>, _: &DocInfo, r: &Rendered) -> Result<(), Diagnostic> {
        std::hint::black_box(r.bytes.len());
        Ok(())
    }
}

/// What `pamphlet check` does, minus the printing: load, plan, the
/// translation checks, a trial render of every document in every locale in
/// both formats (always, even when the load reported errors, to reach the
/// renderer with more shapes of input), the fallback warnings and the
/// rendering of every diagnostic; and how far the input got.
pub fn run(root: &Path) -> Reached {
    let Ok((inputs, mut diags)) = pipeline::load(root) else {
        return Reached::default();
    };
    let Ok(jobs) = pipeline::plan(&inputs.ws, &Filter::default()) else {
        return Reached::default();
    };
    let mut reached = Reached {
        loaded: true,
        rendered: 0,
    };
    diags.extend(pamphlet::checks::run(&inputs));
    let formats = Format::DEFAULT.to_vec();
    match pipeline::render_all(
        &inputs.view(),
        &jobs,
        &formats,
        &RenderAll,
        &Progress::default(),
    ) {
        Ok(done) => {
            reached.rendered = done.len();
            for d in &done {
                for f in &d.info.fallbacks {
                    if let Some(t) = d
                        .job
                        .campaign
                        .texts()
                        .find(|t| t.msg.to_string() == f.message)
                    {
                        let snippet = d.job.campaign.snippet(t.position.line);
                        diags.push(
                            Diagnostic::warning("translation-fallback", f.reason.clone()).at(
                                d.job.campaign.file.clone(),
                                t.position,
                                snippet,
                            ),
                        );
                    }
                    // as `check` points at the broken translation
                    let Some(locale) = inputs.ws.config.locale_index(&f.locale) else {
                        continue;
                    };
                    let data = &inputs.catalog.locales[locale];
                    let id = f.message.split('.').next().unwrap_or(&f.message);
                    if let Some(file) = data.files.iter().find(|x| x.line_of(id).is_some()) {
                        let line = file.line_of(id).unwrap_or(1);
                        let offset = file.line_offset(line);
                        diags.push(Diagnostic::warning("message-broken", "").at_offset(
                            file.display.clone(),
                            file.text(),
                            &file.index,
                            offset,
                        ));
                    }
                }
            }
        }
        Err(render_diags) => diags.extend(render_diags),
    }
    diagnostics::sort(&mut diags);
    for d in &diags {
        std::hint::black_box(d.render());
    }
    reached
}

/// How far an input got: a seed meant to reach the renderer that stops at
/// loading tests nothing past it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Reached {
    /// The workspace loaded and planned.
    pub loaded: bool,
    /// Documents rendered (0 when rendering failed as a whole).
    pub rendered: usize,
}
