//! No Latin letter in any derived Russian or Belarusian form, ever: a form is
//! all Cyrillic or empty (not written), whatever the English spelling.

use std::sync::OnceLock;

use mova_text::names::derive::Deriver;
use mova_text::names::Kind;
use mova_text::translit::Registry;
use proptest::prelude::*;

fn deriver() -> &'static Deriver<'static> {
    static R: OnceLock<Registry> = OnceLock::new();
    static D: OnceLock<Deriver<'static>> = OnceLock::new();
    D.get_or_init(|| Deriver::new(R.get_or_init(|| Registry::builtin().unwrap())))
}

fn only_cyrillic(form: &str) -> bool {
    form.chars().all(|c| !c.is_alphabetic() || matches!(c, 'А'..='я' | 'Ё' | 'ё' | 'І' | 'і' | 'Ў' | 'ў'))
}

fn word() -> impl Strategy<Value = String> {
    // Capitalised, with the letters English spellings of names use, and some they do not.
    ("[A-ZŁŠŽÖ]", "[a-zéèöüłšžčćąęńśźżñçø'’-]{1,14}").prop_map(|(a, b)| format!("{a}{b}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn derived_forms_are_all_cyrillic(words in prop::collection::vec(word(), 1..4), person in any::<bool>()) {
        let english = words.join(" ");
        let e = deriver().entity("x".into(), &english, if person { Kind::Person } else { Kind::Place });
        prop_assert!(only_cyrillic(&e.ru), "ru {:?} for {english:?}", e.ru);
        prop_assert!(only_cyrillic(&e.be), "be {:?} for {english:?}", e.be);
        let ru = deriver().russian(&english);
        prop_assert!(only_cyrillic(&ru), "russian {ru:?} for {english:?}");
    }
}

#[test]
fn the_issues_names_in_cyrillic() {
    let d = deriver();
    let pairs: Vec<(String, String)> = ["Galina Lazowskaya", "Scott Clay", "Elvis Costello", "Olga Andreychanka"]
        .iter()
        .map(|n| (n.to_string(), d.russian(n)))
        .collect();
    assert_eq!(
        pairs.iter().map(|(_, r)| r.as_str()).collect::<Vec<_>>(),
        ["Галина Лазовская", "Скотт Клей", "Элвис Костелло", "Ольга Андрейченко"]
    );
}
