//! Routes: which engine translates into which language, and how its input looks.
//!
//! In: a target [`Lang`] and a loaded engine ([`Backend`]). Out: for each
//! sentence's pieces, the exact source tokens and target prefix the model family
//! expects, and the output tokens with the prefix removed.

use std::sync::Arc;

use crate::engine::{Backend, Tokens};
use crate::error::Result;
use crate::lang::Lang;

/// How one target language is produced.
#[derive(Clone)]
pub struct Route {
    /// The target language.
    pub lang: Lang,
    /// The engine that produces it (shared when one model serves both targets).
    pub engine: Arc<dyn Backend>,
    /// Tokens before the pieces (`eng_Latn`, `__en__`, `>>bel<<`).
    pub source_prefix: Vec<String>,
    /// Tokens after the pieces (`</s>` unless CTranslate2 adds it).
    pub source_suffix: Vec<String>,
    /// Forced start of the output (`rus_Cyrl`, `__be__`), removed from the result.
    pub target_prefix: Vec<String>,
}

impl Route {
    /// The route into `lang` through `engine`; checks the model can produce `lang`.
    pub fn new(lang: Lang, engine: Arc<dyn Backend>) -> Result<Route> {
        let Tokens { source_prefix, source_suffix, target_prefix } = engine.tokens(lang)?;
        Ok(Route { lang, engine, source_prefix, source_suffix, target_prefix })
    }

    /// The source tokens for `pieces`.
    pub fn source(&self, pieces: &[String]) -> Vec<String> {
        let mut out = Vec::with_capacity(pieces.len() + self.source_prefix.len() + self.source_suffix.len());
        out.extend_from_slice(&self.source_prefix);
        out.extend_from_slice(pieces);
        out.extend_from_slice(&self.source_suffix);
        out
    }

    /// The target prefix to force, if any.
    pub fn prefix(&self) -> Option<&[String]> {
        (!self.target_prefix.is_empty()).then_some(self.target_prefix.as_slice())
    }

    /// `hypothesis` without the forced prefix.
    pub fn strip<'a>(&self, hypothesis: &'a [String]) -> &'a [String] {
        hypothesis.strip_prefix(self.target_prefix.as_slice()).unwrap_or(hypothesis)
    }

    /// Whether `other` uses the same engine and tokens for the source, so source
    /// pieces can be shared.
    pub fn same_engine(&self, other: &Route) -> bool {
        std::ptr::addr_eq(Arc::as_ptr(&self.engine), Arc::as_ptr(&other.engine))
    }
}

impl std::fmt::Debug for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Route")
            .field("lang", &self.lang)
            .field("engine", &self.engine.path())
            .field("target_prefix", &self.target_prefix)
            .finish()
    }
}
