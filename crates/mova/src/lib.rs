//! mova: translate batches of English news articles into Russian and Belarusian
//! with a CTranslate2 model, keeping every name right.
//!
//! The entry point is [`Translator`] ([`translate`]): built once from model
//! directories, targets, a cache and settings, it translates documents. What it
//! runs, one module per stage, each a small piece with one job:
//!
//! 1. [`input`]: files, directories and stdin → [`input::Document`]s, checked whole
//!    ([`decode`]: bytes → UTF-8 text).
//! 2. [`layout`]: an article's text → units (paragraphs, headings, captions) as byte
//!    ranges; everything else is kept verbatim.
//! 3. [`normalize`]: a unit → the text the model reads, with every change mapped
//!    back to the source; [`segment`]: that text → sentence byte ranges
//!    ([`sentences`] puts the two together).
//! 4. [`model`] and [`family`]: a model directory → how to feed it; [`route`]: the
//!    exact source tokens and target prefix for each target language.
//! 5. [`engine`]: token batches → output tokens, through the [`engine::Backend`]
//!    trait: CTranslate2 ([`engine::Engine`]) or a stand-in ([`engine::StandIn`]).
//! 6. [`pipeline`]: runs stages 3–5 over all articles in three overlapping
//!    stages: [`plan`] deduplicates a chunk's sentences, [`batch`] cuts
//!    length-sorted, token-budgeted batches, [`cache`] answers those seen before;
//!    each unit is rebuilt from its translated sentences and the source's gaps,
//!    and typeset ([`typography`]).
//! 7. [`output`]: translated units → `<stem>.<lang>.<ext>`, written atomically.
//!
//! [`shard`] splits a run's articles between N processes (job arrays); each
//! may keep its own [`cache`], merged afterwards ([`cache::merge`]).
//!
//! [`names`] finds the names of the English and puts them right in each
//! translation (run by the pipeline, and by [`postedit`] on translations made
//! anywhere: `mova fix`).
//!
//! The text modules ([`lang`], [`error`], [`data`], [`decode`], [`layout`],
//! [`normalize`], [`segment`], [`sentences`], [`typography`], [`translit`],
//! [`names`], [`postedit`], [`stream`]) are the `mova-text` crate, which builds
//! without CTranslate2; they are re-exported here unchanged.

pub mod batch;
pub mod cache;
pub mod engine;
pub mod family;
pub mod input;
pub mod model;
pub mod models;
pub mod output;
pub mod pipeline;
pub mod plan;
pub mod route;
pub mod shard;
pub mod stats;
pub mod translate;
pub mod vocab;

// The text stages live in `mova-text` (no engine); re-exported so one crate
// gives the whole library.
pub use mova_text::{
    data, decode, error, lang, layout, names, normalize, postedit, segment, sentences, stream, translit, typography,
};

pub use error::{Error, Result};
pub use lang::Lang;
pub use translate::Translator;
