//! Reserving a seat in a weekly group: choose the first session, give contact details, check
//! the answers, confirm.
//!
//! The step is part of the URL (`/groups/{id}/reserve/session|details|review`, then
//! `…/confirmation`), so Back and reload land where the person was; what they typed is kept in
//! a [`ReservationDraft`] in `sessionStorage` — contact and booking details only, never anything
//! about their health. Sending is a state machine ([`Submission`]): ready → sending → confirmed,
//! or back to the form with the group's alternatives (it filled up), the fields to fix (the
//! server refused them) or a "Try again" that resends the very same request under the very same
//! `Idempotency-Key`, so a retry can never reserve two seats.
//!
//! This module is pure and tested natively; [`flow`] and the step components show it.

pub mod confirmation;
pub mod contact_fields;
pub mod details_step;
pub mod flow;
pub mod review_step;
pub mod session_step;

use chrono::{DateTime, Utc};
use frontdoor_contract::{
    FieldError, Group, GroupFullProblem, ReservationConfirmation, ReservationRequest,
    WaitlistRequest,
};
use serde::{Deserialize, Serialize};

use crate::{
    api::{ApiError, reservations::ReserveError},
    features::draft::{Draft, NonHealthDraft, SubmissionKey},
};

pub use flow::ReserveFlow;

/// A step of the reservation, as named in the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReserveStep {
    /// Choose the first session.
    Session,
    /// Name, contact details, time zone.
    Details,
    /// "Check your answers", then confirm.
    Review,
    /// The seat is reserved.
    Confirmation,
}

impl ReserveStep {
    /// The three steps a person fills in, in order.
    pub const FORM: [ReserveStep; 3] = [
        ReserveStep::Session,
        ReserveStep::Details,
        ReserveStep::Review,
    ];

    /// The URL segment, e.g. `details`.
    pub fn slug(self) -> &'static str {
        match self {
            ReserveStep::Session => "session",
            ReserveStep::Details => "details",
            ReserveStep::Review => "review",
            ReserveStep::Confirmation => "confirmation",
        }
    }

    /// Reads a URL segment; anything else is `None`.
    pub fn parse(slug: &str) -> Option<Self> {
        [
            ReserveStep::Session,
            ReserveStep::Details,
            ReserveStep::Review,
            ReserveStep::Confirmation,
        ]
        .into_iter()
        .find(|step| step.slug() == slug)
    }

    /// The step's number among [`Self::FORM`], from 1.
    pub fn number(self) -> usize {
        Self::FORM
            .iter()
            .position(|&step| step == self)
            .map_or(Self::FORM.len(), |at| at + 1)
    }

    /// The step's name as the page title gives it.
    pub fn title(self) -> &'static str {
        match self {
            ReserveStep::Session => "Choose your first session",
            ReserveStep::Details => "Your details",
            ReserveStep::Review => "Check your answers",
            ReserveStep::Confirmation => "Your seat is reserved",
        }
    }
}

/// The path of a step of reserving a seat in the group `group_id`.
pub fn step_path(group_id: &str, step: ReserveStep) -> String {
    format!(
        "/groups/{}/reserve/{}",
        crate::api::path_segment(group_id),
        step.slug()
    )
}

/// Who the seat is for and how to reach them. Shared by the reservation and the waitlist.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDetails {
    /// Name or alias.
    pub name: String,
    pub email: String,
    /// Optional.
    pub phone: String,
    /// IANA zone, pre-filled from the browser.
    pub time_zone: String,
    /// Booking on someone else's behalf.
    pub for_someone_else: bool,
}

/// The ids of the contact fields in the page, so error summaries can link to them.
pub mod field_ids {
    /// The first-session radios (the first radio's id).
    pub const FIRST_SESSION: &str = "first-session";
    pub const NAME: &str = "contact-name";
    pub const EMAIL: &str = "contact-email";
    pub const PHONE: &str = "contact-phone";
    pub const TIME_ZONE: &str = "contact-time-zone";
    pub const FOR_SOMEONE_ELSE: &str = "contact-for-someone-else";
}

/// Where in the page an API field's error belongs: (element id, step).
pub fn field_place(field: &str) -> (&'static str, ReserveStep) {
    match field {
        "first_session" | "group_id" => (field_ids::FIRST_SESSION, ReserveStep::Session),
        "email" => (field_ids::EMAIL, ReserveStep::Details),
        "phone" => (field_ids::PHONE, ReserveStep::Details),
        "time_zone" => (field_ids::TIME_ZONE, ReserveStep::Details),
        "for_someone_else" => (field_ids::FOR_SOMEONE_ELSE, ReserveStep::Details),
        // A name problem, or a field this form does not know: the first field of the details.
        _ => (field_ids::NAME, ReserveStep::Details),
    }
}

/// Longest name or alias, as the API accepts it.
pub const NAME_MAX_CHARS: usize = 100;
/// Longest email address, as the API accepts it.
pub const EMAIL_MAX_CHARS: usize = 254;
/// Longest phone number, as the API accepts it.
pub const PHONE_MAX_CHARS: usize = 32;

fn error(field: &str, message: &str) -> FieldError {
    FieldError {
        field: field.to_owned(),
        message: message.to_owned(),
    }
}

impl ContactDetails {
    /// What is missing or malformed, in form order, with the API's own messages. The API checks
    /// again and has the last word.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut problems = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            problems.push(error("name", "Enter your name or an alias"));
        } else if name.chars().count() > NAME_MAX_CHARS {
            problems.push(error("name", "Name must be 100 characters or fewer"));
        }
        let email = self.email.trim();
        if email.is_empty() {
            problems.push(error("email", "Enter your email address"));
        } else if !looks_like_email(email) {
            problems.push(error(
                "email",
                "Enter an email address in the correct format, like name@example.com",
            ));
        }
        let phone = self.phone.trim();
        if !phone.is_empty() && !looks_like_phone(phone) {
            problems.push(error(
                "phone",
                "Enter a phone number in the correct format, like +1 555 010 0199",
            ));
        }
        if self.time_zone.trim().is_empty() {
            problems.push(error("time_zone", "Choose your time zone"));
        }
        problems
    }

    fn phone(&self) -> Option<String> {
        let phone = self.phone.trim();
        (!phone.is_empty()).then(|| phone.to_owned())
    }

    /// The body of `POST /groups/{id}/waitlist`.
    pub fn waitlist_request(&self) -> WaitlistRequest {
        WaitlistRequest {
            name: self.name.trim().to_owned(),
            email: self.email.trim().to_owned(),
            phone: self.phone(),
            time_zone: self.time_zone.trim().to_owned(),
            for_someone_else: self.for_someone_else.then_some(true),
        }
    }
}

/// `something@domain.tld` with no spaces: enough to catch a slip before sending.
fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && !email.chars().any(char::is_whitespace)
        && domain
            .split_once('.')
            .is_some_and(|(host, tld)| !host.is_empty() && tld.len() >= 2 && !tld.ends_with('.'))
}

/// 7 to 15 digits, optionally after `+`, grouped with spaces, hyphens, dots or parentheses.
fn looks_like_phone(phone: &str) -> bool {
    let rest = phone.strip_prefix('+').unwrap_or(phone);
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || " -.()".contains(c))
}

/// A request that has been sent at least once, and the key it was sent with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentRequest {
    /// The `Idempotency-Key` of this logical submission.
    pub key: SubmissionKey,
    /// Exactly what was sent.
    pub request: ReservationRequest,
}

/// What a person has typed so far for one group. Contact and booking details only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationDraft {
    /// The group being reserved.
    pub group_id: String,
    /// The chosen first session.
    pub first_session: Option<DateTime<Utc>>,
    /// Who and how to reach them.
    pub contact: ContactDetails,
    /// The last request sent, so a resend reuses its key.
    pub sent: Option<SentRequest>,
}

impl NonHealthDraft for ReservationDraft {}

/// Where the reservation draft is kept.
pub const DRAFT: Draft<ReservationDraft> = Draft::session("frontdoor.reservation-draft");

impl ReservationDraft {
    /// A fresh draft for `group_id`, carrying over the contact details of `earlier` (which may
    /// be for another group: a person who switches group keeps what they typed) or, failing
    /// that, the reader's time zone.
    pub fn for_group(group_id: &str, earlier: Option<ReservationDraft>, time_zone: &str) -> Self {
        match earlier {
            Some(draft) if draft.group_id == group_id => draft,
            Some(draft) => Self {
                group_id: group_id.to_owned(),
                contact: draft.contact,
                ..Self::default()
            },
            None => Self {
                group_id: group_id.to_owned(),
                contact: ContactDetails {
                    time_zone: time_zone.to_owned(),
                    ..ContactDetails::default()
                },
                ..Self::default()
            },
        }
    }

    /// True when nothing has been typed or chosen (a time zone alone is the device's, not the
    /// person's).
    pub fn is_blank(&self) -> bool {
        let ContactDetails {
            name,
            email,
            phone,
            time_zone: _,
            for_someone_else,
        } = &self.contact;
        self.first_session.is_none()
            && self.sent.is_none()
            && name.is_empty()
            && email.is_empty()
            && phone.is_empty()
            && !for_someone_else
    }

    /// The problem with the chosen first session for `group`, if any.
    pub fn session_problem(&self, group: &Group) -> Option<FieldError> {
        match self.first_session {
            Some(first) if group.next_sessions.contains(&first) => None,
            Some(_) => Some(error(
                "first_session",
                "That session has already started. Choose another session to start with",
            )),
            None => Some(error(
                "first_session",
                "Choose the session you would like to start with",
            )),
        }
    }

    /// The first step of the form that is not complete, if any.
    pub fn first_incomplete_step(&self, group: &Group) -> Option<ReserveStep> {
        if self.session_problem(group).is_some() {
            Some(ReserveStep::Session)
        } else if !self.contact.problems().is_empty() {
            Some(ReserveStep::Details)
        } else {
            None
        }
    }

    /// Where a person asking for `requested` should be: that step, or the first earlier step
    /// still to be filled in (nobody reviews answers they have not given).
    pub fn reachable_step(&self, requested: ReserveStep, group: &Group) -> ReserveStep {
        match self.first_incomplete_step(group) {
            Some(missing)
                if requested != ReserveStep::Confirmation
                    && missing.number() < requested.number() =>
            {
                missing
            }
            _ => requested,
        }
    }

    /// The request these answers make; `None` until every step is complete.
    pub fn request(&self) -> Option<ReservationRequest> {
        let first_session = self.first_session?;
        if !self.contact.problems().is_empty() {
            return None;
        }
        Some(ReservationRequest {
            group_id: self.group_id.clone(),
            first_session,
            name: self.contact.name.trim().to_owned(),
            email: self.contact.email.trim().to_owned(),
            phone: self.contact.phone(),
            time_zone: self.contact.time_zone.trim().to_owned(),
            for_someone_else: self.contact.for_someone_else.then_some(true),
        })
    }

    /// The request to send now and its key. Sending the same answers again (an automatic retry,
    /// "Try again", a reload) reuses the key the first send got; changed answers are a new
    /// submission with a new key. `new_key` is called only when a key is needed.
    pub fn prepare_send(&mut self, new_key: impl FnOnce() -> SubmissionKey) -> Option<SentRequest> {
        let request = self.request()?;
        let sent = match self.sent.take() {
            Some(sent) if sent.request == request => sent,
            _ => SentRequest {
                key: new_key(),
                request,
            },
        };
        self.sent = Some(sent.clone());
        Some(sent)
    }
}

/// A reservation just made, kept for the tab so the confirmation survives a reload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmedReservation {
    /// The server's reply.
    pub confirmation: ReservationConfirmation,
    /// The zone the person chose, to show the dates on their clock.
    pub time_zone: String,
}

impl NonHealthDraft for ConfirmedReservation {}

/// Where the last confirmation is kept.
pub const CONFIRMED: Draft<ConfirmedReservation> =
    Draft::session("frontdoor.reservation-confirmed");

/// The manage page's path for a reservation, with its token in the fragment (never sent to a
/// server, never in a query string).
pub fn manage_path(reference: &str, token: &str) -> String {
    format!(
        "/reservations/{}#token={}",
        crate::api::path_segment(reference),
        crate::api::path_segment(token)
    )
}

/// Where sending the reservation stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Submission {
    /// Not sent, or being edited after a problem.
    Ready,
    /// On its way; the confirm button is locked.
    Sending,
    /// The seat is reserved.
    Confirmed(ReservationConfirmation),
    /// Every seat went while the form was open; these groups on the same topic have seats.
    GroupFull(GroupFullProblem),
    /// The server refused some answers; each is shown at its field.
    Invalid(Vec<FieldError>),
    /// No answer (offline, timeout) or a server error: "Try again" sends the same request with
    /// the same key.
    Failed(String),
}

impl Submission {
    /// The state a reply leads to.
    pub fn after(result: Result<ReservationConfirmation, ReserveError>) -> Self {
        match result {
            Ok(confirmation) => Submission::Confirmed(confirmation),
            Err(ReserveError::GroupFull(full)) => Submission::GroupFull(full),
            Err(ReserveError::Api(ApiError::Problem(problem)))
                if problem.status == 422 && !problem.errors.is_empty() =>
            {
                Submission::Invalid(problem.errors)
            }
            Err(ReserveError::Api(error)) => Submission::Failed(error.user_message()),
        }
    }

    /// Whether the confirm button is locked.
    pub fn is_sending(&self) -> bool {
        matches!(self, Submission::Sending)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveTime, TimeZone};
    use frontdoor_contract::{Audience, GroupStatus, Problem, Therapist, Weekday};

    fn group() -> Group {
        Group {
            id: "grief-loss-tuesday-evening".into(),
            title: "Grief & Loss Support Circle".into(),
            topic: "Grief & Loss".into(),
            tags: vec![],
            description: String::new(),
            audience: Audience::Adult,
            therapist: Therapist {
                name: "Dr. A".into(),
                credentials: "PhD".into(),
                years_experience: 12,
            },
            weekday: Weekday::Tuesday,
            start_time: NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
            time_zone: "America/Los_Angeles".into(),
            duration_minutes: 60,
            capacity: 10,
            seats_left: 1,
            next_sessions: vec![
                Utc.with_ymd_and_hms(2026, 6, 3, 1, 0, 0).unwrap(),
                Utc.with_ymd_and_hms(2026, 6, 10, 1, 0, 0).unwrap(),
            ],
            status: GroupStatus::Open,
        }
    }

    fn complete_draft() -> ReservationDraft {
        ReservationDraft {
            group_id: group().id,
            first_session: Some(group().next_sessions[1]),
            contact: ContactDetails {
                name: " Sam ".into(),
                email: "sam@example.org".into(),
                phone: String::new(),
                time_zone: "Europe/London".into(),
                for_someone_else: false,
            },
            sent: None,
        }
    }

    #[test]
    fn steps_round_trip_through_the_url() {
        for step in [
            ReserveStep::Session,
            ReserveStep::Details,
            ReserveStep::Review,
            ReserveStep::Confirmation,
        ] {
            assert_eq!(ReserveStep::parse(step.slug()), Some(step));
        }
        assert_eq!(ReserveStep::parse("pay"), None);
        assert_eq!(
            step_path("grief-loss-tuesday-evening", ReserveStep::Details),
            "/groups/grief-loss-tuesday-evening/reserve/details"
        );
        assert_eq!(ReserveStep::Review.number(), 3);
    }

    #[test]
    fn nobody_reaches_a_step_whose_earlier_answers_are_missing() {
        let group = group();
        let empty = ReservationDraft::for_group(&group.id, None, "Europe/London");
        assert_eq!(
            empty.reachable_step(ReserveStep::Review, &group),
            ReserveStep::Session
        );
        assert_eq!(
            empty.reachable_step(ReserveStep::Session, &group),
            ReserveStep::Session
        );
        let mut chosen = empty.clone();
        chosen.first_session = Some(group.next_sessions[0]);
        assert_eq!(
            chosen.reachable_step(ReserveStep::Review, &group),
            ReserveStep::Details
        );
        assert_eq!(
            chosen.reachable_step(ReserveStep::Details, &group),
            ReserveStep::Details
        );
        assert_eq!(
            complete_draft().reachable_step(ReserveStep::Review, &group),
            ReserveStep::Review
        );
        // A session that has passed since the draft was saved must be chosen again.
        let mut stale = complete_draft();
        stale.first_session = Some(Utc.with_ymd_and_hms(2026, 5, 27, 1, 0, 0).unwrap());
        assert_eq!(
            stale.reachable_step(ReserveStep::Review, &group),
            ReserveStep::Session
        );
    }

    #[test]
    fn contact_problems_use_the_apis_messages_in_form_order() {
        let contact = ContactDetails {
            name: "  ".into(),
            email: "sam at example".into(),
            phone: "call me".into(),
            time_zone: String::new(),
            for_someone_else: false,
        };
        let problems = contact.problems();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["name", "email", "phone", "time_zone"]);
        assert_eq!(problems[0].message, "Enter your name or an alias");
        assert!(problems[1].message.contains("name@example.com"));
        let fine = ContactDetails {
            name: "Sam".into(),
            email: "sam@example.org".into(),
            phone: "+1 (555) 010-0199".into(),
            time_zone: "America/Denver".into(),
            for_someone_else: true,
        };
        assert!(fine.problems().is_empty());
        for bad in ["sam@", "@example.org", "sam@example", "sam @example.org"] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }

    #[test]
    fn switching_group_keeps_contact_details_but_not_the_session_or_key() {
        let mut draft = complete_draft();
        draft
            .prepare_send(|| SubmissionKey::from_text("k1"))
            .unwrap();
        let other = ReservationDraft::for_group("grief-sunday-morning", Some(draft.clone()), "UTC");
        assert_eq!(other.group_id, "grief-sunday-morning");
        assert_eq!(other.contact, draft.contact);
        assert_eq!(other.first_session, None);
        assert_eq!(other.sent, None);
        let same = ReservationDraft::for_group(&draft.group_id, Some(draft.clone()), "UTC");
        assert_eq!(same, draft);
        let fresh = ReservationDraft::for_group("g", None, "America/Phoenix");
        assert_eq!(fresh.contact.time_zone, "America/Phoenix");
    }

    #[test]
    fn one_logical_submission_keeps_one_key() {
        let mut draft = complete_draft();
        let first = draft
            .prepare_send(|| SubmissionKey::from_text("k1"))
            .unwrap();
        assert_eq!(first.request.name, "Sam", "trimmed");
        assert_eq!(first.request.phone, None);
        assert_eq!(first.request.for_someone_else, None);
        // Retries and reloads send the same answers: same key, the generator is not asked.
        let reloaded: ReservationDraft =
            serde_json::from_str(&serde_json::to_string(&draft).unwrap()).unwrap();
        let mut reloaded = reloaded;
        let again = reloaded
            .prepare_send(|| panic!("a retry must reuse the key"))
            .unwrap();
        assert_eq!(again, first);
        // Changed answers are a new submission.
        reloaded.contact.email = "sam@example.com".into();
        let changed = reloaded
            .prepare_send(|| SubmissionKey::from_text("k2"))
            .unwrap();
        assert_eq!(changed.key.as_str(), "k2");
        // Incomplete answers send nothing.
        let mut empty = ReservationDraft::for_group("g", None, "UTC");
        assert_eq!(empty.prepare_send(|| SubmissionKey::from_text("k3")), None);
    }

    #[test]
    fn replies_lead_to_the_right_state() {
        let confirmation = ReservationConfirmation {
            reference: "FD-1".into(),
            manage_token: "t".into(),
            group_id: "g".into(),
            first_session: Utc.with_ymd_and_hms(2026, 6, 3, 1, 0, 0).unwrap(),
            sessions: vec![],
        };
        assert_eq!(
            Submission::after(Ok(confirmation.clone())),
            Submission::Confirmed(confirmation)
        );
        let full = GroupFullProblem::new("G", vec![group()]);
        assert_eq!(
            Submission::after(Err(ReserveError::GroupFull(full.clone()))),
            Submission::GroupFull(full)
        );
        let mut invalid = Problem::new(422, "Invalid", "Check your answers");
        invalid.errors = vec![error("email", "Enter your email address")];
        assert_eq!(
            Submission::after(Err(ReserveError::Api(ApiError::Problem(invalid)))),
            Submission::Invalid(vec![error("email", "Enter your email address")])
        );
        let offline = Submission::after(Err(ReserveError::Api(ApiError::Network)));
        assert!(matches!(offline, Submission::Failed(ref m) if m.contains("internet connection")));
        let unavailable = Submission::after(Err(ReserveError::Api(ApiError::Problem(
            Problem::new(503, "Unavailable", "db"),
        ))));
        assert!(matches!(unavailable, Submission::Failed(_)));
        assert!(Submission::Sending.is_sending());
    }

    #[test]
    fn server_fields_map_to_their_place_in_the_form() {
        assert_eq!(
            field_place("first_session"),
            (field_ids::FIRST_SESSION, ReserveStep::Session)
        );
        assert_eq!(
            field_place("email"),
            (field_ids::EMAIL, ReserveStep::Details)
        );
        assert_eq!(
            field_place("diagnosis"),
            (field_ids::NAME, ReserveStep::Details)
        );
    }

    #[test]
    fn the_manage_link_keeps_its_token_in_the_fragment() {
        assert_eq!(
            manage_path("FD-7KQ3-M9XA", "abc_DEF-123"),
            "/reservations/FD-7KQ3-M9XA#token=abc_DEF-123"
        );
    }
}
