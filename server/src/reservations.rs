//! Seat reservations and waitlists: `POST /reservations`, `GET`/`DELETE
//! /reservations/{reference}`, `POST /groups/{id}/waitlist` and `GET`/`DELETE
//! /groups/{id}/waitlist/{reference}`.
//!
//! # Decisions a client relies on
//! - `POST /reservations` needs an `Idempotency-Key` (see [`crate::idempotency`]). Only a reply
//!   that took a seat (201) is remembered; a reply that changed nothing (409 group full, 422)
//!   releases the key, so the same key may be sent again, with the same or corrected details.
//! - A full group answers 409 `urn:frontdoor:problem:group-full` with up to three
//!   `alternatives`: open groups on the same topic, those for the same audience first.
//! - `POST /groups/{id}/waitlist` is for groups without a seat; while a group has seats it
//!   answers 409 `urn:frontdoor:problem:group-has-seats` (reserve instead). An
//!   `Idempotency-Key` is optional there and works as for reservations. The 201 reply carries
//!   the place in line, a reference and a manage token; `GET /groups/{id}/waitlist/{reference}`
//!   with that token as bearer tells the current place, which moves up as people ahead leave.
//!   Waitlisted people are offered seats by the care coordinators; a cancelled seat is open to
//!   anyone at once.
//! - View and cancel take `Authorization: Bearer <manage_token>`. An unknown reference, a wrong
//!   or missing token, and a cancelled reservation's view all answer the same 404 body.
//!   `DELETE` frees the seat in the same transaction and answers 204; repeating it with the
//!   right token answers 204 again without freeing anything (so a retried cancel is safe).
//! - Per-contact rate limit: each valid POST counts against its email address and phone number
//!   as well as the client address (429 + `Retry-After`).
//! - Nothing a person typed, and no token, is written to the logs.

pub mod store;
pub mod validation;

use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use frontdoor_contract::groups::GROUP_HAS_SEATS_PROBLEM_TYPE;
use frontdoor_contract::{FieldError, GroupFullProblem};
use serde_json::Value;

use crate::app::{ApiRoutes, AppState};
use crate::groups::unknown_group_problem;
use crate::idempotency::{self, IdempotencyKey, StoredReply, fingerprint};
use crate::manage_token::bearer_token;
use crate::problem::{ApiJson, ApiProblem};
use crate::rate_limit::ContactId;

pub use store::{
    CancelOutcome, Idempotent, ReservationStore, ReserveOutcome, SCHEMA, WaitlistOutcome,
};

/// The API routes of reservations and waitlists.
pub fn routes() -> ApiRoutes {
    ApiRoutes::new()
        .post("/reservations", create_reservation)
        .get("/reservations/{reference}", view_reservation)
        .delete("/reservations/{reference}", cancel_reservation)
        .post("/groups/{id}/waitlist", join_waitlist)
        .get("/groups/{id}/waitlist/{reference}", view_waitlist_place)
        .delete("/groups/{id}/waitlist/{reference}", leave_waitlist)
}

/// The one 404 for "no such reservation", "wrong token" and "no token".
pub fn reservation_not_found() -> ApiProblem {
    ApiProblem::not_found(
        "We could not find a reservation for this link. It may have been cancelled, or the link \
         may be incomplete: open it again from your confirmation.",
    )
}

/// The one 404 for "no such waitlist place", "wrong token" and "no token".
pub fn waitlist_place_not_found() -> ApiProblem {
    ApiProblem::not_found(
        "We could not find a waitlist place for this link. You may have left the waitlist, or \
         the link may be incomplete: open it again from your confirmation.",
    )
}

fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn contacts(email: &str, phone: Option<&str>) -> Vec<ContactId> {
    let mut ids = vec![ContactId::email(email)];
    ids.extend(phone.map(ContactId::phone));
    ids
}

fn field_problem(field: &str, message: &str) -> ApiProblem {
    ApiProblem::validation(vec![FieldError {
        field: field.to_owned(),
        message: message.to_owned(),
    }])
}

fn replay(reply: StoredReply) -> Response {
    no_store(reply.into_response())
}

async fn create_reservation(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<ApiJson<Value>, ApiProblem>,
) -> Response {
    let result = async {
        let key = IdempotencyKey::from_headers(&headers)?;
        let ApiJson(body) = body?;
        let request = validation::read_reservation(body)?;
        if let Err(limited) = state
            .rate_limit()
            .check_contacts(&contacts(&request.email, request.phone.as_deref()))
        {
            return Ok(limited.into_response());
        }
        let print = fingerprint(&request);
        let now = state.now();
        let outcome = state
            .storage(move |s| {
                s.reserve_seat(
                    &request,
                    Idempotent {
                        key: &key,
                        fingerprint: &print,
                    },
                    now,
                )
            })
            .await?;
        Ok::<_, ApiProblem>(match outcome {
            ReserveOutcome::Created(reply) => {
                tracing::info!(outcome = "created", "seat reserved");
                replay(reply)
            }
            ReserveOutcome::Replayed(reply) => {
                tracing::info!(outcome = "replayed", "reservation request repeated");
                replay(reply)
            }
            ReserveOutcome::InFlight => idempotency::in_flight_problem().into_response(),
            ReserveOutcome::KeyReused => idempotency::key_reused_problem().into_response(),
            ReserveOutcome::UnknownGroup => {
                field_problem("group_id", validation::UNKNOWN_GROUP_MESSAGE).into_response()
            }
            ReserveOutcome::SessionNotOffered => {
                field_problem("first_session", validation::FIRST_SESSION_MESSAGE).into_response()
            }
            ReserveOutcome::Full {
                group,
                alternatives,
            } => {
                tracing::info!(outcome = "full", "reservation refused: group full");
                group_full_problem(&group.title, alternatives).into_response()
            }
        })
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// The 409 for a full group, with `alternatives` as an extension member.
pub fn group_full_problem(title: &str, alternatives: Vec<frontdoor_contract::Group>) -> ApiProblem {
    let full = GroupFullProblem::new(title, alternatives);
    ApiProblem {
        problem: full.problem,
        extensions: serde_json::Map::new(),
    }
    .with_extension(
        "alternatives",
        serde_json::to_value(&full.alternatives).unwrap_or_else(|_| Value::Array(Vec::new())),
    )
}

async fn view_reservation(
    State(state): State<AppState>,
    UrlPath(reference): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let Some(token) = bearer_token(&headers).map(str::to_owned) else {
        return reservation_not_found().into_response();
    };
    let now = state.now();
    match state
        .storage(move |s| s.reservation(&reference, &token, now))
        .await
    {
        Ok(Some(reservation)) => no_store(axum::Json(reservation).into_response()),
        Ok(None) => reservation_not_found().into_response(),
        Err(problem) => problem.into_response(),
    }
}

async fn cancel_reservation(
    State(state): State<AppState>,
    UrlPath(reference): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let Some(token) = bearer_token(&headers).map(str::to_owned) else {
        return reservation_not_found().into_response();
    };
    let now = state.now();
    match state
        .storage(move |s| s.cancel_reservation(&reference, &token, now))
        .await
    {
        Ok(CancelOutcome::Cancelled) => {
            tracing::info!(outcome = "cancelled", "reservation cancelled; seat freed");
            StatusCode::NO_CONTENT.into_response()
        }
        Ok(CancelOutcome::AlreadyCancelled) => StatusCode::NO_CONTENT.into_response(),
        Ok(CancelOutcome::NotFound) => reservation_not_found().into_response(),
        Err(problem) => problem.into_response(),
    }
}

async fn join_waitlist(
    State(state): State<AppState>,
    UrlPath(group_id): UrlPath<String>,
    headers: HeaderMap,
    body: Result<ApiJson<Value>, ApiProblem>,
) -> Response {
    let result = async {
        let key = match headers.get(idempotency::IDEMPOTENCY_KEY_HEADER) {
            Some(_) => Some(IdempotencyKey::from_headers(&headers)?),
            None => None,
        };
        let ApiJson(body) = body?;
        let request = validation::read_waitlist(body)?;
        if let Err(limited) = state
            .rate_limit()
            .check_contacts(&contacts(&request.email, request.phone.as_deref()))
        {
            return Ok(limited.into_response());
        }
        let print = fingerprint(&(&group_id, &request));
        let now = state.now();
        let outcome = state
            .storage(move |s| {
                let idempotent = key.as_ref().map(|key| Idempotent {
                    key,
                    fingerprint: &print,
                });
                s.join_waitlist(&group_id, &request, idempotent, now)
            })
            .await?;
        Ok::<_, ApiProblem>(match outcome {
            WaitlistOutcome::Joined(reply) => {
                tracing::info!(outcome = "joined", "waitlist place taken");
                replay(reply)
            }
            WaitlistOutcome::Replayed(reply) => replay(reply),
            WaitlistOutcome::InFlight => idempotency::in_flight_problem().into_response(),
            WaitlistOutcome::KeyReused => idempotency::key_reused_problem().into_response(),
            WaitlistOutcome::UnknownGroup => unknown_group_problem().into_response(),
            WaitlistOutcome::HasSeats => group_has_seats_problem().into_response(),
        })
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

/// The 409 for joining the waitlist of a group that still has seats.
pub fn group_has_seats_problem() -> ApiProblem {
    let mut problem = ApiProblem::new(
        StatusCode::CONFLICT,
        "This group has seats",
        "There is no waitlist while seats are free: reserve a seat instead.",
    );
    problem.problem.kind = GROUP_HAS_SEATS_PROBLEM_TYPE.into();
    problem
}

async fn view_waitlist_place(
    State(state): State<AppState>,
    UrlPath((group_id, reference)): UrlPath<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let Some(token) = bearer_token(&headers).map(str::to_owned) else {
        return waitlist_place_not_found().into_response();
    };
    match state
        .storage(move |s| s.waitlist_place(&group_id, &reference, &token))
        .await
    {
        Ok(Some(place)) => no_store(axum::Json(place).into_response()),
        Ok(None) => waitlist_place_not_found().into_response(),
        Err(problem) => problem.into_response(),
    }
}

async fn leave_waitlist(
    State(state): State<AppState>,
    UrlPath((group_id, reference)): UrlPath<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let Some(token) = bearer_token(&headers).map(str::to_owned) else {
        return waitlist_place_not_found().into_response();
    };
    let now = state.now();
    match state
        .storage(move |s| s.leave_waitlist(&group_id, &reference, &token, now))
        .await
    {
        Ok(CancelOutcome::Cancelled | CancelOutcome::AlreadyCancelled) => {
            StatusCode::NO_CONTENT.into_response()
        }
        Ok(CancelOutcome::NotFound) => waitlist_place_not_found().into_response(),
        Err(problem) => problem.into_response(),
    }
}
