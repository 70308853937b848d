//! Prints the resolved toponyms of each stdin line (a quick look without the
//! full CLI): `cargo run -p dyad-geo --example geo_places < sentences.txt`.

use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let gaz = dyad_geo::Gazetteer::load_default()?;
    let pipeline = dyad_text::TextPipeline::new();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let doc = pipeline.analyze(dyad_text::document_from_text("stdin", &line, None));
        println!("{line}");
        if std::env::var("GEO_TOKENS").is_ok() {
            for s in &doc.sentences {
                let toks: Vec<String> = s
                    .tokens
                    .iter()
                    .map(|t| format!("{}/{}", t.span.slice(&doc.doc.text), t.pos))
                    .collect();
                println!("  [{}] {}", s.zone.as_str(), toks.join(" "));
            }
        }
        for p in gaz.recognize(&doc, &[]) {
            let r = p.place.as_ref();
            println!(
                "  {:<20} {} {} {} {} | {}",
                p.text,
                r.map_or(0, |r| r.geonameid),
                r.map_or("", |r| r.name.as_str()),
                r.map_or("", |r| r.feature_code.as_str()),
                r.map_or("", |r| r.country.as_str()),
                p.reason
            );
        }
    }
    Ok(())
}
