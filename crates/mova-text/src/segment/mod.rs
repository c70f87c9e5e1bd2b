//! Sentence segmentation of English news paragraphs.
//!
//! In: the (normalised) text of one [`Unit`](crate::layout::Unit): a paragraph,
//! heading or caption. Out: byte ranges of its segments, in order, trimmed of
//! surrounding whitespace; the text between two segments (the gap) is only
//! whitespace and is kept from the source, so an article is rebuilt exactly from
//! translated segments and the original gaps.
//!
//! A segment is a sentence, or a dateline ("MINSK, Belarus (AP) —"), which is
//! translated on its own. The rules, as a careful editor applies them:
//! - a sentence ends at `.`, `!`, `?` or an ellipsis, with its closing quotes and
//!   brackets, when whitespace and a capital, digit or opening quote follow;
//!   so quotations of several sentences split, and `"Why?" he asked` does not;
//! - never after a title or a Latin phrase (`Mr.`, `Gen.`, `e.g.`), nor after
//!   `No.`/`Art.` before a number; after abbreviations that may end a sentence
//!   (`U.S.`, `Aug.`, `a.m.`, `Inc.`), after initials (`George W. Bush`) and after
//!   dotted abbreviations (`J.K.`) only when a sentence-opening word follows;
//! - nothing inside a word splits: numbers, decimals, times, URLs and e-mail
//!   addresses have no whitespace;
//! - a photo credit at the end of a caption stays with it.
//!
//! The word lists live in `models/segment/rules.txt`. Over-long sentences are cut
//! at clause boundaries by [`cut`].

pub mod cut;
mod dateline;
mod rules;

use std::ops::Range;

use rules::RULES;

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Byte ranges of the segments of `text`.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let words = words(text);
    let mut out = Vec::new();
    let mut start = match words.first() {
        Some(w) => w.start,
        None => return out,
    };
    let mut first = 0;
    if let Some(end) = dateline::end(text) {
        if let Some(k) = words.iter().position(|w| w.start >= end) {
            out.push(start..end);
            start = words[k].start;
            first = k;
        }
    }
    for k in first..words.len().saturating_sub(1) {
        let opens = words[k].start == start || text[..words[k].start].trim_end().ends_with(':');
        if ends_sentence(text, &words, k, opens) {
            out.push(start..words[k].end);
            start = words[k + 1].start;
        }
    }
    if let Some(last) = words.last() {
        out.push(start..last.end);
    }
    out
}

/// Whitespace-separated words of `text`.
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Whether a sentence ends with word `k` (which is not the last word); `opens`:
/// word `k` opens a sentence or follows a colon.
fn ends_sentence(text: &str, words: &[Range<usize>], k: usize, opens: bool) -> bool {
    let word = &text[words[k].clone()];
    let core = word.trim_end_matches(is_closer);
    let stem = core.trim_end_matches(is_terminal);
    let terminal = &core[stem.len()..];
    if terminal.is_empty() {
        return false;
    }
    let next_word = &text[words[k + 1].clone()];
    let next = next_word.trim_start_matches(is_opener);
    let Some(next_first) = next.chars().next() else { return false };
    if !(next_first.is_uppercase() || next_first.is_numeric() || matches!(next_first, '$' | '€' | '£')) {
        return false;
    }
    if is_credit(text, words[k + 1].start) {
        return false;
    }
    if terminal.contains(['!', '?']) || terminal.contains('…') || terminal.len() > 1 {
        return true;
    }
    // One period: is the stem an abbreviation?
    let stem = stem.trim_start_matches(is_opener);
    if stem.is_empty() || stem.ends_with(|c: char| !c.is_alphanumeric()) {
        return true;
    }
    // "non-U.S." is read as "U.S.".
    let key = stem.rsplit('-').next().unwrap_or(stem).to_lowercase();
    let stem = stem.rsplit('-').next().unwrap_or(stem);
    if RULES.never_end.contains(key.as_str()) {
        return false;
    }
    if RULES.before_number.contains(key.as_str()) && next_first.is_numeric() {
        return false;
    }
    if opens && stem.len() <= 2 && stem.bytes().all(|b| b.is_ascii_digit()) {
        return false; // a list number: "1. First point", "these: 1. First"
    }
    if RULES.may_end.contains(key.as_str()) || is_initial(stem) || is_dotted(&key) {
        let opener = next.trim_end_matches(|c: char| !c.is_alphanumeric());
        return RULES.starters.contains(opener);
    }
    true
}

/// Whether a line ending in `line` cannot end a sentence: it ends with a title,
/// an initial or `No.`-like abbreviation ("by Mr.", "John F."). For layout,
/// to join hard-wrapped lines.
pub fn continues_after(line: &str) -> bool {
    let Some(last) = line.split_whitespace().next_back() else { return false };
    let Some(stem) = last.strip_suffix('.') else { return false };
    let stem = stem.trim_start_matches(is_opener);
    let key = stem.to_lowercase();
    RULES.never_end.contains(key.as_str()) || RULES.before_number.contains(key.as_str()) || is_initial(stem)
}

/// A single capital letter: an initial.
fn is_initial(stem: &str) -> bool {
    let mut cs = stem.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
}

/// A dotted abbreviation such as `j.k`, `n.j` or `ph.d`: short letter groups.
fn is_dotted(key: &str) -> bool {
    key.contains('.')
        && key.split('.').all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic))
}

/// Whether the rest of the unit from `start` is a photo credit (`(Name/Agency)`,
/// `(Photo: …)`, `Photo: …`, `Photo by …`) or a citation (`(Bremer, 1998)`).
fn is_credit(text: &str, start: usize) -> bool {
    let rest = text[start..].trim_end();
    if rest.len() > 120 {
        return false;
    }
    let inner = match rest.strip_prefix('(') {
        Some(r) if r.ends_with(')') && !r[..r.len() - 1].contains(['(', ')']) => {
            let year = r
                .trim_end_matches(')')
                .rsplit(", ")
                .next()
                .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
            if r.contains('/') || year && r.contains(", ") {
                return true;
            }
            &r[..r.len() - 1]
        }
        Some(_) => return false,
        None => rest,
    };
    let first = inner.split([' ', ':']).next().unwrap_or_default();
    let after = inner[first.len()..].trim_start();
    RULES.credits.contains(first)
        && (after.starts_with(':') || after.starts_with("by ") || after.starts_with("Photo") || after.is_empty())
}

#[cfg(test)]
mod tests;
