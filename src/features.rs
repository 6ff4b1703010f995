//! Frontdoor's capabilities, one module each: pure logic with native tests beside the components
//! that show it.

pub mod groups;
pub mod programs;
pub mod self_check;
