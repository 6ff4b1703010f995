//! Any unknown address: says so plainly and offers ways on.

use leptos::prelude::*;

use crate::components::{PageHeading, PageMeta};

/// The "Page not found" page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PageMeta page="Page not found" description="This page could not be found." />
        <PageHeading>"Page not found"</PageHeading>
        <p class="lede">"We couldn't find that page. It may have moved, or the address may be mistyped."</p>
        <ul class="link-list">
            <li>
                <a href="/">"Go to the home page"</a>
            </li>
            <li>
                <a href="/programs">"See all our programs"</a>
            </li>
        </ul>
    }
}
