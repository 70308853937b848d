//! Lemmas: verbs through the inflection table, nouns by English plural
//! rules, everything else lower-cased.

use std::borrow::Cow;
use std::sync::LazyLock;

use dyad_core::Pos;

use super::data::{word_key, FastMap};

/// Irregular plurals (lower-case) and their singulars.
const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("geese", "goose"),
    ("lives", "life"),
    ("wives", "wife"),
    ("knives", "knife"),
    ("leaves", "leaf"),
    ("halves", "half"),
    ("thieves", "thief"),
    ("wolves", "wolf"),
    ("shelves", "shelf"),
    ("crises", "crisis"),
    ("analyses", "analysis"),
    ("theses", "thesis"),
    ("diagnoses", "diagnosis"),
    ("criteria", "criterion"),
    ("phenomena", "phenomenon"),
    ("data", "data"),
    ("media", "media"),
    ("series", "series"),
    ("species", "species"),
    ("news", "news"),
    ("politics", "politics"),
    ("headquarters", "headquarters"),
    ("arms", "arms"),
    ("talks", "talk"),
    ("forces", "force"),
    ("sanctions", "sanction"),
    ("troops", "troop"),
    ("allies", "ally"),
    ("militias", "militia"),
];

/// Forms of clitics and auxiliaries that the verb table does not hold.
const CLITICS: &[(&str, &str)] = &[
    ("'s", "be"),
    ("’s", "be"),
    ("'re", "be"),
    ("’re", "be"),
    ("'m", "be"),
    ("’m", "be"),
    ("'ve", "have"),
    ("’ve", "have"),
    ("'ll", "will"),
    ("’ll", "will"),
    ("'d", "would"),
    ("’d", "would"),
    ("n't", "not"),
    ("n’t", "not"),
    ("ca", "can"),
    ("wo", "will"),
    ("sha", "shall"),
];

/// The lemma of `word` tagged `pos`.
/// `verbs` maps [`word_key`] of an inflected form to its lemma.
pub fn lemma(word: &str, pos: Pos, verbs: &FastMap<u64, Box<str>>) -> String {
    let inflected = pos.is_verb() || matches!(pos, Pos::NNS | Pos::NNPS | Pos::MD | Pos::RB);
    if !inflected {
        return lowercase(word);
    }
    // Borrow when already lower-case: the inflected paths below mostly
    // build a new string anyway, so this saves one allocation per token.
    let lower: Cow<'_, str> = if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(lowercase(word))
    };
    let lower = lower.as_ref();
    // Clitics are short and start with an apostrophe or end in "n't".
    let maybe_clitic = lower.len() <= 5
        && (lower.starts_with(['\'', '’'])
            || lower.ends_with('t')
            || matches!(lower, "ca" | "wo" | "sha"));
    if maybe_clitic && (pos.is_verb() || pos == Pos::MD || pos == Pos::RB) {
        if let Some((_, l)) = CLITICS.iter().find(|(c, _)| *c == lower) {
            return (*l).to_string();
        }
    }
    if pos.is_verb() {
        if let Some(l) = verbs.get(&word_key(lower)) {
            return l.to_string();
        }
        if let Some(l) = british_ise(lower).and_then(|z| verbs.get(&word_key(&z))) {
            return l.to_string();
        }
        return verb_rules(lower, pos).unwrap_or_else(|| lower.to_string());
    }
    if matches!(pos, Pos::NNS | Pos::NNPS) {
        return singular(lower);
    }
    lower.to_string()
}

/// `word` lower-cased; the ASCII fast path gives the same result as
/// [`str::to_lowercase`] for ASCII input without its Unicode tables.
fn lowercase(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase()
    }
}

/// The American spelling of a British -ise verb form ("criticised" →
/// "criticized", "mobilising" → "mobilizing"): the inflection table lists the
/// -ize verbs only, so their British forms fell to the regular rules
/// ("criticis"). Only the inflected forms (-ised, -ises, -ising); the caller
/// keeps the form when the -ize spelling is no verb of the table ("raised",
/// "advised" are found first anyway).
fn british_ise(w: &str) -> Option<String> {
    ["ised", "ises", "ising"].iter().find_map(|suffix| {
        let stem = w.strip_suffix(suffix).filter(|s| s.len() >= 3)?;
        Some(format!("{stem}iz{}", &suffix[2..]))
    })
}

/// Regular verb endings for verbs missing from the table.
fn verb_rules(w: &str, pos: Pos) -> Option<String> {
    match pos {
        Pos::VBG => {
            let stem = w.strip_suffix("ing").filter(|s| s.len() >= 2)?;
            Some(undouble(stem))
        }
        Pos::VBD | Pos::VBN => {
            if let Some(stem) = w.strip_suffix("ied") {
                return Some(format!("{stem}y"));
            }
            let stem = w.strip_suffix("ed").filter(|s| s.len() >= 2)?;
            Some(undouble(stem))
        }
        Pos::VBZ => {
            if let Some(stem) = w.strip_suffix("ies") {
                return Some(format!("{stem}y"));
            }
            if let Some(stem) = ["ches", "shes", "sses", "xes", "zes"].iter().find_map(|s| {
                w.strip_suffix(s)
                    .map(|st| format!("{st}{}", s.get(..s.len() - 2).unwrap_or("")))
            }) {
                return Some(stem);
            }
            w.strip_suffix('s').map(str::to_string)
        }
        _ => None,
    }
}

fn undouble(stem: &str) -> String {
    let b = stem.as_bytes();
    if b.len() >= 3
        && b[b.len() - 1] == b[b.len() - 2]
        && !matches!(b[b.len() - 1], b'l' | b's' | b'z' | b'e')
    {
        return stem.get(..stem.len() - 1).unwrap_or(stem).to_string();
    }
    stem.to_string()
}

/// English singular of a lower-case plural noun.
pub fn singular(w: &str) -> String {
    static IRREGULAR: LazyLock<FastMap<&'static str, &'static str>> =
        LazyLock::new(|| IRREGULAR_PLURALS.iter().copied().collect());
    if let Some(s) = IRREGULAR.get(w) {
        return (*s).to_string();
    }
    if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() >= 2) {
        return format!("{stem}y");
    }
    for suffix in ["sses", "shes", "ches", "xes", "zzes"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            return format!("{stem}{}", suffix.get(..suffix.len() - 2).unwrap_or(""));
        }
    }
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") || w.len() <= 3 {
        return w.to_string();
    }
    w.strip_suffix('s').unwrap_or(w).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas() {
        let mut verbs = FastMap::default();
        verbs.insert(word_key("met"), Box::from("meet"));
        assert_eq!(lemma("met", Pos::VBD, &verbs), "meet");
        assert_eq!(lemma("Shells", Pos::NNS, &verbs), "shell");
        assert_eq!(lemma("stockpiles", Pos::NNS, &verbs), "stockpile");
        assert_eq!(lemma("countries", Pos::NNS, &verbs), "country");
        assert_eq!(lemma("crises", Pos::NNS, &verbs), "crisis");
        assert_eq!(lemma("boxes", Pos::NNS, &verbs), "box");
        assert_eq!(lemma("shelled", Pos::VBD, &verbs), "shell");
        assert_eq!(lemma("stopped", Pos::VBD, &verbs), "stop");
        assert_eq!(lemma("carries", Pos::VBZ, &verbs), "carry");
        assert_eq!(lemma("’s", Pos::VBZ, &verbs), "be");
        assert_eq!(lemma("n't", Pos::RB, &verbs), "not");
        assert_eq!(lemma("Putin", Pos::NNP, &verbs), "putin");
        // British -ise forms take the table's -ize verb
        verbs.insert(word_key("criticized"), Box::from("criticize"));
        verbs.insert(word_key("mobilizing"), Box::from("mobilize"));
        assert_eq!(lemma("criticised", Pos::VBD, &verbs), "criticize");
        assert_eq!(lemma("mobilising", Pos::VBG, &verbs), "mobilize");
        // a form the table lists is its own verb
        verbs.insert(word_key("praised"), Box::from("praise"));
        assert_eq!(lemma("praised", Pos::VBD, &verbs), "praise");
    }
}
