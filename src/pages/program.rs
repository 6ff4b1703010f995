//! `/programs/:slug`: one program's page, rendered from the API's structured content.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::programs::program_page,
    components::{FetchError, Loading, PageHeading, PageMeta},
    config::use_config,
    features::programs::ProgramArticle,
    pages::NotFoundPage,
};

/// A program's page; an unknown slug shows the "Page not found" page.
#[component]
pub fn ProgramDetailPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let api_base = use_config().api_base;
    let page = LocalResource::new(move || program_page(&api_base, &slug.get()));
    view! {
        // Shown until the program's own title replaces it.
        <PageMeta page="Our programs" description="A program offered by the practice." />
        // The placeholder is a screen tall, so the footer does not jump as the page arrives.
        <Suspense fallback=|| {
            view! {
                <div class="page-loading">
                    <Loading label="Loading program…" />
                </div>
            }
        }>
            {move || {
                page.get()
                    .map(|result| match result {
                        Ok(page) => {
                            view! {
                                <PageMeta page=page.name.clone() description=page.summary.clone() />
                                <ProgramArticle page />
                            }
                                .into_any()
                        }
                        Err(error) if error.is_not_found() => view! { <NotFoundPage /> }.into_any(),
                        Err(error) => {
                            view! {
                                <PageHeading>"We couldn't load this program"</PageHeading>
                                <FetchError
                                    error
                                    what="this program"
                                    on_retry=move |_| page.refetch()
                                />
                                <p>
                                    <a href="/programs">"See all our programs"</a>
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}
