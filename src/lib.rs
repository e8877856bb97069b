//! pamphlet: awareness-campaign sources → localized, print-ready HTML and text.
//!
//! The pipeline, one stage per module, each taking the previous stage's value:
//!
//! 1. [`workspace`] reads `pamphlet.toml`, `campaigns/*.toml` and assets into a typed model;
//! 2. [`locale`] parses every `.ftl` file once into one thread-safe bundle per locale;
//! 3. [`render`] localizes each document × locale and renders it with the Tera
//!    templates, compiled once, in parallel, without touching the disk; [`pdf`]
//!    lays the `pdf/*.typ` templates' output out with Typst into PDF;
//! 4. [`output`] is the only writer of `out/`: staging folder, manifest, index,
//!    build cache, atomic swap.
//!
//! [`pipeline`] holds what every command shares (loading, planning, the
//! parallel render loop); [`build`] drives the stages through a whole build
//! and returns what happened (reuse and carry-over through [`incremental`]).
//! [`cmd`] holds the subcommands, the only code that prints and picks exit
//! codes; [`diagnostics`] the shape and printing of every problem reported
//! to a person.

pub mod add_locale;
pub mod build;
pub(crate) mod channel;
pub mod checks;
pub mod cli;
pub mod cmd;
pub(crate) mod datauri;
pub mod diagnostics;
pub mod exchange;
pub mod hash;
pub mod icons;
pub(crate) mod incremental;
pub(crate) mod literal;
pub mod locale;
pub(crate) mod model;
pub mod output;
pub(crate) mod pdf;
pub mod pipeline;
pub mod render;
pub(crate) mod serve;
pub mod sms;
pub mod source;
pub(crate) mod status;
pub mod subtitles;
pub mod workspace;
pub mod wrap;
