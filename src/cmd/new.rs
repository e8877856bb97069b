//! `pamphlet new ID`: a campaign skeleton (`campaigns/ID.toml`) and its
//! source-locale messages (`locales/<source>/ID.ftl`) that build as they are.

use std::fmt::Write as _;
use std::path::Path;

use super::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Reporter};
use crate::cli::NewArgs;
use crate::workspace::paper::LEAFLET_PANEL_NAMES;
use crate::workspace::{self, Kind, slug};

pub fn run(root: &Path, args: &NewArgs, rep: &Reporter) -> u8 {
    if let Err(why) = slug::validate(&args.id) {
        let instead = match slug::suggest(&args.id) {
            Some(s) => format!("try `pamphlet new {s}`"),
            None if slug::is_windows_reserved(&args.id) => {
                "choose another id, e.g. `pamphlet new return-home`".to_owned()
            }
            None => "write it in ASCII, e.g. `pamphlet new return-home` (the id only names files; readers never see it)".to_owned(),
        };
        rep.error(&format!(
            "'{}' cannot be a campaign id: {why}; {instead}",
            args.id
        ));
        return EXIT_USAGE;
    }
    let config_path = root.join(workspace::CONFIG_FILE);
    let text = match std::fs::read_to_string(&config_path) {
        Ok(t) => t,
        Err(_) => {
            rep.error(&format!(
                "{} has no {}; run `pamphlet init DIR` first, or pass --root",
                root.display(),
                workspace::CONFIG_FILE
            ));
            return EXIT_USAGE;
        }
    };
    let source = match workspace::config::parse(&workspace::tomlfile::TomlFile::new(
        workspace::CONFIG_FILE.into(),
        text,
    )) {
        Ok(c) => c.locales[c.source].tag.clone(),
        Err(diags) => {
            rep.diagnostics(&diags);
            return EXIT_USAGE;
        }
    };
    match scaffold(root, &args.id, args.kind.into(), &source) {
        Ok(files) => {
            for f in files {
                rep.info(&format!("created {f}"));
            }
            EXIT_OK
        }
        Err(msg) => {
            rep.error(&msg);
            EXIT_CONTENT
        }
    }
}

/// Writes the two files of a new campaign; refuses to overwrite anything.
pub fn scaffold(root: &Path, id: &str, kind: Kind, source: &str) -> Result<Vec<String>, String> {
    let campaign = format!("campaigns/{id}.toml");
    let messages = format!("locales/{source}/{id}.ftl");
    for rel in [&campaign, &messages] {
        if root.join(rel).exists() {
            return Err(format!("{rel} already exists; choose another id"));
        }
    }
    let (toml, ftl) = skeleton(id, kind, &today());
    for (rel, text) in [(&campaign, toml), (&messages, ftl)] {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {rel}: {e}"))?;
    }
    Ok(vec![campaign, messages])
}

fn skeleton(id: &str, kind: Kind, date: &str) -> (String, String) {
    let surfaces = match kind {
        Kind::Flyer => 2,
        Kind::Leaflet => 6,
        Kind::Brochure => 4,
        Kind::Slides => 3,
        Kind::Video => return video_skeleton(id, date),
        Kind::Sms => return sms_skeleton(id, date),
    };
    let name = kind.name();
    let mut toml = format!(
        "# Campaign '{id}'. Every text field names a message in locales/<source>/{id}.ftl.\n\
         # See docs/campaign-format.md for every block type and field.\n\
         title = \"{id}-title\"\nvalid-as-of = {date}\nedition = \"1\"\n\n\
         [vars]\ndays = 15\n\n\
         [[document]]\nid = \"{name}\"\nkind = \"{name}\"\n"
    );
    let mut ftl = format!(
        "### Messages of the campaign '{id}' in the source locale.\n\n\
         {id}-title = New campaign\n\
         {id}-headline = A clear headline for the reader\n\
         {id}-intro = One or two sentences: who this is for and what they should do.\n"
    );
    let block = |toml: &mut String, ty: &str, fields: &str| {
        let _ = write!(toml, "\n[[document.block]]\ntype = \"{ty}\"\n{fields}");
    };
    surface_comment(&mut toml, kind, 1);
    block(
        &mut toml,
        "heading",
        &format!("level = 1\ntext = \"{id}-headline\"\n"),
    );
    block(&mut toml, "paragraph", &format!("text = \"{id}-intro\"\n"));
    for n in 2..=surfaces {
        block(&mut toml, "break", "");
        surface_comment(&mut toml, kind, n);
        if n < surfaces {
            block(
                &mut toml,
                "heading",
                &format!("text = \"{id}-section-{n}\"\n"),
            );
            block(
                &mut toml,
                "paragraph",
                &format!("text = \"{id}-section-{n}-text\"\n"),
            );
            let _ = write!(
                ftl,
                "{id}-section-{n} = Section {n}\n{id}-section-{n}-text = What the reader needs to know here.\n"
            );
        }
    }
    block(
        &mut toml,
        "callout",
        &format!("tone = \"warning\"\ntext = \"{id}-deadline\"\n"),
    );
    block(&mut toml, "edition", &format!("text = \"{id}-edition\"\n"));
    let _ = write!(
        ftl,
        "# Variables:\n#   $days (Number) - the deadline in days\n\
         {id}-deadline =\n    Act within {{ $days ->\n        [one] {{ $days }} day\n       *[other] {{ $days }} days\n    }}.\n\
         {id}-edition = Valid as of {{ $valid-as-of }}. Edition {{ $edition }}.\n"
    );
    (toml, ftl)
}

/// The head of a campaign file: its title, date, edition and first document.
fn campaign_head(id: &str, date: &str, kind: Kind, extra: &str) -> String {
    let name = kind.name();
    format!(
        "# Campaign '{id}'. Every text field names a message in locales/<source>/{id}.ftl.\n\
         # See docs/campaign-format.md for every block type and field.\n\
         title = \"{id}-title\"\nvalid-as-of = {date}\nedition = \"1\"\n\n\
         [[document]]\nid = \"{name}\"\nkind = \"{name}\"\n{extra}"
    )
}

/// A video's cues: each shows its message from `start` for `duration`
/// (a cue without `start` follows the one before).
fn video_skeleton(id: &str, date: &str) -> (String, String) {
    let mut toml = campaign_head(id, date, Kind::Video, "");
    let mut ftl = format!(
        "### Messages of the campaign '{id}' in the source locale.\n\n{id}-title = New campaign\n"
    );
    let cues = [
        (
            "00:00:01.000",
            "4s",
            "Welcome. This video is for people who have just arrived.",
        ),
        ("", "4s", "It shows what to do in your first days."),
        ("", "3.5s", "Call the hotline if you have a question."),
    ];
    for (n, (start, duration, text)) in cues.iter().enumerate() {
        let n = n + 1;
        let _ = write!(
            toml,
            "\n[[document.block]]\ntype = \"cue\"\ntext = \"{id}-cue-{n}\"\n"
        );
        if !start.is_empty() {
            let _ = writeln!(toml, "start = \"{start}\"");
        }
        let _ = writeln!(toml, "duration = \"{duration}\"");
        let _ = writeln!(ftl, "{id}-cue-{n} = {text}");
    }
    (toml, ftl)
}

/// One text message; `max-segments` keeps every translation within what
/// the campaign pays for.
fn sms_skeleton(id: &str, date: &str) -> (String, String) {
    let toml = campaign_head(id, date, Kind::Sms, "max-segments = 2\n")
        + &format!("\n[[document.block]]\ntype = \"sms\"\ntext = \"{id}-sms\"\n");
    let ftl = format!(
        "### Messages of the campaign '{id}' in the source locale.\n\n{id}-title = New campaign\n\
         # One SMS: short, no links that cannot be checked, the hotline number.\n\
         {id}-sms = Welcome. Register your place of stay within 15 days.\n"
    );
    (toml, ftl)
}

/// A comment naming the surface that starts here: a leaflet's panels by what
/// they are once folded (blocks fill panels in reading order, one `break`
/// per panel), a flyer's sides, a brochure's pages.
fn surface_comment(toml: &mut String, kind: Kind, n: usize) {
    let name = match kind {
        Kind::Leaflet => format!(
            "panel {n}: {}{}",
            LEAFLET_PANEL_NAMES[n - 1],
            match n {
                1 => " (outside, right; left in a right-to-left language)",
                2 => " (the inside of the cover)",
                5 => " (outside, next to the back; seen when the cover opens)",
                6 => " (outside, middle)",
                _ => "",
            }
        ),
        Kind::Flyer => format!("side {n}: {}", if n == 1 { "front" } else { "back" }),
        Kind::Brochure => format!("page {n}"),
        Kind::Slides => format!("slide {n}"),
        Kind::Video | Kind::Sms => return,
    };
    let _ = write!(toml, "\n# ── {name} ──\n");
}

/// Today's date (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date((secs / 86_400) as i64)
}

/// Converts days since 1970-01-01 to a proleptic Gregorian date.
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::civil_date;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_454), "2026-01-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
    }
}
