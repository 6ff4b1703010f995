//! What a person tells us when booking a call, and how it becomes a [`CallRequest`].
//!
//! [`CallDraft`] holds the booking details that may survive a reload in the tab's
//! `sessionStorage`: the chosen day and time, the time zone, phone or video, a name and contact
//! details, and the key of a booking in progress. The note for the coordinator is deliberately
//! **not** part of it: people often write about their health there, and health information is
//! never written to storage. The note, and whether to share the self-check summary, live in
//! memory only and are passed in when the request is built.

use chrono::NaiveDate;
use frontdoor_contract::{
    AvailabilityRequest, CallRequest, CallSlot, ContactMethod, FieldError, SharedSelfCheckSummary,
};
use serde::{Deserialize, Serialize};

use crate::features::draft::{NonHealthDraft, SubmissionKey};

/// Where the draft is kept in `sessionStorage`.
pub const DRAFT_KEY: &str = "frontdoor.call-draft";

/// Ids of the form's controls, so an error summary can link to each.
pub mod field_ids {
    /// The phone-or-video radios (the first radio's id).
    pub const CONTACT_METHOD: &str = "call-contact-method";
    /// Name or alias.
    pub const NAME: &str = "call-name";
    /// Email address.
    pub const EMAIL: &str = "call-email";
    /// Phone number.
    pub const PHONE: &str = "call-phone";
    /// Note for the coordinator.
    pub const NOTE: &str = "call-note";
    /// The self-check opt-in checkbox.
    pub const SHARE: &str = "call-share-summary";
    /// The time zone select.
    pub const TIME_ZONE: &str = "call-time-zone";
    /// The "Change" link of the chosen time.
    pub const CHANGE_TIME: &str = "call-change-time";
    /// "When would suit you?" on the other-times form.
    pub const PREFERRED_TIMES: &str = "call-preferred-times";
}

/// The booking details kept between steps and across a reload: contact and booking details
/// only, never health information.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallDraft {
    /// The zone the person chose; `None` means the browser's own.
    pub time_zone: Option<String>,
    /// The day chosen, on the person's calendar.
    pub day: Option<NaiveDate>,
    /// The time chosen.
    pub slot: Option<CallSlot>,
    /// Phone or video.
    pub contact_method: Option<ContactMethod>,
    /// Name or alias.
    pub name: String,
    /// Email address, as typed.
    pub email: String,
    /// Phone number, as typed.
    pub phone: String,
    /// Set once "Continue" on the details step found nothing to fix.
    pub details_done: bool,
    /// The `Idempotency-Key` of a booking sent but not yet answered for sure; reused on every
    /// retry of that same booking.
    pub submission_key: Option<SubmissionKey>,
}

impl NonHealthDraft for CallDraft {}

/// `Some(trimmed)` unless blank.
fn given(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

impl CallDraft {
    /// The request for `slot`, with the in-memory note and (only if the person ticked the
    /// opt-in) the self-check summary.
    pub fn request(
        &self,
        slot: CallSlot,
        contact_method: ContactMethod,
        time_zone: &str,
        note: &str,
        shared_summary: Option<SharedSelfCheckSummary>,
    ) -> CallRequest {
        CallRequest {
            slot_start: slot.start,
            name: self.name.trim().to_owned(),
            email: given(&self.email),
            phone: given(&self.phone),
            time_zone: time_zone.to_owned(),
            contact_method,
            note: given(note),
            self_check_summary: shared_summary,
        }
    }

    /// What is wrong with the details step's answers, in the order the form asks for them.
    /// Rules are the contract's own, so the server would say the same.
    pub fn details_errors(&self, time_zone: &str, note: &str) -> Vec<FieldError> {
        let Some(method) = self.contact_method else {
            let mut errors = vec![FieldError {
                field: "contact_method".into(),
                message: "Choose a phone call or a video call".into(),
            }];
            // Check the rest as if video were chosen, so every problem shows at once.
            let mut rest = self.details_errors_for(ContactMethod::Video, time_zone, note);
            errors.append(&mut rest);
            return errors;
        };
        self.details_errors_for(method, time_zone, note)
    }

    fn details_errors_for(
        &self,
        method: ContactMethod,
        time_zone: &str,
        note: &str,
    ) -> Vec<FieldError> {
        // Any slot will do: the time is checked on its own step.
        let placeholder = CallSlot {
            start: chrono::DateTime::<chrono::Utc>::MIN_UTC,
            end: chrono::DateTime::<chrono::Utc>::MIN_UTC,
        };
        let mut errors = self
            .request(
                self.slot.unwrap_or(placeholder),
                method,
                time_zone,
                note,
                None,
            )
            .validate();
        errors.retain(|e| e.field != "slot_start");
        errors.sort_by_key(|e| field_order(&e.field));
        errors
    }

    /// Forgets a booking key: the request it was made for will not be sent again (it was
    /// answered for sure, or the details changed).
    pub fn forget_submission(&mut self) {
        self.submission_key = None;
    }
}

/// Where a field comes in the form, for ordering error messages.
fn field_order(field: &str) -> usize {
    [
        "contact_method",
        "name",
        "email",
        "phone",
        "note",
        "self_check_summary",
        "time_zone",
        "preferred_times",
    ]
    .iter()
    .position(|f| *f == field)
    .unwrap_or(usize::MAX)
}

/// The id of the control that fixes the API field `field`.
pub fn field_id(field: &str) -> &'static str {
    match field {
        "contact_method" => field_ids::CONTACT_METHOD,
        "name" => field_ids::NAME,
        "email" => field_ids::EMAIL,
        "phone" => field_ids::PHONE,
        "note" => field_ids::NOTE,
        "self_check_summary" => field_ids::SHARE,
        "time_zone" => field_ids::TIME_ZONE,
        "preferred_times" => field_ids::PREFERRED_TIMES,
        _ => field_ids::CHANGE_TIME,
    }
}

/// "None of these times work for me": the request built from the draft's contact details and
/// what the person typed (kept in memory only, like the booking note).
pub fn availability_request(
    draft: &CallDraft,
    time_zone: &str,
    preferred_times: &str,
    note: &str,
) -> AvailabilityRequest {
    AvailabilityRequest {
        name: draft.name.trim().to_owned(),
        email: given(&draft.email),
        phone: given(&draft.phone),
        time_zone: time_zone.to_owned(),
        preferred_times: preferred_times.trim().to_owned(),
        note: given(note),
    }
}

/// What is wrong with an availability request, in form order.
pub fn availability_errors(request: &AvailabilityRequest) -> Vec<FieldError> {
    let mut errors = request.validate();
    errors.sort_by_key(|e| field_order(&e.field));
    errors
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};
    use frontdoor_contract::LevelOfCare;

    use super::*;

    fn slot() -> CallSlot {
        let start = Utc.with_ymd_and_hms(2026, 12, 2, 15, 30, 0).unwrap();
        CallSlot {
            start,
            end: start + Duration::minutes(30),
        }
    }

    fn sam() -> CallDraft {
        CallDraft {
            time_zone: Some("Australia/Sydney".into()),
            day: NaiveDate::from_ymd_opt(2026, 12, 3),
            slot: Some(slot()),
            contact_method: Some(ContactMethod::Video),
            name: "  Sam ".into(),
            email: "sam@example.org ".into(),
            phone: "   ".into(),
            details_done: true,
            submission_key: None,
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn the_request_carries_trimmed_details_and_leaves_blank_ones_out() {
        let request = sam().request(slot(), ContactMethod::Video, "Australia/Sydney", "  ", None);
        assert_eq!(request.name, "Sam");
        assert_eq!(request.email.as_deref(), Some("sam@example.org"));
        assert_eq!(request.phone, None);
        assert_eq!(request.note, None);
        assert_eq!(request.slot_start, slot().start);
        let json = serde_json::to_value(&request).unwrap();
        assert!(json.get("self_check_summary").is_none(), "{json}");
        assert!(json.get("note").is_none(), "{json}");
    }

    #[test]
    fn the_summary_rides_along_only_when_given() {
        let summary = SharedSelfCheckSummary {
            question_set_version: "v1".into(),
            level_of_care: LevelOfCare::Iop,
            lines: vec!["Line".into()],
            topics: vec![],
        };
        let request = sam().request(
            slot(),
            ContactMethod::Video,
            "UTC",
            "Evenings",
            Some(summary.clone()),
        );
        assert_eq!(request.self_check_summary, Some(summary));
        assert_eq!(request.note.as_deref(), Some("Evenings"));
    }

    #[test]
    fn the_draft_never_holds_a_note_or_a_summary() {
        let json = serde_json::to_value(sam()).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        for key in &keys {
            assert!(
                !["note", "self_check_summary", "summary", "share"].contains(key),
                "{key} in {json}"
            );
        }
        let back: CallDraft = serde_json::from_value(json).unwrap();
        assert_eq!(back, sam());
    }

    #[test]
    fn every_problem_on_the_details_step_is_reported_in_form_order() {
        let empty = CallDraft::default();
        let errors = empty.details_errors("Australia/Sydney", "");
        assert_eq!(fields(&errors), ["contact_method", "name", "email"]);

        let phone_without_number = CallDraft {
            contact_method: Some(ContactMethod::Phone),
            phone: String::new(),
            ..sam()
        };
        assert_eq!(
            fields(&phone_without_number.details_errors("UTC", "")),
            ["phone"]
        );
        assert!(sam().details_errors("UTC", "").is_empty());
        let long_note = "x".repeat(frontdoor_contract::calls::NOTE_MAX_CHARS + 1);
        assert_eq!(fields(&sam().details_errors("UTC", &long_note)), ["note"]);
    }

    #[test]
    fn each_field_error_links_to_a_control() {
        assert_eq!(field_id("email"), field_ids::EMAIL);
        assert_eq!(field_id("contact_method"), field_ids::CONTACT_METHOD);
        assert_eq!(field_id("slot_start"), field_ids::CHANGE_TIME);
        assert_eq!(field_id("anything else"), field_ids::CHANGE_TIME);
    }

    #[test]
    fn an_availability_request_needs_times_and_a_way_to_reach_the_person() {
        let request = availability_request(&sam(), "Australia/Sydney", "  ", "");
        assert_eq!(fields(&availability_errors(&request)), ["preferred_times"]);
        let request = availability_request(
            &CallDraft::default(),
            "Australia/Sydney",
            "Weekday evenings after 6",
            "",
        );
        assert_eq!(fields(&availability_errors(&request)), ["name", "email"]);
        let request = availability_request(&sam(), "Australia/Sydney", "Evenings", " ");
        assert!(availability_errors(&request).is_empty());
        assert_eq!(request.note, None);
    }
}
