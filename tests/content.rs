//! Browser tests of program content rendering and of the loading and error states every fetch
//! uses.
#![cfg(target_arch = "wasm32")]

use std::sync::{
    Arc,
    atomic::{AtomicU32, Ordering},
};

use frontdoor::{
    api::ApiError,
    components::{FetchError, Loading},
    features::programs::ProgramArticle,
};
use frontdoor_contract::{ContentBlock, ContentLinkItem, FaqItem, ProgramPage, ProgramSection};
use leptos::{mount::mount_to, prelude::*, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_container() -> HtmlElement {
    let container = document().create_element("div").expect("a div");
    document()
        .body()
        .expect("a body")
        .append_child(&container)
        .expect("appended");
    container.unchecked_into()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|el| el.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

fn sample_page() -> ProgramPage {
    ProgramPage {
        slug: "iop".into(),
        name: "Intensive Outpatient Program (IOP)".into(),
        summary: "Structured care several times a week while you live at home.".into(),
        sections: vec![
            ProgramSection {
                heading: "What it is".into(),
                blocks: vec![
                    ContentBlock::Paragraph {
                        text: "Sessions of <b>3 to 5 hours</b>.".into(),
                    },
                    ContentBlock::List {
                        items: vec!["Depression".into(), "Anxiety".into()],
                    },
                ],
            },
            ProgramSection {
                heading: "Questions".into(),
                blocks: vec![
                    ContentBlock::Faq {
                        items: vec![FaqItem {
                            question: "Can I keep working?".into(),
                            answer: "Yes, sessions fit around work.".into(),
                        }],
                    },
                    ContentBlock::Table {
                        caption: "Levels of care".into(),
                        columns: vec!["Level".into(), "Hours a week".into()],
                        rows: vec![
                            vec!["Outpatient".into(), "Under 9".into()],
                            vec!["IOP".into(), "9 or more".into()],
                        ],
                    },
                    ContentBlock::CallToAction {
                        label: "Check if IOP is right for you".into(),
                        href: "/self-check".into(),
                    },
                    ContentBlock::CallToAction {
                        label: "Sneaky".into(),
                        href: "javascript:alert(1)".into(),
                    },
                ],
            },
        ],
    }
}

#[wasm_bindgen_test]
async fn a_program_page_renders_as_headed_sections_with_safe_text() {
    let container = fresh_container();
    let handle = mount_to(container.clone(), || {
        view! { <ProgramArticle page=sample_page() /> }
    });
    tick().await;
    let root: &Element = &container;

    assert_eq!(texts(root, "h1"), ["Intensive Outpatient Program (IOP)"]);
    assert_eq!(texts(root, "h2"), ["What it is", "Questions"]);
    assert_eq!(texts(root, "h3"), ["Can I keep working?"]);
    assert_eq!(texts(root, "li"), ["Depression", "Anxiety"]);

    // Markup in content is shown as text, never parsed.
    assert!(all(root, "b").is_empty());
    assert!(texts(root, "p").contains(&"Sessions of <b>3 to 5 hours</b>.".to_owned()));

    let cta = all(root, "a");
    assert_eq!(cta.len(), 1, "only the safe call to action becomes a link");
    assert_eq!(cta[0].get_attribute("href").as_deref(), Some("/self-check"));
    assert!(texts(root, "p").contains(&"Sneaky".to_owned()));

    drop(handle);
    container.remove();
}

#[wasm_bindgen_test]
async fn a_script_in_content_is_shown_as_text_and_never_runs() {
    let script = "<script>window.__pwned=1</script>";
    let image = "<img src=x onerror=\"window.__pwned=2\">";
    let page = ProgramPage {
        sections: vec![ProgramSection {
            heading: format!("Heading {script}"),
            blocks: vec![
                ContentBlock::Paragraph {
                    text: format!("Before {script} {image} after"),
                },
                ContentBlock::List {
                    items: vec![script.into()],
                },
                ContentBlock::LinkList {
                    items: vec![ContentLinkItem {
                        label: script.into(),
                        href: "/groups?topic=dbt".into(),
                    }],
                },
            ],
        }],
        ..sample_page()
    };
    let container = fresh_container();
    let handle = mount_to(container.clone(), move || {
        view! { <ProgramArticle page=page.clone() /> }
    });
    tick().await;
    let root: &Element = &container;

    assert!(all(root, "script").is_empty(), "no script element");
    assert!(all(root, "img").is_empty(), "no image element");
    assert_eq!(texts(root, "h2"), [format!("Heading {script}")]);
    assert!(texts(root, "p").contains(&format!("Before {script} {image} after")));
    assert_eq!(texts(root, "li"), [script, script]);
    let pwned = js_sys::Reflect::get(&window(), &"__pwned".into()).expect("readable");
    assert!(pwned.is_undefined(), "the script ran: {pwned:?}");

    drop(handle);
    container.remove();
}

#[wasm_bindgen_test]
async fn tables_have_a_caption_and_scoped_headers() {
    let container = fresh_container();
    let handle = mount_to(container.clone(), || {
        view! { <ProgramArticle page=sample_page() /> }
    });
    tick().await;
    let root: &Element = &container;

    assert_eq!(texts(root, "table caption"), ["Levels of care"]);
    assert_eq!(
        texts(root, "thead th[scope='col']"),
        ["Level", "Hours a week"]
    );
    assert_eq!(texts(root, "tbody th[scope='row']"), ["Outpatient", "IOP"]);
    assert_eq!(texts(root, "tbody td"), ["Under 9", "9 or more"]);

    let region = all(root, "[role='region']")
        .pop()
        .expect("scrollable region");
    let caption = all(root, "caption").pop().expect("caption");
    assert_eq!(region.get_attribute("aria-labelledby"), Some(caption.id()));
    assert!(!caption.id().is_empty());

    drop(handle);
    container.remove();
}

#[wasm_bindgen_test]
async fn a_failed_fetch_explains_itself_and_try_again_retries() {
    let retries = Arc::new(AtomicU32::new(0));
    let counter = Arc::clone(&retries);
    let container = fresh_container();
    let handle = mount_to(container.clone(), move || {
        view! {
            <FetchError
                error=ApiError::Network
                what="our programs"
                on_retry=move |_| {
                    counter.fetch_add(1, Ordering::SeqCst);
                }
            />
        }
    });
    tick().await;
    let root: &Element = &container;

    assert_eq!(all(root, "[role='alert']").len(), 1);
    assert_eq!(texts(root, "h2"), ["We couldn't load our programs"]);
    assert!(texts(root, "p")[0].contains("internet connection"));

    let button: HtmlElement = all(root, "button")
        .into_iter()
        .find(|b| b.text_content().as_deref() == Some("Try again"))
        .expect("Try again button")
        .unchecked_into();
    button.click();
    tick().await;
    assert_eq!(retries.load(Ordering::SeqCst), 1);

    drop(handle);
    container.remove();
}

#[wasm_bindgen_test]
async fn loading_is_announced_politely() {
    let container = fresh_container();
    let handle = mount_to(container.clone(), || {
        view! { <Loading label="Loading programs…" /> }
    });
    tick().await;
    let status = all(&container, "[role='status']");
    assert_eq!(status.len(), 1);
    assert_eq!(
        status[0].text_content().unwrap_or_default().trim(),
        "Loading programs…"
    );
    drop(handle);
    container.remove();
}
