//! Event patterns: the data that says which words report which events.
//!
//! A pattern file is a TSV (see `docs/coder.md`): one pattern a line,
//!
//! ```text
//! # pattern              plover    mode   cameo  flags
//! - meet with +          CONSULT   -      040    sym
//! - fire * at +          ASSAULT   -      190    ctx=military
//! talks between + and +  CONSULT   -      046    noun,sym
//! ```
//!
//! In the pattern, `-` is the source, `+` the target, `*` any words; the
//! first plain word is the trigger (a lemma); further plain words must occur
//! after the trigger; a preposition followed by `+`/`-` names the slot the
//! actor is read from ("at +": the object of "at").

use std::path::Path;

use dyad_core::ontology;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::error::CoderError;

/// Is the trigger a verb or an event noun?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerKind {
    /// A verb, matched on verb tokens by lemma.
    Verb,
    /// An event noun ("talks", "invasion"), matched on noun tokens.
    Noun,
}

/// Where an actor argument is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// Subject of a verb; for nouns, the possessor/modifier or the subject of
    /// the verb governing the noun phrase.
    Subject,
    /// Direct object of a verb.
    Object,
    /// Object of the given preposition.
    Prep(String),
    /// "between + and +": the two conjuncts are source and target.
    Pair(String),
    /// `should+`: the subject of a clause the trigger governs whose verb
    /// carries should, must, ought to, need to or have to ("X said Y should
    /// withdraw": a demand of X on Y). Read from the parse only.
    Obliged,
    /// `blames+`: the actor a clause the trigger governs says something
    /// strongly negative about ("X said Y is a terror group": an
    /// accusation by X of Y). Read from the parse only.
    Blamed,
}

impl Slot {
    /// Name for explanations.
    pub fn describe(&self) -> String {
        match self {
            Slot::Subject => "subject".into(),
            Slot::Object => "object".into(),
            Slot::Prep(p) => format!("'{p}' object"),
            Slot::Pair(p) => format!("'{p} X and Y'"),
            Slot::Obliged => "subject of a 'should' clause".into(),
            Slot::Blamed => "actor a reported clause blames".into(),
        }
    }
}

/// One event pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Rule id: `<file stem>:<trigger>:<cameo>` (+ `#n` when repeated).
    pub id: String,
    /// The pattern as written.
    pub text: String,
    /// Verb or noun trigger.
    pub kind: TriggerKind,
    /// Trigger lemma.
    pub trigger: String,
    /// Words that must follow the trigger (lemmas or lower-case forms), in order.
    pub required: Vec<String>,
    /// Slots the source is read from, in order of preference.
    pub source: Vec<Slot>,
    /// Slots the target is read from, in order of preference.
    pub target: Vec<Slot>,
    /// PLOVER type.
    pub plover: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// PLOVER contexts.
    pub contexts: Vec<String>,
    /// Source and target may be swapped (meetings, talks, agreements).
    pub symmetric: bool,
    /// Base confidence of events from this pattern.
    pub confidence: f32,
    /// When not empty, a source actor must have one of these sectors
    /// (`src=MIL;REB`): "troops withdrew" is RETREAT, "the NGO withdrew" is not.
    pub source_sectors: Vec<String>,
    /// The verb must have a direct object (flag `obj`; in a passive, its
    /// subject): "returned the prisoners to Turkey" hands something back,
    /// "returned to Afrin" only goes there.
    pub needs_object: bool,
    /// The verb's direct object must come after it and before a
    /// to-infinitive the verb governs (flag `ctl`): "wants Morocco to take
    /// back the migrants" asks Morocco; "the deal that Trump wants to
    /// destroy" asks no one.
    pub object_control: bool,
    /// Read only as a threat (flag `threat`): the act counts only when it is
    /// announced or vowed and so retyped THREATEN ("would devastate Turkey
    /// economically if it attacked"); "the Kurds were devastated" is grief.
    pub threat_only: bool,
    /// The verb must have no direct object (flag `intr`): "protesters
    /// demonstrated" protests, "demonstrating Russia's clout" shows.
    pub no_object: bool,
    /// The verb's direct object must be no event noun of another type (flag
    /// `noact`): "reinforced its troops" mobilizes, "reinforced its support
    /// for X" strengthens the act the noun names (which codes it).
    pub no_event_object: bool,
    /// On a parse, the verb must be active and its direct object itself an
    /// actor (flag `dobj`): "called the Jordanian king" telephones him;
    /// "something called 'civilians'" and "called an emergency cabinet
    /// meeting" call nobody.
    pub actor_object: bool,
    /// The target may not be the source's own armed forces or police (flag
    /// `noown`): a government that orders its troops somewhere commands them
    /// (a mobilisation, `mobilize.tsv`), it does not demand of another party.
    pub not_own_forces: bool,
    /// The direct object must be a guest (flag `guest`): an actor itself, or
    /// a gathering held for others ("hosted Assad", "hosted a summit of the
    /// guarantors"). "Hosts Britain's military bases" and "would welcome
    /// Turkey's intervention" receive nobody: the possessor of a thing or an
    /// act is no visitor.
    pub guest_object: bool,
    /// Fires only when the subject is two or more coordinated actors, which
    /// it splits into source and target (flag `pair`, implies `sym`): "X and
    /// Y agreed to hold exercises" is an agreement between them, while "X
    /// agreed to withdraw" names no counterpart.
    pub pair_only: bool,
    /// On a parse, each written word that is no preposition must belong to
    /// the trigger's own clause: the nearest verb above it is the trigger
    /// (flag `own`). "X and Y agreed to a trade deal" concludes one; "agreed
    /// to start negotiations for a trade agreement" promises talks.
    pub own_clause: bool,
    /// File the pattern came from.
    pub file: String,
    /// 1-based line in `file`.
    pub line: usize,
}

impl Pattern {
    /// Written words that are no prepositions ("deal" in `- agree * deal`,
    /// none in `- agree to`): on equal scores, the more words of content,
    /// the more specific the pattern.
    pub fn content_words(&self) -> usize {
        self.required
            .iter()
            .filter(|w| !is_written_function_word(w))
            .count()
    }

    /// Number of words and slots that must match: more specific patterns win.
    pub fn specificity(&self) -> usize {
        self.required.len() * 2
            + usize::from(!self.source_sectors.is_empty())
            + self
                .target
                .iter()
                .filter(|s| !matches!(s, Slot::Object))
                .count()
    }
}

/// Prepositions that can introduce an argument slot.
pub(crate) const SLOT_PREPS: &[&str] = &[
    "with", "against", "on", "to", "at", "into", "from", "of", "for", "in", "by", "between",
    "over", "upon", "toward", "towards", "onto", "about", "across", "through", "among", "amid",
    "inside", "near", "off", "out", "after", "under", "within", "around", "as",
];

/// A preposition, particle, conjunction or article a pattern writes ("to",
/// "that", "up"): no word of content.
pub(crate) fn is_written_function_word(w: &str) -> bool {
    SLOT_PREPS.contains(&w)
        || matches!(
            w,
            "that"
                | "whether"
                | "if"
                | "not"
                | "up"
                | "down"
                | "back"
                | "away"
                | "a"
                | "an"
                | "the"
                | "and"
                | "or"
                | "than"
                | "so"
        )
}

/// All patterns, indexed by trigger.
#[derive(Debug, Clone, Default)]
pub struct PatternSet {
    patterns: Vec<Pattern>,
    verbs: FxHashMap<String, Vec<usize>>,
    nouns: FxHashMap<String, Vec<usize>>,
    /// Rule ids given so far (a repeated one gets `#n`).
    ids: FxHashSet<String>,
    /// Strongly negative evaluative words ("terror", "abhorrent"), for the
    /// `blames+` slot: what a statement says of an actor's conduct.
    negative: FxHashMap<String, f32>,
    /// Adjectives that judge how an actor behaves ("shameful",
    /// "irresponsible"): blame in a predicate, and made into a manner
    /// adverb ("behaved shamefully") blame on an intransitive act.
    conduct: FxHashSet<String>,
    /// Nouns of an actor's own act whose "of" phrase is the doer ("the
    /// silence of X", "the decision of X"): a reported judgement of such a
    /// subject blames the doer.
    conduct_nouns: FxHashSet<String>,
    /// Verbs of failing or betraying a party ("fail", "let down"), keyed
    /// "verb" or "verb particle": with a party as object, blame.
    failing: FxHashSet<String>,
    /// Direct objects that make a giving or sending verb something other
    /// than aid ("gave instructions", "sent diplomats").
    immaterial: FxHashSet<String>,
    /// Direct objects that name an actor's removal or defeat ("backed the
    /// overthrow of X"): a cooperative verb with one is no cooperation with
    /// the actor named inside.
    removal: FxHashSet<String>,
    /// Act nouns whose "of" phrase names who the act befalls ("the arrest
    /// of X"): as a disapproving or approving verb's object, that actor is
    /// not the verb's target.
    done_to: FxHashSet<String>,
    /// Act nouns whose possessor undergoes the act when no "of" phrase
    /// follows ("ordered the tanker's release"): the possessor fills the
    /// noun's "of" slot.
    owner_undergoes: FxHashSet<String>,
    /// Direct objects that make a verb of violence figurative ("kill off
    /// speculation", "hit the spending target").
    figurative: FxHashSet<String>,
    /// Direct objects that make "threaten" mean "endanger" ("threatens
    /// British interests", "regional stability").
    endangered: FxHashSet<String>,
    /// Phrasal verbs ("end up", "give up") that mean something else than
    /// their verb, keyed "verb particle".
    idioms: FxHashSet<String>,
    /// Verbs of acts only a state's government does ("investigate",
    /// "expel"): a country as their agent stands for its government.
    state_acts: FxHashSet<String>,
}

/// The built-in list of objects that are not aid (hand-made; see its header).
const BUILTIN_IMMATERIAL: (&str, &str) = (
    "objects/immaterial.tsv",
    include_str!("../../../data/patterns/objects/immaterial.tsv"),
);

/// The built-in list of objects that name an actor's removal (hand-made;
/// see its header).
const BUILTIN_REMOVAL: (&str, &str) = (
    "objects/removal.tsv",
    include_str!("../../../data/patterns/objects/removal.tsv"),
);

/// The built-in list of act nouns whose "of" phrase is who the act befalls
/// (hand-made; see its header).
const BUILTIN_DONE_TO: (&str, &str) = (
    "objects/done-to.tsv",
    include_str!("../../../data/patterns/objects/done-to.tsv"),
);

/// The built-in list of act nouns whose possessor undergoes the act
/// (hand-made; see its header).
const BUILTIN_OWNER_UNDERGOES: (&str, &str) = (
    "objects/owner-undergoes.tsv",
    include_str!("../../../data/patterns/objects/owner-undergoes.tsv"),
);

/// The built-in list of objects that make a verb of violence figurative
/// (hand-made; see its header).
const BUILTIN_FIGURATIVE: (&str, &str) = (
    "objects/figurative.tsv",
    include_str!("../../../data/patterns/objects/figurative.tsv"),
);

/// The built-in list of objects that make "threaten" mean "endanger"
/// (hand-made; see its header).
const BUILTIN_ENDANGERED: (&str, &str) = (
    "objects/endangered.tsv",
    include_str!("../../../data/patterns/objects/endangered.tsv"),
);

/// The built-in list of governmental acts (hand-made; see its header).
const BUILTIN_STATE_ACTS: (&str, &str) = (
    "actors/state-acts.tsv",
    include_str!("../../../data/patterns/actors/state-acts.tsv"),
);

/// The built-in list of phrasal verbs that are not their verb (hand-made).
const BUILTIN_IDIOMS: (&str, &str) = (
    "phrasal/idioms.tsv",
    include_str!("../../../data/patterns/phrasal/idioms.tsv"),
);

/// The built-in evaluative word lists: VADER's strongly negative words
/// (MIT; see the file's header) and words that lay blame (hand-made).
const BUILTIN_NEGATIVE: &[(&str, &str)] = &[
    (
        "evaluative/negative.tsv",
        include_str!("../../../data/patterns/evaluative/negative.tsv"),
    ),
    (
        "evaluative/blame.tsv",
        include_str!("../../../data/patterns/evaluative/blame.tsv"),
    ),
];

/// Adjectives of conduct (hand-made): "X behaved shamefully".
const BUILTIN_CONDUCT: (&str, &str) = (
    "evaluative/conduct.tsv",
    include_str!("../../../data/patterns/evaluative/conduct.tsv"),
);

/// Nouns of an actor's own act (hand-made): "the silence of X is shameful".
const BUILTIN_CONDUCT_NOUNS: (&str, &str) = (
    "evaluative/conduct-nouns.tsv",
    include_str!("../../../data/patterns/evaluative/conduct-nouns.tsv"),
);

/// Verbs of failing or betraying a party (hand-made): "X let us down".
const BUILTIN_FAILING: (&str, &str) = (
    "evaluative/failing.tsv",
    include_str!("../../../data/patterns/evaluative/failing.tsv"),
);

/// The built-in pattern files, embedded in the binary.
const BUILTIN: &[(&str, &str)] = &[
    (
        "agree.tsv",
        include_str!("../../../data/patterns/agree.tsv"),
    ),
    (
        "consult.tsv",
        include_str!("../../../data/patterns/consult.tsv"),
    ),
    (
        "support.tsv",
        include_str!("../../../data/patterns/support.tsv"),
    ),
    (
        "cooperate.tsv",
        include_str!("../../../data/patterns/cooperate.tsv"),
    ),
    ("aid.tsv", include_str!("../../../data/patterns/aid.tsv")),
    (
        "yield.tsv",
        include_str!("../../../data/patterns/yield.tsv"),
    ),
    (
        "request.tsv",
        include_str!("../../../data/patterns/request.tsv"),
    ),
    (
        "accuse.tsv",
        include_str!("../../../data/patterns/accuse.tsv"),
    ),
    (
        "reject.tsv",
        include_str!("../../../data/patterns/reject.tsv"),
    ),
    (
        "threaten.tsv",
        include_str!("../../../data/patterns/threaten.tsv"),
    ),
    (
        "protest.tsv",
        include_str!("../../../data/patterns/protest.tsv"),
    ),
    (
        "sanction.tsv",
        include_str!("../../../data/patterns/sanction.tsv"),
    ),
    (
        "mobilize.tsv",
        include_str!("../../../data/patterns/mobilize.tsv"),
    ),
    (
        "coerce.tsv",
        include_str!("../../../data/patterns/coerce.tsv"),
    ),
    (
        "assault.tsv",
        include_str!("../../../data/patterns/assault.tsv"),
    ),
];

impl PatternSet {
    /// The embedded patterns.
    pub fn builtin() -> Result<PatternSet, CoderError> {
        let mut set = PatternSet::default();
        for (name, text) in BUILTIN {
            set.add_file(&format!("builtin:{name}"), text)?;
        }
        for (name, text) in BUILTIN_NEGATIVE {
            set.add_negative_words(&format!("builtin:{name}"), text)?;
        }
        let (name, text) = BUILTIN_CONDUCT;
        set.add_conduct_words(&format!("builtin:{name}"), text)?;
        let (name, text) = BUILTIN_CONDUCT_NOUNS;
        set.add_conduct_nouns(&format!("builtin:{name}"), text)?;
        let (name, text) = BUILTIN_FAILING;
        set.add_failing_verbs(&format!("builtin:{name}"), text)?;
        let (name, text) = BUILTIN_IMMATERIAL;
        set.add_immaterial_objects(&format!("builtin:{name}"), text)?;
        let (name, text) = BUILTIN_REMOVAL;
        set.add_removal_objects(&format!("builtin:{name}"), text)?;
        let (name, text) = BUILTIN_DONE_TO;
        set.add_done_to_objects(&format!("builtin:{name}"), text)?;
        let (name, text) = BUILTIN_OWNER_UNDERGOES;
        set.add_owner_undergoes(&format!("builtin:{name}"), text)?;
        let (name, text) = BUILTIN_FIGURATIVE;
        set.add_figurative_objects(&format!("builtin:{name}"), text)?;
        let (name, text) = BUILTIN_ENDANGERED;
        set.add_endangered_objects(&format!("builtin:{name}"), text)?;
        let (name, text) = BUILTIN_IDIOMS;
        set.add_phrasal_idioms(&format!("builtin:{name}"), text)?;
        let (name, text) = BUILTIN_STATE_ACTS;
        set.add_state_acts(&format!("builtin:{name}"), text)?;
        Ok(set)
    }

    /// Adds every `*.tsv` file of `dir/patterns/` (or of `dir` itself when it
    /// has no `patterns` subdirectory), in name order.
    pub fn add_dir(&mut self, dir: &Path) -> Result<usize, CoderError> {
        let sub = dir.join("patterns");
        let dir = if sub.is_dir() { sub } else { dir.to_path_buf() };
        let io = |source| CoderError::Io {
            path: dir.clone(),
            source,
        };
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map_err(io)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
            .collect();
        files.sort();
        // the word lists beside the patterns, each optional
        type AddList = fn(&mut PatternSet, &str, &str) -> Result<(), CoderError>;
        let lists: [(&str, &str, AddList); 13] = [
            (
                "objects",
                "immaterial.tsv",
                PatternSet::add_immaterial_objects,
            ),
            ("objects", "removal.tsv", PatternSet::add_removal_objects),
            ("objects", "done-to.tsv", PatternSet::add_done_to_objects),
            (
                "objects",
                "owner-undergoes.tsv",
                PatternSet::add_owner_undergoes,
            ),
            (
                "objects",
                "figurative.tsv",
                PatternSet::add_figurative_objects,
            ),
            (
                "objects",
                "endangered.tsv",
                PatternSet::add_endangered_objects,
            ),
            ("phrasal", "idioms.tsv", PatternSet::add_phrasal_idioms),
            ("actors", "state-acts.tsv", PatternSet::add_state_acts),
            ("evaluative", "negative.tsv", PatternSet::add_negative_words),
            ("evaluative", "blame.tsv", PatternSet::add_negative_words),
            ("evaluative", "conduct.tsv", PatternSet::add_conduct_words),
            (
                "evaluative",
                "conduct-nouns.tsv",
                PatternSet::add_conduct_nouns,
            ),
            ("evaluative", "failing.tsv", PatternSet::add_failing_verbs),
        ];
        for (sub, name, add) in lists {
            let path = dir.join(sub).join(name);
            if path.is_file() {
                let text = std::fs::read_to_string(&path).map_err(|source| CoderError::Io {
                    path: path.clone(),
                    source,
                })?;
                add(self, &path.display().to_string(), &text)?;
            }
        }
        let before = self.patterns.len();
        for path in files {
            let text = std::fs::read_to_string(&path).map_err(|source| CoderError::Io {
                path: path.clone(),
                source,
            })?;
            self.add_file(&path.display().to_string(), &text)?;
        }
        Ok(self.patterns.len() - before)
    }

    /// Parses one pattern file and adds its patterns.
    pub fn add_file(&mut self, file: &str, text: &str) -> Result<(), CoderError> {
        let stem = file
            .rsplit(['/', ':'])
            .next()
            .unwrap_or(file)
            .trim_end_matches(".tsv")
            .to_string();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut pattern = parse_line(line).map_err(|message| CoderError::Pattern {
                file: file.to_string(),
                line: i + 1,
                message,
            })?;
            pattern.file = file.to_string();
            pattern.line = i + 1;
            let base = format!("{stem}:{}:{}", pattern.trigger, pattern.cameo);
            let mut id = base.clone();
            let mut n = 1;
            while self.ids.contains(&id) {
                n += 1;
                id = format!("{base}#{n}");
            }
            self.ids.insert(id.clone());
            pattern.id = id;
            let index = match pattern.kind {
                TriggerKind::Verb => &mut self.verbs,
                TriggerKind::Noun => &mut self.nouns,
            };
            index
                .entry(pattern.trigger.clone())
                .or_default()
                .push(self.patterns.len());
            self.patterns.push(pattern);
        }
        Ok(())
    }

    /// Adds a list of negative evaluative words: `word<TAB>valence` lines
    /// (valence below zero), `#` comments.
    pub fn add_negative_words(&mut self, file: &str, text: &str) -> Result<(), CoderError> {
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| CoderError::Pattern {
                file: file.to_string(),
                line: i + 1,
                message,
            };
            let mut cols = line.split('\t');
            let word = cols.next().unwrap_or_default().trim();
            let valence = cols.next().map(str::trim).unwrap_or_default();
            if word.is_empty() || word.contains(' ') || word.chars().any(char::is_uppercase) {
                return Err(err(format!("expected one lower-case word, found '{word}'")));
            }
            let valence = match valence.parse::<f32>() {
                Ok(v) if v < 0.0 => v,
                _ => {
                    return Err(err(format!(
                        "expected a negative valence after '{word}', found '{valence}'"
                    )))
                }
            };
            self.negative.insert(word.to_string(), valence);
        }
        Ok(())
    }

    /// Adds adjectives of conduct: one lower-case word a line, `#`
    /// comments. Each also counts as a blaming word (valence -2.0) unless a
    /// list gave it one already.
    pub fn add_conduct_words(&mut self, file: &str, text: &str) -> Result<(), CoderError> {
        let mut words = FxHashSet::default();
        add_lemmas(&mut words, file, text)?;
        for w in words {
            self.negative.entry(w.clone()).or_insert(-2.0);
            self.conduct.insert(w);
        }
        Ok(())
    }

    /// Adds nouns of an actor's own act whose "of" phrase is the doer: one
    /// lower-case lemma a line, `#` comments.
    pub fn add_conduct_nouns(&mut self, file: &str, text: &str) -> Result<(), CoderError> {
        add_lemmas(&mut self.conduct_nouns, file, text)
    }

    /// Whether `lemma` is a noun of an actor's own act ("silence").
    pub fn is_conduct_noun(&self, lemma: &str) -> bool {
        self.conduct_nouns.contains(lemma)
    }

    /// Adds verbs of failing or betraying a party: a lower-case lemma, or a
    /// lemma and its particle ("let down"), a line; `#` comments.
    pub fn add_failing_verbs(&mut self, file: &str, text: &str) -> Result<(), CoderError> {
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let words: Vec<&str> = line.split_whitespace().collect();
            let lower = |w: &&str| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-');
            if words.is_empty() || words.len() > 2 || !words.iter().all(lower) {
                return Err(CoderError::Pattern {
                    file: file.to_string(),
                    line: i + 1,
                    message: format!(
                        "expected a lower-case verb, or a verb and its particle ('let down'), found '{line}'"
                    ),
                });
            }
            self.failing.insert(words.join(" "));
        }
        Ok(())
    }

    /// Whether the verb `lemma` (with `particle`, if the clause has one) is
    /// a verb of failing or betraying a party ("fail", "let down").
    pub fn is_failing_verb(&self, lemma: &str, particle: Option<&str>) -> bool {
        particle.is_some_and(|p| self.failing.contains(&format!("{lemma} {p}")))
            || self.failing.contains(lemma)
    }

    /// Whether `word` is an adjective of conduct ("shameful").
    pub fn is_conduct_word(&self, word: &str) -> bool {
        self.conduct.contains(word)
    }

    /// Adds objects that are not aid: one lower-case lemma a line, `#`
    /// comments.
    pub fn add_immaterial_objects(&mut self, file: &str, text: &str) -> Result<(), CoderError> {
        add_lemmas(&mut self.immaterial, file, text)
    }

    /// Adds objects that name an actor's removal or defeat: one lower-case
    /// lemma a line, `#` comments.
    pub fn add_removal_objects(&mut self, file: &str, text: &str) -> Result<(), CoderError> {
        add_lemmas(&mut self.removal, file, text)
    }

    /// Adds objects that make a verb of violence figurative: one lower-case
    /// lemma a line, `#` comments.
    pub fn add_figurative_objects(&mut self, file: &str, text: &str) -> Result<(), CoderError> {
        add_lemmas(&mut self.figurative, file, text)
    }

    /// True when `lemma` makes a verb of violence figurative ("speculation").
    pub fn is_figurative_object(&self, lemma: &str) -> bool {
        self.figurative.contains(lemma)
    }

    /// Adds objects that make "threaten" mean "endanger": one lower-case
    /// lemma a line, `#` comments.
    pub fn add_endangered_objects(&mut self, file: &str, text: &str) -> Result<(), CoderError> {
        add_lemmas(&mut self.endangered, file, text)
    }

    /// True when `lemma` makes "threaten" mean "endanger" ("interests").
    pub fn is_endangered_object(&self, lemma: &str) -> bool {
        self.endangered.contains(lemma)
    }

    /// Adds verbs of acts only a state's government does: one lower-case
    /// lemma a line, `#` comments.
    pub fn add_state_acts(&mut self, file: &str, text: &str) -> Result<(), CoderError> {
        add_lemmas(&mut self.state_acts, file, text)
    }

    /// Whether the verb `lemma` names an act only a state's government does
    /// ("investigate", "expel").
    pub fn is_state_act(&self, lemma: &str) -> bool {
        self.state_acts.contains(lemma)
    }

    /// Adds act nouns whose "of" phrase names who the act befalls: one
    /// lower-case lemma a line, `#` comments.
    pub fn add_done_to_objects(&mut self, file: &str, text: &str) -> Result<(), CoderError> {
        add_lemmas(&mut self.done_to, file, text)
    }

    /// True when `lemma` is an act noun whose "of" phrase names who the act
    /// befalls ("arrest", "invasion"; every removal noun too).
    pub fn is_done_to_object(&self, lemma: &str) -> bool {
        self.done_to.contains(lemma) || self.removal.contains(lemma)
    }

    /// Adds act nouns whose possessor undergoes the act: one lower-case
    /// lemma a line, `#` comments.
    pub fn add_owner_undergoes(&mut self, file: &str, text: &str) -> Result<(), CoderError> {
        add_lemmas(&mut self.owner_undergoes, file, text)
    }

    /// True when `lemma` is an act noun whose possessor, with no "of"
    /// phrase after it, undergoes the act ("the tanker's release").
    pub fn is_owner_undergoing(&self, lemma: &str) -> bool {
        self.owner_undergoes.contains(lemma)
    }

    /// True when `lemma` names an actor's removal or defeat ("overthrow").
    pub fn is_removal_object(&self, lemma: &str) -> bool {
        self.removal.contains(lemma)
    }

    /// Adds phrasal verbs that are not their verb: "verb particle" a line,
    /// lower case, `#` comments.
    pub fn add_phrasal_idioms(&mut self, file: &str, text: &str) -> Result<(), CoderError> {
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let words: Vec<&str> = line.split_whitespace().collect();
            let lower = |w: &&str| w.chars().all(|c| c.is_lowercase() || c == '-');
            if words.len() != 2 || !words.iter().all(lower) {
                return Err(CoderError::Pattern {
                    file: file.to_string(),
                    line: i + 1,
                    message: format!(
                        "expected a lower-case verb and its particle ('end up'), found '{line}'"
                    ),
                });
            }
            self.idioms.insert(words.join(" "));
        }
        Ok(())
    }

    /// Whether the verb `lemma` with `particle` is another verb ("end up").
    pub fn is_phrasal_idiom(&self, lemma: &str, particle: &str) -> bool {
        !self.idioms.is_empty() && self.idioms.contains(&format!("{lemma} {particle}"))
    }

    /// Whether `lemma` as the direct object makes a giving verb something
    /// other than aid.
    pub fn is_immaterial_object(&self, lemma: &str) -> bool {
        self.immaterial.contains(lemma)
    }

    /// The valence of `word` (lower-case) when it is a strongly negative
    /// evaluative word (-4 .. -2).
    pub fn negative_valence(&self, word: &str) -> Option<f32> {
        self.negative.get(word).copied()
    }

    /// Patterns whose trigger is `lemma` of the given kind.
    pub fn for_trigger(&self, kind: TriggerKind, lemma: &str) -> impl Iterator<Item = &Pattern> {
        self.index(kind)
            .get(lemma)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.patterns.get(i))
    }

    /// True when some pattern is triggered by `lemma` as `kind`.
    pub fn has_trigger(&self, kind: TriggerKind, lemma: &str) -> bool {
        self.index(kind).contains_key(lemma)
    }

    fn index(&self, kind: TriggerKind) -> &FxHashMap<String, Vec<usize>> {
        match kind {
            TriggerKind::Verb => &self.verbs,
            TriggerKind::Noun => &self.nouns,
        }
    }

    /// All patterns.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// True when there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

fn parse_line(line: &str) -> Result<Pattern, String> {
    let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
    let [pattern, plover, mode, cameo, rest @ ..] = cols.as_slice() else {
        return Err(format!(
            "expected at least 4 tab-separated columns (pattern, plover, mode, cameo), found {}",
            cols.len()
        ));
    };
    if !ontology::is_plover_type(plover) {
        return Err(format!("unknown PLOVER type {plover:?}"));
    }
    let mode = match *mode {
        "" | "-" => None,
        m if ontology::is_plover_mode(plover, m) => Some(m.to_string()),
        m => return Err(format!("{m:?} is not a mode of {plover}")),
    };
    let cameo_code =
        ontology::cameo(cameo).ok_or_else(|| format!("unknown CAMEO code {cameo:?}"))?;
    let mut kind = TriggerKind::Verb;
    let mut symmetric = false;
    let mut confidence = 0.8;
    let mut source_sectors = Vec::new();
    let mut needs_object = false;
    let mut no_object = false;
    let mut object_control = false;
    let mut threat_only = false;
    let mut no_event_object = false;
    let mut actor_object = false;
    let mut not_own_forces = false;
    let mut guest_object = false;
    let mut pair_only = false;
    let mut own_clause = false;
    let mut contexts: Vec<String> = cameo_code.contexts.iter().map(|c| c.to_string()).collect();
    for flag in rest.iter().flat_map(|f| f.split(',')).map(str::trim) {
        match flag {
            "" | "-" => {}
            "noun" => kind = TriggerKind::Noun,
            "sym" => symmetric = true,
            "pair" => {
                symmetric = true;
                pair_only = true;
            }
            "obj" => needs_object = true,
            "intr" => no_object = true,
            "ctl" => object_control = true,
            "threat" => threat_only = true,
            "noact" => no_event_object = true,
            "dobj" => actor_object = true,
            "noown" => not_own_forces = true,
            "guest" => guest_object = true,
            "own" => own_clause = true,
            f if f.starts_with("ctx=") => {
                contexts = f[4..].split(';').map(|c| c.trim().to_string()).collect();
                if let Some(bad) = contexts.iter().find(|c| !ontology::is_plover_context(c)) {
                    return Err(format!("unknown PLOVER context {bad:?}"));
                }
            }
            f if f.starts_with("src=") => {
                source_sectors = f[4..].split(';').map(|c| c.trim().to_string()).collect();
                // a misspelt sector silently matches no actor
                if let Some(bad) = source_sectors
                    .iter()
                    .find(|c| !dyad_lexicon::is_sector_code(c))
                {
                    return Err(format!("unknown sector code {bad:?} in src="));
                }
            }
            f if f.starts_with("conf=") => {
                confidence = f[5..]
                    .parse::<f32>()
                    .ok()
                    .filter(|c| (0.0..=1.0).contains(c))
                    .ok_or_else(|| format!("bad confidence {f:?}"))?;
            }
            f => {
                return Err(format!(
                "unknown flag {f:?} (known: noun, sym, pair, obj, intr, ctl, threat, noact, dobj, noown, guest, ctx=, conf=, src=)"
            ))
            }
        }
    }
    let (trigger, required, source, target) = parse_pattern(pattern)?;
    Ok(Pattern {
        id: String::new(),
        text: pattern.to_string(),
        kind,
        trigger,
        required,
        source,
        target,
        plover: plover.to_string(),
        mode,
        cameo: cameo.to_string(),
        contexts,
        symmetric,
        confidence,
        source_sectors,
        needs_object,
        no_object,
        object_control,
        threat_only,
        no_event_object,
        actor_object,
        not_own_forces,
        guest_object,
        pair_only,
        own_clause,
        file: String::new(),
        line: 0,
    })
}

type Parsed = (String, Vec<String>, Vec<Slot>, Vec<Slot>);

fn parse_pattern(pattern: &str) -> Result<Parsed, String> {
    let words: Vec<String> = pattern.split_whitespace().map(str::to_lowercase).collect();
    let mut trigger: Option<String> = None;
    let mut required = Vec::new();
    let mut source = Vec::new();
    let mut target = Vec::new();
    let mut i = 0;
    while let Some(w) = words.get(i) {
        let next = words.get(i + 1).map(String::as_str);
        match w.as_str() {
            "-" | "+" => {
                let slot = if trigger.is_none() {
                    if w == "+" {
                        return Err(
                            "'+' before the trigger: write the active form ('- verb +')".into()
                        );
                    }
                    Slot::Subject
                } else {
                    Slot::Object
                };
                if w == "-" {
                    source.push(slot)
                } else {
                    target.push(slot)
                }
            }
            "*" => {}
            "should+" if trigger.is_some() => target.push(Slot::Obliged),
            "blames+" if trigger.is_some() => target.push(Slot::Blamed),
            _ if trigger.is_none() => trigger = Some(w.clone()),
            prep if SLOT_PREPS.contains(&prep) && matches!(next, Some("+") | Some("-")) => {
                let is_pair = words.get(i + 2).map(String::as_str) == Some("and")
                    && matches!(words.get(i + 3).map(String::as_str), Some("+") | Some("-"));
                if is_pair {
                    target.push(Slot::Pair(prep.to_string()));
                    i += 4;
                    continue;
                }
                let slot = Slot::Prep(prep.to_string());
                if next == Some("-") {
                    source.push(slot)
                } else {
                    target.push(slot)
                }
                i += 2;
                continue;
            }
            word => required.push(word.to_string()),
        }
        i += 1;
    }
    let trigger = trigger.ok_or("pattern has no trigger word")?;
    Ok((trigger, required, source, target))
}

/// Reads a list of lower-case lemmas, one a line, `#` comments, into `set`.
fn add_lemmas(set: &mut FxHashSet<String>, file: &str, text: &str) -> Result<(), CoderError> {
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if !line.chars().all(|c| c.is_lowercase() || c == '-') {
            return Err(CoderError::Pattern {
                file: file.to_string(),
                line: i + 1,
                message: format!("expected one lower-case lemma, found '{line}'"),
            });
        }
        set.insert(line.to_string());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_slots_and_required_words() {
        let p = parse_line("- impose sanction on +\tSANCTION\t-\t163\tctx=economic").unwrap();
        assert_eq!(p.trigger, "impose");
        assert_eq!(p.required, vec!["sanction"]);
        assert_eq!(p.source, vec![Slot::Subject]);
        assert_eq!(p.target, vec![Slot::Prep("on".into())]);
        assert_eq!(p.contexts, vec!["economic"]);
        let p = parse_line("talks between + and +\tCONSULT\t-\t046\tnoun,sym").unwrap();
        assert_eq!(p.kind, TriggerKind::Noun);
        assert_eq!(p.target, vec![Slot::Pair("between".into())]);
        assert!(p.symmetric);
        let p = parse_line("- ferry * from - to +\tAID\t-\t070").unwrap();
        assert_eq!(p.source, vec![Slot::Subject, Slot::Prep("from".into())]);
        assert_eq!(p.target, vec![Slot::Prep("to".into())]);
        let p = parse_line("- accuse + of\tACCUSE\tallege\t112").unwrap();
        assert_eq!(p.target, vec![Slot::Object]);
        assert_eq!(p.required, vec!["of"]);
    }

    #[test]
    fn errors_name_file_and_line() {
        let mut set = PatternSet::default();
        let err = set
            .add_file(
                "x.tsv",
                "# comment\n- meet +\tCONSULT\t-\t040\n- meet +\tMEET\t-\t040\n",
            )
            .unwrap_err();
        assert_eq!(err.to_string(), "x.tsv:3: unknown PLOVER type \"MEET\"");
        let err = set
            .add_file("y.tsv", "- meet +\tCONSULT\triot\t040")
            .unwrap_err();
        assert!(err.to_string().starts_with("y.tsv:1: "), "{err}");
        let err = set
            .add_file("z.tsv", "- meet +\tCONSULT\t-\t999")
            .unwrap_err();
        assert!(err.to_string().contains("CAMEO"), "{err}");
    }

    #[test]
    fn phrasal_idioms_are_checked_by_line() {
        let mut set = PatternSet::default();
        set.add_phrasal_idioms("p.tsv", "# idioms\nend up\n")
            .unwrap();
        assert!(set.is_phrasal_idiom("end", "up"));
        assert!(!set.is_phrasal_idiom("end", "off"));
        let err = set
            .add_phrasal_idioms("p.tsv", "give up\ngive\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("p.tsv") && err.contains('2'), "{err}");
    }

    #[test]
    fn state_acts_are_checked_by_line() {
        let mut set = PatternSet::default();
        set.add_state_acts("s.tsv", "# acts\nexpel\n")
            .expect("valid list");
        assert!(set.is_state_act("expel"));
        assert!(!set.is_state_act("praise"));
        let err = set
            .add_state_acts("s.tsv", "veto\nVeto it\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("s.tsv") && err.contains('2'), "{err}");
        // the built-in list loads and holds the acts the coder's tests use
        let builtin = PatternSet::builtin().expect("builtin");
        assert!(builtin.is_state_act("investigate") && builtin.is_state_act("decide"));
    }

    #[test]
    fn immaterial_objects_are_checked_by_line() {
        let mut set = PatternSet::default();
        set.add_immaterial_objects("o.tsv", "# objects\ninstruction\n")
            .expect("valid list");
        assert!(set.is_immaterial_object("instruction"));
        let err = set
            .add_immaterial_objects("o.tsv", "letter\nGreen Light\n")
            .unwrap_err();
        assert!(err.to_string().contains("o.tsv:2"), "{err}");
        assert!(PatternSet::builtin()
            .expect("builtin")
            .is_immaterial_object("diplomat"));
    }

    #[test]
    fn unknown_source_sectors_are_load_errors() {
        let mut set = PatternSet::default();
        let err = set
            .add_file(
                "x.tsv",
                "- withdraw\tRETREAT\twithdraw\t0872\tsrc=MIL;PMIL\n",
            )
            .expect_err("PMIL is no sector");
        assert!(err.to_string().contains("x.tsv:1"), "{err}");
        assert!(err.to_string().contains("PMIL"), "{err}");
    }

    #[test]
    fn evaluative_word_lists_are_checked_by_line() {
        let mut set = PatternSet::default();
        set.add_negative_words("n.tsv", "# words\nvile\t-3.1\n")
            .expect("valid list");
        assert_eq!(set.negative_valence("vile"), Some(-3.1));
        let err = set
            .add_negative_words("n.tsv", "vile\t-3.1\nkind\t2.0\n")
            .unwrap_err();
        assert!(err.to_string().starts_with("n.tsv:2: "), "{err}");
        let err = set.add_negative_words("n.tsv", "Vile\t-3\n").unwrap_err();
        assert!(err.to_string().starts_with("n.tsv:1: "), "{err}");
        // the built-in lists load
        let builtin = PatternSet::builtin().expect("builtin");
        assert!(builtin.negative_valence("abhorrent").is_some());
        assert!(builtin.negative_valence("responsible").is_some());
        assert!(builtin.negative_valence("ludicrous").is_some());
        assert!(builtin.is_failing_verb("let", Some("down")));
        assert!(builtin.is_failing_verb("fail", None));
        assert!(!builtin.is_failing_verb("let", None));
    }

    #[test]
    fn failing_verb_lists_are_checked_by_line() {
        let mut set = PatternSet::default();
        set.add_failing_verbs("f.tsv", "# verbs\nfail\nlet down\n")
            .expect("valid list");
        assert!(set.is_failing_verb("fail", None));
        assert!(set.is_failing_verb("let", Some("down")));
        let err = set
            .add_failing_verbs("f.tsv", "fail\nlet it down\n")
            .unwrap_err();
        assert!(err.to_string().starts_with("f.tsv:2: "), "{err}");
        let err = set.add_failing_verbs("f.tsv", "Fail\n").unwrap_err();
        assert!(err.to_string().starts_with("f.tsv:1: "), "{err}");
    }

    #[test]
    fn user_directories_add_patterns_and_report_lines() {
        let dir = std::env::temp_dir().join(format!("dyad-coder-patterns-{}", std::process::id()));
        let sub = dir.join("patterns");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(
            sub.join("mine.tsv"),
            "# mine\n- hug +\tSUPPORT\t-\t051\t-\n",
        )
        .unwrap();
        let mut set = PatternSet::builtin().unwrap();
        assert_eq!(set.add_dir(&dir).unwrap(), 1);
        assert!(set.has_trigger(TriggerKind::Verb, "hug"));
        std::fs::write(sub.join("mine.tsv"), "- hug +\tSUPPORT\t-\t051\tbogus\n").unwrap();
        let err = PatternSet::builtin()
            .unwrap()
            .add_dir(&dir)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("mine.tsv:1:") && err.contains("bogus"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn user_directories_extend_the_word_lists() {
        let dir = std::env::temp_dir().join(format!("dyad-coder-lists-{}", std::process::id()));
        let objects = dir.join("patterns").join("objects");
        std::fs::create_dir_all(&objects).unwrap();
        std::fs::write(objects.join("figurative.tsv"), "# mine\nsoufflé\n").unwrap();
        std::fs::write(objects.join("removal.tsv"), "unseating\n").unwrap();
        let mut set = PatternSet::builtin().unwrap();
        assert!(set.is_figurative_object("speculation"));
        assert!(!set.is_figurative_object("soufflé"));
        set.add_dir(&dir).unwrap();
        assert!(set.is_figurative_object("soufflé") && set.is_figurative_object("speculation"));
        assert!(set.is_removal_object("unseating"));
        std::fs::write(objects.join("figurative.tsv"), "two words\n").unwrap();
        let err = PatternSet::builtin()
            .unwrap()
            .add_dir(&dir)
            .unwrap_err()
            .to_string();
        assert!(err.contains("figurative.tsv:1"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn builtin_patterns_load_and_cover_all_types() {
        let set = PatternSet::builtin().unwrap();
        assert!(set.len() >= 300, "only {} patterns", set.len());
        for t in ontology::PLOVER_TYPES {
            assert!(
                set.patterns().iter().any(|p| p.plover == *t),
                "no pattern for {t}"
            );
        }
        let mut ids: Vec<_> = set.patterns().iter().map(|p| &p.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), set.len(), "rule ids must be unique");
    }
}
