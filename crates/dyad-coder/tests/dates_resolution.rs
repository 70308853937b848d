//! Date expressions found and resolved against fixed publication dates.
//! All sentences are written for these tests.

use chrono::NaiveDate;
use dyad_coder::dates::{
    find_date_expressions, resolve, resolve_absolute, resolve_in_sentence, Tense,
};
use dyad_core::{DatePrecision, EventDate, Span};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Resolves the only (or first) date expression of `text`.
fn one(text: &str, publication: &str, tense: Tense) -> EventDate {
    let found = resolve_in_sentence(text, Span::new(0, text.len()), d(publication), tense);
    assert!(!found.is_empty(), "no date expression in {text:?}");
    found[0].1.clone()
}

fn check(
    text: &str,
    publication: &str,
    tense: Tense,
    start: &str,
    end: &str,
    precision: DatePrecision,
) {
    let r = one(text, publication, tense);
    assert_eq!(
        (r.start, r.end, r.precision),
        (d(start), d(end), precision),
        "{text:?} published {publication}: {r:?}"
    );
}

const PUB: &str = "2024-06-19"; // a Wednesday

#[test]
fn explicit_dates() {
    use DatePrecision::Day;
    check(
        "The ministers met on Sept. 13, 2023 in Oslo.",
        PUB,
        Tense::Past,
        "2023-09-13",
        "2023-09-13",
        Day,
    );
    check(
        "Talks ended on 13 September 2023.",
        PUB,
        Tense::Past,
        "2023-09-13",
        "2023-09-13",
        Day,
    );
    check(
        "The log entry is dated 2023-09-13.",
        PUB,
        Tense::Past,
        "2023-09-13",
        "2023-09-13",
        Day,
    );
    check(
        "Voting closed March 25, 2024, officials said.",
        PUB,
        Tense::Past,
        "2024-03-25",
        "2024-03-25",
        Day,
    );
    check(
        "The convoy left on the 2nd of May 2022.",
        PUB,
        Tense::Past,
        "2022-05-02",
        "2022-05-02",
        Day,
    );
    check(
        "The summit opened on 13/09/2023.",
        PUB,
        Tense::Past,
        "2023-09-13",
        "2023-09-13",
        Day,
    );
}

#[test]
fn day_without_year_uses_weekday_and_tense() {
    use DatePrecision::Day;
    // 2024-06-17 is a Monday
    let r = one(
        "The port reopened on Monday, June 17, after repairs.",
        PUB,
        Tense::Past,
    );
    assert_eq!((r.date, r.precision), (d("2024-06-17"), Day), "{r:?}");
    assert_eq!(r.text.as_deref(), Some("Monday, June 17"));
    // a past June 30 is last year's
    check(
        "Fighting resumed on June 30.",
        PUB,
        Tense::Past,
        "2023-06-30",
        "2023-06-30",
        Day,
    );
    // a future June 30 is this year's
    check(
        "Elections will be held on June 30.",
        PUB,
        Tense::Future,
        "2024-06-30",
        "2024-06-30",
        Day,
    );
}

#[test]
fn months_years_and_month_modifiers() {
    use DatePrecision::{Month, Year};
    check(
        "The rebels seized the airport in March.",
        PUB,
        Tense::Past,
        "2024-03-01",
        "2024-03-31",
        Month,
    );
    check(
        "The rebels seized the airport in September.",
        PUB,
        Tense::Past,
        "2023-09-01",
        "2023-09-30",
        Month,
    );
    check(
        "Parliament will vote in September.",
        PUB,
        Tense::Future,
        "2024-09-01",
        "2024-09-30",
        Month,
    );
    check(
        "Parliament will vote in March.",
        PUB,
        Tense::Future,
        "2025-03-01",
        "2025-03-31",
        Month,
    );
    check(
        "The accord was signed in January.",
        PUB,
        Tense::Past,
        "2024-01-01",
        "2024-01-31",
        Month,
    );
    check(
        "Officials blamed militants for a January attack on the base.",
        PUB,
        Tense::Past,
        "2024-01-01",
        "2024-01-31",
        Month,
    );
    check(
        "The ceasefire collapsed in May 2023.",
        PUB,
        Tense::Past,
        "2023-05-01",
        "2023-05-31",
        Month,
    );
    check(
        "The ceasefire collapsed in early March.",
        PUB,
        Tense::Past,
        "2024-03-01",
        "2024-03-10",
        Month,
    );
    check(
        "Troops withdrew in mid-March.",
        PUB,
        Tense::Past,
        "2024-03-11",
        "2024-03-20",
        Month,
    );
    check(
        "The embassy closed in 2022.",
        PUB,
        Tense::Past,
        "2022-01-01",
        "2022-12-31",
        Year,
    );
    check(
        "The embassy closed in late 2022.",
        PUB,
        Tense::Past,
        "2022-09-01",
        "2022-12-31",
        Year,
    );
    // the current month, past tense: clipped at publication
    check(
        "Strikes hit the capital in June.",
        PUB,
        Tense::Past,
        "2024-06-01",
        "2024-06-19",
        Month,
    );
    check(
        "Protesters returned last March.",
        PUB,
        Tense::Past,
        "2024-03-01",
        "2024-03-31",
        Month,
    );
}

#[test]
fn weekdays() {
    use DatePrecision::Day;
    // publication is a Wednesday: same weekday → publication date
    check(
        "The army said it struck the depot on Wednesday.",
        PUB,
        Tense::Past,
        PUB,
        PUB,
        Day,
    );
    check(
        "Shelling began early Wednesday local time.",
        PUB,
        Tense::Past,
        PUB,
        PUB,
        Day,
    );
    check(
        "Police detained him on Monday.",
        PUB,
        Tense::Past,
        "2024-06-17",
        "2024-06-17",
        Day,
    );
    check(
        "Police detained him Thursday night.",
        PUB,
        Tense::Past,
        "2024-06-13",
        "2024-06-13",
        Day,
    );
    check(
        "The envoy will arrive on Friday.",
        PUB,
        Tense::Future,
        "2024-06-21",
        "2024-06-21",
        Day,
    );
    check(
        "The envoy will arrive on Wednesday.",
        PUB,
        Tense::Future,
        PUB,
        PUB,
        Day,
    );
    check(
        "They met last Wednesday.",
        PUB,
        Tense::Past,
        "2024-06-12",
        "2024-06-12",
        Day,
    );
    check(
        "They meet again next Monday.",
        PUB,
        Tense::Future,
        "2024-06-24",
        "2024-06-24",
        Day,
    );
    // the brief's example: a Wednesday publication date
    let r = one(
        "Drones hit the refinery on Wednesday.",
        "2023-09-13",
        Tense::Past,
    );
    assert_eq!(r.date, d("2023-09-13"));
    assert!(r.note.contains("Wednesday"), "{}", r.note);
    assert!(r.note.contains("2023-09-13"), "{}", r.note);
}

#[test]
fn deictic_days_and_periods() {
    use DatePrecision::{Day, Month, Week, Year};
    check(
        "Rockets fell on the town today.",
        PUB,
        Tense::Past,
        PUB,
        PUB,
        Day,
    );
    check(
        "Rockets fell on the town yesterday.",
        PUB,
        Tense::Past,
        "2024-06-18",
        "2024-06-18",
        Day,
    );
    check(
        "Talks resume tomorrow.",
        PUB,
        Tense::Future,
        "2024-06-20",
        "2024-06-20",
        Day,
    );
    check(
        "Gunmen stormed the hotel last night.",
        PUB,
        Tense::Past,
        "2024-06-18",
        "2024-06-18",
        Day,
    );
    check(
        "The minister resigned last week.",
        PUB,
        Tense::Past,
        "2024-06-10",
        "2024-06-16",
        Week,
    );
    check(
        "The minister resigned this week.",
        PUB,
        Tense::Past,
        "2024-06-17",
        "2024-06-19",
        Week,
    );
    check(
        "The minister will travel next week.",
        PUB,
        Tense::Future,
        "2024-06-24",
        "2024-06-30",
        Week,
    );
    check(
        "Exports fell last month.",
        PUB,
        Tense::Past,
        "2024-05-01",
        "2024-05-31",
        Month,
    );
    check(
        "Exports fell last year.",
        PUB,
        Tense::Past,
        "2023-01-01",
        "2023-12-31",
        Year,
    );
    check(
        "Exports fell earlier this month.",
        PUB,
        Tense::Past,
        "2024-06-01",
        "2024-06-19",
        Month,
    );
    check(
        "Exports fell earlier this year.",
        PUB,
        Tense::Past,
        "2024-01-01",
        "2024-06-19",
        Year,
    );
    check(
        "Exports will recover later this year.",
        PUB,
        Tense::Future,
        "2024-06-19",
        "2024-12-31",
        Year,
    );
    check(
        "The rebels regrouped late last year.",
        PUB,
        Tense::Past,
        "2023-09-01",
        "2023-12-31",
        Year,
    );
    check(
        "Clashes went on over the past week.",
        PUB,
        Tense::Past,
        "2024-06-12",
        "2024-06-19",
        Week,
    );
    check(
        "Clashes went on over the past two months.",
        PUB,
        Tense::Past,
        "2024-04-19",
        "2024-06-19",
        Year,
    );
}

#[test]
fn seasons() {
    use DatePrecision::Season;
    check(
        "The offensive stalled last winter.",
        PUB,
        Tense::Past,
        "2023-12-01",
        "2024-02-29",
        Season,
    );
    check(
        "The offensive stalled last summer.",
        PUB,
        Tense::Past,
        "2023-06-01",
        "2023-08-31",
        Season,
    );
    check(
        "The offensive stalled last spring.",
        PUB,
        Tense::Past,
        "2024-03-01",
        "2024-05-31",
        Season,
    );
    check(
        "The offensive stalled last fall.",
        PUB,
        Tense::Past,
        "2023-09-01",
        "2023-11-30",
        Season,
    );
    check(
        "A new offensive is expected this autumn.",
        PUB,
        Tense::Future,
        "2024-09-01",
        "2024-11-30",
        Season,
    );
    check(
        "Aid deliveries stopped in the summer of 2022.",
        PUB,
        Tense::Past,
        "2022-06-01",
        "2022-08-31",
        Season,
    );
    // published in January: "last winter" is the one before the current
    check(
        "Gas ran out last winter.",
        "2024-01-10",
        Tense::Past,
        "2022-12-01",
        "2023-02-28",
        Season,
    );
}

#[test]
fn counted_back() {
    use DatePrecision::{Day, Month, Week, Year};
    check(
        "The pact was signed nine months ago.",
        PUB,
        Tense::Past,
        "2023-09-01",
        "2023-09-30",
        Month,
    );
    check(
        "The pact was signed two years ago.",
        PUB,
        Tense::Past,
        "2022-01-01",
        "2022-12-31",
        Year,
    );
    check(
        "The pact was signed a year ago.",
        PUB,
        Tense::Past,
        "2023-01-01",
        "2023-12-31",
        Year,
    );
    check(
        "The pact was signed three days ago.",
        PUB,
        Tense::Past,
        "2024-06-16",
        "2024-06-16",
        Day,
    );
    check(
        "The pact was signed two weeks ago.",
        PUB,
        Tense::Past,
        "2024-06-03",
        "2024-06-09",
        Week,
    );
    check(
        "The pact was signed 10 days ago.",
        PUB,
        Tense::Past,
        "2024-06-09",
        "2024-06-09",
        Day,
    );
    check(
        "The pact was signed twenty-one days ago.",
        PUB,
        Tense::Past,
        "2024-05-29",
        "2024-05-29",
        Day,
    );
    check(
        "The pact was signed a few days ago.",
        PUB,
        Tense::Past,
        "2024-06-14",
        "2024-06-17",
        Week,
    );
}

#[test]
fn since_and_prepositions() {
    let text = "The group has been banned since 2019.";
    let found = find_date_expressions(text, Span::new(0, text.len()));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].preposition.as_deref(), Some("since"));
    let r = resolve(&found[0], d(PUB), Tense::Past);
    assert_eq!(
        (r.start, r.end, r.precision),
        (d("2019-01-01"), d(PUB), DatePrecision::Year)
    );
    assert!(r.note.contains("since"), "{}", r.note);
}

#[test]
fn unresolvable_is_unknown_relative_with_note() {
    for text in [
        "Two days later, the rebels withdrew.",
        "The next day the border reopened.",
        "The order is dated 03/04/2024.",
        "It happened on February 30, 2023.",
        "The truce held for 900000 years ago.",
    ] {
        let found = resolve_in_sentence(text, Span::new(0, text.len()), d(PUB), Tense::Past);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        let r = &found[0].1;
        assert_eq!(r.precision, DatePrecision::UnknownRelative, "{text:?}");
        assert_eq!(r.date, d(PUB));
        assert!(r.note.contains("unresolved"), "{}", r.note);
    }
}

#[test]
fn decades_centuries_and_non_dates_are_ignored() {
    for text in [
        "The dispute goes back to the 1990s.",
        "It was the worst attack of the 21st century.",
        "They may attack again, he said.",
        "Thousands joined the march to parliament.",
        "The F-2000 rifle and 2000 troops were sent.",
        "Prices fall in most markets during a crisis.",
    ] {
        let found = find_date_expressions(text, Span::new(0, text.len()));
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
}

#[test]
fn spans_are_document_spans() {
    let doc = "Header. The envoy arrived on Monday and left on Friday.";
    let start = 8;
    let sentence = &doc[start..];
    let found = find_date_expressions(sentence, Span::new(start, doc.len()));
    let texts: Vec<&str> = found.iter().map(|e| e.span.slice(doc)).collect();
    assert_eq!(texts, vec!["Monday", "Friday"]);
    assert!(found.iter().all(|e| e.preposition.as_deref() == Some("on")));
}

#[test]
fn possessives_weekends_boundaries_and_relative_years() {
    use DatePrecision::{Day, Month, Week, Year};
    check(
        "Saturday's clashes left the square empty.",
        PUB,
        Tense::Past,
        "2024-06-15",
        "2024-06-15",
        Day,
    );
    check(
        "Last week's raid was condemned.",
        PUB,
        Tense::Past,
        "2024-06-10",
        "2024-06-16",
        Week,
    );
    check(
        "Yesterday morning the convoy was hit.",
        PUB,
        Tense::Past,
        "2024-06-18",
        "2024-06-18",
        Day,
    );
    check(
        "Protesters gathered over the weekend.",
        PUB,
        Tense::Past,
        "2024-06-15",
        "2024-06-16",
        Week,
    );
    check(
        "Protesters will gather over the weekend.",
        PUB,
        Tense::Future,
        "2024-06-22",
        "2024-06-23",
        Week,
    );
    check(
        "A deal is expected by the end of the year.",
        PUB,
        Tense::Future,
        "2024-09-01",
        "2024-12-31",
        Year,
    );
    check(
        "Talks stalled at the start of last month.",
        PUB,
        Tense::Past,
        "2024-05-01",
        "2024-05-10",
        Month,
    );
    check(
        "The summit is planned for May this year.",
        PUB,
        Tense::Future,
        "2024-05-01",
        "2024-05-31",
        Month,
    );
    check(
        "The mine closed in March last year.",
        PUB,
        Tense::Past,
        "2023-03-01",
        "2023-03-31",
        Month,
    );
    check(
        "Elections were promised weeks ago.",
        PUB,
        Tense::Past,
        "2024-05-20",
        "2024-06-09",
        DatePrecision::Month,
    );
    check(
        "They left years ago.",
        PUB,
        Tense::Past,
        "2015-01-01",
        "2022-12-31",
        Year,
    );
    check(
        "The blast happened the day before yesterday.",
        PUB,
        Tense::Past,
        "2024-06-17",
        "2024-06-17",
        Day,
    );
    check(
        "Fighting intensified in recent days.",
        PUB,
        Tense::Past,
        "2024-06-12",
        "2024-06-19",
        Week,
    );
    check(
        "Fighting intensified in recent weeks.",
        PUB,
        Tense::Past,
        "2024-05-22",
        "2024-06-19",
        DatePrecision::Month,
    );
    let none = find_date_expressions("The fort was built centuries ago.", Span::new(0, 33));
    assert!(none.is_empty(), "{none:?}");
}

#[test]
fn absolute_expressions_resolve_without_publication() {
    let text =
        "Troops left on March 25, 2024, returned in May 2023, last week and in 2022 on Monday.";
    let found = find_date_expressions(text, Span::new(0, text.len()));
    let got: Vec<Option<(NaiveDate, DatePrecision)>> = found
        .iter()
        .map(|e| resolve_absolute(e).map(|r| (r.start, r.precision)))
        .collect();
    assert_eq!(
        got,
        vec![
            Some((d("2024-03-25"), DatePrecision::Day)),
            Some((d("2023-05-01"), DatePrecision::Month)),
            None,
            Some((d("2022-01-01"), DatePrecision::Year)),
            None,
        ]
    );
    let bad = find_date_expressions("It was February 30, 2023.", Span::new(0, 25));
    assert_eq!(resolve_absolute(&bad[0]), None);
}

#[test]
fn weekday_of_a_relative_week() {
    use DatePrecision::Day;
    check(
        "They met on Monday last week.",
        PUB,
        Tense::Past,
        "2024-06-10",
        "2024-06-10",
        Day,
    );
    check(
        "They meet on Friday next week.",
        PUB,
        Tense::Future,
        "2024-06-28",
        "2024-06-28",
        Day,
    );
}

#[test]
fn year_ranges_span_their_years() {
    use DatePrecision::Year;
    check(
        "Both sides lost heavily in the 1914-18 campaign.",
        PUB,
        Tense::Past,
        "1914-01-01",
        "1918-12-31",
        Year,
    );
    check(
        "The mission ran in 2003\u{2013}2005 under a UN mandate.",
        PUB,
        Tense::Past,
        "2003-01-01",
        "2005-12-31",
        Year,
    );
    check(
        "Observers counted violations in the 1999-2001 ceasefire.",
        PUB,
        Tense::Past,
        "1999-01-01",
        "2001-12-31",
        Year,
    );
    // not ranges: a count of troops, a backwards pair, glued digits
    for text in [
        "They sent 2000-3000 troops.",
        "The score was 2010-1990 in the end.",
        "Serial 1980-88-90 was recalled.",
    ] {
        let found = find_date_expressions(text, Span::new(0, text.len()));
        assert!(
            found
                .iter()
                .all(|e| !matches!(e.kind, dyad_coder::dates::DateKind::YearRange { .. })),
            "{text:?}: {found:?}"
        );
    }
}
