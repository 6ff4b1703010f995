//! POST limits on reservations and waitlists: per client address and per contact (email
//! address or phone number), both set by `--rate-limit`, with 0 turning them off.

#[path = "support/server.rs"]
mod support;

#[path = "support/groups.rs"]
mod groups_support;

use std::net::IpAddr;

use frontdoor_contract::problem::PROBLEM_JSON;
use groups_support::{GroupServer, definition, fresh_key, post, reservation_body};
use serde_json::Value;
use support::header;

fn roomy() -> Vec<frontdoor_contract::GroupDefinition> {
    vec![definition("roomy", "Calm", 500, 0)]
}

/// A client whose connections come from `ip` (any 127.x.y.z address reaches the server).
fn client_from(ip: [u8; 4]) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(IpAddr::from(ip))
        .build()
        .expect("client")
}

async fn assert_429(response: reqwest::Response) {
    assert_eq!(response.status(), 429);
    assert_eq!(header(&response, "content-type"), PROBLEM_JSON);
    let wait: u64 = header(&response, "retry-after").parse().expect("seconds");
    assert!((1..=60).contains(&wait), "{wait}");
    let problem: Value = response.json().await.expect("problem");
    assert_eq!(problem["status"], 429);
}

#[tokio::test]
async fn one_address_gets_429_with_retry_after_once_over_the_limit() {
    let app = GroupServer::with_groups(roomy(), 3).await;
    let group = app.group("roomy").await;
    for n in 0..3 {
        let body = reservation_body(&group, &format!("p{n}@example.org"));
        assert_eq!(app.reserve(Some(&fresh_key()), &body).await.status(), 201);
    }
    let body = reservation_body(&group, "p3@example.org");
    assert_429(app.reserve(Some(&fresh_key()), &body).await).await;
    assert_eq!(
        app.group("roomy").await.seats_left,
        497,
        "reads are never limited"
    );
}

#[tokio::test]
async fn one_email_address_is_limited_across_client_addresses() {
    let app = GroupServer::with_groups(roomy(), 2).await;
    let group = app.group("roomy").await;
    let url = app.api("/reservations");
    let send = |ip: [u8; 4], email: &str| {
        let client = client_from(ip);
        let body = reservation_body(&group, email);
        let url = url.clone();
        async move { post(&client, &url, Some(&fresh_key()), &body).await }
    };
    assert_eq!(send([127, 0, 0, 2], "sam@example.org").await.status(), 201);
    assert_eq!(send([127, 0, 0, 3], " Sam@Example.ORG").await.status(), 201);
    // Each address has posted once, but this person has booked twice this minute.
    assert_429(send([127, 0, 0, 4], "SAM@example.org").await).await;
    // Someone else from the same address is not held back.
    assert_eq!(send([127, 0, 0, 4], "alex@example.org").await.status(), 201);
    assert_eq!(app.live_reservations("roomy"), 3);
}

#[tokio::test]
async fn one_phone_number_is_limited_however_it_is_written() {
    let app = GroupServer::with_groups(roomy(), 2).await;
    let group = app.group("roomy").await;
    let url = app.api("/reservations");
    let mut statuses = Vec::new();
    for (n, phone) in ["+1 555 010 0199", "+1 (555) 010-0199", "+15550100199"]
        .into_iter()
        .enumerate()
    {
        let mut body = reservation_body(&group, &format!("person{n}@example.org"));
        body["phone"] = phone.into();
        let client = client_from([127, 0, 1, n as u8 + 1]);
        statuses.push(
            post(&client, &url, Some(&fresh_key()), &body)
                .await
                .status(),
        );
    }
    assert_eq!(statuses, [201, 201, 429]);
}

#[tokio::test]
async fn waitlist_joins_count_against_the_same_contact() {
    let mut groups = roomy();
    groups.push(definition("full", "Calm", 8, 8));
    let app = GroupServer::with_groups(groups, 2).await;
    let group = app.group("roomy").await;
    let url = app.api("/reservations");
    let client = client_from([127, 0, 2, 1]);
    let booked = post(
        &client,
        &url,
        Some(&fresh_key()),
        &reservation_body(&group, "sam@example.org"),
    )
    .await;
    assert_eq!(booked.status(), 201);
    let waitlist_url = app.api("/groups/full/waitlist");
    let body = groups_support::waitlist_body("sam@example.org");
    let joined = post(&client_from([127, 0, 2, 2]), &waitlist_url, None, &body).await;
    assert_eq!(joined.status(), 201);
    assert_429(post(&client_from([127, 0, 2, 3]), &waitlist_url, None, &body).await).await;
}

#[tokio::test]
async fn zero_turns_both_limits_off() {
    let app = GroupServer::with_groups(roomy(), 0).await;
    let group = app.group("roomy").await;
    for _ in 0..40 {
        let body = reservation_body(&group, "sam@example.org");
        assert_eq!(app.reserve(Some(&fresh_key()), &body).await.status(), 201);
    }
    assert_eq!(app.live_reservations("roomy"), 40);
}
