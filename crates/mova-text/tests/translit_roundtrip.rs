//! ISO 9 is reversible: Russian and Belarusian words come back from their Latin
//! form unchanged (proptest), in lower case, Title case and capitals.

use mova_text::translit::Registry;
use mova_text::Lang;
use proptest::prelude::*;

fn words(alphabet: &'static str) -> impl Strategy<Value = String> {
    let letters: Vec<char> = alphabet.chars().collect();
    // As in real words: ь and ъ never open a word or follow each other. They
    // have no capital form in ISO 9, so their case comes from their neighbours,
    // which a word needs three letters to show ("АЬ" and "Аь" are both "Aʹ").
    let sign = |c: &char| matches!(c, 'ь' | 'ъ');
    let word = prop::collection::vec(prop::sample::select(letters), 3..12)
        .prop_filter("a real word shape", move |v| !sign(&v[0]) && !v.windows(2).any(|w| sign(&w[0]) && sign(&w[1])))
        .prop_map(|v| v.into_iter().collect::<String>());
    let cased = (word, 0..3u8).prop_map(|(w, case)| match case {
        0 => w,
        1 => {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        }
        _ => w.to_uppercase(),
    });
    prop::collection::vec(cased, 1..8).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn iso9_round_trips_russian(text in words("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")) {
        let reg = Registry::builtin().unwrap();
        let (_, c) = reg.get(Lang::Ru, "iso9").unwrap();
        let latin = c.forward(&text).text;
        prop_assert_eq!(c.reverse(&latin).unwrap(), text, "{}", latin);
    }

    #[test]
    fn iso9_round_trips_belarusian(text in words("абвгдеёжзійклмнопрстуўфхцчшыьэюя")) {
        let reg = Registry::builtin().unwrap();
        let (_, c) = reg.get(Lang::Be, "iso9").unwrap();
        let latin = c.forward(&text).text;
        prop_assert_eq!(c.reverse(&latin).unwrap(), text, "{}", latin);
    }
}
