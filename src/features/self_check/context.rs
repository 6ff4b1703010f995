//! Where this tab keeps its self-check: one signal, provided once for the whole app so the
//! answers survive moving between pages, and gone when the tab closes or the person clears
//! them. Nothing here writes to storage, the URL or the network.
//!
//! Other features read only the typed summary, through [`use_self_check_summary`]: the
//! coordinator-call booking offers to share it (unticked by default), and that opt-in is the
//! only way any of it leaves the device.

use leptos::prelude::*;

use super::session::SelfCheckSession;
use super::summary::SelfCheckSummary;

/// The self-check held in this tab's memory; `None` before it starts and after "Clear my
/// answers".
#[derive(Debug, Clone, Copy)]
pub struct SelfCheckContext {
    session: RwSignal<Option<SelfCheckSession>>,
}

impl SelfCheckContext {
    /// The session, if one has started (tracked).
    pub fn session(self) -> Option<SelfCheckSession> {
        self.session.get()
    }

    /// Reads the session without tracking or cloning it.
    pub fn with_session<T>(self, read: impl FnOnce(Option<&SelfCheckSession>) -> T) -> T {
        self.session
            .with_untracked(|session| read(session.as_ref()))
    }

    /// Whether there are answers to come back to (tracked).
    pub fn has_answers(self) -> bool {
        self.session
            .with(|session| session.as_ref().is_some_and(SelfCheckSession::has_answers))
    }

    /// Starts a session if none is running; an existing one is kept as it is.
    pub fn start(self) {
        self.session.update(|session| {
            session.get_or_insert_with(SelfCheckSession::new);
        });
    }

    /// Changes the running session (starting one first if needed) and returns what `change`
    /// returned; `None` only once the app has been torn down.
    pub fn update<T>(self, change: impl FnOnce(&mut SelfCheckSession) -> T) -> Option<T> {
        self.session
            .try_update(|session| change(session.get_or_insert_with(SelfCheckSession::new)))
    }

    /// "Clear my answers": forgets everything.
    pub fn clear(self) {
        self.session.set(None);
    }

    /// The shareable summary, once the person has seen their result (tracked).
    pub fn summary(self) -> Option<SelfCheckSummary> {
        self.session
            .with(|session| session.as_ref().and_then(SelfCheckSession::summary))
    }
}

/// Provides an empty self-check to everything below the current owner. Call once, at the top of
/// the app, so the answers outlive any one page.
pub fn provide_self_check_context() -> SelfCheckContext {
    let context = SelfCheckContext {
        session: RwSignal::new(None),
    };
    provide_context(context);
    context
}

/// The self-check held in this tab.
///
/// # Panics
/// Outside the tree [`provide_self_check_context`] set up; the app always provides it.
pub fn use_self_check() -> SelfCheckContext {
    expect_context::<SelfCheckContext>()
}

/// The summary a person may choose to share when booking a coordinator call: `Some` once they
/// have seen their self-check result (and while its answers are complete), `None` otherwise,
/// including when no self-check context is provided.
pub fn use_self_check_summary() -> Signal<Option<SelfCheckSummary>> {
    match use_context::<SelfCheckContext>() {
        Some(context) => Signal::derive(move || context.summary()),
        None => Signal::derive(|| None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::self_check::definition::option;
    use crate::features::self_check::scoring::LevelOfCare;

    #[test]
    fn the_summary_appears_once_the_result_is_seen_and_goes_when_cleared() {
        let owner = Owner::new();
        owner.set();
        let context = provide_self_check_context();
        let summary = use_self_check_summary();
        assert_eq!(summary.get_untracked(), None);
        assert!(!context.has_answers());

        context.start();
        for answer in [
            &[option::SOMEONE_ELSE][..],
            &["grief"],
            &[option::NO],
            &[option::NO_CARE],
            &["a_little"],
            &[option::GOOD_SUPPORT],
            &[option::YES],
            &[option::EVENINGS],
        ] {
            context
                .update(|session| session.answer(answer))
                .expect("a live context")
                .expect("valid answer");
        }
        assert!(context.has_answers());
        assert_eq!(summary.get_untracked(), None);

        context
            .update(SelfCheckSession::see_result)
            .expect("a live context")
            .expect("every question answered");
        assert_eq!(
            summary.get_untracked().map(|s| s.level_of_care),
            Some(LevelOfCare::WeeklyCareMayBeEnough)
        );

        context.clear();
        assert_eq!(summary.get_untracked(), None);
        assert!(!context.has_answers());
        assert!(context.with_session(|session| session.is_none()));
    }

    #[test]
    fn without_a_provided_context_there_is_simply_no_summary() {
        let owner = Owner::new();
        owner.set();
        assert_eq!(use_self_check_summary().get_untracked(), None);
    }

    #[test]
    fn starting_again_keeps_a_running_session() {
        let owner = Owner::new();
        owner.set();
        let context = provide_self_check_context();
        context.start();
        context
            .update(|session| session.answer(&[option::MYSELF]))
            .expect("a live context")
            .expect("valid answer");
        context.start();
        assert!(context.has_answers());
    }
}
