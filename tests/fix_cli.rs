//! `mova fix` through the real binary: files, JSON Lines, directories,
//! `--check`, `--report`, and bad inputs (one line naming both files,
//! nothing written).

mod common;

use std::fs;

use common::mova;
use predicates::prelude::*;

const SRC: &str = "# Tsikhanouskaya in Vilnius\n\nLukashenko met Tsikhanouskaya.\n\nIt rained.\n";
const BE: &str = "# Ціханоўская ў Вільнюсе\n\nЛукашенко сустрэўся з Тихановской.\n\nІшоў дождж.\n";
const BE_FIXED: &str = "# Ціханоўская ў Вільнюсе\n\nЛукашэнка сустрэўся з Ціханоўскай.\n\nІшоў дождж.\n";

fn pair(dir: &std::path::Path, src: &str, tr: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let (s, t) = (dir.join("a.txt"), dir.join("a.be.txt"));
    fs::write(&s, src).unwrap();
    fs::write(&t, tr).unwrap();
    (s, t)
}

#[test]
fn a_text_pair_to_stdout_and_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let (s, t) = pair(dir.path(), SRC, BE);
    mova()
        .args(["fix", "--lang", "be", "--source"])
        .arg(&s)
        .arg("--translation")
        .arg(&t)
        .assert()
        .success()
        .stdout(BE_FIXED)
        .stderr("mova fix: 2 name(s) changed, 0 left alone as unsure\n");
    let out = dir.path().join("fixed.be.txt");
    mova()
        .args(["fix", "--lang", "be", "--source"])
        .arg(&s)
        .arg("--translation")
        .arg(&t)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    assert_eq!(fs::read_to_string(&out).unwrap(), BE_FIXED);
    // The translation itself is never touched.
    assert_eq!(fs::read_to_string(&t).unwrap(), BE);
}

#[test]
fn check_lists_problems_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let (s, t) = pair(dir.path(), SRC, BE);
    let want = format!(
        "{t}:2: source \"Lukashenko\": found \"Лукашенко\", expected \"Лукашэнка\"\n{t}:2: source \"Tsikhanouskaya\": found \"Тихановской\", expected \"Ціханоўскай\"\n",
        t = t.display()
    );
    mova()
        .args(["fix", "--check", "--lang", "be", "--source"])
        .arg(&s)
        .arg("--translation")
        .arg(&t)
        .assert()
        .code(1)
        .stdout(want);
    let good = dir.path().join("good.be.txt");
    fs::write(&good, BE_FIXED).unwrap();
    mova()
        .args(["fix", "--check", "--lang", "be", "--source"])
        .arg(&s)
        .arg("--translation")
        .arg(&good)
        .assert()
        .success()
        .stdout("");
}

#[test]
fn the_report_has_changes_and_suspects() {
    let dir = tempfile::tempdir().unwrap();
    // Nothing says whether Лукашенко is the one who met (the English) or the
    // one met (the Belarusian word order): left and reported.
    let (s, t) = pair(dir.path(), "Lukashenko met Putin.\n", "Пуцін сустрэў Лукашенко.\n");
    let report = dir.path().join("r.jsonl");
    mova()
        .args(["fix", "--lang", "be", "--source"])
        .arg(&s)
        .arg("--translation")
        .arg(&t)
        .arg("--report")
        .arg(&report)
        .assert()
        .success()
        .stdout("Пуцін сустрэў Лукашенко.\n");
    let lines: Vec<serde_json::Value> =
        fs::read_to_string(&report).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["kind"], "suspect");
    assert_eq!(lines[0]["entity"], "by_lukashenko_alexander");
    assert_eq!(lines[0]["found"], "Лукашенко");
    assert_eq!(lines[0]["place"]["paragraph"], 1);
}

#[test]
fn json_lines_match_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("a.jsonl");
    let t = dir.path().join("a.ru.jsonl");
    fs::write(&s, "{\"id\":1,\"title\":\"Tsikhanouskaya\",\"body\":\"It rained.\"}\n{\"id\":2,\"body\":\"Minsk.\"}\n")
        .unwrap();
    fs::write(&t, "{\"id\":2,\"body\":\"Минск.\",\"lang\":\"ru\"}\n{\"id\":1,\"title\":\"Цихануская\",\"body\":\"Шёл дождь.\",\"lang\":\"ru\"}\n").unwrap();
    mova()
        .args(["fix", "--lang", "ru", "--source"])
        .arg(&s)
        .arg("--translation")
        .arg(&t)
        .assert()
        .success()
        .stdout("{\"id\":2,\"body\":\"Минск.\",\"lang\":\"ru\"}\n{\"id\":1,\"title\":\"Тихановская\",\"body\":\"Шёл дождь.\",\"lang\":\"ru\"}\n");
}

#[test]
fn directory_pairs_need_out_and_write_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let (src, tr, out) = (dir.path().join("src"), dir.path().join("tr"), dir.path().join("out"));
    fs::create_dir_all(src.join("sub")).unwrap();
    fs::create_dir_all(tr.join("sub")).unwrap();
    fs::write(src.join("x.txt"), SRC).unwrap();
    fs::write(src.join("sub/y.txt"), "Minsk.\n").unwrap();
    fs::write(tr.join("x.be.txt"), BE).unwrap();
    fs::write(tr.join("sub/y.be.txt"), "Минск.\n").unwrap();
    mova()
        .args(["fix", "--lang", "be", "--source"])
        .arg(&src)
        .arg("--translation")
        .arg(&tr)
        .assert()
        .failure()
        .stderr(predicate::str::contains("directory pairs need -o DIR"));
    mova()
        .args(["fix", "--lang", "be", "--source"])
        .arg(&src)
        .arg("--translation")
        .arg(&tr)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(out.join("x.be.txt")).unwrap(), BE_FIXED);
    assert_eq!(fs::read_to_string(out.join("sub/y.be.txt")).unwrap(), "Мінск.\n");
}

#[test]
fn bad_inputs_name_both_files_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (s, t) = pair(dir.path(), SRC, "# Ціханоўская\n\nЛукашэнка.\n");
    let out = dir.path().join("out.txt");
    mova()
        .args(["fix", "--lang", "be", "--source"])
        .arg(&s)
        .arg("--translation")
        .arg(&t)
        .arg("-o")
        .arg(&out)
        .assert()
        .failure()
        .stderr(format!(
            "mova: {} and {}: the source has 3 paragraphs and the translation 2; paragraph i of the translation must translate paragraph i of the source\n",
            s.display(),
            t.display()
        ));
    assert!(!out.exists());
    // Unmatched ids.
    let (js, jt) = (dir.path().join("b.jsonl"), dir.path().join("b.be.jsonl"));
    fs::write(&js, "{\"id\":\"x\",\"body\":\"Minsk.\"}\n").unwrap();
    fs::write(&jt, "{\"id\":\"y\",\"body\":\"Мінск.\"}\n").unwrap();
    mova()
        .args(["fix", "--lang", "be", "--source"])
        .arg(&js)
        .arg("--translation")
        .arg(&jt)
        .assert()
        .failure()
        .stderr(predicate::str::contains("record `x` of the source has no translation"));
    // Not UTF-8, and a missing file.
    let bad = dir.path().join("bad.be.txt");
    fs::write(&bad, b"\xff\xfe\x00\x01garbage").unwrap();
    mova()
        .args(["fix", "--lang", "be", "--source"])
        .arg(&s)
        .arg("--translation")
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicate::str::contains(bad.display().to_string()));
    mova()
        .args(["fix", "--lang", "be", "--source"])
        .arg(&s)
        .arg("--translation")
        .arg(dir.path().join("none.txt"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("none.txt: no such file or directory"));
}
