//! End-to-end throughput: the raw engine call against `mova translate`, on the same
//! model, sentences and decoding settings, measured in one run.
//!
//! Run it with `scripts/bench` (builds the Transformer-base-shaped echo model first),
//! or directly:
//!   MOVA_BENCH_MODEL=DIR MOVA_BENCH_INPUT=FILE cargo bench --bench e2e
//! Environment: MOVA_BENCH_BEAM (4), MOVA_BENCH_SENTENCES (all), MOVA_BENCH_BUDGETS
//! (token budgets tried for the raw call, "2048,4096,8192"; the best one is the limit),
//! MOVA_BENCH_THREADS (0: all cores), MOVA_BENCH_REPEAT (1: rounds of raw, mova).
//!
//! - raw: pre-tokenised sources, one `translate_batch` call with CTranslate2's own
//!   length sorting and token batching: the engine's limit.
//! - mova: the library pipeline as `mova translate` runs it (read, segment,
//!   deduplicate, tokenise, batch, translate, detokenise, reassemble, write).
//!
//! Both exclude model loading. Output of both is checked against the input (the
//! echo model copies it), so a fast wrong answer cannot pass; for that, mova runs
//! with normalisation and typography off (their cost is in `benches/stages.rs`).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use ct2rs::sys::{BatchType, Config, TranslationOptions, Translator};
use mova::engine::{Engine, EngineOptions};
use mova::input;
use mova::normalize::Rules;
use mova::model::ModelDir;
use mova::route::Route;
use mova::translate::{self, NoProgress, Settings};
use mova::{output, Lang};

fn env_or(key: &str, default: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| default.to_string())
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("e2e: bench");
        return;
    }
    let model = PathBuf::from(env_or("MOVA_BENCH_MODEL", concat!(env!("CARGO_MANIFEST_DIR"), "/models/test/echo-en-ru")));
    let input = PathBuf::from(env_or("MOVA_BENCH_INPUT", concat!(env!("CARGO_MANIFEST_DIR"), "/models/test/spm/train.txt")));
    let beam: usize = env_or("MOVA_BENCH_BEAM", "4").parse().expect("MOVA_BENCH_BEAM");
    let threads: usize = env_or("MOVA_BENCH_THREADS", "0").parse().expect("MOVA_BENCH_THREADS");
    let threads = if threads == 0 { mova::engine::default_threads() } else { threads };
    let budgets: Vec<usize> = env_or("MOVA_BENCH_BUDGETS", "2048,4096,8192").split(',').map(|b| b.trim().parse().expect("budget")).collect();
    let mut lines: Vec<String> = std::fs::read_to_string(&input).expect("input").lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect();
    if let Ok(n) = std::env::var("MOVA_BENCH_SENTENCES") {
        lines.truncate(n.parse().expect("MOVA_BENCH_SENTENCES"));
    }
    let dir = ModelDir::inspect(&model, None, None).expect("model");
    println!("model {} ({}), {} sentences from {}, beam {beam}, {threads} threads", model.display(), dir.family, lines.len(), input.display());

    // One line per paragraph, so segmentation keeps each input line one sentence
    // unit; the raw call gets exactly the same sentences.
    let work = tempfile::tempdir().expect("tempdir");
    let text_path = work.path().join("input.txt");
    std::fs::write(&text_path, lines.join("\n\n") + "\n").expect("write input");

    let engine = Arc::new(Engine::load(dir, EngineOptions { beam, threads, ..EngineOptions::default() }).expect("load"));
    let route = Route::new(Lang::Ru, engine.clone()).expect("route");

    // raw: exactly the distinct sentences mova will translate (segmentation can
    // split a line), pre-tokenised.
    let text = std::fs::read_to_string(&text_path).expect("input");
    let docs: Vec<_> = input::discover(std::slice::from_ref(&text_path), None).expect("discover").iter().map(|s| input::read(s, false).expect("read")).collect();
    let sentences = translate::distinct_sentences(&docs, Rules::NONE);
    let sources: Vec<Vec<String>> = sentences.iter().map(|s| route.source(&engine.encode(s).expect("encode"))).collect();
    println!("{} lines, {} distinct sentences after segmentation", lines.len(), sources.len());
    let translator = Translator::new(&model, &Config { num_threads_per_replica: threads, ..Config::default() }).expect("raw load");
    let raw = |budget: usize| -> f64 {
        let options = TranslationOptions { beam_size: beam, max_batch_size: budget, batch_type: BatchType::Tokens, max_decoding_length: 512, ..TranslationOptions::default() };
        let t = Instant::now();
        let res = match route.prefix() {
            Some(p) => translator.translate_batch_with_target_prefix(&sources, &vec![p.to_vec(); sources.len()], &options, None),
            None => translator.translate_batch(&sources, &options, None),
        }
        .expect("raw translate");
        let secs = t.elapsed().as_secs_f64();
        let tokens: usize = res.iter().map(|r| r.hypotheses[0].len()).sum();
        println!("raw   budget {budget:>6}: {secs:7.2}s {:8.2} sentences/s {:9.1} output tokens/s", sources.len() as f64 / secs, tokens as f64 / secs);
        secs
    };
    let mova = |budget: usize| -> f64 {
        let t = Instant::now();
        let sources = input::discover(std::slice::from_ref(&text_path), None).expect("discover");
        let docs: Vec<_> = sources.iter().map(|s| input::read(s, false).expect("read")).collect();
        let (translated, stats) = translate::run(&docs, std::slice::from_ref(&route), &Settings { max_batch_tokens: budget, normalize: Rules::NONE, typography: None, ..Settings::default() }, None, &NoProgress).expect("translate");
        let out_dir = work.path().join("out");
        for tr in &translated {
            let doc = &docs[tr.doc];
            output::write_atomic(&output::path_for(&out_dir, &doc.stem, doc.ext, tr.lang), &output::render(doc, tr).expect("render")).expect("write");
        }
        let secs = t.elapsed().as_secs_f64();
        let got = std::fs::read_to_string(out_dir.join("input.ru.txt")).expect("output");
        assert_eq!(got, text, "echo output must equal input");
        println!(
            "mova  budget {budget:>6}: {secs:7.2}s {:8.2} sentences/s {:9.1} output tokens/s ({} unique of {})",
            stats.unique as f64 / secs,
            stats.output_tokens as f64 / secs,
            stats.unique,
            stats.sentences
        );
        secs
    };
    // Alternate the two so drift on the machine hits both alike; keep the best of each.
    let repeat: usize = env_or("MOVA_BENCH_REPEAT", "1").parse().expect("MOVA_BENCH_REPEAT");
    let mut best = (0usize, f64::MAX);
    let mut mova_best = f64::MAX;
    for _ in 0..repeat {
        for &budget in &budgets {
            let r = raw(budget);
            if r < best.1 {
                best = (budget, r);
            }
            mova_best = mova_best.min(mova(budget));
        }
    }
    let n = sources.len() as f64;
    println!("best: raw {:.2} sentences/s (budget {}), mova {:.2} sentences/s, mova/raw {:.3}", n / best.1, best.0, n / mova_best, best.1 / mova_best);
}
