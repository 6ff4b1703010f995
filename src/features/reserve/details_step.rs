//! Step 2: who the seat is for and how to reach them.

use frontdoor_contract::Group;
use leptos::{ev::SubmitEvent, prelude::*};

use super::{
    ContactDetails, ReservationDraft, ReserveStep,
    contact_fields::ContactFields,
    flow::{BackToGroup, ReserveState, StepHeader},
};
use crate::{components::PageHeading, time::reader_zone_or_utc};

/// The contact details form.
#[component]
pub fn DetailsStep(
    /// The group being reserved.
    group: Group,
    /// The reservation's shared state.
    state: ReserveState,
) -> impl IntoView {
    let contact = RwSignal::new(state.draft.with_untracked(|d| d.contact.clone()));
    Effect::new(move |first: Option<()>| {
        let details = contact.get();
        if first.is_some() {
            state.draft.update(|d| d.contact = details);
        }
    });
    // Bumped by "Clear" so the fields start again from the emptied draft.
    let generation = RwSignal::new(0u32);
    let next = move |event: SubmitEvent| {
        event.prevent_default();
        let problems = contact.with_untracked(ContactDetails::problems);
        if problems.is_empty() {
            state.problems.set(Vec::new());
            state.go_to(ReserveStep::Review, false);
        } else {
            state.show_problems(problems);
        }
    };
    let group_id = group.id.clone();
    let clear = move |_| {
        let fresh = ReservationDraft::for_group(&group_id, None, &reader_zone_or_utc());
        contact.set(fresh.contact.clone());
        state.draft.set(fresh);
        state.problems.set(Vec::new());
        generation.update(|n| *n += 1);
        state.go_to(ReserveStep::Session, false);
    };
    let heading = if state.draft.with_untracked(|d| d.contact.for_someone_else) {
        "Their details"
    } else {
        "Your details"
    };
    view! {
        <BackToGroup group_id=group.id.clone() label="Back to the group" />
        <StepHeader step=ReserveStep::Details group_title=group.title.clone() state />
        <PageHeading>
            <span class="heading-caption">{group.title.clone()}</span>
            {heading}
        </PageHeading>
        <p>"We ask only what we need to hold your seat and remind you of sessions."</p>
        <form class="form" novalidate on:submit=next>
            {move || {
                generation.track();
                view! { <ContactFields contact problems=state.problems /> }
            }}
            <div class="button-group">
                <button type="submit" class="button">
                    "Continue"
                </button>
                <button type="button" class="button button--secondary" on:click=clear>
                    "Clear my details"
                </button>
            </div>
        </form>
    }
}
