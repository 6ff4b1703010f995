//! Managing a reservation from its private link: `/reservations/{reference}#token=…`.
//!
//! The token travels only in the URL fragment, which browsers never send to a server; the page
//! reads it and sends it as `Authorization: Bearer`. A wrong token and an unknown reference get
//! the same answer from the server, and the same message here. Cancelling asks once more before
//! it frees the seat.

pub mod reservation_view;

pub use reservation_view::ManageReservation;

/// The manage token in a URL fragment such as `#token=abc` (with or without the `#`); `None`
/// when there is none or it is blank.
pub fn token_from_fragment(fragment: &str) -> Option<String> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == "token")
        .map(|(_, value)| value.trim().to_owned())
        .filter(|token| !token.is_empty())
}

/// Where managing a reservation stands.
#[derive(Debug, Clone, PartialEq)]
pub enum ManageState<R> {
    /// Asking the server.
    Loading,
    /// No such reservation for this link (unknown, cancelled, wrong or missing token).
    NotFound,
    /// The server could not be asked; the message says what to do.
    Failed(String),
    /// The reservation, with the cancel button.
    Showing(R),
    /// "Are you sure?"
    ConfirmingCancel(R),
    /// Cancelling.
    Cancelling(R),
    /// Cancelled; the seat is free again.
    Cancelled(R),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_read_from_the_fragment_only() {
        assert_eq!(
            token_from_fragment("#token=abc-DEF_1").as_deref(),
            Some("abc-DEF_1")
        );
        assert_eq!(token_from_fragment("token=abc").as_deref(), Some("abc"));
        assert_eq!(
            token_from_fragment("#x=1&token=abc").as_deref(),
            Some("abc")
        );
        assert_eq!(token_from_fragment("#token="), None);
        assert_eq!(token_from_fragment(""), None);
        assert_eq!(token_from_fragment("#tokens=abc"), None);
    }
}
