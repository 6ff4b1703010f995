//! A labelled multi-line text box, with the same label, hint and error parts as
//! [`TextField`](super::TextField).

use leptos::prelude::*;

use super::radio_group::{described_by, error_view, hint_view};
use super::text_field::form_group_class;

/// One free-text question answered in a few lines.
#[component]
pub fn TextArea(
    /// The textarea's id and `name`; error summaries link to it.
    #[prop(into)]
    id: String,
    /// The question, e.g. "Anything the coordinator should know?".
    #[prop(into)]
    label: String,
    /// Extra help under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The error to show, if any, without the "Error:" prefix.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// The text, read and written as the person types.
    value: RwSignal<String>,
    /// Adds "(optional)" to the label.
    #[prop(optional)]
    optional: bool,
    /// Most characters accepted.
    #[prop(optional)]
    max_length: Option<usize>,
    /// Visible lines.
    #[prop(default = 4)]
    rows: u32,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let describedby = {
        let id = id.clone();
        move || described_by(&id, has_hint, error.with(Option::is_some))
    };
    let class = move || {
        if error.with(Option::is_some) {
            "textarea textarea--error"
        } else {
            "textarea"
        }
    };
    view! {
        <div class=move || form_group_class(error.with(Option::is_some))>
            <label class="form-label" for=id.clone()>
                {label}
                {optional.then(|| view! { <span class="form-label__optional">" (optional)"</span> })}
            </label>
            {hint_view(&id, hint)}
            {error_view(&id, error)}
            <textarea
                class=class
                id=id.clone()
                name=id.clone()
                rows=rows
                maxlength=max_length.map(|n| n.to_string())
                aria-describedby=describedby
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            ></textarea>
        </div>
    }
}
