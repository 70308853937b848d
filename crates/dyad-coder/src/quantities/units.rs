//! What a number counts: the noun phrase after it, currencies, percentages
//! and casualty kinds ("people killed").

use crate::dates::scan::{Kind, Tok};

use super::lexicon::{
    is_casualty_filler, is_common_verb, is_lower_stop_word, is_person_noun, is_stop_word,
};
use super::numbers::is_number_word;

/// Most words kept in a unit; longer phrases keep their last words (the
/// head noun comes last in English noun phrases).
const MAX_UNIT_WORDS: usize = 4;
/// Most words read while looking for the unit.
const MAX_SCAN_WORDS: usize = 5;

/// Canonical casualty kind of a word ("died" → "killed").
pub(crate) fn casualty_word(w: &str) -> Option<&'static str> {
    let kind = match w {
        "killed" | "dead" | "died" | "deaths" | "fatalities" | "killing" | "slain" | "perished" => {
            "killed"
        }
        "injured" | "wounded" | "hurt" | "injuries" | "injuring" | "wounding" => "injured",
        "arrested" | "detained" | "arrests" | "detentions" | "arresting" | "detaining"
        | "jailed" => "arrested",
        "displaced" | "displacing" | "uprooted" | "evacuated" => "displaced",
        "abducted" | "kidnapped" | "abducting" | "kidnapping" => "abducted",
        "missing" => "missing",
        "executed" | "executing" => "executed",
        _ => return None,
    };
    Some(kind)
}

/// The casualty kinds encoded at the end of units ("people killed").
pub(crate) const CASUALTY_KINDS: [&str; 7] = [
    "killed",
    "injured",
    "arrested",
    "displaced",
    "abducted",
    "missing",
    "executed",
];

/// True when the unit's head counts people ("civilians", "Palestinians").
pub(crate) fn counts_people(unit_words: &[&Tok]) -> bool {
    let Some(head) = unit_words.last() else {
        return true; // "12 were killed": people by default
    };
    if is_person_noun(&head.lower) {
        return true;
    }
    // capitalised plural demonyms: "Palestinians", "Israelis", "Sudanese"
    head.is_capitalized()
        && (head.lower.ends_with("ans")
            || head.lower.ends_with("is")
            || head.lower.ends_with("ese"))
}

/// ISO code of a currency symbol.
pub(crate) fn currency_symbol(sym: &str) -> Option<&'static str> {
    match sym {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "₽" => Some("RUB"),
        "₹" => Some("INR"),
        "₴" => Some("UAH"),
        "₪" => Some("ILS"),
        _ => None,
    }
}

/// ISO code of a currency word after the number ("dollars").
pub(crate) fn currency_word(w: &str) -> Option<&'static str> {
    match w {
        "dollars" | "dollar" | "usd" => Some("USD"),
        "euros" | "euro" | "eur" => Some("EUR"),
        "sterling" | "gbp" => Some("GBP"),
        "rubles" | "roubles" | "ruble" | "rouble" => Some("RUB"),
        "yuan" | "renminbi" => Some("CNY"),
        "yen" => Some("JPY"),
        "hryvnias" | "hryvnia" | "hryvnas" => Some("UAH"),
        "shekels" | "shekel" => Some("ILS"),
        _ => None,
    }
}

/// The noun phrase after a number: indices of its tokens (words and the
/// hyphens joining them), and the index after it.
pub(crate) fn unit_phrase(t: &[Tok], start: usize) -> (Vec<usize>, usize) {
    let mut picked: Vec<usize> = Vec::new();
    let mut k = start;
    let mut words = 0;
    while words < MAX_SCAN_WORDS {
        let Some(tok) = t.get(k) else { break };
        if tok.kind != Kind::Word {
            // "Russian-made drones": a glued hyphen joins two words
            let joins = tok.is_punct('-')
                && !tok.spaced
                && !picked.is_empty()
                && t.get(k + 1)
                    .is_some_and(|n| !n.spaced && n.kind == Kind::Word);
            // "U.S. troops": periods inside and after single-letter initials
            let single_letter =
                |p: Option<&usize>| p.and_then(|&p| t.get(p)).is_some_and(is_initial);
            let dot = tok.is_punct('.') && !tok.spaced && single_letter(picked.last());
            let inner_dot = dot && t.get(k + 1).is_some_and(|n| !n.spaced && is_initial(n));
            let final_dot = dot
                && picked.len() >= 2
                && picked
                    .get(picked.len() - 2)
                    .and_then(|&p| t.get(p))
                    .is_some_and(|x| x.is_punct('.'));
            if joins || inner_dot || final_dot {
                picked.push(k);
                k += 1;
                continue;
            }
            break;
        }
        let w = tok.lower.as_ref();
        let after_hyphen = picked
            .last()
            .is_some_and(|&p| t.get(p).is_some_and(|x| x.is_punct('-')));
        let inside_initials = is_initial(tok)
            && picked
                .last()
                .is_some_and(|&p| t.get(p).is_some_and(|x| x.is_punct('.')));
        if !after_hyphen && !inside_initials {
            if (!tok.is_capitalized() && is_lower_stop_word(w))
                || is_stop_word(w)
                || is_number_word(w)
                || casualty_word(w).is_some()
            {
                break;
            }
            if crate::dates::is_calendar_word(w) && tok.is_capitalized() {
                break;
            }
            // "15 legally trained officers": an adverb before a participle
            let adverb_modifier = picked.is_empty()
                && w.ends_with("ly")
                && t.get(k + 1)
                    .is_some_and(|n| n.kind == Kind::Word && n.lower.ends_with("ed"));
            if adverb_modifier {
                picked.push(k);
                k += 1;
                if let Some(next) = t.get(k) {
                    if !is_stop_word(&next.lower) && casualty_word(&next.lower).is_none() {
                        picked.push(k);
                        words += 1;
                        k += 1;
                    }
                }
                words += 1;
                continue;
            }
            // adverbs and verbs after the first word end the phrase
            if !picked.is_empty() && (w.ends_with("ly") || w.ends_with("ed") || w.ends_with("ing"))
            {
                break;
            }
        }
        if !after_hyphen && is_common_verb(w) {
            break;
        }
        picked.push(k);
        words += 1;
        k += 1;
        // a plural noun is the head: stop after it, unless a hyphen follows
        let hyphen_next = t.get(k).is_some_and(|x| x.is_punct('-') && !x.spaced);
        if is_plural(w) && !hyphen_next {
            break;
        }
    }
    // drop a trailing hyphen
    while picked
        .last()
        .is_some_and(|&p| t.get(p).is_some_and(|x| x.is_punct('-')))
    {
        picked.pop();
        k = k.saturating_sub(1);
    }
    // keep the last MAX_UNIT_WORDS words (a hyphen compound counts once)
    let is_hyphen = |p: usize| t.get(p).is_some_and(|x| x.kind == Kind::Punct);
    let group_starts: Vec<usize> = (0..picked.len())
        .filter(|&n| {
            let here = picked.get(n).is_some_and(|&p| !is_hyphen(p));
            let prev_hyphen = n > 0 && picked.get(n - 1).is_some_and(|&p| is_hyphen(p));
            here && !prev_hyphen
        })
        .collect();
    let cut = group_starts
        .len()
        .checked_sub(MAX_UNIT_WORDS)
        .and_then(|g| group_starts.get(g).copied())
        .unwrap_or(0);
    let tail = picked.split_off(cut);
    // a phrase opening with "-ed"/"-ing" is a verb ("hundreds gathered
    // outside") unless it ends in a plural noun ("armed drones")
    let verb_first = tail
        .first()
        .and_then(|&f| t.get(f))
        .is_some_and(|x| x.lower.ends_with("ed") || x.lower.ends_with("ing"));
    let plural_last = tail
        .last()
        .and_then(|&l| t.get(l))
        .is_some_and(|x| is_plural(&x.lower));
    if verb_first && !plural_last {
        return (Vec::new(), start);
    }
    (tail, k)
}

/// A casualty verb after the counted noun ("people were killed"): its kind
/// and the index after it.
pub(crate) fn casualty_after(t: &[Tok], start: usize) -> Option<(&'static str, usize)> {
    for k in start..start + 4 {
        let tok = t.get(k).filter(|x| x.kind == Kind::Word)?;
        if let Some(kind) = casualty_word(&tok.lower) {
            return Some((kind, k + 1));
        }
        if !is_casualty_filler(&tok.lower) {
            return None;
        }
    }
    None
}

/// A casualty verb just before the number ("killing at least 12").
pub(crate) fn casualty_before(t: &[Tok], number_start: usize) -> Option<&'static str> {
    let lo = number_start.saturating_sub(2);
    (lo..number_start)
        .rev()
        .filter_map(|k| t.get(k))
        .take_while(|x| x.kind == Kind::Word)
        .find_map(|x| {
            casualty_word(&x.lower).filter(|_| x.lower.ends_with("ed") || x.lower.ends_with("ing"))
        })
}

/// True when "toll" appears shortly before the number ("the death toll
/// rose to 45").
pub(crate) fn toll_before(t: &[Tok], number_start: usize) -> bool {
    let lo = number_start.saturating_sub(6);
    (lo..number_start).any(|k| t.get(k).is_some_and(|x| x.lower == "toll"))
}

/// Plural-looking nouns: "-s" but not "-ss"/"-us"/"-is", and irregular
/// plurals.
fn is_plural(w: &str) -> bool {
    let regular = w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is");
    regular
        || matches!(
            w,
            "people"
                | "children"
                | "men"
                | "women"
                | "personnel"
                | "cattle"
                | "sheep"
                | "livestock"
                | "aircraft"
        )
}

/// A single capital letter, as in the initials of "U.S." or "U.N.".
fn is_initial(x: &Tok) -> bool {
    x.kind == Kind::Word && x.text.chars().count() == 1 && x.is_capitalized()
}
