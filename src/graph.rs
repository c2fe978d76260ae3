//! The sentences of one scope (an article, a thread, the corpus) as bags of terms, and the sparse
//! sentence-similarity graph over them. An edge joins two sentences that share a term, weighted by
//! one of three similarities:
//!
//! - [`Similarity::Overlap`]: TextRank's original, shared terms / (ln |a| + ln |b|);
//! - [`Similarity::TfIdf`]: cosine of TF-IDF vectors;
//! - [`Similarity::Bm25`]: BM25 of one sentence against the other, averaged over both directions,
//!   with the non-negative IDF ln(1 + (N - n + 0.5) / (n + 0.5)) floored at a quarter of the mean
//!   IDF (the floor gensim and summa use), so that very common terms still count a little.
//!
//! [`Bags`] are built once per scope: terms get dense ids local to the scope, so every later array
//! is indexed directly. The graph is built from an inverted index (term -> sentences holding it),
//! so pairs that share no term are never compared, and its cost is bounded to stay near-linear in
//! the scope's size: from each sentence, a term's postings are followed at most [`FOLLOW`] deep
//! (the sentences nearest to it in scope order: its own article first), and each sentence keeps
//! its [`NEIGHBOURS`] strongest edges. A scope whose terms are all held by at most [`FOLLOW`]
//! sentences, and whose sentences have at most [`NEIGHBOURS`] neighbours, gets the exact graph; an
//! article of a few hundred sentences does. See docs/performance.md.

use crate::text::Term;

/// Which similarity weighs the edges.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Similarity {
    /// Normalised word overlap, TextRank's original (the default: it measured best, see README)
    #[default]
    Overlap,
    /// TF-IDF cosine
    TfIdf,
    /// BM25 with an IDF floor
    Bm25,
}

impl Similarity {
    /// Every similarity, with the name [`FromStr`](std::str::FromStr) reads and `Display` writes.
    pub const ALL: [(Similarity, &'static str); 3] = [
        (Similarity::Overlap, "overlap"),
        (Similarity::TfIdf, "tf-idf"),
        (Similarity::Bm25, "bm25"),
    ];
}

impl std::fmt::Display for Similarity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (_, name) = Similarity::ALL
            .iter()
            .find(|(s, _)| s == self)
            .expect("every similarity is listed");
        f.write_str(name)
    }
}

impl std::str::FromStr for Similarity {
    type Err = crate::Error;

    /// Reads `overlap`, `tf-idf` or `bm25` (any case).
    fn from_str(s: &str) -> crate::Result<Similarity> {
        Similarity::ALL
            .iter()
            .find(|(_, name)| name.eq_ignore_ascii_case(s))
            .map(|&(sim, _)| sim)
            .ok_or_else(|| crate::Error::Value {
                what: "similarity",
                value: s.to_string(),
                expected: "use overlap, tf-idf or bm25",
            })
    }
}

/// How many of a term's postings are followed from one sentence.
pub(crate) const FOLLOW: usize = 256;
/// How many neighbours each sentence keeps (its strongest edges), before the graph is made
/// symmetric.
pub(crate) const NEIGHBOURS: usize = 128;

const BM25_K1: f64 = 1.2;
const BM25_B: f64 = 0.75;
const BM25_IDF_FLOOR: f64 = 0.25;

/// The sentences of a scope as bags of terms with scope-local term ids.
#[derive(Clone, Debug, Default)]
pub(crate) struct Bags {
    /// Node i's entries are `entries[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
    /// (local term, count), sorted by term within a node.
    entries: Vec<(u32, u32)>,
    /// Terms per node, repeats included.
    len: Vec<u32>,
    /// Number of nodes holding each local term.
    df: Vec<u32>,
    /// Local term id -> the corpus's term id.
    terms: Vec<Term>,
}

thread_local! {
    /// Corpus term id -> local id (u32::MAX when unused) for the scope being built on this
    /// thread: a dense map, reset after each scope by the slots it used, so that building a
    /// scope's bags costs no hashing.
    static LOCAL_IDS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Bags {
    /// Bags of `nodes`, each a sentence's terms (with repeats).
    pub fn new<'a>(nodes: impl IntoIterator<Item = &'a [Term]>) -> Bags {
        LOCAL_IDS.with(|cell| {
            let mut local = cell.borrow_mut();
            let bags = Bags::with_local_ids(nodes, &mut local);
            // Leave the map empty for the next scope: only the slots this one used.
            for &t in &bags.terms {
                local[t as usize] = u32::MAX;
            }
            bags
        })
    }

    fn with_local_ids<'a>(
        nodes: impl IntoIterator<Item = &'a [Term]>,
        local: &mut Vec<u32>,
    ) -> Bags {
        let mut bags = Bags {
            starts: vec![0],
            ..Bags::default()
        };
        let mut ids: Vec<u32> = Vec::new();
        for terms in nodes {
            ids.clear();
            for &t in terms {
                let t = t as usize;
                if t >= local.len() {
                    local.resize(t + 1, u32::MAX);
                }
                if local[t] == u32::MAX {
                    local[t] = bags.terms.len() as u32;
                    bags.terms.push(t as Term);
                }
                ids.push(local[t]);
            }
            ids.sort_unstable();
            let start = bags.entries.len();
            for &id in &ids {
                let len = bags.entries.len();
                if len > start && bags.entries[len - 1].0 == id {
                    bags.entries[len - 1].1 += 1;
                } else {
                    bags.entries.push((id, 1));
                }
            }
            bags.len.push(ids.len() as u32);
            bags.starts.push(bags.entries.len());
        }
        bags.df = vec![0; bags.terms.len()];
        for &(t, _) in &bags.entries {
            bags.df[t as usize] += 1;
        }
        bags
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.len.len()
    }

    /// Number of distinct terms in the scope.
    pub fn terms(&self) -> usize {
        self.df.len()
    }

    /// Node i's (local term, count) pairs, sorted by term.
    pub(crate) fn bag(&self, i: usize) -> &[(u32, u32)] {
        &self.entries[self.starts[i]..self.starts[i + 1]]
    }

    /// Node i's number of terms, repeats included.
    pub fn size(&self, i: usize) -> usize {
        self.len[i] as usize
    }

    /// Number of nodes holding local term t.
    #[cfg(test)]
    pub(crate) fn df(&self, t: u32) -> usize {
        self.df[t as usize] as usize
    }

    /// The TF-IDF inverse document frequency (documents = nodes): ln(N / df) + 1.
    pub(crate) fn tf_idf_idf(&self) -> Vec<f64> {
        let n = self.len() as f64;
        self.df
            .iter()
            .map(|&d| (n / f64::from(d)).ln() + 1.0)
            .collect()
    }

    fn bm25_idf(&self) -> Vec<f64> {
        let n = self.len() as f64;
        let raw: Vec<f64> = self
            .df
            .iter()
            .map(|&d| (1.0 + (n - f64::from(d) + 0.5) / (f64::from(d) + 0.5)).ln())
            .collect();
        let mean = raw.iter().sum::<f64>() / (raw.len().max(1) as f64);
        let floor = BM25_IDF_FLOOR * mean;
        raw.into_iter().map(|v| v.max(floor)).collect()
    }

    /// The inverted index: for each local term, the (node, count) pairs holding it, nodes
    /// ascending, in one flat array (`postings[offsets[t]..offsets[t + 1]]`).
    fn postings(&self) -> (Vec<usize>, Vec<(u32, u32)>) {
        let mut offsets = vec![0usize; self.df.len() + 1];
        for (t, &d) in self.df.iter().enumerate() {
            offsets[t + 1] = offsets[t] + d as usize;
        }
        let mut fill = offsets.clone();
        let mut postings = vec![(0u32, 0u32); self.entries.len()];
        for i in 0..self.len() {
            for &(t, c) in self.bag(i) {
                postings[fill[t as usize]] = (i as u32, c);
                fill[t as usize] += 1;
            }
        }
        (offsets, postings)
    }
}

/// A weighted, undirected graph in adjacency-list form. Neighbour lists are sorted by node.
#[derive(Clone, Debug, Default)]
pub(crate) struct Graph {
    pub(crate) edges: Vec<Vec<(usize, f64)>>,
}

impl Graph {
    pub fn len(&self) -> usize {
        self.edges.len()
    }

    /// Sum of a node's edge weights.
    pub(crate) fn degree(&self, node: usize) -> f64 {
        self.edges[node].iter().map(|&(_, w)| w).sum()
    }

    /// Number of edges (each counted once).
    #[cfg(test)]
    pub(crate) fn edge_count(&self) -> usize {
        self.edges.iter().map(Vec::len).sum::<usize>() / 2
    }
}

/// Builds the similarity graph over `bags` (see the module docs for its bounds).
pub(crate) fn build(bags: &Bags, similarity: Similarity) -> Graph {
    build_bounded(bags, similarity, FOLLOW, NEIGHBOURS)
}

/// [`build`] with explicit bounds: postings followed `follow` deep, `neighbours` edges kept per
/// node.
pub(crate) fn build_bounded(
    bags: &Bags,
    similarity: Similarity,
    follow: usize,
    neighbours: usize,
) -> Graph {
    let n = bags.len();
    let (offsets, postings) = bags.postings();
    let idf = match similarity {
        Similarity::Overlap => Vec::new(),
        Similarity::TfIdf => bags.tf_idf_idf(),
        Similarity::Bm25 => bags.bm25_idf(),
    };
    let avg_len = ((0..n).map(|i| bags.size(i)).sum::<usize>() as f64 / (n.max(1) as f64)).max(1.0);
    // Per-node norms for the cosine.
    let norms: Vec<f64> = match similarity {
        Similarity::TfIdf => (0..n)
            .map(|i| {
                bags.bag(i)
                    .iter()
                    .map(|&(t, c)| (f64::from(c) * idf[t as usize]).powi(2))
                    .sum::<f64>()
                    .sqrt()
            })
            .collect(),
        _ => Vec::new(),
    };
    // Per-node ln(size) for the overlap's denominator, once per node rather than twice per pair.
    let ln_size: Vec<f64> = match similarity {
        Similarity::Overlap => (0..n).map(|i| (bags.size(i) as f64).ln()).collect(),
        _ => Vec::new(),
    };
    let bm = |c: u32, len: usize| {
        let c = f64::from(c);
        c * (BM25_K1 + 1.0) / (c + BM25_K1 * (1.0 - BM25_B + BM25_B * len as f64 / avg_len))
    };

    let mut rows: Vec<Vec<(usize, f64)>> = Vec::with_capacity(n);
    let mut acc = vec![0.0_f64; n];
    let mut seen = vec![false; n];
    let mut touched: Vec<usize> = Vec::new();
    // Whether every row is whole: then the rows already are the symmetric graph.
    let mut exact = true;
    for i in 0..n {
        for &(t, ci) in bags.bag(i) {
            let list = &postings[offsets[t as usize]..offsets[t as usize + 1]];
            let window = if list.len() <= follow {
                list
            } else {
                exact = false;
                // The `follow` postings nearest to i in scope order.
                let at = list.partition_point(|&(j, _)| (j as usize) < i);
                let from = at.saturating_sub(follow / 2).min(list.len() - follow);
                &list[from..from + follow]
            };
            for &(j, cj) in window {
                let j = j as usize;
                if j == i {
                    continue;
                }
                let w = match similarity {
                    Similarity::Overlap => 1.0,
                    // The same product from either end, so that rows agree exactly.
                    Similarity::TfIdf => {
                        f64::from(ci) * f64::from(cj) * (idf[t as usize] * idf[t as usize])
                    }
                    // Both directions: i as the query against j, and j against i.
                    Similarity::Bm25 => {
                        0.5 * idf[t as usize] * (bm(cj, bags.size(j)) + bm(ci, bags.size(i)))
                    }
                };
                if !seen[j] {
                    seen[j] = true;
                    touched.push(j);
                }
                acc[j] += w;
            }
        }
        let mut row: Vec<(usize, f64)> = touched
            .iter()
            .filter_map(|&j| {
                let raw = acc[j];
                let w = match similarity {
                    Similarity::Overlap => {
                        let denom = ln_size[i] + ln_size[j];
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
        for &j in &touched {
            acc[j] = 0.0;
            seen[j] = false;
        }
        touched.clear();
        if row.len() > neighbours {
            exact = false;
            // Strongest first; among equals the nearer node in scope order.
            row.select_nth_unstable_by(neighbours, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            row.truncate(neighbours);
            row.shrink_to_fit();
        }
        rows.push(row);
    }
    if exact {
        // Each pair's weight is summed over its shared terms in the same order from both ends.
        for row in &mut rows {
            row.sort_unstable_by_key(|e| e.0);
        }
        return Graph { edges: rows };
    }
    symmetric(rows)
}

/// The union of the directed rows, as an undirected graph. Where both directions were kept, the
/// larger weight wins (each is exact, or a lower bound when a postings window left a shared term
/// out).
fn symmetric(rows: Vec<Vec<(usize, f64)>>) -> Graph {
    let mut edges: Vec<Vec<(usize, f64)>> = rows.clone();
    for (i, row) in rows.iter().enumerate() {
        for &(j, w) in row {
            edges[j].push((i, w));
        }
    }
    for list in &mut edges {
        list.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        list.dedup_by_key(|e| e.0);
    }
    Graph { edges }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(nodes: &[&[Term]], s: Similarity) -> Graph {
        build(&Bags::new(nodes.iter().copied()), s)
    }

    fn weight(g: &Graph, a: usize, b: usize) -> f64 {
        g.edges[a]
            .iter()
            .find(|e| e.0 == b)
            .map(|e| e.1)
            .unwrap_or(0.0)
    }

    #[test]
    fn bags_count_terms_with_local_ids() {
        let nodes: [&[Term]; 2] = [&[70, 9, 70], &[9, 5]];
        let b = Bags::new(nodes.iter().copied());
        assert_eq!(b.bag(0), [(0, 2), (1, 1)]);
        assert_eq!(b.bag(1), [(1, 1), (2, 1)]);
        assert_eq!((b.size(0), b.df(1), b.terms()), (3, 2, 3));
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
            assert!((weight(&g, 0, 1) - weight(&g, 1, 0)).abs() < 1e-12, "{s:?}");
            assert!(weight(&g, 0, 1) > weight(&g, 0, 2), "{s:?}");
        }
    }

    #[test]
    fn cosine_of_identical_bags_is_one() {
        let nodes: [&[Term]; 2] = [&[1, 2, 2], &[2, 1, 2]];
        let g = graph(&nodes, Similarity::TfIdf);
        assert!((g.edges[0][0].1 - 1.0).abs() < 1e-9);
    }

    #[test]
    fn bounds_keep_the_graph_sparse_and_symmetric() {
        // 300 sentences share term 0; each also shares a term with its next neighbour.
        let terms: Vec<Vec<Term>> = (0..300u32).map(|i| vec![0, 1000 + i, 1001 + i]).collect();
        let nodes: Vec<&[Term]> = terms.iter().map(Vec::as_slice).collect();
        let bags = Bags::new(nodes.iter().copied());
        let exact = build_bounded(&bags, Similarity::Overlap, usize::MAX, usize::MAX);
        assert_eq!(exact.edges[150].len(), 299);
        let g = build_bounded(&bags, Similarity::Overlap, 16, 4);
        for (i, list) in g.edges.iter().enumerate() {
            // Four kept from i, and those of the 16 nodes whose window holds i that kept it:
            // never the whole clique.
            assert!(list.len() <= 20, "node {i}: {}", list.len());
            for &(j, w) in list {
                assert!((weight(&g, j, i) - w).abs() < 1e-12);
                assert!((weight(&exact, i, j) - w).abs() < 1e-12);
            }
        }
        // The strongest edges survive: each node keeps its chain neighbours.
        assert!(weight(&g, 150, 151) > 0.0 && weight(&g, 150, 149) > 0.0);
    }
}
