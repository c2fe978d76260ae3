//! Ranking: weighted PageRank over a similarity graph, with an optional personalization (teleport)
//! vector. Damping 0.85; iteration stops when the scores move less than a tolerance (L1), or after
//! a fixed number of rounds. Scores sum to one.

use crate::graph::Graph;

/// PageRank settings.
#[derive(Clone, Copy, Debug)]
pub struct PageRank {
    pub damping: f64,
    pub tolerance: f64,
    pub max_iterations: usize,
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
    pub fn run(&self, graph: &Graph, teleport: Option<&[f64]>) -> Vec<f64> {
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
        let d = self.damping;
        let mut score = p.clone();
        let mut next = vec![0.0; n];
        for _ in 0..self.max_iterations {
            let dangling: f64 = (0..n)
                .filter(|&i| out_weight[i] == 0.0)
                .map(|i| score[i])
                .sum();
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

/// PacSum's position-aware degree centrality (Zheng & Lapata 2019): edges are directed by position
/// in the article. A sentence gains `forward` times its similarity to each later sentence of its
/// article (later sentences elaborate on it) and `backward` times its similarity to each earlier
/// one (usually negative: it repeats what came before). Edges between articles count as forward.
/// `place[i]` is node i's (article, position). (PacSum's similarity threshold is left at zero.)
pub fn pacsum(graph: &Graph, place: &[(usize, usize)], forward: f64, backward: f64) -> Vec<f64> {
    (0..graph.len())
        .map(|i| {
            graph.edges[i]
                .iter()
                .map(|&(j, w)| {
                    let earlier = place[j].0 == place[i].0 && place[j].1 < place[i].1;
                    if earlier { backward * w } else { forward * w }
                })
                .sum()
        })
        .collect()
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
    use crate::graph::{self, Similarity};

    #[test]
    fn star_centre_wins_and_scores_sum_to_one() {
        // Node 0 shares a term with every other node; the others share nothing among themselves.
        let nodes: [&[u32]; 4] = [&[1, 2, 3], &[1, 9], &[2, 8], &[3, 7]];
        let g = graph::build(&nodes, Similarity::TfIdf);
        let s = PageRank::default().run(&g, None);
        assert_eq!(order(&s)[0], 0);
        assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn ties_break_by_position() {
        let nodes: [&[u32]; 3] = [&[1], &[2], &[3]];
        let g = graph::build(&nodes, Similarity::TfIdf);
        let s = PageRank::default().run(&g, None);
        assert_eq!(order(&s), [0, 1, 2]);
    }

    #[test]
    fn pacsum_favours_what_later_sentences_elaborate() {
        // Sentences 0 and 2 share a term; so do 1 and 2. In one article, 0 and 1 both come before 2.
        let nodes: [&[u32]; 3] = [&[1, 5], &[2, 6], &[1, 2]];
        let g = graph::build(&nodes, Similarity::TfIdf);
        let place = [(0, 0), (0, 1), (0, 2)];
        let s = pacsum(&g, &place, 1.0, -2.0);
        assert!(s[0] > 0.0 && s[1] > 0.0, "{s:?}");
        assert!(s[2] < 0.0, "{s:?}");
    }

    #[test]
    fn teleport_biases_isolated_nodes() {
        let nodes: [&[u32]; 3] = [&[1], &[2], &[3]];
        let g = graph::build(&nodes, Similarity::TfIdf);
        let s = PageRank::default().run(&g, Some(&[1.0, 2.0, 4.0]));
        assert_eq!(order(&s), [2, 1, 0]);
    }
}
