//! Transliteration: Russian and Belarusian Cyrillic ↔ Latin by every major
//! romanization standard, each one a data file.
//!
//! In: Cyrillic text and a [`Scheme`] (from `models/translit/<lang>/<id>.scheme`,
//! see [`scheme`] for the format). Out: Latin text ([`Compiled::forward`]), with
//! the Cyrillic letters the scheme does not cover reported, not mangled; and for
//! reversible schemes the exact way back ([`Compiled::reverse`]). Input is NFC
//! first; Latin, digits and punctuation pass through; capitals follow the
//! source, whole-word capitals included ("ЩУКА" → "SHCHUKA").

mod apply;
mod candidates;
mod lm;
pub mod scheme;

pub use apply::{Compiled, Transliterated};
pub use candidates::{Candidate, Reverser};
pub use scheme::Scheme;

use crate::error::{Error, Result};
use crate::lang::Lang;

/// The built-in schemes, compiled.
pub struct Registry {
    schemes: Vec<(Scheme, Compiled)>,
}

impl Registry {
    /// Loads and checks every scheme shipped with mova.
    pub fn builtin() -> Result<Registry> {
        let schemes = scheme::builtin()?.into_iter().map(|s| {
            let c = Compiled::new(&s);
            (s, c)
        });
        Ok(Registry { schemes: schemes.collect() })
    }

    /// The built-in registry, loaded once per process.
    pub fn shared() -> Result<&'static Registry> {
        static SHARED: std::sync::OnceLock<std::result::Result<Registry, String>> = std::sync::OnceLock::new();
        match SHARED.get_or_init(|| Registry::builtin().map_err(|e| e.to_string())) {
            Ok(r) => Ok(r),
            Err(e) => Err(Error::Usage(e.clone())),
        }
    }

    /// Every scheme, by language then id.
    pub fn schemes(&self) -> impl Iterator<Item = &Scheme> {
        self.schemes.iter().map(|(s, _)| s)
    }

    /// Latin → Cyrillic candidates for `lang` from all its schemes, ranked by
    /// a character model of the language's words (`models/translit/words/`).
    pub fn reverser(&self, lang: Lang) -> Reverser<'_> {
        self.reverser_with(lang, Registry::words(lang))
    }

    /// The same with another word list (`word<TAB>count` lines).
    pub fn reverser_with(&self, lang: Lang, words: &str) -> Reverser<'_> {
        Reverser::new(lang, self.schemes.iter().map(|(s, c)| (s, c)), words)
    }

    /// The built-in word list of `lang`.
    pub fn words(lang: Lang) -> &'static str {
        match lang {
            Lang::Ru => include_str!("../../../../models/translit/words/ru.tsv"),
            Lang::Be => include_str!("../../../../models/translit/words/be.tsv"),
        }
    }

    /// The scheme `id` for `lang`.
    pub fn get(&self, lang: Lang, id: &str) -> Result<(&Scheme, &Compiled)> {
        self.schemes.iter().find(|(s, _)| s.lang == lang && s.id == id).map(|(s, c)| (s, c)).ok_or_else(|| {
            let known: Vec<&str> =
                self.schemes.iter().filter(|(s, _)| s.lang == lang).map(|(s, _)| s.id.as_str()).collect();
            Error::Usage(format!(
                "no scheme `{id}` for {}; schemes: {} (mova translit --list)",
                lang.name(),
                known.join(", ")
            ))
        })
    }
}

#[cfg(test)]
mod tests;
