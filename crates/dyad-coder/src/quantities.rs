//! Quantities in a sentence: "at least 10,000 shipping containers", "as
//! many as 4.8 million artillery shells", "tens of millions of people",
//! "at least 12 people were killed".
//!
//! Pure and linear: one tokenizer pass, then at each token a bounded
//! look-ahead for qualifier, number, unit and casualty verb.
//!
//! Representation in [`dyad_core::Quantity`]:
//! * `value`: the number (4.8 million → 4 800 000). For vague plurals
//!   ("hundreds of", "tens of millions") it is a lower bound, twice the
//!   base, and the qualifier is "at least" unless one is written.
//! * `unit`: the counted noun phrase (up to four words, as written), or a
//!   currency code ("USD", "EUR", ...), "percent" or "percentage points".
//!   Casualty counts end with their kind: "people killed", "civilians
//!   injured", "protesters arrested" (kinds: killed, injured, arrested,
//!   displaced, abducted, missing, executed; see [`casualty_kind`]).
//! * `qualifier`: "at least", "as many as", "roughly", ... lower-cased;
//!   "between" for ranges ("10-15 people", value = the lower end).
//! * `text`/`span`: from the qualifier (or currency sign) to the end of the
//!   counted noun phrase.
//!
//! Not reported: years, dates, clock times ("11 a.m."), ordinals
//! ("21st"), identifiers ("F-16", "Resolution 2231", "G7"), hyphenated
//! modifiers ("a 10-day truce", "a 45-year-old"), and numbers with no
//! counted noun (tables of digits).

mod lexicon;
mod numbers;
mod units;

use dyad_core::{Quantity, Span};

use crate::dates::find_in_tokens;
use crate::dates::scan::{tokenize, Kind, Tok};
use lexicon::{is_function_word, is_person_noun, may_start_quantity};
use numbers::{glued_measure, read_number, Number};
use units::{
    casualty_after, casualty_before, casualty_word, counts_people, currency_symbol, currency_word,
    toll_before, unit_phrase, CASUALTY_KINDS,
};

/// Lists the quantities in `text`, in text order, without overlaps.
///
/// `base` is the span of `text` in the document: returned spans are
/// document spans.
pub fn find_quantities(text: &str, base: Span) -> Vec<Quantity> {
    let toks = tokenize(text);
    let dates: Vec<Span> = find_in_tokens(text, &toks, Span::new(0, text.len()))
        .into_iter()
        .map(|e| e.span)
        .collect();
    find_quantities_in(text, &toks, &dates, base)
}

/// [`find_quantities`] over the tokens of `text` and the spans (relative
/// to `text`) of its date expressions, already found.
pub(crate) fn find_quantities_in(
    text: &str,
    toks: &[Tok<'_>],
    dates: &[Span],
    base: Span,
) -> Vec<Quantity> {
    let reader = Reader {
        text,
        t: toks,
        dates,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match reader.at(i) {
            Step::Found(mut q, end) => {
                q.span = Span::new(
                    base.start.saturating_add(q.span.start),
                    base.start.saturating_add(q.span.end),
                );
                out.push(q);
                i = end.max(i + 1);
            }
            Step::Skip(end) => i = end.max(i + 1),
            Step::Nothing => i += 1,
        }
    }
    out
}

/// The casualty kind a unit ends with ("civilians killed" → "killed").
pub fn casualty_kind(unit: &str) -> Option<&'static str> {
    let last = unit.rsplit(' ').next()?;
    CASUALTY_KINDS.iter().copied().find(|k| *k == last)
}

enum Step {
    Found(Quantity, usize),
    Skip(usize),
    Nothing,
}

/// Qualifiers, longest first within each first word.
const QUALIFIERS: [&[&str]; 30] = [
    &["no", "fewer", "than"],
    &["no", "more", "than"],
    &["no", "less", "than"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["as", "little", "as"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["just", "over"],
    &["just", "under"],
    &["well", "over"],
    &["close", "to"],
    &["upwards", "of"],
    &["in", "excess", "of"],
    &["an", "estimated"],
    &["roughly"],
    &["about"],
    &["around"],
    &["nearly"],
    &["almost"],
    &["approximately"],
    &["some"],
    &["over"],
    &["under"],
    &["between"],
];

struct Reader<'t, 'a> {
    text: &'a str,
    t: &'t [Tok<'a>],
    dates: &'t [Span],
}

impl<'a> Reader<'_, 'a> {
    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.t.get(i)
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.tok(i)
            .filter(|x| x.kind == Kind::Word)
            .map(|x| x.lower.as_ref())
    }

    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|x| !x.spaced)
    }

    fn in_date(&self, start: usize, end: usize) -> bool {
        let probe = Span::new(start, end);
        let k = self.dates.partition_point(|d| d.end <= start);
        self.dates.get(k).is_some_and(|d| d.overlaps(probe))
    }

    fn qualifier(&self, i: usize) -> Option<(String, usize)> {
        let first = self.word(i)?;
        QUALIFIERS
            .iter()
            .filter(|q| q.first() == Some(&first))
            .find(|q| {
                q.iter()
                    .enumerate()
                    .all(|(n, w)| self.word(i + n) == Some(w))
            })
            .map(|q| (q.join(" "), i + q.len()))
    }

    fn at(&self, i: usize) -> Step {
        let tok = match self.tok(i) {
            Some(t) => t,
            None => return Step::Nothing,
        };
        let may_start = match tok.kind {
            Kind::Num => true,
            Kind::Punct => currency_symbol(tok.text).is_some(),
            Kind::Word => may_start_quantity(&tok.lower),
        };
        if !may_start {
            return Step::Nothing;
        }
        let (mut qualifier, mut j) = match self.qualifier(i) {
            Some((q, end)) => (Some(q), end),
            None => (None, i),
        };
        let mut currency = None;
        if self.word(j) == Some("us")
            && self
                .tok(j + 1)
                .is_some_and(|x| x.is_punct('$') && !x.spaced)
        {
            j += 1;
        }
        if let Some(code) = self.tok(j).and_then(|x| currency_symbol(x.text)) {
            currency = Some(code);
            j += 1;
        }
        let Some(num) = read_number(self.t, j) else {
            return Step::Nothing;
        };
        let (Some(first), Some(last)) = (self.tok(j), self.tok(num.end.saturating_sub(1))) else {
            return Step::Nothing;
        };
        if self.in_date(first.start, last.end) {
            return Step::Skip(num.end);
        }
        if !num.worded && self.rejected_digits(j, &num, qualifier.is_some() || currency.is_some()) {
            return Step::Skip(num.end);
        }
        let mut end = num.end;
        // "a 5,000-strong force": the count is of the noun after "strong"
        if self.strong_after(end) {
            end += 2;
        }
        // ranges: "10-15", "10 to 15", "between 10 and 15"
        let range_joiner = match self.tok(end) {
            Some(x) if x.is_punct('-') && !x.spaced && self.glued(end + 1) => true,
            Some(x) if x.lower == "to" => true,
            Some(x) if x.lower == "and" && qualifier.as_deref() == Some("between") => true,
            _ => false,
        };
        let mut value = num.value;
        if range_joiner {
            if let Some(upper) = read_number(self.t, end + 1).filter(|u| u.worded == num.worded) {
                end = upper.end;
                qualifier.get_or_insert_with(|| "between".to_string());
                // "between 4 and 5 million": the scale applies to both ends
                if num.scale == 1.0 && upper.scale > 1.0 && value < upper.value / upper.scale {
                    value *= upper.scale;
                }
            }
        }
        if num.vague && qualifier.is_none() {
            qualifier = Some("at least".to_string());
        }
        let span_start = self.tok(i).map_or(0, |x| x.start);
        let number_end = self
            .tok(end.saturating_sub(1))
            .map_or(span_start, |x| x.end);
        if let Some(code) = currency {
            return self.found(
                value,
                code.to_string(),
                qualifier,
                span_start,
                number_end,
                end,
            );
        }
        if let Some((unit, after)) = self.percent_or_currency(end) {
            let unit_end = self.tok(after - 1).map_or(number_end, |x| x.end);
            return self.found(value, unit, qualifier, span_start, unit_end, after);
        }
        if let Some(step) = self.casualty_adjective(end, value, &qualifier, span_start) {
            return step;
        }
        let (unit_toks, after) = unit_phrase(self.t, end);
        let unit_words: Vec<&Tok> = unit_toks
            .iter()
            .filter_map(|&k| self.tok(k))
            .filter(|x| x.kind == Kind::Word)
            .collect();
        let mut unit = match (unit_toks.first(), unit_toks.last()) {
            (Some(&a), Some(&b)) => self.unit_text(a, b),
            _ => String::new(),
        };
        let mut span_end = unit_toks
            .last()
            .and_then(|&b| self.tok(b))
            .map_or(number_end, |x| x.end);
        let mut next = if unit_toks.is_empty() { end } else { after };
        let kind = match casualty_after(self.t, next) {
            Some((kind, k)) => {
                if unit.is_empty() && k == next + 1 {
                    // "12 dead": the casualty word is the unit
                    span_end = self.tok(next).map_or(span_end, |x| x.end);
                    next = k;
                }
                Some(kind)
            }
            None => casualty_before(self.t, i),
        };
        if let Some(kind) = kind.filter(|_| counts_people(&unit_words)) {
            let noun = if unit.is_empty() {
                "people".to_string()
            } else {
                unit
            };
            unit = format!("{noun} {kind}");
        } else if unit.is_empty() && toll_before(self.t, i) {
            unit = "people killed".to_string();
        } else if unit.is_empty()
            && num.vague
            && self
                .tok(end)
                .is_some_and(|x| x.kind == Kind::Word && !x.is_capitalized())
        {
            // "Thousands took to the streets": a crowd of people
            unit = "people".to_string();
        }
        // a lone "one" is a pronoun more often than a count
        if kind.is_none() && num.worded && value == 1.0 {
            return Step::Skip(end);
        }
        // ages: "an 18 year-old", "a man, 45 years old"
        let lower_unit = unit.to_lowercase();
        let age = lower_unit.starts_with("year-old")
            || (matches!(lower_unit.as_str(), "year" | "years") && self.word(next) == Some("old"));
        // fractions: "two thirds of the country"
        let fraction = matches!(
            lower_unit.as_str(),
            "thirds" | "quarters" | "halves" | "fifths" | "tenths" | "third" | "quarter" | "half"
        );
        if unit.is_empty() || age || fraction {
            return Step::Skip(end);
        }
        self.found(value, unit, qualifier, span_start, span_end, next)
    }

    /// True when "-strong" follows at `k` ("a 5,000-strong force").
    fn strong_after(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|x| x.is_punct('-') && !x.spaced)
            && self
                .tok(k + 1)
                .is_some_and(|x| !x.spaced && x.lower == "strong")
    }

    /// "two injured police officers": a casualty participle between the
    /// number and a noun for people gives the kind.
    fn casualty_adjective(
        &self,
        end: usize,
        value: f64,
        qualifier: &Option<String>,
        span_start: usize,
    ) -> Option<Step> {
        let kind = self.word(end).and_then(casualty_word)?;
        let (mut np, mut after) = unit_phrase(self.t, end + 1);
        // "one wounded boy sat down": the phrase ends at its (last
        // consecutive) person noun ("police officers")
        let is_person = |k: &usize| self.tok(*k).is_some_and(|x| is_person_noun(&x.lower));
        if let Some(mut n) = np.iter().position(is_person) {
            while np.get(n + 1).is_some_and(is_person) {
                n += 1;
            }
            np.truncate(n + 1);
            after = np.last().map_or(after, |&k| k + 1);
        }
        let words: Vec<&Tok> = np.iter().filter_map(|&k| self.tok(k)).collect();
        if np.is_empty() || !counts_people(&words) {
            return None;
        }
        let (first, last) = (*np.first()?, *np.last()?);
        let unit = format!("{} {kind}", self.unit_text(first, last));
        let span_end = self.tok(last)?.end;
        Some(self.found(value, unit, qualifier.clone(), span_start, span_end, after))
    }

    fn found(
        &self,
        value: f64,
        unit: String,
        qualifier: Option<String>,
        start: usize,
        end: usize,
        next: usize,
    ) -> Step {
        let span = Span::new(start, end);
        let text = span.slice(self.text).to_string();
        Step::Found(
            Quantity {
                value,
                unit,
                qualifier,
                text,
                span,
            },
            next,
        )
    }

    /// The unit as written from token `a` to `b`, whitespace collapsed;
    /// lower-cased when written all in capitals.
    fn unit_text(&self, a: usize, b: usize) -> String {
        let (Some(x), Some(y)) = (self.tok(a), self.tok(b)) else {
            return String::new();
        };
        let raw = self.text.get(x.start..y.end).unwrap_or("");
        let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let has_lower = collapsed.chars().any(char::is_lowercase);
        if has_lower {
            collapsed
        } else {
            collapsed.to_lowercase()
        }
    }

    /// "%", "percent", "per cent", "percentage points", "dollars", "US
    /// dollars", "euros": (unit, index after).
    fn percent_or_currency(&self, k: usize) -> Option<(String, usize)> {
        let tok = self.tok(k)?;
        if tok.is_punct('%') {
            return Some(("percent".into(), k + 1));
        }
        let w = self.word(k)?;
        match w {
            "percent" | "pct" => return Some(("percent".into(), k + 1)),
            "per" if self.word(k + 1) == Some("cent") => return Some(("percent".into(), k + 2)),
            "percentage" if self.word(k + 1) == Some("points") => {
                return Some(("percentage points".into(), k + 2))
            }
            "us" => {
                if let Some(code) = self.word(k + 1).and_then(currency_word) {
                    return Some((code.to_string(), k + 2));
                }
            }
            _ => {}
        }
        currency_word(w).map(|code| (code.to_string(), k + 1))
    }

    /// Digits that are not counts: identifiers, times, ordinals, years,
    /// hyphenated modifiers.
    fn rejected_digits(&self, j: usize, num: &Number, introduced: bool) -> bool {
        let Some(tok) = self.tok(j) else { return true };
        // glued to what comes before: "F-16", "G7", "1/2", "3:30", "v.2"
        if !tok.spaced && j > 0 {
            if let Some(prev) = self.tok(j - 1) {
                if currency_symbol(prev.text).is_none()
                    && !prev.is_punct('(')
                    && !prev.is_punct('~')
                {
                    return true;
                }
            }
        }
        // glued to what follows: "21st", "1990s", "155mm", "3:30", "10-day"
        if let Some(next) = self.tok(num.end).filter(|x| !x.spaced) {
            match next.kind {
                Kind::Word if !glued_measure(&next.lower) => return true,
                Kind::Num => return true,
                Kind::Punct if next.is_punct(':') || next.is_punct('/') => return true,
                // "10-15" is a range; "10-day" a modifier
                Kind::Punct
                    if next.is_punct('-')
                        && self.tok(num.end + 1).is_some_and(|x| x.kind == Kind::Word)
                        && !self.strong_after(num.end) =>
                {
                    return true
                }
                _ => {}
            }
        }
        // clock times: "11 a.m.", "9pm", "0600 GMT", "5 o'clock"
        let after = self.word(num.end);
        if after.is_some_and(|w| {
            matches!(
                w,
                "am" | "pm"
                    | "gmt"
                    | "utc"
                    | "bst"
                    | "cet"
                    | "cest"
                    | "est"
                    | "edt"
                    | "hrs"
                    | "o'clock"
            )
        }) || (matches!(after, Some("a" | "p"))
            && self
                .tok(num.end + 1)
                .is_some_and(|x| x.is_punct('.') && !x.spaced)
            && self.word(num.end + 2) == Some("m"))
        {
            return true;
        }
        if introduced {
            return false;
        }
        // identifiers: "Resolution 2231", "Article 5", "No. 10", "#3"
        if let Some(prev) = j.checked_sub(1).and_then(|p| self.tok(p)) {
            let possessive = prev.lower == "s"
                && !prev.spaced
                && j >= 2
                && self
                    .tok(j - 2)
                    .is_some_and(|x| x.is_punct('\'') || x.is_punct('\u{2019}'));
            if prev.is_capitalized()
                && !possessive
                && !is_function_word(&prev.lower)
                && tok.is_plain_int()
            {
                return true;
            }
            if prev.is_punct('#')
                || matches!(
                    prev.lower.as_ref(),
                    "number" | "no" | "nos" | "page" | "route"
                )
            {
                return true;
            }
            if prev.is_punct('.') && j >= 2 && self.word(j - 2) == Some("no") {
                return true;
            }
        }
        // a year-looking number not followed by a lower-case word
        if tok.is_plain_int()
            && tok.text.len() == 4
            && (1900..=2100).contains(&tok.small_int().unwrap_or(0))
        {
            let next_lower = self.tok(num.end).is_some_and(|x| {
                x.kind == Kind::Word && !x.is_capitalized() && casualty_word(&x.lower).is_none()
            });
            if !next_lower {
                return true;
            }
        }
        false
    }
}
