//! Installing a model by name: everything happens in `DIR/NAME.partial`, which
//! becomes `DIR/NAME` by one rename at the end, so a failed or interrupted
//! install never leaves something that looks like a model.
//!
//! Marian releases (OPUS-MT): the zip is downloaded into `NAME.partial/download`
//! (resumed on a rerun), its size and SHA-256 checked against the manifest
//! (a mismatch removes `NAME.partial` whole), unpacked into `release/`, and
//! converted by CTranslate2's `ct2-opus-mt-converter` (numpy, no PyTorch) into
//! `model/`. Hugging Face models: `ct2-transformers-converter` fetches and
//! converts them itself. Both converters run in a virtual environment
//! ([`default_venv`]) that is made and filled with the manifest's packages.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use super::download::{self, Progress};
use super::manifest::{FileRef, Manifest, Source};
use super::{io, ModelsError, Result, SOURCE_NOTE};

/// Quantizations CTranslate2's converters accept.
pub const QUANTIZATIONS: [&str; 8] =
    ["int8", "int8_float16", "int8_float32", "int8_bfloat16", "int16", "float16", "bfloat16", "float32"];

/// How to install.
#[derive(Debug, Clone)]
pub struct Options {
    /// The models directory (the model goes to `dir/NAME`).
    pub dir: PathBuf,
    /// Fetch the files from here instead (same file names), or, for Hugging
    /// Face models, use it as `HF_ENDPOINT`.
    pub mirror: Option<String>,
    pub quantization: String,
    /// The Python that makes the virtual environment.
    pub python: String,
    pub venv: PathBuf,
    /// Print the steps, do nothing.
    pub dry_run: bool,
    /// Install again over an installed model (replaced only at the end).
    pub force: bool,
}

/// The converter's virtual environment: `$MOVA_CONVERT_VENV`, else
/// `convert-venv` in mova's cache directory.
pub fn default_venv() -> PathBuf {
    match std::env::var_os("MOVA_CONVERT_VENV") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => dirs::cache_dir().unwrap_or_else(std::env::temp_dir).join("mova").join("convert-venv"),
    }
}

/// What an install did.
#[derive(Debug, Clone)]
pub struct Installed {
    pub path: PathBuf,
    pub seconds: f64,
    /// SHA-256 of each downloaded file, and whether the manifest had it.
    pub checksums: Vec<(String, String, bool)>,
}

/// Installs `m` as `o.dir/NAME`; `say` gets each step (commands as `+ …`).
pub fn install(m: &Manifest, o: &Options, progress: &dyn Progress, say: &mut dyn FnMut(&str)) -> Result<Installed> {
    let t = Instant::now();
    if !QUANTIZATIONS.contains(&o.quantization.as_str()) {
        return Err(ModelsError::Tool {
            command: "--quantization".into(),
            message: format!("unknown quantization '{}'; one of {}", o.quantization, QUANTIZATIONS.join(", ")),
        });
    }
    let target = o.dir.join(&m.name);
    if target.join("model.bin").exists() && !o.force {
        return Err(ModelsError::AlreadyInstalled { name: m.name.clone(), path: target });
    }
    let partial = o.dir.join(format!("{}.partial", m.name));
    let mut w = Work {
        model_out: partial.join("model"),
        partial,
        note: vec![format!("# {}", m.name), String::new(), m.title.clone(), String::new()],
        checksums: Vec::new(),
    };
    ensure_venv(m, o, say)?;
    let converter = match &m.source {
        Source::MarianRelease { files, copy } => from_release(m, files, copy, o, progress, say, &mut w)?,
        Source::HuggingFace { repo, copy_files, .. } => from_hub(repo, copy_files, o, say, &mut w)?,
    };
    w.note.push(format!("Converter: {converter} (ctranslate2 {})", ct2_version(m)));
    w.note.push(format!("Quantization: {}", o.quantization));
    w.note.push(format!("Licence: {}", m.licence));
    w.note.push(format!("Model card: {}", m.card));
    w.note.push(format!(
        "Installed: by `mova models get {}` on {}, in {:.1} s",
        m.name,
        today(),
        t.elapsed().as_secs_f64()
    ));
    finish(m, o, say, w, target, t)
}

/// An install under way: its `NAME.partial` directory and what it has found.
struct Work {
    partial: PathBuf,
    model_out: PathBuf,
    /// The lines of `MODEL_SOURCE.md`.
    note: Vec<String>,
    checksums: Vec<(String, String, bool)>,
}

/// An OPUS-MT release: download and check its zip(s), unpack, convert, copy the
/// tokenizers. Returns the converter's name.
fn from_release(
    m: &Manifest,
    files: &[super::manifest::FileRef],
    copy: &[String],
    o: &Options,
    progress: &dyn Progress,
    say: &mut dyn FnMut(&str),
    w: &mut Work,
) -> Result<&'static str> {
    let Some(first) = files.first() else {
        return Err(ModelsError::Manifest { path: m.origin.clone(), message: "no files listed".into() });
    };
    for f in files {
        let (hex, known) = fetch_checked(f, &w.partial, o, progress, say)?;
        w.note.push(format!("Source: {}", f.url));
        if let Some(mirror) = &o.mirror {
            w.note.push(format!("Fetched from: {}", f.url_from(Some(mirror))));
        }
        let how = if known {
            "as the manifest gives it"
        } else {
            "computed at download: not published, nothing to check it against"
        };
        w.note.push(format!("SHA-256: {hex} ({how})"));
        w.checksums.push((f.file_name().to_string(), hex, known));
    }
    let zip = w.partial.join("download").join(first.file_name());
    let release = w.partial.join("release");
    say(&format!("+ unzip {} -d {}", zip.display(), release.display()));
    // A zip that passed its checks but does not unpack is fetched anew next time.
    let root =
        if o.dry_run { release.clone() } else { unzip(&zip, &release).map_err(|e| cleanup(&w.partial, true, e))? };
    let converter = "ct2-opus-mt-converter";
    let cmd = [
        o.venv.join("bin").join(converter).display().to_string(),
        "--model_dir".into(),
        root.display().to_string(),
        "--output_dir".into(),
        w.model_out.display().to_string(),
        "--quantization".into(),
        o.quantization.clone(),
    ];
    run_converter(&cmd, &[], &w.partial, &w.model_out, o, say)?;
    for name in copy {
        let from = root.join(name);
        say(&format!("+ cp {} {}", from.display(), w.model_out.display()));
        if o.dry_run {
            continue;
        }
        match fs::copy(&from, w.model_out.join(name)) {
            Ok(_) => {}
            Err(_) if !name.ends_with(".spm") => {} // README.md, LICENSE: kept when the release has them
            Err(e) => {
                let message = format!("no {name} in the release ({e}); the tokenizer is needed to translate");
                return Err(cleanup(&w.partial, false, ModelsError::Archive { path: zip.clone(), message }));
            }
        }
    }
    Ok(converter)
}

/// A Hugging Face model: CTranslate2's converter downloads and converts it.
fn from_hub(
    repo: &str,
    copy_files: &[String],
    o: &Options,
    say: &mut dyn FnMut(&str),
    w: &mut Work,
) -> Result<&'static str> {
    let converter = "ct2-transformers-converter";
    let mut cmd = vec![
        o.venv.join("bin").join(converter).display().to_string(),
        "--model".into(),
        repo.to_string(),
        "--output_dir".into(),
        w.model_out.display().to_string(),
        "--quantization".into(),
        o.quantization.clone(),
        "--copy_files".into(),
    ];
    cmd.extend(copy_files.iter().cloned());
    let env: Vec<(&str, String)> =
        o.mirror.iter().map(|m| ("HF_ENDPOINT", m.trim_end_matches('/').to_string())).collect();
    run_converter(&cmd, &env, &w.partial, &w.model_out, o, say)?;
    w.note.push(format!("Source: https://huggingface.co/{repo}"));
    if let Some(mirror) = &o.mirror {
        w.note.push(format!("Fetched from: {mirror} (HF_ENDPOINT)"));
    }
    Ok(converter)
}

/// Writes the source note, checks the converted model, and renames it into
/// place (an old one, under --force, goes only once the new one is whole).
fn finish(
    m: &Manifest,
    o: &Options,
    say: &mut dyn FnMut(&str),
    w: Work,
    target: PathBuf,
    t: Instant,
) -> Result<Installed> {
    let Work { partial, model_out, note, checksums } = w;
    say(&format!("+ write {}", model_out.join(SOURCE_NOTE).display()));
    say(&format!("+ mv {} {}", model_out.display(), target.display()));
    if o.dry_run {
        return Ok(Installed { path: target, seconds: 0.0, checksums });
    }
    fs::write(model_out.join(SOURCE_NOTE), note.join("\n") + "\n")
        .map_err(|e| cleanup(&partial, false, io(model_out.join(SOURCE_NOTE), e)))?;
    check_converted(m, &model_out).map_err(|e| cleanup(&partial, false, e))?;
    if target.exists() {
        let old = partial.join("old");
        fs::rename(&target, &old).map_err(|e| io(&target, e))?;
    }
    fs::rename(&model_out, &target).map_err(|e| io(&target, e))?;
    fs::remove_dir_all(&partial).map_err(|e| io(&partial, e))?;
    Ok(Installed { path: target, seconds: t.elapsed().as_secs_f64(), checksums })
}

fn ct2_version(m: &Manifest) -> String {
    m.pip.iter().find_map(|p| p.strip_prefix("ctranslate2==")).unwrap_or("?").to_string()
}

/// Downloads `f` into `partial/download` and checks it; the SHA-256 and
/// whether the manifest gave it. A mismatch removes `partial` whole.
fn fetch_checked(
    f: &FileRef,
    partial: &Path,
    o: &Options,
    progress: &dyn Progress,
    say: &mut dyn FnMut(&str),
) -> Result<(String, bool)> {
    let url = f.url_from(o.mirror.as_deref());
    let dest = partial.join("download").join(f.file_name());
    let size = f.size.map_or("size not published".to_string(), |s| format!("{s} bytes"));
    let sha = f.sha256.as_deref().unwrap_or("SHA-256 not published");
    say(&format!("+ download {url} -> {} ({size}; {sha})", dest.display()));
    if o.dry_run {
        return Ok((f.sha256.clone().unwrap_or_default(), f.sha256.is_some()));
    }
    let parent = partial.join("download");
    fs::create_dir_all(&parent).map_err(|e| io(&parent, e))?;
    download::fetch(&url, &dest, f.size, progress).map_err(|e| cleanup(partial, false, e))?;
    let got_size = fs::metadata(&dest).map_err(|e| io(&dest, e))?.len();
    if let Some(s) = f.size.filter(|s| *s != got_size) {
        return Err(cleanup(
            partial,
            true,
            ModelsError::Checksum {
                path: dest,
                what: "size",
                expected: format!("{s} bytes"),
                got: format!("{got_size} bytes"),
            },
        ));
    }
    say(&format!("+ sha256sum {}", dest.display()));
    let hex = download::sha256(&dest)?;
    match &f.sha256 {
        Some(want) if !want.eq_ignore_ascii_case(&hex) => Err(cleanup(
            partial,
            true,
            ModelsError::Checksum { path: dest, what: "SHA-256", expected: want.to_lowercase(), got: hex },
        )),
        Some(_) => Ok((hex, true)),
        None => {
            say(&format!("mova: warning: {}: no published SHA-256 to check it against; computed {hex} (recorded in {SOURCE_NOTE})", f.file_name()));
            Ok((hex, false))
        }
    }
}

/// Removes what a failed step made: all of `partial` (`all`), or all but the
/// checked downloads, so a retry need not fetch them again. Returns `e`.
fn cleanup(partial: &Path, all: bool, e: ModelsError) -> ModelsError {
    if all {
        let _ = fs::remove_dir_all(partial);
    } else {
        for d in ["release", "model", "old"] {
            let _ = fs::remove_dir_all(partial.join(d));
        }
        if fs::read_dir(partial.join("download")).map_or(true, |mut d| d.next().is_none()) {
            let _ = fs::remove_dir_all(partial);
        }
    }
    e
}

/// Unpacks a release zip into `into` (made anew); the directory that holds
/// `decoder.yml` (the zip's root, or its one top directory).
pub fn unzip(zip: &Path, into: &Path) -> Result<PathBuf> {
    let bad = |message: String| ModelsError::Archive { path: zip.to_path_buf(), message };
    let _ = fs::remove_dir_all(into);
    fs::create_dir_all(into).map_err(|e| io(into, e))?;
    let file = fs::File::open(zip).map_err(|e| io(zip, e))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| bad(format!("not a zip archive ({e})")))?;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| bad(format!("entry {i}: {e}")))?;
        // enclosed_name refuses absolute paths and `..`: nothing lands outside `into`.
        let Some(rel) = entry.enclosed_name() else {
            return Err(bad(format!("entry '{}' points outside the archive", entry.name())));
        };
        let dest = into.join(&rel);
        if entry.is_dir() {
            fs::create_dir_all(&dest).map_err(|e| io(&dest, e))?;
            continue;
        }
        if let Some(p) = dest.parent() {
            fs::create_dir_all(p).map_err(|e| io(p, e))?;
        }
        let mut out = fs::File::create(&dest).map_err(|e| io(&dest, e))?;
        std::io::copy(&mut entry, &mut out).map_err(|e| bad(format!("{}: {e}", rel.display())))?;
    }
    if into.join("decoder.yml").is_file() {
        return Ok(into.to_path_buf());
    }
    let dirs: Vec<PathBuf> =
        fs::read_dir(into).map_err(|e| io(into, e))?.flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    match dirs.as_slice() {
        [one] if one.join("decoder.yml").is_file() => Ok(one.clone()),
        _ => Err(bad("no decoder.yml in it: not a Marian (OPUS-MT) release".into())),
    }
}

/// Makes the virtual environment if missing and installs the manifest's
/// packages (pip does nothing, and needs no network, when they are there).
fn ensure_venv(m: &Manifest, o: &Options, say: &mut dyn FnMut(&str)) -> Result<()> {
    let python = o.venv.join("bin").join("python");
    if !python.exists() || o.dry_run {
        let cmd = [o.python.clone(), "-m".into(), "venv".into(), o.venv.display().to_string()];
        say(&format!("+ {}", cmd.join(" ")));
        if !o.dry_run {
            run(&cmd, &[]).map_err(|e| match e {
                ModelsError::Tool { command, message } => ModelsError::Tool { command, message: format!("{message}; install Python 3 with venv (Debian: apt-get install python3-venv) or pass --python PY") },
                e => e,
            })?;
        }
    }
    let mut cmd = vec![
        o.venv.join("bin").join("pip").display().to_string(),
        "install".into(),
        "--quiet".into(),
        "--disable-pip-version-check".into(),
    ];
    cmd.extend(m.pip.iter().cloned());
    if let Some(index) = &m.pip_extra_index {
        cmd.extend(["--extra-index-url".into(), index.clone()]);
    }
    say(&format!("+ {}", cmd.join(" ")));
    if o.dry_run {
        return Ok(());
    }
    run(&cmd, &[]).map(drop)
}

/// Runs a converter into `out` (which must not exist yet); on failure removes
/// what it made.
fn run_converter(
    cmd: &[String],
    env: &[(&str, String)],
    partial: &Path,
    out: &Path,
    o: &Options,
    say: &mut dyn FnMut(&str),
) -> Result<()> {
    say(&format!("+ {}{}", env.iter().map(|(k, v)| format!("{k}={v} ")).collect::<String>(), cmd.join(" ")));
    if o.dry_run {
        return Ok(());
    }
    let _ = fs::remove_dir_all(out);
    fs::create_dir_all(partial).map_err(|e| io(partial, e))?;
    run(cmd, env).map(drop).map_err(|e| cleanup(partial, false, e))
}

fn run(cmd: &[String], env: &[(&str, String)]) -> Result<String> {
    let shown = cmd.join(" ");
    let out = Command::new(&cmd[0])
        .args(&cmd[1..])
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .map_err(|e| ModelsError::Tool { command: shown.clone(), message: format!("cannot run it ({e})") })?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let tail: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
        let tail = tail[tail.len().saturating_sub(3)..].join(" | ");
        return Err(ModelsError::Tool { command: shown, message: format!("failed ({}): {tail}", out.status) });
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The converted model must be what the manifest says: a CTranslate2 model
/// of its family that can select each of mova's targets it lists.
fn check_converted(m: &Manifest, dir: &Path) -> Result<()> {
    let bad = |message: String| ModelsError::Converted { path: dir.to_path_buf(), message };
    let model = crate::model::ModelDir::inspect(dir, None, None).map_err(|e| bad(e.to_string()))?;
    let want = match m.family.as_str() {
        "opus-mt" => crate::family::Family::OpusMt,
        "nllb" => crate::family::Family::Nllb,
        "m2m" => crate::family::Family::M2m,
        _ => crate::family::Family::Bilingual,
    };
    if model.family != want {
        return Err(bad(format!("its vocabulary reads as {}, the manifest says {}", model.family, m.family)));
    }
    for lang in crate::Lang::ALL.iter().filter(|l| m.targets.iter().any(|t| t == l.code())) {
        model.check_target(*lang).map_err(|e| bad(e.to_string()))?;
    }
    Ok(())
}

/// Today's date (UTC) as YYYY-MM-DD.
fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
    crate::cache::stats::utc(secs)[..10].to_string()
}
