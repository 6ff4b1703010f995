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

use std::error::Error;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use frontdoor_contract::{Group, GroupCatalogue};
use frontdoor_server::app::{self, AppState};
use frontdoor_server::config::Config;
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
async fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let total: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(5000);
    let clients: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(50);

    let data = tempfile::tempdir()?;
    let content = tempfile::tempdir()?;
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../content"),
        content.path(),
    )?;
    std::fs::write(
        content.path().join("groups.json"),
        serde_json::to_vec_pretty(&roomy_catalogue())?,
    )?;
    let mut config = Config::new(
        data.path().to_path_buf(),
        data.path().join("no-dist"),
        content.path().to_path_buf(),
    );
    config.rate_limit = 0;
    let state = tokio::task::spawn_blocking(move || AppState::open(&config)).await??;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}/api/v1", listener.local_addr()?);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(frontdoor_server::serve(
        listener,
        app::router(state),
        async move {
            let _ = stopped.await;
        },
    ));

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
    let _ = stop.send(());
    server.await??;

    latencies.sort();
    let percentile = |p: f64| -> Duration {
        let index = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[index]
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{total} reservations by {clients} concurrent clients in {:.2} s: {:.0} reservations/s",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64()
    );
    println!(
        "latency p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        ms(percentile(0.50)),
        ms(percentile(0.95)),
        ms(percentile(0.99)),
        ms(percentile(1.0))
    );
    println!("failed requests: {failures}; seats taken in the database: {seats_taken}");
    if failures > 0 || seats_taken != total {
        return Err("some reservations failed or the seat count disagrees".into());
    }
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
