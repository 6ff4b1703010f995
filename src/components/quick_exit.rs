//! The "Quick exit" button: one press leaves Frontdoor for a neutral page.

use leptos::prelude::*;

use crate::config::use_config;

/// Clears this tab's session storage and replaces the current history entry with `url`, so Back
/// does not return to the page that was showing.
pub fn quick_exit(url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(storage)) = window.session_storage() {
        // Leaving matters more than tidying up: go even if clearing fails.
        let _ = storage.clear();
    }
    let _ = window.location().replace(url);
}

/// A button that leaves the site at once for the deployment's `quick_exit_url`.
#[component]
pub fn QuickExit() -> impl IntoView {
    let url = use_config().quick_exit_url;
    view! {
        <button type="button" class="quick-exit" on:click=move |_| quick_exit(&url)>
            "Quick exit"
        </button>
    }
}
