//! Name or alias, email, phone and time zone, plus "I'm booking for someone else": the contact
//! questions a seat reservation and a waitlist place both ask.

use frontdoor_contract::FieldError;
use leptos::prelude::*;

use super::{
    ContactDetails, EMAIL_MAX_CHARS, NAME_MAX_CHARS, PHONE_MAX_CHARS, field_ids, field_place,
};
use crate::{
    components::{ChoiceOption, SelectField, TextField, TextKind},
    time::{known_time_zones, zone_city},
};

/// The message for the field with element id `id` among `problems`, if any.
pub fn problem_for(problems: &[FieldError], id: &str) -> Option<String> {
    problems
        .iter()
        .find(|problem| field_place(&problem.field).0 == id)
        .map(|problem| problem.message.clone())
}

/// A zone as a person picks it from a list: `America/Los_Angeles` → "America/Los Angeles".
fn zone_label(zone: &str) -> String {
    let city = zone_city(zone);
    match zone.rsplit_once('/') {
        Some((region, _)) => format!("{}/{city}", region.replace('_', " ")),
        None => city,
    }
}

/// The contact questions, bound to `contact`; `problems` are shown at their fields.
#[component]
pub fn ContactFields(
    /// The answers, updated as the person types.
    contact: RwSignal<ContactDetails>,
    /// Problems to show at the fields (from the form's own check or from the server).
    #[prop(into)]
    problems: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let start = contact.get_untracked();
    let name = RwSignal::new(start.name);
    let email = RwSignal::new(start.email);
    let phone = RwSignal::new(start.phone);
    let time_zone = RwSignal::new(start.time_zone);
    let for_someone_else = RwSignal::new(start.for_someone_else);
    Effect::new(move |first: Option<()>| {
        let details = ContactDetails {
            name: name.get(),
            email: email.get(),
            phone: phone.get(),
            time_zone: time_zone.get(),
            for_someone_else: for_someone_else.get(),
        };
        if first.is_some() {
            contact.set(details);
        }
    });
    let error =
        move |id: &'static str| Signal::derive(move || problems.with(|p| problem_for(p, id)));

    let mut zones = known_time_zones();
    let chosen = time_zone.get_untracked();
    if !chosen.is_empty() && !zones.contains(&chosen) {
        zones.push(chosen);
    }
    let zone_options: Vec<ChoiceOption> = zones
        .iter()
        .map(|zone| ChoiceOption::new(zone.clone(), zone_label(zone)))
        .collect();
    let name_label = Signal::derive(move || {
        if for_someone_else.get() {
            "Their name or an alias".to_owned()
        } else {
            "Your name or an alias".to_owned()
        }
    });

    view! {
        <div class="choice choice--standalone">
            <input
                class="choice__input"
                type="checkbox"
                id=field_ids::FOR_SOMEONE_ELSE
                name=field_ids::FOR_SOMEONE_ELSE
                aria-describedby="contact-for-someone-else-hint"
                prop:checked=move || for_someone_else.get()
                on:change=move |event| for_someone_else.set(event_target_checked(&event))
            />
            <label class="choice__label" for=field_ids::FOR_SOMEONE_ELSE>
                "I\u{2019}m booking for someone else"
            </label>
            <div class="form-hint choice__hint" id="contact-for-someone-else-hint">
                "Then give their name and how to reach them, not yours."
            </div>
        </div>
        <TextField
            id=field_ids::NAME
            label=name_label
            hint="The name the therapist and group will know you by. It doesn\u{2019}t have to be your real name."
            error=error(field_ids::NAME)
            value=name
            autocomplete="name"
            max_length=NAME_MAX_CHARS
        />
        <TextField
            id=field_ids::EMAIL
            label="Email address"
            hint="We\u{2019}ll only use this to send session details and reminders."
            error=error(field_ids::EMAIL)
            value=email
            autocomplete="email"
            kind=TextKind::Email
            max_length=EMAIL_MAX_CHARS
        />
        <TextField
            id=field_ids::PHONE
            label="Phone number"
            hint="For a text reminder before each session. Include the country code if you\u{2019}re outside the US."
            error=error(field_ids::PHONE)
            value=phone
            autocomplete="tel"
            kind=TextKind::Phone
            optional=true
            max_length=PHONE_MAX_CHARS
        />
        <SelectField
            id=field_ids::TIME_ZONE
            label="Time zone"
            hint="Filled in from this device. Session times are shown in this time zone."
            error=error(field_ids::TIME_ZONE)
            options=zone_options
            value=time_zone
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_read_as_region_and_city() {
        assert_eq!(zone_label("America/Los_Angeles"), "America/Los Angeles");
        assert_eq!(
            zone_label("America/Argentina/Buenos_Aires"),
            "America/Argentina/Buenos Aires"
        );
        assert_eq!(zone_label("UTC"), "UTC");
    }

    #[test]
    fn problems_find_their_field() {
        let problems = vec![
            FieldError {
                field: "email".into(),
                message: "Enter your email address".into(),
            },
            FieldError {
                field: "time_zone".into(),
                message: "Choose your time zone".into(),
            },
        ];
        assert_eq!(
            problem_for(&problems, field_ids::EMAIL).as_deref(),
            Some("Enter your email address")
        );
        assert_eq!(problem_for(&problems, field_ids::NAME), None);
    }
}
