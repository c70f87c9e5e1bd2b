//! `mova names` through the real binary, on the example articles.

mod common;

use common::{mova, repo};
use predicates::prelude::*;

#[test]
fn the_table_of_the_seed_article() {
    let out = mova()
        .args(["names", "--format", "tsv", "--schemes", "be:press,ru:bgn-pcgn"])
        .arg(repo("examples/articles/minsk-protests-2020.txt"))
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0], ["id", "kind", "english seen", "articles", "ru", "be", "be_tarask", "source", "confidence", "be:press", "ru:bgn-pcgn"]);
    let row = |id: &str| rows.iter().find(|r| r[0] == id).unwrap_or_else(|| panic!("{id} in {text}")).clone();
    let t = row("by_tsikhanouskaya_sviatlana");
    assert_eq!(t[2..], ["Svetlana Tikhanovskaya (1); Tikhanovskaya (1)", &repo("examples/articles/minsk-protests-2020.txt").display().to_string(), "Светлана Тихановская", "Святлана Ціханоўская", "", "gazetteer", "1.00", "Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"]);
    let l = row("by_lukashenko_alexander");
    assert_eq!((l[2], l[4], l[5]), ("Alexander Lukashenko (1); Lukashenko (2)", "Александр Лукашенко", "Аляксандр Лукашэнка"));
    assert_eq!(row("int_pompeo_mike")[4..6], ["Майк Помпео", "Майк Пампеа"]);
    assert_eq!(row("pl_mahilyow")[4..6], ["Могилёв", "Магілёў"]);
    assert_eq!(row("pl_minsk")[2], "Minsk (5); MINSK (1)");
    for id in ["by_babaryka_viktar", "by_kalesnikava_maryia", "by_tsepkalo_veronika", "int_putin_vladimir", "pl_vilnius", "pl_zhodzina", "pl_hrodna", "pl_brest", "pl_homel", "pl_vitsyebsk", "pl_lithuania"] {
        row(id);
    }
}

#[test]
fn json_rows_and_derived_names() {
    let out = mova().args(["names", "--format", "json", "-"]).write_stdin("Opposition activist Ivan Hrabouski said police came.\n").assert().success();
    let rows: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let r = &rows[0];
    assert_eq!(r["id"], "derived:ivan_hrabouski");
    assert_eq!(r["source"], "derived");
    assert_eq!(r["english"], serde_json::json!(["Ivan Hrabouski"]));
    // Russian from a Belarusian-tradition spelling is a letter-by-letter guess.
    assert_eq!(r["ru"], "Иван Храбоуски");
    assert_eq!(r["be"], "Іван Грабоўскі");
    assert!(r["confidence"].as_f64().unwrap() < 1.0);
    for key in ["id", "kind", "english", "ru", "be", "be_tarask", "source", "confidence", "romanizations"] {
        assert!(r.get(key).is_some(), "{key}");
    }
    assert!(r["romanizations"].get("be:national-2007").is_some());
}

#[test]
fn markdown_and_bad_schemes() {
    mova().args(["names", "--format", "md"]).arg(repo("examples/articles/grodno-border.txt")).assert().success().stdout(predicate::str::contains("| pl_hrodna | place | Grodno (2); GRODNO (1) |"));
    mova().args(["names", "--schemes", "be:nope"]).arg(repo("examples/articles/grodno-border.txt")).assert().failure().stderr(predicate::str::contains("no scheme `nope` for Belarusian"));
}
