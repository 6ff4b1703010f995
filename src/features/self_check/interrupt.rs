//! The safety interrupt: shown at once after an answer about thoughts of ending one's life or
//! of self-harm, before any further question, with crisis lines as plain `tel:`/`sms:` links,
//! the coordinator call, and the choice to carry on.

use leptos::{html::H1, prelude::*};

use super::definition::Mode;
use super::next_steps::CALL_PATH;
use super::page::{ClearAnswers, SelfCheckUi};

/// Crisis lines as links a phone can call or text. No request goes anywhere: these are plain
/// `tel:` and `sms:` links and text.
#[component]
pub fn CrisisResources(
    /// Heading level of each service's name: 2 under a page's h1, 3 under an h2.
    #[prop(default = 2)]
    level: u8,
) -> impl IntoView {
    let heading = move |text: &'static str| match level {
        3 => view! { <h3 class="crisis-resource__name">{text}</h3> }.into_any(),
        _ => view! { <h2 class="crisis-resource__name">{text}</h2> }.into_any(),
    };
    view! {
        <ul class="crisis-resources">
            <li class="crisis-resource crisis-resource--urgent">
                {heading("If you or someone else is in immediate danger")}
                <p>
                    <a class="button button--help" href="tel:911">
                        "Call 911"
                    </a>
                </p>
            </li>
            <li class="crisis-resource">
                {heading("988 Suicide & Crisis Lifeline")}
                <p>
                    "Free, confidential and open 24/7. Talk or text with a trained counselor. You can also chat at 988lifeline.org. Veterans: call 988, then press 1."
                </p>
                <p class="crisis-resource__actions">
                    <a class="button button--help" href="tel:988">
                        "Call 988"
                        <span class="visually-hidden">", the Suicide & Crisis Lifeline"</span>
                    </a>
                    <a class="button button--help" href="sms:988">
                        "Text 988"
                        <span class="visually-hidden">", the Suicide & Crisis Lifeline"</span>
                    </a>
                </p>
            </li>
            <li class="crisis-resource">
                {heading("Crisis Text Line")}
                <p>"If texting feels easier than talking, a trained volunteer will text back."</p>
                <p>
                    <a class="button button--help" href="sms:741741?&body=HOME">
                        "Text HOME to 741741"
                    </a>
                </p>
            </li>
            <li class="crisis-resource">
                {heading("SAMHSA National Helpline")}
                <p>
                    "Free, 24/7 information and referrals to treatment for mental health and substance use."
                </p>
                <p>
                    <a class="button button--help" href="tel:18006624357">
                        "Call SAMHSA "
                        <span class="nowrap">"1-800-662-4357"</span>
                    </a>
                </p>
            </li>
        </ul>
    }
}

/// The crisis panel that interrupts the self-check.
#[component]
pub fn SafetyInterruptPanel(
    /// The page's state.
    ui: SelfCheckUi,
) -> impl IntoView {
    let mode = ui
        .context()
        .with_session(|session| session.map(|s| s.answers().mode()))
        .unwrap_or(Mode::Myself);
    let heading = NodeRef::<H1>::new();
    ui.focus_when_shown(heading);
    let lede = match mode {
        Mode::Myself => {
            "Thank you for telling us. Thoughts like these can feel overwhelming, and you deserve support right now. You can talk to someone today, whatever time it is."
        }
        Mode::SomeoneElse => {
            "Thank you for telling us. Supporting someone through this is hard, and you don't have to do it on your own. These lines help the person you care about, and they help you support them too."
        }
    };
    view! {
        <div class="self-check self-check--interrupt">
            <h1 tabindex="-1" node_ref=heading>
                "You don't have to go through this alone"
            </h1>
            <p class="lede">{lede}</p>
            <CrisisResources />
            <h2>"Talk to us"</h2>
            <p>
                "A care coordinator can talk with you today about what would help, and how to get started."
            </p>
            <p>
                <a class="button" href=CALL_PATH>
                    "Talk to a coordinator today"
                </a>
            </p>
            <h2>"Carry on when you're ready"</h2>
            <p>"Your answers so far are kept. You can go on with the self-check now or later."</p>
            <div class="button-group">
                <button
                    type="button"
                    class="button button--secondary"
                    on:click=move |_| ui.continue_after_interrupt()
                >
                    "Continue the self-check"
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| ui.back()>
                    "Back"
                </button>
            </div>
            <ClearAnswers ui />
        </div>
    }
}
