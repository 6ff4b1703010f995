//! `cargo xtask test`: every check Frontdoor's CI runs, in order, each reported with its
//! duration; a failure does not stop the checks that do not depend on it, and the run ends with
//! one `N passed, N failed` line (steps counted) and a non-zero exit if anything failed.

use std::process::ExitCode;

use anyhow::Result;

use crate::cmd::{self, tool};
use crate::server::{self, Profile, RunningServer};
use crate::step::{self, Selection, Step};
use crate::workspace::{self, CHROMEDRIVER};
use crate::{setup, site};

/// Runs the chosen checks and returns the exit code.
pub fn run(selection: &Selection) -> Result<ExitCode> {
    let steps = steps();
    let chosen = selection.choose(&steps)?;
    let outcomes = step::run_all("test", &chosen, &mut ());
    Ok(if step::summarise(&outcomes) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn steps() -> Vec<Step<()>> {
    vec![
        Step::new("setup", &[], |_| setup::run().map(|()| String::new())),
        Step::new("fmt", &["setup"], fmt),
        Step::new("clippy", &["setup"], clippy_host),
        Step::new("clippy-wasm", &["setup"], clippy_wasm),
        Step::new("unit", &["setup"], unit_tests),
        Step::new("wasm-test", &["setup"], wasm_tests),
        Step::new("build", &["setup"], release_build),
        Step::new("size", &["build"], |_| site::check_budget()),
        Step::new("e2e", &["setup", "build"], end_to_end),
    ]
}

fn fmt(_: &mut ()) -> Result<String> {
    cmd::run(tool("cargo").args(["fmt", "--all", "--check"]))?;
    Ok(String::new())
}

/// Contract, server, xtask and the SPA crate, all built for the host.
fn clippy_host(_: &mut ()) -> Result<String> {
    cmd::run(tool("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    Ok(String::new())
}

/// The SPA crate as browsers get it (only this crate: the host crates do not build for wasm32).
fn clippy_wasm(_: &mut ()) -> Result<String> {
    cmd::run(tool("cargo").args([
        "clippy",
        "-p",
        "frontdoor",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    Ok(String::new())
}

/// Every crate's native tests, the SPA's pure logic included.
fn unit_tests(_: &mut ()) -> Result<String> {
    cmd::run(tool("cargo").args(["test", "--workspace"]))?;
    Ok(String::new())
}

/// The SPA's wasm-bindgen-test suite in headless Chromium through chromedriver.
fn wasm_tests(_: &mut ()) -> Result<String> {
    cmd::run(
        tool("cargo")
            .args([
                "test",
                "-p",
                "frontdoor",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env("CHROMEDRIVER", CHROMEDRIVER)
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            ),
    )?;
    Ok(String::new())
}

fn release_build(_: &mut ()) -> Result<String> {
    let files = site::build_release()?;
    cmd::say(&site::describe_sizes(&files));
    Ok(format!("{} files precompressed", files.len()))
}

/// Playwright + axe against the real server on a free port with a fresh data directory. The
/// POST rate limit is off (`--rate-limit 0`): the suite submits more forms per minute than a
/// person would.
fn end_to_end(_: &mut ()) -> Result<String> {
    cmd::run(
        tool("npx")
            .args(["--no-install", "tsc", "--noEmit"])
            .current_dir(workspace::e2e()),
    )?;
    let binary = server::build(Profile::Debug)?;
    let server = RunningServer::start(&binary, "e2e", &["--rate-limit", "0"])?;
    let results = server.run_dir().join("test-results");
    let result = cmd::run(
        tool("npx")
            .args(["--no-install", "playwright", "test"])
            .current_dir(workspace::e2e())
            .env("BASE_URL", &server.url)
            .env("PLAYWRIGHT_OUTPUT_DIR", &results)
            .env("CI", "true"),
    );
    if result.is_err() {
        cmd::say(&format!("  server log: {}", server.log().display()));
        cmd::say(&format!("  traces of failed tests: {}", results.display()));
    }
    drop(server);
    result.map(|()| String::new())
}
