//! Transliteration never panics on any text, by any scheme, either way (the
//! ranked reverse search included); the scheme parser never panics on any file.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use mova_text::translit::{scheme, Registry, Reverser};
use mova_text::Lang;

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| Registry::builtin().expect("built-in schemes"));
static REVERSE: LazyLock<[Reverser<'static>; 2]> =
    LazyLock::new(|| [REGISTRY.reverser(Lang::Ru), REGISTRY.reverser(Lang::Be)]);

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
    if text.len() <= 64 {
        for r in REVERSE.iter() {
            let _ = r.candidates(text, 3, None);
        }
    }
    let _ = scheme::parse(std::path::Path::new("fuzz.scheme"), text);
});
