//! The server's structured logs never hold what a person typed or the secrets they were given:
//! every reservation and waitlist route is exercised (including failures) with all server log
//! levels on, and the captured log is searched for the person's details.

#[path = "support/server.rs"]
mod support;

#[path = "support/groups.rs"]
mod groups_support;

use std::io::Write;
use std::sync::{Arc, Mutex};

use frontdoor_contract::{ReservationConfirmation, WaitlistEntry};
use groups_support::{GroupServer, definition, waitlist_body};
use serde_json::json;
use tracing_subscriber::EnvFilter;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match self.0.lock() {
            Ok(mut buffer) => buffer.extend_from_slice(bytes),
            Err(poisoned) => poisoned.into_inner().extend_from_slice(bytes),
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        let bytes = match self.0.lock() {
            Ok(buffer) => buffer.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_hold_no_names_emails_phones_references_or_tokens() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(EnvFilter::new(
            "frontdoor_server=trace,tower_http=trace,axum=trace,tower=trace",
        ))
        .with_writer(move || writer.clone())
        .init();

    let app = GroupServer::with_groups(
        vec![
            definition("open", "Calm", 10, 8),
            definition("full", "Calm", 8, 8),
        ],
        0,
    )
    .await;
    let group = app.group("open").await;
    let name = "Zephyrine Quillfeather";
    let email = "zephyrine.quill@example.org";
    let phone = "+1 555 010 0177";
    let key = "key-8f14e45fceea167a5a36dedd4bea2543";
    let body = json!({
        "group_id": "open",
        "first_session": group.next_sessions[0],
        "name": name,
        "email": email,
        "phone": phone,
        "time_zone": "Pacific/Auckland"
    });
    let created = app.reserve(Some(key), &body).await;
    assert_eq!(created.status(), 201);
    let confirmation: ReservationConfirmation = created.json().await.expect("confirmation");
    assert_eq!(app.reserve(Some(key), &body).await.status(), 201);
    let mut other = body.clone();
    other["email"] = json!("zephyrine.other@example.org");
    assert_eq!(app.reserve(Some(key), &other).await.status(), 422);
    let mut invalid = body.clone();
    invalid["email"] = json!("zephyrine@@bad");
    invalid["phone"] = json!("+1 555 CALL ZEPHYR");
    assert_eq!(
        app.reserve(Some("another-key"), &invalid).await.status(),
        422
    );
    let token = confirmation.manage_token.as_str();
    let reference = confirmation.reference.as_str();
    assert_eq!(app.view(reference, Some(token)).await.status(), 200);
    assert_eq!(app.view(reference, Some("wrong-token")).await.status(), 404);

    // Fill the group, be told it is full, join the waitlist.
    let mut second = body.clone();
    second["email"] = json!("zephyrine.two@example.org");
    assert_eq!(app.reserve(Some("k2"), &second).await.status(), 201);
    let mut third = body.clone();
    third["email"] = json!("zephyrine.three@example.org");
    assert_eq!(app.reserve(Some("k3"), &third).await.status(), 409);
    let mut wait = waitlist_body(email);
    wait["name"] = json!(name);
    wait["phone"] = json!(phone);
    let joined = app.join_waitlist("full", None, &wait).await;
    assert_eq!(joined.status(), 201);
    let place: WaitlistEntry = joined.json().await.expect("entry");
    let place_token = place.manage_token.clone().expect("token");
    assert_eq!(
        app.waitlist_place("full", &place.reference, &place_token)
            .await
            .status(),
        200
    );
    assert_eq!(
        app.leave_waitlist("full", &place.reference, &place_token)
            .await
            .status(),
        204
    );
    assert_eq!(app.cancel(reference, Some(token)).await.status(), 204);

    let log = captured.text();
    // The log is really being written: one line per request, by route template.
    assert!(log.contains("/api/v1/reservations/{reference}"), "{log}");
    assert!(log.contains("seat reserved"), "{log}");
    for secret in [
        name,
        "Zephyrine",
        "zephyrine",
        email,
        "example.org",
        "555 010 0177",
        "5550100177",
        "CALL ZEPHYR",
        key,
        token,
        reference,
        place_token.as_str(),
        place.reference.as_str(),
        "Pacific/Auckland",
    ] {
        assert!(!log.contains(secret), "the log contains {secret:?}:\n{log}");
    }
}
