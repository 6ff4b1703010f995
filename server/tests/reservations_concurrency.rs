//! The seat invariant under a crowd: many people pressing "Reserve" for the last seats at the
//! same moment, over HTTP against a real server and its SQLite file.
//!
//! Also shows why the server takes seats with a conditional `UPDATE` inside `BEGIN IMMEDIATE`:
//! the two obvious alternatives, run against a plain SQLite file with the same settings, either
//! sell seats that do not exist or fail requests with database errors (which a server turns into
//! 5xx replies).

#[path = "support/server.rs"]
mod support;

#[path = "support/groups.rs"]
mod groups_support;

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use frontdoor_contract::groups::GROUP_FULL_PROBLEM_TYPE;
use frontdoor_contract::{GroupStatus, ReservationConfirmation};
use groups_support::{GroupServer, definition, fresh_key, post, reservation_body};
use rusqlite::{Connection, ErrorCode, TransactionBehavior};
use serde_json::Value;

const CROWD: usize = 200;

/// Ten groups with 1 to 10 seats left, and one roomy group on the same topic.
fn race_catalogue() -> Vec<frontdoor_contract::GroupDefinition> {
    let mut groups: Vec<_> = (1..=10u16)
        .map(|left| definition(&format!("race-{left}"), "Race", 12, 12 - left))
        .collect();
    groups.push(definition("race-roomy", "Race", 12, 0));
    groups
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_people_for_n_seats_get_exactly_n_reservations() {
    let app = GroupServer::with_groups(race_catalogue(), 0).await;
    let started = Instant::now();
    for seats in 1..=10u16 {
        let id = format!("race-{seats}");
        let group = app.group(&id).await;
        assert_eq!(group.seats_left, seats);
        let url = app.api("/reservations");
        let gate = Arc::new(tokio::sync::Barrier::new(CROWD));
        let mut tasks = Vec::with_capacity(CROWD);
        for person in 0..CROWD {
            let client = app.server.client.clone();
            let url = url.clone();
            let body = reservation_body(&group, &format!("person{person}@example.org"));
            let gate = Arc::clone(&gate);
            tasks.push(tokio::spawn(async move {
                let key = fresh_key();
                gate.wait().await;
                let response = post(&client, &url, Some(&key), &body).await;
                let status = response.status().as_u16();
                let body: Value = response.json().await.expect("JSON reply");
                (status, body)
            }));
        }
        let mut created = Vec::new();
        let mut full = Vec::new();
        let mut other = Vec::new();
        for task in tasks {
            let (status, body) = task.await.expect("request task");
            match status {
                201 => created.push(body),
                409 => full.push(body),
                _ => other.push((status, body)),
            }
        }
        assert!(
            other.is_empty(),
            "{seats} seats: {} unexpected replies, the first {:?}",
            other.len(),
            other.first()
        );
        assert_eq!(created.len(), usize::from(seats), "{seats} seats");
        assert_eq!(full.len(), CROWD - usize::from(seats), "{seats} seats");

        let mut references: Vec<String> = created
            .iter()
            .map(|body| {
                let confirmation: ReservationConfirmation =
                    serde_json::from_value(body.clone()).expect("confirmation");
                confirmation.reference
            })
            .collect();
        references.sort();
        references.dedup();
        assert_eq!(
            references.len(),
            usize::from(seats),
            "references are unique"
        );

        for problem in &full {
            assert_eq!(problem["type"], GROUP_FULL_PROBLEM_TYPE);
            let alternatives = problem["alternatives"].as_array().expect("alternatives");
            assert!(!alternatives.is_empty() && alternatives.len() <= 3);
            for alternative in alternatives {
                assert_eq!(alternative["topic"], "Race");
                assert_ne!(alternative["id"], id.as_str());
                assert!(alternative["seats_left"].as_u64().unwrap_or(0) > 0);
            }
        }

        let after = app.group(&id).await;
        assert_eq!(after.seats_left, 0, "{seats} seats");
        assert_eq!(after.status, GroupStatus::Full);
        assert_eq!(app.live_reservations(&id), i64::from(seats));
    }
    // 2,000 requests in all; a regression to per-request serialisation or busy-waiting shows
    // up here long before it would time out.
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "took {:?}",
        started.elapsed()
    );
}

/// A bare booking table: one group with `capacity` seats.
fn naive_database(dir: &std::path::Path, capacity: i64) -> std::path::PathBuf {
    let path = dir.join("naive.sqlite3");
    let conn = Connection::open(&path).expect("open");
    conn.pragma_update(None, "journal_mode", "WAL")
        .expect("wal");
    conn.execute_batch(&format!(
        "CREATE TABLE seats (capacity INTEGER NOT NULL);
         INSERT INTO seats VALUES ({capacity});
         CREATE TABLE bookings (id INTEGER PRIMARY KEY, person INTEGER NOT NULL);"
    ))
    .expect("schema");
    path
}

fn connect(path: &std::path::Path) -> Connection {
    let conn = Connection::open(path).expect("open");
    conn.busy_timeout(Duration::from_secs(5))
        .expect("busy timeout");
    conn
}

fn bookings(path: &std::path::Path) -> i64 {
    connect(path)
        .query_row("SELECT COUNT(*) FROM bookings", [], |row| row.get(0))
        .expect("count")
}

fn seats_free(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT (SELECT COUNT(*) FROM bookings) < (SELECT capacity FROM seats)",
        [],
        |row| row.get(0),
    )
}

const PEOPLE: usize = 8;

/// "Count the bookings, and if there is room, insert one", each statement on its own: every
/// person counts before anyone inserts (the barrier makes that interleaving certain), so all of
/// them see a free seat and all of them book it.
#[test]
fn counting_then_inserting_without_a_transaction_sells_seats_that_do_not_exist() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = naive_database(dir.path(), 1);
    let barrier = Arc::new(Barrier::new(PEOPLE));
    let handles: Vec<_> = (0..PEOPLE)
        .map(|person| {
            let path = path.clone();
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                let conn = connect(&path);
                let free = seats_free(&conn).expect("count");
                barrier.wait();
                if free {
                    conn.execute("INSERT INTO bookings (person) VALUES (?1)", [person as i64])
                        .expect("insert");
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("thread");
    }
    assert_eq!(
        bookings(&path),
        PEOPLE as i64,
        "one seat, sold {PEOPLE} times"
    );
}

/// The same inside `BEGIN` (SQLite's default, deferred): SQLite does not let a transaction whose
/// snapshot is stale write, so the seat is not oversold, but everyone after the first fails with
/// SQLITE_BUSY instead of hearing "full". Over HTTP those are 5xx replies, and the concurrency
/// test above would fail on its "no 5xx" line.
#[test]
fn begin_then_count_then_insert_fails_the_losers_with_database_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = naive_database(dir.path(), 1);
    let barrier = Arc::new(Barrier::new(PEOPLE));
    let handles: Vec<_> = (0..PEOPLE)
        .map(|person| {
            let path = path.clone();
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || -> rusqlite::Result<bool> {
                let mut conn = connect(&path);
                let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
                let free = seats_free(&tx)?;
                barrier.wait();
                if free {
                    tx.execute("INSERT INTO bookings (person) VALUES (?1)", [person as i64])?;
                }
                tx.commit()?;
                Ok(free)
            })
        })
        .collect();
    let results: Vec<rusqlite::Result<bool>> = handles
        .into_iter()
        .map(|handle| handle.join().expect("thread"))
        .collect();
    let booked = results.iter().filter(|r| matches!(r, Ok(true))).count();
    let busy = results
        .iter()
        .filter(|r| {
            matches!(r, Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == ErrorCode::DatabaseBusy)
        })
        .count();
    assert_eq!(booked, 1, "{results:?}");
    assert_eq!(busy, PEOPLE - 1, "{results:?}");
    assert_eq!(bookings(&path), 1);
}

/// What the server does, on the same table: `BEGIN IMMEDIATE` and a conditional write. The
/// losers simply see that no row changed.
#[test]
fn begin_immediate_with_a_conditional_write_books_exactly_the_seats_there_are() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = naive_database(dir.path(), 3);
    let barrier = Arc::new(Barrier::new(PEOPLE));
    let handles: Vec<_> = (0..PEOPLE)
        .map(|person| {
            let path = path.clone();
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || -> rusqlite::Result<usize> {
                let mut conn = connect(&path);
                barrier.wait();
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let inserted = tx.execute(
                    "INSERT INTO bookings (person)
                     SELECT ?1 WHERE (SELECT COUNT(*) FROM bookings) < (SELECT capacity FROM seats)",
                    [person as i64],
                )?;
                tx.commit()?;
                Ok(inserted)
            })
        })
        .collect();
    let inserted: Vec<usize> = handles
        .into_iter()
        .map(|handle| handle.join().expect("thread").expect("no database error"))
        .collect();
    assert_eq!(inserted.iter().sum::<usize>(), 3, "{inserted:?}");
    assert_eq!(bookings(&path), 3);
}
