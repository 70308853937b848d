//! Writing one coded document's rows inside a caller's transaction.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use dyad_core::{CodedDocument, Document, EventActor, ZoneKind};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::error::{json, sql, Result};
use crate::ids;
use crate::merge::{merge_window, MergeConfig, Touched};
use crate::text::{enum_str, parse_date, precision_str};

/// The content hash the store uses for a document: its own, or the SHA-256
/// of id and text when the reader left it empty.
pub fn effective_hash(doc: &Document) -> String {
    if doc.content_hash.trim().is_empty() {
        ids::sha256_hex(format!("{}\u{1f}{}", doc.id, doc.text).as_bytes())
    } else {
        doc.content_hash.clone()
    }
}

/// A coded document turned into the values of its rows, ready to bind.
///
/// Building it (JSON encoding, ids, merge windows and blocks) is pure work
/// that the ingest does on the coding threads, so the single database writer
/// only binds prepared values.
#[derive(Debug, Clone)]
pub struct PreparedDocument {
    pub(crate) doc_id: i64,
    label: String,
    /// The `documents` columns, in insert order.
    document: Vec<Value>,
    /// The `doc_analysis` columns after `doc_id`: sentences, actors, places.
    analysis: [String; 3],
    events: Vec<PreparedEvent>,
}

#[derive(Debug, Clone)]
struct PreparedEvent {
    /// The `events` columns, in insert order.
    values: Vec<Value>,
    /// Merge block and window, when the event can merge.
    merge: Option<(String, NaiveDate, NaiveDate)>,
}

impl PreparedDocument {
    /// Prepares the rows of `coded` under the merge rules `cfg`.
    pub fn new(coded: &CodedDocument, cfg: &MergeConfig) -> Result<PreparedDocument> {
        let doc = &coded.analyzed.doc;
        let hash = effective_hash(doc);
        let doc_id = ids::doc_id(&hash);
        let pub_date = doc.date.as_ref();
        let document: Vec<Value> = vec![
            doc_id.into(),
            hash.clone().into(),
            doc.id.clone().into(),
            doc.source.clone().into(),
            doc.url.clone().into(),
            doc.title.clone().into(),
            doc.author.clone().into(),
            doc.agency.clone().into(),
            doc.dateline.clone().into(),
            doc.language.clone().into(),
            pub_date.map(|d| d.date.to_string()).into(),
            pub_date.map(|d| enum_str(&d.origin)).into(),
            pub_date.map(|d| f64::from(d.confidence)).into(),
            pub_date.map(|d| d.note.clone()).into(),
            doc.text.clone().into(),
            serde_json::to_string(&doc.zones)
                .map_err(json("encoding zones"))?
                .into(),
            serde_json::to_string(&doc.warnings)
                .map_err(json("encoding warnings"))?
                .into(),
        ];
        Ok(PreparedDocument {
            doc_id,
            label: doc.id.clone(),
            document,
            analysis: analysis_json(coded)?,
            events: prepare_events(coded, &hash, doc_id, cfg)?,
        })
    }

    /// Events this document holds.
    pub fn event_count(&self) -> usize {
        self.events.len()
    }
}

/// What writing one document did.
#[derive(Debug, Default)]
pub(crate) struct Written {
    /// False when the document was already stored (nothing written).
    pub stored: bool,
    /// Events written.
    pub events: usize,
}

/// Where the writer's time went (accumulated over a run).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct WriteTimes {
    /// Looking documents up and inserting `documents` rows.
    pub documents: Duration,
    /// Inserting `doc_analysis` rows.
    pub analysis: Duration,
    /// Inserting `events` rows.
    pub events: Duration,
    /// Recording merge work (`merge_pending`) or merging at once.
    pub merge_record: Duration,
    /// Committing transactions.
    pub commit: Duration,
    /// Doing deferred merge work.
    pub merge_flush: Duration,
}

impl WriteTimes {
    /// Adds `other` to these times.
    pub fn add(&mut self, other: &WriteTimes) {
        self.documents += other.documents;
        self.analysis += other.analysis;
        self.events += other.events;
        self.merge_record += other.merge_record;
        self.commit += other.commit;
        self.merge_flush += other.merge_flush;
    }
}

/// Inserts `doc` unless its content hash is already stored; adds the merge
/// windows it touched to `touched`.
pub(crate) fn insert_document(
    tx: &Connection,
    doc: &PreparedDocument,
    touched: &mut Touched,
    times: &mut WriteTimes,
) -> Result<Written> {
    let started = Instant::now();
    let existing: Option<i64> = tx
        .prepare_cached("SELECT 1 FROM documents WHERE doc_id = ?1")
        .and_then(|mut s| s.query_row([doc.doc_id], |r| r.get(0)).optional())
        .map_err(sql("looking up a document"))?;
    if existing.is_some() {
        times.documents += started.elapsed();
        return Ok(Written::default());
    }
    tx.prepare_cached(
        "INSERT INTO documents (doc_id, content_hash, id, source, url, title, author, agency,
            dateline, language, pub_date, pub_date_origin, pub_date_confidence, pub_date_note,
            text, zones, warnings)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)",
    )
    .and_then(|mut s| s.execute(params_from_iter(doc.document.iter())))
    .map_err(sql(format!("storing document {}", doc.label)))?;
    times.documents += started.elapsed();
    let events = insert_analysis(tx, doc, touched, times)?;
    Ok(Written {
        stored: true,
        events,
    })
}

/// Removes a document's sentences, mentions and events (for recoding);
/// records the merge windows its events leave in `touched`.
pub(crate) fn delete_analysis(
    tx: &Transaction<'_>,
    doc_id: i64,
    touched: &mut Touched,
) -> Result<()> {
    {
        let mut stmt = tx
            .prepare_cached(
                "SELECT block_key, merge_lo, merge_hi FROM events
                 WHERE doc_id = ?1 AND block_key IS NOT NULL",
            )
            .map_err(sql("finding a document's merge blocks"))?;
        let rows = stmt
            .query_map([doc_id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                ))
            })
            .map_err(sql("finding a document's merge blocks"))?;
        for row in rows {
            let (block, lo, hi) = row.map_err(sql("reading a merge block key"))?;
            let lo = lo.as_deref().and_then(parse_date);
            let hi = hi.as_deref().and_then(parse_date);
            if let (Some(lo), Some(hi)) = (lo, hi) {
                touched.entry(block).or_default().push((lo, hi));
            }
        }
    }
    // Merged events holding these events go; their other members are
    // re-clustered by the refresh (their windows meet the touched ones).
    tx.execute_batch(&format!(
        "CREATE TEMP TABLE IF NOT EXISTS gone_merged (merged_id INTEGER PRIMARY KEY);
         DELETE FROM gone_merged;
         INSERT OR IGNORE INTO gone_merged SELECT mm.merged_id FROM merged_members mm
             JOIN events e ON e.event_id = mm.event_id WHERE e.doc_id = {doc_id};
         DELETE FROM merged_members WHERE merged_id IN (SELECT merged_id FROM gone_merged);
         DELETE FROM merged_events WHERE merged_id IN (SELECT merged_id FROM gone_merged);"
    ))
    .map_err(sql("clearing the merged events of a recoded document"))?;
    for table in ["doc_analysis", "events"] {
        tx.execute(&format!("DELETE FROM {table} WHERE doc_id = ?1"), [doc_id])
            .map_err(sql(format!("clearing {table} of a recoded document")))?;
    }
    Ok(())
}

/// Inserts sentences, mentions and events of a stored document.
pub(crate) fn insert_analysis(
    tx: &Connection,
    doc: &PreparedDocument,
    touched: &mut Touched,
    times: &mut WriteTimes,
) -> Result<usize> {
    let started = Instant::now();
    let [sentences, actors, places] = &doc.analysis;
    tx.prepare_cached(
        "INSERT INTO doc_analysis (doc_id, sentences, actors, places)
         VALUES (?1, ?2, ?3, ?4)",
    )
    .and_then(|mut stmt| stmt.execute(params![doc.doc_id, sentences, actors, places]))
    .map_err(sql("storing sentences and mentions"))?;
    let analysed = Instant::now();
    times.analysis += analysed - started;
    let mut stmt = tx
        .prepare_cached(
            "INSERT INTO events (event_id, doc_id, coder_id, plover, mode, contexts,
                cameo, goldstein, quad_class,
                src_code, src_name, src_country, src_sectors, src_org, src_text, src_start,
                src_end, src_match, src_actors,
                tgt_code, tgt_name, tgt_country, tgt_sectors, tgt_org, tgt_text, tgt_start,
                tgt_end, tgt_match, tgt_actors,
                factuality, attributed_to, quantities, date, date_start, date_end,
                date_precision, date_text, date_note, place_name, place_geonameid,
                place_country, place_admin1, place_feature, place_lat, place_lon,
                place_precision, place_start, place_end, sentence, sentence_start,
                sentence_end, trigger_start, trigger_end, trigger_text, rule, confidence,
                is_root, block_key, merge_lo, merge_hi, shown, historical, place_reason,
                in_passing)
             VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,
                ?21,?22,?23,?24,?25,?26,?27,?28,?29,?30,?31,?32,?33,?34,?35,?36,?37,?38,?39,
                ?40,?41,?42,?43,?44,?45,?46,?47,?48,?49,?50,?51,?52,?53,?54,?55,?56,?57,?58,?59,?60,
                ?61,?62,?63,?64)",
        )
        .map_err(sql("preparing events"))?;
    for event in &doc.events {
        stmt.execute(params_from_iter(event.values.iter()))
            .map_err(sql(format!("storing an event of document {}", doc.label)))?;
        if let Some((block, lo, hi)) = &event.merge {
            touched.entry(block.clone()).or_default().push((*lo, *hi));
        }
    }
    times.events += analysed.elapsed();
    Ok(doc.events.len())
}

/// The `doc_analysis` JSON arrays: sentences, actor mentions, place mentions.
fn analysis_json(coded: &CodedDocument) -> Result<[String; 3]> {
    // Tuples serialise as JSON arrays directly (no intermediate Values).
    let sentences: Vec<(usize, usize, &str)> = coded
        .analyzed
        .sentences
        .iter()
        .map(|s| (s.span.start, s.span.end, s.zone.as_str()))
        .collect();
    let actors: Vec<_> = coded
        .actors
        .iter()
        .map(|m| {
            (
                m.sentence,
                m.span.start,
                m.span.end,
                m.text.as_str(),
                enum_str(&m.kind),
                m.actor.code(),
                m.actor.name.as_str(),
                m.actor.country.as_deref(),
                m.actor.sectors.join(" "),
                m.actor.person_id.as_deref(),
                m.actor.role.as_deref(),
                m.actor.org.as_deref(),
                m.antecedent,
                m.rule.as_str(),
                m.confidence,
            )
        })
        .collect();
    let places: Vec<_> = coded
        .places
        .iter()
        .map(|m| {
            let p = m.place.as_ref();
            (
                m.sentence,
                m.span.start,
                m.span.end,
                m.text.as_str(),
                p.map(|p| p.geonameid),
                p.map(|p| p.name.as_str()),
                p.map(|p| p.feature_code.as_str()),
                p.map(|p| p.country.as_str()),
                p.and_then(|p| p.admin1.as_deref()),
                p.map(|p| p.lat),
                p.map(|p| p.lon),
                m.confidence,
                m.reason.as_str(),
            )
        })
        .collect();
    Ok([
        serde_json::to_string(&sentences).map_err(json("encoding sentences"))?,
        serde_json::to_string(&actors).map_err(json("encoding actor mentions"))?,
        serde_json::to_string(&places).map_err(json("encoding place mentions"))?,
    ])
}

/// The `events` rows of a document (columns in insert order) with their
/// merge blocks and windows.
fn prepare_events(
    coded: &CodedDocument,
    hash: &str,
    doc_id: i64,
    cfg: &MergeConfig,
) -> Result<Vec<PreparedEvent>> {
    let doc = &coded.analyzed.doc;
    let root_end = root_paragraph_end(doc);
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::with_capacity(coded.events.len());
    for event in &coded.events {
        let occurrence = seen.entry(event.id.as_str()).or_default();
        let event_id = ids::event_id(hash, &event.id, *occurrence);
        *occurrence += 1;
        let (lo, hi) = merge_window(
            event.date.precision,
            event.date.date,
            event.date.start,
            event.date.end,
            doc.date.as_ref().map(|d| d.date),
            cfg,
        );
        let too_long = (hi - lo).num_days() > i64::from(cfg.max_window_days);
        // An event with no known date (an undated document) cannot be told
        // apart from another of its dyad: a block of its own keeps it a
        // merged event of one report, listed but never merged.
        let undated = event.date.precision == dyad_core::DatePrecision::Unknown;
        let block = cfg.block_key(event).filter(|_| !too_long).map(|b| {
            if undated {
                format!("{b}|undated:{event_id}")
            } else {
                b
            }
        });
        let src = ActorCols::new(&event.source);
        let tgt = ActorCols::new(&event.target);
        let place = event.place.as_ref();
        let prov = &event.provenance;
        let attributed = event
            .attributed_to
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(json("encoding attributed_to"))?;
        let values: Vec<Value> = vec![
            event_id.into(),
            doc_id.into(),
            event.id.clone().into(),
            event.plover.clone().into(),
            event.mode.clone().into(),
            event.contexts.join(" ").into(),
            event.cameo.clone().into(),
            f64::from(event.goldstein).into(),
            i64::from(event.quad_class).into(),
            src.code.into(),
            src.name.into(),
            src.country.into(),
            src.sectors.into(),
            src.org.into(),
            src.text.into(),
            src.start.into(),
            src.end.into(),
            src.matcher.into(),
            serde_json::to_string(&event.source)
                .map_err(json("encoding source actors"))?
                .into(),
            tgt.code.into(),
            tgt.name.into(),
            tgt.country.into(),
            tgt.sectors.into(),
            tgt.org.into(),
            tgt.text.into(),
            tgt.start.into(),
            tgt.end.into(),
            tgt.matcher.into(),
            serde_json::to_string(&event.target)
                .map_err(json("encoding target actors"))?
                .into(),
            event.factuality.as_str().to_string().into(),
            attributed.into(),
            serde_json::to_string(&event.quantities)
                .map_err(json("encoding quantities"))?
                .into(),
            event.date.date.to_string().into(),
            event.date.start.to_string().into(),
            event.date.end.to_string().into(),
            precision_str(event.date.precision).into(),
            event.date.text.clone().into(),
            event.date.note.clone().into(),
            place.map(|p| p.name.clone()).into(),
            place
                .and_then(|p| p.geonameid)
                .and_then(|g| i64::try_from(g).ok())
                .into(),
            place.and_then(|p| p.country.clone()).into(),
            place.and_then(|p| p.admin1.clone()).into(),
            place.and_then(|p| p.feature_code.clone()).into(),
            place.and_then(|p| p.lat).into(),
            place.and_then(|p| p.lon).into(),
            place.map(|p| enum_str(&p.precision)).into(),
            place.and_then(|p| p.span).map(|s| s.start as i64).into(),
            place.and_then(|p| p.span).map(|s| s.end as i64).into(),
            (prov.sentence as i64).into(),
            (prov.sentence_span.start as i64).into(),
            (prov.sentence_span.end as i64).into(),
            (prov.trigger.start as i64).into(),
            (prov.trigger.end as i64).into(),
            prov.trigger_text.clone().into(),
            prov.rule.clone().into(),
            f64::from(prov.confidence).into(),
            (prov.sentence_span.start < root_end).into(),
            block.clone().into(),
            lo.to_string().into(),
            hi.to_string().into(),
            event.shown_by_default().into(),
            event.historical.into(),
            place
                .and_then(|p| p.reason)
                .map(|r| r.as_str().to_string())
                .into(),
            event.in_passing.into(),
        ];
        out.push(PreparedEvent {
            values,
            merge: block.map(|b| (b, lo, hi)),
        });
    }
    Ok(out)
}

/// End of the "root" part of a document: the title and the first body
/// paragraph (GDELT's IsRootEvent covers the lead of the article).
pub(crate) fn root_paragraph_end(doc: &Document) -> usize {
    let mut end = 0;
    for zone in &doc.zones {
        match zone.kind {
            ZoneKind::Body => return zone.span.end.max(end),
            ZoneKind::Title | ZoneKind::Dateline | ZoneKind::Byline => end = zone.span.end,
            _ => {}
        }
    }
    if doc.zones.is_empty() {
        // No zones: treat the first paragraph of the text as the lead.
        return doc.text.find("\n\n").unwrap_or(doc.text.len());
    }
    end
}

/// Flat columns of an actor list: the first actor's fields plus a match
/// string of every actor's tokens (`|RUS|RUSGOV|VLADIMIR PUTIN|`).
pub(crate) struct ActorCols {
    pub(crate) code: Option<String>,
    pub(crate) name: Option<String>,
    pub(crate) country: Option<String>,
    pub(crate) sectors: Option<String>,
    pub(crate) org: Option<String>,
    pub(crate) text: Option<String>,
    pub(crate) start: Option<i64>,
    pub(crate) end: Option<i64>,
    pub(crate) matcher: String,
}

impl ActorCols {
    pub(crate) fn new(actors: &[EventActor]) -> ActorCols {
        let first = actors.first();
        let mut tokens: Vec<String> = Vec::new();
        for a in actors {
            let actor = &a.actor;
            tokens.extend(actor.country.clone());
            tokens.extend(actor.org.clone());
            let head = actor.country.clone().or_else(|| actor.org.clone());
            let mut prefix = head.unwrap_or_default();
            for sector in &actor.sectors {
                prefix.push_str(sector);
                tokens.push(prefix.clone());
            }
            tokens.push(actor.code());
            tokens.push(actor.name.to_uppercase());
        }
        tokens.retain(|t| !t.is_empty());
        tokens.sort();
        tokens.dedup();
        let matcher = if tokens.is_empty() {
            "|".to_string()
        } else {
            format!("|{}|", tokens.join("|"))
        };
        ActorCols {
            code: first.map(|a| a.actor.code()),
            name: first.map(|a| a.actor.name.clone()),
            country: first.and_then(|a| a.actor.country.clone()),
            sectors: first.map(|a| a.actor.sectors.join(" ")),
            org: first.and_then(|a| a.actor.org.clone()),
            text: first.map(|a| a.text.clone()),
            start: first.map(|a| a.span.start as i64),
            end: first.map(|a| a.span.end as i64),
            matcher,
        }
    }
}
