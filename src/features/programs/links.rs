//! Which links in program content Frontdoor is willing to render.
//!
//! Content is edited outside the SPA, so a call to action's `href` is checked: only paths inside
//! Frontdoor and phone or text-message numbers become links. Anything else (other sites,
//! `javascript:`, protocol-relative `//host`) is shown as plain text.

/// A call to action's destination, once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentLink {
    /// A path inside Frontdoor, such as `/self-check`.
    InApp(String),
    /// A `tel:` link.
    Phone(String),
    /// An `sms:` link.
    TextMessage(String),
}

impl ContentLink {
    /// The value for the `href` attribute.
    pub fn href(&self) -> &str {
        match self {
            ContentLink::InApp(href)
            | ContentLink::Phone(href)
            | ContentLink::TextMessage(href) => href,
        }
    }
}

/// Checks a call to action's `href`; `None` means it must not become a link.
pub fn content_link(href: &str) -> Option<ContentLink> {
    let href = href.trim();
    if href.starts_with('/') && !href.starts_with("//") {
        let safe = href
            .chars()
            .all(|c| !c.is_control() && !c.is_whitespace() && c != '\\');
        return safe.then(|| ContentLink::InApp(href.to_owned()));
    }
    let lower = href.to_ascii_lowercase();
    if let Some(number) = lower.strip_prefix("tel:") {
        return is_phone_number(number).then(|| ContentLink::Phone(href.to_owned()));
    }
    if let Some(rest) = lower.strip_prefix("sms:") {
        let number = rest.split('?').next().unwrap_or_default();
        let body_ok = rest
            .chars()
            .all(|c| !c.is_control() && c != '"' && c != '<');
        return (is_phone_number(number) && body_ok)
            .then(|| ContentLink::TextMessage(href.to_owned()));
    }
    None
}

fn is_phone_number(number: &str) -> bool {
    number.chars().any(|c| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '(' | ')' | '.' | ' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_inside_frontdoor_become_links() {
        assert_eq!(
            content_link("/self-check"),
            Some(ContentLink::InApp("/self-check".into()))
        );
        assert_eq!(
            content_link("/groups?topic=dbt").map(|l| l.href().to_owned()),
            Some("/groups?topic=dbt".into())
        );
    }

    #[test]
    fn phone_and_text_numbers_become_links() {
        assert_eq!(
            content_link("tel:988"),
            Some(ContentLink::Phone("tel:988".into()))
        );
        assert_eq!(
            content_link("tel:+1-800-662-4357"),
            Some(ContentLink::Phone("tel:+1-800-662-4357".into()))
        );
        assert_eq!(
            content_link("sms:741741?&body=HOME"),
            Some(ContentLink::TextMessage("sms:741741?&body=HOME".into()))
        );
    }

    #[test]
    fn other_sites_and_scripts_never_become_links() {
        for href in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "https://tracker.example.com/",
            "//evil.example.com/path",
            "/\\evil.example.com",
            "data:text/html,hi",
            "tel:",
            "tel:call-me",
            "",
        ] {
            assert_eq!(content_link(href), None, "{href}");
        }
    }
}
