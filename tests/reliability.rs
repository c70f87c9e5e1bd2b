//! Nothing lost, nothing touched outside what the user named: the real binary
//! on bad paths and awkward inputs (README, Reliability). Each test is a probe
//! that once lost data or touched what it should not.

#![cfg(unix)]

mod common;

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{files, model, mova};

/// `mova translate` into Russian with the echo model (output equals input),
/// names left as they are, quiet; the caller adds inputs and flags.
fn translate(out: &Path) -> assert_cmd::Command {
    let mut c = mova();
    c.args(["translate", "--to", "ru", "--names", "off", "--quiet", "--model"])
        .arg(model("echo-m2m"))
        .arg("--out")
        .arg(out);
    c
}

fn stderr_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stderr.clone()).unwrap()
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// Every name in `dir` (not recursive), sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

const ARTICLE: &str = "Minsk, 5 May. Protesters gathered in the centre.\n\nThe police said nothing.\n";

// 1. The cache path is never renamed unless it is a damaged mova cache.

#[test]
fn a_text_file_given_as_the_cache_is_left_alone() {
    let t = tempfile::tempdir().unwrap();
    let notes = t.path().join("notes.txt");
    fs::write(&notes, "my notes\n").unwrap();
    fs::write(t.path().join("a.txt"), ARTICLE).unwrap();
    // --restrict-vocab: the vocabulary view, which lives beside a usable cache,
    // must not be made beside someone's file either.
    let a = translate(&t.path().join("o"))
        .arg(t.path().join("a.txt"))
        .arg("--cache")
        .arg(&notes)
        .arg("--restrict-vocab")
        .assert()
        .success();
    let err = stderr_of(&a);
    assert_eq!(err, format!("mova: warning: {}: not an SQLite file, so not a mova cache; left as it is; running without a cache (pass --cache FILE or --no-cache)\n", notes.display()));
    assert_eq!(fs::read_to_string(&notes).unwrap(), "my notes\n");
    assert_eq!(names(t.path()), ["a.txt", "notes.txt", "o"]);
    assert_eq!(fs::read_to_string(t.path().join("o/a.ru.txt")).unwrap(), ARTICLE);
}

#[test]
fn a_directory_or_fifo_given_as_the_cache_means_no_cache() {
    let t = tempfile::tempdir().unwrap();
    fs::write(t.path().join("a.txt"), ARTICLE).unwrap();
    let dir = t.path().join("cache-dir");
    fs::create_dir(&dir).unwrap();
    let fifo = t.path().join("cache-fifo");
    mkfifo(&fifo);
    for (path, what) in [(&dir, "a directory"), (&fifo, "a FIFO")] {
        let a = translate(&t.path().join("o"))
            .arg(t.path().join("a.txt"))
            .arg("--cache")
            .arg(path)
            .timeout(Duration::from_secs(60))
            .assert()
            .success();
        assert_eq!(stderr_of(&a), format!("mova: warning: {}: {what}, not a cache file; running without a cache (pass --cache FILE or --no-cache)\n", path.display()));
    }
    assert!(dir.is_dir() && fs::read_dir(&dir).unwrap().next().is_none());
    assert_eq!(names(t.path()), ["a.txt", "cache-dir", "cache-fifo", "o"]);
}

// 2. Same name, different extension: refused, never merged.

#[test]
fn inputs_differing_only_in_extension_are_refused() {
    let t = tempfile::tempdir().unwrap();
    fs::write(t.path().join("x.txt"), "Text one.\n").unwrap();
    fs::write(t.path().join("x.md"), "# Text two\n").unwrap();
    fs::write(t.path().join("y.jsonl"), "{\"title\": \"T.\"}\n").unwrap();
    fs::write(t.path().join("y.txt"), "Text three.\n").unwrap();
    let o = t.path().join("o");
    for (a, b) in [("x.txt", "x.md"), ("y.jsonl", "y.txt")] {
        let r = translate(&o).arg(t.path().join(a)).arg(t.path().join(b)).assert().failure().code(1);
        let (a, b) = (t.path().join(a), t.path().join(b));
        let stem = o.join(format!("{}.ru.*", a.file_stem().unwrap().to_string_lossy()));
        assert_eq!(
            stderr_of(&r),
            format!("mova: {} and {} have the same name but for the extension, so their outputs ({}) would be told apart only by it; rename one or translate them in separate runs\n", a.display(), b.display(), stem.display())
        );
        assert!(!o.exists());
    }
    // Inside a directory too.
    let r = translate(&o).arg(t.path()).assert().failure().code(1);
    assert!(stderr_of(&r).contains("x.md and "), "{}", stderr_of(&r));
}

// 3. Pipes are read once; FIFOs met in a directory are skipped.

#[test]
fn a_fifo_given_as_an_input_is_read_once() {
    let t = tempfile::tempdir().unwrap();
    let fifo = t.path().join("piped.txt");
    mkfifo(&fifo);
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            fs::OpenOptions::new().write(true).open(fifo).unwrap().write_all(ARTICLE.as_bytes()).unwrap()
        })
    };
    translate(&t.path().join("o")).arg(&fifo).timeout(Duration::from_secs(60)).assert().success().stderr("");
    writer.join().unwrap();
    assert_eq!(fs::read_to_string(t.path().join("o/piped.ru.txt")).unwrap(), ARTICLE);
}

#[test]
fn process_substitution_is_read_once() {
    let t = tempfile::tempdir().unwrap();
    let src = t.path().join("a.jsonl");
    fs::write(&src, "{\"id\": \"a\", \"title\": \"Minsk.\", \"body\": \"One. Two.\"}\n").unwrap();
    let bin = assert_cmd::cargo::cargo_bin("mova");
    let script = format!(
        "exec {} translate <(cat {}) --format jsonl --to ru --names off --quiet --model {} --out {}",
        bin.display(),
        src.display(),
        model("echo-m2m").display(),
        t.path().join("o").display()
    );
    let o = Command::new("bash").arg("-c").arg(script).env("MOVA_CACHE", t.path().join("c.sqlite")).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = files(&t.path().join("o"));
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(
        fs::read_to_string(t.path().join("o").join(&out[0])).unwrap(),
        "{\"id\":\"a\",\"title\":\"Minsk.\",\"body\":\"One. Two.\",\"lang\":\"ru\"}\n"
    );
}

#[test]
fn a_fifo_inside_an_input_directory_is_skipped_not_waited_for() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path().join("in");
    fs::create_dir(&d).unwrap();
    fs::write(d.join("a.txt"), ARTICLE).unwrap();
    mkfifo(&d.join("b.txt"));
    let a = translate(&t.path().join("o")).arg(&d).timeout(Duration::from_secs(60)).assert().success();
    assert_eq!(
        stderr_of(&a),
        format!("mova: warning: {}: skipped: a FIFO (named pipe), not a regular file\n", d.join("b.txt").display())
    );
    assert_eq!(files(&t.path().join("o")), ["a.ru.txt"]);
}

// 4. No silent truncation: a run the engine cannot take whole passes through.

#[test]
fn a_long_data_uri_comes_out_whole() {
    let t = tempfile::tempdir().unwrap();
    let mut b64 = String::new();
    let mut x: u32 = 7;
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    while b64.len() < 20_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        b64.push(alphabet[(x >> 16) as usize % 64] as char);
    }
    let text = format!("On 5 May the picture data:image/png;base64,{b64}= showed the square. The police said nothing.\n\nSecond paragraph.\n");
    fs::write(t.path().join("a.txt"), &text).unwrap();
    for names in ["fix", "off"] {
        let o = t.path().join(format!("o-{names}"));
        let started = Instant::now();
        let mut c = mova();
        c.args(["translate", "--to", "ru,be", "--quiet", "--names", names, "--typography", "off", "--model"])
            .arg(model("echo-nllb"))
            .arg("--out")
            .arg(&o);
        c.arg(t.path().join("a.txt")).timeout(Duration::from_secs(300)).assert().success().stderr("");
        assert!(started.elapsed() < Duration::from_secs(60), "took {:?}", started.elapsed());
        for lang in ["ru", "be"] {
            assert_eq!(fs::read_to_string(o.join(format!("a.{lang}.txt"))).unwrap(), text, "{lang}, names {names}");
        }
    }
}

// 5. Symlink loops end: each directory is read once.

#[test]
fn a_symlink_loop_is_followed_once() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path().join("in");
    fs::create_dir_all(d.join("sub")).unwrap();
    fs::write(d.join("a.txt"), ARTICLE).unwrap();
    fs::write(d.join("sub/b.txt"), "B.\n").unwrap();
    std::os::unix::fs::symlink(".", d.join("self")).unwrap();
    std::os::unix::fs::symlink("..", d.join("sub/up")).unwrap();
    let a = translate(&t.path().join("o")).arg(&d).timeout(Duration::from_secs(60)).assert().success();
    assert_eq!(
        stderr_of(&a),
        format!(
            "mova: warning: {}: skipped: a link to a directory already read\nmova: warning: {}: skipped: a link to a directory already read\n",
            d.join("self").display(),
            d.join("sub/up").display()
        )
    );
    assert_eq!(files(&t.path().join("o")), ["a.ru.txt", "sub/b.ru.txt"]);
}

// 6. --out and the inputs.

#[test]
fn out_equal_to_an_input_directory_is_refused() {
    let t = tempfile::tempdir().unwrap();
    fs::write(t.path().join("a.txt"), ARTICLE).unwrap();
    let r = translate(t.path()).arg(t.path()).assert().failure().code(1);
    let p = t.path().display();
    assert_eq!(stderr_of(&r), format!("mova: --out {p} is the input directory {p}: outputs would be written among the inputs; choose another --out (a directory inside it is fine: mova never reads it)\n"));
    assert_eq!(names(t.path()), ["a.txt"]);
}

#[test]
fn outputs_inside_an_input_directory_are_never_read_back() {
    let t = tempfile::tempdir().unwrap();
    fs::write(t.path().join("a.txt"), ARTICLE).unwrap();
    let o = t.path().join("out");
    translate(&o).arg(t.path()).assert().success().stderr("");
    assert_eq!(files(&o), ["a.ru.txt"]);
    // Again, and with another --out: the first run's outputs are not inputs.
    translate(&o).arg(t.path()).assert().success().stderr("");
    assert_eq!(files(&o), ["a.ru.txt"]);
    let o2 = t.path().join("out2");
    let a = translate(&o2).arg(t.path()).assert().success();
    assert_eq!(
        stderr_of(&a),
        format!(
            "mova: warning: {}: skipped: named like a mova output (name it on the command line to translate it)\n",
            o.join("a.ru.txt").display()
        )
    );
    assert_eq!(files(&o2), ["a.ru.txt"]);
}

#[test]
fn an_output_that_would_replace_an_input_is_refused() {
    let t = tempfile::tempdir().unwrap();
    fs::write(t.path().join("a.txt"), ARTICLE).unwrap();
    fs::write(t.path().join("a.ru.txt"), "Минск.\n").unwrap();
    let r = translate(t.path()).arg(t.path().join("a.txt")).arg(t.path().join("a.ru.txt")).assert().failure().code(1);
    assert_eq!(
        stderr_of(&r),
        format!(
            "mova: {}: this input would be replaced by the translation of {}; choose another --out\n",
            t.path().join("a.ru.txt").display(),
            t.path().join("a.txt").display()
        )
    );
    assert_eq!(fs::read_to_string(t.path().join("a.ru.txt")).unwrap(), "Минск.\n");
}

// Should fix: modes, numbers, early checks, bounded work, messages.

#[test]
fn outputs_get_the_default_mode() {
    let t = tempfile::tempdir().unwrap();
    fs::write(t.path().join("a.txt"), ARTICLE).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("mova");
    for (umask, mode) in [("022", 0o644), ("077", 0o600)] {
        let o = t.path().join(format!("o{umask}"));
        let script = format!(
            "umask {umask}; exec {} translate {} --to ru -q --model {} --out {}",
            bin.display(),
            t.path().join("a.txt").display(),
            model("echo-m2m").display(),
            o.display()
        );
        let s = Command::new("sh").arg("-c").arg(script).env("MOVA_CACHE", t.path().join("c.sqlite")).status().unwrap();
        assert!(s.success());
        assert_eq!(fs::metadata(o.join("a.ru.txt")).unwrap().permissions().mode() & 0o777, mode, "umask {umask}");
    }
}

#[test]
fn json_numbers_pass_through_exactly() {
    let t = tempfile::tempdir().unwrap();
    let line = "{\"id\":123456789012345678901234567890,\"title\":\"Minsk.\",\"n\":1.10,\"e\":1.5e-7,\"x\":[-0.0,18446744073709551616,0.30000000000000000001]}";
    fs::write(t.path().join("a.jsonl"), format!("{line}\n")).unwrap();
    translate(&t.path().join("o")).arg(t.path().join("a.jsonl")).assert().success();
    let got = fs::read_to_string(t.path().join("o/a.ru.jsonl")).unwrap();
    assert_eq!(got, format!("{},\"lang\":\"ru\"}}\n", line.trim_end_matches('}')));
}

#[test]
fn unwritable_results_are_found_before_any_work() {
    let t = tempfile::tempdir().unwrap();
    fs::write(t.path().join("a.txt"), ARTICLE).unwrap();
    let file = t.path().join("file");
    fs::write(&file, "").unwrap();
    let cache = t.path().join("c.sqlite");
    let o = t.path().join("o");
    let run = |flag: &str, path: &Path| {
        let mut c = translate(&o);
        c.arg(t.path().join("a.txt")).arg("--cache").arg(&cache).arg(flag).arg(path);
        c.assert().failure().code(1)
    };
    let r = run("--stats", &file.join("stats.json"));
    assert!(
        stderr_of(&r)
            .starts_with(&format!("mova: --stats {}: cannot be written there (", file.join("stats.json").display())),
        "{}",
        stderr_of(&r)
    );
    let r = run("--report", &file.join("r.jsonl"));
    assert!(stderr_of(&r).contains("--report "), "{}", stderr_of(&r));
    // Nothing was translated (no cache made) and nothing left behind.
    assert_eq!(names(t.path()), ["a.txt", "file"]);
    // --out that is a file.
    let r = translate(&file).arg(t.path().join("a.txt")).assert().failure().code(1);
    assert_eq!(
        stderr_of(&r),
        format!(
            "mova: --out {}: a file, not a directory; give a directory for the outputs (it is created if missing)\n",
            file.display()
        )
    );
}

#[test]
fn control_characters_in_file_names_are_escaped() {
    let t = tempfile::tempdir().unwrap();
    let bad = t.path().join("evil\u{1b}[2J\nname.txt");
    fs::write(&bad, b"text\0binary").unwrap();
    let r = translate(&t.path().join("o")).arg(&bad).assert().failure().code(1);
    let err = stderr_of(&r);
    assert_eq!(err, format!("mova: {}/evil\\u{{1b}}[2J\\nname.txt: looks like a binary file (NUL byte at offset 4); give mova .txt, .md or .jsonl text\n", t.path().display()));
}

#[test]
fn home_unset_says_where_the_cache_is() {
    let t = tempfile::tempdir().unwrap();
    fs::write(t.path().join("a.txt"), ARTICLE).unwrap();
    // The model is missing, so the run stops before the cache is opened.
    let r = mova()
        .env_remove("HOME")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("MOVA_CACHE")
        .args(["translate", "--to", "ru", "--model"])
        .arg(t.path().join("no-model"))
        .arg(t.path().join("a.txt"))
        .arg("--out")
        .arg(t.path().join("o"))
        .assert()
        .failure();
    let err = stderr_of(&r);
    let first = err.lines().next().unwrap();
    assert!(
        first.starts_with("mova: warning: HOME is not set; the translation cache is /")
            && first.ends_with("/mova/translations.sqlite (choose one with --cache FILE or MOVA_CACHE)"),
        "{err}"
    );
}

#[test]
fn translit_candidates_on_a_huge_word_are_bounded() {
    let word = "Tsikhanouskaya".repeat(1200); // 16,800 letters
    let started = Instant::now();
    mova()
        .args(["translit", "--lang", "be", "--candidates", "3"])
        .write_stdin(format!("Lukashenka\n{word}\n"))
        .timeout(Duration::from_secs(120))
        .assert()
        .success()
        .stdout(predicates::function::function(|s: &str| {
            s.lines().count() == 3 && s.lines().all(|l| l.starts_with("Lukashenka\t"))
        }))
        .stderr(format!("<stdin>:2: no Belarusian spelling found that a scheme writes as `{word}`\n"));
    assert!(started.elapsed() < Duration::from_secs(20), "took {:?}", started.elapsed());
}

#[test]
fn names_on_a_huge_word_after_a_title_are_bounded() {
    let t = tempfile::tempdir().unwrap();
    let word = format!("X{}", "abcdefghij".repeat(2000)); // 20 KB
    fs::write(t.path().join("a.txt"), format!("Mr. {word} said nothing. Sviatlana Tsikhanouskaya spoke in Vilnius.\n"))
        .unwrap();
    let started = Instant::now();
    mova()
        .args(["names", "--format", "tsv"])
        .arg(t.path().join("a.txt"))
        .timeout(Duration::from_secs(300))
        .assert()
        .success();
    assert!(started.elapsed() < Duration::from_secs(20), "took {:?}", started.elapsed());
}

// UTF-16 (issue 19): named, with the command that converts it.

#[test]
fn utf16_inputs_are_named_with_the_fix() {
    let t = tempfile::tempdir().unwrap();
    let cases: [(&str, Vec<u8>, &str, &str); 3] = [
        ("le-bom.txt", [&[0xFF, 0xFE][..], &utf16(ARTICLE, false)].concat(), "UTF-16", "with a byte-order mark"),
        ("be-bom.txt", [&[0xFE, 0xFF][..], &utf16(ARTICLE, true)].concat(), "UTF-16", "with a byte-order mark"),
        ("le.txt", utf16(ARTICLE, false), "UTF-16LE", "no byte-order mark"),
    ];
    for (name, bytes, encoding, bom) in cases {
        let path = t.path().join(name);
        fs::write(&path, bytes).unwrap();
        let r = translate(&t.path().join("o")).arg(&path).assert().failure().code(1);
        let fixed = path.with_file_name(name.replace(".txt", "-utf8.txt"));
        assert_eq!(
            stderr_of(&r),
            format!(
                "mova: {}: UTF-16 text ({bom}), not UTF-8; convert it first: iconv -f {encoding} -t UTF-8 {} > {}\n",
                path.display(),
                path.display(),
                fixed.display()
            )
        );
        // The text commands say the same.
        let r = mova().arg("normalize").arg(&path).assert().failure().code(1);
        assert!(stderr_of(&r).contains(&format!("UTF-16 text ({bom})")), "{}", stderr_of(&r));
    }
    let jsonl = t.path().join("a.jsonl");
    fs::write(&jsonl, utf16("{\"title\": \"Minsk.\"}\n", true)).unwrap();
    let r = translate(&t.path().join("o")).arg(&jsonl).assert().failure().code(1);
    assert!(
        stderr_of(&r).contains("UTF-16 text (no byte-order mark), not UTF-8; convert it first: iconv -f UTF-16BE"),
        "{}",
        stderr_of(&r)
    );
}

fn utf16(s: &str, big: bool) -> Vec<u8> {
    s.encode_utf16().flat_map(|u| if big { u.to_be_bytes() } else { u.to_le_bytes() }).collect()
}
