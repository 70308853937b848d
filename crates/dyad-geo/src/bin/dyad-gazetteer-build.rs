//! Compiles the gazetteer source TSV (from `scripts/build-gazetteer.py`) into
//! the binary gazetteer file. Usage: `dyad-gazetteer-build SOURCE.tsv OUT.bin`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(source), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: dyad-gazetteer-build SOURCE.tsv OUT.bin");
        return ExitCode::from(2);
    };
    let start = std::time::Instant::now();
    match dyad_geo::compile_file(&PathBuf::from(source), &PathBuf::from(out)) {
        Ok(n) => {
            eprintln!(
                "dyad-gazetteer-build: {n} places written to {out} in {:.1}s",
                start.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("dyad-gazetteer-build: {err}");
            ExitCode::from(1)
        }
    }
}
