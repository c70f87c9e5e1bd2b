//! A character trigram model of Russian or Belarusian words, to rank the
//! Cyrillic spellings a Latin name could come from ("оў" is common in
//! Belarusian, "оу" is not; "шэ" is Belarusian, "ше" Russian).
//!
//! In: a word list (`word<TAB>count` lines, `models/translit/words/<lang>.tsv`).
//! Out: log probabilities of words: a mixture of the listed words' own
//! frequencies (a name in the list beats any spelling of it that is not) and
//! letters interpolated trigram/bigram/unigram with add-one unigrams, so
//! unseen letters cost much but never infinity.

use std::collections::HashMap;

/// Word start and end.
const START: char = '^';
const END: char = '$';
/// Interpolation weights: trigram, bigram, unigram.
const L3: f64 = 0.6;
const L2: f64 = 0.3;
const L1: f64 = 0.1;
/// Weight of the word list against the letter model.
const KNOWN: f64 = 0.5;

#[derive(Debug, Default)]
pub struct CharModel {
    tri: HashMap<[char; 3], f64>,
    /// Trigrams starting with a pair.
    ctx2: HashMap<[char; 2], f64>,
    bi: HashMap<[char; 2], f64>,
    /// Bigrams starting with a char.
    ctx1: HashMap<char, f64>,
    uni: HashMap<char, f64>,
    total: f64,
    words: HashMap<String, f64>,
    word_total: f64,
}

impl CharModel {
    /// Reads `word<TAB>count` lines; `#` lines and bad lines are skipped.
    pub fn from_words(list: &str) -> CharModel {
        let mut m = CharModel::default();
        for line in list.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, count)) = line.split_once('\t') else { continue };
            let Ok(count) = count.trim().parse::<f64>() else { continue };
            *m.words.entry(word.to_string()).or_default() += count;
            m.word_total += count;
            let chars: Vec<char> = [START, START].into_iter().chain(word.chars()).chain([END]).collect();
            for w in chars.windows(3) {
                *m.tri.entry([w[0], w[1], w[2]]).or_default() += count;
                *m.ctx2.entry([w[0], w[1]]).or_default() += count;
                *m.bi.entry([w[1], w[2]]).or_default() += count;
                *m.ctx1.entry(w[1]).or_default() += count;
                *m.uni.entry(w[2]).or_default() += count;
                m.total += count;
            }
        }
        m
    }

    /// log P(c | a b).
    pub fn logp(&self, a: char, b: char, c: char) -> f64 {
        let ratio = |n: Option<&f64>, d: Option<&f64>| match (n, d) {
            (Some(n), Some(d)) if *d > 0.0 => n / d,
            _ => 0.0,
        };
        let p3 = ratio(self.tri.get(&[a, b, c]), self.ctx2.get(&[a, b]));
        let p2 = ratio(self.bi.get(&[b, c]), self.ctx1.get(&b));
        let p1 = (self.uni.get(&c).copied().unwrap_or(0.0) + 1.0) / (self.total + self.uni.len() as f64 + 1.0);
        (L3 * p3 + L2 * p2 + L1 * p1).ln()
    }

    /// log P of the whole lower-case word, its end included.
    pub fn word(&self, word: &str) -> f64 {
        let (mut a, mut b) = (START, START);
        let mut sum = 0.0;
        for c in word.chars().chain([END]) {
            sum += self.logp(a, b, c);
            (a, b) = (b, c);
        }
        self.finish(word, sum)
    }

    /// log P of `word` given its letter-model score (ending included).
    pub fn finish(&self, word: &str, letters: f64) -> f64 {
        let listed = self.words.get(word).map_or(0.0, |c| c / self.word_total);
        (KNOWN * listed + (1.0 - KNOWN) * letters.exp()).ln()
    }

    /// The log probability of ending after `a b`.
    pub fn end(&self, a: char, b: char) -> f64 {
        self.logp(a, b, END)
    }

    /// The context before a word's first letter.
    pub fn start() -> [char; 2] {
        [START, START]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likely_words_score_higher() {
        let m = CharModel::from_words("# test\nлукашэнка\t5\nшэсць\t3\nноў\t4\nбad line\n");
        assert!(m.word("лукашэнка") > m.word("лукашенка"));
        assert!(m.word("ноў") > m.word("ноу"));
        assert!(m.word("x").is_finite());
        // A listed word beats the letters' guess.
        assert!(m.word("шэсць") > m.word("шэсц"));
    }
}
