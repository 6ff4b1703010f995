//! Building and running the reference server (`frontdoor-server`) for tests and benchmarks: it
//! listens on a free port, and its URL is read from the one line it prints on start.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};

use crate::cmd::{self, tool};
use crate::workspace;

/// What the server prints, followed by its URL, once it accepts connections.
const LISTENING: &str = "Frontdoor listening on ";

/// How long a built server may take to start.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// Which Cargo profile to build the server with.
#[derive(Clone, Copy)]
pub enum Profile {
    /// Shares dependencies with `cargo test`, so warm test runs stay short.
    Debug,
    /// What people deploy; used for benchmarks.
    Release,
}

impl Profile {
    fn dir(self) -> &'static str {
        match self {
            Self::Debug => "debug",
            Self::Release => "release",
        }
    }
}

/// Builds `frontdoor-server` and returns the path of its binary.
pub fn build(profile: Profile) -> Result<PathBuf> {
    let mut command = tool("cargo");
    command.args([
        "build",
        "-p",
        "frontdoor-server",
        "--bin",
        "frontdoor-server",
    ]);
    if let Profile::Release = profile {
        command.arg("--release");
    }
    cmd::run(&mut command)?;
    Ok(target_dir().join(profile.dir()).join("frontdoor-server"))
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|dir| workspace::root().join(dir))
        .unwrap_or_else(|| workspace::root().join("target"))
}

/// A server running on a free loopback port with an empty data directory
/// (`target/xtask/<name>-data`); stopped, and its data removed, when dropped.
pub struct RunningServer {
    child: Child,
    data_dir: PathBuf,
    log: PathBuf,
    /// Where it listens, e.g. `http://127.0.0.1:41234`.
    pub url: String,
}

impl RunningServer {
    /// Starts `binary` serving `dist/` and `content/`, with `extra` flags, and waits for its URL.
    /// Its log (standard error) goes to `target/xtask/<name>-server.log`.
    pub fn start(binary: &Path, name: &str, extra: &[&str]) -> Result<Self> {
        let scratch = workspace::scratch()?;
        let data_dir = scratch.join(format!("{name}-data"));
        // A run that was interrupted leaves its data behind; every run starts from an empty one.
        let _ = std::fs::remove_dir_all(&data_dir);
        std::fs::create_dir_all(&data_dir)
            .with_context(|| format!("creating {}", data_dir.display()))?;
        let log = scratch.join(format!("{name}-server.log"));
        let log_file = File::create(&log).with_context(|| format!("creating {}", log.display()))?;

        let mut command = tool(binary);
        command
            .args([
                "--addr",
                "127.0.0.1:0",
                "--dist",
                "dist",
                "--content-dir",
                "content",
            ])
            .arg("--data-dir")
            .arg(&data_dir)
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log_file);
        cmd::say(&format!("  $ {}", cmd::describe(&command)));
        let mut child = command
            .spawn()
            .with_context(|| format!("starting {}", binary.display()))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| anyhow!("no standard output from the server"))?;
        let mut server = Self {
            child,
            data_dir,
            log,
            url: String::new(),
        };
        server.url = server.wait_for_url(stdout)?;
        cmd::say(&format!(
            "  server at {} (log: {})",
            server.url,
            server.log.display()
        ));
        Ok(server)
    }

    fn wait_for_url(&mut self, stdout: impl std::io::Read + Send + 'static) -> Result<String> {
        let (sender, receiver) = mpsc::channel();
        // Keeps reading after the URL line so the server never blocks on a full pipe.
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(url) = line.strip_prefix(LISTENING) {
                    let _ = sender.send(url.trim().to_owned());
                }
            }
        });
        match receiver.recv_timeout(START_TIMEOUT) {
            Ok(url) => Ok(url),
            Err(mpsc::RecvTimeoutError::Timeout) => bail!(
                "the server printed no `{LISTENING}…` line within {} s; see {}",
                START_TIMEOUT.as_secs(),
                self.log.display()
            ),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                let status = self.child.wait().ok();
                bail!(
                    "the server stopped before listening ({}); see {}",
                    status.map_or("unknown status".into(), |status| status.to_string()),
                    self.log.display()
                )
            }
        }
    }

    /// The file its standard error is written to.
    pub fn log(&self) -> &Path {
        &self.log
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}
