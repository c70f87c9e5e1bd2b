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
    assert_eq!(
        rows[0],
        [
            "id",
            "kind",
            "english seen",
            "articles",
            "ru",
            "be",
            "be_tarask",
            "source",
            "confidence",
            "be:press",
            "ru:bgn-pcgn"
        ]
    );
    let row = |id: &str| rows.iter().find(|r| r[0] == id).unwrap_or_else(|| panic!("{id} in {text}")).clone();
    let t = row("by_tsikhanouskaya_sviatlana");
    assert_eq!(
        t[2..],
        [
            "Svetlana Tikhanovskaya (1); Tikhanovskaya (1)",
            &repo("examples/articles/minsk-protests-2020.txt").display().to_string(),
            "Светлана Тихановская",
            "Святлана Ціханоўская",
            "Сьвятлана Георгіеўна Ціханоўская",
            "gazetteer",
            "1.00",
            "Sviatlana Tsikhanouskaya",
            "Svetlana Tikhanovskaya"
        ]
    );
    let l = row("by_lukashenko_alexander");
    assert_eq!(
        (l[2], l[4], l[5]),
        ("Alexander Lukashenko (1); Lukashenko (2)", "Александр Лукашенко", "Аляксандр Лукашэнка")
    );
    assert_eq!(row("int_pompeo_mike")[4..6], ["Майк Помпео", "Майк Пампеа"]);
    assert_eq!(row("pl_mahilyow")[4..6], ["Могилёв", "Магілёў"]);
    assert_eq!(row("pl_minsk")[2], "Minsk (4); MINSK (1)");
    // "the Minsk Tractor Works" is the works, an organisation of its own.
    assert_eq!(
        row("org_minsk_tractor_works")[2..6],
        [
            "Minsk Tractor Works (1)",
            &repo("examples/articles/minsk-protests-2020.txt").display().to_string(),
            "Минский тракторный завод",
            "Мінскі трактарны завод"
        ]
    );
    for id in [
        "by_babaryka_viktar",
        "by_kalesnikava_maryia",
        "by_tsepkalo_veronika",
        "int_putin_vladimir",
        "pl_vilnius",
        "pl_zhodzina",
        "pl_hrodna",
        "pl_brest",
        "pl_homel",
        "pl_vitsyebsk",
        "pl_lithuania",
    ] {
        row(id);
    }
}

#[test]
fn json_rows_and_derived_names() {
    let out = mova()
        .args(["names", "--format", "json", "-"])
        .write_stdin("Opposition activist Ivan Hrabouski said police came.\n")
        .assert()
        .success();
    let rows: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let r = &rows[0];
    assert_eq!(r["id"], "derived:ivan_hrabouski");
    assert_eq!(r["source"], "derived");
    assert_eq!(r["english"], serde_json::json!(["Ivan Hrabouski"]));
    // Russian from a Belarusian-tradition spelling: read as Belarusian, then
    // the correspondences undone (-оўскі → -овский).
    assert_eq!(r["ru"], "Иван Грабовский");
    assert_eq!(r["be"], "Іван Грабоўскі");
    assert!(r["confidence"].as_f64().unwrap() < 1.0);
    for key in ["id", "kind", "english", "ru", "be", "be_tarask", "source", "confidence", "romanizations"] {
        assert!(r.get(key).is_some(), "{key}");
    }
    assert!(r["romanizations"].get("be:national-2007").is_some());
}

#[test]
fn markdown_and_bad_schemes() {
    mova()
        .args(["names", "--format", "md"])
        .arg(repo("examples/articles/grodno-border.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("| pl_hrodna | place | Grodno (2); GRODNO (1) |"));
    mova()
        .args(["names", "--schemes", "be:nope"])
        .arg(repo("examples/articles/grodno-border.txt"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("no scheme `nope` for Belarusian"));
}

/// The cases of issue 15, each row exact.
#[test]
fn names_without_cues_variants_namesakes_and_all_cyrillic_forms() {
    let text = "On Monday, Mikhail Volkau spoke to reporters. Readers of Yanka Kupala and Yakub Kolas gathered in Uzda and Zelva. The KGB detained members of the Coordination Council and of Viasna. Galina Lazowskaya met Scott Clay and Elvis Costello. Olga Andreychanka was fined. Viktor Lukashenko, the son of Alexander Lukashenko, was there. Bialatski stayed in jail; Viktor Babaryko too.\n";
    let out =
        mova().args(["names", "--format", "tsv", "--schemes", "be:press", "-"]).write_stdin(text).assert().success();
    let table = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let rows: Vec<String> = table
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            [f[0], f[1], f[2], f[4], f[5]].join(" | ")
        })
        .collect();
    assert_eq!(
        rows,
        [
            "derived:mikhail_volkau | person | Mikhail Volkau (1) | Михаил Волков | Міхаіл Волкаў",
            "derived:yanka_kupala | person | Yanka Kupala (1) | Янка Купала | Янка Купала",
            "derived:yakub_kolas | person | Yakub Kolas (1) | Якуб Колас | Якуб Колас",
            "pl_uzda | place | Uzda (1) | Узда | Узда",
            "pl_zelva | place | Zelva (1) | Зельва | Зэльва",
            "org_kgb | org | KGB (1) | КГБ | КДБ",
            "org_coordination_council | org | Coordination Council (1) | Координационный совет | Каардынацыйная рада",
            "org_viasna | org | Viasna (1) | Весна | Вясна",
            "derived:galina_lazowskaya | person | Galina Lazowskaya (1) | Галина Лазовская | Галіна Лазоўская",
            "derived:scott_clay | person | Scott Clay (1) | Скотт Клей | Скот Клей",
            "derived:elvis_costello | person | Elvis Costello (1) | Элвис Костелло | Элвіс Касцелла",
            "derived:olga_andreychanka | person | Olga Andreychanka (1) | Ольга Андрейченко | Вольга Андрэйчанка",
            "derived:viktor_lukashenko | person | Viktor Lukashenko (1) | Виктор Лукашенко | Віктар Лукашэнка",
            "by_lukashenko_alexander | person | Alexander Lukashenko (1) | Александр Лукашенко | Аляксандр Лукашэнка",
            "by_bialiatski_ales | person | Bialatski (1) | Алесь Беляцкий | Алесь Бяляцкі",
            "by_babaryka_viktar | person | Viktor Babaryko (1) | Виктор Бабарико | Віктар Бабарыка",
        ]
    );
}

/// A word longer than any name is never looked at letter by letter: a 20 KB
/// "word" after "Mr." gives no row, at once.
#[test]
fn overlong_words_are_never_names() {
    let text = format!("Mr. {} said hello. Mr. Hrabouski said no.\n", "Ab".repeat(10_000));
    let start = std::time::Instant::now();
    let out = mova().args(["names", "--format", "tsv", "-"]).write_stdin(text).assert().success();
    assert!(start.elapsed().as_secs() < 10, "took {:?}", start.elapsed());
    let table = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let ids: Vec<&str> = table.lines().skip(1).map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(ids, ["derived:hrabouski"]);
}
