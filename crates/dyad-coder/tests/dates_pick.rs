//! Choosing the date expression that belongs to an event trigger.

use chrono::NaiveDate;
use dyad_coder::dates::{pick_for_trigger, pick_for_trigger_in_text, resolve_in_sentence, Tense};
use dyad_core::{EventDate, Span};

fn pub_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 19).unwrap()
}

/// The text of the date picked for the first occurrence of `trigger`.
fn picked(sentence: &str, trigger: &str, with_text: bool) -> Option<String> {
    let base = Span::new(100, 100 + sentence.len());
    let cands = resolve_in_sentence(sentence, base, pub_date(), Tense::Past);
    let at = sentence.find(trigger).unwrap() + 100;
    let trig = Span::new(at, at + trigger.len());
    let d: Option<&EventDate> = if with_text {
        pick_for_trigger_in_text(sentence, base, &cands, trig)
    } else {
        pick_for_trigger(&cands, trig)
    };
    d.and_then(|d| d.text.clone())
}

#[test]
fn nearest_date_in_the_clause_wins() {
    let s = "The army attacked the base on Friday but withdrew on Sunday.";
    assert_eq!(picked(s, "attacked", true).as_deref(), Some("Friday"));
    assert_eq!(picked(s, "withdrew", true).as_deref(), Some("Sunday"));
    let s = "On Monday, police arrested 12 protesters.";
    assert_eq!(picked(s, "arrested", true).as_deref(), Some("Monday"));
    assert_eq!(picked(s, "arrested", false).as_deref(), Some("Monday"));
}

#[test]
fn dates_after_the_trigger_are_preferred_at_equal_distance() {
    // "Monday" is 4 bytes before the trigger, "Friday" 4 bytes after
    let s = "Monday jets hit Friday";
    let got = picked(s, " hit ", false);
    assert_eq!(got.as_deref(), Some("Friday"));
}

#[test]
fn reporting_verb_dates_yield_to_the_event_date() {
    let s = "Officials said on Wednesday that Russian forces attacked the town in March.";
    assert_eq!(picked(s, "attacked", true).as_deref(), Some("March"));
    // the reporting verb itself keeps its own date
    assert_eq!(picked(s, "said", true).as_deref(), Some("Wednesday"));
    // alone, a reporting date still dates the event
    let s = "Officials said on Wednesday that Russian forces attacked the town.";
    assert_eq!(picked(s, "attacked", true).as_deref(), Some("Wednesday"));
}

#[test]
fn resolved_candidates_beat_unknown_relative_ones() {
    let s = "Rebels attacked two days later, after the talks collapsed on Monday.";
    assert_eq!(picked(s, "attacked", true).as_deref(), Some("Monday"));
    assert_eq!(picked(s, "attacked", false).as_deref(), Some("Monday"));
}

#[test]
fn no_candidates_no_pick() {
    assert_eq!(picked("Rebels attacked the town.", "attacked", true), None);
    assert!(pick_for_trigger(&[], Span::new(0, 1)).is_none());
}
