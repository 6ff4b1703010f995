//! A labelled text input, GOV.UK style.
//!
//! The label is a real `<label for>`; the hint and the error message sit between the label and
//! the input and are tied to it with `aria-describedby`; the error message starts with a visually
//! hidden "Error:" so a screen reader says what it is; `aria-invalid` marks the input while the
//! error shows. The input's id is the field's id, so an [`ErrorSummary`](super::ErrorSummary)
//! can link straight to it. `autocomplete` lets browsers and password managers fill contact
//! details in one go.

use leptos::prelude::*;

use super::radio_group::{described_by, error_view, hint_view};

/// What kind of text the field takes: sets the input's `type`, the keyboard a phone shows and
/// whether spelling is checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TextKind {
    /// Free text, such as a name.
    #[default]
    Text,
    /// An email address: email keyboard, no spell check or auto-capitals.
    Email,
    /// A phone number: phone keypad.
    Phone,
}

impl TextKind {
    fn input_type(self) -> &'static str {
        match self {
            TextKind::Text => "text",
            TextKind::Email => "email",
            TextKind::Phone => "tel",
        }
    }

    fn is_free_text(self) -> bool {
        self == TextKind::Text
    }
}

/// The CSS class of a form group, marked while it shows an error.
pub fn form_group_class(has_error: bool) -> &'static str {
    if has_error {
        "form-group form-group--error"
    } else {
        "form-group"
    }
}

/// One text question with its label, hint and error.
#[component]
pub fn TextField(
    /// The input's id and `name`; error summaries link to it.
    #[prop(into)]
    id: String,
    /// What to enter, e.g. "Email address".
    #[prop(into)]
    label: Signal<String>,
    /// Extra help under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The error to show, if any, without the "Error:" prefix.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// The text, read and written as the person types.
    value: RwSignal<String>,
    /// The HTML `autocomplete` token, e.g. `name`, `email`, `tel`, or `off`.
    #[prop(into)]
    autocomplete: String,
    /// What kind of text the field takes.
    #[prop(optional)]
    kind: TextKind,
    /// Adds "(optional)" to the label.
    #[prop(optional)]
    optional: bool,
    /// Most characters accepted.
    #[prop(optional)]
    max_length: Option<usize>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let describedby = {
        let id = id.clone();
        move || described_by(&id, has_hint, error.with(Option::is_some))
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let input_class = move || {
        if error.with(Option::is_some) {
            "text-input text-input--error"
        } else {
            "text-input"
        }
    };
    let free_text = kind.is_free_text();
    view! {
        <div class=move || form_group_class(error.with(Option::is_some))>
            <label class="form-label" for=id.clone()>
                {label}
                {optional.then(|| view! { <span class="form-label__optional">" (optional)"</span> })}
            </label>
            {hint_view(&id, hint)}
            {error_view(&id, error)}
            <input
                class=input_class
                type=kind.input_type()
                id=id.clone()
                name=id.clone()
                autocomplete=autocomplete
                spellcheck=if free_text { None } else { Some("false") }
                autocapitalize=if free_text { None } else { Some("none") }
                maxlength=max_length.map(|n| n.to_string())
                aria-describedby=describedby
                aria-invalid=invalid
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            />
        </div>
    }
}
