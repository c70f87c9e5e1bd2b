//! Planning a chunk of articles for translation, and rebuilding it afterwards.
//!
//! In: [`Document`]s (already laid out into units). [`plan`] normalises each unit
//! and segments it into sentences (Rayon), keeping each sentence's byte range in
//! the original unit, and deduplicates identical sentences: a [`Plan`].
//! [`parts`] tokenises one distinct sentence for an engine, cutting it at clause
//! boundaries when longer than the model takes ([`segment::cut`]).
//! Out, once every distinct sentence is translated: [`assemble`] rebuilds each
//! unit from its translated sentences and the original gaps between them, and
//! typesets it ([`crate::typography`]): a [`Translated`] per document and target.
//! No sentence is lost or reordered: each occurrence maps to its distinct
//! sentence by index.

use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;

use crate::engine::Backend;
use crate::error::Result;
use crate::input::Document;
use crate::lang::Lang;
use crate::names::{Change, Notes, Suspect};
use crate::normalize::Rules;
use crate::segment;
use crate::sentences::unit_sentences;
use crate::typography::{self, Typography};

/// The translation of one document into one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Translated {
    /// Target language.
    pub lang: Lang,
    /// Index of the document in the run's input.
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

/// The distinct sentences of `docs`, in first-seen order, as the engine gets them
/// (normalised, whitespace collapsed): exactly what the pipeline translates.
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

/// One part of a sentence: pieces for the engine, or text passed through as it is.
pub enum Part {
    Pieces(Vec<String>),
    Verbatim(String),
}

/// The parts of `sentence` for `engine`: one, or, when longer than `limit`
/// pieces, cut at clause boundaries; a part still longer than the engine takes
/// whole (`hard`: a run without spaces, a URL, a data: URI, a hash) is passed
/// through unchanged, where the engine would cut it short.
pub fn parts(engine: &dyn Backend, sentence: &str, limit: usize, hard: usize) -> Result<Vec<Part>> {
    let pieces = engine.encode(sentence)?;
    if pieces.len() <= limit {
        return Ok(vec![Part::Pieces(pieces)]);
    }
    let fits = |p: &str| engine.encode(p).map_or(true, |t| t.len() <= limit);
    segment::cut::pieces(sentence, &fits)
        .into_iter()
        .map(|r| {
            let text = &sentence[r];
            let pieces = engine.encode(text)?;
            Ok(if pieces.len() > hard { Part::Verbatim(text.to_string()) } else { Part::Pieces(pieces) })
        })
        .collect()
}

/// Each document of `docs` rebuilt in `lang` from the translations of `plan`'s
/// distinct sentences, typeset; `doc` indices count within `docs`.
pub fn assemble(
    docs: &[Document],
    plan: &Plan,
    lang: Lang,
    translations: &[String],
    notes: &[Notes],
    typography: Option<&Typography>,
) -> Vec<Translated> {
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
    fn rebuild_keeps_gaps() {
        let unit = UnitPlan { sentences: vec![(0..3, 1), (5..8, 0)] };
        let t = vec!["X".to_string(), "Y".to_string()];
        assert_eq!(rebuild_unit("Ab.\n Cd. ", &unit, &t), "Y\n X ");
    }
}
