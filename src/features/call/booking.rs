//! The booking flow at `/call`: choose a day, a time, give details, check them, confirm.
//!
//! The step comes from the URL ([`CallStep`]); what has been chosen lives in [`BookingState`],
//! whose booking details are mirrored into the tab's `sessionStorage` draft so a reload or Back
//! keeps them. The note and the self-check opt-in stay in memory only (see
//! [`super::details`]). Confirming sends the booking with the draft's `Idempotency-Key`, so a
//! retry — automatic or "Confirm" pressed again — cannot book twice.

use chrono::{DateTime, NaiveDate, Utc};
use frontdoor_contract::{
    CallConfirmation, CallSlot, CallSlots, ContactMethod, FieldError, SharedSelfCheckSummary,
};
use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::{NavigateOptions, hooks::use_navigate};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use super::{
    details::{self, CallDraft, DRAFT_KEY, availability_errors, availability_request, field_ids},
    flow::{CallStep, Progress, Submission, resolve},
    picker::{DayList, TimeList, ZoneChooser, days_in_zone, local_slot, slot_text},
    schedule::{SlotDay, day_slots, slot_name_with_year, zone_label},
    share::shared_summary,
};
use crate::{
    api::{
        ApiError, IdempotencyKey,
        calls::{BookingError, book_call, coordinator_slots, request_other_times},
        path_segment,
    },
    components::{
        Alert, AlertKind, CheckboxGroup, ChoiceOption, ErrorSummary, FetchError, FormProblem,
        LegendText, Loading, PageHeading, PageMeta, RadioGroup, StepProgress, SubmitButton,
        TextArea, TextField, TextKind,
    },
    config::use_config,
    features::{
        calendar::{OneOffEvent, one_off_event_ics},
        draft::{Draft, NonHealthDraft, SubmissionKey},
        self_check::{SelfCheckSummary, use_self_check_summary},
    },
    time::{ReaderLocale, reader_locale, reader_zone_or_utc},
};

/// The value of the opt-in checkbox.
const SHARE_VALUE: &str = "share";

/// The steps counted in "Step n of 4".
const COUNTED_STEPS: usize = 4;

/// A booking that went through, with the zone its time was shown in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Confirmed {
    /// The server's confirmation, including the manage token.
    pub confirmation: CallConfirmation,
    /// The zone the person was reading times in.
    pub zone: String,
}

// Reference, manage token, times, phone or video and a time zone: booking details only. The
// note and the self-check summary are not part of it.
impl NonHealthDraft for Confirmed {}

/// The last call booked in this tab, so the confirmation survives a reload (a phone that
/// discards the tab in the background) instead of sending the person back to the start. Quick
/// exit clears it with the rest of `sessionStorage`; the manage page keeps it in step.
pub const CONFIRMED: Draft<Confirmed> = Draft::session("frontdoor.call-confirmed");

impl Confirmed {
    /// After the call was moved on the manage page.
    pub fn record_move(reference: &str, start: DateTime<Utc>, end: DateTime<Utc>) {
        if let Some(mut confirmed) = CONFIRMED.load()
            && confirmed.confirmation.reference == reference
        {
            confirmed.confirmation.start = start;
            confirmed.confirmation.end = end;
            CONFIRMED.save(&confirmed);
        }
    }

    /// After the call was cancelled on the manage page.
    pub fn record_cancellation(reference: &str) {
        if CONFIRMED
            .load()
            .is_some_and(|confirmed| confirmed.confirmation.reference == reference)
        {
            CONFIRMED.clear();
        }
    }
}

/// Everything the booking flow holds, as signals shared by its steps.
#[derive(Clone, Copy)]
pub struct BookingState {
    api_base: StoredValue<String>,
    locale: ReaderLocale,
    zone: RwSignal<String>,
    day: RwSignal<Option<NaiveDate>>,
    slot: RwSignal<Option<CallSlot>>,
    contact_method: RwSignal<Option<String>>,
    name: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
    details_done: RwSignal<bool>,
    submission_key: RwSignal<Option<SubmissionKey>>,
    // In memory only: a note may hold health information, and the opt-in decides whether the
    // self-check summary leaves the device. Neither is ever written to storage.
    note: RwSignal<String>,
    share: RwSignal<Vec<String>>,
    summary: Signal<Option<SelfCheckSummary>>,
    submission: RwSignal<Submission>,
    confirmed: RwSignal<Option<Confirmed>>,
    field_errors: RwSignal<Vec<FieldError>>,
    attempt: RwSignal<u32>,
    slots: LocalResource<Result<CallSlots, ApiError>>,
    days: Memo<Vec<SlotDay>>,
    navigate: Callback<(String, bool)>,
}

fn contact_value(method: ContactMethod) -> &'static str {
    match method {
        ContactMethod::Phone => "phone",
        ContactMethod::Video => "video",
    }
}

fn contact_method(value: Option<&str>) -> Option<ContactMethod> {
    match value {
        Some("phone") => Some(ContactMethod::Phone),
        Some("video") => Some(ContactMethod::Video),
        _ => None,
    }
}

/// "Phone call" or "Video call".
pub(super) fn contact_label(method: ContactMethod) -> &'static str {
    match method {
        ContactMethod::Phone => "Phone call",
        ContactMethod::Video => "Video call",
    }
}

impl BookingState {
    /// Restores the draft (if any) and starts loading the free slots.
    fn new() -> Self {
        let store = Draft::<CallDraft>::session(DRAFT_KEY);
        let saved = store.load().unwrap_or_default();
        let api_base = use_config().api_base;
        let slots = {
            let api_base = api_base.clone();
            LocalResource::new(move || coordinator_slots(&api_base))
        };
        let zone = RwSignal::new(saved.time_zone.clone().unwrap_or_else(reader_zone_or_utc));
        let days = Memo::new(move |_| {
            let zone = zone.get();
            slots
                .get()
                .and_then(Result::ok)
                .map(|list| days_in_zone(&list.slots, &zone))
                .unwrap_or_default()
        });
        let navigate = use_navigate();
        let navigate = Callback::new(move |(path, replace): (String, bool)| {
            navigate(
                &path,
                NavigateOptions {
                    replace,
                    ..NavigateOptions::default()
                },
            );
        });
        let state = Self {
            navigate,
            api_base: StoredValue::new(api_base),
            locale: reader_locale(),
            zone,
            day: RwSignal::new(saved.day),
            slot: RwSignal::new(saved.slot),
            contact_method: RwSignal::new(
                saved.contact_method.map(|m| contact_value(m).to_owned()),
            ),
            name: RwSignal::new(saved.name),
            email: RwSignal::new(saved.email),
            phone: RwSignal::new(saved.phone),
            details_done: RwSignal::new(saved.details_done),
            submission_key: RwSignal::new(saved.submission_key),
            note: RwSignal::new(String::new()),
            share: RwSignal::new(Vec::new()),
            summary: use_self_check_summary(),
            submission: RwSignal::new(Submission::Idle),
            confirmed: RwSignal::new(CONFIRMED.load()),
            field_errors: RwSignal::new(Vec::new()),
            attempt: RwSignal::new(0),
            slots,
            days,
        };
        // Mirror the booking details into the draft; an empty form leaves no draft behind.
        Effect::new(move |_| {
            let draft = state.draft();
            let empty = CallDraft {
                time_zone: draft.time_zone.clone(),
                ..CallDraft::default()
            };
            if draft == empty {
                store.clear();
            } else {
                store.save(&draft);
            }
        });
        // A new zone moves the chosen day to the chosen time's date on that zone's calendar.
        Effect::new(move |previous: Option<String>| {
            let current = zone.get();
            if previous.is_some_and(|previous| previous != current) {
                let date = state
                    .slot
                    .get_untracked()
                    .map(|slot| local_slot(slot, &current).local_start.date());
                state.day.set(date);
            }
            current
        });
        state
    }

    /// The booking details as they stand (tracked).
    fn draft(self) -> CallDraft {
        CallDraft {
            time_zone: Some(self.zone.get()),
            day: self.day.get(),
            slot: self.slot.get(),
            contact_method: contact_method(self.contact_method.get().as_deref()),
            name: self.name.get(),
            email: self.email.get(),
            phone: self.phone.get(),
            details_done: self.details_done.get(),
            submission_key: self.submission_key.get(),
        }
    }

    fn progress(self) -> Progress {
        Progress {
            has_day: self.day.with(Option::is_some),
            has_slot: self.slot.with(Option::is_some),
            details_done: self.details_done.get(),
            confirmed: self.confirmed.with(Option::is_some),
        }
    }

    /// The summary as it would be shared, if the self-check has one (tracked).
    fn shared(self) -> Option<SharedSelfCheckSummary> {
        self.summary
            .with(|summary| summary.as_ref().map(shared_summary))
    }

    /// Whether the person ticked the opt-in (and there is something to share).
    fn sharing(self) -> Option<SharedSelfCheckSummary> {
        let ticked = self.share.with(|s| s.iter().any(|v| v == SHARE_VALUE));
        if ticked { self.shared() } else { None }
    }

    fn field_error(self, field: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.field_errors.with(|errors| {
                errors
                    .iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    }

    /// Shows `step` (replacing the current history entry when `replace`).
    fn go(self, step: CallStep, replace: bool) {
        self.navigate.run((step.path(), replace));
    }

    /// "Clear": forgets every detail typed or chosen, in storage and in memory.
    fn clear(self) {
        self.day.set(None);
        self.slot.set(None);
        self.contact_method.set(None);
        self.name.set(String::new());
        self.email.set(String::new());
        self.phone.set(String::new());
        self.details_done.set(false);
        self.submission_key.set(None);
        self.note.set(String::new());
        self.share.set(Vec::new());
        self.field_errors.set(Vec::new());
        self.submission.set(Submission::Idle);
    }
}

/// The whole booking flow; `step` is the step the URL names.
#[component]
pub fn CallBooking(
    /// The step named by the URL.
    #[prop(into)]
    step: Signal<CallStep>,
) -> impl IntoView {
    let state = BookingState::new();
    let shown = Memo::new(move |_| resolve(step.get(), state.progress()));
    // A step whose prerequisites are missing is replaced by the first one still to do.
    Effect::new(move |_| {
        let (asked, shown) = (step.get(), shown.get());
        if asked != shown {
            state.go(shown, true);
        }
    });
    move || {
        let step = shown.get();
        let meta = view! {
            <PageMeta page=step.title() description=step.description() />
        };
        let body = match step {
            CallStep::Day => view! { <DayStep state /> }.into_any(),
            CallStep::Time => view! { <TimeStep state /> }.into_any(),
            CallStep::Details => view! { <DetailsStep state /> }.into_any(),
            CallStep::Review => view! { <ReviewStep state /> }.into_any(),
            CallStep::Confirmed => view! { <ConfirmedStep state /> }.into_any(),
            CallStep::OtherTimes => view! { <OtherTimesStep state /> }.into_any(),
        };
        view! {
            {meta}
            {body}
        }
    }
}

/// Loading, error or `ready` once the free slots have arrived.
fn with_slots(
    state: BookingState,
    ready: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    move || match state.slots.get() {
        None => view! { <Loading label="Loading free times…" /> }.into_any(),
        Some(Err(error)) => view! {
            <FetchError error what="the free times" on_retry=move |_| state.slots.refetch() />
        }
        .into_any(),
        Some(Ok(_)) => ready(),
    }
}

fn other_times_link() -> impl IntoView {
    view! {
        <p class="other-times-link">
            <a href=CallStep::OtherTimes.path()>"None of these times work for me"</a>
        </p>
    }
}

#[component]
fn DayStep(state: BookingState) -> impl IntoView {
    let choose = Callback::new(move |date: NaiveDate| {
        state.day.set(Some(date));
        state.go(CallStep::Time, false);
    });
    let days = Signal::derive(move || state.days.get());
    let chosen = Signal::derive(move || state.day.get());
    view! {
        <StepProgress number=1 total=COUNTED_STEPS />
        <PageHeading>"Book a free call with a care coordinator"</PageHeading>
        <p class="lede">
            "A care coordinator can answer your questions, talk through what you need and help you find the right program or group. The call is free, by phone or video."
        </p>
        <p class="hint">
            "This is not a crisis service. If you need help now, call or text "
            <a href="tel:988">"988"</a> "."
        </p>
        <h2>"Choose a day"</h2>
        <ZoneChooser id=field_ids::TIME_ZONE zone=state.zone />
        {with_slots(
            state,
            move || {
                if state.days.with(Vec::is_empty) {
                    view! {
                        <p>"There are no free times in the next few weeks. Tell us when would suit you and a coordinator will get in touch."</p>
                    }
                        .into_any()
                } else {
                    view! {
                        <DayList days locale=state.locale chosen on_choose=choose />
                    }
                        .into_any()
                }
            },
        )}
        {other_times_link()}
    }
}

#[component]
fn TimeStep(state: BookingState) -> impl IntoView {
    let choose = Callback::new(move |slot: CallSlot| {
        state.slot.set(Some(slot));
        state.submission_key.set(None);
        state.submission.set(Submission::Idle);
        let next = if state.details_done.get_untracked() {
            CallStep::Review
        } else {
            CallStep::Details
        };
        state.go(next, false);
    });
    let heading = move || match state.day.get() {
        Some(date) => format!("Choose a time on {}", state.locale.day(date)),
        None => "Choose a time".to_owned(),
    };
    let slots = Signal::derive(move || {
        let day = state.day.get();
        state.days.with(|days| {
            day.and_then(|date| day_slots(days, date))
                .map(|day| day.slots.clone())
                .unwrap_or_default()
        })
    });
    let chosen = Signal::derive(move || state.slot.get());
    view! {
        <StepProgress number=2 total=COUNTED_STEPS />
        <PageHeading>{heading}</PageHeading>
        <ZoneChooser id=field_ids::TIME_ZONE zone=state.zone />
        {with_slots(
            state,
            move || {
                if slots.with(Vec::is_empty) {
                    view! {
                        <p>"There are no free times left on this day."</p>
                    }
                        .into_any()
                } else {
                    view! {
                        <TimeList slots locale=state.locale chosen on_choose=choose />
                    }
                        .into_any()
                }
            },
        )}
        <p>
            <a href=CallStep::Day.path()>"Choose another day"</a>
        </p>
        {other_times_link()}
    }
}

/// "Your call: Wednesday, December 2, 10:30 AM, Sydney time (Australia/Sydney). Change"
fn chosen_time_line(state: BookingState) -> impl IntoView {
    let text = move || {
        state
            .slot
            .get()
            .map(|slot| {
                let zone = state.zone.get();
                format!(
                    "{}, {}",
                    slot_text(slot, &zone, state.locale),
                    zone_label(&zone)
                )
            })
            .unwrap_or_default()
    };
    view! {
        <p class="chosen-time">
            <span class="chosen-time__label">"Your call: "</span>
            <strong>{text}</strong>
            " "
            <a id=field_ids::CHANGE_TIME href=CallStep::Time.path()>
                "Change"
                <span class="visually-hidden">" the time"</span>
            </a>
        </p>
    }
}

fn problems(errors: &[FieldError]) -> Vec<FormProblem> {
    errors
        .iter()
        .map(|e| FormProblem {
            message: e.message.clone(),
            field_id: details::field_id(&e.field).to_owned(),
        })
        .collect()
}

fn clear_button(state: BookingState) -> impl IntoView {
    view! {
        <button
            type="button"
            class="button button--secondary"
            on:click=move |_| {
                state.clear();
                state.go(CallStep::Day, false);
            }
        >
            "Clear my details and start again"
        </button>
    }
}

#[component]
fn DetailsStep(state: BookingState) -> impl IntoView {
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let draft = state.draft();
        let errors = draft.details_errors(&state.zone.get_untracked(), &state.note.get_untracked());
        if errors.is_empty() {
            state.field_errors.set(Vec::new());
            state.details_done.set(true);
            state.submission_key.set(None);
            state.submission.set(Submission::Idle);
            state.go(CallStep::Review, false);
        } else {
            state.details_done.set(false);
            state.field_errors.set(errors);
            state.attempt.update(|n| *n += 1);
        }
    };
    let summary_box = move || {
        state.shared().map(|shared| {
            view! {
                <CheckboxGroup
                    id=field_ids::SHARE
                    legend=LegendText {
                        caption: None,
                        text: "Your self-check summary".into(),
                    }
                    hint=Some(
                        "Only if you tick the box is this summary sent with your booking. It holds your result and the reasons shown with it, never your individual answers."
                            .to_owned(),
                    )
                    error=state.field_error("self_check_summary")
                    options=vec![
                        ChoiceOption::new(
                            SHARE_VALUE,
                            "Share my self-check summary with the coordinator",
                        ),
                    ]
                    selected=state.share
                />
                <SummaryPreview shared />
            }
        })
    };
    view! {
        <StepProgress number=3 total=COUNTED_STEPS />
        {move || {
            let errors = state.field_errors.get();
            (!errors.is_empty())
                .then(|| view! { <ErrorSummary problems=problems(&errors) attempt=state.attempt /> })
        }}
        <PageHeading>"Your details"</PageHeading>
        {chosen_time_line(state)}
        <form class="form" novalidate on:submit=submit>
            <RadioGroup
                id=field_ids::CONTACT_METHOD
                legend=LegendText {
                    caption: None,
                    text: "How would you like to talk?".into(),
                }
                hint=None
                error=state.field_error("contact_method")
                options=vec![
                    ChoiceOption::new("phone", "Phone call: the coordinator calls you"),
                    ChoiceOption::new("video", "Video call: we send you a link"),
                ]
                selected=state.contact_method
            />
            <TextField
                id=field_ids::NAME
                label="Your name"
                hint="Any name you would like us to use is fine."
                error=state.field_error("name")
                value=state.name
                autocomplete="name"
                max_length=frontdoor_contract::calls::NAME_MAX_CHARS
            />
            <TextField
                id=field_ids::EMAIL
                label="Email address"
                hint="For a video call we send the link here. Give an email address, a phone number or both."
                error=state.field_error("email")
                value=state.email
                autocomplete="email"
                kind=TextKind::Email
                optional=true
            />
            <TextField
                id=field_ids::PHONE
                label="Phone number"
                hint="Needed for a phone call."
                error=state.field_error("phone")
                value=state.phone
                autocomplete="tel"
                kind=TextKind::Phone
                optional=true
            />
            <TextArea
                id=field_ids::NOTE
                label="Anything you would like the coordinator to know before the call"
                hint="This stays on this page only: it is not saved on your device, so if you reload the page you will need to type it again."
                error=state.field_error("note")
                value=state.note
                optional=true
                max_length=frontdoor_contract::calls::NOTE_MAX_CHARS
            />
            {summary_box}
            <div class="form-actions">
                <button type="submit" class="button">
                    "Continue"
                </button>
                {clear_button(state)}
            </div>
        </form>
    }
}

/// Exactly what the opt-in would send.
#[component]
fn SummaryPreview(shared: SharedSelfCheckSummary) -> impl IntoView {
    let topics = (!shared.topics.is_empty()).then(|| {
        view! {
            <p>
                <span class="share-preview__label">"Topics: "</span>
                {shared.topics.join(", ")}
            </p>
        }
    });
    view! {
        <div class="share-preview" data-testid="share-preview">
            <p class="share-preview__title">"What would be shared"</p>
            <p>
                <span class="share-preview__label">"Result: "</span>
                {shared.level_of_care.label()}
            </p>
            <ul class="share-preview__lines">
                {shared.lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            {topics}
        </div>
    }
}

/// One row of a "Check your answers" list.
fn answer_row(
    key: &'static str,
    value: impl IntoView + 'static,
    change: Option<(String, &'static str)>,
) -> impl IntoView {
    let change = change.map(|(href, what)| {
        view! {
            <dd class="summary-list__actions">
                <a href=href>"Change" <span class="visually-hidden">{format!(" {what}")}</span></a>
            </dd>
        }
    });
    view! {
        <div class="summary-list__row">
            <dt class="summary-list__key">{key}</dt>
            <dd class="summary-list__value">{value}</dd>
            {change}
        </div>
    }
}

fn or_not_given(text: String) -> String {
    if text.trim().is_empty() {
        "Not given".to_owned()
    } else {
        text.trim().to_owned()
    }
}

#[component]
fn ReviewStep(state: BookingState) -> impl IntoView {
    let owner = Owner::current();
    let send = move || {
        if state.submission.with_untracked(Submission::is_pending) {
            return;
        }
        let draft = state.draft();
        let (Some(slot), Some(method)) = (draft.slot, draft.contact_method) else {
            return;
        };
        let zone = state.zone.get_untracked();
        let key = draft
            .submission_key
            .clone()
            .unwrap_or_else(SubmissionKey::generate);
        state.submission_key.set(Some(key.clone()));
        let request = draft.request(
            slot,
            method,
            &zone,
            &state.note.get_untracked(),
            state.sharing(),
        );
        state.submission.set(Submission::Pending);
        let api_base = state.api_base.get_value();
        // Tied to the flow's owner, so leaving the page stops the request (its key is kept).
        let booking = match &owner {
            Some(owner) => owner.with(|| book_call(&api_base, &request, &key.idempotency_key())),
            None => book_call(&api_base, &request, &key.idempotency_key()),
        };
        spawn_local(async move {
            match booking.await {
                Ok(confirmation) => {
                    // The confirmation page takes the review's place in history; it forgets the
                    // draft once it shows (forgetting it here would send the review back to the
                    // first step before the new address is in place).
                    let confirmed = Confirmed { confirmation, zone };
                    CONFIRMED.save(&confirmed);
                    state.confirmed.set(Some(confirmed));
                    state.go(CallStep::Confirmed, true);
                }
                Err(BookingError::SlotTaken(nearest)) => {
                    state.submission_key.set(None);
                    state.submission.set(Submission::SlotTaken { nearest });
                    state.slots.refetch();
                }
                Err(BookingError::Api(ApiError::Problem(problem)))
                    if problem.status == 422 && !problem.errors.is_empty() =>
                {
                    state.submission_key.set(None);
                    state.submission.set(Submission::Idle);
                    state.details_done.set(false);
                    state.field_errors.set(problem.errors);
                    state.attempt.update(|n| *n += 1);
                    state.go(CallStep::Details, false);
                }
                Err(BookingError::Api(error)) => {
                    // Refused for sure: a new attempt is a new request. Anything else (no reply,
                    // a server error, the first send still running) may yet have booked, so the
                    // key stays and "Confirm" sends the very same request again.
                    if error.status() == Some(422) {
                        state.submission_key.set(None);
                    }
                    state.submission.set(Submission::Failed(error));
                }
            }
        });
    };
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        send();
    };
    let pending = Signal::derive(move || state.submission.with(Submission::is_pending));
    let time = move || {
        state
            .slot
            .get()
            .map(|slot| {
                let zone = state.zone.get();
                format!(
                    "{}, {}",
                    slot_text(slot, &zone, state.locale),
                    zone_label(&zone)
                )
            })
            .unwrap_or_default()
    };
    let method = move || {
        contact_method(state.contact_method.get().as_deref())
            .map(contact_label)
            .unwrap_or_default()
    };
    let summary_row = move || {
        state.shared().map(|_| {
            let shared = move || {
                if state.sharing().is_some() {
                    "Shared with the coordinator"
                } else {
                    "Not shared"
                }
            };
            answer_row(
                "Self-check summary",
                shared,
                Some((
                    CallStep::Details.path(),
                    "whether to share your self-check summary",
                )),
            )
        })
    };
    let note = move || {
        let note = state.note.get();
        if note.trim().is_empty() {
            "None".to_owned()
        } else {
            note.trim().to_owned()
        }
    };
    let details = CallStep::Details.path();
    view! {
        <StepProgress number=4 total=COUNTED_STEPS />
        <PageHeading>"Check your answers before booking"</PageHeading>
        {move || match state.submission.get() {
            Submission::SlotTaken { nearest } => {
                view! { <SlotTakenChoices state nearest /> }.into_any()
            }
            Submission::Failed(error) => {
                view! {
                    <Alert kind=AlertKind::Error title="Your call is not booked yet">
                        <p>{error.user_message()}</p>
                        <p>"Your details are kept. Press “Confirm booking” to try again."</p>
                    </Alert>
                }
                    .into_any()
            }
            _ => ().into_any(),
        }}
        <dl class="summary-list">
            {answer_row("Time", time, Some((CallStep::Time.path(), "the time")))}
            {answer_row("How", method, Some((details.clone(), "how you would like to talk")))}
            {answer_row(
                "Name",
                move || state.name.get().trim().to_owned(),
                Some((details.clone(), "your name")),
            )}
            {answer_row(
                "Email address",
                move || or_not_given(state.email.get()),
                Some((details.clone(), "your email address")),
            )}
            {answer_row(
                "Phone number",
                move || or_not_given(state.phone.get()),
                Some((details.clone(), "your phone number")),
            )}
            {answer_row(
                "Note for the coordinator",
                note,
                Some((details.clone(), "your note")),
            )}
            {summary_row}
        </dl>
        <form class="form" novalidate on:submit=submit>
            <div class="form-actions">
                <SubmitButton label="Confirm booking" pending_label="Booking your call…" pending />
                {clear_button(state)}
            </div>
        </form>
    }
}

/// The heading shown when the chosen time was booked by someone else meanwhile.
pub(super) fn slot_taken_heading() -> &'static str {
    "That time was just taken — these are the nearest free times"
}

/// "That time was just taken": the nearest free times, each booking-ready at a press.
#[component]
fn SlotTakenChoices(state: BookingState, nearest: Vec<CallSlot>) -> impl IntoView {
    let zone = state.zone.get_untracked();
    let slots: Vec<_> = nearest
        .iter()
        .map(|slot| local_slot(*slot, &zone))
        .collect();
    let empty = slots.is_empty();
    let choose = Callback::new(move |slot: CallSlot| {
        state.slot.set(Some(slot));
        state.day.set(Some(
            local_slot(slot, &state.zone.get_untracked())
                .local_start
                .date(),
        ));
        state.submission_key.set(None);
        state.submission.set(Submission::Idle);
    });
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    view! {
        <div class="alert alert--warning slot-taken" role="alert">
            <h2 class="alert__title" tabindex="-1" node_ref=heading>
                {slot_taken_heading()}
            </h2>
            <p>"Your details are kept. Choose one of these times, then confirm again."</p>
            {if empty {
                view! { <p>"There are no other free times close to it."</p> }.into_any()
            } else {
                view! {
                    <TimeList
                        slots=Signal::stored(slots)
                        locale=state.locale
                        show_day=true
                        chosen=Signal::derive(|| None)
                        on_choose=choose
                    />
                }
                    .into_any()
            }}
            <p>
                <a href=CallStep::Day.path()>"See all free times"</a>
            </p>
        </div>
    }
}

/// An `.ics` file for the booked call, as a `blob:` URL the "Add to calendar" link downloads;
/// released when the page goes away.
fn calendar_file(confirmed: &Confirmed, practice: &str) -> Option<String> {
    let c = &confirmed.confirmation;
    let how = match c.contact_method {
        ContactMethod::Phone => "Phone call: the coordinator will call you.",
        ContactMethod::Video => "Video call: we will send you the link.",
    };
    let ics = one_off_event_ics(&OneOffEvent {
        uid: format!("{}@frontdoor", c.reference),
        summary: format!("Call with a care coordinator ({practice})"),
        description: format!("{how}\nReference: {}", c.reference),
        start: c.start,
        end: c.end,
        // The browser's clock: `Utc::now` has no clock to read in wasm.
        stamp: chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
            .unwrap_or(c.start),
        publisher: practice.to_owned(),
    });
    let parts = js_sys::Array::of1(&JsValue::from_str(&ics));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/calendar;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let release = send_wrapper::SendWrapper::new(url.clone());
    on_cleanup(move || {
        let _ = web_sys::Url::revoke_object_url(&release);
    });
    Some(url)
}

/// The manage link for a booked call: the token travels in the fragment, which browsers never
/// send to a server.
pub fn manage_path(reference: &str, token: &str) -> String {
    format!(
        "/calls/{}#token={}",
        path_segment(reference),
        path_segment(token)
    )
}

#[component]
fn ConfirmedStep(state: BookingState) -> impl IntoView {
    let practice = use_config().practice_name;
    // Booked: the draft (and the note and opt-in in memory) are no longer needed.
    Effect::new(move |_| state.clear());
    move || {
        state.confirmed.get().map(|confirmed| {
            let c = confirmed.confirmation.clone();
            let when = slot_name_with_year(local_slot(CallSlot { start: c.start, end: c.end }, &confirmed.zone).local_start, state.locale);
            let zone = zone_label(&confirmed.zone);
            let manage = manage_path(&c.reference, &c.manage_token);
            let full_link = format!(
                "{}{manage}",
                window().location().origin().unwrap_or_default()
            );
            let calendar = calendar_file(&confirmed, &practice).map(|href| {
                view! {
                    <p>
                        <a class="button button--secondary" href=href download="coordinator-call.ics">
                            "Add to calendar"
                        </a>
                    </p>
                }
            });
            let how = match c.contact_method {
                ContactMethod::Phone => "The coordinator will call you on the number you gave.",
                ContactMethod::Video => "We will send you a link to join the video call.",
            };
            view! {
                <div class="panel panel--confirmation">
                    <PageHeading>"Your call is booked"</PageHeading>
                    <p class="panel__body">
                        "Your reference is" <br />
                        <strong class="reference">{c.reference.clone()}</strong>
                    </p>
                </div>
                <dl class="summary-list">
                    {answer_row("When", format!("{when}, {zone}"), None)}
                    {answer_row("How", format!("{}. {how}", contact_label(c.contact_method)), None)}
                </dl>
                {calendar}
                <h2>"Change or cancel your call"</h2>
                <p>
                    "Keep this link: it is the only way to change or cancel your call online. Bookmark it or save it somewhere private."
                </p>
                <p>
                    <a class="manage-link" href=manage.clone()>
                        "View, change or cancel your call"
                    </a>
                </p>
                <p class="manage-link__text">{full_link}</p>
                <h2>"What happens next"</h2>
                <ul>
                    <li>"A care coordinator will get in touch at the time you chose."</li>
                    <li>"If you need to talk to someone before then, call or text 988 at any time."</li>
                </ul>
                <p>
                    <a href="/programs">"Read about our programs"</a>
                </p>
            }
        })
    }
}

/// Where the "none of these times" request stands.
#[derive(Debug, Clone, PartialEq)]
enum OtherTimesState {
    Editing,
    Sending,
    Sent { reference: String },
    Failed(ApiError),
}

#[component]
fn OtherTimesStep(state: BookingState) -> impl IntoView {
    // In memory only, like the booking note: what suits a person may say something about them.
    let preferred = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let attempt = RwSignal::new(0u32);
    let progress = RwSignal::new(OtherTimesState::Editing);
    let key = StoredValue::new(None::<IdempotencyKey>);
    let owner = Owner::current();
    let error_for = move |field: &'static str| {
        Signal::derive(move || {
            errors.with(|list| {
                list.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    };
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if progress.with_untracked(|p| *p == OtherTimesState::Sending) {
            return;
        }
        let request = availability_request(
            &state.draft(),
            &state.zone.get_untracked(),
            &preferred.get_untracked(),
            &note.get_untracked(),
        );
        let found = availability_errors(&request);
        if !found.is_empty() {
            errors.set(found);
            attempt.update(|n| *n += 1);
            return;
        }
        errors.set(Vec::new());
        let idempotency = key.with_value(Clone::clone).unwrap_or_default();
        key.set_value(Some(idempotency.clone()));
        progress.set(OtherTimesState::Sending);
        let api_base = state.api_base.get_value();
        let sending = match &owner {
            Some(owner) => owner.with(|| request_other_times(&api_base, &request, &idempotency)),
            None => request_other_times(&api_base, &request, &idempotency),
        };
        spawn_local(async move {
            match sending.await {
                Ok(receipt) => {
                    key.set_value(None);
                    preferred.set(String::new());
                    note.set(String::new());
                    progress.set(OtherTimesState::Sent {
                        reference: receipt.reference,
                    });
                }
                Err(ApiError::Problem(problem))
                    if problem.status == 422 && !problem.errors.is_empty() =>
                {
                    key.set_value(None);
                    errors.set(problem.errors);
                    attempt.update(|n| *n += 1);
                    progress.set(OtherTimesState::Editing);
                }
                Err(error) => progress.set(OtherTimesState::Failed(error)),
            }
        });
    };
    let sending = Signal::derive(move || progress.with(|p| *p == OtherTimesState::Sending));
    let sent = Memo::new(move |_| match progress.get() {
        OtherTimesState::Sent { reference } => Some(reference),
        _ => None,
    });
    let failure = move || match progress.get() {
        OtherTimesState::Failed(error) => Some(view! {
            <Alert kind=AlertKind::Error title="Your request was not sent">
                <p>{error.user_message()}</p>
            </Alert>
        }),
        _ => None,
    };
    move || {
        match sent.get() {
        Some(reference) => view! {
            <div class="panel panel--confirmation">
                <PageHeading>"We have your request"</PageHeading>
                <p class="panel__body">
                    "Your reference is" <br /> <strong class="reference">{reference}</strong>
                </p>
            </div>
            <p>"A care coordinator will get in touch to find a time that works for you."</p>
            <p>"If you need to talk to someone before then, call or text " <a href="tel:988">"988"</a> "."</p>
            <p><a href="/programs">"Read about our programs"</a></p>
        }
        .into_any(),
        None => {
            view! {
                {move || {
                    let list = errors.get();
                    (!list.is_empty()).then(|| view! { <ErrorSummary problems=problems(&list) attempt /> })
                }}
                <PageHeading>"Ask for other times"</PageHeading>
                <p class="lede">"Tell us when would suit you and a care coordinator will get in touch to arrange a call."</p>
                {failure}
                <form class="form" novalidate on:submit=submit.clone()>
                    <TextArea
                        id=field_ids::PREFERRED_TIMES
                        label="When would suit you?"
                        hint="For example: weekday evenings after 6, or Saturday mornings."
                        error=error_for("preferred_times")
                        value=preferred
                        max_length=frontdoor_contract::calls::PREFERRED_TIMES_MAX_CHARS
                        rows=3
                    />
                    <ZoneChooser id=field_ids::TIME_ZONE zone=state.zone />
                    <TextField
                        id=field_ids::NAME
                        label="Your name"
                        hint="Any name you would like us to use is fine."
                        error=error_for("name")
                        value=state.name
                        autocomplete="name"
                        max_length=frontdoor_contract::calls::NAME_MAX_CHARS
                    />
                    <TextField
                        id=field_ids::EMAIL
                        label="Email address"
                        hint="Give an email address, a phone number or both."
                        error=error_for("email")
                        value=state.email
                        autocomplete="email"
                        kind=TextKind::Email
                        optional=true
                    />
                    <TextField
                        id=field_ids::PHONE
                        label="Phone number"
                        error=error_for("phone")
                        value=state.phone
                        autocomplete="tel"
                        kind=TextKind::Phone
                        optional=true
                    />
                    <TextArea
                        id=field_ids::NOTE
                        label="Anything else we should know"
                        hint="This is not saved on your device."
                        error=error_for("note")
                        value=note
                        optional=true
                        max_length=frontdoor_contract::calls::NOTE_MAX_CHARS
                    />
                    <SubmitButton label="Send request" pending_label="Sending your request…" pending=sending />
                </form>
                <p><a href=CallStep::Day.path()>"Back to the free times"</a></p>
            }
            .into_any()
        }
    }
    }
}
