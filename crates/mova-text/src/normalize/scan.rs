//! One left-to-right pass that applies every rule. Unchanged text is copied in
//! runs; only bytes a rule may touch are looked at one by one.

use std::collections::HashSet;
use std::ops::Range;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::chars::{self, script, Script};
use super::tables::{CONFUSABLES, CP1252, ENTITIES, HYPHEN_KEEP};
use super::{Change, Normalized, Rule, Rules};

const SPECIAL: [bool; 128] = chars::special_ascii();
/// Longest word looked at for mixed scripts; longer runs are not words.
const MAX_WORD: usize = 64;

pub struct Scanner<'a> {
    text: &'a str,
    rules: Rules,
    out: String,
    changes: Vec<Change>,
    /// Original text before this offset is in `out`.
    copied: usize,
    /// Mixed-script check done up to here.
    checked: usize,
    /// Lower-case words of the text, built on the first hyphenation question.
    words: Option<HashSet<String>>,
}

impl<'a> Scanner<'a> {
    pub fn new(text: &'a str, rules: Rules) -> Self {
        Scanner { text, rules, out: String::new(), changes: Vec::new(), copied: 0, checked: 0, words: None }
    }

    pub fn run(mut self) -> Normalized {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 && !SPECIAL[b as usize] {
                i += 1;
                continue;
            }
            i = if b < 0x80 { self.ascii(i, b) } else { self.non_ascii(i) };
        }
        if self.changes.is_empty() {
            return Normalized { text: self.text.to_string(), changes: self.changes };
        }
        self.out.push_str(&self.text[self.copied..]);
        Normalized { text: self.out, changes: self.changes }
    }

    fn replace(&mut self, range: Range<usize>, new: &str, rule: Rule) {
        if self.out.capacity() == 0 {
            self.out.reserve(self.text.len() + 16);
        }
        self.out.push_str(&self.text[self.copied..range.start]);
        let start = self.out.len();
        self.out.push_str(new);
        self.changes.push(Change { rule, original: range.clone(), normalized: start..self.out.len() });
        self.copied = range.end;
    }

    fn prev_char(&self, i: usize) -> Option<char> {
        self.text[..i].chars().next_back()
    }

    fn next_char(&self, i: usize) -> Option<char> {
        self.text[i..].chars().next()
    }

    /// The character before `i` as the output will have it (what an earlier
    /// change wrote), so a second pass sees what this one saw.
    fn prev_out(&self, i: usize) -> Option<char> {
        if i > self.copied {
            self.prev_char(i)
        } else {
            self.out.chars().next_back()
        }
    }

    /// The first character from `i` that the invisible rule keeps.
    fn next_visible(&self, i: usize) -> Option<char> {
        let invisible = |c: char| {
            matches!(chars::replacement(c), Some((Rule::Invisible, "")))
                || (c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r'))
        };
        let removed = |c: char| self.rules.has(Rule::Invisible) && invisible(c);
        self.text[i..].chars().find(|&c| !removed(c))
    }

    /// Handles the special ASCII byte at `i`; returns where to go on.
    fn ascii(&mut self, i: usize, b: u8) -> usize {
        match b {
            b'&' if self.rules.has(Rule::Entities) => {
                if let Some((len, decoded)) = entity_at(&self.text[i..]) {
                    let mapped: String =
                        decoded.chars().map(|c| self.char_form(c).unwrap_or_else(|| c.to_string())).collect();
                    self.replace(i..i + len, &mapped, Rule::Entities);
                    return i + len;
                }
            }
            b'-' => return self.hyphen(i),
            b'\t' if self.rules.has(Rule::Spaces) => self.replace(i..i + 1, " ", Rule::Spaces),
            b'\t' | b'&' => {}
            _ if self.rules.has(Rule::Invisible) => self.replace(i..i + 1, "", Rule::Invisible),
            _ => {}
        }
        i + 1
    }

    /// `c` after the one-character rules that are on, if one changes it.
    fn char_form(&self, c: char) -> Option<String> {
        let (rule, new) = chars::replacement(c)?;
        self.rules.has(rule).then(|| new.to_string())
    }

    /// A hyphen: line-break hyphenation, `--` and spaced ` - ` dashes.
    fn hyphen(&mut self, i: usize) -> usize {
        let t = self.text;
        let rest = &t[i + 1..];
        let prev = self.prev_out(i);
        let base = t[..i].chars().rev().find(|&c| !is_combining_mark(c));
        if self.rules.has(Rule::Hyphenation) && base.is_some_and(char::is_alphanumeric) {
            let brk = line_break_at(rest);
            if brk > 0 && self.next_char(i + 1 + brk).is_some_and(char::is_alphanumeric) {
                let keep = self.keeps_hyphen(i, i + 1 + brk);
                self.replace(i..i + 1 + brk, if keep { "-" } else { "" }, Rule::Hyphenation);
                return i + 1 + brk;
            }
        }
        if !self.rules.has(Rule::Dashes) {
            return i + 1;
        }
        if rest.starts_with('-') && !rest.starts_with("--") {
            let next = self.next_visible(i + 2);
            let spaced = prev.is_some_and(is_space) && next.is_some_and(is_space);
            let joined = prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
            if spaced || joined {
                self.replace(i..i + 2, "—", Rule::Dashes);
                return i + 2;
            }
        } else if prev.is_some_and(is_space)
            && self.next_visible(i + 1).is_some_and(is_space)
            && self.words_before_on_line(i)
        {
            self.replace(i..i + 1, "—", Rule::Dashes);
        }
        i + 1
    }

    /// Whether a word text stands before `i` on the same line (so ` - ` is a dash,
    /// not a list marker).
    fn words_before_on_line(&self, i: usize) -> bool {
        let line = &self.text[..i];
        let line = &line[line.rfind('\n').map_or(0, |p| p + 1)..];
        line.chars().any(char::is_alphanumeric)
    }

    /// Whether the hyphen at `i`, with its line break ending at `after`, stays.
    fn keeps_hyphen(&mut self, i: usize, after: usize) -> bool {
        let t = self.text;
        let left_start = t[..i]
            .rfind(|c: char| !c.is_alphanumeric() && !is_combining_mark(c))
            .map_or(0, |p| p + t[p..].chars().next().map_or(1, char::len_utf8));
        let right_end = t[after..].find(|c: char| !c.is_alphanumeric()).map_or(t.len(), |p| after + p);
        let (left, right) = (&t[left_start..i], &t[after..right_end]);
        if right.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()) {
            return true;
        }
        let words = self.words.get_or_insert_with(|| word_set(t));
        let (hyphenated, joined) = (format!("{left}-{right}").to_lowercase(), format!("{left}{right}").to_lowercase());
        match (words.contains(&hyphenated), words.contains(&joined)) {
            (true, false) => true,
            (false, true) => false,
            _ => HYPHEN_KEEP.contains(left.to_lowercase().as_str()),
        }
    }

    /// Handles the non-ASCII character at `i`; returns where to go on.
    fn non_ascii(&mut self, i: usize) -> usize {
        let Some(c) = self.next_char(i) else { return self.text.len() };
        let len = c.len_utf8();
        if self.rules.has(Rule::MixedScript) && i >= self.checked && script(c) != Script::Other {
            if let Some(end) = self.mixed_script(i) {
                return end;
            }
        }
        if c == '\u{2013}' {
            if self.rules.has(Rule::Dashes)
                && self.prev_out(i).is_some_and(is_space)
                && self.next_visible(i + len).is_some_and(is_space)
            {
                self.replace(i..i + len, "—", Rule::Dashes);
            }
            return i + len;
        }
        if let Some((rule, mut new)) = chars::replacement(c).filter(|(r, _)| self.rules.has(*r)) {
            // A hyphen variant standing alone between words is a dash, as "-" is.
            if new == "-"
                && self.prev_out(i).is_some_and(is_space)
                && self.next_visible(i + len).is_some_and(is_space)
                && self.words_before_on_line(i)
            {
                new = "—";
            }
            // A soft hyphen at a line break inside a word joins it, like "-\n".
            let in_word = c == '\u{AD}'
                && self.rules.has(Rule::Hyphenation)
                && self.prev_char(i).is_some_and(char::is_alphanumeric);
            let brk = if in_word { line_break_at(&self.text[i + len..]) } else { 0 };
            let brk = if brk > 0 && self.next_char(i + len + brk).is_some_and(char::is_alphanumeric) { brk } else { 0 };
            if brk > 0 {
                self.replace(i..i + len + brk, "", Rule::Hyphenation);
            } else {
                self.replace(i..i + len, new, rule);
            }
            return i + len + brk;
        }
        let (nfc, nfkc) = (self.rules.has(Rule::Nfc), self.rules.has(Rule::Nfkc));
        if nfc || nfkc {
            let one = std::iter::once(c);
            let unsure =
                if nfkc { is_nfkc_quick(one) != IsNormalized::Yes } else { is_nfc_quick(one) != IsNormalized::Yes };
            if unsure || is_combining_mark(c) {
                return self.compose(i, nfkc);
            }
        }
        i + len
    }

    /// Normalises the combining sequence around `i` (its base before it, marks after).
    fn compose(&mut self, i: usize, nfkc: bool) -> usize {
        let t = self.text;
        let start = match self.prev_char(i) {
            Some(p) if i - p.len_utf8() >= self.copied && !p.is_whitespace() => i - p.len_utf8(),
            _ => i,
        };
        let first = self.next_char(i).map_or(1, char::len_utf8);
        let end = t[i + first..].find(|c: char| !is_combining_mark(c)).map_or(t.len(), |p| i + first + p);
        let chunk = &t[start..end];
        let new: String = if nfkc { chunk.nfkc().collect() } else { chunk.nfc().collect() };
        if new != chunk {
            self.replace(start..end, &new, if nfkc { Rule::Nfkc } else { Rule::Nfc });
        }
        end
    }

    /// Repairs the word around `i` if it mixes Latin and Cyrillic letters;
    /// returns the word's end when it did.
    fn mixed_script(&mut self, i: usize) -> Option<usize> {
        let t = self.text;
        let is_word = |c: char| c.is_alphabetic() || is_combining_mark(c);
        let mut start = i;
        let mut low = self.copied.max(i.saturating_sub(MAX_WORD));
        while !t.is_char_boundary(low) {
            low += 1;
        }
        for c in t[low..i].chars().rev() {
            if !is_word(c) {
                break;
            }
            start -= c.len_utf8();
        }
        let end = t[i..].find(|c: char| !is_word(c)).map_or(t.len(), |p| i + p);
        self.checked = end;
        if end - start > MAX_WORD * 2 {
            return None;
        }
        let word = &t[start..end];
        let fixed = repair_word(word)?;
        self.replace(start..end, &fixed, Rule::MixedScript);
        Some(end)
    }
}

/// A space, or a character the spaces rule makes one.
fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || matches!(chars::replacement(c), Some((Rule::Spaces, " ")))
}

/// `word` in its main script, when it mixes Latin and Cyrillic and every letter
/// of the other script has a look-alike.
fn repair_word(word: &str) -> Option<String> {
    let (mut latin, mut cyrillic) = (0, 0);
    for c in word.chars() {
        match script(c) {
            Script::Latin => latin += 1,
            Script::Cyrillic => cyrillic += 1,
            Script::Other => {}
        }
    }
    let (table, minority) = match latin.cmp(&cyrillic) {
        _ if latin == 0 || cyrillic == 0 => return None,
        std::cmp::Ordering::Greater => (&CONFUSABLES.0, Script::Cyrillic),
        std::cmp::Ordering::Less => (&CONFUSABLES.1, Script::Latin),
        std::cmp::Ordering::Equal => return None,
    };
    word.chars().map(|c| if script(c) == minority { table.get(&c).copied() } else { Some(c) }).collect()
}

fn line_break_at(s: &str) -> usize {
    if s.starts_with('\n') {
        1
    } else if s.starts_with("\r\n") {
        2
    } else {
        0
    }
}

/// Lower-case words of `text`, hyphenated ones whole.
fn word_set(text: &str) -> HashSet<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.len() > 1)
        .map(str::to_lowercase)
        .collect()
}

/// The length and value of the character reference at the start of `s` (which
/// starts with `&`); `None` if it is not one.
fn entity_at(s: &str) -> Option<(usize, String)> {
    let semi = s.as_bytes().iter().skip(1).take(40).position(|&b| b == b';')?;
    let name = &s[1..1 + semi];
    let len = semi + 2;
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                u32::from_str_radix(hex, 16).ok()?
            }
            None if !num.is_empty() && num.len() <= 7 && num.bytes().all(|b| b.is_ascii_digit()) => num.parse().ok()?,
            _ => return None,
        };
        let c = CP1252.get(&n).copied().or_else(|| char::from_u32(n).filter(|&c| c != '\0'))?;
        return Some((len, c.to_string()));
    }
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    ENTITIES.get(name).map(|v| (len, v.clone()))
}
