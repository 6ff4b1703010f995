//! `/groups/:id/reserve/:step`: reserving a seat, one step per address.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::features::reserve::{ReserveFlow, ReserveStep};

/// The reservation page; the step comes from the URL.
#[component]
pub fn ReservePage() -> impl IntoView {
    let params = use_params_map();
    let group_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let step = Memo::new(move |_| {
        params
            .read()
            .get("step")
            .and_then(|step| ReserveStep::parse(&step))
    });
    view! { <ReserveFlow group_id step /> }
}
