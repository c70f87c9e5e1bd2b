//! Words of a text and what stands around them.
//!
//! In: a source or output text and byte ranges in it. Out: the words of an
//! output text, and the tests the post-edit makes on a word's neighbours:
//! part of a compound, of a longer name (Latin or Cyrillic), an honorific
//! before a name in the source, an unknown name left in Latin letters.

use std::ops::Range;

use super::context;
use super::forms::Renderings;
use super::{Mention, Origin, Suspect};

/// Latin words of the output that the source has capitalised and no listed
/// name explains: an unknown name the model did not translate.
pub(super) fn latin_left(
    source: &str,
    text: &str,
    edits: &[(Range<usize>, String, usize, Origin)],
    mentions: &[Mention],
) -> Vec<Suspect> {
    let cyrillic = text.chars().filter(|c| ('\u{400}'..='\u{4ff}').contains(c)).count();
    let latin = text.chars().filter(char::is_ascii_alphabetic).count();
    if cyrillic <= latin {
        return Vec::new();
    }
    let mut out: Vec<Suspect> = Vec::new();
    for range in tokens(text) {
        let w = &text[range.clone()];
        if !w.is_ascii()
            || !w.starts_with(|c: char| c.is_ascii_uppercase())
            || edits.iter().any(|e| e.0.start <= range.start && range.end <= e.0.end)
        {
            continue;
        }
        let in_source = source.match_indices(w).any(|(at, _)| boundary(source, &(at..at + w.len())));
        let known = mentions.iter().any(|m| source[m.range.clone()].split(' ').any(|s| s == w));
        if in_source && !known && !out.iter().any(|s| s.word == w) {
            out.push(Suspect {
                entity: String::new(),
                source: w.to_string(),
                word: w.to_string(),
                why: "left in Latin letters; not a listed name".into(),
            });
        }
    }
    out
}

/// An English honorific right before `at` (Mr., Dr.).
pub(super) fn honorific_before(source: &str, at: usize) -> bool {
    source[..at].strip_suffix(' ').and_then(|b| b.rsplit(' ').next()).is_some_and(|w| context::english("honorifics", w))
}

/// A place or organisation spelling inside a longer capitalised name of the
/// source ("Air Canada", "Washington Capitals"): the translation may keep
/// that name as it is.
pub(super) fn inside_longer_name(source: &str, r: &Range<usize>, all: &[Mention]) -> bool {
    let other = |w: &str, at: usize| {
        w.starts_with(char::is_uppercase)
            && !context::english("free-neighbours", w)
            && !all.iter().any(|m| m.range.start <= at && at < m.range.end)
    };
    let before = source[..r.start].strip_suffix(' ').and_then(|b| {
        let from = b.rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\'')).map_or(0, |i| i + 1);
        (!context::starts_sentence(&b[..from])).then(|| (&b[from..], from))
    });
    let after = source[r.end..]
        .strip_prefix(' ')
        .map(|a| (a.split(|c: char| !(c.is_alphanumeric() || c == '\'')).next().unwrap_or(""), r.end + 1));
    before.is_some_and(|(w, at)| other(w, at)) || after.is_some_and(|(w, at)| other(w, at))
}

/// Words of the output (letters, apostrophes inside, a Latin 's kept).
pub(super) fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let inside = c.is_alphabetic()
            || (start.is_some()
                && (c == '\'' || c == '’')
                && text[i + c.len_utf8()..].starts_with(char::is_alphabetic));
        match (start, inside) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether a capitalised Latin word that renders no name word stands right
/// before or after `range` (one space between).
pub(super) fn latin_neighbour(text: &str, range: &Range<usize>, r: &Renderings) -> bool {
    let name_like = |w: &str| {
        let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '\'' || c == '&' || c == '.')
            && !r.by_form.contains_key(&w.to_lowercase())
    };
    let before = text[..range.start].strip_suffix(' ').and_then(|b| b.rsplit(' ').next()).is_some_and(name_like);
    let after = text[range.end..]
        .strip_prefix(' ')
        .and_then(|a| a.split([' ', ',', '.', ';', ':', ')', '»', '"']).next())
        .is_some_and(name_like);
    before || after
}

/// Whether a capitalised word that renders no name word (`renders` says which
/// lower-case words do) stands right before `range` (not opening the
/// sentence) or right after it.
pub(super) fn cyrillic_neighbour(text: &str, range: &Range<usize>, renders: impl Fn(&str) -> bool) -> bool {
    let name_like = |w: &str| {
        w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic) && !renders(&w.to_lowercase())
    };
    let before = text[..range.start].strip_suffix(' ').and_then(|b| {
        let from =
            b.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + b[i..].chars().next().map_or(1, char::len_utf8));
        // In quotes a name goes on from the first word («Эйр Кэнада»).
        let quoted = b[..from].ends_with(['«', '"', '“', '„']);
        (quoted || !context::starts_sentence(&b[..from])).then(|| &b[from..])
    });
    let after = text[range.end..].strip_prefix(' ').map(|a| a.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
    before.is_some_and(name_like) || after.is_some_and(name_like)
}

/// Part of a hyphenated compound (Минск-Арена, Гродно-Азот).
pub(super) fn compound(text: &str, r: &Range<usize>) -> bool {
    let before = text[..r.start].strip_suffix('-').is_some_and(|b| b.ends_with(char::is_alphabetic));
    let after = text[r.end..].strip_prefix('-').is_some_and(|a| a.starts_with(char::is_alphabetic));
    before || after
}

pub(super) fn boundary(text: &str, r: &Range<usize>) -> bool {
    let before = text[..r.start].chars().next_back();
    let after = text[r.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}
