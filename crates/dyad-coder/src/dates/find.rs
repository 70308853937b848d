//! Finding date expressions: matchers tried at each token position, each
//! looking at most a handful of tokens ahead, so the scan is linear.

use dyad_core::Span;

use super::scan::{tokenize, Kind, Tok};
use super::words;
use super::{DateExpression, DateKind, Part};

mod relative;

/// Lists the date expressions in `text`, in text order, without overlaps.
///
/// `base` is the span of `text` in the document: returned spans are
/// `base.start` + offsets in `text`. Decades and centuries ("the 1990s",
/// "the 21st century") are skipped, not reported.
pub fn find_date_expressions(text: &str, base: Span) -> Vec<DateExpression> {
    find_in_tokens(text, &tokenize(text), base)
}

/// [`find_date_expressions`] over tokens already made from `text`.
pub(crate) fn find_in_tokens(text: &str, toks: &[Tok], base: Span) -> Vec<DateExpression> {
    let m = Matcher { t: toks };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match m.at(i) {
            Some(Found::Date(end, kind)) if end > i => {
                let (Some(first), Some(last)) = (toks.get(i), toks.get(end - 1)) else {
                    break;
                };
                let expr_text = text.get(first.start..last.end).unwrap_or("").to_string();
                out.push(DateExpression {
                    span: Span::new(
                        base.start.saturating_add(first.start),
                        base.start.saturating_add(last.end),
                    ),
                    text: expr_text,
                    kind,
                    preposition: m.preposition_before(i),
                });
                i = end;
            }
            Some(Found::Skip(end)) if end > i => i = end,
            _ => i += 1,
        }
    }
    out
}

/// What a matcher found at a position.
enum Found {
    /// A date expression ending before token `.0`.
    Date(usize, DateKind),
    /// Tokens to skip (decades, centuries) ending before token `.0`.
    Skip(usize),
}

struct Matcher<'t, 'a> {
    t: &'t [Tok<'a>],
}

impl<'a> Matcher<'_, 'a> {
    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.t.get(i)
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower.as_ref())
    }

    fn prev_word(&self, i: usize) -> Option<&str> {
        i.checked_sub(1).and_then(|j| self.word(j))
    }

    /// True when token `i` exists and is glued to the token before it.
    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.spaced)
    }

    fn preposition_before(&self, i: usize) -> Option<String> {
        let mut j = i.checked_sub(1)?;
        if self.word(j) == Some("the") {
            j = j.checked_sub(1)?;
        }
        self.word(j)
            .filter(|w| words::is_date_preposition(w))
            .map(str::to_string)
    }

    fn at(&self, i: usize) -> Option<Found> {
        let tok = self.tok(i)?;
        match tok.kind {
            Kind::Num => self.numeric(i),
            Kind::Word => self.worded(i),
            Kind::Punct => None,
        }
    }

    // ----- expressions starting with a number -----

    fn numeric(&self, i: usize) -> Option<Found> {
        // decades: "1990s", "'90s"
        if self.word(i + 1) == Some("s") && self.glued(i + 1) {
            return Some(Found::Skip(i + 2));
        }
        // centuries: "21st century"
        if self.word(i + 1).is_some_and(words::is_ordinal_suffix)
            && self.glued(i + 1)
            && self.word(i + 2) == Some("century")
        {
            return Some(Found::Skip(i + 3));
        }
        if let Some(f) = self.iso_or_slashed(i) {
            return Some(f);
        }
        if let Some((end, kind)) = self.year_range(i) {
            return Some(Found::Date(end, kind));
        }
        if let Some((end, kind)) = self.day_month(i) {
            return Some(Found::Date(end, kind));
        }
        if let Some((end, kind)) = self.ago(i) {
            return Some(Found::Date(end, kind));
        }
        let year = self.year_at(i)?;
        let prev = self.prev_word(i);
        let next = self.tok(i + 1);
        // "2019 and 2020": a conjunction introduces a year only after one
        let after_year_conjunction = matches!(prev, Some("and" | "or" | "to"))
            && i.checked_sub(2).is_some_and(|j| self.year_at(j).is_some());
        let in_context = prev.is_some_and(words::introduces_year)
            || after_year_conjunction
            || (prev.is_some_and(|w| matches!(w, "the" | "a" | "an"))
                && next.is_some_and(|n| n.kind == Kind::Word))
            || next.is_none_or(|n| n.kind == Kind::Punct && !n.is_punct('%'));
        in_context.then_some(Found::Date(
            i + 1,
            DateKind::Year {
                year,
                part: Part::Whole,
            },
        ))
    }

    /// A plain four-digit year 1800–2100 not glued to letters or digits.
    fn year_at(&self, i: usize) -> Option<i32> {
        let tok = self.tok(i)?;
        if tok.text.len() != 4 || !tok.is_plain_int() {
            return None;
        }
        let year: i32 = tok.text.parse().ok()?;
        if !(1800..=2100).contains(&year) {
            return None;
        }
        if let Some(next) = self.tok(i + 1) {
            if !next.spaced && next.kind != Kind::Punct {
                return None;
            }
            if !next.spaced
                && (next.is_punct('-') || next.is_punct('/'))
                && self
                    .tok(i + 2)
                    .is_some_and(|n| !n.spaced && n.kind == Kind::Num)
            {
                return None;
            }
        }
        if let Some(prev) = i.checked_sub(1).and_then(|j| self.tok(j)) {
            if !tok.spaced
                && (prev.kind != Kind::Punct
                    || prev.is_punct('-') && i >= 2 && !self.mid_dash(i - 1))
            {
                return None;
            }
            if prev.is_punct('$') || prev.is_punct('#') {
                return None;
            }
        }
        Some(year)
    }

    /// A range of years joined by a hyphen or dash, the second year whole
    /// or as its last two digits: "1980-88", "2011\u{2013}2014",
    /// "1990-1991". The second year must come after the first and within a
    /// century of it, so "2000-3000 troops" is not one; a range glued to
    /// more digits or a dash ("1980-88-90") is not either.
    fn year_range(&self, i: usize) -> Option<(usize, DateKind)> {
        let first = self.tok(i)?;
        if first.text.len() != 4 || !first.is_plain_int() {
            return None;
        }
        let from: i32 = first.text.parse().ok()?;
        if !(1800..=2100).contains(&from) {
            return None;
        }
        if let Some(prev) = i.checked_sub(1).and_then(|j| self.tok(j)) {
            if !first.spaced || prev.is_punct('$') || prev.is_punct('#') {
                return None;
            }
        }
        let dash = self.tok(i + 1)?;
        let second = self.tok(i + 2)?;
        let is_dash = dash.is_punct('-') || dash.is_punct('\u{2013}') || dash.is_punct('\u{2014}');
        if !is_dash || dash.spaced || second.spaced || !second.is_plain_int() {
            return None;
        }
        let to = match second.text.len() {
            4 => second.text.parse::<i32>().ok()?,
            2 => from - from % 100 + second.text.parse::<i32>().ok()?,
            _ => return None,
        };
        if to <= from || to - from > 100 {
            return None;
        }
        // "1980-88-90", "2011-2014/15": not a plain range
        if let Some(after) = self.tok(i + 3) {
            if !after.spaced
                && (after.kind != Kind::Punct || after.is_punct('-') || after.is_punct('/'))
            {
                return None;
            }
        }
        Some((i + 3, DateKind::YearRange { from, to }))
    }

    /// True when token `dash` is a "-" right after "mid" ("mid-2023").
    fn mid_dash(&self, dash: usize) -> bool {
        dash.checked_sub(1).and_then(|j| self.word(j)) == Some("mid")
    }

    /// "2023-09-13", "2023/09/13", "13/09/2023", "09/13/2023".
    fn iso_or_slashed(&self, i: usize) -> Option<Found> {
        let a = self.tok(i)?;
        let sep = self.tok(i + 1)?;
        let is_sep = |t: &Tok| !t.spaced && (t.is_punct('-') || t.is_punct('/'));
        if !is_sep(sep) {
            return None;
        }
        let b = self.tok(i + 2).filter(|t| !t.spaced)?;
        let sep2 = self
            .tok(i + 3)
            .filter(|t| is_sep(t) && t.text == sep.text)?;
        let c = self.tok(i + 4).filter(|t| !t.spaced)?;
        let _ = sep2;
        let (av, bv, cv) = (a.small_int()?, b.small_int()?, c.small_int()?);
        if a.text.len() == 4 && b.text.len() <= 2 && c.text.len() <= 2 {
            let kind = DateKind::Day {
                year: Some(av as i32),
                month: bv,
                day: cv,
                weekday: None,
            };
            return Some(Found::Date(i + 5, kind));
        }
        if a.text.len() <= 2 && b.text.len() <= 2 && c.text.len() == 4 && sep.text == "/" {
            let year = Some(cv as i32);
            let kind = if av > 12 {
                DateKind::Day {
                    year,
                    month: bv,
                    day: av,
                    weekday: None,
                }
            } else if bv > 12 || av == bv {
                DateKind::Day {
                    year,
                    month: av,
                    day: bv,
                    weekday: None,
                }
            } else {
                DateKind::Ambiguous
            };
            return Some(Found::Date(i + 5, kind));
        }
        None
    }

    /// Day number at `i` (1–31, optional glued ordinal suffix): returns the
    /// day and the index after it.
    fn day_number(&self, i: usize) -> Option<(u32, usize)> {
        let tok = self.tok(i)?;
        if tok.text.len() > 2 {
            return None;
        }
        let day = tok.small_int().filter(|d| (1..=31).contains(d))?;
        let mut end = i + 1;
        if self.word(end).is_some_and(words::is_ordinal_suffix) && self.glued(end) {
            end += 1;
        }
        // a glued letter or digit run ("13km", "13:30") is not a day
        if let Some(next) = self.tok(end) {
            if !next.spaced && (next.kind != Kind::Punct || next.is_punct(':')) {
                return None;
            }
        }
        Some((day, end))
    }

    /// A four-digit year at `i`, after an optional comma: (year, end).
    fn trailing_year(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.tok(i).is_some_and(|t| t.is_punct(',')) {
            i + 1
        } else {
            i
        };
        let tok = self.tok(j)?;
        if tok.text.len() == 4 && tok.is_plain_int() {
            let year: i32 = tok.text.parse().ok()?;
            let glued_after = self
                .tok(j + 1)
                .is_some_and(|n| !n.spaced && n.kind != Kind::Punct);
            if !glued_after {
                return Some((year, j + 1));
            }
        }
        None
    }

    /// "13 September 2023", "13th of September", "13 Sept.".
    fn day_month(&self, i: usize) -> Option<(usize, DateKind)> {
        let (day, mut j) = self.day_number(i)?;
        if self.word(j) == Some("of") {
            j += 1;
        }
        let (month, after) = self.month_token(j, true)?;
        let (year, end) = match self.trailing_year(after) {
            Some((y, e)) => (Some(y), e),
            None => (None, after),
        };
        Some((
            end,
            DateKind::Day {
                year,
                month,
                day,
                weekday: None,
            },
        ))
    }

    /// A month name at `i`: (month, index after it, including an
    /// abbreviation's period). Abbreviations need a period or a following
    /// number; `dated` says a day or year context is already known.
    fn month_token(&self, i: usize, dated: bool) -> Option<(u32, usize)> {
        let tok = self.tok(i).filter(|t| t.kind == Kind::Word)?;
        let month = words::month(&tok.lower)?;
        let mut end = i + 1;
        let has_period = self.tok(end).is_some_and(|t| t.is_punct('.') && !t.spaced);
        if words::is_month_abbreviation(&tok.lower) {
            if !tok.is_capitalized() {
                return None;
            }
            if has_period {
                end += 1;
            } else if !dated && !self.tok(end).is_some_and(|t| t.kind == Kind::Num) {
                return None;
            }
        }
        Some((month, end))
    }

    /// "Sept. 13, 2023", "March 25", "May 2023", "in March", "a January
    /// attack". `context` says a date word precedes ("early", "last").
    fn month_led(&self, i: usize, context: bool) -> Option<(usize, DateKind)> {
        let tok = self.tok(i)?;
        let (month, after) = self.month_token(i, false)?;
        if let Some((day, j)) = self.day_number(after) {
            let (year, end) = match self.trailing_year(j) {
                Some((y, e)) => (Some(y), e),
                None => (None, j),
            };
            // "May 5" is a date only when capitalised ("may 5 people ...")
            if tok.is_capitalized() || year.is_some() {
                return Some((
                    end,
                    DateKind::Day {
                        year,
                        month,
                        day,
                        weekday: None,
                    },
                ));
            }
        }
        let j = if self.word(after) == Some("of") {
            after + 1
        } else {
            after
        };
        if let Some((year, end)) = self.trailing_year(j) {
            if tok.is_capitalized() || context {
                let kind = DateKind::Month {
                    year: Some(year),
                    month,
                    relative: None,
                    part: Part::Whole,
                };
                return Some((end, kind));
            }
        }
        // "May this year", "March last year"
        if let (Some(rel), Some("year")) = (self.word(j), self.word(j + 1)) {
            let year_offset = match rel {
                "this" => Some(0),
                "last" => Some(-1),
                "next" => Some(1),
                _ => None,
            };
            if let Some(year_offset) = year_offset.filter(|_| tok.is_capitalized() || context) {
                return Some((j + 2, DateKind::MonthOfRelativeYear { month, year_offset }));
            }
        }
        // month alone
        let prev = self.prev_word(i);
        let prev_is_date_word = prev.is_some_and(|w| {
            words::introduces_year(w)
                || matches!(
                    w,
                    "a" | "an"
                        | "last"
                        | "this"
                        | "next"
                        | "for"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                )
                || (w == "the" && tok.lower == "may")
        });
        // "April and May": a conjunction after another month
        let after_month = matches!(prev, Some("and" | "or" | "to" | "through"))
            && i.checked_sub(2)
                .and_then(|k| self.word(k))
                .is_some_and(|w| words::month(w).is_some() && !words::is_month_abbreviation(w));
        let prev_is_date_word = prev_is_date_word || after_month;
        let ok = if words::is_ambiguous_month(&tok.lower) {
            tok.is_capitalized() && (context || prev_is_date_word)
        } else {
            tok.is_capitalized() || context || prev_is_date_word
        };
        ok.then_some((
            after,
            DateKind::Month {
                year: None,
                month,
                relative: None,
                part: Part::Whole,
            },
        ))
    }

    // ----- expressions starting with a word -----

    fn worded(&self, i: usize) -> Option<Found> {
        let w = self.word(i).filter(|w| words::may_start_date(w))?;
        let date = |r: Option<(usize, DateKind)>| r.map(|(e, k)| Found::Date(e, k));
        match w {
            "today" | "tonight" | "yesterday" | "tomorrow" => {
                let days = match w {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                let end = self.day_part_suffix(i + 1);
                return date(Some((end, DateKind::DayOffset { days })));
            }
            "end" | "start" | "beginning" | "middle" | "turn" => return date(self.boundary_of(i)),
            "recent" => return date(self.recent(i)),
            "days" | "weeks" | "months" | "years" | "decades" | "centuries" | "century"
                if self.word(i + 1) == Some("ago") =>
            {
                return self.bare_ago(i);
            }
            "last" | "this" | "next" | "past" | "coming" => return date(self.relative(i)),
            "early" | "mid" | "late" | "earlier" | "later" => return date(self.part_led(i)),
            "the" => return date(self.the_led(i)),
            _ => {}
        }
        if words::month(w).is_some() {
            return date(self.month_led(i, false));
        }
        if words::weekday(w).is_some() {
            return date(self.weekday_led(i, false));
        }
        if words::season(w).is_some() {
            return date(self.season_led(i, None, false));
        }
        date(self.ago(i))
    }

    /// "Monday", "Monday, June 17", "Wednesday night", "Wed.".
    fn weekday_led(&self, i: usize, context: bool) -> Option<(usize, DateKind)> {
        let tok = self.tok(i)?;
        let weekday = words::weekday(&tok.lower)?;
        let mut after = i + 1;
        if !words::is_full_weekday(&tok.lower) {
            let period = self
                .tok(after)
                .is_some_and(|t| t.is_punct('.') && !t.spaced);
            if !(tok.is_capitalized() && period) {
                return None;
            }
            after += 1;
        } else if !(tok.is_capitalized()
            || context
            || self.prev_word(i).is_some_and(words::is_date_preposition))
        {
            return None;
        }
        let j = if self.tok(after).is_some_and(|t| t.is_punct(',')) {
            after + 1
        } else {
            after
        };
        if let Some((
            end,
            DateKind::Day {
                year, month, day, ..
            },
        )) = self.month_led(j, true).or_else(|| self.day_month(j))
        {
            return Some((
                end,
                DateKind::Day {
                    year,
                    month,
                    day,
                    weekday: Some(weekday),
                },
            ));
        }
        let end = self.day_part_suffix(after);
        // "Monday last week", "Friday next week"
        let week_offset = match (self.word(end), self.word(end + 1)) {
            (Some("last"), Some("week")) => Some(-1),
            (Some("this"), Some("week")) => Some(0),
            (Some("next"), Some("week")) => Some(1),
            _ => None,
        };
        if let Some(week_offset) = week_offset {
            return Some((
                end + 2,
                DateKind::WeekdayOfWeek {
                    weekday,
                    week_offset,
                },
            ));
        }
        Some((
            end,
            DateKind::Weekday {
                weekday,
                relative: None,
            },
        ))
    }

    /// Skips "morning", "night", "local time" after a day word.
    fn day_part_suffix(&self, mut i: usize) -> usize {
        if self.word(i).is_some_and(words::is_day_part) {
            i += 1;
        }
        if self.word(i) == Some("local") && self.word(i + 1) == Some("time") {
            i += 2;
        }
        i
    }
}
