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
use rustc_hash::{FxHashMap, FxHashSet};

use crate::brief::{self, Brief};
use crate::corpus::{Corpus, SentenceId};
use crate::graph::{Bags, Similarity};
use crate::progress::{Progress, Silent, Stage};
use crate::quotes::{self, Quote};
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
pub(crate) struct Scope<'a> {
    pub ids: &'a [SentenceId],
    pub budget: Budget,
    /// Whether the lines come from several articles, so that redundancy control applies.
    pub(crate) across_articles: bool,
    pub order: Order,
    /// Groups of documents whose best line is taken first, in this order, while the budget
    /// lasts: every story gets its line.
    pub cover: &'a [Vec<usize>],
    /// Whether a sentence that is its article's title whole is left out (a brief prints it as
    /// the title; `summarize` prints no titles).
    pub(crate) titled: bool,
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
            titled: false,
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
            titled: false,
        }
    }
}

/// Key lines of a scope: rank, pick within the budget (with the redundancy control of `opts`
/// across articles, covering the scope's groups first), and order.
pub(crate) fn key_lines(corpus: &Corpus, scope: &Scope, opts: &Options) -> Vec<Scored> {
    Ranked::new(corpus, scope, opts).choose(corpus, scope, &Shown::default(), opts)
}

/// Texts shown in earlier sections of a brief, with where: a later section does not repeat them
/// (its next best line takes their place).
pub(crate) type Shown<'c> = FxHashMap<&'c str, FirstShown>;

/// Where a line was shown first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FirstShown {
    /// Among the corpus's key lines.
    Corpus,
    /// Among its thread's key lines.
    Thread,
    /// As its article's title.
    Title,
}

impl FirstShown {
    pub fn name(self) -> &'static str {
        match self {
            FirstShown::Corpus => "corpus",
            FirstShown::Thread => "thread",
            FirstShown::Title => "title",
        }
    }
}

/// A scope's candidates (its sentences long enough to be key lines), ranked. Ranking is the
/// costly step; choosing the lines from a ranking is cheap, so a brief ranks its scopes first (the
/// corpus and each article while threads are found, each thread while the corpus lines are
/// chosen) and then chooses each scope's lines knowing what earlier sections showed.
pub(crate) struct Ranked {
    ids: Vec<SentenceId>,
    scores: Vec<f64>,
    /// Indices into `ids`, best first.
    ranked: Vec<usize>,
    /// The candidates' terms, for the redundancy control (kept only where it applies).
    bags: Option<Bags>,
}

impl Ranked {
    pub fn new(corpus: &Corpus, scope: &Scope, opts: &Options) -> Ranked {
        if scope.ids.is_empty() {
            return Ranked {
                ids: Vec::new(),
                scores: Vec::new(),
                ranked: Vec::new(),
                bags: None,
            };
        }
        let long: Vec<SentenceId> = scope
            .ids
            .iter()
            .copied()
            .filter(|&id| corpus.sentence(id).words >= opts.min_words)
            .collect();
        let ids: Vec<SentenceId> = if long.is_empty() {
            scope.ids.to_vec()
        } else {
            long
        };
        let total_words: usize = ids.iter().map(|&id| corpus.sentence(id).words).sum();
        let share = match scope.budget {
            Budget::Words(n) => n as f64 / total_words.max(1) as f64,
            Budget::Lines(n) => n as f64 / ids.len() as f64,
            Budget::Ratio(r) => r,
        };
        // The scope's bags serve the ranking and then the redundancy control.
        let bags = Bags::new(ids.iter().map(|&id| corpus.sentence(id).terms()));
        let scores = opts.ranker.scores(&bags, &ids, share, opts.similarity);
        let ranked = rank::order(&scores);
        Ranked {
            ids,
            scores,
            ranked,
            bags: scope.across_articles.then_some(bags),
        }
    }

    /// A sentence's score in this ranking; 0 for one that is not a candidate (too short).
    pub(crate) fn score_of(&self, id: SentenceId) -> f64 {
        // `ids` keep the scope's order: documents, then positions.
        self.ids.binary_search(&id).map_or(0.0, |i| self.scores[i])
    }

    /// The scope's lines: picked within its budget, none of them `shown`, in the scope's order.
    pub fn choose(
        &self,
        corpus: &Corpus,
        scope: &Scope,
        shown: &Shown,
        opts: &Options,
    ) -> Vec<Scored> {
        self.choose_among(corpus, scope, shown, opts).0
    }

    /// [`Ranked::choose`], and whether any candidate was shown before.
    fn choose_among(
        &self,
        corpus: &Corpus,
        scope: &Scope,
        shown: &Shown,
        opts: &Options,
    ) -> (Vec<Scored>, bool) {
        let mut any_shown = false;
        // Each sentence's text, words and whether it was shown, looked up in the scope's order
        // (documents, then positions: through memory in order) rather than in rank order, which
        // jumps across the corpus's text for a large scope.
        let facts: Vec<(&str, usize, bool, bool)> = self
            .ids
            .iter()
            .map(|&id| {
                let s = corpus.sentence(id);
                let text = s.text();
                // A sentence that is its article's title whole is printed as the title only.
                let first = if scope.titled && id.1 == 0 && s.doc.title_sentence().is_some() {
                    Some(&FirstShown::Title)
                } else {
                    shown.get(text)
                };
                any_shown |= first.is_some();
                (
                    text,
                    corpus.line_words(id),
                    // A fragment counts in the ranking (it supports what it shares) but is
                    // never a key line.
                    first.is_some() || s.fragment,
                    first.is_some_and(|&f| f != FirstShown::Title),
                )
            })
            .collect();
        let candidates: Vec<Candidate> = self
            .ranked
            .iter()
            .map(|&i| {
                let (text, words, shown, read) = facts[i];
                Candidate {
                    score: self.scores[i],
                    text,
                    bag: self.bags.as_ref().map_or(&[], |b| b.bag(i)),
                    words,
                    shown,
                    read,
                }
            })
            .collect();
        let redundancy = match (&self.bags, scope.across_articles) {
            (Some(_), true) => opts.redundancy,
            _ => Redundancy::Off,
        };
        let seeds = cover_seeds(&self.ids, &self.ranked, &candidates, scope.cover);
        let mut chosen: Vec<Scored> =
            select::pick_after(&candidates, &seeds, scope.budget, redundancy)
                .into_iter()
                .map(|k| Scored {
                    id: self.ids[self.ranked[k]],
                    score: self.scores[self.ranked[k]],
                    rank: k + 1,
                })
                .collect();
        select::order_lines(corpus, &mut chosen, |c| c.id, scope.order);
        (chosen, any_shown)
    }
}

/// A section's lines, and the lines it would have chosen that an earlier section showed (for
/// templates that want them; the default templates never repeat a line).
pub(crate) struct Sectioned {
    pub lines: Vec<Scored>,
    /// Each with where it was shown first.
    pub repeats: Vec<(Scored, FirstShown)>,
}

impl Sectioned {
    fn choose(
        corpus: &Corpus,
        ranked: &Ranked,
        scope: &Scope,
        shown: &Shown,
        opts: &Options,
    ) -> Sectioned {
        let (lines, any_shown) = ranked.choose_among(corpus, scope, shown, opts);
        let repeats = if !any_shown {
            Vec::new()
        } else {
            let all = Scope {
                titled: false,
                ..*scope
            };
            ranked
                .choose(corpus, &all, &Shown::default(), opts)
                .into_iter()
                .filter_map(|l| {
                    let s = corpus.sentence(l.id);
                    let title = scope.titled && l.id.1 == 0 && s.doc.title_sentence().is_some();
                    let first = if title {
                        Some(FirstShown::Title)
                    } else {
                        shown.get(s.text()).copied()
                    };
                    first.map(|w| (l, w))
                })
                .collect()
        };
        Sectioned { lines, repeats }
    }
}

/// The rank of the best candidate of each group not shown already, in group order (groups
/// without one are left out). One pass over the ranking.
fn cover_seeds(
    ids: &[SentenceId],
    ranked: &[usize],
    candidates: &[Candidate],
    cover: &[Vec<usize>],
) -> Vec<usize> {
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
            && !candidates[k].shown
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
                line: None,
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
    let all = corpus.sentence_ids(0..n);
    fn article_scope<'a>(ids: &'a [SentenceId], opts: &Options) -> Scope<'a> {
        Scope {
            titled: true,
            ..Scope::article(ids, opts.article)
        }
    }
    fn thread_scope<'a>(ids: &'a [SentenceId], opts: &Options) -> Scope<'a> {
        Scope {
            titled: true,
            ..Scope::across(ids, opts.thread)
        }
    }

    // Each step runs as soon as what it needs is known, so that no core waits while another
    // works through a serial step (merging and naming discovered threads, choosing the corpus
    // lines):
    // - the threads, then each thread ranked; alongside, the corpus ranked; then the corpus
    //   lines (each thread's best line comes first), then each thread's lines (none of them a
    //   corpus line);
    // - alongside all of it, each article ranked and each article's quotations, which need
    //   nothing but the corpus.
    // Every step is a function of its inputs alone: the brief does not depend on the schedule.
    let sections = || {
        let found = || {
            let (defs, assignments) = find_threads(corpus, threads);
            let members = members(defs.len(), &assignments);
            // A thread of one article has no lines of its own: its article's lines tell it.
            let thread_ids: Vec<Vec<SentenceId>> = members[..defs.len()]
                .iter()
                .map(|m| {
                    if m.len() > 1 {
                        corpus.sentence_ids(m.iter().copied())
                    } else {
                        Vec::new()
                    }
                })
                .collect();
            let thread_ranked: Vec<Ranked> = thread_ids
                .par_iter()
                .map(|ids| Ranked::new(corpus, &thread_scope(ids, opts), opts))
                .collect();
            (defs, assignments, members, thread_ids, thread_ranked)
        };
        let corpus_ranked = || Ranked::new(corpus, &Scope::across(&all, opts.corpus), opts);
        let ((defs, assignments, members, thread_ids, thread_ranked), corpus_ranked) =
            rayon::join(found, corpus_ranked);
        // The corpus lines start with the best line of each thread, biggest thread first.
        let mut groups: Vec<Vec<usize>> = members[..defs.len()]
            .iter()
            .filter(|g| !g.is_empty())
            .cloned()
            .collect();
        groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
        let corpus_scope = Scope {
            cover: &groups,
            titled: true,
            ..Scope::across(&all, opts.corpus)
        };
        let corpus_lines = corpus_ranked.choose(corpus, &corpus_scope, &Shown::default(), opts);
        drop(corpus_ranked);
        let corpus_shown: Shown = corpus_lines
            .iter()
            .map(|l| (corpus.sentence(l.id).text(), FirstShown::Corpus))
            .collect();
        let thread_lines: Vec<Sectioned> = thread_ranked
            .par_iter()
            .zip(&thread_ids)
            .map(|(ranked, ids)| {
                Sectioned::choose(
                    corpus,
                    ranked,
                    &thread_scope(ids, opts),
                    &corpus_shown,
                    opts,
                )
            })
            .collect();
        Sections {
            defs,
            assignments,
            members,
            thread_ranked,
            corpus_lines,
            corpus_shown,
            thread_lines,
        }
    };
    let article_ranked = || -> Vec<Ranked> {
        (0..n)
            .into_par_iter()
            .map(|d| {
                let ids = corpus.sentence_ids([d]);
                Ranked::new(corpus, &article_scope(&ids, opts), opts)
            })
            .collect()
    };
    // Quotations: each article's, then each thread's best (below).
    let article_quotes = || -> Vec<Vec<(Quote, SentenceId)>> {
        (0..n)
            .into_par_iter()
            .map(|d| article_quotes(corpus, d))
            .collect()
    };
    progress.start(Stage::Threads, 1);
    let (sections, (article_ranked, quotes)) =
        rayon::join(sections, || rayon::join(article_ranked, article_quotes));
    progress.advance(1);
    progress.start(Stage::Ranking, 1);
    let Sections {
        defs,
        assignments,
        members,
        thread_ranked,
        corpus_lines,
        corpus_shown,
        thread_lines,
    } = sections;

    // Each article's lines are chosen after its thread's, none of them shown above.
    let thread_shown: Vec<Shown> = thread_lines
        .iter()
        .map(|t| {
            let mut shown = corpus_shown.clone();
            for l in &t.lines {
                shown
                    .entry(corpus.sentence(l.id).text())
                    .or_insert(FirstShown::Thread);
            }
            shown
        })
        .chain(std::iter::once(corpus_shown.clone()))
        .collect();
    let article_lines: Vec<Sectioned> = article_ranked
        .par_iter()
        .enumerate()
        .map(|(d, ranked)| {
            let shown = &thread_shown[assignments[d].thread.unwrap_or(defs.len())];
            Sectioned::choose(corpus, ranked, &article_scope(&[], opts), shown, opts)
        })
        .collect();
    // Each thread's best quotations, ranked by the thread's scores (an article's own for a
    // thread of one), none from a sentence shown above.
    let thread_quotes: Vec<Vec<brief::QuoteLine>> = members[..defs.len()]
        .par_iter()
        .enumerate()
        .map(|(t, m)| {
            let ranked = match m.as_slice() {
                [d] => &article_ranked[*d],
                _ => &thread_ranked[t],
            };
            best_quotes(corpus, m, &quotes, ranked, &thread_shown[t], &article_lines)
        })
        .collect();
    drop((thread_ranked, article_ranked));

    let dates = |m: &[usize]| {
        let mut dates = m.iter().filter_map(|&d| corpus.docs[d].article.date);
        let first = dates.next()?;
        Some(dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d))))
    };
    let thread = |name: &str, description: &str, terms: &[String], m: &[usize]| brief::Thread {
        first_date: dates(m).map(|d| d.0.to_string()),
        last_date: dates(m).map(|d| d.1.to_string()),
        slug: brief::slug(name),
        name: name.to_string(),
        description: description.to_string(),
        terms: terms.to_vec(),
        other: false,
        discovered: false,
        key_lines: Vec::new(),
        repeated: Vec::new(),
        quotes: Vec::new(),
        articles: m
            .par_iter()
            .map(|&d| brief::article(corpus, d, &assignments[d], &article_lines[d], &quotes[d]))
            .collect(),
    };
    let mut sections: Vec<brief::Thread> = defs
        .par_iter()
        .zip(thread_lines)
        .zip(thread_quotes)
        .zip(&members)
        .filter(|(_, m)| !m.is_empty())
        .map(|(((def, lines), quotes), m)| brief::Thread {
            discovered: def.discovered,
            key_lines: brief::key_lines(corpus, &lines.lines),
            repeated: brief::repeated(corpus, &lines.repeats),
            quotes,
            ..thread(&def.name, &def.description, &def.terms, m)
        })
        .collect();
    if !members[defs.len()].is_empty() {
        sections.push(brief::Thread {
            other: true,
            ..thread(threads::OTHER, "", &[], &members[defs.len()])
        });
    }
    progress.advance(1);
    brief::assemble(
        corpus,
        date,
        brief::key_lines(corpus, &corpus_lines),
        sections,
    )
}

/// What [`build_brief_with`] knows once the threads are found and ranked and the corpus's and
/// threads' lines are chosen.
struct Sections<'c> {
    defs: Vec<ThreadDef>,
    assignments: Vec<Assignment>,
    members: Vec<Vec<usize>>,
    thread_ranked: Vec<Ranked>,
    corpus_lines: Vec<Scored>,
    corpus_shown: Shown<'c>,
    thread_lines: Vec<Sectioned>,
}

/// Quotations a thread shows at most.
pub const THREAD_QUOTES: usize = 3;

/// An article's direct quotations ([`quotes::extract`] over its paragraphs), each with the
/// sentence it starts in.
pub(crate) fn article_quotes(corpus: &Corpus, d: usize) -> Vec<(Quote, SentenceId)> {
    let doc = &corpus.docs[d];
    // Paragraphs again: the sentences of one block, joined by a space, with where each starts.
    let mut paragraphs: Vec<String> = Vec::new();
    let mut starts: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut last_line = None;
    for (pos, s) in doc.sentences.iter().enumerate() {
        if last_line != Some(s.line) {
            paragraphs.push(String::new());
            starts.push(Vec::new());
            last_line = Some(s.line);
        }
        let p = paragraphs.last_mut().expect("a paragraph was pushed");
        if !p.is_empty() {
            p.push(' ');
        }
        starts
            .last_mut()
            .expect("pushed with it")
            .push((p.len(), pos));
        p.push_str(doc.text(s));
    }
    let texts: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    quotes::extract(&texts)
        .into_iter()
        .filter_map(|q| {
            let at = starts.get(q.paragraph)?;
            let k = at.partition_point(|&(offset, _)| offset <= q.range.start);
            let pos = at[k.checked_sub(1)?].1;
            Some((q, (d, pos)))
        })
        .collect()
}

/// The best quotations of a thread's articles `members`: with a speaker, scored by the sentence
/// each starts in (`ranked`), none from a sentence `shown` above or chosen as one of its
/// article's lines below, each text once.
fn best_quotes(
    corpus: &Corpus,
    members: &[usize],
    quotes: &[Vec<(Quote, SentenceId)>],
    ranked: &Ranked,
    shown: &Shown,
    article_lines: &[Sectioned],
) -> Vec<brief::QuoteLine> {
    let a_line = |id: SentenceId| article_lines[id.0].lines.iter().any(|l| l.id == id);
    let mut scored: Vec<(f64, &Quote, SentenceId)> = members
        .iter()
        .flat_map(|&d| &quotes[d])
        .filter(|(q, id)| {
            q.speaker.is_some() && !shown.contains_key(corpus.sentence(*id).text()) && !a_line(*id)
        })
        .map(|(q, id)| (ranked.score_of(*id), q, *id))
        .collect();
    // Best first; ties in document order.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
    let mut seen = FxHashSet::default();
    scored
        .into_iter()
        .filter(|(_, q, _)| seen.insert(q.text.as_str()))
        .take(THREAD_QUOTES)
        .map(|(score, q, id)| brief::quote_line(corpus, q, id, score))
        .collect()
}
