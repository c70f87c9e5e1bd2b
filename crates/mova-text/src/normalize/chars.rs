//! What each rule does to a single character.

use super::Rule;

/// The replacement of `c` by a one-character rule, if any: invisible and control
/// characters go, space variants become a space, curly and angle quotes become
/// `"` and `'`, hyphen and dash variants become `-` or `—`. The en dash is left
/// to the caller, which sees its neighbours.
pub fn replacement(c: char) -> Option<(Rule, &'static str)> {
    Some(match c {
        '\u{AD}'
        | '\u{80}'..='\u{9F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{FFF9}'..='\u{FFFB}' => (Rule::Invisible, ""),
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => (Rule::Spaces, " "),
        '\u{2028}' => (Rule::Spaces, "\n"),
        '\u{2029}' => (Rule::Spaces, "\n\n"),
        '“' | '”' | '„' | '‟' | '«' | '»' | '〝' | '〞' | '＂' => (Rule::Quotes, "\""),
        '‘' | '’' | '‚' | '‛' | '‹' | '›' | '＇' => (Rule::Quotes, "'"),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => (Rule::Dashes, "-"),
        '\u{2015}' | '\u{2E3A}' | '\u{2E3B}' | '\u{FE58}' => (Rule::Dashes, "—"),
        _ => return None,
    })
}

/// ASCII bytes the scanner must look at; all others are copied as they are.
pub const fn special_ascii() -> [bool; 128] {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b != b'\n' as usize && b != b'\r' as usize;
        b += 1;
    }
    t[0x7F] = true;
    t[b'&' as usize] = true;
    t[b'-' as usize] = true;
    t
}

/// The script of a letter, for mixed-script repair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Cyrillic,
    Other,
}

pub fn script(c: char) -> Script {
    match c {
        'a'..='z' | 'A'..='Z' => Script::Latin,
        '\u{C0}'..='\u{24F}' if c.is_alphabetic() && c != '×' && c != '÷' => Script::Latin,
        '\u{400}'..='\u{52F}' => Script::Cyrillic,
        _ => Script::Other,
    }
}
