//! The `dyad` command-line interface: a thin layer that parses arguments,
//! wires the library crates together and prints results for people.
//!
//! Each subcommand lives in its own module under `cmd/`; this file only lists
//! them. Errors are reported with their context chain and a non-zero exit code.

mod cmd;

/// mimalloc instead of the system allocator: tokens, lemmas and mentions are
/// many small allocations, and glibc's slow path made them a fifth of the
/// coding time (see docs/coder.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};

/// dyad: who did what to whom, when and where — political event data from news text.
#[derive(Parser)]
#[command(name = "dyad", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read documents and print them cleaned: zones, metadata, date, sentences, tokens.
    Read(cmd::read::ReadArgs),
    /// List the toponyms of documents, resolved with the GeoNames gazetteer.
    Places(cmd::places::PlacesArgs),
    /// Code events (PLOVER/CAMEO) from documents.
    Code(cmd::code::CodeArgs),
    /// Show, sentence by sentence, actors, predicates, patterns tried and events coded.
    Explain(cmd::code::ExplainArgs),
    /// Read, code and store documents in the database (idempotent, resumable).
    Ingest(cmd::store::IngestArgs),
    /// Re-code stored documents (after a lexicon change), replacing their events.
    Recode(cmd::store::RecodeArgs),
    /// List documents that failed to read or code during ingests.
    Errors(cmd::store::ErrorsArgs),
    /// Query stored events or merged events.
    Events(cmd::store::EventsArgs),
    /// Top dyads: event counts, cooperation/conflict balance, mean Goldstein.
    Dyads(cmd::store::DyadsArgs),
    /// Events between two actors per day, week or month.
    Timeline(cmd::store::TimelineArgs),
    /// One event or merged event with every sentence that reported it.
    Show(cmd::store::ShowArgs),
    /// Export events: PLOVER JSON, GDELT 2.0 TSV, CSV or Parquet.
    Export(cmd::store::ExportArgs),
    /// Ingest the example articles into a fresh database and show what dyad finds.
    Demo(cmd::store::DemoArgs),
    /// Resolve an actor phrase (country, sectors, person role at a date) and explain why.
    Actor(cmd::actors::ActorArgs),
    /// Validate actor knowledge files.
    #[command(subcommand)]
    Lexicon(cmd::actors::LexiconCommand),
    /// Serve the HTTP API and the web dashboard over a database.
    Serve(cmd::serve::ServeArgs),
    /// Measure throughput of a pipeline stage on a corpus.
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Measure quality against gold sets.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Tag and parse documents (Universal Dependencies): CoNLL-U, JSON or drawn trees.
    Parse(cmd::syntax::ParseArgs),
    /// Train the tagger and parser model from a treebank.
    #[command(subcommand)]
    Train(cmd::syntax::TrainCommand),
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Text stage: clean + segment + tokenize + tag.
    Text(cmd::read::BenchTextArgs),
    /// Actors stage: lexicon load time and recognition throughput.
    Actors(cmd::actors::BenchActorsArgs),
    /// Ingest end to end into a database (docs/s, database size, peak memory).
    Ingest(cmd::store::BenchIngestArgs),
    /// Event coding end to end (read, tag, actors, places, events).
    Code(cmd::code::BenchCodeArgs),
    /// HTML article extraction: pages per second on one core.
    Html(cmd::html::BenchHtmlArgs),
    /// Places stage: toponym recognition + resolution (and gazetteer load time/RSS).
    Places(cmd::places::BenchPlacesArgs),
    /// API server: latency percentiles of a bounded mix of loopback requests.
    Serve(cmd::serve::BenchServeArgs),
    /// Tag + dependency parse: tokens/s and sentences/s per core.
    Parse(cmd::syntax::BenchParseArgs),
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Event coding against the seed articles' expectations.
    Seeds(cmd::code::EvalSeedsArgs),
    /// Actor resolution against a gold set (country and primary sector accuracy).
    Actors(cmd::actors::EvalActorsArgs),
    /// Event type recall on labelled PLOVER stories.
    Plover(cmd::code::EvalPloverArgs),
    /// HTML article extraction against a benchmark (shingle precision/recall/F1).
    Html(cmd::html::EvalHtmlArgs),
    /// Toponym resolution against a geoparsing gold set (accuracy, country accuracy, recall).
    Geo(cmd::places::EvalGeoArgs),
    /// Whole events on real news: precision, recall, errors, reliability (`../shared/eval/events-real`).
    Events(cmd::eval_events::EvalEventsArgs),
    /// Outside PLOVER gold with marked source and target (`../shared/eval/plv/plv-train.tsv`).
    Plv(cmd::eval_events::EvalPlvArgs),
    /// Tagger, lemmas and parser against gold CoNLL-U (UPOS, UAS, LAS, per relation).
    Parse(cmd::syntax::EvalParseArgs),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    // Rust ignores SIGPIPE, so every println! to a closed pipe (`dyad explain
    // doc | head`) would panic; a command-line tool should simply stop, as
    // Unix tools do. Not the server: a client hanging up must not kill it.
    #[cfg(unix)]
    if !matches!(
        cli.command,
        Command::Serve(_) | Command::Bench(BenchCommand::Serve(_))
    ) {
        // SAFETY: called before any other thread exists; SIG_DFL is a valid
        // disposition for SIGPIPE.
        unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        }
    }
    let result = match cli.command {
        Command::Read(args) => cmd::read::run(args),
        Command::Serve(args) => cmd::serve::serve(args),
        Command::Bench(BenchCommand::Serve(args)) => cmd::serve::bench_serve(args),
        Command::Actor(args) => cmd::actors::actor(args),
        Command::Lexicon(cmd) => cmd::actors::lexicon(cmd),
        Command::Bench(BenchCommand::Actors(args)) => cmd::actors::bench(args),
        Command::Eval(EvalCommand::Actors(args)) => cmd::actors::eval(args),
        Command::Ingest(args) => cmd::store::ingest(args),
        Command::Recode(args) => cmd::store::recode(args),
        Command::Errors(args) => cmd::store::errors(args),
        Command::Events(args) => cmd::store::events(args),
        Command::Dyads(args) => cmd::store::dyads(args),
        Command::Timeline(args) => cmd::store::timeline(args),
        Command::Show(args) => cmd::store::show(args),
        Command::Export(args) => cmd::store::export(args),
        Command::Demo(args) => cmd::store::demo(args),
        Command::Bench(BenchCommand::Ingest(args)) => cmd::store::bench_ingest(args),
        Command::Code(args) => cmd::code::run(args),
        Command::Explain(args) => cmd::code::explain(args),
        Command::Bench(BenchCommand::Code(args)) => cmd::code::bench(args),
        Command::Eval(EvalCommand::Seeds(args)) => cmd::code::eval_seeds(args),
        Command::Eval(EvalCommand::Plover(args)) => cmd::code::eval_plover(args),
        Command::Places(args) => cmd::places::run(args),
        Command::Bench(BenchCommand::Places(args)) => cmd::places::bench(args),
        Command::Eval(EvalCommand::Geo(args)) => cmd::places::eval(args),
        Command::Bench(BenchCommand::Text(args)) => cmd::read::bench_text(args),
        Command::Bench(BenchCommand::Html(args)) => cmd::html::bench(args),
        Command::Eval(EvalCommand::Html(args)) => cmd::html::eval(args),
        Command::Eval(EvalCommand::Events(args)) => cmd::eval_events::eval_events(args),
        Command::Eval(EvalCommand::Plv(args)) => cmd::eval_events::eval_plv(args),
        Command::Parse(args) => cmd::syntax::parse(args),
        Command::Train(cmd) => cmd::syntax::train(cmd),
        Command::Eval(EvalCommand::Parse(args)) => cmd::syntax::eval(args),
        Command::Bench(BenchCommand::Parse(args)) => cmd::syntax::bench(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            std::process::ExitCode::from(2)
        }
    }
}
