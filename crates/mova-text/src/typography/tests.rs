use super::*;

fn ru(s: &str) -> String {
    apply(s, Lang::Ru, &Typography::default())
}

fn be(s: &str) -> String {
    apply(s, Lang::Be, &Typography::default())
}

#[test]
fn quotes_nest() {
    assert_eq!(ru("Он сказал: \"Мы победили.\" Потом ушёл."), "Он сказал: «Мы победили». Потом ушёл.");
    assert_eq!(ru("\"Закон \"О выборах\" принят\", - сказал он."), "«Закон „О выборах“ принят»,\u{A0}— сказал он.");
    assert_eq!(ru("“Да,” ответил он, „нет“."), "«Да», ответил он, «нет».");
    assert_eq!(ru("Газета «Наша Ніва» и 'Вясна'"), "Газета «Наша Ніва» и «Вясна»");
}

#[test]
fn dashes_get_a_nbsp_before() {
    assert_eq!(ru("Минск - столица"), "Минск\u{A0}— столица");
    assert_eq!(ru("Минск – столица -- и всё"), "Минск\u{A0}— столица\u{A0}— и всё");
    assert_eq!(ru("2019-2020 и COVID-19"), "2019-2020 и COVID-19");
}

#[test]
fn numbers_and_units() {
    assert_eq!(
        ru("Было 1000000 человек и 1,000,000 рублей."),
        "Было 1\u{A0}000\u{A0}000 человек и 1\u{A0}000\u{A0}000\u{A0}рублей."
    );
    assert_eq!(ru("В 2020 г. было 5 км и 10 млн."), "В 2020\u{A0}г. было 5\u{A0}км и 10\u{A0}млн.");
    assert_eq!(ru("Счёт 2,220 и 3,5 и 12345,678 и № 5"), "Счёт 2,220 и 3,5 и 12\u{A0}345,678 и №\u{A0}5");
    assert_eq!(ru("+375291234567 и 01234 и 2020"), "+375291234567 и 01234 и 2020");
    assert_eq!(ru("Это 15 000 человек"), "Это 15\u{A0}000 человек");
}

#[test]
fn no_space_before_punctuation() {
    assert_eq!(ru("Да , это так ! ( сказал он ) « Нет »"), "Да, это так! (сказал он) «Нет»");
}

#[test]
fn prepositions_are_optional() {
    let t = Typography { nbsp_prepositions: true, ..Typography::default() };
    assert_eq!(apply("Он был в Минске и у нас", Lang::Ru, &t), "Он был в\u{A0}Минске и\u{A0}у\u{A0}нас");
    assert_eq!(apply("Ён быў у Мінску і з намі", Lang::Be, &t), "Ён быў у\u{A0}Мінску і\u{A0}з\u{A0}намі");
    assert_eq!(ru("Он был в Минске"), "Он был в Минске");
}

#[test]
fn belarusian_apostrophe() {
    assert_eq!(be("з'ява, сям’я, памʼяць"), "з’ява, сям’я, пам’яць");
    let t = Typography { apostrophe: Apostrophe::Modifier, ..Typography::default() };
    assert_eq!(apply("з'ява і сям’я", Lang::Be, &t), "зʼява і сямʼя");
    assert_eq!(ru("д'Артаньян"), "д'Артаньян");
}

#[test]
fn the_rules_file_reads_whole() {
    let lists = super::lists().unwrap();
    assert!(lists.units.contains("км") && lists.prepositions["be"].contains("ў"));
}
