//! When and how long to wait before asking the server again.
//!
//! Pure arithmetic, no browser APIs, so every rule here is tested natively. The HTTP path in
//! [`super::http`] feeds it what happened and a random number; it answers with a delay or "stop".

/// How many times a request is repeated after its first try, at most.
pub const MAX_RETRIES: u32 = 3;

/// The first backoff step, before jitter.
pub const BASE_DELAY_MS: u32 = 300;

/// No backoff step grows beyond this, however many attempts have failed.
pub const MAX_DELAY_MS: u32 = 4_000;

/// A `Retry-After` longer than this is not waited out: a person is looking at a spinner, so the
/// error is shown instead and they can try again themselves.
pub const MAX_RETRY_AFTER_MS: u32 = 10_000;

/// Which failed replies a request may safely be repeated after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryPolicy {
    /// Never repeat: the request may have changed something on the server.
    Never,
    /// A safe read (GET): repeat after gateway errors, overload and rate limiting.
    SafeRead,
    /// A write carrying an `Idempotency-Key`: the server answers a repeat with the first reply, so
    /// any server error or rate limit may be retried with the same key.
    Idempotent,
}

impl RetryPolicy {
    /// Whether a reply with this HTTP status is worth repeating the request for.
    pub fn retries_status(self, status: u16) -> bool {
        match self {
            RetryPolicy::Never => false,
            RetryPolicy::SafeRead => matches!(status, 408 | 429 | 502 | 503 | 504),
            RetryPolicy::Idempotent => matches!(status, 408 | 429 | 500..=599),
        }
    }

    /// Whether a request that never got a reply (network failure or timeout) may be repeated.
    pub fn retries_without_reply(self) -> bool {
        self != RetryPolicy::Never
    }
}

/// Capped exponential backoff with full jitter: a uniformly random wait between zero and
/// `min(cap_ms, base_ms * 2^attempt)`, where `attempt` counts failed tries from 0.
///
/// `random01` is a uniform random number in `[0, 1)`; values outside are clamped.
pub fn backoff_delay(attempt: u32, base_ms: u32, cap_ms: u32, random01: f64) -> u32 {
    let ceiling = 2u64
        .checked_pow(attempt)
        .and_then(|factor| factor.checked_mul(u64::from(base_ms)))
        .map_or(cap_ms, |step| step.min(u64::from(cap_ms)) as u32);
    let random01 = if random01.is_nan() {
        0.0
    } else {
        random01.clamp(0.0, 1.0)
    };
    (f64::from(ceiling) * random01).floor() as u32
}

/// Reads a `Retry-After` header given in seconds (`"120"`) and returns milliseconds.
///
/// The HTTP-date form and anything malformed give `None`, and the caller falls back to backoff.
pub fn parse_retry_after(value: &str) -> Option<u32> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let seconds: u64 = value.parse().ok()?;
    Some(seconds.saturating_mul(1_000).min(u64::from(u32::MAX)) as u32)
}

/// How long to wait before repeating a request whose try number `attempt` (from 0) failed, or
/// `None` to stop and report the failure.
///
/// The server's `Retry-After` wins over backoff when present, unless it asks for more patience
/// than [`MAX_RETRY_AFTER_MS`].
pub fn delay_before_retry(attempt: u32, retry_after: Option<&str>, random01: f64) -> Option<u32> {
    if attempt >= MAX_RETRIES {
        return None;
    }
    match retry_after.and_then(parse_retry_after) {
        Some(ms) if ms > MAX_RETRY_AFTER_MS => None,
        Some(ms) => Some(ms),
        None => Some(backoff_delay(
            attempt,
            BASE_DELAY_MS,
            MAX_DELAY_MS,
            random01,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_per_attempt_before_jitter() {
        // random01 just below 1 shows the ceiling of each step.
        let top = 0.999_999;
        assert_eq!(backoff_delay(0, 300, 4_000, top), 299);
        assert_eq!(backoff_delay(1, 300, 4_000, top), 599);
        assert_eq!(backoff_delay(2, 300, 4_000, top), 1_199);
        assert_eq!(backoff_delay(3, 300, 4_000, top), 2_399);
    }

    #[test]
    fn backoff_never_exceeds_the_cap_even_for_huge_attempts() {
        assert_eq!(backoff_delay(4, 300, 4_000, 1.0), 4_000);
        assert_eq!(backoff_delay(40, 300, 4_000, 1.0), 4_000);
        assert_eq!(backoff_delay(u32::MAX, u32::MAX, 4_000, 1.0), 4_000);
    }

    #[test]
    fn full_jitter_spans_zero_to_the_ceiling() {
        assert_eq!(backoff_delay(2, 300, 4_000, 0.0), 0);
        assert_eq!(backoff_delay(2, 300, 4_000, 0.5), 600);
        // Out-of-range randomness cannot produce a negative or oversized wait.
        assert_eq!(backoff_delay(2, 300, 4_000, -3.0), 0);
        assert_eq!(backoff_delay(2, 300, 4_000, 7.0), 1_200);
        assert_eq!(backoff_delay(2, 300, 4_000, f64::NAN), 0);
    }

    #[test]
    fn retry_after_in_seconds_becomes_milliseconds() {
        assert_eq!(parse_retry_after("0"), Some(0));
        assert_eq!(parse_retry_after("2"), Some(2_000));
        assert_eq!(parse_retry_after(" 5 "), Some(5_000));
        assert_eq!(
            parse_retry_after("99999999999999999999"),
            None,
            "more digits than fit is malformed"
        );
        assert_eq!(parse_retry_after("4294968"), Some(u32::MAX));
    }

    #[test]
    fn retry_after_dates_and_junk_are_ignored() {
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("1.5"), None);
        assert_eq!(parse_retry_after(""), None);
    }

    #[test]
    fn gives_up_after_three_retries() {
        assert!(delay_before_retry(0, None, 0.5).is_some());
        assert!(delay_before_retry(2, None, 0.5).is_some());
        assert_eq!(delay_before_retry(3, None, 0.5), None);
    }

    #[test]
    fn honours_a_short_retry_after_and_refuses_a_long_one() {
        assert_eq!(delay_before_retry(0, Some("3"), 0.0), Some(3_000));
        assert_eq!(delay_before_retry(0, Some("60"), 0.0), None);
        // A date falls back to backoff.
        assert_eq!(
            delay_before_retry(1, Some("Wed, 21 Oct 2015 07:28:00 GMT"), 0.5),
            Some(300)
        );
    }

    #[test]
    fn reads_retry_gateway_errors_but_not_client_or_app_errors() {
        let get = RetryPolicy::SafeRead;
        for status in [429, 502, 503, 504, 408] {
            assert!(get.retries_status(status), "{status}");
        }
        for status in [200, 400, 401, 404, 409, 422, 500] {
            assert!(!get.retries_status(status), "{status}");
        }
    }

    #[test]
    fn idempotent_writes_retry_any_server_error_but_never_a_conflict() {
        let post = RetryPolicy::Idempotent;
        for status in [429, 500, 502, 503, 504] {
            assert!(post.retries_status(status), "{status}");
        }
        for status in [400, 404, 409, 422] {
            assert!(!post.retries_status(status), "{status}");
        }
        assert!(!RetryPolicy::Never.retries_status(503));
        assert!(!RetryPolicy::Never.retries_without_reply());
        assert!(post.retries_without_reply());
    }
}
