//! A group's times as the reader sees them: on their own clock first, the group's beside it.
//! The phrasing lives in [`crate::time`]; this module picks the instants.

use chrono::{DateTime, Utc};
use frontdoor_contract::Group;

use crate::time;

/// "Tuesdays 7:00 PM your time (4:00 PM in Los Angeles)", from the group's next session; for a
/// group with no session ahead, its own weekly time: "Tuesdays 4:00 PM Los Angeles time".
pub fn weekly_text(group: &Group) -> String {
    let locale = time::reader_locale();
    match group.next_sessions.first() {
        Some(&next) => time::schedule_line(&time::two_clocks(next, &group.time_zone), locale),
        None => format!(
            "{} {} {} time",
            group.weekday.plural(),
            locale.time(group.start_time),
            time::zone_city(&group.time_zone)
        ),
    }
}

/// The date of the next session on the reader's clock, e.g. "Tuesday, June 2".
pub fn next_session_text(group: &Group) -> Option<String> {
    let next = *group.next_sessions.first()?;
    let clocks = time::two_clocks(next, &group.time_zone);
    Some(time::reader_locale().day(clocks.reader.date()))
}

/// One session: "Tuesday, June 2 at 7:00 PM your time (4:00 PM in Los Angeles)".
pub fn session_text(instant: DateTime<Utc>, group_zone: &str) -> String {
    time::session_line(
        &time::two_clocks(instant, group_zone),
        time::reader_locale(),
    )
}

/// One session on the clock of `reader_zone` (a zone the person chose), with the group's beside.
pub fn session_text_in(instant: DateTime<Utc>, reader_zone: &str, group_zone: &str) -> String {
    time::session_line(
        &time::two_clocks_in(instant, reader_zone, group_zone),
        time::reader_locale(),
    )
}
