//! Transliteration never panics on any text, by any scheme, either way; the
//! scheme parser never panics on any file.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use mova::translit::{scheme, Registry};

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| Registry::builtin().expect("built-in schemes"));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for s in REGISTRY.schemes() {
        let (_, c) = REGISTRY.get(s.lang, &s.id).expect("listed scheme");
        let t = c.forward(text);
        assert!(t.unknown.iter().all(|(_, ch)| !ch.is_ascii()));
        if let Some(back) = c.reverse(&t.text) {
            let _ = back.len();
        }
    }
    let _ = scheme::parse(std::path::Path::new("fuzz.scheme"), text);
});
