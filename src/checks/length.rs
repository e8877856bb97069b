//! ## Length: `length-max`, `length-ratio`
//!
//! **What it checks.** The resolved length (characters, with the campaign's
//! variables filled in, markup and invisible isolation marks not counted) of
//! every message a campaign prints. A translator comment `# max-length: N` on the
//! source message (or on the translation) is a hard limit (`length-max`, error).
//! On fixed print panels (flyers and leaflets) a translation more than 1.5 times
//! as long as the source, and at least 20 characters longer, is a warning
//! (`length-ratio`): it probably no longer fits the panel. When the workspace
//! builds PDFs, `check` lays every document out and the layout-fit check
//! (`pdf-overflow`) reports what really does not fit, so this guess is not made.
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

use std::collections::BTreeSet;

use fluent_bundle::FluentArgs;
use rayon::prelude::*;

use super::{Cx, EntryRef, LocaleEntries};
use crate::diagnostics::Diagnostic;
use crate::locale::to_args;
use crate::render::markup;
use crate::workspace::{Campaign, Format, Kind, Text};

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

/// One printed use of a message.
struct Use<'a> {
    text: &'a Text,
    campaign: &'a Campaign,
    /// Printed on a fixed panel (a flyer or a leaflet) whose layout is not measured?
    fixed: bool,
    /// The source's resolved length, to compare every locale with.
    src_len: Option<usize>,
    /// The source's `# max-length:`.
    src_limit: Option<usize>,
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    // the real layout is measured: no need to guess from the length
    let guess = !cx.inputs.ws.config.formats.contains(&Format::Pdf);
    let mut uses = Vec::new();
    for campaign in &cx.inputs.ws.campaigns {
        for doc in &campaign.documents {
            let fixed = guess && matches!(doc.kind, Kind::Flyer | Kind::Leaflet);
            for block in doc.surfaces.iter().flatten() {
                for text in block.texts() {
                    let args = to_args(campaign.vars.iter().chain(&text.args));
                    let src_len = cx
                        .catalog
                        .resolve(cx.catalog.source, &text.msg, &args)
                        .ok()
                        .map(|r| measure(&r.text));
                    let src_limit = cx.source.entries.get(&text.msg.id).and_then(max_length);
                    uses.push(Use {
                        text,
                        campaign,
                        fixed,
                        src_len,
                        src_limit,
                    });
                }
            }
        }
    }
    // the locales in one chunk per thread; each chunk builds its own
    // arguments (they cannot be shared between threads)
    let per_thread = cx
        .locales
        .len()
        .div_ceil(rayon::current_num_threads().max(1))
        .max(1);
    let found: Vec<Vec<Diagnostic>> = cx
        .locales
        .par_chunks(per_thread)
        .map(|locales| {
            let args: Vec<FluentArgs> = uses
                .iter()
                .map(|u| to_args(u.campaign.vars.iter().chain(&u.text.args)))
                .collect();
            let mut out = Vec::new();
            for l in locales {
                check_locale(cx, l, &uses, &args, &mut out);
            }
            out
        })
        .collect();
    out.extend(found.into_iter().flatten());
}

fn check_locale(
    cx: &Cx,
    l: &LocaleEntries,
    uses: &[Use],
    args: &[FluentArgs],
    out: &mut Vec<Diagnostic>,
) {
    let mut reported: BTreeSet<(String, &str)> = BTreeSet::new();
    for (u, args) in uses.iter().zip(args) {
        let text = u.text;
        let id = &text.msg.id;
        let Some(entry) = l.entries.get(id) else {
            continue;
        };
        let limit = u.src_limit.or_else(|| max_length(entry));
        let ratio = u.fixed && l.locale != cx.catalog.source && u.src_len.is_some();
        if limit.is_none() && !ratio {
            // nothing to report whatever its length: no need to resolve it
            continue;
        }
        let Ok(resolved) = cx.catalog.resolve(l.locale, &text.msg, args) else {
            continue;
        };
        if resolved.fallback.is_some() {
            continue;
        }
        let len = measure(&resolved.text);
        if let Some(max) = limit
            && len > max
            && reported.insert((text.msg.to_string(), "max"))
        {
            out.push(
                entry
                    .at(
                        Diagnostic::error(
                            "length-max",
                            format!(
                                "'{}' is {len} characters long in {}; its limit is {max}",
                                text.msg, l.tag
                            ),
                        ),
                        id,
                    )
                    .with_hint(
                        "shorten the translation; the limit comes from a `# max-length:` comment",
                    ),
            );
        }
        if u.fixed && l.locale != cx.catalog.source {
            let Some(src_len) = u.src_len else {
                continue;
            };
            if len * 2 > src_len * 3
                && len >= src_len + 20
                && reported.insert((text.msg.to_string(), "ratio"))
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
