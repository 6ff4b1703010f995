//! A Frontdoor server for the group and reservation tests: its own copy of the content (the
//! shipped catalogue or one a test writes), a clock standing still at [`NOW`], and helpers that
//! speak the reservation API the way the SPA does.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use frontdoor_contract::{
    Audience, Group, GroupCatalogue, GroupCatalogueFile, GroupDefinition, GroupStatus, Therapist,
    Weekday,
};
use frontdoor_server::clock::{Clock, ManualClock};
use frontdoor_server::config::Config;
use frontdoor_server::storage::SqliteStorage;
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::support::{TestServer, fixture_dist, open_state, shipped_content};

/// Monday 2 March 2026, 12:00 UTC (07:00 in New York, a week before the clocks change there).
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0)
        .single()
        .expect("valid instant")
}

/// A running server with its content, data directory and clock.
pub struct GroupServer {
    /// The server.
    pub server: TestServer,
    /// Its clock, standing at [`now`] until moved.
    pub clock: Arc<ManualClock>,
    /// Its data directory (the SQLite file is `frontdoor.sqlite3` inside).
    pub data: TempDir,
    _content: TempDir,
}

impl GroupServer {
    /// The shipped catalogue, POST rate limit off.
    pub async fn shipped() -> Self {
        Self::start(content_with_groups(None), 0).await
    }

    /// A catalogue of exactly `groups`, allowing `rate_limit` POSTs a minute (0: any).
    pub async fn with_groups(groups: Vec<GroupDefinition>, rate_limit: u32) -> Self {
        Self::start(content_with_groups(Some(groups)), rate_limit).await
    }

    /// The shipped catalogue with the given POST rate limit.
    pub async fn shipped_with_rate_limit(rate_limit: u32) -> Self {
        Self::start(content_with_groups(None), rate_limit).await
    }

    async fn start(content: TempDir, rate_limit: u32) -> Self {
        let data = tempfile::tempdir().expect("temporary data directory");
        let mut config = Config::new(
            data.path().to_path_buf(),
            fixture_dist(),
            content.path().to_path_buf(),
        );
        config.rate_limit = rate_limit;
        let clock = Arc::new(ManualClock::new(now()));
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

    /// The absolute URL of an API path (`/groups` → `http://…/api/v1/groups`).
    pub fn api(&self, path: &str) -> String {
        self.server.url(&format!("/api/v1{path}"))
    }

    /// `GET /groups`.
    pub async fn catalogue(&self) -> Vec<Group> {
        let response = self.server.get("/api/v1/groups").await;
        assert_eq!(response.status(), 200);
        let catalogue: GroupCatalogue = response.json().await.expect("catalogue JSON");
        catalogue.groups
    }

    /// `GET /groups/{id}`.
    pub async fn group(&self, id: &str) -> Group {
        let response = self.server.get(&format!("/api/v1/groups/{id}")).await;
        assert_eq!(response.status(), 200, "{id}");
        response.json().await.expect("group JSON")
    }

    /// `POST /reservations` with `body` sent exactly as serialised here.
    pub async fn reserve(&self, key: Option<&str>, body: &Value) -> reqwest::Response {
        post(&self.server.client, &self.api("/reservations"), key, body).await
    }

    /// `GET /reservations/{reference}` with an optional bearer token.
    pub async fn view(&self, reference: &str, token: Option<&str>) -> reqwest::Response {
        self.server
            .with_token(
                reqwest::Method::GET,
                &self.api(&format!("/reservations/{reference}")),
                token,
            )
            .await
    }

    /// `DELETE /reservations/{reference}` with an optional bearer token.
    pub async fn cancel(&self, reference: &str, token: Option<&str>) -> reqwest::Response {
        self.server
            .with_token(
                reqwest::Method::DELETE,
                &self.api(&format!("/reservations/{reference}")),
                token,
            )
            .await
    }

    /// `POST /groups/{id}/waitlist`.
    pub async fn join_waitlist(
        &self,
        group_id: &str,
        key: Option<&str>,
        body: &Value,
    ) -> reqwest::Response {
        let url = self.api(&format!("/groups/{group_id}/waitlist"));
        post(&self.server.client, &url, key, body).await
    }

    /// `GET /groups/{id}/waitlist/{reference}` with a bearer token.
    pub async fn waitlist_place(
        &self,
        group_id: &str,
        reference: &str,
        token: &str,
    ) -> reqwest::Response {
        self.server
            .client
            .get(self.api(&format!("/groups/{group_id}/waitlist/{reference}")))
            .bearer_auth(token)
            .send()
            .await
            .expect("GET waitlist place")
    }

    /// `DELETE /groups/{id}/waitlist/{reference}` with a bearer token.
    pub async fn leave_waitlist(
        &self,
        group_id: &str,
        reference: &str,
        token: &str,
    ) -> reqwest::Response {
        self.server
            .client
            .delete(self.api(&format!("/groups/{group_id}/waitlist/{reference}")))
            .bearer_auth(token)
            .send()
            .await
            .expect("DELETE waitlist place")
    }

    /// The server's SQLite file.
    pub fn database_path(&self) -> PathBuf {
        self.data.path().join("frontdoor.sqlite3")
    }

    /// The server's storage, opened a second time (as another server process would).
    pub fn storage(&self) -> SqliteStorage {
        SqliteStorage::open(&self.database_path()).expect("open storage")
    }

    /// How many reservations (live ones only) the database holds for `group_id`.
    pub fn live_reservations(&self, group_id: &str) -> i64 {
        let conn = rusqlite::Connection::open(self.database_path()).expect("open db");
        conn.query_row(
            "SELECT COUNT(*) FROM reservations WHERE group_id = ?1 AND cancelled_at IS NULL",
            [group_id],
            |row| row.get(0),
        )
        .expect("count")
    }
}

/// POSTs `body` (serialised once, here) with an optional `Idempotency-Key`.
pub async fn post(
    client: &reqwest::Client,
    url: &str,
    key: Option<&str>,
    body: &Value,
) -> reqwest::Response {
    let mut request = client
        .post(url)
        .header("content-type", "application/json")
        .body(serde_json::to_vec(body).expect("JSON"));
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    request.send().await.expect("POST")
}

/// A reservation body for `group`'s first coming session.
pub fn reservation_body(group: &Group, email: &str) -> Value {
    json!({
        "group_id": group.id,
        "first_session": group.next_sessions[0],
        "name": "Sam Rivera",
        "email": email,
        "time_zone": "America/Denver"
    })
}

/// A waitlist body.
pub fn waitlist_body(email: &str) -> Value {
    json!({
        "name": "Alex Kim",
        "email": email,
        "time_zone": "Europe/London"
    })
}

/// A new random idempotency key.
pub fn fresh_key() -> String {
    use rand::Rng;
    let bits: u128 = rand::rng().random();
    format!("{bits:032x}")
}

/// A weekly group definition for a test catalogue: Mondays 19:00 in New York, adults.
pub fn definition(id: &str, topic: &str, capacity: u16, reserved: u16) -> GroupDefinition {
    GroupDefinition {
        id: id.to_owned(),
        title: format!("Group {id}"),
        topic: topic.to_owned(),
        tags: vec!["test".to_owned()],
        description: "A weekly group used by the reservation tests.".to_owned(),
        audience: Audience::Adult,
        therapist: Therapist {
            name: "Dr. Test Therapist".to_owned(),
            credentials: "PhD".to_owned(),
            years_experience: 12,
        },
        weekday: Weekday::Monday,
        start_time: NaiveTime::from_hms_opt(19, 0, 0).expect("time"),
        time_zone: "America/New_York".to_owned(),
        duration_minutes: 60,
        capacity,
        reserved,
        first_session_date: NaiveDate::from_ymd_opt(2026, 1, 5).expect("date"),
        last_session_date: NaiveDate::from_ymd_opt(2027, 12, 31).expect("date"),
        status: GroupStatus::Open,
    }
}

/// The shipped catalogue file.
pub fn shipped_catalogue() -> Vec<GroupDefinition> {
    let text = std::fs::read_to_string(shipped_content().join("groups.json")).expect("groups.json");
    let file: GroupCatalogueFile = serde_json::from_str(&text).expect("catalogue");
    file.groups
}

/// A copy of the shipped content whose `groups.json` holds `groups` (or the shipped one).
pub fn content_with_groups(groups: Option<Vec<GroupDefinition>>) -> TempDir {
    let dir = tempfile::tempdir().expect("temporary content directory");
    copy_dir(&shipped_content(), dir.path());
    if let Some(groups) = groups {
        let text = serde_json::to_string_pretty(&GroupCatalogueFile { groups }).expect("JSON");
        std::fs::write(dir.path().join("groups.json"), text).expect("write groups.json");
    }
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
