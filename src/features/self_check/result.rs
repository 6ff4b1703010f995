//! The result: where the answers point, why, what the questionnaires suggest, what IOP involves,
//! and what to do next — always with "this is not a diagnosis". The summary part prints cleanly
//! (see `style/forms.css`).

use leptos::{html::H1, prelude::*};

use super::definition::{PHQ_CREDIT_LINE, QUESTION_SET_VERSION};
use super::interrupt::CrisisResources;
use super::next_steps::{CALL_PATH, group_search_links};
use super::page::{ClearAnswers, SelfCheckUi};
use super::scoring::{
    LevelOfCare, NOT_A_DIAGNOSIS, NextStep, SelfCheckResult, TimePreference, WHAT_IOP_INVOLVES,
    assess,
};
use crate::config::use_config;

/// What IOP sessions look like, beyond the hours (from the practice's own description).
const IOP_SESSIONS: &str = "Sessions run in the daytime or in the evening and are led by licensed therapists. They bring together group therapy, skills such as CBT, individual support and, where it helps, family sessions.";

/// The preferred time of day, said back in plain words.
pub fn time_sentence(preference: TimePreference) -> &'static str {
    match preference {
        TimePreference::Daytime => "You said daytime sessions would suit best.",
        TimePreference::Evenings => "You said evening sessions would suit best.",
        TimePreference::Either => "You said daytime or evening sessions would both be fine.",
    }
}

/// Whether the result must carry the PHQ-9/GAD-7 credit line (either was shown and answered).
pub fn shows_phq_family(result: &SelfCheckResult) -> bool {
    result.screeners.phq9.is_some() || result.screeners.gad7.is_some()
}

/// The result page.
#[component]
pub fn ResultPage(
    /// The page's state.
    ui: SelfCheckUi,
) -> impl IntoView {
    let result = ui
        .context()
        .with_session(|session| session.map(|s| s.result().unwrap_or_else(|| assess(s.answers()))));
    let heading = NodeRef::<H1>::new();
    ui.focus_when_shown(heading);
    let practice = use_config().practice_name;
    let Some(result) = result else {
        return ().into_any();
    };

    let level = result.level_of_care;
    let crisis = (level == LevelOfCare::GetHelpNow).then(|| {
        view! {
            <section class="result-section" aria-labelledby="result-crisis">
                <h2 id="result-crisis">"Reach someone now"</h2>
                <CrisisResources level=3 />
            </section>
        }
    });
    let reasons = result
        .reason_sentences()
        .into_iter()
        .map(|sentence| view! { <li>{sentence}</li> })
        .collect_view();
    let bands = result.band_sentences();
    let screeners = (!bands.is_empty()).then(|| {
        let credit = shows_phq_family(&result)
            .then(|| view! { <p class="credit">{format!("PHQ-9 and GAD-7: {PHQ_CREDIT_LINE}")}</p> });
        let bands = bands
            .into_iter()
            .map(|sentence| view! { <li>{sentence}</li> })
            .collect_view();
        view! {
            <section class="result-section" aria-labelledby="result-screeners">
                <h2 id="result-screeners">"What the questionnaires suggest"</h2>
                <ul>{bands}</ul>
                <p class="hint">
                    "Questionnaires like these help you and a professional talk about how things have been. They can't tell what's causing it."
                </p>
                {credit}
            </section>
        }
    });
    let preferred_time = result
        .preferred_time
        .map(|time| view! { <p>{time_sentence(time)}</p> });

    let steps = result.next_steps();
    let group_links = steps
        .iter()
        .any(|s| matches!(s, NextStep::BrowseGroups | NextStep::LovedOnesGroup))
        .then(|| {
            group_search_links(&result)
                .into_iter()
                .map(|link| {
                    view! {
                        <li>
                            <a href=link.href>{link.label}</a>
                        </li>
                    }
                })
                .collect_view()
        });
    let print = steps.contains(&NextStep::PrintSummary).then(|| {
        view! {
            <li>
                <button
                    type="button"
                    class="button button--secondary"
                    on:click=move |_| {
                        let _ = window().print();
                    }
                >
                    "Print or save a summary"
                </button>
            </li>
        }
    });

    view! {
        <div class="self-check self-check--result">
            <section class="self-check-summary" aria-labelledby="result-heading">
                <p class="print-only">
                    {format!(
                        "{practice} \u{2014} \u{201c}Is IOP right for you?\u{201d} self-check summary (question set {QUESTION_SET_VERSION})",
                    )}
                </p>
                <p class="caption">"Your self-check result"</p>
                <h1 id="result-heading" tabindex="-1" node_ref=heading>
                    {level.heading()}
                </h1>
                <div class="inset inset--notice">
                    <p>{NOT_A_DIAGNOSIS}</p>
                </div>
                <p class="lede">{level.explanation()}</p>
                {crisis}
                <section class="result-section" aria-labelledby="result-why">
                    <h2 id="result-why">"Why we suggest this"</h2>
                    <ul>{reasons}</ul>
                </section>
                {screeners}
                <section class="result-section" aria-labelledby="result-iop">
                    <h2 id="result-iop">"What IOP involves"</h2>
                    <p>{WHAT_IOP_INVOLVES}</p>
                    <p>{IOP_SESSIONS}</p>
                    {preferred_time}
                </section>
                <section class="result-section" aria-labelledby="result-next">
                    <h2 id="result-next">"What you can do next"</h2>
                    <p>
                        "A care coordinator can answer your questions and help plan next steps. The call is free, and you can choose whether to share this summary when you book it."
                    </p>
                    <ul class="next-steps no-print">
                        <li>
                            <a class="button" href=CALL_PATH>
                                "Book a free call with a care coordinator"
                            </a>
                        </li>
                        {group_links}
                        {print}
                    </ul>
                    <p class="print-only">
                        "In crisis? Call or text 988. Text HOME to 741741. In immediate danger, call 911."
                    </p>
                </section>
            </section>
            <div class="button-group no-print">
                <button type="button" class="button button--secondary" on:click=move |_| ui.back()>
                    "Back to your answers"
                </button>
            </div>
            <ClearAnswers ui />
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::self_check::answers::SelfCheckAnswers;
    use crate::features::self_check::definition::{option, question};

    #[test]
    fn the_credit_line_comes_with_the_phq9_or_gad7_only() {
        let mut answers = SelfCheckAnswers::new();
        answers
            .answer(question::FOR_WHOM, &[option::SOMEONE_ELSE])
            .expect("valid");
        assert!(!shows_phq_family(&assess(&answers)));

        let mut answers = SelfCheckAnswers::new();
        answers
            .answer(question::FOR_WHOM, &[option::MYSELF])
            .expect("valid");
        for id in question::GAD7 {
            answers.answer(id, &["not_at_all"]).expect("valid");
        }
        assert!(shows_phq_family(&assess(&answers)));
    }

    #[test]
    fn the_preferred_time_is_said_back_plainly() {
        assert_eq!(
            time_sentence(TimePreference::Evenings),
            "You said evening sessions would suit best."
        );
    }
}
