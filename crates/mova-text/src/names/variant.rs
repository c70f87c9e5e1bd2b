//! Which listed entity an English spelling means, whatever its romanization.
//!
//! In: the gazetteer's entities, then spellings found in text (one to three
//! words). Out: a [`Resolution`]: the entity (and which part of its name the
//! spelling is), a namesake (same surname, other given name: a different
//! person), several equally close entities (ambiguous, reported, not merged),
//! or nothing. Spellings are compared by [`key`], which folds the
//! romanization variants of Slavic names (`models/names/variant_folds.tsv`),
//! with a small edit distance on the key ([`allowed`]). The given name
//! decides between people sharing a surname: the same name of the
//! given-names tables, or keys within one edit.

use std::sync::OnceLock;

use super::detect::given_name;
use super::{Entity, Kind, Part};

const FOLDS: &str = include_str!("../../../../models/names/variant_folds.tsv");

fn folds() -> &'static [(String, String)] {
    static F: OnceLock<Vec<(String, String)>> = OnceLock::new();
    F.get_or_init(|| {
        FOLDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|l| l.split_once('\t'))
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    })
}

/// The variant key of one word (or of a name, words joined by a space).
pub fn key(spelling: &str) -> String {
    let mut s: String = spelling.to_lowercase();
    for (from, to) in folds() {
        if s.contains(from.as_str()) {
            s = s.replace(from.as_str(), to);
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for c in s.chars() {
        if last != Some(c) {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Edits allowed between two keys of this length: none for short words, one
/// up to seven letters, two beyond.
pub fn allowed(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// Levenshtein distance, or `None` when over `max`.
pub fn distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().min().is_some_and(|&m| m > max) {
            return None;
        }
        prev = cur;
    }
    prev.last().copied().filter(|&d| d <= max)
}

/// Keys within the allowed distance of each other (the shorter key decides).
fn close(a: &str, b: &str) -> Option<usize> {
    distance(a, b, allowed(a.chars().count().min(b.chars().count())))
}

/// What a spelling found in text means.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    /// The spelling is this part of these entities' names (several only for a
    /// surname shared by listed people: the article decides, as for exact
    /// surnames).
    Entity(Vec<usize>, Part),
    /// Another person with a listed person's surname (same key): derive the
    /// given name, take the surname's forms from this entity.
    Namesake(usize),
    /// Several entities equally close: not merged.
    Ambiguous(Vec<usize>),
    None,
}

/// One listed spelling, folded.
struct Entry {
    entity: usize,
    kind: Kind,
    words: usize,
    /// Key of the whole spelling.
    whole: String,
    /// Persons: the given name (lower case) and the surname's key.
    given: String,
    surname: String,
}

/// The gazetteer's spellings, folded for variant look-up.
pub struct Index {
    entries: Vec<Entry>,
}

impl Index {
    pub fn new(entities: &[Entity]) -> Index {
        let mut entries = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            for s in &e.english {
                let words: Vec<&str> = s.split(' ').collect();
                let (given, surname) = match (e.kind, words.as_slice()) {
                    (Kind::Person, [g, .., l]) => (g.to_lowercase(), key(l)),
                    (Kind::Person, [l]) => (String::new(), key(l)),
                    _ => (String::new(), String::new()),
                };
                entries.push(Entry { entity: i, kind: e.kind, words: words.len(), whole: key(s), given, surname });
            }
        }
        Index { entries }
    }

    /// Whether two given names are the same name: one name of the tables
    /// (by spelling or key), or keys within one edit.
    pub fn same_given(&self, a: &str, b: &str) -> bool {
        if a.eq_ignore_ascii_case(b) {
            return true;
        }
        match (given_name(a), given_name(b)) {
            (Some(x), Some(y)) => x == y,
            _ => distance(&key(a), &key(b), 1).is_some(),
        }
    }

    /// What `spelling` (one to three words, as found) means.
    pub fn resolve(&self, spelling: &str) -> Resolution {
        let words: Vec<&str> = spelling.split(' ').filter(|w| !w.is_empty()).collect();
        match words.as_slice() {
            [] => Resolution::None,
            [one] => self.resolve_one(one),
            [given, .., last] => self.resolve_full(spelling, given, last, words.len()),
        }
    }

    /// One word: a place's or organisation's name, or a person's surname.
    fn resolve_one(&self, word: &str) -> Resolution {
        let k = key(word);
        let mut best: Option<(usize, Vec<(usize, Part)>)> = None;
        for e in &self.entries {
            let (target, part) = match e.kind {
                Kind::Person => (&e.surname, Part::Surname),
                _ if e.words == 1 => (&e.whole, Part::Full(1)),
                _ => continue,
            };
            // A word alone has no given name to confirm it: one edit at most
            // (Hrabouski is not Krasouski); a place's or organisation's name
            // only when the first three letters agree as well: a misspelling
            // keeps the start (Polatsak, Mstislaw), other places need not
            // (Ireland is not Iceland, Tallinn not Stolin).
            let start = |s: &str| s.chars().take(3).collect::<String>();
            let most = if e.kind == Kind::Person || start(&k) == start(target) { 1 } else { 0 };
            if let Some(d) = close(&k, target).filter(|&d| d <= most) {
                push_best(&mut best, d, e.entity, part);
            }
        }
        let Some((_, hits)) = best else { return Resolution::None };
        if hits.iter().all(|(_, p)| *p == Part::Surname) {
            return Resolution::Entity(hits.iter().map(|(i, _)| *i).collect(), Part::Surname);
        }
        match hits.as_slice() {
            [(i, p)] => Resolution::Entity(vec![*i], *p),
            _ => Resolution::Ambiguous(hits.iter().map(|(i, _)| *i).collect()),
        }
    }

    /// Several words: a person (the given name must agree) or a place or
    /// organisation of as many words.
    fn resolve_full(&self, spelling: &str, given: &str, last: &str, n: usize) -> Resolution {
        let (whole, surname) = (key(spelling), key(last));
        let mut best: Option<(usize, Vec<(usize, Part)>)> = None;
        let mut namesake = None;
        for e in &self.entries {
            if e.kind == Kind::Person && e.words >= 2 {
                let Some(d) = close(&surname, &e.surname) else { continue };
                if self.same_given(given, &e.given) {
                    push_best(&mut best, d, e.entity, Part::Full(n));
                } else if d == 0 && namesake.is_none() {
                    namesake = Some(e.entity);
                }
            } else if e.kind != Kind::Person && e.words == n {
                if let Some(d) = close(&whole, &e.whole) {
                    push_best(&mut best, d, e.entity, Part::Full(n));
                }
            }
        }
        match best {
            Some((_, hits)) if hits.len() == 1 => Resolution::Entity(vec![hits[0].0], hits[0].1),
            Some((_, hits)) => Resolution::Ambiguous(hits.iter().map(|(i, _)| *i).collect()),
            None => namesake.map_or(Resolution::None, Resolution::Namesake),
        }
    }
}

/// Keeps the entities at the smallest distance, each once.
fn push_best(best: &mut Option<(usize, Vec<(usize, Part)>)>, d: usize, entity: usize, part: Part) {
    match best {
        Some((bd, hits)) if d == *bd => {
            if !hits.iter().any(|(i, _)| *i == entity) {
                hits.push((entity, part));
            }
        }
        Some((bd, _)) if d > *bd => {}
        _ => *best = Some((d, vec![(entity, part)])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_romanizations() {
        let same = |a: &str, b: &str| assert_eq!(key(a), key(b), "{a} / {b}");
        same("Lukashenko", "Lukashenka");
        same("Babariko", "Babaryka");
        same("Babaryko", "Babaryka");
        same("Volkau", "Volkov");
        same("Zhodzina", "Zhodino");
        same("Statkevich", "Statkevič");
        same("Taraykouski", "Tarajkouski");
        same("Khoiniki", "Choiniki");
        same("Dmitry", "Dzmitry");
        assert_eq!(key("Tsikhanouskaya"), "cihanavskaia");
        assert_eq!(distance(&key("Bialatski"), &key("Bialiatski"), 2), Some(1));
        assert_eq!(distance("abc", "xyzw", 2), None);
    }

    #[test]
    fn spellings_resolve_to_entities() {
        let g = super::super::Gazetteer::builtin();
        let ix = Index::new(&g.entities);
        let id = |r: Resolution| match r {
            Resolution::Entity(v, _) => g.entities[v[0]].id.clone(),
            Resolution::Namesake(i) => format!("namesake of {}", g.entities[i].id),
            other => format!("{other:?}"),
        };
        assert_eq!(id(ix.resolve("Bialatski")), "by_bialiatski_ales");
        assert_eq!(id(ix.resolve("Viktor Babaryko")), "by_babaryka_viktar");
        assert_eq!(id(ix.resolve("Viktor Lukashenko")), "namesake of by_lukashenko_alexander");
        assert_eq!(ix.resolve("Ivan Petrovsky"), Resolution::None);
    }
}
