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
    assert_eq!(be, "Святлана Ціханоўская met Аляксандр Лукашэнкі envoy in Мінск.");
    assert_eq!(changes[0], Change { entity: "by_tsikhanouskaya_sviatlana".into(), source: "Sviatlana Tsikhanouskaya".into(), model: "Sviatlana".into(), mova: "Святлана".into() });
    let (ru, _) = f.fix(src, src, Lang::Ru);
    assert_eq!(ru, "Светлана Тихановская met Александр Лукашенко envoy in Минск.");
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
    let (ru, _) = f.fix("Putin called Lukashenka about Tsikhanouskaya.", "Путин позвонил Лукашэнку о Ціханоўскай.", Lang::Ru);
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
