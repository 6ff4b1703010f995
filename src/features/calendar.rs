//! "Add to calendar": an iCalendar file (RFC 5545) for a weekly group session.
//!
//! The event repeats weekly (`RRULE:FREQ=WEEKLY`) at the group's own wall-clock time in its own
//! IANA zone (`DTSTART;TZID=America/New_York:…`), so a calendar keeps it at 7:00 PM New York time
//! across daylight-saving changes and shows it on the reader's clock. The file carries a
//! `VTIMEZONE` for that zone, worked out from the zone's offsets over the coming two years
//! ([`infer_zone_rules`]): yearly rules such as "second Sunday of March at 2:00" when the
//! transitions follow one, explicit dates otherwise.
//!
//! Pure Rust with native tests; the browser supplies the offsets (`crate::time`).

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Utc, Weekday};

/// One weekly group, as a calendar event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeeklyEvent {
    /// Globally unique id, e.g. `FD-7KQ3-M9XA@northlight`.
    pub uid: String,
    /// The event's title, e.g. the group's name.
    pub summary: String,
    /// A few lines about the event.
    pub description: String,
    /// The group's IANA time zone.
    pub zone: String,
    /// The first session's start on the group's wall clock.
    pub first_start: NaiveDateTime,
    /// How long each session lasts.
    pub duration_minutes: u16,
    /// When the file was made.
    pub stamp: DateTime<Utc>,
    /// Who publishes it, e.g. the practice's name (goes into `PRODID`).
    pub publisher: String,
}

/// Whether an observance is a zone's winter or summer time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObservanceKind {
    /// Standard (winter) time, or the only time of a zone without daylight saving.
    Standard,
    /// Daylight-saving (summer) time.
    Daylight,
}

/// "The `week`th `weekday` of `month`"; week −1 is the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearlyRule {
    /// 1–12.
    pub month: u32,
    /// 1–4, or −1 for the last.
    pub week: i8,
    /// The day of the week.
    pub weekday: Weekday,
}

impl YearlyRule {
    /// The date this rule falls on in `year`.
    pub fn date_in(self, year: i32) -> Option<NaiveDate> {
        if self.week > 0 {
            NaiveDate::from_weekday_of_month_opt(year, self.month, self.weekday, self.week as u8)
        } else {
            let (next_year, next_month) = if self.month == 12 {
                (year + 1, 1)
            } else {
                (year, self.month + 1)
            };
            let mut day = NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()?;
            while day.weekday() != self.weekday {
                day = day.pred_opt()?;
            }
            Some(day)
        }
    }
}

/// One `STANDARD` or `DAYLIGHT` block of a `VTIMEZONE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observance {
    /// Winter or summer time.
    pub kind: ObservanceKind,
    /// UTC offset before the change, in seconds.
    pub offset_from: i32,
    /// UTC offset after the change, in seconds.
    pub offset_to: i32,
    /// When it first starts, on the clock before the change.
    pub start: NaiveDateTime,
    /// How it repeats each year; `None` for a one-off change.
    pub rule: Option<YearlyRule>,
}

/// The observances of one zone, enough to place the coming sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneRules {
    /// In the order they are written.
    pub observances: Vec<Observance>,
}

/// A change of a zone's UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Transition {
    at: DateTime<Utc>,
    from: i32,
    to: i32,
}

impl Transition {
    /// The wall-clock time of the change, on the clock before it.
    fn local_onset(self) -> NaiveDateTime {
        (self.at + Duration::seconds(i64::from(self.from))).naive_utc()
    }

    fn kind(self) -> ObservanceKind {
        if self.to > self.from {
            ObservanceKind::Daylight
        } else {
            ObservanceKind::Standard
        }
    }
}

/// How far ahead [`infer_zone_rules`] looks for offset changes.
const SCAN_DAYS: i64 = 731;

/// Works out a zone's observances from its UTC offset (in seconds) at any instant, scanning two
/// years from `from`. `None` when the offset cannot be read.
pub fn infer_zone_rules(
    from: DateTime<Utc>,
    offset_at: impl Fn(DateTime<Utc>) -> Option<i32>,
) -> Option<ZoneRules> {
    let start = from - Duration::days(1);
    let first_offset = offset_at(start)?;
    let mut transitions = Vec::new();
    let mut previous = (start, first_offset);
    for day in 1..=SCAN_DAYS {
        let at = start + Duration::days(day);
        let offset = offset_at(at)?;
        if offset != previous.1 {
            transitions.push(find_transition(
                previous.0, at, previous.1, offset, &offset_at,
            )?);
        }
        previous = (at, offset);
    }
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?.and_hms_opt(0, 0, 0)?;
    let Some(first) = transitions.first().copied() else {
        return Some(ZoneRules {
            observances: vec![Observance {
                kind: ObservanceKind::Standard,
                offset_from: first_offset,
                offset_to: first_offset,
                start: epoch,
                rule: None,
            }],
        });
    };
    let mut observances = Vec::new();
    let mut yearly = true;
    for kind in [ObservanceKind::Daylight, ObservanceKind::Standard] {
        let of_kind: Vec<Transition> = transitions
            .iter()
            .copied()
            .filter(|t| t.kind() == kind)
            .collect();
        match yearly_rule(&of_kind) {
            Some((rule, template)) => {
                let onset = template.local_onset();
                observances.push(Observance {
                    kind,
                    offset_from: template.from,
                    offset_to: template.to,
                    start: rule.date_in(1970)?.and_time(onset.time()),
                    rule: Some(rule),
                });
            }
            None => yearly = false,
        }
    }
    if yearly {
        return Some(ZoneRules { observances });
    }
    // No yearly pattern: the changes seen, one by one, after the time in force before them.
    let mut observances = vec![Observance {
        kind: match first.kind() {
            ObservanceKind::Daylight => ObservanceKind::Standard,
            ObservanceKind::Standard => ObservanceKind::Daylight,
        },
        offset_from: first.from,
        offset_to: first.from,
        start: epoch,
        rule: None,
    }];
    observances.extend(transitions.iter().map(|t| Observance {
        kind: t.kind(),
        offset_from: t.from,
        offset_to: t.to,
        start: t.local_onset(),
        rule: None,
    }));
    Some(ZoneRules { observances })
}

/// Narrows a change known to lie in `(before, after]` to the minute.
fn find_transition(
    mut before: DateTime<Utc>,
    mut after: DateTime<Utc>,
    from: i32,
    to: i32,
    offset_at: &impl Fn(DateTime<Utc>) -> Option<i32>,
) -> Option<Transition> {
    while after - before > Duration::minutes(1) {
        let middle = before + (after - before) / 2;
        if offset_at(middle)? == from {
            before = middle;
        } else {
            after = middle;
        }
    }
    // Offsets change on a whole minute.
    let at = after.with_second(0)?.with_nanosecond(0)?;
    let at = if offset_at(at)? == to {
        at
    } else {
        at + Duration::minutes(1)
    };
    Some(Transition { at, from, to })
}

/// The rule every one of `transitions` follows (same month, weekday, week, time and offsets),
/// with one of them as a template; needs at least two to be sure.
fn yearly_rule(transitions: &[Transition]) -> Option<(YearlyRule, Transition)> {
    let template = *transitions.first()?;
    if transitions.len() < 2 {
        return None;
    }
    let onset = template.local_onset();
    let weekday = onset.weekday();
    let month = onset.month();
    let all_alike = transitions.iter().all(|t| {
        let o = t.local_onset();
        o.month() == month
            && o.weekday() == weekday
            && o.time() == onset.time()
            && t.from == template.from
            && t.to == template.to
    });
    if !all_alike {
        return None;
    }
    let in_last_week = |date: NaiveDate| {
        date.checked_add_signed(Duration::days(7))
            .is_none_or(|later| later.month() != date.month())
    };
    let week_of = |date: NaiveDate| ((date.day() - 1) / 7 + 1) as i8;
    let dates: Vec<NaiveDate> = transitions.iter().map(|t| t.local_onset().date()).collect();
    // "Last Sunday" is far more common than "fourth Sunday", so it wins when both fit.
    let week = if dates.iter().all(|&d| in_last_week(d)) {
        -1
    } else {
        let week = week_of(dates[0]);
        if week > 4 || dates.iter().any(|&d| week_of(d) != week) {
            return None;
        }
        week
    };
    Some((
        YearlyRule {
            month,
            week,
            weekday,
        },
        template,
    ))
}

/// The `.ics` text for `event`: CRLF line ends, lines folded at 75 octets. With `rules` the file
/// carries the zone's `VTIMEZONE`; without, the `TZID` names the IANA zone alone, which calendar
/// apps look up in their own database.
pub fn weekly_event_ics(event: &WeeklyEvent, rules: Option<&ZoneRules>) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!("PRODID:-//{}//Frontdoor//EN", escape(&event.publisher)),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    if let Some(rules) = rules {
        lines.push("BEGIN:VTIMEZONE".into());
        lines.push(format!("TZID:{}", event.zone));
        for observance in &rules.observances {
            let name = match observance.kind {
                ObservanceKind::Standard => "STANDARD",
                ObservanceKind::Daylight => "DAYLIGHT",
            };
            lines.push(format!("BEGIN:{name}"));
            lines.push(format!("DTSTART:{}", local_stamp(observance.start)));
            lines.push(format!(
                "TZOFFSETFROM:{}",
                utc_offset(observance.offset_from)
            ));
            lines.push(format!("TZOFFSETTO:{}", utc_offset(observance.offset_to)));
            if let Some(rule) = observance.rule {
                lines.push(format!(
                    "RRULE:FREQ=YEARLY;BYMONTH={};BYDAY={}{}",
                    rule.month,
                    rule.week,
                    ical_weekday(rule.weekday)
                ));
            }
            lines.push(format!("END:{name}"));
        }
        lines.push("END:VTIMEZONE".into());
    }
    lines.extend([
        "BEGIN:VEVENT".into(),
        format!("UID:{}", escape(&event.uid)),
        format!("DTSTAMP:{}", event.stamp.format("%Y%m%dT%H%M%SZ")),
        format!(
            "DTSTART;TZID={}:{}",
            event.zone,
            local_stamp(event.first_start)
        ),
        format!("DURATION:PT{}M", event.duration_minutes),
        format!(
            "RRULE:FREQ=WEEKLY;BYDAY={}",
            ical_weekday(event.first_start.weekday())
        ),
        format!("SUMMARY:{}", escape(&event.summary)),
        format!("DESCRIPTION:{}", escape(&event.description)),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ]);
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
        out.push_str("\r\n");
    }
    out
}

/// One event at a fixed instant, such as a call with a care coordinator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneOffEvent {
    /// Globally unique id, e.g. `FC-7KQ3-M9XA@northlight`.
    pub uid: String,
    /// The event's title.
    pub summary: String,
    /// A few lines about the event.
    pub description: String,
    /// When it begins.
    pub start: DateTime<Utc>,
    /// When it ends.
    pub end: DateTime<Utc>,
    /// When the file was made.
    pub stamp: DateTime<Utc>,
    /// Who publishes it (goes into `PRODID`).
    pub publisher: String,
}

/// The `.ics` text for a one-off `event`. Its times are UTC instants (`…Z`), which every
/// calendar shows on its owner's clock, so no `VTIMEZONE` is needed.
pub fn one_off_event_ics(event: &OneOffEvent) -> String {
    let utc = |at: DateTime<Utc>| at.format("%Y%m%dT%H%M%SZ").to_string();
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!("PRODID:-//{}//Frontdoor//EN", escape(&event.publisher)),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape(&event.uid)),
        format!("DTSTAMP:{}", utc(event.stamp)),
        format!("DTSTART:{}", utc(event.start)),
        format!("DTEND:{}", utc(event.end)),
        format!("SUMMARY:{}", escape(&event.summary)),
        format!("DESCRIPTION:{}", escape(&event.description)),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod one_off_tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_one_off_event_is_written_in_utc_with_escaped_text() {
        let start = Utc.with_ymd_and_hms(2026, 12, 2, 15, 30, 0).unwrap();
        let ics = one_off_event_ics(&OneOffEvent {
            uid: "FC-7KQ3-M9XA@northlight".into(),
            summary: "Call with a care coordinator".into(),
            description: "Reference: FC-7KQ3-M9XA\nVideo call; link by email".into(),
            start,
            end: start + Duration::minutes(30),
            stamp: Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap(),
            publisher: "Northlight Online Therapy".into(),
        });
        assert!(
            ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
            "{ics}"
        );
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for line in [
            "UID:FC-7KQ3-M9XA@northlight",
            "DTSTAMP:20261127T090000Z",
            "DTSTART:20261202T153000Z",
            "DTEND:20261202T160000Z",
            "SUMMARY:Call with a care coordinator",
            "DESCRIPTION:Reference: FC-7KQ3-M9XA\\nVideo call\\; link by email",
        ] {
            assert!(
                ics.contains(&format!("{line}\r\n")),
                "missing {line} in\n{ics}"
            );
        }
        assert!(!ics.contains("RRULE"), "a one-off event does not repeat");
    }
}

/// `20260602T190000`.
fn local_stamp(moment: NaiveDateTime) -> String {
    moment.format("%Y%m%dT%H%M%S").to_string()
}

/// `-0500`, `+0530`, `+1030`; seconds only when there are any.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let total = seconds.unsigned_abs();
    let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60);
    if secs == 0 {
        format!("{sign}{hours:02}{minutes:02}")
    } else {
        format!("{sign}{hours:02}{minutes:02}{secs:02}")
    }
}

fn ical_weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line into pieces of at most 75 octets, never inside a character; each
/// continuation starts with one space.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveTime, TimeZone};

    /// A zone with the United States' rules since 2007: standard `std` hours, one hour more
    /// from the second Sunday of March at 2:00 to the first Sunday of November at 2:00.
    fn us_zone(std_hours: i32) -> impl Fn(DateTime<Utc>) -> Option<i32> {
        move |at: DateTime<Utc>| {
            let std = std_hours * 3600;
            let year = at.year();
            let local_std = (at + Duration::seconds(i64::from(std))).naive_utc();
            let start = NaiveDate::from_weekday_of_month_opt(year, 3, Weekday::Sun, 2)?
                .and_hms_opt(2, 0, 0)?;
            // Ends at 2:00 daylight time = 1:00 standard time.
            let end = NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Sun, 1)?
                .and_hms_opt(1, 0, 0)?;
            Some(if local_std >= start && local_std < end {
                std + 3600
            } else {
                std
            })
        }
    }

    /// Sydney: +10, +11 from the first Sunday of October at 2:00 standard time to the first
    /// Sunday of April at 3:00 daylight time (2:00 standard).
    fn sydney(at: DateTime<Utc>) -> Option<i32> {
        let local_std = (at + Duration::hours(10)).naive_utc();
        let year = local_std.year();
        let ends =
            NaiveDate::from_weekday_of_month_opt(year, 4, Weekday::Sun, 1)?.and_hms_opt(2, 0, 0)?;
        let starts = NaiveDate::from_weekday_of_month_opt(year, 10, Weekday::Sun, 1)?
            .and_hms_opt(2, 0, 0)?;
        Some(if local_std < ends || local_std >= starts {
            11 * 3600
        } else {
            10 * 3600
        })
    }

    /// London: 0, +1 from the last Sunday of March to the last Sunday of October, 1:00 UTC.
    fn london(at: DateTime<Utc>) -> Option<i32> {
        let last_sunday = |month| {
            YearlyRule {
                month,
                week: -1,
                weekday: Weekday::Sun,
            }
            .date_in(at.year())
        };
        let starts = Utc.from_utc_datetime(&last_sunday(3)?.and_hms_opt(1, 0, 0)?);
        let ends = Utc.from_utc_datetime(&last_sunday(10)?.and_hms_opt(1, 0, 0)?);
        Some(if at >= starts && at < ends { 3600 } else { 0 })
    }

    fn june_2026() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap()
    }

    #[test]
    fn new_york_gets_the_united_states_yearly_rules() {
        let rules = infer_zone_rules(june_2026(), us_zone(-5)).unwrap();
        assert_eq!(
            rules.observances,
            vec![
                Observance {
                    kind: ObservanceKind::Daylight,
                    offset_from: -5 * 3600,
                    offset_to: -4 * 3600,
                    start: NaiveDate::from_ymd_opt(1970, 3, 8)
                        .unwrap()
                        .and_hms_opt(2, 0, 0)
                        .unwrap(),
                    rule: Some(YearlyRule {
                        month: 3,
                        week: 2,
                        weekday: Weekday::Sun
                    }),
                },
                Observance {
                    kind: ObservanceKind::Standard,
                    offset_from: -4 * 3600,
                    offset_to: -5 * 3600,
                    start: NaiveDate::from_ymd_opt(1970, 11, 1)
                        .unwrap()
                        .and_hms_opt(2, 0, 0)
                        .unwrap(),
                    rule: Some(YearlyRule {
                        month: 11,
                        week: 1,
                        weekday: Weekday::Sun
                    }),
                },
            ]
        );
    }

    #[test]
    fn phoenix_has_one_standard_time() {
        let rules = infer_zone_rules(june_2026(), |_| Some(-7 * 3600)).unwrap();
        assert_eq!(rules.observances.len(), 1);
        let only = &rules.observances[0];
        assert_eq!(only.kind, ObservanceKind::Standard);
        assert_eq!((only.offset_from, only.offset_to), (-7 * 3600, -7 * 3600));
        assert_eq!(only.rule, None);
    }

    #[test]
    fn southern_and_last_sunday_rules_are_recognised() {
        let sydney = infer_zone_rules(june_2026(), sydney).unwrap();
        let daylight = &sydney.observances[0];
        assert_eq!(daylight.kind, ObservanceKind::Daylight);
        assert_eq!(
            daylight.rule,
            Some(YearlyRule {
                month: 10,
                week: 1,
                weekday: Weekday::Sun
            })
        );
        assert_eq!(
            daylight.start.time(),
            NaiveTime::from_hms_opt(2, 0, 0).unwrap()
        );
        let standard = &sydney.observances[1];
        assert_eq!(standard.rule.map(|r| r.month), Some(4));
        // The clocks go back at 3:00 daylight time.
        assert_eq!(
            standard.start.time(),
            NaiveTime::from_hms_opt(3, 0, 0).unwrap()
        );

        let london = infer_zone_rules(june_2026(), london).unwrap();
        assert!(
            london.observances.iter().all(|o| o
                .rule
                .is_some_and(|r| r.week == -1 && r.weekday == Weekday::Sun)),
            "{london:?}"
        );
    }

    #[test]
    fn a_one_off_change_is_written_as_explicit_dates() {
        // A zone that leaves daylight saving for good on 2026-10-25.
        let change = Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap();
        let rules =
            infer_zone_rules(june_2026(), |at| Some(if at < change { 3600 } else { 0 })).unwrap();
        assert_eq!(rules.observances.len(), 2);
        assert_eq!(rules.observances[0].offset_to, 3600);
        assert_eq!(
            rules.observances[1].start,
            NaiveDate::from_ymd_opt(2026, 10, 25)
                .unwrap()
                .and_hms_opt(2, 0, 0)
                .unwrap()
        );
        assert!(rules.observances.iter().all(|o| o.rule.is_none()));
    }

    #[test]
    fn half_hour_offsets_and_changes_are_kept_exactly() {
        assert_eq!(utc_offset(-5 * 3600), "-0500");
        assert_eq!(utc_offset(19_800), "+0530");
        assert_eq!(utc_offset(37_800), "+1030");
        assert_eq!(utc_offset(-12_600), "-0330");
        assert_eq!(utc_offset(0), "+0000");
        // Lord Howe: +10:30 standard, +11 in summer (first Sunday of October at 2:00).
        let lord_howe = |at: DateTime<Utc>| {
            let local = (at + Duration::minutes(630)).naive_utc();
            let starts = NaiveDate::from_weekday_of_month_opt(local.year(), 10, Weekday::Sun, 1)?
                .and_hms_opt(2, 0, 0)?;
            let ends = NaiveDate::from_weekday_of_month_opt(local.year(), 4, Weekday::Sun, 1)?
                .and_hms_opt(1, 30, 0)?;
            Some(if local >= starts || local < ends {
                39_600
            } else {
                37_800
            })
        };
        let rules = infer_zone_rules(june_2026(), lord_howe).unwrap();
        assert_eq!(rules.observances[0].offset_from, 37_800);
        assert_eq!(rules.observances[0].offset_to, 39_600);
        assert_eq!(
            rules.observances[1].start.time(),
            NaiveTime::from_hms_opt(2, 0, 0).unwrap()
        );
    }

    fn event() -> WeeklyEvent {
        WeeklyEvent {
            uid: "FD-7KQ3-M9XA@northlight".into(),
            summary: "Grief & Loss Support Circle".into(),
            description: "Weekly online group, led by Dr. Ana Ruiz, PsyD.\nReference: FD-7KQ3-M9XA"
                .into(),
            zone: "America/New_York".into(),
            first_start: NaiveDate::from_ymd_opt(2026, 6, 2)
                .unwrap()
                .and_hms_opt(19, 0, 0)
                .unwrap(),
            duration_minutes: 60,
            stamp: Utc.with_ymd_and_hms(2026, 5, 27, 12, 30, 0).unwrap(),
            publisher: "Northlight Online Therapy".into(),
        }
    }

    #[test]
    fn the_event_repeats_weekly_at_the_groups_wall_clock_time() {
        let rules = infer_zone_rules(june_2026(), us_zone(-5)).unwrap();
        let ics = weekly_event_ics(&event(), Some(&rules));
        assert!(
            ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
            "{ics}"
        );
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for line in [
            "TZID:America/New_York",
            "BEGIN:DAYLIGHT",
            "DTSTART:19700308T020000",
            "TZOFFSETFROM:-0500",
            "TZOFFSETTO:-0400",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
            "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
            "DTSTART;TZID=America/New_York:20260602T190000",
            "DURATION:PT60M",
            "RRULE:FREQ=WEEKLY;BYDAY=TU",
            "DTSTAMP:20260527T123000Z",
            "UID:FD-7KQ3-M9XA@northlight",
            "SUMMARY:Grief & Loss Support Circle",
        ] {
            assert!(
                ics.contains(&format!("{line}\r\n")),
                "missing {line} in\n{ics}"
            );
        }
        // The zone is described before the event that refers to it.
        assert!(ics.find("END:VTIMEZONE").unwrap() < ics.find("BEGIN:VEVENT").unwrap());
        assert!(!ics.replace("\r\n", "").contains('\n'), "bare line feeds");
    }

    #[test]
    fn text_is_escaped_and_long_lines_are_folded() {
        let mut event = event();
        event.description = "Bring water, a notebook; and \\ patience.\nSee you there".into();
        event.summary = "Ünïcödé ".repeat(12);
        let ics = weekly_event_ics(&event, None);
        assert!(ics.contains(
            "DESCRIPTION:Bring water\\, a notebook\\; and \\\\ patience.\\nSee you there"
        ));
        assert!(!ics.contains("BEGIN:VTIMEZONE"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}", "Ünïcödé ".repeat(12))));
    }

    #[test]
    fn yearly_rules_find_last_and_numbered_weekdays() {
        let last_sunday_of_march = YearlyRule {
            month: 3,
            week: -1,
            weekday: Weekday::Sun,
        };
        assert_eq!(
            last_sunday_of_march.date_in(2026),
            NaiveDate::from_ymd_opt(2026, 3, 29)
        );
        assert_eq!(
            last_sunday_of_march.date_in(2027),
            NaiveDate::from_ymd_opt(2027, 3, 28)
        );
        let last_of_december = YearlyRule {
            month: 12,
            week: -1,
            weekday: Weekday::Fri,
        };
        assert_eq!(
            last_of_december.date_in(2026),
            NaiveDate::from_ymd_opt(2026, 12, 25)
        );
    }
}
