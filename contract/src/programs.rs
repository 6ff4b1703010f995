//! Programs: the practice's services and the structured content of their pages.
//!
//! Content is structured (headings, paragraphs, lists, FAQs, tables, calls to action) rather than
//! HTML, so the SPA renders it with its own components and never injects markup from a backend.

use serde::{Deserialize, Serialize};

/// One entry of `GET /programs`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramSummary {
    /// URL-safe identifier, e.g. `iop`.
    pub slug: String,
    /// The program's name as a person would say it.
    pub name: String,
    /// One or two sentences on what it is and who it is for.
    pub summary: String,
}

/// The reply of `GET /programs/{slug}`: a whole program page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramPage {
    /// URL-safe identifier, e.g. `iop`.
    pub slug: String,
    /// The program's name; the page's h1.
    pub name: String,
    /// One or two sentences; shown under the h1 and used as the meta description.
    pub summary: String,
    /// The page body, in order; each section is an h2 with its blocks.
    pub sections: Vec<ProgramSection>,
}

/// A titled section of a program page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramSection {
    /// The section's h2 text.
    pub heading: String,
    /// The section's content, in order.
    pub blocks: Vec<ContentBlock>,
}

/// A piece of page content. Text is always plain text: a renderer shows `<` as `<`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ContentBlock {
    /// A paragraph of plain text.
    Paragraph { text: String },
    /// A bulleted list.
    List { items: Vec<String> },
    /// Questions and answers.
    Faq { items: Vec<FaqItem> },
    /// A small comparison table; every row has as many cells as `columns`.
    Table {
        caption: String,
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A link to an action inside the SPA (a path such as `/self-check`) or a `tel:` number.
    CallToAction { label: String, href: String },
    /// A bulleted list of links, e.g. group topics that each open the group search filtered to
    /// that topic. Each `href` follows the same rules as a call to action's.
    LinkList { items: Vec<ContentLinkItem> },
}

/// One entry of a [`ContentBlock::LinkList`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentLinkItem {
    /// The link's text.
    pub label: String,
    /// A path inside the SPA (such as `/groups?topic=grief-loss`) or a `tel:` number.
    pub href: String,
}

/// One question and its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaqItem {
    /// The question, shown as an h3.
    pub question: String,
    /// The answer, a paragraph of plain text.
    pub answer: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_tagged_by_type_in_snake_case() {
        let block: ContentBlock = serde_json::from_str(
            r#"{"type":"call_to_action","label":"Is IOP right for me?","href":"/self-check"}"#,
        )
        .unwrap();
        assert_eq!(
            block,
            ContentBlock::CallToAction {
                label: "Is IOP right for me?".into(),
                href: "/self-check".into()
            }
        );
    }

    #[test]
    fn a_link_list_is_a_list_of_labelled_links() {
        let block: ContentBlock = serde_json::from_str(
            r#"{"type":"link_list","items":[{"label":"Grief & Loss","href":"/groups?topic=grief-loss"}]}"#,
        )
        .unwrap();
        assert_eq!(
            block,
            ContentBlock::LinkList {
                items: vec![ContentLinkItem {
                    label: "Grief & Loss".into(),
                    href: "/groups?topic=grief-loss".into()
                }]
            }
        );
    }
}
