//! `pamphlet add-locale TAG [--from LOCALE]`: registers a locale and writes
//! its skeleton files (the work is `crate::add_locale`'s); prints what was
//! created, then the locale's direction and plural categories on stdout.

use std::path::Path;

use super::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Reporter, plural};
use crate::add_locale::{AddLocaleError, CreatedFile, add_locale};
use crate::cli::AddLocaleArgs;

pub fn run(root: &Path, args: &AddLocaleArgs, rep: &Reporter) -> u8 {
    let added = match add_locale(root, &args.tag, args.from.as_deref()) {
        Ok(a) => a,
        Err(e) => return report_error(e, rep),
    };
    let tag = &added.tag;
    if *tag != args.tag {
        rep.info(&format!(
            "'{}' is written {tag} (canonical BCP 47)",
            args.tag
        ));
    }
    rep.info(&format!(
        "added {tag} to project.locales in {}",
        crate::workspace::CONFIG_FILE
    ));
    for f in &added.files {
        rep.info(&format!(
            "created {} ({})",
            f.path,
            contents(f, added.from.as_deref())
        ));
    }
    if added.files.is_empty() {
        rep.info(&format!(
            "locales/{}/ has no .ftl files, so there is nothing to translate yet",
            added.source
        ));
    }
    rep.info(&format!("created {}", added.reviewed));
    println!(
        "{tag}: {}",
        if added.rtl {
            "right to left (rtl)"
        } else {
            "left to right (ltr)"
        }
    );
    match &added.plurals {
        Some(c) => println!("{tag}: plural categories (cardinal): {}", c.join(", ")),
        None => println!(
            "{tag}: plural categories (cardinal): none known; CLDR has no plural rules for {tag}, so plurals would follow English rules (check the tag: e.g. 'he', not 'iw')"
        ),
    }
    rep.info(&format!(
        "next: translate the messages in locales/{tag}/ (docs/translators.md), then run `pamphlet check --locale {tag}` and `pamphlet status --locale {tag}`"
    ));
    EXIT_OK
}

/// `9 messages and 2 terms to translate, the ru text as hint for 11`
fn contents(f: &CreatedFile, from: Option<&str>) -> String {
    let mut out = plural(f.messages, "message", "messages");
    if f.terms > 0 {
        out.push_str(&format!(" and {}", plural(f.terms, "term", "terms")));
    }
    out.push_str(" to translate");
    if let Some(from) = from {
        out.push_str(&format!(", the {from} text as hint for {}", f.hinted));
    }
    out
}

fn report_error(e: AddLocaleError, rep: &Reporter) -> u8 {
    let e = match e {
        AddLocaleError::Workspace(w) => return rep.workspace_error(w),
        other => other,
    };
    let code = match &e {
        AddLocaleError::Workspace(_) => EXIT_USAGE,
        AddLocaleError::Encoding { diagnostic, .. } => {
            rep.diagnostics(std::slice::from_ref(diagnostic));
            EXIT_CONTENT
        }
        AddLocaleError::Write { .. } => EXIT_CONTENT,
        AddLocaleError::InvalidTag(_)
        | AddLocaleError::Pseudo(_)
        | AddLocaleError::AlreadyListed { .. }
        | AddLocaleError::FolderExists { .. }
        | AddLocaleError::UnknownFrom { .. }
        | AddLocaleError::UnusableFrom { .. }
        | AddLocaleError::ConfigLayout(_) => EXIT_USAGE,
    };
    let advice = match &e {
        AddLocaleError::InvalidTag(_) => {
            "; use a BCP 47 tag such as 'ky', 'uk', 'az-Cyrl' or 'pt-BR'"
        }
        AddLocaleError::Pseudo(_) => {
            "; `--locale en-XA` builds it once, or list it in project.locales by hand to build it every time"
        }
        AddLocaleError::FolderExists { .. } => {
            "; if it holds the translations, add the tag to project.locales in pamphlet.toml by hand, otherwise move the folder away and run add-locale again"
        }
        _ => "",
    };
    rep.error(&format!("{e}{advice}; nothing was changed"));
    code
}
