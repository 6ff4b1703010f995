//! The words the catalogue shows about a group and a search: seats, result counts, what was
//! let go to find the nearest groups. Pure, so every phrase is tested here.

use frontdoor_contract::{Group, Therapist};

use super::RelaxedFilter;

/// "3 seats left", "1 seat left", "Full — join the waitlist".
pub fn seats_text(group: &Group) -> String {
    match group.seats_left {
        _ if !group.has_seats() => "Full — join the waitlist".to_owned(),
        1 => "1 seat left".to_owned(),
        n => format!("{n} seats left"),
    }
}

/// How urgent the seat count is, for its style: few seats are highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeatLevel {
    /// Plenty of room.
    Open,
    /// Three seats or fewer.
    Few,
    /// No seat.
    Full,
}

impl SeatLevel {
    /// The level of `group`.
    pub fn of(group: &Group) -> Self {
        match group.seats_left {
            _ if !group.has_seats() => SeatLevel::Full,
            1..=3 => SeatLevel::Few,
            _ => SeatLevel::Open,
        }
    }

    /// The CSS class of the seat count.
    pub fn class(self) -> &'static str {
        match self {
            SeatLevel::Open => "seats",
            SeatLevel::Few => "seats seats--few",
            SeatLevel::Full => "seats seats--full",
        }
    }
}

/// "12 groups match", "1 group matches", "No groups match".
pub fn result_count_text(count: usize) -> String {
    match count {
        0 => "No groups match".to_owned(),
        1 => "1 group matches".to_owned(),
        n => format!("{n} groups match"),
    }
}

/// "Dr. Ana Ruiz, PsyD · 14 years' experience".
pub fn therapist_text(therapist: &Therapist) -> String {
    let name = if therapist.credentials.trim().is_empty() {
        therapist.name.clone()
    } else {
        format!("{}, {}", therapist.name, therapist.credentials)
    };
    format!(
        "{name} · {} years\u{2019} experience",
        therapist.years_experience
    )
}

/// What the nearest groups were found without: "Without the time of day and day filters, these
/// are the closest:".
pub fn nearest_intro(relaxed: &[RelaxedFilter]) -> String {
    let names: Vec<&str> = relaxed
        .iter()
        .map(|filter| match filter {
            RelaxedFilter::TimeOfDay => "time of day",
            RelaxedFilter::Weekday => "day",
            RelaxedFilter::HasSeats => "\u{201c}seats left\u{201d}",
            RelaxedFilter::Audience => "\u{201c}who it\u{2019}s for\u{201d}",
            RelaxedFilter::Topic => "topic",
            RelaxedFilter::Query => "search words",
        })
        .collect();
    let list = match names.as_slice() {
        [] => return "These groups come closest:".to_owned(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    // "search words" names itself; the others are filters.
    let noun = if relaxed.contains(&RelaxedFilter::Query) {
        ""
    } else if names.len() == 1 {
        " filter"
    } else {
        " filters"
    };
    format!("Without the {list}{noun}, these come closest:")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;
    use frontdoor_contract::{Audience, GroupStatus, Weekday};

    fn group(seats_left: u16, status: GroupStatus) -> Group {
        Group {
            id: "g".into(),
            title: "G".into(),
            topic: "OCD".into(),
            tags: vec![],
            description: String::new(),
            audience: Audience::Adult,
            therapist: Therapist {
                name: "Dr. Ana Ruiz".into(),
                credentials: "PsyD".into(),
                years_experience: 14,
            },
            weekday: Weekday::Monday,
            start_time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            time_zone: "America/Phoenix".into(),
            duration_minutes: 60,
            capacity: 10,
            seats_left,
            next_sessions: vec![],
            status,
        }
    }

    #[test]
    fn seats_are_counted_in_words() {
        assert_eq!(seats_text(&group(3, GroupStatus::Open)), "3 seats left");
        assert_eq!(seats_text(&group(1, GroupStatus::Open)), "1 seat left");
        assert_eq!(
            seats_text(&group(0, GroupStatus::Full)),
            "Full — join the waitlist"
        );
        // Closed by the practice with seats to spare is still full to a reader.
        assert_eq!(
            seats_text(&group(4, GroupStatus::Full)),
            "Full — join the waitlist"
        );
        assert_eq!(SeatLevel::of(&group(2, GroupStatus::Open)), SeatLevel::Few);
        assert_eq!(SeatLevel::of(&group(9, GroupStatus::Open)), SeatLevel::Open);
        assert_eq!(SeatLevel::of(&group(0, GroupStatus::Full)), SeatLevel::Full);
    }

    #[test]
    fn result_counts_agree_in_number() {
        assert_eq!(result_count_text(0), "No groups match");
        assert_eq!(result_count_text(1), "1 group matches");
        assert_eq!(result_count_text(12), "12 groups match");
    }

    #[test]
    fn the_therapist_line_names_credentials_and_experience() {
        let g = group(3, GroupStatus::Open);
        assert_eq!(
            therapist_text(&g.therapist),
            "Dr. Ana Ruiz, PsyD · 14 years\u{2019} experience"
        );
    }

    #[test]
    fn the_nearest_groups_say_what_was_let_go() {
        assert_eq!(
            nearest_intro(&[RelaxedFilter::TimeOfDay]),
            "Without the time of day filter, these come closest:"
        );
        assert_eq!(
            nearest_intro(&[RelaxedFilter::TimeOfDay, RelaxedFilter::Weekday]),
            "Without the time of day and day filters, these come closest:"
        );
        assert_eq!(
            nearest_intro(&[RelaxedFilter::Query]),
            "Without the search words, these come closest:"
        );
        assert_eq!(
            nearest_intro(&[
                RelaxedFilter::TimeOfDay,
                RelaxedFilter::Topic,
                RelaxedFilter::Query
            ]),
            "Without the time of day, topic and search words, these come closest:"
        );
    }
}
