//! Running the programs Frontdoor's build uses: one way to make a command (repository root,
//! tool PATH, Trunk's offline settings) and one way to run it visibly or quietly.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, bail};

use crate::workspace;

/// A command for `program`, run from the repository root with Frontdoor's tool PATH
/// (`tools/node/node_modules/.bin` first, so binaryen 132's wasm-opt is the one Trunk finds, then
/// Cargo's bin folder) and Trunk told to stay offline and skip its update check.
pub fn tool(program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(program);
    command
        .current_dir(workspace::root())
        .env("PATH", tool_path())
        .env("TRUNK_OFFLINE", "true")
        .env("TRUNK_SKIP_VERSION_CHECK", "true");
    command
}

fn tool_path() -> OsString {
    let mut dirs = vec![
        workspace::node_tools().join("node_modules/.bin"),
        cargo_bin(),
    ];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

fn cargo_bin() -> PathBuf {
    match std::env::var_os("CARGO_HOME") {
        Some(home) => PathBuf::from(home).join("bin"),
        None => PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo/bin"),
    }
}

/// Runs `command` with its output shown, after printing its command line; fails on a non-zero exit.
pub fn run(command: &mut Command) -> Result<()> {
    say(&format!("  $ {}", describe(command)));
    let status = command
        .status()
        .with_context(|| format!("could not start `{}`", describe(command)))?;
    if !status.success() {
        bail!("`{}` failed ({status})", describe(command));
    }
    Ok(())
}

/// Runs `command` quietly and returns its trimmed standard output, or why it failed.
pub fn capture(command: &mut Command) -> Result<String> {
    let output = command
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("could not start `{}`", describe(command)))?;
    if !output.status.success() {
        bail!(
            "`{}` failed ({}): {}",
            describe(command),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// The trimmed standard output of `command` if it ran and succeeded; `None` otherwise.
pub fn probe(command: &mut Command) -> Option<String> {
    capture(command).ok()
}

/// The command line as a person would type it (with the folder, when not the repository root).
pub fn describe(command: &Command) -> String {
    let mut words = vec![command.get_program().to_string_lossy().into_owned()];
    words.extend(command.get_args().map(|arg| quoted(&arg.to_string_lossy())));
    let line = words.join(" ");
    match command.get_current_dir() {
        Some(dir) if dir != workspace::root() => {
            let shown = dir.strip_prefix(workspace::root()).unwrap_or(dir);
            format!("{line}   (in {})", shown.display())
        }
        _ => line,
    }
}

/// `word` as a shell would need it: single-quoted when it holds a space.
fn quoted(word: &str) -> String {
    if word.contains(' ') {
        format!("'{word}'")
    } else {
        word.to_owned()
    }
}

/// Set while a progress label is printed without its end of line, awaiting its status.
static OPEN: AtomicBool = AtomicBool::new(false);

/// Prints one line of progress (ending a label left open first).
pub fn say(line: &str) {
    end_open_line();
    println!("{line}");
}

/// Prints `label` and leaves the line open for [`finish_line`].
pub fn open_line(label: &str) {
    end_open_line();
    print!("{label} ");
    let _ = std::io::stdout().flush();
    OPEN.store(true, Ordering::Relaxed);
}

/// Completes `label`'s line with `status`: on the same line when nothing was printed since
/// [`open_line`], otherwise on a new line that repeats the label.
pub fn finish_line(label: &str, status: &str) {
    if OPEN.swap(false, Ordering::Relaxed) {
        println!("{status}");
    } else {
        println!("{label} {status}");
    }
}

fn end_open_line() {
    if OPEN.swap(false, Ordering::Relaxed) {
        println!();
    }
}
