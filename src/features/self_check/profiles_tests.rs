//! Routing rules, table-driven: answer profiles with the level of care, reasons and screener
//! bands each must produce. Covers every band boundary of every screener (PHQ-9 4/5, 9/10,
//! 14/15, 19/20; GAD-7 4/5, 9/10, 14/15; AUDIT-C 2/3; drug screen 0/1) and every routing rule.
//! Expected sentences are written out here, not taken from the code under test.

use std::collections::BTreeMap;

use super::definition::{option, question};
use super::flow::first_unanswered;
use super::scoring::{DailyLifeImpact, LOVED_ONES_GROUP_TOPIC, NextStep, assess};
use super::{LevelOfCare, Reason, SelfCheckAnswers};

use DailyLifeImpact::{ALittle, HardToManage, NotAtAll, QuiteALot};
use LevelOfCare::{GetHelpNow, HigherLevelOfCare, IopMayFit, WeeklyCareMayBeEnough};
use Reason::*;

const D_MINIMAL: &str = "Your answers suggest minimal depression symptoms.";
const D_MILD: &str = "Your answers suggest mild depression symptoms.";
const D_MODERATE: &str = "Your answers suggest moderate depression symptoms.";
const D_MOD_SEVERE: &str = "Your answers suggest moderately severe depression symptoms.";
const D_SEVERE: &str = "Your answers suggest severe depression symptoms.";
const A_MINIMAL: &str = "Your answers suggest minimal anxiety symptoms.";
const A_MILD: &str = "Your answers suggest mild anxiety symptoms.";
const A_MODERATE: &str = "Your answers suggest moderate anxiety symptoms.";
const A_SEVERE: &str = "Your answers suggest severe anxiety symptoms.";
const ALCOHOL_POSITIVE: &str =
    "Your answers about alcohol may suggest drinking that could be harming your health.";
const ALCOHOL_NEGATIVE: &str = "Your answers about alcohol don't suggest risky drinking.";
const DRUG_POSITIVE: &str =
    "Your answer about drug use may suggest it's worth talking through with a professional.";
const DRUG_NEGATIVE: &str = "Your answer about drug use doesn't suggest a concern.";

const FREQUENCY: [&str; 4] = [
    "not_at_all",
    "several_days",
    "more_than_half",
    "nearly_every_day",
];
const AUDIT_1: [&str; 5] = [
    option::NEVER,
    "monthly_or_less",
    "2_to_4_a_month",
    "2_to_3_a_week",
    "4_or_more_a_week",
];
const AUDIT_2: [&str; 5] = ["1_or_2", "3_or_4", "5_or_6", "7_to_9", "10_or_more"];
const AUDIT_3: [&str; 5] = [
    option::NEVER,
    "less_than_monthly",
    "monthly",
    "weekly",
    "daily",
];

/// Spreads a total over items scored 0–3, filling from the first item.
fn spread(total: u8, items: usize) -> Vec<u8> {
    let mut left = total;
    (0..items)
        .map(|_| {
            let score = left.min(3);
            left -= score;
            score
        })
        .collect()
}

/// An answer profile: every question answered with a calm default, then changed per row.
/// Answers to questions a profile's branches hide stay stored, as in real use, and must be
/// ignored.
#[derive(Clone)]
struct Profile(BTreeMap<&'static str, Vec<&'static str>>);

impl Profile {
    fn myself() -> Self {
        let mut p = Profile(BTreeMap::new());
        p.set(question::FOR_WHOM, &[option::MYSELF])
            .set(question::TOPICS, &["mood"])
            .set(question::SAFETY, &[option::NO])
            .set(question::CURRENT_CARE, &[option::NO_CARE])
            .phq9(0)
            .set(question::PHQ9_DIFFICULTY, &["not_difficult"])
            .gad7(0)
            .audit_c([0, 0, 0])
            .set(question::DRUG_SCREEN, &[option::NEVER])
            .set(question::DAILY_HEAVY_DRINKING, &[option::NO])
            .set(question::DAILY_SEDATIVES_OR_OPIOIDS, &[option::NO])
            .set(question::DAILY_FUNCTIONING, &["not_at_all"])
            .set(question::SUPPORT_AT_HOME, &[option::GOOD_SUPPORT])
            .set(question::CAN_ATTEND, &[option::YES])
            .set(question::TIME_OF_DAY, &[option::EITHER]);
        p
    }

    fn someone_else() -> Self {
        let mut p = Self::myself();
        p.set(question::FOR_WHOM, &[option::SOMEONE_ELSE]);
        p
    }

    fn set(&mut self, q: &'static str, options: &[&'static str]) -> &mut Self {
        self.0.insert(q, options.to_vec());
        self
    }

    fn with(mut self, q: &'static str, options: &[&'static str]) -> Self {
        self.set(q, options);
        self
    }

    /// PHQ-9 items 1–8 adding up to `total` (at most 24), item 9 "Not at all".
    fn phq9(&mut self, total: u8) -> &mut Self {
        for (id, score) in question::PHQ9.iter().zip(spread(total, 8)) {
            self.set(id, &[FREQUENCY[usize::from(score)]]);
        }
        self.set(question::PHQ9_ITEM_9, &[FREQUENCY[0]])
    }

    fn with_phq9(mut self, total: u8) -> Self {
        self.phq9(total);
        self
    }

    fn with_item_9(self, score: usize) -> Self {
        self.with(question::PHQ9_ITEM_9, &[FREQUENCY[score]])
    }

    fn gad7(&mut self, total: u8) -> &mut Self {
        for (id, score) in question::GAD7.iter().zip(spread(total, 7)) {
            self.set(id, &[FREQUENCY[usize::from(score)]]);
        }
        self
    }

    fn with_gad7(mut self, total: u8) -> Self {
        self.gad7(total);
        self
    }

    fn audit_c(&mut self, [a, b, c]: [usize; 3]) -> &mut Self {
        self.set(question::AUDIT_C[0], &[AUDIT_1[a]])
            .set(question::AUDIT_C[1], &[AUDIT_2[b]])
            .set(question::AUDIT_C[2], &[AUDIT_3[c]])
    }

    /// Chooses alcohol or drug use (with mood) and answers AUDIT-C.
    fn with_substance_use(mut self, audit_c: [usize; 3]) -> Self {
        self.set(question::TOPICS, &["mood", option::SUBSTANCE_USE]);
        self.audit_c(audit_c);
        self
    }

    fn answers(&self) -> SelfCheckAnswers {
        let mut answers = SelfCheckAnswers::new();
        for (q, options) in &self.0 {
            if let Err(error) = answers.answer(q, options) {
                panic!("profile answer {q}={options:?} refused: {error}");
            }
        }
        answers
    }
}

struct Row {
    name: &'static str,
    profile: Profile,
    level: LevelOfCare,
    reasons: Vec<Reason>,
    bands: Vec<&'static str>,
}

fn row(
    name: &'static str,
    profile: Profile,
    level: LevelOfCare,
    reasons: &[Reason],
    bands: &[&'static str],
) -> Row {
    Row {
        name,
        profile,
        level,
        reasons: reasons.to_vec(),
        bands: bands.to_vec(),
    }
}

fn me() -> Profile {
    Profile::myself()
}

fn them() -> Profile {
    Profile::someone_else()
}

fn table() -> Vec<Row> {
    use question::{
        CAN_ATTEND, CURRENT_CARE, DAILY_FUNCTIONING as FUNCTIONING, DAILY_HEAVY_DRINKING as HEAVY,
        DAILY_SEDATIVES_OR_OPIOIDS as SEDATIVES, DRUG_SCREEN, PHQ9_DIFFICULTY as DIFFICULTY,
        SAFETY, SUPPORT_AT_HOME as SUPPORT, TOPICS,
    };
    const CALM: &[&str] = &[D_MINIMAL, A_MINIMAL];
    let weekly_not_enough = || me().with(CURRENT_CARE, &[option::WEEKLY_NOT_ENOUGH]);
    let left_inpatient = || me().with(CURRENT_CARE, &[option::LEFT_INPATIENT]);
    vec![
        // Rule 1: safety.
        row(
            "yes to the safety question, otherwise calm",
            me().with(SAFETY, &[option::YES]),
            GetHelpNow,
            &[ThoughtsOfEndingLifeOrSelfHarm],
            CALM,
        ),
        row(
            "not sure to the safety question",
            me().with(SAFETY, &[option::NOT_SURE]),
            GetHelpNow,
            &[UnsureAboutSafety],
            CALM,
        ),
        row(
            "PHQ-9 item 9 'Several days' with a minimal total",
            me().with_item_9(1),
            GetHelpNow,
            &[ThoughtsOnPhq9Item9],
            CALM,
        ),
        row(
            "safety yes and item 9 'Nearly every day', PHQ-9 27",
            me().with(SAFETY, &[option::YES])
                .with_phq9(24)
                .with_item_9(3),
            GetHelpNow,
            &[ThoughtsOfEndingLifeOrSelfHarm, ThoughtsOnPhq9Item9],
            &[D_SEVERE, A_MINIMAL],
        ),
        row(
            "safety comes before withdrawal risk",
            me().with_substance_use([4, 4, 4])
                .with(HEAVY, &[option::YES])
                .with(SAFETY, &[option::YES]),
            GetHelpNow,
            &[ThoughtsOfEndingLifeOrSelfHarm],
            &[D_MINIMAL, A_MINIMAL, ALCOHOL_POSITIVE, DRUG_NEGATIVE],
        ),
        row(
            "someone else: yes to the safety question",
            them().with(SAFETY, &[option::YES]),
            GetHelpNow,
            &[ThoughtsOfEndingLifeOrSelfHarm],
            &[],
        ),
        row(
            "someone else: not sure about safety",
            them().with(SAFETY, &[option::NOT_SURE]),
            GetHelpNow,
            &[UnsureAboutSafety],
            &[],
        ),
        // Rule 2: withdrawal risk, never IOP.
        row(
            "daily heavy drinking outranks a step up from weekly therapy",
            weekly_not_enough()
                .with_phq9(12)
                .with_substance_use([4, 2, 3])
                .with(HEAVY, &[option::YES]),
            HigherLevelOfCare,
            &[DailyHeavyDrinking],
            &[D_MODERATE, A_MINIMAL, ALCOHOL_POSITIVE, DRUG_NEGATIVE],
        ),
        row(
            "daily opioids outrank a step down from inpatient care",
            left_inpatient()
                .with_substance_use([0, 0, 0])
                .with(DRUG_SCREEN, &["1_or_more"])
                .with(SEDATIVES, &[option::YES]),
            HigherLevelOfCare,
            &[DailySedativesOrOpioids],
            &[D_MINIMAL, A_MINIMAL, ALCOHOL_NEGATIVE, DRUG_POSITIVE],
        ),
        row(
            "not sure about daily heavy drinking",
            me().with_substance_use([2, 1, 1])
                .with(HEAVY, &[option::NOT_SURE]),
            HigherLevelOfCare,
            &[UnsureAboutDailyUse],
            &[D_MINIMAL, A_MINIMAL, ALCOHOL_POSITIVE, DRUG_NEGATIVE],
        ),
        row(
            "not sure about both says so once",
            me().with_substance_use([1, 0, 0])
                .with(HEAVY, &[option::NOT_SURE])
                .with(SEDATIVES, &[option::NOT_SURE]),
            HigherLevelOfCare,
            &[UnsureAboutDailyUse],
            &[D_MINIMAL, A_MINIMAL, ALCOHOL_NEGATIVE, DRUG_NEGATIVE],
        ),
        row(
            "daily heavy drinking and daily benzodiazepines",
            me().with_substance_use([4, 3, 4])
                .with(HEAVY, &[option::YES])
                .with(SEDATIVES, &[option::YES]),
            HigherLevelOfCare,
            &[DailyHeavyDrinking, DailySedativesOrOpioids],
            &[D_MINIMAL, A_MINIMAL, ALCOHOL_POSITIVE, DRUG_NEGATIVE],
        ),
        row(
            "daily heavy drinking with prescribed daily medication",
            me().with_substance_use([4, 2, 2])
                .with(HEAVY, &[option::YES])
                .with(SEDATIVES, &[option::AS_PRESCRIBED]),
            HigherLevelOfCare,
            &[DailyHeavyDrinking, PrescribedDailyMedication],
            &[D_MINIMAL, A_MINIMAL, ALCOHOL_POSITIVE, DRUG_NEGATIVE],
        ),
        row(
            "someone else: daily heavy drinking",
            them()
                .with(TOPICS, &[option::SUBSTANCE_USE])
                .with(HEAVY, &[option::YES]),
            HigherLevelOfCare,
            &[DailyHeavyDrinking, AnsweredForSomeoneElse],
            &[],
        ),
        row(
            "medication only as prescribed is noted, not routed",
            me().with_substance_use([0, 0, 0])
                .with(SEDATIVES, &[option::AS_PRESCRIBED]),
            WeeklyCareMayBeEnough,
            &[
                SymptomsMinimalOrMild,
                DailyLife(NotAtAll),
                PrescribedDailyMedication,
            ],
            &[D_MINIMAL, A_MINIMAL, ALCOHOL_NEGATIVE, DRUG_NEGATIVE],
        ),
        // Rule 3: severe, daily life badly affected, no support.
        row(
            "PHQ-9 20, daily life affected quite a lot, no support",
            me().with_phq9(20)
                .with(FUNCTIONING, &["quite_a_lot"])
                .with(SUPPORT, &[option::NO_SUPPORT]),
            HigherLevelOfCare,
            &[SymptomsSevere, DailyLife(QuiteALot), LittleSupportAtHome],
            &[D_SEVERE, A_MINIMAL],
        ),
        row(
            "GAD-7 15, extremely difficult, home doesn't feel safe",
            me().with_phq9(3)
                .with_gad7(15)
                .with(DIFFICULTY, &["extremely_difficult"])
                .with(SUPPORT, &[option::HOME_NOT_SAFE]),
            HigherLevelOfCare,
            &[SymptomsSevere, DailyLife(HardToManage), HomeNotSafe],
            &[D_MINIMAL, A_SEVERE],
        ),
        row(
            "PHQ-9 20 and affected quite a lot, but some support: IOP",
            me().with_phq9(20)
                .with(FUNCTIONING, &["quite_a_lot"])
                .with(SUPPORT, &[option::SOME_SUPPORT]),
            IopMayFit,
            &[SymptomsSevere, DailyLife(QuiteALot)],
            &[D_SEVERE, A_MINIMAL],
        ),
        row(
            "PHQ-9 20, no support, daily life only a little affected: IOP",
            me().with_phq9(20)
                .with(FUNCTIONING, &["a_little"])
                .with(SUPPORT, &[option::NO_SUPPORT]),
            IopMayFit,
            &[SymptomsSevere, LittleSupportAtHome],
            &[D_SEVERE, A_MINIMAL],
        ),
        row(
            "PHQ-9 19, affected quite a lot, no support: IOP, not higher",
            me().with_phq9(19)
                .with(FUNCTIONING, &["quite_a_lot"])
                .with(SUPPORT, &[option::NO_SUPPORT]),
            IopMayFit,
            &[
                SymptomsModerateOrMore,
                DailyLife(QuiteALot),
                LittleSupportAtHome,
            ],
            &[D_MOD_SEVERE, A_MINIMAL],
        ),
        row(
            "someone else: getting through the day is hard, no support",
            them()
                .with(FUNCTIONING, &["hard_to_manage"])
                .with(SUPPORT, &[option::NO_SUPPORT]),
            HigherLevelOfCare,
            &[
                DailyLife(HardToManage),
                LittleSupportAtHome,
                AnsweredForSomeoneElse,
            ],
            &[],
        ),
        row(
            "someone else: getting through the day is hard, good support",
            them().with(FUNCTIONING, &["hard_to_manage"]),
            IopMayFit,
            &[DailyLife(HardToManage), AnsweredForSomeoneElse],
            &[],
        ),
        // Rule 4: IOP.
        row(
            "left inpatient care recently, calm now",
            left_inpatient(),
            IopMayFit,
            &[LeftInpatientRecently, SymptomsMinimalOrMild],
            CALM,
        ),
        row(
            "weekly therapy not enough, PHQ-9 10",
            weekly_not_enough().with_phq9(10),
            IopMayFit,
            &[WeeklyTherapyNotEnough, SymptomsModerateOrMore],
            &[D_MODERATE, A_MINIMAL],
        ),
        row(
            "weekly therapy not enough, PHQ-9 9",
            weekly_not_enough().with_phq9(9),
            WeeklyCareMayBeEnough,
            &[
                WeeklyTherapyNotEnough,
                SymptomsMinimalOrMild,
                DailyLife(NotAtAll),
            ],
            &[D_MILD, A_MINIMAL],
        ),
        row(
            "weekly therapy not enough, GAD-7 10",
            weekly_not_enough().with_gad7(10),
            IopMayFit,
            &[WeeklyTherapyNotEnough, SymptomsModerateOrMore],
            &[D_MINIMAL, A_MODERATE],
        ),
        row(
            "weekly therapy not enough, GAD-7 9",
            weekly_not_enough().with_gad7(9),
            WeeklyCareMayBeEnough,
            &[
                WeeklyTherapyNotEnough,
                SymptomsMinimalOrMild,
                DailyLife(NotAtAll),
            ],
            &[D_MINIMAL, A_MILD],
        ),
        row(
            "weekly therapy not enough, mild but daily life affected quite a lot",
            weekly_not_enough()
                .with_phq9(5)
                .with(FUNCTIONING, &["quite_a_lot"]),
            IopMayFit,
            &[
                WeeklyTherapyNotEnough,
                SymptomsMinimalOrMild,
                DailyLife(QuiteALot),
            ],
            &[D_MILD, A_MINIMAL],
        ),
        row(
            "weekly therapy not enough, AUDIT-C 3",
            weekly_not_enough().with_substance_use([2, 1, 0]),
            IopMayFit,
            &[
                WeeklyTherapyNotEnough,
                SymptomsMinimalOrMild,
                SubstanceUseScreenPositive,
            ],
            &[D_MINIMAL, A_MINIMAL, ALCOHOL_POSITIVE, DRUG_NEGATIVE],
        ),
        row(
            "weekly therapy not enough, AUDIT-C 2",
            weekly_not_enough().with_substance_use([1, 1, 0]),
            WeeklyCareMayBeEnough,
            &[
                WeeklyTherapyNotEnough,
                SymptomsMinimalOrMild,
                DailyLife(NotAtAll),
            ],
            &[D_MINIMAL, A_MINIMAL, ALCOHOL_NEGATIVE, DRUG_NEGATIVE],
        ),
        row(
            "weekly therapy not enough, drug screen 1",
            weekly_not_enough()
                .with_substance_use([0, 0, 0])
                .with(DRUG_SCREEN, &["1_or_more"]),
            IopMayFit,
            &[
                WeeklyTherapyNotEnough,
                SymptomsMinimalOrMild,
                SubstanceUseScreenPositive,
            ],
            &[D_MINIMAL, A_MINIMAL, ALCOHOL_NEGATIVE, DRUG_POSITIVE],
        ),
        row(
            "weekly therapy not enough, drug screen 0",
            weekly_not_enough()
                .with_substance_use([0, 0, 0])
                .with(DRUG_SCREEN, &[option::NEVER]),
            WeeklyCareMayBeEnough,
            &[
                WeeklyTherapyNotEnough,
                SymptomsMinimalOrMild,
                DailyLife(NotAtAll),
            ],
            &[D_MINIMAL, A_MINIMAL, ALCOHOL_NEGATIVE, DRUG_NEGATIVE],
        ),
        row(
            "no care, PHQ-9 15 and affected quite a lot",
            me().with_phq9(15).with(FUNCTIONING, &["quite_a_lot"]),
            IopMayFit,
            &[SymptomsModerateOrMore, DailyLife(QuiteALot)],
            &[D_MOD_SEVERE, A_MINIMAL],
        ),
        row(
            "no care, PHQ-9 15, a little affected",
            me().with_phq9(15).with(FUNCTIONING, &["a_little"]),
            WeeklyCareMayBeEnough,
            &[
                SymptomsModerateOrMore,
                WeeklyCareIsUsualFirstStep,
                DailyLife(ALittle),
            ],
            &[D_MOD_SEVERE, A_MINIMAL],
        ),
        row(
            "no care, PHQ-9 14 and affected quite a lot",
            me().with_phq9(14).with(FUNCTIONING, &["quite_a_lot"]),
            WeeklyCareMayBeEnough,
            &[
                SymptomsModerateOrMore,
                WeeklyCareIsUsualFirstStep,
                DailyLife(QuiteALot),
            ],
            &[D_MODERATE, A_MINIMAL],
        ),
        row(
            "no care, GAD-7 14, very difficult",
            me().with_phq9(1)
                .with_gad7(14)
                .with(DIFFICULTY, &["very_difficult"]),
            WeeklyCareMayBeEnough,
            &[
                SymptomsModerateOrMore,
                WeeklyCareIsUsualFirstStep,
                DailyLife(QuiteALot),
            ],
            &[D_MINIMAL, A_MODERATE],
        ),
        row(
            "no care, GAD-7 15",
            me().with_gad7(15).with(FUNCTIONING, &["a_little"]),
            IopMayFit,
            &[SymptomsSevere],
            &[D_MINIMAL, A_SEVERE],
        ),
        row(
            "no care, PHQ-9 19 and GAD-7 14, a little affected",
            me().with_phq9(19)
                .with_gad7(14)
                .with(FUNCTIONING, &["a_little"]),
            WeeklyCareMayBeEnough,
            &[
                SymptomsModerateOrMore,
                WeeklyCareIsUsualFirstStep,
                DailyLife(ALittle),
            ],
            &[D_MOD_SEVERE, A_MODERATE],
        ),
        row(
            "no care, PHQ-9 4 but extremely difficult",
            me().with_phq9(4).with(DIFFICULTY, &["extremely_difficult"]),
            IopMayFit,
            &[SymptomsMinimalOrMild, DailyLife(HardToManage)],
            CALM,
        ),
        row(
            "left inpatient care, can't attend right now",
            left_inpatient().with(CAN_ATTEND, &[option::NO]),
            IopMayFit,
            &[
                LeftInpatientRecently,
                SymptomsMinimalOrMild,
                CannotAttendRightNow,
            ],
            CALM,
        ),
        row(
            "weekly therapy not enough, PHQ-9 12, maybe able to attend",
            weekly_not_enough()
                .with_phq9(12)
                .with(CAN_ATTEND, &[option::MAYBE]),
            IopMayFit,
            &[
                WeeklyTherapyNotEnough,
                SymptomsModerateOrMore,
                MayBeAbleToAttend,
            ],
            &[D_MODERATE, A_MINIMAL],
        ),
        row(
            "left inpatient care, home doesn't feel safe",
            left_inpatient()
                .with(FUNCTIONING, &["a_little"])
                .with(SUPPORT, &[option::HOME_NOT_SAFE]),
            IopMayFit,
            &[LeftInpatientRecently, SymptomsMinimalOrMild, HomeNotSafe],
            CALM,
        ),
        row(
            "no care, PHQ-9 24",
            me().with_phq9(24),
            IopMayFit,
            &[SymptomsSevere],
            &[D_SEVERE, A_MINIMAL],
        ),
        row(
            "no care, GAD-7 21",
            me().with_gad7(21),
            IopMayFit,
            &[SymptomsSevere],
            &[D_MINIMAL, A_SEVERE],
        ),
        row(
            "someone else: left inpatient care",
            them().with(CURRENT_CARE, &[option::LEFT_INPATIENT]),
            IopMayFit,
            &[LeftInpatientRecently, AnsweredForSomeoneElse],
            &[],
        ),
        row(
            "someone else: weekly therapy not enough, affected quite a lot",
            them()
                .with(CURRENT_CARE, &[option::WEEKLY_NOT_ENOUGH])
                .with(FUNCTIONING, &["quite_a_lot"]),
            IopMayFit,
            &[
                WeeklyTherapyNotEnough,
                DailyLife(QuiteALot),
                AnsweredForSomeoneElse,
            ],
            &[],
        ),
        // Rule 5: weekly care may be enough.
        row(
            "someone else: weekly therapy not enough, a little affected",
            them()
                .with(CURRENT_CARE, &[option::WEEKLY_NOT_ENOUGH])
                .with(FUNCTIONING, &["a_little"]),
            WeeklyCareMayBeEnough,
            &[
                WeeklyTherapyNotEnough,
                DailyLife(ALittle),
                AnsweredForSomeoneElse,
            ],
            &[],
        ),
        row(
            "someone else: no care, daily life fine",
            them(),
            WeeklyCareMayBeEnough,
            &[DailyLife(NotAtAll), AnsweredForSomeoneElse],
            &[],
        ),
        row(
            "PHQ-9 5 and GAD-7 5, a little affected, no support",
            me().with_phq9(5)
                .with_gad7(5)
                .with(FUNCTIONING, &["a_little"])
                .with(SUPPORT, &[option::NO_SUPPORT]),
            WeeklyCareMayBeEnough,
            &[
                SymptomsMinimalOrMild,
                DailyLife(ALittle),
                LittleSupportAtHome,
            ],
            &[D_MILD, A_MILD],
        ),
        row(
            "PHQ-9 4 and GAD-7 4",
            me().with_phq9(4).with_gad7(4),
            WeeklyCareMayBeEnough,
            &[SymptomsMinimalOrMild, DailyLife(NotAtAll)],
            CALM,
        ),
        row(
            "PHQ-9 9 and GAD-7 9, somewhat difficult",
            me().with_phq9(9)
                .with_gad7(9)
                .with(DIFFICULTY, &["somewhat_difficult"]),
            WeeklyCareMayBeEnough,
            &[SymptomsMinimalOrMild, DailyLife(ALittle)],
            &[D_MILD, A_MILD],
        ),
        row(
            "no care, PHQ-9 10",
            me().with_phq9(10),
            WeeklyCareMayBeEnough,
            &[
                SymptomsModerateOrMore,
                WeeklyCareIsUsualFirstStep,
                DailyLife(NotAtAll),
            ],
            &[D_MODERATE, A_MINIMAL],
        ),
        row(
            "no care, AUDIT-C 3 with nothing else",
            me().with_substance_use([1, 1, 1]),
            WeeklyCareMayBeEnough,
            &[
                SymptomsMinimalOrMild,
                DailyLife(NotAtAll),
                SubstanceUseScreenPositive,
            ],
            &[D_MINIMAL, A_MINIMAL, ALCOHOL_POSITIVE, DRUG_NEGATIVE],
        ),
        // Answers left on closed branches never count.
        row(
            "daily heavy drinking stored, but substance use no longer chosen",
            me().with(HEAVY, &[option::YES]),
            WeeklyCareMayBeEnough,
            &[SymptomsMinimalOrMild, DailyLife(NotAtAll)],
            CALM,
        ),
        row(
            "item 9 stored from before switching to someone else",
            them().with_item_9(3),
            WeeklyCareMayBeEnough,
            &[DailyLife(NotAtAll), AnsweredForSomeoneElse],
            &[],
        ),
        row(
            "never drinks, so a stored daily heavy drinking answer is skipped",
            me().with_substance_use([0, 4, 4])
                .with(HEAVY, &[option::YES]),
            WeeklyCareMayBeEnough,
            &[SymptomsMinimalOrMild, DailyLife(NotAtAll)],
            &[D_MINIMAL, A_MINIMAL, ALCOHOL_NEGATIVE, DRUG_NEGATIVE],
        ),
    ]
}

#[test]
fn every_profile_routes_as_the_table_says() {
    let rows = table();
    assert!(rows.len() >= 40, "only {} profiles", rows.len());
    let mut failures = Vec::new();
    for row in &rows {
        let answers = row.profile.answers();
        if let Some(id) = first_unanswered(&answers) {
            failures.push(format!("{}: profile leaves {id} unanswered", row.name));
            continue;
        }
        let result = assess(&answers);
        if result.level_of_care != row.level {
            failures.push(format!(
                "{}: level {:?}, expected {:?}",
                row.name, result.level_of_care, row.level
            ));
        }
        if result.reasons != row.reasons {
            failures.push(format!(
                "{}: reasons {:?}, expected {:?}",
                row.name, result.reasons, row.reasons
            ));
        }
        if result.band_sentences() != row.bands {
            failures.push(format!(
                "{}: bands {:?}, expected {:?}",
                row.name,
                result.band_sentences(),
                row.bands
            ));
        }
        if !result.next_steps().contains(&NextStep::BookCoordinatorCall) {
            failures.push(format!("{}: no coordinator call offered", row.name));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_table_covers_every_level_of_care() {
    let levels: Vec<LevelOfCare> = table().iter().map(|r| r.level).collect();
    for level in [
        GetHelpNow,
        HigherLevelOfCare,
        IopMayFit,
        WeeklyCareMayBeEnough,
    ] {
        assert!(levels.contains(&level), "{level:?} missing");
    }
}

#[test]
fn screener_totals_match_the_profiles_at_each_boundary() {
    for total in [4, 5, 9, 10, 14, 15, 19, 20] {
        let result = assess(&me().with_phq9(total).answers());
        assert_eq!(result.screeners.phq9.map(|s| s.total), Some(total));
    }
    for total in [4, 5, 9, 10, 14, 15] {
        let result = assess(&me().with_gad7(total).answers());
        assert_eq!(result.screeners.gad7.map(|s| s.total), Some(total));
    }
    for (items, total, positive) in [([1, 1, 0], 2, false), ([2, 1, 0], 3, true)] {
        let result = assess(&me().with_substance_use(items).answers());
        let audit = result.screeners.audit_c;
        assert_eq!(
            audit.map(|s| (s.total, s.positive)),
            Some((total, positive))
        );
    }
    let never = assess(&me().with_substance_use([0, 4, 4]).answers());
    assert_eq!(never.screeners.audit_c.map(|s| s.total), Some(0));
}

#[test]
fn chosen_topics_pre_filter_the_group_search() {
    let result = assess(
        &me()
            .with(
                question::TOPICS,
                &["mood", "anxiety", option::SUBSTANCE_USE, "eating", "grief"],
            )
            .answers(),
    );
    assert_eq!(
        result.group_search_topics(),
        [
            "Anxiety & Depression",
            "Substance Abuse",
            "Eating Disorders",
            "Grief & Loss"
        ]
    );
    let result = assess(
        &me()
            .with(question::TOPICS, &["trauma", "relationships", "anger"])
            .answers(),
    );
    assert_eq!(
        result.group_search_topics(),
        ["Trauma & PTSD", "Relationship Issues", "Anger Management"]
    );
}

#[test]
fn someone_else_results_point_to_the_coordinator_and_the_loved_ones_group() {
    for profile in [
        them(),
        them().with(question::CURRENT_CARE, &[option::LEFT_INPATIENT]),
        them().with(question::SAFETY, &[option::YES]),
    ] {
        let result = assess(&profile.with(question::TOPICS, &["trauma"]).answers());
        assert_eq!(result.group_search_topics(), [LOVED_ONES_GROUP_TOPIC]);
        let steps = result.next_steps();
        assert!(steps.contains(&NextStep::BookCoordinatorCall));
        assert!(steps.contains(&NextStep::LovedOnesGroup));
        assert!(!steps.contains(&NextStep::BrowseGroups));
    }
}

#[test]
fn crisis_results_lead_with_crisis_resources() {
    let result = assess(&me().with(question::SAFETY, &[option::YES]).answers());
    assert_eq!(
        result.next_steps(),
        [
            NextStep::CrisisResources,
            NextStep::BookCoordinatorCall,
            NextStep::PrintSummary
        ]
    );
    let iop = assess(
        &me()
            .with(question::CURRENT_CARE, &[option::LEFT_INPATIENT])
            .answers(),
    );
    assert_eq!(
        iop.next_steps(),
        [
            NextStep::BookCoordinatorCall,
            NextStep::BrowseGroups,
            NextStep::PrintSummary
        ]
    );
}
