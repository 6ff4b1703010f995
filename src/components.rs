//! Accessible building blocks shared by every page: the layout and its landmarks, focus and
//! announcements on navigation, crisis and quick-exit controls, alerts and fetch states.

pub mod alert;
pub mod crisis_link;
pub mod fetch_state;
pub mod layout;
pub mod page_heading;
pub mod page_meta;
pub mod quick_exit;
pub mod route_announcer;
pub mod skip_link;

pub use alert::{Alert, AlertKind};
pub use crisis_link::CrisisLink;
pub use fetch_state::{FetchError, Loading};
pub use layout::Layout;
pub use page_heading::PageHeading;
pub use page_meta::{PageMeta, page_title};
pub use quick_exit::QuickExit;
pub use route_announcer::{RouteAnnouncer, RouteFocus};
pub use skip_link::SkipLink;
