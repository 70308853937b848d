//! `dyad events | dyads | timeline | show | export`: reading the database.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use dyad_store::export::ExportFormat;
use dyad_store::query::{EventDetail, Period};
use dyad_store::{EventFilter, EventRow, Store};

use super::{table, DEFAULT_DB};

/// Filters shared by the query and export commands.
#[derive(clap::Args, Clone, Default)]
pub struct FilterArgs {
    /// Database file.
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: PathBuf,
    /// Source actor: ISO3 country, actor code (RUSGOV), org code or name.
    #[arg(long)]
    pub source: Option<String>,
    /// Target actor, as --source.
    #[arg(long)]
    pub target: Option<String>,
    /// A dyad in either direction, `A:B`.
    #[arg(long, value_name = "A:B")]
    pub dyad: Option<String>,
    /// PLOVER event type (CONSULT, ASSAULT, ...).
    #[arg(long = "type", value_name = "PLOVER")]
    pub plover: Option<String>,
    /// CAMEO code or prefix.
    #[arg(long)]
    pub cameo: Option<String>,
    /// Events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long)]
    pub since: Option<String>,
    /// Events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long)]
    pub until: Option<String>,
    /// Place name substring or ISO3 country of the place.
    #[arg(long)]
    pub place: Option<String>,
    /// Only events reported by at least N articles.
    #[arg(long, value_name = "N")]
    pub min_articles: Option<u32>,
    /// Merged (cross-article) events instead of single reports.
    #[arg(long)]
    pub merged: bool,
    /// Every stored event: also negated, hypothetical, intended and denied
    /// ones, background acts and events with an unresolved side (default:
    /// the events `dyad code` prints).
    #[arg(long, visible_alias = "all")]
    pub all_factualities: bool,
}

impl FilterArgs {
    fn filter(&self, limit: Option<usize>) -> anyhow::Result<EventFilter> {
        let dyad = match &self.dyad {
            Some(d) => {
                let (a, b) = d
                    .split_once(':')
                    .with_context(|| format!("--dyad {d:?}: expected A:B, e.g. RUS:UKR"))?;
                Some((a.to_string(), b.to_string()))
            }
            None => None,
        };
        let bound = |v: &Option<String>, end: bool| -> anyhow::Result<Option<NaiveDate>> {
            v.as_deref()
                .map(|s| dyad_store::query::parse_bound(s, end))
                .transpose()
                .map_err(Into::into)
        };
        Ok(EventFilter {
            source: self.source.clone(),
            target: self.target.clone(),
            dyad,
            plover: self.plover.clone(),
            cameo: self.cameo.clone(),
            since: bound(&self.since, false)?,
            until: bound(&self.until, true)?,
            place: self.place.clone(),
            min_articles: self.min_articles,
            merged: self.merged,
            factual_only: !self.all_factualities,
            all: self.all_factualities,
            limit,
        })
    }
}

/// Output formats of `dyad events`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RowFormat {
    /// Aligned columns for people.
    Table,
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header.
    Csv,
}

/// Arguments of `dyad events`.
#[derive(clap::Args)]
pub struct EventsArgs {
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: RowFormat,
    /// At most N rows (table default: 50).
    #[arg(long)]
    limit: Option<usize>,
}

/// Arguments of `dyad dyads`.
#[derive(clap::Args)]
pub struct DyadsArgs {
    #[command(flatten)]
    filter: FilterArgs,
    /// Count single reports instead of merged events.
    #[arg(long)]
    mentions: bool,
    /// At most N dyads.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// One JSON object per line instead of a table.
    #[arg(long)]
    json: bool,
}

/// Timeline granularity.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    /// Per day.
    Day,
    /// Per ISO week.
    Week,
    /// Per month.
    Month,
}

/// Arguments of `dyad timeline`.
#[derive(clap::Args)]
pub struct TimelineArgs {
    /// First actor (ISO3 country, actor code or name).
    a: String,
    /// Second actor; events in either direction count.
    b: String,
    /// Period.
    #[arg(long, value_enum, default_value = "month")]
    by: By,
    #[command(flatten)]
    filter: FilterArgs,
    /// Count single reports instead of merged events.
    #[arg(long)]
    mentions: bool,
    /// One JSON object per line instead of a table.
    #[arg(long)]
    json: bool,
}

/// Arguments of `dyad show`.
#[derive(clap::Args)]
pub struct ShowArgs {
    /// Event or merged-event id (as printed by `dyad events`; an `M` prefix is accepted).
    id: String,
    /// Database file.
    #[arg(long, default_value = DEFAULT_DB)]
    db: PathBuf,
    /// JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Export formats.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormatArg {
    /// PLOVER-style JSON records, one per line.
    PloverJson,
    /// GDELT 2.0 event table (61 tab-separated columns).
    Gdelt,
    /// CSV with a header.
    Csv,
    /// Parquet with typed columns.
    Parquet,
}

/// Arguments of `dyad export`.
#[derive(clap::Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum)]
    format: ExportFormatArg,
    /// Output file.
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
    #[command(flatten)]
    filter: FilterArgs,
}

fn actor_cell(code: &Option<String>, name: &Option<String>) -> String {
    match (code, name) {
        (Some(c), Some(n)) if !n.is_empty() => format!("{c} ({n})"),
        (Some(c), _) => c.clone(),
        (None, Some(n)) => n.clone(),
        (None, None) => "-".into(),
    }
}

fn event_table(rows: &[EventRow]) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                if r.merged {
                    format!("M{}", r.id)
                } else {
                    r.id.to_string()
                },
                r.date.clone(),
                r.date_precision.clone(),
                r.plover.clone(),
                r.cameo.clone(),
                actor_cell(&r.source_code, &r.source_name),
                actor_cell(&r.target_code, &r.target_name),
                r.place_name.clone().unwrap_or_default(),
                r.num_articles.to_string(),
                r.sentence.clone(),
            ]
        })
        .collect();
    table::render(
        &[
            "id",
            "date",
            "precision",
            "type",
            "cameo",
            "source",
            "target",
            "place",
            "articles",
            "sentence",
        ],
        &cells,
    )
}

/// Runs `dyad events`.
pub fn events(args: EventsArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_existing(&args.filter.db)?;
    let limit = args
        .limit
        .or((args.format == RowFormat::Table).then_some(50));
    let filter = args.filter.filter(limit)?;
    let rows = store.events(&filter)?;
    match args.format {
        RowFormat::Table => {
            print!("{}", event_table(&rows));
            eprintln!(
                "{} {}",
                rows.len(),
                if filter.merged {
                    "merged events"
                } else {
                    "events"
                }
            );
        }
        RowFormat::Jsonl => {
            for row in &rows {
                println!("{}", serde_json::to_string(row)?);
            }
        }
        RowFormat::Csv => dyad_store::export::write_csv(&rows, std::io::stdout().lock())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn dyad_rows(rows: &[dyad_store::query::DyadSummary]) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|d| {
            vec![
                format!("{} → {}", d.source, d.target),
                d.events.to_string(),
                d.articles.to_string(),
                format!("{}/{}", d.verbal_coop, d.material_coop),
                format!("{}/{}", d.verbal_conflict, d.material_conflict),
                format!("{:.0}%", d.coop_share * 100.0),
                format!("{:+.1}", d.mean_goldstein),
            ]
        })
        .collect();
    table::render(
        &[
            "dyad",
            "events",
            "articles",
            "coop v/m",
            "conflict v/m",
            "coop share",
            "goldstein",
        ],
        &cells,
    )
}

/// Runs `dyad dyads`.
pub fn dyads(args: DyadsArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_existing(&args.filter.db)?;
    let mut filter = args.filter.filter(Some(args.limit))?;
    filter.merged = !args.mentions;
    let rows = store.dyads(&filter)?;
    if args.json {
        for row in &rows {
            println!("{}", serde_json::to_string(row)?);
        }
    } else {
        print!("{}", dyad_rows(&rows));
    }
    Ok(ExitCode::SUCCESS)
}

fn timeline_rows(buckets: &[dyad_store::query::TimelineBucket]) -> String {
    let cells: Vec<Vec<String>> = buckets
        .iter()
        .map(|b| {
            let types: Vec<String> = b.by_type.iter().map(|(t, n)| format!("{t} {n}")).collect();
            vec![
                b.period.clone(),
                b.events.to_string(),
                format!(
                    "{} {} {} {}",
                    b.by_quad[0], b.by_quad[1], b.by_quad[2], b.by_quad[3]
                ),
                format!("{:+.1}", b.mean_goldstein),
                types.join(", "),
            ]
        })
        .collect();
    table::render(
        &["period", "events", "quad 1 2 3 4", "goldstein", "types"],
        &cells,
    )
}

/// Runs `dyad timeline`.
pub fn timeline(args: TimelineArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_existing(&args.filter.db)?;
    let mut filter = args.filter.filter(None)?;
    filter.dyad = Some((args.a.clone(), args.b.clone()));
    filter.merged = !args.mentions;
    let by = match args.by {
        By::Day => Period::Day,
        By::Week => Period::Week,
        By::Month => Period::Month,
    };
    let buckets = store.timeline(&filter, by)?;
    if args.json {
        for b in &buckets {
            println!("{}", serde_json::to_string(b)?);
        }
    } else if buckets.is_empty() {
        println!("no events between {} and {}", args.a, args.b);
    } else {
        println!("{} ↔ {}", args.a, args.b);
        print!("{}", timeline_rows(&buckets));
    }
    Ok(ExitCode::SUCCESS)
}

fn print_detail(d: &EventDetail) {
    let r = &d.record;
    let id = if r.merged {
        format!("M{}", r.id)
    } else {
        r.id.to_string()
    };
    println!(
        "{} {id}: {} ({}) {} → {}",
        if r.merged { "merged event" } else { "event" },
        r.plover,
        r.cameo,
        actor_cell(&r.source_code, &r.source_name),
        actor_cell(&r.target_code, &r.target_name)
    );
    println!(
        "  date: {} ({}, window {} .. {})",
        r.date, r.date_precision, r.date_start, r.date_end
    );
    if let Some(place) = &r.place_name {
        println!(
            "  place: {place} {}",
            r.place_country.clone().unwrap_or_default()
        );
    }
    println!(
        "  goldstein {:+.1}, quad class {}, factuality {}",
        r.goldstein, r.quad_class, r.factuality
    );
    if let Some(m) = &d.merged {
        println!(
            "  part of merged event M{} ({} articles, {} sources, {} mentions)",
            m.id, m.num_articles, m.num_sources, m.num_mentions
        );
    } else if r.merged {
        println!(
            "  {} articles, {} sources, {} mentions; reported {} .. {}",
            r.num_articles,
            r.num_sources,
            r.num_mentions,
            r.first_report.clone().unwrap_or_default(),
            r.last_report.clone().unwrap_or_default()
        );
    }
    println!("  reports:");
    for rep in &d.reports {
        println!(
            "  - [{}] {} {} (event {}, {} {}, rule {}, confidence {:.2})",
            rep.pub_date.clone().unwrap_or_else(|| "?".into()),
            rep.publisher.clone().unwrap_or_default(),
            rep.doc_id,
            rep.event_id,
            rep.date,
            rep.date_precision,
            rep.rule,
            rep.confidence
        );
        println!("    \"{}\"", rep.sentence.trim());
    }
}

/// Runs `dyad show`.
pub fn show(args: ShowArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_existing(&args.db)?;
    let digits = args.id.trim().trim_start_matches(['M', 'm']);
    let id: i64 = digits
        .parse()
        .with_context(|| format!("{:?} is not an event id", args.id))?;
    match store.show(id)? {
        Some(detail) if args.json => println!("{}", serde_json::to_string_pretty(&detail)?),
        Some(detail) => print_detail(&detail),
        None => {
            eprintln!(
                "no event or merged event {} in {}",
                args.id,
                args.db.display()
            );
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `dyad export`.
pub fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_existing(&args.filter.db)?;
    let filter = args.filter.filter(None)?;
    let format = match args.format {
        ExportFormatArg::PloverJson => ExportFormat::PloverJson,
        ExportFormatArg::Gdelt => ExportFormat::Gdelt,
        ExportFormatArg::Csv => ExportFormat::Csv,
        ExportFormatArg::Parquet => ExportFormat::Parquet,
    };
    let n = dyad_store::export::export(&store, &filter, format, &args.output)?;
    eprintln!(
        "wrote {n} {} to {}",
        if filter.merged {
            "merged events"
        } else {
            "events"
        },
        args.output.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The demo's report: top dyads and the Russia–North Korea timeline.
pub fn print_demo(store: &Store) -> anyhow::Result<()> {
    let top = store.dyads(&EventFilter {
        merged: true,
        limit: Some(10),
        ..EventFilter::default()
    })?;
    println!("Top dyads (merged events):");
    print!("{}", dyad_rows(&top));
    let filter = EventFilter {
        merged: true,
        dyad: Some(("RUS".into(), "PRK".into())),
        ..EventFilter::default()
    };
    let buckets = store.timeline(&filter, Period::Month)?;
    println!("\nTimeline RUS ↔ PRK by month (merged events):");
    if buckets.is_empty() {
        println!("(no events)");
    } else {
        print!("{}", timeline_rows(&buckets));
    }
    let multi = store.events(&EventFilter {
        merged: true,
        min_articles: Some(2),
        limit: Some(10),
        ..EventFilter::default()
    })?;
    println!("\nEvents reported by several articles:");
    print!("{}", event_table(&multi));
    Ok(())
}
