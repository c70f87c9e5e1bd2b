//! Russian and Belarusian forms of names the list does not have.
//!
//! In: an English spelling and its kind. Out: an [`Entity`] marked derived,
//! with a confidence. The Russian form is the best reverse press
//! transliteration ([`crate::translit::Reverser`]); the Belarusian one comes
//! from the Russian by the regular correspondences (given names from
//! `models/names/common_names.tsv`; -ский → -скі, -ов → -оў, и → і/ы, е → э after
//! hard consonants, soft т/д → ц/дз, в → ў after a vowel, щ → шч, akanne), the
//! unstressed о → а chosen by the Belarusian word model and by whether a
//! Belarusian scheme writes the candidate as one of the English spellings. An
//! English spelling in the Belarusian tradition ("Tsikhanouskaya") is read
//! back directly with the Belarusian schemes.

use std::collections::HashMap;

use super::{Entity, Gender, Kind};
use crate::lang::Lang;
use crate::translit::{Compiled, Registry, Reverser};

/// Belarusian schemes an English spelling may follow.
const BE_SCHEMES: [&str; 4] = ["press", "bgn-pcgn", "icao", "national-2007"];

/// Derives names with the built-in schemes.
pub struct Deriver<'a> {
    /// The Belarusian schemes of [`BE_SCHEMES`], compiled.
    be_schemes: Vec<&'a Compiled>,
    ru: Reverser<'a>,
    be: Reverser<'a>,
    given: HashMap<String, String>,
    /// English given names → Russian.
    english: HashMap<String, String>,
}

impl<'a> Deriver<'a> {
    pub fn new(registry: &'a Registry) -> Deriver<'a> {
        Deriver::with_words(registry, Registry::words(Lang::Ru), Registry::words(Lang::Be))
    }

    /// With other word lists for the character models (to hold names out).
    pub fn with_words(registry: &'a Registry, ru: &str, be: &str) -> Deriver<'a> {
        let mut given = HashMap::new();
        let mut english = HashMap::new();
        for n in super::common_names() {
            given.insert(n.ru.to_lowercase(), n.be.to_string());
            english.extend(n.english.filter(|e| !e.is_empty()).map(|e| (e.to_lowercase(), n.ru.to_string())));
        }
        let be_schemes = BE_SCHEMES.iter().filter_map(|id| registry.get(Lang::Be, id).ok().map(|(_, c)| c)).collect();
        Deriver { ru: registry.reverser_with(Lang::Ru, ru), be: registry.reverser_with(Lang::Be, be), given, english, be_schemes }
    }

    /// The best Russian spelling of an English one.
    /// Known given names come from the common-names table (Alexander →
    /// Александр, not a letter-by-letter Алехандер).
    pub fn russian(&self, english: &str) -> String {
        english
            .split(' ')
            .map(|w| match self.english.get(&w.to_lowercase()) {
                Some(ru) => ru.clone(),
                None => self.ru.candidates(w, 1, None).first().map(|c| c.text.clone()).unwrap_or_else(|| w.to_string()),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A derived entity for `english` (one spelling), `id` given by the caller.
    pub fn entity(&self, id: String, english: &str, kind: Kind) -> Entity {
        let belarusian_spelling = looks_belarusian(english);
        let ru_c = self.ru.candidates(english, 2, None);
        let ru_words = self.russian(english);
        let be_c = self.be.candidates(english, 2, None);
        let ru = if ru_words.is_empty() { ru_c.first().map(|c| c.text.clone()).unwrap_or_default() } else { ru_words };
        let (be, mut confidence) = if belarusian_spelling && !be_c.is_empty() {
            (be_c[0].text.clone(), margin(&be_c))
        } else {
            (self.ru_to_be(&ru, &[english.to_string()]), 0.6 * margin(&ru_c))
        };
        if belarusian_spelling {
            confidence *= 0.8;
        }
        let gender = guess_gender(kind, &ru);
        Entity {
            id,
            kind,
            gender,
            english: vec![english.to_string()],
            ru,
            be,
            be_tarask: String::new(),
            source: "derived by mova".into(),
            ru_alt: Vec::new(),
            be_alt: Vec::new(),
            derived: Some(confidence as f32),
        }
    }

    /// A person who shares a listed person's surname (`kin`) under another
    /// given name: the given name derived, the surname in `kin`'s forms when
    /// the genders agree (Viktor Lukashenko → Виктор Лукашенко).
    pub fn namesake(&self, id: String, english: &str, kin: &Entity) -> Entity {
        let mut e = self.entity(id, english, Kind::Person);
        let surname = |f: &str| f.rsplit(' ').next().unwrap_or("").to_string();
        let (ru, be) = (surname(&kin.ru), surname(&kin.be));
        if ru.is_empty() || be.is_empty() || (kin.gender != Gender::Unknown && kin.gender != e.gender) {
            return e;
        }
        let given = |f: &str| f.rsplit_once(' ').map(|(g, _)| g.to_string());
        if let (Some(g_ru), Some(g_be)) = (given(&e.ru), given(&e.be)) {
            e.ru = format!("{g_ru} {ru}");
            e.be = format!("{g_be} {be}");
            e.derived = Some(e.derived.unwrap_or(0.5).max(0.8));
        }
        e
    }

    /// The Belarusian form of a Russian name, checked against English spellings.
    pub fn ru_to_be(&self, ru: &str, english: &[String]) -> String {
        let latin: Vec<String> = english.iter().flat_map(|e| e.split(' ').map(str::to_lowercase).collect::<Vec<_>>()).collect();
        ru.split(' ').map(|w| self.word_to_be(w, &latin)).collect::<Vec<_>>().join(" ")
    }

    fn word_to_be(&self, word: &str, latin: &[String]) -> String {
        if let Some(be) = self.given.get(&word.to_lowercase()) {
            return be.clone();
        }
        let base = letters_to_be(&word.to_lowercase());
        let mut best: Option<(f64, String)> = None;
        for cand in akanne_variants(&base) {
            let mut score = self.be.likelihood(&cand);
            if self.written_as(&cand, latin) {
                score += 50.0;
            }
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, cand));
            }
        }
        let be = best.map(|(_, c)| c).unwrap_or(base);
        recase(&be, word)
    }

    /// Whether a Belarusian scheme writes `be` as one of the `latin` words.
    fn written_as(&self, be: &str, latin: &[String]) -> bool {
        self.be_schemes.iter().any(|c| latin.contains(&c.forward(be).text.to_lowercase()))
    }
}

/// Russian letters → Belarusian, where the correspondence is regular.
pub fn letters_to_be(w: &str) -> String {
    let c: Vec<char> = w.chars().collect();
    let mut out = String::new();
    let hard = |ch: char| "жшчрц".contains(ch);
    let vowel = |ch: char| "аеёиоуыэюяі".contains(ch);
    let soft_after = |i: usize| c.get(i + 1).is_some_and(|&n| "иеёюяь".contains(n));
    for i in 0..c.len() {
        let prev = i.checked_sub(1).map(|j| c[j]);
        let next = c.get(i + 1).copied();
        match c[i] {
            'и' if prev.is_some_and(hard) => out.push('ы'),
            'и' => out.push('і'),
            'е' if prev.is_some_and(hard) => out.push('э'),
            'щ' => out.push_str("шч"),
            'ъ' => out.push('\''),
            'ь' if next.is_some_and(|n| "еёюяи".contains(n)) => out.push('\''),
            'т' if soft_after(i) => out.push('ц'),
            'д' if soft_after(i) && prev != Some('з') => out.push_str("дз"),
            'в' if prev.is_some_and(vowel) && !next.is_some_and(vowel) => out.push('ў'),
            ch => out.push(ch),
        }
    }
    let endings = [("скій", "скі"), ("цкій", "цкі"), ("ій", "і"), ("ыі", "ы"), ("енко", "енка"), ("энко", "энка"), ("ко", "ка"), ("ович", "овіч")];
    for (ru, be) in endings {
        if let Some(stem) = out.strip_suffix(ru) {
            return format!("{stem}{be}");
        }
    }
    out
}

/// The word with none or one о kept and the others turned to а (only one
/// syllable is stressed, and akanne writes every unstressed о as а).
fn akanne_variants(w: &str) -> Vec<String> {
    let c: Vec<char> = w.chars().collect();
    let os: Vec<usize> = c.iter().enumerate().filter(|(_, &ch)| ch == 'о').map(|(i, _)| i).collect();
    if os.is_empty() || os.len() > 6 {
        return vec![w.to_string()];
    }
    let mut out = Vec::new();
    for keep in std::iter::once(None).chain(os.iter().map(|&k| Some(k))) {
        let s: String = c.iter().enumerate().map(|(i, &ch)| if ch == 'о' && Some(i) != keep { 'а' } else { ch }).collect();
        out.push(s);
    }
    out
}

fn recase(be: &str, like: &str) -> String {
    if like.chars().next().is_some_and(char::is_uppercase) {
        let mut cs = be.chars();
        cs.next().map(|f| f.to_uppercase().chain(cs).collect()).unwrap_or_default()
    } else {
        be.to_string()
    }
}

/// Letters only the Belarusian tradition writes: -ou-/-au- before a consonant or at
/// the end, ia/ie/iu after a consonant, dz, Ts before i, -ka after -en.
pub fn looks_belarusian(english: &str) -> bool {
    let l = english.to_lowercase();
    let c: Vec<char> = l.chars().collect();
    let consonant = |ch: char| ch.is_alphabetic() && !"aeiouy".contains(ch);
    (0..c.len()).any(|i| {
        let at = |k: usize| c.get(i + k).copied().unwrap_or(' ');
        (matches!((at(0), at(1)), ('o' | 'a' | 'e', 'u')) && (consonant(at(2)) || !at(2).is_alphabetic()) && i > 0)
            || (i > 0 && consonant(c[i - 1]) && at(0) == 'i' && matches!(at(1), 'a' | 'e' | 'u' | 'o') && consonant(at(2)))
            || (at(0) == 'd' && at(1) == 'z')
            || (at(0) == 't' && at(1) == 's' && at(2) == 'i')
    }) || l.ends_with("enka")
}

fn guess_gender(kind: Kind, ru: &str) -> Gender {
    if kind != Kind::Person {
        return Gender::Unknown;
    }
    let last = ru.rsplit(' ').next().unwrap_or("");
    if last.ends_with("ая") || last.ends_with("ова") || last.ends_with("ева") || last.ends_with("ина") {
        Gender::Female
    } else {
        Gender::Male
    }
}

/// Confidence from the gap between the best two candidates.
fn margin(c: &[crate::translit::Candidate]) -> f64 {
    match c {
        [] => 0.0,
        [_] => 0.9,
        [a, b, ..] => (0.5 + (a.score - b.score) / 10.0).clamp(0.3, 0.95),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_names_to_belarusian() {
        let reg = Registry::builtin().unwrap();
        let d = Deriver::new(&reg);
        let be = |ru: &str, en: &str| d.ru_to_be(ru, &[en.to_string()]);
        assert_eq!(be("Светлана Тихановская", "Sviatlana Tsikhanouskaya"), "Святлана Ціханоўская");
        assert_eq!(be("Мария Колесникова", "Maria Kalesnikava"), "Марыя Калеснікава");
        assert_eq!(be("Виктор Бабарико", "Viktar Babaryka"), "Віктар Бабарыка");
        assert_eq!(be("Игорь Лосик", "Ihar Losik"), "Ігар Лосік");
        assert_eq!(be("Александр Тарайковский", "Alyaksandr Taraykouski"), "Аляксандр Тарайкоўскі");
        assert!(looks_belarusian("Tsikhanouskaya") && looks_belarusian("Lukashenka") && !looks_belarusian("Tikhanovskaya"));
    }

    #[test]
    fn unknown_names_get_both_forms() {
        let reg = Registry::builtin().unwrap();
        let d = Deriver::new(&reg);
        let e = d.entity("x".into(), "Tikhanovskaya", Kind::Person);
        assert_eq!((e.ru.as_str(), e.be.as_str(), e.gender), ("Тихановская", "Ціханоўская", Gender::Female));
        let e = d.entity("y".into(), "Tsikhanouskaya", Kind::Person);
        assert_eq!(e.be, "Ціханоўская");
        assert!(e.derived.is_some());
    }
}
