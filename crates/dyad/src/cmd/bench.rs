//! Shared plumbing of the `dyad bench <stage>` commands: loading a corpus
//! untimed, building the rayon pool, and reading process memory.

use std::path::Path;

use anyhow::Context;
use dyad_text::{RawBody, RawDocument, ReadOptions};

/// Reads every document of `corpus` (bad ones are reported and skipped);
/// fails when none is left.
pub fn read_corpus(corpus: &Path, opts: &ReadOptions) -> anyhow::Result<Vec<RawDocument>> {
    let mut raws = Vec::new();
    for item in dyad_text::read_raw_inputs(&[corpus.to_path_buf()], opts) {
        match item {
            Ok(raw) => raws.push(raw),
            Err(err) => eprintln!("warning: skipped: {err}"),
        }
    }
    anyhow::ensure!(
        !raws.is_empty(),
        "{}: no documents to benchmark",
        corpus.display()
    );
    Ok(raws)
}

/// Input bytes of the raw documents.
pub fn raw_bytes(raws: &[RawDocument]) -> usize {
    raws.iter()
        .map(|r| match &r.body {
            RawBody::Text(t) | RawBody::Html(t) => t.len(),
        })
        .sum()
}

/// A rayon pool of `threads` threads (all cores when `None`).
pub fn pool(threads: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        builder = builder.num_threads(n.max(1));
    }
    builder.build().context("building the thread pool")
}

/// A memory field of `/proc/self/status` ("VmRSS", "VmHWM") in MB; 0 when
/// unknown (non-Linux).
pub fn status_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| {
                    l.strip_prefix(field)
                        .is_some_and(|rest| rest.starts_with(':'))
                })
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// CPU seconds (user + system, all threads) this process has used so far
/// (Linux); `None` elsewhere. On a shared machine this is the honest
/// per-core figure: other jobs stretch wall time, not CPU time.
///
/// Read in nanoseconds from each thread's scheduler statistics where the
/// kernel has them: `/proc/self/stat` counts in 10 ms ticks, too coarse for
/// one pass of a corpus (≈ 0.1 s), whose ratios `--place-share` compares.
pub fn process_cpu_seconds() -> Option<f64> {
    threads_cpu_seconds().or_else(ticks_cpu_seconds)
}

/// The sum over the live threads of `/proc/self/task/*/schedstat`'s first
/// field (time on a CPU, ns).
fn threads_cpu_seconds() -> Option<f64> {
    let mut ns: u64 = 0;
    for entry in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(entry.ok()?.path().join("schedstat")).ok()?;
        ns += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    (ns > 0).then(|| ns as f64 / 1e9)
}

/// `/proc/self/stat`'s user and system time, in clock ticks.
fn ticks_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    // Clock ticks: 100 per second on every Linux configuration we target.
    Some((utime + stime) / 100.0)
}
