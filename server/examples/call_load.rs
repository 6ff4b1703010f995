//! How many coordinator-call bookings a Frontdoor server takes per second.
//!
//! Starts a server inside this process on a temporary data directory (POST rate limit off,
//! logging off), with an availability of five-minute slots around the clock for a year so there
//! is always a free slot to book. Then 50 concurrent clients book distinct slots through
//! `POST /api/v1/calls` (each with its own `Idempotency-Key`) and the run prints bookings per
//! second and latency percentiles.
//!
//! ```text
//! cargo run --release -p frontdoor-server --example call_load -- [bookings] [clients]
//! ```
//! Defaults: 5000 bookings, 50 clients.

use std::error::Error;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use frontdoor_contract::{CallSlot, CallSlots};
use frontdoor_server::app::{self, AppState};
use frontdoor_server::config::Config;
use serde_json::json;

/// Five-minute calls, no buffer or notice, every hour of every day for a year, in UTC.
const DENSE_AVAILABILITY: &str = r#"{
  "time_zone": "Etc/UTC",
  "slot_minutes": 5,
  "buffer_minutes": 0,
  "minimum_notice_hours": 0,
  "horizon_days": 366,
  "working_hours": {
    "monday":    [{"start": "00:00", "end": "24:00"}],
    "tuesday":   [{"start": "00:00", "end": "24:00"}],
    "wednesday": [{"start": "00:00", "end": "24:00"}],
    "thursday":  [{"start": "00:00", "end": "24:00"}],
    "friday":    [{"start": "00:00", "end": "24:00"}],
    "saturday":  [{"start": "00:00", "end": "24:00"}],
    "sunday":    [{"start": "00:00", "end": "24:00"}]
  }
}"#;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let bookings: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(5000);
    let clients: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(50);

    let data = tempfile::tempdir()?;
    let content = tempfile::tempdir()?;
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../content"),
        content.path(),
    )?;
    std::fs::write(content.path().join("coordinator.json"), DENSE_AVAILABILITY)?;
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
    let slots: CallSlots = client
        .get(format!("{base}/coordinator/slots"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    if slots.slots.len() < bookings {
        return Err(format!(
            "only {} free slots for {bookings} bookings",
            slots.slots.len()
        )
        .into());
    }
    // Skip the first hour so no slot starts before the run is over.
    let queue: Vec<CallSlot> = slots.slots.into_iter().skip(12).take(bookings).collect();
    let queue = Arc::new(Mutex::new(queue));

    let started = Instant::now();
    let mut workers = Vec::with_capacity(clients);
    for worker in 0..clients {
        let client = client.clone();
        let queue = Arc::clone(&queue);
        let url = format!("{base}/calls");
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut failures = 0usize;
            let mut sent = 0usize;
            loop {
                let next = match queue.lock() {
                    Ok(mut queue) => queue.pop(),
                    Err(poisoned) => poisoned.into_inner().pop(),
                };
                let Some(slot) = next else { break };
                sent += 1;
                let body = json!({
                    "slot_start": slot.start,
                    "name": "Load test",
                    "email": "load@example.com",
                    "time_zone": "America/New_York",
                    "contact_method": "video"
                });
                let began = Instant::now();
                let reply = client
                    .post(&url)
                    .header("idempotency-key", format!("load-{worker}-{sent}"))
                    .json(&body)
                    .send()
                    .await;
                let ok = match reply {
                    Ok(response) => {
                        let status = response.status();
                        // Read the whole reply, as a browser would, before timing it.
                        response.bytes().await.is_ok() && status.as_u16() == 201
                    }
                    Err(_) => false,
                };
                latencies.push(began.elapsed());
                if !ok {
                    failures += 1;
                }
            }
            (latencies, failures)
        }));
    }
    let mut latencies = Vec::with_capacity(bookings);
    let mut failures = 0;
    for worker in workers {
        let (mut worker_latencies, worker_failures) = worker.await?;
        latencies.append(&mut worker_latencies);
        failures += worker_failures;
    }
    let elapsed = started.elapsed();
    latencies.sort();

    println!(
        "{} bookings by {clients} concurrent clients in {:.2} s: {:.0} calls/s",
        latencies.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64()
    );
    println!(
        "latency p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {failures} not 201",
        millis(percentile(&latencies, 50.0)),
        millis(percentile(&latencies, 90.0)),
        millis(percentile(&latencies, 99.0)),
        millis(latencies.last().copied().unwrap_or_default()),
    );

    let _ = stop.send(());
    server.await??;
    Ok(())
}

/// The `p`th percentile (nearest rank) of sorted `values`.
fn percentile(values: &[Duration], p: f64) -> Duration {
    if values.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * values.len() as f64).ceil() as usize;
    values[rank.clamp(1, values.len()) - 1]
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
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
