//! One component per route. Pages are thin: they set the title, hold the h1 and compose
//! features; logic lives in `features`.

pub mod get_help;
pub mod home;
pub mod not_found;
pub mod program;
pub mod programs;

pub use get_help::GetHelpPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use program::ProgramDetailPage;
pub use programs::ProgramsPage;
