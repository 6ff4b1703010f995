//! The booking flow's steps, their place in the URL, and what must be done before each.
//!
//! The step lives in the path (`/call`, `/call/time`, `/call/details`, `/call/review`,
//! `/call/confirmed`, `/call/other-times`) so Back, reload and a shared link behave; what has
//! been chosen lives in the draft. A step whose prerequisites are missing (a reload of
//! `/call/review` after the draft was cleared) resolves to the earliest step still to do.

use frontdoor_contract::CallSlot;

use crate::api::ApiError;

/// One screen of the booking flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CallStep {
    /// Choose a day with free times.
    Day,
    /// Choose a time on that day.
    Time,
    /// Phone or video, name, contact details, note, and the self-check opt-in.
    Details,
    /// "Check your answers", then confirm.
    Review,
    /// The booking went through.
    Confirmed,
    /// "None of these times work for me": ask for other times.
    OtherTimes,
}

impl CallStep {
    /// The path segment after `/call` (`None` for the first step).
    pub fn segment(self) -> Option<&'static str> {
        match self {
            CallStep::Day => None,
            CallStep::Time => Some("time"),
            CallStep::Details => Some("details"),
            CallStep::Review => Some("review"),
            CallStep::Confirmed => Some("confirmed"),
            CallStep::OtherTimes => Some("other-times"),
        }
    }

    /// The step's path, e.g. `/call/time`.
    pub fn path(self) -> String {
        match self.segment() {
            Some(segment) => format!("/call/{segment}"),
            None => "/call".to_owned(),
        }
    }

    /// The step named by the path segment after `/call`; `None` for a segment that names no
    /// step (the page is then not found).
    pub fn from_segment(segment: Option<&str>) -> Option<Self> {
        match segment.map(str::trim).filter(|s| !s.is_empty()) {
            None => Some(CallStep::Day),
            Some(segment) => [
                CallStep::Time,
                CallStep::Details,
                CallStep::Review,
                CallStep::Confirmed,
                CallStep::OtherTimes,
            ]
            .into_iter()
            .find(|step| step.segment() == Some(segment)),
        }
    }

    /// The page's name in the document title: one per step, none revealing what was typed.
    pub fn title(self) -> &'static str {
        match self {
            CallStep::Day => "Talk to a coordinator: choose a day",
            CallStep::Time => "Talk to a coordinator: choose a time",
            CallStep::Details => "Talk to a coordinator: your details",
            CallStep::Review => "Talk to a coordinator: check your answers",
            CallStep::Confirmed => "Your call is booked",
            CallStep::OtherTimes => "Talk to a coordinator: ask for other times",
        }
    }

    /// The page's meta description: what this step is for, never what was typed.
    pub fn description(self) -> &'static str {
        match self {
            CallStep::Day => {
                "Book a free call with a care coordinator, by phone or video: choose a day with free times."
            }
            CallStep::Time => {
                "Book a free call with a care coordinator: choose a time, shown on your own clock."
            }
            CallStep::Details => {
                "Book a free call with a care coordinator: phone or video, and how to reach you."
            }
            CallStep::Review => {
                "Book a free call with a care coordinator: check your answers, then confirm the booking."
            }
            CallStep::Confirmed => {
                "Your free call with a care coordinator is booked: the time, how to add it to your calendar and how to change it."
            }
            CallStep::OtherTimes => {
                "None of the free times suit you? Tell a care coordinator which times would."
            }
        }
    }
}

/// How far a person has got, as the draft shows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// A day is chosen.
    pub has_day: bool,
    /// A time is chosen.
    pub has_slot: bool,
    /// Contact details were accepted by "Continue" on the details step.
    pub details_done: bool,
    /// A booking was confirmed in this tab.
    pub confirmed: bool,
}

/// The step to show for `requested`: the step itself when everything before it is done,
/// otherwise the earliest step still to do.
pub fn resolve(requested: CallStep, progress: Progress) -> CallStep {
    let needs: &[(bool, CallStep)] = match requested {
        CallStep::Day | CallStep::OtherTimes => &[],
        CallStep::Time => &[(progress.has_day || progress.has_slot, CallStep::Day)],
        CallStep::Details => &[
            (progress.has_day || progress.has_slot, CallStep::Day),
            (progress.has_slot, CallStep::Time),
        ],
        CallStep::Review => &[
            (progress.has_day || progress.has_slot, CallStep::Day),
            (progress.has_slot, CallStep::Time),
            (progress.details_done, CallStep::Details),
        ],
        CallStep::Confirmed => &[(progress.confirmed, CallStep::Day)],
    };
    needs
        .iter()
        .find(|(done, _)| !done)
        .map_or(requested, |&(_, step)| step)
}

/// Where sending the booking stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Submission {
    /// Not sent, or sent and answered with something already dealt with.
    #[default]
    Idle,
    /// On its way; further presses are ignored.
    Pending,
    /// Someone booked the time meanwhile; these are the nearest free ones.
    SlotTaken {
        /// Free slots nearest the one asked for, earliest first.
        nearest: Vec<CallSlot>,
    },
    /// It failed for another reason (network, server, a refused detail).
    Failed(ApiError),
}

impl Submission {
    /// Whether a request is on its way.
    pub fn is_pending(&self) -> bool {
        matches!(self, Submission::Pending)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [CallStep; 6] = [
        CallStep::Day,
        CallStep::Time,
        CallStep::Details,
        CallStep::Review,
        CallStep::Confirmed,
        CallStep::OtherTimes,
    ];

    #[test]
    fn every_step_has_its_own_path_and_title_and_reads_back_from_it() {
        for step in ALL {
            let path = step.path();
            let segment = path.strip_prefix("/call").unwrap().strip_prefix('/');
            assert_eq!(CallStep::from_segment(segment), Some(step), "{path}");
        }
        let mut titles: Vec<&str> = ALL.iter().map(|s| s.title()).collect();
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), ALL.len());
        let mut descriptions: Vec<&str> = ALL.iter().map(|s| s.description()).collect();
        descriptions.sort();
        descriptions.dedup();
        assert_eq!(
            descriptions.len(),
            ALL.len(),
            "one meta description per step"
        );
        assert_eq!(CallStep::Time.path(), "/call/time");
        assert_eq!(CallStep::Day.path(), "/call");
    }

    #[test]
    fn an_unknown_segment_names_no_step() {
        assert_eq!(CallStep::from_segment(Some("payment")), None);
        assert_eq!(CallStep::from_segment(Some("Review")), None);
        assert_eq!(CallStep::from_segment(Some("")), Some(CallStep::Day));
    }

    #[test]
    fn a_step_whose_prerequisites_are_missing_goes_to_the_first_missing_one() {
        let nothing = Progress::default();
        assert_eq!(resolve(CallStep::Review, nothing), CallStep::Day);
        assert_eq!(resolve(CallStep::Time, nothing), CallStep::Day);
        assert_eq!(resolve(CallStep::Confirmed, nothing), CallStep::Day);
        assert_eq!(resolve(CallStep::OtherTimes, nothing), CallStep::OtherTimes);

        let day_only = Progress {
            has_day: true,
            ..nothing
        };
        assert_eq!(resolve(CallStep::Time, day_only), CallStep::Time);
        assert_eq!(resolve(CallStep::Review, day_only), CallStep::Time);

        let slot = Progress {
            has_day: true,
            has_slot: true,
            ..nothing
        };
        assert_eq!(resolve(CallStep::Details, slot), CallStep::Details);
        assert_eq!(resolve(CallStep::Review, slot), CallStep::Details);

        let ready = Progress {
            details_done: true,
            ..slot
        };
        assert_eq!(resolve(CallStep::Review, ready), CallStep::Review);
        // Going back is always allowed.
        assert_eq!(resolve(CallStep::Day, ready), CallStep::Day);
        assert_eq!(resolve(CallStep::Time, ready), CallStep::Time);
    }

    #[test]
    fn only_a_pending_submission_locks_the_button() {
        assert!(Submission::Pending.is_pending());
        assert!(!Submission::Idle.is_pending());
        assert!(!Submission::SlotTaken { nearest: vec![] }.is_pending());
        assert!(!Submission::Failed(ApiError::Network).is_pending());
    }
}
