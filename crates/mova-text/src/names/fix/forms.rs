//! What each name of a source sentence may look like in its translation.
//!
//! In: the source sentence's mentions and the target language. Out:
//! [`Renderings`]: every form a word of each name may take in the output
//! (lower-cased) → which name, which word of its target form, the cases that
//! form stands for, and where it comes from: the target form or an accepted
//! variant (right: never replaced), the other language's form, the
//! Taraškievica form, the English spelling left in Latin letters, or a
//! transliteration of an English spelling under mova's schemes. Each form is
//! declined with the paradigm of the word it is a form of.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use super::super::derive::{letters_to_be, Deriver};
use super::super::inflect::{self, Role, CASES};
use super::super::{Entity, Kind, Mention, Part};
use super::cases::{bit, Cases, ALL};
use crate::lang::Lang;
use crate::translit::{Registry, Reverser};

/// Where a form of a name comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// The form mova writes.
    Target,
    /// Another accepted form of the target language (Белоруссия).
    Accepted,
    /// The other language's form (Лукашенко in Belarusian text).
    OtherLanguage,
    /// The Taraškievica form in Belarusian text (Калесьнікава).
    Tarask,
    /// The English spelling in Latin letters.
    Latin,
    /// A letter-by-letter transliteration of an English spelling (Цихануская).
    Transliteration,
    /// Within a letter or two of a form, with the same ending (Тихоновская).
    NearMiss,
    /// A right form in the wrong case for the preposition before it.
    Case,
}

impl Origin {
    pub fn right(self) -> bool {
        matches!(self, Origin::Target | Origin::Accepted)
    }
}

/// One way an output word may render a word of a name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Hit {
    pub mention: usize,
    pub word: usize,
    pub cases: Cases,
    pub origin: Origin,
}

/// The forms of every name of one source sentence.
#[derive(Default)]
pub(super) struct Renderings {
    pub by_form: HashMap<String, Vec<Hit>>,
    /// Per mention: the six forms of each word mova writes (empty: nothing).
    pub targets: Vec<Vec<[String; 6]>>,
    /// Per mention: lower-case stems of the right forms (a case form the
    /// paradigm does not know still starts with its stem).
    pub stems: Vec<Vec<String>>,
    /// English spellings replaced whole (their words do not match the target's
    /// one by one: "European Union" → Евросоюз), and other-language phrases
    /// of names that decline as phrases: (text, mention).
    pub wholes: Vec<(String, usize)>,
    /// Per mention: its entity is derived (its forms replace only Latin letters).
    pub derived: Vec<bool>,
    /// Per mention: its entity is a place.
    pub places: Vec<bool>,
    /// Per mention: its entity is a person.
    pub persons: Vec<bool>,
}

/// The six forms of word `k` of `n` of a name: an adjective before the last
/// word of a place's or organisation's name by the adjective paradigm.
fn word_forms(e: &Entity, part: Part, w: &str, k: usize, n: usize, lang: Lang) -> [String; 6] {
    if e.kind != Kind::Person && k + 1 < n {
        if let Some(f) = inflect::adjective_forms(w, lang) {
            return f;
        }
    }
    inflect::forms(w, lang, role(e, part, k, n))
}

/// A place's or organisation's name of several words that declines word by
/// word: adjectives, then one noun (Новая Зеландия, Еўрапейскі саюз), in
/// both languages.
fn phrase(e: &Entity, words: &[&str], other: &[&str], lang: Lang) -> bool {
    let ok = |ws: &[&str], l: Lang| {
        // Plural names (Соединённые Штаты) are left to whole matches.
        let singular = |w: &&str| !["ые", "ие", "ыя", "ія"].iter().any(|p| w.ends_with(p));
        ws.len() >= 2
            && ws[0].starts_with(char::is_uppercase)
            && ws[..ws.len() - 1].iter().all(|w| singular(w) && inflect::adjective_forms(w, l).is_some())
    };
    e.kind != Kind::Person && ok(words, lang) && (other.len() != words.len() || ok(other, self::other(lang)))
}

fn role(e: &Entity, part: Part, k: usize, n: usize) -> Role {
    let person = e.kind == Kind::Person;
    Role { gender: e.gender, person, surname: person && (part == Part::Surname || k + 1 == n && n >= 2) }
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Ru => Lang::Be,
        Lang::Be => Lang::Ru,
    }
}

impl Renderings {
    fn add(&mut self, form: &str, hit: Hit) {
        let list = self.by_form.entry(form.to_lowercase()).or_default();
        match list.iter_mut().find(|h| h.mention == hit.mention && h.word == hit.word && h.origin == hit.origin) {
            Some(h) => h.cases |= hit.cases,
            None => list.push(hit),
        }
    }

    /// Every case form of `words` (one name's words in `lang`) as `origin`.
    fn add_declined(&mut self, e: &Entity, m: (usize, Part), words: &[&str], lang: Lang, origin: Origin) {
        for (k, w) in words.iter().enumerate() {
            for (c, f) in word_forms(e, m.1, w, k, words.len(), lang).iter().enumerate() {
                self.add(f, Hit { mention: m.0, word: k, cases: bit(CASES[c]), origin });
            }
        }
    }

    /// The renderings of `mentions` of `source` for output in `lang`.
    pub fn new(entities: &[Entity], source: &str, mentions: &[Mention], lang: Lang) -> Renderings {
        let mut r = Renderings::default();
        for (mi, m) in mentions.iter().enumerate() {
            let e = &entities[m.entity];
            r.derived.push(e.derived.is_some());
            r.places.push(e.kind == Kind::Place);
            r.persons.push(e.kind == Kind::Person);
            let target = e.words_of(e.form(lang), m.part);
            let n = target.len();
            let spelling = &source[m.range.clone()];
            let english: Vec<&str> = spelling.split(' ').collect();
            let others = e.words_of(e.form(other(lang)), m.part);
            let by_words = n > 0 && (e.kind == Kind::Person || n == 1 || phrase(e, &target, &others, lang));
            if n > 0 && (!by_words || english.len() != n && e.kind != Kind::Person || spelling.contains('.')) {
                r.wholes.push((spelling.to_string(), mi));
            }
            // The other language's name of another number of words
            // (Евросоюз for Еўрапейскі саюз), in each of its case forms.
            if by_words && e.kind != Kind::Person && e.derived.is_none() && !others.is_empty() && others.len() != n {
                let declined: Vec<[String; 6]> = others
                    .iter()
                    .enumerate()
                    .map(|(k, w)| word_forms(e, m.part, w, k, others.len(), other(lang)))
                    .collect();
                for c in 0..6 {
                    let phrase = declined.iter().map(|f| f[c].as_str()).collect::<Vec<_>>().join(" ");
                    if !r.wholes.iter().any(|(w, _)| *w == phrase) {
                        r.wholes.push((phrase, mi));
                    }
                }
            }
            if !by_words {
                if n > 1 && e.derived.is_none() {
                    for o in std::iter::once(e.form(other(lang))).filter(|o| !o.is_empty()) {
                        r.wholes.push((o.to_string(), mi));
                    }
                }
                r.targets.push(head_noun_forms(e, &target, lang));
                r.stems.push(Vec::new());
                continue;
            }
            r.add_declined(e, (mi, m.part), &target, lang, Origin::Target);
            let mut stems: Vec<String> = target.iter().map(|w| stem(w)).collect();
            for alt in e.alternatives(lang).iter().map(String::as_str) {
                let words = e.words_of(alt, m.part);
                if words.len() == n {
                    r.add_declined(e, (mi, m.part), &words, lang, Origin::Accepted);
                    stems.extend(words.iter().map(|w| stem(w)));
                }
            }
            r.stems.push(stems);
            r.targets.push(target.iter().enumerate().map(|(k, w)| word_forms(e, m.part, w, k, n, lang)).collect());
            // A derived form may be wrong: it replaces only Latin letters.
            if e.derived.is_none() {
                r.add_wrong(e, (mi, m.part), n, lang);
            }
            r.add_latin(e.kind == Kind::Person, (mi, m.part), &english, n);
        }
        r
    }

    /// The other language's forms, Taraškievica, and transliterations of the
    /// English spellings, each declined.
    fn add_wrong(&mut self, e: &Entity, m: (usize, Part), n: usize, lang: Lang) {
        let o = other(lang);
        for form in std::iter::once(e.form(o)).chain(e.alternatives(o).iter().map(String::as_str)) {
            let words = e.words_of(form, m.1);
            if words.len() == n {
                self.add_declined(e, m, &words, o, Origin::OtherLanguage);
            }
        }
        if lang == Lang::Be && !e.be_tarask.is_empty() {
            let words = e.words_of(&e.be_tarask, m.1);
            if words.len() == n {
                self.add_declined(e, m, &words, Lang::Be, Origin::Tarask);
            }
        }
        for spelling in &e.english {
            let words: Vec<&str> = spelling.split(' ').collect();
            let english: Vec<&str> = match (m.1, words.len()) {
                (_, k) if k == n => words,
                (Part::Surname, k) if k >= 2 && n == 1 => vec![words[k - 1]],
                (Part::Given, k) if k >= 2 && n == 1 => vec![words[0]],
                _ => continue,
            };
            for l in [lang, o] {
                for (k, w) in english.iter().enumerate() {
                    for cand in transliterations(w, l) {
                        // Left undeclined, a transliteration says nothing of
                        // its case (в Вилниус): any case, as a Latin leftover.
                        for (c, f) in word_forms(e, m.1, &cand, k, n, l).iter().enumerate() {
                            let cases = if c == 0 { ALL } else { bit(CASES[c]) };
                            self.add(f, Hit { mention: m.0, word: k, cases, origin: Origin::Transliteration });
                        }
                    }
                }
            }
        }
    }

    /// The English spelling left in Latin letters: any case (the sentence
    /// tells which).
    fn add_latin(&mut self, person: bool, m: (usize, Part), english: &[&str], n: usize) {
        if english.len() == n {
            for (k, w) in english.iter().enumerate() {
                self.add(w, Hit { mention: m.0, word: k, cases: ALL, origin: Origin::Latin });
            }
        } else if let Some(last) = english.last().filter(|_| person) {
            self.add(last, Hit { mention: m.0, word: n - 1, cases: ALL, origin: Origin::Latin });
        }
    }
}

/// A name whose first word is a common noun and whose other words are
/// capitalised (площадь Независимости, плошча Незалежнасці): only that
/// noun declines. Empty for any other name.
fn head_noun_forms(e: &Entity, words: &[&str], lang: Lang) -> Vec<[String; 6]> {
    let head = words.first().is_some_and(|w| w.starts_with(char::is_lowercase));
    if e.kind == Kind::Person
        || words.len() < 2
        || !head
        || !words[1..].iter().all(|w| w.starts_with(char::is_uppercase))
    {
        return Vec::new();
    }
    let place = Role { gender: super::super::Gender::Unknown, person: false, surname: false };
    let mut out = vec![inflect::forms(words[0], lang, place)];
    out.extend(words[1..].iter().map(|w| std::array::from_fn(|_| w.to_string())));
    out
}

/// The lower-case stem of a name word: the word less a final vowel, й or ь.
pub(super) fn stem(word: &str) -> String {
    let low = word.to_lowercase();
    low.strip_suffix(|c: char| "аеёиоуыэюяйьіў".contains(c)).unwrap_or(&low).to_string()
}

/// Cyrillic spellings of an English word a model may write in `lang`: the
/// English→Russian practical transcription (Germany → Джермани) and the best
/// transliterations under mova's schemes read backwards (Tsikhanouskaya →
/// Циханоуская), with a soft final л and -ия for -иа; Belarusian ones are
/// the same turned letter by letter. Computed once per word and language.
fn transliterations(word: &str, lang: Lang) -> Vec<String> {
    type Memo = Mutex<HashMap<(String, Lang), Vec<String>>>;
    static MEMO: OnceLock<Memo> = OnceLock::new();
    static DERIVER: OnceLock<Option<Deriver<'static>>> = OnceLock::new();
    static BELARUSIAN: OnceLock<Option<Reverser<'static>>> = OnceLock::new();
    // Long words are not names: the search is bounded.
    if word.chars().count() > 40 || !word.chars().all(|c| c.is_ascii_alphabetic() || c == '-' || c == '\'') {
        return Vec::new();
    }
    let memo = MEMO.get_or_init(Default::default);
    let key = (word.to_string(), lang);
    if let Some(v) = memo.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
        return v.clone();
    }
    let Some(deriver) = DERIVER.get_or_init(|| Registry::shared().ok().map(Deriver::new)) else { return Vec::new() };
    let mut found = deriver.spellings(word);
    if lang == Lang::Be {
        let mut be: Vec<String> = found.iter().map(|w| letters_to_be(w)).collect();
        if let Some(rev) = BELARUSIAN.get_or_init(|| Registry::shared().ok().map(|r| r.reverser(Lang::Be))) {
            be.extend(rev.candidates(word, 4, None).into_iter().map(|c| c.text));
        }
        found = be;
    }
    // A final l is often soft (Homel → Гомель); -ia is -ия (Lithuania →
    // Литуания, declined Литуании).
    let more: Vec<String> = found
        .iter()
        .filter_map(|c| {
            if c.ends_with('л') {
                Some(format!("{c}ь"))
            } else {
                c.strip_suffix("иа")
                    .map(|s| format!("{s}ия"))
                    .or_else(|| c.strip_suffix("іа").map(|s| format!("{s}ія")))
            }
        })
        .collect();
    found.extend(more);
    found.dedup();
    memo.lock().unwrap_or_else(|p| p.into_inner()).insert(key, found.clone());
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_of_belarusian_spellings() {
        let ru = transliterations("Tsikhanouskaya", Lang::Ru);
        assert!(ru.contains(&"Циханоуская".to_string()), "{ru:?}");
        assert!(transliterations("Homel", Lang::Ru).contains(&"Хомель".to_string()));
        assert_eq!(transliterations("Germany", Lang::Ru)[0], "Германи");
    }
}
