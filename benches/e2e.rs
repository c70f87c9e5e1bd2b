//! The raw engine row of the throughput table: the engine's limit on the work
//! `mova translate` does for an input.
//!
//! Run through `scripts/bench` (which also runs `mova translate` and the Python
//! peer on the same model, input and decoding settings and prints one table), or:
//!   MOVA_BENCH_MODEL=DIR MOVA_BENCH_INPUT=FILE cargo bench --bench e2e
//! Environment: MOVA_BENCH_BEAM (4), MOVA_BENCH_BUDGETS (token budgets tried,
//! "512,1024,2048"; the best is the limit), MOVA_BENCH_THREADS (0: all cores),
//! MOVA_BENCH_REPLICAS (0: as mova chooses).
//!
//! Exactly the distinct sentences mova translates (same reading, normalisation,
//! segmentation and deduplication), pre-tokenised, given to one
//! `translate_batch` call with CTranslate2's own length sorting and token
//! batching, on the same replicas and threads mova uses. Model loading is
//! excluded. The echo model's output is checked against its input, so a fast
//! wrong answer cannot pass. Prints one JSON line per budget and one `best` line.

use std::path::PathBuf;
use std::time::Instant;

use ct2rs::sys::{BatchType, Config, TranslationOptions, Translator};
use mova::engine::{self, Backend, Engine, EngineOptions};
use mova::input;
use mova::model::ModelDir;
use mova::normalize::Rules;
use mova::route::Route;
use mova::translate;
use mova::Lang;

fn env_or(key: &str, default: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| default.to_string())
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("e2e: bench");
        return;
    }
    let model =
        PathBuf::from(env_or("MOVA_BENCH_MODEL", concat!(env!("CARGO_MANIFEST_DIR"), "/models/test/echo-en-ru")));
    let input =
        PathBuf::from(env_or("MOVA_BENCH_INPUT", concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles.jsonl")));
    let beam: usize = env_or("MOVA_BENCH_BEAM", "4").parse().expect("MOVA_BENCH_BEAM");
    let threads: usize = env_or("MOVA_BENCH_THREADS", "0").parse().expect("MOVA_BENCH_THREADS");
    let threads = if threads == 0 { engine::default_threads() } else { threads };
    let (replicas, per) =
        engine::split_threads(threads, env_or("MOVA_BENCH_REPLICAS", "0").parse().expect("MOVA_BENCH_REPLICAS"));
    let budgets: Vec<usize> =
        env_or("MOVA_BENCH_BUDGETS", "512,1024,2048").split(',').map(|b| b.trim().parse().expect("budget")).collect();

    let dir = ModelDir::inspect(&model, None, None).expect("model");
    let sources = input::discover(std::slice::from_ref(&input), None).expect("discover");
    let docs: Vec<_> = sources.iter().map(|s| input::read(s, false).expect("read")).collect();
    let sentences = translate::distinct_sentences(&docs, Rules::default());
    let engine = std::sync::Arc::new(
        Engine::load(dir, EngineOptions { beam, threads: 1, replicas: 1, ..EngineOptions::default() }).expect("load"),
    );
    let route = Route::new(Lang::Ru, engine.clone()).expect("route");
    let tokens: Vec<Vec<String>> = sentences.iter().map(|s| route.source(&engine.encode(s).expect("encode"))).collect();
    let config = Config { device_indices: vec![0; replicas], num_threads_per_replica: per, ..Config::default() };
    let translator = Translator::new(&model, &config).expect("raw load");
    eprintln!(
        "raw: {} distinct sentences of {}, beam {beam}, {replicas} replicas × {per} threads",
        tokens.len(),
        input.display()
    );

    let mut best: Option<(f64, usize, usize)> = None;
    for &budget in &budgets {
        let options = TranslationOptions {
            beam_size: beam,
            max_batch_size: budget,
            batch_type: BatchType::Tokens,
            max_decoding_length: 512,
            ..TranslationOptions::default()
        };
        let t = Instant::now();
        let res = match route.prefix() {
            Some(p) => {
                translator.translate_batch_with_target_prefix(&tokens, &vec![p.to_vec(); tokens.len()], &options, None)
            }
            None => translator.translate_batch(&tokens, &options, None),
        }
        .expect("raw translate");
        let secs = t.elapsed().as_secs_f64();
        let out: Vec<&[String]> = res.iter().map(|r| route.strip(&r.hypotheses[0])).collect();
        for (src, hyp) in tokens.iter().zip(&out) {
            let want = &src[route.source_prefix.len()..src.len() - route.source_suffix.len()];
            assert_eq!(*hyp, want, "the echo model must copy its input");
        }
        let output_tokens: usize = out.iter().map(|h| h.len()).sum();
        println!("{{\"row\":\"raw\",\"budget\":{budget},\"seconds\":{secs:.3},\"sentences\":{},\"output_tokens\":{output_tokens}}}", tokens.len());
        if best.is_none_or(|(s, _, _)| secs < s) {
            best = Some((secs, budget, output_tokens));
        }
    }
    let (secs, budget, output_tokens) = best.expect("at least one budget");
    println!("{{\"row\":\"raw-best\",\"budget\":{budget},\"seconds\":{secs:.3},\"sentences\":{},\"output_tokens\":{output_tokens}}}", tokens.len());
}
