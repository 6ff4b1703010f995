//! The catalogue's search: a search box that narrows the list with every keystroke, filters as
//! ordinary form controls, a result count read out politely, and — when nothing matches — the
//! nearest groups and a care coordinator to talk to.
//!
//! The query and filters live in the URL: typing replaces the history entry (so Back does not
//! step through every letter), changing a filter adds one (so Back undoes it). The catalogue is
//! fetched once and indexed on the device; nothing typed leaves it.

use frontdoor_contract::{Audience, Weekday};
use leptos::{ev::SubmitEvent, prelude::*};
use leptos_router::{NavigateOptions, hooks::use_location, hooks::use_navigate};

use super::{
    GroupFinder,
    filters::{GroupFilters, TimeOfDay, topic_slug},
    result_card::GroupCard,
    wording::{nearest_intro, result_count_text},
};
use crate::{
    api::groups::list_groups,
    components::{FetchError, Loading},
    config::use_config,
    time::{BrowserZone, weekday_name},
};

/// The path of the search page.
pub const GROUPS_PATH: &str = "/groups";

/// The URL of the search page showing `filters`.
pub fn search_url(filters: &GroupFilters) -> String {
    let query = filters.to_query_string();
    if query.is_empty() {
        GROUPS_PATH.to_owned()
    } else {
        format!("{GROUPS_PATH}?{query}")
    }
}

/// The topics of a catalogue as (slug, name), alphabetically, each once.
pub fn topics(finder: &GroupFinder) -> Vec<(String, String)> {
    let mut topics: Vec<(String, String)> = finder
        .groups()
        .iter()
        .map(|group| (topic_slug(&group.topic), group.topic.clone()))
        .collect();
    topics.sort_by(|a, b| a.1.cmp(&b.1));
    topics.dedup_by(|a, b| a.0 == b.0);
    topics
}

/// The whole search: loads the catalogue, then shows the form and the results.
#[component]
pub fn GroupSearch() -> impl IntoView {
    let api_base = use_config().api_base;
    let catalogue = LocalResource::new(move || list_groups(&api_base));
    view! {
        <Suspense fallback=|| view! { <Loading label="Loading groups…" /> }>
            {move || {
                catalogue
                    .get()
                    .map(|result| match result {
                        Ok(catalogue) => {
                            view! { <SearchAndResults finder=GroupFinder::new(catalogue.groups) /> }
                                .into_any()
                        }
                        Err(error) => {
                            view! {
                                <FetchError
                                    error
                                    what="our groups"
                                    on_retry=move |_| catalogue.refetch()
                                />
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}

/// The form and the results over an indexed catalogue.
#[component]
fn SearchAndResults(finder: GroupFinder) -> impl IntoView {
    let topics = topics(&finder);
    let finder = StoredValue::new(finder);
    let zone = StoredValue::new(BrowserZone::current());
    let location = use_location();
    let filters = Memo::new(move |_| GroupFilters::from_query_string(&location.search.get()));
    let navigate = use_navigate();
    let show = move |next: GroupFilters, replace: bool| {
        navigate(
            &search_url(&next),
            NavigateOptions {
                replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    };

    let results = Memo::new(move |_| {
        filters.with(|filters| {
            finder.with_value(|finder| zone.with_value(|zone| finder.find(filters, zone)))
        })
    });
    let shown = move || {
        let positions = results.get();
        finder.with_value(|finder| {
            positions
                .into_iter()
                .filter_map(|at| finder.groups().get(at).cloned())
                .collect::<Vec<_>>()
        })
    };
    let nearest = move || {
        if !results.with(Vec::is_empty) {
            return None;
        }
        let nearest = filters.with(|filters| {
            finder.with_value(|finder| zone.with_value(|zone| finder.nearest(filters, zone, 3)))
        })?;
        let groups: Vec<_> = finder.with_value(|finder| {
            nearest
                .groups
                .iter()
                .filter_map(|&at| finder.groups().get(at).cloned())
                .collect()
        });
        Some((nearest_intro(&nearest.relaxed), groups))
    };

    let on_type = {
        let show = show.clone();
        move |event| {
            let mut next = filters.get_untracked();
            next.query = event_target_value(&event);
            show(next, true);
        }
    };
    let set_filter = {
        let show = show.clone();
        move |change: &dyn Fn(&mut GroupFilters)| {
            let mut next = filters.get_untracked();
            change(&mut next);
            show(next, false);
        }
    };
    let on_topic = {
        let set_filter = set_filter.clone();
        move |event| {
            let value = event_target_value(&event);
            set_filter(&|f| f.topic = (!value.is_empty()).then(|| value.clone()));
        }
    };
    let on_day = {
        let set_filter = set_filter.clone();
        move |event| {
            let value = event_target_value(&event);
            set_filter(&|f| f.weekday = Weekday::parse(&value));
        }
    };
    let on_time = {
        let set_filter = set_filter.clone();
        move |event| {
            let value = event_target_value(&event);
            set_filter(&|f| f.time_of_day = TimeOfDay::parse(&value));
        }
    };
    let on_audience = {
        let set_filter = set_filter.clone();
        move |event| {
            let value = event_target_value(&event);
            set_filter(&|f| f.audience = Audience::parse(&value));
        }
    };
    let on_seats = {
        let set_filter = set_filter.clone();
        move |event| {
            let on = event_target_checked(&event);
            set_filter(&|f| f.has_seats = on);
        }
    };
    let clear_filters = move |_| {
        let query = filters.get_untracked().query;
        let show = show.clone();
        show(
            GroupFilters {
                query,
                ..GroupFilters::default()
            },
            false,
        );
    };

    let topic_options = topics
        .into_iter()
        .map(|(slug, name)| {
            let selected = {
                let slug = slug.clone();
                move || filters.with(|f| f.topic.as_deref() == Some(slug.as_str()))
            };
            view! { <option value=slug prop:selected=selected>{name}</option> }
        })
        .collect_view();
    let day_options = Weekday::ALL
        .into_iter()
        .map(|day| {
            let selected = move || filters.with(|f| f.weekday == Some(day));
            view! { <option value=day.as_str() prop:selected=selected>{weekday_name(day)}</option> }
        })
        .collect_view();
    let time_options = TimeOfDay::ALL
        .into_iter()
        .map(|time| {
            let selected = move || filters.with(|f| f.time_of_day == Some(time));
            view! { <option value=time.as_str() prop:selected=selected>{time.label()}</option> }
        })
        .collect_view();
    let audience_options = Audience::ALL
        .into_iter()
        .map(|audience| {
            let selected = move || filters.with(|f| f.audience == Some(audience));
            view! {
                <option value=audience.as_str() prop:selected=selected>{audience.label()}</option>
            }
        })
        .collect_view();

    // On a phone the filters fold away under their summary, so the results follow the search
    // box; they start open on wider screens and whenever the address already applies some.
    let filters_open_at_start = filters.with_untracked(|f| f.active_filters() > 0)
        || window()
            .match_media("(min-width: 40rem)")
            .ok()
            .flatten()
            .is_some_and(|query| query.matches());

    view! {
        <div class="group-search">
            <form
                class="group-search__form"
                role="search"
                aria-label="Groups"
                on:submit=|event: SubmitEvent| event.prevent_default()
            >
                <div class="form-group search-box">
                    <label class="form-label form-label--bold" for="group-query">
                        "Search groups"
                    </label>
                    <div class="form-hint" id="group-query-hint">
                        "A topic or a few words, like \u{201c}anxiety\u{201d}, \u{201c}grief\u{201d} or \u{201c}DBT\u{201d}."
                    </div>
                    <input
                        class="text-input search-box__input"
                        type="search"
                        id="group-query"
                        name="q"
                        autocomplete="off"
                        spellcheck="false"
                        enterkeyhint="search"
                        aria-describedby="group-query-hint"
                        prop:value=move || filters.with(|f| f.query.clone())
                        on:input=on_type
                    />
                </div>
                <details class="filters-disclosure" open=filters_open_at_start>
                <summary class="filters-disclosure__summary">
                    "Filter groups"
                    {move || {
                        let chosen = filters.with(|f| f.active_filters());
                        (chosen > 0).then(|| format!(" ({chosen} chosen)"))
                    }}
                </summary>
                <fieldset class="fieldset filters">
                    <legend class="visually-hidden">"Filter groups"</legend>
                    <p class="form-hint">"Days and times are in your time zone."</p>
                    <div class="filters__grid">
                        <div class="form-group">
                            <label class="form-label" for="filter-topic">"Topic"</label>
                            <select class="select" id="filter-topic" name="topic" on:change=on_topic>
                                <option value="" prop:selected=move || filters.with(|f| f.topic.is_none())>
                                    "Any topic"
                                </option>
                                {topic_options}
                            </select>
                        </div>
                        <div class="form-group">
                            <label class="form-label" for="filter-day">"Day"</label>
                            <select class="select" id="filter-day" name="day" on:change=on_day>
                                <option value="" prop:selected=move || filters.with(|f| f.weekday.is_none())>
                                    "Any day"
                                </option>
                                {day_options}
                            </select>
                        </div>
                        <div class="form-group">
                            <label class="form-label" for="filter-time">"Time of day"</label>
                            <select class="select" id="filter-time" name="time" on:change=on_time>
                                <option value="" prop:selected=move || filters.with(|f| f.time_of_day.is_none())>
                                    "Any time"
                                </option>
                                {time_options}
                            </select>
                        </div>
                        <div class="form-group">
                            <label class="form-label" for="filter-audience">"Who it\u{2019}s for"</label>
                            <select class="select" id="filter-audience" name="audience" on:change=on_audience>
                                <option value="" prop:selected=move || filters.with(|f| f.audience.is_none())>
                                    "Anyone"
                                </option>
                                {audience_options}
                            </select>
                        </div>
                    </div>
                    <div class="choice">
                        <input
                            class="choice__input"
                            type="checkbox"
                            id="filter-seats"
                            name="seats"
                            prop:checked=move || filters.with(|f| f.has_seats)
                            on:change=on_seats
                        />
                        <label class="choice__label" for="filter-seats">
                            "Only groups with seats left"
                        </label>
                    </div>
                    {move || {
                        filters
                            .with(|f| f.active_filters() > 0)
                            .then(|| {
                                view! {
                                    <button
                                        type="button"
                                        class="button button--secondary button--small"
                                        on:click=clear_filters.clone()
                                    >
                                        "Clear filters"
                                    </button>
                                }
                            })
                    }}
                </fieldset>
                </details>
            </form>

            <div class="group-search__results">
                <p class="result-count" role="status">
                    {move || result_count_text(results.with(Vec::len))}
                </p>
                <ul class="group-list">
                    <For each=shown key=|group| group.id.clone() let:group>
                        <GroupCard group />
                    </For>
                </ul>
                {move || {
                    nearest()
                        .map(|(intro, groups)| {
                            view! {
                                <section class="nearest" aria-labelledby="nearest-heading">
                                    <h2 id="nearest-heading">"Groups that come close"</h2>
                                    <p>{intro}</p>
                                    <ul class="group-list">
                                        {groups
                                            .into_iter()
                                            .map(|group| view! { <GroupCard group level=3 /> })
                                            .collect_view()}
                                    </ul>
                                </section>
                            }
                        })
                }}
                <Show when=move || results.with(Vec::is_empty)>
                    <CoordinatorPrompt />
                </Show>
            </div>
        </div>
    }
}

/// "Not sure which group fits?": the free call with a care coordinator.
#[component]
pub fn CoordinatorPrompt() -> impl IntoView {
    view! {
        <aside class="coordinator-prompt" aria-labelledby="coordinator-prompt-heading">
            <h2 id="coordinator-prompt-heading">"Not sure which group fits?"</h2>
            <p>
                "A care coordinator can talk it through with you and find a group or program that suits you. The call is free."
            </p>
            <p>
                <a class="button button--secondary" href="/call">
                    "Talk to a care coordinator"
                </a>
            </p>
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_url_carries_only_what_is_set() {
        assert_eq!(search_url(&GroupFilters::default()), "/groups");
        let filters = GroupFilters {
            query: "grief".into(),
            has_seats: true,
            ..GroupFilters::default()
        };
        assert_eq!(search_url(&filters), "/groups?q=grief&seats=1");
    }

    #[test]
    fn topics_are_listed_once_alphabetically() {
        let file: frontdoor_contract::GroupCatalogueFile =
            serde_json::from_str(include_str!("../../../content/groups.json")).unwrap();
        let finder = GroupFinder::new(
            file.groups
                .iter()
                .map(|g| g.to_group(g.reserved, vec![]))
                .collect(),
        );
        let topics = topics(&finder);
        let names: Vec<&str> = topics.iter().map(|(_, name)| name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
        assert!(topics.contains(&("grief-loss".to_owned(), "Grief & Loss".to_owned())));
    }
}
