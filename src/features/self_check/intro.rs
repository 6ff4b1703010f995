//! The first screens of the self-check: what it is and how it treats answers, and — when
//! answers from earlier in this tab are still in memory — continue or start again.

use leptos::{html::H1, prelude::*};

use super::page::SelfCheckUi;

/// What the self-check is, how long it takes, where answers stay, and "Start now".
#[component]
pub fn Intro(
    /// The page's state.
    ui: SelfCheckUi,
) -> impl IntoView {
    let heading = NodeRef::<H1>::new();
    ui.focus_when_shown(heading);
    let cleared = move || {
        ui.just_cleared().then(|| {
            view! {
                <div class="alert alert--success" role="status">
                    <p>"Your answers have been cleared. Nothing was kept."</p>
                </div>
            }
        })
    };
    view! {
        <div class="self-check">
            {cleared}
            <h1 tabindex="-1" node_ref=heading>
                "Is IOP right for you?"
            </h1>
            <p class="lede">
                "A short self-check to help you think about whether an Intensive Outpatient Program (IOP) could suit you, or someone you care about."
            </p>
            <ul>
                <li>"It takes about 5 minutes."</li>
                <li>
                    "You'll answer questions about what brings you here, your mood and worries, and whether sessions of about 3 hours, 3 days a week could fit your life."
                </li>
                <li>
                    "At the end you'll see which kind of care may fit, why, and what you can do next."
                </li>
            </ul>

            <h2>"Your answers are private"</h2>
            <p>
                "Your answers stay on this device, in this tab's memory only, and are never sent unless you choose to share a summary when booking a call."
            </p>
            <p>
                "Closing this tab forgets them. You can also press \u{201c}Clear my answers\u{201d} at any step."
            </p>

            <div class="inset">
                <p>
                    <strong>"This is not a diagnosis."</strong>
                    " It's a guide to help you decide what to ask about. Only a professional who talks with you can say what care is right."
                </p>
            </div>

            <p class="crisis-note">
                "If you're in crisis now, you don't have to wait: "
                <a href="tel:988">"call or text 988"</a>
                ", or call "
                <a href="tel:911">"911"</a>
                " if you are in immediate danger."
            </p>

            <button type="button" class="button button--start" on:click=move |_| ui.start()>
                "Start now"
            </button>
        </div>
    }
}

/// Shown on coming back to the self-check with answers still in this tab's memory.
#[component]
pub fn Resume(
    /// The page's state.
    ui: SelfCheckUi,
) -> impl IntoView {
    let heading = NodeRef::<H1>::new();
    ui.focus_when_shown(heading);
    view! {
        <div class="self-check">
            <h1 tabindex="-1" node_ref=heading>
                "Continue your self-check?"
            </h1>
            <p class="lede">
                "Your answers from earlier are still in this tab's memory. They haven't been sent anywhere."
            </p>
            <div class="button-group">
                <button type="button" class="button" on:click=move |_| ui.resume()>
                    "Continue where you left off"
                </button>
                <button
                    type="button"
                    class="button button--secondary"
                    on:click=move |_| ui.start_again()
                >
                    "Start again"
                </button>
            </div>
            <p class="hint">"Starting again clears your earlier answers."</p>
        </div>
    }
}
