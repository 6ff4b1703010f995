//! Where Frontdoor keeps its data: the [`Storage`] trait and its SQLite implementation.
//!
//! Each feature defines its own small store trait next to its routes (e.g.
//! [`ProgramStore`](crate::programs::ProgramStore)) with an implementation for [`SqliteStorage`],
//! and joins [`Storage`] as a supertrait. Handlers see only `dyn Storage`, so another database can
//! follow by implementing the same traits.
//!
//! The SQLite file is opened once per operation (cheap for SQLite, and it keeps blocking work on
//! tokio's blocking pool); WAL mode lets readers proceed while a write is in flight.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::calls::CallStore;
use crate::groups::GroupStore;
use crate::programs::ProgramStore;
use crate::reservations::ReservationStore;

/// Everything the API needs from a database. Implemented for any type that implements every
/// feature's store trait.
pub trait Storage:
    ProgramStore + CallStore + GroupStore + ReservationStore + Send + Sync + 'static
{
}

impl<T> Storage for T where
    T: ProgramStore + CallStore + GroupStore + ReservationStore + Send + Sync + 'static
{
}

/// A storage failure. Its text is for logs and startup errors, never for API replies.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The database reported an error.
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    /// Stored data could not be decoded.
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    /// The database file's directory could not be created.
    #[error("cannot create data directory {path}: {source}")]
    DataDir {
        /// The directory that could not be created.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A blocking task failed to complete.
    #[error("storage task failed: {0}")]
    Task(String),
}

/// Schema migrations, applied in order; `PRAGMA user_version` records how many have run.
/// Append new entries at the end; never edit one that has shipped.
const MIGRATIONS: &[&str] = &[
    crate::programs::SCHEMA,
    crate::idempotency::SCHEMA,
    crate::calls::SCHEMA,
    crate::groups::SCHEMA,
    crate::reservations::SCHEMA,
];

/// How long a connection waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Frontdoor's data in one SQLite file.
#[derive(Debug, Clone)]
pub struct SqliteStorage {
    path: PathBuf,
    /// Taken by [`SqliteStorage::writer`] for the length of a write transaction.
    writer: Arc<Mutex<()>>,
}

impl SqliteStorage {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StorageError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StorageError::DataDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let storage = Self {
            path: path.to_path_buf(),
            writer: Arc::new(Mutex::new(())),
        };
        let mut conn = storage.connect()?;
        // WAL is a property of the file: set once, it stays for every later connection.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        migrate(&mut conn)?;
        Ok(storage)
    }

    /// A fresh connection with Frontdoor's settings (busy timeout, foreign keys).
    pub fn connect(&self) -> Result<Connection, StorageError> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(conn)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Waits until no other thread of this server is in a write transaction; hold the guard
    /// around a `BEGIN IMMEDIATE` … `COMMIT`. SQLite admits one writer at a time anyway, but a
    /// connection that finds the file locked sleeps in growing steps inside its busy handler, so
    /// under a crowd some requests wait far longer than the queue is long. Queueing here instead
    /// keeps the wait close to the queue's length. Correctness does not depend on it: another
    /// process sharing the file is still kept out by SQLite's own lock and busy timeout.
    pub fn writer(&self) -> MutexGuard<'_, ()> {
        match self.writer.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }
}

/// Runs the migrations the database has not seen yet, each in its own transaction.
fn migrate(conn: &mut Connection) -> Result<(), StorageError> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let current = usize::try_from(current)
        .map_err(|_| StorageError::Corrupt(format!("negative schema version {current}")))?;
    if current > MIGRATIONS.len() {
        return Err(StorageError::Corrupt(format!(
            "database schema version {current} is newer than this server knows ({})",
            MIGRATIONS.len()
        )));
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_twice_keeps_the_schema_version_and_wal() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("nested").join("frontdoor.sqlite3");
        SqliteStorage::open(&path).expect("first open");
        let storage = SqliteStorage::open(&path).expect("second open");
        let conn = storage.connect().expect("connect");
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .expect("version");
        assert_eq!(version, MIGRATIONS.len() as i64);
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |row| row.get(0))
            .expect("mode");
        assert_eq!(mode, "wal");
        let fk: i64 = conn
            .pragma_query_value(None, "foreign_keys", |row| row.get(0))
            .expect("fk");
        assert_eq!(fk, 1);
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("frontdoor.sqlite3");
        let storage = SqliteStorage::open(&path).expect("open");
        storage
            .connect()
            .expect("connect")
            .pragma_update(None, "user_version", 999)
            .expect("bump");
        let err = SqliteStorage::open(&path).expect_err("refused");
        assert!(err.to_string().contains("newer"), "{err}");
    }
}
