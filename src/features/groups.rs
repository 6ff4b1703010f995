//! Weekly therapy groups: finding one that fits.
//!
//! [`search`] matches what a person types against the catalogue on the device; [`filters`]
//! narrows by topic, day, time of day, audience and free seats and keeps all of it in the URL;
//! [`GroupFinder`] puts the two together and, when nothing fits, finds the nearest groups that
//! do. [`synthetic`] generates the large catalogue the search benchmark runs on.
//!
//! The pages show it with [`search_page`] (search box, filters, results), [`result_card`],
//! [`group_detail`] and [`waitlist`]; [`wording`] and [`session_times`] phrase what they show.

pub mod filters;
pub mod group_detail;
pub mod result_card;
pub mod search;
pub mod search_page;
pub mod session_times;
pub mod synthetic;
pub mod waitlist;
pub mod wording;

use frontdoor_contract::Group;

use self::filters::{GroupFilters, ReaderZone};
use self::search::{GroupDoc, SearchIndex};

/// A filter that was let go to find the nearest groups when none matched them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelaxedFilter {
    TimeOfDay,
    Weekday,
    HasSeats,
    Audience,
    Topic,
    Query,
}

/// Groups close to what was asked for, and what had to be let go to find them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearestGroups {
    /// The filters dropped, in the order they were dropped.
    pub relaxed: Vec<RelaxedFilter>,
    /// Positions in the catalogue, best first.
    pub groups: Vec<usize>,
}

/// Clears one filter of a [`GroupFilters`]; true if it was set.
type LetGo = fn(&mut GroupFilters) -> bool;

/// The catalogue and its search index, built once when the catalogue arrives.
#[derive(Debug, Clone)]
pub struct GroupFinder {
    groups: Vec<Group>,
    index: SearchIndex,
}

impl GroupFinder {
    /// Indexes `groups` for searching.
    pub fn new(groups: Vec<Group>) -> Self {
        let docs: Vec<GroupDoc> = groups.iter().map(GroupDoc::from).collect();
        Self {
            index: SearchIndex::build(&docs),
            groups,
        }
    }

    /// The catalogue, in its own order.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// Positions of the groups matching `filters`, best search match first (catalogue order
    /// when there is no query).
    pub fn find(&self, filters: &GroupFilters, reader: &impl ReaderZone) -> Vec<usize> {
        self.index
            .search(&filters.query, self.groups.len())
            .into_iter()
            .map(|hit| hit.doc)
            .filter(|&doc| {
                self.groups
                    .get(doc)
                    .is_some_and(|group| filters.matches(group, reader))
            })
            .collect()
    }

    /// When `filters` find nothing: up to `limit` groups found by letting go of filters one by
    /// one (time of day, then weekday, free seats, audience, topic and at last the query) until
    /// some match. `None` when the catalogue is empty.
    pub fn nearest(
        &self,
        filters: &GroupFilters,
        reader: &impl ReaderZone,
        limit: usize,
    ) -> Option<NearestGroups> {
        let mut relaxed_filters = filters.clone();
        let mut relaxed = Vec::new();
        let steps: [(RelaxedFilter, LetGo); 6] = [
            (RelaxedFilter::TimeOfDay, |f| f.time_of_day.take().is_some()),
            (RelaxedFilter::Weekday, |f| f.weekday.take().is_some()),
            (RelaxedFilter::HasSeats, |f| {
                std::mem::take(&mut f.has_seats)
            }),
            (RelaxedFilter::Audience, |f| f.audience.take().is_some()),
            (RelaxedFilter::Topic, |f| f.topic.take().is_some()),
            (RelaxedFilter::Query, |f| {
                !std::mem::take(&mut f.query).is_empty()
            }),
        ];
        for (which, let_go) in steps {
            if !let_go(&mut relaxed_filters) {
                continue;
            }
            relaxed.push(which);
            let mut groups = self.find(&relaxed_filters, reader);
            if !groups.is_empty() {
                groups.truncate(limit);
                return Some(NearestGroups { relaxed, groups });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::groups::filters::TimeOfDay;
    use chrono::{DateTime, FixedOffset, NaiveTime, Utc};
    use frontdoor_contract::{Audience, GroupStatus, Therapist, Weekday};

    fn group(title: &str, topic: &str, seats_left: u16, next: &str) -> Group {
        Group {
            id: title.to_lowercase().replace(' ', "-"),
            title: title.into(),
            topic: topic.into(),
            tags: vec![],
            description: String::new(),
            audience: Audience::Adult,
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

    fn finder() -> GroupFinder {
        GroupFinder::new(vec![
            // Tuesday 19:00 New York.
            group("Grief Circle", "Grief & Loss", 0, "2026-06-02T23:00:00Z"),
            // Saturday 10:00 New York.
            group("Grief Mornings", "Grief & Loss", 4, "2026-06-06T14:00:00Z"),
            group(
                "Trauma Recovery",
                "Trauma & PTSD",
                2,
                "2026-06-03T00:00:00Z",
            ),
        ])
    }

    fn new_york() -> FixedOffset {
        FixedOffset::west_opt(4 * 3600).unwrap()
    }

    #[test]
    fn search_and_filters_combine() {
        let finder = finder();
        let evening_grief = GroupFilters::from_query_string("q=grefe&time=evening");
        assert_eq!(finder.find(&evening_grief, &new_york()), vec![0]);
        let with_seats = GroupFilters::from_query_string("q=grief&seats=1");
        assert_eq!(finder.find(&with_seats, &new_york()), vec![1]);
        let all = GroupFilters::default();
        assert_eq!(finder.find(&all, &new_york()), vec![0, 1, 2]);
    }

    #[test]
    fn nearest_lets_go_of_the_least_important_filters_first() {
        let finder = finder();
        // No grief group with seats meets in the evening: dropping the time finds Saturday's.
        let filters = GroupFilters::from_query_string("q=grief&time=evening&seats=1");
        assert!(finder.find(&filters, &new_york()).is_empty());
        assert_eq!(
            finder.nearest(&filters, &new_york(), 3),
            Some(NearestGroups {
                relaxed: vec![RelaxedFilter::TimeOfDay],
                groups: vec![1],
            })
        );
        // Nothing about "zebra" at all: in the end the query goes too.
        let filters = GroupFilters {
            query: "zebra".into(),
            time_of_day: Some(TimeOfDay::Morning),
            ..GroupFilters::default()
        };
        assert_eq!(
            finder.nearest(&filters, &new_york(), 2),
            Some(NearestGroups {
                relaxed: vec![RelaxedFilter::TimeOfDay, RelaxedFilter::Query],
                groups: vec![0, 1],
            })
        );
        assert_eq!(
            GroupFinder::new(vec![]).nearest(&filters, &new_york(), 2),
            None
        );
    }

    /// The practice's own catalogue, as the server would serve it.
    fn practice_catalogue() -> GroupFinder {
        let file: frontdoor_contract::GroupCatalogueFile =
            serde_json::from_str(include_str!("../../content/groups.json"))
                .expect("content/groups.json is a catalogue file");
        GroupFinder::new(
            file.groups
                .iter()
                .map(|g| g.to_group(g.reserved, vec![]))
                .collect(),
        )
    }

    fn topics_of(finder: &GroupFinder, query: &str, n: usize) -> Vec<String> {
        let filters = GroupFilters {
            query: query.into(),
            ..GroupFilters::default()
        };
        finder
            .find(&filters, &new_york())
            .into_iter()
            .take(n)
            .map(|i| finder.groups()[i].topic.clone())
            .collect()
    }

    #[test]
    fn the_practice_catalogue_answers_what_people_type() {
        let finder = practice_catalogue();
        let cases: &[(&str, &[&str])] = &[
            (
                "anxeity",
                &[
                    "Anxiety & Depression",
                    "Anxiety & Depression",
                    "Teen Anxiety",
                ],
            ),
            ("grefe", &["Grief & Loss", "Grief & Loss"]),
            ("trau", &["Trauma & PTSD", "Trauma & PTSD"]),
            ("ptsd", &["Trauma & PTSD", "Trauma & PTSD"]),
            ("kids", &["Parenting", "Parenting"]),
            (
                "alcohol",
                &["Substance Abuse", "Substance Abuse", "Substance Abuse"],
            ),
            ("breakup", &["Relationship Issues", "Divorce"]),
            ("help with anger", &["Anger Management"]),
            (
                "narcissistic abuse",
                &["Narcissistic Abuse", "Narcissistic Abuse"],
            ),
            ("ocd", &["OCD"]),
        ];
        for (query, expected) in cases {
            assert_eq!(
                topics_of(&finder, query, expected.len()),
                *expected,
                "query {query:?}"
            );
        }
        let mut bpd = topics_of(&finder, "bpd", 3);
        bpd.sort();
        assert_eq!(
            bpd,
            [
                "Borderline Personality Disorder",
                "Borderline Personality Disorder",
                "Supporting a Loved One with BPD"
            ]
        );
    }
}
