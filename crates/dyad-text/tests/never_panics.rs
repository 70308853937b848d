//! Property-style robustness: random and adversarial text never panics, and
//! every span the pipeline returns lies on char boundaries, inside the text,
//! with sentences inside their zone and tokens inside their sentence.

use dyad_core::AnalyzedDocument;
use dyad_text::{document_from_text, read::extract_html, TextPipeline};

/// xorshift64*: a tiny deterministic generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces that stress the segmenter, tokenizer and cleaner.
const PIECES: &[&str] = &[
    "U.S.",
    "U.N.",
    "Sept.",
    "13",
    "4.8",
    "million",
    "Gen.",
    "Lt.",
    "Col.",
    "Mr.",
    "a.m.",
    "V.",
    ".",
    "..",
    "…",
    "?",
    "!",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "’s",
    "n't",
    "(",
    ")",
    "[",
    "]",
    "—",
    "–",
    "-",
    ",",
    ";",
    ":",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "By",
    "ADVERTISEMENT",
    "(AP) —",
    "MOSCOW (Reuters) -",
    "Wednesday,",
    "March 25, 2024",
    "2023-09-13",
    "é",
    "ß",
    "中文",
    "🙂",
    "\u{200b}",
    "\u{feff}",
    "\u{fffd}",
    "x@y.z",
    "https://a.b/c",
    "www.",
    "10,000",
    "1950-53",
    "O’Brien",
    "Soviet-era",
    "the",
    "The",
    "said",
    "troops",
    "attacked",
    "Putin",
    "Kim",
    "12 views0 comments",
    "Leave a Reply",
    "*",
    "&amp;",
    "<p>",
    "</p>",
    "'s",
];

fn random_text(rng: &mut Rng) -> String {
    let n = rng.below(60);
    let mut s = String::new();
    for _ in 0..n {
        if rng.below(8) == 0 {
            // Raw random chars, including control and non-BMP ones.
            let c = char::from_u32(rng.below(0x1_0000) as u32).unwrap_or('?');
            s.push(c);
        } else {
            s.push_str(PIECES[rng.below(PIECES.len())]);
            if rng.below(2) == 0 {
                s.push(' ');
            }
        }
    }
    s
}

fn check(a: &AnalyzedDocument) {
    let text = &a.doc.text;
    let ok = |start: usize, end: usize| {
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    let mut last_zone_end = 0;
    for z in &a.doc.zones {
        assert!(ok(z.span.start, z.span.end), "zone {z:?} in {text:?}");
        assert!(z.span.start >= last_zone_end, "zones overlap in {text:?}");
        last_zone_end = z.span.end;
    }
    for s in &a.sentences {
        assert!(
            ok(s.span.start, s.span.end),
            "sentence {:?} in {text:?}",
            s.span
        );
        assert!(!s.span.is_empty());
        assert!(
            a.doc
                .zones
                .iter()
                .any(|z| z.span.contains(s.span) && z.kind == s.zone),
            "sentence crosses zones in {text:?}"
        );
        for t in &s.tokens {
            assert!(
                ok(t.span.start, t.span.end),
                "token {:?} in {text:?}",
                t.span
            );
            assert!(
                !t.span.is_empty() && s.span.contains(t.span),
                "token outside sentence in {text:?}"
            );
            assert!(
                !t.text(text).chars().any(char::is_whitespace),
                "token with white space: {:?}",
                t.text(text)
            );
        }
    }
}

#[test]
fn random_text_never_panics_and_spans_are_sound() {
    let pipeline = TextPipeline::new();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3_000 {
        let text = random_text(&mut rng);
        let doc = document_from_text("fuzz", &text, None);
        check(&pipeline.analyze(doc));
    }
}

#[test]
fn random_bytes_through_html_and_decoding_never_panic() {
    let mut rng = Rng(42);
    for _ in 0..2_000 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len).map(|_| (rng.next() & 0xFF) as u8).collect();
        let lossy = String::from_utf8_lossy(&bytes);
        let _ = extract_html(&lossy);
        let _ = dyad_text::read::binary_reason(&bytes);
        let html = format!(
            "<html><body><p>{}</p><article>{}</body>",
            random_text(&mut rng),
            lossy
        );
        let parts = extract_html(&html);
        let _ = document_from_text("h", &parts.text, None);
    }
}
