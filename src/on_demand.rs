//! Feature pages whose code loads when someone goes to them.
//!
//! A first visit downloads the shell, the home, program and help pages only. The self-check, the
//! group search and reservations, and coordinator calls each live in a WebAssembly module of
//! their own that the release build splits off (`cargo xtask split-wasm`, run by Trunk). Such a
//! page first shows a polite "Loading…" status, then itself; when its module cannot be fetched
//! (say, the connection dropped) the person gets a heading that says so, "Try again", and
//! "Reload the page" for when the site was updated since the tab opened. The module behind a
//! link starts loading as soon as a pointer rests on the link, keyboard focus stays on it or a
//! finger touches it, so it is usually there by the click; a visit that lands straight on such
//! a page fetches its module alongside the app (see [`ROUTE_SPLITS`]).
//!
//! Natively (unit tests, the bench binary) the split functions are plain calls.

use std::{
    cell::Cell,
    future::Future,
    pin::{Pin, pin},
    task::{Context, Poll, Waker},
    time::Duration,
};

use leptos::{prelude::*, task::spawn_local, wasm_split::SplitLoaderError};
use wasm_bindgen::JsCast;

use crate::{
    components::{Alert, AlertKind, Loading, PageHeading, PageMeta, RouteFocus},
    pages,
};

type Preload = fn() -> Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>;
type Render = fn() -> Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>>;

/// Declares a page rendered by a function in the named split module, with a preload function.
macro_rules! split_page {
    ($(#[$doc:meta])* $component:ident, $split:ident, $render:ident, $preload:ident, $page:path) => {
        #[leptos::wasm_split::wasm_split(
            $split,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload($preload)
        )]
        fn $render() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$page /> }.into_any())
        }

        $(#[$doc])*
        #[component]
        pub fn $component() -> impl IntoView {
            view! {
                <OnDemand
                    preload=|| Box::pin($preload())
                    render=|| Box::pin($render())
                />
            }
        }
    };
}

split_page!(
    /// `/self-check`.
    SelfCheckRoute, self_check, render_self_check, preload_self_check, pages::SelfCheckPage
);
split_page!(
    /// `/groups`.
    GroupsRoute, groups, render_groups, preload_groups, pages::GroupsPage
);
split_page!(
    /// `/groups/:id`.
    GroupRoute, groups, render_group, preload_group, pages::GroupPage
);
split_page!(
    /// `/groups/:id/reserve/:step`.
    ReserveRoute, groups, render_reserve, preload_reserve, pages::ReservePage
);
split_page!(
    /// `/reservations/:reference`.
    ManageReservationRoute,
    groups,
    render_manage_reservation,
    preload_manage_reservation,
    pages::ManageReservationPage
);
split_page!(
    /// `/call/:step?`.
    CallRoute, call, render_call, preload_call, pages::CallPage
);
split_page!(
    /// `/calls/:reference`.
    ManageCallRoute, call, render_manage_call, preload_manage_call, pages::ManageCallPage
);

/// Where a page's module stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Loading,
    Failed,
    Ready,
}

/// Loads a split module, then renders its page in place (inside the route's reactive owner, so
/// the page reads the router and the app's settings as any other page does).
#[component]
fn OnDemand(preload: Preload, render: Render) -> impl IntoView {
    let stage = RwSignal::new(Stage::Loading);
    let focus = use_context::<RouteFocus>();
    let load = move |retrying: bool| {
        stage.set(Stage::Loading);
        spawn_local(async move {
            let next = if preload().await.is_ok() {
                Stage::Ready
            } else {
                Stage::Failed
            };
            // The route may have been left while the module loaded.
            if stage.try_set(next).is_none() && retrying {
                // "Try again" has gone: focus goes to the heading that replaces it.
                if let Some(focus) = focus {
                    focus.begin();
                }
            }
        });
    };
    load(false);
    let retry = move || load(true);
    move || match stage.get() {
        Stage::Loading => view! { <Loading label="Loading the page…" /> }.into_any(),
        Stage::Failed => view! { <LoadFailed on_retry=retry /> }.into_any(),
        // Once the module is there, the render future finishes on its first poll.
        Stage::Ready => match poll_once(render()) {
            Some(Ok(page)) => page,
            Some(Err(_)) => view! { <LoadFailed on_retry=retry /> }.into_any(),
            None => view! { <Loading label="Loading the page…" /> }.into_any(),
        },
    }
}

#[component]
fn LoadFailed(on_retry: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    view! {
        <PageMeta page="This page could not load" description="This page could not load." />
        <PageHeading>"This page could not load"</PageHeading>
        <Alert kind=AlertKind::Error title="We couldn't load this page">
            <p>
                "Your device may have lost its connection. Check it, then try again. "
                "Nothing you entered has been lost."
            </p>
            <button type="button" class="button button--secondary" on:click=move |_| on_retry()>
                "Try again"
            </button>
            <p>
                "Still not loading? The site may have been updated since you opened it. "
                "Reloading the page gets the new version, but clears self-check answers and "
                "anything else you have not sent yet."
            </p>
            <button type="button" class="button button--secondary" on:click=|_| reload()>
                "Reload the page"
            </button>
        </Alert>
    }
}

fn reload() {
    let _ = window().location().reload();
}

fn poll_once<T>(future: Pin<Box<dyn Future<Output = T>>>) -> Option<T> {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}

/// Which split module the pages under each first path segment need. `cargo xtask split-wasm`
/// reads this table from this file, so that a visit landing straight on one of these pages
/// starts fetching its module together with the app (an inline script in index.html).
pub const ROUTE_SPLITS: &[(&str, &str)] = &[
    ("self-check", "self_check"),
    ("groups", "groups"),
    ("reservations", "groups"),
    ("call", "call"),
    ("calls", "call"),
];

/// The preload function of a split module named in [`ROUTE_SPLITS`].
fn split_preload(split: &str) -> Option<Preload> {
    match split {
        "self_check" => Some(|| Box::pin(preload_self_check())),
        "groups" => Some(|| Box::pin(preload_groups())),
        "call" => Some(|| Box::pin(preload_call())),
        _ => None,
    }
}

/// The preload for the page a same-site path leads to, if that page loads on demand.
pub fn preload_for_path(path: &str) -> Option<Preload> {
    let first = path.trim_start_matches('/').split(['/', '?', '#']).next()?;
    let (_, split) = ROUTE_SPLITS.iter().find(|(segment, _)| *segment == first)?;
    split_preload(split)
}

/// How long a pointer or keyboard focus stays on a link before its page's module starts loading:
/// long enough that moving across the page or tabbing past links fetches nothing.
const DWELL: Duration = Duration::from_millis(120);

thread_local! {
    static PENDING: Cell<Option<TimeoutHandle>> = const { Cell::new(None) };
}

/// Starts loading a page's module when a pointer rests on a link to it, keyboard focus stays on
/// one, or a finger touches one. Call once.
pub fn preload_on_intent() {
    listen("pointerover", later);
    listen("focusin", later);
    listen("touchstart", |link| preload_link(&link));
    listen("pointerout", |_| cancel());
    listen("focusout", |_| cancel());
}

/// Calls `react` with the same-site link an event happened on, if any.
fn listen(event: &str, react: fn(web_sys::Element)) {
    let handler = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(
        move |event: web_sys::Event| {
            let link = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.closest("a[href^='/']").ok().flatten());
            if let Some(link) = link {
                react(link);
            }
        },
    );
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(true);
    let _ = document().add_event_listener_with_callback_and_add_event_listener_options(
        event,
        handler.as_ref().unchecked_ref(),
        &options,
    );
    handler.forget();
}

fn later(link: web_sys::Element) {
    cancel();
    let handle = set_timeout_with_handle(move || preload_link(&link), DWELL).ok();
    PENDING.with(|pending| pending.set(handle));
}

fn cancel() {
    if let Some(handle) = PENDING.with(Cell::take) {
        handle.clear();
    }
}

fn preload_link(link: &web_sys::Element) {
    let Some(preload) = link
        .get_attribute("href")
        .and_then(|href| preload_for_path(&href))
    else {
        return;
    };
    // A failure here is reported when the page itself loads.
    spawn_local(async move {
        let _ = preload().await;
    });
}

#[cfg(test)]
mod tests {
    use super::{ROUTE_SPLITS, preload_for_path, split_preload};

    #[test]
    fn every_split_in_the_route_table_has_a_preload() {
        for (segment, split) in ROUTE_SPLITS {
            assert!(split_preload(split).is_some(), "{segment} → {split}");
        }
    }

    #[test]
    fn feature_paths_have_a_preload_and_shell_pages_do_not() {
        for path in [
            "/self-check",
            "/groups",
            "/groups?topic=anxiety",
            "/groups/g-12/reserve/details",
            "/reservations/R-1",
            "/call",
            "/call/time",
            "/calls/C-1",
        ] {
            assert!(preload_for_path(path).is_some(), "{path}");
        }
        for path in ["/", "/programs", "/programs/iop", "/get-help", "/nope"] {
            assert!(preload_for_path(path).is_none(), "{path}");
        }
    }
}
