//! Step 3: "Check your answers", then confirm. Also where a send that failed offers "Try
//! again", and where a group that filled up meanwhile offers its alternatives.

use frontdoor_contract::Group;
use leptos::{ev::SubmitEvent, html::Div, prelude::*};

use super::{
    ReserveStep, Submission,
    flow::{BackToGroup, ReserveState, StepHeader},
    step_path,
};
use crate::{
    components::{PageHeading, SubmitButton},
    features::groups::{
        result_card::group_path,
        session_times::{session_text_in, weekly_text},
        wording::{seats_text, therapist_text},
    },
    time::zone_city,
};

/// The answers, each with a link back to change it, and the confirm button.
#[component]
pub fn ReviewStep(
    /// The group being reserved.
    group: Group,
    /// The reservation's shared state.
    state: ReserveState,
) -> impl IntoView {
    let draft = state.draft.get_untracked();
    let session_path = step_path(&group.id, ReserveStep::Session);
    let details_path = step_path(&group.id, ReserveStep::Details);
    let first_session = draft
        .first_session
        .map(|first| session_text_in(first, &draft.contact.time_zone, &group.time_zone))
        .unwrap_or_default();
    let contact = draft.contact;
    let phone = if contact.phone.trim().is_empty() {
        "Not given".to_owned()
    } else {
        contact.phone.trim().to_owned()
    };
    let zone = format!("{} ({})", zone_city(&contact.time_zone), contact.time_zone);
    let rows: Vec<(&str, String, &str, String)> = vec![
        (
            "First session",
            first_session,
            "first session",
            session_path,
        ),
        (
            "Name or alias",
            contact.name.trim().to_owned(),
            "name or alias",
            details_path.clone(),
        ),
        (
            "Email address",
            contact.email.trim().to_owned(),
            "email address",
            details_path.clone(),
        ),
        ("Phone number", phone, "phone number", details_path.clone()),
        ("Time zone", zone, "time zone", details_path.clone()),
        (
            "Booking for someone else",
            if contact.for_someone_else {
                "Yes"
            } else {
                "No"
            }
            .to_owned(),
            "who the seat is for",
            details_path,
        ),
    ];
    let rows = rows
        .into_iter()
        .map(|(key, value, what, href)| {
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{key}</dt>
                    <dd class="summary-list__value">{value}</dd>
                    <dd class="summary-list__actions">
                        <a href=href>
                            "Change"
                            <span class="visually-hidden">" " {what}</span>
                        </a>
                    </dd>
                </div>
            }
        })
        .collect_view();

    let confirm = move |event: SubmitEvent| {
        event.prevent_default();
        state.send();
    };
    let pending = Signal::derive(move || state.submission.with(Submission::is_sending));
    let title = group.title.clone();
    let caption = group.title.clone();
    view! {
        <BackToGroup group_id=group.id.clone() label="Back to the group" />
        <StepHeader step=ReserveStep::Review group_title=group.title.clone() state />
        <PageHeading>
            <span class="heading-caption">{caption}</span>
            "Check your answers"
        </PageHeading>
        <h2 class="summary-heading">{title}</h2>
        <p class="summary-group">{weekly_text(&group)} " · " {therapist_text(&group.therapist)}</p>
        <dl class="summary-list">{rows}</dl>
        <SubmissionOutcome state />
        <form class="form" novalidate on:submit=confirm>
            <p>
                "By confirming, you reserve one seat in this group from your first session on. You can cancel at any time with the link we give you."
            </p>
            <SubmitButton
                label="Confirm reservation"
                pending_label="Reserving your seat…"
                pending
            />
        </form>
    }
}

/// What came of the last send, when it needs the person: a retry, or the alternatives to a group
/// that filled up. Takes focus when it appears.
#[component]
fn SubmissionOutcome(state: ReserveState) -> impl IntoView {
    let panel = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let needs_attention = state
            .submission
            .with(|s| matches!(s, Submission::Failed(_) | Submission::GroupFull(_)));
        if needs_attention && let Some(panel) = panel.get() {
            let _ = panel.focus();
        }
    });
    let retry = move |_| state.send();
    move || {
        match state.submission.get() {
        Submission::Failed(message) => view! {
            <div class="alert alert--error" role="alert" tabindex="-1" node_ref=panel>
                <h2 class="alert__title">"Your reservation has not been confirmed yet"</h2>
                <div class="alert__body">
                    <p>{message}</p>
                    <p>
                        "Your answers are saved. Trying again is safe: you will not be booked twice."
                    </p>
                    <button type="button" class="button" on:click=retry>
                        "Try again"
                    </button>
                </div>
            </div>
        }
        .into_any(),
        Submission::GroupFull(full) => {
            let alternatives = full
                .alternatives
                .into_iter()
                .take(3)
                .map(|group| view! { <Alternative group /> })
                .collect_view();
            let has_alternatives = !full_is_empty(&state);
            view! {
                <div class="alert alert--warning full-group" role="alert" tabindex="-1" node_ref=panel>
                    <h2 class="alert__title">
                        {if has_alternatives {
                            "That group just filled up — these have seats"
                        } else {
                            "That group just filled up"
                        }}
                    </h2>
                    <div class="alert__body">
                        <p>
                            "Someone took the last seat while you were filling in the form. Your details are kept: choose another group and they will be filled in for you."
                        </p>
                        <ul class="group-list group-list--compact">{alternatives}</ul>
                        <p>
                            <a href="/groups">"See all our groups"</a>
                            " or "
                            <a href="/call">"talk to a care coordinator"</a>
                            "."
                        </p>
                    </div>
                </div>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
    }
}

fn full_is_empty(state: &ReserveState) -> bool {
    state.submission.with_untracked(|s| match s {
        Submission::GroupFull(full) => full.alternatives.is_empty(),
        _ => true,
    })
}

/// An open group offered instead of a full one.
#[component]
fn Alternative(group: Group) -> impl IntoView {
    let reserve = step_path(&group.id, ReserveStep::Session);
    view! {
        <li class="group-card group-card--compact">
            <h3 class="group-card__title">
                <a href=group_path(&group.id)>{group.title.clone()}</a>
            </h3>
            <p>{weekly_text(&group)}</p>
            <p class="seats">{seats_text(&group)}</p>
            <p>
                <a class="button button--secondary" href=reserve>
                    "Reserve a seat"
                    <span class="visually-hidden">" in " {group.title.clone()}</span>
                </a>
            </p>
        </li>
    }
}
