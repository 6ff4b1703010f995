//! The one path from Frontdoor to its backend.
//!
//! [`http`] sends every request (timeout, abort when the page that asked goes away, retries with
//! jittered backoff, problem+json errors); one small file per resource wraps it in typed calls.
//! Components use those calls and never touch the network themselves.

pub mod calls;
pub mod groups;
pub mod http;
pub mod programs;
pub mod reservations;
pub mod retry;

use frontdoor_contract::Problem;

pub use http::{IdempotencyKey, get_json, post_json_idempotent};

/// Why a request to the backend did not give the data asked for.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// The browser could not reach the server (offline, DNS, connection reset, CORS).
    #[error("could not reach the server")]
    Network,
    /// The server took longer than the request's time limit.
    #[error("the server took too long to answer")]
    Timeout,
    /// The server answered with an error, described as RFC 9457 problem details.
    #[error("{}", .0.title)]
    Problem(Problem),
    /// The server answered, but not with the shape Frontdoor expects.
    #[error("the server's answer could not be read")]
    Decode,
    /// The request was cancelled because the page that asked for it went away.
    #[error("the request was cancelled")]
    Aborted,
}

impl ApiError {
    /// The HTTP status of a problem reply, if the server answered at all.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Problem(problem) => Some(problem.status),
            _ => None,
        }
    }

    /// Whether the server said the thing asked for does not exist.
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    /// A sentence a person can act on, without jargon or status codes.
    pub fn user_message(&self) -> String {
        match self {
            ApiError::Network => {
                "We couldn't connect. Check your internet connection, then try again.".to_owned()
            }
            ApiError::Timeout => {
                "This is taking longer than it should. Please try again.".to_owned()
            }
            ApiError::Problem(problem) if problem.status >= 500 || problem.status == 429 => {
                "Our system is having trouble right now. Please try again in a minute.".to_owned()
            }
            ApiError::Problem(problem) => problem
                .detail
                .clone()
                .filter(|detail| !detail.trim().is_empty())
                .unwrap_or_else(|| problem.title.clone()),
            ApiError::Decode => {
                "Something went wrong on our side. Please try again later.".to_owned()
            }
            ApiError::Aborted => "The request was stopped. Please try again.".to_owned(),
        }
    }
}

/// Joins the configured API base (such as `/api/v1` or `https://api.example.org/v1/`) and a
/// resource path starting with `/`.
pub fn api_url(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

/// Percent-encodes one URL path segment (such as a slug taken from the address bar) so it cannot
/// add segments, a query or a fragment to the URL it is put in.
pub fn path_segment(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_base_and_path_with_exactly_one_slash() {
        assert_eq!(api_url("/api/v1", "/programs"), "/api/v1/programs");
        assert_eq!(api_url("/api/v1/", "/programs"), "/api/v1/programs");
        assert_eq!(
            api_url("https://api.example.org/v1", "programs"),
            "https://api.example.org/v1/programs"
        );
    }

    #[test]
    fn path_segments_cannot_escape_their_place() {
        assert_eq!(path_segment("group-therapy"), "group-therapy");
        assert_eq!(path_segment("../admin"), "..%2Fadmin");
        assert_eq!(path_segment("a?b#c d"), "a%3Fb%23c%20d");
        assert_eq!(path_segment("thérapie"), "th%C3%A9rapie");
    }

    #[test]
    fn messages_never_show_status_codes_or_internals() {
        let unavailable = ApiError::Problem(Problem::new(503, "Service Unavailable", "db down"));
        assert!(!unavailable.user_message().contains("503"));
        assert!(!unavailable.user_message().contains("db"));
        let invalid = ApiError::Problem(Problem::new(422, "Invalid", "Enter an email address."));
        assert_eq!(invalid.user_message(), "Enter an email address.");
        assert!(
            ApiError::Network
                .user_message()
                .contains("internet connection")
        );
    }

    #[test]
    fn not_found_is_recognised_only_from_a_404_problem() {
        assert!(
            ApiError::Problem(Problem::new(404, "Not Found", "No such program")).is_not_found()
        );
        assert!(!ApiError::Network.is_not_found());
        assert!(!ApiError::Problem(Problem::new(410, "Gone", "")).is_not_found());
    }
}
