//! The "Get help now" link, in the same place in the header on every page.

use leptos::prelude::*;
use leptos_router::components::A;

/// Where the crisis resources page lives.
pub const GET_HELP_PATH: &str = "/get-help";

/// A prominent link to the crisis resources page.
#[component]
pub fn CrisisLink() -> impl IntoView {
    view! {
        <A href=GET_HELP_PATH attr:class="crisis-link">
            "Get help now"
        </A>
    }
}
