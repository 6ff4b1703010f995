//! Programs: the practice's catalogue and each program's page.
//!
//! Pages arrive as structured content ([`frontdoor_contract::ContentBlock`]) and are rendered by
//! [`content`] with Frontdoor's own markup; no markup from the backend is ever injected.

pub mod catalogue;
pub mod content;
pub mod links;

pub use catalogue::ProgramCatalogue;
pub use content::{ContentBlockView, ProgramArticle};

#[cfg(test)]
mod shipped_content_tests {
    use frontdoor_contract::{ContentBlock, GroupCatalogueFile, ProgramPage};

    use super::links::content_link;
    use crate::features::groups::filters::{GroupFilters, topic_slug};

    fn shipped_pages() -> Vec<ProgramPage> {
        [
            include_str!("../../content/programs/01-iop.json"),
            include_str!("../../content/programs/02-group-therapy.json"),
            include_str!("../../content/programs/03-individual-therapy.json"),
            include_str!("../../content/programs/04-couples-therapy.json"),
            include_str!("../../content/programs/05-family-therapy.json"),
            include_str!("../../content/programs/06-teen-therapy.json"),
            include_str!("../../content/programs/07-dbt-self-guided.json"),
        ]
        .iter()
        .map(|text| serde_json::from_str(text).expect("a program page"))
        .collect()
    }

    /// Every `href` on the shipped pages, from calls to action and link lists.
    fn hrefs(page: &ProgramPage) -> Vec<String> {
        page.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .flat_map(|block| match block {
                ContentBlock::CallToAction { href, .. } => vec![href.clone()],
                ContentBlock::LinkList { items } => items.iter().map(|i| i.href.clone()).collect(),
                _ => Vec::new(),
            })
            .collect()
    }

    #[test]
    fn every_link_on_the_shipped_pages_is_rendered_as_a_link() {
        for page in shipped_pages() {
            for href in hrefs(&page) {
                assert!(content_link(&href).is_some(), "{}: {href}", page.slug);
            }
        }
    }

    #[test]
    fn every_topic_link_finds_groups_in_the_shipped_catalogue() {
        let catalogue: GroupCatalogueFile =
            serde_json::from_str(include_str!("../../content/groups.json")).expect("catalogue");
        let topics: Vec<String> = catalogue
            .groups
            .iter()
            .map(|g| topic_slug(&g.topic))
            .collect();
        let mut checked = 0;
        for page in shipped_pages() {
            for href in hrefs(&page) {
                let Some(query) = href.strip_prefix("/groups?") else {
                    continue;
                };
                let filters = GroupFilters::from_query_string(query);
                if let Some(topic) = &filters.topic {
                    assert!(
                        topics.contains(topic),
                        "{}: {href} finds no group",
                        page.slug
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked >= 16, "only {checked} topic links");
    }
}
