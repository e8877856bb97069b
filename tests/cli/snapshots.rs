//! Snapshots of one flyer's HTML and text, left-to-right and right-to-left.
//! Update with `INSTA_UPDATE=always cargo test` after a deliberate change.

use super::*;

fn built(locale: &str, ext: &str) -> String {
    let ws = fixture("mini");
    let o = pamphlet(ws.path(), &["build", "--locale", locale]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = read(&ws.path().join(format!("out/notice/{locale}/flyer.{ext}")));
    // the embedded logo is long and says nothing about the layout
    let start = text.find("data:image/svg+xml;base64,");
    match start {
        Some(s) => {
            let end = s + text[s..].find('"').unwrap();
            format!("{}data:…{}", &text[..s], &text[end..])
        }
        None => text,
    }
}

#[test]
fn flyer_html_en() {
    insta::assert_snapshot!(built("en", "html"));
}

#[test]
fn flyer_html_ar() {
    insta::assert_snapshot!(built("ar", "html"));
}

#[test]
fn flyer_txt_en() {
    insta::assert_snapshot!(built("en", "txt"));
}

#[test]
fn flyer_txt_ar() {
    insta::assert_snapshot!(built("ar", "txt"));
}
