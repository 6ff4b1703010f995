//! `/reservations/:reference`: view or cancel a reservation, with the token from the link's
//! fragment.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::features::manage::ManageReservation;

/// The manage page.
#[component]
pub fn ManageReservationPage() -> impl IntoView {
    let params = use_params_map();
    let reference = Memo::new(move |_| params.read().get("reference").unwrap_or_default());
    move || view! { <ManageReservation reference=reference.get() /> }
}
