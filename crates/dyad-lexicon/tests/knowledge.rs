//! Knowledge and sector mechanisms of issue 16, on phrases written for these
//! tests: bulk office holders (Wikidata-derived), the sectors their positions
//! give, religious heads, uninhabited territories.

mod common;

use common::{date, lex};

fn resolve(text: &str, on: &str) -> (Option<String>, Vec<String>, Option<String>) {
    let a = lex()
        .resolve_phrase(text, Some(date(on)), "")
        .actor
        .unwrap_or_default();
    (a.country, a.sectors, a.role)
}

#[test]
fn bulk_office_holders_have_dated_offices() {
    // A minister known only from the office-holder file, during and after the term.
    let (c, s, r) = resolve("Juan Carlos Jobet", "2021-06-01");
    assert_eq!(c.as_deref(), Some("CHL"));
    assert_eq!(s.first().map(String::as_str), Some("GOV"));
    assert!(r.is_some_and(|r| r.contains("Minister")));
    let (_, s, r) = resolve("Juan Carlos Jobet", "2023-06-01");
    assert_eq!(s, vec!["ELI"]);
    assert!(r.is_some_and(|r| r.starts_with("former ")));
}

#[test]
fn a_speaker_of_parliament_is_a_legislator() {
    // Prime minister until January 2021 (curated), speaker of the Riigikogu
    // from March 2021 (office-holder file): LEG, not the head of government.
    let (c, s, _) = resolve("Jüri Ratas", "2021-07-01");
    assert_eq!(c.as_deref(), Some("EST"));
    assert_eq!(s.first().map(String::as_str), Some("LEG"));
    let (_, s, _) = resolve("Jüri Ratas", "2018-01-01");
    assert_eq!(s.first().map(String::as_str), Some("GOV"));
}

#[test]
fn an_open_source_term_does_not_outlast_a_curated_one() {
    // Wikidata leaves his presidency open; the curated end date (2022) wins.
    let (c, s, _) = resolve("Uhuru Kenyatta", "2023-06-01");
    assert_eq!(c.as_deref(), Some("KEN"));
    assert_eq!(s, vec!["ELI"]);
}

#[test]
fn the_pope_is_first_a_religious_leader() {
    let (_, s, _) = resolve("Pope Francis", "2020-01-01");
    assert_eq!(s.first().map(String::as_str), Some("REL"));
}

#[test]
fn uninhabited_territories_are_no_actors() {
    assert!(lex()
        .resolve_phrase("Antarctica", Some(date("2020-01-01")), "")
        .actor
        .is_none());
    // An inhabited territory still acts.
    let (c, _, _) = resolve("Greenland", "2020-01-01");
    assert_eq!(c.as_deref(), Some("GRL"));
}

#[test]
fn the_english_wikipedia_title_is_an_alias() {
    // Wikidata label "Rodrigo Cerda Norambuena"; English news writes "Rodrigo Cerda".
    let (c, s, r) = resolve("Rodrigo Cerda", "2021-06-01");
    assert_eq!(c.as_deref(), Some("CHL"));
    assert_eq!(s.first().map(String::as_str), Some("GOV"));
    assert_eq!(r.as_deref(), Some("Minister of Finance"));
}

#[test]
fn officials_of_international_organisations_are_igo_not_a_government() {
    // The organisation is their "country"; their sector is IGO (PLOVER's
    // code for intergovernmental organisations), never GOV.
    for (name, on) in [
        ("Staffan de Mistura", "2017-06-01"),
        ("António Guterres", "2020-01-01"),
        ("Jens Stoltenberg", "2019-01-01"),
    ] {
        let (_, s, _) = resolve(name, on);
        assert_eq!(s.first().map(String::as_str), Some("IGO"), "{name}: {s:?}");
    }
}

#[test]
fn a_generation_after_a_name_is_another_person_and_no_surname() {
    // the son is not the president; "Jr." is nobody's surname
    let (c, s, _) = resolve("Donald Trump Jr.", "2018-12-19");
    assert!(c.is_none() && s.is_empty(), "{c:?} {s:?}");
    let (c, ..) = resolve("Jr.", "2018-12-19");
    assert!(c.is_none(), "{c:?}");
    // the surname before the generation still names its bearer
    let (c, ..) = resolve("Remengesau", "2018-12-19");
    assert_eq!(c.as_deref(), Some("PLW"));
}
