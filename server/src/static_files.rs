//! Serving the built SPA from the dist directory.
//!
//! - Files are served with precompressed `.br`/`.gz` siblings when the client accepts them.
//! - Fingerprinted assets (Trunk's `name-<hash>.js`, `name-<hash>_bg.wasm`, `name-<hash>.css`)
//!   are cached for a year; everything else must be revalidated (`no-cache`), so a new deploy of
//!   `index.html` or `config.json` is seen at once.
//! - Any other GET outside `/api` that names no file (e.g. `/programs/iop`) gets `index.html`, so
//!   the SPA's router can show the page. Paths whose last segment has a file extension are
//!   missing files, not pages, and get a 404.
//! - Without a built SPA the API still works and pages answer 503 with what to do.
//! - The practice name the static shell shows before the app starts follows `dist/config.json`,
//!   so renaming the practice there needs no rebuild (see [`with_practice_name`]).

use std::path::{Path, PathBuf};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::app::AppState;
use crate::problem::ApiProblem;

const NO_CACHE: HeaderValue = HeaderValue::from_static("no-cache");
const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");

/// The built SPA: its directory and the `index.html` read at start (which the CSP hashes match).
#[derive(Debug, Clone)]
pub struct Site {
    dist: PathBuf,
    index_html: Option<Bytes>,
    files: ServeDir,
}

impl Site {
    /// Reads `dist/index.html` if present; a missing file is not an error.
    pub fn open(dist: &Path) -> Result<Self, std::io::Error> {
        let index_html = match std::fs::read_to_string(dist.join("index.html")) {
            Ok(html) => Some(Bytes::from(match practice_name(dist) {
                Some(name) => with_practice_name(&html, &name),
                None => html,
            })),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        let files = ServeDir::new(dist)
            .precompressed_br()
            .precompressed_gzip()
            .append_index_html_on_directories(false);
        Ok(Self {
            dist: dist.to_path_buf(),
            index_html,
            files,
        })
    }

    /// The `index.html` text, when the SPA is built.
    pub fn index_html(&self) -> Option<&str> {
        self.index_html
            .as_deref()
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
    }

    /// The dist directory.
    pub fn dist(&self) -> &Path {
        &self.dist
    }

    fn index_response(&self) -> Response {
        match &self.index_html {
            Some(html) => (
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("text/html; charset=utf-8"),
                    ),
                    (header::CACHE_CONTROL, NO_CACHE),
                ],
                html.clone(),
            )
                .into_response(),
            None => (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::CACHE_CONTROL, NO_CACHE)],
                "Frontdoor's web app has not been built yet. Run `cargo xtask serve` \
                 (or build the SPA into the dist directory with Trunk) and start the server again.\n",
            )
                .into_response(),
        }
    }
}

/// The `practice_name` of `dist/config.json`, if the file has one.
fn practice_name(dist: &Path) -> Option<String> {
    let config = std::fs::read(dist.join("config.json")).ok()?;
    let config: serde_json::Value = serde_json::from_slice(&config).ok()?;
    let name = config.get("practice_name")?.as_str()?.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// The static shell with `name` wherever it shows the practice name it was built with: that name
/// is the text of the header's brand link (`<a class="brand" href="/">…</a>`), and it also
/// starts the `<title>`. A shell without the brand link is left as it is.
pub fn with_practice_name(html: &str, name: &str) -> String {
    const BRAND: &str = "<a class=\"brand\" href=\"/\">";
    let Some(start) = html.find(BRAND).map(|at| at + BRAND.len()) else {
        return html.to_owned();
    };
    let Some(length) = html[start..].find("</a>") else {
        return html.to_owned();
    };
    let built_with = &html[start..start + length];
    if built_with.trim().is_empty() {
        return html.to_owned();
    }
    html.replace(built_with, &escape_html(name))
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The fallback handler: unknown API paths, static files and SPA pages.
pub async fn serve(State(state): State<AppState>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    if path == "/api" || path.starts_with("/api/") {
        return ApiProblem::no_such_route().into_response();
    }
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, HeaderValue::from_static("GET, HEAD"))],
            "Only GET and HEAD are allowed here.\n",
        )
            .into_response();
    }
    let site = &state.site;
    if path == "/" || path == "/index.html" {
        return site.index_response();
    }

    let response = match site.files.clone().oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    match response.status() {
        StatusCode::NOT_FOUND if looks_like_a_file(&path) => (
            StatusCode::NOT_FOUND,
            [(header::CACHE_CONTROL, NO_CACHE)],
            "Not found.\n",
        )
            .into_response(),
        StatusCode::NOT_FOUND => site.index_response(),
        _ => with_cache_policy(response, &path),
    }
}

fn with_cache_policy(mut response: Response, path: &str) -> Response {
    let policy = if is_fingerprinted(path) {
        IMMUTABLE
    } else {
        NO_CACHE
    };
    response.headers_mut().insert(header::CACHE_CONTROL, policy);
    response
}

/// Whether the path's last segment has a file extension (`/x/app.js`), unlike page routes.
fn looks_like_a_file(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or_default();
    last.rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && !ext.is_empty())
}

/// Whether a file name carries a content hash as Trunk writes it: `name-<hex>.ext` or
/// `name-<hex>_bg.wasm`, with at least 8 hex digits. Such a file never changes.
pub fn is_fingerprinted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let Some((_, tail)) = name.rsplit_once('-') else {
        return false;
    };
    let hash = tail.split(['.', '_']).next().unwrap_or_default();
    hash.len() >= 8 && hash.bytes().all(|b| b.is_ascii_hexdigit()) && tail.len() > hash.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shell_shows_the_configured_practice_name() {
        let shell = "<title>Northlight Online Therapy — online therapy</title>\
            <a class=\"brand\" href=\"/\">Northlight Online Therapy</a>\
            <p>In crisis? Call or text 988</p>";
        assert_eq!(
            with_practice_name(shell, "Rivers & Co <Therapy>"),
            "<title>Rivers &amp; Co &lt;Therapy&gt; — online therapy</title>\
            <a class=\"brand\" href=\"/\">Rivers &amp; Co &lt;Therapy&gt;</a>\
            <p>In crisis? Call or text 988</p>"
        );
        let without_brand = "<title>Somewhere</title>";
        assert_eq!(with_practice_name(without_brand, "Other"), without_brand);
    }

    #[test]
    fn trunk_file_names_count_as_fingerprinted() {
        assert!(is_fingerprinted("/frontdoor-3f2a9c0d1e4b5a6c.js"));
        assert!(is_fingerprinted("/frontdoor-3f2a9c0d1e4b5a6c_bg.wasm"));
        assert!(is_fingerprinted("/style-0123456789abcdef.css"));
        assert!(!is_fingerprinted("/config.json"));
        assert!(!is_fingerprinted("/index.html"));
        assert!(!is_fingerprinted("/my-styles.css"));
        assert!(!is_fingerprinted("/frontdoor-3f2a9c0d1e4b5a6c"));
    }

    #[test]
    fn page_routes_are_not_files() {
        assert!(!looks_like_a_file("/programs/iop"));
        assert!(!looks_like_a_file("/groups/"));
        assert!(looks_like_a_file("/favicon.ico"));
        assert!(looks_like_a_file("/assets/frontdoor-1234abcd.js"));
    }
}
