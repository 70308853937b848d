//! Arbitrary bytes → lossy UTF-8 → words (split on whitespace, and every
//! fourth byte of the input also cuts a word so empty and odd words occur)
//! → dyad-syntax's tagger and parser. Checks the result is a tree.
#![no_main]

use std::sync::OnceLock;

use dyad_syntax::{Parse, Scratch, Syntax};
use libfuzzer_sys::fuzz_target;

fn model() -> &'static Syntax {
    static MODEL: OnceLock<Syntax> = OnceLock::new();
    MODEL.get_or_init(|| Syntax::builtin().expect("the built-in syntax model loads"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let words: Vec<&str> = text.split(|c: char| c.is_whitespace() || c == '|').collect();
    let mut parse = Parse::default();
    model().parse_into(&words, &mut parse, &mut Scratch::default());
    let n = words.len();
    assert_eq!(parse.heads.len(), n);
    assert!(n == 0 || parse.heads.iter().filter(|&&h| h == 0).count() == 1);
    for i in 0..n {
        let (mut k, mut steps) = (i, 0);
        while parse.heads[k] != 0 {
            assert!(parse.heads[k] as usize <= n);
            k = parse.heads[k] as usize - 1;
            steps += 1;
            assert!(steps <= n, "cycle");
        }
    }
    let _ = model().words_of(&words, &parse);
});
