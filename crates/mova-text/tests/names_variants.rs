//! Variant spellings land on their entity; namesakes do not. Each spelling is
//! its own article ("Reporters said that X spoke on Monday."), all prepared
//! as one batch as `mova names` and `mova translate` do, and the mention found
//! over the spelling is checked: a variant of a listed entity
//! (`tests/data/names_variants/variants.tsv`, spellings the gazetteer does
//! not list) must be that entity; another person with a listed surname
//! (`namesakes.tsv`) must be a derived entity of its own, never the listed one.

use mova_text::names::{self, Gazetteer};
use mova_text::translit::Registry;

fn pairs(file: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(format!(
        "{}/tests/data/names_variants/{file}",
        concat!(env!("CARGO_MANIFEST_DIR"), "/../..")
    ))
    .unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_once('\t').map(|(a, b)| (a.to_string(), b.to_string())).unwrap())
        .collect()
}

/// The entity id of the mention covering `spelling` in its article, per pair.
fn found(list: &[(String, String)]) -> Vec<Option<String>> {
    let texts: Vec<String> = list.iter().map(|(s, _)| format!("Reporters said that {s} spoke on Monday.")).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let registry = Registry::builtin().unwrap();
    let d = names::prepare(Gazetteer::builtin(), &refs, &registry);
    list.iter()
        .zip(&texts)
        .map(|((s, _), t)| {
            let at = t.find(s.as_str()).unwrap();
            d.known(t, &[])
                .into_iter()
                .find(|m| m.range.start <= at && m.range.end >= at + s.len())
                .map(|m| d.entities[m.entity].id.clone())
        })
        .collect()
}

#[test]
fn variants_land_on_their_entity() {
    let list = pairs("variants.tsv");
    let got = found(&list);
    let misses: Vec<String> = list
        .iter()
        .zip(&got)
        .filter(|((_, want), g)| g.as_deref() != Some(want.as_str()))
        .map(|((s, want), g)| format!("{s}: {g:?}, want {want}"))
        .collect();
    eprintln!("variants: {} of {} land on their entity\n{}", list.len() - misses.len(), list.len(), misses.join("\n"));
    assert!(list.len() >= 150);
    assert!(misses.is_empty(), "{} misses", misses.len());
}

#[test]
fn namesakes_stay_apart() {
    let list = pairs("namesakes.tsv");
    let got = found(&list);
    let merged: Vec<String> = list
        .iter()
        .zip(&got)
        .filter(|((_, not), g)| {
            g.as_deref() == Some(not.as_str()) || g.as_deref().is_some_and(|g| !g.starts_with("derived:"))
        })
        .map(|((s, not), g)| format!("{s}: {g:?} (must not be {not})"))
        .collect();
    eprintln!("namesakes: {} of {} kept apart\n{}", list.len() - merged.len(), list.len(), merged.join("\n"));
    assert!(list.len() >= 50);
    assert!(merged.is_empty(), "{} merged", merged.len());
}

#[test]
fn a_namesake_takes_the_listed_surname() {
    let texts = ["On Monday, Viktor Lukashenko spoke to reporters. Lukashenko said no."];
    let registry = Registry::builtin().unwrap();
    let d = names::prepare(Gazetteer::builtin(), &texts, &registry);
    let m = d.known(texts[0], &[]);
    let e = &d.entities[m[0].entity];
    assert_eq!(
        (e.id.as_str(), e.ru.as_str(), e.be.as_str()),
        ("derived:viktor_lukashenko", "Виктор Лукашенко", "Віктар Лукашэнка")
    );
    // The bare surname goes to the person named in full earlier.
    assert_eq!(d.entities[m[1].entity].id, "derived:viktor_lukashenko");
}
