//! The template engine, built once per run: the default templates embedded in
//! the binary, replaced or extended by the workspace's `templates/` folder, and
//! the filters the text templates need.
//!
//! Reading the override files happens here, before any rendering starts;
//! rendering itself never touches the disk.

use std::path::Path;

use tera::{Context, ErrorKind, Kwargs, State, Tera, TeraResult};

use super::{attrs, markup};
use crate::diagnostics::Diagnostic;
use crate::source::{Position, display_path};
use crate::workspace::{self, WorkspaceError};
use crate::wrap;

/// The default templates, by name. A workspace file `templates/<name>` replaces one.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("html/base.html", include_str!("templates/html/base.html")),
    ("html/style.html", include_str!("templates/html/style.html")),
    (
        "html/blocks.html",
        include_str!("templates/html/blocks.html"),
    ),
    ("html/flyer.html", include_str!("templates/html/flyer.html")),
    (
        "html/leaflet.html",
        include_str!("templates/html/leaflet.html"),
    ),
    (
        "html/brochure.html",
        include_str!("templates/html/brochure.html"),
    ),
    (
        "html/slides.html",
        include_str!("templates/html/slides.html"),
    ),
    ("txt/base.txt", include_str!("templates/txt/base.txt")),
    ("txt/blocks.txt", include_str!("templates/txt/blocks.txt")),
    ("txt/flyer.txt", include_str!("templates/txt/flyer.txt")),
    ("txt/leaflet.txt", include_str!("templates/txt/leaflet.txt")),
    (
        "txt/brochure.txt",
        include_str!("templates/txt/brochure.txt"),
    ),
    ("txt/slides.txt", include_str!("templates/txt/slides.txt")),
    ("pdf/base.typ", include_str!("templates/pdf/base.typ")),
    ("pdf/blocks.typ", include_str!("templates/pdf/blocks.typ")),
    ("pdf/cover.typ", include_str!("templates/pdf/cover.typ")),
    ("pdf/flyer.typ", include_str!("templates/pdf/flyer.typ")),
    ("pdf/leaflet.typ", include_str!("templates/pdf/leaflet.typ")),
    (
        "pdf/brochure.typ",
        include_str!("templates/pdf/brochure.typ"),
    ),
    ("pdf/slides.typ", include_str!("templates/pdf/slides.typ")),
    ("index.html", include_str!("templates/index.html")),
];

/// Column width of the text format.
pub const TEXT_WIDTH: usize = 72;

pub struct Engine {
    tera: Tera,
    /// Every template, built-in or the workspace's.
    sources: Vec<TemplateSource>,
}

/// One template as the engine compiled it.
#[derive(Debug, Clone)]
pub struct TemplateSource {
    /// Its name, as templates include or extend it (`html/base.html`).
    pub name: String,
    pub text: String,
    /// Whether the workspace's `templates/` folder replaces or adds it.
    pub overridden: bool,
}

impl TemplateSource {
    fn builtin((name, text): &(&str, &str)) -> TemplateSource {
        TemplateSource {
            name: name.to_string(),
            text: text.to_string(),
            overridden: false,
        }
    }
}

impl Engine {
    /// Builds the engine from the defaults and the `.html`/`.txt` files under
    /// `overrides` (the workspace's `templates/` folder), when it exists.
    pub fn load(
        root: &Path,
        overrides: &Path,
    ) -> Result<Result<Engine, Diagnostic>, WorkspaceError> {
        let mut sources: Vec<TemplateSource> =
            DEFAULTS.iter().map(TemplateSource::builtin).collect();
        if overrides.is_dir() {
            for entry in walkdir::WalkDir::new(overrides).sort_by_file_name() {
                let entry = entry.map_err(|e| WorkspaceError::Io {
                    path: display_path(root, overrides),
                    source: e.into(),
                })?;
                let path = entry.path();
                if !entry.file_type().is_file()
                    || !path
                        .extension()
                        .is_some_and(|e| e == "html" || e == "txt" || e == "typ")
                {
                    continue;
                }
                let name = display_path(overrides, path);
                let text = match workspace::read_text(root, path)? {
                    Ok(t) => t,
                    Err(d) => return Ok(Err(d)),
                };
                match sources.iter_mut().find(|t| t.name == name) {
                    Some(slot) => {
                        slot.text = text;
                        slot.overridden = true;
                    }
                    None => sources.push(TemplateSource {
                        name,
                        text,
                        overridden: true,
                    }),
                }
            }
        }
        Ok(Self::from_sources(&sources, &display_path(root, overrides)))
    }

    /// Builds the engine from the embedded defaults only.
    pub fn defaults() -> Engine {
        let sources: Vec<TemplateSource> = DEFAULTS.iter().map(TemplateSource::builtin).collect();
        Self::from_sources(&sources, "templates").expect("the embedded templates compile")
    }

    fn from_sources(sources: &[TemplateSource], dir: &str) -> Result<Engine, Diagnostic> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        tera.set_escape_fn(escape_html);
        tera.register_filter("wrap", wrap_filter);
        tera.register_filter("underline", underline_filter);
        tera.register_filter("ltr", ltr_filter);
        tera.register_filter("inline", inline_filter);
        tera.register_filter("plain", plain_filter);
        tera.register_filter("attr", attr_filter);
        tera.register_filter("typst", typst_filter);
        tera.register_filter("typst_str", typst_str_filter);
        tera.register_filter("typst_image", typst_image_filter);
        tera.add_raw_templates(sources.iter().map(|t| (t.name.as_str(), t.text.as_str())))
            .map_err(|e| template_diagnostic(&e, dir, "template-syntax", "fix the template; `pamphlet init` writes none, so deleting the file restores the default"))?;
        Ok(Engine {
            tera,
            sources: sources.to_vec(),
        })
    }

    /// Every template, in the order the engine compiled them.
    pub fn sources(&self) -> &[TemplateSource] {
        &self.sources
    }

    /// Top-level variables that template `name` (with its parents and
    /// includes) reads from the context, sorted.
    pub fn own_variables(&self, name: &str) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .tera
            .get_template_variables(name)
            .map(|s| s.into_iter().collect())
            .unwrap_or_default();
        v.sort_unstable();
        v
    }

    /// Renders template `name` with `context` into bytes (UTF-8, as Tera
    /// wrote them; not validated again). An HTML page has every bidi isolate
    /// removed from its attribute values, whatever the template did (see
    /// `attrs`).
    pub fn render_bytes(&self, name: &str, context: &Context) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera.render_to(name, context, &mut out).map_err(|e| {
            template_diagnostic(
                &e,
                "templates",
                "template-render",
                "check the variable names against docs/templates.md",
            )
        })?;
        if name.ends_with(".html") {
            attrs::strip_isolates(&mut out);
        }
        Ok(out)
    }

    /// Renders template `name` with `context` into text (see [`Self::render_bytes`]).
    pub fn render(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        String::from_utf8(self.render_bytes(name, context)?).map_err(|e| {
            Diagnostic::error(
                "template-render",
                format!("{name} rendered invalid UTF-8: {e}"),
            )
            .in_file(format!("templates/{name}"))
        })
    }
}

/// Tera's HTML escaping (`&`, `<`, `>`, `"` and `'`, with the same entities),
/// writing the text between them in one piece rather than byte by byte.
fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        let entity: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[start..i])?;
        out.write_all(entity)?;
        start = i + 1;
    }
    out.write_all(&bytes[start..])
}

/// A Tera error as a diagnostic naming the template file and line.
fn template_diagnostic(e: &tera::Error, dir: &str, code: &'static str, hint: &str) -> Diagnostic {
    match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let span = r.span();
            let position = Position {
                line: span.start_line,
                col: span.start_col + 1,
            };
            Diagnostic::error(code, r.message().to_owned())
                .at(format!("{dir}/{}", r.filename()), position, None)
                .with_hint(hint)
        }
        _ => {
            let mut msg = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                msg = format!("{msg}: {s}");
                source = s.source();
            }
            Diagnostic::error(code, msg)
                .in_file(dir.to_owned())
                .with_hint(hint)
        }
    }
}

/// `{{ text | wrap(first="1. ", indent=3) }}`: wraps to 72 columns (or `width`).
fn wrap_filter(val: &str, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let width = kwargs.get::<usize>("width")?.unwrap_or(TEXT_WIDTH);
    let first = kwargs.get::<&str>("first")?.unwrap_or("");
    let indent = kwargs
        .get::<usize>("indent")?
        .unwrap_or_else(|| wrap::width(first));
    Ok(wrap::wrap(val, width, first, indent))
}

/// `{{ b.text | inline }}`: a translation as HTML: escaped, with only the
/// allowed inline elements kept as markup (see `markup`).
fn inline_filter(val: &str, _: Kwargs, _: &State) -> tera::Value {
    tera::Value::safe_string(&markup::to_html(val))
}

/// `{{ b.text | plain }}`: a translation without its inline markup, for plain
/// text and attribute values.
fn plain_filter(val: &str, _: Kwargs, _: &State) -> String {
    markup::to_text(val)
}

/// `alt="{{ b.alt | attr }}"`: a translation for an HTML attribute value:
/// without inline markup and without bidi isolation marks (U+2066–U+2069),
/// which belong in visible text only. Autoescaping still applies.
fn attr_filter(val: &str, _: Kwargs, _: &State) -> String {
    attrs::without_isolates(&markup::to_text(val)).into_owned()
}

/// `{{ b.text | typst }}`: a translation as Typst markup: every markup
/// character escaped, allowed inline elements as Typst functions.
fn typst_filter(val: &str, _: Kwargs, _: &State) -> String {
    markup::to_typst(val)
}

/// `"{{ url | typst_str }}"`: text for the inside of a Typst string literal.
fn typst_str_filter(val: &str, _: Kwargs, _: &State) -> String {
    crate::render::typst::string(val)
}

/// `image({{ b.src | typst_image }})`: an image `data:` URI as the arguments
/// of Typst's `image` (its bytes and format).
fn typst_image_filter(val: &str, _: Kwargs, _: &State) -> TeraResult<String> {
    crate::render::typst::image(val)
        .ok_or_else(|| tera::Error::message("typst_image expects an image data: URI"))
}

/// `{{ phone | ltr }}`: wraps a left-to-right value (a phone number, an
/// address) in a left-to-right isolate (U+2066 … U+2069), so that inside
/// right-to-left text `+1 555 0100` is not reordered into `0100 555 1+`.
/// Left-to-right text outputs drop the marks again when finished.
fn ltr_filter(val: &str, _: Kwargs, _: &State) -> String {
    format!("\u{2066}{val}\u{2069}")
}

/// `{{ title | underline(char="=") }}`: a line of `char` as wide as the text
/// (its widest line, when wrapped).
fn underline_filter(val: &str, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let ch = kwargs.get::<&str>("char")?.unwrap_or("=");
    let w = val.lines().map(wrap::width).max().unwrap_or(0).max(1);
    Ok(ch.repeat(w))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn escaping_matches_tera(text in "[a&<>\"'ж \u{2066}]{0,40}") {
            let mut ours = Vec::new();
            super::escape_html(&text, &mut ours).unwrap();
            let mut theirs = Vec::new();
            tera::escape_html(&text, &mut theirs).unwrap();
            prop_assert_eq!(ours, theirs);
        }
    }
}
