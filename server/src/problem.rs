//! RFC 9457 error replies (`application/problem+json`) and the extractors that turn malformed
//! requests into them.
//!
//! Every error the API gives is an [`ApiProblem`]. Handlers take request bodies through
//! [`ApiJson`] and query strings through [`ApiQuery`], so a person's client always gets the same
//! problem shape for a bad request, whichever route it called.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use frontdoor_contract::problem::PROBLEM_JSON;
use frontdoor_contract::{FieldError, Problem};
use serde::de::DeserializeOwned;

/// An error reply: a [`Problem`] plus optional extension members (e.g. `alternatives`).
#[derive(Debug, Clone)]
pub struct ApiProblem {
    /// The standard members.
    pub problem: Problem,
    /// Extra top-level members RFC 9457 allows a problem type to define.
    pub extensions: serde_json::Map<String, serde_json::Value>,
}

impl ApiProblem {
    /// A problem with the given status, title and detail.
    pub fn new(status: StatusCode, title: &str, detail: impl Into<String>) -> Self {
        Self {
            problem: Problem::new(status.as_u16(), title, detail),
            extensions: serde_json::Map::new(),
        }
    }

    /// 400: the request cannot be understood (e.g. malformed JSON).
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "Bad request", detail)
    }

    /// 404: the thing asked for does not exist.
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "Not found", detail)
    }

    /// 404 for a path under the API that no route serves.
    pub fn no_such_route() -> Self {
        Self::not_found("There is no API resource at this address.")
    }

    /// 405: the path exists but not with this method.
    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "Method not allowed",
            "This API resource does not accept this request method.",
        )
    }

    /// 413: the request body is larger than the server accepts.
    pub fn payload_too_large(limit_bytes: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "Request body too large",
            format!("Request bodies may be at most {} KiB.", limit_bytes / 1024),
        )
    }

    /// 415: the body is not JSON.
    pub fn unsupported_media_type(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Unsupported media type",
            detail,
        )
    }

    /// 422 with field-level errors.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let mut problem = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Some answers need attention",
            "Please check the highlighted fields and try again.",
        );
        problem.problem.errors = errors;
        problem
    }

    /// 500: something went wrong on the server; the detail never reveals internals.
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Something went wrong",
            "The server could not complete this request. Please try again in a moment.",
        )
    }

    /// Adds an extension member, e.g. `alternatives` for a full group.
    pub fn with_extension(mut self, name: &str, value: serde_json::Value) -> Self {
        self.extensions.insert(name.to_owned(), value);
        self
    }

    /// The HTTP status of this problem.
    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl IntoResponse for ApiProblem {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut body = match serde_json::to_value(&self.problem) {
            Ok(serde_json::Value::Object(map)) => map,
            _ => serde_json::Map::new(),
        };
        for (name, value) in self.extensions {
            body.entry(name).or_insert(value);
        }
        let bytes = serde_json::to_vec(&body).unwrap_or_default();
        (
            status,
            [(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON))],
            bytes,
        )
            .into_response()
    }
}

impl From<JsonRejection> for ApiProblem {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::JsonDataError(err) => {
                // Wrong types, missing or unknown fields: the JSON parsed but does not fit.
                Self::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "Request body does not match",
                    err.body_text(),
                )
            }
            JsonRejection::JsonSyntaxError(err) => Self::bad_request(err.body_text()),
            JsonRejection::MissingJsonContentType(_) => {
                Self::unsupported_media_type("Send the request body as application/json.")
            }
            JsonRejection::BytesRejection(err) => {
                if err.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    Self::payload_too_large(crate::app::BODY_LIMIT_BYTES)
                } else {
                    Self::bad_request("The request body could not be read.")
                }
            }
            other => Self::new(other.status(), "Bad request", other.body_text()),
        }
    }
}

impl From<QueryRejection> for ApiProblem {
    fn from(rejection: QueryRejection) -> Self {
        Self::bad_request(rejection.body_text())
    }
}

/// A JSON request body whose rejections are problem+json replies (400, 413, 415 or 422).
///
/// Pair it with `#[serde(deny_unknown_fields)]` on the body type to refuse unknown fields.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiProblem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let axum::Json(value) = axum::Json::<T>::from_request(req, state).await?;
        Ok(Self(value))
    }
}

/// A parsed query string whose rejection is a 400 problem+json reply.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiProblem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Query(value) =
            axum::extract::Query::<T>::from_request_parts(parts, state).await?;
        Ok(Self(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::Router;
    use axum::body::{Body, to_bytes};
    use axum::routing::post;
    use serde::Deserialize;
    use tower::ServiceExt;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Greeting {
        name: String,
    }

    async fn greet(ApiJson(greeting): ApiJson<Greeting>) -> String {
        greeting.name
    }

    async fn post_json(body: &str, content_type: &str) -> (StatusCode, String, serde_json::Value) {
        let app = Router::new().route("/greet", post(greet));
        let request = Request::post("/greet")
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body.to_owned()))
            .expect("request");
        let response = app.oneshot(request).await.expect("infallible");
        let status = response.status();
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let bytes = to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        let json = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
        (status, content_type, json)
    }

    #[tokio::test]
    async fn malformed_json_is_a_400_problem() {
        let (status, content_type, body) = post_json("{\"name\":", "application/json").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(content_type, PROBLEM_JSON);
        assert_eq!(body["status"], 400);
        assert_eq!(body["type"], "about:blank");
    }

    #[tokio::test]
    async fn unknown_fields_are_a_422_problem() {
        let (status, content_type, body) =
            post_json(r#"{"name":"Sam","diagnosis":"x"}"#, "application/json").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(content_type, PROBLEM_JSON);
        assert!(
            body["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("unknown field"),
            "{body}"
        );
    }

    #[tokio::test]
    async fn a_body_that_is_not_json_is_a_415_problem() {
        let (status, content_type, _) = post_json("name=Sam", "text/plain").await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(content_type, PROBLEM_JSON);
    }

    #[tokio::test]
    async fn well_formed_json_reaches_the_handler() {
        let app = Router::new().route("/greet", post(greet));
        let request = Request::post("/greet")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(r#"{"name":"Sam"}"#))
            .expect("request");
        let response = app.oneshot(request).await.expect("infallible");
        assert_eq!(response.status(), StatusCode::OK);
    }

    #[tokio::test]
    async fn a_streamed_body_over_the_limit_is_a_413_problem() {
        let app = Router::new()
            .route("/greet", post(greet))
            .layer(axum::extract::DefaultBodyLimit::max(16));
        let text: &'static str = r#"{"name":"a long name indeed"}"#;
        let chunks = futures_util::stream::iter(
            text.as_bytes()
                .chunks(4)
                .map(Ok::<&'static [u8], std::io::Error>),
        );
        let request = Request::post("/greet")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from_stream(chunks))
            .expect("request");
        let response = app.oneshot(request).await.expect("infallible");
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(
            response.headers().get(header::CONTENT_TYPE),
            Some(&HeaderValue::from_static(PROBLEM_JSON))
        );
    }

    #[test]
    fn extensions_sit_beside_the_standard_members() {
        let problem = ApiProblem::not_found("gone").with_extension("alternatives", 3.into());
        assert_eq!(problem.extensions["alternatives"], 3);
        assert_eq!(problem.status(), StatusCode::NOT_FOUND);
    }
}
