//! Cutting over-long sentences at clause boundaries.
//!
//! In: a sentence and a test of whether a piece fits the model. Out: byte ranges
//! of pieces that fit (when any cut can make them), trimmed, in order; they are
//! translated one by one and their translations joined with a space. A cut goes
//! where a clause ends (`;`, `:`, a dash, a comma before a conjunction, a
//! comma), as near the middle as possible; whitespace is the last resort.

use std::ops::Range;

/// Conjunctions that open a clause after a comma.
const CONJUNCTIONS: [&str; 12] =
    ["and", "but", "or", "while", "which", "who", "because", "although", "as", "after", "before", "when"];

/// Pieces of `text` for which `fits` holds, cut at the best clause boundaries.
pub fn pieces(text: &str, fits: &dyn Fn(&str) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    split(text, 0..text.len(), fits, &mut out, 0);
    out
}

fn split(text: &str, range: Range<usize>, fits: &dyn Fn(&str) -> bool, out: &mut Vec<Range<usize>>, depth: usize) {
    let piece = &text[range.clone()];
    if depth > 32 || fits(piece) {
        out.push(range);
        return;
    }
    match best_cut(piece) {
        Some((left_end, right_start)) => {
            split(text, range.start..range.start + left_end, fits, out, depth + 1);
            split(text, range.start + right_start..range.end, fits, out, depth + 1);
        }
        None => out.push(range),
    }
}

/// The best place to cut `s`: (end of the left piece, start of the right piece).
fn best_cut(s: &str) -> Option<(usize, usize)> {
    let mid = s.len() as f64 / 2.0;
    let mut best: Option<(f64, usize, usize)> = None;
    for (i, c) in s.char_indices() {
        if !c.is_whitespace() || i == 0 {
            continue;
        }
        let left = s[..i].trim_end();
        let right_start = i + s[i..].len() - s[i..].trim_start().len();
        if left.is_empty() || right_start >= s.len() {
            continue;
        }
        let next_word = s[right_start..].split_whitespace().next().unwrap_or_default();
        let weight = match left.chars().last() {
            Some(';') => 5.0,
            Some(':') => 4.0,
            Some('—' | '–') => 4.0,
            Some(',') if CONJUNCTIONS.contains(&next_word) => 3.5,
            Some(',') => 3.0,
            _ if next_word.starts_with(['—', '(']) => 2.5,
            _ => 1.0,
        };
        let nearness = 1.0 - (i as f64 - mid).abs() / mid.max(1.0);
        let score = weight + 2.0 * nearness;
        if best.is_none_or(|(b, _, _)| score > b) {
            best = Some((score, left.len(), right_start));
        }
    }
    best.map(|(_, l, r)| (l, r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(s: &str, max: usize) -> Vec<&str> {
        pieces(s, &|p| p.len() <= max).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn short_sentences_stay_whole() {
        assert_eq!(cut("A short one.", 100), vec!["A short one."]);
    }

    #[test]
    fn cuts_at_clause_boundaries() {
        let s = "The opposition called for new elections; the government refused to talk to anyone.";
        assert_eq!(
            cut(s, 60),
            vec!["The opposition called for new elections;", "the government refused to talk to anyone."]
        );
        let s = "Police detained dozens of people in the capital, and the protests went on until late at night.";
        assert_eq!(
            cut(s, 60),
            vec!["Police detained dozens of people in the capital,", "and the protests went on until late at night."]
        );
    }

    #[test]
    fn falls_back_to_spaces_and_never_loses_text() {
        let s = "word ".repeat(40);
        let parts = cut(s.trim_end(), 30);
        assert!(parts.iter().all(|p| p.len() <= 30), "{parts:?}");
        assert_eq!(parts.join(" "), s.trim_end());
        assert_eq!(cut("unbreakable", 3), vec!["unbreakable"]);
    }
}
