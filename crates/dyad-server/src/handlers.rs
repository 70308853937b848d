//! Route handlers. Each validates its parameters, runs the store query on a
//! blocking thread (SQLite is synchronous) and returns a JSON view.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use chrono::{Datelike, NaiveDate};
use dyad_store::query::Period;
use dyad_store::{EventFilter, EventRow, Store};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::index::{EventIndex, FileStamp};
use crate::params::Params;
use crate::views::{self, ActorView, EventView, PlaceView, QuantityView};
use crate::AppState;

type ApiResult = Result<Json<Value>, ApiError>;
type QueryMap = Query<HashMap<String, String>>;

thread_local! {
    /// One read connection per blocking thread, reused across requests.
    static READER: RefCell<Option<(PathBuf, Store)>> = const { RefCell::new(None) };
}

/// Runs `f` with a read connection on a blocking thread.
async fn with_store<T: Send + 'static>(
    state: &Arc<AppState>,
    f: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let db = state.db.clone();
    tokio::task::spawn_blocking(move || {
        READER.with(|cell| {
            let mut slot = cell.borrow_mut();
            if slot.as_ref().is_none_or(|(p, _)| p != &db) {
                let store = Store::open_existing(&db).map_err(internal)?;
                *slot = Some((db.clone(), store));
            }
            match slot.as_ref() {
                Some((_, store)) => f(store),
                None => Err(ApiError::Internal("no store".into())),
            }
        })
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))?
}

/// The index of merged events, rebuilt first when the database changed.
async fn current_index(state: &Arc<AppState>) -> Result<Arc<EventIndex>, ApiError> {
    let stamp = FileStamp::of(&state.db);
    if let Ok(guard) = state.index.lock() {
        if let Some(idx) = guard.as_ref().filter(|i| i.stamp == stamp) {
            return Ok(idx.clone());
        }
    }
    let (rows, documents, events) = with_store(state, |s| {
        Ok((
            s.merged_index().map_err(internal)?,
            s.document_count().map_err(internal)?,
            s.event_count().map_err(internal)?,
        ))
    })
    .await?;
    let mut idx = EventIndex::new(stamp, rows);
    idx.documents = documents;
    idx.events = events;
    let idx = Arc::new(idx);
    if let Ok(mut guard) = state.index.lock() {
        *guard = Some(idx.clone());
    }
    Ok(idx)
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(e.to_string())
}

/// The store's query errors are caused by user input (bad actor, bad
/// cursor); everything else is internal.
fn store_error(e: dyad_store::StoreError) -> ApiError {
    match e {
        dyad_store::StoreError::Query(msg) => ApiError::BadBody(msg),
        other => internal(other),
    }
}

pub(crate) async fn index() -> Html<&'static str> {
    Html(crate::assets::INDEX_HTML)
}

pub(crate) async fn asset(UrlPath(name): UrlPath<String>) -> Response {
    match crate::assets::asset(&name) {
        Some(a) => ([(header::CONTENT_TYPE, a.content_type)], a.body).into_response(),
        None => ApiError::NotFound(format!("asset {name:?}")).into_response(),
    }
}

pub(crate) async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("../assets/openapi.json"),
    )
        .into_response()
}

pub(crate) async fn not_found() -> ApiError {
    ApiError::NotFound("route".into())
}

pub(crate) async fn health(State(state): State<Arc<AppState>>) -> ApiResult {
    let index = current_index(&state).await?;
    Ok(Json(json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "documents": index.documents,
        "events": index.events,
        "merged_events": index.len(),
        "allow_ingest": state.allow_ingest,
    })))
}

/// The filters shared by `/api/events` and `dyad events`.
fn event_filter(p: &mut Params) -> Result<EventFilter, ApiError> {
    let dyad = match p.text("dyad")? {
        None => None,
        Some(d) => {
            let (a, b) = d
                .split_once(':')
                .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty())
                .ok_or_else(|| ApiError::param("dyad", "expected two actors A:B, e.g. RUS:PRK"))?;
            Some((a.trim().to_string(), b.trim().to_string()))
        }
    };
    let filter = EventFilter {
        source: p.actor("source")?,
        target: p.actor("target")?,
        dyad,
        plover: p.plover("type")?,
        cameo: p.cameo("cameo")?,
        since: p.date("since")?,
        until: p.date("until")?,
        place: p.text("place")?,
        min_articles: p.uint("min_articles", 1, 1_000_000)?.map(|n| n as u32),
        merged: true,
        factual_only: true,
        all: false,
        limit: None,
    };
    if let (Some(since), Some(until)) = (filter.since, filter.until) {
        if since > until {
            return Err(ApiError::param("since", "is after 'until'"));
        }
    }
    Ok(filter)
}

fn split_sectors(s: &Option<String>) -> Vec<String> {
    s.as_deref()
        .map(|s| s.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

/// The API view of a stored event row.
fn row_view(r: &EventRow) -> EventView {
    let actor = |code: &Option<String>,
                 name: &Option<String>,
                 country: &Option<String>,
                 sectors: &Option<String>| {
        code.as_ref().map(|c| ActorView {
            code: c.clone(),
            name: name.clone(),
            country: country.clone(),
            sectors: split_sectors(sectors),
        })
    };
    EventView {
        id: r.id.to_string(),
        date: r.date.clone(),
        precision: r.date_precision.clone(),
        plover: r.plover.clone(),
        mode: r.mode.clone(),
        cameo: r.cameo.clone(),
        cameo_name: dyad_core::ontology::cameo(&r.cameo).map(|c| c.name.to_string()),
        quad_class: r.quad_class.clamp(0, 4) as u8,
        goldstein: r.goldstein as f32,
        source: actor(
            &r.source_code,
            &r.source_name,
            &r.source_country,
            &r.source_sectors,
        ),
        target: actor(
            &r.target_code,
            &r.target_name,
            &r.target_country,
            &r.target_sectors,
        ),
        place: r.place_name.as_ref().map(|name| PlaceView {
            name: name.clone(),
            geonameid: r.place_geonameid.map(|g| g as u64),
            country: r.place_country.clone(),
            lat: r.lat,
            lon: r.lon,
            precision: if r.place_geonameid.is_some() {
                "place"
            } else {
                "country"
            }
            .to_string(),
        }),
        factuality: r.factuality.clone(),
        attributed_to: None,
        quantities: Vec::<QuantityView>::new(),
        num_articles: r.num_articles.max(1) as u64,
        num_sources: r.num_sources.max(1) as u64,
        num_mentions: r.num_mentions.max(1) as u64,
        sentence: r.sentence.clone(),
        rule: r.rule.clone(),
        confidence: r.confidence as f32,
    }
}

fn decode_cursor(cursor: &str) -> Result<(String, i64), ApiError> {
    let bad = || ApiError::param("cursor", "is not a cursor returned by this API");
    let (date, id) = cursor.rsplit_once('_').ok_or_else(bad)?;
    let id: i64 = id.parse().map_err(|_| bad())?;
    NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| bad())?;
    Ok((date.to_string(), id))
}

pub(crate) async fn events(State(state): State<Arc<AppState>>, Query(q): QueryMap) -> ApiResult {
    let mut p = Params::new(q);
    let mut filter = event_filter(&mut p)?;
    filter.merged = !matches!(p.text("merged")?.as_deref(), Some("false") | Some("0"));
    let limit = p.uint("limit", 1, 500)?.unwrap_or(50) as usize;
    let cursor = p.text("cursor")?;
    p.finish()?;
    let after = cursor.as_deref().map(decode_cursor).transpose()?;
    if !filter.merged {
        // Single events: straight from SQLite.
        return with_store(&state, move |s| {
            let (rows, next) = s
                .events_page(&filter, cursor.as_deref(), limit)
                .map_err(store_error)?;
            let events: Vec<EventView> = rows.iter().map(row_view).collect();
            Ok(Json(json!({ "events": events, "next_cursor": next })))
        })
        .await;
    }
    let index = current_index(&state).await?;
    let (ids, more) = index.page(
        &filter,
        after.as_ref().map(|(d, i)| (d.as_str(), *i)),
        limit,
    );
    let next = if more {
        ids.last()
            .and_then(|id| index.date_of(*id).map(|d| format!("{d}_{id}")))
    } else {
        None
    };
    with_store(&state, move |s| {
        let rows = s.merged_rows(&ids).map_err(internal)?;
        let events: Vec<EventView> = rows.iter().map(row_view).collect();
        Ok(Json(json!({ "events": events, "next_cursor": next })))
    })
    .await
}

pub(crate) async fn event(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
) -> ApiResult {
    let id: i64 = id.parse().map_err(|_| {
        ApiError::param(
            "id",
            format!("expected an event id (an integer), got {id:?}"),
        )
    })?;
    with_store(&state, move |s| {
        let detail = s
            .show(id)
            .map_err(store_error)?
            .ok_or_else(|| ApiError::NotFound(format!("event {id}")))?;
        let main = detail.merged.as_ref().unwrap_or(&detail.record);
        let mut view = row_view(main);
        // Quantities and attribution come from the event itself.
        let reports = s.highlighted_reports(id).map_err(internal)?;
        view.num_mentions = view.num_mentions.max(reports.len() as u64);
        let mut docs: Vec<&dyad_store::query::HighlightedReport> = Vec::new();
        for r in &reports {
            if !docs.iter().any(|d| d.doc_id == r.doc_id) {
                docs.push(r);
            }
        }
        let members: Vec<Value> = docs
            .iter()
            .map(|r| json!({"doc_id": r.doc_id, "title": r.title, "source": r.source, "url": r.url, "published": r.published}))
            .collect();
        Ok(Json(json!({ "event": view, "reports": reports, "members": members })))
    })
    .await
}

pub(crate) async fn dyads(State(state): State<Arc<AppState>>, Query(q): QueryMap) -> ApiResult {
    let mut p = Params::new(q);
    let limit = p.uint("limit", 1, 500)?.unwrap_or(20) as usize;
    p.finish()?;
    let index = current_index(&state).await?;
    let dyads: Vec<Value> = index
        .dyads(limit)
        .into_iter()
        .map(|d| {
            json!({
                "a": d.a, "b": d.b, "events": d.events, "cooperation": d.cooperation,
                "conflict": d.conflict, "mean_goldstein": d.mean_goldstein,
            })
        })
        .collect();
    Ok(Json(json!({ "dyads": dyads })))
}

/// First and last day of a timeline period label.
fn period_bounds(by: Period, label: &str) -> (String, String) {
    let parse = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let bounds = match by {
        Period::Day => parse(label).map(|d| (d, d)),
        Period::Month => parse(&format!("{label}-01")).map(|start| {
            let next = if start.month() == 12 {
                NaiveDate::from_ymd_opt(start.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(start.year(), start.month() + 1, 1)
            };
            (start, next.and_then(|n| n.pred_opt()).unwrap_or(start))
        }),
        Period::Week => label.split_once("-W").and_then(|(y, w)| {
            let start =
                NaiveDate::from_isoywd_opt(y.parse().ok()?, w.parse().ok()?, chrono::Weekday::Mon)?;
            Some((start, start + chrono::Duration::days(6)))
        }),
    };
    match bounds {
        Some((s, e)) => (s.to_string(), e.to_string()),
        None => (label.to_string(), label.to_string()),
    }
}

pub(crate) async fn timeline(State(state): State<Arc<AppState>>, Query(q): QueryMap) -> ApiResult {
    let mut p = Params::new(q);
    let a = p.required_actor("a")?;
    let b = p.required_actor("b")?;
    let by_name = p
        .choice("by", &["day", "week", "month"])?
        .unwrap_or_else(|| "month".into());
    p.finish()?;
    let by: Period = by_name
        .parse()
        .map_err(|_| ApiError::param("by", "expected day, week or month"))?;
    let filter = EventFilter {
        dyad: Some((a.clone(), b.clone())),
        merged: true,
        ..EventFilter::default()
    };
    let index = current_index(&state).await?;
    let periods: Vec<Value> = index
        .timeline(&filter, by)
        .iter()
        .map(|t| {
            let (start, end) = period_bounds(by, &t.period);
            let by_quad: BTreeMap<String, u64> = (0..4)
                .map(|i| ((i + 1).to_string(), t.by_quad[i]))
                .collect();
            json!({
                "period": t.period, "start": start, "end": end, "total": t.total,
                "by_type": t.by_type, "by_quad": by_quad, "mean_goldstein": t.mean_goldstein,
            })
        })
        .collect();
    Ok(Json(
        json!({ "a": a, "b": b, "by": by_name, "periods": periods }),
    ))
}

pub(crate) async fn actors(State(state): State<Arc<AppState>>, Query(q): QueryMap) -> ApiResult {
    let mut p = Params::new(q);
    let prefix = p
        .actor("q")?
        .ok_or_else(|| ApiError::param("q", "is required (a code prefix)"))?;
    let limit = p.uint("limit", 1, 50)?.unwrap_or(10) as usize;
    p.finish()?;
    let index = current_index(&state).await?;
    Ok(Json(json!({ "actors": index.actors(&prefix, limit) })))
}

pub(crate) async fn places(State(state): State<Arc<AppState>>, Query(q): QueryMap) -> ApiResult {
    let mut p = Params::new(q);
    let limit = p.uint("limit", 1, 5000)?.unwrap_or(1000) as usize;
    p.finish()?;
    let index = current_index(&state).await?;
    Ok(Json(json!({ "places": index.places(limit) })))
}

pub(crate) async fn document(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
) -> ApiResult {
    if id.len() > 500 {
        return Err(ApiError::param("id", "longer than 500 characters"));
    }
    with_store(&state, move |s| {
        let rec = s
            .document_record(&id)
            .map_err(internal)?
            .ok_or_else(|| ApiError::NotFound(format!("document {id:?}")))?;
        let events: Vec<EventView> = rec.events.iter().map(row_view).collect();
        let mut body = serde_json::to_value(&rec).map_err(internal)?;
        body["events"] = serde_json::to_value(events).map_err(internal)?;
        Ok(Json(body))
    })
    .await
}

/// Body of `POST /api/code` and `POST /api/documents`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CodeRequest {
    text: String,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
    id: Option<String>,
}

fn request_document(req: CodeRequest) -> Result<dyad_core::Document, ApiError> {
    if req.text.trim().is_empty() {
        return Err(ApiError::param("text", "is empty"));
    }
    let date = match req.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => Some(
            NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| ApiError::param("date", format!("expected YYYY-MM-DD, got {d:?}")))?,
        ),
    };
    let full = match &req.title {
        Some(t) if !t.trim().is_empty() => format!("{}\n\n{}", t.trim(), req.text),
        _ => req.text.clone(),
    };
    let id = req.id.clone().unwrap_or_else(|| "pasted".to_string());
    let mut doc = dyad_text::document_from_text(&id, &full, date);
    if req.source.is_some() {
        doc.source = req.source;
    }
    if req.url.is_some() {
        doc.url = req.url;
    }
    Ok(doc)
}

fn body_error(e: JsonRejection) -> ApiError {
    ApiError::BadBody(e.body_text())
}

pub(crate) async fn code(
    State(state): State<Arc<AppState>>,
    body: Result<Json<CodeRequest>, JsonRejection>,
) -> Response {
    let req = match body {
        Ok(Json(r)) => r,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return payload_too_large(),
        Err(e) => return body_error(e).into_response(),
    };
    let doc = match request_document(req) {
        Ok(d) => d,
        Err(e) => return e.into_response(),
    };
    let state2 = state.clone();
    let coded = tokio::task::spawn_blocking(move || state2.engine.code_document(doc)).await;
    let coded = match coded {
        Ok(c) => c,
        Err(e) => return internal(e).into_response(),
    };
    let events: Vec<EventView> = coded.events.iter().map(EventView::of).collect();
    let d = &coded.analyzed.doc;
    Json(json!({
        "document": {
            "id": d.id, "title": d.title, "source": d.source, "url": d.url, "author": d.author,
            "date": d.date.as_ref().map(|x| x.date.to_string()),
            "date_origin": d.date.as_ref().map(|x| x.origin),
            "text": d.text, "zones": d.zones,
            "annotations": views::document_annotations(&coded),
            "events": events,
        },
        "events": events,
    }))
    .into_response()
}

fn payload_too_large() -> Response {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        Json(json!({ "error": format!("request body larger than {} bytes", crate::BODY_LIMIT) })),
    )
        .into_response()
}

pub(crate) async fn ingest(
    State(state): State<Arc<AppState>>,
    body: Result<Json<CodeRequest>, JsonRejection>,
) -> Response {
    if !state.allow_ingest {
        return ApiError::ReadOnly.into_response();
    }
    let req = match body {
        Ok(Json(r)) => r,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return payload_too_large(),
        Err(e) => return body_error(e).into_response(),
    };
    let mut doc = match request_document(req) {
        Ok(d) => d,
        Err(e) => return e.into_response(),
    };
    if doc.content_hash.is_empty() {
        doc.content_hash = dyad_store::ids::sha256_hex(doc.text.as_bytes());
    }
    let state2 = state.clone();
    let result = tokio::task::spawn_blocking(move || -> Result<Value, ApiError> {
        let coded = state2.engine.code_document(doc);
        let id = coded.analyzed.doc.id.clone();
        let mut store = Store::open(db_path(&state2.db)).map_err(internal)?;
        let outcome = store
            .write_batch(std::slice::from_ref(&coded))
            .map_err(internal)?;
        Ok(json!({ "id": id, "stored": outcome.stored > 0, "events": outcome.events }))
    })
    .await;
    match result {
        Ok(Ok(v)) => Json(v).into_response(),
        Ok(Err(e)) => e.into_response(),
        Err(e) => internal(e).into_response(),
    }
}

fn db_path(p: &Path) -> &Path {
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_bounds_cover_the_period() {
        assert_eq!(
            period_bounds(Period::Month, "2024-02"),
            ("2024-02-01".into(), "2024-02-29".into())
        );
        assert_eq!(
            period_bounds(Period::Month, "2023-12"),
            ("2023-12-01".into(), "2023-12-31".into())
        );
        assert_eq!(
            period_bounds(Period::Day, "2023-09-13"),
            ("2023-09-13".into(), "2023-09-13".into())
        );
        assert_eq!(
            period_bounds(Period::Week, "2023-W37"),
            ("2023-09-11".into(), "2023-09-17".into())
        );
    }
}
