//! Criterion benchmarks of the CPU stages around inference, in MB/s of input:
//! normalisation and segmentation on one core and on all cores (Rayon), layout,
//! transliteration (FLORES dev Russian and Belarusian, 4 MiB), typography, and
//! batch planning, and the English side of the name stage on 10, 20 and 40 MB
//! single paragraphs. Run: `cargo bench --bench stages`.
//!
//! Corpus: FLORES-200 dev English (tests/data/flores, as paragraphs of three
//! sentences) and mova's example articles, repeated to 5 MiB.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use mova::normalize::{normalize, Rules};
use mova::typography::{self, Typography};
use mova::{batch, layout, segment, sentences, Lang};
use rayon::prelude::*;

const CORPUS_BYTES: usize = 5 << 20;

fn corpus() -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let flores = std::fs::read_to_string(format!("{root}/tests/data/flores/flores-dev.en")).expect("FLORES dev");
    let mut one = String::new();
    for (i, line) in flores.lines().enumerate() {
        one.push_str(line);
        one.push_str(if i % 3 == 2 { "\n\n" } else { " " });
    }
    for name in ["grodno-border", "kolesnikova-trial", "minsk-protests-2020"] {
        one.push_str(
            &std::fs::read_to_string(format!("{root}/examples/articles/{name}.txt")).expect("example article"),
        );
        one.push('\n');
    }
    one.repeat(CORPUS_BYTES / one.len() + 1)
}

fn text_stages(c: &mut Criterion) {
    let text = corpus();
    let units: Vec<&str> = layout::units(&text).into_iter().map(|u| &text[u.range]).collect();
    let normalized: Vec<String> = units.iter().map(|u| normalize(u, Rules::default()).text).collect();
    let bytes: usize = units.iter().map(|u| u.len()).sum();
    let threads = rayon::current_num_threads();

    let mut g = c.benchmark_group("text");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(BenchmarkId::new("normalize", "1 core"), |b| {
        b.iter(|| units.iter().map(|u| normalize(black_box(u), Rules::default()).text.len()).sum::<usize>())
    });
    g.bench_function(BenchmarkId::new("normalize", format!("{threads} cores")), |b| {
        b.iter(|| units.par_iter().map(|u| normalize(black_box(u), Rules::default()).text.len()).sum::<usize>())
    });
    g.bench_function(BenchmarkId::new("segment", "1 core"), |b| {
        b.iter(|| normalized.iter().map(|u| segment::sentences(black_box(u)).len()).sum::<usize>())
    });
    g.bench_function(BenchmarkId::new("segment", format!("{threads} cores")), |b| {
        b.iter(|| normalized.par_iter().map(|u| segment::sentences(black_box(u)).len()).sum::<usize>())
    });
    g.bench_function(BenchmarkId::new("normalize+segment", "1 core"), |b| {
        b.iter(|| units.iter().map(|u| sentences::unit_sentences(black_box(u), Rules::default()).len()).sum::<usize>())
    });
    g.bench_function(BenchmarkId::new("normalize+segment", format!("{threads} cores")), |b| {
        b.iter(|| {
            units.par_iter().map(|u| sentences::unit_sentences(black_box(u), Rules::default()).len()).sum::<usize>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("layout");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("units", |b| b.iter(|| layout::units(black_box(&text)).len()));
    g.finish();
}

fn translit(c: &mut Criterion) {
    let reg = mova::translit::Registry::builtin().expect("schemes");
    let root = env!("CARGO_MANIFEST_DIR");
    let mut g = c.benchmark_group("translit");
    g.sample_size(10);
    for (lang, file, ids) in [
        (Lang::Ru, "flores-dev.ru", ["iso9", "gost-b", "bgn-pcgn", "press"]),
        (Lang::Be, "flores-dev.be", ["iso9", "national-2007", "lacinka", "press"]),
    ] {
        let one = std::fs::read_to_string(format!("{root}/tests/data/flores/{file}")).expect("FLORES dev");
        let text = one.repeat((4 << 20) / one.len() + 1);
        let lines: Vec<&str> = text.lines().collect();
        g.throughput(Throughput::Bytes(text.len() as u64));
        for id in ids {
            let (_, scheme) = reg.get(lang, id).expect("scheme");
            g.bench_function(BenchmarkId::new(format!("{lang} {id}"), "1 core"), |b| {
                b.iter(|| lines.iter().map(|l| scheme.forward(black_box(l)).text.len()).sum::<usize>())
            });
        }
    }
    g.finish();

    // Reverse candidates: press spellings of names back to Cyrillic.
    let names = [
        "Tsikhanouskaya",
        "Lukashenka",
        "Sviatlana",
        "Babaryka",
        "Kalesnikava",
        "Bialiatski",
        "Mahilyow",
        "Pratasevich",
    ];
    let rev = reg.reverser(Lang::Be);
    let mut g = c.benchmark_group("translit candidates");
    g.sample_size(10);
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function("be names, 5 each", |b| {
        b.iter(|| names.iter().map(|n| rev.candidates(black_box(n), 5, None).len()).sum::<usize>())
    });
    g.finish();
}

fn output_stages(c: &mut Criterion) {
    let ru = "Он сказал: \"Мы победили.\" Было 1000000 человек - рекорд, 5 км от центра. ".repeat(20_000);
    let mut g = c.benchmark_group("typography");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(ru.len() as u64));
    g.bench_function("ru", |b| b.iter(|| typography::apply(black_box(&ru), Lang::Ru, &Typography::default()).len()));
    g.finish();

    let lengths: Vec<usize> = (0..100_000).map(|i| 5 + (i * 7919) % 120).collect();
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Elements(lengths.len() as u64));
    g.bench_function("plan_100k", |b| b.iter(|| batch::plan(black_box(&lengths), 4096).len()));
    g.finish();
}

/// The English side of the name stage (`Namer::fixer`: known names, unknown
/// ones, variants resolved, derived, detector built) on one paragraph of news
/// sentences (the example articles' lines joined, as text without blank lines
/// arrives) of 10, 20 and 40 MB: time must grow linearly (issue 19).
fn names(c: &mut Criterion) {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut one = String::new();
    for name in ["grodno-border", "kolesnikova-trial", "minsk-protests-2020"] {
        let text = std::fs::read_to_string(format!("{root}/examples/articles/{name}.txt")).expect("example article");
        for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            one.push_str(line.trim());
            one.push(' ');
        }
    }
    let namer = mova::names::Namer::new(mova::names::Gazetteer::builtin()).expect("namer");
    let mut g = c.benchmark_group("names");
    g.sample_size(10);
    g.measurement_time(std::time::Duration::from_secs(20));
    for mb in [10, 20, 40] {
        let text = one.repeat((mb << 20) / one.len() + 1);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(BenchmarkId::new("fixer, one paragraph", format!("{mb} MB")), |b| {
            b.iter(|| namer.fixer(&[black_box(text.as_str())]).detector.entities.len())
        });
    }
    g.finish();
}

/// The name stage on FLORES-200 dev (997 English sentences, the human
/// Russian and Belarusian references as translations): finding the names
/// (`Namer::fixer`) and the post-edit of every sentence, each language.
fn post_edit(c: &mut Criterion) {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |l: &str| std::fs::read_to_string(format!("{root}/tests/data/flores/flores-dev.{l}")).expect("FLORES");
    let (en, ru, be) = (read("en"), read("ru"), read("be"));
    let en: Vec<&str> = en.lines().collect();
    let namer = mova::names::Namer::new(mova::names::Gazetteer::builtin()).expect("namer");
    let mut g = c.benchmark_group("post-edit");
    g.sample_size(10);
    g.throughput(Throughput::Elements(en.len() as u64));
    g.bench_function("find names, FLORES", |b| b.iter(|| namer.fixer(black_box(&en)).detector.entities.len()));
    let fixer = namer.fixer(&en);
    for (lang, refs) in [(mova::Lang::Ru, &ru), (mova::Lang::Be, &be)] {
        g.bench_function(BenchmarkId::new("fix, FLORES", lang.code()), |b| {
            b.iter(|| {
                en.iter()
                    .zip(refs.lines())
                    .map(|(s, t)| fixer.fix_all(s, black_box(t), lang).changes.len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, text_stages, translit, output_stages, names, post_edit);
criterion_main!(benches);
