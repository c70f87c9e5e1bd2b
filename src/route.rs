//! Routes: which engine translates into which language, and how its input looks.
//!
//! In: a target [`Lang`] and a loaded [`Engine`]. Out: for each sentence's pieces,
//! the exact source tokens and target prefix the model family expects, and the
//! output tokens with the prefix removed.

use std::sync::Arc;

use crate::engine::Engine;
use crate::error::Result;
use crate::lang::Lang;

/// How one target language is produced.
#[derive(Debug, Clone)]
pub struct Route {
    /// The target language.
    pub lang: Lang,
    /// The engine that produces it (shared when one model serves both targets).
    pub engine: Arc<Engine>,
    /// Tokens before the pieces (`eng_Latn`, `__en__`, `>>bel<<`).
    pub source_prefix: Vec<String>,
    /// Tokens after the pieces (`</s>` unless CTranslate2 adds it).
    pub source_suffix: Vec<String>,
    /// Forced start of the output (`rus_Cyrl`, `__be__`), removed from the result.
    pub target_prefix: Vec<String>,
}

impl Route {
    /// The route into `lang` through `engine`; checks the model can produce `lang`.
    pub fn new(lang: Lang, engine: Arc<Engine>) -> Result<Route> {
        let dir = engine.dir();
        dir.check_target(lang)?;
        let family = dir.family;
        let lang_token = family.lang_token(lang).map(str::to_string);
        let mut source_prefix = Vec::new();
        let mut target_prefix = Vec::new();
        if family.target_token_in_source() {
            source_prefix.extend(lang_token);
        } else {
            source_prefix.extend(family.source_lang_token().map(str::to_string));
            target_prefix.extend(lang_token);
        }
        let source_suffix = if dir.append_eos() { vec![dir.config.eos_token.clone()] } else { Vec::new() };
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
        Arc::ptr_eq(&self.engine, &other.engine)
    }
}
