//! The group catalogue as the SPA meets it: `GET /groups` and `GET /groups/{id}`, seats left,
//! the next sessions in UTC, and revalidation with `ETag` / `If-None-Match`.

#[path = "support/server.rs"]
mod support;

#[path = "support/groups.rs"]
mod groups_support;

use chrono::{Datelike, Duration, Timelike};
use chrono_tz::Tz;
use frontdoor_contract::problem::PROBLEM_JSON;
use frontdoor_contract::{GroupStatus, groups::hh_mm};
use groups_support::{GroupServer, fresh_key, now, reservation_body, shipped_catalogue};
use support::header;

#[tokio::test]
async fn the_catalogue_lists_every_group_with_seats_and_its_next_four_sessions() {
    let app = GroupServer::shipped().await;
    let response = app.server.get("/api/v1/groups").await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), "application/json");
    assert_eq!(header(&response, "cache-control"), "no-cache");
    assert!(header(&response, "etag").starts_with("W/\""));
    let groups = app.catalogue().await;

    let file = shipped_catalogue();
    let ids: Vec<&str> = groups.iter().map(|g| g.id.as_str()).collect();
    let file_ids: Vec<&str> = file.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, file_ids, "catalogue order is the file's order");

    let mut full = 0;
    for (group, defined) in groups.iter().zip(&file) {
        assert_eq!(
            group.seats_left,
            defined.capacity - defined.reserved,
            "{}",
            group.id
        );
        assert_eq!(
            group.status == GroupStatus::Full,
            group.seats_left == 0,
            "{}",
            group.id
        );
        full += usize::from(group.status == GroupStatus::Full);
        assert_eq!(group.next_sessions.len(), 4, "{}", group.id);
        assert!(group.next_sessions[0] > now(), "{}", group.id);
        assert!(
            group.next_sessions[0] <= now() + Duration::days(7),
            "{}",
            group.id
        );
        let zone: Tz = group.time_zone.parse().expect("IANA zone");
        for pair in group.next_sessions.windows(2) {
            let gap = pair[1] - pair[0];
            // A week apart, give or take the hour a daylight-saving change moves.
            assert!(
                (gap - Duration::days(7)).num_minutes().abs() <= 60,
                "{}",
                group.id
            );
        }
        for start in &group.next_sessions {
            let local = start.with_timezone(&zone);
            assert_eq!(hh_mm::format(local.time()), hh_mm::format(group.start_time));
            assert_eq!(
                frontdoor_contract::Weekday::from(local.weekday()),
                group.weekday,
                "{}",
                group.id
            );
        }
    }
    assert!(full >= 2, "at least two groups are full");
}

#[tokio::test]
async fn a_new_york_evening_stays_at_seven_pm_when_the_clocks_change() {
    let app = GroupServer::shipped().await;
    let dbt = app.group("dbt-skills-monday-evening").await;
    let utc_hours: Vec<u32> = dbt.next_sessions.iter().map(|t| t.hour()).collect();
    // 2 March is standard time (19:00 = 00:00 UTC next day); from 8 March, daylight time.
    assert_eq!(utc_hours, [0, 23, 23, 23]);

    // Phoenix keeps no daylight time: the UTC hour never moves.
    let phoenix = app.group("cbt-low-mood-thursday").await;
    assert_eq!(phoenix.time_zone, "America/Phoenix");
    let hours: Vec<u32> = phoenix.next_sessions.iter().map(|t| t.hour()).collect();
    assert!(hours.iter().all(|h| *h == hours[0]), "{hours:?}");
}

#[tokio::test]
async fn one_group_by_id_and_a_404_problem_for_an_unknown_one() {
    let app = GroupServer::shipped().await;
    let listed = app.catalogue().await;
    let one = app.group(&listed[2].id).await;
    assert_eq!(one, listed[2]);

    let missing = app.server.get("/api/v1/groups/no-such-group").await;
    assert_eq!(missing.status(), 404);
    assert_eq!(header(&missing, "content-type"), PROBLEM_JSON);
    let problem: serde_json::Value = missing.json().await.expect("problem");
    assert_eq!(problem["status"], 404);
}

async fn get_with(app: &GroupServer, path: &str, etag: &str) -> reqwest::Response {
    app.server
        .client
        .get(app.server.url(path))
        .header("if-none-match", etag)
        .send()
        .await
        .expect("GET")
}

#[tokio::test]
async fn etags_answer_304_until_seats_or_sessions_change() {
    let app = GroupServer::shipped().await;
    for path in ["/api/v1/groups", "/api/v1/groups/cbt-everyday-tuesday"] {
        let first = app.server.get(path).await;
        let etag = header(&first, "etag");
        assert!(!etag.is_empty(), "{path}");

        let unchanged = get_with(&app, path, &etag).await;
        assert_eq!(unchanged.status(), 304, "{path}");
        assert_eq!(header(&unchanged, "etag"), etag);
        assert!(unchanged.bytes().await.expect("body").is_empty());
        // A strong-looking copy of the tag and a list both match (weak comparison).
        let strong = etag.trim_start_matches("W/");
        assert_eq!(get_with(&app, path, strong).await.status(), 304);
        let list = format!("\"other\", {etag}");
        assert_eq!(get_with(&app, path, &list).await.status(), 304);
        assert_eq!(get_with(&app, path, "\"other\"").await.status(), 200);
    }

    // A seat is taken: both the catalogue and the group change.
    let list_tag = header(&app.server.get("/api/v1/groups").await, "etag");
    let group_path = "/api/v1/groups/cbt-everyday-tuesday";
    let group_tag = header(&app.server.get(group_path).await, "etag");
    let group = app.group("cbt-everyday-tuesday").await;
    let booked = app
        .reserve(
            Some(&fresh_key()),
            &reservation_body(&group, "sam@example.org"),
        )
        .await;
    assert_eq!(booked.status(), 201);
    let after = get_with(&app, "/api/v1/groups", &list_tag).await;
    assert_eq!(after.status(), 200);
    assert_ne!(header(&after, "etag"), list_tag);
    assert_eq!(get_with(&app, group_path, &group_tag).await.status(), 200);

    // A session starts: the next four move on, so the tag changes too.
    let tag = header(&app.server.get(group_path).await, "etag");
    app.clock.advance(Duration::days(8));
    assert_eq!(get_with(&app, group_path, &tag).await.status(), 200);
}
