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

const DATA: &str = include_str!("../../../models/names/case_context.txt");

/// Preposition → cases, per language; title form → cases, per language.
struct Tables {
    prepositions: [HashMap<&'static str, Cases>; 2],
    titles: [HashMap<String, Cases>; 2],
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
        let mut t = Tables { prepositions: Default::default(), titles: Default::default(), english: HashMap::new() };
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
    let start = trimmed.rfind(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’')).map_or(0, |i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8));
    let w = &trimmed[start..];
    (!w.is_empty()).then_some(w)
}

/// The cases the context before a name allows; `None` when it says nothing.
pub(super) fn cases_before(before: &str, lang: Lang) -> Option<Cases> {
    if starts_sentence(before) {
        return Some(NOM);
    }
    let word = previous_word(before)?.to_lowercase();
    let t = tables();
    t.prepositions[index(lang)].get(word.as_str()).copied().or_else(|| t.titles[index(lang)].get(&word).copied())
}

/// Only the previous word when it is a preposition (a title or the start of a
/// sentence say less about a name already in a right form).
pub(super) fn preposition_before(before: &str, lang: Lang) -> Option<Cases> {
    let word = previous_word(before)?.to_lowercase();
    tables().prepositions[index(lang)].get(word.as_str()).copied()
}

/// The case an English preposition right before a name suggests (`in` →
/// locative, `to` → accusative, `of` → genitive, `with` → instrumental).
pub(super) fn english_hint(source_before: &str) -> Option<Cases> {
    let word = source_before.strip_suffix(' ')?.rsplit([' ', '\n', '(', '"', '“']).next()?.to_lowercase();
    [("locative", Case::Loc), ("directional", Case::Acc), ("genitive", Case::Gen), ("instrumental", Case::Ins)].into_iter().find(|(list, _)| english(list, &word)).map(|(_, c)| bit(c))
}

/// The word before a name joined to it in a list ("у Гродне, Брэсце і
/// Гомелі": Брэсце before Гомелі, Гродне before Брэсце): names in one list
/// share their case. Whether a comma (not a conjunction) joins them: then it
/// may be an apposition ("бацька Калеснікавай, Аляксандр Калеснікаў").
pub(super) fn listed_after(before: &str) -> Option<(&str, bool)> {
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
        assert_eq!(english_hint("protests in "), Some(bit(Case::Loc)));
        assert_eq!(english_hint("She went to "), Some(bit(Case::Acc)));
        assert_eq!(english_hint("He met "), None);
        assert_eq!(listed_after("у Гродне, Брэсце і "), Some(("Брэсце", false)));
        assert_eq!(listed_after("у Гродне, "), Some(("Гродне", true)));
        assert_eq!(listed_after("сказаў "), None);
    }
}
