//! A group's own page: what it is, who leads it, when it meets on the reader's clock, its next
//! sessions, and either "Reserve a seat" or, when full, its waitlist.

use frontdoor_contract::Group;
use leptos::prelude::*;

use super::{
    search_page::CoordinatorPrompt,
    session_times::{session_text, weekly_text},
    waitlist::WaitlistPanel,
    wording::{SeatLevel, seats_text, therapist_text},
};
use crate::{
    components::{PageHeading, PageMeta},
    features::reserve::{ReserveStep, step_path},
};

/// Everything about one group.
#[component]
pub fn GroupDetail(
    /// The group.
    group: Group,
) -> impl IntoView {
    let sessions = group
        .next_sessions
        .iter()
        .map(|&session| view! { <li>{session_text(session, &group.time_zone)}</li> })
        .collect_view();
    let seats_class = SeatLevel::of(&group).class();
    let action = if group.has_seats() {
        view! {
            <div class="reserve-cta">
                <p>"Space is limited: the group stays small so everyone is heard."</p>
                <a class="button button--large" href=step_path(&group.id, ReserveStep::Session)>
                    "Reserve a seat"
                </a>
            </div>
        }
        .into_any()
    } else {
        view! {
            <p class="full-notice">"This group is full at the moment."</p>
            <WaitlistPanel group=group.clone() />
        }
        .into_any()
    };
    let topic = group.topic.clone();
    let title = group.title.clone();
    let description = group.description.clone();
    view! {
        <PageMeta page=title.clone() description=description.clone() />
        <p class="back-link-wrap">
            <a class="back-link" href="/groups">"All groups"</a>
        </p>
        <PageHeading>
            <span class="heading-caption">{topic}</span>
            {title}
        </PageHeading>
        <p class="lede">{description}</p>
        <dl class="facts facts--page">
            <div class="facts__row">
                <dt>"Who it\u{2019}s for"</dt>
                <dd>{group.audience.label()}</dd>
            </div>
            <div class="facts__row">
                <dt>"Therapist"</dt>
                <dd>{therapist_text(&group.therapist)}</dd>
            </div>
            <div class="facts__row">
                <dt>"When"</dt>
                <dd>{weekly_text(&group)}</dd>
            </div>
            <div class="facts__row">
                <dt>"Each session"</dt>
                <dd>{format!("{} minutes, online by video", group.duration_minutes)}</dd>
            </div>
            <div class="facts__row">
                <dt>"Seats"</dt>
                <dd class=seats_class>{seats_text(&group)}</dd>
            </div>
        </dl>
        {(!group.next_sessions.is_empty()).then(|| view! {
            <h2>"Next sessions"</h2>
            <ul class="session-list">{sessions}</ul>
        })}
        {action}
        <CoordinatorPrompt />
    }
}
