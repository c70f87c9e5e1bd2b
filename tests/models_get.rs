//! `mova models get` end to end without the internet: a tiny model in the Marian
//! release format (random weights, 2+2 layers, width 32, a SentencePiece model
//! trained here: scripts/make-marian-test-model), zipped as OPUS-MT releases are,
//! served from an HTTP server on 127.0.0.1 in this test, installed by name
//! through --mirror with CTranslate2's own ct2-opus-mt-converter, then used by
//! `mova translate --model opus-mt-zle`. Its translations are noise; what is
//! checked is the path: download, resume, checksum, conversion, loading, and
//! the articles' structure.
//!
//! Needs Python 3 with venv and pip, and PyPI once (the converter's virtual
//! environment, kept in the target directory across runs).

mod common;

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Instant;

use common::{mova, repo};

/// The real release's file name: the mirror serves the test zip under it.
const ZIP: &str = "opusTCv20210807+bt_transformer-big_2022-03-13.zip";

/// The converter's virtual environment (ctranslate2 4.8.4, numpy, sentencepiece),
/// made once per target directory; None when there is no python3 at all.
fn venv() -> Option<PathBuf> {
    static VENV: OnceLock<Option<PathBuf>> = OnceLock::new();
    VENV.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("convert-venv-ct2-4.8.4");
        let python = dir.join("bin/python");
        let ready = |p: &Path| Command::new(p).args(["-c", "import ctranslate2, sentencepiece, numpy, yaml; assert ctranslate2.__version__ == '4.8.4'"]).status().is_ok_and(|s| s.success());
        if ready(&python) && dir.join("bin/ct2-opus-mt-converter").exists() {
            return Some(dir);
        }
        if Command::new("python3").arg("--version").output().is_err() {
            eprintln!("SKIPPED: no python3 on this machine; `mova models get` needs Python 3 with venv and pip (see README, Prerequisites)");
            return None;
        }
        let _ = fs::remove_dir_all(&dir);
        let st = Command::new("python3").args(["-m", "venv"]).arg(&dir).status().unwrap();
        assert!(st.success(), "python3 -m venv failed: install python3-venv (.ci/run does)");
        let st = Command::new(dir.join("bin/pip")).args(["install", "--quiet", "--disable-pip-version-check", "ctranslate2==4.8.4", "sentencepiece"]).status().unwrap();
        assert!(st.success(), "pip install ctranslate2==4.8.4 sentencepiece failed (PyPI is needed once)");
        assert!(ready(&python));
        Some(dir)
    })
    .clone()
}

/// The test release zip, built once per test run.
fn release_zip() -> Option<Vec<u8>> {
    static ZIP_BYTES: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    ZIP_BYTES
        .get_or_init(|| {
            let venv = venv()?;
            let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("marian-release-{}.zip", std::process::id()));
            let o = Command::new(venv.join("bin/python"))
                .arg(repo("scripts/make-marian-test-model"))
                .arg(&out)
                .output()
                .unwrap();
            assert!(o.status.success(), "make-marian-test-model: {}", String::from_utf8_lossy(&o.stderr));
            let bytes = fs::read(&out).unwrap();
            let _ = fs::remove_file(&out);
            Some(bytes)
        })
        .clone()
}

fn sha256_hex(b: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(b).iter().map(|x| format!("{x:02x}")).collect()
}

/// How the server misbehaves.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Whole,
    /// The first request gets half the file, then the connection is cut.
    CutFirst,
    /// One byte in the middle is flipped.
    Corrupt,
}

/// An HTTP/1.1 server on 127.0.0.1 serving files by name, with ranges; it
/// records each request's Range header ("-" for none).
struct Server {
    url: String,
    ranges: Arc<Mutex<Vec<String>>>,
}

fn serve(files: HashMap<String, Vec<u8>>, mode: Mode) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let ranges = Arc::new(Mutex::new(Vec::new()));
    let log = ranges.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let n = log.lock().unwrap().len();
            let _ = answer(stream, &files, mode, n, &log);
        }
    });
    Server { url, ranges }
}

fn answer(
    mut stream: TcpStream,
    files: &HashMap<String, Vec<u8>>,
    mode: Mode,
    n: usize,
    log: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or("/").trim_start_matches('/').to_string();
    let mut range = None;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            if k.eq_ignore_ascii_case("range") {
                range = v
                    .trim()
                    .strip_prefix("bytes=")
                    .and_then(|r| r.strip_suffix('-'))
                    .and_then(|s| s.parse::<usize>().ok());
            }
        }
    }
    log.lock().unwrap().push(range.map_or("-".into(), |r| r.to_string()));
    let Some(data) = files.get(&path) else {
        return stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    };
    let mut data = data.clone();
    if mode == Mode::Corrupt {
        let mid = data.len() / 2;
        data[mid] ^= 0xff;
    }
    let from = range.unwrap_or(0).min(data.len());
    let head = match range {
        Some(r) => format!("HTTP/1.1 206 Partial Content\r\nContent-Length: {}\r\nContent-Range: bytes {r}-{}/{}\r\nConnection: close\r\n\r\n", data.len() - from, data.len() - 1, data.len()),
        None => format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", data.len()),
    };
    stream.write_all(head.as_bytes())?;
    if mode == Mode::CutFirst && n == 0 {
        stream.write_all(&data[..data.len() / 2])?;
        stream.flush()?;
        return stream.shutdown(std::net::Shutdown::Both);
    }
    stream.write_all(&data[from..])
}

/// A scratch place: models dir, manifests dir, output dir.
struct Place {
    root: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        Place { root: tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap() }
    }
    fn models(&self) -> PathBuf {
        self.root.path().join("models")
    }
    /// A manifest for opus-mt-zle like the real one, with the test zip's size and SHA-256.
    fn manifests(&self, zip: &[u8]) -> PathBuf {
        let dir = self.root.path().join("manifests");
        fs::create_dir_all(&dir).unwrap();
        let mut m: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(repo("models/manifests/opus-mt-zle.json")).unwrap()).unwrap();
        let f = &mut m["source"]["files"][0];
        assert!(f["url"].as_str().unwrap().ends_with(ZIP));
        f["size"] = zip.len().into();
        f["sha256"] = sha256_hex(zip).into();
        fs::write(dir.join("opus-mt-zle.json"), m.to_string()).unwrap();
        dir
    }
    fn mova(&self, venv: &Path) -> assert_cmd::Command {
        let mut c = mova();
        c.env("MOVA_MODELS", self.models())
            .env("MOVA_CONVERT_VENV", venv)
            .env_remove("MOVA_MODEL_MIRROR")
            .env_remove("MOVA_MODEL_MANIFESTS");
        c
    }
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn paragraphs(text: &str) -> usize {
    text.split("\n\n").filter(|p| !p.trim().is_empty()).count()
}

/// The README's first sequence, against the local mirror: install by name,
/// list, translate the example articles by name.
#[test]
fn installs_by_name_through_a_mirror_and_translates() {
    let Some(zip) = release_zip() else { return };
    let venv = venv().unwrap();
    let place = Place::new();
    let manifests = place.manifests(&zip);
    let server = serve(HashMap::from([(ZIP.to_string(), zip.clone())]), Mode::Whole);

    // Not installed yet: one line with the command that installs it.
    let o = place
        .mova(&venv)
        .args(["translate", "examples/articles", "--model", "opus-mt-zle", "--out"])
        .arg(place.root.path().join("o0"))
        .current_dir(repo(""))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("opus-mt-zle: model not installed")
            && err.contains("install it with `mova models get opus-mt-zle`"),
        "{err}"
    );

    let t = Instant::now();
    let o = place
        .mova(&venv)
        .env("MOVA_MODEL_MANIFESTS", &manifests)
        .args(["models", "get", "opus-mt-zle", "--mirror", &server.url])
        .output()
        .unwrap();
    let took = t.elapsed().as_secs_f64();
    assert!(o.status.success(), "{}", stderr(&o));
    eprintln!("install of the test model ({} bytes zipped) took {took:.2} s", zip.len());
    let dir = place.models().join("opus-mt-zle");
    for f in [
        "model.bin",
        "config.json",
        "shared_vocabulary.json",
        "source.spm",
        "target.spm",
        "README.md",
        "LICENSE",
        "MODEL_SOURCE.md",
    ] {
        assert!(dir.join(f).is_file(), "{f} missing");
    }
    assert!(!place.models().join("opus-mt-zle.partial").exists());
    let note = fs::read_to_string(dir.join("MODEL_SOURCE.md")).unwrap();
    assert!(note.contains(&format!("SHA-256: {} (as the manifest gives it)", sha256_hex(&zip))), "{note}");
    assert!(note.contains("Converter: ct2-opus-mt-converter (ctranslate2 4.8.4)"), "{note}");

    let o = place.mova(&venv).args(["models"]).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let row = out.lines().find(|l| l.trim_start().starts_with("opus-mt-zle ")).unwrap_or_else(|| panic!("{out}"));
    for cell in [
        "OPUS-MT multi-target",
        "ru,be",
        "int8",
        "KB",
        "https://object.pouta.csc.fi/Tatoeba-MT-models/eng-zle/",
        "CC-BY-4.0",
    ] {
        assert!(row.contains(cell), "{cell} not in {row}");
    }
    assert!(out.contains("nllb-600m") && out.contains("not installed"), "{out}");

    // Installing again is refused without --force.
    let o = place
        .mova(&venv)
        .env("MOVA_MODEL_MANIFESTS", &manifests)
        .args(["models", "get", "opus-mt-zle", "--mirror", &server.url])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("already installed"), "{}", stderr(&o));

    // The main job, by name. The content is noise (random weights); the structure is not.
    let out = place.root.path().join("out");
    let o = place
        .mova(&venv)
        .args([
            "translate",
            "examples/articles",
            "examples/articles.jsonl",
            "--model",
            "opus-mt-zle",
            "--to",
            "ru,be",
            "--beam",
            "1",
            "--out",
        ])
        .arg(&out)
        .current_dir(repo(""))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    for e in fs::read_dir(repo("examples/articles")).unwrap().flatten() {
        let src = fs::read_to_string(e.path()).unwrap();
        let stem = e.path().file_stem().unwrap().to_string_lossy().into_owned();
        for lang in ["ru", "be"] {
            let t = fs::read_to_string(out.join(format!("{stem}.{lang}.txt"))).unwrap();
            assert_eq!(paragraphs(&t), paragraphs(&src), "{stem}.{lang}");
            assert_eq!(
                t.lines().filter(|l| l.starts_with('#')).count(),
                src.lines().filter(|l| l.starts_with('#')).count(),
                "{stem}.{lang} headings"
            );
            assert_ne!(t, src);
        }
    }
    let src: Vec<serde_json::Value> = fs::read_to_string(repo("examples/articles.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ru: Vec<serde_json::Value> = fs::read_to_string(out.join("articles.ru.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(src.len(), ru.len());
    for (s, r) in src.iter().zip(&ru) {
        assert_eq!(s["id"], r["id"]);
        assert_eq!(s["body"].as_str().unwrap().split('\n').count(), r["body"].as_str().unwrap().split('\n').count());
    }
}

/// A corrupted download is refused before conversion, and nothing is left.
#[test]
fn a_corrupted_download_is_refused_and_nothing_is_left() {
    let Some(zip) = release_zip() else { return };
    let venv = venv().unwrap();
    let place = Place::new();
    let manifests = place.manifests(&zip);
    let server = serve(HashMap::from([(ZIP.to_string(), zip.clone())]), Mode::Corrupt);
    let o = place
        .mova(&venv)
        .env("MOVA_MODEL_MANIFESTS", &manifests)
        .args(["models", "get", "opus-mt-zle", "--mirror", &server.url, "--quiet"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!("{ZIP}: SHA-256 mismatch (expected {}", sha256_hex(&zip)))
            && err.contains("it was removed, nothing is installed"),
        "{err}"
    );
    assert!(common::files(&place.models()).is_empty(), "{:?}", common::files(&place.models()));
}

/// A server that cuts the connection half-way: the same run asks for the rest.
#[test]
fn a_cut_download_resumes() {
    let Some(zip) = release_zip() else { return };
    let venv = venv().unwrap();
    let place = Place::new();
    let manifests = place.manifests(&zip);
    let server = serve(HashMap::from([(ZIP.to_string(), zip.clone())]), Mode::CutFirst);
    let o = place
        .mova(&venv)
        .env("MOVA_MODEL_MANIFESTS", &manifests)
        .args(["models", "get", "opus-mt-zle", "--mirror", &server.url])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains(&format!("download interrupted at {} bytes", zip.len() / 2)), "{}", stderr(&o));
    assert_eq!(*server.ranges.lock().unwrap(), vec!["-".to_string(), (zip.len() / 2).to_string()]);
    assert!(place.models().join("opus-mt-zle/model.bin").is_file());
}

/// A download left by a killed run is resumed by the next one.
#[test]
fn a_rerun_resumes_a_partial_download() {
    let Some(zip) = release_zip() else { return };
    let venv = venv().unwrap();
    let place = Place::new();
    let manifests = place.manifests(&zip);
    let part = place.models().join("opus-mt-zle.partial/download");
    fs::create_dir_all(&part).unwrap();
    fs::write(part.join(ZIP), &zip[..zip.len() / 3]).unwrap();
    // Listed as unfinished meanwhile, and not usable as a model.
    let o = place.mova(&venv).args(["models"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("unfinished: opus-mt-zle"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let server = serve(HashMap::from([(ZIP.to_string(), zip.clone())]), Mode::Whole);
    let o = place
        .mova(&venv)
        .env("MOVA_MODEL_MANIFESTS", &manifests)
        .args(["models", "get", "opus-mt-zle", "--mirror", &server.url])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(*server.ranges.lock().unwrap(), vec![(zip.len() / 3).to_string()]);
    assert!(place.models().join("opus-mt-zle/model.bin").is_file());
    assert!(!place.models().join("opus-mt-zle.partial").exists());
}

/// The built-in manifest itself through a mirror (MOVA_MODEL_MIRROR): the real
/// release's file name; it publishes no checksum, so the one computed is
/// printed and recorded.
#[test]
fn the_built_in_manifest_through_a_mirror() {
    let Some(zip) = release_zip() else { return };
    let venv = venv().unwrap();
    let place = Place::new();
    let server = serve(HashMap::from([(ZIP.to_string(), zip.clone())]), Mode::Whole);
    let o = place
        .mova(&venv)
        .env("MOVA_MODEL_MIRROR", &server.url)
        .args(["models", "get", "opus-mt-zle"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let hex = sha256_hex(&zip);
    assert!(
        stderr(&o).contains(&format!("no published SHA-256 to check it against; computed {hex}")),
        "{}",
        stderr(&o)
    );
    let note = fs::read_to_string(place.models().join("opus-mt-zle/MODEL_SOURCE.md")).unwrap();
    assert!(note.contains(&format!("SHA-256: {hex} (computed at download")), "{note}");
    // A missing file on the mirror: one line, nothing left.
    let empty = serve(HashMap::new(), Mode::Whole);
    let o = place
        .mova(&venv)
        .env("MOVA_MODEL_MIRROR", &empty.url)
        .args(["models", "get", "opus-mt-zle", "--force"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("HTTP 404: not on the server") && !stderr(&o).contains("resume"), "{}", stderr(&o));
    assert!(
        place.models().join("opus-mt-zle/model.bin").is_file(),
        "--force keeps the old model until the new one is whole"
    );
    assert!(!place.models().join("opus-mt-zle.partial").exists());
    // No checksum to catch it: a file that is not a zip is refused when unpacked, and removed.
    let junk = serve(HashMap::from([(ZIP.to_string(), b"<html>mirror error page</html>".to_vec())]), Mode::Whole);
    let o = place
        .mova(&venv)
        .env("MOVA_MODEL_MIRROR", &junk.url)
        .args(["models", "get", "opus-mt-zle", "--force", "--quiet"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&format!("{ZIP}: not a zip archive")), "{}", stderr(&o));
    assert!(!place.models().join("opus-mt-zle.partial").exists());
    assert!(place.models().join("opus-mt-zle/model.bin").is_file());
}
