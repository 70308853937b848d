//! Actor accuracy of the events whose type is right (`dyad eval events`,
//! "Actors" in docs/eval.md).
//!
//! Precision mixes two stages: an event can be wrong because the coder read
//! the wrong act or because the lexicon resolved a participant wrongly. This
//! section isolates the second: among the coded events of a gold sentence
//! whose type is the type (or alternative type) of a gold event of that
//! sentence, how often are the source and the target right? Factuality is
//! not required. Each side is judged by the side-matching rules of the event
//! match (country or organisation; the gold sector where both gold sides
//! share a country), and a wrong side is told apart by why it is wrong.

use std::collections::BTreeMap;

use dyad_core::{Event, EventActor};
use serde::Serialize;

use super::{
    actor_is, describe_event, describe_gold, ratio, type_matches, GoldActor, GoldEvent,
    GoldSentence, SYMMETRIC,
};

/// How one side of a type-matched event compares with the gold side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SideOutcome {
    /// Right.
    Right,
    /// The gold side has a country or organisation; no coded actor of the
    /// side has either (a countryless "rebels", "family members", a pronoun).
    NoCountry,
    /// A coded actor has a country or organisation, not the gold one.
    WrongCountry,
    /// The country is right but not the gold sector (scored only where both
    /// gold sides share a country).
    WrongSector,
    /// The gold side exists, the event has none.
    Missing,
    /// The event has a side where the gold has none (an invented participant).
    Extra,
}

impl SideOutcome {
    /// Every wrong outcome, in report order.
    pub const WRONG: [SideOutcome; 5] = [
        SideOutcome::NoCountry,
        SideOutcome::WrongCountry,
        SideOutcome::WrongSector,
        SideOutcome::Missing,
        SideOutcome::Extra,
    ];

    /// Name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            SideOutcome::Right => "right",
            SideOutcome::NoCountry => "no_country",
            SideOutcome::WrongCountry => "wrong_country",
            SideOutcome::WrongSector => "wrong_sector",
            SideOutcome::Missing => "missing",
            SideOutcome::Extra => "extra",
        }
    }
}

/// A type-matched event with a wrong side (listed with `--errors`).
#[derive(Debug, Clone, Serialize)]
pub struct ActorMiss {
    /// Gold sentence id.
    pub gold_id: String,
    /// The sentence.
    pub sentence: String,
    /// The source's outcome.
    pub source: SideOutcome,
    /// The target's outcome.
    pub target: SideOutcome,
    /// The coded event, described.
    pub coded: String,
    /// The gold event it was compared with, described.
    pub gold: String,
}

/// Actor figures over the type-matched events.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ActorAccuracy {
    /// Coded events whose type is a gold event's type (or alternative type)
    /// in the same sentence: the denominator.
    pub type_matched: usize,
    /// Of those, source right.
    pub source_right: usize,
    /// Of those, target right.
    pub target_right: usize,
    /// Of those, both sides right.
    pub both_right: usize,
    /// both_right / type_matched.
    pub both_share: f64,
    /// Wrong sources by outcome.
    pub source_errors: BTreeMap<String, usize>,
    /// Wrong targets by outcome.
    pub target_errors: BTreeMap<String, usize>,
}

impl ActorAccuracy {
    /// Scores the events of one gold sentence; returns the misses.
    pub(super) fn add_sentence(&mut self, g: &GoldSentence, events: &[&Event]) -> Vec<ActorMiss> {
        let mut misses = Vec::new();
        for ev in events {
            let Some((gi, [source, target])) = best_gold(ev, &g.events) else {
                continue;
            };
            self.type_matched += 1;
            self.source_right += usize::from(source == SideOutcome::Right);
            self.target_right += usize::from(target == SideOutcome::Right);
            if source == SideOutcome::Right && target == SideOutcome::Right {
                self.both_right += 1;
                continue;
            }
            for (outcome, map) in [
                (source, &mut self.source_errors),
                (target, &mut self.target_errors),
            ] {
                if outcome != SideOutcome::Right {
                    *map.entry(outcome.as_str().to_string()).or_default() += 1;
                }
            }
            misses.push(ActorMiss {
                gold_id: g.id.clone(),
                sentence: g.sentence.clone(),
                source,
                target,
                coded: describe_event(ev),
                gold: describe_gold(&g.events[gi]),
            });
        }
        misses
    }

    pub(super) fn finish(&mut self) {
        self.both_share = ratio(self.both_right, self.type_matched);
    }

    /// The section as text.
    pub fn to_text(&self) -> String {
        let errors = |m: &BTreeMap<String, usize>| {
            SideOutcome::WRONG
                .iter()
                .map(|o| format!("{} {}", o.as_str(), m.get(o.as_str()).copied().unwrap_or(0)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        format!(
            "actors of type-matched events: {} events; source right {} ({:.3}), target right {} ({:.3}), both right {} of {} ({:.3})\n  wrong sources: {}\n  wrong targets: {}\n",
            self.type_matched,
            self.source_right,
            ratio(self.source_right, self.type_matched),
            self.target_right,
            ratio(self.target_right, self.type_matched),
            self.both_right,
            self.type_matched,
            self.both_share,
            errors(&self.source_errors),
            errors(&self.target_errors),
        )
    }
}

/// The gold event of the sentence with the event's type whose sides agree
/// best with the event's (either order for the symmetric types), with the
/// two side outcomes; `None` when no gold event has the type.
fn best_gold(ev: &Event, gold: &[GoldEvent]) -> Option<(usize, [SideOutcome; 2])> {
    gold.iter()
        .enumerate()
        .filter(|(_, ge)| type_matches(&ev.plover, ge))
        .map(|(i, ge)| (i, sides(ev, ge)))
        .min_by_key(|(i, s)| {
            let wrong = s.iter().filter(|o| **o != SideOutcome::Right).count();
            (wrong, !gold[*i].required, *i)
        })
}

fn sides(ev: &Event, ge: &GoldEvent) -> [SideOutcome; 2] {
    let same_country = match (&ge.source, &ge.target) {
        (Some(s), Some(t)) => s.country.is_some() && s.country == t.country,
        _ => false,
    };
    let straight = [
        side(&ev.source, ge.source.as_ref(), same_country),
        side(&ev.target, ge.target.as_ref(), same_country),
    ];
    if SYMMETRIC.contains(&ge.plover.as_str()) {
        let crossed = [
            side(&ev.source, ge.target.as_ref(), same_country),
            side(&ev.target, ge.source.as_ref(), same_country),
        ];
        let right = |s: &[SideOutcome; 2]| s.iter().filter(|o| **o == SideOutcome::Right).count();
        if right(&crossed) > right(&straight) {
            return crossed;
        }
    }
    straight
}

/// One side against the gold side, with the reason when it is wrong: the
/// rules of `docs/eval.md`, shared with the event match (`super::side`).
pub(super) fn side(
    coded: &[EventActor],
    gold: Option<&GoldActor>,
    need_sector: bool,
) -> SideOutcome {
    let Some(gold) = gold else {
        return if coded.is_empty() {
            SideOutcome::Right
        } else {
            SideOutcome::Extra
        };
    };
    if coded.is_empty() {
        return SideOutcome::Missing;
    }
    let Some(code) = gold.country.as_deref() else {
        return SideOutcome::Right;
    };
    let of_country: Vec<&EventActor> = coded.iter().filter(|a| actor_is(&a.actor, code)).collect();
    if of_country.is_empty() {
        return if coded
            .iter()
            .all(|a| a.actor.country.is_none() && a.actor.org.is_none())
        {
            SideOutcome::NoCountry
        } else {
            SideOutcome::WrongCountry
        };
    }
    let sector_fits = |a: &&EventActor| {
        !need_sector
            || gold
                .sector
                .as_deref()
                .is_none_or(|s| a.actor.sectors.iter().any(|x| x == s))
    };
    if of_country.iter().any(sector_fits) {
        SideOutcome::Right
    } else {
        SideOutcome::WrongSector
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::{Actor, Span};

    fn actor(text: &str, country: Option<&str>, sectors: &[&str]) -> EventActor {
        EventActor {
            actor: Actor {
                name: text.into(),
                country: country.map(str::to_string),
                sectors: sectors.iter().map(|s| s.to_string()).collect(),
                person_id: None,
                role: None,
                org: None,
            },
            text: text.into(),
            span: Span::new(0, 0),
        }
    }

    fn gold(country: Option<&str>, sector: Option<&str>) -> GoldActor {
        GoldActor {
            text: None,
            country: country.map(str::to_string),
            sector: sector.map(str::to_string),
        }
    }

    #[test]
    fn side_outcomes_say_why() {
        let rebels = [actor("rebels", None, &["REB"])];
        let syr = gold(Some("SYR"), Some("REB"));
        assert_eq!(side(&rebels, Some(&syr), false), SideOutcome::NoCountry);
        let turks = [actor("Turkish forces", Some("TUR"), &["MIL"])];
        assert_eq!(side(&turks, Some(&syr), false), SideOutcome::WrongCountry);
        let army = [actor("Syrian army", Some("SYR"), &["MIL"])];
        assert_eq!(side(&army, Some(&syr), true), SideOutcome::WrongSector);
        assert_eq!(side(&army, Some(&syr), false), SideOutcome::Right);
        assert_eq!(side(&[], Some(&syr), false), SideOutcome::Missing);
        assert_eq!(side(&army, None, false), SideOutcome::Extra);
        assert_eq!(
            side(&rebels, Some(&gold(None, None)), true),
            SideOutcome::Right
        );
    }
}
