//! Properties that must hold for any answers at all, not just the profiles in the table.

use proptest::prelude::*;

use super::definition::{AnswerKind, QUESTION_SET, option, question};
use super::flow::{SelfCheckFlow, Stage, is_visible, step_progress, visible_questions};
use super::scoring::{NextStep, assess};
use super::{LevelOfCare, SelfCheckAnswers};

/// One pick per question: an option index (taken modulo the option count), a topic bitmask for
/// the multiple-choice question, or nothing (left unanswered).
fn any_answers() -> impl Strategy<Value = SelfCheckAnswers> {
    let picks = prop::collection::vec(
        prop::option::weighted(0.9, (0usize..8, 1u16..512)),
        QUESTION_SET.questions.len(),
    );
    picks.prop_map(|picks| {
        let mut answers = SelfCheckAnswers::new();
        for (q, pick) in QUESTION_SET.questions.iter().zip(picks) {
            let Some((index, mask)) = pick else { continue };
            let chosen: Vec<&str> = match q.kind {
                AnswerKind::SingleChoice => vec![q.options[index % q.options.len()].id],
                AnswerKind::MultipleChoice => q
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, o)| o.id)
                    .collect(),
            };
            if !chosen.is_empty() {
                // Every pick is one of the question's own options.
                answers
                    .answer(q.id, &chosen)
                    .expect("generated answer is valid");
            }
        }
        answers
    })
}

fn shown_single(answers: &SelfCheckAnswers, id: &str) -> Option<&'static str> {
    if is_visible(answers, id) {
        answers.single(id)
    } else {
        None
    }
}

fn safety_concern(answers: &SelfCheckAnswers) -> bool {
    let direct = matches!(
        shown_single(answers, question::SAFETY),
        Some(option::YES | option::NOT_SURE)
    );
    let item_9 = is_visible(answers, question::PHQ9_ITEM_9)
        && answers.score(question::PHQ9_ITEM_9).is_some_and(|s| s > 0);
    direct || item_9
}

fn withdrawal_risk(answers: &SelfCheckAnswers) -> bool {
    matches!(
        shown_single(answers, question::DAILY_HEAVY_DRINKING),
        Some(option::YES | option::NOT_SURE)
    ) || matches!(
        shown_single(answers, question::DAILY_SEDATIVES_OR_OPIOIDS),
        Some(option::YES | option::NOT_SURE)
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn item_9_above_not_at_all_or_a_safety_yes_always_means_get_help_now(
        mut answers in any_answers(),
        force in 0u8..3,
    ) {
        // Make sure a good share of cases carry a trigger.
        match force {
            0 => answers.answer(question::SAFETY, &[option::YES]).expect("valid"),
            1 => {
                answers.answer(question::FOR_WHOM, &[option::MYSELF]).expect("valid");
                answers.answer(question::PHQ9_ITEM_9, &["several_days"]).expect("valid");
            }
            _ => {}
        }
        let result = assess(&answers);
        if safety_concern(&answers) {
            prop_assert_eq!(result.level_of_care, LevelOfCare::GetHelpNow);
        } else {
            prop_assert_ne!(result.level_of_care, LevelOfCare::GetHelpNow);
        }
    }

    #[test]
    fn withdrawal_risk_never_yields_iop_may_fit(
        mut answers in any_answers(),
        drinking in prop::sample::select(vec![option::YES, option::NOT_SURE, option::NO]),
        sedatives in prop::sample::select(vec![option::YES, option::NOT_SURE, option::AS_PRESCRIBED, option::NO]),
    ) {
        answers.answer(question::TOPICS, &[option::SUBSTANCE_USE, "mood"]).expect("valid");
        answers.answer(question::DAILY_HEAVY_DRINKING, &[drinking]).expect("valid");
        answers.answer(question::DAILY_SEDATIVES_OR_OPIOIDS, &[sedatives]).expect("valid");
        let result = assess(&answers);
        if withdrawal_risk(&answers) {
            prop_assert_ne!(result.level_of_care, LevelOfCare::IopMayFit);
            prop_assert!(matches!(
                result.level_of_care,
                LevelOfCare::HigherLevelOfCare | LevelOfCare::GetHelpNow
            ));
        }
    }

    #[test]
    fn every_result_explains_itself_and_offers_the_coordinator_call(answers in any_answers()) {
        let result = assess(&answers);
        prop_assert!(result.next_steps().contains(&NextStep::BookCoordinatorCall));
        if answers.is_answered(question::DAILY_FUNCTIONING) {
            prop_assert!(!result.reasons.is_empty());
        }
        let summary = result.summary();
        prop_assert_eq!(summary.reasons.len(), result.reasons.len());
    }

    #[test]
    fn step_numbers_never_exceed_the_total_and_the_total_is_the_shown_steps(answers in any_answers()) {
        let shown = visible_questions(&answers);
        for (index, q) in shown.iter().enumerate() {
            let progress = step_progress(&answers, q.id);
            prop_assert!(progress.is_some());
            if let Some(progress) = progress {
                prop_assert_eq!(progress.number, index + 1);
                prop_assert_eq!(progress.total, shown.len());
                prop_assert!(progress.number <= progress.total);
                prop_assert!(progress.percent() <= 100);
            }
        }
        for q in QUESTION_SET.questions {
            if !shown.iter().any(|s| s.id == q.id) {
                prop_assert_eq!(step_progress(&answers, q.id), None);
            }
        }
    }

    #[test]
    fn walking_the_flow_keeps_the_step_counter_honest(
        picks in prop::collection::vec((0usize..8, 1u16..512), 40),
        backs in prop::collection::vec(any::<bool>(), 40),
    ) {
        let mut flow = SelfCheckFlow::new();
        let mut last_number = 0;
        for ((index, mask), back) in picks.into_iter().zip(backs) {
            match flow.stage() {
                Stage::Question(id) => {
                    let progress = flow.progress();
                    prop_assert!(progress.is_some());
                    if let Some(progress) = progress {
                        prop_assert!(progress.number >= 1);
                        prop_assert!(progress.number <= progress.total);
                        prop_assert_eq!(progress.total, visible_questions(flow.answers()).len());
                        last_number = progress.number;
                    }
                    if back && last_number > 1 && index % 4 == 0 {
                        flow.back();
                        continue;
                    }
                    let q = QUESTION_SET.question(id).expect("flow only shows real questions");
                    let chosen: Vec<&str> = match q.kind {
                        AnswerKind::SingleChoice => vec![q.options[index % q.options.len()].id],
                        AnswerKind::MultipleChoice => {
                            let picked: Vec<&str> = q
                                .options
                                .iter()
                                .enumerate()
                                .filter(|(i, _)| mask & (1 << i) != 0)
                                .map(|(_, o)| o.id)
                                .collect();
                            if picked.is_empty() { vec![q.options[0].id] } else { picked }
                        }
                    };
                    prop_assert!(flow.answer(&chosen).is_ok());
                }
                Stage::SafetyInterrupt { .. } => {
                    prop_assert!(flow.continue_after_interrupt().is_ok());
                }
                Stage::CheckAnswers => {
                    prop_assert!(flow.see_result().is_ok());
                }
                Stage::Result => break,
            }
        }
    }
}
