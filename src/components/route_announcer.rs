//! Focus and announcements on client-side navigation.
//!
//! A screen reader gets no page load when the SPA changes route, so after each navigation the new
//! page's h1 takes focus and its text is put in a polite live region. On the first load the
//! browser's own behaviour is left alone.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// Shared state between the router watcher, the live region and the pages' headings.
#[derive(Debug, Clone, Copy)]
pub struct RouteFocus {
    pending: RwSignal<bool>,
    announcement: RwSignal<String>,
}

impl RouteFocus {
    /// Creates the state and provides it to everything below the current owner.
    pub fn provide() -> Self {
        let focus = Self {
            pending: RwSignal::new(false),
            announcement: RwSignal::new(String::new()),
        };
        provide_context(focus);
        focus
    }

    /// Whether a navigation is waiting for its page's heading (tracked).
    pub fn is_pending(self) -> bool {
        self.pending.get()
    }

    /// The text of the live region (tracked).
    pub fn announcement(self) -> String {
        self.announcement.get()
    }

    /// Focuses the new page's heading and announces its text.
    pub fn complete(self, heading: &web_sys::HtmlElement) {
        let _ = heading.focus();
        let text = heading.text_content().unwrap_or_default();
        self.announcement.set(text.trim().to_owned());
        self.pending.set(false);
    }

    /// Starts waiting for the new page's heading: after a navigation, or when a page replaces
    /// itself with another view that has its own h1 (e.g. once its code has loaded).
    pub fn begin(self) {
        self.pending.set(true);
        // A page whose h1 is not a `PageHeading` is handled once it has painted.
        request_animation_frame(move || {
            if !self.pending.get_untracked() {
                return;
            }
            let heading = document()
                .query_selector("main h1")
                .ok()
                .flatten()
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(heading) = heading {
                self.complete(&heading);
            }
        });
    }
}

/// Watches the router's path and, when it changes after the first render, asks the new page's
/// heading to take focus. Call once, inside the `Router`.
pub fn manage_focus_on_navigation(focus: RouteFocus) {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        // Query or fragment changes (filters, steps) keep focus where the person is.
        if previous.is_some_and(|previous| previous != path) {
            focus.begin();
        }
        path
    });
}

/// The visually hidden polite live region that names each new page.
#[component]
pub fn RouteAnnouncer() -> impl IntoView {
    let focus = use_context::<RouteFocus>();
    let text = move || focus.map(RouteFocus::announcement).unwrap_or_default();
    view! {
        <div
            id="route-announcer"
            class="visually-hidden"
            role="status"
            aria-live="polite"
            aria-atomic="true"
        >
            {text}
        </div>
    }
}
