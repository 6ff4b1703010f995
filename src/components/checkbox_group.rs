//! A question with several answers, as checkboxes in a fieldset.
//!
//! Same shape as [`RadioGroup`](super::RadioGroup): legend (optionally holding the page's h1),
//! hint and error tied to the fieldset with `aria-describedby`, and the first checkbox's id is
//! the group's id so an error summary can link to it.

use leptos::{html::H1, prelude::*};

use super::radio_group::{ChoiceFieldset, ChoiceKind, ChoiceOption, Hint, LegendText};

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
    let order: Vec<String> = options.iter().map(|o| o.value.clone()).collect();
    let order = StoredValue::new(order);
    ChoiceFieldset {
        kind: ChoiceKind::Checkbox,
        id,
        legend,
        heading,
        hint,
        error,
        options,
    }
    .view(
        move |value| selected.with(|chosen| chosen.iter().any(|v| v == value)),
        move |value, on| {
            order.with_value(|order| {
                selected.update(|chosen| *chosen = toggle(chosen, value, on, order));
            });
        },
    )
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
