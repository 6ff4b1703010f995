//! `Idempotency-Key` on `POST /reservations`, as a browser that retries meets it: a repeated
//! request never books twice and always hears the first answer.

#[path = "support/server.rs"]
mod support;

#[path = "support/groups.rs"]
mod groups_support;

use std::sync::Arc;
use std::time::Duration;

use frontdoor_contract::groups::GROUP_FULL_PROBLEM_TYPE;
use frontdoor_contract::problem::{
    IDEMPOTENCY_KEY_IN_USE_PROBLEM_TYPE, IDEMPOTENCY_KEY_INVALID_PROBLEM_TYPE,
    IDEMPOTENCY_KEY_MISSING_PROBLEM_TYPE, IDEMPOTENCY_KEY_REUSED_PROBLEM_TYPE, PROBLEM_JSON,
};
use frontdoor_contract::{ReservationConfirmation, ReservationRequest};
use frontdoor_server::idempotency::{self, Claim, IdempotencyKey, fingerprint};
use frontdoor_server::reservations::store::RESERVATION_SCOPE;
use groups_support::{GroupServer, definition, fresh_key, post, reservation_body};
use serde_json::{Value, json};
use support::header;

fn catalogue() -> Vec<frontdoor_contract::GroupDefinition> {
    vec![
        definition("roomy", "Calm", 10, 0),
        definition("last-seat", "Calm", 10, 9),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_simultaneous_replays_of_one_key_make_one_reservation_and_one_answer() {
    let app = GroupServer::with_groups(catalogue(), 0).await;
    let group = app.group("roomy").await;
    let body = reservation_body(&group, "sam@example.org");
    let key = fresh_key();
    let url = app.api("/reservations");
    let gate = Arc::new(tokio::sync::Barrier::new(20));
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let (client, url, key, body) = (
                app.server.client.clone(),
                url.clone(),
                key.clone(),
                body.clone(),
            );
            let gate = Arc::clone(&gate);
            tokio::spawn(async move {
                gate.wait().await;
                // A browser retries "still in progress" after a moment, with the same key.
                for _ in 0..200 {
                    let response = post(&client, &url, Some(&key), &body).await;
                    let status = response.status().as_u16();
                    let location = header(&response, "location");
                    let reply: Value = response.json().await.expect("JSON");
                    if status == 409 {
                        assert_eq!(reply["type"], IDEMPOTENCY_KEY_IN_USE_PROBLEM_TYPE);
                        tokio::time::sleep(Duration::from_millis(10)).await;
                        continue;
                    }
                    return (status, location, reply);
                }
                panic!("still in flight after 200 tries");
            })
        })
        .collect();
    let mut replies = Vec::new();
    for task in tasks {
        replies.push(task.await.expect("task"));
    }
    let first = replies[0].clone();
    assert_eq!(first.0, 201);
    let confirmation: ReservationConfirmation =
        serde_json::from_value(first.2.clone()).expect("confirmation");
    assert_eq!(
        first.1,
        format!("/api/v1/reservations/{}", confirmation.reference)
    );
    for reply in &replies {
        assert_eq!(reply, &first, "every reply is the first reply");
    }
    assert_eq!(app.live_reservations("roomy"), 1);
    assert_eq!(app.group("roomy").await.seats_left, 9);

    // The replayed token really is the reservation's manage token.
    let view = app
        .view(&confirmation.reference, Some(&confirmation.manage_token))
        .await;
    assert_eq!(view.status(), 200);
}

#[tokio::test]
async fn the_same_key_with_other_details_is_refused_and_books_nothing() {
    let app = GroupServer::with_groups(catalogue(), 0).await;
    let group = app.group("roomy").await;
    let key = fresh_key();
    let first = app
        .reserve(Some(&key), &reservation_body(&group, "sam@example.org"))
        .await;
    assert_eq!(first.status(), 201);

    let other = app
        .reserve(
            Some(&key),
            &reservation_body(&group, "someone.else@example.org"),
        )
        .await;
    assert_eq!(other.status(), 422);
    assert_eq!(header(&other, "content-type"), PROBLEM_JSON);
    let problem: Value = other.json().await.expect("problem");
    assert_eq!(problem["type"], IDEMPOTENCY_KEY_REUSED_PROBLEM_TYPE);
    assert_eq!(app.live_reservations("roomy"), 1);

    // Whitespace and member order do not make a request "other".
    let mut reordered = serde_json::Map::new();
    let original = reservation_body(&group, "sam@example.org");
    for field in ["time_zone", "email", "name", "first_session", "group_id"] {
        reordered.insert(field.to_owned(), original[field].clone());
    }
    let again = app.reserve(Some(&key), &Value::Object(reordered)).await;
    assert_eq!(again.status(), 201);
    assert_eq!(app.live_reservations("roomy"), 1);
}

#[tokio::test]
async fn a_request_still_in_flight_is_answered_409_until_it_finishes() {
    let app = GroupServer::with_groups(catalogue(), 0).await;
    let group = app.group("roomy").await;
    let body = reservation_body(&group, "sam@example.org");
    let key = fresh_key();

    // Another server process sharing the database has claimed the key and is still working:
    // exactly the state a concurrent first request leaves between its two transactions.
    let request = ReservationRequest {
        group_id: group.id.clone(),
        first_session: group.next_sessions[0],
        name: "Sam Rivera".into(),
        email: "sam@example.org".into(),
        phone: None,
        time_zone: "America/Denver".into(),
        for_someone_else: None,
    };
    let storage = app.storage();
    let mut conn = storage.connect().expect("connect");
    let parsed = IdempotencyKey::parse(&key).expect("key");
    let ticket = match idempotency::claim_now(
        &mut conn,
        RESERVATION_SCOPE,
        &parsed,
        &fingerprint(&request),
        groups_support::now(),
    )
    .expect("claim")
    {
        Claim::Proceed(ticket) => ticket,
        other => panic!("expected a fresh claim, got {other:?}"),
    };

    let busy = app.reserve(Some(&key), &body).await;
    assert_eq!(busy.status(), 409);
    let problem: Value = busy.json().await.expect("problem");
    assert_eq!(problem["type"], IDEMPOTENCY_KEY_IN_USE_PROBLEM_TYPE);
    // A different body with the key is still "another request", in flight or not.
    let other = app
        .reserve(Some(&key), &reservation_body(&group, "other@example.org"))
        .await;
    assert_eq!(other.status(), 422);
    assert_eq!(app.live_reservations("roomy"), 0);

    // The first request gave up without booking: the key is free again.
    idempotency::release_now(&mut conn, &ticket).expect("release");
    let retried = app.reserve(Some(&key), &body).await;
    assert_eq!(retried.status(), 201);
    assert_eq!(app.live_reservations("roomy"), 1);
}

#[tokio::test]
async fn a_reservation_without_a_usable_key_is_a_400_problem() {
    let app = GroupServer::with_groups(catalogue(), 0).await;
    let group = app.group("roomy").await;
    let body = reservation_body(&group, "sam@example.org");

    let missing = app.reserve(None, &body).await;
    assert_eq!(missing.status(), 400);
    assert_eq!(header(&missing, "content-type"), PROBLEM_JSON);
    let problem: Value = missing.json().await.expect("problem");
    assert_eq!(problem["type"], IDEMPOTENCY_KEY_MISSING_PROBLEM_TYPE);

    let long = app.reserve(Some(&"k".repeat(256)), &body).await;
    assert_eq!(long.status(), 400);
    let problem: Value = long.json().await.expect("problem");
    assert_eq!(problem["type"], IDEMPOTENCY_KEY_INVALID_PROBLEM_TYPE);

    assert_eq!(app.live_reservations("roomy"), 0);
    assert_eq!(app.group("roomy").await.seats_left, 10);
}

#[tokio::test]
async fn a_full_group_frees_the_key_for_the_alternative_the_person_picks() {
    let app = GroupServer::with_groups(catalogue(), 0).await;
    let last = app.group("last-seat").await;
    let taken = app
        .reserve(
            Some(&fresh_key()),
            &reservation_body(&last, "first@example.org"),
        )
        .await;
    assert_eq!(taken.status(), 201);

    let key = fresh_key();
    let body = reservation_body(&last, "sam@example.org");
    let full = app.reserve(Some(&key), &body).await;
    assert_eq!(full.status(), 409);
    let problem: Value = full.json().await.expect("problem");
    assert_eq!(problem["type"], GROUP_FULL_PROBLEM_TYPE);
    assert_eq!(problem["alternatives"][0]["id"], "roomy");

    // The same submission again is still "full", not a stale replay of anything.
    assert_eq!(app.reserve(Some(&key), &body).await.status(), 409);

    // The person picks the alternative; the SPA keeps its key and details.
    let roomy = app.group("roomy").await;
    let moved = json!({
        "group_id": "roomy",
        "first_session": roomy.next_sessions[0],
        "name": "Sam Rivera",
        "email": "sam@example.org",
        "time_zone": "America/Denver"
    });
    let booked = app.reserve(Some(&key), &moved).await;
    assert_eq!(booked.status(), 201);
    let replay = app.reserve(Some(&key), &moved).await;
    assert_eq!(replay.status(), 201);
    assert_eq!(app.live_reservations("roomy"), 1);
}
