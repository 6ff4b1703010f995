//! A generated catalogue, far larger than any practice's, and a fixed list of queries: what the
//! search benchmark measures keystroke latency on.
//!
//! The catalogue is deterministic for a given size and seed, so runs can be compared and the
//! same data can be fed to another search library. Titles, topics, tags and descriptions are
//! built from the practice's real topics and a few hundred everyday words, plus a few thousand
//! made-up names (places, programmes) so the vocabulary is as large as a real catalogue's.

use super::search::GroupDoc;

/// 200 queries as people type them: every keystroke of common searches, typos, synonyms and
/// multi-word searches. Prefixes repeat ("a", "an") because real typing repeats them.
pub const BENCHMARK_QUERIES: [&str; 200] = [
    "a",
    "an",
    "anx",
    "anxi",
    "anxie",
    "anxiet",
    "anxiety",
    "g",
    "gr",
    "gri",
    "grie",
    "grief",
    "grief s",
    "grief su",
    "grief sup",
    "grief supp",
    "grief suppo",
    "grief suppor",
    "grief support",
    "t",
    "tr",
    "tra",
    "trau",
    "traum",
    "trauma",
    "p",
    "pa",
    "par",
    "pare",
    "paren",
    "parent",
    "parenti",
    "parentin",
    "parenting",
    "b",
    "bo",
    "bor",
    "bord",
    "borde",
    "border",
    "borderl",
    "borderli",
    "borderlin",
    "borderline",
    "s",
    "su",
    "sub",
    "subs",
    "subst",
    "substa",
    "substan",
    "substanc",
    "substance",
    "substance a",
    "substance ab",
    "substance abu",
    "substance abus",
    "substance abuse",
    "s",
    "se",
    "sel",
    "self",
    "self c",
    "self co",
    "self com",
    "self comp",
    "self compa",
    "self compas",
    "self compass",
    "self compassi",
    "self compassio",
    "self compassion",
    "d",
    "db",
    "dbt",
    "dbt s",
    "dbt sk",
    "dbt ski",
    "dbt skil",
    "dbt skill",
    "dbt skills",
    "r",
    "re",
    "rel",
    "rela",
    "relat",
    "relati",
    "relatio",
    "relation",
    "relations",
    "relationsh",
    "relationshi",
    "relationship",
    "o",
    "oc",
    "ocd",
    "b",
    "bi",
    "bip",
    "bipo",
    "bipol",
    "bipola",
    "bipolar",
    "e",
    "ea",
    "eat",
    "eati",
    "eatin",
    "eating",
    "eating d",
    "eating di",
    "eating dis",
    "eating diso",
    "eating disor",
    "eating disord",
    "eating disorde",
    "eating disorder",
    "a",
    "an",
    "ang",
    "ange",
    "anger",
    "anger m",
    "anger ma",
    "anger man",
    "anger mana",
    "anger manag",
    "anger manage",
    "anger managem",
    "anger manageme",
    "anger managemen",
    "anger management",
    "anxeity",
    "grefe",
    "trauam",
    "depresion",
    "borderlin",
    "parentng",
    "subtance",
    "narcisistic",
    "compasion",
    "bipoler",
    "obsesive",
    "relatinship",
    "divorse",
    "angr",
    "eatting",
    "grieff",
    "ptds",
    "traumma",
    "anxity",
    "depressoin",
    "ptsd",
    "bpd",
    "addiction",
    "alcohol",
    "drugs",
    "kids",
    "breakup",
    "mood",
    "abuse",
    "teenager",
    "bereavement",
    "adolescents",
    "drinking",
    "children",
    "borderline personality",
    "narcissist",
    "anxiety teen",
    "grief evening",
    "trauma ptsd",
    "alcohol recovery",
    "kids anger",
    "teen anxiety group",
    "evening grief circle",
    "weekend dbt",
    "parenting teens",
    "divorce support",
    "morning anxiety",
    "ocd exposure",
    "trauma grounding",
    "bipolar routine",
    "self compassion practice",
    "loved one bpd",
    "narcissistic abuse recovery",
    "substance use",
    "low mood",
    "panic attacks",
    "social anxiety",
    "co parenting",
    "anger at work",
    "eating disorder recovery",
    "sleep and worry",
    "grief after loss",
    "cbt tools",
    "intrusive thoughts",
    "mindfulness",
    "boundaries",
    "gaslighting",
    "relapse prevention",
];

/// A topic with the words its groups are named and described by.
struct TopicWords {
    topic: &'static str,
    names: &'static [&'static str],
    tags: &'static [&'static str],
    words: &'static [&'static str],
}

const TOPICS: &[TopicWords] = &[
    TopicWords {
        topic: "DBT",
        names: &["DBT Skills", "Dialectical Behavior Therapy", "DBT"],
        tags: &[
            "dbt",
            "emotion regulation",
            "distress tolerance",
            "mindfulness",
            "skills",
        ],
        words: &[
            "validation",
            "wise mind",
            "radical acceptance",
            "urges",
            "emotions",
        ],
    },
    TopicWords {
        topic: "CBT",
        names: &["CBT Tools", "Cognitive Behavioral Therapy", "CBT"],
        tags: &[
            "cbt",
            "negative thoughts",
            "habits",
            "worksheets",
            "thinking traps",
        ],
        words: &[
            "beliefs",
            "behaviour",
            "experiments",
            "patterns",
            "reframing",
        ],
    },
    TopicWords {
        topic: "Anxiety & Depression",
        names: &["Anxiety & Depression", "Anxiety", "Low Mood", "Depression"],
        tags: &["worry", "low mood", "panic attacks", "stress", "sleep"],
        words: &["overthinking", "sadness", "energy", "calm", "motivation"],
    },
    TopicWords {
        topic: "Trauma & PTSD",
        names: &["Trauma & PTSD", "Trauma Recovery", "PTSD"],
        tags: &["ptsd", "trauma", "flashbacks", "grounding", "nightmares"],
        words: &[
            "safety",
            "nervous system",
            "memories",
            "triggers",
            "stabilisation",
        ],
    },
    TopicWords {
        topic: "Anger Management",
        names: &["Anger Management", "Anger", "Keeping Your Cool"],
        tags: &["anger", "irritability", "conflict", "calm", "rage"],
        words: &[
            "warning signs",
            "arguments",
            "work",
            "cooling down",
            "respect",
        ],
    },
    TopicWords {
        topic: "OCD",
        names: &["OCD", "Intrusive Thoughts", "OCD & ERP"],
        tags: &["ocd", "erp", "exposure", "intrusive thoughts", "rituals"],
        words: &[
            "doubt",
            "checking",
            "reassurance",
            "compulsions",
            "obsessions",
        ],
    },
    TopicWords {
        topic: "Borderline Personality Disorder",
        names: &[
            "Living with BPD",
            "Borderline Personality Disorder",
            "BPD Skills",
        ],
        tags: &[
            "bpd",
            "borderline",
            "emotions",
            "relationships",
            "self-worth",
        ],
        words: &[
            "abandonment",
            "identity",
            "impulses",
            "intensity",
            "self-harm",
        ],
    },
    TopicWords {
        topic: "Bipolar Disorder",
        names: &[
            "Bipolar Disorder",
            "Bipolar Support",
            "Living Well with Bipolar",
        ],
        tags: &["bipolar", "mood swings", "mania", "routine", "medication"],
        words: &["episodes", "sleep", "stability", "warning signs", "family"],
    },
    TopicWords {
        topic: "Relationship Issues",
        names: &["Healthier Relationships", "Relationships", "Connection"],
        tags: &[
            "relationships",
            "communication",
            "boundaries",
            "attachment",
            "dating",
        ],
        words: &["partners", "trust", "conflict", "intimacy", "loneliness"],
    },
    TopicWords {
        topic: "Divorce",
        names: &["Rebuilding After Divorce", "Divorce Support", "Separation"],
        tags: &[
            "divorce",
            "separation",
            "co-parenting",
            "starting over",
            "breakup",
        ],
        words: &["marriage", "custody", "finances", "identity", "loneliness"],
    },
    TopicWords {
        topic: "Narcissistic Abuse",
        names: &[
            "Narcissistic Abuse Recovery",
            "Healing from Narcissistic Abuse",
        ],
        tags: &[
            "emotional abuse",
            "gaslighting",
            "manipulation",
            "no contact",
            "self-worth",
        ],
        words: &[
            "trauma bond",
            "boundaries",
            "confidence",
            "survivors",
            "trust",
        ],
    },
    TopicWords {
        topic: "Self-Compassion",
        names: &[
            "Self-Compassion Practice",
            "Self-Compassion",
            "Kindness to Yourself",
        ],
        tags: &[
            "self-criticism",
            "shame",
            "kindness",
            "mindfulness",
            "self-esteem",
        ],
        words: &[
            "inner critic",
            "practice",
            "warmth",
            "mistakes",
            "resilience",
        ],
    },
    TopicWords {
        topic: "Grief & Loss",
        names: &["Grief & Loss", "Grief Support", "Grieving Together"],
        tags: &["grief", "bereavement", "loss", "mourning", "anniversaries"],
        words: &["remembering", "widowed", "holidays", "memories", "comfort"],
    },
    TopicWords {
        topic: "Parenting",
        names: &["Parenting with Confidence", "Parenting", "Parenting Teens"],
        tags: &["parents", "kids", "children", "tantrums", "discipline"],
        words: &["bedtime", "screens", "school", "siblings", "family"],
    },
    TopicWords {
        topic: "Substance Abuse",
        names: &[
            "Substance Use Recovery",
            "Early Recovery",
            "Alcohol and Drugs",
        ],
        tags: &[
            "addiction",
            "alcohol",
            "drugs",
            "sobriety",
            "relapse prevention",
        ],
        words: &["cravings", "triggers", "recovery", "support", "step down"],
    },
    TopicWords {
        topic: "Supporting a Loved One with BPD",
        names: &[
            "Supporting a Loved One with BPD",
            "Family Connections",
            "Loved Ones of BPD",
        ],
        tags: &["family", "partners", "bpd", "validation", "caregivers"],
        words: &[
            "boundaries",
            "burnout",
            "communication",
            "crisis",
            "loved one",
        ],
    },
    TopicWords {
        topic: "Eating Disorders",
        names: &[
            "Eating Disorder Recovery",
            "Food and Body",
            "Eating Disorders",
        ],
        tags: &["anorexia", "bulimia", "binge eating", "body image", "food"],
        words: &[
            "meals",
            "mirror",
            "recovery",
            "treatment team",
            "nourishment",
        ],
    },
    TopicWords {
        topic: "Teen Anxiety",
        names: &["Teen Anxiety", "Teens & Stress", "Calm for Teens"],
        tags: &["teens", "school stress", "social anxiety", "panic", "exams"],
        words: &[
            "friends",
            "adolescents",
            "social media",
            "parents",
            "confidence",
        ],
    },
];

const OPENINGS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Evening",
    "Morning",
    "Weekend",
    "Lunchtime",
    "Gentle",
    "Steady",
    "Open",
    "Small",
    "Women's",
    "Men's",
    "Young Adult",
    "LGBTQ+",
    "Veterans'",
    "Working Parents'",
    "Night Owl",
];

const GROUP_NOUNS: &[&str] = &[
    "Group",
    "Circle",
    "Support Group",
    "Skills Group",
    "Workshop",
    "Community",
    "Practice",
    "Recovery Group",
    "Check-in",
    "Collective",
];

const ADJECTIVES: &[&str] = &[
    "warm",
    "practical",
    "gentle",
    "structured",
    "friendly",
    "honest",
    "relaxed",
    "welcoming",
    "focused",
    "hopeful",
    "small",
    "steady",
    "confidential",
    "supportive",
    "unhurried",
];

const AUDIENCES: &[&str] = &[
    "adults",
    "parents",
    "partners",
    "young adults",
    "working professionals",
    "students",
    "veterans",
    "new members",
    "people in recovery",
    "caregivers",
    "couples",
    "older adults",
];

const ACTIVITIES: &[&str] = &[
    "breathing exercises",
    "journaling",
    "role play",
    "short readings",
    "guided practice",
    "goal setting",
    "check-ins",
    "homework",
    "group discussion",
    "grounding exercises",
    "problem solving",
    "skills coaching",
    "reflection",
    "peer feedback",
    "planning the week",
];

const FEELINGS: &[&str] = &[
    "stress",
    "worry",
    "sadness",
    "loneliness",
    "shame",
    "guilt",
    "fear",
    "frustration",
    "overwhelm",
    "hope",
    "relief",
    "confidence",
    "calm",
    "anger",
    "numbness",
];

const PLACES: &[&str] = &[
    "home",
    "work",
    "school",
    "family",
    "friendships",
    "relationships",
    "the evenings",
    "weekends",
    "holidays",
    "mornings",
];

const SENTENCES: &[&str] = &[
    "A {adj} group for {aud} dealing with {word} and {word}.",
    "Each week we use {act} and {act} to work on {tag}.",
    "Members often talk about {feel}, {feel} and {word} at {place}.",
    "Led by a licensed therapist who trained in {name} and has run groups for years.",
    "Sessions mix {act} with time to share, and nobody has to speak.",
    "You will learn practical ways to handle {tag} and {feel}.",
    "Previous members came from {name} and {name} and kept in touch afterwards.",
    "It suits {aud} who want more than weekly therapy but less than {word}.",
    "We keep a {adj} pace and revisit {tag} whenever it comes up.",
    "Bring whatever the week brought: {feel} at {place}, {word}, or simply {feel}.",
];

/// A deterministic pseudo-random sequence (SplitMix64).
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ran", "te", "vo", "sel", "bri", "dun", "ha", "no", "qui", "za", "fen",
    "gor", "li", "mar", "pe", "shi", "tor", "ul", "wen", "ya", "cro", "dal", "ev", "ist", "jo",
    "ket", "ros",
];

/// The `i`th made-up name, e.g. "Kalomi": a stand-in for places and programme names.
fn made_up_name(i: usize) -> String {
    let n = SYLLABLES.len();
    let mut name = String::new();
    let mut rest = i;
    for _ in 0..3 {
        name.push_str(SYLLABLES[rest % n]);
        rest /= n;
    }
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// How many different made-up names the generator draws from.
const MADE_UP_NAMES: usize = 4000;

/// `n` groups generated from `seed`; the same arguments always give the same catalogue.
pub fn synthetic_catalogue(n: usize, seed: u64) -> Vec<GroupDoc> {
    let mut dice = Dice(seed);
    (0..n)
        .map(|_| {
            let topic = &TOPICS[dice.below(TOPICS.len())];
            let title = format!(
                "{} {} {}",
                dice.pick(OPENINGS),
                dice.pick(topic.names),
                dice.pick(GROUP_NOUNS)
            );
            let mut tags: Vec<String> = Vec::new();
            for _ in 0..3 + dice.below(3) {
                let tag = dice.pick(topic.tags).to_owned();
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
            let sentences = 3 + dice.below(3);
            let description = (0..sentences)
                .map(|_| fill(dice.pick(SENTENCES), topic, &mut dice))
                .collect::<Vec<_>>()
                .join(" ");
            GroupDoc {
                title,
                topic: topic.topic.to_owned(),
                tags,
                description,
            }
        })
        .collect()
}

/// Fills a sentence's `{…}` slots.
fn fill(template: &str, topic: &TopicWords, dice: &mut Dice) -> String {
    let mut out = String::with_capacity(template.len() + 40);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let slot = &rest[open + 1..open + close];
        match slot {
            "adj" => out.push_str(dice.pick(ADJECTIVES)),
            "aud" => out.push_str(dice.pick(AUDIENCES)),
            "act" => out.push_str(dice.pick(ACTIVITIES)),
            "feel" => out.push_str(dice.pick(FEELINGS)),
            "place" => out.push_str(dice.pick(PLACES)),
            "tag" => out.push_str(dice.pick(topic.tags)),
            "word" => out.push_str(dice.pick(topic.words)),
            _ => out.push_str(&made_up_name(dice.below(MADE_UP_NAMES))),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::groups::search::SearchIndex;

    #[test]
    fn same_seed_same_catalogue_other_seed_other_catalogue() {
        assert_eq!(synthetic_catalogue(50, 1), synthetic_catalogue(50, 1));
        assert_ne!(synthetic_catalogue(50, 1), synthetic_catalogue(50, 2));
        assert_eq!(synthetic_catalogue(0, 1), vec![]);
    }

    #[test]
    fn generated_groups_look_like_real_ones() {
        let docs = synthetic_catalogue(500, 42);
        assert_eq!(docs.len(), 500);
        for doc in &docs {
            assert!(TOPICS.iter().any(|t| t.topic == doc.topic));
            assert!(!doc.title.is_empty() && !doc.tags.is_empty());
            assert!(doc.description.len() > 80, "{}", doc.description);
            assert!(!doc.description.contains('{'), "{}", doc.description);
        }
        for topic in TOPICS {
            assert!(
                docs.iter().any(|d| d.topic == topic.topic),
                "{}",
                topic.topic
            );
        }
    }

    #[test]
    fn made_up_names_are_distinct_words() {
        let names: std::collections::BTreeSet<String> =
            (0..MADE_UP_NAMES).map(made_up_name).collect();
        assert_eq!(names.len(), MADE_UP_NAMES);
    }

    /// Runs the benchmark queries natively over 10,000 generated groups and prints latency
    /// figures (the browser benchmark is the one that counts; this shows the order of
    /// magnitude). It asserts only that every query finds something, so the figures measure
    /// real work.
    #[test]
    fn benchmark_queries_over_ten_thousand_groups() {
        use std::time::Instant;
        let docs = synthetic_catalogue(10_000, 2026);
        let started = Instant::now();
        let index = SearchIndex::build(&docs);
        let build = started.elapsed();
        let mut timings = Vec::with_capacity(BENCHMARK_QUERIES.len());
        for query in BENCHMARK_QUERIES {
            let started = Instant::now();
            let hits = index.search(query, 50);
            timings.push(started.elapsed());
            assert!(!hits.is_empty(), "{query:?} finds nothing");
        }
        let mut slowest: Vec<(std::time::Duration, &str)> =
            timings.iter().copied().zip(BENCHMARK_QUERIES).collect();
        slowest.sort_unstable_by_key(|(time, _)| std::cmp::Reverse(*time));
        println!("slowest: {:?}", &slowest[..8]);
        timings.sort_unstable();
        let percentile = |p: usize| timings[(timings.len() * p / 100).min(timings.len() - 1)];
        println!(
            "search over {} groups ({} distinct words): build {:?}; 200 queries total {:?}, \
             p50 {:?}, p95 {:?}, max {:?}",
            docs.len(),
            index.vocabulary_size(),
            build,
            timings.iter().sum::<std::time::Duration>(),
            percentile(50),
            percentile(95),
            timings[timings.len() - 1],
        );
    }
}
