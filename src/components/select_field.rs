//! A labelled drop-down list, with the same hint and error parts as
//! [`TextField`](super::TextField).

use leptos::prelude::*;

use super::radio_group::{ChoiceOption, described_by, error_view, hint_view};
use super::text_field::form_group_class;

/// One question answered by picking from a list.
#[component]
pub fn SelectField(
    /// The select's id and `name`; error summaries link to it.
    #[prop(into)]
    id: String,
    /// The question, e.g. "Time zone".
    #[prop(into)]
    label: String,
    /// Extra help under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The error to show, if any, without the "Error:" prefix.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// The answers, in order.
    options: Vec<ChoiceOption>,
    /// The chosen answer's value.
    value: RwSignal<String>,
    /// The HTML `autocomplete` token, if one fits.
    #[prop(optional, into)]
    autocomplete: Option<String>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let describedby = {
        let id = id.clone();
        move || described_by(&id, has_hint, error.with(Option::is_some))
    };
    let options = options
        .into_iter()
        .map(|option| {
            let selected = {
                let option_value = option.value.clone();
                move || value.with(|v| *v == option_value)
            };
            view! {
                <option value=option.value prop:selected=selected>
                    {option.label}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class=move || form_group_class(error.with(Option::is_some))>
            <label class="form-label" for=id.clone()>
                {label}
            </label>
            {hint_view(&id, hint)}
            {error_view(&id, error)}
            <select
                class="select"
                id=id.clone()
                name=id.clone()
                autocomplete=autocomplete
                aria-describedby=describedby
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || value.get()
                on:change=move |event| value.set(event_target_value(&event))
            >
                {options}
            </select>
        </div>
    }
}
