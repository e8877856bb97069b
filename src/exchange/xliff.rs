//! XLIFF 2.0: writing units and reading translated ones back.
//!
//! One `<file>` per source `.ftl` file (its `###` comments as notes), one
//! `<unit>` per message value or attribute, one `<segment>` per variant.
//! Placeables and markup are `<ph>` codes whose Fluent text is kept in the
//! unit's `<originalData>` (and shown in `disp`/`equiv`); each segment's
//! variant keys are Metadata module entries (`mda:`), a `# max-length:` is
//! a Size and Length Restriction (`slr:`) in code points. The review state
//! is the segment state: `initial` (missing), `translated` (with
//! `pamphlet:stale` or `pamphlet:unreviewed`) or `reviewed`.
//!
//! Reading takes any XLIFF 2.x whose units carry the exported ids: a tool may
//! add, reorder or drop attributes and whitespace between elements; `<mrk>`
//! annotations are read through, `<pc>`, `<sc>`/`<ec>` and `<cp>` are
//! understood.

use std::collections::HashMap;
use std::fmt::Write;

use super::units::{Exchange, Piece, State, Text, Unit, push_text};
use super::{ReadError, Sent, SentSegment, SentUnit};
use crate::source::Position;

pub const NS: &str = "urn:oasis:names:tc:xliff:document:2.0";
pub const NS_MDA: &str = "urn:oasis:names:tc:xliff:metadata:2.0";
pub const NS_SLR: &str = "urn:oasis:names:tc:xliff:sizerestriction:2.0";
const NS_XML: &str = "http://www.w3.org/XML/1998/namespace";

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

/// The XLIFF 2.0 document of `ex`.
pub fn write(ex: &Exchange) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<xliff xmlns=\"{NS}\" xmlns:mda=\"{NS_MDA}\" xmlns:slr=\"{NS_SLR}\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">",
        esc(&ex.source_lang),
        esc(&ex.target_lang)
    );
    for (i, file) in ex.files.iter().enumerate() {
        if file.units.is_empty() {
            continue;
        }
        let dir = if ex.target_rtl { " trgDir=\"rtl\"" } else { "" };
        let _ = writeln!(
            out,
            "  <file id=\"f{}\" original=\"{}\"{dir}>",
            i + 1,
            esc(&file.path)
        );
        if file.units.iter().any(|u| u.max_length.is_some()) {
            out.push_str("    <slr:profiles generalProfile=\"xliff:codepoints\"/>\n");
        }
        if !file.notes.is_empty() {
            out.push_str("    <notes>\n");
            for n in &file.notes {
                let _ = writeln!(out, "      <note category=\"resource\">{}</note>", esc(n));
            }
            out.push_str("    </notes>\n");
        }
        for u in &file.units {
            unit(&mut out, u, &ex.target_lang);
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

fn unit(out: &mut String, u: &Unit, lang: &str) {
    let size = u
        .max_length
        .map(|n| format!(" slr:sizeRestriction=\"{n}\""))
        .unwrap_or_default();
    let _ = writeln!(out, "    <unit id=\"{}\"{size}>", esc(&u.id));
    if u.segments.iter().any(|s| !s.keys.is_empty()) {
        out.push_str("      <mda:metadata>\n");
        for (i, s) in u.segments.iter().enumerate() {
            let _ = writeln!(
                out,
                "        <mda:metaGroup id=\"v{}\" category=\"pamphlet:variant\">",
                i + 1
            );
            let _ = writeln!(
                out,
                "          <mda:meta type=\"segment\">s{}</mda:meta>",
                i + 1
            );
            for k in &s.keys {
                let _ = writeln!(
                    out,
                    "          <mda:meta type=\"{}\">{}</mda:meta>",
                    esc(&k.selector),
                    esc(&k.key)
                );
            }
            out.push_str("        </mda:metaGroup>\n");
        }
        out.push_str("      </mda:metadata>\n");
    }
    let mut notes: Vec<(&str, String)> = u
        .notes
        .iter()
        .map(|n| (n.category, n.text.clone()))
        .collect();
    if u.segments.iter().any(|s| !s.keys.is_empty()) {
        let variants: Vec<String> = u
            .segments
            .iter()
            .enumerate()
            .map(|(i, s)| format!("segment {}: {}", i + 1, s.keys_described()))
            .collect();
        notes.push(("variants", variants.join("\n")));
    }
    if !notes.is_empty() {
        out.push_str("      <notes>\n");
        for (cat, text) in &notes {
            let _ = writeln!(out, "        <note category=\"{cat}\">{}</note>", esc(text));
        }
        out.push_str("      </notes>\n");
    }
    // one data element per distinct code of the unit
    let mut data: Vec<&str> = Vec::new();
    for s in &u.segments {
        for p in s.source.iter().chain(s.target.iter().flatten()) {
            if let Piece::Code(c) = p
                && !data.contains(&c.as_str())
            {
                data.push(c);
            }
        }
    }
    if !data.is_empty() {
        out.push_str("      <originalData>\n");
        for (i, d) in data.iter().enumerate() {
            let _ = writeln!(out, "        <data id=\"d{}\">{}</data>", i + 1, esc(d));
        }
        out.push_str("      </originalData>\n");
    }
    let (state, sub) = match u.state {
        State::Missing => ("initial", None),
        State::Unreviewed => ("translated", Some("pamphlet:unreviewed")),
        State::Stale => ("translated", Some("pamphlet:stale")),
        State::Reviewed => ("reviewed", None),
    };
    let mut ph = 0usize;
    let lang = esc(lang);
    for (i, s) in u.segments.iter().enumerate() {
        let sub = sub
            .map(|s| format!(" subState=\"{s}\""))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "      <segment id=\"s{}\" state=\"{state}\"{sub}>",
            i + 1
        );
        let mut ids: Vec<(String, &str)> = Vec::new();
        out.push_str("        <source xml:space=\"preserve\">");
        for p in &s.source {
            match p {
                Piece::Text(t) => out.push_str(&esc(t)),
                Piece::Code(c) => {
                    ph += 1;
                    let id = format!("p{ph}");
                    code(out, &id, c, &data);
                    ids.push((id, c));
                }
            }
        }
        out.push_str("</source>\n");
        if let Some(t) = &s.target {
            let _ = write!(
                out,
                "        <target xml:lang=\"{lang}\" xml:space=\"preserve\">"
            );
            for p in t {
                match p {
                    Piece::Text(t) => out.push_str(&esc(t)),
                    Piece::Code(c) => {
                        // the matching source code's id, each used once
                        let id = match ids.iter().position(|(_, x)| x == c) {
                            Some(k) => ids.remove(k).0,
                            None => {
                                ph += 1;
                                format!("p{ph}")
                            }
                        };
                        code(out, &id, c, &data);
                    }
                }
            }
            out.push_str("</target>\n");
        }
        out.push_str("      </segment>\n");
    }
    out.push_str("    </unit>\n");
}

fn code(out: &mut String, id: &str, c: &str, data: &[&str]) {
    let d = data.iter().position(|x| *x == c).map_or(0, |i| i + 1);
    let _ = write!(
        out,
        "<ph id=\"{id}\" dataRef=\"d{d}\" disp=\"{}\" equiv=\"{}\"/>",
        esc(c),
        esc(c)
    );
}

/// Reads an XLIFF 2 document.
pub fn read(display: &str, text: &str) -> Result<Sent, ReadError> {
    let pos = |p: roxmltree::TextPos| Position {
        line: p.row as usize,
        col: p.col as usize,
    };
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, opts)
        .map_err(|e| ReadError::new(display, pos(e.pos()), format!("not well-formed XML: {e}")))?;
    // roxmltree's own text_pos_at counts from the start of the text on
    // every call; one line index answers each in a binary search
    let lines = crate::source::LineIndex::new(text);
    let offset_pos = |offset: usize| lines.position(text, offset);
    let at = |n: roxmltree::Node| offset_pos(n.range().start);
    let root = doc.root_element();
    if !root.has_tag_name((NS, "xliff")) {
        return Err(ReadError::new(
            display,
            at(root),
            format!(
                "the root element is <{}>, not an XLIFF 2 <xliff> in the namespace {NS}",
                root.tag_name().name()
            ),
        ));
    }
    let Some(target_lang) = root.attribute("trgLang") else {
        return Err(ReadError::new(
            display,
            at(root),
            "<xliff> has no trgLang: which locale is this translation for?",
        ));
    };
    let target_lang_at = root
        .attribute_node("trgLang")
        .map_or(at(root), |a| offset_pos(a.range().start));
    let mut units = Vec::new();
    for u in root.descendants().filter(|n| n.has_tag_name((NS, "unit"))) {
        let Some(id) = u.attribute("id") else {
            return Err(ReadError::new(display, at(u), "<unit> without an id"));
        };
        let mut data: HashMap<&str, String> = HashMap::new();
        let mut keys: HashMap<String, Vec<(String, String)>> = HashMap::new();
        for c in u.children().filter(roxmltree::Node::is_element) {
            if c.has_tag_name((NS, "originalData")) {
                for d in c.children().filter(|n| n.has_tag_name((NS, "data"))) {
                    if let Some(did) = d.attribute("id") {
                        data.insert(did, element_text(d));
                    }
                }
            } else if c.has_tag_name((NS_MDA, "metadata")) {
                for g in c
                    .children()
                    .filter(|n| n.has_tag_name((NS_MDA, "metaGroup")))
                {
                    if g.attribute("category") != Some("pamphlet:variant") {
                        continue;
                    }
                    let mut seg = None;
                    let mut ks = Vec::new();
                    for m in g.children().filter(|n| n.has_tag_name((NS_MDA, "meta"))) {
                        let ty = m.attribute("type").unwrap_or_default();
                        if ty == "segment" {
                            seg = Some(element_text(m));
                        } else {
                            ks.push((ty.to_owned(), element_text(m)));
                        }
                    }
                    if let Some(s) = seg {
                        keys.insert(s, ks);
                    }
                }
            }
        }
        let mut segments = Vec::new();
        for (index, s) in u
            .children()
            .filter(|n| n.has_tag_name((NS, "segment")))
            .enumerate()
        {
            let sid = s.attribute("id").unwrap_or_default();
            let source = s.children().find(|n| n.has_tag_name((NS, "source")));
            let target = s.children().find(|n| n.has_tag_name((NS, "target")));
            let confirmed = matches!(s.attribute("state"), Some("reviewed" | "final"));
            let mut broken = Vec::new();
            let mut seg_at = at(s);
            let target_text = match target {
                Some(t) => {
                    seg_at = at(t);
                    if let Some(lang) = t.attribute((NS_XML, "lang"))
                        && !same_lang(lang, target_lang)
                    {
                        broken.push((
                            at(t),
                            format!("the target is in {lang}, but the file is for {target_lang}"),
                        ));
                    }
                    let mut out = Text::new();
                    inline(&at, t, source, &data, &mut out, &mut broken);
                    let empty = out
                        .iter()
                        .all(|p| matches!(p, Piece::Text(s) if s.is_empty()));
                    (!empty || !broken.is_empty()).then_some(out)
                }
                None => None,
            };
            segments.push(SentSegment {
                keys: keys.get(sid).cloned(),
                index,
                target: target_text,
                at: seg_at,
                confirmed,
                broken,
            });
        }
        units.push(SentUnit {
            id: id.to_owned(),
            at: at(u),
            segments,
        });
    }
    Ok(Sent {
        target_lang: target_lang.to_owned(),
        target_lang_at,
        units,
    })
}

fn same_lang(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || a.replace('_', "-")
            .eq_ignore_ascii_case(&b.replace('_', "-"))
}

fn element_text(n: roxmltree::Node) -> String {
    n.descendants()
        .filter(roxmltree::Node::is_text)
        .filter_map(|t| t.text())
        .collect()
}

/// The content of a `<target>` (or an inline element in it) as text and codes.
fn inline(
    at: &dyn Fn(roxmltree::Node) -> Position,
    n: roxmltree::Node,
    source: Option<roxmltree::Node>,
    data: &HashMap<&str, String>,
    out: &mut Text,
    broken: &mut Vec<(Position, String)>,
) {
    // a code by its dataRef, or else by the id of the source code it copies
    let lookup = |e: roxmltree::Node, attr: &str| -> Option<String> {
        if let Some(r) = e.attribute(attr) {
            return data.get(r).cloned();
        }
        let id = e.attribute("id")?;
        let src = source?
            .descendants()
            .find(|s| s.is_element() && s.attribute("id") == Some(id))?;
        data.get(src.attribute(attr)?).cloned()
    };
    for c in n.children() {
        if let Some(t) = c.text().filter(|_| c.is_text()) {
            push_text(out, t);
            continue;
        }
        if !c.is_element() {
            continue;
        }
        let name = c.tag_name().name();
        if c.tag_name().namespace() != Some(NS) {
            broken.push((at(c), format!("unknown element <{name}> in a target")));
            continue;
        }
        match name {
            "ph" | "sc" | "ec" => match lookup(c, "dataRef") {
                Some(code) => out.push(Piece::Code(code)),
                None => broken.push((
                    at(c),
                    format!(
                        "<{name} id=\"{}\"> does not name a code of this unit (its dataRef or id was changed)",
                        c.attribute("id").unwrap_or_default()
                    ),
                )),
            },
            "pc" => {
                match lookup(c, "dataRefStart") {
                    Some(code) => out.push(Piece::Code(code)),
                    None => broken.push((at(c), "<pc> without a known dataRefStart".into())),
                }
                inline(at, c, source, data, out, broken);
                match lookup(c, "dataRefEnd") {
                    Some(code) => out.push(Piece::Code(code)),
                    None => broken.push((at(c), "<pc> without a known dataRefEnd".into())),
                }
            }
            "mrk" | "sm" | "em" => inline(at, c, source, data, out, broken),
            "cp" => {
                match c
                    .attribute("hex")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32)
                {
                    Some(ch) => push_text(out, &ch.to_string()),
                    None => broken.push((at(c), "<cp> with an invalid hex value".into())),
                }
            }
            other => broken.push((at(c), format!("unexpected element <{other}> in a target"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::units::{self, Input, State};
    use super::*;
    use crate::exchange::units::LocaleFile;

    fn exchange() -> Exchange {
        let src = vec![LocaleFile::new(
            "a.ftl",
            "### Res & co\n\n## Group\n\n# max-length: 20\nd = Within { $n ->\n  [one] { $n } <em>day</em>\n *[other] { $n } days\n} & \"more\".\n    .alt = A { -brand }\nplain = x < y\n".to_owned(),
        )];
        let trg = vec![LocaleFile::new(
            "a.ftl",
            "d = За { $n ->\n  [one] { $n } <em>день</em>\n  [few] { $n } дня\n *[many] { $n } дней\n}.\n".to_owned(),
        )];
        let input = Input {
            source_lang: "en",
            target_lang: "ru",
            target_rtl: false,
            categories: &["one", "few", "many", "other"],
            source_files: &src,
            target_files: &trg,
        };
        units::build(
            &input,
            |_, t| if t { State::Stale } else { State::Missing },
            |_| vec!["campaign c".into()],
        )
        .0
    }

    /// The rules of the XLIFF 2.0 core specification an XSD cannot see,
    /// and the element order its schema requires.
    #[test]
    fn the_document_keeps_the_rules_of_xliff_2() {
        let text = write(&exchange());
        let doc = roxmltree::Document::parse(&text).unwrap();
        let root = doc.root_element();
        assert!(root.has_tag_name((NS, "xliff")));
        assert_eq!(root.attribute("version"), Some("2.0"));
        for unit in root.descendants().filter(|n| n.has_tag_name((NS, "unit"))) {
            // children in schema order: extensions, notes, originalData, segments
            let order: Vec<u8> = unit
                .children()
                .filter(roxmltree::Node::is_element)
                .map(|c| match c.tag_name().name() {
                    _ if c.tag_name().namespace() != Some(NS) => 0,
                    "notes" => 1,
                    "originalData" => 2,
                    "segment" | "ignorable" => 3,
                    other => panic!("<{other}> in a unit"),
                })
                .collect();
            assert!(order.is_sorted(), "{order:?}");
            assert!(order.contains(&3));
            // ids of segments and source inline codes are unique in the unit
            let mut ids = std::collections::HashSet::new();
            let data: Vec<&str> = unit
                .descendants()
                .filter(|n| n.has_tag_name((NS, "data")))
                .filter_map(|n| n.attribute("id"))
                .collect();
            for n in unit.descendants().filter(roxmltree::Node::is_element) {
                let in_target = n.ancestors().any(|a| a.has_tag_name((NS, "target")));
                if matches!(n.tag_name().name(), "segment" | "ph") && !in_target {
                    assert!(ids.insert(n.attribute("id").unwrap()), "duplicate id");
                }
                if n.has_tag_name((NS, "ph")) {
                    assert!(data.contains(&n.attribute("dataRef").unwrap()));
                }
                if n.has_tag_name((NS, "segment")) {
                    let state = n.attribute("state").unwrap();
                    assert!(["initial", "translated", "reviewed", "final"].contains(&state));
                    if let Some(sub) = n.attribute("subState") {
                        assert!(
                            sub.split_once(':')
                                .is_some_and(|(p, v)| !p.is_empty() && !v.is_empty())
                        );
                    }
                }
            }
        }
        // and it reads back as exported
        let sent = read("x.xlf", &text).unwrap();
        let ex = exchange();
        let units: Vec<&Unit> = ex.units().collect();
        assert_eq!(sent.units.len(), units.len());
        for (s, u) in sent.units.iter().zip(&units) {
            assert_eq!(s.id, u.id);
            let targets: Vec<Option<&Text>> =
                s.segments.iter().map(|x| x.target.as_ref()).collect();
            let want: Vec<Option<&Text>> = u.segments.iter().map(|x| x.target.as_ref()).collect();
            assert_eq!(targets, want);
            for (seg, useg) in s.segments.iter().zip(&u.segments) {
                let keys: Vec<(String, String)> = useg
                    .keys
                    .iter()
                    .map(|k| (k.selector.clone(), k.key.clone()))
                    .collect();
                assert_eq!(seg.keys.clone().unwrap_or_default(), keys);
            }
        }
    }

    #[test]
    fn broken_documents_are_errors_at_their_position() {
        let e = read("x.xlf", "<xliff>\n  <file>\n</xliff>").unwrap_err();
        assert_eq!((e.at.line, e.at.col), (3, 1), "{e}");
        let e = read("x.xlf", "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>").unwrap_err();
        assert_eq!(e.at.line, 2);
        assert!(e.message.contains("not an XLIFF 2"), "{e}");
        let doc = format!("<xliff xmlns=\"{NS}\" version=\"2.0\" srcLang=\"en\">\n</xliff>");
        assert!(read("x.xlf", &doc).unwrap_err().message.contains("trgLang"));
    }
}
