//! The Frontdoor API v1 contract: every JSON shape the SPA and a backend exchange.
//!
//! Only `serde` and `chrono` are used here so the same types compile for the browser (wasm32) and
//! for the reference server. `openapi.yaml` beside this crate describes the same API for backends
//! written in other languages; a server test keeps the two in step.

pub mod calls;
pub mod groups;
pub mod problem;
pub mod programs;

pub use calls::{
    AvailabilityReceipt, AvailabilityRequest, CallConfirmation, CallRequest, CallSlot, CallSlots,
    CallSlotsQuery, CallStatus, CallView, ContactMethod, LevelOfCare, RescheduleRequest,
    SharedSelfCheckSummary, SlotTakenProblem,
};
pub use groups::{
    Audience, Group, GroupCatalogue, GroupCatalogueFile, GroupDefinition, GroupFullProblem,
    GroupStatus, Reservation, ReservationConfirmation, ReservationRequest, Therapist,
    WaitlistEntry, WaitlistRequest, Weekday,
};
pub use problem::{FieldError, Problem};
pub use programs::{
    ContentBlock, ContentLinkItem, FaqItem, ProgramPage, ProgramSection, ProgramSummary,
};

/// The path prefix every v1 route lives under, relative to the deployment's origin.
pub const API_PREFIX: &str = "/api/v1";
