//! Run statistics: counts and seconds per stage, summed across targets, printed
//! as the one-line summary at the end of `mova translate`.

use std::fmt;
use std::time::Duration;

/// What a run did and how long each stage took.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    /// Articles read (a JSON Lines file counts each record).
    pub articles: usize,
    /// Sentences in the input (with repeats).
    pub sentences: usize,
    /// Distinct sentences, translated once per target.
    pub unique: usize,
    /// Sentence translations the engine produced (all targets).
    pub translated: usize,
    /// Sentence translations found in the translation cache.
    pub cached: usize,
    /// Sentence translations reused from earlier in this run (repeats across chunks).
    pub reused: usize,
    /// Distinct sentences too long for the model, cut at clause boundaries (per tokenizer).
    pub cut: usize,
    /// Source tokens sent to the engine, all targets.
    pub source_tokens: usize,
    /// Output tokens produced, all targets.
    pub output_tokens: usize,
    /// Batches sent to the engine, all targets.
    pub batches: usize,
    /// Target languages.
    pub targets: usize,
    /// Reading and checking inputs.
    pub read: Duration,
    /// Loading models.
    pub load: Duration,
    /// Segmentation, deduplication and tokenisation.
    pub prepare: Duration,
    /// Inference: batch time summed over engine replicas.
    pub translate: Duration,
    /// The pipeline from first article to last output (its stages overlap).
    pub wall: Duration,
    /// Detokenisation and reassembly.
    pub assemble: Duration,
    /// Writing outputs.
    pub write: Duration,
    /// Finding names (gazetteer, derivation) and post-editing them.
    pub names: Duration,
    /// Name words mova put right in the output.
    pub renamed: usize,
}

impl Stats {
    /// Sentences (with repeats, all targets) per second of everything but model
    /// loading: reading and checking the inputs, then the pipeline's wall time.
    pub fn sentences_per_second(&self) -> f64 {
        let secs = (self.read + self.wall).as_secs_f64();
        if secs > 0.0 {
            (self.sentences * self.targets) as f64 / secs
        } else {
            0.0
        }
    }
}

impl Stats {
    /// The counts, the seconds of each stage and the throughput as one JSON
    /// object (`mova translate --stats FILE`).
    pub fn to_json(&self) -> serde_json::Value {
        let s = |d: Duration| (d.as_secs_f64() * 1e4).round() / 1e4;
        serde_json::json!({
            "articles": self.articles, "sentences": self.sentences, "unique": self.unique,
            "translated": self.translated, "cached": self.cached, "reused": self.reused, "cut": self.cut,
            "targets": self.targets, "batches": self.batches,
            "source_tokens": self.source_tokens, "output_tokens": self.output_tokens, "renamed": self.renamed,
            "seconds": {
                "read": s(self.read), "load": s(self.load), "pipeline": s(self.wall), "prepare": s(self.prepare),
                "translate": s(self.translate), "names": s(self.names), "assemble": s(self.assemble), "write": s(self.write),
            },
            "sentences_per_second": (self.sentences_per_second() * 100.0).round() / 100.0,
        })
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = |d: Duration| d.as_secs_f64();
        let cut = if self.cut > 0 { format!(", {} cut at clause boundaries", self.cut) } else { String::new() };
        write!(
            f,
            "{} articles, {} sentences ({} unique{cut}), {} targets: {} translated in {} batches ({} → {} tokens), {} from the cache, {} repeats; \
             {} names put right; read {:.2}s, load {:.2}s, then {:.2}s (prepare {:.2}s, translate {:.2}s, names {:.2}s, assemble {:.2}s, write {:.2}s, overlapping); \
             {:.1} sentences/s",
            self.articles,
            self.sentences,
            self.unique,
            self.targets,
            self.translated,
            self.batches,
            self.source_tokens,
            self.output_tokens,
            self.cached,
            self.reused,
            self.renamed,
            s(self.read),
            s(self.load),
            s(self.wall),
            s(self.prepare),
            s(self.translate),
            s(self.names),
            s(self.assemble),
            s(self.write),
            self.sentences_per_second()
        )
    }
}
