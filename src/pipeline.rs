//! The one code path every command takes from an analysed [`Corpus`] to key lines and to a
//! [`Brief`]: rank a scope of sentences (graph, then PageRank and PacSum), pick within a budget
//! (select), order, and assemble threads. `build`, `summarize` and `eval` all call these functions with the same
//! defaults ([`Options::default`]).

use crate::brief::{self, Brief, KeyLine};
use crate::corpus::{Corpus, SentenceId};
use crate::graph::{self, Similarity};
use crate::rank::{self, PageRank};
use crate::select::{self, Budget, Candidate, Redundancy};
use crate::threads::{self, Assignment, ThreadDef};

/// How sentences are scored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ranker {
    /// PageRank over the similarity graph (TextRank). With `position_bias` b > 0, the teleport
    /// weight of the sentence at (0-based) position p of its article is (p + 1)^-b.
    PageRank { position_bias: f64 },
    /// PacSum's directed degree centrality over a TF-IDF graph (see [`rank::pacsum`]): forward
    /// weight 1, this backward weight.
    PacSum { backward: f64 },
    /// The default. PacSum and PageRank blended by how much of its source a summary may take
    /// (its budget's share s of the scope's words): the weight of PacSum is 1 - (s / ramp)^2,
    /// floored at 0. A short summary of a long article opens with what the article is built on
    /// (position-aware); a summary that takes a large part of its article covers what the whole
    /// article keeps returning to (PageRank). See docs/quality.md.
    Adaptive { backward: f64, ramp: f64 },
}

/// PacSum's default backward weight.
pub const DEFAULT_BACKWARD: f64 = -1.0;
/// The default share of the article from which the adaptive ranker is all PageRank.
pub const DEFAULT_RAMP: f64 = 0.3;

impl Default for Ranker {
    fn default() -> Self {
        Ranker::Adaptive {
            backward: DEFAULT_BACKWARD,
            ramp: DEFAULT_RAMP,
        }
    }
}

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

/// In which order chosen lines are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// As they stand in their article (one article).
    Article,
    /// By article date (undated last), then article order, then position: a story told in the
    /// order it happened.
    Chronological,
}

/// A chosen sentence with its score and rank in its scope.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scored {
    pub id: SentenceId,
    pub score: f64,
    /// 1-based rank in the scope.
    pub rank: usize,
}

/// Scores of the sentences `ids`, aligned with them, for a summary that takes `share` of their
/// words.
pub fn scores(corpus: &Corpus, ids: &[SentenceId], share: f64, opts: &Options) -> Vec<f64> {
    let nodes: Vec<&[u32]> = ids
        .iter()
        .map(|&id| corpus.sentence(id).terms.as_slice())
        .collect();
    let pagerank = |bias: f64| {
        let graph = graph::build(&nodes, opts.similarity);
        if bias == 0.0 {
            return PageRank::default().run(&graph, None);
        }
        let teleport: Vec<f64> = ids
            .iter()
            .map(|&(_, p)| ((p + 1) as f64).powf(-bias))
            .collect();
        PageRank::default().run(&graph, Some(&teleport))
    };
    let pacsum =
        |backward: f64| rank::pacsum(&graph::build(&nodes, Similarity::TfIdf), ids, 1.0, backward);
    match opts.ranker {
        Ranker::PageRank { position_bias } => pagerank(position_bias),
        Ranker::PacSum { backward } => pacsum(backward),
        Ranker::Adaptive { backward, ramp } => {
            let w = (1.0 - (share / ramp).powi(2)).clamp(0.0, 1.0);
            let pr = pagerank(0.0);
            if w == 0.0 {
                return pr;
            }
            let pac = pacsum(backward);
            let scale = |v: &[f64]| {
                let m = v.iter().fold(0.0_f64, |a, &b| a.max(b.abs()));
                if m > 0.0 { 1.0 / m } else { 0.0 }
            };
            let (kp, kq) = (scale(&pr), scale(&pac));
            pr.iter()
                .zip(&pac)
                .map(|(&p, &q)| w * q * kq + (1.0 - w) * p * kp)
                .collect()
        }
    }
}

/// Key lines of a scope: rank, pick within `budget` (with the redundancy control of `opts` when
/// `cross_article`), and order.
pub fn key_lines(
    corpus: &Corpus,
    ids: &[SentenceId],
    budget: Budget,
    cross_article: bool,
    order: Order,
    opts: &Options,
) -> Vec<Scored> {
    key_lines_covering(corpus, ids, budget, cross_article, order, &[], opts)
}

/// Like [`key_lines`], but first takes the best sentence of each group of documents in `cover`
/// (in that order, while the budget lasts), so that every story gets its line.
pub fn key_lines_covering(
    corpus: &Corpus,
    ids: &[SentenceId],
    budget: Budget,
    cross_article: bool,
    order: Order,
    cover: &[Vec<usize>],
    opts: &Options,
) -> Vec<Scored> {
    if ids.is_empty() {
        return Vec::new();
    }
    let long: Vec<SentenceId> = ids
        .iter()
        .copied()
        .filter(|&id| corpus.sentence(id).words >= opts.min_words)
        .collect();
    let ids: &[SentenceId] = if long.is_empty() { ids } else { &long };
    let total_words: usize = ids.iter().map(|&id| corpus.sentence(id).words).sum();
    let share = match budget {
        Budget::Words(n) => n as f64 / total_words.max(1) as f64,
        Budget::Lines(n) => n as f64 / ids.len() as f64,
        Budget::Ratio(r) => r,
    };
    let s = scores(corpus, ids, share, opts);
    let ranked = rank::order(&s);
    let candidates: Vec<Candidate> = ranked
        .iter()
        .map(|&i| {
            let sentence = corpus.sentence(ids[i]);
            Candidate {
                score: s[i],
                text: &sentence.text,
                terms: &sentence.terms,
                words: sentence.words,
            }
        })
        .collect();
    let redundancy = if cross_article {
        opts.redundancy
    } else {
        Redundancy::Off
    };
    // Candidates are in rank order, so a group's first candidate is its best.
    let seeds: Vec<usize> = cover
        .iter()
        .filter_map(|docs| ranked.iter().position(|&i| docs.contains(&ids[i].0)))
        .collect();
    let chosen: Vec<Scored> = select::pick_after(&candidates, &seeds, budget, redundancy)
        .into_iter()
        .map(|k| Scored {
            id: ids[ranked[k]],
            score: s[ranked[k]],
            rank: k + 1,
        })
        .collect();
    finish(corpus, chosen, order)
}

fn finish(corpus: &Corpus, mut chosen: Vec<Scored>, order: Order) -> Vec<Scored> {
    match order {
        Order::Article => chosen.sort_by_key(|c| c.id),
        Order::Chronological => chosen.sort_by_key(|c| {
            let date = corpus.docs[c.id.0].article.date;
            (date.is_none(), date, c.id)
        }),
    }
    chosen
}

/// Key lines for `brief summarize`: one article's lines in article order, or a folder's lines
/// taken as one corpus (across articles, chronological).
pub fn summarize(corpus: &Corpus, budget: Budget, opts: &Options) -> Vec<Scored> {
    let ids = corpus.sentence_ids(0..corpus.docs.len());
    if corpus.docs.len() == 1 {
        key_lines(corpus, &ids, budget, false, Order::Article, opts)
    } else {
        key_lines(corpus, &ids, budget, true, Order::Chronological, opts)
    }
}

/// How threads are found.
#[derive(Clone, Debug)]
pub enum ThreadSource {
    /// From a thread file.
    Defined(Vec<ThreadDef>),
    /// Discovered from the articles themselves.
    Discover,
}

/// Builds the brief of a corpus.
pub fn build_brief(
    corpus: &Corpus,
    threads: ThreadSource,
    date: jiff::civil::Date,
    opts: &Options,
) -> Brief {
    let (defs, assignments): (Vec<ThreadDef>, Vec<Assignment>) = match threads {
        ThreadSource::Defined(mut defs) => {
            let a = threads::assign(corpus, &mut defs);
            (defs, a)
        }
        ThreadSource::Discover => threads::discover(corpus),
    };

    // The corpus lines start with the best line of each thread, biggest thread first.
    let mut groups: Vec<Vec<usize>> = (0..defs.len())
        .map(|t| {
            (0..corpus.docs.len())
                .filter(|&d| assignments[d].thread == Some(t))
                .collect()
        })
        .filter(|g: &Vec<usize>| !g.is_empty())
        .collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    let all = corpus.sentence_ids(0..corpus.docs.len());
    let corpus_lines = key_lines_covering(
        corpus,
        &all,
        opts.corpus,
        true,
        Order::Chronological,
        &groups,
        opts,
    );

    let mut sections = Vec::new();
    let groups = defs
        .iter()
        .enumerate()
        .map(|(i, d)| (Some(i), d.name.clone(), d.description.clone()))
        .chain(std::iter::once((
            None,
            threads::OTHER.to_string(),
            String::new(),
        )));
    for (index, name, description) in groups {
        let members: Vec<usize> = (0..corpus.docs.len())
            .filter(|&d| assignments[d].thread == index)
            .collect();
        if members.is_empty() {
            continue;
        }
        let ids = corpus.sentence_ids(members.iter().copied());
        let thread_lines = if index.is_some() {
            key_lines(
                corpus,
                &ids,
                opts.thread,
                members.len() > 1,
                Order::Chronological,
                opts,
            )
        } else {
            Vec::new()
        };
        let articles = members
            .iter()
            .map(|&d| {
                let ids = corpus.sentence_ids([d]);
                let lines = key_lines(corpus, &ids, opts.article, false, Order::Article, opts);
                article_view(corpus, d, &assignments[d], &lines)
            })
            .collect();
        sections.push(brief::Thread {
            slug: brief::slug(&name),
            name,
            description,
            other: index.is_none(),
            key_lines: key_line_views(corpus, &thread_lines),
            articles,
        });
    }

    Brief {
        schema_version: brief::SCHEMA_VERSION,
        date: date.to_string(),
        stats: brief::Stats {
            articles: corpus.docs.len(),
            sentences: corpus.sentence_count(),
            words: corpus
                .docs
                .iter()
                .flat_map(|d| &d.sentences)
                .map(|s| s.words)
                .sum(),
            threads: sections.iter().filter(|t| !t.other).count(),
        },
        corpus: key_line_views(corpus, &corpus_lines),
        threads: sections,
    }
}

fn article_view(
    corpus: &Corpus,
    d: usize,
    assignment: &Assignment,
    lines: &[Scored],
) -> brief::Article {
    let doc = &corpus.docs[d];
    let meta = &doc.article.meta;
    brief::Article {
        id: doc.article.id.clone(),
        file: doc.article.file.clone(),
        title: doc.title.clone(),
        source: meta.source.clone(),
        url: meta.url.clone(),
        date: doc.article.date.map(|d| d.to_string()),
        language: doc.lang.code().to_string(),
        sentences: doc.sentences.len(),
        words: doc.sentences.iter().map(|s| s.words).sum(),
        evidence: assignment.evidence.clone(),
        key_lines: key_line_views(corpus, lines),
        extra: meta.extra.clone(),
    }
}

/// The model's view of chosen lines.
pub fn key_line_views(corpus: &Corpus, lines: &[Scored]) -> Vec<KeyLine> {
    lines
        .iter()
        .map(|c| {
            let s = corpus.sentence(c.id);
            let doc = &corpus.docs[c.id.0];
            KeyLine {
                text: s.text.clone(),
                score: (c.score * 1e6).round() / 1e6,
                rank: c.rank,
                position: s.position + 1,
                line: s.line,
                article: doc.article.id.clone(),
                file: doc.article.file.clone(),
                title: doc.title.clone(),
                source: doc.article.meta.source.clone(),
                url: doc.article.meta.url.clone(),
            }
        })
        .collect()
}
