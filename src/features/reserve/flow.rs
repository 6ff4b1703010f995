//! The reservation as a whole: loads the group, keeps the draft, shows the step the URL names
//! (or the first one still to fill in), and sends the reservation.

use frontdoor_contract::{FieldError, Group};
use leptos::{prelude::*, task::spawn_local};
use leptos_router::{NavigateOptions, hooks::use_navigate};

use super::{
    CONFIRMED, ConfirmedReservation, DRAFT, ReservationDraft, ReserveStep, Submission,
    confirmation::ConfirmationStep, details_step::DetailsStep, field_place,
    review_step::ReviewStep, session_step::SessionStep, step_path,
};
use crate::{
    api::{groups::group as fetch_group, reservations::reserve},
    components::{
        ErrorSummary, FetchError, FormProblem, Loading, PageHeading, PageMeta, StepProgress,
    },
    config::use_config,
    features::{draft::SubmissionKey, groups::result_card::group_path},
    time::reader_zone_or_utc,
};

/// What every step of one group's reservation shares.
#[derive(Debug, Clone, Copy)]
pub struct ReserveState {
    /// What has been typed so far (saved to `sessionStorage` on every change).
    pub draft: RwSignal<ReservationDraft>,
    /// Where sending stands.
    pub submission: RwSignal<Submission>,
    /// Problems to show on the current step, from the form's own check or from the server.
    pub problems: RwSignal<Vec<FieldError>>,
    /// Counts attempts to move on with problems, so the error summary takes focus each time.
    pub attempt: RwSignal<u32>,
    /// Moves to another step of this group's reservation.
    go: StoredValue<Box<dyn Fn(ReserveStep, bool)>, LocalStorage>,
    /// Sends (or resends) the reservation.
    send: StoredValue<Box<dyn Fn()>, LocalStorage>,
}

impl ReserveState {
    /// Goes to `step` (a new history entry, or replacing the current one).
    pub fn go_to(&self, step: ReserveStep, replace: bool) {
        self.go.with_value(|go| go(step, replace));
    }

    /// Sends the reservation, unless a send is already on its way.
    pub fn send(&self) {
        self.send.with_value(|send| send());
    }

    /// Shows `problems` on the current step and moves focus to their summary.
    pub fn show_problems(&self, problems: Vec<FieldError>) {
        self.problems.set(problems);
        self.attempt.update(|n| *n += 1);
    }
}

/// The reservation of a seat in `group_id`, at the step the URL names (`None` when the URL's
/// step is unknown).
#[component]
pub fn ReserveFlow(
    /// The group's id, from the URL.
    #[prop(into)]
    group_id: Signal<String>,
    /// The step, from the URL.
    #[prop(into)]
    step: Signal<Option<ReserveStep>>,
) -> impl IntoView {
    // A new group (say, an alternative to a full one) starts its own flow.
    move || {
        let group_id = group_id.get();
        view! { <GroupReservation group_id step /> }
    }
}

#[component]
fn GroupReservation(group_id: String, step: Signal<Option<ReserveStep>>) -> impl IntoView {
    let api_base = use_config().api_base;
    let group = {
        let api_base = api_base.clone();
        let group_id = group_id.clone();
        LocalResource::new(move || fetch_group(&api_base, &group_id))
    };
    let draft = RwSignal::new(ReservationDraft::for_group(
        &group_id,
        DRAFT.load(),
        &reader_zone_or_utc(),
    ));
    // Saved on every change after the first render; the draft read at the start is already
    // where it came from (or empty, and not worth keeping).
    Effect::new(move |first: Option<()>| {
        let current = draft.get();
        if first.is_some() {
            if current.is_blank() {
                DRAFT.clear();
            } else {
                DRAFT.save(&current);
            }
        }
    });
    let submission = RwSignal::new(Submission::Ready);
    let problems = RwSignal::new(Vec::<FieldError>::new());
    let attempt = RwSignal::new(0u32);

    let navigate = use_navigate();
    let go = {
        let group_id = group_id.clone();
        let navigate = navigate.clone();
        move |to: ReserveStep, replace: bool| {
            navigate(
                &step_path(&group_id, to),
                NavigateOptions {
                    replace,
                    ..NavigateOptions::default()
                },
            );
        }
    };
    let go = StoredValue::new_local(Box::new(go) as Box<dyn Fn(ReserveStep, bool)>);

    let fresh_zone = draft.with_untracked(|d| d.contact.time_zone.clone());
    // The request belongs to the reservation, not to the step on screen when it left.
    let owner = Owner::current();
    let send = {
        let group_id = group_id.clone();
        move || {
            if submission.with_untracked(Submission::is_sending) {
                return;
            }
            let prepared = draft
                .try_update(|draft| draft.prepare_send(SubmissionKey::generate))
                .flatten();
            let Some(sent) = prepared else {
                // Something is missing: back to where it is asked.
                if let Some(Ok(group)) = group.get_untracked() {
                    let missing = draft.with_untracked(|d| d.first_incomplete_step(&group));
                    if let Some(missing) = missing {
                        go.with_value(|go| go(missing, false));
                    }
                }
                return;
            };
            // The key is kept before the request leaves, so a reload mid-flight reuses it.
            DRAFT.save(&draft.get_untracked());
            submission.set(Submission::Sending);
            let api_base = api_base.clone();
            let group_id = group_id.clone();
            let fresh_zone = fresh_zone.clone();
            let request = || reserve(&api_base, &sent.request, &sent.key.idempotency_key());
            let reply = match &owner {
                Some(owner) => owner.with(request),
                None => request(),
            };
            spawn_local(async move {
                let result = reply.await;
                let next = Submission::after(result);
                match &next {
                    Submission::Confirmed(confirmation) => {
                        CONFIRMED.save(&ConfirmedReservation {
                            confirmation: confirmation.clone(),
                            time_zone: sent.request.time_zone.clone(),
                        });
                        // Done: what was typed is forgotten, here and in the tab's storage.
                        draft.set(ReservationDraft::for_group(&group_id, None, &fresh_zone));
                        DRAFT.clear();
                        go.with_value(|go| go(ReserveStep::Confirmation, true));
                    }
                    Submission::Invalid(errors) => {
                        let step = errors
                            .first()
                            .map_or(ReserveStep::Details, |e| field_place(&e.field).1);
                        problems.set(errors.clone());
                        go.with_value(|go| go(step, false));
                        // Once the step's heading has taken the navigation's focus, the
                        // summary takes it, as on a page the server sent back with errors.
                        set_timeout(
                            move || attempt.update(|n| *n += 1),
                            std::time::Duration::from_millis(50),
                        );
                    }
                    _ => {}
                }
                submission.set(next);
            });
        }
    };
    let send = StoredValue::new_local(Box::new(send) as Box<dyn Fn()>);

    let state = ReserveState {
        draft,
        submission,
        problems,
        attempt,
        go,
        send,
    };

    view! {
        <Suspense fallback=|| view! { <Loading label="Loading the group…" /> }>
            {move || {
                group
                    .get()
                    .map(|result| match result {
                        Ok(group) => view! { <StepFor group step state /> }.into_any(),
                        Err(error) if error.is_not_found() => view! { <UnknownGroup /> }.into_any(),
                        Err(error) => {
                            view! {
                                <PageMeta page="Reserve a seat" description="Reserve a seat in a weekly group." />
                                <PageHeading>"We couldn\u{2019}t load this group"</PageHeading>
                                <FetchError error what="this group" on_retry=move |_| group.refetch() />
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}

/// The step to show for `group`: the one asked for, or the first still to fill in.
#[component]
fn StepFor(group: Group, step: Signal<Option<ReserveStep>>, state: ReserveState) -> impl IntoView {
    let group = StoredValue::new(group);
    // Which step is on screen; problems and a failed send belong to the step they arose on.
    let shown = Memo::new(move |_| {
        let requested = step.get().unwrap_or(ReserveStep::Session);
        group.with_value(|group| {
            state
                .draft
                .with_untracked(|draft| draft.reachable_step(requested, group))
        })
    });
    Effect::new(move |previous: Option<ReserveStep>| {
        let now = shown.get();
        if previous.is_some_and(|previous| previous != now) {
            state.submission.update(|s| {
                if !s.is_sending() {
                    *s = Submission::Ready;
                }
            });
            // Problems stay with the step that asks about them.
            state
                .problems
                .update(|problems| problems.retain(|p| field_place(&p.field).1 == now));
        }
        // An address that skips ahead (or names no step) is corrected in place.
        if step.get() != Some(now) {
            state.go_to(now, true);
        }
        now
    });
    move || {
        let group = group.get_value();
        match shown.get() {
            ReserveStep::Session => view! { <SessionStep group state /> }.into_any(),
            ReserveStep::Details => view! { <DetailsStep group state /> }.into_any(),
            ReserveStep::Review => view! { <ReviewStep group state /> }.into_any(),
            ReserveStep::Confirmation => view! { <ConfirmationStep group /> }.into_any(),
        }
    }
}

#[component]
fn UnknownGroup() -> impl IntoView {
    view! {
        <PageMeta page="Group not found" description="This group could not be found." />
        <PageHeading>"Group not found"</PageHeading>
        <p class="lede">
            "We couldn\u{2019}t find that group. It may have ended, or the address may be mistyped."
        </p>
        <p>
            <a href="/groups">"See all our groups"</a>
        </p>
    }
}

/// The link back to the group's page, shown above each step.
#[component]
pub fn BackToGroup(
    /// The group.
    #[prop(into)]
    group_id: String,
    /// The link text.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <p class="back-link-wrap">
            <a class="back-link" href=group_path(&group_id)>
                {label}
            </a>
        </p>
    }
}

/// The title, progress and error summary every form step starts with.
#[component]
pub fn StepHeader(
    /// This step.
    step: ReserveStep,
    /// The group's name.
    #[prop(into)]
    group_title: String,
    /// The shared state, for its problems.
    state: ReserveState,
) -> impl IntoView {
    let page = format!("{} — {group_title}", step.title());
    let meta = move || {
        let page = if state.problems.with(Vec::is_empty) {
            page.clone()
        } else {
            format!("Error: {page}")
        };
        view! {
            <PageMeta
                page
                description="Reserve a seat in a weekly online group led by a licensed therapist."
            />
        }
    };
    let summary = move || {
        let problems: Vec<FormProblem> = state
            .problems
            .get()
            .into_iter()
            .map(|problem| FormProblem {
                field_id: field_place(&problem.field).0.to_owned(),
                message: problem.message,
            })
            .collect();
        (!problems.is_empty()).then(|| view! { <ErrorSummary problems attempt=state.attempt /> })
    };
    view! {
        {meta}
        <StepProgress number=step.number() total=ReserveStep::FORM.len() />
        {summary}
    }
}
