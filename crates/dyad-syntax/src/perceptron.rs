//! The averaged perceptron: sparse training weights, and the compact
//! quantised weights used for prediction.
//!
//! Features are 64-bit hashes ([`crate::feat`]). Each feature holds weights
//! only for the classes it was ever updated for (most features touch a
//! handful of classes), so both the training table and the model stay small
//! with ~100 classes.

use rustc_hash::FxHashMap;

use crate::model::{Reader, Writer};

/// One (class, weight) cell of a training feature.
#[derive(Debug, Clone, Copy)]
struct Cell {
    class: u8,
    w: i32,
    total: i64,
    stamp: u32,
}

/// Weights being trained: integer updates, lazily accumulated totals for
/// the average (Collins 2002; Daumé's trick of time stamps).
#[derive(Debug, Default)]
pub struct TrainWeights {
    n_classes: usize,
    map: FxHashMap<u64, Vec<Cell>>,
    /// Number of training instances seen (the averaging clock).
    step: u32,
}

impl TrainWeights {
    /// Empty weights for `n_classes` classes (at most 256).
    pub fn new(n_classes: usize) -> TrainWeights {
        TrainWeights {
            n_classes: n_classes.min(256),
            map: FxHashMap::default(),
            step: 1,
        }
    }

    /// Advances the averaging clock by one instance.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Adds the current weights of `feats` into `scores` (one per class).
    pub fn score(&self, feats: &[u64], scores: &mut [i64]) {
        scores.iter_mut().for_each(|s| *s = 0);
        for f in feats {
            if let Some(cells) = self.map.get(f) {
                for c in cells {
                    if let Some(s) = scores.get_mut(c.class as usize) {
                        *s += c.w as i64;
                    }
                }
            }
        }
    }

    /// Moves the weights of `feats` by `delta` for `class`.
    pub fn update(&mut self, feats: &[u64], class: usize, delta: i32) {
        let step = self.step;
        for f in feats {
            let cells = self.map.entry(*f).or_default();
            match cells.iter_mut().find(|c| c.class as usize == class) {
                Some(c) => {
                    c.total += (step - c.stamp) as i64 * c.w as i64;
                    c.stamp = step;
                    c.w += delta;
                }
                None => cells.push(Cell {
                    class: class as u8,
                    w: delta,
                    total: 0,
                    stamp: step,
                }),
            }
        }
    }

    /// The averaged, quantised weights. Cells whose magnitude is below
    /// `prune` (in quantised units, out of 32,000 for the largest weight)
    /// are dropped, and features left without cells with them.
    pub fn finish(&self, prune: i32) -> Weights {
        let step = self.step.max(1) as f64;
        let avg = |c: &Cell| (c.total + (self.step - c.stamp) as i64 * c.w as i64) as f64 / step;
        let max = self
            .map
            .values()
            .flat_map(|cells| cells.iter().map(avg))
            .fold(0.0f64, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 32000.0 } else { 1.0 };
        // Features by 32-bit fingerprint; the rare fingerprint collisions
        // add their weights.
        let mut merged: std::collections::BTreeMap<u32, Vec<(u8, f64)>> = Default::default();
        for (k, cells) in &self.map {
            let e = merged.entry(fingerprint(*k)).or_default();
            for c in cells {
                match e.iter_mut().find(|x| x.0 == c.class) {
                    Some(x) => x.1 += avg(c),
                    None => e.push((c.class, avg(c))),
                }
            }
        }
        let mut ids = Vec::new();
        let mut counts = Vec::new();
        let mut classes = Vec::new();
        let mut values = Vec::new();
        for (id, mut cells) in merged {
            cells.sort_by_key(|c| c.0);
            let before = classes.len();
            for (class, v) in cells {
                let q = (v / scale).round().clamp(-32767.0, 32767.0) as i32;
                if q != 0 && q.abs() >= prune {
                    classes.push(class);
                    values.push(q as i16);
                }
            }
            if classes.len() > before {
                ids.push(id);
                counts.push((classes.len() - before) as u8);
            }
        }
        Weights::build(self.n_classes, scale as f32, ids, counts, classes, values)
    }
}

/// The 32-bit fingerprint a model stores for a 64-bit feature hash.
#[inline]
pub fn fingerprint(h: u64) -> u32 {
    let f = (h ^ (h >> 32)) as u32;
    if f == 0 {
        1
    } else {
        f
    }
}

/// Averaged, quantised weights for prediction: an open-addressing table of
/// 32-bit feature fingerprints, each pointing at its run of (class, i16
/// weight) cells. Look-ups are batched so the cache misses of a state's
/// features overlap instead of queueing.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    n_classes: usize,
    /// Real weight = stored value × scale (scores are compared in stored
    /// units, so prediction never needs it).
    scale: f32,
    /// `fingerprint << 32 | start`; 0 = empty.
    slots: Vec<u64>,
    bits: u32,
    /// Per feature: a count cell, then `class << 16 | value as u16` cells.
    cells: Vec<u32>,
    /// With at most three classes, the weights live in the table itself
    /// (`[fingerprint, w0 | w1 << 16, w2]`, fingerprint 0 = empty): one
    /// memory access per feature instead of two.
    dense: Vec<[u32; 3]>,
    /// Features with many classes ([`ROW_MIN_CELLS`] or more) also have a
    /// full row of `n_classes` weights here, and their slot points at the
    /// row ([`ROW_FLAG`] set) instead of the cells: adding a whole row is
    /// cheaper than walking a long run of (class, weight) cells.
    rows: Vec<i16>,
    // The saved form.
    ids: Vec<u32>,
    counts: Vec<u8>,
    n_cells: usize,
}

/// A slot's start with this bit set is the index of a row of
/// [`Weights::rows`] (cell indices stay below it: see `build`).
const ROW_FLAG: u64 = 1 << 31;

/// Features with at least this many (class, weight) cells get a full row.
const ROW_MIN_CELLS: u8 = 12;

#[inline]
fn slot_of(id: u32, bits: u32) -> usize {
    (id.wrapping_mul(0x9e37_79b1) >> (32 - bits)) as usize
}

impl Weights {
    fn build(
        n_classes: usize,
        scale: f32,
        ids: Vec<u32>,
        counts: Vec<u8>,
        classes: Vec<u8>,
        values: Vec<i16>,
    ) -> Weights {
        let n = ids.len();
        let mut bits = 4;
        while (1usize << bits) < n * 2 {
            bits += 1;
        }
        let mask = (1usize << bits) - 1;
        // Features in the order of their home slots, so filling the table
        // writes memory in sequence (random writes made loading slow); the
        // file keeps this order, so a loaded model is already sorted.
        let home = |id: u32| (slot_of(id, bits) as u64) << 32 | id as u64;
        let sorted = ids.windows(2).all(|w| home(w[0]) <= home(w[1]));
        let (ids, counts, classes, values) = if sorted {
            (ids, counts, classes, values)
        } else {
            let mut starts = Vec::with_capacity(n);
            let mut at = 0usize;
            for &c in &counts {
                starts.push(at);
                at += c as usize;
            }
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_unstable_by_key(|&i| home(ids[i]));
            let mut o_ids = Vec::with_capacity(n);
            let mut o_counts = Vec::with_capacity(n);
            let mut o_classes = Vec::with_capacity(classes.len());
            let mut o_values = Vec::with_capacity(values.len());
            for i in order {
                o_ids.push(ids[i]);
                o_counts.push(counts[i]);
                let range = starts[i]..starts[i] + counts[i] as usize;
                o_classes.extend_from_slice(classes.get(range.clone()).unwrap_or(&[]));
                o_values.extend_from_slice(values.get(range).unwrap_or(&[]));
            }
            (o_ids, o_counts, o_classes, o_values)
        };
        let dense_mode = n_classes <= 3;
        let mut slots = if dense_mode {
            Vec::new()
        } else {
            vec![0u64; 1 << bits]
        };
        let mut cells = Vec::with_capacity(classes.len() + n);
        let mut rows: Vec<i16> = Vec::new();
        // rows only while cell indices cannot reach the flag bit
        let use_rows = !dense_mode && (classes.len() + n) < ROW_FLAG as usize;
        let mut at = 0usize;
        for (id, &count) in ids.iter().zip(&counts) {
            let mut start = cells.len() as u64;
            cells.push(count as u32);
            let run = at..at + count as usize;
            for k in run.clone() {
                let (c, v) = (
                    classes.get(k).copied().unwrap_or(0),
                    values.get(k).copied().unwrap_or(0),
                );
                cells.push(((c as u32) << 16) | (v as u16 as u32));
            }
            at += count as usize;
            if use_rows && count >= ROW_MIN_CELLS {
                // one weight per class: a class twice in a run (never
                // written by training) keeps the cells, which add both
                let mut row = vec![0i16; n_classes];
                let mut once = vec![false; n_classes];
                let mut ok = true;
                for k in run {
                    match (classes.get(k), values.get(k)) {
                        (Some(&c), Some(&v)) if (c as usize) < n_classes && !once[c as usize] => {
                            once[c as usize] = true;
                            row[c as usize] = v;
                        }
                        _ => ok = false,
                    }
                }
                let index = rows.len() / n_classes.max(1);
                if ok && (index as u64) < ROW_FLAG {
                    rows.extend_from_slice(&row);
                    start = ROW_FLAG | index as u64;
                }
            }
            if !dense_mode {
                let mut i = slot_of(*id, bits);
                while slots[i] != 0 {
                    i = (i + 1) & mask;
                }
                slots[i] = ((*id as u64) << 32) | start;
            }
        }
        let mut dense = Vec::new();
        if n_classes <= 3 {
            dense = vec![[0u32; 3]; 1 << bits];
            let mut at = 0usize;
            for (id, &count) in ids.iter().zip(&counts) {
                let mut w = [0i16; 3];
                for k in at..at + count as usize {
                    if let (Some(&c), Some(&v)) = (classes.get(k), values.get(k)) {
                        if let Some(x) = w.get_mut(c as usize) {
                            *x = v;
                        }
                    }
                }
                at += count as usize;
                let mut i = slot_of(*id, bits);
                while dense[i][0] != 0 {
                    i = (i + 1) & mask;
                }
                dense[i] = [
                    *id,
                    (w[0] as u16 as u32) | ((w[1] as u16 as u32) << 16),
                    w[2] as u16 as u32,
                ];
            }
        }
        Weights {
            n_classes,
            scale,
            slots,
            bits,
            cells,
            dense,
            rows,
            ids,
            counts,
            n_cells: classes.len(),
        }
    }

    #[inline(always)]
    fn score_dense(&self, feats: &[u64], scores: &mut [i32]) {
        let mask = self.dense.len() - 1;
        let mut acc = [0i32; 3];
        // One batch holds all of a state's features (the tagger has 41),
        // so all their misses overlap instead of two rounds of them.
        const B: usize = 64;
        let mut ids = [0u32; B];
        let mut found = [[0u32; 3]; B];
        for chunk in feats.chunks(B) {
            for (k, f) in chunk.iter().enumerate() {
                let id = fingerprint(*f);
                ids[k] = id;
                found[k] = self.dense[slot_of(id, self.bits)];
            }
            for k in 0..chunk.len() {
                let id = ids[k];
                let mut s = found[k];
                if s[0] != id {
                    if s[0] == 0 {
                        continue;
                    }
                    let mut i = (slot_of(id, self.bits) + 1) & mask;
                    loop {
                        s = self.dense[i];
                        if s[0] == 0 || s[0] == id {
                            break;
                        }
                        i = (i + 1) & mask;
                    }
                    if s[0] == 0 {
                        continue;
                    }
                }
                acc[0] += s[1] as u16 as i16 as i32;
                acc[1] += (s[1] >> 16) as u16 as i16 as i32;
                acc[2] += s[2] as u16 as i16 as i32;
            }
        }
        for (o, a) in scores.iter_mut().zip(acc) {
            *o = a;
        }
    }

    /// The same weights without the cells whose magnitude is below
    /// `threshold` (quantised units).
    pub fn pruned(&self, threshold: i32) -> Weights {
        let mut ids = Vec::new();
        let mut counts = Vec::new();
        let mut classes = Vec::new();
        let mut values = Vec::new();
        let mut at = 0usize;
        for &id in &self.ids {
            let Some(&n) = self.cells.get(at) else { break };
            let before = classes.len();
            for &c in self.cells.get(at + 1..at + 1 + n as usize).unwrap_or(&[]) {
                let v = c as u16 as i16;
                if (v as i32).abs() >= threshold {
                    classes.push((c >> 16) as u8);
                    values.push(v);
                }
            }
            if classes.len() > before {
                ids.push(id);
                counts.push((classes.len() - before) as u8);
            }
            at += 1 + n as usize;
        }
        Weights::build(self.n_classes, self.scale, ids, counts, classes, values)
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features and of (feature, class) cells.
    pub fn sizes(&self) -> (usize, usize) {
        (self.ids.len(), self.n_cells)
    }

    /// [`Weights::score`] for the tagger (a separate symbol for profiles).
    #[inline(never)]
    pub fn score_tagger(&self, feats: &[u64], scores: &mut [i32]) {
        self.score_with::<16>(feats, scores)
    }

    /// [`Weights::score_rows`] for the tagger (a separate symbol for
    /// profiles).
    #[inline(never)]
    pub fn score_tagger_rows(&self, feats: &[u64], per: usize, out: &mut [i32]) {
        self.score_rows_with::<64>(feats, per, out)
    }

    /// [`Weights::score`] for the transitions.
    #[inline(never)]
    pub fn score_transitions(&self, feats: &[u64], scores: &mut [i32]) {
        self.score_with::<128>(feats, scores)
    }

    /// [`Weights::score`] for the labeller.
    #[inline(never)]
    pub fn score_labeller(&self, feats: &[u64], scores: &mut [i32]) {
        self.score_with::<40>(feats, scores)
    }

    /// Scores of every class for `feats` (in stored units) into `scores`.
    #[inline(always)]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        self.score_with::<64>(feats, scores)
    }

    #[inline(always)]
    fn score_with<const B: usize>(&self, feats: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        if !self.dense.is_empty() {
            return self.score_dense(feats, scores);
        }
        self.score_sparse::<B>(feats, feats.len().max(1), scores);
    }

    /// Scores of every class for consecutive rows of `per` features each
    /// (the last row may be shorter): row `r`'s scores go to
    /// `out[r * n_classes..][..n_classes]`, which must be zeroed. All the
    /// rows' look-ups are batched together, so their misses overlap.
    pub fn score_rows(&self, feats: &[u64], per: usize, out: &mut [i32]) {
        self.score_rows_with::<64>(feats, per, out)
    }

    #[inline(always)]
    fn score_rows_with<const B: usize>(&self, feats: &[u64], per: usize, out: &mut [i32]) {
        if !self.dense.is_empty() {
            for (row, o) in feats
                .chunks(per.max(1))
                .zip(out.chunks_mut(self.n_classes.max(1)))
            {
                let mut sc = [0i32; 3];
                self.score_dense(row, &mut sc);
                for (x, v) in o.iter_mut().zip(sc) {
                    *x += v;
                }
            }
            return;
        }
        self.score_sparse::<B>(feats, per.max(1), out);
    }

    /// The sparse table's look-ups, in batches of `B` features (the
    /// callers take different batches, which also keeps their bodies
    /// distinct symbols for profiles); feature `j` adds to row `j / per`
    /// of `out`.
    #[inline(always)]
    fn score_sparse<const B: usize>(&self, feats: &[u64], per: usize, out: &mut [i32]) {
        if self.slots.is_empty() {
            return;
        }
        let nc = self.n_classes;
        let mask = self.slots.len() - 1;
        let mut ids = [0u32; B];
        let mut found = [0u64; B];
        for (c, chunk) in feats.chunks(B).enumerate() {
            // Independent loads first, so their misses overlap.
            for (k, f) in chunk.iter().enumerate() {
                let id = fingerprint(*f);
                ids[k] = id;
                found[k] = self.slots[slot_of(id, self.bits)];
            }
            for k in 0..chunk.len() {
                let id = ids[k];
                let mut s = found[k];
                if s != 0 && (s >> 32) as u32 != id {
                    let mut i = (slot_of(id, self.bits) + 1) & mask;
                    loop {
                        s = self.slots[i];
                        if s == 0 || (s >> 32) as u32 == id {
                            break;
                        }
                        i = (i + 1) & mask;
                    }
                }
                found[k] = if s == 0 { u64::MAX } else { s & 0xffff_ffff };
            }
            // Cell counts, again as independent loads.
            let mut counts = [0u32; B];
            for (k, &start) in found[..chunk.len()].iter().enumerate() {
                if start != u64::MAX && start & ROW_FLAG == 0 {
                    counts[k] = self.cells.get(start as usize).copied().unwrap_or(0);
                }
            }
            // the row of the chunk's first feature, then counted along (no
            // division per feature)
            let (mut row, mut at) = ((c * B) / per, (c * B) % per);
            for (k, &start) in found[..chunk.len()].iter().enumerate() {
                let base = row * nc;
                at += 1;
                if at == per {
                    at = 0;
                    row += 1;
                }
                if start == u64::MAX {
                    continue;
                }
                let end = (base + nc).min(out.len());
                let Some(scores) = out.get_mut(base..end) else {
                    continue;
                };
                if start & ROW_FLAG != 0 {
                    let r = (start & !ROW_FLAG) as usize * nc;
                    if let Some(row) = self.rows.get(r..r + nc) {
                        for (s, &w) in scores.iter_mut().zip(row) {
                            *s += w as i32;
                        }
                    }
                    continue;
                }
                let start = start as usize;
                let count = counts[k] as usize;
                if let Some(run) = self.cells.get(start + 1..start + 1 + count) {
                    for &c in run {
                        if let Some(s) = scores.get_mut((c >> 16) as usize) {
                            *s += c as u16 as i16 as i32;
                        }
                    }
                }
            }
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u32(self.n_classes as u32);
        w.f32(self.scale);
        w.u32(self.ids.len() as u32);
        w.u32(self.n_cells as u32);
        for k in &self.ids {
            w.u32(*k);
        }
        w.bytes(&self.counts);
        // Cells in feature order: classes, then values.
        let mut classes = Vec::with_capacity(self.n_cells);
        let mut values = Vec::with_capacity(self.n_cells);
        let mut at = 0usize;
        for &count in &self.counts {
            let _ = count;
            let Some(&n) = self.cells.get(at) else { break };
            for &c in self.cells.get(at + 1..at + 1 + n as usize).unwrap_or(&[]) {
                classes.push((c >> 16) as u8);
                values.push(c as u16);
            }
            at += 1 + n as usize;
        }
        w.bytes(&classes);
        for v in values {
            w.u16(v);
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Weights, String> {
        let n_classes = r.u32()? as usize;
        let scale = r.f32()?;
        let n_keys = r.u32()? as usize;
        let n_cells = r.u32()? as usize;
        if n_classes > 256 || n_keys > r.remaining() / 5 || n_cells > r.remaining() / 3 {
            return Err("weight table sizes out of range".into());
        }
        let mut ids = Vec::with_capacity(n_keys);
        for _ in 0..n_keys {
            ids.push(r.u32()?);
        }
        let counts = r.bytes(n_keys)?.to_vec();
        if counts.iter().map(|&c| c as usize).sum::<usize>() != n_cells {
            return Err("weight cell counts do not add up".into());
        }
        let classes = r.bytes(n_cells)?.to_vec();
        if classes.iter().any(|&c| c as usize >= n_classes) {
            return Err("weight class out of range".into());
        }
        let raw = r.bytes(n_cells * 2)?;
        let values: Vec<i16> = raw
            .chunks_exact(2)
            .map(|b| i16::from_le_bytes([b[0], b[1]]))
            .collect();
        Ok(Weights::build(
            n_classes, scale, ids, counts, classes, values,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_and_round_trips() {
        let mut t = TrainWeights::new(3);
        for _ in 0..5 {
            for (f, c) in [(1u64, 0usize), (2, 1), (3, 2)] {
                let mut s = [0i64; 3];
                t.score(&[f, 99], &mut s);
                let best = (0..3).max_by_key(|&i| (s[i], -(i as i64))).unwrap_or(0);
                if best != c {
                    t.update(&[f, 99], c, 1);
                    t.update(&[f, 99], best, -1);
                }
                t.tick();
            }
        }
        let w = t.finish(0);
        let mut buf = Writer::default();
        w.write(&mut buf);
        let bytes = buf.into_inner();
        let w2 = Weights::read(&mut Reader::new(&bytes)).unwrap();
        for (f, c) in [(1u64, 0usize), (2, 1), (3, 2)] {
            let mut s = [0i32; 3];
            w2.score(&[f, 99], &mut s);
            let best = (0..3).max_by_key(|&i| s[i]).unwrap();
            assert_eq!(best, c);
        }
    }

    /// The scores straight from the saved form (fingerprint → cells), for
    /// checking the bucketed table.
    fn reference(w: &Weights, feats: &[u64], n: usize) -> Vec<i32> {
        let mut map: std::collections::HashMap<u32, Vec<(u8, i16)>> = Default::default();
        let mut at = 0usize;
        for &id in &w.ids {
            let count = w.cells[at] as usize;
            let run = &w.cells[at + 1..at + 1 + count];
            map.entry(id)
                .or_default()
                .extend(run.iter().map(|&c| ((c >> 16) as u8, c as u16 as i16)));
            at += 1 + count;
        }
        let mut out = vec![0i32; n];
        for f in feats {
            for &(c, v) in map.get(&fingerprint(*f)).map_or(&[][..], |x| &x[..]) {
                out[c as usize] += v as i32;
            }
        }
        out
    }

    fn random_weights(n_classes: usize, n_feats: u64) -> Weights {
        let mut t = TrainWeights::new(n_classes);
        let mut x = 12345u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for f in 0..n_feats {
            let key = crate::feat::f1(7, f);
            // every tenth feature with weights for many classes (a row)
            let updates = if f % 10 == 0 {
                4 * n_classes as u64
            } else {
                1 + next() % 3
            };
            for _ in 0..updates {
                let class = (next() % n_classes as u64) as usize;
                let delta = (next() % 7) as i32 - 3;
                t.update(&[key], class, if delta == 0 { 1 } else { delta });
                t.tick();
            }
        }
        t.finish(0)
    }

    #[test]
    fn tables_score_as_the_saved_form() {
        for n_classes in [3usize, 17, 51] {
            let w = random_weights(n_classes, 5000);
            if n_classes > 3 {
                assert!(!w.rows.is_empty(), "some features have full rows");
            }
            // known features, unknown ones, repeats, more than a batch
            let feats: Vec<u64> = (0..300u64)
                .map(|k| crate::feat::f1(7, (k * 37) % 7000))
                .collect();
            for len in [0usize, 1, 5, 41, 64, 65, 130, 300] {
                let mut got = vec![0i32; n_classes];
                w.score(&feats[..len], &mut got);
                assert_eq!(
                    got,
                    reference(&w, &feats[..len], n_classes),
                    "{n_classes} {len}"
                );
                let mut other = vec![0i32; n_classes];
                w.score_tagger(&feats[..len], &mut other);
                assert_eq!(got, other);
                w.score_labeller(&feats[..len], &mut other);
                assert_eq!(got, other);
                w.score_transitions(&feats[..len], &mut other);
                assert_eq!(got, other);
            }
            // rows: each row's scores as if scored alone
            for per in [1usize, 7, 34, 64, 100] {
                let rows = feats.len().div_ceil(per);
                let mut out = vec![0i32; rows * n_classes];
                w.score_rows(&feats, per, &mut out);
                for (r, row) in feats.chunks(per).enumerate() {
                    assert_eq!(
                        &out[r * n_classes..(r + 1) * n_classes],
                        &reference(&w, row, n_classes)[..],
                        "{n_classes} per {per} row {r}"
                    );
                }
            }
        }
    }
}
