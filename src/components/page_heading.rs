//! A page's one h1, which takes focus after a client-side navigation.

use leptos::{html::H1, prelude::*};
use leptos_router::hooks::use_location;

use super::RouteFocus;

/// The page's h1 (`tabindex="-1"`). After a client-side navigation it receives focus and its text
/// is announced as soon as it appears — also when it appears only once the page's data arrive.
#[component]
pub fn PageHeading(
    /// The heading text.
    children: Children,
) -> impl IntoView {
    let heading = NodeRef::<H1>::new();
    if let Some(focus) = use_context::<RouteFocus>() {
        // The page being left is still on screen when a navigation begins: only a heading
        // created at the new address may take focus.
        let location = use_location();
        let created_at = location.pathname.get_untracked();
        Effect::new(move |_| {
            if focus.is_pending()
                && location.pathname.with_untracked(|path| *path == created_at)
                && let Some(element) = heading.get()
            {
                focus.complete(&element);
            }
        });
    }
    view! {
        <h1 tabindex="-1" node_ref=heading>
            {children()}
        </h1>
    }
}
