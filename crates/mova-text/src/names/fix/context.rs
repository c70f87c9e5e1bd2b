//! The case a name needs, read from the words before it.
//!
//! In: the translation text before a name and the target language. Out: the
//! set of cases the context allows, or none when it says nothing: a
//! preposition right before the name (`models/names/case_context.txt`), a
//! person's title in a known case ("президента Путина"), or the start of a
//! sentence (the nominative).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::super::inflect::{self, Case, Role, CASES};
use super::super::Gender;
use super::cases::{bit, Cases, NOM};
use crate::lang::Lang;

const DATA: &str = include_str!("../../../../../models/names/case_context.txt");

/// Preposition → cases, per language; title form → cases, per language.
struct Tables {
    prepositions: [HashMap<&'static str, Cases>; 2],
    titles: [HashMap<String, Cases>; 2],
    /// Verb stems → the case they govern, per language.
    verbs: [Vec<(&'static str, Cases)>; 2],
    /// Words that take no part in a name's case, per language.
    free: [Vec<&'static str>; 2],
    /// English words of the `[en-…]` sections.
    english: HashMap<&'static str, Vec<&'static str>>,
}

fn index(lang: Lang) -> usize {
    match lang {
        Lang::Ru => 0,
        Lang::Be => 1,
    }
}

fn case_named(name: &str) -> Option<Cases> {
    let i = ["nom", "gen", "dat", "acc", "ins", "loc"].iter().position(|n| *n == name)?;
    Some(bit(CASES[i]))
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Tables {
            prepositions: Default::default(),
            titles: Default::default(),
            verbs: Default::default(),
            free: Default::default(),
            english: HashMap::new(),
        };
        let mut section = "";
        for line in DATA.lines() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            let (lang, kind) = section.split_once('-').unwrap_or_default();
            let words: Vec<&'static str> = line.split_whitespace().collect();
            let lang = match lang {
                "ru" => Lang::Ru,
                "be" => Lang::Be,
                "en" => {
                    t.english.entry(kind).or_default().extend(words);
                    continue;
                }
                _ => continue,
            };
            match kind {
                "prepositions" if words.len() >= 2 => {
                    let cases = words[1..].iter().filter_map(|c| case_named(c)).fold(0, |a, b| a | b);
                    t.prepositions[index(lang)].insert(words[0], cases);
                }
                "verbs" if words.len() == 2 => {
                    if let Some(c) = case_named(words[1]) {
                        t.verbs[index(lang)].push((words[0], c));
                    }
                }
                "free" => t.free[index(lang)].extend(words),
                "titles" => {
                    for w in words {
                        let gender = if w.ends_with('а') || w.ends_with('я') { Gender::Female } else { Gender::Male };
                        // Masculine nouns in -а (глава, папа) decline like feminine ones.
                        let role = Role { gender, person: true, surname: false };
                        for (c, f) in inflect::forms(w, lang, role).iter().enumerate() {
                            *t.titles[index(lang)].entry(f.to_lowercase()).or_default() |= bit(CASES[c]);
                        }
                    }
                }
                _ => {}
            }
        }
        t
    })
}

/// The previous word of `before` (the text right before a name) and whether
/// only spaces separate it from the name.
fn previous_word(before: &str) -> Option<&str> {
    let trimmed = before.strip_suffix([' ', '\u{a0}'])?;
    let start = trimmed
        .rfind(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .map_or(0, |i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8));
    let w = &trimmed[start..];
    (!w.is_empty()).then_some(w)
}

/// The cases the context before a name allows; `None` when it says nothing.
/// Read from the previous word: a preposition, a title ("президента
/// Путина"), a verb that governs a case ("руководит Беларусью"), an
/// adjective agreeing with the name (its cases, narrowed by what stands
/// before it: "в болгарской Софии"), or a noun, whose dependent name is in
/// the genitive ("часть Эстонии", "ВВП Китая").
#[cfg(test)]
pub(super) fn cases_before(before: &str, lang: Lang) -> Option<Cases> {
    cue_before(before, lang, false).map(|c| c.0)
}

/// The same, and whether the cue is sure: a noun before a name only
/// suggests the genitive ("часть Эстонии"). Before a person a noun is most
/// often part of an apposition ("кандидат от оппозиции Тихановская"):
/// it says nothing, unless a title stands before it, whose case the person
/// shares ("руководителя центра Алеся Беляцкого").
pub(super) fn cue_before(before: &str, lang: Lang, person: bool) -> Option<(Cases, bool)> {
    let cue = cases_before_at(before, lang, 0)?;
    if !person || cue.1 {
        return Some(cue);
    }
    let word = previous_word(before)?;
    let rest = &before[..word.as_ptr() as usize - before.as_ptr() as usize];
    let title = previous_word(rest)?.to_lowercase();
    tables().titles[index(lang)].get(&title).map(|c| (*c, true))
}

fn cases_before_at(before: &str, lang: Lang, depth: usize) -> Option<(Cases, bool)> {
    if starts_sentence(before) {
        return (depth == 0).then_some((NOM, true));
    }
    let word = previous_word(before)?;
    let low = word.to_lowercase();
    let t = tables();
    let i = index(lang);
    if let Some(c) = t.prepositions[i].get(low.as_str()).or_else(|| t.titles[i].get(&low)) {
        return Some((*c, true));
    }
    if t.free[i].contains(&low.as_str()) || !low.chars().all(|c| ('\u{400}'..='\u{4ff}').contains(&c)) {
        return None;
    }
    let abbreviation = word.chars().count() >= 2 && word.chars().all(char::is_uppercase);
    // A capitalised word is another name or opens a clause: it says nothing.
    if word.starts_with(char::is_uppercase) && !abbreviation {
        return None;
    }
    if let Some(adj) = adjective_cases(&low, lang) {
        let rest = &before[..word.as_ptr() as usize - before.as_ptr() as usize];
        return Some(match cases_before_at(rest, lang, depth + 1) {
            Some((c, _)) if depth < 2 && c & adj != 0 => (c & adj, true),
            _ => (adj, true),
        });
    }
    if verb_like(&low, lang) {
        return t.verbs[i].iter().find(|(stem, _)| low.starts_with(stem)).map(|(_, c)| (*c, true));
    }
    // Plural dative, instrumental and locative nouns take no genitive name
    // after them as often as an addressee or a subject follows them.
    let plural = ["ам", "ям", "ами", "ями", "ах", "ях", "амі", "ямі"].iter().any(|e| low.ends_with(e));
    let noun = abbreviation
        || word.starts_with(char::is_lowercase)
            && low.chars().count() >= 3
            && !plural
            && !CATEGORY.contains(&low.as_str());
    noun.then_some((bit(Case::Gen), false))
}

/// Nouns a name stands beside in apposition ("город Минск", "кампанія
/// Белавія"): they say nothing of its case.
const CATEGORY: [&str; 34] = [
    "город",
    "города",
    "городе",
    "городом",
    "страна",
    "страны",
    "стране",
    "река",
    "реки",
    "озеро",
    "область",
    "области",
    "район",
    "района",
    "улица",
    "улице",
    "компания",
    "компании",
    "горад",
    "горада",
    "горадзе",
    "краіна",
    "краіны",
    "рака",
    "возера",
    "вобласць",
    "вобласці",
    "раён",
    "раёна",
    "вуліца",
    "кампанія",
    "кампаніі",
    "партыя",
    "газета",
];

/// The cases an adjective or pronoun ending stands for (any gender), or
/// `None` for a word that does not end like one.
fn adjective_cases(w: &str, lang: Lang) -> Option<Cases> {
    use Case::*;
    let set = |cs: &[Case]| cs.iter().fold(0, |a, c| a | bit(*c));
    let table: &[(&str, &[Case])] = match lang {
        Lang::Ru => &[
            ("ая", &[Nom]),
            ("яя", &[Nom]),
            ("ую", &[Acc]),
            ("юю", &[Acc]),
            ("всю", &[Acc]),
            ("ой", &[Gen, Dat, Ins, Loc]),
            ("ей", &[Gen, Dat, Ins, Loc]),
            ("ого", &[Gen, Acc]),
            ("его", &[Gen, Acc]),
            ("ому", &[Dat]),
            ("ему", &[Dat]),
            ("ым", &[Ins]),
            ("ый", &[Nom, Acc]),
            ("ий", &[Nom, Acc]),
            ("ое", &[Nom, Acc]),
            ("ее", &[Nom, Acc]),
            ("ых", &[Gen, Acc, Loc]),
            ("их", &[Gen, Acc, Loc]),
        ],
        Lang::Be => &[
            ("ая", &[Nom]),
            ("яя", &[Nom]),
            ("ую", &[Acc]),
            ("юю", &[Acc]),
            ("ўсю", &[Acc]),
            ("усю", &[Acc]),
            ("ай", &[Gen, Dat, Ins, Loc]),
            ("яй", &[Gen, Dat, Ins, Loc]),
            ("ага", &[Gen, Acc]),
            ("яга", &[Gen, Acc]),
            ("аму", &[Dat]),
            ("яму", &[Dat]),
            ("ае", &[Nom, Acc]),
            ("ых", &[Gen, Acc, Loc]),
            ("іх", &[Gen, Acc, Loc]),
        ],
    };
    // Short words (мой, чей, яго) are pronouns the free list has or nouns.
    if w.chars().count() < 4 && !["всю", "ўсю", "усю"].contains(&w) {
        return None;
    }
    table.iter().find(|(end, _)| w.ends_with(end)).map(|(_, cs)| set(cs))
}

/// Whether a word ends like a verb form (infinitive, past, present). Nouns
/// in -сть and -ием end like verbs only by chance.
fn verb_like(w: &str, lang: Lang) -> bool {
    let ends: &[&str] = match lang {
        Lang::Ru => &[
            "ть", "ться", "ти", "чь", "л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "ет", "ёт", "ит", "ут",
            "ют", "ат", "ят", "ется", "ится", "ются", "ятся", "ете", "ите", "ешь", "ишь", "ем", "им",
        ],
        Lang::Be => &[
            "ць", "цца", "ці", "чы", "ў", "л", "ла", "ло", "лі", "лася", "ліся", "уе", "ае", "яе", "юе", "іць", "аць",
            "уць", "юць", "яць", "ыць", "ецца", "іцца", "ем", "ім", "еце", "іце",
        ],
    };
    ends.iter().any(|e| w.ends_with(e)) && !["сть", "ием", "сць", "ццё"].iter().any(|e| w.ends_with(e))
}

/// Only the previous word when it is a preposition (a title or the start of a
/// sentence say less about a name already in a right form).
pub(super) fn preposition_before(before: &str, lang: Lang) -> Option<Cases> {
    let word = previous_word(before)?.to_lowercase();
    tables().prepositions[index(lang)].get(word.as_str()).copied()
}

/// The case the source's words around a name suggest for its translation:
/// a preposition before it (`in` → locative, `to` → accusative, `of` →
/// genitive, `with` → instrumental), a verb whose object it is (accusative,
/// or dative for giving and telling), a verb of saying (its subject), a
/// possessive 's after it. Articles are skipped, and so is a name listed
/// before it ("of Germany and Japan").
pub(super) fn english_hint(source: &str, range: std::ops::Range<usize>) -> Option<Cases> {
    let after = &source[range.end..];
    if after.starts_with("'s") || after.starts_with("’s") {
        return Some(bit(Case::Gen));
    }
    let mut before = &source[..range.start];
    for _ in 0..4 {
        let (rest, word) = english_word_before(before)?;
        let low = word.to_lowercase();
        if english("determiners", &low) {
            before = rest;
            continue;
        }
        if low == "and" || low == "or" {
            // The name listed before shares the preposition.
            let mut r = rest;
            while let Some((rr, w)) = english_word_before(r).filter(|(_, w)| w.starts_with(char::is_uppercase)) {
                r = rr;
                if w.ends_with(',') {
                    break;
                }
            }
            if r.len() == rest.len() {
                return None;
            }
            before = r;
            continue;
        }
        if !low.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        if low == "to" && english_word_before(rest).is_some_and(|(_, w)| w.eq_ignore_ascii_case("according")) {
            return Some(bit(Case::Gen));
        }
        let lists = [
            ("locative", Case::Loc),
            ("directional", Case::Acc),
            ("genitive", Case::Gen),
            ("instrumental", Case::Ins),
            ("dative", Case::Dat),
            ("nominative", Case::Nom),
            ("accusative", Case::Acc),
        ];
        if let Some((_, c)) = lists.into_iter().find(|(list, _)| english(list, &low)) {
            return Some(bit(c));
        }
        // A past participle after a determiner is an adjective ("the embattled").
        let verb = low.len() > 4
            && low.ends_with("ed")
            && word.starts_with(char::is_lowercase)
            && !english_word_before(rest).is_some_and(|(_, w)| english("determiners", &w.to_lowercase()));
        return verb.then_some(bit(Case::Acc));
    }
    None
}

/// The word right before `before`'s end (one space between) and the text
/// before that word; a word ending in a comma is returned with it.
fn english_word_before(before: &str) -> Option<(&str, &str)> {
    let b = before.strip_suffix(' ')?;
    let from = b.rfind([' ', '\n', '(', '"', '“', '\'', '‘']).map_or(0, |i| i + 1);
    let w = &b[from..];
    (!w.is_empty()).then_some((&b[..from], w))
}

/// The word before a name joined to it in a list ("у Гродне, Брэсце і
/// Гомелі": Брэсце before Гомелі, Гродне before Брэсце): names in one list
/// share their case. Whether a comma (not a conjunction) joins them: then it
/// may be an apposition ("бацька Калеснікавай, Аляксандр Калеснікаў").
pub(super) fn listed_after(before: &str) -> Option<(&str, bool)> {
    if before.trim_end().is_empty() {
        return None;
    }
    let b = before.trim_end();
    let comma = b.ends_with(',');
    let b = match b.strip_suffix(',') {
        Some(b) => b,
        None => {
            let (rest, conj) = b.rsplit_once(' ')?;
            if !["і", "и", "ды", "ці", "або", "или", "либо"].contains(&conj) {
                return None;
            }
            rest.trim_end().trim_end_matches(',')
        }
    };
    let from = b.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + b[i..].chars().next().map_or(1, char::len_utf8));
    let w = &b[from..];
    (!w.is_empty()).then_some((w, comma))
}

/// Whether `word` is in the English list `[en-<list>]`.
pub(super) fn english(list: &str, word: &str) -> bool {
    tables().english.get(list).is_some_and(|l| l.contains(&word))
}

/// Whether a name right after `before` opens a sentence: nothing but quotes,
/// dashes and spaces since the start or since the last full stop.
pub(super) fn starts_sentence(before: &str) -> bool {
    let tail = before.trim_end_matches(|c: char| c.is_whitespace() || "«»\"“”„'‘’—–-(".contains(c));
    tail.is_empty() || tail.ends_with(['.', '!', '?', '…', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepositions_titles_and_sentence_starts() {
        assert_eq!(cases_before("Он встретился с ", Lang::Ru), Some(bit(Case::Gen) | bit(Case::Ins)));
        assert_eq!(cases_before("Гэта было ў ", Lang::Be), Some(bit(Case::Gen) | bit(Case::Acc) | bit(Case::Loc)));
        assert_eq!(cases_before("", Lang::Be), Some(NOM));
        assert_eq!(cases_before("Так. «", Lang::Ru), Some(NOM));
        assert_eq!(cases_before("сказаў ", Lang::Be), None);
        assert_eq!(cases_before("Указ президента ", Lang::Ru), Some(bit(Case::Gen) | bit(Case::Acc)));
        assert_eq!(cases_before("з журналісткай ", Lang::Be), Some(bit(Case::Ins)));
        // A word glued to the name (no space) is not a preposition before it.
        assert_eq!(cases_before("в", Lang::Ru), None);
        assert_eq!(preposition_before("Указ президента ", Lang::Ru), None);
        assert!(english("honorifics", "Mr.") && !english("honorifics", "Mayor"));
        let hint = |s: &str, name: &str| {
            let at = s.find(name).unwrap();
            english_hint(s, at..at + name.len())
        };
        assert_eq!(hint("protests in Minsk", "Minsk"), Some(bit(Case::Loc)));
        assert_eq!(hint("She went to Vilnius", "Vilnius"), Some(bit(Case::Acc)));
        assert_eq!(hint("He met Putin", "Putin"), Some(bit(Case::Acc)));
        assert_eq!(hint("He spoke Putin", "Putin"), None);
        assert_eq!(hint("blocked the way into the European Union", "European"), Some(bit(Case::Acc)));
        assert_eq!(hint("the little brother of Germany and Japan.", "Japan"), Some(bit(Case::Gen)));
        assert_eq!(hint("China's GDP", "China"), Some(bit(Case::Gen)));
        assert_eq!(hint("a term, said Lukashenko", "Lukashenko"), Some(NOM));
        assert_eq!(hint("the embattled Lukashenko", "Lukashenko"), None);
        assert_eq!(hint("She urged the E.U. and the U.K. to act", "U.K."), Some(bit(Case::Acc)));
        assert_eq!(hint("in Nairobi, Kenya has", "Kenya"), None);
        assert_eq!(cases_before("в болгарской ", Lang::Ru), Some(bit(Case::Loc)));
        assert_eq!(cases_before("северная часть ", Lang::Ru), Some(bit(Case::Gen)));
        assert_eq!(cases_before("культуру паўночнай ", Lang::Be), Some(bit(Case::Gen)));
        assert_eq!(cases_before("который руководит ", Lang::Ru), Some(bit(Case::Ins)));
        assert_eq!(cases_before("заявил ", Lang::Ru), None);
        assert_eq!(cases_before("в городе ", Lang::Ru), None);
        assert_eq!(cases_before("ВВП ", Lang::Ru), Some(bit(Case::Gen)));
        assert_eq!(listed_after("у Гродне, Брэсце і "), Some(("Брэсце", false)));
        assert_eq!(listed_after("у Гродне, "), Some(("Гродне", true)));
        assert_eq!(listed_after("сказаў "), None);
    }
}
