//! Review records (`locales/<locale>/reviewed.toml`): for each translated
//! message and term, the source text its translation was last reviewed
//! against, as the source `.ftl` file writes it (value and attributes, see
//! [`quote::value_lines`]). `pamphlet review` writes the records; `check`,
//! `status` and the review page read them.
//!
//! A translation is *stale* when the source text differs from its record
//! (indentation and trailing blanks aside), and *unreviewed* when it has no
//! record: then nothing can tell whether it still matches the source.
//!
//! Files written before the text was kept hold, under `[reviewed]`, a short
//! hash of the source entry instead. They are still read: the hash decides
//! staleness, but the old text cannot be shown; the next `review` of the
//! message replaces the hash with the text.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Catalog, quote};
use crate::diagnostics::Diagnostic;
use crate::source::{self, LineIndex};
use crate::workspace::LocaleId;

/// The record's file name inside each locale folder.
pub const FILE: &str = "reviewed.toml";

/// What a translation was reviewed against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// The source text (value and attributes, lines joined with `\n`).
    Text(String),
    /// A hash of the source entry only ([`source_hash`]), from an older file.
    Hash(String),
}

impl Record {
    /// Was the translation reviewed against this source entry text?
    pub fn matches(&self, entry_text: &str) -> bool {
        match self {
            Record::Text(reviewed) => {
                reviewed
                    .split('\n')
                    .map(str::trim)
                    .eq(quote::value_lines(entry_text).into_iter().map(str::trim))
            }
            Record::Hash(hash) => source_hash(entry_text) == *hash,
        }
    }

    /// The source text reviewed, when the record keeps it.
    pub fn text(&self) -> Option<&str> {
        match self {
            Record::Text(t) => Some(t),
            Record::Hash(_) => None,
        }
    }
}

/// One locale's records, by message id (`id`) or term id (`-id`).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Reviewed {
    pub records: BTreeMap<String, Record>,
}

/// The file's layout: `[source]` holds texts, `[reviewed]` older hashes.
#[derive(Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileFormat {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    source: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    reviewed: BTreeMap<String, String>,
}

impl Reviewed {
    /// Reads `<locale_dir>/reviewed.toml`; a missing file is an empty record.
    /// `display` is the file's workspace-relative path, for diagnostics.
    pub fn load(locale_dir: &Path, display: &str) -> Result<Reviewed, Diagnostic> {
        let cannot_read = |e: &dyn std::fmt::Display| {
            Diagnostic::error("reviewed-file", format!("cannot read {display}: {e}"))
                .in_file(display)
        };
        let bytes = match std::fs::read(locale_dir.join(FILE)) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Reviewed::default());
            }
            Err(e) => return Err(cannot_read(&e)),
        };
        let text = source::decode(bytes).map_err(|e| {
            Diagnostic::error("reviewed-file", e.to_string()).at(display, e.position(), None)
        })?;
        Reviewed::parse(display, &text)
    }

    /// Parses the text of a `reviewed.toml`.
    pub fn parse(display: &str, text: &str) -> Result<Reviewed, Diagnostic> {
        let file: FileFormat = toml::from_str(text).map_err(|e| {
            let d = Diagnostic::error(
                "reviewed-file",
                format!("{display} is not a valid review record: {}", e.message().trim()),
            );
            let d = match e.span() {
                Some(span) => d.at_offset(display, text, &LineIndex::new(text), span.start),
                None => d.in_file(display),
            };
            d.with_hint(
                "it holds `[source]` with `id = \"source text\"` lines; fix it, or delete it and run `pamphlet review` again after checking the translations",
            )
        })?;
        let mut records: BTreeMap<String, Record> = file
            .reviewed
            .into_iter()
            .map(|(id, hash)| (id, Record::Hash(hash)))
            .collect();
        // a text recorded later wins over an old hash of the same message
        records.extend(file.source.into_iter().map(|(id, t)| (id, Record::Text(t))));
        Ok(Reviewed { records })
    }

    pub fn get(&self, id: &str) -> Option<&Record> {
        self.records.get(id)
    }

    /// Records `id` as reviewed against the source entry `entry_text`.
    pub fn record(&mut self, id: &str, entry_text: &str) {
        self.records
            .insert(id.to_owned(), Record::Text(quote::value_text(entry_text)));
    }

    /// The file's text: a header, then `[source]` (and `[reviewed]` for the
    /// hashes of older files not reviewed again since).
    pub fn to_toml(&self) -> String {
        let mut file = FileFormat::default();
        for (id, r) in &self.records {
            match r {
                Record::Text(t) => file.source.insert(id.clone(), t.clone()),
                Record::Hash(h) => file.reviewed.insert(id.clone(), h.clone()),
            };
        }
        let body = toml::to_string(&file).expect("maps of strings serialize");
        format!(
            "# Written by `pamphlet review`: the source text each translation was last\n\
             # reviewed against. `pamphlet check` reports a translation as stale when its\n\
             # source text differs. Commit this file with the translations.\n\n{body}"
        )
    }

    /// Writes `<locale_dir>/reviewed.toml` (through a temporary file, so that
    /// an interrupted write leaves the previous record).
    pub fn save(&self, locale_dir: &Path) -> std::io::Result<()> {
        let tmp = locale_dir.join(format!(".{FILE}.{}.tmp", std::process::id()));
        std::fs::write(&tmp, self.to_toml())?;
        std::fs::rename(&tmp, locale_dir.join(FILE)).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }
}

/// A short, stable hash of a source entry's text (id line to the next entry,
/// without trailing comments and blank lines, line ends normalized): what
/// older files recorded.
pub fn source_hash(entry_text: &str) -> String {
    let mut lines: Vec<&str> = entry_text.lines().map(str::trim_end).collect();
    while lines
        .last()
        .is_some_and(|l| l.is_empty() || l.starts_with('#'))
    {
        lines.pop();
    }
    crate::hash::sha256_hex(lines.join("\n").as_bytes())[..16].to_owned()
}

/// Where a translation stands against the source it was reviewed against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Review<'a> {
    /// No record: never reviewed.
    Unreviewed,
    /// Reviewed against today's source text.
    Current,
    /// Reviewed against a source text that has changed since.
    Stale(&'a Record),
}

/// How the translation of `id` in `locale` was reviewed; `None` when the
/// source or the locale lacks the entry, or for the source locale and
/// pseudo-locales (nothing to review).
pub fn review<'c>(catalog: &'c Catalog, locale: LocaleId, id: &str) -> Option<Review<'c>> {
    let data = &catalog.locales[locale];
    if locale == catalog.source || data.pseudo || !data.index.contains_key(id) {
        return None;
    }
    let source = catalog.locales[catalog.source].entry_text(id)?;
    Some(match data.reviewed.get(id) {
        None => Review::Unreviewed,
        Some(r) if r.matches(source) => Review::Current,
        Some(r) => Review::Stale(r),
    })
}

/// Is the translation of `id` in `locale` stale: reviewed against a source
/// text that has changed since?
pub fn is_stale(catalog: &Catalog, locale: LocaleId, id: &str) -> bool {
    matches!(review(catalog, locale, id), Some(Review::Stale(_)))
}

/// A stale translation, with the source text then and now (value and
/// attributes as the source file writes them), for `status --format json`
/// and the review page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaleMessage {
    pub id: String,
    /// The source text the translation was reviewed against; `null` when the
    /// record is a hash from an older `reviewed.toml`.
    pub reviewed: Option<String>,
    /// The source text now.
    pub source: String,
}

/// The stale translation of `id` in `locale`, if it is stale.
pub fn stale_message(catalog: &Catalog, locale: LocaleId, id: &str) -> Option<StaleMessage> {
    let Some(Review::Stale(record)) = review(catalog, locale, id) else {
        return None;
    };
    Some(StaleMessage {
        id: id.to_owned(),
        reviewed: record.text().map(str::to_owned),
        source: quote::value_text(catalog.locales[catalog.source].entry_text(id)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_trailing_comments_and_line_endings() {
        let a = source_hash("a = x\n    y\n\n# next entry's comment\n");
        assert_eq!(a, source_hash("a = x\r\n    y\r\n"));
        assert_ne!(a, source_hash("a = x\n    z\n"));
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn a_text_record_matches_its_source_whatever_the_indentation() {
        let mut r = Reviewed::default();
        r.record(
            "a",
            "a = Apply within { $days ->\n    [one] day\n   *[other] days\n}\n\n# next\n",
        );
        let rec = r.get("a").unwrap();
        assert_eq!(
            rec.text(),
            Some("Apply within { $days ->\n    [one] day\n   *[other] days\n}")
        );
        assert!(rec.matches(
            "a =\r\n  Apply within { $days ->\r\n        [one] day\r\n       *[other] days\r\n  }\r\n"
        ));
        assert!(!rec.matches("a = Apply within { $days ->\n    [one] day\n   *[other] weeks\n}\n"));
    }

    #[test]
    fn old_files_with_hashes_are_read_and_kept_until_reviewed_again() {
        let old = "# Written by `pamphlet review`\n[reviewed]\na = \"cd0e6fa1ed16af3b\"\nb = \"0000000000000000\"\n";
        let mut r = Reviewed::parse("locales/ru/reviewed.toml", old).unwrap();
        assert_eq!(r.get("a"), Some(&Record::Hash("cd0e6fa1ed16af3b".into())));
        assert!(Record::Hash(source_hash("a = x")).matches("a = x\n\n# comment"));
        r.record("a", "a = x");
        let text = r.to_toml();
        assert!(
            text.ends_with("[source]\na = \"x\"\n\n[reviewed]\nb = \"0000000000000000\"\n"),
            "{text}"
        );
        assert_eq!(Reviewed::parse("f", &text).unwrap(), r);
    }

    #[test]
    fn texts_round_trip_through_the_file_whatever_they_hold() {
        let mut r = Reviewed::default();
        r.record(
            "multi",
            "multi = { $n ->\n    [one] \"one\" \\ '''\n   *[other] \"\"\" many\n}",
        );
        r.record("-term", "-term = Ünïcödé\t{ \"\\u00A0\" }");
        let text = r.to_toml();
        assert_eq!(Reviewed::parse("f", &text).unwrap(), r, "{text}");
    }

    #[test]
    fn a_broken_file_is_an_error_at_its_line_and_column() {
        let e = Reviewed::parse("locales/ru/reviewed.toml", "[source]\na = \"x\"\nb = x\n")
            .unwrap_err();
        let at = e.location.unwrap();
        assert_eq!(at.file, "locales/ru/reviewed.toml");
        assert_eq!(at.position.map(|p| (p.line, p.col)), Some((3, 5)));
        assert!(
            e.message
                .starts_with("locales/ru/reviewed.toml is not a valid review record: "),
            "{}",
            e.message
        );
        let e = Reviewed::parse("f", "[sources]\n").unwrap_err();
        assert!(
            e.message.contains("unknown field `sources`"),
            "{}",
            e.message
        );
    }
}
