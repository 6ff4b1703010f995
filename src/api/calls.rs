//! The free coordinator call: open slots, booking, viewing, rescheduling and cancelling with the
//! manage token, and asking for other times.

use std::future::Future;

use frontdoor_contract::{
    AvailabilityReceipt, AvailabilityRequest, CallConfirmation, CallRequest, CallSlot, CallSlots,
    CallView, RescheduleRequest, SlotTakenProblem, calls::SLOT_TAKEN_PROBLEM_TYPE,
};
use gloo_net::http::Method;

use super::{
    ApiError, IdempotencyKey, api_url,
    http::{
        Reply, RequestOptions, decode_reply, get_json, get_json_with, send_json_write,
        send_json_write_reply, settle_idempotent_write,
    },
    path_segment,
};

/// Why a booking or a reschedule did not go through.
#[derive(Debug, Clone, PartialEq)]
pub enum BookingError {
    /// Someone took the slot meanwhile; these are the nearest free ones.
    SlotTaken(Vec<CallSlot>),
    /// Anything else: refused details (422, with field errors), network failure, server error.
    Api(ApiError),
}

impl From<ApiError> for BookingError {
    fn from(error: ApiError) -> Self {
        BookingError::Api(error)
    }
}

/// `GET {api_base}/coordinator/slots`: every free slot from now to the end of the booking
/// horizon, earliest first.
pub fn coordinator_slots(
    api_base: &str,
) -> impl Future<Output = Result<CallSlots, ApiError>> + use<> {
    get_json(api_url(api_base, "/coordinator/slots"))
}

/// `POST {api_base}/calls` with `key` as `Idempotency-Key`; retried with the same key after
/// network failures and server errors, and while an earlier send of it is still being handled.
pub fn book_call(
    api_base: &str,
    request: &CallRequest,
    key: &IdempotencyKey,
) -> impl Future<Output = Result<CallConfirmation, BookingError>> + use<> {
    let url = api_url(api_base, "/calls");
    let request = request.clone();
    let key = key.clone();
    async move {
        let reply = settle_idempotent_write(|| {
            send_json_write_reply(
                Method::POST,
                url.clone(),
                &request,
                &key,
                RequestOptions::default(),
            )
        })
        .await?;
        booking_reply(reply)
    }
}

/// `GET {api_base}/calls/{reference}` with the manage token; the same 404 problem for an
/// unknown reference and a wrong token.
pub fn call(
    api_base: &str,
    reference: &str,
    token: &str,
) -> impl Future<Output = Result<CallView, ApiError>> + use<> {
    get_json_with(call_url(api_base, reference), bearer(token))
}

/// `POST {api_base}/calls/{reference}/reschedule` with the manage token and `key` as
/// `Idempotency-Key`: moves the call to `slot`.
pub fn reschedule_call(
    api_base: &str,
    reference: &str,
    token: &str,
    slot: CallSlot,
    key: &IdempotencyKey,
) -> impl Future<Output = Result<CallView, BookingError>> + use<> {
    let url = format!("{}/reschedule", call_url(api_base, reference));
    let request = RescheduleRequest {
        slot_start: slot.start,
    };
    let options = bearer(token);
    let key = key.clone();
    async move {
        let reply = settle_idempotent_write(|| {
            send_json_write_reply(Method::POST, url.clone(), &request, &key, options.clone())
        })
        .await?;
        booking_reply(reply)
    }
}

/// `DELETE {api_base}/calls/{reference}` with the manage token; repeating it is harmless.
pub fn cancel_call(
    api_base: &str,
    reference: &str,
    token: &str,
) -> impl Future<Output = Result<(), ApiError>> + use<> {
    send_json_write(
        Method::DELETE,
        call_url(api_base, reference),
        &(),
        None,
        bearer(token),
    )
}

/// `POST {api_base}/availability-requests` with `key` as `Idempotency-Key`: "none of these
/// times work for me".
pub fn request_other_times(
    api_base: &str,
    request: &AvailabilityRequest,
    key: &IdempotencyKey,
) -> impl Future<Output = Result<AvailabilityReceipt, ApiError>> + use<> {
    let url = api_url(api_base, "/availability-requests");
    let request = request.clone();
    let key = key.clone();
    async move {
        let reply = settle_idempotent_write(|| {
            send_json_write_reply(
                Method::POST,
                url.clone(),
                &request,
                &key,
                RequestOptions::default(),
            )
        })
        .await?;
        decode_reply(reply)
    }
}

/// A booking's or a reschedule's reply: the value, the nearest slots of a 409 slot-taken, or
/// the problem.
fn booking_reply<T: serde::de::DeserializeOwned>(reply: Reply) -> Result<T, BookingError> {
    if reply.status == 409
        && let Ok(taken) = serde_json::from_str::<SlotTakenProblem>(&reply.body)
        && taken.problem.kind == SLOT_TAKEN_PROBLEM_TYPE
    {
        return Err(BookingError::SlotTaken(taken.nearest));
    }
    decode_reply(reply).map_err(BookingError::Api)
}

fn call_url(api_base: &str, reference: &str) -> String {
    api_url(api_base, &format!("/calls/{}", path_segment(reference)))
}

fn bearer(token: &str) -> RequestOptions {
    RequestOptions {
        bearer: Some(token.to_owned()),
        ..RequestOptions::default()
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};
    use frontdoor_contract::{CallStatus, ContactMethod, problem::PROBLEM_JSON};

    use super::*;

    fn reply(status: u16, body: &str) -> Reply {
        Reply {
            status,
            content_type: PROBLEM_JSON.to_owned(),
            retry_after: None,
            body: body.to_owned(),
        }
    }

    fn slot(h: u32) -> CallSlot {
        let start = Utc.with_ymd_and_hms(2026, 12, 2, h, 0, 0).unwrap();
        CallSlot {
            start,
            end: start + Duration::minutes(30),
        }
    }

    #[test]
    fn a_slot_taken_reply_gives_the_nearest_slots() {
        let body = serde_json::to_string(&SlotTakenProblem::new(vec![slot(14), slot(15)]))
            .expect("serialise");
        let outcome = booking_reply::<CallView>(reply(409, &body));
        assert_eq!(
            outcome,
            Err(BookingError::SlotTaken(vec![slot(14), slot(15)]))
        );
    }

    #[test]
    fn another_conflict_stays_a_problem() {
        let body = r#"{"type":"urn:frontdoor:problem:call-cancelled","title":"This call was cancelled","status":409}"#;
        let Err(BookingError::Api(error)) = booking_reply::<CallView>(reply(409, body)) else {
            panic!("a problem");
        };
        assert_eq!(error.status(), Some(409));
    }

    #[test]
    fn a_success_decodes() {
        let view = CallView {
            reference: "FC-7KQ3-M9XA".into(),
            start: slot(14).start,
            end: slot(14).end,
            contact_method: ContactMethod::Phone,
            status: CallStatus::Booked,
        };
        let body = serde_json::to_string(&view).expect("serialise");
        let ok = Reply {
            content_type: "application/json".into(),
            ..reply(200, &body)
        };
        assert_eq!(booking_reply::<CallView>(ok), Ok(view));
    }
}
