//! `cargo xtask bench`: a release build served by the release server, then a list of named
//! benchmarks against it. Lighthouse (mobile, simulated throttling) scores key pages for
//! performance and accessibility; [`search`] times the group search per keystroke against
//! Fuse.js.

mod search;

use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::cmd::{self, tool};
use crate::server::{self, Profile, RunningServer};
use crate::step::{self, Selection, Step};
use crate::workspace::{self, CHROMIUM, CHROMIUM_FLAGS};
use crate::{setup, site};

/// What every benchmark can reach: the running server.
pub struct Bench {
    /// Base URL of the release server, e.g. `http://127.0.0.1:41234`.
    pub url: String,
}

fn benchmarks() -> Vec<Step<Bench>> {
    vec![
        Step::new("lighthouse-home", &[], |bench| {
            lighthouse(bench, "home", "/")
        }),
        Step::new("lighthouse-program", &[], |bench| {
            lighthouse(bench, "program", "/programs/iop")
        }),
        // Feature pages load their wasm module on demand: these land on one directly.
        Step::new("lighthouse-groups", &[], |bench| {
            lighthouse(bench, "groups", "/groups")
        }),
        Step::new("lighthouse-self-check", &[], |bench| {
            lighthouse(bench, "self-check", "/self-check")
        }),
        Step::new("search", &[], search::run),
    ]
}

/// Builds, starts the server, runs the chosen benchmarks and stops the server.
pub fn run(selection: &Selection) -> Result<ExitCode> {
    let benchmarks = benchmarks();
    let chosen = selection.choose(&benchmarks)?;
    setup::run()?;
    let files = site::build_release()?;
    cmd::say(&site::describe_sizes(&files));
    let binary = server::build(Profile::Release)?;
    let server = RunningServer::start(&binary, "bench", &[])?;
    let mut bench = Bench {
        url: server.url.clone(),
    };
    let outcomes = step::run_all("bench", &chosen, &mut bench);
    drop(server);
    Ok(if step::summarise(&outcomes) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Runs Lighthouse on `path` and reports its scores and the main timings; the full JSON report
/// is kept in `target/xtask/lighthouse-<name>.json`.
fn lighthouse(bench: &mut Bench, name: &str, path: &str) -> Result<String> {
    let report_path = workspace::scratch()?.join(format!("lighthouse-{name}.json"));
    let url = format!("{}{path}", bench.url);
    cmd::run(
        tool("lighthouse")
            .arg(&url)
            .args([
                "--quiet",
                "--output=json",
                "--form-factor=mobile",
                "--only-categories=performance,accessibility",
            ])
            .arg(format!("--output-path={}", report_path.display()))
            .arg(format!("--chrome-flags={}", CHROMIUM_FLAGS.join(" ")))
            .env("CHROME_PATH", CHROMIUM),
    )?;
    let text = std::fs::read_to_string(&report_path)
        .with_context(|| format!("reading {}", report_path.display()))?;
    let report: Value = serde_json::from_str(&text).context("Lighthouse's report is not JSON")?;
    let scores = Scores::from_report(&report)?;
    for audit in failing_accessibility_audits(&report) {
        cmd::say(&format!("  accessibility audit failed: {audit}"));
    }
    let summary = scores.to_string();
    cmd::say(&format!("  {path}: {summary}"));
    Ok(summary)
}

/// The figures a Lighthouse report is read for.
struct Scores {
    performance: f64,
    accessibility: f64,
    first_contentful_paint_ms: f64,
    largest_contentful_paint_ms: f64,
    total_blocking_time_ms: f64,
    cumulative_layout_shift: f64,
}

impl Scores {
    fn from_report(report: &Value) -> Result<Self> {
        if let Some(error) = report
            .pointer("/runtimeError/message")
            .and_then(Value::as_str)
        {
            bail!("Lighthouse could not load the page: {error}");
        }
        Ok(Self {
            performance: category(report, "performance")?,
            accessibility: category(report, "accessibility")?,
            first_contentful_paint_ms: metric(report, "first-contentful-paint")?,
            largest_contentful_paint_ms: metric(report, "largest-contentful-paint")?,
            total_blocking_time_ms: metric(report, "total-blocking-time")?,
            cumulative_layout_shift: metric(report, "cumulative-layout-shift")?,
        })
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "performance {:.0}, accessibility {:.0} (FCP {:.2} s, LCP {:.2} s, TBT {:.0} ms, CLS {:.3})",
            self.performance * 100.0,
            self.accessibility * 100.0,
            self.first_contentful_paint_ms / 1000.0,
            self.largest_contentful_paint_ms / 1000.0,
            self.total_blocking_time_ms,
            self.cumulative_layout_shift
        )
    }
}

fn category(report: &Value, id: &str) -> Result<f64> {
    report
        .pointer(&format!("/categories/{id}/score"))
        .and_then(Value::as_f64)
        .with_context(|| format!("the report has no {id} score"))
}

fn metric(report: &Value, id: &str) -> Result<f64> {
    report
        .pointer(&format!("/audits/{id}/numericValue"))
        .and_then(Value::as_f64)
        .with_context(|| format!("the report has no {id} value"))
}

/// Titles of the accessibility audits that count toward the score and did not pass.
fn failing_accessibility_audits(report: &Value) -> Vec<String> {
    let refs = report
        .pointer("/categories/accessibility/auditRefs")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    refs.iter()
        .filter(|audit_ref| {
            audit_ref["weight"]
                .as_f64()
                .is_some_and(|weight| weight > 0.0)
        })
        .filter_map(|audit_ref| audit_ref["id"].as_str())
        .filter_map(|id| report.pointer(&format!("/audits/{id}")))
        .filter(|audit| audit["score"].as_f64().is_some_and(|score| score < 1.0))
        .map(|audit| {
            let id = audit["id"].as_str().unwrap_or("?");
            let title = audit["title"].as_str().unwrap_or("");
            format!("{id} — {title}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn report() -> Value {
        json!({
            "categories": {
                "performance": {"score": 0.97},
                "accessibility": {"score": 0.9, "auditRefs": [
                    {"id": "color-contrast", "weight": 7},
                    {"id": "tabindex", "weight": 0},
                    {"id": "image-alt", "weight": 10}
                ]}
            },
            "audits": {
                "first-contentful-paint": {"numericValue": 1234.0},
                "largest-contentful-paint": {"numericValue": 2345.0},
                "total-blocking-time": {"numericValue": 12.0},
                "cumulative-layout-shift": {"numericValue": 0.0},
                "color-contrast": {"id": "color-contrast", "title": "Contrast", "score": 0},
                "tabindex": {"id": "tabindex", "title": "Tabindex", "score": 0},
                "image-alt": {"id": "image-alt", "title": "Alt text", "score": 1}
            }
        })
    }

    #[test]
    fn reads_scores_and_timings() {
        let scores = Scores::from_report(&report()).expect("complete report");
        assert_eq!(
            scores.to_string(),
            "performance 97, accessibility 90 (FCP 1.23 s, LCP 2.35 s, TBT 12 ms, CLS 0.000)"
        );
    }

    #[test]
    fn lists_only_weighted_failing_audits() {
        assert_eq!(
            failing_accessibility_audits(&report()),
            vec!["color-contrast — Contrast"]
        );
    }

    #[test]
    fn a_page_that_did_not_load_is_an_error() {
        let report = json!({"runtimeError": {"message": "ERRORED_DOCUMENT_REQUEST"}});
        assert!(Scores::from_report(&report).is_err());
    }
}
