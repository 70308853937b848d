//! One event per coded dyad.
//!
//! Event data is dyadic: CAMEO, ICEWS and PETRARCH record "who did what to
//! whom" as one source actor and one target actor, and analysts count,
//! filter and merge by dyad. A sentence with compound sides ("Russia and
//! Iran back Assad", "talks with the UK, France and the US") reports one
//! act per pair, so a compound match becomes one event per pair of *coded*
//! sides. Mentions that stand for one party stay together on one side
//! ("Putin and Russia" are both the Russian state: one dyad, both mentions
//! kept),
//! so a split never yields two events that say the same thing; an
//! unresolved mention is its own side, so one unknown party no longer hides
//! the resolved pairs from the default output.

use dyad_core::{Event, EventActor};

/// The dyads of `event`: itself when each side holds one code, otherwise
/// one event per (source code, target code) pair in text order, each with
/// its own deterministic id derived from the compound event's.
pub fn split(event: Event) -> Vec<Event> {
    let sources = groups(&event.source);
    let targets = groups(&event.target);
    if sources.len() <= 1 && targets.len() <= 1 {
        return vec![event];
    }
    let mut out = Vec::with_capacity(sources.len().max(1) * targets.len().max(1));
    // "X and Y backed A and B respectively": X backed A, Y backed B
    if sources.len() == targets.len() && says_respectively(&event.provenance.sentence_text) {
        for (source, target) in sources.iter().zip(&targets) {
            out.push(dyad(&event, source, target));
        }
        return out;
    }
    let sources = if sources.is_empty() {
        vec![Vec::new()]
    } else {
        sources
    };
    let targets = if targets.is_empty() {
        vec![Vec::new()]
    } else {
        targets
    };
    for source in &sources {
        for target in &targets {
            out.push(dyad(&event, source, target));
        }
    }
    out
}

/// The event of one pair of sides of `event`.
fn dyad(event: &Event, source: &[EventActor], target: &[EventActor]) -> Event {
    let mut dyad = event.clone();
    dyad.id = dyad_id(&event.id, source, target);
    dyad.source = source.to_vec();
    dyad.target = target.to_vec();
    dyad
}

/// The side's mentions grouped by actor code, in order of first mention;
/// mentions without a country or organisation each stand alone.
fn groups(side: &[EventActor]) -> Vec<Vec<EventActor>> {
    let mut out: Vec<Vec<EventActor>> = Vec::new();
    for a in side {
        let same = out
            .iter_mut()
            .find(|g| g.first().is_some_and(|b| one_party(&a.actor, &b.actor)));
        match same {
            Some(group) => group.push(a.clone()),
            None => out.push(vec![a.clone()]),
        }
    }
    out
}

/// Whether the sentence pairs its lists in order ("respectively").
fn says_respectively(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("respectively"))
}

/// Whether two resolved actors stand for one party: the same country (or
/// organisation) and the same primary sector, a bare country ("Russia")
/// being one party with its government ("President Putin"). Syrian rebels
/// and the Syrian government are two parties.
pub(crate) fn one_party(a: &dyad_core::Actor, b: &dyad_core::Actor) -> bool {
    let coded = a.country.is_some() || a.org.is_some();
    let state = |x: &dyad_core::Actor| matches!(x.primary_sector(), None | Some("GOV"));
    coded
        && a.country == b.country
        && a.org == b.org
        && (a.primary_sector() == b.primary_sector() || (state(a) && state(b)))
}

/// A dyad's id: the compound event's id with the spans of its two sides, so
/// recoding the same text yields the same ids.
fn dyad_id(base: &str, source: &[EventActor], target: &[EventActor]) -> String {
    let key = |side: &[EventActor]| {
        side.iter()
            .map(|a| format!("{}-{}", a.span.start, a.span.end))
            .collect::<Vec<_>>()
            .join(",")
    };
    let rule = format!("{}>{}", key(source), key(target));
    super::event_id(base, 0, dyad_core::Span::new(0, 0), &rule)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::{Actor, Span};

    fn actor(name: &str, country: Option<&str>, at: usize) -> EventActor {
        EventActor {
            actor: Actor {
                name: name.into(),
                country: country.map(Into::into),
                sectors: vec!["GOV".into()],
                person_id: None,
                role: None,
                org: None,
            },
            text: name.into(),
            span: Span::new(at, at + name.len()),
        }
    }

    fn event(source: Vec<EventActor>, target: Vec<EventActor>) -> Event {
        crate::test_events::event("SUPPORT", source, target)
    }

    #[test]
    fn a_single_dyad_is_left_alone() {
        let e = event(
            vec![actor("Russia", Some("RUS"), 0)],
            vec![actor("Assad", Some("SYR"), 20)],
        );
        let out = split(e.clone());
        assert_eq!(out, vec![e]);
    }

    #[test]
    fn compound_sides_become_one_event_per_pair_of_codes() {
        let e = event(
            vec![
                actor("Putin", Some("RUS"), 0),
                EventActor {
                    actor: Actor {
                        sectors: Vec::new(),
                        ..actor("Russia", Some("RUS"), 7).actor
                    },
                    ..actor("Russia", Some("RUS"), 7)
                },
                actor("Iran", Some("IRN"), 18),
            ],
            vec![actor("Assad", Some("SYR"), 40)],
        );
        let out = split(e);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].source.len(), 2, "Putin and Russia are one party");
        assert_eq!(out[1].source[0].text, "Iran");
        assert!(out.iter().all(|d| d.target[0].text == "Assad"));
        assert_ne!(out[0].id, out[1].id);
        assert_eq!(split(out[1].clone()), vec![out[1].clone()]);
    }

    #[test]
    fn unresolved_mentions_stand_alone() {
        let e = event(
            vec![actor("Britain", Some("GBR"), 0)],
            vec![
                actor("France", Some("FRA"), 20),
                actor("the others", None, 30),
            ],
        );
        let out = split(e);
        assert_eq!(out.len(), 2);
        assert!(out[0].sides_resolved());
        assert!(!out[1].sides_resolved());
    }

    #[test]
    fn rebels_and_the_government_of_one_country_are_two_parties() {
        let mut rebels = actor("rebels", Some("SYR"), 30);
        rebels.actor.sectors = vec!["REB".into()];
        let e = event(
            vec![actor("Turkey", Some("TUR"), 0)],
            vec![actor("the regime", Some("SYR"), 10), rebels],
        );
        assert_eq!(split(e).len(), 2);
    }

    #[test]
    fn respectively_pairs_the_lists_in_order() {
        let mut e = event(
            vec![
                actor("Russia", Some("RUS"), 0),
                actor("Turkey", Some("TUR"), 11),
            ],
            vec![actor("the regime", Some("SYR"), 30), {
                let mut r = actor("rebels", Some("SYR"), 45);
                r.actor.sectors = vec!["REB".into()];
                r
            }],
        );
        assert_eq!(split(e.clone()).len(), 4);
        e.provenance.sentence_text =
            "Russia and Turkey back the regime and rebels respectively.".into();
        let out = split(e);
        assert_eq!(out.len(), 2);
        assert_eq!(
            (
                out[0].source[0].text.as_str(),
                out[0].target[0].text.as_str()
            ),
            ("Russia", "the regime")
        );
        assert_eq!(
            (
                out[1].source[0].text.as_str(),
                out[1].target[0].text.as_str()
            ),
            ("Turkey", "rebels")
        );
    }
}
