//! `mova translit` through the real binary.

mod common;

use common::mova;
use predicates::prelude::*;

#[test]
fn romanizes_line_by_line_and_reports_foreign_letters() {
    mova()
        .args(["translit", "--scheme", "bgn-pcgn", "--lang", "ru"])
        .write_stdin("Тихановская, ЦИК\nЩука Київ\n")
        .assert()
        .success()
        .stdout("Tikhanovskaya, TSIK\nShchuka Kiїv\n")
        .stderr("<stdin>:2:8: `ї` (U+0457) is not a Russian letter of scheme bgn-pcgn; left as it is\n");
}

#[test]
fn reverse_is_exact_for_reversible_schemes_and_ranked_for_the_others() {
    mova()
        .args(["translit", "-s", "iso9", "-l", "ru", "--reverse"])
        .write_stdin("Ûliâ Ŝukina\n")
        .assert()
        .success()
        .stdout("Юлия Щукина\n");
    mova()
        .args(["translit", "-s", "gost-b", "-l", "ru", "--reverse"])
        .write_stdin("Cyurix, CZAR`\n")
        .assert()
        .success()
        .stdout("Цюрих, ЦАРЬ\n");
    mova()
        .args(["translit", "-s", "press", "-l", "be", "--reverse"])
        .write_stdin("Sviatlana Tsikhanouskaya\nLUKASHENKA, Babaryka!\n")
        .assert()
        .success()
        .stdout("Святлана Ціханоўская\nЛУКАШЭНКА, Бабарыка!\n");
    mova()
        .args(["translit", "-s", "press", "-l", "ru", "--reverse"])
        .write_stdin("Svetlana Tikhanovskaya\n")
        .assert()
        .success()
        .stdout("Светлана Тихановская\n");
}

#[test]
fn candidates_are_ranked_tsv() {
    let out = mova()
        .args(["translit", "-l", "be", "--candidates", "2"])
        .write_stdin("Tsikhanouskaya\nMahilyow\n")
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 4, "{text}");
    assert_eq!(rows[0][..3], ["Tsikhanouskaya", "1", "Ціханоўская"]);
    assert_eq!(rows[0][4], "press");
    assert_eq!(rows[1][..2], ["Tsikhanouskaya", "2"]);
    assert!(rows[0][3].parse::<f64>().unwrap() > rows[1][3].parse::<f64>().unwrap());
    assert_eq!(rows[2][..3], ["Mahilyow", "1", "Магілёў"]);
    assert_eq!(rows[2][4], "bgn-pcgn");
    // Nothing writes "qqq" in Belarusian: no rows, a warning.
    mova()
        .args(["translit", "-l", "be", "--candidates", "1"])
        .write_stdin("qqq\n")
        .assert()
        .success()
        .stdout("")
        .stderr("<stdin>:1: no Belarusian spelling found that a scheme writes as `qqq`\n");
    mova().args(["translit", "-l", "be", "--candidates", "0"]).write_stdin("x\n").assert().failure();
}

#[test]
fn list_and_unknown_schemes() {
    mova().args(["translit", "--list"]).assert().success().stdout(predicate::str::contains("ru\tiso9\t1995\tyes\t"));
    mova()
        .args(["translit", "-s", "nope", "-l", "be"])
        .write_stdin("")
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::starts_with("mova: no scheme `nope` for Belarusian; schemes: "));
    mova().args(["translit", "-s", "iso9"]).assert().failure().stderr(predicate::str::contains("--lang"));
}
