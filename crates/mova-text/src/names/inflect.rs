//! Case forms of name words in Russian and Belarusian.
//!
//! In: one word of a name in the nominative, its language, the person's gender
//! (or none for places), and whether it is a surname. Out: the six case forms
//! (nominative, genitive, dative, accusative, instrumental, locative). The
//! paradigms are those names take in news text: adjectival -ский/-ская (be
//! -скі/-ская), -ов/-ова/-ин (be -оў/-ава/-ін), -енко (indeclinable in Russian,
//! declined in Belarusian -энка/-энкі/-энку), -ич/-віч, feminine -а/-я, -ий/-ый,
//! soft -ь and -й, and indeclinable foreign names (Помпео/Пампеа). Women's
//! surnames ending in a consonant and abbreviations (США) do not decline.

use super::Gender;
use crate::lang::Lang;

/// The six cases, in the order [`forms`] returns them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Case {
    Nom,
    Gen,
    Dat,
    Acc,
    Ins,
    Loc,
}

pub const CASES: [Case; 6] = [Case::Nom, Case::Gen, Case::Dat, Case::Acc, Case::Ins, Case::Loc];

/// How a name word is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    pub gender: Gender,
    /// A person (the accusative of a man's name is its genitive).
    pub person: bool,
    /// The last word of a person's name.
    pub surname: bool,
}

const IRREGULAR: &str = include_str!("../../../../models/names/paradigms.tsv");

/// Words with their own forms (`models/names/paradigms.tsv`), per language.
fn irregular(word: &str, lang: Lang) -> Option<[String; 6]> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<(Lang, String), [String; 6]>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = std::collections::HashMap::new();
        for line in IRREGULAR.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            let lang = match cols.first() {
                Some(&"ru") => Lang::Ru,
                Some(&"be") => Lang::Be,
                _ => continue,
            };
            if cols.len() == 7 {
                t.insert((lang, cols[1].to_string()), std::array::from_fn(|i| cols[i + 1].to_string()));
            }
        }
        t
    });
    table.get(&(lang, word.to_string())).cloned()
}

/// The six case forms of `word`.
pub fn forms(word: &str, lang: Lang, role: Role) -> [String; 6] {
    if let Some(f) = irregular(word, lang) {
        return f;
    }
    // Abbreviations (США, МТЗ) do not decline.
    if word.chars().count() >= 2 && word.chars().all(|c| !c.is_lowercase()) {
        return std::array::from_fn(|_| word.to_string());
    }
    let lower = word.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let endings = match lang {
        Lang::Ru => ru(&lower, &chars, role),
        Lang::Be => be(&lower, &chars, role),
    };
    let Some((cut, ends)) = endings else { return std::array::from_fn(|_| word.to_string()) };
    let stem: String = word.chars().take(chars.len() - cut).collect();
    std::array::from_fn(|i| format!("{stem}{}", ends[i]))
}

/// The six forms of an adjective in a place's or organisation's name
/// (Новая Зеландия, Ближний Восток, Блізкі Усход), its gender and number
/// read from its ending (the accusative of inanimate nouns); `None` when the
/// word has no adjective ending.
pub fn adjective_forms(word: &str, lang: Lang) -> Option<[String; 6]> {
    let lower = word.to_lowercase();
    let table: &[(&str, [&str; 6])] = match lang {
        Lang::Ru => &[
            ("ая", ["ая", "ой", "ой", "ую", "ой", "ой"]),
            ("яя", ["яя", "ей", "ей", "юю", "ей", "ей"]),
            ("кий", ["кий", "кого", "кому", "кий", "ким", "ком"]),
            ("гий", ["гий", "гого", "гому", "гий", "гим", "гом"]),
            ("хий", ["хий", "хого", "хому", "хий", "хим", "хом"]),
            ("ий", ["ий", "его", "ему", "ий", "им", "ем"]),
            ("ый", ["ый", "ого", "ому", "ый", "ым", "ом"]),
            ("ой", ["ой", "ого", "ому", "ой", "ым", "ом"]),
            ("ое", ["ое", "ого", "ому", "ое", "ым", "ом"]),
            ("ые", ["ые", "ых", "ым", "ые", "ыми", "ых"]),
            ("ие", ["ие", "их", "им", "ие", "ими", "их"]),
        ],
        Lang::Be => &[
            ("ая", ["ая", "ай", "ай", "ую", "ай", "ай"]),
            ("яя", ["яя", "яй", "яй", "юю", "яй", "яй"]),
            ("кі", ["кі", "кага", "каму", "кі", "кім", "кім"]),
            ("гі", ["гі", "гага", "гаму", "гі", "гім", "гім"]),
            ("хі", ["хі", "хага", "хаму", "хі", "хім", "хім"]),
            ("і", ["і", "яга", "яму", "і", "ім", "ім"]),
            ("ы", ["ы", "ага", "аму", "ы", "ым", "ым"]),
            ("ае", ["ае", "ага", "аму", "ае", "ым", "ым"]),
            ("ыя", ["ыя", "ых", "ым", "ыя", "ымі", "ых"]),
            ("ія", ["ія", "іх", "ім", "ія", "імі", "іх"]),
        ],
    };
    let (end, forms) =
        table.iter().find(|(end, _)| lower.ends_with(end) && lower.chars().count() > end.chars().count() + 2)?;
    let stem: String = word.chars().take(word.chars().count() - end.chars().count()).collect();
    Some(forms.map(|f| format!("{stem}{f}")))
}

type Endings = (usize, [String; 6]);

fn e(cut: usize, ends: [&str; 6]) -> Option<Endings> {
    Some((cut, ends.map(str::to_string)))
}

fn ends(w: &str, any: &[&str]) -> bool {
    any.iter().any(|s| w.ends_with(s))
}

/// The letter `n` places before the last (0 is the last).
fn before_last(chars: &[char], n: usize) -> char {
    chars.len().checked_sub(n + 1).map_or(' ', |i| chars[i])
}

fn ru(w: &str, c: &[char], r: Role) -> Option<Endings> {
    let male_acc = |gen: &'static str, nom: &'static str| if r.person { gen } else { nom };
    let female = r.gender == Gender::Female;
    let last = *c.last()?;
    let prev = before_last(c, 1);
    if "оеиуюэы".contains(last) || ends(w, &["ых", "их"]) && r.surname {
        return None;
    }
    if ends(w, &["ский", "цкий"]) || ends(w, &["ий", "ый"]) && r.surname && !female {
        let i = if "кгхжшчщ".contains(before_last(c, 2)) || prev == 'и' { "им" } else { "ым" };
        let nom = if prev == 'и' { "ий" } else { "ый" };
        return Some((2, [nom, "ого", "ому", male_acc("ого", nom), i, "ом"].map(str::to_string)));
    }
    if ends(w, &["ой"]) && r.surname {
        return e(2, ["ой", "ого", "ому", male_acc("ого", "ой"), "ым", "ом"]);
    }
    if ends(w, &["ий"]) {
        return e(2, ["ий", "ия", "ию", male_acc("ия", "ий"), "ием", "ии"]);
    }
    if ends(w, &["ая", "яя"]) {
        return e(2, ["ая", "ой", "ой", "ую", "ой", "ой"]);
    }
    if female && r.surname && ends(w, &["ова", "ева", "ёва", "ина", "ына"]) {
        return e(1, ["а", "ой", "ой", "у", "ой", "ой"]);
    }
    if ends(w, &["ия"]) {
        return e(2, ["ия", "ии", "ии", "ию", "ией", "ии"]);
    }
    if last == 'я' {
        let ins = if prev == 'ь' && !female { "ёй" } else { "ей" };
        return e(1, ["я", "и", "е", "ю", ins, "е"]);
    }
    if last == 'а' {
        let gen = if "гкхжшчщ".contains(prev) { "и" } else { "ы" };
        let ins = if "жшчщц".contains(prev) { "ей" } else { "ой" };
        return e(1, ["а", gen, "е", "у", ins, "е"]);
    }
    if female && r.person {
        return None;
    }
    if last == 'й' {
        return e(1, ["й", "я", "ю", male_acc("я", "й"), "ем", "е"]);
    }
    if last == 'ь' {
        if !r.person && !ends(w, &["ень", "ель", "ль", "рь"]) || ends(w, &["вь"]) {
            return e(1, ["ь", "и", "и", "ь", "ью", "и"]);
        }
        return e(1, ["ь", "я", "ю", male_acc("я", "ь"), "ем", "е"]);
    }
    if !last.is_alphabetic() || !('а'..='я').contains(&last) && last != 'ё' {
        return None;
    }
    let ins = if r.person && r.surname && ends(w, &["ов", "ев", "ёв", "ин", "ын"]) {
        "ым"
    } else if "жшчщц".contains(last) {
        "ем"
    } else {
        "ом"
    };
    e(0, ["", "а", "у", male_acc("а", ""), ins, "е"])
}

fn be(w: &str, c: &[char], r: Role) -> Option<Endings> {
    let male_acc = |gen: &'static str, nom: &'static str| if r.person { gen } else { nom };
    let female = r.gender == Gender::Female;
    let last = *c.last()?;
    let prev = before_last(c, 1);
    if ends(w, &["скі", "цкі"]) && !female {
        return e(1, ["і", "ага", "аму", male_acc("ага", "і"), "ім", "ім"]);
    }
    if "оэіуюе".contains(last) || last == 'а' && "еоуэ".contains(prev) {
        return None;
    }
    if r.surname && !female && ends(w, &["ы"]) && r.person {
        return e(1, ["ы", "ага", "аму", "ага", "ым", "ым"]);
    }
    if last == 'ы' {
        return None;
    }
    if ends(w, &["ый"]) {
        return e(2, ["ый", "ыя", "ыю", male_acc("ыя", "ый"), "ыем", "ыі"]);
    }
    if ends(w, &["ій"]) {
        return e(2, ["ій", "ія", "ію", male_acc("ія", "ій"), "іем", "іі"]);
    }
    if ends(w, &["ая", "яя"]) {
        return e(2, ["ая", "ай", "ай", "ую", "ай", "ай"]);
    }
    if female && r.surname && ends(w, &["ава", "ова", "ева", "ёва", "іна", "ына"]) {
        return e(1, ["а", "ай", "ай", "у", "ай", "ай"]);
    }
    if last == 'я' {
        return e(1, ["я", "і", "і", "ю", "яй", "і"]);
    }
    if last == 'а' {
        return Some(be_feminine_a(c, prev, r));
    }
    if female && r.person {
        return None;
    }
    if last == 'й' {
        return e(1, ["й", "я", "ю", male_acc("я", "й"), "ем", "ю"]);
    }
    if last == 'ў' {
        let ins = if r.person { "вым" } else { "вам" };
        return e(1, ["ў", "ва", "ву", male_acc("ва", "ў"), ins, "ве"]);
    }
    if last == 'ь' {
        if !r.person && !ends(w, &["ень", "ель", "ль", "рь"]) {
            let doubled = format!("{prev}ю");
            return Some((1, ["ь".into(), "і".into(), "і".into(), "ь".into(), doubled, "і".into()]));
        }
        let loc = if r.person { "ю" } else { "і" };
        return e(1, ["ь", "я", "ю", male_acc("я", "ь"), "ем", loc]);
    }
    if !('а'..='я').contains(&last) && !"іўё".contains(last) {
        return None;
    }
    let ins = if r.person && r.surname && ends(w, &["ін", "ын"]) { "ым" } else { "ам" };
    let loc = match last {
        _ if r.person || "кгх".contains(last) => "у",
        'ж' | 'ш' | 'ч' | 'р' | 'ц' => "ы",
        _ => "е",
    };
    // т and д soften before -е: Брэст → Брэсце.
    if loc == "е" && (last == 'т' || last == 'д') {
        let soft = if last == 'т' { "це" } else { "дзе" };
        let base = if last == 'т' { "т" } else { "д" };
        let acc = if r.person { format!("{base}а") } else { base.to_string() };
        return Some((
            1,
            [base.into(), format!("{base}а"), format!("{base}у"), acc, format!("{base}{ins}"), soft.into()],
        ));
    }
    e(0, ["", "а", "у", male_acc("а", ""), ins, loc])
}

/// Belarusian words in -а: men's names (Мікіта), neuter places in consonant +
/// -на (Гродна), and the rest (Канада), whose dative and locative soften
/// г к х д т.
fn be_feminine_a(c: &[char], prev: char, r: Role) -> Endings {
    let gen = if "гкх".contains(prev) { "і" } else { "ы" };
    if r.person && r.gender != Gender::Female {
        return (1, ["а", gen, "у", "у", "ам", "у"].map(str::to_string));
    }
    // Neuter places: Гродна, Маладзечна (a consonant before -на).
    if !r.person && prev == 'н' && !"аеёіоуыэюя".contains(before_last(c, 2)) {
        return (1, ["а", "а", "у", "а", "ам", "е"].map(str::to_string));
    }
    let (cut, dat) = match prev {
        'г' => (2, "зе"),
        'к' => (2, "цы"),
        'х' => (2, "се"),
        // Soft д and т before -е: Канада → Канадзе, Мальта → Мальце.
        'д' => (2, "дзе"),
        'т' => (2, "це"),
        'ж' | 'ш' | 'ч' | 'р' | 'ц' => (1, "ы"),
        _ => (1, "е"),
    };
    let stem_end: String = c[c.len() - cut..c.len() - 1].iter().collect();
    let keep = |s: &str| format!("{stem_end}{s}");
    (cut, [keep("а"), keep(gen), dat.to_string(), keep("у"), keep("ай"), dat.to_string()])
}

#[cfg(test)]
mod tests;
