//! The workspace stage: `pamphlet.toml`, `campaigns/*.toml` and the assets
//! they reference, read from disk into a typed, validated [`Workspace`].
//!
//! This is the only stage that reads campaign files and assets; everything
//! after it works on the model. Problems in the files are collected as
//! diagnostics; only an unreadable workspace is an `Err`.

pub mod campaign;
pub mod config;
pub mod locale_id;
pub mod paper;
pub mod pdf;
pub mod slug;
pub mod subtitles;
pub mod theme;
pub mod tomlfile;
pub mod values;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use campaign::{Block, Campaign, ContactValue, Document, Tone};
pub use config::{Config, Format, Locale};
pub use locale_id::{LocaleId, PerLocale};
pub use paper::{Kind, Paper};
pub use values::{MessageRef, Text, VarValue, Vars};

use crate::diagnostics::Diagnostic;
use crate::source::{self, display_path};
use tomlfile::TomlFile;

/// The name of the project settings file that marks a workspace root.
pub const CONFIG_FILE: &str = "pamphlet.toml";
/// Largest asset embedded into a document.
pub const MAX_ASSET_BYTES: u64 = 8 * 1024 * 1024;

/// Problems that make the workspace unusable as a whole (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(
        "{0} has no {CONFIG_FILE}; run `pamphlet init DIR` to start a workspace, or pass --root"
    )]
    NotAWorkspace(String),
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{CONFIG_FILE} is invalid")]
    Config(Vec<Diagnostic>),
}

/// An asset a campaign references, read into memory.
#[derive(Debug, Clone)]
pub struct Asset {
    pub bytes: Vec<u8>,
    pub media_type: &'static str,
    /// The asset as a `data:` URI, computed once for every document that embeds it.
    pub data_uri: String,
}

#[derive(Debug)]
pub struct Workspace {
    pub root: PathBuf,
    pub config: Config,
    /// The text of `pamphlet.toml`, for build fingerprints.
    pub config_text: String,
    /// Campaigns that parsed, sorted by id.
    pub campaigns: Vec<Campaign>,
    /// Campaign files that did not read or parse (the load's diagnostics
    /// say why): which messages they print is not known.
    pub campaigns_unread: Vec<String>,
    /// Assets by their path under `assets/`.
    pub assets: BTreeMap<String, Asset>,
    /// QR codes (SVG `data:` URIs) of the links campaigns print with `qr = true`, by URL.
    pub qr_codes: BTreeMap<String, String>,
}

impl Workspace {
    pub fn locales_dir(&self) -> PathBuf {
        self.root.join("locales")
    }

    pub fn templates_dir(&self) -> PathBuf {
        self.root.join("templates")
    }
}

/// Reads a file as UTF-8 text, turning encoding problems into a diagnostic.
pub fn read_text(root: &Path, path: &Path) -> Result<Result<String, Diagnostic>, WorkspaceError> {
    let bytes = std::fs::read(path).map_err(|source| WorkspaceError::Io {
        path: display_path(root, path),
        source,
    })?;
    Ok(source::decode(bytes).map_err(|e| {
        let p = e.position();
        Diagnostic::error("encoding", e.to_string()).at(display_path(root, path), p, None)
    }))
}

/// `pamphlet.toml`, read and parsed: what every command reads first.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    /// As read (decoded), for build fingerprints.
    pub text: String,
    pub config: Config,
}

/// Reads and parses `pamphlet.toml` at `root`.
pub fn read_config(root: &Path) -> Result<ConfigFile, WorkspaceError> {
    let config_path = root.join(CONFIG_FILE);
    if !config_path.is_file() {
        return Err(WorkspaceError::NotAWorkspace(root.display().to_string()));
    }
    let text = read_text(root, &config_path)?.map_err(|d| WorkspaceError::Config(vec![d]))?;
    let config = config::parse(&TomlFile::new(CONFIG_FILE.into(), text.clone()))
        .map_err(WorkspaceError::Config)?;
    Ok(ConfigFile { text, config })
}

/// Loads the workspace at `root`. Campaign problems are returned as
/// diagnostics next to the campaigns that loaded.
pub fn load(root: &Path) -> Result<(Workspace, Vec<Diagnostic>), WorkspaceError> {
    load_from(root, read_config(root)?)
}

/// [`load`], with `pamphlet.toml` read already.
pub fn load_from(
    root: &Path,
    config: ConfigFile,
) -> Result<(Workspace, Vec<Diagnostic>), WorkspaceError> {
    let ConfigFile {
        text: config_text,
        config,
    } = config;
    let mut diags = Vec::new();
    let mut campaigns = Vec::new();
    let mut campaigns_unread = Vec::new();
    let dir = root.join("campaigns");
    for path in toml_files(&dir).map_err(|source| WorkspaceError::Io {
        path: "campaigns".into(),
        source,
    })? {
        let display = display_path(root, &path);
        let text = match read_text(root, &path)? {
            Ok(t) => t,
            Err(d) => {
                diags.push(d);
                campaigns_unread.push(display);
                continue;
            }
        };
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match campaign::parse(&TomlFile::new(display.clone(), text), &id, &config.vars) {
            Ok(c) => campaigns.push(c),
            Err(d) => {
                diags.extend(d);
                campaigns_unread.push(display);
            }
        }
    }
    if campaigns.is_empty() && diags.is_empty() {
        diags.push(
            Diagnostic::warning("campaign-none", "the workspace has no campaigns")
                .in_file("campaigns")
                .with_hint("run `pamphlet new ID` to add one"),
        );
    }

    let assets = load_assets(root, &campaigns, config.theme.logo.as_deref(), &mut diags);
    let qr_codes = qr_codes(&campaigns, &mut diags);
    let ws = Workspace {
        root: root.to_path_buf(),
        config,
        config_text,
        qr_codes,
        campaigns,
        campaigns_unread,
        assets,
    };
    Ok((ws, diags))
}

/// A QR code for every link printed with `qr = true`, made once per URL.
fn qr_codes(campaigns: &[Campaign], diags: &mut Vec<Diagnostic>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for campaign in campaigns {
        for block in campaign
            .documents
            .iter()
            .flat_map(|d| d.surfaces.iter().flatten())
        {
            let Block::Link { url, qr: true, .. } = block else {
                continue;
            };
            if out.contains_key(url) {
                continue;
            }
            match qrcode::QrCode::new(url.as_bytes()) {
                Ok(code) => {
                    let svg = code
                        .render::<qrcode::render::svg::Color>()
                        .min_dimensions(96, 96)
                        .build();
                    out.insert(
                        url.clone(),
                        crate::datauri::encode("image/svg+xml", svg.as_bytes()),
                    );
                }
                Err(e) => diags.push(
                    Diagnostic::error("qr", format!("no QR code can hold {url}: {e}"))
                        .in_file(campaign.file.clone())
                        .with_hint("use a shorter address, or set qr = false"),
                ),
            }
        }
    }
    out
}

/// `*.toml` files directly inside `dir`, sorted by name; none if `dir` is missing.
fn toml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn media_type(path: &str) -> Option<&'static str> {
    let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        _ => return None,
    })
}

/// Reads every asset the campaigns and the theme (`logo`) reference,
/// refusing anything that resolves outside `assets/` (through `..` or a
/// symlink) or is not an image.
fn load_assets(
    root: &Path,
    campaigns: &[Campaign],
    theme_logo: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Asset> {
    let mut assets = BTreeMap::new();
    let assets_dir = root.join("assets");
    let canonical_dir = assets_dir.canonicalize().ok();
    let wanted =
        theme_logo
            .map(|l| (l, "pamphlet.toml"))
            .into_iter()
            .chain(campaigns.iter().flat_map(|c| {
                c.documents
                    .iter()
                    .flat_map(|d| d.surfaces.iter().flatten())
                    .flat_map(|b| b.assets().into_iter().map(|a| (a, c.file.as_str())))
            }));
    for (rel, file) in wanted {
        if assets.contains_key(rel) {
            continue;
        }
        let problem = |msg: String, hint: &str| {
            Diagnostic::error("asset", msg)
                .in_file(file.to_owned())
                .with_hint(hint.to_owned())
        };
        let Some(media_type) = media_type(rel) else {
            diags.push(problem(
                format!("asset '{rel}' is not an SVG, PNG, JPEG, WebP or GIF image"),
                "convert the image to one of these formats",
            ));
            continue;
        };
        let path = assets_dir.join(rel);
        let inside = match (path.canonicalize(), &canonical_dir) {
            (Ok(p), Some(dir)) => p.starts_with(dir),
            _ => {
                diags.push(problem(
                    format!("asset '{rel}' does not exist in assets/"),
                    "put the file in the assets/ folder or fix the path",
                ));
                continue;
            }
        };
        if !inside {
            diags.push(problem(
                format!("asset '{rel}' leads outside assets/ (through a symbolic link)"),
                "copy the file into assets/ instead of linking to it",
            ));
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.len() > MAX_ASSET_BYTES => {
                diags.push(problem(
                    format!("asset '{rel}' is larger than 8 MiB"),
                    "reduce the image before embedding it",
                ));
                continue;
            }
            _ => {}
        }
        match std::fs::read(&path) {
            Ok(bytes) => {
                let data_uri = crate::datauri::encode(media_type, &bytes);
                assets.insert(
                    rel.to_owned(),
                    Asset {
                        bytes,
                        media_type,
                        data_uri,
                    },
                );
            }
            Err(e) => diags.push(problem(
                format!("cannot read asset '{rel}': {e}"),
                "check the file's permissions",
            )),
        }
    }
    assets
}
