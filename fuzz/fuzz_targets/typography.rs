//! Typography never panics and never loses letters.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mova_text::typography::{apply, Apostrophe, Typography};
use mova_text::Lang;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for lang in [Lang::Ru, Lang::Be] {
        let t = Typography { nbsp_prepositions: true, apostrophe: Apostrophe::Modifier };
        let out = apply(text, lang, &t);
        let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic() && *c != 'ʼ').count();
        assert_eq!(letters(&out), letters(text));
    }
});
