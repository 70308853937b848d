//! Reparsing ensemble (Sagae & Lavie 2006): several greedy parsers, one of
//! them reading the sentence right to left (Attardi & Dell'Orletta 2009),
//! vote for arcs, and the highest-scoring tree over the votes is decoded
//! with Chu-Liu-Edmonds (non-projective maximum spanning arborescence).
//!
//! Why: a greedy transition parser's errors propagate from left to right;
//! a parser reading right to left makes different ones, and where the two
//! disagree a third opinion (or a per-tag weight) decides. This module is
//! the pure part: the mapping of heads between a sentence and its reversal,
//! and the decoder. The parsers and weights live in [`crate::Syntax`].

/// Heads of the reversed sentence, in the parser's internal convention:
/// 0-based heads, `n` (the sentence length) for the root. Word `i` becomes
/// word `n - 1 - i`. Mapping twice gives the input back.
pub fn reverse_heads(heads: &[u32], n: u32) -> Vec<u32> {
    let len = heads.len();
    let mut out = vec![n; len];
    for (i, &h) in heads.iter().enumerate() {
        let j = len - 1 - i;
        out[j] = if h >= n || h as usize >= len {
            n
        } else {
            len as u32 - 1 - h
        };
    }
    out
}

/// Heads of the reversed sentence in the output convention (CoNLL-U: 0 the
/// root, else the 1-based position of the head). Mapping twice gives the
/// input back.
pub fn reverse_heads1(heads: &[u32]) -> Vec<u32> {
    let n = heads.len() as u32;
    heads
        .iter()
        .rev()
        .map(|&h| if h == 0 || h > n { 0 } else { n + 1 - h })
        .collect()
}

/// "No arc": far below any vote total, and far enough above `i64::MIN`
/// that the decoder's subtractions cannot overflow (at most one per
/// contraction, and there are fewer contractions than words).
pub const NO_ARC: i64 = -(1 << 50);

/// Penalty on every arc from the root, larger than any sum of votes: the
/// best tree then has exactly one word under the root (the treebank's
/// convention and the single parsers'), and among such trees the most
/// votes.
pub const ROOT_PENALTY: i64 = 1 << 40;

/// Chu-Liu-Edmonds: the maximum spanning arborescence rooted at node 0 of
/// the dense graph `scores` (`scores[h][d]` is the score of the arc h → d;
/// [`NO_ARC`] where there is none; the diagonal and column 0 are ignored).
/// Returns the head of every node (`heads[0]` is 0). Ties go to the lower
/// head index, so the result is deterministic. O(n³) in the worst case (one
/// contraction per node), O(n²) when the best heads form no cycle.
pub fn chu_liu_edmonds(scores: &[Vec<i64>]) -> Vec<usize> {
    let n = scores.len();
    if n <= 1 {
        return vec![0; n];
    }
    let at = |h: usize, d: usize| -> i64 {
        if h == d || d == 0 {
            NO_ARC
        } else {
            scores
                .get(h)
                .and_then(|r| r.get(d))
                .copied()
                .unwrap_or(NO_ARC)
        }
    };
    // Best head of each node.
    let mut best = vec![0usize; n];
    for (d, b) in best.iter_mut().enumerate().skip(1) {
        let mut bh = if d == 0 { 1 } else { 0 };
        let mut bs = at(bh, d);
        for h in 0..n {
            let s = at(h, d);
            if h != d && s > bs {
                bs = s;
                bh = h;
            }
        }
        *b = bh;
    }
    let Some(cycle) = find_cycle(&best) else {
        return best;
    };
    // Contract the cycle into one node; map the others to new indices.
    let mut in_cycle = vec![false; n];
    for &v in &cycle {
        in_cycle[v] = true;
    }
    let outside: Vec<usize> = (0..n).filter(|&v| !in_cycle[v]).collect();
    let m = outside.len() + 1;
    let c = m - 1;
    let mut sub = vec![vec![NO_ARC; m]; m];
    // For the arc u → cycle: which cycle node it enters; cycle → w: from which.
    let mut enter = vec![0usize; m];
    let mut leave = vec![0usize; m];
    for (i, &u) in outside.iter().enumerate() {
        for (j, &w) in outside.iter().enumerate() {
            sub[i][j] = at(u, w);
        }
        // u → cycle: the gain of breaking the cycle at v by u → v.
        let mut bs = i64::MIN;
        for &v in &cycle {
            let s = at(u, v).saturating_sub(at(best[v], v));
            if s > bs {
                bs = s;
                enter[i] = v;
            }
        }
        sub[i][c] = bs;
        // cycle → u.
        let mut bs = i64::MIN;
        for &v in &cycle {
            let s = at(v, u);
            if s > bs {
                bs = s;
                leave[i] = v;
            }
        }
        sub[c][i] = bs;
    }
    let sub_heads = chu_liu_edmonds(&sub);
    let mut heads = best;
    for (j, &w) in outside.iter().enumerate() {
        if w == 0 {
            continue;
        }
        let h = sub_heads[j];
        heads[w] = if h == c { leave[j] } else { outside[h] };
    }
    // The cycle is entered once, from the contracted node's head.
    let h = sub_heads[c];
    if h < outside.len() {
        heads[enter[h]] = outside[h];
    }
    heads[0] = 0;
    heads
}

/// A cycle among `heads` (node 0 is the root and has none), as its nodes.
fn find_cycle(heads: &[usize]) -> Option<Vec<usize>> {
    let n = heads.len();
    // 0 unvisited, 1 on the current path, 2 done.
    let mut mark = vec![0u8; n];
    mark[0] = 2;
    for start in 1..n {
        let mut path = Vec::new();
        let mut v = start;
        while mark[v] == 0 {
            mark[v] = 1;
            path.push(v);
            v = heads[v].min(n - 1);
        }
        if mark[v] == 1 {
            let from = path.iter().position(|&x| x == v).unwrap_or(0);
            return Some(path[from..].to_vec());
        }
        for p in path {
            mark[p] = 2;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(n: usize, arcs: &[(usize, usize, i64)]) -> Vec<Vec<i64>> {
        let mut g = vec![vec![NO_ARC; n]; n];
        for &(h, d, s) in arcs {
            g[h][d] = s;
        }
        g
    }

    fn is_tree(heads: &[usize]) -> bool {
        heads[0] == 0 && find_cycle(heads).is_none()
    }

    #[test]
    fn reversal_maps_back() {
        // "Russia attacked Ukraine ." : attacked is the root (n = 4).
        let heads = vec![1, 4, 1, 1];
        let r = reverse_heads(&heads, 4);
        // reversed: ". Ukraine attacked Russia"
        assert_eq!(r, vec![2, 2, 4, 2]);
        assert_eq!(reverse_heads(&r, 4), heads);
        let heads1 = vec![2, 0, 2, 2];
        let r1 = reverse_heads1(&heads1);
        assert_eq!(r1, vec![3, 3, 0, 3]);
        assert_eq!(reverse_heads1(&r1), heads1);
        assert!(reverse_heads(&[], 0).is_empty());
        assert!(reverse_heads1(&[]).is_empty());
        // out-of-range heads become the root rather than panicking
        assert_eq!(reverse_heads1(&[9, 0]), vec![0, 0]);
    }

    #[test]
    fn no_cycle_takes_the_best_heads() {
        let g = graph(4, &[(0, 2, 10), (2, 1, 8), (2, 3, 7), (1, 3, 5), (3, 1, 2)]);
        assert_eq!(chu_liu_edmonds(&g), vec![0, 2, 0, 2]);
    }

    #[test]
    fn a_cycle_is_broken_where_it_costs_least() {
        // 1 ⇄ 2 is the best pair of heads; entering the cycle at 1 from the
        // root costs 10 - 3 (arc 0→1 against 2→1), at 2 costs 10 - 4.
        let g = graph(
            4,
            &[
                (0, 1, 3),
                (0, 2, 4),
                (1, 2, 10),
                (2, 1, 10),
                (2, 3, 6),
                (1, 3, 1),
            ],
        );
        let heads = chu_liu_edmonds(&g);
        assert!(is_tree(&heads));
        assert_eq!(heads, vec![0, 2, 0, 2]);
    }

    #[test]
    fn nested_cycles() {
        // 1→2→3→1 is the best-head cycle, and once contracted it forms
        // another with 4.
        let g = graph(
            5,
            &[
                (1, 2, 10),
                (2, 3, 10),
                (3, 1, 10),
                (4, 1, 9),
                (3, 4, 9),
                (0, 4, 1),
                (0, 2, 0),
            ],
        );
        let heads = chu_liu_edmonds(&g);
        assert!(is_tree(&heads));
        // best: root → 4 → 1 → 2 → 3 (1 + 9 + 10 + 10 = 30)
        assert_eq!(heads, vec![0, 4, 1, 2, 0]);
    }

    #[test]
    fn root_penalty_keeps_one_root() {
        let p = ROOT_PENALTY;
        let g = graph(
            4,
            &[
                (0, 1, 5 - p),
                (0, 2, 5 - p),
                (0, 3, 5 - p),
                (1, 2, 1),
                (2, 3, 1),
            ],
        );
        let heads = chu_liu_edmonds(&g);
        assert!(is_tree(&heads));
        assert_eq!(heads.iter().skip(1).filter(|&&h| h == 0).count(), 1);
    }

    #[test]
    fn never_panics_on_odd_graphs() {
        assert!(chu_liu_edmonds(&[]).is_empty());
        assert_eq!(chu_liu_edmonds(&[vec![0]]), vec![0]);
        // no arcs at all, ragged rows, everything tied
        for n in 2..12 {
            let empty = vec![vec![NO_ARC; n]; n];
            assert!(is_tree(&chu_liu_edmonds(&empty)));
            let tied = vec![vec![7; n]; n];
            assert!(is_tree(&chu_liu_edmonds(&tied)));
            let ragged: Vec<Vec<i64>> = (0..n).map(|i| vec![3; i]).collect();
            assert!(is_tree(&chu_liu_edmonds(&ragged)));
        }
        // pseudo-random dense graphs
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for n in 2..40 {
            let g: Vec<Vec<i64>> = (0..n)
                .map(|_| {
                    (0..n)
                        .map(|_| {
                            x ^= x << 13;
                            x ^= x >> 7;
                            x ^= x << 17;
                            (x % 50) as i64
                        })
                        .collect()
                })
                .collect();
            assert!(is_tree(&chu_liu_edmonds(&g)));
        }
    }
}
