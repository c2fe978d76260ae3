//! The one code path every command takes from an analysed [`Corpus`] to key lines and to a
//! [`Brief`]. It only orchestrates: a [`Scope`] of sentences is ranked by [`crate::rank`], its
//! lines picked and ordered by [`crate::select`], threads come from [`crate::threads`] and the
//! model from [`crate::brief`]. `build`, `summarize` and `eval` all call these functions with the
//! same defaults ([`Options::default`]).
//!
//! Cost: every step is near-linear in the scope it works on (docs/performance.md), and the
//! scopes of a brief (each article, each thread, the corpus) add up to three passes over the
//! corpus. Articles and threads are ranked in parallel; the result does not depend on the number
//! of threads.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::brief::{self, Brief};
use crate::corpus::{Corpus, SentenceId};
use crate::graph::{Bags, Similarity};
use crate::progress::{Progress, Silent, Stage};
use crate::rank::{self, Ranker};
use crate::select::{self, Budget, Candidate, Order, Redundancy};
use crate::threads::{self, Assignment, ThreadDef};

pub use crate::rank::{DEFAULT_BACKWARD, DEFAULT_RAMP};

/// Settings of the summarizer. The defaults were chosen on the first half of each evaluation set
/// and hold on the second (docs/quality.md).
#[derive(Clone, Debug)]
pub struct Options {
    /// Similarity of the PageRank graph.
    pub similarity: Similarity,
    pub ranker: Ranker,
    /// Budget for each article's key lines.
    pub article: Budget,
    /// Budget for each thread's key lines.
    pub thread: Budget,
    /// Budget for the corpus key lines.
    pub corpus: Budget,
    /// Redundancy control across articles (thread and corpus lines, folders taken as one corpus).
    pub redundancy: Redundancy,
    /// Sentences shorter than this many words are not candidates (unless no sentence is longer).
    pub min_words: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            similarity: Similarity::default(),
            ranker: Ranker::default(),
            article: Budget::Lines(3),
            thread: Budget::Lines(4),
            corpus: Budget::Lines(5),
            redundancy: Redundancy::Mmr { lambda: 0.7 },
            min_words: 6,
        }
    }
}

/// A chosen sentence with its score and rank in its scope.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scored {
    pub id: SentenceId,
    pub score: f64,
    /// 1-based rank in the scope.
    pub rank: usize,
}

/// The sentences one section's key lines are chosen from, and how.
#[derive(Clone, Copy, Debug)]
pub struct Scope<'a> {
    pub ids: &'a [SentenceId],
    pub budget: Budget,
    /// Whether the lines come from several articles, so that redundancy control applies.
    pub across_articles: bool,
    pub order: Order,
    /// Groups of documents whose best line is taken first, in this order, while the budget
    /// lasts: every story gets its line.
    pub cover: &'a [Vec<usize>],
}

impl<'a> Scope<'a> {
    /// The lines of one article, in article order.
    pub fn article(ids: &'a [SentenceId], budget: Budget) -> Scope<'a> {
        Scope {
            ids,
            budget,
            across_articles: false,
            order: Order::Article,
            cover: &[],
        }
    }

    /// Lines across articles, told in the order things happened.
    pub fn across(ids: &'a [SentenceId], budget: Budget) -> Scope<'a> {
        Scope {
            ids,
            budget,
            across_articles: true,
            order: Order::Chronological,
            cover: &[],
        }
    }
}

/// Key lines of a scope: rank, pick within the budget (with the redundancy control of `opts`
/// across articles, covering the scope's groups first), and order.
pub fn key_lines(corpus: &Corpus, scope: &Scope, opts: &Options) -> Vec<Scored> {
    if scope.ids.is_empty() {
        return Vec::new();
    }
    let long: Vec<SentenceId> = scope
        .ids
        .iter()
        .copied()
        .filter(|&id| corpus.sentence(id).words >= opts.min_words)
        .collect();
    let ids: &[SentenceId] = if long.is_empty() { scope.ids } else { &long };
    let total_words: usize = ids.iter().map(|&id| corpus.sentence(id).words).sum();
    let share = match scope.budget {
        Budget::Words(n) => n as f64 / total_words.max(1) as f64,
        Budget::Lines(n) => n as f64 / ids.len() as f64,
        Budget::Ratio(r) => r,
    };
    // The scope's bags serve the ranking and then the redundancy control.
    let bags = Bags::new(ids.iter().map(|&id| corpus.sentence(id).terms()));
    let scores = opts.ranker.scores(&bags, ids, share, opts.similarity);
    let ranked = rank::order(&scores);
    let candidates: Vec<Candidate> = ranked
        .iter()
        .map(|&i| {
            let s = corpus.sentence(ids[i]);
            Candidate {
                score: scores[i],
                text: s.text(),
                bag: bags.bag(i),
                words: s.words,
            }
        })
        .collect();
    let redundancy = if scope.across_articles {
        opts.redundancy
    } else {
        Redundancy::Off
    };
    let seeds = cover_seeds(ids, &ranked, scope.cover);
    let mut chosen: Vec<Scored> = select::pick_after(&candidates, &seeds, scope.budget, redundancy)
        .into_iter()
        .map(|k| Scored {
            id: ids[ranked[k]],
            score: scores[ranked[k]],
            rank: k + 1,
        })
        .collect();
    select::order_lines(corpus, &mut chosen, |c| c.id, scope.order);
    chosen
}

/// The rank of the best candidate of each group, in group order (groups without a candidate
/// are left out). One pass over the ranking.
fn cover_seeds(ids: &[SentenceId], ranked: &[usize], cover: &[Vec<usize>]) -> Vec<usize> {
    if cover.is_empty() {
        return Vec::new();
    }
    let group_of: FxHashMap<usize, usize> = cover
        .iter()
        .enumerate()
        .flat_map(|(g, docs)| docs.iter().map(move |&d| (d, g)))
        .collect();
    let mut best: Vec<Option<usize>> = vec![None; cover.len()];
    for (k, &i) in ranked.iter().enumerate() {
        if let Some(&g) = group_of.get(&ids[i].0)
            && best[g].is_none()
        {
            best[g] = Some(k);
        }
    }
    best.into_iter().flatten().collect()
}

/// Key lines for `brief summarize`: one article's lines in article order, or a folder's lines
/// taken as one corpus (across articles, chronological).
pub fn summarize(corpus: &Corpus, budget: Budget, opts: &Options) -> Vec<Scored> {
    let ids = corpus.sentence_ids(0..corpus.docs.len());
    let scope = if corpus.docs.len() == 1 {
        Scope::article(&ids, budget)
    } else {
        Scope::across(&ids, budget)
    };
    key_lines(corpus, &scope, opts)
}

/// How threads are found. In every case front matter `thread:` puts an article in the thread
/// it names first.
#[derive(Clone, Debug)]
pub enum ThreadSource {
    /// From a thread file; the articles no defined thread claims are grouped by discovery into
    /// threads of their own, after the defined ones.
    Defined(Vec<ThreadDef>),
    /// From a thread file only: the articles no thread claims go to "Other" (`--no-discover`).
    DefinedOnly(Vec<ThreadDef>),
    /// Discovered from the articles themselves.
    Discover,
}

/// The threads of a corpus and each article's: defined ones first (front matter, then a thread
/// file's), then the discovered ones. The first step of [`build_brief`], and `brief threads`.
pub fn find_threads(corpus: &Corpus, threads: ThreadSource) -> (Vec<ThreadDef>, Vec<Assignment>) {
    let n = corpus.docs.len();
    let (mut defs, discover_rest) = match threads {
        ThreadSource::Defined(defs) => (defs, true),
        ThreadSource::DefinedOnly(defs) => (defs, false),
        ThreadSource::Discover => (Vec::new(), true),
    };
    let mut assignments: Vec<Assignment> = threads::assign(corpus, &mut defs);
    if discover_rest {
        // What no thread claims (and front matter did not send to "Other") is discovered.
        let rest: Vec<usize> = (0..n)
            .filter(|&d| assignments[d].thread.is_none() && !assignments[d].by_front_matter)
            .collect();
        let taken: Vec<&str> = defs.iter().map(|d| d.name.as_str()).collect();
        let found = threads::discover(corpus, &rest, &taken);
        for found in found {
            defs.push(ThreadDef {
                name: found.name,
                description: String::new(),
                terms: found.terms,
                discovered: true,
            });
            for m in found.members {
                assignments[m].thread = Some(defs.len() - 1);
            }
        }
    }
    (defs, assignments)
}

/// The articles of each of `threads` threads, then of "Other" (last), in document order.
pub fn members(threads: usize, assignments: &[Assignment]) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); threads + 1];
    for (d, a) in assignments.iter().enumerate() {
        members[a.thread.unwrap_or(threads)].push(d);
    }
    members
}

/// Builds the brief of a corpus.
pub fn build_brief(
    corpus: &Corpus,
    threads: ThreadSource,
    date: jiff::civil::Date,
    opts: &Options,
) -> Brief {
    build_brief_with(corpus, threads, date, opts, &Silent)
}

/// [`build_brief`], reporting the threads and ranking stages to `progress`.
pub fn build_brief_with(
    corpus: &Corpus,
    threads: ThreadSource,
    date: jiff::civil::Date,
    opts: &Options,
    progress: &dyn Progress,
) -> Brief {
    let n = corpus.docs.len();
    progress.start(Stage::Threads, 1);
    let (defs, assignments) = find_threads(corpus, threads);
    let members = members(defs.len(), &assignments);
    progress.advance(1);
    progress.start(Stage::Ranking, n + defs.len() + 1);

    // The corpus lines start with the best line of each thread, biggest thread first.
    let mut groups: Vec<Vec<usize>> = members[..defs.len()]
        .iter()
        .filter(|g| !g.is_empty())
        .cloned()
        .collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    let corpus_lines = || {
        let all = corpus.sentence_ids(0..n);
        let scope = Scope {
            cover: &groups,
            ..Scope::across(&all, opts.corpus)
        };
        let lines = key_lines(corpus, &scope, opts);
        progress.advance(1);
        lines
    };
    let thread_lines = || -> Vec<Vec<Scored>> {
        members[..defs.len()]
            .par_iter()
            .map(|m| {
                let ids = corpus.sentence_ids(m.iter().copied());
                let scope = Scope {
                    across_articles: m.len() > 1,
                    ..Scope::across(&ids, opts.thread)
                };
                let lines = key_lines(corpus, &scope, opts);
                progress.advance(1);
                lines
            })
            .collect()
    };
    let article_lines = || -> Vec<Vec<Scored>> {
        (0..n)
            .into_par_iter()
            .map(|d| {
                let ids = corpus.sentence_ids([d]);
                let lines = key_lines(corpus, &Scope::article(&ids, opts.article), opts);
                progress.advance(1);
                lines
            })
            .collect()
    };
    // The three kinds of scope are independent: all of them at once.
    let (corpus_lines, (thread_lines, article_lines)) =
        rayon::join(corpus_lines, || rayon::join(thread_lines, article_lines));

    let thread = |name: &str, description: &str, terms: &[String], m: &[usize]| brief::Thread {
        slug: brief::slug(name),
        name: name.to_string(),
        description: description.to_string(),
        terms: terms.to_vec(),
        other: false,
        discovered: false,
        key_lines: Vec::new(),
        articles: m
            .iter()
            .map(|&d| brief::article(corpus, d, &assignments[d], &article_lines[d]))
            .collect(),
    };
    let mut sections: Vec<brief::Thread> = defs
        .iter()
        .zip(thread_lines)
        .zip(&members)
        .filter(|(_, m)| !m.is_empty())
        .map(|((def, lines), m)| brief::Thread {
            discovered: def.discovered,
            key_lines: brief::key_lines(corpus, &lines),
            ..thread(&def.name, &def.description, &def.terms, m)
        })
        .collect();
    if !members[defs.len()].is_empty() {
        sections.push(brief::Thread {
            other: true,
            ..thread(threads::OTHER, "", &[], &members[defs.len()])
        });
    }
    brief::assemble(
        corpus,
        date,
        brief::key_lines(corpus, &corpus_lines),
        sections,
    )
}
