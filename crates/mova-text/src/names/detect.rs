//! Finding names in English text.
//!
//! In: a sentence (or a whole article) and the gazetteer. Out: [`Mention`]s,
//! left to right, not overlapping: Aho-Corasick over every known spelling
//! (as written, in capitals for datelines, a person's surname alone, and the
//! variants [`super::variant`] resolved for this batch), at word boundaries,
//! possessives ("Lukashenko's") marked; a surname right after another
//! person's given name ("Viktor Lukashenko") is left to [`Detector::unknown`].
//! Then names the list does not know ([`Unknown`]): runs of capitalised words
//! that are not common English words opening a sentence
//! (`models/names/english_words.txt`) nor listed non-names
//! (`models/names/not_names.txt`), their kind told by a title before (Mr.,
//! President, activist), "said" after, a known given name first
//! (`common_names.tsv`, `given_names.tsv`), "in"/"from"/"near" before, or a
//! surname's ending. Every pass is one sweep over the words: linear in the
//! text.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{Entity, Gazetteer, Kind, MAX_NAME_WORD};

const NOT_NAMES: &str = include_str!("../../../../models/names/not_names.txt");
const ENGLISH_WORDS: &str = include_str!("../../../../models/names/english_words.txt");

/// Common English words, lower case.
fn english_words() -> &'static HashSet<&'static str> {
    static W: OnceLock<HashSet<&'static str>> = OnceLock::new();
    W.get_or_init(|| ENGLISH_WORDS.lines().filter(|l| !l.starts_with('#')).collect())
}

/// Given names: spelling (lower case) and variant key → the Russian form,
/// which stands for the name (Aleksander, Oleksandr, Aliaksandr → Александр).
pub(crate) fn given_rows() -> &'static HashMap<String, &'static str> {
    static G: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    G.get_or_init(|| {
        let mut m = HashMap::new();
        for n in super::given_names() {
            for e in n.english.filter(|e| !e.is_empty()) {
                m.entry(e.to_lowercase()).or_insert(n.ru);
                m.entry(format!("~{}", super::variant::key(e))).or_insert(n.ru);
            }
        }
        m
    })
}

/// The Russian form standing for given name `w`, by spelling or variant key.
pub(crate) fn given_name(w: &str) -> Option<&'static str> {
    let rows = given_rows();
    let w = w.trim_end_matches('.');
    rows.get(&w.to_lowercase()).or_else(|| rows.get(&format!("~{}", super::variant::key(w)))).copied()
}

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
    /// Spellings found close to several listed entities and not merged, with
    /// those entities' ids.
    pub ambiguous: Vec<(String, Vec<String>)>,
    ac: AhoCorasick,
    /// Per pattern: the entities it may mean (the first is the default) and part.
    targets: Vec<(Vec<usize>, Part)>,
    not_names: HashSet<String>,
    titles: HashSet<String>,
    place_cues: HashSet<String>,
    person_after: HashSet<String>,
    surname_endings: Vec<String>,
}

/// A name the list does not have.
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    pub range: Range<usize>,
    pub kind: Kind,
    pub possessive: bool,
}

type Patterns = HashMap<String, (Vec<usize>, Part)>;

fn add_pattern(p: String, e: usize, part: Part, by_pattern: &mut Patterns) {
    let slot = by_pattern.entry(p).or_insert_with(|| (Vec::new(), part));
    // A full spelling beats a surname that happens to be spelled alike.
    if matches!(part, Part::Full(_)) && !matches!(slot.1, Part::Full(_)) {
        *slot = (Vec::new(), part);
    }
    if slot.1 == part && !slot.0.contains(&e) {
        slot.0.push(e);
    }
}

impl Detector {
    pub fn new(gazetteer: Gazetteer) -> Detector {
        Detector::with_aliases(gazetteer, Vec::new())
    }

    /// Also knows `aliases`: other spellings of listed entities (the
    /// variants found in a batch), with the part of the name they are.
    pub fn with_aliases(gazetteer: Gazetteer, aliases: Vec<(String, Vec<usize>, Part)>) -> Detector {
        let entities = gazetteer.entities;
        let mut by_pattern: Patterns = HashMap::new();
        let lists = crate::data::sections(NOT_NAMES);
        let list =
            |name: &str| -> HashSet<String> { lists.get(name).into_iter().flatten().map(|w| w.to_string()).collect() };
        let not_names = list("not-names");
        for (i, e) in entities.iter().enumerate() {
            for s in &e.english {
                let words = s.split(' ').count();
                add_pattern(s.clone(), i, Part::Full(words), &mut by_pattern);
                add_pattern(s.to_uppercase(), i, Part::Full(words), &mut by_pattern);
                if e.kind == Kind::Person && words >= 2 {
                    let last = s.rsplit(' ').next().unwrap_or(s);
                    if last.chars().count() >= 3 && !not_names.contains(last) {
                        add_pattern(last.to_string(), i, Part::Surname, &mut by_pattern);
                    }
                }
            }
        }
        for (s, ids, part) in aliases {
            for i in ids {
                add_pattern(s.clone(), i, part, &mut by_pattern);
            }
        }
        let mut patterns: Vec<(String, (Vec<usize>, Part))> = by_pattern.into_iter().collect();
        patterns.sort_by(|a, b| a.0.cmp(&b.0));
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|(p, _)| p.as_str()))
            .expect("name patterns compile");
        let mut surname_endings: Vec<String> = list("surname-endings").into_iter().collect();
        surname_endings.sort();
        Detector {
            entities,
            ambiguous: Vec::new(),
            ac,
            targets: patterns.into_iter().map(|(_, t)| t).collect(),
            not_names,
            titles: list("titles"),
            place_cues: list("place-cues"),
            person_after: list("person-after"),
            surname_endings,
        }
    }

    /// Known names in `text`, left to right. `context` lists entities already
    /// named in full earlier in the article: an ambiguous surname means one of
    /// them first ("Lukashenko" after "Dmitry Lukashenko").
    pub fn known(&self, text: &str, context: &[usize]) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut seen: HashSet<usize> = context.iter().copied().collect();
        for m in self.ac.find_iter(text) {
            if !boundary(text, m.start(), m.end()) {
                continue;
            }
            let (ids, part) = &self.targets[m.pattern().as_usize()];
            let (mut start, mut part) = (m.start(), *part);
            let mut pick: Vec<usize> = ids.clone();
            if part == Part::Surname {
                // "Viktor Lukashenko" is not Alexander Lukashenko; "Alexandr
                // Lukashenko" is, named in full.
                let prev_end = out.last().map_or(0, |m: &Mention| m.range.end);
                if let Some((g_start, given)) = word_before(text, start).filter(|(g, _)| *g >= prev_end) {
                    let same: Vec<usize> = pick.iter().copied().filter(|&i| self.has_given(i, given)).collect();
                    if !same.is_empty() {
                        (pick, start, part) = (same, g_start, Part::Full(2));
                    } else if given_name(given).is_some() {
                        continue;
                    }
                }
            }
            let entity = pick.iter().copied().find(|i| seen.contains(i)).unwrap_or(pick[0]);
            if matches!(part, Part::Full(_)) {
                seen.insert(entity);
            }
            out.push(Mention { range: start..m.end(), entity, part, possessive: possessive(&text[m.end()..]) });
        }
        out
    }

    /// Whether `given` is the given name of one of entity `i`'s spellings:
    /// the same name in the tables, or variant keys within one edit.
    fn has_given(&self, i: usize, given: &str) -> bool {
        let name = given_name(given);
        let k = super::variant::key(given);
        self.entities[i].english.iter().filter(|s| s.contains(' ')).filter_map(|s| s.split(' ').next()).any(|g| {
            g.eq_ignore_ascii_case(given)
                || (name.is_some() && given_name(g) == name)
                || (name.is_none() && super::variant::distance(&k, &super::variant::key(g), 1).is_some())
        })
    }

    /// Names not in the list, outside `known` (both left to right).
    pub fn unknown(&self, text: &str, known: &[Mention]) -> Vec<Unknown> {
        let words = words(text);
        let taken = taken(&words, known);
        let candidate = |k: usize| self.candidate_word(words[k].1) && !taken[k];
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if !candidate(i) || (opening(text, words[i].0.start) && common(words[i].1) && !is_given(words[i].1)) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < words.len() && j - i < 3 && candidate(j) && adjacent(text, &words[j - 1].0, &words[j].0) {
                j += 1;
            }
            let run = &words[i..j];
            let last = &words[j - 1];
            let range = words[i].0.start..last.0.start + last.1.trim_end_matches('.').len();
            let prev = i.checked_sub(1).map(|k| words[k].1);
            let next = words.get(j).map(|w| w.1);
            if let Some(kind) = self.kind(run, prev, next) {
                out.push(Unknown { possessive: possessive(&text[range.end..]), range, kind });
            }
            i = j;
        }
        out
    }

    /// A capitalised word that may be (part of) a name.
    fn candidate_word(&self, w: &str) -> bool {
        is_name_word(w) && !self.not_names.contains(w) && !self.not_names.contains(w.trim_end_matches('.'))
    }

    /// What a run of capitalised words is, from its cues and its words.
    fn kind(&self, run: &[(Range<usize>, &str)], prev: Option<&str>, next: Option<&str>) -> Option<Kind> {
        let first = run[0].1;
        let last = run[run.len() - 1].1.trim_end_matches('.');
        let titled = prev.is_some_and(|p| self.titles.contains(p));
        let said = next.is_some_and(|n| self.person_after.contains(n));
        let given = run.len() >= 2 && is_given(first);
        let all_common = run.iter().all(|(_, w)| common(w));
        if given || ((titled || said) && !all_common) || (titled && run.len() == 1) {
            return Some(Kind::Person);
        }
        if all_common || (run.len() == 1 && is_given(first)) {
            // "Interior Ministry", "Tractor Works": translated, not names.
            return None;
        }
        if prev.is_some_and(|p| self.place_cues.contains(p)) && run.len() == 1 {
            return Some(Kind::Place);
        }
        let l = last.to_lowercase();
        // Two or three unknown capitalised words are most often a person.
        if run.len() >= 2 || self.surname_endings.iter().any(|e| l.ends_with(e.as_str()) && l.len() > e.len() + 2) {
            Some(Kind::Person)
        } else {
            Some(Kind::Place)
        }
    }
}

/// The capitalised word right before `start` ("Viktor |Lukashenko"), one
/// space between, that is a given name or not a common word: its start and
/// the word.
fn word_before(text: &str, start: usize) -> Option<(usize, &str)> {
    let before = text[..start].strip_suffix(' ')?;
    let from = before
        .rfind(|c: char| !c.is_alphabetic())
        .map_or(0, |k| k + before[k..].chars().next().map_or(1, char::len_utf8));
    let w = &before[from..];
    (w.len() <= MAX_NAME_WORD
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().any(char::is_lowercase)
        && (!common(w) || given_name(w).is_some()))
    .then_some((from, w))
}

/// Whether `w` is a known given name in any romanization.
fn is_given(w: &str) -> bool {
    given_name(w).is_some()
}

/// A common English word (each part of a hyphenated one).
fn common(w: &str) -> bool {
    let l = w.trim_end_matches('.').to_lowercase();
    let set = english_words();
    set.contains(l.as_str()) || (l.contains('-') && l.split('-').all(|p| set.contains(p)))
}

/// The word at `start` opens a sentence, a headline or a quotation.
fn opening(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', '"', '“', '”', '‘', '\'', '—', '–', ':', '#', '(', '«', ';'])
}

/// Per word, whether a known mention covers part of it: one sweep over both
/// (each sorted by start).
fn taken(words: &[(Range<usize>, &str)], known: &[Mention]) -> Vec<bool> {
    let mut out = Vec::with_capacity(words.len());
    let mut k = 0;
    for (r, _) in words {
        while k < known.len() && known[k].range.end <= r.start {
            k += 1;
        }
        out.push(known[k..].iter().take_while(|m| m.range.start < r.end).any(|m| r.start < m.range.end));
    }
    out
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
    if w.len() > MAX_NAME_WORD {
        return false;
    }
    let w = w.trim_end_matches('.');
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 2
        && cs.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && !w.ends_with('-')
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
        d.known(text, &[])
            .into_iter()
            .map(|m| (text[m.range.clone()].to_string(), d.entities[m.entity].id.clone(), m.part, m.possessive))
            .collect()
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
