//! People the lexicon does not know, and pronouns by the gender of a first
//! name (`given-names.tsv`, `src/unknown.rs`). Sentences written for these
//! tests.

mod common;

use common::{doc, lex};
use dyad_core::{ActorMention, MentionKind};

fn recognize(text: &str) -> Vec<ActorMention> {
    lex().recognize(&doc(text, "2019-03-01"))
}

fn one<'a>(m: &'a [ActorMention], text: &str) -> &'a ActorMention {
    match m.iter().find(|x| x.text == text) {
        Some(x) => x,
        None => panic!("no mention {text:?} in {m:#?}"),
    }
}

#[test]
fn she_never_resolves_to_a_man_known_by_his_first_name() {
    let m = recognize("Boris Johnson met the Syrian envoy on Monday. She said the talks failed.");
    assert!(m.iter().any(|x| x.text == "Boris Johnson"), "{m:#?}");
    assert!(!m.iter().any(|x| x.text == "She"), "{m:#?}");
    let m = recognize("Boris Johnson met the Syrian envoy on Monday. He said the talks failed.");
    assert_eq!(one(&m, "He").actor.name, "Boris Johnson", "{m:#?}");
}

#[test]
fn an_unknown_name_with_a_given_name_is_a_civilian_person() {
    let m = recognize(
        "Margaret Hollis and Peter Quennell arrived in Leeds on Monday. She said the case was unfair.",
    );
    let a = one(&m, "Margaret Hollis");
    assert_eq!(a.kind, MentionKind::Person);
    assert_eq!(a.actor.sectors, vec!["CVL".to_string()]);
    assert_eq!(a.actor.country, None, "no country without evidence: {a:?}");
    assert!(m.iter().any(|x| x.text == "Peter Quennell"), "{m:#?}");
    // "She" is the woman, not Peter.
    assert_eq!(one(&m, "She").actor.name, "Margaret Hollis", "{m:#?}");
}

#[test]
fn a_demonym_in_an_apposition_gives_the_country() {
    let m = recognize(
        "Ingrid Valborg, a Swedish mother of three, was held in the camp. Valborg said the guards beat her.",
    );
    let a = one(&m, "Ingrid Valborg");
    assert_eq!(a.actor.country.as_deref(), Some("SWE"), "{a:?}");
    assert_eq!(a.actor.sectors, vec!["CVL".to_string()]);
    // The later surname is the same person.
    let s = one(&m, "Valborg");
    assert_eq!(s.actor.name, "Ingrid Valborg");
    assert_eq!(s.kind, MentionKind::Coreference);
    assert!(s.antecedent.is_some(), "{s:?}");
}

#[test]
fn a_title_or_a_speech_verb_is_evidence_for_an_unknown_first_name() {
    let m = recognize("Dr Zorvath Quillen warned that the camp was overcrowded.");
    assert!(
        m.iter().any(|x| x.actor.name == "Zorvath Quillen"),
        "{m:#?}"
    );
    let m = recognize("Zorvath Quillen said the camp was overcrowded.");
    assert!(
        m.iter().any(|x| x.actor.name == "Zorvath Quillen"),
        "{m:#?}"
    );
}

#[test]
fn capitalised_words_without_person_evidence_are_not_a_person() {
    let m = recognize("Brindle Vale hosted the talks on Monday.");
    assert!(!m.iter().any(|x| x.text.contains("Brindle")), "{m:#?}");
    let m = recognize("Margaret Street was closed on Monday.");
    assert!(!m.iter().any(|x| x.text.contains("Margaret")), "{m:#?}");
}

#[test]
fn a_name_with_a_role_in_apposition_is_left_to_the_role() {
    let m = recognize("Hamid Farouk al-Tamimi, Iraq's deputy speaker, said the vote was illegal.");
    assert!(
        !m.iter().any(|x| x.text.starts_with("Hamid")),
        "the deputy speaker, not a civilian: {m:#?}"
    );
}

#[test]
fn a_role_apposition_after_adjectives_is_left_to_the_role() {
    // ", a former Colombian Congressman": the role says more than
    // "civilian", so the name is not made a civilian of its own
    let m = recognize("The rebels will release Peter Quennell, a former Colombian Congressman.");
    assert!(!m.iter().any(|x| x.text == "Peter Quennell"), "{m:#?}");
    assert!(
        m.iter().any(|x| x.actor.country.as_deref() == Some("COL")),
        "{m:#?}"
    );
}

#[test]
fn a_title_run_into_an_unknown_name_gives_the_person_its_sector_and_country() {
    let m = recognize("Militants beheaded the American aid worker Peter Quennell in 2014.");
    let a = one(&m, "American aid worker Peter Quennell");
    assert_eq!(a.kind, MentionKind::Person);
    assert_eq!(a.actor.name, "Peter Quennell");
    assert_eq!(a.actor.country.as_deref(), Some("USA"), "{a:?}");
    assert_eq!(a.actor.sectors, vec!["NGO".to_string()], "{a:?}");
    assert!(!m.iter().any(|x| x.text == "American aid worker"), "{m:#?}");
    // the role alone is evidence; a later surname takes the same actor
    let m = recognize(
        "Syrian army commander Zorvath Quillen visited Aleppo. Quillen said the town had fallen.",
    );
    let a = one(&m, "Syrian army commander Zorvath Quillen");
    assert_eq!(a.actor.country.as_deref(), Some("SYR"), "{a:?}");
    assert_eq!(a.actor.sectors.first().map(String::as_str), Some("MIL"));
    assert_eq!(one(&m, "Quillen").actor.sectors, a.actor.sectors);
    // an organisation in the title stays the person's
    let m = recognize("EU commissioner Zorvath Quillen said the package was ready.");
    let a = one(&m, "EU commissioner Zorvath Quillen");
    assert_eq!(a.actor.org.as_deref(), Some("EU"), "{a:?}");
}

#[test]
fn a_role_owned_by_another_actor_is_not_the_person_s_title() {
    // an Isis recruit is not a military recruit: the person keeps the
    // person-noun evidence and stays a civilian
    let m = recognize("The British Islamic State recruit Margaret Hollis was detained.");
    let a = one(&m, "Margaret Hollis");
    assert_eq!(a.actor.sectors, vec!["CVL".to_string()], "{a:?}");
}

#[test]
fn a_pronoun_does_not_look_back_past_a_person_of_unknown_gender() {
    let m = recognize(
        "Boris Johnson met the envoy on Monday. Syrian army commander Zorvath Quillen said his troops would stay.",
    );
    assert!(
        !m.iter()
            .any(|x| x.text == "his" && x.actor.name == "Boris Johnson"),
        "{m:#?}"
    );
}
