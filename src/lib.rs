//! Frontdoor: the public front door of an online therapy practice, as a Leptos single-page app.
//!
//! [`App`] loads the deployment's settings, then renders the router inside the shared layout.
//! Everything else lives in `pages` (one per route), `features` (capabilities), `components`
//! (accessible primitives) and `api` (the one path to the backend).

pub mod api;
pub mod components;
pub mod config;
pub mod features;
pub mod on_demand;
pub mod pages;
pub mod time;

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::{
    components::{Alert, AlertKind, Layout},
    config::{AppConfig, load_config, provide_config},
    pages::{GetHelpPage, HomePage, NotFoundPage, ProgramDetailPage, ProgramsPage},
};

/// The whole app: settings from `/config.json`, then the routes inside the layout.
#[component]
pub fn App() -> impl IntoView {
    let config = LocalResource::new(load_config);
    // While the settings load, the static shell from index.html stays on screen.
    move || {
        config.get().map(|result| match result {
            Ok(config) => view! { <ConfiguredApp config /> }.into_any(),
            Err(error) => view! {
                <main id="main" class="site-main" tabindex="-1">
                    <Alert kind=AlertKind::Error title="This site could not start">
                        <p>{error.user_message()}</p>
                        <button type="button" class="button" on:click=move |_| config.refetch()>
                            "Try again"
                        </button>
                    </Alert>
                </main>
            }
            .into_any(),
        })
    }
}

/// The router and every route. A new page is one more `<Route>` line here.
#[component]
fn ConfiguredApp(config: AppConfig) -> impl IntoView {
    provide_config(config);
    features::self_check::provide_self_check_context();
    on_demand::preload_on_intent();
    view! {
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/programs") view=ProgramsPage />
                    <Route path=path!("/programs/:slug") view=ProgramDetailPage />
                    <Route path=path!("/get-help") view=GetHelpPage />
                    <Route path=path!("/self-check") view=on_demand::SelfCheckRoute />
                    <Route path=path!("/groups") view=on_demand::GroupsRoute />
                    <Route path=path!("/groups/:id") view=on_demand::GroupRoute />
                    <Route path=path!("/groups/:id/reserve/:step") view=on_demand::ReserveRoute />
                    <Route
                        path=path!("/reservations/:reference")
                        view=on_demand::ManageReservationRoute
                    />
                    <Route path=path!("/call/:step?") view=on_demand::CallRoute />
                    <Route path=path!("/calls/:reference") view=on_demand::ManageCallRoute />
                </Routes>
            </Layout>
        </Router>
    }
}
