//! Review records (`locales/<locale>/reviewed.toml`): for each translated
//! message, a hash of the source text it was translated from. A translation
//! whose source text no longer has that hash is *stale*. `pamphlet review`
//! writes the records; `check` and `status` read them.

use std::collections::BTreeMap;
use std::path::Path;

use super::Catalog;

/// The record's file name inside each locale folder.
pub const FILE: &str = "reviewed.toml";

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reviewed {
    #[serde(default)]
    pub reviewed: BTreeMap<String, String>,
}

impl Reviewed {
    /// Reads `<locale_dir>/reviewed.toml`; a missing file is an empty record.
    pub fn load(locale_dir: &Path) -> Result<Reviewed, String> {
        let path = locale_dir.join(FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                toml::from_str(&text).map_err(|e| format!("{FILE}: {}", e.message().trim()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Reviewed::default()),
            Err(e) => Err(format!("{FILE}: {e}")),
        }
    }

    pub fn save(&self, locale_dir: &Path) -> std::io::Result<()> {
        let body = toml::to_string(self).expect("a map of strings serializes");
        let text = format!(
            "# Written by `pamphlet review`: a hash of the source text each translation\n# was last checked against. Commit it with the translations.\n{body}"
        );
        std::fs::write(locale_dir.join(FILE), text)
    }
}

/// A short, stable hash of a source entry's text (id line to the next entry,
/// without trailing comments and blank lines, line ends normalized).
pub fn source_hash(entry_text: &str) -> String {
    let mut lines: Vec<&str> = entry_text.lines().map(str::trim_end).collect();
    while lines
        .last()
        .is_some_and(|l| l.is_empty() || l.starts_with('#'))
    {
        lines.pop();
    }
    crate::output::sha256_hex(lines.join("\n").as_bytes())[..16].to_owned()
}

/// Is the translation of `id` in `locale` stale: reviewed against a source
/// text that has changed since?
pub fn is_stale(catalog: &Catalog, locale: usize, id: &str) -> bool {
    let Some(hash) = catalog.locales[locale].reviewed.get(id) else {
        return false;
    };
    catalog.locales[catalog.source]
        .entry_text(id)
        .is_some_and(|t| source_hash(t) != *hash)
}

#[cfg(test)]
mod tests {
    use super::source_hash;

    #[test]
    fn hash_ignores_trailing_comments_and_line_endings() {
        let a = source_hash("a = x\n    y\n\n# next entry's comment\n");
        assert_eq!(a, source_hash("a = x\r\n    y\r\n"));
        assert_ne!(a, source_hash("a = x\n    z\n"));
        assert_eq!(a.len(), 16);
    }
}
