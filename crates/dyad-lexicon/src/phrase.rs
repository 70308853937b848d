//! Resolving one phrase with an explanation: `dyad actor` and
//! `dyad eval actors`.

use chrono::NaiveDate;
use dyad_core::{Actor, ActorMention, AnalyzedDocument, Document, MentionKind, Span};

use crate::Lexicon;

/// The resolution of a phrase and the steps that led to it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PhraseResolution {
    /// The phrase as given.
    pub text: String,
    /// The date roles were resolved for.
    pub date: NaiveDate,
    /// The chosen actor, if any.
    pub actor: Option<Actor>,
    /// How the chosen mention was recognised.
    pub kind: Option<MentionKind>,
    /// The chosen mention's text.
    pub mention: Option<String>,
    /// Every mention found in the phrase.
    pub mentions: Vec<ActorMention>,
    /// Human-readable explanation, in order.
    pub steps: Vec<String>,
}

fn phrase_doc(text: &str) -> AnalyzedDocument {
    AnalyzedDocument {
        doc: Document {
            id: "phrase".into(),
            text: text.to_string(),
            ..Default::default()
        },
        sentences: Vec::new(),
    }
}

impl Lexicon {
    /// Resolves `text` as one actor phrase. `date` (default: today) selects
    /// the roles of known people; `context` (e.g. "Mexican", a dateline or
    /// the sentence around the phrase) supplies a country when the phrase
    /// has none.
    pub fn resolve_phrase(
        &self,
        text: &str,
        date: Option<NaiveDate>,
        context: &str,
    ) -> PhraseResolution {
        let mut steps = Vec::new();
        let (date, known) = match date {
            Some(d) => (d, true),
            None => (chrono::Utc::now().date_naive(), false),
        };
        steps.push(if known {
            format!("date {date}")
        } else {
            format!("no date: roles as of today ({date})")
        });
        let doc = phrase_doc(text);
        let mentions = self.recognize_on(&doc, date, known);
        for m in &mentions {
            steps.push(format!(
                "found {:?} {:?} → {} via {}",
                m.kind,
                m.text,
                describe(&m.actor),
                m.rule
            ));
        }
        // "forces loyal to Assad": the group is the actor, the person after
        // "loyal to" only gives its country.
        if let Some((group, patron)) = loyal_to(text, &mentions) {
            let mut actor = group.actor.clone();
            if actor.country.is_none() {
                if let Some(c) = patron.actor.country.clone() {
                    steps.push(format!(
                        "{:?} loyal to {:?}: country {c} of the one it is loyal to",
                        group.text, patron.text
                    ));
                    actor.country = Some(c);
                }
            }
            steps.push(format!("→ {}", describe(&actor)));
            return PhraseResolution {
                text: text.to_string(),
                date,
                actor: Some(actor),
                kind: Some(group.kind),
                mention: Some(group.text.clone()),
                mentions: mentions.clone(),
                steps,
            };
        }
        let primary = mentions
            .iter()
            .enumerate()
            .max_by_key(|(i, m)| {
                (
                    m.span.len(),
                    m.kind != MentionKind::Pronoun,
                    std::cmp::Reverse(*i),
                )
            })
            .map(|(_, m)| m.clone());
        let Some(primary) = primary else {
            steps.push("no known person, organisation, place or role word".to_string());
            let mut actor = None;
            if crate::words::is_in(crate::words::PERSON_PRONOUNS, text.trim()) {
                steps.push("a pronoun with no antecedent: unknown actor (UNK)".to_string());
                actor = Some(Actor {
                    name: text.trim().to_string(),
                    sectors: vec!["UNK".to_string()],
                    ..Default::default()
                });
            } else if let Some(c) = self.city_country_in(text) {
                steps.push(format!(
                    "a place of {c} standing for its residents: civilians (CVL)"
                ));
                actor = Some(Actor {
                    name: text.trim().to_string(),
                    country: Some(c),
                    sectors: vec!["CVL".to_string()],
                    ..Default::default()
                });
            } else if let Some(c) = self.country_of_phrase(context) {
                steps.push(format!("country {c} from context {context:?}"));
                actor = Some(Actor {
                    name: text.trim().to_string(),
                    country: Some(c),
                    ..Default::default()
                });
            }
            return PhraseResolution {
                text: text.to_string(),
                date,
                actor,
                kind: None,
                mention: None,
                mentions,
                steps,
            };
        };
        steps.push(format!("chose {:?} (longest mention)", primary.text));
        let mut actor = primary.actor.clone();
        if actor.country.is_none() && actor.org.is_none() {
            let other = mentions
                .iter()
                .filter(|m| m.span != primary.span)
                .find_map(|m| m.actor.country.clone().map(|c| (c, m.text.clone())));
            let from_places = other.or_else(|| {
                self.place_country_in(text, primary.span)
                    .map(|c| (c, "a place in the phrase".to_string()))
            });
            if let Some((c, from)) = from_places {
                steps.push(format!("country {c} from {from:?}"));
                actor.country = Some(c);
            } else if let Some(c) = self.country_of_phrase(context) {
                steps.push(format!("country {c} from context {context:?}"));
                actor.country = Some(c);
            }
        }
        steps.push(format!("→ {}", describe(&actor)));
        PhraseResolution {
            text: text.to_string(),
            date,
            actor: Some(actor),
            kind: Some(primary.kind),
            mention: Some(primary.text.clone()),
            mentions,
            steps,
        }
    }

    /// The country of a city or region named in `text`.
    fn city_country_in(&self, text: &str) -> Option<String> {
        self.patterns
            .atoms(text)
            .iter()
            .find_map(|a| match a.primary() {
                crate::patterns::Target::City(c) => self.k.cities.get(c).map(|x| x.country.clone()),
                _ => None,
            })
    }

    /// A country named outside `skip` in `text`, even as a mere place
    /// ("trade unions in Denmark").
    fn place_country_in(&self, text: &str, skip: Span) -> Option<String> {
        let head = text.get(..skip.start).unwrap_or("");
        let tail = text.get(skip.end..).unwrap_or("");
        self.country_of_phrase(tail)
            .or_else(|| self.country_of_phrase(head))
    }
}

/// A role mention followed by "loyal to" and another mention: (group, patron).
fn loyal_to<'m>(
    text: &str,
    mentions: &'m [ActorMention],
) -> Option<(&'m ActorMention, &'m ActorMention)> {
    mentions.windows(2).find_map(|w| match w {
        [a, b] if a.kind == MentionKind::Role && a.span.end <= b.span.start => {
            let between = text.get(a.span.end..b.span.start)?.trim();
            between.eq_ignore_ascii_case("loyal to").then_some((a, b))
        }
        _ => None,
    })
}

/// "RUS GOV (Vladimir Putin, President)".
pub fn describe(a: &Actor) -> String {
    let mut s = a.country.clone().unwrap_or_else(|| "-".to_string());
    if let Some(o) = &a.org {
        s.push_str(&format!("/{o}"));
    }
    s.push(' ');
    s.push_str(if a.sectors.is_empty() { "-" } else { "" });
    s.push_str(&a.sectors.join("+"));
    s.push_str(&format!(" ({}", a.name));
    if let Some(r) = &a.role {
        s.push_str(&format!(", {r}"));
    }
    s.push(')');
    s
}
