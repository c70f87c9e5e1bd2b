//! Sentence segmentation of English news paragraphs.
//!
//! In: the text of one [`Unit`](crate::layout::Unit) (a paragraph, heading or caption).
//! Out: byte ranges of its sentences, in order, trimmed of surrounding whitespace.
//! The text between two sentences (the gap) is never part of a sentence, so an
//! article can be rebuilt from translated sentences and the original gaps.
//!
//! Rules: a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and
//! brackets after it) followed by whitespace and a capital, digit or opening quote;
//! not after an abbreviation from `models/segment/abbreviations.txt` or a single
//! capital (an initial).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

static ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../models/segment/abbreviations.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '«' | '‘' | '(' | '[' | '\'' | '—' | '–')
}

/// Byte ranges of the sentences of `text`.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if start.is_none() && !c.is_whitespace() {
            start = Some(pos);
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len() && (is_closer(chars[j].1) || matches!(chars[j].1, '.' | '!' | '?')) {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let breaks = k > j && k < chars.len() && starts_sentence(chars[k].1) && !(c == '.' && is_abbreviation(text, pos));
            if breaks {
                if let Some(s) = start.take() {
                    out.push(s..end);
                }
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if let Some(s) = start {
        let end = s + text.get(s..).unwrap_or_default().trim_end().len();
        if end > s {
            out.push(s..end);
        }
    }
    out
}

/// Whether the period at byte `dot` ends an abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = text.get(..dot).unwrap_or_default();
    let word_start = before.rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '«' | '—')).map_or(0, |p| p + before[p..].chars().next().map_or(1, char::len_utf8));
    let word = before.get(word_start..).unwrap_or_default();
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        return first.is_uppercase(); // an initial: "John F. Kennedy"
    }
    ABBREVIATIONS.contains(word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn splits_sentences() {
        assert_eq!(split("One two. Three four! Five? Six"), vec!["One two.", "Three four!", "Five?", "Six"]);
        assert_eq!(split("  Lead space.  Two spaces.  "), vec!["Lead space.", "Two spaces."]);
        assert_eq!(split("He said: \"Go.\" Then left."), vec!["He said: \"Go.\"", "Then left."]);
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(split("Mr. Lukashenko met U.S. officials on Aug. 9. They spoke."), vec!["Mr. Lukashenko met U.S. officials on Aug. 9.", "They spoke."]);
        assert_eq!(split("John F. Kennedy spoke at 9.30 a.m. in Minsk."), vec!["John F. Kennedy spoke at 9.30 a.m. in Minsk."]);
        assert_eq!(split("It cost $1.5 billion."), vec!["It cost $1.5 billion."]);
    }

    #[test]
    fn empty_and_blank() {
        assert!(sentences("").is_empty());
        assert!(sentences("   \n ").is_empty());
        assert_eq!(split("No end"), vec!["No end"]);
    }
}
