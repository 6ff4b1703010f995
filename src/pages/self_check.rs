//! `/self-check`: "Is IOP right for you?", a private self-check scored on the device.

use leptos::prelude::*;

use crate::{components::PageMeta, features::self_check::SelfCheck};

/// The self-check page. Its screens set their own titles, none of which reveals an answer.
#[component]
pub fn SelfCheckPage() -> impl IntoView {
    view! {
        <PageMeta
            page="Is IOP right for you?"
            description="A private, 5-minute self-check to see whether an intensive outpatient program (IOP) may fit. Your answers stay on your device. This is not a diagnosis."
        />
        <SelfCheck />
    }
}
