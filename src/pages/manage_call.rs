//! `/calls/:reference`: see, move or cancel a booked call, from the link in its confirmation.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::features::call::ManageCall;

/// The manage page of one call; its token comes from the link's fragment.
#[component]
pub fn ManageCallPage() -> impl IntoView {
    let params = use_params_map();
    let reference = Signal::derive(move || params.read().get("reference").unwrap_or_default());
    view! { <ManageCall reference /> }
}
