//! Garden-path recovery: a past tense the tagger first reads as a
//! participle after a noun ("coastguards rescued 500 people") is tried as a
//! past tense when the sentence would otherwise have no main verb.

use dyad_syntax::{Syntax, SyntaxWord};

fn parse(text: &str) -> Vec<SyntaxWord> {
    let model = Syntax::builtin().unwrap_or_else(|e| panic!("{e}"));
    let words: Vec<&str> = text.split_whitespace().collect();
    model.analyze(&words)
}

fn word<'w>(words: &'w [SyntaxWord], form: &str) -> &'w SyntaxWord {
    words
        .iter()
        .find(|w| w.form == form)
        .unwrap_or_else(|| panic!("no word {form}"))
}

#[test]
fn a_sentence_without_a_main_verb_is_reparsed_with_the_past_tense() {
    let words = parse("On Monday , Italian coastguards rescued 500 people .");
    let rescued = word(&words, "rescued");
    assert_eq!(
        (rescued.xpos.as_str(), rescued.head),
        ("VBD", 0),
        "{words:#?}"
    );
    let subject = word(&words, "coastguards");
    assert_eq!(subject.deprel, "nsubj", "{words:#?}");
}

#[test]
fn a_participle_after_an_auxiliary_or_in_a_verbal_sentence_stays() {
    // a main verb already: the participle describing a noun stays one
    let words = parse("The forces backed by Iran seized the town on Monday .");
    assert_eq!(word(&words, "backed").xpos, "VBN", "{words:#?}");
    assert_eq!(word(&words, "seized").head, 0, "{words:#?}");
    // a passive keeps its participle
    let words = parse("On Monday , 500 people were rescued off the coast of Italy .");
    assert_eq!(word(&words, "rescued").xpos, "VBN", "{words:#?}");
}

#[test]
fn has_since_with_a_participle_is_a_perfect() {
    let words =
        parse("The United States has since accused Russia of firing missiles into Ukraine .");
    let accused = word(&words, "accused");
    assert_eq!(accused.head, 0, "{words:#?}");
    assert_eq!(word(&words, "has").deprel, "aux", "{words:#?}");
    assert_eq!(word(&words, "since").xpos, "RB", "{words:#?}");
    // "since" before a date stays a preposition
    let words = parse("It has been raining since Monday .");
    assert_eq!(word(&words, "since").xpos, "IN", "{words:#?}");
}

#[test]
fn a_subject_after_a_fronted_phrase_is_the_subject_not_a_conjunct() {
    let words = parse("In July , British Royal Marines seized the tanker .");
    assert_eq!(word(&words, "Marines").deprel, "nsubj", "{words:#?}");
    let words = parse("In June , Russia and China signed a deal .");
    let russia = word(&words, "Russia");
    assert_eq!(russia.deprel, "nsubj", "{words:#?}");
    let china = word(&words, "China");
    assert_eq!(
        (
            china.deprel.as_str(),
            words[china.head as usize - 1].form.as_str()
        ),
        ("conj", "Russia"),
        "{words:#?}"
    );
}

#[test]
fn a_reduced_relative_read_as_the_main_verb_is_reparsed_as_a_participle() {
    // the greedy parser makes "killed" the main verb and "have criticised"
    // its conjunct; the auxiliary without a coordinator says otherwise
    for (text, participle, main) in [
        (
            "The relatives of three French soldiers killed fighting rebels in Mali have criticised the minister .",
            "killed",
            "criticised",
        ),
        (
            "The widows of two Kenyan officers murdered guarding the border have sued the government .",
            "murdered",
            "sued",
        ),
    ] {
        let words = parse(text);
        assert_eq!(word(&words, main).head, 0, "{words:#?}");
        let p = word(&words, participle);
        assert_eq!((p.xpos.as_str(), p.deprel.as_str()), ("VBN", "acl"), "{words:#?}");
    }
    // a real coordination keeps its past tense
    let words = parse("The soldiers killed two rebels and have seized the town .");
    assert_eq!(word(&words, "killed").head, 0, "{words:#?}");
}

// verbs13: verbs the tagger reads as nouns

#[test]
fn a_present_tense_read_as_a_plural_noun_after_a_name_is_a_verb() {
    let words = parse("The Kremlin views the rebel fighters as terrorists .");
    let views = word(&words, "views");
    assert_eq!((views.xpos.as_str(), views.head), ("VBZ", 0), "{words:#?}");
    assert_eq!(word(&words, "Kremlin").deprel, "nsubj", "{words:#?}");
}

#[test]
fn a_past_tense_read_as_a_noun_after_a_name_is_a_verb() {
    let words = parse("Last year Iran shot down an American drone over the Gulf .");
    let shot = word(&words, "shot");
    assert_eq!((shot.xpos.as_str(), shot.head), ("VBD", 0), "{words:#?}");
    assert_eq!(word(&words, "Iran").deprel, "nsubj", "{words:#?}");
}

#[test]
fn the_next_verb_phrase_of_a_list_is_a_verb_not_a_plural_noun() {
    let words = parse("Her government backs the rebels and funds their campaign .");
    let funds = word(&words, "funds");
    assert_eq!(
        (funds.xpos.as_str(), funds.deprel.as_str()),
        ("VBZ", "conj"),
        "{words:#?}"
    );
    let words = parse(
        "The minister praises Ankara , sells it weapons , trades with its government and ignores the protests .",
    );
    assert_eq!(word(&words, "trades").xpos, "VBZ", "{words:#?}");
}

#[test]
fn a_plural_noun_that_is_a_subject_stays_a_noun() {
    let words = parse("US troops leave the base in a few weeks .");
    assert_eq!(word(&words, "troops").xpos, "NNS", "{words:#?}");
    assert_eq!(word(&words, "leave").head, 0, "{words:#?}");
    let words = parse("Isis attacks on the city killed dozens of people .");
    assert_eq!(word(&words, "attacks").xpos, "NNS", "{words:#?}");
}

// parse14 (stop 29)

#[test]
fn a_plural_noun_after_a_noun_inside_a_noun_phrase_is_not_a_verb() {
    // "air strikes" read as a clause, `strikes` VBZ with `air` its subject
    let words = parse("Iraqi jets have flown two dozen air strikes this week against Isis .");
    let strikes = word(&words, "strikes");
    assert_eq!(strikes.xpos, "NNS", "{words:#?}");
    assert_eq!(word(&words, "air").deprel, "compound", "{words:#?}");
    // "and asset freezes": the next noun of a list, not a verb
    let words = parse(
        "The ministry imposed new sanctions , including travel bans and asset freezes , on Iranian officials .",
    );
    assert_eq!(word(&words, "freezes").xpos, "NNS", "{words:#?}");
}

#[test]
fn a_subject_read_as_an_apposition_of_a_fronted_phrase_is_the_subject() {
    let words = parse(
        "In a phone call , the Russian president , Vladimir Putin , urged the Syrian president to act .",
    );
    // the first "president" (the subject), not the object's
    let president = word(&words, "president");
    let urged = word(&words, "urged");
    assert_eq!(president.deprel, "nsubj", "{words:#?}");
    assert_eq!(president.head, urged.id, "{words:#?}");
}

// stop 32 (lead)

#[test]
fn a_time_conjunction_before_a_clause_is_its_mark_not_a_preposition() {
    // the greedy tagger reads "before Iran" as a prepositional phrase and
    // leaves "attacks" without a subject
    let words = parse("Germany should act quickly before Iran attacks Iraq again .");
    assert_eq!(word(&words, "before").deprel, "mark", "{words:#?}");
    assert_eq!(word(&words, "Iran").deprel, "nsubj", "{words:#?}");
    // before a plain noun phrase it stays a preposition
    let words = parse("Germany acted quickly before the summit in Rome .");
    assert_eq!(word(&words, "before").xpos, "IN", "{words:#?}");
    assert_eq!(word(&words, "before").deprel, "case", "{words:#?}");
}
