//! Training the whole model from a UD treebank directory: tagger (with
//! jackknifed tags for the parser), lemma exceptions, parser. Deterministic:
//! the same treebank and options give the same bytes.

use std::path::Path;

use rustc_hash::FxHashMap;

use crate::conllu::{read_conllu, ConlluSentence};
use crate::error::SyntaxError;
use crate::feat::{word_info, WordInfo};
use crate::lemma::Lemmatizer;
use crate::parser::{self, ParseExample, ParseScratch, ParserModel, ParserTraining};
use crate::tagdict::TagDict;
use crate::tagger::{self, TagClass, TagExample, TaggerModel};
use crate::Syntax;

/// Training settings (the defaults build the committed model).
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes of the tagger over the training set.
    pub tagger_epochs: usize,
    /// Passes of the parser.
    pub parser_epochs: usize,
    /// Folds for jackknifed tags (1 = train the parser on gold tags).
    pub folds: usize,
    /// Seed of every shuffle and exploration draw.
    pub seed: u64,
    /// Probability of following a wrong move while training the parser.
    pub explore: f64,
    /// Final weights below this many 32,000ths of their table's largest
    /// are dropped: tagger, transitions, labeller. Shrinks the model to a
    /// third and speeds it up at no cost on dev (docs/syntax.md).
    pub prune: [i32; 3],
    /// Parser beam width: 1 trains the greedy parser with the dynamic
    /// oracle; more trains beam search with max-violation updates, and the
    /// model decodes with that width.
    pub beam: usize,
    /// Beam training with early updates (Collins & Roark 2004) instead of
    /// max-violation updates.
    pub early_update: bool,
    /// Train the parser right to left: every sentence's words (and their
    /// jackknifed tags) are reversed before the parser sees them, and its
    /// heads mapped back ([`crate::ensemble::reverse_heads`]). The second
    /// member of the reparsing ensemble (docs/syntax.md); the tagger is the
    /// usual left-to-right one.
    pub reverse: bool,
    /// The tag dictionary's thresholds ([`crate::tagdict`]): forms seen at
    /// least this many times in the training set whose most frequent
    /// class has at least this share of them (0 times: no dictionary).
    pub tagdict: (u32, f64),
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            tagger_epochs: 10,
            parser_epochs: 15,
            folds: 4,
            seed: 13,
            explore: 0.9,
            prune: [600, 400, 400],
            beam: 1,
            early_update: false,
            reverse: false,
            tagdict: (TAGDICT_MIN_COUNT, TAGDICT_MIN_SHARE),
        }
    }
}

/// Default minimum count of a tag dictionary form (chosen on EWT dev,
/// docs/syntax.md).
pub const TAGDICT_MIN_COUNT: u32 = 10;
/// Default minimum share of a tag dictionary form's class.
pub const TAGDICT_MIN_SHARE: f64 = 0.99;

/// The tag dictionary of a training set: its gold (Penn, UPOS) classes
/// mapped onto `classes` (tokens of a class not among them are left out).
/// Only forms of the closed classes, names and numbers enter: a noun,
/// verb or adjective class (UPOS `NOUN`, `VERB`, `ADJ`) says how EWT's web
/// text uses the word, not how news does ("fund" and "fire" are nouns in
/// every EWT sentence that has them, "named" and "funded" participles,
/// "discuss" a bare infinitive), and the greedy tagger reads those from
/// their context. And a form whose class is not an auxiliary's stays out
/// when dyad-text's verb table lists it as a verb form (base, third-person
/// present or past: the name "Mark", the adverb "back").
pub fn tag_dict_from(
    train: &[ConlluSentence],
    classes: &[TagClass],
    min_count: u32,
    min_share: f64,
    text_tagger: &dyad_text::tag::Tagger,
) -> TagDict {
    let keep = |form: &str, class: u8| {
        let Some(c) = classes.get(class as usize) else {
            return false;
        };
        match c.upos.as_str() {
            "NOUN" | "VERB" | "ADJ" => false,
            "AUX" => true,
            _ => {
                !(text_tagger.is_base_verb(form)
                    || text_tagger.is_past_verb(form)
                    || text_tagger.is_present_s_verb(form))
            }
        }
    };
    let class_id: FxHashMap<(&str, &str), u8> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| ((c.xpos.as_str(), c.upos.as_str()), i as u8))
        .collect();
    let tokens = train.iter().flat_map(|s| s.tokens.iter()).filter_map(|t| {
        class_id
            .get(&(t.xpos.as_str(), t.upos.as_str()))
            .map(|&c| (t.form.as_str(), c))
    });
    TagDict::build(tokens, min_count, min_share, keep)
}

/// The train and dev files of a UD treebank directory (`*-ud-train.conllu`,
/// `*-ud-dev.conllu`).
pub fn treebank_files(
    dir: &Path,
) -> Result<(std::path::PathBuf, Option<std::path::PathBuf>), SyntaxError> {
    let mut train = None;
    let mut dev = None;
    let entries = std::fs::read_dir(dir).map_err(|source| SyntaxError::ConlluIo {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut names: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    names.sort();
    for p in names {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with("-ud-train.conllu") {
            train = Some(p.clone());
        } else if name.ends_with("-ud-dev.conllu") {
            dev = Some(p.clone());
        }
    }
    let train = train.ok_or_else(|| {
        SyntaxError::Training(format!("no *-ud-train.conllu in {}", dir.display()))
    })?;
    Ok((train, dev))
}

fn infos(s: &ConlluSentence, buf: &mut String, lex: &dyad_text::tag::Tagger) -> Vec<WordInfo> {
    s.tokens
        .iter()
        .map(|t| word_info(&t.form, buf, lex))
        .collect()
}

/// Ids by descending frequency (ties by name), for stable class numbering.
fn by_frequency<K: Ord + Clone + std::hash::Hash>(counts: FxHashMap<K, usize>) -> Vec<K> {
    let mut v: Vec<(K, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.into_iter().map(|(k, _)| k).collect()
}

fn tag_accuracy(model: &TaggerModel, dev: &[(Vec<WordInfo>, Vec<&str>)]) -> f64 {
    let (mut right, mut total) = (0usize, 0usize);
    let (mut out, mut feats) = (Vec::new(), Vec::new());
    for (words, gold) in dev {
        model.tag(words, &mut out, &mut feats);
        for (t, g) in out.iter().zip(gold) {
            right += (model.classes.get(*t as usize).map(|c| c.upos.as_str()) == Some(*g)) as usize;
            total += 1;
        }
    }
    right as f64 / total.max(1) as f64
}

/// Trains the model from a treebank directory. `log` receives progress
/// lines (epochs, dev scores, timings).
pub fn train_from_dir(
    dir: &Path,
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<Syntax, SyntaxError> {
    let (train_path, dev_path) = treebank_files(dir)?;
    let train = read_conllu(&train_path)?;
    let dev = match &dev_path {
        Some(p) => read_conllu(p)?,
        None => Vec::new(),
    };
    log(&format!(
        "treebank: {} ({} sentences), dev: {} ({} sentences)",
        train_path.display(),
        train.len(),
        dev_path
            .as_ref()
            .map_or("none".to_string(), |p| p.display().to_string()),
        dev.len()
    ));
    train_model(&train, &dev, opts, log)
}

/// What the parser trainers need: tag classes, relations, the final
/// tagger, the lemma table, the training sentences with jackknifed tags and
/// projective heads, and the dev sentences with the final tagger's tags.
struct Prepared<'a> {
    classes: Vec<TagClass>,
    labels: Vec<String>,
    tagger_model: TaggerModel,
    lemmas: Lemmatizer,
    pexamples: Vec<ParseExample>,
    dev_parse: Vec<(Vec<WordInfo>, Vec<u8>, &'a ConlluSentence)>,
}

/// Trains the tagger (and the jackknife taggers) and prepares the parser's
/// training and dev sentences.
fn prepare<'a>(
    train: &[ConlluSentence],
    dev: &'a [ConlluSentence],
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
    started: &std::time::Instant,
) -> Result<Prepared<'a>, SyntaxError> {
    if train.is_empty() {
        return Err(SyntaxError::Training("no training sentences".into()));
    }
    let mut buf = String::new();
    let (text_tagger, _) = dyad_text::tag::Tagger::builtin();
    // Classes and labels.
    let mut class_counts: FxHashMap<TagClass, usize> = FxHashMap::default();
    let mut label_counts: FxHashMap<String, usize> = FxHashMap::default();
    for s in train {
        for t in &s.tokens {
            *class_counts
                .entry(TagClass {
                    xpos: t.xpos.clone(),
                    upos: t.upos.clone(),
                })
                .or_default() += 1;
            *label_counts.entry(t.deprel.clone()).or_default() += 1;
        }
    }
    let mut class_list: Vec<(String, String, usize)> = class_counts
        .into_iter()
        .map(|(c, n)| (c.xpos, c.upos, n))
        .collect();
    class_list.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, &a.1).cmp(&(&b.0, &b.1))));
    let classes: Vec<TagClass> = class_list
        .into_iter()
        .take(255)
        .map(|(xpos, upos, _)| TagClass { xpos, upos })
        .collect();
    label_counts.entry("root".into()).or_insert(0);
    label_counts.entry("parataxis".into()).or_insert(0);
    let labels: Vec<String> = by_frequency(label_counts).into_iter().take(255).collect();
    let class_id: FxHashMap<(&str, &str), u8> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| ((c.xpos.as_str(), c.upos.as_str()), i as u8))
        .collect();
    let label_id: FxHashMap<&str, u8> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u8))
        .collect();
    log(&format!(
        "{} tag classes, {} relations",
        classes.len(),
        labels.len()
    ));

    let examples: Vec<TagExample> = train
        .iter()
        .map(|s| TagExample {
            words: infos(s, &mut buf, &text_tagger),
            gold: s
                .tokens
                .iter()
                .map(|t| {
                    class_id
                        .get(&(t.xpos.as_str(), t.upos.as_str()))
                        .copied()
                        .unwrap_or(0)
                })
                .collect(),
        })
        .collect();
    let dev_tag: Vec<(Vec<WordInfo>, Vec<&str>)> = dev
        .iter()
        .map(|s| {
            (
                infos(s, &mut buf, &text_tagger),
                s.tokens.iter().map(|t| t.upos.as_str()).collect(),
            )
        })
        .collect();

    // Jackknifed tags for the parser's training set.
    let mut predicted: Vec<Vec<u8>> = examples.iter().map(|e| e.gold.clone()).collect();
    if opts.folds > 1 {
        for fold in 0..opts.folds {
            let part: Vec<TagExample> = examples
                .iter()
                .enumerate()
                .filter(|(i, _)| i % opts.folds != fold)
                .map(|(_, e)| TagExample {
                    words: e.words.clone(),
                    gold: e.gold.clone(),
                })
                .collect();
            let model = tagger::train(
                &part,
                classes.clone(),
                opts.tagger_epochs,
                opts.seed + 100 + fold as u64,
                0,
                &mut |_, _, _| {},
            );
            let (mut right, mut total) = (0usize, 0usize);
            let mut feats = Vec::new();
            for (i, e) in examples.iter().enumerate() {
                if i % opts.folds == fold {
                    model.tag(&e.words, &mut predicted[i], &mut feats);
                    right += predicted[i]
                        .iter()
                        .zip(&e.gold)
                        .filter(|(a, b)| a == b)
                        .count();
                    total += e.gold.len();
                }
            }
            log(&format!(
                "jackknife fold {}/{}: held-out joint-tag accuracy {:.4} ({:.0} s)",
                fold + 1,
                opts.folds,
                right as f64 / total.max(1) as f64,
                started.elapsed().as_secs_f64()
            ));
        }
    }
    let tagger_model = tagger::train(
        &examples,
        classes.clone(),
        opts.tagger_epochs,
        opts.seed,
        0,
        &mut |epoch, acc, model| {
            let dev_acc = if dev_tag.is_empty() {
                f64::NAN
            } else {
                tag_accuracy(model, &dev_tag)
            };
            log(&format!(
                "tagger epoch {epoch}: train {acc:.4}, dev UPOS {dev_acc:.4} ({:.0} s)",
                started.elapsed().as_secs_f64()
            ));
        },
    );

    let lemmas = Lemmatizer::train(train, &text_tagger);

    // Parser.
    let pexamples: Vec<ParseExample> = train
        .iter()
        .zip(examples)
        .zip(predicted)
        .map(|((s, e), tags)| {
            let n = s.tokens.len() as u32;
            let mut heads: Vec<u32> = s
                .tokens
                .iter()
                .map(|t| if t.head == 0 { n } else { t.head - 1 })
                .collect();
            let mut words = e.words;
            let mut tags = tags;
            let mut labels: Vec<u8> = s
                .tokens
                .iter()
                .map(|t| label_id.get(t.deprel.as_str()).copied().unwrap_or(0))
                .collect();
            if opts.reverse {
                heads = crate::ensemble::reverse_heads(&heads, n);
                words.reverse();
                tags.reverse();
                labels.reverse();
            }
            parser::projectivize(&mut heads);
            ParseExample {
                words,
                tags,
                heads,
                labels,
            }
        })
        .collect();
    // Dev inputs with the final tagger's tags.
    let dev_parse: Vec<(Vec<WordInfo>, Vec<u8>, &ConlluSentence)> = dev
        .iter()
        .zip(dev_tag)
        .map(|(s, (words, _))| {
            let mut tags = Vec::new();
            tagger_model.tag(&words, &mut tags, &mut Vec::new());
            (words, tags, s)
        })
        .collect();
    Ok(Prepared {
        classes,
        labels,
        tagger_model,
        lemmas,
        pexamples,
        dev_parse,
    })
}

/// Trains the model from parsed sentences.
pub fn train_model(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<Syntax, SyntaxError> {
    let started = std::time::Instant::now();
    let Prepared {
        labels,
        tagger_model,
        lemmas,
        pexamples,
        dev_parse,
        ..
    } = prepare(train, dev, opts, log, &started)?;
    let cfg = ParserTraining {
        epochs: opts.parser_epochs,
        seed: opts.seed,
        explore: opts.explore,
        prune: [0, 0],
        beam: opts.beam,
        early_update: opts.early_update,
    };
    let parser_model = parser::train(&pexamples, labels, &cfg, &mut |epoch, model| {
        let (uas, las) = dev_attachment(model, &dev_parse, opts.reverse);
        log(&format!(
            "parser epoch {epoch}: dev UAS {uas:.4} LAS {las:.4} ({:.0} s)",
            started.elapsed().as_secs_f64()
        ));
    });
    log(&format!(
        "trained in {:.0} s",
        started.elapsed().as_secs_f64()
    ));
    let mut model = Syntax::assemble(tagger_model, parser_model, lemmas);
    // Pruning only the final weights: pruning during training (the
    // jackknife taggers included) cost 0.5 UAS on dev, pruning after it
    // costs nothing.
    model.prune(opts.prune);
    log(&format!(
        "pruned the final weights below {:?} (32,000ths of each table's largest)",
        opts.prune
    ));
    let dict = tag_dict_from(
        train,
        &model.tagger.classes,
        opts.tagdict.0,
        opts.tagdict.1,
        &model.text_tagger,
    );
    log(&format!(
        "tag dictionary: {} forms (seen at least {} times, one class in at least {} of them)",
        dict.len(),
        opts.tagdict.0,
        opts.tagdict.1
    ));
    model.set_tag_dict(dict);
    Ok(model)
}

fn dev_attachment(
    model: &ParserModel,
    dev: &[(Vec<WordInfo>, Vec<u8>, &ConlluSentence)],
    reverse: bool,
) -> (f64, f64) {
    let (mut uas, mut las, mut total) = (0usize, 0usize, 0usize);
    let mut scratch = ParseScratch::default();
    let (mut heads, mut labels) = (Vec::new(), Vec::new());
    for (words, tags, gold) in dev {
        if reverse {
            let rwords: Vec<WordInfo> = words.iter().rev().cloned().collect();
            let rtags: Vec<u8> = tags.iter().rev().copied().collect();
            let s = parser::Sentence {
                words: &rwords,
                tags: &rtags,
            };
            model.parse(&s, &mut heads, &mut labels, &mut scratch);
            heads = crate::ensemble::reverse_heads1(&heads);
            labels.reverse();
        } else {
            let s = parser::Sentence { words, tags };
            model.parse(&s, &mut heads, &mut labels, &mut scratch);
        }
        for ((h, l), g) in heads.iter().zip(&labels).zip(&gold.tokens) {
            total += 1;
            if *h == g.head {
                uas += 1;
                if model.labels.get(*l as usize).map(|s| s.as_str()) == Some(g.deprel.as_str()) {
                    las += 1;
                }
            }
        }
    }
    (
        uas as f64 / total.max(1) as f64,
        las as f64 / total.max(1) as f64,
    )
}

/// Trains a BiLSTM parser (docs/syntax.md, "BiLSTM features") from a
/// treebank directory: the same jackknifed training tags, tag classes and
/// relations as [`train_from_dir`] with the same `opts` (so it fits the
/// model those options build), then `cfg.epochs` passes, printing dev
/// UAS/LAS and timings after each; the parser of the epoch with the best
/// dev UAS is written to `out` (the last epoch's parser is returned).
pub fn train_bilstm_from_dir(
    dir: &Path,
    opts: &TrainOptions,
    cfg: &crate::bilstm::BilstmTraining,
    out: &Path,
    log: &mut dyn FnMut(&str),
) -> Result<crate::bilstm::BilstmParser, SyntaxError> {
    let (train_path, dev_path) = treebank_files(dir)?;
    let train = read_conllu(&train_path)?;
    let dev = match &dev_path {
        Some(p) => read_conllu(p)?,
        None => Vec::new(),
    };
    let started = std::time::Instant::now();
    let Prepared {
        classes,
        labels,
        pexamples,
        dev_parse,
        ..
    } = prepare(&train, &dev, opts, log, &started)?;
    log(&format!(
        "BiLSTM parser: {:?}, {} epochs, lr {}, batch {}, word dropout alpha {}, dropout {}, explore {}",
        cfg.dims, cfg.epochs, cfg.lr, cfg.batch, cfg.alpha, cfg.dropout, cfg.explore
    ));
    let mut saved: Result<(), SyntaxError> = Ok(());
    let mut best = f64::NEG_INFINITY;
    let parser = crate::bilstm::train(
        &pexamples,
        classes,
        labels,
        cfg,
        &mut |epoch, model, loss, secs| {
            let t = std::time::Instant::now();
            let (uas, las, words) = bilstm_dev(model, &dev_parse);
            let dev_secs = t.elapsed().as_secs_f64();
            log(&format!(
                "bilstm epoch {epoch}: loss/word {loss:.4}, dev UAS {uas:.4} LAS {las:.4} ({secs:.0} s training; dev parse {:.0} words/s)",
                words as f64 / dev_secs.max(1e-9)
            ));
            // The parser of the best epoch on dev is kept.
            if uas > best && saved.is_ok() {
                best = uas;
                saved = model.save(out);
                log(&format!("wrote {} (best dev UAS so far)", out.display()));
            }
        },
    );
    saved?;
    log(&format!(
        "trained in {:.0} s",
        started.elapsed().as_secs_f64()
    ));
    Ok(parser)
}

fn bilstm_dev(
    model: &crate::bilstm::BilstmParser,
    dev: &[(Vec<WordInfo>, Vec<u8>, &ConlluSentence)],
) -> (f64, f64, usize) {
    let (mut uas, mut las, mut total) = (0usize, 0usize, 0usize);
    let mut scratch = crate::bilstm::BilstmScratch::default();
    let (mut heads, mut labels) = (Vec::new(), Vec::new());
    for (words, tags, gold) in dev {
        model.parse(words, tags, &mut heads, &mut labels, &mut scratch);
        for ((h, l), g) in heads.iter().zip(&labels).zip(&gold.tokens) {
            total += 1;
            if *h == g.head {
                uas += 1;
                if model.labels().get(*l as usize).map(|s| s.as_str()) == Some(g.deprel.as_str()) {
                    las += 1;
                }
            }
        }
    }
    (
        uas as f64 / total.max(1) as f64,
        las as f64 / total.max(1) as f64,
        total,
    )
}
