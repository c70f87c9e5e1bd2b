//! The library's entry point: a [`Translator`], built once, translates articles.
//!
//! In: model directories (or engines already made, such as the
//! [`StandIn`](crate::engine::StandIn)), target languages, a cache and settings,
//! given to [`Translator::builder`]; then documents ([`crate::input`]).
//! Out: each document with its [`Translated`] versions, one per target, handed
//! to a sink in input order, and the run's [`Stats`].
//!
//! Building inspects every model directory and checks it can produce its targets
//! ([`TranslatorBuilder::check`] does only that, cheaply, so a caller can check
//! everything else before loading), then loads each directory once, shared by
//! the targets it serves, and makes one [`Route`] per target. Translating runs the
//! [`pipeline`](crate::pipeline).
//!
//! ```
//! use std::sync::Arc;
//! use mova::engine::{stand_in::Mode, StandIn};
//! use mova::input::Document;
//! use mova::translate::Translator;
//! use mova::Lang;
//!
//! // A stand-in engine that upper-cases: no model needed. With a real model:
//! // `Translator::builder().model("models/opus-mt-zle").targets(&[Lang::Ru, Lang::Be])`.
//! let translator = Translator::builder().engine(Lang::Ru, Arc::new(StandIn::new(Mode::Upper))).targets(&[Lang::Ru]).build()?;
//! let docs = vec![Document::from_text("a", "Minsk is calm. Rain is expected.")];
//! let mut out = Vec::new();
//! let stats = translator.translate(docs.into_iter().map(Ok), |_doc, translations| {
//!     out.extend(translations);
//!     Ok(())
//! })?;
//! assert_eq!(out[0].texts, vec![vec!["MINSK IS CALM. RAIN IS EXPECTED.".to_string()]]);
//! assert_eq!(stats.unique, 2);
//! # Ok::<(), mova::Error>(())
//! ```
//!
//! With a real model, articles read from files, and the cache:
//!
//! ```no_run
//! use mova::{cache::Cache, input, translate::Translator, Lang};
//!
//! let translator = Translator::builder()
//!     .model("models/opus-mt-zle")
//!     .targets(&[Lang::Ru, Lang::Be])
//!     .cache(Cache::open("translations.sqlite".as_ref()))
//!     .build()?;
//! let sources = input::discover(&["articles".into()], None)?;
//! translator.translate(input::stream(&sources, false), |doc, translations| {
//!     for t in &translations {
//!         println!("{} {}: {} texts", doc.stem.display(), t.lang, t.texts.len());
//!     }
//!     Ok(())
//! })?;
//! # Ok::<(), mova::Error>(())
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use crate::cache::{self, Cache};
use crate::engine::{Backend, Engine, EngineOptions};
use crate::error::{Error, Result};
use crate::family::Family;
use crate::input::Document;
use crate::lang::Lang;
use crate::model::ModelDir;
use crate::names::Namer;
use crate::normalize::Rules;
use crate::pipeline::Pipeline;
use crate::route::Route;
use crate::stats::Stats;
use crate::typography::Typography;

pub use crate::pipeline::{
    default_max_batch_tokens, Progress, Settings, DEFAULT_BATCH_DECODER_TOKENS, DEFAULT_MAX_SENTENCE_TOKENS,
};
pub use crate::plan::{distinct_sentences, Translated};
pub use crate::sentences::{model_text, unit_sentences};

/// How much of the output vocabulary the engine scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Vocabulary {
    /// Restricted to what the targets can contain when that leaves at most 3/4
    /// of it (same output, faster; see [`crate::vocab`]).
    #[default]
    Restricted,
    /// Restricted however much that leaves; an error when it cannot be prepared.
    AlwaysRestricted,
    /// The whole vocabulary.
    Full,
}

/// Models, engines, targets and settings of a [`Translator`]; see the module doc.
pub struct TranslatorBuilder {
    targets: Vec<Lang>,
    /// Model directories for one target (`Some`) or for every other target (`None`).
    models: Vec<(Option<Lang>, PathBuf)>,
    engines: Vec<(Lang, Arc<dyn Backend>)>,
    family: Option<Family>,
    tokenizer: Option<PathBuf>,
    engine_options: EngineOptions,
    vocabulary: Vocabulary,
    work_dir: Option<PathBuf>,
    cache: Option<Cache>,
    max_batch_tokens: Option<usize>,
    settings: Settings,
    stop: Arc<AtomicBool>,
    /// Model directories inspected by [`TranslatorBuilder::check`].
    inspected: HashMap<PathBuf, ModelDir>,
}

/// A loaded set of models and settings that translates documents.
pub struct Translator {
    routes: Vec<Route>,
    settings: Settings,
    cache: Option<Cache>,
    stop: Arc<AtomicBool>,
    warnings: Vec<String>,
}

impl Translator {
    /// A builder: targets Russian and Belarusian, beam 4, no cache, names left
    /// as the model wrote them, typography on.
    pub fn builder() -> TranslatorBuilder {
        TranslatorBuilder {
            targets: vec![Lang::Ru, Lang::Be],
            models: Vec::new(),
            engines: Vec::new(),
            family: None,
            tokenizer: None,
            engine_options: EngineOptions::default(),
            vocabulary: Vocabulary::default(),
            work_dir: None,
            cache: None,
            max_batch_tokens: None,
            settings: Settings::default(),
            stop: Arc::new(AtomicBool::new(false)),
            inspected: HashMap::new(),
        }
    }

    /// Translates `docs` into every target; `sink` gets each document with its
    /// translations (in target order), in input order. A failed document, batch
    /// or sink stops the run; batches already running finish and are cached.
    pub fn translate<I, S>(&self, docs: I, sink: S) -> Result<Stats>
    where
        I: Iterator<Item = Result<Document>> + Send,
        S: FnMut(Document, Vec<Translated>) -> Result<()>,
    {
        self.translate_with(docs, sink, &())
    }

    /// [`Translator::translate`], telling `progress` of each finished article.
    pub fn translate_with<I, S>(&self, docs: I, sink: S, progress: &dyn Progress) -> Result<Stats>
    where
        I: Iterator<Item = Result<Document>> + Send,
        S: FnMut(Document, Vec<Translated>) -> Result<()>,
    {
        let pipeline = Pipeline {
            routes: &self.routes,
            settings: &self.settings,
            cache: self.cache.as_ref(),
            interrupt: &self.stop,
            halt: AtomicBool::new(false),
            progress,
        };
        pipeline.run(docs, sink)
    }

    /// One route per target, in target order.
    pub fn routes(&self) -> &[Route] {
        &self.routes
    }

    /// The translation cache, if any (for its warnings).
    pub fn cache(&self) -> Option<&Cache> {
        self.cache.as_ref()
    }

    /// The flag that stops a run after the batches already running (set it from
    /// a Ctrl-C handler); the run then fails with [`Error::Interrupted`], and so
    /// does every later run until the flag is cleared.
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        self.stop.clone()
    }

    /// Problems met while loading that did not stop it, one line each.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }
}

impl TranslatorBuilder {
    /// The target languages, in the order translations are given.
    pub fn targets(mut self, langs: &[Lang]) -> Self {
        self.targets = langs.to_vec();
        self
    }

    /// The CTranslate2 model directory for every target not given its own.
    pub fn model(mut self, dir: impl Into<PathBuf>) -> Self {
        self.models.push((None, dir.into()));
        self
    }

    /// The CTranslate2 model directory for `lang` (a bilingual model).
    pub fn model_for(mut self, lang: Lang, dir: impl Into<PathBuf>) -> Self {
        self.models.push((Some(lang), dir.into()));
        self
    }

    /// An engine already made for `lang` (the stand-in, or another [`Backend`]);
    /// it wins over model directories. Targets given the same `Arc` share batches.
    pub fn engine(mut self, lang: Lang, engine: Arc<dyn Backend>) -> Self {
        self.engines.push((lang, engine));
        self
    }

    /// The model family, when detection from the vocabulary is wrong.
    pub fn family(mut self, family: Option<Family>) -> Self {
        self.family = family;
        self
    }

    /// The SentencePiece model, when it is not found beside the model.
    pub fn tokenizer(mut self, file: Option<PathBuf>) -> Self {
        self.tokenizer = file;
        self
    }

    /// Beam size (1: greedy); also sets the default batch budget.
    pub fn beam(mut self, beam: usize) -> Self {
        self.engine_options.beam = beam.max(1);
        self
    }

    /// Inference threads in all (0: every core) and model replicas (0: chosen
    /// from the threads, [`crate::engine::split_threads`]).
    pub fn threads(mut self, threads: usize, replicas: usize) -> Self {
        self.engine_options.threads = threads;
        self.engine_options.replicas = replicas;
        self
    }

    /// How much of the output vocabulary is scored.
    pub fn vocabulary(mut self, vocabulary: Vocabulary) -> Self {
        self.vocabulary = vocabulary;
        self
    }

    /// Where restricted-vocabulary views of models are made (default: beside
    /// a usable cache, else beside the default cache path).
    pub fn work_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.work_dir = Some(dir.into());
        self
    }

    /// The translation cache ([`Cache::open`]); none by default.
    pub fn cache(mut self, cache: Cache) -> Self {
        self.cache = Some(cache);
        self
    }

    /// Padded source tokens per batch (default: [`default_max_batch_tokens`] of the beam).
    pub fn max_batch_tokens(mut self, n: usize) -> Self {
        self.max_batch_tokens = Some(n);
        self
    }

    /// Longest sentence, in tokens, given whole (default 256).
    pub fn max_sentence_tokens(mut self, n: usize) -> Self {
        self.settings.max_sentence_tokens = n;
        self
    }

    /// Normalisation rules for the model's input.
    pub fn normalize(mut self, rules: Rules) -> Self {
        self.settings.normalize = rules;
        self
    }

    /// Output typography; `None` leaves the model's text as it is.
    pub fn typography(mut self, typography: Option<Typography>) -> Self {
        self.settings.typography = typography;
        self
    }

    /// Name post-editing; `None` (the default) leaves the model's names.
    pub fn names(mut self, namer: Option<Arc<Namer>>) -> Self {
        self.settings.names = namer;
        self
    }

    /// Article bytes per chunk: more groups more sentences of similar length
    /// into batches, less keeps memory flat (default 256 KiB).
    pub fn chunk_bytes(mut self, n: usize) -> Self {
        self.settings.chunk_bytes = n.max(1);
        self
    }

    /// A stop flag shared with a signal handler (one is made otherwise).
    pub fn stop_flag(mut self, stop: Arc<AtomicBool>) -> Self {
        self.stop = stop;
        self
    }

    /// The model directory of each target without an engine: its own, else the
    /// shared one; the flag says whether it was given for that language.
    fn assignments(&self) -> Result<Vec<(Lang, PathBuf, bool)>> {
        let bare = self.models.iter().rev().find(|(l, _)| l.is_none()).map(|(_, p)| p);
        self.targets
            .iter()
            .filter(|l| !self.engines.iter().any(|(e, _)| e == *l))
            .map(|&lang| match (self.models.iter().rev().find(|(l, _)| *l == Some(lang)), bare) {
                (Some((_, p)), _) => Ok((lang, p.clone(), true)),
                (None, Some(p)) => Ok((lang, p.clone(), false)),
                (None, None) => Err(Error::NoModel { lang: lang.name().to_string(), code: lang.code().to_string() }),
            })
            .collect()
    }

    /// Checks the settings, and every model directory (found, complete, with
    /// its targets; a bilingual one serves one target) without loading any.
    pub fn check(&mut self) -> Result<()> {
        if self.targets.is_empty() {
            return Err(Error::Usage("no target language; give at least one: ru, be".into()));
        }
        if self.max_batch_tokens == Some(0) || self.settings.max_sentence_tokens == 0 {
            return Err(Error::Usage("token budgets must be at least 1".into()));
        }
        let assignments = self.assignments()?;
        for (lang, path, explicit) in &assignments {
            if !self.inspected.contains_key(path) {
                let dir = crate::models::inspect(path, self.family, self.tokenizer.as_deref())?;
                self.inspected.insert(path.clone(), dir);
            }
            let dir = &self.inspected[path];
            dir.check_target(*lang)?;
            let shared = assignments.iter().filter(|(_, p, e)| p == path && !e).count();
            if !explicit && shared > 1 && !dir.family.is_multilingual() {
                return Err(Error::OneTargetModel { path: path.clone() });
            }
        }
        Ok(())
    }

    /// Where restricted-vocabulary views go: beside the cache, but never beside
    /// a path there that is no usable cache (a device, a directory, someone's file).
    fn views_dir(&self) -> PathBuf {
        if let Some(d) = &self.work_dir {
            return d.clone();
        }
        let path = self.cache.as_ref().map_or_else(cache::default_path, |c| c.path().to_path_buf());
        match &self.cache {
            Some(c) if !c.is_on() && std::fs::symlink_metadata(&path).is_ok() => std::env::temp_dir().join("mova"),
            _ => path.parent().map_or_else(std::env::temp_dir, Path::to_path_buf),
        }
    }

    /// Checks (see [`TranslatorBuilder::check`]), loads each model directory
    /// once, and makes one route per target.
    pub fn build(mut self) -> Result<Translator> {
        self.check()?;
        let assignments = self.assignments()?;
        let options = EngineOptions { work_dir: self.views_dir(), ..self.engine_options.clone() };
        let mut loaded: HashMap<PathBuf, Arc<dyn Backend>> = HashMap::new();
        let mut warnings = Vec::new();
        let mut routes = Vec::new();
        for &lang in &self.targets {
            let engine = match self.engines.iter().find(|(l, _)| *l == lang) {
                Some((_, e)) => e.clone(),
                None => {
                    let path = &assignments
                        .iter()
                        .find(|(l, _, _)| *l == lang)
                        .ok_or_else(|| Error::Internal(format!("no model assigned to {lang}")))?
                        .1;
                    match loaded.get(path) {
                        Some(e) => e.clone(),
                        None => {
                            let dir = self
                                .inspected
                                .remove(path)
                                .ok_or_else(|| Error::Internal(format!("model {} not inspected", path.display())))?;
                            let served: Vec<Lang> =
                                assignments.iter().filter(|(_, p, _)| p == path).map(|(l, _, _)| *l).collect();
                            let options = EngineOptions {
                                restrict_to: if self.vocabulary == Vocabulary::Full { Vec::new() } else { served },
                                restrict_any_size: self.vocabulary == Vocabulary::AlwaysRestricted,
                                ..options.clone()
                            };
                            let e = Engine::load(dir, options)?;
                            warnings.extend(e.warning().map(str::to_string));
                            let e: Arc<dyn Backend> = Arc::new(e);
                            loaded.insert(path.clone(), e.clone());
                            e
                        }
                    }
                }
            };
            routes.push(Route::new(lang, engine)?);
        }
        let settings = Settings {
            max_batch_tokens: self
                .max_batch_tokens
                .unwrap_or_else(|| default_max_batch_tokens(self.engine_options.beam)),
            ..self.settings
        };
        Ok(Translator { routes, settings, cache: self.cache, stop: self.stop, warnings })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::stand_in::{Mode, StandIn};

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/test").join(name)
    }

    #[test]
    fn every_target_needs_a_model_and_a_bilingual_one_serves_one() {
        let e = Translator::builder().model_for(Lang::Ru, fixture("echo-en-ru")).check().unwrap_err();
        assert_eq!(e.to_string(), "no model for Belarusian (be); give one for it or for all targets");
        let mut b = Translator::builder().model(fixture("echo-en-ru"));
        assert!(matches!(b.check(), Err(Error::OneTargetModel { .. })));
        // Named per language, or with one target, it is fine; checking loads nothing.
        let mut b =
            Translator::builder().model_for(Lang::Ru, fixture("echo-en-ru")).model_for(Lang::Be, fixture("echo-en-ru"));
        b.check().unwrap();
        Translator::builder().targets(&[Lang::Ru]).model(fixture("echo-en-ru")).check().unwrap();
        assert!(Translator::builder().targets(&[]).check().is_err());
    }

    #[test]
    fn engines_win_over_models_and_are_shared_by_their_targets() {
        let engine: Arc<dyn Backend> = Arc::new(StandIn::new(Mode::Echo));
        let t = Translator::builder()
            .model("/no/such/model")
            .engine(Lang::Ru, engine.clone())
            .engine(Lang::Be, engine)
            .build()
            .unwrap();
        let [ru, be] = t.routes() else { panic!("two routes") };
        assert!((ru.lang, be.lang) == (Lang::Ru, Lang::Be) && ru.same_engine(be));
        assert!(t.warnings().is_empty() && t.cache().is_none());
    }

    #[test]
    fn one_model_directory_is_loaded_once_for_both_targets() {
        let t = Translator::builder()
            .model(fixture("echo-nllb"))
            .threads(1, 1)
            .vocabulary(Vocabulary::Full)
            .build()
            .unwrap();
        let [ru, be] = t.routes() else { panic!("two routes") };
        assert!(ru.same_engine(be));
        assert_eq!(
            (ru.target_prefix.as_slice(), be.target_prefix.as_slice()),
            (&["rus_Cyrl".to_string()][..], &["bel_Cyrl".to_string()][..])
        );
    }
}
