//! The free call with a care coordinator: choosing a time on the reader's own clock, giving
//! contact details, reviewing and booking, asking for other times, and managing a booked call.
//!
//! Pure logic with native tests: [`flow`] (the steps and what each needs), [`schedule`] (slots
//! by the reader's day, and their names), [`details`] (the draft and the request it becomes),
//! [`share`] (the self-check summary as it would be shared). Components: [`picker`] (zone, days,
//! times — shared by booking and rescheduling), [`booking`] (the `/call` flow) and [`manage`]
//! (the manage page).

pub mod booking;
pub mod details;
pub mod flow;
pub mod manage;
pub mod picker;
pub mod schedule;
pub mod share;

pub use booking::CallBooking;
pub use flow::CallStep;
pub use manage::ManageCall;
