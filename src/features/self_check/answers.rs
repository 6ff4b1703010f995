//! The answers a person has given so far, held in memory only.
//!
//! [`SelfCheckAnswers`] deliberately implements neither `serde::Serialize` nor a revealing
//! `Debug`: answers to a mental-health self-check must never reach localStorage,
//! sessionStorage, cookies, a URL, a page title, a log or a request. Without `Serialize` no
//! code can store or send them by accident; the only thing that may leave the device is a
//! [`SelfCheckSummary`](super::summary::SelfCheckSummary), and only with the person's opt-in.
//! Answers only ever point at options of the [question set](super::definition), so no text a
//! person typed is held here either.

use std::collections::BTreeMap;
use std::fmt;

use super::definition::{AnswerKind, AnswerOption, Mode, QUESTION_SET, Question, option, question};

/// One question's answer: the chosen option(s) of the question set.
#[derive(Clone, PartialEq, Eq)]
pub enum Answer {
    /// A single-choice answer.
    One(&'static AnswerOption),
    /// A multiple-choice answer, in the order the options are listed.
    Many(Vec<&'static AnswerOption>),
}

impl Answer {
    /// The chosen options.
    pub fn options(&self) -> &[&'static AnswerOption] {
        match self {
            Answer::One(option) => std::slice::from_ref(option),
            Answer::Many(options) => options,
        }
    }

    /// Whether the option with this id is among the chosen.
    pub fn includes(&self, option_id: &str) -> bool {
        self.options().iter().any(|o| o.id == option_id)
    }
}

/// Why an answer was refused. The messages are written for the person answering.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// No such question in the question set.
    #[error("This question is not part of the self-check.")]
    UnknownQuestion,
    /// The option is not one of the question's options.
    #[error("Select one of the options.")]
    UnknownOption,
    /// Nothing was chosen.
    #[error("Select an option to continue.")]
    NothingChosen,
    /// Several options for a one-answer question.
    #[error("Select only one option.")]
    OnlyOneAllowed,
}

/// Every answer given so far, keyed by question id. In memory only; see the module docs.
///
/// Answers to questions that a later change has hidden are kept (so going Back and changing
/// one's mind loses nothing) but are ignored by the flow and the scoring.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SelfCheckAnswers {
    given: BTreeMap<&'static str, Answer>,
}

impl SelfCheckAnswers {
    /// No answers yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the answer to a question: one option id for a single-choice question, one or
    /// more for a multiple-choice question. Replaces any earlier answer to it.
    pub fn answer(&mut self, question_id: &str, option_ids: &[&str]) -> Result<(), AnswerError> {
        let question = QUESTION_SET
            .question(question_id)
            .ok_or(AnswerError::UnknownQuestion)?;
        let answer = Self::resolve(question, option_ids)?;
        self.given.insert(question.id, answer);
        Ok(())
    }

    fn resolve(question: &'static Question, option_ids: &[&str]) -> Result<Answer, AnswerError> {
        if option_ids.is_empty() {
            return Err(AnswerError::NothingChosen);
        }
        for id in option_ids {
            if question.option(id).is_none() {
                return Err(AnswerError::UnknownOption);
            }
        }
        match question.kind {
            AnswerKind::SingleChoice => match option_ids {
                [only] => question
                    .option(only)
                    .map(Answer::One)
                    .ok_or(AnswerError::UnknownOption),
                _ => Err(AnswerError::OnlyOneAllowed),
            },
            AnswerKind::MultipleChoice => Ok(Answer::Many(
                question
                    .options
                    .iter()
                    .filter(|o| option_ids.contains(&o.id))
                    .collect(),
            )),
        }
    }

    /// The answer given to a question, whether or not it is currently shown.
    pub fn get(&self, question_id: &str) -> Option<&Answer> {
        self.given.get(question_id)
    }

    /// Whether the question has an answer.
    pub fn is_answered(&self, question_id: &str) -> bool {
        self.given.contains_key(question_id)
    }

    /// Whether this option is among the answers to that question.
    pub fn chose(&self, question_id: &str, option_id: &str) -> bool {
        self.get(question_id)
            .is_some_and(|answer| answer.includes(option_id))
    }

    /// The id of the chosen option of a single-choice question.
    pub fn single(&self, question_id: &str) -> Option<&'static str> {
        match self.get(question_id) {
            Some(Answer::One(option)) => Some(option.id),
            _ => None,
        }
    }

    /// The score of the chosen option of a single-choice question, if it is scored.
    pub fn score(&self, question_id: &str) -> Option<u8> {
        match self.get(question_id) {
            Some(Answer::One(option)) => option.score,
            _ => None,
        }
    }

    /// Who the self-check is about. Until the first question is answered, "myself".
    pub fn mode(&self) -> Mode {
        if self.chose(question::FOR_WHOM, option::SOMEONE_ELSE) {
            Mode::SomeoneElse
        } else {
            Mode::Myself
        }
    }

    /// How many questions have an answer.
    pub fn len(&self) -> usize {
        self.given.len()
    }

    /// Whether nothing has been answered.
    pub fn is_empty(&self) -> bool {
        self.given.is_empty()
    }

    /// Forgets every answer ("Clear my answers").
    pub fn clear(&mut self) {
        self.given.clear();
    }

    /// Keeps only the answers to the given questions.
    pub(crate) fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        self.given.retain(|id, _| keep(id));
    }

    pub(crate) fn insert(&mut self, question_id: &'static str, answer: Answer) {
        self.given.insert(question_id, answer);
    }
}

/// Shows how many answers there are, never what they are, so a stray `{:?}` cannot put
/// answers into a log or the console.
impl fmt::Debug for SelfCheckAnswers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SelfCheckAnswers {{ {} answered }}", self.given.len())
    }
}

/// Same reason as for [`SelfCheckAnswers`]: no answer text in debug output.
impl fmt::Debug for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Answer { .. }")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_choice_answer_is_recorded_and_can_be_replaced() {
        let mut answers = SelfCheckAnswers::new();
        answers
            .answer(question::CAN_ATTEND, &[option::YES])
            .expect("valid answer");
        assert_eq!(answers.single(question::CAN_ATTEND), Some(option::YES));
        answers
            .answer(question::CAN_ATTEND, &[option::NO])
            .expect("valid answer");
        assert_eq!(answers.single(question::CAN_ATTEND), Some(option::NO));
        assert_eq!(answers.len(), 1);
    }

    #[test]
    fn several_topics_are_kept_in_listed_order() {
        let mut answers = SelfCheckAnswers::new();
        answers
            .answer(question::TOPICS, &["grief", "mood"])
            .expect("valid answer");
        let chosen: Vec<_> = answers
            .get(question::TOPICS)
            .map(|a| a.options().iter().map(|o| o.id).collect())
            .unwrap_or_default();
        assert_eq!(chosen, ["mood", "grief"]);
    }

    #[test]
    fn invalid_answers_are_refused_with_a_message_a_person_can_act_on() {
        let mut answers = SelfCheckAnswers::new();
        assert_eq!(
            answers.answer(question::TOPICS, &[]),
            Err(AnswerError::NothingChosen)
        );
        assert_eq!(
            answers.answer(question::SAFETY, &[option::YES, option::NO]),
            Err(AnswerError::OnlyOneAllowed)
        );
        assert_eq!(
            answers.answer(question::SAFETY, &["maybe"]),
            Err(AnswerError::UnknownOption)
        );
        assert_eq!(
            answers.answer("favourite_colour", &["blue"]),
            Err(AnswerError::UnknownQuestion)
        );
        assert!(answers.is_empty());
        assert_eq!(
            AnswerError::NothingChosen.to_string(),
            "Select an option to continue."
        );
    }

    #[test]
    fn debug_output_never_shows_an_answer() {
        let mut answers = SelfCheckAnswers::new();
        answers
            .answer(question::SAFETY, &[option::YES])
            .expect("valid answer");
        let shown = format!("{answers:?} {:?}", answers.get(question::SAFETY));
        assert!(!shown.contains("yes") && !shown.contains("Yes"), "{shown}");
        assert!(shown.contains("1 answered"));
    }

    #[test]
    fn answers_cannot_be_serialised_but_the_summary_can() {
        // `Probe::<T>::SERIALISABLE` is the inherent `true` only when `T: Serialize`,
        // otherwise the trait's `false`.
        struct Probe<T>(std::marker::PhantomData<T>);
        trait Fallback {
            const SERIALISABLE: bool = false;
        }
        impl<T> Fallback for Probe<T> {}
        impl<T: serde::Serialize> Probe<T> {
            const SERIALISABLE: bool = true;
        }
        let serialisable = [
            Probe::<SelfCheckAnswers>::SERIALISABLE,
            Probe::<Answer>::SERIALISABLE,
            Probe::<super::super::summary::SelfCheckSummary>::SERIALISABLE,
        ];
        assert_eq!(serialisable, [false, false, true]);
    }

    #[test]
    fn clearing_forgets_everything() {
        let mut answers = SelfCheckAnswers::new();
        answers
            .answer(question::FOR_WHOM, &[option::SOMEONE_ELSE])
            .expect("valid answer");
        assert_eq!(answers.mode(), Mode::SomeoneElse);
        answers.clear();
        assert!(answers.is_empty());
        assert_eq!(answers.mode(), Mode::Myself);
    }
}
