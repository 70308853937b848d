//! `dyad serve` and `dyad bench serve`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};

use anyhow::{bail, Context};
use dyad_coder::{Engine, EngineConfig};
use dyad_store::{EventFilter, Store};

/// Arguments of `dyad serve`.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// Database file.
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
    /// Listen address. Binds loopback by default; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Accept POST /api/documents (store and code). Read-only otherwise.
    #[arg(long)]
    pub allow_ingest: bool,
    /// Extra knowledge directory for live coding; repeatable.
    #[arg(long)]
    pub lexicon: Vec<PathBuf>,
}

/// Runs `dyad serve`.
pub fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    if !args.addr.ip().is_loopback() {
        eprintln!(
            "warning: listening on {}, which is reachable from other machines; dyad has no authentication",
            args.addr
        );
    }
    let engine = Engine::new(EngineConfig {
        lexicon_dirs: args.lexicon.clone(),
        ..Default::default()
    })
    .context("loading the event coder")?;
    for w in engine.warnings() {
        eprintln!("warning: {w}");
    }
    dyad_server::serve(
        dyad_server::ServerConfig {
            db: args.db,
            addr: args.addr,
            allow_ingest: args.allow_ingest,
        },
        engine,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `dyad bench serve`.
#[derive(clap::Args)]
pub struct BenchServeArgs {
    /// Database to serve (build one with `dyad ingest` or `dyad bench ingest`).
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
    /// Total requests.
    #[arg(long, default_value_t = 10_000)]
    pub requests: usize,
    /// Concurrent keep-alive clients.
    #[arg(long, default_value_t = 16)]
    pub concurrency: usize,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Runs `dyad bench serve`: starts a real `dyad serve` child on a free
/// loopback port, sends a bounded mix of API requests, reports latencies.
pub fn bench_serve(args: BenchServeArgs) -> anyhow::Result<ExitCode> {
    let store =
        Store::open_existing(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let dyads = store
        .dyads(&EventFilter {
            merged: true,
            limit: Some(20),
            ..EventFilter::default()
        })
        .context("listing dyads")?;
    let sample = store
        .events(&EventFilter {
            merged: true,
            limit: Some(50),
            ..EventFilter::default()
        })
        .context("listing events")?;
    let events = store.event_count()?;
    drop(store);
    if dyads.is_empty() {
        bail!(
            "{} holds no dyads to query; ingest some articles first",
            args.db.display()
        );
    }
    let mut targets = Vec::new();
    for (i, d) in dyads.iter().enumerate() {
        let by = ["month", "week", "day"][i % 3];
        targets.push(format!(
            "/api/timeline?a={}&b={}&by={by}",
            d.source, d.target
        ));
        targets.push(format!(
            "/api/events?dyad={}:{}&limit=50",
            d.source, d.target
        ));
        targets.push(format!("/api/events?source={}&limit=20", d.source));
    }
    targets.push("/api/dyads?limit=20".into());
    targets.push("/api/health".into());
    targets.push("/api/places?limit=500".into());
    targets.push("/api/actors?q=R".into());
    for e in sample.iter().take(10) {
        targets.push(format!("/api/events/{}", e.id));
    }

    let exe = std::env::current_exe().context("locating the dyad binary")?;
    let mut child = Command::new(exe)
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(&args.db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("starting dyad serve")?;
    let addr = read_address(&mut child);
    let report = addr
        .map(|addr| dyad_server::loadtest::run(addr, &targets, args.requests, args.concurrency));
    let _ = child.kill();
    let _ = child.wait();
    let report = report?;
    if args.json {
        let mut v = serde_json::to_value(&report)?;
        v["events_in_db"] = events.into();
        println!("{v}");
    } else {
        println!(
            "{} requests, {} errors, {} clients, {:.1} s, {:.0} req/s (database: {} events)",
            report.requests,
            report.errors,
            report.concurrency,
            report.seconds,
            report.requests_per_sec,
            events
        );
        for (path, s) in &report.paths {
            println!(
                "  {path:<22} n={:<6} errors={:<3} p50={:>7.2} ms  p99={:>7.2} ms  max={:>7.2} ms",
                s.requests, s.errors, s.p50_ms, s.p99_ms, s.max_ms
            );
        }
    }
    Ok(if report.errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn read_address(child: &mut std::process::Child) -> anyhow::Result<SocketAddr> {
    use std::io::BufRead;
    let stdout = child.stdout.take().context("no stdout from dyad serve")?;
    let mut line = String::new();
    std::io::BufReader::new(stdout).read_line(&mut line)?;
    let addr = line
        .trim()
        .strip_prefix("listening on http://")
        .with_context(|| format!("unexpected first line from dyad serve: {line:?}"))?;
    Ok(addr.parse()?)
}
