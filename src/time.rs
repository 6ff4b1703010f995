//! Instants on the reader's clock, with the group's own clock beside them.
//!
//! A group meets at a fixed wall-clock time in its own IANA time zone; the API sends its session
//! instants in UTC. A reader sees each session on their own clock first — 12- or 24-hour as their
//! browser's locale prefers — and the group's local time beside it: "Tuesdays 7:00 PM your time
//! (4:00 PM in Los Angeles)".
//!
//! The wording is pure Rust ([`ReaderLocale`], [`schedule_line`], [`session_line`], …) and tested
//! natively. Converting an instant to a zone's wall clock asks the browser's
//! `Intl.DateTimeFormat`, which carries the full time-zone database, so the SPA does not ship one.

use std::{
    cell::{OnceCell, RefCell},
    collections::HashMap,
};

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Offset, Timelike, Utc};
use frontdoor_contract::Weekday;
use wasm_bindgen::{JsValue, prelude::wasm_bindgen};

/// How the reader's locale writes times and dates. Frontdoor's words are English; only the
/// clock (12 or 24 hours) and the order of month and day follow the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderLocale {
    /// "7:00 PM" rather than "19:00".
    pub hour12: bool,
    /// "Tuesday, June 2" rather than "Tuesday 2 June".
    pub month_first: bool,
}

impl Default for ReaderLocale {
    fn default() -> Self {
        Self {
            hour12: true,
            month_first: true,
        }
    }
}

impl ReaderLocale {
    /// A clock time: "7:00 PM", "12:30 AM" or "19:00", "00:30".
    pub fn time(self, time: NaiveTime) -> String {
        let (hour, minute) = (time.hour(), time.minute());
        if self.hour12 {
            let suffix = if hour < 12 { "AM" } else { "PM" };
            let hour = match hour % 12 {
                0 => 12,
                h => h,
            };
            format!("{hour}:{minute:02} {suffix}")
        } else {
            format!("{hour:02}:{minute:02}")
        }
    }

    /// A day: "Tuesday, June 2" or "Tuesday 2 June".
    pub fn day(self, date: NaiveDate) -> String {
        let weekday = weekday_name(Weekday::from(date.weekday()));
        let month = MONTHS[date.month0() as usize];
        if self.month_first {
            format!("{weekday}, {month} {}", date.day())
        } else {
            format!("{weekday} {} {month}", date.day())
        }
    }

    /// A day with its year: "Tuesday, June 2, 2026" or "Tuesday 2 June 2026".
    pub fn day_with_year(self, date: NaiveDate) -> String {
        if self.month_first {
            format!("{}, {}", self.day(date), date.year())
        } else {
            format!("{} {}", self.day(date), date.year())
        }
    }

    /// A day and time: "Tuesday, June 2 at 7:00 PM".
    pub fn day_and_time(self, moment: NaiveDateTime) -> String {
        format!(
            "{} at {}",
            self.day(moment.date()),
            self.time(moment.time())
        )
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Tuesday" for [`Weekday::Tuesday`].
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// The place a time zone is named after, as people say it: `America/Los_Angeles` →
/// "Los Angeles", `America/Argentina/Buenos_Aires` → "Buenos Aires", `Etc/UTC` → "UTC".
pub fn zone_city(zone: &str) -> String {
    let last = zone.rsplit('/').next().unwrap_or(zone);
    if last.is_empty() {
        return zone.to_owned();
    }
    last.replace('_', " ")
}

/// The same instant on two clocks: the reader's and the group's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwoClocks {
    /// Wall-clock time in the reader's zone.
    pub reader: NaiveDateTime,
    /// Wall-clock time in the group's zone.
    pub group: NaiveDateTime,
    /// The group's IANA zone.
    pub group_zone: String,
    /// Whether the reader is in the group's zone (then one clock is enough).
    pub same_zone: bool,
}

impl TwoClocks {
    fn group_side(
        &self,
        locale: ReaderLocale,
        with_weekday: fn(Weekday) -> &'static str,
    ) -> String {
        let city = zone_city(&self.group_zone);
        if self.same_zone {
            return format!("{city} time");
        }
        let time = locale.time(self.group.time());
        if self.group.date() == self.reader.date() {
            format!("{time} in {city}")
        } else {
            let day = with_weekday(Weekday::from(self.group.weekday()));
            format!("{day} {time} in {city}")
        }
    }
}

/// The weekly line of a group: "Tuesdays 7:00 PM your time (4:00 PM in Los Angeles)". When the
/// group's day differs from the reader's it is named too: "Wednesdays 12:30 AM your time
/// (Tuesdays 9:30 PM in Los Angeles)"; in the group's own zone: "Tuesdays 4:00 PM your time
/// (Los Angeles time)".
pub fn schedule_line(clocks: &TwoClocks, locale: ReaderLocale) -> String {
    let day = Weekday::from(clocks.reader.weekday()).plural();
    format!(
        "{day} {} your time ({})",
        locale.time(clocks.reader.time()),
        clocks.group_side(locale, Weekday::plural)
    )
}

/// One session: "Tuesday, June 2 at 7:00 PM your time (4:00 PM in Los Angeles)".
pub fn session_line(clocks: &TwoClocks, locale: ReaderLocale) -> String {
    format!(
        "{} your time ({})",
        locale.day_and_time(clocks.reader),
        clocks.group_side(locale, weekday_name)
    )
}

/// The group's side of a session, for a hint under the reader's: "4:00 PM in Los Angeles" or
/// "Monday 9:30 PM in Los Angeles"; "Los Angeles time" when the zones are the same.
pub fn group_side(clocks: &TwoClocks, locale: ReaderLocale) -> String {
    clocks.group_side(locale, weekday_name)
}

// ---------- The browser's clock ----------

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat(locales, options)`, which throws a `RangeError` for an unknown zone.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = DateTimeFormat)]
    fn date_time_format(
        locales: &JsValue,
        options: &JsValue,
    ) -> Result<js_sys::Intl::DateTimeFormat, JsValue>;

    /// `Intl.supportedValuesOf(key)`, missing in older browsers.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = supportedValuesOf)]
    fn supported_values_of(key: &str) -> Result<js_sys::Array, JsValue>;
}

thread_local! {
    static FORMATTERS: RefCell<HashMap<String, js_sys::Intl::DateTimeFormat>> =
        RefCell::new(HashMap::new());
    static READER_ZONE: OnceCell<Option<String>> = const { OnceCell::new() };
    static READER_LOCALE: OnceCell<ReaderLocale> = const { OnceCell::new() };
}

fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

/// A formatter that gives the numeric wall clock of `zone`, made once per zone.
fn wall_clock_formatter(zone: &str) -> Option<js_sys::Intl::DateTimeFormat> {
    FORMATTERS.with(|cache| {
        if let Some(formatter) = cache.borrow().get(zone) {
            return Some(formatter.clone());
        }
        let formatter = date_time_format(
            &JsValue::from_str("en-US"),
            &options(&[
                ("timeZone", zone),
                ("hourCycle", "h23"),
                ("year", "numeric"),
                ("month", "numeric"),
                ("day", "numeric"),
                ("hour", "numeric"),
                ("minute", "numeric"),
                ("second", "numeric"),
            ]),
        )
        .ok()?;
        cache
            .borrow_mut()
            .insert(zone.to_owned(), formatter.clone());
        Some(formatter)
    })
}

/// The wall-clock time `instant` shows in the IANA `zone`; `None` if the browser does not know
/// the zone.
pub fn wall_clock(instant: DateTime<Utc>, zone: &str) -> Option<NaiveDateTime> {
    let formatter = wall_clock_formatter(zone)?;
    let date = js_sys::Date::new(&JsValue::from_f64(instant.timestamp_millis() as f64));
    let parts = formatter.format_to_parts(&date);
    let mut fields = [0u32; 6];
    for part in parts.iter() {
        let kind = js_sys::Reflect::get(&part, &"type".into())
            .ok()?
            .as_string()?;
        let value = js_sys::Reflect::get(&part, &"value".into())
            .ok()?
            .as_string()?;
        let slot = match kind.as_str() {
            "year" => 0,
            "month" => 1,
            "day" => 2,
            "hour" => 3,
            "minute" => 4,
            "second" => 5,
            _ => continue,
        };
        fields[slot] = value.parse().ok()?;
    }
    let [year, month, day, hour, minute, second] = fields;
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    // Some engines write midnight as hour 24 even with `h23`.
    date.and_hms_opt(hour % 24, minute, second)
}

/// The offset from UTC of `zone` at `instant`, in seconds (e.g. −25 200 for Los Angeles in
/// summer).
pub fn offset_seconds(instant: DateTime<Utc>, zone: &str) -> Option<i32> {
    let local = wall_clock(instant, zone)?;
    let utc = instant.naive_utc().with_nanosecond(0)?;
    i32::try_from((local - utc).num_seconds()).ok()
}

/// The current instant, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The reader's IANA time zone as the browser reports it, e.g. `Europe/London`.
pub fn reader_time_zone() -> Option<String> {
    READER_ZONE.with(|zone| zone.get_or_init(detect_reader_time_zone).clone())
}

fn detect_reader_time_zone() -> Option<String> {
    let formatter = date_time_format(&JsValue::UNDEFINED, &JsValue::UNDEFINED).ok()?;
    let resolved = formatter.resolved_options();
    js_sys::Reflect::get(&resolved, &"timeZone".into())
        .ok()?
        .as_string()
        .filter(|zone| !zone.is_empty())
}

/// The reader's zone, or UTC when the browser does not say.
pub fn reader_zone_or_utc() -> String {
    reader_time_zone().unwrap_or_else(|| "UTC".to_owned())
}

/// How the reader's browser locale writes times and dates.
pub fn reader_locale() -> ReaderLocale {
    READER_LOCALE.with(|locale| *locale.get_or_init(detect_reader_locale))
}

fn detect_reader_locale() -> ReaderLocale {
    let mut locale = ReaderLocale::default();
    if let Ok(formatter) = date_time_format(&JsValue::UNDEFINED, &options(&[("hour", "numeric")])) {
        let resolved = formatter.resolved_options();
        if let Some(cycle) = js_sys::Reflect::get(&resolved, &"hourCycle".into())
            .ok()
            .and_then(|value| value.as_string())
        {
            locale.hour12 = matches!(cycle.as_str(), "h11" | "h12");
        }
    }
    if let Ok(formatter) = date_time_format(
        &JsValue::UNDEFINED,
        &options(&[("month", "numeric"), ("day", "numeric")]),
    ) {
        let parts = formatter.format_to_parts(&js_sys::Date::new_0());
        let first = parts.iter().find_map(|part| {
            let kind = js_sys::Reflect::get(&part, &"type".into())
                .ok()?
                .as_string()?;
            matches!(kind.as_str(), "month" | "day").then_some(kind)
        });
        locale.month_first = first.as_deref() != Some("day");
    }
    locale
}

/// Every IANA zone the browser knows, sorted; the reader's own is always included.
pub fn known_time_zones() -> Vec<String> {
    let mut zones: Vec<String> = supported_values_of("timeZone")
        .map(|list| list.iter().filter_map(|zone| zone.as_string()).collect())
        .unwrap_or_default();
    if let Some(own) = reader_time_zone()
        && !zones.contains(&own)
    {
        zones.push(own);
    }
    if !zones.iter().any(|zone| zone == "UTC") {
        zones.push("UTC".to_owned());
    }
    zones.sort();
    zones
}

/// Whether the browser recognises `zone` as an IANA time zone.
pub fn is_known_zone(zone: &str) -> bool {
    !zone.trim().is_empty() && wall_clock_formatter(zone).is_some()
}

/// `instant` on the reader's clock (the browser's zone) and on the group's.
pub fn two_clocks(instant: DateTime<Utc>, group_zone: &str) -> TwoClocks {
    two_clocks_in(instant, &reader_zone_or_utc(), group_zone)
}

/// `instant` on the clock of `reader_zone` and on the group's.
pub fn two_clocks_in(instant: DateTime<Utc>, reader_zone: &str, group_zone: &str) -> TwoClocks {
    let fallback = instant.naive_utc();
    let reader = wall_clock(instant, reader_zone).unwrap_or(fallback);
    let group = wall_clock(instant, group_zone).unwrap_or(fallback);
    TwoClocks {
        reader,
        group,
        group_zone: group_zone.to_owned(),
        same_zone: reader_zone == group_zone,
    }
}

/// The reader's own zone, for the catalogue's day and time-of-day filters.
#[derive(Debug, Clone)]
pub struct BrowserZone {
    zone: String,
}

impl BrowserZone {
    /// The zone the browser reports.
    pub fn current() -> Self {
        Self {
            zone: reader_zone_or_utc(),
        }
    }
}

impl crate::features::groups::filters::ReaderZone for BrowserZone {
    fn offset_at(&self, instant: DateTime<Utc>) -> chrono::FixedOffset {
        offset_seconds(instant, &self.zone)
            .and_then(chrono::FixedOffset::east_opt)
            .unwrap_or(Utc.fix())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(date: &str, time: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(&format!("{date} {time}"), "%Y-%m-%d %H:%M").unwrap()
    }

    const US: ReaderLocale = ReaderLocale {
        hour12: true,
        month_first: true,
    };
    const UK: ReaderLocale = ReaderLocale {
        hour12: false,
        month_first: false,
    };

    #[test]
    fn clock_times_follow_the_locales_hour_cycle() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(US.time(t(19, 0)), "7:00 PM");
        assert_eq!(US.time(t(0, 30)), "12:30 AM");
        assert_eq!(US.time(t(12, 5)), "12:05 PM");
        assert_eq!(UK.time(t(19, 0)), "19:00");
        assert_eq!(UK.time(t(7, 5)), "07:05");
    }

    #[test]
    fn days_follow_the_locales_order() {
        let date = NaiveDate::from_ymd_opt(2026, 6, 2).unwrap();
        assert_eq!(US.day(date), "Tuesday, June 2");
        assert_eq!(UK.day(date), "Tuesday 2 June");
        assert_eq!(US.day_with_year(date), "Tuesday, June 2, 2026");
        assert_eq!(UK.day_with_year(date), "Tuesday 2 June 2026");
        assert_eq!(
            US.day_and_time(at("2026-06-02", "19:00")),
            "Tuesday, June 2 at 7:00 PM"
        );
    }

    #[test]
    fn zones_are_named_after_their_city() {
        assert_eq!(zone_city("America/Los_Angeles"), "Los Angeles");
        assert_eq!(zone_city("America/Argentina/Buenos_Aires"), "Buenos Aires");
        assert_eq!(zone_city("Etc/UTC"), "UTC");
        assert_eq!(zone_city("UTC"), "UTC");
        assert_eq!(zone_city("Australia/Lord_Howe"), "Lord Howe");
    }

    fn clocks(reader: NaiveDateTime, group: NaiveDateTime, zone: &str) -> TwoClocks {
        TwoClocks {
            reader,
            group,
            group_zone: zone.into(),
            same_zone: false,
        }
    }

    #[test]
    fn the_weekly_line_puts_the_readers_clock_first() {
        // 19:00 in New York is 16:00 in Los Angeles.
        let c = clocks(
            at("2026-06-02", "19:00"),
            at("2026-06-02", "16:00"),
            "America/Los_Angeles",
        );
        assert_eq!(
            schedule_line(&c, US),
            "Tuesdays 7:00 PM your time (4:00 PM in Los Angeles)"
        );
        assert_eq!(
            schedule_line(&c, UK),
            "Tuesdays 19:00 your time (16:00 in Los Angeles)"
        );
        assert_eq!(
            session_line(&c, US),
            "Tuesday, June 2 at 7:00 PM your time (4:00 PM in Los Angeles)"
        );
    }

    #[test]
    fn a_different_day_on_the_groups_clock_is_named() {
        // 21:30 Tuesday in Los Angeles is 05:30 Wednesday in London.
        let c = clocks(
            at("2026-06-03", "05:30"),
            at("2026-06-02", "21:30"),
            "America/Los_Angeles",
        );
        assert_eq!(
            schedule_line(&c, UK),
            "Wednesdays 05:30 your time (Tuesdays 21:30 in Los Angeles)"
        );
        assert_eq!(
            session_line(&c, UK),
            "Wednesday 3 June at 05:30 your time (Tuesday 21:30 in Los Angeles)"
        );
        assert_eq!(group_side(&c, US), "Tuesday 9:30 PM in Los Angeles");
    }

    #[test]
    fn one_clock_is_enough_in_the_groups_own_zone() {
        let mut c = clocks(
            at("2026-06-02", "16:00"),
            at("2026-06-02", "16:00"),
            "America/Phoenix",
        );
        c.same_zone = true;
        assert_eq!(
            schedule_line(&c, US),
            "Tuesdays 4:00 PM your time (Phoenix time)"
        );
    }
}
