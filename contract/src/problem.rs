//! RFC 9457 problem details: the one error shape of the API.

use serde::{Deserialize, Serialize};

/// The media type every error reply carries.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// `type` of the 400 problem when a POST that needs an `Idempotency-Key` header has none.
pub const IDEMPOTENCY_KEY_MISSING_PROBLEM_TYPE: &str =
    "urn:frontdoor:problem:idempotency-key-missing";
/// `type` of the 400 problem when the `Idempotency-Key` is empty, too long or not ASCII.
pub const IDEMPOTENCY_KEY_INVALID_PROBLEM_TYPE: &str =
    "urn:frontdoor:problem:idempotency-key-invalid";
/// `type` of the 409 problem while the first request with a key is still running: retry
/// shortly with the same key.
pub const IDEMPOTENCY_KEY_IN_USE_PROBLEM_TYPE: &str =
    "urn:frontdoor:problem:idempotency-key-in-use";
/// `type` of the 422 problem when a key is sent again with a different request body.
pub const IDEMPOTENCY_KEY_REUSED_PROBLEM_TYPE: &str =
    "urn:frontdoor:problem:idempotency-key-reused";

/// An RFC 9457 problem document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// A URI reference naming the kind of problem; `about:blank` when the status says it all.
    #[serde(rename = "type", default = "about_blank")]
    pub kind: String,
    /// A short, human-readable summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong this time, in words a person can act on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Field-level validation errors (422 replies).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

fn about_blank() -> String {
    "about:blank".to_owned()
}

/// One invalid field of a request body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The request field's name, as in the request body.
    pub field: String,
    /// What is wrong and how to put it right.
    pub message: String,
}

impl Problem {
    /// A problem with the given status, title and detail.
    pub fn new(status: u16, title: impl Into<String>, detail: impl Into<String>) -> Self {
        Self {
            kind: about_blank(),
            title: title.into(),
            status,
            detail: Some(detail.into()),
            errors: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_defaults_to_about_blank_when_a_backend_leaves_it_out() {
        let p: Problem = serde_json::from_str(r#"{"title":"Not found","status":404}"#).unwrap();
        assert_eq!(p.kind, "about:blank");
        assert!(p.errors.is_empty());
    }

    #[test]
    fn serialises_type_field_name_as_rfc_9457_says() {
        let json = serde_json::to_value(Problem::new(404, "Not found", "No such page")).unwrap();
        assert_eq!(json["type"], "about:blank");
        assert_eq!(json["status"], 404);
        assert!(json.get("errors").is_none());
    }
}
