//! Reserving, viewing and cancelling a seat, the waitlist, and what a person is told when
//! something is wrong: the reservation API as the SPA meets it.

#[path = "support/server.rs"]
mod support;

#[path = "support/groups.rs"]
mod groups_support;

use frontdoor_contract::groups::{GROUP_FULL_PROBLEM_TYPE, GROUP_HAS_SEATS_PROBLEM_TYPE};
use frontdoor_contract::problem::PROBLEM_JSON;
use frontdoor_contract::{GroupStatus, Reservation, ReservationConfirmation, WaitlistEntry};
use frontdoor_server::manage_token::is_reference;
use groups_support::{
    GroupServer, definition, fresh_key, reservation_body, shipped_catalogue, waitlist_body,
};
use serde_json::{Value, json};
use support::header;

async fn book(app: &GroupServer, group_id: &str, email: &str) -> ReservationConfirmation {
    let group = app.group(group_id).await;
    let response = app
        .reserve(Some(&fresh_key()), &reservation_body(&group, email))
        .await;
    assert_eq!(response.status(), 201);
    response.json().await.expect("confirmation")
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
        .map(|e| {
            assert!(!e["message"].as_str().unwrap_or_default().is_empty());
            e["field"].as_str().expect("field").to_owned()
        })
        .collect()
}

#[tokio::test]
async fn a_reservation_takes_a_seat_at_once_and_answers_with_a_manage_link() {
    let app = GroupServer::shipped().await;
    let group = app.group("dbt-skills-monday-evening").await;
    let before = group.seats_left;
    let body = json!({
        "group_id": group.id,
        "first_session": group.next_sessions[1],
        "name": "  Sam Rivera ",
        "email": "sam@example.org",
        "phone": "+1 555 010 0199",
        "time_zone": "America/Denver",
        "for_someone_else": true
    });
    let response = app.reserve(Some(&fresh_key()), &body).await;
    assert_eq!(response.status(), 201);
    assert_eq!(header(&response, "content-type"), "application/json");
    assert_eq!(header(&response, "cache-control"), "no-store");
    let location = header(&response, "location");
    let confirmation: ReservationConfirmation = response.json().await.expect("confirmation");
    assert!(
        is_reference(&confirmation.reference, "FD"),
        "{confirmation:?}"
    );
    assert_eq!(
        location,
        format!("/api/v1/reservations/{}", confirmation.reference)
    );
    assert_eq!(confirmation.manage_token.len(), 43);
    assert_eq!(confirmation.group_id, group.id);
    assert_eq!(confirmation.first_session, group.next_sessions[1]);
    assert_eq!(confirmation.sessions[0], group.next_sessions[1]);
    assert_eq!(&confirmation.sessions[..3], &group.next_sessions[1..]);

    let after = app.group(&group.id).await;
    assert_eq!(after.seats_left, before - 1);

    let view = app
        .view(&confirmation.reference, Some(&confirmation.manage_token))
        .await;
    assert_eq!(view.status(), 200);
    assert_eq!(header(&view, "cache-control"), "no-store");
    let reservation: Reservation = view.json().await.expect("reservation");
    assert_eq!(reservation.reference, confirmation.reference);
    assert_eq!(reservation.name, "Sam Rivera");
    assert_eq!(reservation.email, "sam@example.org");
    assert_eq!(reservation.phone.as_deref(), Some("+1 555 010 0199"));
    assert_eq!(reservation.time_zone, "America/Denver");
    assert!(reservation.for_someone_else);
    assert_eq!(reservation.group.id, group.id);
    assert_eq!(reservation.group.seats_left, before - 1);
    assert_eq!(reservation.created_at, groups_support::now());
}

#[tokio::test]
async fn wrong_tokens_and_unknown_references_get_the_same_404() {
    let app = GroupServer::shipped().await;
    let mine = book(&app, "cbt-everyday-tuesday", "sam@example.org").await;
    let theirs = book(&app, "cbt-everyday-tuesday", "alex@example.org").await;

    let reference_404 = |response: reqwest::Response| async move {
        assert_eq!(response.status(), 404);
        assert_eq!(header(&response, "content-type"), PROBLEM_JSON);
        response.text().await.expect("body")
    };
    let wrong_token =
        reference_404(app.view(&mine.reference, Some(&theirs.manage_token)).await).await;
    let no_token = reference_404(app.view(&mine.reference, None).await).await;
    let unknown = reference_404(app.view("FD-2345-6789", Some(&mine.manage_token)).await).await;
    let garbage = reference_404(app.view("not-a-reference", Some(&mine.manage_token)).await).await;
    assert_eq!(wrong_token, unknown);
    assert_eq!(no_token, unknown);
    assert_eq!(garbage, unknown);
    assert!(!unknown.contains(&mine.reference));

    let delete_wrong = reference_404(
        app.cancel(&mine.reference, Some(&theirs.manage_token))
            .await,
    )
    .await;
    let delete_unknown =
        reference_404(app.cancel("FD-2345-6789", Some(&mine.manage_token)).await).await;
    assert_eq!(delete_wrong, unknown);
    assert_eq!(delete_unknown, unknown);
    // Nothing was cancelled by the wrong token.
    assert_eq!(
        app.view(&mine.reference, Some(&mine.manage_token))
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn cancelling_frees_the_seat_at_once_and_a_repeat_is_harmless() {
    let app = GroupServer::shipped().await;
    let id = "grief-loss-tuesday-evening";
    let before = app.group(id).await;
    assert_eq!(before.seats_left, 1);
    let booking = book(&app, id, "sam@example.org").await;
    let full = app.group(id).await;
    assert_eq!((full.seats_left, full.status), (0, GroupStatus::Full));

    let cancelled = app
        .cancel(&booking.reference, Some(&booking.manage_token))
        .await;
    assert_eq!(cancelled.status(), 204);
    let reopened = app.group(id).await;
    assert_eq!(
        (reopened.seats_left, reopened.status),
        (1, GroupStatus::Open)
    );

    let again = app
        .cancel(&booking.reference, Some(&booking.manage_token))
        .await;
    assert_eq!(again.status(), 204);
    assert_eq!(
        app.group(id).await.seats_left,
        1,
        "a repeat frees nothing more"
    );

    let view = app
        .view(&booking.reference, Some(&booking.manage_token))
        .await;
    assert_eq!(view.status(), 404);

    // The person's details are gone from the database.
    let conn = rusqlite::Connection::open(app.database_path()).expect("db");
    let (name, email): (String, String) = conn
        .query_row(
            "SELECT name, email FROM reservations WHERE reference = ?1",
            [&booking.reference],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .expect("row");
    assert_eq!((name.as_str(), email.as_str()), ("", ""));

    // The freed seat can be taken again.
    book(&app, id, "next@example.org").await;
    assert_eq!(app.group(id).await.seats_left, 0);
}

#[tokio::test]
async fn the_manage_token_is_stored_only_as_a_hash() {
    let app = GroupServer::shipped().await;
    let booking = book(&app, "cbt-everyday-tuesday", "sam@example.org").await;
    let conn = rusqlite::Connection::open(app.database_path()).expect("db");
    let mut dump = String::new();
    for table in ["reservations", "idempotency_records"] {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table}"))
            .expect("prepare");
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).expect("query");
        while let Some(row) = rows.next().expect("row") {
            for i in 0..columns {
                let value: rusqlite::types::Value = row.get(i).expect("value");
                dump.push_str(&format!("{value:?}|"));
            }
        }
    }
    assert!(dump.contains(&booking.reference));
    assert!(
        !dump.contains(&booking.manage_token),
        "token stored in clear"
    );
}

#[tokio::test]
async fn every_invalid_field_is_named_in_one_422() {
    let app = GroupServer::shipped().await;
    let response = app
        .reserve(
            Some(&fresh_key()),
            &json!({
                "group_id": "",
                "first_session": "next Tuesday",
                "name": "x".repeat(101),
                "email": "sam@example",
                "phone": "call me maybe",
                "time_zone": "America/Gotham",
                "for_someone_else": "yes",
                "diagnosis": "never sent"
            }),
        )
        .await;
    assert_eq!(
        error_fields(response).await,
        [
            "group_id",
            "first_session",
            "name",
            "email",
            "phone",
            "time_zone",
            "for_someone_else",
            "diagnosis"
        ]
    );

    let empty = app.reserve(Some(&fresh_key()), &json!({})).await;
    assert_eq!(
        error_fields(empty).await,
        ["group_id", "first_session", "name", "email", "time_zone"]
    );
}

#[tokio::test]
async fn a_session_the_group_does_not_offer_or_an_unknown_group_is_a_field_error() {
    let app = GroupServer::shipped().await;
    let group = app.group("dbt-skills-monday-evening").await;
    let mut body = reservation_body(&group, "sam@example.org");
    // An hour after a real session: a valid instant, but not when this group meets.
    body["first_session"] = json!(group.next_sessions[0] + chrono::Duration::hours(1));
    let not_offered = app.reserve(Some(&fresh_key()), &body).await;
    assert_eq!(error_fields(not_offered).await, ["first_session"]);

    // A session further out than the four offered.
    body["first_session"] = json!(group.next_sessions[3] + chrono::Duration::days(7));
    let too_far = app.reserve(Some(&fresh_key()), &body).await;
    assert_eq!(error_fields(too_far).await, ["first_session"]);

    let mut unknown = reservation_body(&group, "sam@example.org");
    unknown["group_id"] = json!("no-such-group");
    let response = app.reserve(Some(&fresh_key()), &unknown).await;
    assert_eq!(error_fields(response).await, ["group_id"]);
    assert_eq!(app.group(&group.id).await.seats_left, group.seats_left);
}

#[tokio::test]
async fn bodies_that_are_not_json_get_400_or_415_problems() {
    let app = GroupServer::shipped().await;
    let malformed = app
        .server
        .client
        .post(app.api("/reservations"))
        .header("content-type", "application/json")
        .header("idempotency-key", fresh_key())
        .body("{\"group_id\":")
        .send()
        .await
        .expect("POST");
    assert_eq!(malformed.status(), 400);
    assert_eq!(header(&malformed, "content-type"), PROBLEM_JSON);
    let form = app
        .server
        .client
        .post(app.api("/reservations"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("idempotency-key", fresh_key())
        .body("name=Sam")
        .send()
        .await
        .expect("POST");
    assert_eq!(form.status(), 415);
}

#[tokio::test]
async fn a_full_group_offers_up_to_three_open_groups_on_the_same_topic() {
    let mut groups = vec![
        definition("full-calm", "Calm", 10, 10),
        definition("calm-a", "Calm", 10, 3),
        definition("calm-full-too", "Calm", 10, 10),
        definition("calm-b", "Calm", 10, 9),
        definition("other-topic", "Other", 10, 0),
        definition("calm-c", "Calm", 10, 0),
        definition("calm-d", "Calm", 10, 0),
    ];
    groups[5].audience = frontdoor_contract::Audience::Teen;
    let app = GroupServer::with_groups(groups, 0).await;
    let full = app.group("full-calm").await;
    assert_eq!(full.status, GroupStatus::Full);
    let response = app
        .reserve(
            Some(&fresh_key()),
            &reservation_body(&full, "sam@example.org"),
        )
        .await;
    assert_eq!(response.status(), 409);
    assert_eq!(header(&response, "content-type"), PROBLEM_JSON);
    let problem: Value = response.json().await.expect("problem");
    assert_eq!(problem["type"], GROUP_FULL_PROBLEM_TYPE);
    assert_eq!(problem["status"], 409);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("Group full-calm")
    );
    let ids: Vec<&str> = problem["alternatives"]
        .as_array()
        .expect("alternatives")
        .iter()
        .map(|g| g["id"].as_str().expect("id"))
        .collect();
    // Same audience first, then catalogue order; never a full group or another topic.
    assert_eq!(ids, ["calm-a", "calm-b", "calm-d"]);
    assert_eq!(problem["alternatives"][1]["seats_left"], 1);
}

#[tokio::test]
async fn a_full_group_has_a_waitlist_whose_places_move_up() {
    let app = GroupServer::shipped().await;
    let full = shipped_catalogue()
        .into_iter()
        .find(|g| g.reserved == g.capacity)
        .expect("a full group ships");
    let id = full.id.as_str();

    let first = app
        .join_waitlist(id, None, &waitlist_body("first@example.org"))
        .await;
    assert_eq!(first.status(), 201);
    let location = header(&first, "location");
    let first: WaitlistEntry = first.json().await.expect("entry");
    assert_eq!(first.position, 1);
    assert!(is_reference(&first.reference, "WL"), "{first:?}");
    assert_eq!(
        location,
        format!("/api/v1/groups/{id}/waitlist/{}", first.reference)
    );
    let first_token = first.manage_token.clone().expect("token in the 201");

    let key = fresh_key();
    let second = app
        .join_waitlist(id, Some(&key), &waitlist_body("second@example.org"))
        .await;
    assert_eq!(second.status(), 201);
    let second: WaitlistEntry = second.json().await.expect("entry");
    assert_eq!(second.position, 2);
    let second_token = second.manage_token.clone().expect("token");
    // A retried join with the same key is the same place, not a third one.
    let retried: WaitlistEntry = app
        .join_waitlist(id, Some(&key), &waitlist_body("second@example.org"))
        .await
        .json()
        .await
        .expect("entry");
    assert_eq!(retried, second);

    let place = app
        .waitlist_place(id, &second.reference, &second_token)
        .await;
    assert_eq!(place.status(), 200);
    let place: WaitlistEntry = place.json().await.expect("place");
    assert_eq!((place.position, place.manage_token), (2, None));

    let wrong = app
        .waitlist_place(id, &second.reference, &first_token)
        .await;
    assert_eq!(wrong.status(), 404);
    let unknown = app.waitlist_place(id, "WL-2345-6789", &first_token).await;
    assert_eq!(
        wrong.text().await.expect("body"),
        unknown.text().await.expect("body")
    );

    let left = app.leave_waitlist(id, &first.reference, &first_token).await;
    assert_eq!(left.status(), 204);
    let moved: WaitlistEntry = app
        .waitlist_place(id, &second.reference, &second_token)
        .await
        .json()
        .await
        .expect("place");
    assert_eq!(moved.position, 1);
    let gone = app.waitlist_place(id, &first.reference, &first_token).await;
    assert_eq!(gone.status(), 404);
}

#[tokio::test]
async fn the_waitlist_is_only_for_full_groups_that_exist() {
    let app = GroupServer::shipped().await;
    let open = app
        .join_waitlist(
            "cbt-everyday-tuesday",
            None,
            &waitlist_body("sam@example.org"),
        )
        .await;
    assert_eq!(open.status(), 409);
    let problem: Value = open.json().await.expect("problem");
    assert_eq!(problem["type"], GROUP_HAS_SEATS_PROBLEM_TYPE);

    let unknown = app
        .join_waitlist("no-such-group", None, &waitlist_body("sam@example.org"))
        .await;
    assert_eq!(unknown.status(), 404);
    assert_eq!(header(&unknown, "content-type"), PROBLEM_JSON);

    let invalid = app
        .join_waitlist(
            "cbt-low-mood-thursday",
            None,
            &json!({"name": "", "email": "nope", "time_zone": "Nowhere", "age": 40}),
        )
        .await;
    assert_eq!(
        error_fields(invalid).await,
        ["name", "email", "time_zone", "age"]
    );
}
