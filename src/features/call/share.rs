//! The self-check summary as it would be shared with the coordinator.
//!
//! The self-check keeps its result in memory; this turns it into the contract's
//! [`SharedSelfCheckSummary`] — the result and the plain-language lines the person saw, never
//! their answers — within the sizes a backend accepts. The booking form shows exactly this value
//! beside the opt-in, so what a person reads is what would be sent.

use frontdoor_contract::{
    LevelOfCare as SharedLevel, SharedSelfCheckSummary,
    calls::{
        SUMMARY_LINE_MAX_CHARS, SUMMARY_MAX_LINES, SUMMARY_MAX_TOPICS, SUMMARY_TOPIC_MAX_CHARS,
        SUMMARY_VERSION_MAX_CHARS,
    },
};

use crate::features::self_check::{LevelOfCare, SelfCheckSummary};

/// The summary to share, made from the self-check's own.
pub fn shared_summary(summary: &SelfCheckSummary) -> SharedSelfCheckSummary {
    let lines = summary
        .reasons
        .iter()
        .chain(&summary.screener_bands)
        .map(|line| clip(line, SUMMARY_LINE_MAX_CHARS))
        .filter(|line| !line.is_empty())
        .take(SUMMARY_MAX_LINES)
        .collect();
    let topics = summary
        .topics
        .iter()
        .map(|topic| clip(topic, SUMMARY_TOPIC_MAX_CHARS))
        .filter(|topic| !topic.is_empty())
        .take(SUMMARY_MAX_TOPICS)
        .collect();
    SharedSelfCheckSummary {
        question_set_version: clip(&summary.question_set_version, SUMMARY_VERSION_MAX_CHARS),
        level_of_care: shared_level(summary.level_of_care),
        lines,
        topics,
    }
}

/// The contract's name for a self-check result.
pub fn shared_level(level: LevelOfCare) -> SharedLevel {
    match level {
        LevelOfCare::GetHelpNow => SharedLevel::GetHelpNow,
        LevelOfCare::HigherLevelOfCare => SharedLevel::HigherLevelOfCare,
        LevelOfCare::IopMayFit => SharedLevel::Iop,
        LevelOfCare::WeeklyCareMayBeEnough => SharedLevel::WeeklyCare,
    }
}

/// `text` trimmed, cut to at most `max` characters on a character boundary, on one line.
fn clip(text: &str, max: usize) -> String {
    let one_line: String = text
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    one_line
        .chars()
        .take(max)
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use frontdoor_contract::{CallRequest, ContactMethod};

    use super::*;
    use crate::features::self_check::Mode;

    fn summary() -> SelfCheckSummary {
        SelfCheckSummary {
            question_set_version: "2026-11-27.1".into(),
            answered_for: Mode::Myself,
            level_of_care: LevelOfCare::IopMayFit,
            level_of_care_text: "IOP may be a good fit".into(),
            screener_bands: vec!["Your answers suggest moderate anxiety symptoms.".into()],
            topics: vec!["Anxiety".into(), "Grief or loss".into()],
            reasons: vec!["Weekly therapy has not been enough.".into()],
        }
    }

    #[test]
    fn the_shared_summary_is_the_result_and_its_lines_nothing_else() {
        let shared = shared_summary(&summary());
        assert_eq!(
            serde_json::to_value(&shared).unwrap(),
            serde_json::json!({
                "question_set_version": "2026-11-27.1",
                "level_of_care": "iop",
                "lines": [
                    "Weekly therapy has not been enough.",
                    "Your answers suggest moderate anxiety symptoms."
                ],
                "topics": ["Anxiety", "Grief or loss"],
            })
        );
    }

    #[test]
    fn every_result_has_its_contract_name() {
        assert_eq!(
            shared_level(LevelOfCare::GetHelpNow),
            SharedLevel::GetHelpNow
        );
        assert_eq!(
            shared_level(LevelOfCare::HigherLevelOfCare),
            SharedLevel::HigherLevelOfCare
        );
        assert_eq!(
            shared_level(LevelOfCare::WeeklyCareMayBeEnough),
            SharedLevel::WeeklyCare
        );
    }

    #[test]
    fn an_oversized_summary_is_cut_to_what_a_backend_accepts() {
        let big = SelfCheckSummary {
            reasons: vec!["é".repeat(SUMMARY_LINE_MAX_CHARS + 40); SUMMARY_MAX_LINES + 5],
            topics: vec!["t\nopic".repeat(40); SUMMARY_MAX_TOPICS + 3],
            ..summary()
        };
        let shared = shared_summary(&big);
        assert_eq!(shared.lines.len(), SUMMARY_MAX_LINES);
        assert!(
            shared
                .lines
                .iter()
                .all(|l| l.chars().count() == SUMMARY_LINE_MAX_CHARS)
        );
        assert_eq!(shared.topics.len(), SUMMARY_MAX_TOPICS);
        assert!(shared.topics.iter().all(|t| !t.contains('\n')));
        let request = CallRequest {
            slot_start: chrono::Utc::now(),
            name: "Sam".into(),
            email: Some("sam@example.org".into()),
            phone: None,
            time_zone: "UTC".into(),
            contact_method: ContactMethod::Video,
            note: None,
            self_check_summary: Some(shared),
        };
        assert!(request.validate().is_empty(), "{:?}", request.validate());
    }
}
