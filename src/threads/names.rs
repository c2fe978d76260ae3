//! Names of discovered threads, as an editor would title them: the name or phrase that is
//! frequent in a thread's articles and rare in the others' ("Riyadh", "Malaysia Airlines",
//! "Hun Sen"), written as the articles write it.
//!
//! Candidates are stretches of up to three words of runs of capitalised words inside sentences
//! (a sentence's first word is capitalised by position, not by name, and does not count). A word
//! the corpus also writes in lower case is a common word ("House", "South", "President"): it
//! never names a thread alone, nor do stretches of common words only ("Prime Minister").
//! Weekdays, months and numbers are never candidates. Spellings and forms of a name count as one
//! (their first seven letters: "Zelensky" and "Zelenskyy").
//!
//! A candidate scores (share of the thread's articles holding it) × (share of the articles
//! holding it that are in the thread) × (the sum over those articles of 1 + ln of its weighted
//! count: ×2 in the lead): present in most of the thread, absent elsewhere, prominent. A longer
//! phrase holding the best candidate's words replaces it when it is found in at least 80% as many
//! of the thread's articles ("Malaysia" → "Malaysia Airlines", "Sen" → "Hun Sen").
//!
//! A thread's full name ([`Names::full_name`]) is a phrase of two words or more that is its own
//! (nine in ten of the articles writing it are in the thread) and that nine in ten of its articles
//! write, in their text or headline ("Michelle Obama", "Galaxy S5"): what the thread is about, as
//! single words ("Obama", "Galaxy") cannot say.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use unicode_segmentation::UnicodeSegmentation;

use super::LEAD_SENTENCES;
use crate::corpus::{Corpus, Document};
use crate::lang::LangData;

/// How many candidates [`Names::candidates`] returns.
pub(crate) const LEADING: usize = 16;

/// Longest phrase that may name a thread, in words.
const MAX_WORDS: usize = 3;

/// Words written with a capital that are never names.
#[rustfmt::skip]
const NEVER: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "prof", "st",
];

/// A candidate name in a set of articles.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    /// As the articles write it (the commonest form).
    pub name: String,
    /// Articles of the set that hold it.
    pub docs: usize,
    /// Articles of the corpus that hold it.
    pub(crate) df: usize,
    /// Its weighted count in the set's articles (×2 in the lead).
    pub weight: f64,
    pub score: f64,
}

/// Every article's candidate names, and how many articles hold each.
pub(crate) struct Names {
    /// Per phrase id: its key (lowercased prefixes), and its written forms.
    phrases: Vec<String>,
    /// Phrase key -> phrase id.
    ids: FxHashMap<String, u32>,
    /// Per article: (phrase id, written form, weighted count).
    docs: Vec<Vec<(u32, String, f64)>>,
    df: Vec<u32>,
}

/// A word as a name: trimmed of a possessive "'s".
pub fn bare(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

/// Whether a word, as written, may be (part of) a name: it starts with a capital, has two
/// characters or more, is not a stop word, nor a weekday, month or title, nor only digits.
/// `lower` is scratch space.
#[inline]
pub(crate) fn capitalised(word: &str, lang: &LangData, lower: &mut String) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some()
        && !never_a_name(word, lang, lower)
}

/// Whether a word, lowercased, is a stop word or one of [`NEVER`].
fn never_a_name(word: &str, lang: &LangData, lower: &mut String) -> bool {
    lowercase_into(word, lower);
    lang.is_stop_word(lower) || is_never(lower)
}

/// Whether a lowercased word is one of [`NEVER`]: a first letter none of them starts with rules
/// most words out before any comparison.
fn is_never(lower: &str) -> bool {
    /// Bit `c - b'a'` is set when a word of [`NEVER`] starts with the letter `c`.
    const FIRST_LETTERS: u32 = {
        let mut mask = 0;
        let mut i = 0;
        while i < NEVER.len() {
            mask |= 1 << (NEVER[i].as_bytes()[0] - b'a');
            i += 1;
        }
        mask
    };
    static SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| NEVER.iter().copied().collect());
    match lower.as_bytes().first() {
        Some(&c) if c.is_ascii_lowercase() && FIRST_LETTERS & 1 << (c - b'a') != 0 => {
            SET.contains(lower)
        }
        _ => false,
    }
}

/// `word` lowercased into `out`, as `str::to_lowercase` makes it (without allocating for ASCII).
fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// The key a name is counted under: its first seven letters, lowercased, so that spellings and
/// forms of one name count as one ("Zelensky" and "Zelenskyy", "Malaysia" and "Malaysian").
pub(crate) fn name_key(name: &str) -> String {
    if name.is_ascii() {
        // One byte a character, each lowercased alone: as below.
        let mut key = name[..name.len().min(7)].to_string();
        key.make_ascii_lowercase();
        return key;
    }
    name.chars().take(7).flat_map(char::to_lowercase).collect()
}

impl Names {
    /// The candidates of the articles `docs` (corpus indices), with how many articles of the
    /// whole corpus hold each.
    ///
    /// One scan of the corpus's text (in parallel) gives each article's runs of capitalised
    /// words and the set of the words the corpus writes in lower case. The runs'
    /// words are then written down once each ([`Forms`]), and each one's lowercase form is looked
    /// up once in that set: the common words. The runs give `docs` their candidates and every
    /// other article the keys it shares with them (its other phrases cannot name a thread of
    /// `docs`). Cost: linear in the corpus.
    pub fn new<'c>(corpus: &'c Corpus, docs: &[usize]) -> Names {
        // Each article's runs, and the words the corpus writes in lower case.
        let (mut scans, lower) = corpus
            .docs
            .par_iter()
            .enumerate()
            .fold(
                || (Vec::new(), FxHashSet::default()),
                |(mut scans, mut lower), (d, doc)| {
                    scans.push((d, scan(doc, &mut lower)));
                    (scans, lower)
                },
            )
            .reduce(
                || (Vec::new(), FxHashSet::default()),
                |(mut a, la), (b, lb)| {
                    a.extend(b);
                    // The smaller set is added to the larger.
                    let (mut big, small) = if la.len() >= lb.len() {
                        (la, lb)
                    } else {
                        (lb, la)
                    };
                    big.extend(small);
                    (a, big)
                },
            );
        scans.sort_unstable_by_key(|e| e.0);
        let scans: Vec<Scan<'c>> = scans.into_iter().map(|e| e.1).collect();
        let mut forms = Forms::default();
        let runs: Vec<Vec<u32>> = scans
            .iter()
            .map(|scan| scan.words.iter().map(|w| forms.intern(w)).collect())
            .collect();
        // A run word is common when the corpus writes its lowercase form somewhere (as a word
        // starting in lower case, trimmed of "'s").
        let mut common_lower = vec![false; forms.lowers.len()];
        for (word, &l) in &forms.lowers {
            common_lower[l as usize] = lower.contains(word.as_str());
        }
        let common: Vec<bool> = forms
            .lower
            .iter()
            .map(|&l| common_lower[l as usize])
            .collect();
        let mut wanted = vec![false; corpus.docs.len()];
        for &d in docs {
            wanted[d] = true;
        }
        let per_doc: Vec<Vec<(String, String, f64)>> = docs
            .par_iter()
            .map(|&d| doc_candidates(&runs[d], &scans[d].runs, &forms, &common))
            .collect();
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut phrases = Vec::new();
        let mut df = Vec::new();
        let mut by_doc: Vec<Vec<(u32, String, f64)>> = vec![Vec::new(); corpus.docs.len()];
        for (&d, cands) in docs.iter().zip(per_doc) {
            by_doc[d] = cands
                .into_iter()
                .map(|(key, written, weight)| {
                    let id = match ids.get(&key) {
                        Some(&id) => id,
                        None => {
                            let id = phrases.len() as u32;
                            ids.insert(key.clone(), id);
                            phrases.push(key);
                            df.push(0);
                            id
                        }
                    };
                    df[id as usize] += 1;
                    (id, written, weight)
                })
                .collect();
        }
        // The other articles count towards the phrases of `docs` only. A phrase's key is its
        // words' keys joined by spaces: split at its spaces, it gives back whole each word key
        // that holds no space. So a word whose key holds no space and is no piece of a key of
        // `docs` is in no phrase of `docs`, and the phrases holding it are passed over without
        // building their key.
        let pieces: FxHashSet<&str> = phrases.iter().flat_map(|p| p.split(' ')).collect();
        let may_match: Vec<bool> = forms
            .key
            .iter()
            .map(|k| k.contains(' ') || pieces.contains(k.as_str()))
            .collect();
        let held: Vec<Vec<u32>> = runs
            .par_iter()
            .zip(&scans)
            .zip(&wanted)
            .filter(|(_, w)| !**w)
            .map(|((words, scan), _)| {
                let mut held = Vec::new();
                let mut key = String::new();
                for_each_phrase(words, &scan.runs, &common, |phrase, _| {
                    if phrase.iter().all(|&f| may_match[f as usize]) {
                        key.clear();
                        forms.push_key(&mut key, phrase);
                        if let Some(&id) = ids.get(&key) {
                            held.push(id);
                        }
                    }
                });
                held.sort_unstable();
                held.dedup();
                held
            })
            .collect();
        for id in held.into_iter().flatten() {
            df[id as usize] += 1;
        }
        Names {
            phrases,
            ids,
            docs: by_doc,
            df,
        }
    }

    /// The full name of a set of articles, when it has one: the phrase of two words or more
    /// that is its own (nine in ten of the articles of the corpus whose text holds it are in the
    /// set) and that nine in ten of the set write, in their text or their headline; the most
    /// widely written, then the first found. Returns it with the articles that write it (in the
    /// order of `members`).
    ///
    /// A headline counts, as the text does not at the start of a sentence, because a headline's
    /// words are all capitalised ("Michelle Obama Goes Organic"): only phrases the texts found
    /// are looked for in it.
    pub fn full_name(&self, corpus: &Corpus, members: &[usize]) -> Option<(String, Vec<usize>)> {
        // Per multi-word phrase: the members whose text holds it.
        let mut in_text: BTreeMap<u32, usize> = BTreeMap::new();
        for &m in members {
            for (id, _, _) in &self.docs[m] {
                if self.phrases[*id as usize].contains(' ') {
                    *in_text.entry(*id).or_default() += 1;
                }
            }
        }
        // Only a phrase of the set's own can be its full name.
        let eligible: FxHashSet<u32> = in_text
            .into_iter()
            .filter(|&(id, docs)| docs * 10 >= self.df[id as usize] as usize * 9)
            .map(|(id, _)| id)
            .collect();
        if eligible.is_empty() {
            return None;
        }
        let holders: Vec<FxHashSet<u32>> = members
            .iter()
            .map(|&m| {
                let mut held: FxHashSet<u32> = self.docs[m]
                    .iter()
                    .map(|e| e.0)
                    .filter(|id| eligible.contains(id))
                    .collect();
                held.extend(self.headline_phrases(&corpus.docs[m], &eligible));
                held
            })
            .collect();
        let mut writers: BTreeMap<u32, usize> = BTreeMap::new();
        for &id in holders.iter().flatten() {
            *writers.entry(id).or_default() += 1;
        }
        // The most widely written (on a tie, the first found).
        let (id, docs) = writers
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
        if docs * 10 < members.len() * 9 {
            return None;
        }
        let writing: Vec<usize> = members
            .iter()
            .zip(&holders)
            .filter(|(_, h)| h.contains(&id))
            .map(|(&m, _)| m)
            .collect();
        let name = self.docs[writing[0]]
            .iter()
            .find(|e| e.0 == id)
            .map_or_else(|| self.phrases[id as usize].clone(), |e| e.1.clone());
        Some((name, writing))
    }

    /// The phrases of `wanted` that a document's headline holds (its stretches of two words or
    /// more, by key, whatever their case).
    fn headline_phrases(&self, doc: &Document, wanted: &FxHashSet<u32>) -> Vec<u32> {
        let Some(headline) = &doc.article.headline else {
            return Vec::new();
        };
        let words: Vec<&str> = headline.unicode_words().map(bare).collect();
        let mut found = Vec::new();
        let mut key = String::new();
        for len in 2..=MAX_WORDS.min(words.len()) {
            for window in words.windows(len) {
                key.clear();
                push_phrase_key(&mut key, window);
                if let Some(&id) = self.ids.get(&key).filter(|id| wanted.contains(id)) {
                    found.push(id);
                }
            }
        }
        found
    }

    /// The leading candidates of a set of articles (at most [`LEADING`]), best first.
    pub fn candidates(&self, members: &[usize]) -> Vec<Candidate> {
        #[derive(Default)]
        struct Seen<'a> {
            docs: usize,
            /// Summed over the articles, 1 + ln(weighted count).
            spread: f64,
            weight: f64,
            forms: BTreeMap<&'a str, usize>,
        }
        let mut acc: BTreeMap<u32, Seen> = BTreeMap::new();
        for &m in members {
            for (id, written, weight) in &self.docs[m] {
                let e = acc.entry(*id).or_default();
                e.docs += 1;
                e.spread += 1.0 + weight.ln();
                e.weight += weight;
                *e.forms.entry(written).or_default() += 1;
            }
        }
        let size = members.len() as f64;
        let mut out: Vec<(Candidate, &str)> = acc
            .into_iter()
            .map(|(id, seen)| {
                let Seen {
                    docs,
                    spread,
                    weight,
                    forms,
                } = seen;
                let df = self.df[id as usize] as usize;
                let name = forms
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(w, _)| w.to_string())
                    .unwrap_or_default();
                let score = (docs as f64 / size) * (docs as f64 / df as f64) * spread;
                (
                    Candidate {
                        name,
                        docs,
                        df,
                        weight,
                        score,
                    },
                    self.phrases[id as usize].as_str(),
                )
            })
            .collect();
        out.sort_by(|a, b| {
            b.0.score
                .total_cmp(&a.0.score)
                .then_with(|| a.0.name.cmp(&b.0.name))
        });
        // A longer phrase holding a leading candidate's words, found nearly as widely, replaces
        // it. Only the leading candidates are wanted (the first not taken names the thread).
        let mut ranked: Vec<Candidate> = Vec::with_capacity(LEADING);
        for (c, key) in out.iter().take(LEADING) {
            let longer = out
                .iter()
                .filter(|(o, okey)| {
                    okey.len() > key.len()
                        && okey.split(' ').count() > key.split(' ').count()
                        && contains_words(okey, key)
                        && o.docs * 5 >= c.docs * 4
                })
                // The most widely found, then the shortest.
                .max_by(|a, b| {
                    a.0.docs
                        .cmp(&b.0.docs)
                        .then(b.1.len().cmp(&a.1.len()))
                        .then(b.0.name.cmp(&a.0.name))
                });
            ranked.push(match longer {
                Some((o, _)) => Candidate {
                    score: c.score,
                    ..o.clone()
                },
                None => c.clone(),
            });
        }
        ranked
    }
}

/// Whether the words of `short` appear, in order and together, among the words of `long`.
fn contains_words(long: &str, short: &str) -> bool {
    let l: Vec<&str> = long.split(' ').collect();
    let s: Vec<&str> = short.split(' ').collect();
    l.windows(s.len()).any(|w| w == s.as_slice())
}

/// An article's runs of capitalised words.
struct Scan<'t> {
    /// The words of its runs, one run after another.
    words: Vec<&'t str>,
    /// Per run: where it ends in `words`, and the weight of its sentence.
    runs: Vec<(usize, f64)>,
}

impl Scan<'_> {
    /// Ends the run that starts at `open` in `words`, if it has a word.
    fn close(&mut self, open: &mut usize, weight: f64) {
        if self.words.len() > *open {
            self.runs.push((self.words.len(), weight));
            *open = self.words.len();
        }
    }
}

/// Scans an article's sentences once: the runs of capitalised words of each sentence, its first
/// word left out (words joined only by spaces; punctuation ends a run); the words starting in
/// lower case (trimmed of "'s") go to `lower`.
fn scan<'t>(doc: &'t Document, lower: &mut FxHashSet<&'t str>) -> Scan<'t> {
    let lang = doc.lang.data();
    // Room for the run words: about one word in six bytes, one in ten of them in a run.
    let bytes: usize = doc.sentences.iter().map(|s| doc.text(s).len()).sum();
    let mut out = Scan {
        words: Vec::with_capacity(bytes / 60),
        runs: Vec::new(),
    };
    let mut scratch = String::new();
    for s in &doc.sentences {
        let weight = if s.position < LEAD_SENTENCES {
            2.0
        } else {
            1.0
        };
        let text = doc.text(s);
        // The open run is `out.words[open..]`.
        let mut open = out.words.len();
        let mut end = 0;
        for (k, (at, seg)) in text.unicode_word_indices().enumerate() {
            // Only spaces between two words keep a run going.
            if out.words.len() > open {
                let gap = &text[end..at];
                if !(gap == " " || gap.chars().all(char::is_whitespace)) {
                    out.close(&mut open, weight);
                }
            }
            end = at + seg.len();
            let word = bare(seg);
            let first = seg.chars().next();
            if first.is_some_and(char::is_lowercase) {
                lower.insert(word);
            }
            // `word` is `seg` or a part of it that starts as it does: most words are told apart
            // from names here, without a call.
            let name_like = k > 0
                && first.is_some_and(char::is_uppercase)
                && capitalised(word, lang, &mut scratch)
                && word.chars().any(char::is_alphabetic)
                && !word.contains('.');
            if name_like {
                out.words.push(word);
            } else {
                out.close(&mut open, weight);
            }
        }
        out.close(&mut open, weight);
    }
    out
}

/// The written forms of the words of the corpus's runs, each once, with their keys and their
/// lowercase forms (each once too).
#[derive(Default)]
struct Forms<'t> {
    ids: FxHashMap<&'t str, u32>,
    /// Per form: as written.
    text: Vec<&'t str>,
    /// Per form: its [`name_key`].
    key: Vec<String>,
    /// Per form: its lowercase form, as an index into `lowers`.
    lower: Vec<u32>,
    /// Lowercase form -> its index.
    lowers: FxHashMap<String, u32>,
}

impl<'t> Forms<'t> {
    /// The id of a written form, added if new.
    fn intern(&mut self, word: &'t str) -> u32 {
        let next = self.text.len() as u32;
        let id = *self.ids.entry(word).or_insert(next);
        if id == next {
            let next_lower = self.lowers.len() as u32;
            let lower = *self.lowers.entry(word.to_lowercase()).or_insert(next_lower);
            self.text.push(word);
            self.key.push(name_key(word));
            self.lower.push(lower);
        }
        id
    }

    /// Appends the key of a phrase (form ids), as [`push_phrase_key`] makes it from its words.
    fn push_key(&self, out: &mut String, phrase: &[u32]) {
        for (k, &w) in phrase.iter().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(&self.key[w as usize]);
        }
    }
}

/// Calls `f` with every phrase of an article's runs (`words`, form ids, ending where `runs`
/// says) that may name a thread, and its sentence's weight: every stretch of up to
/// [`MAX_WORDS`] words holding a word that is not `common`, that does not cut a name.
fn for_each_phrase(
    words: &[u32],
    runs: &[(usize, f64)],
    common: &[bool],
    mut f: impl FnMut(&[u32], f64),
) {
    let mut is_common: Vec<bool> = Vec::new();
    let mut start_of_run = 0;
    for &(end_of_run, weight) in runs {
        let run = &words[start_of_run..end_of_run];
        start_of_run = end_of_run;
        is_common.clear();
        is_common.extend(run.iter().map(|&w| common[w as usize]));
        // "Hun Sen" in "Prime Minister Hun Sen", "Malaysia Airlines" in "Malaysia Airlines
        // Flight MH370".
        for len in 1..=MAX_WORDS.min(run.len()) {
            for (start, phrase) in run.windows(len).enumerate() {
                let end = start + len;
                if is_common[start..end].iter().all(|&c| c) {
                    continue;
                }
                // A part of a longer run must not cut a name: it ends the run (names follow
                // titles: "Hun Sen" in "Prime Minister Hun Sen"), or it starts the run or
                // follows a common word and a common word follows it ("Malaysia Airlines"
                // in "Malaysia Airlines Flight MH370"); not "Russian President Vladimir" in
                // "Russian President Vladimir Putin".
                let ends_run = end == run.len();
                let bounded =
                    (start == 0 || is_common[start - 1]) && is_common[end.min(run.len() - 1)];
                if len > 1 && !ends_run && !bounded {
                    continue;
                }
                f(phrase, weight);
            }
        }
    }
}

/// Appends the key of a phrase: its words' [`name_key`]s joined by spaces.
fn push_phrase_key(out: &mut String, words: &[&str]) {
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.extend(w.chars().take(7).flat_map(char::to_lowercase));
    }
}

/// An article's candidate names: (key, written form, weighted count), one per key (the form
/// written most), sorted by key.
fn doc_candidates(
    words: &[u32],
    runs: &[(usize, f64)],
    forms: &Forms,
    common: &[bool],
) -> Vec<(String, String, f64)> {
    let mut found: BTreeMap<String, (BTreeMap<String, usize>, f64)> = BTreeMap::new();
    let mut key = String::new();
    let mut written = String::new();
    for_each_phrase(words, runs, common, |phrase, weight| {
        key.clear();
        forms.push_key(&mut key, phrase);
        written.clear();
        for (k, &w) in phrase.iter().enumerate() {
            if k > 0 {
                written.push(' ');
            }
            written.push_str(forms.text[w as usize]);
        }
        let e = match found.get_mut(&key) {
            Some(e) => e,
            None => found.entry(key.clone()).or_default(),
        };
        match e.0.get_mut(&written) {
            Some(n) => *n += 1,
            None => {
                e.0.insert(written.clone(), 1);
            }
        }
        e.1 += weight;
    });
    found
        .into_iter()
        .map(|(key, (forms, weight))| {
            let written = forms
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(w, _)| w)
                .unwrap_or_default();
            (key, written, weight)
        })
        .collect()
}

/// Names already given, to keep two threads from having the same or nearly the same name
/// ("Lord" and "Lords", "Philippine" and "Philippines"): one a prefix of the other, at most two
/// characters apart, ignoring case.
#[derive(Default)]
pub(crate) struct Taken {
    /// The names, lowercased.
    exact: FxHashSet<String>,
    /// The names, lowercased, less their last one or two characters.
    cut: FxHashSet<String>,
}

/// `name` less its last `k` characters, when it has more than `k`.
fn less(name: &str, k: usize) -> Option<&str> {
    let (i, _) = name.char_indices().rev().nth(k - 1)?;
    (i > 0).then(|| &name[..i])
}

impl Taken {
    pub fn insert(&mut self, name: &str) {
        let lower = name.to_lowercase();
        for k in 1..=2 {
            if let Some(cut) = less(&lower, k) {
                self.cut.insert(cut.to_string());
            }
        }
        self.exact.insert(lower);
    }

    /// Whether `name` is alike a name already given.
    pub(crate) fn alike(&self, name: &str) -> bool {
        let lower = name.to_lowercase();
        self.exact.contains(&lower)
            || self.cut.contains(&lower)
            || (1..=2).any(|k| less(&lower, k).is_some_and(|c| self.exact.contains(c)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcuts give what the plain definitions give.
    #[test]
    fn shortcuts_agree_with_the_definitions() {
        for w in [
            "Zelenskyy",
            "Zelensky",
            "MH370",
            "Hun",
            "X",
            "",
            "ÉLYSÉE",
            "Ödön",
            "İstanbul",
            "ΟΔΥΣΣΕΑΣ",
            "Straße",
            "KELVIN\u{212A}",
        ] {
            let plain: String = w.chars().take(7).flat_map(char::to_lowercase).collect();
            assert_eq!(name_key(w), plain, "{w}");
            let mut lower = String::new();
            lowercase_into(w, &mut lower);
            assert_eq!(lower, w.to_lowercase(), "{w}");
        }
        for w in NEVER
            .iter()
            .chain(&["may", "mayor", "mar", "", "ab", "zz", "été", "a"])
        {
            assert_eq!(is_never(w), NEVER.contains(w), "{w}");
        }
    }
}
