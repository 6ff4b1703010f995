//! Managing a booked call with its manage link: view, reschedule and cancel, and the rules the
//! manage token enforces.

#[path = "support/server.rs"]
mod support;

#[path = "support/calls.rs"]
mod calls_support;

use calls_support::{CallServer, fresh_key, monday_morning, new_york, starts, wall};
use chrono::Duration;
use frontdoor_contract::calls::SLOT_TAKEN_PROBLEM_TYPE;
use frontdoor_contract::problem::PROBLEM_JSON;
use frontdoor_contract::{CallStatus, CallView};
use serde_json::{Value, json};
use support::header;

fn tuesday(h: u32, m: u32) -> chrono::DateTime<chrono::Utc> {
    new_york(2026, 12, 8, h, m)
}

/// Status, content type and body of a reply, to compare replies byte for byte.
async fn reply_parts(response: reqwest::Response) -> (u16, String, String) {
    let status = response.status().as_u16();
    let content_type = header(&response, "content-type");
    (status, content_type, response.text().await.expect("body"))
}

async fn view(calls: &CallServer, reference: &str, token: &str) -> CallView {
    let response = calls.view(reference, Some(token)).await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("view")
}

#[tokio::test]
async fn the_manage_view_shows_the_call_but_never_its_token() {
    let calls = CallServer::start_at(monday_morning()).await;
    let booked = calls.book(tuesday(9, 40)).await;
    let response = calls
        .view(&booked.reference, Some(&booked.manage_token))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "cache-control"), "no-store");
    let body: Value = response.json().await.expect("json");
    assert_eq!(
        body,
        json!({
            "reference": booked.reference,
            "start": booked.start,
            "end": booked.end,
            "contact_method": "video",
            "status": "booked",
        })
    );
}

#[tokio::test]
async fn unknown_references_and_wrong_or_missing_tokens_all_get_the_same_404() {
    let calls = CallServer::start_at(monday_morning()).await;
    let mine = calls.book(tuesday(9, 0)).await;
    let theirs = calls.book(tuesday(9, 40)).await;
    let wrong_token = "A".repeat(43);
    let attempts: [(&str, Option<&str>); 6] = [
        (&mine.reference, None),
        (&mine.reference, Some(&wrong_token)),
        (&mine.reference, Some(&theirs.manage_token)),
        ("FC-2222-3333", Some(&mine.manage_token)),
        ("not-a-reference", Some(&mine.manage_token)),
        (&mine.reference, Some(&mine.manage_token[..42])),
    ];
    let mut replies = Vec::new();
    for (reference, token) in attempts {
        replies.push(reply_parts(calls.view(reference, token).await).await);
        replies.push(reply_parts(calls.cancel(reference, token).await).await);
        replies.push(
            reply_parts(
                calls
                    .reschedule(reference, token, Some(&fresh_key()), tuesday(13, 0))
                    .await,
            )
            .await,
        );
    }
    let first = replies[0].clone();
    assert_eq!(first.0, 404);
    assert_eq!(first.1, PROBLEM_JSON);
    for reply in &replies {
        assert_eq!(reply, &first, "every refusal looks the same");
    }
    // A wrong bearer token with `Basic` credentials is no better.
    let basic = calls
        .server
        .client
        .get(calls.api(&format!("/calls/{}", mine.reference)))
        .header("authorization", format!("Basic {}", mine.manage_token))
        .send()
        .await
        .expect("GET");
    assert_eq!(reply_parts(basic).await, first);

    // Nothing above touched either call.
    assert_eq!(
        view(&calls, &mine.reference, &mine.manage_token)
            .await
            .start,
        tuesday(9, 0)
    );
    assert_eq!(
        view(&calls, &theirs.reference, &theirs.manage_token)
            .await
            .status,
        CallStatus::Booked
    );
}

#[tokio::test]
async fn cancelling_frees_the_slot_at_once_and_forgets_the_note_and_summary() {
    let calls = CallServer::start_at(monday_morning()).await;
    let body = json!({
        "slot_start": tuesday(10, 20),
        "name": "Sam",
        "email": "sam@example.com",
        "time_zone": "America/New_York",
        "contact_method": "video",
        "note": "Mornings are easier",
        "self_check_summary": {
            "question_set_version": "2026.11",
            "level_of_care": "iop",
            "lines": ["Moderate anxiety symptoms"],
            "topics": ["Anxiety"]
        }
    });
    let response = calls.post_call(Some(&fresh_key()), &body).await;
    assert_eq!(response.status(), 201);
    let booked: frontdoor_contract::CallConfirmation = response.json().await.expect("json");

    let cancelled = calls
        .cancel(&booked.reference, Some(&booked.manage_token))
        .await;
    assert_eq!(cancelled.status(), 204);
    assert!(starts(&calls.slots("").await).contains(&tuesday(10, 20)));
    assert_eq!(
        view(&calls, &booked.reference, &booked.manage_token)
            .await
            .status,
        CallStatus::Cancelled
    );
    let (note, summary): (Option<String>, Option<String>) = calls
        .database()
        .query_row(
            "SELECT note, self_check_summary FROM calls WHERE reference = ?1",
            [&booked.reference],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .expect("row");
    assert_eq!((note, summary), (None, None));

    // Cancelling twice is fine; someone else can have the slot now.
    let again = calls
        .cancel(&booked.reference, Some(&booked.manage_token))
        .await;
    assert_eq!(again.status(), 204);
    calls.book(tuesday(10, 20)).await;
}

#[tokio::test]
async fn rescheduling_moves_the_call_and_frees_its_old_time() {
    let calls = CallServer::start_at(monday_morning()).await;
    let booked = calls.book(tuesday(9, 0)).await;
    let key = fresh_key();
    let response = calls
        .reschedule(
            &booked.reference,
            Some(&booked.manage_token),
            Some(&key),
            tuesday(13, 40),
        )
        .await;
    assert_eq!(response.status(), 200);
    let moved: CallView = response.json().await.expect("view");
    assert_eq!(moved.start, tuesday(13, 40));
    assert_eq!(wall(moved.end), "2026-12-08 14:10");
    assert_eq!(moved.status, CallStatus::Booked);
    assert_eq!(moved.reference, booked.reference);

    let free = starts(&calls.slots("").await);
    assert!(free.contains(&tuesday(9, 0)), "the old time is free again");
    assert!(!free.contains(&tuesday(13, 40)), "the new time is taken");
    assert_eq!(
        view(&calls, &booked.reference, &booked.manage_token).await,
        moved
    );
    // The manage token stays the same.
    let replay = calls
        .reschedule(
            &booked.reference,
            Some(&booked.manage_token),
            Some(&key),
            tuesday(13, 40),
        )
        .await;
    assert_eq!(replay.status(), 200);
    assert_eq!(replay.json::<CallView>().await.expect("view"), moved);
    let reused = calls
        .reschedule(
            &booked.reference,
            Some(&booked.manage_token),
            Some(&key),
            tuesday(15, 0),
        )
        .await;
    assert_eq!(reused.status(), 422);
    assert_eq!(
        view(&calls, &booked.reference, &booked.manage_token)
            .await
            .start,
        tuesday(13, 40)
    );
}

#[tokio::test]
async fn rescheduling_onto_a_taken_time_keeps_the_old_one_and_offers_the_nearest() {
    let calls = CallServer::start_at(monday_morning()).await;
    let mine = calls.book(tuesday(9, 0)).await;
    calls.book(tuesday(13, 40)).await;
    let response = calls
        .reschedule(
            &mine.reference,
            Some(&mine.manage_token),
            Some(&fresh_key()),
            tuesday(13, 40),
        )
        .await;
    assert_eq!(response.status(), 409);
    assert_eq!(header(&response, "content-type"), PROBLEM_JSON);
    let problem: Value = response.json().await.expect("problem");
    assert_eq!(problem["type"], SLOT_TAKEN_PROBLEM_TYPE);
    let nearest: Vec<frontdoor_contract::CallSlot> =
        serde_json::from_value(problem["nearest"].clone()).expect("nearest");
    let walls: Vec<String> = nearest.iter().map(|s| wall(s.start)).collect();
    assert_eq!(
        walls,
        ["2026-12-08 13:00", "2026-12-08 14:20", "2026-12-08 15:00"]
    );
    assert_eq!(
        view(&calls, &mine.reference, &mine.manage_token)
            .await
            .start,
        tuesday(9, 0)
    );
}

#[tokio::test]
async fn rescheduling_needs_an_idempotency_key() {
    let calls = CallServer::start_at(monday_morning()).await;
    let booked = calls.book(tuesday(9, 0)).await;
    let response = calls
        .reschedule(
            &booked.reference,
            Some(&booked.manage_token),
            None,
            tuesday(13, 0),
        )
        .await;
    assert_eq!(response.status(), 400);
    assert_eq!(header(&response, "content-type"), PROBLEM_JSON);
    assert_eq!(
        view(&calls, &booked.reference, &booked.manage_token)
            .await
            .start,
        tuesday(9, 0)
    );
}

#[tokio::test]
async fn rescheduling_to_a_time_that_cannot_be_booked_is_a_field_error() {
    let calls = CallServer::start_at(monday_morning()).await;
    let booked = calls.book(tuesday(9, 0)).await;
    for target in [
        tuesday(9, 10),
        new_york(2026, 12, 7, 9, 0),
        new_york(2026, 12, 28, 9, 0),
    ] {
        let response = calls
            .reschedule(
                &booked.reference,
                Some(&booked.manage_token),
                Some(&fresh_key()),
                target,
            )
            .await;
        assert_eq!(response.status(), 422, "{}", wall(target));
        let problem: Value = response.json().await.expect("problem");
        assert_eq!(problem["errors"][0]["field"], "slot_start");
    }
}

#[tokio::test]
async fn rescheduling_to_its_own_time_changes_nothing() {
    let calls = CallServer::start_at(monday_morning()).await;
    let booked = calls.book(tuesday(9, 0)).await;
    let response = calls
        .reschedule(
            &booked.reference,
            Some(&booked.manage_token),
            Some(&fresh_key()),
            tuesday(9, 0),
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.json::<CallView>().await.expect("view").start,
        tuesday(9, 0)
    );
}

#[tokio::test]
async fn a_cancelled_call_cannot_be_rescheduled() {
    let calls = CallServer::start_at(monday_morning()).await;
    let booked = calls.book(tuesday(9, 0)).await;
    calls
        .cancel(&booked.reference, Some(&booked.manage_token))
        .await;
    let response = calls
        .reschedule(
            &booked.reference,
            Some(&booked.manage_token),
            Some(&fresh_key()),
            tuesday(13, 0),
        )
        .await;
    assert_eq!(response.status(), 409);
    let problem: Value = response.json().await.expect("problem");
    assert_eq!(problem["type"], "urn:frontdoor:problem:call-cancelled");
    assert!(starts(&calls.slots("").await).contains(&tuesday(13, 0)));
}

#[tokio::test]
async fn once_the_call_has_begun_it_can_be_seen_but_not_changed() {
    let calls = CallServer::start_at(monday_morning()).await;
    let booked = calls.book(new_york(2026, 12, 7, 13, 0)).await;
    calls.advance(Duration::hours(6));
    let cancel = calls
        .cancel(&booked.reference, Some(&booked.manage_token))
        .await;
    assert_eq!(cancel.status(), 409);
    let problem: Value = cancel.json().await.expect("problem");
    assert_eq!(problem["type"], "urn:frontdoor:problem:call-started");
    let move_it = calls
        .reschedule(
            &booked.reference,
            Some(&booked.manage_token),
            Some(&fresh_key()),
            tuesday(13, 0),
        )
        .await;
    assert_eq!(move_it.status(), 409);
    assert_eq!(
        view(&calls, &booked.reference, &booked.manage_token)
            .await
            .status,
        CallStatus::Booked
    );
}
