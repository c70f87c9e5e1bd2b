//! Model manifests: what a model is, where its files are, how to convert it.
//!
//! In: `models/manifests/*.json` (built into the binary) and `*.json` in the
//! directory `MOVA_MODEL_MANIFESTS` names, which add models or replace built-in
//! ones of the same name. Out: [`Manifest`]s.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{ModelsError, Result};

/// The built-in manifests, one file per model.
const BUILT_IN: [(&str, &str); 4] = [
    ("models/manifests/opus-mt-zle.json", include_str!("../../../../models/manifests/opus-mt-zle.json")),
    ("models/manifests/nllb-600m.json", include_str!("../../../../models/manifests/nllb-600m.json")),
    ("models/manifests/nllb-1.3b.json", include_str!("../../../../models/manifests/nllb-1.3b.json")),
    ("models/manifests/m2m-418m.json", include_str!("../../../../models/manifests/m2m-418m.json")),
];

/// One model.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub name: String,
    pub title: String,
    /// `opus-mt`, `nllb`, `m2m` (as `--family` spells them).
    pub family: String,
    pub targets: Vec<String>,
    pub licence: String,
    /// The model card.
    pub card: String,
    #[serde(default)]
    pub recommended: bool,
    pub source: Source,
    /// What to install in the converter's virtual environment.
    pub pip: Vec<String>,
    /// A second package index (PyTorch's CPU wheels).
    #[serde(default)]
    pub pip_extra_index: Option<String>,
    pub needs: Needs,
    /// Where the manifest came from (not in the file).
    #[serde(skip)]
    pub origin: PathBuf,
}

/// Where the weights come from.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Source {
    /// A Marian release (OPUS-MT, Tatoeba-MT-models): a zip downloaded by mova,
    /// converted with `ct2-opus-mt-converter` (numpy, no PyTorch).
    MarianRelease {
        files: Vec<FileRef>,
        /// Files of the release copied beside the converted model.
        copy: Vec<String>,
    },
    /// A Hugging Face Hub repository, fetched and converted by
    /// `ct2-transformers-converter` (PyTorch and transformers).
    HuggingFace {
        repo: String,
        copy_files: Vec<String>,
        #[serde(default)]
        note: String,
    },
}

/// A published file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRef {
    pub url: String,
    /// Bytes, where known.
    pub size: Option<u64>,
    /// Lowercase hex SHA-256, where known.
    pub sha256: Option<String>,
    #[serde(default)]
    pub note: String,
}

impl FileRef {
    /// The file's name: the last segment of its URL.
    pub fn file_name(&self) -> &str {
        self.url.rsplit('/').next().unwrap_or(&self.url)
    }

    /// Where to fetch it: the URL, or the mirror's copy of the same file name.
    pub fn url_from(&self, mirror: Option<&str>) -> String {
        match mirror {
            Some(m) => format!("{}/{}", m.trim_end_matches('/'), self.file_name()),
            None => self.url.clone(),
        }
    }
}

/// What a model needs, in MB (estimates unless the note says otherwise).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Needs {
    pub download_mb: u64,
    /// Peak disk during the install.
    pub disk_mb: u64,
    /// The installed model.
    pub model_mb: u64,
    /// Translating.
    pub ram_mb: u64,
    /// Converting.
    pub convert_ram_mb: u64,
    #[serde(default)]
    pub note: String,
}

fn parse(origin: &Path, text: &str) -> Result<Manifest> {
    let mut m: Manifest = serde_json::from_str(text)
        .map_err(|e| ModelsError::Manifest { path: origin.to_path_buf(), message: e.to_string() })?;
    let bad = |message: String| ModelsError::Manifest { path: origin.to_path_buf(), message };
    if m.name.is_empty() || m.name.contains(['/', '\\']) || m.name.starts_with('.') || m.name.ends_with(".partial") {
        return Err(bad(format!("name '{}' is not a plain directory name", m.name)));
    }
    if let Source::MarianRelease { files, .. } = &m.source {
        for f in files {
            if let Some(h) = &f.sha256 {
                if h.len() != 64 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return Err(bad(format!("sha256 of {} is not 64 hex digits", f.url)));
                }
            }
        }
    }
    m.origin = origin.to_path_buf();
    Ok(m)
}

/// Every manifest: built-in ones, then those of `MOVA_MODEL_MANIFESTS`
/// replacing built-in ones of the same name; sorted by name.
pub fn all() -> Result<Vec<Manifest>> {
    let mut out: Vec<Manifest> = BUILT_IN.iter().map(|(p, t)| parse(Path::new(p), t)).collect::<Result<_>>()?;
    if let Some(dir) = std::env::var_os("MOVA_MODEL_MANIFESTS").filter(|d| !d.is_empty()) {
        let dir = PathBuf::from(dir);
        let entries = std::fs::read_dir(&dir).map_err(|e| super::io(&dir, e))?;
        let mut paths: Vec<PathBuf> =
            entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p).map_err(|e| super::io(&p, e))?;
            let m = parse(&p, &text)?;
            out.retain(|o| o.name != m.name);
            out.push(m);
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// The manifest of `name`.
pub fn find(name: &str) -> Result<Manifest> {
    let all = all()?;
    let known = all.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ");
    all.iter().find(|m| m.name == name).cloned().ok_or_else(|| ModelsError::Unknown { name: name.to_string(), known })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_manifests_parse() {
        for (p, t) in BUILT_IN {
            let m = parse(Path::new(p), t).unwrap();
            assert!(p.ends_with(&format!("{}.json", m.name)), "{p}");
        }
    }

    #[test]
    fn mirror_keeps_the_file_name() {
        let f = FileRef {
            url: "https://a.example/x/y/m+bt_2022.zip".into(),
            size: None,
            sha256: None,
            note: String::new(),
        };
        assert_eq!(f.url_from(Some("http://127.0.0.1:8000/")), "http://127.0.0.1:8000/m+bt_2022.zip");
        assert_eq!(f.url_from(None), f.url);
    }
}
