//! Tags for words missing from the lexicon, from their shape and suffix.

use dyad_core::Pos;

/// Guesses the tag of an unknown word. `sentence_initial` words that are
/// capitalised are not assumed to be names.
pub fn guess(word: &str, sentence_initial: bool) -> Pos {
    let first = word.chars().next();
    if word.chars().any(|c| c.is_ascii_digit()) {
        let digits = word.chars().filter(|c| c.is_ascii_digit()).count();
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters == 0 || digits > letters {
            return Pos::CD;
        }
        // "18-month-old", "F-16s", "3rd"
        if word.contains('-') {
            return Pos::JJ;
        }
        return Pos::NN;
    }
    let capital = first.is_some_and(char::is_uppercase);
    if capital && !sentence_initial {
        return Pos::NNP;
    }
    let lower = word.to_lowercase();
    let w = lower.as_str();
    if w.contains('-') {
        // Hyphenated compounds: the last part decides, mostly adjectives.
        let last = w.rsplit('-').next().unwrap_or(w);
        if last.ends_with("ing")
            || last.ends_with("ed")
            || last.ends_with("old")
            || last.ends_with("style")
        {
            return Pos::JJ;
        }
        if last.ends_with('s') && !last.ends_with("ss") {
            return Pos::NNS;
        }
        return Pos::JJ;
    }
    let rules: &[(&str, Pos)] = &[
        ("ing", Pos::VBG),
        ("ed", Pos::VBN),
        ("ly", Pos::RB),
        ("ness", Pos::NN),
        ("ment", Pos::NN),
        ("tion", Pos::NN),
        ("sion", Pos::NN),
        ("ity", Pos::NN),
        ("ism", Pos::NN),
        ("ist", Pos::NN),
        ("ship", Pos::NN),
        ("hood", Pos::NN),
        ("ance", Pos::NN),
        ("ence", Pos::NN),
        ("er", Pos::NN),
        ("or", Pos::NN),
        ("ous", Pos::JJ),
        ("ful", Pos::JJ),
        ("less", Pos::JJ),
        ("able", Pos::JJ),
        ("ible", Pos::JJ),
        ("ive", Pos::JJ),
        ("ic", Pos::JJ),
        ("ical", Pos::JJ),
        ("al", Pos::JJ),
        ("ian", Pos::JJ),
        ("ese", Pos::JJ),
        ("ish", Pos::JJ),
        ("est", Pos::JJS),
        ("ize", Pos::VB),
        ("ise", Pos::VB),
        ("ify", Pos::VB),
        ("ate", Pos::VB),
        ("ss", Pos::NN),
        ("us", Pos::NN),
        ("is", Pos::NN),
        ("s", Pos::NNS),
    ];
    for (suffix, pos) in rules {
        if w.len() > suffix.len() + 2 && w.ends_with(suffix) {
            return *pos;
        }
    }
    if capital {
        return Pos::NNP;
    }
    Pos::NN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_by_shape() {
        assert_eq!(guess("Tsiolkovsky", false), Pos::NNP);
        assert_eq!(guess("2,400", false), Pos::CD);
        assert_eq!(guess("reshelling", false), Pos::VBG);
        assert_eq!(guess("overshelled", false), Pos::VBN);
        assert_eq!(guess("drone-carrying", false), Pos::JJ);
        assert_eq!(guess("quickishly", false), Pos::RB);
        assert_eq!(guess("blorfs", false), Pos::NNS);
        assert_eq!(guess("Blorf", true), Pos::NNP);
    }
}
