//! The coding engine: loaded knowledge plus the wiring of the stages
//! (text pipeline → actors → places → events). Immutable once built and
//! `Send + Sync`, so one engine is shared by reference across threads.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use dyad_core::{AnalyzedDocument, CodedDocument, Document, Event, Sentence};

use crate::clause::{self, LocalMention, Predicate, SentenceView};
use crate::error::CoderError;
use crate::locative;
use crate::matching::{self, Attempt};
use crate::patterns::{PatternSet, TriggerKind};
use crate::record::{self, DocContext};
use crate::stages::{ActorStage, PlaceStage};

/// Events below this confidence are not coded: a weak pattern whose
/// target came from the fallback and whose source is missing.
pub const MIN_CONFIDENCE: f32 = 0.45;

/// The default output policy of `dyad code` (and what `dyad eval events`
/// scores): [`Event::shown_by_default`], which the store's queries, exports
/// and merging apply too.
pub fn shown_by_default(ev: &Event) -> bool {
    ev.shown_by_default()
}

/// Which gazetteer the engine loads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum GazetteerChoice {
    /// The default location; a missing gazetteer is a warning, not an error.
    #[default]
    Default,
    /// An explicit file; failing to load it is an error.
    Path(PathBuf),
    /// No gazetteer: places come from the dateline and actors only.
    None,
}

/// Which dependency parser the engine codes on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ParserChoice {
    /// The model embedded in the binary (`data/syntax/en-ewt.model`).
    #[default]
    Builtin,
    /// A model file (`dyad train syntax -o FILE`).
    Path(PathBuf),
    /// No parser: the older token-window clause analysis (for comparison).
    None,
}

impl ParserChoice {
    /// The choice behind a `--no-parse` flag: the built-in model unless
    /// the flag is set.
    pub fn builtin_unless(no_parse: bool) -> ParserChoice {
        if no_parse {
            ParserChoice::None
        } else {
            ParserChoice::Builtin
        }
    }
}

/// How to build an [`Engine`].
#[derive(Debug, Clone, Default)]
pub struct EngineConfig {
    /// Extra knowledge directories (`--lexicon DIR`): actor lexicon files and
    /// a `patterns/` subdirectory of event patterns.
    pub lexicon_dirs: Vec<PathBuf>,
    /// The gazetteer to load.
    pub gazetteer: GazetteerChoice,
    /// The dependency parser to code on.
    pub parser: ParserChoice,
    /// Parse every content sentence (`--parse-all`), also those the coder
    /// skips because they hold no actor mention or no trigger word. The
    /// output is the same (a skipped sentence cannot hold an event); this
    /// is for measuring the skip and for checking that claim.
    pub parse_all: bool,
}

/// How much of the coded text the dependency parser read: content
/// sentences and tokens seen, and those parsed (see [`Engine::parse_stats`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ParseStats {
    /// Content sentences the coder saw.
    pub sentences: u64,
    /// Of those, the sentences tagged and parsed.
    pub parsed: u64,
    /// Tokens of the content sentences.
    pub tokens: u64,
    /// Tokens of the parsed sentences.
    pub tokens_parsed: u64,
    /// Parsed sentences where some predicate of the tree (a verb or an
    /// event noun) can trigger a pattern.
    pub triggered: u64,
}

/// [`ParseStats`] summed across threads.
#[derive(Debug, Default)]
struct ParseCounts {
    sentences: AtomicU64,
    parsed: AtomicU64,
    tokens: AtomicU64,
    tokens_parsed: AtomicU64,
    triggered: AtomicU64,
}

impl ParseCounts {
    fn add(&self, s: ParseStats) {
        self.sentences.fetch_add(s.sentences, Ordering::Relaxed);
        self.parsed.fetch_add(s.parsed, Ordering::Relaxed);
        self.tokens.fetch_add(s.tokens, Ordering::Relaxed);
        self.tokens_parsed
            .fetch_add(s.tokens_parsed, Ordering::Relaxed);
        self.triggered.fetch_add(s.triggered, Ordering::Relaxed);
    }

    fn get(&self) -> ParseStats {
        ParseStats {
            sentences: self.sentences.load(Ordering::Relaxed),
            parsed: self.parsed.load(Ordering::Relaxed),
            tokens: self.tokens.load(Ordering::Relaxed),
            tokens_parsed: self.tokens_parsed.load(Ordering::Relaxed),
            triggered: self.triggered.load(Ordering::Relaxed),
        }
    }
}

/// The event coder with its knowledge loaded.
pub struct Engine {
    pipeline: dyad_text::TextPipeline,
    actors: ActorStage,
    places: PlaceStage,
    patterns: PatternSet,
    syntax: Option<dyad_syntax::Syntax>,
    parse_all: bool,
    counts: ParseCounts,
    warnings: Vec<String>,
}

/// One sentence as `dyad explain` shows it.
#[derive(Debug, Clone)]
pub struct SentenceExplanation {
    /// Sentence index.
    pub index: usize,
    /// Its text.
    pub text: String,
    /// Zone name.
    pub zone: &'static str,
    /// Actor mentions: (text, actor code, kind/rule).
    pub mentions: Vec<(String, String, String)>,
    /// Predicates, described.
    pub predicates: Vec<String>,
    /// Patterns tried.
    pub attempts: Vec<Attempt>,
    /// Events coded (all factualities).
    pub events: Vec<Event>,
    /// For each event, its slot description and factuality reason.
    pub event_notes: Vec<String>,
    /// The dependency tree, one line a token ("3 attacked VERB VBD 0 root"),
    /// empty when coded without the parser.
    pub tree: Vec<String>,
}

impl Engine {
    /// Builds an engine from built-in knowledge plus `config`.
    pub fn new(config: EngineConfig) -> Result<Engine, CoderError> {
        let mut warnings = Vec::new();
        // the event-place word lists are embedded: a defect is an error
        // naming file and line, not a silent loss of places
        crate::record::PlaceWords::check_builtin()?;
        crate::record::check_own_people_words()?;
        let mut patterns = PatternSet::builtin()?;
        for dir in &config.lexicon_dirs {
            let sub = dir.join("patterns");
            if sub.is_dir() || has_tsv_patterns(dir) {
                patterns.add_dir(dir)?;
            }
        }
        let actors = ActorStage::load(&config.lexicon_dirs)?;
        let places = PlaceStage::load(&config.gazetteer, &mut warnings)?;
        let syntax = match &config.parser {
            ParserChoice::Builtin => Some(dyad_syntax::Syntax::builtin()?),
            ParserChoice::Path(p) => Some(dyad_syntax::Syntax::load(p)?),
            ParserChoice::None => None,
        };
        Ok(Engine {
            pipeline: dyad_text::TextPipeline::new(),
            actors,
            places,
            patterns,
            syntax,
            parse_all: config.parse_all,
            counts: ParseCounts::default(),
            warnings,
        })
    }

    /// Built-in knowledge and the default gazetteer.
    pub fn builtin() -> Result<Engine, CoderError> {
        Engine::new(EngineConfig::default())
    }

    /// The loaded gazetteer, when one was found.
    pub fn gazetteer(&self) -> Option<&dyad_geo::Gazetteer> {
        self.places.gazetteer()
    }

    /// Non-fatal problems met while loading (e.g. no gazetteer found).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The loaded event patterns.
    pub fn patterns(&self) -> &PatternSet {
        &self.patterns
    }

    /// Content sentences and tokens coded so far by this engine (all
    /// threads), and how many of them were parsed.
    pub fn parse_stats(&self) -> ParseStats {
        self.counts.get()
    }

    /// Whether a sentence must be parsed for its events: some token is a
    /// trigger word of a pattern (verb or event noun) by its lower-case
    /// form or its text-tagger lemma, or is a past form the text tagger
    /// took for an adjective whose verb lemma (`adjective_verbs`) is a
    /// trigger. The predicates and the pattern look-up read exactly these
    /// words (`clause::analyze_tree`, `matching::match_sentence`), so a
    /// sentence without one cannot hold an event, whatever its parse.
    fn needs_parse(&self, view: &SentenceView<'_>, adjective_verbs: &[(usize, String)]) -> bool {
        (0..view.len()).any(|i| {
            [TriggerKind::Verb, TriggerKind::Noun].iter().any(|&k| {
                self.patterns.has_trigger(k, view.lemma(i))
                    || self.patterns.has_trigger(k, view.low(i))
            })
        }) || adjective_verbs
            .iter()
            .any(|(_, l)| self.patterns.has_trigger(TriggerKind::Verb, l))
    }

    /// Whether a quoted sentence may state a demand or a blame: a modal of
    /// obligation or a word of strongly negative valence (a cheap test
    /// before parsing it).
    fn may_state(&self, view: &SentenceView<'_>) -> bool {
        (0..view.len()).any(|i| {
            matches!(
                view.low(i),
                "must" | "should" | "ought" | "need" | "needs" | "has" | "have"
            ) || self.patterns.negative_valence(view.low(i)).is_some()
                || self.patterns.negative_valence(view.lemma(i)).is_some()
        })
    }

    /// Codes a document end to end.
    pub fn code_document(&self, doc: Document) -> CodedDocument {
        self.code_analyzed(self.pipeline.analyze(doc))
    }

    /// Codes an already analysed document.
    pub fn code_analyzed(&self, analyzed: AnalyzedDocument) -> CodedDocument {
        let analyzed = self.with_name_parses(analyzed);
        let mut actors = self.actors.recognize(&analyzed);
        let places = self.places.recognize(&analyzed, &actors);
        // "Jo Bloggs, 31, from Lewes": a home the gazetteer places
        dyad_lexicon::country_from_home_places(&mut actors, &analyzed.doc.text, &places);
        // "the court in the town of Kilis": a place phrase of the actor's own
        dyad_lexicon::country_from_own_place_places(&mut actors, &analyzed.doc.text, &places);
        // Places after prepositions may fill "- arrive in +"-style slots;
        // they are the coder's own, not actor mentions of the document.
        let place_mentions = self.place_mentions(&analyzed, &actors, &places);
        let mentions = locative::Mentions::new(&actors, &place_mentions);
        let events = self.events(&analyzed, mentions, &places, None);
        CodedDocument {
            analyzed,
            actors,
            places,
            events,
        }
    }

    /// The document with the dependency parse filled in for the sentences
    /// the unknown-name step reads it in ([`dyad_lexicon::needs_name_parse`]:
    /// a capitalised word right before a verb of speech, "Malloy said").
    /// Actors are recognised before the events stage parses, so without
    /// this a lone unknown name was never found the subject of its verb.
    fn with_name_parses(&self, mut analyzed: AnalyzedDocument) -> AnalyzedDocument {
        let Some(syntax) = &self.syntax else {
            return analyzed;
        };
        let mut scratch = dyad_syntax::Scratch::default();
        let text = analyzed.doc.text.as_str();
        for sentence in analyzed.sentences.iter_mut() {
            if !sentence.zone.is_content()
                || sentence.tokens.len() > clause::MAX_TOKENS
                || !dyad_lexicon::needs_name_parse(text, sentence)
            {
                continue;
            }
            let words: Vec<&str> = sentence.tokens.iter().map(|t| t.text(text)).collect();
            sentence.syntax = Some(syntax.sentence_syntax(&words, &mut scratch));
        }
        analyzed
    }

    /// The coder's own country-level mentions (never the document's actor
    /// mentions): toponyms after a preposition and "<demonym> <place
    /// noun>" phrases after one, in text order.
    fn place_mentions(
        &self,
        analyzed: &AnalyzedDocument,
        actors: &[dyad_core::ActorMention],
        places: &[dyad_core::PlaceMention],
    ) -> Vec<dyad_core::ActorMention> {
        let mut out = locative::place_mentions(&analyzed.doc.text, actors, places);
        let demonyms = locative::demonym_place_mentions(analyzed, actors, |d, n| {
            self.actors.demonym_place_country(d, n)
        });
        if !demonyms.is_empty() {
            out.extend(demonyms);
            out.sort_by_key(|m| (m.span.start, m.span.end));
            out.dedup_by(|a, b| a.span.overlaps(b.span));
        }
        out
    }

    /// Codes a document and explains every sentence (or only `only`).
    pub fn explain_document(
        &self,
        doc: Document,
        only: Option<usize>,
    ) -> (CodedDocument, Vec<SentenceExplanation>) {
        let analyzed = self.with_name_parses(self.pipeline.analyze(doc));
        let mut actors = self.actors.recognize(&analyzed);
        let places = self.places.recognize(&analyzed, &actors);
        // "Jo Bloggs, 31, from Lewes": a home the gazetteer places
        dyad_lexicon::country_from_home_places(&mut actors, &analyzed.doc.text, &places);
        // "the court in the town of Kilis": a place phrase of the actor's own
        dyad_lexicon::country_from_own_place_places(&mut actors, &analyzed.doc.text, &places);
        let place_mentions = self.place_mentions(&analyzed, &actors, &places);
        let mentions = locative::Mentions::new(&actors, &place_mentions);
        let mut out = Vec::new();
        let events = self.events(&analyzed, mentions, &places, Some((&mut out, only)));
        (
            CodedDocument {
                analyzed,
                actors,
                places,
                events,
            },
            out,
        )
    }

    fn events(
        &self,
        analyzed: &AnalyzedDocument,
        mentions: locative::Mentions<'_>,
        places: &[dyad_core::PlaceMention],
        mut explain: Option<(&mut Vec<SentenceExplanation>, Option<usize>)>,
    ) -> Vec<Event> {
        let ctx = DocContext::new(analyzed, mentions, places, self.places.gazetteer());
        let text = &analyzed.doc.text;
        let quotes = dyad_lexicon::quotations(text, &analyzed.sentences, mentions.actors());
        let mut events: Vec<Event> = Vec::new();
        let mut lower_buf = String::new();
        let mut parse = dyad_syntax::Parse::default();
        let mut scratch = dyad_syntax::Scratch::default();
        let mut stats = ParseStats::default();
        for sentence in &analyzed.sentences {
            if !sentence.zone.is_content() {
                continue;
            }
            stats.sentences += 1;
            stats.tokens += sentence.tokens.len().min(clause::MAX_TOKENS) as u64;
            let wanted = match &explain {
                Some((_, Some(n))) => *n == sentence.index,
                Some((_, None)) => true,
                None => false,
            };
            // `--parse-all`: every content sentence is parsed, then skipped
            // where it would have been
            let force = wanted || self.parse_all;
            let near = mentions.in_span(sentence.span);
            if !force && !SentenceView::may_have_mentions(sentence, near.clone()) {
                continue;
            }
            let mut view = SentenceView::new(text, sentence, near, &mut lower_buf);
            // past and -ing forms the text tagger's lexicon knows only as
            // adjectives ("travelled", "striking"): their verb lemma counts
            // as a trigger, and is the lemma when the parser reads a verb
            let adjective_verbs: Vec<(usize, String)> = (0..view.len())
                .filter(|&i| view.pos(i) == Some(dyad_core::Pos::JJ))
                .filter_map(|i| {
                    let low = view.low(i);
                    let pos = if low.ends_with("ed") {
                        dyad_core::Pos::VBN
                    } else if low.ends_with("ing") {
                        dyad_core::Pos::VBG
                    } else {
                        return None;
                    };
                    let verb = self.pipeline.tagger().lemma(low, pos);
                    (verb != view.low(i)).then_some((i, verb))
                })
                .collect();
            if view.mentions.is_empty() && !force {
                continue;
            }
            // a sentence wholly inside a quotation whose speaker is named
            // elsewhere may state a demand or a blame of the speaker's with
            // no trigger word of its own
            let quoted_speaker =
                quote_speaker(&quotes, sentence, &view).filter(|_| wanted || self.may_state(&view));
            // a sentence with no trigger word cannot hold an event: it is
            // neither tagged nor parsed by the parser (the output is the
            // same; parsing is most of the cost of coding)
            let has_trigger =
                wanted || quoted_speaker.is_some() || self.needs_parse(&view, &adjective_verbs);
            if !has_trigger && !force {
                continue;
            }
            let tree = self.syntax.as_ref().map(|syntax| {
                stats.parsed += 1;
                stats.tokens_parsed += view.len() as u64;
                parse_view(syntax, text, &view, &mut parse, &mut scratch)
            });
            if !wanted && (view.mentions.is_empty() || !has_trigger) {
                continue;
            }
            if let Some(t) = &tree {
                view.verb_lemmas = adjective_verbs
                    .into_iter()
                    .filter(|&(i, _)| t.upos(i) == "VERB")
                    .collect();
            }
            // a hyphenated pair of countries names the two sides of an
            // event noun it modifies ("the Israeli-Palestinian talks"),
            // nothing on any other word
            let on_event_noun: Vec<bool> = (0..view.len())
                .map(|i| {
                    tree.as_ref().is_some_and(|t| {
                        matches!(t.rel(i), "amod" | "compound")
                            && t.head(i).is_some_and(|h| {
                                matches!(t.upos(h), "NOUN" | "PROPN")
                                    && (self.patterns.has_trigger(TriggerKind::Noun, view.lemma(h))
                                        || self
                                            .patterns
                                            .has_trigger(TriggerKind::Noun, view.low(h)))
                            })
                    })
                })
                .collect();
            view.drop_pairs_unless(|i| on_event_noun.get(i) == Some(&true));
            let mut preds = match &tree {
                Some(t) => clause::analyze_tree(&view, t, &self.patterns, !wanted),
                None if wanted => clause::analyze(&view, &self.patterns),
                None => clause::analyze_for_events(&view, &self.patterns),
            };
            if preds.is_empty() && !wanted && quoted_speaker.is_none() {
                continue;
            }
            let donors = match &tree {
                Some(t) => clause::country_donors(&view, t, |m| {
                    view.mentions
                        .get(m)
                        .and_then(|lm| mentions.get(lm.global))
                        .is_some_and(|a| a.actor.country.is_some() || a.actor.org.is_some())
                }),
                None => Vec::new(),
            };
            // the quotation's speaker joins the sentence as a mention of no
            // word of it (after the donors: no noun phrase of this sentence
            // is the speaker's), the subject of the implicit verb of saying
            if let (Some(t), Some(speaker)) = (&tree, quoted_speaker) {
                let local = view.mentions.len();
                view.mentions.push(LocalMention {
                    first: 0,
                    last: 0,
                    global: speaker,
                    place: false,
                    city: false,
                    twin: None,
                    role: false,
                    known_person: false,
                    country: None,
                    pair: false,
                });
                match clause::quoted_statement(&view, t, &self.patterns, local) {
                    Some(p) => preds.push(p),
                    None => {
                        view.mentions.pop();
                    }
                }
            }
            if preds.is_empty() && !wanted {
                continue;
            }
            if tree.is_some() && !preds.is_empty() {
                stats.triggered += 1;
            }
            let (matches, attempts) = matching::match_sentence(
                &view,
                &preds,
                &self.patterns,
                mentions,
                tree.as_ref(),
                wanted,
            );
            let mut sentence_events = Vec::new();
            let mut notes = Vec::new();
            for m in &matches {
                // an event's confidence is its match's: skip weak matches
                // before building their records
                if m.confidence < MIN_CONFIDENCE {
                    continue;
                }
                let dyads =
                    record::build_events(&ctx, sentence, &view, tree.as_ref(), &preds, m, &donors);
                let before = sentence_events.len();
                for ev in dyads {
                    if is_duplicate(&events, &ev) {
                        continue;
                    }
                    // the same event read twice in this sentence with the
                    // same factuality is as sure as its surer reading ("a
                    // bombardment targeting Damascus, killing 12 people":
                    // the first reading is kept, with the killing's
                    // confidence and not in passing)
                    match duplicate_at(&sentence_events, &ev) {
                        None => sentence_events.push(ev),
                        Some(k) => {
                            if let Some(old) = sentence_events.get_mut(k) {
                                if ev.factuality == old.factuality {
                                    old.provenance.confidence =
                                        old.provenance.confidence.max(ev.provenance.confidence);
                                    // read once in a main clause, it is not
                                    // mentioned only in passing
                                    old.in_passing &= ev.in_passing;
                                }
                            }
                        }
                    }
                }
                if wanted {
                    let paths = match (&tree, preds.get(m.predicate)) {
                        (Some(t), Some(p)) => {
                            let path = |li: &usize| {
                                let Some(lm) = view.mentions.get(*li) else {
                                    return String::new();
                                };
                                // the quotation's speaker has no word here
                                if view.mention_at.get(lm.first).copied().flatten() != Some(*li)
                                    && p.quoted
                                {
                                    return "the quotation's speaker, named in another sentence"
                                        .into();
                                }
                                let head = (lm.first..=lm.last)
                                    .find(|&i| {
                                        t.head(i).is_none_or(|h| h < lm.first || h > lm.last)
                                    })
                                    .unwrap_or(lm.last);
                                format!("{}:{}", view.low(head), t.path(head, p.head))
                            };
                            let side =
                                |ms: &[usize]| ms.iter().map(path).collect::<Vec<_>>().join(" + ");
                            format!(
                                "; tree paths: source [{}] target [{}]",
                                side(&m.source),
                                side(&m.target)
                            )
                        }
                        _ => String::new(),
                    };
                    let note = format!(
                        "{}; factuality: {}{paths}",
                        matching::describe_slots(&m.slots),
                        m.factuality_reason
                    );
                    // one note per event the match gave (its dyads)
                    for _ in before..sentence_events.len() {
                        notes.push(note.clone());
                    }
                }
            }
            if let Some((out, _)) = explain.as_mut().filter(|_| wanted) {
                let mut explained = explain_sentence(
                    &view,
                    sentence,
                    mentions,
                    &preds,
                    attempts,
                    &sentence_events,
                    notes,
                );
                if let Some(t) = &tree {
                    explained.tree = (0..t.len())
                        .map(|i| {
                            format!(
                                "{:>3} {:<16} {:<5} {:<4} {:>3} {}",
                                i + 1,
                                view.tokens.get(i).map(|x| x.text(text)).unwrap_or(""),
                                t.upos(i),
                                t.xpos(i),
                                t.head(i).map_or(0, |h| h + 1),
                                t.rel(i)
                            )
                        })
                        .collect();
                }
                out.push(explained);
            }
            events.extend(sentence_events);
        }
        record::share_same_event_places(&mut events);
        self.counts.add(stats);
        events
    }
}

/// Tags and parses the tokens of `view` and returns their tree, with names
/// borrowed from the model's tables.
///
/// A person named with a title the lexicon resolved ("Russian President
/// Vladimir Putin", "North Korean leader Kim Jong Un") is parsed as the
/// bare name, the title hung on it: the treebank parser garden-paths on
/// long runs of capitalised words ("Russian" taken for the root and "has
/// welcomed" for a relative clause), while what the title says is already
/// known.
fn parse_view<'s>(
    syntax: &'s dyad_syntax::Syntax,
    text: &str,
    view: &SentenceView<'_>,
    parse: &mut dyad_syntax::Parse,
    scratch: &mut dyad_syntax::Scratch,
) -> clause::DepTree<'s> {
    let n = view.tokens.len();
    let titles = title_spans(view);
    let folded = |i: usize| titles.iter().any(|&(a, b, _)| a <= i && i < b);
    // the words the parser sees, and the token each stands for
    let kept: Vec<usize> = (0..n).filter(|&i| !folded(i)).collect();
    let local: Vec<&str> = kept.iter().map(|&i| view.tokens[i].text(text)).collect();
    syntax.parse_into(&local, parse, scratch);
    let m = local.len().min(parse.heads.len());
    let mut head: Vec<Option<usize>> = vec![None; n];
    let mut rel: Vec<&'s str> = vec!["dep"; n];
    let mut upos: Vec<&'s str> = vec!["X"; n];
    let mut xpos: Vec<&'s str> = vec!["XX"; n];
    for (j, &i) in kept.iter().enumerate().take(m) {
        head[i] = (parse.heads[j] as usize)
            .checked_sub(1)
            .and_then(|h| kept.get(h).copied());
        rel[i] = syntax.deprel(parse.labels[j]);
        upos[i] = syntax.upos(parse.tags[j]);
        xpos[i] = syntax.xpos(parse.tags[j]);
    }
    for &(from, to, last) in &titles {
        // the name's own head: its word whose head lies outside the name
        // (UD hangs "Putin" on "Vladimir" with `flat`)
        let name_head = (to..=last)
            .find(|&k| head[k].is_none_or(|h| h < to || h > last))
            .unwrap_or(last);
        for i in from..to {
            let (u, x, r) = match view.pos(i) {
                Some(dyad_core::Pos::JJ) => ("ADJ", "JJ", "amod"),
                Some(dyad_core::Pos::NN) => ("NOUN", "NN", "compound"),
                Some(dyad_core::Pos::NNS) => ("NOUN", "NNS", "compound"),
                _ => ("PROPN", "NNP", "compound"),
            };
            head[i] = Some(name_head);
            rel[i] = r;
            upos[i] = u;
            xpos[i] = x;
        }
    }
    report_after_time(view, &mut head, &mut rel);
    subject_after_time(view, &mut head, &mut rel);
    stranded_preposition(&upos, &mut head, &mut rel);
    clause::DepTree::new(head, rel, upos, xpos)
}

/// "Russia said on Friday it had expelled ...": with no "that", the parser
/// reads the report as a relative clause on the time word ("Friday [it had
/// expelled]"). A clause hung as `acl:relcl` on a bare time word (a weekday,
/// a month, "yesterday", "last week"; no article: "on the day he died" is a
/// true relative) that is a time phrase of a verb of saying, and whose
/// subject is a personal pronoun right after that word, is the verb's
/// reported clause (`ccomp`). So is such a clause opened by "that" right
/// after the time word, or hung on it as a `ccomp` ("said on Tuesday that
/// Iran would attack ...": a day has no complement).
fn report_after_time(view: &SentenceView<'_>, head: &mut [Option<usize>], rel: &mut [&str]) {
    let n = head.len().min(rel.len());
    for i in 0..n {
        if rel[i] != "acl:relcl" && rel[i] != "ccomp" {
            continue;
        }
        let Some(t) = head[i].filter(|&t| t < i && t < n) else {
            continue;
        };
        let low = view.low(t);
        let time_word = dyad_core::calendar::is_time_word(low)
            || matches!(low, "yesterday" | "today" | "tonight")
            || (matches!(low, "week" | "month" | "year")
                && (0..n).any(|k| {
                    head[k] == Some(t) && matches!(view.low(k), "last" | "this" | "earlier")
                }));
        let articled = (0..n).any(|k| {
            head[k] == Some(t) && matches!(view.low(k), "the" | "a" | "an" | "that" | "every")
        });
        if !time_word || articled || !rel[t].starts_with("obl") && !rel[t].starts_with("nmod") {
            continue;
        }
        let Some(v) = head[t].filter(|&v| v < t) else {
            continue;
        };
        if !crate::words::is_speech_verb(view.lemma(v)) {
            continue;
        }
        // the clause's subject: a personal pronoun, the first word after
        // the time word
        let pronoun_subject = (t + 1..i).find(|&k| head[k] == Some(i) && rel[k] == "nsubj");
        let pronoun = pronoun_subject.is_some_and(|k| {
            k == t + 1 && matches!(view.low(k), "it" | "he" | "she" | "they" | "we" | "i")
        });
        // "said on Tuesday that Iran would ...": a clause opened by "that"
        // right after the time word (read as a complement of the day, or as
        // a relative clause with "that" its object) is the report too
        let that =
            (t + 1 < i && head[t + 1] == Some(i) && view.low(t + 1) == "that").then_some(t + 1);
        if pronoun || that.is_some() || rel[i] == "ccomp" {
            head[i] = Some(v);
            rel[i] = "ccomp";
            if let Some(k) = that {
                rel[k] = "mark";
            }
        }
    }
}

/// "On Monday Moscow condemned the strikes": with no comma after the time
/// phrase the parser reads the weekday and the name after it as one name
/// ("Monday" the head, "Moscow" its `flat` part) and the verb has no
/// subject. A bare month or weekday (no article) in a time phrase of a verb
/// with no subject, whose `flat` part right after it is an actor, gives
/// that part to the verb as its subject (with the rest of the name hung on
/// it).
fn subject_after_time(view: &SentenceView<'_>, head: &mut [Option<usize>], rel: &mut [&str]) {
    let n = head.len().min(rel.len());
    for t in 0..n {
        if !dyad_core::calendar::is_time_word(view.low(t)) {
            continue;
        }
        // "On Sunday Trump generated": the day read as the subject, the
        // preposition as a `mark` of the verb
        if rel[t] == "nsubj" && t > 0 && head[t - 1] == head[t] && rel[t - 1] == "mark" {
            let k = t + 1;
            let named = k < n
                && head[k] == Some(t)
                && rel[k] == "flat"
                && view.mention_at.get(k).copied().flatten().is_some();
            if let (true, Some(v)) = (named, head[t]) {
                for j in k + 1..n {
                    if head[j] == Some(t) && rel[j] == "flat" {
                        head[j] = Some(k);
                    }
                }
                head[k] = Some(v);
                rel[k] = "nsubj";
                head[t - 1] = Some(t);
                rel[t - 1] = "case";
                rel[t] = "obl";
            }
            continue;
        }
        if !rel[t].starts_with("obl") {
            continue;
        }
        let Some(v) = head[t].filter(|&v| v > t && v < n) else {
            continue;
        };
        let k = t + 1;
        if k >= v || head[k] != Some(t) || rel[k] != "flat" {
            continue;
        }
        if view.mention_at.get(k).copied().flatten().is_none() {
            continue;
        }
        let has_subject = (0..n).any(|j| head[j] == Some(v) && rel[j].starts_with("nsubj"));
        let articled = (0..t).any(|j| head[j] == Some(t) && rel[j] == "det");
        if has_subject || articled {
            continue;
        }
        for j in k + 1..v {
            if head[j] == Some(t) && rel[j] == "flat" {
                head[j] = Some(k);
            }
        }
        head[k] = Some(v);
        rel[k] = "nsubj";
    }
}

/// "We call upon... members of the international community to": a
/// preposition cut off from its noun by punctuation (an ellipsis, a dash)
/// is parsed as a bare oblique of the verb, and its noun as another. A
/// preposition hung as a childless `obl` (or `advmod`) on a verb whose next
/// word after the punctuation is a noun phrase on the same verb with no
/// preposition of its own is that phrase's `case`.
fn stranded_preposition(upos: &[&str], head: &mut [Option<usize>], rel: &mut [&str]) {
    let n = head.len().min(rel.len()).min(upos.len());
    for p in 0..n {
        if upos[p] != "ADP" || !matches!(rel[p], "obl" | "advmod") {
            continue;
        }
        let Some(v) = head[p] else {
            continue;
        };
        if (0..n).any(|j| head[j] == Some(p)) {
            continue;
        }
        // only punctuation between the preposition and the next word
        let Some(first) = (p + 1..n).find(|&j| upos[j] != "PUNCT") else {
            continue;
        };
        // the phrase's head: past a determiner or modifier ("the government")
        let mut q = first;
        while !matches!(upos[q], "NOUN" | "PROPN" | "PRON") {
            match head[q] {
                Some(h) if h > q && h < n && h <= first + 4 => q = h,
                _ => break,
            }
        }
        if first == p + 1
            || head[q] != Some(v)
            || !matches!(rel[q], "obl" | "obj" | "parataxis" | "dep")
        {
            continue;
        }
        if !matches!(upos[q], "NOUN" | "PROPN" | "PRON") {
            continue;
        }
        if (0..n).any(|j| head[j] == Some(q) && rel[j] == "case") {
            continue;
        }
        head[p] = Some(q);
        rel[p] = "case";
        rel[q] = "obl";
    }
}

/// Words that end a title before a person's name ("President", "leader",
/// "spokeswoman").
fn is_title_word(low: &str) -> bool {
    matches!(
        low,
        "president"
            | "minister"
            | "leader"
            | "secretary"
            | "chancellor"
            | "king"
            | "queen"
            | "prince"
            | "emir"
            | "sheikh"
            | "general"
            | "gen."
            | "senator"
            | "sen."
            | "rep."
            | "representative"
            | "ambassador"
            | "envoy"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "chairman"
            | "chairwoman"
            | "commander"
            | "chief"
            | "director"
            | "governor"
            | "mayor"
            | "judge"
            | "speaker"
            | "premier"
            | "ayatollah"
            | "pope"
            | "colonel"
            | "col."
            | "admiral"
            | "marshal"
            | "lieutenant"
            | "major"
            | "counterpart"
            | "adviser"
            | "advisor"
            | "official"
            | "negotiator"
            | "mp"
            | "lawmaker"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
    )
}

/// (first title token, first name token, last name token) of each mention
/// made of a title and a name: the words up to its last title word, when
/// what follows are proper nouns only ("US President | Donald Trump"), at
/// the start of a sentence or clause.
/// Names without a title ("Theresa May", "Islamic State") are left whole.
fn title_spans(view: &SentenceView<'_>) -> Vec<(usize, usize, usize)> {
    use dyad_core::Pos;
    let n = view.tokens.len();
    let mut out = Vec::new();
    for m in &view.mentions {
        if m.last <= m.first || m.last >= n {
            continue;
        }
        let Some(title_end) = (m.first..m.last).rev().find(|&k| {
            is_title_word(view.low(k).trim_end_matches('.')) || is_title_word(view.low(k))
        }) else {
            continue;
        };
        let name = title_end + 1..=m.last;
        let words_only = (m.first..=m.last).all(|k| {
            matches!(
                view.pos(k),
                Some(Pos::NNP | Pos::NNPS | Pos::NN | Pos::NNS | Pos::JJ)
            ) || view.low(k).ends_with('.')
        });
        // only where the sentence (or a quotation, or a clause after a
        // comma) begins: there a capitalised title reads as anything; after
        // a preposition or verb ("talks between Russian President ...") the
        // parser already reads it as a noun phrase
        let opens = m.first == 0
            || matches!(
                view.low(m.first - 1),
                "," | ";" | ":" | "\"" | "\u{201c}" | "(" | "--" | "\u{2014}" | "\u{2013}"
            );
        if opens && words_only && name.clone().all(|k| view.pos(k) == Some(Pos::NNP)) {
            out.push((m.first, title_end + 1, m.last));
        }
    }
    out
}

fn has_tsv_patterns(dir: &std::path::Path) -> bool {
    dir.file_name().is_some_and(|n| n == "patterns")
}

/// The same event twice in one sentence (a verb and its noun, two
/// patterns): same sentence, PLOVER type and actor codes.
fn is_duplicate(events: &[Event], ev: &Event) -> bool {
    duplicate_at(events, ev).is_some()
}

/// Index of the event of `events` that `ev` repeats (see [`is_duplicate`]).
fn duplicate_at(events: &[Event], ev: &Event) -> Option<usize> {
    let same_actors = |a: &[dyad_core::EventActor], b: &[dyad_core::EventActor]| {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| record::same_code(&x.actor, &y.actor))
    };
    // Events are in sentence order and the key holds the sentence: only the
    // tail of the same sentence can match (scanning all is quadratic).
    let tail = events
        .iter()
        .rev()
        .take_while(|e| e.provenance.sentence == ev.provenance.sentence)
        .count();
    let from = events.len() - tail;
    events
        .iter()
        .enumerate()
        .skip(from)
        .find(|(_, e)| {
            e.plover == ev.plover
                && same_actors(&e.source, &ev.source)
                && same_actors(&e.target, &ev.target)
        })
        .map(|(k, _)| k)
}

fn explain_sentence(
    view: &SentenceView<'_>,
    sentence: &dyad_core::Sentence,
    actors: locative::Mentions<'_>,
    preds: &[Predicate],
    attempts: Vec<Attempt>,
    events: &[Event],
    event_notes: Vec<String>,
) -> SentenceExplanation {
    let mention_text = |li: &usize| {
        view.mentions
            .get(*li)
            .and_then(|lm| actors.get(lm.global))
            .map(|m| format!("{} [{}]", m.text, m.actor.code()))
            .unwrap_or_default()
    };
    let list = |ms: &[usize]| ms.iter().map(mention_text).collect::<Vec<_>>().join(" + ");
    let predicates = preds
        .iter()
        .map(|p| {
            let mut s = format!(
                "{} '{}' ({:?}{}{}{}{})",
                match p.kind {
                    crate::patterns::TriggerKind::Verb => "verb",
                    crate::patterns::TriggerKind::Noun => "noun",
                },
                view.low(p.head),
                p.tense,
                if p.passive { ", passive" } else { "" },
                if p.negated { ", negated" } else { "" },
                p.modal
                    .as_ref()
                    .map(|m| format!(", modal {m}"))
                    .unwrap_or_default(),
                if p.nonfinite { ", non-finite" } else { "" },
            );
            if !p.subject.is_empty() {
                s.push_str(&format!(" subj={}", list(&p.subject)));
            }
            if !p.object.is_empty() {
                s.push_str(&format!(" obj={}", list(&p.object)));
            }
            for (prep, _, ms) in &p.preps {
                if !ms.is_empty() {
                    s.push_str(&format!(" {prep}={}", list(ms)));
                }
            }
            s
        })
        .collect();
    SentenceExplanation {
        index: sentence.index,
        text: view
            .text
            .get(sentence.span.start..sentence.span.end)
            .unwrap_or("")
            .to_string(),
        zone: sentence.zone.as_str(),
        mentions: view
            .mentions
            .iter()
            .filter_map(|lm| actors.get(lm.global))
            .map(|m| {
                (
                    m.text.clone(),
                    m.actor.code(),
                    format!("{:?} {}", m.kind, m.rule),
                )
            })
            .collect(),
        predicates,
        attempts,
        events: events.to_vec(),
        event_notes,
        tree: Vec::new(),
    }
}

/// Compile-time check that the engine can be shared across threads.
#[allow(dead_code)]
fn assert_send_sync() {
    fn is<T: Send + Sync>() {}
    is::<Engine>();
}

/// The speaker (global mention index) of the quotation that holds every
/// word of `sentence`, when that speaker is named outside the sentence.
fn quote_speaker(
    quotes: &[dyad_lexicon::Quotation],
    sentence: &Sentence,
    view: &SentenceView<'_>,
) -> Option<usize> {
    let words: Vec<_> = view
        .tokens
        .iter()
        .filter(|t| t.text(view.text).chars().any(char::is_alphanumeric))
        .collect();
    let (first, last) = (words.first()?, words.last()?);
    let q = quotes
        .iter()
        .find(|q| q.span.start <= first.span.start && last.span.end <= q.span.end)?;
    let speaker = q.speaker?;
    let inside = view.mentions.iter().any(|lm| lm.global == speaker);
    (!inside && !sentence.span.contains(q.speaker_span?)).then_some(speaker)
}
