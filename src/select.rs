//! Choosing key lines from ranked sentences: budgets (lines, words or a ratio of the sentences),
//! redundancy removal across articles (maximal marginal relevance over term cosine, and never
//! the same sentence twice), and the order chosen lines are shown in.

use std::collections::{BinaryHeap, HashSet};
use std::fmt;
use std::str::FromStr;

use crate::corpus::{Corpus, SentenceId};
use crate::error::Error;
use crate::graph::Bags;
use crate::rank::Key;
use crate::text::Term;

/// How much to select.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Budget {
    /// This many sentences.
    Lines(usize),
    /// Sentences until their words reach this many (the last one may pass it).
    Words(usize),
    /// This share of the sentences, rounded up.
    Ratio(f64),
}

impl Budget {
    /// Whether `picked` sentences with `words` words in all fill the budget, out of `available`.
    fn filled(self, picked: usize, words: usize, available: usize) -> bool {
        match self {
            Budget::Lines(n) => picked >= n.max(1),
            Budget::Words(n) => words >= n.max(1),
            Budget::Ratio(r) => picked >= ((r * available as f64).ceil() as usize).max(1),
        }
    }
}

impl FromStr for Budget {
    type Err = Error;

    /// `5` or `5l` (lines), `120w` (words), `0.2` or `20%` (ratio).
    fn from_str(s: &str) -> Result<Budget, Error> {
        let s = s.trim();
        let bad = || {
            Error::Invalid(format!(
                "invalid budget {s:?}: use 5 (lines), 120w (words), or 0.2 / 20% (ratio)"
            ))
        };
        if let Some(w) = s.strip_suffix('w') {
            return w
                .parse()
                .ok()
                .filter(|&n| n > 0)
                .map(Budget::Words)
                .ok_or_else(bad);
        }
        if let Some(p) = s.strip_suffix('%') {
            return p
                .parse::<f64>()
                .ok()
                .and_then(|p| ratio(p / 100.0))
                .ok_or_else(bad);
        }
        if let Ok(n) = s.strip_suffix('l').unwrap_or(s).parse::<usize>() {
            return if n > 0 {
                Ok(Budget::Lines(n))
            } else {
                Err(bad())
            };
        }
        s.parse::<f64>().ok().and_then(ratio).ok_or_else(bad)
    }
}

fn ratio(r: f64) -> Option<Budget> {
    (r > 0.0 && r <= 1.0).then_some(Budget::Ratio(r))
}

impl fmt::Display for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Budget::Lines(n) => write!(f, "{n} lines"),
            Budget::Words(n) => write!(f, "{n} words"),
            Budget::Ratio(r) => write!(f, "{:.0}% of sentences", r * 100.0),
        }
    }
}

/// A ranked sentence offered for selection.
#[derive(Clone, Debug)]
pub struct Candidate<'a> {
    pub score: f64,
    pub text: &'a str,
    pub terms: &'a [Term],
    pub words: usize,
}

/// Redundancy control for [`pick`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Redundancy {
    /// Take the best sentences as ranked (exact duplicates are still skipped).
    Off,
    /// Maximal marginal relevance: each pick maximises `lambda * score - (1 - lambda) * similarity`
    /// to the lines already picked (scores scaled to [0, 1], similarity = term cosine).
    Mmr { lambda: f64 },
}

/// How many candidates holding a term, best ranked first, a pick's similarity reaches (see
/// [`pick_after`]).
pub const MMR_FOLLOW: usize = 256;

/// Picks candidates (given best first) until the budget is filled; returns their indices in pick
/// order. Candidates with the same text as a picked one are never picked.
pub fn pick(candidates: &[Candidate], budget: Budget, redundancy: Redundancy) -> Vec<usize> {
    pick_after(candidates, &[], budget, redundancy)
}

/// Like [`pick`], but takes the candidates `first` before any other (as long as the budget lasts).
///
/// MMR needs each open candidate's highest similarity to the picked lines. After each pick it is
/// updated through an inverted index over the candidates' terms, for the [`MMR_FOLLOW`]
/// best-ranked candidates holding each of the pick's terms (all of them, in any scope smaller
/// than that), and the next pick comes from a max-heap whose stale values are recomputed when
/// they surface (values only fall as lines are picked). The picks are those of scanning every
/// candidate each time, at a cost near-linear in the candidates.
pub fn pick_after(
    candidates: &[Candidate],
    first: &[usize],
    budget: Budget,
    redundancy: Redundancy,
) -> Vec<usize> {
    let available = candidates.len();
    let mut picked: Vec<usize> = Vec::new();
    let mut texts: HashSet<&str> = HashSet::new();
    let mut words = 0;
    let mut closed = vec![false; available];
    let mut open = available;
    let mut mmr = match redundancy {
        Redundancy::Off => None,
        Redundancy::Mmr { lambda } => Some(Mmr::new(candidates, lambda)),
    };
    let mut next_in_rank = 0;
    let mut first = first.iter().copied();
    while !budget.filled(picked.len(), words, available) && open > 0 {
        let forced = first.by_ref().find(|&f| f < available && !closed[f]);
        let best = match (forced, &mut mmr) {
            (Some(k), _) => k,
            (None, None) => {
                while closed[next_in_rank] {
                    next_in_rank += 1;
                }
                next_in_rank
            }
            (None, Some(m)) => m.best(&closed),
        };
        closed[best] = true;
        open -= 1;
        if !texts.insert(candidates[best].text) {
            continue;
        }
        picked.push(best);
        words += candidates[best].words;
        if let Some(m) = &mut mmr {
            m.picked(best, &closed);
        }
    }
    picked
}

/// The state of maximal marginal relevance over a list of candidates.
struct Mmr {
    lambda: f64,
    /// Scores scaled so that the best is 1.
    relevance: Vec<f64>,
    bags: Bags,
    norms: Vec<f64>,
    /// For each (local) term, the first [`MMR_FOLLOW`] candidates holding it, with its count.
    postings: Vec<Vec<(u32, u32)>>,
    /// Each candidate's highest similarity to a picked line.
    max_sim: Vec<f64>,
    heap: BinaryHeap<Key<usize>>,
    acc: Vec<f64>,
    touched: Vec<usize>,
}

impl Mmr {
    fn new(candidates: &[Candidate], lambda: f64) -> Mmr {
        let top = candidates.iter().map(|c| c.score).fold(0.0_f64, f64::max);
        let relevance: Vec<f64> = candidates
            .iter()
            .map(|c| if top > 0.0 { c.score / top } else { 0.0 })
            .collect();
        let bags = Bags::new(candidates.iter().map(|c| c.terms));
        let mut postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); bags.terms()];
        let mut norms = Vec::with_capacity(candidates.len());
        for i in 0..candidates.len() {
            let mut sq = 0.0;
            for &(t, c) in bags.bag(i) {
                let list = &mut postings[t as usize];
                if list.len() < MMR_FOLLOW {
                    list.push((i as u32, c));
                }
                sq += f64::from(c) * f64::from(c);
            }
            norms.push(sq.sqrt());
        }
        let mut m = Mmr {
            lambda,
            relevance,
            bags,
            norms,
            postings,
            max_sim: vec![0.0; candidates.len()],
            heap: BinaryHeap::new(),
            acc: vec![0.0; candidates.len()],
            touched: Vec::new(),
        };
        m.heap = (0..candidates.len())
            .map(|i| Key {
                score: m.value(i),
                tie: i,
            })
            .collect();
        m
    }

    fn value(&self, i: usize) -> f64 {
        self.lambda * self.relevance[i] - (1.0 - self.lambda) * self.max_sim[i]
    }

    /// The open candidate of highest value; among equals, the best ranked.
    fn best(&mut self, closed: &[bool]) -> usize {
        loop {
            let top = self.heap.pop().expect("an open candidate is in the heap");
            if closed[top.tie] {
                continue;
            }
            let fresh = Key {
                score: self.value(top.tie),
                tie: top.tie,
            };
            // Stored values never understate, so a fresh value that still beats the next stored
            // one beats every open candidate.
            if self.heap.peek().is_none_or(|next| fresh >= *next) {
                return fresh.tie;
            }
            self.heap.push(fresh);
        }
    }

    /// Updates the open candidates' similarity to the picked lines after picking `i`.
    fn picked(&mut self, i: usize, closed: &[bool]) {
        for &(t, ci) in self.bags.bag(i) {
            for &(j, cj) in &self.postings[t as usize] {
                let j = j as usize;
                if closed[j] {
                    continue;
                }
                if self.acc[j] == 0.0 {
                    self.touched.push(j);
                }
                self.acc[j] += f64::from(ci) * f64::from(cj);
            }
        }
        for &j in &self.touched {
            let denom = self.norms[i] * self.norms[j];
            if denom > 0.0 {
                self.max_sim[j] = self.max_sim[j].max(self.acc[j] / denom);
            }
            self.acc[j] = 0.0;
        }
        self.touched.clear();
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

/// Puts chosen sentences in `order`.
pub fn order_lines<T>(
    corpus: &Corpus,
    chosen: &mut [T],
    id: impl Fn(&T) -> SentenceId,
    order: Order,
) {
    match order {
        Order::Article => chosen.sort_by_key(|c| id(c)),
        Order::Chronological => chosen.sort_by_key(|c| {
            let id = id(c);
            let date = corpus.docs[id.0].article.date;
            (date.is_none(), date, id)
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c<'a>(score: f64, text: &'a str, terms: &'a [Term], words: usize) -> Candidate<'a> {
        Candidate {
            score,
            text,
            terms,
            words,
        }
    }

    #[test]
    fn parses_budgets() {
        assert_eq!("5".parse::<Budget>().unwrap(), Budget::Lines(5));
        assert_eq!("3l".parse::<Budget>().unwrap(), Budget::Lines(3));
        assert_eq!("120w".parse::<Budget>().unwrap(), Budget::Words(120));
        assert_eq!("0.25".parse::<Budget>().unwrap(), Budget::Ratio(0.25));
        assert_eq!("20%".parse::<Budget>().unwrap(), Budget::Ratio(0.2));
        assert!("0".parse::<Budget>().is_err());
        assert!("1.5".parse::<Budget>().is_err());
        assert!("x".parse::<Budget>().is_err());
    }

    #[test]
    fn budgets_fill() {
        let cands = [
            c(0.5, "a", &[1], 10),
            c(0.3, "b", &[2], 10),
            c(0.2, "c", &[3], 10),
        ];
        assert_eq!(pick(&cands, Budget::Lines(2), Redundancy::Off), [0, 1]);
        assert_eq!(pick(&cands, Budget::Words(11), Redundancy::Off), [0, 1]);
        assert_eq!(pick(&cands, Budget::Words(10), Redundancy::Off), [0]);
        assert_eq!(pick(&cands, Budget::Ratio(0.1), Redundancy::Off), [0]);
        assert_eq!(pick(&cands, Budget::Lines(9), Redundancy::Off), [0, 1, 2]);
    }

    #[test]
    fn same_text_is_never_picked_twice() {
        let cands = [
            c(0.5, "a", &[1], 1),
            c(0.4, "a", &[1], 1),
            c(0.1, "b", &[2], 1),
        ];
        assert_eq!(pick(&cands, Budget::Lines(2), Redundancy::Off), [0, 2]);
    }

    #[test]
    fn mmr_skips_a_repeated_fact() {
        let cands = [
            c(1.0, "talks in riyadh", &[1, 2, 3], 3),
            c(0.95, "riyadh talks held", &[1, 2, 3, 4], 3),
            c(0.6, "prisoner exchange", &[7, 8], 2),
        ];
        assert_eq!(pick(&cands, Budget::Lines(2), Redundancy::Off), [0, 1]);
        assert_eq!(
            pick(&cands, Budget::Lines(2), Redundancy::Mmr { lambda: 0.7 }),
            [0, 2]
        );
    }

    /// MMR as defined: every open candidate scanned at every pick (the reference for the
    /// indexed version).
    fn mmr_by_scan(cands: &[Candidate], n: usize, lambda: f64) -> Vec<usize> {
        let cos = |a: &[Term], b: &[Term]| {
            let count = |v: &[Term], t: Term| v.iter().filter(|&&x| x == t).count() as f64;
            let mut terms: Vec<Term> = a.iter().chain(b).copied().collect();
            terms.sort_unstable();
            terms.dedup();
            let dot: f64 = terms.iter().map(|&t| count(a, t) * count(b, t)).sum();
            let na = terms
                .iter()
                .map(|&t| count(a, t).powi(2))
                .sum::<f64>()
                .sqrt();
            let nb = terms
                .iter()
                .map(|&t| count(b, t).powi(2))
                .sum::<f64>()
                .sqrt();
            if na == 0.0 || nb == 0.0 {
                0.0
            } else {
                dot / (na * nb)
            }
        };
        let top = cands.iter().map(|c| c.score).fold(0.0_f64, f64::max);
        let mut open: Vec<usize> = (0..cands.len()).collect();
        let mut picked: Vec<usize> = Vec::new();
        while picked.len() < n && !open.is_empty() {
            let value = |i: usize| {
                let sim = picked
                    .iter()
                    .map(|&p| cos(cands[p].terms, cands[i].terms))
                    .fold(0.0_f64, f64::max);
                lambda * cands[i].score / top - (1.0 - lambda) * sim
            };
            let mut best = 0;
            for k in 1..open.len() {
                if value(open[k]) > value(open[best]) {
                    best = k;
                }
            }
            picked.push(open.remove(best));
        }
        picked
    }

    #[test]
    fn indexed_mmr_picks_what_the_scan_picks() {
        let mut next = crate::tests::numbers(11);
        for round in 0..20 {
            let terms: Vec<Vec<Term>> = (0..80)
                .map(|_| (0..1 + next(6)).map(|_| next(15) as Term).collect())
                .collect();
            let texts: Vec<String> = (0..80).map(|i| format!("s{i}")).collect();
            let mut score = 1.0;
            let cands: Vec<Candidate> = terms
                .iter()
                .zip(&texts)
                .map(|(t, x)| {
                    score *= 0.97;
                    c(score, x, t, 5)
                })
                .collect();
            let lambda = [0.3, 0.7, 0.9][round % 3];
            assert_eq!(
                pick(&cands, Budget::Lines(12), Redundancy::Mmr { lambda }),
                mmr_by_scan(&cands, 12, lambda),
                "round {round}"
            );
        }
    }

    #[test]
    fn seeds_come_first() {
        let cands = [
            c(1.0, "a", &[1], 1),
            c(0.9, "b", &[2], 1),
            c(0.1, "c", &[3], 1),
        ];
        assert_eq!(
            pick_after(&cands, &[2], Budget::Lines(2), Redundancy::Off),
            [2, 0]
        );
        assert_eq!(
            pick_after(&cands, &[2, 1], Budget::Lines(1), Redundancy::Off),
            [2]
        );
    }
}
