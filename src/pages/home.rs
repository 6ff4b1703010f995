//! `/`: what the practice offers, on one screen, and the three ways to take a first step.

use leptos::prelude::*;

use crate::components::{PageHeading, PageMeta};

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <PageMeta description="Therapist-led online care by video: an intensive outpatient program (IOP), weekly online groups, and individual, couples, family and teen therapy." />
        <section class="hero">
            <PageHeading>"Online therapy and intensive outpatient care"</PageHeading>
            <p class="lede">
                "Licensed therapists, by video, at the same time each week. Get more support than weekly therapy while you live at home and keep up with work, school and family."
            </p>
        </section>

        <section class="first-steps" aria-labelledby="first-steps-heading">
            <h2 id="first-steps-heading">"Where would you like to start?"</h2>
            <ul class="action-list">
                <li class="action-card">
                    <a class="action-card__link" href="/self-check">
                        "Check if IOP is right for you"
                    </a>
                    <p>
                        "A few private questions, answered on your device. Nothing is sent unless you choose to share it."
                    </p>
                </li>
                <li class="action-card">
                    <a class="action-card__link" href="/groups">
                        "Find a group"
                    </a>
                    <p>
                        "One-hour weekly groups led by a licensed therapist, on topics from anxiety and depression to grief and parenting."
                    </p>
                </li>
                <li class="action-card">
                    <a class="action-card__link" href="/call">
                        "Talk to a care coordinator"
                    </a>
                    <p>
                        "A free call to talk through what you need and find the right program or group."
                    </p>
                </li>
            </ul>
        </section>

        <section class="offer" aria-labelledby="offer-heading">
            <h2 id="offer-heading">"What we offer"</h2>
            <ul class="offer-list">
                <li>
                    <a class="offer-list__name" href="/programs/iop">
                        "Intensive outpatient program (IOP)"
                    </a>
                    " — structured care several times a week, about 3 to 5 hours a session, daytime or evening."
                </li>
                <li>
                    <a class="offer-list__name" href="/programs/group-therapy">
                        "Online group therapy"
                    </a>
                    " — the same small group and therapist each week, for one hour."
                </li>
                <li>
                    <a class="offer-list__name" href="/programs/individual-therapy">
                        "Individual"
                    </a> ", "
                    <a class="offer-list__name" href="/programs/couples-therapy">
                        "couples"
                    </a> ", "
                    <a class="offer-list__name" href="/programs/family-therapy">
                        "family"
                    </a> " and "
                    <a class="offer-list__name" href="/programs/teen-therapy">
                        "teen therapy"
                    </a> " — by video, at a regular time."
                </li>
                <li>
                    <a class="offer-list__name" href="/programs/dbt-self-guided">
                        "DBT self-guided program"
                    </a>
                    " — learn dialectical behaviour therapy skills at your own pace."
                </li>
            </ul>
            <p>
                <a href="/programs">"See all our programs"</a>
            </p>
        </section>

        <aside class="crisis-callout" aria-labelledby="crisis-callout-heading">
            <h2 id="crisis-callout-heading">"Need help right now?"</h2>
            <p>
                "If you are thinking about suicide or you are in crisis, the 988 Suicide & Crisis Lifeline is free, confidential and open 24/7."
            </p>
            <p class="crisis-callout__actions">
                <a class="button button--calm" href="tel:988">
                    "Call 988"
                </a>
                <a class="button button--calm" href="sms:988">
                    "Text 988"
                </a>
            </p>
        </aside>
    }
}
