//! Layout and segmentation never panic; sentences are ordered, trimmed, on char
//! boundaries, with only whitespace between them; clause cuts lose nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mova_text::normalize::Rules;
use mova_text::{layout, segment, sentences};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut pos = 0;
    for r in segment::sentences(text) {
        assert!(r.start >= pos && r.start < r.end && r.end <= text.len());
        assert!(text[pos..r.start].chars().all(char::is_whitespace));
        let s = &text[r.clone()];
        assert!(!s.starts_with(char::is_whitespace) && !s.ends_with(char::is_whitespace));
        pos = r.end;
    }
    assert!(text[pos..].chars().all(char::is_whitespace));
    let units = layout::units(text);
    let same: Vec<String> = units.iter().map(|u| text[u.range.clone()].to_string()).collect();
    assert_eq!(layout::rebuild(text, &units, &same), text);
    for u in &units {
        let unit = &text[u.range.clone()];
        let mut pos = 0;
        for (r, _) in sentences::unit_sentences(unit, Rules::default()) {
            assert!(
                r.start >= pos && r.end <= unit.len() && unit.is_char_boundary(r.start) && unit.is_char_boundary(r.end)
            );
            pos = r.end;
        }
    }
    let pieces = segment::cut::pieces(text.trim(), &|p| p.len() <= 16);
    let t = text.trim();
    let mut pos = 0;
    for r in pieces {
        assert!(r.start >= pos && r.end <= t.len());
        assert!(t[pos..r.start].chars().all(char::is_whitespace));
        pos = r.end;
    }
    let _ = sentences::safe_cut(text);
});
