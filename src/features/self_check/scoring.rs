//! Scoring and routing, on the device: screener totals and bands, and which level of care the
//! answers point to, with the reasons in plain words.
//!
//! The result is never a diagnosis. It says which of four next steps may fit, why, and always
//! offers the free call with a care coordinator.
//!
//! # Routing rules (for clinical review)
//!
//! Rules are checked in order; the first that applies decides. "Symptoms" is the higher of the
//! PHQ-9 and GAD-7 bands (answering for oneself only). "Daily life" is the higher of the PHQ-9
//! difficulty question and the daily functioning question, on a 0–3 scale: not at all, a
//! little / somewhat, quite a lot / very difficult, hard to manage / extremely difficult.
//!
//! 1. **Get help now** — "Yes" or "I'm not sure" to the direct safety question, or any answer
//!    above "Not at all" to PHQ-9 item 9. Unsure counts as yes: when in doubt, help comes first.
//! 2. **A higher level of care may fit better** (medical check first) — withdrawal risk: heavy
//!    drinking every day or almost every day, or daily benzodiazepines or opioids other than
//!    exactly as prescribed; "I'm not sure" counts as yes. Stopping these suddenly can be
//!    dangerous, so this never leads to "IOP may be a good fit". Daily medication taken only as
//!    prescribed is not a withdrawal risk while it continues; it is noted for the coordinator.
//! 3. **A higher level of care may fit better** — severe symptoms (PHQ-9 20+ or GAD-7 15+)
//!    *and* daily life affected quite a lot or more *and* no support at home (or home doesn't
//!    feel safe). Without screeners ("someone I care about"), daily life being hard to manage
//!    stands in for severe symptoms.
//! 4. **IOP may be a good fit** — any of: left inpatient or residential care in the last few
//!    months (stepping down); weekly therapy isn't enough *and* (moderate or stronger symptoms,
//!    daily life affected quite a lot or more, or a positive alcohol or drug screen) (stepping
//!    up); severe symptoms; moderately severe symptoms with daily life affected quite a lot or
//!    more; daily life hard to manage. If the person can't attend about 3 hours, 3 days a week,
//!    the result says so and points to the coordinator, who can talk through other options.
//! 5. **A weekly group or individual therapy may be enough** — everything else, e.g. minimal or
//!    mild symptoms with daily life mostly manageable. Moderate symptoms with no care yet also
//!    land here: weekly care is the usual first step, with IOP as a step up if it isn't enough.
//!
//! AUDIT-C counts as "may suggest risky drinking" from 3 points. The usual cut-offs are 4 for men
//! and 3 for women; the self-check doesn't ask about sex, so it uses the lower cut-off and says
//! "may suggest" rather than anything firmer.

use serde::Serialize;

use super::answers::SelfCheckAnswers;
use super::definition::{Mode, Screener, option, question};
use super::flow::{items_of, visible_answers, visible_questions};

/// Always shown with a result, and printed with the summary.
pub const NOT_A_DIAGNOSIS: &str = "This is not a diagnosis. It's a guide to help you decide what to ask about. Only a professional who talks with you can say what care is right.";

/// What IOP involves in a week, shown with every result.
pub const WHAT_IOP_INVOLVES: &str = "IOP usually means sessions of about 3 hours, 3 or more days a week (around 9 hours a week or more), online by video, for several weeks, while you live at home and keep up with work, school or family.";

/// The coordinator call every result offers.
pub const COORDINATOR_CALL_OFFER: &str =
    "Book a free call with a care coordinator. They can answer questions and help plan next steps.";

/// Group-search topic for people supporting someone they care about.
pub const LOVED_ONES_GROUP_TOPIC: &str = "Supporting a Loved One with BPD";

/// AUDIT-C total from which the answers "may suggest" risky drinking (see the module docs).
pub const AUDIT_C_POSITIVE_FROM: u8 = 3;

/// Where the answers point. Never a diagnosis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelOfCare {
    /// Crisis: reach someone now.
    GetHelpNow,
    /// More than IOP may be safer to start with (a medical check, more hours, or 24/7 care).
    HigherLevelOfCare,
    /// IOP may be a good fit.
    IopMayFit,
    /// A weekly group or individual therapy may be enough.
    WeeklyCareMayBeEnough,
}

impl LevelOfCare {
    /// The result's heading.
    pub fn heading(self) -> &'static str {
        match self {
            LevelOfCare::GetHelpNow => "Get help now",
            LevelOfCare::HigherLevelOfCare => {
                "A higher level of care may fit better \u{2014} talk to a coordinator today"
            }
            LevelOfCare::IopMayFit => "IOP may be a good fit",
            LevelOfCare::WeeklyCareMayBeEnough => {
                "A weekly group or individual therapy may be enough"
            }
        }
    }

    /// What the result means, in plain words.
    pub fn explanation(self) -> &'static str {
        match self {
            LevelOfCare::GetHelpNow => {
                "You don't have to wait, and you don't have to go through this alone. Call or text 988 now to talk to someone, or call 911 if you are in immediate danger. When you're ready, a care coordinator can talk with you today."
            }
            LevelOfCare::HigherLevelOfCare => {
                "It may be safer to start with more support than an outpatient program gives: a medical check first, or a program with more hours or round-the-clock care. A care coordinator can talk this through today and help find the right place."
            }
            LevelOfCare::IopMayFit => {
                "An Intensive Outpatient Program (IOP) gives more support than weekly therapy, while you live at home and keep up with work, school or family."
            }
            LevelOfCare::WeeklyCareMayBeEnough => {
                "Weekly therapy or a weekly group may give the support needed. If it turns out not to be enough, IOP is a step up."
            }
        }
    }
}

/// PHQ-9 severity bands (0–4, 5–9, 10–14, 15–19, 20–27).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DepressionBand {
    /// 0–4.
    Minimal,
    /// 5–9.
    Mild,
    /// 10–14.
    Moderate,
    /// 15–19.
    ModeratelySevere,
    /// 20–27.
    Severe,
}

impl DepressionBand {
    /// The band for a PHQ-9 total.
    pub fn from_total(total: u8) -> Self {
        match total {
            0..=4 => DepressionBand::Minimal,
            5..=9 => DepressionBand::Mild,
            10..=14 => DepressionBand::Moderate,
            15..=19 => DepressionBand::ModeratelySevere,
            _ => DepressionBand::Severe,
        }
    }

    /// The band in plain words.
    pub fn sentence(self) -> &'static str {
        match self {
            DepressionBand::Minimal => "Your answers suggest minimal depression symptoms.",
            DepressionBand::Mild => "Your answers suggest mild depression symptoms.",
            DepressionBand::Moderate => "Your answers suggest moderate depression symptoms.",
            DepressionBand::ModeratelySevere => {
                "Your answers suggest moderately severe depression symptoms."
            }
            DepressionBand::Severe => "Your answers suggest severe depression symptoms.",
        }
    }
}

/// GAD-7 severity bands (cut points 5, 10, 15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AnxietyBand {
    /// 0–4.
    Minimal,
    /// 5–9.
    Mild,
    /// 10–14.
    Moderate,
    /// 15–21.
    Severe,
}

impl AnxietyBand {
    /// The band for a GAD-7 total.
    pub fn from_total(total: u8) -> Self {
        match total {
            0..=4 => AnxietyBand::Minimal,
            5..=9 => AnxietyBand::Mild,
            10..=14 => AnxietyBand::Moderate,
            _ => AnxietyBand::Severe,
        }
    }

    /// The band in plain words.
    pub fn sentence(self) -> &'static str {
        match self {
            AnxietyBand::Minimal => "Your answers suggest minimal anxiety symptoms.",
            AnxietyBand::Mild => "Your answers suggest mild anxiety symptoms.",
            AnxietyBand::Moderate => "Your answers suggest moderate anxiety symptoms.",
            AnxietyBand::Severe => "Your answers suggest severe anxiety symptoms.",
        }
    }
}

/// A PHQ-9 result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phq9Score {
    /// 0–27.
    pub total: u8,
    /// Its band.
    pub band: DepressionBand,
}

/// A GAD-7 result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gad7Score {
    /// 0–21.
    pub total: u8,
    /// Its band.
    pub band: AnxietyBand,
}

/// An AUDIT-C result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditCScore {
    /// 0–12.
    pub total: u8,
    /// Total of [`AUDIT_C_POSITIVE_FROM`] or more.
    pub positive: bool,
}

impl AuditCScore {
    /// The result in plain words.
    pub fn sentence(self) -> &'static str {
        if self.positive {
            "Your answers about alcohol may suggest drinking that could be harming your health."
        } else {
            "Your answers about alcohol don't suggest risky drinking."
        }
    }
}

/// The single-question drug screen's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DrugScreenScore {
    /// 0 for "Never", 1 for "1 or more times".
    pub total: u8,
    /// 1 or more.
    pub positive: bool,
}

impl DrugScreenScore {
    /// The result in plain words.
    pub fn sentence(self) -> &'static str {
        if self.positive {
            "Your answer about drug use may suggest it's worth talking through with a professional."
        } else {
            "Your answer about drug use doesn't suggest a concern."
        }
    }
}

/// Every screener's result; `None` where it wasn't shown or isn't complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScreenerScores {
    /// Depression.
    pub phq9: Option<Phq9Score>,
    /// Anxiety.
    pub gad7: Option<Gad7Score>,
    /// Alcohol.
    pub audit_c: Option<AuditCScore>,
    /// Drugs.
    pub drug_screen: Option<DrugScreenScore>,
}

impl ScreenerScores {
    /// Band sentences for the screeners answered, in the order asked.
    pub fn sentences(&self) -> Vec<&'static str> {
        [
            self.phq9.map(|s| s.band.sentence()),
            self.gad7.map(|s| s.band.sentence()),
            self.audit_c.map(AuditCScore::sentence),
            self.drug_screen.map(DrugScreenScore::sentence),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    fn substance_screen_positive(&self) -> bool {
        self.audit_c.is_some_and(|s| s.positive) || self.drug_screen.is_some_and(|s| s.positive)
    }

    fn symptoms(&self) -> Option<SymptomLevel> {
        let depression = self.phq9.map(|s| match s.band {
            DepressionBand::Minimal | DepressionBand::Mild => SymptomLevel::MinimalOrMild,
            DepressionBand::Moderate => SymptomLevel::Moderate,
            DepressionBand::ModeratelySevere => SymptomLevel::ModeratelySevere,
            DepressionBand::Severe => SymptomLevel::Severe,
        });
        let anxiety = self.gad7.map(|s| match s.band {
            AnxietyBand::Minimal | AnxietyBand::Mild => SymptomLevel::MinimalOrMild,
            AnxietyBand::Moderate => SymptomLevel::Moderate,
            AnxietyBand::Severe => SymptomLevel::Severe,
        });
        depression.max(anxiety)
    }
}

/// A screener's total over its shown items, if every shown item is answered.
fn screener_total(
    screener: Screener,
    shown: &SelfCheckAnswers,
    all: &SelfCheckAnswers,
) -> Option<u8> {
    let visible: Vec<&str> = visible_questions(all).iter().map(|q| q.id).collect();
    let items: Vec<&str> = items_of(screener)
        .map(|q| q.id)
        .filter(|id| visible.contains(id))
        .collect();
    if items.is_empty() {
        return None;
    }
    items.iter().map(|id| shown.score(id)).sum::<Option<u8>>()
}

/// Scores every screener from the answers to shown questions.
pub fn score_screeners(answers: &SelfCheckAnswers) -> ScreenerScores {
    let shown = visible_answers(answers);
    let total = |screener| screener_total(screener, &shown, answers);
    ScreenerScores {
        phq9: total(Screener::Phq9).map(|total| Phq9Score {
            total,
            band: DepressionBand::from_total(total),
        }),
        gad7: total(Screener::Gad7).map(|total| Gad7Score {
            total,
            band: AnxietyBand::from_total(total),
        }),
        audit_c: total(Screener::AuditC).map(|total| AuditCScore {
            total,
            positive: total >= AUDIT_C_POSITIVE_FROM,
        }),
        drug_screen: total(Screener::DrugScreen).map(|total| DrugScreenScore {
            total,
            positive: total >= 1,
        }),
    }
}

/// The higher of the depression and anxiety bands, as the rules use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum SymptomLevel {
    MinimalOrMild,
    Moderate,
    ModeratelySevere,
    Severe,
}

/// How much things get in the way of work, school or home (0–3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DailyLifeImpact {
    /// Not at all / not difficult at all.
    NotAtAll,
    /// A little / somewhat difficult.
    ALittle,
    /// Quite a lot / very difficult.
    QuiteALot,
    /// Getting through the day is hard / extremely difficult.
    HardToManage,
}

impl DailyLifeImpact {
    fn from_score(score: u8) -> Self {
        match score {
            0 => DailyLifeImpact::NotAtAll,
            1 => DailyLifeImpact::ALittle,
            2 => DailyLifeImpact::QuiteALot,
            _ => DailyLifeImpact::HardToManage,
        }
    }
}

/// One thing in the answers that led to the result, said in plain words by [`Reason::sentence`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// "Yes" to the direct safety question.
    ThoughtsOfEndingLifeOrSelfHarm,
    /// "I'm not sure" to the direct safety question.
    UnsureAboutSafety,
    /// PHQ-9 item 9 above "Not at all".
    ThoughtsOnPhq9Item9,
    /// Heavy drinking every day or almost every day.
    DailyHeavyDrinking,
    /// Benzodiazepines or opioids every day, not only as prescribed.
    DailySedativesOrOpioids,
    /// Unsure about daily heavy drinking or daily benzodiazepines/opioids.
    UnsureAboutDailyUse,
    /// Daily benzodiazepines or opioids, only as prescribed.
    PrescribedDailyMedication,
    /// Left inpatient or residential care in the last few months.
    LeftInpatientRecently,
    /// Weekly therapy isn't enough.
    WeeklyTherapyNotEnough,
    /// Severe depression or anxiety symptoms.
    SymptomsSevere,
    /// Moderate or moderately severe symptoms.
    SymptomsModerateOrMore,
    /// Minimal or mild symptoms.
    SymptomsMinimalOrMild,
    /// How much daily life is affected.
    DailyLife(DailyLifeImpact),
    /// AUDIT-C or the drug question was positive.
    SubstanceUseScreenPositive,
    /// No real support at home or nearby.
    LittleSupportAtHome,
    /// Home doesn't feel safe.
    HomeNotSafe,
    /// Could maybe attend, with changes.
    MayBeAbleToAttend,
    /// Can't attend about 3 hours, 3 days a week right now.
    CannotAttendRightNow,
    /// Moderate symptoms with no care yet: weekly care is the usual first step.
    WeeklyCareIsUsualFirstStep,
    /// Answered for someone else: screeners skipped, the loved-ones group suggested.
    AnsweredForSomeoneElse,
}

impl Reason {
    /// The reason in plain words, for the person who answered.
    pub fn sentence(self, mode: Mode) -> &'static str {
        let for_myself = mode == Mode::Myself;
        match self {
            Reason::ThoughtsOfEndingLifeOrSelfHarm if for_myself => {
                "You told us you're having thoughts of ending your life or of hurting yourself. You deserve support right now."
            }
            Reason::ThoughtsOfEndingLifeOrSelfHarm => {
                "You told us they're having thoughts of ending their life or of hurting themselves. They, and you, deserve support right now."
            }
            Reason::UnsureAboutSafety if for_myself => {
                "You weren't sure whether you're having thoughts of ending your life or of hurting yourself. When in doubt, it's best to talk to someone now."
            }
            Reason::UnsureAboutSafety => {
                "You weren't sure whether they're having thoughts of ending their life or of hurting themselves. When in doubt, it's best to reach out now."
            }
            Reason::ThoughtsOnPhq9Item9 => {
                "You said that over the last 2 weeks you've had thoughts that you would be better off dead or of hurting yourself."
            }
            Reason::DailyHeavyDrinking if for_myself => {
                "You said you drink heavily every day or almost every day. Stopping suddenly can be dangerous, so a medical check should come first."
            }
            Reason::DailyHeavyDrinking => {
                "You said they drink heavily every day or almost every day. Stopping suddenly can be dangerous, so a medical check should come first."
            }
            Reason::DailySedativesOrOpioids if for_myself => {
                "You said you take benzodiazepines or opioids every day or almost every day. Stopping suddenly can be dangerous, so a medical check should come first."
            }
            Reason::DailySedativesOrOpioids => {
                "You said they take benzodiazepines or opioids every day or almost every day. Stopping suddenly can be dangerous, so a medical check should come first."
            }
            Reason::UnsureAboutDailyUse => {
                "You weren't sure about daily heavy drinking or daily use of benzodiazepines or opioids. Stopping these suddenly can be dangerous, so a medical check is the safe first step."
            }
            Reason::PrescribedDailyMedication if for_myself => {
                "You take benzodiazepines or opioids every day as prescribed. Keep taking them as prescribed and don't stop suddenly; your prescriber should be part of any plan."
            }
            Reason::PrescribedDailyMedication => {
                "They take benzodiazepines or opioids every day as prescribed. They should keep taking them as prescribed and not stop suddenly; their prescriber should be part of any plan."
            }
            Reason::LeftInpatientRecently if for_myself => {
                "You left inpatient or residential care in the last few months. IOP is often the next step down, to keep up progress while living at home."
            }
            Reason::LeftInpatientRecently => {
                "They left inpatient or residential care in the last few months. IOP is often the next step down, to keep up progress while living at home."
            }
            Reason::WeeklyTherapyNotEnough if for_myself => {
                "You said weekly therapy isn't enough at the moment."
            }
            Reason::WeeklyTherapyNotEnough => {
                "You said weekly therapy isn't enough for them at the moment."
            }
            Reason::SymptomsSevere => "Your answers about mood or anxiety suggest severe symptoms.",
            Reason::SymptomsModerateOrMore => {
                "Your answers about mood or anxiety suggest moderate or stronger symptoms."
            }
            Reason::SymptomsMinimalOrMild => {
                "Your answers about mood and anxiety suggest minimal or mild symptoms."
            }
            Reason::DailyLife(DailyLifeImpact::NotAtAll | DailyLifeImpact::ALittle)
                if for_myself =>
            {
                "From your answers, work, school and home life are mostly manageable."
            }
            Reason::DailyLife(DailyLifeImpact::NotAtAll | DailyLifeImpact::ALittle) => {
                "From your answers, their work, school and home life are mostly manageable."
            }
            Reason::DailyLife(DailyLifeImpact::QuiteALot) if for_myself => {
                "From your answers, things are getting in the way of work, school or home life quite a lot."
            }
            Reason::DailyLife(DailyLifeImpact::QuiteALot) => {
                "From your answers, things are getting in the way of their work, school or home life quite a lot."
            }
            Reason::DailyLife(DailyLifeImpact::HardToManage) if for_myself => {
                "From your answers, getting through the day \u{2014} work, school or home \u{2014} is very hard right now."
            }
            Reason::DailyLife(DailyLifeImpact::HardToManage) => {
                "From your answers, getting through the day \u{2014} work, school or home \u{2014} is very hard for them right now."
            }
            Reason::SubstanceUseScreenPositive => {
                "Your answers about alcohol or drugs suggest they may be part of what's making things hard."
            }
            Reason::LittleSupportAtHome if for_myself => {
                "You said you don't really have people at home or nearby to support you."
            }
            Reason::LittleSupportAtHome => {
                "You said they don't really have people at home or nearby to support them."
            }
            Reason::HomeNotSafe if for_myself => {
                "You said home doesn't feel safe. A coordinator can help plan around that. If you are in danger right now, call 911."
            }
            Reason::HomeNotSafe => {
                "You said home doesn't feel safe for them. A coordinator can help plan around that. If they are in danger right now, call 911."
            }
            Reason::MayBeAbleToAttend => {
                "You said attending about 3 hours, 3 days a week might work with some changes. A coordinator can help work out a schedule, daytime or evening."
            }
            Reason::CannotAttendRightNow => {
                "You said attending about 3 hours, 3 days a week isn't possible right now. A coordinator can talk through other options, such as evening sessions or more support alongside weekly care."
            }
            Reason::WeeklyCareIsUsualFirstStep => {
                "Without care at the moment, weekly therapy or a weekly group is the usual first step. If it isn't enough, IOP is a step up."
            }
            Reason::AnsweredForSomeoneElse => {
                "You answered for someone you care about, so the questionnaires people answer about themselves were skipped. A coordinator can talk with you, and our group for people supporting a loved one may help you too."
            }
        }
    }
}

/// The topics a person can pick under "What brings you here?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Topic {
    /// Low mood or depression.
    Mood,
    /// Anxiety or worry.
    Anxiety,
    /// Trauma.
    Trauma,
    /// Alcohol or drug use.
    SubstanceUse,
    /// Eating.
    Eating,
    /// Relationships.
    Relationships,
    /// Grief or loss.
    Grief,
    /// Anger.
    Anger,
    /// Something else.
    Other,
}

impl Topic {
    /// The topic for an option id of the topics question.
    pub fn from_option_id(id: &str) -> Option<Self> {
        Some(match id {
            "mood" => Topic::Mood,
            "anxiety" => Topic::Anxiety,
            "trauma" => Topic::Trauma,
            option::SUBSTANCE_USE => Topic::SubstanceUse,
            "eating" => Topic::Eating,
            "relationships" => Topic::Relationships,
            "grief" => Topic::Grief,
            "anger" => Topic::Anger,
            option::OTHER => Topic::Other,
            _ => return None,
        })
    }

    /// The label the person chose, as the question set shows it.
    pub fn label(self) -> &'static str {
        match self {
            Topic::Mood => "Low mood or depression",
            Topic::Anxiety => "Anxiety or worry",
            Topic::Trauma => "Trauma",
            Topic::SubstanceUse => "Alcohol or drug use",
            Topic::Eating => "Eating",
            Topic::Relationships => "Relationships",
            Topic::Grief => "Grief or loss",
            Topic::Anger => "Anger",
            Topic::Other => "Something else",
        }
    }

    /// The group-search topic filter value it maps to, if the catalogue has one.
    pub fn group_search_topic(self) -> Option<&'static str> {
        match self {
            Topic::Mood | Topic::Anxiety => Some("Anxiety & Depression"),
            Topic::Trauma => Some("Trauma & PTSD"),
            Topic::SubstanceUse => Some("Substance Abuse"),
            Topic::Relationships => Some("Relationship Issues"),
            Topic::Grief => Some("Grief & Loss"),
            Topic::Anger => Some("Anger Management"),
            Topic::Eating => Some("Eating Disorders"),
            Topic::Other => None,
        }
    }
}

/// The time of day a person prefers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimePreference {
    /// Daytime.
    Daytime,
    /// Evenings.
    Evenings,
    /// Either.
    Either,
}

/// A next step a result offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NextStep {
    /// 988, text HOME to 741741, 911, SAMHSA.
    CrisisResources,
    /// The free call with a care coordinator (every result offers it).
    BookCoordinatorCall,
    /// Group search, pre-filtered to the chosen topics.
    BrowseGroups,
    /// The group for people supporting a loved one.
    LovedOnesGroup,
    /// Print or save the summary.
    PrintSummary,
}

/// Everything the result page shows. Built on the device from the answers; see
/// [`SelfCheckSummary`](super::summary::SelfCheckSummary) for the only part that may be shared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelfCheckResult {
    /// Where the answers point.
    pub level_of_care: LevelOfCare,
    /// Why, in order of weight.
    pub reasons: Vec<Reason>,
    /// Screener totals and bands.
    pub screeners: ScreenerScores,
    /// Who the self-check was about.
    pub mode: Mode,
    /// Topics chosen, in listed order.
    pub topics: Vec<Topic>,
    /// Daytime or evening, if asked.
    pub preferred_time: Option<TimePreference>,
}

impl SelfCheckResult {
    /// The reasons in plain words.
    pub fn reason_sentences(&self) -> Vec<&'static str> {
        self.reasons.iter().map(|r| r.sentence(self.mode)).collect()
    }

    /// Screener bands in plain words.
    pub fn band_sentences(&self) -> Vec<&'static str> {
        self.screeners.sentences()
    }

    /// Topic filter values for the group search, without repeats. For someone answering about
    /// a loved one, the group for people supporting a loved one.
    pub fn group_search_topics(&self) -> Vec<&'static str> {
        if self.mode == Mode::SomeoneElse {
            return vec![LOVED_ONES_GROUP_TOPIC];
        }
        let mut topics: Vec<&'static str> = Vec::new();
        for topic in self.topics.iter().filter_map(|t| t.group_search_topic()) {
            if !topics.contains(&topic) {
                topics.push(topic);
            }
        }
        topics
    }

    /// The next steps to offer, most important first. The coordinator call is always there.
    pub fn next_steps(&self) -> Vec<NextStep> {
        let mut steps = Vec::new();
        if self.level_of_care == LevelOfCare::GetHelpNow {
            steps.push(NextStep::CrisisResources);
        }
        steps.push(NextStep::BookCoordinatorCall);
        match (self.mode, self.level_of_care) {
            (Mode::SomeoneElse, _) => steps.push(NextStep::LovedOnesGroup),
            (Mode::Myself, LevelOfCare::IopMayFit | LevelOfCare::WeeklyCareMayBeEnough) => {
                steps.push(NextStep::BrowseGroups);
            }
            (Mode::Myself, _) => {}
        }
        steps.push(NextStep::PrintSummary);
        steps
    }
}

/// What the rules read, gathered from the answers to shown questions.
struct Facts {
    mode: Mode,
    safety: Option<&'static str>,
    phq9_item_9: Option<u8>,
    daily_heavy_drinking: Option<&'static str>,
    daily_sedatives_or_opioids: Option<&'static str>,
    current_care: Option<&'static str>,
    symptoms: Option<SymptomLevel>,
    daily_life: Option<DailyLifeImpact>,
    substance_screen_positive: bool,
    support: Option<&'static str>,
    can_attend: Option<&'static str>,
}

impl Facts {
    fn gather(shown: &SelfCheckAnswers, screeners: &ScreenerScores) -> Self {
        let daily_life = [
            shown.score(question::PHQ9_DIFFICULTY),
            shown.score(question::DAILY_FUNCTIONING),
        ]
        .into_iter()
        .flatten()
        .max()
        .map(DailyLifeImpact::from_score);
        Self {
            mode: shown.mode(),
            safety: shown.single(question::SAFETY),
            phq9_item_9: shown.score(question::PHQ9_ITEM_9),
            daily_heavy_drinking: shown.single(question::DAILY_HEAVY_DRINKING),
            daily_sedatives_or_opioids: shown.single(question::DAILY_SEDATIVES_OR_OPIOIDS),
            current_care: shown.single(question::CURRENT_CARE),
            symptoms: screeners.symptoms(),
            daily_life,
            substance_screen_positive: screeners.substance_screen_positive(),
            support: shown.single(question::SUPPORT_AT_HOME),
            can_attend: shown.single(question::CAN_ATTEND),
        }
    }

    fn for_someone_else(&self) -> bool {
        self.mode == Mode::SomeoneElse
    }

    /// Rule 1's reasons.
    fn safety_reasons(&self) -> Vec<Reason> {
        let mut reasons = Vec::new();
        match self.safety {
            Some(option::YES) => reasons.push(Reason::ThoughtsOfEndingLifeOrSelfHarm),
            Some(option::NOT_SURE) => reasons.push(Reason::UnsureAboutSafety),
            _ => {}
        }
        if self.phq9_item_9.is_some_and(|s| s > 0) {
            reasons.push(Reason::ThoughtsOnPhq9Item9);
        }
        reasons
    }

    /// Rule 2's reasons.
    fn withdrawal_reasons(&self) -> Vec<Reason> {
        let mut reasons = Vec::new();
        let mut push = |reason| {
            if !reasons.contains(&reason) {
                reasons.push(reason);
            }
        };
        match self.daily_heavy_drinking {
            Some(option::YES) => push(Reason::DailyHeavyDrinking),
            Some(option::NOT_SURE) => push(Reason::UnsureAboutDailyUse),
            _ => {}
        }
        match self.daily_sedatives_or_opioids {
            Some(option::YES) => push(Reason::DailySedativesOrOpioids),
            Some(option::NOT_SURE) => push(Reason::UnsureAboutDailyUse),
            _ => {}
        }
        reasons
    }

    fn little_support(&self) -> Option<Reason> {
        match self.support {
            Some(option::NO_SUPPORT) => Some(Reason::LittleSupportAtHome),
            Some(option::HOME_NOT_SAFE) => Some(Reason::HomeNotSafe),
            _ => None,
        }
    }

    fn daily_life_at_least(&self, level: DailyLifeImpact) -> bool {
        self.daily_life.is_some_and(|d| d >= level)
    }

    fn symptoms_at_least(&self, level: SymptomLevel) -> bool {
        self.symptoms.is_some_and(|s| s >= level)
    }

    /// Severe symptoms; without screeners, daily life being hard to manage stands in.
    fn severe(&self) -> bool {
        match self.symptoms {
            Some(level) => level == SymptomLevel::Severe,
            None => self.daily_life_at_least(DailyLifeImpact::HardToManage),
        }
    }

    fn symptom_reason(&self) -> Option<Reason> {
        self.symptoms.map(|level| match level {
            SymptomLevel::Severe => Reason::SymptomsSevere,
            SymptomLevel::Moderate | SymptomLevel::ModeratelySevere => {
                Reason::SymptomsModerateOrMore
            }
            SymptomLevel::MinimalOrMild => Reason::SymptomsMinimalOrMild,
        })
    }

    /// Notes that follow every non-crisis result's own reasons.
    fn closing_notes(&self, reasons: &mut Vec<Reason>) {
        if self.daily_sedatives_or_opioids == Some(option::AS_PRESCRIBED) {
            reasons.push(Reason::PrescribedDailyMedication);
        }
        if self.for_someone_else() {
            reasons.push(Reason::AnsweredForSomeoneElse);
        }
    }

    fn route(&self) -> (LevelOfCare, Vec<Reason>) {
        // Rule 1: safety.
        let safety = self.safety_reasons();
        if !safety.is_empty() {
            return (LevelOfCare::GetHelpNow, safety);
        }

        // Rule 2: withdrawal risk — a medical check first; never "IOP may fit".
        let mut reasons = self.withdrawal_reasons();
        if !reasons.is_empty() {
            self.closing_notes(&mut reasons);
            return (LevelOfCare::HigherLevelOfCare, reasons);
        }

        // Rule 3: severe, daily life badly affected, and no support at home.
        if let Some(support_reason) = self.little_support()
            && self.severe()
            && self.daily_life_at_least(DailyLifeImpact::QuiteALot)
        {
            reasons.extend(self.symptoms.map(|_| Reason::SymptomsSevere));
            reasons.extend(self.daily_life.map(Reason::DailyLife));
            reasons.push(support_reason);
            self.closing_notes(&mut reasons);
            return (LevelOfCare::HigherLevelOfCare, reasons);
        }

        // Rule 4: IOP — stepping down, stepping up, or more than weekly care.
        let stepping_down = self.current_care == Some(option::LEFT_INPATIENT);
        let weekly_not_enough = self.current_care == Some(option::WEEKLY_NOT_ENOUGH);
        let stepping_up = weekly_not_enough
            && (self.symptoms_at_least(SymptomLevel::Moderate)
                || self.daily_life_at_least(DailyLifeImpact::QuiteALot)
                || self.substance_screen_positive);
        let more_than_weekly = self.symptoms == Some(SymptomLevel::Severe)
            || (self.symptoms_at_least(SymptomLevel::ModeratelySevere)
                && self.daily_life_at_least(DailyLifeImpact::QuiteALot))
            || self.daily_life_at_least(DailyLifeImpact::HardToManage);
        if stepping_down || stepping_up || more_than_weekly {
            if stepping_down {
                reasons.push(Reason::LeftInpatientRecently);
            }
            if weekly_not_enough {
                reasons.push(Reason::WeeklyTherapyNotEnough);
            }
            reasons.extend(self.symptom_reason());
            if self.daily_life_at_least(DailyLifeImpact::QuiteALot) {
                reasons.extend(self.daily_life.map(Reason::DailyLife));
            }
            if self.substance_screen_positive {
                reasons.push(Reason::SubstanceUseScreenPositive);
            }
            reasons.extend(self.little_support());
            match self.can_attend {
                Some(option::MAYBE) => reasons.push(Reason::MayBeAbleToAttend),
                Some(option::NO) => reasons.push(Reason::CannotAttendRightNow),
                _ => {}
            }
            self.closing_notes(&mut reasons);
            return (LevelOfCare::IopMayFit, reasons);
        }

        // Rule 5: weekly care may be enough.
        if weekly_not_enough {
            reasons.push(Reason::WeeklyTherapyNotEnough);
        }
        reasons.extend(self.symptom_reason());
        if self.symptoms_at_least(SymptomLevel::Moderate) {
            reasons.push(Reason::WeeklyCareIsUsualFirstStep);
        }
        reasons.extend(self.daily_life.map(Reason::DailyLife));
        if self.substance_screen_positive {
            reasons.push(Reason::SubstanceUseScreenPositive);
        }
        reasons.extend(self.little_support());
        self.closing_notes(&mut reasons);
        (LevelOfCare::WeeklyCareMayBeEnough, reasons)
    }
}

/// Scores the answers and routes them to a level of care, with reasons. Only answers to
/// questions currently shown count.
pub fn assess(answers: &SelfCheckAnswers) -> SelfCheckResult {
    let shown = visible_answers(answers);
    let screeners = score_screeners(answers);
    let facts = Facts::gather(&shown, &screeners);
    let (level_of_care, reasons) = facts.route();
    let topics = shown
        .get(question::TOPICS)
        .map(|answer| {
            answer
                .options()
                .iter()
                .filter_map(|o| Topic::from_option_id(o.id))
                .collect()
        })
        .unwrap_or_default();
    let preferred_time = match shown.single(question::TIME_OF_DAY) {
        Some(option::DAYTIME) => Some(TimePreference::Daytime),
        Some(option::EVENINGS) => Some(TimePreference::Evenings),
        Some(option::EITHER) => Some(TimePreference::Either),
        _ => None,
    };
    SelfCheckResult {
        level_of_care,
        reasons,
        screeners,
        mode: facts.mode,
        topics,
        preferred_time,
    }
}

/// Every topic option of the question set maps to a [`Topic`] (checked by a test).
#[cfg(test)]
pub(crate) fn topic_option_ids() -> Vec<&'static str> {
    super::definition::QUESTION_SET
        .question(question::TOPICS)
        .map(|q| q.options.iter().map(|o| o.id).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::self_check::definition::QUESTION_SET;

    #[test]
    fn phq9_bands_change_exactly_at_the_published_cut_points() {
        let expected = [
            (0, DepressionBand::Minimal),
            (4, DepressionBand::Minimal),
            (5, DepressionBand::Mild),
            (9, DepressionBand::Mild),
            (10, DepressionBand::Moderate),
            (14, DepressionBand::Moderate),
            (15, DepressionBand::ModeratelySevere),
            (19, DepressionBand::ModeratelySevere),
            (20, DepressionBand::Severe),
            (27, DepressionBand::Severe),
        ];
        for (total, band) in expected {
            assert_eq!(
                DepressionBand::from_total(total),
                band,
                "PHQ-9 total {total}"
            );
        }
    }

    #[test]
    fn gad7_bands_change_exactly_at_5_10_and_15() {
        let expected = [
            (0, AnxietyBand::Minimal),
            (4, AnxietyBand::Minimal),
            (5, AnxietyBand::Mild),
            (9, AnxietyBand::Mild),
            (10, AnxietyBand::Moderate),
            (14, AnxietyBand::Moderate),
            (15, AnxietyBand::Severe),
            (21, AnxietyBand::Severe),
        ];
        for (total, band) in expected {
            assert_eq!(AnxietyBand::from_total(total), band, "GAD-7 total {total}");
        }
    }

    #[test]
    fn every_topic_option_has_a_topic_with_the_same_label() {
        let topics = QUESTION_SET.question(question::TOPICS);
        for id in topic_option_ids() {
            let topic = Topic::from_option_id(id);
            let label = topics.and_then(|q| q.option(id)).map(|o| o.label);
            assert_eq!(topic.map(Topic::label), label, "topic option {id}");
        }
    }

    #[test]
    fn results_never_use_diagnostic_language() {
        let all_reasons = [
            Reason::ThoughtsOfEndingLifeOrSelfHarm,
            Reason::UnsureAboutSafety,
            Reason::ThoughtsOnPhq9Item9,
            Reason::DailyHeavyDrinking,
            Reason::DailySedativesOrOpioids,
            Reason::UnsureAboutDailyUse,
            Reason::PrescribedDailyMedication,
            Reason::LeftInpatientRecently,
            Reason::WeeklyTherapyNotEnough,
            Reason::SymptomsSevere,
            Reason::SymptomsModerateOrMore,
            Reason::SymptomsMinimalOrMild,
            Reason::DailyLife(DailyLifeImpact::NotAtAll),
            Reason::DailyLife(DailyLifeImpact::ALittle),
            Reason::DailyLife(DailyLifeImpact::QuiteALot),
            Reason::DailyLife(DailyLifeImpact::HardToManage),
            Reason::SubstanceUseScreenPositive,
            Reason::LittleSupportAtHome,
            Reason::HomeNotSafe,
            Reason::MayBeAbleToAttend,
            Reason::CannotAttendRightNow,
            Reason::WeeklyCareIsUsualFirstStep,
            Reason::AnsweredForSomeoneElse,
        ];
        let mut texts: Vec<&str> = Vec::new();
        for reason in all_reasons {
            texts.push(reason.sentence(Mode::Myself));
            texts.push(reason.sentence(Mode::SomeoneElse));
        }
        for total in 0..=27 {
            texts.push(DepressionBand::from_total(total).sentence());
        }
        for total in 0..=21 {
            texts.push(AnxietyBand::from_total(total).sentence());
        }
        for positive in [true, false] {
            texts.push(AuditCScore { total: 0, positive }.sentence());
            texts.push(DrugScreenScore { total: 0, positive }.sentence());
        }
        for level in [
            LevelOfCare::GetHelpNow,
            LevelOfCare::HigherLevelOfCare,
            LevelOfCare::IopMayFit,
            LevelOfCare::WeeklyCareMayBeEnough,
        ] {
            texts.push(level.heading());
            texts.push(level.explanation());
        }
        for text in texts {
            let lower = text.to_lowercase();
            for word in [
                "diagnos",
                "disorder",
                "you have depression",
                "you have anxiety",
                "you are depressed",
                "alcoholic",
                "addict",
            ] {
                assert!(!lower.contains(word), "{word:?} in {text:?}");
            }
        }
        assert!(NOT_A_DIAGNOSIS.starts_with("This is not a diagnosis."));
    }

    #[test]
    fn someone_else_sentences_speak_of_them_not_you() {
        for reason in [
            Reason::DailyHeavyDrinking,
            Reason::LeftInpatientRecently,
            Reason::LittleSupportAtHome,
            Reason::DailyLife(DailyLifeImpact::QuiteALot),
        ] {
            let myself = reason.sentence(Mode::Myself);
            let them = reason.sentence(Mode::SomeoneElse);
            assert_ne!(myself, them);
            assert!(them.contains("they") || them.contains("their") || them.contains("They"));
        }
    }
}
