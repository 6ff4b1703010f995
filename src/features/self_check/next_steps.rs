//! Where a result's next steps lead: the coordinator call, and the group search already
//! filtered to the topics the person chose, in the search's own URL format.
//!
//! These links carry a topic only when the person follows them: the self-check's own address
//! never changes while it is answered.

use crate::features::groups::filters::{GroupFilters, topic_slug};

use super::definition::Mode;
use super::scoring::SelfCheckResult;

/// The coordinator-call booking page.
pub const CALL_PATH: &str = "/call";

/// The group search page.
pub const GROUPS_PATH: &str = "/groups";

/// A link to the group search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupSearchLink {
    /// The link's text.
    pub label: String,
    /// The group search with its topic filter set, e.g. `/groups?topic=grief-loss`.
    pub href: String,
}

/// The group search filtered to one catalogue topic, e.g. "Grief & Loss" →
/// `/groups?topic=grief-loss`.
pub fn group_search_href(topic: &str) -> String {
    let filters = GroupFilters {
        topic: Some(topic_slug(topic)),
        ..GroupFilters::default()
    };
    format!("{GROUPS_PATH}?{}", filters.to_query_string())
}

/// Links to the group search for a result: one per catalogue topic the chosen topics map to
/// (the search filters by one topic at a time), the loved-ones group when answering for someone
/// else, or the whole catalogue when no chosen topic has a group topic.
pub fn group_search_links(result: &SelfCheckResult) -> Vec<GroupSearchLink> {
    let topics = result.group_search_topics();
    if result.mode == Mode::SomeoneElse {
        return topics
            .into_iter()
            .map(|topic| GroupSearchLink {
                label: "Browse groups for people supporting a loved one".to_owned(),
                href: group_search_href(topic),
            })
            .collect();
    }
    if topics.is_empty() {
        return vec![GroupSearchLink {
            label: "Browse groups".to_owned(),
            href: GROUPS_PATH.to_owned(),
        }];
    }
    topics
        .into_iter()
        .map(|topic| GroupSearchLink {
            label: format!("Browse groups: {topic}"),
            href: group_search_href(topic),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::groups::filters::GroupFilters;
    use crate::features::self_check::answers::SelfCheckAnswers;
    use crate::features::self_check::definition::{option, question};
    use crate::features::self_check::scoring::assess;

    fn result_for(for_whom: &str, topics: &[&str]) -> SelfCheckResult {
        let mut answers = SelfCheckAnswers::new();
        answers
            .answer(question::FOR_WHOM, &[for_whom])
            .expect("valid answer");
        answers
            .answer(question::TOPICS, topics)
            .expect("valid answer");
        assess(&answers)
    }

    #[test]
    fn a_topic_link_uses_the_group_search_filter_format() {
        let href = group_search_href("Grief & Loss");
        assert_eq!(href, "/groups?topic=grief-loss");
        let query = href.split_once('?').map(|(_, q)| q).unwrap_or_default();
        assert_eq!(
            GroupFilters::from_query_string(query).topic.as_deref(),
            Some("grief-loss")
        );
    }

    #[test]
    fn chosen_topics_become_one_filtered_link_each_without_repeats() {
        let links = group_search_links(&result_for(option::MYSELF, &["mood", "anxiety", "grief"]));
        assert_eq!(
            links,
            [
                GroupSearchLink {
                    label: "Browse groups: Anxiety & Depression".into(),
                    href: "/groups?topic=anxiety-depression".into(),
                },
                GroupSearchLink {
                    label: "Browse groups: Grief & Loss".into(),
                    href: "/groups?topic=grief-loss".into(),
                },
            ]
        );
    }

    #[test]
    fn a_topic_without_a_group_topic_leads_to_the_whole_catalogue() {
        let links = group_search_links(&result_for(option::MYSELF, &[option::OTHER]));
        assert_eq!(
            links,
            [GroupSearchLink {
                label: "Browse groups".into(),
                href: "/groups".into(),
            }]
        );
    }

    #[test]
    fn answering_for_someone_else_leads_to_the_loved_ones_group() {
        let links = group_search_links(&result_for(option::SOMEONE_ELSE, &["trauma"]));
        assert_eq!(
            links,
            [GroupSearchLink {
                label: "Browse groups for people supporting a loved one".into(),
                href: "/groups?topic=supporting-a-loved-one-with-bpd".into(),
            }]
        );
    }
}
