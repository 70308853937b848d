//! `dyad read` and `dyad bench text`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use dyad_core::{AnalyzedDocument, Document, ZoneKind};
use dyad_text::{InputFormat, ReadOptions, TextPipeline};
use rayon::prelude::*;
use serde::Serialize;

/// Output formats of `dyad read`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One JSON object a document (JSON Lines): metadata, date, zones,
    /// sentences and tokens.
    Json,
    /// Body text, then the other zones as `[zone] text`, then the date.
    Text,
}

/// Input formats accepted by `--input-format`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormatArg {
    /// Plain text.
    Text,
    /// JSON Lines records.
    Jsonl,
    /// HTML pages.
    Html,
    /// WARC archives.
    Warc,
}

impl From<InputFormatArg> for InputFormat {
    fn from(f: InputFormatArg) -> Self {
        match f {
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Warc => InputFormat::Warc,
        }
    }
}

/// Arguments of `dyad read`.
#[derive(clap::Args)]
pub struct ReadArgs {
    /// Files, directories (recursive) or `-` for stdin. Formats by extension:
    /// .jsonl/.ndjson, .html/.htm, .warc/.warc.gz, anything else plain text.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Publication date of every document (YYYY-MM-DD); overrides metadata
    /// and inference.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// Pretty-print JSON (one document spans many lines).
    #[arg(long)]
    pub pretty: bool,
    /// Read every input as this format instead of guessing.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormatArg>,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = dyad_text::DEFAULT_MAX_DOC_BYTES)]
    pub max_doc_bytes: usize,
}

/// Arguments of `dyad bench text`.
#[derive(clap::Args)]
pub struct BenchTextArgs {
    /// A JSONL corpus (`{id?, date?, text|html}` a line).
    pub corpus: PathBuf,
    /// Print one JSON object instead of a sentence.
    #[arg(long)]
    pub json: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Process the corpus this many times (for steadier timings on small corpora).
    #[arg(long, default_value_t = 1)]
    pub repeat: usize,
}

/// Runs `dyad read`. A closed stdout (`dyad read ... | head`) ends quietly.
pub fn run(args: ReadArgs) -> anyhow::Result<ExitCode> {
    match read_all(args) {
        Err(err)
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            Ok(ExitCode::SUCCESS)
        }
        other => other,
    }
}

fn read_all(args: ReadArgs) -> anyhow::Result<ExitCode> {
    let opts = ReadOptions {
        date: args.date,
        max_doc_bytes: args.max_doc_bytes,
        format: args.input_format.map(Into::into),
    };
    let pipeline = TextPipeline::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut read = 0usize;
    for item in dyad_text::read_inputs(&args.paths, &opts) {
        let doc = match item {
            Ok(doc) => doc,
            Err(err) => {
                failed += 1;
                eprintln!("error: {err}");
                continue;
            }
        };
        read += 1;
        for warning in &doc.warnings {
            eprintln!("warning: {}: {warning}", doc.id);
        }
        match args.format {
            OutputFormat::Text => write_text(&mut out, &doc)?,
            OutputFormat::Json => {
                let analyzed = pipeline.analyze(doc);
                let view = DocView::new(&analyzed);
                let json = if args.pretty {
                    serde_json::to_string_pretty(&view)?
                } else {
                    serde_json::to_string(&view)?
                };
                out.write_all(json.as_bytes())?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("dyad read: {read} document(s) read, {failed} failed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn write_text(out: &mut impl Write, doc: &Document) -> anyhow::Result<()> {
    let body: Vec<&str> = doc
        .zones
        .iter()
        .filter(|z| z.kind == ZoneKind::Body)
        .map(|z| z.span.slice(&doc.text))
        .collect();
    writeln!(out, "{}", body.join("\n\n"))?;
    writeln!(out)?;
    for zone in doc.zones.iter().filter(|z| z.kind != ZoneKind::Body) {
        writeln!(
            out,
            "[{}] {}",
            zone.kind.as_str(),
            zone.span.slice(&doc.text)
        )?;
    }
    match &doc.date {
        Some(d) => writeln!(
            out,
            "[date] {} ({}, confidence {:.2}: {})",
            d.date,
            serde_json::to_value(d.origin)?.as_str().unwrap_or("?"),
            d.confidence,
            d.note
        )?,
        None => writeln!(out, "[date] unknown")?,
    }
    writeln!(out)?;
    Ok(())
}

/// JSON view of an analysed document: like the core types, plus the text of
/// every zone, sentence and token so the output reads on its own.
#[derive(Serialize)]
struct DocView<'a> {
    id: &'a str,
    source: &'a Option<String>,
    url: &'a Option<String>,
    title: &'a Option<String>,
    author: &'a Option<String>,
    agency: &'a Option<String>,
    dateline: &'a Option<String>,
    language: &'a Option<String>,
    content_hash: &'a str,
    date: &'a Option<dyad_core::PubDate>,
    zones: Vec<ZoneView<'a>>,
    removed: &'a [String],
    warnings: &'a [String],
    sentences: Vec<SentenceView<'a>>,
}

#[derive(Serialize)]
struct ZoneView<'a> {
    kind: ZoneKind,
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct SentenceView<'a> {
    index: usize,
    zone: ZoneKind,
    start: usize,
    end: usize,
    text: &'a str,
    tokens: Vec<TokenView<'a>>,
}

#[derive(Serialize)]
struct TokenView<'a> {
    text: &'a str,
    pos: dyad_core::Pos,
    lemma: &'a str,
    start: usize,
    end: usize,
}

impl<'a> DocView<'a> {
    fn new(a: &'a AnalyzedDocument) -> Self {
        let d = &a.doc;
        let text = d.text.as_str();
        DocView {
            id: &d.id,
            source: &d.source,
            url: &d.url,
            title: &d.title,
            author: &d.author,
            agency: &d.agency,
            dateline: &d.dateline,
            language: &d.language,
            content_hash: &d.content_hash,
            date: &d.date,
            zones: d
                .zones
                .iter()
                .map(|z| ZoneView {
                    kind: z.kind,
                    start: z.span.start,
                    end: z.span.end,
                    text: z.span.slice(text),
                })
                .collect(),
            removed: &d.removed,
            warnings: &d.warnings,
            sentences: a
                .sentences
                .iter()
                .map(|s| SentenceView {
                    index: s.index,
                    zone: s.zone,
                    start: s.span.start,
                    end: s.span.end,
                    text: s.span.slice(text),
                    tokens: s
                        .tokens
                        .iter()
                        .map(|t| TokenView {
                            text: t.span.slice(text),
                            pos: t.pos,
                            lemma: &t.lemma,
                            start: t.span.start,
                            end: t.span.end,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// Result of `dyad bench text`, printed by `--json`.
#[derive(Serialize)]
struct BenchReport {
    docs: usize,
    bytes: usize,
    seconds: f64,
    threads: usize,
    docs_per_sec: f64,
    mb_per_sec_per_core: f64,
}

/// Runs `dyad bench text`: reads the corpus (untimed), then times cleaning,
/// date inference, segmentation, tokenization and tagging on a rayon pool.
pub fn bench_text(args: BenchTextArgs) -> anyhow::Result<ExitCode> {
    let opts = ReadOptions::default();
    let raws = super::bench::read_corpus(&args.corpus, &opts)?;
    let bytes_once = super::bench::raw_bytes(&raws);
    let pool = super::bench::pool(args.threads)?;
    let threads = pool.current_num_threads();
    let pipeline = TextPipeline::new();
    let repeat = args.repeat.max(1);
    let start = Instant::now();
    let tokens: usize = pool.install(|| {
        (0..repeat)
            .map(|_| {
                raws.par_iter()
                    .map(|raw| {
                        let doc = dyad_text::build_document(raw.clone(), &opts);
                        let analyzed = pipeline.analyze(doc);
                        analyzed
                            .sentences
                            .iter()
                            .map(|s| s.tokens.len())
                            .sum::<usize>()
                    })
                    .sum::<usize>()
            })
            .sum()
    });
    let seconds = start.elapsed().as_secs_f64().max(1e-9);
    let docs = raws.len() * repeat;
    let bytes = bytes_once * repeat;
    let report = BenchReport {
        docs,
        bytes,
        seconds,
        threads,
        docs_per_sec: docs as f64 / seconds,
        mb_per_sec_per_core: bytes as f64 / 1e6 / seconds / threads as f64,
    };
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!(
            "text stage (clean + date + segment + tokenize + tag): {} docs, {:.2} MB, {} tokens in {:.3} s on {} thread(s): {:.0} docs/s, {:.2} MB/s total, {:.2} MB/s per core",
            report.docs,
            bytes as f64 / 1e6,
            tokens,
            seconds,
            threads,
            report.docs_per_sec,
            bytes as f64 / 1e6 / seconds,
            report.mb_per_sec_per_core
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_output_is_body_then_zones_then_date() {
        let doc = dyad_text::document_from_text(
            "t",
            "Rebels retake northern town\n\nBy Sam Lee\n\nGENEVA (Reuters) - Rebels retook the town on Friday.\n\nShare this article",
            NaiveDate::from_ymd_opt(2021, 3, 5),
        );
        let mut out = Vec::new();
        write_text(&mut out, &doc).unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8(out).unwrap_or_default();
        assert_eq!(
            text,
            "Rebels retook the town on Friday.\n\n\
             [title] Rebels retake northern town\n\
             [byline] By Sam Lee\n\
             [dateline] GENEVA (Reuters) -\n\
             [date] 2021-03-05 (cli, confidence 1.00: given by --date on the command line)\n\n"
        );
    }

    #[test]
    fn json_view_carries_token_text_and_tags() {
        let pipeline = TextPipeline::new();
        let doc = dyad_text::document_from_text("t", "Troops withdrew on Monday.", None);
        let analyzed = pipeline.analyze(doc);
        let json = serde_json::to_value(DocView::new(&analyzed)).unwrap_or_default();
        assert_eq!(json["sentences"][0]["tokens"][1]["text"], "withdrew");
        assert_eq!(json["sentences"][0]["tokens"][1]["pos"], "VBD");
        assert_eq!(json["sentences"][0]["tokens"][1]["lemma"], "withdraw");
        assert_eq!(json["zones"][0]["kind"], "body");
    }
}
