use super::*;
use crate::names::Gazetteer;

fn fixer() -> Fixer {
    Fixer::new(Detector::new(Gazetteer::builtin()))
}

#[test]
fn latin_leftovers_take_the_target_form() {
    let f = fixer();
    let src = "Sviatlana Tsikhanouskaya met Alexander Lukashenko's envoy in Minsk.";
    let (be, changes) = f.fix(src, src, Lang::Be);
    // A possessive is a genitive, given name and surname alike; "in" before
    // a place in the source makes it a locative.
    assert_eq!(be, "Святлана Ціханоўская met Аляксандра Лукашэнкі envoy in Мінску.");
    assert_eq!(
        changes[0],
        Change {
            entity: "by_tsikhanouskaya_sviatlana".into(),
            source: "Sviatlana Tsikhanouskaya".into(),
            model: "Sviatlana".into(),
            mova: "Святлана".into(),
            why: Origin::Latin
        }
    );
    let (ru, _) = f.fix(src, src, Lang::Ru);
    assert_eq!(ru, "Светлана Тихановская met Александра Лукашенко envoy in Минске.");
}

#[test]
fn the_other_languages_form_is_replaced_in_the_same_case() {
    let f = fixer();
    let src = "Lukashenko met Tikhanovskaya.";
    // A model asked for Belarusian wrote the Russian forms.
    let (be, changes) = f.fix(src, "Лукашенко сустрэўся з Тихановской.", Lang::Be);
    assert_eq!(be, "Лукашэнка сустрэўся з Ціханоўскай.");
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[1].model, "Тихановской");
    // Already right: nothing changes.
    let (be, changes) = f.fix(src, "Лукашэнка сустрэўся з Ціханоўскай.", Lang::Be);
    assert_eq!((be.as_str(), changes.len()), ("Лукашэнка сустрэўся з Ціханоўскай.", 0));
    // Russian output with Belarusian forms in the accusative and dative.
    let (ru, _) =
        f.fix("Putin called Lukashenka about Tsikhanouskaya.", "Путин позвонил Лукашэнку о Ціханоўскай.", Lang::Ru);
    assert_eq!(ru, "Путин позвонил Лукашенко о Тихановской.");
}

#[test]
fn near_misses_keep_their_case() {
    let f = fixer();
    // An invented spelling with a Belarusian instrumental ending.
    let (be, _) = f.fix("He met Kolesnikova.", "Ён сустрэўся з Калесніковай.", Lang::Be);
    assert_eq!(be, "Ён сустрэўся з Калеснікавай.");
}

#[test]
fn foreign_names_stay_indeclinable() {
    let f = fixer();
    let (be, _) = f.fix("Mike Pompeo said so.", "Майк Помпео сказаў так.", Lang::Be);
    assert_eq!(be, "Майк Пампеа сказаў так.");
}

fn fixed(src: &str, tr: &str, lang: Lang) -> String {
    fixer().fix_all(src, tr, lang).text
}

#[test]
fn right_forms_and_accepted_variants_are_never_touched() {
    let same = [
        ("He returned to Belarus.", "Он вернулся в Беларусь, а потом в Беларуси остался.", Lang::Ru),
        ("She had to leave Belarus.", "Ей пришлось покинуть Белоруссию.", Lang::Ru),
        ("A Minsk hospital.", "У мінскім шпіталі і ў Мінску.", Lang::Be),
        ("Russia said.", "Представители российских властей и Российской Федерации заявили.", Lang::Ru),
        ("The United States and Canada.", "Злучаных Штатаў і ў Канадзе.", Lang::Be),
        ("In Vilnius.", "У Вільнюсе і ў Вільні.", Lang::Be),
        ("Viktor Babariko was arrested.", "Виктор Бабарико был арестован.", Lang::Ru),
    ];
    for (src, tr, lang) in same {
        let f = fixer().fix_all(src, tr, lang);
        assert_eq!((f.text.as_str(), f.changes.len()), (tr, 0), "{src}");
    }
}

#[test]
fn errors_real_models_make() {
    // Transliterations of the Belarusian-based English spelling.
    assert_eq!(fixed("Tsikhanouskaya spoke.", "Цихануская выступила.", Lang::Ru), "Тихановская выступила.");
    assert_eq!(fixed("In Homel, police came.", "В Хомеле пришла полиция.", Lang::Ru), "В Гомеле пришла полиция.");
    // The Russian form in Belarusian text, in the genitive.
    assert_eq!(
        fixed("Supporters of Tsikhanouskaya.", "Прыхільнікі Цихановской.", Lang::Be),
        "Прыхільнікі Ціханоўскай."
    );
    // Taraškievica in Belarusian output.
    assert_eq!(fixed("They saw Kalesnikava.", "Яны бачылі Калесьнікаву.", Lang::Be), "Яны бачылі Калеснікаву.");
    // A surname declined from the Belarusian spelling in Russian.
    assert_eq!(
        fixed("Opponents of Lukashenka rallied.", "Противники Лукашенки вышли.", Lang::Ru),
        "Противники Лукашенко вышли."
    );
    // A right form in the nominative after a preposition that never takes it.
    assert_eq!(
        fixed("He met Tsikhanouskaya.", "Он встретился с Тихановская.", Lang::Ru),
        "Он встретился с Тихановской."
    );
}

#[test]
fn unclear_cases_are_left_and_reported() {
    // Лукашенко is every case in Russian; nothing before it says which.
    let f = fixer().fix_all("Lukashenko met Putin.", "Путин встретил Лукашенко.", Lang::Be);
    assert_eq!(f.text, "Пуцін встретил Лукашенко.");
    assert_eq!(f.suspects.len(), 1);
    assert_eq!(
        (f.suspects[0].word.as_str(), f.suspects[0].why.as_str()),
        ("Лукашенко", "case unclear (nom gen dat acc ins loc)")
    );
}

#[test]
fn names_written_as_they_sound_in_english() {
    assert_eq!(
        fixed(
            "Ships can still reach here from the Caspian Sea through Russia.",
            "Сюда всё ещё можно прибыть через всю Раша.",
            Lang::Ru
        ),
        "Сюда всё ещё можно прибыть через всю Россию."
    );
    assert_eq!(
        fixed("China surpassed the United States.", "Китай обошел Юнайтед Стейтс.", Lang::Ru),
        "Китай обошел США."
    );
    assert_eq!(
        fixed("in free association with New Zealand.", "у свабоднай асацыяцыі з Нью Зіланд.", Lang::Be),
        "у свабоднай асацыяцыі з Новай Зеландыяй."
    );
}

#[test]
fn cases_from_the_words_around_a_name() {
    // A noun before a place: the genitive; a governing verb; a list after a
    // name that does not decline; the English object of a verb.
    assert_eq!(
        fixed(
            "Northern Estonia was under the influence of Germany.",
            "Северная часть Estonia была под влиянием Германии.",
            Lang::Ru
        ),
        "Северная часть Эстонии была под влиянием Германии."
    );
    assert_eq!(
        fixed("Lukashenko has led Belarus since 1994.", "Лукашенко руководит Belarus с 1994 года.", Lang::Ru),
        "Лукашенко руководит Беларусью с 1994 года."
    );
    assert_eq!(
        fixed("flights from the U.S. or Canada", "рейсы из США или Канада", Lang::Ru),
        "рейсы из США или Канады"
    );
    assert_eq!(
        fixed("She urged the E.U. and the U.K. to act.", "Она призвала Евросоюз и U.K. действовать.", Lang::Ru),
        "Она призвала Евросоюз и Великобританию действовать."
    );
    assert_eq!(
        fixed("They met at Independence Square.", "Они собрались на Independence Square.", Lang::Ru),
        "Они собрались на площади Независимости."
    );
}
