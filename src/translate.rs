//! The translation stage's pieces, and the in-memory entry point.
//!
//! In: [`Document`]s (already laid out into units) and one [`Route`] per target.
//! Out: for each document and target, the translated text of every unit, in the
//! order of [`Document::texts`] and their units, plus [`Stats`].
//!
//! Pieces the [`pipeline`](crate::pipeline) runs: [`plan`] normalises each unit
//! and segments it into sentences (Rayon), keeping each sentence's byte range in
//! the original unit, and deduplicates identical sentences; [`encode`] tokenises
//! one, cutting it at clause boundaries when longer than the model takes
//! ([`segment::cut`]); [`assemble`] rebuilds each unit from its translated
//! sentences and the original gaps between them, and typesets it
//! ([`crate::typography`]). No sentence is lost or reordered: each occurrence
//! maps to its distinct sentence by index.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use rayon::prelude::*;

use crate::cache::Cache;
use crate::engine::Engine;
use crate::error::Result;
use crate::input::Document;
use crate::lang::Lang;
use crate::names::{Change, Namer, Notes, Suspect};
use crate::normalize::{self, Rules};
use crate::pipeline::Pipeline;
pub use crate::pipeline::{NoProgress, Progress};
use crate::route::Route;
use crate::segment;
use crate::stats::Stats;
use crate::typography::{self, Typography};

/// Settings of the translation stage.
#[derive(Clone)]
pub struct Settings {
    /// Padded tokens per batch (count × longest source).
    pub max_batch_tokens: usize,
    /// Longest sentence, in tokens, given to the model whole; longer ones are cut
    /// at clause boundaries (never above the engine's own limit).
    pub max_sentence_tokens: usize,
    /// Normalisation rules for the model's input.
    pub normalize: Rules,
    /// Output typography; `None` leaves the model's text as it is.
    pub typography: Option<Typography>,
    /// Name post-editing; `None` leaves the model's names as they are.
    pub names: Option<Arc<Namer>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            max_batch_tokens: default_max_batch_tokens(4),
            max_sentence_tokens: DEFAULT_MAX_SENTENCE_TOKENS,
            normalize: Rules::default(),
            typography: Some(Typography::default()),
            names: None,
        }
    }
}

/// Decoder tokens (source tokens × beam) per batch by default. The engine's
/// working memory grows with them. Measured on the Transformer-base bench model
/// (README, Performance): 1280 keeps a 10,000-article run within model + 300 MB
/// on two replicas with room for the allocator's swings (1536 did not, always),
/// at 2–8% less speed than 2048.
pub const DEFAULT_BATCH_DECODER_TOKENS: usize = 1280;

/// Default padded source tokens per batch for `beam`: 1280 greedy, 640 at
/// beam 2, 320 at beam 4.
pub fn default_max_batch_tokens(beam: usize) -> usize {
    (DEFAULT_BATCH_DECODER_TOKENS / beam.max(1)).max(64)
}
/// Default longest sentence given whole, in tokens: translation quality falls
/// well before the 512–1024 positions models have.
pub const DEFAULT_MAX_SENTENCE_TOKENS: usize = 256;

/// The translation of one document into one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Translated {
    /// Target language.
    pub lang: Lang,
    /// Index of the document in the input slice.
    pub doc: usize,
    /// For each text of the document, the translation of each of its units.
    pub texts: Vec<Vec<String>>,
    /// For each text of the document, the names mova put right.
    pub changes: Vec<Vec<Change>>,
    /// For each text of the document, the words left alone that may be wrong names.
    pub suspects: Vec<Vec<Suspect>>,
}

/// Sentences of one unit: byte ranges in the original unit and distinct-sentence ids.
pub(crate) struct UnitPlan {
    sentences: Vec<(Range<usize>, usize)>,
}

/// Distinct sentences of some documents and where they occur.
pub struct Plan {
    /// Each unit of each text of each document, in order.
    units: Vec<UnitPlan>,
    /// The distinct sentences, as the engine reads them, in first-seen order.
    pub unique: Vec<String>,
    /// Sentences with repeats.
    pub occurrences: usize,
}

/// Collapses whitespace runs (line breaks of hard-wrapped text included) into one space.
pub fn model_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The segments of one unit: (byte range in `unit`, the text the model reads).
pub fn unit_sentences(unit: &str, rules: Rules) -> Vec<(Range<usize>, String)> {
    let n = normalize::normalize(unit, rules);
    segment::sentences(&n.text).into_iter().map(|r| (n.original_range(r.clone()), model_text(&n.text[r]))).collect()
}

/// The distinct sentences of `docs`, in first-seen order, as the engine gets them
/// (normalised, whitespace collapsed): exactly what [`run`] translates.
pub fn distinct_sentences(docs: &[Document], rules: Rules) -> Vec<String> {
    plan(docs, rules).unique
}

/// Normalises, segments and deduplicates the sentences of `docs` (Rayon).
pub fn plan(docs: &[Document], rules: Rules) -> Plan {
    let unit_texts: Vec<&str> =
        docs.iter().flat_map(|d| d.texts()).flat_map(|t| t.unit_texts().collect::<Vec<_>>()).collect();
    let segmented: Vec<Vec<(Range<usize>, String)>> = unit_texts.par_iter().map(|t| unit_sentences(t, rules)).collect();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut unique = Vec::new();
    let mut occurrences = 0;
    let units = segmented
        .into_iter()
        .map(|sentences| UnitPlan {
            sentences: sentences
                .into_iter()
                .map(|(r, key)| {
                    occurrences += 1;
                    let id = *ids.entry(key).or_insert_with_key(|k| {
                        unique.push(k.clone());
                        unique.len() - 1
                    });
                    (r, id)
                })
                .collect(),
        })
        .collect();
    Plan { units, unique, occurrences }
}

/// Source pieces of `sentence`, as one or more parts: a sentence longer than
/// `limit` tokens is cut at clause boundaries.
pub fn encode(engine: &Engine, sentence: &str, limit: usize) -> Result<Vec<Vec<String>>> {
    let pieces = engine.encode(sentence)?;
    if pieces.len() <= limit {
        return Ok(vec![pieces]);
    }
    let fits = |p: &str| engine.encode(p).map_or(true, |t| t.len() <= limit);
    segment::cut::pieces(sentence, &fits).into_iter().map(|r| engine.encode(&sentence[r])).collect()
}

/// Translates `docs` into the target of each route, in memory; `cache`, when
/// given, answers sentences translated before and keeps the new ones.
pub fn run(docs: &[Document], routes: &[Route], settings: &Settings, cache: Option<&Cache>, progress: &dyn Progress) -> Result<(Vec<Translated>, Stats)> {
    let stop = AtomicBool::new(false);
    let pipeline = Pipeline { routes, settings, cache, stop: &stop, progress };
    let mut out = Vec::new();
    let stats = pipeline.run(docs.iter().cloned().map(Ok), |_, translated| {
        out.extend(translated);
        Ok(())
    })?;
    out.sort_by_key(|t| (routes.iter().position(|r| r.lang == t.lang), t.doc));
    Ok((out, stats))
}

/// Each document of `docs` rebuilt in `lang` from the translations of `plan`'s
/// distinct sentences, typeset; `doc` indices count within `docs`.
pub(crate) fn assemble(docs: &[Document], plan: &Plan, lang: Lang, translations: &[String], notes: &[Notes], typography: Option<&Typography>) -> Vec<Translated> {
    let mut unit = 0;
    let mut out = Vec::with_capacity(docs.len());
    for (d, doc) in docs.iter().enumerate() {
        let mut texts = Vec::new();
        let mut text_changes = Vec::new();
        let mut text_suspects = Vec::new();
        for text in doc.texts() {
            let mut units = Vec::with_capacity(text.units.len());
            let mut these = Vec::new();
            let mut unsure = Vec::new();
            for unit_text in text.unit_texts() {
                for (_, id) in &plan.units[unit].sentences {
                    if let Some(n) = notes.get(*id) {
                        these.extend(n.changes.iter().cloned());
                        unsure.extend(n.suspects.iter().cloned());
                    }
                }
                let text = rebuild_unit(unit_text, &plan.units[unit], translations);
                units.push(match typography {
                    Some(t) => typography::apply(&text, lang, t),
                    None => text,
                });
                unit += 1;
            }
            texts.push(units);
            text_changes.push(these);
            text_suspects.push(unsure);
        }
        out.push(Translated { lang, doc: d, texts, changes: text_changes, suspects: text_suspects });
    }
    out
}

/// The unit's text with each sentence replaced by its translation; the gaps
/// between sentences (spaces, line breaks) are kept.
fn rebuild_unit(text: &str, unit: &UnitPlan, translations: &[String]) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut pos = 0;
    for (range, id) in &unit.sentences {
        out.push_str(text.get(pos..range.start).unwrap_or_default());
        out.push_str(translations.get(*id).map_or("", String::as_str));
        pos = range.end;
    }
    out.push_str(text.get(pos..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_text_collapses_whitespace() {
        assert_eq!(model_text("  a\n b\t\tc  "), "a b c");
    }

    #[test]
    fn rebuild_keeps_gaps() {
        let unit = UnitPlan { sentences: vec![(0..3, 1), (5..8, 0)] };
        let t = vec!["X".to_string(), "Y".to_string()];
        assert_eq!(rebuild_unit("Ab.\n Cd. ", &unit, &t), "Y\n X ");
    }

    #[test]
    fn default_budget_keeps_decoder_tokens_per_batch() {
        assert_eq!([1, 2, 4, 5, 64].map(default_max_batch_tokens), [1280, 640, 320, 256, 64]);
        assert_eq!(default_max_batch_tokens(0), 1280);
    }
}
