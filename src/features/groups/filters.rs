//! The catalogue's filters, and their place in the URL.
//!
//! A person narrows the catalogue by topic, weekday, time of day, audience and "has seats", on
//! top of the search query. The whole state lives in the URL's query string so a search can be
//! shared, reloaded and gone Back to. Weekday and time of day are the *reader's*: a group at
//! 19:00 in New York is an afternoon group on a Tuesday for someone in Los Angeles, and an early
//! Wednesday morning one for someone in London.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDateTime, NaiveTime, Timelike, Utc};
use frontdoor_contract::{Audience, Group, Weekday};

/// Longest query kept from a URL; more is never typed and only costs search time.
const MAX_QUERY_CHARS: usize = 200;
/// Longest topic slug kept from a URL.
const MAX_TOPIC_CHARS: usize = 80;

/// Part of the day a session starts in, in the reader's own time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeOfDay {
    /// Before 12:00.
    Morning,
    /// From 12:00 to before 17:00.
    Afternoon,
    /// From 17:00.
    Evening,
}

impl TimeOfDay {
    /// Morning, afternoon, evening.
    pub const ALL: [TimeOfDay; 3] = [TimeOfDay::Morning, TimeOfDay::Afternoon, TimeOfDay::Evening];

    /// The part of the day `time` falls in.
    pub fn of(time: NaiveTime) -> Self {
        match time.hour() {
            0..=11 => TimeOfDay::Morning,
            12..=16 => TimeOfDay::Afternoon,
            _ => TimeOfDay::Evening,
        }
    }

    /// The value used in URLs, e.g. `evening`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeOfDay::Morning => "morning",
            TimeOfDay::Afternoon => "afternoon",
            TimeOfDay::Evening => "evening",
        }
    }

    /// Parses the URL value; anything else is `None`.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == value)
    }

    /// A label a person reads, with its hours.
    pub fn label(self) -> &'static str {
        match self {
            TimeOfDay::Morning => "Morning (before 12 noon)",
            TimeOfDay::Afternoon => "Afternoon (12 noon to 5 PM)",
            TimeOfDay::Evening => "Evening (after 5 PM)",
        }
    }
}

/// The reader's UTC offset at a given instant (it changes with daylight saving).
pub trait ReaderZone {
    /// The offset the reader's clock shows at `instant`.
    fn offset_at(&self, instant: DateTime<Utc>) -> FixedOffset;
}

impl ReaderZone for FixedOffset {
    fn offset_at(&self, _instant: DateTime<Utc>) -> FixedOffset {
        *self
    }
}

impl<F: Fn(DateTime<Utc>) -> FixedOffset> ReaderZone for F {
    fn offset_at(&self, instant: DateTime<Utc>) -> FixedOffset {
        self(instant)
    }
}

/// When a group's next session starts on the reader's clock. Without a coming session (the
/// group has ended), its own weekday and start time are the best guess.
pub fn reader_start(group: &Group, reader: &impl ReaderZone) -> (Weekday, NaiveTime) {
    match group.next_sessions.first() {
        Some(&instant) => {
            let local: NaiveDateTime = instant
                .with_timezone(&reader.offset_at(instant))
                .naive_local();
            (local.weekday().into(), local.time())
        }
        None => (group.weekday, group.start_time),
    }
}

/// The URL-safe form of a topic: "Grief & Loss" → `grief-loss`.
pub fn topic_slug(topic: &str) -> String {
    let mut slug = String::with_capacity(topic.len());
    crate::features::groups::search::for_each_word(topic, |word| {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    });
    slug
}

/// What the person has asked the catalogue for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupFilters {
    /// The search box, as typed.
    pub query: String,
    /// A topic's slug (see [`topic_slug`]).
    pub topic: Option<String>,
    /// Day of the next session on the reader's clock.
    pub weekday: Option<Weekday>,
    /// Part of the day of the next session on the reader's clock.
    pub time_of_day: Option<TimeOfDay>,
    pub audience: Option<Audience>,
    /// Only groups with a seat left.
    pub has_seats: bool,
}

impl GroupFilters {
    /// True when nothing narrows the catalogue.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// How many filters (not counting the query) are set.
    pub fn active_filters(&self) -> usize {
        usize::from(self.topic.is_some())
            + usize::from(self.weekday.is_some())
            + usize::from(self.time_of_day.is_some())
            + usize::from(self.audience.is_some())
            + usize::from(self.has_seats)
    }

    /// The query string (without `?`) that records these filters, e.g.
    /// `q=grief&day=tuesday&time=evening&seats=1`; empty when nothing is set.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.query.is_empty() {
            pairs.push(("q", encode(&self.query)));
        }
        if let Some(topic) = &self.topic {
            pairs.push(("topic", encode(topic)));
        }
        if let Some(day) = self.weekday {
            pairs.push(("day", day.as_str().to_owned()));
        }
        if let Some(time) = self.time_of_day {
            pairs.push(("time", time.as_str().to_owned()));
        }
        if let Some(audience) = self.audience {
            pairs.push(("audience", audience.as_str().to_owned()));
        }
        if self.has_seats {
            pairs.push(("seats", "1".to_owned()));
        }
        pairs
            .into_iter()
            .map(|(key, value)| format!("{key}={value}"))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads filters from a query string (with or without the leading `?`). Unknown parameters
    /// and invalid values are ignored; the first valid value of a parameter wins.
    pub fn from_query_string(query_string: &str) -> Self {
        let mut filters = Self::default();
        let mut seen_query = false;
        let mut seen_seats = false;
        let text = query_string.strip_prefix('?').unwrap_or(query_string);
        for pair in text.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match decode(key).as_str() {
                "q" if !seen_query => {
                    seen_query = true;
                    filters.query = value.chars().take(MAX_QUERY_CHARS).collect();
                }
                "topic" if filters.topic.is_none() && is_slug(&value) => {
                    filters.topic = Some(value);
                }
                "day" if filters.weekday.is_none() => filters.weekday = Weekday::parse(&value),
                "time" if filters.time_of_day.is_none() => {
                    filters.time_of_day = TimeOfDay::parse(&value);
                }
                "audience" if filters.audience.is_none() => {
                    filters.audience = Audience::parse(&value);
                }
                "seats"
                    if !seen_seats && matches!(value.as_str(), "1" | "true" | "0" | "false") =>
                {
                    seen_seats = true;
                    filters.has_seats = matches!(value.as_str(), "1" | "true");
                }
                _ => {}
            }
        }
        filters
    }

    /// True when `group` passes every filter except the query (the search index handles that).
    pub fn matches(&self, group: &Group, reader: &impl ReaderZone) -> bool {
        if let Some(topic) = &self.topic
            && topic_slug(&group.topic) != *topic
        {
            return false;
        }
        if self.audience.is_some_and(|a| a != group.audience) {
            return false;
        }
        if self.has_seats && !group.has_seats() {
            return false;
        }
        if self.weekday.is_some() || self.time_of_day.is_some() {
            let (day, time) = reader_start(group, reader);
            if self.weekday.is_some_and(|d| d != day) {
                return false;
            }
            if self.time_of_day.is_some_and(|t| t != TimeOfDay::of(time)) {
                return false;
            }
        }
        true
    }
}

fn is_slug(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= MAX_TOPIC_CHARS
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` as a space; malformed escapes are kept as they are and
/// invalid UTF-8 becomes U+FFFD.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) if bytes[i + 1].is_ascii_hexdigit() => {
                        out.push(byte);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use frontdoor_contract::{GroupStatus, Therapist};

    fn group(topic: &str, audience: Audience, seats_left: u16, next: &str) -> Group {
        Group {
            id: "g".into(),
            title: "A group".into(),
            topic: topic.into(),
            tags: vec![],
            description: String::new(),
            audience,
            therapist: Therapist {
                name: "Dr. A".into(),
                credentials: "PhD".into(),
                years_experience: 12,
            },
            weekday: Weekday::Tuesday,
            start_time: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
            time_zone: "America/New_York".into(),
            duration_minutes: 60,
            capacity: 10,
            seats_left,
            next_sessions: vec![
                DateTime::parse_from_rfc3339(next)
                    .unwrap()
                    .with_timezone(&Utc),
            ],
            status: if seats_left == 0 {
                GroupStatus::Full
            } else {
                GroupStatus::Open
            },
        }
    }

    fn offset(hours: i32) -> FixedOffset {
        FixedOffset::east_opt(hours * 3600).unwrap()
    }

    #[test]
    fn query_string_round_trips() {
        let filters = GroupFilters {
            query: "grief & loss? 100% / ünïcode".into(),
            topic: Some("grief-loss".into()),
            weekday: Some(Weekday::Tuesday),
            time_of_day: Some(TimeOfDay::Evening),
            audience: Some(Audience::LovedOnes),
            has_seats: true,
        };
        let text = filters.to_query_string();
        assert!(
            text.starts_with("q=grief%20%26%20loss%3F%20100%25%20%2F%20"),
            "{text}"
        );
        assert!(
            text.ends_with(
                "&topic=grief-loss&day=tuesday&time=evening&audience=loved_ones&seats=1"
            )
        );
        assert_eq!(GroupFilters::from_query_string(&text), filters);
        assert_eq!(
            GroupFilters::from_query_string(&format!("?{text}")),
            filters
        );
    }

    #[test]
    fn no_filters_is_an_empty_query_string() {
        assert_eq!(GroupFilters::default().to_query_string(), "");
        assert!(GroupFilters::from_query_string("").is_empty());
        assert!(GroupFilters::from_query_string("?").is_empty());
    }

    #[test]
    fn unknown_and_invalid_parameters_are_ignored() {
        let filters = GroupFilters::from_query_string(
            "utm_source=x&day=funday&time=night&audience=kids&seats=maybe&topic=Grief%20%26%20Loss&q=%E2%82%AC+therapy&day=friday",
        );
        assert_eq!(
            filters,
            GroupFilters {
                query: "€ therapy".into(),
                weekday: Some(Weekday::Friday),
                ..GroupFilters::default()
            }
        );
        let broken = GroupFilters::from_query_string("q=%&q=%zz&%%%=&&==&q");
        assert_eq!(broken.query, "%");
        let lossy = GroupFilters::from_query_string("q=%FF%FE");
        assert_eq!(lossy.query, "\u{fffd}\u{fffd}");
    }

    #[test]
    fn very_long_queries_are_cut() {
        let long = "a".repeat(5000);
        let filters = GroupFilters::from_query_string(&format!("q={long}"));
        assert_eq!(filters.query.len(), MAX_QUERY_CHARS);
    }

    #[test]
    fn time_of_day_boundaries() {
        let at = |h, m| TimeOfDay::of(NaiveTime::from_hms_opt(h, m, 0).unwrap());
        assert_eq!(at(0, 0), TimeOfDay::Morning);
        assert_eq!(at(11, 59), TimeOfDay::Morning);
        assert_eq!(at(12, 0), TimeOfDay::Afternoon);
        assert_eq!(at(16, 59), TimeOfDay::Afternoon);
        assert_eq!(at(17, 0), TimeOfDay::Evening);
        assert_eq!(at(23, 59), TimeOfDay::Evening);
    }

    #[test]
    fn weekday_and_time_of_day_are_the_readers() {
        // Tuesday 19:00 in New York (EDT) = 2026-06-02T23:00Z.
        let g = group("Grief & Loss", Audience::Adult, 3, "2026-06-02T23:00:00Z");
        let evening_tuesday = GroupFilters {
            weekday: Some(Weekday::Tuesday),
            time_of_day: Some(TimeOfDay::Evening),
            ..GroupFilters::default()
        };
        let afternoon_tuesday = GroupFilters {
            time_of_day: Some(TimeOfDay::Afternoon),
            ..evening_tuesday.clone()
        };
        let wednesday_morning = GroupFilters {
            weekday: Some(Weekday::Wednesday),
            time_of_day: Some(TimeOfDay::Morning),
            ..GroupFilters::default()
        };
        let new_york = offset(-4);
        let los_angeles = offset(-7); // 16:00 Tuesday
        let london = offset(1); // 00:00 Wednesday
        assert!(evening_tuesday.matches(&g, &new_york));
        assert!(!evening_tuesday.matches(&g, &los_angeles));
        assert!(afternoon_tuesday.matches(&g, &los_angeles));
        assert!(wednesday_morning.matches(&g, &london));
        assert!(!evening_tuesday.matches(&g, &london));
    }

    #[test]
    fn the_readers_offset_is_taken_at_the_session() {
        // A reader whose clock is UTC-5 in winter and UTC-4 from 8 March.
        let reader = |instant: DateTime<Utc>| {
            if instant < Utc.with_ymd_and_hms(2026, 3, 8, 7, 0, 0).unwrap() {
                offset(-5)
            } else {
                offset(-4)
            }
        };
        // 16:30 UTC is 11:30 (morning) in winter and 12:30 (afternoon) in summer.
        let winter = group("OCD", Audience::Adult, 1, "2026-02-03T16:30:00Z");
        let summer = group("OCD", Audience::Adult, 1, "2026-06-02T16:30:00Z");
        let morning = GroupFilters {
            time_of_day: Some(TimeOfDay::Morning),
            ..GroupFilters::default()
        };
        assert!(morning.matches(&winter, &reader));
        assert!(!morning.matches(&summer, &reader));
    }

    #[test]
    fn a_group_without_coming_sessions_uses_its_own_schedule() {
        let mut g = group("OCD", Audience::Adult, 1, "2026-02-03T16:30:00Z");
        g.next_sessions.clear();
        let tuesday_evening = GroupFilters {
            weekday: Some(Weekday::Tuesday),
            time_of_day: Some(TimeOfDay::Evening),
            ..GroupFilters::default()
        };
        assert!(tuesday_evening.matches(&g, &offset(9)));
    }

    #[test]
    fn topic_audience_and_seats() {
        let g = group(
            "Grief & Loss",
            Audience::LovedOnes,
            0,
            "2026-06-02T23:00:00Z",
        );
        let reader = offset(0);
        let by_topic = |slug: &str| GroupFilters {
            topic: Some(slug.into()),
            ..GroupFilters::default()
        };
        assert!(by_topic("grief-loss").matches(&g, &reader));
        assert!(!by_topic("grief").matches(&g, &reader));
        let loved_ones = GroupFilters {
            audience: Some(Audience::LovedOnes),
            ..GroupFilters::default()
        };
        assert!(loved_ones.matches(&g, &reader));
        let teens = GroupFilters {
            audience: Some(Audience::Teen),
            ..GroupFilters::default()
        };
        assert!(!teens.matches(&g, &reader));
        let with_seats = GroupFilters {
            has_seats: true,
            ..GroupFilters::default()
        };
        assert!(
            !with_seats.matches(&g, &reader),
            "a full group has no seats"
        );
        assert!(GroupFilters::default().matches(&g, &reader));
    }

    #[test]
    fn topic_slugs() {
        assert_eq!(topic_slug("Grief & Loss"), "grief-loss");
        assert_eq!(
            topic_slug("Supporting a Loved One with BPD"),
            "supporting-a-loved-one-with-bpd"
        );
        assert_eq!(topic_slug("Self-Compassion"), "self-compassion");
        assert_eq!(topic_slug("Trauma & PTSD"), "trauma-ptsd");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn filters() -> impl Strategy<Value = GroupFilters> {
        (
            "\\PC{0,40}",
            proptest::option::of("[a-z0-9-]{1,30}"),
            proptest::option::of(proptest::sample::select(Weekday::ALL.to_vec())),
            proptest::option::of(proptest::sample::select(TimeOfDay::ALL.to_vec())),
            proptest::option::of(proptest::sample::select(Audience::ALL.to_vec())),
            any::<bool>(),
        )
            .prop_map(
                |(query, topic, weekday, time_of_day, audience, has_seats)| GroupFilters {
                    query,
                    topic,
                    weekday,
                    time_of_day,
                    audience,
                    has_seats,
                },
            )
    }

    proptest! {
        #[test]
        fn every_filter_state_survives_the_url(filters in filters()) {
            let text = filters.to_query_string();
            prop_assert_eq!(GroupFilters::from_query_string(&text), filters);
        }

        #[test]
        fn any_query_string_is_read_without_panicking(text in any::<String>()) {
            let filters = GroupFilters::from_query_string(&text);
            prop_assert!(filters.query.chars().count() <= MAX_QUERY_CHARS);
        }
    }
}
