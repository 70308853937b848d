//! `dyad train syntax`, `dyad parse`, `dyad eval parse`, `dyad bench parse`:
//! the trained tagger and dependency parser (dyad-syntax).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use dyad_syntax::conllu::{self, ConlluSentence, ConlluToken};
use dyad_syntax::{Parse, Scratch, Syntax};
use dyad_text::{ReadOptions, TextPipeline};
use rayon::prelude::*;
use serde::Serialize;

/// What `dyad train` builds.
#[derive(clap::Subcommand)]
pub enum TrainCommand {
    /// Tagger, lemma table and parser in one model file, from a UD treebank
    /// (deterministic; prints dev scores per epoch).
    Syntax(TrainArgs),
    /// Prune an existing model's small weights (what `--prune` does at the
    /// end of training: `train syntax --prune 0,0,0` then `train prune
    /// --prune X` gives the same file as `train syntax --prune X`).
    Prune(PruneArgs),
    /// Build the tag dictionary of a model from a treebank's gold tags
    /// (what `train syntax` does at its end; also reads model files of the
    /// formats before the dictionary, and writes the current format):
    /// `train syntax` then `train tagdict --tagdict X` gives the same file
    /// as `train syntax --tagdict X`.
    Tagdict(TagdictArgs),
    /// A BiLSTM-feature parser (Kiperwasser & Goldberg 2016; an experiment,
    /// docs/syntax.md): the tagger options of `train syntax` give the
    /// jackknifed training tags; prints dev UAS/LAS per epoch and writes
    /// the parser after each. Use it with `DYAD_SYNTAX_BILSTM=FILE`.
    Bilstm(BilstmArgs),
}

/// Arguments of `dyad train bilstm`.
#[derive(clap::Args)]
pub struct BilstmArgs {
    /// Treebank directory with `*-ud-train.conllu` and `*-ud-dev.conllu`.
    #[arg(long)]
    pub treebank: PathBuf,
    /// Parser file to write (the epoch with the best dev UAS).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Passes over the training set.
    #[arg(long, default_value_t = dyad_syntax::bilstm::BilstmTraining::default().epochs)]
    pub epochs: usize,
    /// LSTM units each way.
    #[arg(long, default_value_t = dyad_syntax::bilstm::Dims::default().hidden)]
    pub hidden: usize,
    /// Hidden units of the MLPs.
    #[arg(long, default_value_t = dyad_syntax::bilstm::Dims::default().mlp)]
    pub mlp: usize,
    /// Word embedding size.
    #[arg(long, default_value_t = dyad_syntax::bilstm::Dims::default().wdim)]
    pub wdim: usize,
    /// Tag embedding size.
    #[arg(long, default_value_t = dyad_syntax::bilstm::Dims::default().tdim)]
    pub tdim: usize,
    /// Adam's learning rate.
    #[arg(long, default_value_t = dyad_syntax::bilstm::BilstmTraining::default().lr)]
    pub lr: f32,
    /// Sentences per update.
    #[arg(long, default_value_t = dyad_syntax::bilstm::BilstmTraining::default().batch)]
    pub batch: usize,
    /// Probability of following the parser's own wrong move (from the
    /// second epoch).
    #[arg(long, default_value_t = dyad_syntax::bilstm::BilstmTraining::default().explore)]
    pub explore: f64,
    /// Dropout probability of the words' BiLSTM vectors in training.
    #[arg(long, default_value_t = dyad_syntax::bilstm::BilstmTraining::default().dropout)]
    pub dropout: f64,
    /// Seed of initialisation, shuffles, word dropout and exploration.
    #[arg(long, default_value_t = dyad_syntax::bilstm::BilstmTraining::default().seed)]
    pub seed: u64,
    /// Extended features: the transition MLP also reads the leftmost and
    /// rightmost children of s0 and s1 and the leftmost child of b0.
    #[arg(long)]
    pub extended: bool,
    /// Embedding size of each word's lower-cased 3-letter suffix (0: off).
    #[arg(long, default_value_t = 0)]
    pub suffix_dim: usize,
    /// Embedding size of each word's shape (0: off).
    #[arg(long, default_value_t = 0)]
    pub shape_dim: usize,
    /// Embedding size of each word's lexicon tag (dyad-text's lexicon; 0:
    /// off).
    #[arg(long, default_value_t = 0)]
    pub lex_dim: usize,
    /// The label MLP also reads the tag classes of head and dependent and
    /// the arc's direction and length.
    #[arg(long)]
    pub label_features: bool,
}

fn train_bilstm(args: BilstmArgs) -> anyhow::Result<ExitCode> {
    let opts = dyad_syntax::train::TrainOptions::default();
    let cfg = dyad_syntax::bilstm::BilstmTraining {
        epochs: args.epochs,
        seed: args.seed,
        explore: args.explore,
        lr: args.lr,
        batch: args.batch,
        dropout: args.dropout,
        dims: dyad_syntax::bilstm::Dims {
            wdim: args.wdim,
            tdim: args.tdim,
            hidden: args.hidden,
            mlp: args.mlp,
            extra: [args.suffix_dim, args.shape_dim, args.lex_dim],
            extended: args.extended,
            label_feats: args.label_features,
        },
        ..Default::default()
    };
    anyhow::ensure!(
        [args.wdim, args.tdim, args.hidden, args.mlp]
            .iter()
            .all(|&d| (1..=4096).contains(&d)),
        "network sizes must be 1..=4096"
    );
    anyhow::ensure!(
        [args.suffix_dim, args.shape_dim, args.lex_dim]
            .iter()
            .all(|&d| d <= 4096),
        "embedding sizes must be 0..=4096"
    );
    dyad_syntax::train::train_bilstm_from_dir(
        &args.treebank,
        &opts,
        &cfg,
        &args.output,
        &mut |line| eprintln!("{line}"),
    )?;
    eprintln!("wrote {}", args.output.display());
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `dyad train prune`.
#[derive(clap::Args)]
pub struct PruneArgs {
    /// Model to prune.
    #[arg(long)]
    pub model: PathBuf,
    /// Thresholds tagger,transitions,labeller in 32,000ths of each table's largest weight.
    #[arg(long, value_delimiter = ',')]
    pub prune: Vec<i32>,
    /// Output file.
    #[arg(short, long)]
    pub output: PathBuf,
}

/// Arguments of `dyad train tagdict`.
#[derive(clap::Args)]
pub struct TagdictArgs {
    /// Model to add the dictionary to (its tag classes are kept).
    #[arg(long)]
    pub model: PathBuf,
    /// Treebank directory with `*-ud-train.conllu`.
    #[arg(long)]
    pub treebank: PathBuf,
    /// MIN_COUNT,MIN_SHARE: forms seen at least MIN_COUNT times whose most
    /// frequent class has at least MIN_SHARE of them (0,0: no dictionary).
    #[arg(long, value_delimiter = ',', default_values_t = tagdict_default())]
    pub tagdict: Vec<f64>,
    /// Output file.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Print the dictionary (form, Penn tag, UPOS; one a line).
    #[arg(long)]
    pub list: bool,
}

fn tagdict_default() -> Vec<f64> {
    let (c, s) = dyad_syntax::train::TrainOptions::default().tagdict;
    vec![c as f64, s]
}

fn tagdict_thresholds(v: &[f64]) -> anyhow::Result<(u32, f64)> {
    match v {
        [c, s]
            if *c >= 0.0
                && *c <= u32::MAX as f64
                && c.fract() == 0.0
                && (0.0..=1.0).contains(s) =>
        {
            Ok((*c as u32, *s))
        }
        _ => {
            anyhow::bail!("--tagdict takes MIN_COUNT,MIN_SHARE (a whole number, a share in 0..=1)")
        }
    }
}

/// Arguments of `dyad train syntax`.
#[derive(clap::Args)]
pub struct TrainArgs {
    /// Treebank directory with `*-ud-train.conllu` (and `*-ud-dev.conllu`
    /// for the per-epoch scores).
    #[arg(long)]
    pub treebank: PathBuf,
    /// Model file to write.
    #[arg(short, long, default_value = "data/syntax/en-ewt.model")]
    pub output: PathBuf,
    /// Tagger passes.
    #[arg(long, default_value_t = dyad_syntax::train::TrainOptions::default().tagger_epochs)]
    pub tagger_epochs: usize,
    /// Parser passes.
    #[arg(long, default_value_t = dyad_syntax::train::TrainOptions::default().parser_epochs)]
    pub parser_epochs: usize,
    /// Jackknife folds for the parser's training tags (1: gold tags).
    #[arg(long, default_value_t = dyad_syntax::train::TrainOptions::default().folds)]
    pub folds: usize,
    /// Drop weights below this many 32,000ths of their table's largest:
    /// tagger,transitions,labeller (model size and speed).
    #[arg(long, value_delimiter = ',', default_values_t = dyad_syntax::train::TrainOptions::default().prune)]
    pub prune: Vec<i32>,
    /// Seed of shuffles and exploration.
    #[arg(long, default_value_t = dyad_syntax::train::TrainOptions::default().seed)]
    pub seed: u64,
    /// Probability of following the parser's own wrong move in training
    /// (dynamic-oracle exploration, from the second epoch).
    #[arg(long, default_value_t = dyad_syntax::train::TrainOptions::default().explore)]
    pub explore: f64,
    /// Parser beam width: 1 is the greedy parser (dynamic oracle); more
    /// trains beam search with max-violation updates, and the model file
    /// records the width it decodes with.
    #[arg(long, default_value_t = dyad_syntax::train::TrainOptions::default().beam)]
    pub beam: usize,
    /// With `--beam`: early updates (stop at the step where the gold
    /// sequence leaves the beam) instead of max-violation updates.
    #[arg(long)]
    pub early_update: bool,
    /// Train the parser right to left (words reversed, heads mapped back):
    /// the second member of the reparsing ensemble.
    #[arg(long)]
    pub reverse: bool,
    /// Tag dictionary MIN_COUNT,MIN_SHARE: forms seen at least MIN_COUNT
    /// times in train whose most frequent (Penn, UPOS) class has at least
    /// MIN_SHARE of them are tagged without scoring (0,0: no dictionary).
    #[arg(long, value_delimiter = ',', default_values_t = tagdict_default())]
    pub tagdict: Vec<f64>,
}

/// Runs `dyad train syntax`.
pub fn train(cmd: TrainCommand) -> anyhow::Result<ExitCode> {
    let args = match cmd {
        TrainCommand::Syntax(args) => args,
        TrainCommand::Bilstm(args) => return train_bilstm(args),
        TrainCommand::Prune(p) => {
            anyhow::ensure!(
                p.prune.len() == 3,
                "--prune takes three numbers: tagger,transitions,labeller"
            );
            let mut model = Syntax::load(&p.model)?;
            model.prune([p.prune[0], p.prune[1], p.prune[2]]);
            model.save(&p.output)?;
            let s = model.sizes();
            eprintln!(
                "wrote {}: tagger {} / {}, parser {} / {}, labeller {} / {}",
                p.output.display(),
                s[0],
                s[1],
                s[2],
                s[3],
                s[4],
                s[5]
            );
            return Ok(ExitCode::SUCCESS);
        }
        TrainCommand::Tagdict(t) => {
            let (min_count, min_share) = tagdict_thresholds(&t.tagdict)?;
            let mut model = Syntax::load_any_version(&t.model)?;
            let (train_path, _) = dyad_syntax::train::treebank_files(&t.treebank)?;
            let train = conllu::read_conllu(&train_path)?;
            let classes: Vec<dyad_syntax::tagger::TagClass> = (0..=u8::MAX)
                .map_while(|c| model.tag_class(c).cloned())
                .collect();
            let (text_tagger, _) = dyad_text::tag::Tagger::builtin();
            let dict = dyad_syntax::train::tag_dict_from(
                &train,
                &classes,
                min_count,
                min_share,
                &text_tagger,
            );
            if t.list {
                for (form, class) in dict.entries() {
                    if let Some(c) = classes.get(*class as usize) {
                        println!("{form}\t{}\t{}", c.xpos, c.upos);
                    }
                }
            }
            eprintln!(
                "tag dictionary: {} forms (seen at least {min_count} times, one class in at least {min_share} of them)",
                dict.len()
            );
            model.set_tag_dict(dict);
            model.save(&t.output)?;
            eprintln!("wrote {}", t.output.display());
            return Ok(ExitCode::SUCCESS);
        }
    };
    let tagdict = tagdict_thresholds(&args.tagdict)?;
    anyhow::ensure!(
        args.prune.len() == 3,
        "--prune takes three numbers: tagger,transitions,labeller"
    );
    let opts = dyad_syntax::train::TrainOptions {
        tagger_epochs: args.tagger_epochs,
        parser_epochs: args.parser_epochs,
        folds: args.folds,
        seed: args.seed,
        explore: args.explore,
        beam: args.beam,
        early_update: args.early_update,
        reverse: args.reverse,
        tagdict,
        prune: [
            args.prune.first().copied().unwrap_or(0),
            args.prune.get(1).copied().unwrap_or(0),
            args.prune.get(2).copied().unwrap_or(0),
        ],
    };
    let started = Instant::now();
    let model =
        dyad_syntax::train::train_from_dir(&args.treebank, &opts, &mut |line| eprintln!("{line}"))?;
    model.save(&args.output)?;
    let size = std::fs::metadata(&args.output)
        .map(|m| m.len())
        .unwrap_or(0);
    let s = model.sizes();
    eprintln!(
        "wrote {} ({:.1} MB: tagger {} features / {} weights, parser {} / {}, labeller {} / {}, {} lemma exceptions) in {:.0} s",
        args.output.display(),
        size as f64 / 1e6,
        s[0],
        s[1],
        s[2],
        s[3],
        s[4],
        s[5],
        s[6],
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

fn load_model(path: &Option<PathBuf>) -> anyhow::Result<Syntax> {
    let mut model = match path {
        Some(p) => Syntax::load(p)?,
        None => Syntax::builtin()?,
    };
    // Experiments: DYAD_SYNTAX_ENSEMBLE=MAIN_WEIGHT;[r]WEIGHT:FILE;... adds
    // the parsers of further model files to a reparsing ensemble (`r`: the
    // member was trained with --reverse).
    if let Ok(v) = std::env::var("DYAD_SYNTAX_ENSEMBLE") {
        let mut parts = v.split(';');
        let main_weight: i64 = parts
            .next()
            .and_then(|w| w.trim().parse().ok())
            .ok_or_else(|| {
                anyhow::anyhow!("DYAD_SYNTAX_ENSEMBLE: MAIN_WEIGHT;[r]WEIGHT:FILE;...")
            })?;
        for part in parts {
            let (w, file) = part.split_once(':').ok_or_else(|| {
                anyhow::anyhow!("DYAD_SYNTAX_ENSEMBLE: member {part:?} is not [r]WEIGHT:FILE")
            })?;
            let reversed = w.starts_with('r');
            let weight: i64 = w.trim_start_matches('r').parse()?;
            model.add_member(
                Syntax::load(std::path::Path::new(file))?,
                reversed,
                main_weight,
                weight,
            )?;
        }
        eprintln!("reparsing ensemble of {} parsers", model.ensemble_size());
    }
    // Experiments: DYAD_SYNTAX_BILSTM=FILE parses with a BiLSTM parser
    // (`dyad train bilstm`) on the model's tags instead of the greedy one.
    if let Ok(file) = std::env::var("DYAD_SYNTAX_BILSTM") {
        model.set_bilstm(dyad_syntax::bilstm::BilstmParser::load(
            std::path::Path::new(&file),
        )?)?;
        eprintln!("parsing with the BiLSTM parser {file}");
    }
    // Experiments: DYAD_SYNTAX_BEAM=k decodes with beam width k (1: greedy)
    // whatever width the model records.
    if let Some(k) = std::env::var("DYAD_SYNTAX_BEAM")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        model.set_beam(k);
        eprintln!("decoding with beam width {}", model.beam());
    }
    // Experiments: DYAD_SYNTAX_PRUNE=tagger,transitions,labeller drops small
    // weights at load (to choose `dyad train syntax --prune`).
    if let Ok(v) = std::env::var("DYAD_SYNTAX_PRUNE") {
        let t: Vec<i32> = v.split(',').filter_map(|x| x.trim().parse().ok()).collect();
        if let [a, b, c] = t[..] {
            model.prune([a, b, c]);
            let s = model.sizes();
            eprintln!(
                "pruned to tagger {} / {}, parser {} / {}, labeller {} / {}",
                s[0], s[1], s[2], s[3], s[4], s[5]
            );
        }
    }
    Ok(model)
}

/// Arguments of `dyad eval parse`.
#[derive(clap::Args)]
pub struct EvalParseArgs {
    /// Gold CoNLL-U file.
    pub gold: PathBuf,
    /// Start from the raw text (`# text =` lines) through dyad's own
    /// segmenter and tokenizer, scored with the CoNLL 2018 alignment.
    #[arg(long)]
    pub raw: bool,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Model file (default: the built-in model).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Also write the predicted CoNLL-U here.
    #[arg(long)]
    pub output: Option<PathBuf>,
}

/// Relations whose precision/recall/F1 `dyad eval parse` reports.
pub const REPORTED_RELATIONS: &[&str] = &[
    "nsubj",
    "obj",
    "iobj",
    "nsubj:pass",
    "obl",
    "obl:agent",
    "xcomp",
    "ccomp",
    "advcl",
    "acl",
    "acl:relcl",
    "conj",
    "cc",
    "aux",
    "aux:pass",
    "mark",
    "advmod",
    "nmod",
    "nmod:poss",
    "compound",
    "appos",
    "amod",
    "nummod",
    "flat",
    "parataxis",
];

#[derive(Serialize)]
struct RelationReport {
    relation: String,
    gold: usize,
    predicted: usize,
    precision: f64,
    recall: f64,
    f1: f64,
}

#[derive(Serialize)]
struct EvalReport {
    gold: String,
    sentences: usize,
    words: usize,
    upos: f64,
    xpos: f64,
    lemma: f64,
    lemma_dyad_text: f64,
    uas: f64,
    las: f64,
    las_conll18: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    raw: Option<super::syntax_raw::RawScores>,
    /// Penn tags against dyad-text's Brill tagger on the sentences its
    /// tokenizer reproduces: sentences, words, Brill accuracy, ours.
    penn_vs_brill: (usize, usize, f64, f64),
    relations: Vec<RelationReport>,
    seconds: f64,
}

/// Runs `dyad eval parse`.
pub fn eval(args: EvalParseArgs) -> anyhow::Result<ExitCode> {
    let model = load_model(&args.model)?;
    let gold = conllu::read_conllu(&args.gold)?;
    let started = Instant::now();
    let (scores, predicted) = dyad_syntax::eval::evaluate(&model, &gold, true);
    let seconds = started.elapsed().as_secs_f64();
    let raw = if args.raw {
        Some(super::syntax_raw::evaluate_raw(&model, &gold)?)
    } else {
        None
    };
    if let Some(path) = &args.output {
        let mut text = String::new();
        conllu::write_conllu(&predicted, &mut text);
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    let r = scores.ratios();
    let (bs, bw, brill, ours) = super::syntax_raw::brill_comparison(&model, &gold);
    let bw_f = bw.max(1) as f64;
    let penn_vs_brill = (bs, bw, brill as f64 / bw_f, ours as f64 / bw_f);
    let relations: Vec<RelationReport> = REPORTED_RELATIONS
        .iter()
        .map(|rel| {
            let c = scores.relations.get(*rel).copied().unwrap_or_default();
            let (p, rc, f) = c.prf();
            RelationReport {
                relation: rel.to_string(),
                gold: c.gold,
                predicted: c.predicted,
                precision: p,
                recall: rc,
                f1: f,
            }
        })
        .collect();
    let report = EvalReport {
        gold: args.gold.display().to_string(),
        sentences: scores.sentences,
        words: scores.words,
        upos: r[0],
        xpos: r[1],
        lemma: r[2],
        lemma_dyad_text: r[3],
        uas: r[4],
        las: r[5],
        las_conll18: r[6],
        raw,
        penn_vs_brill,
        relations,
        seconds,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}: {} sentences, {} words (gold tokens)",
        report.gold, report.sentences, report.words
    );
    println!("  UPOS   {:.4}   XPOS {:.4}", report.upos, report.xpos);
    println!(
        "  lemma  {:.4}   (dyad-text's lemmatizer on the same tags: {:.4})",
        report.lemma, report.lemma_dyad_text
    );
    println!(
        "  UAS    {:.4}   LAS {:.4}   CoNLL 2018 LAS (base relations) {:.4}",
        report.uas, report.las, report.las_conll18
    );
    println!(
        "  Penn tags on the {} sentences ({} words) dyad-text tokenizes as the treebank does: dyad-syntax {:.4}, dyad-text's Brill tagger {:.4}",
        report.penn_vs_brill.0, report.penn_vs_brill.1, report.penn_vs_brill.3, report.penn_vs_brill.2
    );
    if let Some(raw) = &report.raw {
        println!(
            "  raw text: tokens F1 {:.4}, sentences F1 {:.4}, words F1 {:.4}, UPOS F1 {:.4}, UAS F1 {:.4}, LAS F1 {:.4}",
            raw.tokens_f1, raw.sentences_f1, raw.words_f1, raw.upos_f1, raw.uas_f1, raw.las_f1
        );
    }
    println!(
        "  {:<12} {:>6} {:>6} {:>7} {:>7} {:>7}",
        "relation", "gold", "pred", "P", "R", "F1"
    );
    for rel in &report.relations {
        println!(
            "  {:<12} {:>6} {:>6} {:>7.4} {:>7.4} {:>7.4}",
            rel.relation, rel.gold, rel.predicted, rel.precision, rel.recall, rel.f1
        );
    }
    println!(
        "  {:.2} s ({:.0} words/s, tag + parse + lemmas)",
        report.seconds,
        report.words as f64 / report.seconds.max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}

/// Output formats of `dyad parse`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ParseFormat {
    /// CoNLL-U, one block a sentence.
    Conllu,
    /// One JSON object a document: sentences with their words.
    Json,
    /// The tree drawn with arcs, one sentence at a time.
    Text,
}

/// Arguments of `dyad parse`.
#[derive(clap::Args)]
pub struct ParseArgs {
    /// Files, directories or `-` for stdin, read as `dyad read` reads them.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "conllu")]
    pub format: ParseFormat,
    /// Model file (default: the built-in model).
    #[arg(long)]
    pub model: Option<PathBuf>,
}

#[derive(Serialize)]
struct SentenceView<'a> {
    index: usize,
    text: &'a str,
    start: usize,
    end: usize,
    words: Vec<dyad_syntax::SyntaxWord>,
}

#[derive(Serialize)]
struct DocParseView<'a> {
    id: &'a str,
    sentences: Vec<SentenceView<'a>>,
}

/// Runs `dyad parse`.
pub fn parse(args: ParseArgs) -> anyhow::Result<ExitCode> {
    let model = load_model(&args.model)?;
    let pipeline = TextPipeline::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut scratch = Scratch::default();
    let mut parse = Parse::default();
    let mut failed = 0usize;
    for item in dyad_text::read_inputs(&args.paths, &ReadOptions::default()) {
        let doc = match item {
            Ok(doc) => doc,
            Err(err) => {
                failed += 1;
                eprintln!("error: {err}");
                continue;
            }
        };
        let analyzed = pipeline.analyze(doc);
        let text = &analyzed.doc.text;
        let mut views = Vec::new();
        let mut conll = Vec::new();
        for s in &analyzed.sentences {
            let words: Vec<&str> = s.tokens.iter().map(|t| t.text(text)).collect();
            model.parse_into(&words, &mut parse, &mut scratch);
            if parse.windowed {
                eprintln!(
                    "warning: {}: sentence {} has {} words; parsed in windows of {}",
                    analyzed.doc.id,
                    s.index,
                    words.len(),
                    dyad_syntax::MAX_WINDOW
                );
            }
            let parsed = model.words_of(&words, &parse);
            let stext = s.span.slice(text);
            match args.format {
                ParseFormat::Text => {
                    writeln!(out, "# {} sentence {}: {}", analyzed.doc.id, s.index, stext)?;
                    out.write_all(draw_tree(&parsed).as_bytes())?;
                    writeln!(out)?;
                }
                ParseFormat::Conllu => conll.push(ConlluSentence {
                    comments: vec![
                        format!("sent_id = {}-{}", analyzed.doc.id, s.index + 1),
                        format!("text = {}", stext.replace('\n', " ")),
                    ],
                    tokens: parsed
                        .iter()
                        .zip(&s.tokens)
                        .zip(s.tokens.iter().skip(1).map(Some).chain([None]))
                        .map(|((w, t), next)| ConlluToken {
                            form: w.form.clone(),
                            lemma: w.lemma.clone(),
                            upos: w.upos.clone(),
                            xpos: w.xpos.clone(),
                            feats: "_".into(),
                            head: w.head,
                            deprel: w.deprel.clone(),
                            deps: "_".into(),
                            misc: match next {
                                Some(n) if n.span.start == t.span.end => "SpaceAfter=No".into(),
                                _ => "_".into(),
                            },
                        })
                        .collect(),
                    multiword: Vec::new(),
                }),
                ParseFormat::Json => views.push(SentenceView {
                    index: s.index,
                    text: stext,
                    start: s.span.start,
                    end: s.span.end,
                    words: parsed,
                }),
            }
        }
        match args.format {
            ParseFormat::Conllu => {
                let mut buf = format!("# newdoc id = {}\n", analyzed.doc.id);
                conllu::write_conllu(&conll, &mut buf);
                out.write_all(buf.as_bytes())?;
            }
            ParseFormat::Json => {
                serde_json::to_writer(
                    &mut out,
                    &DocParseView {
                        id: &analyzed.doc.id,
                        sentences: views,
                    },
                )?;
                writeln!(out)?;
            }
            ParseFormat::Text => {}
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Draws a dependency tree: one line a word, its relation, and arcs in the
/// left margin connecting head and dependent.
pub fn draw_tree(words: &[dyad_syntax::SyntaxWord]) -> String {
    let n = words.len();
    // Arcs as (low, high, dependent) sorted by length; each gets a column.
    let mut arcs: Vec<(usize, usize, usize)> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.head != 0 && (w.head as usize) <= n)
        .map(|(i, w)| {
            let h = w.head as usize - 1;
            (i.min(h), i.max(h), i)
        })
        .collect();
    arcs.sort_by_key(|a| (a.1 - a.0, a.0));
    let mut columns: Vec<Vec<(usize, usize, usize)>> = Vec::new();
    for a in arcs {
        let col = columns
            .iter()
            .position(|c| c.iter().all(|b| a.1 < b.0 || a.0 > b.1));
        match col {
            Some(c) => columns[c].push(a),
            None => columns.push(vec![a]),
        }
    }
    let width = columns.len().min(40);
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        let mut margin = vec![' '; width * 2];
        for (c, col) in columns.iter().take(width).enumerate() {
            let x = (width - 1 - c) * 2;
            for &(lo, hi, dep) in col {
                if i == lo || i == hi {
                    margin[x] = if i == lo { '┌' } else { '└' };
                    let arrow = if i == dep { '►' } else { '─' };
                    for m in margin.iter_mut().skip(x + 1) {
                        if *m == ' ' {
                            *m = '─';
                        }
                    }
                    if let Some(last) = margin.last_mut() {
                        *last = arrow;
                    }
                } else if i > lo && i < hi && margin[x] == ' ' {
                    margin[x] = '│';
                }
            }
        }
        let margin: String = margin.into_iter().collect();
        out.push_str(&format!(
            "{margin} {:<3} {:<16} {:<6} {:<5} {}\n",
            w.id,
            w.form,
            w.upos,
            w.xpos,
            if w.head == 0 {
                "root".to_string()
            } else {
                format!("{} ← {}", w.deprel, w.head)
            }
        ));
    }
    out
}

/// Arguments of `dyad bench parse`.
#[derive(clap::Args)]
pub struct BenchParseArgs {
    /// A JSONL corpus (`{id?, date?, text|html}` a line).
    pub corpus: PathBuf,
    /// Print one JSON object instead of a sentence.
    #[arg(long)]
    pub json: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Process the corpus this many times.
    #[arg(long, default_value_t = 1)]
    pub repeat: usize,
    /// Model file (default: the built-in model).
    #[arg(long)]
    pub model: Option<PathBuf>,
}

#[derive(Serialize)]
struct BenchParseReport {
    corpus: String,
    docs: usize,
    sentences: usize,
    tokens: usize,
    seconds: f64,
    cpu_seconds: Option<f64>,
    threads: usize,
    tokens_per_sec_per_core: f64,
    sentences_per_sec_per_core: f64,
    model_load_ms: f64,
    /// CPU time of the load (wall time on a busy machine includes waiting).
    model_load_cpu_ms: Option<f64>,
    peak_rss_mb: f64,
}

/// Runs `dyad bench parse`: tag + parse (no lemmas) over the sentences of a
/// corpus that dyad-text has already segmented and tokenized (untimed).
pub fn bench(args: BenchParseArgs) -> anyhow::Result<ExitCode> {
    let load_cpu0 = super::bench::process_cpu_seconds();
    let load_start = Instant::now();
    let model = load_model(&args.model)?;
    let model_load_ms = load_start.elapsed().as_secs_f64() * 1e3;
    let model_load_cpu_ms = super::bench::process_cpu_seconds()
        .zip(load_cpu0)
        .map(|(a, b)| (a - b) * 1e3);
    let opts = ReadOptions::default();
    let raws = super::bench::read_corpus(&args.corpus, &opts)?;
    let pipeline = TextPipeline::new();
    let sentences: Vec<Vec<String>> = raws
        .par_iter()
        .flat_map_iter(|raw| {
            let analyzed = pipeline.analyze(dyad_text::build_document(raw.clone(), &opts));
            let text = analyzed.doc.text.clone();
            analyzed
                .sentences
                .into_iter()
                .map(move |s| s.tokens.iter().map(|t| t.text(&text).to_string()).collect())
                .collect::<Vec<Vec<String>>>()
        })
        .collect();
    let pool = super::bench::pool(args.threads)?;
    let threads = pool.current_num_threads();
    let repeat = args.repeat.max(1);
    let cpu0 = super::bench::process_cpu_seconds();
    let start = Instant::now();
    let tokens: usize = pool.install(|| {
        (0..repeat)
            .map(|_| {
                sentences
                    .par_chunks(64)
                    .map_init(
                        || (Scratch::default(), Parse::default()),
                        |(scratch, parse), chunk| {
                            let mut n = 0;
                            for s in chunk {
                                let words: Vec<&str> = s.iter().map(|w| w.as_str()).collect();
                                model.parse_into(&words, parse, scratch);
                                n += parse.heads.len();
                            }
                            n
                        },
                    )
                    .sum::<usize>()
            })
            .sum()
    });
    let seconds = start.elapsed().as_secs_f64().max(1e-9);
    let cpu = super::bench::process_cpu_seconds()
        .zip(cpu0)
        .map(|(a, b)| a - b);
    // Per core: CPU time when known (other jobs stretch wall time only).
    let core_seconds = cpu.filter(|c| *c > 0.0).unwrap_or(seconds * threads as f64);
    let nsent = sentences.len() * repeat;
    let report = BenchParseReport {
        corpus: args.corpus.display().to_string(),
        docs: raws.len(),
        sentences: nsent,
        tokens,
        seconds,
        cpu_seconds: cpu,
        threads,
        tokens_per_sec_per_core: tokens as f64 / core_seconds,
        sentences_per_sec_per_core: nsent as f64 / core_seconds,
        model_load_ms,
        model_load_cpu_ms,
        peak_rss_mb: super::bench::status_mb("VmHWM"),
    };
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!(
            "parse (tag + parse): {} docs, {} sentences, {} tokens in {:.3} s on {} thread(s): {:.0} tokens/s and {:.0} sentences/s per core; model load {:.0} ms ({:.0} ms CPU); peak RSS {:.0} MB",
            report.docs,
            report.sentences,
            report.tokens,
            report.seconds,
            report.threads,
            report.tokens_per_sec_per_core,
            report.sentences_per_sec_per_core,
            report.model_load_ms,
            report.model_load_cpu_ms.unwrap_or(f64::NAN),
            report.peak_rss_mb
        );
    }
    Ok(ExitCode::SUCCESS)
}
