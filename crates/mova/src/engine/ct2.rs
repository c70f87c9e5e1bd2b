//! The real engine: CTranslate2 through ct2rs, with the model's SentencePiece models.
//!
//! In: a model directory ([`ModelDir`]) and [`EngineOptions`]. Out: an [`Engine`],
//! the [`Backend`] the pipeline runs batches on. CTranslate2 does no batching of
//! its own here: mova sorts and cuts batches itself (see [`crate::batch`]), so
//! every call is one padded batch and progress can be reported between calls.

use std::path::{Path, PathBuf};

use ct2rs::sys::{BatchType, ComputeType, Config, Device, TranslationOptions, Translator};
use sentencepiece::SentencePieceProcessor;

use super::{Backend, Tokens};
use crate::cache::Cache;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::model::ModelDir;

/// Most output tokens per sentence.
const MAX_DECODING: usize = 1024;

/// Decoding and threading settings.
#[derive(Debug, Clone)]
pub struct EngineOptions {
    /// Beam size (1 is greedy).
    pub beam: usize,
    /// Threads in all (replicas × threads per replica); 0: every core.
    pub threads: usize,
    /// Model replicas translating batches side by side (CTranslate2 inter-op
    /// threads); 0: chosen from `threads` by [`split_threads`].
    pub replicas: usize,
    /// Longest source, in tokens, the model is given (CTranslate2 truncates beyond).
    pub max_input_length: usize,
    /// Computation type (`default` keeps the model's quantization).
    pub compute_type: ComputeType,
    /// Restrict the output vocabulary to what these targets can contain
    /// ([`crate::vocab`]) when that leaves at most 3/4 of it; empty: never.
    /// Measured at beam 4: 60% left on a 32k bilingual vocabulary, 1.11x;
    /// 12% left on a 256k NLLB-shaped one, 1.9x.
    pub restrict_to: Vec<crate::Lang>,
    /// Restrict however much of the vocabulary that leaves.
    pub restrict_any_size: bool,
    /// Where mova keeps its view of a restricted model (the model's files linked,
    /// plus `vmap.txt`): never the user's model directory.
    pub work_dir: PathBuf,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            beam: 4,
            threads: 0,
            replicas: 0,
            max_input_length: 1024,
            compute_type: ComputeType::DEFAULT,
            restrict_to: Vec::new(),
            restrict_any_size: false,
            work_dir: std::env::temp_dir().join("mova"),
        }
    }
}

/// A restricted output vocabulary, as loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Restricted {
    /// Candidates at every step.
    pub candidates: usize,
    /// The whole vocabulary.
    pub full: usize,
    /// Whether the source's own pieces are candidates too (per-source rules).
    pub per_source: bool,
}

/// A loaded model: the CTranslate2 translator and its SentencePiece models.
pub struct Engine {
    dir: ModelDir,
    /// Output candidates (restricted, full) when the vocabulary is restricted.
    vocab: Option<Restricted>,
    /// Why the output vocabulary is not restricted although it was asked for.
    warning: Option<String>,
    translator: Translator,
    options: EngineOptions,
    source_sp: SentencePieceProcessor,
    target_sp: SentencePieceProcessor,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine").field("dir", &self.dir.path).field("family", &self.dir.family).finish()
    }
}

fn load_spm(path: &Path) -> Result<SentencePieceProcessor> {
    SentencePieceProcessor::open(path).map_err(|e| Error::Tokenizer {
        path: path.to_path_buf(),
        problem: format!("cannot load this SentencePiece model ({e}); give the model's own tokenizer file"),
    })
}

/// Threads to use when the user gives none: every core.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// (replicas, threads per replica) for `threads` in all, unless `replicas` is
/// given. Measured on 2 cores (Transformer-base int8, beam 4): two one-thread
/// replicas translate 31 sentences/s, one two-thread replica 22–24: a batch's
/// matrices are too small to keep several threads busy, while separate batches
/// never wait on each other. So one thread per replica up to 4 threads, then
/// 2 and 4 threads per replica (CTranslate2's guidance for many cores: more
/// replicas cost working memory, not model memory, which they share).
pub fn split_threads(threads: usize, replicas: usize) -> (usize, usize) {
    let threads = threads.max(1);
    if replicas > 0 {
        return (replicas.min(threads), (threads / replicas).max(1));
    }
    let per = match threads {
        0..=4 => 1,
        5..=16 => 2,
        _ => 4,
    };
    (threads / per, per)
}

impl Engine {
    /// Loads the model in `dir` into CTranslate2.
    pub fn load(dir: ModelDir, options: EngineOptions) -> Result<Engine> {
        let source_sp = load_spm(&dir.source_spm)?;
        let target_sp = load_spm(&dir.target_spm)?;
        let threads = if options.threads == 0 { default_threads() } else { options.threads };
        let (replicas, per) = split_threads(threads, options.replicas);
        let config = Config {
            device: Device::CPU,
            compute_type: options.compute_type,
            device_indices: vec![0; replicas],
            num_threads_per_replica: per,
            ..Config::default()
        };
        // Restriction is on by default: a cache dir mova cannot write to must not
        // stop the run, only cost the speed-up.
        let (load_path, vocab, warning) =
            or_full_vocab(&dir.path, restricted_view(&dir, &options), options.restrict_any_size)?;
        let translator = Translator::new(&load_path, &config).map_err(|e| {
            Error::model(
                dir.path.join("model.bin"),
                format!(
                    "CTranslate2 cannot load it ({}); the file may be corrupt, truncated or from a newer CTranslate2: re-download or re-convert the model",
                    first_line(&e.to_string())
                ),
            )
        })?;
        let options = EngineOptions { threads, replicas, ..options };
        Ok(Engine { dir, vocab, warning, translator, options, source_sp, target_sp })
    }

    /// A problem the user should hear about that did not stop loading.
    pub fn warning(&self) -> Option<&str> {
        self.warning.as_deref()
    }

    /// The inspected model directory.
    pub fn dir(&self) -> &ModelDir {
        &self.dir
    }

    /// Longest source the engine takes, in tokens (CTranslate2 would truncate beyond).
    pub fn max_input_length(&self) -> usize {
        self.options.max_input_length
    }

    fn options(&self, longest: usize) -> TranslationOptions<String, String> {
        TranslationOptions {
            beam_size: self.options.beam.max(1),
            max_input_length: self.options.max_input_length,
            max_decoding_length: (2 * longest + 16).clamp(64, MAX_DECODING),
            max_batch_size: 0,
            batch_type: BatchType::Examples,
            use_vmap: self.vocab.is_some(),
            ..TranslationOptions::default()
        }
    }
}

impl Backend for Engine {
    fn path(&self) -> &Path {
        &self.dir.path
    }

    /// Tokens around the pieces as the model's family wants them (see `family`),
    /// and `</s>` unless CTranslate2 adds it; checks the model has `lang`.
    fn tokens(&self, lang: Lang) -> Result<Tokens> {
        let dir = &self.dir;
        dir.check_target(lang)?;
        let family = dir.family;
        let lang_token = family.lang_token(lang).map(str::to_string);
        let mut tokens = Tokens::default();
        if family.target_token_in_source() {
            tokens.source_prefix.extend(lang_token);
        } else {
            tokens.source_prefix.extend(family.source_lang_token().map(str::to_string));
            tokens.target_prefix.extend(lang_token);
        }
        if dir.append_eos() {
            tokens.source_suffix.push(dir.config.eos_token.clone());
        }
        Ok(tokens)
    }

    fn encode(&self, text: &str) -> Result<Vec<String>> {
        let pieces = self.source_sp.encode(text).map_err(|e| Error::Tokenizer {
            path: self.dir.source_spm.clone(),
            problem: format!("cannot tokenize: {e}"),
        })?;
        Ok(pieces.into_iter().map(|p| p.piece).collect())
    }

    fn decode(&self, pieces: &[String]) -> Result<String> {
        self.target_sp.decode_pieces(pieces).map_err(|e| Error::Tokenizer {
            path: self.dir.target_spm.clone(),
            problem: format!("cannot detokenize the output: {e}"),
        })
    }

    fn translate_batch(
        &self,
        sources: &[Vec<String>],
        prefixes: Option<&[Vec<String>]>,
    ) -> std::result::Result<Vec<Vec<String>>, String> {
        let longest = sources.iter().map(Vec::len).max().unwrap_or(0);
        let options = self.options(longest);
        let results = match prefixes {
            Some(p) => self.translator.translate_batch_with_target_prefix(sources, p, &options, None),
            None => self.translator.translate_batch(sources, &options, None),
        }
        .map_err(|e| first_line(&e.to_string()))?;
        Ok(results.into_iter().map(|r| r.hypotheses.into_iter().next().unwrap_or_default()).collect())
    }

    fn replicas(&self) -> usize {
        self.options.replicas.max(1)
    }

    /// Within `max_input_length`, and short enough that the output (up to
    /// 2n + 16 tokens) is not cut at the decoding limit.
    fn max_source_tokens(&self) -> usize {
        self.options.max_input_length.min((MAX_DECODING - 16) / 2)
    }

    /// SHA-256 of the model's files, remembered by the cache while they are unchanged.
    fn fingerprint(&self, cache: &Cache) -> Result<String> {
        let dir = &self.dir;
        let stamp = dir.stamp().map_err(|e| Error::io(&dir.path, e))?;
        cache.fingerprint(&dir.path, &stamp, || dir.fingerprint()).map_err(|e| Error::io(&dir.path, e))
    }

    fn decoding(&self) -> String {
        let vocab = self.vocab.map_or("full".to_string(), |r| r.candidates.to_string());
        format!(
            "beam={};max_input={};max_decoding=2n+16;vocab={vocab}",
            self.options.beam.max(1),
            self.options.max_input_length
        )
    }

    fn restricted(&self) -> Option<Restricted> {
        self.vocab
    }
}

/// The directory CTranslate2 loads: the model's own, or, when the output is
/// restricted, a directory under `work_dir` with links to the model's files and
/// mova's `vmap.txt` (ct2rs 0.10 cannot give a translator files from memory;
/// its memory reader serves Whisper only). Reused while the model's files are
/// unchanged.
fn restricted_view(dir: &ModelDir, options: &EngineOptions) -> Result<(PathBuf, Option<Restricted>)> {
    if options.restrict_to.is_empty() || !cfg!(unix) {
        return Ok((dir.path.clone(), None));
    }
    let r = crate::vocab::Restriction::new(&dir.target_vocab, &dir.source_vocab()?, dir.family, &options.restrict_to);
    if r.size() * 4 > r.full * 3 && !options.restrict_any_size {
        return Ok((dir.path.clone(), None));
    }
    let stamp = dir.stamp().map_err(|e| Error::io(&dir.path, e))?;
    let langs: Vec<&str> = options.restrict_to.iter().map(|l| l.code()).collect();
    let key = {
        use sha2::{Digest, Sha256};
        let abs = dir.path.canonicalize().unwrap_or_else(|_| dir.path.clone());
        let d = Sha256::digest(format!("{}|{stamp}|{}|v2", abs.display(), langs.join(",")));
        d.iter().take(8).map(|b| format!("{b:02x}")).collect::<String>()
    };
    let view = options.work_dir.join("models").join(key);
    let io = |p: &Path, e: std::io::Error| Error::io(p, e);
    if !view.join("vmap.txt").is_file() {
        let parent = view.parent().unwrap_or(&options.work_dir);
        std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        let tmp = tempfile::tempdir_in(parent).map_err(|e| io(parent, e))?;
        for path in dir.files().map_err(|e| io(&dir.path, e))? {
            let abs = path.canonicalize().map_err(|e| io(&path, e))?;
            #[cfg(unix)]
            std::os::unix::fs::symlink(&abs, tmp.path().join(path.file_name().unwrap_or_default()))
                .map_err(|e| io(tmp.path(), e))?;
        }
        std::fs::write(tmp.path().join("vmap.txt"), r.vmap()).map_err(|e| io(tmp.path(), e))?;
        let tmp = tmp.keep();
        if std::fs::rename(&tmp, &view).is_err() {
            // Another mova process made it first.
            let _ = std::fs::remove_dir_all(&tmp);
        }
    }
    Ok((view, Some(Restricted { candidates: r.size(), full: r.full, per_source: !r.copied.is_empty() })))
}

/// The directory to load, the restriction, and a warning for the user.
type View = (PathBuf, Option<Restricted>, Option<String>);

/// The restricted view, or — when it could not be made — the model's own
/// directory and a warning; an error when the user forced the restriction.
/// Restriction is on by default: a cache dir mova cannot write to must not stop
/// the run, only cost the speed-up.
fn or_full_vocab(model: &Path, view: Result<(PathBuf, Option<Restricted>)>, forced: bool) -> Result<View> {
    match view {
        Ok((p, v)) => Ok((p, v, None)),
        Err(e) => {
            if forced {
                return Err(Error::RestrictedVocabulary { path: model.to_path_buf(), problem: e.to_string() });
            }
            Ok((
                model.to_path_buf(),
                None,
                Some(format!(
                    "{}: cannot prepare its restricted output vocabulary ({e}); translating with the full vocabulary",
                    model.display()
                )),
            ))
        }
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_that_cannot_be_made_costs_only_the_speed_up() {
        let model = Path::new("m");
        let failed = || Err(Error::io("/c/models", std::io::Error::other("read-only")));
        let (path, vocab, warning) = or_full_vocab(model, failed(), false).unwrap();
        assert_eq!((path.as_path(), vocab), (model, None));
        assert_eq!(warning.unwrap(), "m: cannot prepare its restricted output vocabulary (/c/models: read-only); translating with the full vocabulary");
        let forced = or_full_vocab(model, failed(), true).unwrap_err();
        assert_eq!(forced.to_string(), "m: cannot prepare its restricted output vocabulary (/c/models: read-only); make its work directory writable, or translate with the full vocabulary");
        let r = Restricted { candidates: 5, full: 9, per_source: true };
        let ok = or_full_vocab(model, Ok((PathBuf::from("v"), Some(r))), true).unwrap();
        assert_eq!(ok, (PathBuf::from("v"), Some(r), None));
    }

    #[test]
    fn threads_split_into_replicas() {
        assert_eq!(split_threads(2, 0), (2, 1));
        assert_eq!(split_threads(4, 0), (4, 1));
        assert_eq!(split_threads(16, 0), (8, 2));
        assert_eq!(split_threads(64, 0), (16, 4));
        assert_eq!(split_threads(8, 2), (2, 4));
        assert_eq!(split_threads(2, 5), (2, 1));
        assert_eq!(split_threads(0, 0), (1, 1));
    }
}
