//! A minimal event for unit tests that check what is done with an event's
//! sides (dyad splitting, PLV scoring), built from its serialised form.

use dyad_core::{Event, EventActor};

/// An asserted `plover` event with the given sides and placeholder fields.
pub(crate) fn event(plover: &str, source: Vec<EventActor>, target: Vec<EventActor>) -> Event {
    let json = serde_json::json!({
        "id": "ev-1", "plover": plover, "mode": null, "contexts": [], "cameo": "050",
        "goldstein": 3.5, "quad_class": 1, "source": [], "target": [],
        "factuality": "asserted", "attributed_to": null, "quantities": [],
        "date": {"date": "2019-01-01", "start": "2019-01-01", "end": "2019-01-01", "precision": "unknown", "text": null, "note": ""},
        "place": null,
        "provenance": {"doc_id": "d", "sentence": 0, "sentence_text": "", "sentence_span": {"start": 0, "end": 0},
            "trigger": {"start": 0, "end": 0}, "trigger_text": "", "rule": "r", "confidence": 0.8}
    });
    let mut e: Event = serde_json::from_value(json).expect("event json");
    e.source = source;
    e.target = target;
    e
}
