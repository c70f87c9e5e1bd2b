//! Links mova to a CTranslate2 engine.
//!
//! With the default `engine-prebuilt` feature, ct2rs (feature `system`) asks for
//! `-lctranslate2`; this script provides it: the official prebuilt
//! `libctranslate2` (MKL + OpenMP inside) and its `libgomp`, taken from the
//! `ctranslate2` wheel on PyPI whose version matches the headers ct2rs bundles.
//! They are unpacked once into a stable directory outside the build tree, and
//! binaries get an rpath to it, so `cargo install` results keep working after
//! `target/` is gone. The rpath is set for this crate's own tests; packages
//! that link mova read the directory from `DEP_MOVA_ENGINE_DIR` (see the CLI's
//! build.rs), since link arguments do not pass to dependents.
//!
//! Environment:
//! - `MOVA_ENGINE_DIR`: where the engine lives (default
//!   `$CARGO_HOME/mova-engine/ctranslate2-<version>`); reused when present.
//! - `MOVA_CT2_WHEEL`: a local `ctranslate2-<version>-*-manylinux*_x86_64.whl`
//!   to unpack instead of downloading (offline builds).
//! - `MOVA_PYTHON`: the Python used to download and unpack (default `python3`).
//!
//! The other engine features (`engine-source`, `engine-ruy`) build CTranslate2
//! from source inside ct2rs and need nothing from here.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The CTranslate2 version whose headers ct2rs 0.10.3 bundles. Bump both together.
const CT2_VERSION: &str = "4.8.4";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    for var in ["MOVA_ENGINE_DIR", "MOVA_CT2_WHEEL", "MOVA_PYTHON", "CARGO_HOME"] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    if env::var_os("CARGO_FEATURE_ENGINE_PREBUILT").is_none() {
        return;
    }
    let target = env::var("TARGET").unwrap_or_default();
    if !(target.starts_with("x86_64") && target.contains("linux")) {
        fail(&format!(
            "the prebuilt engine is for x86_64 Linux, not {target}; build with \
             `--no-default-features --features engine-source` (oneDNN) or \
             `--no-default-features --features engine-ruy` (aarch64)"
        ));
    }
    let dir = engine_dir();
    if !dir.join("libctranslate2.so").exists() {
        install_engine(&dir);
    }
    println!("cargo:rerun-if-changed={}", dir.join("libctranslate2.so").display());
    println!("cargo:rustc-link-search=native={}", dir.display());
    // ct2rs also asks for `cpu_features`, which the prebuilt engine contains: an
    // empty archive satisfies the final link. It lives here, not in
    // native/link-stubs, so a from-source build links its real cpu_features.
    let stubs = PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"))).join("link-stubs");
    fs::create_dir_all(&stubs).unwrap_or_else(|e| fail(&format!("cannot create {}: {e}", stubs.display())));
    fs::write(stubs.join("libcpu_features.a"), b"!<arch>\n")
        .unwrap_or_else(|e| fail(&format!("cannot write to {}: {e}", stubs.display())));
    println!("cargo:rustc-link-search=native={}", stubs.display());
    // $ORIGIN first: a binary shipped with the libraries beside it uses those.
    println!("cargo:rustc-link-arg=-Wl,-rpath,$ORIGIN:{}", dir.display());
    println!("cargo:rustc-env=MOVA_ENGINE_DIR={}", dir.display());
    // For packages that link mova (`links = "mova-engine"`): their build scripts
    // read DEP_MOVA_ENGINE_DIR and give their own binaries the same rpath.
    println!("cargo:dir={}", dir.display());
}

fn engine_dir() -> PathBuf {
    if let Some(dir) = env::var_os("MOVA_ENGINE_DIR") {
        return PathBuf::from(dir);
    }
    let cargo_home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| fail("neither CARGO_HOME nor HOME is set; set MOVA_ENGINE_DIR"));
    cargo_home.join("mova-engine").join(format!("ctranslate2-{CT2_VERSION}"))
}

fn install_engine(dir: &Path) {
    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set")));
    let python = env::var("MOVA_PYTHON").unwrap_or_else(|_| "python3".into());
    let wheel = match env::var_os("MOVA_CT2_WHEEL") {
        Some(w) => PathBuf::from(w),
        None => download_wheel(&python, &out.join("wheel")),
    };
    let parent = dir.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent).unwrap_or_else(|e| fail(&format!("cannot create {}: {e}", parent.display())));
    // Unpack beside the final place, then rename: a crash never leaves half an engine.
    let staging = parent.join(format!(".staging-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging).unwrap_or_else(|e| fail(&format!("cannot create {}: {e}", staging.display())));
    let script = "import sys, zipfile, os\n\
        z = zipfile.ZipFile(sys.argv[1])\n\
        libs = [n for n in z.namelist() if n.startswith('ctranslate2.libs/') and '.so' in n]\n\
        ct2 = [n for n in libs if os.path.basename(n).startswith('libctranslate2')]\n\
        assert len(ct2) == 1, 'no single libctranslate2 in the wheel: %r' % libs\n\
        for n in libs:\n\
        \x20   open(os.path.join(sys.argv[2], os.path.basename(n)), 'wb').write(z.read(n))\n\
        print(os.path.basename(ct2[0]))\n";
    let output = Command::new(&python)
        .arg("-c")
        .arg(script)
        .arg(&wheel)
        .arg(&staging)
        .output()
        .unwrap_or_else(|e| fail(&format!("cannot run {python}: {e}; install Python 3 or set MOVA_PYTHON")));
    if !output.status.success() {
        fail(&format!("cannot unpack {}: {}", wheel.display(), String::from_utf8_lossy(&output.stderr).trim()));
    }
    let lib = String::from_utf8_lossy(&output.stdout).trim().to_string();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&lib, staging.join("libctranslate2.so"))
        .unwrap_or_else(|e| fail(&format!("cannot link libctranslate2.so: {e}")));
    fs::write(staging.join("SOURCE"), format!("ctranslate2 {CT2_VERSION} wheel from PyPI: {}\n", wheel.display()))
        .unwrap_or_else(|e| fail(&format!("cannot write to {}: {e}", staging.display())));
    let _ = fs::remove_dir_all(dir);
    if let Err(e) = fs::rename(&staging, dir) {
        // Another build installed it meanwhile: keep theirs.
        let _ = fs::remove_dir_all(&staging);
        if !dir.join("libctranslate2.so").exists() {
            fail(&format!("cannot move the engine into {}: {e}", dir.display()));
        }
    }
}

fn download_wheel(python: &str, into: &Path) -> PathBuf {
    let _ = fs::remove_dir_all(into);
    let status = Command::new(python)
        .args(["-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"])
        .args(["--platform", "manylinux_2_28_x86_64", "--python-version", "3.11"])
        .args(["--implementation", "cp", "-d"])
        .arg(into)
        .arg(format!("ctranslate2=={CT2_VERSION}"))
        .status()
        .unwrap_or_else(|e| fail(&format!("cannot run {python} -m pip: {e}")));
    if !status.success() {
        fail(&format!(
            "`{python} -m pip download ctranslate2=={CT2_VERSION}` failed; download the wheel \
             yourself and set MOVA_CT2_WHEEL=/path/to/it.whl, or build the engine from source \
             with `--no-default-features --features engine-source`"
        ));
    }
    fs::read_dir(into)
        .ok()
        .and_then(|entries| {
            entries.filter_map(Result::ok).map(|e| e.path()).find(|p| p.extension().is_some_and(|x| x == "whl"))
        })
        .unwrap_or_else(|| fail(&format!("pip left no wheel in {}", into.display())))
}

fn fail(msg: &str) -> ! {
    eprintln!("mova build: {msg}");
    panic!("mova build: {msg}");
}
