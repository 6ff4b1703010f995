//! The search benchmark: per-keystroke latency of Frontdoor's on-device group search, in wasm in
//! headless Chromium, next to Fuse.js on the same data in the same page.
//!
//! The catalogue is the synthetic one (10 000 groups) and the queries the fixed list of 200 in
//! `src/features/groups/synthetic.rs`. The search is built as a small separate wasm binary (the
//! `bench` feature's `search_bench`, same release profile and `wasm-opt -Oz` as the SPA), bound
//! with `wasm-bindgen --target web` into `target/xtask/search-bench/` beside a page and Fuse.js.
//! `search_driver.mjs` opens the page with playwright-core, cross-origin isolated so
//! `performance.now()` has its fine resolution; the page times every query in turn and hands
//! back the samples, and this module reports p50 and p95 and the ratio.

use std::fmt;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

use super::Bench;
use crate::cmd::{self, tool};
use crate::workspace::{self, CHROMIUM, CHROMIUM_FLAGS};

/// Groups in the generated catalogue.
const SIZE: usize = 10_000;
/// Seed of the generated catalogue.
const SEED: u32 = 7;
/// Timed passes over the queries for Frontdoor's search (it is quick, so more samples).
const WASM_ROUNDS: u32 = 5;
/// Timed passes for each Fuse.js configuration (each query can take a second).
const FUSE_ROUNDS: u32 = 1;
/// Untimed Fuse.js queries first, so its JIT is warm.
const FUSE_WARM_UP: u32 = 20;
/// The goals the search must meet: p95 at most this many milliseconds…
const GOAL_P95_MS: f64 = 2.0;
/// …and at least this many times faster than Fuse.js.
const GOAL_RATIO: f64 = 10.0;

const PAGE: &str = include_str!("search_page.html");
const DRIVER: &str = include_str!("search_driver.mjs");

/// Builds the page, runs it and reports the figures.
pub fn run(_bench: &mut Bench) -> Result<String> {
    let dir = workspace::scratch()?.join("search-bench");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    cmd::run(tool("cargo").args([
        "build",
        "-p",
        "frontdoor",
        "--bin",
        "search_bench",
        "--features",
        "bench",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
    ]))?;
    let wasm = target_dir().join("wasm32-unknown-unknown/wasm-release/search_bench.wasm");
    cmd::run(
        tool("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&dir)
            .arg(&wasm),
    )?;
    let bound = dir.join("search_bench_bg.wasm");
    cmd::run(
        tool("wasm-opt")
            .args([
                "-Oz",
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-reference-types",
                "--enable-multivalue",
            ])
            .arg(&bound)
            .arg("-o")
            .arg(&bound),
    )?;
    write(&dir.join("index.html"), PAGE)?;
    let driver = dir.join("search_driver.mjs");
    write(&driver, DRIVER)?;
    let fuse = workspace::node_tools().join("node_modules/fuse.js/dist/fuse.mjs");
    std::fs::copy(&fuse, dir.join("fuse.mjs"))
        .with_context(|| format!("copying {} (run `cargo xtask setup`)", fuse.display()))?;

    let settings = json!({
        "size": SIZE,
        "seed": SEED,
        "wasmRounds": WASM_ROUNDS,
        "fuseRounds": FUSE_ROUNDS,
        "fuseWarmUp": FUSE_WARM_UP,
    });
    cmd::say("  timing 200 queries in Chromium (Fuse.js takes a few minutes)…");
    let output = cmd::capture(
        tool("node")
            .arg(&driver)
            .arg(&dir)
            .arg(workspace::node_tools())
            .arg(CHROMIUM)
            .arg(serde_json::to_string(CHROMIUM_FLAGS)?)
            .arg(settings.to_string()),
    )?;
    let results: Value = serde_json::from_str(output.lines().last().unwrap_or_default())
        .context("the benchmark page's answer is not JSON")?;
    let report = Report::from_results(&results)?;
    std::fs::write(dir.join("results.json"), &output)
        .with_context(|| format!("writing results to {}", dir.display()))?;
    for line in report.to_string().lines() {
        cmd::say(&format!("  {line}"));
    }
    let summary = report.summary();
    if !report.meets_goals() {
        bail!("{summary}: misses the goal (p95 ≤ {GOAL_P95_MS} ms, ≥ {GOAL_RATIO}× Fuse.js)");
    }
    Ok(summary)
}

fn write(path: &std::path::Path, text: &str) -> Result<()> {
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace::root().join("target"))
}

/// The value at quantile `q` (0–1) of `samples`, by the nearest-rank method; `NaN` when empty.
pub fn percentile(samples: &[f64], q: f64) -> f64 {
    let mut sorted: Vec<f64> = samples.iter().copied().filter(|s| s.is_finite()).collect();
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted.sort_by(f64::total_cmp);
    let rank = (q.clamp(0.0, 1.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.saturating_sub(1).min(sorted.len() - 1)]
}

/// One library's figures.
#[derive(Debug, Clone, PartialEq)]
struct Latency {
    p50: f64,
    p95: f64,
    samples: usize,
    build_ms: f64,
    hits: u64,
}

impl Latency {
    fn from_json(value: &Value) -> Result<Self> {
        let samples: Vec<f64> = value["samples"]
            .as_array()
            .context("no samples")?
            .iter()
            .filter_map(Value::as_f64)
            .collect();
        if samples.is_empty() {
            bail!("no samples");
        }
        Ok(Self {
            p50: percentile(&samples, 0.5),
            p95: percentile(&samples, 0.95),
            samples: samples.len(),
            build_ms: value["buildMs"].as_f64().unwrap_or(f64::NAN),
            hits: value["hits"].as_u64().unwrap_or(0),
        })
    }
}

/// What the page measured.
#[derive(Debug, Clone, PartialEq)]
struct Report {
    size: u64,
    queries: u64,
    isolated: bool,
    wasm: Latency,
    fuse_whole_text: Latency,
    fuse_defaults: Latency,
}

impl Report {
    fn from_results(results: &Value) -> Result<Self> {
        Ok(Self {
            size: results["size"].as_u64().context("no size")?,
            queries: results["queries"].as_u64().context("no query count")?,
            isolated: results["isolated"].as_bool().unwrap_or(false),
            wasm: Latency::from_json(&results["wasm"]).context("wasm")?,
            fuse_whole_text: Latency::from_json(&results["fuse"]["wholeText"])
                .context("Fuse.js (whole text)")?,
            fuse_defaults: Latency::from_json(&results["fuse"]["defaults"])
                .context("Fuse.js (defaults)")?,
        })
    }

    /// How many times faster Frontdoor is than the like-for-like Fuse.js (whole text), at p95.
    fn ratio_p95(&self) -> f64 {
        self.fuse_whole_text.p95 / self.wasm.p95
    }

    fn meets_goals(&self) -> bool {
        self.wasm.p95 <= GOAL_P95_MS && self.ratio_p95() >= GOAL_RATIO
    }

    /// One line for the step's note.
    fn summary(&self) -> String {
        format!(
            "wasm p50 {} / p95 {}; Fuse.js p50 {} / p95 {}; {:.0}× faster at p95",
            ms(self.wasm.p50),
            ms(self.wasm.p95),
            ms(self.fuse_whole_text.p50),
            ms(self.fuse_whole_text.p95),
            self.ratio_p95()
        )
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "search: {} groups, {} queries, timer {}",
            self.size,
            self.queries,
            if self.isolated {
                "fine (cross-origin isolated)"
            } else {
                "coarse (not isolated: figures are rounded)"
            }
        )?;
        for (name, latency) in [
            ("Frontdoor (wasm)", &self.wasm),
            ("Fuse.js, whole text", &self.fuse_whole_text),
            ("Fuse.js, defaults", &self.fuse_defaults),
        ] {
            writeln!(
                f,
                "  {name:<20} p50 {:>10}  p95 {:>10}  ({} samples, index built in {}, {} matches)",
                ms(latency.p50),
                ms(latency.p95),
                latency.samples,
                ms(latency.build_ms),
                latency.hits
            )?;
        }
        writeln!(
            f,
            "  Frontdoor is {:.0}× faster than Fuse.js (whole text) at p50 and {:.0}× at p95; {:.0}× and {:.0}× than its defaults",
            self.fuse_whole_text.p50 / self.wasm.p50,
            self.ratio_p95(),
            self.fuse_defaults.p50 / self.wasm.p50,
            self.fuse_defaults.p95 / self.wasm.p95
        )?;
        write!(
            f,
            "  goal (p95 ≤ {GOAL_P95_MS} ms and ≥ {GOAL_RATIO}× Fuse.js): {}",
            if self.meets_goals() { "met" } else { "missed" }
        )
    }
}

/// Milliseconds with precision that suits the size: `0.184 ms`, `12.4 ms`, `530 ms`.
fn ms(value: f64) -> String {
    if value < 10.0 {
        format!("{value:.3} ms")
    } else if value < 100.0 {
        format!("{value:.1} ms")
    } else {
        format!("{value:.0} ms")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let samples: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&samples, 0.5), 50.0);
        assert_eq!(percentile(&samples, 0.95), 95.0);
        assert_eq!(percentile(&samples, 1.0), 100.0);
        assert_eq!(percentile(&samples, 0.0), 1.0);
        assert_eq!(percentile(&[3.0, 1.0, 2.0], 0.5), 2.0);
        assert!(percentile(&[], 0.5).is_nan());
    }

    fn side(samples: &[f64]) -> Value {
        json!({"samples": samples, "buildMs": 12.5, "hits": 40})
    }

    #[test]
    fn the_report_compares_like_for_like_at_p95() {
        let fast: Vec<f64> = (1..=100).map(|i| f64::from(i) / 100.0).collect();
        let slow: Vec<f64> = (1..=100).map(|i| f64::from(i) * 10.0).collect();
        let results = json!({
            "size": 10000, "queries": 200, "isolated": true,
            "wasm": side(&fast),
            "fuse": {"wholeText": side(&slow), "defaults": side(&slow)},
        });
        let report = Report::from_results(&results).unwrap();
        assert_eq!(report.wasm.p95, 0.95);
        assert_eq!(report.fuse_whole_text.p95, 950.0);
        assert!((report.ratio_p95() - 1000.0).abs() < 1e-9);
        assert!(report.meets_goals());
        assert_eq!(
            report.summary(),
            "wasm p50 0.500 ms / p95 0.950 ms; Fuse.js p50 500 ms / p95 950 ms; 1000× faster at p95"
        );
        assert!(
            report
                .to_string()
                .contains("goal (p95 ≤ 2 ms and ≥ 10× Fuse.js): met")
        );
    }

    #[test]
    fn a_slow_search_misses_the_goal() {
        let results = json!({
            "size": 10000, "queries": 200, "isolated": false,
            "wasm": side(&[3.0, 3.0]),
            "fuse": {"wholeText": side(&[100.0]), "defaults": side(&[50.0])},
        });
        let report = Report::from_results(&results).unwrap();
        assert!(!report.meets_goals());
        assert!(report.to_string().contains("coarse"));
        let missing = json!({"size": 1, "queries": 1, "wasm": {"samples": []}, "fuse": {}});
        assert!(Report::from_results(&missing).is_err());
    }
}
