//! A question with one answer, as radio buttons in a fieldset.
//!
//! The GOV.UK pattern: the question is the fieldset's `<legend>` (and, on a one-question page,
//! the page's h1 inside it); the hint and the error message are tied to the fieldset with
//! `aria-describedby`; the error message starts with a visually hidden "Error:"; the first
//! radio's id is the group's id, so an error summary can link straight to it.
//! [`CheckboxGroup`](super::CheckboxGroup) shares the legend, hint and error parts defined here.

use leptos::{html::H1, prelude::*};

/// One answer a person can pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceOption {
    /// The input's value; never shown.
    pub value: String,
    /// What the person reads next to the control.
    pub label: String,
}

impl ChoiceOption {
    /// An option with this value and label.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            label: label.into(),
        }
    }
}

/// A group's hint: extra help under the question. Accepts text or an `Option` of text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hint(pub Option<String>);

impl From<String> for Hint {
    fn from(text: String) -> Self {
        Hint(Some(text))
    }
}

impl From<&str> for Hint {
    fn from(text: &str) -> Self {
        Hint(Some(text.to_owned()))
    }
}

impl From<Option<String>> for Hint {
    fn from(text: Option<String>) -> Self {
        Hint(text)
    }
}

/// The id of the `index`-th (0-based) control of the group `id`: `id` itself for the first one,
/// so an error summary can link to it, then `id-2`, `id-3`, …
pub fn control_id(id: &str, index: usize) -> String {
    if index == 0 {
        id.to_owned()
    } else {
        format!("{id}-{}", index + 1)
    }
}

/// The id of a group's hint.
pub fn hint_id(id: &str) -> String {
    format!("{id}-hint")
}

/// The id of a group's error message.
pub fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// The ids a fieldset is described by: its hint, then its error, if present.
pub fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let ids: Vec<String> = [
        has_hint.then(|| hint_id(id)),
        has_error.then(|| error_id(id)),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// What the legend says: an optional caption above the question (e.g. a questionnaire's
/// instruction) and the question itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendText {
    /// Smaller text before the question, read as part of it.
    pub caption: Option<String>,
    /// The question.
    pub text: String,
}

/// The legend, holding the page's h1 when `heading` is given.
pub(crate) fn legend_view(legend: LegendText, heading: Option<NodeRef<H1>>) -> impl IntoView {
    let caption = legend
        .caption
        .map(|caption| view! { <span class="fieldset__caption">{caption}</span> " " });
    match heading {
        Some(node_ref) => view! {
            <legend class="fieldset__legend fieldset__legend--page">
                <h1 class="fieldset__heading" tabindex="-1" node_ref=node_ref>
                    {caption}
                    <span class="fieldset__question">{legend.text}</span>
                </h1>
            </legend>
        }
        .into_any(),
        None => view! {
            <legend class="fieldset__legend">
                {caption}
                <span class="fieldset__question">{legend.text}</span>
            </legend>
        }
        .into_any(),
    }
}

/// The hint under the legend, if any.
pub(crate) fn hint_view(id: &str, hint: Option<String>) -> impl IntoView + use<> {
    let id = hint_id(id);
    hint.map(|hint| view! { <div id=id class="form-hint">{hint}</div> })
}

/// The inline error message, shown while `error` holds one.
pub(crate) fn error_view(id: &str, error: Signal<Option<String>>) -> impl IntoView + use<> {
    let id = error_id(id);
    move || {
        error.get().map(|message| {
            view! {
                <p id=id.clone() class="error-message">
                    <span class="visually-hidden">"Error: "</span>
                    {message}
                </p>
            }
        })
    }
}

/// What kind of control a choice group holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChoiceKind {
    Radio,
    Checkbox,
}

impl ChoiceKind {
    fn input_type(self) -> &'static str {
        match self {
            ChoiceKind::Radio => "radio",
            ChoiceKind::Checkbox => "checkbox",
        }
    }

    fn list_class(self) -> &'static str {
        match self {
            ChoiceKind::Radio => "choices choices--radios",
            ChoiceKind::Checkbox => "choices choices--checkboxes",
        }
    }
}

/// The parts a radio group and a checkbox group share.
pub(crate) struct ChoiceFieldset {
    pub kind: ChoiceKind,
    pub id: String,
    pub legend: LegendText,
    pub heading: Option<NodeRef<H1>>,
    pub hint: Hint,
    pub error: Signal<Option<String>>,
    pub options: Vec<ChoiceOption>,
}

impl ChoiceFieldset {
    /// The fieldset with one control per option. `checked` says whether an option's value is
    /// chosen (tracked); `changed` gets its value and the control's new checked state.
    pub fn view(
        self,
        checked: impl Fn(&str) -> bool + Copy + Send + Sync + 'static,
        changed: impl Fn(&str, bool) + Copy + Send + Sync + 'static,
    ) -> impl IntoView {
        let ChoiceFieldset {
            kind,
            id,
            legend,
            heading,
            hint,
            error,
            options,
        } = self;
        let hint = hint.0;
        let has_hint = hint.is_some();
        let describedby = {
            let id = id.clone();
            move || described_by(&id, has_hint, error.with(Option::is_some))
        };
        let group_class = move || {
            if error.with(Option::is_some) {
                "form-group form-group--error"
            } else {
                "form-group"
            }
        };
        let controls = options
            .into_iter()
            .enumerate()
            .map(|(index, option)| {
                let input_id = control_id(&id, index);
                let value = option.value;
                let is_checked = {
                    let value = value.clone();
                    move || checked(&value)
                };
                let change = {
                    let value = value.clone();
                    move |event: leptos::ev::Event| changed(&value, event_target_checked(&event))
                };
                view! {
                    <div class="choice">
                        <input
                            class="choice__input"
                            type=kind.input_type()
                            id=input_id.clone()
                            name=id.clone()
                            value=value
                            prop:checked=is_checked
                            on:change=change
                        />
                        <label class="choice__label" for=input_id>
                            {option.label}
                        </label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <div class=group_class>
                <fieldset class="fieldset" aria-describedby=describedby>
                    {legend_view(legend, heading)}
                    {hint_view(&id, hint)}
                    {error_view(&id, error)}
                    <div class=kind.list_class()>{controls}</div>
                </fieldset>
            </div>
        }
    }
}

/// A one-answer question: radios in a fieldset, GOV.UK style.
#[component]
pub fn RadioGroup(
    /// Base of the ids and the inputs' `name`; the first radio's id is exactly this.
    #[prop(into)]
    id: String,
    /// The question (and an optional caption), shown as the legend.
    legend: LegendText,
    /// When given, the legend holds the page's h1 (`tabindex="-1"`), reachable through this ref
    /// so it can take focus.
    #[prop(optional)]
    heading: Option<NodeRef<H1>>,
    /// Extra help under the question.
    #[prop(optional, into)]
    hint: Hint,
    /// The error to show, if any ("Select …"), without the "Error:" prefix.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// The answers, in the order shown.
    options: Vec<ChoiceOption>,
    /// The chosen answer's value.
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    ChoiceFieldset {
        kind: ChoiceKind::Radio,
        id,
        legend,
        heading,
        hint,
        error,
        options,
    }
    .view(
        move |value| selected.with(|chosen| chosen.as_deref() == Some(value)),
        // A radio only reports being checked.
        move |value, _| selected.set(Some(value.to_owned())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_control_carries_the_group_id_so_errors_can_link_to_it() {
        assert_eq!(control_id("answer", 0), "answer");
        assert_eq!(control_id("answer", 1), "answer-2");
        assert_eq!(control_id("answer", 4), "answer-5");
    }

    #[test]
    fn the_fieldset_is_described_by_its_hint_then_its_error() {
        assert_eq!(described_by("q", false, false), None);
        assert_eq!(described_by("q", true, false).as_deref(), Some("q-hint"));
        assert_eq!(described_by("q", false, true).as_deref(), Some("q-error"));
        assert_eq!(
            described_by("q", true, true).as_deref(),
            Some("q-hint q-error")
        );
    }
}
