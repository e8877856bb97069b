//! The exchange over a loaded workspace: the units of a locale (review
//! state from `reviewed.toml`, context from the campaigns), and writing
//! what an import changes, all files or none.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::units::{self, Exchange, Input, LocaleFile, State, TooManyVariants};
use super::{Only, Plan};
use crate::locale::review::{self, Review};
use crate::pipeline::Inputs;
use crate::workspace::{Kind, LocaleId};

/// A locale's units and what they were made from.
pub struct Prepared {
    pub exchange: Exchange,
    /// The locale's files.
    pub target_files: Vec<LocaleFile>,
    /// The locale's cardinal plural categories.
    pub categories: Vec<&'static str>,
    pub too_many: Vec<TooManyVariants>,
}

/// The files of a locale.
fn files_of(inputs: &Inputs, locale: LocaleId) -> Vec<LocaleFile> {
    let data = &inputs.catalog.locales[locale];
    let prefix = format!("locales/{}/", data.tag);
    data.files
        .iter()
        .map(|f| {
            let rel = f.display.strip_prefix(&prefix).unwrap_or(&f.display);
            LocaleFile::new(rel, f.text())
        })
        .collect()
}

/// Where each message is printed: campaign, document, block, and the
/// built HTML page of the locale.
fn places(inputs: &Inputs, tag: &str) -> HashMap<String, Vec<String>> {
    let ws = &inputs.ws;
    let out = crate::source::display_path(&ws.root, &ws.root.join(&ws.config.output));
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for c in &ws.campaigns {
        map.entry(c.title.msg.id.clone())
            .or_default()
            .push(format!("campaign {}: its title", c.id));
        for d in &c.documents {
            let anchors = d.anchors();
            let blocks = d.surfaces.iter().enumerate().flat_map(|(page, blocks)| {
                blocks
                    .iter()
                    .zip(&anchors[page])
                    .map(move |(b, anchor)| (page, b, anchor))
            });
            for (n, (page, b, anchor)) in blocks.enumerate() {
                // the block in the built page: its own `id` where the page
                // shows every block, the slide in a deck (one slide shows
                // at a time); subtitles and SMS texts have no anchors
                let fragment = match d.kind {
                    Kind::Slides => format!("#slide-{}", page + 1),
                    Kind::Flyer | Kind::Leaflet | Kind::Brochure => format!("#{anchor}"),
                    Kind::Video | Kind::Sms => String::new(),
                };
                for t in b.texts() {
                    let place = format!(
                        "campaign {}, document {}, block {} ({}): {out}/{}/{tag}/{}.{}{fragment}",
                        c.id,
                        d.id,
                        n + 1,
                        b.type_name(),
                        c.id,
                        d.id,
                        d.kind.formats()[0].extension()
                    );
                    let list = map.entry(t.msg.id.clone()).or_default();
                    if !list.contains(&place) {
                        list.push(place);
                    }
                }
            }
        }
    }
    map
}

/// The units of `locale` (a translation locale of the loaded catalog).
pub fn prepare(inputs: &Inputs, locale: LocaleId) -> Prepared {
    let catalog = &inputs.catalog;
    let data = &catalog.locales[locale];
    let source = files_of(inputs, catalog.source);
    let target = files_of(inputs, locale);
    let lang: unic_langid::LanguageIdentifier = data.tag.parse().unwrap_or_default();
    let categories = crate::add_locale::plural_categories(&lang).unwrap_or_default();
    let places = places(inputs, &data.tag);
    let input = Input {
        source_lang: catalog.tag(catalog.source),
        target_lang: &data.tag,
        target_rtl: data.rtl,
        categories: &categories,
        source_files: &source,
        target_files: &target,
    };
    let (exchange, too_many) = units::build(
        &input,
        |id, translated| match review::review(catalog, locale, id) {
            _ if !translated => State::Missing,
            Some(Review::Current) => State::Reviewed,
            Some(Review::Stale(_)) => State::Stale,
            Some(Review::Unreviewed) | None => State::Unreviewed,
        },
        |id| places.get(id).cloned().unwrap_or_default(),
    );
    Prepared {
        exchange,
        target_files: target,
        categories,
        too_many,
    }
}

/// `ex` with only the units `only` asks for (files left empty dropped).
pub fn select(mut ex: Exchange, only: Only) -> Exchange {
    let keep = |s: State| match only {
        Only::All => true,
        Only::Missing => s == State::Missing,
        Only::Stale => s == State::Stale,
    };
    for f in &mut ex.files {
        f.units.retain(|u| keep(u.state));
    }
    ex.files.retain(|f| !f.units.is_empty());
    ex
}

/// Writes `files` (path, text) through temporary files beside them, renamed
/// into place only once every one was written: a failure leaves every
/// file as it was.
pub fn write_all(files: &[(PathBuf, String)]) -> std::io::Result<()> {
    let mut temps: Vec<(PathBuf, &Path)> = Vec::new();
    let cleanup = |temps: &[(PathBuf, &Path)]| {
        for (t, _) in temps {
            let _ = std::fs::remove_file(t);
        }
    };
    for (path, text) in files {
        let dir = path.parent().unwrap_or(Path::new("."));
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
        let tmp = dir.join(format!(".{name}.{}.pamphlet-tmp", std::process::id()));
        let written = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&tmp, text));
        if let Err(e) = written {
            cleanup(&temps);
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        temps.push((tmp, path));
    }
    for (i, (tmp, path)) in temps.iter().enumerate() {
        if let Err(e) = std::fs::rename(tmp, path) {
            cleanup(&temps[i..]);
            return Err(e);
        }
    }
    Ok(())
}

/// The files an import writes into `locale_dir`: the changed `.ftl` files,
/// and `reviewed.toml` when its records change.
pub fn import_files(inputs: &Inputs, locale: LocaleId, plan: &Plan) -> Vec<(PathBuf, String)> {
    let catalog = &inputs.catalog;
    let data = &catalog.locales[locale];
    let dir = inputs.ws.locales_dir().join(&data.tag);
    let mut out: Vec<(PathBuf, String)> = plan
        .files
        .iter()
        .map(|c| (dir.join(&c.path), c.text.clone()))
        .collect();
    let mut record = data.reviewed.clone();
    let source = &catalog.locales[catalog.source];
    for id in &plan.confirmed {
        if let Some(text) = source.entry_text(id) {
            record.record(id, text);
        }
    }
    for id in &plan.unconfirmed {
        record.records.remove(id);
    }
    if record != data.reviewed {
        out.push((dir.join(review::FILE), record.to_toml()));
    }
    out
}
