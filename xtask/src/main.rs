//! `cargo xtask`: Frontdoor's developer commands.
//!
//! - `setup`: installs what a fresh machine lacks (wasm target, Trunk, wasm-bindgen, wasm-opt,
//!   Chromium, the e2e packages, crate sources); fast when everything is already there.
//! - `serve`: release build of the SPA, precompressed, served by the reference backend.
//! - `test`: formatting, lints, unit and browser tests, size budget, end-to-end and axe checks.
//! - `bench`: Lighthouse scores of key pages, the group search against Fuse.js (and further
//!   named benchmarks).

mod bench;
mod cmd;
mod compress;
mod pipeline;
mod server;
mod setup;
mod site;
mod split;
mod step;
mod workspace;

use std::process::ExitCode;

use anyhow::{Result, bail};
use step::Selection;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  setup                      install the toolchain a fresh machine lacks (idempotent)
  serve [server flags…]      build the SPA for release and run the reference server;
                             flags such as --addr, --data-dir, --cors-origin, --rate-limit
                             are passed to frontdoor-server
  test [--only STEP]… [--skip STEP]… [--skip-e2e]
                             run every check and end with `N passed, N failed`;
                             STEP: setup, fmt, clippy, clippy-wasm, unit, wasm-test,
                             build, size, e2e (steps a chosen one needs run too)
  split-wasm                 split the SPA's wasm into its first-load and on-demand
                             modules (Trunk runs this after each build)
  bench [--only NAME]… [--skip NAME]…
                             release build and server, then the named benchmarks:
                             lighthouse-home, lighthouse-program, lighthouse-groups,
                             lighthouse-self-check, search
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(&args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("xtask: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(args: &[String]) -> Result<ExitCode> {
    let Some((command, rest)) = args.split_first() else {
        print!("{USAGE}");
        return Ok(ExitCode::FAILURE);
    };
    match command.as_str() {
        "setup" => {
            no_options(rest)?;
            setup::run().map(|()| ExitCode::SUCCESS)
        }
        "serve" => site::serve(rest).map(|()| ExitCode::SUCCESS),
        "test" => pipeline::run(&Selection::parse(rest)?),
        "bench" => bench::run(&Selection::parse(rest)?),
        "split-wasm" => {
            no_options(rest)?;
            split::run().map(|()| ExitCode::SUCCESS)
        }
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
}

fn no_options(rest: &[String]) -> Result<()> {
    match rest.first() {
        Some(extra) => bail!("unexpected argument `{extra}`\n\n{USAGE}"),
        None => Ok(()),
    }
}
