//! Per-client limits on POST requests (bookings, reservations, waitlists), so one client cannot
//! flood the practice's calendar. Reads are never limited.
//!
//! Two counters, both `--rate-limit` POSTs per minute (0 turns both off):
//! - per client address ([`limit_posts`], middleware on every POST). Clients are told apart by
//!   the connection's peer address; behind a reverse proxy every client shares the proxy's
//!   address, so set the limit there instead (or turn this one off with 0);
//! - per contact ([`PostRateLimit::check_contacts`], called by a route once it has read the
//!   body): the same email address or phone number, from whatever address, counts once per
//!   POST. Contacts are kept only as SHA-256 digests of their normalised form, in memory.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::problem::ApiProblem;

const WINDOW: Duration = Duration::from_secs(60);
/// Above this many tracked clients, finished windows are dropped before adding another.
const PRUNE_ABOVE: usize = 10_000;

/// A fixed one-minute window of POST counts per client address and per contact.
#[derive(Debug)]
pub struct PostRateLimit {
    per_minute: u32,
    windows: Mutex<HashMap<IpAddr, Window>>,
    contacts: Mutex<HashMap<ContactId, Window>>,
}

#[derive(Debug, Clone, Copy)]
struct Window {
    started: Instant,
    count: u32,
}

/// A contact (email address or phone number) as the limit knows it: a digest, never the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContactId([u8; 32]);

impl ContactId {
    /// An email address, compared without case or surrounding space.
    pub fn email(address: &str) -> Self {
        Self::digest("email", &address.trim().to_lowercase())
    }

    /// A phone number, compared by its digits (and a leading `+`) only.
    pub fn phone(number: &str) -> Self {
        let trimmed = number.trim();
        let mut normalised: String = trimmed.chars().filter(char::is_ascii_digit).collect();
        if trimmed.starts_with('+') {
            normalised.insert(0, '+');
        }
        Self::digest("phone", &normalised)
    }

    fn digest(kind: &str, value: &str) -> Self {
        let mut hasher = Sha256::new();
        hasher.update(kind.as_bytes());
        hasher.update([0]);
        hasher.update(value.as_bytes());
        Self(hasher.finalize().into())
    }
}

/// A 429 problem+json reply with `Retry-After` in whole seconds (at least 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyRequests {
    /// How long until the client may POST again.
    pub retry_after: Duration,
}

impl IntoResponse for TooManyRequests {
    fn into_response(self) -> Response {
        let seconds = self.retry_after.as_secs().max(1);
        let problem = ApiProblem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "Too many requests",
            format!("Please wait {seconds} seconds and try again."),
        );
        let mut response = problem.into_response();
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        response
    }
}

impl PostRateLimit {
    /// Allows `per_minute` POSTs per client (and per contact) per minute; 0 allows any number.
    pub fn per_minute(per_minute: u32) -> Self {
        Self {
            per_minute,
            windows: Mutex::new(HashMap::new()),
            contacts: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one POST from `client` at `now`; `Err(wait)` when over the limit.
    fn check(&self, client: IpAddr, now: Instant) -> Result<(), Duration> {
        if self.per_minute == 0 {
            return Ok(());
        }
        count_all(&self.windows, &[client], self.per_minute, now)
    }

    /// Counts one POST for each of `contacts` (e.g. the email address and the phone number of
    /// a reservation) at `now`. Refused, and nothing counted, if any of them is over the limit.
    pub fn check_contacts_at(
        &self,
        contacts: &[ContactId],
        now: Instant,
    ) -> Result<(), TooManyRequests> {
        if self.per_minute == 0 {
            return Ok(());
        }
        count_all(&self.contacts, contacts, self.per_minute, now)
            .map_err(|retry_after| TooManyRequests { retry_after })
    }

    /// [`Self::check_contacts_at`] now.
    pub fn check_contacts(&self, contacts: &[ContactId]) -> Result<(), TooManyRequests> {
        self.check_contacts_at(contacts, Instant::now())
    }
}

/// Counts one request for every key, or for none if any key has used up its minute.
fn count_all<K: Copy + Eq + Hash>(
    windows: &Mutex<HashMap<K, Window>>,
    keys: &[K],
    per_minute: u32,
    now: Instant,
) -> Result<(), Duration> {
    let mut windows = match windows.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    if windows.len() > PRUNE_ABOVE {
        windows.retain(|_, w| now.duration_since(w.started) < WINDOW);
    }
    let mut wait = None;
    for key in keys {
        let window = windows.entry(*key).or_insert(Window {
            started: now,
            count: 0,
        });
        if now.duration_since(window.started) >= WINDOW {
            *window = Window {
                started: now,
                count: 0,
            };
        }
        if window.count >= per_minute {
            let left = WINDOW.saturating_sub(now.duration_since(window.started));
            wait = Some(wait.map_or(left, |w: Duration| w.max(left)));
        }
    }
    if let Some(wait) = wait {
        return Err(wait);
    }
    for key in keys {
        if let Some(window) = windows.get_mut(key) {
            window.count += 1;
        }
    }
    Ok(())
}

/// Middleware answering 429 problem+json (with `Retry-After`) to a client over the POST limit.
pub async fn limit_posts(
    State(limit): State<Arc<PostRateLimit>>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() == Method::POST {
        let client = request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip());
        if let Some(client) = client
            && let Err(retry_after) = limit.check(client, Instant::now())
        {
            return TooManyRequests { retry_after }.into_response();
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_the_limit_then_refuses_until_the_minute_is_over() {
        let limit = PostRateLimit::per_minute(2);
        let client = IpAddr::from([192, 0, 2, 1]);
        let other = IpAddr::from([192, 0, 2, 2]);
        let t0 = Instant::now();
        assert!(limit.check(client, t0).is_ok());
        assert!(limit.check(client, t0).is_ok());
        let wait = limit
            .check(client, t0 + Duration::from_secs(20))
            .expect_err("third POST in a minute");
        assert_eq!(wait, Duration::from_secs(40));
        assert!(limit.check(other, t0).is_ok(), "clients are counted apart");
        assert!(limit.check(client, t0 + WINDOW).is_ok(), "a new minute");
    }

    #[test]
    fn zero_turns_the_limit_off() {
        let limit = PostRateLimit::per_minute(0);
        let client = IpAddr::from([192, 0, 2, 1]);
        let now = Instant::now();
        assert!((0..100).all(|_| limit.check(client, now).is_ok()));
    }

    #[test]
    fn the_same_contact_is_limited_whatever_its_spelling() {
        let limit = PostRateLimit::per_minute(2);
        let t0 = Instant::now();
        let sam = ContactId::email("Sam@Example.org ");
        let phone = ContactId::phone("+1 (555) 010-0199");
        assert!(limit.check_contacts_at(&[sam, phone], t0).is_ok());
        assert!(
            limit
                .check_contacts_at(&[ContactId::email("sam@example.org")], t0)
                .is_ok()
        );
        let refused = limit
            .check_contacts_at(&[ContactId::email("SAM@EXAMPLE.ORG")], t0)
            .expect_err("third from the same address");
        assert_eq!(refused.retry_after, WINDOW);
        // The phone was counted once; refusing a request that names a spent contact counts
        // none of its contacts.
        assert!(limit.check_contacts_at(&[sam, phone], t0).is_err());
        assert!(
            limit
                .check_contacts_at(&[ContactId::phone("+15550100199")], t0)
                .is_ok()
        );
        assert!(
            limit
                .check_contacts_at(&[ContactId::email("alex@example.org")], t0)
                .is_ok()
        );
        assert_ne!(
            ContactId::phone("5550100199"),
            ContactId::phone("+5550100199")
        );
    }

    #[test]
    fn zero_turns_the_contact_limit_off() {
        let limit = PostRateLimit::per_minute(0);
        let sam = ContactId::email("sam@example.org");
        assert!((0..100).all(|_| limit.check_contacts(&[sam]).is_ok()));
    }

    #[test]
    fn a_429_says_when_to_come_back() {
        let response = TooManyRequests {
            retry_after: Duration::from_millis(300),
        }
        .into_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(
            response.headers().get(header::RETRY_AFTER),
            Some(&HeaderValue::from(1))
        );
    }
}
