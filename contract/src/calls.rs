//! The free care-coordinator call: open slots, booking, managing a booked call, and asking for
//! other times when none of the offered ones work.
//!
//! Routes: `GET /coordinator/slots?from=&to=` → [`CallSlots`]; `POST /calls` ([`CallRequest`]) →
//! 201 [`CallConfirmation`] or 409 [`SlotTakenProblem`]; `GET /calls/{reference}` → [`CallView`];
//! `POST /calls/{reference}/reschedule` ([`RescheduleRequest`]) → [`CallView`];
//! `POST /availability-requests` ([`AvailabilityRequest`]) → 201 [`AvailabilityReceipt`].
//!
//! Request bodies refuse unknown fields, so nothing a person did not agree to share can ride along
//! unnoticed. The `validate` methods hold the field rules both the SPA (before sending) and a
//! backend (before storing) apply, so the two give the same messages.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::problem::{FieldError, Problem};

/// Longest accepted name or alias, in characters.
pub const NAME_MAX_CHARS: usize = 100;
/// Longest accepted email address, in characters.
pub const EMAIL_MAX_CHARS: usize = 254;
/// Fewest digits a phone number may have.
pub const PHONE_MIN_DIGITS: usize = 7;
/// Most digits a phone number may have (E.164 allows 15; a few more leave room for extensions).
pub const PHONE_MAX_DIGITS: usize = 18;
/// Longest accepted IANA time-zone name, in characters.
pub const TIME_ZONE_MAX_CHARS: usize = 64;
/// Longest note for the coordinator, in characters.
pub const NOTE_MAX_CHARS: usize = 1000;
/// Longest "times that would suit me" text of an availability request, in characters.
pub const PREFERRED_TIMES_MAX_CHARS: usize = 500;
/// Most lines a shared self-check summary may carry.
pub const SUMMARY_MAX_LINES: usize = 30;
/// Longest line of a shared self-check summary, in characters.
pub const SUMMARY_LINE_MAX_CHARS: usize = 300;
/// Most topics a shared self-check summary may carry.
pub const SUMMARY_MAX_TOPICS: usize = 12;
/// Longest topic of a shared self-check summary, in characters.
pub const SUMMARY_TOPIC_MAX_CHARS: usize = 60;
/// Longest question-set version string, in characters.
pub const SUMMARY_VERSION_MAX_CHARS: usize = 32;

/// The problem `type` of a 409 reply to `POST /calls` (or a reschedule) whose slot was taken
/// meanwhile; the body is a [`SlotTakenProblem`].
pub const SLOT_TAKEN_PROBLEM_TYPE: &str = "urn:frontdoor:problem:slot-taken";

/// One bookable time with the coordinator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CallSlot {
    /// When the call begins.
    pub start: DateTime<Utc>,
    /// When the call ends.
    pub end: DateTime<Utc>,
}

/// The reply of `GET /coordinator/slots`: free slots in time order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallSlots {
    /// Free slots, earliest first.
    pub slots: Vec<CallSlot>,
}

/// The query of `GET /coordinator/slots`: a half-open window `[from, to)` of slot starts. A
/// backend may narrow it to what can actually be booked (minimum notice, booking horizon).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CallSlotsQuery {
    /// Earliest slot start wanted; defaults to now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<DateTime<Utc>>,
    /// Slot starts must be before this; defaults to the end of the booking horizon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<DateTime<Utc>>,
}

/// How the person would like to talk with the coordinator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactMethod {
    /// The coordinator calls the person's phone number.
    Phone,
    /// A video call; the link goes to the email address (or by text message to the phone).
    Video,
}

/// Where the self-check pointed, as shared with the coordinator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelOfCare {
    /// Answers suggested immediate risk; crisis resources were shown.
    GetHelpNow,
    /// More support than an intensive outpatient program may be needed.
    HigherLevelOfCare,
    /// An Intensive Outpatient Program may be a good fit.
    Iop,
    /// A weekly group or individual therapy may be enough.
    WeeklyCare,
}

impl LevelOfCare {
    /// The result as the person saw it on the self-check's result page.
    pub fn label(self) -> &'static str {
        match self {
            Self::GetHelpNow => "Get help now",
            Self::HigherLevelOfCare => "A higher level of care may fit better",
            Self::Iop => "IOP may be a good fit",
            Self::WeeklyCare => "A weekly group or individual therapy may be enough",
        }
    }
}

/// The self-check summary a person chose to share with the coordinator when booking.
///
/// Deliberately small: the result and plain-language lines the person saw on their result page,
/// never the individual answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedSelfCheckSummary {
    /// Which version of the self-check's questions produced this summary.
    pub question_set_version: String,
    /// Where the self-check pointed.
    pub level_of_care: LevelOfCare,
    /// The reasons and screener bands in plain words, as shown on the result page.
    pub lines: Vec<String>,
    /// The topics the person chose ("Anxiety", "Grief and loss", …).
    pub topics: Vec<String>,
}

/// The body of `POST /calls`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallRequest {
    /// The chosen slot's `start`, exactly as `GET /coordinator/slots` gave it.
    pub slot_start: DateTime<Utc>,
    /// The person's name or an alias.
    pub name: String,
    /// Email address; at least one of `email` and `phone` is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number; required when `contact_method` is `phone`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The person's IANA time zone, so the coordinator can speak of times in it.
    pub time_zone: String,
    /// Phone or video.
    pub contact_method: ContactMethod,
    /// Anything the person wants the coordinator to know beforehand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Present only when the person ticked the opt-in to share their self-check summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_check_summary: Option<SharedSelfCheckSummary>,
}

/// The 201 reply of `POST /calls`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallConfirmation {
    /// A short reference the person can quote.
    pub reference: String,
    /// The secret for managing the call (`Authorization: Bearer …`); shown once, never stored in
    /// clear by the server. The manage link carries it in the URL fragment.
    pub manage_token: String,
    /// When the call begins.
    pub start: DateTime<Utc>,
    /// When the call ends.
    pub end: DateTime<Utc>,
    /// Phone or video.
    pub contact_method: ContactMethod,
}

/// Whether a booked call is still going ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallStatus {
    /// The call will take place at its time.
    Booked,
    /// The person cancelled the call.
    Cancelled,
}

/// The reply of `GET /calls/{reference}` and of a reschedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallView {
    /// The call's reference.
    pub reference: String,
    /// When the call begins.
    pub start: DateTime<Utc>,
    /// When the call ends.
    pub end: DateTime<Utc>,
    /// Phone or video.
    pub contact_method: ContactMethod,
    /// Booked or cancelled.
    pub status: CallStatus,
}

/// The body of `POST /calls/{reference}/reschedule`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RescheduleRequest {
    /// The new slot's `start`, exactly as `GET /coordinator/slots` gave it.
    pub slot_start: DateTime<Utc>,
}

/// The body of `POST /availability-requests`: "none of these times work for me".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AvailabilityRequest {
    /// The person's name or an alias.
    pub name: String,
    /// Email address; at least one of `email` and `phone` is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The person's IANA time zone, in which `preferred_times` is meant.
    pub time_zone: String,
    /// When would suit, in the person's own words ("weekday evenings after 6").
    pub preferred_times: String,
    /// Anything else the coordinator should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The 201 reply of `POST /availability-requests`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AvailabilityReceipt {
    /// A short reference the person can quote when the coordinator gets in touch.
    pub reference: String,
}

/// The 409 reply when the chosen slot was booked by someone else meanwhile: a [`Problem`] with
/// the nearest free slots so the person can pick another without starting over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlotTakenProblem {
    /// The RFC 9457 members (`type` is [`SLOT_TAKEN_PROBLEM_TYPE`], `status` 409).
    #[serde(flatten)]
    pub problem: Problem,
    /// The free slots nearest in time to the one asked for, earliest first.
    #[serde(default)]
    pub nearest: Vec<CallSlot>,
}

impl SlotTakenProblem {
    /// The standard slot-taken reply offering `nearest` instead.
    pub fn new(nearest: Vec<CallSlot>) -> Self {
        let mut problem = Problem::new(
            409,
            "That time was just taken",
            "Someone booked this time a moment ago. Please pick one of the nearest free times.",
        );
        problem.kind = SLOT_TAKEN_PROBLEM_TYPE.to_owned();
        Self { problem, nearest }
    }
}

impl CallRequest {
    /// Every field rule this request breaks; empty when it may be sent or stored.
    ///
    /// Whether `slot_start` is still free and `time_zone` is a known zone is for the backend to
    /// decide; this checks shape and contact details only.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        check_name(&self.name, &mut errors);
        check_contact(
            self.email.as_deref(),
            self.phone.as_deref(),
            self.contact_method,
            &mut errors,
        );
        check_time_zone(&self.time_zone, &mut errors);
        check_optional_text("note", self.note.as_deref(), NOTE_MAX_CHARS, &mut errors);
        if let Some(summary) = &self.self_check_summary {
            summary.check(&mut errors);
        }
        errors
    }
}

impl AvailabilityRequest {
    /// Every field rule this request breaks; empty when it may be sent or stored.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        check_name(&self.name, &mut errors);
        check_contact(
            self.email.as_deref(),
            self.phone.as_deref(),
            ContactMethod::Video,
            &mut errors,
        );
        check_time_zone(&self.time_zone, &mut errors);
        let preferred = self.preferred_times.trim();
        if preferred.is_empty() {
            push(
                &mut errors,
                "preferred_times",
                "Tell us which days and times would suit you",
            );
        } else if preferred.chars().count() > PREFERRED_TIMES_MAX_CHARS {
            push(
                &mut errors,
                "preferred_times",
                format!("Keep this to {PREFERRED_TIMES_MAX_CHARS} characters or fewer"),
            );
        }
        check_optional_text("note", self.note.as_deref(), NOTE_MAX_CHARS, &mut errors);
        errors
    }
}

impl SharedSelfCheckSummary {
    fn check(&self, errors: &mut Vec<FieldError>) {
        const FIELD: &str = "self_check_summary";
        let version = self.question_set_version.trim();
        let too_long = |s: &str, max: usize| s.chars().count() > max;
        if version.is_empty() || too_long(version, SUMMARY_VERSION_MAX_CHARS) {
            push(
                errors,
                FIELD,
                "The self-check summary has no recognisable question set version",
            );
        }
        if self.lines.len() > SUMMARY_MAX_LINES
            || self
                .lines
                .iter()
                .any(|l| too_long(l, SUMMARY_LINE_MAX_CHARS))
        {
            push(
                errors,
                FIELD,
                format!(
                    "The self-check summary may have at most {SUMMARY_MAX_LINES} lines of \
                     {SUMMARY_LINE_MAX_CHARS} characters"
                ),
            );
        }
        if self.topics.len() > SUMMARY_MAX_TOPICS
            || self
                .topics
                .iter()
                .any(|t| t.trim().is_empty() || too_long(t, SUMMARY_TOPIC_MAX_CHARS))
        {
            push(
                errors,
                FIELD,
                format!(
                    "The self-check summary may have at most {SUMMARY_MAX_TOPICS} topics of \
                     {SUMMARY_TOPIC_MAX_CHARS} characters"
                ),
            );
        }
    }
}

/// Whether `email` looks like an address mail could be delivered to: one `@`, something before
/// it, a dotted domain after it, no spaces.
pub fn is_plausible_email(email: &str) -> bool {
    let email = email.trim();
    if email.is_empty() || email.chars().count() > EMAIL_MAX_CHARS {
        return false;
    }
    if email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// Whether `phone` looks like a phone number: digits with optional `+` at the start, spaces,
/// dashes, dots and brackets, and between [`PHONE_MIN_DIGITS`] and [`PHONE_MAX_DIGITS`] digits.
pub fn is_plausible_phone(phone: &str) -> bool {
    let phone = phone.trim();
    let rest = phone.strip_prefix('+').unwrap_or(phone);
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
    {
        return false;
    }
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    (PHONE_MIN_DIGITS..=PHONE_MAX_DIGITS).contains(&digits)
}

fn push(errors: &mut Vec<FieldError>, field: &str, message: impl Into<String>) {
    errors.push(FieldError {
        field: field.to_owned(),
        message: message.into(),
    });
}

fn check_name(name: &str, errors: &mut Vec<FieldError>) {
    let name = name.trim();
    if name.is_empty() {
        push(
            errors,
            "name",
            "Enter your name, or any name you would like us to use",
        );
    } else if name.chars().count() > NAME_MAX_CHARS {
        push(
            errors,
            "name",
            format!("Name must be {NAME_MAX_CHARS} characters or fewer"),
        );
    } else if name.chars().any(char::is_control) {
        push(errors, "name", "Name must be on one line");
    }
}

/// A blank optional contact counts as not given, so an emptied form field does no harm.
fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

fn check_contact(
    email: Option<&str>,
    phone: Option<&str>,
    method: ContactMethod,
    errors: &mut Vec<FieldError>,
) {
    let email = given(email);
    let phone = given(phone);
    if let Some(email) = email
        && !is_plausible_email(email)
    {
        push(
            errors,
            "email",
            "Enter an email address in the correct format, like name@example.com",
        );
    }
    if let Some(phone) = phone
        && !is_plausible_phone(phone)
    {
        push(
            errors,
            "phone",
            "Enter a phone number, like 555 123 4567 or +1 555 123 4567",
        );
    }
    match (email, phone, method) {
        (_, None, ContactMethod::Phone) => push(
            errors,
            "phone",
            "Enter a phone number so the coordinator can call you",
        ),
        (None, None, ContactMethod::Video) => push(
            errors,
            "email",
            "Enter an email address or a phone number so we can reach you",
        ),
        _ => {}
    }
}

fn check_time_zone(zone: &str, errors: &mut Vec<FieldError>) {
    let plausible = !zone.is_empty()
        && zone.len() <= TIME_ZONE_MAX_CHARS
        && zone
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+'));
    if !plausible {
        push(
            errors,
            "time_zone",
            "Choose your time zone, like America/New_York",
        );
    }
}

fn check_optional_text(field: &str, value: Option<&str>, max: usize, errors: &mut Vec<FieldError>) {
    if let Some(value) = value
        && value.chars().count() > max
    {
        push(
            errors,
            field,
            format!("Keep this to {max} characters or fewer"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use serde::de::DeserializeOwned;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, h, m, 0).unwrap()
    }

    fn slot(h: u32, m: u32) -> CallSlot {
        CallSlot {
            start: at(h, m),
            end: at(h, m) + chrono::Duration::minutes(30),
        }
    }

    fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) {
        let json = serde_json::to_string(value).unwrap();
        let back: T = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, value, "round trip changed {json}");
    }

    fn summary() -> SharedSelfCheckSummary {
        SharedSelfCheckSummary {
            question_set_version: "2026.11".into(),
            level_of_care: LevelOfCare::Iop,
            lines: vec!["Your answers suggest moderate anxiety symptoms".into()],
            topics: vec!["Anxiety".into(), "Grief and loss".into()],
        }
    }

    fn request() -> CallRequest {
        CallRequest {
            slot_start: at(14, 0),
            name: "Sam".into(),
            email: Some("sam@example.com".into()),
            phone: None,
            time_zone: "America/New_York".into(),
            contact_method: ContactMethod::Video,
            note: None,
            self_check_summary: None,
        }
    }

    fn availability() -> AvailabilityRequest {
        AvailabilityRequest {
            name: "Sam".into(),
            email: None,
            phone: Some("+1 (555) 123-4567".into()),
            time_zone: "Australia/Sydney".into(),
            preferred_times: "Weekday evenings after 6".into(),
            note: Some("Text before calling, please".into()),
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn every_call_type_round_trips() {
        round_trip(&slot(14, 0));
        round_trip(&CallSlots {
            slots: vec![slot(14, 0), slot(14, 40)],
        });
        round_trip(&CallSlotsQuery {
            from: Some(at(0, 0)),
            to: None,
        });
        round_trip(&request());
        round_trip(&CallRequest {
            phone: Some("555 123 4567".into()),
            contact_method: ContactMethod::Phone,
            note: Some("Evenings are easier".into()),
            self_check_summary: Some(summary()),
            ..request()
        });
        round_trip(&CallConfirmation {
            reference: "C-7KQ2M9".into(),
            manage_token: "k3y".into(),
            start: at(14, 0),
            end: at(14, 30),
            contact_method: ContactMethod::Phone,
        });
        round_trip(&CallView {
            reference: "C-7KQ2M9".into(),
            start: at(14, 0),
            end: at(14, 30),
            contact_method: ContactMethod::Video,
            status: CallStatus::Cancelled,
        });
        round_trip(&RescheduleRequest {
            slot_start: at(15, 20),
        });
        round_trip(&availability());
        round_trip(&AvailabilityReceipt {
            reference: "A-42".into(),
        });
        round_trip(&SlotTakenProblem::new(vec![slot(13, 20), slot(14, 40)]));
    }

    #[test]
    fn slot_times_are_rfc_3339_utc_instants() {
        let json = serde_json::to_value(slot(14, 0)).unwrap();
        assert_eq!(json["start"], "2026-12-01T14:00:00Z");
        assert_eq!(json["end"], "2026-12-01T14:30:00Z");
        let from_other_offset: CallSlot = serde_json::from_str(
            r#"{"start":"2026-12-01T09:00:00-05:00","end":"2026-12-01T09:30:00-05:00"}"#,
        )
        .unwrap();
        assert_eq!(from_other_offset, slot(14, 0));
    }

    #[test]
    fn enums_use_snake_case_on_the_wire() {
        let wire = [
            serde_json::to_value(ContactMethod::Phone).unwrap(),
            serde_json::to_value(ContactMethod::Video).unwrap(),
            serde_json::to_value(CallStatus::Booked).unwrap(),
            serde_json::to_value(CallStatus::Cancelled).unwrap(),
            serde_json::to_value(LevelOfCare::GetHelpNow).unwrap(),
            serde_json::to_value(LevelOfCare::HigherLevelOfCare).unwrap(),
            serde_json::to_value(LevelOfCare::Iop).unwrap(),
            serde_json::to_value(LevelOfCare::WeeklyCare).unwrap(),
        ];
        assert_eq!(
            wire,
            [
                "phone",
                "video",
                "booked",
                "cancelled",
                "get_help_now",
                "higher_level_of_care",
                "iop",
                "weekly_care"
            ]
        );
        assert!(serde_json::from_str::<ContactMethod>(r#""Phone""#).is_err());
    }

    #[test]
    fn a_request_without_the_opt_in_carries_no_summary_key_at_all() {
        let json = serde_json::to_value(request()).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["contact_method", "email", "name", "slot_start", "time_zone"]
        );
    }

    #[test]
    fn a_request_with_the_opt_in_carries_exactly_the_summary() {
        let json = serde_json::to_value(CallRequest {
            self_check_summary: Some(summary()),
            ..request()
        })
        .unwrap();
        assert_eq!(
            json["self_check_summary"],
            serde_json::json!({
                "question_set_version": "2026.11",
                "level_of_care": "iop",
                "lines": ["Your answers suggest moderate anxiety symptoms"],
                "topics": ["Anxiety", "Grief and loss"],
            })
        );
    }

    #[test]
    fn requests_refuse_fields_the_contract_does_not_know() {
        let mut call = serde_json::to_value(request()).unwrap();
        call["answers"] = serde_json::json!({"phq9_item9": 2});
        let err = serde_json::from_value::<CallRequest>(call).unwrap_err();
        assert!(err.to_string().contains("answers"), "{err}");

        let mut with_summary = serde_json::to_value(CallRequest {
            self_check_summary: Some(summary()),
            ..request()
        })
        .unwrap();
        with_summary["self_check_summary"]["answers"] = serde_json::json!([1, 2, 3]);
        assert!(serde_json::from_value::<CallRequest>(with_summary).is_err());

        assert!(
            serde_json::from_str::<RescheduleRequest>(
                r#"{"slot_start":"2026-12-01T14:00:00Z","reference":"C-1"}"#
            )
            .is_err()
        );
        let mut ask = serde_json::to_value(availability()).unwrap();
        ask["group_id"] = serde_json::json!("g1");
        assert!(serde_json::from_value::<AvailabilityRequest>(ask).is_err());
    }

    #[test]
    fn optional_request_fields_may_be_left_out() {
        let parsed: CallRequest = serde_json::from_str(
            r#"{"slot_start":"2026-12-01T14:00:00Z","name":"Sam","phone":"555 123 4567",
                "time_zone":"America/Chicago","contact_method":"phone"}"#,
        )
        .unwrap();
        assert_eq!(parsed.email, None);
        assert_eq!(parsed.note, None);
        assert_eq!(parsed.self_check_summary, None);
        assert!(parsed.validate().is_empty());
    }

    #[test]
    fn slot_taken_reply_is_a_problem_with_the_nearest_slots_beside_it() {
        let reply = SlotTakenProblem::new(vec![slot(13, 20), slot(14, 40)]);
        let json = serde_json::to_value(&reply).unwrap();
        assert_eq!(json["type"], SLOT_TAKEN_PROBLEM_TYPE);
        assert_eq!(json["status"], 409);
        assert_eq!(json["nearest"][1]["start"], "2026-12-01T14:40:00Z");
        // A client that only knows `Problem` still reads the reply.
        let plain: Problem = serde_json::from_value(json).unwrap();
        assert_eq!(plain.status, 409);
        assert_eq!(plain.kind, SLOT_TAKEN_PROBLEM_TYPE);
    }

    #[test]
    fn a_complete_request_is_valid() {
        assert!(request().validate().is_empty());
        assert!(
            CallRequest {
                self_check_summary: Some(summary()),
                ..request()
            }
            .validate()
            .is_empty()
        );
        assert!(availability().validate().is_empty());
    }

    #[test]
    fn a_name_is_required_and_capped() {
        let blank = CallRequest {
            name: "   ".into(),
            ..request()
        };
        assert_eq!(fields(&blank.validate()), ["name"]);
        let long = CallRequest {
            name: "a".repeat(NAME_MAX_CHARS + 1),
            ..request()
        };
        assert_eq!(fields(&long.validate()), ["name"]);
        let at_cap = CallRequest {
            name: "é".repeat(NAME_MAX_CHARS),
            ..request()
        };
        assert!(at_cap.validate().is_empty());
    }

    #[test]
    fn one_way_to_reach_the_person_is_required() {
        let neither = CallRequest {
            email: None,
            phone: Some("  ".into()),
            ..request()
        };
        assert_eq!(fields(&neither.validate()), ["email"]);
        let phone_only_video = CallRequest {
            email: None,
            phone: Some("555-123-4567".into()),
            ..request()
        };
        assert!(phone_only_video.validate().is_empty());
        let phone_call_without_number = CallRequest {
            contact_method: ContactMethod::Phone,
            ..request()
        };
        assert_eq!(fields(&phone_call_without_number.validate()), ["phone"]);
    }

    #[test]
    fn malformed_contact_details_are_named_by_field() {
        let bad = CallRequest {
            email: Some("sam@example".into()),
            phone: Some("call me".into()),
            ..request()
        };
        assert_eq!(fields(&bad.validate()), ["email", "phone"]);
        for ok in ["a@b.co", "first.last+tag@mail.example.org"] {
            assert!(is_plausible_email(ok), "{ok}");
        }
        for bad in [
            "",
            "@x.com",
            "a@",
            "a@b",
            "a b@c.com",
            "a@@b.com",
            "a@b..com",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
        for ok in ["5551234567", "+44 20 7946 0958", "(555) 123-4567"] {
            assert!(is_plausible_phone(ok), "{ok}");
        }
        for bad in ["123456", "555-CALL-NOW", "+", "1+5551234567"] {
            assert!(!is_plausible_phone(bad), "{bad}");
        }
    }

    #[test]
    fn time_zone_and_note_are_checked() {
        let bad = CallRequest {
            time_zone: "".into(),
            note: Some("x".repeat(NOTE_MAX_CHARS + 1)),
            ..request()
        };
        assert_eq!(fields(&bad.validate()), ["time_zone", "note"]);
        let script = CallRequest {
            time_zone: "<script>".into(),
            ..request()
        };
        assert_eq!(fields(&script.validate()), ["time_zone"]);
    }

    #[test]
    fn preferred_times_are_required_and_capped() {
        let blank = AvailabilityRequest {
            preferred_times: " ".into(),
            ..availability()
        };
        assert_eq!(fields(&blank.validate()), ["preferred_times"]);
        let long = AvailabilityRequest {
            preferred_times: "x".repeat(PREFERRED_TIMES_MAX_CHARS + 1),
            ..availability()
        };
        assert_eq!(fields(&long.validate()), ["preferred_times"]);
        let at_cap = AvailabilityRequest {
            preferred_times: "x".repeat(PREFERRED_TIMES_MAX_CHARS),
            ..availability()
        };
        assert!(at_cap.validate().is_empty());
        let unreachable = AvailabilityRequest {
            phone: None,
            ..availability()
        };
        assert_eq!(fields(&unreachable.validate()), ["email"]);
    }

    #[test]
    fn an_oversized_summary_is_refused() {
        let too_many_lines = CallRequest {
            self_check_summary: Some(SharedSelfCheckSummary {
                lines: vec!["line".into(); SUMMARY_MAX_LINES + 1],
                ..summary()
            }),
            ..request()
        };
        assert_eq!(fields(&too_many_lines.validate()), ["self_check_summary"]);
        let no_version = CallRequest {
            self_check_summary: Some(SharedSelfCheckSummary {
                question_set_version: "".into(),
                ..summary()
            }),
            ..request()
        };
        assert_eq!(fields(&no_version.validate()), ["self_check_summary"]);
    }

    #[test]
    fn level_of_care_labels_match_the_self_check_results() {
        assert_eq!(LevelOfCare::GetHelpNow.label(), "Get help now");
        assert_eq!(LevelOfCare::Iop.label(), "IOP may be a good fit");
    }
}
