//! The command line, as clap derive types. Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::workspace::{Format, Kind};

const EXIT_CODES: &str = "Exit codes:
  0  success
  1  content problems: a failed check, or a build that could not render (or, with --strict, used a fallback or had a warning);
     also a build that found another build writing the same output folder, or could not write it;
     an import whose exchange files have problems (nothing written)
  2  bad usage, or a workspace that cannot be read";

/// Turns awareness-campaign sources into multilingual, print-ready HTML and text.
///
/// A workspace holds pamphlet.toml, campaigns/*.toml, locales/<locale>/*.ftl,
/// templates/ and assets/. Run commands inside it, or pass --root.
#[derive(Debug, Parser)]
#[command(name = "pamphlet", version, after_help = EXIT_CODES)]
pub struct Cli {
    /// Workspace folder
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Print only errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Print every fallback and timing details
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Threads to render with (default: all cores)
    #[arg(short, long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render every campaign × locale × document × format into the output folder
    Build(BuildArgs),
    /// Validate the workspace without writing anything
    Check(CheckArgs),
    /// Show the translation matrix: campaign × locale
    Status(StatusArgs),
    /// Mark a locale's translations as checked against the current source text
    Review(ReviewArgs),
    /// Print one message resolved in a locale (through its fallback chain)
    Format(FormatArgs),
    /// Start a new workspace in DIR
    Init(InitArgs),
    /// Add a campaign skeleton and its source-locale messages
    New(NewArgs),
    /// Add a locale: register it in pamphlet.toml and write skeleton .ftl files to translate
    ///
    /// The tag is added to project.locales (comments and layout of pamphlet.toml kept), and
    /// locales/TAG/ gets one file per source-locale file, with every message and term commented
    /// out (so status counts them missing until they are translated) and the source's comments
    /// kept, plus an empty reviewed.toml. Prints the locale's text direction and plural
    /// categories. Refuses a tag that is invalid, already listed, or whose folder exists.
    #[command(name = "add-locale")]
    AddLocale(AddLocaleArgs),
    /// Write a locale's messages as an XLIFF 2 or PO file for translators' tools
    ///
    /// One unit per message and attribute, one segment per variant (plural
    /// variants in the locale's own CLDR categories), placeables as protected codes,
    /// comments, length limits and where each message is printed as notes, and the
    /// review state (missing, unreviewed, stale, reviewed). Writes DIR/LOCALE.xlf (or .po).
    Export(ExportArgs),
    /// Merge translated XLIFF 2 or PO files back into locales/<locale>/*.ftl
    ///
    /// Every file is checked first (its locale, ids, variant keys, placeables); on any
    /// problem nothing is written and the command exits with 1. Only the messages whose
    /// text changed are rewritten; every other byte of the .ftl files stays as it was.
    /// Segments marked reviewed/final (XLIFF) or not fuzzy (PO) are recorded in
    /// reviewed.toml.
    Import(ImportArgs),
    /// Build, serve the output folder on this machine, and rebuild and reload on every change
    ///
    /// Watches pamphlet.toml, campaigns/, locales/, templates/, assets/ and fonts/. After each
    /// build the pages whose files changed reload (keeping their scroll position); when a build
    /// fails, the last good pages stay and every open page shows the errors. / is the review page.
    /// Stop with Ctrl-C.
    Serve(ServeArgs),
    /// Print the licences of third-party material built into pamphlet: the icon set of the pictograms
    ///
    /// The built-in pictograms (docs/campaign-format.md, "Pictograms") are icons of the Lucide set;
    /// their licence asks that its notice go with every copy, so the binary carries it.
    Licences,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExchangeFormat {
    Xliff,
    Po,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportOnly {
    /// Messages not translated yet
    Missing,
    /// Translations whose source text changed since they were reviewed
    Stale,
    /// Every message
    All,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The locale to export (repeatable; default: every translation locale)
    #[arg(long = "locale", value_name = "TAG")]
    pub locales: Vec<String>,
    /// File format
    #[arg(long, value_enum, default_value = "xliff")]
    pub format: ExchangeFormat,
    /// Which messages
    #[arg(long, value_enum, default_value = "all")]
    pub only: ExportOnly,
    /// Folder to write into, created if missing (default: exchange/ in the workspace)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Translated .xlf/.xliff or .po files (one per locale)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Check the files and tell what would change, without writing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Only this campaign (repeatable)
    #[arg(long = "campaign", value_name = "ID")]
    pub campaigns: Vec<String>,
    /// Only this locale (repeatable; also the pseudo-locales en-XA and ar-XB, generated from the source)
    #[arg(long = "locale", value_name = "TAG")]
    pub locales: Vec<String>,
    /// Only this format (repeatable; default: the formats in pamphlet.toml)
    #[arg(long = "format", value_name = "FORMAT")]
    pub formats: Vec<Format>,
    /// Output folder (default: project.output, normally out/)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Fail (exit 1, output untouched) on any fallback or warning
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Only this locale (repeatable; also the pseudo-locales en-XA and ar-XB, generated from the source)
    #[arg(long = "locale", value_name = "TAG")]
    pub locales: Vec<String>,
    /// How to print the findings
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// Exit 1 on warnings too
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Only this locale (repeatable; the pseudo-locales en-XA and ar-XB may be named)
    #[arg(long = "locale", value_name = "TAG")]
    pub locales: Vec<String>,
    /// How to print the matrix
    #[arg(long, value_enum, default_value = "table")]
    pub format: StatusFormat,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The locale whose translations were checked
    pub locale: String,
    /// Only these messages (repeatable; default: every translated message)
    #[arg(long = "message", value_name = "ID")]
    pub messages: Vec<String>,
}

#[derive(Debug, Args)]
pub struct FormatArgs {
    /// The locale, e.g. az (or a pseudo-locale: en-XA, ar-XB)
    pub locale: String,
    /// The message id, or id.attribute
    pub id: String,
    /// Pass this campaign's variables, as a build does (project and campaign [vars], valid-as-of,
    /// edition, and the args of the first block that prints the message); --arg overrides them
    #[arg(long, value_name = "ID")]
    pub campaign: Option<String>,
    /// An argument for the message (repeatable); numbers are passed as numbers
    #[arg(long = "arg", value_name = "NAME=VALUE")]
    pub args: Vec<String>,
    /// Print without the bidi isolation marks (U+2068, U+2069) Fluent puts around placeables.
    /// They are left out anyway when stdout is a terminal, and kept when it is a pipe or a file
    #[arg(long)]
    pub plain: bool,
}

#[derive(Debug, Args)]
pub struct AddLocaleArgs {
    /// The new locale's BCP 47 tag, e.g. ky, uk, az-Cyrl or pt-BR (written in canonical form)
    pub tag: String,
    /// Use this project locale's translations as the commented hints instead of the source text
    /// (e.g. --from ru for uk); messages it lacks get the source text
    #[arg(long, value_name = "LOCALE")]
    pub from: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Port to listen on (0: any free port)
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Address to listen on; anything but a loopback address shares the preview with your network
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the review page in the default browser once it is built
    #[arg(long)]
    pub open: bool,
    /// Milliseconds without a change before a rebuild (one rebuild for a burst of saves)
    #[arg(long, value_name = "MS", default_value_t = crate::serve::DEFAULT_DEBOUNCE.as_millis() as u64)]
    pub debounce: u64,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to create (must be empty or missing)
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Campaign id: lowercase letters, digits and '-' (it becomes a folder name)
    pub id: String,
    /// Kind of its first document
    #[arg(long, value_enum, default_value = "flyer")]
    pub kind: KindArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Flyer,
    Leaflet,
    Brochure,
    Slides,
    Video,
    Sms,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Flyer => Kind::Flyer,
            KindArg::Leaflet => Kind::Leaflet,
            KindArg::Brochure => Kind::Brochure,
            KindArg::Slides => Kind::Slides,
            KindArg::Video => Kind::Video,
            KindArg::Sms => Kind::Sms,
        }
    }
}
