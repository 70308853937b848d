//! Scoring coded events against the gold formats of `../shared`: seeds
//! expectations and labelled PLOVER stories (here), whole events on real
//! news ([`events`]) and outside PLOVER gold with marked actors ([`plv`]).
//! Pure: the CLI reads the files and runs the engine; these modules only
//! compare.

pub mod events;
pub mod plv;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use dyad_core::{ontology, Event, EventActor};
use serde::{Deserialize, Serialize};

/// A country expectation: one code or a list of accepted codes.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    /// One code.
    One(String),
    /// Accepted codes.
    Many(Vec<String>),
}

impl OneOrMany {
    fn codes(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(c) => vec![c.as_str()],
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// An expected actor.
#[derive(Debug, Clone, Deserialize)]
pub struct ExpectedActor {
    /// Accepted country (or IGO) codes.
    pub country: Option<OneOrMany>,
}

/// One line of `seeds.expected.jsonl`.
#[derive(Debug, Clone, Deserialize)]
pub struct ExpectedLine {
    /// Article file name.
    pub doc: String,
    /// `doc_date_inference` for date lines.
    pub kind: Option<String>,
    /// True publication date.
    pub doc_date: Option<String>,
    /// Expected inferred date.
    pub expect: Option<String>,
    /// Lower bound for the inferred date.
    pub expect_not_before: Option<String>,
    /// Expectation id.
    pub id: Option<String>,
    /// Must be found.
    #[serde(default)]
    pub required: bool,
    /// Must not be found as a factual event.
    #[serde(default)]
    pub forbidden: bool,
    /// PLOVER type.
    pub plover: Option<String>,
    /// CAMEO root.
    pub cameo_root: Option<String>,
    /// Other accepted CAMEO roots.
    #[serde(default)]
    pub alt_cameo_roots: Vec<String>,
    /// Source expectation.
    pub source: Option<ExpectedActor>,
    /// Target expectation.
    pub target: Option<ExpectedActor>,
    /// Source and target may be swapped.
    #[serde(default)]
    pub symmetric: bool,
    /// YYYY-MM-DD or YYYY-MM.
    pub date: Option<String>,
    /// Tolerance in days.
    pub date_tolerance_days: Option<i64>,
}

/// The coding of one seed article.
#[derive(Debug, Clone)]
pub struct SeedRun {
    /// Article file name.
    pub doc: String,
    /// Events coded with the true date.
    pub events: Vec<Event>,
    /// Date inferred when no date was given.
    pub inferred_date: Option<NaiveDate>,
}

/// The seeds report (`--json` prints it).
#[derive(Debug, Clone, Serialize)]
pub struct SeedsReport {
    /// Required expectations.
    pub required: usize,
    /// Required expectations found.
    pub found: usize,
    /// Forbidden expectations produced as factual events.
    pub forbidden_hits: usize,
    /// Factual events matching no expectation.
    pub unlisted: usize,
    /// Document-date expectations met.
    pub doc_dates_ok: usize,
    /// Document-date expectations.
    pub doc_dates: usize,
    /// Per required expectation: id → matching event summary, or null.
    pub required_detail: BTreeMap<String, Option<String>>,
    /// Forbidden hits: id → event summary.
    pub forbidden_detail: BTreeMap<String, String>,
    /// Summaries of unlisted events.
    pub unlisted_detail: Vec<String>,
    /// Per document: inferred date and verdict.
    pub doc_date_detail: BTreeMap<String, String>,
}

/// Documents named in the expectations, in first-seen order.
pub fn seed_docs(expected: &[ExpectedLine]) -> Vec<String> {
    let mut docs: Vec<String> = Vec::new();
    for e in expected {
        if !docs.contains(&e.doc) {
            docs.push(e.doc.clone());
        }
    }
    docs
}

/// The true publication date of a seed document.
pub fn seed_date(expected: &[ExpectedLine], doc: &str) -> Option<NaiveDate> {
    expected
        .iter()
        .filter(|e| e.doc == doc)
        .find_map(|e| e.doc_date.as_deref())
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

fn actor_matches(actors: &[EventActor], expected: Option<&ExpectedActor>) -> bool {
    let Some(codes) = expected
        .and_then(|e| e.country.as_ref())
        .map(OneOrMany::codes)
    else {
        return true;
    };
    actors.iter().any(|a| {
        let country_ok = a
            .actor
            .country
            .as_deref()
            .is_some_and(|c| codes.contains(&c));
        let igo = codes.iter().any(|c| matches!(*c, "IGO" | "UNO" | "UN"));
        let igo_ok = igo
            && (a.actor.sectors.iter().any(|s| s == "IGO")
                || a.actor
                    .org
                    .as_deref()
                    .is_some_and(|o| codes.contains(&o) || o.starts_with("UN")));
        country_ok || igo_ok
    })
}

fn date_window(date: &str) -> Option<(NaiveDate, NaiveDate)> {
    if let Ok(d) = NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        return Some((d, d));
    }
    let first = NaiveDate::parse_from_str(&format!("{date}-01"), "%Y-%m-%d").ok()?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    Some((first, next.pred_opt()?))
}

/// Does `ev` satisfy expectation `e`?
pub fn event_matches(ev: &Event, e: &ExpectedLine) -> bool {
    let root = ontology::cameo_root(&ev.cameo).unwrap_or("");
    let type_ok = e.plover.as_deref() == Some(ev.plover.as_str())
        || e.cameo_root.as_deref() == Some(root)
        || e.alt_cameo_roots.iter().any(|r| r == root);
    if !type_ok {
        return false;
    }
    let forward = actor_matches(&ev.source, e.source.as_ref())
        && actor_matches(&ev.target, e.target.as_ref());
    let backward = e.symmetric
        && actor_matches(&ev.target, e.source.as_ref())
        && actor_matches(&ev.source, e.target.as_ref());
    if !(forward || backward) {
        return false;
    }
    match (
        e.date.as_deref().and_then(date_window),
        e.date_tolerance_days,
    ) {
        (Some((start, end)), tol) => {
            let tol = chrono::Duration::days(tol.unwrap_or(0));
            let d = ev.date.date;
            d >= start - tol && d <= end + tol
        }
        _ => true,
    }
}

fn summary(ev: &Event) -> String {
    let codes = |l: &[EventActor]| {
        l.iter()
            .map(|a| a.actor.code())
            .collect::<Vec<_>>()
            .join("+")
    };
    format!(
        "{}#{} {} {} {}→{} {} [{}] '{}' {:.2}",
        ev.provenance.doc_id,
        ev.provenance.sentence,
        ev.plover,
        ev.cameo,
        codes(&ev.source),
        codes(&ev.target),
        ev.date.date,
        ev.provenance.rule,
        ev.provenance.trigger_text,
        ev.provenance.confidence
    )
}

/// Scores seed runs against the expectations.
pub fn score_seeds(expected: &[ExpectedLine], runs: &[SeedRun]) -> SeedsReport {
    let mut report = SeedsReport {
        required: 0,
        found: 0,
        forbidden_hits: 0,
        unlisted: 0,
        doc_dates_ok: 0,
        doc_dates: 0,
        required_detail: BTreeMap::new(),
        forbidden_detail: BTreeMap::new(),
        unlisted_detail: Vec::new(),
        doc_date_detail: BTreeMap::new(),
    };
    for run in runs {
        let lines: Vec<&ExpectedLine> = expected.iter().filter(|e| e.doc == run.doc).collect();
        let factual: Vec<&Event> = run
            .events
            .iter()
            .filter(|e| e.factuality.is_factual())
            .collect();
        for e in lines
            .iter()
            .filter(|e| e.kind.as_deref() != Some("doc_date_inference"))
        {
            let id = e.id.clone().unwrap_or_default();
            let hit = factual.iter().find(|ev| event_matches(ev, e));
            if e.required {
                report.required += 1;
                report.found += usize::from(hit.is_some());
                report
                    .required_detail
                    .insert(id.clone(), hit.map(|ev| summary(ev)));
            }
            if e.forbidden {
                if let Some(ev) = hit {
                    report.forbidden_hits += 1;
                    report.forbidden_detail.insert(id, summary(ev));
                }
            }
        }
        for ev in &factual {
            let listed = lines
                .iter()
                .filter(|e| e.kind.as_deref() != Some("doc_date_inference"))
                .any(|e| event_matches(ev, e));
            if !listed {
                report.unlisted += 1;
                report.unlisted_detail.push(summary(ev));
            }
        }
        for e in lines
            .iter()
            .filter(|e| e.kind.as_deref() == Some("doc_date_inference"))
        {
            report.doc_dates += 1;
            let parse = |s: &Option<String>| {
                s.as_deref()
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            };
            let ok = match (
                run.inferred_date,
                parse(&e.expect),
                parse(&e.expect_not_before),
            ) {
                (Some(d), Some(x), _) => d == x,
                (Some(d), None, Some(lo)) => d >= lo,
                _ => false,
            };
            report.doc_dates_ok += usize::from(ok);
            report.doc_date_detail.insert(
                run.doc.clone(),
                format!(
                    "{} ({})",
                    run.inferred_date
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "none".into()),
                    if ok { "ok" } else { "wrong" }
                ),
            );
        }
    }
    report
}

impl SeedsReport {
    /// Human-readable report.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "required found: {}/{}\nforbidden hits: {}\nunlisted factual events: {}\ndocument dates ok: {}/{}\n",
            self.found, self.required, self.forbidden_hits, self.unlisted, self.doc_dates_ok, self.doc_dates
        );
        for (id, hit) in &self.required_detail {
            s.push_str(&format!(
                "  {:<8} {id}: {}\n",
                if hit.is_some() { "FOUND" } else { "MISSING" },
                hit.as_deref().unwrap_or("-")
            ));
        }
        for (id, ev) in &self.forbidden_detail {
            s.push_str(&format!("  FORBIDDEN {id}: {ev}\n"));
        }
        for ev in &self.unlisted_detail {
            s.push_str(&format!("  unlisted {ev}\n"));
        }
        for (doc, d) in &self.doc_date_detail {
            s.push_str(&format!("  date {doc}: {d}\n"));
        }
        s
    }
}

/// One labelled synthetic story.
#[derive(Debug, Clone, Deserialize)]
pub struct PloverStory {
    /// Story id.
    pub id: String,
    /// Headline.
    #[serde(default)]
    pub title: String,
    /// Body.
    #[serde(default)]
    pub text: String,
    /// PLOVER type.
    pub label: String,
}

/// Recall of one type.
#[derive(Debug, Clone, Serialize)]
pub struct TypeRecall {
    /// Stories with this label.
    pub docs: usize,
    /// Share of them with at least one factual event of the label's type.
    pub recall: f64,
}

/// The PLOVER report (`--json` prints it).
#[derive(Debug, Clone, Serialize)]
pub struct PloverReport {
    /// Stories.
    pub docs: usize,
    /// Overall recall.
    pub recall: f64,
    /// Per type.
    pub per_type: BTreeMap<String, TypeRecall>,
    /// Mean number of factual events of other types per story.
    pub other_types_per_doc: f64,
}

/// Scores coded stories (`events[i]` belongs to `stories[i]`).
pub fn score_plover(stories: &[PloverStory], events: &[Vec<Event>]) -> PloverReport {
    let mut per: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut found = 0;
    let mut other = 0;
    for (story, evs) in stories.iter().zip(events) {
        let factual = evs.iter().filter(|e| e.factuality.is_factual());
        let (hits, misses): (Vec<&Event>, Vec<&Event>) =
            factual.partition(|e| e.plover == story.label);
        let hit = !hits.is_empty();
        other += misses.len();
        found += usize::from(hit);
        let entry = per.entry(story.label.clone()).or_default();
        entry.0 += 1;
        entry.1 += usize::from(hit);
    }
    let docs = stories.len();
    PloverReport {
        docs,
        recall: found as f64 / docs.max(1) as f64,
        per_type: per
            .into_iter()
            .map(|(t, (n, k))| {
                (
                    t,
                    TypeRecall {
                        docs: n,
                        recall: k as f64 / n.max(1) as f64,
                    },
                )
            })
            .collect(),
        other_types_per_doc: other as f64 / docs.max(1) as f64,
    }
}

impl PloverReport {
    /// Human-readable report.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "stories: {}\nrecall: {:.3}\nother-type events per story: {:.2}\n",
            self.docs, self.recall, self.other_types_per_doc
        );
        for (t, r) in &self.per_type {
            s.push_str(&format!(
                "  {t:<10} {:>5} stories  recall {:.3}\n",
                r.docs, r.recall
            ));
        }
        s
    }
}
