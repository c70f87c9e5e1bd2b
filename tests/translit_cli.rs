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
fn reverse_for_reversible_schemes_only() {
    mova().args(["translit", "-s", "iso9", "-l", "ru", "--reverse"]).write_stdin("Ûliâ Ŝukina\n").assert().success().stdout("Юлия Щукина\n");
    mova()
        .args(["translit", "-s", "bgn-pcgn", "-l", "ru", "--reverse"])
        .write_stdin("x\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains("scheme `bgn-pcgn` (ru) is not reversible"));
}

#[test]
fn list_and_unknown_schemes() {
    mova().args(["translit", "--list"]).assert().success().stdout(predicate::str::contains("ru\tiso9\t1995\tyes\t"));
    mova().args(["translit", "-s", "nope", "-l", "be"]).write_stdin("").assert().failure().code(1).stderr(predicate::str::starts_with("mova: no scheme `nope` for Belarusian; schemes: "));
    mova().args(["translit", "-s", "iso9"]).assert().failure().stderr(predicate::str::contains("--lang"));
}
