//! Starts a real Frontdoor server on 127.0.0.1:0 inside the test process, with a temporary data
//! directory, the fixture SPA and the shipped program content.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use frontdoor_server::app::{self, AppState};
use frontdoor_server::config::Config;
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// The fixture SPA build.
pub fn fixture_dist() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dist")
}

/// The program content shipped with Frontdoor.
pub fn shipped_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")
}

/// A configuration with a fresh temporary data directory (kept alive by the returned guard),
/// the fixture dist, the shipped content and the POST rate limit off.
pub fn test_config() -> (Config, TempDir) {
    let data = tempfile::tempdir().expect("temporary data directory");
    let mut config = Config::new(data.path().to_path_buf(), fixture_dist(), shipped_content());
    config.rate_limit = 0;
    (config, data)
}

/// A running server.
pub struct TestServer {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// A client that sends no Accept-Encoding unless asked and follows no redirects.
    pub client: reqwest::Client,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
    _data: Option<TempDir>,
}

impl TestServer {
    /// A server with [`test_config`].
    pub async fn start() -> Self {
        let (config, data) = test_config();
        let mut server = Self::start_with(config).await;
        server._data = Some(data);
        server
    }

    /// A server with the given configuration (its `addr` is ignored).
    pub async fn start_with(config: Config) -> Self {
        Self::start_with_state(open_state(config).await).await
    }

    /// A server for prepared state (e.g. one with a test clock).
    pub async fn start_with_state(state: AppState) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("local addr");
        let (tx, rx) = oneshot::channel::<()>();
        let task = tokio::spawn(frontdoor_server::serve(
            listener,
            app::router(state),
            async move {
                let _ = rx.await;
            },
        ));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        Self {
            base: format!("http://{addr}"),
            client,
            shutdown: Some(tx),
            task: Some(task),
            _data: None,
        }
    }

    /// The absolute URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// `method` on `url` with `token` as the bearer (none if `None`), without a body.
    pub async fn with_token(
        &self,
        method: reqwest::Method,
        url: &str,
        token: Option<&str>,
    ) -> reqwest::Response {
        let mut request = self.client.request(method.clone(), url);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request
            .send()
            .await
            .unwrap_or_else(|error| panic!("{method} {url}: {error}"))
    }

    /// GET `path`.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    /// Shuts the server down gracefully and waits until it has stopped.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.expect("server task").expect("server ran");
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// [`AppState::open`] on the blocking pool, panicking if the server could not start.
pub async fn open_state(config: Config) -> AppState {
    tokio::task::spawn_blocking(move || AppState::open(&config))
        .await
        .expect("startup task")
        .expect("server starts")
}

/// The header's value as text ("" when absent).
pub fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}
