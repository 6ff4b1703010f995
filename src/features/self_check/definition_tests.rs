//! Checks that the question set hangs together, and pins the screeners' official wording.

use std::collections::{HashMap, HashSet};

use super::definition::{
    AUDIT_C_LEAD_IN, AnswerKind, Condition, GAD7_STEM, Mode, PHQ_CREDIT_LINE, PHQ9_STEM,
    QUESTION_SET, QUESTION_SET_VERSION, Question, Screener, option, question,
};
use super::flow::{SelfCheckFlow, Stage, visible_questions};

fn labels(q: &Question) -> Vec<&'static str> {
    q.options.iter().map(|o| o.label).collect()
}

fn scores(q: &Question) -> Vec<Option<u8>> {
    q.options.iter().map(|o| o.score).collect()
}

fn find(id: &str) -> &'static Question {
    match QUESTION_SET.question(id) {
        Some(q) => q,
        None => panic!("question {id} missing"),
    }
}

#[test]
fn the_set_carries_its_version() {
    assert_eq!(QUESTION_SET.version, QUESTION_SET_VERSION);
    assert_eq!(QUESTION_SET_VERSION, "2026-11-27.1");
}

#[test]
fn question_ids_are_unique_and_option_ids_unique_within_each_question() {
    let mut seen = HashSet::new();
    for q in QUESTION_SET.questions {
        assert!(seen.insert(q.id), "question id {} used twice", q.id);
        let mut options = HashSet::new();
        for o in q.options {
            assert!(
                options.insert(o.id),
                "option {} used twice in {}",
                o.id,
                q.id
            );
        }
    }
}

#[test]
fn every_question_has_text_and_a_real_choice() {
    for q in QUESTION_SET.questions {
        assert!(!q.for_myself.text.trim().is_empty(), "{} has no text", q.id);
        assert!(q.options.len() >= 2, "{} offers no real choice", q.id);
        for o in q.options {
            assert!(!o.label.trim().is_empty(), "{}/{} has no label", q.id, o.id);
        }
    }
}

#[test]
fn options_are_scored_all_or_none_and_every_screener_option_is_scored() {
    for q in QUESTION_SET.questions {
        let scored = q.options.iter().filter(|o| o.score.is_some()).count();
        assert!(
            scored == 0 || scored == q.options.len(),
            "{} mixes scored and unscored options",
            q.id
        );
        if q.screener.is_some() {
            assert_eq!(scored, q.options.len(), "{} is a screener item", q.id);
        }
    }
}

#[test]
fn every_screener_is_complete_with_the_right_items_and_scores() {
    for screener in Screener::ALL {
        let items: Vec<&Question> = QUESTION_SET
            .questions
            .iter()
            .filter(|q| {
                q.screener
                    .is_some_and(|s| s.screener == screener && s.counts_toward_total)
            })
            .collect();
        assert_eq!(items.len(), screener.item_count(), "{}", screener.name());
        for (index, q) in items.iter().enumerate() {
            let item = q.screener.map(|s| usize::from(s.number));
            assert_eq!(item, Some(index + 1), "{} numbering", q.id);
            assert_eq!(q.kind, AnswerKind::SingleChoice);
            let expected: Vec<Option<u8>> = (0..=screener.max_item_score()).map(Some).collect();
            assert_eq!(scores(q), expected, "{} scores", q.id);
            assert!(
                q.for_someone_else.is_none(),
                "{} must be self-reported only",
                q.id
            );
        }
    }
    let max_totals: Vec<u32> = Screener::ALL
        .iter()
        .map(|s| s.item_count() as u32 * u32::from(s.max_item_score()))
        .collect();
    assert_eq!(max_totals, [27, 21, 12, 1]);
}

#[test]
fn conditions_only_look_back_at_existing_questions_and_options() {
    fn check(condition: &Condition, position: usize, owner: &str) {
        match condition {
            Condition::Always => {}
            Condition::Chose { question, option } => {
                let earlier = QUESTION_SET.position(question);
                assert!(
                    earlier.is_some_and(|p| p < position),
                    "{owner} looks at {question}, which is not asked before it"
                );
                assert!(
                    find(question).option(option).is_some(),
                    "{owner} looks for option {option} that {question} does not have"
                );
            }
            Condition::Not(inner) => check(inner, position, owner),
            Condition::AllOf(all) => all.iter().for_each(|c| check(c, position, owner)),
            Condition::AnyItemAbove { screener, score } => {
                let items: Vec<&Question> = QUESTION_SET
                    .questions
                    .iter()
                    .filter(|q| q.screener.is_some_and(|s| s.screener == *screener))
                    .filter(|q| q.screener.is_some_and(|s| s.counts_toward_total))
                    .collect();
                assert!(!items.is_empty());
                for item in items {
                    let p = QUESTION_SET.position(item.id);
                    assert!(p.is_some_and(|p| p < position), "{owner} looks ahead");
                }
                assert!(*score < screener.max_item_score(), "{owner} can never show");
            }
        }
    }
    for (position, q) in QUESTION_SET.questions.iter().enumerate() {
        check(&q.shown_when, position, q.id);
    }
}

#[test]
fn the_direct_safety_question_comes_before_any_screener() {
    let safety = QUESTION_SET.position(question::SAFETY);
    let first_screener = QUESTION_SET
        .questions
        .iter()
        .position(|q| q.screener.is_some());
    assert_eq!(safety, Some(2));
    assert!(safety < first_screener);
    assert_eq!(find(question::SAFETY).shown_when, Condition::Always);
    assert_eq!(
        find(question::SAFETY).for_myself.text,
        "Are you having thoughts of ending your life or of hurting yourself?"
    );
}

#[test]
fn third_person_wording_speaks_about_them() {
    for q in QUESTION_SET.questions {
        if q.id == question::FOR_WHOM {
            continue;
        }
        if let Some(wording) = q.for_someone_else {
            let text = wording.text.to_lowercase();
            assert!(
                ["they", "their", "them", "the person"]
                    .iter()
                    .any(|w| text.contains(w)),
                "{}: {:?} does not speak about them",
                q.id,
                wording.text
            );
            assert_ne!(wording.text, q.for_myself.text, "{}", q.id);
        }
    }
}

/// A small deterministic generator, so the walks below are the same on every run.
struct Walker(u64);

impl Walker {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Half the time the first option (so all-"Not at all" paths happen too), else any.
    fn choose(&mut self, q: &Question) -> Vec<&'static str> {
        match q.kind {
            AnswerKind::SingleChoice => {
                let index = if self.below(2) == 0 {
                    0
                } else {
                    self.below(q.options.len())
                };
                vec![q.options[index].id]
            }
            AnswerKind::MultipleChoice => {
                let mut chosen: Vec<&str> = q
                    .options
                    .iter()
                    .filter(|_| self.below(3) == 0)
                    .map(|o| o.id)
                    .collect();
                if chosen.is_empty() {
                    chosen.push(q.options[self.below(q.options.len())].id);
                }
                chosen
            }
        }
    }
}

#[test]
fn random_walks_reach_every_question_take_every_branch_and_never_dead_end() {
    let mut walker = Walker(0x5eed_1e55_c0ff_ee01);
    let mut asked: HashSet<&str> = HashSet::new();
    let mut hidden_at_end: HashSet<&str> = HashSet::new();
    let mut chosen: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut asked_in_someone_else_mode: HashSet<&str> = HashSet::new();
    for _ in 0..3000 {
        let mut flow = SelfCheckFlow::new();
        let mut steps = 0;
        loop {
            steps += 1;
            assert!(
                steps <= 2 * QUESTION_SET.questions.len(),
                "the walk never reached the end"
            );
            match flow.stage() {
                Stage::Question(id) => {
                    let q = find(id);
                    asked.insert(id);
                    if flow.answers().mode() == Mode::SomeoneElse {
                        asked_in_someone_else_mode.insert(id);
                    }
                    let answer = walker.choose(q);
                    chosen.entry(id).or_default().extend(answer.iter().copied());
                    if let Err(error) = flow.answer(&answer) {
                        panic!("{id} refused {answer:?}: {error}");
                    }
                }
                Stage::SafetyInterrupt { .. } => {
                    if let Err(error) = flow.continue_after_interrupt() {
                        panic!("stuck after the interrupt: {error}");
                    }
                }
                Stage::CheckAnswers => break,
                Stage::Result => panic!("the result came before Check your answers"),
            }
        }
        let shown: HashSet<&str> = visible_questions(flow.answers())
            .iter()
            .map(|q| q.id)
            .collect();
        for q in QUESTION_SET.questions {
            if !shown.contains(q.id) {
                hidden_at_end.insert(q.id);
            }
        }
        if let Err(error) = flow.see_result() {
            panic!("no result after a complete walk: {error}");
        }
    }
    for q in QUESTION_SET.questions {
        assert!(asked.contains(q.id), "{} is never asked", q.id);
        if q.shown_when != Condition::Always {
            assert!(
                hidden_at_end.contains(q.id),
                "{} is conditional but never hidden",
                q.id
            );
        } else {
            assert!(!hidden_at_end.contains(q.id), "{} vanished", q.id);
        }
        for o in q.options {
            assert!(
                chosen.get(q.id).is_some_and(|c| c.contains(o.id)),
                "{}/{} is never chosen",
                q.id,
                o.id
            );
        }
    }
    for id in &asked_in_someone_else_mode {
        assert!(
            find(id).for_someone_else.is_some() || *id == question::FOR_WHOM,
            "{id} was asked about someone else without third-person wording"
        );
    }
    for id in question::PHQ9
        .iter()
        .chain(&question::GAD7)
        .chain(&question::AUDIT_C)
    {
        assert!(!asked_in_someone_else_mode.contains(id));
    }
    assert!(!asked_in_someone_else_mode.contains(question::DRUG_SCREEN));
}

#[test]
fn phq9_wording_is_the_official_wording() {
    assert_eq!(
        PHQ9_STEM,
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    );
    let expected = [
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself \u{2014} or that you are a failure or have let yourself or your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite \u{2014} being so fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ];
    for (id, text) in question::PHQ9.iter().zip(expected) {
        let q = find(id);
        assert_eq!(q.for_myself.text, text);
        assert_eq!(q.for_myself.lead_in, Some(PHQ9_STEM));
        assert_eq!(
            labels(q),
            [
                "Not at all",
                "Several days",
                "More than half the days",
                "Nearly every day"
            ]
        );
    }
    let difficulty = find(question::PHQ9_DIFFICULTY);
    assert_eq!(
        difficulty.for_myself.text,
        "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?"
    );
    assert_eq!(
        labels(difficulty),
        [
            "Not difficult at all",
            "Somewhat difficult",
            "Very difficult",
            "Extremely difficult"
        ]
    );
    assert_eq!(
        PHQ_CREDIT_LINE,
        "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute."
    );
}

#[test]
fn gad7_wording_is_the_official_wording() {
    assert_eq!(
        GAD7_STEM,
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    );
    let expected = [
        "Feeling nervous, anxious, or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid, as if something awful might happen",
    ];
    for (id, text) in question::GAD7.iter().zip(expected) {
        let q = find(id);
        assert_eq!(q.for_myself.text, text);
        assert_eq!(q.for_myself.lead_in, Some(GAD7_STEM));
        assert_eq!(
            labels(q),
            [
                "Not at all",
                "Several days",
                "More than half the days",
                "Nearly every day"
            ]
        );
    }
}

#[test]
fn audit_c_wording_is_the_who_wording() {
    let expected: [(&str, [&str; 5]); 3] = [
        (
            "How often do you have a drink containing alcohol?",
            [
                "Never",
                "Monthly or less",
                "2 to 4 times a month",
                "2 to 3 times a week",
                "4 or more times a week",
            ],
        ),
        (
            "How many drinks containing alcohol do you have on a typical day when you are drinking?",
            ["1 or 2", "3 or 4", "5 or 6", "7, 8, or 9", "10 or more"],
        ),
        (
            "How often do you have six or more drinks on one occasion?",
            [
                "Never",
                "Less than monthly",
                "Monthly",
                "Weekly",
                "Daily or almost daily",
            ],
        ),
    ];
    for (id, (text, options)) in question::AUDIT_C.iter().zip(expected) {
        let q = find(id);
        assert_eq!(q.for_myself.text, text);
        assert_eq!(q.for_myself.lead_in, Some(AUDIT_C_LEAD_IN));
        assert_eq!(labels(q), options);
    }
}

#[test]
fn the_drug_question_is_the_nida_single_question() {
    let q = find(question::DRUG_SCREEN);
    assert_eq!(
        q.for_myself.text,
        "How many times in the past year have you used an illegal drug or used a prescription medication for non-medical reasons?"
    );
    assert_eq!(labels(q), ["Never", "1 or more times"]);
    assert_eq!(scores(q), [Some(0), Some(1)]);
    assert_eq!(q.options[0].id, option::NEVER);
}
