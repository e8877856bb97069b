//! ## Usage: `message-unused`
//!
//! **What it checks.** Source messages and terms that no campaign prints and no
//! printed message references (warning). (Messages a campaign names but the
//! source lacks are `message-unknown` errors, reported when the workspace loads.)
//! Not reported while a campaign file does not parse: it may print any of them.
//!
//! **Why it matters.** Every unused message is sent to a dozen translators and
//! paid for a dozen times.
//!
//! **Example.**
//! ```ftl
//! # en: message-unused, when no campaign block names it
//! reg-old-deadline = Apply within 10 days.
//! ```

use std::collections::BTreeSet;

use super::Cx;
use crate::diagnostics::Diagnostic;
use crate::pipeline::Inputs;

/// Ids (`id`, `-term`) the campaigns print, directly or through references.
pub fn used_ids(inputs: &Inputs) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let mut todo: Vec<String> = inputs
        .ws
        .campaigns
        .iter()
        .flat_map(|c| c.texts())
        .map(|t| t.msg.id.clone())
        .collect();
    let data = &inputs.catalog.locales[inputs.catalog.source];
    while let Some(id) = todo.pop() {
        if !used.insert(id.clone()) {
            continue;
        }
        todo.extend(data.refs_of(&id).iter().cloned());
    }
    used
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    // a campaign that did not parse may print any of them: its errors say
    // what to fix, and a warning for each of its messages would bury them
    if !cx.inputs.ws.campaigns_unread.is_empty() {
        return;
    }
    for (id, e) in &cx.source.entries {
        if !cx.used.contains(id) {
            out.push(
                e.at(
                    Diagnostic::warning(
                        "message-unused",
                        format!("'{id}' is not printed by any campaign"),
                    ),
                    id,
                )
                .with_hint("remove it, or name it in a campaign block"),
            );
        }
    }
}
