//! A boxed message: information, success, a warning, or an error that is announced at once.

use leptos::prelude::*;

/// How much a message matters to the person reading it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AlertKind {
    /// Useful to know; no action needed.
    #[default]
    Info,
    /// Something the person did worked.
    Success,
    /// Worth reading before going on.
    Warning,
    /// Something failed; announced by screen readers as soon as it appears.
    Error,
}

impl AlertKind {
    fn class(self) -> &'static str {
        match self {
            AlertKind::Info => "alert alert--info",
            AlertKind::Success => "alert alert--success",
            AlertKind::Warning => "alert alert--warning",
            AlertKind::Error => "alert alert--error",
        }
    }
}

/// A message box with an optional heading.
#[component]
pub fn Alert(
    /// How much the message matters; errors get `role="alert"`.
    #[prop(optional)]
    kind: AlertKind,
    /// A short heading (rendered as an h2).
    #[prop(optional, into)]
    title: Option<String>,
    /// The message itself.
    children: Children,
) -> impl IntoView {
    let role = (kind == AlertKind::Error).then_some("alert");
    view! {
        <div class=kind.class() role=role>
            {title.map(|title| view! { <h2 class="alert__title">{title}</h2> })}
            <div class="alert__body">{children()}</div>
        </div>
    }
}
