//! One person's self-check in this browser tab: the [flow](super::flow) and whether they have
//! seen their result, which decides when a [summary](super::summary) exists for the coordinator
//! call to offer.
//!
//! A session lives in memory only, as long as the tab (see [`context`](super::context)); it is
//! never written anywhere and has no `Serialize`, like the answers it holds.

use super::answers::SelfCheckAnswers;
use super::flow::{FlowError, SelfCheckFlow, Stage, first_unanswered, previous_question};
use super::scoring::{SelfCheckResult, assess};
use super::summary::SelfCheckSummary;

/// The self-check as this tab holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SelfCheckSession {
    flow: SelfCheckFlow,
    reached_result: bool,
}

impl SelfCheckSession {
    /// A fresh self-check at its first question.
    pub fn new() -> Self {
        Self::default()
    }

    /// Where the person is.
    pub fn stage(&self) -> Stage {
        self.flow.stage()
    }

    /// The answers so far.
    pub fn answers(&self) -> &SelfCheckAnswers {
        self.flow.answers()
    }

    /// The flow, for "Step n of N" and the like.
    pub fn flow(&self) -> &SelfCheckFlow {
        &self.flow
    }

    /// Whether anything has been answered (then leaving and coming back offers to continue).
    pub fn has_answers(&self) -> bool {
        !self.answers().is_empty()
    }

    /// Whether Back from here leaves the questions (it is the first question shown).
    pub fn at_first_question(&self) -> bool {
        match self.stage() {
            Stage::Question(id) => previous_question(self.answers(), id).is_none(),
            _ => false,
        }
    }

    /// Answers the current question; see [`SelfCheckFlow::answer`].
    pub fn answer(&mut self, option_ids: &[&str]) -> Result<Stage, FlowError> {
        self.flow.answer(option_ids)
    }

    /// Back; see [`SelfCheckFlow::back`].
    pub fn back(&mut self) -> Stage {
        self.flow.back()
    }

    /// On from the safety interrupt; see [`SelfCheckFlow::continue_after_interrupt`].
    pub fn continue_after_interrupt(&mut self) -> Result<Stage, FlowError> {
        self.flow.continue_after_interrupt()
    }

    /// A Change link on "Check your answers"; see [`SelfCheckFlow::change`].
    pub fn change(&mut self, question_id: &str) -> Result<Stage, FlowError> {
        self.flow.change(question_id)
    }

    /// On to the result; see [`SelfCheckFlow::see_result`].
    pub fn see_result(&mut self) -> Result<SelfCheckResult, FlowError> {
        let result = self.flow.see_result()?;
        self.reached_result = true;
        Ok(result)
    }

    /// The result for the answers as they stand, once the person has reached it and while
    /// every question shown is still answered.
    pub fn result(&self) -> Option<SelfCheckResult> {
        (self.reached_result && first_unanswered(self.answers()).is_none())
            .then(|| assess(self.answers()))
    }

    /// The shareable summary of [`Self::result`].
    pub fn summary(&self) -> Option<SelfCheckSummary> {
        self.result().map(|result| result.summary())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::self_check::definition::{option, question};
    use crate::features::self_check::scoring::LevelOfCare;

    fn answered_for_someone_else() -> SelfCheckSession {
        let mut session = SelfCheckSession::new();
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
            session.answer(answer).expect("valid answer");
        }
        session
    }

    #[test]
    fn a_new_session_has_nothing_to_resume_and_no_summary() {
        let session = SelfCheckSession::new();
        assert!(!session.has_answers());
        assert!(session.at_first_question());
        assert_eq!(session.summary(), None);
    }

    #[test]
    fn no_summary_until_the_result_has_been_seen() {
        let mut session = answered_for_someone_else();
        assert_eq!(session.stage(), Stage::CheckAnswers);
        assert_eq!(session.summary(), None);
        let result = session.see_result().expect("every question answered");
        let summary = session
            .summary()
            .expect("a summary once the result is shown");
        assert_eq!(summary, result.summary());
        assert_eq!(summary.level_of_care, LevelOfCare::WeeklyCareMayBeEnough);
    }

    #[test]
    fn the_summary_follows_a_changed_answer_and_waits_for_new_questions() {
        let mut session = answered_for_someone_else();
        session.see_result().expect("every question answered");
        session.back();
        session
            .change(question::DAILY_FUNCTIONING)
            .expect("a shown question");
        session.answer(&["hard_to_manage"]).expect("valid answer");
        assert_eq!(
            session.summary().map(|s| s.level_of_care),
            Some(LevelOfCare::IopMayFit)
        );

        session.change(question::TOPICS).expect("a shown question");
        session
            .answer(&["grief", option::SUBSTANCE_USE])
            .expect("valid answer");
        // The daily-drinking questions are new and unanswered: no summary until they are.
        assert_eq!(session.summary(), None);
    }

    #[test]
    fn only_the_first_question_leads_back_out() {
        let mut session = SelfCheckSession::new();
        session.answer(&[option::MYSELF]).expect("valid answer");
        assert!(!session.at_first_question());
        session.back();
        assert!(session.at_first_question());
        assert!(session.has_answers());
    }
}
