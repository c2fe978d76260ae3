//! Ranking the sentences of a scope: [`Ranker::scores`] is the one entry point the pipeline calls,
//! so a new ranking method is added here and nowhere else.
//!
//! - PageRank (TextRank): weighted PageRank over the sparse similarity graph of [`crate::graph`],
//!   with an optional personalization (teleport) vector. Damping 0.85; iteration stops when the
//!   scores move less than a tolerance (L1), or after a fixed number of rounds. Scores sum to one.
//! - PacSum (Zheng & Lapata 2019): position-aware degree centrality over TF-IDF cosine. Degree
//!   centrality needs no graph: the sum of a sentence's cosines to every other sentence is its unit
//!   vector's dot product with the sum of all unit vectors (less itself), and the part owed to the
//!   earlier sentences of its article is the same dot product with their running sum. So PacSum
//!   is exact and linear in the scope's terms, however large the scope.
//! - The adaptive blend of the two (the default); a ranking whose weight in the blend is under
//!   [`NEGLIGIBLE`] is not computed at all.

use crate::graph::{self, Bags, Graph, Similarity};

/// How sentences are scored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ranker {
    /// PageRank over the similarity graph (TextRank). With `position_bias` b > 0, the teleport
    /// weight of the sentence at (0-based) position p of its article is (p + 1)^-b.
    PageRank { position_bias: f64 },
    /// PacSum's directed degree centrality over TF-IDF cosine (see [`pacsum`]): forward weight 1,
    /// this backward weight.
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
/// A ranking whose weight in the adaptive blend is below this is skipped (it counts as zero):
/// it could only reorder lines whose other score differs by less than this share of the best.
pub(crate) const NEGLIGIBLE: f64 = 1e-3;

impl Default for Ranker {
    fn default() -> Self {
        Ranker::Adaptive {
            backward: DEFAULT_BACKWARD,
            ramp: DEFAULT_RAMP,
        }
    }
}

impl Ranker {
    /// Scores of a scope's sentences (`bags`, with each one's (article, position) in `place`),
    /// for a summary that takes `share` of their words. The PageRank graph is weighted by
    /// `similarity`.
    pub(crate) fn scores(
        &self,
        bags: &Bags,
        place: &[(usize, usize)],
        share: f64,
        similarity: Similarity,
    ) -> Vec<f64> {
        let pagerank = |bias: f64| {
            let graph = graph::build(bags, similarity);
            if bias == 0.0 {
                return PageRank::default().run(&graph, None);
            }
            let teleport: Vec<f64> = place
                .iter()
                .map(|&(_, p)| ((p + 1) as f64).powf(-bias))
                .collect();
            PageRank::default().run(&graph, Some(&teleport))
        };
        match *self {
            Ranker::PageRank { position_bias } => pagerank(position_bias),
            Ranker::PacSum { backward } => pacsum(bags, place, 1.0, backward),
            Ranker::Adaptive { backward, ramp } => {
                let w = (1.0 - (share / ramp).powi(2)).clamp(0.0, 1.0);
                if w < NEGLIGIBLE {
                    return pagerank(0.0);
                }
                let pac = pacsum(bags, place, 1.0, backward);
                let kq = scale(&pac);
                if 1.0 - w < NEGLIGIBLE {
                    return pac.iter().map(|&q| w * q * kq).collect();
                }
                let pr = pagerank(0.0);
                let kp = scale(&pr);
                pr.iter()
                    .zip(&pac)
                    .map(|(&p, &q)| w * q * kq + (1.0 - w) * p * kp)
                    .collect()
            }
        }
    }
}

/// The factor that scales `v` so that its largest magnitude is 1.
fn scale(v: &[f64]) -> f64 {
    let m = v.iter().fold(0.0_f64, |a, &b| a.max(b.abs()));
    if m > 0.0 { 1.0 / m } else { 0.0 }
}

/// PageRank settings.
#[derive(Clone, Copy, Debug)]
pub struct PageRank {
    pub(crate) damping: f64,
    pub(crate) tolerance: f64,
    pub(crate) max_iterations: usize,
}

impl Default for PageRank {
    fn default() -> Self {
        PageRank {
            damping: 0.85,
            tolerance: 1e-9,
            max_iterations: 200,
        }
    }
}

impl PageRank {
    /// Scores every node of `graph`. `teleport` is the personalization vector (any non-negative
    /// weights; uniform when `None` or all zero). A node without edges gets only its teleport
    /// share; its own rank flows back through the teleport vector.
    pub(crate) fn run(&self, graph: &Graph, teleport: Option<&[f64]>) -> Vec<f64> {
        let n = graph.len();
        if n == 0 {
            return Vec::new();
        }
        let p: Vec<f64> = match teleport {
            Some(t) if t.len() == n && t.iter().sum::<f64>() > 0.0 => {
                let sum: f64 = t.iter().sum();
                t.iter().map(|x| x / sum).collect()
            }
            _ => vec![1.0 / n as f64; n],
        };
        let out_weight: Vec<f64> = (0..n).map(|i| graph.degree(i)).collect();
        let dangling_nodes: Vec<usize> = (0..n).filter(|&i| out_weight[i] == 0.0).collect();
        let d = self.damping;
        let mut score = p.clone();
        let mut next = vec![0.0; n];
        for _ in 0..self.max_iterations {
            let dangling: f64 = dangling_nodes.iter().map(|&i| score[i]).sum();
            for i in 0..n {
                let inflow: f64 = graph.edges[i]
                    .iter()
                    .map(|&(j, w)| score[j] * w / out_weight[j])
                    .sum();
                next[i] = (1.0 - d) * p[i] + d * (inflow + dangling * p[i]);
            }
            let delta: f64 = score.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
            std::mem::swap(&mut score, &mut next);
            if delta < self.tolerance {
                break;
            }
        }
        score
    }
}

/// PacSum's position-aware degree centrality (Zheng & Lapata 2019) over TF-IDF cosine: edges are
/// directed by position in the article. A sentence gains `forward` times its similarity to each
/// later sentence of its article (later sentences elaborate on it) and `backward` times its
/// similarity to each earlier one (usually negative: it repeats what came before). Similarity to
/// other articles counts as forward. `place[i]` is node i's (article, position). (PacSum's
/// similarity threshold is left at zero.)
///
/// Computed without the graph (see the module docs): O(terms of the scope).
pub(crate) fn pacsum(
    bags: &Bags,
    place: &[(usize, usize)],
    forward: f64,
    backward: f64,
) -> Vec<f64> {
    let n = bags.len();
    let idf = bags.tf_idf_idf();
    // Unit TF-IDF vectors, one weight per bag entry, node after node.
    let mut unit: Vec<f64> = Vec::new();
    let mut starts = Vec::with_capacity(n + 1);
    for i in 0..n {
        starts.push(unit.len());
        let bag = bags.bag(i);
        let norm = bag
            .iter()
            .map(|&(t, c)| (f64::from(c) * idf[t as usize]).powi(2))
            .sum::<f64>()
            .sqrt();
        unit.extend(bag.iter().map(|&(t, c)| {
            if norm > 0.0 {
                f64::from(c) * idf[t as usize] / norm
            } else {
                0.0
            }
        }));
    }
    starts.push(unit.len());
    let weights = |i: usize| bags.bag(i).iter().zip(&unit[starts[i]..starts[i + 1]]);
    let dot =
        |i: usize, sum: &[f64]| -> f64 { weights(i).map(|(&(t, _), u)| u * sum[t as usize]).sum() };

    let mut total = vec![0.0_f64; bags.terms()];
    for i in 0..n {
        for (&(t, _), u) in weights(i) {
            total[t as usize] += u;
        }
    }
    // Similarity to every other sentence: the dot product with the total, less the self-cosine.
    let mut all: Vec<f64> = (0..n)
        .map(|i| dot(i, &total) - weights(i).map(|(_, u)| u * u).sum::<f64>())
        .collect();

    // Similarity to the earlier sentences of the same article: a running sum per article.
    let mut by_place: Vec<usize> = (0..n).collect();
    by_place.sort_by_key(|&i| (place[i], i));
    let mut running = vec![0.0_f64; bags.terms()];
    let mut touched: Vec<u32> = Vec::new();
    let mut earlier = vec![0.0_f64; n];
    for (k, &i) in by_place.iter().enumerate() {
        if k > 0 && place[by_place[k - 1]].0 != place[i].0 {
            for &t in &touched {
                running[t as usize] = 0.0;
            }
            touched.clear();
        }
        earlier[i] = dot(i, &running);
        for (&(t, _), u) in weights(i) {
            running[t as usize] += u;
            touched.push(t);
        }
    }
    for i in 0..n {
        all[i] = forward * (all[i] - earlier[i]) + backward * earlier[i];
    }
    all
}

/// A score with a tie-breaker, ordered as brief ranks everything: by score, then the smaller
/// tie-breaker first (the greater key is the better). For max-heaps of candidates.
#[derive(Clone, Copy, Debug)]
pub struct Key<T> {
    pub score: f64,
    pub(crate) tie: T,
}

impl<T: Ord> PartialEq for Key<T> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl<T: Ord> Eq for Key<T> {}

impl<T: Ord> PartialOrd for Key<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<T: Ord> Ord for Key<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.score
            .total_cmp(&other.score)
            .then(other.tie.cmp(&self.tie))
    }
}

/// Node indices by descending score; ties keep the lower index (earlier position) first.
pub fn order(scores: &[f64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..scores.len()).collect();
    idx.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Term;

    fn bags(nodes: &[&[Term]]) -> Bags {
        Bags::new(nodes.iter().copied())
    }

    #[test]
    fn star_centre_wins_and_scores_sum_to_one() {
        // Node 0 shares a term with every other node; the others share nothing among themselves.
        let b = bags(&[&[1, 2, 3], &[1, 9], &[2, 8], &[3, 7]]);
        let g = graph::build(&b, Similarity::TfIdf);
        let s = PageRank::default().run(&g, None);
        assert_eq!(order(&s)[0], 0);
        assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn ties_break_by_position() {
        let b = bags(&[&[1], &[2], &[3]]);
        let s = PageRank::default().run(&graph::build(&b, Similarity::TfIdf), None);
        assert_eq!(order(&s), [0, 1, 2]);
    }

    #[test]
    fn pacsum_favours_what_later_sentences_elaborate() {
        // Sentences 0 and 2 share a term; so do 1 and 2. In one article, 0 and 1 both come before 2.
        let b = bags(&[&[1, 5], &[2, 6], &[1, 2]]);
        let place = [(0, 0), (0, 1), (0, 2)];
        let s = pacsum(&b, &place, 1.0, -2.0);
        assert!(s[0] > 0.0 && s[1] > 0.0, "{s:?}");
        assert!(s[2] < 0.0, "{s:?}");
    }

    /// PacSum over the explicit graph, edge by edge, as the method is defined.
    fn pacsum_by_edges(b: &Bags, place: &[(usize, usize)], backward: f64) -> Vec<f64> {
        let g = graph::build_bounded(b, Similarity::TfIdf, usize::MAX, usize::MAX);
        (0..g.len())
            .map(|i| {
                g.edges[i]
                    .iter()
                    .map(|&(j, w)| {
                        let earlier = place[j].0 == place[i].0 && place[j].1 < place[i].1;
                        if earlier { backward * w } else { w }
                    })
                    .sum()
            })
            .collect()
    }

    #[test]
    fn linear_pacsum_equals_the_graph_definition() {
        // Three articles of pseudo-random sentences over a small vocabulary, in mixed order.
        let mut next = crate::tests::numbers(7);
        let terms: Vec<Vec<Term>> = (0..60)
            .map(|_| (0..1 + next(8)).map(|_| next(25) as Term).collect())
            .collect();
        let place: Vec<(usize, usize)> = (0..60).map(|i| (i % 3, 59 - i)).collect();
        let b = bags(&terms.iter().map(Vec::as_slice).collect::<Vec<_>>());
        for backward in [-1.0, -2.0, 0.5] {
            let fast = pacsum(&b, &place, 1.0, backward);
            let slow = pacsum_by_edges(&b, &place, backward);
            for (f, s) in fast.iter().zip(&slow) {
                assert!((f - s).abs() < 1e-9, "{f} vs {s}");
            }
        }
    }

    #[test]
    fn negligible_pagerank_is_skipped_without_changing_the_order() {
        let b = bags(&[&[1, 2, 3], &[1, 2], &[3, 4], &[4, 5, 6], &[1, 6]]);
        let place: Vec<(usize, usize)> = (0..5).map(|p| (0, p)).collect();
        let adaptive = Ranker::default();
        // A share so small that PageRank's weight, (s / 0.3)^2, is 1e-6.
        let tiny = adaptive.scores(&b, &place, 3e-4, Similarity::Overlap);
        let pac = pacsum(&b, &place, 1.0, DEFAULT_BACKWARD);
        assert_eq!(order(&tiny), order(&pac));
        // A real blend weighs both, each scaled so that its best is 1.
        let blend = adaptive.scores(&b, &place, 0.15, Similarity::Overlap);
        let pr = PageRank::default().run(&graph::build(&b, Similarity::Overlap), None);
        let w = 1.0 - 0.25;
        for i in 0..5 {
            let want = w * pac[i] * scale(&pac) + (1.0 - w) * pr[i] * scale(&pr);
            assert!((blend[i] - want).abs() < 1e-12);
        }
    }

    #[test]
    fn teleport_biases_isolated_nodes() {
        let b = bags(&[&[1], &[2], &[3]]);
        let g = graph::build(&b, Similarity::TfIdf);
        let s = PageRank::default().run(&g, Some(&[1.0, 2.0, 4.0]));
        assert_eq!(order(&s), [2, 1, 0]);
    }
}
