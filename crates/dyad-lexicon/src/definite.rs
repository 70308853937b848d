//! Resolution in context, mention level: definite descriptions and
//! pronouns that stand for an actor named before (issue 16).
//!
//! * **Definite descriptions.** "the militia", "the body", "the group":
//!   "the" (for organisations also "this"/"that") right before a head noun
//!   of `descriptions.tsv` ([`DescriptionNoun`]) that heads its noun phrase
//!   (no noun follows it but a possessive). It stands for the nearest
//!   *compatible* earlier actor ([`AntecedentKind`]): the same sentence
//!   first, then each earlier sentence back to [`WINDOW`]. The first
//!   sentence holding a compatible actor decides; if its compatible actors
//!   resolve to different codes the description is ambiguous and left alone
//!   (precision first). A role mention the recogniser already made
//!   ("militia", PRM, no country) is re-resolved in place; a noun that is
//!   no actor word of its own ("the group", "the body", "the country")
//!   becomes a mention only when resolved. Actors that carry a country or
//!   an organisation already ("the Syrian regime", "Turkey's army") are
//!   never touched.
//! * **States** ("the country", "the regime", "the government", "the
//!   army") only as a clause subject (as an object or after a preposition
//!   "the country" is mostly a place: "withdraw troops from the country"),
//!   and in their own sentence only after a state that acts or speaks
//!   ("Turkey's prime minister has warned that the country ..."; not
//!   "ignoring Russia's guarantees, the regime ..."). A government or army
//!   named in an earlier sentence is left to the document pass
//!   (`crate::context`, "a government named just before"); "the country"
//!   may look back, and a country the deciding sentence names as a place
//!   makes it ambiguous.
//! * **Pronouns** "it"/"they" opening a sentence (after at most a
//!   conjunction) as the subject of a verb other than "be" and its kin
//!   stand for the subject of the previous sentence, read as the actors
//!   named before its first verb: exactly one compatible actor code ("it":
//!   a country, capital, seat, organisation or governmental body; "they":
//!   an organisation or a plural group with a country), and no person
//!   among them. "its"/"their" right before a generic actor ("its troops",
//!   "their families") take the one actor named before them in their
//!   sentence when all actors named there agree; a possessive opening its
//!   sentence is left alone (often cataphoric: "As part of its push, the
//!   Saudi leadership ..."). Anything else is left unresolved.
//!
//! Every resolution sets kind [`MentionKind::Coreference`], `antecedent`,
//! appends its reason to the rule (`dyad explain`, `dyad actor`) and caps
//! the confidence ([`SAME_SENTENCE_CONFIDENCE`], [`EARLIER_CONFIDENCE`],
//! [`PRONOUN_CONFIDENCE`]).

use dyad_core::{Actor, ActorMention, MentionKind, Pos, Sentence, Span};

use crate::model::{AntecedentKind, DescriptionNoun};

/// How many sentences back an antecedent may lie.
pub(crate) const WINDOW: usize = 3;

/// Confidence cap for a description resolved in its own sentence.
pub(crate) const SAME_SENTENCE_CONFIDENCE: f32 = 0.6;

/// Confidence cap for a description resolved to an earlier sentence.
pub(crate) const EARLIER_CONFIDENCE: f32 = 0.5;

/// Confidence cap for a resolved pronoun.
pub(crate) const PRONOUN_CONFIDENCE: f32 = 0.5;

/// Marker starting every reason this pass appends to a rule: the coder
/// lowers the confidence of events whose sides carry it.
pub const COREFERENCE_MARKER: &str = " + coreference: ";

/// Primary sectors of armed groups.
const ARMED: &[&str] = &["REB", "INS", "UAF", "PRM", "SEP", "RAD"];

/// Verbs after a sentence-opening "it"/"they" that mostly say nothing of an
/// actor ("It was the worst attack", "It seems", "They say").
const NON_AGENT_VERBS: &[&str] = &[
    "be", "seem", "appear", "remain", "become", "mean", "look", "take", "come", "feel", "sound",
];

/// What the pass reads besides the mentions.
pub(crate) struct Input<'a> {
    pub text: &'a str,
    pub sentences: &'a [Sentence],
    pub nouns: &'a [DescriptionNoun],
    /// Countries each sentence names, places included (a state description
    /// is ambiguous where its sentence also names another country as a place).
    pub named: &'a [crate::context::Named],
    /// Country code → short name ("SYR" → "Syria").
    pub country_name: &'a dyn Fn(&str) -> Option<String>,
    /// Whether a code is a country or territory (not a bloc: "Arab states"
    /// is no antecedent of "the nation").
    pub is_country: &'a dyn Fn(&str) -> bool,
}

/// Whether `m` is an antecedent of kind `k`.
fn fits(k: AntecedentKind, m: &ActorMention) -> bool {
    let a = &m.actor;
    let primary = a.primary_sector();
    let has = |s: &str| a.sectors.iter().any(|x| x == s);
    let state = a.org.is_none()
        && a.country
            .as_deref()
            .is_some_and(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
        && primary != Some("ELI");
    // Members of an organisation ("SDF soldiers", "Isis fighters") are
    // people, not the group or body itself.
    if !k.is_state() && m.rule.contains(" + role:") {
        return false;
    }
    match k {
        AntecedentKind::ArmedGroup => {
            a.org.is_some() && primary.is_some_and(|p| ARMED.contains(&p))
        }
        AntecedentKind::Igo => a.org.is_some() && has("IGO"),
        AntecedentKind::Ngo => a.org.is_some() && has("NGO"),
        AntecedentKind::Party => a.org.is_some() && primary == Some("PTY"),
        AntecedentKind::Alliance => a.org.is_some() && has("IGO") && has("MIL"),
        AntecedentKind::Government | AntecedentKind::Military | AntecedentKind::Country => {
            state
                && (matches!(
                    m.kind,
                    MentionKind::Country | MentionKind::Capital | MentionKind::Demonym
                ) || primary.is_some_and(|p| matches!(p, "GOV" | "MIL" | "LEG")))
        }
    }
}

/// The actor a description of kind `k` stands for, given its antecedent;
/// `own` is the description's own role reading, if the recogniser made one.
fn resolved_actor(
    k: AntecedentKind,
    ante: &ActorMention,
    own: Option<&Actor>,
    country_name: &dyn Fn(&str) -> Option<String>,
) -> Actor {
    if !k.is_state() {
        return ante.actor.clone();
    }
    let country = ante.actor.country.clone();
    let name = country
        .as_deref()
        .and_then(country_name)
        .unwrap_or_else(|| ante.actor.name.clone());
    let sectors = match (k, own) {
        (AntecedentKind::Country, _) => Vec::new(),
        (_, Some(own)) if !own.sectors.is_empty() => own.sectors.clone(),
        (AntecedentKind::Military, _) => vec!["MIL".to_string()],
        _ => vec!["GOV".to_string()],
    };
    Actor {
        name,
        country,
        sectors,
        ..Default::default()
    }
}

/// The code two resolutions are compared by: a state's country for state
/// kinds, else the actor's code.
fn key(k: AntecedentKind, m: &ActorMention) -> String {
    if k.is_state() {
        m.actor.country.clone().unwrap_or_default()
    } else {
        m.actor.code()
    }
}

/// Result of looking for an antecedent.
enum Found {
    /// Index of the antecedent, kind, sentence, how many compatible
    /// mentions its sentence had.
    One(usize, AntecedentKind, usize, usize),
    /// Compatible actors of different codes in the deciding sentence.
    Ambiguous,
    None,
}

/// The nearest compatible antecedent of a description at `span` in sentence
/// `s` (see the module documentation).
fn antecedent(
    input: &Input,
    mentions: &[ActorMention],
    kinds: &[AntecedentKind],
    s: usize,
    span: Span,
) -> Found {
    let first = s.saturating_sub(WINDOW);
    for sentence in (first..=s).rev() {
        let same = sentence == s;
        let mut best: Option<(usize, AntecedentKind)> = None;
        let mut keys: Vec<String> = Vec::new();
        let mut count = 0;
        let mut topic_only = false;
        // Mentions are in text order: only this sentence's are read.
        let from = mentions.partition_point(|m| m.sentence < sentence);
        let to = mentions
            .partition_point(|m| m.sentence <= sentence)
            .max(from);
        for (i, m) in mentions.iter().enumerate().take(to).skip(from) {
            if (same && m.span.end > span.start) || m.span == span {
                continue;
            }
            // "UNA-UK, the policy authority on the United Nations ... The
            // body said": what an organisation is about is not the body, and
            // the sentence that names it decides (nothing further back).
            if is_topic(input.text, m.span) && kinds.iter().any(|k| !k.is_state() && fits(*k, m)) {
                topic_only = true;
                continue;
            }
            let Some(k) = kinds.iter().copied().find(|k| {
                fits(*k, m)
                    && (!k.is_state()
                        // a government or army named before is the
                        // document pass's business (crate::context)
                        || (same || *k == AntecedentKind::Country)
                            // in its own sentence, a state that speaks or
                            // acts ("Turkey's prime minister warned that
                            // the country ..."), not a possessor ("ignoring
                            // Russia's guarantees, the regime ...")
                            && (!same || acts(input, m) && !quote_between(input.text, m.span, span)))
            }) else {
                continue;
            };
            count += 1;
            let key = key(k, m);
            if !keys.contains(&key) {
                keys.push(key);
            }
            best = Some((i, k));
        }
        // A state description: the countries the sentence names as places
        // count too ("withdraw troops from the country" after "in Syria").
        if best.is_some_and(|(_, k)| k.is_state()) {
            for n in input.named.iter().filter(|n| n.sentence == sentence) {
                if !keys.contains(&n.country) && (!same || n.as_place) {
                    keys.push(n.country.clone());
                }
            }
        }
        match (best, keys.len()) {
            (Some((i, k)), 1) => return Found::One(i, k, sentence, count),
            (Some(_), _) => return Found::Ambiguous,
            _ if topic_only => return Found::None,
            _ => {}
        }
    }
    Found::None
}

/// Whether the token at `i` is followed (after adverbs) by a verb or modal:
/// a clause subject.
fn before_verb(tokens: &[dyad_core::Token], i: usize, text: &str) -> Option<usize> {
    let mut j = i + 1;
    while let Some(t) = tokens.get(j) {
        if t.pos.is_adverb() {
            j += 1;
            continue;
        }
        let low = t.text(text);
        return (t.pos.is_verb() || t.pos == Pos::MD || low.eq_ignore_ascii_case("has"))
            .then_some(j);
    }
    None
}

/// Whether the mention at `span` is what a phrase is about: the object of
/// "on" or "about" ("an authority on the United Nations", "a report about
/// the group"), an article allowed between.
fn is_topic(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("").trim_end();
    let before = before
        .strip_suffix("the")
        .or_else(|| before.strip_suffix("The"))
        .filter(|b| b.is_empty() || b.ends_with(char::is_whitespace))
        .map_or(before, str::trim_end);
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    word.eq_ignore_ascii_case("on") || word.eq_ignore_ascii_case("about")
}

/// Whether a quotation opens between `a` and `b` ("after Turkey objected,
/// characterising the talks as “the regime talking to ...”": the quoted
/// regime is not Turkey).
fn quote_between(text: &str, a: Span, b: Span) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|t| t.contains(['“', '"', '‘']))
}

/// Whether mention `m` is followed (after adverbs) by a verb: it acts or
/// speaks in its clause.
fn acts(input: &Input, m: &ActorMention) -> bool {
    input
        .sentences
        .iter()
        .find(|x| x.index == m.sentence)
        .and_then(|x| {
            let last = x.tokens.iter().rposition(|t| t.span.end <= m.span.end)?;
            let last = match x.tokens.get(last + 1) {
                Some(t) if t.pos == Pos::POS => last + 1,
                _ => last,
            };
            before_verb(&x.tokens, last, input.text)
        })
        .is_some()
}

/// A candidate description or pronoun found in the tokens.
struct Candidate {
    sentence: usize,
    span: Span,
    /// Index of an existing role mention on the noun, if any.
    existing: Option<usize>,
    what: What,
}

enum What {
    /// A definite description: its table row and the determiner written.
    Description(usize, &'static str),
    /// "it"/"its" (singular) or "they"/"their"; possessive; the word.
    Pronoun {
        plural: bool,
        possessive: bool,
        word: String,
    },
}

const DETERMINERS: &[&str] = &["the", "this", "that"];

/// Finds the descriptions and pronouns of one sentence.
fn candidates(input: &Input, all: &[ActorMention], sentence: &Sentence, out: &mut Vec<Candidate>) {
    let text = input.text;
    let toks = &sentence.tokens;
    // The sentence's mentions (mentions are in text order) and the index of
    // the first in the document list.
    let from = all.partition_point(|m| m.sentence < sentence.index);
    let to = all
        .partition_point(|m| m.sentence <= sentence.index)
        .max(from);
    let mentions = all.get(from..to).unwrap_or_default();
    let covered = |span: Span| {
        mentions
            .iter()
            .position(|m| m.span.start < span.end && span.start < m.span.end)
            .map(|i| i + from)
    };
    for (i, t) in toks.iter().enumerate() {
        let word = t.text(text);
        // Only short words starting with t or i can be a determiner or a
        // pronoun of ours: no copy of the others (this runs on every token
        // of every document).
        if !(2..=5).contains(&word.len())
            || !matches!(word.as_bytes().first(), Some(b't' | b'T' | b'i' | b'I'))
        {
            continue;
        }
        let mut buf = [0u8; 5];
        let low = match buf.get_mut(..word.len()) {
            Some(b) => {
                b.copy_from_slice(word.as_bytes());
                b.make_ascii_lowercase();
                std::str::from_utf8(b).unwrap_or("")
            }
            None => continue,
        };
        // Pronouns.
        let pronoun = match low {
            "it" => Some((false, false)),
            "they" => Some((true, false)),
            "its" => Some((false, true)),
            "their" => Some((true, true)),
            _ => None,
        };
        if let Some((plural, possessive)) = pronoun {
            if covered(t.span).is_some() {
                continue;
            }
            let ok = if possessive {
                // Before a generic actor ("its troops", "their families"),
                // which takes the owner's country: not before any noun
                // ("fired their rockets at X" would make the rockets theirs
                // and the owner a target).
                let next = toks.get(i + 1).map(|t| t.span.start);
                let after = toks.get(i + 2).map(|t| t.span.start);
                mentions.iter().any(|m| {
                    m.kind == MentionKind::Role
                        && (Some(m.span.start) == next || Some(m.span.start) == after)
                })
            } else {
                // Opening the sentence, after at most a conjunction (and a
                // comma), subject of an agentive verb.
                let opening = toks
                    .get(..i)
                    .unwrap_or_default()
                    .iter()
                    .all(|p| p.pos == Pos::CC || p.pos == Pos::Comma || p.pos.is_adverb())
                    && i <= 2;
                opening
                    && before_verb(toks, i, text).is_some_and(|v| {
                        toks.get(v..(v + 3).min(toks.len()))
                            .unwrap_or_default()
                            .iter()
                            .filter(|x| x.pos.is_verb())
                            .all(|x| !NON_AGENT_VERBS.contains(&x.lemma.as_str()))
                    })
            };
            if ok {
                out.push(Candidate {
                    sentence: sentence.index,
                    span: t.span,
                    existing: None,
                    what: What::Pronoun {
                        plural,
                        possessive,
                        word: word.to_string(),
                    },
                });
            }
            continue;
        }
        // Definite descriptions: determiner + head noun.
        let Some(det) = DETERMINERS.iter().find(|d| **d == low) else {
            continue;
        };
        if t.pos != Pos::DT {
            continue;
        }
        let Some(n) = toks.get(i + 1) else { continue };
        if !n.pos.is_noun() || n.pos.is_proper() {
            continue;
        }
        let noun = n.text(text).to_ascii_lowercase();
        let Some(row) = input.nouns.iter().position(|d| d.noun == noun) else {
            continue;
        };
        // The head of its phrase: no noun after it ("the group leader"),
        // but a possessive is fine ("the group's leader").
        if toks
            .get(i + 2)
            .is_some_and(|x| x.pos.is_noun() || x.pos == Pos::CD)
        {
            continue;
        }
        let state_only = input
            .nouns
            .get(row)
            .is_some_and(|d| d.kinds.iter().all(|k| k.is_state()));
        if *det != "the" && state_only {
            // "this country" is mostly the speaker's or writer's own.
            continue;
        }
        // A state ("the country", "the regime") only as a clause subject:
        // as an object or after a preposition it is mostly a place
        // ("withdraw troops from the country").
        if state_only && before_verb(toks, i + 1, text).is_none() {
            continue;
        }
        let existing = covered(n.span);
        if let Some(e) = existing {
            // Only a bare generic role reading of the noun itself.
            let m = all.get(e);
            let bare = m.is_some_and(|m| {
                m.kind == MentionKind::Role
                    && m.span == n.span
                    && m.actor.country.is_none()
                    && m.actor.org.is_none()
            });
            if !bare {
                continue;
            }
        }
        out.push(Candidate {
            sentence: sentence.index,
            span: n.span,
            existing,
            what: What::Description(row, det),
        });
    }
}

/// Whether `m` may stand behind "it"/"its" (`plural` false) or
/// "they"/"their".
fn fits_pronoun(plural: bool, m: &ActorMention) -> bool {
    let a = &m.actor;
    if m.kind == MentionKind::Person || a.person_id.is_some() || m.kind == MentionKind::Pronoun {
        return false;
    }
    if a.country.is_none() && a.org.is_none() {
        return false;
    }
    if a.org.is_some() {
        return true;
    }
    let plural_text = m.text.ends_with('s') || m.text.ends_with("ces");
    if plural {
        matches!(m.kind, MentionKind::Role | MentionKind::Demonym) && plural_text
    } else {
        matches!(m.kind, MentionKind::Country | MentionKind::Capital)
            || (m.kind == MentionKind::Role
                && !plural_text
                && m.actor.primary_sector() == Some("GOV"))
    }
}

/// The subject of sentence `s`, read as the actors named before its first
/// verb: the one compatible actor, when they agree and none is a person.
fn subject_of(input: &Input, mentions: &[ActorMention], s: usize, plural: bool) -> Option<usize> {
    let sentence = input.sentences.iter().find(|x| x.index == s)?;
    let first_verb = sentence
        .tokens
        .iter()
        .find(|t| t.pos.is_verb() || t.pos == Pos::MD)?
        .span
        .start;
    let from = mentions.partition_point(|m| m.sentence < s);
    let before: Vec<usize> = mentions
        .iter()
        .enumerate()
        .skip(from)
        .take_while(|(_, m)| m.sentence == s)
        .filter(|(_, m)| m.span.end <= first_verb)
        .map(|(i, _)| i)
        .collect();
    if before.is_empty() {
        return None;
    }
    let mut codes: Vec<String> = Vec::new();
    let mut chosen = None;
    for &i in &before {
        let m = mentions.get(i)?;
        if m.kind == MentionKind::Person || m.actor.person_id.is_some() {
            return None;
        }
        if !fits_pronoun(plural, m) {
            continue;
        }
        let code = m.actor.code();
        if !codes.contains(&code) {
            codes.push(code);
        }
        chosen.get_or_insert(i);
    }
    (codes.len() == 1).then_some(chosen).flatten()
}

/// A resolution to apply: candidate, antecedent, actor, reason, cap.
struct Resolution {
    candidate: Candidate,
    antecedent: usize,
    actor: Actor,
    reason: String,
    cap: f32,
}

/// Resolves the document's descriptions and pronouns (see the module
/// documentation); mentions stay in text order, antecedent indices are
/// renumbered when mentions are added.
pub(crate) fn resolve(mentions: Vec<ActorMention>, input: &Input) -> Vec<ActorMention> {
    let mut found: Vec<Candidate> = Vec::new();
    for s in input.sentences {
        candidates(input, &mentions, s, &mut found);
    }
    if found.is_empty() {
        return mentions;
    }
    let mut resolutions: Vec<Resolution> = Vec::new();
    for c in found {
        match &c.what {
            What::Description(row, det) => {
                let Some(d) = input.nouns.get(*row) else {
                    continue;
                };
                let Found::One(a, k, s, count) =
                    antecedent(input, &mentions, &d.kinds, c.sentence, c.span)
                else {
                    continue;
                };
                let Some(ante) = mentions.get(a) else {
                    continue;
                };
                let own = c.existing.and_then(|e| mentions.get(e)).map(|m| &m.actor);
                let actor = resolved_actor(k, ante, own, input.country_name);
                let place = if s == c.sentence {
                    "this sentence".to_string()
                } else {
                    format!("sentence {s}, {} back", c.sentence - s)
                };
                let reason = format!(
                    "\"{det} {}\" → {:?} ({place}; nearest {} antecedent, {count} compatible, one code {})",
                    d.noun,
                    ante.text,
                    k.name(),
                    actor.code()
                );
                let cap = if s == c.sentence {
                    SAME_SENTENCE_CONFIDENCE
                } else {
                    EARLIER_CONFIDENCE
                };
                resolutions.push(Resolution {
                    candidate: c,
                    antecedent: a,
                    actor,
                    reason,
                    cap,
                });
            }
            What::Pronoun {
                plural,
                possessive,
                word,
            } => {
                let (plural, possessive) = (*plural, *possessive);
                // A possessive: the actors named before it in its sentence.
                let from = mentions.partition_point(|m| m.sentence < c.sentence);
                let in_sentence: Vec<usize> = mentions
                    .iter()
                    .enumerate()
                    .skip(from)
                    .take_while(|(_, m)| m.sentence == c.sentence)
                    .filter(|(_, m)| m.span.end <= c.span.start)
                    .map(|(i, _)| i)
                    .collect();
                let (a, why) = if possessive && !in_sentence.is_empty() {
                    let mut codes: Vec<String> = Vec::new();
                    let mut any_person = false;
                    for &i in &in_sentence {
                        if let Some(m) = mentions.get(i) {
                            any_person |=
                                m.kind == MentionKind::Person || m.actor.person_id.is_some();
                            let code = m.actor.code();
                            if !codes.contains(&code) {
                                codes.push(code);
                            }
                        }
                    }
                    let last = in_sentence.last().copied();
                    let fit =
                        last.filter(|i| mentions.get(*i).is_some_and(|m| fits_pronoun(plural, m)));
                    match (fit, codes.len(), any_person) {
                        (Some(i), 1, false) => (
                            i,
                            "the one actor named before it in this sentence".to_string(),
                        ),
                        _ => continue,
                    }
                } else if !possessive {
                    let Some(prev) = c.sentence.checked_sub(1) else {
                        continue;
                    };
                    match subject_of(input, &mentions, prev, plural) {
                        Some(i) => (i, format!("the one subject of sentence {prev}")),
                        None => continue,
                    }
                } else {
                    continue;
                };
                let Some(ante) = mentions.get(a) else {
                    continue;
                };
                let reason = format!("{word:?} → {:?} ({why})", ante.text);
                let actor = ante.actor.clone();
                resolutions.push(Resolution {
                    candidate: c,
                    antecedent: a,
                    actor,
                    reason,
                    cap: PRONOUN_CONFIDENCE,
                });
            }
        }
    }
    if resolutions.is_empty() {
        return mentions;
    }
    apply(mentions, resolutions, input.text)
}

/// Applies resolutions: in place for existing role mentions, else as new
/// mentions merged in text order (antecedent indices renumbered).
fn apply(
    mut mentions: Vec<ActorMention>,
    resolutions: Vec<Resolution>,
    text: &str,
) -> Vec<ActorMention> {
    let mut added: Vec<ActorMention> = Vec::new();
    let count = mentions.len();
    for r in resolutions {
        // a place antecedent has no mention (`usize::MAX`)
        let antecedent = (r.antecedent < count).then_some(r.antecedent);
        let ante_conf = mentions.get(r.antecedent).map_or(r.cap, |m| m.confidence);
        match r.candidate.existing {
            Some(e) => {
                if let Some(m) = mentions.get_mut(e) {
                    m.actor = r.actor;
                    m.kind = MentionKind::Coreference;
                    m.antecedent = antecedent;
                    m.rule.push_str(COREFERENCE_MARKER);
                    m.rule.push_str(&r.reason);
                    m.confidence = m.confidence.min(ante_conf).min(r.cap);
                }
            }
            None => {
                let span = r.candidate.span;
                let kind = match r.candidate.what {
                    What::Pronoun { .. } => MentionKind::Pronoun,
                    What::Description(..) => MentionKind::Coreference,
                };
                let mut rule = String::from("definite description");
                if kind == MentionKind::Pronoun {
                    rule = String::from("pronoun");
                }
                rule.push_str(COREFERENCE_MARKER);
                rule.push_str(&r.reason);
                added.push(ActorMention {
                    span,
                    sentence: r.candidate.sentence,
                    text: text.get(span.start..span.end).unwrap_or("").to_string(),
                    kind,
                    actor: r.actor,
                    antecedent,
                    rule,
                    confidence: ante_conf.min(r.cap),
                });
            }
        }
    }
    if added.is_empty() {
        return mentions;
    }
    // Merge in text order; antecedents (old indices) renumbered after.
    added.sort_by_key(|m| (m.span.start, m.span.end));
    let mut merged: Vec<ActorMention> = Vec::with_capacity(mentions.len() + added.len());
    let mut renumber: Vec<usize> = Vec::with_capacity(mentions.len());
    let mut adds = added.into_iter().peekable();
    for m in mentions {
        while let Some(a) = adds.next_if(|a| a.span.start < m.span.start) {
            merged.push(a);
        }
        renumber.push(merged.len());
        merged.push(m);
    }
    merged.extend(adds);
    for m in &mut merged {
        if let Some(old) = m.antecedent {
            m.antecedent = renumber.get(old).copied();
        }
    }
    merged
}

/// Adjectives after which "the ... country/nation" is another state or
/// none in particular ("the neighbouring country", "the host nation", "the
/// only country"), not a characterisation of one named before.
const NOT_EPITHET: &[&str] = &[
    "other",
    "neighbouring",
    "neighboring",
    "same",
    "first",
    "second",
    "third",
    "last",
    "only",
    "next",
    "former",
    "host",
    "own",
    "foreign",
    "home",
    "single",
    "entire",
    "whole",
    "latter",
    "previous",
    "new",
    "different",
    "particular",
    "whose",
];

/// Verbs whose object "it" is mostly a thing or a clause ("make it clear",
/// "said it", "call it a victory"), not an actor named before.
const NOT_ACTOR_OBJECT_VERBS: &[&str] = &[
    "be", "have", "do", "make", "find", "take", "keep", "leave", "get", "put", "see", "say",
    "tell", "claim", "believe", "think", "know", "call", "want", "need", "let", "give", "use",
    "describe", "deny", "confirm", "announce", "report", "consider",
];

/// Second pass, after the document's country rules (`crate::context`), so
/// that generic antecedents carry the country they were given ("our
/// government" → GBR): epithets of a state and clause-level "it"/"they".
///
/// * **Epithets**: "the" + adjectives + a state noun of `descriptions.tsv`
///   ("the small, rich nation", "the war-torn country") in any position
///   (adjectives characterise a state already named; a bare "the country"
///   as an object is mostly a place and stays with the first pass). The
///   antecedent is the one country (not a bloc, not a region read as its
///   country) named before it after a preposition in its own sentence
///   ("militants in Iraq"; a subject is not what its clause acts on), else
///   of the nearest earlier sentence naming one, within [`WINDOW`]; two
///   countries there leave it open. Not after a copula
///   ("is the poorest nation"), not with a restrictive phrase after it
///   ("the poor nation that ..."), not after an adjective of
///   [`NOT_EPITHET`].
/// * **Object "it"** right after a verb (not one of
///   [`NOT_ACTOR_OBJECT_VERBS`]) and before a preposition or punctuation
///   ("accusing it of", "regarding it as", "attacked it."): the one actor
///   code among the singular actors named between the sentence's first verb
///   and the pronoun that do not act themselves (a clause's subject is not
///   its own object) and are not places ("to Syria").
/// * **"it"/"they" opening a clause after ";" or ":"** as the subject of an
///   agentive verb: the subject of the sentence (the actors named before
///   its first verb), as a sentence-opening pronoun takes the previous
///   sentence's.
pub(crate) fn resolve_late(mentions: Vec<ActorMention>, input: &Input) -> Vec<ActorMention> {
    let mut resolutions = Vec::new();
    for s in input.sentences {
        epithets(input, &mentions, s, &mut resolutions);
    }
    let mentions = if resolutions.is_empty() {
        mentions
    } else {
        apply(mentions, resolutions, input.text)
    };
    let mut resolutions = Vec::new();
    for s in input.sentences {
        clause_pronouns(input, &mentions, s, &mut resolutions);
    }
    if resolutions.is_empty() {
        return mentions;
    }
    apply(mentions, resolutions, input.text)
}

/// The mentions of sentence `s` as an index range of `all`.
fn sentence_range(all: &[ActorMention], s: usize) -> std::ops::Range<usize> {
    let from = all.partition_point(|m| m.sentence < s);
    let to = all.partition_point(|m| m.sentence <= s).max(from);
    from..to
}

fn lower_is(t: &dyad_core::Token, text: &str, words: &[&str]) -> bool {
    let w = t.text(text);
    words.iter().any(|x| x.eq_ignore_ascii_case(w))
}

fn epithets(input: &Input, all: &[ActorMention], sentence: &Sentence, out: &mut Vec<Resolution>) {
    let text = input.text;
    let toks = &sentence.tokens;
    let range = sentence_range(all, sentence.index);
    let here = all.get(range.clone()).unwrap_or_default();
    let covered = |span: Span| {
        here.iter()
            .position(|m| m.span.start < span.end && span.start < m.span.end)
            .map(|i| i + range.start)
    };
    for (i, t) in toks.iter().enumerate() {
        if t.pos != Pos::DT || !t.text(text).eq_ignore_ascii_case("the") {
            continue;
        }
        // the adjectives (commas and "and" between them) up to the noun
        let mut j = i + 1;
        let mut adjectives = 0;
        let mut blocked = false;
        while let Some(x) = toks.get(j) {
            // the tagger reads the first of a comma-separated pair of
            // adjectives as a noun ("the small, rich nation")
            let listed = x.pos == Pos::NN
                && toks.get(j + 1).is_some_and(|y| y.pos == Pos::Comma)
                && toks.get(j + 2).is_some_and(|y| y.pos == Pos::JJ);
            if x.pos == Pos::JJ || listed || x.pos == Pos::VBN && x.text(text).contains('-') {
                adjectives += 1;
                blocked |= lower_is(x, text, NOT_EPITHET) || covered(x.span).is_some();
            } else if !(x.pos == Pos::Comma || x.pos == Pos::CC && adjectives > 0) {
                break;
            }
            j += 1;
        }
        if adjectives == 0 || blocked || j - i > 6 {
            continue;
        }
        let Some(n) = toks.get(j) else { continue };
        if n.pos != Pos::NN {
            continue;
        }
        let noun = n.text(text).to_ascii_lowercase();
        let Some(row) = input.nouns.iter().position(|d| d.noun == noun) else {
            continue;
        };
        let Some(d) = input.nouns.get(row) else {
            continue;
        };
        if !d.kinds.contains(&AntecedentKind::Country) || covered(n.span).is_some() {
            continue;
        }
        // a restrictive phrase after it ("the poor nation that ...", "the
        // rich country of ..."): not an anaphor
        if toks.get(j + 1).is_some_and(|x| {
            matches!(
                x.pos,
                Pos::TO | Pos::WDT | Pos::WP | Pos::WRB | Pos::VBG | Pos::VBN | Pos::POS
            ) || x.pos.is_noun()
                || lower_is(
                    x,
                    text,
                    &["of", "that", "to", "for", "where", "which", "who"],
                )
        }) {
            continue;
        }
        // a predicate ("Qatar is the small nation"): not an anaphor
        if i.checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| matches!(p.lemma.as_str(), "be" | "become" | "remain"))
        {
            continue;
        }
        // the nearest earlier sentence naming exactly one country as an
        // actor decides
        let first = sentence.index.saturating_sub(WINDOW);
        let after_preposition = |span: Span| {
            toks.iter()
                .rposition(|x| x.span.end <= span.start)
                .and_then(|p| toks.get(p))
                .is_some_and(|p| p.pos == Pos::IN)
        };
        let mut found = None;
        for back in (first..=sentence.index).rev() {
            let same = back == sentence.index;
            let r = sentence_range(all, back);
            let mut codes: Vec<&str> = Vec::new();
            let mut pick = None;
            for (k, m) in all.iter().enumerate().take(r.end).skip(r.start) {
                let Some(c) = m.actor.country.as_deref() else {
                    continue;
                };
                // in its own sentence, a country named before it after a
                // preposition, not a subject (the states that impose a
                // boycott on "the small, rich nation" are not that nation):
                // "... militants in Iraq, ... fighters who seized much of the
                // war-torn country"
                if same && (m.span.end > t.span.start || !after_preposition(m.span)) {
                    continue;
                }
                let country = m.kind == MentionKind::Country
                    && m.actor.org.is_none()
                    && (input.is_country)(c)
                    // a region read as its country ("Gulf" → a province),
                    // not a country found as a place (PCLI)
                    && (!m.rule.starts_with("place:") || m.rule.contains(" PCL"));
                if country {
                    if !codes.contains(&c) {
                        codes.push(c);
                    }
                    pick.get_or_insert((Some(k), c));
                }
            }
            // countries named only as places ("in Iraq") count too
            for p in input.named.iter().filter(|p| p.sentence == back) {
                let c = p.country.as_str();
                let span = Span::new(p.start, p.end);
                if !p.as_place || !p.by_name || !(input.is_country)(c) {
                    continue;
                }
                if same && (p.end > t.span.start || !after_preposition(span)) {
                    continue;
                }
                if !codes.contains(&c) {
                    codes.push(c);
                }
                pick.get_or_insert((None, c));
            }
            match (pick, codes.len()) {
                (Some((k, c)), 1) => {
                    found = Some((k, c, back));
                    break;
                }
                (Some(_), _) => break,
                _ => {}
            }
        }
        let Some((a, code, back)) = found else {
            continue;
        };
        let (actor, ante_text, a) = match a.and_then(|a| all.get(a).map(|m| (a, m))) {
            Some((a, ante)) => (
                resolved_actor(AntecedentKind::Country, ante, None, input.country_name),
                ante.text.clone(),
                a,
            ),
            // a place has no mention to point at
            None => {
                let name = (input.country_name)(code).unwrap_or_else(|| code.to_string());
                let actor = Actor {
                    name: name.clone(),
                    country: Some(code.to_string()),
                    ..Default::default()
                };
                (actor, name, usize::MAX)
            }
        };
        let written = text.get(t.span.start..n.span.end).unwrap_or("");
        let reason = format!(
            "{written:?} → {:?} ({}; an epithet of the one country named there, code {})",
            ante_text,
            if back == sentence.index {
                "this sentence, not its subject".to_string()
            } else {
                format!("sentence {back}, {} back", sentence.index - back)
            },
            actor.code()
        );
        out.push(Resolution {
            candidate: Candidate {
                sentence: sentence.index,
                span: n.span,
                existing: None,
                what: What::Description(row, "the"),
            },
            antecedent: a,
            actor,
            reason,
            cap: if back == sentence.index {
                SAME_SENTENCE_CONFIDENCE
            } else {
                EARLIER_CONFIDENCE
            },
        });
    }
}

/// Words that open another clause between an actor and a later "it"
/// ("assurances from Damascus that regime forces would not oppose it").
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "because", "since", "when", "if", "while", "as",
    "after", "before", "although", "though", "until", "unless", "where",
];

/// Nouns of time that may stand between an object "it" and its antecedent
/// ("on the nation last year, accusing it"); months and weekdays are
/// `dyad_core::calendar::is_time_word`.
const TIME_NOUNS: &[&str] = &[
    "year", "month", "week", "day", "time", "weekend", "morning", "evening", "night",
];

/// Whether the mention at `span` is close enough before token `i` to be
/// what an object "it" there stands for: at most eight tokens between, no
/// quotation mark, no word opening another clause, and no noun but nouns of
/// time: "the persecution of these journalists would supply it" is no
/// actor's.
fn close_before(input: &Input, toks: &[dyad_core::Token], span: Span, i: usize) -> bool {
    let text = input.text;
    let Some(first) = toks.iter().position(|t| t.span.start >= span.end) else {
        return false;
    };
    if first > i || i - first > 8 {
        return false;
    }
    let between = toks.get(first..i).unwrap_or_default();
    between.iter().all(|t| {
        let w = t.text(text);
        !w.contains(['“', '”', '"', '‘'])
            && !lower_is(t, text, CLAUSE_OPENERS)
            && (!t.pos.is_noun()
                || lower_is(t, text, TIME_NOUNS)
                || dyad_core::calendar::is_time_word(w))
    })
}

/// A singular actor "it" may stand for in its own sentence: a state, an
/// organisation, a governmental body, or a state description resolved
/// before; never a person.
fn fits_it(m: &ActorMention) -> bool {
    if m.kind == MentionKind::Coreference
        && m.actor.person_id.is_none()
        && m.actor.org.is_none()
        && m.actor.country.is_some()
        && m.rule.contains(COREFERENCE_MARKER)
        && !m.text.ends_with('s')
    {
        return true;
    }
    fits_pronoun(false, m)
}

fn clause_pronouns(
    input: &Input,
    all: &[ActorMention],
    sentence: &Sentence,
    out: &mut Vec<Resolution>,
) {
    let text = input.text;
    let toks = &sentence.tokens;
    let range = sentence_range(all, sentence.index);
    let here = all.get(range.clone()).unwrap_or_default();
    let Some(first_verb) = toks
        .iter()
        .position(|t| t.pos.is_verb() || t.pos == Pos::MD)
    else {
        return;
    };
    let first_verb_start = toks.get(first_verb).map_or(0, |t| t.span.start);
    for (i, t) in toks.iter().enumerate() {
        let w = t.text(text);
        let plural = if w.eq_ignore_ascii_case("it") {
            false
        } else if w.eq_ignore_ascii_case("they") {
            true
        } else {
            continue;
        };
        if i == 0
            || here
                .iter()
                .any(|m| m.span.start < t.span.end && t.span.start < m.span.end)
        {
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| toks.get(p));
        let after_boundary = prev.is_some_and(|p| matches!(p.text(text), ";" | ":"));
        let found = if after_boundary {
            // subject of its clause, an agentive verb after it
            let agentive = before_verb(toks, i, text).is_some_and(|v| {
                toks.get(v..(v + 3).min(toks.len()))
                    .unwrap_or_default()
                    .iter()
                    .filter(|x| x.pos.is_verb())
                    .all(|x| !NON_AGENT_VERBS.contains(&x.lemma.as_str()))
            });
            if !agentive {
                continue;
            }
            subject_of(input, all, sentence.index, plural)
                .filter(|&a| all.get(a).is_some_and(|m| m.span.end <= t.span.start))
                .map(|a| (a, "the subject of its sentence, before the clause break"))
        } else if !plural && i > first_verb {
            // object of a verb, before a preposition or punctuation
            let verb = prev
                .filter(|p| p.pos.is_verb() && !NOT_ACTOR_OBJECT_VERBS.contains(&p.lemma.as_str()));
            let next_ok = match toks.get(i + 1) {
                None => true,
                Some(x) => {
                    (x.pos == Pos::IN && !x.text(text).eq_ignore_ascii_case("that"))
                        || x.pos == Pos::TO
                        || x.pos == Pos::CC
                        || x.pos.is_punct()
                }
            };
            if verb.is_none() || !next_ok {
                continue;
            }
            let mut codes: Vec<String> = Vec::new();
            let mut pick = None;
            for (k, m) in all.iter().enumerate().take(range.end).skip(range.start) {
                if m.span.start < first_verb_start || m.span.end > t.span.start {
                    continue;
                }
                if !fits_it(m) || acts(input, m) || !close_before(input, toks, m.span, i) {
                    continue;
                }
                // a place ("sent a convoy to Syria") is no antecedent
                let place = input
                    .named
                    .iter()
                    .any(|n| n.as_place && n.start == m.span.start && n.end == m.span.end);
                if place {
                    continue;
                }
                let code = m.actor.code();
                if !codes.contains(&code) {
                    codes.push(code);
                }
                pick = Some(k);
            }
            if codes.len() != 1 {
                continue;
            }
            pick.map(|a| (a, "the one actor named after its sentence's first verb that is not a subject or place"))
        } else {
            None
        };
        let Some((a, why)) = found else { continue };
        let Some(ante) = all.get(a) else { continue };
        out.push(Resolution {
            candidate: Candidate {
                sentence: sentence.index,
                span: t.span,
                existing: None,
                what: What::Pronoun {
                    plural,
                    possessive: false,
                    word: w.to_string(),
                },
            },
            antecedent: a,
            actor: ante.actor.clone(),
            reason: format!("{w:?} → {:?} ({why})", ante.text),
            cap: PRONOUN_CONFIDENCE,
        });
    }
}
