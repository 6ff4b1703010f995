//! The document title and meta description of each page.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::config::use_config;

/// What the home page's title says after the practice's name.
pub const HOME_TAGLINE: &str = "online therapy and intensive outpatient care";

/// A page's `<title>`: "<page> — <practice>", or for the home page (`None`)
/// "<practice> — online therapy and intensive outpatient care".
pub fn page_title(page: Option<&str>, practice: &str) -> String {
    match page.map(str::trim).filter(|page| !page.is_empty()) {
        Some(page) => format!("{page} — {practice}"),
        None => format!("{practice} — {HOME_TAGLINE}"),
    }
}

/// Sets the document title and meta description while the page is shown.
#[component]
pub fn PageMeta(
    /// The page's name; leave out on the home page.
    #[prop(optional, into)]
    page: Option<String>,
    /// One or two sentences describing the page.
    #[prop(into)]
    description: String,
) -> impl IntoView {
    let title = page_title(page.as_deref(), &use_config().practice_name);
    view! {
        <Title text=title />
        <Meta name="description" content=description />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_titles_name_the_page_then_the_practice() {
        assert_eq!(
            page_title(Some("Our programs"), "Northlight Online Therapy"),
            "Our programs — Northlight Online Therapy"
        );
    }

    #[test]
    fn the_home_title_leads_with_the_practice() {
        assert_eq!(
            page_title(None, "Northlight Online Therapy"),
            "Northlight Online Therapy — online therapy and intensive outpatient care"
        );
        assert_eq!(
            page_title(Some("  "), "Northlight Online Therapy"),
            page_title(None, "Northlight Online Therapy")
        );
    }
}
