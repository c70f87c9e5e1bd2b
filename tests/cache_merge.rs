//! `mova cache merge` and `mova cache stats` on the real binary: the caches of
//! two shards merged make a rerun all cache hits; merging again changes no
//! byte; files that are not mova caches are refused in one line.

mod common;

use std::fs;
use std::path::Path;

use common::{model, mova, repo};

fn run(args: &[&std::ffi::OsStr]) -> (bool, String, String) {
    let o = mova().args(args).output().unwrap();
    (o.status.success(), String::from_utf8(o.stdout).unwrap(), String::from_utf8(o.stderr).unwrap())
}

fn translate(cache: &Path, out: &Path, shard: Option<&str>) -> String {
    let mut c = mova();
    c.arg("translate")
        .arg(repo("examples/articles"))
        .arg(repo("examples/articles.jsonl"))
        .arg("--model")
        .arg(model("echo-m2m"));
    c.arg("--cache")
        .arg(cache)
        .arg("--out")
        .arg(out)
        .env_remove("SLURM_ARRAY_TASK_ID")
        .env_remove("JOB_COMPLETION_INDEX");
    if let Some(s) = shard {
        c.arg("--shard").arg(s);
    }
    let o = c.output().unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(o.status.success(), "{err}");
    err
}

/// The summary's count before `label`.
fn count(stderr: &str, label: &str) -> usize {
    let line = stderr.lines().find(|l| l.contains(" articles, ")).unwrap();
    let at = line.find(label).unwrap();
    line[..at].trim_end().rsplit([' ', ':']).next().unwrap().parse().unwrap()
}

fn stats_json(cache: &Path) -> serde_json::Value {
    let (ok, out, err) = run(&["cache".as_ref(), "stats".as_ref(), "--json".as_ref(), cache.as_os_str()]);
    assert!(ok, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn shard_caches_merged_make_a_rerun_all_cache_hits() {
    let t = tempfile::tempdir().unwrap();
    let (c0, c1, merged) = (t.path().join("c0.sqlite"), t.path().join("c1.sqlite"), t.path().join("m/merged.sqlite"));
    let e0 = translate(&c0, &t.path().join("o"), Some("0/2"));
    let e1 = translate(&c1, &t.path().join("o"), Some("1/2"));
    let shards = count(&e0, "translated") + count(&e1, "translated");
    let (ok, out, err) =
        run(&["cache".as_ref(), "merge".as_ref(), c0.as_os_str(), c1.as_os_str(), "-o".as_ref(), merged.as_os_str()]);
    assert!(ok && out.is_empty(), "{err}");
    let entries = stats_json(&merged)["translations"].as_u64().unwrap() as usize;
    assert_eq!(
        err,
        format!("mova: merged 2 caches ({shards} entries) into {}: {entries} translations\n", merged.display())
    );
    // Sentences repeated across shards were translated by each; merged, once.
    assert!(entries <= shards && entries > 0);
    // Merging again, in another order, into the merged cache itself, changes no byte.
    let bytes = fs::read(&merged).unwrap();
    let (ok, _, err) = run(&[
        "cache".as_ref(),
        "merge".as_ref(),
        c1.as_os_str(),
        c0.as_os_str(),
        merged.as_os_str(),
        "-o".as_ref(),
        merged.as_os_str(),
        "-q".as_ref(),
    ]);
    assert!(ok && err.is_empty(), "{err}");
    assert!(fs::read(&merged).unwrap() == bytes, "merging again changed the file");
    let whole = translate(&merged, &t.path().join("again"), None);
    assert_eq!(count(&whole, "translated"), 0, "{whole}");
    assert_eq!(count(&whole, "from the cache"), entries, "{whole}");
}

#[test]
fn stats_count_by_model_and_language() {
    let t = tempfile::tempdir().unwrap();
    let cache = t.path().join("c.sqlite");
    let err = translate(&cache, &t.path().join("o"), None);
    let translated = count(&err, "translated");
    let s = stats_json(&cache);
    assert_eq!(s["schema"], 2);
    assert_eq!(s["translations"], translated);
    let groups = s["groups"].as_array().unwrap();
    let langs: Vec<&str> = groups.iter().map(|g| g["lang"].as_str().unwrap()).collect();
    assert_eq!(langs, ["be", "ru"]);
    assert_eq!(groups[0]["model"], groups[1]["model"]);
    assert_eq!(groups[0]["translations"].as_u64().unwrap() * 2, translated as u64);
    let model_dir = model("echo-m2m").canonicalize().unwrap();
    assert_eq!(
        s["models"],
        serde_json::json!([{"fingerprint": groups[0]["model"], "path": model_dir.display().to_string()}])
    );
    let (ok, table, _) = run(&["cache".as_ref(), "stats".as_ref(), cache.as_os_str()]);
    assert!(ok);
    let lines: Vec<&str> = table.lines().collect();
    assert!(
        lines[0].starts_with(&format!("{}: mova cache (schema 2), {translated} translations, ", cache.display())),
        "{table}"
    );
    assert_eq!(
        lines[1].split_whitespace().collect::<Vec<_>>(),
        ["model", "lang", "translations", "oldest", "(UTC)", "newest", "(UTC)"]
    );
    let fp12: String = groups[0]["model"].as_str().unwrap().chars().take(12).collect();
    assert!(lines[2].starts_with(&format!("{fp12}  be    {}", translated / 2)), "{table}");
    assert_eq!(lines[4], format!("model {fp12}: {}", model_dir.display()));
}

#[test]
fn what_is_not_a_mova_cache_is_refused_in_one_line() {
    let t = tempfile::tempdir().unwrap();
    let good = t.path().join("good.sqlite");
    translate(&good, &t.path().join("o"), Some("0/3"));
    let text = t.path().join("notes.txt");
    fs::write(&text, "my notes\n").unwrap();
    let theirs = t.path().join("theirs.db");
    rusqlite::Connection::open(&theirs).unwrap().execute_batch("CREATE TABLE accounts (id INTEGER);").unwrap();
    let out = t.path().join("out.sqlite");
    for (bad, message) in [
        (&text, "not an SQLite file, so not a mova cache"),
        (&theirs, "another program's SQLite database (tables accounts), not a mova cache"),
    ] {
        let (ok, _, err) = run(&[
            "cache".as_ref(),
            "merge".as_ref(),
            good.as_os_str(),
            bad.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert!(!ok);
        assert_eq!(err, format!("mova: {}: {message}\n", bad.display()));
        let (ok, _, err) = run(&["cache".as_ref(), "stats".as_ref(), bad.as_os_str()]);
        assert!(!ok);
        assert_eq!(err, format!("mova: {}: {message}\n", bad.display()));
    }
    assert!(!out.exists());
    assert_eq!(fs::read_to_string(&text).unwrap(), "my notes\n");
}
