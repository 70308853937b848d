//! The article-extraction benchmark in ../shared (when present): F1 must not
//! fall below the measured level minus about 0.02 (0.981 on the dev pages when this floor was set).

use std::path::Path;

const F1_FLOOR: f64 = 0.955;

#[test]
fn dev_benchmark_f1_stays_above_floor() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/html");
    let truth = dir.join("ground-truth.dev.json");
    if !truth.exists() {
        eprintln!("SKIPPED: ../shared not found ({})", truth.display());
        return;
    }
    let report = dyad_web::bench::run_benchmark(&dir, &truth).unwrap_or_else(|e| panic!("{e}"));
    let s = report.summary;
    eprintln!(
        "html benchmark: {} pages, F1 {:.4} P {:.4} R {:.4}",
        report.pages.len(),
        s.f1,
        s.precision,
        s.recall
    );
    assert!(report.pages.len() >= 100);
    assert!(s.f1 >= F1_FLOOR, "F1 {:.4} fell below {F1_FLOOR}", s.f1);
}
