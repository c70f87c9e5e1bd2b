//! Names a model wrote as they sound in English: Раша for Russia, Джермани,
//! Юнайтед Стейтс, Бейджинг, Сейнт-Питерсбург.
//!
//! In: a Cyrillic word (or words) of the output and an English spelling of a
//! name of the source. Out: whether both have the same consonant skeleton,
//! a coarse key of how they sound: vowels, h/х and soft signs dropped,
//! consonants put in classes a transcription keeps apart (sibilants, g/j,
//! k, t/d, p/b, v/f/w, l, r, m, n), doubled ones merged. The key is coarse
//! on purpose: the post-edit uses it only for a capitalised word that no
//! name of the sentence or the lists explains, when the name it may be has
//! not been found elsewhere in the translation.

/// The sound key of an English spelling (`Germany` → `GRMN`).
pub(super) fn english_key(word: &str) -> String {
    let w: Vec<char> = word.to_lowercase().chars().filter(char::is_ascii_alphabetic).collect();
    let vowel = |c: Option<&char>| c.is_some_and(|c| "aeiouy".contains(*c));
    let mut out = String::new();
    let mut i = 0;
    while i < w.len() {
        let next = w.get(i + 1);
        let two = |a: char, b: char| w[i] == a && next == Some(&b);
        let (class, used) = if w[i..].starts_with(&['s', 'c', 'h']) || w[i..].starts_with(&['t', 'c', 'h']) {
            (Some('S'), 3)
        } else if two('s', 'h') || two('c', 'h') || two('z', 'h') {
            (Some('S'), 2)
        } else if two('k', 'h') || two('g', 'h') {
            (None, 2)
        } else if two('c', 'k') {
            (Some('K'), 2)
        } else if two('p', 'h') {
            (Some('V'), 2)
        } else if two('t', 'h') {
            (Some('T'), 2)
        } else if two('d', 'g') {
            (Some('G'), 2)
        } else if two('q', 'u') {
            (Some('K'), 2)
        } else {
            let c = w[i];
            let class = match c {
                'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h' => None,
                // w after a vowel ends it (New, Andrew); before one it is в.
                'w' => vowel(next).then_some('V'),
                'c' if next.is_some_and(|n| "eiy".contains(*n)) => Some('S'),
                'c' | 'k' | 'q' => Some('K'),
                'x' => {
                    out.push('K');
                    Some('S')
                }
                's' | 'z' => Some('S'),
                'g' | 'j' => Some('G'),
                't' | 'd' => Some('T'),
                'p' | 'b' => Some('P'),
                'v' | 'f' => Some('V'),
                other => Some(other.to_ascii_uppercase()),
            };
            (class, 1)
        };
        if let Some(c) = class {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        i += used;
    }
    out
}

/// The sound key of a Cyrillic word (`Джермани` → `GRMN`).
pub(super) fn cyrillic_key(word: &str) -> String {
    let w: Vec<char> = word.to_lowercase().chars().filter(|c| c.is_alphabetic()).collect();
    let mut out = String::new();
    let mut i = 0;
    while i < w.len() {
        let (class, used) = if w[i] == 'д' && matches!(w.get(i + 1), Some('ж')) {
            (Some('G'), 2)
        } else {
            let class = match w[i] {
                'с' | 'з' | 'ц' | 'ш' | 'щ' | 'ч' | 'ж' => Some('S'),
                'г' | 'ґ' => Some('G'),
                'к' => Some('K'),
                'т' | 'д' => Some('T'),
                'п' | 'б' => Some('P'),
                'в' | 'ф' => Some('V'),
                'л' => Some('L'),
                'р' => Some('R'),
                'м' => Some('M'),
                'н' => Some('N'),
                'х' => None,
                'ў' => None,
                c if c.is_ascii() => return String::new(),
                _ => None,
            };
            (class, 1)
        };
        if let Some(c) = class {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        i += used;
    }
    out
}

/// Whether the Cyrillic `words` sound like the English `spelling`: the same
/// key of at least two classes, both starting with a vowel or both with a
/// consonant.
pub(super) fn sounds_like(words: &str, spelling: &str) -> bool {
    let key = cyrillic_key(words);
    let starts_vowel = |c: Option<char>| c.is_some_and(|c| "aeiouyаеёиоуыэюяіАЕЁИОУЫЭЮЯІ".contains(c.to_ascii_lowercase()));
    key.len() >= 2 && key == english_key(spelling) && starts_vowel(words.chars().next()) == starts_vowel(spelling.chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_pronunciations_sound_like_their_spellings() {
        for (cyr, en) in [
            ("Раша", "Russia"),
            ("Чайна", "China"),
            ("Джермани", "Germany"),
            ("Юроп", "Europe"),
            ("Бейджинг", "Beijing"),
            ("Юнайтед Стейтс", "United States"),
            ("Юнайтед Кингдом", "United Kingdom"),
            ("Исраэл", "Israel"),
            ("Гринленд", "Greenland"),
            ("Сейнт-Питерсбург", "Saint Petersburg"),
            ("Вилниус", "Vilnius"),
            ("Белджыум", "Belgium"),
            ("Нью Зіланд", "New Zealand"),
            ("Острэйліа", "Australia"),
            ("Анджела", "Angela"),
        ] {
            assert!(sounds_like(cyr, en), "{cyr} {} ≠ {en} {}", cyrillic_key(cyr), english_key(en));
        }
        for (cyr, en) in [("Рада", "Russia"), ("Минск", "Moscow"), ("Германия", "Japan"), ("Ира", "Ira")] {
            assert!(!sounds_like(cyr, en), "{cyr} ~ {en}");
        }
    }
}
