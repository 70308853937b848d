//! `dyad read` and `dyad bench text`.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dyad read`.
#[derive(clap::Args)]
pub struct ReadArgs {
    /// Files, directories (recursive) or `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// Arguments of `dyad bench text`.
#[derive(clap::Args)]
pub struct BenchTextArgs {
    /// A JSONL corpus.
    pub corpus: PathBuf,
}

/// Runs `dyad read`.
pub fn run(_args: ReadArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dyad read: being built (issue 2)")
}

/// Runs `dyad bench text`.
pub fn bench_text(_args: BenchTextArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dyad bench text: being built (issue 2)")
}
