//! # dyad-syntax: trained tagger, lemmatizer and dependency parser
//!
//! Given a sentence's words, dyad-syntax predicts for each word its Penn
//! Treebank tag, its Universal POS tag, its lemma (Universal Dependencies
//! convention), its head and its Universal Dependencies v2 relation with
//! subtypes (`nsubj:pass`, `obl:agent`, `acl:relcl`, ...). Everything is
//! learned from the UD English EWT treebank by the trainer in this crate
//! (`dyad train syntax`); the committed model (`data/syntax/en-ewt.model`,
//! CC BY-SA 4.0 like the treebank) is embedded in the binary.
//!
//! ## Design
//! * **Tagger** ([`tagger`]): greedy averaged perceptron over joint
//!   (Penn, UPOS) classes with rich lexical features.
//! * **Parser** ([`parser`]): arc-hybrid transitions, greedy, an averaged
//!   perceptron over three unlabelled moves with Zhang & Nivre (2011)-style
//!   features, and a second perceptron labelling each arc as it is made;
//!   trained with a dynamic oracle on jackknifed tags. Linear time: about
//!   two moves per word, each a few hundred hash look-ups.
//! * **Lemmas** ([`lemma`]): treebank exceptions over dyad-text's rules.
//! * Weights are averaged, quantised to i16 and stored sparsely
//!   ([`perceptron::Weights`]); the model format is in [`model`].
//!
//! Not here: tokenisation and sentence splitting (dyad-text's), and any
//! knowledge of actors or events (the coder reads the trees this crate
//! gives). No I/O except [`Syntax::load`], [`Syntax::save`] and the CoNLL-U
//! reader [`conllu::read_conllu`].
//!
//! ## Main types
//! [`Syntax`] (the model: `analyze`, `parse_into`), [`Parse`] (one
//! sentence's tags, heads and labels as plain data), [`SyntaxWord`],
//! [`eval::Scores`], [`train::TrainOptions`].
//!
//! ## Invariants
//! * No input panics: empty sentences, 5,000-word run-ons, emoji and mixed
//!   scripts are all parsed; sentences longer than [`MAX_WINDOW`] words are
//!   parsed in windows joined by `parataxis`, with a warning.
//! * Every sentence gets a tree: exactly one root, every other word one head.
//! * Training is deterministic (fixed seed).
#![deny(missing_docs)]

pub mod bilstm;
pub mod conllu;
pub mod ensemble;
mod error;
pub mod eval;
pub mod feat;
pub mod lemma;
pub mod model;
pub mod parser;
pub mod perceptron;
mod rng;
pub mod tagdict;
pub mod tagger;
pub mod train;

use std::path::Path;

pub use error::{SyntaxError, REBUILD_HINT};

use feat::WordInfo;
use lemma::Lemmatizer;
use model::{Reader, Writer};
use parser::{ParseScratch, ParserModel};
use tagger::TaggerModel;

/// Longest run of words parsed as one tree; longer sentences are parsed in
/// consecutive windows of this size whose roots are joined.
pub const MAX_WINDOW: usize = 250;

/// dyad-core's Penn tag for a treebank tag: EWT writes brackets as `-LRB-`
/// / `-RRB-` and has tags the classic Penn set lacks (`HYPH` → `:`, `NFP`
/// → `SYM`, `ADD` (addresses) → `NNP`, `AFX` → `JJ`, `GW`/`XX` → `FW`).
/// For a coder that switches from the Brill tags to the trained ones.
pub fn penn_pos(xpos: &str) -> Option<dyad_core::Pos> {
    use dyad_core::Pos;
    Some(match xpos {
        "-LRB-" => Pos::LeftParen,
        "-RRB-" => Pos::RightParen,
        "HYPH" => Pos::Colon,
        "NFP" => Pos::SYM,
        "ADD" => Pos::NNP,
        "AFX" => Pos::JJ,
        "GW" | "XX" => Pos::FW,
        other => return Pos::from_str(other),
    })
}

/// The committed model, embedded at build time (empty when the repository
/// was built without one; [`Syntax::builtin`] then says how to rebuild it).
static BUILTIN: &[u8] = include_bytes!("../../../data/syntax/en-ewt.model");

/// The trained tagger, lemmatizer and parser. Immutable once built; share
/// it by reference across threads.
#[derive(Debug, Clone)]
pub struct Syntax {
    tagger: TaggerModel,
    parser: ParserModel,
    lemmas: Lemmatizer,
    /// dyad-text's tagger, for its lemma rules (verb inflections).
    text_tagger: dyad_text::tag::Tagger,
    root_label: u8,
    /// Further parsers of the reparsing ensemble ([`ensemble`]); empty: the
    /// single greedy parser.
    members: Vec<Member>,
    /// The vote of the main parser (the members carry their own).
    main_weight: i64,
    /// A BiLSTM parser that replaces the greedy linear one (experiment,
    /// [`Syntax::set_bilstm`]).
    bilstm: Option<Box<bilstm::BilstmParser>>,
}

/// A further parser of the reparsing ensemble.
#[derive(Debug, Clone)]
struct Member {
    parser: ParserModel,
    /// Trained on reversed sentences (`dyad train syntax --reverse`).
    reversed: bool,
    /// Its vote for each arc it proposes.
    weight: i64,
}

/// One sentence's analysis as ids (see [`Syntax`] for their names).
/// `heads[i]` is 0 for the root, otherwise the 1-based index of the head.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parse {
    /// Tag class ids ([`Syntax::xpos`], [`Syntax::upos`]).
    pub tags: Vec<u8>,
    /// Heads: 0 = root, else 1-based word index.
    pub heads: Vec<u32>,
    /// Relation ids ([`Syntax::deprel`]).
    pub labels: Vec<u8>,
    /// Whether the sentence was parsed in windows (longer than [`MAX_WINDOW`]).
    pub windowed: bool,
}

impl Parse {
    /// How many of `words` have a tag, a head and a label here (all of them
    /// once a sentence is parsed): the repairs index up to this bound only.
    fn aligned_len(&self, words: &[&str]) -> usize {
        words
            .len()
            .min(self.tags.len())
            .min(self.heads.len())
            .min(self.labels.len())
    }
}

/// One analysed word as plain strings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SyntaxWord {
    /// 1-based index.
    pub id: u32,
    /// The word.
    pub form: String,
    /// Lemma.
    pub lemma: String,
    /// Universal POS tag.
    pub upos: String,
    /// Penn Treebank tag.
    pub xpos: String,
    /// Head: 0 = root, else 1-based word index.
    pub head: u32,
    /// Universal Dependencies relation with subtype.
    pub deprel: String,
}

/// Buffers reused from sentence to sentence (one per thread).
#[derive(Debug, Default)]
pub struct Scratch {
    infos: Vec<WordInfo>,
    buf: String,
    feats: Vec<u64>,
    parse: ParseScratch,
    heads: Vec<u32>,
    labels: Vec<u8>,
    /// Words whose tag classes are imposed on the next tagging (garden-path
    /// recovery, see [`Syntax::parse_tokens_into`]).
    force: Vec<(usize, u8)>,
    retry: Option<Box<Parse>>,
    /// The ensemble's buffers: reversed words and tags, each member's
    /// heads and labels, the vote matrix.
    rinfos: Vec<WordInfo>,
    rtags: Vec<u8>,
    mheads: Vec<u32>,
    mlabels: Vec<u8>,
    votes: Vec<Vec<i64>>,
    /// For each word, the label each proposed head came with (first
    /// proposer in member order: the main parser first).
    proposals: Vec<Vec<(u32, u8)>>,
    /// The BiLSTM parser's buffers.
    bilstm: bilstm::BilstmScratch,
}

impl Syntax {
    /// The model embedded in the binary.
    pub fn builtin() -> Result<Syntax, SyntaxError> {
        if BUILTIN.is_empty() {
            return Err(SyntaxError::ModelCorrupt {
                name: "data/syntax/en-ewt.model (built-in)".into(),
                message: "the binary was built without a model (the file is empty)".into(),
            });
        }
        Syntax::from_bytes("data/syntax/en-ewt.model (built-in)", BUILTIN)
    }

    /// Loads a model file.
    pub fn load(path: &Path) -> Result<Syntax, SyntaxError> {
        let bytes = std::fs::read(path).map_err(|source| SyntaxError::ModelIo {
            path: path.to_path_buf(),
            source,
        })?;
        Syntax::from_bytes(&path.display().to_string(), &bytes)
    }

    /// Writes the model file.
    pub fn save(&self, path: &Path) -> Result<(), SyntaxError> {
        std::fs::write(path, self.to_bytes()).map_err(|source| SyntaxError::ModelWrite {
            path: path.to_path_buf(),
            source,
        })
    }

    /// The model as bytes (the file format of [`model`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes(model::MAGIC);
        w.u32(self.parser.beam as u32);
        w.u32(self.tagger.classes.len() as u32);
        for c in &self.tagger.classes {
            w.str(&c.xpos);
            w.str(&c.upos);
        }
        w.u32(self.parser.labels.len() as u32);
        for l in &self.parser.labels {
            w.str(l);
        }
        self.tagger.weights.write(&mut w);
        self.parser.transitions.write(&mut w);
        self.parser.labeller.write(&mut w);
        self.lemmas.write(&mut w);
        self.tagger.dict.write(&mut w);
        let mut bytes = w.into_inner();
        let sum = model::checksum(&bytes);
        bytes.extend_from_slice(&sum.to_le_bytes());
        bytes
    }

    /// Reads a model from bytes; `name` names it in errors. Files of the
    /// formats before the tag dictionary (3 and 4) are refused with the
    /// commands that rebuild or upgrade them.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Syntax, SyntaxError> {
        Syntax::read_bytes(name, bytes, false)
    }

    /// Like [`Syntax::from_bytes`], also reading formats 3 and 4 (with an
    /// empty tag dictionary): for `dyad train tagdict`, which adds the
    /// dictionary to such a file.
    pub fn from_bytes_any_version(name: &str, bytes: &[u8]) -> Result<Syntax, SyntaxError> {
        Syntax::read_bytes(name, bytes, true)
    }

    /// Loads a model file of any format version ([`Syntax::from_bytes_any_version`]).
    pub fn load_any_version(path: &Path) -> Result<Syntax, SyntaxError> {
        let bytes = std::fs::read(path).map_err(|source| SyntaxError::ModelIo {
            path: path.to_path_buf(),
            source,
        })?;
        Syntax::from_bytes_any_version(&path.display().to_string(), &bytes)
    }

    fn read_bytes(name: &str, bytes: &[u8], old_versions: bool) -> Result<Syntax, SyntaxError> {
        let corrupt = |message: String| SyntaxError::ModelCorrupt {
            name: name.to_string(),
            message,
        };
        let v3 = bytes.starts_with(model::MAGIC_V3);
        let v4 = bytes.starts_with(model::MAGIC_V4);
        if (v3 || v4) && !old_versions {
            return Err(corrupt(format!(
                "model format {} has no tag dictionary (format 5 since stop 32); `dyad train tagdict \
                 --model FILE --treebank DIR -o NEW` adds one",
                if v3 { 3 } else { 4 }
            )));
        }
        if bytes.len() < model::MAGIC.len() + 8 || !(bytes.starts_with(model::MAGIC) || v3 || v4) {
            return Err(corrupt("not a dyad syntax model of this version".into()));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let mut sum_bytes = [0u8; 8];
        sum_bytes.copy_from_slice(sum);
        if model::checksum(body) != u64::from_le_bytes(sum_bytes) {
            return Err(corrupt(
                "checksum mismatch (truncated or damaged file)".into(),
            ));
        }
        let mut r = Reader::new(&body[model::MAGIC.len()..]);
        let read = |r: &mut Reader| -> Result<_, String> {
            let beam = if v3 { 1 } else { r.u32()? as usize };
            if !(1..=64).contains(&beam) {
                return Err(format!("beam width {beam} out of range"));
            }
            let classes = r.tag_classes()?;
            let n = r.u32()? as usize;
            if n > 256 {
                return Err("too many relations".into());
            }
            let mut labels = Vec::with_capacity(n);
            for _ in 0..n {
                labels.push(r.str()?);
            }
            let tw = perceptron::Weights::read(r)?;
            let pw = perceptron::Weights::read(r)?;
            let lw = perceptron::Weights::read(r)?;
            let lemmas = Lemmatizer::read(r)?;
            let dict = if v3 || v4 {
                tagdict::TagDict::default()
            } else {
                tagdict::TagDict::read(r, classes.len())?
            };
            if tw.n_classes() != classes.len()
                || lw.n_classes() != labels.len()
                || pw.n_classes() != 3
            {
                return Err("class counts do not match the weight tables".into());
            }
            Ok((beam, classes, labels, tw, pw, lw, lemmas, dict))
        };
        let (beam, classes, labels, tw, pw, lw, lemmas, dict) = read(&mut r).map_err(corrupt)?;
        if r.remaining() != 0 {
            return Err(corrupt(format!(
                "{} bytes after the last section",
                r.remaining()
            )));
        }
        Ok(Syntax::assemble(
            TaggerModel {
                classes,
                weights: tw,
                dict,
            },
            ParserModel {
                labels,
                beam,
                transitions: pw,
                labeller: lw,
            },
            lemmas,
        ))
    }

    pub(crate) fn assemble(tagger: TaggerModel, parser: ParserModel, lemmas: Lemmatizer) -> Syntax {
        let (text_tagger, _) = dyad_text::tag::Tagger::builtin();
        let root_label = parser.labels.iter().position(|l| l == "root").unwrap_or(0) as u8;
        Syntax {
            tagger,
            parser,
            lemmas,
            text_tagger,
            root_label,
            members: Vec::new(),
            main_weight: 1,
            bilstm: None,
        }
    }

    /// Adds the parser of `other` to a reparsing ensemble with this model
    /// ([`ensemble`]): from then on every sentence is parsed by this
    /// model's parser and by every member, each votes `weight` for each of
    /// its arcs (this model's parser `main_weight`), and the tree with the
    /// most votes is decoded with Chu-Liu-Edmonds, each arc keeping the
    /// label of its first proposer (this model's parser first). `reversed`:
    /// the member was trained right to left (`dyad train syntax
    /// --reverse`). Only `other`'s parser is used: tags come from this
    /// model's tagger. Fails if the two models' relations differ.
    pub fn add_member(
        &mut self,
        other: Syntax,
        reversed: bool,
        main_weight: i64,
        weight: i64,
    ) -> Result<(), SyntaxError> {
        if other.parser.labels != self.parser.labels || other.tagger.classes != self.tagger.classes
        {
            return Err(SyntaxError::Training(
                "ensemble member has other relations or tag classes than the main model".into(),
            ));
        }
        self.main_weight = main_weight.clamp(0, 1 << 20);
        self.members.push(Member {
            parser: other.parser,
            reversed,
            weight: weight.clamp(0, 1 << 20),
        });
        Ok(())
    }

    /// Parses with `parser` (a BiLSTM parser, `dyad train bilstm`) instead
    /// of the greedy linear parser, on this model's tags (an experiment,
    /// docs/syntax.md "BiLSTM features"; it takes precedence over an
    /// ensemble). Fails if the parser was trained with other tag classes or
    /// relations.
    pub fn set_bilstm(&mut self, parser: bilstm::BilstmParser) -> Result<(), SyntaxError> {
        if parser.labels() != self.parser.labels.as_slice()
            || parser.classes() != self.tagger.classes.as_slice()
        {
            return Err(SyntaxError::Training(
                "the BiLSTM parser has other relations or tag classes than the model".into(),
            ));
        }
        self.bilstm = Some(Box::new(parser));
        Ok(())
    }

    /// Number of parsers that vote (1: no ensemble).
    pub fn ensemble_size(&self) -> usize {
        1 + self.members.len()
    }

    /// Parses one window: the main parser alone, or the ensemble's vote.
    /// Heads 0 = root, else 1-based, into `scratch.heads`/`scratch.labels`.
    fn parse_window(&self, infos: &[WordInfo], tags: &[u8], scratch: &mut Scratch) {
        if let Some(b) = &self.bilstm {
            b.parse(
                infos,
                tags,
                &mut scratch.heads,
                &mut scratch.labels,
                &mut scratch.bilstm,
            );
            return;
        }
        let s = parser::Sentence { words: infos, tags };
        self.parser.parse(
            &s,
            &mut scratch.heads,
            &mut scratch.labels,
            &mut scratch.parse,
        );
        if self.members.is_empty() {
            return;
        }
        let n = scratch.heads.len();
        if n < 2 {
            return;
        }
        let Scratch {
            rinfos,
            rtags,
            mheads,
            mlabels,
            votes,
            proposals,
            heads,
            labels,
            parse,
            ..
        } = scratch;
        votes.resize_with(n + 1, Vec::new);
        for row in votes.iter_mut() {
            row.clear();
            row.resize(n + 1, ensemble::NO_ARC);
        }
        proposals.resize_with(n, Vec::new);
        for p in proposals.iter_mut() {
            p.clear();
        }
        let mut vote = |hs: &[u32], ls: &[u8], w: i64, votes: &mut Vec<Vec<i64>>| {
            for (d, (&h, &l)) in hs.iter().zip(ls).enumerate() {
                let h = h as usize;
                if h > n || h == d + 1 {
                    continue;
                }
                let cell = &mut votes[h][d + 1];
                *cell = if *cell == ensemble::NO_ARC {
                    w
                } else {
                    *cell + w
                };
                if !proposals[d].iter().any(|&(ph, _)| ph as usize == h) {
                    proposals[d].push((h as u32, l));
                }
            }
        };
        vote(heads, labels, self.main_weight, votes);
        for m in &self.members {
            let n_in = infos.len().min(tags.len());
            if m.reversed {
                rinfos.clear();
                rinfos.extend(infos[..n_in].iter().rev().cloned());
                rtags.clear();
                rtags.extend(tags[..n_in].iter().rev().copied());
                let s = parser::Sentence {
                    words: rinfos,
                    tags: rtags,
                };
                m.parser.parse(&s, mheads, mlabels, parse);
                let back = ensemble::reverse_heads1(mheads);
                mlabels.reverse();
                vote(&back, mlabels, m.weight, votes);
            } else {
                m.parser.parse(&s, mheads, mlabels, parse);
                vote(mheads, mlabels, m.weight, votes);
            }
        }
        for cell in votes[0].iter_mut().skip(1) {
            if *cell != ensemble::NO_ARC {
                *cell -= ensemble::ROOT_PENALTY;
            }
        }
        let best = ensemble::chu_liu_edmonds(votes);
        for d in 0..n {
            let h = best.get(d + 1).copied().unwrap_or(0) as u32;
            // No proposer (cannot happen while every member gives a tree):
            // keep the main parser's label for the word.
            let l = proposals[d]
                .iter()
                .find(|&&(ph, _)| ph == h)
                .map_or(labels[d], |&(_, l)| l);
            heads[d] = h;
            labels[d] = if h == 0 { self.root_label } else { l };
        }
    }

    /// The parser's beam width (1: greedy), as the model file records it
    /// unless [`Syntax::set_beam`] changed it.
    pub fn beam(&self) -> usize {
        self.parser.beam.max(1)
    }

    /// Decodes with beam width `k` (1: greedy) whatever width the model was
    /// trained for (a wider beam than trained costs time for little gain; a
    /// narrower one, accuracy).
    pub fn set_beam(&mut self, k: usize) {
        self.parser.beam = k.clamp(1, 64);
    }

    /// Drops the weights whose magnitude is below the thresholds (in
    /// 32,000ths of each table's largest weight): tagger, transitions,
    /// labeller. Smaller and faster, slightly less accurate.
    pub fn prune(&mut self, thresholds: [i32; 3]) {
        self.tagger.weights = self.tagger.weights.pruned(thresholds[0]);
        self.parser.transitions = self.parser.transitions.pruned(thresholds[1]);
        self.parser.labeller = self.parser.labeller.pruned(thresholds[2]);
    }

    /// Penn Treebank tag of a tag class id.
    pub fn xpos(&self, tag: u8) -> &str {
        self.tagger
            .classes
            .get(tag as usize)
            .map_or("X", |c| c.xpos.as_str())
    }

    /// Universal POS tag of a tag class id.
    pub fn upos(&self, tag: u8) -> &str {
        self.tagger
            .classes
            .get(tag as usize)
            .map_or("X", |c| c.upos.as_str())
    }

    /// Relation name of a label id.
    pub fn deprel(&self, label: u8) -> &str {
        self.parser
            .labels
            .get(label as usize)
            .map_or("dep", |l| l.as_str())
    }

    /// Every relation name, by id.
    pub fn deprels(&self) -> &[String] {
        &self.parser.labels
    }

    /// The lemma of `form` with tag class `tag`.
    pub fn lemma(&self, form: &str, tag: u8) -> String {
        self.lemmas.lemma(&self.text_tagger, form, self.xpos(tag))
    }

    /// dyad-text's lemma of `form` with tag class `tag` (for comparison).
    pub fn text_lemma(&self, form: &str, tag: u8) -> String {
        match dyad_core::Pos::from_str(self.xpos(tag)) {
            Some(pos) => self.text_tagger.lemma(form, pos),
            None => form.to_lowercase(),
        }
    }

    /// Sizes for reports: (tagger features, tagger weights, parser
    /// features, parser weights, labeller features, labeller weights,
    /// lemma exceptions).
    pub fn sizes(&self) -> [usize; 7] {
        let (a, b) = self.tagger.sizes();
        let (c, d) = self.parser.transitions.sizes();
        let (e, f) = self.parser.labeller.sizes();
        let (g, h) = self.lemmas.sizes();
        [a, b, c, d, e, f, g + h]
    }

    /// Tag class `tag` (Penn and Universal tags), if the model has it.
    pub fn tag_class(&self, tag: u8) -> Option<&tagger::TagClass> {
        self.tagger.classes.get(tag as usize)
    }

    /// The tag dictionary (forms tagged without scoring).
    pub fn tag_dict(&self) -> &tagdict::TagDict {
        &self.tagger.dict
    }

    /// Replaces the tag dictionary.
    pub fn set_tag_dict(&mut self, dict: tagdict::TagDict) {
        self.tagger.dict = dict;
    }

    /// Tags only: fills `tags` with tag class ids.
    pub fn tag_into(&self, words: &[&str], tags: &mut Vec<u8>, scratch: &mut Scratch) {
        scratch.infos.clear();
        for w in words {
            let info = feat::word_info(w, &mut scratch.buf, &self.text_tagger);
            scratch.infos.push(info);
        }
        let force = std::mem::take(&mut scratch.force);
        self.tagger
            .tag_forcing(&scratch.infos, &force, tags, &mut scratch.feats);
    }

    /// Tags and parses one sentence of dyad-text's words into `out`. Never
    /// panics; linear in the number of words.
    ///
    /// dyad-text keeps hyphenated words whole ("US-backed", "Kurdish-held",
    /// "al-Assad") because actors and places are matched on them, but the
    /// treebank the model learned from splits them (`US - backed`, the last
    /// part heading the others). Parsed whole, such a word is unknown to the
    /// model and often mis-tagged ("US-backed" as a past-tense verb heading
    /// the sentence), so this method parses them split the treebank's way
    /// ([`hyphen_parts`]) and folds each back into one word: the word takes
    /// the tag, relation and head of its part that attaches outside it.
    /// Words, spans and indices stay dyad-text's.
    pub fn parse_into(&self, words: &[&str], out: &mut Parse, scratch: &mut Scratch) {
        let mut pieces: Vec<&str> = Vec::with_capacity(words.len() + 8);
        let mut owner: Vec<u32> = Vec::with_capacity(words.len() + 8);
        for (i, w) in words.iter().enumerate() {
            match hyphen_parts(w) {
                Some(parts) => {
                    for (k, part) in parts.enumerate() {
                        if k > 0 {
                            pieces.push("-");
                            owner.push(i as u32);
                        }
                        pieces.push(part);
                        owner.push(i as u32);
                    }
                }
                None => {
                    pieces.push(w);
                    owner.push(i as u32);
                }
            }
        }
        if pieces.len() == words.len() {
            return self.parse_tokens_into(words, out, scratch);
        }
        let mut split = Parse::default();
        self.parse_tokens_into(&pieces, &mut split, scratch);
        // "US-backed Kurdish forces in Syria have ...": at a sentence's
        // start the split pieces read like a clause ("US backed Kurdish
        // forces"), and the participle takes the noun as its object. The
        // hyphen rules that out: such a participle modifies the noun, so
        // the sentence is parsed again with it tagged as an adjective.
        let force = self.hyphen_participles_with_objects(&split, &owner);
        if !force.is_empty() {
            scratch.force = force;
            let mut again = Parse::default();
            self.parse_tokens_into(&pieces, &mut again, scratch);
            split = again;
        }
        if !fold_pieces(&split, &owner, words.len(), out) {
            // Folding can only fail on a tree that crosses between two split
            // words; parse them whole rather than return a cycle.
            self.parse_tokens_into(words, out, scratch);
        }
    }

    /// The last pieces of split hyphenated words that are participles
    /// heading an object after them ("US - backed Kurdish forces" with
    /// `forces` as `obj`), each with the adjective class to force on it.
    fn hyphen_participles_with_objects(&self, split: &Parse, owner: &[u32]) -> Vec<(usize, u8)> {
        let Some(adjective) = self.class_of("JJ", "ADJ") else {
            return Vec::new();
        };
        (1..owner.len())
            .filter(|&j| {
                let last_piece =
                    owner[j] == owner[j - 1] && owner.get(j + 1).is_none_or(|&o| o != owner[j]);
                last_piece
                    && split.tags.get(j).is_some_and(|&t| self.xpos(t) == "VBN")
                    && split.heads.iter().enumerate().any(|(k, &h)| {
                        k > j
                            && h as usize == j + 1
                            && split
                                .labels
                                .get(k)
                                .is_some_and(|&l| self.deprel(l) == "obj")
                    })
            })
            .map(|j| (j, adjective))
            .collect()
    }

    /// Tags and parses words already tokenised the treebank's way (CoNLL-U
    /// forms, as in `dyad eval parse`): no hyphen splitting.
    ///
    /// **Garden paths.** A greedy tagger reads a past tense right after a
    /// noun as a participle ("On Monday, Italian coastguards rescued 500
    /// people": `rescued` VBN, a reduced relative), and the parser then
    /// finds no main verb and hangs the sentence on "Monday". When a
    /// sentence of six words or more has no verb or copula at its root, the
    /// first two such participles (no auxiliary before them, a form the past
    /// tense shares) are tried as past tenses in turn, and the first parse
    /// that then has a verb at its root is kept. And "has since accused",
    /// read as a main verb "has" and a preposition, is re-tagged as the
    /// perfect it is. The opposite slip, a reduced relative read as the
    /// main verb with the real one as its conjunct, is parsed again with
    /// the participle imposed ([`Self::relative_read_as_main_verb`]).
    pub fn parse_tokens_into(&self, words: &[&str], out: &mut Parse, scratch: &mut Scratch) {
        self.parse_tokens_once(words, out, scratch);
        let mut retry = scratch.retry.take().unwrap_or_default();
        // "has since accused": after a form of have and before a
        // participle, "since" is an adverb and have the perfect's auxiliary
        // (the greedy tagger reads a preposition and a main verb)
        if let (Some(rb), Some(aux)) = (self.class_of("RB", "ADV"), self.have_aux_classes()) {
            let force: Vec<(usize, u8)> = (0..words.len().saturating_sub(2))
                .filter(|&i| {
                    words[i + 1].eq_ignore_ascii_case("since")
                        && self.xpos(out.tags[i + 1]) != "RB"
                        && matches!(self.xpos(out.tags[i + 2]), "VBN" | "VBD")
                })
                .filter_map(|i| {
                    let class = match words[i].to_lowercase().as_str() {
                        "has" => aux[0],
                        "have" | "'ve" | "’ve" => aux[1],
                        "had" | "'d" | "’d" => aux[2],
                        _ => return None,
                    };
                    Some([(i, class), (i + 1, rb)])
                })
                .flatten()
                .collect();
            if !force.is_empty() {
                scratch.force = force;
                self.parse_tokens_once(words, &mut retry, scratch);
                std::mem::swap(out, &mut retry);
            }
        }
        // "helped defeat Isis": a bare infinitive after a verb of help that
        // the tagger read as a noun compounded with the object ("defeat
        // Isis"); the word is a verb of the inflection table and an object
        // follows it
        if let Some(vb) = self.class_of("VB", "VERB") {
            let force: Vec<(usize, u8)> = (0..words.len().saturating_sub(2))
                .filter(|&i| {
                    matches!(
                        words[i].to_lowercase().as_str(),
                        "help" | "helps" | "helped" | "helping"
                    ) && self.upos(out.tags[i]) == "VERB"
                        && self.xpos(out.tags[i + 1]) == "NN"
                        && words[i + 1].chars().next().is_some_and(char::is_lowercase)
                        && self.text_tagger.is_base_verb(words[i + 1])
                        && matches!(
                            self.xpos(out.tags[i + 2]),
                            "DT" | "NNP" | "NNPS" | "NNS" | "PRP" | "PRP$" | "CD"
                        )
                })
                .map(|i| (i + 1, vb))
                .collect();
            if !force.is_empty() {
                scratch.force = force;
                self.parse_tokens_once(words, &mut retry, scratch);
                std::mem::swap(out, &mut retry);
            }
        }
        if words.len() >= 6 && !self.has_verbal_root(out) {
            if let Some(vbd) = self.class_of("VBD", "VERB") {
                let candidates: Vec<usize> = (1..words.len())
                    .filter(|&i| {
                        let w = words[i].to_lowercase();
                        let prev = words[i - 1].to_lowercase();
                        let participle = self.xpos(out.tags[i]) == "VBN";
                        let shared_form = !(w.ends_with("en") || w.ends_with("wn"));
                        let after_aux = matches!(
                            prev.as_str(),
                            "has"
                                | "have"
                                | "had"
                                | "was"
                                | "were"
                                | "been"
                                | "being"
                                | "is"
                                | "are"
                                | "be"
                                | "'s"
                                | "’s"
                                | "got"
                                | "get"
                        );
                        participle && shared_form && !after_aux
                    })
                    .take(2)
                    .collect();
                for i in candidates {
                    scratch.force = vec![(i, vbd)];
                    self.parse_tokens_once(words, &mut retry, scratch);
                    if self.has_verbal_root(&retry) {
                        std::mem::swap(out, &mut retry);
                        break;
                    }
                }
            }
        }
        self.repair_verbs_read_as_nouns(words, out, &mut retry, scratch);
        self.repair_nouns_read_as_verbs(words, out, &mut retry, scratch);
        self.repair_adjectives_read_as_nouns(words, out, &mut retry, scratch);
        self.repair_time_conjunctions_read_as_prepositions(words, out, &mut retry, scratch);
        if let Some(i) = self.relative_read_as_main_verb(words, out) {
            if let Some(vbn) = self.class_of("VBN", "VERB") {
                scratch.force = vec![(i, vbn)];
                self.parse_tokens_once(words, &mut retry, scratch);
                // kept when a verb after the participle now heads the
                // sentence
                let root = retry.heads.iter().position(|&h| h == 0);
                if root.is_some_and(|r| r > i) && self.has_verbal_root(&retry) {
                    std::mem::swap(out, &mut retry);
                }
            }
        }
        scratch.retry = Some(retry);
        self.reattach_fronted_subject(words, out);
        self.reattach_subject_before_time_phrase(words, out);
    }

    /// The parser's index of relation `name` (`None` if the model lacks it).
    fn label_id(&self, name: &str) -> Option<u8> {
        self.parser
            .labels
            .iter()
            .position(|l| l == name)
            .and_then(|i| u8::try_from(i).ok())
    }

    /// **A subject before a time phrase.** "Denmark last week announced
    /// ...", "Japan and the United States last month signed ...": the
    /// greedy parser reads the time phrase between the subject and its verb
    /// as the verb's subject (or oblique) and hangs the subject on the time
    /// noun as a modifier. When the words between the last comma and
    /// "last/this/next" form one phrase that hangs on the time noun (or is
    /// already the verb's subject), that phrase becomes the verb's subject
    /// and the time noun its unmarked oblique. Nothing changes when the
    /// verb has another subject.
    fn reattach_subject_before_time_phrase(&self, words: &[&str], out: &mut Parse) {
        let (Some(nsubj), Some(nsubj_pass), Some(unmarked)) = (
            self.label_id("nsubj"),
            self.label_id("nsubj:pass"),
            self.label_id("obl:unmarked"),
        ) else {
            return;
        };
        let n = out.aligned_len(words);
        let head_of = |heads: &[u32], k: usize| (heads[k] as usize).checked_sub(1);
        for t in 2..n {
            let time = words[t].to_ascii_lowercase();
            if !TIME_PHRASE_NOUNS.contains(&time.as_str()) {
                continue;
            }
            let d = t - 1;
            let deictic = words[d].to_ascii_lowercase();
            if !matches!(deictic.as_str(), "last" | "this" | "next")
                || head_of(&out.heads, d) != Some(t)
            {
                continue;
            }
            let Some(v) = head_of(&out.heads, t).filter(|&v| v > t && v < n) else {
                continue;
            };
            if self.upos(out.tags[v]) != "VERB" {
                continue;
            }
            let rel_t = self.deprel(out.labels[t]).to_string();
            if !(rel_t.starts_with("nsubj") || rel_t.starts_with("obl")) {
                continue;
            }
            // the phrase before: from the last comma on, one word hanging
            // outside it
            let start = (0..d).rev().find(|&k| words[k] == ",").map_or(0, |c| c + 1);
            if start >= d {
                continue;
            }
            let outside: Vec<usize> = (start..d)
                .filter(|&k| head_of(&out.heads, k).is_none_or(|h| h < start || h >= d))
                .collect();
            let [r] = outside[..] else {
                continue;
            };
            if !matches!(self.upos(out.tags[r]), "PROPN" | "NOUN" | "PRON") {
                continue;
            }
            let r_head = head_of(&out.heads, r);
            let r_subject = r_head == Some(v) && self.deprel(out.labels[r]).starts_with("nsubj");
            if r_head != Some(t) && !r_subject {
                continue;
            }
            let other_subject = (0..n).any(|k| {
                k != t
                    && k != r
                    && head_of(&out.heads, k) == Some(v)
                    && self.deprel(out.labels[k]).starts_with("nsubj")
            });
            if other_subject {
                continue;
            }
            let passive = (0..n).any(|k| {
                head_of(&out.heads, k) == Some(v) && self.deprel(out.labels[k]) == "aux:pass"
            });
            if !r_subject {
                out.heads[r] = (v + 1) as u32;
                out.labels[r] = if passive { nsubj_pass } else { nsubj };
            }
            out.labels[t] = unmarked;
        }
    }

    /// **Verbs read as nouns.** The greedy tagger reads a verb's
    /// third-person present or past tense as a noun when a noun comes
    /// before it ("Ankara views the Kurdish forces as ...": `views` NNS
    /// compounded with "Ankara"; "Turkey shot down a jet": `shot` NN), or
    /// as the next item of a list of verb phrases sharing one subject ("it
    /// appeases X, sells him arms, trades with his regime": `trades` NNS).
    /// A candidate is such a form of a verb of the inflection table, tagged
    /// a noun or adjective, after a singular noun or name, a pronoun or (in
    /// a list, after a verb of the same tense) a comma, "and" or "or", and
    /// before a word that opens a verb's complement (a determiner, pronoun,
    /// name, number, particle, "to", "with", "that", "for", "on"). The
    /// sentence is parsed again with the word tagged a verb, and the new
    /// parse is kept only when the word is then a verb with a subject of
    /// its own to its left (or a conjunct of a verb that has one), the
    /// sentence has a verbal root, and no other verb loses its subject.
    fn repair_verbs_read_as_nouns(
        &self,
        words: &[&str],
        out: &mut Parse,
        retry: &mut Parse,
        scratch: &mut Scratch,
    ) {
        let (Some(vbz), Some(vbd)) = (self.class_of("VBZ", "VERB"), self.class_of("VBD", "VERB"))
        else {
            return;
        };
        let candidates: Vec<(usize, u8)> = (1..words.len().saturating_sub(1))
            .filter_map(|i| {
                let w = words[i];
                if !w.chars().next().is_some_and(char::is_lowercase) {
                    return None;
                }
                let tag = self.xpos(out.tags[i]);
                let class = if tag == "NNS" && self.text_tagger.is_present_s_verb(w) {
                    vbz
                } else if matches!(tag, "NN" | "JJ") && self.text_tagger.is_past_verb(w) {
                    vbd
                } else {
                    return None;
                };
                let prev = self.xpos(out.tags[i - 1]);
                let after_subject = match prev {
                    "NNP" | "NN" => true,
                    "PRP" => matches!(
                        words[i - 1].to_lowercase().as_str(),
                        "he" | "she" | "it" | "they" | "we" | "i" | "you"
                    ),
                    _ => false,
                };
                // "it appeases X, sells him arms, trades with ...", "backs
                // the plan and calls for talks": the next item of a list of
                // verb phrases of the same tense
                let in_list = matches!(words[i - 1], "," | "and" | "or")
                    && (0..i - 1).any(|k| out.tags[k] == class && self.upos(out.tags[k]) == "VERB");
                let next = self.xpos(out.tags[i + 1]);
                let opens_complement = matches!(
                    next,
                    "DT" | "PDT" | "PRP" | "PRP$" | "CD" | "RP" | "TO" | "NNP"
                ) || matches!(
                    words[i + 1].to_lowercase().as_str(),
                    "with" | "that" | "for" | "on" | "down" | "up" | "out"
                );
                // "that" as a relative pronoun follows a noun ("the
                // forces that Ankara uses")
                let relative = self.xpos(out.tags[i + 1]) == "WDT";
                // after a subject, the word must hang under no verb: a
                // noun inside a verb's clause ("lobbied coalition partners
                // to remove") has its verb already
                let under_a_verb = {
                    let mut k = i;
                    let mut found = false;
                    for _ in 0..out.heads.len() {
                        match (out.heads[k] as usize).checked_sub(1) {
                            Some(h) => {
                                if self.upos(out.tags[h]) == "VERB" {
                                    found = true;
                                    break;
                                }
                                k = h;
                            }
                            None => break,
                        }
                    }
                    found
                };
                // after a common noun, only a determiner, pronoun, number
                // or particle: before a name or a preposition the two nouns
                // are more often a compound ("air tickets for", "piano
                // lessons Mrs. X taught")
                let strict_next = matches!(next, "DT" | "PDT" | "PRP" | "PRP$" | "CD" | "RP");
                let subject_case = after_subject && !under_a_verb && (prev != "NN" || strict_next);
                // a noun with a preposition of its own ("the promise of new
                // Royal Navy orders to ...") is inside a prepositional phrase
                let in_phrase = out.heads.iter().enumerate().any(|(k, &h)| {
                    k < i && h as usize == i + 1 && self.deprel(out.labels[k]) == "case"
                });
                // in a list, a noun with an infinitive ("and attempts to
                // retake it will ...") or an adjective ("Turkey, determined
                // to ...") is more often what it seems
                let in_list = in_list && tag != "JJ" && !words[i + 1].eq_ignore_ascii_case("to");
                ((subject_case || in_list) && opens_complement && !relative && !in_phrase)
                    .then_some((i, class))
            })
            .take(2)
            .collect();
        for (i, class) in candidates {
            scratch.force = vec![(i, class)];
            self.parse_tokens_once(words, retry, scratch);
            if self.verb_repair_is_better(out, retry, i) {
                std::mem::swap(out, retry);
            }
        }
    }

    /// **Plural nouns read as verbs** (stop 29, parse14). Inside a noun
    /// phrase the greedy tagger reads the head of a two-noun compound as a
    /// third-person verb with the first noun as its subject: "more than two
    /// dozen air strikes this year against ...": `strikes` VBZ, `air` its
    /// `nsubj`; "travel bans and asset freezes": `freezes` VBZ. A candidate
    /// is a lower-case -s word tagged VBZ, not the root and not a clausal
    /// complement (`ccomp`), with no auxiliary, subordinator or
    /// coordinator-free clause of its own, whose only subject is the bare
    /// common noun right before it (no dependent of its own, lower-case),
    /// and that noun follows a word that opens or continues a noun phrase
    /// (a number, an adjective, a possessive, "and"/"or" after a noun,
    /// "including"), so the two nouns cannot open a clause.
    /// The sentence is parsed again with the word tagged NNS; the new parse
    /// is kept when the word is then no clause head (no subject), the root
    /// is verbal, and no other verb loses its subject.
    fn repair_nouns_read_as_verbs(
        &self,
        words: &[&str],
        out: &mut Parse,
        retry: &mut Parse,
        scratch: &mut Scratch,
    ) {
        let Some(nns) = self.class_of("NNS", "NOUN") else {
            return;
        };
        let n = out.aligned_len(words);
        let dependents = |p: &Parse, h: usize| -> Vec<usize> {
            (0..p.heads.len().min(p.labels.len()))
                .filter(|&k| p.heads[k] as usize == h + 1)
                .collect()
        };
        let candidates: Vec<usize> = (2..n)
            .filter(|&i| {
                let w = words[i];
                if !w.chars().next().is_some_and(char::is_lowercase)
                    || !w.ends_with('s')
                    || w.ends_with("ss")
                    || w.ends_with("us")
                    || self.xpos(out.tags[i]) != "VBZ"
                    || out.heads[i] == 0
                {
                    return false;
                }
                let label = self.deprel(out.labels[i]);
                if matches!(label, "ccomp" | "root" | "csubj" | "xcomp") {
                    return false;
                }
                let deps = dependents(out, i);
                let mut subjects = 0;
                for &k in &deps {
                    let l = self.deprel(out.labels[k]);
                    if l.starts_with("nsubj") {
                        subjects += 1;
                        if k + 1 != i {
                            return false;
                        }
                    }
                    if matches!(l, "aux" | "aux:pass" | "mark" | "cop" | "expl") {
                        return false;
                    }
                }
                // the subject: the bare common noun right before the word
                let s = i - 1;
                if subjects != 1
                    || self.xpos(out.tags[s]) != "NN"
                    || !words[s].chars().next().is_some_and(char::is_lowercase)
                    || !dependents(out, s).is_empty()
                {
                    return false;
                }
                // before the noun, a word that opens or continues a noun
                // phrase: the two nouns are a compound, not a clause
                let before = self.xpos(out.tags[i - 2]);
                let wb = words[i - 2].to_lowercase();
                let noun_before = i >= 3 && self.upos(out.tags[i - 3]) == "NOUN";
                // (not a preposition: "throwing everyone off balance gives
                // him an edge")
                matches!(before, "CD" | "JJ" | "JJR" | "JJS" | "POS" | "PRP$")
                    || (matches!(wb.as_str(), "and" | "or") && noun_before)
                    || wb == "including"
            })
            .take(2)
            .collect();
        for i in candidates {
            scratch.force = vec![(i, nns)];
            self.parse_tokens_once(words, retry, scratch);
            if self.noun_repair_is_better(out, retry, i) {
                std::mem::swap(out, retry);
            }
        }
    }

    /// **Time conjunctions read as prepositions** (stop 32). "before Iran
    /// attacks Iraq", "after a Turkish court suspended the sentence": the
    /// greedy tagger reads the conjunction as a preposition of the name or
    /// noun phrase after it, and the parser then leaves the clause's verb
    /// without a subject (hanging it on the main clause as a conjunct, so
    /// the coder gives it the main clause's subject). A candidate is
    /// "before", "after", "until", "till" or "since" tagged a preposition,
    /// followed by one to six words of a noun phrase (determiners,
    /// adjectives, nouns, names, possessives, numbers) and then a finite
    /// verb or auxiliary (past or present, or a modal) whose clause has no
    /// subject. The sentence is parsed again with the word tagged a
    /// subordinating conjunction; the new parse is kept when the word is
    /// then the clause's `mark`, the clause has a subject, the root is
    /// verbal and no other verb loses its subject.
    fn repair_time_conjunctions_read_as_prepositions(
        &self,
        words: &[&str],
        out: &mut Parse,
        retry: &mut Parse,
        scratch: &mut Scratch,
    ) {
        let Some(sconj) = self.class_of("IN", "SCONJ") else {
            return;
        };
        let n = out.aligned_len(words);
        // the head of the clause opened by the finite word `f`: the word
        // itself, or the verb an auxiliary or modal serves
        let clause_head = |p: &Parse, f: usize| -> usize {
            match (p.heads[f] as usize).checked_sub(1) {
                Some(h) if h > f && matches!(self.deprel(p.labels[f]), "aux" | "aux:pass") => h,
                _ => f,
            }
        };
        let candidates: Vec<(usize, usize)> = (0..n.saturating_sub(2))
            .filter_map(|i| {
                let w = words[i].to_ascii_lowercase();
                if !matches!(w.as_str(), "before" | "after" | "until" | "till" | "since")
                    || self.upos(out.tags[i]) != "ADP"
                {
                    return None;
                }
                let f = (i + 1..n.min(i + 8)).find(|&k| {
                    !matches!(
                        self.xpos(out.tags[k]),
                        "DT" | "PDT"
                            | "JJ"
                            | "JJR"
                            | "JJS"
                            | "NN"
                            | "NNS"
                            | "NNP"
                            | "NNPS"
                            | "POS"
                            | "PRP$"
                            | "CD"
                            | "HYPH"
                    )
                })?;
                let finite = matches!(self.xpos(out.tags[f]), "VBD" | "VBZ" | "VBP" | "MD")
                    && matches!(self.upos(out.tags[f]), "VERB" | "AUX");
                (f > i + 1 && finite && !self.has_subject(out, clause_head(out, f)))
                    .then_some((i, f))
            })
            .take(2)
            .collect();
        for (i, f) in candidates {
            scratch.force = vec![(i, sconj)];
            self.parse_tokens_once(words, retry, scratch);
            if retry.heads.len() < n || retry.labels.len() < n {
                continue;
            }
            let v = clause_head(retry, f);
            let marks_clause = retry.heads[i] as usize == v + 1
                && self.deprel(retry.labels[i]) == "mark"
                && self.has_subject(retry, v);
            let keeps_subjects = (0..out.heads.len())
                .all(|h| h == v || !self.has_subject(out, h) || self.has_subject(retry, h));
            if marks_clause && keeps_subjects && self.has_verbal_root(retry) {
                std::mem::swap(out, retry);
            }
        }
    }

    /// Whether word `h` of parse `p` heads a subject (`nsubj`, `nsubj:pass`).
    fn has_subject(&self, p: &Parse, h: usize) -> bool {
        p.heads.iter().enumerate().any(|(k, &head)| {
            head as usize == h + 1
                && p.labels
                    .get(k)
                    .is_some_and(|&l| self.deprel(l).starts_with("nsubj"))
        })
    }

    /// **Adjectives read as nouns' heads** (stop 29, parse15). The greedy
    /// tagger reads a noun that is also an adjective as an adjective when
    /// no noun follows it ("Turkey launched an offensive against the
    /// militia": `offensive` JJ, the object; "remained an imperative for
    /// the US"), and the coder then reads no event noun. A candidate is a
    /// word tagged JJ heading an argument (`obj`, `obl`, `nsubj`,
    /// `nsubj:pass`) with the indefinite article "a"/"an" as its own
    /// determiner and a preposition right after it. The first two are
    /// re-parsed with NN imposed; the new parse is kept when the word is
    /// then a noun heading no subject, the root is verbal and no verb loses
    /// its subject ([`Self::noun_repair_is_better`]).
    fn repair_adjectives_read_as_nouns(
        &self,
        words: &[&str],
        out: &mut Parse,
        retry: &mut Parse,
        scratch: &mut Scratch,
    ) {
        let Some(nn) = self.class_of("NN", "NOUN") else {
            return;
        };
        let n = out.aligned_len(words);
        let candidates: Vec<usize> = (1..n.saturating_sub(1))
            .filter(|&i| {
                if self.xpos(out.tags[i]) != "JJ"
                    || !matches!(
                        self.deprel(out.labels[i]),
                        "obj" | "obl" | "nsubj" | "nsubj:pass"
                    )
                    || self.upos(out.tags[i + 1]) != "ADP"
                {
                    return false;
                }
                (0..i).any(|k| {
                    out.heads[k] as usize == i + 1
                        && self.deprel(out.labels[k]) == "det"
                        && matches!(words[k].to_lowercase().as_str(), "a" | "an")
                })
            })
            .take(2)
            .collect();
        for i in candidates {
            scratch.force = vec![(i, nn)];
            self.parse_tokens_once(words, retry, scratch);
            if self.noun_repair_is_better(out, retry, i) {
                std::mem::swap(out, retry);
            }
        }
    }

    /// The structural test of [`Self::repair_nouns_read_as_verbs`]: in
    /// `new`, word `i` is a noun heading no subject, the root is verbal and
    /// every verb or copular head of `old` (other than `i`) that had a
    /// subject still has one.
    fn noun_repair_is_better(&self, old: &Parse, new: &Parse, i: usize) -> bool {
        let subject_of = |p: &Parse, h: usize| self.has_subject(p, h);
        if new.tags.get(i).is_none_or(|&t| self.upos(t) != "NOUN")
            || subject_of(new, i)
            || !self.has_verbal_root(new)
        {
            return false;
        }
        (0..old.heads.len()).all(|h| h == i || !subject_of(old, h) || subject_of(new, h))
    }

    /// The structural test of [`Self::repair_verbs_read_as_nouns`]: in
    /// `new`, word `i` is a verb with a subject to its left or a conjunct
    /// of an earlier verb that has one, the root is verbal, and every verb
    /// or copular head of `old` (other than `i`) that had a subject still
    /// has one.
    fn verb_repair_is_better(&self, old: &Parse, new: &Parse, i: usize) -> bool {
        let subject_of = |p: &Parse, h: usize| self.has_subject(p, h);
        if self.upos(new.tags[i]) != "VERB" || !self.has_verbal_root(new) {
            return false;
        }
        let own_subject = new.heads.iter().enumerate().any(|(k, &head)| {
            k < i && head as usize == i + 1 && self.deprel(new.labels[k]).starts_with("nsubj")
        });
        // up a chain of verb conjuncts ("it appeases X, sells him arms,
        // trades with ..."), to the first verb, which has the subject
        let shared_subject = {
            let mut k = i;
            let mut found = false;
            for _ in 0..new.heads.len() {
                if self.deprel(new.labels[k]) != "conj" {
                    break;
                }
                match (new.heads[k] as usize).checked_sub(1) {
                    Some(h) if h < k && self.upos(new.tags[h]) == "VERB" => {
                        if subject_of(new, h) {
                            found = true;
                            break;
                        }
                        k = h;
                    }
                    _ => break,
                }
            }
            found
        };
        if !(own_subject || shared_subject) {
            return false;
        }
        (0..old.heads.len()).all(|h| h == i || !subject_of(old, h) || subject_of(new, h))
    }

    /// The other garden path: "The families of two British men killed
    /// fighting Isis have condemned a report" read with `killed` as the
    /// main verb and the real one, `have condemned`, as its conjunct. A
    /// root in the past tense right after a noun, with a form the
    /// participle shares, whose conjunct to the right carries its own
    /// auxiliary and no coordinator, is a reduced relative: the word's
    /// index, to be parsed again as a participle.
    fn relative_read_as_main_verb(&self, words: &[&str], parse: &Parse) -> Option<usize> {
        let root = parse.heads.iter().position(|&h| h == 0)?;
        if root == 0 || self.xpos(parse.tags[root]) != "VBD" {
            return None;
        }
        let w = words[root].to_lowercase();
        if !w.ends_with("ed") || !matches!(self.upos(parse.tags[root - 1]), "NOUN" | "PROPN") {
            return None;
        }
        let children = |h: usize| {
            parse
                .heads
                .iter()
                .enumerate()
                .filter(move |&(_, &head)| head as usize == h + 1)
                .map(|(k, _)| k)
        };
        let relation = |k: usize| self.deprel(parse.labels[k]);
        // the noun before the verb ends a modifier of the subject ("the
        // families [of two British men] killed"), not the subject itself
        // ("Putin declared Syria could become ...", "the year ended")
        let inside = |mut k: usize, top: usize| {
            for _ in 0..parse.heads.len() {
                match (parse.heads[k] as usize).checked_sub(1) {
                    Some(h) if h == top => return true,
                    Some(h) => k = h,
                    None => return false,
                }
            }
            false
        };
        let subject = children(root).find(|&k| k < root && relation(k) == "nsubj")?;
        if !inside(root - 1, subject) {
            return None;
        }
        // a verb after it with a finite auxiliary of its own and no subject
        // or subordinator: the parser made it a conjunct or a clause
        // hanging lower, where it is the sentence's own
        let finite_conjunct = (root + 1..words.len()).any(|k| {
            matches!(relation(k), "conj" | "advcl" | "parataxis")
                && inside(k, root)
                && self.upos(parse.tags[k]) == "VERB"
                && children(k).any(|c| {
                    c < k
                        && relation(c) == "aux"
                        && matches!(
                            words[c].to_lowercase().as_str(),
                            "has" | "have" | "had" | "is" | "are" | "was" | "were"
                        )
                })
                && !children(k)
                    .any(|c| c < k && matches!(relation(c), "cc" | "nsubj" | "nsubj:pass" | "mark"))
        });
        finite_conjunct.then_some(root)
    }

    /// "In recent days, airstrikes on the district have killed dozens": the
    /// greedy parser coordinates the subject after a fronted phrase's comma
    /// with that phrase's noun (`airstrikes` a `conj` of `days`), leaving
    /// the main verb without a subject. When the verbal root has no subject
    /// and such a conjunct, with no coordinator of its own and right after a
    /// comma, hangs on a noun that modifies the root (`obl`), the conjunct
    /// is made the root's `nsubj`, and what hangs on the fronted noun after
    /// it moves to it. An apposition of the fronted noun in that place
    /// ("But in the Senate, Lindsey Graham – a supporter of the president –
    /// suggested ...": `Graham` an `appos` of `Senate`) is the same slip
    /// (stop 29, parse14).
    fn reattach_fronted_subject(&self, words: &[&str], out: &mut Parse) {
        let (Some(conj), Some(nsubj), Some(cc)) = (
            self.label_id("conj"),
            self.label_id("nsubj"),
            self.label_id("cc"),
        ) else {
            return;
        };
        // stop 29 (parse14): the subject read as an apposition of the
        // fronted noun ("But in the Senate, Lindsey Graham – a supporter of
        // the president – suggested ...") is the same slip
        let appos = self.label_id("appos");
        let Some(root) = out.heads.iter().position(|&h| h == 0) else {
            return;
        };
        if self.upos(out.tags[root]) != "VERB" {
            return;
        }
        let name = |l: u8| self.deprel(l);
        let children = |h: usize| {
            out.heads
                .iter()
                .enumerate()
                .filter(move |&(_, &head)| head as usize == h + 1)
                .map(|(k, _)| k)
        };
        let has_subject = children(root).any(|k| {
            let rel = name(out.labels[k]);
            rel.starts_with("nsubj") || rel.starts_with("csubj") || rel == "expl"
        });
        if has_subject {
            return;
        }
        let fronted = (0..root).find(|&n| {
            if out.labels[n] != conj && Some(out.labels[n]) != appos {
                return false;
            }
            let Some(w) = (out.heads[n] as usize).checked_sub(1) else {
                return false;
            };
            // the conjunct's first word (its own modifiers included,
            // "Italian coastguards"; a comma it holds not) follows the comma
            let first = (0..=n)
                .filter(|&k| words[k] != ",")
                .find(|&k| descends_from(&out.heads, k, n))
                .unwrap_or(n);
            // an apposition only after a fronted phrase proper: a
            // preposition's noun or a bare time noun ("This year,"), not a
            // subject the parser read as an oblique ("About 400 men, the
            // entire male population, were rounded up")
            let fronted_phrase = out.labels[n] == conj
                || matches!(
                    name(out.labels[w]),
                    "obl:unmarked" | "obl:tmod" | "obl:npmod"
                )
                || children(w).any(|k| name(out.labels[k]) == "case");
            // args18: "Speaking to Xi, Kiribati President Taneti Maamau
            // reaffirmed ...", "Speaking to reporters in Kuala Lumpur,
            // Erdogan reiterated ...": the same slip inside a fronted
            // participle clause — the fronted noun hangs (through nouns
            // only) on an `advcl` -ing or -ed form of the root that opens
            // the sentence, and the conjunct ends right before the root
            let in_fronted_clause = || {
                let mut h = w;
                for _ in 0..out.heads.len() {
                    let Some(up) = (out.heads[h] as usize).checked_sub(1) else {
                        return false;
                    };
                    if up == root {
                        return name(out.labels[h]) == "advcl"
                            && h == 0
                            && matches!(self.xpos(out.tags[h]), "VBG" | "VBN");
                    }
                    if !matches!(self.upos(out.tags[h]), "NOUN" | "PROPN") {
                        return false;
                    }
                    h = up;
                }
                false
            };
            let ends_before_root = || {
                let last = (n..root)
                    .filter(|&k| descends_from(&out.heads, k, n))
                    .max()
                    .unwrap_or(n);
                (last + 1..root).all(|k| {
                    out.heads[k] as usize == root + 1
                        && matches!(name(out.labels[k]), "aux" | "advmod")
                })
            };
            let obl_of_root =
                out.heads[w] as usize == root + 1 && name(out.labels[w]).starts_with("obl");
            w < n
                && (fronted_phrase && obl_of_root || in_fronted_clause() && ends_before_root())
                && first > 0
                && words[first - 1] == ","
                && !children(n).any(|k| out.labels[k] == cc)
        });
        if let Some(n) = fronted {
            // what hangs on the fronted noun after the subject belongs to the
            // subject ("airstrikes against the district", "Russia and China")
            let w = out.heads[n];
            for k in n + 1..root {
                if out.heads[k] == w {
                    out.heads[k] = n as u32 + 1;
                }
            }
            out.heads[n] = root as u32 + 1;
            out.labels[n] = nsubj;
        }
    }

    /// The auxiliary classes of has, have and had (VBZ, VBP, VBD as AUX).
    fn have_aux_classes(&self) -> Option<[u8; 3]> {
        Some([
            self.class_of("VBZ", "AUX")?,
            self.class_of("VBP", "AUX")?,
            self.class_of("VBD", "AUX")?,
        ])
    }

    /// The class id of a (Penn, Universal) tag pair.
    fn class_of(&self, xpos: &str, upos: &str) -> Option<u8> {
        self.tagger
            .classes
            .iter()
            .position(|c| c.xpos == xpos && c.upos == upos)
            .and_then(|i| u8::try_from(i).ok())
    }

    /// Whether the root of `parse` is a verb, an auxiliary or a predicate
    /// with a copula.
    fn has_verbal_root(&self, parse: &Parse) -> bool {
        let Some(root) = parse.heads.iter().position(|&h| h == 0) else {
            return true;
        };
        let cop = self.parser.labels.iter().position(|l| l == "cop");
        matches!(self.upos(parse.tags[root]), "VERB" | "AUX")
            || parse
                .heads
                .iter()
                .zip(&parse.labels)
                .any(|(&h, &l)| h as usize == root + 1 && Some(l as usize) == cop)
    }

    fn parse_tokens_once(&self, words: &[&str], out: &mut Parse, scratch: &mut Scratch) {
        self.tag_into(words, &mut out.tags, scratch);
        out.heads.clear();
        out.labels.clear();
        out.windowed = words.len() > MAX_WINDOW;
        let mut first_root: Option<u32> = None;
        let mut start = 0usize;
        while start < words.len() {
            let end = (start + MAX_WINDOW).min(words.len());
            let infos = std::mem::take(&mut scratch.infos);
            self.parse_window(&infos[start..end], &out.tags[start..end], scratch);
            scratch.infos = infos;
            for (h, l) in scratch.heads.iter().zip(&scratch.labels) {
                if *h == 0 {
                    match first_root {
                        None => {
                            first_root = Some(out.heads.len() as u32 + 1);
                            out.heads.push(0);
                            out.labels.push(self.root_label);
                        }
                        Some(r) => {
                            out.heads.push(r);
                            out.labels.push(
                                self.parser
                                    .labels
                                    .iter()
                                    .position(|x| x == "parataxis")
                                    .unwrap_or(0) as u8,
                            );
                        }
                    }
                } else {
                    out.heads.push(*h + start as u32);
                    out.labels.push(*l);
                }
            }
            start = end;
        }
    }

    /// The analysis of one sentence's words as the plain data the analysed
    /// document carries (one [`dyad_core::WordSyntax`] per word).
    pub fn sentence_syntax(
        &self,
        words: &[&str],
        scratch: &mut Scratch,
    ) -> dyad_core::SentenceSyntax {
        let mut parse = Parse::default();
        self.parse_into(words, &mut parse, scratch);
        dyad_core::SentenceSyntax {
            words: words
                .iter()
                .zip(&parse.tags)
                .zip(parse.heads.iter().zip(&parse.labels))
                .map(|((w, &t), (&h, &l))| dyad_core::WordSyntax {
                    upos: self.upos(t).to_string(),
                    xpos: self.xpos(t).to_string(),
                    lemma: self.lemma(w, t),
                    head: h,
                    deprel: self.deprel(l).to_string(),
                })
                .collect(),
            windowed: parse.windowed,
        }
    }

    /// The next stage after the text pipeline: the same document with every
    /// sentence's [`dyad_core::Sentence::syntax`] filled, from its tokens'
    /// texts. Windowed long sentences add a warning to the document.
    pub fn annotate(&self, mut doc: dyad_core::AnalyzedDocument) -> dyad_core::AnalyzedDocument {
        let mut scratch = Scratch::default();
        let mut warnings = Vec::new();
        for s in &mut doc.sentences {
            let words: Vec<&str> = s.tokens.iter().map(|t| t.text(&doc.doc.text)).collect();
            let syntax = self.sentence_syntax(&words, &mut scratch);
            if syntax.windowed {
                warnings.push(format!(
                    "sentence {} has {} tokens: parsed in windows of {MAX_WINDOW}",
                    s.index,
                    words.len()
                ));
            }
            s.syntax = Some(syntax);
        }
        doc.doc.warnings.extend(warnings);
        doc
    }

    /// Analyses one sentence's words into plain strings.
    pub fn analyze(&self, words: &[&str]) -> Vec<SyntaxWord> {
        let mut parse = Parse::default();
        self.parse_into(words, &mut parse, &mut Scratch::default());
        self.words_of(words, &parse)
    }

    /// Turns a [`Parse`] of `words` into plain strings (with lemmas).
    pub fn words_of(&self, words: &[&str], parse: &Parse) -> Vec<SyntaxWord> {
        words
            .iter()
            .zip(&parse.tags)
            .zip(parse.heads.iter().zip(&parse.labels))
            .enumerate()
            .map(|(i, ((w, &t), (&h, &l)))| SyntaxWord {
                id: i as u32 + 1,
                form: w.to_string(),
                lemma: self.lemma(w, t),
                upos: self.upos(t).to_string(),
                xpos: self.xpos(t).to_string(),
                head: h,
                deprel: self.deprel(l).to_string(),
            })
            .collect()
    }
}

/// Prefixes the treebank keeps attached ("non-stop", "pre-war",
/// "anti-government"): a word starting with one of these is not split.
/// Time nouns that "last", "this" or "next" make a time phrase of ("last
/// week", "this month"), for [`Syntax::reattach_subject_before_time_phrase`].
const TIME_PHRASE_NOUNS: &[&str] = &[
    "week",
    "month",
    "year",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "spring",
    "summer",
    "autumn",
    "winter",
];

const WHOLE_PREFIXES: &[&str] = &[
    "e", "non", "pre", "anti", "re", "mid", "post", "co", "over", "pro", "multi", "ex", "sub",
    "semi", "neo", "cross", "vice", "un", "counter", "micro", "intra", "socio",
];

/// The parts of a hyphenated word the treebank splits ("US-backed" →
/// `US`, `backed`; "440-km-long" → three parts), or `None` for a word it
/// keeps whole: no inner hyphen, a part that is not letters or digits (URLs,
/// "--"), or a prefix in [`WHOLE_PREFIXES`].
pub fn hyphen_parts(word: &str) -> Option<impl Iterator<Item = &str>> {
    if !word.contains('-') || word.len() > 64 {
        return None;
    }
    let mut count = 0usize;
    for part in word.split('-') {
        if part.is_empty() || !part.chars().all(char::is_alphanumeric) {
            return None;
        }
        count += 1;
    }
    let first = word.split('-').next()?;
    if count < 2 || WHOLE_PREFIXES.iter().any(|p| first.eq_ignore_ascii_case(p)) {
        return None;
    }
    Some(word.split('-'))
}

/// Whether word `k` is word `n` or lies below it in `heads` (0 = root,
/// else the 1-based head); a cycle or a walk off the tree answers no.
fn descends_from(heads: &[u32], k: usize, n: usize) -> bool {
    let mut h = k;
    for _ in 0..heads.len() {
        if h == n {
            return true;
        }
        match heads.get(h).and_then(|&x| (x as usize).checked_sub(1)) {
            Some(next) => h = next,
            None => return false,
        }
    }
    false
}

/// Folds the parse of split pieces back onto the original words: each word
/// takes the analysis of its piece that attaches outside it (the root piece
/// first, else the last such piece), with heads mapped to words. Returns
/// false (leaving `out` unspecified) when the folded heads would not form a
/// tree.
fn fold_pieces(split: &Parse, owner: &[u32], n_words: usize, out: &mut Parse) -> bool {
    out.tags.clear();
    out.heads.clear();
    out.labels.clear();
    out.windowed = split.windowed;
    let mut chosen: Vec<Option<usize>> = vec![None; n_words];
    for (j, &w) in owner.iter().enumerate() {
        let head = split.heads[j];
        let outside = head == 0 || owner[head as usize - 1] != w;
        if !outside {
            continue;
        }
        let slot = &mut chosen[w as usize];
        let keep_current = matches!(*slot, Some(c) if split.heads[c] == 0);
        if !keep_current {
            *slot = Some(j);
        }
    }
    for slot in &chosen {
        let Some(j) = *slot else { return false };
        let head = split.heads[j];
        out.tags.push(split.tags[j]);
        out.labels.push(split.labels[j]);
        out.heads.push(if head == 0 {
            0
        } else {
            owner[head as usize - 1] + 1
        });
    }
    // Exactly one root and no cycles.
    if out.heads.iter().filter(|&&h| h == 0).count() != 1 {
        return false;
    }
    for start in 0..n_words {
        let mut at = start;
        let mut steps = 0;
        while out.heads[at] != 0 {
            at = out.heads[at] as usize - 1;
            steps += 1;
            if steps > n_words {
                return false;
            }
        }
    }
    true
}
