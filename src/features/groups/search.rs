//! Search-as-you-type over the group catalogue, on the device.
//!
//! A person types a few letters of what they are going through ("trau", "anxeity", "kids") and
//! expects the right groups at once, on a phone, without the query leaving the device. The index
//! is built once per catalogue: every distinct word of the titles, topics, tags and descriptions
//! becomes a vocabulary term with a postings list (which groups use it, and in which fields).
//! A query word is matched against the vocabulary exactly, as a prefix (the person is still
//! typing), through a short list of synonyms (PTSD ↔ trauma, kids ↔ parenting …) and, only when
//! none of those find anything, with one or two typos. Groups are scored by where their words
//! matched (title over topic and tags over description), every query word must match (falling
//! back to "most words match" when none match them all), and groups whose title holds every query
//! word exactly come first.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use frontdoor_contract::Group;
use serde::{Deserialize, Serialize};

/// The searchable text of one group. Serialisable so a benchmark can hand the same catalogue
/// to another search library.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupDoc {
    pub title: String,
    pub topic: String,
    pub tags: Vec<String>,
    pub description: String,
}

impl From<&Group> for GroupDoc {
    fn from(group: &Group) -> Self {
        Self {
            title: group.title.clone(),
            topic: group.topic.clone(),
            tags: group.tags.clone(),
            description: group.description.clone(),
        }
    }
}

/// One group that matches a query: its position in the catalogue and how well it matched.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Index into the slice the [`SearchIndex`] was built from.
    pub doc: usize,
    /// Higher is better; only comparable within one query's results.
    pub score: f32,
}

const TITLE: u8 = 1;
const TOPIC: u8 = 2;
const TAG: u8 = 4;
const DESCRIPTION: u8 = 8;

/// What a match in a field is worth, by the set of fields a word appears in (the best one
/// counts): title, then topic, then tags, then description.
const FIELD_WEIGHT: [f32; 16] = {
    let mut weights = [0.0; 16];
    let mut fields = 1;
    while fields < 16 {
        weights[fields] = if fields & TITLE as usize != 0 {
            10.0
        } else if fields & TOPIC as usize != 0 {
            6.0
        } else if fields & TAG as usize != 0 {
            5.0
        } else {
            1.0
        };
        fields += 1;
    }
    weights
};

/// Added when every query word is a whole word of the title.
const TITLE_HOLDS_EVERY_WORD: f32 = 100.0;
/// Added on top when the query is the title (ignoring small words and order).
const TITLE_IS_THE_QUERY: f32 = 50.0;
/// How much a synonym's match is worth next to the word itself.
const SYNONYM: f32 = 0.8;
/// Query words beyond this many are ignored; nobody types more, and it bounds the work.
const MAX_QUERY_WORDS: usize = 8;
/// Characters of a query word beyond this are ignored.
const MAX_WORD_CHARS: usize = 32;

/// Words related closely enough that searching for one should find the others.
const SYNONYM_GROUPS: &[&[&str]] = &[
    &["ptsd", "trauma", "traumatic"],
    &[
        "addiction",
        "addicted",
        "alcohol",
        "drinking",
        "drug",
        "drugs",
        "substance",
        "substances",
    ],
    &["bpd", "borderline"],
    &["depression", "depressed", "mood"],
    &["breakup", "divorce", "separation"],
    &["breakup", "relationship", "relationships"],
    &[
        "kids",
        "kid",
        "children",
        "child",
        "parenting",
        "parent",
        "parents",
    ],
    &["abuse", "narcissistic", "narcissist"],
    &["anxiety", "anxious"],
    &["anger", "angry", "rage"],
    &["grief", "grieving", "bereavement", "mourning"],
    &["ocd", "obsessive", "compulsive"],
    &["bipolar", "manic", "mania"],
    &[
        "teen",
        "teens",
        "teenager",
        "teenagers",
        "adolescent",
        "adolescents",
    ],
    &["eating", "anorexia", "bulimia", "binge"],
    &["dbt", "dialectical"],
    &["cbt", "cognitive"],
];

/// Small and filler words that carry no topic ("help with anger" is about anger); dropped from
/// the index and from finished query words.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "but", "by", "can", "do", "find", "for", "from", "get", "has", "have", "he", "help",
    "her", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "looking", "me", "my",
    "need", "no", "not", "of", "on", "or", "our", "she", "so", "some", "than", "that", "the",
    "their", "them", "then", "there", "they", "this", "to", "up", "us", "want", "was", "we",
    "were", "what", "when", "where", "which", "who", "will", "with", "you", "your",
];

fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// A distinct word of the catalogue.
#[derive(Debug, Clone)]
struct Term {
    text: Box<str>,
    chars: Box<[char]>,
    mask: u64,
    /// Range of this term's postings in [`SearchIndex::postings`]: those in a title, topic or
    /// tag from `start` to `named_end`, then those only in a description up to `end`.
    start: u32,
    named_end: u32,
    end: u32,
}

/// One group that uses a term, and the fields it uses it in.
#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    fields: u8,
}

/// A word with related words, and the vocabulary terms those related words are.
#[derive(Debug, Clone)]
struct SynonymKey {
    text: Box<str>,
    chars: Box<[char]>,
    mask: u64,
    expansions: Vec<u32>,
}

/// A vocabulary term matched by one query word.
#[derive(Debug, Clone, Copy)]
struct TermMatch {
    term: u32,
    quality: f32,
    /// The query word is this whole word (or its plural/singular), not a prefix, typo or synonym.
    exact: bool,
    /// Only title, topic and tag uses count: a prefix of one or two letters says too little to
    /// pick out descriptions, and skipping them keeps the first keystrokes fast.
    named_only: bool,
}

/// Prefixes this short match only titles, topics and tags.
const SHORT_PREFIX: usize = 2;

/// Second words of phrases whose first word already says it all: "substance use" should find
/// an addiction group that never says "use".
const PHRASE_TAILS: &[(&str, &str)] = &[
    ("substance", "use"),
    ("substance", "abuse"),
    ("narcissistic", "abuse"),
    ("drug", "use"),
    ("alcohol", "use"),
    ("low", "mood"),
];

/// A word of the query, ready to match.
#[derive(Debug, Clone)]
struct QueryWord {
    text: String,
    chars: Vec<char>,
    mask: u64,
    stem: Option<String>,
    /// Not required to match: a small word the person may still be typing ("the" → "therapy"),
    /// dropped if it matches nothing, or the tail of a phrase such as "substance use".
    optional: bool,
}

/// The search index over one catalogue.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    doc_count: usize,
    /// Sorted by text, so a prefix's terms are a contiguous run.
    terms: Vec<Term>,
    postings: Vec<Posting>,
    synonyms: Vec<SynonymKey>,
    /// Distinct indexed words in each title.
    title_words: Vec<u16>,
}

impl SearchIndex {
    /// Indexes `docs`; hits refer to positions in this slice.
    pub fn build(docs: &[GroupDoc]) -> Self {
        let mut by_term: HashMap<String, Vec<Posting>> = HashMap::new();
        let mut fields_of: HashMap<String, u8> = HashMap::new();
        let mut title_words = Vec::with_capacity(docs.len());
        for (doc, group) in docs.iter().enumerate() {
            fields_of.clear();
            let mut add = |text: &str, field: u8| {
                for_each_word(text, |word| {
                    if is_indexable(word) {
                        match fields_of.get_mut(word) {
                            Some(fields) => *fields |= field,
                            None => {
                                fields_of.insert(word.to_owned(), field);
                            }
                        }
                    }
                });
            };
            add(&group.title, TITLE);
            add(&group.topic, TOPIC);
            for tag in &group.tags {
                add(tag, TAG);
            }
            add(&group.description, DESCRIPTION);
            let in_title = fields_of.values().filter(|f| **f & TITLE != 0).count();
            title_words.push(u16::try_from(in_title).unwrap_or(u16::MAX));
            let doc = u32::try_from(doc).unwrap_or(u32::MAX);
            for (word, fields) in fields_of.drain() {
                by_term
                    .entry(word)
                    .or_default()
                    .push(Posting { doc, fields });
            }
        }

        let mut vocabulary: Vec<(String, Vec<Posting>)> = by_term.into_iter().collect();
        vocabulary.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut terms = Vec::with_capacity(vocabulary.len());
        let mut postings = Vec::new();
        for (text, mut list) in vocabulary {
            let start = postings.len() as u32;
            // Titles, topics and tags first; the order within each part stays the catalogue's.
            list.sort_by_key(|p| p.fields == DESCRIPTION);
            let named = list.iter().filter(|p| p.fields != DESCRIPTION).count() as u32;
            postings.extend(list);
            let chars: Box<[char]> = text.chars().collect();
            terms.push(Term {
                mask: char_mask(&chars),
                chars,
                text: text.into_boxed_str(),
                start,
                named_end: start + named,
                end: postings.len() as u32,
            });
        }

        let synonyms = build_synonyms(&terms);
        Self {
            doc_count: docs.len(),
            terms,
            postings,
            synonyms,
            title_words,
        }
    }

    /// How many groups the index holds.
    pub fn len(&self) -> usize {
        self.doc_count
    }

    /// True when the catalogue is empty.
    pub fn is_empty(&self) -> bool {
        self.doc_count == 0
    }

    /// How many distinct words the catalogue uses.
    pub fn vocabulary_size(&self) -> usize {
        self.terms.len()
    }

    /// Up to `limit` groups matching `query`, best first (ties in catalogue order). A query with
    /// no searchable words returns the catalogue in its own order.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        if limit == 0 {
            return Vec::new();
        }
        let words = query_words(query);
        // (required, matches) per query word.
        let mut per_word: Vec<(bool, Vec<TermMatch>)> = Vec::with_capacity(words.len());
        let mut scratch = DistanceRows::default();
        for word in &words {
            let matches = self.match_word(word, &mut scratch);
            if !(word.optional && matches.is_empty()) {
                per_word.push((!word.optional, matches));
            }
        }
        if per_word.is_empty() {
            return self.everything(limit);
        }
        if per_word.iter().all(|(required, _)| !required) {
            // Only small words, still being typed ("the" → "therapy"): they are the query.
            for (required, _) in &mut per_word {
                *required = true;
            }
        }

        let n = self.doc_count;
        let required = per_word.iter().filter(|(required, _)| *required).count();
        let mut total = vec![0.0f32; n];
        let mut matched = vec![0u8; n];
        let mut exact_in_title = vec![0u8; n];
        let mut best = vec![0.0f32; n];
        let mut best_exact = vec![false; n];
        let mut touched: Vec<u32> = Vec::new();
        for (is_required, matches) in &per_word {
            for m in matches {
                let term = &self.terms[m.term as usize];
                let end = if m.named_only {
                    term.named_end
                } else {
                    term.end
                };
                for posting in &self.postings[term.start as usize..end as usize] {
                    let doc = posting.doc as usize;
                    let score = m.quality * FIELD_WEIGHT[posting.fields as usize];
                    if best[doc] == 0.0 {
                        touched.push(posting.doc);
                    }
                    if score > best[doc] {
                        best[doc] = score;
                    }
                    if m.exact && posting.fields & TITLE != 0 {
                        best_exact[doc] = true;
                    }
                }
            }
            for &doc in &touched {
                let doc = doc as usize;
                total[doc] += best[doc];
                if *is_required {
                    matched[doc] += 1;
                    exact_in_title[doc] += u8::from(best_exact[doc]);
                }
                best[doc] = 0.0;
                best_exact[doc] = false;
            }
            touched.clear();
        }

        let required = u8::try_from(required).unwrap_or(u8::MAX);
        let mut hits: Vec<Hit> = (0..n)
            .filter(|&doc| matched[doc] == required)
            .map(|doc| {
                let mut score = total[doc];
                if exact_in_title[doc] == required {
                    score += TITLE_HOLDS_EVERY_WORD;
                    if self.title_words[doc] == u16::from(required) {
                        score += TITLE_IS_THE_QUERY;
                    }
                }
                Hit { doc, score }
            })
            .collect();
        if hits.is_empty() {
            // No group has every word: rank those with most of them.
            hits = (0..n)
                .filter(|&doc| matched[doc] > 0)
                .map(|doc| Hit {
                    doc,
                    score: f32::from(matched[doc]) * 1000.0 + total[doc],
                })
                .collect();
        }
        top(hits, limit)
    }

    fn everything(&self, limit: usize) -> Vec<Hit> {
        (0..self.doc_count.min(limit))
            .map(|doc| Hit { doc, score: 0.0 })
            .collect()
    }

    /// The vocabulary terms one query word stands for. Exact, prefix and synonym matches come
    /// first; typos are only considered when those find nothing, so "form" never drags in "from".
    fn match_word(&self, word: &QueryWord, rows: &mut DistanceRows) -> Vec<TermMatch> {
        let mut out = Vec::new();
        self.exact_and_prefix(&word.text, 1.0, &mut out);
        if let Some(stem) = &word.stem {
            self.exact_and_prefix(stem, 0.95, &mut out);
        }
        for key in &self.synonyms {
            let quality = if *key.text == *word.text || word.stem.as_deref() == Some(&*key.text) {
                1.0
            } else if word.chars.len() >= 3 && key.text.starts_with(word.text.as_str()) {
                prefix_quality(word.chars.len(), key.chars.len())
            } else {
                continue;
            };
            push_synonyms(key, quality, &mut out);
        }
        if out.is_empty() && !word.optional {
            for &(max_edits, same_first_letter) in typo_tiers(word.chars.len()) {
                self.typos(word, max_edits, same_first_letter, rows, &mut out);
                if !out.is_empty() {
                    break;
                }
            }
        }
        dedup_matches(out)
    }

    fn exact_and_prefix(&self, text: &str, exact_quality: f32, out: &mut Vec<TermMatch>) {
        let first = self.terms.partition_point(|t| &*t.text < text);
        let length = text.chars().count();
        for (offset, term) in self.terms[first..].iter().enumerate() {
            if !term.text.starts_with(text) {
                break;
            }
            let term_id = (first + offset) as u32;
            if term.text.len() == text.len() {
                out.push(TermMatch {
                    term: term_id,
                    quality: exact_quality,
                    exact: true,
                    named_only: false,
                });
            } else {
                out.push(TermMatch {
                    term: term_id,
                    quality: prefix_quality(length, term.chars.len()),
                    exact: false,
                    named_only: length <= SHORT_PREFIX,
                });
            }
        }
    }

    fn typos(
        &self,
        word: &QueryWord,
        max_edits: usize,
        same_first_letter: bool,
        rows: &mut DistanceRows,
        out: &mut Vec<TermMatch>,
    ) {
        let candidate = |chars: &[char], mask: u64| {
            (word.mask & !mask).count_ones() as usize <= max_edits
                && chars.len() + max_edits >= word.chars.len()
                && (!same_first_letter || chars.first() == word.chars.first())
        };
        for (id, term) in self.terms.iter().enumerate() {
            if candidate(&term.chars, term.mask)
                && let Some(quality) = typo_quality(&word.chars, &term.chars, max_edits, rows)
            {
                out.push(TermMatch {
                    term: id as u32,
                    quality,
                    exact: false,
                    named_only: false,
                });
            }
        }
        for key in &self.synonyms {
            if candidate(&key.chars, key.mask)
                && let Some(quality) = typo_quality(&word.chars, &key.chars, max_edits, rows)
            {
                push_synonyms(key, quality, out);
            }
        }
    }
}

fn push_synonyms(key: &SynonymKey, quality: f32, out: &mut Vec<TermMatch>) {
    out.extend(key.expansions.iter().map(|&term| TermMatch {
        term,
        quality: quality * SYNONYM,
        exact: false,
        named_only: false,
    }));
}

/// How many typos to try, in turn, for a query word of `length` characters, and whether the
/// first letter must then be right. Short words get none: "ang" has too many neighbours.
fn typo_tiers(length: usize) -> &'static [(usize, bool)] {
    match length {
        0..=3 => &[],
        4 => &[(1, false)],
        5..=6 => &[(1, false), (2, true)],
        _ => &[(1, false), (2, false)],
    }
}

/// A prefix of a longer word is worth less than the word, and more the more of it is typed.
fn prefix_quality(typed: usize, full: usize) -> f32 {
    0.7 + 0.2 * typed as f32 / full.max(1) as f32
}

/// Keeps each term once, with its best quality.
fn dedup_matches(mut matches: Vec<TermMatch>) -> Vec<TermMatch> {
    matches.sort_unstable_by_key(|m| m.term);
    let mut out: Vec<TermMatch> = Vec::with_capacity(matches.len());
    for m in matches {
        match out.last_mut() {
            Some(last) if last.term == m.term => {
                last.quality = last.quality.max(m.quality);
                last.exact |= m.exact;
                last.named_only &= m.named_only;
            }
            _ => out.push(m),
        }
    }
    out
}

/// The best `limit` hits, best first, ties in catalogue order.
fn top(mut hits: Vec<Hit>, limit: usize) -> Vec<Hit> {
    let order = |a: &Hit, b: &Hit| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc));
    if hits.len() > limit {
        hits.select_nth_unstable_by(limit - 1, order);
        hits.truncate(limit);
    }
    hits.sort_unstable_by(order);
    hits
}

fn build_synonyms(terms: &[Term]) -> Vec<SynonymKey> {
    let mut related: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for group in SYNONYM_GROUPS {
        for word in *group {
            let others = related.entry(word).or_default();
            others.extend(group.iter().filter(|other| *other != word));
        }
    }
    // Terms by the word they are (or are the plural of).
    let mut by_word: HashMap<&str, Vec<u32>> = HashMap::new();
    for (id, term) in terms.iter().enumerate() {
        by_word.entry(&term.text).or_default().push(id as u32);
        if let Some((word, _)) = plural_stem(&term.text).and_then(|s| related.get_key_value(s)) {
            by_word.entry(word).or_default().push(id as u32);
        }
    }
    related
        .into_iter()
        .filter_map(|(word, others)| {
            let mut expansions: Vec<u32> = others
                .iter()
                .flat_map(|other| by_word.get(other).into_iter().flatten().copied())
                .collect();
            expansions.sort_unstable();
            expansions.dedup();
            (!expansions.is_empty()).then(|| {
                let chars: Box<[char]> = word.chars().collect();
                SynonymKey {
                    text: word.into(),
                    mask: char_mask(&chars),
                    chars,
                    expansions,
                }
            })
        })
        .collect()
}

/// The searchable words of a query. The last word, if the person is still typing it, may be a
/// prefix even when it is a small word ("the" → "therapy").
fn query_words(query: &str) -> Vec<QueryWord> {
    let mut raw = Vec::new();
    for_each_word(query, |word| {
        if raw.len() < 4 * MAX_QUERY_WORDS {
            raw.push(word.chars().take(MAX_WORD_CHARS).collect::<String>());
        }
    });
    let still_typing = query
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || is_combining_mark(c));
    let last = raw.len().saturating_sub(1);
    let mut words: Vec<QueryWord> = Vec::new();
    for (i, text) in raw.iter().enumerate() {
        let being_typed = still_typing && i == last;
        let small = is_stopword(text) || text.chars().count() < 2;
        if (small && !being_typed) || words.iter().any(|w| w.text == *text) {
            continue;
        }
        let tail = i > 0
            && PHRASE_TAILS
                .iter()
                .any(|(head, tail)| raw[i - 1] == *head && text == tail);
        let chars: Vec<char> = text.chars().collect();
        words.push(QueryWord {
            mask: char_mask(&chars),
            stem: plural_stem(text).map(str::to_owned),
            chars,
            text: text.clone(),
            optional: small || tail,
        });
        if words.len() == MAX_QUERY_WORDS {
            break;
        }
    }
    words
}

/// Words worth indexing: not small words, and at least two characters unless a number.
fn is_indexable(word: &str) -> bool {
    !is_stopword(word) && (word.len() >= 2 || word.bytes().all(|b| b.is_ascii_digit()))
}

/// The stem of a simple English plural: "teens" → "teen"; "anxieties" → "anxiet", which a
/// prefix search completes to "anxiety". Leaves "stress", "focus" and "analysis" alone.
fn plural_stem(word: &str) -> Option<&str> {
    if word.len() >= 5 && word.ends_with("ies") {
        return word.get(..word.len() - 3);
    }
    let keeps_s = ["ss", "us", "is"].iter().any(|end| word.ends_with(end));
    (word.len() >= 4 && word.ends_with('s') && !keeps_s).then(|| &word[..word.len() - 1])
}

/// Calls `f` with each word of `text`: lowercase, accents removed, apostrophes dropped
/// ("Don’t" → "dont"), split at anything that is not a letter or digit.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    for c in text.chars() {
        if matches!(c, '\'' | '\u{2019}') || is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            push_folded(c, &mut word);
        } else if !word.is_empty() {
            f(&word);
            word.clear();
        }
    }
    if !word.is_empty() {
        f(&word);
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}')
}

/// Appends `c` lowercased and without its accent.
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        match fold_accent(lower) {
            Some(plain) => out.push_str(plain),
            None => out.push(lower),
        }
    }
}

/// The unaccented Latin letters of a lowercase accented one, if it is one.
fn fold_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => return None,
    })
}

/// One bit per letter or digit a word contains (other characters share the remaining bits). A
/// word `q` within `k` edits of `t` has at most `k` letters that `t` lacks, so comparing masks
/// rules out most of the vocabulary before any distance is computed.
fn char_mask(chars: &[char]) -> u64 {
    chars.iter().fold(0, |mask, &c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + (c as u32 - '0' as u32),
            _ => 36 + c as u32 % 28,
        };
        mask | 1 << bit
    })
}

/// Reusable rows for [`typo_quality`].
#[derive(Debug, Default)]
struct DistanceRows {
    before_last: Vec<usize>,
    last: Vec<usize>,
    current: Vec<usize>,
}

/// How good a typo match `query` is for `term`, if within `max_edits` of the whole term (worth
/// more) or of a prefix of it (the person is still typing). Edits are insertions, deletions,
/// substitutions and swaps of neighbouring letters (optimal string alignment distance).
fn typo_quality(
    query: &[char],
    term: &[char],
    max_edits: usize,
    rows: &mut DistanceRows,
) -> Option<f32> {
    let n = query.len();
    // Columns past n + max_edits cannot bring a prefix within reach.
    let m = term.len().min(n + max_edits);
    let whole_possible = term.len() <= n + max_edits;
    let DistanceRows {
        before_last,
        last,
        current,
    } = rows;
    for row in [&mut *before_last, &mut *last, &mut *current] {
        row.clear();
        row.resize(m + 1, 0);
    }
    for (j, cell) in last.iter_mut().enumerate() {
        *cell = j;
    }
    let mut last_min = 0;
    for i in 1..=n {
        current[0] = i;
        let mut row_min = i;
        for j in 1..=m {
            let cost = usize::from(query[i - 1] != term[j - 1]);
            let mut value = (last[j] + 1)
                .min(current[j - 1] + 1)
                .min(last[j - 1] + cost);
            if i > 1 && j > 1 && query[i - 1] == term[j - 2] && query[i - 2] == term[j - 1] {
                value = value.min(before_last[j - 2] + 1);
            }
            current[j] = value;
            row_min = row_min.min(value);
        }
        // Later rows cannot drop below both this row's minimum and one more than the last's.
        if row_min > max_edits && last_min >= max_edits {
            return None;
        }
        last_min = row_min;
        std::mem::swap(before_last, last);
        std::mem::swap(last, current);
    }
    let whole = whole_possible.then(|| last[term.len()]);
    let prefix = last.iter().copied().min().unwrap_or(usize::MAX);
    match whole {
        Some(0) => Some(1.0),
        Some(1) => Some(0.7),
        Some(2) if max_edits >= 2 => Some(0.5),
        _ => match prefix {
            0 => Some(0.75),
            1 => Some(0.55),
            2 if max_edits >= 2 => Some(0.4),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, topic: &str, tags: &[&str], description: &str) -> GroupDoc {
        GroupDoc {
            title: title.into(),
            topic: topic.into(),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            description: description.into(),
        }
    }

    /// A small catalogue shaped like the practice's.
    fn catalogue() -> Vec<GroupDoc> {
        vec![
            doc(
                "Anxiety & Depression Support Group",
                "Anxiety & Depression",
                &["worry", "panic"],
                "A steady weekly space for people living with worry and low energy.",
            ),
            doc(
                "Trauma Recovery Group",
                "Trauma & PTSD",
                &["flashbacks", "grounding"],
                "Safety and stabilisation after frightening events.",
            ),
            doc(
                "Grief & Loss Support Circle",
                "Grief & Loss",
                &["bereavement"],
                "Room to remember the person you lost.",
            ),
            doc(
                "Parenting with Calm and Confidence",
                "Parenting",
                &["tantrums", "discipline"],
                "Support for mothers and fathers at bedtime and beyond.",
            ),
            doc(
                "Substance Use Recovery Group",
                "Substance Abuse",
                &["sobriety", "relapse prevention"],
                "For adults cutting down or stopping.",
            ),
            doc(
                "Living with BPD",
                "Borderline Personality Disorder",
                &["emotions"],
                "Honest talk about intense feelings.",
            ),
            doc(
                "Rebuilding After Divorce",
                "Divorce",
                &["co-parenting", "starting over"],
                "Company through the end of a marriage.",
            ),
            doc(
                "Healing from Narcissistic Abuse",
                "Narcissistic Abuse",
                &["gaslighting"],
                "Name what happened and rebuild trust in yourself.",
            ),
            doc(
                "Evening Check-in",
                "Self-Compassion",
                &["kindness"],
                "We also talk about grief when it comes up.",
            ),
        ]
    }

    fn titles(docs: &[GroupDoc], hits: &[Hit]) -> Vec<String> {
        hits.iter().map(|h| docs[h.doc].title.clone()).collect()
    }

    fn top_title(docs: &[GroupDoc], index: &SearchIndex, query: &str) -> String {
        index
            .search(query, 10)
            .first()
            .map(|h| docs[h.doc].title.clone())
            .unwrap_or_default()
    }

    #[test]
    fn typos_still_find_the_group() {
        let docs = catalogue();
        let index = SearchIndex::build(&docs);
        for (typo, expected) in [
            ("anxeity", "Anxiety & Depression Support Group"),
            ("grefe", "Grief & Loss Support Circle"),
            ("trauam", "Trauma Recovery Group"),
            ("depresion", "Anxiety & Depression Support Group"),
            ("parentng", "Parenting with Calm and Confidence"),
            ("subtance", "Substance Use Recovery Group"),
            ("narcisistic", "Healing from Narcissistic Abuse"),
            ("divorse", "Rebuilding After Divorce"),
        ] {
            assert_eq!(top_title(&docs, &index, typo), expected, "query {typo:?}");
        }
    }

    #[test]
    fn prefixes_find_groups_while_typing() {
        let docs = catalogue();
        let index = SearchIndex::build(&docs);
        assert_eq!(top_title(&docs, &index, "trau"), "Trauma Recovery Group");
        assert_eq!(
            top_title(&docs, &index, "gri"),
            "Grief & Loss Support Circle"
        );
        assert_eq!(
            top_title(&docs, &index, "narc"),
            "Healing from Narcissistic Abuse"
        );
        // A typo while typing: "anxe" is one letter off the start of "anxiety".
        assert_eq!(
            top_title(&docs, &index, "anxe"),
            "Anxiety & Depression Support Group"
        );
        // "the" may be the start of a word still being typed, but not once finished.
        assert_eq!(index.search("grief the ", 10).len(), 2);
        let docs = vec![
            doc("Walking Group", "Self-Compassion", &[], "Outdoors."),
            doc("Art Therapy", "Self-Compassion", &[], "Drawing."),
        ];
        let index = SearchIndex::build(&docs);
        assert_eq!(titles(&docs, &index.search("the", 10)), vec!["Art Therapy"]);
        assert_eq!(index.search("the ", 10).len(), 2);
    }

    #[test]
    fn one_or_two_letters_look_at_names_not_descriptions() {
        let docs = vec![
            doc(
                "Walking Group",
                "Self-Compassion",
                &[],
                "Gentle movement outdoors.",
            ),
            doc("Art Circle", "Grief & Loss", &["gentle"], "Drawing."),
        ];
        let index = SearchIndex::build(&docs);
        assert_eq!(titles(&docs, &index.search("ge", 10)), vec!["Art Circle"]);
        assert_eq!(index.search("gen", 10).len(), 2);
        // A whole short word still counts wherever it is.
        let docs = vec![doc("Walking Group", "Support", &[], "Good for ocd too.")];
        assert_eq!(SearchIndex::build(&docs).search("ocd", 10).len(), 1);
    }

    /// Two-doc catalogue where each doc uses only one side of a synonym pair.
    fn pair(a: &str, b: &str) -> (Vec<GroupDoc>, SearchIndex) {
        let docs = vec![
            doc(&format!("Group on {a}"), "General", &[], "Weekly support."),
            doc(&format!("Circle on {b}"), "General", &[], "Weekly support."),
        ];
        let index = SearchIndex::build(&docs);
        (docs, index)
    }

    #[test]
    fn synonyms_work_both_ways() {
        for (a, b) in [
            ("PTSD", "trauma"),
            ("addiction", "substance use"),
            ("alcohol", "substance abuse"),
            ("drugs", "substance use"),
            ("BPD", "borderline"),
            ("depression", "mood"),
            ("breakup", "divorce"),
            ("breakup", "relationships"),
            ("kids", "parenting"),
            ("abuse", "narcissistic abuse"),
        ] {
            let (docs, index) = pair(a, b);
            for (query, own, other) in [(a, 0, 1), (b, 1, 0)] {
                let hits = index.search(query, 10);
                let found: Vec<usize> = hits.iter().map(|h| h.doc).collect();
                assert!(
                    found.contains(&other),
                    "{query:?} should find {:?}, found {:?}",
                    docs[other].title,
                    titles(&docs, &hits)
                );
                assert_eq!(found.first(), Some(&own), "{query:?}: own words rank first");
            }
        }
    }

    #[test]
    fn exact_title_hits_come_first_then_topic_and_tags_then_description() {
        let docs = vec![
            doc(
                "Evening Check-in",
                "Self-Compassion",
                &[],
                "We talk about grief too.",
            ),
            doc("Sunday Circle", "Grief & Loss", &[], "A gentle space."),
            doc("Thursday Group", "Life changes", &["grief"], "Support."),
            doc("Grief Group", "Loss", &[], "Support."),
            doc("Grieving Together", "Loss", &[], "Support."),
        ];
        let index = SearchIndex::build(&docs);
        let hits = index.search("grief", 10);
        assert_eq!(
            titles(&docs, &hits),
            vec![
                "Grief Group",
                "Grieving Together",
                "Sunday Circle",
                "Thursday Group",
                "Evening Check-in"
            ]
        );
    }

    #[test]
    fn the_query_that_is_the_title_wins() {
        let docs = vec![
            doc("Grief and Loss for Parents", "Grief & Loss", &[], ""),
            doc("Grief & Loss", "Grief & Loss", &[], ""),
        ];
        let index = SearchIndex::build(&docs);
        assert_eq!(top_title(&docs, &index, "grief & loss"), "Grief & Loss");
    }

    #[test]
    fn every_word_must_match_unless_no_group_has_them_all() {
        let docs = catalogue();
        let index = SearchIndex::build(&docs);
        let hits = index.search("grief support", 10);
        assert_eq!(titles(&docs, &hits), vec!["Grief & Loss Support Circle"]);
        // Nobody has both words: the groups with either still show, best first.
        let hits = index.search("trauma tantrums", 10);
        let found = titles(&docs, &hits);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn empty_and_wordless_queries_return_the_catalogue_in_order() {
        let docs = catalogue();
        let index = SearchIndex::build(&docs);
        for query in ["", "   ", "&&", "the and of "] {
            let hits = index.search(query, 100);
            let order: Vec<usize> = hits.iter().map(|h| h.doc).collect();
            assert_eq!(order, (0..docs.len()).collect::<Vec<_>>(), "{query:?}");
        }
        assert_eq!(index.search("", 3).len(), 3);
        assert!(index.search("grief", 0).is_empty());
        assert!(SearchIndex::build(&[]).search("grief", 5).is_empty());
    }

    #[test]
    fn case_accents_and_punctuation_do_not_matter() {
        let docs = vec![doc("Café Résumé Group", "Self-Compassion", &[], "")];
        let index = SearchIndex::build(&docs);
        for query in [
            "cafe",
            "CAFÉ",
            "re\u{301}sume\u{301}",
            "self compassion",
            "SELF-COMPASSION",
        ] {
            assert_eq!(index.search(query, 5).len(), 1, "{query:?}");
        }
    }

    #[test]
    fn unrelated_words_find_nothing() {
        let docs = catalogue();
        let index = SearchIndex::build(&docs);
        assert!(index.search("zebra", 10).is_empty());
        assert!(index.search("xq", 10).is_empty());
    }

    #[test]
    fn limit_keeps_the_best() {
        let docs = catalogue();
        let index = SearchIndex::build(&docs);
        let all = index.search("group", 100);
        let two = index.search("group", 2);
        assert_eq!(two, all[..2].to_vec());
    }

    #[test]
    fn plural_and_singular_find_each_other() {
        let docs = vec![doc("Teens Together", "Teen Anxiety", &["parent"], "")];
        let index = SearchIndex::build(&docs);
        for query in ["teen", "teens", "parents", "anxieties"] {
            assert_eq!(index.search(query, 5).len(), 1, "{query:?}");
        }
    }

    #[test]
    fn typo_distance_counts_swaps_as_one_edit() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        let mut rows = DistanceRows::default();
        let mut quality =
            |q: &str, t: &str, k: usize| typo_quality(&chars(q), &chars(t), k, &mut rows);
        assert_eq!(quality("anxeity", "anxiety", 1), Some(0.7));
        assert_eq!(quality("grefe", "grief", 1), None);
        assert_eq!(quality("grefe", "grief", 2), Some(0.5));
        assert_eq!(quality("anxe", "anxiety", 1), Some(0.55));
        assert_eq!(quality("trauam", "trauma", 1), Some(0.7));
        assert_eq!(quality("kitten", "sitting", 1), None);
        assert_eq!(quality("kitten", "sitting", 2), Some(0.4));
        assert_eq!(quality("abc", "", 1), None);
    }

    #[test]
    fn words_are_folded_and_split() {
        let mut words = Vec::new();
        for_each_word("Don’t Panic: Ærøskøbing co-parenting ÉTÉ 12", |w| {
            words.push(w.to_owned())
        });
        assert_eq!(
            words,
            [
                "dont",
                "panic",
                "aeroskobing",
                "co",
                "parenting",
                "ete",
                "12"
            ]
        );
    }

    #[test]
    fn stopword_list_is_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn index() -> SearchIndex {
        SearchIndex::build(&crate::features::groups::synthetic::synthetic_catalogue(
            200, 7,
        ))
    }

    proptest! {
        #[test]
        fn any_text_is_a_safe_query(query in any::<String>(), limit in 0usize..50) {
            let index = index();
            let hits = index.search(&query, limit);
            prop_assert!(hits.len() <= limit);
            prop_assert!(hits.iter().all(|h| h.doc < index.len()));
            prop_assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        }

        #[test]
        fn any_text_can_be_indexed(title in any::<String>(), description in any::<String>(), query in "\\PC{0,12}") {
            let docs = vec![GroupDoc { title, topic: String::new(), tags: vec![], description }];
            let index = SearchIndex::build(&docs);
            let hits = index.search(&query, 5);
            prop_assert!(hits.len() <= 1);
        }
    }
}
