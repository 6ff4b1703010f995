//! A per-client limit on POST requests (bookings, reservations), so one client cannot flood the
//! practice's calendar. Reads are never limited.
//!
//! Clients are told apart by the connection's peer address; behind a reverse proxy every client
//! shares the proxy's address, so set the limit there instead (or turn this one off with 0).

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::problem::ApiProblem;

const WINDOW: Duration = Duration::from_secs(60);
/// Above this many tracked clients, finished windows are dropped before adding another.
const PRUNE_ABOVE: usize = 10_000;

/// A fixed one-minute window of POST counts per client address.
#[derive(Debug)]
pub struct PostRateLimit {
    per_minute: u32,
    windows: Mutex<HashMap<IpAddr, Window>>,
}

#[derive(Debug, Clone, Copy)]
struct Window {
    started: Instant,
    count: u32,
}

impl PostRateLimit {
    /// Allows `per_minute` POSTs per client per minute; 0 allows any number.
    pub fn per_minute(per_minute: u32) -> Self {
        Self {
            per_minute,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one POST from `client` at `now`; `Err(wait)` when over the limit.
    fn check(&self, client: IpAddr, now: Instant) -> Result<(), Duration> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let mut windows = match self.windows.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        if windows.len() > PRUNE_ABOVE {
            windows.retain(|_, w| now.duration_since(w.started) < WINDOW);
        }
        let window = windows.entry(client).or_insert(Window {
            started: now,
            count: 0,
        });
        if now.duration_since(window.started) >= WINDOW {
            *window = Window {
                started: now,
                count: 0,
            };
        }
        if window.count >= self.per_minute {
            return Err(WINDOW.saturating_sub(now.duration_since(window.started)));
        }
        window.count += 1;
        Ok(())
    }
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
            && let Err(wait) = limit.check(client, Instant::now())
        {
            let seconds = wait.as_secs().max(1);
            let problem = ApiProblem::new(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many requests",
                format!("Please wait {seconds} seconds and try again."),
            );
            let mut response = problem.into_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            return response;
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
}
