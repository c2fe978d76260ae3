//! The sentence-similarity graph. Nodes are sentences (as bags of terms); an edge joins two
//! sentences that share a term, weighted by one of three similarities:
//!
//! - [`Similarity::Overlap`]: TextRank's original, shared terms / (ln |a| + ln |b|);
//! - [`Similarity::TfIdf`]: cosine of TF-IDF vectors;
//! - [`Similarity::Bm25`]: BM25 of one sentence against the other, averaged over both directions,
//!   with the non-negative IDF ln(1 + (N - n + 0.5) / (n + 0.5)) floored at a quarter of the mean
//!   IDF (the floor gensim and summa use), so that very common terms still count a little.
//!
//! The graph is sparse: an inverted index from terms to the sentences holding them gives each
//! sentence's neighbours, so pairs that share no term are never compared. Terms held by more than
//! [`MAX_POSTINGS`] sentences carry almost no weight and are left out of the index, which keeps a
//! corpus of thousands of articles from turning quadratic.

use std::collections::{BTreeMap, HashMap};

use crate::text::Term;

/// Which similarity weighs the edges.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Similarity {
    /// Normalised word overlap, TextRank's original (the default: it measured best, see README)
    #[default]
    Overlap,
    /// TF-IDF cosine
    TfIdf,
    /// BM25 with an IDF floor
    Bm25,
}

/// Terms held by more sentences than this are not indexed (see the module docs).
pub const MAX_POSTINGS: usize = 5000;

const BM25_K1: f64 = 1.2;
const BM25_B: f64 = 0.75;
const BM25_IDF_FLOOR: f64 = 0.25;

/// A weighted, undirected graph in adjacency-list form. Neighbour lists are sorted by node.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    pub edges: Vec<Vec<(usize, f64)>>,
}

impl Graph {
    pub fn len(&self) -> usize {
        self.edges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    /// Sum of a node's edge weights.
    pub fn degree(&self, node: usize) -> f64 {
        self.edges[node].iter().map(|&(_, w)| w).sum()
    }

    /// Number of edges (each counted once).
    pub fn edge_count(&self) -> usize {
        self.edges.iter().map(Vec::len).sum::<usize>() / 2
    }
}

/// Per-node term frequencies and the statistics the similarities need.
struct Bags {
    /// (term, count) per node, sorted by term.
    tf: Vec<Vec<(Term, u32)>>,
    /// Number of terms per node, repeats included.
    len: Vec<usize>,
    /// Inverse document frequency per term (documents = nodes). Ordered, so that sums over it
    /// are the same on every run.
    idf: BTreeMap<Term, f64>,
    avg_len: f64,
}

impl Bags {
    fn new(nodes: &[&[Term]], similarity: Similarity) -> Bags {
        let n = nodes.len() as f64;
        let mut df: BTreeMap<Term, u32> = BTreeMap::new();
        let tf: Vec<Vec<(Term, u32)>> = nodes
            .iter()
            .map(|terms| {
                let mut sorted = terms.to_vec();
                sorted.sort_unstable();
                let mut bag: Vec<(Term, u32)> = Vec::new();
                for t in sorted {
                    match bag.last_mut() {
                        Some((last, c)) if *last == t => *c += 1,
                        _ => bag.push((t, 1)),
                    }
                }
                for &(t, _) in &bag {
                    *df.entry(t).or_default() += 1;
                }
                bag
            })
            .collect();
        let len: Vec<usize> = nodes.iter().map(|t| t.len()).collect();
        let avg_len = (len.iter().sum::<usize>() as f64 / n.max(1.0)).max(1.0);
        let idf: BTreeMap<Term, f64> = match similarity {
            Similarity::Overlap => BTreeMap::new(),
            Similarity::TfIdf => df
                .iter()
                .map(|(&t, &d)| (t, (n / f64::from(d)).ln() + 1.0))
                .collect(),
            Similarity::Bm25 => {
                let raw: BTreeMap<Term, f64> = df
                    .iter()
                    .map(|(&t, &d)| {
                        (
                            t,
                            (1.0 + (n - f64::from(d) + 0.5) / (f64::from(d) + 0.5)).ln(),
                        )
                    })
                    .collect();
                let mean = raw.values().sum::<f64>() / (raw.len().max(1) as f64);
                let floor = BM25_IDF_FLOOR * mean;
                raw.into_iter()
                    .map(|(t, v)| (t, if v < floor { floor } else { v }))
                    .collect()
            }
        };
        Bags {
            tf,
            len,
            idf,
            avg_len,
        }
    }
}

/// Builds the similarity graph over `nodes` (each a sentence's terms).
pub fn build(nodes: &[&[Term]], similarity: Similarity) -> Graph {
    let bags = Bags::new(nodes, similarity);
    let n = nodes.len();
    // Inverted index: term -> (node, count), nodes ascending.
    let mut postings: HashMap<Term, Vec<(usize, u32)>> = HashMap::new();
    for (i, bag) in bags.tf.iter().enumerate() {
        for &(t, c) in bag {
            postings.entry(t).or_default().push((i, c));
        }
    }
    postings.retain(|_, p| p.len() <= MAX_POSTINGS);

    // Per-node norms for the cosine.
    let norms: Vec<f64> = match similarity {
        Similarity::TfIdf => bags
            .tf
            .iter()
            .map(|bag| {
                bag.iter()
                    .map(|&(t, c)| (f64::from(c) * bags.idf[&t]).powi(2))
                    .sum::<f64>()
                    .sqrt()
            })
            .collect(),
        _ => Vec::new(),
    };

    let mut edges: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    let mut acc: HashMap<usize, f64> = HashMap::new();
    for i in 0..n {
        acc.clear();
        for &(t, ci) in &bags.tf[i] {
            let Some(list) = postings.get(&t) else {
                continue;
            };
            for &(j, cj) in list {
                if j == i {
                    continue;
                }
                let w = match similarity {
                    Similarity::Overlap => 1.0,
                    Similarity::TfIdf => {
                        let idf = bags.idf[&t];
                        f64::from(ci) * idf * f64::from(cj) * idf
                    }
                    Similarity::Bm25 => {
                        // Both directions: i as the query against j, and j against i.
                        let idf = bags.idf[&t];
                        let bm = |c: u32, len: usize| {
                            let c = f64::from(c);
                            c * (BM25_K1 + 1.0)
                                / (c + BM25_K1
                                    * (1.0 - BM25_B + BM25_B * len as f64 / bags.avg_len))
                        };
                        0.5 * idf * (bm(cj, bags.len[j]) + bm(ci, bags.len[i]))
                    }
                };
                *acc.entry(j).or_default() += w;
            }
        }
        let mut row: Vec<(usize, f64)> = acc
            .iter()
            .filter_map(|(&j, &raw)| {
                let w = match similarity {
                    Similarity::Overlap => {
                        let denom = (bags.len[i] as f64).ln() + (bags.len[j] as f64).ln();
                        if denom > 0.0 { raw / denom } else { 0.0 }
                    }
                    Similarity::TfIdf => {
                        let denom = norms[i] * norms[j];
                        if denom > 0.0 { raw / denom } else { 0.0 }
                    }
                    Similarity::Bm25 => raw,
                };
                (w > 0.0 && w.is_finite()).then_some((j, w))
            })
            .collect();
        row.sort_unstable_by_key(|&(j, _)| j);
        edges[i] = row;
    }
    Graph { edges }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(nodes: &[&[Term]], s: Similarity) -> Graph {
        build(nodes, s)
    }

    #[test]
    fn no_edge_without_a_shared_term() {
        let nodes: [&[Term]; 3] = [&[1, 2], &[2, 3], &[4, 5]];
        for s in [Similarity::Overlap, Similarity::TfIdf, Similarity::Bm25] {
            let g = graph(&nodes, s);
            assert_eq!(g.edge_count(), 1, "{s:?}");
            assert!(g.edges[2].is_empty());
            assert_eq!(g.edges[0][0].0, 1);
        }
    }

    #[test]
    fn weights_are_symmetric_and_grow_with_overlap() {
        let nodes: [&[Term]; 3] = [&[1, 2, 3, 4], &[1, 2, 3, 9], &[1, 7, 8, 9]];
        for s in [Similarity::Overlap, Similarity::TfIdf, Similarity::Bm25] {
            let g = graph(&nodes, s);
            let w = |a: usize, b: usize| {
                g.edges[a]
                    .iter()
                    .find(|e| e.0 == b)
                    .map(|e| e.1)
                    .unwrap_or(0.0)
            };
            assert!((w(0, 1) - w(1, 0)).abs() < 1e-12, "{s:?}");
            assert!(w(0, 1) > w(0, 2), "{s:?}: {} vs {}", w(0, 1), w(0, 2));
        }
    }

    #[test]
    fn cosine_of_identical_bags_is_one() {
        let nodes: [&[Term]; 2] = [&[1, 2, 2], &[2, 1, 2]];
        let g = graph(&nodes, Similarity::TfIdf);
        assert!((g.edges[0][0].1 - 1.0).abs() < 1e-9);
    }
}
