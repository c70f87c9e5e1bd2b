//! Output vocabulary restriction: what Russian and Belarusian output can contain.
//!
//! In: a model's target vocabulary (in id order), its source vocabulary, its
//! family and the target languages. Out: a CTranslate2 vocabulary map
//! (`vmap.txt`: `SOURCE<TAB>TARGETS` per line, the empty source for tokens that
//! are always candidates) so that every decoding step scores a fraction of the
//! vocabulary:
//! - always: special and byte-fallback tokens, the targets' language tokens, and
//!   pieces made only of the targets' Cyrillic letters, punctuation, digits and
//!   symbols;
//! - per source piece: any other piece (Latin names, acronyms, URLs, other
//!   scripts) maps to itself, so whatever the source holds can be copied.
//!
//! Families that force a target-language token (NLLB, M2M-100) get one fixed set
//! instead: the above plus every Latin-script piece, and no per-source rules.
//! CTranslate2 4.8 keeps the original→output id map of the first restricted
//! batch (`Decoder::update_output_layer` emplaces into a map it never clears),
//! so when a later batch has a different candidate set its forced language
//! token lands on another token (`eng_Latn`, or out of range: "vector::
//! _M_range_check"). With the same candidates in every batch the map stays right.
//! Pieces of other scripts are then written through the byte tokens.
//!
//! Other languages' tokens (`fra_Latn`, `__de__`, `>>ukr<<`) are never candidates.

use std::collections::HashSet;

use crate::family::Family;
use crate::lang::Lang;

/// Letters of each target's alphabet (lower case; upper case is derived).
fn alphabet(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        Lang::Be => "абвгдеёжзйклмнопрстуўфхцчшыьэюяі",
    }
}

/// A restriction of the output vocabulary for some target languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restriction {
    /// Tokens that are always candidates.
    pub always: Vec<String>,
    /// Tokens that are candidates when the same piece is in the source (empty
    /// for a fixed set).
    pub copied: Vec<String>,
    /// Size of the full target vocabulary.
    pub full: usize,
}

/// Whether `token` names a language in the family's convention.
fn is_lang_token(token: &str) -> bool {
    let nllb =
        token.len() == 8 && token.as_bytes()[3] == b'_' && token[..3].chars().all(|c| c.is_ascii_lowercase()) && {
            let s = &token[4..];
            s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && s.chars().skip(1).all(|c| c.is_ascii_lowercase())
        };
    let m2m = token.len() >= 6
        && token.starts_with("__")
        && token.ends_with("__")
        && token[2..token.len() - 2].chars().all(|c| c.is_ascii_lowercase() || c == '_');
    let opus = token.starts_with(">>") && token.ends_with("<<") && token.len() > 4;
    nllb || m2m || opus
}

/// Whether every letter of `token` is Latin script (the Latin blocks up to
/// Latin Extended Additional; marks and non-letters allowed).
fn is_latin(token: &str) -> bool {
    token.chars().all(|c| {
        !c.is_alphabetic()
            || matches!(c as u32, 0x41..=0x5A | 0x61..=0x7A | 0xAA | 0xBA | 0xC0..=0x24F | 0x1E00..=0x1EFF)
    })
}

fn is_special(token: &str) -> bool {
    matches!(token, "<s>" | "</s>" | "<pad>" | "<unk>" | "<blank>" | "<mask>")
        || (token.starts_with("<0x") && token.ends_with('>') && token.len() == 6)
}

impl Restriction {
    /// The restriction for output in `langs` (one shared set when several: one
    /// model instance serves both targets in the same batches). Fixed (no
    /// per-source rules) for families with a target prefix; see the module doc.
    pub fn new(target_vocab: &[String], source_vocab: &HashSet<String>, family: Family, langs: &[Lang]) -> Restriction {
        let fixed = family.has_target_prefix();
        let letters: HashSet<char> =
            langs.iter().flat_map(|&l| alphabet(l).chars()).flat_map(|c| c.to_uppercase().chain([c])).collect();
        let targets: HashSet<&str> = langs.iter().filter_map(|&l| family.lang_token(l)).collect();
        let mut always = Vec::new();
        let mut copied = Vec::new();
        for t in target_vocab {
            let candidate = if is_special(t) {
                true
            } else if is_lang_token(t) {
                targets.contains(t.as_str())
            } else {
                // ▁ marks a word start; apostrophes belong to Belarusian words.
                t.chars().all(|c| c == '▁' || letters.contains(&c) || !c.is_alphabetic())
            };
            let copyable = !candidate && !is_lang_token(t) && source_vocab.contains(t);
            if candidate || (fixed && copyable && is_latin(t)) {
                always.push(t.clone());
            } else if copyable && !fixed {
                copied.push(t.clone());
            }
        }
        Restriction { always, copied, full: target_vocab.len() }
    }

    /// Candidates at every step.
    pub fn size(&self) -> usize {
        self.always.len()
    }

    /// The `vmap.txt` text.
    pub fn vmap(&self) -> String {
        let mut out = String::with_capacity(self.full * 16);
        out.push('\t');
        out.push_str(&self.always.join(" "));
        out.push('\n');
        for t in &self.copied {
            out.push_str(t);
            out.push('\t');
            out.push_str(t);
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(tokens: &[&str]) -> Vec<String> {
        tokens.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn keeps_target_letters_and_copies_the_rest() {
        let vocab = v(&[
            "<s>",
            "</s>",
            "<unk>",
            "<0xD0>",
            ">>rus<<",
            ">>bel<<",
            ">>ukr<<",
            "▁Мінск",
            "▁Минск",
            "▁щит",
            "▁Minsk",
            ",",
            "▁1990",
            "ў",
            "▁日本",
            "«",
            "▁",
        ]);
        let source: HashSet<String> = vocab.iter().cloned().collect();
        let be = Restriction::new(&vocab, &source, Family::OpusMt, &[Lang::Be]);
        assert_eq!(be.always, v(&["<s>", "</s>", "<unk>", "<0xD0>", ">>bel<<", "▁Мінск", ",", "▁1990", "ў", "«", "▁"]));
        assert_eq!(be.copied, v(&["▁Минск", "▁щит", "▁Minsk", "▁日本"]));
        let ru = Restriction::new(&vocab, &source, Family::OpusMt, &[Lang::Ru]);
        assert!(
            ru.always.contains(&"▁Минск".to_string())
                && ru.always.contains(&"▁щит".to_string())
                && !ru.always.contains(&"▁Мінск".to_string())
        );
        let both = Restriction::new(&vocab, &source, Family::OpusMt, &[Lang::Ru, Lang::Be]);
        assert_eq!(both.size(), 14);
        assert_eq!(
            both.vmap().lines().next().unwrap(),
            "\t<s> </s> <unk> <0xD0> >>rus<< >>bel<< ▁Мінск ▁Минск ▁щит , ▁1990 ў « ▁"
        );
        assert!(both.vmap().contains("\n▁Minsk\t▁Minsk\n"));
    }

    #[test]
    fn target_prefix_families_get_one_fixed_set() {
        let vocab = v(&[
            "<s>",
            "</s>",
            "rus_Cyrl",
            "fra_Latn",
            "▁Minsk",
            "▁Zürich",
            "▁Łódź",
            "▁Мінск",
            "▁日本",
            "▁Αθήνα",
            "▁Минск",
        ]);
        let source: HashSet<String> = vocab.iter().cloned().collect();
        for family in [Family::Nllb, Family::M2m] {
            let ru = Restriction::new(&vocab, &source, family, &[Lang::Ru]);
            let mut want = v(&["<s>", "</s>", "▁Minsk", "▁Zürich", "▁Łódź", "▁Минск"]);
            if family == Family::Nllb {
                want.insert(2, "rus_Cyrl".into());
            }
            assert_eq!(ru.always, want);
            assert!(ru.copied.is_empty());
            assert_eq!(ru.vmap().lines().count(), 1, "no per-source rules");
        }
    }

    #[test]
    fn language_tokens_of_each_family() {
        for t in ["rus_Cyrl", "__ru__", ">>bel<<", "zho_Hans"] {
            assert!(is_lang_token(t), "{t}");
        }
        for t in ["▁the", "__", "Minsk", "<s>", "USA_Today"] {
            assert!(!is_lang_token(t), "{t}");
        }
    }
}
