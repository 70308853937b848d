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
}

/// Whether a coded type is the gold root.
pub fn plv_type_matches(plover: &str, gold: &str) -> bool {
    plover == gold || (gold == "YIELD" && matches!(plover, "CONCEDE" | "RETREAT"))
}

/// Byte offset of the head word of an actor mention: its last word, a
/// possessive 's set aside ("Iran's foreign minister" → "minister").
fn head_offset(a: &EventActor) -> usize {
    let text = a.text.trim_end();
    let text = text
        .strip_suffix("'s")
        .or_else(|| text.strip_suffix("\u{2019}s"))
        .unwrap_or(text)
        .trim_end();
    let last = text.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
    a.span.start + last
}

/// Whether a side has its head word in the marked span; an unmarked side
/// (`None`) puts no condition on the event.
fn side_in(side: &[EventActor], marked: Option<Span>) -> bool {
    let Some(marked) = marked else {
        return true;
    };
    side.iter().any(|a| {
        let h = head_offset(a);
        marked.start <= h && h < marked.end
    })
}

/// Scores rows against the events coded from their sentences; `events[i]`
/// are the events of `rows[i].sentence` with spans into that sentence.
pub fn score_plv(rows: &[PlvRow], events: &[Vec<Event>]) -> PlvReport {
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
    let mut seen_sentences: BTreeMap<&str, ()> = BTreeMap::new();
    for (r, evs) in rows.iter().zip(events) {
        let t = per_type.entry(r.gold.clone()).or_default();
        t.rows += 1;
        let best = evs
            .iter()
            .filter(|e| side_in(&e.source, r.source) && side_in(&e.target, r.target))
            .max_by(|a, b| {
                a.provenance
                    .confidence
                    .total_cmp(&b.provenance.confidence)
                    .then(b.provenance.trigger.start.cmp(&a.provenance.trigger.start))
            });
        if let Some(best) = best {
            pair_found += 1;
            t.pair_found += 1;
            if plv_type_matches(&best.plover, &r.gold) {
                found += 1;
                t.found += 1;
            }
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
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
