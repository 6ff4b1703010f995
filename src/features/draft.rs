//! Form drafts that survive a reload or a trip Back, kept in the tab's `sessionStorage`.
//!
//! Only contact and booking details are ever kept — a name or alias, an email address, a phone
//! number, a time zone, a chosen date, the key of a submission in progress. Health answers never
//! are: a type is kept only if it implements [`NonHealthDraft`], which says so in its
//! documentation. Drafts end when their form succeeds or the person presses "Clear", and the
//! "Quick exit" button wipes the whole of `sessionStorage`.
//!
//! [`SubmissionKey`] is the `Idempotency-Key` of one logical submission: made when a person
//! first presses the final button, kept in the draft so a retry — automatic, their own "Try
//! again", or after a reload — is recognised by the server as the same request.

use std::marker::PhantomData;

use serde::{Deserialize, Serialize, de::DeserializeOwned};

use crate::api::IdempotencyKey;

/// A draft type that holds no health information, and may therefore be kept in
/// `sessionStorage`. Implement it only for types whose every field is a contact or booking
/// detail.
pub trait NonHealthDraft: Serialize + DeserializeOwned {}

/// Where drafts are kept: the tab's `sessionStorage` in the browser, a map in tests.
pub trait DraftStore {
    /// The text stored under `key`.
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value` under `key`; failures (storage full or disabled) are ignored, the form
    /// still works without a draft.
    fn set(&self, key: &str, value: &str);
    /// Forgets `key`.
    fn remove(&self, key: &str);
}

/// The tab's `sessionStorage`.
#[derive(Debug, Clone, Copy, Default)]
pub struct SessionStore;

impl SessionStore {
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok().flatten()
    }
}

impl DraftStore for SessionStore {
    fn get(&self, key: &str) -> Option<String> {
        Self::storage()?.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) {
        if let Some(storage) = Self::storage() {
            let _ = storage.set_item(key, value);
        }
    }

    fn remove(&self, key: &str) {
        if let Some(storage) = Self::storage() {
            let _ = storage.remove_item(key);
        }
    }
}

/// One named draft of type `T` in a [`DraftStore`].
#[derive(Debug, Clone, Copy)]
pub struct Draft<T, S = SessionStore> {
    key: &'static str,
    store: S,
    kind: PhantomData<fn() -> T>,
}

impl<T: NonHealthDraft> Draft<T, SessionStore> {
    /// The draft stored under `key` in this tab's `sessionStorage`.
    pub const fn session(key: &'static str) -> Self {
        Self {
            key,
            store: SessionStore,
            kind: PhantomData,
        }
    }
}

impl<T: NonHealthDraft, S: DraftStore> Draft<T, S> {
    /// The draft stored under `key` in `store`.
    pub const fn in_store(key: &'static str, store: S) -> Self {
        Self {
            key,
            store,
            kind: PhantomData,
        }
    }

    /// The saved draft; `None` when there is none or it no longer reads as `T` (an older
    /// shape is dropped rather than half-restored).
    pub fn load(&self) -> Option<T> {
        let text = self.store.get(self.key)?;
        match serde_json::from_str(&text) {
            Ok(value) => Some(value),
            Err(_) => {
                self.store.remove(self.key);
                None
            }
        }
    }

    /// Saves `value` over any earlier draft.
    pub fn save(&self, value: &T) {
        if let Ok(text) = serde_json::to_string(value) {
            self.store.set(self.key, &text);
        }
    }

    /// Forgets the draft (after success, or when the person presses "Clear").
    pub fn clear(&self) {
        self.store.remove(self.key);
    }
}

/// The `Idempotency-Key` of one logical submission, serialisable so it can be kept in a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SubmissionKey(String);

impl SubmissionKey {
    /// A fresh key: a version 4 UUID from the browser's `crypto.getRandomValues`.
    pub fn generate() -> Self {
        Self(IdempotencyKey::new().as_str().to_owned())
    }

    /// A key with the given text, for tests.
    #[cfg(test)]
    pub(crate) fn from_text(text: &str) -> Self {
        Self(text.to_owned())
    }

    /// The key for the HTTP layer.
    pub fn idempotency_key(&self) -> IdempotencyKey {
        IdempotencyKey::from_saved(self.0.clone())
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::{cell::RefCell, collections::HashMap, rc::Rc};

    use super::*;

    /// A store in memory, shared between clones like one tab's `sessionStorage`.
    #[derive(Debug, Clone, Default)]
    pub(crate) struct MemoryStore(Rc<RefCell<HashMap<String, String>>>);

    impl DraftStore for MemoryStore {
        fn get(&self, key: &str) -> Option<String> {
            self.0.borrow().get(key).cloned()
        }
        fn set(&self, key: &str, value: &str) {
            self.0.borrow_mut().insert(key.into(), value.into());
        }
        fn remove(&self, key: &str) {
            self.0.borrow_mut().remove(key);
        }
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Contact {
        name: String,
        email: String,
    }
    impl NonHealthDraft for Contact {}

    #[test]
    fn a_saved_draft_is_read_back_until_cleared() {
        let store = MemoryStore::default();
        let draft = Draft::<Contact, _>::in_store("contact", store.clone());
        assert_eq!(draft.load(), None);
        let sam = Contact {
            name: "Sam".into(),
            email: "sam@example.org".into(),
        };
        draft.save(&sam);
        // A second handle (as after a reload) sees the same draft.
        let again = Draft::<Contact, _>::in_store("contact", store.clone());
        assert_eq!(again.load(), Some(sam));
        again.clear();
        assert_eq!(draft.load(), None);
        assert!(store.0.borrow().is_empty());
    }

    #[test]
    fn a_draft_of_another_shape_is_dropped_not_half_restored() {
        let store = MemoryStore::default();
        store.set("contact", r#"{"name":"Sam"}"#);
        let draft = Draft::<Contact, _>::in_store("contact", store.clone());
        assert_eq!(draft.load(), None);
        assert_eq!(store.get("contact"), None);
    }

    #[test]
    fn submission_keys_survive_a_round_trip_as_plain_text() {
        let key = SubmissionKey("6f1c2a9e-0d7b-4b51-9a43-5c2e8d1f0a77".into());
        let text = serde_json::to_string(&key).unwrap();
        assert_eq!(text, "\"6f1c2a9e-0d7b-4b51-9a43-5c2e8d1f0a77\"");
        let back: SubmissionKey = serde_json::from_str(&text).unwrap();
        assert_eq!(back.idempotency_key().as_str(), key.as_str());
    }
}
