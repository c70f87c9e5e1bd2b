//! Near misses: a Cyrillic word a letter or two from a form of a name.
//!
//! In: a lower-case output word that is no known form, the renderings of the
//! sentence's names. Out: the hits of the closest form, when the word is a
//! misspelling of it a model makes (confusable letters only, same first and
//! last letter), not a right form of another listed name, and not a
//! Belarusian vowel alternation of the target form.

use std::collections::HashSet;

use super::cases::NOM;
use super::forms::{Hit, Origin, Renderings};
use crate::lang::Lang;

/// A Cyrillic word one or two confusable letters away from a form of a name
/// (a vowel for a vowel, и/і/ы, в/ў, т/ц, г/х, a soft sign or apostrophe
/// more or less: Тихоновская, Калесніковай), with the same first letter and
/// the same last two letters (so the same case ending), that is no right form
/// of any listed name and no Belarusian vowel alternation of the target
/// (Крэмль → у Крамлі).
pub(super) fn near_miss(low: &str, r: &Renderings, known: &HashSet<String>, lang: Lang) -> Option<Vec<Hit>> {
    let n = low.chars().count();
    if n < 5 || known.contains(low) {
        return None;
    }
    let limit = if n >= 9 { 2 } else { 1 };
    let first = low.chars().next()?;
    let last = low.chars().next_back()?;
    let mut best: Option<(usize, &Vec<Hit>)> = None;
    let mut tie = false;
    for (form, hits) in r.by_form.iter().filter(|(f, _)| !f.is_ascii()) {
        let (f0, fl) = (form.chars().next().unwrap_or(' '), form.chars().next_back().unwrap_or(' '));
        // The last letter keeps the case; а for о at the end of the
        // nominative is the other language's ending (Помпеа, Цапкало).
        let base = hits.iter().all(|h| h.cases & NOM != 0);
        if fl != last && !(base && matches!((fl, last), ('а', 'о') | ('о', 'а')))
            || f0 != first && confusable_distance(&f0.to_string(), &first.to_string()) != 1
        {
            continue;
        }
        let mut d = confusable_distance(form, low);
        // English j and soft g: дж for г (Анджела for Ангела).
        if low.contains("дж") && !form.contains("дж") {
            d = d.min(confusable_distance(form, &low.replace("дж", "г")) + 1);
        }
        if d == 0 || d > limit {
            continue;
        }
        if lang == Lang::Be && hits.iter().any(|h| h.origin.right()) && alternation(form, low) {
            return None;
        }
        match best {
            Some((b, bh)) if d == b => {
                tie |= bh.iter().map(|h| h.mention).collect::<HashSet<_>>()
                    != hits.iter().map(|h| h.mention).collect::<HashSet<_>>()
            }
            Some((b, _)) if d > b => {}
            _ => {
                best = Some((d, hits));
                tie = false;
            }
        }
    }
    let (_, hits) = best.filter(|_| !tie)?;
    let hits: Vec<Hit> =
        hits.iter().filter(|h| !r.derived[h.mention]).map(|h| Hit { origin: Origin::NearMiss, ..*h }).collect();
    (!hits.is_empty()).then_some(hits)
}

/// Case endings a stem may take in forms the paradigms do not know (Канадзе
/// after the stem канад-): a word of the stem with one of them is left alone.
pub(super) const CASE_ENDINGS: [&str; 53] = [
    "", "й", "а", "я", "у", "ю", "е", "и", "і", "ы", "о", "ой", "ей", "ом", "ем", "ым", "им", "ам", "ям", "ах", "ях",
    "ую", "ая", "ою", "ею", "ии", "ія", "ыя", "ые", "ие", "ых", "их", "ого", "его", "ому", "ему", "ага", "аму", "яму",
    "ями", "ами", "ыми", "ими", "імі", "ыі", "ці", "дзе", "це", "зе", "се", "цы", "ай", "яй",
];

/// Letters a model confuses in names: vowels, and consonants that differ in
/// voicing or softness or are written alike across the two languages.
const CONFUSABLE: [&str; 11] = ["аоэеёяиіыуює", "вўуф", "тцд", "гхґк", "жзш", "шщ", "бп", "зс", "дз", "сш", "чц"];

/// Edit distance where only confusable letters may be swapped, and only
/// vowels, soft signs, apostrophes, й and a doubled letter inserted or
/// deleted; anything else costs 9.
fn confusable_distance(a: &str, b: &str) -> usize {
    let swap = |x: char, y: char| {
        if x == y {
            0
        } else if CONFUSABLE.iter().any(|c| c.contains(x) && c.contains(y)) {
            1
        } else {
            9
        }
    };
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Inserting s[i]: cheap for a vowel, a sign, or a letter doubled.
    let gap = |s: &[char], i: usize| {
        if "аоэеёяиіыуюь'’ʼй".contains(s[i]) || i > 0 && s[i - 1] == s[i] {
            1
        } else {
            9
        }
    };
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    for j in 0..b.len() {
        row[j + 1] = row[j] + gap(&b, j);
    }
    for i in 0..a.len() {
        let mut prev = row[0];
        row[0] += gap(&a, i);
        for j in 0..b.len() {
            let cur = row[j + 1];
            row[j + 1] = (prev + swap(a[i], b[j])).min(row[j] + gap(&b, j)).min(cur + gap(&a, i));
            prev = cur;
        }
    }
    row[b.len()]
}

/// Whether `word` differs from the Belarusian form `form` only by unstressed
/// vowels written as akanne and yakanne write them (э, о → а; е, ё → я): a
/// case form with the stress moved.
fn alternation(form: &str, word: &str) -> bool {
    form.chars().count() == word.chars().count()
        && form.chars().zip(word.chars()).all(|(f, w)| f == w || matches!((f, w), ('э' | 'о', 'а') | ('е' | 'ё', 'я')))
}
