//! The translation cache and resumability, on the real binary: a second run
//! translates nothing, two processes share one cache, a corrupt cache is set
//! aside, and a run stopped by a signal (or killed) leaves no output and loses
//! nothing already translated.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{files, model, mova, repo};

/// The summary line's count before `label` ("12 translated", "3 from the cache").
fn count(stderr: &str, label: &str) -> usize {
    let line = stderr.lines().find(|l| l.contains(" articles, ")).unwrap_or_else(|| panic!("no summary in {stderr}"));
    let at = line.find(label).unwrap_or_else(|| panic!("no `{label}` in {line}"));
    line[..at].trim_end().rsplit([' ', ':']).next().unwrap().parse().unwrap()
}

fn translate(cache: &Path, out: &Path, inputs: &[&Path]) -> String {
    let mut cmd = mova();
    cmd.arg("translate")
        .args(inputs)
        .arg("--model")
        .arg(model("echo-m2m"))
        .arg("--cache")
        .arg(cache)
        .arg("--out")
        .arg(out);
    let o = cmd.output().unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(o.status.success(), "{err}");
    err
}

fn read_all(dir: &Path) -> Vec<(String, String)> {
    files(dir).into_iter().map(|f| (f.clone(), fs::read_to_string(dir.join(&f)).unwrap())).collect()
}

#[test]
fn a_second_run_translates_nothing_and_writes_the_same() {
    let t = tempfile::tempdir().unwrap();
    let cache = t.path().join("c/translations.sqlite");
    let articles = repo("examples/articles");
    let first = translate(&cache, &t.path().join("o1"), &[&articles]);
    assert!(count(&first, "translated") > 0);
    assert_eq!(count(&first, "from the cache"), 0);
    let second = translate(&cache, &t.path().join("o2"), &[&articles]);
    assert_eq!(count(&second, "translated"), 0, "{second}");
    assert_eq!(count(&second, "from the cache"), count(&first, "translated"));
    assert_eq!(read_all(&t.path().join("o1")), read_all(&t.path().join("o2")));
}

#[test]
fn no_cache_neither_reads_nor_writes() {
    let t = tempfile::tempdir().unwrap();
    let cache = t.path().join("translations.sqlite");
    let mut cmd = mova();
    cmd.arg("translate")
        .arg(repo("examples/articles"))
        .arg("--model")
        .arg(model("echo-m2m"))
        .arg("--no-cache")
        .arg("--out")
        .arg(t.path().join("o"));
    cmd.env("MOVA_CACHE", &cache).assert().success();
    assert!(!cache.exists());
}

#[test]
fn two_processes_share_one_cache() {
    let t = tempfile::tempdir().unwrap();
    let cache = t.path().join("translations.sqlite");
    let (a, b) = (repo("examples/articles"), repo("examples/articles.jsonl"));
    let spawn = |input: &Path, out: &str| {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("mova"));
        cmd.arg("translate")
            .arg(input)
            .arg("--model")
            .arg(model("echo-m2m"))
            .arg("--cache")
            .arg(&cache)
            .arg("--max-batch-tokens")
            .arg("64");
        cmd.arg("--out").arg(t.path().join(out)).stderr(Stdio::piped()).spawn().unwrap()
    };
    let (p1, p2) = (spawn(&a, "o1"), spawn(&b, "o2"));
    for p in [p1, p2] {
        let o = p.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let again = translate(&cache, &t.path().join("o3"), &[&a, &b]);
    assert_eq!(count(&again, "translated"), 0, "{again}");
    let mut both = read_all(&t.path().join("o1"));
    both.extend(read_all(&t.path().join("o2")));
    both.sort();
    assert_eq!(read_all(&t.path().join("o3")), both);
}

#[test]
fn a_corrupt_cache_is_set_aside_not_fatal() {
    let t = tempfile::tempdir().unwrap();
    let cache = t.path().join("translations.sqlite");
    // A mova cache whose table pages were overwritten (anything that is not
    // recognisably a mova cache is left alone: tests/reliability.rs).
    translate(&cache, &t.path().join("o0"), &[&repo("examples/articles")]);
    let mut bytes = fs::read(&cache).unwrap();
    bytes[4096..8192].fill(0x5a);
    fs::write(&cache, bytes).unwrap();
    let err = translate(&cache, &t.path().join("o"), &[&repo("examples/articles")]);
    assert!(err.contains("warning:") && err.contains("not a readable cache") && err.contains("moved it to"), "{err}");
    let names: Vec<String> =
        fs::read_dir(t.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().any(|n| n.starts_with("translations.sqlite.corrupt-")), "{names:?}");
    assert_eq!(files(&t.path().join("o")).len(), 6);
    let again = translate(&cache, &t.path().join("o2"), &[&repo("examples/articles")]);
    assert_eq!(count(&again, "translated"), 0, "{again}");
}

/// Many distinct sentences, so a run takes seconds and commits many batches.
fn long_input(dir: &Path) -> std::path::PathBuf {
    let subjects =
        ["The minister", "A spokesman", "The committee", "Residents", "The court", "Observers", "The mayor", "Farmers"];
    let verbs = ["said", "reported", "denied", "confirmed", "announced", "warned"];
    let mut text = String::new();
    for i in 0..2400 {
        let s = subjects[i % subjects.len()];
        let v = verbs[(i / subjects.len()) % verbs.len()];
        text.push_str(&format!("{s} {v} on day {i} that {} roads near the river were closed.", i * 7 % 1000));
        text.push_str(if i % 4 == 3 { "\n\n" } else { " " });
    }
    let path = dir.join("long.txt");
    fs::write(&path, text).unwrap();
    path
}

fn cached_rows(cache: &Path) -> usize {
    let Ok(c) = rusqlite::Connection::open_with_flags(cache, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    c.query_row("SELECT count(*) FROM translations", [], |r| r.get::<_, i64>(0)).map_or(0, |n| n as usize)
}

/// Starts a long run and waits until it has cached some translations.
fn start_long_run(input: &Path, cache: &Path, out: &Path) -> std::process::Child {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("mova"));
    cmd.arg("translate").arg(input).arg("--model").arg(model("echo-en-ru")).arg("--to").arg("ru");
    cmd.args(["--threads", "1", "--max-batch-tokens", "48"]).arg("--cache").arg(cache).arg("--out").arg(out);
    let mut child = cmd.stderr(Stdio::piped()).spawn().unwrap();
    let t = Instant::now();
    while cached_rows(cache) < 20 {
        assert!(t.elapsed() < Duration::from_secs(120), "nothing cached after two minutes");
        assert!(child.try_wait().unwrap().is_none(), "the run ended before it could be stopped; make the input longer");
        std::thread::sleep(Duration::from_millis(20));
    }
    child
}

fn finish_and_compare(input: &Path, cache: &Path, out: &Path, before: usize) {
    assert!(files(out).is_empty(), "a stopped run left {:?}", files(out));
    let mut cmd = mova();
    cmd.arg("translate")
        .arg(input)
        .arg("--model")
        .arg(model("echo-en-ru"))
        .arg("--to")
        .arg("ru")
        .arg("--cache")
        .arg(cache)
        .arg("--out")
        .arg(out);
    let o = cmd.output().unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(o.status.success(), "{err}");
    assert!(count(&err, "from the cache") >= before, "{err}");
    assert_eq!(files(out), vec!["long.ru.txt"]);
    let fresh = tempfile::tempdir().unwrap();
    let mut cmd = mova();
    cmd.arg("translate")
        .arg(input)
        .arg("--model")
        .arg(model("echo-en-ru"))
        .arg("--to")
        .arg("ru")
        .arg("--no-cache")
        .arg("--out")
        .arg(fresh.path());
    cmd.assert().success();
    assert_eq!(
        fs::read_to_string(out.join("long.ru.txt")).unwrap(),
        fs::read_to_string(fresh.path().join("long.ru.txt")).unwrap()
    );
}

#[test]
fn a_stopped_run_writes_nothing_and_the_next_run_resumes() {
    let t = tempfile::tempdir().unwrap();
    let input = long_input(t.path());
    let (cache, out) = (t.path().join("c.sqlite"), t.path().join("out"));
    let child = start_long_run(&input, &cache, &out);
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted; no output written"), "{err}");
    let before = cached_rows(&cache);
    assert!(before >= 20);
    finish_and_compare(&input, &cache, &out, before);
}

#[test]
fn a_killed_run_loses_nothing_cached_and_leaves_no_temporaries() {
    let t = tempfile::tempdir().unwrap();
    let input = long_input(t.path());
    let (cache, out) = (t.path().join("c.sqlite"), t.path().join("out"));
    let mut child = start_long_run(&input, &cache, &out);
    child.kill().unwrap();
    child.wait().unwrap();
    let before = cached_rows(&cache);
    // The killed run's temporary output (if it had started one) is swept by the next run.
    finish_and_compare(&input, &cache, &out, before);
    let hidden: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(hidden.is_empty());
}
