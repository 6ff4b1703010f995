//! How many seat reservations a Frontdoor server takes per second, and how long they take.
//!
//! Starts a server inside this process on a temporary data directory (POST rate limit off, no
//! log output) with a catalogue of four roomy groups, then lets `clients` concurrent clients
//! reserve `reservations` seats through `POST /api/v1/reservations`, each request with its own
//! `Idempotency-Key`, exactly as the SPA sends them. Every request takes the full path: idempotency
//! claim, conditional seat update, reservation insert and stored reply, each committed to SQLite.
//! Prints reservations per second and latency percentiles, and checks that every request got a
//! seat and the database agrees.
//!
//! ```text
//! cargo run --release -p frontdoor-server --example reservation_load -- [reservations] [clients]
//! ```
//! Defaults: 5000 reservations, 50 clients.

mod load;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use frontdoor_contract::{Group, GroupCatalogue};
use load::{Failure, LoadServer};
use serde_json::{Value, json};

/// Four groups with room for every request, on different days and zones.
fn roomy_catalogue() -> Value {
    let group = |id: &str, weekday: &str, zone: &str| {
        json!({
            "id": id,
            "title": format!("Load group {id}"),
            "topic": "Load",
            "tags": ["load"],
            "description": "A group with room for a load test.",
            "audience": "adult",
            "therapist": {"name": "Dr. Load", "credentials": "PhD", "years_experience": 10},
            "weekday": weekday,
            "start_time": "19:00",
            "time_zone": zone,
            "duration_minutes": 60,
            "capacity": 60000,
            "reserved": 0,
            "first_session_date": "2020-01-06",
            "last_session_date": "2099-12-31",
            "status": "open"
        })
    };
    json!({"groups": [
        group("load-monday", "monday", "America/New_York"),
        group("load-tuesday", "tuesday", "America/Chicago"),
        group("load-wednesday", "wednesday", "America/Phoenix"),
        group("load-thursday", "thursday", "America/Los_Angeles"),
    ]})
}

#[tokio::main]
async fn main() -> Result<(), Failure> {
    let mut args = std::env::args().skip(1);
    let total: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(5000);
    let clients: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(50);

    let catalogue = serde_json::to_vec_pretty(&roomy_catalogue())?;
    let server =
        LoadServer::start(|content| std::fs::write(content.join("groups.json"), catalogue)).await?;
    let base = server.base.clone();

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .build()?;
    let catalogue: GroupCatalogue = client
        .get(format!("{base}/groups"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let groups: Arc<Vec<Group>> = Arc::new(catalogue.groups);

    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::with_capacity(clients);
    for _ in 0..clients {
        let (client, base, groups, next) = (
            client.clone(),
            base.clone(),
            Arc::clone(&groups),
            Arc::clone(&next),
        );
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut failures = 0usize;
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= total {
                    break;
                }
                let group = &groups[n % groups.len()];
                let body = json!({
                    "group_id": group.id,
                    "first_session": group.next_sessions[n % group.next_sessions.len()],
                    "name": format!("Load person {n}"),
                    "email": format!("person{n}@example.org"),
                    "time_zone": "America/Denver"
                });
                let sent = Instant::now();
                let status = client
                    .post(format!("{base}/reservations"))
                    .header("idempotency-key", format!("load-{n}"))
                    .json(&body)
                    .send()
                    .await
                    .map(|r| r.status().as_u16());
                latencies.push(sent.elapsed());
                if status.ok() != Some(201) {
                    failures += 1;
                }
            }
            (latencies, failures)
        }));
    }
    let mut latencies = Vec::with_capacity(total);
    let mut failures = 0;
    for worker in workers {
        let (mine, failed) = worker.await?;
        latencies.extend(mine);
        failures += failed;
    }
    let elapsed = started.elapsed();

    let after: GroupCatalogue = client
        .get(format!("{base}/groups"))
        .send()
        .await?
        .json()
        .await?;
    let seats_taken: usize = after
        .groups
        .iter()
        .map(|g| usize::from(g.capacity - g.seats_left))
        .sum();
    server.stop().await?;

    load::report("reservations", clients, latencies, elapsed);
    println!("failed requests: {failures}; seats taken in the database: {seats_taken}");
    if failures > 0 || seats_taken != total {
        return Err("some reservations failed or the seat count disagrees".into());
    }
    Ok(())
}
