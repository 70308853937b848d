//! Matching patterns against predicates, and the factuality and attribution
//! of the matched events.

use dyad_core::Factuality;

use crate::clause::{DepTree, Predicate, SentenceView, Tense, WINDOW};
use crate::locative::Mentions;
use crate::patterns::{Pattern, PatternSet, Slot, TriggerKind};
use crate::tree_factuality::tree_factuality;
use crate::words;

/// A pattern that fired on a predicate: the event before it becomes a record.
#[derive(Debug, Clone)]
pub struct Match<'p> {
    /// The pattern.
    pub pattern: &'p Pattern,
    /// Index of the predicate in the sentence's predicate list.
    pub predicate: usize,
    /// Local mention indices of the source actors.
    pub source: Vec<usize>,
    /// Local mention indices of the target actors.
    pub target: Vec<usize>,
    /// Which slots they came from (for explanations).
    pub slots: Vec<SlotUse<'p>>,
    /// Factuality of the event.
    pub factuality: Factuality,
    /// Why this factuality.
    pub factuality_reason: String,
    /// Local mention index of the speaker the report is attributed to.
    pub attributed_to: Option<usize>,
    /// Confidence.
    pub confidence: f32,
    /// (PLOVER type, CAMEO code) replacing the pattern's for promises and threats.
    pub retyped: Option<(&'static str, &'static str)>,
    /// The act, or the verb governing it ("decided to accept"), is one only
    /// a state's government does (`data/patterns/actors/state-acts.tsv`): a
    /// country named as its source stands for the government.
    pub state_act: bool,
}

impl Match<'_> {
    /// Ranking among the patterns of one trigger: required words first,
    /// then a target read from a named prepositional slot, then any target
    /// and source; fallback targets count least.
    pub fn score(&self) -> usize {
        let named_prep = self.slots.iter().any(|s| {
            matches!(
                s,
                SlotUse::Target(Slot::Prep(_)) | SlotUse::Pair(_) | SlotUse::Source(Slot::Prep(_))
            )
        });
        let fallback = self
            .slots
            .iter()
            .any(|s| matches!(s, SlotUse::FallbackTarget | SlotUse::Complement));
        self.pattern.required.len() * 8
            + usize::from(!self.pattern.source_sectors.is_empty()) * 4
            + usize::from(named_prep) * 4
            + usize::from(!self.target.is_empty() && !fallback) * 2
            + usize::from(!self.target.is_empty())
            + usize::from(!self.source.is_empty())
    }
}

/// The object slot, for arguments a pattern does not name but its written
/// object noun implies.
static OBJECT_SLOT: Slot = Slot::Object;

/// How an argument of a match was found (rendered only for explanations).
#[derive(Debug, Clone, Copy)]
pub enum SlotUse<'p> {
    /// The source from this slot.
    Source(&'p Slot),
    /// The target from this slot.
    Target(&'p Slot),
    /// Source and target from the two conjuncts of this slot.
    Pair(&'p Slot),
    /// The target fell back to the first actor after the trigger.
    FallbackTarget,
    /// Coordinated subjects split into source and target.
    Reciprocal,
    /// On a parse: the object slot was empty (or named a thing, not an
    /// actor) and a prepositional dependent of the trigger gave the target
    /// ("demanded an explanation from the prime minister").
    OblTarget(&'static str),
    /// On a parse: the object slot was empty and the trigger's complement
    /// clause named the counterpart ("refused to meet X", "demanded that X
    /// resign"; `clause/complement.rs`).
    Complement,
    /// On a parse: the target of a participle clause telling more of the
    /// same act ("welcomed the pullout, giving Trump the praise").
    Elaboration,
    /// On a parse: a refusal's target from its "until" clause, whose act the
    /// refuser awaits ("will not lift the embargo until Cuba undertakes
    /// reforms").
    Until,
}

/// Renders slot uses: "source=subject, target='at' object".
pub fn describe_slots(slots: &[SlotUse<'_>]) -> String {
    if slots.is_empty() {
        return "no slots".into();
    }
    slots
        .iter()
        .map(|s| match s {
            SlotUse::Source(x) => format!("source={}", x.describe()),
            SlotUse::Target(x) => format!("target={}", x.describe()),
            SlotUse::Pair(x) => format!("pair={}", x.describe()),
            SlotUse::FallbackTarget => "target=first actor after trigger".into(),
            SlotUse::Reciprocal => "reciprocal subjects".into(),
            SlotUse::OblTarget(p) => format!("target=obl '{p}' (object slot empty)"),
            SlotUse::Complement => "target=complement clause (object slot empty)".into(),
            SlotUse::Elaboration => "target=participle clause telling more of the act".into(),
            SlotUse::Until => "target=the actor of the 'until' clause (object slot empty)".into(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What happened when a pattern was tried (for `dyad explain`).
#[derive(Debug, Clone)]
pub struct Attempt {
    /// Predicate index.
    pub predicate: usize,
    /// Rule id.
    pub rule: String,
    /// Pattern text.
    pub pattern: String,
    /// Did it fire?
    pub fired: bool,
    /// Why (not).
    pub reason: String,
}

/// Matches every predicate of a sentence; returns the events and the attempts.
pub fn match_sentence<'p>(
    view: &SentenceView<'_>,
    preds: &[Predicate],
    patterns: &'p PatternSet,
    actors: Mentions<'_>,
    tree: Option<&DepTree<'_>>,
    explain: bool,
) -> (Vec<Match<'p>>, Vec<Attempt>) {
    let mut matches = Vec::new();
    let mut attempts = Vec::new();
    let attributions = attributions(view, preds, tree);
    let mut suppressed: Vec<usize> = Vec::new();
    for (pi, pred) in preds.iter().enumerate() {
        let mut best: Option<(usize, Match<'p>)> = None;
        // the other patterns that fired, for a target the winner lacks
        let mut fired_targets: Vec<Match<'p>> = Vec::new();
        // patterns of the lemma, then of the lower-case form (when it differs)
        let low = view.low(pred.head);
        // (a quoted statement's head is the quoted clause's word, not a
        // verb of its own)
        let by_form = (low != pred.lemma && !pred.quoted)
            .then(|| patterns.for_trigger(pred.kind, low))
            .into_iter()
            .flatten()
            .filter(|p| p.trigger != pred.lemma);
        let candidates = patterns.for_trigger(pred.kind, &pred.lemma).chain(by_form);
        for pattern in candidates {
            let tried =
                try_pattern(view, preds, pi, pattern, patterns, actors).and_then(|m| match tree {
                    Some(t)
                        if pattern.own_clause
                            && !words_in_own_clause(view, t, preds, pi, pattern) =>
                    {
                        Err(Miss::OtherClause)
                    }
                    _ => Ok(m),
                });
            match tried {
                Ok(m) => {
                    let score = m.score();
                    if explain {
                        attempts.push(Attempt {
                            predicate: pi,
                            rule: pattern.id.clone(),
                            pattern: pattern.text.clone(),
                            fired: true,
                            reason: format!(
                                "matched ({}), score {score}",
                                describe_slots(&m.slots)
                            ),
                        });
                    }
                    // equal scores: the more confident pattern ("- welcome
                    // +" is a CONSULT host before a guarded AGREE); then the
                    // one that writes more words of content, not prepositions
                    // ("X and Y agreed to a trade deal": `- agree * deal`, a
                    // concluded deal, before `- agree to`, a promise)
                    let better = best.as_ref().is_none_or(|(s, b)| {
                        score > *s
                            || (score == *s
                                && (m.confidence > b.confidence
                                    || (m.confidence == b.confidence
                                        && m.pattern.content_words() > b.pattern.content_words())))
                    });
                    if better {
                        if let Some((_, old)) = best.replace((score, m)) {
                            fired_targets.push(old);
                        }
                    } else {
                        fired_targets.push(m);
                    }
                }
                Err(miss) => {
                    if explain {
                        attempts.push(Attempt {
                            predicate: pi,
                            rule: pattern.id.clone(),
                            pattern: pattern.text.clone(),
                            fired: false,
                            reason: miss.describe(pattern),
                        });
                    }
                }
            }
        }
        if let Some((_, mut m)) = best {
            // "expelled the American diplomat": the most specific pattern
            // ("- expel * diplomat") names no target; a pattern of the same
            // type that read one ("- expel +") lends it
            if m.target.is_empty() && m.pattern.target.is_empty() {
                if let Some(other) = fired_targets
                    .iter()
                    .filter(|o| o.pattern.plover == m.pattern.plover && !o.target.is_empty())
                    .max_by_key(|o| o.score())
                {
                    m.target = other.target.clone();
                    m.slots.extend(
                        other
                            .slots
                            .iter()
                            .filter(|s| matches!(s, SlotUse::Target(_) | SlotUse::Pair(_)))
                            .copied(),
                    );
                }
            }
            let (f, why) = match tree {
                // made by being said; what it demands is the demand's
                // business, not the statement's
                _ if pred.quoted => (
                    Factuality::Asserted,
                    "asserted: a statement in a quotation whose speaker is named in another sentence"
                        .into(),
                ),
                Some(t) => tree_factuality(view, t, pred.head),
                None => factuality(view, preds, pi),
            };
            m.factuality = f;
            m.factuality_reason = why;
            if let Some(why) = tree.and_then(|t| attempted_force(view, t, pred.head, &m)) {
                m.factuality = Factuality::Asserted;
                m.factuality_reason = why;
            }
            if let Some(retyped) = tree.and_then(|t| declared_refusal(view, t, preds, pi, &m)) {
                m.retyped = Some(retyped);
                m.factuality = Factuality::Asserted;
                m.factuality_reason = format!(
                    "a declared refusal: '{}' refused or negated under will/would, coded as REJECT",
                    pred.lemma
                );
                // "will not lift the embargo until Cuba undertakes reforms":
                // the refusal is addressed to the one whose act it awaits
                if m.target.is_empty() {
                    let awaited = tree
                        .map(|t| {
                            until_counterpart(
                                view,
                                t,
                                actors,
                                refusal_carrier(preds, pi),
                                &m.source,
                            )
                        })
                        .unwrap_or_default();
                    if !awaited.is_empty() {
                        m.target = awaited;
                        m.slots.push(SlotUse::Until);
                    }
                }
            }
            if m.factuality == Factuality::Intended {
                // the event's own verb: an event noun speaks through its
                // light verb ("vowed to launch an attack", "said it would
                // mount an assault", "will hold talks")
                let carrier = pred
                    .governor
                    .and_then(|g| preds.get(g))
                    .filter(|g| {
                        pred.kind == TriggerKind::Noun && crate::clause::is_light_verb(&g.lemma)
                    })
                    .unwrap_or(pred);
                // the governing word: the verb the carrier depends on, else
                // the word before "to" ("threat to", "plans to")
                let gov_lemma = carrier
                    .governor
                    .and_then(|g| preds.get(g))
                    .map(|g| g.lemma.as_str())
                    .or_else(|| {
                        let to = carrier.first.checked_sub(1).filter(|&k| view.is(k, "to"));
                        let to = to.or((view.pos(carrier.first) == Some(dyad_core::Pos::TO))
                            .then_some(carrier.first));
                        to.and_then(|k| k.checked_sub(1)).map(|k| view.lemma(k))
                    })
                    .or_else(|| {
                        carrier
                            .modal
                            .as_deref()
                            .filter(|m| *m == "will" || *m == "shall")
                    });
                // "X said it would attack Y": an actor announcing its own
                // future act commits itself as much as "vowed to" does; an
                // official announcing their state's hostile act under a
                // condition ("said Iran would attack X if ...") threatens
                // (the condition hung on the act, or after it on the verb
                // of saying: "declaring that the US would devastate Turkey
                // if it attacked")
                let conditional = tree.is_some_and(|t| {
                    let speech = carrier
                        .governor
                        .and_then(|g| preds.get(g))
                        .map(|g| g.head)
                        .filter(|&g| words::is_speech_verb(view.lemma(g)));
                    std::iter::once(carrier.head).chain(speech).any(|h| {
                        t.kids(h).iter().any(|&c| {
                            c > carrier.head
                                && t.rel(c) == "advcl"
                                && t.kids(c).iter().any(|&k| {
                                    t.rel(k) == "mark" && matches!(view.low(k), "if" | "unless")
                                })
                        })
                    })
                });
                let announced = carrier
                    .governor
                    .and_then(|g| preds.get(g))
                    .is_some_and(|g| {
                        words::is_speech_verb(&g.lemma)
                            && carrier
                                .modal
                                .as_deref()
                                .is_some_and(|md| matches!(md, "will" | "would" | "shall" | "'ll"))
                            && !m.source.is_empty()
                            && m.source.iter().all(|&s| {
                                g.agent().contains(&s)
                                    || conditional
                                        && threat_type(&m.pattern.plover)
                                        && g.agent()
                                            .iter()
                                            .any(|&sp| speakers_state(view, actors, s, sp))
                            })
                    });
                // typed as the commitment verb it amounts to
                let intent_key = if announced { Some("vow") } else { gov_lemma };
                // a governor that is itself promised or owed ("troops must
                // stay in the region to protect Israel") commits to its purpose
                let bound = carrier
                    .governor
                    .and_then(|g| preds.get(g))
                    .and_then(|g| g.modal.as_deref())
                    .is_some_and(|md| matches!(md, "will" | "shall" | "must" | "'ll"));
                // "whether European powers will be willing to lift
                // sanctions", "unclear whether Spain will agree to": a
                // promise that is itself only possible is not made
                // "It will accept the results only if its experts take
                // part": a cooperative act offered under a condition of its
                // own is not (yet) agreed (a hostile one so offered is a
                // threat, above)
                let own_condition = (conditional && !threat_type(&m.pattern.plover)).then(|| {
                    (
                        Factuality::Hypothetical,
                        "under a condition of its own ('if', 'unless')".to_string(),
                    )
                });
                let open_promise = own_condition.or_else(|| {
                    tree.and_then(|t| {
                        let g = carrier
                            .governor
                            .and_then(|g| preds.get(g))
                            .map(|g| g.head)
                            .or_else(|| t.head(carrier.head))?;
                        if let Some(&k) = t.kids(g).iter().find(|&&k| {
                            t.rel(k) == "mark" && matches!(view.low(k), "if" | "unless" | "whether")
                        }) {
                            let why = format!("conditional '{}'", view.low(k));
                            return Some((Factuality::Hypothetical, why));
                        }
                        let (gf, gwhy) = tree_factuality(view, t, g);
                        matches!(gf, Factuality::Negated | Factuality::Denied).then_some((gf, gwhy))
                    })
                });
                if let Some((gf, gwhy)) = open_promise {
                    m.factuality = gf;
                    m.factuality_reason = format!(
                        "under '{}', itself not made: {gwhy}",
                        gov_lemma.unwrap_or("")
                    );
                } else if let Some(retyped) = intent_key
                    .and_then(|g| intent_type(&m.pattern.plover, &m.pattern.cameo, g, bound))
                {
                    m.retyped = Some(retyped);
                    m.factuality = Factuality::Asserted;
                    m.factuality_reason = format!(
                        "promise/threat: '{}'{} governs the event, coded as {}",
                        gov_lemma.unwrap_or(""),
                        if announced {
                            " (its own future act)"
                        } else {
                            ""
                        },
                        retyped.0
                    );
                    if let Some(g) = pred.governor {
                        suppressed.push(g);
                    }
                } else if matches!(m.pattern.plover.as_str(), "AGREE" | "THREATEN")
                    // an agreement sought, tried for or hoped for is not
                    // one made: "sought to strike a deal with X"
                    && !gov_lemma.is_some_and(words::is_striving_verb)
                {
                    // PLOVER's AGREE and THREATEN are themselves statements
                    // of intent: "signaled readiness to share technology with
                    // X" is an AGREE, made now
                    m.factuality = Factuality::Asserted;
                    m.factuality_reason = format!(
                        "{} is a statement of intent: '{}' does not make it hypothetical",
                        m.pattern.plover,
                        gov_lemma.unwrap_or("")
                    );
                }
            }
            if let Some((speaker, why)) = attributions.iter().find_map(|a| a.covers(pred.head)) {
                let speaks = m.source.contains(&speaker)
                    || m.source
                        .iter()
                        .any(|&s| refers_to(view, actors, s, speaker));
                if !speaks {
                    m.attributed_to = Some(speaker);
                    if m.factuality == Factuality::Asserted {
                        m.factuality = Factuality::Reported;
                        m.factuality_reason = why;
                    }
                }
            }
            // a harm word read only as a threat ("would devastate Turkey
            // economically if ...", flag `threat`) is no act when not one
            if !(m.pattern.threat_only && m.retyped.is_none()) {
                matches.push(m);
            }
        }
    }
    // a promise/threat coded from its embedded event replaces the bare
    // "agreed"/"threatened" event of the governing verb
    matches.retain(|m| {
        !(suppressed.contains(&m.predicate)
            && matches!(m.pattern.plover.as_str(), "AGREE" | "THREATEN")
            && m.retyped.is_none())
    });
    // "imposed an economic boycott on Qatar": a noun the verb's pattern
    // writes ("- impose * boycott on +") is part of that verb's act, not an
    // act of its own (the boycott is the sanction, no protest). The noun's
    // reading stays when it alone names the other side ("declared a
    // ceasefire in X": the verb's pattern reads no target).
    let written: Vec<(usize, bool, &str, Vec<usize>)> = matches
        .iter()
        .filter(|m| {
            preds
                .get(m.predicate)
                .is_some_and(|p| p.kind == TriggerKind::Verb)
        })
        .flat_map(|m| {
            let has_target = !m.target.is_empty();
            let pattern = m.pattern;
            let (predicate, source) = (m.predicate, m.source.clone());
            pattern
                .required
                .iter()
                .map(move |w| (predicate, has_target, w.as_str(), source.clone()))
        })
        .collect();
    if !written.is_empty() {
        matches.retain(|m| {
            let Some(pred) = preds.get(m.predicate) else {
                return true;
            };
            // a verb only when the writing verb made it not happen: "refused
            // to meet X" is the refusal (REJECT, `- refuse to meet +`), not
            // also a negated meeting that outranks it
            let written_kind = pred.kind == TriggerKind::Noun
                || (pred.kind == TriggerKind::Verb
                    && matches!(m.factuality, Factuality::Negated | Factuality::Denied));
            !(written_kind
                && pred.governor.is_some_and(|g| {
                    written.iter().any(|(v, has_target, w, source)| {
                        *v == g
                            && (*w == pred.lemma || *w == view.low(pred.head))
                            && (*has_target || m.target.is_empty())
                            // another party's act the verb is about stays
                            // its own ("welcomed Uganda's invitation to X":
                            // the invitation is Uganda's)
                            && !(!m.source.is_empty()
                                && !source.is_empty()
                                && m.source.iter().all(|s| !source.contains(s)))
                    })
                }))
        });
    }
    if let Some(t) = tree {
        lend_elaboration_targets(preds, t, &mut matches);
    }
    (matches, attempts)
}

/// "welcomed the pullout, giving Trump the praise he craves", "carried out
/// airstrikes, killing 12 civilians": a participle clause hung on a verb
/// (`advcl`, -ing form, no subject of its own) tells more of the same act.
/// When the verb's match has no target and the participle's act (the
/// participle itself, or an event noun it governs) is of the same PLOVER
/// type with the same source and a target, that target is the verb's too.
/// The two readings then have the same sides and the sentence keeps one.
fn lend_elaboration_targets(preds: &[Predicate], t: &DepTree<'_>, matches: &mut [Match<'_>]) {
    // the verb head an act elaborates: its own head when it is such a
    // participle, else its governing verb's when the act is a noun of it
    let elaborated = |pi: usize| -> Option<usize> {
        let pred = preds.get(pi)?;
        // a noun only as the act of a light verb ("giving Trump the
        // praise"), not one named in passing ("culminating in an attack")
        let participle = match pred.kind {
            TriggerKind::Verb => pred.head,
            TriggerKind::Noun => {
                let g = preds.get(pred.governor?)?;
                if !crate::clause::is_light_verb(&g.lemma) {
                    return None;
                }
                g.head
            }
        };
        let is_adjunct = t.rel(participle) == "advcl"
            && t.xpos(participle) == "VBG"
            && !t
                .kids(participle)
                .iter()
                .any(|&k| matches!(t.base_rel(k), "nsubj" | "mark"));
        if is_adjunct {
            t.head(participle)
        } else {
            None
        }
    };
    let lent: Vec<(usize, Vec<usize>)> = matches
        .iter()
        .enumerate()
        .filter(|(_, m)| m.target.is_empty() && !m.source.is_empty())
        .filter_map(|(i, m)| {
            let head = preds.get(m.predicate)?.head;
            let donor = matches.iter().find(|o| {
                // an act coded on its own (a weak reading lends nothing)
                !o.target.is_empty()
                    && o.confidence >= crate::engine::MIN_CONFIDENCE
                    && o.pattern.plover == m.pattern.plover
                    && o.retyped == m.retyped
                    && o.source == m.source
                    && o.target.iter().all(|x| !m.source.contains(x))
                    && elaborated(o.predicate) == Some(head)
            })?;
            Some((i, donor.target.clone()))
        })
        .collect();
    for (i, target) in lent {
        if let Some(m) = matches.get_mut(i) {
            m.target = target;
            m.slots.push(SlotUse::Elaboration);
        }
    }
}

/// Types whose announcement by the actor itself is a threat (CAMEO 13x).
fn threat_type(plover: &str) -> bool {
    matches!(plover, "ASSAULT" | "COERCE" | "SANCTION" | "MOBILIZE")
}

/// "Trump declared that the US would devastate Turkey if it attacked the
/// Kurds": a state official announcing a hostile act of their own state
/// (the country, its government or its forces) speaks for the actor, as
/// "Turkey said it would attack" does. True when local mention `source` is
/// a state actor (a country with no sector, or GOV, MIL, COP) and `speaker`
/// a person or office of the same country's government or forces.
fn speakers_state(
    view: &SentenceView<'_>,
    actors: Mentions<'_>,
    source: usize,
    speaker: usize,
) -> bool {
    let actor = |m: usize| {
        view.mentions
            .get(m)
            .and_then(|lm| actors.get(lm.global))
            .map(|am| &am.actor)
    };
    let (Some(src), Some(sp)) = (actor(source), actor(speaker)) else {
        return false;
    };
    let state = |a: &dyad_core::Actor, bare_ok: bool| {
        (bare_ok && a.sectors.is_empty())
            || a.sectors
                .first()
                .is_some_and(|x| matches!(x.as_str(), "GOV" | "MIL" | "COP"))
    };
    src.country.is_some() && src.country == sp.country && state(src, true) && state(sp, false)
}

/// "Israel will not release the prisoners", "Hungary says it will not accept
/// refugees", "will not hold talks with X": an actor declaring it will not do
/// a cooperative act refuses it, a REJECT made by being declared (PLOVER:
/// "all rejections and refusals"; CAMEO 12x: decline to yield, 124; to meet,
/// 125; material cooperation, 121). The (PLOVER type, CAMEO code) of the
/// refusal, when the negation and the will/would are the act's own (or its
/// light verb's), the act has a source and is active, and no condition
/// ("if", "unless", "whether") hangs on it: "will not provide aid if it
/// holds elections" sets terms and stays a negated act, while "will not
/// provide aid until it holds elections" refuses for now. A past "did not release" reports
/// no refusal; a hostile act declared not done ("will not attack") is none.
fn declared_refusal(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    preds: &[Predicate],
    pi: usize,
    m: &Match<'_>,
) -> Option<(&'static str, &'static str)> {
    if m.factuality != Factuality::Negated || m.source.is_empty() || m.retyped.is_some() {
        return None;
    }
    let cameo = match m.pattern.plover.as_str() {
        "RETREAT" | "CONCEDE" => "124",
        "CONSULT" => "125",
        "AID" | "COOPERATE" => "121",
        "AGREE" => "120",
        // "refused to back the invasion of Iraq" rejects the invader, not
        // the one the backed act names: SUPPORT is not turned
        _ => return None,
    };
    let pred = preds.get(pi)?;
    // an event noun refused through its light verb ("will not hold talks")
    let carrier = match pred.kind {
        TriggerKind::Noun => pred
            .governor
            .and_then(|g| preds.get(g))
            .filter(|g| crate::clause::is_light_verb(&g.lemma))?,
        TriggerKind::Verb => pred,
    };
    let future = carrier
        .modal
        .as_deref()
        .is_some_and(|md| matches!(md, "will" | "would" | "shall" | "'ll" | "wo"));
    // "refused to accept a request from X": the act refused under a verb of
    // refusal is the refusal's content (else the negated act outranks it);
    // so is the act under the noun ("Cuba's refusal to engage with X")
    let refused = carrier.nonfinite
        && carrier
            .governor
            .and_then(|g| preds.get(g))
            .is_some_and(|g| {
                matches!(g.lemma.as_str(), "refuse" | "decline" | "refusal") && !g.negated
            });
    // "did not give permission for X": leave withheld is a refusal in any
    // tense (CAMEO 120, "deny permission"), unlike a release not made
    let withheld = carrier.kind == TriggerKind::Verb
        && m.pattern
            .required
            .iter()
            .any(|w| matches!(w.as_str(), "permission" | "approval" | "consent"));
    if !(future && carrier.negated || refused || withheld && carrier.negated) || carrier.passive {
        return None;
    }
    // a condition anywhere under the act ("until it has assurances", hung
    // by the parser on "aid") or on the clause governing it
    let under = |k: usize, top: usize| {
        let mut cur = Some(k);
        for _ in 0..6 {
            match cur {
                Some(c) if c == top => return true,
                Some(c) => cur = tree.head(c),
                None => return false,
            }
        }
        false
    };
    // ("until" is no condition: "will not lift the ban until X reports"
    // refuses for now, and names what would end the refusal; the party it
    // waits on is the refusal's target, `until_counterpart`)
    let conditional = (0..view.len()).any(|k| {
        tree.rel(k) == "mark"
            && matches!(view.low(k), "if" | "unless" | "whether")
            && (under(k, carrier.head)
                || tree
                    .head(carrier.head)
                    .is_some_and(|g| tree.head(k) == Some(g)))
    });
    if conditional {
        return None;
    }
    Some(("REJECT", if withheld { "120" } else { cameo }))
}

/// The word carrying a refusal: the trigger, or the light verb of an event
/// noun ("will not hold talks").
fn refusal_carrier(preds: &[Predicate], pi: usize) -> usize {
    let Some(pred) = preds.get(pi) else { return 0 };
    match pred.kind {
        TriggerKind::Noun => pred
            .governor
            .and_then(|g| preds.get(g))
            .filter(|g| crate::clause::is_light_verb(&g.lemma))
            .map_or(pred.head, |g| g.head),
        TriggerKind::Verb => pred.head,
    }
}

/// "will not lift the embargo until Cuba undertakes reforms", "will not end
/// the strike until their demands have been met by the authorities": the
/// party a refusal awaits, named in the "until" clause after the refusing
/// verb `carrier` — the clause's subject, or the agent of a passive clause.
/// Also where the parser hangs "until" as a preposition on the next noun
/// ("until Cuba" as a modifier of "embargo", the verb elsewhere). Only an
/// actor named in the text (no pronoun: "until it has assurances" may be
/// the refuser), neither the refuser nor of its country. Empty when there
/// is none.
fn until_counterpart(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    actors: Mentions<'_>,
    carrier: usize,
    source: &[usize],
) -> Vec<usize> {
    let n = view.len().min(tree.len());
    // the first "until" after the verb, before a clause break
    let Some(u) = (carrier + 1..n)
        .take_while(|&k| !matches!(view.low(k), ";" | ":"))
        .find(|&k| view.low(k) == "until")
    else {
        return Vec::new();
    };
    // hung under the refusing verb (its clause or its object's phrase)
    let mut cur = tree.head(u);
    let mut linked = false;
    for _ in 0..6 {
        match cur {
            Some(c) if c == carrier => {
                linked = true;
                break;
            }
            Some(c) => cur = tree.head(c),
            None => break,
        }
    }
    if !linked {
        return Vec::new();
    }
    let mention = |k: usize| view.mention_at.get(k).copied().flatten();
    let named = |m: usize| {
        view.mentions.get(m).is_some_and(|lm| {
            (lm.first..=lm.last).all(|k| !matches!(tree.xpos(k), "PRP" | "PRP$" | "WP"))
        }) && !source.contains(&m)
            && !same_actor(view, actors, source, m)
            && !same_country(view, actors, source, m)
    };
    // the clause's verb: the head of a "mark"; else (a preposition's noun
    // that names no actor) the first verb after it
    let verb = match tree.rel(u) {
        "mark" => tree.head(u),
        _ => {
            let Some(noun) = tree.head(u).filter(|&h| h > u) else {
                return Vec::new();
            };
            if let Some(m) = mention(noun) {
                return if named(m) { vec![m] } else { Vec::new() };
            }
            (noun + 1..n)
                .take_while(|&k| !matches!(view.low(k), "," | ";" | ":"))
                .find(|&k| tree.upos(k) == "VERB")
        }
    };
    let Some(v) = verb else { return Vec::new() };
    let passive = tree
        .kids(v)
        .iter()
        .any(|&c| matches!(tree.rel(c), "aux:pass" | "nsubj:pass"));
    let wanted = if passive { "obl:agent" } else { "nsubj" };
    tree.kids(v)
        .iter()
        .copied()
        .filter(|&c| tree.rel(c) == wanted)
        .filter_map(mention)
        .filter(|&m| named(m))
        .collect()
}

/// "Isis fighters attempted to storm a US base", "jets which are trying to
/// oust the rebels": an attempt at force that was made is an act of force
/// (CAMEO codes attempted assaults as assaults), whatever its outcome. Only
/// when the attempt itself is told as done or under way: "will try to
/// retake", "did not try to" and "may attempt to" stay as they are.
fn attempted_force(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    trigger: usize,
    m: &Match<'_>,
) -> Option<String> {
    if m.pattern.plover != "ASSAULT"
        || !matches!(
            m.factuality,
            Factuality::Hypothetical | Factuality::Intended
        )
    {
        return None;
    }
    let attempt = tree
        .head(trigger)
        .filter(|_| tree.rel(trigger) == "xcomp")?;
    let gl = view.lemma(attempt);
    if !matches!(gl, "try" | "attempt")
        || !matches!(tree.xpos(attempt), "VBD" | "VBG" | "VBZ" | "VBP")
    {
        return None;
    }
    // told as made: no modal, no negation, not itself an infinitive
    let unmade = tree.kids(attempt).iter().any(|&k| {
        (tree.rel(k) == "aux" && tree.xpos(k) == "MD")
            || tree.rel(k) == "mark"
            || (tree.rel(k) == "advmod" && words::is_negation(view.low(k)))
    });
    if unmade {
        return None;
    }
    let (f, _) = tree_factuality(view, tree, attempt);
    matches!(f, Factuality::Asserted | Factuality::Reported)
        .then(|| format!("asserted: an attempt at force, made ('{gl} to')"))
}

/// PLOVER codes promises of cooperation as AGREE, promises of concessions as
/// CONCEDE and threats of conflictual action as THREATEN: the type (and
/// CAMEO code) an intended event of `plover` becomes under governor `gov`
/// (`bound`: the governor itself carries will/shall/must).
fn intent_type(
    plover: &str,
    cameo: &str,
    gov: &str,
    bound: bool,
) -> Option<(&'static str, &'static str)> {
    // "forced the government to hold talks", "urged X to withdraw": the
    // event's actor is the governor's object, who promised nothing
    if words::is_object_control(gov) && gov != "warn" {
        return None;
    }
    let threat = matches!(gov, "threaten" | "warn" | "vow" | "pledge" | "promise");
    // "X will lift the curfew" promises; "X will attack" is not (yet) a threat
    let threat = threat && gov != "will";
    // only a governor of intent or commitment promises: a purpose clause
    // ("sat out the clashes to protect their ties") does not, nor does an
    // aim or an attempt ("in a bid to protect")
    let committing = bound
        || words::is_intent_governor(gov)
        || words::is_commitment_verb(gov)
        || matches!(gov, "will" | "shall");
    let promise = committing
        && !matches!(
            gov,
            "threaten"
                | "warn"
                | "want"
                | "hope"
                | "seek"
                | "try"
                | "attempt"
                | "consider"
                | "expect"
                | "bid"
                | "effort"
                | "aim"
                | "push"
                | "drive"
        );
    match plover {
        // the PLOVER manual files promised concessions, "declarations (but
        // not implementations) of ceasefires and withdrawals", under
        // CONCEDE (although CAMEO's 035 maps to AGREE)
        "RETREAT" | "CONCEDE" if promise => Some(("CONCEDE", "035")),
        "AID" if promise => Some(("AGREE", "033")),
        "COOPERATE" if promise => Some(("AGREE", "031")),
        "CONSULT" if promise => Some(("AGREE", "036")),
        "SUPPORT" if promise => Some(("AGREE", "030")),
        // "offered to send troops to X": troops offered are military aid
        // offered (CAMEO 0332; PLOVER: an offer to cooperate is AGREE);
        // vowed or planned, a deployment stays a mobilisation or a threat
        "MOBILIZE" if gov == "offer" => Some(("AGREE", "0332")),
        "ASSAULT" if threat => Some(("THREATEN", "138")),
        "SANCTION" if threat => Some(("THREATEN", "1312")),
        "COERCE" if threat => Some(("THREATEN", "130")),
        "MOBILIZE" if threat => Some(("THREATEN", "138")),
        // vowing to condemn or to reject is already the verbal act; vowing
        // to investigate, sue or put on trial (CAMEO 09x, 115, 1121) is a
        // legal act only intended
        "ACCUSE" if threat && !is_legal_accusation(cameo) => Some(("ACCUSE", "111")),
        "REJECT" if threat => Some(("REJECT", "120")),
        _ => None,
    }
}

/// True when CAMEO code `cameo` of an ACCUSE pattern is a legal or
/// investigative act (investigate 09x, sue 115, charge 1121), which a
/// promise only announces, rather than a verbal one the promise itself makes.
fn is_legal_accusation(cameo: &str) -> bool {
    cameo.starts_with("09") || cameo == "115" || (cameo.starts_with("112") && cameo.len() > 3)
}

/// True when a "for" after verb `v`, in its clause, leads to a meeting of
/// others within a few words: one named for its peace process, its
/// sponsors or participants ("for the first UN-sponsored peace talks", "for
/// international talks on Syria"). Plain "for talks" is the visit's own
/// business with its host ("will travel to Paris for talks").
fn for_a_meeting(view: &SentenceView<'_>, v: usize) -> bool {
    let end = view.len();
    let Some(f) = (v + 1..end)
        .take_while(|&k| !matches!(view.low(k), "," | ";" | "." | "where" | "which" | "who"))
        .find(|&k| view.low(k) == "for")
    else {
        return false;
    };
    let Some(noun) = (f + 1..end.min(f + 9))
        .take_while(|&k| !matches!(view.low(k), "," | ";" | "." | "with"))
        .find(|&k| words::is_meeting_noun(view.lemma(k)))
    else {
        return false;
    };
    let others = |k: usize| {
        view.mention_at.get(k).copied().flatten().is_some()
            || matches!(view.low(k), "peace" | "international" | "multilateral")
    };
    (f + 1..=noun).any(others)
        || (noun + 1 < end
            && matches!(view.low(noun + 1), "on" | "between" | "among")
            && view.mention_at.get(noun + 2).copied().flatten().is_some())
}

/// The noun after a quantifier's "of" ("most of the locals", "hundreds of
/// refugees" → locals, refugees), skipping a determiner.
fn share_of(view: &SentenceView<'_>, q: usize) -> Option<usize> {
    let quantifier = matches!(
        view.lemma(q),
        "most"
            | "many"
            | "some"
            | "all"
            | "few"
            | "rest"
            | "majority"
            | "hundred"
            | "thousand"
            | "dozen"
            | "million"
            | "part"
            | "half"
            | "number"
    );
    if !quantifier || view.low(q + 1) != "of" {
        return None;
    }
    let k = q + 2;
    let k = if matches!(
        view.low(k),
        "the" | "these" | "those" | "its" | "their" | "his" | "her"
    ) {
        k + 1
    } else {
        k
    };
    (k < view.len()).then_some(k)
}

/// "who refused to be named", "asked not to be identified", "declined to
/// be quoted": the words right after the verb are a source's wish for
/// anonymity, which is no refusal or request between actors.
fn asks_anonymity(view: &SentenceView<'_>, head: usize) -> bool {
    let mut k = head + 1;
    if view.low(k) == "not" {
        k += 1;
    }
    view.low(k) == "to"
        && view.low(k + 1) == "be"
        && matches!(view.low(k + 2), "named" | "identified" | "quoted")
}

/// Words that may stand between "not" and the actor it sets apart ("not
/// by Assad", "not the regime").
const BETWEEN_NOT_AND_ACTOR: &[&str] = &[
    "by", "to", "with", "against", "on", "at", "from", "for", "of", "the", "a", "an",
];

/// Whether local mention `m` follows ", not" (with at most two
/// prepositions or determiners between): "fighting Isis, not Assad",
/// "approved by Moscow, not by Assad". "not only X" is no such contrast.
fn set_apart_by_not(view: &SentenceView<'_>, m: usize) -> bool {
    let Some(lm) = view.mentions.get(m) else {
        return false;
    };
    let mut j = lm.first;
    for _ in 0..=2 {
        let Some(prev) = j.checked_sub(1) else {
            return false;
        };
        let w = view.low(prev);
        if w == "not" {
            return prev
                .checked_sub(1)
                .is_some_and(|c| matches!(view.low(c), "," | "but"));
        }
        if !BETWEEN_NOT_AND_ACTOR.contains(&w) {
            return false;
        }
        j = prev;
    }
    false
}

/// Flag `own`: each word the pattern writes that is no preposition, found
/// after the trigger in its clause, has the trigger as the nearest verb above
/// it in the tree ("agreed to a new trade deal": deal → agreed; "agreed to
/// start talks on a trade deal": deal → talks → start, another verb).
fn words_in_own_clause(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    preds: &[Predicate],
    pi: usize,
    pattern: &Pattern,
) -> bool {
    let Some(pred) = preds.get(pi) else {
        return true;
    };
    if !pred.from_tree || pred.kind != TriggerKind::Verb {
        return true;
    }
    let end = (pred.head + 1 + WINDOW).min(view.len()).min(tree.len());
    pattern
        .required
        .iter()
        .filter(|w| w.as_str() == "to" || !crate::patterns::is_written_function_word(w))
        .all(|w| {
            let Some(j) = (pred.head + 1..end).find(|&j| view.is(j, w)) else {
                return true;
            };
            // an infinitive's "to" marks a verb the trigger governs ("agreed
            // with Y to exchange"), not one further down ("agreed with Y
            // that Z was to blame")
            if tree.rel(j) == "mark" {
                return tree.head(j).is_some_and(|v| {
                    tree.head(v) == Some(pred.head) && matches!(tree.rel(v), "xcomp" | "advcl")
                });
            }
            let mut cur = tree.head(j);
            for _ in 0..12 {
                match cur {
                    Some(c) if c == pred.head => return true,
                    Some(c) if tree.upos(c) == "VERB" => return false,
                    Some(c) => cur = tree.head(c),
                    None => return true,
                }
            }
            true
        })
}

/// Why a pattern did not fire; rendered only for explanations, so that
/// coding does not format a message for every pattern tried.
enum Miss<'p> {
    NoPredicate,
    MissingWord(&'p str),
    NoTarget,
    NoActor,
    SourceSector,
    OwnForces,
    NoSource,
    /// The verb's object is no aid ("gave instructions").
    NotAid,
    /// The verb's object is an actor's removal ("backed the overthrow of").
    RemovalObject,
    /// The target would be who the object's act befell ("condemned the
    /// arrest of X").
    DoneToObject,
    /// A verb of violence with an object nothing can be done to ("kill off
    /// speculation").
    FigurativeObject,
    /// The verb has a particle that makes it another verb ("ended up").
    PhrasalIdiom(String),
    /// "refused to be named", "asked not to be identified": a source's
    /// anonymity, no act.
    Anonymity,
    /// The pattern needs a direct object and the verb has none.
    NoObject,
    NoControlledObject,
    /// The pattern is intransitive and the verb has a direct object.
    HasObject,
    /// The verb's direct object is an event noun (flag `noact`).
    EventObject,
    /// The verb is passive or its direct object is no actor (flag `dobj`).
    NoActorObject,
    /// The direct object is neither an actor nor a gathering (flag `guest`).
    NoGuest,
    /// The pattern fires only on coordinated subjects (flag `pair`).
    NotPair,
    /// "with" names a comrade: the act names its enemy with "against".
    Comrade,
    /// A city reached for a meeting of others is its venue, no host.
    Venue,
    /// Armed units meeting in the field: an encounter, no talks.
    Encounter,
    /// "in protest": a bare event noun telling how another act was done.
    Manner,
    /// "the attack in Salisbury": a place an act of force happened in.
    Locative,
    /// A written word lies in another verb's clause (flag `own`).
    OtherClause,
}

impl Miss<'_> {
    fn describe(&self, pattern: &Pattern) -> String {
        match self {
            Miss::NoPredicate => "no predicate".into(),
            Miss::MissingWord(word) => format!("missing word '{word}' after the trigger"),
            Miss::NoTarget => "no target actor".into(),
            Miss::NoActor => "no actor in any slot".into(),
            Miss::SourceSector => format!("source is not {}", pattern.source_sectors.join("/")),
            Miss::OwnForces => "the target is the source's own armed forces or police".into(),
            Miss::NoSource => "no source actor".into(),
            Miss::NotAid => "its object is no aid (objects/immaterial.tsv)".into(),
            Miss::RemovalObject => "its object is an actor's removal (objects/removal.tsv)".into(),
            Miss::DoneToObject => {
                "the target is who its object's act befell, not its doer (objects/done-to.tsv)"
                    .into()
            }
            Miss::FigurativeObject => {
                "its object makes the verb figurative (objects/figurative.tsv, objects/endangered.tsv)"
                    .into()
            }
            Miss::Anonymity => "a source's wish not to be named, no act".into(),
            Miss::PhrasalIdiom(p) => {
                format!("'{p}' makes it another verb (phrasal/idioms.tsv)")
            }
            Miss::NoObject => "the verb has no direct object (flag obj)".into(),
            Miss::NoControlledObject => {
                "the direct object is not followed by a to-infinitive of the verb (flag ctl)".into()
            }
            Miss::HasObject => "the verb has a direct object (flag intr)".into(),
            Miss::EventObject => "the verb's object is an event noun (flag noact)".into(),
            Miss::NoActorObject => {
                "the verb is passive or its direct object is no actor (flag dobj)".into()
            }
            Miss::NoGuest => {
                "its direct object is neither an actor nor a gathering: no guest (flag guest)"
                    .into()
            }
            Miss::NotPair => "no coordinated subjects to pair (flag pair)".into(),
            Miss::Manner => "a bare 'in' phrase: the manner of another act".into(),
            Miss::Locative => {
                "its target is the place it happened 'in' or 'at', not whom it befell".into()
            }
            Miss::Encounter => "armed units that meet run into each other: no talks".into(),
            Miss::OtherClause => {
                "a word it writes belongs to another verb's clause (flag own)".into()
            }
            Miss::Venue => "a city reached for a meeting is its venue, not a host visited".into(),
            Miss::Comrade => {
                "the act names its enemy with 'against', or its subject joins sides: 'with' is a comrade"
                    .into()
            }
        }
    }
}

fn try_pattern<'p>(
    view: &SentenceView<'_>,
    preds: &[Predicate],
    pi: usize,
    pattern: &'p Pattern,
    patterns: &PatternSet,
    actors: Mentions<'_>,
) -> Result<Match<'p>, Miss<'p>> {
    let pred = preds.get(pi).ok_or(Miss::NoPredicate)?;
    // "resigned in protest", "stood in solidarity": a bare singular event
    // noun right after "in", with no party of its own, is the manner of
    // another act ("took part in protests against X" is one)
    if pred.kind == TriggerKind::Noun
        && pred.head > 0
        && view.low(pred.head - 1) == "in"
        && view.pos(pred.head) == Some(dyad_core::Pos::NN)
        && pred.preps.iter().all(|(_, _, ms)| ms.is_empty())
    {
        return Err(Miss::Manner);
    }
    // only a parse can tell an intransitive use; token windows keep the
    // pattern as it was
    if pattern.needs_object
        && pred.kind == TriggerKind::Verb
        && pred.from_tree
        && pred.object_word.is_none()
        && pred.object.is_empty()
    {
        return Err(Miss::NoObject);
    }
    // "wants Morocco to take back": the object is the doer of the
    // to-infinitive the verb governs ("the deal that Trump wants to destroy"
    // has no such object)
    if pattern.object_control && pred.kind == TriggerKind::Verb && pred.from_tree {
        // (the object may be an actor the parser labelled `iobj`:
        // "warned President X to avoid ...")
        let object_at = pred.object_word.or_else(|| {
            pred.object
                .first()
                .and_then(|&m| view.mentions.get(m))
                .map(|lm| lm.last)
        });
        let controlled = object_at.filter(|&o| o > pred.head).is_some_and(|o| {
            preds.iter().any(|q| {
                // (or hung by the parser on the object, "forced a
                // plane to land", whose doer it is)
                (q.governor == Some(pi) || (!pred.object.is_empty() && q.subject == pred.object))
                    && q.head > o
                    && (o + 1..q.head).any(|k| view.low(k) == "to")
            })
        });
        if !controlled {
            return Err(Miss::NoControlledObject);
        }
    }
    if pattern.actor_object
        && pred.kind == TriggerKind::Verb
        && pred.from_tree
        && (pred.passive
            // "something called 'civilians'": a reduced relative names
            // (any non-finite form but a to-infinitive, "to call X")
            || (pred.nonfinite
                && pred
                    .head
                    .checked_sub(1)
                    .is_none_or(|k| view.low(k) != "to"))
            || pred
                .object_word
                .is_none_or(|o| view.mention_at.get(o).copied().flatten().is_none()))
    {
        return Err(Miss::NoActorObject);
    }
    if pattern.guest_object
        && pred.kind == TriggerKind::Verb
        && pred.from_tree
        && !pred.passive
        && pred.object_word.is_some_and(|o| {
            view.mention_at.get(o).copied().flatten().is_none()
                && !words::is_gathering_noun(view.lemma(o))
        })
    {
        return Err(Miss::NoGuest);
    }
    if pattern.no_object
        && pred.kind == TriggerKind::Verb
        && pred.from_tree
        && !pred.passive
        && (pred.object_word.is_some() || !pred.object.is_empty())
    {
        return Err(Miss::HasObject);
    }
    if pred.kind == TriggerKind::Verb && asks_anonymity(view, pred.head) {
        return Err(Miss::Anonymity);
    }
    // "could end up in a war", "gave up its weapons": a phrasal verb the
    // pattern does not write is another verb
    if pred.kind == TriggerKind::Verb {
        if let Some(p) = pred.particle {
            let particle = view.low(p);
            if patterns.is_phrasal_idiom(&pred.lemma, particle)
                && !pattern.required.iter().any(|w| w == particle)
            {
                return Err(Miss::PhrasalIdiom(format!("{} {particle}", pred.lemma)));
            }
        }
    }
    // (an object noun of the pattern's own type is its matter: "reinforced
    // its troops")
    if pattern.no_event_object
        && pred.kind == TriggerKind::Verb
        && pred.object_word.is_some_and(|w| {
            // (a weapon or good is handed over, not done: "delivering
            // missiles to the group" aids it)
            if words::is_thing_noun(view.lemma(w)) {
                return false;
            }
            let mut acts = patterns
                .for_trigger(TriggerKind::Noun, view.lemma(w))
                .peekable();
            acts.peek().is_some() && acts.all(|p| p.plover != pattern.plover)
        })
    {
        return Err(Miss::EventObject);
    }
    // required words, in order, after the trigger and inside the clause
    let end = (pred.head + 1 + WINDOW).min(view.len()).max(pred.head + 1);
    let mut k = pred.head + 1;
    // in a passive or after an event noun the words may precede the trigger
    // ("curfew lifted", "the curfew was lifted")
    let participle = pred.nonfinite && view.pos(pred.head) == Some(dyad_core::Pos::VBN);
    let before = if pred.passive || participle || pred.kind == TriggerKind::Noun {
        pred.first.saturating_sub(8)
    } else {
        pred.head + 1
    };
    // a participle is not the noun it shares a lemma with: "cancelled a
    // planned press conference" has no plan in it
    let is_word = |j: usize, word: &str| {
        view.is(j, word) && (view.low(j) == word || view.pos(j) != Some(dyad_core::Pos::VBN))
    };
    // a word written right after the trigger ("give in to", "take control
    // of") is the verb's particle or its first word: it must follow the
    // trigger closely, not turn up anywhere in the clause ("gave tacit
    // support to X's incursion into Afrin, in north-west Syria" gives no
    // "give in to")
    let adjacent = pred.kind == TriggerKind::Verb && particle_follows_trigger(pattern);
    for (n, word) in pattern.required.iter().enumerate() {
        let end = if n == 0 && adjacent {
            (pred.head + 1 + PARTICLE_REACH).min(end)
        } else {
            end
        };
        let found = (k..end)
            .find(|&j| is_word(j, word))
            .or_else(|| (before..pred.first).find(|&j| is_word(j, word)));
        // an "of" the tree implies: the owner of an act done to it ("ordered
        // the tanker's release" reads as "the release of the tanker")
        let implied = || {
            word.as_str() == "of"
                && pred
                    .preps
                    .iter()
                    .any(|(w, case, ms)| w == "of" && !ms.is_empty() && view.low(*case) != "of")
        };
        match found {
            Some(j) if j > pred.head => k = j + 1,
            Some(_) => {}
            None if implied() => {}
            None => return Err(Miss::MissingWord(word)),
        }
    }
    // "gave instructions to X", "sent diplomats to X": a giving or sending
    // whose object is no aid
    if pattern.plover == "AID" && pred.kind == TriggerKind::Verb {
        if let Some(o) = pred.object_word {
            // "transferred her to al-Hawl", "is sending the locals to
            // Idlib": people moved are detainees or displaced, not aid
            // ("most of the locals": the people after a quantifier's "of")
            let o = share_of(view, o).unwrap_or(o);
            let people_moved = words::is_verb_of_moving(&pred.lemma)
                && words::is_moved_people(view.lemma(o), view.low(o));
            if people_moved
                || patterns.is_immaterial_object(view.lemma(o))
                || patterns.is_immaterial_object(view.low(o))
            {
                return Err(Miss::NotAid);
            }
        }
    }
    // "kill off speculation", "hit the aid spending target": violence done
    // to no body or thing
    if pattern.plover == "ASSAULT" && pred.kind == TriggerKind::Verb {
        if let Some(o) = pred.object_word {
            // a target with a share before it is a goal ("hit the 0.7%
            // aid spending target"), not something struck
            let quota = view.lemma(o) == "target"
                && (pred.head + 1..o).any(|k| matches!(view.low(k), "%" | "percent" | "per"));
            if quota
                || patterns.is_figurative_object(view.lemma(o))
                || patterns.is_figurative_object(view.low(o))
            {
                return Err(Miss::FigurativeObject);
            }
        }
    }
    // "Trump threatens British interests", "threatens regional stability":
    // a danger described, not a threat made
    if pattern.plover == "THREATEN" && pred.kind == TriggerKind::Verb {
        if let Some(o) = pred.object_word {
            if patterns.is_endangered_object(view.lemma(o))
                || patterns.is_endangered_object(view.low(o))
            {
                return Err(Miss::FigurativeObject);
            }
        }
    }
    // "backed the overthrow of X", "welcomed X's downfall": a cooperative
    // act whose object is the removal of an actor is none with that actor
    if matches!(
        pattern.plover.as_str(),
        "SUPPORT" | "AGREE" | "COOPERATE" | "AID"
    ) && pred.kind == TriggerKind::Verb
    {
        if let Some(o) = pred.object_word {
            if patterns.is_removal_object(view.lemma(o)) || patterns.is_removal_object(view.low(o))
            {
                return Err(Miss::RemovalObject);
            }
        }
    }
    let mut slots = Vec::new();
    let mut source = Vec::new();
    let mut target = Vec::new();
    for slot in &pattern.source {
        let found = read_slot(pred, slot);
        if !found.is_empty() {
            slots.push(SlotUse::Source(slot));
            source = found;
            break;
        }
    }
    for slot in &pattern.target {
        if let Slot::Pair(p) = slot {
            if let Some(ms) = pred.prep(p) {
                if let [a, b, ..] = ms {
                    if source.is_empty() {
                        source = vec![*a];
                        target = vec![*b];
                    } else {
                        target = ms.to_vec();
                    }
                    slots.push(SlotUse::Pair(slot));
                    break;
                }
            }
            continue;
        }
        let found: Vec<usize> = read_slot(pred, slot)
            .into_iter()
            .filter(|m| !source.contains(m))
            .collect();
        if !found.is_empty() {
            slots.push(SlotUse::Target(slot));
            target = found;
            break;
        }
    }
    // "condemned the arrest of X", "backed the invasion of Iraq": the "of"
    // phrase of an act done to someone names who it befell, not the party
    // the verb condemns or backs (the act's doer is: "Russia's invasion of
    // Ukraine", "the killing of X by Y", which are kept)
    if judges_objects_act(&pattern.plover)
        && pred.kind == TriggerKind::Verb
        && slots.iter().any(|s| {
            matches!(s, SlotUse::Target(Slot::Object))
                || matches!(s, SlotUse::Target(Slot::Prep(p)) if p == "of")
        })
    {
        if let Some(o) = pred.object_word.filter(|&o| {
            patterns.is_done_to_object(view.lemma(o)) || patterns.is_done_to_object(view.low(o))
        }) {
            let before = target.len();
            target.retain(|&m| !in_of_phrase(view, o, m));
            if target.len() < before {
                return Err(Miss::DoneToObject);
            }
        }
    }
    // "fought with the US against Isis": where the same act names an enemy
    // with "against", "with" names a comrade, not the other side
    if pattern.plover == "ASSAULT"
        && slots
            .iter()
            .any(|s| matches!(s, SlotUse::Target(Slot::Prep(p)) if p == "with"))
        && (pred.prep("against").is_some_and(|ms| !ms.is_empty())
            // "extremists who have fought with Isis": people who join a
            // side fight with it, not against it
            || (!source.is_empty()
                && source.iter().all(|&m| {
                    view.mentions
                        .get(m)
                        .is_some_and(|lm| words::is_joiner_noun(view.lemma(lm.last)))
                })))
    {
        return Err(Miss::Comrade);
    }
    // "SDF troops met government forces on territory held by Isis": armed
    // units that meet in the field run into each other, they hold no talks
    if pattern.plover == "CONSULT"
        && pred.kind == TriggerKind::Verb
        && !target.is_empty()
        && !target.is_empty()
        && {
            let armed = |m: &usize| {
                view.mentions
                    .get(*m)
                    .is_some_and(|lm| words::is_armed_unit_noun(view.lemma(lm.last)))
            };
            // (and "any Syrian who participates in these militias" joins
            // them: a meeting takes part "in" talks, not in a force)
            (!source.is_empty() && source.iter().chain(&target).all(armed))
                || (target.iter().all(armed)
                    && slots
                        .iter()
                        .any(|s| matches!(s, SlotUse::Target(Slot::Prep(p)) if p == "in")))
        }
    {
        return Err(Miss::Encounter);
    }
    // "arrived in Geneva for the peace talks": a city reached for a
    // meeting of others is its venue, not a host visited
    if pattern.cameo == "042"
        && pred.kind == TriggerKind::Verb
        && slots.iter().any(
            |s| matches!(s, SlotUse::Target(Slot::Prep(p)) if p == "in" || p == "to" || p == "at"),
        )
        && target
            .iter()
            .all(|&m| view.mentions.get(m).is_some_and(|lm| lm.place || lm.city))
        && for_a_meeting(view, pred.head)
    {
        return Err(Miss::Venue);
    }
    let mut located = false;
    // "the nerve agent attack in Salisbury", "abused during detention in
    // Syria": the place an act of force or coercion happened "in" or "at"
    // is where it happened, not whom it befell (the place is still given
    // as the event's place): the act has a source and no target, and with
    // no source it is no event
    // (the preposition right after the trigger: "airstrikes against a camp
    // in Pakistan" strike the camp's country; "at" only after an event
    // noun: "fired at X" aims at X; of coercion only arrests and
    // detentions: "a state of siege in X" is imposed on X)
    if (pattern.plover == "ASSAULT"
        || (pattern.plover == "COERCE" && pattern.cameo.starts_with("173")))
        && pred.from_tree
        && slots.iter().any(|s| {
            matches!(s, SlotUse::Target(Slot::Prep(p))
                if view.low(pred.head + 1) == p.as_str()
                    && (p == "in" || (p == "at" && pred.kind == TriggerKind::Noun)))
        })
        && !target.is_empty()
        && target.iter().all(|&m| locative_place(view, actors, m))
    {
        if source.is_empty() {
            return Err(Miss::Locative);
        }
        target.clear();
        slots.retain(|s| !matches!(s, SlotUse::Target(_)));
        located = true;
    }
    // "X said X should ...": a party saying what it should do itself states
    // its own course, it demands nothing of anyone; and a party saying what
    // it is or aims to do accuses no one ("the US envoy said the US aims to
    // cut Iran's crude exports to zero")
    if slots
        .iter()
        .any(|s| matches!(s, SlotUse::Target(Slot::Obliged | Slot::Blamed)))
    {
        let party = |m: &usize| {
            view.mentions
                .get(*m)
                .and_then(|lm| actors.get(lm.global))
                .map(|a| &a.actor)
        };
        // (nor of its own forces: "the zone should be patrolled by the
        // Turkish forces", a Turkish official said)
        let own_forces = |a: &dyad_core::Actor, b: &dyad_core::Actor| {
            a.country.is_some()
                && a.country == b.country
                && b.primary_sector()
                    .is_some_and(|x| matches!(x, "MIL" | "COP" | "SPY"))
        };
        target.retain(|t| {
            !source.iter().any(|s| match (party(s), party(t)) {
                (Some(a), Some(b)) => crate::record::one_party(a, b) || own_forces(a, b),
                _ => false,
            })
        });
        if target.is_empty() {
            return Err(Miss::NoTarget);
        }
    }
    let mut confidence = pattern.confidence;
    // only a direct-object slot falls back: a prepositional slot is part of
    // the pattern's meaning ("call on +", "look into +")
    // (never on a parse: an actor the tree does not link is no argument)
    if target.is_empty()
        && pattern.target.contains(&Slot::Object)
        && pred.kind == TriggerKind::Verb
        && !pred.from_tree
    {
        // fall back to the first actor after the trigger in the clause
        // (not across a comma or "according to", nor a noun modifier)
        let limit = (pred.head + WINDOW).min(pred.clause_end);
        // nor past another verb: "released footage showing … Putin" does
        // not release Putin (a participle before its noun is no verb here:
        // "released the captured soldiers")
        let stop = (pred.head + 1..limit)
            .find(|&j| {
                view.low(j) == ","
                    || view.is(j, "according")
                    || (j > pred.head + 1
                        && view
                            .pos(j)
                            .is_some_and(|p| p.is_verb() && p != dyad_core::Pos::VBN))
            })
            .unwrap_or(limit);
        if let Some(m) = (pred.head + 1..stop)
            .filter_map(|j| view.mention_at.get(j).copied().flatten())
            .find(|m| {
                !source.contains(m)
                    && !is_modifier(view, *m)
                    && !same_actor(view, actors, &source, *m)
            })
        {
            target = vec![m];
            confidence *= 0.8;
            slots.push(SlotUse::FallbackTarget);
        }
    }
    // on a parse, an empty object slot may be filled by an actor the tree
    // links to the trigger through a recipient-like preposition
    // (also for a pattern that names no target: "- open * investigation"
    // still has one in "opened investigations against banks")
    // "are receiving security briefings on Syria", "received a letter from
    // X": a meeting verb whose object is a thing met no one through it;
    // only "members of X" and "a dinner for X" still name whom
    let met_a_thing = pattern.plover == "CONSULT" && pred.object_word.is_some();
    // An object pronoun for people right after the verb fills the object
    // slot even when it stands for no actor: "the communities that support
    // them from Damascus's doorstep" do not support Damascus. ("it" is left
    // out: "blaming it on a British government" accuses the government.)
    let pronoun_object = ["them", "him", "us", "me"]
        .iter()
        .any(|w| view.is(pred.head + 1, w));
    // "rejected Australia's request for the extradition of X": a pattern
    // that writes the object noun and names no target ("- reject *
    // request") acts on the noun's owner, whom the object slot holds,
    // before any prepositional phrase of the verb
    // (only the owner of a written proposal-like noun, not the noun
    // itself: "withdraw US troops" names no one the withdrawal is from,
    // "held a cabinet meeting" no one met)
    let written_object = pred.object_word.filter(|&o| {
        pattern.required.iter().any(|w| view.is(o, w)) && words::is_proposal_noun(view.lemma(o))
    });
    if let (true, Some(o)) = (
        target.is_empty()
            && pattern.target.is_empty()
            && pred.kind == TriggerKind::Verb
            && pred.from_tree,
        written_object,
    ) {
        // the owner before the noun ("Russia's proposal") or named close
        // after it as its author ("the petition filed by X", "a request from
        // X"), not an actor in its content ("a request for X to leave")
        let authored_after = |first: usize| {
            first > o
                && first <= o + 6
                && (o + 1..first).any(|k| matches!(view.low(k), "by" | "from"))
                && !(o + 1..first).any(|k| matches!(view.low(k), "of" | "for" | "to" | "against"))
        };
        let owner: Vec<usize> = read_slot(pred, &OBJECT_SLOT)
            .into_iter()
            .filter(|m| !source.contains(m))
            .filter(|&m| {
                view.mentions
                    .get(m)
                    .is_some_and(|lm| lm.last < o || authored_after(lm.first))
            })
            .collect();
        if !owner.is_empty() {
            target = owner;
            slots.push(SlotUse::Target(&OBJECT_SLOT));
        }
    }
    // a pattern that writes a filing the verb dismisses ("- dismiss *
    // petition") acts on its filer only: with none named, no phrase inside
    // the filing stands in ("dismissed the petition for the release of X"
    // does not reject X)
    let filing_without_filer = pattern.plover == "REJECT"
        && written_object.is_some_and(|o| {
            matches!(
                view.lemma(o),
                "petition" | "complaint" | "lawsuit" | "appeal" | "motion"
            )
        });
    // "expelled the top American diplomat over the refusal of the U.S.": a
    // pattern that writes its object noun ("- expel * diplomat") and names
    // no target, where that noun is itself an actor, acts on it; a pattern
    // of its type that reads the object lends it as target (above), not a
    // prepositional phrase
    let actor_written_object = pattern.target.is_empty()
        && pred.object_word.is_some_and(|o| {
            pattern.required.iter().any(|w| view.is(o, w))
                && read_slot(pred, &OBJECT_SLOT).into_iter().any(|m| {
                    !source.contains(&m)
                        && view
                            .mentions
                            .get(m)
                            .is_some_and(|lm| lm.first <= o && o <= lm.last)
                })
        });
    if target.is_empty()
        && !pronoun_object
        && !filing_without_filer
        && !actor_written_object
        && (pattern.target.contains(&Slot::Object) || pattern.target.is_empty())
        && pred.kind == TriggerKind::Verb
        && pred.from_tree
    {
        // "backed action against Syria": whoever an act is against is
        // never the one a cooperative act helps or agrees with (yielding
        // keeps it: "lifted sanctions against Sudan" yields to Sudan)
        // (nor the one a request is made of: "called for a common stand
        // against Tehran" asks others, not Tehran)
        let cooperative = matches!(
            pattern.plover.as_str(),
            "AGREE" | "SUPPORT" | "CONSULT" | "COOPERATE" | "AID" | "REQUEST"
        );
        let hostile = matches!(pattern.plover.as_str(), "ASSAULT" | "COERCE");
        let judged_act_object = judges_objects_act(&pattern.plover)
            && pred.object_word.is_some_and(|o| {
                patterns.is_done_to_object(view.lemma(o)) || patterns.is_done_to_object(view.low(o))
            });
        let found = OBJECT_LIKE_PREPS
            .iter()
            .filter(|&&p| !(cooperative && p == "against"))
            // "pounding the towns with artillery fire": a hostile act's
            // "with" is its instrument ("clash with +" names its own slot)
            .filter(|&&p| !(hostile && p == "with"))
            // "stormed across the border from Syria", "rockets fired from
            // Gaza": an attack's "from" is where it came from
            .filter(|&&p| !(pattern.plover == "ASSAULT" && p == "from"))
            // "helped organise flights from Syria", "won backing from X":
            // help and backing come from their giver, never go to it
            .filter(|&&p| !(matches!(pattern.plover.as_str(), "AID" | "SUPPORT") && p == "from"))
            // "mobilised thousands of soldiers", "troops for the Gulf War":
            // a mobilisation's "of" names the forces moved (its own), its
            // "for" the purpose (sides14)
            .filter(|&&p| !(pattern.plover == "MOBILIZE" && matches!(p, "of" | "for")))
            .filter(|&&p| !met_a_thing || matches!(p, "of" | "for"))
            // "condemned the arrest of X": who the act befell (above)
            .filter(|&&p| !(p == "of" && judged_act_object))
            // "visited the Domiz camp in the Kurdistan region of Iraq": a
            // visit to a place that is no actor is no visit to a host
            .filter(|_| !(pattern.cameo == "042" && pred.object_word.is_some()))
            // "continues to hail its effort, within hours of a ban on X":
            // a cooperative verb whose object is a thing supports that
            // thing; an "on", "at" or "into" phrase is its topic or the
            // scene, not whom the act is for ("with", "of", "for", "to" and
            // "from" still name them: "sought a rapprochement with X";
            // hostile acts keep "on": "blamed it on X", "an offensive on X")
            .filter(|&&p| {
                !cooperative
                    || pred.object_word.is_none()
                    || !matches!(p, "on" | "upon" | "at" | "into")
            })
            .find_map(|&p| {
                pred.preps
                    .iter()
                    .find(|(q, _, ms)| q == p && ms.iter().any(|m| !source.contains(m)))
                    .map(|(_, _, ms)| (p, ms))
            });
        if let Some((p, ms)) = found {
            target = ms.iter().copied().filter(|m| !source.contains(m)).collect();
            confidence *= 0.85;
            slots.push(SlotUse::OblTarget(p));
        }
    }
    // on a parse, an empty object slot may be filled by the counterpart a
    // complement clause names ("refused to meet X", "refused to lift
    // sanctions on X", "demanded that X resign"); a lone "to" slot stands
    // for the infinitive's marker too ("- X to +" read on "X to lift ...")
    if target.is_empty()
        && !actor_written_object
        && (pattern.target.contains(&Slot::Object)
            || pattern.target.is_empty()
            || pattern
                .target
                .iter()
                .all(|s| matches!(s, Slot::Prep(p) if p == "to")))
        && pred.kind == TriggerKind::Verb
        && pred.from_tree
    {
        let found: Vec<usize> = pred
            .complement
            .iter()
            .copied()
            .filter(|m| !source.contains(m) && !same_actor(view, actors, &source, *m))
            .filter(|m| !same_country(view, actors, &source, *m))
            .collect();
        if !found.is_empty() {
            target = found;
            confidence *= 0.8;
            slots.push(SlotUse::Complement);
        }
    }
    // "fighting Isis, not Assad", "approved by Moscow, not by Assad": an
    // actor the text sets apart with "not" takes no part in the act
    target.retain(|&m| !set_apart_by_not(view, m));
    // "X and Y fought alongside Z", "... fought together": allies, not
    // each other's foes
    let allied = || {
        (pred.head + 1..pred.clause_end.min(view.len()))
            .any(|k| matches!(view.low(k), "alongside" | "together"))
    };
    if pattern.symmetric && target.is_empty() && source.len() >= 2 && !allied() {
        target = source.split_off(1);
        slots.push(SlotUse::Reciprocal);
    }
    // "X and Y agreed to hold exercises": the agreement is between them; a
    // lone party agreeing to something is some other pattern's business
    if pattern.pair_only && !slots.iter().any(|s| matches!(s, SlotUse::Reciprocal)) {
        return Err(Miss::NotPair);
    }
    if target.is_empty() && !pattern.target.is_empty() && !located {
        return Err(Miss::NoTarget);
    }
    if source.is_empty() && target.is_empty() {
        return Err(Miss::NoActor);
    }
    if !pattern.source_sectors.is_empty() {
        let sector_ok = source.iter().any(|&m| {
            view.mentions
                .get(m)
                .and_then(|lm| actors.get(lm.global))
                .is_some_and(|a| {
                    a.actor
                        .sectors
                        .iter()
                        .any(|s| pattern.source_sectors.contains(s))
                })
        });
        if !sector_ok {
            return Err(Miss::SourceSector);
        }
    }
    // "ordered US forces to leave": a government's command of its own
    // armed forces or police demands nothing of another party
    if pattern.not_own_forces {
        let actor_of = |m: &usize| {
            view.mentions
                .get(*m)
                .and_then(|lm| actors.get(lm.global))
                .map(|a| &a.actor)
        };
        let countries: Vec<&str> = source
            .iter()
            .filter_map(actor_of)
            .filter_map(|a| a.country.as_deref())
            .collect();
        let own_forces = !target.is_empty()
            && target.iter().filter_map(actor_of).all(|a| {
                a.sectors
                    .iter()
                    .any(|s| matches!(s.as_str(), "MIL" | "COP" | "SPY"))
                    && a.country.as_deref().is_none_or(|c| countries.contains(&c))
            });
        if own_forces {
            return Err(Miss::OwnForces);
        }
    }
    // an event needs its actor; only an agentless passive ("X was arrested")
    // may leave it unknown
    // an event noun with its target in a named slot ("a shutdown in X",
    // "the attack on Y") is kept with an unknown source, at lower confidence
    let noun_with_target = pred.kind == TriggerKind::Noun
        && slots
            .iter()
            .any(|s| matches!(s, SlotUse::Target(Slot::Prep(_)) | SlotUse::Pair(_)));
    if source.is_empty() && !(pred.kind == TriggerKind::Verb && pred.passive) && !noun_with_target {
        return Err(Miss::NoSource);
    }
    if source.is_empty() {
        confidence *= 0.8;
    }
    // "Brazil investigated ...", "Canada had decided to accept ...": the
    // verb, or a verb of decision governing it, is a state's act
    let state_act = pred.kind == TriggerKind::Verb
        && (patterns.is_state_act(&pred.lemma)
            || pred
                .governor
                .and_then(|g| preds.get(g))
                .is_some_and(|g| g.kind == TriggerKind::Verb && patterns.is_state_act(&g.lemma)));
    Ok(Match {
        pattern,
        predicate: pi,
        source,
        target,
        slots,
        factuality: Factuality::Asserted,
        factuality_reason: String::new(),
        attributed_to: None,
        confidence,
        retyped: None,
        state_act,
    })
}

/// Prepositions whose object may stand in for an empty direct object on a
/// parse, in order of preference (recipients and counterparts, not places
/// or times).
/// How far after a verb trigger a word the pattern writes right after it may
/// be: "gave up", "gave it up", "called on Monday for".
const PARTICLE_REACH: usize = 4;

/// Whether the pattern writes its first required word right after the
/// trigger ("- give in to +", "- take control of +").
fn particle_follows_trigger(pattern: &Pattern) -> bool {
    let Some(first) = pattern.required.first() else {
        return false;
    };
    let words: Vec<&str> = pattern.text.split_whitespace().collect();
    // only particles and prepositions: a noun may come after its
    // determiners and adjectives ("began a new round of joint exercises")
    let particle = crate::patterns::SLOT_PREPS.contains(&first.as_str())
        || matches!(first.as_str(), "up" | "down" | "back" | "away");
    particle
        && words
            .iter()
            .position(|w| *w == pattern.trigger)
            .and_then(|t| words.get(t + 1))
            .is_some_and(|next| next == first)
}

const OBJECT_LIKE_PREPS: [&str; 13] = [
    "against", "on", "with", "from", "to", "toward", "towards", "upon", "at", "into", "for", "of",
    "by",
];

/// True when mention `m` names the same actor as one of `source` ("Putin
/// … he").
fn same_actor(view: &SentenceView<'_>, actors: Mentions<'_>, source: &[usize], m: usize) -> bool {
    let actor = |i: usize| {
        view.mentions
            .get(i)
            .and_then(|lm| actors.get(lm.global))
            .map(|a| &a.actor)
    };
    let Some(a) = actor(m) else { return false };
    source
        .iter()
        .any(|&s| actor(s).is_some_and(|b| b.name == a.name && b.code() == a.code()))
}

/// True when mention `m` has a country and one of `source` has the same
/// one: a complement's own forces or citizens are no counterpart ("threatened
/// to send Turkish forces", "agreed to keep US troops").
fn same_country(view: &SentenceView<'_>, actors: Mentions<'_>, source: &[usize], m: usize) -> bool {
    let country = |i: usize| {
        view.mentions
            .get(i)
            .and_then(|lm| actors.get(lm.global))
            .and_then(|a| a.actor.country.clone())
    };
    let Some(c) = country(m) else { return false };
    source.iter().any(|&s| country(s).is_some_and(|d| d == c))
}

/// A mention used as a noun modifier ("North Korean missiles") is not an
/// argument by itself.
/// True when mention `m` is a place: a toponym standing for its country
/// ([`crate::locative`]), a city, or a bare country name (not a government
/// or group named for it).
fn locative_place(view: &SentenceView<'_>, actors: Mentions<'_>, m: usize) -> bool {
    view.mentions.get(m).is_some_and(|lm| {
        lm.place
            || lm.city
            || actors.get(lm.global).is_some_and(|a| {
                a.kind == dyad_core::MentionKind::Country && a.actor.primary_sector().is_none()
            })
    })
}

fn is_modifier(view: &SentenceView<'_>, m: usize) -> bool {
    view.mentions.get(m).is_some_and(|lm| {
        view.pos(lm.last + 1)
            .is_some_and(|p| p.is_noun() || p.is_adjective())
    })
}

fn read_slot(pred: &Predicate, slot: &Slot) -> Vec<usize> {
    match slot {
        Slot::Subject => {
            if pred.kind == TriggerKind::Noun {
                let by = pred.prep("by").map(<[usize]>::to_vec).unwrap_or_default();
                if pred.subject.is_empty() {
                    by
                } else {
                    pred.subject.clone()
                }
            } else {
                pred.agent()
            }
        }
        Slot::Object => {
            if pred.kind == TriggerKind::Noun {
                pred.prep("of").map(<[usize]>::to_vec).unwrap_or_default()
            } else {
                pred.patient()
            }
        }
        Slot::Prep(p) => pred.prep(p).map(<[usize]>::to_vec).unwrap_or_default(),
        Slot::Pair(p) => pred.prep(p).map(<[usize]>::to_vec).unwrap_or_default(),
        Slot::Obliged => pred.obliged.clone(),
        Slot::Blamed => pred.blamed.clone(),
    }
}

/// Factuality of predicate `pi` from its own verb group and its governors.
pub fn factuality(view: &SentenceView<'_>, preds: &[Predicate], pi: usize) -> (Factuality, String) {
    let mut cur = pi;
    for _ in 0..4 {
        let Some(p) = preds.get(cur) else { break };
        if p.negated {
            return (
                Factuality::Negated,
                format!("negated verb group at '{}'", view.low(p.head)),
            );
        }
        if let Some(m) = &p.modal {
            if words::is_future_modal(m.as_str()) {
                return (Factuality::Intended, format!("future modal '{m}'"));
            }
            if words::is_hypothetical_modal(m.as_str()) {
                return (Factuality::Hypothetical, format!("modal '{m}'"));
            }
        }
        // "will attack X and destroy Y": the earlier conjunct's group decides
        if let Some(q) = p.coordinated {
            cur = q;
            continue;
        }
        // "likely to", "plans to", "readiness to": the word before "to"
        if p.kind == TriggerKind::Verb
            && p.first > 0
            && view.pos(p.first) == Some(dyad_core::Pos::TO)
        {
            for back in 1..=2 {
                let Some(k) = p.first.checked_sub(back) else {
                    break;
                };
                let w = view.lemma(k);
                if words::is_hypothetical_governor(w) {
                    return (Factuality::Hypothetical, format!("'{w} to'"));
                }
                if words::is_intent_governor(w) && !view.pos(k).is_some_and(|q| q.is_verb()) {
                    return (Factuality::Intended, format!("'{w} to'"));
                }
            }
        }
        if p.tense == Tense::Future {
            return (Factuality::Intended, "future tense".into());
        }
        if let Some(k) = (p.first.saturating_sub(WINDOW)..p.first)
            .rev()
            .take_while(|&k| view.low(k) != "," || k + 1 == p.first)
            .find(|&k| matches!(view.low(k), "if" | "unless"))
        {
            return (
                Factuality::Hypothetical,
                format!("conditional '{}'", view.low(k)),
            );
        }
        let Some(g) = p.governor else { break };
        let Some(gov) = preds.get(g) else { break };
        if !p.nonfinite {
            break;
        }
        let gl = gov.lemma.as_str();
        if words::is_denial_governor(gl) {
            return (Factuality::Denied, format!("governed by '{gl}'"));
        }
        if words::is_negating_governor(gl) {
            return (Factuality::Negated, format!("governed by '{gl}'"));
        }
        if words::is_hypothetical_governor(gl) {
            return (Factuality::Hypothetical, format!("governed by '{gl}'"));
        }
        if words::is_intent_governor(gl) && view.pos(p.first) == Some(dyad_core::Pos::TO) {
            return (Factuality::Intended, format!("governed by '{gl} to'"));
        }
        cur = g;
    }
    (Factuality::Asserted, "asserted".into())
}

/// Whether local mentions `a` and `b` are one actor by coreference ("“We
/// call upon ...,” Zakharova said", where "We" is hers), so an event with
/// source `a` is `b`'s own statement, not a report of it.
fn refers_to(view: &SentenceView<'_>, actors: Mentions<'_>, a: usize, b: usize) -> bool {
    let global = |m: usize| view.mentions.get(m).map(|lm| lm.global);
    let (Some(ga), Some(gb)) = (global(a), global(b)) else {
        return false;
    };
    let antecedent = |g: usize| actors.get(g).and_then(|m| m.antecedent);
    // either refers to the other, or both to the same speaker ("I am
    // asking ... wherever we find them")
    antecedent(ga) == Some(gb)
        || antecedent(gb) == Some(ga)
        || antecedent(ga).is_some() && antecedent(ga) == antecedent(gb)
}

/// A speaker and the token range their report covers.
struct Attribution {
    speaker: usize,
    from: usize,
    to: usize,
    why: String,
}

impl Attribution {
    fn covers(&self, tok: usize) -> Option<(usize, String)> {
        (self.from <= tok && tok < self.to).then(|| (self.speaker, self.why.clone()))
    }
}

/// Reported speech: "X said (that) ...", "..., X said", "according to X",
/// and allegations ("X accused Y of ...ing").
fn attributions(
    view: &SentenceView<'_>,
    preds: &[Predicate],
    tree: Option<&DepTree<'_>>,
) -> Vec<Attribution> {
    let mut out = Vec::new();
    for k in 0..view.len() {
        // cheap necessary test first: "according" as lemma or as the start
        // of the lower-case form (what `is` accepts)
        let maybe = view.lemma(k) == "according" || view.low(k).starts_with("according");
        if maybe && view.is(k, "according") && view.is(k + 1, "to") {
            if let Some(m) = view.mention_at.get(k + 2).copied().flatten() {
                out.push(Attribution {
                    speaker: m,
                    from: 0,
                    to: view.len(),
                    why: "reported: 'according to'".into(),
                });
            }
        }
    }
    for p in preds {
        if p.kind != TriggerKind::Verb {
            continue;
        }
        let speech = words::is_speech_verb(p.lemma.as_str());
        let allegation = words::is_allegation_verb(p.lemma.as_str());
        if !speech && !allegation {
            continue;
        }
        let Some(&speaker) = p.agent().first() else {
            continue;
        };
        let later = preds
            .iter()
            .any(|q| q.head > p.head && q.kind == TriggerKind::Verb);
        let speaker_first = view.mentions.get(speaker).map(|m| m.first).unwrap_or(0);
        // a verb of saying with a thing for its object and no clause
        // reports nothing ("the US is showing a new commitment")
        let reports_nothing = tree.is_some_and(|t| {
            let kids = t.kids(p.head);
            kids.iter().any(|&k| t.rel(k) == "obj")
                && !kids
                    .iter()
                    .any(|&k| matches!(t.rel(k), "ccomp" | "parataxis" | "xcomp"))
        });
        if (later && !reports_nothing) || allegation {
            out.push(Attribution {
                speaker,
                from: p.head + 1,
                to: view.len(),
                why: format!("reported: '{}' by its subject", view.low(p.head)),
            });
        } else if speaker_first > 0 {
            out.push(Attribution {
                speaker,
                from: 0,
                to: speaker_first,
                why: format!("reported: trailing '{}'", view.low(p.head)),
            });
        }
    }
    out
}

/// Whether mention `m` lies in the "of" phrase right after act noun `o`
/// ("the arrest of X"; not after a "by" naming the doer: "the killing of
/// civilians by X").
fn in_of_phrase(view: &SentenceView<'_>, o: usize, m: usize) -> bool {
    let Some(lm) = view.mentions.get(m) else {
        return false;
    };
    lm.first > o + 1
        && view.low(o + 1) == "of"
        && !(o + 2..lm.first).any(|k| matches!(view.low(k), "by" | "from"))
}

/// Types whose verb approves or condemns its object: with an act noun as
/// object, the party judged is the act's doer ("condemned Russia's
/// invasion"), never who the act befell ("condemned the arrest of X").
fn judges_objects_act(plover: &str) -> bool {
    matches!(
        plover,
        "SUPPORT" | "AGREE" | "COOPERATE" | "AID" | "ACCUSE" | "REJECT" | "PROTEST"
    )
}
