//! The inference engine seam: what the pipeline needs from a translation model.
//!
//! In: sentences as text (tokenised by the engine's own tokenizer), then batches of
//! source token sequences (pieces plus the family's language and end tokens,
//! [`Tokens`]) and optional forced target prefixes. Out: the best hypothesis of
//! each source, as tokens, and its text.
//!
//! [`Backend`] is the seam; [`Engine`] ([`ct2`]) is the real one, CTranslate2
//! through ct2rs; [`StandIn`] ([`stand_in`]) is a deterministic one in memory,
//! for tests of the pipeline and for trying the library without a model.

pub mod ct2;
pub mod stand_in;

use std::path::Path;

use crate::cache::Cache;
use crate::error::Result;
use crate::lang::Lang;

pub use ct2::{default_threads, split_threads, Engine, EngineOptions, Restricted};
pub use stand_in::StandIn;

/// The tokens a model wants around each sentence's pieces for one target.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    /// Before the pieces (`eng_Latn`, `__en__`, `>>bel<<`).
    pub source_prefix: Vec<String>,
    /// After the pieces (`</s>` unless CTranslate2 adds it).
    pub source_suffix: Vec<String>,
    /// Forced start of the output (`rus_Cyrl`, `__be__`), removed from the result.
    pub target_prefix: Vec<String>,
}

/// Something that translates token batches: CTranslate2 ([`Engine`]), or a
/// stand-in ([`StandIn`]). Shared by the pipeline's threads: one batch runs per
/// replica at a time.
pub trait Backend: Send + Sync {
    /// The model's path, naming it in messages and errors.
    fn path(&self) -> &Path;

    /// The tokens around each sentence for a target `lang`; an error when the
    /// model cannot produce `lang`.
    fn tokens(&self, lang: Lang) -> Result<Tokens>;

    /// Source pieces of `text`.
    fn encode(&self, text: &str) -> Result<Vec<String>>;

    /// Text of output pieces.
    fn decode(&self, pieces: &[String]) -> Result<String>;

    /// Translates one batch: the best hypothesis of each source, as tokens;
    /// `prefixes`, when given, has one entry per source. The error is the
    /// engine's message (the pipeline adds the model and the batch number).
    fn translate_batch(
        &self,
        sources: &[Vec<String>],
        prefixes: Option<&[Vec<String>]>,
    ) -> std::result::Result<Vec<Vec<String>>, String>;

    /// Batches that can run at the same time.
    fn replicas(&self) -> usize {
        1
    }

    /// Longest source, in tokens, translated whole (longer ones are cut at clause
    /// boundaries or passed through).
    fn max_source_tokens(&self) -> usize;

    /// What identifies the model's weights in the translation `cache`.
    fn fingerprint(&self, cache: &Cache) -> Result<String>;

    /// Decoding settings that change the output, for the translation cache.
    fn decoding(&self) -> String;

    /// The output vocabulary's restriction, when it is restricted.
    fn restricted(&self) -> Option<Restricted> {
        None
    }
}
