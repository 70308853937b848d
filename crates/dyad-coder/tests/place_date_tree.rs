//! The event's own place and date read from the dependency parse (issue
//! 15): one sentence (written for these tests) per rule. Tests that need
//! place names skip without the built gazetteer.

use chrono::NaiveDate;
use dyad_coder::{Engine, EngineConfig, ParserChoice};
use dyad_core::{DatePrecision, Event, PlacePrecision, PlaceReason};

fn engine(parser: ParserChoice) -> Engine {
    Engine::new(EngineConfig {
        parser,
        ..Default::default()
    })
    .expect("engine")
}

fn has_gazetteer(engine: &Engine) -> bool {
    if engine.gazetteer().is_none() {
        println!("SKIPPED: no gazetteer (run bash scripts/build-gazetteer.sh)");
        return false;
    }
    true
}

/// The events of `text` published on 2024-06-19 (a Wednesday).
fn code(engine: &Engine, text: &str) -> Vec<Event> {
    let date = NaiveDate::from_ymd_opt(2024, 6, 19);
    engine
        .code_document(dyad_text::document_from_text("t", text, date))
        .events
}

fn only<'e>(events: &'e [Event], plover: &str) -> &'e Event {
    events
        .iter()
        .find(|e| e.plover == plover)
        .unwrap_or_else(|| panic!("no {plover} in {events:#?}"))
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a day")
}

#[test]
fn the_object_of_a_place_verb_is_the_place_and_the_month_its_date() {
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    let events = code(
        &engine,
        "Russian troops attacked the Ukrainian city of Kharkiv in January.",
    );
    let e = only(&events, "ASSAULT");
    let place = e.place.as_ref().expect("a place");
    assert_eq!(place.name, "Kharkiv", "{place:?}");
    assert_eq!(place.reason, Some(PlaceReason::TriggerObj));
    assert_eq!(place.precision, PlacePrecision::Place);
    assert_eq!(e.date.precision, DatePrecision::Month);
    assert_eq!(
        (e.date.start, e.date.end),
        (day("2024-01-01"), day("2024-01-31"))
    );
}

#[test]
fn in_a_countrys_province_the_province_is_the_place() {
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    let events = code(
        &engine,
        "Russian jets bombed Syrian rebels in Syria's Idlib province.",
    );
    let place = only(&events, "ASSAULT").place.as_ref().expect("a place");
    assert!(place.name.contains("Idlib"), "{place:?}");
    assert_eq!(place.country.as_deref(), Some("SYR"));
    assert_eq!(place.precision, PlacePrecision::Place);
}

#[test]
fn a_participants_home_country_is_no_place() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(
        &engine,
        "Norwegian officials criticized the Finnish government.",
    );
    let e = only(&events, "ACCUSE");
    assert!(e.place.is_none(), "{:?}", e.place);
}

#[test]
fn the_token_window_path_keeps_the_actor_country() {
    let engine = engine(ParserChoice::None);
    if !has_gazetteer(&engine) {
        return;
    }
    let events = code(
        &engine,
        "Norwegian officials criticized the Finnish government.",
    );
    let place = only(&events, "ACCUSE").place.as_ref().expect("a place");
    assert_eq!(place.country.as_deref(), Some("FIN"));
    assert_eq!(place.reason, Some(PlaceReason::ActorCountry));
}

#[test]
fn a_sea_is_a_place_of_no_country() {
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    let events = code(
        &engine,
        "Greek coastguards rescued 300 migrants in the Aegean Sea on Monday.",
    );
    let place = only(&events, "AID").place.as_ref().expect("a place");
    assert_eq!(place.name, "Aegean Sea", "{place:?}");
    assert_eq!(place.country, None, "{place:?}");
    assert_eq!(place.precision, PlacePrecision::Place);
}

#[test]
fn a_sea_naming_a_resort_gives_way_to_the_town() {
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    let events = code(
        &engine,
        "Turkish police arrested Turkish protesters in the Aegean resort of Bodrum.",
    );
    let place = only(&events, "COERCE").place.as_ref().expect("a place");
    assert_eq!(place.name, "Bodrum", "{place:?}");
}

#[test]
fn a_locative_of_another_act_does_not_place_the_accusation() {
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    let events = code(
        &engine,
        "The United States accused Russia of the bombing in Aleppo.",
    );
    let e = only(&events, "ACCUSE");
    assert!(e.place.is_none(), "{:?}", e.place);
}

#[test]
fn last_winter_spans_the_year_boundary() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(&engine, "Russia fired missiles at Ukraine last winter.");
    let e = only(&events, "ASSAULT");
    assert_eq!(e.date.precision, DatePrecision::Season);
    assert_eq!(
        (e.date.start, e.date.end),
        (day("2023-12-01"), day("2024-02-29"))
    );
}

#[test]
fn an_undated_past_perfect_act_has_an_unknown_date() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(&engine, "Egypt had expelled the Israeli ambassador.");
    let e = only(&events, "SANCTION");
    assert_eq!(e.date.precision, DatePrecision::Unknown, "{:?}", e.date);
    assert!(dyad_coder::dates::is_unknown(&e.date));
}

#[test]
fn a_past_adverb_makes_an_undated_act_unknown() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(&engine, "Israel previously attacked Iranian forces.");
    let e = only(&events, "ASSAULT");
    assert_eq!(e.date.precision, DatePrecision::Unknown, "{:?}", e.date);
}

#[test]
fn an_undated_current_act_keeps_the_publication_date() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(&engine, "Jordan expelled the Israeli ambassador.");
    let e = only(&events, "SANCTION");
    assert_eq!(e.date.precision, DatePrecision::Publication);
    assert_eq!(e.date.date, day("2024-06-19"));
}

#[test]
fn the_date_of_the_reporting_verb_is_not_the_acts() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(
        &engine,
        "Officials said on Monday that Russia attacked Ukraine.",
    );
    let e = only(&events, "ASSAULT");
    assert_eq!(e.date.precision, DatePrecision::Publication, "{:?}", e.date);
    // the token-window path picks the nearest expression, as before
    let window = code(
        &engine_window(),
        "Officials said on Monday that Russia attacked Ukraine.",
    );
    assert_eq!(only(&window, "ASSAULT").date.date, day("2024-06-17"));
}

fn engine_window() -> Engine {
    engine(ParserChoice::None)
}

#[test]
fn a_domestic_arrest_is_placed_in_its_country() {
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    let events = code(
        &engine,
        "Pakistani police detained Pakistani activists on Monday.",
    );
    let e = only(&events, "COERCE");
    let place = e.place.as_ref().expect("a place");
    assert_eq!(place.country.as_deref(), Some("PAK"));
    assert_eq!(place.precision, PlacePrecision::Country);
    assert_eq!(place.reason, Some(PlaceReason::ActorCountry));
    assert_eq!(e.date.date, day("2024-06-17"));
}

/// The events of `text` published on 2018-12-19 (a Wednesday).
fn code_2018(engine: &Engine, text: &str) -> Vec<Event> {
    let date = NaiveDate::from_ymd_opt(2018, 12, 19);
    engine
        .code_document(dyad_text::document_from_text("t", text, date))
        .events
}

#[test]
fn a_participle_adjunct_happens_when_its_governor_does() {
    let engine = engine(ParserChoice::Builtin);
    let events = code_2018(
        &engine,
        "Egypt imposed a blockade on Qatar last year, accusing it of supporting militants.",
    );
    let e = only(&events, "ACCUSE");
    assert_eq!(e.date.precision, DatePrecision::Year, "{:?}", e.date);
    assert_eq!(e.date.start, day("2017-01-01"));
}

#[test]
fn a_when_clause_dates_its_governor() {
    let engine = engine(ParserChoice::Builtin);
    let events = code_2018(
        &engine,
        "The army will attack the rebels when the talks collapse next month.",
    );
    let e = only(&events, "ASSAULT");
    assert_eq!(e.date.precision, DatePrecision::Month, "{:?}", e.date);
    assert_eq!(e.date.start, day("2019-01-01"));
}

#[test]
fn attacks_on_a_place_are_placed_there() {
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    let events = code_2018(&engine, "Rebels launched attacks on Aleppo.");
    let place = only(&events, "ASSAULT").place.as_ref().expect("a place");
    assert!(place.name.contains("Aleppo"), "{place:?}");
    assert_eq!(place.reason, Some(PlaceReason::TriggerObl));
}

#[test]
fn a_reported_past_perfect_is_only_the_reported_past() {
    let engine = engine(ParserChoice::Builtin);
    let events = code_2018(&engine, "He said that Iran had attacked American ships.");
    let e = only(&events, "ASSAULT");
    assert_eq!(e.date.precision, DatePrecision::Publication, "{:?}", e.date);
}

#[test]
fn a_light_verbs_event_noun_takes_its_locative() {
    // "into" after the event noun of "launched an offensive", not the
    // story's lead place
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    let events = code_2018(
        &engine,
        "Turkey launched a military offensive into Aleppo on Monday.",
    );
    let place = only(&events, "ASSAULT").place.as_ref().expect("a place");
    assert!(place.name.contains("Aleppo"), "{place:?}");
    assert_eq!(place.reason, Some(PlaceReason::TriggerObl));
}

#[test]
fn a_noun_triggers_light_verb_carries_its_locative() {
    // "war" is the trigger; "in Donbas" hangs on "waging", its light verb
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    let events = code(&engine, "Russia is waging a war against Ukraine in Donbas.");
    let e = only(&events, "ASSAULT");
    let place = e.place.as_ref().expect("a place");
    assert_eq!(place.name, "Donbas", "{place:?}");
    assert_eq!(place.reason, Some(PlaceReason::TriggerObl));
}

#[test]
fn a_perfect_with_since_has_no_single_date() {
    let engine = engine(ParserChoice::Builtin);
    for text in [
        "The army has arrested thousands of protesters since the coup.",
        "Since the 2014 truce, the militia has abducted dozens of farmers.",
    ] {
        let events = code(&engine, text);
        let e = events
            .iter()
            .find(|e| matches!(e.plover.as_str(), "COERCE" | "ASSAULT"))
            .unwrap_or_else(|| panic!("no event in {events:#?}"));
        assert_eq!(
            e.date.precision,
            DatePrecision::Unknown,
            "{text}: {:?}",
            e.date
        );
    }
}

#[test]
fn a_past_perfect_under_a_present_verb_is_an_earlier_act() {
    // only a past reporting verb shifts the tense back ("said ... had")
    let engine = engine(ParserChoice::Builtin);
    let events = code(&engine, "Residents say police had detained protesters.");
    let e = only(&events, "COERCE");
    assert_eq!(e.date.precision, DatePrecision::Unknown, "{:?}", e.date);
    let events = code(
        &engine,
        "Witnesses said that soldiers had arrested the opposition leader.",
    );
    let e = only(&events, "COERCE");
    assert_eq!(e.date.precision, DatePrecision::Publication, "{:?}", e.date);
}

#[test]
fn a_habitual_act_has_no_single_date_but_a_repeated_perfect_is_current() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(
        &engine,
        "Prisoners are routinely beaten by guards in the jail.",
    );
    let e = only(&events, "ASSAULT");
    assert_eq!(e.date.precision, DatePrecision::Unknown, "{:?}", e.date);
    let events = code(
        &engine,
        "Kurdish leaders have repeatedly urged Turkey to withdraw its troops.",
    );
    let e = only(&events, "REQUEST");
    assert_eq!(e.date.precision, DatePrecision::Publication, "{:?}", e.date);
}

#[test]
fn an_incident_named_by_its_place_in_passing_is_not_dated_today() {
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    // (an attack with a doer: "the attack in Manchester" with none has no
    // side at all since a place is no target of an attack in it)
    let events = code(
        &engine,
        "Police investigated the Isis attack in Manchester.",
    );
    let e = only(&events, "ASSAULT");
    assert_eq!(e.date.precision, DatePrecision::Unknown, "{:?}", e.date);
    // the investigation itself is today's
    let e = only(&events, "ACCUSE");
    assert_eq!(e.date.precision, DatePrecision::Publication, "{:?}", e.date);
}

#[test]
fn a_year_range_on_the_war_an_act_happened_in_dates_it() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(
        &engine,
        "Britain supported Kuwait during the 1990-91 Gulf war.",
    );
    let e = only(&events, "SUPPORT");
    assert_eq!(e.date.precision, DatePrecision::Year, "{:?}", e.date);
    assert_eq!(
        (e.date.start, e.date.end),
        (day("1990-01-01"), day("1991-12-31"))
    );
    assert!(e.historical, "an act of earlier years is background");
}

#[test]
fn an_undated_past_perfect_act_is_background() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(&engine, "Egypt had expelled the Israeli ambassador.");
    assert!(only(&events, "SANCTION").historical);
    let events = code(&engine, "Jordan expelled the Israeli ambassador.");
    assert!(!only(&events, "SANCTION").historical);
}

#[test]
fn a_bygone_description_dates_its_acts_unknown() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(
        &engine,
        "Once a militia leader who attacked Syrian troops, Ahmed now runs a farm.",
    );
    let e = only(&events, "ASSAULT");
    assert_eq!(e.date.precision, DatePrecision::Unknown, "{:?}", e.date);
    assert!(e.historical);
    // "once again" is not "formerly"
    let events = code(&engine, "Once again Turkish jets bombed Kurdish fighters.");
    let e = only(&events, "ASSAULT");
    assert_eq!(e.date.precision, DatePrecision::Publication, "{:?}", e.date);
}

#[test]
fn an_act_before_taking_up_a_post_is_undated() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(
        &engine,
        "Before joining the cabinet, the senator demanded sanctions against Cuba.",
    );
    let e = only(&events, "REQUEST");
    assert_eq!(e.date.precision, DatePrecision::Unknown, "{:?}", e.date);
    // the event noun under the verb too
    let e = only(&events, "SANCTION");
    assert_eq!(e.date.precision, DatePrecision::Unknown, "{:?}", e.date);
    // leaving a city says nothing about how long before
    let events = code(
        &engine,
        "Before leaving Havana, the senator demanded sanctions against Cuba.",
    );
    let e = only(&events, "REQUEST");
    assert_eq!(e.date.precision, DatePrecision::Publication, "{:?}", e.date);
}

#[test]
fn an_act_dated_just_before_new_year_is_news_not_background() {
    let engine = engine(ParserChoice::Builtin);
    let doc = dyad_text::document_from_text(
        "newyear",
        "Canada attacked Norway on Monday.",
        NaiveDate::from_ymd_opt(2019, 1, 2),
    );
    let events = engine.code_document(doc).events;
    let attack = events
        .iter()
        .find(|e| e.plover == "ASSAULT")
        .unwrap_or_else(|| panic!("no attack in {events:#?}"));
    assert!(!attack.historical, "{attack:#?}");
    assert!(attack.shown_by_default(), "{attack:#?}");
}

#[test]
fn a_country_guessed_from_the_story_places_no_domestic_act() {
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    // "Kurds" live in four countries: the story's main country is only a
    // guess, so the arrest may be anywhere
    let events = code_2018(
        &engine,
        "Turkey held elections on Sunday. Ministers in Turkey raised taxes. Turkey closed \
         schools. Turkish police detained Kurds on Monday.",
    );
    let e = only(&events, "COERCE");
    assert_eq!(
        e.target.first().and_then(|t| t.actor.country.as_deref()),
        Some("TUR")
    );
    assert!(e.place.is_none(), "{:?}", e.place);
}

#[test]
fn a_meeting_of_compatriots_is_not_placed_in_their_country() {
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    let events = code_2018(
        &engine,
        "Pakistani officials met Pakistani diplomats on Monday.",
    );
    let e = only(&events, "CONSULT");
    assert!(e.place.is_none(), "{:?}", e.place);
}

#[test]
fn a_locative_inside_a_copular_relative_clause_is_not_the_clauses() {
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    // the bases are inside Lebanon, not the condemnation
    let events = code_2018(
        &engine,
        "The minister condemned the militia, which is the armed wing of a party with bases \
         inside Lebanon.",
    );
    let e = only(&events, "ACCUSE");
    assert!(e.place.is_none(), "{:?}", e.place);
}

#[test]
fn a_present_when_clause_dates_a_future_act_wherever_it_hangs() {
    let engine = engine(ParserChoice::Builtin);
    // the parser hangs "when they take control" on "budget", inside the
    // complement of "investigate"
    let events = code_2018(
        &engine,
        "The senators will investigate how the ministry spends its budget when they take \
         control of the committee next month.",
    );
    let e = only(&events, "ACCUSE");
    assert_eq!(e.date.precision, DatePrecision::Month, "{:?}", e.date);
    assert_eq!(e.date.start, day("2019-01-01"));
}

#[test]
fn a_copular_event_noun_is_its_clauses_act_not_background() {
    let engine = engine(ParserChoice::Builtin);
    let events = code_2018(
        &engine,
        "The diplomat said it would be the first meeting between Egypt and Israel since 2015.",
    );
    let e = only(&events, "CONSULT");
    assert!(!e.historical && !e.in_passing, "{e:?}");
    // a predicate with a preposition names an incident in passing
    let events = code_2018(
        &engine,
        "The minister claimed that the army was behind the attack on the convoy.",
    );
    if let Some(e) = events.iter().find(|e| e.plover == "ASSAULT") {
        assert!(e.in_passing, "{e:?}");
    }
}

#[test]
fn the_place_of_a_framing_act_is_the_acts() {
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    // the killing happened within the demonstrations, so where they were
    let events = code_2018(
        &engine,
        "Soldiers killed two protesters during the demonstrations in Basra.",
    );
    let e = only(&events, "ASSAULT");
    let place = e.place.as_ref().expect("a place");
    assert!(place.name.contains("Basra"), "{place:?}");
    assert_eq!(place.reason, Some(PlaceReason::TriggerObl));
}

#[test]
fn a_bare_conjunct_or_infinitive_shares_its_verbs_past_perfect() {
    let engine = engine(ParserChoice::Builtin);
    // the second conjunct has no auxiliary of its own: "had" is shared
    let events = code(
        &engine,
        "Rebels had ambushed the convoy and killed two soldiers.",
    );
    let e = only(&events, "ASSAULT");
    assert_eq!(e.date.precision, DatePrecision::Unknown, "{e:?}");
    assert!(e.historical, "{e:?}");
    // an infinitive is the act of the verb it completes
    let events = code(
        &engine,
        "The government had decided to expel the ambassador.",
    );
    let e = only(&events, "SANCTION");
    assert_eq!(e.date.precision, DatePrecision::Unknown, "{e:?}");
    // without the past perfect both are current
    let events = code(
        &engine,
        "Rebels ambushed the convoy and killed two soldiers.",
    );
    assert_eq!(
        only(&events, "ASSAULT").date.precision,
        DatePrecision::Publication
    );
}

#[test]
fn a_contracted_had_before_a_participle_is_a_past_perfect() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(
        &engine,
        "Villagers say the militia\u{2019}d attacked the convoy.",
    );
    let e = only(&events, "ASSAULT");
    assert_eq!(e.date.precision, DatePrecision::Unknown, "{e:?}");
}

#[test]
fn month_headings_of_a_review_date_the_acts_of_their_sections() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(
        &engine,
        "January The government banned opposition rallies. Police arrested 40 protesters. \
         February Rebels attacked an army convoy. Egypt expelled the Qatari ambassador. \
         The UN says it condemns the attacks.",
    );
    let arrest = events
        .iter()
        .find(|e| e.provenance.trigger_text == "arrested")
        .unwrap_or_else(|| panic!("no arrest in {events:#?}"));
    assert_eq!(
        (arrest.date.start, arrest.date.end, arrest.date.precision),
        (day("2024-01-01"), day("2024-01-31"), DatePrecision::Month),
        "{arrest:?}"
    );
    let expel = only(&events, "SANCTION");
    assert_eq!(
        (expel.date.start, expel.date.end),
        (day("2024-02-01"), day("2024-02-29")),
        "{expel:?}"
    );
    // a present act is the review's own comment
    let condemn = only(&events, "ACCUSE");
    assert_eq!(condemn.date.precision, DatePrecision::Publication);
    // one month name opening a sentence may be a person: no frame
    let events = code(
        &engine,
        "April Ryan said nothing. Egypt expelled the Qatari ambassador.",
    );
    assert_eq!(
        only(&events, "SANCTION").date.precision,
        DatePrecision::Publication
    );
}

#[test]
fn an_event_noun_in_passing_is_not_before_the_story() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(
        &engine,
        "Egyptian troops backing the Sudanese army met Libyan officials in Cairo on Monday.",
    );
    let backing = events
        .iter()
        .find(|e| e.provenance.trigger_text == "backing")
        .unwrap_or_else(|| panic!("no 'backing' in {events:#?}"));
    assert!(backing.in_passing, "{backing:?}");
    assert!(!backing.historical, "{backing:?}");
    assert!(!backing.shown_by_default());
}

#[test]
fn a_sentence_going_on_with_an_earlier_years_episode_is_not_dated_today() {
    let engine = engine(ParserChoice::Builtin);
    let detained = |events: &[Event]| {
        events
            .iter()
            .find(|e| e.provenance.trigger_text.contains("detained"))
            .unwrap_or_else(|| panic!("no detention in {events:#?}"))
            .clone()
    };
    let events = code(
        &engine,
        "Ahmed and his wife arrived in Germany in 2015. They fled from their village after \
         repeated raids: police detained the opposition activists and burned their houses.",
    );
    let e = detained(&events);
    assert_eq!(e.date.precision, DatePrecision::Unknown, "{e:?}");
    assert!(e.historical, "{e:?}");
    // with no earlier year before it, the same act is current
    let events = code(
        &engine,
        "Ahmed and his wife arrived in Germany. They fled from their village after \
         repeated raids: police detained the opposition activists and burned their houses.",
    );
    assert_eq!(detained(&events).date.precision, DatePrecision::Publication);
    // a sentence that reports is the story's present speaking
    let events = code(
        &engine,
        "Ahmed and his wife arrived in Germany in 2015. Officials said police detained the \
         opposition activists.",
    );
    assert_eq!(detained(&events).date.precision, DatePrecision::Publication);
}

#[test]
fn a_domestic_act_of_sides_placed_by_their_sentence_is_in_that_country() {
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    // "villagers" and "gunmen" take Libya from the sentence's one place; the
    // detention is a domestic act of Libyans on Libyans, in Libya
    let events = code(
        &engine,
        "Witnesses said civilians were abused during detention in Libya, and dozens of villagers had been detained by gunmen.",
    );
    let e = events
        .iter()
        .find(|e| e.plover == "COERCE" && !e.source.is_empty())
        .unwrap_or_else(|| panic!("no sourced COERCE in {events:#?}"));
    let place = e.place.as_ref().expect("a place");
    assert_eq!(place.country.as_deref(), Some("LBY"), "{place:?}");
    assert_eq!(place.precision, PlacePrecision::Country);
    assert_eq!(place.reason, Some(PlaceReason::ActorCountry));
    // a sentence naming places of two countries gives its sides no country,
    // and the act no place
    let events = code(
        &engine,
        "Refugees in Tunisia said civilians were abused during detention in Libya, and dozens of villagers had been detained by gunmen.",
    );
    let e = events
        .iter()
        .find(|e| e.plover == "COERCE" && !e.source.is_empty())
        .unwrap_or_else(|| panic!("no sourced COERCE in {events:#?}"));
    assert!(e.place.is_none(), "{:?}", e.place);
}

#[test]
fn an_undated_condition_has_no_date() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(
        &engine,
        "If the rebels attack the convoy, the army will respond.",
    );
    let e = only(&events, "ASSAULT");
    assert_eq!(e.date.precision, DatePrecision::Unknown, "{:?}", e.date);
    assert!(e.date.note.contains("condition"), "{}", e.date.note);
    // not an earlier act either
    assert!(!e.historical);
    // a concession may have happened: "even if" keeps the publication date
    let events = code(
        &engine,
        "Even if the rebels attack the convoy, the army will not respond.",
    );
    let e = only(&events, "ASSAULT");
    assert_eq!(e.date.precision, DatePrecision::Publication, "{:?}", e.date);
    // "asked if" asks a question: no condition
    let events = code(
        &engine,
        "Officials asked if the rebels attacked the convoy.",
    );
    let e = only(&events, "ASSAULT");
    assert_ne!(e.date.precision, DatePrecision::Unknown, "{:?}", e.date);
}

#[test]
fn an_act_undergone_through_a_verb_takes_its_clauses_place() {
    // "came under attack ... in Idlib": the place phrase hangs on the verb
    // the attack is undergone through, the attack's clause
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    let events = code(
        &engine,
        "Syrian rebels came under attack from Russian warplanes in Idlib.",
    );
    let e = only(&events, "ASSAULT");
    let place = e.place.as_ref().expect("a place");
    assert_eq!(place.name, "Idlib", "{place:?}");
}

// place5: a locative phrase opening the sentence sets the scene of its main
// clause (`PlaceReason::Opening`), even where the parser hangs the act's
// words outside the root's own clause.
#[test]
fn a_locative_opening_the_sentence_places_the_acts_of_its_main_clause() {
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    // the relative clause "a third of whom are children" makes the parser
    // hang "are enduring" as a parataxis: no clause walk reaches "In Daraa"
    let events = code(
        &engine,
        "In Daraa, villagers, a third of whom are children, are enduring airstrikes from Syrian jets.",
    );
    let e = only(&events, "ASSAULT");
    let place = e.place.as_ref().expect("a place");
    assert_eq!(place.name, "Daraa", "{place:?}");
    assert_eq!(place.reason, Some(PlaceReason::Opening));
    assert_eq!(place.precision, PlacePrecision::Place);
    // an act reported by a speaker in the opening place is not set there
    // by this rule (a one-sentence story's lead may still name it)
    let events = code(
        &engine,
        "In Geneva, the envoy said Syrian jets carried out airstrikes on civilians.",
    );
    let e = only(&events, "ASSAULT");
    assert_ne!(
        e.place.as_ref().and_then(|p| p.reason),
        Some(PlaceReason::Opening),
        "{:?}",
        e.place
    );
}

#[test]
fn a_dateline_places_only_acts_of_its_own_country() {
    // the dateline is where the reporter is: a strike on Syria reported
    // from Beirut did not happen in Beirut; an arrest by Lebanese soldiers
    // in the same story may well have
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    let events = code(
        &engine,
        "BEIRUT — American jets struck Syrian army positions on Monday, officials said.\n\nLebanese soldiers arrested ten Lebanese smugglers on Monday.",
    );
    assert!(only(&events, "ASSAULT").place.is_none(), "{events:#?}");
    let arrest = only(&events, "COERCE").place.as_ref().expect("a place");
    assert_eq!(arrest.precision, PlacePrecision::Dateline, "{arrest:?}");
}

#[test]
fn another_report_of_the_same_act_lends_its_place_over_the_dateline() {
    // the lead says where the leaders met; "the two leaders spoke" is the
    // same meeting, not in the dateline's city
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    let events = code(
        &engine,
        "VLADIVOSTOK — Chadian President Mahamat Deby met Russian President Vladimir Putin on Wednesday at a space launch centre in Russia's Amur region.\n\nThe two leaders spoke for several hours, officials said.",
    );
    let spoke = events
        .iter()
        .find(|e| e.provenance.trigger_text.ends_with("spoke"))
        .unwrap_or_else(|| panic!("no 'spoke' in {events:#?}"));
    let place = spoke.place.as_ref().expect("a place");
    assert_eq!(place.reason, Some(PlaceReason::SameEvent), "{place:?}");
    assert!(place.name.contains("Amur"), "{place:?}");
}

// stop 28 (lead)
#[test]
fn a_since_phrase_bounding_a_superlative_dates_no_act() {
    let engine = engine(ParserChoice::Builtin);
    let events = code(
        &engine,
        "The Iranian deployment in Yemen suffers increasing attacks, with the deaths of 12 soldiers in May, the worst single loss suffered by the force since 2015.",
    );
    let e = only(&events, "MOBILIZE");
    assert_eq!(e.date.precision, DatePrecision::Publication, "{:?}", e.date);
}

#[test]
fn places_of_several_countries_off_the_act_give_it_no_place() {
    let engine = engine(ParserChoice::Builtin);
    if !has_gazetteer(&engine) {
        return;
    }
    let events = code(
        &engine,
        "The government poses a threat to people in the UK, France, Germany and elsewhere, Syrian officials said.",
    );
    let e = only(&events, "THREATEN");
    assert!(e.place.is_none(), "{:?}", e.place);
}
