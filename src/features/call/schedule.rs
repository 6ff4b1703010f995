//! Free call slots on the reader's calendar: grouped by the reader's local day, and named the way
//! a person would say them ("Tuesday, December 2, 10:30 AM").
//!
//! Pure Rust with native tests: converting an instant to the reader's wall clock is passed in
//! (the browser's `Intl` does it in the app, see [`crate::time::wall_clock`]).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use frontdoor_contract::CallSlot;

use crate::time::{ReaderLocale, zone_city};

/// A free slot with its start on the reader's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalSlot {
    /// The slot as the API gave it.
    pub slot: CallSlot,
    /// Its start on the reader's clock.
    pub local_start: NaiveDateTime,
}

/// One day on the reader's calendar that has free slots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotDay {
    /// The reader's local date.
    pub date: NaiveDate,
    /// That day's slots, earliest first.
    pub slots: Vec<LocalSlot>,
}

/// Groups `slots` by the reader's local date (via `local`), days and slots in time order.
/// A day appears only if it has at least one slot.
pub fn slots_by_day(
    slots: &[CallSlot],
    local: impl Fn(DateTime<Utc>) -> NaiveDateTime,
) -> Vec<SlotDay> {
    let mut sorted: Vec<CallSlot> = slots.to_vec();
    sorted.sort();
    sorted.dedup();
    let mut days: Vec<SlotDay> = Vec::new();
    for slot in sorted {
        let local_start = local(slot.start);
        let entry = LocalSlot { slot, local_start };
        match days.last_mut() {
            Some(day) if day.date == local_start.date() => day.slots.push(entry),
            _ => days.push(SlotDay {
                date: local_start.date(),
                slots: vec![entry],
            }),
        }
    }
    // Slots in time order give days in order, except across a clock change that moves a later
    // instant to an earlier local date; merging keeps one entry per date whatever happens.
    days.sort_by_key(|day| day.date);
    let mut merged: Vec<SlotDay> = Vec::with_capacity(days.len());
    for day in days {
        match merged.last_mut() {
            Some(last) if last.date == day.date => last.slots.extend(day.slots),
            _ => merged.push(day),
        }
    }
    merged
}

/// The slots of `date` in `days`, if it has any.
pub fn day_slots(days: &[SlotDay], date: NaiveDate) -> Option<&SlotDay> {
    days.iter().find(|day| day.date == date)
}

/// A slot's full name, for its button and for summaries: "Tuesday, December 2, 10:30 AM"
/// (or "Tuesday 2 December, 10:30" where the locale writes the day first and a 24-hour clock).
pub fn slot_name(local_start: NaiveDateTime, locale: ReaderLocale) -> String {
    format!(
        "{}, {}",
        locale.day(local_start.date()),
        locale.time(local_start.time())
    )
}

/// A slot with its year, for the confirmation: "Tuesday, December 2, 2026 at 10:30 AM".
pub fn slot_name_with_year(local_start: NaiveDateTime, locale: ReaderLocale) -> String {
    format!(
        "{} at {}",
        locale.day_with_year(local_start.date()),
        locale.time(local_start.time())
    )
}

/// How many free times a day has, in words: "1 time free", "12 times free".
pub fn free_times(count: usize) -> String {
    if count == 1 {
        "1 time free".to_owned()
    } else {
        format!("{count} times free")
    }
}

/// The zone the times are shown in, as a person reads it: "Sydney time (Australia/Sydney)";
/// "UTC" alone for UTC.
pub fn zone_label(zone: &str) -> String {
    let city = zone_city(zone);
    if city == zone {
        zone.to_owned()
    } else {
        format!("{city} time ({zone})")
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    const US: ReaderLocale = ReaderLocale {
        hour12: true,
        month_first: true,
    };
    const UK: ReaderLocale = ReaderLocale {
        hour12: false,
        month_first: false,
    };

    fn slot(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> CallSlot {
        let start = Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap();
        CallSlot {
            start,
            end: start + Duration::minutes(30),
        }
    }

    /// New York in December: UTC−5.
    fn new_york(instant: DateTime<Utc>) -> NaiveDateTime {
        (instant - Duration::hours(5)).naive_utc()
    }

    /// Sydney in December: UTC+11.
    fn sydney(instant: DateTime<Utc>) -> NaiveDateTime {
        (instant + Duration::hours(11)).naive_utc()
    }

    /// Tokyo: UTC+9 all year.
    fn tokyo(instant: DateTime<Utc>) -> NaiveDateTime {
        (instant + Duration::hours(9)).naive_utc()
    }

    fn coordinator_day() -> Vec<CallSlot> {
        // Tuesday 1 December 2026, 9:00, 9:40 and 16:20 in New York.
        vec![
            slot(2026, 12, 1, 21, 20),
            slot(2026, 12, 1, 14, 0),
            slot(2026, 12, 1, 14, 40),
        ]
    }

    #[test]
    fn slots_are_grouped_by_the_readers_own_date() {
        let days = slots_by_day(&coordinator_day(), new_york);
        assert_eq!(days.len(), 1);
        assert_eq!(days[0].date, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        let starts: Vec<String> = days[0]
            .slots
            .iter()
            .map(|s| US.time(s.local_start.time()))
            .collect();
        assert_eq!(starts, ["9:00 AM", "9:40 AM", "4:20 PM"]);

        // In Tokyo the same three instants fall on two days: the late one is already Wednesday.
        let days = slots_by_day(&coordinator_day(), tokyo);
        let dates: Vec<String> = days.iter().map(|d| UK.day(d.date)).collect();
        assert_eq!(dates, ["Tuesday 1 December", "Wednesday 2 December"]);
        assert_eq!(days[0].slots.len(), 2);
        assert_eq!(UK.time(days[0].slots[1].local_start.time()), "23:40");
        assert_eq!(days[1].slots[0].slot, slot(2026, 12, 1, 21, 20));
        assert_eq!(UK.time(days[1].slots[0].local_start.time()), "06:20");

        // In Sydney all three are on Wednesday morning.
        let days = slots_by_day(&coordinator_day(), sydney);
        assert_eq!(days.len(), 1);
        assert_eq!(UK.day(days[0].date), "Wednesday 2 December");
    }

    #[test]
    fn the_same_instants_are_listed_whatever_the_zone() {
        let instants = |days: Vec<SlotDay>| -> Vec<CallSlot> {
            days.into_iter()
                .flat_map(|d| d.slots.into_iter().map(|s| s.slot))
                .collect()
        };
        assert_eq!(
            instants(slots_by_day(&coordinator_day(), new_york)),
            instants(slots_by_day(&coordinator_day(), sydney))
        );
    }

    #[test]
    fn duplicates_are_dropped_and_nothing_gives_no_days() {
        let twice = [slot(2026, 12, 1, 14, 0), slot(2026, 12, 1, 14, 0)];
        assert_eq!(slots_by_day(&twice, new_york)[0].slots.len(), 1);
        assert!(slots_by_day(&[], new_york).is_empty());
    }

    #[test]
    fn a_day_is_found_by_its_date() {
        let days = slots_by_day(&coordinator_day(), tokyo);
        let wednesday = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(day_slots(&days, wednesday).map(|d| d.slots.len()), Some(1));
        let thursday = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(day_slots(&days, thursday), None);
    }

    #[test]
    fn slot_names_carry_weekday_date_and_time_in_the_readers_style() {
        let start = new_york(slot(2026, 12, 2, 15, 30).start);
        assert_eq!(slot_name(start, US), "Wednesday, December 2, 10:30 AM");
        assert_eq!(slot_name(start, UK), "Wednesday 2 December, 10:30");
        assert_eq!(
            slot_name_with_year(start, US),
            "Wednesday, December 2, 2026 at 10:30 AM"
        );
    }

    #[test]
    fn counts_and_zones_read_as_words() {
        assert_eq!(free_times(1), "1 time free");
        assert_eq!(free_times(7), "7 times free");
        assert_eq!(
            zone_label("Australia/Sydney"),
            "Sydney time (Australia/Sydney)"
        );
        assert_eq!(
            zone_label("America/New_York"),
            "New York time (America/New_York)"
        );
        assert_eq!(zone_label("UTC"), "UTC");
    }
}
