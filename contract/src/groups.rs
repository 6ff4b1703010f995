//! Weekly therapy groups: the catalogue, seat reservations and waitlists.
//!
//! A group meets online for an hour at the same local time each week, led by the same licensed
//! therapist. Its wall-clock time lives in the group's own IANA time zone (`start_time` +
//! `time_zone`); the instants of its coming sessions travel as RFC 3339 UTC so every reader can
//! show them in their own zone.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::problem::Problem;

/// How many coming sessions a [`Group`] lists in `next_sessions`.
pub const NEXT_SESSIONS_SHOWN: usize = 4;

/// The problem `type` of a 409 reply to `POST /reservations` when the group has no seat left.
pub const GROUP_FULL_PROBLEM_TYPE: &str = "urn:frontdoor:problem:group-full";

/// The problem `type` of a 409 reply to `POST /groups/{id}/waitlist` when the group still has
/// seats: reserve one instead.
pub const GROUP_HAS_SEATS_PROBLEM_TYPE: &str = "urn:frontdoor:problem:group-has-seats";

/// Who a group is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Adults looking for help for themselves.
    Adult,
    /// Teenagers (13–17).
    Teen,
    /// Family, partners and friends of someone who is struggling.
    LovedOnes,
}

impl Audience {
    /// Every audience, in the order a filter offers them.
    pub const ALL: [Audience; 3] = [Audience::Adult, Audience::Teen, Audience::LovedOnes];

    /// The value used on the wire and in URLs, e.g. `loved_ones`.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Adult => "adult",
            Audience::Teen => "teen",
            Audience::LovedOnes => "loved_ones",
        }
    }

    /// Parses the wire value; anything else is `None`.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == value)
    }

    /// A label a person reads, e.g. "Loved ones".
    pub fn label(self) -> &'static str {
        match self {
            Audience::Adult => "Adults",
            Audience::Teen => "Teens",
            Audience::LovedOnes => "Loved ones",
        }
    }
}

/// A day of the week, serialised in lowercase (`monday` … `sunday`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// Monday to Sunday.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// The value used on the wire and in URLs, e.g. `tuesday`.
    pub fn as_str(self) -> &'static str {
        match self {
            Weekday::Monday => "monday",
            Weekday::Tuesday => "tuesday",
            Weekday::Wednesday => "wednesday",
            Weekday::Thursday => "thursday",
            Weekday::Friday => "friday",
            Weekday::Saturday => "saturday",
            Weekday::Sunday => "sunday",
        }
    }

    /// Parses the wire value; anything else is `None`.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == value)
    }

    /// The plural a schedule line reads with, e.g. "Tuesdays".
    pub fn plural(self) -> &'static str {
        match self {
            Weekday::Monday => "Mondays",
            Weekday::Tuesday => "Tuesdays",
            Weekday::Wednesday => "Wednesdays",
            Weekday::Thursday => "Thursdays",
            Weekday::Friday => "Fridays",
            Weekday::Saturday => "Saturdays",
            Weekday::Sunday => "Sundays",
        }
    }
}

impl From<chrono::Weekday> for Weekday {
    fn from(day: chrono::Weekday) -> Self {
        match day {
            chrono::Weekday::Mon => Weekday::Monday,
            chrono::Weekday::Tue => Weekday::Tuesday,
            chrono::Weekday::Wed => Weekday::Wednesday,
            chrono::Weekday::Thu => Weekday::Thursday,
            chrono::Weekday::Fri => Weekday::Friday,
            chrono::Weekday::Sat => Weekday::Saturday,
            chrono::Weekday::Sun => Weekday::Sunday,
        }
    }
}

impl From<Weekday> for chrono::Weekday {
    fn from(day: Weekday) -> Self {
        match day {
            Weekday::Monday => chrono::Weekday::Mon,
            Weekday::Tuesday => chrono::Weekday::Tue,
            Weekday::Wednesday => chrono::Weekday::Wed,
            Weekday::Thursday => chrono::Weekday::Thu,
            Weekday::Friday => chrono::Weekday::Fri,
            Weekday::Saturday => chrono::Weekday::Sat,
            Weekday::Sunday => chrono::Weekday::Sun,
        }
    }
}

/// Whether a group still takes reservations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupStatus {
    /// Seats are left; `POST /reservations` may succeed.
    Open,
    /// No seat is left; people can join the waitlist.
    Full,
}

/// The licensed therapist who leads a group every week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Therapist {
    /// Full name, e.g. "Dr. Maya Chen".
    pub name: String,
    /// Licence or degree letters, e.g. "PhD, LMFT".
    pub credentials: String,
    /// Years of clinical experience.
    pub years_experience: u16,
}

/// One weekly group, as `GET /groups` and `GET /groups/{id}` reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// URL-safe identifier, e.g. `grief-and-loss-tuesday-evening`.
    pub id: String,
    /// The group's name as the practice lists it.
    pub title: String,
    /// The topic it belongs to, e.g. "Grief & Loss".
    pub topic: String,
    /// Extra words people search by, e.g. "bereavement".
    pub tags: Vec<String>,
    /// A paragraph on what the group is like and who it suits.
    pub description: String,
    /// Who the group is for.
    pub audience: Audience,
    /// Who leads it.
    pub therapist: Therapist,
    /// The day it meets, in the group's own time zone.
    pub weekday: Weekday,
    /// Local start time in the group's own zone, serialised `"HH:MM"` (24-hour).
    #[serde(with = "hh_mm")]
    pub start_time: NaiveTime,
    /// The group's IANA time zone, e.g. `America/New_York`.
    pub time_zone: String,
    /// How long each session lasts.
    pub duration_minutes: u16,
    /// Seats in the group.
    pub capacity: u16,
    /// Seats nobody has reserved yet.
    pub seats_left: u16,
    /// Start instants of the coming sessions (at most [`NEXT_SESSIONS_SHOWN`]), earliest first.
    pub next_sessions: Vec<DateTime<Utc>>,
    /// Whether it still takes reservations.
    pub status: GroupStatus,
}

impl Group {
    /// True when a reservation could still get a seat.
    pub fn has_seats(&self) -> bool {
        self.status == GroupStatus::Open && self.seats_left > 0
    }
}

/// The reply of `GET /groups`: the whole catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupCatalogue {
    /// Every group, in the order the practice lists them.
    pub groups: Vec<Group>,
}

/// A group as the practice defines it in its catalogue file (`content/groups.json`), before
/// seats and session dates are worked out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupDefinition {
    pub id: String,
    pub title: String,
    pub topic: String,
    pub tags: Vec<String>,
    pub description: String,
    pub audience: Audience,
    pub therapist: Therapist,
    pub weekday: Weekday,
    /// Local start time, `"HH:MM"`.
    #[serde(with = "hh_mm")]
    pub start_time: NaiveTime,
    /// IANA time zone name.
    pub time_zone: String,
    pub duration_minutes: u16,
    pub capacity: u16,
    /// Seats already taken when the catalogue is first loaded.
    #[serde(default)]
    pub reserved: u16,
    /// The first date (in the group's zone) a session may fall on.
    pub first_session_date: NaiveDate,
    /// The last date (in the group's zone) a session may fall on.
    pub last_session_date: NaiveDate,
    /// `full` closes the group to reservations whatever its seat count.
    pub status: GroupStatus,
}

impl GroupDefinition {
    /// The catalogue view of this group, given its seats taken and its coming sessions.
    pub fn to_group(&self, reserved: u16, next_sessions: Vec<DateTime<Utc>>) -> Group {
        let seats_left = self.capacity.saturating_sub(reserved);
        let status = if seats_left == 0 || self.status == GroupStatus::Full {
            GroupStatus::Full
        } else {
            GroupStatus::Open
        };
        Group {
            id: self.id.clone(),
            title: self.title.clone(),
            topic: self.topic.clone(),
            tags: self.tags.clone(),
            description: self.description.clone(),
            audience: self.audience,
            therapist: self.therapist.clone(),
            weekday: self.weekday,
            start_time: self.start_time,
            time_zone: self.time_zone.clone(),
            duration_minutes: self.duration_minutes,
            capacity: self.capacity,
            seats_left,
            next_sessions,
            status,
        }
    }
}

/// The catalogue file a backend seeds its groups from (`content/groups.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupCatalogueFile {
    pub groups: Vec<GroupDefinition>,
}

/// The body of `POST /reservations` (sent with an `Idempotency-Key` header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReservationRequest {
    /// The group's `id`.
    pub group_id: String,
    /// The first session the person will attend; one of the group's `next_sessions`.
    pub first_session: DateTime<Utc>,
    /// Name or alias.
    pub name: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The person's IANA time zone, so reminders show their own time.
    pub time_zone: String,
    /// True when someone books on another person's behalf.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_someone_else: Option<bool>,
}

/// The 201 reply of `POST /reservations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationConfirmation {
    /// A short reference a person can quote, e.g. `FD-7KQ3-M9XA`.
    pub reference: String,
    /// The secret that lets its holder view or cancel the reservation; shown once, never stored
    /// in clear by the backend.
    pub manage_token: String,
    pub group_id: String,
    pub first_session: DateTime<Utc>,
    /// The sessions from `first_session` on that the backend already knows of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<DateTime<Utc>>,
}

/// The reply of `GET /reservations/{reference}` (with the manage token as bearer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reservation {
    pub reference: String,
    /// The group as it is now.
    pub group: Group,
    pub first_session: DateTime<Utc>,
    pub name: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    pub time_zone: String,
    #[serde(default)]
    pub for_someone_else: bool,
    /// When the reservation was made.
    pub created_at: DateTime<Utc>,
}

/// The 409 problem of `POST /reservations` when the group filled up: an RFC 9457 problem
/// extended with groups of the same topic that still have seats.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupFullProblem {
    #[serde(flatten)]
    pub problem: Problem,
    /// Up to three open groups on the same topic, best match first.
    #[serde(default)]
    pub alternatives: Vec<Group>,
}

impl GroupFullProblem {
    /// The 409 reply for a group with no seat left.
    pub fn new(group_title: &str, alternatives: Vec<Group>) -> Self {
        let mut problem = Problem::new(
            409,
            "That group is full",
            format!("Every seat in \u{201c}{group_title}\u{201d} has just been taken."),
        );
        problem.kind = GROUP_FULL_PROBLEM_TYPE.to_owned();
        Self {
            problem,
            alternatives,
        }
    }
}

/// The body of `POST /groups/{id}/waitlist`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaitlistRequest {
    /// Name or alias.
    pub name: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The person's IANA time zone.
    pub time_zone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_someone_else: Option<bool>,
}

/// A place on a group's waitlist: the 201 reply of `POST /groups/{id}/waitlist` (with
/// `manage_token`) and the reply of `GET /groups/{id}/waitlist/{reference}` (without).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitlistEntry {
    pub group_id: String,
    /// A short reference a person can quote, e.g. `FD-7KQ3-M9XA`.
    #[serde(default)]
    pub reference: String,
    /// Place in line: 1 is next to be offered a seat. Moves up as people ahead leave.
    pub position: u32,
    /// The secret that lets its holder see their place or leave the waitlist; only in the 201
    /// reply, never stored in clear by the backend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manage_token: Option<String>,
}

/// `"HH:MM"` (24-hour) for local start times; `"HH:MM:SS"` is read too, seconds dropped.
pub mod hh_mm {
    use chrono::{NaiveTime, Timelike};
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    /// Writes `19:00`.
    pub fn serialize<S: Serializer>(time: &NaiveTime, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format(*time))
    }

    /// Reads `19:00` (or `19:00:00`).
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveTime, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse(&text)
            .ok_or_else(|| D::Error::custom(format!("expected a time as HH:MM, got {text:?}")))
    }

    /// Formats a time as `HH:MM`.
    pub fn format(time: NaiveTime) -> String {
        format!("{:02}:{:02}", time.hour(), time.minute())
    }

    /// Parses `HH:MM` or `HH:MM:SS` (seconds dropped).
    pub fn parse(text: &str) -> Option<NaiveTime> {
        let time = NaiveTime::parse_from_str(text, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
            .ok()?;
        time.with_second(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use serde_json::json;

    fn sample_group() -> Group {
        Group {
            id: "grief-and-loss-tuesday".into(),
            title: "Grief & Loss Circle".into(),
            topic: "Grief & Loss".into(),
            tags: vec!["bereavement".into()],
            description: "A gentle weekly space.".into(),
            audience: Audience::LovedOnes,
            therapist: Therapist {
                name: "Dr. Ana Ruiz".into(),
                credentials: "PsyD".into(),
                years_experience: 14,
            },
            weekday: Weekday::Tuesday,
            start_time: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
            time_zone: "America/New_York".into(),
            duration_minutes: 60,
            capacity: 10,
            seats_left: 3,
            next_sessions: vec![Utc.with_ymd_and_hms(2026, 3, 3, 0, 0, 0).unwrap()],
            status: GroupStatus::Open,
        }
    }

    #[test]
    fn group_serialises_with_the_contract_field_names_and_values() {
        let value = serde_json::to_value(sample_group()).unwrap();
        assert_eq!(value["audience"], "loved_ones");
        assert_eq!(value["weekday"], "tuesday");
        assert_eq!(value["start_time"], "19:00");
        assert_eq!(value["status"], "open");
        assert_eq!(value["therapist"]["years_experience"], 14);
        assert_eq!(value["next_sessions"][0], "2026-03-03T00:00:00Z");
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        for key in [
            "id",
            "title",
            "topic",
            "tags",
            "description",
            "audience",
            "therapist",
            "weekday",
            "start_time",
            "time_zone",
            "duration_minutes",
            "capacity",
            "seats_left",
            "next_sessions",
            "status",
        ] {
            assert!(keys.contains(&key), "missing {key}");
        }
        assert_eq!(keys.len(), 15);
    }

    #[test]
    fn group_round_trips_through_json() {
        let group = sample_group();
        let text = serde_json::to_string(&GroupCatalogue {
            groups: vec![group.clone()],
        })
        .unwrap();
        let back: GroupCatalogue = serde_json::from_str(&text).unwrap();
        assert_eq!(back.groups, vec![group]);
    }

    #[test]
    fn start_time_accepts_seconds_but_rejects_nonsense() {
        assert_eq!(hh_mm::parse("07:30:15"), NaiveTime::from_hms_opt(7, 30, 0));
        assert_eq!(hh_mm::parse("7pm"), None);
        assert_eq!(hh_mm::parse("25:00"), None);
        let mut value = serde_json::to_value(sample_group()).unwrap();
        value["start_time"] = json!("noon");
        assert!(serde_json::from_value::<Group>(value).is_err());
    }

    #[test]
    fn reservation_request_rejects_unknown_fields() {
        let body = json!({
            "group_id": "g1",
            "first_session": "2026-03-03T00:00:00Z",
            "name": "Sam",
            "email": "sam@example.org",
            "time_zone": "America/Denver",
            "diagnosis": "should never be sent"
        });
        let err = serde_json::from_value::<ReservationRequest>(body).unwrap_err();
        assert!(err.to_string().contains("diagnosis"), "{err}");
    }

    #[test]
    fn reservation_request_optional_fields_may_be_left_out() {
        let body = json!({
            "group_id": "g1",
            "first_session": "2026-03-03T00:00:00Z",
            "name": "Sam",
            "email": "sam@example.org",
            "time_zone": "America/Denver"
        });
        let request: ReservationRequest = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(request.phone, None);
        assert_eq!(request.for_someone_else, None);
        assert_eq!(serde_json::to_value(&request).unwrap(), body);
    }

    #[test]
    fn group_full_problem_is_a_problem_with_alternatives() {
        let reply = GroupFullProblem::new("Grief & Loss Circle", vec![sample_group()]);
        let value = serde_json::to_value(&reply).unwrap();
        assert_eq!(value["type"], GROUP_FULL_PROBLEM_TYPE);
        assert_eq!(value["status"], 409);
        assert_eq!(value["alternatives"][0]["id"], "grief-and-loss-tuesday");
        // A client that only knows plain problems still reads it.
        let plain: Problem = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(plain.status, 409);
        let back: GroupFullProblem = serde_json::from_value(value).unwrap();
        assert_eq!(back, reply);
    }

    #[test]
    fn definition_becomes_full_when_every_seat_is_taken() {
        let definition = GroupDefinition {
            id: "x".into(),
            title: "X".into(),
            topic: "OCD".into(),
            tags: vec![],
            description: String::new(),
            audience: Audience::Adult,
            therapist: sample_group().therapist,
            weekday: Weekday::Monday,
            start_time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            time_zone: "America/Phoenix".into(),
            duration_minutes: 60,
            capacity: 8,
            reserved: 7,
            first_session_date: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            last_session_date: NaiveDate::from_ymd_opt(2027, 12, 31).unwrap(),
            status: GroupStatus::Open,
        };
        let open = definition.to_group(7, vec![]);
        assert_eq!((open.seats_left, open.status), (1, GroupStatus::Open));
        assert!(open.has_seats());
        let full = definition.to_group(8, vec![]);
        assert_eq!((full.seats_left, full.status), (0, GroupStatus::Full));
        assert!(!full.has_seats());
        let over = definition.to_group(9, vec![]);
        assert_eq!(over.seats_left, 0);
    }

    #[test]
    fn enums_parse_their_wire_values_only() {
        assert_eq!(Audience::parse("loved_ones"), Some(Audience::LovedOnes));
        assert_eq!(Audience::parse("Loved ones"), None);
        assert_eq!(Weekday::parse("sunday"), Some(Weekday::Sunday));
        assert_eq!(Weekday::parse("Sun"), None);
        for day in Weekday::ALL {
            assert_eq!(Weekday::from(chrono::Weekday::from(day)), day);
        }
    }

    #[test]
    fn seed_catalogue_covers_every_topic_zone_and_seat_state_the_practice_offers() {
        let file: GroupCatalogueFile =
            serde_json::from_str(include_str!("../../content/groups.json"))
                .expect("content/groups.json matches GroupCatalogueFile");
        let groups = &file.groups;
        assert!(groups.len() >= 24, "only {} groups", groups.len());
        let mut ids: Vec<&str> = groups.iter().map(|g| g.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), groups.len(), "group ids must be unique");
        for topic in [
            "DBT",
            "CBT",
            "Anxiety & Depression",
            "Trauma & PTSD",
            "Anger Management",
            "OCD",
            "Borderline Personality Disorder",
            "Bipolar Disorder",
            "Relationship Issues",
            "Divorce",
            "Narcissistic Abuse",
            "Self-Compassion",
            "Grief & Loss",
            "Parenting",
            "Substance Abuse",
            "Supporting a Loved One with BPD",
            "Eating Disorders",
            "Teen Anxiety",
        ] {
            assert!(groups.iter().any(|g| g.topic == topic), "no {topic} group");
        }
        for zone in [
            "America/New_York",
            "America/Chicago",
            "America/Phoenix",
            "America/Los_Angeles",
        ] {
            assert!(groups.iter().any(|g| g.time_zone == zone), "none in {zone}");
        }
        for audience in Audience::ALL {
            assert!(
                groups.iter().any(|g| g.audience == audience),
                "{audience:?}"
            );
        }
        let seats_left = |g: &GroupDefinition| g.capacity.saturating_sub(g.reserved);
        let full: Vec<&GroupDefinition> = groups.iter().filter(|g| seats_left(g) == 0).collect();
        assert!(full.len() >= 2, "at least two groups start full");
        assert!(
            groups
                .iter()
                .filter(|g| (1..=2).contains(&seats_left(g)))
                .count()
                >= 3
        );
        // Someone turned away from a full group can be offered another on the same topic.
        for g in &full {
            assert!(
                groups
                    .iter()
                    .any(|other| other.topic == g.topic && seats_left(other) > 0),
                "no open alternative for {}",
                g.id
            );
        }
        for g in groups {
            assert!((8..=12).contains(&g.capacity), "{}", g.id);
            assert!(g.reserved <= g.capacity, "{}", g.id);
            assert!(g.therapist.years_experience >= 10, "{}", g.id);
            assert!(!g.tags.is_empty() && g.description.len() > 150, "{}", g.id);
            assert!(g.first_session_date < g.last_session_date, "{}", g.id);
            assert!(
                g.id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{} is not URL-safe",
                g.id
            );
        }
    }

    #[test]
    fn waitlist_entry_reports_the_place_in_line() {
        let entry: WaitlistEntry = serde_json::from_str(
            r#"{"group_id":"g1","reference":"FD-7KQ3-M9XA","position":2,"manage_token":"t"}"#,
        )
        .unwrap();
        assert_eq!(entry.position, 2);
        assert_eq!(entry.manage_token.as_deref(), Some("t"));
        let view = WaitlistEntry {
            manage_token: None,
            ..entry
        };
        let value = serde_json::to_value(&view).unwrap();
        assert!(value.get("manage_token").is_none(), "{value}");
        assert_eq!(value["reference"], "FD-7KQ3-M9XA");
        let request = serde_json::from_str::<WaitlistRequest>(
            r#"{"name":"A","email":"a@example.org","time_zone":"UTC","age":40}"#,
        );
        assert!(request.is_err());
    }
}
