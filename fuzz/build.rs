//! The fuzz binaries link mova's engine (libctranslate2 from the prebuilt wheel)
//! like mova's own binaries do: give them the same rpath (see ../build.rs).
use std::path::PathBuf;

fn main() {
    let dir = std::env::var_os("MOVA_ENGINE_DIR").map(PathBuf::from).unwrap_or_else(|| {
        let home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
            .expect("CARGO_HOME or HOME");
        home.join("mova-engine/ctranslate2-4.8.4")
    });
    println!("cargo:rustc-link-arg=-Wl,-rpath,{}", dir.display());
    println!("cargo:rerun-if-env-changed=MOVA_ENGINE_DIR");
}
