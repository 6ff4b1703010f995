//! The waitlist of a full group: a short form, then "You are number N on the waitlist".
//!
//! The place (its reference and private token) is kept in the tab's `sessionStorage`, so the
//! group's page can say where the person stands whenever they come back to it in this tab, and
//! asks the server for the current place, which moves up as people ahead leave.

use frontdoor_contract::{FieldError, Group, WaitlistEntry};
use leptos::{ev::SubmitEvent, html::Div, prelude::*, task::spawn_local};
use serde::{Deserialize, Serialize};

use crate::{
    api::{
        ApiError,
        groups::{join_waitlist, waitlist_place},
    },
    components::{ErrorSummary, FormProblem, PageMeta, SubmitButton},
    config::use_config,
    features::{
        draft::{Draft, NonHealthDraft, SubmissionKey},
        reserve::{
            ContactDetails, DRAFT, ReserveStep, contact_fields::ContactFields, field_place,
            step_path,
        },
    },
    time::reader_zone_or_utc,
};

/// A place on a group's waitlist, as kept for the tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitlistPlace {
    /// The group.
    pub group_id: String,
    /// The place's reference, e.g. `WL-7KQ3-M9XA`.
    pub reference: String,
    /// The place's private token.
    pub token: String,
    /// Place in line when last heard.
    pub position: u32,
}

/// Every waitlist place taken in this tab.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitlistPlaces {
    /// One per group at most.
    pub places: Vec<WaitlistPlace>,
}

impl NonHealthDraft for WaitlistPlaces {}

impl WaitlistPlaces {
    /// The place in `group_id`'s waitlist, if any.
    pub fn for_group(&self, group_id: &str) -> Option<&WaitlistPlace> {
        self.places.iter().find(|place| place.group_id == group_id)
    }

    /// Keeps `place`, replacing an older one for the same group.
    pub fn remember(&mut self, place: WaitlistPlace) {
        self.forget(&place.group_id);
        self.places.push(place);
    }

    /// Forgets the place in `group_id`'s waitlist.
    pub fn forget(&mut self, group_id: &str) {
        self.places.retain(|place| place.group_id != group_id);
    }
}

/// Where the tab's waitlist places are kept.
pub const PLACES: Draft<WaitlistPlaces> = Draft::session("frontdoor.waitlist-places");

/// "You are number 3 on the waitlist".
pub fn position_text(position: u32) -> String {
    format!("You are number {} on the waitlist", position.max(1))
}

/// Where joining stands.
#[derive(Debug, Clone, PartialEq)]
enum Joining {
    /// The form.
    Form,
    /// On its way.
    Sending,
    /// In line.
    Joined(WaitlistPlace),
    /// Seats opened up meanwhile.
    HasSeats,
    /// No answer or a server error; the form stays, with "Try again" being the button.
    Failed(String),
}

/// The waitlist of the full `group`: where the person stands, or the form to join.
#[component]
pub fn WaitlistPanel(
    /// The full group.
    group: Group,
) -> impl IntoView {
    let api_base = use_config().api_base;
    let saved = PLACES.load().unwrap_or_default();
    let state = RwSignal::new(match saved.for_group(&group.id) {
        Some(place) => Joining::Joined(place.clone()),
        None => Joining::Form,
    });
    // A saved place may have moved up (or gone): ask for the current one.
    if let Some(place) = saved.for_group(&group.id).cloned() {
        let request = waitlist_place(&api_base, &place.group_id, &place.reference, &place.token);
        spawn_local(async move {
            match request.await {
                Ok(entry) => {
                    let updated = WaitlistPlace {
                        position: entry.position,
                        ..place
                    };
                    let mut places = PLACES.load().unwrap_or_default();
                    places.remember(updated.clone());
                    PLACES.save(&places);
                    state.set(Joining::Joined(updated));
                }
                Err(error) if error.is_not_found() => {
                    let mut places = PLACES.load().unwrap_or_default();
                    places.forget(&place.group_id);
                    PLACES.save(&places);
                    state.set(Joining::Form);
                }
                // Offline: the last known place stays on screen.
                Err(_) => {}
            }
        });
    }

    let contact =
        RwSignal::new(
            DRAFT
                .load()
                .map(|draft| draft.contact)
                .unwrap_or_else(|| ContactDetails {
                    time_zone: reader_zone_or_utc(),
                    ..ContactDetails::default()
                }),
        );
    let problems = RwSignal::new(Vec::<FieldError>::new());
    let attempt = RwSignal::new(0u32);
    // One key per logical submission: the same answers resend under the same key.
    let sent = StoredValue::new(None::<(SubmissionKey, frontdoor_contract::WaitlistRequest)>);
    // Requests belong to the panel, not to whichever part of it was on screen when they left.
    let owner = Owner::current();
    let group_id = group.id.clone();
    let join = move |event: SubmitEvent| {
        event.prevent_default();
        if state.with_untracked(|s| *s == Joining::Sending) {
            return;
        }
        let details = contact.get_untracked();
        let found = details.problems();
        if !found.is_empty() {
            problems.set(found);
            attempt.update(|n| *n += 1);
            return;
        }
        problems.set(Vec::new());
        let request = details.waitlist_request();
        let key = sent.with_value(|sent| match sent {
            Some((key, earlier)) if *earlier == request => key.clone(),
            _ => SubmissionKey::generate(),
        });
        sent.set_value(Some((key.clone(), request.clone())));
        state.set(Joining::Sending);
        let send = || join_waitlist(&api_base, &group_id, &request, &key.idempotency_key());
        let reply = match &owner {
            Some(owner) => owner.with(send),
            None => send(),
        };
        let group_id = group_id.clone();
        spawn_local(async move {
            match reply.await {
                Ok(entry) => state.set(Joining::Joined(keep_place(&group_id, entry))),
                Err(ApiError::Problem(problem)) if problem.status == 422 => {
                    problems.set(problem.errors);
                    attempt.update(|n| *n += 1);
                    state.set(Joining::Form);
                }
                Err(ApiError::Problem(problem)) if problem.status == 409 => {
                    state.set(Joining::HasSeats);
                }
                Err(error) => state.set(Joining::Failed(error.user_message())),
            }
        });
    };

    let outcome = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let joined = state.with(|s| matches!(s, Joining::Joined(_) | Joining::HasSeats));
        if joined && let Some(panel) = outcome.get() {
            let _ = panel.focus();
        }
    });
    let reserve_path = step_path(&group.id, ReserveStep::Session);
    let pending = Signal::derive(move || state.with(|s| *s == Joining::Sending));
    let title = group.title.clone();
    let description = group.description.clone();
    let form = move || {
        let title = title.clone();
        let description = description.clone();
        let summary = move || {
            let list: Vec<FormProblem> = problems
                .get()
                .into_iter()
                .map(|problem| FormProblem {
                    field_id: field_place(&problem.field).0.to_owned(),
                    message: problem.message,
                })
                .collect();
            if list.is_empty() {
                view! { <PageMeta page=title.clone() description=description.clone() /> }.into_any()
            } else {
                view! {
                    <PageMeta page=format!("Error: {title}") description=description.clone() />
                    <ErrorSummary problems=list attempt />
                }
                .into_any()
            }
        };
        let failure = move || match state.get() {
            Joining::Failed(message) => Some(view! {
                <div class="alert alert--error" role="alert">
                    <h3 class="alert__title">"You have not joined the waitlist yet"</h3>
                    <p>{message} " Your answers are kept: press \u{201c}Join the waitlist\u{201d} again."</p>
                </div>
            }),
            _ => None,
        };
        view! {
            <p>
                "Join the waitlist and a care coordinator will contact you as soon as a seat opens up. It doesn\u{2019}t commit you to anything."
            </p>
            {summary}
            {failure}
            <form class="form" novalidate on:submit=join.clone()>
                <ContactFields contact problems=problems />
                <SubmitButton label="Join the waitlist" pending_label="Joining the waitlist…" pending />
            </form>
        }
    };
    // What the panel shows changes only between these, so sending keeps the form (and focus).
    let shown = Memo::new(move |_| match state.get() {
        Joining::Joined(place) => Joining::Joined(place),
        Joining::HasSeats => Joining::HasSeats,
        _ => Joining::Form,
    });
    view! {
        <section class="waitlist" aria-labelledby="waitlist-heading">
            <h2 id="waitlist-heading">"Join the waitlist"</h2>
            {move || match shown.get() {
                Joining::Joined(place) => view! {
                    <div class="panel panel--success" tabindex="-1" node_ref=outcome>
                        <p class="panel__lead">{position_text(place.position)}</p>
                        <p>
                            "Your waitlist reference is " <strong>{place.reference.clone()}</strong>
                            ". A care coordinator will contact you when a seat opens up."
                        </p>
                    </div>
                }
                .into_any(),
                Joining::HasSeats => view! {
                    <div class="alert alert--success" tabindex="-1" node_ref=outcome>
                        <h3 class="alert__title">"A seat has opened up"</h3>
                        <p>
                            <a class="button" href=reserve_path.clone()>"Reserve a seat"</a>
                        </p>
                    </div>
                }
                .into_any(),
                _ => form().into_any(),
            }}
        </section>
    }
}

fn keep_place(group_id: &str, entry: WaitlistEntry) -> WaitlistPlace {
    let place = WaitlistPlace {
        group_id: group_id.to_owned(),
        reference: entry.reference,
        token: entry.manage_token.unwrap_or_default(),
        position: entry.position,
    };
    let mut places = PLACES.load().unwrap_or_default();
    places.remember(place.clone());
    PLACES.save(&places);
    place
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(group_id: &str, position: u32) -> WaitlistPlace {
        WaitlistPlace {
            group_id: group_id.into(),
            reference: format!("WL-{group_id}"),
            token: "t".into(),
            position,
        }
    }

    #[test]
    fn one_place_is_kept_per_group() {
        let mut places = WaitlistPlaces::default();
        places.remember(place("a", 3));
        places.remember(place("b", 1));
        places.remember(place("a", 2));
        assert_eq!(places.places.len(), 2);
        assert_eq!(places.for_group("a").map(|p| p.position), Some(2));
        places.forget("a");
        assert_eq!(places.for_group("a"), None);
        assert!(places.for_group("b").is_some());
    }

    #[test]
    fn the_place_in_line_is_said_plainly() {
        assert_eq!(position_text(1), "You are number 1 on the waitlist");
        assert_eq!(position_text(4), "You are number 4 on the waitlist");
    }
}
