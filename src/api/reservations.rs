//! Seat reservations: reserving, viewing and cancelling with the manage token.

use std::future::Future;

use frontdoor_contract::{
    GroupFullProblem, Reservation, ReservationConfirmation, ReservationRequest,
    groups::GROUP_FULL_PROBLEM_TYPE,
};
use gloo_net::http::Method;

use super::{
    ApiError, IdempotencyKey, api_url,
    http::{
        RequestOptions, decode_reply, get_json_with, post_json_idempotent_reply, send_json_write,
        settle_idempotent_write,
    },
    path_segment,
};

/// Why a reservation was not made.
#[derive(Debug, Clone, PartialEq)]
pub enum ReserveError {
    /// Every seat was taken meanwhile; the problem lists groups on the same topic with seats.
    GroupFull(GroupFullProblem),
    /// Anything else: invalid details (422, with field errors), network failure, server error.
    Api(ApiError),
}

impl From<ApiError> for ReserveError {
    fn from(error: ApiError) -> Self {
        ReserveError::Api(error)
    }
}

/// `POST {api_base}/reservations` with `key` as `Idempotency-Key`; retried with the same key
/// after network failures, timeouts and server errors, and while an earlier send of the same
/// key is still being handled.
pub fn reserve(
    api_base: &str,
    request: &ReservationRequest,
    key: &IdempotencyKey,
) -> impl Future<Output = Result<ReservationConfirmation, ReserveError>> + use<> {
    let url = api_url(api_base, "/reservations");
    let request = request.clone();
    let key = key.clone();
    async move {
        let reply =
            settle_idempotent_write(|| post_json_idempotent_reply(url.clone(), &request, &key))
                .await?;
        if reply.status == 409
            && let Ok(full) = serde_json::from_str::<GroupFullProblem>(&reply.body)
            && full.problem.kind == GROUP_FULL_PROBLEM_TYPE
        {
            return Err(ReserveError::GroupFull(full));
        }
        decode_reply(reply).map_err(ReserveError::Api)
    }
}

fn reservation_url(api_base: &str, reference: &str) -> String {
    api_url(
        api_base,
        &format!("/reservations/{}", path_segment(reference)),
    )
}

fn bearer(token: &str) -> RequestOptions {
    RequestOptions {
        bearer: Some(token.to_owned()),
        ..RequestOptions::default()
    }
}

/// `GET {api_base}/reservations/{reference}` with the manage token; a 404 problem for an
/// unknown reference, a wrong token or a cancelled reservation alike.
pub fn reservation(
    api_base: &str,
    reference: &str,
    token: &str,
) -> impl Future<Output = Result<Reservation, ApiError>> + use<> {
    get_json_with(reservation_url(api_base, reference), bearer(token))
}

/// `DELETE {api_base}/reservations/{reference}` with the manage token: cancels and frees the
/// seat at once. Repeating it is harmless.
pub fn cancel_reservation(
    api_base: &str,
    reference: &str,
    token: &str,
) -> impl Future<Output = Result<(), ApiError>> + use<> {
    send_json_write(
        Method::DELETE,
        reservation_url(api_base, reference),
        &(),
        None,
        bearer(token),
    )
}
