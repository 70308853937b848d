//! Development helper: `cargo run --release -p dyad-web --example html_bench -- DIR TRUTH [ID-PREFIX]`
//! prints the benchmark summary and worst pages, or one page's extraction.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(truth)) = (args.get(1), args.get(2)) else {
        return Err("usage: html_bench DIR TRUTH [ID-PREFIX]".into());
    };
    if let Some(prefix) = args.get(3) {
        for page in dyad_web::bench::load_pages(dir.as_ref(), truth.as_ref())? {
            let (id, url, truth_body, bytes) = (page.id, page.url, page.truth, page.bytes);
            if id.starts_with(prefix.as_str()) {
                if std::env::var("EXPLAIN").is_ok() {
                    println!(
                        "{}",
                        dyad_web::explain(&dyad_web::decode(&bytes, None).text)?
                    );
                }
                let ex = dyad_web::extract_bytes(&bytes, Some(&url), None)?;
                println!(
                    "URL {url}\nNOTES {:?}\nMETA {:?}",
                    ex.notes, ex.metadata.title
                );
                for b in &ex.blocks {
                    println!("[{:?}] {}", b.kind, b.text);
                }
                let s = dyad_web::eval::score_page(&truth_body, &ex.body_text());
                println!(
                    "SCORE p={:?} r={:?}\n--- TRUTH ---\n{truth_body}",
                    s.precision(),
                    s.recall()
                );
            }
        }
        return Ok(());
    }
    let r = dyad_web::bench::run_benchmark(dir.as_ref(), truth.as_ref())?;
    let mut worst: Vec<_> = r.pages.iter().collect();
    worst.sort_by(|a, b| a.score.f1().total_cmp(&b.score.f1()));
    let n = if std::env::var("ALL").is_ok() {
        worst.len()
    } else {
        25
    };
    if std::env::var("ALL").is_ok() {
        worst.sort_by(|a, b| a.id.cmp(&b.id));
    }
    for p in worst.iter().take(n) {
        println!(
            "{:.3} p={:.3} r={:.3} {} {} {:?}",
            p.score.f1(),
            p.score.precision().unwrap_or(-1.0),
            p.score.recall().unwrap_or(-1.0),
            p.id.get(..8).unwrap_or(&p.id),
            p.url,
            p.notes.first()
        );
    }
    let s = r.summary;
    println!(
        "F1 {:.4} P {:.4} R {:.4} pages/s {:.0}",
        s.f1,
        s.precision,
        s.recall,
        r.pages_per_sec()
    );
    Ok(())
}
