//! A transition parser scored from BiLSTM features (Kiperwasser & Goldberg
//! 2016), the prototype of issue 13's "BiLSTM parser" (docs/syntax.md,
//! "BiLSTM features").
//!
//! Every word gets an input vector (an embedding of its lower-cased form, or
//! of the unknown word, and an embedding of its predicted tag class); a
//! forward and a backward LSTM read the sentence, and the word's context
//! vector is their two outputs side by side. The arc-hybrid system of
//! [`crate::parser`] is kept; a small MLP (one tanh hidden layer) scores
//! SHIFT, LEFT and RIGHT from the context vectors of `s0 s1 s2 b0` (a
//! learned vector for the root and one for an empty slot), and decoding is
//! greedy. A second MLP labels each arc from the vectors of head and
//! dependent once the tree is built.
//!
//! The first layer of the transition MLP is a sum over the four slots of a
//! matrix times a word's vector, so each word's four products are computed
//! once per sentence and a transition costs only the sum, the tanh and the
//! output layer (Kiperwasser & Goldberg's own trick); the LSTMs dominate.
//!
//! Training: the dynamic oracle of [`crate::parser`] with exploration, a
//! hinge loss (the best zero-cost move must beat the best costly move by 1),
//! word dropout (a word seen `c` times is replaced by the unknown word with
//! probability α/(α + c)), manual backpropagation through the MLPs and the
//! LSTMs, and Adam. Deterministic: one thread, fixed seed, fixed summation
//! order.

mod nn;

use rustc_hash::FxHashMap;

use crate::error::SyntaxError;
use crate::feat::WordInfo;
use crate::model::{checksum, Reader, Writer};
use crate::parser::{ParseExample, State, LEFT, RIGHT, SHIFT};
use crate::rng::Rng;
use crate::tagger::TagClass;
use nn::{matvec, matvec_back, Adam, Lstm, LstmCache, Param};

/// Magic bytes and format version of a BiLSTM parser file (version 2:
/// the extended features and the word-feature embeddings of parser8).
pub const MAGIC: &[u8; 8] = b"DYADBIL\x02";

/// The first version's magic (read as a version-2 file with the extended
/// features and word-feature embeddings off).
const MAGIC_V1: &[u8; 8] = b"DYADBIL\x01";

/// Slots the transition MLP reads: `s0 s1 s2 b0`.
const BASE_SLOTS: usize = 4;

/// Slots with the extended features: the leftmost and rightmost children
/// of `s0` and `s1` and the leftmost child of `b0` (in the arc-hybrid
/// system a buffer word has no right children yet).
const MAX_SLOTS: usize = 9;

/// Word features embedded beside the form and the tag class, in this order
/// (each off when its size in [`Dims::extra`] is 0): the lower-cased
/// 3-letter suffix, the word shape and dyad-text's lexicon tag.
const EXTRAS: usize = 3;

/// The key of word feature `k` (see [`EXTRAS`]).
fn extra_key(k: usize, w: &WordInfo) -> u64 {
    match k {
        0 => w.suffix[2],
        1 => w.shape,
        _ => w.lex,
    }
}

/// Sizes of the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dims {
    /// Word embedding size.
    pub wdim: usize,
    /// Tag embedding size.
    pub tdim: usize,
    /// LSTM units each way.
    pub hidden: usize,
    /// Hidden units of each MLP.
    pub mlp: usize,
    /// Embedding sizes of the suffix, shape and lexicon-tag features (0:
    /// off).
    pub extra: [usize; EXTRAS],
    /// Whether the transition MLP also reads the children slots
    /// (Kiperwasser & Goldberg's extended feature set).
    pub extended: bool,
    /// Whether the label MLP also reads the tag-class embeddings of head
    /// and dependent and an embedding of the arc's direction and length.
    pub label_feats: bool,
}

impl Dims {
    /// Size of a word's input vector.
    pub fn input(&self) -> usize {
        self.wdim + self.tdim + self.extra.iter().sum::<usize>()
    }

    /// Size of the label MLP's input.
    fn label_input(&self) -> usize {
        4 * self.hidden
            + if self.label_feats {
                2 * self.tdim + DIST_DIM
            } else {
                0
            }
    }

    /// Slots the transition MLP reads.
    pub fn slots(&self) -> usize {
        if self.extended {
            MAX_SLOTS
        } else {
            BASE_SLOTS
        }
    }
}

impl Default for Dims {
    fn default() -> Self {
        Dims {
            wdim: 100,
            tdim: 24,
            hidden: 100,
            mlp: 100,
            extra: [0; EXTRAS],
            extended: false,
            label_feats: false,
        }
    }
}

/// Direction-and-length classes of an arc for the label MLP: the head to
/// the right or left of the dependent, 1, 2, 3, 4–5, 6–9 or 10+ words away.
const DIST_CLASSES: usize = 12;

/// Size of the direction-and-length embedding.
const DIST_DIM: usize = 8;

/// The direction-and-length class of the arc `head → dep` (both words).
fn dist_class(dep: usize, head: usize) -> usize {
    let d = head.abs_diff(dep);
    let len = match d {
        0 | 1 => 0,
        2 => 1,
        3 => 2,
        4 | 5 => 3,
        6..=9 => 4,
        _ => 5,
    };
    if head > dep {
        len
    } else {
        6 + len
    }
}

/// The trainable tensors.
#[derive(Debug, Clone, Default)]
struct Net {
    /// Word embeddings, row 0 the unknown word.
    wemb: Param,
    /// Tag class embeddings, the last row for an out-of-range class.
    temb: Param,
    fw: Lstm,
    bw: Lstm,
    /// Context vectors of the root and of an empty slot.
    root: Param,
    pad: Param,
    /// Transition MLP: `SLOTS` blocks of `mlp × 2h`, then 3 outputs.
    w1: Param,
    b1: Param,
    w2: Param,
    b2: Param,
    /// Label MLP over (head, dependent): `mlp × 4h`, then one output per
    /// relation.
    lw1: Param,
    lb1: Param,
    lw2: Param,
    lb2: Param,
    /// Embeddings of the word features ([`EXTRAS`]), row 0 the unknown
    /// value; empty when off.
    eemb: [Param; EXTRAS],
    /// Direction-and-length embeddings of the label MLP, `DIST_CLASSES ×
    /// DIST_DIM`; empty when off.
    demb: Param,
}

impl Net {
    fn params(&self) -> [&Param; 20] {
        [
            &self.wemb,
            &self.temb,
            &self.fw.w,
            &self.fw.b,
            &self.bw.w,
            &self.bw.b,
            &self.root,
            &self.pad,
            &self.w1,
            &self.b1,
            &self.w2,
            &self.b2,
            &self.lw1,
            &self.lb1,
            &self.lw2,
            &self.lb2,
            &self.eemb[0],
            &self.eemb[1],
            &self.eemb[2],
            &self.demb,
        ]
    }

    fn params_mut(&mut self) -> [&mut Param; 20] {
        let [e0, e1, e2] = &mut self.eemb;
        [
            &mut self.wemb,
            &mut self.temb,
            &mut self.fw.w,
            &mut self.fw.b,
            &mut self.bw.w,
            &mut self.bw.b,
            &mut self.root,
            &mut self.pad,
            &mut self.w1,
            &mut self.b1,
            &mut self.w2,
            &mut self.b2,
            &mut self.lw1,
            &mut self.lb1,
            &mut self.lw2,
            &mut self.lb2,
            e0,
            e1,
            e2,
            &mut self.demb,
        ]
    }
}

/// A trained BiLSTM parser. It reads the tag classes of the model it was
/// trained with ([`crate::Syntax::set_bilstm`] checks they agree).
#[derive(Clone)]
pub struct BilstmParser {
    dims: Dims,
    classes: Vec<TagClass>,
    labels: Vec<String>,
    /// Lower-cased word hash → embedding row (from 1; 0 is unknown).
    vocab: FxHashMap<u64, u32>,
    /// The hashes by row − 1 (for writing).
    vocab_list: Vec<u64>,
    /// Word-feature key → embedding row (from 1; 0 is unknown), per
    /// feature of [`EXTRAS`].
    evocab: [FxHashMap<u64, u32>; EXTRAS],
    /// The keys by row − 1, per feature.
    evocab_list: [Vec<u64>; EXTRAS],
    net: Net,
    root_label: u8,
}

impl std::fmt::Debug for BilstmParser {
    /// Sizes only (the weights would fill a screen).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BilstmParser")
            .field("dims", &self.dims)
            .field("classes", &self.classes.len())
            .field("labels", &self.labels.len())
            .field("vocabulary", &self.vocab_list.len())
            .finish()
    }
}

/// Buffers reused from sentence to sentence.
#[derive(Debug, Default)]
pub struct BilstmScratch {
    ids: Vec<u32>,
    tags: Vec<u32>,
    /// Word-feature rows, `n × EXTRAS`.
    eids: Vec<u32>,
    /// Inputs, `n × Dims::input()`.
    x: Vec<f32>,
    fw: LstmCache,
    bw: LstmCache,
    /// Context vectors, `(n + 2) × 2h`: words, root, empty slot.
    v: Vec<f32>,
    /// First-layer products, `slots × (n + 2) × mlp`.
    p: Vec<f32>,
    hid: Vec<f32>,
    lin: Vec<f32>,
    lhid: Vec<f32>,
    lscores: Vec<f32>,
    state: State,
    // Training only.
    /// Dropout mask of the words' context vectors (`n × 2h`, values 0 or
    /// 1/(1 − p)); empty: no dropout.
    mask: Vec<f32>,
    dp: Vec<f32>,
    dv: Vec<f32>,
    dx: Vec<f32>,
    dhid: Vec<f32>,
    dlin: Vec<f32>,
}

impl BilstmParser {
    /// Relation names by id.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Tag classes the parser was trained with.
    pub fn classes(&self) -> &[TagClass] {
        &self.classes
    }

    /// Network sizes.
    pub fn dims(&self) -> Dims {
        self.dims
    }

    fn v2(&self) -> usize {
        2 * self.dims.hidden
    }

    fn word_id(&self, w: &WordInfo) -> u32 {
        self.vocab.get(&w.lower).copied().unwrap_or(0)
    }

    fn tag_row(&self, t: u8) -> u32 {
        (t as usize).min(self.classes.len()) as u32
    }

    /// Fills `sc.eids` with the word-feature rows of `words`.
    fn load_extras(&self, words: &[WordInfo], sc: &mut BilstmScratch) {
        sc.eids.clear();
        for w in words {
            for k in 0..EXTRAS {
                let row = if self.dims.extra[k] == 0 {
                    0
                } else {
                    self.evocab[k].get(&extra_key(k, w)).copied().unwrap_or(0)
                };
                sc.eids.push(row);
            }
        }
    }

    /// Embeds `sc.ids`/`sc.tags`, runs both LSTMs and computes the context
    /// vectors and the transition MLP's first-layer products.
    fn encode(&self, sc: &mut BilstmScratch) {
        let n = sc.ids.len();
        let (wdim, tdim, h, mlp) = (
            self.dims.wdim,
            self.dims.tdim,
            self.dims.hidden,
            self.dims.mlp,
        );
        let nin = self.dims.input();
        let v2 = 2 * h;
        sc.x.clear();
        sc.x.resize(n * nin, 0.0);
        for i in 0..n {
            let w = sc.ids[i] as usize;
            let t = sc.tags[i] as usize;
            let row = &mut sc.x[i * nin..(i + 1) * nin];
            row[..wdim].copy_from_slice(&self.net.wemb.w[w * wdim..(w + 1) * wdim]);
            row[wdim..wdim + tdim].copy_from_slice(&self.net.temb.w[t * tdim..(t + 1) * tdim]);
            let mut at = wdim + tdim;
            for k in 0..EXTRAS {
                let d = self.dims.extra[k];
                if d == 0 {
                    continue;
                }
                let e = sc.eids.get(i * EXTRAS + k).copied().unwrap_or(0) as usize;
                row[at..at + d].copy_from_slice(&self.net.eemb[k].w[e * d..(e + 1) * d]);
                at += d;
            }
        }
        self.net.fw.forward(&sc.x, n, false, &mut sc.fw);
        self.net.bw.forward(&sc.x, n, true, &mut sc.bw);
        sc.v.clear();
        sc.v.resize((n + 2) * v2, 0.0);
        for i in 0..n {
            sc.v[i * v2..i * v2 + h].copy_from_slice(self.net.fw.output(&sc.fw, n, i, false));
            sc.v[i * v2 + h..(i + 1) * v2].copy_from_slice(self.net.bw.output(&sc.bw, n, i, true));
        }
        sc.v[n * v2..(n + 1) * v2].copy_from_slice(&self.net.root.w);
        sc.v[(n + 1) * v2..(n + 2) * v2].copy_from_slice(&self.net.pad.w);
        if sc.mask.len() == n * v2 {
            for (v, m) in sc.v.iter_mut().zip(&sc.mask) {
                *v *= m;
            }
        }
        let rows = n + 2;
        let nslots = self.dims.slots();
        sc.p.clear();
        sc.p.resize(nslots * rows * mlp, 0.0);
        for s in 0..nslots {
            let block = &self.net.w1.w[s * mlp * v2..(s + 1) * mlp * v2];
            for i in 0..rows {
                let out = &mut sc.p[(s * rows + i) * mlp..(s * rows + i + 1) * mlp];
                matvec(block, &[], &sc.v[i * v2..(i + 1) * v2], out);
            }
        }
    }

    /// Rows of `s0 s1 s2 b0` in the context-vector table, then (read only
    /// with the extended features) of the leftmost and rightmost children
    /// of `s0` and `s1` and the leftmost child of `b0`; the empty slot's
    /// row where a word is absent.
    fn slots(st: &State, n: usize) -> [usize; MAX_SLOTS] {
        let pad = n + 1;
        let word = |x: u32| {
            if (x as usize) < n {
                x as usize
            } else {
                pad
            }
        };
        let b = st.front() as usize;
        let (s0, s1) = (st.stack_at(0), st.stack_at(1));
        [
            word(s0),
            word(s1),
            word(st.stack_at(2)),
            if b < n { b } else { n },
            word(st.leftmost(s0)),
            word(st.rightmost(s0)),
            word(st.leftmost(s1)),
            word(st.rightmost(s1)),
            word(st.leftmost(st.front())),
        ]
    }

    /// Scores of SHIFT, LEFT, RIGHT; leaves the hidden layer in `sc.hid`.
    fn transition_scores(&self, sc: &mut BilstmScratch, slots: &[usize; MAX_SLOTS]) -> [f32; 3] {
        let mlp = self.dims.mlp;
        let rows = sc.ids.len() + 2;
        sc.hid.clear();
        sc.hid.extend_from_slice(&self.net.b1.w);
        for (s, &i) in slots.iter().take(self.dims.slots()).enumerate() {
            let p = &sc.p[(s * rows + i) * mlp..(s * rows + i + 1) * mlp];
            for (a, b) in sc.hid.iter_mut().zip(p) {
                *a += b;
            }
        }
        for a in sc.hid.iter_mut() {
            *a = a.tanh();
        }
        let mut out = [0f32; 3];
        matvec(&self.net.w2.w, &self.net.b2.w, &sc.hid, &mut out);
        out
    }

    /// Label scores of the arc `head → dep` (`head` = n: the root) into
    /// `sc.lscores`; leaves the input and hidden layer in `sc.lin`/`sc.lhid`.
    fn label_scores(&self, sc: &mut BilstmScratch, dep: usize, head: usize) {
        let v2 = self.v2();
        sc.lin.clear();
        sc.lin.extend_from_slice(&sc.v[head * v2..(head + 1) * v2]);
        sc.lin.extend_from_slice(&sc.v[dep * v2..(dep + 1) * v2]);
        if self.dims.label_feats {
            let td = self.dims.tdim;
            for w in [head, dep] {
                let t = sc.tags.get(w).copied().unwrap_or(0) as usize;
                sc.lin
                    .extend_from_slice(&self.net.temb.w[t * td..(t + 1) * td]);
            }
            let c = dist_class(dep, head);
            sc.lin
                .extend_from_slice(&self.net.demb.w[c * DIST_DIM..(c + 1) * DIST_DIM]);
        }
        sc.lhid.clear();
        sc.lhid.resize(self.dims.mlp, 0.0);
        matvec(&self.net.lw1.w, &self.net.lb1.w, &sc.lin, &mut sc.lhid);
        for a in sc.lhid.iter_mut() {
            *a = a.tanh();
        }
        sc.lscores.clear();
        sc.lscores.resize(self.labels.len(), 0.0);
        matvec(&self.net.lw2.w, &self.net.lb2.w, &sc.lhid, &mut sc.lscores);
    }

    /// Parses one sentence: `heads` (0 = root, else 1-based) and `labels`
    /// (relation ids), as [`crate::parser::ParserModel::parse`] does.
    pub fn parse(
        &self,
        words: &[WordInfo],
        tags: &[u8],
        heads: &mut Vec<u32>,
        labels: &mut Vec<u8>,
        sc: &mut BilstmScratch,
    ) {
        let n = words.len().min(tags.len());
        heads.clear();
        labels.clear();
        if n == 0 {
            return;
        }
        sc.ids.clear();
        sc.ids.extend(words[..n].iter().map(|w| self.word_id(w)));
        sc.tags.clear();
        sc.tags.extend(tags[..n].iter().map(|&t| self.tag_row(t)));
        self.load_extras(&words[..n], sc);
        self.encode(sc);
        let mut st = std::mem::take(&mut sc.state);
        st.reset(n);
        let mut guard = 0usize;
        while !st.done() && guard <= 2 * n + 2 {
            guard += 1;
            let legal = st.legal();
            let slots = Self::slots(&st, n);
            let scores = self.transition_scores(sc, &slots);
            let mut best = usize::MAX;
            for t in [SHIFT, LEFT, RIGHT] {
                if legal[t] && (best == usize::MAX || scores[t] > scores[best]) {
                    best = t;
                }
            }
            if best == usize::MAX {
                break;
            }
            st.apply(best, 0);
        }
        let mut root_seen = false;
        for i in 0..n {
            let h = st.heads[i] as usize;
            if h > n || (h == n && root_seen) {
                // Unreachable with the legal transitions; keep a tree anyway.
                let r = heads.iter().position(|&x| x == 0);
                match r {
                    Some(r) if r != i => {
                        heads.push(r as u32 + 1);
                        labels.push(u8::MAX);
                    }
                    _ => {
                        heads.push(0);
                        labels.push(self.root_label);
                        root_seen = true;
                    }
                }
            } else if h == n {
                root_seen = true;
                heads.push(0);
                labels.push(self.root_label);
            } else {
                heads.push(h as u32 + 1);
                labels.push(u8::MAX);
            }
        }
        for d in 0..n {
            if labels[d] != u8::MAX {
                continue;
            }
            let h = heads[d] as usize - 1;
            self.label_scores(sc, d, h);
            labels[d] = argmax_f32(&sc.lscores, Some(self.root_label as usize)) as u8;
        }
        sc.state = st;
    }

    /// The model as bytes: magic, sizes, classes, relations, vocabulary,
    /// tensors, FNV-1a checksum.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes(MAGIC);
        for d in [
            self.dims.wdim,
            self.dims.tdim,
            self.dims.hidden,
            self.dims.mlp,
        ] {
            w.u32(d as u32);
        }
        for d in self.dims.extra {
            w.u32(d as u32);
        }
        w.u32(self.dims.extended as u32 | (self.dims.label_feats as u32) << 1);
        w.u32(self.classes.len() as u32);
        for c in &self.classes {
            w.str(&c.xpos);
            w.str(&c.upos);
        }
        w.u32(self.labels.len() as u32);
        for l in &self.labels {
            w.str(l);
        }
        w.u32(self.vocab_list.len() as u32);
        for &h in &self.vocab_list {
            w.u32(h as u32);
            w.u32((h >> 32) as u32);
        }
        for list in &self.evocab_list {
            w.u32(list.len() as u32);
            for &h in list {
                w.u32(h as u32);
                w.u32((h >> 32) as u32);
            }
        }
        for p in self.net.params() {
            w.u32(p.w.len() as u32);
            for &x in &p.w {
                w.f32(x);
            }
        }
        let mut bytes = w.into_inner();
        let sum = checksum(&bytes);
        bytes.extend_from_slice(&sum.to_le_bytes());
        bytes
    }

    /// Reads a model written by [`BilstmParser::to_bytes`]; `name` names it
    /// in errors.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<BilstmParser, SyntaxError> {
        let corrupt = |message: String| SyntaxError::ModelCorrupt {
            name: name.to_string(),
            message,
        };
        let v1 = bytes.starts_with(MAGIC_V1);
        if bytes.len() < MAGIC.len() + 8 || !(bytes.starts_with(MAGIC) || v1) {
            return Err(corrupt("not a dyad BiLSTM parser of this version".into()));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let mut sum_bytes = [0u8; 8];
        sum_bytes.copy_from_slice(sum);
        if checksum(body) != u64::from_le_bytes(sum_bytes) {
            return Err(corrupt(
                "checksum mismatch (truncated or damaged file)".into(),
            ));
        }
        let mut r = Reader::new(&body[MAGIC.len()..]);
        let read = |r: &mut Reader| -> Result<BilstmParser, String> {
            let mut d = [0usize; 4];
            for x in &mut d {
                *x = r.u32()? as usize;
                if *x == 0 || *x > 4096 {
                    return Err(format!("network size {x} out of range"));
                }
            }
            let mut extra = [0usize; EXTRAS];
            let mut extended = false;
            let mut label_feats = false;
            if !v1 {
                for x in &mut extra {
                    *x = r.u32()? as usize;
                    if *x > 4096 {
                        return Err(format!("embedding size {x} out of range"));
                    }
                }
                let flags = r.u32()?;
                if flags > 3 {
                    return Err(format!("feature-set flags {flags} out of range"));
                }
                extended = flags & 1 != 0;
                label_feats = flags & 2 != 0;
            }
            let dims = Dims {
                wdim: d[0],
                tdim: d[1],
                hidden: d[2],
                mlp: d[3],
                extra,
                extended,
                label_feats,
            };
            let classes = r.tag_classes()?;
            let n = r.u32()? as usize;
            if n == 0 || n > 256 {
                return Err("relation count out of range".into());
            }
            let mut labels = Vec::with_capacity(n);
            for _ in 0..n {
                labels.push(r.str()?);
            }
            let n = r.u32()? as usize;
            if n > r.remaining() / 8 {
                return Err("vocabulary larger than the file".into());
            }
            let mut vocab_list = Vec::with_capacity(n);
            for _ in 0..n {
                let lo = r.u32()? as u64;
                let hi = r.u32()? as u64;
                vocab_list.push(lo | (hi << 32));
            }
            let mut evocab_list: [Vec<u64>; EXTRAS] = Default::default();
            if !v1 {
                for list in &mut evocab_list {
                    let n = r.u32()? as usize;
                    if n > r.remaining() / 8 {
                        return Err("feature vocabulary larger than the file".into());
                    }
                    for _ in 0..n {
                        let lo = r.u32()? as u64;
                        let hi = r.u32()? as u64;
                        list.push(lo | (hi << 32));
                    }
                }
            }
            let sizes: Vec<usize> = evocab_list.iter().map(Vec::len).collect();
            let p = shapes(&dims, classes.len(), labels.len(), vocab_list.len(), &sizes);
            let mut net = Net::default();
            let stored = if v1 { 16 } else { p.len() };
            debug_assert_eq!(p.len(), net.params().len());
            for (param, &len) in net.params_mut().into_iter().zip(p.iter()).take(stored) {
                let got = r.u32()? as usize;
                if got != len {
                    return Err(format!("tensor of {got} values where {len} belong"));
                }
                if len > r.remaining() / 4 {
                    return Err("tensor larger than the file".into());
                }
                let mut w = Vec::with_capacity(len);
                for _ in 0..len {
                    w.push(r.f32()?);
                }
                *param = Param::from_values(w);
            }
            if r.remaining() != 0 {
                return Err("trailing bytes".into());
            }
            let nin = dims.input();
            net.fw.nin = nin;
            net.fw.nh = dims.hidden;
            net.bw.nin = nin;
            net.bw.nh = dims.hidden;
            Ok(BilstmParser::assemble(
                dims,
                classes,
                labels,
                vocab_list,
                evocab_list,
                net,
            ))
        };
        read(&mut r).map_err(corrupt)
    }

    /// Loads a file.
    pub fn load(path: &std::path::Path) -> Result<BilstmParser, SyntaxError> {
        let bytes = std::fs::read(path).map_err(|source| SyntaxError::ModelIo {
            path: path.to_path_buf(),
            source,
        })?;
        BilstmParser::from_bytes(&path.display().to_string(), &bytes)
    }

    /// Writes a file.
    pub fn save(&self, path: &std::path::Path) -> Result<(), SyntaxError> {
        std::fs::write(path, self.to_bytes()).map_err(|source| SyntaxError::ModelWrite {
            path: path.to_path_buf(),
            source,
        })
    }

    fn assemble(
        dims: Dims,
        classes: Vec<TagClass>,
        labels: Vec<String>,
        vocab_list: Vec<u64>,
        evocab_list: [Vec<u64>; EXTRAS],
        net: Net,
    ) -> BilstmParser {
        let rows = |list: &[u64]| -> FxHashMap<u64, u32> {
            list.iter()
                .enumerate()
                .map(|(i, &h)| (h, i as u32 + 1))
                .collect()
        };
        let vocab = rows(&vocab_list);
        let evocab = [
            rows(&evocab_list[0]),
            rows(&evocab_list[1]),
            rows(&evocab_list[2]),
        ];
        let root_label = labels.iter().position(|l| l == "root").unwrap_or(0) as u8;
        BilstmParser {
            dims,
            classes,
            labels,
            vocab,
            vocab_list,
            evocab,
            evocab_list,
            net,
            root_label,
        }
    }
}

/// Number of values of each tensor, in [`Net::params_mut`]'s order
/// (`nextra`: the vocabulary size of each word feature).
fn shapes(d: &Dims, ntags: usize, nlabels: usize, nvocab: usize, nextra: &[usize]) -> Vec<usize> {
    let nin = d.input();
    let extra = |k: usize| {
        if d.extra[k] == 0 {
            0
        } else {
            (nextra.get(k).copied().unwrap_or(0) + 1) * d.extra[k]
        }
    };
    let h = d.hidden;
    let v2 = 2 * h;
    vec![
        (nvocab + 1) * d.wdim,
        (ntags + 1) * d.tdim,
        4 * h * (nin + h),
        4 * h,
        4 * h * (nin + h),
        4 * h,
        v2,
        v2,
        d.slots() * d.mlp * v2,
        d.mlp,
        3 * d.mlp,
        3,
        d.mlp * d.label_input(),
        d.mlp,
        nlabels * d.mlp,
        nlabels,
        extra(0),
        extra(1),
        extra(2),
        if d.label_feats {
            DIST_CLASSES * DIST_DIM
        } else {
            0
        },
    ]
}

/// Index of the largest value (the first of equals), skipping `skip`.
fn argmax_f32(v: &[f32], skip: Option<usize>) -> usize {
    let mut best = usize::MAX;
    for (i, &x) in v.iter().enumerate() {
        if Some(i) == skip {
            continue;
        }
        if best == usize::MAX || x > v[best] {
            best = i;
        }
    }
    if best == usize::MAX {
        0
    } else {
        best
    }
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct BilstmTraining {
    /// Passes over the training set.
    pub epochs: usize,
    /// Seed of initialisation, shuffles, dropout and exploration.
    pub seed: u64,
    /// Probability of following a wrong move (from the second epoch).
    pub explore: f64,
    /// Adam's learning rate.
    pub lr: f32,
    /// Sentences per update.
    pub batch: usize,
    /// Word dropout α.
    pub alpha: f64,
    /// Dropout probability of the words' context vectors (0: none).
    pub dropout: f64,
    /// Network sizes.
    pub dims: Dims,
}

impl Default for BilstmTraining {
    fn default() -> Self {
        BilstmTraining {
            epochs: 30,
            seed: 13,
            explore: 0.9,
            lr: 1e-3,
            batch: 1,
            alpha: 0.25,
            dropout: 0.3,
            dims: Dims::default(),
        }
    }
}

/// Loss gradients of one sentence, accumulated into the net's `g` buffers.
impl BilstmParser {
    /// A fresh network for training.
    fn init(
        dims: Dims,
        classes: Vec<TagClass>,
        labels: Vec<String>,
        vocab_list: Vec<u64>,
        evocab_list: [Vec<u64>; EXTRAS],
        rng: &mut Rng,
    ) -> BilstmParser {
        let nin = dims.input();
        let nslots = dims.slots();
        let v2 = 2 * dims.hidden;
        let nl = labels.len();
        let glorot = |a: usize, b: usize| (6.0 / (a + b) as f32).sqrt();
        let mut net = Net {
            wemb: Param::uniform((vocab_list.len() + 1) * dims.wdim, 0.1, rng),
            temb: Param::uniform((classes.len() + 1) * dims.tdim, 0.1, rng),
            fw: Lstm::new(nin, dims.hidden, rng),
            bw: Lstm::new(nin, dims.hidden, rng),
            root: Param::uniform(v2, 0.1, rng),
            pad: Param::uniform(v2, 0.1, rng),
            w1: Param::uniform(nslots * dims.mlp * v2, glorot(nslots * v2, dims.mlp), rng),
            b1: Param::zeros(dims.mlp),
            w2: Param::uniform(3 * dims.mlp, glorot(dims.mlp, 3), rng),
            b2: Param::zeros(3),
            lw1: Param::uniform(
                dims.label_input() * dims.mlp,
                glorot(dims.label_input(), dims.mlp),
                rng,
            ),
            lb1: Param::zeros(dims.mlp),
            lw2: Param::uniform(nl * dims.mlp, glorot(dims.mlp, nl), rng),
            lb2: Param::zeros(nl),
            eemb: Default::default(),
            demb: Param::default(),
        };
        // Drawn last, so a network without them starts as before.
        for ((e, list), &d) in net.eemb.iter_mut().zip(&evocab_list).zip(&dims.extra) {
            if d > 0 {
                *e = Param::uniform((list.len() + 1) * d, 0.1, rng);
            }
        }
        if dims.label_feats {
            net.demb = Param::uniform(DIST_CLASSES * DIST_DIM, 0.1, rng);
        }
        for p in net.params_mut() {
            p.for_training();
        }
        BilstmParser::assemble(dims, classes, labels, vocab_list, evocab_list, net)
    }

    /// Backward of [`BilstmParser::transition_scores`] (called right after
    /// it, while `sc.hid` holds that state's hidden layer).
    fn transition_back(
        &mut self,
        sc: &mut BilstmScratch,
        slots: &[usize; MAX_SLOTS],
        dout: &[f32; 3],
    ) {
        let mlp = self.dims.mlp;
        let rows = sc.ids.len() + 2;
        sc.dhid.clear();
        sc.dhid.resize(mlp, 0.0);
        matvec_back(
            &self.net.w2.w,
            &mut self.net.w2.g,
            &sc.hid,
            dout,
            Some(&mut sc.dhid),
        );
        for (g, d) in self.net.b2.g.iter_mut().zip(dout) {
            *g += d;
        }
        for (d, h) in sc.dhid.iter_mut().zip(&sc.hid) {
            *d *= 1.0 - h * h;
        }
        for (g, d) in self.net.b1.g.iter_mut().zip(&sc.dhid) {
            *g += d;
        }
        for (s, &i) in slots.iter().take(self.dims.slots()).enumerate() {
            let dp = &mut sc.dp[(s * rows + i) * mlp..(s * rows + i + 1) * mlp];
            for (a, b) in dp.iter_mut().zip(&sc.dhid) {
                *a += b;
            }
        }
    }

    /// Backward of [`BilstmParser::label_scores`] for the same arc.
    fn label_back(&mut self, sc: &mut BilstmScratch, dep: usize, head: usize, dout: &[f32]) {
        let (mlp, v2) = (self.dims.mlp, self.v2());
        sc.dhid.clear();
        sc.dhid.resize(mlp, 0.0);
        matvec_back(
            &self.net.lw2.w,
            &mut self.net.lw2.g,
            &sc.lhid,
            dout,
            Some(&mut sc.dhid),
        );
        for (g, d) in self.net.lb2.g.iter_mut().zip(dout) {
            *g += d;
        }
        for (d, h) in sc.dhid.iter_mut().zip(&sc.lhid) {
            *d *= 1.0 - h * h;
        }
        for (g, d) in self.net.lb1.g.iter_mut().zip(&sc.dhid) {
            *g += d;
        }
        sc.dlin.clear();
        sc.dlin.resize(self.dims.label_input(), 0.0);
        matvec_back(
            &self.net.lw1.w,
            &mut self.net.lw1.g,
            &sc.lin,
            &sc.dhid,
            Some(&mut sc.dlin),
        );
        for (a, b) in sc.dv[head * v2..(head + 1) * v2]
            .iter_mut()
            .zip(&sc.dlin[..v2])
        {
            *a += b;
        }
        for (a, b) in sc.dv[dep * v2..(dep + 1) * v2]
            .iter_mut()
            .zip(&sc.dlin[v2..2 * v2])
        {
            *a += b;
        }
        if self.dims.label_feats {
            let td = self.dims.tdim;
            for (k, w) in [head, dep].into_iter().enumerate() {
                let t = sc.tags.get(w).copied().unwrap_or(0) as usize;
                let at = 2 * v2 + k * td;
                for (g, d) in self.net.temb.g[t * td..(t + 1) * td]
                    .iter_mut()
                    .zip(&sc.dlin[at..at + td])
                {
                    *g += d;
                }
            }
            let c = dist_class(dep, head);
            let at = 2 * v2 + 2 * td;
            for (g, d) in self.net.demb.g[c * DIST_DIM..(c + 1) * DIST_DIM]
                .iter_mut()
                .zip(&sc.dlin[at..at + DIST_DIM])
            {
                *g += d;
            }
        }
    }

    /// Clears the per-sentence gradient buffers (after [`Self::encode`]).
    fn start_back(&self, sc: &mut BilstmScratch) {
        let rows = sc.ids.len() + 2;
        sc.dp.clear();
        sc.dp.resize(self.dims.slots() * rows * self.dims.mlp, 0.0);
        sc.dv.clear();
        sc.dv.resize(rows * self.v2(), 0.0);
    }

    /// Backpropagates the accumulated first-layer and context-vector
    /// gradients through the LSTMs into the embeddings; records the word
    /// rows touched.
    fn finish_back(&mut self, sc: &mut BilstmScratch, touched: &mut Vec<u32>) {
        let n = sc.ids.len();
        let rows = n + 2;
        let (mlp, v2, h) = (self.dims.mlp, self.v2(), self.dims.hidden);
        let (wdim, tdim) = (self.dims.wdim, self.dims.tdim);
        let nin = self.dims.input();
        for s in 0..self.dims.slots() {
            let lo = s * mlp * v2;
            let hi = (s + 1) * mlp * v2;
            for i in 0..rows {
                let dp = &sc.dp[(s * rows + i) * mlp..(s * rows + i + 1) * mlp];
                if dp.iter().all(|&x| x == 0.0) {
                    continue;
                }
                matvec_back(
                    &self.net.w1.w[lo..hi],
                    &mut self.net.w1.g[lo..hi],
                    &sc.v[i * v2..(i + 1) * v2],
                    dp,
                    Some(&mut sc.dv[i * v2..(i + 1) * v2]),
                );
            }
        }
        for (g, d) in self.net.root.g.iter_mut().zip(&sc.dv[n * v2..(n + 1) * v2]) {
            *g += d;
        }
        for (g, d) in self
            .net
            .pad
            .g
            .iter_mut()
            .zip(&sc.dv[(n + 1) * v2..(n + 2) * v2])
        {
            *g += d;
        }
        if sc.mask.len() == n * v2 {
            for (d, m) in sc.dv.iter_mut().zip(&sc.mask) {
                *d *= m;
            }
        }
        sc.dx.clear();
        sc.dx.resize(n * nin, 0.0);
        self.net
            .fw
            .backward(false, &mut sc.fw, &sc.dv, v2, 0, &mut sc.dx);
        self.net
            .bw
            .backward(true, &mut sc.bw, &sc.dv, v2, h, &mut sc.dx);
        for i in 0..n {
            let w = sc.ids[i] as usize;
            let t = sc.tags[i] as usize;
            let dx = &sc.dx[i * nin..(i + 1) * nin];
            for (g, d) in self.net.wemb.g[w * wdim..(w + 1) * wdim]
                .iter_mut()
                .zip(&dx[..wdim])
            {
                *g += d;
            }
            for (g, d) in self.net.temb.g[t * tdim..(t + 1) * tdim]
                .iter_mut()
                .zip(&dx[wdim..wdim + tdim])
            {
                *g += d;
            }
            let mut at = wdim + tdim;
            for k in 0..EXTRAS {
                let dk = self.dims.extra[k];
                if dk == 0 {
                    continue;
                }
                let e = sc.eids.get(i * EXTRAS + k).copied().unwrap_or(0) as usize;
                for (g, d) in self.net.eemb[k].g[e * dk..(e + 1) * dk]
                    .iter_mut()
                    .zip(&dx[at..at + dk])
                {
                    *g += d;
                }
                at += dk;
            }
            touched.push(w as u32);
        }
    }

    /// One Adam step over every tensor (the word embeddings only on the
    /// rows in `touched`, which it empties).
    fn update(&mut self, adam: &mut Adam, touched: &mut Vec<u32>) {
        adam.t += 1;
        touched.sort_unstable();
        touched.dedup();
        let wdim = self.dims.wdim;
        let mut params = self.net.params_mut().into_iter();
        if let Some(wemb) = params.next() {
            wemb.adam_rows(touched, wdim, adam);
        }
        for p in params {
            p.adam(adam);
        }
        touched.clear();
    }

    /// The hinge losses of one training sentence along the transitions the
    /// dynamic oracle and exploration choose, with their gradients
    /// accumulated. Returns (loss, transitions, errors).
    fn train_sentence(
        &mut self,
        ex: &ParseExample,
        explore: Option<&mut (Rng, f64)>,
        sc: &mut BilstmScratch,
        touched: &mut Vec<u32>,
    ) -> (f64, usize, usize) {
        let n = ex.words.len().min(ex.tags.len()).min(ex.heads.len());
        if n == 0 {
            return (0.0, 0, 0);
        }
        self.encode(sc);
        self.start_back(sc);
        let mut loss = 0.0f64;
        let (mut steps, mut errors) = (0usize, 0usize);
        let mut st = std::mem::take(&mut sc.state);
        st.reset(n);
        let mut explore = explore;
        let mut guard = 0usize;
        while !st.done() && guard <= 2 * n + 2 {
            guard += 1;
            let legal = st.legal();
            let costs = st.costs(&ex.heads);
            let slots = Self::slots(&st, n);
            let scores = self.transition_scores(sc, &slots);
            let min_cost = (0..3)
                .filter(|&t| legal[t])
                .map(|t| costs[t])
                .min()
                .unwrap_or(0);
            let (mut pred, mut good, mut bad) = (usize::MAX, usize::MAX, usize::MAX);
            for t in [SHIFT, LEFT, RIGHT] {
                if !legal[t] {
                    continue;
                }
                if pred == usize::MAX || scores[t] > scores[pred] {
                    pred = t;
                }
                if costs[t] == min_cost {
                    if good == usize::MAX || scores[t] > scores[good] {
                        good = t;
                    }
                } else if bad == usize::MAX || scores[t] > scores[bad] {
                    bad = t;
                }
            }
            if pred == usize::MAX || good == usize::MAX {
                break;
            }
            steps += 1;
            if bad != usize::MAX {
                let margin = 1.0 - scores[good] + scores[bad];
                if margin > 0.0 {
                    loss += margin as f64;
                    let mut dout = [0f32; 3];
                    dout[good] = -1.0;
                    dout[bad] = 1.0;
                    self.transition_back(sc, &slots, &dout);
                }
            }
            let next = if costs[pred] == min_cost {
                pred
            } else {
                errors += 1;
                let follow = match explore.as_deref_mut() {
                    Some((rng, p)) => rng.unit() < *p,
                    None => false,
                };
                if follow {
                    pred
                } else {
                    good
                }
            };
            st.apply(next, 0);
        }
        sc.state = st;
        // Labels: every gold arc below a word (the root's is always "root").
        let root = self.root_label as usize;
        let mut dout = vec![0f32; self.labels.len()];
        for d in 0..n {
            let h = ex.heads[d] as usize;
            let gold = ex.labels.get(d).copied().unwrap_or(0) as usize;
            if h >= n || gold >= self.labels.len() {
                continue;
            }
            self.label_scores(sc, d, h);
            let mut bad = usize::MAX;
            for (l, &s) in sc.lscores.iter().enumerate() {
                if l != gold && l != root && (bad == usize::MAX || s > sc.lscores[bad]) {
                    bad = l;
                }
            }
            if bad == usize::MAX {
                continue;
            }
            let margin = 1.0 - sc.lscores[gold] + sc.lscores[bad];
            if margin > 0.0 {
                loss += margin as f64;
                dout.iter_mut().for_each(|x| *x = 0.0);
                dout[gold] = -1.0;
                dout[bad] = 1.0;
                self.label_back(sc, d, h, &dout);
            }
        }
        self.finish_back(sc, touched);
        (loss, steps, errors)
    }
}

/// Trains a BiLSTM parser on `examples` (jackknifed tags, projective gold
/// heads). `report(epoch, parser, mean loss per word, seconds)` is called
/// after each epoch.
pub(crate) fn train(
    examples: &[ParseExample],
    classes: Vec<TagClass>,
    labels: Vec<String>,
    cfg: &BilstmTraining,
    report: &mut dyn FnMut(usize, &BilstmParser, f64, f64),
) -> BilstmParser {
    let mut rng = Rng::new(cfg.seed);
    // Vocabulary: lower-cased forms seen at least twice, most frequent
    // first (ties by hash, so the numbering is stable).
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    for ex in examples {
        for w in &ex.words {
            *counts.entry(w.lower).or_default() += 1;
        }
    }
    let mut vocab: Vec<(u64, u32)> = counts.into_iter().filter(|&(_, c)| c >= 2).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let freq: Vec<u32> = std::iter::once(0)
        .chain(vocab.iter().map(|&(_, c)| c))
        .collect();
    let vocab_list: Vec<u64> = vocab.iter().map(|&(h, _)| h).collect();
    // Word-feature vocabularies likewise: the values seen at least twice.
    let mut evocab_list: [Vec<u64>; EXTRAS] = Default::default();
    for (k, list) in evocab_list.iter_mut().enumerate() {
        if cfg.dims.extra[k] == 0 {
            continue;
        }
        let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
        for ex in examples {
            for w in &ex.words {
                *counts.entry(extra_key(k, w)).or_default() += 1;
            }
        }
        let mut keys: Vec<(u64, u32)> = counts.into_iter().filter(|&(_, c)| c >= 2).collect();
        keys.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        *list = keys.into_iter().map(|(h, _)| h).collect();
    }
    let mut model =
        BilstmParser::init(cfg.dims, classes, labels, vocab_list, evocab_list, &mut rng);
    let mut adam = Adam::new(cfg.lr);
    let mut sc = BilstmScratch::default();
    let mut touched = Vec::new();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let batch = cfg.batch.max(1);
    let mut xrng = (Rng::new(cfg.seed ^ 0x0e7b_1a5e), cfg.explore);
    let started = std::time::Instant::now();
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let (mut loss, mut words) = (0.0f64, 0usize);
        for (k, &i) in order.iter().enumerate() {
            let ex = &examples[i];
            let n = ex.words.len().min(ex.tags.len());
            sc.ids.clear();
            for w in &ex.words[..n] {
                let id = model.word_id(w);
                let c = freq.get(id as usize).copied().unwrap_or(0) as f64;
                let drop = id != 0 && rng.unit() < cfg.alpha / (cfg.alpha + c);
                sc.ids.push(if drop { 0 } else { id });
            }
            sc.tags.clear();
            sc.tags
                .extend(ex.tags[..n].iter().map(|&t| model.tag_row(t)));
            model.load_extras(&ex.words[..n], &mut sc);
            sc.mask.clear();
            if cfg.dropout > 0.0 {
                let keep = 1.0 / (1.0 - cfg.dropout.min(0.9)) as f32;
                let v2 = 2 * cfg.dims.hidden;
                sc.mask
                    .extend((0..n * v2).map(|_| if rng.unit() < cfg.dropout { 0.0 } else { keep }));
            }
            let explore = (epoch > 0).then_some(&mut xrng);
            let (l, _, _) = model.train_sentence(ex, explore, &mut sc, &mut touched);
            loss += l;
            words += n;
            if (k + 1) % batch == 0 || k + 1 == order.len() {
                model.update(&mut adam, &mut touched);
            }
        }
        report(
            epoch + 1,
            &model,
            loss / words.max(1) as f64,
            started.elapsed().as_secs_f64(),
        );
    }
    model
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word of hash `h`; its suffix, shape and lexicon tag are derived
    /// from it (three suffixes, two shapes, two lexicon tags among the
    /// test's words).
    fn info(h: u64) -> WordInfo {
        WordInfo {
            lower: h,
            suffix: [0, 0, 100 + h % 3, 0],
            shape: 200 + h % 2,
            lex: 300 + (h / 2) % 2,
            ..WordInfo::default()
        }
    }

    /// The tiny network's sizes, with or without the parser8 additions.
    fn tiny_dims(extended: bool) -> Dims {
        Dims {
            wdim: 5,
            tdim: 3,
            hidden: 4,
            mlp: 6,
            extra: if extended { [2, 2, 2] } else { [0; EXTRAS] },
            extended,
            label_feats: extended,
        }
    }

    /// A tiny network of sizes `dims` and a sentence written for the test:
    /// "dogs chase cats ." (0-based heads, 4 = root).
    fn tiny(dims: Dims) -> (BilstmParser, ParseExample) {
        let mut rng = Rng::new(7);
        let classes = ["NNS|NOUN", "VBP|VERB", ".|PUNCT"]
            .iter()
            .map(|c| {
                let (x, u) = c.split_once('|').unwrap_or(("", ""));
                TagClass {
                    xpos: x.into(),
                    upos: u.into(),
                }
            })
            .collect();
        let labels = ["root", "nsubj", "obj", "punct"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // The suffix, shape and lexicon-tag keys of the test's words (one
        // suffix left out: it reads as unknown).
        let evocab = [vec![100, 101], vec![200, 201], vec![300, 301]];
        let model = BilstmParser::init(
            dims,
            classes,
            labels,
            vec![11, 12, 13, 14],
            evocab,
            &mut rng,
        );
        let ex = ParseExample {
            words: vec![info(11), info(12), info(13), info(14)],
            tags: vec![0, 1, 0, 2],
            heads: vec![1, 4, 1, 1],
            labels: vec![1, 0, 2, 3],
        };
        (model, ex)
    }

    fn load_ids(model: &BilstmParser, ex: &ParseExample, sc: &mut BilstmScratch) {
        sc.ids.clear();
        sc.ids.extend(ex.words.iter().map(|w| model.word_id(w)));
        sc.tags.clear();
        sc.tags.extend(ex.tags.iter().map(|&t| model.tag_row(t)));
        model.load_extras(&ex.words, sc);
    }

    /// The summed hinge loss of the sentence along the gold (static)
    /// transitions: smooth enough near a random initialisation to compare
    /// with finite differences.
    fn loss(model: &mut BilstmParser, ex: &ParseExample, mask: &[f32]) -> f64 {
        let mut sc = BilstmScratch::default();
        load_ids(model, ex, &mut sc);
        sc.mask = mask.to_vec();
        let mut touched = Vec::new();
        let (l, _, _) = model.train_sentence(ex, None, &mut sc, &mut touched);
        l
    }

    #[test]
    fn gradients_match_finite_differences() {
        // With dropout: every third value of the context vectors dropped.
        let mask: Vec<f32> = (0..4 * 8)
            .map(|i| if i % 3 == 0 { 0.0 } else { 1.5 })
            .collect();
        for extended in [false, true] {
            check_gradients(extended, &[]);
            check_gradients(extended, &mask);
        }
    }

    fn check_gradients(extended: bool, mask: &[f32]) {
        let (mut model, ex) = tiny(tiny_dims(extended));
        // Analytic gradients.
        for p in model.net.params_mut() {
            p.g.iter_mut().for_each(|g| *g = 0.0);
        }
        let base = loss(&mut model, &ex, mask);
        assert!(base > 0.0, "the untrained net must have a loss");
        let analytic: Vec<Vec<f32>> = model.net.params_mut().iter().map(|p| p.g.clone()).collect();
        let eps = 5e-3f32;
        let mut checked = 0;
        let block = model.dims.mlp * model.v2();
        for (k, grads) in analytic.iter().enumerate() {
            let n = grads.len();
            let mut at: Vec<usize> = (0..n).step_by((n / 7).max(1)).collect();
            if k == 8 {
                // The first-layer weights: values of every slot's block.
                at.extend((0..model.dims.slots()).flat_map(|s| [s * block, s * block + 9]));
            }
            if k >= 16 {
                // The word-feature and direction-and-length embeddings:
                // every value.
                at = (0..n).collect();
            }
            let mut moved = false;
            let mut blocks_moved = vec![false; model.dims.slots()];
            for j in at {
                let orig = model.net.params_mut()[k].w[j];
                let mut central = |e: f32| {
                    model.net.params_mut()[k].w[j] = orig + e;
                    let up = loss(&mut model, &ex, mask);
                    model.net.params_mut()[k].w[j] = orig - e;
                    let down = loss(&mut model, &ex, mask);
                    model.net.params_mut()[k].w[j] = orig;
                    ((up - down) / (2.0 * e as f64)) as f32
                };
                let a = grads[j];
                let tol = |numeric: f32| 2e-3 + 2e-2 * a.abs().max(numeric.abs());
                let mut numeric = central(eps);
                if (a - numeric).abs() > tol(numeric) {
                    // The hinge losses have kinks: a step that crosses one
                    // (a margin reaching 0, another label or move becoming
                    // the best wrong one) is retried five times smaller.
                    numeric = central(eps / 5.0);
                }
                let tol = tol(numeric);
                assert!(
                    (a - numeric).abs() <= tol,
                    "tensor {k} value {j}: analytic {a}, numeric {numeric}"
                );
                moved |= numeric.abs() > 1e-4;
                if k == 8 && numeric.abs() > 1e-4 {
                    blocks_moved[(j / block).min(model.dims.slots() - 1)] = true;
                }
                checked += 1;
            }
            // The word-feature embeddings in use move the loss, and so does
            // every slot's block of the first layer (the children slots
            // included).
            assert!(
                k < 16 || n == 0 || moved,
                "tensor {k} does not move the loss"
            );
            if k == 8 {
                assert!(blocks_moved.iter().all(|&b| b), "{blocks_moved:?}");
            }
        }
        assert!(checked > 50);
    }

    #[test]
    fn training_learns_a_written_sentence_and_round_trips() {
        learns_and_round_trips(false);
        learns_and_round_trips(true);
    }

    fn learns_and_round_trips(extended: bool) {
        let (mut model, ex) = tiny(tiny_dims(extended));
        let mut adam = Adam::new(1e-2);
        let mut sc = BilstmScratch::default();
        let mut touched = Vec::new();
        for _ in 0..200 {
            load_ids(&model, &ex, &mut sc);
            model.train_sentence(&ex, None, &mut sc, &mut touched);
            model.update(&mut adam, &mut touched);
        }
        let (mut heads, mut labels) = (Vec::new(), Vec::new());
        model.parse(&ex.words, &ex.tags, &mut heads, &mut labels, &mut sc);
        assert_eq!(heads, vec![2, 0, 2, 2]);
        assert_eq!(labels, vec![1, 0, 2, 3]);
        // Written and read back, the parser gives the same parse.
        let bytes = model.to_bytes();
        let again = BilstmParser::from_bytes("test", &bytes).expect("reads back");
        // Training is deterministic: a second run writes the same bytes.
        let (mut twin, _) = tiny(tiny_dims(extended));
        let mut adam2 = Adam::new(1e-2);
        for _ in 0..200 {
            load_ids(&twin, &ex, &mut sc);
            twin.train_sentence(&ex, None, &mut sc, &mut touched);
            twin.update(&mut adam2, &mut touched);
        }
        assert_eq!(twin.to_bytes(), bytes);
        let (mut h2, mut l2) = (Vec::new(), Vec::new());
        again.parse(&ex.words, &ex.tags, &mut h2, &mut l2, &mut sc);
        assert_eq!((&h2, &l2), (&heads, &labels));
        assert_eq!(again.to_bytes(), bytes);
        // Damaged or truncated files are errors, not panics.
        let mut bad = bytes.clone();
        bad[40] ^= 1;
        assert!(BilstmParser::from_bytes("bad", &bad).is_err());
        assert!(BilstmParser::from_bytes("short", &bytes[..bytes.len() / 2]).is_err());
        // Any sentence parses: empty, unknown words, out-of-range tags.
        again.parse(&[], &[], &mut h2, &mut l2, &mut sc);
        assert!(h2.is_empty());
        let odd = vec![info(99); 7];
        again.parse(&odd, &[200; 7], &mut h2, &mut l2, &mut sc);
        assert_eq!(h2.iter().filter(|&&h| h == 0).count(), 1);
        assert!(h2.iter().all(|&h| h as usize <= 7));
        // Unknown suffix, shape and lexicon keys read as the unknown rows.
        let strange = vec![
            WordInfo {
                lower: 98,
                suffix: [7; 4],
                shape: 7,
                lex: 7,
                ..WordInfo::default()
            };
            5
        ];
        again.parse(&strange, &[0; 5], &mut h2, &mut l2, &mut sc);
        assert_eq!(h2.iter().filter(|&&h| h == 0).count(), 1);
    }

    /// A parser7 (version 1) file still reads, as the version-2 network
    /// without the new parts: the version-1 layout is made here from a
    /// version-2 file by cutting out the new fields.
    #[test]
    fn version_one_files_still_read() {
        let (model, ex) = tiny(tiny_dims(false));
        let v2 = model.to_bytes();
        let body = &v2[..v2.len() - 8];
        let u32_at =
            |i: usize| u32::from_le_bytes([body[i], body[i + 1], body[i + 2], body[i + 3]]);
        // The word vocabulary: its count, then the four hashes of the
        // test's words (low and high halves).
        let mut pattern = Vec::new();
        for x in [4u32, 11, 0, 12, 0, 13, 0, 14, 0] {
            pattern.extend_from_slice(&x.to_le_bytes());
        }
        let at = body
            .windows(pattern.len())
            .position(|w| w == pattern.as_slice())
            .expect("vocabulary in the file");
        let mut end = at + pattern.len();
        for _ in 0..EXTRAS {
            end += 4 + 8 * u32_at(end) as usize;
        }
        let mut v1 = MAGIC_V1.to_vec();
        v1.extend_from_slice(&body[8..24]); // the four sizes
        v1.extend_from_slice(&body[40..at + pattern.len()]);
        v1.extend_from_slice(&body[end..body.len() - 16]); // less four empty tensors
        let sum = checksum(&v1);
        v1.extend_from_slice(&sum.to_le_bytes());
        let old = BilstmParser::from_bytes("v1", &v1).expect("a version-1 file reads");
        assert_eq!(old.dims, model.dims);
        let mut sc = BilstmScratch::default();
        let (mut h1, mut l1, mut h2, mut l2) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        old.parse(&ex.words, &ex.tags, &mut h1, &mut l1, &mut sc);
        model.parse(&ex.words, &ex.tags, &mut h2, &mut l2, &mut sc);
        assert_eq!((h1, l1), (h2, l2));
    }

    /// Direction-and-length classes: "the" (0) → "dog" (1) is a head one
    /// word to the right; "saw" (2) → "yesterday" (12) ten words to the left.
    #[test]
    fn arc_classes_split_direction_and_length() {
        assert_eq!(dist_class(0, 1), 0);
        assert_eq!(dist_class(1, 0), 6);
        assert_eq!(dist_class(0, 3), 2);
        assert_eq!(dist_class(0, 5), 3);
        assert_eq!(dist_class(9, 1), 6 + 4);
        assert_eq!(dist_class(12, 2), 6 + 5);
        assert_eq!(dist_class(0, 40), 5);
        assert!((0..30).all(|d| (0..30).all(|h| dist_class(d, h) < DIST_CLASSES)));
    }

    /// The children slots: after "dogs" is attached to "chase" (LEFT) and
    /// "cats" to "chase" (RIGHT), the slots name them; an absent child is
    /// the empty slot's row.
    #[test]
    fn children_slots_follow_the_arcs() {
        let n = 4;
        let pad = n + 1;
        let mut st = State::default();
        st.reset(n);
        st.apply(SHIFT, 0); // stack: dogs; buffer: chase
        assert_eq!(
            BilstmParser::slots(&st, n),
            [0, pad, pad, 1, pad, pad, pad, pad, pad]
        );
        st.apply(LEFT, 0); // dogs <- chase
        assert_eq!(
            BilstmParser::slots(&st, n),
            [pad, pad, pad, 1, pad, pad, pad, pad, 0]
        );
        st.apply(SHIFT, 0); // stack: chase
        st.apply(SHIFT, 0); // stack: chase cats; buffer: .
        assert_eq!(
            BilstmParser::slots(&st, n),
            [2, 1, pad, 3, pad, pad, 0, pad, pad]
        );
        st.apply(RIGHT, 0); // chase -> cats
        assert_eq!(
            BilstmParser::slots(&st, n),
            [1, pad, pad, 3, 0, 2, pad, pad, pad]
        );
    }

    #[test]
    fn full_training_with_dropout_and_exploration_is_deterministic() {
        let (model, ex) = tiny(tiny_dims(true));
        // "cats sleep ." and "dogs chase dogs ." beside the tiny sentence.
        let more = [
            ParseExample {
                words: vec![info(13), info(15), info(14)],
                tags: vec![0, 1, 2],
                heads: vec![1, 3, 1],
                labels: vec![1, 0, 3],
            },
            ParseExample {
                words: vec![info(11), info(12), info(11), info(14)],
                tags: vec![0, 1, 0, 2],
                heads: vec![1, 4, 1, 1],
                labels: vec![1, 0, 2, 3],
            },
        ];
        let examples: Vec<ParseExample> = std::iter::once(ex).chain(more).collect();
        let cfg = BilstmTraining {
            epochs: 3,
            dropout: 0.3,
            lr: 1e-2,
            dims: model.dims,
            ..BilstmTraining::default()
        };
        let run = || {
            let mut losses = Vec::new();
            let m = train(
                &examples,
                model.classes.clone(),
                model.labels.clone(),
                &cfg,
                &mut |_, _, loss, _| losses.push(loss),
            );
            (m.to_bytes(), losses)
        };
        let (a, la) = run();
        let (b, lb) = run();
        assert_eq!(la.len(), 3);
        assert!(la.iter().all(|l| l.is_finite()));
        assert_eq!(la, lb);
        assert_eq!(a, b);
    }
}
