//! `dyad code`, `dyad explain`, `dyad eval seeds|plover` and `dyad bench code`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use chrono::NaiveDate;
use dyad_coder::eval::{self, ExpectedLine, PloverStory};
use dyad_coder::{Engine, EngineConfig, GazetteerChoice};
use dyad_core::{Event, EventActor};
use dyad_text::ReadOptions;
use rayon::prelude::*;

/// Output formats of `dyad code`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CodeFormat {
    /// Aligned columns for people.
    Table,
    /// One JSON event a line.
    Jsonl,
    /// CSV with a header.
    Csv,
}

/// Arguments of `dyad code`.
#[derive(clap::Args)]
pub struct CodeArgs {
    /// Files, directories or `-` (same inputs as `dyad read`).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Publication date of every document (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: CodeFormat,
    /// Print every event with its confidence: also negated, hypothetical,
    /// intended and denied ones, and those with an unresolved or missing
    /// side (the default prints what an analyst would keep; see
    /// `dyad_coder::shown_by_default`).
    #[arg(long, alias = "all-factuality")]
    pub all: bool,
    /// Extra knowledge directory (actor lexicon files, `patterns/*.tsv`); repeatable.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Vec<PathBuf>,
    /// Code without the dependency parser (the older token-window
    /// analysis), for comparison.
    #[arg(long)]
    pub no_parse: bool,
    /// Parse every content sentence, also those skipped by default because
    /// they hold no actor mention or no trigger word (same output; slower).
    #[arg(long, conflicts_with = "no_parse")]
    pub parse_all: bool,
}

/// Arguments of `dyad explain`.
#[derive(clap::Args)]
pub struct ExplainArgs {
    /// One document.
    pub file: PathBuf,
    /// Only this sentence (index as shown).
    #[arg(long)]
    pub sentence: Option<usize>,
    /// Publication date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// Extra knowledge directory; repeatable.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Vec<PathBuf>,
}

/// Arguments of `dyad eval seeds`.
#[derive(clap::Args)]
pub struct EvalSeedsArgs {
    /// Directory holding the seed articles.
    pub dir: PathBuf,
    /// The expectations (JSONL).
    pub expected: PathBuf,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Code without the dependency parser, for comparison.
    #[arg(long)]
    pub no_parse: bool,
    /// Parse every content sentence, also those skipped by default because
    /// they hold no actor mention or no trigger word (same output; slower).
    #[arg(long, conflicts_with = "no_parse")]
    pub parse_all: bool,
}

/// Arguments of `dyad eval plover`.
#[derive(clap::Args)]
pub struct EvalPloverArgs {
    /// Labelled stories (JSONL: id, title, text, label, mode).
    pub file: PathBuf,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Code without the dependency parser, for comparison.
    #[arg(long)]
    pub no_parse: bool,
    /// Parse every content sentence, also those skipped by default because
    /// they hold no actor mention or no trigger word (same output; slower).
    #[arg(long, conflicts_with = "no_parse")]
    pub parse_all: bool,
}

/// Arguments of `dyad bench code`.
#[derive(clap::Args)]
pub struct BenchCodeArgs {
    /// A JSONL corpus.
    pub corpus: PathBuf,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Run the corpus this many times.
    #[arg(long, default_value_t = 1)]
    pub repeat: usize,
    /// Code without the gazetteer (places from datelines and actors only).
    #[arg(long, conflicts_with = "place_share")]
    pub no_places: bool,
    /// Also run without the gazetteer and report how much the places stage
    /// adds to coding time: CPU time (so other jobs do not distort it) of
    /// passes that alternate with and without, median of the pairs.
    #[arg(long)]
    pub place_share: bool,
    /// Parse every content sentence, also those skipped by default because
    /// they hold no actor mention or no trigger word (same output; slower).
    #[arg(long)]
    pub parse_all: bool,
}

fn engine(lexicon: &[PathBuf]) -> anyhow::Result<Engine> {
    engine_with(lexicon, false, false)
}

pub(crate) fn engine_with(
    lexicon: &[PathBuf],
    no_parse: bool,
    parse_all: bool,
) -> anyhow::Result<Engine> {
    let engine = Engine::new(EngineConfig {
        lexicon_dirs: lexicon.to_vec(),
        parser: dyad_coder::ParserChoice::builtin_unless(no_parse),
        parse_all,
        ..Default::default()
    })
    .context("loading the event coder")?;
    for w in engine.warnings() {
        eprintln!("warning: {w}");
    }
    Ok(engine)
}

/// `dyad code`.
pub fn run(args: CodeArgs) -> anyhow::Result<ExitCode> {
    let engine = engine_with(&args.lexicon, args.no_parse, args.parse_all)?;
    let opts = ReadOptions {
        date: args.date,
        ..Default::default()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.format == CodeFormat::Csv {
        writeln!(out, "doc,sentence,event_id,plover,mode,cameo,goldstein,quad_class,source,target,factuality,attributed_to,date,date_precision,place,place_country,rule,confidence,trigger")?;
    }
    for item in dyad_text::read_inputs(&args.paths, &opts) {
        let doc = match item {
            Ok(d) => d,
            Err(err) => {
                eprintln!("warning: skipped: {err}");
                continue;
            }
        };
        let coded = engine.code_document(doc);
        for ev in coded
            .events
            .iter()
            .filter(|e| args.all || dyad_coder::shown_by_default(e))
        {
            match args.format {
                CodeFormat::Jsonl => writeln!(out, "{}", serde_json::to_string(ev)?)?,
                CodeFormat::Csv => writeln!(out, "{}", csv_row(ev))?,
                CodeFormat::Table => writeln!(out, "{}", table_row(ev))?,
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn actors(list: &[EventActor]) -> String {
    list.iter()
        .map(|a| a.actor.code())
        .collect::<Vec<_>>()
        .join("+")
}

fn table_row(ev: &Event) -> String {
    format!(
        "{}#{:<3} {:<10} {:<5} {:>5.1} {:<14} {:<14} {:<12} {} {:<9} {}  [{}]",
        ev.provenance.doc_id,
        ev.provenance.sentence,
        ev.plover,
        ev.cameo,
        ev.goldstein,
        actors(&ev.source),
        actors(&ev.target),
        ev.factuality.as_str(),
        event_day(&ev.date),
        precision_name(ev.date.precision),
        ev.place.as_ref().map(|p| p.name.as_str()).unwrap_or("-"),
        ev.provenance.trigger_text,
    )
}

/// The event's day, or "unknown" for an event of an undated document (its
/// date fields hold a placeholder).
fn event_day(date: &dyad_core::EventDate) -> String {
    if date.precision == dyad_core::DatePrecision::Unknown {
        "unknown".to_string()
    } else {
        date.date.to_string()
    }
}

/// A precision as the JSON output spells it ("unknown-relative").
fn precision_name(p: dyad_core::DatePrecision) -> String {
    serde_json::to_value(p)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_row(ev: &Event) -> String {
    let fields = [
        ev.provenance.doc_id.clone(),
        ev.provenance.sentence.to_string(),
        ev.id.clone(),
        ev.plover.clone(),
        ev.mode.clone().unwrap_or_default(),
        ev.cameo.clone(),
        ev.goldstein.to_string(),
        ev.quad_class.to_string(),
        actors(&ev.source),
        actors(&ev.target),
        ev.factuality.as_str().to_string(),
        ev.attributed_to
            .as_ref()
            .map(|a| a.actor.code())
            .unwrap_or_default(),
        event_day(&ev.date),
        precision_name(ev.date.precision),
        ev.place
            .as_ref()
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        ev.place
            .as_ref()
            .and_then(|p| p.country.clone())
            .unwrap_or_default(),
        ev.provenance.rule.clone(),
        format!("{:.2}", ev.provenance.confidence),
        ev.provenance.trigger_text.clone(),
    ];
    fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",")
}

/// `dyad explain`.
pub fn explain(args: ExplainArgs) -> anyhow::Result<ExitCode> {
    let engine = engine(&args.lexicon)?;
    let opts = ReadOptions {
        date: args.date,
        ..Default::default()
    };
    let doc = dyad_text::read_inputs(std::slice::from_ref(&args.file), &opts)
        .next()
        .context("no document read")?
        .with_context(|| format!("reading {}", args.file.display()))?;
    let date = doc
        .date
        .as_ref()
        .map(|d| format!("{} ({:?})", d.date, d.origin));
    let (_, sentences) = engine.explain_document(doc, args.sentence);
    println!(
        "publication date: {}",
        date.unwrap_or_else(|| "unknown".into())
    );
    for s in sentences {
        println!("\n[{}] ({}) {}", s.index, s.zone, s.text.replace('\n', " "));
        if !s.tree.is_empty() {
            println!("  tree    (id word upos xpos head relation)");
            for line in &s.tree {
                println!("          {line}");
            }
        }
        for (text, code, how) in &s.mentions {
            println!("  actor   {text:?} → {code}  ({how})");
        }
        for p in &s.predicates {
            println!("  pred    {p}");
        }
        for a in &s.attempts {
            println!(
                "  {} {} '{}': {}",
                if a.fired { "fired  " } else { "no     " },
                a.rule,
                a.pattern,
                a.reason
            );
        }
        for (ev, note) in s.events.iter().zip(&s.event_notes) {
            println!(
                "  EVENT   {} {} ({}) {} → {} [{}] date {} ({:?}: {}) rule {} conf {:.2}\n          args: {}{}\n          place: {}",
                ev.plover,
                ev.cameo,
                ev.mode.as_deref().unwrap_or("-"),
                actors(&ev.source),
                actors(&ev.target),
                ev.factuality.as_str(),
                ev.date.date,
                ev.date.precision,
                ev.date.note,
                ev.provenance.rule,
                ev.provenance.confidence,
                note,
                ev.attributed_to
                    .as_ref()
                    .map(|a| format!("; attributed to {}", a.actor.code()))
                    .unwrap_or_default(),
                explained_place(ev.place.as_ref())
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// An event's place for `dyad explain`: name, country, precision and how it
/// was found ("Idlib (SYR; place; trigger-obl)"), or "none".
fn explained_place(place: Option<&dyad_core::EventPlace>) -> String {
    match place {
        None => "none".to_string(),
        Some(p) => format!(
            "{} ({}; {:?}; {})",
            p.name,
            p.country.as_deref().unwrap_or("-"),
            p.precision,
            p.reason.map_or("-", |r| r.as_str())
        ),
    }
}

pub(crate) fn read_lines<T: serde::de::DeserializeOwned>(path: &Path) -> anyhow::Result<Vec<T>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).with_context(|| format!("{}:{}", path.display(), i + 1))
        })
        .collect()
}

/// `dyad eval seeds`.
pub fn eval_seeds(args: EvalSeedsArgs) -> anyhow::Result<ExitCode> {
    let engine = engine_with(&[], args.no_parse, args.parse_all)?;
    let expected: Vec<ExpectedLine> = read_lines(&args.expected)?;
    let mut runs = Vec::new();
    for doc_name in eval::seed_docs(&expected) {
        let path = args.dir.join(&doc_name);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let dated = eval::seed_date(&expected, &doc_name);
        let coded = engine.code_document(dyad_text::document_from_text(&doc_name, &text, dated));
        let undated = dyad_text::document_from_text(&doc_name, &text, None);
        runs.push(eval::SeedRun {
            doc: doc_name,
            events: coded.events,
            inferred_date: undated.date.map(|d| d.date),
        });
    }
    let report = eval::score_seeds(&expected, &runs);
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        print!("{}", report.to_text());
    }
    Ok(ExitCode::SUCCESS)
}

/// `dyad eval plover`.
pub fn eval_plover(args: EvalPloverArgs) -> anyhow::Result<ExitCode> {
    let engine = engine_with(&[], args.no_parse, args.parse_all)?;
    let stories: Vec<PloverStory> = read_lines(&args.file)?;
    let coded: Vec<Vec<Event>> = stories
        .par_iter()
        .map(|s| {
            let text = format!("{}\n\n{}", s.title, s.text);
            engine
                .code_document(dyad_text::document_from_text(&s.id, &text, None))
                .events
        })
        .collect();
    let report = eval::score_plover(&stories, &coded);
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        print!("{}", report.to_text());
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(serde::Serialize)]
struct BenchReport {
    docs: usize,
    bytes: usize,
    seconds: f64,
    threads: usize,
    docs_per_sec: f64,
    mb_per_sec_per_core: f64,
    /// CPU seconds of the timed part (all threads; Linux).
    cpu_seconds: Option<f64>,
    /// Documents per CPU-second: the per-core figure, robust to other jobs.
    docs_per_cpu_second: Option<f64>,
    events: usize,
    rss_mb: f64,
    /// Whether places were resolved with the gazetteer.
    places: bool,
    /// With `--place-share`: CPU time of the passes without the gazetteer,
    /// and how much the places stage adds (percent; median of the
    /// alternating pairs of passes).
    cpu_seconds_without_places: Option<f64>,
    places_added_pct: Option<f64>,
    /// Share of the content sentences and of their tokens the dependency
    /// parser read (percent): the others hold no actor mention or no
    /// trigger word and are skipped (`--parse-all` parses them too).
    sentences_parsed_pct: f64,
    tokens_parsed_pct: f64,
    /// Share of the parsed sentences whose tree has a predicate that can
    /// trigger a pattern (percent).
    parsed_triggered_pct: f64,
}

/// Timed passes of the corpus through an engine.
#[derive(Default)]
struct CodeRun {
    seconds: f64,
    cpu_seconds: Option<f64>,
    events: usize,
}

impl CodeRun {
    fn add(&mut self, pass: &CodeRun) {
        self.seconds += pass.seconds;
        self.cpu_seconds = match (self.cpu_seconds, pass.cpu_seconds) {
            (None, c) => c,
            (Some(a), b) => Some(a + b.unwrap_or(0.0)),
        };
        self.events += pass.events;
    }
}

/// Runs `repeat` passes with places and as many without, alternately, so
/// drifting machine load and heap state weigh on both alike. Returns both
/// totals and the median, over the adjacent pairs, of the percentage the
/// places stage adds.
fn time_place_share(
    with: &Engine,
    without: &Engine,
    raws: &[dyad_text::RawDocument],
    pool: &rayon::ThreadPool,
    repeat: usize,
) -> (CodeRun, CodeRun, Option<f64>) {
    let (mut total_with, mut total_without) = (CodeRun::default(), CodeRun::default());
    let mut added = Vec::with_capacity(repeat);
    for _ in 0..repeat {
        let a = time_coding(with, raws, pool, 1);
        let b = time_coding(without, raws, pool, 1);
        if let (Some(x), Some(y)) = (a.cpu_seconds, b.cpu_seconds) {
            added.push((x / y - 1.0) * 100.0);
        }
        total_with.add(&a);
        total_without.add(&b);
    }
    added.sort_by(f64::total_cmp);
    let median = match added.len() {
        0 => None,
        n if n % 2 == 1 => added.get(n / 2).copied(),
        n => Some((added[n / 2 - 1] + added[n / 2]) / 2.0),
    };
    (total_with, total_without, median)
}

fn time_coding(
    engine: &Engine,
    raws: &[dyad_text::RawDocument],
    pool: &rayon::ThreadPool,
    repeat: usize,
) -> CodeRun {
    let opts = ReadOptions::default();
    let cpu0 = super::bench::process_cpu_seconds();
    let start = Instant::now();
    let events: usize = pool.install(|| {
        (0..repeat)
            .map(|_| {
                raws.par_iter()
                    .map(|raw| {
                        engine
                            .code_document(dyad_text::build_document(raw.clone(), &opts))
                            .events
                            .len()
                    })
                    .sum::<usize>()
            })
            .sum()
    });
    let seconds = start.elapsed().as_secs_f64().max(1e-9);
    let cpu_seconds = cpu0
        .zip(super::bench::process_cpu_seconds())
        .map(|(a, b)| (b - a).max(0.01));
    CodeRun {
        seconds,
        cpu_seconds,
        events,
    }
}

/// `dyad bench code`: end to end (clean, tag, actors, places, events).
pub fn bench(args: BenchCodeArgs) -> anyhow::Result<ExitCode> {
    let engine_with = |gazetteer: GazetteerChoice| -> anyhow::Result<Engine> {
        Engine::new(EngineConfig {
            gazetteer,
            parse_all: args.parse_all,
            ..Default::default()
        })
        .context("loading the event coder")
    };
    let engine = engine_with(if args.no_places {
        GazetteerChoice::None
    } else {
        GazetteerChoice::Default
    })?;
    for w in engine.warnings() {
        eprintln!("warning: {w}");
    }
    let raws = super::bench::read_corpus(&args.corpus, &ReadOptions::default())?;
    let bytes_once = super::bench::raw_bytes(&raws);
    let pool = super::bench::pool(args.threads)?;
    let threads = pool.current_num_threads();
    let repeat = args.repeat.max(1);
    // One untimed pass first: the heap grows and caches fill outside the timing.
    time_coding(&engine, &raws, &pool, 1);
    let (run, without, places_added_pct) = if args.place_share {
        let bare = engine_with(GazetteerChoice::None)?;
        time_coding(&bare, &raws, &pool, 1);
        let (with, without, added) = time_place_share(&engine, &bare, &raws, &pool, repeat);
        (with, Some(without), added)
    } else {
        (time_coding(&engine, &raws, &pool, repeat), None, None)
    };
    let docs = raws.len() * repeat;
    let bytes = bytes_once * repeat;
    let cpu_seconds_without_places = without.as_ref().and_then(|w| w.cpu_seconds);
    let parsed = engine.parse_stats();
    let pct = |a: u64, b: u64| 100.0 * a as f64 / b.max(1) as f64;
    let report = BenchReport {
        docs,
        bytes,
        seconds: run.seconds,
        threads,
        docs_per_sec: docs as f64 / run.seconds,
        mb_per_sec_per_core: bytes as f64 / 1e6 / run.seconds / threads as f64,
        cpu_seconds: run.cpu_seconds,
        docs_per_cpu_second: run.cpu_seconds.map(|c| docs as f64 / c),
        events: run.events,
        rss_mb: super::bench::status_mb("VmHWM"),
        places: !args.no_places,
        cpu_seconds_without_places,
        places_added_pct,
        sentences_parsed_pct: pct(parsed.parsed, parsed.sentences),
        tokens_parsed_pct: pct(parsed.tokens_parsed, parsed.tokens),
        parsed_triggered_pct: pct(parsed.triggered, parsed.parsed),
    };
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "code (end to end{}): {} docs, {:.2} MB, {} events in {:.3} s on {} thread(s): {:.0} docs/s ({:.0} per core), {:.2} MB/s per core, peak RSS {:.0} MB",
        if report.places { "" } else { ", no gazetteer" },
        docs,
        bytes as f64 / 1e6,
        report.events,
        report.seconds,
        threads,
        report.docs_per_sec,
        report.docs_per_sec / threads as f64,
        report.mb_per_sec_per_core,
        report.rss_mb
    );
    if let (Some(cpu), Some(per_cpu)) = (report.cpu_seconds, report.docs_per_cpu_second) {
        println!("  CPU time {cpu:.2} s: {per_cpu:.0} docs per CPU-second");
    }
    println!(
        "  parsed {:.1} % of the content sentences ({:.1} % of their tokens; {:.1} % of those parsed have a predicate that can trigger a pattern){}",
        report.sentences_parsed_pct,
        report.tokens_parsed_pct,
        report.parsed_triggered_pct,
        if args.parse_all {
            " (--parse-all)"
        } else {
            "; the others hold no actor mention or no trigger word"
        }
    );
    if let (Some(bare), Some(pct)) = (report.cpu_seconds_without_places, report.places_added_pct) {
        println!(
            "  without the gazetteer: {bare:.2} CPU s; the places stage adds {pct:.1} % (median of {repeat} alternating pairs)"
        );
    }
    Ok(ExitCode::SUCCESS)
}
