//! Weekly session arithmetic: when a group's coming sessions start, as UTC instants.
//!
//! A group meets on one weekday at one wall-clock time in its own IANA time zone (19:00 in New
//! York stays 19:00 in New York when the clocks change), between a first and a last date. Two
//! rules settle the hours that daylight-saving changes make odd:
//!
//! - a local time the clocks skip (inside a spring-forward gap) is read with the UTC offset in
//!   force just before the gap, so 02:30 on the US spring-forward Sunday becomes 07:30 UTC in New
//!   York (03:30 daylight time);
//! - a local time that happens twice (inside a fall-back overlap) is its first occurrence.
//!
//! A session that has already started, even this very second, is not a "next" session.

use chrono::{
    DateTime, Datelike, Days, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;
use frontdoor_contract::GroupDefinition;

/// Why a group's schedule cannot be worked out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    /// The time zone is not an IANA name chrono-tz knows.
    #[error("unknown time zone {0:?}")]
    UnknownTimeZone(String),
    /// The last session date comes before the first.
    #[error("the last session date {last} is before the first session date {first}")]
    EndsBeforeStart { first: NaiveDate, last: NaiveDate },
}

/// When a weekly group meets: weekday and start time in its own zone, between two dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeeklySchedule {
    weekday: Weekday,
    start_time: NaiveTime,
    zone: Tz,
    first_date: NaiveDate,
    last_date: NaiveDate,
}

impl WeeklySchedule {
    /// A schedule meeting every `weekday` at `start_time` in `time_zone`, on dates from
    /// `first_date` to `last_date` inclusive (both read in the group's zone).
    pub fn new(
        weekday: Weekday,
        start_time: NaiveTime,
        time_zone: &str,
        first_date: NaiveDate,
        last_date: NaiveDate,
    ) -> Result<Self, ScheduleError> {
        let zone: Tz = time_zone
            .parse()
            .map_err(|_| ScheduleError::UnknownTimeZone(time_zone.to_owned()))?;
        if last_date < first_date {
            return Err(ScheduleError::EndsBeforeStart {
                first: first_date,
                last: last_date,
            });
        }
        Ok(Self {
            weekday,
            start_time,
            zone,
            first_date,
            last_date,
        })
    }

    /// The schedule of a group as the catalogue file defines it.
    pub fn for_group(group: &GroupDefinition) -> Result<Self, ScheduleError> {
        Self::new(
            group.weekday.into(),
            group.start_time,
            &group.time_zone,
            group.first_session_date,
            group.last_session_date,
        )
    }

    /// The group's time zone.
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// The start of the session on `date` (a date in the group's zone), if one falls on it.
    pub fn session_on(&self, date: NaiveDate) -> Option<DateTime<Utc>> {
        let in_range = (self.first_date..=self.last_date).contains(&date);
        (in_range && date.weekday() == self.weekday)
            .then(|| local_to_utc(self.zone, date.and_time(self.start_time)))
    }

    /// Up to `count` sessions that start strictly after `now`, earliest first.
    pub fn next_sessions(&self, now: DateTime<Utc>, count: usize) -> Vec<DateTime<Utc>> {
        self.sessions_from_date(self.local_date(now).pred_opt().unwrap_or(NaiveDate::MIN))
            .filter(|start| *start > now)
            .take(count)
            .collect()
    }

    /// Up to `count` sessions that start at or after `first`, earliest first: the sessions a
    /// reservation from `first` on covers.
    pub fn sessions_from(&self, first: DateTime<Utc>, count: usize) -> Vec<DateTime<Utc>> {
        self.sessions_from_date(self.local_date(first).pred_opt().unwrap_or(NaiveDate::MIN))
            .filter(|start| *start >= first)
            .take(count)
            .collect()
    }

    /// True when a session of this group starts exactly at `instant`.
    pub fn is_session_start(&self, instant: DateTime<Utc>) -> bool {
        let date = self.local_date(instant);
        [date.pred_opt(), Some(date), date.succ_opt()]
            .into_iter()
            .flatten()
            .any(|day| self.session_on(day) == Some(instant))
    }

    fn local_date(&self, instant: DateTime<Utc>) -> NaiveDate {
        instant.with_timezone(&self.zone).date_naive()
    }

    /// Every session on or after `from` (a local date), in order, up to the last date.
    fn sessions_from_date(&self, from: NaiveDate) -> impl Iterator<Item = DateTime<Utc>> + '_ {
        let start = from.max(self.first_date);
        let ahead =
            (7 + self.weekday.num_days_from_monday() - start.weekday().num_days_from_monday()) % 7;
        let first = start.checked_add_days(Days::new(u64::from(ahead)));
        std::iter::successors(first, |date| date.checked_add_days(Days::new(7)))
            .take_while(|date| *date <= self.last_date)
            .map(|date| local_to_utc(self.zone, date.and_time(self.start_time)))
    }
}

/// The UTC instant of a wall-clock time in `zone`: a skipped local time is read with the offset
/// in force before the skip; a repeated one is its first occurrence.
pub fn local_to_utc(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(instant) => instant.with_timezone(&Utc),
        LocalResult::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
        LocalResult::None => with_offset(local, offset_before_gap(zone, local)),
    }
}

/// The UTC offset (seconds east) in force just before the gap that swallows `local`: the offset
/// of the latest local time before it that exists. Gaps are whole minutes and at most a day
/// long in the tz database, so a minute-by-minute walk back ends quickly.
fn offset_before_gap(zone: Tz, local: NaiveDateTime) -> i32 {
    let mut probe = local;
    for _ in 0..(2 * 24 * 60) {
        probe -= Duration::minutes(1);
        match zone.from_local_datetime(&probe) {
            LocalResult::Single(instant) => return instant.offset().fix().local_minus_utc(),
            LocalResult::Ambiguous(a, b) => return a.max(b).offset().fix().local_minus_utc(),
            LocalResult::None => {}
        }
    }
    // No zone has a gap this long; read the time with the offset of the instant it names in UTC.
    zone.offset_from_utc_datetime(&local)
        .fix()
        .local_minus_utc()
}

fn with_offset(local: NaiveDateTime, offset_seconds: i32) -> DateTime<Utc> {
    (local - Duration::seconds(i64::from(offset_seconds))).and_utc()
}

#[cfg(test)]
mod tests {
    use super::*;
    use frontdoor_contract::GroupCatalogueFile;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("test instants are RFC 3339")
            .with_timezone(&Utc)
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are YYYY-MM-DD")
    }

    fn time(text: &str) -> NaiveTime {
        NaiveTime::parse_from_str(text, "%H:%M").expect("test times are HH:MM")
    }

    fn schedule(zone: &str, weekday: Weekday, start: &str) -> WeeklySchedule {
        WeeklySchedule::new(
            weekday,
            time(start),
            zone,
            date("2026-01-01"),
            date("2028-12-31"),
        )
        .expect("valid schedule")
    }

    fn instants(texts: &[&str]) -> Vec<DateTime<Utc>> {
        texts.iter().map(|t| utc(t)).collect()
    }

    /// Wall-clock time in a zone → expected UTC instant, around every clock change of 2026–2028
    /// (and on the US change Sundays in the zones that never change). Each transition has a time
    /// just before it, the first skipped or repeated minute, one inside, the first minute after,
    /// and 19:00 the same day; Lord Howe also has 02:15.
    #[rustfmt::skip]
    const LOCAL_TO_UTC: &[(&str, &str, &str)] = &[
        ("America/New_York", "2026-03-08 01:30", "2026-03-08T06:30:00Z"), // before
        ("America/New_York", "2026-03-08 02:00", "2026-03-08T07:00:00Z"), // gap start
        ("America/New_York", "2026-03-08 02:30", "2026-03-08T07:30:00Z"), // in gap
        ("America/New_York", "2026-03-08 03:00", "2026-03-08T07:00:00Z"), // after gap
        ("America/New_York", "2026-03-08 19:00", "2026-03-08T23:00:00Z"), // evening
        ("America/New_York", "2026-11-01 00:59", "2026-11-01T04:59:00Z"), // before
        ("America/New_York", "2026-11-01 01:00", "2026-11-01T05:00:00Z"), // repeat start
        ("America/New_York", "2026-11-01 01:30", "2026-11-01T05:30:00Z"), // repeated
        ("America/New_York", "2026-11-01 02:00", "2026-11-01T07:00:00Z"), // after repeat
        ("America/New_York", "2026-11-01 19:00", "2026-11-02T00:00:00Z"), // evening
        ("America/New_York", "2027-03-14 01:30", "2027-03-14T06:30:00Z"), // before
        ("America/New_York", "2027-03-14 02:00", "2027-03-14T07:00:00Z"), // gap start
        ("America/New_York", "2027-03-14 02:30", "2027-03-14T07:30:00Z"), // in gap
        ("America/New_York", "2027-03-14 03:00", "2027-03-14T07:00:00Z"), // after gap
        ("America/New_York", "2027-03-14 19:00", "2027-03-14T23:00:00Z"), // evening
        ("America/New_York", "2027-11-07 00:59", "2027-11-07T04:59:00Z"), // before
        ("America/New_York", "2027-11-07 01:00", "2027-11-07T05:00:00Z"), // repeat start
        ("America/New_York", "2027-11-07 01:30", "2027-11-07T05:30:00Z"), // repeated
        ("America/New_York", "2027-11-07 02:00", "2027-11-07T07:00:00Z"), // after repeat
        ("America/New_York", "2027-11-07 19:00", "2027-11-08T00:00:00Z"), // evening
        ("America/New_York", "2028-03-12 01:30", "2028-03-12T06:30:00Z"), // before
        ("America/New_York", "2028-03-12 02:00", "2028-03-12T07:00:00Z"), // gap start
        ("America/New_York", "2028-03-12 02:30", "2028-03-12T07:30:00Z"), // in gap
        ("America/New_York", "2028-03-12 03:00", "2028-03-12T07:00:00Z"), // after gap
        ("America/New_York", "2028-03-12 19:00", "2028-03-12T23:00:00Z"), // evening
        ("America/New_York", "2028-11-05 00:59", "2028-11-05T04:59:00Z"), // before
        ("America/New_York", "2028-11-05 01:00", "2028-11-05T05:00:00Z"), // repeat start
        ("America/New_York", "2028-11-05 01:30", "2028-11-05T05:30:00Z"), // repeated
        ("America/New_York", "2028-11-05 02:00", "2028-11-05T07:00:00Z"), // after repeat
        ("America/New_York", "2028-11-05 19:00", "2028-11-06T00:00:00Z"), // evening
        ("America/Chicago", "2026-03-08 01:30", "2026-03-08T07:30:00Z"), // before
        ("America/Chicago", "2026-03-08 02:00", "2026-03-08T08:00:00Z"), // gap start
        ("America/Chicago", "2026-03-08 02:30", "2026-03-08T08:30:00Z"), // in gap
        ("America/Chicago", "2026-03-08 03:00", "2026-03-08T08:00:00Z"), // after gap
        ("America/Chicago", "2026-03-08 19:00", "2026-03-09T00:00:00Z"), // evening
        ("America/Chicago", "2026-11-01 00:59", "2026-11-01T05:59:00Z"), // before
        ("America/Chicago", "2026-11-01 01:00", "2026-11-01T06:00:00Z"), // repeat start
        ("America/Chicago", "2026-11-01 01:30", "2026-11-01T06:30:00Z"), // repeated
        ("America/Chicago", "2026-11-01 02:00", "2026-11-01T08:00:00Z"), // after repeat
        ("America/Chicago", "2026-11-01 19:00", "2026-11-02T01:00:00Z"), // evening
        ("America/Chicago", "2027-03-14 01:30", "2027-03-14T07:30:00Z"), // before
        ("America/Chicago", "2027-03-14 02:00", "2027-03-14T08:00:00Z"), // gap start
        ("America/Chicago", "2027-03-14 02:30", "2027-03-14T08:30:00Z"), // in gap
        ("America/Chicago", "2027-03-14 03:00", "2027-03-14T08:00:00Z"), // after gap
        ("America/Chicago", "2027-03-14 19:00", "2027-03-15T00:00:00Z"), // evening
        ("America/Chicago", "2027-11-07 00:59", "2027-11-07T05:59:00Z"), // before
        ("America/Chicago", "2027-11-07 01:00", "2027-11-07T06:00:00Z"), // repeat start
        ("America/Chicago", "2027-11-07 01:30", "2027-11-07T06:30:00Z"), // repeated
        ("America/Chicago", "2027-11-07 02:00", "2027-11-07T08:00:00Z"), // after repeat
        ("America/Chicago", "2027-11-07 19:00", "2027-11-08T01:00:00Z"), // evening
        ("America/Chicago", "2028-03-12 01:30", "2028-03-12T07:30:00Z"), // before
        ("America/Chicago", "2028-03-12 02:00", "2028-03-12T08:00:00Z"), // gap start
        ("America/Chicago", "2028-03-12 02:30", "2028-03-12T08:30:00Z"), // in gap
        ("America/Chicago", "2028-03-12 03:00", "2028-03-12T08:00:00Z"), // after gap
        ("America/Chicago", "2028-03-12 19:00", "2028-03-13T00:00:00Z"), // evening
        ("America/Chicago", "2028-11-05 00:59", "2028-11-05T05:59:00Z"), // before
        ("America/Chicago", "2028-11-05 01:00", "2028-11-05T06:00:00Z"), // repeat start
        ("America/Chicago", "2028-11-05 01:30", "2028-11-05T06:30:00Z"), // repeated
        ("America/Chicago", "2028-11-05 02:00", "2028-11-05T08:00:00Z"), // after repeat
        ("America/Chicago", "2028-11-05 19:00", "2028-11-06T01:00:00Z"), // evening
        ("America/Phoenix", "2026-03-08 02:30", "2026-03-08T09:30:00Z"), // plain
        ("America/Phoenix", "2026-03-08 19:00", "2026-03-09T02:00:00Z"), // plain
        ("America/Phoenix", "2026-11-01 02:30", "2026-11-01T09:30:00Z"), // plain
        ("America/Phoenix", "2026-11-01 19:00", "2026-11-02T02:00:00Z"), // plain
        ("America/Phoenix", "2027-03-14 02:30", "2027-03-14T09:30:00Z"), // plain
        ("America/Phoenix", "2027-03-14 19:00", "2027-03-15T02:00:00Z"), // plain
        ("America/Phoenix", "2027-11-07 02:30", "2027-11-07T09:30:00Z"), // plain
        ("America/Phoenix", "2027-11-07 19:00", "2027-11-08T02:00:00Z"), // plain
        ("America/Phoenix", "2028-03-12 02:30", "2028-03-12T09:30:00Z"), // plain
        ("America/Phoenix", "2028-03-12 19:00", "2028-03-13T02:00:00Z"), // plain
        ("America/Phoenix", "2028-11-05 02:30", "2028-11-05T09:30:00Z"), // plain
        ("America/Phoenix", "2028-11-05 19:00", "2028-11-06T02:00:00Z"), // plain
        ("Europe/London", "2026-03-29 00:30", "2026-03-29T00:30:00Z"), // before
        ("Europe/London", "2026-03-29 01:00", "2026-03-29T01:00:00Z"), // gap start
        ("Europe/London", "2026-03-29 01:30", "2026-03-29T01:30:00Z"), // in gap
        ("Europe/London", "2026-03-29 02:00", "2026-03-29T01:00:00Z"), // after gap
        ("Europe/London", "2026-03-29 19:00", "2026-03-29T18:00:00Z"), // evening
        ("Europe/London", "2026-10-25 00:59", "2026-10-24T23:59:00Z"), // before
        ("Europe/London", "2026-10-25 01:00", "2026-10-25T00:00:00Z"), // repeat start
        ("Europe/London", "2026-10-25 01:30", "2026-10-25T00:30:00Z"), // repeated
        ("Europe/London", "2026-10-25 02:00", "2026-10-25T02:00:00Z"), // after repeat
        ("Europe/London", "2026-10-25 19:00", "2026-10-25T19:00:00Z"), // evening
        ("Europe/London", "2027-03-28 00:30", "2027-03-28T00:30:00Z"), // before
        ("Europe/London", "2027-03-28 01:00", "2027-03-28T01:00:00Z"), // gap start
        ("Europe/London", "2027-03-28 01:30", "2027-03-28T01:30:00Z"), // in gap
        ("Europe/London", "2027-03-28 02:00", "2027-03-28T01:00:00Z"), // after gap
        ("Europe/London", "2027-03-28 19:00", "2027-03-28T18:00:00Z"), // evening
        ("Europe/London", "2027-10-31 00:59", "2027-10-30T23:59:00Z"), // before
        ("Europe/London", "2027-10-31 01:00", "2027-10-31T00:00:00Z"), // repeat start
        ("Europe/London", "2027-10-31 01:30", "2027-10-31T00:30:00Z"), // repeated
        ("Europe/London", "2027-10-31 02:00", "2027-10-31T02:00:00Z"), // after repeat
        ("Europe/London", "2027-10-31 19:00", "2027-10-31T19:00:00Z"), // evening
        ("Europe/London", "2028-03-26 00:30", "2028-03-26T00:30:00Z"), // before
        ("Europe/London", "2028-03-26 01:00", "2028-03-26T01:00:00Z"), // gap start
        ("Europe/London", "2028-03-26 01:30", "2028-03-26T01:30:00Z"), // in gap
        ("Europe/London", "2028-03-26 02:00", "2028-03-26T01:00:00Z"), // after gap
        ("Europe/London", "2028-03-26 19:00", "2028-03-26T18:00:00Z"), // evening
        ("Europe/London", "2028-10-29 00:59", "2028-10-28T23:59:00Z"), // before
        ("Europe/London", "2028-10-29 01:00", "2028-10-29T00:00:00Z"), // repeat start
        ("Europe/London", "2028-10-29 01:30", "2028-10-29T00:30:00Z"), // repeated
        ("Europe/London", "2028-10-29 02:00", "2028-10-29T02:00:00Z"), // after repeat
        ("Europe/London", "2028-10-29 19:00", "2028-10-29T19:00:00Z"), // evening
        ("Australia/Sydney", "2026-04-05 01:59", "2026-04-04T14:59:00Z"), // before
        ("Australia/Sydney", "2026-04-05 02:00", "2026-04-04T15:00:00Z"), // repeat start
        ("Australia/Sydney", "2026-04-05 02:30", "2026-04-04T15:30:00Z"), // repeated
        ("Australia/Sydney", "2026-04-05 03:00", "2026-04-04T17:00:00Z"), // after repeat
        ("Australia/Sydney", "2026-04-05 19:00", "2026-04-05T09:00:00Z"), // evening
        ("Australia/Sydney", "2026-10-04 01:30", "2026-10-03T15:30:00Z"), // before
        ("Australia/Sydney", "2026-10-04 02:00", "2026-10-03T16:00:00Z"), // gap start
        ("Australia/Sydney", "2026-10-04 02:30", "2026-10-03T16:30:00Z"), // in gap
        ("Australia/Sydney", "2026-10-04 03:00", "2026-10-03T16:00:00Z"), // after gap
        ("Australia/Sydney", "2026-10-04 19:00", "2026-10-04T08:00:00Z"), // evening
        ("Australia/Sydney", "2027-04-04 01:59", "2027-04-03T14:59:00Z"), // before
        ("Australia/Sydney", "2027-04-04 02:00", "2027-04-03T15:00:00Z"), // repeat start
        ("Australia/Sydney", "2027-04-04 02:30", "2027-04-03T15:30:00Z"), // repeated
        ("Australia/Sydney", "2027-04-04 03:00", "2027-04-03T17:00:00Z"), // after repeat
        ("Australia/Sydney", "2027-04-04 19:00", "2027-04-04T09:00:00Z"), // evening
        ("Australia/Sydney", "2027-10-03 01:30", "2027-10-02T15:30:00Z"), // before
        ("Australia/Sydney", "2027-10-03 02:00", "2027-10-02T16:00:00Z"), // gap start
        ("Australia/Sydney", "2027-10-03 02:30", "2027-10-02T16:30:00Z"), // in gap
        ("Australia/Sydney", "2027-10-03 03:00", "2027-10-02T16:00:00Z"), // after gap
        ("Australia/Sydney", "2027-10-03 19:00", "2027-10-03T08:00:00Z"), // evening
        ("Australia/Sydney", "2028-04-02 01:59", "2028-04-01T14:59:00Z"), // before
        ("Australia/Sydney", "2028-04-02 02:00", "2028-04-01T15:00:00Z"), // repeat start
        ("Australia/Sydney", "2028-04-02 02:30", "2028-04-01T15:30:00Z"), // repeated
        ("Australia/Sydney", "2028-04-02 03:00", "2028-04-01T17:00:00Z"), // after repeat
        ("Australia/Sydney", "2028-04-02 19:00", "2028-04-02T09:00:00Z"), // evening
        ("Australia/Sydney", "2028-10-01 01:30", "2028-09-30T15:30:00Z"), // before
        ("Australia/Sydney", "2028-10-01 02:00", "2028-09-30T16:00:00Z"), // gap start
        ("Australia/Sydney", "2028-10-01 02:30", "2028-09-30T16:30:00Z"), // in gap
        ("Australia/Sydney", "2028-10-01 03:00", "2028-09-30T16:00:00Z"), // after gap
        ("Australia/Sydney", "2028-10-01 19:00", "2028-10-01T08:00:00Z"), // evening
        ("Pacific/Auckland", "2026-04-05 01:59", "2026-04-04T12:59:00Z"), // before
        ("Pacific/Auckland", "2026-04-05 02:00", "2026-04-04T13:00:00Z"), // repeat start
        ("Pacific/Auckland", "2026-04-05 02:30", "2026-04-04T13:30:00Z"), // repeated
        ("Pacific/Auckland", "2026-04-05 03:00", "2026-04-04T15:00:00Z"), // after repeat
        ("Pacific/Auckland", "2026-04-05 19:00", "2026-04-05T07:00:00Z"), // evening
        ("Pacific/Auckland", "2026-09-27 01:30", "2026-09-26T13:30:00Z"), // before
        ("Pacific/Auckland", "2026-09-27 02:00", "2026-09-26T14:00:00Z"), // gap start
        ("Pacific/Auckland", "2026-09-27 02:30", "2026-09-26T14:30:00Z"), // in gap
        ("Pacific/Auckland", "2026-09-27 03:00", "2026-09-26T14:00:00Z"), // after gap
        ("Pacific/Auckland", "2026-09-27 19:00", "2026-09-27T06:00:00Z"), // evening
        ("Pacific/Auckland", "2027-04-04 01:59", "2027-04-03T12:59:00Z"), // before
        ("Pacific/Auckland", "2027-04-04 02:00", "2027-04-03T13:00:00Z"), // repeat start
        ("Pacific/Auckland", "2027-04-04 02:30", "2027-04-03T13:30:00Z"), // repeated
        ("Pacific/Auckland", "2027-04-04 03:00", "2027-04-03T15:00:00Z"), // after repeat
        ("Pacific/Auckland", "2027-04-04 19:00", "2027-04-04T07:00:00Z"), // evening
        ("Pacific/Auckland", "2027-09-26 01:30", "2027-09-25T13:30:00Z"), // before
        ("Pacific/Auckland", "2027-09-26 02:00", "2027-09-25T14:00:00Z"), // gap start
        ("Pacific/Auckland", "2027-09-26 02:30", "2027-09-25T14:30:00Z"), // in gap
        ("Pacific/Auckland", "2027-09-26 03:00", "2027-09-25T14:00:00Z"), // after gap
        ("Pacific/Auckland", "2027-09-26 19:00", "2027-09-26T06:00:00Z"), // evening
        ("Pacific/Auckland", "2028-04-02 01:59", "2028-04-01T12:59:00Z"), // before
        ("Pacific/Auckland", "2028-04-02 02:00", "2028-04-01T13:00:00Z"), // repeat start
        ("Pacific/Auckland", "2028-04-02 02:30", "2028-04-01T13:30:00Z"), // repeated
        ("Pacific/Auckland", "2028-04-02 03:00", "2028-04-01T15:00:00Z"), // after repeat
        ("Pacific/Auckland", "2028-04-02 19:00", "2028-04-02T07:00:00Z"), // evening
        ("Pacific/Auckland", "2028-09-24 01:30", "2028-09-23T13:30:00Z"), // before
        ("Pacific/Auckland", "2028-09-24 02:00", "2028-09-23T14:00:00Z"), // gap start
        ("Pacific/Auckland", "2028-09-24 02:30", "2028-09-23T14:30:00Z"), // in gap
        ("Pacific/Auckland", "2028-09-24 03:00", "2028-09-23T14:00:00Z"), // after gap
        ("Pacific/Auckland", "2028-09-24 19:00", "2028-09-24T06:00:00Z"), // evening
        ("Asia/Kolkata", "2026-03-08 02:30", "2026-03-07T21:00:00Z"), // plain
        ("Asia/Kolkata", "2026-03-08 19:00", "2026-03-08T13:30:00Z"), // plain
        ("Asia/Kolkata", "2026-11-01 02:30", "2026-10-31T21:00:00Z"), // plain
        ("Asia/Kolkata", "2026-11-01 19:00", "2026-11-01T13:30:00Z"), // plain
        ("Asia/Kolkata", "2027-03-14 02:30", "2027-03-13T21:00:00Z"), // plain
        ("Asia/Kolkata", "2027-03-14 19:00", "2027-03-14T13:30:00Z"), // plain
        ("Asia/Kolkata", "2027-11-07 02:30", "2027-11-06T21:00:00Z"), // plain
        ("Asia/Kolkata", "2027-11-07 19:00", "2027-11-07T13:30:00Z"), // plain
        ("Asia/Kolkata", "2028-03-12 02:30", "2028-03-11T21:00:00Z"), // plain
        ("Asia/Kolkata", "2028-03-12 19:00", "2028-03-12T13:30:00Z"), // plain
        ("Asia/Kolkata", "2028-11-05 02:30", "2028-11-04T21:00:00Z"), // plain
        ("Asia/Kolkata", "2028-11-05 19:00", "2028-11-05T13:30:00Z"), // plain
        ("America/St_Johns", "2026-03-08 01:30", "2026-03-08T05:00:00Z"), // before
        ("America/St_Johns", "2026-03-08 02:00", "2026-03-08T05:30:00Z"), // gap start
        ("America/St_Johns", "2026-03-08 02:30", "2026-03-08T06:00:00Z"), // in gap
        ("America/St_Johns", "2026-03-08 03:00", "2026-03-08T05:30:00Z"), // after gap
        ("America/St_Johns", "2026-03-08 19:00", "2026-03-08T21:30:00Z"), // evening
        ("America/St_Johns", "2026-11-01 00:59", "2026-11-01T03:29:00Z"), // before
        ("America/St_Johns", "2026-11-01 01:00", "2026-11-01T03:30:00Z"), // repeat start
        ("America/St_Johns", "2026-11-01 01:30", "2026-11-01T04:00:00Z"), // repeated
        ("America/St_Johns", "2026-11-01 02:00", "2026-11-01T05:30:00Z"), // after repeat
        ("America/St_Johns", "2026-11-01 19:00", "2026-11-01T22:30:00Z"), // evening
        ("America/St_Johns", "2027-03-14 01:30", "2027-03-14T05:00:00Z"), // before
        ("America/St_Johns", "2027-03-14 02:00", "2027-03-14T05:30:00Z"), // gap start
        ("America/St_Johns", "2027-03-14 02:30", "2027-03-14T06:00:00Z"), // in gap
        ("America/St_Johns", "2027-03-14 03:00", "2027-03-14T05:30:00Z"), // after gap
        ("America/St_Johns", "2027-03-14 19:00", "2027-03-14T21:30:00Z"), // evening
        ("America/St_Johns", "2027-11-07 00:59", "2027-11-07T03:29:00Z"), // before
        ("America/St_Johns", "2027-11-07 01:00", "2027-11-07T03:30:00Z"), // repeat start
        ("America/St_Johns", "2027-11-07 01:30", "2027-11-07T04:00:00Z"), // repeated
        ("America/St_Johns", "2027-11-07 02:00", "2027-11-07T05:30:00Z"), // after repeat
        ("America/St_Johns", "2027-11-07 19:00", "2027-11-07T22:30:00Z"), // evening
        ("America/St_Johns", "2028-03-12 01:30", "2028-03-12T05:00:00Z"), // before
        ("America/St_Johns", "2028-03-12 02:00", "2028-03-12T05:30:00Z"), // gap start
        ("America/St_Johns", "2028-03-12 02:30", "2028-03-12T06:00:00Z"), // in gap
        ("America/St_Johns", "2028-03-12 03:00", "2028-03-12T05:30:00Z"), // after gap
        ("America/St_Johns", "2028-03-12 19:00", "2028-03-12T21:30:00Z"), // evening
        ("America/St_Johns", "2028-11-05 00:59", "2028-11-05T03:29:00Z"), // before
        ("America/St_Johns", "2028-11-05 01:00", "2028-11-05T03:30:00Z"), // repeat start
        ("America/St_Johns", "2028-11-05 01:30", "2028-11-05T04:00:00Z"), // repeated
        ("America/St_Johns", "2028-11-05 02:00", "2028-11-05T05:30:00Z"), // after repeat
        ("America/St_Johns", "2028-11-05 19:00", "2028-11-05T22:30:00Z"), // evening
        ("Australia/Lord_Howe", "2026-04-05 01:29", "2026-04-04T14:29:00Z"), // before
        ("Australia/Lord_Howe", "2026-04-05 01:30", "2026-04-04T14:30:00Z"), // repeat start
        ("Australia/Lord_Howe", "2026-04-05 01:45", "2026-04-04T14:45:00Z"), // repeated
        ("Australia/Lord_Howe", "2026-04-05 02:00", "2026-04-04T15:30:00Z"), // after repeat
        ("Australia/Lord_Howe", "2026-04-05 19:00", "2026-04-05T08:30:00Z"), // evening
        ("Australia/Lord_Howe", "2026-04-05 02:15", "2026-04-04T15:45:00Z"), // 02:15
        ("Australia/Lord_Howe", "2026-10-04 01:30", "2026-10-03T15:00:00Z"), // before
        ("Australia/Lord_Howe", "2026-10-04 02:00", "2026-10-03T15:30:00Z"), // gap start
        ("Australia/Lord_Howe", "2026-10-04 02:15", "2026-10-03T15:45:00Z"), // in gap
        ("Australia/Lord_Howe", "2026-10-04 02:30", "2026-10-03T15:30:00Z"), // after gap
        ("Australia/Lord_Howe", "2026-10-04 19:00", "2026-10-04T08:00:00Z"), // evening
        ("Australia/Lord_Howe", "2026-10-04 02:15", "2026-10-03T15:45:00Z"), // 02:15
        ("Australia/Lord_Howe", "2027-04-04 01:29", "2027-04-03T14:29:00Z"), // before
        ("Australia/Lord_Howe", "2027-04-04 01:30", "2027-04-03T14:30:00Z"), // repeat start
        ("Australia/Lord_Howe", "2027-04-04 01:45", "2027-04-03T14:45:00Z"), // repeated
        ("Australia/Lord_Howe", "2027-04-04 02:00", "2027-04-03T15:30:00Z"), // after repeat
        ("Australia/Lord_Howe", "2027-04-04 19:00", "2027-04-04T08:30:00Z"), // evening
        ("Australia/Lord_Howe", "2027-04-04 02:15", "2027-04-03T15:45:00Z"), // 02:15
        ("Australia/Lord_Howe", "2027-10-03 01:30", "2027-10-02T15:00:00Z"), // before
        ("Australia/Lord_Howe", "2027-10-03 02:00", "2027-10-02T15:30:00Z"), // gap start
        ("Australia/Lord_Howe", "2027-10-03 02:15", "2027-10-02T15:45:00Z"), // in gap
        ("Australia/Lord_Howe", "2027-10-03 02:30", "2027-10-02T15:30:00Z"), // after gap
        ("Australia/Lord_Howe", "2027-10-03 19:00", "2027-10-03T08:00:00Z"), // evening
        ("Australia/Lord_Howe", "2027-10-03 02:15", "2027-10-02T15:45:00Z"), // 02:15
        ("Australia/Lord_Howe", "2028-04-02 01:29", "2028-04-01T14:29:00Z"), // before
        ("Australia/Lord_Howe", "2028-04-02 01:30", "2028-04-01T14:30:00Z"), // repeat start
        ("Australia/Lord_Howe", "2028-04-02 01:45", "2028-04-01T14:45:00Z"), // repeated
        ("Australia/Lord_Howe", "2028-04-02 02:00", "2028-04-01T15:30:00Z"), // after repeat
        ("Australia/Lord_Howe", "2028-04-02 19:00", "2028-04-02T08:30:00Z"), // evening
        ("Australia/Lord_Howe", "2028-04-02 02:15", "2028-04-01T15:45:00Z"), // 02:15
        ("Australia/Lord_Howe", "2028-10-01 01:30", "2028-09-30T15:00:00Z"), // before
        ("Australia/Lord_Howe", "2028-10-01 02:00", "2028-09-30T15:30:00Z"), // gap start
        ("Australia/Lord_Howe", "2028-10-01 02:15", "2028-09-30T15:45:00Z"), // in gap
        ("Australia/Lord_Howe", "2028-10-01 02:30", "2028-09-30T15:30:00Z"), // after gap
        ("Australia/Lord_Howe", "2028-10-01 19:00", "2028-10-01T08:00:00Z"), // evening
        ("Australia/Lord_Howe", "2028-10-01 02:15", "2028-09-30T15:45:00Z"), // 02:15
    ];

    #[test]
    fn local_times_convert_to_utc_across_three_years_of_clock_changes() {
        let mut failures = Vec::new();
        for (zone, local, expected) in LOCAL_TO_UTC {
            let tz: Tz = zone.parse().expect("known zone");
            let local = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").expect("local");
            let got = local_to_utc(tz, local);
            if got != utc(expected) {
                failures.push(format!("{zone} {local}: got {got}, expected {expected}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        assert_eq!(LOCAL_TO_UTC.len(), 240);
    }

    #[test]
    fn new_york_evening_group_keeps_its_wall_time_across_both_changes() {
        // Tuesdays 19:00 New York: 00:00 UTC on EST, 23:00 UTC on EDT (from 8 March 2026).
        let s = schedule("America/New_York", Weekday::Tue, "19:00");
        assert_eq!(
            s.next_sessions(utc("2026-02-24T12:00:00Z"), 4),
            instants(&[
                "2026-02-25T00:00:00Z",
                "2026-03-04T00:00:00Z",
                "2026-03-10T23:00:00Z",
                "2026-03-17T23:00:00Z",
            ])
        );
        // Back to EST on 1 November 2026.
        assert_eq!(
            s.next_sessions(utc("2026-10-20T00:00:00Z"), 3),
            instants(&[
                "2026-10-20T23:00:00Z",
                "2026-10-27T23:00:00Z",
                "2026-11-04T00:00:00Z",
            ])
        );
    }

    #[test]
    fn session_in_a_spring_forward_gap_uses_the_offset_before_the_gap() {
        // Sundays 02:30 New York: 8 March 2026 has no 02:30; read with EST (-5) it is 07:30 UTC.
        let s = schedule("America/New_York", Weekday::Sun, "02:30");
        assert_eq!(
            s.next_sessions(utc("2026-03-01T12:00:00Z"), 3),
            instants(&[
                "2026-03-08T07:30:00Z",
                "2026-03-15T06:30:00Z",
                "2026-03-22T06:30:00Z",
            ])
        );
        // Chicago, 14 March 2027: read with CST (-6).
        let s = schedule("America/Chicago", Weekday::Sun, "02:30");
        assert_eq!(
            s.next_sessions(utc("2027-03-08T00:00:00Z"), 2),
            instants(&["2027-03-14T08:30:00Z", "2027-03-21T07:30:00Z"])
        );
        // London, 29 March 2026: 01:30 is skipped; read with GMT it is 01:30 UTC.
        let s = schedule("Europe/London", Weekday::Sun, "01:30");
        assert_eq!(
            s.next_sessions(utc("2026-03-23T00:00:00Z"), 2),
            instants(&["2026-03-29T01:30:00Z", "2026-04-05T00:30:00Z"])
        );
        // Auckland, 27 September 2026: 02:30 is skipped; read with NZST (+12).
        let s = schedule("Pacific/Auckland", Weekday::Sun, "02:30");
        assert_eq!(
            s.next_sessions(utc("2026-09-20T00:00:00Z"), 2),
            instants(&["2026-09-26T14:30:00Z", "2026-10-03T13:30:00Z"])
        );
        // Sydney, 1 October 2028: read with AEST (+10).
        let s = schedule("Australia/Sydney", Weekday::Sun, "02:30");
        assert_eq!(
            s.next_sessions(utc("2028-09-26T00:00:00Z"), 2),
            instants(&["2028-09-30T16:30:00Z", "2028-10-07T15:30:00Z"])
        );
        // St John's, 12 March 2028: read with NST (-3:30).
        let s = schedule("America/St_Johns", Weekday::Sun, "02:30");
        assert_eq!(
            s.next_sessions(utc("2028-03-06T00:00:00Z"), 2),
            instants(&["2028-03-12T06:00:00Z", "2028-03-19T05:00:00Z"])
        );
    }

    #[test]
    fn session_in_a_repeated_hour_is_its_first_occurrence() {
        // Sundays 01:30 New York: 1 November 2026 has 01:30 twice; the first is EDT (-4).
        let s = schedule("America/New_York", Weekday::Sun, "01:30");
        assert_eq!(
            s.next_sessions(utc("2026-10-25T12:00:00Z"), 2),
            instants(&["2026-11-01T05:30:00Z", "2026-11-08T06:30:00Z"])
        );
        // London, 31 October 2027: the first 01:30 is BST (+1).
        let s = schedule("Europe/London", Weekday::Sun, "01:30");
        assert_eq!(
            s.next_sessions(utc("2027-10-25T00:00:00Z"), 2),
            instants(&["2027-10-31T00:30:00Z", "2027-11-07T01:30:00Z"])
        );
        // Sydney, 4 April 2027: the first 02:30 is AEDT (+11).
        let s = schedule("Australia/Sydney", Weekday::Sun, "02:30");
        assert_eq!(
            s.next_sessions(utc("2027-03-29T00:00:00Z"), 2),
            instants(&["2027-04-03T15:30:00Z", "2027-04-10T16:30:00Z"])
        );
        // Auckland, 2 April 2028: the first 02:30 is NZDT (+13).
        let s = schedule("Pacific/Auckland", Weekday::Sun, "02:30");
        assert_eq!(
            s.next_sessions(utc("2028-03-27T00:00:00Z"), 2),
            instants(&["2028-04-01T13:30:00Z", "2028-04-08T14:30:00Z"])
        );
    }

    #[test]
    fn lord_howe_half_hour_changes() {
        // 02:15 on 4 October 2026 falls in the 30-minute gap (02:00–02:30): +10:30 before it.
        let s = schedule("Australia/Lord_Howe", Weekday::Sun, "02:15");
        assert_eq!(
            s.next_sessions(utc("2026-09-27T00:00:00Z"), 2),
            instants(&["2026-10-03T15:45:00Z", "2026-10-10T15:15:00Z"])
        );
        // 02:15 on 5 April 2026 comes just after the repeated half hour (01:30–02:00): +10:30.
        assert_eq!(
            s.next_sessions(utc("2026-03-29T00:00:00Z"), 2),
            instants(&["2026-04-04T15:45:00Z", "2026-04-11T15:45:00Z"])
        );
        // 01:45 on 5 April 2026 happens twice; the first is +11.
        let s = schedule("Australia/Lord_Howe", Weekday::Sun, "01:45");
        assert_eq!(
            s.next_sessions(utc("2026-03-29T00:00:00Z"), 2),
            instants(&["2026-04-04T14:45:00Z", "2026-04-11T15:15:00Z"])
        );
    }

    #[test]
    fn zones_without_daylight_saving_never_move() {
        // Phoenix stays on -7 while New York changes around it.
        let s = schedule("America/Phoenix", Weekday::Mon, "18:00");
        assert_eq!(
            s.next_sessions(utc("2026-03-01T00:00:00Z"), 3),
            instants(&[
                "2026-03-03T01:00:00Z",
                "2026-03-10T01:00:00Z",
                "2026-03-17T01:00:00Z",
            ])
        );
        // Kolkata is +5:30 all year.
        let s = schedule("Asia/Kolkata", Weekday::Sat, "10:00");
        assert_eq!(
            s.next_sessions(utc("2027-10-25T00:00:00Z"), 2),
            instants(&["2027-10-30T04:30:00Z", "2027-11-06T04:30:00Z"])
        );
    }

    #[test]
    fn every_session_of_three_years_keeps_its_wall_time_unless_the_clocks_skip_it() {
        let zones = [
            "America/New_York",
            "America/Chicago",
            "America/Phoenix",
            "Europe/London",
            "Australia/Sydney",
            "Pacific/Auckland",
            "Asia/Kolkata",
            "America/St_Johns",
            "Australia/Lord_Howe",
        ];
        // Sundays, because that is when these zones change their clocks.
        for zone in zones {
            for start in [
                "00:30", "01:30", "01:45", "02:00", "02:15", "02:30", "19:00",
            ] {
                let s = schedule(zone, Weekday::Sun, start);
                let all = s.next_sessions(utc("2025-12-31T00:00:00Z"), 1000);
                // 2026–2028 has 157 Sundays.
                assert_eq!(all.len(), 157, "{zone} {start}");
                assert!(all.windows(2).all(|w| w[0] < w[1]), "{zone} {start}");
                for session in all {
                    let local = session.with_timezone(&s.zone()).naive_local();
                    let wall = local.date().and_time(time(start));
                    if local.time() != time(start) {
                        assert!(
                            matches!(s.zone().from_local_datetime(&wall), LocalResult::None),
                            "{zone} {start}: {session} shows {local} though {wall} exists"
                        );
                    }
                    if let LocalResult::Ambiguous(a, b) = s.zone().from_local_datetime(&wall) {
                        assert_eq!(session, a.min(b), "{zone} {start}: not the first {wall}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_session_that_has_started_is_not_next() {
        let s = schedule("America/Chicago", Weekday::Wed, "12:00");
        let start = utc("2026-06-03T17:00:00Z");
        assert_eq!(s.next_sessions(start, 1), vec![utc("2026-06-10T17:00:00Z")]);
        let just_before = start - Duration::seconds(1);
        assert_eq!(s.next_sessions(just_before, 1), vec![start]);
        // A reservation from a given session includes that session.
        assert_eq!(
            s.sessions_from(start, 2),
            vec![start, utc("2026-06-10T17:00:00Z")]
        );
    }

    #[test]
    fn sessions_stay_within_the_first_and_last_dates() {
        // Mondays 10:00 Phoenix from Tuesday 6 January 2026 (so the first is the 12th) to
        // Monday 2 February 2026 (inclusive).
        let s = WeeklySchedule::new(
            Weekday::Mon,
            time("10:00"),
            "America/Phoenix",
            date("2026-01-06"),
            date("2026-02-02"),
        )
        .expect("valid");
        let all = s.next_sessions(utc("2025-06-01T00:00:00Z"), 10);
        assert_eq!(
            all,
            instants(&[
                "2026-01-12T17:00:00Z",
                "2026-01-19T17:00:00Z",
                "2026-01-26T17:00:00Z",
                "2026-02-02T17:00:00Z",
            ])
        );
        assert!(s.next_sessions(utc("2026-02-02T17:00:00Z"), 4).is_empty());
        assert_eq!(s.session_on(date("2026-01-05")), None);
        assert_eq!(s.session_on(date("2026-01-13")), None);
        assert_eq!(
            s.session_on(date("2026-02-02")),
            Some(utc("2026-02-02T17:00:00Z"))
        );
    }

    #[test]
    fn the_last_date_is_read_in_the_groups_zone() {
        // Sydney Saturday 09:00 is Friday 22:00 UTC; a last date of Saturday 7 March 2026 must
        // still include that morning though it is 6 March in UTC.
        let s = WeeklySchedule::new(
            Weekday::Sat,
            time("09:00"),
            "Australia/Sydney",
            date("2026-02-28"),
            date("2026-03-07"),
        )
        .expect("valid");
        assert_eq!(
            s.next_sessions(utc("2026-02-01T00:00:00Z"), 4),
            instants(&["2026-02-27T22:00:00Z", "2026-03-06T22:00:00Z"])
        );
    }

    #[test]
    fn recognises_its_own_session_starts_only() {
        let s = schedule("America/St_Johns", Weekday::Thu, "19:00");
        // NST (-3:30) in January, NDT (-2:30) in July.
        assert!(s.is_session_start(utc("2026-01-08T22:30:00Z")));
        assert!(s.is_session_start(utc("2026-07-02T21:30:00Z")));
        assert!(!s.is_session_start(utc("2026-07-02T22:30:00Z")));
        assert!(!s.is_session_start(utc("2026-07-02T21:31:00Z")));
        assert!(!s.is_session_start(utc("2029-01-04T22:30:00Z")));
    }

    #[test]
    fn rejects_unknown_zones_and_backwards_dates() {
        let err = WeeklySchedule::new(
            Weekday::Mon,
            time("10:00"),
            "Mars/Olympus_Mons",
            date("2026-01-01"),
            date("2026-12-31"),
        );
        assert_eq!(
            err,
            Err(ScheduleError::UnknownTimeZone("Mars/Olympus_Mons".into()))
        );
        let err = WeeklySchedule::new(
            Weekday::Mon,
            time("10:00"),
            "Europe/London",
            date("2026-12-31"),
            date("2026-01-01"),
        );
        assert!(matches!(err, Err(ScheduleError::EndsBeforeStart { .. })));
    }

    #[test]
    fn every_group_in_the_seed_catalogue_has_four_coming_sessions() {
        let file: GroupCatalogueFile =
            serde_json::from_str(include_str!("../../content/groups.json"))
                .expect("content/groups.json matches the catalogue file format");
        for group in &file.groups {
            let s = WeeklySchedule::for_group(group).expect("valid schedule");
            let next = s.next_sessions(utc("2026-06-01T00:00:00Z"), 4);
            assert_eq!(next.len(), 4, "{}", group.id);
            for session in next {
                let local = session.with_timezone(&s.zone());
                assert_eq!(local.time(), group.start_time, "{}", group.id);
                assert_eq!(local.weekday(), group.weekday.into(), "{}", group.id);
            }
        }
    }
}
