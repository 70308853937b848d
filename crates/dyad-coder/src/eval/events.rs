//! Scoring whole events on real news: `dyad eval events`.
//!
//! The gold (`../shared/eval/events-real/*.jsonl`) lists, for real sentences
//! of the Guardian corpus, every event a careful coder should record. The CLI
//! codes each whole article with the default output of `dyad code` and hands
//! the articles here; this module aligns the gold sentences to the article
//! text, picks the events whose trigger lies in a gold sentence, matches them
//! one-to-one to gold events and reports precision, recall, an error
//! breakdown and a reliability table. The rules are in `docs/eval.md`.

use std::collections::BTreeMap;

use dyad_core::{Actor, Event, EventActor, Factuality, Span};
use serde::{Deserialize, Serialize};

mod actors;
mod wherewhen;
pub use actors::{ActorAccuracy, ActorMiss, SideOutcome};
pub use wherewhen::{GoldPlace, PlaceResolver, WhereWhen, WhereWhenMiss, PLACE_RADIUS_KM};

/// Share of gold sentences that may fail to align before the run fails.
pub const MAX_UNALIGNED_SHARE: f64 = 0.02;

/// One gold sentence with every event a careful coder should record.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldSentence {
    /// Gold id.
    pub id: String,
    /// Article id in the corpus.
    pub doc: String,
    /// The article's publication date.
    #[serde(default)]
    pub article_date: Option<String>,
    /// The sentence as segmented when annotated.
    pub sentence: String,
    /// Its events (possibly none).
    #[serde(default)]
    pub events: Vec<GoldEvent>,
}

/// One gold event.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    /// PLOVER type.
    pub plover: String,
    /// An acceptable alternative type.
    #[serde(default)]
    pub alt_plover: Option<String>,
    /// Source, or `None` when the event has none.
    #[serde(default)]
    pub source: Option<GoldActor>,
    /// Target, or `None` when the event has none.
    #[serde(default)]
    pub target: Option<GoldActor>,
    /// asserted, reported, negated, hypothetical, intended, denied.
    pub factuality: String,
    /// The trigger words.
    #[serde(default)]
    pub trigger: Option<String>,
    /// Must be found (recall counts only these).
    #[serde(default)]
    pub required: bool,
    /// The place of the act as written.
    #[serde(default)]
    pub place: Option<String>,
    /// YYYY-MM-DD, YYYY-MM, YYYY, "article", or `None`.
    #[serde(default)]
    pub date: Option<String>,
    /// A background act: in the gold, one before the story (a past
    /// episode), compared with `Event::historical`; an act merely mentioned
    /// in passing is not marked.
    #[serde(default)]
    pub historical: bool,
}

/// A gold event side.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldActor {
    /// The words, when the actor is named.
    #[serde(default)]
    pub text: Option<String>,
    /// ISO3 code or organisation code (UN, EU, NATO, OPCW); `None`: no country.
    #[serde(default)]
    pub country: Option<String>,
    /// Primary sector code.
    #[serde(default)]
    pub sector: Option<String>,
}

/// One coded article as the scorer needs it.
#[derive(Debug, Clone)]
pub struct CodedArticle {
    /// Article id (the gold's `doc`).
    pub id: String,
    /// 0-based position of the article in the corpus file (for the halves).
    pub position: usize,
    /// The cleaned text all spans index into.
    pub text: String,
    /// The events of the default output.
    pub events: Vec<Event>,
}

/// Why an unmatched event is wrong, by first error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The sentence has gold events, none of this type.
    WrongType,
    /// The closest gold event of the type has another source.
    WrongSource,
    /// The closest gold event of the type has another target.
    WrongTarget,
    /// The event lacks a side the gold event has, or has one it lacks.
    MissingSide,
    /// Type and sides agree, factuality does not.
    Factuality,
    /// The sentence has no gold event at all.
    NotInGold,
    /// It matches a gold event already taken by a surer event.
    Duplicate,
}

impl ErrorKind {
    /// All kinds in report order.
    pub const ALL: [ErrorKind; 7] = [
        ErrorKind::WrongType,
        ErrorKind::WrongSource,
        ErrorKind::WrongTarget,
        ErrorKind::MissingSide,
        ErrorKind::Factuality,
        ErrorKind::NotInGold,
        ErrorKind::Duplicate,
    ];

    /// Name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::WrongType => "wrong_type",
            ErrorKind::WrongSource => "wrong_source",
            ErrorKind::WrongTarget => "wrong_target",
            ErrorKind::MissingSide => "missing_side",
            ErrorKind::Factuality => "factuality",
            ErrorKind::NotInGold => "not_in_gold",
            ErrorKind::Duplicate => "duplicate",
        }
    }
}

/// Precision, recall and F1 over a set of sentences.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Figures {
    /// Gold sentences scored.
    pub sentences: usize,
    /// Coded events in those sentences.
    pub events: usize,
    /// Coded events matching a gold event.
    pub correct: usize,
    /// Required gold events.
    pub required: usize,
    /// Required gold events found.
    pub required_found: usize,
    /// correct / events.
    pub precision: f64,
    /// required_found / required.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
}

impl Figures {
    fn finish(&mut self) {
        self.precision = ratio(self.correct, self.events);
        self.recall = ratio(self.required_found, self.required);
        self.f1 = if self.precision + self.recall > 0.0 {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        } else {
            0.0
        };
    }
}

/// Per-type figures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TypeFigures {
    /// Coded events of the type.
    pub coded: usize,
    /// Of those, matching a gold event.
    pub correct: usize,
    /// Required gold events of the type.
    pub required: usize,
    /// Of those, found.
    pub found: usize,
}

/// One confidence bucket.
#[derive(Debug, Clone, Serialize)]
pub struct Bucket {
    /// Lower bound (inclusive).
    pub from: f32,
    /// Upper bound (exclusive, except the last).
    pub to: f32,
    /// Events in the bucket.
    pub events: usize,
    /// Of those, correct.
    pub correct: usize,
}

/// An unmatched event, for `--errors`.
#[derive(Debug, Clone, Serialize)]
pub struct EventError {
    /// Gold sentence id.
    pub gold_id: String,
    /// First error.
    pub kind: ErrorKind,
    /// The sentence.
    pub sentence: String,
    /// The coded event, described.
    pub event: String,
    /// The closest gold event, described, when the sentence has one.
    pub closest_gold: Option<String>,
}

/// A required gold event nobody found, for `--errors`.
#[derive(Debug, Clone, Serialize)]
pub struct MissedEvent {
    /// Gold sentence id.
    pub gold_id: String,
    /// The sentence.
    pub sentence: String,
    /// The gold event, described.
    pub gold: String,
}

/// The report of `dyad eval events`.
#[derive(Debug, Clone, Serialize)]
pub struct EventsReport {
    /// Gold sentences in the file.
    pub gold_sentences: usize,
    /// Gold sentences whose text could not be found in the coded article.
    pub unaligned: Vec<String>,
    /// All aligned sentences.
    pub all: Figures,
    /// Articles at even positions of the corpus file (0, 2, 4, ...).
    pub half_even: Figures,
    /// Articles at odd positions.
    pub half_odd: Figures,
    /// Per PLOVER type.
    pub per_type: BTreeMap<String, TypeFigures>,
    /// Unmatched events by first error.
    pub errors: BTreeMap<String, usize>,
    /// Confidence buckets: share correct.
    pub reliability: Vec<Bucket>,
    /// Place and date of the matched events.
    pub where_when: WhereWhen,
    /// Matched events with a wrong place, date or historical flag (listed
    /// with `--errors`).
    pub where_when_misses: Vec<WhereWhenMiss>,
    /// Place and date over looser pairs: an event and a gold event of its
    /// sentence whose trigger words overlap, type, sides and factuality not
    /// required (a larger denominator than the matches: the place and date
    /// of an act do not depend on who did it).
    pub where_when_by_trigger: WhereWhen,
    /// Those pairs' wrong places, dates and historical flags.
    pub where_when_by_trigger_misses: Vec<WhereWhenMiss>,
    /// The by-trigger figures on the even and the odd half of the articles
    /// (to expose overfitting to one half).
    pub where_when_by_trigger_halves: [WhereWhen; 2],
    /// Source and target of the coded events whose type matches a gold
    /// event's type in the same sentence (the lexicon's share of the
    /// errors, apart from the coder's).
    pub actors: ActorAccuracy,
    /// Those events with a wrong side (listed with `--errors`).
    pub actor_misses: Vec<ActorMiss>,
    /// Each unmatched event (listed with `--errors`).
    pub error_list: Vec<EventError>,
    /// Each required gold event not found (listed with `--errors`).
    pub missed: Vec<MissedEvent>,
    /// Each matched event with its gold event (listed with `--errors`, so
    /// the right ones can be read too).
    pub matched: Vec<EventError>,
}

/// Scores coded articles against the gold, gold places compared by name
/// only; see [`score_events_with`].
pub fn score_events(
    gold: &[GoldSentence],
    articles: &[CodedArticle],
) -> Result<EventsReport, Box<EventsReport>> {
    score_events_with(gold, articles, &|_: &str| Vec::new())
}

/// Scores coded articles against the gold, resolving gold places with
/// `resolve` (the CLI asks the gazetteer). Fails (returns `Err` with the
/// report) when more than [`MAX_UNALIGNED_SHARE`] of the gold sentences
/// cannot be aligned.
pub fn score_events_with(
    gold: &[GoldSentence],
    articles: &[CodedArticle],
    resolve: PlaceResolver<'_>,
) -> Result<EventsReport, Box<EventsReport>> {
    let by_id: BTreeMap<&str, &CodedArticle> =
        articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut report = EventsReport {
        gold_sentences: gold.len(),
        unaligned: Vec::new(),
        all: Figures::default(),
        half_even: Figures::default(),
        half_odd: Figures::default(),
        per_type: BTreeMap::new(),
        errors: ErrorKind::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), 0))
            .collect(),
        reliability: (0..5)
            .map(|i| Bucket {
                from: i as f32 * 0.2,
                to: (i + 1) as f32 * 0.2,
                events: 0,
                correct: 0,
            })
            .collect(),
        where_when: WhereWhen::default(),
        where_when_misses: Vec::new(),
        where_when_by_trigger: WhereWhen::default(),
        where_when_by_trigger_misses: Vec::new(),
        where_when_by_trigger_halves: Default::default(),
        actors: ActorAccuracy::default(),
        actor_misses: Vec::new(),
        error_list: Vec::new(),
        missed: Vec::new(),
        matched: Vec::new(),
    };
    let mut normalized: BTreeMap<&str, Normalized> = BTreeMap::new();
    for g in gold {
        let Some(article) = by_id.get(g.doc.as_str()) else {
            report.unaligned.push(g.id.clone());
            continue;
        };
        let norm = normalized
            .entry(article.id.as_str())
            .or_insert_with(|| Normalized::new(&article.text));
        let Some(span) = norm.find(&g.sentence) else {
            report.unaligned.push(g.id.clone());
            continue;
        };
        let events: Vec<&Event> = article
            .events
            .iter()
            .filter(|e| span.contains(e.provenance.trigger))
            .collect();
        let half = if article.position % 2 == 0 {
            &mut report.half_even
        } else {
            &mut report.half_odd
        };
        let outcome = score_sentence(g, &events);
        let misses = report.actors.add_sentence(g, &events);
        report.actor_misses.extend(misses);
        let mut taken = vec![false; g.events.len()];
        for ev in &events {
            let pair = g
                .events
                .iter()
                .enumerate()
                .position(|(i, ge)| !taken[i] && triggers_overlap(ev, ge));
            if let Some(i) = pair {
                taken[i] = true;
                wherewhen::compare(
                    ev,
                    &g.events[i],
                    g,
                    resolve,
                    &mut report.where_when_by_trigger,
                    &mut report.where_when_by_trigger_misses,
                );
                wherewhen::compare(
                    ev,
                    &g.events[i],
                    g,
                    resolve,
                    &mut report.where_when_by_trigger_halves[article.position % 2],
                    &mut Vec::new(),
                );
            }
        }
        for f in [&mut report.all, half] {
            f.sentences += 1;
            f.events += events.len();
            f.correct += outcome.correct.len();
            f.required += g.events.iter().filter(|e| e.required).count();
            f.required_found += outcome.required_found;
        }
        for (ev, gi) in &outcome.correct {
            report.matched.push(EventError {
                gold_id: g.id.clone(),
                kind: ErrorKind::Duplicate,
                sentence: g.sentence.clone(),
                event: describe_event(ev),
                closest_gold: Some(describe_gold(&g.events[*gi])),
            });
            let t = report.per_type.entry(ev.plover.clone()).or_default();
            t.correct += 1;
            wherewhen::compare(
                ev,
                &g.events[*gi],
                g,
                resolve,
                &mut report.where_when,
                &mut report.where_when_misses,
            );
        }
        for ev in &events {
            report.per_type.entry(ev.plover.clone()).or_default().coded += 1;
            let right = outcome.correct.iter().any(|(c, _)| std::ptr::eq(*c, *ev));
            let c = ev.provenance.confidence.clamp(0.0, 1.0);
            let b = ((c * 5.0) as usize).min(4);
            report.reliability[b].events += 1;
            report.reliability[b].correct += usize::from(right);
        }
        for (i, ge) in g.events.iter().enumerate() {
            if !ge.required {
                continue;
            }
            let t = report.per_type.entry(ge.plover.clone()).or_default();
            t.required += 1;
            if outcome.taken[i] {
                t.found += 1;
            } else {
                report.missed.push(MissedEvent {
                    gold_id: g.id.clone(),
                    sentence: g.sentence.clone(),
                    gold: describe_gold(ge),
                });
            }
        }
        for (ev, kind, closest) in outcome.wrong {
            *report.errors.entry(kind.as_str().to_string()).or_default() += 1;
            report.error_list.push(EventError {
                gold_id: g.id.clone(),
                kind,
                sentence: g.sentence.clone(),
                event: describe_event(ev),
                closest_gold: closest.map(|i| describe_gold(&g.events[i])),
            });
        }
    }
    for f in [&mut report.all, &mut report.half_even, &mut report.half_odd] {
        f.finish();
    }
    report.where_when.finish();
    report.where_when_by_trigger.finish();
    report.actors.finish();
    for half in &mut report.where_when_by_trigger_halves {
        half.finish();
    }
    if report.unaligned.len() as f64 > MAX_UNALIGNED_SHARE * gold.len() as f64 {
        return Err(Box::new(report));
    }
    Ok(report)
}

struct SentenceOutcome<'e> {
    /// Matched events with the index of their gold event.
    correct: Vec<(&'e Event, usize)>,
    /// Unmatched events with their first error and closest gold event.
    wrong: Vec<(&'e Event, ErrorKind, Option<usize>)>,
    /// Which gold events were taken.
    taken: Vec<bool>,
    required_found: usize,
}

/// One-to-one matching in one sentence: surer events choose first; a
/// required gold event is preferred to an optional one.
fn score_sentence<'e>(g: &GoldSentence, events: &[&'e Event]) -> SentenceOutcome<'e> {
    let mut order: Vec<&Event> = events.to_vec();
    order.sort_by(|a, b| {
        b.provenance
            .confidence
            .total_cmp(&a.provenance.confidence)
            .then(a.provenance.trigger.start.cmp(&b.provenance.trigger.start))
    });
    let mut out = SentenceOutcome {
        correct: Vec::new(),
        wrong: Vec::new(),
        taken: vec![false; g.events.len()],
        required_found: 0,
    };
    for ev in order {
        let checks: Vec<Vec<Mismatch>> = g.events.iter().map(|ge| check(ev, ge)).collect();
        let matching: Vec<usize> = (0..g.events.len())
            .filter(|&i| checks[i].is_empty())
            .collect();
        let free = matching
            .iter()
            .copied()
            .filter(|&i| !out.taken[i])
            .max_by_key(|&i| (g.events[i].required, std::cmp::Reverse(i)));
        if let Some(i) = free {
            out.taken[i] = true;
            out.required_found += usize::from(g.events[i].required);
            out.correct.push((ev, i));
            continue;
        }
        if let Some(&i) = matching.first() {
            out.wrong.push((ev, ErrorKind::Duplicate, Some(i)));
            continue;
        }
        if g.events.is_empty() {
            out.wrong.push((ev, ErrorKind::NotInGold, None));
            continue;
        }
        // The closest gold event: fewest mismatches, type first.
        let closest = (0..g.events.len())
            .min_by_key(|&i| {
                let c = &checks[i];
                (c.contains(&Mismatch::Type), c.len(), out.taken[i])
            })
            .unwrap_or(0);
        let kind = checks[closest]
            .iter()
            .map(|m| m.kind())
            .min()
            .unwrap_or(ErrorKind::Duplicate);
        out.wrong.push((ev, kind, Some(closest)));
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mismatch {
    Type,
    Source,
    Target,
    MissingSide,
    Factuality,
}

impl Mismatch {
    fn kind(self) -> ErrorKind {
        match self {
            Mismatch::Type => ErrorKind::WrongType,
            Mismatch::Source => ErrorKind::WrongSource,
            Mismatch::Target => ErrorKind::WrongTarget,
            Mismatch::MissingSide => ErrorKind::MissingSide,
            Mismatch::Factuality => ErrorKind::Factuality,
        }
    }
}

/// Types whose two sides may be given in either order.
const SYMMETRIC: [&str; 2] = ["CONSULT", "COOPERATE"];

/// Everything that keeps `ev` from matching `ge` (empty: a match).
fn check(ev: &Event, ge: &GoldEvent) -> Vec<Mismatch> {
    let mut out = Vec::new();
    if !type_matches(&ev.plover, ge) {
        out.push(Mismatch::Type);
    }
    let same_country = match (&ge.source, &ge.target) {
        (Some(s), Some(t)) => s.country.is_some() && s.country == t.country,
        _ => false,
    };
    let straight = [
        side(&ev.source, ge.source.as_ref(), same_country),
        side(&ev.target, ge.target.as_ref(), same_country),
    ];
    let sides = if SYMMETRIC.contains(&ge.plover.as_str())
        && straight.iter().any(|s| *s != SideCheck::Ok)
    {
        let crossed = [
            side(&ev.source, ge.target.as_ref(), same_country),
            side(&ev.target, ge.source.as_ref(), same_country),
        ];
        if crossed.iter().all(|s| *s == SideCheck::Ok) {
            crossed
        } else {
            straight
        }
    } else {
        straight
    };
    for (check, wrong) in sides.iter().zip([Mismatch::Source, Mismatch::Target]) {
        match check {
            SideCheck::Ok => {}
            SideCheck::Missing => out.push(Mismatch::MissingSide),
            SideCheck::Wrong => out.push(wrong),
        }
    }
    if factuality_class(ev.factuality) != gold_factuality_class(&ge.factuality) {
        out.push(Mismatch::Factuality);
    }
    out
}

/// The coded trigger's head word (its last word) is one of the gold
/// trigger's words, case-folded ("attacked" in "attacked the convoy").
fn triggers_overlap(ev: &Event, ge: &GoldEvent) -> bool {
    let Some(gold) = ge.trigger.as_deref() else {
        return false;
    };
    let Some(head) = ev.provenance.trigger_text.split_whitespace().last() else {
        return false;
    };
    let head = head.to_lowercase();
    gold.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .any(|w| w.to_lowercase() == head)
}

fn type_matches(plover: &str, ge: &GoldEvent) -> bool {
    plover == ge.plover || ge.alt_plover.as_deref() == Some(plover)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SideCheck {
    Ok,
    /// The event lacks the side, or has one the gold event lacks.
    Missing,
    Wrong,
}

/// One side against the gold side, by the rules the actor report also
/// uses ([`actors::side`]), folded to what matching needs.
fn side(coded: &[EventActor], gold: Option<&GoldActor>, need_sector: bool) -> SideCheck {
    match actors::side(coded, gold, need_sector) {
        SideOutcome::Right => SideCheck::Ok,
        SideOutcome::Missing | SideOutcome::Extra => SideCheck::Missing,
        SideOutcome::NoCountry | SideOutcome::WrongCountry | SideOutcome::WrongSector => {
            SideCheck::Wrong
        }
    }
}

/// Whether an actor is the gold country or organisation `code`.
pub fn actor_is(actor: &Actor, code: &str) -> bool {
    if actor.country.as_deref() == Some(code) || actor.org.as_deref() == Some(code) {
        return true;
    }
    let Some(org) = actor.org.as_deref() else {
        return false;
    };
    match code {
        "UN" => UN_FAMILY.contains(&org),
        _ => false,
    }
}

/// dyad's organisation codes of the United Nations and its organs and
/// agencies: a gold side "UN" accepts any of them.
const UN_FAMILY: [&str; 24] = [
    "UNO", "UNSC", "UNGA", "UNSG", "UNHRC", "OHCHR", "UNHCR", "UNICEF", "WFP", "WHO", "IAEA",
    "UNESCO", "FAO", "ILO", "IOM", "UNRWA", "OCHA", "UNDP", "UNEP", "UNIFIL", "MONUSCO", "UNMISS",
    "MINUSMA", "UNPEACE",
];

/// Factuality classes that must agree: asserted ≈ reported (0), negated
/// (1), hypothetical ≈ intended (2), denied (3).
fn factuality_class(f: Factuality) -> u8 {
    match f {
        Factuality::Asserted | Factuality::Reported => 0,
        Factuality::Negated => 1,
        Factuality::Hypothetical | Factuality::Intended => 2,
        Factuality::Denied => 3,
    }
}

fn gold_factuality_class(f: &str) -> u8 {
    match f {
        "negated" => 1,
        "hypothetical" | "intended" => 2,
        "denied" => 3,
        _ => 0,
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn describe_side(side: &[EventActor]) -> String {
    if side.is_empty() {
        return "-".into();
    }
    side.iter()
        .map(|a| format!("{}[{}]", a.text, a.actor.code()))
        .collect::<Vec<_>>()
        .join("+")
}

fn describe_event(ev: &Event) -> String {
    format!(
        "{} {} -> {} ({}, trigger '{}', rule {}, conf {:.2})",
        ev.plover,
        describe_side(&ev.source),
        describe_side(&ev.target),
        ev.factuality.as_str(),
        ev.provenance.trigger_text,
        ev.provenance.rule,
        ev.provenance.confidence
    )
}

fn describe_gold_side(a: &Option<GoldActor>) -> String {
    match a {
        None => "-".into(),
        Some(a) => format!(
            "{}[{}{}]",
            a.text.as_deref().unwrap_or("?"),
            a.country.as_deref().unwrap_or("*"),
            a.sector.as_deref().unwrap_or("")
        ),
    }
}

fn describe_gold(ge: &GoldEvent) -> String {
    format!(
        "{}{} {} -> {} ({}, trigger '{}'{})",
        ge.plover,
        ge.alt_plover
            .as_deref()
            .map(|a| format!("/{a}"))
            .unwrap_or_default(),
        describe_gold_side(&ge.source),
        describe_gold_side(&ge.target),
        ge.factuality,
        ge.trigger.as_deref().unwrap_or(""),
        if ge.required { ", required" } else { "" }
    )
}

/// A text with whitespace removed and quotes and dashes folded, mapped back
/// to byte offsets, so a gold sentence is found whatever the cleaning did
/// to spacing and typography.
struct Normalized {
    chars: String,
    /// Byte offset in the original text of the character each byte of
    /// `chars` came from.
    offsets: Vec<usize>,
    /// Where that character ends in the original text.
    ends: Vec<usize>,
}

impl Normalized {
    fn new(text: &str) -> Normalized {
        let mut chars = String::with_capacity(text.len());
        let mut offsets = Vec::with_capacity(text.len());
        let mut ends = Vec::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let f = fold(c);
            let before = chars.len();
            chars.push(f);
            for _ in before..chars.len() {
                offsets.push(i);
                ends.push(i + c.len_utf8());
            }
        }
        Normalized {
            chars,
            offsets,
            ends,
        }
    }

    /// The span of `sentence` in the original text.
    fn find(&self, sentence: &str) -> Option<Span> {
        let needle: String = sentence
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(fold)
            .collect();
        if needle.is_empty() {
            return None;
        }
        let at = self.chars.find(&needle)?;
        Some(Span::new(
            self.offsets[at],
            self.ends[at + needle.len() - 1],
        ))
    }
}

fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c,
    }
}

impl EventsReport {
    /// The report as text; `errors` adds every unmatched event and every
    /// missed required event.
    pub fn to_text(&self, errors: bool) -> String {
        let mut s = String::new();
        let line = |name: &str, f: &Figures| {
            format!(
                "{name:<12} sentences {:>4}  events {:>4}  correct {:>4}  precision {:.3}  required {:>3}  found {:>3}  recall {:.3}  F1 {:.3}\n",
                f.sentences, f.events, f.correct, f.precision, f.required, f.required_found, f.recall, f.f1
            )
        };
        s.push_str(&format!(
            "gold sentences: {} ({} not aligned{})\n",
            self.gold_sentences,
            self.unaligned.len(),
            if self.unaligned.is_empty() {
                String::new()
            } else {
                format!(": {}", self.unaligned.join(", "))
            }
        ));
        s.push_str(&line("all", &self.all));
        s.push_str(&line("even half", &self.half_even));
        s.push_str(&line("odd half", &self.half_odd));
        s.push_str("\nper type:     coded correct precision | required found recall\n");
        for (t, f) in &self.per_type {
            s.push_str(&format!(
                "  {t:<10} {:>6} {:>7} {:>9.3} | {:>8} {:>5} {:>6.3}\n",
                f.coded,
                f.correct,
                ratio(f.correct, f.coded),
                f.required,
                f.found,
                ratio(f.found, f.required)
            ));
        }
        s.push_str("\nunmatched events by first error:\n");
        for k in ErrorKind::ALL {
            s.push_str(&format!(
                "  {:<13} {}\n",
                k.as_str(),
                self.errors.get(k.as_str()).copied().unwrap_or(0)
            ));
        }
        s.push('\n');
        s.push_str(&self.actors.to_text());
        s.push_str("\nreliability (confidence → share correct):\n");
        for b in &self.reliability {
            s.push_str(&format!(
                "  [{:.1}, {:.1}{}  events {:>4}  correct {:>4}  share {:.3}\n",
                b.from,
                b.to,
                if b.to >= 1.0 { "]" } else { ")" },
                b.events,
                b.correct,
                ratio(b.correct, b.events)
            ));
        }
        s.push('\n');
        s.push_str(&self.where_when.to_text());
        s.push_str("by trigger (trigger words overlap; type, sides and factuality not required): ");
        s.push_str(&self.where_when_by_trigger.to_text());
        for (name, h) in ["even", "odd"]
            .iter()
            .zip(&self.where_when_by_trigger_halves)
        {
            s.push_str(&format!(
                "  {name} half: pairs {}, place P {}/{} R {}/{}, date right {}/{} recall {}/{}, past at article date {}/{}\n",
                h.matched,
                h.fine_right,
                h.fine_given,
                h.gold_placed_right,
                h.gold_placed,
                h.date_right,
                h.matched,
                h.gold_dated_right,
                h.gold_dated,
                h.past_at_article_date,
                h.past_acts
            ));
        }
        if errors {
            s.push_str("\nunmatched events:\n");
            for e in &self.error_list {
                s.push_str(&format!(
                    "- [{}] {}\n    sentence: {}\n    coded:    {}\n",
                    e.kind.as_str(),
                    e.gold_id,
                    e.sentence,
                    e.event
                ));
                if let Some(g) = &e.closest_gold {
                    s.push_str(&format!("    gold:     {g}\n"));
                }
            }
            s.push_str("\nmatched events:\n");
            for e in &self.matched {
                s.push_str(&format!(
                    "- {}\n    sentence: {}\n    coded:    {}\n    gold:     {}\n",
                    e.gold_id,
                    e.sentence,
                    e.event,
                    e.closest_gold.as_deref().unwrap_or("")
                ));
            }
            s.push_str("\nmatched events with a wrong place, date or historical flag:\n");
            for m in &self.where_when_misses {
                s.push_str(&format!(
                    "- [{}] {}\n    sentence: {}\n    gold:     {}\n    coded:    {}\n",
                    m.what, m.gold_id, m.sentence, m.gold, m.coded
                ));
            }
            s.push_str("\npairs by trigger with a wrong place, date or historical flag:\n");
            for m in &self.where_when_by_trigger_misses {
                s.push_str(&format!(
                    "- [{}] {}\n    sentence: {}\n    gold:     {}\n    coded:    {}\n",
                    m.what, m.gold_id, m.sentence, m.gold, m.coded
                ));
            }
            s.push_str("\ntype-matched events with a wrong side:\n");
            for m in &self.actor_misses {
                s.push_str(&format!(
                    "- [source {}, target {}] {}\n    sentence: {}\n    coded:    {}\n    gold:     {}\n",
                    m.source.as_str(),
                    m.target.as_str(),
                    m.gold_id,
                    m.sentence,
                    m.coded,
                    m.gold
                ));
            }
            s.push_str("\nrequired events not found:\n");
            for m in &self.missed {
                s.push_str(&format!(
                    "- {}\n    sentence: {}\n    gold:     {}\n",
                    m.gold_id, m.sentence, m.gold
                ));
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_find_ignores_spacing_and_typography() {
        let text = "First one.  He said \u{201C}no\u{201D} \u{2013} twice.\nLast.";
        let n = Normalized::new(text);
        let span = n.find("He said \"no\" - twice.").expect("found");
        assert_eq!(
            span.slice(text),
            "He said \u{201C}no\u{201D} \u{2013} twice."
        );
        assert!(n.find("Not there.").is_none());
    }

    #[test]
    fn factuality_classes() {
        assert_eq!(
            factuality_class(Factuality::Reported),
            gold_factuality_class("asserted")
        );
        assert_eq!(
            factuality_class(Factuality::Intended),
            gold_factuality_class("hypothetical")
        );
        assert_ne!(
            factuality_class(Factuality::Negated),
            gold_factuality_class("asserted")
        );
    }
}
