//! `pamphlet init DIR`: a working starter workspace, written from text
//! embedded in the binary, with one campaign that builds as it is.

use std::path::Path;

use super::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE, Reporter};
use crate::cli::InitArgs;
use crate::workspace::{CONFIG_FILE, Kind};

const CONFIG: &str = r#"# pamphlet project settings. See docs/campaign-format.md in pamphlet's repository.

[project]
name = "My campaigns"
source-locale = "en"
# Add a locale with `pamphlet add-locale TAG`: it lists the tag here and writes locales/TAG/.
locales = ["en"]
formats = ["html", "txt"]
output = "out"

# Explicit fallback chains, e.g. az = ["tr"]; the source locale always comes last.
[fallback]

# Variables every message can use as { $name }.
[vars]
hotline = "+1 555 0100"
"#;

const TEMPLATES_README: &str = "Templates placed here replace pamphlet's built-in ones with the same name\n\
(html/base.html, html/style.html, html/blocks.html, html/flyer.html, html/leaflet.html,\n\
html/brochure.html, txt/base.txt, txt/blocks.txt, txt/flyer.txt, txt/leaflet.txt,\n\
txt/brochure.txt, index.html). Leave this folder empty to use the defaults.\n";

pub fn run(args: &InitArgs, rep: &Reporter) -> u8 {
    let dir = &args.dir;
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        rep.error(&format!(
            "{} exists and is not empty; init only writes into a new or empty folder",
            dir.display()
        ));
        return EXIT_USAGE;
    }
    match write(dir) {
        Ok(()) => {
            rep.info(&format!(
                "created a workspace in {0}\nnext: cd {0} && pamphlet build, then open out/index.html",
                dir.display()
            ));
            EXIT_OK
        }
        Err(msg) => {
            rep.error(&msg);
            EXIT_CONTENT
        }
    }
}

fn write(dir: &Path) -> Result<(), String> {
    let err = |e: std::io::Error| format!("cannot write in {}: {e}", dir.display());
    for sub in ["campaigns", "locales/en", "templates", "assets"] {
        std::fs::create_dir_all(dir.join(sub)).map_err(err)?;
    }
    std::fs::write(dir.join(CONFIG_FILE), CONFIG).map_err(err)?;
    std::fs::write(dir.join(".gitignore"), "out/\nout.lock\n").map_err(err)?;
    std::fs::write(dir.join("templates/README.md"), TEMPLATES_README).map_err(err)?;
    super::new::scaffold(dir, "welcome", Kind::Flyer, "en")?;
    Ok(())
}
