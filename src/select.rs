//! Choosing key lines from ranked sentences: budgets (lines, words or a ratio of the sentences),
//! redundancy removal across articles (maximal marginal relevance over term cosine, and never
//! the same sentence twice), and the order chosen lines are shown in.

use std::collections::BinaryHeap;

use rustc_hash::FxHashSet;
use std::fmt;
use std::str::FromStr;

use crate::corpus::{Corpus, SentenceId};
use crate::error::Error;
use crate::rank::Key;

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
        let bad = || Error::Value {
            what: "budget",
            value: s.to_string(),
            expected: "use 5 (lines), 120w (words), or 0.2 / 20% (ratio)",
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
pub(crate) struct Candidate<'a> {
    pub score: f64,
    pub text: &'a str,
    /// Its terms as (term, count), sorted by term (a [`Bags`] entry: term ids local to the scope).
    pub(crate) bag: &'a [(u32, u32)],
    pub words: usize,
    /// Already shown in an earlier section of the brief: never picked, so that the next best
    /// line takes its place.
    pub shown: bool,
    /// Shown as a key line before (not only as a title): counts as picked for the redundancy
    /// control, so that a new line adds information to it.
    pub read: bool,
}

/// Redundancy control for [`pick_after`].
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
pub(crate) const MMR_FOLLOW: usize = 256;

/// [`pick_after`] with nothing taken first (the tests' shorthand).
#[cfg(test)]
pub(crate) fn pick(candidates: &[Candidate], budget: Budget, redundancy: Redundancy) -> Vec<usize> {
    pick_after(candidates, &[], budget, redundancy)
}

/// Picks candidates (given best first) until the budget is filled, taking the candidates `first`
/// before any other (as long as the budget lasts); returns their indices in pick order.
/// Candidates with the same text as a picked one, or marked as shown, are never picked.
///
/// MMR needs each open candidate's highest similarity to the picked lines. After each pick it is
/// updated through an inverted index over the candidates' terms, for the [`MMR_FOLLOW`]
/// best-ranked candidates holding each of the pick's terms (all of them, in any scope smaller
/// than that), and the next pick comes from a max-heap whose stale values are recomputed when
/// they surface (values only fall as lines are picked). The picks are those of scanning every
/// candidate each time, at a cost near-linear in the candidates.
pub(crate) fn pick_after<'a>(
    candidates: &[Candidate<'a>],
    first: &[usize],
    budget: Budget,
    redundancy: Redundancy,
) -> Vec<usize> {
    let available = candidates.len();
    let mut picked: Vec<usize> = Vec::new();
    let mut texts: FxHashSet<&str> = FxHashSet::default();
    let mut words = 0;
    let mut closed: Vec<bool> = candidates.iter().map(|c| c.shown).collect();
    let mut open = closed.iter().filter(|&&c| !c).count();
    let mut mmr = match redundancy {
        Redundancy::Off => None,
        Redundancy::Mmr { lambda } => Some(Mmr::new(candidates, lambda)),
    };
    // Lines shown earlier count as picked for the redundancy control: a new line should add
    // information to them too.
    if let Some(m) = &mut mmr {
        for (k, c) in candidates.iter().enumerate() {
            if c.read {
                m.picked(k, &closed);
            }
        }
    }
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
struct Mmr<'a> {
    lambda: f64,
    /// Scores scaled so that the best is 1.
    relevance: Vec<f64>,
    bags: Vec<&'a [(u32, u32)]>,
    norms: Vec<f64>,
    /// For each term t, `postings[offsets[t]..offsets[t + 1]]`: the first [`MMR_FOLLOW`]
    /// candidates holding it, with its count.
    offsets: Vec<usize>,
    postings: Vec<(u32, u32)>,
    /// Each candidate's highest similarity to a picked line.
    max_sim: Vec<f64>,
    heap: BinaryHeap<Key<usize>>,
    acc: Vec<f64>,
    touched: Vec<usize>,
}

impl<'a> Mmr<'a> {
    fn new(candidates: &[Candidate<'a>], lambda: f64) -> Mmr<'a> {
        let top = candidates.iter().map(|c| c.score).fold(0.0_f64, f64::max);
        let relevance: Vec<f64> = candidates
            .iter()
            .map(|c| if top > 0.0 { c.score / top } else { 0.0 })
            .collect();
        let terms = candidates
            .iter()
            .flat_map(|c| c.bag.iter().map(|&(t, _)| t as usize + 1))
            .max()
            .unwrap_or(0);
        // Postings in one flat array: each term's first MMR_FOLLOW holders, best ranked first.
        let mut offsets = vec![0usize; terms + 1];
        for c in candidates {
            for &(t, _) in c.bag {
                offsets[t as usize + 1] += 1;
            }
        }
        for t in 0..terms {
            offsets[t + 1] = offsets[t] + offsets[t + 1].min(MMR_FOLLOW);
        }
        let mut fill = offsets.clone();
        let mut postings = vec![(0u32, 0u32); offsets[terms]];
        let norms: Vec<f64> = candidates
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut sq = 0.0;
                for &(t, n) in c.bag {
                    let t = t as usize;
                    if fill[t] < offsets[t + 1] {
                        postings[fill[t]] = (i as u32, n);
                        fill[t] += 1;
                    }
                    sq += f64::from(n) * f64::from(n);
                }
                sq.sqrt()
            })
            .collect();
        let mut m = Mmr {
            lambda,
            relevance,
            bags: candidates.iter().map(|c| c.bag).collect(),
            norms,
            offsets,
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
        for &(t, ci) in self.bags[i] {
            let t = t as usize;
            for &(j, cj) in &self.postings[self.offsets[t]..self.offsets[t + 1]] {
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
pub(crate) enum Order {
    /// As they stand in their article (one article).
    Article,
    /// By article date (undated last), then article order, then position: a story told in the
    /// order it happened.
    Chronological,
}

/// Puts chosen sentences in `order`.
pub(crate) fn order_lines<T>(
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
    use crate::graph::Bags;
    use crate::text::Term;

    /// Candidates given as (score, text, terms, words), with the bags they point into.
    struct Cands {
        bags: Bags,
        spec: Vec<(f64, String, usize)>,
    }

    impl Cands {
        fn new(spec: &[(f64, &str, &[Term], usize)]) -> Cands {
            Cands {
                bags: Bags::new(spec.iter().map(|s| s.2)),
                spec: spec.iter().map(|s| (s.0, s.1.to_string(), s.3)).collect(),
            }
        }

        fn list(&self) -> Vec<Candidate<'_>> {
            self.spec
                .iter()
                .enumerate()
                .map(|(i, (score, text, words))| Candidate {
                    score: *score,
                    text,
                    bag: self.bags.bag(i),
                    words: *words,
                    shown: false,
                    read: false,
                })
                .collect()
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
        let c = Cands::new(&[
            (0.5, "a", &[1], 10),
            (0.3, "b", &[2], 10),
            (0.2, "c", &[3], 10),
        ]);
        let cands = c.list();
        assert_eq!(pick(&cands, Budget::Lines(2), Redundancy::Off), [0, 1]);
        assert_eq!(pick(&cands, Budget::Words(11), Redundancy::Off), [0, 1]);
        assert_eq!(pick(&cands, Budget::Words(10), Redundancy::Off), [0]);
        assert_eq!(pick(&cands, Budget::Ratio(0.1), Redundancy::Off), [0]);
        assert_eq!(pick(&cands, Budget::Lines(9), Redundancy::Off), [0, 1, 2]);
    }

    #[test]
    fn same_text_is_never_picked_twice() {
        let c = Cands::new(&[
            (0.5, "a", &[1], 1),
            (0.4, "a", &[1], 1),
            (0.1, "b", &[2], 1),
        ]);
        assert_eq!(pick(&c.list(), Budget::Lines(2), Redundancy::Off), [0, 2]);
    }

    #[test]
    fn mmr_skips_a_repeated_fact() {
        let c = Cands::new(&[
            (1.0, "talks in riyadh", &[1, 2, 3], 3),
            (0.95, "riyadh talks held", &[1, 2, 3, 4], 3),
            (0.6, "prisoner exchange", &[7, 8], 2),
        ]);
        let cands = c.list();
        assert_eq!(pick(&cands, Budget::Lines(2), Redundancy::Off), [0, 1]);
        assert_eq!(
            pick(&cands, Budget::Lines(2), Redundancy::Mmr { lambda: 0.7 }),
            [0, 2]
        );
    }

    /// MMR as defined: every open candidate scanned at every pick, cosines computed pair by pair
    /// (the reference for the indexed version).
    fn mmr_by_scan(cands: &[Candidate], n: usize, lambda: f64) -> Vec<usize> {
        let cos = |a: &[(u32, u32)], b: &[(u32, u32)]| {
            let count = |v: &[(u32, u32)], t: u32| {
                v.iter().find(|e| e.0 == t).map_or(0.0, |e| f64::from(e.1))
            };
            let dot: f64 = a.iter().map(|&(t, x)| f64::from(x) * count(b, t)).sum();
            let norm =
                |v: &[(u32, u32)]| v.iter().map(|e| f64::from(e.1).powi(2)).sum::<f64>().sqrt();
            let (na, nb) = (norm(a), norm(b));
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
                    .map(|&p| cos(cands[p].bag, cands[i].bag))
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
            let spec: Vec<(f64, &str, &[Term], usize)> = terms
                .iter()
                .zip(&texts)
                .map(|(t, x)| {
                    score *= 0.97;
                    (score, x.as_str(), t.as_slice(), 5)
                })
                .collect();
            let c = Cands::new(&spec);
            let cands = c.list();
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
        let c = Cands::new(&[
            (1.0, "a", &[1], 1),
            (0.9, "b", &[2], 1),
            (0.1, "c", &[3], 1),
        ]);
        let cands = c.list();
        assert_eq!(
            pick_after(&cands, &[2], Budget::Lines(2), Redundancy::Off),
            [2, 0]
        );
        assert_eq!(
            pick_after(&cands, &[2, 1], Budget::Lines(1), Redundancy::Off),
            [2]
        );
    }

    #[test]
    fn shown_lines_give_way_and_count_as_picked() {
        let c = Cands::new(&[
            (1.0, "a", &[1, 2], 1),
            (0.9, "a again", &[1, 2], 1),
            (0.8, "b", &[3], 1),
            (0.7, "c", &[4], 1),
        ]);
        let mut cands = c.list();
        cands[0].shown = true;
        cands[0].read = true;
        // Without redundancy control the next best line takes the shown one's place.
        assert_eq!(pick(&cands, Budget::Lines(2), Redundancy::Off), [1, 2]);
        // With it, a line that repeats the shown one gives way too.
        assert_eq!(
            pick(&cands, Budget::Lines(2), Redundancy::Mmr { lambda: 0.5 }),
            [2, 3]
        );
        // A shown seed is not forced in.
        assert_eq!(
            pick_after(&cands, &[0, 3], Budget::Lines(1), Redundancy::Off),
            [3]
        );
    }
}
