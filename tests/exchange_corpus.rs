//! The exchange round trip on real translator-written Fluent files
//! (`../shared/corpus/fluent-real/`, beside the repository; the test passes
//! without doing anything when the corpus is not there): exporting each
//! locale against `en` as XLIFF and as PO and importing the file unchanged
//! plans no edit, so no byte of any `.ftl` file would change.

use std::path::{Path, PathBuf};

use pamphlet::exchange::{self, Format, units};

fn ftl_files(dir: &Path) -> Vec<(String, String)> {
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
            out.push((rel, std::fs::read_to_string(e.path()).unwrap()));
        }
    }
    out
}

#[test]
fn real_fluent_files_round_trip_through_xliff_and_po() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/fluent-real");
    if !corpus.join("en").is_dir() {
        eprintln!("{} not present; skipped", corpus.display());
        return;
    }
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
        }
        locales += 1;
    }
    assert!(locales > 0);
}
