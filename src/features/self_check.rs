//! "Is IOP right for you?" — a guided self-check that is safe, private and explains itself.
//!
//! The self-check's pure logic, with no UI and no browser APIs:
//! - [`definition`]: the versioned question set, as data a clinician can review;
//! - [`answers`]: the answers, held in memory only and impossible to serialise;
//! - [`flow`]: which steps are shown, "Step n of N", Back/Continue, the safety interrupt;
//! - [`scoring`]: screener bands and the routing to a level of care, with reasons;
//! - [`summary`]: the shareable summary, the only thing that may leave the device (opt-in);
//! - [`session`]: one tab's self-check, and when its summary exists;
//! - [`next_steps`]: where a result's links lead (coordinator call, filtered group search).
//!
//! Holding it in the app: [`context`] keeps the session in memory for the whole app and gives
//! other features the typed summary through [`use_self_check_summary`].
//!
//! On screen (thin components over the above): [`page`] switches screens and moves focus,
//! [`intro`], [`question`], [`interrupt`], [`check_answers`] and [`result`] are the screens.

pub mod answers;
pub mod check_answers;
pub mod context;
pub mod definition;
pub mod flow;
pub mod interrupt;
pub mod intro;
pub mod next_steps;
pub mod page;
pub mod question;
pub mod result;
pub mod scoring;
pub mod session;
pub mod summary;

pub use answers::{Answer, AnswerError, SelfCheckAnswers};
pub use context::{
    SelfCheckContext, provide_self_check_context, use_self_check, use_self_check_summary,
};
pub use definition::{Mode, QUESTION_SET, QUESTION_SET_VERSION};
pub use flow::{
    Destination, FlowError, SafetyInterrupt, SafetyTrigger, SelfCheckFlow, Stage, StepProgress,
    safety_interrupt, step_progress, visible_questions,
};
pub use page::SelfCheck;
pub use scoring::{LevelOfCare, Reason, SelfCheckResult, assess};
pub use session::SelfCheckSession;
pub use summary::SelfCheckSummary;

#[cfg(test)]
mod definition_tests;
#[cfg(test)]
mod profiles_tests;
// proptest does not build for wasm32; these run natively.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod property_tests;
