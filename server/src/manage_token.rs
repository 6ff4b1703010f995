//! Self-service secrets and references for anything a person books: a reservation, a waitlist
//! place, a coordinator call.
//!
//! - A [`ManageToken`] is 256 random bits written as unpadded base64url (43 characters). The
//!   person receives it once, inside the manage link's URL fragment; the server keeps only its
//!   SHA-256 ([`TokenHash`]) and compares hashes in constant time, so neither a copy of the
//!   database nor response timing gives the token away.
//! - A reference such as `FD-7KQ3-M9XA` ([`new_reference`]) is what a person reads out on the
//!   phone. It is not a secret: it names the booking, the token proves the right to it. Its
//!   alphabet leaves out characters people confuse (0/O, 1/I/L, U/V).
//! - [`bearer_token`] reads `Authorization: Bearer <token>`.
//!
//! Replies for "unknown reference" and "wrong token" must be identical; callers look the booking
//! up by reference and then check [`TokenHash::matches`], answering the same 404 either way.

use axum::http::{HeaderMap, header};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::{Rng, RngCore};
use sha2::{Digest, Sha256};

/// Random bytes in a manage token (256 bits; the contract asks for at least 128).
pub const TOKEN_BYTES: usize = 32;

/// Length of a manage token as text (unpadded base64url of [`TOKEN_BYTES`]).
pub const TOKEN_CHARS: usize = 43;

/// The characters a reference is made of: digits and capitals without 0, 1, I, L, O, U, V.
pub const REFERENCE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTWXYZ";

/// The prefix of reservation and waitlist references.
pub const FRONTDOOR_PREFIX: &str = "FD";

/// A freshly made manage token. Its text goes to the person once and is then dropped; only
/// [`ManageToken::hash`] is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct ManageToken(String);

impl ManageToken {
    /// A new token from the operating system's cryptographically secure generator (through
    /// `rand`'s thread-local CSPRNG, which it seeds and reseeds).
    pub fn generate() -> Self {
        let mut bytes = [0u8; TOKEN_BYTES];
        rand::rng().fill_bytes(&mut bytes);
        Self(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// The token's text, as it goes into the manage link.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The token's text, consuming it.
    pub fn into_string(self) -> String {
        self.0
    }

    /// The hash to store.
    pub fn hash(&self) -> TokenHash {
        TokenHash::of(&self.0)
    }
}

impl std::fmt::Debug for ManageToken {
    // Never print a token, even in a debug dump or a panic message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ManageToken(…)")
    }
}

/// The SHA-256 of a manage token's text: what the database keeps.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct TokenHash([u8; 32]);

impl TokenHash {
    /// The hash of a token as presented by a client (any text; a wrong one simply won't match).
    pub fn of(token: &str) -> Self {
        Self(Sha256::digest(token.as_bytes()).into())
    }

    /// A stored hash read back from the database; `None` if it is not 32 bytes.
    pub fn from_stored(bytes: &[u8]) -> Option<Self> {
        bytes.try_into().ok().map(Self)
    }

    /// The bytes to store.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Whether `presented` is the token this hash was made from, compared in constant time.
    pub fn matches(&self, presented: &str) -> bool {
        constant_time_eq(&self.0, &Self::of(presented).0)
    }
}

impl std::fmt::Debug for TokenHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenHash(…)")
    }
}

/// Compares two byte strings in time that depends only on their lengths.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let difference = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    // black_box keeps the optimiser from turning the fold into an early-exit comparison.
    std::hint::black_box(difference) == 0
}

/// A new reference like `FD-7KQ3-M9XA`: `prefix`, then two groups of four characters from
/// [`REFERENCE_ALPHABET`] (about 39 random bits). References are unique by a database
/// constraint; callers retry with a fresh one on the (rare) collision.
pub fn new_reference(prefix: &str) -> String {
    let mut rng = rand::rng();
    let mut text = String::with_capacity(prefix.len() + 10);
    text.push_str(prefix);
    for _ in 0..2 {
        text.push('-');
        for _ in 0..4 {
            let index = rng.random_range(0..REFERENCE_ALPHABET.len());
            text.push(char::from(REFERENCE_ALPHABET[index]));
        }
    }
    text
}

/// Whether `text` has the shape of a reference made by [`new_reference`] with `prefix`.
/// Lets a route turn away nonsense without a database lookup.
pub fn is_reference(text: &str, prefix: &str) -> bool {
    let Some(rest) = text.strip_prefix(prefix) else {
        return false;
    };
    let bytes = rest.as_bytes();
    bytes.len() == 10
        && bytes[0] == b'-'
        && bytes[5] == b'-'
        && bytes
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != 0 && *i != 5)
            .all(|(_, b)| REFERENCE_ALPHABET.contains(b))
}

/// The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), if the
/// request has one that is well formed.
pub fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty() && token.len() <= 512)
        .then_some(token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn tokens_are_256_bit_base64url_and_differ_every_time() {
        let a = ManageToken::generate();
        let b = ManageToken::generate();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), TOKEN_CHARS);
        let decoded = URL_SAFE_NO_PAD.decode(a.as_str()).expect("base64url");
        assert_eq!(decoded.len(), TOKEN_BYTES);
        assert!(
            a.as_str()
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
    }

    #[test]
    fn only_the_right_token_matches_its_hash() {
        let token = ManageToken::generate();
        let stored = token.hash();
        assert!(stored.matches(token.as_str()));
        assert!(!stored.matches(ManageToken::generate().as_str()));
        assert!(!stored.matches(""));
        let round_trip = TokenHash::from_stored(stored.as_bytes()).expect("32 bytes");
        assert!(round_trip.matches(token.as_str()));
        assert!(TokenHash::from_stored(&[1, 2, 3]).is_none());
    }

    #[test]
    fn debug_output_never_shows_a_token() {
        let token = ManageToken::generate();
        let printed = format!("{token:?} {:?}", token.hash());
        assert!(!printed.contains(token.as_str()));
    }

    #[test]
    fn constant_time_eq_compares_content_and_length() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
        assert!(constant_time_eq(b"", b""));
    }

    #[test]
    fn references_read_well_and_parse_back() {
        for _ in 0..200 {
            let reference = new_reference(FRONTDOOR_PREFIX);
            assert_eq!(reference.len(), 12, "{reference}");
            assert!(is_reference(&reference, FRONTDOOR_PREFIX), "{reference}");
            assert!(
                !reference[3..]
                    .chars()
                    .any(|c| "01ILOUV".contains(c) || c.is_ascii_lowercase()),
                "{reference}"
            );
        }
        assert!(is_reference("FD-7KQ3-M9XA", "FD"));
        assert!(!is_reference("FD-7KQ3-M9X", "FD"));
        assert!(!is_reference("FD-7KQ3-M9X0", "FD"));
        assert!(!is_reference("fd-7kq3-m9xa", "FD"));
        assert!(!is_reference("XX-7KQ3-M9XA", "FD"));
        assert!(!is_reference("FD-7KQ3M-9XA", "FD"));
    }

    #[test]
    fn bearer_tokens_are_read_from_the_authorization_header() {
        let mut headers = HeaderMap::new();
        assert_eq!(bearer_token(&headers), None);
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer abc"),
        );
        assert_eq!(bearer_token(&headers), Some("abc"));
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("bearer  xyz "),
        );
        assert_eq!(bearer_token(&headers), Some("xyz"));
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert_eq!(bearer_token(&headers), None);
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer "));
        assert_eq!(bearer_token(&headers), None);
    }
}
