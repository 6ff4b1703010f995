//! Command-line and environment configuration of the Frontdoor server.
//!
//! Every flag has an environment variable twin so a deployment can configure the server without a
//! wrapper script.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

/// How a Frontdoor server is run: where it listens, where it keeps data and what it serves.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "frontdoor-server",
    version,
    about = "Frontdoor reference backend: serves the SPA and the /api/v1 JSON API"
)]
pub struct Config {
    /// Address to listen on; port 0 picks a free port (the real one is printed on start).
    #[arg(long, env = "FRONTDOOR_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// Directory for the SQLite database file `frontdoor.sqlite3` (created when missing).
    #[arg(long, env = "FRONTDOOR_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,

    /// Directory of the built SPA (Trunk's `dist/`).
    #[arg(long, env = "FRONTDOOR_DIST", default_value = "./dist")]
    pub dist: PathBuf,

    /// Directory of demo content (`programs/NN-slug.json`) loaded into an empty database.
    #[arg(long, env = "FRONTDOOR_CONTENT_DIR", default_value = "./content")]
    pub content_dir: PathBuf,

    /// Origins allowed to call the API from another site (comma separated); none by default.
    #[arg(
        long = "cors-origin",
        env = "FRONTDOOR_CORS_ORIGINS",
        value_delimiter = ',',
        num_args = 0..
    )]
    pub cors_origins: Vec<String>,

    /// POST requests allowed per minute from one client address, and per contact (email address
    /// or phone number); 0 turns both limits off.
    #[arg(long, env = "FRONTDOOR_RATE_LIMIT", default_value_t = 30)]
    pub rate_limit: u32,
}

impl Config {
    /// A configuration for the given directories with every other setting at its default.
    pub fn new(data_dir: PathBuf, dist: PathBuf, content_dir: PathBuf) -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            data_dir,
            dist,
            content_dir,
            cors_origins: Vec::new(),
            rate_limit: 30,
        }
    }

    /// The SQLite database file inside the data directory.
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("frontdoor.sqlite3")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cors_origins_are_split_on_commas() {
        let config = Config::try_parse_from([
            "frontdoor-server",
            "--cors-origin",
            "https://a.example,https://b.example",
        ])
        .expect("valid flags");
        assert_eq!(
            config.cors_origins,
            ["https://a.example", "https://b.example"]
        );
        assert_eq!(config.addr.to_string(), "127.0.0.1:8080");
        assert_eq!(config.rate_limit, 30);
    }
}
