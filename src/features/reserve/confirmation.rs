//! The end of the reservation: the reference, the dates on both clocks, "Add to calendar" and
//! the private link to view or cancel.

use frontdoor_contract::Group;
use leptos::prelude::*;

use super::{CONFIRMED, ConfirmedReservation, manage_path};
use crate::{
    components::{PageHeading, PageMeta},
    config::use_config,
    features::{
        calendar::{WeeklyEvent, infer_zone_rules, weekly_event_ics},
        groups::{
            result_card::group_path, session_times::session_text_in, wording::therapist_text,
        },
    },
    time::{self, weekday_name, zone_city},
};

/// The confirmation of the reservation just made in `group`, as kept for this tab.
#[component]
pub fn ConfirmationStep(
    /// The group reserved.
    group: Group,
) -> impl IntoView {
    match CONFIRMED
        .load()
        .filter(|confirmed| confirmed.confirmation.group_id == group.id)
    {
        Some(confirmed) => view! { <Confirmation group confirmed /> }.into_any(),
        None => view! {
            <PageMeta page="No reservation to show" description="There is no reservation to show here." />
            <PageHeading>"No reservation to show"</PageHeading>
            <p class="lede">
                "There is no reservation for this group in this browser tab. If you reserved a seat, open the link from your confirmation to see it."
            </p>
            <p>
                <a href=group_path(&group.id)>"Go to the group"</a>
            </p>
        }
        .into_any(),
    }
}

/// The `.ics` file for a confirmed reservation.
pub fn calendar_file(group: &Group, confirmed: &ConfirmedReservation, practice: &str) -> String {
    let confirmation = &confirmed.confirmation;
    let first_start = time::wall_clock(confirmation.first_session, &group.time_zone)
        .unwrap_or_else(|| confirmation.first_session.naive_utc());
    let rules = infer_zone_rules(confirmation.first_session, |at| {
        time::offset_seconds(at, &group.time_zone)
    });
    let event = WeeklyEvent {
        uid: format!("{}@frontdoor", confirmation.reference),
        summary: group.title.clone(),
        description: format!(
            "Weekly online group with {practice}, led by {}.\nReference: {}",
            therapist_text(&group.therapist),
            confirmation.reference
        ),
        zone: group.time_zone.clone(),
        first_start,
        duration_minutes: group.duration_minutes,
        stamp: time::now(),
        publisher: practice.to_owned(),
    };
    weekly_event_ics(&event, rules.as_ref())
}

/// A `blob:` URL holding `text` as `media_type`, released when the current owner is cleaned up.
fn object_url(text: &str, media_type: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let release = url.clone();
    on_cleanup(move || {
        let _ = web_sys::Url::revoke_object_url(&release);
    });
    Some(url)
}

#[component]
fn Confirmation(group: Group, confirmed: ConfirmedReservation) -> impl IntoView {
    let practice = use_config().practice_name;
    let confirmation = confirmed.confirmation.clone();
    let zone = confirmed.time_zone.clone();
    let first = session_text_in(confirmation.first_session, &zone, &group.time_zone);
    let later: Vec<String> = confirmation
        .sessions
        .iter()
        .filter(|&&session| session != confirmation.first_session)
        .map(|&session| session_text_in(session, &zone, &group.time_zone))
        .collect();
    let weekday = time::two_clocks_in(confirmation.first_session, &zone, &group.time_zone)
        .reader
        .date();
    let weekday = weekday_name(chrono::Datelike::weekday(&weekday).into());
    let ics = calendar_file(&group, &confirmed, &practice);
    let calendar_href = object_url(&ics, "text/calendar");
    let file_name = format!("{}.ics", confirmation.reference.to_lowercase());
    let manage = manage_path(&confirmation.reference, &confirmation.manage_token);
    let manage_url = format!(
        "{}{manage}",
        window().location().origin().unwrap_or_default()
    );
    view! {
        <PageMeta
            page="Your seat is reserved"
            description="Your seat in a weekly online group is reserved."
        />
        <div class="panel panel--success">
            <PageHeading>"Your seat is reserved"</PageHeading>
            <p class="panel__reference">
                "Your reference is " <strong>{confirmation.reference.clone()}</strong>
            </p>
        </div>
        <h2>{group.title.clone()}</h2>
        <dl class="summary-list summary-list--facts">
            <div class="summary-list__row">
                <dt class="summary-list__key">"First session"</dt>
                <dd class="summary-list__value">{first}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Then"</dt>
                <dd class="summary-list__value">
                    {format!("Every {weekday} at the same time, for an hour by video.")}
                    {(!later.is_empty()).then(|| view! {
                        <ul class="plain-list">
                            {later.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                    })}
                </dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Therapist"</dt>
                <dd class="summary-list__value">{therapist_text(&group.therapist)}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Times shown in"</dt>
                <dd class="summary-list__value">
                    {if zone == group.time_zone {
                        format!("{} time", zone_city(&zone))
                    } else {
                        format!("{} time, with {} time beside it", zone_city(&zone), zone_city(&group.time_zone))
                    }}
                </dd>
            </div>
        </dl>
        {calendar_href.map(|href| view! {
            <p>
                <a class="button button--secondary" href=href download=file_name.clone()>
                    "Add to calendar"
                </a>
            </p>
            <p class="hint">"Downloads an .ics file your calendar app can open. It repeats every week at the group\u{2019}s time."</p>
        })}
        <section class="reservation-link" aria-labelledby="manage-heading">
            <h2 id="manage-heading">"Your link to view or cancel"</h2>
            <p>
                "Keep this link somewhere safe. Anyone who has it can see or cancel this reservation, so don\u{2019}t share it."
            </p>
            <p class="reservation-link__url">
                <a href=manage.clone()>{manage_url}</a>
            </p>
        </section>
        <h2>"What happens next"</h2>
        <p>
            "Before your first session the practice will send the video link to the email address you gave. If you can\u{2019}t make it, cancel with the link above so someone else can have the seat."
        </p>
        <p>
            <a href="/groups">"Find another group"</a>
        </p>
    }
}
