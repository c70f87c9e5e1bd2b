//! A 100 MB file on one line goes through `mova normalize` and `mova segment` in
//! bounded memory. Alone in its test binary, so the peak resident size of this
//! process's children (getrusage) is the binary's own.

mod common;

use std::fs;
use std::io::Write;

use common::mova;

fn peak_child_rss_mib() -> f64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage writes into the struct we own.
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) }, 0);
    usage.ru_maxrss as f64 / 1024.0 // kilobytes on Linux
}

#[test]
fn a_100_mb_single_line_in_bounded_memory() {
    let d = tempfile::tempdir().unwrap();
    let big = d.path().join("big.txt");
    let unit = "Police in Minsk detained Mr. Smith at 9:30 a.m. on Aug. 9, officials said\u{A0}\u{201C}again\u{201D}. ";
    let mut f = std::io::BufWriter::new(fs::File::create(&big).unwrap());
    let mut written = 0;
    while written < 100 << 20 {
        f.write_all(unit.as_bytes()).unwrap();
        written += unit.len();
    }
    f.flush().unwrap();
    drop(f);

    let out = d.path().join("normalized.txt");
    mova().arg("normalize").arg(&big).arg("-o").arg(&out).assert().success();
    let len = fs::metadata(&out).unwrap().len() as usize;
    let per_unit = "Police in Minsk detained Mr. Smith at 9:30 a.m. on Aug. 9, officials said \"again\". ".len();
    assert_eq!(len, written / unit.len() * per_unit);

    let seg = d.path().join("sentences.txt");
    mova().arg("segment").arg(&big).arg("-o").arg(&seg).assert().success();
    let text = fs::read_to_string(&seg).unwrap();
    assert_eq!(text.lines().count(), written / unit.len());
    assert!(text
        .lines()
        .all(|l| l == "Police in Minsk detained Mr. Smith at 9:30 a.m. on Aug. 9, officials said \"again\"."));

    let peak = peak_child_rss_mib();
    eprintln!("peak resident size of mova on 100 MB: {peak:.1} MiB");
    assert!(peak < 100.0, "mova used {peak:.1} MiB for a 100 MB input");
}
