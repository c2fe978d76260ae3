//! Story threads: their definitions (a TOML thread file), the assignment of each article to the
//! thread with the strongest evidence, and discovery of threads when no file is given.
//!
//! Evidence is the number of times a thread's terms occur in an article, matched on stems and
//! case-insensitively, weighted by where they occur: ×3 in the headline, ×2 in the first two
//! sentences (the lead), ×1 elsewhere. An article names its thread itself with front matter
//! `thread:`. An article with no evidence for any thread goes to "Other".

use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap, HashSet};
use std::path::Path;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::corpus::{Corpus, Document};
use crate::error::{Error, Result};
use crate::lang::LangData;
use crate::location::{LineIndex, line_of};
use crate::rank::Key;
use crate::text::{self, Term};
use crate::warning::Warning;

mod names;
use names::{Names, bare, capitalised, name_key};

/// Weight of a term occurrence in the headline.
pub(crate) const TITLE_WEIGHT: f64 = 3.0;
/// Weight of a term occurrence in the lead.
pub(crate) const LEAD_WEIGHT: f64 = 2.0;
/// Number of sentences that make the lead.
pub(crate) const LEAD_SENTENCES: usize = 2;

/// One thread, as the thread file defines it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadDef {
    pub name: String,
    pub description: String,
    /// Words or phrases that identify the thread ("Riyadh", "prisoner exchange").
    pub terms: Vec<String>,
    /// Discovered from the articles, not defined by a thread file or front matter.
    pub discovered: bool,
    /// The line of the thread file that names it (`None` when no thread file defined it).
    pub line: Option<usize>,
}

/// A thread as the thread file writes it; the name keeps its place in the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileThread {
    name: toml::Spanned<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    terms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThreadFile {
    #[serde(default)]
    thread: Vec<FileThread>,
}

/// The form of a thread's name that decides whether two names are the same thread: trimmed and
/// lower-cased (Unicode). The one rule for duplicate names in a thread file, for "Other", and for
/// a front matter `thread:` naming a defined thread.
pub fn thread_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Parses a thread file:
///
/// ```toml
/// [[thread]]
/// name = "Riyadh"
/// description = "The first U.S.-Russia talks since the invasion"
/// terms = ["Riyadh", "Diriyah", "Saudi Arabia"]
/// ```
pub fn parse(path: &Path, text: &str) -> Result<Vec<ThreadDef>> {
    let err = |line: Option<usize>, message: String| Error::Threads {
        path: path.to_path_buf(),
        line,
        message,
    };
    let file: ThreadFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        err(line, e.message().trim().to_string())
    })?;
    let lines = LineIndex::new(text);
    let mut seen: HashSet<String> = HashSet::new();
    let mut defs = Vec::with_capacity(file.thread.len());
    for thread in file.thread {
        let line = Some(lines.line(thread.name.span().start));
        let name = thread.name.into_inner();
        if name.trim().is_empty() {
            return Err(err(line, "a thread has an empty name".into()));
        }
        let key = thread_key(&name);
        if key == thread_key(OTHER) {
            return Err(err(
                line,
                format!("thread name {name:?} is reserved for articles without a thread"),
            ));
        }
        if !seen.insert(key) {
            return Err(err(line, format!("thread {name:?} is defined twice")));
        }
        if let Some(t) = thread.terms.iter().find(|t| t.trim().is_empty()) {
            return Err(err(
                line,
                format!("thread {name:?} has an empty term {t:?}"),
            ));
        }
        defs.push(ThreadDef {
            name,
            description: thread.description,
            terms: thread.terms,
            discovered: false,
            line,
        });
    }
    Ok(defs)
}

/// What in a thread file sends articles somewhere the user may not expect: a file that defines
/// no thread, a thread without terms (only articles whose front matter names it join it).
/// `discover` says whether the articles no thread claims are discovered (else they go to
/// "Other").
pub fn lint(path: &Path, defs: &[ThreadDef], discover: bool) -> Vec<Warning> {
    let file = path.display().to_string();
    if defs.is_empty() {
        let rest = if discover {
            "threads are discovered among all the articles"
        } else {
            "every article goes to \"Other\" (--no-discover)"
        };
        return vec![Warning::new(file, format!("defines no thread: {rest}"))];
    }
    defs.iter()
        .filter(|d| d.terms.is_empty())
        .map(|d| {
            let message = format!(
                "thread {:?} has no terms: only articles whose front matter names it join it",
                d.name
            );
            match d.line {
                Some(line) => Warning::at(file.clone(), line, message),
                None => Warning::new(file.clone(), message),
            }
        })
        .collect()
}

/// Name of the section for articles without a thread.
pub const OTHER: &str = "Other";

/// How much one term weighs for one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Evidence {
    pub term: String,
    pub title: usize,
    pub lead: usize,
    pub body: usize,
}

/// "Riyadh ×4": the term and how often it occurs.
impl std::fmt::Display for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ×{}", self.term, self.title + self.lead + self.body)
    }
}

impl Evidence {
    pub fn weight(&self) -> f64 {
        TITLE_WEIGHT * self.title as f64 + LEAD_WEIGHT * self.lead as f64 + self.body as f64
    }
}

/// Where an article went, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Assignment {
    /// Index into the thread list, or `None` for "Other".
    pub thread: Option<usize>,
    /// Total evidence for the chosen thread.
    pub score: f64,
    /// The terms that matched for the chosen thread.
    pub evidence: Vec<Evidence>,
    /// Whether front matter chose the thread.
    pub by_front_matter: bool,
}

/// Assigns every document to a thread. A front matter `thread:` that names no defined thread adds
/// one (with no terms) to `defs`. Documents are matched in parallel, on the stems the analysis
/// stored (nothing is stemmed again but the thread terms).
pub fn assign(corpus: &Corpus, defs: &mut Vec<ThreadDef>) -> Vec<Assignment> {
    // Front matter first, in document order, so that added threads are numbered the same way
    // whatever the number of threads. Names are looked up by their key: one lookup per article,
    // however many threads front matter adds.
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    for (i, d) in defs.iter().enumerate() {
        by_key.entry(thread_key(&d.name)).or_insert(i);
    }
    let other = thread_key(OTHER);
    let chosen: Vec<Option<Option<usize>>> = corpus
        .docs
        .iter()
        .map(|doc| {
            let name = doc
                .article
                .meta
                .thread
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())?;
            let key = thread_key(name);
            Some(match by_key.get(&key) {
                Some(&i) => Some(i),
                None if key == other => None,
                None => {
                    by_key.insert(key, defs.len());
                    defs.push(ThreadDef {
                        name: name.to_string(),
                        description: String::new(),
                        terms: Vec::new(),
                        discovered: false,
                        line: None,
                    });
                    Some(defs.len() - 1)
                }
            })
        })
        .collect();
    let defs: &[ThreadDef] = defs;
    let mut matchers: BTreeMap<&'static str, Matcher> = BTreeMap::new();
    for doc in &corpus.docs {
        matchers
            .entry(doc.lang.code())
            .or_insert_with(|| Matcher::new(corpus, doc.lang.data(), defs));
    }
    corpus
        .docs
        .par_iter()
        .zip(chosen)
        .map(|(doc, chosen)| {
            let evidence = matchers[doc.lang.code()].evidence(doc);
            let assignment = |thread: Option<usize>, by_front_matter: bool| {
                let evidence: Vec<Evidence> =
                    thread.map(|t| evidence[t].clone()).unwrap_or_default();
                Assignment {
                    thread,
                    score: evidence.iter().map(Evidence::weight).sum(),
                    evidence,
                    by_front_matter,
                }
            };
            if let Some(thread) = chosen {
                return assignment(thread, true);
            }
            let mut best: (Option<usize>, f64) = (None, 0.0);
            for (i, e) in evidence.iter().enumerate() {
                let score: f64 = e.iter().map(Evidence::weight).sum();
                // Strictly greater: on a tie the thread defined first wins.
                if score > best.1 {
                    best = (Some(i), score);
                }
            }
            assignment(best.0, false)
        })
        .collect()
}

/// The thread terms of one language as stem-id sequences, indexed by their first stem.
struct Matcher<'d> {
    defs: &'d [ThreadDef],
    /// (thread, term index, stems) of every term whose stems all occur in the corpus.
    needles: Vec<(usize, usize, Vec<Term>)>,
    by_first: FxHashMap<Term, Vec<usize>>,
}

impl<'d> Matcher<'d> {
    fn new(corpus: &Corpus, lang: &LangData, defs: &'d [ThreadDef]) -> Matcher<'d> {
        let mut needles = Vec::new();
        let mut by_first: FxHashMap<Term, Vec<usize>> = FxHashMap::default();
        for (d, def) in defs.iter().enumerate() {
            for (k, term) in def.terms.iter().enumerate() {
                let stems: Option<Vec<Term>> = text::words(term)
                    .map(|w| corpus.vocab.get(&lang.stem(&w)))
                    .collect();
                if let Some(stems) = stems.filter(|s| !s.is_empty()) {
                    by_first.entry(stems[0]).or_default().push(needles.len());
                    needles.push((d, k, stems));
                }
            }
        }
        Matcher {
            defs,
            needles,
            by_first,
        }
    }

    /// For each thread, its terms that occur in `doc`, with where they occur.
    fn evidence(&self, doc: &Document) -> Vec<Vec<Evidence>> {
        if self.needles.is_empty() {
            // No thread file (discovery alone, front matter aside): nothing to look for.
            return vec![Vec::new(); self.defs.len()];
        }
        // Occurrences of each needle in the headline, the lead and the body.
        let mut counts = vec![[0usize; 3]; self.needles.len()];
        let mut scan = |hay: &[Term], slot: usize| {
            for p in 0..hay.len() {
                if let Some(list) = self.by_first.get(&hay[p]) {
                    for &n in list {
                        if hay[p..].starts_with(&self.needles[n].2) {
                            counts[n][slot] += 1;
                        }
                    }
                }
            }
        };
        scan(doc.headline_stems(), 0);
        for s in &doc.sentences {
            scan(
                doc.stems(s),
                if s.position < LEAD_SENTENCES { 1 } else { 2 },
            );
        }
        let mut out: Vec<Vec<Evidence>> = vec![Vec::new(); self.defs.len()];
        for (n, &(d, k, _)) in self.needles.iter().enumerate() {
            let [title, lead, body] = counts[n];
            if title + lead + body > 0 {
                out[d].push(Evidence {
                    term: self.defs[d].terms[k].clone(),
                    title,
                    lead,
                    body,
                });
            }
        }
        out
    }
}

/// Similarity (of discovery vectors, averaged over members) from which documents share a
/// discovered thread, unless the corpus's mean similarity is higher.
pub(crate) const DISCOVERY_THRESHOLD: f64 = 0.06;
/// The share of names (capitalised words) in the similarity of two documents; content terms
/// have the rest.
pub(crate) const DISCOVERY_NAME_SHARE: f64 = 0.7;
/// Terms under which a document is indexed in discovery: its heaviest, by TF-IDF.
pub(crate) const DISCOVERY_TERMS: usize = 32;
/// How many documents a term's postings hold: those where it weighs most.
pub(crate) const DISCOVERY_POSTINGS: usize = 200;
/// Neighbours each document keeps: its most similar.
pub(crate) const DISCOVERY_NEIGHBOURS: usize = 64;

/// Groups the documents `docs` (corpus indices: all of them without a thread file, those no
/// defined thread claims with one) into threads.
///
/// Each document is a vector of two TF-IDF blocks, content terms and names ([`doc_vectors`]).
/// An inverted index over each document's [`DISCOVERY_TERMS`] heaviest features, each holding
/// the [`DISCOVERY_POSTINGS`] documents where it weighs most, gives every document candidates;
/// the [`DISCOVERY_NEIGHBOURS`] with the most weight in common become its neighbours, weighed by
/// their whole similarity (in parallel). Clusters are merged by average linkage while the best
/// pair's mean similarity (pairs that are not neighbours count as 0) is at least the corpus's
/// [`threshold`]; two articles alone need [`PAIR_FACTOR`] times it. An article that never
/// writes its cluster's full name leaves it ([`without_strays`]). Threads are named by
/// [`names`] (never a name in `taken_names`); an article alone is a thread only when a name of its
/// own sets it apart. Returns the threads with their articles, largest first (then by name); an
/// article in none of them belongs to "Other". Measurements: docs/threads.md.
///
/// Cost: near-linear in the corpus (no n x n matrix); see docs/performance.md.
pub(crate) fn discover(corpus: &Corpus, docs: &[usize], taken_names: &[&str]) -> Vec<Discovered> {
    let vectors = doc_vectors(corpus, docs);
    let dims = vectors
        .iter()
        .filter_map(|v| v.last())
        .map(|e| e.0 as usize + 1)
        .max()
        .unwrap_or(0);
    let threshold = threshold(&vectors, dims);
    let edges = neighbours(&vectors, dims);
    drop(vectors);
    // Clusters of corpus indices.
    let clusters: Vec<Vec<usize>> = average_linkage(docs.len(), &edges, threshold)
        .into_iter()
        // Two articles make a thread only when they are clearly alike: one link is thin evidence.
        .flat_map(|c| {
            let pair_sim = (c.len() == 2)
                .then(|| {
                    edges
                        .binary_search_by_key(&(c[0], c[1]), |e| (e.0, e.1))
                        .ok()
                })
                .flatten()
                .map(|k| edges[k].2);
            match pair_sim {
                Some(s) if s < PAIR_FACTOR * threshold => vec![vec![c[0]], vec![c[1]]],
                _ => vec![c],
            }
        })
        .map(|c| c.into_iter().map(|k| docs[k]).collect())
        .collect();
    let names = Names::new(corpus, docs);
    let mut clusters = without_strays(corpus, &names, clusters);
    // Biggest first (then by first article): bigger threads choose their names first.
    clusters.sort_by_key(|c| (std::cmp::Reverse(c.len()), c[0]));

    let mut named: Vec<Discovered> = Vec::new();
    let mut taken = names::Taken::default();
    for name in taken_names {
        taken.insert(name);
    }
    taken.insert(OTHER);
    for members in clusters {
        let cands = names.candidates(&members);
        let best = cands.iter().find(|c| !taken.alike(&c.name));
        let name = match best {
            // An article alone is a thread when a name of its own (found in no other article,
            // and in its lead or twice) sets it apart; otherwise it goes to "Other".
            Some(c) if members.len() > 1 || (c.df == 1 && c.weight >= 2.0) => c.name.clone(),
            None if members.len() > 1 => thread_name(corpus, &members, &taken),
            _ => continue,
        };
        taken.insert(&name);
        // Its top terms: the name, then the next best candidates, none alike another.
        let mut terms: Vec<String> = vec![name.clone()];
        let mut shown = names::Taken::default();
        shown.insert(&name);
        for c in &cands {
            if terms.len() == TOP_TERMS {
                break;
            }
            // This thread's: nine in ten of the articles holding it are in it (the terms make a
            // thread file's terms with `brief threads --format toml`).
            let own = c.docs * 10 >= c.df * 9;
            if own && !shown.alike(&c.name) && !contains_words_of(&terms, &c.name) {
                shown.insert(&c.name);
                terms.push(c.name.clone());
            }
        }
        named.push(Discovered {
            name,
            terms,
            members,
        });
    }
    // Threads by size, then name.
    named.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    named
}

/// Takes out of each cluster with a full name ([`Names::full_name`]: "Michelle Obama", "Galaxy
/// S5", written by nine in ten of its articles) the articles that never write it: each is left
/// alone. Such an article joined through single words the story shares with others ("Obama" in
/// an article on Barack Obama, "Samsung" and "Galaxy" in one on another Samsung phone), not
/// through what the story is about. A cluster of under ten articles loses none: nine in ten of
/// it is all of it.
fn without_strays(corpus: &Corpus, names: &Names, clusters: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let mut out = Vec::with_capacity(clusters.len());
    for members in clusters {
        let writing = match names.full_name(corpus, &members) {
            Some((_, writing)) if writing.len() < members.len() => writing,
            _ => {
                out.push(members);
                continue;
            }
        };
        let kept: HashSet<usize> = writing.iter().copied().collect();
        out.extend(
            members
                .iter()
                .filter(|m| !kept.contains(m))
                .map(|&m| vec![m]),
        );
        out.push(writing);
    }
    out
}

/// A thread of two articles needs their similarity to be this many times the threshold.
pub(crate) const PAIR_FACTOR: f64 = 2.0;

/// How many top terms a discovered thread shows.
pub(crate) const TOP_TERMS: usize = 4;

/// A discovered thread.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Discovered {
    pub name: String,
    /// Its name, then the names and phrases that most distinguish it ("Riyadh", "Saudi Arabia",
    /// "Rubio", "Lavrov"), at most [`TOP_TERMS`].
    pub terms: Vec<String>,
    /// Its articles (corpus indices), in order.
    pub members: Vec<usize>,
}

/// Whether `name` is one of the words of a term already chosen, or holds one ("Saudi" after
/// "Saudi Arabia").
fn contains_words_of(terms: &[String], name: &str) -> bool {
    let words = |s: &str| {
        s.to_lowercase()
            .split(' ')
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let new = words(name);
    terms.iter().any(|t| {
        let old = words(t);
        new.iter().all(|w| old.contains(w)) || old.iter().all(|w| new.contains(w))
    })
}

/// Features with their weights, sorted by feature.
type Weighted = Vec<(Term, f64)>;

/// Each document's discovery vector, sorted by feature: two blocks, each a TF-IDF vector
/// normalised to unit length, the content terms' scaled by the square root of
/// `1 - DISCOVERY_NAME_SHARE` and the names' by the square root of `DISCOVERY_NAME_SHARE`, so that
/// the dot product of two vectors is the blend of the two cosines. Counts are weighted by place
/// (headline ×3, lead ×2) and taken sublinearly (1 + ln); name features follow the term ids.
fn doc_vectors(corpus: &Corpus, docs: &[usize]) -> Vec<Vec<(Term, f64)>> {
    let n = docs.len();
    let (word_share, name_share) = shares();
    // Per document: weighted term counts, and weighted name counts keyed by the lowercased name.
    let counted: Vec<(Weighted, Vec<(String, f64)>)> = docs
        .par_iter()
        .map(|&d| {
            let doc = &corpus.docs[d];
            (term_counts(corpus, doc), name_counts(doc))
        })
        .collect();
    // Name ids after the term ids, in order of first appearance (deterministic).
    let base = corpus.vocab.len() as Term;
    let mut name_ids: FxHashMap<&str, Term> = FxHashMap::default();
    for (_, names) in &counted {
        for (name, _) in names {
            let next = base + name_ids.len() as Term;
            name_ids.entry(name.as_str()).or_insert(next);
        }
    }
    let dims = corpus.vocab.len() + name_ids.len();
    let mut df = vec![0u32; dims];
    let blocks: Vec<(Weighted, Weighted)> = counted
        .iter()
        .map(|(terms, names)| {
            let names: Vec<(Term, f64)> = names
                .iter()
                .map(|(k, c)| (name_ids[k.as_str()], *c))
                .collect();
            for &(t, _) in terms.iter().chain(&names) {
                df[t as usize] += 1;
            }
            (terms.clone(), names)
        })
        .collect();
    drop(counted);
    let weigh = |block: Vec<(Term, f64)>, share: f64| -> Vec<(Term, f64)> {
        let mut v: Vec<(Term, f64)> = block
            .into_iter()
            .map(|(t, c)| {
                let idf = ((1.0 + n as f64) / (1.0 + f64::from(df[t as usize]))).ln();
                (t, (1.0 + c.ln()) * idf)
            })
            .filter(|&(_, w)| w > 0.0)
            .collect();
        let norm = v.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt();
        for e in &mut v {
            e.1 *= share.sqrt() / norm;
        }
        v
    };
    blocks
        .into_par_iter()
        .map(|(terms, names)| {
            let mut v = weigh(terms, word_share);
            v.extend(weigh(names, name_share));
            v.sort_unstable_by_key(|e| e.0);
            v
        })
        .collect()
}

/// The content terms of a document with their counts, weighted by place: ×3 in the headline,
/// ×2 in the lead, sorted by term.
fn term_counts(corpus: &Corpus, doc: &Document) -> Vec<(Term, f64)> {
    let mut tf: FxHashMap<Term, f64> = FxHashMap::default();
    if let Some(h) = &doc.article.headline {
        let lang = doc.lang.data();
        for w in text::words(h) {
            if lang.is_stop_word(&w) {
                continue;
            }
            if let Some(t) = corpus.vocab.get(&lang.stem(&w)) {
                *tf.entry(t).or_default() += TITLE_WEIGHT;
            }
        }
    }
    for s in &doc.sentences {
        let w = place_weight(s.position);
        for &t in doc.terms(s) {
            *tf.entry(t).or_default() += w;
        }
    }
    let mut tf: Vec<(Term, f64)> = tf.into_iter().collect();
    tf.sort_unstable_by_key(|e| e.0);
    tf
}

fn place_weight(position: usize) -> f64 {
    if position < LEAD_SENTENCES {
        LEAD_WEIGHT
    } else {
        1.0
    }
}

/// The names of a document (words written with a capital inside a sentence, not at its start)
/// with the weighted count of all their occurrences, sentence starts and headline included;
/// keyed by the lowercased word, sorted.
fn name_counts(doc: &Document) -> Vec<(String, f64)> {
    use unicode_segmentation::UnicodeSegmentation;
    let lang = doc.lang.data();
    let mut lower = String::new();
    let mut names: HashSet<&str> = HashSet::new();
    for s in &doc.sentences {
        for w in doc.text(s).unicode_words().skip(1) {
            let w = bare(w);
            if capitalised(w, lang, &mut lower) {
                names.insert(w);
            }
        }
    }
    let mut counts: BTreeMap<String, f64> = BTreeMap::new();
    let mut count = |text: &str, weight: f64| {
        for w in text.unicode_words() {
            let w = bare(w);
            if names.contains(w) {
                *counts.entry(name_key(w)).or_default() += weight;
            }
        }
    };
    if let Some(h) = &doc.article.headline {
        count(h, TITLE_WEIGHT);
    }
    for s in &doc.sentences {
        count(doc.text(s), place_weight(s.position));
    }
    counts.into_iter().collect()
}

/// The shares of the content terms and of the names in a discovery vector.
fn shares() -> (f64, f64) {
    (1.0 - DISCOVERY_NAME_SHARE, DISCOVERY_NAME_SHARE)
}

/// The threshold of a corpus: [`DISCOVERY_THRESHOLD`], or the mean cosine of all pairs of
/// documents when that is higher (a corpus about one subject, where the stories are told apart
/// by what distinguishes them from the rest).
fn threshold(vectors: &[Vec<(Term, f64)>], dims: usize) -> f64 {
    let base = DISCOVERY_THRESHOLD;
    let n = vectors.len();
    if n < 2 {
        return base;
    }
    // The sum over pairs of v_i · v_j is (|Σ v|² − Σ |v|²) / 2.
    let mut sum = vec![0.0_f64; dims];
    let mut own = 0.0;
    for v in vectors {
        for &(t, w) in v {
            sum[t as usize] += w;
            own += w * w;
        }
    }
    let total: f64 = sum.iter().map(|x| x * x).sum();
    let mean = (total - own) / (n as f64 * (n as f64 - 1.0));
    base.max(mean)
}

/// The heaviest `k` entries of a vector.
fn heaviest(v: &[(Term, f64)], k: usize) -> Vec<(Term, f64)> {
    let mut top = v.to_vec();
    if top.len() > k {
        top.select_nth_unstable_by(k, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(k);
        top.shrink_to_fit();
    }
    top
}

/// Cosine of two normalised vectors sorted by term.
fn cosine(a: &[(Term, f64)], b: &[(Term, f64)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// The similarity edges (i < j, cosine) between each document and its nearest neighbours:
/// candidates from an index over each document's heaviest terms, ranked by the part of the
/// cosine those terms give, then weighed by the whole cosine.
fn neighbours(vectors: &[Vec<(Term, f64)>], vocab: usize) -> Vec<(usize, usize, f64)> {
    let n = vectors.len();
    let tops: Vec<Vec<(Term, f64)>> = vectors
        .par_iter()
        .map(|v| heaviest(v, DISCOVERY_TERMS))
        .collect();
    // Postings: for each term, the documents where it is among the heaviest and weighs most.
    let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); vocab];
    for (d, v) in tops.iter().enumerate() {
        for &(t, w) in v {
            postings[t as usize].push((d as u32, w));
        }
    }
    let cap = DISCOVERY_POSTINGS;
    postings.par_iter_mut().for_each(|p| {
        if p.len() > cap {
            p.select_nth_unstable_by(cap, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            p.truncate(cap);
            p.shrink_to_fit();
        }
    });
    let k = DISCOVERY_NEIGHBOURS;
    let rows: Vec<Vec<(usize, f64)>> = (0..n)
        .into_par_iter()
        // Each job zeroes a scratch array of n: jobs of at least 1,024 documents keep that
        // linear.
        .with_min_len(1024)
        .map_init(
            || (vec![0.0_f64; n], Vec::<usize>::new()),
            |(acc, touched), i| {
                for &(t, w) in &tops[i] {
                    for &(j, wj) in &postings[t as usize] {
                        let j = j as usize;
                        if j == i {
                            continue;
                        }
                        if acc[j] == 0.0 {
                            touched.push(j);
                        }
                        acc[j] += w * wj;
                    }
                }
                let mut row: Vec<(usize, f64)> = touched.iter().map(|&j| (j, acc[j])).collect();
                for &j in touched.iter() {
                    acc[j] = 0.0;
                }
                touched.clear();
                if row.len() > k {
                    row.select_nth_unstable_by(k, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                    row.truncate(k);
                    row.shrink_to_fit();
                }
                for e in &mut row {
                    e.1 = cosine(&vectors[i], &vectors[e.0]);
                }
                row
            },
        )
        .collect();
    // Undirected: each pair once.
    let mut edges: Vec<(usize, usize, f64)> = rows
        .into_iter()
        .enumerate()
        .flat_map(|(i, row)| row.into_iter().map(move |(j, s)| (i.min(j), i.max(j), s)))
        .collect();
    edges.sort_unstable_by_key(|e| (e.0, e.1));
    edges.dedup_by_key(|e| (e.0, e.1));
    edges
}

/// Average-linkage clustering of `n` items over sparse similarity `edges` (missing pairs count
/// as 0): the pair of clusters with the highest mean similarity merges while that mean is at
/// least `threshold` (on equal means, the pair with the lower ids first). Returns the clusters,
/// each sorted.
///
/// A cluster's links (summed similarities to each neighbouring cluster) are kept in a map; the
/// smaller of two merging clusters is folded into the larger. Each cluster has one entry in a
/// max-heap: a bound on its best mean, with the partner that gave it. A merge only lowers the
/// means of the clusters around it, but for those linked to the folded cluster, whose summed
/// link grew and whose bound is raised when the new mean passes it. A bound that reaches the top
/// of the heap and is no longer exact is recomputed from the cluster's links and pushed back; one
/// that is exact is the best merge there is. The heap stays the size of the corpus, whatever the
/// number of links.
fn average_linkage(n: usize, edges: &[(usize, usize, f64)], threshold: f64) -> Vec<Vec<usize>> {
    let mut links: Vec<FxHashMap<usize, f64>> = vec![FxHashMap::default(); n];
    for &(i, j, s) in edges {
        links[i].insert(j, s);
        links[j].insert(i, s);
    }
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mean = |members: &[Vec<usize>], a: usize, b: usize, sum: f64| {
        sum / (members[a].len() * members[b].len()) as f64
    };
    // Each cluster's bound: (mean, partner), and the version of its heap entry.
    let best_of = |links: &[FxHashMap<usize, f64>], members: &[Vec<usize>], c: usize| {
        links[c]
            .iter()
            .map(|(&p, &sum)| merge(mean(members, c, p, sum), c, p))
            .max()
    };
    let mut bound: Vec<Option<Merge>> = (0..n).map(|c| best_of(&links, &members, c)).collect();
    let mut version = vec![0u32; n];
    let mut heap: BinaryHeap<(Merge, usize, u32)> = bound
        .iter()
        .enumerate()
        .filter_map(|(c, b)| b.filter(|m| m.score >= threshold).map(|m| (m, c, 0)))
        .collect();
    let mut alive = vec![true; n];
    while let Some((top, c, v)) = heap.pop() {
        if !alive[c] || v != version[c] {
            continue;
        }
        let (a, b) = top.tie;
        let p = if a == c { b } else { a };
        let exact = alive[p]
            && links[c]
                .get(&p)
                .is_some_and(|&sum| mean(&members, c, p, sum) == top.score);
        if !exact {
            // A stale bound: recompute it and wait for its turn.
            bound[c] = best_of(&links, &members, c);
            version[c] += 1;
            if let Some(m) = bound[c].filter(|m| m.score >= threshold) {
                heap.push((m, c, version[c]));
            }
            continue;
        }
        // Fold the smaller cluster into the larger (on equal sizes, the later into the earlier).
        let (keep, gone) = if (members[c].len(), p) >= (members[p].len(), c) {
            (c, p)
        } else {
            (p, c)
        };
        alive[gone] = false;
        let moved = std::mem::take(&mut members[gone]);
        members[keep].extend(moved);
        let gone_links = std::mem::take(&mut links[gone]);
        links[keep].remove(&gone);
        for (x, s) in gone_links {
            if x == keep {
                continue;
            }
            links[x].remove(&gone);
            let sum = *links[x].entry(keep).and_modify(|t| *t += s).or_insert(s);
            links[keep].insert(x, sum);
            // The link to x grew: raise x's bound if the new mean passes it.
            let m = merge(mean(&members, keep, x, sum), x, keep);
            if bound[x].is_none_or(|b| m > b) {
                bound[x] = Some(m);
                version[x] += 1;
                if m.score >= threshold {
                    heap.push((m, x, version[x]));
                }
            }
        }
        bound[keep] = best_of(&links, &members, keep);
        version[keep] += 1;
        if let Some(m) = bound[keep].filter(|m| m.score >= threshold) {
            heap.push((m, keep, version[keep]));
        }
    }
    members
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|mut m| {
            m.sort_unstable();
            m
        })
        .collect()
}

/// A candidate merge of clusters a < b, by mean similarity (then the lower ids first).
type Merge = Key<(usize, usize)>;

fn merge(mean: f64, a: usize, b: usize) -> Merge {
    Key {
        score: mean,
        tie: (a.min(b), a.max(b)),
    }
}

/// The capitalised word (not at a sentence start) that occurs in most members, then most often.
fn thread_name(corpus: &Corpus, members: &[usize], taken: &names::Taken) -> String {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for &m in members {
        let doc = &corpus.docs[m];
        let lang = doc.lang.data();
        let mut here: BTreeMap<String, usize> = BTreeMap::new();
        for s in &doc.sentences {
            for (k, w) in doc.text(s).split_whitespace().enumerate() {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                let w = w
                    .strip_suffix("’s")
                    .or_else(|| w.strip_suffix("'s"))
                    .unwrap_or(w);
                if k == 0
                    || w.chars().count() < 3
                    || !w.chars().next().is_some_and(char::is_uppercase)
                {
                    continue;
                }
                if w.chars().all(|c| c.is_uppercase()) || lang.is_stop_word(&w.to_lowercase()) {
                    continue;
                }
                *here.entry(w.to_string()).or_default() += 1;
            }
        }
        for (w, c) in here {
            let e = counts.entry(w).or_default();
            e.0 += 1;
            e.1 += c;
        }
    }
    let mut ranked: Vec<(String, (usize, usize))> = counts.into_iter().collect();
    ranked.sort_by(|a, b| (b.1).cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .map(|(w, _)| w)
        .find(|w| !taken.alike(w))
        .unwrap_or_else(|| corpus.docs[members[0]].title().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest;
    use crate::lang::{Lang, LanguageChoice};

    fn corpus(docs: &[(&str, &str)]) -> Corpus {
        let articles = docs
            .iter()
            .map(|(name, text)| ingest::parse(Path::new(name), name, text.as_bytes()).unwrap())
            .collect();
        Corpus::build(articles, LanguageChoice::Fixed(Lang::English))
    }

    fn defs() -> Vec<ThreadDef> {
        parse(
            Path::new("threads.toml"),
            "[[thread]]\nname = \"Riyadh\"\ndescription = \"talks\"\nterms = [\"Riyadh\", \"Saudi Arabia\"]\n\n[[thread]]\nname = \"Istanbul\"\nterms = [\"Istanbul\", \"prisoner exchange\"]\n",
        )
        .unwrap()
    }

    #[test]
    fn parses_and_validates() {
        assert_eq!(defs().len(), 2);
        let e = parse(
            Path::new("t.toml"),
            "[[thread]]\nname = \"A\"\n[[thread]]\nname = \"a\"\n",
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "t.toml:4: thread \"a\" is defined twice");
        let e = parse(
            Path::new("t.toml"),
            "[[thread]]\nname = \"A\"\nterm = [\"x\"]\n",
        )
        .unwrap_err();
        assert!(
            e.to_string().starts_with("t.toml:3: unknown field `term`"),
            "{e}"
        );
        let e = parse(Path::new("t.toml"), "[[thread]\n").unwrap_err();
        assert!(e.to_string().starts_with("t.toml:1:"), "{e}");
    }

    /// A thread's line is where the file names it, however the name is quoted or written.
    #[test]
    fn errors_and_warnings_point_at_the_name_however_quoted() {
        let text = "[[thread]]\nname = 'Riyadh'\nterms = []\n\n[[thread]]\nterms = ['x']\nname = \"\"\"Alaska\"\"\"\n\n[[thread]]\n  name='riyadh'\n";
        let e = parse(Path::new("t.toml"), text).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.toml:10: thread \"riyadh\" is defined twice"
        );
        let defs = parse(Path::new("t.toml"), &text.replace("'riyadh'", "'Ålesund'")).unwrap();
        let lines: Vec<Option<usize>> = defs.iter().map(|d| d.line).collect();
        assert_eq!(lines, [Some(2), Some(7), Some(10)]);
        let warnings: Vec<String> = lint(Path::new("t.toml"), &defs, true)
            .iter()
            .map(|w| w.to_string())
            .collect();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings[0].starts_with("t.toml:2: thread \"Riyadh\" has no terms"),
            "{warnings:?}"
        );
        assert!(
            warnings[1].starts_with("t.toml:10: thread \"Ålesund\" has no terms"),
            "{warnings:?}"
        );
    }

    /// One rule decides when two names are one thread: the thread file's duplicates, "Other",
    /// and front matter naming a defined thread all fold case the same way, beyond ASCII.
    #[test]
    fn names_fold_case_one_way() {
        let e = parse(
            Path::new("t.toml"),
            "[[thread]]\nname = 'ÉLYSÉE'\n[[thread]]\nname = ' élysée '\n",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.toml:4: thread \" élysée \" is defined twice"
        );
        let e = parse(Path::new("t.toml"), "[[thread]]\nname = 'OTHER'\n").unwrap_err();
        assert!(e.to_string().contains("reserved"), "{e}");
        let c = corpus(&[
            ("a.md", "---\nthread: ÉLYSÉE\n---\nTalks in Paris.\n"),
            ("b.md", "---\nthread: other\n---\nTalks in Riyadh.\n"),
        ]);
        let mut d = parse(
            Path::new("t.toml"),
            "[[thread]]\nname = 'Élysée'\nterms = ['Paris']\n",
        )
        .unwrap();
        let a = assign(&c, &mut d);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((a[0].thread, a[1].thread), (Some(0), None));
    }

    #[test]
    fn lead_outweighs_a_passing_mention() {
        let c = corpus(&[(
            "a.txt",
            "Talks in Riyadh ended. Officials met in Saudi Arabia.\n\nOne more line.\n\nLater they flew to Istanbul for a prisoner exchange.\n",
        )]);
        let mut d = defs();
        let a = assign(&c, &mut d);
        assert_eq!(a[0].thread, Some(0));
        assert_eq!(a[0].score, 4.0);
        assert_eq!(a[0].evidence.len(), 2);
    }

    #[test]
    fn no_evidence_goes_to_other_and_front_matter_wins() {
        let c = corpus(&[
            ("a.txt", "Nothing relevant here.\n"),
            ("b.md", "---\nthread: Alaska\n---\nTalks in Riyadh.\n"),
        ]);
        let mut d = defs();
        let a = assign(&c, &mut d);
        assert_eq!(a[0].thread, None);
        assert_eq!(a[1].thread, Some(2));
        assert!(a[1].by_front_matter);
        assert_eq!(d[2].name, "Alaska");
    }

    /// Average linkage as defined: every pair of clusters compared at every step.
    fn average_linkage_by_scan(n: usize, sim: &[Vec<f64>], threshold: f64) -> Vec<Vec<usize>> {
        let mut clusters: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
        loop {
            let mut best: Option<(f64, usize, usize)> = None;
            for a in 0..clusters.len() {
                for b in a + 1..clusters.len() {
                    let total: f64 = clusters[a]
                        .iter()
                        .flat_map(|&i| clusters[b].iter().map(move |&j| sim[i][j]))
                        .sum();
                    let avg = total / (clusters[a].len() * clusters[b].len()) as f64;
                    if avg >= threshold && best.is_none_or(|(s, _, _)| avg > s) {
                        best = Some((avg, a, b));
                    }
                }
            }
            let Some((_, a, b)) = best else { break };
            let moved = clusters.remove(b);
            clusters[a].extend(moved);
            clusters[a].sort_unstable();
        }
        clusters.sort();
        clusters
    }

    #[test]
    fn sparse_average_linkage_merges_as_the_definition() {
        let mut next = crate::tests::numbers(3);
        for round in 0..40 {
            let n = 12 + round % 20;
            let mut edges = Vec::new();
            for i in 0..n {
                for j in i + 1..n {
                    if next(4) == 0 {
                        // Distinct values, so that no two merges tie.
                        let s = (1 + next(1000)) as f64 / 1000.0 + (i * n + j) as f64 * 1e-9;
                        edges.push((i, j, s));
                    }
                }
            }
            let mut sim = vec![vec![0.0; n]; n];
            for &(i, j, s) in &edges {
                sim[i][j] = s;
                sim[j][i] = s;
            }
            let threshold = [0.1, 0.2, 0.35][round % 3];
            let mut fast = average_linkage(n, &edges, threshold);
            fast.sort();
            assert_eq!(
                fast,
                average_linkage_by_scan(n, &sim, threshold),
                "round {round}"
            );
        }
    }

    #[test]
    fn discovery_groups_similar_articles() {
        let c = corpus(&[
            (
                "a.txt",
                "Floods hit Valencia on Monday. Valencia flood waters rose fast.\n",
            ),
            (
                "b.txt",
                "Valencia floods killed dozens. Rescue teams reached Valencia.\n",
            ),
            (
                "c.txt",
                "The central bank raised interest rates. Inflation stayed high.\n",
            ),
        ]);
        let threads = discover(&c, &[0, 1, 2], &[]);
        // The bank article is alone and has no name of its own: it goes to "Other".
        assert_eq!(threads.len(), 1);
        assert_eq!(threads[0].name, "Valencia");
        assert_eq!(threads[0].members, vec![0, 1]);
        assert_eq!(threads[0].terms[0], "Valencia");
    }

    #[test]
    fn a_thread_is_named_by_its_distinguishing_name_whole() {
        let c = corpus(&[
            (
                "a.txt",
                "On Monday the opposition marched against Prime Minister Hun Sen in the capital. \
                 Police met the march led by Sam Rainsy near the palace on Monday.\n",
            ),
            (
                "b.txt",
                "Protesters on Monday demanded that Prime Minister Hun Sen step down. \
                 The house of Sam Rainsy was watched by Hun Sen's police on Monday.\n",
            ),
            (
                "c.txt",
                "The house prices in the south rose on Monday, the national bank said. \
                 Buyers in Leeds paid more for a house than a year ago on Monday, Aug. 4.\n",
            ),
        ]);
        let names = names::Names::new(&c, &[0, 1, 2]);
        let best = &names.candidates(&[0, 1])[0];
        // "Hun Sen", not the fragment "Sen"; never "Monday", nor the title "Prime Minister".
        assert_eq!(best.name, "Hun Sen");
        let all: Vec<String> = names.candidates(&[2]).into_iter().map(|c| c.name).collect();
        assert!(all.contains(&"Leeds".to_string()), "{all:?}");
        assert!(!all.iter().any(|n| n == "Monday" || n == "Aug"), "{all:?}");
    }

    /// Ten articles write "Galaxy S5" (one only in its headline); one on another Samsung phone
    /// shares "Samsung" and "Galaxy" with them but never writes it, and leaves their thread.
    #[test]
    fn an_article_not_writing_the_full_name_of_its_thread_leaves_it() {
        let mut texts: Vec<(String, String)> = (0..9)
            .map(|i| {
                (
                    format!("s{i}.txt"),
                    format!(
                        "Review number {i}\n\nThis week Samsung sold the Galaxy S5 in Seoul. \
                         Buyers of the Galaxy S5 praised the camera of the Samsung phone.\n"
                    ),
                )
            })
            .collect();
        texts.push((
            "h.txt".into(),
            "Samsung Galaxy S5 camera tested\n\nThe new Samsung phone has a better camera. \
             In Seoul the Galaxy phones sold well.\n"
                .into(),
        ));
        texts.push((
            "w.txt".into(),
            "Samsung phone sales\n\nSales of the Samsung Wave phone rose in Seoul. \
             The older Galaxy phones sold well too.\n"
                .into(),
        ));
        texts.push((
            "o.txt".into(),
            "Rain in Leeds\n\nHeavy rain fell on the town of Leeds this week.\n".into(),
        ));
        let docs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let c = corpus(&docs);
        assert_eq!(
            c.docs[9].article.headline.as_deref(),
            Some("Samsung Galaxy S5 camera tested")
        );
        let all: Vec<usize> = (0..c.docs.len()).collect();
        let names = Names::new(&c, &all);
        let thread: Vec<usize> = (0..11).collect();
        let (name, writing) = names.full_name(&c, &thread).unwrap();
        assert_eq!(name, "Galaxy S5");
        assert_eq!(writing, (0..10).collect::<Vec<_>>());
        let split = without_strays(&c, &names, vec![thread, vec![11]]);
        assert_eq!(split, vec![vec![10], (0..10).collect(), vec![11]]);
        // Under ten articles, nine in ten is all of them: none leaves.
        let small: Vec<usize> = (4..11).collect();
        assert_eq!(without_strays(&c, &names, vec![small.clone()]), vec![small]);
    }

    #[test]
    fn near_duplicate_names_are_alike() {
        let mut taken = names::Taken::default();
        taken.insert("Lords");
        taken.insert("Philippine");
        taken.insert("Paris");
        assert!(taken.alike("Lord"));
        assert!(taken.alike("lords"));
        assert!(taken.alike("Philippines"));
        assert!(!taken.alike("Parisian"));
        assert!(!taken.alike("Istanbul"));
        assert!(!taken.alike("L"));
    }
}
