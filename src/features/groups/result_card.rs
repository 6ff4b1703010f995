//! One group in a list of results: its name (a link to its page), topic, therapist, weekly time
//! on the reader's clock, next date and seats left.

use frontdoor_contract::Group;
use leptos::prelude::*;
use leptos_router::components::A;

use super::{
    session_times::{next_session_text, weekly_text},
    wording::{SeatLevel, seats_text, therapist_text},
};

/// The path of a group's page.
pub fn group_path(id: &str) -> String {
    format!("/groups/{}", crate::api::path_segment(id))
}

/// A group as a search result, inside a `<ul>`.
#[component]
pub fn GroupCard(
    /// The group to show.
    group: Group,
    /// The heading level of the group's name (2 in the main list, 3 under a subheading).
    #[prop(default = 2)]
    level: u8,
) -> impl IntoView {
    let href = group_path(&group.id);
    let name = group.title.clone();
    let title = view! { <A href=href attr:class="group-card__link">{name}</A> };
    let heading = if level == 3 {
        view! { <h3 class="group-card__title">{title}</h3> }.into_any()
    } else {
        view! { <h2 class="group-card__title">{title}</h2> }.into_any()
    };
    let next = next_session_text(&group);
    let seats_class = SeatLevel::of(&group).class();
    view! {
        <li class="group-card">
            {heading}
            <p class="group-card__topic">
                <span class="tag">{group.topic.clone()}</span>
                " "
                <span class="group-card__audience">"For " {group.audience.label().to_lowercase()}</span>
            </p>
            <dl class="facts">
                <div class="facts__row">
                    <dt>"Therapist"</dt>
                    <dd>{therapist_text(&group.therapist)}</dd>
                </div>
                <div class="facts__row">
                    <dt>"When"</dt>
                    <dd>{weekly_text(&group)}</dd>
                </div>
                {next.map(|next| view! {
                    <div class="facts__row">
                        <dt>"Next session"</dt>
                        <dd>{next}</dd>
                    </div>
                })}
                <div class="facts__row">
                    <dt>"Seats"</dt>
                    <dd class=seats_class>{seats_text(&group)}</dd>
                </div>
            </dl>
        </li>
    }
}
