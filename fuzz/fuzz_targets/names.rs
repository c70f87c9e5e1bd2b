//! Names never panic: the gazetteer parser on any file, detection and
//! post-editing on any source and translation text, both languages, and
//! `mova fix`'s pairing of texts (paragraphs) and JSON Lines (records by id).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use mova_text::names::{gazetteer, Detector, Fixer, Gazetteer};
use mova_text::Lang;

static FIXER: LazyLock<Fixer> = LazyLock::new(|| Fixer::new(Detector::new(Gazetteer::builtin())));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = gazetteer::parse(std::path::Path::new("fuzz.tsv"), text);
    let (source, translation) = text.split_once('\n').unwrap_or((text, text));
    for lang in [Lang::Ru, Lang::Be] {
        let fixed = FIXER.fix_all(source, translation, lang);
        let _ = fixed.text.len() + fixed.suspects.len();
        let _ = mova_text::postedit::fix_text(&FIXER, source, translation, lang);
        let _ = mova_text::postedit::fix_jsonl(&FIXER, source, translation, lang);
    }
    let known = FIXER.detector.known(text, &[]);
    let _ = FIXER.detector.unknown(text, &known);
});
