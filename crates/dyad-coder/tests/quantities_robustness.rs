//! Quantity extraction on garbage, huge and odd inputs: no panic, spans
//! inside the input and on char boundaries, finite values.

use dyad_coder::quantities::find_quantities;
use dyad_core::Span;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const VOCAB: &[&str] = &[
    "at",
    "least",
    "as",
    "many",
    "up",
    "to",
    "more",
    "than",
    "some",
    "over",
    "about",
    "nearly",
    "10,000",
    "4.8",
    "million",
    "bn",
    "m",
    "$",
    "€",
    "%",
    "percent",
    "per",
    "cent",
    "tens",
    "of",
    "hundreds",
    "dozens",
    "a",
    "dozen",
    "two",
    "twenty",
    "-",
    "five",
    "hundred",
    "and",
    "people",
    "were",
    "killed",
    "wounded",
    "arrested",
    "troops",
    "shells",
    "Russian",
    "made",
    "1999",
    "11",
    "a.m.",
    ":",
    "30",
    "st",
    "F",
    "G7",
    ".",
    ",",
    "é",
    "中文",
    "🙂",
    "\u{301}",
    "between",
    "toll",
    "death",
    "99999999999999999999999",
    "0.0",
    "US",
    "dollars",
    "half",
];

fn exercise(text: &str, offset: usize) {
    let base = Span::new(offset, offset + text.len());
    let found = find_quantities(text, base);
    let mut last_end = base.start;
    for q in &found {
        assert!(base.contains(q.span), "{:?} outside {:?}", q.span, base);
        assert!(q.span.start >= last_end, "overlapping or unordered spans");
        last_end = q.span.end;
        let rel = Span::new(q.span.start - offset, q.span.end - offset);
        assert!(text.is_char_boundary(rel.start) && text.is_char_boundary(rel.end));
        assert_eq!(rel.slice(text), q.text);
        assert!(q.value.is_finite(), "{q:?}");
        assert!(!q.unit.is_empty(), "{q:?}");
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0xdead_beef_1234_5678);
    for _ in 0..400 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        exercise(&String::from_utf8_lossy(&bytes), rng.below(1000));
    }
}

#[test]
fn random_number_word_soup_never_panics() {
    let mut rng = Rng(7);
    for round in 0..1500 {
        let n = rng.below(30);
        let mut text = String::new();
        for _ in 0..n {
            if rng.below(3) > 0 {
                text.push(' ');
            }
            text.push_str(VOCAB[rng.below(VOCAB.len())]);
        }
        if round % 5 == 0 {
            text = text.to_uppercase();
        }
        exercise(&text, round);
    }
}

#[test]
fn huge_and_degenerate_inputs() {
    let sentence =
        "At least 12 people were killed and as many as 4.8 million artillery shells, $1.2bn, 5% ";
    let big = sentence.repeat(1_000_000 / sentence.len() + 1);
    let found = find_quantities(&big, Span::new(0, big.len()));
    let one = find_quantities(sentence, Span::new(0, sentence.len()));
    assert_eq!(one.len(), 4, "{one:?}");
    let whole = big.len() / sentence.len();
    assert!(found.len() >= 4 * whole && found.len() <= 4 * (whole + 1));
    for text in [
        "7".repeat(1_000_000),
        "9".repeat(400),
        "x".repeat(1_000_000),
        "1,000,".repeat(100_000),
        "hundreds of ".repeat(50_000),
        "AT LEAST 12 PEOPLE WERE KILLED ".repeat(20_000),
        "12 34 56\n78 90 12\n".repeat(5_000),
        String::new(),
    ] {
        exercise(&text, 0);
    }
    // all caps still reads the count
    let caps = find_quantities("AT LEAST 12 PEOPLE WERE KILLED.", Span::new(0, 31));
    assert_eq!(caps.len(), 1);
    assert_eq!(caps[0].unit, "people killed");
    // a table of digits has no counted noun
    assert!(find_quantities("12 34 56\n78 90 12", Span::new(0, 17)).is_empty());
}

/// Every line of the shared corpus and evaluation files (raw JSON lines are
/// as good a stress input as their decoded text): no panic, valid spans,
/// and a plausible number of findings.
#[test]
fn shared_texts_keep_the_invariants() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if !shared.is_dir() {
        println!("SKIPPED: ../shared not found");
        return;
    }
    let files = [
        "corpus/guardian-2019-syria.jsonl",
        "eval/plover-synthetic/dev.jsonl",
        "samples/seeds/000_2f63b56017dfcfae.txt",
        "samples/seeds/003_26480ee2ab5bca7c.txt",
    ];
    let mut lines = 0;
    let mut found = 0;
    for file in files {
        let Ok(text) = std::fs::read_to_string(shared.join(file)) else {
            println!("SKIPPED: {file} not readable");
            continue;
        };
        for line in text.lines() {
            lines += 1;
            found += find_quantities(line, Span::new(0, line.len())).len();
            exercise(line, 7);
        }
    }
    if lines > 0 {
        assert!(found * 2 > lines, "only {found} findings in {lines} lines");
    }
}
