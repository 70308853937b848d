//! Queries, summaries and exports on a small hand-built database.

mod common;

use common::{coded, summit_pair, temp_dir, Spec};
use dyad_store::export::{export, ExportFormat, GDELT_COLUMNS};
use dyad_store::query::Period;
use dyad_store::{EventFilter, Store};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::RowAccessor;

fn sample_store(name: &str) -> (std::path::PathBuf, Store) {
    let dir = temp_dir(name);
    let mut store = Store::open(dir.join("x.db")).expect("open");
    let (a, b) = summit_pair();
    let c = coded(
        "c",
        "Wire A",
        "2024-03-02",
        &[
            Spec::day("ASSAULT", "190", "RUS", "UKR", "2024-03-01").at("Kharkiv", "UKR"),
            Spec::day("AID", "070", "USA", "UKR", "2024-03-02"),
        ],
    );
    store.write_batch(&[a, b, c]).expect("write");
    (dir, store)
}

#[test]
fn event_filters_narrow_results() {
    let (_dir, store) = sample_store("filters");
    let all = store.events(&EventFilter::default()).expect("all");
    assert_eq!(all.len(), 5);
    let by = |f: EventFilter| store.events(&f).expect("query").len();
    assert_eq!(
        by(EventFilter {
            source: Some("rus".into()),
            ..Default::default()
        }),
        3
    );
    assert_eq!(
        by(EventFilter {
            source: Some("RUSGOV".into()),
            ..Default::default()
        }),
        3
    );
    assert_eq!(
        by(EventFilter {
            target: Some("UKR".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        by(EventFilter {
            dyad: Some(("PRK".into(), "RUS".into())),
            ..Default::default()
        }),
        3
    );
    assert_eq!(
        by(EventFilter {
            plover: Some("consult".into()),
            ..Default::default()
        }),
        3
    );
    assert_eq!(
        by(EventFilter {
            cameo: Some("19".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        by(EventFilter {
            since: Some(common::d("2024-01-01")),
            until: Some(common::d("2024-03-01")),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        by(EventFilter {
            place: Some("kharkiv".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        by(EventFilter {
            place: Some("PRK".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        by(EventFilter {
            min_articles: Some(2),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        by(EventFilter {
            min_articles: Some(2),
            merged: true,
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        by(EventFilter {
            limit: Some(2),
            ..Default::default()
        }),
        2
    );
    // rows carry their evidence
    let assault = store
        .events(&EventFilter {
            plover: Some("ASSAULT".into()),
            ..Default::default()
        })
        .expect("q");
    assert!(
        assault[0]
            .sentence
            .starts_with("The RUS government did ASSAULT"),
        "{:?}",
        assault[0].sentence
    );
    assert_eq!(assault[0].publisher.as_deref(), Some("Wire A"));
    assert!(assault[0].merged_id.is_some());
}

#[test]
fn dyads_and_timeline_summarise() {
    let (_dir, store) = sample_store("summary");
    let dyads = store
        .dyads(&EventFilter {
            merged: true,
            ..Default::default()
        })
        .expect("dyads");
    assert_eq!(dyads.len(), 3, "{dyads:#?}");
    assert_eq!(
        (
            dyads[0].source.as_str(),
            dyads[0].target.as_str(),
            dyads[0].events
        ),
        ("RUS", "PRK", 2)
    );
    let assault = dyads
        .iter()
        .find(|d| d.target == "UKR" && d.source == "RUS")
        .expect("RUS>UKR");
    assert_eq!((assault.events, assault.material_conflict), (1, 1));
    assert_eq!(assault.coop_share, 0.0);
    assert!(assault.mean_goldstein < -5.0);
    let filter = EventFilter {
        dyad: Some(("RUS".into(), "PRK".into())),
        merged: true,
        ..Default::default()
    };
    let timeline = store.timeline(&filter, Period::Month).expect("timeline");
    let periods: Vec<&str> = timeline.iter().map(|b| b.period.as_str()).collect();
    assert_eq!(periods, vec!["2023-09", "2024-06"]);
    assert_eq!(timeline[0].by_type.get("CONSULT"), Some(&1));
    assert_eq!(timeline[0].by_quad, [1, 0, 0, 0]);
    // unmerged: the summit counts once per mention
    let mentions = store
        .timeline(
            &EventFilter {
                merged: false,
                ..filter
            },
            Period::Month,
        )
        .expect("timeline");
    assert_eq!(mentions[0].events, 2);
}

#[test]
fn gdelt_export_has_the_61_documented_columns() {
    let (dir, store) = sample_store("gdelt");
    let path = dir.join("events.tsv");
    let filter = EventFilter {
        merged: true,
        ..Default::default()
    };
    let n = export(&store, &filter, ExportFormat::Gdelt, &path).expect("export");
    assert_eq!(n, 4);
    let text = std::fs::read_to_string(&path).expect("read");
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 4);
    let col = |name: &str| {
        GDELT_COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("column")
    };
    for fields in &lines {
        assert_eq!(fields.len(), 61);
    }
    let summit = lines
        .iter()
        .find(|f| f[col("SQLDATE")] == "20230913")
        .expect("summit row");
    assert_eq!(summit[col("MonthYear")], "202309");
    assert_eq!(summit[col("Year")], "2023");
    assert_eq!(summit[col("EventCode")], "040");
    assert_eq!(summit[col("EventBaseCode")], "040");
    assert_eq!(summit[col("EventRootCode")], "04");
    assert_eq!(summit[col("QuadClass")], "1");
    assert_eq!(summit[col("NumArticles")], "2");
    assert_eq!(summit[col("NumSources")], "2");
    assert_eq!(summit[col("Actor1CountryCode")], "RUS");
    assert_eq!(summit[col("Actor1Type1Code")], "GOV");
    assert_eq!(summit[col("Actor2CountryCode")], "PRK");
    assert_eq!(summit[col("ActionGeo_FullName")], "Vostochny");
    assert_eq!(summit[col("ActionGeo_Type")], "4");
    assert_eq!(summit[col("DATEADDED")], "20230913000000");
    assert_eq!(summit[col("SOURCEURL")], "https://example.org/a-2023");
    // never invented: tone, religion, FIPS geo codes stay empty
    for empty in [
        "AvgTone",
        "Actor1Religion1Code",
        "ActionGeo_CountryCode",
        "Actor1Geo_Type",
    ] {
        assert_eq!(summit[col(empty)], "", "{empty}");
    }
}

#[test]
fn parquet_export_round_trips_with_types() {
    let (dir, store) = sample_store("parquet");
    let path = dir.join("events.parquet");
    let n = export(
        &store,
        &EventFilter::default(),
        ExportFormat::Parquet,
        &path,
    )
    .expect("export");
    assert_eq!(n, 5);
    let reader =
        SerializedFileReader::new(std::fs::File::open(&path).expect("open")).expect("reader");
    assert_eq!(reader.metadata().file_metadata().num_rows(), 5);
    let schema = reader.metadata().file_metadata().schema_descr_ptr();
    let index = |name: &str| {
        (0..schema.num_columns())
            .find(|&i| schema.column(i).name() == name)
            .expect("column")
    };
    let rows: Vec<_> = reader
        .get_row_iter(None)
        .expect("rows")
        .collect::<Result<Vec<_>, _>>()
        .expect("read rows");
    assert_eq!(rows.len(), 5);
    let expected = store.events(&EventFilter::default()).expect("query");
    for (row, want) in rows.iter().zip(&expected) {
        assert_eq!(row.get_long(index("id")).expect("id"), want.id);
        assert_eq!(
            row.get_string(index("plover")).expect("plover"),
            &want.plover
        );
        assert_eq!(
            row.get_double(index("goldstein")).expect("goldstein"),
            want.goldstein
        );
        assert_eq!(
            i64::from(row.get_int(index("quad_class")).expect("quad")),
            want.quad_class
        );
        assert!(!row.get_bool(index("merged")).expect("merged"));
        let date = row
            .get_column_iter()
            .nth(index("date"))
            .map(|(_, f)| f.clone());
        let Some(parquet::record::Field::Date(days)) = date else {
            panic!("date column is not a DATE: {date:?}");
        };
        let epoch = common::d("1970-01-01");
        assert_eq!(
            (epoch + chrono::Duration::days(i64::from(days))).to_string(),
            want.date
        );
    }
    // an optional column holds nulls where there is no place
    let place = index("place_name");
    assert!(rows.iter().any(|r| r.get_string(place).is_err()));
    assert!(rows.iter().any(|r| r.get_string(place).is_ok()));
}

#[test]
fn csv_and_plover_json_exports() {
    let (dir, store) = sample_store("csv");
    let csv_path = dir.join("events.csv");
    export(
        &store,
        &EventFilter::default(),
        ExportFormat::Csv,
        &csv_path,
    )
    .expect("csv");
    let mut reader = csv::Reader::from_path(&csv_path).expect("csv reader");
    let header = reader.headers().expect("header").clone();
    assert_eq!(header.get(0), Some("id"));
    assert_eq!(header.len(), dyad_store::export::csv_header().len());
    assert_eq!(reader.records().count(), 5);

    let json_path = dir.join("events.jsonl");
    let filter = EventFilter {
        merged: true,
        ..Default::default()
    };
    export(&store, &filter, ExportFormat::PloverJson, &json_path).expect("json");
    let text = std::fs::read_to_string(&json_path).expect("read");
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(records.len(), 4);
    let summit = records
        .iter()
        .find(|r| r["date"] == "2023-09-13")
        .expect("summit");
    assert_eq!(summit["event_type"], "CONSULT");
    assert_eq!(summit["num_articles"], 2);
    assert_eq!(summit["location"]["name"], "Vostochny");
    assert!(summit["id"].as_str().is_some_and(|id| id.starts_with('M')));
}
