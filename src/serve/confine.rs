//! Which file a request path names, if any: the only way the preview server
//! finds a file to send. A path is decoded once, split on `/`, and refused
//! when any segment could leave the output folder or hide in it (`..`, `.`,
//! a dot-file, a backslash, a NUL, an empty segment between slashes); the
//! file found is then resolved (symlinks followed) and must still lie inside
//! the output folder, resolved the same way. A folder is served only through
//! its `index.html`: there is no directory listing.

use std::path::{Path, PathBuf};

/// Why a request path names no file to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// The path tries to leave the output folder or to reach a hidden file.
    #[error("the path leaves the output folder or names a hidden file")]
    Outside,
    /// Nothing (or a folder without `index.html`) is there.
    #[error("no such page")]
    Missing,
}

/// The `/`-separated path, relative to the output folder, that a request's
/// URL path names (`/` and folders name their `index.html`); still unchecked
/// against the disk.
pub fn relative(url_path: &str) -> Result<String, Refused> {
    let decoded = percent_encoding::percent_decode_str(url_path)
        .decode_utf8()
        .map_err(|_| Refused::Outside)?;
    let trimmed = decoded.strip_prefix('/').ok_or(Refused::Outside)?;
    let folder = trimmed.is_empty() || trimmed.ends_with('/');
    let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
    let mut segments = Vec::new();
    if !trimmed.is_empty() {
        for segment in trimmed.split('/') {
            let bad = segment.is_empty()
                || segment.starts_with('.')
                || segment.contains(['\\', '\0', ':']);
            if bad {
                return Err(Refused::Outside);
            }
            segments.push(segment);
        }
    }
    if folder {
        segments.push("index.html");
    }
    Ok(segments.join("/"))
}

/// The file under `out` that `rel` (from [`relative`]) names, resolved: a
/// folder gives its `index.html`, and whatever is found must resolve inside
/// `out` itself.
pub fn resolve(out: &Path, rel: &str) -> Result<PathBuf, Refused> {
    let root = out.canonicalize().map_err(|_| Refused::Missing)?;
    let mut found = root
        .join(rel)
        .canonicalize()
        .map_err(|_| Refused::Missing)?;
    if !found.starts_with(&root) {
        return Err(Refused::Outside);
    }
    if found.is_dir() {
        found = found
            .join("index.html")
            .canonicalize()
            .map_err(|_| Refused::Missing)?;
        if !found.starts_with(&root) {
            return Err(Refused::Outside);
        }
    }
    if found.is_file() {
        Ok(found)
    } else {
        Err(Refused::Missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_and_folders() {
        assert_eq!(relative("/").unwrap(), "index.html");
        assert_eq!(
            relative("/rights/ru/flyer.html").unwrap(),
            "rights/ru/flyer.html"
        );
        assert_eq!(relative("/rights/ru/").unwrap(), "rights/ru/index.html");
        assert_eq!(relative("/a%20b.html").unwrap(), "a b.html");
    }

    #[test]
    fn refuses_climbing_and_hidden_segments() {
        for bad in [
            "/..",
            "/../secret",
            "/rights/../../etc/passwd",
            "/%2e%2e/secret",
            "/%2E%2E%2Fsecret",
            "/rights/%2e%2e%2f%2e%2e/x",
            "/.pamphlet-cache.json",
            "/a//b",
            "/a\\..\\b",
            "/a%5c..%5cb",
            "/a%00.html",
            "/C:/x",
            "relative",
            "/%ff",
        ] {
            assert_eq!(relative(bad), Err(Refused::Outside), "{bad}");
        }
    }

    #[test]
    fn resolves_inside_and_refuses_symlinks_out() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        std::fs::create_dir_all(out.join("c/ru")).unwrap();
        std::fs::write(out.join("index.html"), "home").unwrap();
        std::fs::write(out.join("c/ru/d.html"), "page").unwrap();
        std::fs::write(tmp.path().join("secret.txt"), "secret").unwrap();
        let found = resolve(&out, "c/ru/d.html").unwrap();
        assert_eq!(std::fs::read_to_string(found).unwrap(), "page");
        assert_eq!(
            resolve(&out, "index.html").unwrap().file_name().unwrap(),
            "index.html"
        );
        // a folder without index.html is not listed
        assert_eq!(resolve(&out, "c/ru"), Err(Refused::Missing));
        assert_eq!(resolve(&out, "nothing.html"), Err(Refused::Missing));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("secret.txt"), out.join("leak.txt"))
                .unwrap();
            std::os::unix::fs::symlink(tmp.path(), out.join("c/up")).unwrap();
            assert_eq!(resolve(&out, "leak.txt"), Err(Refused::Outside));
            assert_eq!(resolve(&out, "c/up/secret.txt"), Err(Refused::Outside));
            // a symlink that stays inside is fine
            std::os::unix::fs::symlink(out.join("c/ru/d.html"), out.join("alias.html")).unwrap();
            assert!(resolve(&out, "alias.html").is_ok());
        }
    }

    #[test]
    fn a_missing_output_folder_is_missing_not_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        assert_eq!(
            resolve(&tmp.path().join("out"), "index.html"),
            Err(Refused::Missing)
        );
    }
}
