//! The slot picker shared by booking and rescheduling: the time zone times are shown in (with a
//! way to change it), the days with free times, and a day's times.
//!
//! Days and times are buttons, so a keyboard reaches each with Tab and picks it with Enter.
//! Every time button's accessible name says weekday, date and time ("Wednesday, December 2,
//! 10:30 AM") while only the time shows beside its day's heading; its `data-start` holds the
//! instant it stands for.

use chrono::{NaiveDate, SecondsFormat};
use frontdoor_contract::CallSlot;
use leptos::prelude::*;

use super::schedule::{LocalSlot, SlotDay, free_times, slot_name, slots_by_day, zone_label};
use crate::{
    components::{ChoiceOption, SelectField},
    time::{ReaderLocale, known_time_zones},
};

/// "Times are shown in Sydney time (Australia/Sydney)", and a list to choose another zone.
#[component]
pub fn ZoneChooser(
    /// The select's id.
    #[prop(into)]
    id: String,
    /// The zone times are shown in; changed by the select.
    zone: RwSignal<String>,
) -> impl IntoView {
    let options: Vec<ChoiceOption> = known_time_zones()
        .into_iter()
        .map(|zone| {
            let label = zone.replace('_', " ");
            ChoiceOption::new(zone, label)
        })
        .collect();
    let error = Signal::derive(|| None::<String>);
    view! {
        <div class="zone-chooser">
            <p class="zone-chooser__current">
                "Times are shown in " <strong>{move || zone_label(&zone.get())}</strong> "."
            </p>
            <SelectField
                id=id
                label="Change time zone"
                hint="Choose the place whose time you want to see, if it is not where you are now."
                error=error
                options=options
                value=zone
            />
        </div>
    }
}

/// The days with free times, as buttons; pressing one calls `on_choose` with its date.
#[component]
pub fn DayList(
    /// Days with free times, in order.
    #[prop(into)]
    days: Signal<Vec<SlotDay>>,
    /// How the reader writes dates.
    locale: ReaderLocale,
    /// The day chosen before, shown as pressed.
    #[prop(into)]
    chosen: Signal<Option<NaiveDate>>,
    /// Called with the chosen day.
    #[prop(into)]
    on_choose: Callback<NaiveDate>,
) -> impl IntoView {
    move || {
        let days = days.get();
        let buttons = days
            .into_iter()
            .map(|day| {
                let date = day.date;
                let pressed = move || chosen.get() == Some(date);
                view! {
                    <li>
                        <button
                            type="button"
                            class="slot-button slot-button--day"
                            aria-pressed=move || if pressed() { "true" } else { "false" }
                            data-date=date.to_string()
                            on:click=move |_| on_choose.run(date)
                        >
                            <span class="slot-button__main">{locale.day(date)}</span>
                            // Keeps the day and the count apart in the button's accessible name.
                            <span class="visually-hidden">", "</span>
                            <span class="slot-button__detail">{free_times(day.slots.len())}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="slot-list slot-list--days">{buttons}</ul> }
    }
}

/// Time buttons for `slots`; pressing one calls `on_choose` with its slot. Each button shows
/// the time and is named with weekday, date and time.
#[component]
pub fn TimeList(
    /// The slots to offer, earliest first.
    #[prop(into)]
    slots: Signal<Vec<LocalSlot>>,
    /// How the reader writes times.
    locale: ReaderLocale,
    /// Shows each slot's day on the button too (for lists that span several days).
    #[prop(optional)]
    show_day: bool,
    /// The slot chosen before, shown as pressed.
    #[prop(into)]
    chosen: Signal<Option<CallSlot>>,
    /// Called with the chosen slot.
    #[prop(into)]
    on_choose: Callback<CallSlot>,
) -> impl IntoView {
    move || {
        let buttons = slots
            .get()
            .into_iter()
            .map(|local| {
                let slot = local.slot;
                let time = locale.time(local.local_start.time());
                let day = locale.day(local.local_start.date());
                let pressed = move || chosen.get() == Some(slot);
                let (visible_day, hidden_day) = if show_day {
                    (Some(format!("{day}, ")), None)
                } else {
                    (None, Some(format!("{day}, ")))
                };
                view! {
                    <li>
                        <button
                            type="button"
                            class="slot-button slot-button--time"
                            aria-pressed=move || if pressed() { "true" } else { "false" }
                            data-start=slot.start.to_rfc3339_opts(SecondsFormat::Secs, true)
                            on:click=move |_| on_choose.run(slot)
                        >
                            {hidden_day.map(|day| view! { <span class="visually-hidden">{day}</span> })}
                            {visible_day}
                            <span class="slot-button__main">{time}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="slot-list slot-list--times">{buttons}</ul> }
    }
}

/// `slots` grouped by day on the calendar of `zone`.
pub fn days_in_zone(slots: &[CallSlot], zone: &str) -> Vec<SlotDay> {
    slots_by_day(slots, |instant| {
        crate::time::wall_clock(instant, zone).unwrap_or_else(|| instant.naive_utc())
    })
}

/// A slot's full name on the reader's clock in `zone`.
pub fn slot_text(slot: CallSlot, zone: &str, locale: ReaderLocale) -> String {
    slot_name(local_slot(slot, zone).local_start, locale)
}

/// `slot` with its start on the clock of `zone` (UTC when the browser does not know the zone).
pub fn local_slot(slot: CallSlot, zone: &str) -> LocalSlot {
    LocalSlot {
        slot,
        local_start: crate::time::wall_clock(slot.start, zone)
            .unwrap_or_else(|| slot.start.naive_utc()),
    }
}
