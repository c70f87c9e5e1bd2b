//! Criterion benchmarks of the CPU stages around inference: layout, segmentation
//! and batch planning. Run: `cargo bench --bench stages`.
//! Input: mova's example articles repeated to about 1 MB (no external data).

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use mova::{batch, layout, segment, translate};

fn corpus() -> String {
    let mut one = String::new();
    for name in ["grodno-border", "kolesnikova-trial", "minsk-protests-2020"] {
        let p = format!("{}/examples/articles/{name}.txt", env!("CARGO_MANIFEST_DIR"));
        one.push_str(&std::fs::read_to_string(p).expect("example article"));
        one.push('\n');
    }
    one.repeat((1 << 20) / one.len() + 1)
}

fn stages(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("layout", |b| b.iter(|| layout::units(black_box(&text))));
    let units: Vec<&str> = layout::units(&text).into_iter().map(|u| &text[u.range]).collect();
    g.bench_function("segment", |b| b.iter(|| units.iter().map(|u| segment::sentences(black_box(u)).len()).sum::<usize>()));
    g.bench_function("model_text", |b| b.iter(|| units.iter().map(|u| translate::model_text(black_box(u)).len()).sum::<usize>()));
    g.finish();
    let lengths: Vec<usize> = (0..100_000).map(|i| 5 + (i * 7919) % 120).collect();
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Elements(lengths.len() as u64));
    g.bench_function("plan_100k", |b| b.iter(|| batch::plan(black_box(&lengths), 4096).len()));
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
