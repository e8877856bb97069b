//! `pamphlet format LOCALE ID [--arg name=value]...`: one message resolved
//! through the locale's fallback chain, for translators to preview a string
//! and for scripts.

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
        rep.error(&format!(
            "{} is not a project locale or a pseudo-locale ({})",
            args.locale,
            crate::workspace::config::PSEUDO_LOCALES.join(", ")
        ));
        return EXIT_USAGE;
    };
    let msg = match MessageRef::parse(&args.id) {
        Ok(m) => m,
        Err(why) => {
            rep.error(&why);
            return EXIT_USAGE;
        }
    };
    // project variables, then the arguments given, as a campaign would pass them
    let mut vars: Vars = inputs.ws.config.vars.clone();
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
            println!("{}", resolved.text);
            match &resolved.fallback {
                None => rep.info(&format!("from {}", catalog.tag(locale))),
                Some(f) => rep.info(&format!("from {} (fallback: {})", f.used, f.reason)),
            }
            EXIT_OK
        }
        Err(e) => {
            rep.error(&e.to_string());
            EXIT_CONTENT
        }
    }
}
