//! The free call with a care coordinator: open slots, booking, managing a booked call, and
//! "none of these times work for me".
//!
//! Routes (relative to the API prefix):
//! - `GET /coordinator/slots?from=&to=`: free slots, computed from the coordinator's availability
//!   (`<content dir>/coordinator.json`, loaded at start) minus the calls already booked.
//! - `POST /calls` (with `Idempotency-Key`): books a slot. The database allows one booked call
//!   per slot start (a partial unique index), so two people can never hold the same slot, however
//!   their requests interleave; the one who comes second gets 409 with the nearest free slots.
//! - `GET` / `DELETE /calls/{reference}` and `POST /calls/{reference}/reschedule` (with
//!   `Idempotency-Key`), each with `Authorization: Bearer <manage token>`. An unknown reference
//!   and a wrong token get the same 404. Cancelling frees the slot at once and forgets the note
//!   and the shared self-check summary, which the coordinator no longer needs.
//! - `POST /availability-requests`: asks the coordinator to suggest other times.
//!
//! Each write is one `BEGIN IMMEDIATE` transaction that claims the request's idempotency key,
//! does the work and records the reply, so copies of one request sent at the same moment wait
//! for each other and all get the first reply. A refused request (slot taken, too soon) leaves
//! no record, so its key may be sent again.
//!
//! The self-check summary is stored only when the request carries it (the person ticked the
//! opt-in). Nothing a person typed is ever logged.

mod store;

use std::path::Path;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use frontdoor_contract::{
    API_PREFIX, AvailabilityReceipt, AvailabilityRequest, CallConfirmation, CallRequest, CallSlot,
    CallSlots, CallSlotsQuery, CallView, FieldError, RescheduleRequest, SlotTakenProblem,
};

use crate::app::{ApiRoutes, AppState};
use crate::idempotency::{self, Fingerprint, IdempotencyKey, StoredReply};
use crate::manage_token::{self, ManageToken, TokenHash};
use crate::problem::{ApiJson, ApiProblem, ApiQuery};
use crate::rate_limit::ContactId;
use crate::slots::{
    AvailabilityError, COORDINATOR_FILE, CoordinatorAvailability, Unbookable, check_bookable,
    free_slots,
};
use crate::storage::StorageError;

pub(crate) use store::SCHEMA;

/// The prefix of call references, e.g. `FC-7KQ3-M9XA`.
pub const CALL_REFERENCE_PREFIX: &str = "FC";

/// The prefix of availability-request references, e.g. `FA-7KQ3-M9XA`.
pub const AVAILABILITY_REFERENCE_PREFIX: &str = "FA";

/// `type` of the 409 problem when a cancelled call is to be rescheduled.
pub const CALL_CANCELLED_PROBLEM_TYPE: &str = "urn:frontdoor:problem:call-cancelled";

/// `type` of the 409 problem when a call that has already begun is to be changed.
pub const CALL_STARTED_PROBLEM_TYPE: &str = "urn:frontdoor:problem:call-started";

/// Idempotency scope of bookings.
const BOOK_SCOPE: &str = "POST /calls";
/// Idempotency scope of availability requests.
const AVAILABILITY_SCOPE: &str = "POST /availability-requests";

/// Booked calls further than this from a slot cannot overlap it (a call plus its buffer is at
/// most six hours), so only those nearer are read when checking one slot.
const OVERLAP_REACH: Duration = Duration::days(1);

/// The call routes, relative to the API prefix.
pub fn routes() -> ApiRoutes {
    ApiRoutes::new()
        .get("/coordinator/slots", coordinator_slots)
        .post("/calls", book_call)
        .get("/calls/{reference}", view_call)
        .delete("/calls/{reference}", cancel_call)
        .post("/calls/{reference}/reschedule", reschedule_call)
        .post("/availability-requests", request_other_times)
}

/// Reads and checks `<content_dir>/coordinator.json`.
///
/// A file that exists but cannot be read or used is an error that names the file and the field
/// to fix. Without the file the practice offers no calls: the slot list stays empty and every
/// booking is refused, and a warning says so.
pub fn load_availability(content_dir: &Path) -> Result<CoordinatorAvailability, AvailabilityError> {
    let path = content_dir.join(COORDINATOR_FILE);
    match std::fs::metadata(&path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            tracing::warn!(
                "no {COORDINATOR_FILE} in the content directory: no coordinator calls can be booked"
            );
            CoordinatorAvailability::from_json(NO_AVAILABILITY)
        }
        _ => CoordinatorAvailability::load(&path),
    }
}

/// An availability without working hours.
const NO_AVAILABILITY: &str = r#"{"time_zone": "Etc/UTC", "slot_minutes": 30,
    "buffer_minutes": 0, "minimum_notice_hours": 0, "horizon_days": 1, "working_hours": {}}"#;

/// A request's `Idempotency-Key` and the fingerprint of its body.
#[derive(Debug, Clone)]
pub struct Idempotent {
    /// The client's key.
    pub key: IdempotencyKey,
    /// What the request asks for.
    pub fingerprint: Fingerprint,
}

/// A checked booking, ready to store.
#[derive(Debug, Clone)]
pub struct NewCall {
    /// The request as sent (already validated).
    pub request: CallRequest,
    /// The manage token that will go to the person; only its hash is stored.
    pub token: ManageToken,
}

/// What became of a booking.
#[derive(Debug)]
pub enum BookingOutcome {
    /// Booked; the 201 reply (also remembered under the idempotency key).
    Booked(StoredReply),
    /// The key was used before for this very request: its reply again.
    Replay(StoredReply),
    /// A request with this key is still running.
    InFlight,
    /// The key belongs to a different request.
    KeyReused,
    /// The slot cannot be booked at this moment (not a call time, too soon, too far ahead).
    Unbookable(Unbookable),
    /// Someone else holds the slot; these are the nearest free ones.
    Taken(Vec<CallSlot>),
}

/// What became of a reschedule.
#[derive(Debug)]
pub enum RescheduleOutcome {
    /// Moved (or already at that time); the 200 reply with the call as it now stands.
    Moved(StoredReply),
    /// The key was used before for this very request: its reply again.
    Replay(StoredReply),
    /// No call with this reference and token.
    NotFound,
    /// A request with this key is still running.
    InFlight,
    /// The key belongs to a different request.
    KeyReused,
    /// The call was cancelled; book a new one instead.
    Cancelled,
    /// The call's time has come; it can no longer be moved.
    Started,
    /// The new slot cannot be booked at this moment.
    Unbookable(Unbookable),
    /// Someone else holds the new slot; these are the nearest free ones.
    Taken(Vec<CallSlot>),
}

/// What became of a cancellation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelOutcome {
    /// The call is cancelled (now, or it already was).
    Cancelled,
    /// No call with this reference and token.
    NotFound,
    /// The call's time has come; it can no longer be cancelled.
    Started,
}

/// What became of an availability request.
#[derive(Debug)]
pub enum AvailabilityOutcome {
    /// Recorded; the 201 reply.
    Recorded(StoredReply),
    /// The key was used before for this very request: its reply again.
    Replay(StoredReply),
    /// A request with this key is still running.
    InFlight,
    /// The key belongs to a different request.
    KeyReused,
}

/// Reading and writing coordinator calls and availability requests.
///
/// Every write runs in one transaction that also claims and completes its idempotency record,
/// so "stored" and "reply remembered" happen together or not at all.
pub trait CallStore {
    /// Starts of calls still booked whose start lies in `[from, to)`, earliest first.
    fn booked_call_starts(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<DateTime<Utc>>, StorageError>;

    /// Books `call` at its `slot_start` if that slot is bookable at `now`.
    fn book_call(
        &self,
        call: &NewCall,
        idempotent: &Idempotent,
        availability: &CoordinatorAvailability,
        now: DateTime<Utc>,
    ) -> Result<BookingOutcome, StorageError>;

    /// The call with this reference, if `token` is its manage token.
    fn find_call(&self, reference: &str, token: &str) -> Result<Option<CallView>, StorageError>;

    /// Cancels the call with this reference, if `token` is its manage token.
    fn cancel_call(
        &self,
        reference: &str,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<CancelOutcome, StorageError>;

    /// Moves the call with this reference to `request.slot_start`, if `token` is its manage
    /// token and the new slot is bookable at `now`.
    fn reschedule_call(
        &self,
        reference: &str,
        token: &str,
        request: &RescheduleRequest,
        idempotent: &Idempotent,
        availability: &CoordinatorAvailability,
        now: DateTime<Utc>,
    ) -> Result<RescheduleOutcome, StorageError>;

    /// Records a request for other times.
    fn record_availability_request(
        &self,
        request: &AvailabilityRequest,
        idempotent: Option<&Idempotent>,
        now: DateTime<Utc>,
    ) -> Result<AvailabilityOutcome, StorageError>;
}

async fn coordinator_slots(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<CallSlotsQuery>,
) -> Result<Response, ApiProblem> {
    let now = state.now();
    let availability = Arc::clone(state.coordinator());
    // Slot starts may fall on the last instant of the horizon; `to` is exclusive.
    let bookable_until = availability.latest_start(now) + Duration::seconds(1);
    if let (Some(from), Some(to)) = (query.from, query.to)
        && to <= from
    {
        return Err(ApiProblem::bad_request("`from` must be earlier than `to`."));
    }
    let from = query.from.unwrap_or(now);
    let to = query.to.unwrap_or(bookable_until);
    // Nothing outside what can be booked right now is ever offered, so the window is narrowed
    // to that: however wide the request, the work stays within the booking horizon.
    let from = from.max(availability.earliest_start(now));
    let to = to.min(bookable_until);
    let slots = if from < to {
        let booked = state
            .storage(move |s| s.booked_call_starts(from - OVERLAP_REACH, to + OVERLAP_REACH))
            .await?;
        free_slots(&availability, from, to, now, &booked)
    } else {
        Vec::new()
    };
    Ok((
        [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
        Json(CallSlots { slots }),
    )
        .into_response())
}

async fn book_call(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<ApiJson<CallRequest>, ApiProblem>,
) -> Result<Response, ApiProblem> {
    let key = IdempotencyKey::from_headers(&headers)?;
    let ApiJson(request) = body?;
    let now = state.now();
    let availability = Arc::clone(state.coordinator());
    let mut errors = request_errors(&request);
    if !errors.is_empty() {
        // The request will be refused anyway, so say everything that is wrong at once,
        // including a slot that cannot be booked.
        if let Err(reason) = check_bookable(&availability, request.slot_start, now, &[]) {
            errors.push(slot_error(reason));
        }
        return Err(ApiProblem::validation(errors));
    }
    if let Err(limited) = state.rate_limit().check_contacts(&contacts(
        request.email.as_deref(),
        request.phone.as_deref(),
    )) {
        return Ok(limited.into_response());
    }
    // The slot itself is checked inside the booking, after the key: a retry of a booking that
    // succeeded gets its reply again even if the time has since become too soon.
    let idempotent = Idempotent {
        fingerprint: idempotency::fingerprint(&request),
        key,
    };
    let call = NewCall {
        request,
        token: ManageToken::generate(),
    };
    let outcome = state
        .storage(move |s| s.book_call(&call, &idempotent, &availability, now))
        .await?;
    match outcome {
        BookingOutcome::Booked(reply) => {
            tracing::info!("coordinator call booked");
            Ok(no_store(reply))
        }
        BookingOutcome::Replay(reply) => Ok(no_store(reply)),
        BookingOutcome::InFlight => Err(idempotency::in_flight_problem()),
        BookingOutcome::KeyReused => Err(idempotency::key_reused_problem()),
        BookingOutcome::Unbookable(reason) => Err(ApiProblem::validation(vec![slot_error(reason)])),
        BookingOutcome::Taken(nearest) => Err(slot_taken_problem(nearest)),
    }
}

async fn view_call(
    State(state): State<AppState>,
    UrlPath(reference): UrlPath<String>,
    headers: HeaderMap,
) -> Result<Response, ApiProblem> {
    let Some(token) = presented_token(&reference, &headers) else {
        return Err(call_not_found());
    };
    match state
        .storage(move |s| s.find_call(&reference, &token))
        .await?
    {
        Some(view) => Ok((
            [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
            Json(view),
        )
            .into_response()),
        None => Err(call_not_found()),
    }
}

async fn cancel_call(
    State(state): State<AppState>,
    UrlPath(reference): UrlPath<String>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiProblem> {
    let Some(token) = presented_token(&reference, &headers) else {
        return Err(call_not_found());
    };
    let now = state.now();
    match state
        .storage(move |s| s.cancel_call(&reference, &token, now))
        .await?
    {
        CancelOutcome::Cancelled => {
            tracing::info!("coordinator call cancelled");
            Ok(StatusCode::NO_CONTENT)
        }
        CancelOutcome::NotFound => Err(call_not_found()),
        CancelOutcome::Started => Err(call_started_problem()),
    }
}

async fn reschedule_call(
    State(state): State<AppState>,
    UrlPath(reference): UrlPath<String>,
    headers: HeaderMap,
    body: Result<ApiJson<RescheduleRequest>, ApiProblem>,
) -> Result<Response, ApiProblem> {
    let key = IdempotencyKey::from_headers(&headers)?;
    let ApiJson(request) = body?;
    let Some(token) = presented_token(&reference, &headers) else {
        return Err(call_not_found());
    };
    let now = state.now();
    let availability = Arc::clone(state.coordinator());
    let idempotent = Idempotent {
        fingerprint: idempotency::fingerprint(&request),
        key,
    };
    let outcome = state
        .storage(move |s| {
            s.reschedule_call(
                &reference,
                &token,
                &request,
                &idempotent,
                &availability,
                now,
            )
        })
        .await?;
    match outcome {
        RescheduleOutcome::Moved(reply) => {
            tracing::info!("coordinator call rescheduled");
            Ok(no_store(reply))
        }
        RescheduleOutcome::Replay(reply) => Ok(no_store(reply)),
        RescheduleOutcome::NotFound => Err(call_not_found()),
        RescheduleOutcome::InFlight => Err(idempotency::in_flight_problem()),
        RescheduleOutcome::KeyReused => Err(idempotency::key_reused_problem()),
        RescheduleOutcome::Cancelled => Err(call_cancelled_problem()),
        RescheduleOutcome::Started => Err(call_started_problem()),
        RescheduleOutcome::Unbookable(reason) => {
            Err(ApiProblem::validation(vec![slot_error(reason)]))
        }
        RescheduleOutcome::Taken(nearest) => Err(slot_taken_problem(nearest)),
    }
}

async fn request_other_times(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<ApiJson<AvailabilityRequest>, ApiProblem>,
) -> Result<Response, ApiProblem> {
    // A key is welcome (a retried request then records once) but not required.
    let key = if headers.contains_key(idempotency::IDEMPOTENCY_KEY_HEADER) {
        Some(IdempotencyKey::from_headers(&headers)?)
    } else {
        None
    };
    let ApiJson(request) = body?;
    let mut errors = request.validate();
    check_real_time_zone(&request.time_zone, &mut errors);
    if !errors.is_empty() {
        return Err(ApiProblem::validation(errors));
    }
    if let Err(limited) = state.rate_limit().check_contacts(&contacts(
        request.email.as_deref(),
        request.phone.as_deref(),
    )) {
        return Ok(limited.into_response());
    }
    let idempotent = key.map(|key| Idempotent {
        fingerprint: idempotency::fingerprint(&request),
        key,
    });
    let now = state.now();
    let outcome = state
        .storage(move |s| s.record_availability_request(&request, idempotent.as_ref(), now))
        .await?;
    match outcome {
        AvailabilityOutcome::Recorded(reply) => {
            tracing::info!("request for other call times recorded");
            Ok(reply.into_response())
        }
        AvailabilityOutcome::Replay(reply) => Ok(reply.into_response()),
        AvailabilityOutcome::InFlight => Err(idempotency::in_flight_problem()),
        AvailabilityOutcome::KeyReused => Err(idempotency::key_reused_problem()),
    }
}

/// The email address and phone number given (blank ones left out), for the per-contact limit.
fn contacts(email: Option<&str>, phone: Option<&str>) -> Vec<ContactId> {
    let email = email.map(str::trim).filter(|v| !v.is_empty());
    let phone = phone.map(str::trim).filter(|v| !v.is_empty());
    email
        .map(ContactId::email)
        .into_iter()
        .chain(phone.map(ContactId::phone))
        .collect()
}

/// A reply that must not be kept by any cache: it may carry a manage token.
fn no_store(reply: StoredReply) -> Response {
    let mut response = reply.into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Every field rule a booking breaks, including a time zone that only looks like one.
fn request_errors(request: &CallRequest) -> Vec<FieldError> {
    let mut errors = request.validate();
    check_real_time_zone(&request.time_zone, &mut errors);
    errors
}

/// Adds a `time_zone` error when the zone is well formed but not in the IANA database.
fn check_real_time_zone(zone: &str, errors: &mut Vec<FieldError>) {
    if errors.iter().any(|e| e.field == "time_zone") {
        return;
    }
    if zone.parse::<Tz>().is_err() {
        errors.push(FieldError {
            field: "time_zone".into(),
            message: "Choose your time zone from the list, like America/New_York".into(),
        });
    }
}

fn slot_error(reason: Unbookable) -> FieldError {
    FieldError {
        field: "slot_start".into(),
        message: reason.to_string(),
    }
}

/// The token of the request, if the reference could be one of ours and a bearer token came.
fn presented_token(reference: &str, headers: &HeaderMap) -> Option<String> {
    if !manage_token::is_reference(reference, CALL_REFERENCE_PREFIX) {
        return None;
    }
    manage_token::bearer_token(headers).map(str::to_owned)
}

/// The one 404 for an unknown reference, a wrong token or no token at all.
fn call_not_found() -> ApiProblem {
    ApiProblem::not_found(
        "We could not find a call for this link. Please use the manage link from your \
         confirmation.",
    )
}

fn slot_taken_problem(nearest: Vec<CallSlot>) -> ApiProblem {
    let taken = SlotTakenProblem::new(nearest);
    let nearest = serde_json::to_value(&taken.nearest).unwrap_or_default();
    ApiProblem {
        problem: taken.problem,
        extensions: serde_json::Map::new(),
    }
    .with_extension("nearest", nearest)
}

fn call_cancelled_problem() -> ApiProblem {
    let mut problem = ApiProblem::new(
        StatusCode::CONFLICT,
        "This call was cancelled",
        "A cancelled call cannot be moved. Please book a new call instead.",
    );
    problem.problem.kind = CALL_CANCELLED_PROBLEM_TYPE.into();
    problem
}

fn call_started_problem() -> ApiProblem {
    let mut problem = ApiProblem::new(
        StatusCode::CONFLICT,
        "This call's time has come",
        "The call's time has already begun, so it can no longer be changed here.",
    );
    problem.problem.kind = CALL_STARTED_PROBLEM_TYPE.into();
    problem
}

/// The 201 reply to a booking: the confirmation, with its manage address in `Location`.
fn booked_reply(confirmation: &CallConfirmation) -> Result<StoredReply, StorageError> {
    Ok(StoredReply {
        status: StatusCode::CREATED.as_u16(),
        location: Some(format!("{API_PREFIX}/calls/{}", confirmation.reference)),
        body: serde_json::to_value(confirmation)
            .map_err(|e| StorageError::Corrupt(e.to_string()))?,
    })
}

/// The 200 reply to a reschedule: the call as it now stands.
fn view_reply(view: &CallView) -> Result<StoredReply, StorageError> {
    Ok(StoredReply {
        status: StatusCode::OK.as_u16(),
        location: None,
        body: serde_json::to_value(view).map_err(|e| StorageError::Corrupt(e.to_string()))?,
    })
}

/// The 201 reply to an availability request.
fn receipt_reply(receipt: &AvailabilityReceipt) -> Result<StoredReply, StorageError> {
    Ok(StoredReply {
        status: StatusCode::CREATED.as_u16(),
        location: None,
        body: serde_json::to_value(receipt).map_err(|e| StorageError::Corrupt(e.to_string()))?,
    })
}

/// Whether `token` is the one `stored` was made from.
fn token_matches(stored: &[u8], token: &str) -> bool {
    TokenHash::from_stored(stored).is_some_and(|hash| hash.matches(token))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_availability_loads_from_the_content_directory() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let availability = load_availability(&content).expect("shipped coordinator.json");
        assert_eq!(availability.time_zone(), chrono_tz::America::New_York);
    }

    #[test]
    fn without_an_availability_file_no_call_can_be_booked() {
        let dir = tempfile::tempdir().expect("tempdir");
        let availability = load_availability(dir.path()).expect("no file is no calls");
        let now = Utc::now();
        let slots = free_slots(
            &availability,
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
            now,
            &[],
        );
        assert!(slots.is_empty(), "{slots:?}");
        let next_hour = now + Duration::hours(1);
        assert_eq!(
            check_bookable(&availability, next_hour, now, &[]),
            Err(Unbookable::NotOnSchedule)
        );
    }

    #[test]
    fn an_unusable_availability_file_stops_startup_naming_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join(COORDINATOR_FILE),
            r#"{"time_zone": "Mars/Base"}"#,
        )
        .expect("write");
        let err = load_availability(dir.path()).expect_err("refused");
        assert!(err.to_string().contains("coordinator.json"), "{err}");
        assert!(err.to_string().contains("missing field"), "{err}");
    }

    #[test]
    fn a_well_formed_but_unknown_time_zone_is_a_field_error() {
        let mut errors = Vec::new();
        check_real_time_zone("Mars/Olympus_Mons", &mut errors);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "time_zone");
        let mut none = Vec::new();
        check_real_time_zone("Australia/Sydney", &mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn only_a_call_reference_with_a_bearer_token_is_looked_up() {
        let mut headers = HeaderMap::new();
        assert_eq!(presented_token("FC-7KQ3-M9XA", &headers), None);
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer abc"),
        );
        assert_eq!(
            presented_token("FC-7KQ3-M9XA", &headers).as_deref(),
            Some("abc")
        );
        assert_eq!(presented_token("FD-7KQ3-M9XA", &headers), None);
        assert_eq!(presented_token("x", &headers), None);
    }

    #[test]
    fn the_slot_taken_reply_carries_the_nearest_slots() {
        let start = DateTime::from_timestamp(1_800_000_000, 0).expect("valid");
        let slot = CallSlot {
            start,
            end: start + Duration::minutes(30),
        };
        let problem = slot_taken_problem(vec![slot]);
        assert_eq!(problem.status(), StatusCode::CONFLICT);
        assert_eq!(
            problem.problem.kind,
            frontdoor_contract::calls::SLOT_TAKEN_PROBLEM_TYPE
        );
        assert_eq!(
            problem.extensions["nearest"][0]["start"],
            serde_json::to_value(start).expect("json")
        );
    }
}
