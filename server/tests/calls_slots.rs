//! `GET /coordinator/slots` as the call page meets it: which times a person is offered.

#[path = "support/server.rs"]
mod support;

#[path = "support/calls.rs"]
mod calls_support;

use calls_support::{CallServer, WEEKDAY_STARTS, monday_morning, new_york, starts, wall};
use chrono::{Datelike, Duration, Utc, Weekday};
use chrono_tz::America::New_York;
use frontdoor_contract::problem::PROBLEM_JSON;
use frontdoor_server::slots::{Unbookable, check_bookable};
use support::{TestServer, header};

/// `?from=…&to=…` for two instants, written as RFC 3339 with `Z`.
fn window(from: chrono::DateTime<Utc>, to: chrono::DateTime<Utc>) -> String {
    format!(
        "?from={}&to={}",
        from.format("%Y-%m-%dT%H:%M:%SZ"),
        to.format("%Y-%m-%dT%H:%M:%SZ")
    )
}

/// The New York wall-clock times (HH:MM) of the slots on one New York date.
fn times_on(slots: &[frontdoor_contract::CallSlot], date: &str) -> Vec<String> {
    slots
        .iter()
        .map(|slot| wall(slot.start))
        .filter(|w| w.starts_with(date))
        .map(|w| w[11..].to_owned())
        .collect()
}

#[tokio::test]
async fn the_default_list_runs_from_the_minimum_notice_to_the_horizon() {
    let calls = CallServer::start_at(monday_morning()).await;
    let slots = calls.slots("").await;

    // Monday 07:00 with 4 hours' notice: the morning's first call is 11:00.
    assert_eq!(
        times_on(&slots, "2026-12-07"),
        [
            "11:00", "13:00", "13:40", "14:20", "15:00", "15:40", "16:20"
        ]
    );
    assert_eq!(times_on(&slots, "2026-12-08"), WEEKDAY_STARTS);
    assert_eq!(
        times_on(&slots, "2026-12-12"),
        ["10:00", "10:40", "11:20", "12:00"],
        "Saturday is a short morning"
    );
    assert!(
        times_on(&slots, "2026-12-13").is_empty(),
        "Sunday is closed"
    );
    assert!(times_on(&slots, "2026-12-24").is_empty(), "a holiday");
    assert!(times_on(&slots, "2026-12-25").is_empty(), "a holiday");
    // 21 days from Monday 07:00 ends before Monday 28 December's first call.
    assert_eq!(wall(slots[slots.len() - 1].start), "2026-12-26 12:00");
    assert_eq!(slots.len(), 7 + 4 * 10 + 4 + 5 * 10 + 4 + 3 * 10 + 4);

    for pair in slots.windows(2) {
        assert!(pair[0].start < pair[1].start, "earliest first, no repeats");
    }
    for slot in &slots {
        assert_eq!(slot.end - slot.start, Duration::minutes(30));
        assert_ne!(slot.start.with_timezone(&New_York).weekday(), Weekday::Sun);
    }
}

#[tokio::test]
async fn a_window_narrows_the_list_with_from_included_and_to_left_out() {
    let calls = CallServer::start_at(monday_morning()).await;
    let tuesday = calls
        .slots(&window(
            new_york(2026, 12, 8, 0, 0),
            new_york(2026, 12, 9, 0, 0),
        ))
        .await;
    assert_eq!(times_on(&tuesday, "2026-12-08"), WEEKDAY_STARTS);
    assert_eq!(tuesday.len(), WEEKDAY_STARTS.len());

    let late_morning = calls
        .slots(&window(
            new_york(2026, 12, 8, 9, 40),
            new_york(2026, 12, 8, 11, 0),
        ))
        .await;
    assert_eq!(
        starts(&late_morning),
        [new_york(2026, 12, 8, 9, 40), new_york(2026, 12, 8, 10, 20)]
    );

    // An offset other than Z names the same instants.
    let offset = calls
        .slots("?from=2026-12-08T09:40:00-05:00&to=2026-12-08T11:00:00-05:00")
        .await;
    assert_eq!(offset, late_morning);
}

#[tokio::test]
async fn a_window_outside_what_can_be_booked_is_capped_to_it() {
    let calls = CallServer::start_at(monday_morning()).await;
    let everything = calls.slots("").await;
    let wide = calls
        .slots("?from=2000-01-01T00:00:00Z&to=9999-12-31T00:00:00Z")
        .await;
    assert_eq!(
        wide, everything,
        "nothing before the notice or past the horizon"
    );

    let past = calls
        .slots("?from=2026-01-01T00:00:00Z&to=2026-12-07T12:00:00Z")
        .await;
    assert!(past.is_empty(), "{past:?}");
    let beyond = calls
        .slots("?from=2027-06-01T00:00:00Z&to=2027-07-01T00:00:00Z")
        .await;
    assert!(beyond.is_empty(), "{beyond:?}");
    let open_ended = calls.slots("?from=2027-06-01T00:00:00Z").await;
    assert!(open_ended.is_empty(), "{open_ended:?}");
    let until = calls.slots("?to=2026-12-08T00:00:00Z").await;
    assert_eq!(until.len(), 7, "Monday's calls from 11:00 on");
}

#[tokio::test]
async fn malformed_or_backwards_windows_are_400_problems() {
    let calls = CallServer::start_at(monday_morning()).await;
    for query in [
        "?from=tomorrow",
        "?to=2026-12-08",
        "?from=2026-12-08T25:00:00Z",
        "?from=2026-12-09T00:00:00Z&to=2026-12-08T00:00:00Z",
        "?from=2026-12-08T00:00:00Z&to=2026-12-08T00:00:00Z",
    ] {
        let response = calls
            .server
            .client
            .get(calls.api(&format!("/coordinator/slots{query}")))
            .send()
            .await
            .expect("GET");
        assert_eq!(response.status(), 400, "{query}");
        assert_eq!(header(&response, "content-type"), PROBLEM_JSON, "{query}");
        let problem: serde_json::Value = response.json().await.expect("problem");
        assert_eq!(problem["status"], 400, "{query}");
        assert!(problem["detail"].as_str().is_some_and(|d| !d.is_empty()));
    }
}

#[tokio::test]
async fn a_booked_slot_disappears_and_returns_when_the_call_is_cancelled() {
    let calls = CallServer::start_at(monday_morning()).await;
    let tuesday = window(new_york(2026, 12, 8, 0, 0), new_york(2026, 12, 9, 0, 0));
    let taken = new_york(2026, 12, 8, 10, 20);
    let booked = calls.book(taken).await;

    let after_booking = calls.slots(&tuesday).await;
    assert_eq!(after_booking.len(), WEEKDAY_STARTS.len() - 1);
    assert!(!starts(&after_booking).contains(&taken));
    let all = calls.slots("").await;
    assert!(!starts(&all).contains(&taken));

    let cancelled = calls
        .cancel(&booked.reference, Some(&booked.manage_token))
        .await;
    assert_eq!(cancelled.status(), 204);
    assert_eq!(
        times_on(&calls.slots(&tuesday).await, "2026-12-08"),
        WEEKDAY_STARTS
    );
}

#[tokio::test]
async fn the_list_follows_the_clock() {
    let calls = CallServer::start_at(monday_morning()).await;
    let before = calls.slots("").await;
    calls.advance(Duration::hours(3));
    let later = calls.slots("").await;
    // At 10:00 the notice reaches 14:00: 11:00, 13:00 and 13:40 are no longer offered…
    assert_eq!(
        times_on(&later, "2026-12-07"),
        ["14:20", "15:00", "15:40", "16:20"]
    );
    // …while the horizon now reaches Monday 28 December 10:00, taking in its first two calls.
    assert_eq!(times_on(&before, "2026-12-28"), Vec::<String>::new());
    assert_eq!(times_on(&later, "2026-12-28"), ["09:00", "09:40"]);
    assert_eq!(later.len(), before.len() - 3 + 2);
}

#[tokio::test]
async fn across_the_spring_clock_change_calls_keep_their_new_york_hours() {
    // Friday 12 March 2027, 07:00 in New York; the clocks go forward on Sunday the 14th.
    let calls = CallServer::start_at(new_york(2027, 3, 12, 7, 0)).await;
    let slots = calls.slots("").await;
    assert_eq!(times_on(&slots, "2027-03-15"), WEEKDAY_STARTS);
    assert_eq!(
        times_on(&slots, "2027-03-12"),
        [
            "11:00", "13:00", "13:40", "14:20", "15:00", "15:40", "16:20"
        ]
    );
    let first = |date: &str| {
        slots
            .iter()
            .find(|slot| wall(slot.start).starts_with(date))
            .map(|slot| slot.start.format("%H:%M").to_string())
    };
    assert_eq!(first("2027-03-13").as_deref(), Some("15:00"), "10:00 EST");
    assert_eq!(first("2027-03-15").as_deref(), Some("13:00"), "09:00 EDT");
}

#[tokio::test]
async fn with_the_real_clock_every_offered_time_can_be_booked() {
    let server = TestServer::start().await;
    let availability = frontdoor_server::calls::load_availability(&support::shipped_content())
        .expect("shipped availability");
    let before = Utc::now();
    let response = server.get("/api/v1/coordinator/slots").await;
    let after = Utc::now();
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "cache-control"), "no-store");
    let slots = response
        .json::<frontdoor_contract::CallSlots>()
        .await
        .expect("JSON")
        .slots;
    assert!(
        !slots.is_empty(),
        "a 21-day horizon always holds working days"
    );
    for slot in &slots {
        // The server's "now" lies between `before` and `after`.
        assert!(
            slot.start >= availability.earliest_start(before),
            "{slot:?}"
        );
        assert!(slot.start <= availability.latest_start(after), "{slot:?}");
        assert_eq!(slot.end - slot.start, availability.slot_length());
        // On the schedule (working hours, grid, not a holiday): at worst too soon by the
        // moment `before`, never "not a call time".
        assert!(
            matches!(
                check_bookable(&availability, slot.start, before, &[]),
                Ok(_) | Err(Unbookable::TooSoon)
            ),
            "{slot:?}"
        );
    }
    for pair in slots.windows(2) {
        assert!(pair[0].end <= pair[1].start, "calls never overlap");
    }
}

#[test]
fn an_invalid_availability_file_stops_startup_with_a_clear_message() {
    let content = calls_support::content_with(
        &calls_support::COORDINATOR_JSON.replace("America/New_York", "America/Gotham"),
    );
    let data = tempfile::tempdir().expect("data");
    let config = frontdoor_server::config::Config::new(
        data.path().to_path_buf(),
        support::fixture_dist(),
        content.path().to_path_buf(),
    );
    let error = match frontdoor_server::app::AppState::open(&config) {
        Ok(_) => panic!("startup must fail"),
        Err(error) => error.to_string(),
    };
    assert!(error.contains("coordinator.json"), "{error}");
    assert!(error.contains("America/Gotham"), "{error}");
}
