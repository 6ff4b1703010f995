//! What the load examples share: a Frontdoor server inside the process on temporary folders, and
//! the report of a run.

use std::error::Error;
use std::path::Path;
use std::time::Duration;

use frontdoor_server::app::{self, AppState};
use frontdoor_server::config::Config;
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub type Failure = Box<dyn Error + Send + Sync>;

/// A server on a free loopback port, with the POST rate limit off and its own data folder.
pub struct LoadServer {
    /// The API's base URL, e.g. `http://127.0.0.1:40123/api/v1`.
    pub base: String,
    stop: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
    _data: TempDir,
    _content: TempDir,
}

impl LoadServer {
    /// Starts a server on a copy of the repository's `content/`, after `adjust` has changed
    /// that copy (e.g. replaced the group catalogue).
    pub async fn start(adjust: impl FnOnce(&Path) -> std::io::Result<()>) -> Result<Self, Failure> {
        let data = tempfile::tempdir()?;
        let content = tempfile::tempdir()?;
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../content"),
            content.path(),
        )?;
        adjust(content.path())?;
        let mut config = Config::new(
            data.path().to_path_buf(),
            data.path().join("no-dist"),
            content.path().to_path_buf(),
        );
        config.rate_limit = 0;
        let state = tokio::task::spawn_blocking(move || AppState::open(&config)).await??;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let base = format!("http://{}/api/v1", listener.local_addr()?);
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(frontdoor_server::serve(
            listener,
            app::router(state),
            async move {
                let _ = stopped.await;
            },
        ));
        Ok(Self {
            base,
            stop,
            task,
            _data: data,
            _content: content,
        })
    }

    /// Shuts the server down and waits for it.
    pub async fn stop(self) -> Result<(), Failure> {
        let _ = self.stop.send(());
        self.task.await??;
        Ok(())
    }
}

/// Prints the throughput and latency percentiles of `latencies` (one per request).
pub fn report(what: &str, clients: usize, mut latencies: Vec<Duration>, elapsed: Duration) {
    latencies.sort();
    println!(
        "{} {what} by {clients} concurrent clients in {:.2} s: {:.0} {what}/s",
        latencies.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64()
    );
    println!(
        "latency p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        millis(percentile(&latencies, 50.0)),
        millis(percentile(&latencies, 95.0)),
        millis(percentile(&latencies, 99.0)),
        millis(latencies.last().copied().unwrap_or_default()),
    );
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
