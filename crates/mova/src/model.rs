//! Model directories: what a CTranslate2 model is and how to feed it.
//!
//! In: a model directory (and optional `--family` / `--tokenizer` overrides).
//! Out: a [`ModelDir`]: its [`Family`], the parts of `config.json` that change the
//! input (`add_source_bos`, `add_source_eos`, `decoder_start_token`), its target
//! vocabulary, and the SentencePiece models to encode the source and decode the
//! output. Nothing is loaded into the engine here; every problem found is an
//! [`Error`] that names the file and the fix.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::family::Family;
use crate::lang::Lang;

/// The fields of a CTranslate2 `config.json` that mova uses.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ModelConfig {
    /// CTranslate2 adds `bos_token` before every source itself.
    pub add_source_bos: bool,
    /// CTranslate2 adds `eos_token` after every source itself.
    pub add_source_eos: bool,
    /// Token the decoder starts from (`None`: the caller gives it in the prefix).
    pub decoder_start_token: Option<String>,
    /// End-of-sentence token.
    pub eos_token: String,
}

impl Default for ModelConfig {
    fn default() -> Self {
        ModelConfig {
            add_source_bos: false,
            add_source_eos: false,
            decoder_start_token: Some("<s>".into()),
            eos_token: "</s>".into(),
        }
    }
}

/// Tokenizer file names, in the order they are looked for.
pub const TOKENIZER_NAMES: [&str; 4] = ["source.spm", "sentencepiece.bpe.model", "sentencepiece.model", "spm.model"];

/// A model directory, inspected.
#[derive(Debug, Clone)]
pub struct ModelDir {
    /// The directory.
    pub path: PathBuf,
    /// How it selects its output language.
    pub family: Family,
    /// Its `config.json` (defaults when absent).
    pub config: ModelConfig,
    /// Its target vocabulary, in id order (read once: NLLB's is 256k pieces).
    pub target_vocab: Vec<String>,
    /// SentencePiece model for the source.
    pub source_spm: PathBuf,
    /// SentencePiece model for the output (`target.spm` when present).
    pub target_spm: PathBuf,
}

impl ModelDir {
    /// Inspects the directory `path` (a model given by name: [`crate::models::inspect`]).
    /// `family` and `tokenizer` override what is detected.
    pub fn inspect(path: &Path, family: Option<Family>, tokenizer: Option<&Path>) -> Result<ModelDir> {
        let hint = "install one by name with `mova models get opus-mt-zle` (see `mova models`) or give a CTranslate2 model directory";
        if !path.exists() {
            return Err(Error::model(path, format!("model directory does not exist; {hint}")));
        }
        if !path.is_dir() {
            return Err(Error::model(
                path,
                format!("not a directory; a model is a CTranslate2 model directory; {hint}"),
            ));
        }
        fs::read_dir(path).map_err(|e| Error::model(path, format!("cannot read the model directory: {e}")))?;
        let bin = path.join("model.bin");
        if !bin.is_file() {
            return Err(Error::model(
                path,
                "no model.bin here: not a CTranslate2 model; convert one with CTranslate2's converter or install one with `mova models get NAME`",
            ));
        }
        let config = read_config(path)?;
        let target_vocab = read_vocab_list(path, TARGET_VOCAB)?;
        let family = family.unwrap_or_else(|| Family::detect(&target_vocab));
        let (source_spm, target_spm) = match tokenizer {
            Some(t) if t.is_file() => (t.to_path_buf(), t.to_path_buf()),
            Some(t) => {
                return Err(Error::Tokenizer { path: t.to_path_buf(), problem: "no such tokenizer file".into() })
            }
            None => find_tokenizers(path)?,
        };
        Ok(ModelDir { path: path.to_path_buf(), family, config, target_vocab, source_spm, target_spm })
    }

    /// Checks that this model can translate into `lang`.
    pub fn check_target(&self, lang: Lang) -> Result<()> {
        let Some(token) = self.family.lang_token(lang) else { return Ok(()) };
        if self.target_vocab.iter().any(|t| t == token) {
            return Ok(());
        }
        Err(Error::UnsupportedTarget {
            path: self.path.clone(),
            family: self.family.to_string(),
            lang: lang.name().into(),
            code: lang.code().into(),
            wanted: format!("no `{token}` token in its vocabulary"),
        })
    }

    /// Whether mova must append `</s>` to each source: NLLB, M2M-100 and Marian
    /// (OPUS-MT) sources end with it unless CTranslate2 adds it itself
    /// (`add_source_eos`); OpenNMT-style models (decoder starts from `<s>`, as Argos
    /// packages do) were trained without it.
    pub fn append_eos(&self) -> bool {
        if self.config.add_source_eos {
            return false;
        }
        self.family != Family::Bilingual || self.config.decoder_start_token.as_deref() != Some("<s>")
    }

    /// The files that make the model (the directory's regular files, and the
    /// tokenizers wherever they are), sorted, without mova's own `vmap.txt`.
    pub(crate) fn files(&self) -> std::io::Result<Vec<PathBuf>> {
        let mut files: Vec<PathBuf> = fs::read_dir(&self.path)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_file()
                    && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| !n.starts_with('.') && n != "vmap.txt")
            })
            .collect();
        files.extend([self.source_spm.clone(), self.target_spm.clone()]);
        files.sort();
        files.dedup();
        Ok(files)
    }

    /// A cheap stamp of the model's files: names, sizes and modification times.
    /// It changes whenever a file is replaced, so a remembered fingerprint is reused
    /// only while the stamp is the same.
    pub fn stamp(&self) -> std::io::Result<String> {
        let mut out = String::new();
        for f in self.files()? {
            let m = fs::metadata(&f)?;
            let t = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            out.push_str(&format!("{}:{}:{};", f.display(), m.len(), t));
        }
        Ok(out)
    }

    /// SHA-256 over the name and content of every file of the model: two copies
    /// of one model share translations in the cache; a re-converted one does not.
    pub fn fingerprint(&self) -> std::io::Result<String> {
        use sha2::{Digest, Sha256};
        use std::io::Read;
        let mut h = Sha256::new();
        let mut buf = vec![0u8; 1 << 20];
        for f in self.files()? {
            h.update(f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default().as_bytes());
            h.update([0]);
            let mut file = fs::File::open(&f)?;
            loop {
                let n = file.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                h.update(&buf[..n]);
            }
        }
        Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
    }

    /// The source vocabulary: its own file, or the shared one already read.
    pub fn source_vocab(&self) -> Result<HashSet<String>> {
        let own = ["json", "txt"].iter().any(|ext| self.path.join(format!("source_vocabulary.{ext}")).is_file());
        Ok(if own {
            read_vocab_list(&self.path, &["source_vocabulary"])?.into_iter().collect()
        } else {
            self.target_vocab.iter().cloned().collect()
        })
    }
}

fn read_vocab_list(dir: &Path, names: &[&str]) -> Result<Vec<String>> {
    for name in names {
        let json = dir.join(format!("{name}.json"));
        if json.is_file() {
            let text = fs::read_to_string(&json).map_err(|e| Error::io(&json, e))?;
            return serde_json::from_str(&text)
                .map_err(|e| Error::model(&json, format!("bad vocabulary file ({e}); re-convert the model")));
        }
        let txt = dir.join(format!("{name}.txt"));
        if txt.is_file() {
            let text = fs::read_to_string(&txt).map_err(|e| Error::io(&txt, e))?;
            return Ok(text.lines().map(str::to_string).collect());
        }
    }
    let wanted: Vec<String> = names.iter().map(|n| format!("{n}.json")).collect();
    Err(Error::model(
        dir,
        format!("no {}: the model directory is incomplete; re-download or re-convert it", wanted.join(" or ")),
    ))
}

fn read_config(dir: &Path) -> Result<ModelConfig> {
    let path = dir.join("config.json");
    match fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text)
            .map_err(|e| Error::model(&path, format!("bad config.json ({e}); re-convert the model"))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ModelConfig::default()),
        Err(e) => Err(Error::io(path, e)),
    }
}

const TARGET_VOCAB: &[&str] = &["target_vocabulary", "shared_vocabulary"];

/// Finds the SentencePiece models in `dir` or its parent (Argos packages keep
/// `sentencepiece.model` beside the `model/` directory).
fn find_tokenizers(dir: &Path) -> Result<(PathBuf, PathBuf)> {
    let candidates = [Some(dir), dir.parent()];
    for base in candidates.into_iter().flatten() {
        if let Some(source) = TOKENIZER_NAMES.iter().map(|n| base.join(n)).find(|p| p.is_file()) {
            let target = base.join("target.spm");
            let target = if target.is_file() { target } else { source.clone() };
            return Ok((source, target));
        }
    }
    Err(Error::Tokenizer {
        path: dir.to_path_buf(),
        problem: format!(
            "no SentencePiece model ({}) here or in the parent directory; give the tokenizer file",
            TOKENIZER_NAMES.join(", ")
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn append_eos_follows_the_config() {
        let mut m = ModelDir {
            path: "m".into(),
            family: Family::Bilingual,
            config: ModelConfig::default(),
            target_vocab: Vec::new(),
            source_spm: "s".into(),
            target_spm: "s".into(),
        };
        assert!(!m.append_eos(), "OpenNMT-style: decoder starts from <s>");
        m.config.decoder_start_token = Some("</s>".into());
        assert!(m.append_eos(), "Marian-style");
        m.config.add_source_eos = true;
        assert!(!m.append_eos(), "CTranslate2 adds it");
        m.family = Family::Nllb;
        m.config.add_source_eos = false;
        assert!(m.append_eos());
    }
}
