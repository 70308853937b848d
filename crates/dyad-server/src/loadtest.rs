//! A bounded loopback load generator for `dyad bench serve`: N requests from
//! C concurrent keep-alive HTTP/1.1 clients against a running dyad server,
//! with per-path latency percentiles. It only talks to the address it is
//! given, which the CLI restricts to loopback.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;

/// Latency summary of one request path.
#[derive(Debug, Clone, Serialize)]
pub struct PathStats {
    /// Requests sent.
    pub requests: usize,
    /// Requests that failed (I/O error or non-2xx status).
    pub errors: usize,
    /// Median latency in milliseconds.
    pub p50_ms: f64,
    /// 99th percentile latency in milliseconds.
    pub p99_ms: f64,
    /// Worst latency in milliseconds.
    pub max_ms: f64,
}

/// Result of a load run.
#[derive(Debug, Clone, Serialize)]
pub struct LoadReport {
    /// Total requests sent.
    pub requests: usize,
    /// Total failures.
    pub errors: usize,
    /// Concurrent clients.
    pub concurrency: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Requests per second.
    pub requests_per_sec: f64,
    /// Per path template (e.g. `/api/timeline`).
    pub paths: BTreeMap<String, PathStats>,
}

/// Sends `total` GET requests cycling through `targets` (path + query) from
/// `concurrency` threads. Each target is grouped under its path without query.
pub fn run(addr: SocketAddr, targets: &[String], total: usize, concurrency: usize) -> LoadReport {
    let next = Arc::new(AtomicUsize::new(0));
    let samples: Arc<Mutex<Vec<(String, f64, bool)>>> =
        Arc::new(Mutex::new(Vec::with_capacity(total)));
    let targets = Arc::new(targets.to_vec());
    let started = Instant::now();
    let workers: Vec<_> = (0..concurrency.max(1))
        .map(|_| {
            let (next, samples, targets) = (next.clone(), samples.clone(), targets.clone());
            std::thread::spawn(move || {
                let mut conn: Option<BufReader<TcpStream>> = None;
                let mut local = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total || targets.is_empty() {
                        break;
                    }
                    let target = &targets[i % targets.len()];
                    let t0 = Instant::now();
                    let ok = request(addr, &mut conn, target).is_ok();
                    if !ok {
                        conn = None;
                    }
                    let path = target.split('?').next().unwrap_or(target).to_string();
                    local.push((path, t0.elapsed().as_secs_f64() * 1000.0, ok));
                }
                if let Ok(mut all) = samples.lock() {
                    all.extend(local);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    let seconds = started.elapsed().as_secs_f64();
    let all = samples.lock().map(|s| s.clone()).unwrap_or_default();
    let mut by_path: BTreeMap<String, Vec<(f64, bool)>> = BTreeMap::new();
    for (path, ms, ok) in &all {
        by_path.entry(path.clone()).or_default().push((*ms, *ok));
    }
    let paths = by_path
        .into_iter()
        .map(|(path, mut v)| {
            v.sort_by(|a, b| a.0.total_cmp(&b.0));
            let pct = |p: f64| {
                v.get(((v.len() as f64 - 1.0) * p).round() as usize)
                    .map_or(0.0, |x| x.0)
            };
            let stats = PathStats {
                requests: v.len(),
                errors: v.iter().filter(|x| !x.1).count(),
                p50_ms: pct(0.50),
                p99_ms: pct(0.99),
                max_ms: v.last().map_or(0.0, |x| x.0),
            };
            (path, stats)
        })
        .collect();
    let errors = all.iter().filter(|x| !x.2).count();
    LoadReport {
        requests: all.len(),
        errors,
        concurrency,
        seconds,
        requests_per_sec: all.len() as f64 / seconds.max(1e-9),
        paths,
    }
}

/// One keep-alive GET; reconnects when needed. Fails on non-2xx.
fn request(
    addr: SocketAddr,
    conn: &mut Option<BufReader<TcpStream>>,
    target: &str,
) -> std::io::Result<()> {
    if conn.is_none() {
        let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        stream.set_nodelay(true)?;
        *conn = Some(BufReader::new(stream));
    }
    let reader = conn
        .as_mut()
        .ok_or_else(|| std::io::Error::other("no connection"))?;
    write!(
        reader.get_mut(),
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: keep-alive\r\n\r\n"
    )?;
    let mut status = String::new();
    reader.read_line(&mut status)?;
    let code: u16 = status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Err(std::io::Error::other("connection closed"));
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body)?;
    if (200..300).contains(&code) {
        Ok(())
    } else {
        Err(std::io::Error::other(format!("HTTP {code}")))
    }
}
