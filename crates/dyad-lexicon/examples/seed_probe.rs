//! Prints the actor mentions of a text file run through the text pipeline
//! (developer probe): `cargo run -p dyad-lexicon --example seed_probe -- FILE DATE`.

use dyad_lexicon::{describe, parse_loose_date, Lexicon};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).cloned().unwrap_or_default();
    let date = args.get(2).and_then(|d| parse_loose_date(d));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let lex = match Lexicon::builtin() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let doc = dyad_text::document_from_text("probe", &text, date);
    let analyzed = dyad_text::TextPipeline::new().analyze(doc);
    for (i, m) in lex.recognize(&analyzed).iter().enumerate() {
        println!(
            "{i:>3} s{:<3} {:?} {:?} {} ante={:?} [{}]",
            m.sentence,
            m.kind,
            m.text,
            describe(&m.actor),
            m.antecedent,
            m.rule
        );
    }
}
