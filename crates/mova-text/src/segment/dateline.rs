//! Datelines: "MINSK, Belarus (AP) — Police said ...". The dateline becomes a
//! segment of its own, so the model translates the sentence without it.

/// Dashes that close a dateline (after normalisation, `—`).
const DASHES: [&str; 4] = [" — ", " – ", " -- ", " - "];
/// Longest dateline looked for, in bytes.
const MAX_LEN: usize = 100;

/// Byte offset just after the dash of the dateline at the start of `text`.
///
/// A dateline is a place in capitals (at least three letters, no lower case),
/// then optionally a comma and capitalised words (region, date) and an agency
/// in brackets, then a dash, then the sentence.
pub fn end(text: &str) -> Option<usize> {
    let head = &text[..floor_boundary(text, MAX_LEN)];
    let (dash_at, dash) = DASHES.iter().filter_map(|d| head.find(d).map(|p| (p, *d))).min_by_key(|(p, _)| *p)?;
    let before = &head[..dash_at];
    let place_len = before.find([',', '(']).unwrap_or(before.len());
    let place = before[..place_len].trim_end();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3
        || place.chars().any(char::is_lowercase)
        || !place.chars().all(|c| c.is_alphabetic() || " .'-".contains(c))
    {
        return None;
    }
    let rest_ok = before[place_len..].split_whitespace().all(|w| {
        w.trim_start_matches([',', '(']).chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()) || w == ","
    });
    let after = text[dash_at + dash.len()..].chars().next()?;
    (rest_ok && (after.is_uppercase() || after.is_numeric() || after == '"')).then_some(dash_at + dash.len() - 1)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
