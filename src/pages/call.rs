//! `/call` and its steps (`/call/time`, `/call/details`, …): book a free call with a care
//! coordinator.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    features::call::{CallBooking, CallStep},
    pages::NotFoundPage,
};

/// The booking flow; a step name it does not know shows "Page not found".
#[component]
pub fn CallPage() -> impl IntoView {
    let params = use_params_map();
    let step = Memo::new(move |_| CallStep::from_segment(params.read().get("step").as_deref()));
    // Only a known/unknown change rebuilds the page: moving between steps keeps the flow (and
    // what it holds in memory) alive.
    let known = Memo::new(move |_| step.with(Option::is_some));
    move || {
        if known.get() {
            let step = Signal::derive(move || step.get().unwrap_or(CallStep::Day));
            view! { <CallBooking step /> }.into_any()
        } else {
            view! { <NotFoundPage /> }.into_any()
        }
    }
}
