//! `dyad places`, `dyad eval geo` and `dyad bench places`: toponyms found and
//! resolved with the GeoNames gazetteer (dyad-geo).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use dyad_core::{ActorMention, AnalyzedDocument, PlaceMention};
use dyad_geo::eval::{read_gold, GeoScore};
use dyad_geo::Gazetteer;
use dyad_lexicon::Lexicon;
use dyad_text::{ReadOptions, TextPipeline};
use rayon::prelude::*;
use serde::Serialize;

/// Name of a user place file inside a `--lexicon DIR`.
const LEXICON_PLACES_FILE: &str = "places.tsv";

/// Options shared by the place commands: extra places and lexicon.
#[derive(clap::Args, Clone)]
pub struct PlaceSources {
    /// A user place file (TSV: name, lat, lon, ISO3 country, [feature code],
    /// [admin1], [alternate names |-separated], [id]); repeatable.
    #[arg(long = "places", value_name = "FILE")]
    pub places: Vec<PathBuf>,
    /// Lexicon directory overriding/extending the built-in one; its
    /// `places.tsv`, when present, adds user places.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Vec<PathBuf>,
    /// Find places without actor mentions (no lexicon): for comparisons.
    #[arg(long)]
    pub no_actors: bool,
}

/// Arguments of `dyad places`.
#[derive(clap::Args)]
pub struct PlacesArgs {
    /// Files, directories or `-` for stdin (formats as for `dyad read`).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Publication date of every document (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// One JSON object per document instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub sources: PlaceSources,
}

/// Arguments of `dyad eval geo`.
#[derive(clap::Args)]
pub struct EvalGeoArgs {
    /// Gold JSONL (`{"id","text","expect":[...]}` a line).
    pub file: PathBuf,
    /// Print `{"toponyms","accuracy","country_accuracy","recall"}` only.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub sources: PlaceSources,
}

/// Arguments of `dyad bench places`.
#[derive(clap::Args)]
pub struct BenchPlacesArgs {
    /// A JSONL corpus (`{id?, date?, text|html}` a line).
    pub corpus: PathBuf,
    /// Print one JSON object instead of a sentence.
    #[arg(long)]
    pub json: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

/// The gazetteer with user places, and the lexicon when it loads.
struct Resolver {
    gazetteer: Gazetteer,
    lexicon: Option<Lexicon>,
    pipeline: TextPipeline,
}

impl Resolver {
    fn new(sources: &PlaceSources) -> anyhow::Result<Resolver> {
        let mut gazetteer = Gazetteer::load_default()?;
        for file in &sources.places {
            gazetteer.add_places_file(file)?;
        }
        for dir in &sources.lexicon {
            let file = dir.join(LEXICON_PLACES_FILE);
            if file.is_file() {
                gazetteer.add_places_file(&file)?;
            }
        }
        let lexicon = if sources.no_actors {
            None
        } else {
            load_lexicon(&sources.lexicon)
        };
        Ok(Resolver {
            gazetteer,
            lexicon,
            pipeline: TextPipeline::new(),
        })
    }

    fn places(&self, doc: &AnalyzedDocument) -> Vec<PlaceMention> {
        let actors: Vec<ActorMention> = self
            .lexicon
            .as_ref()
            .map(|l| l.recognize(doc))
            .unwrap_or_default();
        self.gazetteer.recognize(doc, &actors)
    }
}

/// The actor lexicon, or `None` with a warning when it does not load.
fn load_lexicon(dirs: &[PathBuf]) -> Option<Lexicon> {
    match Lexicon::load(dirs) {
        Ok(lex) => Some(lex),
        Err(err) => {
            eprintln!("warning: actor lexicon unavailable ({err}); places are found without actor filtering");
            None
        }
    }
}

#[derive(Serialize)]
struct DocPlaces<'a> {
    id: &'a str,
    places: &'a [PlaceMention],
}

/// Runs `dyad places`.
pub fn run(args: PlacesArgs) -> anyhow::Result<ExitCode> {
    let resolver = Resolver::new(&args.sources)?;
    let opts = ReadOptions {
        date: args.date,
        ..ReadOptions::default()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    for item in dyad_text::read_inputs(&args.paths, &opts) {
        let doc = match item {
            Ok(doc) => doc,
            Err(err) => {
                failed += 1;
                eprintln!("error: {err}");
                continue;
            }
        };
        let analyzed = resolver.pipeline.analyze(doc);
        let places = resolver.places(&analyzed);
        if args.json {
            serde_json::to_writer(
                &mut out,
                &DocPlaces {
                    id: &analyzed.doc.id,
                    places: &places,
                },
            )?;
            writeln!(out)?;
            continue;
        }
        writeln!(out, "== {} ({} toponyms)", analyzed.doc.id, places.len())?;
        for p in &places {
            match &p.place {
                Some(r) => writeln!(
                    out,
                    "  s{:<3} {:<24} -> {} {} [{} {}{}] {:.4},{:.4} pop {} conf {:.2}: {}",
                    p.sentence,
                    p.text,
                    r.geonameid,
                    r.name,
                    r.feature_code,
                    r.country,
                    r.admin1
                        .as_deref()
                        .map(|a| format!(", {a}"))
                        .unwrap_or_default(),
                    r.lat,
                    r.lon,
                    r.population,
                    p.confidence,
                    p.reason
                )?,
                None => writeln!(
                    out,
                    "  s{:<3} {:<24} -> unresolved: {}",
                    p.sentence, p.text, p.reason
                )?,
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(Serialize)]
struct EvalJson {
    toponyms: usize,
    accuracy: f64,
    country_accuracy: f64,
    recall: f64,
}

/// Runs `dyad eval geo`.
pub fn eval(args: EvalGeoArgs) -> anyhow::Result<ExitCode> {
    let resolver = Resolver::new(&args.sources)?;
    let cases = read_gold(&args.file)?;
    let mut score = GeoScore::default();
    for case in &cases {
        let doc = dyad_text::document_from_text(&case.id, &case.text, None);
        let analyzed = resolver.pipeline.analyze(doc);
        let places = resolver.places(&analyzed);
        score.add_case(case, &places);
    }
    if args.json {
        let report = EvalJson {
            toponyms: score.toponyms,
            accuracy: score.accuracy(),
            country_accuracy: score.country_accuracy(),
            recall: score.recall(),
        };
        println!("{}", serde_json::to_string(&report)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}: {} cases, {} gold toponyms, {} matched",
        args.file.display(),
        cases.len(),
        score.toponyms,
        score.matched
    );
    println!(
        "accuracy {:.3}  country accuracy {:.3}  recall {:.3}",
        score.accuracy(),
        score.country_accuracy(),
        score.recall()
    );
    for f in &score.failures {
        println!(
            "  FAIL {} {:?}: expected {}; got {}",
            f.case, f.name, f.expected, f.got
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
    rss_mb: f64,
}

/// Resident memory of this process in MB (Linux `/proc`), 0 when unknown.
fn rss_mb() -> f64 {
    super::bench::status_mb("VmRSS")
}

/// Runs `dyad bench places`: loads the gazetteer (timed: `load_ms`, and the
/// process's resident memory after it: `rss_mb`), analyses the corpus
/// (untimed), then times recognition + resolution on a rayon pool.
pub fn bench(args: BenchPlacesArgs) -> anyhow::Result<ExitCode> {
    let rss_before = rss_mb();
    let start = Instant::now();
    let gazetteer = Gazetteer::load_default()?;
    let load_ms = start.elapsed().as_secs_f64() * 1000.0;
    let rss_after = rss_mb();
    let docs = analyse_corpus(&args.corpus)?;
    anyhow::ensure!(
        !docs.is_empty(),
        "{}: no documents to benchmark",
        args.corpus.display()
    );
    let bytes: usize = docs.iter().map(|d| d.doc.text.len()).sum();
    let pool = super::bench::pool(args.threads)?;
    let threads = pool.current_num_threads();
    let start = Instant::now();
    let found: usize = pool.install(|| {
        docs.par_iter()
            .map(|d| gazetteer.recognize(d, &[]).len())
            .sum()
    });
    let seconds = start.elapsed().as_secs_f64().max(1e-9);
    let report = BenchReport {
        docs: docs.len(),
        bytes,
        seconds,
        threads,
        docs_per_sec: docs.len() as f64 / seconds,
        mb_per_sec_per_core: bytes as f64 / 1e6 / seconds / threads as f64,
        load_ms,
        rss_mb: rss_after,
    };
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!(
            "places stage (recognise + resolve): {} docs, {:.2} MB, {} toponyms in {:.3} s on {} thread(s): {:.0} docs/s, {:.2} MB/s per core; gazetteer load {:.1} ms, RSS {:.1} MB after load (+{:.1} MB)",
            report.docs,
            bytes as f64 / 1e6,
            found,
            seconds,
            threads,
            report.docs_per_sec,
            report.mb_per_sec_per_core,
            load_ms,
            rss_after,
            rss_after - rss_before
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn analyse_corpus(corpus: &Path) -> anyhow::Result<Vec<AnalyzedDocument>> {
    let pipeline = TextPipeline::new();
    let mut docs = Vec::new();
    for item in dyad_text::read_inputs(
        std::slice::from_ref(&corpus.to_path_buf()),
        &ReadOptions::default(),
    ) {
        match item {
            Ok(doc) => docs.push(pipeline.analyze(doc)),
            Err(err) => eprintln!("warning: skipped: {err}"),
        }
    }
    Ok(docs)
}
