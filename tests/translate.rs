//! `mova translate` end to end: the real binary, real files, real CTranslate2
//! echo models (output equals input), so every assertion is exact.

mod common;

use std::fs;

use common::{copy_dir, files, model, mova, repo};
use predicates::prelude::*;
use serde_json::Value;

const ARTICLES: [&str; 3] = ["grodno-border", "kolesnikova-trial", "minsk-protests-2020"];

/// Each family's fixture round-trips whole articles (a directory) and JSON Lines
/// (a file) into both targets with every paragraph intact.
fn round_trip(model_args: &[&str]) {
    let out = tempfile::tempdir().unwrap();
    let mut cmd = mova();
    cmd.args(["translate", "--names", "off"]).arg(repo("examples/articles")).arg(repo("examples/articles.jsonl"));
    cmd.args(model_args).arg("--to").arg("ru,be").arg("--out").arg(out.path()).args(["--quiet", "--typography", "off"]);
    cmd.assert().success().stdout("").stderr("");
    let mut expected = vec![];
    for lang in ["be", "ru"] {
        expected.push(format!("articles.{lang}.jsonl"));
    }
    for a in ARTICLES {
        for lang in ["be", "ru"] {
            expected.push(format!("{a}.{lang}.txt"));
        }
    }
    expected.sort();
    assert_eq!(files(out.path()), expected);
    for a in ARTICLES {
        let src = fs::read_to_string(repo(&format!("examples/articles/{a}.txt"))).unwrap();
        for lang in ["ru", "be"] {
            let got = fs::read_to_string(out.path().join(format!("{a}.{lang}.txt"))).unwrap();
            assert_eq!(got, src, "{a} into {lang} with {model_args:?}");
        }
    }
    let src: Vec<Value> = fs::read_to_string(repo("examples/articles.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for lang in ["ru", "be"] {
        let got: Vec<Value> = fs::read_to_string(out.path().join(format!("articles.{lang}.jsonl")))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(got.len(), src.len());
        for (g, s) in got.iter().zip(&src) {
            let mut s = s.clone();
            s["lang"] = Value::String(lang.into());
            assert_eq!(g, &s);
        }
    }
}

#[test]
fn nllb_round_trips_articles() {
    round_trip(&["--model", model("echo-nllb").to_str().unwrap()]);
}

#[test]
fn m2m_round_trips_articles() {
    round_trip(&["--model", model("echo-m2m").to_str().unwrap()]);
}

#[test]
fn opus_mt_multi_target_round_trips_articles() {
    round_trip(&["--model", model("echo-opus-mt-zle").to_str().unwrap()]);
}

#[test]
fn bilingual_models_one_per_language_round_trip_articles() {
    let m = model("echo-en-ru");
    let ru = format!("ru={}", m.display());
    let be = format!("be={}", m.display());
    round_trip(&["--model", &ru, "--model", &be]);
}

/// Many sentences, repeats, tiny batches: nothing is lost, reordered or mixed up.
#[test]
fn batching_and_dedup_keep_every_sentence_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for i in 0..120 {
        let n = (i * 37) % 11;
        text.push_str(&format!("Sentence number {n} is here. "));
        text.push_str(&"Short one. ".repeat(i % 3));
        text.push_str(&format!(
            "Paragraph {i} ends with a longer sentence about Minsk and Grodno {}.\n\n",
            "and more ".repeat(i % 7)
        ));
    }
    let input = dir.path().join("many.txt");
    fs::write(&input, &text).unwrap();
    let out = dir.path().join("out");
    mova()
        .args([
            "translate",
            "--names",
            "off",
            "--to",
            "be",
            "--max-batch-tokens",
            "40",
            "--beam",
            "2",
            "--typography",
            "off",
            "--out",
        ])
        .arg(&out)
        .arg("--model")
        .arg(model("echo-nllb"))
        .arg(&input)
        .assert()
        .success()
        .stderr(predicate::str::contains("sentences (").and(predicate::str::contains("unique")));
    assert_eq!(fs::read_to_string(out.join("many.be.txt")).unwrap(), text);
}

#[test]
fn reads_stdin_as_jsonl() {
    let out = tempfile::tempdir().unwrap();
    let line = "{\"id\":\"x\",\"title\":\"Minsk.\",\"body\":\"One. Two.\\nThree.\",\"n\":1}\n";
    mova()
        .args(["translate", "--names", "off", "-", "--format", "jsonl", "--to", "ru", "-q", "--out"])
        .arg(out.path())
        .arg("--model")
        .arg(model("echo-m2m"))
        .write_stdin(line)
        .assert()
        .success();
    let got = fs::read_to_string(out.path().join("stdin.ru.jsonl")).unwrap();
    assert_eq!(got, "{\"id\":\"x\",\"title\":\"Minsk.\",\"body\":\"One. Two.\\nThree.\",\"n\":1,\"lang\":\"ru\"}\n");
}

#[test]
fn markdown_keeps_its_markup_and_extension() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# Heading\n\n- item *one*\n- item two\n\n> A quote. Another.\n\n1. First\n";
    fs::write(dir.path().join("a.md"), md).unwrap();
    let out = dir.path().join("o");
    mova()
        .args(["translate", "--names", "off", "-q", "--to", "ru"])
        .arg(dir.path().join("a.md"))
        .arg("-o")
        .arg(&out)
        .arg("-m")
        .arg(model("echo-opus-mt-zle"))
        .assert()
        .success();
    assert_eq!(fs::read_to_string(out.join("a.ru.md")).unwrap(), md);
}

#[test]
fn directory_inputs_mirror_subdirectories() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("in/2020")).unwrap();
    fs::write(dir.path().join("in/2020/a.txt"), "A.\n").unwrap();
    fs::write(dir.path().join("in/b.txt"), "B.\n").unwrap();
    fs::write(dir.path().join("in/notes.csv"), "skip,me\n").unwrap();
    fs::write(dir.path().join("in/.hidden.txt"), "skip\n").unwrap();
    let out = dir.path().join("o");
    mova()
        .args(["translate", "--names", "off", "-q"])
        .arg(dir.path().join("in"))
        .arg("-o")
        .arg(&out)
        .arg("-m")
        .arg(model("echo-nllb"))
        .assert()
        .success();
    assert_eq!(files(&out), vec!["2020/a.be.txt", "2020/a.ru.txt", "b.be.txt", "b.ru.txt"]);
}

/// Replicas share one copy of the model's weights (vendor/ct2rs/MOVA-PATCH.md):
/// CTranslate2 logs "Loaded model" once per copy it makes, and ct2rs as
/// published made one per replica.
#[test]
fn replicas_share_one_copy_of_the_model() {
    let out = tempfile::tempdir().unwrap();
    let assert = mova()
        .env("CT2_VERBOSE", "1")
        .args([
            "translate",
            "--names",
            "off",
            "--typography",
            "off",
            "--to",
            "ru",
            "--replicas",
            "4",
            "--threads",
            "4",
            "--out",
        ])
        .arg(out.path())
        .arg("--model")
        .arg(model("echo-m2m"))
        .arg(article())
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.matches("Loaded model").count(), 1, "{stderr}");
    assert_eq!(
        fs::read_to_string(out.path().join("grodno-border.ru.txt")).unwrap(),
        fs::read_to_string(article()).unwrap()
    );
}

/// Runs a failing command and checks: exit 1, one line on stderr containing
/// `needle`, nothing written.
fn fails_cleanly(args: &[&std::ffi::OsStr], needle: &str) {
    let out = tempfile::tempdir().unwrap();
    let o = out.path().join("o");
    let assert =
        mova().args(["translate", "--names", "off"]).args(args).arg("--out").arg(&o).assert().failure().code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("mova: "), "{stderr}");
    assert!(stderr.contains(needle), "expected `{needle}` in: {stderr}");
    assert!(!o.exists(), "no output may be written");
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

fn article() -> std::path::PathBuf {
    repo("examples/articles/grodno-border.txt")
}

#[test]
fn error_missing_model_directory() {
    fails_cleanly(
        &[article().as_os_str(), os("--model"), os("/nonexistent/model")],
        "/nonexistent/model: model directory does not exist; install one by name with `mova models get opus-mt-zle`",
    );
}

#[test]
fn error_no_model_given() {
    let out = tempfile::tempdir().unwrap();
    mova()
        .args(["translate", "--names", "off"])
        .arg(article())
        .arg("-o")
        .arg(out.path().join("o"))
        .env_remove("MOVA_MODEL")
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains("no model given: pass --model DIR"));
}

#[test]
fn error_model_path_is_a_file() {
    fails_cleanly(&[article().as_os_str(), os("--model"), article().as_os_str()], "not a directory");
}

#[test]
fn error_directory_without_model_bin() {
    let d = tempfile::tempdir().unwrap();
    fails_cleanly(
        &[article().as_os_str(), os("--model"), d.path().as_os_str()],
        "no model.bin here: not a CTranslate2 model",
    );
}

#[test]
fn error_missing_tokenizer() {
    let d = tempfile::tempdir().unwrap();
    let m = d.path().join("sub/m");
    copy_dir(&model("echo-nllb"), &m);
    fs::remove_file(m.join("sentencepiece.bpe.model")).unwrap();
    fails_cleanly(&[article().as_os_str(), os("--model"), m.as_os_str()], "no SentencePiece model");
    fails_cleanly(
        &[article().as_os_str(), os("--model"), m.as_os_str(), os("--tokenizer"), os("/no/such.spm")],
        "/no/such.spm: no such tokenizer file (--tokenizer FILE)",
    );
}

#[test]
fn error_corrupt_model_bin() {
    for corrupt in
        [b"not a model at all".to_vec(), fs::read(model("echo-nllb").join("model.bin")).unwrap()[..5000].to_vec()]
    {
        let d = tempfile::tempdir().unwrap();
        let m = d.path().join("m");
        copy_dir(&model("echo-nllb"), &m);
        fs::write(m.join("model.bin"), corrupt).unwrap();
        fails_cleanly(&[article().as_os_str(), os("--model"), m.as_os_str()], "model.bin: CTranslate2 cannot load it");
    }
}

#[test]
fn error_model_without_the_target_language() {
    let d = tempfile::tempdir().unwrap();
    let m = d.path().join("m");
    copy_dir(&model("echo-nllb"), &m);
    let vocab = fs::read_to_string(m.join("shared_vocabulary.json")).unwrap().replace("\"bel_Cyrl\"", "\"xxx_Xxxx\"");
    fs::write(m.join("shared_vocabulary.json"), vocab).unwrap();
    fails_cleanly(
        &[article().as_os_str(), os("--model"), m.as_os_str()],
        "this NLLB model has no Belarusian target (no `bel_Cyrl` token in its vocabulary)",
    );
}

#[test]
fn error_unknown_target_language() {
    fails_cleanly(
        &[article().as_os_str(), os("--to"), os("ru,uk"), os("--model"), model("echo-nllb").as_os_str()],
        "unknown target language `uk`",
    );
}

#[test]
fn error_bilingual_model_for_two_targets() {
    fails_cleanly(
        &[article().as_os_str(), os("--model"), model("echo-en-ru").as_os_str()],
        "a bilingual model translates into one language",
    );
}

#[test]
fn error_non_utf8_input() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("cp1251.txt");
    fs::write(&f, b"Minsk \xcc\xe8\xed\xf1\xea\n").unwrap();
    fails_cleanly(
        &[f.as_os_str(), os("--model"), model("echo-nllb").as_os_str()],
        "cp1251.txt: not UTF-8 text (invalid byte at offset 6)",
    );
}

#[test]
fn error_binary_input() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("x.txt");
    fs::write(&f, b"PK\x03\x04\x00\x00").unwrap();
    fails_cleanly(&[f.as_os_str(), os("--model"), model("echo-nllb").as_os_str()], "looks like a binary file");
}

#[test]
fn error_unreadable_input() {
    fails_cleanly(
        &[os("/no/such/article.txt"), os("--model"), model("echo-nllb").as_os_str()],
        "/no/such/article.txt: No such file or directory",
    );
}

#[test]
fn error_bad_jsonl_line_names_the_line() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("a.jsonl");
    fs::write(&f, "{\"id\":1,\"body\":\"Ok.\"}\n{\"id\":2,\"body\":\n").unwrap();
    fails_cleanly(&[f.as_os_str(), os("--model"), model("echo-nllb").as_os_str()], "a.jsonl: line 2: not JSON");
}

#[test]
fn error_a_later_bad_input_writes_nothing_for_earlier_ones() {
    let d = tempfile::tempdir().unwrap();
    let bad = d.path().join("bad.txt");
    fs::write(&bad, b"\xff").unwrap();
    fails_cleanly(
        &[article().as_os_str(), bad.as_os_str(), os("--model"), model("echo-nllb").as_os_str()],
        "bad.txt: not UTF-8",
    );
}

#[test]
fn error_two_inputs_with_one_output_name() {
    let d = tempfile::tempdir().unwrap();
    fs::create_dir_all(d.path().join("x")).unwrap();
    fs::write(d.path().join("x/a.txt"), "A.").unwrap();
    fs::write(d.path().join("a.md"), "A.").unwrap();
    fs::write(d.path().join("a.txt"), "A.").unwrap();
    fails_cleanly(
        &[
            d.path().join("a.txt").as_os_str(),
            d.path().join("x/a.txt").as_os_str(),
            os("--model"),
            model("echo-nllb").as_os_str(),
        ],
        "would both write",
    );
}

/// Argos packages keep `sentencepiece.model` beside the `model/` directory.
#[test]
fn finds_the_tokenizer_in_the_parent_directory() {
    let d = tempfile::tempdir().unwrap();
    let m = d.path().join("translate-en_ru/model");
    copy_dir(&model("echo-en-ru"), &m);
    fs::rename(m.join("source.spm"), d.path().join("translate-en_ru/sentencepiece.model")).unwrap();
    fs::remove_file(m.join("target.spm")).unwrap();
    let out = d.path().join("o");
    mova()
        .args(["translate", "--names", "off", "-q", "--typography", "off", "--to", "ru"])
        .arg(article())
        .arg("-o")
        .arg(&out)
        .arg("-m")
        .arg(&m)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(out.join("grodno-border.ru.txt")).unwrap(), fs::read_to_string(article()).unwrap());
}

#[test]
fn tokenizer_flag_overrides_discovery() {
    let d = tempfile::tempdir().unwrap();
    let m = d.path().join("m");
    copy_dir(&model("echo-nllb"), &m);
    fs::remove_file(m.join("sentencepiece.bpe.model")).unwrap();
    let out = d.path().join("o");
    mova()
        .args(["translate", "--names", "off", "-q", "--typography", "off", "--to", "be", "--family", "nllb"])
        .arg(article())
        .arg("-o")
        .arg(&out)
        .arg("-m")
        .arg(&m)
        .arg("--tokenizer")
        .arg(repo("models/test/spm/echo.model"))
        .assert()
        .success();
    assert_eq!(fs::read_to_string(out.join("grodno-border.be.txt")).unwrap(), fs::read_to_string(article()).unwrap());
}

#[test]
fn model_from_the_environment() {
    let out = tempfile::tempdir().unwrap();
    mova()
        .args(["translate", "--names", "off", "-q", "--to", "ru"])
        .arg(article())
        .arg("-o")
        .arg(out.path())
        .env("MOVA_MODEL", model("echo-m2m"))
        .assert()
        .success();
    assert!(out.path().join("grodno-border.ru.txt").is_file());
}

#[test]
fn names_come_out_in_each_languages_form() {
    // The echo models write English back, so every name must come out as
    // mova's form: a Latin leftover takes the case the English preposition
    // before it gives ("in Lithuania": locative), else the nominative; a
    // possessive the genitive.
    let out = tempfile::tempdir().unwrap();
    let report = out.path().join("names.jsonl");
    mova()
        .args(["translate", "-q", "--typography", "off"])
        .arg(repo("examples/articles/kolesnikova-trial.txt"))
        .arg("-o")
        .arg(out.path())
        .arg("-m")
        .arg(model("echo-nllb"))
        .arg("--report")
        .arg(&report)
        .assert()
        .success();
    let be = std::fs::read_to_string(out.path().join("kolesnikova-trial.be.txt")).unwrap();
    let ru = std::fs::read_to_string(out.path().join("kolesnikova-trial.ru.txt")).unwrap();
    assert!(be.contains("Святлана Ціханоўская, who leads the opposition from exile in Літве"), "{be}");
    assert!(be.contains("Калеснікавай father, Аляксандр Калеснікаў, said"), "{be}");
    assert!(be.contains("Алесь Бяляцкі") && be.contains("Аляксандр Лукашэнка has dismissed"), "{be}");
    assert!(be.starts_with("# Беларусь opposition figure Марыя Калеснікава sentenced"), "{be}");
    assert!(be.contains("МІНСК, Беларусь (AP)"), "{be}");
    assert!(
        ru.contains("Светлана Тихановская, who leads") && ru.contains("Колесниковой father, Александр Колесников"),
        "{ru}"
    );
    assert!(ru.contains("Александр Лукашенко has dismissed"), "{ru}");
    let lines: Vec<serde_json::Value> =
        std::fs::read_to_string(&report).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    let be_line = lines.iter().find(|l| l["lang"] == "be").unwrap();
    let changes = be_line["changes"].as_array().unwrap();
    // Words left alone as unsure are listed beside the changes.
    assert!(be_line["suspects"].is_array(), "{be_line}");
    assert_eq!(
        changes[0],
        serde_json::json!({"entity": "pl_belarus", "source": "Belarus", "model": "Belarus", "mova": "Беларусь", "why": "latin"})
    );
    assert!(changes.contains(&serde_json::json!({"entity": "by_kalesnikava_maryia", "source": "Maria Kolesnikova", "model": "Kolesnikova", "mova": "Калеснікава", "why": "latin"})));
    assert!(changes.contains(&serde_json::json!({"entity": "by_kalesnikava_maryia", "source": "Kolesnikova", "model": "Kolesnikova's", "mova": "Калеснікавай", "why": "latin"})));
    // --names off leaves the model's text.
    let off = tempfile::tempdir().unwrap();
    mova()
        .args(["translate", "-q", "--names", "off", "--typography", "off", "--to", "be"])
        .arg(repo("examples/articles/kolesnikova-trial.txt"))
        .arg("-o")
        .arg(off.path())
        .arg("-m")
        .arg(model("echo-nllb"))
        .assert()
        .success();
    let be = std::fs::read_to_string(off.path().join("kolesnikova-trial.be.txt")).unwrap();
    assert!(be.contains("Sviatlana Tsikhanouskaya, who leads"));
}

#[test]
fn a_bad_names_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("mine.tsv");
    std::fs::write(&f, "id\tkind\tgender\tenglish\tru\tbe\tbe_tarask\tsource\nx\ttown\t\tX\t\t\t\t\n").unwrap();
    mova()
        .args(["translate", "-q", "--to", "be"])
        .arg(article())
        .arg("-o")
        .arg(dir.path().join("o"))
        .arg("-m")
        .arg(model("echo-nllb"))
        .arg("--names-file")
        .arg(&f)
        .assert()
        .failure()
        .stderr(predicate::str::contains("mine.tsv: line 2: kind `town`: write person, place or org"));
    assert!(!dir.path().join("o").exists());
}

fn translate_stdin(args: &[&str], input: &str) -> (String, String) {
    let out = tempfile::tempdir().unwrap();
    let assert = mova()
        .args(["translate", "--names", "off", "-", "--to", "ru", "--model"])
        .arg(model("echo-nllb"))
        .arg("--out")
        .arg(out.path())
        .args(args)
        .write_stdin(input)
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    (fs::read_to_string(out.path().join("stdin.ru.txt")).unwrap(), stderr)
}

/// The echo model returns what it reads, so the output shows the stages exactly.
#[test]
fn output_typography_is_on_by_default() {
    let src = "He said: \"We won.\" It cost 1000000 rubles - a record.\n";
    let (got, _) = translate_stdin(&["-q"], src);
    assert_eq!(got, "He said: «We won». It cost 1\u{A0}000\u{A0}000 rubles\u{A0}— a record.\n");
    let (got, _) = translate_stdin(&["-q", "--typography", "off"], src);
    assert_eq!(got, "He said: \"We won.\" It cost 1000000 rubles — a record.\n");
}

#[test]
fn the_model_reads_normalised_text_and_gaps_stay_original() {
    let src = "Lukashenкo said\u{A0}“no”.\u{200B} Next&nbsp;one.\n\nThe govern-\nment agreed.\n";
    let (got, _) = translate_stdin(&["-q", "--typography", "off"], src);
    assert_eq!(got, "Lukashenko said \"no\".\u{200B} Next one.\n\nThe government agreed.\n");
    let (got, _) = translate_stdin(&["-q", "--typography", "off", "--normalize-off", "mixed-script,spaces"], src);
    // Whitespace inside a sentence reaches the model as single spaces either way.
    assert_eq!(got, "Lukashenкo said \"no\".\u{200B} Next one.\n\nThe government agreed.\n");
}

#[test]
fn long_sentences_are_cut_at_clauses_and_glued_back() {
    let src = "The opposition called for new elections and the release of prisoners; the government refused, and the protests went on for months, while the economy shrank.\n";
    let (got, stderr) = translate_stdin(&["--typography", "off", "--max-sentence-tokens", "12"], src);
    assert_eq!(got, src);
    assert!(stderr.contains("1 sentences (1 unique, 1 cut at clause boundaries)"), "{stderr}");
}

/// Restricting the output vocabulary changes nothing the echo models write
/// (every source piece can still be copied), and the summary says it was used.
/// Small batches give each batch its own candidates: CTranslate2 4.8 mapped a
/// forced language token wrongly after the first batch (see vocab.rs).
#[test]
fn restricted_vocabulary_gives_identical_output() {
    for (m, to) in [("echo-opus-mt-zle", "ru,be"), ("echo-en-ru", "ru"), ("echo-nllb", "ru,be"), ("echo-m2m", "ru,be")]
    {
        let (full, restricted) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        for (dir, extra) in [(&full, "--full-vocab"), (&restricted, "--restrict-vocab")] {
            let mut cmd = mova();
            cmd.arg("translate")
                .arg(repo("examples/articles"))
                .arg(repo("examples/articles.jsonl"))
                .arg("--model")
                .arg(model(m));
            cmd.args(["--to", to, "--names", "off", "--max-batch-tokens", "64"])
                .arg("--out")
                .arg(dir.path())
                .arg(extra);
            let o = cmd.output().unwrap();
            let err = String::from_utf8(o.stderr).unwrap();
            assert!(o.status.success(), "{err}");
            assert_eq!(err.contains("(restricted"), extra == "--restrict-vocab", "{err}");
        }
        for f in files(full.path()) {
            assert_eq!(
                fs::read_to_string(full.path().join(&f)).unwrap(),
                fs::read_to_string(restricted.path().join(&f)).unwrap(),
                "{m}: {f}"
            );
        }
    }
}

/// A restricted vocabulary that cannot be prepared (mova's cache dir cannot be
/// made) stops a run that forced it, with the fix, and writes nothing.
#[test]
fn restriction_that_cannot_be_prepared_names_the_fix() {
    let tmp = tempfile::tempdir().unwrap();
    let blocker = tmp.path().join("not-a-dir");
    fs::write(&blocker, "").unwrap();
    let out = tmp.path().join("out");
    let o = mova()
        .arg("translate")
        .arg(repo("examples/articles.jsonl"))
        .arg("--model")
        .arg(model("echo-en-ru"))
        .args(["--to", "ru", "--restrict-vocab", "--cache"])
        .arg(blocker.join("cache/translations.sqlite"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(!o.status.success());
    assert!(err.contains("cannot prepare its restricted output vocabulary") && err.contains("--full-vocab"), "{err}");
    assert!(!out.exists() || files(&out).is_empty());
}
