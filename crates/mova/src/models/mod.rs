//! Models by name: manifests, where installed models live, and installing them.
//!
//! In: a model name (`opus-mt-zle`) or a path. Out: the model directory
//! ([`resolve`]), the installed models ([`installed`]), and installs
//! ([`install::install`]): download with resume and checksum, conversion by
//! CTranslate2's own converter, a `NAME.partial` directory renamed at the end.
//!
//! Manifests are data (`models/manifests/NAME.json`, built in); a directory in
//! `MOVA_MODEL_MANIFESTS` adds or replaces them (a site's own models or copies).

pub mod download;
pub mod install;
pub mod manifest;

use std::fs;
use std::path::{Component, Path, PathBuf};

pub use manifest::Manifest;

use crate::error::shown;

/// Errors of finding, downloading and installing models.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelsError {
    /// A file or directory could not be read or written.
    #[error("{}: {source}", shown(path))]
    Io { path: PathBuf, source: std::io::Error },

    /// A name no manifest knows.
    #[error("unknown model '{name}'; known: {known}")]
    Unknown { name: String, known: String },

    /// A manifest file that does not parse.
    #[error("{}: bad model manifest ({message}); fix or remove it", shown(path))]
    Manifest { path: PathBuf, message: String },

    /// A known model that is not installed.
    #[error("{name}: model not installed (looked in {}); install it with `{command}`", shown(dir))]
    NotInstalled { name: String, dir: PathBuf, command: String },

    /// The model is installed already.
    #[error(
        "{}: model already installed; use it with --model {name}, or pass --force to install it again",
        shown(path)
    )]
    AlreadyInstalled { name: String, path: PathBuf },

    /// A download that failed (after its retries, when it was worth retrying).
    #[error("{url}: download failed ({message}){}", if *resumable { format!("; run the same command again to resume (kept: {})", shown(partial)) } else { String::new() })]
    Download { url: String, message: String, partial: PathBuf, resumable: bool },

    /// A downloaded file whose size or SHA-256 is not the manifest's.
    #[error("{}: {what} mismatch (expected {expected}, got {got}): the download is corrupt or not the published file; it was removed, nothing is installed; try again, or another --mirror", shown(path))]
    Checksum { path: PathBuf, what: &'static str, expected: String, got: String },

    /// A release archive that cannot be unpacked or lacks what the converter reads.
    #[error("{}: {message}", shown(path))]
    Archive { path: PathBuf, message: String },

    /// Python, the virtual environment or the converter failed.
    #[error("{command}: {message}")]
    Tool { command: String, message: String },

    /// The converted model does not load as mova expects.
    #[error("{}: the converted model is not usable ({message}); nothing is installed", shown(path))]
    Converted { path: PathBuf, message: String },
}

/// Result with [`ModelsError`].
pub type Result<T, E = ModelsError> = std::result::Result<T, E>;

pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> ModelsError {
    ModelsError::Io { path: path.into(), source }
}

/// Where installed models live: `$MOVA_MODELS`, else the user's data directory
/// (`~/.local/share/mova/models` on Linux).
pub fn models_dir() -> PathBuf {
    match std::env::var_os("MOVA_MODELS") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => dirs::data_dir().unwrap_or_else(std::env::temp_dir).join("mova").join("models"),
    }
}

/// The command that installs `name`, as printed in messages.
pub fn install_command(name: &str) -> String {
    format!("mova models get {name}")
}

/// A model given by name or directory → the model, inspected: a bare name is an
/// installed model (`opus-mt-zle` → `$MOVA_MODELS/opus-mt-zle`).
pub fn inspect(
    spec: &Path,
    family: Option<crate::family::Family>,
    tokenizer: Option<&Path>,
) -> crate::Result<crate::model::ModelDir> {
    let dir = resolve(spec).map_err(|e| match e {
        ModelsError::NotInstalled { dir, command, .. } => crate::Error::model(
            spec,
            format!("model not installed (looked in {}); install it with `{command}`", shown(&dir)),
        ),
        e => crate::Error::model(spec, e.to_string()),
    })?;
    crate::model::ModelDir::inspect(&dir, family, tokenizer)
}

/// A `--model` value → a model directory: an existing path is itself; a bare
/// name (no `/`) is the model of that name under [`models_dir`]; a known name
/// not installed is an error giving the command that installs it. Anything
/// else comes back unchanged, for the model checks to report.
pub fn resolve(spec: &Path) -> Result<PathBuf> {
    if spec.exists() {
        return Ok(spec.to_path_buf());
    }
    let Some(name) = bare_name(spec) else { return Ok(spec.to_path_buf()) };
    let dir = models_dir();
    let installed = dir.join(name);
    if installed.exists() {
        return Ok(installed);
    }
    if manifest::find(name).is_ok() {
        return Err(ModelsError::NotInstalled { name: name.to_string(), dir, command: install_command(name) });
    }
    Ok(spec.to_path_buf())
}

/// `spec` as a model name: one plain path component, no `.partial`.
fn bare_name(spec: &Path) -> Option<&str> {
    let mut parts = spec.components();
    match (parts.next(), parts.next()) {
        (Some(Component::Normal(n)), None) => n.to_str().filter(|n| !n.ends_with(".partial") && !n.starts_with('.')),
        _ => None,
    }
}

/// An installed model, as `mova models` lists it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Installed {
    pub name: String,
    pub path: PathBuf,
    /// Detected from the vocabulary (`?` when the directory cannot be read as a model).
    pub family: String,
    /// Of ru and be, those its vocabulary can select (all for bilingual models).
    pub targets: Vec<String>,
    pub quantization: String,
    pub bytes: u64,
    pub source: String,
    pub licence: String,
}

/// An install that did not finish (`NAME.partial`): what a rerun resumes.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Unfinished {
    pub name: String,
    pub path: PathBuf,
    pub bytes: u64,
}

/// The models installed in `dir`, by name, and the unfinished installs.
pub fn installed(dir: &Path) -> Result<(Vec<Installed>, Vec<Unfinished>)> {
    let mut models = Vec::new();
    let mut unfinished = Vec::new();
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((models, unfinished)),
        Err(e) => return Err(io(dir, e)),
    };
    for e in entries.flatten() {
        let path = e.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_string) else { continue };
        if !path.is_dir() || name.starts_with('.') {
            continue;
        }
        if let Some(stem) = name.strip_suffix(".partial") {
            unfinished.push(Unfinished { name: stem.to_string(), bytes: dir_size(&path), path });
            continue;
        }
        if !path.join("model.bin").is_file() {
            continue;
        }
        models.push(describe(&name, &path));
    }
    models.sort_by(|a, b| a.name.cmp(&b.name));
    unfinished.sort_by(|a, b| a.name.cmp(&b.name));
    Ok((models, unfinished))
}

fn describe(name: &str, path: &Path) -> Installed {
    let note = fs::read_to_string(path.join(SOURCE_NOTE)).unwrap_or_default();
    let field = |key: &str| {
        note.lines()
            .find_map(|l| l.strip_prefix(key).and_then(|r| r.strip_prefix(':')))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| "?".into())
    };
    let (family, targets) = match crate::model::ModelDir::inspect(path, None, None) {
        Ok(m) => {
            let targets =
                crate::Lang::ALL.iter().filter(|l| m.check_target(**l).is_ok()).map(|l| l.to_string()).collect();
            (m.family.to_string(), targets)
        }
        Err(_) => ("?".into(), Vec::new()),
    };
    Installed {
        name: name.to_string(),
        path: path.to_path_buf(),
        family,
        targets,
        quantization: field("Quantization"),
        bytes: dir_size(path),
        source: field("Source"),
        licence: field("Licence"),
    }
}

/// The note `mova models get` writes beside each model: `Key: value` lines.
pub const SOURCE_NOTE: &str = "MODEL_SOURCE.md";

/// Bytes of the files under `dir`.
pub fn dir_size(dir: &Path) -> u64 {
    let Ok(entries) = fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => dir_size(&e.path()),
            Ok(t) if t.is_file() => e.metadata().map_or(0, |m| m.len()),
            _ => 0,
        })
        .sum()
}

/// `n` bytes for people: `1.2 GB`, `340 MB`, `12 KB`.
pub fn human_bytes(n: u64) -> String {
    let n = n as f64;
    if n >= 1e9 {
        format!("{:.1} GB", n / 1e9)
    } else if n >= 1e6 {
        format!("{:.0} MB", n / 1e6)
    } else if n >= 1e3 {
        format!("{:.0} KB", n / 1e3)
    } else {
        format!("{n} B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_names() {
        assert_eq!(bare_name(Path::new("opus-mt-zle")), Some("opus-mt-zle"));
        assert_eq!(bare_name(Path::new("models/opus-mt-zle")), None);
        assert_eq!(bare_name(Path::new("./opus-mt-zle")), None);
        assert_eq!(bare_name(Path::new("/m")), None);
        assert_eq!(bare_name(Path::new("x.partial")), None);
    }
}
