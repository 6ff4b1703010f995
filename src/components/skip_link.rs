//! "Skip to main content": the first thing a keyboard user reaches on every page.

use leptos::{ev::MouseEvent, prelude::*};
use wasm_bindgen::JsCast;

/// A link, visible when focused, that moves focus to `<main id="main">`.
#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = move |event: MouseEvent| {
        let main = document()
            .get_element_by_id("main")
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            event.prevent_default();
            let _ = main.focus();
        }
    };
    // `target="_self"` keeps the router from treating the fragment as a navigation.
    view! {
        <a class="skip-link" href="#main" target="_self" on:click=skip>
            "Skip to main content"
        </a>
    }
}
