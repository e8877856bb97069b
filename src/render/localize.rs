//! Localization of one document into one locale: every message reference of
//! the campaign is resolved through the locale's fallback chain with the
//! campaign's variables and the block's arguments.

use std::collections::BTreeMap;

use crate::model::*;
use fluent_bundle::FluentArgs;

use crate::locale::{Catalog, Fallback, ResolveError, to_args};
use crate::workspace::paper::{LEAFLET_IMPOSITION, LEAFLET_PANEL_NAMES, LEAFLET_PANEL_WIDTHS};
use crate::workspace::{
    Asset, Block, Campaign, ContactValue, Document, Kind, LocaleId, Text, Tone, Workspace,
};

struct Cx<'a> {
    catalog: &'a Catalog,
    locale: LocaleId,
    campaign: &'a Campaign,
    assets: &'a BTreeMap<String, Asset>,
    qr_codes: &'a BTreeMap<String, String>,
    /// `[theme] logo`, for organization blocks without one.
    theme_logo: Option<&'a str>,
    /// The campaign's variables as Fluent arguments, converted once per
    /// document: what a text without arguments of its own is resolved with.
    vars: FluentArgs<'static>,
    fallbacks: Vec<Fallback>,
    errors: Vec<(ResolveError, &'a Text)>,
}

/// A document that could not be localized: each message that failed, with
/// where the campaign names it.
#[derive(Debug)]
pub struct LocalizeError {
    pub failures: Vec<(ResolveError, Text)>,
}

pub fn localize(
    catalog: &Catalog,
    locale: LocaleId,
    campaign: &Campaign,
    doc: &Document,
    ws: &Workspace,
) -> Result<LocalizedDocument, LocalizeError> {
    let mut cx = Cx {
        catalog,
        locale,
        campaign,
        assets: &ws.assets,
        qr_codes: &ws.qr_codes,
        theme_logo: ws.config.theme.logo.as_deref(),
        vars: to_args(&campaign.vars),
        fallbacks: Vec::new(),
        errors: Vec::new(),
    };
    let title = cx.text(&campaign.title);
    let (width, height) = doc.paper.size_mm();
    let anchors = doc.anchors();
    let surfaces: Vec<Surface> = doc
        .surfaces
        .iter()
        .zip(anchors)
        .enumerate()
        .map(|(i, (blocks, anchors))| Surface {
            number: i + 1,
            name: match doc.kind {
                Kind::Leaflet => LEAFLET_PANEL_NAMES.get(i).copied(),
                _ => None,
            },
            width_mm: width,
            blocks: blocks
                .iter()
                .zip(anchors)
                .map(|(b, anchor)| PlacedBlock {
                    block: cx.block(b),
                    anchor,
                })
                .collect(),
        })
        .collect();
    if !cx.errors.is_empty() {
        return Err(LocalizeError {
            failures: cx.errors.into_iter().map(|(e, t)| (e, t.clone())).collect(),
        });
    }
    let sheets = match doc.kind {
        Kind::Leaflet => impose_leaflet(&surfaces),
        _ => Vec::new(),
    };
    let mut fallbacks = cx.fallbacks;
    fallbacks.sort();
    fallbacks.dedup();
    let data = &catalog.locales[locale];
    let icons = icons_used(&surfaces);
    Ok(LocalizedDocument {
        campaign: CampaignInfo {
            id: campaign.id.clone(),
            valid_as_of: campaign.valid_as_of.clone(),
            edition: campaign.edition.clone(),
        },
        document: DocumentInfo {
            id: doc.id.clone(),
            kind: doc.kind,
            paper: PaperInfo {
                name: doc.paper.name(),
                width_mm: width,
                height_mm: height,
            },
            blank_pages: doc.blank_pages,
            flow: doc.flow,
            advance_seconds: doc.advance_seconds,
            max_segments: doc.max_segments,
        },
        locale: LocaleInfo {
            tag: data.tag.clone(),
            dir: if data.rtl { "rtl" } else { "ltr" },
            rtl: data.rtl,
        },
        title,
        surfaces,
        sheets,
        fallbacks,
        languages: languages(ws, &data.tag),
        // a campaign's own built-in theme wins over the project's colours;
        // fonts and logo stay the project's
        theme: campaign
            .theme
            .and_then(crate::workspace::theme::built_in_info)
            .unwrap_or_else(|| ws.config.theme.info()),
        icons,
        fonts: ws.config.theme.fonts_for(&data.tag),
    })
}

/// The pictograms of a document's blocks, once each.
fn icons_used(surfaces: &[Surface]) -> Vec<IconShape> {
    let mut used = Vec::new();
    for b in surfaces.iter().flat_map(Surface::localized_blocks) {
        match b {
            LocalizedBlock::Heading { icon, .. }
            | LocalizedBlock::Paragraph { icon, .. }
            | LocalizedBlock::Link { icon, .. } => used.extend(*icon),
            LocalizedBlock::Callout { icon, .. } => used.push(*icon),
            LocalizedBlock::Contact { entries, .. } => used.extend(entries.iter().map(|e| e.icon)),
            _ => {}
        }
    }
    crate::icons::ICONS
        .iter()
        .filter(|i| used.contains(&i.name))
        .map(|i| IconShape {
            name: i.name,
            view_box: i.view_box(),
            svg: i.svg_body(),
            typst: i.typst(),
            stroke_width: i.stroke_width(),
            mirrors: i.mirrors,
        })
        .collect()
}

/// The project's languages (and `current`, when it is a pseudo-locale built
/// on request), each named in itself.
fn languages(ws: &Workspace, current: &str) -> Vec<Language> {
    ws.config
        .locales
        .iter()
        .filter(|l| !l.pseudo || l.tag == current)
        .map(|l| Language {
            tag: l.tag.clone(),
            name: crate::locale::names::endonym(&l.tag),
            dir: if l.rtl { "rtl" } else { "ltr" },
            current: l.tag == current,
        })
        .collect()
}

/// Places the six panels (reading order) on the sheet's two sides.
fn impose_leaflet(surfaces: &[Surface]) -> Vec<Sheet> {
    ["outside", "inside"]
        .into_iter()
        .zip(LEAFLET_IMPOSITION.iter().zip(LEAFLET_PANEL_WIDTHS.iter()))
        .map(|(name, (numbers, widths))| Sheet {
            name,
            panels: numbers
                .iter()
                .zip(widths)
                .map(|(&n, &w)| Surface {
                    width_mm: w,
                    ..surfaces[n - 1].clone()
                })
                .collect(),
        })
        .collect()
}

impl<'a> Cx<'a> {
    fn text(&mut self, t: &'a Text) -> String {
        let own;
        let args = if t.args.is_empty() {
            &self.vars
        } else {
            // the text's arguments win over the campaign's variables
            own = to_args(self.campaign.vars.iter().chain(&t.args));
            &own
        };
        match self.catalog.resolve(self.locale, &t.msg, args) {
            Ok(r) => {
                self.fallbacks.extend(r.fallback);
                r.text
            }
            Err(e) => {
                self.errors.push((e, t));
                String::new()
            }
        }
    }

    /// Text for an HTML attribute value: no bidi isolation marks (see `attrs`).
    fn attr_text(&mut self, t: &'a Text) -> String {
        let text = self.text(t);
        super::attrs::without_isolates(&text).into_owned()
    }

    fn asset(&self, path: &str) -> String {
        self.assets
            .get(path)
            .map(|a| a.data_uri.clone())
            .unwrap_or_default()
    }

    fn block(&mut self, b: &'a Block) -> LocalizedBlock {
        match b {
            Block::Heading { level, text, icon } => LocalizedBlock::Heading {
                level: *level,
                text: self.text(text),
                icon: *icon,
            },
            Block::Paragraph { text, icon } => LocalizedBlock::Paragraph {
                text: self.text(text),
                icon: *icon,
            },
            Block::List { items } => LocalizedBlock::List {
                items: items.iter().map(|i| self.text(i)).collect(),
            },
            Block::Steps { items } => LocalizedBlock::Steps {
                items: items.iter().map(|i| self.text(i)).collect(),
            },
            Block::Callout {
                tone,
                title,
                text,
                icon,
            } => LocalizedBlock::Callout {
                tone: *tone,
                title: title.as_ref().map(|t| self.text(t)),
                text: self.text(text),
                icon: icon.unwrap_or(match tone {
                    Tone::Info => "info",
                    Tone::Warning => "warning",
                }),
            },
            Block::Contact { title, entries } => LocalizedBlock::Contact {
                title: title.as_ref().map(|t| self.text(t)),
                entries: entries
                    .iter()
                    .map(|e| {
                        let label = e.label.as_ref().map(|l| self.text(l));
                        let (kind, value, href) = match &e.value {
                            ContactValue::Phone(p) => ("phone", p.clone(), Some(tel_href(p))),
                            ContactValue::Email(m) => {
                                ("email", m.clone(), Some(format!("mailto:{m}")))
                            }
                            ContactValue::Url(u) => ("url", display_url(u), Some(u.clone())),
                            ContactValue::Text(t) => ("text", self.text(t), None),
                        };
                        let icon = e.icon.unwrap_or_else(|| entry_icon(href.as_deref()));
                        LocalizedEntry {
                            label,
                            kind,
                            value,
                            href,
                            icon,
                        }
                    })
                    .collect(),
            },
            Block::Link {
                text,
                url,
                qr,
                icon,
            } => LocalizedBlock::Link {
                text: self.text(text),
                url: url.clone(),
                qr: qr.then(|| self.qr_codes.get(url).cloned()).flatten(),
                icon: *icon,
            },
            Block::Image { src, alt, caption } => LocalizedBlock::Image {
                src: self.asset(src),
                alt: self.attr_text(alt),
                caption: caption.as_ref().map(|c| self.text(c)),
            },
            Block::Footnote { text } => LocalizedBlock::Footnote {
                text: self.text(text),
            },
            // without a logo of its own, the theme's: decorative beside the
            // organization's name, so it has no alternative text
            Block::Organization { name, logo, alt } => LocalizedBlock::Organization {
                name: self.text(name),
                logo: logo.as_deref().or(self.theme_logo).map(|l| self.asset(l)),
                alt: match logo {
                    Some(_) => alt.as_ref().map(|a| self.attr_text(a)),
                    None => None,
                },
            },
            Block::Cover(c) => LocalizedBlock::Cover {
                title: self.text(&c.title),
                subtitle: c.subtitle.as_ref().map(|t| self.text(t)),
                name: c.name.as_ref().map(|t| self.text(t)),
                logo: c.logo.as_deref().map(|l| self.asset(l)),
                alt: c.alt.as_ref().map(|a| self.attr_text(a)),
                image: c.image.as_deref().map(|i| self.asset(i)),
                image_alt: c.image_alt.as_ref().map(|a| self.attr_text(a)),
            },
            Block::Edition { text } => LocalizedBlock::Edition {
                text: self.text(text),
                date: self.campaign.valid_as_of.clone(),
            },
            Block::Cue {
                text,
                start,
                end,
                speaker,
                voice_over,
            } => LocalizedBlock::Cue {
                text: self.text(text),
                message: text.msg.to_string(),
                start: *start,
                end: *end,
                speaker: speaker.as_ref().map(|t| self.text(t)),
                voice_over: voice_over.as_ref().map(|t| self.text(t)),
            },
            Block::Sms { text } => LocalizedBlock::Sms {
                text: self.text(text),
                message: text.msg.to_string(),
            },
        }
    }
}

/// A contact entry's pictogram by where it links: a `url` entry may be a
/// `tel:` or `mailto:` link too, so the target decides, not the field.
fn entry_icon(href: Option<&str>) -> &'static str {
    let scheme =
        |s: &str| href.is_some_and(|h| h.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s)));
    match href {
        None => "address",
        Some(_) if scheme("tel:") => "phone",
        Some(_) if scheme("mailto:") => "email",
        Some(_) => "web",
    }
}

/// `tel:` link for a phone number as printed: digits and a leading `+` only.
fn tel_href(number: &str) -> String {
    let digits: String = number
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect();
    format!("tel:{digits}")
}

/// A URL as printed for readers: without `https://` and a trailing `/`.
fn display_url(url: &str) -> String {
    let s = url.strip_prefix("https://").unwrap_or(url);
    s.strip_suffix('/').unwrap_or(s).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_links_keep_only_digits() {
        assert_eq!(tel_href("(012) 919"), "tel:012919");
        assert_eq!(tel_href("+994 12 919-00-00"), "tel:+994129190000");
        assert_eq!(display_url("https://migration.gov.az/"), "migration.gov.az");
    }

    #[test]
    fn entries_take_the_icon_of_their_link_target() {
        assert_eq!(entry_icon(Some("tel:+994129190000")), "phone");
        assert_eq!(entry_icon(Some("TEL:108")), "phone");
        assert_eq!(entry_icon(Some("mailto:a@example.org")), "email");
        assert_eq!(entry_icon(Some("https://migration.gov.az")), "web");
        assert_eq!(entry_icon(None), "address");
    }
}
