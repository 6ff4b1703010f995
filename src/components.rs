//! Accessible building blocks shared by every page: the layout and its landmarks, focus and
//! announcements on navigation, crisis and quick-exit controls, alerts and fetch states.

pub mod alert;
pub mod checkbox_group;
pub mod crisis_link;
pub mod error_summary;
pub mod fetch_state;
pub mod layout;
pub mod page_heading;
pub mod page_meta;
pub mod quick_exit;
pub mod radio_group;
pub mod route_announcer;
pub mod select_field;
pub mod skip_link;
pub mod step_progress;
pub mod submit_button;
pub mod text_area;
pub mod text_field;

pub use alert::{Alert, AlertKind};
pub use checkbox_group::CheckboxGroup;
pub use crisis_link::CrisisLink;
pub use error_summary::{ErrorSummary, FormProblem};
pub use fetch_state::{FetchError, Loading};
pub use layout::Layout;
pub use page_heading::PageHeading;
pub use page_meta::{PageMeta, page_title};
pub use quick_exit::QuickExit;
pub use radio_group::{ChoiceOption, Hint, LegendText, RadioGroup};
pub use route_announcer::{RouteAnnouncer, RouteFocus};
pub use select_field::SelectField;
pub use skip_link::SkipLink;
pub use step_progress::StepProgress;
pub use submit_button::SubmitButton;
pub use text_area::TextArea;
pub use text_field::{TextField, TextKind};
