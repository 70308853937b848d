//! Puts the gazetteer into the Python package (`dyad/gazetteer.bin`), so the
//! wheel carries it and an installed `dyad` finds it from any directory.
//! The file is built by `scripts/build-gazetteer.sh` (it is not in git);
//! without it the package still codes events, with country-level places,
//! and says so when a `Coder` is made.

use std::path::Path;

fn main() {
    let source = Path::new("../data/gazetteer/gazetteer.bin");
    let target = Path::new("dyad/gazetteer.bin");
    println!("cargo:rerun-if-changed={}", source.display());
    println!("cargo:rerun-if-changed=build.rs");
    if source.is_file() {
        let stale = match (std::fs::metadata(source), std::fs::metadata(target)) {
            (Ok(s), Ok(t)) => s.len() != t.len() || s.modified().ok() > t.modified().ok(),
            _ => true,
        };
        if stale {
            if let Err(e) = std::fs::copy(source, target) {
                println!("cargo:warning=could not copy the gazetteer into the package: {e}");
            }
        }
    } else if !target.is_file() {
        println!(
            "cargo:warning=no gazetteer at {}: run `bash scripts/build-gazetteer.sh` first, \
             or the package will code without place names",
            source.display()
        );
    }
}
