//! `/groups`: find a weekly group by searching and filtering the catalogue.

use leptos::prelude::*;

use crate::{
    components::{PageHeading, PageMeta},
    features::groups::search_page::GroupSearch,
};

/// The group search page.
#[component]
pub fn GroupsPage() -> impl IntoView {
    view! {
        <PageMeta
            page="Find a group"
            description="Search our weekly online therapy groups by topic, day and time, and reserve a seat."
        />
        <PageHeading>"Find a group"</PageHeading>
        <p class="lede">
            "Small groups that meet online for an hour at the same time each week, with the same members and the same licensed therapist."
        </p>
        <GroupSearch />
    }
}
