//! The manage page's content: the reservation, and "Cancel my seat" with a confirmation.

use frontdoor_contract::Reservation;
use leptos::{html::Div, prelude::*, task::spawn_local};

use super::{ManageState, token_from_fragment};
use crate::{
    api::reservations::{cancel_reservation, reservation},
    components::{Loading, PageHeading, PageMeta},
    config::use_config,
    features::groups::{
        result_card::group_path, session_times::session_text_in, wording::therapist_text,
    },
    time::zone_city,
};

/// The message for a link that finds no reservation, whatever the reason.
pub const NOT_FOUND_MESSAGE: &str = "We couldn\u{2019}t find a reservation for this link. It may have been cancelled, or the link may be incomplete: open it again from your confirmation.";

/// Shows and cancels the reservation `reference`, with the token from the page's fragment.
#[component]
pub fn ManageReservation(
    /// The reservation's reference, from the URL path.
    #[prop(into)]
    reference: String,
) -> impl IntoView {
    let api_base = use_config().api_base;
    let token = window()
        .location()
        .hash()
        .ok()
        .and_then(|hash| token_from_fragment(&hash));
    let state = RwSignal::new(ManageState::<Reservation>::Loading);
    // Requests belong to the page, not to the part of it that was showing when they left.
    let owner = Owner::current();
    let load = {
        let owner = owner.clone();
        let api_base = api_base.clone();
        let reference = reference.clone();
        let token = token.clone();
        move || {
            let Some(token) = token.clone() else {
                state.set(ManageState::NotFound);
                return;
            };
            state.set(ManageState::Loading);
            let send = || reservation(&api_base, &reference, &token);
            let request = match &owner {
                Some(owner) => owner.with(send),
                None => send(),
            };
            spawn_local(async move {
                state.set(match request.await {
                    Ok(found) => ManageState::Showing(found),
                    Err(error) if error.is_not_found() => ManageState::NotFound,
                    Err(error) => ManageState::Failed(error.user_message()),
                });
            });
        }
    };
    load();
    let load = StoredValue::new_local(load);

    let cancel = move || {
        let ManageState::ConfirmingCancel(found) = state.get_untracked() else {
            return;
        };
        let Some(token) = token.clone() else {
            return;
        };
        state.set(ManageState::Cancelling(found.clone()));
        let send = || cancel_reservation(&api_base, &found.reference, &token);
        let request = match &owner {
            Some(owner) => owner.with(send),
            None => send(),
        };
        spawn_local(async move {
            state.set(match request.await {
                Ok(()) => ManageState::Cancelled(found),
                Err(error) if error.is_not_found() => ManageState::NotFound,
                Err(error) => ManageState::Failed(error.user_message()),
            });
        });
    };
    let cancel = StoredValue::new_local(cancel);

    let focus_target = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let moved = state.with(|s| {
            matches!(
                s,
                ManageState::ConfirmingCancel(_) | ManageState::Cancelled(_)
            )
        });
        if moved && let Some(target) = focus_target.get() {
            let _ = target.focus();
        }
    });

    move || {
        match state.get() {
        ManageState::Loading => view! {
            <PageMeta page="Your reservation" description="View or cancel your reservation." />
            <PageHeading>"Your reservation"</PageHeading>
            <Loading label="Loading your reservation…" />
        }
        .into_any(),
        ManageState::NotFound => view! {
            <PageMeta page="Reservation not found" description="This link does not lead to a reservation." />
            <PageHeading>"Reservation not found"</PageHeading>
            <p class="lede">{NOT_FOUND_MESSAGE}</p>
            <p><a href="/groups">"Find a group"</a></p>
        }
        .into_any(),
        ManageState::Failed(message) => view! {
            <PageMeta page="Your reservation" description="View or cancel your reservation." />
            <PageHeading>"Your reservation"</PageHeading>
            <div class="alert alert--error" role="alert">
                <h2 class="alert__title">"We couldn\u{2019}t reach our system"</h2>
                <p>{message}</p>
                <button type="button" class="button button--secondary" on:click=move |_| load.with_value(|load| load())>
                    "Try again"
                </button>
            </div>
        }
        .into_any(),
        ManageState::Showing(found) => view! {
            <PageMeta page="Your reservation" description="View or cancel your reservation." />
            <PageHeading>"Your reservation"</PageHeading>
            <ReservationSummary found=found.clone() />
            <h2>"Can\u{2019}t make it any more?"</h2>
            <p>"Cancelling frees your seat for someone else straight away."</p>
            <button
                type="button"
                class="button button--warning"
                on:click=move |_| state.set(ManageState::ConfirmingCancel(found.clone()))
            >
                "Cancel my seat"
            </button>
        }
        .into_any(),
        ManageState::ConfirmingCancel(found) | ManageState::Cancelling(found) => {
            let pending = state.with_untracked(|s| matches!(s, ManageState::Cancelling(_)));
            let keep = found.clone();
            view! {
                <PageMeta page="Your reservation" description="View or cancel your reservation." />
                <PageHeading>"Your reservation"</PageHeading>
                <ReservationSummary found=found.clone() />
                <div class="panel panel--warning" tabindex="-1" node_ref=focus_target role="group" aria-labelledby="cancel-heading">
                    <h2 id="cancel-heading">"Are you sure you want to cancel your seat?"</h2>
                    <p>{format!("Your seat in {} will go to someone else. You can reserve again later if seats are left.", found.group.title)}</p>
                    <div class="button-group">
                        <button
                            type="button"
                            class=if pending { "button button--warning button--pending" } else { "button button--warning" }
                            aria-disabled=pending.then_some("true")
                            on:click=move |_| {
                                if !pending {
                                    cancel.with_value(|cancel| cancel());
                                }
                            }
                        >
                            {if pending { "Cancelling…" } else { "Yes, cancel my seat" }}
                        </button>
                        <button
                            type="button"
                            class="button button--secondary"
                            on:click=move |_| state.set(ManageState::Showing(keep.clone()))
                        >
                            "No, keep my seat"
                        </button>
                    </div>
                </div>
            }
            .into_any()
        }
        ManageState::Cancelled(found) => view! {
            <PageMeta page="Seat cancelled" description="Your reservation is cancelled." />
            <div class="panel panel--success" tabindex="-1" node_ref=focus_target>
                <PageHeading>"Your seat is cancelled"</PageHeading>
                <p>{format!("Your reservation {} in {} is cancelled and the seat is free for someone else.", found.reference, found.group.title)}</p>
            </div>
            <p>
                <a href=group_path(&found.group.id)>"Go to the group"</a>
                " or "
                <a href="/groups">"find another group"</a>
                "."
            </p>
        }
        .into_any(),
    }
    }
}

/// The facts of a reservation.
#[component]
fn ReservationSummary(found: Reservation) -> impl IntoView {
    let first = session_text_in(
        found.first_session,
        &found.time_zone,
        &found.group.time_zone,
    );
    view! {
        <dl class="summary-list summary-list--facts">
            <div class="summary-list__row">
                <dt class="summary-list__key">"Reference"</dt>
                <dd class="summary-list__value">{found.reference.clone()}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Group"</dt>
                <dd class="summary-list__value">
                    <a href=group_path(&found.group.id)>{found.group.title.clone()}</a>
                </dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Therapist"</dt>
                <dd class="summary-list__value">{therapist_text(&found.group.therapist)}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"First session"</dt>
                <dd class="summary-list__value">{first}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Name or alias"</dt>
                <dd class="summary-list__value">{found.name.clone()}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Email address"</dt>
                <dd class="summary-list__value">{found.email.clone()}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Time zone"</dt>
                <dd class="summary-list__value">{format!("{} ({})", zone_city(&found.time_zone), found.time_zone)}</dd>
            </div>
        </dl>
    }
}
