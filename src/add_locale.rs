//! Adding a locale to a workspace (`pamphlet add-locale TAG [--from LOCALE]`):
//! the tag registered in `pamphlet.toml`'s `project.locales`, and
//! `locales/TAG/` with one skeleton per source-locale file
//! ([`crate::locale::skeleton`]) and an empty `reviewed.toml`.
//!
//! `pamphlet.toml` is edited with toml_edit, so the office's comments and
//! layout survive: only the new tag is added to the array, written in the
//! style of the tags before it (same line or one per line).
//!
//! Nothing is half-written. Every file is first written into a fresh staging
//! folder beside `locales/TAG/` and a temporary copy of `pamphlet.toml`; then
//! the folder is renamed into place, and the settings file after it. If the
//! second rename fails, the folder is removed again. A process killed between
//! the two renames leaves a folder that is not in `project.locales`, which
//! every command reports (`locale-unlisted`) and which this command refuses
//! to overwrite.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use unic_langid::LanguageIdentifier;

use crate::diagnostics::Diagnostic;
use crate::locale::{review, skeleton};
use crate::source::display_path;
use crate::workspace::tomlfile::TomlFile;
use crate::workspace::{self, CONFIG_FILE, WorkspaceError, config};

/// Why a locale could not be added. Nothing was written in any case.
#[derive(Debug, thiserror::Error)]
pub enum AddLocaleError {
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    #[error("'{0}' is not a valid locale tag")]
    InvalidTag(String),
    #[error("'{0}' is a pseudo-locale, generated from the source locale; it needs no folder")]
    Pseudo(String),
    #[error("{tag} is already a project locale (project.locales in {CONFIG_FILE})")]
    AlreadyListed { tag: String },
    #[error("{path} already exists")]
    FolderExists { path: String },
    #[error("--from {from}: not a project locale (known: {known})")]
    UnknownFrom { from: String, known: String },
    #[error("--from {from}: {reason}")]
    UnusableFrom { from: String, reason: String },
    #[error("cannot read {path}")]
    Encoding {
        path: String,
        diagnostic: Diagnostic,
    },
    #[error("{CONFIG_FILE}: {0}")]
    ConfigLayout(String),
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// A skeleton file written into the new locale's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatedFile {
    /// Workspace-relative path, e.g. `locales/uk/shared.ftl`.
    pub path: String,
    pub messages: usize,
    pub terms: usize,
    /// Entries whose commented hint is the `--from` locale's translation.
    pub hinted: usize,
}

/// What was added.
#[derive(Debug, Clone)]
pub struct Added {
    /// The canonical tag, as registered and as the folder is named.
    pub tag: String,
    pub source: String,
    pub rtl: bool,
    /// The cardinal plural categories of the locale, in CLDR order; `None`
    /// when CLDR has no rules for it.
    pub plurals: Option<Vec<&'static str>>,
    /// The `.ftl` skeletons, in file order.
    pub files: Vec<CreatedFile>,
    /// `locales/TAG/reviewed.toml`.
    pub reviewed: String,
    /// The locale the hints came from, when it is not the source.
    pub from: Option<String>,
}

/// Adds locale `tag` to the workspace at `root`; `from` names the project
/// locale whose translations become the skeletons' commented hints (default:
/// the source text).
pub fn add_locale(root: &Path, tag: &str, from: Option<&str>) -> Result<Added, AddLocaleError> {
    let config_path = root.join(CONFIG_FILE);
    if !config_path.is_file() {
        return Err(WorkspaceError::NotAWorkspace(root.display().to_string()).into());
    }
    let text =
        workspace::read_text(root, &config_path)?.map_err(|d| WorkspaceError::Config(vec![d]))?;
    let cfg = config::parse(&TomlFile::new(CONFIG_FILE.into(), text.clone()))
        .map_err(WorkspaceError::Config)?;

    let locale = parse_tag(tag)?;
    if cfg.locale_index(&locale.tag).is_some() {
        return Err(AddLocaleError::AlreadyListed { tag: locale.tag });
    }
    let locales_dir = root.join("locales");
    let folder = locales_dir.join(&locale.tag);
    if std::fs::symlink_metadata(&folder).is_ok() {
        return Err(AddLocaleError::FolderExists {
            path: format!("{}/", display_path(root, &folder)),
        });
    }
    let source = cfg.locales[cfg.source].tag.clone();

    let from = match from {
        None => None,
        Some(f) => {
            let Some(i) = cfg.locale_index(f) else {
                let known: Vec<&str> = cfg
                    .locales
                    .iter()
                    .filter(|l| !l.pseudo)
                    .map(|l| l.tag.as_str())
                    .collect();
                return Err(AddLocaleError::UnknownFrom {
                    from: f.to_owned(),
                    known: known.join(", "),
                });
            };
            if cfg.locales[i].pseudo {
                return Err(AddLocaleError::UnusableFrom {
                    from: f.to_owned(),
                    reason: "a pseudo-locale has no translations to copy".into(),
                });
            }
            // the source's own text is the default hint
            (i != cfg.source).then(|| cfg.locales[i].tag.clone())
        }
    };
    let hints = match &from {
        None => HashMap::new(),
        Some(f) => {
            let files = read_ftl(root, &locales_dir.join(f))?;
            if files.is_empty() {
                return Err(AddLocaleError::UnusableFrom {
                    from: f.clone(),
                    reason: format!("locales/{f}/ has no .ftl files to copy"),
                });
            }
            let mut hints = HashMap::new();
            for (_, text) in &files {
                for (id, entry) in skeleton::entry_texts(text) {
                    // the first definition wins, as in the locale's bundle
                    hints.entry(id).or_insert(entry);
                }
            }
            hints
        }
    };

    let mut planned: Vec<(PathBuf, String)> = Vec::new();
    let mut files = Vec::new();
    for (rel, text) in read_ftl(root, &locales_dir.join(&source))? {
        let header = header(&locale.tag, &source, &rel, from.as_deref());
        let s = skeleton::skeleton(&text, &header, &hints);
        files.push(CreatedFile {
            path: format!("locales/{}/{rel}", locale.tag),
            messages: s.messages,
            terms: s.terms,
            hinted: s.hinted,
        });
        planned.push((PathBuf::from(rel), s.text));
    }

    let mut new_config = with_locale(&text, &locale.tag)?;
    // the decoder drops a byte-order mark; the file keeps it
    if std::fs::read(&config_path).is_ok_and(|b| b.starts_with(b"\xEF\xBB\xBF")) {
        new_config.insert(0, '\u{FEFF}');
    }
    write_all(
        root,
        &locales_dir,
        &folder,
        &planned,
        &config_path,
        &new_config,
    )?;

    Ok(Added {
        plurals: plural_categories(&locale.id),
        rtl: locale.rtl,
        reviewed: format!("locales/{}/{}", locale.tag, review::FILE),
        tag: locale.tag,
        source,
        files,
        from,
    })
}

/// A tag a locale can be added under: valid BCP 47 with a language (not
/// `und`), in canonical form, not a pseudo-locale.
fn parse_tag(tag: &str) -> Result<config::Locale, AddLocaleError> {
    let locale = config::parse_locale(tag).map_err(|_| AddLocaleError::InvalidTag(tag.into()))?;
    if locale.id.language.is_empty() {
        return Err(AddLocaleError::InvalidTag(tag.into()));
    }
    if locale.pseudo {
        return Err(AddLocaleError::Pseudo(locale.tag));
    }
    Ok(locale)
}

/// The cardinal plural categories of `id` in CLDR order (zero … other).
pub fn plural_categories(id: &LanguageIdentifier) -> Option<Vec<&'static str>> {
    use crate::locale::plurals::{CATEGORIES, categories};
    let found = categories(id)?;
    Some(
        CATEGORIES
            .iter()
            .copied()
            .filter(|c| found.contains(c))
            .collect(),
    )
}

/// The note at the top of each skeleton file.
fn header(tag: &str, source: &str, rel: &str, from: Option<&str>) -> Vec<String> {
    let what = match from {
        None => format!("replace the {source} text with the {tag} translation,"),
        Some(f) => format!("turn the {f} text (the {source} text where {f} had none) into {tag},"),
    };
    vec![
        format!("Skeleton written by `pamphlet add-locale` from locales/{source}/{rel}."),
        "Every message and term is commented out, so `pamphlet status` counts it".into(),
        "missing until it is translated: remove the \"# \" before each of its lines,".into(),
        what,
        "and keep { $variables } and { -terms } as they are. Delete this note when done.".into(),
    ]
}

/// `.ftl` files under `dir` (recursively, sorted), as paths relative to it
/// (with `/`) and decoded text; none when `dir` is missing.
fn read_ftl(root: &Path, dir: &Path) -> Result<Vec<(String, String)>, AddLocaleError> {
    let paths = crate::locale::ftl_paths(dir).map_err(|source| WorkspaceError::Io {
        path: display_path(root, dir),
        source,
    })?;
    let mut out = Vec::new();
    for path in paths {
        let text =
            workspace::read_text(root, &path)?.map_err(|diagnostic| AddLocaleError::Encoding {
                path: display_path(root, &path),
                diagnostic,
            })?;
        out.push((display_path(dir, &path), text));
    }
    Ok(out)
}

/// `pamphlet.toml`'s text with `tag` appended to `project.locales`, every
/// other byte as it was (toml_edit writes LF line ends; a file that uses
/// CRLF gets CRLF on every line).
pub fn with_locale(text: &str, tag: &str) -> Result<String, AddLocaleError> {
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| AddLocaleError::ConfigLayout(e.to_string()))?;
    let array = doc
        .get_mut("project")
        .and_then(|p| p.get_mut("locales"))
        .and_then(|l| l.as_array_mut())
        .ok_or_else(|| {
            AddLocaleError::ConfigLayout("project.locales is not an array of tags".into())
        })?;
    append(array, tag);
    let out = doc.to_string();
    // toml_edit writes LF; a file written with CRLF keeps CRLF
    Ok(if text.contains("\r\n") {
        out.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        out
    })
}

/// Appends `tag` to `array` laid out like the element before it: on the same
/// line after `, `, or on a line of its own with the same indentation. A
/// comment after the last element stays on that element's line.
fn append(array: &mut toml_edit::Array, tag: &str) {
    fn raw(r: Option<&toml_edit::RawString>) -> String {
        r.and_then(|r| r.as_str()).unwrap_or("").to_owned()
    }
    let mut value = toml_edit::Value::from(tag);
    let trailing_comma = array.trailing_comma();
    let Some(last) = array.len().checked_sub(1) else {
        array.push_formatted(value);
        return;
    };
    let before = raw(array.get(last).and_then(|v| v.decor().prefix()));
    let mut prefix = match before.rfind('\n') {
        Some(i) => format!("\n{}", &before[i + 1..]),
        None => " ".to_owned(),
    };
    // what follows the last element up to the closing bracket (a comment, a
    // line break) is its suffix, or the array's trailing text after a comma;
    // it moves behind the new element
    let after = if trailing_comma {
        let t = array.trailing().as_str().unwrap_or("").to_owned();
        array.set_trailing("");
        t
    } else {
        let last = array.get_mut(last).expect("the index is in bounds");
        let s = raw(last.decor().suffix());
        last.decor_mut().set_suffix("");
        s
    };
    // except a comment (`"ru", # Russian`), which stays on its element's line
    let (comment, rest) = after.split_at(after.rfind('\n').unwrap_or(0));
    if comment.contains('#') {
        prefix = format!("{comment}{prefix}");
    }
    let rest = if comment.contains('#') {
        rest
    } else {
        after.as_str()
    };
    value.decor_mut().set_prefix(prefix);
    if trailing_comma {
        array.push_formatted(value);
        array.set_trailing(rest);
    } else {
        value.decor_mut().set_suffix(rest);
        array.push_formatted(value);
    }
}

/// Writes the skeletons and `reviewed.toml` into a staging folder and the new
/// settings into a temporary file, then renames both into place (module docs).
fn write_all(
    root: &Path,
    locales_dir: &Path,
    folder: &Path,
    planned: &[(PathBuf, String)],
    config_path: &Path,
    new_config: &str,
) -> Result<(), AddLocaleError> {
    let write_err = |path: &Path| {
        let path = display_path(root, path);
        move |source| AddLocaleError::Write { path, source }
    };
    std::fs::create_dir_all(locales_dir).map_err(write_err(locales_dir))?;
    let name = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let staging = locales_dir.join(format!(".{name}.add-locale-{}", std::process::id()));
    // a leftover of a killed run with the same process id
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir(&staging).map_err(write_err(folder))?;
    let staged = (|| {
        for (rel, text) in planned {
            let path = staging.join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(write_err(&folder.join(rel)))?;
            }
            write_new(&path, text.as_bytes()).map_err(write_err(&folder.join(rel)))?;
        }
        review::Reviewed::default()
            .save(&staging)
            .map_err(write_err(&folder.join(review::FILE)))
    })();
    if let Err(e) = staged {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }

    // the temporary settings file sits beside the real one (a symbolic link
    // is followed), so that the rename replaces it in one step
    let real_config = std::fs::canonicalize(config_path).unwrap_or(config_path.to_path_buf());
    let temp_config =
        real_config.with_file_name(format!(".{CONFIG_FILE}.add-locale-{}", std::process::id()));
    let written = write_new(&temp_config, new_config.as_bytes()).and_then(|()| {
        let permissions = std::fs::metadata(&real_config)?.permissions();
        std::fs::set_permissions(&temp_config, permissions)
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp_config);
        let _ = std::fs::remove_dir_all(&staging);
        return Err(write_err(config_path)(e));
    }
    if let Err(e) = std::fs::rename(&staging, folder) {
        let _ = std::fs::remove_file(&temp_config);
        let _ = std::fs::remove_dir_all(&staging);
        return Err(write_err(folder)(e));
    }
    if let Err(e) = std::fs::rename(&temp_config, &real_config) {
        let _ = std::fs::remove_file(&temp_config);
        let _ = std::fs::remove_dir_all(folder);
        return Err(write_err(config_path)(e));
    }
    Ok(())
}

/// Creates `path` (never replacing a file) with `bytes`, flushed to disk.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_joins_an_array_on_one_line() {
        let text =
            "# settings\n[project]\n# the source first\nlocales = [\"en\", \"az\"] # keep\nx = 1\n";
        assert_eq!(
            with_locale(text, "uk").unwrap(),
            "# settings\n[project]\n# the source first\nlocales = [\"en\", \"az\", \"uk\"] # keep\nx = 1\n"
        );
        assert_eq!(
            with_locale("[project]\nlocales = [\"en\"]\n", "ky").unwrap(),
            "[project]\nlocales = [\"en\", \"ky\"]\n"
        );
        assert_eq!(
            with_locale("[project]\nlocales = []\n", "ky").unwrap(),
            "[project]\nlocales = [\"ky\"]\n"
        );
    }

    #[test]
    fn a_tag_joins_an_array_of_one_tag_per_line() {
        let text = "[project]\nlocales = [\n    \"en\",  # source\n    \"ru\", # Russian\n]\n";
        assert_eq!(
            with_locale(text, "uk").unwrap(),
            "[project]\nlocales = [\n    \"en\",  # source\n    \"ru\", # Russian\n    \"uk\",\n]\n"
        );
        let text = "[project]\nlocales = [\n  \"en\",\n  \"ru\"\n]\n";
        assert_eq!(
            with_locale(text, "uk").unwrap(),
            "[project]\nlocales = [\n  \"en\",\n  \"ru\",\n  \"uk\"\n]\n"
        );
    }

    #[test]
    fn crlf_line_ends_stay_crlf() {
        let text = "[project]\r\nlocales = [\r\n    \"en\", # source\r\n    \"ru\"\r\n]\r\n";
        assert_eq!(
            with_locale(text, "uk").unwrap(),
            "[project]\r\nlocales = [\r\n    \"en\", # source\r\n    \"ru\",\r\n    \"uk\"\r\n]\r\n"
        );
        let text = "[project]\r\nlocales = [\r\n    \"en\",\r\n    \"ru\", # Russian\r\n]\r\n";
        assert_eq!(
            with_locale(text, "uk").unwrap(),
            "[project]\r\nlocales = [\r\n    \"en\",\r\n    \"ru\", # Russian\r\n    \"uk\",\r\n]\r\n"
        );
    }

    #[test]
    fn a_failed_settings_rename_takes_the_new_folder_away_again() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let locales = root.join("locales");
        let folder = locales.join("uk");
        // a folder where the settings file should be: the last rename fails
        let config = root.join(CONFIG_FILE);
        std::fs::create_dir(&config).unwrap();
        let planned = vec![(PathBuf::from("shared.ftl"), "# x = y\n".to_owned())];
        let err = write_all(root, &locales, &folder, &planned, &config, "new").unwrap_err();
        assert!(
            matches!(&err, AddLocaleError::Write { path, .. } if path == CONFIG_FILE),
            "{err:?}"
        );
        assert!(!folder.exists(), "the new folder is removed again");
        let names = |dir: &Path| {
            let mut n: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            n.sort();
            n
        };
        assert!(names(&locales).is_empty(), "no staging folder is left");
        assert_eq!(
            names(root),
            ["locales", CONFIG_FILE],
            "no temporary file is left"
        );
    }

    #[test]
    fn inline_project_tables_work_and_other_shapes_are_refused() {
        assert_eq!(
            with_locale("project = { locales = [\"en\"] }\n", "uk").unwrap(),
            "project = { locales = [\"en\", \"uk\"] }\n"
        );
        assert!(matches!(
            with_locale("[project]\nlocales = \"en\"\n", "uk"),
            Err(AddLocaleError::ConfigLayout(_))
        ));
    }

    #[test]
    fn tags_are_canonical_and_never_pseudo_or_undetermined() {
        assert_eq!(parse_tag("pt_br").unwrap().tag, "pt-BR");
        assert_eq!(parse_tag("KY").unwrap().tag, "ky");
        for bad in ["", "und", "x", "en-", "ru RU", "../ru", "en-u-nu-arab"] {
            assert!(
                matches!(parse_tag(bad), Err(AddLocaleError::InvalidTag(_))),
                "{bad:?}"
            );
        }
        assert!(matches!(parse_tag("en-xa"), Err(AddLocaleError::Pseudo(t)) if t == "en-XA"));
    }

    #[test]
    fn plural_categories_come_in_cldr_order() {
        let id = |t: &str| t.parse::<LanguageIdentifier>().unwrap();
        assert_eq!(
            plural_categories(&id("uk")).unwrap(),
            ["one", "few", "many", "other"]
        );
        assert_eq!(
            plural_categories(&id("ar")).unwrap(),
            ["zero", "one", "two", "few", "many", "other"]
        );
        assert_eq!(plural_categories(&id("ky")).unwrap(), ["one", "other"]);
    }
}
