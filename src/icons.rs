//! The built-in pictograms: a short list of names (`phone`, `documents`, …)
//! mapped onto icons of the Lucide set, which the `icondata_lu` crate ships
//! as SVG data. This module owns the names, which icon each name takes,
//! which of them mirror in right-to-left documents, the icon as SVG markup
//! (HTML pages) and as Typst curves (PDFs), and the licence text of the set
//! that every build of the binary carries (`pamphlet licences`).
//!
//! No icon is drawn here: the shapes are Lucide's. For the PDF they are
//! turned into Typst `curve` elements rather than embedded as SVG images, so
//! that an icon is painted in the theme's colour as Typst knows it: RGB in
//! the accessible PDF and DeviceCMYK in the press PDF (an SVG image would
//! always be RGB). Typst marks paths as artifacts, so a screen reader reads
//! nothing for an icon.

use std::fmt::Write as _;
use std::sync::OnceLock;

use icondata_core::IconData;

/// One built-in icon.
pub struct Icon {
    /// The name campaigns write (`icon = "documents"`).
    pub name: &'static str,
    /// What it stands for, for docs and hints.
    pub meaning: &'static str,
    /// The Lucide icon it is.
    pub lucide: &'static str,
    /// Flipped horizontally in right-to-left documents: only icons that
    /// point along the reading direction (arrows). A phone, a clock or a
    /// question mark is the same object in every script and stays as drawn.
    pub mirrors: bool,
    data: &'static IconData,
}

/// The built-in icons, in the order docs list them.
pub static ICONS: &[Icon] = &[
    icon(
        "phone",
        "telephone numbers",
        "phone",
        false,
        icondata_lu::LuPhone,
    ),
    icon(
        "email",
        "e-mail addresses",
        "mail",
        false,
        icondata_lu::LuMail,
    ),
    icon("web", "web addresses", "globe", false, icondata_lu::LuGlobe),
    icon(
        "address",
        "addresses, places, maps",
        "map-pin",
        false,
        icondata_lu::LuMapPin,
    ),
    icon(
        "clock",
        "opening hours, deadlines",
        "clock",
        false,
        icondata_lu::LuClock,
    ),
    icon(
        "documents",
        "papers to bring, forms",
        "file-text",
        false,
        icondata_lu::LuFileText,
    ),
    icon(
        "money",
        "fees, payments",
        "banknote",
        false,
        icondata_lu::LuBanknote,
    ),
    icon(
        "warning",
        "warnings (warning callouts)",
        "triangle-alert",
        false,
        icondata_lu::LuTriangleAlert,
    ),
    icon(
        "info",
        "information (info callouts)",
        "info",
        false,
        icondata_lu::LuInfo,
    ),
    icon(
        "check",
        "done, allowed, a condition met",
        "circle-check",
        false,
        icondata_lu::LuCircleCheck,
    ),
    icon(
        "person",
        "one person, the applicant",
        "user",
        false,
        icondata_lu::LuUser,
    ),
    icon(
        "family",
        "family members, groups",
        "users",
        false,
        icondata_lu::LuUsers,
    ),
    icon(
        "work",
        "work, employers",
        "briefcase",
        false,
        icondata_lu::LuBriefcase,
    ),
    icon(
        "home",
        "housing, a place of stay",
        "house",
        false,
        icondata_lu::LuHouse,
    ),
    icon(
        "help",
        "help, questions",
        "circle-help",
        false,
        icondata_lu::LuCircleHelp,
    ),
    icon(
        "arrow",
        "next, go to",
        "arrow-right",
        true,
        icondata_lu::LuArrowRight,
    ),
];

const fn icon(
    name: &'static str,
    meaning: &'static str,
    lucide: &'static str,
    mirrors: bool,
    data: &'static IconData,
) -> Icon {
    Icon {
        name,
        meaning,
        lucide,
        mirrors,
        data,
    }
}

/// The icon set's name and version, as docs and `pamphlet licences` give it.
pub const SET: &str = "Lucide (through the icondata_lu crate, 0.1)";

/// The licences of the icon set and of the crate that ships it, printed by
/// `pamphlet licences`.
pub const LICENCES: &str = include_str!("icons/LICENCES.txt");

/// The icon called `name`.
pub fn get(name: &str) -> Option<&'static Icon> {
    ICONS.iter().find(|i| i.name == name)
}

/// Every icon name, in the order of [`ICONS`].
pub fn names() -> impl Iterator<Item = &'static str> {
    ICONS.iter().map(|i| i.name)
}

/// The known name closest to a misspelt one, when it is close enough to be
/// what was meant.
pub fn closest(name: &str) -> Option<&'static str> {
    crate::diagnostics::closest(name, names())
}

impl Icon {
    /// The icon's shapes as SVG markup, without the `<svg>` element: the
    /// body of an HTML `<symbol>` (strokes come from the page's CSS).
    pub fn svg_body(&self) -> &'static str {
        self.data.data
    }

    /// The coordinate system of [`Icon::svg_body`] and [`Icon::typst`].
    pub fn view_box(&self) -> &'static str {
        self.data.view_box.unwrap_or("0 0 24 24")
    }

    /// The icon as a Typst array of curves, each an array of elements in
    /// view-box units: `("m", x, y)`, `("l", x, y)`, `("c", x1, y1, x2, y2,
    /// x, y)`, `("z",)`. `icon` in pdf/base.typ scales and strokes them.
    pub fn typst(&self) -> &'static str {
        static CACHE: OnceLock<Vec<String>> = OnceLock::new();
        let all = CACHE.get_or_init(|| ICONS.iter().map(|i| to_typst(i.data)).collect());
        let at = ICONS
            .iter()
            .position(|i| std::ptr::eq(i, self))
            .expect("an Icon is one of ICONS");
        &all[at]
    }

    /// The stroke width in view-box units.
    pub fn stroke_width(&self) -> &'static str {
        self.data.stroke_width.unwrap_or("2")
    }
}

/// The whole SVG document of an icon, as `icondata_lu` describes it.
fn svg_document(data: &IconData) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{}" fill="none" stroke="black" stroke-width="{}">{}</svg>"#,
        data.view_box.unwrap_or("0 0 24 24"),
        data.stroke_width.unwrap_or("2"),
        data.data
    )
}

/// usvg reads the icon (circles, rectangles with rounded corners, arcs and
/// polylines all become paths of lines and curves); each path becomes one
/// Typst curve. Quadratic segments are raised to cubic ones, which Typst's
/// `curve.cubic` draws exactly.
fn to_typst(data: &IconData) -> String {
    let tree = usvg::Tree::from_str(&svg_document(data), &usvg::Options::default())
        .expect("the icon set's SVG data parses");
    let mut out = String::from("(");
    paths(tree.root(), &mut out);
    out.push(')');
    out
}

fn paths(group: &usvg::Group, out: &mut String) {
    use usvg::tiny_skia_path::{PathSegment, Point};
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => paths(g, out),
            usvg::Node::Path(p) => {
                let t = p.abs_transform();
                let pt = |mut q: Point| {
                    t.map_point(&mut q);
                    format!("{}, {}", num(q.x), num(q.y))
                };
                out.push('(');
                let mut last = Point::zero();
                for seg in p.data().segments() {
                    match seg {
                        PathSegment::MoveTo(a) => {
                            let _ = write!(out, r#"("m", {}), "#, pt(a));
                            last = a;
                        }
                        PathSegment::LineTo(a) => {
                            let _ = write!(out, r#"("l", {}), "#, pt(a));
                            last = a;
                        }
                        PathSegment::QuadTo(c, a) => {
                            let two_thirds = |from: Point| {
                                let mut d = c - from;
                                d.scale(2.0 / 3.0);
                                from + d
                            };
                            let (c1, c2) = (two_thirds(last), two_thirds(a));
                            let _ = write!(out, r#"("c", {}, {}, {}), "#, pt(c1), pt(c2), pt(a));
                            last = a;
                        }
                        PathSegment::CubicTo(c1, c2, a) => {
                            let _ = write!(out, r#"("c", {}, {}, {}), "#, pt(c1), pt(c2), pt(a));
                            last = a;
                        }
                        PathSegment::Close => out.push_str(r#"("z",), "#),
                    }
                }
                out.push_str("), ");
            }
            _ => {}
        }
    }
}

/// A coordinate with at most three decimals (a thousandth of the 24-unit
/// grid is far below a printer's dot at icon size).
fn num(v: f32) -> String {
    let r = (f64::from(v) * 1000.0).round() / 1000.0;
    let s = format!("{r:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_becomes_typst_curves() {
        for i in ICONS {
            let t = i.typst();
            assert!(
                t.starts_with("((") && t.ends_with("), )"),
                "{}: {t}",
                i.name
            );
            assert!(t.contains(r#"("m", "#), "{} has no move", i.name);
            // every coordinate stays inside the 24-unit grid
            for n in t
                .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
                .filter(|s| !s.is_empty())
            {
                let v: f64 = n.parse().unwrap();
                assert!((-0.5..=24.5).contains(&v), "{}: {v}", i.name);
            }
        }
    }

    #[test]
    fn a_circle_is_closed_curves_and_a_line_is_a_move_and_a_line() {
        // info: a circle (usvg turns it into four cubic arcs), then two short lines
        let t = get("info").unwrap().typst();
        // curves end in "), )" and are separated by ", "
        let first = t.split("), ), (").next().unwrap();
        assert_eq!(first.matches(r#"("c""#).count(), 4, "{t}");
        assert!(first.ends_with(r#"("z","#), "{first}");
        assert!(t.contains(r#"(("m", 12, 16), ("l", 12, 12), )"#), "{t}");
    }

    #[test]
    fn misspelt_names_find_the_name_meant() {
        assert_eq!(closest("phon"), Some("phone"));
        assert_eq!(closest("Documents"), Some("documents"));
        assert_eq!(closest("e-mail"), Some("email"));
        assert_eq!(closest("adress"), Some("address"));
        assert_eq!(closest("passport"), None);
    }

    #[test]
    fn only_arrows_mirror() {
        let mirrored: Vec<&str> = ICONS.iter().filter(|i| i.mirrors).map(|i| i.name).collect();
        assert_eq!(mirrored, ["arrow"]);
    }

    #[test]
    fn the_licences_name_lucide_and_its_terms() {
        assert!(LICENCES.contains("Lucide Contributors"));
        assert!(LICENCES.contains("ISC License"));
        assert!(LICENCES.contains("Charles Edward Gagnon"));
    }
}
