//! A Frontdoor server for the coordinator-call tests: its own copy of the content with a fixed
//! availability file, and a clock the test sets.
//!
//! The availability: New York, 30-minute calls with 10 minutes' buffer, 4 hours' notice, 21 days'
//! horizon; weekdays 09:00–12:00 and 13:00–17:00, Saturday 10:00–13:00, Sunday closed; holidays
//! on 24 and 25 December 2026. A weekday therefore has calls at 09:00, 09:40, 10:20, 11:00, 13:00,
//! 13:40, 14:20, 15:00, 15:40 and 16:20.

#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::America::New_York;
use frontdoor_contract::{CallConfirmation, CallSlot, CallSlots};
use frontdoor_server::clock::{Clock, ManualClock};
use frontdoor_server::config::Config;
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::support::{TestServer, fixture_dist, open_state, shipped_content};

/// The availability every call test runs against.
pub const COORDINATOR_JSON: &str = r#"{
  "time_zone": "America/New_York",
  "slot_minutes": 30,
  "buffer_minutes": 10,
  "minimum_notice_hours": 4,
  "horizon_days": 21,
  "working_hours": {
    "monday":    [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}],
    "tuesday":   [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}],
    "wednesday": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}],
    "thursday":  [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}],
    "friday":    [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}],
    "saturday":  [{"start": "10:00", "end": "13:00"}],
    "sunday":    []
  },
  "holidays": ["2026-12-24", "2026-12-25"]
}"#;

/// The wall-clock starts of a full weekday.
pub const WEEKDAY_STARTS: [&str; 10] = [
    "09:00", "09:40", "10:20", "11:00", "13:00", "13:40", "14:20", "15:00", "15:40", "16:20",
];

/// Monday 7 December 2026, 07:00 in New York: the moment most call tests stand at.
pub fn monday_morning() -> DateTime<Utc> {
    new_york(2026, 12, 7, 7, 0)
}

/// A New York wall-clock time as an instant.
pub fn new_york(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    New_York
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .earliest()
        .expect("a New York wall-clock time")
        .with_timezone(&Utc)
}

/// `instant` on the New York wall clock, as `YYYY-MM-DD HH:MM`.
pub fn wall(instant: DateTime<Utc>) -> String {
    instant
        .with_timezone(&New_York)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// A copy of the shipped content whose `coordinator.json` is `availability`.
pub fn content_with(availability: &str) -> TempDir {
    let dir = tempfile::tempdir().expect("temporary content directory");
    copy_dir(&shipped_content(), dir.path());
    std::fs::write(dir.path().join("coordinator.json"), availability).expect("write availability");
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read content") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// A running server with the call-test availability and a settable clock.
pub struct CallServer {
    /// The server.
    pub server: TestServer,
    /// Its clock.
    pub clock: Arc<ManualClock>,
    /// Its data directory (the SQLite file is `frontdoor.sqlite3` inside).
    pub data: TempDir,
    _content: TempDir,
}

impl CallServer {
    /// A server whose clock stands at `now`, POST rate limit off.
    pub async fn start_at(now: DateTime<Utc>) -> Self {
        Self::start_with(now, 0).await
    }

    /// A server whose clock stands at `now`, allowing `rate_limit` POSTs a minute (0: any).
    pub async fn start_with(now: DateTime<Utc>, rate_limit: u32) -> Self {
        let data = tempfile::tempdir().expect("temporary data directory");
        let content = content_with(COORDINATOR_JSON);
        let mut config = Config::new(
            data.path().to_path_buf(),
            fixture_dist(),
            content.path().to_path_buf(),
        );
        config.rate_limit = rate_limit;
        let clock = Arc::new(ManualClock::new(now));
        let shared: Arc<dyn Clock> = clock.clone();
        let state = open_state(config).await.with_clock(shared);
        let server = TestServer::start_with_state(state).await;
        Self {
            server,
            clock,
            data,
            _content: content,
        }
    }

    /// The absolute URL of an API path (`/calls` → `http://…/api/v1/calls`).
    pub fn api(&self, path: &str) -> String {
        self.server.url(&format!("/api/v1{path}"))
    }

    /// `GET /coordinator/slots` with `query` (e.g. `?from=…`), expecting 200.
    pub async fn slots(&self, query: &str) -> Vec<CallSlot> {
        let response = self
            .server
            .client
            .get(self.api(&format!("/coordinator/slots{query}")))
            .send()
            .await
            .expect("GET slots");
        assert_eq!(response.status(), 200, "slots{query}");
        let body: CallSlots = response.json().await.expect("slots JSON");
        body.slots
    }

    /// `POST /calls` with `body` and, if given, an `Idempotency-Key`.
    pub async fn post_call(&self, key: Option<&str>, body: &Value) -> reqwest::Response {
        let mut request = self.server.client.post(self.api("/calls")).json(body);
        if let Some(key) = key {
            request = request.header("idempotency-key", key);
        }
        request.send().await.expect("POST /calls")
    }

    /// Books `start` for Sam with a fresh key, expecting 201.
    pub async fn book(&self, start: DateTime<Utc>) -> CallConfirmation {
        let response = self.post_call(Some(&fresh_key()), &booking(start)).await;
        assert_eq!(response.status(), 201, "booking {}", wall(start));
        response.json().await.expect("confirmation JSON")
    }

    /// `GET /calls/{reference}` with `token` as bearer (none if `None`).
    pub async fn view(&self, reference: &str, token: Option<&str>) -> reqwest::Response {
        self.server
            .with_token(
                reqwest::Method::GET,
                &self.api(&format!("/calls/{reference}")),
                token,
            )
            .await
    }

    /// `DELETE /calls/{reference}` with `token` as bearer (none if `None`).
    pub async fn cancel(&self, reference: &str, token: Option<&str>) -> reqwest::Response {
        self.server
            .with_token(
                reqwest::Method::DELETE,
                &self.api(&format!("/calls/{reference}")),
                token,
            )
            .await
    }

    /// `POST /calls/{reference}/reschedule` to `start`.
    pub async fn reschedule(
        &self,
        reference: &str,
        token: Option<&str>,
        key: Option<&str>,
        start: DateTime<Utc>,
    ) -> reqwest::Response {
        let mut request = self
            .server
            .client
            .post(self.api(&format!("/calls/{reference}/reschedule")))
            .json(&json!({ "slot_start": start }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(key) = key {
            request = request.header("idempotency-key", key);
        }
        request.send().await.expect("POST reschedule")
    }

    /// A connection to the server's database, to check what it keeps.
    pub fn database(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.data.path().join("frontdoor.sqlite3")).expect("open db")
    }

    /// Moves the server's clock forward.
    pub fn advance(&self, by: Duration) {
        self.clock.advance(by);
    }
}

/// A booking request body for `start`: Sam, by video, reachable by email.
pub fn booking(start: DateTime<Utc>) -> Value {
    json!({
        "slot_start": start,
        "name": "Sam",
        "email": "sam@example.com",
        "time_zone": "America/Chicago",
        "contact_method": "video"
    })
}

/// A new random idempotency key.
pub fn fresh_key() -> String {
    use rand::Rng;
    let bits: u128 = rand::rng().random();
    format!("{bits:032x}")
}

/// The starts of `slots`.
pub fn starts(slots: &[CallSlot]) -> Vec<DateTime<Utc>> {
    slots.iter().map(|slot| slot.start).collect()
}
