//! Names: the gazetteer, detection in English text, Russian and Belarusian
//! forms for names it does not know, and the post-edit that puts every name in
//! the target language's form and case.
//!
//! - [`gazetteer`]: `models/names/gazetteer.tsv` (and users' `--names-file`) →
//!   [`Entity`]s with every English spelling, the Russian, Belarusian and
//!   Taraškievica forms, kind, gender and source.
//! - [`detect`]: an English sentence → [`Mention`]s (byte range, entity, which
//!   part of the name: full, given or surname), by Aho-Corasick over every known
//!   spelling and by cues for names not in the list.
//! - [`derive`]: an unknown English name → derived Russian and Belarusian forms
//!   (reverse press transliteration, Russian → Belarusian correspondences), with a
//!   confidence.
//! - [`inflect`]: a name word, language, gender → its six case forms.
//! - [`fix`]: a source sentence's mentions and the model's translation → the
//!   translation with each name in the target form, same case, and a log of the
//!   changes.
//! - [`table`]: mentions over many articles → the name-variant table of
//!   `mova names`.

pub mod derive;
pub mod detect;
pub mod fix;
pub mod gazetteer;
pub mod inflect;
pub mod table;

pub use detect::{Detector, Mention, Part};
pub use fix::{Change, Fixer};
pub use gazetteer::Gazetteer;

use rayon::prelude::*;

use crate::lang::Lang;
use crate::translit::Registry;

/// One row of `models/names/common_names.tsv`: a given name or a surname in
/// Russian and Belarusian, with its English spellings.
pub(crate) struct CommonName {
    pub ru: &'static str,
    pub be: &'static str,
    pub english: std::str::Split<'static, char>,
}

/// The rows of the common-names table.
pub(crate) fn common_names() -> impl Iterator<Item = CommonName> {
    include_str!("../../models/names/common_names.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f.len() >= 3 && f[0] != "kind")
        .map(|f| CommonName { ru: f[1], be: f[2], english: f.get(3).copied().unwrap_or("").split('|') })
}

/// A detector that knows the listed names and, derived, the names found by
/// cue in `texts` (each distinct spelling derived once).
pub fn prepare(gazetteer: Gazetteer, texts: &[&str], registry: &Registry) -> Detector {
    let first = Detector::new(gazetteer.clone());
    let found = unknown_spellings(&first, texts);
    if found.is_empty() {
        return first;
    }
    let deriver = derive::Deriver::new(registry);
    let mut g = gazetteer;
    g.entities.extend(found.par_iter().map(|(spelling, kind)| derive_entity(&deriver, spelling, *kind)).collect::<Vec<_>>());
    Detector::new(g)
}

/// Names not in the gazetteer found by cue in `texts`, each distinct spelling once.
fn unknown_spellings(first: &Detector, texts: &[&str]) -> Vec<(String, Kind)> {
    let mut found: Vec<(String, Kind)> = Vec::new();
    for t in texts {
        let known = first.known(t, &[]);
        for u in first.unknown(t, &known) {
            let s = t[u.range].to_string();
            if !found.iter().any(|(f, _)| *f == s) {
                found.push((s, u.kind));
            }
        }
    }
    found
}

fn derive_entity(deriver: &derive::Deriver<'_>, spelling: &str, kind: Kind) -> Entity {
    deriver.entity(format!("derived:{}", spelling.to_lowercase().replace(' ', "_")), spelling, kind)
}

/// Names for a stream of article batches: [`prepare`] one batch at a time, each
/// unknown spelling derived once for the whole run.
pub struct Namer {
    gazetteer: Gazetteer,
    /// The gazetteer alone: also the fixer of every batch with no unknown name.
    first: std::sync::Arc<Detector>,
    deriver: derive::Deriver<'static>,
    derived: std::sync::Mutex<std::collections::HashMap<String, Entity>>,
}

impl Namer {
    /// A namer over `gazetteer` (and the built-in transliteration schemes).
    pub fn new(gazetteer: Gazetteer) -> crate::Result<Namer> {
        let registry = Registry::shared()?;
        Ok(Namer { first: std::sync::Arc::new(Detector::new(gazetteer.clone())), gazetteer, deriver: derive::Deriver::new(registry), derived: Default::default() })
    }

    /// The fixer for a batch of articles: the gazetteer plus the names derived
    /// for the unknown names found in `texts`.
    pub fn fixer(&self, texts: &[&str]) -> Fixer {
        let found = unknown_spellings(&self.first, texts);
        if found.is_empty() {
            return Fixer::new(self.first.clone());
        }
        let new: Vec<(String, Kind)> = {
            let known = self.derived.lock().unwrap_or_else(|p| p.into_inner());
            found.iter().filter(|(s, _)| !known.contains_key(s)).cloned().collect()
        };
        let made: Vec<(String, Entity)> = new.par_iter().map(|(s, k)| (s.clone(), derive_entity(&self.deriver, s, *k))).collect();
        let mut known = self.derived.lock().unwrap_or_else(|p| p.into_inner());
        known.extend(made);
        let mut g = self.gazetteer.clone();
        g.entities.extend(found.iter().filter_map(|(s, _)| known.get(s).cloned()));
        Fixer::new(Detector::new(g))
    }
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Place,
    Org,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Org => "org",
        }
    }
}

/// Grammatical gender of a person (places and organisations take theirs from
/// the word).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// One person, place or organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub id: String,
    pub kind: Kind,
    pub gender: Gender,
    /// Every English spelling, the commonest first.
    pub english: Vec<String>,
    /// "Given [Patronymic] Surname" for persons; empty when unknown.
    pub ru: String,
    pub be: String,
    pub be_tarask: String,
    pub source: String,
    /// `None` for listed entities; the confidence (0–1) of derived ones.
    pub derived: Option<f32>,
}

impl Entity {
    /// The form in `lang` (empty when unknown).
    pub fn form(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ru => &self.ru,
            Lang::Be => &self.be,
        }
    }

    /// The words of the `lang` form that stand for `part` of an English
    /// spelling: persons' patronymics are written only when the English has
    /// three words; one English word is the surname.
    pub fn words_for(&self, lang: Lang, part: Part) -> Vec<&str> {
        let words: Vec<&str> = self.form(lang).split(' ').filter(|w| !w.is_empty()).collect();
        if self.kind != Kind::Person || words.len() < 2 {
            return words;
        }
        match part {
            Part::Full(n) if n >= 3 || words.len() < 3 => words,
            Part::Full(_) => vec![words[0], words[words.len() - 1]],
            Part::Surname => vec![words[words.len() - 1]],
            Part::Given => vec![words[0]],
        }
    }
}
