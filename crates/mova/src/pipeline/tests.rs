//! The pipeline through the stand-in engine: order, deduplication, cache,
//! failure, interrupt and backpressure, exactly and without a model.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use super::{wrong_start, CHUNKS_IN_FLIGHT};
use crate::cache::Cache;
use crate::engine::stand_in::Mode;
use crate::engine::StandIn;
use crate::error::{Error, Result};
use crate::input::Document;
use crate::normalize::Rules;
use crate::sentences::unit_sentences;
use crate::stats::Stats;
use crate::translate::{Translated, Translator, TranslatorBuilder};
use crate::Lang;

/// A translator into `langs` through one shared stand-in; small chunks and
/// batches so that a few articles make many of both.
fn translator(engine: &Arc<StandIn>, langs: &[Lang]) -> TranslatorBuilder {
    let mut b = Translator::builder().targets(langs).typography(None).chunk_bytes(100).max_batch_tokens(12);
    for &l in langs {
        b = b.engine(l, engine.clone());
    }
    b
}

fn articles(n: usize, text: impl Fn(usize) -> String) -> Vec<Document> {
    (0..n).map(|i| Document::from_text(format!("a{i}"), text(i))).collect()
}

/// The documents' names and translations as the sink got them, and the stats.
fn run(t: &Translator, docs: Vec<Document>) -> (Result<Stats>, Vec<(String, Vec<Translated>)>) {
    let mut got = Vec::new();
    let stats = t.translate(docs.into_iter().map(Ok), |d, tr| {
        got.push((d.stem.display().to_string(), tr));
        Ok(())
    });
    (stats, got)
}

/// `unit` with each sentence as the stand-in makes it, the gaps kept.
fn expect(engine: &StandIn, unit: &str) -> String {
    let (mut out, mut pos) = (String::new(), 0);
    for (r, s) in unit_sentences(unit, Rules::default()) {
        out.push_str(&unit[pos..r.start]);
        out.push_str(&engine.expected(&s));
        pos = r.end;
    }
    out + &unit[pos..]
}

fn text(t: &Translated) -> String {
    t.texts.iter().flatten().cloned().collect::<Vec<_>>().join("\n\n")
}

#[test]
fn output_must_start_with_its_forced_language_token() {
    let t = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let ru = t(&["rus_Cyrl"]);
    assert_eq!(wrong_start(Some(&ru), &t(&["rus_Cyrl", "▁Минск"])), None);
    assert_eq!(wrong_start(None, &t(&["eng_Latn"])), None);
    assert_eq!(
        wrong_start(Some(&ru), &t(&["eng_Latn", "▁Минск"])).unwrap(),
        "the output starts with eng_Latn instead of the forced rus_Cyrl; translate with the full output vocabulary"
    );
    assert!(wrong_start(Some(&ru), &[]).unwrap().contains("starts with nothing"));
}

#[test]
fn order_is_kept_across_chunks_batches_and_replicas() {
    // Three replicas and a forced target token: batches finish out of order,
    // Russian and Belarusian requests share them.
    let engine = Arc::new(StandIn::new(Mode::Reverse).replicas(3).forced_prefix().delay(Duration::from_millis(1)));
    let t = translator(&engine, &[Lang::Ru, Lang::Be]).build().unwrap();
    let docs = articles(30, |i| {
        format!("Article {i} opens here. It has {} words in all.\n\nA second paragraph of article {i}.", i * 7)
    });
    let want: Vec<String> = docs
        .iter()
        .map(|d| d.texts()[0].unit_texts().map(|u| expect(&engine, u)).collect::<Vec<_>>().join("\n\n"))
        .collect();
    let (stats, got) = run(&t, docs);
    let stats = stats.unwrap();
    assert_eq!(
        got.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        (0..30).map(|i| format!("a{i}")).collect::<Vec<_>>()
    );
    for ((_, tr), want) in got.iter().zip(&want) {
        assert_eq!(tr.iter().map(|t| t.lang).collect::<Vec<_>>(), [Lang::Ru, Lang::Be]);
        assert_eq!(&text(&tr[0]), want);
        assert_eq!(text(&tr[0]), text(&tr[1]));
    }
    assert!(stats.batches > 10 && engine.batches() == stats.batches, "{stats:?}");
    assert_eq!((stats.articles, stats.sentences, stats.targets), (30, 90, 2));
}

#[test]
fn a_sentence_is_translated_once_per_target_however_often_it_repeats() {
    // Repeats inside a chunk, and in later chunks while the first is in flight.
    let engine = Arc::new(StandIn::new(Mode::Upper).replicas(2).delay(Duration::from_millis(2)));
    let t = translator(&engine, &[Lang::Ru, Lang::Be]).build().unwrap();
    let docs = articles(24, |i| format!("The wire story repeats. Outlet {} adds this. The wire story repeats.", i % 5));
    let (stats, got) = run(&t, docs);
    let stats = stats.unwrap();
    let mut seen = engine.seen();
    let n = seen.len();
    seen.sort();
    seen.dedup();
    // One engine for both targets: each distinct sentence once per target.
    assert_eq!((n, seen.len()), (12, 6));
    assert_eq!(stats.translated, 12);
    assert!(stats.reused > 0, "{stats:?}");
    for (i, (_, tr)) in got.iter().enumerate() {
        assert_eq!(
            text(&tr[1]),
            format!("THE WIRE STORY REPEATS. OUTLET {} ADDS THIS. THE WIRE STORY REPEATS.", i % 5)
        );
    }
}

#[test]
fn a_second_run_is_answered_from_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite");
    let docs = || articles(6, |i| format!("Sentence number {i} is here. And one more."));
    let first = Arc::new(StandIn::new(Mode::Upper));
    let t = translator(&first, &[Lang::Ru]).cache(Cache::open(&path)).build().unwrap();
    let (stats, a) = run(&t, docs());
    assert_eq!((stats.unwrap().cached, first.seen().len()), (0, 7));
    drop(t);
    let second = Arc::new(StandIn::new(Mode::Upper));
    let t = translator(&second, &[Lang::Ru]).cache(Cache::open(&path)).build().unwrap();
    let (stats, b) = run(&t, docs());
    let stats = stats.unwrap();
    assert_eq!((stats.cached, stats.translated, second.batches()), (7, 0, 0));
    assert_eq!(a, b);
    // Another engine (another fingerprint) does not see those translations.
    let other = Arc::new(StandIn::new(Mode::Reverse));
    let t = translator(&other, &[Lang::Ru]).cache(Cache::open(&path)).build().unwrap();
    assert_eq!(run(&t, docs()).0.unwrap().cached, 0);
}

#[test]
fn a_failing_batch_stops_the_run_with_its_number_and_the_engine_message() {
    let engine = Arc::new(StandIn::new(Mode::Upper).failing_on("BOOM"));
    let t = translator(&engine, &[Lang::Ru]).build().unwrap();
    let docs =
        articles(20, |i| if i == 12 { "This one goes BOOM now.".to_string() } else { format!("Article {i} is fine.") });
    let (result, got) = run(&t, docs);
    let e = result.unwrap_err();
    assert!(matches!(&e, Error::Engine { batch, .. } if *batch > 0), "{e:?}");
    assert!(
        e.to_string().starts_with("stand-in:upper: translation failed in batch ")
            && e.to_string().ends_with(": stand-in failure on `BOOM`"),
        "{e}"
    );
    // Documents before the failing one may be given out; it and later ones never.
    assert!(got.len() <= 12, "{} documents given out", got.len());
    // The translator is not spent: the next run goes through.
    let (result, got) = run(&t, articles(3, |i| format!("Article {i} is fine.")));
    assert_eq!((result.unwrap().articles, got.len()), (3, 3));
}

#[test]
fn a_stop_ends_the_run_as_interrupted() {
    let engine = Arc::new(StandIn::new(Mode::Upper).delay(Duration::from_millis(5)));
    let t = translator(&engine, &[Lang::Ru]).build().unwrap();
    let stop = t.stop_flag();
    let docs = articles(40, |i| format!("Article {i} says something new."));
    let mut got = 0;
    let result = t.translate(docs.into_iter().map(Ok), |_, _| {
        got += 1;
        stop.store(true, Ordering::SeqCst);
        Ok(())
    });
    assert!(matches!(result, Err(Error::Interrupted)), "{result:?}");
    assert!(got < 40 && engine.batches() < 40, "{got} documents, {} batches", engine.batches());
}

#[test]
fn reading_ahead_is_bounded_while_the_engine_is_slow() {
    let engine = Arc::new(StandIn::new(Mode::Echo).delay(Duration::from_millis(3)));
    let t = translator(&engine, &[Lang::Ru]).chunk_bytes(1).build().unwrap();
    let pulled = Arc::new(AtomicUsize::new(0));
    let counter = pulled.clone();
    let docs = articles(30, |i| format!("Article {i} is one chunk.")).into_iter().map(move |d| {
        counter.fetch_add(1, Ordering::SeqCst);
        Ok(d)
    });
    let mut ahead = 0;
    let mut given = 0;
    t.translate(docs, |_, _| {
        given += 1;
        ahead = ahead.max(pulled.load(Ordering::SeqCst) - given);
        Ok(())
    })
    .unwrap();
    assert_eq!(given, 30);
    // Chunks in flight, plus the one document read before waiting for room.
    assert!(ahead <= CHUNKS_IN_FLIGHT + 1, "read {ahead} documents ahead");
    assert!(ahead >= 1);
}

#[test]
fn a_sink_error_stops_the_run() {
    let engine = Arc::new(StandIn::new(Mode::Echo));
    let t = translator(&engine, &[Lang::Ru]).build().unwrap();
    let mut calls = 0;
    let result = t.translate(articles(10, |i| format!("Text {i}.")).into_iter().map(Ok), |_, _| {
        calls += 1;
        Err(Error::Usage("disk full".into()))
    });
    assert_eq!((result.unwrap_err().to_string(), calls), ("disk full".to_string(), 1));
}
