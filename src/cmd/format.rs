//! `pamphlet format LOCALE ID [--campaign ID] [--arg name=value]... [--plain]`:
//! one message resolved through the locale's fallback chain, for translators
//! to preview a string and for scripts.
//!
//! The message gets the project's variables, or with `--campaign` the
//! arguments a build of that campaign gives it; `--arg` overrides either.
//! Fluent's bidi isolation marks around placeables (U+2068, U+2069) are kept
//! when stdout is a pipe or a file, so that scripts see exactly what a
//! document holds, and left out on a terminal or with `--plain`, where they
//! only get in the way (some terminals show them as boxes).

use std::io::IsTerminal;
use std::path::Path;

use super::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Reporter};
use crate::cli::FormatArgs;
use crate::locale::to_args;
use crate::pipeline;
use crate::workspace::{MessageRef, VarValue, Vars};

pub fn run(root: &Path, args: &FormatArgs, rep: &Reporter) -> u8 {
    let (inputs, _) = match pipeline::load_with(root, std::slice::from_ref(&args.locale)) {
        Ok(x) => x,
        Err(e) => return rep.workspace_error(e),
    };
    let Some(locale) = inputs.ws.config.locale_index(&args.locale) else {
        let not = inputs.ws.config.not_a_locale();
        rep.error(&format!("{}: {not}", args.locale));
        return EXIT_USAGE;
    };
    let msg = match MessageRef::parse(&args.id) {
        Ok(m) => m,
        Err(why) => {
            rep.error(&why);
            return EXIT_USAGE;
        }
    };
    // project variables, or a campaign's as a build passes them; then the
    // arguments given
    let mut vars: Vars = match &args.campaign {
        None => inputs.ws.config.vars.clone(),
        Some(id) => {
            let Some(campaign) = inputs.ws.campaigns.iter().find(|c| &c.id == id) else {
                rep.error(&unknown_campaign(root, id, &inputs.ws.campaigns));
                return EXIT_USAGE;
            };
            let (vars, others) = campaign.vars_for(&msg);
            if others > 0 {
                rep.info(&format!(
                    "{} names {msg} in several blocks with different args; the first block's are used",
                    campaign.file
                ));
            }
            vars
        }
    };
    for a in &args.args {
        let Some((name, value)) = a.split_once('=') else {
            rep.error(&format!("--arg {a}: write name=value"));
            return EXIT_USAGE;
        };
        let value = VarValue::from_arg(value);
        vars.insert(name.to_owned(), value);
    }
    let catalog = &inputs.catalog;
    match catalog.resolve(locale, &msg, &to_args(&vars)) {
        Ok(resolved) => {
            if strip_isolates(args.plain, std::io::stdout().is_terminal()) {
                println!("{}", without_fluent_isolates(&resolved.text));
            } else {
                println!("{}", resolved.text);
            }
            match &resolved.fallback {
                None => rep.info(&format!("from {}", catalog.tag(locale))),
                Some(f) => rep.info(&format!("from {} (fallback: {})", f.used, f.reason)),
            }
            EXIT_OK
        }
        Err(e) => {
            rep.error(&e.to_string());
            if let Some(hint) = missing_variables_hint(&e.reasons, args, &inputs.ws, &msg) {
                eprintln!("  = hint: {hint}");
            }
            EXIT_CONTENT
        }
    }
}

/// Whether to print without Fluent's isolation marks.
fn strip_isolates(plain: bool, stdout_is_terminal: bool) -> bool {
    plain || stdout_is_terminal
}

/// `text` without FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, the marks
/// Fluent puts around every placeable; any other character stays.
fn without_fluent_isolates(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

fn unknown_campaign(root: &Path, id: &str, campaigns: &[crate::workspace::Campaign]) -> String {
    let file = root.join("campaigns").join(format!("{id}.toml"));
    if file.is_file() {
        return format!(
            "--campaign {id}: campaigns/{id}.toml has errors; `pamphlet check` lists them"
        );
    }
    let known: Vec<&str> = campaigns.iter().map(|c| c.id.as_str()).collect();
    format!(
        "--campaign {id}: no such campaign (known: {})",
        if known.is_empty() {
            "none".to_owned()
        } else {
            known.join(", ")
        }
    )
}

/// For a message that needs variables nobody gave: how to give them.
fn missing_variables_hint(
    reasons: &[String],
    args: &FormatArgs,
    ws: &crate::workspace::Workspace,
    msg: &MessageRef,
) -> Option<String> {
    const UNKNOWN: &str = "Unknown variable: $";
    let mut names: Vec<&str> = Vec::new();
    for r in reasons {
        for (i, _) in r.match_indices(UNKNOWN) {
            let rest = &r[i + UNKNOWN.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(rest.len());
            names.push(&rest[..end]);
        }
    }
    names.sort_unstable();
    names.dedup();
    let example = names.first()?;
    let give = format!(
        "give {} with --arg {example}=VALUE",
        names
            .iter()
            .map(|n| format!("${n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Some(match &args.campaign {
        Some(id) => format!("{give}: campaign {id} does not define it"),
        None => {
            let users: Vec<&str> = ws
                .campaigns
                .iter()
                .filter(|c| c.texts().any(|t| t.msg == *msg))
                .map(|c| c.id.as_str())
                .collect();
            match users.first() {
                Some(first) => format!(
                    "{give}, or pass a campaign's variables with --campaign {first} (campaigns that print {msg}: {})",
                    users.join(", ")
                ),
                None => format!("{give}, or pass a campaign's variables with --campaign ID"),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isolates_are_left_out_on_a_terminal_or_when_asked() {
        assert!(strip_isolates(true, false));
        assert!(strip_isolates(false, true));
        assert!(!strip_isolates(false, false), "pipes and files get them");
        assert_eq!(
            without_fluent_isolates("Apply within \u{2068}15\u{2069} days \u{2066}x\u{2069}"),
            "Apply within 15 days \u{2066}x"
        );
    }
}
