//! Model families: how a model is told which language to produce.
//!
//! In: a model's target vocabulary. Out: its [`Family`], and for each target
//! language the tokens to put before the source and to force at the start of the
//! target, following CTranslate2's guide for each family.

use std::collections::HashSet;
use std::fmt;

use crate::lang::Lang;

/// How a model selects its output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Family {
    /// NLLB-200: source `[eng_Latn, pieces…, </s>]`, target prefix `[rus_Cyrl]`.
    Nllb,
    /// M2M-100: source `[__en__, pieces…, </s>]`, target prefix `[__ru__]`.
    M2m,
    /// OPUS-MT multi-target (e.g. tc-big en-zle): source `[>>rus<<, pieces…, </s>]`.
    OpusMt,
    /// One model per target language (OPUS-MT en-ru, Argos): source `[pieces…]`.
    Bilingual,
}

impl Family {
    /// Detects the family from the target vocabulary.
    pub fn detect(vocab: &[String]) -> Family {
        // One pass over the vocabulary (NLLB's is 256k pieces) for the few markers.
        const MARKERS: [&str; 8] =
            ["rus_Cyrl", "bel_Cyrl", "eng_Latn", "__ru__", "__be__", "__en__", ">>rus<<", ">>bel<<"];
        let found: HashSet<&str> = vocab.iter().map(String::as_str).filter(|t| MARKERS.contains(t)).collect();
        let has = |t: &str| found.contains(t);
        if has("rus_Cyrl") || has("bel_Cyrl") || has("eng_Latn") {
            Family::Nllb
        } else if has("__ru__") || has("__be__") || has("__en__") {
            Family::M2m
        } else if has(">>rus<<") || has(">>bel<<") {
            Family::OpusMt
        } else {
            Family::Bilingual
        }
    }

    /// The token that selects `lang`, if the family has one.
    pub fn lang_token(self, lang: Lang) -> Option<&'static str> {
        match (self, lang) {
            (Family::Nllb, Lang::Ru) => Some("rus_Cyrl"),
            (Family::Nllb, Lang::Be) => Some("bel_Cyrl"),
            (Family::M2m, Lang::Ru) => Some("__ru__"),
            (Family::M2m, Lang::Be) => Some("__be__"),
            (Family::OpusMt, Lang::Ru) => Some(">>rus<<"),
            (Family::OpusMt, Lang::Be) => Some(">>bel<<"),
            (Family::Bilingual, _) => None,
        }
    }

    /// The token naming English as the source language, if the family has one.
    pub fn source_lang_token(self) -> Option<&'static str> {
        match self {
            Family::Nllb => Some("eng_Latn"),
            Family::M2m => Some("__en__"),
            Family::OpusMt | Family::Bilingual => None,
        }
    }

    /// Whether the target-language token goes first in the source (OPUS-MT) rather
    /// than in the target prefix (NLLB, M2M-100).
    pub fn target_token_in_source(self) -> bool {
        self == Family::OpusMt
    }

    /// Whether decoding starts from a forced target-language token (NLLB, M2M-100).
    pub fn has_target_prefix(self) -> bool {
        matches!(self, Family::Nllb | Family::M2m)
    }

    /// Whether one model serves several target languages.
    pub fn is_multilingual(self) -> bool {
        self != Family::Bilingual
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Family::Nllb => "NLLB",
            Family::M2m => "M2M-100",
            Family::OpusMt => "OPUS-MT multi-target",
            Family::Bilingual => "bilingual",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(tokens: &[&str]) -> Vec<String> {
        tokens.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn detects_each_family() {
        assert_eq!(Family::detect(&vocab(&["a", "rus_Cyrl"])), Family::Nllb);
        assert_eq!(Family::detect(&vocab(&["__be__"])), Family::M2m);
        assert_eq!(Family::detect(&vocab(&[">>bel<<", ">>ukr<<"])), Family::OpusMt);
        assert_eq!(Family::detect(&vocab(&["▁the"])), Family::Bilingual);
    }
}
