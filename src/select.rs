//! Choosing key lines from ranked sentences: budgets (lines, words or a ratio of the sentences)
//! and redundancy removal across articles (maximal marginal relevance over term cosine, and never
//! the same sentence twice). The order lines are shown in is the pipeline's business.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::str::FromStr;

use crate::error::Error;
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

/// Picks candidates (given best first) until the budget is filled; returns their indices in pick
/// order. Candidates with the same text as a picked one are never picked.
pub fn pick(candidates: &[Candidate], budget: Budget, redundancy: Redundancy) -> Vec<usize> {
    pick_after(candidates, &[], budget, redundancy)
}

/// Like [`pick`], but takes the candidates `first` before any other (as long as the budget lasts).
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
    let top = candidates.iter().map(|c| c.score).fold(0.0_f64, f64::max);
    let bags: Vec<BTreeMap<Term, f64>> = match redundancy {
        Redundancy::Off => Vec::new(),
        Redundancy::Mmr { .. } => candidates.iter().map(|c| bag(c.terms)).collect(),
    };
    // Highest similarity of each candidate to the picked lines so far.
    let mut max_sim = vec![0.0_f64; available];
    let mut open: Vec<usize> = (0..available).collect();
    let mut first = first.iter().copied();
    while !budget.filled(picked.len(), words, available) && !open.is_empty() {
        let forced = first
            .by_ref()
            .find_map(|f| open.iter().position(|&o| o == f));
        let best = match (forced, redundancy) {
            (Some(k), _) => k,
            (None, Redundancy::Off) => 0,
            (None, Redundancy::Mmr { lambda }) => {
                let value = |i: usize| {
                    let rel = if top > 0.0 {
                        candidates[i].score / top
                    } else {
                        0.0
                    };
                    lambda * rel - (1.0 - lambda) * max_sim[i]
                };
                // First maximum wins, so ties keep rank order.
                let mut best = 0;
                for k in 1..open.len() {
                    if value(open[k]) > value(open[best]) {
                        best = k;
                    }
                }
                best
            }
        };
        let i = open.remove(best);
        if !texts.insert(candidates[i].text) {
            continue;
        }
        picked.push(i);
        words += candidates[i].words;
        if !bags.is_empty() {
            for &j in &open {
                max_sim[j] = max_sim[j].max(cosine(&bags[i], &bags[j]));
            }
        }
    }
    picked
}

fn bag(terms: &[Term]) -> BTreeMap<Term, f64> {
    let mut b = BTreeMap::new();
    for &t in terms {
        *b.entry(t).or_insert(0.0) += 1.0;
    }
    b
}

/// Cosine similarity of two term-count vectors.
pub fn cosine(a: &BTreeMap<Term, f64>, b: &BTreeMap<Term, f64>) -> f64 {
    let dot: f64 = a.iter().filter_map(|(t, x)| b.get(t).map(|y| x * y)).sum();
    let na: f64 = a.values().map(|x| x * x).sum::<f64>().sqrt();
    let nb: f64 = b.values().map(|x| x * x).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
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
