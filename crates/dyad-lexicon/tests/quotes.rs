//! First-person pronouns inside quotations stand for the quotation's
//! speaker (`src/quotes.rs`). Sentences written for these tests.

mod common;

use common::{doc, lex};
use dyad_core::{ActorMention, MentionKind};

fn recognize(text: &str) -> Vec<ActorMention> {
    lex().recognize(&doc(text, "2019-03-01"))
}

fn pronouns<'a>(m: &'a [ActorMention], word: &str) -> Vec<&'a ActorMention> {
    m.iter()
        .filter(|x| x.text == word && x.kind == MentionKind::Pronoun)
        .collect()
}

/// The name of the mention that `m` refers back to.
fn antecedent_text<'a>(all: &'a [ActorMention], m: &ActorMention) -> &'a str {
    m.antecedent
        .and_then(|a| all.get(a))
        .map_or("", |a| a.text.as_str())
}

#[test]
fn a_speaker_after_the_quote_owns_its_first_person_pronouns() {
    let m = recognize("“We will not leave. Our troops stay,” Emmanuel Macron said on Monday.");
    let we = pronouns(&m, "We");
    assert_eq!(we.len(), 1, "{m:#?}");
    assert_eq!(antecedent_text(&m, we[0]), "Emmanuel Macron");
    assert_eq!(we[0].actor.country.as_deref(), Some("FRA"));
    assert_eq!(pronouns(&m, "Our").len(), 1, "{m:#?}");
}

#[test]
fn inverted_attribution_names_the_speaker() {
    let m = recognize("“I am worried,” said Emmanuel Macron.");
    let i = pronouns(&m, "I");
    assert_eq!(antecedent_text(&m, i[0]), "Emmanuel Macron", "{m:#?}");
}

#[test]
fn an_apposition_before_the_verb_leaves_the_subject_as_speaker() {
    let m = recognize(
        "Emmanuel Macron, an ally of Olaf Scholz, said: “I have asked Germany for help.”",
    );
    let i = pronouns(&m, "I");
    assert_eq!(antecedent_text(&m, i[0]), "Emmanuel Macron", "{m:#?}");
}

#[test]
fn a_quote_opening_the_next_sentence_continues_the_speaker() {
    let m = recognize("“It is time,” Emmanuel Macron said. “We must act now.”");
    assert_eq!(pronouns(&m, "We").len(), 1, "{m:#?}");
    // but not after a sentence of narrative in between
    let m =
        recognize("“It is time,” Emmanuel Macron said. Talks began on Monday. “We must act now.”");
    assert!(pronouns(&m, "We").is_empty(), "{m:#?}");
}

#[test]
fn a_quote_opened_mid_sentence_without_a_speaker_has_none() {
    let m = recognize(
        "“It is time,” Emmanuel Macron said. The paper called it “our last chance” on Monday.",
    );
    assert!(pronouns(&m, "our").is_empty(), "{m:#?}");
}

#[test]
fn first_person_outside_quotes_is_left_alone() {
    let m = recognize("Emmanuel Macron said we must act now.");
    assert!(pronouns(&m, "we").is_empty(), "{m:#?}");
}

#[test]
fn a_capitalised_determiner_opening_a_quotation_is_no_first_name() {
    // "The Assad" is not an unknown person: the surname is the president's
    for text in [
        "Rebels said: “The Assad regime attacked our town.”",
        "A spokesman said: “This Trump administration has no plan.”",
    ] {
        let m = recognize(text);
        assert!(
            m.iter().any(|x| x.kind == MentionKind::Person
                && (x.text == "Assad" || x.text == "Trump")
                && x.actor.sectors.first().map(String::as_str) == Some("GOV")),
            "{text}: {m:#?}"
        );
    }
}
