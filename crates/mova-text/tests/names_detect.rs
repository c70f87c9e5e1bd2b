//! Detection recall and precision: the names of the example articles
//! (`tests/data/names_detect/articles.tsv`) and of sentences without cue words
//! (`sentences.tsv`, with sentences that open with common capitalised words
//! and hold no name), all prepared as one batch as `mova names` does. A name
//! counts as found when a mention covers exactly its spelling; every distinct
//! mention that is not a listed name counts against precision. Both must
//! reach 95%.

use std::collections::BTreeSet;

use mova_text::names::{self, Gazetteer};
use mova_text::translit::Registry;

fn data(file: &str) -> String {
    std::fs::read_to_string(format!("{}/{file}", concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))).unwrap()
}

/// (text, its names) from a two-column file; `article` reads the text from
/// examples/articles/.
fn cases(file: &str, article: bool) -> Vec<(String, BTreeSet<String>)> {
    data(&format!("tests/data/names_detect/{file}"))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (a, b) = l.split_once('\t').unwrap_or((l, ""));
            let text = if article { data(&format!("examples/articles/{a}")) } else { a.to_string() };
            (text, b.split('|').filter(|s| !s.is_empty()).map(str::to_string).collect())
        })
        .collect()
}

#[test]
fn names_are_found_and_common_words_are_not() {
    let mut all = cases("articles.tsv", true);
    all.extend(cases("sentences.tsv", false));
    let texts: Vec<&str> = all.iter().map(|(t, _)| t.as_str()).collect();
    let d = names::prepare(Gazetteer::builtin(), &texts, &Registry::builtin().unwrap());
    let (mut hits, mut want, mut found) = (0, 0, 0);
    let mut report = String::new();
    for (text, names) in &all {
        let got: BTreeSet<String> = d.known(text, &[]).into_iter().map(|m| text[m.range].to_string()).collect();
        want += names.len();
        found += got.len();
        hits += names.intersection(&got).count();
        for miss in names.difference(&got) {
            report += &format!("  missed: {miss}\n");
        }
        for extra in got.difference(names) {
            report += &format!("  not a name: {extra}\n");
        }
    }
    let recall = 100.0 * hits as f64 / want as f64;
    let precision = 100.0 * hits as f64 / found as f64;
    eprintln!("detection: {hits} of {want} names found (recall {recall:.1}%), {found} found (precision {precision:.1}%)\n{report}");
    assert!(recall >= 95.0 && precision >= 95.0, "recall {recall:.1}%, precision {precision:.1}%");
}
