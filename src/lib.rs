//! mova: translate batches of English news articles into Russian and Belarusian
//! with a CTranslate2 model, keeping every name right.
//!
//! The pipeline, one module per stage, each a small piece with one job:
//!
//! 1. [`input`]: files, directories and stdin → [`input::Document`]s, checked whole.
//! 2. [`layout`]: an article's text → units (paragraphs, headings, captions) as byte
//!    ranges; everything else is kept verbatim.
//! 3. [`normalize`]: a unit → the text the model reads, with every change mapped
//!    back to the source; [`segment`]: that text → sentence byte ranges.
//! 4. [`model`] and [`family`]: a model directory → how to feed it; [`route`]: the
//!    exact source tokens and target prefix for each target language.
//! 5. [`engine`]: token batches → output tokens through CTranslate2 ([`batch`] cuts
//!    length-sorted, token-budgeted batches).
//! 6. [`translate`]: runs stages 3–5 over all articles, deduplicating sentences,
//!    rebuilds each unit from its translated sentences and the source's gaps, and
//!    typesets it ([`typography`]).
//! 7. [`output`]: translated units → `<stem>.<lang>.<ext>`, written atomically.
//!
//! [`names`] finds the names of the English and puts them right in each
//! translation (run by the pipeline, and by [`postedit`] on translations made
//! anywhere: `mova fix`).
//!
//! [`stream`] feeds the text stages run alone in bounded memory.

pub mod batch;
pub mod cache;
pub mod data;
pub mod engine;
pub mod error;
pub mod family;
pub mod input;
pub mod lang;
pub mod layout;
pub mod model;
pub mod names;
pub mod normalize;
pub mod output;
pub mod pipeline;
pub mod postedit;
pub mod route;
pub mod segment;
pub mod stats;
pub mod stream;
pub mod translate;
pub mod translit;
pub mod typography;
pub mod vocab;

pub use error::{Error, Result};
pub use lang::Lang;
