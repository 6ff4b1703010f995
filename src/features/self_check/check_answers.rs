//! "Check your answers": every question shown, grouped by section, with the answer given and a
//! Change control for each, then "See my result".

use leptos::{html::H1, prelude::*};

use super::answers::SelfCheckAnswers;
use super::definition::{Mode, Question, Section};
use super::flow::visible_questions;
use super::page::{ClearAnswers, SelfCheckUi};

/// One row of the summary list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    /// The question's id, for its Change control.
    pub question_id: &'static str,
    /// The question as the person read it.
    pub question: &'static str,
    /// The labels of the answers given; empty if not answered.
    pub answer: Vec<&'static str>,
}

/// A section of the check-answers page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerSection {
    /// The section's heading.
    pub title: &'static str,
    /// The instruction its questions are asked under (a questionnaire's stem), if any.
    pub lead_in: Option<&'static str>,
    /// Its questions, in the order asked.
    pub rows: Vec<AnswerRow>,
}

/// The questions shown for these answers, grouped by section, with the answers as labelled.
pub fn answer_sections(answers: &SelfCheckAnswers) -> Vec<AnswerSection> {
    let mode = answers.mode();
    let mut sections: Vec<(Section, AnswerSection)> = Vec::new();
    for question in visible_questions(answers) {
        let row = row(question, answers, mode);
        let lead_in = question.wording(mode).lead_in;
        match sections.last_mut() {
            Some((section, group)) if *section == question.section => {
                // Questions without the stem (the PHQ-9's closing question) stand on their own.
                group.lead_in = group.lead_in.or(lead_in);
                group.rows.push(row);
            }
            _ => sections.push((
                question.section,
                AnswerSection {
                    title: question.section.title(),
                    lead_in,
                    rows: vec![row],
                },
            )),
        }
    }
    sections.into_iter().map(|(_, group)| group).collect()
}

fn row(question: &'static Question, answers: &SelfCheckAnswers, mode: Mode) -> AnswerRow {
    AnswerRow {
        question_id: question.id,
        question: question.wording(mode).text,
        answer: answers
            .get(question.id)
            .map(|answer| answer.options().iter().map(|o| o.label).collect())
            .unwrap_or_default(),
    }
}

/// The "Check your answers" page.
#[component]
pub fn CheckAnswers(
    /// The page's state.
    ui: SelfCheckUi,
) -> impl IntoView {
    let sections = ui
        .context()
        .with_session(|session| session.map(|s| answer_sections(s.answers())))
        .unwrap_or_default();
    let heading = NodeRef::<H1>::new();
    ui.focus_when_shown(heading);

    let sections = sections
        .into_iter()
        .map(|section| {
            let rows = section
                .rows
                .into_iter()
                .map(|row| {
                    let question_id = row.question_id;
                    let answer = if row.answer.is_empty() {
                        view! { <span class="hint">"Not answered"</span> }.into_any()
                    } else {
                        row.answer
                            .into_iter()
                            .map(
                                |label| view! { <span class="summary-list__answer">{label}</span> },
                            )
                            .collect_view()
                            .into_any()
                    };
                    // A button, not a link: it changes what this page shows without going to
                    // another address (the step never enters the URL).
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{row.question}</dt>
                            <dd class="summary-list__value">{answer}</dd>
                            <dd class="summary-list__actions">
                                <button
                                    type="button"
                                    class="link-button"
                                    on:click=move |_| ui.change(question_id)
                                >
                                    "Change"
                                    <span class="visually-hidden">
                                        {format!(" your answer to: {}", row.question)}
                                    </span>
                                </button>
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <h2 class="summary-section__title">{section.title}</h2>
                {section.lead_in.map(|text| view! { <p class="hint">{text}</p> })}
                <dl class="summary-list">{rows}</dl>
            }
        })
        .collect_view();

    view! {
        <div class="self-check self-check--wide">
            <h1 tabindex="-1" node_ref=heading>
                "Check your answers"
            </h1>
            <p class="lede">
                "Make sure these are right before you see your result. Nothing has been sent anywhere."
            </p>
            {sections}
            <div class="button-group">
                <button type="button" class="button" on:click=move |_| ui.see_result()>
                    "See my result"
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| ui.back()>
                    "Back"
                </button>
            </div>
            <ClearAnswers ui />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::self_check::definition::{PHQ9_STEM, option, question};

    #[test]
    fn answers_are_grouped_by_section_with_their_labels() {
        let mut answers = SelfCheckAnswers::new();
        answers
            .answer(question::FOR_WHOM, &[option::MYSELF])
            .expect("valid");
        answers
            .answer(question::TOPICS, &["grief", "mood"])
            .expect("valid");
        answers
            .answer(question::PHQ9[0], &["several_days"])
            .expect("valid");
        let sections = answer_sections(&answers);
        let first = &sections[0];
        assert_eq!(first.title, "What brings you here");
        assert_eq!(first.lead_in, None);
        assert_eq!(
            first.rows[1],
            AnswerRow {
                question_id: question::TOPICS,
                question: "What brings you here?",
                answer: vec!["Low mood or depression", "Grief or loss"],
            }
        );
        let mood = sections
            .iter()
            .find(|s| s.title == "Mood")
            .expect("the PHQ-9 is shown");
        assert_eq!(mood.lead_in, Some(PHQ9_STEM));
        assert_eq!(mood.rows[0].answer, ["Several days"]);
        assert!(mood.rows[1].answer.is_empty());
    }

    #[test]
    fn someone_else_mode_shows_the_third_person_wording() {
        let mut answers = SelfCheckAnswers::new();
        answers
            .answer(question::FOR_WHOM, &[option::SOMEONE_ELSE])
            .expect("valid");
        let sections = answer_sections(&answers);
        let rows: Vec<&str> = sections
            .iter()
            .flat_map(|s| s.rows.iter().map(|r| r.question))
            .collect();
        assert!(rows.contains(&"What are you worried about for them?"));
        assert!(!sections.iter().any(|s| s.title == "Mood"));
    }
}
