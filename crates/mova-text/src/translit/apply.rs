//! Applying a scheme: Cyrillic → Latin with context rules and capitals, and the
//! exact reverse for reversible schemes.

use std::collections::HashMap;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::scheme::{Condition, Rule, Scheme};

/// A source with its rules and context-free target, for matching.
#[derive(Debug, Clone)]
struct Candidate {
    source: Vec<char>,
    rules: Vec<Rule>,
    letter: Option<String>,
}

/// A scheme ready to apply: candidates by first letter, longest first.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// Cyrillic block U+0400–U+04FF, indexed by code point − 0x400.
    cyrillic: Vec<Vec<Candidate>>,
    other: HashMap<char, Vec<Candidate>>,
    /// ASCII characters some source starts with (the apostrophe, say).
    ascii_mapped: [bool; 128],
    /// Fast path, Cyrillic block: the output of a letter that is always the same
    /// (a context-free single letter, in lower case, or in capitals when its
    /// target has at most one letter).
    direct: Vec<Option<String>>,
    reverse: Option<Reverse>,
}

#[derive(Debug, Clone)]
struct Reverse {
    by_first: HashMap<char, Vec<(Vec<char>, String)>>,
}

/// The result of a transliteration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transliterated {
    /// The text in the other script.
    pub text: String,
    /// Cyrillic letters the scheme has no rule for (Ukrainian і/ї/є/ґ in a
    /// Russian scheme, say), with their char index; they pass through as they are.
    pub unknown: Vec<(usize, char)>,
}

/// Apostrophes and primes are not letters for context rules.
fn is_letter(c: char) -> bool {
    c.is_alphabetic() && !matches!(c, 'ʼ' | 'ʹ' | 'ʺ')
}

fn lower(c: char) -> char {
    match c {
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        'а'..='я' | 'ѐ'..='џ' => c,
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

impl Compiled {
    /// Prepares `scheme`.
    pub fn new(scheme: &Scheme) -> Compiled {
        let mut all: HashMap<String, Candidate> = HashMap::new();
        for (s, t) in &scheme.letters {
            all.entry(s.clone())
                .or_insert_with(|| Candidate { source: s.chars().collect(), rules: Vec::new(), letter: None })
                .letter = Some(t.clone());
        }
        for (s, rules) in &scheme.rules {
            all.entry(s.clone())
                .or_insert_with(|| Candidate { source: s.chars().collect(), rules: Vec::new(), letter: None })
                .rules = rules.clone();
        }
        let mut cyrillic = vec![Vec::new(); 0x100];
        let mut other: HashMap<char, Vec<Candidate>> = HashMap::new();
        for c in all.into_values() {
            let first = c.source[0];
            match (first as u32).checked_sub(0x400).filter(|&k| k < 0x100) {
                Some(k) => cyrillic[k as usize].push(c),
                None => other.entry(first).or_default().push(c),
            }
        }
        let mut ascii_mapped = [false; 128];
        for c in other.keys().filter(|c| c.is_ascii()) {
            ascii_mapped[*c as usize] = true;
        }
        for list in cyrillic.iter_mut().chain(other.values_mut()) {
            list.sort_by_key(|c| std::cmp::Reverse(c.source.len()));
        }
        let reverse = scheme.reversible.then(|| {
            let mut by_first: HashMap<char, Vec<(Vec<char>, String)>> = HashMap::new();
            // Context targets too: GOST 7.79 B writes ц as cz or c.
            let rule_targets = scheme.rules.iter().flat_map(|(s, rules)| rules.iter().map(move |r| (s, &r.target)));
            // Sorted, so that of two sources with one Latin form (the
            // apostrophe's variants) the same one always wins.
            let mut pairs: Vec<(&String, &String)> = scheme.letters.iter().chain(rule_targets).collect();
            pairs.sort();
            for (s, t) in pairs {
                let latin: Vec<char> = t.nfc().collect::<String>().chars().map(lower).collect();
                let Some(&f) = latin.first() else { continue };
                let list = by_first.entry(f).or_default();
                if !list.iter().any(|(l, _)| *l == latin) {
                    list.push((latin, s.clone()));
                }
            }
            for list in by_first.values_mut() {
                list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
            }
            Reverse { by_first }
        });
        let mut direct = vec![None; 0x100];
        for (k, list) in cyrillic.iter().enumerate() {
            if let [Candidate { source, rules, letter: Some(t) }] = list.as_slice() {
                if source.len() == 1 && rules.is_empty() {
                    direct[k] = Some(t.clone());
                    let upper = source[0].to_uppercase().next().unwrap_or(source[0]);
                    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
                    if let Some(u) = (upper as u32).checked_sub(0x400).filter(|&u| u < 0x100 && u as usize != k) {
                        if letters <= 1 && !t.contains('\u{361}') {
                            direct[u as usize] = Some(t.to_uppercase());
                        }
                    }
                }
            }
        }
        Compiled { cyrillic, other, ascii_mapped, direct, reverse }
    }

    fn candidates(&self, c: char) -> &[Candidate] {
        match (c as u32).checked_sub(0x400).filter(|&k| k < 0x100) {
            Some(k) => &self.cyrillic[k as usize],
            None => self.other.get(&c).map_or(&[], Vec::as_slice),
        }
    }

    /// Whether Latin → Cyrillic is available.
    pub fn reversible(&self) -> bool {
        self.reverse.is_some()
    }

    /// Cyrillic → Latin.
    pub fn forward(&self, text: &str) -> Transliterated {
        let nfc;
        // Cyrillic and Latin-1 text without combining marks is NFC already.
        let plain = text.chars().all(|c| (c as u32) < 0x300 || ('\u{400}'..='\u{52F}').contains(&c));
        let text = if plain || is_nfc_quick(text.chars()) == IsNormalized::Yes {
            text
        } else {
            nfc = text.nfc().collect::<String>();
            &nfc
        };
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len() + text.len() / 4);
        let mut unknown = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii() && !self.ascii_mapped[c as usize] {
                out.push(c);
                i += 1;
                continue;
            }
            if let Some(Some(t)) = (c as u32).checked_sub(0x400).and_then(|k| self.direct.get(k as usize)) {
                out.push_str(t);
                i += 1;
                continue;
            }
            let cands = self.candidates(lower(c));
            let mut hit: Option<(usize, &str)> = None;
            for cand in cands {
                let n = cand.source.len();
                if i + n > chars.len() || !chars[i..i + n].iter().zip(&cand.source).all(|(&a, &b)| lower(a) == b) {
                    continue;
                }
                if let Some(r) = cand.rules.iter().find(|r| holds(&r.conditions, &chars, i, n)) {
                    hit = Some((n, &r.target));
                    break;
                }
                if let Some(t) = &cand.letter {
                    hit = Some((n, t));
                    break;
                }
            }
            match hit {
                Some((n, target)) => {
                    push_cased(&mut out, target, &chars, i, n);
                    i += n;
                }
                None => {
                    if ('\u{400}'..='\u{52F}').contains(&c) && c.is_alphabetic() {
                        unknown.push((i, c));
                    }
                    out.push(c);
                    i += 1;
                }
            }
        }
        Transliterated { text: out, unknown }
    }

    /// Latin → Cyrillic, for reversible schemes (`None` otherwise).
    pub fn reverse(&self, text: &str) -> Option<String> {
        let rev = self.reverse.as_ref()?;
        let text: String = text.nfc().collect();
        let chars: Vec<char> = text.chars().collect();
        let low: Vec<char> = chars.iter().map(|&c| lower(c)).collect();
        let mut out = String::with_capacity(text.len() * 2);
        let mut i = 0;
        while i < chars.len() {
            let hit = rev.by_first.get(&low[i]).and_then(|list| {
                list.iter().find(|(latin, _)| i + latin.len() <= chars.len() && low[i..i + latin.len()] == latin[..])
            });
            match hit {
                Some((latin, cyr)) => {
                    push_cased(&mut out, cyr, &chars, i, latin.len());
                    i += latin.len();
                }
                None => {
                    out.push(chars[i]);
                    i += 1;
                }
            }
        }
        Some(out)
    }
}

fn holds(conditions: &[Condition], chars: &[char], i: usize, n: usize) -> bool {
    let prev = i.checked_sub(1).map(|j| lower(chars[j]));
    let next = chars.get(i + n).map(|&c| lower(c));
    let prev_letter = i.checked_sub(1).is_some_and(|j| is_letter(chars[j]));
    let next_letter = chars.get(i + n).is_some_and(|&c| is_letter(c));
    conditions.iter().all(|c| match c {
        Condition::Initial => !prev_letter,
        Condition::Final => !next_letter,
        Condition::After(set) => prev.is_some_and(|p| set.contains(&p)),
        Condition::Before(set) => next.is_some_and(|p| set.contains(&p)),
        Condition::NotAfter(set) => prev.is_none_or(|p| !set.contains(&p)),
        Condition::NotBefore(set) => next.is_none_or(|p| !set.contains(&p)),
    })
}

/// Writes `target` in the case of `chars[i..i + n]`: lower stays lower; a capital
/// gives all capitals when the word around is in capitals ("ЩУКА" → "SHCHUKA",
/// "ЦИК" → "TSIK"), else a capital first letter ("Щука" → "Shchuka").
fn push_cased(out: &mut String, target: &str, chars: &[char], i: usize, n: usize) {
    // "тс" → "t·s": each part takes the case of its own letter ("тС" → "t·S").
    if n > 1 && target.split('·').count() == n {
        for (k, part) in target.split('·').enumerate() {
            if k > 0 {
                out.push('·');
            }
            push_cased(out, part, chars, i + k, 1);
        }
        return;
    }
    let next = chars.get(i + n).copied().filter(|&c| c.is_alphabetic());
    let prev = i.checked_sub(1).map(|j| chars[j]).filter(|&c| c.is_alphabetic());
    // A sign without case (ʹ, ʺ) is a capital inside a word in capitals:
    // "OBʺEKT" → "ОБЪЕКТ", "VESʹ" → "ВЕСЬ", but "Aʹ" stays "Аь".
    let caseless = !chars[i].is_uppercase() && !chars[i].is_lowercase();
    let before_prev = chars[..i.saturating_sub(1)]
        .iter()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .find(|c| c.is_uppercase() || c.is_lowercase())
        .copied();
    if caseless
        && prev.is_some_and(char::is_uppercase)
        && (next.is_some_and(char::is_uppercase) || next.is_none() && before_prev.is_some_and(char::is_uppercase))
    {
        out.extend(target.chars().flat_map(char::to_uppercase));
        return;
    }
    if !chars[i].is_uppercase() {
        out.push_str(target);
        return;
    }
    let next = next.filter(|&c| is_letter(c));
    let prev = prev.filter(|&c| is_letter(c));
    let all_caps = n > 1 && chars[i + 1].is_uppercase()
        || next.is_some_and(char::is_uppercase)
        || next.is_none() && prev.is_some_and(char::is_uppercase);
    if all_caps {
        out.extend(target.chars().flat_map(char::to_uppercase));
        return;
    }
    // Title case: the first letter, and the letter tied to it by U+0361
    // ("Я" → "I͡A" in ALA-LC, as the Library of Congress tables print it).
    let mut done = false;
    let mut tied = false;
    for c in target.chars() {
        if !done && c.is_alphabetic() || tied && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            tied = false;
            done = true;
        } else {
            tied = done && c == '\u{361}' && out.chars().next_back().is_some_and(char::is_uppercase);
            out.push(c);
        }
    }
}
