//! `pamphlet export`: writes each asked locale's units as one XLIFF 2 or
//! PO file (`exchange::workspace::prepare`, `exchange::write`).

use std::path::Path;

use super::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Reporter, plural};
use crate::cli::{ExchangeFormat, ExportArgs, ExportOnly};
use crate::exchange::{self, Format, Only, workspace};
use crate::pipeline;

pub fn run(root: &Path, args: &ExportArgs, rep: &Reporter) -> u8 {
    // the source and the asked locales only: a unit needs nothing else
    let loaded = if args.locales.is_empty() {
        pipeline::load(root)
    } else {
        pipeline::load_only(root, &args.locales)
    };
    let (inputs, _diags) = match loaded {
        Ok(x) => x,
        Err(e) => return rep.workspace_error(e),
    };
    let catalog = &inputs.catalog;
    let mut locales = Vec::new();
    if args.locales.is_empty() {
        locales.extend(
            catalog
                .locales
                .enumerate()
                .filter(|&(i, l)| i != catalog.source && !l.pseudo)
                .map(|(i, _)| i),
        );
    }
    for tag in &args.locales {
        match inputs.ws.config.locale_index(tag) {
            Some(i) if i == catalog.source => {
                rep.error(&format!(
                    "{tag} is the source locale; export a translation locale"
                ));
                return EXIT_USAGE;
            }
            Some(i) if !catalog.locales[i].pseudo => locales.push(i),
            _ => {
                rep.error(&format!("{tag} is not a translation locale of the project"));
                return EXIT_USAGE;
            }
        }
    }
    let format = match args.format {
        ExchangeFormat::Xliff => Format::Xliff,
        ExchangeFormat::Po => Format::Po,
    };
    let only = match args.only {
        ExportOnly::Missing => Only::Missing,
        ExportOnly::Stale => Only::Stale,
        ExportOnly::All => Only::All,
    };
    let dir = args.out.clone().unwrap_or_else(|| root.join("exchange"));
    let mut files = Vec::new();
    let mut summary = Vec::new();
    for locale in locales {
        let prepared = workspace::prepare(&inputs, locale);
        for p in &prepared.too_many {
            rep.warning(&p.to_string());
        }
        let ex = workspace::select(prepared.exchange, only);
        let units = ex.units().count();
        let segments: usize = ex.units().map(|u| u.segments.len()).sum();
        let path = dir.join(format!("{}.{}", ex.target_lang, format.extension()));
        summary.push(format!(
            "{}: {} ({}) → {}",
            ex.target_lang,
            plural(units, "unit", "units"),
            plural(segments, "segment", "segments"),
            path.display()
        ));
        files.push((path, exchange::write(&ex, format)));
    }
    if let Err(e) = workspace::write_all(&files) {
        rep.error(&format!("cannot write into {}: {e}", dir.display()));
        return EXIT_CONTENT;
    }
    for line in summary {
        rep.info(&line);
    }
    EXIT_OK
}
