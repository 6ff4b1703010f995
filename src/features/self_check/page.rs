//! The self-check on screen: which screen shows (introduction, "continue where you left off", or
//! the flow's current stage), and every move between them, each of which puts focus on the new
//! screen's heading and announces it.
//!
//! The step is deliberately not in the URL. Elsewhere Frontdoor keeps flow steps in the address
//! so Back and reload work, but here the step gives answers away (only some answers open the
//! alcohol questions or the crisis panel), and addresses end up in history, bookmarks and logs.
//! Privacy wins: the step lives in memory with the answers, and the page's own Back buttons move
//! between steps.

use leptos::{html::H1, prelude::*};
use leptos_router::hooks::use_location;

use super::check_answers::CheckAnswers;
use super::context::{SelfCheckContext, use_self_check};
use super::definition::{AnswerKind, QUESTION_SET};
use super::flow::{FlowError, Stage};
use super::interrupt::SafetyInterruptPanel;
use super::intro::{Intro, Resume};
use super::question::QuestionStep;
use super::result::ResultPage;
use super::session::SelfCheckSession;
use crate::components::{RouteFocus, page_title};
use crate::config::use_config;

/// The id of each question's first answer control, which the error summary links to.
pub const ANSWER_FIELD_ID: &str = "self-check-answer";

/// Page names for the document title. None of them says anything about the answers.
const TITLE: &str = "Is IOP right for you?";
const CHECK_ANSWERS_TITLE: &str = "Check your answers";
const RESULT_TITLE: &str = "Your self-check result";

/// Which screen the self-check page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// What the self-check is, how it treats answers, and "Start now".
    Intro,
    /// Answers from earlier in this tab: continue where they left off, or start again.
    Resume,
    /// The flow's current stage: a question, the safety interrupt, "Check your answers" or the
    /// result.
    Flow,
}

/// The page's own state, shared by its screens.
#[derive(Debug, Clone, Copy)]
pub struct SelfCheckUi {
    context: SelfCheckContext,
    screen: RwSignal<Screen>,
    /// Set by every move within the page: the next screen's heading takes focus.
    moved: RwSignal<bool>,
    /// The current question's problem, if Continue was pressed without an answer.
    error: RwSignal<Option<String>>,
    /// Counts failed attempts, so the error summary takes focus again each time.
    attempt: RwSignal<u32>,
    /// Shown on the introduction right after "Clear my answers".
    cleared: RwSignal<bool>,
}

impl SelfCheckUi {
    fn new(context: SelfCheckContext) -> Self {
        let screen = if context.with_session(|s| s.is_some_and(SelfCheckSession::has_answers)) {
            Screen::Resume
        } else {
            Screen::Intro
        };
        Self {
            context,
            screen: RwSignal::new(screen),
            moved: RwSignal::new(false),
            error: RwSignal::new(None),
            attempt: RwSignal::new(0),
            cleared: RwSignal::new(false),
        }
    }

    /// The self-check held in this tab.
    pub fn context(self) -> SelfCheckContext {
        self.context
    }

    /// The current question's error message (tracked).
    pub fn error(self) -> Signal<Option<String>> {
        self.error.into()
    }

    /// How many times Continue failed on this question (tracked).
    pub fn attempt(self) -> Signal<u32> {
        self.attempt.into()
    }

    /// Whether the answers were just cleared (tracked).
    pub fn just_cleared(self) -> bool {
        self.cleared.get()
    }

    fn move_to(self, screen: Screen) {
        self.error.set(None);
        self.attempt.set(0);
        self.moved.set(true);
        self.screen.set(screen);
    }

    /// Gives `heading` focus, and announces it, once it is on the page — if the person just
    /// moved here within the page or from another page.
    pub fn focus_when_shown(self, heading: NodeRef<H1>) {
        let route_focus = use_context::<RouteFocus>();
        // Only while this page is the one at the address: a navigation away starts while this
        // heading is still on screen, and the next page's heading must get the focus.
        let pathname = route_focus.map(|_| use_location().pathname);
        let created_at = pathname.map(|path| path.get_untracked());
        Effect::new(move |_| {
            let Some(element) = heading.get() else {
                return;
            };
            let here = pathname
                .is_some_and(|path| path.with_untracked(|now| Some(now) == created_at.as_ref()));
            let by_route = here && route_focus.is_some_and(RouteFocus::is_pending);
            if by_route || self.moved.get_untracked() {
                self.moved.set(false);
                match route_focus {
                    Some(focus) => focus.complete(&element),
                    None => {
                        let _ = element.focus();
                    }
                }
            }
        });
    }

    /// "Start now": the first question (or where Back from it left off).
    pub fn start(self) {
        self.context.start();
        self.cleared.set(false);
        self.move_to(Screen::Flow);
    }

    /// "Continue where you left off".
    pub fn resume(self) {
        self.move_to(Screen::Flow);
    }

    /// "Start again": forget the earlier answers and begin at the first question.
    pub fn start_again(self) {
        self.context.clear();
        self.start();
    }

    /// "Clear my answers": forget everything and return to the introduction.
    pub fn clear(self) {
        self.context.clear();
        self.cleared.set(true);
        self.move_to(Screen::Intro);
    }

    /// Back: the previous step, or from the first question the introduction. Answers are kept.
    pub fn back(self) {
        if self
            .context
            .with_session(|s| s.is_none_or(SelfCheckSession::at_first_question))
        {
            self.move_to(Screen::Intro);
        } else {
            self.context.update(SelfCheckSession::back);
            self.move_to(Screen::Flow);
        }
    }

    /// Continue on a question. Without an answer, the error summary and message appear.
    pub fn answer(self, kind: AnswerKind, option_ids: &[&str]) {
        match self.context.update(|s| s.answer(option_ids)) {
            Some(Ok(_)) => self.move_to(Screen::Flow),
            Some(Err(error)) => {
                self.error.set(Some(problem_message(kind, &error)));
                self.attempt.update(|n| *n += 1);
            }
            None => {}
        }
    }

    /// "Continue the self-check" after the crisis panel.
    pub fn continue_after_interrupt(self) {
        if let Some(Ok(_)) = self
            .context
            .update(SelfCheckSession::continue_after_interrupt)
        {
            self.move_to(Screen::Flow);
        }
    }

    /// A Change link on "Check your answers".
    pub fn change(self, question_id: &'static str) {
        if let Some(Ok(_)) = self.context.update(|s| s.change(question_id)) {
            self.move_to(Screen::Flow);
        }
    }

    /// "See my result"; an unanswered question is asked first.
    pub fn see_result(self) {
        match self.context.update(SelfCheckSession::see_result) {
            Some(Ok(_)) => self.move_to(Screen::Flow),
            Some(Err(FlowError::Unanswered(id))) => self.change(id),
            _ => {}
        }
    }
}

/// What to tell a person whose Continue did not work, in GOV.UK's "Select …" style.
pub fn problem_message(kind: AnswerKind, error: &FlowError) -> String {
    match (kind, error) {
        (AnswerKind::MultipleChoice, FlowError::Answer(_)) => {
            "Select at least one option to continue.".to_owned()
        }
        (AnswerKind::SingleChoice, FlowError::Answer(_)) => {
            "Select an answer to continue.".to_owned()
        }
        (_, other) => other.to_string(),
    }
}

/// The document title for a screen: never anything about the answers, and "Error: " first
/// while a problem is shown.
pub fn screen_title(screen: Screen, stage: Option<Stage>, has_error: bool) -> String {
    let name = match (screen, stage) {
        (Screen::Flow, Some(Stage::CheckAnswers)) => CHECK_ANSWERS_TITLE,
        (Screen::Flow, Some(Stage::Result)) => RESULT_TITLE,
        _ => TITLE,
    };
    if has_error {
        format!("Error: {name}")
    } else {
        name.to_owned()
    }
}

/// The whole self-check, on one route.
#[component]
pub fn SelfCheck() -> impl IntoView {
    let context = use_self_check();
    let ui = SelfCheckUi::new(context);
    let stage = Memo::new(move |_| context.session().map(|s| s.stage()));

    let practice = use_config().practice_name;
    Effect::new(move |_| {
        let title = screen_title(ui.screen.get(), stage.get(), ui.error.with(Option::is_some));
        document().set_title(&page_title(Some(&title), &practice));
    });

    move || match (ui.screen.get(), stage.get()) {
        (Screen::Resume, _) => view! { <Resume ui /> }.into_any(),
        (Screen::Flow, Some(Stage::Question(id))) => match QUESTION_SET.question(id) {
            Some(question) => view! { <QuestionStep question ui /> }.into_any(),
            None => view! { <Intro ui /> }.into_any(),
        },
        (Screen::Flow, Some(Stage::SafetyInterrupt { .. })) => {
            view! { <SafetyInterruptPanel ui /> }.into_any()
        }
        (Screen::Flow, Some(Stage::CheckAnswers)) => view! { <CheckAnswers ui /> }.into_any(),
        (Screen::Flow, Some(Stage::Result)) => view! { <ResultPage ui /> }.into_any(),
        (Screen::Intro, _) | (Screen::Flow, None) => view! { <Intro ui /> }.into_any(),
    }
}

/// "Clear my answers", with a reminder of where the answers are. On every step and the result.
#[component]
pub fn ClearAnswers(
    /// The page's state.
    ui: SelfCheckUi,
) -> impl IntoView {
    view! {
        <div class="self-check__privacy no-print">
            <p class="hint">
                "Your answers are only in this tab's memory. Clearing them forgets them straight away."
            </p>
            <button type="button" class="button button--secondary" on:click=move |_| ui.clear()>
                "Clear my answers"
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::self_check::answers::AnswerError;

    #[test]
    fn titles_never_change_with_the_answers_and_flag_errors_first() {
        let question = Some(Stage::Question("safety"));
        assert_eq!(
            screen_title(Screen::Flow, question, false),
            "Is IOP right for you?"
        );
        assert_eq!(
            screen_title(Screen::Flow, question, true),
            "Error: Is IOP right for you?"
        );
        assert_eq!(
            screen_title(Screen::Flow, Some(Stage::Result), false),
            "Your self-check result"
        );
        assert_eq!(
            screen_title(Screen::Flow, Some(Stage::CheckAnswers), false),
            "Check your answers"
        );
        assert_eq!(
            screen_title(Screen::Resume, Some(Stage::Result), false),
            "Is IOP right for you?"
        );
    }

    #[test]
    fn problems_say_what_to_do() {
        let nothing = FlowError::Answer(AnswerError::NothingChosen);
        assert_eq!(
            problem_message(AnswerKind::SingleChoice, &nothing),
            "Select an answer to continue."
        );
        assert_eq!(
            problem_message(AnswerKind::MultipleChoice, &nothing),
            "Select at least one option to continue."
        );
    }
}
