//! [`EventFilter`]: the typed filter shared by every query and export.

use chrono::NaiveDate;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};

/// Which events to return. Every field narrows the result; the default
/// returns the events `dyad code` prints by default
/// (`Event::shown_by_default`: factual, not background, sides resolved).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventFilter {
    /// Source actor: an ISO3 country ("RUS"), an actor code or code prefix
    /// at a sector boundary ("RUSGOV"), an organisation code, or an exact
    /// actor name (case-insensitive). Any of the event's source actors may
    /// match.
    pub source: Option<String>,
    /// Target actor, as `source`.
    pub target: Option<String>,
    /// A dyad in either direction: (A, B) matches A→B and B→A.
    pub dyad: Option<(String, String)>,
    /// PLOVER type.
    pub plover: Option<String>,
    /// CAMEO code or prefix ("04" matches 040–046x).
    pub cameo: Option<String>,
    /// Events dated on or after this day.
    pub since: Option<NaiveDate>,
    /// Events dated on or before this day.
    pub until: Option<NaiveDate>,
    /// Place: a substring of the place name, or its ISO3 country.
    pub place: Option<String>,
    /// Only (events of) merged events reported by at least this many articles.
    pub min_articles: Option<u32>,
    /// Return merged events instead of single events.
    pub merged: bool,
    /// Only asserted or reported events (merged events are always factual).
    pub factual_only: bool,
    /// Every stored event, not only those of the default output policy
    /// (merged events hold only events with both sides resolved).
    pub all: bool,
    /// At most this many rows.
    pub limit: Option<usize>,
}

impl Default for EventFilter {
    fn default() -> Self {
        EventFilter {
            source: None,
            target: None,
            dyad: None,
            plover: None,
            cameo: None,
            since: None,
            until: None,
            place: None,
            min_articles: None,
            merged: false,
            factual_only: true,
            all: false,
            limit: None,
        }
    }
}

/// The match token of an actor argument in the `src_match`/`tgt_match`
/// columns (`|RUS|`).
fn actor_token(text: &str) -> Result<Value> {
    let t = text.trim();
    if t.is_empty() || t.contains('|') {
        return Err(StoreError::Query(format!("{text:?} is not an actor")));
    }
    Ok(Value::Text(format!("|{}|", t.to_uppercase())))
}

impl EventFilter {
    /// The table alias holding dates, types and places for this filter.
    pub(crate) fn alias(&self) -> &'static str {
        if self.merged {
            "m"
        } else {
            "e"
        }
    }

    /// `FROM ... WHERE ...` with its bound parameters. Aliases: `e` events
    /// (for merged events: the anchor event), `m` merged events, `d` the
    /// (anchor) document. `id` restricts to one event / merged event id.
    pub(crate) fn sql_from_where(&self, id: Option<i64>) -> Result<(String, Vec<Value>)> {
        let t = self.alias();
        let mut sql = if self.merged {
            "FROM merged_events m JOIN events e ON e.event_id = m.anchor_event \
             JOIN documents d ON d.doc_id = e.doc_id"
                .to_string()
        } else {
            "FROM events e JOIN documents d ON d.doc_id = e.doc_id".to_string()
        };
        let mut conds: Vec<String> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        let bind = |params: &mut Vec<Value>, v: Value| {
            params.push(v);
            format!("?{}", params.len())
        };
        if let Some(id) = id {
            let column = if self.merged {
                "m.merged_id"
            } else {
                "e.event_id"
            };
            let p = bind(&mut params, Value::Integer(id));
            conds.push(format!("{column} = {p}"));
        }
        if let Some(src) = &self.source {
            let p = bind(&mut params, actor_token(src)?);
            conds.push(format!("instr(e.src_match, {p}) > 0"));
        }
        if let Some(tgt) = &self.target {
            let p = bind(&mut params, actor_token(tgt)?);
            conds.push(format!("instr(e.tgt_match, {p}) > 0"));
        }
        if let Some((a, b)) = &self.dyad {
            let pa = bind(&mut params, actor_token(a)?);
            let pb = bind(&mut params, actor_token(b)?);
            conds.push(format!(
                "((instr(e.src_match, {pa}) > 0 AND instr(e.tgt_match, {pb}) > 0) OR \
                  (instr(e.src_match, {pb}) > 0 AND instr(e.tgt_match, {pa}) > 0))"
            ));
        }
        if let Some(plover) = &self.plover {
            let p = bind(&mut params, Value::Text(plover.trim().to_uppercase()));
            conds.push(format!("{t}.plover = {p}"));
        }
        if let Some(cameo) = &self.cameo {
            let code = cameo.trim();
            if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(StoreError::Query(format!("{cameo:?} is not a CAMEO code")));
            }
            let n = bind(&mut params, Value::Integer(code.len() as i64));
            let p = bind(&mut params, Value::Text(code.to_string()));
            conds.push(format!("substr({t}.cameo, 1, {n}) = {p}"));
        }
        if let Some(since) = self.since {
            let p = bind(&mut params, Value::Text(since.to_string()));
            conds.push(format!("{t}.date >= {p}"));
        }
        if let Some(until) = self.until {
            let p = bind(&mut params, Value::Text(until.to_string()));
            conds.push(format!("{t}.date <= {p}"));
        }
        if let Some(place) = &self.place {
            let p = bind(&mut params, Value::Text(place.trim().to_lowercase()));
            let c = bind(&mut params, Value::Text(place.trim().to_uppercase()));
            conds.push(format!(
                "(instr(lower({t}.place_name), {p}) > 0 OR {t}.place_country = {c})"
            ));
        }
        if let Some(n) = self.min_articles {
            let p = bind(&mut params, Value::Integer(i64::from(n)));
            if self.merged {
                conds.push(format!("m.num_articles >= {p}"));
            } else {
                conds.push(format!(
                    "e.event_id IN (SELECT mm.event_id FROM merged_members mm \
                     JOIN merged_events m2 ON m2.merged_id = mm.merged_id \
                     WHERE m2.num_articles >= {p})"
                ));
            }
        }
        if self.factual_only && !self.merged {
            conds.push("e.factuality IN ('asserted', 'reported')".into());
        }
        if !self.all && !self.merged {
            conds.push("e.shown = 1".into());
        }
        if !conds.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&conds.join(" AND "));
        }
        Ok((sql, params))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_bound_not_spliced() {
        let f = EventFilter {
            source: Some("RUS'; DROP TABLE events; --".into()),
            place: Some("Vostochny".into()),
            ..EventFilter::default()
        };
        let (sql, params) = f.sql_from_where(None).expect("filter");
        assert!(!sql.contains("DROP"), "{sql}");
        assert_eq!(params.len(), 3);
    }

    #[test]
    fn bad_arguments_are_rejected() {
        let f = EventFilter {
            cameo: Some("04%".into()),
            ..EventFilter::default()
        };
        assert!(f.sql_from_where(None).is_err());
        let f = EventFilter {
            source: Some(" ".into()),
            ..EventFilter::default()
        };
        assert!(f.sql_from_where(None).is_err());
    }
}
