//! Post-editing names in a translation.
//!
//! In: a source sentence's [`Mention`]s and the model's translation of it into
//! one language. Out: the translation with each name in that language's form,
//! in the case the model used, and a [`Change`] per edit. What counts as the
//! model's rendering of a name: any case form of the target form (left as it
//! is), of the other language's form (Лукашенко in Belarusian output), the
//! English spelling left in Latin letters (nominative; genitive with 's), or a
//! near miss sharing the stem (its ending tells the case).

use std::collections::HashMap;

use super::inflect::{self, Case, Role, CASES};
use super::{Detector, Entity, Kind, Mention, Part};
use crate::lang::Lang;

/// Confidence a derived name needs to be written into translations.
const MIN_DERIVED: f32 = 0.5;

/// One edit of the output.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Change {
    /// Entity id.
    pub entity: String,
    /// The English spelling in the source.
    pub source: String,
    /// What the model wrote.
    pub model: String,
    /// What mova wrote instead.
    pub mova: String,
}

/// Finds names in source sentences and fixes translations.
pub struct Fixer {
    pub detector: std::sync::Arc<Detector>,
}

/// How a token of the output may be a name word.
#[derive(Debug, Clone)]
struct Hit {
    mention: usize,
    word: usize,
    case: Case,
    /// The token is already the target form.
    right: bool,
}

impl Fixer {
    pub fn new(detector: impl Into<std::sync::Arc<Detector>>) -> Fixer {
        Fixer { detector: detector.into() }
    }

    /// Names in a source sentence. Derived places and derived names of low
    /// confidence are left out: a wrong guess in the output is worse than
    /// the model's own form.
    pub fn mentions(&self, source: &str) -> Vec<Mention> {
        let sure = |m: &Mention| {
            let e = &self.detector.entities[m.entity];
            e.derived.is_none_or(|c| e.kind == Kind::Person && c >= MIN_DERIVED)
        };
        self.detector.known(source, &[]).into_iter().filter(sure).collect()
    }

    /// `translation` (of `source`, into `lang`) with its names put right.
    pub fn fix(&self, source: &str, translation: &str, lang: Lang) -> (String, Vec<Change>) {
        let mentions = self.mentions(source);
        if mentions.is_empty() {
            return (translation.to_string(), Vec::new());
        }
        let other = match lang {
            Lang::Ru => Lang::Be,
            Lang::Be => Lang::Ru,
        };
        // Every form a name word may take in the output → where it points.
        let mut lookup: HashMap<String, Hit> = HashMap::new();
        let mut targets: Vec<Vec<[String; 6]>> = Vec::new();
        for (mi, m) in mentions.iter().enumerate() {
            let e = &self.detector.entities[m.entity];
            let t_words = e.words_for(lang, m.part);
            let forms_t: Vec<[String; 6]> = t_words.iter().enumerate().map(|(k, w)| inflect::forms(w, lang, role(e, m.part, k, t_words.len()))).collect();
            let o_words = e.words_for(other, m.part);
            if !t_words.is_empty() {
                if o_words.len() == t_words.len() {
                    for (k, w) in o_words.iter().enumerate() {
                        for (c, f) in inflect::forms(w, other, role(e, m.part, k, o_words.len())).iter().enumerate() {
                            lookup.entry(f.to_lowercase()).or_insert(Hit { mention: mi, word: k, case: CASES[c], right: false });
                        }
                    }
                }
                let english: Vec<&str> = source[m.range.clone()].split(' ').collect();
                if english.len() == t_words.len() {
                    for (k, w) in english.iter().enumerate() {
                        lookup.entry(w.to_lowercase()).or_insert(Hit { mention: mi, word: k, case: Case::Nom, right: false });
                    }
                } else if let Some(last) = english.last() {
                    lookup.entry(last.to_lowercase()).or_insert(Hit { mention: mi, word: t_words.len() - 1, case: Case::Nom, right: false });
                }
                for (k, forms) in forms_t.iter().enumerate() {
                    for (c, f) in forms.iter().enumerate() {
                        lookup.insert(f.to_lowercase(), Hit { mention: mi, word: k, case: CASES[c], right: true });
                    }
                }
            }
            targets.push(forms_t);
        }
        let mut out = String::with_capacity(translation.len() + 16);
        let mut changes = Vec::new();
        // An English spelling left whole whose words do not match the target's
        // one by one ("European Union" → Евросоюз) is replaced whole.
        let mut whole: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
        for (mi, m) in mentions.iter().enumerate() {
            let spelling = &source[m.range.clone()];
            let n = self.detector.entities[m.entity].words_for(lang, m.part).len();
            if spelling.split(' ').count() == n || n == 0 {
                continue;
            }
            let mut from = 0;
            while let Some(p) = translation[from..].find(spelling) {
                let r = from + p..from + p + spelling.len();
                if !whole.iter().any(|(w, _)| w.start < r.end && r.start < w.end) {
                    whole.push((r.clone(), mi));
                }
                from = r.end;
            }
        }
        whole.sort_by_key(|(r, _)| r.start);
        let mut whole = whole.into_iter().peekable();
        let mut pos = 0;
        for (range, token) in tokens(translation) {
            if range.start < pos {
                continue;
            }
            if let Some((r, mi)) = whole.peek().cloned().filter(|(r, _)| r.start == range.start) {
                whole.next();
                let e = &self.detector.entities[mentions[mi].entity];
                let new = e.words_for(lang, mentions[mi].part).join(" ");
                out.push_str(&translation[pos..r.start]);
                out.push_str(&new);
                changes.push(Change { entity: e.id.clone(), source: source[mentions[mi].range.clone()].to_string(), model: translation[r.clone()].to_string(), mova: new });
                pos = r.end;
                continue;
            }
            // A Latin leftover with 's is a genitive.
            let bare = token.strip_suffix("'s").or_else(|| token.strip_suffix("’s")).filter(|b| b.is_ascii());
            let low = bare.unwrap_or(token).to_lowercase();
            let hit = lookup.get(&low).cloned().or_else(|| near_miss(&low, &lookup));
            let Some(hit) = hit.filter(|h| !h.right) else { continue };
            let end = range.end;
            let case = if bare.is_some() { Case::Gen } else { hit.case };
            let Some(mut new) = targets[hit.mention].get(hit.word).map(|f| f[case as usize].clone()) else { continue };
            // A name in capitals (a dateline) stays in capitals.
            if token.chars().count() > 1 && token.chars().all(|c| !c.is_lowercase()) {
                new = new.to_uppercase();
            }
            out.push_str(&translation[pos..range.start]);
            out.push_str(&new);
            let m = &mentions[hit.mention];
            changes.push(Change {
                entity: self.detector.entities[m.entity].id.clone(),
                source: source[m.range.clone()].to_string(),
                model: translation[range.start..end].to_string(),
                mova: new,
            });
            pos = end;
        }
        out.push_str(&translation[pos..]);
        (out, changes)
    }
}

fn role(e: &Entity, part: Part, k: usize, n: usize) -> Role {
    let person = e.kind == Kind::Person;
    Role { gender: e.gender, person, surname: person && (part == Part::Surname || k + 1 == n && n >= 2) }
}

/// Words of the output (letters, apostrophes and hyphens inside).
fn tokens(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let inside = c.is_alphabetic() || (start.is_some() && (c == '\'' || c == '’') && text[i + c.len_utf8()..].starts_with(char::is_alphabetic));
        match (start, inside) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s..i, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// A Cyrillic word within a letter or two of a form of the name (an invented
/// spelling, a wrong vowel): the closest form gives the case.
fn near_miss(low: &str, lookup: &HashMap<String, Hit>) -> Option<Hit> {
    let n = low.chars().count();
    if n < 5 || low.is_ascii() {
        return None;
    }
    let limit = if n >= 9 { 2 } else { 1 };
    let mut best: Option<(usize, &str, Hit)> = None;
    for (form, hit) in lookup.iter().filter(|(f, _)| !f.is_ascii()) {
        if form.chars().next() != low.chars().next() {
            continue;
        }
        let d = distance(form, low);
        if d <= limit && best.as_ref().is_none_or(|(b, f, _)| d < *b || d == *b && form.as_str() < *f) {
            best = Some((d, form, Hit { right: false, ..hit.clone() }));
        }
    }
    best.map(|(_, _, h)| h)
}

/// Levenshtein distance over chars.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for j in 0..b.len() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != b[j])).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests;
