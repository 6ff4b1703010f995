//! Precompression of the SPA's assets: a `.br` and a `.gz` beside each `.js`, `.wasm` and `.css`
//! in `dist/`, so the server can send them without compressing on every request.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use flate2::Compression;
use flate2::write::GzEncoder;

/// Extensions of the files worth precompressing: the code and styles a visit downloads.
pub const ASSETS: &[&str] = &["js", "wasm", "css"];

/// One precompressed asset and its sizes in bytes.
pub struct Compressed {
    /// The original file.
    pub path: PathBuf,
    /// Its size as stored.
    pub raw: u64,
    /// Its brotli size (the `.br` sibling).
    pub brotli: u64,
    /// Its gzip size (the `.gz` sibling).
    pub gzip: u64,
}

/// Writes `.br` and `.gz` siblings for every asset under `dir` (recursively).
pub fn precompress(dir: &Path) -> Result<Vec<Compressed>> {
    asset_files(dir)?
        .into_iter()
        .map(|path| compress_file(&path))
        .collect()
}

/// The assets under `dir`, sorted by path.
pub fn asset_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    collect(dir, &mut found)?;
    found.sort();
    Ok(found)
}

/// Whether a visit downloads the asset only when it opens a feature that needs it.
pub fn is_on_demand(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with(crate::split::FEATURE_PREFIX))
}

fn collect(dir: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, found)?;
        } else if is_asset(&path) {
            found.push(path);
        }
    }
    Ok(())
}

fn is_asset(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| ASSETS.contains(&ext))
}

fn compress_file(path: &Path) -> Result<Compressed> {
    let raw = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let brotli = brotli_bytes(&raw)?;
    let gzip = gzip_bytes(&raw)?;
    write_sibling(path, "br", &brotli)?;
    write_sibling(path, "gz", &gzip)?;
    Ok(Compressed {
        path: path.to_path_buf(),
        raw: raw.len() as u64,
        brotli: brotli.len() as u64,
        gzip: gzip.len() as u64,
    })
}

/// Brotli at its best quality with a 4 MiB window (what browsers accept).
fn brotli_bytes(raw: &[u8]) -> Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params).context("brotli compression")?;
    Ok(out)
}

fn gzip_bytes(raw: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(raw).context("gzip compression")?;
    encoder.finish().context("gzip compression")
}

fn write_sibling(path: &Path, suffix: &str, bytes: &[u8]) -> Result<()> {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    let sibling = PathBuf::from(name);
    std::fs::write(&sibling, bytes).with_context(|| format!("writing {}", sibling.display()))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn siblings_decompress_to_the_original() {
        let dir = std::env::temp_dir().join(format!("xtask-compress-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("nested")).expect("temp dir");
        let text = "body { color: #123; }\n".repeat(200);
        std::fs::write(dir.join("nested/app.css"), &text).expect("write css");
        std::fs::write(dir.join("index.html"), "<!doctype html>").expect("write html");

        let done = precompress(&dir).expect("precompress");

        assert_eq!(done.len(), 1, "only first-load assets are compressed");
        assert!(done[0].brotli < done[0].raw && done[0].gzip < done[0].raw);
        let br = std::fs::read(dir.join("nested/app.css.br")).expect("br sibling");
        let mut unbrotli = String::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_string(&mut unbrotli)
            .expect("valid brotli");
        assert_eq!(unbrotli, text);
        let gz = std::fs::read(dir.join("nested/app.css.gz")).expect("gz sibling");
        let mut ungzip = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut ungzip)
            .expect("valid gzip");
        assert_eq!(ungzip, text);
        assert!(!dir.join("index.html.br").exists());
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
