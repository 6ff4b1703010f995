//! Frontdoor's capabilities, one module each: pure logic with native tests beside the components
//! that show it.

pub mod calendar;
pub mod call;
pub mod draft;
pub mod groups;
pub mod manage;
pub mod programs;
pub mod reserve;
pub mod self_check;
