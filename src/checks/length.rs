//! ## Length: `length-max`, `length-ratio`
//!
//! **What it checks.** The resolved length (characters, with the campaign's
//! variables filled in, markup and invisible isolation marks not counted) of
//! every message a campaign prints. A translator comment `# max-length: N` on the
//! source message (or on the translation) is a hard limit (`length-max`, error).
//! On fixed print panels (flyers and leaflets) a translation more than 1.5 times
//! as long as the source, and at least 20 characters longer, is a warning
//! (`length-ratio`): it probably no longer fits the panel.
//!
//! **Why it matters.** A DL panel is 99 mm wide; Russian and Georgian run about
//! 30 % longer than English. An overflowing panel means a reprint.
//!
//! **Example.**
//! ```ftl
//! # en
//! # max-length: 30
//! permits-title = Residence and work permits
//! # ru: length-max (37 characters)
//! permits-title = Вид на жительство и разрешение на работу
//! ```

use std::collections::BTreeMap;

use super::{Cx, EntryRef};
use crate::diagnostics::Diagnostic;
use crate::locale::to_args;
use crate::render::markup;
use crate::workspace::Kind;

/// The limit from a `# max-length: N` comment line.
pub fn max_length(e: &EntryRef) -> Option<usize> {
    e.comment().iter().find_map(|line| {
        line.trim()
            .strip_prefix("max-length:")
            .and_then(|n| n.trim().parse().ok())
    })
}

fn measure(text: &str) -> usize {
    markup::to_text(text)
        .chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .count()
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    // every printed use: (message, args, printed on a fixed panel?)
    let mut uses = Vec::new();
    for campaign in &cx.inputs.ws.campaigns {
        for doc in &campaign.documents {
            let fixed = matches!(doc.kind, Kind::Flyer | Kind::Leaflet);
            for block in doc.surfaces.iter().flatten() {
                for text in block.texts() {
                    let args = to_args(campaign.vars.iter().chain(&text.args));
                    // the source's length, resolved once for every locale to compare with
                    let src_len = cx
                        .catalog
                        .resolve(cx.catalog.source, &text.msg, &args)
                        .ok()
                        .map(|r| measure(&r.text));
                    uses.push((text, args, fixed, src_len));
                }
            }
        }
    }
    for l in cx.locales {
        let mut reported: BTreeMap<(String, &str), ()> = BTreeMap::new();
        for (text, args, fixed, src_len) in &uses {
            let id = &text.msg.id;
            let Some(entry) = l.entries.get(id) else {
                continue;
            };
            let Ok(resolved) = cx.catalog.resolve(l.locale, &text.msg, args) else {
                continue;
            };
            if resolved.fallback.is_some() {
                continue;
            }
            let len = measure(&resolved.text);
            let limit = cx
                .source
                .entries
                .get(id)
                .and_then(max_length)
                .or_else(|| max_length(entry));
            if let Some(max) = limit
                && len > max
                && reported.insert((text.msg.to_string(), "max"), ()).is_none()
            {
                out.push(
                    entry
                        .at(Diagnostic::error("length-max", format!("'{}' is {len} characters long in {}; its limit is {max}", text.msg, l.tag)), id)
                        .with_hint("shorten the translation; the limit comes from a `# max-length:` comment"),
                );
            }
            if *fixed && l.locale != cx.catalog.source {
                let Some(src_len) = *src_len else {
                    continue;
                };
                if len * 2 > src_len * 3
                    && len >= src_len + 20
                    && reported
                        .insert((text.msg.to_string(), "ratio"), ())
                        .is_none()
                {
                    out.push(
                        entry
                            .at(Diagnostic::warning("length-ratio", format!("'{}' is {len} characters in {} against {src_len} in the source; it may not fit its print panel", text.msg, l.tag)), id)
                            .with_hint("check the printed layout, or shorten the translation"),
                    );
                }
            }
        }
    }
}
