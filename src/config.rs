//! The deployment's settings, read from `/config.json` when Frontdoor starts.
//!
//! A practice points the same build at its own backend and name by editing that file; nothing
//! here needs a rebuild.

use std::future::Future;

use leptos::prelude::*;
use serde::Deserialize;

use crate::api::{ApiError, get_json};

/// Where the settings file is served from.
pub const CONFIG_PATH: &str = "/config.json";

/// Settings from `/config.json`, provided as context to the whole app.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AppConfig {
    /// Base of the API, e.g. `/api/v1` or `https://api.example.org/v1`.
    pub api_base: String,
    /// The practice's name as people know it; used in the header and every page title.
    pub practice_name: String,
    /// A neutral page the "Quick exit" button replaces Frontdoor with.
    pub quick_exit_url: String,
}

/// Fetches `/config.json` through the app's one HTTP path.
pub fn load_config() -> impl Future<Output = Result<AppConfig, ApiError>> {
    get_json(CONFIG_PATH)
}

/// Makes `config` available to every component below the current owner.
pub fn provide_config(config: AppConfig) {
    provide_context(config);
}

/// The deployment's settings.
///
/// # Panics
/// When called outside the tree that [`provide_config`] set up; `App` always provides it.
pub fn use_config() -> AppConfig {
    expect_context::<AppConfig>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_shipped_config_file() {
        let config: AppConfig =
            serde_json::from_str(include_str!("../public/config.json")).expect("valid config");
        assert_eq!(config.api_base, "/api/v1");
        assert_eq!(config.practice_name, "Northlight Online Therapy");
        assert!(config.quick_exit_url.starts_with("https://"));
    }
}
