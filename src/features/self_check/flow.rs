//! The self-check's path through the questions: which steps are shown for the answers so far,
//! "Step n of N", Back and Continue, the safety interrupt, "Check your answers" and the result.
//!
//! Everything here is a pure function of the [question set](super::definition) and the
//! [answers](super::answers::SelfCheckAnswers); [`SelfCheckFlow`] ties them into one state
//! machine the page drives. Nothing here stores or sends anything.

use super::answers::{AnswerError, SelfCheckAnswers};
use super::definition::{Condition, QUESTION_SET, Question, Screener, option, question};
use super::scoring::{SelfCheckResult, assess};

/// Whether a question's condition holds for these answers. The answers passed in must already
/// be limited to questions that are shown (see [`visible_answers`]).
fn holds(condition: &Condition, shown: &SelfCheckAnswers) -> bool {
    match condition {
        Condition::Always => true,
        Condition::Chose { question, option } => shown.chose(question, option),
        Condition::Not(inner) => !holds(inner, shown),
        Condition::AllOf(all) => all.iter().all(|c| holds(c, shown)),
        Condition::AnyItemAbove { screener, score } => {
            items_of(*screener).any(|q| shown.score(q.id).is_some_and(|s| s > *score))
        }
    }
}

/// The questions of a screener that add to its total, in form order.
pub(crate) fn items_of(screener: Screener) -> impl Iterator<Item = &'static Question> {
    QUESTION_SET.questions.iter().filter(move |q| {
        q.screener
            .is_some_and(|item| item.screener == screener && item.counts_toward_total)
    })
}

/// The questions shown for these answers, in order. A question's visibility only depends on
/// earlier questions, and only on those that are shown themselves, so an answer left behind on
/// a branch the person later closed has no effect.
pub fn visible_questions(answers: &SelfCheckAnswers) -> Vec<&'static Question> {
    let mut shown_answers = SelfCheckAnswers::new();
    let mut shown = Vec::new();
    for question in QUESTION_SET.questions {
        if holds(&question.shown_when, &shown_answers) {
            shown.push(question);
            if let Some(answer) = answers.get(question.id) {
                shown_answers.insert(question.id, answer.clone());
            }
        }
    }
    shown
}

/// The answers to shown questions only: what the scoring reads.
pub fn visible_answers(answers: &SelfCheckAnswers) -> SelfCheckAnswers {
    let shown: Vec<&str> = visible_questions(answers).iter().map(|q| q.id).collect();
    let mut kept = answers.clone();
    kept.retain(|id| shown.contains(&id));
    kept
}

/// Whether the question is shown for these answers.
pub fn is_visible(answers: &SelfCheckAnswers, question_id: &str) -> bool {
    visible_questions(answers)
        .iter()
        .any(|q| q.id == question_id)
}

/// "Step n of N", counted over the questions shown for the current answers only, so the count
/// stays honest when a branch opens or closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepProgress {
    /// This step's number, from 1.
    pub number: usize,
    /// How many steps are shown for the current answers.
    pub total: usize,
}

impl StepProgress {
    /// How far along, 0–100, for a progress bar.
    pub fn percent(self) -> u8 {
        if self.total == 0 {
            return 0;
        }
        // number ≤ total, so this is at most 100.
        u8::try_from(self.number * 100 / self.total).unwrap_or(100)
    }
}

impl std::fmt::Display for StepProgress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Step {} of {}", self.number, self.total)
    }
}

/// Progress for this question, if it is shown.
pub fn step_progress(answers: &SelfCheckAnswers, question_id: &str) -> Option<StepProgress> {
    let shown = visible_questions(answers);
    shown
        .iter()
        .position(|q| q.id == question_id)
        .map(|index| StepProgress {
            number: index + 1,
            total: shown.len(),
        })
}

/// The first shown question that has no answer yet.
pub fn first_unanswered(answers: &SelfCheckAnswers) -> Option<&'static str> {
    visible_questions(answers)
        .into_iter()
        .find(|q| !answers.is_answered(q.id))
        .map(|q| q.id)
}

/// Where Continue leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    /// Another question.
    Question(&'static str),
    /// The "Check your answers" page.
    CheckAnswers,
}

/// Where Continue leads from this question: the next shown question; after the last one, any
/// shown question still unanswered; otherwise "Check your answers".
pub fn next_destination(answers: &SelfCheckAnswers, current: &str) -> Destination {
    let shown = visible_questions(answers);
    let current_position = QUESTION_SET.position(current);
    let later = shown.iter().find(
        |q| matches!((QUESTION_SET.position(q.id), current_position), (Some(p), Some(c)) if p > c),
    );
    match later {
        Some(q) => Destination::Question(q.id),
        None => match first_unanswered(answers) {
            Some(id) => Destination::Question(id),
            None => Destination::CheckAnswers,
        },
    }
}

/// Where Back leads from this question: the shown question before it, if any.
pub fn previous_question(answers: &SelfCheckAnswers, current: &str) -> Option<&'static str> {
    let current_position = QUESTION_SET.position(current)?;
    visible_questions(answers)
        .into_iter()
        .rev()
        .find(|q| {
            QUESTION_SET
                .position(q.id)
                .is_some_and(|p| p < current_position)
        })
        .map(|q| q.id)
}

/// What set off the safety interrupt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SafetyTrigger {
    /// "Yes" or "I'm not sure" to the direct safety question.
    DirectQuestion,
    /// Any answer above "Not at all" to PHQ-9 item 9.
    Phq9Item9,
}

/// The interrupt that shows crisis resources before any further question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafetyInterrupt {
    /// Every trigger present in the answers, direct question first.
    pub triggers: Vec<SafetyTrigger>,
}

/// Whether this answer, on its own, calls for the safety interrupt.
fn triggers_interrupt(answers: &SelfCheckAnswers, question_id: &str) -> Option<SafetyTrigger> {
    if question_id == question::SAFETY
        && (answers.chose(question::SAFETY, option::YES)
            || answers.chose(question::SAFETY, option::NOT_SURE))
    {
        return Some(SafetyTrigger::DirectQuestion);
    }
    if question_id == question::PHQ9_ITEM_9
        && answers.score(question::PHQ9_ITEM_9).is_some_and(|s| s > 0)
    {
        return Some(SafetyTrigger::Phq9Item9);
    }
    None
}

/// The safety check over all shown answers: any answer above "Not at all" to PHQ-9 item 9, or
/// "Yes" or "I'm not sure" to the direct safety question.
pub fn safety_interrupt(answers: &SelfCheckAnswers) -> Option<SafetyInterrupt> {
    let shown = visible_answers(answers);
    let triggers: Vec<SafetyTrigger> = [question::SAFETY, question::PHQ9_ITEM_9]
        .into_iter()
        .filter_map(|id| triggers_interrupt(&shown, id))
        .collect();
    (!triggers.is_empty()).then_some(SafetyInterrupt { triggers })
}

/// Where the person is in the self-check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Answering a question.
    Question(&'static str),
    /// Crisis resources, shown straight after a safety answer; Continue goes on to `then`.
    SafetyInterrupt {
        /// What set it off.
        trigger: SafetyTrigger,
        /// The question that set it off (Back returns there).
        after: &'static str,
        /// Where Continue leads afterwards.
        then: Destination,
    },
    /// "Check your answers", with Change links.
    CheckAnswers,
    /// The result.
    Result,
}

/// Why a flow action was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlowError {
    /// The answer itself was not valid.
    #[error(transparent)]
    Answer(#[from] AnswerError),
    /// The action does not belong to the current stage (e.g. answering on the result page).
    #[error("That step is not available right now.")]
    NotAvailable,
    /// A shown question still needs an answer.
    #[error("Please answer every question before seeing your result.")]
    Unanswered(&'static str),
}

/// The self-check as one state machine: the answers and the stage. Held in memory by the page
/// and dropped when the person leaves or clears their answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelfCheckFlow {
    answers: SelfCheckAnswers,
    stage: Stage,
    /// Set while changing an answer from "Check your answers", so Continue returns there.
    changing: bool,
}

impl Default for SelfCheckFlow {
    fn default() -> Self {
        Self::new()
    }
}

impl SelfCheckFlow {
    /// A fresh self-check at its first question.
    pub fn new() -> Self {
        Self {
            answers: SelfCheckAnswers::new(),
            stage: Stage::Question(question::FOR_WHOM),
            changing: false,
        }
    }

    /// The current stage.
    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// The answers so far.
    pub fn answers(&self) -> &SelfCheckAnswers {
        &self.answers
    }

    /// "Step n of N" for the current question, if the stage is a question.
    pub fn progress(&self) -> Option<StepProgress> {
        match self.stage {
            Stage::Question(id) => step_progress(&self.answers, id),
            _ => None,
        }
    }

    /// Answers the current question and moves on: to the safety interrupt if this answer calls
    /// for it, back to "Check your answers" when changing an answer (unless a newly opened
    /// question needs answering first), otherwise to the next shown question.
    pub fn answer(&mut self, option_ids: &[&str]) -> Result<Stage, FlowError> {
        let Stage::Question(current) = self.stage else {
            return Err(FlowError::NotAvailable);
        };
        self.answers.answer(current, option_ids)?;
        let then = if self.changing {
            match first_unanswered(&self.answers) {
                Some(id) => Destination::Question(id),
                None => Destination::CheckAnswers,
            }
        } else {
            next_destination(&self.answers, current)
        };
        self.stage = match triggers_interrupt(&self.answers, current) {
            Some(trigger) => Stage::SafetyInterrupt {
                trigger,
                after: current,
                then,
            },
            None => self.go(then),
        };
        Ok(self.stage)
    }

    fn go(&mut self, destination: Destination) -> Stage {
        match destination {
            Destination::Question(id) => Stage::Question(id),
            Destination::CheckAnswers => {
                self.changing = false;
                Stage::CheckAnswers
            }
        }
    }

    /// Continue after the safety interrupt.
    pub fn continue_after_interrupt(&mut self) -> Result<Stage, FlowError> {
        let Stage::SafetyInterrupt { then, .. } = self.stage else {
            return Err(FlowError::NotAvailable);
        };
        self.stage = self.go(then);
        Ok(self.stage)
    }

    /// Back: to the previous shown question, from the interrupt to the question that set it
    /// off, from "Check your answers" to the last question, from the result to "Check your
    /// answers". Answers are always kept. On the first question, Back stays put.
    pub fn back(&mut self) -> Stage {
        self.stage = match self.stage {
            Stage::Question(id) => previous_question(&self.answers, id)
                .map(Stage::Question)
                .unwrap_or(self.stage),
            Stage::SafetyInterrupt { after, .. } => Stage::Question(after),
            Stage::CheckAnswers => visible_questions(&self.answers)
                .last()
                .map(|q| Stage::Question(q.id))
                .unwrap_or(self.stage),
            Stage::Result => Stage::CheckAnswers,
        };
        self.stage
    }

    /// A Change link on "Check your answers": go to that question, then come back.
    pub fn change(&mut self, question_id: &str) -> Result<Stage, FlowError> {
        if self.stage != Stage::CheckAnswers {
            return Err(FlowError::NotAvailable);
        }
        let question = visible_questions(&self.answers)
            .into_iter()
            .find(|q| q.id == question_id)
            .ok_or(FlowError::NotAvailable)?;
        self.changing = true;
        self.stage = Stage::Question(question.id);
        Ok(self.stage)
    }

    /// From "Check your answers" to the result, once every shown question is answered.
    pub fn see_result(&mut self) -> Result<SelfCheckResult, FlowError> {
        if !matches!(self.stage, Stage::CheckAnswers | Stage::Result) {
            return Err(FlowError::NotAvailable);
        }
        if let Some(id) = first_unanswered(&self.answers) {
            return Err(FlowError::Unanswered(id));
        }
        self.stage = Stage::Result;
        Ok(assess(&self.answers))
    }

    /// "Clear my answers": forget everything and start again.
    pub fn clear(&mut self) {
        *self = Self::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::self_check::definition::Mode;

    fn answered(pairs: &[(&str, &[&str])]) -> SelfCheckAnswers {
        let mut answers = SelfCheckAnswers::new();
        for (question, options) in pairs {
            answers.answer(question, options).expect("valid answer");
        }
        answers
    }

    fn ids(answers: &SelfCheckAnswers) -> Vec<&'static str> {
        visible_questions(answers).iter().map(|q| q.id).collect()
    }

    #[test]
    fn for_myself_without_substance_use_shows_phq9_and_gad7_but_no_alcohol_questions() {
        let answers = answered(&[
            (question::FOR_WHOM, &[option::MYSELF]),
            (question::TOPICS, &["anxiety"]),
        ]);
        let shown = ids(&answers);
        assert!(shown.contains(&question::PHQ9_ITEM_9));
        assert!(shown.contains(&question::GAD7[6]));
        assert!(!shown.contains(&question::AUDIT_C[0]));
        assert!(!shown.contains(&question::DRUG_SCREEN));
        assert!(!shown.contains(&question::DAILY_HEAVY_DRINKING));
        // for_whom, topics, safety, care, 9 PHQ-9, 7 GAD-7, functioning, support, attend, time.
        // The difficulty item waits for a PHQ-9 answer above "Not at all".
        assert_eq!(shown.len(), 24);
    }

    #[test]
    fn someone_else_mode_skips_every_self_report_screener() {
        let answers = answered(&[
            (question::FOR_WHOM, &[option::SOMEONE_ELSE]),
            (question::TOPICS, &[option::SUBSTANCE_USE, "mood"]),
        ]);
        let shown = ids(&answers);
        assert_eq!(
            shown,
            [
                question::FOR_WHOM,
                question::TOPICS,
                question::SAFETY,
                question::CURRENT_CARE,
                question::DAILY_HEAVY_DRINKING,
                question::DAILY_SEDATIVES_OR_OPIOIDS,
                question::DAILY_FUNCTIONING,
                question::SUPPORT_AT_HOME,
                question::CAN_ATTEND,
                question::TIME_OF_DAY,
            ]
        );
        assert_eq!(answers.mode(), Mode::SomeoneElse);
        let wording = QUESTION_SET
            .question(question::SAFETY)
            .map(|q| q.wording(Mode::SomeoneElse).text);
        assert_eq!(
            wording,
            Some(
                "Is the person you care about having thoughts of ending their life or of hurting themselves?"
            )
        );
    }

    #[test]
    fn never_drinking_skips_the_rest_of_audit_c_and_the_daily_drinking_question() {
        let mut answers = answered(&[
            (question::FOR_WHOM, &[option::MYSELF]),
            (question::TOPICS, &[option::SUBSTANCE_USE]),
        ]);
        let before = ids(&answers);
        assert!(before.contains(&question::AUDIT_C[1]));
        assert!(before.contains(&question::DAILY_HEAVY_DRINKING));
        answers
            .answer(question::AUDIT_C[0], &[option::NEVER])
            .expect("valid answer");
        let after = ids(&answers);
        assert!(!after.contains(&question::AUDIT_C[1]));
        assert!(!after.contains(&question::AUDIT_C[2]));
        assert!(!after.contains(&question::DAILY_HEAVY_DRINKING));
        assert!(after.contains(&question::DRUG_SCREEN));
        assert!(after.contains(&question::DAILY_SEDATIVES_OR_OPIOIDS));
        assert_eq!(before.len() - after.len(), 3);
    }

    #[test]
    fn the_difficulty_question_appears_once_any_problem_is_checked_off() {
        let mut answers = answered(&[(question::FOR_WHOM, &[option::MYSELF])]);
        for id in question::PHQ9 {
            answers.answer(id, &["not_at_all"]).expect("valid answer");
        }
        assert!(!is_visible(&answers, question::PHQ9_DIFFICULTY));
        answers
            .answer(question::PHQ9[3], &["several_days"])
            .expect("valid answer");
        assert!(is_visible(&answers, question::PHQ9_DIFFICULTY));
    }

    #[test]
    fn answers_on_a_closed_branch_are_kept_but_ignored() {
        let mut answers = answered(&[
            (question::FOR_WHOM, &[option::MYSELF]),
            (question::TOPICS, &[option::SUBSTANCE_USE]),
            (question::DAILY_HEAVY_DRINKING, &[option::YES]),
        ]);
        answers
            .answer(question::TOPICS, &["grief"])
            .expect("valid answer");
        assert!(answers.is_answered(question::DAILY_HEAVY_DRINKING));
        assert!(!visible_answers(&answers).is_answered(question::DAILY_HEAVY_DRINKING));
    }

    #[test]
    fn step_numbers_follow_the_shown_questions() {
        let answers = answered(&[
            (question::FOR_WHOM, &[option::SOMEONE_ELSE]),
            (question::TOPICS, &["grief"]),
        ]);
        let progress = step_progress(&answers, question::SUPPORT_AT_HOME);
        assert_eq!(
            progress,
            Some(StepProgress {
                number: 6,
                total: 8
            })
        );
        assert_eq!(
            progress.map(|p| p.to_string()).as_deref(),
            Some("Step 6 of 8")
        );
        assert_eq!(progress.map(StepProgress::percent), Some(75));
        assert_eq!(step_progress(&answers, question::PHQ9[0]), None);
    }

    #[test]
    fn a_yes_to_the_safety_question_interrupts_before_the_next_question() {
        let mut flow = SelfCheckFlow::new();
        flow.answer(&[option::MYSELF]).expect("valid");
        flow.answer(&["mood"]).expect("valid");
        assert_eq!(flow.stage(), Stage::Question(question::SAFETY));
        let stage = flow.answer(&[option::YES]).expect("valid");
        assert_eq!(
            stage,
            Stage::SafetyInterrupt {
                trigger: SafetyTrigger::DirectQuestion,
                after: question::SAFETY,
                then: Destination::Question(question::CURRENT_CARE),
            }
        );
        assert_eq!(
            flow.continue_after_interrupt(),
            Ok(Stage::Question(question::CURRENT_CARE))
        );
    }

    #[test]
    fn not_sure_to_the_safety_question_also_interrupts() {
        let mut flow = SelfCheckFlow::new();
        flow.answer(&[option::SOMEONE_ELSE]).expect("valid");
        flow.answer(&["trauma"]).expect("valid");
        let stage = flow.answer(&[option::NOT_SURE]).expect("valid");
        assert!(matches!(stage, Stage::SafetyInterrupt { .. }));
    }

    #[test]
    fn several_days_on_phq9_item_9_interrupts_at_once() {
        let mut flow = SelfCheckFlow::new();
        flow.answer(&[option::MYSELF]).expect("valid");
        flow.answer(&["mood"]).expect("valid");
        flow.answer(&[option::NO]).expect("valid");
        flow.answer(&[option::NO_CARE]).expect("valid");
        for _ in 0..8 {
            flow.answer(&["not_at_all"]).expect("valid");
        }
        assert_eq!(flow.stage(), Stage::Question(question::PHQ9_ITEM_9));
        let stage = flow.answer(&["several_days"]).expect("valid");
        assert_eq!(
            stage,
            Stage::SafetyInterrupt {
                trigger: SafetyTrigger::Phq9Item9,
                after: question::PHQ9_ITEM_9,
                then: Destination::Question(question::PHQ9_DIFFICULTY),
            }
        );
        assert_eq!(
            safety_interrupt(flow.answers()).map(|i| i.triggers),
            Some(vec![SafetyTrigger::Phq9Item9])
        );
        // Back from the interrupt returns to item 9 with the answer still there.
        assert_eq!(flow.back(), Stage::Question(question::PHQ9_ITEM_9));
        assert_eq!(
            flow.answers().single(question::PHQ9_ITEM_9),
            Some("several_days")
        );
    }

    #[test]
    fn not_at_all_on_item_9_and_no_to_safety_do_not_interrupt() {
        let answers = answered(&[
            (question::FOR_WHOM, &[option::MYSELF]),
            (question::SAFETY, &[option::NO]),
            (question::PHQ9_ITEM_9, &["not_at_all"]),
        ]);
        assert_eq!(safety_interrupt(&answers), None);
    }

    #[test]
    fn back_keeps_answers_and_stops_at_the_first_question() {
        let mut flow = SelfCheckFlow::new();
        flow.answer(&[option::SOMEONE_ELSE]).expect("valid");
        flow.answer(&["grief", "anger"]).expect("valid");
        assert_eq!(flow.back(), Stage::Question(question::TOPICS));
        assert_eq!(flow.back(), Stage::Question(question::FOR_WHOM));
        assert_eq!(flow.back(), Stage::Question(question::FOR_WHOM));
        assert!(flow.answers().chose(question::TOPICS, "anger"));
        assert_eq!(flow.answers().mode(), Mode::SomeoneElse);
    }

    fn walk_someone_else_to_check_answers() -> SelfCheckFlow {
        let mut flow = SelfCheckFlow::new();
        for answer in [
            &[option::SOMEONE_ELSE][..],
            &["grief"],
            &[option::NO],
            &[option::NO_CARE],
            &["a_little"],
            &[option::GOOD_SUPPORT],
            &[option::YES],
            &[option::EVENINGS],
        ] {
            flow.answer(answer).expect("valid");
        }
        flow
    }

    #[test]
    fn the_last_answer_leads_to_check_your_answers_and_back_returns_to_it() {
        let mut flow = walk_someone_else_to_check_answers();
        assert_eq!(flow.stage(), Stage::CheckAnswers);
        assert_eq!(flow.back(), Stage::Question(question::TIME_OF_DAY));
        assert_eq!(
            flow.answers().single(question::TIME_OF_DAY),
            Some(option::EVENINGS)
        );
    }

    #[test]
    fn a_change_link_returns_to_check_your_answers() {
        let mut flow = walk_someone_else_to_check_answers();
        assert_eq!(
            flow.change(question::SUPPORT_AT_HOME),
            Ok(Stage::Question(question::SUPPORT_AT_HOME))
        );
        assert_eq!(
            flow.answer(&[option::SOME_SUPPORT]),
            Ok(Stage::CheckAnswers)
        );
    }

    #[test]
    fn a_change_that_opens_a_branch_asks_the_new_questions_first() {
        let mut flow = walk_someone_else_to_check_answers();
        flow.change(question::TOPICS).expect("shown question");
        let stage = flow.answer(&["grief", option::SUBSTANCE_USE]);
        assert_eq!(stage, Ok(Stage::Question(question::DAILY_HEAVY_DRINKING)));
        assert_eq!(
            flow.answer(&[option::NO]),
            Ok(Stage::Question(question::DAILY_SEDATIVES_OR_OPIOIDS))
        );
        assert_eq!(flow.answer(&[option::NO]), Ok(Stage::CheckAnswers));
    }

    #[test]
    fn the_result_needs_every_shown_question_answered() {
        let mut flow = walk_someone_else_to_check_answers();
        let result = flow.see_result().expect("all answered");
        assert_eq!(flow.stage(), Stage::Result);
        assert!(!result.reasons.is_empty());
        assert_eq!(flow.back(), Stage::CheckAnswers);

        let mut early = SelfCheckFlow::new();
        assert_eq!(early.see_result(), Err(FlowError::NotAvailable));
        early.answer(&[option::MYSELF]).expect("valid");
        assert_eq!(
            early.answer(&[]),
            Err(FlowError::Answer(AnswerError::NothingChosen))
        );
        assert_eq!(early.stage(), Stage::Question(question::TOPICS));
    }

    #[test]
    fn clearing_starts_again_with_nothing_remembered() {
        let mut flow = walk_someone_else_to_check_answers();
        flow.clear();
        assert_eq!(flow, SelfCheckFlow::new());
        assert!(flow.answers().is_empty());
    }
}
