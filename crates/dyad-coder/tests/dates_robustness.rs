//! Date finding and resolution on garbage, huge and odd inputs: no panic,
//! spans inside the input and on char boundaries, windows well-formed.

use chrono::NaiveDate;
use dyad_coder::dates::{
    find_date_expressions, pick_for_trigger, pick_for_trigger_in_text, resolve, Tense,
};
use dyad_core::{DatePrecision, Span};

/// Small deterministic generator (xorshift), so failures reproduce.
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
    "on",
    "in",
    "since",
    "last",
    "next",
    "this",
    "past",
    "early",
    "late",
    "mid",
    "-",
    "earlier",
    "later",
    "the",
    "of",
    "a",
    "few",
    "several",
    "ago",
    "days",
    "weeks",
    "months",
    "years",
    "day",
    "week",
    "month",
    "year",
    "weekend",
    "Monday",
    "Wednesday",
    "Sun",
    ".",
    ",",
    "March",
    "May",
    "Sept",
    "February",
    "winter",
    "fall",
    "summer",
    "2023",
    "1999",
    "2100",
    "0",
    "31",
    "13th",
    "29",
    "30",
    "99999999999",
    "nine",
    "twenty",
    "-",
    "one",
    "today",
    "yesterday",
    "tomorrow",
    "night",
    "/",
    "09",
    "2024-02-30",
    "1990s",
    "'",
    "é",
    "中文",
    "🙂",
    "\u{301}",
    "\n",
    "s",
    "st",
    "century",
    "local",
    "time",
    "said",
    ";",
    "but",
    "$",
    "%",
    "1,000",
    "4.8",
];

fn publications() -> Vec<NaiveDate> {
    vec![
        NaiveDate::from_ymd_opt(2024, 6, 19).unwrap(),
        NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(),
        NaiveDate::from_ymd_opt(2023, 12, 31).unwrap(),
        NaiveDate::from_ymd_opt(1, 1, 1).unwrap(),
        NaiveDate::MIN,
        NaiveDate::MAX,
    ]
}

/// Finds, resolves and picks in `text` placed at `offset` in a document,
/// asserting every invariant.
fn exercise(text: &str, offset: usize) {
    let base = Span::new(offset, offset + text.len());
    let found = find_date_expressions(text, base);
    let mut last_end = base.start;
    for e in &found {
        assert!(base.contains(e.span), "{:?} outside {:?}", e.span, base);
        assert!(e.span.start >= last_end, "overlapping or unordered spans");
        last_end = e.span.end;
        let rel = Span::new(e.span.start - offset, e.span.end - offset);
        assert!(text.is_char_boundary(rel.start) && text.is_char_boundary(rel.end));
        assert_eq!(rel.slice(text), e.text);
        for p in publications() {
            for tense in [Tense::Past, Tense::Present, Tense::Future, Tense::Unknown] {
                let r = resolve(e, p, tense);
                assert!(r.start <= r.end, "{r:?}");
                assert!(r.start <= r.date && r.date <= r.end, "{r:?}");
                assert!(!r.note.is_empty());
                if r.precision == DatePrecision::UnknownRelative {
                    assert_eq!(r.date, p);
                }
            }
        }
    }
    let p = publications()[0];
    let cands: Vec<(Span, _)> = found
        .iter()
        .map(|e| (e.span, resolve(e, p, Tense::Past)))
        .collect();
    let trigger = Span::new(offset + text.len() / 2, offset + text.len() / 2);
    let picked = pick_for_trigger(&cands, trigger);
    assert_eq!(picked.is_some(), !cands.is_empty());
    let picked = pick_for_trigger_in_text(text, base, &cands, trigger);
    assert_eq!(picked.is_some(), !cands.is_empty());
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..400 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        exercise(&text, rng.below(1000));
    }
}

#[test]
fn random_date_word_soup_never_panics() {
    let mut rng = Rng(42);
    for round in 0..1500 {
        let n = rng.below(30);
        let mut text = String::new();
        for _ in 0..n {
            let w = VOCAB[rng.below(VOCAB.len())];
            if rng.below(3) > 0 {
                text.push(' ');
            }
            text.push_str(w);
        }
        if round % 5 == 0 {
            text = text.to_uppercase();
        }
        exercise(&text, round);
    }
}

#[test]
fn huge_and_degenerate_inputs() {
    let sentence = "On Monday, June 17, rebels said at least 10,000 people fled in March 2023 and again last winter, nine months ago; ";
    let big = sentence.repeat(1_000_000 / sentence.len() + 1);
    let found = find_date_expressions(&big, Span::new(0, big.len()));
    let one = find_date_expressions(sentence, Span::new(0, sentence.len()));
    assert_eq!(one.len(), 4, "{one:?}");
    let whole = big.len() / sentence.len();
    assert!(found.len() >= 4 * whole && found.len() <= 4 * (whole + 1));
    // pick over a 100 KB slice exercises the clause-boundary scan
    let slice_len = 100_000 - 100_000 % sentence.len();
    exercise(&big[..slice_len], 0);
    for text in [
        "7".repeat(1_000_000),
        "x".repeat(1_000_000),
        "-".repeat(200_000),
        "1,000,".repeat(100_000),
        "MAY MARCH ".repeat(50_000),
        "\u{301}".repeat(100_000),
        String::new(),
        "12 34 56\n78 90 12\n".repeat(5_000),
    ] {
        let found = find_date_expressions(&text, Span::new(0, text.len()));
        for e in &found {
            assert!(e.span.end <= text.len());
        }
    }
}

#[test]
fn base_offsets_near_the_limit_do_not_overflow() {
    let text = "It happened on Monday.";
    let found = find_date_expressions(text, Span::new(usize::MAX - 5, usize::MAX));
    assert_eq!(found.len(), 1);
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
            found += find_date_expressions(line, Span::new(0, line.len())).len();
            exercise(line, 7);
        }
    }
    if lines > 0 {
        assert!(found * 2 > lines, "only {found} findings in {lines} lines");
    }
}
