//! Visual regression: how the sample's printed documents look, compared with
//! approved images.
//!
//! The sample is built in English, Arabic and Georgian; the first page of
//! each flyer, leaflet and brochure (the flyer's front, the leaflet's outside
//! sheet with the flap, back and front panels, the brochure's cover), as the
//! build's preview renders it in-process with Typst (`typst-render`, 0.5 px
//! per point, about 36 dpi, trim size; `out/_previews/`), is turned grey and
//! compared with `tests/visual/<campaign>.<locale>.<document>.png`.
//!
//! Approve a new look after checking it (the images of a failed run are in
//! `tmp/visual/` of cargo's target folder, with a picture of the differences):
//!
//! ```sh
//! PAMPHLET_APPROVE=1 cargo test --test cli visual::
//! ```
//!
//! which writes the images and `tests/visual/fonts.txt`, the fonts each PDF
//! was set in. The test compares only when the build used those fonts (the
//! sample's are system fonts: fonts-noto-core); otherwise it says so and
//! passes, or fails under `PAMPHLET_REQUIRE_FONTS` (as CI runs it).
//!
//! The tolerance ([`Tolerance`]) lets through what a rasterizer or a font
//! release changes at the edges of letters, and nothing a reader would see.

use std::path::{Path, PathBuf};

use super::*;

const DOCUMENTS: &[(&str, &str)] = &[
    ("register-stay", "flyer"),
    ("permits", "leaflet"),
    ("rights", "brochure"),
];
const LOCALES: &[&str] = &["en", "ar", "ka"];

/// A grey image: one byte per pixel, 0 black to 255 white.
#[derive(Debug, Clone, PartialEq)]
struct Grey {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

fn decode(path: &Path) -> Grey {
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let mut decoder = png::Decoder::new(file);
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels = buf[..info.line_size * info.height as usize]
        .chunks(info.line_size)
        .flat_map(|line| line[..info.width as usize * channels].chunks(channels))
        .map(|px| {
            let (rgb, alpha) = match px.len() {
                1 => ([px[0]; 3], 255),
                2 => ([px[0]; 3], px[1]),
                3 => ([px[0], px[1], px[2]], 255),
                _ => ([px[0], px[1], px[2]], px[3]),
            };
            // luma (Rec. 709, as WCAG's luminance weighs the channels), over white
            let luma = 0.2126 * f64::from(rgb[0])
                + 0.7152 * f64::from(rgb[1])
                + 0.0722 * f64::from(rgb[2]);
            let a = f64::from(alpha) / 255.0;
            (luma * a + 255.0 * (1.0 - a)).round() as u8
        })
        .collect();
    Grey {
        width: info.width,
        height: info.height,
        pixels,
    }
}

fn encode(image: &Grey, path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut encoder = png::Encoder::new(file, image.width, image.height);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&image.pixels).unwrap();
}

/// How far a rendering may be from the approved image. Either limit fails it.
///
/// - `mean`: the average difference of all pixels, in grey levels (of 255).
///   A colour field that changes colour moves it by the difference times the
///   share of the page it covers: the English flyer in the `bold` theme
///   instead of `civic` differs by 11.3 (its cover is red, not blue).
/// - `share` of the pixels that differ by more than `level`: a word
///   changed, a line that wraps elsewhere, an icon that is gone or a block
///   moved by one line differ by far more than `level` over hundreds of
///   pixels (measured on the English flyer: a word of the title changed,
///   0.71 % of its 62,580 pixels; the pictogram of one paragraph left out,
///   which moves the lines after it, 0.68 %), while anti-aliasing and
///   hinting differences stay below `level`.
///
/// What passes: changes of a few pixels at 36 dpi, such as one digit
/// changed (15 to 16 days on the flyer: 5 pixels, 0.008 %). The words
/// themselves are tested from the text of the PDFs, not here.
struct Tolerance {
    mean: f64,
    level: u8,
    share: f64,
}

const TOLERANCE: Tolerance = Tolerance {
    mean: 0.5,
    level: 64,
    share: 0.0005,
};

/// The differences of two images of one size: the mean, the share of
/// pixels beyond `level`, and a picture of them (black where they differ).
fn difference(a: &Grey, b: &Grey, level: u8) -> (f64, f64, Grey) {
    let mut sum = 0u64;
    let mut beyond = 0usize;
    let pixels = a
        .pixels
        .iter()
        .zip(&b.pixels)
        .map(|(x, y)| {
            let d = x.abs_diff(*y);
            sum += u64::from(d);
            if d > level {
                beyond += 1;
            }
            255 - d
        })
        .collect();
    let n = a.pixels.len().max(1) as f64;
    (
        sum as f64 / n,
        beyond as f64 / n,
        Grey {
            width: a.width,
            height: a.height,
            pixels,
        },
    )
}

fn approved_dir() -> PathBuf {
    repo().join("tests/visual")
}

/// The fonts of each document, as `fonts.txt` lists them:
/// `campaign/locale/document.pdf: Family, Family`.
fn fonts_of(root: &Path) -> String {
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&root.join("out/manifest.json"))).unwrap();
    let mut lines = Vec::new();
    for (campaign, document) in DOCUMENTS {
        for locale in LOCALES {
            let path = format!("{campaign}/{locale}/{document}.pdf");
            let entry = manifest["files"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["path"] == path.as_str())
                .unwrap_or_else(|| panic!("{path} is in the manifest"));
            let fonts: Vec<&str> = entry["pdf"]["fonts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap())
                .collect();
            lines.push(format!("{path}: {}\n", fonts.join(", ")));
        }
    }
    lines.concat()
}

#[test]
fn the_sample_looks_as_approved() {
    let ws = sample_workspace();
    let mut args = vec!["build", "--format", "pdf"];
    for locale in LOCALES {
        args.extend(["--locale", locale]);
    }
    let o = pamphlet(ws.path(), &args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let fonts = fonts_of(ws.path());
    let approving = std::env::var_os("PAMPHLET_APPROVE").is_some();
    if approving {
        std::fs::create_dir_all(approved_dir()).unwrap();
        std::fs::write(approved_dir().join("fonts.txt"), &fonts).unwrap();
    } else {
        let approved_fonts = read(&approved_dir().join("fonts.txt"));
        if fonts != approved_fonts {
            assert!(
                std::env::var_os("PAMPHLET_REQUIRE_FONTS").is_none(),
                "the sample was set in other fonts than the approved images:\n{fonts}approved:\n{approved_fonts}"
            );
            eprintln!(
                "visual: the sample was set in other fonts than the approved images (apt-get install fonts-noto-core); not compared"
            );
            return;
        }
    }
    let failed_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("visual");
    // only this run's differences: an image left by an earlier run would mislead
    let _ = std::fs::remove_dir_all(&failed_dir);
    let mut failures = Vec::new();
    for (campaign, document) in DOCUMENTS {
        for locale in LOCALES {
            let preview = ws
                .path()
                .join(format!("out/_previews/{campaign}/{locale}/{document}.png"));
            let image = decode(&preview);
            let name = format!("{campaign}.{locale}.{document}.png");
            let approved = approved_dir().join(&name);
            if approving {
                encode(&image, &approved);
                continue;
            }
            let want = decode(&approved);
            let why = if (want.width, want.height) != (image.width, image.height) {
                Some(format!(
                    "{}×{} px, approved {}×{} px",
                    image.width, image.height, want.width, want.height
                ))
            } else {
                let (mean, share, picture) = difference(&want, &image, TOLERANCE.level);
                (mean > TOLERANCE.mean || share > TOLERANCE.share).then(|| {
                    encode(&picture, &failed_dir.join(format!("diff.{name}")));
                    format!(
                        "mean difference {mean:.2} grey levels (at most {}), {:.3} % of the pixels differ by more than {} (at most {} %)",
                        TOLERANCE.mean,
                        share * 100.0,
                        TOLERANCE.level,
                        TOLERANCE.share * 100.0
                    )
                })
            };
            if let Some(why) = why {
                encode(&image, &failed_dir.join(&name));
                failures.push(format!("{name}: {why}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "the sample looks different from the approved images:\n  {}\nthe new images and the differences are in {}; if the change is intended, approve it: PAMPHLET_APPROVE=1 cargo test --test cli visual::",
        failures.join("\n  "),
        failed_dir.display()
    );
}

/// The comparison tells apart what the tolerance lets through from what it
/// must not: the same image passes, a changed colour field and a moved line
/// of text fail.
#[test]
fn the_tolerance_fails_a_changed_field_and_a_moved_line() {
    let (w, h) = (200u32, 300u32);
    let mut page = Grey {
        width: w,
        height: h,
        pixels: vec![255; (w * h) as usize],
    };
    // a colour field over the top third and a line of "text" under it
    let field = 72u8;
    for y in 0..100 {
        for x in 0..w {
            page.pixels[(y * w + x) as usize] = field;
        }
    }
    let text = |img: &mut Grey, top: u32| {
        for y in top..top + 6 {
            for x in (20..180).step_by(3) {
                img.pixels[(y * w + x) as usize] = 30;
            }
        }
    };
    text(&mut page, 150);
    let within = |a: &Grey, b: &Grey| {
        let (mean, share, _) = difference(a, b, TOLERANCE.level);
        mean <= TOLERANCE.mean && share <= TOLERANCE.share
    };
    assert!(within(&page, &page.clone()));
    // anti-aliasing: a faint fringe beside every stroke of the text passes
    let mut fringed = page.clone();
    for y in 150..156 {
        for x in (21..180).step_by(3) {
            fringed.pixels[(y * w + x) as usize] = 255 - 40;
        }
    }
    assert!(within(&page, &fringed));
    // the field in another colour (the bold theme's red is 23 levels darker in grey)
    let mut recoloured = page.clone();
    for p in &mut recoloured.pixels[..(100 * w) as usize] {
        *p = field - 23;
    }
    assert!(!within(&page, &recoloured));
    // the line of text one line lower
    let mut moved = page.clone();
    for p in &mut moved.pixels[(150 * w) as usize..] {
        *p = 255;
    }
    text(&mut moved, 160);
    assert!(!within(&page, &moved));
}
