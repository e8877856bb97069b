//! Arbitrary campaign TOML and .ftl files through load → check → render.
//!
//! Input: three parts separated by 0xFF bytes (missing parts are empty):
//! `campaigns/c.toml`, `locales/en/m.ftl` (the source locale),
//! `locales/ar/m.ftl`. The project file, the assets and a ru translation
//! are fixed (see common.rs).

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

static ROOT: OnceLock<PathBuf> = OnceLock::new();

fuzz_target!(
    init: {
        ROOT.get_or_init(|| common::workspace("workspace"));
    },
    |data: &[u8]| {
        let root = ROOT.get().expect("init ran");
        let [campaign, en, ar] = common::split::<3>(data);
        common::write(root, "campaigns/c.toml", campaign);
        common::write(root, "locales/en/m.ftl", en);
        common::write(root, "locales/ar/m.ftl", ar);
        common::run(root);
    }
);
