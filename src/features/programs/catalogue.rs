//! The list of the practice's programs, each linking to its page.

use frontdoor_contract::ProgramSummary;
use leptos::prelude::*;

use crate::{
    api::{path_segment, programs::list_programs},
    components::{FetchError, Loading},
    config::use_config,
};

/// Fetches and lists every program, with loading and retry states.
#[component]
pub fn ProgramCatalogue() -> impl IntoView {
    let api_base = use_config().api_base;
    let programs = LocalResource::new(move || list_programs(&api_base));
    view! {
        <Suspense fallback=|| view! { <Loading label="Loading programs…" /> }>
            {move || {
                programs
                    .get()
                    .map(|result| match result {
                        Ok(list) if list.is_empty() => {
                            view! {
                                <p>
                                    "No programs are listed right now. A care coordinator can talk you through your options."
                                </p>
                            }
                                .into_any()
                        }
                        Ok(list) => {
                            view! {
                                <ul class="program-list">
                                    {list
                                        .into_iter()
                                        .map(|program| view! { <ProgramCard program /> })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(error) => {
                            view! {
                                <FetchError
                                    error
                                    what="our programs"
                                    on_retry=move |_| programs.refetch()
                                />
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}

/// One program in the list: its name as a link, and its summary.
#[component]
fn ProgramCard(program: ProgramSummary) -> impl IntoView {
    let href = format!("/programs/{}", path_segment(&program.slug));
    view! {
        <li class="program-card">
            <h2 class="program-card__title">
                <a href=href>{program.name}</a>
            </h2>
            <p>{program.summary}</p>
        </li>
    }
}
