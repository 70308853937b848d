//! The `dyad` command-line interface: a thin layer that parses arguments,
//! wires the library crates together and prints results for people.
//!
//! Each subcommand lives in its own module under `cmd/`; this file only lists
//! them. Errors are reported with their context chain and a non-zero exit code.

mod cmd;

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
    /// Measure throughput of a pipeline stage on a corpus.
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Measure quality against gold sets.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Text stage: clean + segment + tokenize + tag.
    Text(cmd::read::BenchTextArgs),
}

#[derive(Subcommand)]
enum EvalCommand {}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Read(args) => cmd::read::run(args),
        Command::Bench(BenchCommand::Text(args)) => cmd::read::bench_text(args),
        Command::Eval(eval) => match eval {},
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
