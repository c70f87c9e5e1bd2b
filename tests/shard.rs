//! `mova translate --shard K/N` on the real binary: N processes over the
//! example articles translate each article once, and their outputs together are
//! the unsharded run's; K and N come from Slurm's or Kubernetes' environment;
//! bad shards are one-line errors.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{files, model, mova, repo};

const SCHEDULER_VARS: [&str; 6] = [
    "SLURM_ARRAY_TASK_ID",
    "SLURM_ARRAY_TASK_COUNT",
    "SLURM_ARRAY_TASK_MIN",
    "SLURM_ARRAY_TASK_MAX",
    "SLURM_ARRAY_TASK_STEP",
    "JOB_COMPLETION_INDEX",
];

fn inputs() -> [PathBuf; 2] {
    [repo("examples/articles"), repo("examples/articles.jsonl")]
}

/// `mova translate` of the examples into `out` with `extra` flags and `env`,
/// outside any scheduler's environment otherwise.
fn translate(out: &Path, extra: &[&str], env: &[(&str, &str)]) -> assert_cmd::Command {
    let mut c = mova();
    c.arg("translate").args(inputs()).arg("--model").arg(model("echo-nllb")).arg("--out").arg(out).args(extra);
    for v in SCHEDULER_VARS {
        c.env_remove(v);
    }
    c.envs(env.iter().copied());
    c
}

fn stderr(c: &mut assert_cmd::Command) -> String {
    let o = c.output().unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(o.status.success(), "{err}");
    err
}

/// The failure message of a run expected to fail with exit code 1.
fn failure(c: &mut assert_cmd::Command) -> String {
    let o = c.output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stderr).unwrap()
}

/// X and Y of the line "mova: shard K/N: X of Y articles (…)".
fn share(stderr: &str) -> (usize, usize) {
    let line =
        stderr.lines().find(|l| l.starts_with("mova: shard ")).unwrap_or_else(|| panic!("no shard line in {stderr}"));
    let words: Vec<&str> = line.split(' ').collect();
    (words[3].parse().unwrap(), words[5].parse().unwrap())
}

/// Asserts that the out tree `sharded` holds exactly the outputs of `whole`:
/// the same text files, and each JSON Lines output split into shard parts
/// whose lines, taken in input order, are the whole file's, each line once.
fn same_outputs(whole: &Path, sharded: &Path, n: usize) {
    let got = files(sharded);
    let mut used = Vec::new();
    for f in files(whole) {
        let expected = fs::read_to_string(whole.join(&f)).unwrap();
        if !f.ends_with(".jsonl") || n == 1 {
            assert_eq!(fs::read_to_string(sharded.join(&f)).unwrap(), expected, "{f}");
            used.push(f);
            continue;
        }
        let (stem, lang) = f.strip_suffix(".jsonl").unwrap().rsplit_once('.').unwrap();
        let parts: Vec<String> = got
            .iter()
            .filter(|g| g.starts_with(&format!("{stem}.shard-")) && g.ends_with(&format!(".{lang}.jsonl")))
            .cloned()
            .collect();
        assert!(!parts.is_empty() && parts.len() <= n, "{parts:?}");
        let mut lines: Vec<std::vec::IntoIter<String>> = parts
            .iter()
            .map(|p| {
                fs::read_to_string(sharded.join(p)).unwrap().lines().map(String::from).collect::<Vec<_>>().into_iter()
            })
            .collect();
        let mut heads: Vec<Option<String>> = lines.iter_mut().map(Iterator::next).collect();
        for line in expected.lines() {
            let i = heads
                .iter()
                .position(|h| h.as_deref() == Some(line))
                .unwrap_or_else(|| panic!("{f}: no part goes on with {line}"));
            heads[i] = lines[i].next();
        }
        assert!(heads.iter().all(Option::is_none), "{f}: parts hold more lines");
        used.extend(parts);
    }
    used.sort();
    assert_eq!(got, used, "files beyond the unsharded run's");
}

#[test]
fn n_shards_translate_every_article_once_and_write_the_unsharded_outputs() {
    let t = tempfile::tempdir().unwrap();
    let whole = t.path().join("whole");
    let err = stderr(&mut translate(&whole, &[], &[]));
    assert!(!err.contains("shard"), "{err}");
    for n in 1..=4usize {
        let out = t.path().join(format!("n{n}"));
        // The N processes run at once, into one --out tree.
        let children: Vec<_> = (0..n)
            .map(|k| {
                let mut c = Command::new(assert_cmd::cargo::cargo_bin("mova"));
                c.arg("translate")
                    .args(inputs())
                    .arg("--model")
                    .arg(model("echo-nllb"))
                    .arg("--out")
                    .arg(&out)
                    .arg("--no-cache");
                c.arg("--shard")
                    .arg(format!("{k}/{n}"))
                    .arg("--stats")
                    .arg(t.path().join(format!("stats-{n}-{k}.json")));
                c.stderr(Stdio::piped()).spawn().unwrap()
            })
            .collect();
        let mut articles = 0;
        for (k, child) in children.into_iter().enumerate() {
            let o = child.wait_with_output().unwrap();
            let err = String::from_utf8(o.stderr).unwrap();
            assert!(o.status.success(), "{err}");
            let (x, y) = share(&err);
            assert_eq!(y, 6, "{err}");
            let stats: serde_json::Value =
                serde_json::from_str(&fs::read_to_string(t.path().join(format!("stats-{n}-{k}.json"))).unwrap())
                    .unwrap();
            assert_eq!(
                stats["shard"],
                serde_json::json!({"index": k, "count": n, "articles": x, "of": 6, "from": format!("--shard {k}/{n}")})
            );
            assert_eq!(stats["articles"], x, "{stats}");
            articles += x;
        }
        assert_eq!(articles, 6, "{n} shards");
        same_outputs(&whole, &out, n);
    }
}

#[test]
fn slurm_and_kubernetes_give_the_shard() {
    let t = tempfile::tempdir().unwrap();
    let (flag, slurm, k8s, both) =
        (t.path().join("flag"), t.path().join("slurm"), t.path().join("k8s"), t.path().join("both"));
    let err = stderr(&mut translate(&flag, &["--shard", "1/2"], &[]));
    assert!(err.contains(" (--shard 1/2)\n"), "{err}");
    // --array=1-2: task 2 is shard 1 of 2.
    let env = [
        ("SLURM_ARRAY_TASK_ID", "2"),
        ("SLURM_ARRAY_TASK_COUNT", "2"),
        ("SLURM_ARRAY_TASK_MIN", "1"),
        ("SLURM_ARRAY_TASK_MAX", "2"),
    ];
    let err = stderr(&mut translate(&slurm, &[], &env));
    let (x, _) = share(&err);
    assert!(
        err.contains(&format!(
            "mova: shard 1/2: {x} of 6 articles (SLURM_ARRAY_TASK_ID=2 of 2, from 1 in steps of 1)\n"
        )),
        "{err}"
    );
    let err = stderr(&mut translate(&k8s, &["--shards", "2"], &[("JOB_COMPLETION_INDEX", "1")]));
    assert!(
        err.contains(&format!("mova: shard 1/2: {x} of 6 articles (JOB_COMPLETION_INDEX=1, --shards 2)\n")),
        "{err}"
    );
    // An explicit --shard wins over the environment.
    let err = stderr(&mut translate(
        &both,
        &["--shard", "1/2"],
        &[("SLURM_ARRAY_TASK_ID", "0"), ("SLURM_ARRAY_TASK_COUNT", "4")],
    ));
    assert!(err.contains(" (--shard 1/2)\n"), "{err}");
    let tree = |d: &Path| files(d).into_iter().map(|f| (f.clone(), fs::read(d.join(f)).unwrap())).collect::<Vec<_>>();
    assert!(!tree(&flag).is_empty());
    for other in [&slurm, &k8s, &both] {
        assert_eq!(tree(other), tree(&flag));
    }
}

#[test]
fn a_shard_with_no_articles_succeeds_and_writes_nothing() {
    let t = tempfile::tempdir().unwrap();
    let one = repo("examples/articles/grodno-border.txt");
    let mut written = 0;
    for k in 0..2 {
        let out = t.path().join(format!("o{k}"));
        let mut c = mova();
        c.arg("translate")
            .arg(&one)
            .arg("--model")
            .arg(model("echo-nllb"))
            .arg("--out")
            .arg(&out)
            .arg("--shard")
            .arg(format!("{k}/2"));
        let err = stderr(&mut c);
        if files(&out).is_empty() {
            assert_eq!(
                err,
                format!(
                    "mova: shard {k}/2: 0 of 1 articles (--shard {k}/2): nothing to translate; no output written\n"
                )
            );
        } else {
            assert_eq!(files(&out), ["grodno-border.be.txt", "grodno-border.ru.txt"]);
            written += 1;
        }
    }
    assert_eq!(written, 1);
}

/// Flags, environment, and the message a run with them fails with.
type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);

#[test]
fn bad_shards_are_one_line_errors() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("o");
    let cases: [Case; 7] = [
        (&["--shard", "4/4"], &[], "--shard 4/4: K must be below N (shards are numbered 0 to 3)"),
        (&["--shard", "0/0"], &[], "--shard 0/0: N must be at least 1"),
        (&["--shard", "2"], &[], "--shard 2: not K/N; write e.g. 0/4 for the first of 4 shards"),
        (
            &["--shards", "4"],
            &[],
            "--shards 4: which shard this is is unknown; pass --shard K/4, or run as a Slurm array task (SLURM_ARRAY_TASK_ID) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX)",
        ),
        (
            &[],
            &[("JOB_COMPLETION_INDEX", "2")],
            "JOB_COMPLETION_INDEX=2 is set (a Kubernetes Indexed Job) but --shards is not; pass --shards N with the Job's completions (or --shard 0/1 to translate everything)",
        ),
        (
            &[],
            &[("SLURM_ARRAY_TASK_ID", "7"), ("SLURM_ARRAY_TASK_COUNT", "4")],
            "SLURM_ARRAY_TASK_ID=7 of 4: task 7 is not one of the shards 0 to 3; submit a contiguous array (sbatch --array=0-3) or pass --shard K/N",
        ),
        (&["--shards", "3"], &[("JOB_COMPLETION_INDEX", "3")], "JOB_COMPLETION_INDEX=3 with --shards 3: K must be below N (shards are numbered 0 to 2); set --shards to the Job's completions"),
    ];
    for (flags, env, message) in cases {
        assert_eq!(failure(&mut translate(&out, flags, env)), format!("mova: {message}\n"));
    }
    let mut c = mova();
    c.arg("translate")
        .arg("-")
        .arg("--model")
        .arg(model("echo-nllb"))
        .arg("--out")
        .arg(&out)
        .arg("--shard")
        .arg("0/2")
        .write_stdin("Hello.\n");
    assert_eq!(failure(&mut c), "mova: --shard 0/2: stdin (-) cannot be split between shards (each shard would read a stdin of its own); give files or directories\n");
    assert!(!out.exists());
}
