//! The application: shared state, the API route table and the router with its middleware.
//!
//! Each feature module exposes `pub fn routes() -> ApiRoutes` (paths relative to `/api/v1`) and
//! is merged in [`api_routes`]. [`ROUTES`] lists every API route the server answers; it is the
//! one place the route list is written down besides `contract/openapi.yaml`, and building the
//! router panics if the registered routes and [`ROUTES`] ever differ.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::handler::Handler;
use axum::http::{HeaderValue, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, on};
use frontdoor_contract::API_PREFIX;
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;

use crate::calls;
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::problem::ApiProblem;
use crate::programs;
use crate::rate_limit::PostRateLimit;
use crate::security::{self, SecurityHeaders};
use crate::slots::{AvailabilityError, CoordinatorAvailability};
use crate::static_files::{self, Site};
use crate::storage::{SqliteStorage, Storage, StorageError};
use crate::{groups, reservations};

/// Every API route as (method, path relative to [`API_PREFIX`]), in the order of the contract.
///
/// `contract/openapi.yaml` must describe exactly these; a server test checks both directions.
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/programs"),
    ("GET", "/programs/{slug}"),
    ("GET", "/groups"),
    ("GET", "/groups/{id}"),
    ("POST", "/reservations"),
    ("GET", "/reservations/{reference}"),
    ("DELETE", "/reservations/{reference}"),
    ("POST", "/groups/{id}/waitlist"),
    ("GET", "/groups/{id}/waitlist/{reference}"),
    ("DELETE", "/groups/{id}/waitlist/{reference}"),
    ("GET", "/coordinator/slots"),
    ("POST", "/calls"),
    ("GET", "/calls/{reference}"),
    ("DELETE", "/calls/{reference}"),
    ("POST", "/calls/{reference}/reschedule"),
    ("POST", "/availability-requests"),
];

/// The largest request body accepted (64 KiB); larger ones get a 413 problem.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    storage: Arc<dyn Storage>,
    /// The built SPA.
    pub site: Arc<Site>,
    security: Arc<SecurityHeaders>,
    cors_origins: Arc<[HeaderValue]>,
    rate_limit: Arc<PostRateLimit>,
    coordinator: Arc<CoordinatorAvailability>,
    clock: Arc<dyn Clock>,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// The database could not be opened or migrated.
    #[error("cannot open the database {}: {source}", path.display())]
    Storage {
        /// The database file.
        path: PathBuf,
        /// Why.
        source: StorageError,
    },
    /// Demo content could not be loaded into an empty database.
    #[error("cannot load demo content: {0}")]
    Seed(#[from] programs::SeedError),
    /// The group catalogue could not be loaded into an empty database.
    #[error("cannot load the group catalogue: {0}")]
    Groups(#[from] groups::SeedError),
    /// The dist directory's index.html exists but cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Dist {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The coordinator's availability file is missing or invalid.
    #[error("cannot load the coordinator's availability: {0}")]
    Coordinator(#[from] AvailabilityError),
    /// A CORS origin is not a valid header value.
    #[error("invalid --cors-origin value {0:?}")]
    CorsOrigin(String),
}

impl AppState {
    /// Opens the database (migrating and seeding it), reads the SPA and prepares headers.
    /// Blocking: call before serving.
    pub fn open(config: &Config) -> Result<Self, StartupError> {
        let db_path = config.database_path();
        let storage = SqliteStorage::open(&db_path).map_err(|source| StartupError::Storage {
            path: db_path.clone(),
            source,
        })?;
        let coordinator = calls::load_availability(&config.content_dir)?;
        let seeded = programs::seed_if_empty(&storage, &config.content_dir)?;
        let groups_seeded = groups::seed_if_empty(&storage, &config.content_dir)?;
        if groups_seeded > 0 {
            tracing::info!(groups = groups_seeded, "loaded the group catalogue");
        }
        if seeded > 0 {
            tracing::info!(
                programs = seeded,
                "loaded demo content into an empty database"
            );
        }
        let site = Site::open(&config.dist).map_err(|source| StartupError::Dist {
            path: config.dist.join("index.html"),
            source,
        })?;
        if site.index_html().is_none() {
            tracing::warn!("no index.html in the dist directory: serving the API only");
        }
        let security = SecurityHeaders::new(site.index_html());
        let cors_origins = config
            .cors_origins
            .iter()
            .map(|origin| origin.trim())
            .filter(|origin| !origin.is_empty())
            .map(|origin| {
                HeaderValue::from_str(origin.trim_end_matches('/'))
                    .map_err(|_| StartupError::CorsOrigin(origin.to_owned()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            storage: Arc::new(storage),
            site: Arc::new(site),
            security: Arc::new(security),
            cors_origins: cors_origins.into(),
            rate_limit: Arc::new(PostRateLimit::per_minute(config.rate_limit)),
            coordinator: Arc::new(coordinator),
            clock: Arc::new(SystemClock),
        })
    }

    /// The same state reading the time from `clock` (the system clock unless replaced).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// The current instant by this state's clock.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// The POST rate limit (per client address and per contact).
    pub fn rate_limit(&self) -> &PostRateLimit {
        &self.rate_limit
    }

    /// The coordinator's availability, loaded at start.
    pub fn coordinator(&self) -> &Arc<CoordinatorAvailability> {
        &self.coordinator
    }

    /// Runs a storage operation on the blocking pool. Failures are logged and become a 500
    /// problem whose text reveals nothing internal.
    pub async fn storage<T, F>(&self, operation: F) -> Result<T, ApiProblem>
    where
        F: FnOnce(&dyn Storage) -> Result<T, StorageError> + Send + 'static,
        T: Send + 'static,
    {
        let storage = Arc::clone(&self.storage);
        match tokio::task::spawn_blocking(move || operation(storage.as_ref())).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => {
                tracing::error!(%error, "storage operation failed");
                Err(ApiProblem::internal())
            }
            Err(error) => {
                tracing::error!(%error, "storage task did not finish");
                Err(ApiProblem::internal())
            }
        }
    }
}

/// A feature's API routes (paths relative to [`API_PREFIX`]) together with the list of what was
/// registered, so the server can check it against [`ROUTES`].
#[derive(Default)]
pub struct ApiRoutes {
    router: Router<AppState>,
    registered: Vec<(Method, &'static str)>,
}

impl ApiRoutes {
    /// No routes yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a GET (and HEAD) route.
    pub fn get<H, T>(self, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::GET, path, handler)
    }

    /// Adds a POST route.
    pub fn post<H, T>(self, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::POST, path, handler)
    }

    /// Adds a DELETE route.
    pub fn delete<H, T>(self, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::DELETE, path, handler)
    }

    fn add<H, T>(mut self, method: Method, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let filter = match axum::routing::MethodFilter::try_from(method.clone()) {
            Ok(filter) => filter,
            Err(_) => panic!("unsupported method {method} for {path}"),
        };
        let method_router: MethodRouter<AppState> = on(filter, handler);
        self.router = self.router.route(path, method_router);
        self.registered.push((method, path));
        self
    }

    /// Adds another feature's routes.
    pub fn merge(mut self, other: ApiRoutes) -> Self {
        self.router = self.router.merge(other.router);
        self.registered.extend(other.registered);
        self
    }

    /// The registered (method, path) pairs.
    pub fn registered(&self) -> BTreeSet<(String, String)> {
        self.registered
            .iter()
            .map(|(method, path)| (method.to_string(), (*path).to_owned()))
            .collect()
    }
}

/// Every feature's API routes, merged.
pub fn api_routes() -> ApiRoutes {
    ApiRoutes::new()
        .merge(programs::routes())
        .merge(groups::routes())
        .merge(reservations::routes())
        .merge(calls::routes())
}

/// [`ROUTES`] as a set.
pub fn declared_routes() -> BTreeSet<(String, String)> {
    ROUTES
        .iter()
        .map(|(method, path)| ((*method).to_owned(), (*path).to_owned()))
        .collect()
}

/// The whole application: `/api/v1` routes, the SPA and static files, and the middleware every
/// response passes through.
///
/// # Panics
/// If the registered API routes differ from [`ROUTES`] (a programming error caught by tests).
pub fn router(state: AppState) -> Router {
    let routes = api_routes();
    let registered = routes.registered();
    let declared = declared_routes();
    assert!(
        registered == declared,
        "API routes and app::ROUTES differ: registered but not declared {:?}; declared but not \
         registered {:?}",
        registered.difference(&declared).collect::<Vec<_>>(),
        declared.difference(&registered).collect::<Vec<_>>(),
    );

    let api = routes
        .router
        .method_not_allowed_fallback(method_not_allowed)
        .layer(CompressionLayer::new());

    let layers = ServiceBuilder::new()
        .layer(middleware::from_fn_with_state(
            Arc::clone(&state.security),
            security::add_security_headers,
        ))
        .layer(middleware::from_fn(access_log))
        .layer(security::cors_layer(&state.cors_origins))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&state.rate_limit),
            crate::rate_limit::limit_posts,
        ))
        .layer(middleware::from_fn(refuse_large_bodies))
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES));

    Router::new()
        .nest(API_PREFIX, api)
        .fallback(static_files::serve)
        .layer(layers)
        .with_state(state)
}

async fn method_not_allowed() -> ApiProblem {
    ApiProblem::method_not_allowed()
}

/// Answers 413 before reading a body whose declared length is over the limit; bodies without a
/// length are capped by [`DefaultBodyLimit`] when a handler reads them.
async fn refuse_large_bodies(request: Request, next: Next) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > BODY_LIMIT_BYTES as u64) {
        return ApiProblem::payload_too_large(BODY_LIMIT_BYTES).into_response();
    }
    next.run(request).await
}

/// One log line per request: method, route template, status and latency. Never the concrete
/// path, query string, headers or body, which can say what a person is looking for.
async fn access_log(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let route = match request.extensions().get::<MatchedPath>() {
        Some(matched) => matched.as_str().to_owned(),
        None if request.uri().path().starts_with("/api") => "(unknown api route)".to_owned(),
        None => "(static)".to_owned(),
    };
    let started = Instant::now();
    let response = next.run(request).await;
    tracing::info!(
        method = %method,
        route = %route,
        status = response.status().as_u16(),
        latency_ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    response
}
