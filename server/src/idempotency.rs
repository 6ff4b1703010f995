//! `Idempotency-Key` for POSTs that create something (a reservation, a call booking), after the
//! IETF HTTPAPI draft "The Idempotency-Key HTTP Header Field":
//!
//! - same key + same request → the first reply again (same status, body and `Location`);
//! - same key + a different request → 422 ([`key_reused_problem`]);
//! - same key while the first request is still being worked on → 409 ([`in_flight_problem`]);
//! - no key → 400 ([`missing_key_problem`]); an empty, non-ASCII or over-long key → 400.
//!
//! # How a route uses it
//! 1. [`IdempotencyKey::from_headers`], then validate the body, then [`fingerprint`] it.
//! 2. [`claim_now`]: in its own short `BEGIN IMMEDIATE` transaction, records the key as
//!    `in_flight` (so a concurrent duplicate sees it at once) or answers with what is already
//!    known: [`Claim::Replay`], [`Claim::InFlight`] or [`Claim::KeyReused`].
//! 3. Do the work in a second `BEGIN IMMEDIATE` transaction, and in that same transaction either
//!    [`complete`] the claim with the reply (so "booking stored" and "reply remembered" commit
//!    together or not at all) or [`release`] it when the work changed nothing (e.g. the group was
//!    full), so the person may send the same key again.
//! 4. If the work fails before it can commit, [`release_now`] frees the key for a retry.
//!
//! # What is stored
//! One table, `idempotency_records`, keyed by (scope, SHA-256 of the key), holding the request
//! fingerprint, the state (`in_flight` | `done`), the reply's status, body and `Location`, and
//! `created_at`. Records are forgotten after [`RECORD_TTL`]; an `in_flight` record older than
//! [`IN_FLIGHT_TIMEOUT`] (its server stopped mid-request) may be taken over.
//!
//! Reply members named in [`SEALED_MEMBERS`] (the manage token) are never stored in clear: they
//! are encrypted with a keystream derived from the idempotency key itself, which the database
//! does not hold. Only a client presenting the key (and the same request) can read them back.
//! This adds no new way in: whoever has the key and the request can replay it anyway, so clients
//! must use unguessable keys (a random UUID).

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use frontdoor_contract::problem::PROBLEM_JSON;
use rand::RngCore;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::problem::ApiProblem;
use crate::storage::StorageError;

/// The request header's name.
pub const IDEMPOTENCY_KEY_HEADER: &str = "idempotency-key";

/// The longest key accepted, in bytes (printable ASCII only).
pub const MAX_KEY_LEN: usize = 255;

/// How long a record is remembered after its request arrived.
pub const RECORD_TTL: chrono::Duration = chrono::Duration::hours(24);

/// After this long an `in_flight` record is considered abandoned and may be taken over.
pub const IN_FLIGHT_TIMEOUT: chrono::Duration = chrono::Duration::seconds(60);

/// Top-level reply members that are sealed rather than stored in clear.
pub const SEALED_MEMBERS: &[&str] = &["manage_token"];

pub use frontdoor_contract::problem::{
    IDEMPOTENCY_KEY_IN_USE_PROBLEM_TYPE as KEY_IN_USE_PROBLEM_TYPE,
    IDEMPOTENCY_KEY_INVALID_PROBLEM_TYPE as KEY_INVALID_PROBLEM_TYPE,
    IDEMPOTENCY_KEY_MISSING_PROBLEM_TYPE as KEY_MISSING_PROBLEM_TYPE,
    IDEMPOTENCY_KEY_REUSED_PROBLEM_TYPE as KEY_REUSED_PROBLEM_TYPE,
};

/// The migration creating the records table.
pub const SCHEMA: &str = "
CREATE TABLE idempotency_records (
    scope       TEXT    NOT NULL,
    key_hash    BLOB    NOT NULL,
    fingerprint BLOB    NOT NULL,
    state       TEXT    NOT NULL CHECK (state IN ('in_flight', 'done')),
    status      INTEGER,
    reply_body  TEXT,
    location    TEXT,
    seal_salt   BLOB,
    sealed      TEXT,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (scope, key_hash)
) WITHOUT ROWID;
CREATE INDEX idempotency_records_by_age ON idempotency_records (created_at);
";

/// A well-formed `Idempotency-Key` value: 1 to [`MAX_KEY_LEN`] printable ASCII characters.
#[derive(Clone, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// Reads the key from a request's headers; the `Err` converts into the 400 problem to
    /// answer with (`?` in a handler returning `Result<_, ApiProblem>` does it).
    pub fn from_headers(headers: &HeaderMap) -> Result<Self, KeyRejection> {
        let Some(value) = headers.get(IDEMPOTENCY_KEY_HEADER) else {
            return Err(KeyRejection::Missing);
        };
        let text = value.to_str().map_err(|_| KeyRejection::Invalid)?;
        Self::parse(text).ok_or(KeyRejection::Invalid)
    }

    /// A key from its text. A structured-field string may arrive quoted (`"abc"`); the quotes
    /// are not part of the key.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let text = text
            .strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .unwrap_or(text);
        let ok = !text.is_empty()
            && text.len() <= MAX_KEY_LEN
            && text.bytes().all(|b| (0x20..0x7f).contains(&b));
        ok.then(|| Self(text.to_owned()))
    }

    /// The key's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn hash(&self, scope: &str) -> [u8; 32] {
        let mut hasher = Sha256::new();
        hasher.update(b"frontdoor idempotency key v1\0");
        hasher.update(scope.as_bytes());
        hasher.update([0]);
        hasher.update(self.0.as_bytes());
        hasher.finalize().into()
    }
}

impl std::fmt::Debug for IdempotencyKey {
    // A key can unseal a stored reply: keep it out of debug output and logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IdempotencyKey(…)")
    }
}

/// Why a request's `Idempotency-Key` cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRejection {
    /// There is no `Idempotency-Key` header.
    Missing,
    /// The header is empty, too long or not printable ASCII.
    Invalid,
}

impl From<KeyRejection> for ApiProblem {
    fn from(rejection: KeyRejection) -> Self {
        match rejection {
            KeyRejection::Missing => missing_key_problem(),
            KeyRejection::Invalid => invalid_key_problem(),
        }
    }
}

impl IntoResponse for KeyRejection {
    fn into_response(self) -> Response {
        ApiProblem::from(self).into_response()
    }
}

/// A digest of a request's meaning: two requests with the same fingerprint are "the same".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    /// The digest's bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

/// The fingerprint of a parsed request: SHA-256 of its canonical JSON. Parsing first means
/// whitespace and member order do not make two requests differ; any value that differs does.
pub fn fingerprint<T: Serialize>(request: &T) -> Fingerprint {
    // Serialising a plain data type to a Vec cannot fail; an empty digest input would still
    // give a stable fingerprint if it somehow did.
    let bytes = serde_json::to_vec(request).unwrap_or_default();
    Fingerprint(Sha256::digest(&bytes).into())
}

/// A reply as remembered for replays.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredReply {
    /// HTTP status.
    pub status: u16,
    /// The `Location` header, if the reply had one.
    pub location: Option<String>,
    /// The JSON body (sealed members included in clear here, never in the database).
    pub body: serde_json::Value,
}

impl IntoResponse for StoredReply {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::OK);
        let content_type = if status.is_client_error() || status.is_server_error() {
            PROBLEM_JSON
        } else {
            "application/json"
        };
        let mut response = (
            status,
            [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
            serde_json::to_vec(&self.body).unwrap_or_default(),
        )
            .into_response();
        if let Some(location) = self.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
            response.headers_mut().insert(header::LOCATION, location);
        }
        response
    }
}

/// What [`claim`] found for a key.
#[derive(Debug)]
pub enum Claim {
    /// The key is new (or its old record expired): do the work, then [`complete`] or
    /// [`release`] this ticket.
    Proceed(ClaimTicket),
    /// A request with this key and the same fingerprint already finished: answer with this.
    Replay(StoredReply),
    /// A request with this key is still being worked on: answer [`in_flight_problem`].
    InFlight,
    /// The key was used for a different request: answer [`key_reused_problem`].
    KeyReused,
}

/// Proof that this request holds a key's `in_flight` record.
#[derive(Debug, Clone)]
pub struct ClaimTicket {
    scope: String,
    key: IdempotencyKey,
    key_hash: [u8; 32],
    created_at: i64,
}

/// Looks `key` up under `scope` (e.g. `"POST /reservations"`) inside the caller's transaction,
/// inserting an `in_flight` record when it is new. Forgets records older than [`RECORD_TTL`] on
/// the way. The caller commits; use an IMMEDIATE transaction so two claims cannot interleave.
pub fn claim(
    tx: &Transaction<'_>,
    scope: &str,
    key: &IdempotencyKey,
    fingerprint: &Fingerprint,
    now: DateTime<Utc>,
) -> Result<Claim, StorageError> {
    let now_s = now.timestamp();
    tx.execute(
        "DELETE FROM idempotency_records WHERE created_at < ?1",
        params![now_s - RECORD_TTL.num_seconds()],
    )?;
    let key_hash = key.hash(scope);
    let existing = tx
        .query_row(
            "SELECT fingerprint, state, status, reply_body, location, seal_salt, sealed, created_at
             FROM idempotency_records WHERE scope = ?1 AND key_hash = ?2",
            params![scope, key_hash.as_slice()],
            |row| {
                Ok(ExistingRecord {
                    fingerprint: row.get(0)?,
                    state: row.get(1)?,
                    status: row.get(2)?,
                    reply_body: row.get(3)?,
                    location: row.get(4)?,
                    seal_salt: row.get(5)?,
                    sealed: row.get(6)?,
                    created_at: row.get(7)?,
                })
            },
        )
        .optional()?;
    let ticket = ClaimTicket {
        scope: scope.to_owned(),
        key: key.clone(),
        key_hash,
        created_at: now_s,
    };
    let Some(record) = existing else {
        tx.execute(
            "INSERT INTO idempotency_records (scope, key_hash, fingerprint, state, created_at)
             VALUES (?1, ?2, ?3, 'in_flight', ?4)",
            params![scope, key_hash.as_slice(), fingerprint.0.as_slice(), now_s],
        )?;
        return Ok(Claim::Proceed(ticket));
    };
    if record.fingerprint.as_slice() != fingerprint.0.as_slice() {
        return Ok(Claim::KeyReused);
    }
    match record.state.as_str() {
        "in_flight" if now_s - record.created_at >= IN_FLIGHT_TIMEOUT.num_seconds() => {
            tx.execute(
                "UPDATE idempotency_records SET created_at = ?3
                 WHERE scope = ?1 AND key_hash = ?2",
                params![scope, key_hash.as_slice(), now_s],
            )?;
            Ok(Claim::Proceed(ticket))
        }
        "in_flight" => Ok(Claim::InFlight),
        "done" => Ok(Claim::Replay(record.into_reply(scope, key)?)),
        other => Err(StorageError::Corrupt(format!(
            "idempotency record in unknown state {other:?}"
        ))),
    }
}

/// [`claim`] in its own `BEGIN IMMEDIATE` transaction, committed before returning, so other
/// requests see the `in_flight` record while this one does its work.
pub fn claim_now(
    conn: &mut Connection,
    scope: &str,
    key: &IdempotencyKey,
    fingerprint: &Fingerprint,
    now: DateTime<Utc>,
) -> Result<Claim, StorageError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let outcome = claim(&tx, scope, key, fingerprint, now)?;
    tx.commit()?;
    Ok(outcome)
}

/// Records `reply` as the answer to the claimed key, inside the transaction that stores what
/// the request created. Members in [`SEALED_MEMBERS`] are sealed with the key.
pub fn complete(
    tx: &Transaction<'_>,
    ticket: &ClaimTicket,
    reply: &StoredReply,
) -> Result<(), StorageError> {
    let mut body = reply.body.clone();
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let mut sealed = serde_json::Map::new();
    if let Some(members) = body.as_object_mut() {
        for name in SEALED_MEMBERS {
            if let Some(serde_json::Value::String(secret)) = members.remove(*name) {
                let cipher =
                    apply_keystream(&salt, &ticket.scope, &ticket.key, name, secret.as_bytes());
                sealed.insert((*name).to_owned(), URL_SAFE_NO_PAD.encode(cipher).into());
            }
        }
    }
    let body_text =
        serde_json::to_string(&body).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    let sealed_text =
        serde_json::to_string(&sealed).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    let updated = tx.execute(
        "UPDATE idempotency_records
         SET state = 'done', status = ?3, reply_body = ?4, location = ?5, seal_salt = ?6,
             sealed = ?7
         WHERE scope = ?1 AND key_hash = ?2 AND state = 'in_flight' AND created_at = ?8",
        params![
            ticket.scope,
            ticket.key_hash.as_slice(),
            reply.status,
            body_text,
            reply.location,
            salt.as_slice(),
            sealed_text,
            ticket.created_at
        ],
    )?;
    if updated == 1 {
        Ok(())
    } else {
        // Another request took the record over (this one ran past IN_FLIGHT_TIMEOUT). Failing
        // rolls back the caller's transaction, so nothing is created twice.
        Err(StorageError::Corrupt(
            "idempotency claim was lost before the request finished".into(),
        ))
    }
}

/// Forgets the claimed key inside the caller's transaction: the request changed nothing, so the
/// same key may be sent again.
pub fn release(tx: &Transaction<'_>, ticket: &ClaimTicket) -> Result<(), StorageError> {
    tx.execute(
        "DELETE FROM idempotency_records
         WHERE scope = ?1 AND key_hash = ?2 AND state = 'in_flight' AND created_at = ?3",
        params![ticket.scope, ticket.key_hash.as_slice(), ticket.created_at],
    )?;
    Ok(())
}

/// [`release`] in its own transaction, for when the work failed and rolled back.
pub fn release_now(conn: &mut Connection, ticket: &ClaimTicket) -> Result<(), StorageError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    release(&tx, ticket)?;
    tx.commit()?;
    Ok(())
}

/// 400: the request needs an `Idempotency-Key`.
pub fn missing_key_problem() -> ApiProblem {
    let mut problem = ApiProblem::bad_request(
        "Send an Idempotency-Key header (for example a random UUID) so a retried request \
         cannot book twice.",
    );
    problem.problem.title = "Idempotency-Key header missing".into();
    problem.problem.kind = KEY_MISSING_PROBLEM_TYPE.into();
    problem
}

/// 400: the `Idempotency-Key` is empty, too long or not printable ASCII.
pub fn invalid_key_problem() -> ApiProblem {
    let mut problem = ApiProblem::bad_request(format!(
        "The Idempotency-Key header must be 1 to {MAX_KEY_LEN} printable ASCII characters."
    ));
    problem.problem.title = "Idempotency-Key header invalid".into();
    problem.problem.kind = KEY_INVALID_PROBLEM_TYPE.into();
    problem
}

/// 409: the first request with this key has not finished yet; retry shortly with the same key.
pub fn in_flight_problem() -> ApiProblem {
    let mut problem = ApiProblem::new(
        StatusCode::CONFLICT,
        "Request already in progress",
        "An earlier request with this Idempotency-Key is still being processed. Try again in a \
         moment with the same key to get its result.",
    );
    problem.problem.kind = KEY_IN_USE_PROBLEM_TYPE.into();
    problem
}

/// 422: this key already belongs to a different request.
pub fn key_reused_problem() -> ApiProblem {
    let mut problem = ApiProblem::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "Idempotency-Key reused",
        "This Idempotency-Key was already used for a different request. Use a new key for a \
         new request.",
    );
    problem.problem.kind = KEY_REUSED_PROBLEM_TYPE.into();
    problem
}

struct ExistingRecord {
    fingerprint: Vec<u8>,
    state: String,
    status: Option<u16>,
    reply_body: Option<String>,
    location: Option<String>,
    seal_salt: Option<Vec<u8>>,
    sealed: Option<String>,
    created_at: i64,
}

impl ExistingRecord {
    fn into_reply(self, scope: &str, key: &IdempotencyKey) -> Result<StoredReply, StorageError> {
        let corrupt = |what: &str| StorageError::Corrupt(format!("idempotency record: {what}"));
        let status = self.status.ok_or_else(|| corrupt("no status"))?;
        let mut body: serde_json::Value = serde_json::from_str(
            self.reply_body
                .as_deref()
                .ok_or_else(|| corrupt("no body"))?,
        )
        .map_err(|e| corrupt(&e.to_string()))?;
        let sealed: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(self.sealed.as_deref().unwrap_or("{}"))
                .map_err(|e| corrupt(&e.to_string()))?;
        let salt = self.seal_salt.unwrap_or_default();
        if let Some(members) = body.as_object_mut() {
            for (name, cipher) in sealed {
                let cipher = cipher
                    .as_str()
                    .and_then(|c| URL_SAFE_NO_PAD.decode(c).ok())
                    .ok_or_else(|| corrupt("sealed member"))?;
                let plain = apply_keystream(&salt, scope, key, &name, &cipher);
                let text = String::from_utf8(plain).map_err(|_| corrupt("sealed member"))?;
                members.insert(name, text.into());
            }
        }
        Ok(StoredReply {
            status,
            location: self.location,
            body,
        })
    }
}

/// XORs `data` with SHA-256 in counter mode over (salt, scope, key, member): sealing and
/// unsealing are the same operation. The salt is fresh for every record, so no keystream is
/// ever used twice.
fn apply_keystream(
    salt: &[u8],
    scope: &str,
    key: &IdempotencyKey,
    member: &str,
    data: &[u8],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for (counter, chunk) in data.chunks(32).enumerate() {
        let mut hasher = Sha256::new();
        hasher.update(b"frontdoor idempotency seal v1\0");
        hasher.update(salt);
        for part in [scope.as_bytes(), key.as_str().as_bytes(), member.as_bytes()] {
            hasher.update((part.len() as u64).to_be_bytes());
            hasher.update(part);
        }
        hasher.update((counter as u64).to_be_bytes());
        let block = hasher.finalize();
        out.extend(chunk.iter().zip(block.iter()).map(|(d, k)| d ^ k));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::SqliteStorage;
    use serde_json::json;

    const SCOPE: &str = "POST /things";

    fn storage() -> (SqliteStorage, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("tempdir");
        let storage = SqliteStorage::open(&dir.path().join("db.sqlite3")).expect("open");
        (storage, dir)
    }

    fn key(text: &str) -> IdempotencyKey {
        IdempotencyKey::parse(text).expect("valid key")
    }

    fn reply() -> StoredReply {
        StoredReply {
            status: 201,
            location: Some("/api/v1/things/FD-2222-3333".into()),
            body: json!({"reference": "FD-2222-3333", "manage_token": "s3cret-token-value"}),
        }
    }

    fn ticket(claim: Claim) -> ClaimTicket {
        match claim {
            Claim::Proceed(ticket) => ticket,
            other => panic!("expected to proceed, got {other:?}"),
        }
    }

    #[test]
    fn keys_must_be_short_printable_ascii() {
        assert!(IdempotencyKey::parse("8e03978e-40d5-43e8-bc93-6894a57f9324").is_some());
        assert_eq!(
            IdempotencyKey::parse("\"abc\"").map(|k| k.as_str().to_owned()),
            Some("abc".into())
        );
        assert!(IdempotencyKey::parse("").is_none());
        assert!(IdempotencyKey::parse("\"\"").is_none());
        assert!(IdempotencyKey::parse(&"k".repeat(MAX_KEY_LEN)).is_some());
        assert!(IdempotencyKey::parse(&"k".repeat(MAX_KEY_LEN + 1)).is_none());
        assert!(IdempotencyKey::parse("caf\u{e9}").is_none());
        assert!(IdempotencyKey::parse("tab\there").is_none());
    }

    #[test]
    fn headers_without_a_key_get_the_400_problems() {
        let mut headers = HeaderMap::new();
        let missing =
            ApiProblem::from(IdempotencyKey::from_headers(&headers).expect_err("missing"));
        assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
        assert_eq!(missing.problem.kind, KEY_MISSING_PROBLEM_TYPE);
        headers.insert(
            IDEMPOTENCY_KEY_HEADER,
            HeaderValue::from_str(&"x".repeat(300)).expect("header"),
        );
        let long = ApiProblem::from(IdempotencyKey::from_headers(&headers).expect_err("too long"));
        assert_eq!(long.problem.kind, KEY_INVALID_PROBLEM_TYPE);
    }

    #[test]
    fn fingerprints_follow_the_values_not_the_formatting() {
        let a: serde_json::Value = serde_json::from_str(r#"{"a":1,"b":"x"}"#).expect("json");
        let b: serde_json::Value = serde_json::from_str(r#"{ "b": "x", "a": 1 }"#).expect("json");
        let c: serde_json::Value = serde_json::from_str(r#"{"a":2,"b":"x"}"#).expect("json");
        assert_eq!(fingerprint(&a), fingerprint(&b));
        assert_ne!(fingerprint(&a), fingerprint(&c));
    }

    #[test]
    fn a_key_is_in_flight_then_replays_the_same_reply() {
        let (storage, _dir) = storage();
        let mut conn = storage.connect().expect("connect");
        let now = Utc::now();
        let k = key("k-1");
        let print = fingerprint(&json!({"n": 1}));
        let ticket = ticket(claim_now(&mut conn, SCOPE, &k, &print, now).expect("claim"));

        // A second request with the same key while the first works.
        let mut other = storage.connect().expect("connect");
        assert!(matches!(
            claim_now(&mut other, SCOPE, &k, &print, now).expect("claim"),
            Claim::InFlight
        ));

        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .expect("tx");
        complete(&tx, &ticket, &reply()).expect("complete");
        tx.commit().expect("commit");

        match claim_now(&mut other, SCOPE, &k, &print, now).expect("claim") {
            Claim::Replay(replayed) => assert_eq!(replayed, reply()),
            other => panic!("expected a replay, got {other:?}"),
        }
        let different = fingerprint(&json!({"n": 2}));
        assert!(matches!(
            claim_now(&mut other, SCOPE, &k, &different, now).expect("claim"),
            Claim::KeyReused
        ));
        // The same key text in another scope is another key.
        assert!(matches!(
            claim_now(&mut other, "POST /others", &k, &different, now).expect("claim"),
            Claim::Proceed(_)
        ));
    }

    #[test]
    fn the_manage_token_is_not_stored_in_clear() {
        let (storage, _dir) = storage();
        let mut conn = storage.connect().expect("connect");
        let k = key("a-random-key");
        let print = fingerprint(&1);
        let ticket = ticket(claim_now(&mut conn, SCOPE, &k, &print, Utc::now()).expect("claim"));
        let tx = conn.transaction().expect("tx");
        complete(&tx, &ticket, &reply()).expect("complete");
        tx.commit().expect("commit");

        let dump: Vec<String> = conn
            .prepare("SELECT quote(key_hash) || reply_body || sealed || quote(seal_salt) FROM idempotency_records")
            .expect("prepare")
            .query_map([], |row| row.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        let dump = dump.concat();
        assert!(dump.contains("FD-2222-3333"), "{dump}");
        assert!(!dump.contains("s3cret-token-value"), "{dump}");
        assert!(!dump.contains("a-random-key"), "{dump}");
    }

    #[test]
    fn a_released_key_can_be_used_again_even_for_another_request() {
        let (storage, _dir) = storage();
        let mut conn = storage.connect().expect("connect");
        let k = key("k-2");
        let now = Utc::now();
        let ticket = ticket(claim_now(&mut conn, SCOPE, &k, &fingerprint(&1), now).expect("claim"));
        release_now(&mut conn, &ticket).expect("release");
        assert!(matches!(
            claim_now(&mut conn, SCOPE, &k, &fingerprint(&2), now).expect("claim"),
            Claim::Proceed(_)
        ));
    }

    #[test]
    fn abandoned_and_expired_records_are_taken_over() {
        let (storage, _dir) = storage();
        let mut conn = storage.connect().expect("connect");
        let k = key("k-3");
        let print = fingerprint(&1);
        let start = Utc::now();
        let stale = ticket(claim_now(&mut conn, SCOPE, &k, &print, start).expect("claim"));
        let later = start + IN_FLIGHT_TIMEOUT;
        let fresh = ticket(claim_now(&mut conn, SCOPE, &k, &print, later).expect("take over"));

        // The request that lost its claim cannot complete it any more.
        let tx = conn.transaction().expect("tx");
        assert!(complete(&tx, &stale, &reply()).is_err());
        drop(tx);
        let tx = conn.transaction().expect("tx");
        complete(&tx, &fresh, &reply()).expect("complete");
        tx.commit().expect("commit");

        let much_later = later + RECORD_TTL + chrono::Duration::seconds(1);
        assert!(matches!(
            claim_now(&mut conn, SCOPE, &k, &fingerprint(&2), much_later).expect("claim"),
            Claim::Proceed(_)
        ));
    }

    #[test]
    fn a_stored_reply_answers_with_its_status_body_and_location() {
        let response = reply().into_response();
        assert_eq!(response.status(), StatusCode::CREATED);
        assert_eq!(
            response.headers().get(header::LOCATION),
            Some(&HeaderValue::from_static("/api/v1/things/FD-2222-3333"))
        );
        assert_eq!(
            response.headers().get(header::CONTENT_TYPE),
            Some(&HeaderValue::from_static("application/json"))
        );
    }
}
