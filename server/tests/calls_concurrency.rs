//! Many people at once: a slot is never booked twice, whether by simultaneous bookings or by
//! simultaneous reschedules, and nobody gets a server error for losing the race.

#[path = "support/server.rs"]
mod support;

#[path = "support/calls.rs"]
mod calls_support;

use std::sync::Arc;

use calls_support::{CallServer, booking, fresh_key, monday_morning, new_york};
use chrono::{DateTime, Utc};
use frontdoor_contract::CallSlot;
use frontdoor_contract::calls::SLOT_TAKEN_PROBLEM_TYPE;
use serde_json::Value;

/// The booked calls at `start`, read from the database.
fn booked_at(calls: &CallServer, start: DateTime<Utc>) -> i64 {
    calls
        .database()
        .query_row(
            "SELECT COUNT(*) FROM calls WHERE status = 'booked' AND slot_start = ?1",
            [start.timestamp()],
            |row| row.get(0),
        )
        .expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_simultaneous_bookings_of_one_slot_give_exactly_one_call() {
    let calls = Arc::new(CallServer::start_at(monday_morning()).await);
    let target = new_york(2026, 12, 8, 10, 20);
    let barrier = Arc::new(tokio::sync::Barrier::new(100));
    let mut tasks = Vec::new();
    for _ in 0..100 {
        let calls = Arc::clone(&calls);
        let barrier = Arc::clone(&barrier);
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            let response = calls.post_call(Some(&fresh_key()), &booking(target)).await;
            let status = response.status().as_u16();
            let body: Value = response.json().await.unwrap_or(Value::Null);
            (status, body)
        }));
    }
    let mut created = 0;
    let mut taken = 0;
    let mut other = Vec::new();
    for task in tasks {
        let (status, body) = task.await.expect("task");
        match status {
            201 => created += 1,
            409 => {
                taken += 1;
                assert_eq!(body["type"], SLOT_TAKEN_PROBLEM_TYPE);
                let nearest: Vec<CallSlot> =
                    serde_json::from_value(body["nearest"].clone()).expect("nearest");
                assert_eq!(nearest.len(), 3, "{body}");
                assert!(nearest.iter().all(|slot| slot.start != target));
            }
            _ => other.push((status, body)),
        }
    }
    assert!(other.is_empty(), "unexpected replies: {other:?}");
    assert_eq!((created, taken), (1, 99));
    assert_eq!(booked_at(&calls, target), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_reschedules_onto_one_slot_move_exactly_one_call() {
    let calls = Arc::new(CallServer::start_at(monday_morning()).await);
    // Twenty people with calls on Wednesday and Thursday all try to move to Tuesday 13:00.
    let mut booked = Vec::new();
    for day in [9, 10] {
        for (h, m) in [
            (9, 0),
            (9, 40),
            (10, 20),
            (11, 0),
            (13, 0),
            (13, 40),
            (14, 20),
            (15, 0),
            (15, 40),
            (16, 20),
        ] {
            booked.push(calls.book(new_york(2026, 12, day, h, m)).await);
        }
    }
    let target = new_york(2026, 12, 8, 13, 0);
    let barrier = Arc::new(tokio::sync::Barrier::new(booked.len()));
    let mut tasks = Vec::new();
    for call in booked.clone() {
        let calls = Arc::clone(&calls);
        let barrier = Arc::clone(&barrier);
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            let response = calls
                .reschedule(
                    &call.reference,
                    Some(&call.manage_token),
                    Some(&fresh_key()),
                    target,
                )
                .await;
            (call, response.status().as_u16())
        }));
    }
    let mut moved = Vec::new();
    let mut refused = 0;
    for task in tasks {
        let (call, status) = task.await.expect("task");
        match status {
            200 => moved.push(call),
            409 => refused += 1,
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!((moved.len(), refused), (1, booked.len() - 1));
    assert_eq!(booked_at(&calls, target), 1);
    // Everyone else still has their own time; the winner's old time is free.
    for call in &booked {
        let expected = if call.reference == moved[0].reference {
            0
        } else {
            1
        };
        assert_eq!(
            booked_at(&calls, call.start),
            expected,
            "{}",
            call.reference
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_request_sent_many_times_at_once_with_one_key_books_once() {
    let calls = Arc::new(CallServer::start_at(monday_morning()).await);
    let key = fresh_key();
    let target = new_york(2026, 12, 8, 9, 40);
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let calls = Arc::clone(&calls);
        let key = key.clone();
        tasks.push(tokio::spawn(async move {
            let response = calls.post_call(Some(&key), &booking(target)).await;
            let status = response.status().as_u16();
            (
                status,
                response.json::<Value>().await.unwrap_or(Value::Null),
            )
        }));
    }
    let mut replies = Vec::new();
    for task in tasks {
        replies.push(task.await.expect("task"));
    }
    let first = replies[0].clone();
    assert_eq!(first.0, 201, "{first:?}");
    assert!(
        replies.iter().all(|reply| reply == &first),
        "every copy gets the same confirmation: {replies:?}"
    );
    assert_eq!(booked_at(&calls, target), 1);
}
