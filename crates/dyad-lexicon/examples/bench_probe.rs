//! Times lexicon loading and recognition on a JSONL corpus, one thread
//! (developer probe; the user-facing benchmark is `dyad bench actors`):
//! `cargo run --release -p dyad-lexicon --example bench_probe -- CORPUS.jsonl`.

use std::time::Instant;

use dyad_lexicon::Lexicon;

/// CPU seconds of this process (Linux), for figures on a busy machine.
fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |x| x.1);
    let f: Vec<f64> = after
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    (f.get(10).copied().unwrap_or(0.0) + f.get(11).copied().unwrap_or(0.0)) / 100.0
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let t0 = Instant::now();
    let c0 = cpu();
    let lex = match Lexicon::builtin() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let load = t0.elapsed();
    let load_cpu = cpu() - c0;
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let pipeline = dyad_text::TextPipeline::new();
    let docs: Vec<_> = text
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            let body = v.get("text")?.as_str()?;
            Some(pipeline.analyze(dyad_text::document_from_text("c", body, None)))
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.doc.text.len()).sum();
    let t1 = Instant::now();
    let c1 = cpu();
    let mut n = 0;
    let reps: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    for _ in 0..reps {
        for d in &docs {
            n += lex.recognize(d).len();
        }
    }
    let secs = t1.elapsed().as_secs_f64();
    let cpu_secs = (cpu() - c1).max(0.01);
    println!(
        "CPU: load {load_cpu:.3}s, recognize {cpu_secs:.3}s = {:.1} MB per CPU-second",
        (reps * bytes) as f64 / 1e6 / cpu_secs
    );
    println!(
        "load {:?}; {} docs, {} bytes x{reps} in {:.3}s = {:.1} MB/s; {} mentions",
        load,
        docs.len(),
        bytes,
        secs,
        (reps * bytes) as f64 / 1e6 / secs,
        n / reps
    );
}
