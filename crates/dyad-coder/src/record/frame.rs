//! The narrative frame a document sets for its sentences' dates: month
//! headings of a review ("January The year began with …", "February Three
//! UN agencies warned …"). The page's headings reach the text run into the
//! first sentence of their section, so every act told below a heading
//! happened in that month, not on the publication date. And a past episode
//! told on: a sentence in the past after one set in an earlier year.

use chrono::{Datelike, NaiveDate};
use dyad_core::{AnalyzedDocument, DatePrecision, EventDate, Pos};

/// A month heading: the first sentence of its section and the month's
/// window.
#[derive(Debug, Clone)]
pub(super) struct MonthHeading {
    /// Index of the sentence the heading opens.
    pub sentence: usize,
    /// The heading as written ("February").
    pub name: String,
    /// First and last day of the month.
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// The month headings of `doc`, in text order; none unless there are at
/// least two in calendar order. A sentence opens with a heading when its
/// first word is a month name (capitalised, not the modal "May") run
/// straight into a capitalised word that is no day number ("February Three
/// UN agencies", not "February 3" nor "May God damn them"). One such
/// sentence alone may be a person ("April Ryan said"), so a review's
/// sequence of months is required.
pub(super) fn month_headings(
    doc: &AnalyzedDocument,
    publication: Option<NaiveDate>,
) -> Vec<MonthHeading> {
    let Some(publication) = publication else {
        return Vec::new();
    };
    let text = &doc.doc.text;
    let found: Vec<(usize, u32, &str)> = doc
        .sentences
        .iter()
        .filter_map(|s| {
            let first = s.tokens.first()?;
            let next = s.tokens.get(1)?;
            let word = first.text(text);
            // a full month name as written ("February", not "Feb")
            let month = (1..=12).find(|&m| dyad_core::calendar::month_name(m) == word)?;
            let after = next.text(text);
            let capitalised = after.chars().next().is_some_and(char::is_uppercase);
            let modal = first.pos == Pos::MD;
            (capitalised && !modal).then_some((s.index, month, word))
        })
        .collect();
    if found.len() < 2 || found.windows(2).any(|w| w[0].1 >= w[1].1) {
        return Vec::new();
    }
    // the sequence ends no later than the publication month: a review of
    // the past year published in January puts its December in that year
    let last = found.last().map_or(1, |f| f.1);
    let year = if last <= publication.month() {
        publication.year()
    } else {
        publication.year() - 1
    };
    found
        .into_iter()
        .filter_map(|(sentence, month, name)| {
            let start = NaiveDate::from_ymd_opt(year, month, 1)?;
            let end = NaiveDate::from_ymd_opt(
                if month == 12 { year + 1 } else { year },
                month % 12 + 1,
                1,
            )?
            .pred_opt()?;
            Some(MonthHeading {
                sentence,
                name: name.to_string(),
                start,
                end,
            })
        })
        .collect()
}

/// The date the heading over sentence `index` gives an act with no date
/// expression of its own, when the sentence lies in a headed section.
pub(super) fn heading_date(headings: &[MonthHeading], index: usize) -> Option<EventDate> {
    let h = headings.iter().rev().find(|h| h.sentence <= index)?;
    Some(EventDate {
        date: h.start,
        start: h.start,
        end: h.end,
        precision: DatePrecision::Month,
        text: None,
        note: format!(
            "the month heading of its section ('{}'), with no date expression of its own",
            h.name
        ),
    })
}

/// Lemmas of reporting verbs: a sentence that reports ("the army said it
/// retook the town") is the story's present speaking, not the episode
/// going on.
const REPORTING: [&str; 6] = ["say", "tell", "add", "report", "announce", "claim"];

/// True when sentence `index` goes on telling a past episode that the
/// sentence before it set in an earlier year ("… arrived in the UK **in
/// 2015**. They fled from their home after repeated attacks: their house
/// was burned down, he was shot twice …"): the sentence before has date
/// expressions and all of them end in an earlier year than the article's
/// (more than `recent_days` before it), neither sentence has a present
/// verb or a modal other than "would" and "could", and this one has no
/// date expression and no reporting verb. Its undated past acts belong to
/// that episode, not to the publication date.
pub(super) fn past_episode(
    doc: &AnalyzedDocument,
    publication: NaiveDate,
    index: usize,
    recent_days: i64,
) -> bool {
    let text = &doc.doc.text;
    let (Some(prev), Some(this)) = (
        index.checked_sub(1).and_then(|i| doc.sentences.get(i)),
        doc.sentences.get(index),
    ) else {
        return false;
    };
    if prev.zone != this.zone {
        return false;
    }
    // "would" and "could" are the past of "will" and "can" ("promised
    // Britain would take in 20,000")
    let narrated = |s: &dyad_core::Sentence| {
        !s.tokens.iter().any(|t| match t.pos {
            Pos::VBZ | Pos::VBP => true,
            Pos::MD => !matches!(t.text(text).to_lowercase().as_str(), "would" | "could"),
            _ => false,
        })
    };
    if !narrated(prev) || !narrated(this) {
        return false;
    }
    if this
        .tokens
        .iter()
        .any(|t| REPORTING.contains(&t.lemma.as_str()))
    {
        return false;
    }
    let expressions = |s: &dyad_core::Sentence| {
        let slice = s.span.slice(text);
        crate::dates::find_in_tokens(slice, &crate::dates::scan::tokenize(slice), s.span)
    };
    if !expressions(this).is_empty() {
        return false;
    }
    let before = expressions(prev);
    !before.is_empty()
        && before.iter().all(|e| {
            let d = crate::dates::resolve(e, publication, crate::dates::Tense::Past);
            matches!(
                d.precision,
                DatePrecision::Year
                    | DatePrecision::Month
                    | DatePrecision::Day
                    | DatePrecision::Season
            ) && d.end.year() < publication.year()
                && (publication - d.end).num_days() > recent_days
        })
}
