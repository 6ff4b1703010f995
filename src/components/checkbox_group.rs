//! A question with several answers, as checkboxes in a fieldset.
//!
//! Same shape as [`RadioGroup`](super::RadioGroup): legend (optionally holding the page's h1),
//! hint and error tied to the fieldset with `aria-describedby`, and the first checkbox's id is
//! the group's id so an error summary can link to it.

use leptos::{html::H1, prelude::*};

use super::radio_group::{
    ChoiceOption, Hint, LegendText, control_id, described_by, error_view, hint_view, legend_view,
};

/// Adds `value` to the chosen values or takes it out, keeping the options' order.
pub fn toggle(chosen: &[String], value: &str, on: bool, order: &[String]) -> Vec<String> {
    order
        .iter()
        .filter(|v| {
            if v.as_str() == value {
                on
            } else {
                chosen.contains(v)
            }
        })
        .cloned()
        .collect()
}

/// A several-answer question: checkboxes in a fieldset, GOV.UK style.
#[component]
pub fn CheckboxGroup(
    /// Base of the ids and the inputs' `name`; the first checkbox's id is exactly this.
    #[prop(into)]
    id: String,
    /// The question (and an optional caption), shown as the legend.
    legend: LegendText,
    /// When given, the legend holds the page's h1 (`tabindex="-1"`), reachable through this ref
    /// so it can take focus.
    #[prop(optional)]
    heading: Option<NodeRef<H1>>,
    /// Extra help under the question, e.g. "Choose all that apply."
    #[prop(optional, into)]
    hint: Hint,
    /// The error to show, if any, without the "Error:" prefix.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// The answers, in the order shown.
    options: Vec<ChoiceOption>,
    /// The chosen answers' values, in the order shown.
    selected: RwSignal<Vec<String>>,
) -> impl IntoView {
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
    let order: Vec<String> = options.iter().map(|o| o.value.clone()).collect();
    let boxes = options
        .into_iter()
        .enumerate()
        .map(|(index, option)| {
            let input_id = control_id(&id, index);
            let value = option.value;
            let checked = {
                let value = value.clone();
                move || selected.with(|s| s.contains(&value))
            };
            let change = {
                let value = value.clone();
                let order = order.clone();
                move |event: leptos::ev::Event| {
                    let on = event_target_checked(&event);
                    selected.update(|chosen| *chosen = toggle(chosen, &value, on, &order));
                }
            };
            view! {
                <div class="choice">
                    <input
                        class="choice__input"
                        type="checkbox"
                        id=input_id.clone()
                        name=id.clone()
                        value=value
                        prop:checked=checked
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
                <div class="choices choices--checkboxes">{boxes}</div>
            </fieldset>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| (*v).to_owned()).collect()
    }

    #[test]
    fn ticking_and_unticking_keeps_the_order_the_options_are_shown_in() {
        let order = strings(&["mood", "anxiety", "grief"]);
        let chosen = toggle(&[], "grief", true, &order);
        assert_eq!(chosen, strings(&["grief"]));
        let chosen = toggle(&chosen, "mood", true, &order);
        assert_eq!(chosen, strings(&["mood", "grief"]));
        let chosen = toggle(&chosen, "grief", false, &order);
        assert_eq!(chosen, strings(&["mood"]));
        assert_eq!(toggle(&chosen, "unknown", true, &order), chosen);
    }
}
