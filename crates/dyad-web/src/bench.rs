//! Running the article-extraction benchmark over a directory of pages:
//! `DIR/pages/<id>.html.gz` and a truth file mapping id → `{"articleBody", "url"}`.

use crate::error::WebError;
use crate::eval::{score_page, summarise, PageScore, Summary};
use std::path::Path;
use std::time::Instant;

/// Result for one page.
#[derive(Debug, Clone)]
pub struct PageResult {
    /// Page id (file stem).
    pub id: String,
    /// Page URL from the truth file.
    pub url: String,
    /// Its score.
    pub score: PageScore,
    /// Notes from extraction (or the error, when extraction failed).
    pub notes: Vec<String>,
}

/// Passes over the pages for timing (the first also gives the predictions).
const TIMING_ROUNDS: usize = 3;

/// Result for the whole set.
#[derive(Debug, Clone)]
pub struct BenchReport {
    /// Per page, in id order.
    pub pages: Vec<PageResult>,
    /// Means.
    pub summary: Summary,
    /// Wall-clock seconds per pass spent decoding + extracting (decompression
    /// and scoring excluded), one thread, averaged over three passes.
    pub extract_seconds: f64,
    /// CPU seconds of the extracting thread over the same span, when the OS
    /// tells (Linux): on a shared machine this, not wall time, measures one core.
    pub extract_cpu_seconds: Option<f64>,
}

impl BenchReport {
    /// Pages extracted per second on one core: per CPU second of the
    /// extracting thread when known, else per wall-clock second.
    pub fn pages_per_sec(&self) -> f64 {
        let secs = self
            .extract_cpu_seconds
            .filter(|s| *s > 0.0)
            .unwrap_or(self.extract_seconds);
        if secs > 0.0 {
            self.pages.len() as f64 / secs
        } else {
            0.0
        }
    }

    /// Pages per wall-clock second (lower than [`Self::pages_per_sec`] when
    /// other processes share the core).
    pub fn pages_per_wall_sec(&self) -> f64 {
        if self.extract_seconds > 0.0 {
            self.pages.len() as f64 / self.extract_seconds
        } else {
            0.0
        }
    }
}

/// One benchmark page with its truth.
#[derive(Debug, Clone)]
pub struct BenchPage {
    /// Page id (file stem).
    pub id: String,
    /// Page URL.
    pub url: String,
    /// The true article body.
    pub truth: String,
    /// The page bytes (decompressed).
    pub bytes: Vec<u8>,
}

/// Load the pages named in `truth` from `dir/pages/` (gzip or plain `<id>.html`).
pub fn load_pages(dir: &Path, truth: &Path) -> Result<Vec<BenchPage>, WebError> {
    let text = std::fs::read_to_string(truth).map_err(|source| WebError::Io {
        path: truth.to_path_buf(),
        source,
    })?;
    let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| WebError::Eval {
        path: truth.to_path_buf(),
        reason: e.to_string(),
    })?;
    let obj = v.as_object().ok_or_else(|| WebError::Eval {
        path: truth.to_path_buf(),
        reason: "expected an object id → page".into(),
    })?;
    let mut out = Vec::with_capacity(obj.len());
    for (id, page) in obj {
        let body = page
            .get("articleBody")
            .and_then(|b| b.as_str())
            .unwrap_or_default()
            .to_string();
        let url = page
            .get("url")
            .and_then(|b| b.as_str())
            .unwrap_or_default()
            .to_string();
        let gz = dir.join("pages").join(format!("{id}.html.gz"));
        let path = if gz.exists() {
            gz
        } else {
            dir.join("pages").join(format!("{id}.html"))
        };
        let bytes = crate::read_maybe_gzip(&path, crate::Limits::default().max_bytes)?;
        out.push(BenchPage {
            id: id.clone(),
            url,
            truth: body,
            bytes,
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

/// Extract every page and score it against the truth.
pub fn run_benchmark(dir: &Path, truth: &Path) -> Result<BenchReport, WebError> {
    let pages = load_pages(dir, truth)?;
    let mut predictions = Vec::with_capacity(pages.len());
    let t = Instant::now();
    let cpu0 = thread_cpu_seconds();
    for p in &pages {
        predictions.push(crate::extract_bytes(&p.bytes, Some(&p.url), None));
    }
    // Further timing-only passes: CPU time is counted in 10 ms ticks.
    for _ in 1..TIMING_ROUNDS {
        for p in &pages {
            let _ = crate::extract_bytes(&p.bytes, Some(&p.url), None);
        }
    }
    let rounds = TIMING_ROUNDS as f64;
    let extract_seconds = t.elapsed().as_secs_f64() / rounds;
    let extract_cpu_seconds = cpu0
        .zip(thread_cpu_seconds())
        .map(|(a, b)| (b - a) / rounds);
    let mut results = Vec::with_capacity(pages.len());
    for (
        BenchPage {
            id,
            url,
            truth: truth_body,
            ..
        },
        pred,
    ) in pages.into_iter().zip(predictions)
    {
        let (text, notes) = match pred {
            Ok(ex) => (ex.body_text(), ex.notes),
            Err(e) => (String::new(), vec![e.to_string()]),
        };
        results.push(PageResult {
            id,
            url,
            score: score_page(&truth_body, &text),
            notes,
        });
    }
    let scores: Vec<PageScore> = results.iter().map(|r| r.score).collect();
    Ok(BenchReport {
        summary: summarise(&scores),
        pages: results,
        extract_seconds,
        extract_cpu_seconds,
    })
}

/// CPU time (user + system) of the calling thread in seconds, from
/// `/proc/thread-self/stat` (Linux; clock ticks of 1/100 s). `None` elsewhere.
pub fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
