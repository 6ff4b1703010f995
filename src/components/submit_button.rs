//! The button that sends a form, locked while the form is on its way.
//!
//! While a request is pending the button stays focusable and in the tab order but says it is
//! unavailable with `aria-disabled="true"` (a `disabled` button would drop focus and vanish for
//! screen-reader users); presses are ignored and its words say what is happening. A polite
//! status next to it announces the same.

use leptos::{ev::MouseEvent, prelude::*};

/// A submit button that ignores presses while `pending`.
#[component]
pub fn SubmitButton(
    /// What the button says, e.g. "Confirm reservation".
    #[prop(into)]
    label: String,
    /// What it says while the form is being sent, e.g. "Reserving your seat…".
    #[prop(into)]
    pending_label: String,
    /// Whether the form is on its way.
    #[prop(into)]
    pending: Signal<bool>,
) -> impl IntoView {
    let ignore_while_pending = move |event: MouseEvent| {
        if pending.get_untracked() {
            event.prevent_default();
        }
    };
    let status = {
        let pending_label = pending_label.clone();
        move || pending.get().then(|| pending_label.clone())
    };
    view! {
        <div class="submit">
            <button
                type="submit"
                class=move || {
                    if pending.get() { "button button--pending" } else { "button" }
                }
                aria-disabled=move || pending.get().then_some("true")
                on:click=ignore_while_pending
            >
                {move || {
                    if pending.get() {
                        view! {
                            <span class="button__spinner" aria-hidden="true"></span>
                            {pending_label.clone()}
                        }
                            .into_any()
                    } else {
                        label.clone().into_any()
                    }
                }}
            </button>
            <span class="visually-hidden" role="status">
                {status}
            </span>
        </div>
    }
}
