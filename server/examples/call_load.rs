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

mod load;

use std::sync::{Arc, Mutex};
use std::time::Instant;

use frontdoor_contract::{CallSlot, CallSlots};
use load::{Failure, LoadServer};
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
async fn main() -> Result<(), Failure> {
    let mut args = std::env::args().skip(1);
    let bookings: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(5000);
    let clients: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(50);

    let server = LoadServer::start(|content| {
        std::fs::write(content.join("coordinator.json"), DENSE_AVAILABILITY)
    })
    .await?;
    let base = server.base.clone();

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
    server.stop().await?;

    load::report("calls", clients, latencies, elapsed);
    println!("not 201: {failures}");
    Ok(())
}
