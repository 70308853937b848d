//! Quantities with value, unit and qualifier. All sentences are written for
//! these tests.

use dyad_coder::quantities::{casualty_kind, find_quantities};
use dyad_core::{Quantity, Span};

fn all(text: &str) -> Vec<Quantity> {
    find_quantities(text, Span::new(0, text.len()))
}

fn summary(text: &str) -> Vec<(f64, String, Option<String>)> {
    all(text)
        .into_iter()
        .map(|q| (q.value, q.unit, q.qualifier))
        .collect()
}

fn q(value: f64, unit: &str, qualifier: Option<&str>) -> (f64, String, Option<String>) {
    (value, unit.to_string(), qualifier.map(str::to_string))
}

#[test]
fn digits_with_qualifiers_and_units() {
    assert_eq!(
        summary("The port handled at least 10,000 shipping containers in a week."),
        vec![q(10_000.0, "shipping containers", Some("at least"))]
    );
    assert_eq!(
        summary("Pyongyang may have sent as many as 4.8 million artillery shells to Moscow."),
        vec![q(4_800_000.0, "artillery shells", Some("as many as"))]
    );
    assert_eq!(
        summary("Officials counted roughly 50 ballistic missiles on the site."),
        vec![q(50.0, "ballistic missiles", Some("roughly"))]
    );
    assert_eq!(
        summary("More than 200 tanks and about 300 drones were lost."),
        vec![
            q(200.0, "tanks", Some("more than")),
            q(300.0, "drones", Some("about"))
        ]
    );
    assert_eq!(
        summary("Some 40 trucks crossed; fewer than 15 buses followed and up to 90 boats."),
        vec![
            q(40.0, "trucks", Some("some")),
            q(15.0, "buses", Some("fewer than")),
            q(90.0, "boats", Some("up to")),
        ]
    );
    assert_eq!(
        summary("Around 70 jets and over 1,500 Russian-made drones took part."),
        vec![
            q(70.0, "jets", Some("around")),
            q(1_500.0, "Russian-made drones", Some("over")),
        ]
    );
    assert_eq!(
        summary("Two U.S. Army helicopters landed and 21 former Yemeni detainees left."),
        vec![
            q(2.0, "U.S. Army helicopters", None),
            q(21.0, "former Yemeni detainees", None),
        ]
    );
    assert_eq!(
        summary("The regiment sent 3,000 North Korean troops."),
        vec![q(3_000.0, "North Korean troops", None)]
    );
    assert_eq!(
        summary("Satellites spotted roughly 50 North Korean ballistic missiles there."),
        vec![q(50.0, "North Korean ballistic missiles", Some("roughly"))]
    );
}

#[test]
fn words_dozens_and_vague_plurals() {
    assert_eq!(
        summary("The island lies about 140 km southeast of the capital."),
        vec![q(140.0, "km", Some("about"))]
    );
    assert_eq!(
        summary("A team of 15 legally trained observers left."),
        vec![q(15.0, "legally trained observers", None)]
    );
    assert_eq!(
        summary("A 5,000-strong force crossed the river."),
        vec![q(5_000.0, "force", None)]
    );
    assert_eq!(
        summary("The talks lasted nearly five hours."),
        vec![q(5.0, "hours", Some("nearly"))]
    );
    assert_eq!(
        summary("Two dozen ambulances arrived."),
        vec![q(24.0, "ambulances", None)]
    );
    assert_eq!(
        summary("They seized a dozen rifles."),
        vec![q(12.0, "rifles", None)]
    );
    assert_eq!(
        summary("The floods affected tens of millions of people."),
        vec![q(20_000_000.0, "people", Some("at least"))]
    );
    assert_eq!(
        summary("Hundreds of villagers fled the shelling."),
        vec![q(200.0, "villagers", Some("at least"))]
    );
    assert_eq!(
        summary("Thousands took to the streets; hundreds gathered outside."),
        vec![
            q(2_000.0, "people", Some("at least")),
            q(200.0, "people", Some("at least"))
        ]
    );
    assert_eq!(
        summary("It signed a $9-billion mining deal."),
        vec![q(9e9, "USD", None)]
    );
    assert!(summary("He said one representing the union left.").is_empty());
    assert_eq!(
        summary("Seven hundred and fifty volunteers signed up."),
        vec![q(750.0, "volunteers", None)]
    );
}

#[test]
fn casualty_counts_carry_their_kind() {
    assert_eq!(
        summary("At least 12 people were killed in the blast."),
        vec![q(12.0, "people killed", Some("at least"))]
    );
    assert_eq!(
        summary("The strike killed 7 civilians and wounded 30 others."),
        vec![
            q(7.0, "civilians killed", None),
            q(30.0, "others injured", None)
        ]
    );
    assert_eq!(
        summary("Police arrested more than 200 protesters."),
        vec![q(200.0, "protesters arrested", Some("more than"))]
    );
    assert_eq!(
        summary("The raid left 9 dead."),
        vec![q(9.0, "people killed", None)]
    );
    assert_eq!(
        summary("The death toll rose to 45 on Sunday."),
        vec![q(45.0, "people killed", None)]
    );
    assert_eq!(
        summary("Nearly 3,000 Sudanese have been displaced."),
        vec![q(3_000.0, "Sudanese displaced", Some("nearly"))]
    );
    // things, not people: no casualty kind
    assert_eq!(
        summary("The strikes destroyed 14 tanks."),
        vec![q(14.0, "tanks", None)]
    );
    assert_eq!(
        summary("Medics treated the two injured police officers."),
        vec![q(2.0, "police officers injured", None)]
    );
    assert_eq!(
        summary("Raids left 15 dead and 20 wounded."),
        vec![
            q(15.0, "people killed", None),
            q(20.0, "people injured", None)
        ]
    );
    assert_eq!(
        summary("Dazed, one wounded boy sat down."),
        vec![q(1.0, "boy injured", None)]
    );
    assert_eq!(casualty_kind("civilians killed"), Some("killed"));
    assert_eq!(casualty_kind("artillery shells"), None);
}

#[test]
fn money_percent_and_ranges() {
    assert_eq!(
        summary("Congress approved $1.2 billion in aid."),
        vec![q(1_200_000_000.0, "USD", None)]
    );
    assert_eq!(
        summary("The fund pledged €500m for reconstruction."),
        vec![q(500_000_000.0, "EUR", None)]
    );
    assert_eq!(
        summary("Turnout fell by 12% while support rose 3.5 percent."),
        vec![q(12.0, "percent", None), q(3.5, "percent", None)]
    );
    assert_eq!(
        summary("The war displaced between 4 and 5 million people."),
        vec![q(4e6, "people displaced", Some("between"))]
    );
    assert_eq!(
        summary("Between 10 and 15 fighters surrendered."),
        vec![q(10.0, "fighters", Some("between"))]
    );
}

#[test]
fn non_quantities_are_excluded() {
    for text in [
        "The treaty was signed in 2023.",
        "The treaty was signed on March 25, 2024.",
        "The meeting began at 11 a.m. and ended at 3 pm.",
        "It was the 21st round of talks.",
        "F-16 jets flew over the G7 summit.",
        "Resolution 2231 expired.",
        "A 10-day truce took hold.",
        "The dispute dates to the 1990s.",
        "The vote happened nine months ago.",
        "12 34 56 78 90",
        "Two thirds of the country is dry.",
        "Police held an 18 year-old and a man aged 40 years old.",
    ] {
        assert!(all(text).is_empty(), "{text:?}: {:?}", all(text));
    }
}

#[test]
fn spans_and_text_are_document_spans() {
    let doc = "Intro. Officials said at least 12 people were killed.";
    let start = 7;
    let found = find_quantities(&doc[start..], Span::new(start, doc.len()));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.slice(doc), "at least 12 people");
    assert_eq!(found[0].text, "at least 12 people");
}
