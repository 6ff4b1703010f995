//! The coordinator's bookable call slots: working hours from `content/coordinator.json`, turned
//! into concrete instants.
//!
//! Slots are laid out on the coordinator's wall clock, in their own IANA time zone: each working
//! range (say 09:00–12:00) is filled from its start with one call plus its buffer after another,
//! as long as call and buffer fit before the range ends. A wall-clock time that does not exist on
//! a daylight-saving day is skipped; one that happens twice takes its first occurrence. Then what
//! cannot be booked right now is taken away: holidays, anything sooner than the minimum notice or
//! further out than the booking horizon, and anything that would overlap a booked call.
//!
//! Everything here is pure: the current time and the booked calls are passed in.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use frontdoor_contract::CallSlot;
use serde::Deserialize;

/// The availability file's name inside the content directory.
pub const COORDINATOR_FILE: &str = "coordinator.json";

/// How many alternatives a slot-taken reply offers.
pub const NEAREST_ALTERNATIVES: usize = 3;

const MINUTES_PER_DAY: u32 = 24 * 60;
const SLOT_MINUTES: (u32, u32) = (5, 240);
const BUFFER_MINUTES: (u32, u32) = (0, 120);
const MINIMUM_NOTICE_HOURS: (u32, u32) = (0, 14 * 24);
const HORIZON_DAYS: (u32, u32) = (1, 366);

/// Why an availability file was refused. Each message names the field to fix.
#[derive(Debug, thiserror::Error)]
pub enum AvailabilityError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A problem inside a named file.
    #[error("{}: {source}", path.display())]
    InFile {
        path: PathBuf,
        source: Box<AvailabilityError>,
    },
    /// Not JSON, a missing or misspelt field, or a value of the wrong kind.
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    /// `time_zone` is not in the IANA database.
    #[error("time_zone {0:?} is not an IANA time zone name such as \"America/New_York\"")]
    UnknownTimeZone(String),
    /// A number outside its sensible range.
    #[error("{field} must be from {min} to {max}, not {value}")]
    OutOfRange {
        field: &'static str,
        value: u32,
        min: u32,
        max: u32,
    },
    /// The minimum notice reaches past the booking horizon, so nothing could ever be booked.
    #[error(
        "minimum_notice_hours ({notice_hours}) must be shorter than horizon_days ({horizon_days} \
         days), or no call could ever be booked"
    )]
    NoticeBeyondHorizon {
        notice_hours: u32,
        horizon_days: u32,
    },
    /// A working range that cannot be used.
    #[error("working_hours.{day}[{index}]: {problem}")]
    BadRange {
        day: &'static str,
        index: usize,
        problem: String,
    },
    /// A holiday that is not a calendar date.
    #[error("holidays[{index}]: {value:?} is not a date written as YYYY-MM-DD")]
    BadHoliday { index: usize, value: String },
}

/// Why a requested start cannot be booked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Unbookable {
    /// Not the start of any slot: outside working hours, off the slot grid, or on a holiday.
    #[error("That time is not one of the coordinator's call times.")]
    NotOnSchedule,
    /// Sooner than the minimum notice allows.
    #[error("That time is too soon to book; please choose a later one.")]
    TooSoon,
    /// Further out than the booking horizon.
    #[error("That time is too far ahead to book yet; please choose an earlier one.")]
    BeyondHorizon,
    /// Someone else has this slot (or one overlapping it).
    #[error("That time has just been booked by someone else.")]
    Taken,
}

/// The coordinator's validated availability: where to find slots, and how long they are.
#[derive(Debug, Clone, PartialEq)]
pub struct CoordinatorAvailability {
    time_zone: Tz,
    slot: Duration,
    buffer: Duration,
    minimum_notice: Duration,
    horizon: Duration,
    /// Working ranges per weekday, Monday first, in time order.
    week: [Vec<WorkingRange>; 7],
    holidays: BTreeSet<NaiveDate>,
}

/// Part of a working day, in minutes after local midnight; `end` may be 1440 (midnight after).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WorkingRange {
    start: u32,
    end: u32,
}

/// `coordinator.json` as written by the practice's web team.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AvailabilityFile {
    time_zone: String,
    slot_minutes: u32,
    buffer_minutes: u32,
    minimum_notice_hours: u32,
    horizon_days: u32,
    working_hours: WorkingWeekFile,
    #[serde(default)]
    holidays: Vec<String>,
}

/// A day left out has no working hours.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct WorkingWeekFile {
    monday: Vec<RangeFile>,
    tuesday: Vec<RangeFile>,
    wednesday: Vec<RangeFile>,
    thursday: Vec<RangeFile>,
    friday: Vec<RangeFile>,
    saturday: Vec<RangeFile>,
    sunday: Vec<RangeFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RangeFile {
    start: String,
    end: String,
}

impl CoordinatorAvailability {
    /// Reads and validates an availability file (normally `<content dir>/coordinator.json`).
    pub fn load(path: &Path) -> Result<Self, AvailabilityError> {
        let text = std::fs::read_to_string(path).map_err(|source| AvailabilityError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::from_json(&text).map_err(|source| AvailabilityError::InFile {
            path: path.to_owned(),
            source: Box::new(source),
        })
    }

    /// Parses and validates availability JSON.
    pub fn from_json(text: &str) -> Result<Self, AvailabilityError> {
        let file: AvailabilityFile = serde_json::from_str(text)?;
        let time_zone: Tz = file
            .time_zone
            .parse()
            .map_err(|_| AvailabilityError::UnknownTimeZone(file.time_zone.clone()))?;
        let slot_minutes = within("slot_minutes", file.slot_minutes, SLOT_MINUTES)?;
        let buffer_minutes = within("buffer_minutes", file.buffer_minutes, BUFFER_MINUTES)?;
        let notice_hours = within(
            "minimum_notice_hours",
            file.minimum_notice_hours,
            MINIMUM_NOTICE_HOURS,
        )?;
        let horizon_days = within("horizon_days", file.horizon_days, HORIZON_DAYS)?;
        if notice_hours >= horizon_days * 24 {
            return Err(AvailabilityError::NoticeBeyondHorizon {
                notice_hours,
                horizon_days,
            });
        }
        let span = slot_minutes + buffer_minutes;
        let hours = file.working_hours;
        let week = [
            ranges("monday", &hours.monday, span)?,
            ranges("tuesday", &hours.tuesday, span)?,
            ranges("wednesday", &hours.wednesday, span)?,
            ranges("thursday", &hours.thursday, span)?,
            ranges("friday", &hours.friday, span)?,
            ranges("saturday", &hours.saturday, span)?,
            ranges("sunday", &hours.sunday, span)?,
        ];
        let holidays = file
            .holidays
            .iter()
            .enumerate()
            .map(|(index, value)| {
                NaiveDate::parse_from_str(value, "%Y-%m-%d")
                    .ok()
                    .filter(|_| value.len() == 10)
                    .ok_or_else(|| AvailabilityError::BadHoliday {
                        index,
                        value: value.clone(),
                    })
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            time_zone,
            slot: Duration::minutes(i64::from(slot_minutes)),
            buffer: Duration::minutes(i64::from(buffer_minutes)),
            minimum_notice: Duration::hours(i64::from(notice_hours)),
            horizon: Duration::days(i64::from(horizon_days)),
            week,
            holidays,
        })
    }

    /// The coordinator's IANA time zone.
    pub fn time_zone(&self) -> Tz {
        self.time_zone
    }

    /// How long one call lasts.
    pub fn slot_length(&self) -> Duration {
        self.slot
    }

    /// The earliest instant a call may start when booking at `now`.
    pub fn earliest_start(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now + self.minimum_notice
    }

    /// The latest instant a call may start when booking at `now`.
    pub fn latest_start(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now + self.horizon
    }

    /// Every slot of one local calendar day, ignoring notice, horizon and bookings.
    fn day_slots(&self, date: NaiveDate) -> Vec<CallSlot> {
        let mut slots = Vec::new();
        if self.holidays.contains(&date) {
            return slots;
        }
        let Some(midnight) = date.and_hms_opt(0, 0, 0) else {
            return slots;
        };
        let span_minutes = (self.slot + self.buffer).num_minutes();
        let weekday = date.weekday().num_days_from_monday() as usize;
        for range in &self.week[weekday] {
            let wall = |minute: u32| midnight + Duration::minutes(i64::from(minute));
            let Some(range_end) = self.boundary_instant(wall(range.end)) else {
                continue;
            };
            // The instant until which the coordinator is busy with the previous slot; on a
            // spring-forward night the wall clock jumps, and a later wall-clock slot could
            // otherwise begin before the earlier call and its buffer are over.
            let mut busy_until: Option<DateTime<Utc>> = None;
            let mut minute = i64::from(range.start);
            while minute + span_minutes <= i64::from(range.end) {
                let local = midnight + Duration::minutes(minute);
                minute += span_minutes;
                let Some(start) = self.first_instant(local) else {
                    continue;
                };
                let end = start + self.slot;
                let free_again = end + self.buffer;
                if free_again > range_end || busy_until.is_some_and(|busy| start < busy) {
                    continue;
                }
                busy_until = Some(free_again);
                slots.push(CallSlot { start, end });
            }
        }
        slots
    }

    /// The first instant showing `local` on the coordinator's clock; `None` if that wall-clock
    /// time is skipped by a daylight-saving change.
    fn first_instant(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        self.time_zone
            .from_local_datetime(&local)
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    }

    /// When a working range ends: its first instant, or if that wall-clock time is skipped, the
    /// moment the clock jumps past it.
    fn boundary_instant(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        (0..=MINUTES_PER_DAY)
            .find_map(|later| self.first_instant(local + Duration::minutes(i64::from(later))))
    }

    /// Whether a call starting at `start` would overlap (call plus buffer) one of `booked`.
    fn overlaps_booked(&self, start: DateTime<Utc>, booked: &[DateTime<Utc>]) -> bool {
        let span = self.slot + self.buffer;
        booked
            .iter()
            .any(|&other| start < other + span && other < start + span)
    }
}

/// The free slots whose start lies in `[from, to)`, earliest first.
///
/// Only slots bookable at `now` are given: starting no sooner than the minimum notice and no
/// later than the booking horizon. `booked` holds the starts of calls still going ahead (for a
/// reschedule, leave out the call being moved); a slot overlapping one of them, buffer included,
/// is not free.
pub fn free_slots(
    config: &CoordinatorAvailability,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
    booked: &[DateTime<Utc>],
) -> Vec<CallSlot> {
    let earliest = from.max(config.earliest_start(now));
    let latest = config.latest_start(now);
    if earliest > latest || earliest >= to {
        return Vec::new();
    }
    let zone = config.time_zone;
    // A slot always starts on the local date whose working hours it belongs to.
    let first_day = earliest.with_timezone(&zone).date_naive();
    let last_day = latest.min(to).with_timezone(&zone).date_naive();
    let mut slots: Vec<CallSlot> = first_day
        .iter_days()
        .take_while(|day| *day <= last_day)
        .flat_map(|day| config.day_slots(day))
        .filter(|slot| slot.start >= earliest && slot.start <= latest && slot.start < to)
        .filter(|slot| !config.overlaps_booked(slot.start, booked))
        .collect();
    slots.sort();
    slots.dedup();
    slots
}

/// The `n` free slots nearest in time to `target` (a slot someone else just took), earliest
/// first; ties go to the earlier slot. `target` itself is never offered.
pub fn nearest_free(
    config: &CoordinatorAvailability,
    target: DateTime<Utc>,
    now: DateTime<Utc>,
    booked: &[DateTime<Utc>],
    n: usize,
) -> Vec<CallSlot> {
    let mut free: Vec<CallSlot> = free_slots(
        config,
        DateTime::<Utc>::MIN_UTC,
        DateTime::<Utc>::MAX_UTC,
        now,
        booked,
    )
    .into_iter()
    .filter(|slot| slot.start != target)
    .collect();
    free.sort_by_key(|slot| ((slot.start - target).abs(), slot.start));
    free.truncate(n);
    free.sort();
    free
}

/// The slot starting at `start` if it can be booked at `now`, or why not.
///
/// Reasons are checked in the order a person can act on them: not a call time at all, too soon,
/// too far ahead, then taken. `booked` is as for [`free_slots`].
pub fn check_bookable(
    config: &CoordinatorAvailability,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
    booked: &[DateTime<Utc>],
) -> Result<CallSlot, Unbookable> {
    let day = start.with_timezone(&config.time_zone).date_naive();
    let slot = config
        .day_slots(day)
        .into_iter()
        .find(|slot| slot.start == start)
        .ok_or(Unbookable::NotOnSchedule)?;
    if start < config.earliest_start(now) {
        return Err(Unbookable::TooSoon);
    }
    if start > config.latest_start(now) {
        return Err(Unbookable::BeyondHorizon);
    }
    if config.overlaps_booked(start, booked) {
        return Err(Unbookable::Taken);
    }
    Ok(slot)
}

/// Whether a call starting at `start` can be booked at `now`; see [`check_bookable`] for why not.
pub fn is_bookable(
    config: &CoordinatorAvailability,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
    booked: &[DateTime<Utc>],
) -> bool {
    check_bookable(config, start, now, booked).is_ok()
}

fn within(
    field: &'static str,
    value: u32,
    (min, max): (u32, u32),
) -> Result<u32, AvailabilityError> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(AvailabilityError::OutOfRange {
            field,
            value,
            min,
            max,
        })
    }
}

/// Validates one weekday's ranges: real `HH:MM` times, each long enough for a call and its
/// buffer, in time order without overlap.
fn ranges(
    day: &'static str,
    file: &[RangeFile],
    span_minutes: u32,
) -> Result<Vec<WorkingRange>, AvailabilityError> {
    let mut out: Vec<WorkingRange> = Vec::with_capacity(file.len());
    for (index, range) in file.iter().enumerate() {
        let bad = |problem: String| AvailabilityError::BadRange {
            day,
            index,
            problem,
        };
        let start = parse_minute(&range.start)
            .filter(|m| *m < MINUTES_PER_DAY)
            .ok_or_else(|| {
                bad(format!(
                    "start {:?} is not a time written as HH:MM (00:00 to 23:59)",
                    range.start
                ))
            })?;
        let end = parse_minute(&range.end).ok_or_else(|| {
            bad(format!(
                "end {:?} is not a time written as HH:MM (00:00 to 24:00)",
                range.end
            ))
        })?;
        if end <= start {
            return Err(bad(format!(
                "end {} must be after start {}",
                range.end, range.start
            )));
        }
        if end - start < span_minutes {
            return Err(bad(format!(
                "{}–{} is shorter than one call plus its buffer ({span_minutes} minutes)",
                range.start, range.end
            )));
        }
        if let Some(previous) = out.last()
            && start < previous.end
        {
            return Err(bad(format!(
                "starts at {} before the previous range ends; list ranges in time order without \
                 overlap",
                range.start
            )));
        }
        out.push(WorkingRange { start, end });
    }
    Ok(out)
}

/// `"HH:MM"` → minutes after midnight; `"24:00"` is 1440.
fn parse_minute(text: &str) -> Option<u32> {
    let (hours, minutes) = text.split_once(':')?;
    let two_digits = |part: &str| part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit());
    if !two_digits(hours) || !two_digits(minutes) {
        return None;
    }
    let hours: u32 = hours.parse().ok()?;
    let minutes: u32 = minutes.parse().ok()?;
    let total = hours * 60 + minutes;
    (hours <= 24 && minutes < 60 && total <= MINUTES_PER_DAY).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    const NEW_YORK: Tz = chrono_tz::America::New_York;
    const LONDON: Tz = chrono_tz::Europe::London;

    /// Weekdays 09:00–12:00 and 13:00–17:00, Saturday 10:00–13:00, Sunday closed, in New York.
    fn new_york_file() -> Value {
        let weekday = json!([
            {"start": "09:00", "end": "12:00"},
            {"start": "13:00", "end": "17:00"}
        ]);
        json!({
            "time_zone": "America/New_York",
            "slot_minutes": 30,
            "buffer_minutes": 10,
            "minimum_notice_hours": 4,
            "horizon_days": 21,
            "working_hours": {
                "monday": weekday, "tuesday": weekday, "wednesday": weekday,
                "thursday": weekday, "friday": weekday,
                "saturday": [{"start": "10:00", "end": "13:00"}],
                "sunday": []
            },
            "holidays": ["2026-12-24", "2026-12-25", "2027-01-01"]
        })
    }

    /// Every day of the week 09:00–17:00 without a break, in `zone`.
    fn every_day_file(zone: &str) -> Value {
        let day = json!([{"start": "09:00", "end": "17:00"}]);
        json!({
            "time_zone": zone,
            "slot_minutes": 30,
            "buffer_minutes": 10,
            "minimum_notice_hours": 4,
            "horizon_days": 21,
            "working_hours": {
                "monday": day, "tuesday": day, "wednesday": day, "thursday": day,
                "friday": day, "saturday": day, "sunday": day
            }
        })
    }

    /// New York hours with only one night-time range on Sundays, across the 02:00 changes.
    fn sunday_night_file(zone: &str, start: &str, end: &str) -> Value {
        let mut file = every_day_file(zone);
        file["working_hours"] = json!({ "sunday": [{"start": start, "end": end}] });
        file
    }

    fn parse(file: Value) -> CoordinatorAvailability {
        CoordinatorAvailability::from_json(&file.to_string()).expect("valid availability")
    }

    fn refusal(file: Value) -> String {
        CoordinatorAvailability::from_json(&file.to_string())
            .expect_err("availability should be refused")
            .to_string()
    }

    fn local(zone: Tz, y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        zone.with_ymd_and_hms(y, mo, d, h, mi, 0)
            .earliest()
            .expect("a wall-clock time that exists")
            .with_timezone(&Utc)
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn date(y: i32, mo: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, mo, d).unwrap()
    }

    /// A moment comfortably before `day`, so neither notice nor horizon gets in the way.
    fn week_before(day: NaiveDate) -> DateTime<Utc> {
        (day - Duration::days(7))
            .and_hms_opt(12, 0, 0)
            .unwrap()
            .and_utc()
    }

    /// The free slots of one local day in the coordinator's zone.
    fn day(
        config: &CoordinatorAvailability,
        day: NaiveDate,
        booked: &[DateTime<Utc>],
    ) -> Vec<CallSlot> {
        let zone = config.time_zone();
        let midnight = |d: NaiveDate| {
            zone.from_local_datetime(&d.and_hms_opt(0, 0, 0).unwrap())
                .earliest()
                .unwrap()
                .with_timezone(&Utc)
        };
        let next = day.succ_opt().unwrap();
        free_slots(
            config,
            midnight(day),
            midnight(next),
            week_before(day),
            booked,
        )
    }

    /// Slot starts as the coordinator's wall clock shows them.
    fn wall(config: &CoordinatorAvailability, slots: &[CallSlot]) -> Vec<String> {
        slots
            .iter()
            .map(|s| {
                s.start
                    .with_timezone(&config.time_zone())
                    .format("%H:%M")
                    .to_string()
            })
            .collect()
    }

    fn starts(slots: &[CallSlot]) -> Vec<DateTime<Utc>> {
        slots.iter().map(|s| s.start).collect()
    }

    const TUESDAY_GRID: [&str; 10] = [
        "09:00", "09:40", "10:20", "11:00", "13:00", "13:40", "14:20", "15:00", "15:40", "16:20",
    ];

    #[test]
    fn a_plain_weekday_offers_thirty_minute_calls_through_working_hours() {
        let config = parse(new_york_file());
        let slots = day(&config, date(2026, 12, 1), &[]);
        assert_eq!(wall(&config, &slots), TUESDAY_GRID);
        assert_eq!(slots[0].start, utc(2026, 12, 1, 14, 0));
        assert!(
            slots
                .iter()
                .all(|s| s.end - s.start == Duration::minutes(30))
        );
    }

    #[test]
    fn no_call_runs_into_the_lunch_break() {
        let config = parse(new_york_file());
        let slots = day(&config, date(2026, 12, 1), &[]);
        let noon = local(NEW_YORK, 2026, 12, 1, 12, 0);
        let one = local(NEW_YORK, 2026, 12, 1, 13, 0);
        for slot in &slots {
            assert!(
                slot.end + Duration::minutes(10) <= noon || slot.start >= one,
                "{slot:?}"
            );
        }
        let mut no_lunch = new_york_file();
        no_lunch["working_hours"]["tuesday"] = json!([{"start": "09:00", "end": "17:00"}]);
        let without = day(&parse(no_lunch), date(2026, 12, 1), &[]);
        assert_eq!(
            wall(&config, &without),
            [
                "09:00", "09:40", "10:20", "11:00", "11:40", "12:20", "13:00", "13:40", "14:20",
                "15:00", "15:40", "16:20"
            ]
        );
    }

    #[test]
    fn the_buffer_follows_every_call_and_sets_the_step() {
        let tuesday = date(2026, 12, 1);
        let morning = |buffer: u32| {
            let mut file = new_york_file();
            file["buffer_minutes"] = buffer.into();
            file["working_hours"]["tuesday"] = json!([{"start": "09:00", "end": "12:00"}]);
            let config = parse(file);
            wall(&config, &day(&config, tuesday, &[]))
        };
        assert_eq!(
            morning(0),
            ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]
        );
        assert_eq!(morning(10), ["09:00", "09:40", "10:20", "11:00"]);
        assert_eq!(morning(20), ["09:00", "09:50", "10:40"]);
        // The last call of the day fits with its buffer ending exactly at closing time.
        let config = parse(new_york_file());
        let last = *day(&config, tuesday, &[]).last().unwrap();
        assert_eq!(
            last.end + Duration::minutes(10),
            local(NEW_YORK, 2026, 12, 1, 17, 0)
        );
    }

    #[test]
    fn minimum_notice_is_met_exactly_at_the_boundary() {
        let config = parse(new_york_file());
        let nine = local(NEW_YORK, 2026, 12, 1, 9, 0);
        let end_of_day = local(NEW_YORK, 2026, 12, 2, 0, 0);
        let exactly_four_hours_before = nine - Duration::hours(4);
        let slots = free_slots(&config, nine, end_of_day, exactly_four_hours_before, &[]);
        assert_eq!(slots[0].start, nine);

        let a_second_later = exactly_four_hours_before + Duration::seconds(1);
        let slots = free_slots(&config, nine, end_of_day, a_second_later, &[]);
        assert_eq!(wall(&config, &slots)[0], "09:40");
        assert_eq!(
            check_bookable(&config, nine, a_second_later, &[]),
            Err(Unbookable::TooSoon)
        );
        assert!(is_bookable(&config, nine, exactly_four_hours_before, &[]));
    }

    #[test]
    fn the_horizon_is_met_exactly_at_the_boundary() {
        let config = parse(new_york_file());
        let now = local(NEW_YORK, 2026, 12, 1, 9, 0);
        let all = free_slots(
            &config,
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
            now,
            &[],
        );
        let three_weeks_on = local(NEW_YORK, 2026, 12, 22, 9, 0);
        assert_eq!(all.last().unwrap().start, three_weeks_on);
        assert!(is_bookable(&config, three_weeks_on, now, &[]));

        let a_minute_earlier = now - Duration::minutes(1);
        let all = free_slots(
            &config,
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
            a_minute_earlier,
            &[],
        );
        assert_eq!(
            all.last().unwrap().start,
            local(NEW_YORK, 2026, 12, 21, 16, 20)
        );
        assert_eq!(
            check_bookable(&config, three_weeks_on, a_minute_earlier, &[]),
            Err(Unbookable::BeyondHorizon)
        );
    }

    #[test]
    fn holidays_have_no_slots() {
        let config = parse(new_york_file());
        assert_eq!(day(&config, date(2026, 12, 23), &[]).len(), 10);
        assert!(day(&config, date(2026, 12, 24), &[]).is_empty());
        assert!(day(&config, date(2026, 12, 25), &[]).is_empty());
        assert_eq!(day(&config, date(2026, 12, 26), &[]).len(), 4);
        assert!(day(&config, date(2027, 1, 1), &[]).is_empty());
        let christmas_morning = local(NEW_YORK, 2026, 12, 25, 9, 0);
        assert_eq!(
            check_bookable(
                &config,
                christmas_morning,
                week_before(date(2026, 12, 25)),
                &[]
            ),
            Err(Unbookable::NotOnSchedule)
        );
    }

    #[test]
    fn saturday_is_a_short_morning() {
        let config = parse(new_york_file());
        let slots = day(&config, date(2026, 12, 5), &[]);
        assert_eq!(wall(&config, &slots), ["10:00", "10:40", "11:20", "12:00"]);
    }

    #[test]
    fn sunday_has_no_slots_and_a_week_adds_up() {
        let config = parse(new_york_file());
        assert!(day(&config, date(2026, 12, 6), &[]).is_empty());
        let monday = local(NEW_YORK, 2026, 11, 30, 0, 0);
        let next_monday = local(NEW_YORK, 2026, 12, 7, 0, 0);
        let week = free_slots(
            &config,
            monday,
            next_monday,
            week_before(date(2026, 11, 30)),
            &[],
        );
        assert_eq!(week.len(), 5 * 10 + 4);
        assert!(week.windows(2).all(|pair| pair[0].end <= pair[1].start));
    }

    #[test]
    fn spring_forward_keeps_the_wall_clock_hours_in_new_york() {
        let config = parse(every_day_file("America/New_York"));
        // Clocks go from 02:00 EST to 03:00 EDT on Sunday 14 March 2027.
        for (d, first_utc) in [(12, 14), (13, 14), (14, 13), (15, 13)] {
            let slots = day(&config, date(2027, 3, d), &[]);
            assert_eq!(slots.len(), 12, "March {d}");
            assert_eq!(wall(&config, &slots)[0], "09:00", "March {d}");
            assert_eq!(wall(&config, &slots)[11], "16:20", "March {d}");
            assert_eq!(slots[0].start, utc(2027, 3, d, first_utc, 0), "March {d}");
        }
    }

    #[test]
    fn fall_back_keeps_the_wall_clock_hours_in_new_york() {
        let config = parse(every_day_file("America/New_York"));
        // Clocks go from 02:00 EDT back to 01:00 EST on Sunday 1 November 2026.
        for (y, m, d, first_utc) in [
            (2026, 10, 30, 13),
            (2026, 10, 31, 13),
            (2026, 11, 1, 14),
            (2026, 11, 2, 14),
        ] {
            let slots = day(&config, date(y, m, d), &[]);
            assert_eq!(slots.len(), 12, "{y}-{m}-{d}");
            assert_eq!(wall(&config, &slots)[0], "09:00", "{y}-{m}-{d}");
            assert_eq!(slots[0].start, utc(y, m, d, first_utc, 0), "{y}-{m}-{d}");
        }
    }

    #[test]
    fn skipped_wall_clock_times_are_not_offered_on_the_spring_forward_night() {
        let config = parse(sunday_night_file("America/New_York", "00:00", "04:00"));
        let slots = day(&config, date(2027, 3, 14), &[]);
        // 02:00 and 02:40 do not exist that night.
        assert_eq!(wall(&config, &slots), ["00:00", "00:40", "01:20", "03:20"]);
        assert_eq!(
            starts(&slots),
            [
                utc(2027, 3, 14, 5, 0),
                utc(2027, 3, 14, 5, 40),
                utc(2027, 3, 14, 6, 20),
                utc(2027, 3, 14, 7, 20)
            ]
        );
    }

    #[test]
    fn calls_never_overlap_when_the_clock_jumps_forward() {
        // 01:40 EST runs to 03:10 EDT; the 03:00 EDT slot would overlap it, so it is dropped.
        let config = parse(sunday_night_file("America/New_York", "01:00", "04:00"));
        let slots = day(&config, date(2027, 3, 14), &[]);
        assert_eq!(
            starts(&slots),
            [utc(2027, 3, 14, 6, 0), utc(2027, 3, 14, 6, 40)]
        );
        // Call and buffer must end by closing time in real time too: 01:40 EST plus 40 minutes
        // is 03:20 EDT, after a 03:10 close.
        let config = parse(sunday_night_file("America/New_York", "01:00", "03:10"));
        assert_eq!(
            starts(&day(&config, date(2027, 3, 14), &[])),
            [utc(2027, 3, 14, 6, 0)]
        );
    }

    #[test]
    fn repeated_wall_clock_times_take_their_first_occurrence_on_the_fall_back_night() {
        let config = parse(sunday_night_file("America/New_York", "00:00", "04:00"));
        let slots = day(&config, date(2026, 11, 1), &[]);
        assert_eq!(
            wall(&config, &slots),
            ["00:00", "00:40", "01:20", "02:00", "02:40", "03:20"]
        );
        assert_eq!(
            starts(&slots),
            [
                utc(2026, 11, 1, 4, 0),
                utc(2026, 11, 1, 4, 40),
                utc(2026, 11, 1, 5, 20), // 01:20 EDT, the first of the two
                utc(2026, 11, 1, 7, 0),
                utc(2026, 11, 1, 7, 40),
                utc(2026, 11, 1, 8, 20)
            ]
        );
    }

    #[test]
    fn london_hours_follow_british_summer_time() {
        let config = parse(every_day_file("Europe/London"));
        // BST ends on 25 October 2026 and starts on 28 March 2027.
        for (y, m, d, first_utc) in [
            (2026, 10, 23, 8),
            (2026, 10, 25, 9),
            (2026, 10, 26, 9),
            (2027, 3, 26, 9),
            (2027, 3, 28, 8),
            (2027, 3, 29, 8),
        ] {
            let slots = day(&config, date(y, m, d), &[]);
            assert_eq!(slots.len(), 12, "{y}-{m}-{d}");
            assert_eq!(wall(&config, &slots)[0], "09:00", "{y}-{m}-{d}");
            assert_eq!(slots[0].start, utc(y, m, d, first_utc, 0), "{y}-{m}-{d}");
        }
        assert_eq!(local(LONDON, 2027, 3, 29, 9, 0), utc(2027, 3, 29, 8, 0));

        // London's clocks jump from 01:00 to 02:00: 01:20 does not exist, and 02:00 BST would
        // begin while the 00:40 call's buffer is still running.
        let night = parse(sunday_night_file("Europe/London", "00:00", "03:00"));
        assert_eq!(
            starts(&day(&night, date(2027, 3, 28), &[])),
            [utc(2027, 3, 28, 0, 0), utc(2027, 3, 28, 0, 40)]
        );
    }

    #[test]
    fn booked_calls_are_removed() {
        let config = parse(new_york_file());
        let tuesday = date(2026, 12, 1);
        let ten_twenty = local(NEW_YORK, 2026, 12, 1, 10, 20);
        let slots = day(&config, tuesday, &[ten_twenty]);
        let mut expected = TUESDAY_GRID.to_vec();
        expected.retain(|t| *t != "10:20");
        assert_eq!(wall(&config, &slots), expected);

        // A call booked off the grid (say under older hours) blocks every slot it overlaps.
        let ten_past_ten = local(NEW_YORK, 2026, 12, 1, 10, 5);
        let slots = day(&config, tuesday, &[ten_past_ten]);
        let mut expected = TUESDAY_GRID.to_vec();
        expected.retain(|t| *t != "09:40" && *t != "10:20");
        assert_eq!(wall(&config, &slots), expected);

        // A booking on another day changes nothing.
        let wednesday = local(NEW_YORK, 2026, 12, 2, 10, 20);
        assert_eq!(
            wall(&config, &day(&config, tuesday, &[wednesday])),
            TUESDAY_GRID
        );
    }

    #[test]
    fn slots_are_clamped_to_the_half_open_window() {
        let config = parse(new_york_file());
        let now = week_before(date(2026, 12, 1));
        let from = local(NEW_YORK, 2026, 12, 1, 10, 20);
        let to = local(NEW_YORK, 2026, 12, 1, 13, 40);
        let slots = free_slots(&config, from, to, now, &[]);
        assert_eq!(wall(&config, &slots), ["10:20", "11:00", "13:00"]);

        let slots = free_slots(&config, from + Duration::minutes(1), to, now, &[]);
        assert_eq!(wall(&config, &slots), ["11:00", "13:00"]);

        assert!(free_slots(&config, to, from, now, &[]).is_empty());
        assert!(free_slots(&config, from, from, now, &[]).is_empty());

        // An unbounded window still stops at the notice and the horizon.
        let everything = free_slots(
            &config,
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
            now,
            &[],
        );
        assert!(everything.first().unwrap().start >= now + Duration::hours(4));
        assert!(everything.last().unwrap().start <= now + Duration::days(21));
        assert!(
            everything
                .windows(2)
                .all(|pair| pair[0].start < pair[1].start)
        );
    }

    #[test]
    fn the_three_nearest_free_slots_surround_a_taken_one() {
        let config = parse(new_york_file());
        let now = week_before(date(2026, 12, 1));
        let one_pm = local(NEW_YORK, 2026, 12, 1, 13, 0);
        // 13:40 is 40 minutes away, 14:20 80; 11:00 and 15:00 are both 2 hours away and the
        // earlier one wins the tie.
        let nearest = nearest_free(&config, one_pm, now, &[one_pm], NEAREST_ALTERNATIVES);
        assert_eq!(wall(&config, &nearest), ["11:00", "13:40", "14:20"]);

        // Other bookings are skipped too.
        let one_forty = local(NEW_YORK, 2026, 12, 1, 13, 40);
        let nearest = nearest_free(&config, one_pm, now, &[one_pm, one_forty], 3);
        assert_eq!(wall(&config, &nearest), ["11:00", "14:20", "15:00"]);

        // First thing Tuesday: all three come later that morning, not Monday afternoon.
        let nine = local(NEW_YORK, 2026, 12, 1, 9, 0);
        let nearest = nearest_free(&config, nine, now, &[nine], 3);
        assert_eq!(wall(&config, &nearest), ["09:40", "10:20", "11:00"]);
        assert!(
            nearest
                .iter()
                .all(|s| s.start.date_naive() == date(2026, 12, 1))
        );
    }

    #[test]
    fn nearest_free_slots_respect_the_minimum_notice() {
        let config = parse(new_york_file());
        let nine = local(NEW_YORK, 2026, 12, 1, 9, 0);
        let now = nine - Duration::hours(4);
        // Nothing before 09:00 can be offered, and Monday afternoon is in the past.
        let nearest = nearest_free(&config, nine, now, &[nine], 3);
        assert_eq!(wall(&config, &nearest), ["09:40", "10:20", "11:00"]);
        let later = nearest_free(&config, nine, now + Duration::hours(1), &[], 2);
        assert_eq!(wall(&config, &later), ["10:20", "11:00"]);
    }

    #[test]
    fn a_booking_request_is_checked_against_the_schedule() {
        let config = parse(new_york_file());
        let now = week_before(date(2026, 12, 1));
        let ten_twenty = local(NEW_YORK, 2026, 12, 1, 10, 20);
        assert_eq!(
            check_bookable(&config, ten_twenty, now, &[]),
            Ok(CallSlot {
                start: ten_twenty,
                end: ten_twenty + Duration::minutes(30)
            })
        );
        let cases = [
            (
                local(NEW_YORK, 2026, 12, 1, 10, 0),
                Unbookable::NotOnSchedule,
            ),
            (
                local(NEW_YORK, 2026, 12, 1, 12, 20),
                Unbookable::NotOnSchedule,
            ),
            (
                local(NEW_YORK, 2026, 12, 6, 10, 0),
                Unbookable::NotOnSchedule,
            ),
            (ten_twenty + Duration::seconds(1), Unbookable::NotOnSchedule),
        ];
        for (start, why) in cases {
            assert_eq!(
                check_bookable(&config, start, now, &[]),
                Err(why),
                "{start}"
            );
        }
        assert_eq!(
            check_bookable(&config, ten_twenty, now, &[ten_twenty]),
            Err(Unbookable::Taken)
        );
        assert!(!is_bookable(&config, ten_twenty, now, &[ten_twenty]));
        assert!(is_bookable(&config, ten_twenty, now, &[]));
        assert_eq!(
            check_bookable(&config, ten_twenty, ten_twenty, &[]),
            Err(Unbookable::TooSoon)
        );
    }

    #[test]
    fn a_range_may_run_until_midnight() {
        let mut file = new_york_file();
        file["working_hours"]["friday"] = json!([{"start": "22:00", "end": "24:00"}]);
        let config = parse(file);
        let friday = date(2026, 12, 4);
        assert_eq!(
            wall(&config, &day(&config, friday, &[])),
            ["22:00", "22:40", "23:20"]
        );
        let late = local(NEW_YORK, 2026, 12, 4, 23, 20);
        assert!(is_bookable(&config, late, week_before(friday), &[]));
        assert!(
            day(&config, date(2026, 12, 5), &[])
                .iter()
                .all(|s| s.start > late)
        );
    }

    #[test]
    fn mistakes_in_the_availability_file_are_named() {
        let with = |path: &[&str], value: Value| {
            let mut file = new_york_file();
            let mut target = &mut file;
            for key in path {
                target = &mut target[*key];
            }
            *target = value;
            refusal(file)
        };
        let cases = [
            (
                with(&["time_zone"], json!("America/NewYork")),
                "time_zone \"America/NewYork\" is not an IANA time zone name",
            ),
            (
                with(&["slot_minutes"], json!(0)),
                "slot_minutes must be from 5 to 240, not 0",
            ),
            (
                with(&["buffer_minutes"], json!(600)),
                "buffer_minutes must be from 0 to 120, not 600",
            ),
            (
                with(&["horizon_days"], json!(0)),
                "horizon_days must be from 1 to 366, not 0",
            ),
            (
                refusal({
                    let mut file = new_york_file();
                    file["horizon_days"] = json!(7);
                    file["minimum_notice_hours"] = json!(7 * 24);
                    file
                }),
                "minimum_notice_hours (168) must be shorter than horizon_days (7 days)",
            ),
            (
                with(
                    &["working_hours", "monday"],
                    json!([{"start": "9:00", "end": "12:00"}]),
                ),
                "working_hours.monday[0]: start \"9:00\" is not a time written as HH:MM",
            ),
            (
                with(
                    &["working_hours", "monday"],
                    json!([{"start": "24:00", "end": "24:00"}]),
                ),
                "working_hours.monday[0]: start \"24:00\" is not a time",
            ),
            (
                with(
                    &["working_hours", "friday"],
                    json!([{"start": "09:00", "end": "17:60"}]),
                ),
                "working_hours.friday[0]: end \"17:60\" is not a time",
            ),
            (
                with(
                    &["working_hours", "tuesday"],
                    json!([{"start": "12:00", "end": "09:00"}]),
                ),
                "working_hours.tuesday[0]: end 09:00 must be after start 12:00",
            ),
            (
                with(
                    &["working_hours", "wednesday"],
                    json!([{"start": "09:00", "end": "12:00"}, {"start": "11:00", "end": "17:00"}]),
                ),
                "working_hours.wednesday[1]: starts at 11:00 before the previous range ends",
            ),
            (
                with(
                    &["working_hours", "saturday"],
                    json!([{"start": "10:00", "end": "10:30"}]),
                ),
                "working_hours.saturday[0]: 10:00–10:30 is shorter than one call plus its buffer \
                 (40 minutes)",
            ),
            (
                with(&["working_hours", "wednsday"], json!([])),
                "unknown field `wednsday`",
            ),
            (
                with(&["holidays"], json!(["2026-12-25", "2026-12-32"])),
                "holidays[1]: \"2026-12-32\" is not a date written as YYYY-MM-DD",
            ),
            (
                with(&["holidays"], json!(["25/12/2026"])),
                "holidays[0]: \"25/12/2026\" is not a date",
            ),
            (with(&["slot_minutes"], json!("30")), "invalid type"),
            (
                refusal(json!({"time_zone": "UTC"})),
                "missing field `slot_minutes`",
            ),
            (refusal(json!("09:00-17:00")), "invalid type"),
        ];
        for (message, expected) in cases {
            assert!(
                message.contains(expected),
                "{message:?} should say {expected:?}"
            );
        }
    }

    #[test]
    fn ranges_touching_and_days_left_out_are_accepted() {
        let mut file = new_york_file();
        file["working_hours"] = json!({
            "monday": [{"start": "09:00", "end": "12:00"}, {"start": "12:00", "end": "13:00"}]
        });
        let config = parse(file);
        assert_eq!(day(&config, date(2026, 11, 30), &[]).len(), 4 + 1);
        assert!(day(&config, date(2026, 12, 1), &[]).is_empty());
    }

    #[test]
    fn the_shipped_availability_file_is_valid() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../content")
            .join(COORDINATOR_FILE);
        let config = CoordinatorAvailability::load(&path).expect("content/coordinator.json");
        assert_eq!(config.time_zone(), NEW_YORK);
        assert_eq!(config.slot_length(), Duration::minutes(30));
        let tuesday = day(&config, date(2026, 12, 1), &[]);
        assert_eq!(wall(&config, &tuesday), TUESDAY_GRID);
        assert!(day(&config, date(2026, 12, 25), &[]).is_empty());
        assert_eq!(day(&config, date(2026, 12, 5), &[]).len(), 4);
        assert!(day(&config, date(2026, 12, 6), &[]).is_empty());
    }

    #[test]
    fn a_missing_file_is_reported_with_its_path() {
        let err = CoordinatorAvailability::load(Path::new("/nonexistent/coordinator.json"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("cannot read /nonexistent/coordinator.json"),
            "{err}"
        );
    }
}
