//! `dyad eval events` (whole events on real news) and `dyad eval plv`
//! (outside PLOVER gold with marked actors). The scoring lives in
//! `dyad_coder::eval::{events, plv}`; this module reads the files and codes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use dyad_coder::eval::events::{score_events_with, CodedArticle, GoldPlace, GoldSentence};
use dyad_coder::eval::plv::{score_plv, PlvCoded, PlvMention, PlvMiss, PlvRow};
use dyad_text::ReadOptions;
use rayon::prelude::*;

/// Arguments of `dyad eval events`.
#[derive(clap::Args)]
pub struct EvalEventsArgs {
    /// Gold sentences (JSONL, `../shared/eval/events-real/dev.jsonl`).
    pub gold: PathBuf,
    /// The corpus holding the gold sentences' articles (JSONL with id, date, text).
    #[arg(long)]
    pub corpus: PathBuf,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    /// List every unmatched event and every missed required event.
    #[arg(long)]
    pub errors: bool,
    /// Code without the dependency parser (the older token-window analysis),
    /// for comparison.
    #[arg(long)]
    pub no_parse: bool,
    /// Parse every content sentence, also those skipped by default because
    /// they hold no actor mention or no trigger word (same output; slower).
    #[arg(long, conflicts_with = "no_parse")]
    pub parse_all: bool,
    /// Score every coded event (`dyad code --all`: any factuality,
    /// background acts, unresolved sides) instead of the default output:
    /// shows what the output policy costs in recall and saves in precision,
    /// and gives the place and date figures a larger denominator.
    #[arg(long)]
    pub all: bool,
}

/// Arguments of `dyad eval plv`.
#[derive(clap::Args)]
pub struct EvalPlvArgs {
    /// The PLV file (TSV with `marked_sentence` and `gold_root` columns).
    pub file: PathBuf,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    /// List every row not found, by category, with the marked sentence and
    /// what dyad coded (and, for a marked side that is no actor, what the
    /// actor stage finds in its text alone). The JSON report always holds
    /// the list (`errors`).
    #[arg(long)]
    pub errors: bool,
    /// Code without the dependency parser, for comparison.
    #[arg(long)]
    pub no_parse: bool,
    /// Parse every content sentence, also those skipped by default because
    /// they hold no actor mention or no trigger word (same output; slower).
    #[arg(long, conflicts_with = "no_parse")]
    pub parse_all: bool,
}

/// `dyad eval events`.
pub fn eval_events(args: EvalEventsArgs) -> anyhow::Result<ExitCode> {
    let gold: Vec<GoldSentence> = super::code::read_lines(&args.gold)?;
    let wanted: BTreeSet<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    let engine = super::code::engine_with(&[], args.no_parse, args.parse_all)?;
    // Read the whole corpus in order: an article's position decides its half.
    let mut docs = Vec::new();
    for (position, item) in
        dyad_text::read_inputs(std::slice::from_ref(&args.corpus), &ReadOptions::default())
            .enumerate()
    {
        match item {
            Ok(doc) if wanted.contains(doc.id.as_str()) => docs.push((position, doc)),
            Ok(_) => {}
            Err(err) => eprintln!("warning: corpus item {position} skipped: {err}"),
        }
    }
    let articles: Vec<CodedArticle> = docs
        .into_par_iter()
        .map(|(position, doc)| {
            let coded = engine.code_document(doc);
            CodedArticle {
                id: coded.analyzed.doc.id.clone(),
                position,
                text: coded.analyzed.doc.text.clone(),
                events: coded
                    .events
                    .into_iter()
                    .filter(|e| args.all || dyad_coder::shown_by_default(e))
                    .collect(),
            }
        })
        .collect();
    if engine.gazetteer().is_none() {
        eprintln!("warning: no gazetteer: gold places are compared by name only");
    }
    let resolve = |text: &str| match engine.gazetteer() {
        Some(g) => resolve_gold_place(g, text),
        None => Vec::new(),
    };
    let (report, failed) = match score_events_with(&gold, &articles, &resolve) {
        Ok(r) => (r, false),
        Err(r) => (*r, true),
    };
    if args.json {
        let mut value = serde_json::to_value(&report)?;
        if !args.errors {
            if let Some(o) = value.as_object_mut() {
                o.remove("error_list");
                o.remove("missed");
                o.remove("matched");
                o.remove("where_when_misses");
                o.remove("where_when_by_trigger_misses");
                o.remove("actor_misses");
            }
        }
        println!("{value}");
    } else {
        println!(
            "scored output: {}",
            if args.all {
                "every coded event (--all)"
            } else {
                "the default output of dyad code"
            }
        );
        print!("{}", report.to_text(args.errors));
    }
    if failed {
        bail!(
            "{} of {} gold sentences could not be aligned to the coded articles (more than {:.0} %)",
            report.unaligned.len(),
            report.gold_sentences,
            dyad_coder::eval::events::MAX_UNALIGNED_SHARE * 100.0
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Words that name a part of a place ("north-east Syria", "eastern
/// Ghouta"): the gold place is then the place itself, and a region of a
/// country counts as the country.
const PART_WORDS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north-east",
    "northeast",
    "north-west",
    "northwest",
    "south-east",
    "southeast",
    "south-west",
    "southwest",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "the",
];

/// The gazetteer entries a gold place names: the whole text, else each
/// item of a list ("Fua and Kefraya", "Iraq and Syria"), each without its
/// part words. Of a name's entries the country wins, then the most populous
/// place, then a division.
fn resolve_gold_place(gazetteer: &dyad_geo::Gazetteer, text: &str) -> Vec<GoldPlace> {
    let best = |name: &str| -> Option<GoldPlace> {
        let words: Vec<&str> = name.split_whitespace().collect();
        let skip = words
            .iter()
            .take_while(|w| PART_WORDS.contains(&w.to_lowercase().as_str()))
            .count();
        let core = words.get(skip..)?.join(" ");
        if core.is_empty() {
            return None;
        }
        let candidates = gazetteer.lookup(&core);
        let chosen = candidates
            .iter()
            .find(|c| c.is_country())
            .or_else(|| {
                // a town whose own name it is before one it is only an old
                // or alternate name of ("Salisbury": not Harare)
                candidates
                    .iter()
                    .filter(|c| c.place.feature_class == "P")
                    .max_by_key(|c| (c.place.name.eq_ignore_ascii_case(&core), c.place.population))
            })
            .or_else(|| candidates.iter().find(|c| c.is_division()))
            .or_else(|| candidates.first())?;
        Some(GoldPlace {
            geonameid: chosen.place.geonameid,
            country: chosen.place.country.clone(),
            admin1: chosen.place.admin1.clone(),
            lat: chosen.place.lat,
            lon: chosen.place.lon,
            // a region of a country ("north-east Syria") is scored as the
            // country: the gazetteer has no such regions
            is_country: chosen.is_country(),
        })
    };
    if let Some(p) = best(text) {
        return vec![p];
    }
    text.split([','])
        .flat_map(|part| part.split(" and "))
        .filter_map(|part| best(part.trim()))
        .collect()
}

/// Reads the PLV TSV: the `marked_sentence` and `gold_root` columns.
fn read_plv(path: &Path) -> anyhow::Result<Vec<PlvRow>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut lines = text.lines().enumerate();
    let Some((_, header)) = lines.next() else {
        bail!("{}: empty file", path.display());
    };
    let cols: Vec<&str> = header.split('\t').collect();
    let col = |name: &str| {
        cols.iter()
            .position(|c| c.trim() == name)
            .with_context(|| format!("{}:1: no `{name}` column", path.display()))
    };
    let (marked, gold) = (col("marked_sentence")?, col("gold_root")?);
    let mut rows = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let (Some(m), Some(g)) = (fields.get(marked), fields.get(gold)) else {
            bail!("{}:{}: too few columns", path.display(), i + 1);
        };
        let row = PlvRow::from_marked(m, g)
            .map_err(|e| anyhow::anyhow!("{}:{}: {}", path.display(), i + 1, e.0))?;
        rows.push(row);
    }
    Ok(rows)
}

/// `dyad eval plv`.
pub fn eval_plv(args: EvalPlvArgs) -> anyhow::Result<ExitCode> {
    let rows = read_plv(&args.file)?;
    let engine = super::code::engine_with(&[], args.no_parse, args.parse_all)?;
    // Each distinct sentence is coded once, as a one-sentence document
    // without a date; all factualities count (the gold types the act).
    let sentences: BTreeSet<&str> = rows.iter().map(|r| r.sentence.as_str()).collect();
    let coded: BTreeMap<&str, PlvCoded> = sentences
        .into_par_iter()
        .map(|s| {
            let doc = dyad_text::document_from_text("plv", s, None);
            let coded = engine.code_document(doc);
            let mut mentions: Vec<PlvMention> = coded
                .actors
                .iter()
                .map(|m| {
                    // the chain of mentions a coreferent one was resolved to
                    let mut antecedents = Vec::new();
                    let mut at = m.antecedent;
                    while let Some(a) = at.and_then(|k| coded.actors.get(k)) {
                        if antecedents.len() >= 4 {
                            break;
                        }
                        antecedents.push((a.span, a.text.clone()));
                        at = a.antecedent;
                    }
                    PlvMention {
                        span: m.span,
                        text: m.text.clone(),
                        code: m.actor.code(),
                        antecedents,
                    }
                })
                // toponyms too: after a preposition the coder offers them
                // as slot fillers ("sent experts to Saudi Arabia")
                .chain(coded.places.iter().map(|p| PlvMention {
                    antecedents: Vec::new(),
                    span: p.span,
                    text: p.text.clone(),
                    code: format!(
                        "place:{}",
                        p.place.as_ref().map_or("?", |r| r.country.as_str())
                    ),
                }))
                .collect();
            let mut events = coded.events;
            if coded.analyzed.doc.text != s {
                // Cleaning changed the text: move spans back onto the
                // sentence (cleaning only trims and folds spacing here).
                let map = offset_map(&coded.analyzed.doc.text, s);
                let at = |i: usize| map[i.min(map.len() - 1)];
                for ev in &mut events {
                    for a in ev.source.iter_mut().chain(ev.target.iter_mut()) {
                        a.span = dyad_core::Span::new(at(a.span.start), at(a.span.end));
                    }
                }
                for m in &mut mentions {
                    m.span = dyad_core::Span::new(at(m.span.start), at(m.span.end));
                    for (sp, _) in &mut m.antecedents {
                        *sp = dyad_core::Span::new(at(sp.start), at(sp.end));
                    }
                }
            }
            (s, PlvCoded { events, mentions })
        })
        .collect();
    let per_row: Vec<PlvCoded> = rows
        .iter()
        .map(|r| coded[r.sentence.as_str()].clone())
        .collect();
    let mut report = score_plv(&rows, &per_row);
    // A marked side that is no actor in its sentence: what does the actor
    // stage make of its text alone? (Tells a gap in the lexicon from a
    // context that hides a known actor.)
    report.errors.par_iter_mut().for_each(|e| {
        let r = &rows[e.row - 1];
        let span = match e.category {
            PlvMiss::SourceNotActor => r.source,
            PlvMiss::TargetNotActor => r.target,
            _ => None,
        };
        if let Some(span) = span {
            let doc = dyad_text::document_from_text("plv-span", span.slice(&r.sentence), None);
            let alone = engine.code_document(doc);
            e.alone = alone
                .actors
                .iter()
                .map(|m| format!("{}={} ({})", m.text, m.actor.code(), m.rule))
                .chain(alone.places.iter().map(|p| format!("{}=place", p.text)))
                .collect();
        }
    });
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        print!("{}", report.to_text());
        if args.errors {
            print!("{}", report.errors_text());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// For each byte offset of `cleaned` (and its end), the offset in
/// `original` of the same character, matching non-whitespace characters
/// in order.
fn offset_map(cleaned: &str, original: &str) -> Vec<usize> {
    let mut map = vec![original.len(); cleaned.len() + 1];
    let mut orig = original.char_indices().filter(|(_, c)| !c.is_whitespace());
    for (i, c) in cleaned.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        if let Some((j, _)) = orig.next() {
            map[i] = j;
        }
    }
    for i in (0..cleaned.len()).rev() {
        if map[i] == original.len() && map[i + 1] < original.len() {
            map[i] = map[i + 1];
        }
    }
    map
}
