//! `cargo xtask setup`: brings a fresh Debian machine to the toolchain Frontdoor needs, and
//! returns in well under a second when everything is already there.
//!
//! Versions are exact: Trunk 0.21.14, the wasm-bindgen CLI of `Cargo.lock`'s `wasm-bindgen`,
//! binaryen 132's wasm-opt from npm (Debian's binaryen 108 produces a wasm that fails at start).

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::cmd::{self, tool};
use crate::step::{self, Step};
use crate::workspace::{self, CHROMEDRIVER, CHROMIUM, TRUNK_VERSION};

/// What the steps need to know up front.
struct Toolchain {
    wasm_bindgen: String,
}

/// Runs every setup step, then prints the total time; fails if any step failed.
pub fn run() -> Result<()> {
    let started = Instant::now();
    let mut toolchain = Toolchain {
        wasm_bindgen: workspace::wasm_bindgen_version()?,
    };
    let steps = steps(&toolchain);
    let chosen: Vec<&Step<Toolchain>> = steps.iter().collect();
    let outcomes = step::run_all("setup", &chosen, &mut toolchain);
    let failed: Vec<&str> = outcomes
        .iter()
        .filter(|outcome| !outcome.passed())
        .map(|outcome| outcome.name.as_str())
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    if !failed.is_empty() {
        bail!("setup failed after {seconds:.1} s: {}", failed.join(", "));
    }
    cmd::say(&format!("[setup] ready in {seconds:.1} s"));
    Ok(())
}

fn steps(toolchain: &Toolchain) -> Vec<Step<Toolchain>> {
    vec![
        Step::new("wasm32-unknown-unknown target", &[], wasm_target),
        Step::new(format!("trunk {TRUNK_VERSION}"), &[], trunk),
        Step::new(
            format!("wasm-bindgen-cli {}", toolchain.wasm_bindgen),
            &[],
            wasm_bindgen,
        ),
        Step::new("wasm-opt 132 + lighthouse (tools/node)", &[], node_tools),
        Step::new("chromium + chromedriver (Debian)", &[], chromium),
        Step::new("playwright + axe (tests/e2e)", &[], e2e_packages),
        Step::new("crate sources (cargo fetch)", &[], cargo_fetch),
    ]
}

const ALREADY: &str = "already installed";

fn wasm_target(_: &mut Toolchain) -> Result<String> {
    let installed = cmd::capture(tool("rustup").args(["target", "list", "--installed"]))?;
    if installed
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        return Ok(ALREADY.into());
    }
    cmd::run(tool("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    Ok("installed".into())
}

fn trunk(_: &mut Toolchain) -> Result<String> {
    if reports_version("trunk", TRUNK_VERSION) {
        return Ok(ALREADY.into());
    }
    cmd::run(tool("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))?;
    ensure_version("trunk", TRUNK_VERSION)?;
    Ok("installed".into())
}

fn wasm_bindgen(toolchain: &mut Toolchain) -> Result<String> {
    let version = toolchain.wasm_bindgen.as_str();
    if reports_version("wasm-bindgen", version)
        && reports_version("wasm-bindgen-test-runner", version)
    {
        return Ok(ALREADY.into());
    }
    // No --locked: the CLI's own lock file pins a webpki-roots release the registry lacks.
    cmd::run(tool("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        version,
        "--force",
    ]))?;
    ensure_version("wasm-bindgen", version)?;
    Ok("installed".into())
}

fn node_tools(_: &mut Toolchain) -> Result<String> {
    let note = npm_ci(&workspace::node_tools())?;
    ensure_version("wasm-opt", "version_132")?;
    Ok(note)
}

fn chromium(_: &mut Toolchain) -> Result<String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(ALREADY.into());
    }
    let install = || apt_get(&["install", "-y", "chromium", "chromium-driver"]);
    if cmd::run(&mut install()).is_err() {
        cmd::run(&mut apt_get(&["update"]))?;
        cmd::run(&mut install())?;
    }
    Ok("installed".into())
}

fn e2e_packages(_: &mut Toolchain) -> Result<String> {
    npm_ci(&workspace::e2e())
}

/// Trunk builds with `--offline`, so every crate must already be downloaded.
fn cargo_fetch(_: &mut Toolchain) -> Result<String> {
    let lock = std::fs::read(workspace::root().join("Cargo.lock")).context("reading Cargo.lock")?;
    let stamp = workspace::scratch()?.join("cargo-fetch.stamp");
    if std::fs::read(&stamp).is_ok_and(|seen| seen == lock) {
        return Ok("up to date".into());
    }
    cmd::run(tool("cargo").arg("fetch"))?;
    std::fs::write(&stamp, lock).context("writing the cargo fetch stamp")?;
    Ok("fetched".into())
}

/// `npm ci` in `dir`, unless its `node_modules` was installed from this very `package-lock.json`
/// (a copy of the lock file kept inside `node_modules` is the stamp).
fn npm_ci(dir: &Path) -> Result<String> {
    let lock_path = dir.join("package-lock.json");
    let lock =
        std::fs::read(&lock_path).with_context(|| format!("reading {}", lock_path.display()))?;
    let stamp = dir.join("node_modules/.frontdoor-installed-lock.json");
    if std::fs::read(&stamp).is_ok_and(|seen| seen == lock) {
        return Ok("up to date".into());
    }
    cmd::run(
        tool("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(dir)
            // Playwright drives Debian's Chromium; it must never fetch a browser of its own.
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )?;
    std::fs::write(&stamp, lock).with_context(|| format!("writing {}", stamp.display()))?;
    Ok("installed".into())
}

fn apt_get(args: &[&str]) -> Command {
    let as_root = cmd::probe(tool("id").arg("-u")).is_some_and(|uid| uid == "0");
    let mut command = if as_root {
        tool("apt-get")
    } else {
        let mut sudo = tool("sudo");
        sudo.args(["DEBIAN_FRONTEND=noninteractive", "apt-get"]);
        sudo
    };
    command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
    command
}

/// Whether `program --version` runs and mentions `version` as a whole word.
fn reports_version(program: &str, version: &str) -> bool {
    cmd::probe(tool(program).arg("--version")).is_some_and(|out| {
        out.split(|c: char| c.is_whitespace() || c == '(' || c == ')')
            .any(|word| word == version)
    })
}

fn ensure_version(program: &str, version: &str) -> Result<()> {
    if reports_version(program, version) {
        Ok(())
    } else {
        bail!("`{program} --version` does not report {version} after installing it")
    }
}
