//! The frame around every page: skip link, header with the crisis link and quick exit, main
//! navigation, the main landmark and a footer that repeats the crisis line.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{CrisisLink, QuickExit, RouteAnnouncer, RouteFocus, SkipLink, route_announcer};
use crate::config::use_config;

/// One entry of the main navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavItem {
    /// The link's path.
    pub href: &'static str,
    /// The link's text.
    pub label: &'static str,
}

/// The main navigation, in order. The home link is marked current only on `/` itself.
pub const MAIN_NAV: &[NavItem] = &[
    NavItem {
        href: "/",
        label: "Home",
    },
    NavItem {
        href: "/programs",
        label: "Programs",
    },
    NavItem {
        href: "/groups",
        label: "Groups",
    },
    NavItem {
        href: "/self-check",
        label: "Self-check",
    },
    NavItem {
        href: "/call",
        label: "Talk to a coordinator",
    },
];

/// The id of the static shell in `index.html`, shown until the app has started.
pub const STATIC_SHELL_ID: &str = "boot";

/// Header, main landmark and footer around `children`. Must be inside a `Router` with an
/// `AppConfig` provided.
#[component]
pub fn Layout(
    /// The current page.
    children: Children,
) -> impl IntoView {
    let config = use_config();
    let focus = RouteFocus::provide();
    route_announcer::manage_focus_on_navigation(focus);
    Effect::new(|_| {
        if let Some(shell) = document().get_element_by_id(STATIC_SHELL_ID) {
            shell.remove();
        }
    });

    let nav_links = MAIN_NAV
        .iter()
        .map(|item| {
            view! {
                <li>
                    <A href=item.href exact=item.href == "/">
                        {item.label}
                    </A>
                </li>
            }
        })
        .collect_view();

    view! {
        <SkipLink />
        <RouteAnnouncer />
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href="/">
                    {config.practice_name.clone()}
                </a>
                <div class="site-header__actions">
                    <CrisisLink />
                    <QuickExit />
                </div>
                <nav class="main-nav" aria-label="Main">
                    <ul>{nav_links}</ul>
                </nav>
            </div>
        </header>
        <main id="main" class="site-main" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p class="crisis-line">
                    <a href="tel:988">"In crisis? Call or text 988"</a>
                </p>
                <p>
                    "If you are in immediate danger, call " <a href="tel:911">"911"</a>
                    ". Online therapy is not an emergency service."
                </p>
                <p class="site-footer__practice">{config.practice_name}</p>
            </div>
        </footer>
    }
}
