//! Gives the `mova` binary (and this package's tests and benches) an rpath to
//! the prebuilt engine that the `mova` crate's build script unpacked: link
//! arguments do not pass from a dependency, but its `links` metadata does
//! (`DEP_MOVA_ENGINE_DIR`). Engines built from source need nothing here.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if let Some(dir) = std::env::var_os("DEP_MOVA_ENGINE_DIR") {
        // $ORIGIN first: a binary shipped with the libraries beside it uses those.
        println!("cargo:rustc-link-arg=-Wl,-rpath,$ORIGIN:{}", std::path::Path::new(&dir).display());
    }
}
