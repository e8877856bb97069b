//! Arbitrary .ftl files through parsing and resolution, with a fixed valid
//! campaign that uses the messages `a`, `b` and `c` (and attributes of them)
//! with number, string and date arguments.
//!
//! Input: two parts separated by a 0xFF byte (a missing part is empty):
//! `locales/en/m.ftl` (the source locale) and `locales/ar/m.ftl`.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const CAMPAIGN: &str = r#"title = "a"
valid-as-of = 2026-01-15
edition = "2"

[vars]
n = 1
s = "text"

[[document]]
id = "flyer"
kind = "flyer"
paper = "A6"

[[document.block]]
type = "organization"
name = "a"
logo = "mark.svg"
alt = "a.alt"

[[document.block]]
type = "heading"
level = 1
text = "a"
args = { n = 0 }

[[document.block]]
type = "paragraph"
text = "b"
args = { n = 2, s = "$site" }

[[document.block]]
type = "callout"
tone = "warning"
title = "b.title"
text = "c"
args = { n = 1.5, m = -21, big = 999999999999999, d = "$valid-as-of" }

[[document.block]]
type = "steps"
items = ["a", "b", "c"]
args = { n = 11 }

[[document.block]]
type = "break"

[[document.block]]
type = "list"
items = ["c", "a"]
args = { n = 101, s = "" }

[[document.block]]
type = "contact"
entries = [
  { label = "a", phone = "$phone" },
  { label = "b", url = "$site" },
  { label = "c", text = "a" },
]

[[document.block]]
type = "edition"
text = "c"
"#;

static ROOT: OnceLock<PathBuf> = OnceLock::new();

fuzz_target!(
    init: {
        ROOT.get_or_init(|| {
            let root = common::workspace("ftl");
            common::write(&root, "campaigns/c.toml", CAMPAIGN.as_bytes());
            root
        });
    },
    |data: &[u8]| {
        let root = ROOT.get().expect("init ran");
        let [en, ar] = common::split::<2>(data);
        common::write(root, "locales/en/m.ftl", en);
        common::write(root, "locales/ar/m.ftl", ar);
        common::run(root);
    }
);
