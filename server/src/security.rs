//! Response headers that protect the people using Frontdoor: a strict Content Security Policy
//! (inline scripts allowed only by hash), no sniffing, no referrer, no framing, no powerful
//! features; and a CORS policy that answers only allow-listed origins.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// The headers added to every response, computed once at start.
#[derive(Debug, Clone)]
pub struct SecurityHeaders {
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl SecurityHeaders {
    /// Headers for a site whose `index.html` is `index_html` (`None` when the SPA is not built).
    pub fn new(index_html: Option<&str>) -> Self {
        let hashes = index_html.map(inline_script_hashes).unwrap_or_default();
        let csp = content_security_policy(&hashes);
        let fixed = [
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::REFERRER_POLICY, "no-referrer"),
            (header::X_FRAME_OPTIONS, "DENY"),
            (
                HeaderName::from_static("permissions-policy"),
                "camera=(), microphone=(), geolocation=(), interest-cohort=()",
            ),
            (
                HeaderName::from_static("cross-origin-opener-policy"),
                "same-origin",
            ),
        ];
        let mut headers: Vec<(HeaderName, HeaderValue)> = fixed
            .into_iter()
            .map(|(name, value)| (name, HeaderValue::from_static(value)))
            .collect();
        // The policy is built from base64 and fixed ASCII only, so it is always a valid value.
        if let Ok(value) = HeaderValue::from_str(&csp) {
            headers.push((header::CONTENT_SECURITY_POLICY, value));
        }
        Self { headers }
    }

    /// The Content-Security-Policy value.
    pub fn content_security_policy(&self) -> Option<&HeaderValue> {
        self.headers
            .iter()
            .find(|(name, _)| name == header::CONTENT_SECURITY_POLICY)
            .map(|(_, value)| value)
    }
}

/// The policy: same-origin everything, inline scripts only by their hashes, wasm allowed to
/// compile, no plugins, no `<base>`, no framing.
fn content_security_policy(script_hashes: &[String]) -> String {
    let mut script_src = String::from("'self'");
    for hash in script_hashes {
        script_src.push_str(" 'sha256-");
        script_src.push_str(hash);
        script_src.push('\'');
    }
    script_src.push_str(" 'wasm-unsafe-eval'");
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// Base64 SHA-256 of the exact text of every inline `<script>` (one without `src`) in `html`,
/// in document order, as CSP source expressions need them.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut cursor = 0;
    while let Some(found) = lower[cursor..].find("<script") {
        let tag_start = cursor + found;
        let after_name = tag_start + "<script".len();
        // `<scripts>` or `<script-x>` are other elements.
        let boundary = lower[after_name..].chars().next();
        if !matches!(boundary, Some(c) if c == '>' || c == '/' || c.is_ascii_whitespace()) {
            cursor = after_name;
            continue;
        }
        let Some(tag_len) = lower[after_name..].find('>') else {
            break;
        };
        let content_start = after_name + tag_len + 1;
        let attributes = &lower[after_name..after_name + tag_len];
        let Some(content_len) = lower[content_start..].find("</script") else {
            break;
        };
        let content_end = content_start + content_len;
        if !has_src_attribute(attributes) {
            let digest = Sha256::digest(&html.as_bytes()[content_start..content_end]);
            hashes.push(base64::engine::general_purpose::STANDARD.encode(digest));
        }
        cursor = content_end;
    }
    hashes
}

/// Whether a lower-cased attribute list has a `src` attribute (not `data-src` or similar).
fn has_src_attribute(attributes: &str) -> bool {
    attributes.match_indices("src").any(|(at, _)| {
        let before_ok = at == 0
            || attributes[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_whitespace());
        let rest = attributes[at + 3..].trim_start();
        before_ok && rest.starts_with('=')
    })
}

/// Middleware adding [`SecurityHeaders`] to every response (existing values are replaced).
pub async fn add_security_headers(
    State(security): State<std::sync::Arc<SecurityHeaders>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in &security.headers {
        headers.insert(name.clone(), value.clone());
    }
    response
}

/// Cross-origin access for the allow-listed origins only; an empty list allows none.
pub fn cors_layer(origins: &[HeaderValue]) -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins.iter().cloned()))
        .allow_methods([Method::GET, Method::POST, Method::DELETE])
        .allow_headers([
            header::CONTENT_TYPE,
            HeaderName::from_static("idempotency-key"),
            header::AUTHORIZATION,
            header::IF_NONE_MATCH,
        ])
        .expose_headers([header::ETAG, header::RETRY_AFTER])
        .max_age(std::time::Duration::from_secs(600))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha(text: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
    }

    #[test]
    fn hashes_only_inline_scripts_exactly_as_written() {
        let html = "<html><head>\
            <script src=\"/a.js\"></script>\
            <SCRIPT type=\"module\">\n  import x from '/x.js';\n</SCRIPT>\
            <script data-src=\"y\">let a = 1;</script>\
            <scripts>not a script</scripts>\
            </head></html>";
        assert_eq!(
            inline_script_hashes(html),
            [sha("\n  import x from '/x.js';\n"), sha("let a = 1;")]
        );
    }

    #[test]
    fn policy_lists_hashes_and_never_unsafe_inline() {
        let headers = SecurityHeaders::new(Some("<script>boot()</script>"));
        let csp = headers
            .content_security_policy()
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(
            csp.contains(&format!("'sha256-{}'", sha("boot()"))),
            "{csp}"
        );
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(!csp.contains("'unsafe-eval'"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn without_a_built_spa_no_script_hash_is_allowed() {
        let headers = SecurityHeaders::new(None);
        let csp = headers
            .content_security_policy()
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
            "{csp}"
        );
    }
}
