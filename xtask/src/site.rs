//! The SPA as people receive it: Trunk's release build, precompressed, checked against the
//! first-load size budget, and `cargo xtask serve`.

use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::cmd::{self, tool};
use crate::compress::{self, Compressed};
use crate::{setup, workspace};

/// What a first visit may download at most: brotli bytes of every `.js`, `.wasm` and `.css` it
/// needs. Feature modules that load on demand (`feature-*.wasm`) are not part of a first visit.
pub const BUDGET_BYTES: u64 = 200_000;

/// `trunk build --release` (offline, with binaryen 132 first on PATH), then precompression.
pub fn build_release() -> Result<Vec<Compressed>> {
    cmd::run(tool("trunk").args(["build", "--release"]))?;
    let started = Instant::now();
    let files = compress::precompress(&workspace::dist())?;
    cmd::say(&format!(
        "  precompressed {} files (brotli 11, gzip 9) in {:.1} s",
        files.len(),
        started.elapsed().as_secs_f64()
    ));
    Ok(files)
}

/// One line per precompressed file: raw, gzip and brotli sizes.
pub fn describe_sizes(files: &[Compressed]) -> String {
    let root = workspace::dist();
    files
        .iter()
        .map(|file| {
            let name = file.path.strip_prefix(&root).unwrap_or(&file.path);
            format!(
                "  {:<48} {:>8} raw {:>8} gzip {:>8} brotli",
                name.display(),
                kb(file.raw),
                kb(file.gzip),
                kb(file.brotli)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Checks the brotli sizes of the first-load files in `dist/` against [`BUDGET_BYTES`], printing
/// each file and the total, then the on-demand modules for the record.
pub fn check_budget() -> Result<String> {
    let root = workspace::dist();
    let (on_demand, first_load): (Vec<_>, Vec<_>) = compress::asset_files(&root)?
        .into_iter()
        .partition(|file| compress::is_on_demand(file));
    if first_load.is_empty() {
        bail!("dist/ has no .js, .wasm or .css file: run the release build first");
    }
    let mut total = 0;
    for file in &first_load {
        total += report_brotli(&root, file)?;
    }
    let summary = format!("{} of {} brotli", kb(total), kb(BUDGET_BYTES));
    cmd::say(&format!(
        "  {:<48} {:>8} brotli (budget {})",
        "first load",
        kb(total),
        kb(BUDGET_BYTES)
    ));
    if !on_demand.is_empty() {
        cmd::say("  loaded on demand by feature pages:");
        let mut lazy_total = 0;
        for file in &on_demand {
            lazy_total += report_brotli(&root, file)?;
        }
        cmd::say(&format!(
            "  {:<48} {:>8} brotli",
            "on demand",
            kb(lazy_total)
        ));
    }
    if total > BUDGET_BYTES {
        bail!(
            "first load is {summary}: {} over budget",
            kb(total - BUDGET_BYTES)
        );
    }
    Ok(summary)
}

fn report_brotli(root: &std::path::Path, file: &std::path::Path) -> Result<u64> {
    let brotli = brotli_sibling_size(file)?;
    let name = file.strip_prefix(root).unwrap_or(file);
    cmd::say(&format!(
        "  {:<48} {:>8} brotli",
        name.display(),
        kb(brotli)
    ));
    Ok(brotli)
}

fn brotli_sibling_size(file: &std::path::Path) -> Result<u64> {
    let mut name = file.as_os_str().to_owned();
    name.push(".br");
    let metadata = std::fs::metadata(&name)
        .with_context(|| format!("{} has no .br sibling: precompress first", file.display()))?;
    Ok(metadata.len())
}

/// Sizes in kilobytes (1 kB = 1000 bytes), one decimal.
fn kb(bytes: u64) -> String {
    format!("{:.1} kB", bytes as f64 / 1000.0)
}

/// `cargo xtask serve [server flags…]`: setup, release build, precompression, then the release
/// server in the foreground with `flags` passed through (it prints its URL).
pub fn serve(flags: &[String]) -> Result<()> {
    setup::run()?;
    let files = build_release()?;
    cmd::say(&describe_sizes(&files));
    cmd::run(
        tool("cargo")
            .args(["run", "--release", "-p", "frontdoor-server", "--"])
            .args(["--dist", "dist", "--content-dir", "content"])
            .args(flags),
    )
}

#[cfg(test)]
mod tests {
    use super::kb;

    #[test]
    fn kilobytes_are_decimal() {
        assert_eq!(kb(200_000), "200.0 kB");
        assert_eq!(kb(119_449), "119.4 kB");
    }
}
