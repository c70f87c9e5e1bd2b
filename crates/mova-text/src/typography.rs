//! Target typography: Russian and Belarusian conventions on translated text.
//!
//! In: one translated unit (a paragraph) and its [`Typography`] settings. Out:
//! the same text typeset, every step a small pass:
//! - quotes: «ёлочки» outside, „лапки“ inside, whatever the model wrote
//!   (`"`, “ ”, „ “, ‘ ’);
//! - dashes: a dash between words is an em dash with a non-breaking space before
//!   it and a space after (`слово — слово`);
//! - numbers: five digits and more are grouped by three with non-breaking spaces
//!   (`1 000 000`, also from `1,000,000`); a number and its unit (`5 км`,
//!   `2020 г.`) and `№ 5` are joined by one;
//! - no space before `, . ; : ! ? … ) »` or after `( «`;
//! - optional: a non-breaking space after one-letter prepositions and conjunctions;
//! - Belarusian: one apostrophe between letters (`з’ява`), as configured.
//!
//! Word lists live in `models/typography/rules.txt`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::lang::Lang;

const NBSP: char = '\u{A0}';

/// The apostrophe of Belarusian words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Apostrophe {
    /// ’ (U+2019), the usual printed form.
    #[default]
    Right,
    /// ʼ (U+02BC), the modifier letter: a letter to software, so words do not break.
    Modifier,
    /// ' (U+0027), plain ASCII.
    Ascii,
}

impl Apostrophe {
    fn char(self) -> char {
        match self {
            Apostrophe::Right => '’',
            Apostrophe::Modifier => 'ʼ',
            Apostrophe::Ascii => '\'',
        }
    }
}

/// Typography settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Typography {
    /// A non-breaking space after one-letter prepositions and conjunctions.
    pub nbsp_prepositions: bool,
    /// The Belarusian apostrophe.
    pub apostrophe: Apostrophe,
}

struct Lists {
    units: HashSet<&'static str>,
    signs: HashSet<char>,
    prepositions: HashMap<&'static str, HashSet<&'static str>>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| lists().unwrap_or_else(|e| panic!("{e}")));

fn lists() -> crate::Result<Lists> {
    let mut file =
        crate::data::RuleFile::new("models/typography/rules.txt", include_str!("../../../models/typography/rules.txt"));
    let lists = Lists {
        units: file.take("units").into_iter().collect(),
        signs: file.take("signs").into_iter().filter_map(|s| s.chars().next()).collect(),
        prepositions: HashMap::from([
            ("ru", file.take("prepositions-ru").into_iter().collect()),
            ("be", file.take("prepositions-be").into_iter().collect()),
        ]),
    };
    file.finish()?;
    Ok(lists)
}

/// Typesets `text`, written in `lang`.
pub fn apply(text: &str, lang: Lang, t: &Typography) -> String {
    let mut s = quotes(text);
    s = dashes(&s);
    s = spaces_around_punctuation(&s);
    s = numbers(&s);
    if t.nbsp_prepositions {
        s = prepositions(&s, lang);
    }
    if lang == Lang::Be {
        s = apostrophes(&s, t.apostrophe);
    }
    s
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// «» outside, „“ inside; the direction of each quote from its neighbours.
fn quotes(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut depth = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let between_letters = prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic);
        let opening_context = prev.is_none_or(|p| p.is_whitespace() || "([{—–-«„“\"".contains(p));
        let is_quote = match c {
            '"' | '«' | '»' | '“' | '”' | '„' => true,
            '‘' | '’' | '\'' => !between_letters && (opening_context || depth > 0),
            _ => false,
        };
        if !is_quote {
            out.push(c);
            continue;
        }
        let opens = match c {
            '«' | '„' => true,
            '»' => false,
            _ => opening_context && next.is_some_and(|n| !n.is_whitespace()),
        };
        if opens {
            out.push(if depth % 2 == 0 { '«' } else { '„' });
            depth += 1;
        } else {
            depth = depth.saturating_sub(1);
            // A comma or period goes after the closing quote: «Да», сказал он.
            let moved =
                out.ends_with([',', '.']) && !out.ends_with("..") && next.is_none_or(|n| !matches!(n, '.' | ','));
            let punct = if moved { out.pop() } else { None };
            out.push(if depth % 2 == 0 { '»' } else { '“' });
            out.extend(punct);
        }
    }
    out
}

/// A dash between words: `NBSP— `.
fn dashes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let dash_len = match (c, chars.get(i + 1)) {
            ('-', Some('-')) => 2,
            ('-' | '–' | '—', _) => 1,
            _ => 0,
        };
        let before_space = i > 0 && matches!(chars[i - 1], ' ' | NBSP);
        let after = chars.get(i + dash_len).copied();
        if dash_len > 0
            && before_space
            && matches!(after, Some(' '))
            && out.trim_end().chars().next_back().is_some_and(|p| !p.is_whitespace())
        {
            while out.ends_with([' ', NBSP]) {
                out.pop();
            }
            out.push(NBSP);
            out.push('—');
            i += dash_len;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// No space before closing punctuation, none after an opening bracket or quote.
fn spaces_around_punctuation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '…' | ')' | ']' | '»' | '“') {
            let trimmed = out.trim_end_matches(' ').len();
            if trimmed > 0 && !out[..trimmed].ends_with(['\n', '—']) {
                out.truncate(trimmed);
            }
        }
        if c == ' ' && out.ends_with(['(', '[', '«', '„']) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Digit grouping, number + unit and sign + number non-breaking spaces.
fn numbers(text: &str) -> String {
    let lists = &*LISTS;
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if lists.signs.contains(&c)
            && chars.get(i + 1) == Some(&' ')
            && chars.get(i + 2).is_some_and(char::is_ascii_digit)
        {
            out.push(c);
            out.push(NBSP);
            i += 2;
            continue;
        }
        let starts_number = c.is_ascii_digit()
            && i.checked_sub(1)
                .map(|j| chars[j])
                .is_none_or(|p| !(p.is_alphanumeric() || matches!(p, '+' | ',' | '.' | '/' | '-' | '_')));
        if !starts_number {
            out.push(c);
            i += 1;
            continue;
        }
        let (digits, end) = read_number(&chars, i);
        // A decimal part may follow ("12 345,678"); a date, range or code may not.
        let ends_cleanly = chars.get(end).is_none_or(|n| {
            !(n.is_alphanumeric()
                || matches!(n, '/' | '-' | ':') && chars.get(end + 1).is_some_and(char::is_ascii_digit))
        });
        if ends_cleanly && digits.len() >= 5 && !digits.starts_with('0') {
            out.push_str(&group(&digits));
        } else {
            out.extend(&chars[i..end]);
        }
        i = end;
        // Number and unit.
        if chars.get(i) == Some(&' ') {
            let word: String = chars[i + 1..]
                .iter()
                .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ';' | ':' | ')' | '»'))
                .collect();
            let word = word.trim_end_matches(['!', '?']);
            let unit = lists.units.contains(word) || lists.units.contains(word.trim_end_matches('.'));
            if unit && !word.is_empty() {
                out.push(NBSP);
                i += 1;
            }
        }
    }
    out
}

/// The digits of the number at `i` (with `1,000,000` or `1 000 000` grouping
/// read through) and where it ends.
fn read_number(chars: &[char], i: usize) -> (String, usize) {
    let mut j = i;
    while j < chars.len() && chars[j].is_ascii_digit() {
        j += 1;
    }
    let mut digits: String = chars[i..j].iter().collect();
    if digits.len() > 3 {
        return (digits, j);
    }
    let mut groups = 0;
    let mut sep = None;
    loop {
        let s = chars.get(j).copied();
        let ok_sep = matches!(s, Some(',' | ' ' | NBSP | '\u{202F}')) && sep.is_none_or(|p| Some(p) == s);
        let three = (1..=3).all(|k| chars.get(j + k).is_some_and(char::is_ascii_digit))
            && chars.get(j + 4).is_none_or(|c| !c.is_ascii_digit());
        if !(ok_sep && three) {
            break;
        }
        sep = s;
        digits.extend(&chars[j + 1..j + 4]);
        j += 4;
        groups += 1;
    }
    // "2,220" may be a Russian decimal: one comma group is not read as grouping.
    if sep == Some(',') && groups < 2 {
        let j = i + chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        return (chars[i..j].iter().collect(), j);
    }
    (digits, j)
}

fn group(digits: &str) -> String {
    let mut out = String::new();
    for (k, d) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(NBSP);
        }
        out.push(d);
    }
    out
}

/// A non-breaking space after one-letter prepositions and conjunctions.
fn prepositions(text: &str, lang: Lang) -> String {
    let Some(words) = LISTS.prepositions.get(lang.code()) else { return text.to_string() };
    let mut out = String::with_capacity(text.len());
    let mut word_start = 0;
    for c in text.chars() {
        if c == ' ' && words.contains(&out[word_start..]) {
            out.push(NBSP);
        } else {
            out.push(c);
        }
        if !is_word(c) {
            word_start = out.len();
        }
    }
    out
}

/// One apostrophe between Cyrillic letters.
fn apostrophes(text: &str, a: Apostrophe) -> String {
    let want = a.char();
    let chars: Vec<char> = text.chars().collect();
    let cyr = |c: Option<&char>| c.is_some_and(|c| ('\u{400}'..='\u{4FF}').contains(c));
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if matches!(c, '\'' | '’' | 'ʼ' | '‘' | '`' | '´')
                && i > 0
                && cyr(chars.get(i - 1))
                && cyr(chars.get(i + 1))
            {
                want
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
