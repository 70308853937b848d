//! `dyad actor`, `dyad lexicon check`, `dyad eval actors` and `dyad bench actors`.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use chrono::NaiveDate;
use dyad_lexicon::{describe, parse_loose_date, Lexicon, Severity};
use rayon::prelude::*;
use serde::Serialize;

/// Arguments of `dyad actor`.
#[derive(clap::Args)]
pub struct ActorArgs {
    /// The phrase to resolve ("South Korean defense minister Shin Won-sik").
    pub text: String,
    /// Date for people's roles (YYYY-MM-DD); default today.
    #[arg(long)]
    pub date: Option<String>,
    /// Context supplying a country when the phrase has none ("Mexican", a dateline).
    #[arg(long, default_value = "")]
    pub context: String,
    /// Lexicon directory adding/overriding entries (repeatable).
    #[arg(long, value_name = "DIR")]
    pub lexicon: Vec<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `dyad lexicon ...` subcommands.
#[derive(clap::Subcommand)]
pub enum LexiconCommand {
    /// Validate a lexicon directory (layered on the built-in files) and report conflicts.
    Check(LexiconCheckArgs),
}

/// Arguments of `dyad lexicon check`.
#[derive(clap::Args)]
pub struct LexiconCheckArgs {
    /// Directory of knowledge files (*.tsv, see docs/lexicon.md).
    pub dir: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `dyad eval actors`.
#[derive(clap::Args)]
pub struct EvalActorsArgs {
    /// JSONL gold file ({id, text, context, date, known_country, expect}).
    pub file: PathBuf,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Lexicon directory adding/overriding entries (repeatable).
    #[arg(long, value_name = "DIR")]
    pub lexicon: Vec<PathBuf>,
    /// Leave out the hand-added built-in rows (data/lexicon/manual/), to
    /// measure what the sourced knowledge alone gives (also: environment
    /// variable DYAD_LEXICON_NO_MANUAL=1 for every command).
    #[arg(long)]
    pub no_manual: bool,
}

/// Arguments of `dyad bench actors`.
#[derive(clap::Args)]
pub struct BenchActorsArgs {
    /// A JSONL corpus.
    pub corpus: PathBuf,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Passes over the corpus.
    #[arg(long, default_value_t = 3)]
    pub repeat: usize,
}

fn load(dirs: &[PathBuf]) -> anyhow::Result<Lexicon> {
    Lexicon::load(dirs).context("loading the actor lexicon")
}

/// Runs `dyad actor`.
pub fn actor(args: ActorArgs) -> anyhow::Result<ExitCode> {
    let lex = load(&args.lexicon)?;
    let date = match args.date.as_deref() {
        Some(d) => Some(parse_loose_date(d).with_context(|| format!("bad --date {d:?}"))?),
        None => None,
    };
    let res = lex.resolve_phrase(&args.text, date, &args.context);
    let mut text = String::new();
    if args.json {
        text = serde_json::to_string_pretty(&res)?;
    } else {
        match &res.actor {
            Some(a) => text.push_str(&format!(
                "{} → {}  [code {}]\n",
                args.text,
                describe(a),
                a.code()
            )),
            None => text.push_str(&format!("{} → no actor\n", args.text)),
        }
        text.push_str("why:");
        for s in &res.steps {
            text.push_str(&format!("\n  - {s}"));
        }
    }
    // A closed pipe (`| head`) is not an error worth a panic.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
    Ok(if res.actor.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Runs `dyad lexicon check`.
pub fn lexicon(cmd: LexiconCommand) -> anyhow::Result<ExitCode> {
    let LexiconCommand::Check(args) = cmd;
    let report = Lexicon::check_dir(&args.dir)
        .with_context(|| format!("checking {}", args.dir.display()))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        for p in &report.problems {
            println!("{p}");
        }
        let warnings = report
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .count();
        println!(
            "{}: {} files read, {} entries in the directory, {} error(s), {} warning(s)",
            args.dir.display(),
            report.files,
            report.entries,
            report.error_count(),
            warnings
        );
    }
    Ok(if report.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The date the gold file means: "" and "today" are 2023-01-01.
fn case_date(text: &str) -> NaiveDate {
    let fallback = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
    let t = text.trim();
    if t.is_empty() || t.eq_ignore_ascii_case("today") {
        return fallback;
    }
    parse_loose_date(t).unwrap_or(fallback)
}

fn check(expect: &serde_json::Value, got: &str) -> bool {
    let op = expect.get("op").and_then(|v| v.as_str()).unwrap_or("==");
    let value = expect.get("value");
    match op {
        "in" => value
            .and_then(|v| v.as_array())
            .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(got))),
        "!=" => value.and_then(|v| v.as_str()) != Some(got),
        _ => value.and_then(|v| v.as_str()) == Some(got),
    }
}

#[derive(Serialize)]
struct Failure {
    id: String,
    text: String,
    date: String,
    field: &'static str,
    expected: serde_json::Value,
    got: String,
    actor: String,
    /// Why it failed: see [`ErrorKind`].
    error: ErrorKind,
}

/// The kind of a failed check, so knowledge gaps and resolution mistakes
/// can be told apart.
#[derive(Serialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
enum ErrorKind {
    /// No actor, or the actor lacks the field the gold gives (no country,
    /// no sector): knowledge dyad does not have.
    KnowledgeMissing,
    /// Right entity, wrong country.
    WrongCountry,
    /// Right entity, wrong primary sector.
    WrongSector,
    /// The phrase was resolved through another entity: the chosen mention
    /// covers under half of the phrase, or both country and sector are wrong.
    WrongEntity,
}

impl ErrorKind {
    fn label(self) -> &'static str {
        match self {
            ErrorKind::KnowledgeMissing => "knowledge missing",
            ErrorKind::WrongCountry => "wrong country",
            ErrorKind::WrongSector => "wrong sector",
            ErrorKind::WrongEntity => "wrong entity",
        }
    }
}

/// Error counts by kind (per failed check).
#[derive(Serialize, Default)]
struct Breakdown {
    knowledge_missing: usize,
    wrong_country: usize,
    wrong_sector: usize,
    wrong_entity: usize,
}

impl Breakdown {
    fn add(&mut self, k: ErrorKind) {
        match k {
            ErrorKind::KnowledgeMissing => self.knowledge_missing += 1,
            ErrorKind::WrongCountry => self.wrong_country += 1,
            ErrorKind::WrongSector => self.wrong_sector += 1,
            ErrorKind::WrongEntity => self.wrong_entity += 1,
        }
    }
}

/// Classifies one failed check. `got` is what the field held (empty when
/// missing); `both_wrong` is true when the case failed country and sector.
fn classify(
    field: &str,
    got: &str,
    expected_empty: bool,
    small_mention: bool,
    both_wrong: bool,
) -> ErrorKind {
    if got.is_empty() && !expected_empty {
        return ErrorKind::KnowledgeMissing;
    }
    if small_mention || both_wrong {
        return ErrorKind::WrongEntity;
    }
    if field == "country" {
        ErrorKind::WrongCountry
    } else {
        ErrorKind::WrongSector
    }
}

#[derive(Serialize, Default)]
struct EvalReport {
    cases: usize,
    country_cases: usize,
    country_correct: usize,
    country_accuracy: f64,
    code1_cases: usize,
    code1_correct: usize,
    code1_accuracy: f64,
    /// Failed checks by kind.
    errors: Breakdown,
    /// Whether the manual knowledge file was loaded.
    manual: bool,
    failures: Vec<Failure>,
}

/// Runs `dyad eval actors`.
pub fn eval(args: EvalActorsArgs) -> anyhow::Result<ExitCode> {
    let manual = !args.no_manual
        && std::env::var(dyad_lexicon::NO_MANUAL_ENV).map_or(true, |v| v.is_empty() || v == "0");
    let lex = Lexicon::load_with(&args.lexicon, manual).context("loading the actor lexicon")?;
    let file = std::fs::File::open(&args.file)
        .with_context(|| format!("opening {}", args.file.display()))?;
    let mut r = EvalReport {
        manual,
        ..Default::default()
    };
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", args.file.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let case: serde_json::Value = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: bad JSON", args.file.display(), n + 1))?;
        let s = |k: &str| {
            case.get(k)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        let (id, text, context, date_text, known) = (
            s("id"),
            s("text"),
            s("context"),
            s("date"),
            s("known_country"),
        );
        let date = case_date(&date_text);
        let res = lex.resolve_phrase(&text, Some(date), &context);
        let mut actor = res.actor.clone().unwrap_or_default();
        if actor.country.is_none() && !known.is_empty() {
            actor.country = Some(known.clone());
        }
        let country = match (&actor.country, actor.sectors.iter().any(|s| s == "IGO")) {
            (Some(c), _) => c.clone(),
            (None, true) => "IGO".to_string(),
            (None, false) => String::new(),
        };
        let code1 = actor.sectors.first().cloned().unwrap_or_default();
        r.cases += 1;
        let expect = case.get("expect").cloned().unwrap_or_default();
        // The chosen mention covers under half of the phrase's words: the
        // phrase was read through something else inside it.
        let words = |s: &str| s.split_whitespace().count();
        let small_mention = res
            .mention
            .as_deref()
            .is_some_and(|m| 2 * words(m) < words(&text));
        let fails = |field: &str, got: &str| expect.get(field).is_some_and(|e| !check(e, got));
        let both_wrong = fails("country", &country) && fails("code_1", &code1);
        for (field, got) in [("country", &country), ("code_1", &code1)] {
            let Some(e) = expect.get(field) else { continue };
            let ok = check(e, got);
            if field == "country" {
                r.country_cases += 1;
                r.country_correct += ok as usize;
            } else {
                r.code1_cases += 1;
                r.code1_correct += ok as usize;
            }
            if !ok {
                let expected_empty = e
                    .get("value")
                    .and_then(|v| v.as_str())
                    .is_some_and(str::is_empty);
                let error = classify(field, got, expected_empty, small_mention, both_wrong);
                r.errors.add(error);
                r.failures.push(Failure {
                    error,
                    id: id.clone(),
                    text: text.clone(),
                    date: date.to_string(),
                    field,
                    expected: e.get("value").cloned().unwrap_or_default(),
                    got: got.clone(),
                    actor: res
                        .actor
                        .as_ref()
                        .map(describe)
                        .unwrap_or_else(|| "none".into()),
                });
            }
        }
    }
    r.country_accuracy = r.country_correct as f64 / r.country_cases.max(1) as f64;
    r.code1_accuracy = r.code1_correct as f64 / r.code1_cases.max(1) as f64;
    if args.json {
        println!("{}", serde_json::to_string(&r)?);
    } else {
        for f in &r.failures {
            println!(
                "FAIL {} {:?} ({}) {}: expected {} got {:?} — {} [{}]",
                f.id,
                f.text,
                f.date,
                f.field,
                f.expected,
                f.got,
                f.actor,
                f.error.label()
            );
        }
        println!(
            "{} cases: country {}/{} = {:.3}, code_1 {}/{} = {:.3}",
            r.cases,
            r.country_correct,
            r.country_cases,
            r.country_accuracy,
            r.code1_correct,
            r.code1_cases,
            r.code1_accuracy
        );
        println!(
            "errors: {} knowledge missing, {} wrong country, {} wrong sector, {} wrong entity; manual knowledge file {}",
            r.errors.knowledge_missing,
            r.errors.wrong_country,
            r.errors.wrong_sector,
            r.errors.wrong_entity,
            if r.manual { "loaded" } else { "skipped (--no-manual)" }
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct BenchReport {
    docs: usize,
    bytes: usize,
    seconds: f64,
    threads: usize,
    docs_per_sec: f64,
    mb_per_sec_per_core: f64,
    load_ms: f64,
    /// CPU time of the lexicon load (Linux; wall time elsewhere).
    load_cpu_ms: f64,
    /// CPU seconds spent in recognition (all threads; Linux).
    cpu_seconds: Option<f64>,
    /// Throughput per CPU-second: the per-core figure on a busy machine.
    mb_per_cpu_second: Option<f64>,
    mentions: usize,
}

/// CPU time (user + system) of this process so far, from /proc/self/stat.
/// Runs `dyad bench actors`: times lexicon load and `recognize` alone (the
/// text stage runs once, untimed, to prepare the analysed documents).
pub fn bench(args: BenchActorsArgs) -> anyhow::Result<ExitCode> {
    let t0 = Instant::now();
    let c0 = super::bench::process_cpu_seconds();
    let lex = load(&[])?;
    let load_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let load_cpu_ms = match (c0, super::bench::process_cpu_seconds()) {
        (Some(a), Some(b)) => (b - a) * 1000.0,
        _ => load_ms,
    };
    let opts = dyad_text::ReadOptions::default();
    let pipeline = dyad_text::TextPipeline::new();
    let mut docs = Vec::new();
    for item in dyad_text::read_raw_inputs(std::slice::from_ref(&args.corpus), &opts) {
        match item {
            Ok(raw) => docs.push(pipeline.analyze(dyad_text::build_document(raw, &opts))),
            Err(err) => eprintln!("warning: skipped: {err}"),
        }
    }
    anyhow::ensure!(
        !docs.is_empty(),
        "{}: no documents to benchmark",
        args.corpus.display()
    );
    let bytes_once: usize = docs.iter().map(|d| d.doc.text.len()).sum();
    let pool = super::bench::pool(args.threads)?;
    let threads = pool.current_num_threads();
    let repeat = args.repeat.max(1);
    let start = Instant::now();
    let c1 = super::bench::process_cpu_seconds();
    let mentions: usize = pool.install(|| {
        (0..repeat)
            .map(|_| {
                docs.par_iter()
                    .map(|d| lex.recognize(d).len())
                    .sum::<usize>()
            })
            .sum()
    });
    let seconds = start.elapsed().as_secs_f64().max(1e-9);
    let cpu_seconds = match (c1, super::bench::process_cpu_seconds()) {
        (Some(a), Some(b)) => Some((b - a).max(0.01)),
        _ => None,
    };
    let report = BenchReport {
        docs: docs.len() * repeat,
        bytes: bytes_once * repeat,
        seconds,
        threads,
        docs_per_sec: (docs.len() * repeat) as f64 / seconds,
        mb_per_sec_per_core: (bytes_once * repeat) as f64 / 1e6 / seconds / threads as f64,
        load_ms,
        load_cpu_ms,
        cpu_seconds,
        mb_per_cpu_second: cpu_seconds.map(|c| (bytes_once * repeat) as f64 / 1e6 / c),
        mentions: mentions / repeat,
    };
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!(
            "actors stage (recognize + resolve + coreference): lexicon load {:.1} ms ({:.1} ms CPU); {} docs, {:.2} MB in {:.3} s on {} thread(s): {:.0} docs/s, {:.2} MB/s per core ({} MB per CPU-second); {} mentions per pass",
            report.load_ms,
            report.load_cpu_ms, report.docs, report.bytes as f64 / 1e6, report.seconds, report.threads, report.docs_per_sec, report.mb_per_sec_per_core,
            report.mb_per_cpu_second.map_or("n/a".to_string(), |x| format!("{x:.2}")), report.mentions
        );
    }
    Ok(ExitCode::SUCCESS)
}
