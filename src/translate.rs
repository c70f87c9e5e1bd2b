//! The translation stage: every sentence of every article, into each target.
//!
//! In: [`Document`]s (already laid out into units) and one [`Route`] per target.
//! Out: for each document and target, the translated text of every unit, in the
//! order of [`Document::texts`] and their units, plus [`Stats`].
//!
//! Steps: normalise each unit and segment it into sentences (Rayon), keeping each
//! sentence's byte range in the original unit; deduplicate identical sentences
//! across all articles; tokenise the distinct ones once per tokenizer (Rayon),
//! cutting any longer than the model takes at clause boundaries
//! ([`segment::cut`]); per target, sort by length and cut token-budgeted batches
//! ([`crate::batch`]), run each batch through the engine, detokenise (Rayon);
//! then rebuild each unit from its translated sentences and the original gaps
//! between them, and typeset it ([`crate::typography`]). No sentence is lost or
//! reordered: each occurrence maps to its distinct sentence by index.

use std::collections::HashMap;
use std::ops::Range;
use std::time::Instant;

use rayon::prelude::*;

use crate::batch;
use crate::engine::Backend;
use crate::error::{Error, Result};
use crate::input::Document;
use crate::lang::Lang;
use crate::normalize::{self, Rules};
use crate::route::Route;
use crate::segment;
use crate::stats::Stats;
use crate::names::{Change, Fixer};
use crate::typography::{self, Typography};
use std::sync::Arc;

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
    pub names: Option<Arc<Fixer>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            max_batch_tokens: DEFAULT_MAX_BATCH_TOKENS,
            max_sentence_tokens: DEFAULT_MAX_SENTENCE_TOKENS,
            normalize: Rules::default(),
            typography: Some(Typography::default()),
            names: None,
        }
    }
}

/// Default token budget per batch.
pub const DEFAULT_MAX_BATCH_TOKENS: usize = 4096;
/// Default longest sentence given whole, in tokens: translation quality falls
/// well before the 512–1024 positions models have.
pub const DEFAULT_MAX_SENTENCE_TOKENS: usize = 256;

/// Receives progress, e.g. to draw a bar.
pub trait Progress: Sync {
    /// Translation into `lang` starts: `total` distinct sentences.
    fn start(&self, _lang: Lang, _total: usize) {}
    /// `n` more sentences are done.
    fn advance(&self, _n: usize) {}
    /// Translation into the current target is done.
    fn finish(&self) {}
}

/// Progress that goes nowhere.
pub struct NoProgress;
impl Progress for NoProgress {}

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
}

/// Sentences of one unit: byte ranges in the original unit and distinct-sentence ids.
struct UnitPlan {
    sentences: Vec<(Range<usize>, usize)>,
}

/// Distinct sentences of the whole input and where they occur.
struct Plan<'a> {
    units: Vec<UnitPlan>,
    unique: Vec<String>,
    unit_texts: Vec<&'a str>,
    occurrences: usize,
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

fn plan(docs: &[Document], rules: Rules) -> Plan<'_> {
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
    Plan { units, unique, unit_texts, occurrences }
}

/// Source pieces of each distinct sentence, as one or more parts: a sentence
/// longer than `limit` tokens is cut at clause boundaries.
fn encode_all(route: &Route, unique: &[String], limit: usize) -> Result<Vec<Vec<Vec<String>>>> {
    unique
        .par_iter()
        .map(|s| {
            let pieces = route.engine.encode(s)?;
            if pieces.len() <= limit {
                return Ok(vec![pieces]);
            }
            let fits = |p: &str| route.engine.encode(p).map_or(true, |t| t.len() <= limit);
            segment::cut::pieces(s, &fits).into_iter().map(|r| route.engine.encode(&s[r])).collect()
        })
        .collect()
}

/// Translates `docs` into the target of each route.
pub fn run(docs: &[Document], routes: &[Route], settings: &Settings, progress: &dyn Progress) -> Result<(Vec<Translated>, Stats)> {
    let mut stats = Stats { articles: docs.iter().map(Document::articles).sum(), targets: routes.len(), ..Stats::default() };
    let t0 = Instant::now();
    let plan = plan(docs, settings.normalize);
    stats.sentences = plan.occurrences;
    stats.unique = plan.unique.len();
    // Tokenise once per distinct engine (one multi-target model serves both targets).
    let mut pieces: Vec<(usize, Vec<Vec<Vec<String>>>)> = Vec::new();
    for (r, route) in routes.iter().enumerate() {
        if pieces.iter().any(|(o, _)| routes[*o].same_engine(route)) {
            continue;
        }
        let overhead = route.source(&[]).len();
        let limit = settings.max_sentence_tokens.min(route.engine.max_input_length()).saturating_sub(overhead).max(1);
        let encoded = encode_all(route, &plan.unique, limit)?;
        stats.cut += encoded.iter().filter(|parts| parts.len() > 1).count();
        pieces.push((r, encoded));
    }
    stats.prepare = t0.elapsed();

    let mut out = Vec::new();
    for route in routes {
        let Some((_, pieces)) = pieces.iter().find(|(o, _)| routes[*o].same_engine(route)) else { continue };
        let translations = translate_unique(route, pieces, settings, progress, &mut stats)?;
        let t = Instant::now();
        let (translations, changes): (Vec<String>, Vec<Vec<Change>>) = match &settings.names {
            Some(fixer) => plan.unique.par_iter().zip(translations.par_iter()).map(|(src, tr)| fixer.fix(src, tr, route.lang)).unzip(),
            None => (translations, Vec::new()),
        };
        stats.names += t.elapsed();
        stats.renamed += changes.iter().map(Vec::len).sum::<usize>();
        let t = Instant::now();
        out.extend(assemble(docs, &plan, route.lang, &translations, &changes, settings.typography.as_ref()));
        stats.assemble += t.elapsed();
    }
    Ok((out, stats))
}

fn translate_unique(
    route: &Route,
    parts: &[Vec<Vec<String>>],
    settings: &Settings,
    progress: &dyn Progress,
    stats: &mut Stats,
) -> Result<Vec<String>> {
    let sources: Vec<Vec<String>> = parts.par_iter().flatten().map(|p| route.source(p)).collect();
    let lengths: Vec<usize> = sources.iter().map(Vec::len).collect();
    let batches = batch::plan(&lengths, settings.max_batch_tokens);
    progress.start(route.lang, sources.len());
    let t = Instant::now();
    let mut outputs: Vec<Vec<String>> = vec![Vec::new(); sources.len()];
    for (b, members) in batches.iter().enumerate() {
        let batch: Vec<Vec<String>> = members.iter().map(|&i| sources[i].clone()).collect();
        let prefixes: Option<Vec<Vec<String>>> = route.prefix().map(|p| vec![p.to_vec(); batch.len()]);
        let results = route.engine.translate_batch(&batch, prefixes.as_deref()).map_err(|e| match e {
            Error::Engine { path, message, .. } => Error::Engine { path, batch: b, message },
            other => other,
        })?;
        if results.len() != members.len() {
            return Err(Error::Engine {
                path: route.engine.path().clone(),
                batch: b,
                message: format!("{} results for {} sentences", results.len(), members.len()),
            });
        }
        for (&i, hyp) in members.iter().zip(results) {
            outputs[i] = route.strip(&hyp).to_vec();
        }
        progress.advance(members.len());
    }
    progress.finish();
    stats.translate += t.elapsed();
    stats.batches += batches.len();
    stats.source_tokens += lengths.iter().sum::<usize>();
    stats.output_tokens += outputs.iter().map(Vec::len).sum::<usize>();
    let t = Instant::now();
    let texts = outputs.par_iter().map(|o| route.engine.decode(o)).collect::<Result<Vec<_>>>()?;
    // Glue the parts of cut sentences back together.
    let mut texts = texts.into_iter();
    let joined = parts.iter().map(|p| texts.by_ref().take(p.len()).collect::<Vec<_>>().join(" ")).collect();
    stats.assemble += t.elapsed();
    Ok(joined)
}

fn assemble(docs: &[Document], plan: &Plan<'_>, lang: Lang, translations: &[String], changes: &[Vec<Change>], typography: Option<&Typography>) -> Vec<Translated> {
    let mut unit = 0;
    let mut out = Vec::with_capacity(docs.len());
    for (d, doc) in docs.iter().enumerate() {
        let mut texts = Vec::new();
        let mut text_changes = Vec::new();
        for text in doc.texts() {
            let mut units = Vec::with_capacity(text.units.len());
            let mut these = Vec::new();
            for _ in &text.units {
                for (_, id) in &plan.units[unit].sentences {
                    these.extend(changes.get(*id).into_iter().flatten().cloned());
                }
                let text = rebuild_unit(plan.unit_texts[unit], &plan.units[unit], translations);
                units.push(match typography {
                    Some(t) => typography::apply(&text, lang, t),
                    None => text,
                });
                unit += 1;
            }
            texts.push(units);
            text_changes.push(these);
        }
        out.push(Translated { lang, doc: d, texts, changes: text_changes });
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
}
