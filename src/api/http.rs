//! Sends requests to the backend and turns replies into typed results.
//!
//! Every request gets a time limit (an `AbortController` fired by a timer) and is aborted when the
//! reactive owner that started it is cleaned up — a person who leaves a page stops its requests.
//! Safe reads are repeated after network failures, timeouts and overload replies; writes are
//! repeated only when they carry an `Idempotency-Key`, so the server can answer a repeat with its
//! first reply instead of acting twice. Error replies become [`ApiError::Problem`].

use std::{
    cell::{Cell, RefCell},
    future::Future,
    rc::Rc,
};

use frontdoor_contract::{Problem, problem::PROBLEM_JSON};
use gloo_net::http::{Method, RequestBuilder};
use gloo_timers::{callback::Timeout, future::TimeoutFuture};
use send_wrapper::SendWrapper;
use serde::{Serialize, de::DeserializeOwned};
use web_sys::AbortController;

use super::{
    ApiError,
    retry::{RetryPolicy, delay_before_retry},
};

/// How long one try of a request may take before it is abandoned.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;

/// Extras a request may carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestOptions {
    /// A manage token, sent as `Authorization: Bearer <token>`.
    pub bearer: Option<String>,
    /// Time limit for each try, in milliseconds; [`DEFAULT_TIMEOUT_MS`] when `None`.
    pub timeout_ms: Option<u32>,
}

/// A key that lets the server recognise a repeated write (IETF `Idempotency-Key`).
///
/// Create one when a person starts a booking and reuse it for every send of that same booking —
/// automatic retries and their own "Try again" — so a double press never books twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// A fresh random key (a version 4 UUID from the browser's cryptographic random source).
    pub fn new() -> Self {
        let mut bytes = [0u8; 16];
        let filled = web_sys::window()
            .and_then(|window| window.crypto().ok())
            .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
        if !filled {
            for byte in &mut bytes {
                *byte = (js_sys::Math::random() * 256.0) as u8;
            }
        }
        Self(format_uuid_v4(bytes))
    }

    /// A key made earlier and kept with a form's draft, so a send after a reload is still
    /// recognised by the server as the same request.
    pub fn from_saved(key: String) -> Self {
        Self(key)
    }

    /// The key as sent in the header.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for IdempotencyKey {
    fn default() -> Self {
        Self::new()
    }
}

/// Formats 16 random bytes as a version 4 UUID (`xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx`).
pub fn format_uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (i, byte) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// `GET url` and decode the JSON reply; retried after network failures, timeouts, 408, 429, 502,
/// 503 and 504.
///
/// Call it where a reactive owner is current (inside a resource's fetcher, an action or a
/// component): the request is aborted when that owner is cleaned up.
pub fn get_json<T: DeserializeOwned>(
    url: impl Into<String>,
) -> impl Future<Output = Result<T, ApiError>> {
    get_json_with(url, RequestOptions::default())
}

/// [`get_json`] with a bearer token or another time limit.
pub fn get_json_with<T: DeserializeOwned>(
    url: impl Into<String>,
    options: RequestOptions,
) -> impl Future<Output = Result<T, ApiError>> {
    let outgoing = Outgoing::new(
        Method::GET,
        url.into(),
        None,
        options,
        RetryPolicy::SafeRead,
    );
    let cancellation = Cancellation::tied_to_owner();
    async move { decode_reply(send(&outgoing, &cancellation).await?) }
}

/// `POST url` with a JSON body and an `Idempotency-Key`; retried with the same key after network
/// failures, timeouts, 408, 429 and any 5xx. A 409 (conflict) or 422 (invalid) is never retried.
pub fn post_json_idempotent<B, T>(
    url: String,
    body: &B,
    key: &IdempotencyKey,
) -> impl Future<Output = Result<T, ApiError>> + use<B, T>
where
    B: Serialize + ?Sized,
    T: DeserializeOwned,
{
    send_json_write(
        Method::POST,
        url,
        body,
        Some(key),
        RequestOptions::default(),
    )
}

/// Like [`post_json_idempotent`], but hands back the server's whole reply, whatever its status,
/// for callers that read more than a plain problem (such as the alternatives in a 409). Network
/// failures and timeouts are still errors once the retries are used up.
pub fn post_json_idempotent_reply<B>(
    url: String,
    body: &B,
    key: &IdempotencyKey,
) -> impl Future<Output = Result<Reply, ApiError>> + use<B>
where
    B: Serialize + ?Sized,
{
    let body = serde_json::to_string(body);
    let key = key.as_str().to_owned();
    let cancellation = Cancellation::tied_to_owner();
    async move {
        let body = body.map_err(|_| ApiError::Decode)?;
        let mut outgoing = Outgoing::new(
            Method::POST,
            url,
            Some(body),
            RequestOptions::default(),
            RetryPolicy::Idempotent,
        );
        outgoing.headers.push(("Idempotency-Key", key));
        send(&outgoing, &cancellation).await
    }
}

/// Like [`post_json_idempotent_reply`] for any method and with [`RequestOptions`] (such as a
/// manage token): the server's whole reply, whatever its status.
pub fn send_json_write_reply<B>(
    method: Method,
    url: String,
    body: &B,
    key: &IdempotencyKey,
    options: RequestOptions,
) -> impl Future<Output = Result<Reply, ApiError>> + use<B>
where
    B: Serialize + ?Sized,
{
    let body = serde_json::to_string(body);
    let key = key.as_str().to_owned();
    let cancellation = Cancellation::tied_to_owner();
    async move {
        let body = body.map_err(|_| ApiError::Decode)?;
        let mut outgoing = Outgoing::new(method, url, Some(body), options, RetryPolicy::Idempotent);
        outgoing.headers.push(("Idempotency-Key", key));
        send(&outgoing, &cancellation).await
    }
}

/// How often an idempotent write is sent again while the server is still handling an earlier
/// send of the same key (a double press, or a retry racing a slow first try).
pub const IN_FLIGHT_RETRIES: u32 = 5;
/// How long to wait before asking again in that case.
pub const IN_FLIGHT_WAIT_MS: u32 = 800;

/// Sends an idempotent write with `send_once` and, while the server answers that an earlier
/// send of the same key is still being handled (409, `IDEMPOTENCY_KEY_IN_USE_PROBLEM_TYPE`),
/// waits and sends it again, up to [`IN_FLIGHT_RETRIES`] times. Returns the last reply.
pub async fn settle_idempotent_write<F, Fut>(send_once: F) -> Result<Reply, ApiError>
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<Reply, ApiError>>,
{
    let mut waited = 0;
    loop {
        let reply = send_once().await?;
        let in_flight = reply.status == 409
            && reply
                .body
                .contains(frontdoor_contract::problem::IDEMPOTENCY_KEY_IN_USE_PROBLEM_TYPE);
        if !in_flight || waited >= IN_FLIGHT_RETRIES {
            return Ok(reply);
        }
        waited += 1;
        TimeoutFuture::new(IN_FLIGHT_WAIT_MS).await;
    }
}

/// Any write with a JSON body (`POST`, `PUT`, `DELETE` …). With a key it is retried like
/// [`post_json_idempotent`]; without one it is sent exactly once.
pub fn send_json_write<B, T>(
    method: Method,
    url: String,
    body: &B,
    key: Option<&IdempotencyKey>,
    options: RequestOptions,
) -> impl Future<Output = Result<T, ApiError>> + use<B, T>
where
    B: Serialize + ?Sized,
    T: DeserializeOwned,
{
    let body = serde_json::to_string(body);
    let policy = if key.is_some() {
        RetryPolicy::Idempotent
    } else {
        RetryPolicy::Never
    };
    let key = key.map(|key| key.as_str().to_owned());
    let cancellation = Cancellation::tied_to_owner();
    async move {
        let body = body.map_err(|_| ApiError::Decode)?;
        let mut outgoing = Outgoing::new(method, url, Some(body), options, policy);
        if let Some(key) = key {
            outgoing.headers.push(("Idempotency-Key", key));
        }
        decode_reply(send(&outgoing, &cancellation).await?)
    }
}

/// A request as it goes out, the same for every try.
struct Outgoing {
    method: Method,
    url: String,
    body: Option<String>,
    headers: Vec<(&'static str, String)>,
    policy: RetryPolicy,
    timeout_ms: u32,
}

impl Outgoing {
    fn new(
        method: Method,
        url: String,
        body: Option<String>,
        options: RequestOptions,
        policy: RetryPolicy,
    ) -> Self {
        let mut headers = Vec::new();
        if let Some(token) = options.bearer {
            headers.push(("Authorization", format!("Bearer {token}")));
        }
        Self {
            method,
            url,
            body,
            headers,
            policy,
            timeout_ms: options.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS),
        }
    }
}

/// What the server sent back, read in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// The `Content-Type` header, empty when missing.
    pub content_type: String,
    /// The `Retry-After` header, if any.
    pub retry_after: Option<String>,
    /// The body as text.
    pub body: String,
}

/// Lets the owner that started a request stop it, including any retry still waiting.
#[derive(Default)]
struct Cancellation {
    cancelled: Cell<bool>,
    current: RefCell<Option<AbortController>>,
}

impl Cancellation {
    fn tied_to_owner() -> Rc<Self> {
        let this = Rc::new(Self::default());
        // The browser is single-threaded; the wrapper only satisfies the owner's `Send` bound.
        let handle = SendWrapper::new(Rc::clone(&this));
        leptos::prelude::on_cleanup(move || handle.cancel());
        this
    }

    fn cancel(&self) {
        self.cancelled.set(true);
        if let Some(controller) = self.current.borrow().as_ref() {
            controller.abort();
        }
    }
}

async fn send(outgoing: &Outgoing, cancellation: &Cancellation) -> Result<Reply, ApiError> {
    let mut failed_tries = 0;
    loop {
        if cancellation.cancelled.get() {
            return Err(ApiError::Aborted);
        }
        let outcome = try_once(outgoing, cancellation).await;
        let retry_after = match &outcome {
            Err(ApiError::Network | ApiError::Timeout)
                if outgoing.policy.retries_without_reply() =>
            {
                None
            }
            Ok(reply) if outgoing.policy.retries_status(reply.status) => reply.retry_after.clone(),
            _ => return outcome,
        };
        let Some(delay) =
            delay_before_retry(failed_tries, retry_after.as_deref(), js_sys::Math::random())
        else {
            return outcome;
        };
        TimeoutFuture::new(delay).await;
        failed_tries += 1;
    }
}

async fn try_once(outgoing: &Outgoing, cancellation: &Cancellation) -> Result<Reply, ApiError> {
    let controller = AbortController::new().map_err(|_| ApiError::Network)?;
    let signal = controller.signal();
    cancellation.current.replace(Some(controller.clone()));
    let timed_out = Rc::new(Cell::new(false));
    // Dropping the timer at the end of this function cancels it.
    let _timer = Timeout::new(outgoing.timeout_ms, {
        let timed_out = Rc::clone(&timed_out);
        move || {
            timed_out.set(true);
            controller.abort();
        }
    });
    let why_no_reply = || {
        if cancellation.cancelled.get() {
            ApiError::Aborted
        } else if timed_out.get() {
            ApiError::Timeout
        } else {
            ApiError::Network
        }
    };

    let mut builder = RequestBuilder::new(&outgoing.url)
        .method(outgoing.method.clone())
        .abort_signal(Some(&signal))
        .header("Accept", "application/json, application/problem+json");
    for (name, value) in &outgoing.headers {
        builder = builder.header(name, value);
    }
    let request = match &outgoing.body {
        Some(body) => builder
            .header("Content-Type", "application/json")
            .body(body.as_str()),
        None => builder.build(),
    }
    .map_err(|_| ApiError::Network)?;

    let response = request.send().await.map_err(|_| why_no_reply())?;
    let headers = response.headers();
    let status = response.status();
    let content_type = headers.get("content-type").unwrap_or_default();
    let retry_after = headers.get("retry-after");
    let body = response.text().await.map_err(|_| why_no_reply())?;
    Ok(Reply {
        status,
        content_type,
        retry_after,
        body,
    })
}

/// Turns a complete reply into the expected value or an [`ApiError`].
///
/// A 2xx body is decoded as `T` (an empty body reads as JSON `null`, so `()` fits a 204); any
/// other status becomes a [`Problem`] — the server's own when it sent one, otherwise one made from
/// the status alone.
pub fn decode_reply<T: DeserializeOwned>(reply: Reply) -> Result<T, ApiError> {
    if (200..300).contains(&reply.status) {
        let body = if reply.body.trim().is_empty() {
            "null"
        } else {
            reply.body.as_str()
        };
        serde_json::from_str(body).map_err(|_| ApiError::Decode)
    } else {
        Err(ApiError::Problem(problem_from_reply(&reply)))
    }
}

fn problem_from_reply(reply: &Reply) -> Problem {
    let media_type = reply
        .content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let parsed = if media_type == PROBLEM_JSON || media_type == "application/json" {
        serde_json::from_str::<Problem>(&reply.body).ok()
    } else {
        None
    };
    match parsed {
        Some(mut problem) => {
            // The status line is authoritative if a body disagrees with it.
            problem.status = reply.status;
            problem
        }
        None => Problem {
            kind: "about:blank".to_owned(),
            title: reason_phrase(reply.status).to_owned(),
            status: reply.status,
            detail: None,
            errors: Vec::new(),
        },
    }
}

fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ if status < 500 => "Request Error",
        _ => "Server Error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(status: u16, content_type: &str, body: &str) -> Reply {
        Reply {
            status,
            content_type: content_type.to_owned(),
            retry_after: None,
            body: body.to_owned(),
        }
    }

    #[test]
    fn a_json_success_decodes_to_the_expected_type() {
        let names: Vec<String> =
            decode_reply(reply(200, "application/json", r#"["iop","teen-therapy"]"#)).unwrap();
        assert_eq!(names, ["iop", "teen-therapy"]);
    }

    #[test]
    fn an_empty_success_fits_unit() {
        let nothing: Result<(), _> = decode_reply(reply(204, "", ""));
        assert_eq!(nothing, Ok(()));
    }

    #[test]
    fn a_success_of_the_wrong_shape_is_a_decode_error() {
        let wrong: Result<Vec<String>, _> = decode_reply(reply(200, "text/html", "<html>"));
        assert_eq!(wrong, Err(ApiError::Decode));
    }

    #[test]
    fn problem_json_replies_keep_the_servers_words() {
        let body = r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"No program called yoga."}"#;
        let err = decode_reply::<()>(reply(404, "application/problem+json; charset=utf-8", body))
            .unwrap_err();
        let ApiError::Problem(problem) = err else {
            panic!("expected a problem, got {err:?}");
        };
        assert_eq!(problem.status, 404);
        assert_eq!(problem.detail.as_deref(), Some("No program called yoga."));
    }

    #[test]
    fn validation_problems_carry_their_field_errors() {
        let body = r#"{"title":"Invalid","status":422,"errors":[{"field":"email","message":"Enter an email address."}]}"#;
        let err = decode_reply::<()>(reply(422, PROBLEM_JSON, body)).unwrap_err();
        let ApiError::Problem(problem) = err else {
            panic!("expected a problem, got {err:?}");
        };
        assert_eq!(problem.errors[0].field, "email");
    }

    #[test]
    fn an_error_page_from_a_proxy_becomes_a_problem_from_its_status() {
        let err = decode_reply::<()>(reply(502, "text/html", "<h1>Bad gateway</h1>")).unwrap_err();
        assert_eq!(err.status(), Some(502));
        let ApiError::Problem(problem) = err else {
            panic!("expected a problem");
        };
        assert_eq!(problem.title, "Bad Gateway");
        assert_eq!(problem.detail, None);
    }

    #[test]
    fn uuid_keys_have_version_and_variant_bits() {
        let key = format_uuid_v4([0xff; 16]);
        assert_eq!(key, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let key = format_uuid_v4([0; 16]);
        assert_eq!(key, "00000000-0000-4000-8000-000000000000");
    }
}
