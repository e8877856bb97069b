//! `pamphlet status`: the translation matrix campaign × locale.

use std::path::Path;

use super::{EXIT_OK, EXIT_USAGE, Reporter, skip_teardown};
use crate::cli::{StatusArgs, StatusFormat};
use crate::pipeline;

pub fn run(root: &Path, args: &StatusArgs, rep: &Reporter) -> u8 {
    let (inputs, diags) = match pipeline::load_with(root, &args.locales) {
        Ok(x) => x,
        Err(e) => return rep.workspace_error(e),
    };
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).cloned().collect();
    rep.diagnostics(&errors);
    let mut wanted = Vec::new();
    for tag in &args.locales {
        match inputs.ws.config.locale_index(tag) {
            Some(i) => wanted.push(i),
            None => {
                let not = inputs.ws.config.not_a_locale();
                rep.error(&format!("--locale {tag}: {not}"));
                return EXIT_USAGE;
            }
        }
    }
    // the messages `check` reports errors in count as errors here too
    let only = (!wanted.is_empty()).then_some(wanted.as_slice());
    let flagged = crate::checks::errors_by_entry(&inputs, diags, only)
        .map(|_, by_id| by_id.keys().cloned().collect());
    let mut status = crate::status::compute(&inputs.catalog, &inputs.ws.campaigns, &flagged);
    if !wanted.is_empty() {
        status.only(&wanted);
    }
    match args.format {
        StatusFormat::Table => print!("{}", status.to_table()),
        StatusFormat::Markdown => print!("{}", status.to_markdown()),
        StatusFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&status).expect("status serializes")
        ),
    }
    skip_teardown(inputs);
    EXIT_OK
}
