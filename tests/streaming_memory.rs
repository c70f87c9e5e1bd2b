//! `mova translate` streams: 10,000 articles (a 10 MB JSON Lines file) take no
//! more memory than 1,000 of them (beyond what the allocator fragments), and every article comes out, in order.

mod common;

use std::fs;
use std::path::Path;
use std::process::Stdio;

use common::{model, repo};

/// Runs mova with `args`; returns its peak resident size in MiB (from wait4).
#[allow(clippy::zombie_processes)] // reaped by wait4 below, which also gives the rusage
fn peak_rss_mib(args: &[&std::ffi::OsStr]) -> f64 {
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mova"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child and writes into structs we own.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32);
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "mova failed: {status}");
    usage.ru_maxrss as f64 / 1024.0
}

/// `n` articles of five paragraphs drawn from the example articles, so they
/// repeat as wire copy does.
fn articles(path: &Path, n: usize) {
    let mut paragraphs = Vec::new();
    for e in fs::read_dir(repo("examples/articles")).unwrap() {
        let text = fs::read_to_string(e.unwrap().path()).unwrap();
        paragraphs.extend(text.split("\n\n").map(str::trim).filter(|p| p.len() > 40).map(str::to_string));
    }
    paragraphs.sort();
    let mut out = String::new();
    let mut x: u64 = 7;
    for i in 0..n {
        let mut body = Vec::new();
        for _ in 0..5 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            body.push(paragraphs[(x >> 33) as usize % paragraphs.len()].as_str());
        }
        out.push_str(
            &serde_json::json!({"id": format!("a{i}"), "title": format!("Report {i}"), "body": body.join("\n\n")})
                .to_string(),
        );
        out.push('\n');
    }
    fs::write(path, out).unwrap();
}

#[test]
fn ten_thousand_articles_in_the_memory_of_a_thousand() {
    let d = tempfile::tempdir().unwrap();
    let (small, big) = (d.path().join("small.jsonl"), d.path().join("big.jsonl"));
    articles(&small, 1_000);
    articles(&big, 10_000);
    assert!(fs::metadata(&big).unwrap().len() > 8 << 20);
    let m = model("echo-m2m");
    let run = |input: &Path, out: &str| {
        let out = d.path().join(out);
        let args: Vec<&std::ffi::OsStr> = vec![
            "translate".as_ref(),
            input.as_os_str(),
            "--model".as_ref(),
            m.as_os_str(),
            "--no-cache".as_ref(),
            "--out".as_ref(),
            out.as_os_str(),
        ];
        let args: Vec<std::ffi::OsString> = args.into_iter().map(|a| a.to_os_string()).collect();
        peak_rss_mib(&args.iter().map(|a| a.as_os_str()).collect::<Vec<_>>())
    };
    let a = run(&small, "o1");
    let b = run(&big, "o2");
    assert!(b < a + 48.0, "10,000 articles peaked at {b:.0} MiB, 1,000 at {a:.0} MiB: the input is held, not streamed");
    for lang in ["ru", "be"] {
        let text = fs::read_to_string(d.path().join(format!("o2/big.{lang}.jsonl"))).unwrap();
        let ids: Vec<String> = text
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(ids.len(), 10_000);
        assert!(ids.iter().enumerate().all(|(i, id)| *id == format!("a{i}")));
    }
}
