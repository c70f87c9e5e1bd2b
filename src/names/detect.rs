//! Finding names in English text.
//!
//! In: a sentence (or a whole article) and the gazetteer. Out: [`Mention`]s,
//! left to right, not overlapping: Aho-Corasick over every known spelling
//! (as written, in capitals for datelines, a person's surname alone), at word
//! boundaries, possessives ("Lukashenko's") marked; then names the list does
//! not know, by cue: a title before (Mr., President), "said" after, or a known
//! given name first in a run of two or three capitalised words; "in"/"from"/
//! "near" before one capitalised word makes a place. Common capitalised words
//! (`models/names/not_names.txt`) are never names.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{Entity, Gazetteer, Kind};

const NOT_NAMES: &str = include_str!("../../models/names/not_names.txt");

/// Which part of a name an English spelling is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The spelling as listed, with its number of words.
    Full(usize),
    Given,
    Surname,
}

/// A name found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range of the name (the possessive 's left out).
    pub range: Range<usize>,
    /// Index into [`Detector::entities`].
    pub entity: usize,
    pub part: Part,
    /// Followed by 's or ’s.
    pub possessive: bool,
}

/// The gazetteer compiled for search; unknown names found are added as
/// derived entities by the caller ([`super::derive`]).
pub struct Detector {
    pub entities: Vec<Entity>,
    ac: AhoCorasick,
    /// Per pattern: the entities it may mean (the first is the default) and part.
    targets: Vec<(Vec<usize>, Part)>,
    not_names: HashSet<String>,
    titles: HashSet<String>,
    place_cues: HashSet<String>,
    person_after: HashSet<String>,
    given: HashSet<String>,
}

/// A name the list does not have.
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    pub range: Range<usize>,
    pub kind: Kind,
    pub possessive: bool,
}

impl Detector {
    pub fn new(gazetteer: Gazetteer) -> Detector {
        let entities = gazetteer.entities;
        let mut by_pattern: HashMap<String, (Vec<usize>, Part)> = HashMap::new();
        let add = |p: String, e: usize, part: Part, by_pattern: &mut HashMap<String, (Vec<usize>, Part)>| {
            let slot = by_pattern.entry(p).or_insert_with(|| (Vec::new(), part));
            // A full spelling beats a surname that happens to be spelled alike.
            if matches!(part, Part::Full(_)) && !matches!(slot.1, Part::Full(_)) {
                *slot = (Vec::new(), part);
            }
            if slot.1 == part && !slot.0.contains(&e) {
                slot.0.push(e);
            }
        };
        let lists = crate::data::sections(NOT_NAMES);
        let list = |name: &str| -> HashSet<String> { lists.get(name).into_iter().flatten().map(|w| w.to_string()).collect() };
        let not_names = list("not-names");
        for (i, e) in entities.iter().enumerate() {
            for s in &e.english {
                let words = s.split(' ').count();
                add(s.clone(), i, Part::Full(words), &mut by_pattern);
                add(s.to_uppercase(), i, Part::Full(words), &mut by_pattern);
                if e.kind == Kind::Person && words >= 2 {
                    let last = s.rsplit(' ').next().unwrap_or(s);
                    if last.chars().count() >= 3 && !not_names.contains(last) {
                        add(last.to_string(), i, Part::Surname, &mut by_pattern);
                    }
                }
            }
        }
        let mut patterns: Vec<(String, (Vec<usize>, Part))> = by_pattern.into_iter().collect();
        patterns.sort_by(|a, b| a.0.cmp(&b.0));
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|(p, _)| p.as_str()))
            .expect("name patterns compile");
        Detector {
            entities,
            ac,
            targets: patterns.into_iter().map(|(_, t)| t).collect(),
            not_names,
            titles: list("titles"),
            place_cues: list("place-cues"),
            person_after: list("person-after"),
            given: super::common_names().flat_map(|n| n.english).map(str::to_string).collect(),
        }
    }

    /// Known names in `text`, left to right. `context` lists entities already
    /// named in full earlier in the article: an ambiguous surname means one of
    /// them first ("Lukashenko" after "Dmitry Lukashenko").
    pub fn known(&self, text: &str, context: &[usize]) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut seen: Vec<usize> = context.to_vec();
        for m in self.ac.find_iter(text) {
            if !boundary(text, m.start(), m.end()) {
                continue;
            }
            let (ids, part) = &self.targets[m.pattern().as_usize()];
            let entity = ids.iter().copied().find(|i| seen.contains(i)).unwrap_or(ids[0]);
            if matches!(part, Part::Full(_)) {
                seen.push(entity);
            }
            out.push(Mention { range: m.start()..m.end(), entity, part: *part, possessive: possessive(&text[m.end()..]) });
        }
        out
    }

    /// Names not in the list, found by cue, outside `known`.
    pub fn unknown(&self, text: &str, known: &[Mention]) -> Vec<Unknown> {
        let words = words(text);
        let taken = |r: &Range<usize>| known.iter().any(|m| m.range.start < r.end && r.start < m.range.end);
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let (r, w) = &words[i];
            if !is_name_word(w) || self.not_names.contains(w.trim_end_matches('.')) || taken(r) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < words.len() && j - i < 3 && is_name_word(words[j].1) && !self.not_names.contains(words[j].1.trim_end_matches('.')) && !taken(&words[j].0) && adjacent(text, &words[j - 1].0, &words[j].0) {
                j += 1;
            }
            let last = &words[j - 1];
            let range = r.start..last.0.start + last.1.trim_end_matches('.').len();
            let prev = i.checked_sub(1).map(|k| words[k].1);
            let next = words.get(j).map(|w| w.1);
            let titled = prev.is_some_and(|p| self.titles.contains(p));
            let said = next.is_some_and(|n| self.person_after.contains(n));
            // Two or three capitalised words are a person only when the first
            // is a known given name ("Conservative Party" is not).
            let given = j - i >= 2 && self.given.contains(*w);
            let kind = if titled || said || given {
                Some(Kind::Person)
            } else if prev.is_some_and(|p| self.place_cues.contains(p)) && j - i == 1 {
                Some(Kind::Place)
            } else {
                None
            };
            if let Some(kind) = kind {
                out.push(Unknown { possessive: possessive(&text[range.end..]), range, kind });
            }
            i = j;
        }
        out
    }
}

/// Words with their ranges, trailing punctuation kept on the word for cues
/// ("Mr." stays "Mr.").
fn words(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let part = c.is_alphanumeric() || c == '.' || c == '-' || c == '\'' || c == '’';
        match (start, part) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let w = text[s..i].trim_end_matches(['\'', '’']);
                let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
                out.push((s..s + w.len(), w));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn is_name_word(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && w.chars().count() >= 2 && cs.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’') && !w.ends_with('-')
        && w.chars().any(char::is_lowercase)
}

/// Only a space between two words of one name.
fn adjacent(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    text[a.end..b.start] == *" " && !text[a.start..a.end].ends_with('.')
}

fn boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

fn possessive(rest: &str) -> bool {
    let after = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s"));
    after.is_some_and(|a| !a.starts_with(|c: char| c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn det() -> Detector {
        Detector::new(Gazetteer::builtin())
    }

    fn ids(d: &Detector, text: &str) -> Vec<(String, String, Part, bool)> {
        d.known(text, &[]).into_iter().map(|m| (text[m.range.clone()].to_string(), d.entities[m.entity].id.clone(), m.part, m.possessive)).collect()
    }

    #[test]
    fn known_names_in_every_form() {
        let d = det();
        let found = ids(&d, "Ms. Tikhanovskaya met Alexander Lukashenko's rival. MINSK, Belarus — Lukashenko's men; Belarus-Poland border.");
        let short: Vec<(&str, &str, bool)> = found.iter().map(|(s, id, _, p)| (s.as_str(), id.as_str(), *p)).collect();
        assert_eq!(
            short,
            [
                ("Tikhanovskaya", "by_tsikhanouskaya_sviatlana", false),
                ("Alexander Lukashenko", "by_lukashenko_alexander", true),
                ("MINSK", "pl_minsk", false),
                ("Belarus", "pl_belarus", false),
                ("Lukashenko", "by_lukashenko_alexander", true),
                ("Belarus", "pl_belarus", false),
                ("Poland", "pl_poland", false),
            ]
        );
        assert_eq!(found[1].2, Part::Full(2));
        assert_eq!(found[0].2, Part::Surname);
        // Inside a longer word there is no name.
        assert!(ids(&d, "Minskers and Polandia").is_empty());
    }

    #[test]
    fn ambiguous_surnames_follow_the_article() {
        let d = det();
        let text = "Dmitry Lukashenko spoke. Lukashenko said no.";
        let m = d.known(text, &[]);
        assert_eq!(d.entities[m[1].entity].id, "by_lukashenka_dzmitry");
        let m = d.known("Lukashenko said no.", &[]);
        assert_eq!(d.entities[m[0].entity].id, "by_lukashenko_alexander");
    }

    #[test]
    fn unknown_names_by_cue() {
        let d = det();
        let text = "Opposition activist Ivan Petrovsky said police came. The Conservative Party met. Mr. Hrabouski arrived in Zaslaue. The Interior Ministry said later.";
        let k = d.known(text, &[]);
        let u: Vec<(&str, Kind)> = d.unknown(text, &k).into_iter().map(|u| (&text[u.range], u.kind)).collect();
        assert_eq!(u, [("Ivan Petrovsky", Kind::Person), ("Hrabouski", Kind::Person), ("Zaslaue", Kind::Place)]);
    }
}
