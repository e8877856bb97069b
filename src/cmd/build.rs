//! `pamphlet build`: load, render in parallel into a staging folder (reusing
//! unchanged documents of the previous build), write the manifest, the index
//! and the build cache, then swap the staging folder into place.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Reporter, count, plural};
use crate::cli::BuildArgs;
use crate::diagnostics::Diagnostic;
use crate::incremental::{self, Cache, CachedDoc, CachedFile, Fingerprints, Summary};
use crate::locale::{Catalog, Fallback};
use crate::output::index::{Index, IndexCampaign, IndexDocument, IndexFile, IndexRow, IndexStale};
use crate::output::manifest::{self, Entry, Manifest, ManifestFallback};
use crate::output::{Staging, Written};
use crate::pipeline::{self, DocInfo, Done, Filter, Inputs, Job, Progress, Sink};
use crate::render::{Rendered, markup};
use crate::workspace::Format;
use rayon::prelude::*;

/// One written output: its path in the output folder, its format, size and hash.
type Output = (String, Format, Written);

pub fn run(root: &Path, args: &BuildArgs, rep: &Reporter) -> u8 {
    let started = Instant::now();
    // the options that shape the output, for the inputs hash (not --strict,
    // which only decides whether a finished build counts)
    let options = format!(
        "formats={:?} campaigns={:?} locales={:?}",
        args.formats, args.campaigns, args.locales
    );
    // every input hashed, and the previous build's cache read, side by side
    let (hashes, previous) = rayon::join(
        || incremental::inputs_hash(root, &options).unwrap_or_default(),
        || previous_build(root, args),
    );
    if let Some(code) = up_to_date(args, rep, &hashes.all, previous.as_ref(), started) {
        return code;
    }
    // Streamed first: the translations are loaded one locale at a time and
    // dropped when their documents are written, so memory is reused rather
    // than faulted in afresh. A streamed build that meets any problem stops
    // before it has printed anything, and the build runs again with every
    // locale loaded up front, which reports exactly as it always has.
    let previous = previous.map(|(_, cache)| cache);
    match build(root, args, rep, &hashes, previous.as_ref(), started, true) {
        Some(code) => code,
        None => build(root, args, rep, &hashes, previous.as_ref(), started, false)
            .expect("a build with every locale loaded up front reports its own problems"),
    }
}

/// Why the rendering of a build stopped.
enum Stop {
    /// A document failed (or, streamed, a locale could not be read).
    Render(Vec<Diagnostic>),
    Unreadable,
}

/// One build. `streamed`: load each deferrable locale ([`locale::deferrable`])
/// only for its own documents; then `None` is returned, with nothing printed
/// and the output untouched, when anything goes wrong.
fn build(
    root: &Path,
    args: &BuildArgs,
    rep: &Reporter,
    hashes: &incremental::InputHashes,
    previous: Option<&Cache>,
    started: Instant,
    streamed: bool,
) -> Option<u8> {
    let inputs_hash = hashes.all.as_str();
    let (mut inputs, mut load_diags) = match pipeline::load_deferring(root, &args.locales, streamed)
    {
        Ok(x) => x,
        Err(_) if streamed => return None,
        Err(e) => return Some(rep.workspace_error(e)),
    };
    let filter = Filter {
        campaigns: args.campaigns.clone(),
        locales: args.locales.clone(),
    };
    let jobs = match pipeline::plan(&inputs.ws, &filter) {
        Ok(j) => j,
        Err(_) if streamed => return None,
        Err(msg) => {
            rep.error(&msg);
            return Some(EXIT_USAGE);
        }
    };
    let mut formats = if args.formats.is_empty() {
        inputs.ws.config.formats.clone()
    } else {
        args.formats.clone()
    };
    formats.sort();
    formats.dedup();

    if streamed {
        if load_diags.all().iter().any(Diagnostic::is_error) {
            return None;
        }
    } else {
        let diags = load_diags.all();
        rep.diagnostics(&diags);
        let errors = count(&diags).0;
        if errors > 0 {
            rep.error(&format!(
                "{}; nothing was built",
                plural(errors, "error", "errors")
            ));
            return Some(EXIT_CONTENT);
        }
    }

    let out = args
        .out
        .clone()
        .unwrap_or_else(|| inputs.ws.root.join(&inputs.ws.config.output));
    if let Err(msg) = check_out_dir(&inputs.ws.root, &out) {
        if streamed {
            return None;
        }
        rep.error(&msg);
        return Some(EXIT_USAGE);
    }
    let staging = match Staging::begin(&out) {
        Ok(s) => s,
        Err(_) if streamed => return None,
        Err(e) => {
            rep.error(&e.to_string());
            return Some(EXIT_CONTENT);
        }
    };

    let render_started = Instant::now();
    let locales = inputs.catalog.locales.len();
    let deferred = if streamed {
        crate::locale::deferrable(&inputs.ws.config)
    } else {
        vec![false; locales]
    };
    // the cache read beside the input hashes is for the same out/ (both
    // follow pamphlet.toml and --out); read it here when that failed
    let loaded;
    let previous = match previous {
        Some(cache) => cache,
        None => {
            loaded = Cache::load(&out);
            &loaded
        }
    };
    let mut prints_of = Fingerprints::new(
        &inputs.ws,
        &inputs.engine,
        &inputs.catalog,
        &formats,
        &hashes.files,
    );
    // the campaigns built, in job order, for the review page's status matrix
    let mut built: Vec<&crate::workspace::Campaign> = Vec::new();
    for job in &jobs {
        if built.last().is_none_or(|c| c.id != job.campaign.id) {
            built.push(job.campaign);
        }
    }
    let matrix = crate::status::Matrix::new(&inputs.catalog, &built);
    // streamed: one locale at a time, each loaded while the one before renders;
    // otherwise every document at once
    let waves: Vec<Vec<usize>> = if streamed {
        (0..locales).map(|l| vec![l]).collect()
    } else {
        vec![(0..locales).collect()]
    };
    let mut results: Vec<Option<Done<Output>>> = jobs.iter().map(|_| None).collect();
    let mut prints: HashMap<String, String> = HashMap::new();
    let mut columns: Vec<Option<crate::status::Column>> = (0..locales).map(|_| None).collect();
    // the untranslated copies the documents print, found while their locale is loaded
    let mut copied: Vec<Diagnostic> = Vec::new();
    let progress = Progress::default();
    let rendered = with_progress_bar(rep, jobs.len(), &progress, || -> Result<(), Stop> {
        let t = Instant::now();
        let mut pending = load_wave(&inputs.ws, &inputs.catalog, &deferred, &waves[0]);
        inputs.phases.parse += t.elapsed();
        let mut finished: Vec<crate::locale::LocaleData> = Vec::new();
        for (k, wave) in waves.iter().enumerate() {
            for (l, loaded) in pending {
                let (data, diags) = loaded.map_err(|_| Stop::Unreadable)?;
                load_diags.locales.locales[l] = diags;
                inputs.catalog.swap(l, data);
                prints_of.add_locale(&inputs.catalog, l, &hashes.files);
            }
            let in_wave: Vec<usize> = (0..jobs.len())
                .filter(|&i| wave.contains(&jobs[i].locale))
                .collect();
            let wave_jobs: Vec<Job> = in_wave.iter().map(|&i| jobs[i]).collect();
            let (next, (wave_prints, done)) = rayon::join(
                || {
                    // the locales done with are freed here, beside the rendering
                    drop(std::mem::take(&mut finished));
                    let t = Instant::now();
                    let next = waves
                        .get(k + 1)
                        .map(|w| load_wave(&inputs.ws, &inputs.catalog, &deferred, w))
                        .unwrap_or_default();
                    (next, t.elapsed())
                },
                || {
                    let wave_prints = prints_of.all(&inputs.catalog, &wave_jobs);
                    let sink = BuildSink {
                        catalog: &inputs.catalog,
                        staging: &staging,
                        out: &out,
                        previous,
                        prints: &wave_prints,
                        formats: &formats,
                    };
                    // field by field, not `inputs.view()`: the loop swaps
                    // locales into `inputs.catalog` while the jobs borrow `inputs.ws`
                    let view = pipeline::View {
                        ws: &inputs.ws,
                        catalog: &inputs.catalog,
                        engine: &inputs.engine,
                        typesetter: &inputs.typesetter,
                    };
                    let done = pipeline::render_all(&view, &wave_jobs, &formats, &sink, &progress);
                    (wave_prints, done)
                },
            );
            let (next, parsing) = next;
            // (streamed, this parsing overlaps the rendering of the locale before)
            inputs.phases.parse += parsing;
            pending = next;
            let done = done.map_err(Stop::Render)?;
            for (l, column) in status_columns(&matrix, &inputs.catalog, &done, wave) {
                copied.extend(copy_warnings(&inputs.catalog, l, &column.untranslated));
                columns[l] = Some(column);
            }
            prints.extend(wave_prints);
            for (i, d) in in_wave.into_iter().zip(done) {
                results[i] = Some(d);
            }
            for &l in wave.iter().filter(|&&l| deferred[l]) {
                let chain = inputs.catalog.locales[l].chain.clone();
                let stand_in =
                    crate::locale::LocaleData::stand_in(&inputs.ws.config.locales[l], chain);
                finished.push(inputs.catalog.swap(l, stand_in));
            }
        }
        Ok(())
    });
    match rendered {
        Ok(()) => {}
        Err(_) if streamed => return None,
        Err(Stop::Unreadable) => {
            unreachable!("nothing is read while rendering when every locale is loaded up front")
        }
        Err(Stop::Render(diags)) => {
            rep.diagnostics(&diags);
            rep.error(&format!(
                "{} while rendering; {} left unchanged",
                plural(count(&diags).0, "error", "errors"),
                out.display()
            ));
            return Some(EXIT_CONTENT);
        }
    }
    let diags = load_diags.all();
    if streamed {
        if diags.iter().any(Diagnostic::is_error) {
            return None;
        }
        rep.diagnostics(&diags);
    }
    let mut warnings = count(&diags).1;
    let done: Vec<Done<Output>> = results
        .into_iter()
        .map(|d| d.expect("every job is rendered in its locale's wave"))
        .collect();
    let status = matrix.assemble(
        columns
            .into_iter()
            .map(|c| c.expect("every locale has a wave"))
            .collect(),
    );
    let render_wall = render_started.elapsed();
    // the layout-fit check of the PDFs: warnings, fatal with --strict
    let fit = pipeline::fit_diagnostics(&inputs, &done);
    rep.diagnostics(&fit);
    warnings += fit.len();
    crate::diagnostics::sort(&mut copied);
    rep.diagnostics(&copied);
    warnings += copied.len();

    let fallbacks: BTreeSet<&Fallback> = done.iter().flat_map(|d| &d.info.fallbacks).collect();
    let mut report: Vec<String> = {
        let mut warned: Vec<Diagnostic> = diags
            .iter()
            .filter(|d| d.severity == crate::diagnostics::Severity::Warning)
            .chain(&fit)
            .chain(&copied)
            .cloned()
            .collect();
        crate::diagnostics::sort(&mut warned);
        warned.iter().map(Diagnostic::render).collect()
    };
    report.extend(report_fallbacks(rep, &fallbacks));
    if args.strict && (!fallbacks.is_empty() || warnings > 0) {
        rep.error(&format!(
            "--strict: {} and {}; {} left unchanged",
            plural(fallbacks.len(), "fallback", "fallbacks"),
            plural(warnings, "warning", "warnings"),
            out.display()
        ));
        return Some(EXIT_CONTENT);
    }

    let finish_started = Instant::now();
    // one manifest entry per output
    let files: usize = done.iter().map(|d| d.outputs.len()).sum();
    let campaigns: BTreeSet<&str> = done.iter().map(|d| d.job.campaign.id.as_str()).collect();
    let locales: BTreeSet<usize> = done.iter().map(|d| d.job.locale).collect();
    let summary = Summary {
        report,
        fallbacks: fallbacks.len(),
        warnings,
        files,
        campaigns: campaigns.len(),
        locales: locales.len(),
        documents: done.len(),
    };
    // the index (with its status matrix), the manifest and the cache's JSON
    // side by side (the index takes longest)
    let (index_html, (manifest_json, cache_json)) = rayon::join(
        || {
            let index = build_index(&inputs, &done, files, &status);
            inputs.engine.render_bytes(
                "index.html",
                &tera::Context::from_serialize(&index).unwrap_or_default(),
            )
        },
        || {
            rayon::join(
                || build_manifest(&inputs, &done).to_json(),
                || cache_of(&inputs, &done, &prints, inputs_hash, &summary).to_json(),
            )
        },
    );
    let index_html = match index_html {
        Ok(html) => html,
        Err(d) => {
            rep.diagnostics(&[d]);
            return Some(EXIT_CONTENT);
        }
    };
    let finish = staging
        .write(manifest::FILE, manifest_json.as_bytes())
        .and_then(|_| staging.write("index.html", &index_html))
        .and_then(|_| staging.write(incremental::FILE, cache_json.as_bytes()))
        .and_then(|_| staging.commit());
    if let Err(e) = finish {
        rep.error(&e.to_string());
        return Some(EXIT_CONTENT);
    }
    let finish = finish_started.elapsed();

    let reused = done.iter().filter(|d| d.reused).count();
    let p = &inputs.phases;
    let secs = |d: Duration| format!("{:.3} s", d.as_secs_f64());
    rep.detail(&format!(
        "phases: load {}, parse {}, check {}, templates {}, render+write {} (CPU: render {}, write {}), finish {}; {} rendered, {} reused, on {}",
        secs(p.load),
        secs(p.parse),
        secs(p.check),
        secs(p.templates),
        secs(render_wall),
        secs(Duration::from_nanos(progress.render_nanos.load(Ordering::Relaxed))),
        secs(Duration::from_nanos(progress.write_nanos.load(Ordering::Relaxed))),
        secs(finish),
        plural(done.len() - reused, "document", "documents"),
        reused,
        plural(rayon::current_num_threads(), "thread", "threads")
    ));
    if let Some(t) = inputs.typesetter.get() {
        let (workspace, system, builtin) = t.fonts.counts;
        rep.detail(&format!(
            "fonts: {workspace} from fonts/, {system} from the system, {builtin} built in, found in {}",
            secs(t.load_time)
        ));
    }
    let unchanged = if reused > 0 {
        format!(
            ", {reused} of {} unchanged",
            plural(done.len(), "document", "documents")
        )
    } else {
        String::new()
    };
    rep.info(&summary_line(&summary, started, &unchanged, &out));
    // the process ends here: freeing the catalog's many small allocations one
    // by one would only delay the exit (about a tenth of a second at national scale)
    std::mem::forget(done);
    std::mem::forget(inputs);
    Some(EXIT_OK)
}

/// What the next build may reuse: each document's fingerprint, what it
/// left for the manifest and index, and its files.
fn cache_of(
    inputs: &Inputs,
    done: &[Done<Output>],
    prints: &HashMap<String, String>,
    inputs_hash: &str,
    summary: &Summary,
) -> Cache {
    Cache {
        generator: incremental::generator(),
        inputs: inputs_hash.to_owned(),
        summary: summary.clone(),
        documents: done
            .iter()
            .map(|d| {
                let files = d
                    .outputs
                    .iter()
                    .map(|(path, format, w)| CachedFile {
                        path: path.clone(),
                        format: *format,
                        bytes: w.bytes,
                        sha256: w.sha256.clone(),
                    })
                    .collect();
                let key = incremental::key(&inputs.catalog, &d.job);
                (
                    key.clone(),
                    CachedDoc {
                        fingerprint: prints[&key].clone(),
                        info: d.info.clone(),
                        files,
                    },
                )
            })
            .collect(),
    }
}

/// `built 48 files (3 campaigns × 8 locales), 0 fallbacks, 0 warnings in 0.03 s → out`
fn summary_line(s: &Summary, started: Instant, extra: &str, out: &Path) -> String {
    format!(
        "built {} ({} × {}), {}, {} in {:.2} s{extra} → {}",
        plural(s.files, "file", "files"),
        plural(s.campaigns, "campaign", "campaigns"),
        plural(s.locales, "locale", "locales"),
        plural(s.fallbacks, "fallback", "fallbacks"),
        plural(s.warnings, "warning", "warnings"),
        started.elapsed().as_secs_f64(),
        out.display()
    )
}

/// The output folder of this build and the cache of the build that made it,
/// when `pamphlet.toml` reads and the folder may be used.
fn previous_build(root: &Path, args: &BuildArgs) -> Option<(PathBuf, Cache)> {
    let text = std::fs::read_to_string(root.join(crate::workspace::CONFIG_FILE)).ok()?;
    let config = crate::workspace::config::parse(&crate::workspace::tomlfile::TomlFile::new(
        crate::workspace::CONFIG_FILE.into(),
        text,
    ))
    .ok()?;
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| root.join(&config.output));
    check_out_dir(root, &out).ok()?;
    let cache = Cache::load(&out);
    Some((out, cache))
}

/// When no input changed since the build that made the current output (and
/// that output is whole), repeats its report and leaves `out/` as it is.
fn up_to_date(
    args: &BuildArgs,
    rep: &Reporter,
    inputs_hash: &str,
    previous: Option<&(PathBuf, Cache)>,
    started: Instant,
) -> Option<u8> {
    if inputs_hash.is_empty() {
        return None;
    }
    let (out, cache) = previous?;
    if !cache.is_current(out, inputs_hash) {
        return None;
    }
    crate::output::sweep(out);
    let s = &cache.summary;
    for line in &s.report {
        rep.info(line.trim_end());
    }
    if args.strict && (s.fallbacks > 0 || s.warnings > 0) {
        rep.error(&format!(
            "--strict: {} and {}; {} left unchanged",
            plural(s.fallbacks, "fallback", "fallbacks"),
            plural(s.warnings, "warning", "warnings"),
            out.display()
        ));
        return Some(EXIT_CONTENT);
    }
    rep.detail("phases: no input changed since the last build; out/ left as it was");
    rep.info(&summary_line(
        s,
        started,
        ", nothing changed since the last build",
        out,
    ));
    Some(EXIT_OK)
}

/// Writes rendered documents into the staging folder, and carries unchanged
/// documents over from the previous output by hard link.
struct BuildSink<'s> {
    catalog: &'s Catalog,
    staging: &'s Staging,
    out: &'s Path,
    previous: &'s Cache,
    /// Fingerprint of every job of this wave, by cache key.
    prints: &'s HashMap<String, String>,
    formats: &'s [Format],
}

impl<'a> Sink<'a> for BuildSink<'_> {
    type Output = Output;

    fn reuse(&self, job: &Job<'a>) -> Option<(DocInfo, Vec<Output>)> {
        let key = incremental::key(self.catalog, job);
        let cached = self.previous.documents.get(&key)?;
        if self.prints.get(&key) != Some(&cached.fingerprint) {
            return None;
        }
        let mut outputs = Vec::new();
        for format in self.formats {
            let file = cached.files.iter().find(|f| f.format == *format);
            let linked = file.and_then(|f| {
                let from = self.out.join(&f.path);
                match self.staging.link(&f.path, &from) {
                    Ok(bytes) if bytes == f.bytes => Some((
                        f.path.clone(),
                        f.format,
                        Written {
                            bytes,
                            sha256: f.sha256.clone(),
                        },
                    )),
                    Ok(_) => {
                        self.staging.remove(&f.path);
                        None
                    }
                    Err(_) => None,
                }
            });
            match linked {
                Some(o) => outputs.push(o),
                None => {
                    for (path, _, _) in &outputs {
                        self.staging.remove(path);
                    }
                    return None;
                }
            }
        }
        // a PDF's preview comes along when the previous build has it
        for (path, format, _) in &outputs {
            if *format == Format::Pdf {
                let preview = crate::pdf::preview_path(path);
                let _ = self.staging.link(&preview, &self.out.join(&preview));
            }
        }
        Some((cached.info.clone(), outputs))
    }

    fn take(&self, job: &Job<'a>, _: &DocInfo, rendered: &Rendered) -> Result<Output, Diagnostic> {
        let rel = file_path(self.catalog, job, rendered.format);
        let written = self.staging.write(&rel, &rendered.bytes)?;
        if let Some(png) = &rendered.preview {
            self.staging.write(&crate::pdf::preview_path(&rel), png)?;
        }
        Ok((rel, rendered.format, written))
    }
}

/// Reads the deferred locales of `wave` (the others are loaded already).
fn load_wave(
    ws: &crate::workspace::Workspace,
    catalog: &Catalog,
    deferred: &[bool],
    wave: &[usize],
) -> Vec<(usize, LoadedLocale)> {
    wave.iter()
        .filter(|&&l| deferred[l])
        .map(|&l| (l, crate::locale::load_one(ws, catalog, l)))
        .collect()
}

/// A locale read by [`load_wave`], with its diagnostics.
type LoadedLocale =
    Result<(crate::locale::LocaleData, Vec<Diagnostic>), crate::workspace::WorkspaceError>;

/// The `untranslated` warnings of locale `l` (loaded in `catalog`) for the
/// messages `ids` its documents print: each copied value or attribute at the
/// line of its message.
fn copy_warnings(catalog: &Catalog, l: usize, ids: &[String]) -> Vec<Diagnostic> {
    let data = &catalog.locales[l];
    let source = catalog.tag(catalog.source);
    let mut out = Vec::new();
    for id in ids {
        let Some(def) = data.index.get(id.as_str()) else {
            continue;
        };
        let file = &data.files[def.file as usize];
        for attr in catalog.copies(l, id) {
            let name = attr.map_or(id.clone(), |a| format!("{id}.{a}"));
            out.push(crate::locale::copies::diagnostic(
                file,
                def.line as usize,
                &name,
                source,
            ));
        }
    }
    out
}

/// The status columns of `locales` (loaded in `catalog`) for the review page:
/// each message a campaign prints is translated, untranslated (copied),
/// missing, stale or in error, as the documents of `done` found it (their
/// fallbacks).
fn status_columns(
    matrix: &crate::status::Matrix,
    catalog: &Catalog,
    done: &[Done<Output>],
    locales: &[usize],
) -> Vec<(usize, crate::status::Column)> {
    locales
        .par_iter()
        .map(|&l| {
            // the fallbacks of each campaign's documents in this locale
            let mut fell_back: Vec<Vec<&Fallback>> = vec![Vec::new(); matrix.campaigns().len()];
            for d in done.iter().filter(|d| d.job.locale == l) {
                if let Some(c) = matrix
                    .campaigns()
                    .iter()
                    .position(|c| c.id == d.job.campaign.id)
                {
                    fell_back[c].extend(&d.info.fallbacks);
                }
            }
            let column = matrix.column(catalog, l, |c, locale, text| {
                crate::status::state_from_fallbacks(
                    catalog,
                    locale,
                    &text.msg.id,
                    fell_back[c].iter().copied(),
                )
            });
            (l, column)
        })
        .collect()
}

/// Runs `work`, showing `rendering N/M documents` on stderr while it takes
/// more than a moment, when stderr is a terminal and `-q` is not given.
fn with_progress_bar<R: Send>(
    rep: &Reporter,
    total: usize,
    progress: &Progress,
    work: impl FnOnce() -> R + Send,
) -> R {
    if rep.quiet || !std::io::stderr().is_terminal() {
        return work();
    }
    let stop = AtomicBool::new(false);
    std::thread::scope(|s| {
        s.spawn(|| {
            let started = Instant::now();
            let mut shown = false;
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                if started.elapsed() < Duration::from_millis(500) {
                    continue;
                }
                let n = progress.done.load(Ordering::Relaxed);
                let width = 30;
                let filled = (n * width).checked_div(total).unwrap_or(width);
                eprint!(
                    "\r[{}{}] {n}/{total} {}",
                    "#".repeat(filled),
                    " ".repeat(width - filled),
                    if total == 1 { "document" } else { "documents" }
                );
                let _ = std::io::stderr().flush();
                shown = true;
            }
            if shown {
                eprint!("\r{}\r", " ".repeat(60));
            }
        });
        let result = work();
        stop.store(true, Ordering::Relaxed);
        result
    })
}

/// `<campaign>/<locale>/<document>.<ext>`: every part a validated slug or canonical tag.
fn file_path(catalog: &Catalog, job: &Job, format: Format) -> String {
    format!(
        "{}/{}/{}.{}",
        job.campaign.id,
        catalog.tag(job.locale),
        job.document.id,
        format.extension()
    )
}

/// Lists fallbacks per locale (each one with `-v`); returns the lines printed without `-v`.
fn report_fallbacks(rep: &Reporter, fallbacks: &BTreeSet<&Fallback>) -> Vec<String> {
    let mut lines = Vec::new();
    let mut by_locale: BTreeMap<&str, Vec<&Fallback>> = BTreeMap::new();
    for f in fallbacks {
        by_locale.entry(&f.locale).or_default().push(f);
    }
    for (locale, list) in &by_locale {
        let used: BTreeSet<&str> = list.iter().map(|f| f.used.as_str()).collect();
        let used: Vec<&str> = used.into_iter().collect();
        let line = format!(
            "fallback: {locale} took {} from {} (-v lists them; out/manifest.json records them)",
            plural(list.len(), "message", "messages"),
            used.join(", "),
        );
        rep.info(&line);
        lines.push(line);
        for f in list {
            rep.detail(&format!("  {} → {} ({})", f.message, f.used, f.reason));
        }
    }
    lines
}

fn build_manifest(inputs: &Inputs, done: &[Done<Output>]) -> Manifest {
    let mut files: Vec<Entry> = done
        .iter()
        .flat_map(|d| {
            d.outputs.iter().map(move |(path, format, written)| Entry {
                path: path.clone(),
                campaign: d.job.campaign.id.clone(),
                locale: inputs.catalog.tag(d.job.locale).to_owned(),
                pseudo: inputs.catalog.locales[d.job.locale].pseudo,
                document: d.job.document.id.clone(),
                kind: d.job.document.kind.name(),
                paper: d.job.document.paper.name(),
                format: format.extension(),
                bytes: written.bytes,
                sha256: written.sha256.clone(),
                pdf: if *format == Format::Pdf {
                    d.info.pdf.clone()
                } else {
                    None
                },
                fallbacks: d
                    .info
                    .fallbacks
                    .iter()
                    .map(ManifestFallback::from)
                    .collect(),
            })
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Manifest {
        generator: incremental::generator(),
        project: inputs.ws.config.name.clone(),
        source_locale: inputs.catalog.tag(inputs.catalog.source).to_owned(),
        files,
    }
}

fn build_index(
    inputs: &Inputs,
    done: &[Done<Output>],
    files: usize,
    status: &crate::status::Status,
) -> Index {
    let catalog = &inputs.catalog;
    let mut campaigns: Vec<IndexCampaign> = Vec::new();
    for d in done {
        let campaign = d.job.campaign;
        if campaigns.last().is_none_or(|c| c.id != campaign.id) {
            let title = done
                .iter()
                .find(|o| o.job.campaign.id == campaign.id && o.job.locale == catalog.source)
                .map_or_else(
                    || campaign.id.clone(),
                    |o| markup::to_text(&o.info.title).replace(['\u{2068}', '\u{2069}'], ""),
                );
            campaigns.push(IndexCampaign {
                id: campaign.id.clone(),
                title,
                rows: Vec::new(),
            });
        }
        // the status rows are in the same order as the campaigns here
        let status_row = &status.campaigns[campaigns.len() - 1];
        let rows = &mut campaigns.last_mut().expect("pushed above").rows;
        let tag = catalog.tag(d.job.locale);
        if rows.last().is_none_or(|r| r.locale != tag) {
            rows.push(IndexRow {
                locale: tag.to_owned(),
                dir: if catalog.locales[d.job.locale].rtl {
                    "rtl"
                } else {
                    "ltr"
                },
                pseudo: catalog.locales[d.job.locale].pseudo,
                status: status_row.cells[d.job.locale].clone(),
                stale: status_row.cells[d.job.locale]
                    .stale_messages
                    .iter()
                    .map(IndexStale::new)
                    .collect(),
                documents: Vec::new(),
                fallbacks: Vec::new(),
            });
        }
        let row = rows.last_mut().expect("pushed above");
        row.documents.push(IndexDocument {
            id: d.job.document.id.clone(),
            files: d
                .outputs
                .iter()
                .map(|(path, format, _)| IndexFile {
                    format: format.extension(),
                    href: path.clone(),
                    preview: (*format == Format::Pdf && inputs.ws.config.pdf.previews)
                        .then(|| crate::pdf::preview_path(path)),
                })
                .collect(),
        });
        row.fallbacks.extend(d.info.fallbacks.iter().cloned());
        row.fallbacks.sort();
        row.fallbacks.dedup_by(|a, b| a.message == b.message);
    }
    Index {
        project: inputs.ws.config.name.clone(),
        files,
        locales: catalog.locales.iter().map(|l| l.tag.clone()).collect(),
        campaigns,
    }
}

/// Refuses output folders that would replace the workspace or its sources.
fn check_out_dir(root: &Path, out: &Path) -> Result<(), String> {
    let absolute = |p: &Path| -> PathBuf {
        let name = p.file_name().map(PathBuf::from).unwrap_or_default();
        let parent = p
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        match parent.canonicalize() {
            Ok(parent) => parent.join(name),
            Err(_) => p.to_path_buf(),
        }
    };
    if out.file_name().is_none() {
        return Err(format!(
            "--out {} is not a folder pamphlet may replace",
            out.display()
        ));
    }
    let out_abs = absolute(out);
    let root_abs = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if root_abs.starts_with(&out_abs) {
        return Err(format!(
            "the output folder {} contains the workspace; choose a folder inside it such as out/",
            out.display()
        ));
    }
    for source in ["campaigns", "locales", "templates", "assets"] {
        if out_abs.starts_with(root_abs.join(source)) {
            return Err(format!(
                "the output folder {} is inside the workspace's {source}/ folder; choose another",
                out.display()
            ));
        }
    }
    Ok(())
}

impl From<crate::output::OutputError> for Diagnostic {
    fn from(e: crate::output::OutputError) -> Diagnostic {
        Diagnostic::error("output", e.to_string())
    }
}
