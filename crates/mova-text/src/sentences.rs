//! A unit's sentences as the model reads them: the text stages put together.
//!
//! In: the text of one [`Unit`](crate::layout::Unit). Out: its segments, each as
//! a byte range in that text (gaps kept from the source) and the text the model
//! reads (normalised by [`normalize`], whitespace runs collapsed). Also where a
//! long text can be cut for segmenting its parts apart ([`safe_cut`], for
//! [`crate::stream::Pieces`]).

use std::ops::Range;

use crate::normalize::{self, Rules};
use crate::{layout, segment};

/// Collapses whitespace runs (line breaks of hard-wrapped text included) into one space.
pub fn model_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The segments of one unit: (byte range in `unit`, the text the model reads).
pub fn unit_sentences(unit: &str, rules: Rules) -> Vec<(Range<usize>, String)> {
    let n = normalize::normalize(unit, rules);
    segment::sentences(&n.text).into_iter().map(|r| (n.original_range(r.clone()), model_text(&n.text[r]))).collect()
}

/// Where a long text can be cut for segmenting its parts apart: after its last
/// blank line, else (in one long paragraph) before the last sentence of the last
/// unit, a cut inside a paragraph.
pub fn safe_cut(text: &str) -> Option<(usize, bool)> {
    let mut end = text.len();
    while let Some(p) = text[..end].rfind('\n') {
        let line_start = text[..p].rfind('\n').map_or(0, |q| q + 1);
        if line_start > 0 && text[line_start..p].trim().is_empty() {
            return Some((p + 1, false));
        }
        end = p;
    }
    let unit = layout::units(text).pop()?;
    let unit_text = &text[unit.range.clone()];
    let n = normalize::normalize(unit_text, Rules::default());
    let last = segment::sentences(&n.text).into_iter().skip(1).last()?;
    Some((unit.range.start + n.original_range(last).start, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_text_collapses_whitespace() {
        assert_eq!(model_text("  a\n b\t\tc  "), "a b c");
    }

    #[test]
    fn cuts_at_a_blank_line_else_before_the_last_sentence() {
        assert_eq!(safe_cut("One.\n\nTwo."), Some((6, false)));
        assert_eq!(safe_cut("It rained. Then it stopped."), Some((11, true)));
        assert_eq!(safe_cut("One sentence only."), None);
    }
}
