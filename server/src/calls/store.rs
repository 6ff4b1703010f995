//! [`CallStore`] on SQLite.
//!
//! Times are stored as whole seconds since the Unix epoch (UTC). The partial unique index
//! `calls_one_booking_per_slot` holds at most one *booked* call per slot start, so a double
//! booking cannot be written whatever the application does; a cancelled call leaves the index
//! and frees its slot at once.
//!
//! Every write queues on [`SqliteStorage::writer`] and then runs as one `BEGIN IMMEDIATE`
//! transaction, so a crowd booking at once is served in turn rather than left to SQLite's
//! sleeping busy handler.

use chrono::{DateTime, Utc};
use frontdoor_contract::{
    AvailabilityReceipt, AvailabilityRequest, CallConfirmation, CallSlot, CallStatus, CallView,
    ContactMethod, RescheduleRequest,
};
use rusqlite::{ErrorCode, OptionalExtension, Transaction, TransactionBehavior, params};

use super::{
    AVAILABILITY_REFERENCE_PREFIX, AVAILABILITY_SCOPE, AvailabilityOutcome, BOOK_SCOPE,
    BookingOutcome, CALL_REFERENCE_PREFIX, CallStore, CancelOutcome, Idempotent, NewCall,
    OVERLAP_REACH, RescheduleOutcome, booked_reply, receipt_reply, token_matches, view_reply,
};
use crate::idempotency::{self, Claim, ClaimTicket};
use crate::manage_token::new_reference;
use crate::slots::{
    CoordinatorAvailability, NEAREST_ALTERNATIVES, Unbookable, check_bookable, nearest_free,
};
use crate::storage::{SqliteStorage, StorageError};

/// The calls and availability-request tables.
pub(crate) const SCHEMA: &str = "
CREATE TABLE calls (
    id                 INTEGER PRIMARY KEY,
    reference          TEXT    NOT NULL UNIQUE,
    token_hash         BLOB    NOT NULL,
    slot_start         INTEGER NOT NULL,
    slot_end           INTEGER NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('booked', 'cancelled')),
    name               TEXT    NOT NULL,
    email              TEXT,
    phone              TEXT,
    time_zone          TEXT    NOT NULL,
    contact_method     TEXT    NOT NULL CHECK (contact_method IN ('phone', 'video')),
    note               TEXT,
    self_check_summary TEXT,
    booked_at          INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX calls_one_booking_per_slot ON calls (slot_start) WHERE status = 'booked';
CREATE TABLE availability_requests (
    id              INTEGER PRIMARY KEY,
    reference       TEXT    NOT NULL UNIQUE,
    name            TEXT    NOT NULL,
    email           TEXT,
    phone           TEXT,
    time_zone       TEXT    NOT NULL,
    preferred_times TEXT    NOT NULL,
    note            TEXT,
    received_at     INTEGER NOT NULL
) STRICT;
";

/// How many fresh references to try when one is already taken (about one in 10^11 each).
const REFERENCE_ATTEMPTS: usize = 5;

/// One row of `calls`, as the manage routes need it.
struct CallRow {
    id: i64,
    token_hash: Vec<u8>,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    contact_method: ContactMethod,
    status: CallStatus,
}

impl CallRow {
    fn view(&self, reference: &str) -> CallView {
        CallView {
            reference: reference.to_owned(),
            start: self.start,
            end: self.end,
            contact_method: self.contact_method,
            status: self.status,
        }
    }
}

impl CallStore for SqliteStorage {
    fn booked_call_starts(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<DateTime<Utc>>, StorageError> {
        let conn = self.connect()?;
        let mut stmt = conn.prepare_cached(
            "SELECT slot_start FROM calls
             WHERE status = 'booked' AND slot_start >= ?1 AND slot_start < ?2
             ORDER BY slot_start",
        )?;
        let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], |row| {
            row.get::<_, i64>(0)
        })?;
        rows.map(|seconds| instant(seconds?))
            .collect::<Result<_, _>>()
    }

    fn book_call(
        &self,
        call: &NewCall,
        idempotent: &Idempotent,
        availability: &CoordinatorAvailability,
        now: DateTime<Utc>,
    ) -> Result<BookingOutcome, StorageError> {
        let mut conn = self.connect()?;
        let _writing = self.writer();
        // IMMEDIATE: take the write lock before reading, so the checks below see every booking
        // that could conflict. The unique index would refuse a double booking regardless.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let ticket = match claim(&tx, BOOK_SCOPE, idempotent, now)? {
            Claimed::Ticket(ticket) => ticket,
            Claimed::Replay(reply) => return Ok(BookingOutcome::Replay(reply)),
            Claimed::InFlight => return Ok(BookingOutcome::InFlight),
            Claimed::KeyReused => return Ok(BookingOutcome::KeyReused),
        };
        let request = &call.request;
        let nearby = booked_near(&tx, request.slot_start, None)?;
        let slot = match check_bookable(availability, request.slot_start, now, &nearby) {
            Ok(slot) => slot,
            // Dropping the transaction rolls back the claim: the key may be used again.
            Err(Unbookable::Taken) => {
                return Ok(BookingOutcome::Taken(nearest(
                    &tx,
                    availability,
                    request.slot_start,
                    now,
                )?));
            }
            Err(reason) => return Ok(BookingOutcome::Unbookable(reason)),
        };
        let summary = request
            .self_check_summary
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| StorageError::Corrupt(e.to_string()))?;
        let token_hash = call.token.hash();
        let mut inserted = None;
        for _ in 0..REFERENCE_ATTEMPTS {
            let reference = new_reference(CALL_REFERENCE_PREFIX);
            let result = tx.execute(
                "INSERT INTO calls (reference, token_hash, slot_start, slot_end, status, name,
                     email, phone, time_zone, contact_method, note, self_check_summary,
                     booked_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, 'booked', ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                params![
                    reference,
                    token_hash.as_bytes().as_slice(),
                    slot.start.timestamp(),
                    slot.end.timestamp(),
                    request.name.trim(),
                    given(request.email.as_deref()),
                    given(request.phone.as_deref()),
                    request.time_zone,
                    contact_method_text(request.contact_method),
                    given(request.note.as_deref()),
                    summary,
                    now.timestamp(),
                ],
            );
            match result {
                Ok(_) => {
                    inserted = Some(reference);
                    break;
                }
                Err(error) if violates(&error, "calls.reference") => continue,
                Err(error) if violates(&error, "calls.slot_start") => {
                    return Ok(BookingOutcome::Taken(nearest(
                        &tx,
                        availability,
                        request.slot_start,
                        now,
                    )?));
                }
                Err(error) => return Err(error.into()),
            }
        }
        let Some(reference) = inserted else {
            return Err(StorageError::Corrupt(
                "could not find an unused call reference".into(),
            ));
        };
        let reply = booked_reply(&CallConfirmation {
            reference,
            manage_token: call.token.as_str().to_owned(),
            start: slot.start,
            end: slot.end,
            contact_method: request.contact_method,
        })?;
        idempotency::complete(&tx, &ticket, &reply)?;
        tx.commit()?;
        Ok(BookingOutcome::Booked(reply))
    }

    fn find_call(&self, reference: &str, token: &str) -> Result<Option<CallView>, StorageError> {
        let conn = self.connect()?;
        let row = call_row(&conn, reference)?;
        Ok(row
            .filter(|row| token_matches(&row.token_hash, token))
            .map(|row| row.view(reference)))
    }

    fn cancel_call(
        &self,
        reference: &str,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<CancelOutcome, StorageError> {
        let mut conn = self.connect()?;
        let _writing = self.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let Some(row) =
            call_row(&tx, reference)?.filter(|row| token_matches(&row.token_hash, token))
        else {
            return Ok(CancelOutcome::NotFound);
        };
        if row.status == CallStatus::Cancelled {
            return Ok(CancelOutcome::Cancelled);
        }
        if row.start <= now {
            return Ok(CancelOutcome::Started);
        }
        tx.execute(
            "UPDATE calls
             SET status = 'cancelled', note = NULL, self_check_summary = NULL, updated_at = ?2
             WHERE id = ?1",
            params![row.id, now.timestamp()],
        )?;
        tx.commit()?;
        Ok(CancelOutcome::Cancelled)
    }

    fn reschedule_call(
        &self,
        reference: &str,
        token: &str,
        request: &RescheduleRequest,
        idempotent: &Idempotent,
        availability: &CoordinatorAvailability,
        now: DateTime<Utc>,
    ) -> Result<RescheduleOutcome, StorageError> {
        let mut conn = self.connect()?;
        let _writing = self.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // The token is checked before the key, so a wrong token learns nothing from a replay.
        let Some(row) =
            call_row(&tx, reference)?.filter(|row| token_matches(&row.token_hash, token))
        else {
            return Ok(RescheduleOutcome::NotFound);
        };
        // Keys are per call: the same key sent for another call is another key.
        let scope = format!("POST /calls/{reference}/reschedule");
        let ticket = match claim(&tx, &scope, idempotent, now)? {
            Claimed::Ticket(ticket) => ticket,
            Claimed::Replay(reply) => return Ok(RescheduleOutcome::Replay(reply)),
            Claimed::InFlight => return Ok(RescheduleOutcome::InFlight),
            Claimed::KeyReused => return Ok(RescheduleOutcome::KeyReused),
        };
        if row.status == CallStatus::Cancelled {
            return Ok(RescheduleOutcome::Cancelled);
        }
        if row.start <= now {
            return Ok(RescheduleOutcome::Started);
        }
        let target = request.slot_start;
        let view = if target == row.start {
            row.view(reference)
        } else {
            let others = booked_near(&tx, target, Some(row.id))?;
            let slot = match check_bookable(availability, target, now, &others) {
                Ok(slot) => slot,
                Err(Unbookable::Taken) => {
                    return Ok(RescheduleOutcome::Taken(nearest(
                        &tx,
                        availability,
                        target,
                        now,
                    )?));
                }
                Err(reason) => return Ok(RescheduleOutcome::Unbookable(reason)),
            };
            // One statement: the call is never without a slot, and never holds two.
            let moved = tx.execute(
                "UPDATE calls SET slot_start = ?2, slot_end = ?3, updated_at = ?4 WHERE id = ?1",
                params![
                    row.id,
                    slot.start.timestamp(),
                    slot.end.timestamp(),
                    now.timestamp()
                ],
            );
            match moved {
                Ok(_) => {}
                Err(error) if violates(&error, "calls.slot_start") => {
                    return Ok(RescheduleOutcome::Taken(nearest(
                        &tx,
                        availability,
                        target,
                        now,
                    )?));
                }
                Err(error) => return Err(error.into()),
            }
            CallView {
                start: slot.start,
                end: slot.end,
                ..row.view(reference)
            }
        };
        let reply = view_reply(&view)?;
        idempotency::complete(&tx, &ticket, &reply)?;
        tx.commit()?;
        Ok(RescheduleOutcome::Moved(reply))
    }

    fn record_availability_request(
        &self,
        request: &AvailabilityRequest,
        idempotent: Option<&Idempotent>,
        now: DateTime<Utc>,
    ) -> Result<AvailabilityOutcome, StorageError> {
        let mut conn = self.connect()?;
        let _writing = self.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let ticket = match idempotent {
            None => None,
            Some(idempotent) => match claim(&tx, AVAILABILITY_SCOPE, idempotent, now)? {
                Claimed::Ticket(ticket) => Some(ticket),
                Claimed::Replay(reply) => return Ok(AvailabilityOutcome::Replay(reply)),
                Claimed::InFlight => return Ok(AvailabilityOutcome::InFlight),
                Claimed::KeyReused => return Ok(AvailabilityOutcome::KeyReused),
            },
        };
        let mut inserted = None;
        for _ in 0..REFERENCE_ATTEMPTS {
            let reference = new_reference(AVAILABILITY_REFERENCE_PREFIX);
            let result = tx.execute(
                "INSERT INTO availability_requests (reference, name, email, phone, time_zone,
                     preferred_times, note, received_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    reference,
                    request.name.trim(),
                    given(request.email.as_deref()),
                    given(request.phone.as_deref()),
                    request.time_zone,
                    request.preferred_times.trim(),
                    given(request.note.as_deref()),
                    now.timestamp(),
                ],
            );
            match result {
                Ok(_) => {
                    inserted = Some(reference);
                    break;
                }
                Err(error) if violates(&error, "availability_requests.reference") => continue,
                Err(error) => return Err(error.into()),
            }
        }
        let Some(reference) = inserted else {
            return Err(StorageError::Corrupt(
                "could not find an unused availability-request reference".into(),
            ));
        };
        let reply = receipt_reply(&AvailabilityReceipt { reference })?;
        if let Some(ticket) = &ticket {
            idempotency::complete(&tx, ticket, &reply)?;
        }
        tx.commit()?;
        Ok(AvailabilityOutcome::Recorded(reply))
    }
}

/// [`idempotency::claim`]'s answer with the ticket unwrapped.
enum Claimed {
    Ticket(ClaimTicket),
    Replay(idempotency::StoredReply),
    InFlight,
    KeyReused,
}

fn claim(
    tx: &Transaction<'_>,
    scope: &str,
    idempotent: &Idempotent,
    now: DateTime<Utc>,
) -> Result<Claimed, StorageError> {
    Ok(
        match idempotency::claim(tx, scope, &idempotent.key, &idempotent.fingerprint, now)? {
            Claim::Proceed(ticket) => Claimed::Ticket(ticket),
            Claim::Replay(reply) => Claimed::Replay(reply),
            Claim::InFlight => Claimed::InFlight,
            Claim::KeyReused => Claimed::KeyReused,
        },
    )
}

/// Booked starts near enough to `start` to overlap a call there, leaving out call `except`.
fn booked_near(
    tx: &Transaction<'_>,
    start: DateTime<Utc>,
    except: Option<i64>,
) -> Result<Vec<DateTime<Utc>>, StorageError> {
    let mut stmt = tx.prepare_cached(
        "SELECT slot_start FROM calls
         WHERE status = 'booked' AND slot_start > ?1 AND slot_start < ?2 AND id IS NOT ?3",
    )?;
    let rows = stmt.query_map(
        params![
            (start - OVERLAP_REACH).timestamp(),
            (start + OVERLAP_REACH).timestamp(),
            except
        ],
        |row| row.get::<_, i64>(0),
    )?;
    rows.map(|seconds| instant(seconds?))
        .collect::<Result<_, _>>()
}

/// The free slots nearest `target`, seen from inside the booking transaction.
fn nearest(
    tx: &Transaction<'_>,
    availability: &CoordinatorAvailability,
    target: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<CallSlot>, StorageError> {
    let mut stmt = tx.prepare_cached(
        "SELECT slot_start FROM calls WHERE status = 'booked' AND slot_start > ?1
         ORDER BY slot_start",
    )?;
    let rows = stmt.query_map(params![(now - OVERLAP_REACH).timestamp()], |row| {
        row.get::<_, i64>(0)
    })?;
    let booked = rows
        .map(|seconds| instant(seconds?))
        .collect::<Result<Vec<_>, StorageError>>()?;
    Ok(nearest_free(
        availability,
        target,
        now,
        &booked,
        NEAREST_ALTERNATIVES,
    ))
}

fn call_row(conn: &rusqlite::Connection, reference: &str) -> Result<Option<CallRow>, StorageError> {
    let row = conn
        .query_row(
            "SELECT id, token_hash, slot_start, slot_end, contact_method, status
             FROM calls WHERE reference = ?1",
            params![reference],
            |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, Vec<u8>>(1)?,
                    row.get::<_, i64>(2)?,
                    row.get::<_, i64>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, String>(5)?,
                ))
            },
        )
        .optional()?;
    let Some((id, token_hash, start, end, method, status)) = row else {
        return Ok(None);
    };
    let contact_method = match method.as_str() {
        "phone" => ContactMethod::Phone,
        "video" => ContactMethod::Video,
        other => {
            return Err(StorageError::Corrupt(format!(
                "call has unknown contact method {other:?}"
            )));
        }
    };
    let status = match status.as_str() {
        "booked" => CallStatus::Booked,
        "cancelled" => CallStatus::Cancelled,
        other => {
            return Err(StorageError::Corrupt(format!(
                "call has unknown status {other:?}"
            )));
        }
    };
    Ok(Some(CallRow {
        id,
        token_hash,
        start: instant(start)?,
        end: instant(end)?,
        contact_method,
        status,
    }))
}

fn contact_method_text(method: ContactMethod) -> &'static str {
    match method {
        ContactMethod::Phone => "phone",
        ContactMethod::Video => "video",
    }
}

/// A stored optional text: trimmed, and left out when blank.
fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

fn instant(seconds: i64) -> Result<DateTime<Utc>, StorageError> {
    DateTime::from_timestamp(seconds, 0)
        .ok_or_else(|| StorageError::Corrupt(format!("stored time {seconds} is out of range")))
}

/// Whether `error` is a UNIQUE violation on `column` (`table.column`).
fn violates(error: &rusqlite::Error, column: &str) -> bool {
    match error {
        rusqlite::Error::SqliteFailure(failure, Some(message)) => {
            failure.code == ErrorCode::ConstraintViolation && message.contains(column)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::idempotency::{IdempotencyKey, fingerprint};
    use crate::manage_token::ManageToken;
    use chrono::{Duration, TimeZone};
    use frontdoor_contract::{CallRequest, LevelOfCare, SharedSelfCheckSummary};

    fn storage() -> (SqliteStorage, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("tempdir");
        let storage = SqliteStorage::open(&dir.path().join("db.sqlite3")).expect("open");
        (storage, dir)
    }

    fn availability() -> CoordinatorAvailability {
        let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        super::super::load_availability(&content).expect("shipped availability")
    }

    /// Monday 7 December 2026, 07:00 in New York.
    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0)
            .single()
            .expect("valid")
    }

    /// Tuesday 8 December 2026 at `h:m` in New York (UTC−5).
    fn tuesday(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 8, h + 5, m, 0)
            .single()
            .expect("valid")
    }

    fn request(start: DateTime<Utc>) -> CallRequest {
        CallRequest {
            slot_start: start,
            name: " Sam ".into(),
            email: Some("sam@example.com".into()),
            phone: Some("  ".into()),
            time_zone: "America/New_York".into(),
            contact_method: ContactMethod::Video,
            note: None,
            self_check_summary: None,
        }
    }

    fn idempotent(key: &str, request: &CallRequest) -> Idempotent {
        Idempotent {
            key: IdempotencyKey::parse(key).expect("key"),
            fingerprint: fingerprint(request),
        }
    }

    fn book(storage: &SqliteStorage, key: &str, request: CallRequest) -> BookingOutcome {
        let idempotent = idempotent(key, &request);
        let call = NewCall {
            request,
            token: ManageToken::generate(),
        };
        storage
            .book_call(&call, &idempotent, &availability(), now())
            .expect("book")
    }

    fn booked(outcome: BookingOutcome) -> CallConfirmation {
        match outcome {
            BookingOutcome::Booked(reply) => serde_json::from_value(reply.body).expect("json"),
            other => panic!("expected a booking, got {other:?}"),
        }
    }

    #[test]
    fn the_database_itself_refuses_a_second_booked_call_at_one_start() {
        let (storage, _dir) = storage();
        let conn = storage.connect().expect("connect");
        let insert = |reference: &str, status: &str| {
            conn.execute(
                "INSERT INTO calls (reference, token_hash, slot_start, slot_end, status, name,
                     time_zone, contact_method, booked_at, updated_at)
                 VALUES (?1, x'00', 1000, 2800, ?2, 'A', 'UTC', 'video', 0, 0)",
                params![reference, status],
            )
        };
        insert("FC-2222-2222", "booked").expect("first");
        let error = insert("FC-3333-3333", "booked").expect_err("second booked call refused");
        assert!(violates(&error, "calls.slot_start"), "{error}");
        insert("FC-4444-4444", "cancelled").expect("cancelled calls do not hold the slot");
        conn.execute("UPDATE calls SET status = 'cancelled'", [])
            .expect("cancel");
        insert("FC-5555-5555", "booked").expect("a cancelled slot can be booked again");
    }

    #[test]
    fn a_booking_stores_what_was_sent_and_only_the_token_hash() {
        let (storage, _dir) = storage();
        let confirmation = booked(book(&storage, "k1", request(tuesday(9, 0))));
        assert_eq!(confirmation.start, tuesday(9, 0));
        assert_eq!(confirmation.end, tuesday(9, 30));
        let conn = storage.connect().expect("connect");
        let (name, phone, summary, hash): (String, Option<String>, Option<String>, Vec<u8>) = conn
            .query_row(
                "SELECT name, phone, self_check_summary, token_hash FROM calls",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .expect("row");
        assert_eq!(name, "Sam");
        assert_eq!(phone, None, "a blank phone is not stored");
        assert_eq!(summary, None, "no summary without the opt-in");
        assert!(token_matches(&hash, &confirmation.manage_token));
        assert_ne!(hash, confirmation.manage_token.as_bytes());
    }

    #[test]
    fn a_shared_summary_is_stored_as_sent() {
        let (storage, _dir) = storage();
        let summary = SharedSelfCheckSummary {
            question_set_version: "2026.11".into(),
            level_of_care: LevelOfCare::Iop,
            lines: vec!["Moderate anxiety symptoms".into()],
            topics: vec!["Anxiety".into()],
        };
        let with_summary = CallRequest {
            self_check_summary: Some(summary.clone()),
            ..request(tuesday(9, 40))
        };
        booked(book(&storage, "k1", with_summary));
        let stored: String = storage
            .connect()
            .expect("connect")
            .query_row("SELECT self_check_summary FROM calls", [], |row| row.get(0))
            .expect("row");
        let back: SharedSelfCheckSummary = serde_json::from_str(&stored).expect("json");
        assert_eq!(back, summary);
    }

    #[test]
    fn a_taken_slot_offers_the_nearest_and_frees_the_key() {
        let (storage, _dir) = storage();
        booked(book(&storage, "k1", request(tuesday(10, 20))));
        match book(&storage, "k2", request(tuesday(10, 20))) {
            BookingOutcome::Taken(nearest) => {
                let starts: Vec<_> = nearest.iter().map(|s| s.start).collect();
                assert_eq!(starts, [tuesday(9, 0), tuesday(9, 40), tuesday(11, 0)]);
            }
            other => panic!("expected taken, got {other:?}"),
        }
        // The refused request left no idempotency record behind.
        booked(book(&storage, "k2", request(tuesday(11, 0))));
    }

    #[test]
    fn slots_sooner_than_the_notice_are_refused_inside_the_booking() {
        let (storage, _dir) = storage();
        let too_soon = now() + Duration::hours(1);
        match book(&storage, "k1", request(too_soon)) {
            BookingOutcome::Unbookable(reason) => assert_eq!(reason, Unbookable::NotOnSchedule),
            other => panic!("expected unbookable, got {other:?}"),
        }
        // Monday 7 December 09:00 in New York: on the schedule but two hours away.
        let monday_nine = Utc
            .with_ymd_and_hms(2026, 12, 7, 14, 0, 0)
            .single()
            .expect("valid");
        match book(&storage, "k1", request(monday_nine)) {
            BookingOutcome::Unbookable(reason) => assert_eq!(reason, Unbookable::TooSoon),
            other => panic!("expected too soon, got {other:?}"),
        }
    }

    #[test]
    fn booked_starts_are_listed_in_a_window() {
        let (storage, _dir) = storage();
        booked(book(&storage, "k1", request(tuesday(9, 0))));
        booked(book(&storage, "k2", request(tuesday(13, 0))));
        let all = storage
            .booked_call_starts(tuesday(0, 0), tuesday(18, 0))
            .expect("list");
        assert_eq!(all, [tuesday(9, 0), tuesday(13, 0)]);
        let morning = storage
            .booked_call_starts(tuesday(0, 0), tuesday(13, 0))
            .expect("list");
        assert_eq!(morning, [tuesday(9, 0)]);
    }
}
