//! The segmentation gold set: hand-checked sentence boundaries of English news
//! paragraphs (tests/data/segment/). Each paragraph goes through the pipeline's
//! text stages (normalise, segment, map back to the source); its boundaries are
//! compared with the gold ones. Boundary F1 must be at least 0.99.

use mova_text::normalize::{normalize, Rules};
use mova_text::segment::sentences;

struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    sentences: usize,
    errors: Vec<String>,
}

fn score(file: &str, s: &mut Score) {
    let data =
        std::fs::read_to_string(format!("{}/tests/data/segment/{file}", concat!(env!("CARGO_MANIFEST_DIR"), "/../..")))
            .unwrap();
    let body: String = data.lines().filter(|l| !l.starts_with('#')).map(|l| format!("{l}\n")).collect();
    for para in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let gold: Vec<&str> = para.lines().collect();
        s.sentences += gold.len();
        let text = gold.join(" ");
        let mut ends = Vec::new();
        let mut pos = 0;
        for g in &gold[..gold.len() - 1] {
            pos += g.len();
            ends.push(pos);
            pos += 1;
        }
        let n = normalize(&text, Rules::default());
        let got: Vec<usize> =
            sentences(&n.text).iter().map(|r| n.original_range(r.clone()).end).filter(|&e| e < text.len()).collect();
        let tp = got.iter().filter(|e| ends.contains(e)).count();
        s.tp += tp;
        s.fp += got.len() - tp;
        s.fn_ += ends.len() - tp;
        if tp != got.len() || tp != ends.len() {
            let mut show = String::new();
            let mut last = 0;
            for e in &got {
                show.push_str(&text[last..*e]);
                show.push_str(" ‖");
                last = *e;
            }
            show.push_str(&text[last..]);
            s.errors.push(format!("{file}: got: {show}"));
        }
    }
}

#[test]
fn gold_boundary_f1_is_at_least_99_percent() {
    let mut s = Score { tp: 0, fp: 0, fn_: 0, sentences: 0, errors: Vec::new() };
    for file in ["hard-cases.txt", "flores.txt"] {
        score(file, &mut s);
    }
    let p = s.tp as f64 / (s.tp + s.fp).max(1) as f64;
    let r = s.tp as f64 / (s.tp + s.fn_).max(1) as f64;
    let f1 = 2.0 * p * r / (p + r).max(f64::EPSILON);
    eprintln!(
        "gold: {} sentences, {} inner boundaries; precision {p:.4}, recall {r:.4}, F1 {f1:.4}",
        s.sentences,
        s.tp + s.fn_
    );
    for e in &s.errors {
        eprintln!("  {e}");
    }
    assert!(s.sentences >= 300, "the gold set has {} sentences", s.sentences);
    assert!(f1 >= 0.99, "boundary F1 {f1:.4} < 0.99");
}
