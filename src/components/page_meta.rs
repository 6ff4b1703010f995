//! The document title and meta description of each page.

use leptos::prelude::*;

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

/// Sets the document title and meta description for the page being shown.
///
/// The last `PageMeta` rendered wins, so a page may set a provisional title and refine it once
/// its data arrive.
#[component]
pub fn PageMeta(
    /// The page's name; leave out on the home page.
    #[prop(optional, into)]
    page: Option<String>,
    /// One or two sentences describing the page.
    #[prop(into)]
    description: String,
) -> impl IntoView {
    let document = document();
    document.set_title(&page_title(page.as_deref(), &use_config().practice_name));
    set_meta_description(&document, &description);
}

fn set_meta_description(document: &web_sys::Document, description: &str) {
    let existing = document
        .query_selector("meta[name='description']")
        .ok()
        .flatten();
    let meta = existing.or_else(|| {
        let meta = document.create_element("meta").ok()?;
        meta.set_attribute("name", "description").ok()?;
        document.head()?.append_child(&meta).ok()?;
        Some(meta)
    });
    if let Some(meta) = meta {
        let _ = meta.set_attribute("content", description);
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
