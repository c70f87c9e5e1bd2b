//! Normalisation never panics, its changes tile the text, and they map back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mova_text::normalize::{normalize, Rule, Rules};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for rules in [Rules::default(), Rules::default().with(Rule::Nfkc, true), Rules::NONE] {
        let n = normalize(text, rules);
        let (mut pos, mut npos) = (0, 0);
        for c in &n.changes {
            assert!(c.original.start >= pos && c.original.end >= c.original.start && c.original.end <= text.len());
            assert_eq!(&text[pos..c.original.start], &n.text[npos..c.normalized.start]);
            if !c.normalized.is_empty() {
                assert_eq!(n.original_range(c.normalized.clone()), c.original);
            }
            pos = c.original.end;
            npos = c.normalized.end;
        }
        assert_eq!(&text[pos..], &n.text[npos..]);
        let all = n.original_range(0..n.text.len());
        assert!(text.is_char_boundary(all.start) && text.is_char_boundary(all.end) && all.start <= all.end);
    }
    assert_eq!(normalize(text, Rules::NONE).text, text);
    let _ = mova_text::normalize::safe_cut(text);
});
