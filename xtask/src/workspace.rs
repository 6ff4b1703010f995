//! Where things live in the Frontdoor repository, and the pinned tool versions.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// Trunk release the SPA is built with (0.22 needs a newer rustc).
pub const TRUNK_VERSION: &str = "0.21.14";

/// Chromium from Debian: Playwright, Lighthouse and wasm-bindgen-test all drive this one.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// The matching WebDriver for wasm-bindgen-test.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Flags Chromium needs as root on a machine without network access.
pub const CHROMIUM_FLAGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
];

/// The repository root (the folder holding the workspace `Cargo.toml`).
pub fn root() -> PathBuf {
    let xtask = Path::new(env!("CARGO_MANIFEST_DIR"));
    xtask.parent().unwrap_or(xtask).to_path_buf()
}

/// Trunk's output folder, served by the reference server.
pub fn dist() -> PathBuf {
    root().join("dist")
}

/// The small npm package holding wasm-opt (binaryen) and Lighthouse.
pub fn node_tools() -> PathBuf {
    root().join("tools/node")
}

/// The Playwright + axe suite.
pub fn e2e() -> PathBuf {
    root().join("tests/e2e")
}

/// Scratch space for logs, reports and temporary data directories.
pub fn scratch() -> Result<PathBuf> {
    let dir = root().join("target/xtask");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

/// The `wasm-bindgen` version pinned in `Cargo.lock`; the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String> {
    let path = root().join("Cargo.lock");
    let lock =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let versions = locked_versions(&lock, "wasm-bindgen");
    match versions.as_slice() {
        [one] => Ok(one.clone()),
        [] => bail!("Cargo.lock has no wasm-bindgen package"),
        many => bail!(
            "Cargo.lock has several wasm-bindgen versions: {}",
            many.join(", ")
        ),
    }
}

/// Versions of the package `name` listed in a `Cargo.lock` text.
fn locked_versions(lock: &str, name: &str) -> Vec<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines().map(str::trim);
    let mut versions = Vec::new();
    while let Some(line) = lines.next() {
        if line != wanted {
            continue;
        }
        let version = lines.next().and_then(|next| {
            next.strip_prefix("version = \"")
                .and_then(|rest| rest.strip_suffix('"'))
        });
        if let Some(version) = version {
            versions.push(version.to_owned());
        }
    }
    versions
}

#[cfg(test)]
mod tests {
    use super::locked_versions;

    const LOCK: &str = r#"
[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-futures"
version = "0.4.53"
"#;

    #[test]
    fn finds_the_exact_package_only() {
        assert_eq!(locked_versions(LOCK, "wasm-bindgen"), vec!["0.2.130"]);
        assert_eq!(
            locked_versions(LOCK, "wasm-bindgen-futures"),
            vec!["0.4.53"]
        );
        assert!(locked_versions(LOCK, "leptos").is_empty());
    }
}
