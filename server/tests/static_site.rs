//! The SPA and its assets as a browser meets them: headers, caching, compression, fallback.

#[path = "support/server.rs"]
mod support;

use std::io::Read;

use base64::Engine;
use sha2::{Digest, Sha256};
use support::{TestServer, fixture_dist, header, test_config};

const WASM: &str = "/frontdoor-3f2a9c0d1e4b5a6c_bg.wasm";
const JS: &str = "/frontdoor-3f2a9c0d1e4b5a6c.js";

/// The fixture index.html's inline module script, hashed independently of the server's parser.
fn fixture_script_hash() -> String {
    let html = std::fs::read_to_string(fixture_dist().join("index.html")).expect("fixture");
    let start = html
        .find("<script type=\"module\">")
        .expect("inline script")
        + 22;
    let end = start + html[start..].find("</script>").expect("end of script");
    let digest = Sha256::digest(&html.as_bytes()[start..end]);
    base64::engine::general_purpose::STANDARD.encode(digest)
}

fn assert_security_headers(response: &reqwest::Response, what: &str) {
    assert_eq!(
        header(response, "x-content-type-options"),
        "nosniff",
        "{what}"
    );
    assert_eq!(header(response, "referrer-policy"), "no-referrer", "{what}");
    assert_eq!(header(response, "x-frame-options"), "DENY", "{what}");
    assert_eq!(
        header(response, "permissions-policy"),
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        "{what}"
    );
    assert_eq!(
        header(response, "cross-origin-opener-policy"),
        "same-origin",
        "{what}"
    );
    let csp = header(response, "content-security-policy");
    assert!(csp.starts_with("default-src 'self'; "), "{what}: {csp}");
    assert!(!csp.contains("unsafe-inline"), "{what}: {csp}");
    assert!(!csp.contains("'unsafe-eval'"), "{what}: {csp}");
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_a_csp_allowing_the_boot_script_by_hash() {
    let server = TestServer::start().await;
    let script_src = format!(
        "script-src 'self' 'sha256-{}' 'wasm-unsafe-eval';",
        fixture_script_hash()
    );
    for path in [
        "/",
        "/programs/iop",
        "/api/v1/programs",
        "/api/v1/nope",
        JS,
        "/missing.png",
    ] {
        let response = server.get(path).await;
        assert_security_headers(&response, path);
        let csp = header(&response, "content-security-policy");
        assert!(csp.contains(&script_src), "{path}: {csp}");
        for directive in [
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ] {
            assert!(csp.contains(directive), "{path}: {directive} in {csp}");
        }
    }
}

#[tokio::test]
async fn a_page_route_gets_index_html_that_is_always_revalidated() {
    let server = TestServer::start().await;
    let index = std::fs::read_to_string(fixture_dist().join("index.html")).expect("fixture");
    for path in ["/", "/programs/iop", "/get-help", "/groups/abc/"] {
        let response = server.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(header(&response, "cache-control"), "no-cache", "{path}");
        assert!(
            header(&response, "content-type").starts_with("text/html"),
            "{path}"
        );
        assert_eq!(response.text().await.expect("body"), index, "{path}");
    }
}

#[tokio::test]
async fn a_missing_file_is_a_404_not_the_spa() {
    let server = TestServer::start().await;
    let response = server.get("/frontdoor-0000000000000000.js").await;
    assert_eq!(response.status(), 404);
    assert!(!response.text().await.expect("body").contains("<html"));
}

#[tokio::test]
async fn fingerprinted_wasm_is_immutable_and_brotli_compressed_when_accepted() {
    let server = TestServer::start().await;
    let original = std::fs::read(fixture_dist().join(&WASM[1..])).expect("fixture wasm");

    let response = server
        .client
        .get(server.url(WASM))
        .header("accept-encoding", "gzip, deflate, br")
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), "application/wasm");
    assert_eq!(header(&response, "content-encoding"), "br");
    assert_eq!(
        header(&response, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    let compressed = response.bytes().await.expect("body");
    let mut decoded = Vec::new();
    brotli::Decompressor::new(&compressed[..], 4096)
        .read_to_end(&mut decoded)
        .expect("valid brotli");
    assert_eq!(decoded, original);

    let plain = server.get(WASM).await;
    assert_eq!(header(&plain, "content-encoding"), "");
    assert_eq!(header(&plain, "content-type"), "application/wasm");
    assert_eq!(
        plain.bytes().await.expect("body").as_ref(),
        original.as_slice()
    );
}

#[tokio::test]
async fn gzip_sibling_is_served_when_only_gzip_is_accepted() {
    let server = TestServer::start().await;
    let response = server
        .client
        .get(server.url(JS))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-encoding"), "gzip");
    assert!(header(&response, "content-type").contains("javascript"));
    assert_eq!(
        header(&response, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    let gz = std::fs::read(fixture_dist().join(format!("{}.gz", &JS[1..]))).expect("fixture");
    assert_eq!(
        response.bytes().await.expect("body").as_ref(),
        gz.as_slice()
    );
}

#[tokio::test]
async fn unhashed_files_like_config_json_are_revalidated() {
    let server = TestServer::start().await;
    let response = server.get("/config.json").await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "cache-control"), "no-cache");
    let config: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(config["practice_name"], "Northlight Online Therapy");
}

#[tokio::test]
async fn without_a_built_spa_pages_say_what_to_run_and_the_api_still_works() {
    let empty_dist = tempfile::tempdir().expect("empty dist");
    let (mut config, _data) = test_config();
    config.dist = empty_dist.path().to_path_buf();
    let server = TestServer::start_with(config).await;

    let response = server.get("/").await;
    assert_eq!(response.status(), 503);
    assert!(header(&response, "content-type").starts_with("text/plain"));
    let csp = header(&response, "content-security-policy");
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
        "{csp}"
    );
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("cargo xtask serve")
    );

    assert_eq!(server.get("/api/v1/programs").await.status(), 200);
}

#[tokio::test]
async fn only_allow_listed_origins_may_call_the_api_from_another_site() {
    let (mut config, _data) = test_config();
    config.cors_origins = vec!["https://partner.example".to_owned()];
    let server = TestServer::start_with(config).await;

    let allowed = server
        .client
        .get(server.url("/api/v1/programs"))
        .header("origin", "https://partner.example")
        .send()
        .await
        .expect("GET");
    assert_eq!(
        header(&allowed, "access-control-allow-origin"),
        "https://partner.example"
    );
    assert!(header(&allowed, "access-control-expose-headers").contains("etag"));

    let other = server
        .client
        .get(server.url("/api/v1/programs"))
        .header("origin", "https://tracker.example")
        .send()
        .await
        .expect("GET");
    assert_eq!(header(&other, "access-control-allow-origin"), "");

    let preflight = server
        .client
        .request(reqwest::Method::OPTIONS, server.url("/api/v1/programs"))
        .header("origin", "https://partner.example")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "content-type, idempotency-key",
        )
        .send()
        .await
        .expect("OPTIONS");
    assert!(preflight.status().is_success());
    let methods = header(&preflight, "access-control-allow-methods");
    assert!(
        methods.contains("POST") && methods.contains("DELETE"),
        "{methods}"
    );
    let headers = header(&preflight, "access-control-allow-headers");
    assert!(headers.contains("idempotency-key"), "{headers}");
}

#[tokio::test]
async fn the_static_shell_shows_the_practice_name_from_config_json_without_a_rebuild() {
    let dist = tempfile::tempdir().expect("dist");
    for entry in std::fs::read_dir(fixture_dist()).expect("fixture dist") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dist.path().join(entry.file_name())).expect("copy");
    }
    let index = std::fs::read_to_string(fixture_dist().join("index.html")).expect("fixture");
    let index = index.replace(
        "<body>",
        "<body>\n<a class=\"brand\" href=\"/\">Northlight Online Therapy</a>",
    );
    std::fs::write(dist.path().join("index.html"), index).expect("index.html");
    std::fs::write(
        dist.path().join("config.json"),
        r#"{"api_base": "/api/v1", "practice_name": "Harbour Counselling", "quick_exit_url": "https://www.bbc.co.uk/weather"}"#,
    )
    .expect("config.json");
    let (mut config, _data) = test_config();
    config.dist = dist.path().to_path_buf();
    let server = TestServer::start_with(config).await;

    let response = server.get("/programs/iop").await;
    assert_eq!(response.status(), 200);
    let csp = header(&response, "content-security-policy");
    let html = response.text().await.expect("body");
    assert!(
        html.contains("<title>Harbour Counselling — online therapy"),
        "{html}"
    );
    assert!(
        html.contains("<a class=\"brand\" href=\"/\">Harbour Counselling</a>"),
        "{html}"
    );
    assert!(!html.contains("Northlight"), "{html}");
    // The inline script is untouched, so its hash still allows it.
    assert!(
        csp.contains(&format!("'sha256-{}'", fixture_script_hash())),
        "{csp}"
    );
}
