//! The exchange round trip on real translator-written Fluent files
//! (`../shared/corpus/fluent-real/`, beside the repository; ignored unless
//! asked for, `cargo test --test exchange_corpus -- --ignored`, and then a
//! missing corpus is a failure): exporting each locale against `en` as XLIFF
//! and as PO and importing the file unchanged plans no edit, so no byte of any
//! `.ftl` file would change.

use std::path::{Path, PathBuf};

use pamphlet::exchange::{self, Format, merge, units};

fn ftl_files(dir: &Path) -> Vec<units::LocaleFile> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "ftl") {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push(units::LocaleFile::new(
                rel,
                std::fs::read_to_string(e.path()).unwrap(),
            ));
        }
    }
    out
}

#[test]
#[ignore = "needs ../shared/corpus/fluent-real"]
fn real_fluent_files_round_trip_through_xliff_and_po() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/fluent-real");
    // asked for by name, a missing corpus is a failure, not a pass
    assert!(
        corpus.join("en").is_dir(),
        "no corpus at {}",
        corpus.display()
    );
    let source = ftl_files(&corpus.join("en"));
    let mut locales = 0;
    for entry in std::fs::read_dir(&corpus).unwrap() {
        let dir = entry.unwrap().path();
        let tag = dir.file_name().unwrap().to_string_lossy().into_owned();
        if !dir.is_dir() || tag == "en" {
            continue;
        }
        let target = ftl_files(&dir);
        let lang: unic_langid::LanguageIdentifier = tag.parse().unwrap();
        let categories = pamphlet::add_locale::plural_categories(&lang).unwrap_or_default();
        let input = units::Input {
            source_lang: "en",
            target_lang: &tag,
            target_rtl: false,
            categories: &categories,
            source_files: &source,
            target_files: &target,
        };
        let (ex, too_many) = units::build(
            &input,
            |_, t| {
                if t {
                    units::State::Unreviewed
                } else {
                    units::State::Missing
                }
            },
            |_| Vec::new(),
        );
        assert!(too_many.is_empty(), "{tag}: {too_many:?}");
        assert!(
            ex.units().any(|u| u.translated),
            "{tag}: nothing translated"
        );
        for format in [Format::Xliff, Format::Po] {
            let text = exchange::write(&ex, format);
            let name = format!("{tag}.{}", format.extension());
            let sent = exchange::read(&name, &text, format).unwrap_or_else(|e| panic!("{e}"));
            let plan = exchange::plan(&sent, &ex, &target, &categories)
                .unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert!(plan.files.is_empty(), "{name}: {:?}", plan.changed);
            if format == Format::Po {
                msgfmt_passes(&name, &text);
            }
        }
        rewrites_keep_every_text(&tag, &ex, &categories);
        locales += 1;
    }
    assert!(locales > 0);
}

/// gettext's own check of a PO file (plural forms included), when msgfmt
/// is installed.
fn msgfmt_passes(name: &str, text: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let Ok(o) = std::process::Command::new("msgfmt")
        .args(["--check", "-o", "/dev/null"])
        .arg(&path)
        .output()
    else {
        // as tests/cli/exchange.rs: CI sets it, so that a missing msgfmt fails
        assert!(
            std::env::var_os("PAMPHLET_REQUIRE_GETTEXT").is_none(),
            "PAMPHLET_REQUIRE_GETTEXT is set but msgfmt is not installed"
        );
        eprintln!("msgfmt not installed; {name} not checked with it");
        return;
    };
    assert!(
        o.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn segs(x: &units::Unit) -> merge::Segments<'_> {
    x.segments
        .iter()
        .map(|s| (s.keys.as_slice(), s.target.as_ref().unwrap()))
        .collect()
}

/// Every translated entry written in canonical form, parsed again and lifted
/// against the same source, gives back the same texts: what an import
/// writes for a changed message means what the translator sent.
fn rewrites_keep_every_text(tag: &str, ex: &units::Exchange, categories: &[&str]) {
    let mut entries = 0;
    for file in &ex.files {
        let mut done = std::collections::HashSet::new();
        for u in &file.units {
            if !u.translated || !done.insert(u.entry.clone()) {
                continue;
            }
            let parts: Vec<&units::Unit> = file
                .units
                .iter()
                .filter(|x| x.entry == u.entry && x.translated)
                .collect();
            let value = parts.iter().find(|x| x.attr.is_none()).map(|x| segs(x));
            let attrs: Vec<(&str, merge::Segments)> = parts
                .iter()
                .filter_map(|x| Some((x.attr.as_deref()?, segs(x))))
                .collect();
            let written = merge::entry_text(&u.entry, value.as_ref(), &attrs);
            // the rewritten entry as the translation, the source as before
            let target = vec![units::LocaleFile::new(
                file.path.clone(),
                format!("{written}\n"),
            )];
            let parsed = units::Parsed::new(&target);
            let entry = parsed
                .get(&u.entry)
                .unwrap_or_else(|| panic!("{tag}: {written}"));
            let (v, a) = units::parts(entry).unwrap();
            for x in &parts {
                let pattern = match &x.attr {
                    None => v.unwrap(),
                    Some(name) => a.iter().find(|(n, _)| n == name).unwrap().1,
                };
                // lifted against itself: one segment per combination, as sent
                let again = units::lift(pattern, Some(pattern), categories).unwrap();
                for s in &x.segments {
                    let found = again.iter().find(|g| {
                        s.keys.iter().all(|k| {
                            g.keys
                                .iter()
                                .any(|gk| gk.selector == k.selector && gk.key == k.key)
                        })
                    });
                    let found = found.unwrap_or_else(|| panic!("{tag} {}: {written}", x.id));
                    assert_eq!(
                        found.target.as_ref(),
                        s.target.as_ref(),
                        "{tag} {}: {written}",
                        x.id
                    );
                }
            }
            entries += 1;
        }
    }
    assert!(entries > 0, "{tag}");
}
