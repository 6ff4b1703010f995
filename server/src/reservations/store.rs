//! Reservations and waitlist places in SQLite.
//!
//! Taking a seat is one `BEGIN IMMEDIATE` transaction: the conditional
//! `UPDATE groups SET reserved = reserved + 1 WHERE id = ? AND status = 'open' AND reserved <
//! capacity` either takes a seat or changes nothing, and the reservation row and its idempotency
//! record are written in the same transaction. The database, not a count read earlier, decides
//! whether a seat is left, so no interleaving of requests (or of server processes sharing the
//! file) can sell more seats than there are. A cancellation gives the seat back in one
//! transaction too.

use chrono::{DateTime, SecondsFormat, Utc};
use frontdoor_contract::{
    API_PREFIX, Group, Reservation, ReservationConfirmation, ReservationRequest, WaitlistEntry,
    WaitlistRequest,
};
use rusqlite::{
    Connection, ErrorCode, OptionalExtension, Transaction, TransactionBehavior, params,
};

use crate::groups::{select_alternatives, select_group};
use crate::idempotency::{self, Claim, ClaimTicket, Fingerprint, IdempotencyKey, StoredReply};
use crate::manage_token::{ManageToken, TokenHash, new_reference};
use crate::storage::{SqliteStorage, StorageError};

/// Idempotency scope of `POST /reservations`.
pub const RESERVATION_SCOPE: &str = "POST /reservations";
/// Idempotency scope of `POST /groups/{id}/waitlist` (the group id is part of the fingerprint).
pub const WAITLIST_SCOPE: &str = "POST /groups/{id}/waitlist";
/// Prefix of reservation references (`FD-7KQ3-M9XA`).
pub const RESERVATION_PREFIX: &str = "FD";
/// Prefix of waitlist references (`WL-7KQ3-M9XA`).
pub const WAITLIST_PREFIX: &str = "WL";
/// How many groups a "group full" reply suggests.
pub const ALTERNATIVES_OFFERED: usize = 3;
/// How many fresh references to try if one is already taken (about 1 in 10^11 each time).
const REFERENCE_ATTEMPTS: usize = 8;

/// The migration creating the reservation and waitlist tables.
pub const SCHEMA: &str = "
CREATE TABLE reservations (
    reference        TEXT    PRIMARY KEY,
    group_id         TEXT    NOT NULL REFERENCES groups (id),
    token_hash       BLOB    NOT NULL,
    first_session    TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    email            TEXT    NOT NULL,
    phone            TEXT,
    time_zone        TEXT    NOT NULL,
    for_someone_else INTEGER NOT NULL,
    created_at       TEXT    NOT NULL,
    cancelled_at     TEXT
);
CREATE INDEX reservations_active_by_group ON reservations (group_id) WHERE cancelled_at IS NULL;
CREATE TABLE waitlist_entries (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    reference        TEXT    NOT NULL UNIQUE,
    group_id         TEXT    NOT NULL REFERENCES groups (id),
    token_hash       BLOB    NOT NULL,
    name             TEXT    NOT NULL,
    email            TEXT    NOT NULL,
    phone            TEXT,
    time_zone        TEXT    NOT NULL,
    for_someone_else INTEGER NOT NULL,
    created_at       TEXT    NOT NULL,
    left_at          TEXT
);
CREATE INDEX waitlist_active_by_group ON waitlist_entries (group_id, seq) WHERE left_at IS NULL;
";

/// What became of a reservation request.
#[derive(Debug, Clone, PartialEq)]
pub enum ReserveOutcome {
    /// A seat was taken: answer 201 with this reply (it is also remembered for replays).
    Created(StoredReply),
    /// The same request was already answered: answer with that reply again.
    Replayed(StoredReply),
    /// The first request with this key is still running.
    InFlight,
    /// The key was used for another request.
    KeyReused,
    /// No group has this id.
    UnknownGroup,
    /// `first_session` is not one of the group's next sessions.
    SessionNotOffered,
    /// No seat was left.
    Full {
        /// The full group, as it is now.
        group: Box<Group>,
        /// Up to [`ALTERNATIVES_OFFERED`] groups on the same topic with seats.
        alternatives: Vec<Group>,
    },
}

/// What became of a request to join a waitlist.
#[derive(Debug, Clone, PartialEq)]
pub enum WaitlistOutcome {
    /// Joined: answer 201 with this reply.
    Joined(StoredReply),
    /// The same request was already answered: answer with that reply again.
    Replayed(StoredReply),
    /// The first request with this key is still running.
    InFlight,
    /// The key was used for another request.
    KeyReused,
    /// No group has this id.
    UnknownGroup,
    /// The group has seats: reserve one instead.
    HasSeats,
}

/// What became of a cancellation (of a reservation or a waitlist place).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelOutcome {
    /// Cancelled now; a reservation's seat is free again.
    Cancelled,
    /// It had already been cancelled with this token; nothing changed.
    AlreadyCancelled,
    /// Unknown reference or wrong token (the two are never told apart).
    NotFound,
}

/// An idempotency key and the fingerprint of the request it came with.
#[derive(Debug, Clone, Copy)]
pub struct Idempotent<'a> {
    /// The client's key.
    pub key: &'a IdempotencyKey,
    /// The request's fingerprint.
    pub fingerprint: &'a Fingerprint,
}

/// Reserving seats, managing reservations and the waitlist.
pub trait ReservationStore {
    /// Takes a seat in `request.group_id` from `request.first_session` on, once per key.
    fn reserve_seat(
        &self,
        request: &ReservationRequest,
        idempotent: Idempotent<'_>,
        now: DateTime<Utc>,
    ) -> Result<ReserveOutcome, StorageError>;

    /// A live reservation, if `reference` names one and `token` is its manage token.
    fn reservation(
        &self,
        reference: &str,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Reservation>, StorageError>;

    /// Cancels a reservation and frees its seat, in one transaction. The person's details are
    /// erased; the reference and token hash stay so a repeated cancel is recognised.
    fn cancel_reservation(
        &self,
        reference: &str,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<CancelOutcome, StorageError>;

    /// Adds a person to the end of a full group's waitlist; idempotent when a key is given.
    fn join_waitlist(
        &self,
        group_id: &str,
        request: &WaitlistRequest,
        idempotent: Option<Idempotent<'_>>,
        now: DateTime<Utc>,
    ) -> Result<WaitlistOutcome, StorageError>;

    /// A place on a waitlist with its current position (no token in the reply).
    fn waitlist_place(
        &self,
        group_id: &str,
        reference: &str,
        token: &str,
    ) -> Result<Option<WaitlistEntry>, StorageError>;

    /// Leaves a waitlist; everyone behind moves up one place.
    fn leave_waitlist(
        &self,
        group_id: &str,
        reference: &str,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<CancelOutcome, StorageError>;
}

fn timestamp(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn parse_timestamp(text: &str) -> Result<DateTime<Utc>, StorageError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StorageError::Corrupt(format!("stored time {text:?}: {e}")))
}

fn is_unique_violation(error: &rusqlite::Error) -> bool {
    matches!(error, rusqlite::Error::SqliteFailure(e, _) if e.code == ErrorCode::ConstraintViolation)
}

fn to_json(value: &impl serde::Serialize) -> Result<serde_json::Value, StorageError> {
    serde_json::to_value(value).map_err(|e| StorageError::Corrupt(e.to_string()))
}

/// Claims the key (if any) in its own transaction, runs `work` in a `BEGIN IMMEDIATE`
/// transaction and commits it; if `work` fails, the key is released for a retry.
fn with_claim<T>(
    storage: &SqliteStorage,
    conn: &mut Connection,
    scope: &str,
    idempotent: Option<Idempotent<'_>>,
    now: DateTime<Utc>,
    answered: impl FnOnce(Claim) -> Option<T>,
    work: impl FnOnce(&Transaction<'_>, Option<&ClaimTicket>) -> Result<T, StorageError>,
) -> Result<T, StorageError> {
    let ticket = match idempotent {
        Some(Idempotent { key, fingerprint }) => {
            let claimed = {
                let _writing = storage.writer();
                idempotency::claim_now(conn, scope, key, fingerprint, now)?
            };
            match claimed {
                Claim::Proceed(ticket) => Some(ticket),
                other => {
                    return answered(other).ok_or_else(|| {
                        StorageError::Corrupt("unexpected idempotency claim".into())
                    });
                }
            }
        }
        None => None,
    };
    let result = (|| {
        let _writing = storage.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&tx, ticket.as_ref())?;
        tx.commit()?;
        Ok(value)
    })();
    if result.is_err()
        && let Some(ticket) = &ticket
        && let Err(error) = {
            let _writing = storage.writer();
            idempotency::release_now(conn, ticket)
        }
    {
        tracing::error!(%error, "cannot release an idempotency key after a failed request");
    }
    result
}

impl ReservationStore for SqliteStorage {
    fn reserve_seat(
        &self,
        request: &ReservationRequest,
        idempotent: Idempotent<'_>,
        now: DateTime<Utc>,
    ) -> Result<ReserveOutcome, StorageError> {
        let mut conn = self.connect()?;
        with_claim(
            self,
            &mut conn,
            RESERVATION_SCOPE,
            Some(idempotent),
            now,
            |claim| match claim {
                Claim::Replay(reply) => Some(ReserveOutcome::Replayed(reply)),
                Claim::InFlight => Some(ReserveOutcome::InFlight),
                Claim::KeyReused => Some(ReserveOutcome::KeyReused),
                Claim::Proceed(_) => None,
            },
            |tx, ticket| {
                let release = |outcome: ReserveOutcome| -> Result<ReserveOutcome, StorageError> {
                    if let Some(ticket) = ticket {
                        idempotency::release(tx, ticket)?;
                    }
                    Ok(outcome)
                };
                let Some(group) = select_group(tx, &request.group_id)? else {
                    return release(ReserveOutcome::UnknownGroup);
                };
                if !group.next_sessions(now).contains(&request.first_session) {
                    return release(ReserveOutcome::SessionNotOffered);
                }
                let taken = tx.execute(
                    "UPDATE groups SET reserved = reserved + 1
                     WHERE id = ?1 AND status = 'open' AND reserved < capacity",
                    params![request.group_id],
                )?;
                if taken == 0 {
                    let alternatives =
                        select_alternatives(tx, &group.definition, ALTERNATIVES_OFFERED)?
                            .iter()
                            .map(|g| g.at(now))
                            .collect();
                    let full = select_group(tx, &request.group_id)?.unwrap_or(group);
                    return release(ReserveOutcome::Full {
                        group: Box::new(full.at(now)),
                        alternatives,
                    });
                }
                let token = ManageToken::generate();
                let reference = insert_reservation(tx, request, &token.hash(), now)?;
                let sessions = crate::schedule::WeeklySchedule::for_group(&group.definition)
                    .map(|s| s.sessions_from(request.first_session, 4))
                    .unwrap_or_default();
                let confirmation = ReservationConfirmation {
                    reference: reference.clone(),
                    manage_token: token.into_string(),
                    group_id: request.group_id.clone(),
                    first_session: request.first_session,
                    sessions,
                };
                let reply = StoredReply {
                    status: 201,
                    location: Some(format!("{API_PREFIX}/reservations/{reference}")),
                    body: to_json(&confirmation)?,
                };
                if let Some(ticket) = ticket {
                    idempotency::complete(tx, ticket, &reply)?;
                }
                Ok(ReserveOutcome::Created(reply))
            },
        )
    }

    fn reservation(
        &self,
        reference: &str,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Reservation>, StorageError> {
        let conn = self.connect()?;
        let row = conn
            .query_row(
                "SELECT token_hash, group_id, first_session, name, email, phone, time_zone,
                        for_someone_else, created_at
                 FROM reservations WHERE reference = ?1 AND cancelled_at IS NULL",
                params![reference],
                |row| {
                    Ok((
                        row.get::<_, Vec<u8>>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, String>(3)?,
                        row.get::<_, String>(4)?,
                        row.get::<_, Option<String>>(5)?,
                        row.get::<_, String>(6)?,
                        row.get::<_, bool>(7)?,
                        row.get::<_, String>(8)?,
                    ))
                },
            )
            .optional()?;
        let Some((hash, group_id, first, name, email, phone, time_zone, for_other, created)) = row
        else {
            token_check_on_nothing(token);
            return Ok(None);
        };
        if !token_matches(&hash, token) {
            return Ok(None);
        }
        let group = select_group(&conn, &group_id)?
            .ok_or_else(|| StorageError::Corrupt("reservation of a missing group".into()))?;
        Ok(Some(Reservation {
            reference: reference.to_owned(),
            group: group.at(now),
            first_session: parse_timestamp(&first)?,
            name,
            email,
            phone,
            time_zone,
            for_someone_else: for_other,
            created_at: parse_timestamp(&created)?,
        }))
    }

    fn cancel_reservation(
        &self,
        reference: &str,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<CancelOutcome, StorageError> {
        let mut conn = self.connect()?;
        let _writing = self.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let row = tx
            .query_row(
                "SELECT token_hash, group_id, cancelled_at IS NOT NULL
                 FROM reservations WHERE reference = ?1",
                params![reference],
                |row| {
                    Ok((
                        row.get::<_, Vec<u8>>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, bool>(2)?,
                    ))
                },
            )
            .optional()?;
        let Some((hash, group_id, cancelled)) = row else {
            token_check_on_nothing(token);
            return Ok(CancelOutcome::NotFound);
        };
        if !token_matches(&hash, token) {
            return Ok(CancelOutcome::NotFound);
        }
        if cancelled {
            return Ok(CancelOutcome::AlreadyCancelled);
        }
        tx.execute(
            "UPDATE reservations
             SET cancelled_at = ?2, name = '', email = '', phone = NULL, time_zone = ''
             WHERE reference = ?1",
            params![reference, timestamp(now)],
        )?;
        tx.execute(
            "UPDATE groups SET reserved = reserved - 1 WHERE id = ?1 AND reserved > 0",
            params![group_id],
        )?;
        tx.commit()?;
        Ok(CancelOutcome::Cancelled)
    }

    fn join_waitlist(
        &self,
        group_id: &str,
        request: &WaitlistRequest,
        idempotent: Option<Idempotent<'_>>,
        now: DateTime<Utc>,
    ) -> Result<WaitlistOutcome, StorageError> {
        let mut conn = self.connect()?;
        with_claim(
            self,
            &mut conn,
            WAITLIST_SCOPE,
            idempotent,
            now,
            |claim| match claim {
                Claim::Replay(reply) => Some(WaitlistOutcome::Replayed(reply)),
                Claim::InFlight => Some(WaitlistOutcome::InFlight),
                Claim::KeyReused => Some(WaitlistOutcome::KeyReused),
                Claim::Proceed(_) => None,
            },
            |tx, ticket| {
                let release = |outcome: WaitlistOutcome| -> Result<WaitlistOutcome, StorageError> {
                    if let Some(ticket) = ticket {
                        idempotency::release(tx, ticket)?;
                    }
                    Ok(outcome)
                };
                let Some(group) = select_group(tx, group_id)? else {
                    return release(WaitlistOutcome::UnknownGroup);
                };
                if group.has_seats() {
                    return release(WaitlistOutcome::HasSeats);
                }
                let token = ManageToken::generate();
                let (reference, seq) = insert_waitlist_entry(tx, group_id, request, &token, now)?;
                let position = waitlist_position(tx, group_id, seq)?;
                let entry = WaitlistEntry {
                    group_id: group_id.to_owned(),
                    reference: reference.clone(),
                    position,
                    manage_token: Some(token.into_string()),
                };
                let reply = StoredReply {
                    status: 201,
                    location: Some(format!(
                        "{API_PREFIX}/groups/{group_id}/waitlist/{reference}"
                    )),
                    body: to_json(&entry)?,
                };
                if let Some(ticket) = ticket {
                    idempotency::complete(tx, ticket, &reply)?;
                }
                Ok(WaitlistOutcome::Joined(reply))
            },
        )
    }

    fn waitlist_place(
        &self,
        group_id: &str,
        reference: &str,
        token: &str,
    ) -> Result<Option<WaitlistEntry>, StorageError> {
        let conn = self.connect()?;
        let row = conn
            .query_row(
                "SELECT token_hash, seq FROM waitlist_entries
                 WHERE reference = ?1 AND group_id = ?2 AND left_at IS NULL",
                params![reference, group_id],
                |row| Ok((row.get::<_, Vec<u8>>(0)?, row.get::<_, i64>(1)?)),
            )
            .optional()?;
        let Some((hash, seq)) = row else {
            token_check_on_nothing(token);
            return Ok(None);
        };
        if !token_matches(&hash, token) {
            return Ok(None);
        }
        Ok(Some(WaitlistEntry {
            group_id: group_id.to_owned(),
            reference: reference.to_owned(),
            position: waitlist_position(&conn, group_id, seq)?,
            manage_token: None,
        }))
    }

    fn leave_waitlist(
        &self,
        group_id: &str,
        reference: &str,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<CancelOutcome, StorageError> {
        let mut conn = self.connect()?;
        let _writing = self.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let row = tx
            .query_row(
                "SELECT token_hash, left_at IS NOT NULL FROM waitlist_entries
                 WHERE reference = ?1 AND group_id = ?2",
                params![reference, group_id],
                |row| Ok((row.get::<_, Vec<u8>>(0)?, row.get::<_, bool>(1)?)),
            )
            .optional()?;
        let Some((hash, left)) = row else {
            token_check_on_nothing(token);
            return Ok(CancelOutcome::NotFound);
        };
        if !token_matches(&hash, token) {
            return Ok(CancelOutcome::NotFound);
        }
        if left {
            return Ok(CancelOutcome::AlreadyCancelled);
        }
        tx.execute(
            "UPDATE waitlist_entries
             SET left_at = ?2, name = '', email = '', phone = NULL, time_zone = ''
             WHERE reference = ?1",
            params![reference, timestamp(now)],
        )?;
        tx.commit()?;
        Ok(CancelOutcome::Cancelled)
    }
}

fn token_matches(stored: &[u8], presented: &str) -> bool {
    TokenHash::from_stored(stored).is_some_and(|hash| hash.matches(presented))
}

/// Does the same hashing work as a real check, so an unknown reference takes as long to refuse
/// as a wrong token.
fn token_check_on_nothing(presented: &str) {
    let _ = std::hint::black_box(TokenHash::of("").matches(presented));
}

/// Inserts the reservation under a fresh reference (retrying on the rare collision).
fn insert_reservation(
    tx: &Transaction<'_>,
    request: &ReservationRequest,
    token_hash: &TokenHash,
    now: DateTime<Utc>,
) -> Result<String, StorageError> {
    let mut last_error = None;
    for _ in 0..REFERENCE_ATTEMPTS {
        let reference = new_reference(RESERVATION_PREFIX);
        match tx.execute(
            "INSERT INTO reservations (reference, group_id, token_hash, first_session, name,
                 email, phone, time_zone, for_someone_else, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                reference,
                request.group_id,
                token_hash.as_bytes().as_slice(),
                timestamp(request.first_session),
                request.name,
                request.email,
                request.phone,
                request.time_zone,
                request.for_someone_else.unwrap_or(false),
                timestamp(now),
            ],
        ) {
            Ok(_) => return Ok(reference),
            Err(error) if is_unique_violation(&error) => last_error = Some(error),
            Err(error) => return Err(error.into()),
        }
    }
    Err(last_error.map_or_else(
        || StorageError::Corrupt("no reference attempts".into()),
        StorageError::from,
    ))
}

fn insert_waitlist_entry(
    tx: &Transaction<'_>,
    group_id: &str,
    request: &WaitlistRequest,
    token: &ManageToken,
    now: DateTime<Utc>,
) -> Result<(String, i64), StorageError> {
    let mut last_error = None;
    for _ in 0..REFERENCE_ATTEMPTS {
        let reference = new_reference(WAITLIST_PREFIX);
        match tx.execute(
            "INSERT INTO waitlist_entries (reference, group_id, token_hash, name, email, phone,
                 time_zone, for_someone_else, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                reference,
                group_id,
                token.hash().as_bytes().as_slice(),
                request.name,
                request.email,
                request.phone,
                request.time_zone,
                request.for_someone_else.unwrap_or(false),
                timestamp(now),
            ],
        ) {
            Ok(_) => return Ok((reference, tx.last_insert_rowid())),
            Err(error) if is_unique_violation(&error) => last_error = Some(error),
            Err(error) => return Err(error.into()),
        }
    }
    Err(last_error.map_or_else(
        || StorageError::Corrupt("no reference attempts".into()),
        StorageError::from,
    ))
}

/// 1 + the number of people still waiting who joined before `seq`.
fn waitlist_position(conn: &Connection, group_id: &str, seq: i64) -> Result<u32, StorageError> {
    let ahead: i64 = conn.query_row(
        "SELECT COUNT(*) FROM waitlist_entries
         WHERE group_id = ?1 AND seq < ?2 AND left_at IS NULL",
        params![group_id, seq],
        |row| row.get(0),
    )?;
    Ok(u32::try_from(ahead).unwrap_or(u32::MAX).saturating_add(1))
}
