//! `/get-help`: crisis resources, as plain phone and text links that work without the network.

use leptos::prelude::*;

use crate::components::{PageHeading, PageMeta};

/// The crisis resources page.
#[component]
pub fn GetHelpPage() -> impl IntoView {
    view! {
        <PageMeta
            page="Get help now"
            description="Free, confidential crisis support, 24/7: call or text 988, text HOME to 741741, or call 911 in an emergency."
        />
        <PageHeading>"Get help now"</PageHeading>
        <p class="lede">
            "You don't have to go through this alone. These services are free, confidential and open 24 hours a day, 7 days a week."
        </p>

        <section class="help-option help-option--urgent" aria-labelledby="help-danger">
            <h2 id="help-danger">"If you or someone else is in immediate danger"</h2>
            <p>"Call emergency services."</p>
            <p>
                <a class="button button--help" href="tel:911">
                    "Call 911"
                </a>
            </p>
        </section>

        <section class="help-option" aria-labelledby="help-988">
            <h2 id="help-988">"988 Suicide & Crisis Lifeline"</h2>
            <p>
                "Talk or text with a trained crisis counselor about thoughts of suicide, a mental health or substance use crisis, or any emotional distress. You can also chat online at 988lifeline.org."
            </p>
            <p class="help-option__actions">
                <a class="button button--help" href="tel:988">
                    "Call 988"
                </a>
                <a class="button button--help" href="sms:988">
                    "Text 988"
                </a>
            </p>
            <p class="hint">"Veterans and service members: call 988, then press 1."</p>
        </section>

        <section class="help-option" aria-labelledby="help-text-line">
            <h2 id="help-text-line">"Crisis Text Line"</h2>
            <p>"If texting feels easier than talking, a trained volunteer will text back."</p>
            <p>
                <a class="button button--help" href="sms:741741?&body=HOME">
                    "Text HOME to 741741"
                </a>
            </p>
        </section>

        <section class="help-option" aria-labelledby="help-samhsa">
            <h2 id="help-samhsa">"SAMHSA National Helpline"</h2>
            <p>
                "Information and referrals to treatment for mental health and substance use, in English and Spanish."
            </p>
            <p>
                <a class="button button--help" href="tel:18006624357">
                    "Call SAMHSA "
                    <span class="nowrap">"1-800-662-4357"</span>
                </a>
            </p>
        </section>

        <section class="help-next" aria-labelledby="help-next">
            <h2 id="help-next">"When you're ready for ongoing support"</h2>
            <p>
                "Our care coordinators can help you find the right level of care. "
                <a href="/call">"Book a free call with a care coordinator"</a>
                "."
            </p>
        </section>
    }
}
