//! What a person sees while data loads and when loading fails: a status message, then either the
//! content or the reason with a "Try again" button.

use leptos::prelude::*;

use super::{Alert, AlertKind};
use crate::api::ApiError;

/// A polite loading message, read out by screen readers.
#[component]
pub fn Loading(
    /// What is loading, e.g. "Loading programs…"; "Loading…" when left out.
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView {
    view! {
        <p class="loading" role="status">
            <span class="loading__spinner" aria-hidden="true"></span>
            {label.unwrap_or_else(|| "Loading…".to_owned())}
        </p>
    }
}

/// Explains why something could not be loaded and offers to try again.
#[component]
pub fn FetchError(
    /// What went wrong.
    error: ApiError,
    /// What was being loaded, finishing "We couldn't load …", e.g. "our programs".
    #[prop(into)]
    what: String,
    /// Runs when the person presses "Try again".
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <Alert kind=AlertKind::Error title=format!("We couldn't load {what}")>
            <p>{error.user_message()}</p>
            <button type="button" class="button button--secondary" on:click=move |_| on_retry.run(())>
                "Try again"
            </button>
        </Alert>
    }
}
