//! Browser tests of the layout every page shares: landmarks, the controls a person in distress
//! needs on every page, the skip link, and focus plus announcement after client-side navigation.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use frontdoor::{
    components::{Layout, PageHeading},
    config::{AppConfig, provide_config},
};
use leptos::{mount::mount_to, prelude::*, task::tick};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn demo_config() -> AppConfig {
    AppConfig {
        api_base: "/api/v1".into(),
        practice_name: "Northlight Online Therapy".into(),
        quick_exit_url: "https://www.bbc.co.uk/weather".into(),
    }
}

fn fresh_container() -> HtmlElement {
    let container = document().create_element("div").expect("a div");
    document()
        .body()
        .expect("a body")
        .append_child(&container)
        .expect("appended");
    container.unchecked_into()
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).expect("valid selector")
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default().trim().to_owned()
}

/// The element whose accessible text is `name`, among those matching `selector`.
fn named(root: &Element, selector: &str, name: &str) -> Option<Element> {
    all(root, selector).into_iter().find(|el| text(el) == name)
}

fn focused() -> Option<Element> {
    document().active_element()
}

async fn settle() {
    for _ in 0..3 {
        tick().await;
    }
    // Leaves room for an animation frame and the effects it triggers.
    gloo_timers::future::sleep(Duration::from_millis(80)).await;
    tick().await;
}

#[wasm_bindgen_test]
async fn every_page_has_the_landmarks_and_the_controls_in_reach() {
    let container = fresh_container();
    // An owner of our own, so the router's window listeners go away with the test.
    let owner = Owner::new();
    let handle = owner.with(|| {
        mount_to(container.clone(), || {
            provide_config(demo_config());
            view! {
                <Router>
                    <Layout>
                        <PageHeading>"A page"</PageHeading>
                    </Layout>
                </Router>
            }
        })
    });
    settle().await;
    let root: &Element = &container;

    let focusables = all(
        root,
        "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])",
    );
    let first = focusables.first().expect("something focusable");
    assert_eq!(text(first), "Skip to main content");
    assert_eq!(first.get_attribute("href").as_deref(), Some("#main"));

    let main = find(root, "main#main").expect("a main landmark with id main");
    assert_eq!(main.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(all(root, "main").len(), 1, "exactly one main landmark");
    assert_eq!(all(&main, "h1").len(), 1, "one h1");
    assert_eq!(
        find(&main, "h1")
            .and_then(|h1| h1.get_attribute("tabindex"))
            .as_deref(),
        Some("-1")
    );

    let header = find(root, "header").expect("a header");
    let brand = named(&header, "a", "Northlight Online Therapy").expect("practice name link");
    assert_eq!(brand.get_attribute("href").as_deref(), Some("/"));

    let get_help = named(&header, "a", "Get help now").expect("Get help now in the header");
    assert_eq!(get_help.get_attribute("href").as_deref(), Some("/get-help"));
    assert_eq!(
        all(root, "a")
            .iter()
            .filter(|a| text(a) == "Get help now")
            .count(),
        1
    );

    let quick_exit = named(&header, "button", "Quick exit").expect("Quick exit in the header");
    assert_eq!(quick_exit.get_attribute("type").as_deref(), Some("button"));

    let nav = find(root, "nav[aria-label='Main']").expect("main navigation");
    let home = named(&nav, "a", "Home").expect("Home link");
    assert_eq!(home.get_attribute("href").as_deref(), Some("/"));
    let programs = named(&nav, "a", "Programs").expect("Programs link");
    assert_eq!(programs.get_attribute("href").as_deref(), Some("/programs"));

    let footer = find(root, "footer").expect("a footer");
    let crisis = named(&footer, "a", "In crisis? Call or text 988").expect("crisis line");
    assert_eq!(crisis.get_attribute("href").as_deref(), Some("tel:988"));

    let announcer = find(root, "#route-announcer").expect("route announcer");
    assert_eq!(announcer.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(
        announcer.get_attribute("aria-live").as_deref(),
        Some("polite")
    );
    assert!(announcer.class_list().contains("visually-hidden"));
    assert_eq!(text(&announcer), "", "nothing is announced on first load");

    let h1 = find(&main, "h1").expect("h1");
    assert_ne!(focused(), Some(h1), "first load leaves focus alone");

    drop(handle);
    owner.cleanup();
    container.remove();
}

#[wasm_bindgen_test]
async fn the_skip_link_moves_focus_to_main() {
    let container = fresh_container();
    // An owner of our own, so the router's window listeners go away with the test.
    let owner = Owner::new();
    let handle = owner.with(|| {
        mount_to(container.clone(), || {
            provide_config(demo_config());
            view! {
                <Router>
                    <Layout>
                        <PageHeading>"A page"</PageHeading>
                    </Layout>
                </Router>
            }
        })
    });
    settle().await;

    let skip: HtmlElement = find(&container, ".skip-link")
        .expect("skip link")
        .unchecked_into();
    skip.focus().expect("focusable");
    skip.click();
    settle().await;

    assert_eq!(focused().map(|el| el.id()).as_deref(), Some("main"));
    drop(handle);
    owner.cleanup();
    container.remove();
}

#[component]
fn StartPage() -> impl IntoView {
    view! {
        <PageHeading>"Start page"</PageHeading>
        <a href="/frontdoor-test/next">"Go to the next page"</a>
    }
}

#[component]
fn NextPage() -> impl IntoView {
    view! { <PageHeading>"Next page"</PageHeading> }
}

#[wasm_bindgen_test]
async fn client_side_navigation_focuses_the_new_h1_and_announces_it() {
    let window = web_sys::window().expect("a window");
    let original_url = window.location().href().expect("an address");
    let container = fresh_container();
    // An owner of our own, so the router's window listeners go away with the test.
    let owner = Owner::new();
    let handle = owner.with(|| {
        mount_to(container.clone(), || {
            provide_config(demo_config());
            view! {
                <Router>
                    <Layout>
                        <Routes fallback=StartPage>
                            <Route path=path!("/frontdoor-test/next") view=NextPage />
                        </Routes>
                    </Layout>
                </Router>
            }
        })
    });
    settle().await;
    let announcer = find(&container, "#route-announcer").expect("route announcer");
    assert_eq!(text(&announcer), "");

    let link: HtmlElement = named(&container, "a", "Go to the next page")
        .expect("link on the start page")
        .unchecked_into();
    link.focus().expect("focusable");
    link.click();
    settle().await;

    assert_eq!(
        window.location().pathname().expect("a path"),
        "/frontdoor-test/next",
        "the router handled the click"
    );
    let h1 = find(&container, "main h1").expect("the new page's h1");
    assert_eq!(text(&h1), "Next page");
    assert_eq!(focused(), Some(h1), "focus moved to the new h1");
    assert_eq!(text(&announcer), "Next page");

    drop(handle);
    owner.cleanup();
    container.remove();
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&original_url))
        .expect("address restored");
}
