//! The self-check summary: the only thing from the self-check that may ever leave the device.
//!
//! It holds the outcome in plain words — never the answers themselves — and is sent only if
//! the person ticks the (unticked by default) opt-in when booking a coordinator call. It can
//! also be printed or saved as plain text.

use serde::Serialize;

use super::definition::{Mode, PHQ_CREDIT_LINE, QUESTION_SET_VERSION};
use super::scoring::{COORDINATOR_CALL_OFFER, LevelOfCare, NOT_A_DIAGNOSIS, SelfCheckResult};

/// A typed, shareable summary of a self-check result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SelfCheckSummary {
    /// Which question set was answered.
    pub question_set_version: String,
    /// Whether the person answered for themselves or about someone they care about.
    pub answered_for: Mode,
    /// Where the answers point.
    pub level_of_care: LevelOfCare,
    /// The result's heading, as shown.
    pub level_of_care_text: String,
    /// Screener bands in plain words (none when answering for someone else).
    pub screener_bands: Vec<String>,
    /// Topics chosen, as labelled.
    pub topics: Vec<String>,
    /// Why, in plain words.
    pub reasons: Vec<String>,
}

impl SelfCheckResult {
    /// The shareable summary of this result.
    pub fn summary(&self) -> SelfCheckSummary {
        SelfCheckSummary {
            question_set_version: QUESTION_SET_VERSION.to_owned(),
            answered_for: self.mode,
            level_of_care: self.level_of_care,
            level_of_care_text: self.level_of_care.heading().to_owned(),
            screener_bands: self
                .band_sentences()
                .into_iter()
                .map(str::to_owned)
                .collect(),
            topics: self.topics.iter().map(|t| t.label().to_owned()).collect(),
            reasons: self
                .reason_sentences()
                .into_iter()
                .map(str::to_owned)
                .collect(),
        }
    }
}

impl SelfCheckSummary {
    /// The summary as plain text, for printing or saving.
    pub fn to_plain_text(&self) -> String {
        let mut lines = vec![
            "Is IOP right for you? Self-check summary".to_owned(),
            format!("Question set: {}", self.question_set_version),
            format!(
                "Answered for: {}",
                match self.answered_for {
                    Mode::Myself => "myself",
                    Mode::SomeoneElse => "someone I care about",
                }
            ),
            String::new(),
            format!("Result: {}", self.level_of_care_text),
            NOT_A_DIAGNOSIS.to_owned(),
        ];
        if !self.reasons.is_empty() {
            lines.push(String::new());
            lines.push("What led to this result:".to_owned());
            lines.extend(self.reasons.iter().map(|r| format!("- {r}")));
        }
        if !self.screener_bands.is_empty() {
            lines.push(String::new());
            lines.push("What the questionnaires suggest:".to_owned());
            lines.extend(self.screener_bands.iter().map(|b| format!("- {b}")));
        }
        if !self.topics.is_empty() {
            lines.push(String::new());
            lines.push(format!("Topics: {}", self.topics.join(", ")));
        }
        lines.push(String::new());
        lines.push(format!("Next step: {COORDINATOR_CALL_OFFER}"));
        lines.push(
            "In crisis? Call or text 988. Text HOME to 741741. In immediate danger, call 911."
                .to_owned(),
        );
        if self.answered_for == Mode::Myself {
            lines.push(String::new());
            lines.push(format!("PHQ-9 and GAD-7: {PHQ_CREDIT_LINE}"));
        }
        let mut text = lines.join("\n");
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::self_check::answers::SelfCheckAnswers;
    use crate::features::self_check::definition::{option, question};
    use crate::features::self_check::scoring::assess;

    fn someone_else_with_weekly_care() -> SelfCheckAnswers {
        let mut answers = SelfCheckAnswers::new();
        for (q, o) in [
            (question::FOR_WHOM, &[option::SOMEONE_ELSE][..]),
            (question::TOPICS, &["grief", "anger"]),
            (question::SAFETY, &[option::NO]),
            (question::CURRENT_CARE, &[option::NO_CARE]),
            (question::DAILY_FUNCTIONING, &["a_little"]),
            (question::SUPPORT_AT_HOME, &[option::GOOD_SUPPORT]),
            (question::CAN_ATTEND, &[option::YES]),
            (question::TIME_OF_DAY, &[option::EVENINGS]),
        ] {
            answers.answer(q, o).expect("valid answer");
        }
        answers
    }

    #[test]
    fn the_summary_serialises_to_the_agreed_fields_and_nothing_else() {
        let summary = assess(&someone_else_with_weekly_care()).summary();
        let json = serde_json::to_value(&summary).expect("serialisable");
        let expected = serde_json::json!({
            "question_set_version": "2026-11-27.1",
            "answered_for": "someone_else",
            "level_of_care": "weekly_care_may_be_enough",
            "level_of_care_text": "A weekly group or individual therapy may be enough",
            "screener_bands": [],
            "topics": ["Grief or loss", "Anger"],
            "reasons": [
                "From your answers, their work, school and home life are mostly manageable.",
                "You answered for someone you care about, so the questionnaires people answer about themselves were skipped. A coordinator can talk with you, and our group for people supporting a loved one may help you too."
            ]
        });
        assert_eq!(json, expected);
    }

    #[test]
    fn the_summary_carries_no_raw_answers() {
        let summary = assess(&someone_else_with_weekly_care()).summary();
        let json = serde_json::to_string(&summary).expect("serialisable");
        for raw in ["a_little", "evenings", "Evenings", "good", "\"no\"", "none"] {
            assert!(!json.contains(raw), "{raw} leaked into {json}");
        }
    }

    #[test]
    fn the_printed_summary_reads_as_a_plain_page() {
        let text = assess(&someone_else_with_weekly_care())
            .summary()
            .to_plain_text();
        let expected = "\
Is IOP right for you? Self-check summary
Question set: 2026-11-27.1
Answered for: someone I care about

Result: A weekly group or individual therapy may be enough
This is not a diagnosis. It's a guide to help you decide what to ask about. Only a professional who talks with you can say what care is right.

What led to this result:
- From your answers, their work, school and home life are mostly manageable.
- You answered for someone you care about, so the questionnaires people answer about themselves were skipped. A coordinator can talk with you, and our group for people supporting a loved one may help you too.

Topics: Grief or loss, Anger

Next step: Book a free call with a care coordinator. They can answer questions and help plan next steps.
In crisis? Call or text 988. Text HOME to 741741. In immediate danger, call 911.
";
        assert_eq!(text, expected);
    }

    #[test]
    fn a_printed_summary_with_phq9_and_gad7_carries_the_credit_line() {
        let mut answers = SelfCheckAnswers::new();
        answers
            .answer(question::FOR_WHOM, &[option::MYSELF])
            .expect("valid");
        for id in question::PHQ9.iter().chain(question::GAD7.iter()) {
            answers.answer(id, &["not_at_all"]).expect("valid");
        }
        let text = assess(&answers).summary().to_plain_text();
        assert!(text.contains(PHQ_CREDIT_LINE));
        assert!(text.contains("- Your answers suggest minimal depression symptoms."));
        assert!(text.contains("- Your answers suggest minimal anxiety symptoms."));
    }
}
