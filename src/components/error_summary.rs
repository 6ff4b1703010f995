//! "There is a problem": the GOV.UK error summary at the top of a form.
//!
//! It appears when a form is sent with a problem, is announced (`role="alert"`), takes focus,
//! and links each problem to the control to fix. The links move focus in the page without
//! touching the URL: on a form whose answers must stay private, not even a field's id belongs
//! in the address bar.

use leptos::{ev::MouseEvent, html::Div, prelude::*};
use wasm_bindgen::JsCast;

/// One problem: what to fix, and the id of the control to fix it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormProblem {
    /// The message, e.g. "Select an option to continue."
    pub message: String,
    /// The id of the control the link moves focus to.
    pub field_id: String,
}

/// The error summary. It takes focus each time `attempt` changes, so a second failed attempt
/// is announced again.
#[component]
pub fn ErrorSummary(
    /// The problems to list.
    problems: Vec<FormProblem>,
    /// Counts the attempts to send the form.
    #[prop(into)]
    attempt: Signal<u32>,
) -> impl IntoView {
    let summary = NodeRef::<Div>::new();
    Effect::new(move |_| {
        attempt.track();
        if let Some(element) = summary.get() {
            let _ = element.focus();
        }
    });
    let items = problems
        .into_iter()
        .map(|problem| {
            let field_id = problem.field_id;
            let href = format!("#{field_id}");
            let go_to_field = move |event: MouseEvent| {
                event.prevent_default();
                let field = document()
                    .get_element_by_id(&field_id)
                    .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(field) = field {
                    let _ = field.focus();
                }
            };
            // `target="_self"` keeps the router from treating the fragment as a navigation.
            view! {
                <li>
                    <a href=href target="_self" on:click=go_to_field>
                        {problem.message}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="error-summary" tabindex="-1" node_ref=summary>
            <div role="alert">
                <h2 class="error-summary__title" id="error-summary-title">
                    "There is a problem"
                </h2>
                <ul class="error-summary__list">{items}</ul>
            </div>
        </div>
    }
}
