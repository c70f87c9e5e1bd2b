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
//! - [`derive`](mod@derive): an unknown English name → derived Russian and Belarusian forms
//!   (reverse press transliteration, Russian → Belarusian correspondences), with a
//!   confidence.
//! - [`inflect`]: a name word, language, gender → its six case forms.
//! - [`fix`]: a source sentence's mentions and the model's translation → the
//!   translation with each name in the target form, same case, and a log of the
//!   changes.
//! - [`variant`]: a spelling found in text → the listed entity it is a
//!   romanization variant or misspelling of (Bialatski → Bialiatski).
//! - [`table`]: mentions over many articles → the name-variant table of
//!   `mova names`.

pub mod derive;
pub mod detect;
pub mod fix;
pub mod gazetteer;
pub mod inflect;
pub mod table;
pub mod variant;

pub use detect::{Detector, Mention, Part};
pub use fix::{Change, Fixer, Notes, Suspect};
pub use gazetteer::Gazetteer;

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use crate::lang::Lang;
use crate::translit::Registry;

/// One row of `models/names/common_names.tsv` or `given_names.tsv`: a given
/// name or a surname in Russian and Belarusian, with its English spellings.
pub(crate) struct CommonName {
    pub given: bool,
    /// An English-origin given name (`given-en`).
    pub english_origin: bool,
    pub ru: &'static str,
    pub be: &'static str,
    pub english: std::str::Split<'static, char>,
}

fn rows(table: &'static str) -> impl Iterator<Item = CommonName> {
    table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f.len() >= 3 && f[0] != "kind")
        .map(|f| CommonName {
            given: f[0].starts_with("given"),
            english_origin: f[0] == "given-en",
            ru: f[1],
            be: f[2],
            english: f.get(3).copied().unwrap_or("").split('|'),
        })
}

/// The rows of the common-names table.
pub(crate) fn common_names() -> impl Iterator<Item = CommonName> {
    rows(include_str!("../../../../models/names/common_names.tsv"))
}

/// Every given name: the common-names table's, then the other romanizations
/// and English-origin names of `models/names/given_names.tsv`.
pub(crate) fn given_names() -> impl Iterator<Item = CommonName> {
    common_names().chain(rows(include_str!("../../../../models/names/given_names.tsv"))).filter(|n| n.given)
}

/// Longest word, in bytes, that may be part of a name: longer ones are never
/// names (a 20 KB "word" is not looked at letter by letter).
pub const MAX_NAME_WORD: usize = 64;

/// A detector that knows the listed names, the spellings in `texts` that are
/// variants of listed names, and, derived, the other names found in `texts`
/// (each distinct spelling resolved and derived once).
pub fn prepare(gazetteer: Gazetteer, texts: &[&str], registry: &Registry) -> Detector {
    let first = Detector::new(gazetteer.clone());
    let found = unknown_spellings(&first, texts);
    if found.is_empty() {
        return first;
    }
    let deriver = derive::Deriver::new(registry);
    let index = variant::Index::new(&gazetteer.entities);
    let resolved: Vec<Resolved> = found.par_iter().map(|(s, k)| resolve(&index, &gazetteer, &deriver, s, *k)).collect();
    build(gazetteer, found.iter().map(|(s, _)| s.as_str()).zip(resolved.iter()))
}

/// The detector for the gazetteer plus resolved spellings.
fn build<'a>(gazetteer: Gazetteer, resolved: impl Iterator<Item = (&'a str, &'a Resolved)>) -> Detector {
    let mut g = gazetteer;
    let mut aliases = Vec::new();
    let mut ambiguous = Vec::new();
    for (spelling, r) in resolved {
        match r {
            Resolved::Alias(ids, part) => aliases.push((spelling.to_string(), ids.clone(), *part)),
            Resolved::Derived(e, close) => {
                if !close.is_empty() {
                    ambiguous.push((spelling.to_string(), close.iter().map(|&i| g.entities[i].id.clone()).collect()));
                }
                g.entities.push(e.clone());
            }
            Resolved::Unused => {}
        }
    }
    let mut d = Detector::with_aliases(g, aliases);
    d.ambiguous = ambiguous;
    d
}

/// A found spelling, resolved: a variant of listed entities, or a derived
/// entity (with the listed ones it was equally close to, when ambiguous).
#[derive(Clone)]
enum Resolved {
    Alias(Vec<usize>, Part),
    Derived(Entity, Vec<usize>),
    /// Not needed by the post-edit (a place the list lacks).
    Unused,
}

fn resolve(
    index: &variant::Index,
    g: &Gazetteer,
    deriver: &derive::Deriver<'_>,
    spelling: &str,
    kind: Kind,
) -> Resolved {
    match index.resolve(spelling) {
        variant::Resolution::Entity(ids, part) => Resolved::Alias(ids, part),
        variant::Resolution::Namesake(i) => {
            Resolved::Derived(deriver.namesake(derived_id(spelling), spelling, &g.entities[i]), Vec::new())
        }
        variant::Resolution::Ambiguous(ids) => Resolved::Derived(derive_entity(deriver, spelling, kind), ids),
        variant::Resolution::None => Resolved::Derived(derive_entity(deriver, spelling, kind), Vec::new()),
    }
}

/// Names not in the gazetteer found in `texts`, each distinct spelling once,
/// in order of first appearance.
fn unknown_spellings(first: &Detector, texts: &[&str]) -> Vec<(String, Kind)> {
    let mut found: Vec<(String, Kind)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for t in texts {
        let known = first.known(t, &[]);
        for u in first.unknown(t, &known) {
            let s = &t[u.range];
            if !seen.contains(s) {
                seen.insert(s.to_string());
                found.push((s.to_string(), u.kind));
            }
        }
    }
    found
}

fn derived_id(spelling: &str) -> String {
    format!("derived:{}", spelling.to_lowercase().replace(' ', "_"))
}

fn derive_entity(deriver: &derive::Deriver<'_>, spelling: &str, kind: Kind) -> Entity {
    deriver.entity(derived_id(spelling), spelling, kind)
}

/// Names for a stream of article batches: [`prepare`] one batch at a time, each
/// unknown spelling resolved and derived once for the whole run.
pub struct Namer {
    gazetteer: Gazetteer,
    /// The gazetteer alone: also the fixer of every batch with no unknown name.
    first: std::sync::Arc<Detector>,
    index: variant::Index,
    deriver: derive::Deriver<'static>,
    resolved: std::sync::Mutex<HashMap<String, Resolved>>,
}

impl Namer {
    /// A namer over `gazetteer` (and the built-in transliteration schemes).
    pub fn new(gazetteer: Gazetteer) -> crate::Result<Namer> {
        let registry = Registry::shared()?;
        let index = variant::Index::new(&gazetteer.entities);
        Ok(Namer {
            first: std::sync::Arc::new(Detector::new(gazetteer.clone())),
            gazetteer,
            index,
            deriver: derive::Deriver::new(registry),
            resolved: Default::default(),
        })
    }

    /// The fixer for a batch of articles: the gazetteer plus the variants and
    /// the derived names of the unknown names found in `texts`.
    pub fn fixer(&self, texts: &[&str]) -> Fixer {
        let found = unknown_spellings(&self.first, texts);
        if found.is_empty() {
            return Fixer::new(self.first.clone());
        }
        let new: Vec<(String, Kind)> = {
            let known = self.resolved.lock().unwrap_or_else(|p| p.into_inner());
            found.iter().filter(|(s, _)| !known.contains_key(s)).cloned().collect()
        };
        // A place or organisation the list lacks is never written into a
        // translation (fix.rs): only its variants of listed ones are worth
        // resolving.
        let made: Vec<(String, Resolved)> = new
            .par_iter()
            .map(|(s, k)| {
                // Nor is a person of several words without a known given name
                // first ("Mossack Fonseca"): the post-edit trusts no such guess.
                let sure = !s.contains(' ') || detect::given_name(s.split(' ').next().unwrap_or("")).is_some();
                let r = match (k, self.index.resolve(s)) {
                    (Kind::Person, _) if sure => resolve(&self.index, &self.gazetteer, &self.deriver, s, *k),
                    (_, variant::Resolution::Entity(ids, part)) => Resolved::Alias(ids, part),
                    _ => Resolved::Unused,
                };
                (s.clone(), r)
            })
            .collect();
        let mut known = self.resolved.lock().unwrap_or_else(|p| p.into_inner());
        known.extend(made);
        let batch: Vec<(&str, &Resolved)> =
            found.iter().filter_map(|(s, _)| known.get(s).map(|r| (s.as_str(), r))).collect();
        Fixer::new(build(self.gazetteer.clone(), batch.into_iter()))
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
    /// "Given \[Patronymic\] Surname" for persons; empty when unknown. The form
    /// mova writes.
    pub ru: String,
    pub be: String,
    pub be_tarask: String,
    /// Other accepted forms, never replaced (Белоруссия beside Беларусь); the
    /// gazetteer lists them after the first form, `|` between.
    pub ru_alt: Vec<String>,
    pub be_alt: Vec<String>,
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

    /// The accepted forms in `lang` besides the one mova writes.
    pub fn alternatives(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Ru => &self.ru_alt,
            Lang::Be => &self.be_alt,
        }
    }

    /// The words of the `lang` form that stand for `part` of an English
    /// spelling: persons' patronymics are written only when the English has
    /// three words; one English word is the surname.
    pub fn words_for(&self, lang: Lang, part: Part) -> Vec<&str> {
        self.words_of(self.form(lang), part)
    }

    /// The same for any form of this entity (an accepted variant, the
    /// Taraškievica form).
    pub fn words_of<'a>(&self, form: &'a str, part: Part) -> Vec<&'a str> {
        let words: Vec<&str> = form.split(' ').filter(|w| !w.is_empty()).collect();
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
