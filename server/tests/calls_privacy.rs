//! What the server keeps and writes down about a person who books a call: the self-check
//! summary only with their opt-in, and nothing they typed in the logs.

#[path = "support/server.rs"]
mod support;

#[path = "support/calls.rs"]
mod calls_support;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use calls_support::{CallServer, booking, fresh_key, monday_morning, new_york};
use frontdoor_contract::{CallConfirmation, SharedSelfCheckSummary};
use serde_json::{Value, json};

/// Everything logged by this test binary, at the level a deployment logs by default.
fn captured_logs() -> Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&logs);
        tracing_subscriber::fmt()
            .json()
            .with_max_level(tracing::Level::INFO)
            .with_writer(move || LogSink(Arc::clone(&sink)))
            .init();
        logs
    })
    .clone()
}

struct LogSink(Arc<Mutex<Vec<u8>>>);

impl Write for LogSink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match self.0.lock() {
            Ok(mut logs) => logs.extend_from_slice(bytes),
            Err(poisoned) => poisoned.into_inner().extend_from_slice(bytes),
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn summary() -> Value {
    json!({
        "question_set_version": "2026.11",
        "level_of_care": "higher_level_of_care",
        "lines": ["Sentinel-summary-line-4711"],
        "topics": ["Sentinel-topic-4711"]
    })
}

fn stored_summary(calls: &CallServer, reference: &str) -> Option<String> {
    calls
        .database()
        .query_row(
            "SELECT self_check_summary FROM calls WHERE reference = ?1",
            [reference],
            |row| row.get(0),
        )
        .expect("row")
}

#[tokio::test]
async fn the_summary_is_stored_only_when_the_person_shares_it() {
    let calls = CallServer::start_at(monday_morning()).await;

    let without = calls.book(new_york(2026, 12, 8, 9, 0)).await;
    assert_eq!(stored_summary(&calls, &without.reference), None);

    let mut shared = booking(new_york(2026, 12, 8, 9, 40));
    shared["self_check_summary"] = summary();
    let response = calls.post_call(Some(&fresh_key()), &shared).await;
    assert_eq!(response.status(), 201);
    let reply: Value = response.json().await.expect("json");
    assert!(
        reply.get("self_check_summary").is_none(),
        "the summary is not echoed back: {reply}"
    );
    let with: CallConfirmation = serde_json::from_value(reply).expect("confirmation");
    let stored = stored_summary(&calls, &with.reference).expect("stored with the opt-in");
    let stored: SharedSelfCheckSummary = serde_json::from_str(&stored).expect("json");
    let sent: SharedSelfCheckSummary = serde_json::from_value(summary()).expect("json");
    assert_eq!(stored, sent);

    // `null` is the same as leaving it out.
    let mut explicit_null = booking(new_york(2026, 12, 8, 10, 20));
    explicit_null["self_check_summary"] = Value::Null;
    let response = calls.post_call(Some(&fresh_key()), &explicit_null).await;
    assert_eq!(response.status(), 201);
    let none: CallConfirmation = response.json().await.expect("json");
    assert_eq!(stored_summary(&calls, &none.reference), None);

    // A summary carrying anything beyond the agreed members is refused, not trimmed.
    let mut extra = booking(new_york(2026, 12, 8, 11, 0));
    extra["self_check_summary"] = summary();
    extra["self_check_summary"]["answers"] = json!([3, 3, 2]);
    let response = calls.post_call(Some(&fresh_key()), &extra).await;
    assert_eq!(response.status(), 422);
}

#[tokio::test]
async fn nothing_a_person_types_reaches_the_logs() {
    let logs = captured_logs();
    let calls = CallServer::start_at(monday_morning()).await;
    let key = fresh_key();
    let body = json!({
        "slot_start": new_york(2026, 12, 9, 9, 0),
        "name": "Sentinel-Name-4711",
        "email": "sentinel.4711@example.com",
        "phone": "+1 555 471 1471",
        "time_zone": "America/New_York",
        "contact_method": "phone",
        "note": "Sentinel-note-4711",
        "self_check_summary": summary()
    });
    let response = calls.post_call(Some(&key), &body).await;
    assert_eq!(response.status(), 201);
    let booked: CallConfirmation = response.json().await.expect("json");
    assert_eq!(calls.post_call(Some(&key), &body).await.status(), 201);

    let mut invalid = body.clone();
    invalid["email"] = json!("Sentinel-bad-email-4711@");
    assert_eq!(
        calls.post_call(Some(&fresh_key()), &invalid).await.status(),
        422
    );
    assert_eq!(
        calls.post_call(Some(&fresh_key()), &body).await.status(),
        409
    );
    let view = calls
        .view(&booked.reference, Some(&booked.manage_token))
        .await;
    assert_eq!(view.status(), 200);
    assert_eq!(
        calls
            .reschedule(
                &booked.reference,
                Some(&booked.manage_token),
                Some(&fresh_key()),
                new_york(2026, 12, 9, 9, 40),
            )
            .await
            .status(),
        200
    );
    assert_eq!(
        calls
            .cancel(&booked.reference, Some(&booked.manage_token))
            .await
            .status(),
        204
    );
    let other_times = calls
        .server
        .client
        .post(calls.api("/availability-requests"))
        .json(&json!({
            "name": "Sentinel-Name-4711",
            "email": "sentinel.4711@example.com",
            "time_zone": "Europe/London",
            "preferred_times": "Sentinel-times-4711",
            "note": "Sentinel-note-4711"
        }))
        .send()
        .await
        .expect("POST");
    assert_eq!(other_times.status(), 201);

    let text = match logs.lock() {
        Ok(logs) => String::from_utf8_lossy(&logs).into_owned(),
        Err(poisoned) => String::from_utf8_lossy(&poisoned.into_inner()).into_owned(),
    };
    assert!(
        text.contains("coordinator call booked") && text.contains("/calls/{reference}"),
        "the server did log these requests: {text}"
    );
    for secret in [
        "Sentinel",
        "sentinel",
        "555 471",
        booked.manage_token.as_str(),
        booked.reference.as_str(),
        key.as_str(),
    ] {
        assert!(!text.contains(secret), "{secret:?} was logged: {text}");
    }
}
