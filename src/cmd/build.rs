//! `pamphlet build`: load, render in parallel into a staging folder, write the
//! manifest and the index, swap the staging folder into place.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Reporter, count, plural};
use crate::cli::BuildArgs;
use crate::diagnostics::Diagnostic;
use crate::locale::Fallback;
use crate::output::index::{Index, IndexCampaign, IndexDocument, IndexFile, IndexRow};
use crate::output::manifest::{self, Entry, Manifest, ManifestFallback};
use crate::output::{Staging, Written};
use crate::pipeline::{self, Done, Filter, Inputs, Job};
use crate::render::markup;
use crate::workspace::Format;

pub fn run(root: &Path, args: &BuildArgs, rep: &Reporter) -> u8 {
    let started = Instant::now();
    let (inputs, diags) = match pipeline::load(root) {
        Ok(x) => x,
        Err(e) => return rep.workspace_error(e),
    };
    let filter = Filter {
        campaigns: args.campaigns.clone(),
        locales: args.locales.clone(),
    };
    let jobs = match pipeline::plan(&inputs, &filter) {
        Ok(j) => j,
        Err(msg) => {
            rep.error(&msg);
            return EXIT_USAGE;
        }
    };
    let mut formats = if args.formats.is_empty() {
        inputs.ws.config.formats.clone()
    } else {
        args.formats.clone()
    };
    formats.sort();
    formats.dedup();

    let (errors, warnings) = count(&diags);
    rep.diagnostics(&diags);
    if errors > 0 {
        rep.error(&format!(
            "{}; nothing was built",
            plural(errors, "error", "errors")
        ));
        return EXIT_CONTENT;
    }

    let out = args
        .out
        .clone()
        .unwrap_or_else(|| inputs.ws.root.join(&inputs.ws.config.output));
    if let Err(msg) = check_out_dir(&inputs.ws.root, &out) {
        rep.error(&msg);
        return EXIT_USAGE;
    }
    let staging = match Staging::begin(&out) {
        Ok(s) => s,
        Err(e) => {
            rep.error(&e.to_string());
            return EXIT_CONTENT;
        }
    };

    let done = pipeline::render_all(&inputs, &jobs, &formats, |job, rendered| {
        let rel = file_path(&inputs, job, rendered.format);
        staging
            .write(&rel, rendered.text.as_bytes())
            .map(|w| (rel, rendered.format, w))
    });
    let done = match done {
        Ok(d) => d,
        Err(diags) => {
            rep.diagnostics(&diags);
            rep.error(&format!(
                "{} while rendering; {} left unchanged",
                plural(count(&diags).0, "error", "errors"),
                out.display()
            ));
            return EXIT_CONTENT;
        }
    };

    let fallbacks: BTreeSet<&Fallback> = done.iter().flat_map(|d| &d.localized.fallbacks).collect();
    report_fallbacks(rep, &fallbacks);
    if args.strict && (!fallbacks.is_empty() || warnings > 0) {
        rep.error(&format!(
            "--strict: {} and {}; {} left unchanged",
            plural(fallbacks.len(), "fallback", "fallbacks"),
            plural(warnings, "warning", "warnings"),
            out.display()
        ));
        return EXIT_CONTENT;
    }

    let manifest = build_manifest(&inputs, &done);
    let index = build_index(&inputs, &done, manifest.files.len());
    let index_html = match inputs.engine.render(
        "index.html",
        &tera::Context::from_serialize(&index).unwrap_or_default(),
    ) {
        Ok(html) => html,
        Err(d) => {
            rep.diagnostics(&[d]);
            return EXIT_CONTENT;
        }
    };
    let finish = staging
        .write(manifest::FILE, manifest.to_json().as_bytes())
        .and_then(|_| staging.write("index.html", index_html.as_bytes()))
        .and_then(|_| staging.commit());
    if let Err(e) = finish {
        rep.error(&e.to_string());
        return EXIT_CONTENT;
    }

    let campaigns: BTreeSet<&str> = done.iter().map(|d| d.job.campaign.id.as_str()).collect();
    let locales: BTreeSet<usize> = done.iter().map(|d| d.job.locale).collect();
    rep.info(&format!(
        "built {} ({} × {}), {}, {} in {:.2} s → {}",
        plural(manifest.files.len(), "file", "files"),
        plural(campaigns.len(), "campaign", "campaigns"),
        plural(locales.len(), "locale", "locales"),
        plural(fallbacks.len(), "fallback", "fallbacks"),
        plural(warnings, "warning", "warnings"),
        started.elapsed().as_secs_f64(),
        out.display()
    ));
    EXIT_OK
}

/// `<campaign>/<locale>/<document>.<ext>`: every part a validated slug or canonical tag.
fn file_path(inputs: &Inputs, job: &Job, format: Format) -> String {
    format!(
        "{}/{}/{}.{}",
        job.campaign.id,
        inputs.catalog.tag(job.locale),
        job.document.id,
        format.extension()
    )
}

/// Lists fallbacks per locale (each one with `-v`).
fn report_fallbacks(rep: &Reporter, fallbacks: &BTreeSet<&Fallback>) {
    let mut by_locale: BTreeMap<&str, Vec<&Fallback>> = BTreeMap::new();
    for f in fallbacks {
        by_locale.entry(&f.locale).or_default().push(f);
    }
    for (locale, list) in &by_locale {
        let used: BTreeSet<&str> = list.iter().map(|f| f.used.as_str()).collect();
        let used: Vec<&str> = used.into_iter().collect();
        rep.info(&format!(
            "fallback: {locale} took {} from {}{}",
            plural(list.len(), "message", "messages"),
            used.join(", "),
            if rep.verbose {
                ":"
            } else {
                " (-v lists them; out/manifest.json records them)"
            }
        ));
        for f in list {
            rep.detail(&format!("  {} → {} ({})", f.message, f.used, f.reason));
        }
    }
}

fn build_manifest(inputs: &Inputs, done: &[Done<(String, Format, Written)>]) -> Manifest {
    let mut files: Vec<Entry> = done
        .iter()
        .flat_map(|d| {
            d.outputs.iter().map(move |(path, format, written)| Entry {
                path: path.clone(),
                campaign: d.job.campaign.id.clone(),
                locale: inputs.catalog.tag(d.job.locale).to_owned(),
                document: d.job.document.id.clone(),
                kind: d.job.document.kind.name(),
                paper: d.job.document.paper.name(),
                format: format.extension(),
                bytes: written.bytes,
                sha256: written.sha256.clone(),
                fallbacks: d
                    .localized
                    .fallbacks
                    .iter()
                    .map(ManifestFallback::from)
                    .collect(),
            })
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Manifest {
        generator: format!("pamphlet {}", env!("CARGO_PKG_VERSION")),
        project: inputs.ws.config.name.clone(),
        source_locale: inputs.catalog.tag(inputs.catalog.source).to_owned(),
        files,
    }
}

fn build_index(inputs: &Inputs, done: &[Done<(String, Format, Written)>], files: usize) -> Index {
    let built: Vec<crate::workspace::Campaign> = inputs
        .ws
        .campaigns
        .iter()
        .filter(|c| done.iter().any(|d| d.job.campaign.id == c.id))
        .cloned()
        .collect();
    let status = crate::status::compute(&inputs.catalog, &built);
    let mut campaigns: Vec<IndexCampaign> = Vec::new();
    for d in done {
        let campaign = d.job.campaign;
        if campaigns.last().is_none_or(|c| c.id != campaign.id) {
            let title = done
                .iter()
                .find(|o| o.job.campaign.id == campaign.id && o.job.locale == inputs.catalog.source)
                .map_or_else(
                    || campaign.id.clone(),
                    |o| markup::to_text(&o.localized.title).replace(['\u{2068}', '\u{2069}'], ""),
                );
            campaigns.push(IndexCampaign {
                id: campaign.id.clone(),
                title,
                rows: Vec::new(),
            });
        }
        let rows = &mut campaigns.last_mut().expect("pushed above").rows;
        let tag = inputs.catalog.tag(d.job.locale);
        if rows.last().is_none_or(|r| r.locale != tag) {
            let row = status
                .campaigns
                .iter()
                .find(|r| r.campaign == campaign.id)
                .expect("every built campaign has a status row");
            rows.push(IndexRow {
                locale: tag.to_owned(),
                dir: if inputs.catalog.locales[d.job.locale].rtl {
                    "rtl"
                } else {
                    "ltr"
                },
                status: row.cells[d.job.locale].clone(),
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
                })
                .collect(),
        });
        row.fallbacks.extend(d.localized.fallbacks.iter().cloned());
        row.fallbacks.sort();
        row.fallbacks.dedup_by(|a, b| a.message == b.message);
    }
    Index {
        project: inputs.ws.config.name.clone(),
        files,
        locales: inputs
            .catalog
            .locales
            .iter()
            .map(|l| l.tag.clone())
            .collect(),
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
