//! Embeds every transliteration scheme file under `models/translit/<lang>/`, so
//! adding a scheme is adding a file.

use std::env;
use std::fs;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    embed_schemes();
}

/// Embeds every transliteration scheme file under `models/translit/<lang>/`, so
/// adding a scheme is adding a file: writes `$OUT_DIR/schemes.rs`, a list of
/// (path, contents).
fn embed_schemes() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| fail("CARGO_MANIFEST_DIR is not set")))
        .join("../../models/translit");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    for lang in fs::read_dir(&root).map(|d| d.flatten().map(|e| e.path()).collect::<Vec<_>>()).unwrap_or_default() {
        println!("cargo:rerun-if-changed={}", lang.display());
        for f in fs::read_dir(&lang).map(|d| d.flatten().map(|e| e.path()).collect::<Vec<_>>()).unwrap_or_default() {
            if f.extension().is_some_and(|e| e == "scheme") {
                files.push(f);
            }
        }
    }
    files.sort();
    let mut out = String::from("&[\n");
    for f in &files {
        let rel = f.strip_prefix(&root).unwrap_or(f).display().to_string();
        out.push_str(&format!("    ({rel:?}, include_str!({:?})),\n", f.display().to_string()));
    }
    out.push_str("]\n");
    let dest = PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"))).join("schemes.rs");
    fs::write(&dest, out).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", dest.display())));
}

fn fail(msg: &str) -> ! {
    panic!("mova-text build: {msg}")
}
