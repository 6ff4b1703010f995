//! Renders a program page's structured content with Frontdoor's own accessible markup.
//!
//! Every piece of text is inserted as text, so `<b>` in content shows as `<b>`.

use frontdoor_contract::{ContentBlock, ContentLinkItem, FaqItem, ProgramPage};
use leptos::prelude::*;

use super::links::content_link;
use crate::components::PageHeading;

/// A whole program page: its h1 and summary, then each section as an h2 with its blocks.
#[component]
pub fn ProgramArticle(
    /// The page as the API sent it.
    page: ProgramPage,
) -> impl IntoView {
    let ProgramPage {
        name,
        summary,
        sections,
        ..
    } = page;
    let sections = sections
        .into_iter()
        .enumerate()
        .map(|(section_index, section)| {
            let blocks = section
                .blocks
                .into_iter()
                .enumerate()
                .map(|(block_index, block)| {
                    let id_prefix = format!("s{}-b{}", section_index + 1, block_index + 1);
                    view! { <ContentBlockView block id_prefix /> }
                })
                .collect_view();
            view! {
                <section class="program-section">
                    <h2>{section.heading}</h2>
                    {blocks}
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="program">
            <header class="program__header">
                <PageHeading>{name}</PageHeading>
                <p class="lede">{summary}</p>
            </header>
            {sections}
        </article>
    }
}

/// One block of content: a paragraph, list, FAQ, table, call to action or list of links.
#[component]
pub fn ContentBlockView(
    /// The block to show.
    block: ContentBlock,
    /// Makes ids inside the block unique on the page, e.g. `s2-b3`.
    #[prop(into)]
    id_prefix: String,
) -> impl IntoView {
    match block {
        ContentBlock::Paragraph { text } => view! { <p>{text}</p> }.into_any(),
        ContentBlock::List { items } => view! {
            <ul class="content-list">
                {items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        ContentBlock::Faq { items } => view! {
            <div class="faq">
                {items
                    .into_iter()
                    .map(|FaqItem { question, answer }| {
                        view! {
                            <h3 class="faq__question">{question}</h3>
                            <p class="faq__answer">{answer}</p>
                        }
                    })
                    .collect_view()}
            </div>
        }
        .into_any(),
        ContentBlock::Table {
            caption,
            columns,
            rows,
        } => {
            let caption_id = format!("{id_prefix}-caption");
            let region_label = caption_id.clone();
            let rows = rows
                .into_iter()
                .map(|row| {
                    let mut cells = row.into_iter();
                    let row_header = cells
                        .next()
                        .map(|cell| view! { <th scope="row">{cell}</th> });
                    let data = cells.map(|cell| view! { <td>{cell}</td> }).collect_view();
                    view! { <tr>{row_header} {data}</tr> }
                })
                .collect_view();
            // A narrow screen scrolls the table sideways; the region is focusable so a keyboard
            // can scroll it too.
            view! {
                <p class="table-scroll__hint" aria-hidden="true">
                    "Scroll sideways to see every column."
                </p>
                <div class="table-scroll" role="region" aria-labelledby=region_label tabindex="0">
                    <table>
                        <caption id=caption_id>{caption}</caption>
                        <thead>
                            <tr>
                                {columns
                                    .into_iter()
                                    .map(|column| view! { <th scope="col">{column}</th> })
                                    .collect_view()}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
        ContentBlock::CallToAction { label, href } => match content_link(&href) {
            Some(link) => view! {
                <p class="cta">
                    <a class="button" href=link.href().to_owned()>
                        {label}
                    </a>
                </p>
            }
            .into_any(),
            None => view! { <p class="cta">{label}</p> }.into_any(),
        },
        ContentBlock::LinkList { items } => view! {
            <ul class="content-links">
                {items
                    .into_iter()
                    .map(|ContentLinkItem { label, href }| match content_link(&href) {
                        Some(link) => {
                            view! {
                                <li>
                                    <a href=link.href().to_owned()>{label}</a>
                                </li>
                            }
                                .into_any()
                        }
                        None => view! { <li>{label}</li> }.into_any(),
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    }
}
