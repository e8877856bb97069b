//! Inline markup in translations: a small allow-list, never raw HTML.
//!
//! Translations are text. The only markup a translator may use is a bare
//! text-level element from Fluent's DOM-overlay allow-list, written exactly
//! as `<em>…</em>` (no attributes, no nesting), or `<br>`/`<wbr>`. Such pairs
//! become real elements in HTML and disappear in plain text. Everything else,
//! `<script>`, `<a href=…>`, `<b class=x>` or an unclosed `<em>`, stays
//! literal text and is escaped.

/// Elements a translation may use, each as `<name>…</name>`.
pub const PAIRED: &[&str] = &[
    "em", "strong", "small", "s", "cite", "q", "dfn", "abbr", "code", "var", "samp", "kbd", "sub",
    "sup", "i", "b", "u", "mark", "bdi", "span",
];
/// Void elements a translation may use alone.
pub const VOID: &[&str] = &["br", "wbr"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seg<'t> {
    Text(&'t str),
    Open(&'t str),
    Close(&'t str),
    Void(&'t str),
}

/// Reads one allowed tag at the start of `s`, returning it and its length.
fn tag(s: &str) -> Option<(Seg<'_>, usize)> {
    let end = s.find('>')?;
    let inner = &s[1..end];
    let (closing, name) = match inner.strip_prefix('/') {
        Some(n) => (true, n),
        None => (false, inner.trim_end_matches('/').trim_end()),
    };
    if !closing && VOID.contains(&name) {
        return Some((Seg::Void(name), end + 1));
    }
    if inner.ends_with('/') || !PAIRED.contains(&name) {
        return None;
    }
    Some((
        if closing {
            Seg::Close(name)
        } else {
            Seg::Open(name)
        },
        end + 1,
    ))
}

/// The text cut at every allowed tag, and for each segment whether it is
/// kept as markup: only properly paired, unnested open/close tags are.
fn parse(text: &str) -> (Vec<Seg<'_>>, Vec<bool>) {
    let mut out = Vec::new();
    let mut rest = text;
    let mut text_start = 0;
    let mut pos = 0;
    while let Some(i) = memchr::memchr(b'<', rest.as_bytes()) {
        let at = pos + i;
        match tag(&text[at..]) {
            Some((seg, len)) => {
                if text_start < at {
                    out.push(Seg::Text(&text[text_start..at]));
                }
                out.push(seg);
                pos = at + len;
                text_start = pos;
            }
            None => pos = at + 1,
        }
        rest = &text[pos..];
    }
    if text_start < text.len() {
        out.push(Seg::Text(&text[text_start..]));
    }
    let mut keep = vec![false; out.len()];
    let mut i = 0;
    while i < out.len() {
        match out[i] {
            Seg::Void(_) => keep[i] = true,
            Seg::Open(name) => {
                let close = out[i + 1..]
                    .iter()
                    .position(|s| matches!(s, Seg::Open(_) | Seg::Close(_)))
                    .map(|j| i + 1 + j)
                    .filter(|&j| out[j] == Seg::Close(name));
                if let Some(j) = close {
                    keep[i] = true;
                    keep[j] = true;
                    i = j;
                }
            }
            _ => {}
        }
        i += 1;
    }
    (out, keep)
}

fn segments(text: &str) -> Vec<Seg<'_>> {
    let (out, keep) = parse(text);
    out.into_iter()
        .zip(keep)
        .map(|(seg, k)| match (seg, k) {
            (Seg::Open(_) | Seg::Close(_) | Seg::Void(_), false) => Seg::Text(raw(text, seg)),
            (seg, _) => seg,
        })
        .collect()
}

/// The source text of a tag segment that was not kept.
fn raw<'t>(text: &'t str, seg: Seg<'t>) -> &'t str {
    // the name is a slice of `text`; widen it to the whole `<…>`
    let name = match seg {
        Seg::Open(n) | Seg::Close(n) | Seg::Void(n) | Seg::Text(n) => n,
    };
    let offset = name.as_ptr() as usize - text.as_ptr() as usize;
    let start = text[..offset].rfind('<').unwrap_or(offset);
    let end = text[offset..]
        .find('>')
        .map_or(text.len(), |e| offset + e + 1);
    &text[start..end]
}

/// Escapes `text` for HTML, turning allowed inline elements into markup.
pub fn to_html(text: &str) -> String {
    // most translations have nothing to escape (two SIMD scans)
    let bytes = text.as_bytes();
    if memchr::memchr3(b'<', b'>', b'&', bytes).is_none()
        && memchr::memchr2(b'"', b'\'', bytes).is_none()
    {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for seg in segments(text) {
        match seg {
            Seg::Text(t) => escape_into(t, &mut out),
            Seg::Open(n) => {
                out.push('<');
                out.push_str(n);
                out.push('>');
            }
            Seg::Close(n) => {
                out.push_str("</");
                out.push_str(n);
                out.push('>');
            }
            Seg::Void(n) => {
                out.push('<');
                out.push_str(n);
                out.push('>');
            }
        }
    }
    out
}

/// The text without allowed inline elements (`<br>` becomes a line break).
pub fn to_text(text: &str) -> String {
    if memchr::memchr(b'<', text.as_bytes()).is_none() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for seg in segments(text) {
        match seg {
            Seg::Text(t) => out.push_str(t),
            Seg::Void("br") => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// Escapes `text` for Typst markup (see `crate::render::typst`), turning
/// allowed inline elements into Typst functions (`<strong>` → `#strong[…]`).
pub fn to_typst(text: &str) -> String {
    use crate::render::typst::markup_into;
    let mut out = String::with_capacity(text.len() + 16);
    for seg in segments(text) {
        match seg {
            Seg::Text(t) => markup_into(t, &mut out),
            Seg::Open(n) => out.push_str(match n {
                "em" | "i" | "cite" | "dfn" | "var" => "#emph[",
                "strong" | "b" => "#strong[",
                "u" => "#underline[",
                "s" => "#strike[",
                "sub" => "#sub[",
                "sup" => "#super[",
                "mark" => "#highlight[",
                "small" => "#text(size: 0.85em)[",
                "q" => "#quote[",
                _ => "#[",
            }),
            Seg::Close(_) => out.push(']'),
            Seg::Void("br") => out.push_str("#linebreak()"),
            Seg::Void(_) => out.push('\u{200B}'),
        }
    }
    out
}

/// Why a tag in a translation is printed as text instead of formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Not on the allow-list, or written with attributes (`<a href=…>`, `<b class=x>`).
    NotAllowed,
    /// An allowed tag that is never closed (`<b>` without `</b>`).
    Unclosed,
    /// A closing tag with no tag open (`</b>` alone).
    Unopened,
    /// An allowed pair with another tag inside it (`<em><b>x</b></em>`).
    Nested,
}

/// A tag-like piece of text that is printed literally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiteralTag {
    /// As written, e.g. `<b>` or `<a href="…">`.
    pub tag: String,
    /// Byte offset of its `<` in the text.
    pub offset: usize,
    pub why: Why,
}

/// Every tag-like `<…>` of `text` that is not kept as markup, and why. A
/// closing tag that belongs to a nested pair is reported with its opening tag.
pub fn literal_tags(text: &str) -> Vec<LiteralTag> {
    let (segs, keep) = parse(text);
    let offset_of = |s: &str| s.as_ptr() as usize - text.as_ptr() as usize;
    let mut out = Vec::new();
    for (i, seg) in segs.iter().enumerate() {
        let why = match (*seg, keep[i]) {
            (Seg::Text(t), _) => {
                let base = offset_of(t);
                let mut from = 0;
                while let Some(j) = memchr::memchr(b'<', &t.as_bytes()[from..]) {
                    let at = from + j;
                    let after = &t[at + 1..];
                    if after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
                    {
                        let end = after.find('>').map_or(after.len(), |e| e + 1);
                        out.push(LiteralTag {
                            tag: format!("<{}", &after[..end]),
                            offset: base + at,
                            why: Why::NotAllowed,
                        });
                    }
                    from = at + 1;
                }
                continue;
            }
            (_, true) | (Seg::Void(_), _) => continue,
            (Seg::Open(name), false) => {
                if segs[i + 1..].contains(&Seg::Close(name)) {
                    Why::Nested
                } else {
                    Why::Unclosed
                }
            }
            (Seg::Close(name), false) => {
                let open_before = (0..i).any(|j| !keep[j] && segs[j] == Seg::Open(name));
                if open_before {
                    continue;
                }
                Why::Unopened
            }
        };
        let tag = raw(text, *seg);
        out.push(LiteralTag {
            tag: tag.to_owned(),
            offset: offset_of(tag),
            why,
        });
    }
    out
}

/// Markup-like text that is *not* allowed and will be printed literally:
/// each `<…>` that looks like a tag but is not a kept inline element.
pub fn disallowed(text: &str) -> Vec<String> {
    literal_tags(text).into_iter().map(|l| l.tag).collect()
}

fn escape_into(t: &str, out: &mut String) {
    for c in t.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_pairs_become_markup_and_everything_else_is_escaped() {
        assert_eq!(
            to_html("Apply <strong>within 15 days</strong> & keep <em>copies</em>."),
            "Apply <strong>within 15 days</strong> &amp; keep <em>copies</em>."
        );
        assert_eq!(
            to_html("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            to_html("<a href=\"javascript:x\">x</a>"),
            "&lt;a href=&quot;javascript:x&quot;&gt;x&lt;/a&gt;"
        );
        assert_eq!(
            to_html("<b class=\"x\">y</b>"),
            "&lt;b class=&quot;x&quot;&gt;y&lt;/b&gt;",
            "no attributes"
        );
        assert_eq!(
            to_html("<em><b>x</b></em>"),
            "&lt;em&gt;<b>x</b>&lt;/em&gt;",
            "no nesting: the inner pair wins"
        );
        assert_eq!(to_html("<em>open"), "&lt;em&gt;open", "unclosed stays text");
        assert_eq!(to_html("line<br>two 1 < 2"), "line<br>two 1 &lt; 2");
        assert_eq!(
            to_html("<EM>x</EM>"),
            "&lt;EM&gt;x&lt;/EM&gt;",
            "case-sensitive, like the allow-list"
        );
    }

    #[test]
    fn plain_text_drops_allowed_tags_only() {
        assert_eq!(
            to_text("Apply <strong>now</strong>.<br>Then <x>wait</x>."),
            "Apply now.\nThen <x>wait</x>."
        );
    }

    #[test]
    fn disallowed_markup_is_listed() {
        assert_eq!(
            disallowed("ok <em>fine</em> <script>x</script> 1 < 2"),
            ["<script>", "</script>"]
        );
        assert!(disallowed("<strong>ok</strong>").is_empty());
    }

    #[test]
    fn literal_tags_say_why_and_where() {
        let t = |text: &str| {
            literal_tags(text)
                .into_iter()
                .map(|l| (l.tag, l.offset, l.why))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            t("Free <b>within 15 days."),
            [("<b>".to_owned(), 5, Why::Unclosed)]
        );
        assert_eq!(
            t("<b>ok</b> and <b>not"),
            [("<b>".to_owned(), 14, Why::Unclosed)]
        );
        assert_eq!(t("x</i>"), [("</i>".to_owned(), 1, Why::Unopened)]);
        assert_eq!(
            t("<b>x</i>"),
            [
                ("<b>".to_owned(), 0, Why::Unclosed),
                ("</i>".to_owned(), 4, Why::Unopened)
            ]
        );
        assert_eq!(
            t("<em><b>x</b></em>"),
            [("<em>".to_owned(), 0, Why::Nested)],
            "the closing </em> is reported with its opening tag"
        );
        assert_eq!(
            t("see <a href=\"x\">here</a>"),
            [
                ("<a href=\"x\">".to_owned(), 4, Why::NotAllowed),
                ("</a>".to_owned(), 20, Why::NotAllowed)
            ]
        );
        assert!(t("<br> 1 < 2 <strong>a</strong>").is_empty());
    }
}
