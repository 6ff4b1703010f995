//! The weekly group catalogue: `GET /groups` and `GET /groups/{id}`, the `groups` table and its
//! seeding from `content/groups.json`.
//!
//! A group's row holds what the practice defines (title, topic, therapist, weekday, local start
//! time and IANA zone, capacity, dates, status) plus `reserved`, the seats taken. `seats_left`
//! and the next four session instants are worked out on every read, so they are always current.
//! The table's `CHECK (reserved <= capacity)` is a last line of defence; the reservation route
//! never gets near it because it takes a seat with a conditional update (see
//! [`crate::reservations`]).
//!
//! Replies carry a weak `ETag` (a digest of the body) and `Cache-Control: no-cache`: a client
//! revalidates with `If-None-Match` and gets `304 Not Modified` while nothing has changed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, NaiveDate, Utc};
use frontdoor_contract::groups::{NEXT_SESSIONS_SHOWN, hh_mm};
use frontdoor_contract::{
    Audience, Group, GroupCatalogue, GroupCatalogueFile, GroupDefinition, GroupStatus, Therapist,
    Weekday,
};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::app::{ApiRoutes, AppState};
use crate::problem::ApiProblem;
use crate::schedule::WeeklySchedule;
use crate::storage::{SqliteStorage, StorageError};

/// The catalogue file's name inside the content directory.
pub const GROUPS_FILE: &str = "groups.json";

/// The migration creating the `groups` table.
pub const SCHEMA: &str = "
CREATE TABLE groups (
    id                    TEXT    PRIMARY KEY,
    position              INTEGER NOT NULL,
    title                 TEXT    NOT NULL,
    topic                 TEXT    NOT NULL,
    tags_json             TEXT    NOT NULL,
    description           TEXT    NOT NULL,
    audience              TEXT    NOT NULL,
    therapist_name        TEXT    NOT NULL,
    therapist_credentials TEXT    NOT NULL,
    therapist_years       INTEGER NOT NULL,
    weekday               TEXT    NOT NULL,
    start_time            TEXT    NOT NULL,
    time_zone             TEXT    NOT NULL,
    duration_minutes      INTEGER NOT NULL,
    capacity              INTEGER NOT NULL CHECK (capacity >= 0),
    reserved              INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= capacity),
    first_session_date    TEXT    NOT NULL,
    last_session_date     TEXT    NOT NULL,
    status                TEXT    NOT NULL CHECK (status IN ('open', 'full'))
);
CREATE INDEX groups_by_topic ON groups (topic, position);
";

/// The API routes of the catalogue.
pub fn routes() -> ApiRoutes {
    ApiRoutes::new()
        .get("/groups", list_groups)
        .get("/groups/{id}", one_group)
}

async fn list_groups(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let now = state.now();
    match state.storage(|s| s.list_groups()).await {
        Ok(stored) => {
            let catalogue = GroupCatalogue {
                groups: stored.iter().map(|g| g.at(now)).collect(),
            };
            json_with_etag(&headers, &catalogue)
        }
        Err(problem) => problem.into_response(),
    }
}

async fn one_group(
    State(state): State<AppState>,
    UrlPath(id): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let now = state.now();
    let lookup = id.clone();
    match state.storage(move |s| s.find_group(&lookup)).await {
        Ok(Some(stored)) => json_with_etag(&headers, &stored.at(now)),
        Ok(None) => unknown_group_problem().into_response(),
        Err(problem) => problem.into_response(),
    }
}

/// The 404 for a group id nobody knows.
pub fn unknown_group_problem() -> ApiProblem {
    ApiProblem::not_found(
        "There is no group at this address. It may have been renamed; the catalogue lists \
         every group.",
    )
}

/// A 200 JSON reply with a weak `ETag` of its body, or `304 Not Modified` when the request's
/// `If-None-Match` already names that tag.
pub fn json_with_etag<T: Serialize>(request_headers: &HeaderMap, value: &T) -> Response {
    let Ok(body) = serde_json::to_vec(value) else {
        return ApiProblem::internal().into_response();
    };
    let digest = Sha256::digest(&body);
    let etag = format!("W/\"{}\"", URL_SAFE_NO_PAD.encode(&digest[..16]));
    let etag_value = HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("W/\"\""));
    let cache = (header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if if_none_match_hits(request_headers, &etag) {
        return (
            StatusCode::NOT_MODIFIED,
            [(header::ETAG, etag_value), cache],
        )
            .into_response();
    }
    (
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::ETAG, etag_value),
            cache,
        ],
        body,
    )
        .into_response()
}

/// `If-None-Match` uses the weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored.
fn if_none_match_hits(headers: &HeaderMap, etag: &str) -> bool {
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    let ours = opaque(etag);
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| tag.trim() == "*" || opaque(tag) == ours)
}

/// A group as stored: the practice's definition (with `reserved` = seats taken now).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredGroup {
    /// The definition; its `reserved` is the current count of seats taken.
    pub definition: GroupDefinition,
}

impl StoredGroup {
    /// Seats taken.
    pub fn reserved(&self) -> u16 {
        self.definition.reserved
    }

    /// The group as the API shows it at `now`: seats left and the next sessions.
    pub fn at(&self, now: DateTime<Utc>) -> Group {
        self.definition
            .to_group(self.definition.reserved, self.next_sessions(now))
    }

    /// The next [`NEXT_SESSIONS_SHOWN`] session instants after `now`.
    pub fn next_sessions(&self, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        WeeklySchedule::for_group(&self.definition)
            .map(|schedule| schedule.next_sessions(now, NEXT_SESSIONS_SHOWN))
            .unwrap_or_default()
    }

    /// Whether a reservation could take a seat now.
    pub fn has_seats(&self) -> bool {
        self.definition.status == GroupStatus::Open
            && self.definition.reserved < self.definition.capacity
    }
}

/// Reading and seeding the catalogue.
pub trait GroupStore {
    /// Every group, in catalogue order.
    fn list_groups(&self) -> Result<Vec<StoredGroup>, StorageError>;
    /// One group, or `None` for an unknown id.
    fn find_group(&self, id: &str) -> Result<Option<StoredGroup>, StorageError>;
    /// How many groups are stored.
    fn group_count(&self) -> Result<u64, StorageError>;
    /// Stores `groups` (in this order, with their initial `reserved`) if and only if no group is
    /// stored yet. Returns whether it stored them.
    fn seed_groups(&self, groups: &[GroupDefinition]) -> Result<bool, StorageError>;
}

/// The columns [`group_from_row`] reads, in order.
pub(crate) const GROUP_COLUMNS: &str = "id, title, topic, tags_json, description, audience, \
     therapist_name, therapist_credentials, therapist_years, weekday, start_time, time_zone, \
     duration_minutes, capacity, reserved, first_session_date, last_session_date, status";

/// Decodes a row selected with [`GROUP_COLUMNS`].
pub(crate) fn group_from_row(row: &Row<'_>) -> rusqlite::Result<Result<StoredGroup, String>> {
    let id: String = row.get(0)?;
    let tags_json: String = row.get(3)?;
    let audience: String = row.get(5)?;
    let weekday: String = row.get(9)?;
    let start_time: String = row.get(10)?;
    let first: String = row.get(15)?;
    let last: String = row.get(16)?;
    let status: String = row.get(17)?;
    let decoded = (|| {
        let tags: Vec<String> = serde_json::from_str(&tags_json).map_err(|e| e.to_string())?;
        let audience = Audience::parse(&audience).ok_or("audience")?;
        let weekday = Weekday::parse(&weekday).ok_or("weekday")?;
        let start_time = hh_mm::parse(&start_time).ok_or("start_time")?;
        let date = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
        let first_session_date = date(&first).ok_or("first_session_date")?;
        let last_session_date = date(&last).ok_or("last_session_date")?;
        let status = match status.as_str() {
            "open" => GroupStatus::Open,
            "full" => GroupStatus::Full,
            _ => return Err("status".to_owned()),
        };
        Ok::<_, String>((
            tags,
            audience,
            weekday,
            start_time,
            first_session_date,
            last_session_date,
            status,
        ))
    })();
    let (tags, audience, weekday, start_time, first_session_date, last_session_date, status) =
        match decoded {
            Ok(parts) => parts,
            Err(what) => return Ok(Err(format!("group {id}: bad {what}"))),
        };
    Ok(Ok(StoredGroup {
        definition: GroupDefinition {
            id,
            title: row.get(1)?,
            topic: row.get(2)?,
            tags,
            description: row.get(4)?,
            audience,
            therapist: Therapist {
                name: row.get(6)?,
                credentials: row.get(7)?,
                years_experience: row.get(8)?,
            },
            weekday,
            start_time,
            time_zone: row.get(11)?,
            duration_minutes: row.get(12)?,
            capacity: row.get(13)?,
            reserved: row.get(14)?,
            first_session_date,
            last_session_date,
            status,
        },
    }))
}

/// Reads one group inside any connection or transaction.
pub(crate) fn select_group(
    conn: &Connection,
    id: &str,
) -> Result<Option<StoredGroup>, StorageError> {
    let sql = format!("SELECT {GROUP_COLUMNS} FROM groups WHERE id = ?1");
    let found = conn
        .query_row(&sql, params![id], group_from_row)
        .optional()?;
    found.transpose().map_err(StorageError::Corrupt)
}

/// Up to `limit` other groups on `topic` that have seats, those for the same audience first,
/// then in catalogue order.
pub(crate) fn select_alternatives(
    conn: &Connection,
    full: &GroupDefinition,
    limit: usize,
) -> Result<Vec<StoredGroup>, StorageError> {
    let sql = format!(
        "SELECT {GROUP_COLUMNS} FROM groups
         WHERE topic = ?1 AND id <> ?2 AND status = 'open' AND reserved < capacity
         ORDER BY (audience = ?3) DESC, position
         LIMIT ?4"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(
        params![full.topic, full.id, full.audience.as_str(), limit as i64],
        group_from_row,
    )?;
    let mut groups = Vec::new();
    for row in rows {
        groups.push(row?.map_err(StorageError::Corrupt)?);
    }
    Ok(groups)
}

impl GroupStore for SqliteStorage {
    fn list_groups(&self) -> Result<Vec<StoredGroup>, StorageError> {
        let conn = self.connect()?;
        let sql = format!("SELECT {GROUP_COLUMNS} FROM groups ORDER BY position, id");
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([], group_from_row)?;
        let mut groups = Vec::new();
        for row in rows {
            groups.push(row?.map_err(StorageError::Corrupt)?);
        }
        Ok(groups)
    }

    fn find_group(&self, id: &str) -> Result<Option<StoredGroup>, StorageError> {
        select_group(&self.connect()?, id)
    }

    fn group_count(&self) -> Result<u64, StorageError> {
        let conn = self.connect()?;
        let count: i64 = conn.query_row("SELECT COUNT(*) FROM groups", [], |row| row.get(0))?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    fn seed_groups(&self, groups: &[GroupDefinition]) -> Result<bool, StorageError> {
        let mut conn = self.connect()?;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let existing: i64 = tx.query_row("SELECT COUNT(*) FROM groups", [], |row| row.get(0))?;
        if existing > 0 {
            return Ok(false);
        }
        {
            let mut insert = tx.prepare(
                "INSERT INTO groups (id, position, title, topic, tags_json, description, audience,
                     therapist_name, therapist_credentials, therapist_years, weekday, start_time,
                     time_zone, duration_minutes, capacity, reserved, first_session_date,
                     last_session_date, status)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18, ?19)",
            )?;
            for (position, g) in groups.iter().enumerate() {
                let tags = serde_json::to_string(&g.tags)
                    .map_err(|e| StorageError::Corrupt(e.to_string()))?;
                let status = match g.status {
                    GroupStatus::Open => "open",
                    GroupStatus::Full => "full",
                };
                insert.execute(params![
                    g.id,
                    position as i64,
                    g.title,
                    g.topic,
                    tags,
                    g.description,
                    g.audience.as_str(),
                    g.therapist.name,
                    g.therapist.credentials,
                    g.therapist.years_experience,
                    g.weekday.as_str(),
                    hh_mm::format(g.start_time),
                    g.time_zone,
                    g.duration_minutes,
                    g.capacity,
                    g.reserved,
                    g.first_session_date.format("%Y-%m-%d").to_string(),
                    g.last_session_date.format("%Y-%m-%d").to_string(),
                    status,
                ])?;
            }
        }
        tx.commit()?;
        Ok(true)
    }
}

/// The catalogue file cannot be used, and why.
#[derive(Debug, thiserror::Error)]
#[error("invalid group catalogue {}: {reason}", path.display())]
pub struct CatalogueError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub reason: String,
}

/// Why seeding the catalogue failed.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// The catalogue file is unusable.
    #[error(transparent)]
    Catalogue(#[from] CatalogueError),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Reads and checks `groups.json` in `content_dir`. `Ok(None)` when there is no such file (the
/// practice runs no groups).
pub fn load_catalogue(content_dir: &Path) -> Result<Option<Vec<GroupDefinition>>, CatalogueError> {
    let path = content_dir.join(GROUPS_FILE);
    let fail = |reason: String| CatalogueError {
        path: path.clone(),
        reason,
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(fail(e.to_string())),
    };
    let file: GroupCatalogueFile = serde_json::from_str(&text).map_err(|e| fail(e.to_string()))?;
    let mut ids = HashSet::new();
    for group in &file.groups {
        let name = &group.id;
        let id_ok = !name.is_empty()
            && name.len() <= 100
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !id_ok {
            return Err(fail(format!(
                "group id {name:?} must be lowercase letters, digits and hyphens"
            )));
        }
        if !ids.insert(name.as_str()) {
            return Err(fail(format!("group id {name:?} is used twice")));
        }
        if group.title.trim().is_empty() || group.topic.trim().is_empty() {
            return Err(fail(format!("group {name:?} needs a title and a topic")));
        }
        if group.reserved > group.capacity {
            return Err(fail(format!(
                "group {name:?} has {} seats reserved but only {} seats",
                group.reserved, group.capacity
            )));
        }
        if group.duration_minutes == 0 {
            return Err(fail(format!("group {name:?} needs a duration")));
        }
        WeeklySchedule::for_group(group).map_err(|e| fail(format!("group {name:?}: {e}")))?;
    }
    Ok(Some(file.groups))
}

/// Loads the catalogue file into `storage` if it holds no groups yet. Returns how many groups
/// were loaded (0 when the database already had them or there is no catalogue file).
pub fn seed_if_empty(storage: &dyn GroupStore, content_dir: &Path) -> Result<usize, SeedError> {
    if storage.group_count()? > 0 {
        return Ok(0);
    }
    let Some(groups) = load_catalogue(content_dir)? else {
        tracing::warn!("no {GROUPS_FILE} in the content directory: the group catalogue is empty");
        return Ok(0);
    };
    Ok(if storage.seed_groups(&groups)? {
        groups.len()
    } else {
        0
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn shipped_content() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")
    }

    fn seeded() -> (SqliteStorage, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("tempdir");
        let storage = SqliteStorage::open(&dir.path().join("db.sqlite3")).expect("open");
        let loaded = seed_if_empty(&storage, &shipped_content()).expect("seed");
        assert!(loaded >= 24);
        (storage, dir)
    }

    #[test]
    fn seeding_stores_the_shipped_catalogue_once_and_reads_it_back_unchanged() {
        let (storage, _dir) = seeded();
        assert_eq!(
            seed_if_empty(&storage, &shipped_content()).expect("again"),
            0
        );
        let file = load_catalogue(&shipped_content())
            .expect("valid")
            .expect("present");
        let stored: Vec<GroupDefinition> = storage
            .list_groups()
            .expect("list")
            .into_iter()
            .map(|g| g.definition)
            .collect();
        assert_eq!(stored, file);
        let one = storage
            .find_group(&file[3].id)
            .expect("find")
            .expect("present");
        assert_eq!(one.definition, file[3]);
        assert!(storage.find_group("no-such-group").expect("find").is_none());
    }

    #[test]
    fn a_group_shows_seats_left_and_its_next_four_sessions() {
        let (storage, _dir) = seeded();
        let now = Utc
            .with_ymd_and_hms(2026, 3, 2, 12, 0, 0)
            .single()
            .expect("instant");
        let group = storage
            .find_group("dbt-skills-monday-evening")
            .expect("find")
            .expect("present")
            .at(now);
        assert_eq!(group.seats_left, group.capacity - 6);
        // Monday 19:00 in New York: 2 March is still standard time (UTC-5), and from 9 March
        // daylight time (UTC-4) keeps the wall-clock hour.
        let starts: Vec<String> = group.next_sessions.iter().map(|t| t.to_rfc3339()).collect();
        assert_eq!(
            starts,
            [
                "2026-03-03T00:00:00+00:00",
                "2026-03-09T23:00:00+00:00",
                "2026-03-16T23:00:00+00:00",
                "2026-03-23T23:00:00+00:00"
            ]
        );
    }

    #[test]
    fn a_broken_catalogue_names_the_problem() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = std::fs::read_to_string(shipped_content().join(GROUPS_FILE)).expect("read");
        let broken = text.replacen("America/New_York", "America/Gotham", 1);
        std::fs::write(dir.path().join(GROUPS_FILE), broken).expect("write");
        let err = load_catalogue(dir.path()).expect_err("refused");
        assert!(err.reason.contains("America/Gotham"), "{err}");

        let over = text.replacen("\"reserved\": 6", "\"reserved\": 60", 1);
        std::fs::write(dir.path().join(GROUPS_FILE), over).expect("write");
        let err = load_catalogue(dir.path()).expect_err("refused");
        assert!(err.reason.contains("60 seats reserved"), "{err}");

        std::fs::remove_file(dir.path().join(GROUPS_FILE)).expect("rm");
        assert!(
            load_catalogue(dir.path())
                .expect("no file is fine")
                .is_none()
        );
    }

    #[test]
    fn if_none_match_compares_weakly_and_accepts_lists_and_star() {
        let mut headers = HeaderMap::new();
        assert!(!if_none_match_hits(&headers, "W/\"abc\""));
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"abc\""));
        assert!(if_none_match_hits(&headers, "W/\"abc\""));
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("W/\"x\", W/\"abc\""),
        );
        assert!(if_none_match_hits(&headers, "W/\"abc\""));
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("W/\"x\""));
        assert!(!if_none_match_hits(&headers, "W/\"abc\""));
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(if_none_match_hits(&headers, "W/\"abc\""));
    }
}
