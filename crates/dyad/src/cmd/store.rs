//! `dyad ingest | recode | errors | demo | bench ingest` (writing the
//! database) and, in `store/`, the query and export commands.

mod queries;
mod table;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::NaiveDate;
use dyad_coder::{Engine, EngineConfig};
use dyad_store::ingest::{IngestOptions, IngestStats, ItemId};
use dyad_store::{ErrorRecord, IngestLock, LockWait, Store};
use dyad_text::{RawDocument, ReadOptions};
use indicatif::{ProgressBar, ProgressStyle};

pub use queries::{
    dyads, events, export, show, timeline, DyadsArgs, EventsArgs, ExportArgs, ShowArgs,
    TimelineArgs,
};

/// The database used when `--db` is not given.
pub const DEFAULT_DB: &str = "dyad.db";

/// Arguments of `dyad ingest`.
#[derive(clap::Args)]
pub struct IngestArgs {
    /// Files, directories (recursive) or `-` for stdin (.jsonl, .html, .warc, text).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Database file (created on first use).
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: PathBuf,
    /// Publication date of every document (YYYY-MM-DD); overrides metadata.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// Worker threads for coding (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Extra knowledge directories (actor lexicons, patterns); repeatable.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Vec<PathBuf>,
    /// Documents per transaction.
    #[arg(long, default_value_t = dyad_store::ingest::DEFAULT_BATCH_SIZE)]
    pub batch_size: usize,
    /// Fail at once if another ingest holds the database instead of waiting.
    #[arg(long)]
    pub no_wait: bool,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// The paths are Parquet files (or directories of them) of documents
    /// coded elsewhere, by the Python package's
    /// `code_arrow(..., documents=True)` (e.g. a Spark job): they are
    /// stored and merged as if coded here, without coding them again.
    #[arg(long, conflicts_with_all = ["date", "lexicon"])]
    pub events: bool,
    /// Code without the dependency parser (the older token-window
    /// analysis), for comparison.
    #[arg(long, conflicts_with = "events")]
    pub no_parse: bool,
}

/// Arguments of `dyad recode`.
#[derive(clap::Args)]
pub struct RecodeArgs {
    /// Database file.
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: PathBuf,
    /// Extra knowledge directories; repeatable.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Vec<PathBuf>,
    /// Worker threads for coding.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Fail at once if another ingest holds the database.
    #[arg(long)]
    pub no_wait: bool,
}

/// Arguments of `dyad errors`.
#[derive(clap::Args)]
pub struct ErrorsArgs {
    /// Database file.
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: PathBuf,
    /// One JSON object per line instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `dyad demo`.
#[derive(clap::Args)]
pub struct DemoArgs {
    /// Database to (re)create; replaced only if it is a dyad database.
    #[arg(long, default_value = "dyad-demo.db")]
    pub db: PathBuf,
    /// Folder of example articles (default: `examples/articles` when it
    /// exists, else the copy built into dyad).
    #[arg(long, value_name = "DIR")]
    pub articles: Option<PathBuf>,
}

/// Arguments of `dyad bench ingest`.
#[derive(clap::Args)]
pub struct BenchIngestArgs {
    /// A JSONL corpus.
    pub corpus: PathBuf,
    /// Copies of the corpus (ids and dates varied so every copy is new).
    #[arg(long, default_value_t = 1)]
    pub replicate: usize,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Database to write (default: a fresh temporary file, removed after).
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The example articles compiled into the binary, so `dyad demo` works
/// from any directory.
const BUILTIN_ARTICLES: &str = include_str!("../../../../examples/articles/articles.jsonl");

/// A coder panic is caught per document and recorded as that document's
/// error (see `dyad errors`); print one line for it, not a backtrace.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        eprintln!("warning: a document failed: the coder panicked{place}: {what}");
    }));
}

fn load_engine(lexicon: &[PathBuf]) -> anyhow::Result<Engine> {
    load_engine_with(lexicon, false)
}

fn load_engine_with(lexicon: &[PathBuf], no_parse: bool) -> anyhow::Result<Engine> {
    quiet_panics();
    let engine = Engine::new(EngineConfig {
        lexicon_dirs: lexicon.to_vec(),
        parser: dyad_coder::ParserChoice::builtin_unless(no_parse),
        ..EngineConfig::default()
    })
    .context("loading the coder's knowledge")?;
    for warning in engine.warnings() {
        eprintln!("warning: {warning}");
    }
    Ok(engine)
}

/// What knowledge coded a run, for the `runs` table: the built-in data of
/// this dyad version plus any `--lexicon` directories.
fn knowledge_label(lexicon: &[PathBuf]) -> String {
    let mut label = format!("builtin-{}", env!("CARGO_PKG_VERSION"));
    for dir in lexicon {
        label.push('+');
        label.push_str(&dir.display().to_string());
    }
    label
}

fn take_lock(db: &Path, no_wait: bool) -> anyhow::Result<IngestLock> {
    let wait = if no_wait {
        LockWait::Fail
    } else {
        LockWait::Wait
    };
    Ok(IngestLock::acquire(db, wait, |lock| {
        eprintln!(
            "another dyad ingest is writing to {} (lock {}); waiting for it to finish...",
            db.display(),
            lock.display()
        );
    })?)
}

/// A rough count of documents in `paths` (JSONL lines, files), for the ETA.
fn estimate_documents(paths: &[PathBuf]) -> u64 {
    fn walk(path: &Path, total: &mut u64) {
        if path.is_dir() {
            if let Ok(entries) = std::fs::read_dir(path) {
                for entry in entries.flatten() {
                    walk(&entry.path(), total);
                }
            }
        } else if path
            .extension()
            .is_some_and(|e| e == "jsonl" || e == "ndjson")
        {
            if let Ok(bytes) = std::fs::read(path) {
                *total += bytes.iter().filter(|&&b| b == b'\n').count() as u64;
            }
        } else {
            *total += 1;
        }
    }
    let mut total = 0;
    for p in paths {
        walk(p, &mut total);
    }
    total
}

fn progress_bar(total: Option<u64>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(n) if n > 0 => ProgressBar::new(n),
        _ => ProgressBar::new_spinner(),
    };
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} docs ({per_sec}, ETA {eta}) {msg}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Reads, codes and stores `paths`; shared by `ingest`, `demo` and the bench.
fn run_ingest(
    store: &mut Store,
    paths: &[PathBuf],
    date: Option<NaiveDate>,
    engine: &Engine,
    knowledge: &str,
    options: &IngestOptions,
    bar: &ProgressBar,
) -> anyhow::Result<IngestStats> {
    let opts = ReadOptions {
        date,
        ..ReadOptions::default()
    };
    let run_id = store.begin_run("ingest", Some(knowledge), None)?;
    let inputs = dyad_text::read_raw_inputs(paths, &opts).map(|item| {
        item.map_err(|e| ErrorRecord {
            input: e.path().display().to_string(),
            doc_id: None,
            content_hash: None,
            stage: "read".into(),
            message: e.to_string(),
        })
    });
    let identify = |raw: &RawDocument| ItemId {
        hash: raw.content_hash.clone(),
        label: raw
            .id
            .clone()
            .unwrap_or_else(|| raw.content_hash.chars().take(16).collect()),
    };
    let code = |raw: RawDocument| Ok(engine.code_document(dyad_text::build_document(raw, &opts)));
    let result =
        dyad_store::ingest::ingest(store, inputs, identify, code, options, Some(run_id), |s| {
            bar.set_position(s.seen);
            bar.set_message(format!("{} events, {} errors", s.events, s.errors));
        });
    finish_run(store, run_id, result)
}

/// Stores documents coded elsewhere (`dyad ingest --events`): the same
/// pipeline as [`run_ingest`] with the decoding of the Parquet rows in
/// place of the coder, so rows, ids and merged events are those a normal
/// ingest of the same documents gives.
fn run_import(
    store: &mut Store,
    paths: &[PathBuf],
    options: &IngestOptions,
    bar: &ProgressBar,
) -> anyhow::Result<IngestStats> {
    let inputs = dyad_store::import::coded_documents(paths)?;
    let run_id = store.begin_run("import", Some("coded elsewhere (--events)"), None)?;
    let identify = |coded: &dyad_core::CodedDocument| {
        dyad_store::ingest::document_identity(&coded.analyzed.doc)
    };
    let result =
        dyad_store::ingest::ingest(store, inputs, identify, Ok, options, Some(run_id), |s| {
            bar.set_position(s.seen);
            bar.set_message(format!("{} events, {} errors", s.events, s.errors));
        });
    finish_run(store, run_id, result)
}

/// Records how a run ended (its counts, or why it failed) and passes its
/// result on.
fn finish_run(
    store: &mut Store,
    run_id: i64,
    result: Result<IngestStats, dyad_store::StoreError>,
) -> anyhow::Result<IngestStats> {
    match result {
        Ok(stats) => {
            store.finish_run(run_id, &stats.counts(), "ok")?;
            Ok(stats)
        }
        Err(e) => {
            // Best effort: the database may be unable to take even this.
            let _ = store.finish_run(run_id, &Default::default(), &format!("failed: {e}"));
            Err(e.into())
        }
    }
}

fn summary(stats: &IngestStats) -> String {
    let mut s = format!(
        "{} documents read: {} stored ({} events), {} already stored, {} errors — {:.1} s, {:.0} docs/s",
        stats.seen,
        stats.stored,
        stats.events,
        stats.skipped,
        stats.errors,
        stats.elapsed.as_secs_f64(),
        stats.docs_per_second()
    );
    if stats.errors > 0 {
        s.push_str("\n(see `dyad errors` for the documents that failed)");
    }
    s
}

/// Runs `dyad ingest`.
pub fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let options = IngestOptions {
        batch_size: args.batch_size,
        threads: args.threads,
    };
    let engine = if args.events {
        None
    } else {
        Some(load_engine_with(&args.lexicon, args.no_parse)?)
    };
    let _lock = take_lock(&args.db, args.no_wait)?;
    let mut store = Store::open(&args.db)?;
    // Counting documents reads the inputs: only worth it for text inputs.
    let total =
        (std::io::stderr().is_terminal() && !args.events).then(|| estimate_documents(&args.paths));
    let bar = progress_bar(total);
    let mut knowledge = knowledge_label(&args.lexicon);
    if args.no_parse {
        knowledge.push_str("+no-parse");
    }
    let stats = match &engine {
        Some(engine) => run_ingest(
            &mut store,
            &args.paths,
            args.date,
            engine,
            &knowledge,
            &options,
            &bar,
        ),
        None => run_import(&mut store, &args.paths, &options, &bar),
    };
    bar.finish_and_clear();
    let stats = stats?;
    if args.json {
        println!("{}", serde_json::to_string(&stats)?);
    } else {
        eprintln!("{}", summary(&stats));
        eprintln!("database: {}", args.db.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `dyad recode`.
pub fn recode(args: RecodeArgs) -> anyhow::Result<ExitCode> {
    let options = IngestOptions {
        threads: args.threads,
        ..IngestOptions::default()
    };
    let engine = load_engine(&args.lexicon)?;
    let _lock = take_lock(&args.db, args.no_wait)?;
    let mut store = Store::open_existing(&args.db)?;
    let run_id = store.begin_run("recode", Some(&knowledge_label(&args.lexicon)), None)?;
    let bar = progress_bar(Some(store.document_count()?));
    let stats = dyad_store::ingest::recode(
        &mut store,
        |doc| Ok(engine.code_document(doc)),
        &options,
        Some(run_id),
        |s| bar.set_position(s.seen),
    );
    bar.finish_and_clear();
    let stats = stats?;
    store.finish_run(run_id, &stats.counts(), "ok")?;
    eprintln!(
        "re-coded {} documents from their stored text: {} events now, {} errors",
        stats.stored, stats.events, stats.errors
    );
    Ok(ExitCode::SUCCESS)
}

/// Runs `dyad errors`.
pub fn errors(args: ErrorsArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_existing(&args.db)?;
    let errors = store.errors()?;
    if args.json {
        for e in &errors {
            println!("{}", serde_json::to_string(e)?);
        }
    } else if errors.is_empty() {
        println!("no errors recorded in {}", args.db.display());
    } else {
        let rows: Vec<Vec<String>> = errors
            .iter()
            .map(|e| vec![e.stage.clone(), e.input.clone(), e.message.clone()])
            .collect();
        print!("{}", table::render(&["stage", "input", "error"], &rows));
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `dyad demo`.
pub fn demo(args: DemoArgs) -> anyhow::Result<ExitCode> {
    // The first command of a fresh clone shows the whole product: places
    // need the gazetteer, which is built here once when missing.
    if super::gazetteer_setup::missing() {
        if let Err(err) = super::gazetteer_setup::build() {
            eprintln!("warning: the gazetteer could not be built ({err:#}); events get no places");
        }
    }
    // Load knowledge first: a failure must not cost the user the old demo database.
    let engine = load_engine(&[])?;
    let _lock = take_lock(&args.db, false)?;
    if args.db.exists() {
        // Only ever replace a dyad database: opening checks what the file is.
        drop(
            Store::open_existing(&args.db).with_context(|| {
                format!("{} exists and will not be replaced", args.db.display())
            })?,
        );
        for suffix in ["", "-wal", "-shm"] {
            let mut name = args.db.as_os_str().to_os_string();
            name.push(suffix);
            let path = PathBuf::from(name);
            if path.exists() {
                std::fs::remove_file(&path)
                    .with_context(|| format!("removing {}", path.display()))?;
            }
        }
    }
    let local = PathBuf::from("examples/articles");
    let (paths, _temp) = match &args.articles {
        Some(dir) => (jsonl_files(dir), None),
        None if local.join("articles.jsonl").is_file() => (jsonl_files(&local), None),
        None => {
            let temp = std::env::temp_dir().join(format!("dyad-demo-{}.jsonl", std::process::id()));
            std::fs::write(&temp, BUILTIN_ARTICLES)
                .with_context(|| format!("writing {}", temp.display()))?;
            (vec![temp.clone()], Some(TempFile(temp)))
        }
    };
    let mut store = Store::open(&args.db)?;
    let options = IngestOptions::default();
    let stats = run_ingest(
        &mut store,
        &paths,
        None,
        &engine,
        &knowledge_label(&[]),
        &options,
        &ProgressBar::hidden(),
    )?;
    println!("{}\n", summary(&stats));
    println!(
        "{} merged events in {}\n",
        store.merged_count()?,
        args.db.display()
    );
    queries::print_demo(&store)?;
    println!(
        "\nNext: dyad events --db {db} --merged | dyad timeline RUS PRK --db {db} --by month | \
         dyad show ID --db {db}",
        db = args.db.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The `.jsonl` files of a folder (sorted), or the path itself when it is a
/// file or holds none (so the README beside the articles is not ingested).
fn jsonl_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    if files.is_empty() {
        vec![dir.to_path_buf()]
    } else {
        files
    }
}

struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Peak resident memory of this process in KiB (Linux), if known.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs `dyad bench ingest`.
pub fn bench_ingest(args: BenchIngestArgs) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.corpus)
        .with_context(|| format!("reading {}", args.corpus.display()))?;
    let work = std::env::temp_dir().join(format!("dyad-bench-ingest-{}", std::process::id()));
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    let _cleanup = TempDir(work.clone());
    let corpus = work.join("corpus.jsonl");
    let docs = replicate_corpus(&text, args.replicate.max(1), &corpus)?;
    let db = args.db.clone().unwrap_or_else(|| work.join("bench.db"));
    let options = IngestOptions {
        threads: args.threads,
        ..IngestOptions::default()
    };
    let threads = args.threads.unwrap_or_else(rayon::current_num_threads);
    let engine = load_engine(&[])?;
    let mut store = Store::open(&db)?;
    let started = Instant::now();
    let stats = run_ingest(
        &mut store,
        &[corpus],
        None,
        &engine,
        &knowledge_label(&[]),
        &options,
        &ProgressBar::hidden(),
    )?;
    let secs = started.elapsed().as_secs_f64();
    drop(store);
    let size: u64 = ["", "-wal"]
        .iter()
        .filter_map(|s| {
            let mut name = db.as_os_str().to_os_string();
            name.push(s);
            std::fs::metadata(PathBuf::from(name)).ok().map(|m| m.len())
        })
        .sum();
    let per_1000 = if stats.stored > 0 {
        size as f64 * 1000.0 / stats.stored as f64
    } else {
        0.0
    };
    let figures = serde_json::json!({
        "corpus": args.corpus.display().to_string(),
        "documents": docs,
        "stored": stats.stored,
        "events": stats.events,
        "errors": stats.errors,
        "threads": threads,
        "seconds": secs,
        "writer_seconds": stats.write_time.as_secs_f64(),
        "writer_cpu_seconds": stats.write_cpu.map(|d| d.as_secs_f64()),
        "writer_phases_seconds": {
            "documents": stats.write_phases.documents.as_secs_f64(),
            "analysis": stats.write_phases.analysis.as_secs_f64(),
            "events": stats.write_phases.events.as_secs_f64(),
            "merge_record": stats.write_phases.merge_record.as_secs_f64(),
            "commit": stats.write_phases.commit.as_secs_f64(),
            "merge_flush": stats.write_phases.merge_flush.as_secs_f64(),
        },
        "docs_per_second": docs as f64 / secs.max(1e-9),
        "db_bytes": size,
        "db_bytes_per_1000_docs": per_1000,
        "peak_rss_kib": peak_rss_kib(),
    });
    if args.json {
        println!("{figures}");
    } else {
        println!(
            "ingest: {docs} documents ({} events) in {secs:.1} s on {threads} threads = {:.0} docs/s \
             (database writer busy {:.1} s, {:.1} s CPU)\n\
             database: {:.1} MiB, {:.2} MiB per 1,000 documents; peak RSS {} MiB",
            stats.events,
            docs as f64 / secs.max(1e-9),
            stats.write_time.as_secs_f64(),
            stats.write_cpu.map_or(f64::NAN, |d| d.as_secs_f64()),
            size as f64 / 1048576.0,
            per_1000 / 1048576.0,
            peak_rss_kib().map(|k| k / 1024).unwrap_or(0)
        );
    }
    Ok(ExitCode::SUCCESS)
}

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes `copies` copies of a JSONL corpus to `out`, each record's id
/// suffixed with its copy number and its date moved by that many days, so
/// every copy has new content hashes and its own event dates. Returns the
/// number of records written.
fn replicate_corpus(text: &str, copies: usize, out: &Path) -> anyhow::Result<u64> {
    use std::io::Write;
    let file = std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?;
    let mut writer = std::io::BufWriter::new(file);
    let mut count = 0u64;
    for copy in 0..copies {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let mut record: serde_json::Value =
                serde_json::from_str(line).context("corpus line is not JSON")?;
            if let Some(obj) = record.as_object_mut() {
                let id = obj
                    .get("id")
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("doc{count}"));
                obj.insert("id".into(), format!("{id}~r{copy}").into());
                let shifted = obj
                    .get("date")
                    .and_then(|v| v.as_str())
                    .and_then(|d| {
                        NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok()
                    })
                    .and_then(|d| d.checked_add_days(chrono::Days::new(copy as u64)));
                if let Some(d) = shifted {
                    obj.insert("date".into(), d.to_string().into());
                }
            }
            serde_json::to_writer(&mut writer, &record)?;
            writer.write_all(b"\n")?;
            count += 1;
        }
    }
    writer.flush()?;
    Ok(count)
}
