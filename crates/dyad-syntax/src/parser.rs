//! The dependency parser: the arc-hybrid transition system (Kuhlmann et al.
//! 2011) with the root at the end of the buffer (Ballesteros & Nivre 2013),
//! greedy decoding, an averaged perceptron over three unlabelled
//! transitions, and a second perceptron that labels each arc when it is
//! made (so later decisions see the labels). Training follows the model's
//! own mistakes with the dynamic oracle of Goldberg & Nivre (2013).
//!
//! Positions: words are `0..n`, the root is `n`. A state is a stack and the
//! front of the buffer `b` (the buffer is `b..=n`).

use crate::feat::{f1, f2, f3, WordInfo, NONE};
use crate::perceptron::{TrainWeights, Weights};
use crate::rng::Rng;
use crate::tagger::argmax;

/// Transitions.
pub const SHIFT: usize = 0;
/// Pop the stack top and make it a dependent of the buffer front.
pub const LEFT: usize = 1;
/// Pop the stack top and make it a dependent of the word below it.
pub const RIGHT: usize = 2;

/// No word (padding).
const NO: u32 = u32::MAX;
/// "No label" value.
const NO_LABEL: u8 = u8::MAX;

/// The parser state.
#[derive(Debug, Clone, Default)]
pub struct State {
    n: u32,
    stack: Vec<u32>,
    b: u32,
    /// Head of each word (`n` = root); `NO` while unattached.
    pub heads: Vec<u32>,
    /// Label id of each word's arc.
    pub labels: Vec<u8>,
    /// Newest and second-newest left children (outermost first).
    lefts: Vec<[u32; 2]>,
    rights: Vec<[u32; 2]>,
    nleft: Vec<u8>,
    nright: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    /// The initial state for `n` words (reusing buffers).
    pub fn reset(&mut self, n: usize) {
        let n1 = n + 1;
        self.n = n as u32;
        self.stack.clear();
        self.b = 0;
        self.heads.clear();
        self.heads.resize(n1, NO);
        self.labels.clear();
        self.labels.resize(n1, NO_LABEL);
        self.lefts.clear();
        self.lefts.resize(n1, [NO; 2]);
        self.rights.clear();
        self.rights.resize(n1, [NO; 2]);
        self.nleft.clear();
        self.nleft.resize(n1, 0);
        self.nright.clear();
        self.nright.resize(n1, 0);
        self.lset.clear();
        self.lset.resize(n1, 0);
        self.rset.clear();
        self.rset.resize(n1, 0);
    }

    /// Whether parsing is over: only the root left in the buffer, empty stack.
    pub fn done(&self) -> bool {
        self.b >= self.n && self.stack.is_empty()
    }

    /// Which transitions are allowed. The root takes exactly one dependent:
    /// the last word on the stack once the buffer is empty.
    pub fn legal(&self) -> [bool; 3] {
        let s = self.stack.len();
        if self.b >= self.n {
            [false, s == 1, s >= 2]
        } else {
            [true, s >= 1, s >= 2]
        }
    }

    /// The `k`-th word from the top of the stack (`u32::MAX`: none).
    pub(crate) fn stack_at(&self, k: usize) -> u32 {
        self.s(k)
    }

    /// The front of the buffer (`n`: the root).
    pub(crate) fn front(&self) -> u32 {
        self.b
    }

    /// The leftmost left child attached so far to word `x` (`u32::MAX`:
    /// none, or `x` out of range).
    pub(crate) fn leftmost(&self, x: u32) -> u32 {
        self.lefts.get(x as usize).map_or(NO, |l| l[0])
    }

    /// The rightmost right child attached so far to word `x` (`u32::MAX`:
    /// none, or `x` out of range).
    pub(crate) fn rightmost(&self, x: u32) -> u32 {
        self.rights.get(x as usize).map_or(NO, |r| r[0])
    }

    fn s(&self, k: usize) -> u32 {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            NO
        }
    }

    /// The (dependent, head) a LEFT or RIGHT transition would make.
    pub fn arc_of(&self, t: usize) -> (u32, u32) {
        match t {
            LEFT => (self.s(0), self.b),
            _ => (self.s(0), self.s(1)),
        }
    }

    /// Applies a transition; an arc transition gets label `label`.
    pub fn apply(&mut self, t: usize, label: u8) {
        match t {
            SHIFT => {
                if self.b < self.n {
                    self.stack.push(self.b);
                    self.b += 1;
                }
            }
            _ => {
                let (d, h) = self.arc_of(t);
                if d == NO || h == NO {
                    return;
                }
                self.stack.pop();
                self.attach(d, h, label);
            }
        }
    }

    fn attach(&mut self, d: u32, h: u32, label: u8) {
        let (du, hu) = (d as usize, h as usize);
        if du >= self.heads.len() || hu >= self.heads.len() {
            return;
        }
        self.heads[du] = h;
        self.labels[du] = label;
        let bit = if label < 64 { 1u64 << label } else { 0 };
        if d < h {
            let l = &mut self.lefts[hu];
            *l = [d, l[0]];
            self.nleft[hu] = self.nleft[hu].saturating_add(1);
            self.lset[hu] |= bit;
        } else {
            let r = &mut self.rights[hu];
            *r = [d, r[0]];
            self.nright[hu] = self.nright[hu].saturating_add(1);
            self.rset[hu] |= bit;
        }
    }

    /// Costs of the three transitions against a projective gold tree
    /// (`gold[i]` = head of word `i`, `n` = root): the number of gold arcs
    /// each makes unreachable (Goldberg & Nivre 2013, arc-hybrid).
    pub fn costs(&self, gold: &[u32]) -> [u32; 3] {
        let mut c = [u32::MAX; 3];
        let legal = self.legal();
        let n = self.n;
        let g = |x: u32| gold.get(x as usize).copied().unwrap_or(NO);
        let in_buffer = |x: u32| x != NO && x >= self.b && x <= n;
        let s0 = self.s(0);
        // Gold dependents of s0 still in the buffer.
        let s0_deps_in_buffer = if s0 == NO {
            0
        } else {
            (self.b..n).filter(|&k| g(k) == s0).count() as u32
        };
        if legal[SHIFT] {
            let b = self.b;
            let mut cost = 0;
            for (k, &x) in self.stack.iter().enumerate() {
                if g(x) == b {
                    cost += 1;
                }
                let is_top = k + 1 == self.stack.len();
                if !is_top && g(b) == x {
                    cost += 1;
                }
            }
            c[SHIFT] = cost;
        }
        if legal[LEFT] {
            let h = g(s0);
            let s1 = self.s(1);
            let lost_head = h != self.b && ((s1 != NO && h == s1) || (in_buffer(h) && h != self.b));
            c[LEFT] = s0_deps_in_buffer + lost_head as u32;
        }
        if legal[RIGHT] {
            let h = g(s0);
            c[RIGHT] = s0_deps_in_buffer + in_buffer(h) as u32;
        }
        c
    }
}

/// Distance buckets.
fn dist(a: u32, b: u32) -> u64 {
    let d = a.abs_diff(b);
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        10..=14 => 7,
        _ => 8,
    }
}

/// Per-sentence inputs of the parser: word infos and tag ids; position `n`
/// is the root.
pub struct Sentence<'a> {
    /// Word features.
    pub words: &'a [WordInfo],
    /// Tag class ids.
    pub tags: &'a [u8],
}

const ROOT_W: u64 = 0x524f_4f54;
const ROOT_P: u64 = 0x1_0000;

impl Sentence<'_> {
    #[inline]
    fn w(&self, i: u32) -> u64 {
        if i == NO {
            NONE
        } else {
            self.words.get(i as usize).map_or(ROOT_W, |w| w.lower)
        }
    }
    #[inline]
    fn p(&self, i: u32) -> u64 {
        if i == NO {
            NONE
        } else {
            self.tags.get(i as usize).map_or(ROOT_P, |&t| t as u64 + 1)
        }
    }
}

#[inline]
fn lab(st: &State, i: u32) -> u64 {
    if i == NO {
        NONE
    } else {
        st.labels.get(i as usize).map_or(NONE, |&l| l as u64 + 7)
    }
}

/// The transition features of a state (Zhang & Nivre 2011's templates
/// adapted to arc-hybrid: `s1` plays the part of `s0`'s head).
pub fn features(st: &State, s: &Sentence, out: &mut Vec<u64>) {
    out.clear();
    let s0 = st.s(0);
    let s1 = st.s(1);
    let s2 = st.s(2);
    let b0 = if st.b <= st.n { st.b } else { NO };
    let b1 = if st.b < st.n { st.b + 1 } else { NO };
    let b2 = if st.b + 1 < st.n { st.b + 2 } else { NO };
    let child = |x: u32, v: &Vec<[u32; 2]>, k: usize| -> u32 {
        if x == NO {
            NO
        } else {
            v.get(x as usize).map_or(NO, |c| c[k])
        }
    };
    let s0l = child(s0, &st.lefts, 0);
    let s0l2 = child(s0, &st.lefts, 1);
    let s0r = child(s0, &st.rights, 0);
    let s0r2 = child(s0, &st.rights, 1);
    let s1l = child(s1, &st.lefts, 0);
    let s1r = child(s1, &st.rights, 0);
    let s1r2 = child(s1, &st.rights, 1);
    let b0l = child(b0, &st.lefts, 0);
    let b0l2 = child(b0, &st.lefts, 1);

    let (s0w, s0p) = (s.w(s0), s.p(s0));
    let (s1w, s1p) = (s.w(s1), s.p(s1));
    let (s2w, s2p) = (s.w(s2), s.p(s2));
    let (b0w, b0p) = (s.w(b0), s.p(b0));
    let (b1w, b1p) = (s.w(b1), s.p(b1));
    let (b2w, b2p) = (s.w(b2), s.p(b2));
    let s0wp = f2(900, s0w, s0p);
    let s1wp = f2(901, s1w, s1p);
    let b0wp = f2(902, b0w, b0p);
    let b1wp = f2(903, b1w, b1p);

    out.push(f1(0, 1));
    out.push(f1(1, s0w));
    out.push(f1(2, s0p));
    out.push(f1(3, s0wp));
    out.push(f1(4, s1w));
    out.push(f1(5, s1p));
    out.push(f1(6, s1wp));
    out.push(f1(7, b0w));
    out.push(f1(8, b0p));
    out.push(f1(9, b0wp));
    out.push(f1(10, b1w));
    out.push(f1(11, b1p));
    out.push(f1(12, b1wp));
    out.push(f1(13, b2w));
    out.push(f1(14, b2p));
    out.push(f1(15, s2p));
    out.push(f1(16, s2w));

    out.push(f2(20, s0wp, b0wp));
    out.push(f2(21, s0wp, b0w));
    out.push(f2(22, s0w, b0wp));
    out.push(f2(23, s0wp, b0p));
    out.push(f2(24, s0p, b0wp));
    out.push(f2(25, s0w, b0w));
    out.push(f2(26, s0p, b0p));
    out.push(f2(27, b0p, b1p));
    out.push(f2(28, s1wp, s0wp));
    out.push(f2(29, s1w, s0w));
    out.push(f2(30, s1p, s0p));
    out.push(f2(31, s1wp, s0p));
    out.push(f2(32, s1p, s0wp));
    out.push(f2(33, s1p, b0p));
    out.push(f2(34, s1w, b0w));
    out.push(f2(35, b0wp, b1p));
    out.push(f2(36, b0p, b1wp));

    out.push(f3(40, b0p, b1p, b2p));
    out.push(f3(41, s0p, b0p, b1p));
    out.push(f3(42, s1p, s0p, b0p));
    out.push(f3(43, s0p, s.p(s0l), b0p));
    out.push(f3(44, s0p, s.p(s0r), b0p));
    out.push(f3(45, s0p, b0p, s.p(b0l)));
    out.push(f3(46, s2p, s1p, s0p));
    out.push(f3(47, s1p, s0p, s.p(s0l)));
    out.push(f3(48, s1p, s.p(s1r), s0p));
    out.push(f3(49, s1p, s0p, s.p(s0r)));
    out.push(f3(39, s1p, s0p, b1p));

    let d = if s0 != NO && b0 != NO {
        dist(s0, b0)
    } else {
        9
    };
    let d1 = if s0 != NO && s1 != NO {
        dist(s1, s0)
    } else {
        9
    };
    out.push(f2(50, s0w, d));
    out.push(f2(51, s0p, d));
    out.push(f2(52, b0w, d));
    out.push(f2(53, b0p, d));
    out.push(f3(54, s0w, b0w, d));
    out.push(f3(55, s0p, b0p, d));
    out.push(f3(56, s1p, s0p, d1));
    out.push(f3(57, s1w, s0w, d1));

    let vl = |x: u32| {
        if x == NO {
            NONE
        } else {
            st.nleft.get(x as usize).map_or(0, |&v| v as u64)
        }
    };
    let vr = |x: u32| {
        if x == NO {
            NONE
        } else {
            st.nright.get(x as usize).map_or(0, |&v| v as u64)
        }
    };
    out.push(f2(60, s0w, vr(s0)));
    out.push(f2(61, s0p, vr(s0)));
    out.push(f2(62, s0w, vl(s0)));
    out.push(f2(63, s0p, vl(s0)));
    out.push(f2(64, b0w, vl(b0)));
    out.push(f2(65, b0p, vl(b0)));
    out.push(f2(66, s1p, vr(s1)));
    out.push(f2(67, s1w, vr(s1)));

    out.push(f1(70, s.w(s0l)));
    out.push(f1(71, s.p(s0l)));
    out.push(f1(72, lab(st, s0l)));
    out.push(f1(73, s.w(s0r)));
    out.push(f1(74, s.p(s0r)));
    out.push(f1(75, lab(st, s0r)));
    out.push(f1(76, s.w(b0l)));
    out.push(f1(77, s.p(b0l)));
    out.push(f1(78, lab(st, b0l)));
    out.push(f1(79, s.w(s1l)));
    out.push(f1(80, s.w(s1r)));
    out.push(f1(81, s.p(s1r)));
    out.push(f1(82, lab(st, s1r)));
    out.push(f1(83, s.w(s0l2)));
    out.push(f1(84, s.p(s0l2)));
    out.push(f1(85, lab(st, s0l2)));
    out.push(f1(86, s.w(s0r2)));
    out.push(f1(87, s.p(s0r2)));
    out.push(f1(88, lab(st, s0r2)));
    out.push(f1(89, s.w(b0l2)));
    out.push(f1(90, s.p(b0l2)));
    out.push(f1(91, lab(st, b0l2)));
    out.push(f3(92, s0p, s.p(s0l), s.p(s0l2)));
    out.push(f3(93, s0p, s.p(s0r), s.p(s0r2)));
    out.push(f3(94, b0p, s.p(b0l), s.p(b0l2)));
    out.push(f3(95, s1p, s.p(s1r), s.p(s1r2)));
    out.push(f2(96, s0p, lab(st, s0l)));
    out.push(f2(97, s0p, lab(st, s0r)));
    out.push(f2(98, b0p, lab(st, b0l)));
    out.push(f2(99, s1p, lab(st, s1r)));

    let set = |v: &Vec<u64>, x: u32| {
        if x == NO {
            NONE
        } else {
            v.get(x as usize).copied().unwrap_or(0)
        }
    };
    out.push(f2(100, s0w, set(&st.lset, s0)));
    out.push(f2(101, s0p, set(&st.lset, s0)));
    out.push(f2(102, s0w, set(&st.rset, s0)));
    out.push(f2(103, s0p, set(&st.rset, s0)));
    out.push(f2(104, b0w, set(&st.lset, b0)));
    out.push(f2(105, b0p, set(&st.lset, b0)));
    out.push(f2(106, s1p, set(&st.rset, s1)));
    out.push(f2(107, s1w, set(&st.rset, s1)));
    out.push(f3(108, s1p, set(&st.lset, s1), s0p));
    // Punctuation and the sentence edge around the stack top.
    let next_of_s0 = if s0 != NO { s.p(s0 + 1) } else { NONE };
    let prev_of_b0 = if b0 != NO && b0 > 0 {
        s.p(b0 - 1)
    } else {
        NONE
    };
    out.push(f3(110, s0p, next_of_s0, b0p));
    out.push(f3(111, s0p, prev_of_b0, b0p));
    out.push(f2(112, st.stack.len().min(4) as u64, b0p));
    // Punctuation between the stack top and the buffer front, and between
    // the two stack tops (scanned over at most 12 words: constant time).
    let punct_between = |a: u32, b: u32| -> u64 {
        if a == NO || b == NO || b <= a {
            return NONE;
        }
        let mut n = 0u64;
        for k in a + 1..b.min(a + 13) {
            if s.words.get(k as usize).is_some_and(|w| w.flags & 20 == 16) {
                n += 1;
            }
        }
        n.min(2) + 100 * ((b - a) > 12) as u64
    };
    let pb = punct_between(s0, b0);
    let p1 = punct_between(s1, s0);
    out.push(f3(113, s0p, b0p, pb));
    out.push(f3(114, s1p, s0p, p1));
    let b3 = if st.b + 2 < st.n { st.b + 3 } else { NO };
    out.push(f3(115, b1p, b2p, s.p(b3)));
    let suf = |x: u32| {
        if x == NO {
            NONE
        } else {
            s.words.get(x as usize).map_or(ROOT_W, |w| w.suffix[2])
        }
    };
    out.push(f2(116, suf(s0), b0p));
    out.push(f2(117, s0p, suf(b0)));
    out.push(f3(118, s0w, b0p, b1p));
    out.push(f3(119, s1p, set(&st.rset, s1), s0p));
}

/// Label features of an arc `head → dep` being made.
pub fn label_features(st: &State, s: &Sentence, dep: u32, head: u32, out: &mut Vec<u64>) {
    out.clear();
    let dir = (dep < head) as u64;
    let (dw, dp) = (s.w(dep), s.p(dep));
    let (hw, hp) = (s.w(head), s.p(head));
    let dform = s.words.get(dep as usize).map_or(NONE, |w| w.form);
    let child =
        |x: u32, v: &Vec<[u32; 2]>, k: usize| -> u32 { v.get(x as usize).map_or(NO, |c| c[k]) };
    let dl = child(dep, &st.lefts, 0);
    let dl2 = child(dep, &st.lefts, 1);
    let dr = child(dep, &st.rights, 0);
    let hl = child(head, &st.lefts, 0);
    let hr = child(head, &st.rights, 0);
    let set = |v: &Vec<u64>, x: u32| v.get(x as usize).copied().unwrap_or(0);
    let d = dist(dep, head);
    out.push(f1(0, dir));
    out.push(f2(1, dw, dir));
    out.push(f2(2, dp, dir));
    out.push(f3(3, dw, dp, dir));
    out.push(f2(4, hw, dir));
    out.push(f2(5, hp, dir));
    out.push(f3(6, hw, hp, dir));
    out.push(f3(7, dp, hp, dir));
    out.push(f3(8, dw, hp, dir));
    out.push(f3(9, dp, hw, dir));
    out.push(f3(10, dw, hw, dir));
    out.push(f3(11, dp, hp, d));
    out.push(f2(12, dform, dir));
    out.push(f3(13, s.w(dl), dp, hp));
    out.push(f2(14, lab(st, dl), dp));
    out.push(f3(15, s.w(dl), lab(st, dl), dir));
    out.push(f3(16, s.w(dl2), lab(st, dl2), dp));
    out.push(f2(17, lab(st, dr), dp));
    out.push(f3(18, s.w(dr), dp, dir));
    out.push(f3(19, set(&st.lset, dep), dp, dir));
    out.push(f3(20, set(&st.rset, dep), dp, dir));
    out.push(f3(21, set(&st.lset, head), hp, dp));
    out.push(f3(22, set(&st.rset, head), hp, dp));
    out.push(f3(23, lab(st, hl), hp, dir));
    out.push(f3(24, lab(st, hr), hp, dir));
    out.push(f3(25, s.w(dl), hw, dp));
    out.push(f3(26, s.p(dep.wrapping_sub(1)), dp, hp));
    out.push(f3(27, s.p(dep + 1), dp, hp));
    out.push(f3(28, s.p(head + 1), hp, dir));
    out.push(f3(29, s.p(head.wrapping_sub(1)), hp, dir));
    out.push(f3(30, s.w(dl), dw, hw));
    out.push(f3(31, hw, dp, set(&st.lset, head)));
    out.push(f3(32, (head == st.n) as u64, dp, s.w(dl)));
    let suffix = s.words.get(dep as usize).map_or(NONE, |w| w.suffix[2]);
    out.push(f3(33, suffix, hp, dir));
    out.push(f3(34, s.w(hl), hp, dp));
}

/// The trained parser.
#[derive(Debug, Clone, Default)]
pub struct ParserModel {
    /// Relation names by id.
    pub labels: Vec<String>,
    /// Beam width for decoding (0 or 1: greedy). The model file records the
    /// width the weights were trained for; [`crate::Syntax::set_beam`]
    /// overrides it.
    pub beam: usize,
    pub(crate) transitions: Weights,
    pub(crate) labeller: Weights,
}

/// Buffers reused across sentences.
#[derive(Debug, Default)]
pub struct ParseScratch {
    state: State,
    feats: Vec<u64>,
    scores: Vec<i32>,
    beam: Beam,
}

impl ParserModel {
    /// Parses one sentence: fills `heads` (0 = root, else 1-based head) and
    /// `labels` (label ids). Linear in the sentence length.
    pub fn parse(
        &self,
        s: &Sentence,
        heads: &mut Vec<u32>,
        labels: &mut Vec<u8>,
        scratch: &mut ParseScratch,
    ) {
        let n = s.words.len().min(s.tags.len());
        let ParseScratch {
            state,
            feats,
            scores,
            beam,
        } = scratch;
        state.reset(n);
        scores.resize(self.labels.len().max(3), 0);
        if self.beam > 1 {
            let mut scorer = ModelScorer {
                model: self,
                scores,
            };
            beam.start(n, false);
            let mut guard = 0usize;
            while !beam.done() && guard <= 2 * n + 2 {
                guard += 1;
                beam.advance(self.beam, s, &mut scorer, None, false);
            }
            if let Some(best) = beam.cur.first() {
                state.clone_from(&best.st);
            }
        }
        let mut guard = 0usize;
        while !state.done() && guard <= 2 * n + 2 {
            guard += 1;
            let legal = state.legal();
            features(state, s, feats);
            self.transitions.score_transitions(feats, &mut scores[..3]);
            let mut best = usize::MAX;
            for t in 0..3 {
                if legal[t] && (best == usize::MAX || scores[t] > scores[best]) {
                    best = t;
                }
            }
            if best == usize::MAX {
                break;
            }
            let label = if best == SHIFT {
                NO_LABEL
            } else {
                let (d, h) = state.arc_of(best);
                label_features(state, s, d, h, feats);
                self.labeller.score_labeller(feats, scores);
                argmax(&scores[..self.labels.len().max(1)]) as u8
            };
            state.apply(best, label);
        }
        heads.clear();
        labels.clear();
        let root_label = self.labels.iter().position(|l| l == "root").unwrap_or(0) as u8;
        let mut root_seen = false;
        for i in 0..n {
            let h = state.heads[i];
            if h == NO || h as usize > n {
                // Unreachable with the legal transitions; keep a tree anyway.
                heads.push(0);
                labels.push(root_label);
                root_seen = true;
            } else if h as usize == n {
                let h = if root_seen {
                    heads
                        .iter()
                        .position(|&x| x == 0)
                        .map_or(0, |r| r as u32 + 1)
                } else {
                    0
                };
                root_seen = true;
                heads.push(h);
                labels.push(if h == 0 { root_label } else { state.labels[i] });
            } else {
                heads.push(h + 1);
                labels.push(state.labels[i]);
            }
        }
    }
}

/// How a beam scores moves and labels arcs: the model's quantised weights
/// when parsing, the training weights while training.
trait Scorer {
    /// Scores of SHIFT, LEFT, RIGHT for a state's features.
    fn transitions(&mut self, feats: &[u64]) -> [i64; 3];
    /// The label of the arc `h → d` about to be made in `st`.
    fn label(&mut self, st: &State, s: &Sentence, d: u32, h: u32, feats: &mut Vec<u64>) -> u8;
}

struct ModelScorer<'a> {
    model: &'a ParserModel,
    scores: &'a mut Vec<i32>,
}

impl Scorer for ModelScorer<'_> {
    #[inline]
    fn transitions(&mut self, feats: &[u64]) -> [i64; 3] {
        let mut sc = [0i32; 3];
        self.model.transitions.score_transitions(feats, &mut sc);
        [sc[0] as i64, sc[1] as i64, sc[2] as i64]
    }
    #[inline]
    fn label(&mut self, st: &State, s: &Sentence, d: u32, h: u32, feats: &mut Vec<u64>) -> u8 {
        label_features(st, s, d, h, feats);
        self.model.labeller.score_labeller(feats, self.scores);
        argmax(&self.scores[..self.model.labels.len().max(1)]) as u8
    }
}

struct TrainScorer<'a> {
    transitions: &'a TrainWeights,
    labeller: &'a TrainWeights,
    scores: &'a mut Vec<i64>,
}

impl Scorer for TrainScorer<'_> {
    fn transitions(&mut self, feats: &[u64]) -> [i64; 3] {
        let mut sc = [0i64; 3];
        self.transitions.score(feats, &mut sc);
        sc
    }
    fn label(&mut self, st: &State, s: &Sentence, d: u32, h: u32, feats: &mut Vec<u64>) -> u8 {
        label_features(st, s, d, h, feats);
        self.labeller.score(feats, self.scores);
        let mut best = 0;
        for c in 1..self.scores.len() {
            if self.scores[c] > self.scores[best] {
                best = c;
            }
        }
        best as u8
    }
}

/// One hypothesis of the beam: a state, the sum of its transition scores,
/// whether it is still on the gold sequence (training), and its moves
/// with their labels (training only).
#[derive(Debug, Clone, Default)]
struct Item {
    st: State,
    score: i64,
    gold: bool,
    hist: Vec<(u8, u8)>,
}

impl Item {
    fn copy_from(&mut self, o: &Item, track: bool) {
        self.st.clone_from(&o.st);
        self.score = o.score;
        self.gold = o.gold;
        self.hist.clear();
        if track {
            self.hist.extend_from_slice(&o.hist);
        }
    }
}

/// A candidate successor: (score, parent item, transition).
#[derive(Debug, Clone, Copy)]
struct Cand {
    score: i64,
    parent: u32,
    t: u8,
}

/// Beam search over arc-hybrid states (Zhang & Clark 2008): every step
/// expands each of the `k` best states by its legal moves and keeps the `k`
/// best successors by summed transition score. Every sequence has exactly
/// `2n` moves, so all hypotheses finish together. Each state's features are
/// extracted and scored once; successors copy their parent's state (small
/// vectors, reused across steps and sentences).
#[derive(Debug, Default)]
pub struct Beam {
    cur: Vec<Item>,
    next: Vec<Item>,
    spare: Vec<Item>,
    cands: Vec<Cand>,
    feats: Vec<u64>,
}

impl Beam {
    fn start(&mut self, n: usize, track: bool) {
        self.spare.append(&mut self.cur);
        let mut it = self.spare.pop().unwrap_or_default();
        it.st.reset(n);
        it.score = 0;
        it.gold = true;
        it.hist.clear();
        let _ = track;
        self.cur.push(it);
    }

    fn done(&self) -> bool {
        self.cur.first().is_none_or(|i| i.st.done())
    }

    /// One step: the `k` best successors of the current items, best first
    /// (ties by parent, then transition: deterministic). `gold_t` is the
    /// gold move at this step (training), kept in [`Item::gold`].
    fn advance<S: Scorer>(
        &mut self,
        k: usize,
        s: &Sentence,
        scorer: &mut S,
        gold_t: Option<usize>,
        track: bool,
    ) {
        let Beam {
            cur,
            next,
            spare,
            cands,
            feats,
        } = self;
        cands.clear();
        for (i, it) in cur.iter().enumerate() {
            if it.st.done() {
                continue;
            }
            let legal = it.st.legal();
            features(&it.st, s, feats);
            let ts = scorer.transitions(feats);
            for t in 0..3 {
                if legal[t] {
                    cands.push(Cand {
                        score: it.score + ts[t],
                        parent: i as u32,
                        t: t as u8,
                    });
                }
            }
        }
        if cands.is_empty() {
            return;
        }
        let order = |a: &Cand, b: &Cand| {
            b.score
                .cmp(&a.score)
                .then(a.parent.cmp(&b.parent))
                .then(a.t.cmp(&b.t))
        };
        let k = k.max(1);
        if cands.len() > k {
            cands.select_nth_unstable_by(k - 1, order);
            cands.truncate(k);
        }
        cands.sort_unstable_by(order);
        for c in cands.iter() {
            let parent = &cur[c.parent as usize];
            let mut it = spare.pop().unwrap_or_default();
            it.copy_from(parent, track);
            let t = c.t as usize;
            let label = if t == SHIFT {
                NO_LABEL
            } else {
                let (d, h) = it.st.arc_of(t);
                scorer.label(&it.st, s, d, h, feats)
            };
            it.st.apply(t, label);
            it.score = c.score;
            it.gold = parent.gold && gold_t == Some(t);
            if track {
                it.hist.push((c.t, label));
            }
            next.push(it);
        }
        spare.append(cur);
        std::mem::swap(cur, next);
    }
}

/// The static-oracle move sequence of a (projective) gold tree: the first
/// zero-cost move in the order LEFT, RIGHT, SHIFT (the cheapest if none is
/// free, for the rare lifted tree with two dependents of the root).
fn oracle_sequence(n: usize, gold: &[u32], st: &mut State, out: &mut Vec<u8>) {
    out.clear();
    st.reset(n);
    let mut guard = 0;
    while !st.done() && guard <= 2 * n + 2 {
        guard += 1;
        let legal = st.legal();
        let costs = st.costs(gold);
        let mut best = usize::MAX;
        for t in [LEFT, RIGHT, SHIFT] {
            if legal[t] && (best == usize::MAX || costs[t] < costs[best]) {
                best = t;
            }
        }
        if best == usize::MAX {
            break;
        }
        st.apply(best, 0);
        out.push(best as u8);
    }
}

/// Trains the parser with beam search and the structured perceptron
/// (Zhang & Clark 2008; Zhang & Nivre 2011) with max-violation updates
/// (Huang, Fayong & Guo 2012): the beam decodes each sentence with the
/// current weights, the gold (static-oracle) sequence is scored alongside,
/// and if the beam's final best is not gold, the weights move towards the
/// gold prefix and away from the beam's best prefix at the step where the
/// best outscores gold by the most. Arcs are labelled by the labeller as
/// they are made (in the beam as when parsing); the labeller is trained
/// greedily on the gold sequence with gold labels. Deterministic.
pub(crate) fn train_beam(
    examples: &[ParseExample],
    labels: Vec<String>,
    cfg: &ParserTraining,
    report: &mut dyn FnMut(usize, &ParserModel),
) -> ParserModel {
    let nl = labels.len();
    let k = cfg.beam.max(2);
    let mut tw = TrainWeights::new(3);
    let mut lw = TrainWeights::new(nl);
    let mut rng = Rng::new(cfg.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut feats = Vec::new();
    let mut ls = vec![0i64; nl];
    let mut beam = Beam::default();
    let mut gseq: Vec<u8> = Vec::new();
    let mut gold = Item::default();
    let mut viol_hist: Vec<(u8, u8)> = Vec::new();
    let (mut st_g, mut st_p) = (State::default(), State::default());
    let mut last = None;
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let (mut updates, mut sentences) = (0usize, 0usize);
        for &e in &order {
            let ex = &examples[e];
            let n = ex.words.len();
            let s = Sentence {
                words: &ex.words,
                tags: &ex.tags,
            };
            oracle_sequence(n, &ex.heads, &mut st_g, &mut gseq);
            // Decode with the current weights, the gold sequence in step.
            beam.start(n, true);
            gold.st.reset(n);
            gold.score = 0;
            gold.hist.clear();
            let mut best_v = i64::MIN;
            let mut v_step = 0usize;
            {
                let mut scorer = TrainScorer {
                    transitions: &tw,
                    labeller: &lw,
                    scores: &mut ls,
                };
                for (step, &gt) in gseq.iter().enumerate() {
                    if beam.done() {
                        break;
                    }
                    let gt = gt as usize;
                    features(&gold.st, &s, &mut feats);
                    let ts = scorer.transitions(&feats);
                    let label = if gt == SHIFT {
                        NO_LABEL
                    } else {
                        let (d, h) = gold.st.arc_of(gt);
                        scorer.label(&gold.st, &s, d, h, &mut feats)
                    };
                    gold.score += ts[gt];
                    gold.st.apply(gt, label);
                    gold.hist.push((gt as u8, label));
                    beam.advance(k, &s, &mut scorer, Some(gt), true);
                    let Some(best) = beam.cur.first() else { break };
                    if cfg.early_update {
                        // Early update (Collins & Roark 2004): stop where
                        // the gold sequence falls out of the beam, or at the
                        // end if it is there but not best.
                        let gold_in = beam.cur.iter().any(|i| i.gold);
                        if !gold_in || (step + 1 == gseq.len() && !best.gold) {
                            best_v = 0;
                            v_step = step + 1;
                            viol_hist.clear();
                            viol_hist.extend_from_slice(&best.hist);
                            break;
                        }
                    } else if !best.gold {
                        let v = best.score - gold.score;
                        if v > best_v {
                            best_v = v;
                            v_step = step + 1;
                            viol_hist.clear();
                            viol_hist.extend_from_slice(&best.hist);
                        }
                    }
                }
            }
            sentences += 1;
            let final_gold = beam.cur.first().is_some_and(|b| b.gold);
            if !final_gold && best_v > i64::MIN {
                updates += 1;
                // Replay both prefixes; the shared start cancels out.
                let g = &gold.hist[..v_step.min(gold.hist.len())];
                let p = &viol_hist[..v_step.min(viol_hist.len())];
                let common = g.iter().zip(p).take_while(|(a, b)| a == b).count();
                for (hist, delta, st) in [(g, 1, &mut st_g), (p, -1, &mut st_p)] {
                    st.reset(n);
                    for (i, &(t, l)) in hist.iter().enumerate() {
                        if i >= common {
                            features(st, &s, &mut feats);
                            tw.update(&feats, t as usize, delta);
                        }
                        st.apply(t as usize, l);
                    }
                }
            }
            tw.tick();
            // The labeller, greedily along the gold sequence.
            st_g.reset(n);
            for &t in &gseq {
                let t = t as usize;
                let mut label = NO_LABEL;
                if t != SHIFT {
                    let (d, h) = st_g.arc_of(t);
                    let gl = ex.labels.get(d as usize).copied().unwrap_or(0);
                    label_features(&st_g, &s, d, h, &mut feats);
                    lw.score(&feats, &mut ls);
                    let best = best_label(&ls);
                    if best != gl as usize {
                        lw.update(&feats, gl as usize, 1);
                        lw.update(&feats, best, -1);
                    }
                    lw.tick();
                    label = gl;
                }
                st_g.apply(t, label);
            }
        }
        let _ = (updates, sentences);
        let model = ParserModel {
            labels: labels.clone(),
            beam: k,
            transitions: tw.finish(cfg.prune[0]),
            labeller: lw.finish(cfg.prune[1]),
        };
        report(epoch + 1, &model);
        last = Some(model);
    }
    last.unwrap_or(ParserModel {
        labels,
        beam: k,
        transitions: tw.finish(cfg.prune[0]),
        labeller: lw.finish(cfg.prune[1]),
    })
}

/// A training sentence for the parser.
pub(crate) struct ParseExample {
    pub words: Vec<WordInfo>,
    /// Predicted (jackknifed) tag ids.
    pub tags: Vec<u8>,
    /// Projectivised gold heads (`n` = root), 0-based.
    pub heads: Vec<u32>,
    /// Gold label ids.
    pub labels: Vec<u8>,
}

/// Makes a tree projective by lifting: while some arc is non-projective,
/// the shortest such dependent is re-attached to its grandparent.
/// `heads[i]` is 0-based with `n` for the root.
pub fn projectivize(heads: &mut [u32]) {
    let n = heads.len() as u32;
    for _ in 0..heads.len() * 2 {
        let mut worst: Option<(u32, usize)> = None;
        for d in 0..heads.len() {
            let h = heads[d];
            if h >= n {
                continue;
            }
            let (lo, hi) = if (d as u32) < h {
                (d as u32, h)
            } else {
                (h, d as u32)
            };
            let projective = (lo + 1..hi).all(|k| dominates(heads, h, k));
            if !projective {
                let len = hi - lo;
                if worst.is_none_or(|(l, _)| len < l) {
                    worst = Some((len, d));
                }
            }
        }
        match worst {
            Some((_, d)) => {
                let h = heads[d] as usize;
                heads[d] = heads.get(h).copied().unwrap_or(n);
            }
            None => return,
        }
    }
}

/// Whether `h` dominates `k` (follows heads up from `k`).
fn dominates(heads: &[u32], h: u32, mut k: u32) -> bool {
    let n = heads.len() as u32;
    for _ in 0..=heads.len() {
        if k == h {
            return true;
        }
        if k >= n {
            return false;
        }
        k = heads[k as usize];
    }
    false
}

/// Training settings.
pub(crate) struct ParserTraining {
    pub epochs: usize,
    pub seed: u64,
    /// Probability of following a wrong prediction (from the second epoch).
    pub explore: f64,
    /// Pruning thresholds of the transition and label weights (quantised units).
    pub prune: [i32; 2],
    /// Beam width (1: greedy with the dynamic oracle; more: beam search with
    /// max-violation updates, [`train_beam`]).
    pub beam: usize,
    /// Beam training with early updates instead of max-violation ones.
    pub early_update: bool,
}

/// Trains the parser. `report(epoch, model)` is called after each epoch.
pub(crate) fn train(
    examples: &[ParseExample],
    labels: Vec<String>,
    cfg: &ParserTraining,
    report: &mut dyn FnMut(usize, &ParserModel),
) -> ParserModel {
    if cfg.beam > 1 {
        return train_beam(examples, labels, cfg, report);
    }
    let nl = labels.len();
    let mut tw = TrainWeights::new(3);
    let mut lw = TrainWeights::new(nl);
    let mut rng = Rng::new(cfg.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut feats = Vec::new();
    let mut st = State::default();
    let mut ts = [0i64; 3];
    let mut ls = vec![0i64; nl];
    let mut last = None;
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let ex = &examples[k];
            let n = ex.words.len();
            let s = Sentence {
                words: &ex.words,
                tags: &ex.tags,
            };
            st.reset(n);
            let mut guard = 0;
            while !st.done() && guard <= 2 * n + 2 {
                guard += 1;
                let legal = st.legal();
                let costs = st.costs(&ex.heads);
                features(&st, &s, &mut feats);
                tw.score(&feats, &mut ts);
                let mut pred = usize::MAX;
                let mut gold = usize::MAX;
                for t in 0..3 {
                    if !legal[t] {
                        continue;
                    }
                    if pred == usize::MAX || ts[t] > ts[pred] {
                        pred = t;
                    }
                    if gold == usize::MAX
                        || costs[t] < costs[gold]
                        || (costs[t] == costs[gold] && ts[t] > ts[gold])
                    {
                        gold = t;
                    }
                }
                if pred == usize::MAX {
                    break;
                }
                if costs[pred] > costs[gold] {
                    tw.update(&feats, gold, 1);
                    tw.update(&feats, pred, -1);
                }
                tw.tick();
                let next = if costs[pred] == costs[gold] || (epoch > 0 && rng.unit() < cfg.explore)
                {
                    pred
                } else {
                    gold
                };
                let mut label = NO_LABEL;
                if next != SHIFT {
                    let (d, h) = st.arc_of(next);
                    let gl = ex.labels.get(d as usize).copied().unwrap_or(0);
                    label_features(&st, &s, d, h, &mut feats);
                    lw.score(&feats, &mut ls);
                    let best = best_label(&ls);
                    let correct_head = ex.heads.get(d as usize) == Some(&h);
                    if correct_head {
                        if best != gl as usize {
                            lw.update(&feats, gl as usize, 1);
                            lw.update(&feats, best, -1);
                        }
                        lw.tick();
                        label = gl;
                    } else {
                        label = best as u8;
                    }
                }
                st.apply(next, label);
            }
        }
        let model = ParserModel {
            labels: labels.clone(),
            beam: 1,
            transitions: tw.finish(cfg.prune[0]),
            labeller: lw.finish(cfg.prune[1]),
        };
        report(epoch + 1, &model);
        last = Some(model);
    }
    last.unwrap_or(ParserModel {
        labels,
        beam: 1,
        transitions: tw.finish(cfg.prune[0]),
        labeller: lw.finish(cfg.prune[1]),
    })
}

/// The highest-scoring label (the first of equals).
fn best_label(scores: &[i64]) -> usize {
    let mut best = 0;
    for (c, &score) in scores.iter().enumerate().skip(1) {
        if score > scores[best] {
            best = c;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifting_makes_trees_projective() {
        // 0 <- 2, 1 -> root? A crossing: arcs (2→0) and (3→1) cross.
        let mut heads = vec![2, 3, 4, 2];
        projectivize(&mut heads);
        for d in 0..heads.len() {
            let h = heads[d];
            if h >= 4 {
                continue;
            }
            let (lo, hi) = if (d as u32) < h {
                (d as u32, h)
            } else {
                (h, d as u32)
            };
            assert!((lo + 1..hi).all(|k| dominates(&heads, h, k)), "{heads:?}");
        }
    }

    #[test]
    fn static_oracle_path_reaches_the_gold_tree() {
        // "Russia attacked Ukraine ." : heads 1, root, 1, 1 (root = 4).
        let gold = vec![1u32, 4, 1, 1];
        let mut st = State::default();
        st.reset(4);
        let mut steps = 0;
        while !st.done() && steps < 20 {
            steps += 1;
            let c = st.costs(&gold);
            let legal = st.legal();
            let t = (0..3)
                .find(|&t| legal[t] && c[t] == 0)
                .expect("a zero-cost move");
            st.apply(t, 0);
        }
        assert!(st.done());
        assert_eq!(&st.heads[..4], &gold[..]);
    }

    /// Sentences written for these tests, with their trees (heads 1-based,
    /// 0 = root) and labels.
    const TINY: &[(&str, &[u32], &[&str])] = &[
        (
            "Russia attacked Ukraine .",
            &[2, 0, 2, 2],
            &["nsubj", "root", "obj", "punct"],
        ),
        (
            "Turkish troops shelled Kurdish positions near Afrin .",
            &[2, 3, 0, 5, 3, 7, 5, 3],
            &[
                "amod", "nsubj", "root", "amod", "obj", "case", "nmod", "punct",
            ],
        ),
        (
            "The minister said that Iran would retaliate .",
            &[2, 3, 0, 7, 7, 7, 3, 3],
            &[
                "det", "nsubj", "root", "mark", "nsubj", "aux", "ccomp", "punct",
            ],
        ),
        (
            "Protesters in Damascus demanded reforms .",
            &[4, 3, 1, 0, 4, 4],
            &["nsubj", "case", "nmod", "root", "obj", "punct"],
        ),
        (
            "Israel struck targets in Syria on Sunday .",
            &[2, 0, 2, 5, 2, 7, 2, 2],
            &[
                "nsubj", "root", "obj", "case", "obl", "case", "obl", "punct",
            ],
        ),
    ];

    fn tiny_examples() -> (Vec<ParseExample>, Vec<String>) {
        let (lex, _) = dyad_text::tag::Tagger::builtin();
        let mut buf = String::new();
        let mut labels: Vec<String> = Vec::new();
        let mut tags: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for (text, heads, rels) in TINY {
            let words: Vec<&str> = text.split_whitespace().collect();
            let n = words.len() as u32;
            let mut lab = Vec::new();
            for r in rels.iter() {
                if !labels.iter().any(|l| l == r) {
                    labels.push(r.to_string());
                }
                lab.push(labels.iter().position(|l| l == r).unwrap_or(0) as u8);
            }
            // Stand-in tags: the word's own id among the distinct words.
            let wtags = words
                .iter()
                .map(|w| {
                    if !tags.iter().any(|t| t == w) {
                        tags.push(w.to_string());
                    }
                    tags.iter().position(|t| t == w).unwrap_or(0) as u8
                })
                .collect();
            out.push(ParseExample {
                words: words
                    .iter()
                    .map(|w| crate::feat::word_info(w, &mut buf, &lex))
                    .collect(),
                tags: wtags,
                heads: heads
                    .iter()
                    .map(|&h| if h == 0 { n } else { h - 1 })
                    .collect(),
                labels: lab,
            });
        }
        (out, labels)
    }

    fn cfg(beam: usize) -> ParserTraining {
        ParserTraining {
            epochs: 8,
            seed: 7,
            explore: 0.9,
            prune: [0, 0],
            beam,
            early_update: false,
        }
    }

    fn parse_all(model: &ParserModel, examples: &[ParseExample]) -> Vec<(Vec<u32>, Vec<u8>)> {
        let mut scratch = ParseScratch::default();
        examples
            .iter()
            .map(|ex| {
                let s = Sentence {
                    words: &ex.words,
                    tags: &ex.tags,
                };
                let (mut h, mut l) = (Vec::new(), Vec::new());
                model.parse(&s, &mut h, &mut l, &mut scratch);
                (h, l)
            })
            .collect()
    }

    #[test]
    fn oracle_sequence_has_2n_moves_and_builds_the_tree() {
        let (examples, _) = tiny_examples();
        let (mut st, mut seq) = (State::default(), Vec::new());
        for ex in &examples {
            let n = ex.words.len();
            oracle_sequence(n, &ex.heads, &mut st, &mut seq);
            assert_eq!(seq.len(), 2 * n);
            assert!(st.done());
            assert_eq!(&st.heads[..n], &ex.heads[..]);
        }
    }

    #[test]
    fn beam_training_learns_the_sentences_and_records_its_width() {
        let (examples, labels) = tiny_examples();
        for early_update in [false, true] {
            let cfg = ParserTraining {
                early_update,
                ..cfg(4)
            };
            let model = train(&examples, labels.clone(), &cfg, &mut |_, _| {});
            check_learned(&model, &examples);
        }
    }

    fn check_learned(model: &ParserModel, examples: &[ParseExample]) {
        assert_eq!(model.beam, 4);
        for (ex, (heads, labs)) in examples.iter().zip(parse_all(model, examples)) {
            let n = ex.words.len() as u32;
            let gold: Vec<u32> = ex
                .heads
                .iter()
                .map(|&h| if h == n { 0 } else { h + 1 })
                .collect();
            assert_eq!(heads, gold);
            assert_eq!(labs, ex.labels);
        }
    }

    #[test]
    fn beam_training_is_deterministic() {
        let (examples, labels) = tiny_examples();
        let a = train(&examples, labels.clone(), &cfg(4), &mut |_, _| {});
        let b = train(&examples, labels, &cfg(4), &mut |_, _| {});
        let bytes = |m: &ParserModel| {
            let mut w = crate::model::Writer::default();
            m.transitions.write(&mut w);
            m.labeller.write(&mut w);
            w.into_inner()
        };
        assert_eq!(bytes(&a), bytes(&b));
    }

    #[test]
    fn width_one_beam_decodes_as_greedy() {
        // A greedy model decoded by the beam code with k = 1 takes the same
        // moves as the greedy loop (ties broken the same way).
        let (examples, labels) = tiny_examples();
        let mut model = train(&examples, labels, &cfg(1), &mut |_, _| {});
        model.beam = 1;
        let greedy = parse_all(&model, &examples);
        let mut scores = vec![0; model.labels.len().max(3)];
        let mut beam = Beam::default();
        for (ex, (heads, _)) in examples.iter().zip(greedy) {
            let s = Sentence {
                words: &ex.words,
                tags: &ex.tags,
            };
            let n = ex.words.len();
            let mut scorer = ModelScorer {
                model: &model,
                scores: &mut scores,
            };
            beam.start(n, false);
            while !beam.done() {
                beam.advance(1, &s, &mut scorer, None, false);
            }
            let st = &beam.cur[0].st;
            let beam_heads: Vec<u32> = st.heads[..n]
                .iter()
                .map(|&h| if h as usize == n { 0 } else { h + 1 })
                .collect();
            assert_eq!(beam_heads, heads);
        }
    }

    #[test]
    fn beam_keeps_the_best_k_in_order_and_finishes_in_2n_steps() {
        let (examples, labels) = tiny_examples();
        let model = train(&examples, labels, &cfg(4), &mut |_, _| {});
        let mut scores = vec![0; model.labels.len().max(3)];
        let mut beam = Beam::default();
        for ex in &examples {
            let s = Sentence {
                words: &ex.words,
                tags: &ex.tags,
            };
            let n = ex.words.len();
            let mut scorer = ModelScorer {
                model: &model,
                scores: &mut scores,
            };
            beam.start(n, true);
            let mut steps = 0;
            while !beam.done() {
                beam.advance(4, &s, &mut scorer, None, true);
                steps += 1;
                assert!(beam.cur.len() <= 4);
                assert!(beam.cur.windows(2).all(|w| w[0].score >= w[1].score));
                // Every hypothesis is a different move sequence.
                for (i, a) in beam.cur.iter().enumerate() {
                    for b in &beam.cur[i + 1..] {
                        assert_ne!(a.hist, b.hist);
                    }
                }
            }
            assert_eq!(steps, 2 * n);
            assert!(beam.cur.iter().all(|it| it.st.done()));
            // Every word got a head in every finished hypothesis.
            assert!(beam
                .cur
                .iter()
                .all(|it| it.st.heads[..n].iter().all(|&h| h != NO)));
        }
    }

    #[test]
    fn costs_count_lost_arcs() {
        let gold = vec![1u32, 4, 1, 1];
        let mut st = State::default();
        st.reset(4);
        st.apply(SHIFT, 0); // stack [0], b = 1
        let c = st.costs(&gold);
        // LEFT makes 0 ← 1: right. SHIFT loses 0's head (1).
        assert_eq!(c[LEFT], 0);
        assert_eq!(c[SHIFT], 1);
    }
}
