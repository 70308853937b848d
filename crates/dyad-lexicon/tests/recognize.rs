//! Recognition and resolution on sentences written for these tests.

mod common;

use common::{code, doc, find, lex, mentions};
use dyad_core::MentionKind;

#[test]
fn roles_depend_on_the_date() {
    let on_2023 = lex().resolve_phrase("Vladimir Putin", Some(common::date("2023-09-13")), "");
    let a = on_2023.actor.expect("actor");
    assert_eq!(
        (
            a.country.as_deref(),
            a.sectors[0].as_str(),
            a.role.as_deref()
        ),
        (Some("RUS"), "GOV", Some("President"))
    );
    let on_2009 = lex().resolve_phrase("Vladimir Putin", Some(common::date("2009-01-01")), "");
    let a = on_2009.actor.expect("actor");
    assert_eq!(
        (
            a.country.as_deref(),
            a.sectors[0].as_str(),
            a.role.as_deref()
        ),
        (Some("RUS"), "GOV", Some("Prime Minister"))
    );
    assert_eq!(a.person_id.as_deref(), Some("vladimir-putin"));
    let on_1999 = lex().resolve_phrase("Vladimir Putin", Some(common::date("1999-01-01")), "");
    assert_eq!(on_1999.actor.expect("actor").sectors[0], "SPY");
    // After leaving office: an elite (ELI), with the former role recorded.
    let biden = lex()
        .resolve_phrase("Joe Biden", Some(common::date("2025-06-01")), "")
        .actor
        .expect("actor");
    assert_eq!(biden.sectors, vec!["ELI"]);
    assert_eq!(biden.role.as_deref(), Some("former President"));
    // Same for Korea: Yoon until April 2025, Lee from June 2025.
    let m = mentions(
        "The South Korean president said talks would resume.",
        "2023-05-01",
    );
    assert_eq!(
        find(&m, "South Korean president")
            .actor
            .person_id
            .as_deref(),
        Some("yoon-suk-yeol")
    );
    let m = mentions(
        "The South Korean president said talks would resume.",
        "2025-08-01",
    );
    assert_eq!(
        find(&m, "South Korean president")
            .actor
            .person_id
            .as_deref(),
        Some("lee-jae-myung")
    );
}

#[test]
fn compounds_take_the_longest_reading() {
    let m = mentions(
        "South Korean defense minister Shin Won-sik met President Vladimir Putin of Russia.",
        "2024-01-10",
    );
    let shin = find(&m, "South Korean defense minister Shin Won-sik");
    assert_eq!(code(shin), "KOR:GOV+MIL");
    assert_eq!(shin.kind, MentionKind::Person);
    let putin = find(&m, "President Vladimir Putin of Russia");
    assert_eq!(code(putin), "RUS:GOV");
    assert_eq!(m.len(), 2, "{m:?}");

    let m = mentions("The defense minister of Chile and Chile's Defense Ministry disagreed with Russia's top diplomat.", "2023-01-01");
    assert_eq!(code(find(&m, "defense minister of Chile")), "CHL:GOV+MIL");
    assert_eq!(code(find(&m, "Chile's Defense Ministry")), "CHL:GOV+MIL");
    assert_eq!(code(find(&m, "Russia's top diplomat")), "RUS:GOV");

    let m = mentions("Two Chinese warplanes and Ukrainian troops were seen by Kyiv police and Syrian mercenaries.", "2023-01-01");
    assert_eq!(code(find(&m, "Chinese warplanes")), "CHN:MIL");
    assert_eq!(code(find(&m, "Ukrainian troops")), "UKR:MIL");
    assert_eq!(code(find(&m, "Kyiv police")), "UKR:COP");
    assert_eq!(code(find(&m, "Syrian mercenaries")), "SYR:UAF");

    let m = mentions("The U.N. panel of experts and the International Atomic Energy Agency reported to the UN Security Council.", "2023-01-01");
    let panel = find(&m, "U.N. panel of experts");
    assert_eq!(
        (panel.actor.org.as_deref(), panel.actor.sectors[0].as_str()),
        (Some("UNO"), "IGO")
    );
    assert_eq!(
        find(&m, "UN Security Council").actor.org.as_deref(),
        Some("UNSC")
    );
}

#[test]
fn role_words_and_inflections() {
    let m = mentions("Police arrested protesters while rebels and an opposition lawmaker watched; Russia's envoy left.", "2023-01-01");
    assert_eq!(find(&m, "Police").actor.sectors[0], "COP");
    assert_eq!(find(&m, "protesters").actor.sectors[0], "OPP");
    assert_eq!(find(&m, "rebels").actor.sectors[0], "REB");
    assert_eq!(find(&m, "opposition lawmaker").actor.sectors[0], "LEG");
    assert_eq!(code(find(&m, "Russia's envoy")), "RUS:GOV");
    // Case: "US" is the United States, "us" is a pronoun.
    let m = mentions("US officials told us nothing.", "2023-01-01");
    assert_eq!(code(find(&m, "US officials")), "USA:GOV");
    assert!(m.iter().all(|x| x.text != "us"));
    // Former office holders are elites.
    let m = mentions("A former White House official spoke.", "2023-01-01");
    assert_eq!(code(find(&m, "White House official")), "USA:ELI");
    // Fighters for a government are its militia, not rebels.
    let m = mentions(
        "Pro-regime fighters and pro-government forces attacked rebels.",
        "2023-01-01",
    );
    assert_eq!(find(&m, "Pro-regime fighters").actor.sectors[0], "PRM");
    assert_eq!(find(&m, "pro-government forces").actor.sectors[0], "PRM");
}

#[test]
fn places_used_as_places_are_not_actors() {
    let m = mentions(
        "Shelling hit the Ukrainian city of Kharkiv and talks were held in Moscow.",
        "2024-01-01",
    );
    assert!(
        m.iter().all(|x| x.actor.country.as_deref() != Some("UKR")),
        "{m:?}"
    );
    assert!(m.iter().all(|x| x.text != "Moscow"), "{m:?}");
    let m = mentions(
        "Moscow said the Kremlin would answer Washington.",
        "2024-01-01",
    );
    assert_eq!(code(find(&m, "Moscow")), "RUS:GOV");
    assert_eq!(code(find(&m, "Kremlin")), "RUS:GOV");
    assert_eq!(code(find(&m, "Washington")), "USA:GOV");
    let m = mentions(
        "Kim traveled to Vladivostok, Russia, with Russian-made rifles.",
        "2024-01-01",
    );
    assert!(
        m.iter().all(|x| x.actor.country.as_deref() != Some("RUS")),
        "{m:?}"
    );
    // A possessive is an actor even after "in": "a shift in Moscow's stance".
    let m = mentions("Analysts saw a shift in Moscow's stance.", "2024-01-01");
    assert_eq!(code(find(&m, "Moscow")), "RUS:GOV");
}

#[test]
fn coreference_links_short_forms_titles_pairs_and_pronouns() {
    let text = "Russian President Vladimir Putin met North Korean leader Kim Jong Un on Wednesday. \
                Putin said the two leaders discussed satellites. The North Korean leader praised Moscow. \
                Kim then left. He returned to Pyongyang by train.";
    let d = doc(text, "2023-09-13");
    let m = lex().recognize(&d);
    let idx = |t: &str, nth: usize| {
        m.iter()
            .enumerate()
            .filter(|(_, x)| x.text == t)
            .nth(nth)
            .map(|(i, _)| i)
            .unwrap_or_else(|| panic!("no {t:?} #{nth} in {m:?}"))
    };
    let putin_full = idx("Russian President Vladimir Putin", 0);
    let kim_full = idx("North Korean leader Kim Jong Un", 0);
    let putin = &m[idx("Putin", 0)];
    assert_eq!(putin.antecedent, Some(putin_full));
    assert_eq!(putin.kind, MentionKind::Coreference);
    let pair: Vec<_> = m.iter().filter(|x| x.text == "two leaders").collect();
    assert_eq!(pair.len(), 2, "the two leaders → two mentions");
    let mut ids: Vec<_> = pair
        .iter()
        .filter_map(|x| x.actor.person_id.clone())
        .collect();
    ids.sort();
    assert_eq!(ids, vec!["kim-jong-un", "vladimir-putin"]);
    let leader = &m[idx("North Korean leader", 0)];
    assert_eq!(leader.antecedent, Some(kim_full));
    assert_eq!(leader.actor.person_id.as_deref(), Some("kim-jong-un"));
    let kim = &m[idx("Kim", 0)];
    assert_eq!(kim.antecedent, Some(kim_full));
    let he = m.iter().find(|x| x.text == "He").expect("pronoun");
    assert_eq!(he.kind, MentionKind::Pronoun);
    assert_eq!(he.actor.person_id.as_deref(), Some("kim-jong-un"));
    // "by train" after "returned to": Pyongyang is a destination, not an actor.
    assert!(m.iter().all(|x| x.text != "Pyongyang"), "{m:?}");
}

#[test]
fn unknown_people_take_title_and_context() {
    let r = lex().resolve_phrase("Minister Ana Tarvo", None, "Estonian officials said");
    let a = r.actor.expect("actor");
    assert_eq!(a.sectors, vec!["GOV"]);
    assert_eq!(a.country.as_deref(), Some("EST"));
    assert_eq!(a.person_id, None);
    let mut d = common::raw_doc(
        "A senior official said the talks failed.",
        Some("2023-01-01"),
    );
    d.doc.dateline = Some("SEOUL".into());
    let m = lex().recognize(&d);
    assert_eq!(code(find(&m, "senior official")), "KOR:GOV");
}

#[test]
fn no_panic_on_garbage() {
    let samples = [
        "",
        " ",
        "’s",
        "'",
        "-",
        "U.S.-",
        "Kim-",
        "of of of",
        "the the",
        "\u{0}\u{1}",
        "é",
        "Ünïcödé Pütin’s",
        "President",
        "President ,",
        "the two",
        "two leaders",
        "he",
        "In",
        "in Moscow's",
        "ex-",
        "ex-president",
        "Минск",
        "北朝鮮",
        "🇺🇸 U.S. 🇷🇺",
        "Shin Won-",
        "Kim Jong",
        "Chile's",
        "minister of",
        "of Russia",
    ];
    let mut seed: u64 = 7;
    let alphabet: Vec<char> = "aAzZ .,'’-sUN.ofKimPutinRussiaian\u{e9}\u{2019}\n\t0"
        .chars()
        .collect();
    let mut garbage: Vec<String> = samples.iter().map(|s| s.to_string()).collect();
    for _ in 0..400 {
        let mut s = String::new();
        for _ in 0..(seed % 40) {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
        }
        garbage.push(s);
    }
    for g in &garbage {
        let m = lex().recognize(&common::raw_doc(g, None));
        for x in &m {
            assert!(x.span.end <= g.len());
        }
        let _ = lex().resolve_phrase(g, None, g);
        let _ = lex().recognize(&doc(g, "2023-01-01"));
    }
}

#[test]
fn role_words_used_as_adjectives_are_not_actors() {
    let d = doc("The official visit began with military exercises. The military said officials were pleased.", "2023-01-01");
    let m = lex().recognize(&d);
    let texts: Vec<&str> = m.iter().map(|x| x.text.as_str()).collect();
    assert!(texts.contains(&"officials"), "{texts:?}");
    let first_sentence: Vec<&str> = m
        .iter()
        .filter(|x| x.sentence == 0)
        .map(|x| x.text.as_str())
        .collect();
    assert!(first_sentence.is_empty(), "{first_sentence:?}");
}

#[test]
fn a_role_phrase_opening_a_sentence_is_an_actor() {
    // the tagger may take a capitalised first word for an adjective; a
    // role of several words is a noun phrase all the same
    let d = doc(
        "Rebel groups shelled the town. Security forces arrested them. Armed groups fled.",
        "2023-01-01",
    );
    let m = lex().recognize(&d);
    let texts: Vec<&str> = m.iter().map(|x| x.text.as_str()).collect();
    for role in ["Rebel groups", "Security forces", "Armed groups"] {
        assert!(texts.contains(&role), "{role}: {texts:?}");
    }
}

#[test]
fn a_country_after_an_opening_phrase_acts() {
    let text = "In March, Russia blocked the draft. On Friday, Iran rejected the offer. \
                In Geneva, Turkey said it would talk. Shelling hit Homs, Syria, on Sunday.";
    let m = lex().recognize(&doc(text, "2019-06-01"));
    for (name, code_) in [("Russia", "RUS:"), ("Iran", "IRN:"), ("Turkey", "TUR:")] {
        assert_eq!(code(find(&m, name)), code_, "{m:?}");
    }
    // "Town, Country," is still the town's country, not an actor.
    assert!(m.iter().all(|x| x.text != "Syria"), "{m:?}");
}

#[test]
fn the_two_men_are_the_two_persons_just_named_together() {
    let text = "President Emmanuel Macron met Chancellor Angela Merkel in Paris. \
                The two men discussed trade. Both men then left.";
    let m = lex().recognize(&doc(text, "2019-06-01"));
    for span in ["two men", "Both men"] {
        let mut ids: Vec<_> = m
            .iter()
            .filter(|x| x.text == span)
            .filter_map(|x| x.actor.person_id.clone())
            .collect();
        ids.sort();
        assert_eq!(
            ids,
            vec!["angela-merkel", "emmanuel-macron"],
            "{span}: {m:?}"
        );
    }
    // Without two persons named together just before, "men" stay people.
    let text = "President Emmanuel Macron spoke in Paris. Police said later. Nobody came. \
                Rain fell. The two men were arrested. Two men fled.";
    let m = lex().recognize(&doc(text, "2019-06-01"));
    assert!(
        m.iter()
            .all(|x| x.actor.person_id.is_none() || x.text.contains("Macron")),
        "{m:?}"
    );
    assert_eq!(m.iter().filter(|x| x.text == "men").count(), 2, "{m:?}");
}

#[test]
fn troops_withdrawn_from_a_country_are_not_its_troops() {
    let ms = mentions("Canada will withdraw its troops from Mali.", "2024-06-18");
    assert!(ms.iter().all(|m| m.text != "troops from Mali"), "{ms:?}");
    assert_eq!(code(find(&ms, "Mali")), "MLI:");
    // without a verb of moving away, "troops from X" are X's
    let ms = mentions("Troops from Mali attacked the town.", "2024-06-18");
    assert_eq!(code(find(&ms, "Troops from Mali")), "MLI:MIL");
}

#[test]
fn coordinated_demonyms_share_the_group_noun() {
    let m = mentions(
        "Russian and Syrian forces shelled the town while US, British and French troops watched.",
        "2023-01-01",
    );
    assert_eq!(code(find(&m, "Russian")), "RUS:MIL");
    assert_eq!(code(find(&m, "Syrian forces")), "SYR:MIL");
    assert_eq!(code(find(&m, "US")), "USA:MIL");
    assert_eq!(code(find(&m, "British")), "GBR:MIL");
    assert_eq!(code(find(&m, "French troops")), "FRA:MIL");
    // one person is no shared group; a demonym alone stays the country
    let m = mentions(
        "The Russian and Syrian president met while Russian diplomats waited.",
        "2023-01-01",
    );
    assert_eq!(code(find(&m, "Russian")), "RUS:");
}

#[test]
fn a_stateless_peoples_armed_force_is_a_non_state_group() {
    // a people without a state has no state army: "Kurdish forces" are an
    // armed group (REB), with or without a place after them
    let m = mentions(
        "Turkey shelled Kurdish forces in Afrin, and Syrian forces did not intervene.",
        "2023-01-01",
    );
    assert_eq!(code(find(&m, "forces in Afrin")), "SYR:REB");
    assert_eq!(code(find(&m, "Syrian forces")), "SYR:MIL");
    assert_eq!(
        lex()
            .resolve_phrase("Kurdish forces", Some(common::date("2023-01-01")), "")
            .actor
            .expect("actor")
            .sectors,
        vec!["REB"]
    );
    // also inside a state named after the people: "Kurdish Syrian forces"
    let m = mentions(
        "Turkey attacked Kurdish Syrian forces on Monday.",
        "2023-01-01",
    );
    assert_eq!(code(find(&m, "Syrian forces")), "SYR:REB");
    // nor a people's militia a paramilitary of a state
    assert_eq!(
        lex()
            .resolve_phrase("Kurdish militias", Some(common::date("2023-01-01")), "")
            .actor
            .expect("actor")
            .sectors,
        vec!["REB"]
    );
}

/// "COUNTRY:SECTORS" of a phrase resolved on 2023-01-01.
fn at(phrase: &str) -> String {
    let a = lex()
        .resolve_phrase(phrase, Some(common::date("2023-01-01")), "")
        .actor
        .expect("actor");
    format!("{}:{}", a.country.unwrap_or_default(), a.sectors.join(""))
}

#[test]
fn a_blocs_demonym_after_a_countrys_leaves_the_country() {
    // "Arab" between "Syrian" and the role names ethnicity, not the bloc
    assert_eq!(at("Syrian Arab forces"), "SYR:MIL");
    assert_eq!(at("Iraqi Arab tribes"), "IRQ:CVL");
    // alone, the bloc's demonym still names the bloc
    assert_eq!(at("Arab leaders"), "ARB:GOV");
}

#[test]
fn a_peoples_adjective_inside_the_chain_and_self_rule() {
    // the people's adjective between the country and the role, or "-led"
    assert_eq!(at("Syrian Kurdish forces"), "SYR:REB");
    assert_eq!(at("Syrian Kurdish-led forces"), "SYR:REB");
    // where the people governs a recognised region of its own
    // (peoples.tsv `self_rule`), its forces are that state's
    assert_eq!(at("Iraqi Kurdish forces"), "IRQ:MIL");
    assert_eq!(at("Kurdish Iraqi forces"), "IRQ:MIL");
    let m = mentions(
        "Turkey shelled Kurdish forces in Erbil on Monday.",
        "2023-01-01",
    );
    assert_eq!(code(find(&m, "forces in Erbil")), "IRQ:MIL");
}

// stop 32 (lead)

#[test]
fn a_congress_that_names_a_meeting_is_no_legislature() {
    // a topic word in the name or in its "on" phrase, or an indefinite
    // article: a gathering, not the country's legislature
    for text in [
        "Moscow will host a three-day Libyan Congress next month.",
        "Delegates gathered for the Libyan National Dialogue Congress.",
        "Delegates gathered for the Libyan Congress on National Reconciliation.",
    ] {
        let m = mentions(text, "2023-01-01");
        assert!(
            m.iter().all(|x| !x.text.contains("Congress")),
            "{text}: {m:#?}"
        );
    }
    // the legislature stays one
    let m = mentions("The Peruvian Congress voted on Monday.", "2023-01-01");
    assert_eq!(code(find(&m, "Peruvian Congress")), "PER:LEG");
}
