//! Step 1: which of the next sessions to start with, each on the reader's clock with the
//! group's beside it.

use chrono::{DateTime, SecondsFormat, Utc};
use frontdoor_contract::Group;
use leptos::{ev::SubmitEvent, html::H1, prelude::*};

use super::{
    CONFIRMED, ReserveStep, field_ids, flow::BackToGroup, flow::ReserveState, flow::StepHeader,
    manage_path,
};
use crate::{
    components::{Alert, AlertKind, ChoiceOption, LegendText, PageHeading, PageMeta, RadioGroup},
    features::{
        groups::{result_card::group_path, session_times::session_text_in},
        reserve::contact_fields::problem_for,
    },
};

/// How a session instant is written as a radio's value.
pub fn session_value(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The choice of first session.
#[component]
pub fn SessionStep(
    /// The group being reserved.
    group: Group,
    /// The reservation's shared state.
    state: ReserveState,
) -> impl IntoView {
    let already = CONFIRMED
        .load()
        .filter(|confirmed| confirmed.confirmation.group_id == group.id);
    let notice = already.map(|confirmed| {
        let link = manage_path(
            &confirmed.confirmation.reference,
            &confirmed.confirmation.manage_token,
        );
        view! {
            <Alert kind=AlertKind::Info title="You have a seat in this group">
                <p>
                    "Your reference is " <strong>{confirmed.confirmation.reference.clone()}</strong> ". "
                    <a href=link>"View or cancel your reservation"</a>
                    "."
                </p>
            </Alert>
        }
    });

    if !group.has_seats() {
        return view! {
            <PageMeta
                page=format!("This group is full — {}", group.title)
                description="This group has no seats left."
            />
            <PageHeading>"This group is full"</PageHeading>
            {notice}
            <p class="lede">
                "Every seat in " {group.title.clone()}
                " is taken. You can join the waitlist, or choose another group."
            </p>
            <p>
                <a class="button" href=group_path(&group.id)>
                    "Join the waitlist"
                </a>
            </p>
            <p>
                <a href="/groups">"See all our groups"</a>
            </p>
        }
        .into_any();
    }

    let time_zone = state.draft.with_untracked(|d| d.contact.time_zone.clone());
    let options: Vec<ChoiceOption> = group
        .next_sessions
        .iter()
        .map(|&instant| {
            ChoiceOption::new(
                session_value(instant),
                session_text_in(instant, &time_zone, &group.time_zone),
            )
        })
        .collect();
    let selected = RwSignal::new(
        state
            .draft
            .with_untracked(|d| d.first_session.map(session_value)),
    );
    Effect::new(move |first: Option<()>| {
        let chosen = selected.get();
        if first.is_some() {
            let instant = chosen
                .and_then(|text| DateTime::parse_from_rfc3339(&text).ok())
                .map(|t| t.with_timezone(&Utc));
            state.draft.update(|d| d.first_session = instant);
        }
    });
    let error = Signal::derive(move || {
        state
            .problems
            .with(|p| problem_for(p, field_ids::FIRST_SESSION))
    });
    let heading = NodeRef::<H1>::new();
    let group = StoredValue::new(group);
    let next = move |event: SubmitEvent| {
        event.prevent_default();
        let problem = group.with_value(|g| state.draft.with_untracked(|d| d.session_problem(g)));
        match problem {
            Some(problem) => state.show_problems(vec![problem]),
            None => {
                state.problems.set(Vec::new());
                state.go_to(ReserveStep::Details, false);
            }
        }
    };
    let title = group.with_value(|g| g.title.clone());
    let id = group.with_value(|g| g.id.clone());
    view! {
        <BackToGroup group_id=id label="Back to the group" />
        <StepHeader step=ReserveStep::Session group_title=title.clone() state />
        {notice}
        <form class="form" novalidate on:submit=next>
            <RadioGroup
                id=field_ids::FIRST_SESSION
                legend=LegendText {
                    caption: Some(title),
                    text: "When would you like to start?".to_owned(),
                }
                heading=heading
                hint=Some("The group meets every week at the same time. Choose your first session.".to_owned())
                error=error
                options=options
                selected=selected
            />
            <button type="submit" class="button">
                "Continue"
            </button>
        </form>
    }
    .into_any()
}
