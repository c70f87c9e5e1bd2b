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

/// The key of `w`: `step` reads the letters from a position and says which
/// classes they stand for ("" for none) and how many letters it read; a class
/// repeated right after itself is kept once.
fn skeleton(w: &[char], step: impl Fn(&[char]) -> (&'static str, usize)) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < w.len() {
        let (classes, used) = step(&w[i..]);
        for c in classes.chars() {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        i += used;
    }
    out
}

/// The sound key of an English spelling (`Germany` → `GRMN`).
pub(super) fn english_key(word: &str) -> String {
    let w: Vec<char> = word.to_lowercase().chars().filter(char::is_ascii_alphabetic).collect();
    skeleton(&w, |w| {
        let next = w.get(1).copied();
        let two = |a: char, b: char| w[0] == a && next == Some(b);
        if w.starts_with(&['s', 'c', 'h']) || w.starts_with(&['t', 'c', 'h']) {
            ("S", 3)
        } else if two('s', 'h') || two('c', 'h') || two('z', 'h') {
            ("S", 2)
        } else if two('k', 'h') || two('g', 'h') {
            ("", 2)
        } else if two('c', 'k') || two('q', 'u') {
            ("K", 2)
        } else if two('p', 'h') {
            ("V", 2)
        } else if two('t', 'h') {
            ("T", 2)
        } else if two('d', 'g') {
            ("G", 2)
        } else {
            let class = match w[0] {
                'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h' => "",
                // w after a vowel ends it (New, Andrew); before one it is в.
                'w' if next.is_some_and(|n| "aeiouy".contains(n)) => "V",
                'w' => "",
                'c' if next.is_some_and(|n| "eiy".contains(n)) => "S",
                'c' | 'k' | 'q' => "K",
                'x' => "KS",
                's' | 'z' => "S",
                'g' | 'j' => "G",
                't' | 'd' => "T",
                'p' | 'b' => "P",
                'v' | 'f' => "V",
                'l' => "L",
                'r' => "R",
                'm' => "M",
                'n' => "N",
                _ => "",
            };
            (class, 1)
        }
    })
}

/// The sound key of a Cyrillic word (`Джермани` → `GRMN`); empty for a word
/// with Latin letters.
pub(super) fn cyrillic_key(word: &str) -> String {
    if word.chars().any(|c| c.is_ascii_alphabetic()) {
        return String::new();
    }
    let w: Vec<char> = word.to_lowercase().chars().filter(|c| c.is_alphabetic()).collect();
    skeleton(&w, |w| {
        if w.starts_with(&['д', 'ж']) {
            return ("G", 2);
        }
        let class = match w[0] {
            'с' | 'з' | 'ц' | 'ш' | 'щ' | 'ч' | 'ж' => "S",
            'г' | 'ґ' => "G",
            'к' => "K",
            'т' | 'д' => "T",
            'п' | 'б' => "P",
            'в' | 'ф' => "V",
            'л' => "L",
            'р' => "R",
            'м' => "M",
            'н' => "N",
            // Vowels, х, ў and signs say nothing.
            _ => "",
        };
        (class, 1)
    })
}

/// Whether the Cyrillic `words` sound like the English `spelling`: the same
/// key of at least two classes, both starting with a vowel or both with a
/// consonant.
pub(super) fn sounds_like(words: &str, spelling: &str) -> bool {
    let key = cyrillic_key(words);
    let starts_vowel =
        |c: Option<char>| c.is_some_and(|c| "aeiouyаеёиоуыэюяіАЕЁИОУЫЭЮЯІ".contains(c.to_ascii_lowercase()));
    key.len() >= 2
        && key == english_key(spelling)
        && starts_vowel(words.chars().next()) == starts_vowel(spelling.chars().next())
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
        for (cyr, en) in [("Рада", "Russia"), ("Минск", "Moscow"), ("Германия", "Japan"), ("Ира", "Ira")]
        {
            assert!(!sounds_like(cyr, en), "{cyr} ~ {en}");
        }
    }
}
