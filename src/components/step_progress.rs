//! "Step n of N" in words, with a progress bar that says the same thing.
//!
//! The words are what counts: a screen reader reads them and they never round. The bar is named
//! by them, so it adds the picture without a second, different story. Both take `total` from
//! the steps actually ahead for this person, so they stay honest when a branch opens or closes.

use leptos::prelude::*;

/// "Step 3 of 12".
pub fn step_text(number: usize, total: usize) -> String {
    format!("Step {number} of {total}")
}

/// The step's number in words and as a `<progress>` bar.
#[component]
pub fn StepProgress(
    /// This step's number, from 1.
    number: usize,
    /// How many steps there are for this person now.
    total: usize,
) -> impl IntoView {
    let text = step_text(number, total);
    // The bar must never claim more than the words: clamp a number past the total.
    let value = number.min(total);
    view! {
        <div class="step-progress">
            <p class="step-progress__text" id="step-progress-text">
                {text.clone()}
            </p>
            <progress
                class="step-progress__bar"
                max=total.to_string()
                value=value.to_string()
                aria-labelledby="step-progress-text"
            >
                {text}
            </progress>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_count_from_one() {
        assert_eq!(step_text(1, 24), "Step 1 of 24");
        assert_eq!(step_text(24, 24), "Step 24 of 24");
    }
}
