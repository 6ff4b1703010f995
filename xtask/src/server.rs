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

/// A server running on a free loopback port with an empty data directory and its own copy of
/// `dist/`; stopped, and those removed, when dropped.
pub struct RunningServer {
    child: Child,
    files: RunFiles,
    /// Where it listens, e.g. `http://127.0.0.1:41234`.
    pub url: String,
}

impl RunningServer {
    /// Starts `binary` serving `dist/` and `content/`, with `extra` flags, and waits for its URL.
    pub fn start(binary: &Path, name: &str, extra: &[&str]) -> Result<Self> {
        let files = RunFiles::prepare(name)?;
        let log_file = File::create(&files.log)
            .with_context(|| format!("creating {}", files.log.display()))?;
        let mut command = tool(binary);
        command
            .args(["--addr", "127.0.0.1:0", "--content-dir", "content"])
            .arg("--dist")
            .arg(&files.dist)
            .arg("--data-dir")
            .arg(&files.data_dir)
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
            files,
            url: String::new(),
        };
        server.url = server.wait_for_url(stdout)?;
        cmd::say(&format!(
            "  server at {} (log: {})",
            server.url,
            server.log().display()
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
                self.log().display()
            ),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                let status = self.child.wait().ok();
                bail!(
                    "the server stopped before listening ({}); see {}",
                    status.map_or("unknown status".into(), |status| status.to_string()),
                    self.log().display()
                )
            }
        }
    }

    /// The file its standard error is written to.
    pub fn log(&self) -> &Path {
        &self.files.log
    }

    /// This run's folder, for reports of the tools run against the server.
    pub fn run_dir(&self) -> &Path {
        &self.files.run_dir
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.files.remove_copies();
    }
}

/// Where one run keeps its files: `target/xtask/<name>-run-<pid>/`, so that runs by several
/// people in one checkout do not disturb each other.
struct RunFiles {
    run_dir: PathBuf,
    data_dir: PathBuf,
    dist: PathBuf,
    log: PathBuf,
}

impl RunFiles {
    /// An empty data directory and a copy of `dist/` (another build in this checkout may replace
    /// `dist/` while the server runs).
    fn prepare(name: &str) -> Result<Self> {
        let scratch = workspace::scratch()?;
        remove_abandoned_runs(&scratch, name);
        let run_dir = scratch.join(format!("{name}-run-{}", std::process::id()));
        let files = Self {
            data_dir: run_dir.join("data"),
            dist: run_dir.join("dist"),
            log: run_dir.join("server.log"),
            run_dir,
        };
        files.remove_copies();
        std::fs::create_dir_all(&files.data_dir)
            .with_context(|| format!("creating {}", files.data_dir.display()))?;
        copy_dir(&workspace::dist(), &files.dist)?;
        Ok(files)
    }

    /// Removes the data and the copy of `dist/`; the log stays for reading.
    fn remove_copies(&self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
        let _ = std::fs::remove_dir_all(&self.dist);
    }
}

/// Removes the folders of earlier runs whose process has ended (interrupted runs never reach
/// `Drop`).
fn remove_abandoned_runs(scratch: &Path, name: &str) {
    let prefix = format!("{name}-run-");
    let Ok(entries) = std::fs::read_dir(scratch) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let pid = file_name
            .to_str()
            .and_then(|file_name| file_name.strip_prefix(&prefix))
            .and_then(|pid| pid.parse::<u32>().ok());
        if let Some(pid) = pid
            && !Path::new(&format!("/proc/{pid}")).exists()
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    let entries = std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))?;
    for entry in entries {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}
