//! Prints the mentions recognised in a text (developer probe):
//! `cargo run -p dyad-lexicon --example actor_probe -- "TEXT" [DATE]`.

use dyad_core::{AnalyzedDocument, DateOrigin, Document, PubDate};
use dyad_lexicon::{describe, parse_loose_date, Lexicon};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = args.get(1).cloned().unwrap_or_default();
    let date = args.get(2).and_then(|d| parse_loose_date(d));
    let t0 = std::time::Instant::now();
    let lex = match Lexicon::builtin() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    eprintln!("loaded in {:?}: {:?}", t0.elapsed(), lex.stats());
    let doc = AnalyzedDocument {
        doc: Document {
            text: text.clone(),
            date: date.map(|d| PubDate {
                date: d,
                origin: DateOrigin::Cli,
                confidence: 1.0,
                note: String::new(),
            }),
            ..Default::default()
        },
        sentences: Vec::new(),
    };
    for (i, m) in lex.recognize(&doc).iter().enumerate() {
        println!(
            "{i:>2} {:?} {:?} {} ante={:?} [{}]",
            m.kind,
            m.text,
            describe(&m.actor),
            m.antecedent,
            m.rule
        );
    }
}
