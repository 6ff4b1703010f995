//! `/programs`: the list of the practice's programs.

use leptos::prelude::*;

use crate::{
    components::{PageHeading, PageMeta},
    features::programs::ProgramCatalogue,
};

/// The programs list page.
#[component]
pub fn ProgramsPage() -> impl IntoView {
    view! {
        <PageMeta
            page="Our programs"
            description="Intensive outpatient care, online groups, individual, couples, family and teen therapy, and a self-guided DBT program."
        />
        <PageHeading>"Our programs"</PageHeading>
        <p class="lede">
            "Every program is led by licensed therapists and runs by video. A care coordinator can help you choose."
        </p>
        <ProgramCatalogue />
    }
}
