//! Scoring against outside PLOVER gold with marked actors: `dyad eval plv`.
//!
//! Each row of the PLV file (Hu et al., ACL 2024) is a sentence with a
//! marked source (`<s>…</s>`), a marked target (`<t>…</t>`) and the gold
//! PLOVER root (`YIELD` = CONCEDE or RETREAT). A row is found when, among the
//! coded events whose source and target each have their head word inside the
//! marked spans, the most confident one has the gold type. Pure: the CLI
//! reads the file and codes the sentences.

use std::collections::BTreeMap;

use dyad_core::{Event, EventActor, Span};
use serde::Serialize;

/// One row: a sentence with one marked pair and the gold type.
#[derive(Debug, Clone)]
pub struct PlvRow {
    /// The sentence without marks.
    pub sentence: String,
    /// Byte span of the marked source in `sentence` (`None`: not marked;
    /// 24 rows of the PLV file mark only one side).
    pub source: Option<Span>,
    /// Byte span of the marked target in `sentence` (`None`: not marked).
    pub target: Option<Span>,
    /// Gold PLOVER root.
    pub gold: String,
}

/// Why a row could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlvRowError(pub String);

impl PlvRow {
    /// Reads a marked sentence (`<s>…</s>` and `<t>…</t>`) and its gold root.
    pub fn from_marked(marked: &str, gold: &str) -> Result<PlvRow, PlvRowError> {
        let mut sentence = String::with_capacity(marked.len());
        let mut source = (None, None);
        let mut target = (None, None);
        let mut rest = marked;
        while let Some(i) = rest.find('<') {
            sentence.push_str(&rest[..i]);
            let tail = &rest[i..];
            let tag = ["<s>", "</s>", "<t>", "</t>"]
                .into_iter()
                .find(|t| tail.starts_with(t));
            match tag {
                Some("<s>") => source.0 = Some(sentence.len()),
                Some("</s>") => source.1 = Some(sentence.len()),
                Some("<t>") => target.0 = Some(sentence.len()),
                Some("</t>") => target.1 = Some(sentence.len()),
                _ => {
                    sentence.push('<');
                    rest = &tail[1..];
                    continue;
                }
            }
            rest = &tail[tag.map_or(1, str::len)..];
        }
        sentence.push_str(rest);
        let span = |p: (Option<usize>, Option<usize>), which: &str| match p {
            (Some(a), Some(b)) if a < b => Ok(Some(Span::new(a, b))),
            (None, None) => Ok(None),
            _ => Err(PlvRowError(format!("no well-formed {which} mark"))),
        };
        let (source, target) = (span(source, "source")?, span(target, "target")?);
        if source.is_none() && target.is_none() {
            return Err(PlvRowError("neither source nor target is marked".into()));
        }
        Ok(PlvRow {
            source,
            target,
            sentence,
            gold: gold.trim().to_string(),
        })
    }
}

/// Per-type figures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PlvTypeFigures {
    /// Rows of the gold type.
    pub rows: usize,
    /// Rows where some event joins the marked pair.
    pub pair_found: usize,
    /// Rows found (pair and type).
    pub found: usize,
    /// Rows not found, by why ([`PlvMiss`] names).
    pub misses: BTreeMap<String, usize>,
}

/// The report of `dyad eval plv`.
#[derive(Debug, Clone, Serialize)]
pub struct PlvReport {
    /// Rows scored.
    pub rows: usize,
    /// Rows where some event joins the marked source to the marked target.
    pub pair_found: usize,
    /// Rows found: the surest such event has the gold type.
    pub found: usize,
    /// found / rows.
    pub recall: f64,
    /// found / pair_found.
    pub type_accuracy: f64,
    /// Events whose type is none of its sentence's gold types, per row.
    pub other_type_per_row: f64,
    /// Per gold type.
    pub per_type: BTreeMap<String, PlvTypeFigures>,
    /// Rows not found, by why ([`PlvMiss`] names).
    pub misses: BTreeMap<String, usize>,
    /// Rows with no event at all in their sentence (whatever their
    /// category: a marked side that is no actor usually means no event).
    pub no_event_rows: usize,
    /// Every row not found, in file order.
    pub errors: Vec<PlvError>,
}

/// Why a row was not found, one category a row, the first that applies in
/// this order (the order of the variants).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlvMiss {
    /// Some event joins the marked pair, but the surest one has another type.
    WrongType,
    /// The actor stage recognised no actor whose head word lies in the
    /// marked source, so no event can join it.
    SourceNotActor,
    /// The same for the marked target.
    TargetNotActor,
    /// Both marked sides are actors, but the sentence has no event at all.
    NoEvent,
    /// No event has its source on the marked source, and the events that
    /// could have (those on the marked target, else all) have no source.
    SourceMissing,
    /// No event has its source on the marked source; some have another.
    SourceOther,
    /// Events have their source on the marked source, but none a target on
    /// the marked target, and they have no target.
    TargetMissing,
    /// Events have their source on the marked source and another target.
    TargetOther,
}

impl PlvMiss {
    /// The category's name in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            PlvMiss::WrongType => "wrong-type",
            PlvMiss::SourceNotActor => "source-not-actor",
            PlvMiss::TargetNotActor => "target-not-actor",
            PlvMiss::NoEvent => "no-event",
            PlvMiss::SourceMissing => "source-missing",
            PlvMiss::SourceOther => "source-other",
            PlvMiss::TargetMissing => "target-missing",
            PlvMiss::TargetOther => "target-other",
        }
    }
}

/// A row not found, for `dyad eval plv --errors`.
#[derive(Debug, Clone, Serialize)]
pub struct PlvError {
    /// Row number in the file (1 = first data row).
    pub row: usize,
    /// Why.
    pub category: PlvMiss,
    /// Gold type.
    pub gold: String,
    /// The sentence with the marks put back.
    pub marked: String,
    /// Type of the surest event joining the pair (`wrong-type` only).
    pub coded_type: Option<String>,
    /// Every event of the sentence: "TYPE source -> target (confidence,
    /// factuality, trigger)".
    pub events: Vec<String>,
    /// Actor mentions the actor stage found in the sentence: "text=CODE".
    pub mentions: Vec<String>,
    /// For a marked side that is no actor: what the actor stage finds in
    /// the marked text alone (filled in by the caller, which has the engine).
    pub alone: Vec<String>,
}

/// An actor mention as the PLV scorer sees it.
#[derive(Debug, Clone)]
pub struct PlvMention {
    /// Where it is in the sentence.
    pub span: Span,
    /// The text as written.
    pub text: String,
    /// Its actor code (`Actor::code`), possibly empty.
    pub code: String,
    /// For a pronoun or other coreferent mention: the mentions it was
    /// resolved to (its antecedent, that one's antecedent, ...), as span and
    /// text in the sentence.
    pub antecedents: Vec<(Span, String)>,
}

/// What the coder made of one sentence.
#[derive(Debug, Clone, Default)]
pub struct PlvCoded {
    /// Events (all factualities), spans into the sentence.
    pub events: Vec<Event>,
    /// Actor mentions of the actor stage, spans into the sentence.
    pub mentions: Vec<PlvMention>,
}

/// Counts largest first (ties by name).
fn sorted_counts(m: &BTreeMap<String, usize>) -> Vec<(&str, usize)> {
    let mut v: Vec<(&str, usize)> = m.iter().map(|(k, &n)| (k.as_str(), n)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v
}

/// Whether a coded type is the gold root.
pub fn plv_type_matches(plover: &str, gold: &str) -> bool {
    plover == gold || (gold == "YIELD" && matches!(plover, "CONCEDE" | "RETREAT"))
}

/// Byte offset of the head word of an actor mention: its last word, a
/// possessive 's set aside ("Iran's foreign minister" → "minister").
fn head_offset(a: &EventActor) -> usize {
    head_of(&a.text, a.span)
}

/// [`head_offset`] for a mention's text and span.
fn head_of(text: &str, span: Span) -> usize {
    let text = text.trim_end();
    let text = text
        .strip_suffix("'s")
        .or_else(|| text.strip_suffix("\u{2019}s"))
        .unwrap_or(text)
        .trim_end();
    let last = text.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
    span.start + last
}

/// Whether a head offset lies in the marked span.
fn head_in(h: usize, marked: Span) -> bool {
    marked.start <= h && h < marked.end
}

/// Whether a side has its head word in the marked span, itself or through
/// the mention a pronoun of it was resolved to ("Gilani said he had rejected
/// ...": the side "he" is Gilani); an unmarked side (`None`) puts no
/// condition on the event.
fn side_in(side: &[EventActor], marked: Option<Span>, mentions: &[PlvMention]) -> bool {
    let Some(marked) = marked else {
        return true;
    };
    side.iter().any(|a| {
        head_in(head_offset(a), marked)
            || mentions.iter().any(|m| {
                m.span == a.span
                    && m.antecedents
                        .iter()
                        .any(|(sp, text)| head_in(head_of(text, *sp), marked))
            })
    })
}

/// Whether the actor stage (or the coder, through an event side) put an
/// actor head inside the marked span; an unmarked side always passes.
fn recognised(coded: &PlvCoded, marked: Option<Span>) -> bool {
    let Some(marked) = marked else {
        return true;
    };
    coded
        .mentions
        .iter()
        .any(|m| head_in(head_of(&m.text, m.span), marked))
        || coded.events.iter().any(|e| {
            side_in(&e.source, Some(marked), &coded.mentions)
                || side_in(&e.target, Some(marked), &coded.mentions)
        })
}

/// Why a row with no event joining its pair was missed (see [`PlvMiss`]).
fn miss_category(r: &PlvRow, coded: &PlvCoded) -> PlvMiss {
    if !recognised(coded, r.source) {
        return PlvMiss::SourceNotActor;
    }
    if !recognised(coded, r.target) {
        return PlvMiss::TargetNotActor;
    }
    let evs = &coded.events;
    if evs.is_empty() {
        return PlvMiss::NoEvent;
    }
    let on_source: Vec<&Event> = evs
        .iter()
        .filter(|e| side_in(&e.source, r.source, &coded.mentions))
        .collect();
    if on_source.is_empty() {
        let on_target: Vec<&Event> = evs
            .iter()
            .filter(|e| side_in(&e.target, r.target, &coded.mentions))
            .collect();
        let pool: Vec<&Event> = if on_target.is_empty() {
            evs.iter().collect()
        } else {
            on_target
        };
        return if pool.iter().all(|e| e.source.is_empty()) {
            PlvMiss::SourceMissing
        } else {
            PlvMiss::SourceOther
        };
    }
    if on_source.iter().all(|e| e.target.is_empty()) {
        PlvMiss::TargetMissing
    } else {
        PlvMiss::TargetOther
    }
}

/// The sentence with `<s>`/`<t>` marks put back.
fn marked_text(r: &PlvRow) -> String {
    let mut marks: Vec<(usize, bool, &str)> = Vec::new();
    if let Some(s) = r.source {
        marks.push((s.start, true, "<s>"));
        marks.push((s.end, false, "</s>"));
    }
    if let Some(t) = r.target {
        marks.push((t.start, true, "<t>"));
        marks.push((t.end, false, "</t>"));
    }
    // closing marks before opening ones at the same offset
    marks.sort_by_key(|&(at, open, _)| (at, open));
    let mut out = String::with_capacity(r.sentence.len() + 16);
    let mut last = 0;
    for (at, _, m) in marks {
        out.push_str(&r.sentence[last..at]);
        out.push_str(m);
        last = at;
    }
    out.push_str(&r.sentence[last..]);
    out
}

/// One event as the error listing shows it.
fn describe(e: &Event) -> String {
    let side = |s: &[EventActor]| {
        if s.is_empty() {
            "-".to_string()
        } else {
            s.iter()
                .map(|a| format!("{}={}", a.text, a.actor.code()))
                .collect::<Vec<_>>()
                .join(" + ")
        }
    };
    format!(
        "{} {} -> {} ({:.2}, {:?}, {:?}, {})",
        e.plover,
        side(&e.source),
        side(&e.target),
        e.provenance.confidence,
        e.factuality,
        e.provenance.trigger_text,
        e.provenance.rule
    )
}

/// Scores rows against what was coded from their sentences; `coded[i]` is
/// what the coder made of `rows[i].sentence`, spans into that sentence.
pub fn score_plv(rows: &[PlvRow], coded: &[PlvCoded]) -> PlvReport {
    let mut per_type: BTreeMap<String, PlvTypeFigures> = BTreeMap::new();
    let (mut pair_found, mut found) = (0, 0);
    let mut gold_types: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for r in rows {
        gold_types
            .entry(r.sentence.as_str())
            .or_default()
            .push(r.gold.as_str());
    }
    let mut other = 0usize;
    let mut no_event_rows = 0usize;
    let mut misses: BTreeMap<String, usize> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut seen_sentences: BTreeMap<&str, ()> = BTreeMap::new();
    for (i, (r, c)) in rows.iter().zip(coded).enumerate() {
        let evs = &c.events;
        let t = per_type.entry(r.gold.clone()).or_default();
        t.rows += 1;
        if evs.is_empty() {
            no_event_rows += 1;
        }
        let best = evs
            .iter()
            .filter(|e| {
                side_in(&e.source, r.source, &c.mentions)
                    && side_in(&e.target, r.target, &c.mentions)
            })
            .max_by(|a, b| {
                a.provenance
                    .confidence
                    .total_cmp(&b.provenance.confidence)
                    .then(b.provenance.trigger.start.cmp(&a.provenance.trigger.start))
            });
        let miss = match best {
            Some(best) => {
                pair_found += 1;
                t.pair_found += 1;
                if plv_type_matches(&best.plover, &r.gold) {
                    found += 1;
                    t.found += 1;
                    None
                } else {
                    Some((PlvMiss::WrongType, Some(best.plover.clone())))
                }
            }
            None => Some((miss_category(r, c), None)),
        };
        if let Some((category, coded_type)) = miss {
            *t.misses.entry(category.as_str().to_string()).or_default() += 1;
            *misses.entry(category.as_str().to_string()).or_default() += 1;
            errors.push(PlvError {
                row: i + 1,
                category,
                gold: r.gold.clone(),
                marked: marked_text(r),
                coded_type,
                events: evs.iter().map(describe).collect(),
                mentions: c
                    .mentions
                    .iter()
                    .map(|m| format!("{}={}", m.text, m.code))
                    .collect(),
                alone: Vec::new(),
            });
        }
        if seen_sentences.insert(r.sentence.as_str(), ()).is_none() {
            let golds = &gold_types[r.sentence.as_str()];
            other += evs
                .iter()
                .filter(|e| !golds.iter().any(|g| plv_type_matches(&e.plover, g)))
                .count();
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    PlvReport {
        rows: rows.len(),
        pair_found,
        found,
        recall: ratio(found, rows.len()),
        type_accuracy: ratio(found, pair_found),
        other_type_per_row: ratio(other, rows.len()),
        per_type,
        misses,
        no_event_rows,
        errors,
    }
}

impl PlvReport {
    /// The report as text.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "rows {}  pair found {}  found (type + both actors) {}\nrecall {:.3}  type accuracy when the pair is found {:.3}  other-type events per row {:.2}\n\nper type:    rows  pair  found  recall  type-acc\n",
            self.rows, self.pair_found, self.found, self.recall, self.type_accuracy, self.other_type_per_row
        );
        for (t, f) in &self.per_type {
            let r = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
            s.push_str(&format!(
                "  {t:<10} {:>4} {:>5} {:>6} {:>7.3} {:>9.3}\n",
                f.rows,
                f.pair_found,
                f.found,
                r(f.found, f.rows),
                r(f.found, f.pair_found)
            ));
        }
        let missed = self.rows - self.found;
        s.push_str(&format!(
            "\nrows not found {missed}, by why (first that applies; rows with no event at all in the sentence: {}):\n",
            self.no_event_rows
        ));
        for (c, n) in sorted_counts(&self.misses) {
            s.push_str(&format!("  {c:<17} {n:>4}\n"));
        }
        s.push_str("\nper type, the top reasons not found:\n");
        for (t, f) in &self.per_type {
            let top: Vec<String> = sorted_counts(&f.misses)
                .into_iter()
                .take(3)
                .map(|(c, n)| format!("{c} {n}"))
                .collect();
            s.push_str(&format!(
                "  {t:<10} {:>4} missed: {}\n",
                f.rows - f.found,
                top.join(", ")
            ));
        }
        s
    }

    /// Every row not found, grouped by category (largest first), for
    /// `--errors`.
    pub fn errors_text(&self) -> String {
        let mut s = String::new();
        for (c, n) in sorted_counts(&self.misses) {
            s.push_str(&format!("\n== {c} ({n})\n"));
            for e in self.errors.iter().filter(|e| e.category.as_str() == c) {
                s.push_str(&format!("\nrow {}  gold {}", e.row, e.gold));
                if let Some(t) = &e.coded_type {
                    s.push_str(&format!("  coded {t}"));
                }
                s.push_str(&format!("\n  {}\n", e.marked));
                for ev in &e.events {
                    s.push_str(&format!("  event: {ev}\n"));
                }
                if matches!(
                    e.category,
                    PlvMiss::SourceNotActor | PlvMiss::TargetNotActor
                ) {
                    s.push_str(&format!("  actors: {}\n", e.mentions.join("; ")));
                    s.push_str(&format!(
                        "  marked text alone: {}\n",
                        if e.alone.is_empty() {
                            "no actor".to_string()
                        } else {
                            e.alone.join("; ")
                        }
                    ));
                }
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_events::event;

    #[test]
    fn marks_become_spans() {
        let r = PlvRow::from_marked("<s>Iran</s> condemned <t>the US</t> <today>.", "ACCUSE")
            .expect("row");
        assert_eq!(r.sentence, "Iran condemned the US <today>.");
        assert_eq!(r.source.map(|s| s.slice(&r.sentence)), Some("Iran"));
        assert_eq!(r.target.map(|s| s.slice(&r.sentence)), Some("the US"));
        assert!(PlvRow::from_marked("<s>Iran condemned", "ACCUSE").is_err());
        let one = PlvRow::from_marked("<s>UN officials</s> complained.", "ACCUSE").expect("row");
        assert!(one.target.is_none());
    }

    #[test]
    fn yield_is_concede_or_retreat() {
        assert!(plv_type_matches("RETREAT", "YIELD"));
        assert!(plv_type_matches("CONCEDE", "YIELD"));
        assert!(!plv_type_matches("AGREE", "YIELD"));
    }

    fn side(name: &str, sentence: &str) -> Vec<EventActor> {
        let at = sentence.find(name).expect("name in sentence");
        vec![EventActor {
            actor: dyad_core::Actor {
                name: name.into(),
                country: Some("XXX".into()),
                ..Default::default()
            },
            text: name.into(),
            span: Span::new(at, at + name.len()),
        }]
    }

    fn mention(name: &str, sentence: &str) -> PlvMention {
        let at = sentence.find(name).expect("name in sentence");
        PlvMention {
            span: Span::new(at, at + name.len()),
            text: name.into(),
            code: "XXX".into(),
            antecedents: Vec::new(),
        }
    }

    #[test]
    fn misses_are_put_in_the_first_category_that_applies() {
        let row = PlvRow::from_marked(
            "<s>The Ruritanian army</s> shelled <t>the rebels</t> near Zenda.",
            "ASSAULT",
        )
        .expect("row");
        let s = row.sentence.clone();
        let army = || side("army", &s);
        let rebels = || side("rebels", &s);
        let zenda = || side("Zenda", &s);
        let both = vec![
            mention("The Ruritanian army", &s),
            mention("the rebels", &s),
        ];
        let case = |events: Vec<Event>, mentions: Vec<PlvMention>| {
            let r = score_plv(std::slice::from_ref(&row), &[PlvCoded { events, mentions }]);
            r.errors.first().map(|e| e.category)
        };
        assert_eq!(
            case(vec![event("ASSAULT", army(), rebels())], both.clone()),
            None
        );
        assert_eq!(
            case(vec![event("COERCE", army(), rebels())], both.clone()),
            Some(PlvMiss::WrongType)
        );
        assert_eq!(
            case(vec![], vec![mention("the rebels", &s)]),
            Some(PlvMiss::SourceNotActor)
        );
        assert_eq!(
            case(vec![], vec![mention("The Ruritanian army", &s)]),
            Some(PlvMiss::TargetNotActor)
        );
        assert_eq!(case(vec![], both.clone()), Some(PlvMiss::NoEvent));
        assert_eq!(
            case(vec![event("ASSAULT", vec![], rebels())], both.clone()),
            Some(PlvMiss::SourceMissing)
        );
        assert_eq!(
            case(vec![event("ASSAULT", zenda(), rebels())], both.clone()),
            Some(PlvMiss::SourceOther)
        );
        assert_eq!(
            case(vec![event("ASSAULT", army(), vec![])], both.clone()),
            Some(PlvMiss::TargetMissing)
        );
        assert_eq!(
            case(vec![event("ASSAULT", army(), zenda())], both),
            Some(PlvMiss::TargetOther)
        );
    }

    #[test]
    fn a_pronoun_side_joins_the_span_of_the_mention_it_was_resolved_to() {
        let row = PlvRow::from_marked(
            "<s>The Ruritanian queen</s> said she had rejected <t>the rebels</t>.",
            "REJECT",
        )
        .expect("row");
        let s = row.sentence.clone();
        let she = side("she", &s);
        let rebels = side("rebels", &s);
        let queen = mention("The Ruritanian queen", &s);
        let mut pronoun = mention("she", &s);
        let score = |mentions: Vec<PlvMention>| {
            let events = vec![event("REJECT", she.clone(), rebels.clone())];
            score_plv(std::slice::from_ref(&row), &[PlvCoded { events, mentions }]).found
        };
        // unresolved, "she" lies outside the marked source
        assert_eq!(score(vec![queen.clone(), pronoun.clone()]), 0);
        pronoun.antecedents = vec![(queen.span, queen.text.clone())];
        assert_eq!(score(vec![queen, pronoun]), 1);
    }

    #[test]
    fn the_marks_are_put_back_for_the_listing() {
        let m = "<s>Iran</s> condemned <t>the US</t>.";
        let r = PlvRow::from_marked(m, "ACCUSE").expect("row");
        assert_eq!(marked_text(&r), m);
    }
}
