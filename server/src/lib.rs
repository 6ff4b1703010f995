//! Frontdoor's reference backend: the `/api/v1` JSON API over SQLite, and the built SPA.
//!
//! [`app::AppState::open`] prepares everything from a [`config::Config`]; [`app::router`] builds
//! the HTTP application; [`serve`] runs it until a shutdown signal.

pub mod app;
pub mod calls;
pub mod clock;
pub mod config;
pub mod groups;
pub mod idempotency;
pub mod manage_token;
pub mod problem;
pub mod programs;
pub mod rate_limit;
pub mod reservations;
pub mod schedule;
pub mod security;
pub mod slots;
pub mod static_files;
pub mod storage;

use std::future::Future;
use std::net::SocketAddr;

use axum::Router;
use tokio::net::TcpListener;

/// Serves `app` on `listener` until `shutdown` completes, then lets open requests finish.
/// Handlers can see each client's address (`ConnectInfo<SocketAddr>`), which the POST rate
/// limit uses.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
