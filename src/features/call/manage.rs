//! Managing a booked call from its link (`/calls/{reference}#token=…`): see it, move it to
//! another free time with the same picker as booking, or cancel it.
//!
//! The manage token comes from the URL fragment, which browsers never send to a server; it is
//! sent only in the `Authorization` header of the API calls. A wrong or missing token gets the
//! same "not found" as an unknown reference.

use chrono::NaiveDate;
use frontdoor_contract::{CallSlot, CallStatus, CallView, ContactMethod};
use leptos::{html::H2, prelude::*, task::spawn_local};
use leptos_router::hooks::use_location;

use super::{
    booking::{Confirmed, contact_label, slot_taken_heading},
    picker::{DayList, TimeList, ZoneChooser, days_in_zone, local_slot, slot_text},
    schedule::{day_slots, slot_name_with_year, zone_label},
};
use crate::{
    api::{
        ApiError, IdempotencyKey,
        calls::{BookingError, call, cancel_call, coordinator_slots, reschedule_call},
    },
    components::{Alert, AlertKind, FetchError, Loading, PageHeading, PageMeta},
    config::use_config,
    time::{reader_locale, reader_zone_or_utc},
};

/// What a person sees for an unknown reference, a wrong token or no token alike.
pub const NOT_FOUND_MESSAGE: &str =
    "We could not find a call for this link. Please use the manage link from your confirmation.";

/// The manage token in a URL fragment such as `#token=abc`; `None` when there is none.
pub fn token_from_fragment(fragment: &str) -> Option<String> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
        .map(str::trim)
        .filter(|token| {
            !token.is_empty()
                && token
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        })
        .map(str::to_owned)
}

/// What the manage page is doing.
#[derive(Debug, Clone, PartialEq)]
enum Mode {
    /// Showing the call and its two actions.
    Viewing,
    /// Choosing a new day.
    PickingDay,
    /// Choosing a new time on `day`.
    PickingTime { day: NaiveDate },
    /// "Move your call to …?"
    ConfirmingMove { slot: CallSlot },
    /// The new time was taken meanwhile; these are the nearest.
    SlotTaken { nearest: Vec<CallSlot> },
    /// "Cancel this call?"
    ConfirmingCancel,
}

/// What the last action achieved, announced at the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Done {
    Moved,
    Cancelled,
}

/// An h2 that takes focus when it appears, so keyboard and screen-reader users land on each
/// new part of the page.
#[component]
fn FocusedHeading(children: Children) -> impl IntoView {
    let heading = NodeRef::<H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    view! {
        <h2 tabindex="-1" node_ref=heading>
            {children()}
        </h2>
    }
}

/// The manage page for the call `reference`.
#[component]
pub fn ManageCall(
    /// The call's reference, from the path.
    #[prop(into)]
    reference: Signal<String>,
) -> impl IntoView {
    let api_base = StoredValue::new(use_config().api_base);
    // Follows the fragment, so opening another manage link in the same tab is read too.
    let hash = use_location().hash;
    let token = Memo::new(move |_| token_from_fragment(&hash.get()));
    let locale = reader_locale();
    let zone = RwSignal::new(reader_zone_or_utc());
    let loaded = LocalResource::new(move || {
        let reference = reference.get();
        let request = token
            .get()
            .map(|token| call(&api_base.get_value(), &reference, &token));
        async move {
            match request {
                Some(request) => request.await,
                None => Err(ApiError::Problem(frontdoor_contract::Problem::new(
                    404,
                    "Not found",
                    NOT_FOUND_MESSAGE,
                ))),
            }
        }
    });
    // The call as the last action left it, in place of what was loaded.
    let updated = RwSignal::new(None::<CallView>);
    let mode = RwSignal::new(Mode::Viewing);
    let done = RwSignal::new(None::<Done>);
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let move_key = StoredValue::new(None::<(CallSlot, IdempotencyKey)>);
    // Another link opened in this tab: start again from what the server says about it.
    Effect::new(move |previous: Option<(String, Option<String>)>| {
        let now = (reference.get(), token.get());
        if previous.is_some_and(|previous| previous != now) {
            updated.set(None);
            mode.set(Mode::Viewing);
            done.set(None);
            failure.set(None);
        }
        now
    });
    let want_slots = RwSignal::new(false);
    let slots = LocalResource::new(move || {
        let request = want_slots
            .get()
            .then(|| coordinator_slots(&api_base.get_value()));
        async move {
            match request {
                Some(request) => request.await.map(Some),
                None => Ok(None),
            }
        }
    });
    let days = Memo::new(move |_| {
        let zone = zone.get();
        match slots.get() {
            Some(Ok(Some(list))) => days_in_zone(&list.slots, &zone),
            _ => Vec::new(),
        }
    });
    let owner = Owner::current();

    let start_moving = move || {
        failure.set(None);
        done.set(None);
        if want_slots.get_untracked() {
            slots.refetch();
        }
        want_slots.set(true);
        mode.set(Mode::PickingDay);
    };
    let move_call = {
        let owner = owner.clone();
        move |slot: CallSlot| {
            if pending.get_untracked() {
                return;
            }
            let Some(token) = token.get_untracked() else {
                return;
            };
            let key = match move_key.get_value() {
                Some((same, key)) if same == slot => key,
                _ => IdempotencyKey::new(),
            };
            move_key.set_value(Some((slot, key.clone())));
            pending.set(true);
            failure.set(None);
            let reference = reference.get_untracked();
            let request = || reschedule_call(&api_base.get_value(), &reference, &token, slot, &key);
            let request = match &owner {
                Some(owner) => owner.with(request),
                None => request(),
            };
            spawn_local(async move {
                let outcome = request.await;
                pending.set(false);
                match outcome {
                    Ok(view) => {
                        Confirmed::record_move(&view.reference, view.start, view.end);
                        move_key.set_value(None);
                        updated.set(Some(view));
                        mode.set(Mode::Viewing);
                        done.set(Some(Done::Moved));
                    }
                    Err(BookingError::SlotTaken(nearest)) => {
                        move_key.set_value(None);
                        slots.refetch();
                        mode.set(Mode::SlotTaken { nearest });
                    }
                    Err(BookingError::Api(error)) => failure.set(Some(error)),
                }
            });
        }
    };
    let cancel = {
        let owner = owner.clone();
        move || {
            if pending.get_untracked() {
                return;
            }
            let Some(token) = token.get_untracked() else {
                return;
            };
            pending.set(true);
            failure.set(None);
            let reference = reference.get_untracked();
            let reference_for_record = reference.clone();
            let request = || cancel_call(&api_base.get_value(), &reference, &token);
            let request = match &owner {
                Some(owner) => owner.with(request),
                None => request(),
            };
            spawn_local(async move {
                let outcome = request.await;
                pending.set(false);
                match outcome {
                    Ok(()) => {
                        Confirmed::record_cancellation(&reference_for_record);
                        let current = updated
                            .get_untracked()
                            .or_else(|| loaded.get_untracked().and_then(Result::ok));
                        if let Some(mut view) = current {
                            view.status = CallStatus::Cancelled;
                            updated.set(Some(view));
                        }
                        mode.set(Mode::Viewing);
                        done.set(Some(Done::Cancelled));
                    }
                    Err(error) => failure.set(Some(error)),
                }
            });
        }
    };

    let call_view = move |view: CallView| {
        let booked = view.status == CallStatus::Booked;
        let when = {
            let local = local_slot(
                CallSlot {
                    start: view.start,
                    end: view.end,
                },
                &zone.get(),
            );
            format!(
                "{}, {}",
                slot_name_with_year(local.local_start, locale),
                zone_label(&zone.get())
            )
        };
        let how = contact_label(view.contact_method).to_owned()
            + match view.contact_method {
                ContactMethod::Phone => ": the coordinator will call you",
                ContactMethod::Video => ": we will send you a link",
            };
        let status = if booked { "Booked" } else { "Cancelled" };
        view! {
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Reference"</dt>
                    <dd class="summary-list__value reference">{view.reference.clone()}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Status"</dt>
                    <dd class="summary-list__value">{status}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"When"</dt>
                    <dd class="summary-list__value">{when}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"How"</dt>
                    <dd class="summary-list__value">{how}</dd>
                </div>
            </dl>
        }
    };

    let choose_day = Callback::new(move |day: NaiveDate| mode.set(Mode::PickingTime { day }));
    let choose_slot = Callback::new(move |slot: CallSlot| mode.set(Mode::ConfirmingMove { slot }));
    let keep = move |_| mode.set(Mode::Viewing);
    let busy = move || pending.get().then_some("true");

    let actions = {
        let move_call = move_call.clone();
        let cancel = cancel.clone();
        move || {
            let move_call = move_call.clone();
            let cancel = cancel.clone();
            match mode.get() {
                Mode::Viewing => view! {
                    <div class="form-actions">
                        <button type="button" class="button" on:click=move |_| start_moving()>
                            "Change the time"
                        </button>
                        <button
                            type="button"
                            class="button button--secondary"
                            on:click=move |_| {
                                done.set(None);
                                mode.set(Mode::ConfirmingCancel);
                            }
                        >
                            "Cancel this call"
                        </button>
                    </div>
                }
                .into_any(),
                Mode::PickingDay => view! {
                    <section class="reschedule">
                        <FocusedHeading>"Choose a new day"</FocusedHeading>
                        <ZoneChooser id="manage-time-zone" zone />
                        {move || match slots.get() {
                            Some(Ok(Some(_))) if days.with(Vec::is_empty) => view! {
                                <p>"There are no other free times in the next few weeks."</p>
                            }
                            .into_any(),
                            Some(Ok(Some(_))) => view! {
                                <DayList
                                    days=Signal::derive(move || days.get())
                                    locale
                                    chosen=Signal::derive(|| None)
                                    on_choose=choose_day
                                />
                            }
                            .into_any(),
                            Some(Err(error)) => view! {
                                <FetchError error what="the free times" on_retry=move |_| slots.refetch() />
                            }
                            .into_any(),
                            _ => view! { <Loading label="Loading free times…" /> }.into_any(),
                        }}
                        <p>
                            <button type="button" class="button button--secondary" on:click=keep>
                                "Keep the current time"
                            </button>
                        </p>
                    </section>
                }
                .into_any(),
                Mode::PickingTime { day } => {
                    let times = Signal::derive(move || {
                        days.with(|days| {
                            day_slots(days, day)
                                .map(|d| d.slots.clone())
                                .unwrap_or_default()
                        })
                    });
                    view! {
                        <section class="reschedule">
                            <FocusedHeading>{format!("Choose a new time on {}", locale.day(day))}</FocusedHeading>
                            <ZoneChooser id="manage-time-zone" zone />
                            <TimeList
                                slots=times
                                locale
                                chosen=Signal::derive(|| None)
                                on_choose=choose_slot
                            />
                            <div class="form-actions">
                                <button
                                    type="button"
                                    class="button button--secondary"
                                    on:click=move |_| mode.set(Mode::PickingDay)
                                >
                                    "Choose another day"
                                </button>
                                <button type="button" class="button button--secondary" on:click=keep>
                                    "Keep the current time"
                                </button>
                            </div>
                        </section>
                    }
                    .into_any()
                }
                Mode::ConfirmingMove { slot } => {
                    let text = slot_text(slot, &zone.get_untracked(), locale);
                    view! {
                        <section class="reschedule">
                            <FocusedHeading>{format!("Move your call to {text}?")}</FocusedHeading>
                            <div class="form-actions">
                                <button
                                    type="button"
                                    class="button"
                                    aria-disabled=busy
                                    on:click=move |_| move_call(slot)
                                >
                                    {move || if pending.get() { "Moving your call…" } else { "Move my call" }}
                                </button>
                                <button
                                    type="button"
                                    class="button button--secondary"
                                    on:click=move |_| mode.set(Mode::PickingDay)
                                >
                                    "Choose another time"
                                </button>
                                <button type="button" class="button button--secondary" on:click=keep>
                                    "Keep the current time"
                                </button>
                            </div>
                        </section>
                    }
                    .into_any()
                }
                Mode::SlotTaken { nearest } => {
                    let zone_now = zone.get_untracked();
                    let nearest: Vec<_> = nearest.iter().map(|s| local_slot(*s, &zone_now)).collect();
                    view! {
                        <section class="alert alert--warning slot-taken" role="alert">
                            <FocusedHeading>{slot_taken_heading()}</FocusedHeading>
                            <TimeList
                                slots=Signal::stored(nearest)
                                locale
                                show_day=true
                                chosen=Signal::derive(|| None)
                                on_choose=choose_slot
                            />
                            <p>
                                <button type="button" class="button button--secondary" on:click=keep>
                                    "Keep the current time"
                                </button>
                            </p>
                        </section>
                    }
                    .into_any()
                }
                Mode::ConfirmingCancel => view! {
                    <section class="cancel-call">
                        <FocusedHeading>"Cancel this call?"</FocusedHeading>
                        <p>"The time will be freed for someone else. You can book a new call at any time."</p>
                        <div class="form-actions">
                            <button
                                type="button"
                                class="button button--warning"
                                aria-disabled=busy
                                on:click=move |_| cancel()
                            >
                                {move || if pending.get() { "Cancelling your call…" } else { "Yes, cancel my call" }}
                            </button>
                            <button type="button" class="button button--secondary" on:click=keep>
                                "No, keep my call"
                            </button>
                        </div>
                    </section>
                }
                .into_any(),
            }
        }
    };

    let notice = move || {
        done.get().map(|done| {
            let (title, body) = match done {
                Done::Moved => (
                    "Your call has been moved",
                    "The new time is shown below. Your reference and this link stay the same.",
                ),
                Done::Cancelled => (
                    "Your call is cancelled",
                    "You do not need to do anything else.",
                ),
            };
            view! {
                <div class="alert alert--success" role="status">
                    <FocusedHeading>{title}</FocusedHeading>
                    <p>{body}</p>
                </div>
            }
        })
    };
    let failure_view = move || {
        failure.get().map(|error| {
            view! {
                <Alert kind=AlertKind::Error title="That did not work">
                    <p>{error.user_message()}</p>
                </Alert>
            }
        })
    };

    view! {
        <PageMeta
            page="Your call with a care coordinator"
            description="See, change or cancel your free call with a care coordinator."
        />
        {move || match updated.get().map(Ok).or_else(|| loaded.get()) {
            None => view! { <Loading label="Loading your call…" /> }.into_any(),
            Some(Err(error)) if error.is_not_found() => view! {
                <PageHeading>"We could not find this call"</PageHeading>
                <p>{NOT_FOUND_MESSAGE}</p>
                <p>
                    <a href="/call">"Book a free call with a care coordinator"</a>
                </p>
            }
            .into_any(),
            Some(Err(error)) => view! {
                <PageHeading>"Your call with a care coordinator"</PageHeading>
                <FetchError error what="your call" on_retry=move |_| loaded.refetch() />
            }
            .into_any(),
            Some(Ok(view)) => {
                let booked = view.status == CallStatus::Booked;
                let actions = actions.clone();
                view! {
                    <PageHeading>"Your call with a care coordinator"</PageHeading>
                    {notice}
                    {failure_view}
                    {call_view(view)}
                    {if booked {
                        actions.into_any()
                    } else {
                        view! {
                            <p>
                                <a class="button" href="/call">
                                    "Book a new call"
                                </a>
                            </p>
                        }
                        .into_any()
                    }}
                }
                .into_any()
            }
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_read_from_the_fragment_only_in_its_expected_form() {
        assert_eq!(
            token_from_fragment("#token=Ab-_9z").as_deref(),
            Some("Ab-_9z")
        );
        assert_eq!(
            token_from_fragment("#x=1&token=abc").as_deref(),
            Some("abc")
        );
        assert_eq!(token_from_fragment(""), None);
        assert_eq!(token_from_fragment("#token="), None);
        assert_eq!(token_from_fragment("#token=a b"), None);
        assert_eq!(token_from_fragment("#token=<script>"), None);
        assert_eq!(token_from_fragment("#other=abc"), None);
    }
}
