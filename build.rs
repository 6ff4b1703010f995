//! The web app's binary is linked with its relocations kept (`--emit-relocs`): the release
//! build's wasm splitter (`cargo xtask split-wasm`) reads them to move feature code into modules
//! loaded on demand. Other wasm builds (browser tests, the search benchmark) stay plain.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=frontdoor=--emit-relocs");
    }
}
