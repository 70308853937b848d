//! The numeric pieces of the BiLSTM parser: vector kernels written so that
//! the compiler vectorises them, trainable parameters with Adam, and an LSTM
//! layer with its forward pass and backpropagation through time.
//!
//! Everything is `f32`, single-threaded and summed in a fixed order, so a
//! training run is deterministic.

use crate::rng::Rng;

/// Dot product with eight independent accumulators (so the loop
/// vectorises despite floating-point addition not being associative); the
/// accumulators are summed in a fixed order.
#[inline]
pub(crate) fn dot(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let ca = a.chunks_exact(8);
    let cb = b.chunks_exact(8);
    let (ra, rb) = (ca.remainder(), cb.remainder());
    // Two four-lane accumulators, summed lane by lane at the end: the
    // layout of two SSE registers, so the loop needs no shuffles.
    let mut lo = [0f32; 4];
    let mut hi = [0f32; 4];
    for (x, y) in ca.zip(cb) {
        for k in 0..4 {
            lo[k] += x[k] * y[k];
            hi[k] += x[k + 4] * y[k + 4];
        }
    }
    let mut s = ((lo[0] + hi[0]) + (lo[2] + hi[2])) + ((lo[1] + hi[1]) + (lo[3] + hi[3]));
    for (x, y) in ra.iter().zip(rb) {
        s += x * y;
    }
    s
}

/// `y += a * x`.
#[inline]
pub(crate) fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += a * *x;
    }
}

/// `out[r] = bias[r] + W[r] · x` for a row-major `W` of `out.len()` rows
/// and `x.len()` columns.
#[inline]
pub(crate) fn matvec(w: &[f32], bias: &[f32], x: &[f32], out: &mut [f32]) {
    let cols = x.len();
    for (r, o) in out.iter_mut().enumerate() {
        *o = bias.get(r).copied().unwrap_or(0.0) + dot(&w[r * cols..(r + 1) * cols], x);
    }
}

/// Backward of [`matvec`]: `dW += dout ⊗ x`, `dx += Wᵀ dout` (when given).
#[inline]
pub(crate) fn matvec_back(
    w: &[f32],
    dw: &mut [f32],
    x: &[f32],
    dout: &[f32],
    mut dx: Option<&mut [f32]>,
) {
    let cols = x.len();
    for (r, &d) in dout.iter().enumerate() {
        if d == 0.0 {
            continue;
        }
        axpy(&mut dw[r * cols..(r + 1) * cols], d, x);
        if let Some(dx) = dx.as_deref_mut() {
            axpy(dx, d, &w[r * cols..(r + 1) * cols]);
        }
    }
}

#[inline]
pub(crate) fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// A trainable tensor (flat), its gradient and Adam's moment estimates.
#[derive(Debug, Clone, Default)]
pub(crate) struct Param {
    pub w: Vec<f32>,
    pub g: Vec<f32>,
    m: Vec<f32>,
    v: Vec<f32>,
}

/// Adam's settings (Kingma & Ba 2015) and step count.
#[derive(Debug, Clone)]
pub(crate) struct Adam {
    pub lr: f32,
    pub b1: f32,
    pub b2: f32,
    pub eps: f32,
    pub t: i32,
}

impl Adam {
    pub fn new(lr: f32) -> Adam {
        Adam {
            lr,
            b1: 0.9,
            b2: 0.999,
            eps: 1e-8,
            t: 0,
        }
    }

    /// The bias-corrected step size of the current step.
    fn step_size(&self) -> f32 {
        let t = self.t.max(1);
        self.lr * (1.0 - self.b2.powi(t)).sqrt() / (1.0 - self.b1.powi(t))
    }
}

impl Param {
    /// `n` values uniform in `[-scale, scale)`.
    pub fn uniform(n: usize, scale: f32, rng: &mut Rng) -> Param {
        let w = (0..n)
            .map(|_| ((rng.unit() * 2.0 - 1.0) as f32) * scale)
            .collect();
        Param::from_values(w)
    }

    /// `n` zeros.
    pub fn zeros(n: usize) -> Param {
        Param::from_values(vec![0.0; n])
    }

    /// Fixed values (a loaded model).
    pub fn from_values(w: Vec<f32>) -> Param {
        Param {
            w,
            g: Vec::new(),
            m: Vec::new(),
            v: Vec::new(),
        }
    }

    /// Allocates the gradient and moments (training only).
    pub fn for_training(&mut self) {
        let n = self.w.len();
        self.g = vec![0.0; n];
        self.m = vec![0.0; n];
        self.v = vec![0.0; n];
    }

    fn update_range(&mut self, lo: usize, hi: usize, adam: &Adam, step: f32) {
        let (b1, b2, eps) = (adam.b1, adam.b2, adam.eps);
        let w = &mut self.w[lo..hi];
        let g = &mut self.g[lo..hi];
        let m = &mut self.m[lo..hi];
        let v = &mut self.v[lo..hi];
        for k in 0..w.len() {
            let gk = g[k];
            m[k] = b1 * m[k] + (1.0 - b1) * gk;
            v[k] = b2 * v[k] + (1.0 - b2) * gk * gk;
            w[k] -= step * m[k] / (v[k].sqrt() + eps);
            g[k] = 0.0;
        }
    }

    /// One Adam step over every value; clears the gradient.
    pub fn adam(&mut self, adam: &Adam) {
        let step = adam.step_size();
        let n = self.w.len().min(self.g.len());
        self.update_range(0, n, adam, step);
    }

    /// One Adam step over the rows of `dim` values listed in `rows` (sorted,
    /// distinct): the lazy sparse update of an embedding table.
    pub fn adam_rows(&mut self, rows: &[u32], dim: usize, adam: &Adam) {
        let step = adam.step_size();
        for &r in rows {
            let lo = r as usize * dim;
            let hi = lo + dim;
            if hi <= self.g.len() {
                self.update_range(lo, hi, adam, step);
            }
        }
    }
}

/// One LSTM layer (Hochreiter & Schmidhuber 1997, with a forget gate):
/// gates `i, f, g, o` stacked in one `4h × (nin + h)` matrix applied to the
/// input and the previous output.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lstm {
    pub nin: usize,
    pub nh: usize,
    /// `4h` rows of `nin + h` weights.
    pub w: Param,
    /// `4h` biases (the forget gate's start at 1).
    pub b: Param,
}

/// What the forward pass keeps for backpropagation: per time step the
/// concatenated input and previous output, the gate activations, the cell
/// and the output.
#[derive(Debug, Clone, Default)]
pub(crate) struct LstmCache {
    pub xh: Vec<f32>,
    pub gates: Vec<f32>,
    pub c: Vec<f32>,
    pub h: Vec<f32>,
    z: Vec<f32>,
    dh_next: Vec<f32>,
    dc_next: Vec<f32>,
    dz: Vec<f32>,
    dxh: Vec<f32>,
}

impl Lstm {
    pub fn new(nin: usize, nh: usize, rng: &mut Rng) -> Lstm {
        let cols = nin + nh;
        let scale = (6.0 / (cols + nh) as f32).sqrt();
        let w = Param::uniform(4 * nh * cols, scale, rng);
        let mut b = Param::zeros(4 * nh);
        for v in &mut b.w[nh..2 * nh] {
            *v = 1.0;
        }
        Lstm { nin, nh, w, b }
    }

    /// Runs the layer over `n` inputs (`x`: `n × nin`, by position), in
    /// position order or reversed. Step `t` of the cache is position `t`
    /// (forward) or `n - 1 - t` (reversed).
    pub fn forward(&self, x: &[f32], n: usize, reversed: bool, cache: &mut LstmCache) {
        let (nin, nh) = (self.nin, self.nh);
        let cols = nin + nh;
        cache.xh.clear();
        cache.xh.resize(n * cols, 0.0);
        cache.gates.clear();
        cache.gates.resize(n * 4 * nh, 0.0);
        cache.c.clear();
        cache.c.resize(n * nh, 0.0);
        cache.h.clear();
        cache.h.resize(n * nh, 0.0);
        cache.z.clear();
        cache.z.resize(4 * nh, 0.0);
        for t in 0..n {
            let pos = if reversed { n - 1 - t } else { t };
            let xh = &mut cache.xh[t * cols..(t + 1) * cols];
            xh[..nin].copy_from_slice(&x[pos * nin..(pos + 1) * nin]);
            if t > 0 {
                xh[nin..].copy_from_slice(&cache.h[(t - 1) * nh..t * nh]);
            }
            matvec(
                &self.w.w,
                &self.b.w,
                &cache.xh[t * cols..(t + 1) * cols],
                &mut cache.z,
            );
            let gates = &mut cache.gates[t * 4 * nh..(t + 1) * 4 * nh];
            for k in 0..nh {
                gates[k] = sigmoid(cache.z[k]);
                gates[nh + k] = sigmoid(cache.z[nh + k]);
                gates[2 * nh + k] = cache.z[2 * nh + k].tanh();
                gates[3 * nh + k] = sigmoid(cache.z[3 * nh + k]);
            }
            for k in 0..nh {
                let c_prev = if t > 0 {
                    cache.c[(t - 1) * nh + k]
                } else {
                    0.0
                };
                let c = gates[nh + k] * c_prev + gates[k] * gates[2 * nh + k];
                cache.c[t * nh + k] = c;
                cache.h[t * nh + k] = gates[3 * nh + k] * c.tanh();
            }
        }
    }

    /// The output at position `pos` of a sentence of `n` words.
    #[inline]
    pub fn output<'a>(
        &self,
        cache: &'a LstmCache,
        n: usize,
        pos: usize,
        reversed: bool,
    ) -> &'a [f32] {
        let t = if reversed { n - 1 - pos } else { pos };
        &cache.h[t * self.nh..(t + 1) * self.nh]
    }

    /// Backpropagation through time. The loss gradient of the output at
    /// position `pos` is `dh_all[pos * stride + off..][..nh]`; the weight gradients are
    /// added to `self.w.g`/`self.b.g` and the input gradients to `dx`
    /// (`n × nin`, by position; its length gives `n`).
    pub fn backward(
        &mut self,
        reversed: bool,
        cache: &mut LstmCache,
        dh_all: &[f32],
        stride: usize,
        off: usize,
        dx: &mut [f32],
    ) {
        let (nin, nh) = (self.nin, self.nh);
        let cols = nin + nh;
        let n = dx.len() / nin.max(1);
        let LstmCache {
            xh,
            gates,
            c,
            dh_next,
            dc_next,
            dz,
            dxh,
            ..
        } = cache;
        dh_next.clear();
        dh_next.resize(nh, 0.0);
        dc_next.clear();
        dc_next.resize(nh, 0.0);
        dz.clear();
        dz.resize(4 * nh, 0.0);
        dxh.clear();
        dxh.resize(cols, 0.0);
        for t in (0..n).rev() {
            let pos = if reversed { n - 1 - t } else { t };
            let off = pos * stride + off;
            let g = &gates[t * 4 * nh..(t + 1) * 4 * nh];
            for k in 0..nh {
                let dh = dh_all[off + k] + dh_next[k];
                let ct = c[t * nh + k];
                let tc = ct.tanh();
                let (ig, fg, gg, og) = (g[k], g[nh + k], g[2 * nh + k], g[3 * nh + k]);
                let c_prev = if t > 0 { c[(t - 1) * nh + k] } else { 0.0 };
                let d_o = dh * tc;
                let dc = dh * og * (1.0 - tc * tc) + dc_next[k];
                let d_i = dc * gg;
                let d_g = dc * ig;
                let d_f = dc * c_prev;
                dc_next[k] = dc * fg;
                dz[k] = d_i * ig * (1.0 - ig);
                dz[nh + k] = d_f * fg * (1.0 - fg);
                dz[2 * nh + k] = d_g * (1.0 - gg * gg);
                dz[3 * nh + k] = d_o * og * (1.0 - og);
            }
            for v in dxh.iter_mut() {
                *v = 0.0;
            }
            matvec_back(
                &self.w.w,
                &mut self.w.g,
                &xh[t * cols..(t + 1) * cols],
                dz,
                Some(dxh),
            );
            for (b, d) in self.b.g.iter_mut().zip(dz.iter()) {
                *b += d;
            }
            for (a, d) in dx[pos * nin..(pos + 1) * nin].iter_mut().zip(&dxh[..nin]) {
                *a += d;
            }
            dh_next.copy_from_slice(&dxh[nin..]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_matches_naive_sum() {
        let a: Vec<f32> = (0..19).map(|i| i as f32 * 0.5).collect();
        let b: Vec<f32> = (0..19).map(|i| 1.0 - i as f32 * 0.1).collect();
        let naive: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        assert!((dot(&a, &b) - naive).abs() < 1e-3);
    }
}
