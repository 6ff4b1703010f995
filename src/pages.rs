//! One component per route. Pages are thin: they set the title, hold the h1 and compose
//! features; logic lives in `features`.

pub mod call;
pub mod get_help;
pub mod group;
pub mod groups;
pub mod home;
pub mod manage_call;
pub mod manage_reservation;
pub mod not_found;
pub mod program;
pub mod programs;
pub mod reserve;
pub mod self_check;

pub use call::CallPage;
pub use get_help::GetHelpPage;
pub use group::GroupPage;
pub use groups::GroupsPage;
pub use home::HomePage;
pub use manage_call::ManageCallPage;
pub use manage_reservation::ManageReservationPage;
pub use not_found::NotFoundPage;
pub use program::ProgramDetailPage;
pub use programs::ProgramsPage;
pub use reserve::ReservePage;
pub use self_check::SelfCheckPage;
