//! The text stages run alone through the real binary: `mova normalize`,
//! `mova segment`, `mova typography`, on files and stdin, with bad input.

mod common;

use std::fs;

use common::{mova, repo};
use predicates::prelude::*;

#[test]
fn normalize_reports_every_change() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("a.txt");
    fs::write(&f, "MINSK \u{2013} Mr. Lukashenк\u{43E} said\u{A0}&ldquo;no&rdquo;.\nThe govern-\nment agreed\u{AD}.\n")
        .unwrap();
    let name = f.display().to_string();
    mova()
        .arg("normalize")
        .arg("--explain")
        .arg(&f)
        .assert()
        .success()
        .stdout("MINSK — Mr. Lukashenko said \"no\".\nThe government agreed.\n")
        .stderr(format!(
            "{name}:1:7: dashes: \"–\" → \"—\" (dash or hyphen variant unified)\n\
             {name}:1:13: mixed-script: \"Lukashenко\" → \"Lukashenko\" (look-alike letter of the other script replaced; к U+043A → k U+006B; о U+043E → o U+006F)\n\
             {name}:1:28: spaces: U+00A0 → \" \" (space variant made a plain space)\n\
             {name}:1:29: entities: \"&ldquo;\" → '\"' (HTML character reference decoded)\n\
             {name}:1:38: entities: \"&rdquo;\" → '\"' (HTML character reference decoded)\n\
             {name}:2:11: hyphenation: U+002D U+000A → nothing (word hyphenated at a line break rejoined)\n\
             {name}:3:12: invisible: U+00AD → nothing (invisible or control character removed)\n"
        ));
}

#[test]
fn normalize_rules_switch_off_and_stdin() {
    mova()
        .args(["normalize", "--normalize-off", "quotes,spaces", "-"])
        .write_stdin("“a”\u{A0}b\u{200B}c")
        .assert()
        .success()
        .stdout("“a”\u{A0}bc");
    mova().args(["normalize", "--nfkc"]).write_stdin("ﬁve ２０２０").assert().success().stdout("five 2020");
}

#[test]
fn normalize_writes_output_files_whole() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("sub/out.txt");
    mova().args(["normalize", "-o"]).arg(&out).write_stdin("a\u{A0}b").assert().success().stdout("");
    assert_eq!(fs::read_to_string(&out).unwrap(), "a b");
    // A failing input leaves no output file behind.
    let bad = d.path().join("bad.txt");
    fs::write(&bad, b"ok\xffno").unwrap();
    let out2 = d.path().join("out2.txt");
    mova().args(["normalize", "-o"]).arg(&out2).arg(&bad).assert().failure();
    assert!(!out2.exists());
    assert_eq!(fs::read_dir(d.path()).unwrap().count(), 2, "no temporary files left");
}

#[test]
fn segment_an_article() {
    mova()
        .arg("segment")
        .arg(repo("examples/articles/grodno-border.txt"))
        .assert()
        .success()
        .stdout(
            "Migrants stranded on Belarus-Poland border near Grodno\n\n\
             GRODNO, Belarus —\n\
             Hundreds of migrants remained camped near the Bruzgi border crossing on Wednesday, as Polish forces blocked the way into the European Union.\n\n\
             Poland accused Minsk of flying people from the Middle East to Belarus and pushing them toward the border.\n\
             Belarusian officials denied the charge.\n\n\
             Alexander Lukashenko said on state television that Belarus would not stop anyone from leaving.\n\
             Dr. Anna Nowak, a Polish doctor working in Hajnowka, said temperatures at night fell below zero.\n\n\
             German Chancellor Angela Merkel spoke twice by phone with Mr. Lukashenko, her first calls with him since the 2020 election.\n\
             French President Emmanuel Macron called the crisis \"a hybrid attack.\"\n\n\
             The border runs for about 400 km (250 mi) between Poland and the Grodno and Brest regions of Belarus.\n",
        );
}

#[test]
fn segment_offsets_point_into_the_input() {
    let src = "# Title\n\nMINSK (AP) \u{2014} First “one.” Second\u{A0}one, by Mr.\nSmith.\r\n\nLast & least.\n";
    let out = mova().args(["segment", "--offsets"]).write_stdin(src).assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(
        out,
        "2\t7\tTitle\n\n9\t23\tMINSK (AP) —\n24\t40\tFirst \"one.\"\n41\t67\tSecond one, by Mr. Smith.\n\n70\t83\tLast & least.\n"
    );
    for line in out.lines().filter(|l| !l.is_empty()) {
        let mut f = line.splitn(3, '\t');
        let (s, e): (usize, usize) = (f.next().unwrap().parse().unwrap(), f.next().unwrap().parse().unwrap());
        assert!(
            src.get(s..e).is_some_and(|t| !t.starts_with(char::is_whitespace) && !t.ends_with(char::is_whitespace)),
            "{line}"
        );
    }
}

#[test]
fn typography_for_each_language() {
    mova()
        .args(["typography", "--lang", "ru"])
        .write_stdin("Он сказал: \"Это 1000000 - много.\"\n\n\"Да\" , ответили ему.\n")
        .assert()
        .success()
        .stdout("Он сказал: «Это 1\u{A0}000\u{A0}000\u{A0}— много».\n\n«Да», ответили ему.\n");
    mova()
        .args(["typography", "-l", "be", "--apostrophe", "modifier", "--nbsp-prepositions"])
        .write_stdin("Ён з'явіўся у Мінску\n")
        .assert()
        .success()
        .stdout("Ён зʼявіўся у\u{A0}Мінску\n");
}

#[test]
fn bad_input_is_refused_with_the_offset() {
    let d = tempfile::tempdir().unwrap();
    let bin = d.path().join("photo.txt");
    fs::write(&bin, b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    for cmd in ["normalize", "segment"] {
        mova().arg(cmd).arg(&bin).assert().failure().code(1).stdout("").stderr(format!(
            "mova: {}: looks like a binary file (NUL byte at offset 8); give mova .txt, .md or .jsonl text\n",
            bin.display()
        ));
    }
    mova().arg("segment").write_stdin(b"Fine. Then \xe9t\xe9.".to_vec()).assert().failure().stderr(
        "mova: <stdin>: not UTF-8 text (invalid byte at offset 11); convert it, e.g. `iconv -f cp1251 -t utf-8`\n",
    );
    mova()
        .args(["segment", "--lossy"])
        .write_stdin(b"Fine. Then \xe9t\xe9.".to_vec())
        .assert()
        .success()
        .stdout("Fine.\nThen \u{FFFD}t\u{FFFD}.\n");
    mova().arg("segment").arg(d.path()).assert().failure().stderr(predicate::str::contains("is a directory"));
    mova()
        .args(["typography", "--lang", "de"])
        .write_stdin("x")
        .assert()
        .failure()
        .stderr(predicate::str::contains("de"));
}

/// `mova segment big.txt | head -1`: a reader that goes away ends the command
/// quietly, with 0, as it wanted no more.
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "The talks went on. Officials said nothing.\n\n".repeat(100_000)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mova"))
        .arg("segment")
        .arg(&big)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert_eq!(first, "The talks went on.\n");
    let out = child.wait_with_output().unwrap();
    assert_eq!((out.status.code(), String::from_utf8_lossy(&out.stderr).as_ref()), (Some(0), ""));
}
