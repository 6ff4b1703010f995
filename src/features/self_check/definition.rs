//! The "Is IOP right for you?" question set, as data.
//!
//! Everything a clinician reviews lives in this file: the questions in the order they are asked,
//! their first- and third-person wording, hints, answer options and scores, which screener each
//! item belongs to, and when a question is shown. Components render whatever is here; the flow
//! and the scoring only read it. Change the wording or the branching here, bump
//! [`QUESTION_SET_VERSION`], and the tests beside this file check that the set still hangs
//! together (ids unique, every question reachable, screeners complete, official wording intact).
//!
//! The PHQ-9 and GAD-7 items are reproduced unaltered from the official Pfizer forms
//! (phqscreeners.com; "no permission required to reproduce, translate, display or distribute"),
//! and are shown with [`PHQ_CREDIT_LINE`]. The AUDIT-C items are the first three questions of the
//! WHO AUDIT (public domain), with the WHO answer labels. The drug question is the NIDA single
//! question screen (Smith et al., 2010). Everything else is Frontdoor's own wording.

/// Version of the question set. A self-check summary carries it, so a coordinator knows exactly
/// which questions were answered. Bump it on any change to questions, options, scores or branching.
pub const QUESTION_SET_VERSION: &str = "2026-11-27.1";

/// Credit line the PHQ-9 and GAD-7 must be shown with, word for word.
pub const PHQ_CREDIT_LINE: &str = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.";

/// The PHQ-9's own instruction, shown above each of its items.
pub const PHQ9_STEM: &str =
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?";

/// The GAD-7's own instruction, shown above each of its items.
pub const GAD7_STEM: &str =
    "Over the last 2 weeks, how often have you been bothered by the following problems?";

/// Lead-in for the alcohol questions (Frontdoor's wording; the WHO items follow unaltered).
pub const AUDIT_C_LEAD_IN: &str = "These questions are about drinking alcohol.";

/// Question ids, for the code that needs to find a particular question.
pub mod question {
    /// For myself / for someone I care about.
    pub const FOR_WHOM: &str = "for_whom";
    /// What brings you here (several topics may be chosen).
    pub const TOPICS: &str = "topics";
    /// The direct safety question.
    pub const SAFETY: &str = "safety";
    /// What care the person has now.
    pub const CURRENT_CARE: &str = "current_care";
    /// PHQ-9 items 1 to 9, in form order.
    pub const PHQ9: [&str; 9] = [
        "phq9_1", "phq9_2", "phq9_3", "phq9_4", "phq9_5", "phq9_6", "phq9_7", "phq9_8", "phq9_9",
    ];
    /// PHQ-9 item 9 (thoughts of being better off dead or of self-harm).
    pub const PHQ9_ITEM_9: &str = "phq9_9";
    /// The PHQ-9's closing question on how difficult the problems make daily life.
    pub const PHQ9_DIFFICULTY: &str = "phq9_difficulty";
    /// GAD-7 items 1 to 7, in form order.
    pub const GAD7: [&str; 7] = [
        "gad7_1", "gad7_2", "gad7_3", "gad7_4", "gad7_5", "gad7_6", "gad7_7",
    ];
    /// AUDIT-C items 1 to 3, in form order.
    pub const AUDIT_C: [&str; 3] = ["audit_c_1", "audit_c_2", "audit_c_3"];
    /// The single-question drug screen.
    pub const DRUG_SCREEN: &str = "drug_screen";
    /// Withdrawal risk: heavy drinking every day or almost every day.
    pub const DAILY_HEAVY_DRINKING: &str = "daily_heavy_drinking";
    /// Withdrawal risk: benzodiazepines or opioids every day or almost every day.
    pub const DAILY_SEDATIVES_OR_OPIOIDS: &str = "daily_sedatives_or_opioids";
    /// How much things get in the way of work, school or home.
    pub const DAILY_FUNCTIONING: &str = "daily_functioning";
    /// Support at home.
    pub const SUPPORT_AT_HOME: &str = "support_at_home";
    /// Could the person attend about 3 hours, 3 days a week.
    pub const CAN_ATTEND: &str = "can_attend";
    /// Daytime or evening preference.
    pub const TIME_OF_DAY: &str = "time_of_day";
}

/// Answer option ids that the flow and the scoring rules look for.
pub mod option {
    /// "For myself".
    pub const MYSELF: &str = "myself";
    /// "For someone I care about".
    pub const SOMEONE_ELSE: &str = "someone_else";
    /// Topic: alcohol or drug use (opens the substance questions).
    pub const SUBSTANCE_USE: &str = "substance_use";
    /// "Yes".
    pub const YES: &str = "yes";
    /// "No".
    pub const NO: &str = "no";
    /// "I'm not sure".
    pub const NOT_SURE: &str = "not_sure";
    /// Daily benzodiazepines or opioids, only as prescribed.
    pub const AS_PRESCRIBED: &str = "as_prescribed";
    /// "Never" (AUDIT-C item 1, drug screen).
    pub const NEVER: &str = "never";
    /// Current care: none.
    pub const NO_CARE: &str = "none";
    /// Current care: weekly therapy that isn't enough.
    pub const WEEKLY_NOT_ENOUGH: &str = "weekly_not_enough";
    /// Current care: left inpatient or residential care in the last few months.
    pub const LEFT_INPATIENT: &str = "left_inpatient";
    /// Current care, or topic: something else.
    pub const OTHER: &str = "other";
    /// Support at home: good.
    pub const GOOD_SUPPORT: &str = "good";
    /// Support at home: some.
    pub const SOME_SUPPORT: &str = "some";
    /// Support at home: not really.
    pub const NO_SUPPORT: &str = "none";
    /// Home doesn't feel safe.
    pub const HOME_NOT_SAFE: &str = "not_safe";
    /// Can attend: maybe, with some changes.
    pub const MAYBE: &str = "maybe";
    /// Time of day: daytime.
    pub const DAYTIME: &str = "daytime";
    /// Time of day: evenings.
    pub const EVENINGS: &str = "evenings";
    /// Time of day: either.
    pub const EITHER: &str = "either";
}

/// The whole, versioned question set.
#[derive(Debug)]
pub struct QuestionSet {
    /// [`QUESTION_SET_VERSION`].
    pub version: &'static str,
    /// Every question, in the order asked. Hidden questions are skipped, never reordered.
    pub questions: &'static [Question],
}

impl QuestionSet {
    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&'static Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Where this question sits in the set (0-based), hidden questions included.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }
}

/// One question: one page, one fieldset, its text the fieldset's legend.
#[derive(Debug)]
pub struct Question {
    /// Stable id (never shown, never sent anywhere).
    pub id: &'static str,
    /// Which part of the self-check it belongs to.
    pub section: Section,
    /// Wording when a person answers for themselves.
    pub for_myself: Wording,
    /// Wording when a person answers about someone they care about. `None` for questions only
    /// the person can answer about themselves (the screeners); those are never shown in that mode.
    pub for_someone_else: Option<Wording>,
    /// One answer, or several.
    pub kind: AnswerKind,
    /// The answers to choose from, in the order shown.
    pub options: &'static [AnswerOption],
    /// The screener this item belongs to, if any.
    pub screener: Option<ScreenerItem>,
    /// When the question is shown.
    pub shown_when: Condition,
}

impl Question {
    /// The option with this id.
    pub fn option(&self, id: &str) -> Option<&'static AnswerOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// The wording for the given mode (falls back to first person for self-report items,
    /// which are never shown in "someone I care about" mode anyway).
    pub fn wording(&self, mode: Mode) -> &Wording {
        match (mode, &self.for_someone_else) {
            (Mode::SomeoneElse, Some(wording)) => wording,
            _ => &self.for_myself,
        }
    }
}

/// What a question says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wording {
    /// Instruction shown above the question (a screener's stem), if any.
    pub lead_in: Option<&'static str>,
    /// The question itself; the page's legend and heading.
    pub text: &'static str,
    /// Extra help shown under the question, if any.
    pub hint: Option<&'static str>,
}

/// One answer a person can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerOption {
    /// Stable id, unique within its question.
    pub id: &'static str,
    /// What the person sees.
    pub label: &'static str,
    /// Points for screener items and for the questions the rules weigh; `None` for options that
    /// only steer the flow or name a topic. Within a question, all options are scored or none.
    pub score: Option<u8>,
}

/// Whether a question takes one answer or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// Radio buttons: exactly one answer.
    SingleChoice,
    /// Checkboxes: one or more answers.
    MultipleChoice,
}

/// Who the self-check is about, from the first question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// The person answers for themselves.
    Myself,
    /// The person answers about someone they care about.
    SomeoneElse,
}

/// The parts of the self-check, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// Who it's for and what brings them here.
    WhatBringsYouHere,
    /// The direct safety question.
    Safety,
    /// Care the person has now.
    CurrentCare,
    /// PHQ-9.
    Mood,
    /// GAD-7.
    Anxiety,
    /// AUDIT-C and the drug question.
    AlcoholAndDrugs,
    /// Daily heavy drinking, daily benzodiazepines or opioids.
    WithdrawalRisk,
    /// Work, school, home.
    DailyLife,
    /// People around them.
    Support,
    /// Time and schedule.
    PracticalFit,
}

impl Section {
    /// Heading for the section, e.g. on the "Check your answers" page.
    pub fn title(self) -> &'static str {
        match self {
            Section::WhatBringsYouHere => "What brings you here",
            Section::Safety => "Safety",
            Section::CurrentCare => "Current care",
            Section::Mood => "Mood",
            Section::Anxiety => "Anxiety",
            Section::AlcoholAndDrugs => "Alcohol and drugs",
            Section::WithdrawalRisk => "Daily drinking and medication",
            Section::DailyLife => "Daily life",
            Section::Support => "Support",
            Section::PracticalFit => "Fitting sessions into the week",
        }
    }
}

/// The screeners the self-check uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screener {
    /// Patient Health Questionnaire, 9 items (depression).
    Phq9,
    /// Generalized Anxiety Disorder, 7 items.
    Gad7,
    /// AUDIT-C, the first 3 items of the WHO AUDIT (alcohol).
    AuditC,
    /// NIDA single-question drug screen.
    DrugScreen,
}

impl Screener {
    /// Every screener.
    pub const ALL: [Screener; 4] = [
        Screener::Phq9,
        Screener::Gad7,
        Screener::AuditC,
        Screener::DrugScreen,
    ];

    /// Its usual name.
    pub fn name(self) -> &'static str {
        match self {
            Screener::Phq9 => "PHQ-9",
            Screener::Gad7 => "GAD-7",
            Screener::AuditC => "AUDIT-C",
            Screener::DrugScreen => "Single-question drug screen",
        }
    }

    /// How many items add up to its total.
    pub fn item_count(self) -> usize {
        match self {
            Screener::Phq9 => 9,
            Screener::Gad7 => 7,
            Screener::AuditC => 3,
            Screener::DrugScreen => 1,
        }
    }

    /// The highest score one item can have.
    pub fn max_item_score(self) -> u8 {
        match self {
            Screener::Phq9 | Screener::Gad7 => 3,
            Screener::AuditC => 4,
            Screener::DrugScreen => 1,
        }
    }
}

/// Where a question sits in a screener.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenerItem {
    /// Which screener.
    pub screener: Screener,
    /// Item number on the official form (1-based).
    pub number: u8,
    /// Whether the item adds to the screener's total (the PHQ-9 difficulty question does not).
    pub counts_toward_total: bool,
}

/// When a question is shown. Conditions only look at questions asked earlier, and only at
/// answers to questions that are themselves shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// Always shown.
    Always,
    /// Shown if this option was chosen for that question (for several-answer questions: among
    /// the answers).
    Chose {
        /// Question id.
        question: &'static str,
        /// Option id.
        option: &'static str,
    },
    /// Shown if the inner condition does not hold (an unanswered question counts as not chosen).
    Not(&'static Condition),
    /// Shown if every inner condition holds.
    AllOf(&'static [Condition]),
    /// Shown if any item of the screener answered so far scores above `score`.
    AnyItemAbove {
        /// Which screener.
        screener: Screener,
        /// The score an item must exceed.
        score: u8,
    },
}

/// Shown only when the person answers for themselves: the screeners must be self-reported.
const SELF_REPORT: Condition = Condition::Not(&Condition::Chose {
    question: question::FOR_WHOM,
    option: option::SOMEONE_ELSE,
});

/// Shown only when alcohol or drug use was among the topics.
const SUBSTANCE_USE_CHOSEN: Condition = Condition::Chose {
    question: question::TOPICS,
    option: option::SUBSTANCE_USE,
};

/// Alcohol and drug screeners: self-report, and only if substance use was chosen.
const SUBSTANCE_SCREENER: Condition = Condition::AllOf(&[SELF_REPORT, SUBSTANCE_USE_CHOSEN]);

/// "Never" to AUDIT-C item 1: the WHO form skips items 2 and 3 after it.
const NEVER_DRINKS: Condition = Condition::Chose {
    question: question::AUDIT_C[0],
    option: option::NEVER,
};

/// PHQ-9 and GAD-7 item answers, scored 0–3 (official labels).
const FREQUENCY_OPTIONS: &[AnswerOption] = &[
    AnswerOption {
        id: "not_at_all",
        label: "Not at all",
        score: Some(0),
    },
    AnswerOption {
        id: "several_days",
        label: "Several days",
        score: Some(1),
    },
    AnswerOption {
        id: "more_than_half",
        label: "More than half the days",
        score: Some(2),
    },
    AnswerOption {
        id: "nearly_every_day",
        label: "Nearly every day",
        score: Some(3),
    },
];

/// Yes / No / I'm not sure, for questions the rules read by option id.
const YES_NO_NOT_SURE: &[AnswerOption] = &[
    AnswerOption {
        id: option::YES,
        label: "Yes",
        score: None,
    },
    AnswerOption {
        id: option::NO,
        label: "No",
        score: None,
    },
    AnswerOption {
        id: option::NOT_SURE,
        label: "I'm not sure",
        score: None,
    },
];

/// A PHQ-9 item: official text, official answers, self-report only.
const fn phq9_item(id: &'static str, number: u8, text: &'static str) -> Question {
    Question {
        id,
        section: Section::Mood,
        for_myself: Wording {
            lead_in: Some(PHQ9_STEM),
            text,
            hint: None,
        },
        for_someone_else: None,
        kind: AnswerKind::SingleChoice,
        options: FREQUENCY_OPTIONS,
        screener: Some(ScreenerItem {
            screener: Screener::Phq9,
            number,
            counts_toward_total: true,
        }),
        shown_when: SELF_REPORT,
    }
}

/// A GAD-7 item: official text, official answers, self-report only.
const fn gad7_item(id: &'static str, number: u8, text: &'static str) -> Question {
    Question {
        id,
        section: Section::Anxiety,
        for_myself: Wording {
            lead_in: Some(GAD7_STEM),
            text,
            hint: None,
        },
        for_someone_else: None,
        kind: AnswerKind::SingleChoice,
        options: FREQUENCY_OPTIONS,
        screener: Some(ScreenerItem {
            screener: Screener::Gad7,
            number,
            counts_toward_total: true,
        }),
        shown_when: SELF_REPORT,
    }
}

/// An AUDIT-C item: WHO text and answers, self-report, substance use chosen.
const fn audit_c_item(
    id: &'static str,
    number: u8,
    text: &'static str,
    hint: Option<&'static str>,
    options: &'static [AnswerOption],
    shown_when: Condition,
) -> Question {
    Question {
        id,
        section: Section::AlcoholAndDrugs,
        for_myself: Wording {
            lead_in: Some(AUDIT_C_LEAD_IN),
            text,
            hint,
        },
        for_someone_else: None,
        kind: AnswerKind::SingleChoice,
        options,
        screener: Some(ScreenerItem {
            screener: Screener::AuditC,
            number,
            counts_toward_total: true,
        }),
        shown_when,
    }
}

/// Hint for AUDIT-C item 2 (Frontdoor's wording).
const STANDARD_DRINK_HINT: &str = "One drink means a 12 oz can or bottle of beer, a 5 oz glass of wine or a 1.5 oz shot of spirits.";

/// AUDIT-C items 2 and 3 are skipped after "Never" to item 1, as on the WHO form.
const AUDIT_C_FOLLOW_UP: Condition = Condition::AllOf(&[
    SELF_REPORT,
    SUBSTANCE_USE_CHOSEN,
    Condition::Not(&NEVER_DRINKS),
]);

/// The question set, in the order asked.
static QUESTIONS: &[Question] = &[
    // What brings you here.
    Question {
        id: question::FOR_WHOM,
        section: Section::WhatBringsYouHere,
        for_myself: Wording {
            lead_in: None,
            text: "Who are you looking for help for?",
            hint: Some(
                "Your answers stay on this device. Nothing is sent unless you choose to share a summary when you book a call.",
            ),
        },
        for_someone_else: Some(Wording {
            lead_in: None,
            text: "Who are you looking for help for?",
            hint: Some(
                "Your answers stay on this device. Nothing is sent unless you choose to share a summary when you book a call.",
            ),
        }),
        kind: AnswerKind::SingleChoice,
        options: &[
            AnswerOption {
                id: option::MYSELF,
                label: "For myself",
                score: None,
            },
            AnswerOption {
                id: option::SOMEONE_ELSE,
                label: "For someone I care about",
                score: None,
            },
        ],
        screener: None,
        shown_when: Condition::Always,
    },
    Question {
        id: question::TOPICS,
        section: Section::WhatBringsYouHere,
        for_myself: Wording {
            lead_in: None,
            text: "What brings you here?",
            hint: Some("Choose all that apply."),
        },
        for_someone_else: Some(Wording {
            lead_in: None,
            text: "What are you worried about for them?",
            hint: Some("Choose all that apply."),
        }),
        kind: AnswerKind::MultipleChoice,
        options: &[
            AnswerOption {
                id: "mood",
                label: "Low mood or depression",
                score: None,
            },
            AnswerOption {
                id: "anxiety",
                label: "Anxiety or worry",
                score: None,
            },
            AnswerOption {
                id: "trauma",
                label: "Trauma",
                score: None,
            },
            AnswerOption {
                id: option::SUBSTANCE_USE,
                label: "Alcohol or drug use",
                score: None,
            },
            AnswerOption {
                id: "eating",
                label: "Eating",
                score: None,
            },
            AnswerOption {
                id: "relationships",
                label: "Relationships",
                score: None,
            },
            AnswerOption {
                id: "grief",
                label: "Grief or loss",
                score: None,
            },
            AnswerOption {
                id: "anger",
                label: "Anger",
                score: None,
            },
            AnswerOption {
                id: option::OTHER,
                label: "Something else",
                score: None,
            },
        ],
        screener: None,
        shown_when: Condition::Always,
    },
    // Safety, asked directly and early: PHQ-9 item 9 alone misses many people at risk.
    Question {
        id: question::SAFETY,
        section: Section::Safety,
        for_myself: Wording {
            lead_in: None,
            text: "Are you having thoughts of ending your life or of hurting yourself?",
            hint: Some(
                "We ask everyone this. If the answer is yes or you're not sure, we'll show you how to reach someone straight away. You can carry on afterwards.",
            ),
        },
        for_someone_else: Some(Wording {
            lead_in: None,
            text: "Is the person you care about having thoughts of ending their life or of hurting themselves?",
            hint: Some(
                "We ask everyone this. If the answer is yes or you're not sure, we'll show you how to reach someone straight away. You can carry on afterwards.",
            ),
        }),
        kind: AnswerKind::SingleChoice,
        options: YES_NO_NOT_SURE,
        screener: None,
        shown_when: Condition::Always,
    },
    // Current care.
    Question {
        id: question::CURRENT_CARE,
        section: Section::CurrentCare,
        for_myself: Wording {
            lead_in: None,
            text: "What help are you getting at the moment?",
            hint: None,
        },
        for_someone_else: Some(Wording {
            lead_in: None,
            text: "What help are they getting at the moment?",
            hint: None,
        }),
        kind: AnswerKind::SingleChoice,
        options: &[
            AnswerOption {
                id: option::NO_CARE,
                label: "None at the moment",
                score: None,
            },
            AnswerOption {
                id: option::WEEKLY_NOT_ENOUGH,
                label: "Weekly therapy, but it isn't enough",
                score: None,
            },
            AnswerOption {
                id: option::LEFT_INPATIENT,
                label: "Left inpatient (hospital) or residential care in the last few months",
                score: None,
            },
            AnswerOption {
                id: option::OTHER,
                label: "Something else",
                score: None,
            },
        ],
        screener: None,
        shown_when: Condition::Always,
    },
    // PHQ-9, official wording.
    phq9_item(
        question::PHQ9[0],
        1,
        "Little interest or pleasure in doing things",
    ),
    phq9_item(question::PHQ9[1], 2, "Feeling down, depressed, or hopeless"),
    phq9_item(
        question::PHQ9[2],
        3,
        "Trouble falling or staying asleep, or sleeping too much",
    ),
    phq9_item(
        question::PHQ9[3],
        4,
        "Feeling tired or having little energy",
    ),
    phq9_item(question::PHQ9[4], 5, "Poor appetite or overeating"),
    phq9_item(
        question::PHQ9[5],
        6,
        "Feeling bad about yourself \u{2014} or that you are a failure or have let yourself or your family down",
    ),
    phq9_item(
        question::PHQ9[6],
        7,
        "Trouble concentrating on things, such as reading the newspaper or watching television",
    ),
    phq9_item(
        question::PHQ9[7],
        8,
        "Moving or speaking so slowly that other people could have noticed? Or the opposite \u{2014} being so fidgety or restless that you have been moving around a lot more than usual",
    ),
    phq9_item(
        question::PHQ9[8],
        9,
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ),
    // The form asks this only "if you checked off any problems".
    Question {
        id: question::PHQ9_DIFFICULTY,
        section: Section::Mood,
        for_myself: Wording {
            lead_in: None,
            text: "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
            hint: None,
        },
        for_someone_else: None,
        kind: AnswerKind::SingleChoice,
        options: &[
            AnswerOption {
                id: "not_difficult",
                label: "Not difficult at all",
                score: Some(0),
            },
            AnswerOption {
                id: "somewhat_difficult",
                label: "Somewhat difficult",
                score: Some(1),
            },
            AnswerOption {
                id: "very_difficult",
                label: "Very difficult",
                score: Some(2),
            },
            AnswerOption {
                id: "extremely_difficult",
                label: "Extremely difficult",
                score: Some(3),
            },
        ],
        screener: Some(ScreenerItem {
            screener: Screener::Phq9,
            number: 10,
            counts_toward_total: false,
        }),
        shown_when: Condition::AllOf(&[
            SELF_REPORT,
            Condition::AnyItemAbove {
                screener: Screener::Phq9,
                score: 0,
            },
        ]),
    },
    // GAD-7, official wording.
    gad7_item(question::GAD7[0], 1, "Feeling nervous, anxious, or on edge"),
    gad7_item(
        question::GAD7[1],
        2,
        "Not being able to stop or control worrying",
    ),
    gad7_item(
        question::GAD7[2],
        3,
        "Worrying too much about different things",
    ),
    gad7_item(question::GAD7[3], 4, "Trouble relaxing"),
    gad7_item(
        question::GAD7[4],
        5,
        "Being so restless that it is hard to sit still",
    ),
    gad7_item(question::GAD7[5], 6, "Becoming easily annoyed or irritable"),
    gad7_item(
        question::GAD7[6],
        7,
        "Feeling afraid, as if something awful might happen",
    ),
    // AUDIT-C, WHO wording.
    audit_c_item(
        question::AUDIT_C[0],
        1,
        "How often do you have a drink containing alcohol?",
        None,
        &[
            AnswerOption {
                id: option::NEVER,
                label: "Never",
                score: Some(0),
            },
            AnswerOption {
                id: "monthly_or_less",
                label: "Monthly or less",
                score: Some(1),
            },
            AnswerOption {
                id: "2_to_4_a_month",
                label: "2 to 4 times a month",
                score: Some(2),
            },
            AnswerOption {
                id: "2_to_3_a_week",
                label: "2 to 3 times a week",
                score: Some(3),
            },
            AnswerOption {
                id: "4_or_more_a_week",
                label: "4 or more times a week",
                score: Some(4),
            },
        ],
        SUBSTANCE_SCREENER,
    ),
    audit_c_item(
        question::AUDIT_C[1],
        2,
        "How many drinks containing alcohol do you have on a typical day when you are drinking?",
        Some(STANDARD_DRINK_HINT),
        &[
            AnswerOption {
                id: "1_or_2",
                label: "1 or 2",
                score: Some(0),
            },
            AnswerOption {
                id: "3_or_4",
                label: "3 or 4",
                score: Some(1),
            },
            AnswerOption {
                id: "5_or_6",
                label: "5 or 6",
                score: Some(2),
            },
            AnswerOption {
                id: "7_to_9",
                label: "7, 8, or 9",
                score: Some(3),
            },
            AnswerOption {
                id: "10_or_more",
                label: "10 or more",
                score: Some(4),
            },
        ],
        AUDIT_C_FOLLOW_UP,
    ),
    audit_c_item(
        question::AUDIT_C[2],
        3,
        "How often do you have six or more drinks on one occasion?",
        Some(STANDARD_DRINK_HINT),
        &[
            AnswerOption {
                id: option::NEVER,
                label: "Never",
                score: Some(0),
            },
            AnswerOption {
                id: "less_than_monthly",
                label: "Less than monthly",
                score: Some(1),
            },
            AnswerOption {
                id: "monthly",
                label: "Monthly",
                score: Some(2),
            },
            AnswerOption {
                id: "weekly",
                label: "Weekly",
                score: Some(3),
            },
            AnswerOption {
                id: "daily",
                label: "Daily or almost daily",
                score: Some(4),
            },
        ],
        AUDIT_C_FOLLOW_UP,
    ),
    // NIDA single-question drug screen.
    Question {
        id: question::DRUG_SCREEN,
        section: Section::AlcoholAndDrugs,
        for_myself: Wording {
            lead_in: None,
            text: "How many times in the past year have you used an illegal drug or used a prescription medication for non-medical reasons?",
            hint: Some(
                "Non-medical reasons means, for example, for the feeling it gives you, or taking more than was prescribed.",
            ),
        },
        for_someone_else: None,
        kind: AnswerKind::SingleChoice,
        options: &[
            AnswerOption {
                id: option::NEVER,
                label: "Never",
                score: Some(0),
            },
            AnswerOption {
                id: "1_or_more",
                label: "1 or more times",
                score: Some(1),
            },
        ],
        screener: Some(ScreenerItem {
            screener: Screener::DrugScreen,
            number: 1,
            counts_toward_total: true,
        }),
        shown_when: SUBSTANCE_SCREENER,
    },
    // Withdrawal risk: these route to a medical check first, never to "IOP may fit".
    // Skipped for someone who just said they never drink.
    Question {
        id: question::DAILY_HEAVY_DRINKING,
        section: Section::WithdrawalRisk,
        for_myself: Wording {
            lead_in: None,
            text: "Do you drink heavily every day or almost every day?",
            hint: Some(
                "After a long stretch of heavy daily drinking, stopping suddenly can be dangerous without medical help.",
            ),
        },
        for_someone_else: Some(Wording {
            lead_in: None,
            text: "Do they drink heavily every day or almost every day?",
            hint: Some(
                "After a long stretch of heavy daily drinking, stopping suddenly can be dangerous without medical help.",
            ),
        }),
        kind: AnswerKind::SingleChoice,
        options: YES_NO_NOT_SURE,
        screener: None,
        shown_when: Condition::AllOf(&[SUBSTANCE_USE_CHOSEN, Condition::Not(&NEVER_DRINKS)]),
    },
    Question {
        id: question::DAILY_SEDATIVES_OR_OPIOIDS,
        section: Section::WithdrawalRisk,
        for_myself: Wording {
            lead_in: None,
            text: "Do you take benzodiazepines or opioids every day or almost every day?",
            hint: Some(
                "Benzodiazepines include Xanax, Valium and Klonopin. Opioids include oxycodone, hydrocodone, fentanyl and heroin. Stopping these suddenly can be dangerous without medical help.",
            ),
        },
        for_someone_else: Some(Wording {
            lead_in: None,
            text: "Do they take benzodiazepines or opioids every day or almost every day?",
            hint: Some(
                "Benzodiazepines include Xanax, Valium and Klonopin. Opioids include oxycodone, hydrocodone, fentanyl and heroin. Stopping these suddenly can be dangerous without medical help.",
            ),
        }),
        kind: AnswerKind::SingleChoice,
        options: &[
            AnswerOption {
                id: option::YES,
                label: "Yes",
                score: None,
            },
            AnswerOption {
                id: option::AS_PRESCRIBED,
                label: "Yes, but only as prescribed",
                score: None,
            },
            AnswerOption {
                id: option::NO,
                label: "No",
                score: None,
            },
            AnswerOption {
                id: option::NOT_SURE,
                label: "I'm not sure",
                score: None,
            },
        ],
        screener: None,
        shown_when: SUBSTANCE_USE_CHOSEN,
    },
    // Daily functioning, asked in both modes (the PHQ-9 difficulty item is self-report only).
    Question {
        id: question::DAILY_FUNCTIONING,
        section: Section::DailyLife,
        for_myself: Wording {
            lead_in: None,
            text: "How much is what you're going through getting in the way of work, school or looking after your home?",
            hint: None,
        },
        for_someone_else: Some(Wording {
            lead_in: None,
            text: "How much is what they're going through getting in the way of their work, school or looking after their home?",
            hint: None,
        }),
        kind: AnswerKind::SingleChoice,
        options: &[
            AnswerOption {
                id: "not_at_all",
                label: "Not at all",
                score: Some(0),
            },
            AnswerOption {
                id: "a_little",
                label: "A little",
                score: Some(1),
            },
            AnswerOption {
                id: "quite_a_lot",
                label: "Quite a lot",
                score: Some(2),
            },
            AnswerOption {
                id: "hard_to_manage",
                label: "So much that getting through the day is hard",
                score: Some(3),
            },
        ],
        screener: None,
        shown_when: Condition::Always,
    },
    Question {
        id: question::SUPPORT_AT_HOME,
        section: Section::Support,
        for_myself: Wording {
            lead_in: None,
            text: "Do you have people at home or nearby who support you?",
            hint: None,
        },
        for_someone_else: Some(Wording {
            lead_in: None,
            text: "Do they have people at home or nearby who support them?",
            hint: Some("That includes you."),
        }),
        kind: AnswerKind::SingleChoice,
        options: &[
            AnswerOption {
                id: option::GOOD_SUPPORT,
                label: "Yes, good support",
                score: None,
            },
            AnswerOption {
                id: option::SOME_SUPPORT,
                label: "Some support",
                score: None,
            },
            AnswerOption {
                id: option::NO_SUPPORT,
                label: "No, not really",
                score: None,
            },
            AnswerOption {
                id: option::HOME_NOT_SAFE,
                label: "Home doesn't feel safe",
                score: None,
            },
        ],
        screener: None,
        shown_when: Condition::Always,
    },
    // Practical fit.
    Question {
        id: question::CAN_ATTEND,
        section: Section::PracticalFit,
        for_myself: Wording {
            lead_in: None,
            text: "Could you take part in sessions of about 3 hours, 3 days a week?",
            hint: Some(
                "IOP sessions are online, by video, and usually run for several weeks. Many people fit them around work, school or family.",
            ),
        },
        for_someone_else: Some(Wording {
            lead_in: None,
            text: "Could they take part in sessions of about 3 hours, 3 days a week?",
            hint: Some(
                "IOP sessions are online, by video, and usually run for several weeks. Many people fit them around work, school or family.",
            ),
        }),
        kind: AnswerKind::SingleChoice,
        options: &[
            AnswerOption {
                id: option::YES,
                label: "Yes",
                score: None,
            },
            AnswerOption {
                id: option::MAYBE,
                label: "Maybe, with some changes",
                score: None,
            },
            AnswerOption {
                id: option::NO,
                label: "No, not right now",
                score: None,
            },
        ],
        screener: None,
        shown_when: Condition::Always,
    },
    Question {
        id: question::TIME_OF_DAY,
        section: Section::PracticalFit,
        for_myself: Wording {
            lead_in: None,
            text: "Which times would suit you best?",
            hint: None,
        },
        for_someone_else: Some(Wording {
            lead_in: None,
            text: "Which times would suit them best?",
            hint: None,
        }),
        kind: AnswerKind::SingleChoice,
        options: &[
            AnswerOption {
                id: option::DAYTIME,
                label: "Daytime",
                score: None,
            },
            AnswerOption {
                id: option::EVENINGS,
                label: "Evenings",
                score: None,
            },
            AnswerOption {
                id: option::EITHER,
                label: "Either is fine",
                score: None,
            },
        ],
        screener: None,
        shown_when: Condition::Not(&Condition::Chose {
            question: question::CAN_ATTEND,
            option: option::NO,
        }),
    },
];

/// The question set Frontdoor asks.
pub static QUESTION_SET: QuestionSet = QuestionSet {
    version: QUESTION_SET_VERSION,
    questions: QUESTIONS,
};
