//! `/groups/:id`: one group's page; an unknown id shows "Page not found".

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::groups::group,
    components::{FetchError, Loading, PageHeading, PageMeta},
    config::use_config,
    features::groups::group_detail::GroupDetail,
    pages::NotFoundPage,
};

/// A group's page.
#[component]
pub fn GroupPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let api_base = use_config().api_base;
    let found = LocalResource::new(move || group(&api_base, &id.get()));
    view! {
        <PageMeta page="Find a group" description="A weekly online group led by a licensed therapist." />
        <Suspense fallback=|| view! { <Loading label="Loading the group…" /> }>
            {move || {
                found
                    .get()
                    .map(|result| match result {
                        Ok(group) => view! { <GroupDetail group /> }.into_any(),
                        Err(error) if error.is_not_found() => view! { <NotFoundPage /> }.into_any(),
                        Err(error) => {
                            view! {
                                <PageHeading>"We couldn\u{2019}t load this group"</PageHeading>
                                <FetchError error what="this group" on_retry=move |_| found.refetch() />
                                <p>
                                    <a href="/groups">"See all our groups"</a>
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}
