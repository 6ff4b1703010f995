//! "Is IOP right for you?" — a guided self-check that is safe, private and explains itself.
//!
//! This module is the self-check's pure logic, with no UI and no browser APIs:
//! - [`definition`]: the versioned question set, as data a clinician can review;
//! - [`answers`]: the answers, held in memory only and impossible to serialise;
//! - [`flow`]: which steps are shown, "Step n of N", Back/Continue, the safety interrupt;
//! - [`scoring`]: screener bands and the routing to a level of care, with reasons;
//! - [`summary`]: the shareable summary, the only thing that may leave the device (opt-in).

pub mod answers;
pub mod definition;
pub mod flow;
pub mod scoring;
pub mod summary;

pub use answers::{Answer, AnswerError, SelfCheckAnswers};
pub use definition::{Mode, QUESTION_SET, QUESTION_SET_VERSION};
pub use flow::{
    Destination, FlowError, SafetyInterrupt, SafetyTrigger, SelfCheckFlow, Stage, StepProgress,
    safety_interrupt, step_progress, visible_questions,
};
pub use scoring::{LevelOfCare, Reason, SelfCheckResult, assess};
pub use summary::SelfCheckSummary;

#[cfg(test)]
mod definition_tests;
#[cfg(test)]
mod profiles_tests;
// proptest does not build for wasm32; these run natively.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod property_tests;
