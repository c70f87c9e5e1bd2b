//! Latin → Cyrillic for spellings no scheme can reverse exactly: the press
//! forms of names ("Tsikhanouskaya" → Ціханоўская in Belarusian,
//! "Tikhanovskaya" → Тихановская in Russian, "Lukashenka" → Лукашэнка).
//!
//! In: a Latin line and a language. Out: Cyrillic candidates, best first, each
//! with its score and the schemes that romanize it back to exactly the input.
//! Each scheme's letters and context targets are read backwards in a beam
//! search over the Latin letters, ranked by a character model of the
//! language's words ([`super::lm`]) plus a prior per scheme (press spellings
//! first: the input is English news); a candidate is kept only if the scheme
//! gives the input back when run forwards.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::lm::CharModel;
use super::{Compiled, Scheme};
use crate::lang::Lang;

/// Candidates kept per Latin position while searching.
const BEAM: usize = 48;
/// Longest word, in letters, searched: the search grows with the square of a
/// word's length (4.2 s on 4,000 letters), and no name is this long, so a
/// longer word (a hash, a run of base64) has no candidates.
pub const MAX_WORD: usize = 64;
/// Log-prior of a scheme: English news writes names the press way first, then
/// by the systems maps and passports use; scholarly and library systems are
/// rare there.
fn prior(id: &str) -> f64 {
    match id {
        "press" => 0.0,
        "bgn-pcgn" | "icao" | "wikipedia" | "national-2007" | "national-2023" => -1.0,
        _ => -2.5,
    }
}

/// One Cyrillic spelling of a Latin line.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub text: String,
    /// Natural log; higher is more likely. Comparable among the candidates of
    /// one input only.
    pub score: f64,
    /// Schemes that write `text` as the input (the best first).
    pub schemes: Vec<String>,
}

/// A scheme read backwards.
struct Backwards<'a> {
    id: &'a str,
    compiled: &'a Compiled,
    /// Latin (lower case, NFC) → Cyrillic sources, by first Latin char.
    by_first: HashMap<char, Vec<(Vec<char>, String)>>,
    /// Sources written as nothing (ь, ъ, the apostrophe in some schemes).
    silent: Vec<String>,
}

/// Reverse candidates for one language, from every scheme of it.
pub struct Reverser<'a> {
    lang: Lang,
    schemes: Vec<Backwards<'a>>,
    model: CharModel,
}

#[derive(Clone)]
struct State {
    cyr: String,
    last: [char; 2],
    score: f64,
    /// Whether the last step wrote a silent letter (no two in a row).
    silent: bool,
}

impl<'a> Reverser<'a> {
    pub(super) fn new(
        lang: Lang,
        schemes: impl Iterator<Item = (&'a Scheme, &'a Compiled)>,
        words: &str,
    ) -> Reverser<'a> {
        let schemes = schemes.filter(|(s, _)| s.lang == lang).map(|(s, compiled)| {
            let mut by_first: HashMap<char, Vec<(Vec<char>, String)>> = HashMap::new();
            let mut silent = Vec::new();
            let rule_targets = s.rules.iter().flat_map(|(src, rules)| rules.iter().map(move |r| (src, &r.target)));
            for (src, target) in s.letters.iter().chain(rule_targets) {
                let latin: Vec<char> = target.nfc().flat_map(char::to_lowercase).collect();
                match latin.first() {
                    None if !silent.contains(src) => silent.push(src.clone()),
                    None => {}
                    Some(&f) => {
                        let list = by_first.entry(f).or_default();
                        if !list.iter().any(|(l, c)| *l == latin && c == src) {
                            list.push((latin, src.clone()));
                        }
                    }
                }
            }
            Backwards { id: &s.id, compiled, by_first, silent }
        });
        Reverser { lang, schemes: schemes.collect(), model: CharModel::from_words(words) }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// How likely a lower-case word of this language is (natural log).
    pub fn likelihood(&self, word: &str) -> f64 {
        self.model.word(word)
    }

    /// The `n` best Cyrillic spellings of `text` (one word or a line of them;
    /// what is not a word passes through), restricted to `scheme` when given.
    pub fn candidates(&self, text: &str, n: usize, scheme: Option<&str>) -> Vec<Candidate> {
        let text: String = text.nfc().collect();
        let mut lines = vec![Candidate { text: String::new(), score: 0.0, schemes: Vec::new() }];
        for (is_word, piece) in split_words(&text) {
            if !is_word {
                lines.iter_mut().for_each(|l| l.text.push_str(piece));
                continue;
            }
            let options = self.word(piece, n.max(1), scheme);
            if options.is_empty() {
                return Vec::new();
            }
            let mut next = Vec::with_capacity(lines.len() * options.len());
            for l in &lines {
                for o in &options {
                    let (schemes, score) = join_schemes(&l.schemes, &o.schemes);
                    next.push(Candidate {
                        text: format!("{}{}", l.text, o.text),
                        score: l.score + o.score + score,
                        schemes,
                    });
                }
            }
            next.sort_by(|a, b| b.score.total_cmp(&a.score));
            next.truncate(n.max(1));
            lines = next;
        }
        lines.truncate(n);
        lines
    }

    /// Candidates for one word, best first.
    fn word(&self, word: &str, n: usize, only: Option<&str>) -> Vec<Candidate> {
        if word.chars().nth(MAX_WORD).is_some() {
            return Vec::new();
        }
        let latin: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
        let want: String = latin.iter().collect();
        let mut found: Vec<Candidate> = Vec::new();
        for b in self.schemes.iter().filter(|b| only.is_none_or(|id| id == b.id)) {
            for (cyr, lm) in self.search(b, &latin) {
                if b.compiled.forward(&cyr).text.nfc().flat_map(char::to_lowercase).collect::<String>() != want {
                    continue;
                }
                let score = lm + prior(b.id);
                match found.iter_mut().find(|c| c.text == cyr) {
                    Some(c) => {
                        if score > c.score {
                            c.score = score;
                            c.schemes.insert(0, b.id.to_string());
                        } else {
                            c.schemes.push(b.id.to_string());
                        }
                    }
                    None => found.push(Candidate { text: cyr, score, schemes: vec![b.id.to_string()] }),
                }
            }
        }
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.text.cmp(&b.text)));
        found.truncate(n);
        for c in &mut found {
            c.text = recase(&c.text, word);
        }
        found
    }

    /// Cyrillic spellings (lower case) that `b` could write as `latin`, with
    /// their model scores, best first; not yet checked forwards.
    fn search(&self, b: &Backwards, latin: &[char]) -> Vec<(String, f64)> {
        let n = latin.len();
        let mut beams: Vec<Vec<State>> = vec![Vec::new(); n + 1];
        let [s0, s1] = CharModel::start();
        beams[0].push(State { cyr: String::new(), last: [s0, s1], score: 0.0, silent: false });
        for pos in 0..=n {
            let mut here = std::mem::take(&mut beams[pos]);
            let silent: Vec<State> = here
                .iter()
                .filter(|s| !s.silent && !s.cyr.is_empty())
                .flat_map(|s| b.silent.iter().map(move |src| self.step(s, src, true)))
                .collect();
            here.extend(silent);
            here.sort_by(|a, b| b.score.total_cmp(&a.score));
            here.truncate(BEAM);
            if pos == n {
                beams[n] = here;
                break;
            }
            for s in &here {
                for (lat, src) in b.by_first.get(&latin[pos]).map_or(&[][..], Vec::as_slice) {
                    if pos + lat.len() <= n && latin[pos..pos + lat.len()] == lat[..] {
                        beams[pos + lat.len()].push(self.step(s, src, false));
                    }
                }
            }
        }
        let mut done: Vec<(String, f64)> = beams[n]
            .iter()
            .map(|s| (s.cyr.clone(), self.model.finish(&s.cyr, s.score + self.model.end(s.last[0], s.last[1]))))
            .collect();
        done.sort_by(|a, b| b.1.total_cmp(&a.1));
        done.dedup_by(|a, b| a.0 == b.0);
        done.truncate(BEAM);
        done
    }

    fn step(&self, s: &State, src: &str, silent: bool) -> State {
        let mut next = State { cyr: s.cyr.clone(), last: s.last, score: s.score, silent };
        for c in src.chars() {
            next.score += self.model.logp(next.last[0], next.last[1], c);
            next.last = [next.last[1], c];
            next.cyr.push(c);
        }
        next
    }
}

/// The schemes that write both a line so far and its next word: those common
/// to both, or, when none is, each side's best joined by `+` ("lacinka+press"),
/// at a cost, since one text rarely mixes systems.
fn join_schemes(line: &[String], word: &[String]) -> (Vec<String>, f64) {
    if line.is_empty() {
        return (word.to_vec(), 0.0);
    }
    let common: Vec<String> = line.iter().filter(|s| word.contains(s)).cloned().collect();
    if !common.is_empty() {
        return (common, 0.0);
    }
    (vec![format!("{}+{}", line[0], word[0])], -2.0)
}

/// Words (letters, with the marks schemes write inside words) and the rest.
fn split_words(text: &str) -> Vec<(bool, &str)> {
    let in_word = |c: char| {
        c.is_alphabetic() || matches!(c, '\'' | '’' | 'ʹ' | 'ʺ' | '`' | '´' | '”' | '·' | '\u{300}'..='\u{36F}')
    };
    let mut out: Vec<(bool, &str)> = Vec::new();
    let mut start = 0;
    let mut cur: Option<bool> = None;
    for (i, c) in text.char_indices() {
        let w = in_word(c);
        if cur.is_some_and(|k| k != w) {
            out.push((cur.unwrap_or(false), &text[start..i]));
            start = i;
        }
        cur = Some(w);
    }
    if let Some(k) = cur {
        out.push((k, &text[start..]));
    }
    // A mark at a word's edge is a quote, not part of the word.
    let mut fixed = Vec::with_capacity(out.len());
    for (w, piece) in out {
        if !w {
            fixed.push((false, piece));
            continue;
        }
        let trimmed = piece.trim_matches(|c: char| !c.is_alphabetic());
        let lead = piece.find(trimmed).unwrap_or(0);
        if lead > 0 {
            fixed.push((false, &piece[..lead]));
        }
        if !trimmed.is_empty() {
            fixed.push((true, trimmed));
        }
        if lead + trimmed.len() < piece.len() {
            fixed.push((false, &piece[lead + trimmed.len()..]));
        }
    }
    fixed
}

/// `cyr` in the capitals of `latin`: all capitals, a capital first, or none.
fn recase(cyr: &str, latin: &str) -> String {
    let letters: Vec<char> = latin.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() > 1 && letters.iter().all(|c| !c.is_lowercase());
    if all_caps {
        return cyr.to_uppercase();
    }
    if letters.first().is_some_and(|c| c.is_uppercase()) {
        let mut cs = cyr.chars();
        return cs.next().map(|f| f.to_uppercase().chain(cs).collect()).unwrap_or_default();
    }
    cyr.to_string()
}
