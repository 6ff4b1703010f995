//! Programs: the practice's catalogue and each program's page.
//!
//! Pages arrive as structured content ([`frontdoor_contract::ContentBlock`]) and are rendered by
//! [`content`] with Frontdoor's own markup; no markup from the backend is ever injected.

pub mod catalogue;
pub mod content;
pub mod links;

pub use catalogue::ProgramCatalogue;
pub use content::{ContentBlockView, ProgramArticle};
