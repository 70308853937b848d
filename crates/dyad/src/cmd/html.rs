//! `dyad eval html` and `dyad bench html`: article-extraction quality and speed.

use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `dyad eval html`.
#[derive(clap::Args)]
pub struct EvalHtmlArgs {
    /// Directory holding `pages/<id>.html.gz`.
    pub dir: PathBuf,
    /// Truth file: JSON object id → {"articleBody", "url"}.
    pub truth: PathBuf,
    /// Print one JSON object instead of a report.
    #[arg(long)]
    pub json: bool,
    /// How many of the worst pages to list.
    #[arg(long, default_value_t = 10)]
    pub worst: usize,
}

/// Arguments of `dyad bench html`.
#[derive(clap::Args)]
pub struct BenchHtmlArgs {
    /// Directory holding `pages/*.html[.gz]` (or the pages themselves).
    pub dir: PathBuf,
    /// Passes over the pages.
    #[arg(long, default_value_t = 3)]
    pub rounds: usize,
    /// Print one JSON object instead of a report.
    #[arg(long)]
    pub json: bool,
}

/// Runs `dyad eval html`.
pub fn eval(args: EvalHtmlArgs) -> anyhow::Result<ExitCode> {
    let report = dyad_web::bench::run_benchmark(&args.dir, &args.truth)
        .with_context(|| format!("evaluating {}", args.dir.display()))?;
    let s = report.summary;
    if args.json {
        let v = serde_json::json!({
            "pages": report.pages.len(),
            "precision": s.precision,
            "recall": s.recall,
            "f1": s.f1,
            "pages_per_sec": report.pages_per_sec(),
        });
        println!("{v}");
        return Ok(ExitCode::SUCCESS);
    }
    use std::fmt::Write as _;
    let mut out = String::new();
    writeln!(out, "pages      {}", report.pages.len())?;
    writeln!(out, "F1         {:.4}", s.f1)?;
    writeln!(out, "precision  {:.4}", s.precision)?;
    writeln!(out, "recall     {:.4}", s.recall)?;
    writeln!(
        out,
        "speed      {:.0} pages/s per core (per CPU second of one thread; {:.0} per wall second)",
        report.pages_per_sec(),
        report.pages_per_wall_sec()
    )?;
    let mut worst: Vec<_> = report.pages.iter().collect();
    worst.sort_by(|a, b| a.score.f1().total_cmp(&b.score.f1()));
    writeln!(out, "\nworst pages (F1, precision, recall, id, url):")?;
    for p in worst.iter().take(args.worst) {
        let fmt = |x: Option<f64>| x.map_or("  -  ".to_string(), |v| format!("{v:.3}"));
        writeln!(
            out,
            "  {:.3}  {}  {}  {}  {}{}",
            p.score.f1(),
            fmt(p.score.precision()),
            fmt(p.score.recall()),
            p.id.get(..12).unwrap_or(&p.id),
            p.url,
            p.notes
                .first()
                .map(|n| format!("  [{n}]"))
                .unwrap_or_default()
        )?;
    }
    print_all(&out);
    Ok(ExitCode::SUCCESS)
}

/// Runs `dyad bench html`.
pub fn bench(args: BenchHtmlArgs) -> anyhow::Result<ExitCode> {
    let dir = if args.dir.join("pages").is_dir() {
        args.dir.join("pages")
    } else {
        args.dir.clone()
    };
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        let name = path.to_string_lossy();
        if name.ends_with(".html") || name.ends_with(".html.gz") || name.ends_with(".htm") {
            pages.push(dyad_web::read_maybe_gzip(
                &path,
                dyad_web::Limits::default().max_bytes,
            )?);
        }
    }
    anyhow::ensure!(
        !pages.is_empty(),
        "no .html or .html.gz pages in {}",
        dir.display()
    );
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let (mut done, mut failed) = (0usize, 0usize);
    let t = Instant::now();
    let cpu0 = dyad_web::bench::thread_cpu_seconds();
    for _ in 0..args.rounds.max(1) {
        for p in &pages {
            match dyad_web::extract_bytes(p, None, None) {
                Ok(_) => done += 1,
                Err(_) => failed += 1,
            }
        }
    }
    let wall = t.elapsed().as_secs_f64().max(1e-9);
    // Per core = per CPU second of this thread (wall time counts other processes' turns).
    let secs = cpu0
        .zip(dyad_web::bench::thread_cpu_seconds())
        .map(|(a, b)| b - a)
        .filter(|s| *s > 0.0)
        .unwrap_or(wall);
    let n = (done + failed) as f64;
    let pps = n / secs;
    let mbps = bytes as f64 * args.rounds.max(1) as f64 / secs / 1e6;
    if args.json {
        println!(
            "{}",
            serde_json::json!({"pages": pages.len(), "rounds": args.rounds, "pages_per_sec": pps,
                "pages_per_wall_sec": n / wall, "mb_per_sec": mbps, "failed": failed})
        );
    } else {
        println!(
            "{} pages × {} rounds, one thread: {pps:.0} pages/s per core, {mbps:.1} MB/s of HTML \
             ({:.0} pages per wall second; {failed} refused)",
            pages.len(),
            args.rounds,
            n / wall
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Print a finished report; a closed pipe (`| head`) is not an error.
fn print_all(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
