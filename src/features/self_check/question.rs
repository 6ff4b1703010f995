//! One question on its own page: "Step n of N", the question as the fieldset's legend and the
//! page's h1, its answers as radios or checkboxes, Continue and Back.

use leptos::{ev::SubmitEvent, html::H1, prelude::*};

use super::definition::{AnswerKind, Mode, PHQ_CREDIT_LINE, Question, Screener};
use super::page::{ANSWER_FIELD_ID, ClearAnswers, SelfCheckUi};
use crate::components::{
    CheckboxGroup, ChoiceOption, ErrorSummary, FormProblem, LegendText, RadioGroup, StepProgress,
};

/// The question's answers as choices for the form controls.
fn choices(question: &Question) -> Vec<ChoiceOption> {
    question
        .options
        .iter()
        .map(|option| ChoiceOption::new(option.id, option.label))
        .collect()
}

/// Whether the question is a PHQ-9 or GAD-7 item, which must carry the credit line.
fn needs_credit_line(question: &Question) -> bool {
    question
        .screener
        .is_some_and(|item| matches!(item.screener, Screener::Phq9 | Screener::Gad7))
}

/// A question's step.
#[component]
pub fn QuestionStep(
    /// The question to ask.
    question: &'static Question,
    /// The page's state.
    ui: SelfCheckUi,
) -> impl IntoView {
    let context = ui.context();
    let (mode, given, progress) = context.with_session(|session| match session {
        Some(session) => (
            session.answers().mode(),
            session
                .answers()
                .get(question.id)
                .map(|answer| {
                    answer
                        .options()
                        .iter()
                        .map(|o| o.id.to_owned())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default(),
            session.flow().progress(),
        ),
        None => (Mode::Myself, Vec::new(), None),
    });
    let wording = *question.wording(mode);
    let heading = NodeRef::<H1>::new();
    ui.focus_when_shown(heading);
    let error = ui.error();

    // A screener's stem reads as part of each of its questions.
    let legend = LegendText {
        caption: wording.lead_in.map(str::to_owned),
        text: wording.text.to_owned(),
    };
    let (field, chosen): (AnyView, Signal<Vec<String>>) = match question.kind {
        AnswerKind::SingleChoice => {
            let selected = RwSignal::new(given.into_iter().next());
            (
                view! {
                    <RadioGroup
                        id=ANSWER_FIELD_ID
                        legend
                        heading
                        hint=wording.hint.map(str::to_owned)
                        error
                        options=choices(question)
                        selected
                    />
                }
                .into_any(),
                Signal::derive(move || selected.get().into_iter().collect()),
            )
        }
        AnswerKind::MultipleChoice => {
            let selected = RwSignal::new(given);
            (
                view! {
                    <CheckboxGroup
                        id=ANSWER_FIELD_ID
                        legend
                        heading
                        hint=wording.hint.map(str::to_owned)
                        error
                        options=choices(question)
                        selected
                    />
                }
                .into_any(),
                selected.into(),
            )
        }
    };

    let submit = move |event: SubmitEvent| {
        // Never let the browser send the form: answers must not reach a URL or a request.
        event.prevent_default();
        let values = chosen.get_untracked();
        let ids: Vec<&str> = values.iter().map(String::as_str).collect();
        ui.answer(question.kind, &ids);
    };

    let summary = move || {
        error.get().map(|message| {
            view! {
                <ErrorSummary
                    problems=vec![
                        FormProblem {
                            message,
                            field_id: ANSWER_FIELD_ID.to_owned(),
                        },
                    ]
                    attempt=ui.attempt()
                />
            }
        })
    };
    let credit = needs_credit_line(question)
        .then(|| question.screener.map(|item| item.screener.name()))
        .flatten()
        .map(|name| view! { <p class="credit">{format!("{name}: {PHQ_CREDIT_LINE}")}</p> });

    view! {
        <div class="self-check">
            {summary}
            {progress.map(|p| view! { <StepProgress number=p.number total=p.total /> })}
            // `method="dialog"`: should the handler ever fail to run, the browser's own
            // submission does nothing at all rather than put the answer in a URL.
            <form
                class="self-check__form"
                method="dialog"
                novalidate
                autocomplete="off"
                on:submit=submit
            >
                {field}
                <div class="button-group">
                    <button type="submit" class="button">
                        "Continue"
                    </button>
                    <button
                        type="button"
                        class="button button--secondary"
                        on:click=move |_| ui.back()
                    >
                        "Back"
                    </button>
                </div>
            </form>
            {credit}
            <ClearAnswers ui />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::self_check::definition::{QUESTION_SET, question};

    #[test]
    fn only_phq9_and_gad7_items_carry_the_credit_line() {
        let find = |id| QUESTION_SET.question(id).expect("in the question set");
        assert!(needs_credit_line(find(question::PHQ9_ITEM_9)));
        assert!(needs_credit_line(find(question::PHQ9_DIFFICULTY)));
        assert!(needs_credit_line(find(question::GAD7[0])));
        assert!(!needs_credit_line(find(question::AUDIT_C[0])));
        assert!(!needs_credit_line(find(question::SAFETY)));
    }

    #[test]
    fn every_option_becomes_a_choice_with_its_label() {
        let topics = QUESTION_SET
            .question(question::TOPICS)
            .expect("in the question set");
        let shown = choices(topics);
        assert_eq!(shown.len(), topics.options.len());
        assert_eq!(
            shown[0],
            ChoiceOption::new("mood", "Low mood or depression")
        );
    }
}
