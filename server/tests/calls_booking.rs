//! Booking a coordinator call (`POST /calls`) and asking for other times
//! (`POST /availability-requests`), as a person's browser meets them.

#[path = "support/server.rs"]
mod support;

#[path = "support/calls.rs"]
mod calls_support;

use calls_support::{CallServer, booking, fresh_key, monday_morning, new_york, starts, wall};
use frontdoor_contract::calls::SLOT_TAKEN_PROBLEM_TYPE;
use frontdoor_contract::problem::PROBLEM_JSON;
use frontdoor_contract::{CallConfirmation, CallStatus, CallView, ContactMethod};
use frontdoor_server::manage_token::is_reference;
use serde_json::{Value, json};
use support::header;

/// Tuesday 8 December 2026, 10:20 in New York.
fn tuesday_1020() -> chrono::DateTime<chrono::Utc> {
    new_york(2026, 12, 8, 10, 20)
}

/// The `field` of every error in a 422 problem.
async fn error_fields(response: reqwest::Response) -> Vec<String> {
    assert_eq!(response.status(), 422);
    assert_eq!(header(&response, "content-type"), PROBLEM_JSON);
    let problem: Value = response.json().await.expect("problem");
    problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["field"].as_str().expect("field").to_owned())
        .collect()
}

fn count_calls(calls: &CallServer) -> i64 {
    calls
        .database()
        .query_row("SELECT COUNT(*) FROM calls", [], |row| row.get(0))
        .expect("count")
}

#[tokio::test]
async fn a_booking_is_confirmed_with_a_reference_a_manage_token_and_its_time() {
    let calls = CallServer::start_at(monday_morning()).await;
    let response = calls
        .post_call(Some(&fresh_key()), &booking(tuesday_1020()))
        .await;
    assert_eq!(response.status(), 201);
    assert_eq!(header(&response, "content-type"), "application/json");
    let location = header(&response, "location");
    let confirmation: CallConfirmation = response.json().await.expect("confirmation");
    assert!(
        is_reference(&confirmation.reference, "FC"),
        "{confirmation:?}"
    );
    assert_eq!(
        location,
        format!("/api/v1/calls/{}", confirmation.reference)
    );
    assert_eq!(confirmation.start, tuesday_1020());
    assert_eq!(wall(confirmation.end), "2026-12-08 10:50");
    assert_eq!(confirmation.contact_method, ContactMethod::Video);
    assert_eq!(confirmation.manage_token.len(), 43, "256 random bits");

    let view = calls
        .view(&confirmation.reference, Some(&confirmation.manage_token))
        .await;
    assert_eq!(view.status(), 200);
    let view: CallView = view.json().await.expect("view");
    assert_eq!(view.status, CallStatus::Booked);
    assert_eq!(view.start, tuesday_1020());
}

#[tokio::test]
async fn a_booking_without_an_idempotency_key_is_refused_and_books_nothing() {
    let calls = CallServer::start_at(monday_morning()).await;
    let response = calls.post_call(None, &booking(tuesday_1020())).await;
    assert_eq!(response.status(), 400);
    assert_eq!(header(&response, "content-type"), PROBLEM_JSON);
    let problem: Value = response.json().await.expect("problem");
    assert_eq!(
        problem["type"],
        "urn:frontdoor:problem:idempotency-key-missing"
    );
    assert!(starts(&calls.slots("").await).contains(&tuesday_1020()));
    assert_eq!(count_calls(&calls), 0);
}

#[tokio::test]
async fn a_retry_with_the_same_key_gets_the_first_reply_and_books_once() {
    let calls = CallServer::start_at(monday_morning()).await;
    let key = fresh_key();
    let body = booking(tuesday_1020());
    let first = calls.post_call(Some(&key), &body).await;
    assert_eq!(first.status(), 201);
    let first_location = header(&first, "location");
    let first: Value = first.json().await.expect("json");

    // The same request again, with its members in another order.
    let reordered: Value = serde_json::from_str(&format!(
        r#"{{"contact_method":"video","time_zone":"America/Chicago","email":"sam@example.com",
            "name":"Sam","slot_start":{}}}"#,
        serde_json::to_string(&tuesday_1020()).expect("json")
    ))
    .expect("json");
    let again = calls.post_call(Some(&key), &reordered).await;
    assert_eq!(again.status(), 201);
    assert_eq!(header(&again, "location"), first_location);
    let again: Value = again.json().await.expect("json");
    assert_eq!(again, first, "same reference, same manage token");
    assert_eq!(count_calls(&calls), 1);

    let token = again["manage_token"].as_str().expect("token");
    let reference = again["reference"].as_str().expect("reference");
    assert_eq!(calls.view(reference, Some(token)).await.status(), 200);
}

#[tokio::test]
async fn the_same_key_for_another_booking_is_refused() {
    let calls = CallServer::start_at(monday_morning()).await;
    let key = fresh_key();
    assert_eq!(
        calls
            .post_call(Some(&key), &booking(tuesday_1020()))
            .await
            .status(),
        201
    );
    let other = booking(new_york(2026, 12, 8, 11, 0));
    let response = calls.post_call(Some(&key), &other).await;
    assert_eq!(response.status(), 422);
    let problem: Value = response.json().await.expect("problem");
    assert_eq!(
        problem["type"],
        "urn:frontdoor:problem:idempotency-key-reused"
    );
    assert_eq!(count_calls(&calls), 1);
}

#[tokio::test]
async fn every_invalid_field_is_named_at_once() {
    let calls = CallServer::start_at(monday_morning()).await;
    let body = json!({
        "slot_start": tuesday_1020(),
        "name": "  ",
        "email": "sam@",
        "time_zone": "",
        "contact_method": "phone",
        "note": "x".repeat(1001),
    });
    let fields = error_fields(calls.post_call(Some(&fresh_key()), &body).await).await;
    assert_eq!(fields, ["name", "email", "phone", "time_zone", "note"]);
    assert_eq!(count_calls(&calls), 0);
}

#[tokio::test]
async fn a_time_zone_must_really_exist() {
    let calls = CallServer::start_at(monday_morning()).await;
    let mut body = booking(tuesday_1020());
    body["time_zone"] = json!("Mars/Olympus_Mons");
    let fields = error_fields(calls.post_call(Some(&fresh_key()), &body).await).await;
    assert_eq!(fields, ["time_zone"]);
    body["time_zone"] = json!("Australia/Sydney");
    assert_eq!(
        calls.post_call(Some(&fresh_key()), &body).await.status(),
        201
    );
}

#[tokio::test]
async fn a_time_that_cannot_be_booked_is_a_slot_start_error() {
    let calls = CallServer::start_at(monday_morning()).await;
    let cases = [
        (
            new_york(2026, 12, 8, 9, 10),
            "not one of the coordinator's call times",
        ),
        (
            new_york(2026, 12, 13, 10, 0),
            "not one of the coordinator's call times",
        ),
        (
            new_york(2026, 12, 24, 9, 0),
            "not one of the coordinator's call times",
        ),
        (new_york(2026, 12, 7, 9, 0), "too soon"),
        (new_york(2026, 12, 28, 9, 0), "too far ahead"),
    ];
    for (start, words) in cases {
        let response = calls.post_call(Some(&fresh_key()), &booking(start)).await;
        assert_eq!(response.status(), 422, "{}", wall(start));
        let problem: Value = response.json().await.expect("problem");
        assert_eq!(
            problem["errors"][0]["field"],
            "slot_start",
            "{}",
            wall(start)
        );
        let message = problem["errors"][0]["message"].as_str().expect("message");
        assert!(message.contains(words), "{}: {message}", wall(start));
    }
    // A too-soon time is named together with other mistakes.
    let mut both = booking(new_york(2026, 12, 7, 9, 0));
    both["name"] = json!("");
    let fields = error_fields(calls.post_call(Some(&fresh_key()), &both).await).await;
    assert_eq!(fields, ["name", "slot_start"]);
    assert_eq!(count_calls(&calls), 0);
}

#[tokio::test]
async fn members_the_contract_does_not_know_are_refused() {
    let calls = CallServer::start_at(monday_morning()).await;
    let mut body = booking(tuesday_1020());
    body["answers"] = json!({"phq9_item9": 2});
    let response = calls.post_call(Some(&fresh_key()), &body).await;
    assert_eq!(response.status(), 422);
    assert_eq!(header(&response, "content-type"), PROBLEM_JSON);
    assert_eq!(count_calls(&calls), 0);
}

#[tokio::test]
async fn a_slot_taken_meanwhile_offers_the_three_nearest_free_times() {
    let calls = CallServer::start_at(monday_morning()).await;
    calls.book(tuesday_1020()).await;
    calls.book(new_york(2026, 12, 8, 11, 0)).await;

    let response = calls
        .post_call(Some(&fresh_key()), &booking(tuesday_1020()))
        .await;
    assert_eq!(response.status(), 409);
    assert_eq!(header(&response, "content-type"), PROBLEM_JSON);
    let problem: Value = response.json().await.expect("problem");
    assert_eq!(problem["type"], SLOT_TAKEN_PROBLEM_TYPE);
    assert_eq!(problem["status"], 409);
    let nearest: Vec<frontdoor_contract::CallSlot> =
        serde_json::from_value(problem["nearest"].clone()).expect("nearest");
    let walls: Vec<String> = nearest.iter().map(|s| wall(s.start)).collect();
    assert_eq!(
        walls,
        ["2026-12-08 09:00", "2026-12-08 09:40", "2026-12-08 13:00"],
        "11:00 is taken too"
    );
    // One of them can be booked straight away.
    calls.book(nearest[1].start).await;
    assert_eq!(count_calls(&calls), 3);
}

#[tokio::test]
async fn a_phone_call_needs_a_phone_number_and_keeps_the_method() {
    let calls = CallServer::start_at(monday_morning()).await;
    let body = json!({
        "slot_start": tuesday_1020(),
        "name": "Alex",
        "phone": "+1 555 123 4567",
        "time_zone": "America/New_York",
        "contact_method": "phone"
    });
    let response = calls.post_call(Some(&fresh_key()), &body).await;
    assert_eq!(response.status(), 201);
    let confirmation: CallConfirmation = response.json().await.expect("json");
    assert_eq!(confirmation.contact_method, ContactMethod::Phone);
}

#[tokio::test]
async fn bookings_count_towards_the_post_rate_limit() {
    let calls = CallServer::start_with(monday_morning(), 2).await;
    calls.book(new_york(2026, 12, 8, 9, 0)).await;
    calls.book(new_york(2026, 12, 8, 9, 40)).await;
    let refused = calls
        .post_call(Some(&fresh_key()), &booking(tuesday_1020()))
        .await;
    assert_eq!(refused.status(), 429);
    assert!(!header(&refused, "retry-after").is_empty());
    assert_eq!(count_calls(&calls), 2);
}

fn availability_request() -> Value {
    json!({
        "name": "Sam",
        "phone": "555 123 4567",
        "time_zone": "Australia/Sydney",
        "preferred_times": "Weekday evenings after 6pm my time"
    })
}

async fn post_availability(
    calls: &CallServer,
    key: Option<&str>,
    body: &Value,
) -> reqwest::Response {
    let mut request = calls
        .server
        .client
        .post(calls.api("/availability-requests"))
        .json(body);
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    request.send().await.expect("POST availability request")
}

fn count_availability_requests(calls: &CallServer) -> i64 {
    calls
        .database()
        .query_row("SELECT COUNT(*) FROM availability_requests", [], |row| {
            row.get(0)
        })
        .expect("count")
}

#[tokio::test]
async fn none_of_these_times_is_recorded_with_a_reference() {
    let calls = CallServer::start_at(monday_morning()).await;
    let response = post_availability(&calls, None, &availability_request()).await;
    assert_eq!(response.status(), 201);
    let receipt: frontdoor_contract::AvailabilityReceipt = response.json().await.expect("receipt");
    assert!(is_reference(&receipt.reference, "FA"), "{receipt:?}");
    let (zone, preferred): (String, String) = calls
        .database()
        .query_row(
            "SELECT time_zone, preferred_times FROM availability_requests",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .expect("row");
    assert_eq!(zone, "Australia/Sydney");
    assert_eq!(preferred, "Weekday evenings after 6pm my time");
}

#[tokio::test]
async fn an_availability_request_with_a_key_is_recorded_once() {
    let calls = CallServer::start_at(monday_morning()).await;
    let key = fresh_key();
    let first = post_availability(&calls, Some(&key), &availability_request()).await;
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.expect("json");
    let again = post_availability(&calls, Some(&key), &availability_request()).await;
    assert_eq!(again.status(), 201);
    assert_eq!(again.json::<Value>().await.expect("json"), first);
    assert_eq!(count_availability_requests(&calls), 1);

    let without_key = post_availability(&calls, None, &availability_request()).await;
    assert_eq!(without_key.status(), 201);
    assert_eq!(count_availability_requests(&calls), 2);
}

#[tokio::test]
async fn an_availability_request_names_its_invalid_fields() {
    let calls = CallServer::start_at(monday_morning()).await;
    let body = json!({
        "name": "Sam",
        "time_zone": "Nowhere/Special",
        "preferred_times": " "
    });
    let fields = error_fields(post_availability(&calls, None, &body).await).await;
    assert_eq!(fields, ["email", "preferred_times", "time_zone"]);
    assert_eq!(count_availability_requests(&calls), 0);
}

#[tokio::test]
async fn the_same_contact_is_limited_whatever_address_it_comes_from() {
    let calls = CallServer::start_with(monday_morning(), 2).await;
    calls.book(new_york(2026, 12, 8, 9, 0)).await;
    calls.book(new_york(2026, 12, 8, 9, 40)).await;

    // Another client address, the same email address written differently.
    let elsewhere = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
        .build()
        .expect("client");
    let post = |body: Value| {
        elsewhere
            .post(calls.api("/calls"))
            .header("idempotency-key", fresh_key())
            .json(&body)
            .send()
    };
    let mut same_person = booking(tuesday_1020());
    same_person["email"] = json!(" SAM@example.com ");
    let refused = post(same_person).await.expect("POST");
    assert_eq!(refused.status(), 429);
    assert_eq!(header(&refused, "content-type"), PROBLEM_JSON);

    let mut someone_else = booking(tuesday_1020());
    someone_else["email"] = json!("alex@example.com");
    assert_eq!(post(someone_else).await.expect("POST").status(), 201);
    assert_eq!(count_calls(&calls), 3);
}
