//! Factuality read from the dependency tree: negation scope, modals,
//! conditionals, "without" clauses, questions, and the governors an event
//! is embedded under (intention and plan verbs, denials, refusals,
//! possibility words), walking up from the trigger.
//!
//! The scope of a negation or modal is the verb (or noun) it attaches to
//! and what that verb governs through `xcomp`, `acl` and event-noun
//! objects ("did not agree to withdraw"): not the whole sentence, and not
//! a relative clause or a coordinated verb of its own.

use dyad_core::Factuality;

use crate::clause::{DepTree, SentenceView};
use crate::words;

/// Nouns that make the event they govern hypothetical ("the prospect of an
/// attack", "the threat of strikes", "calls for talks").
/// Nouns of ability, right and duty: "the right to", "a commitment to";
/// and of the means for an act ("evidence to prosecute").
fn is_modal_noun(w: &str) -> bool {
    matches!(
        w,
        "right"
            | "ability"
            | "capacity"
            | "capability"
            | "power"
            | "freedom"
            | "authority"
            | "duty"
            | "obligation"
            | "responsibility"
            | "commitment"
            | "willingness"
            | "readiness"
            | "need"
            | "means"
            | "mandate"
            | "remit"
            | "permission"
            | "licence"
            | "license"
            // what one has or lacks for an act: "evidence to prosecute X",
            // "the resources to rebuild", "leverage to force X"
            | "evidence"
            | "proof"
            | "grounds"
            | "basis"
            | "resource"
            | "resources"
            | "fund"
            | "funds"
            | "funding"
            | "money"
            | "tool"
            | "tools"
            | "leverage"
    )
}

/// Nouns of resolve: "determination to fight on", "a vow to retaliate":
/// the infinitive they govern is intended, not done. ("Trump's decision to
/// withdraw" is not here: a decision taken is reported as the act.)
fn is_intent_noun(w: &str) -> bool {
    matches!(
        w,
        "determination"
            | "resolve"
            | "intention"
            | "intent"
            | "pledge"
            | "vow"
            | "promise"
            | "aim"
            | "goal"
            | "ambition"
            | "desire"
            | "wish"
    )
}

/// Bodies and undertakings whose infinitive says what they are for: "a
/// force to protect X", "a mission to rescue", "a fund to rebuild".
fn is_purpose_noun(w: &str) -> bool {
    matches!(
        w,
        // (not "operation", "campaign": "a campaign to oust Isis" that was
        // fought is the fight itself; nor "forces", the last word of names
        // such as the Syrian Democratic Forces)
        "force"
            | "mission"
            | "unit"
            | "team"
            | "task"
            | "taskforce"
            | "body"
            | "mechanism"
            | "committee"
            | "commission"
            | "fund"
            | "programme"
            | "program"
            | "scheme"
            | "initiative"
    )
}

fn is_hypothetical_noun(w: &str) -> bool {
    matches!(
        w,
        "prospect"
            | "possibility"
            | "threat"
            | "risk"
            | "fear"
            | "danger"
            | "call"
            | "demand"
            | "plan"
            | "proposal"
            | "option"
            | "idea"
            | "hope"
            | "chance"
            | "attempt"
            | "bid"
            | "effort"
            | "offer"
            | "request"
            | "warning"
            | "ultimatum"
            | "push"
            // asked or told, not yet done: "an invitation to visit Turkey",
            // "orders to withdraw"
            | "invitation"
            | "appeal"
            | "order"
            | "orders"
            | "instruction"
            | "instructions"
    )
}

/// Predicates of a copular clause that put its subject event in the
/// future or among possibilities: "an attack is likely", "a deal is
/// imminent", "clashes are a possibility".
fn is_prospect_predicate(w: &str) -> bool {
    matches!(
        w,
        "possible"
            | "likely"
            | "unlikely"
            | "probable"
            | "improbable"
            | "imminent"
            | "inevitable"
            | "conceivable"
            | "expected"
            | "impending"
            | "looming"
            | "near"
            | "scenario"
            | "likelihood"
            | "certainty"
    )
}

/// Verbs whose object event is not (yet) an act: "called for talks",
/// "threatened an attack", "demanded a ceasefire", "proposed a meeting".
fn is_irrealis_object_verb(w: &str) -> bool {
    matches!(
        w,
        "call"
            | "demand"
            | "urge"
            | "seek"
            | "want"
            | "propose"
            | "threaten"
            | "plan"
            | "consider"
            | "prepare"
            | "request"
            | "suggest"
            | "recommend"
            | "favour"
            | "favor"
            | "support"
            | "oppose"
            | "reject"
            | "rule"
            | "risk"
            | "fear"
            | "warn"
            | "avoid"
            | "prevent"
            | "block"
            | "delay"
            | "postpone"
            // advocated or awaited: "advocated air strikes against X",
            // "expects an offensive"
            | "advocate"
            | "push"
            | "press"
            | "lobby"
            | "anticipate"
            | "expect"
            | "await"
            | "envisage"
            | "contemplate"
    )
}

/// Nouns whose relative clause ("in which", "under which") states terms:
/// "a deal in which Turkey backs X".
fn is_terms_noun(w: &str) -> bool {
    matches!(
        w,
        "deal"
            | "agreement"
            | "plan"
            | "proposal"
            | "accord"
            | "arrangement"
            | "compromise"
            | "settlement"
            | "scenario"
            | "framework"
            | "roadmap"
            | "bargain"
            | "pact"
            | "treaty"
    )
}

/// Verbs that make or provide a force or a means: "build a force to
/// patrol", "formed a coalition to fight", "provided weapons to fight".
fn is_making_verb(w: &str) -> bool {
    matches!(
        w,
        "build"
            | "create"
            | "form"
            | "establish"
            | "set"
            | "assemble"
            | "provide"
            | "give"
            | "supply"
            | "allocate"
            | "fund"
            | "finance"
    )
}

/// Verbs whose "for" phrase names an act not (yet) done: "bracing for an
/// attack", "called for strikes", "lobbied for sanctions".
fn is_awaiting_for_verb(w: &str) -> bool {
    matches!(
        w,
        "brace"
            | "prepare"
            | "call"
            | "push"
            | "press"
            | "lobby"
            | "campaign"
            | "appeal"
            | "ask"
            | "plead"
            | "argue"
            | "wait"
            | "hope"
            | "pray"
            | "vote"
            | "clamour"
            | "clamor"
    )
}

/// Verbs that ask someone else to act: the act is requested, not done.
fn is_request_verb(w: &str) -> bool {
    matches!(
        w,
        "urge"
            | "ask"
            | "call"
            | "press"
            | "demand"
            | "request"
            | "encourage"
            | "invite"
            | "tell"
            | "appeal"
            | "beg"
            | "advise"
            | "order"
            | "implore"
            | "challenge"
    )
}

/// "it is likely Washington and Moscow will side with Ankara": a
/// likelihood adjective right before the clause's subject (optionally with
/// "that") makes it a prediction, wherever the parser hung the clause.
fn likelihood_before_subject(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    trigger: usize,
) -> Option<&'static str> {
    let subject = tree
        .kids(trigger)
        .iter()
        .copied()
        .find(|&c| matches!(tree.rel(c), "nsubj" | "nsubj:pass"))?;
    // the subject's first word
    let mut first = subject;
    while let Some(&k) = tree.kids(first).iter().min() {
        if k >= first {
            break;
        }
        first = k;
    }
    let mut before = first.checked_sub(1)?;
    if view.low(before) == "that" {
        before = before.checked_sub(1)?;
    }
    ["likely", "unlikely", "possible", "probable", "expected"]
        .into_iter()
        .find(|w| view.low(before) == *w)
}

/// The factuality of the event triggered at token `trigger`, with the
/// reason for explanations.
/// "The outlines of a deal are discernible – in which Turkey backs X and
/// Moscow accedes to Y": a clause opened by "in/under/by which" or
/// "whereby", right after an agreement or plan noun, states its terms, not
/// acts, even when the parser hangs it on the main clause instead of the
/// noun. Returns the noun.
fn terms_clause<'v>(
    view: &'v SentenceView<'_>,
    tree: &DepTree<'_>,
    trigger: usize,
) -> Option<&'v str> {
    let clause = if tree.rel(trigger) == "conj" {
        tree.head(trigger)?
    } else {
        trigger
    };
    if tree.rel(clause) == "acl:relcl" {
        return None;
    }
    let which = tree.kids(clause).iter().copied().find(|&k| {
        let low = view.low(k);
        (low == "whereby" && k < clause)
            || (low == "which"
                && k < clause
                && tree.kids(k).iter().any(|&c| {
                    tree.rel(c) == "case" && matches!(view.low(c), "in" | "under" | "by")
                }))
    })?;
    // the preposition's own token when it comes first ("in which")
    let start = if view.low(which) == "which" {
        which.checked_sub(1)?
    } else {
        which
    };
    let noun = (start.saturating_sub(5)..start)
        .rev()
        .find(|&k| matches!(tree.upos(k), "NOUN" | "PROPN"))?;
    is_terms_noun(view.lemma(noun)).then(|| view.lemma(noun))
}

pub fn tree_factuality(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    trigger: usize,
) -> (Factuality, String) {
    let question = (0..view.len())
        .rev()
        .find(|&k| view.low(k) != "\u{201d}" && view.low(k) != "\"")
        .is_some_and(|k| view.low(k) == "?");
    if let Some(word) = likelihood_before_subject(view, tree, trigger) {
        return (
            Factuality::Hypothetical,
            format!("'{word}' before the clause"),
        );
    }
    if let Some(noun) = terms_clause(view, tree, trigger) {
        return (
            Factuality::Hypothetical,
            format!("the terms of a '{noun}' (a relative clause the parser left unattached)"),
        );
    }
    let mut cur = trigger;
    for _ in 0..8 {
        // the word's own modifiers
        for &c in tree.kids(cur) {
            let low = view.low(c);
            match tree.rel(c) {
                "advmod" | "neg" if words::is_not_adverb(low) => {
                    return (
                        Factuality::Negated,
                        format!("'{low}' on '{}'", view.low(cur)),
                    );
                }
                // "cannot" is one token: a modal that negates
                "aux" if low == "cannot" => {
                    return (
                        Factuality::Negated,
                        format!("'cannot' on '{}'", view.low(cur)),
                    );
                }
                "det" if low == "no" && cur == trigger => {
                    return (Factuality::Negated, format!("'no {}'", view.low(cur)));
                }
                "aux" if tree.xpos(c) == "MD" => {
                    // "will not provide": the negation wins over the modal,
                    // wherever it sits among the verb's dependents
                    if let Some(&n) = tree.kids(cur).iter().find(|&&k| {
                        matches!(tree.rel(k), "advmod" | "neg") && words::is_not_adverb(view.low(k))
                    }) {
                        return (
                            Factuality::Negated,
                            format!("'{low} {}' on '{}'", view.low(n), view.low(cur)),
                        );
                    }
                    // "will already have shared": a future perfect is the
                    // writer's inference about a past act, neither intended
                    // nor known
                    let perfect = tree.xpos(cur) == "VBN"
                        && tree
                            .kids(cur)
                            .iter()
                            .any(|&k| k > c && tree.rel(k) == "aux" && view.lemma(k) == "have");
                    if words::is_future_modal(low) && perfect {
                        return (
                            Factuality::Hypothetical,
                            format!("'{low} have' inferring a past act"),
                        );
                    }
                    if words::is_future_modal(low) {
                        return (Factuality::Intended, format!("future modal '{low}'"));
                    }
                    // "said it would attack": the reported "will" of the
                    // speaker, not a conditional
                    let reported_future = low == "would"
                        && tree.rel(cur) == "ccomp"
                        && tree.head(cur).is_some_and(|h| {
                            words::is_speech_verb(view.lemma(h))
                                || words::is_commitment_verb(view.lemma(h))
                        })
                        && !tree.kids(cur).iter().any(|&k| {
                            tree.rel(k) == "mark" && matches!(view.low(k), "if" | "unless")
                        });
                    if reported_future {
                        return (
                            Factuality::Intended,
                            "'would' reporting a future act".into(),
                        );
                    }
                    // "I would ask the government not to cancel": a polite
                    // request made in the saying, by the speaker, not a
                    // conditional one
                    let performative = low == "would"
                        && cur == trigger
                        && is_performative_request(view.lemma(cur))
                        && tree
                            .kids(cur)
                            .iter()
                            .any(|&k| tree.rel(k) == "nsubj" && matches!(view.low(k), "i" | "we"));
                    if performative {
                        return (
                            Factuality::Asserted,
                            format!(
                                "'I/we would {}': a request made by saying it",
                                view.low(cur)
                            ),
                        );
                    }
                    if words::is_hypothetical_modal(low) {
                        return (Factuality::Hypothetical, format!("modal '{low}'"));
                    }
                }
                "mark" if matches!(low, "if" | "unless" | "whether") => {
                    return (Factuality::Hypothetical, format!("conditional '{low}'"));
                }
                // "the planned summit", "upcoming talks": an event noun
                // placed in the future by its own modifier
                "amod" if cur == trigger && words::is_prospective_modifier(low) => {
                    return (Factuality::Intended, format!("'{low} {}'", view.low(cur)));
                }
                "amod" if cur == trigger && words::is_possibility_modifier(low) => {
                    return (
                        Factuality::Hypothetical,
                        format!("'{low} {}'", view.low(cur)),
                    );
                }
                // "a summit to be held in Tehran on Friday", "talks to take
                // place next week": an event noun arranged for later
                "acl" if cur == trigger && is_to_be_held(view, tree, c) => {
                    return (
                        Factuality::Intended,
                        format!("'{} to be {}'", view.low(cur), view.low(c)),
                    );
                }
                "mark" | "case" if low == "without" => {
                    return (Factuality::Negated, "'without' clause".into());
                }
                _ => {}
            }
        }
        let Some(h) = tree.head(cur) else {
            if question {
                return (Factuality::Hypothetical, "question".into());
            }
            break;
        };
        let gl = view.lemma(h);
        let rel = tree.rel(cur);
        let to_marked = tree
            .kids(cur)
            .iter()
            .any(|&c| tree.rel(c) == "mark" && view.low(c) == "to");
        match tree.base_rel(cur) {
            // "called X to congratulate him": what a telephone call was made
            // to say is said in it, as real as the call
            "xcomp" | "advcl" if to_marked && crate::clause::is_call_purpose(view, tree, cur) => {}
            // "a summit is planned for Friday", "talks are scheduled": the
            // passive subject of a verb of arranging is a later event
            "nsubj"
                if cur == trigger
                    && rel == "nsubj:pass"
                    && (words::is_scheduling_verb(gl) || is_to_be_held(view, tree, h))
                    && tree.kids(h).iter().all(|&k| {
                        !(matches!(tree.rel(k), "advmod") && words::is_not_adverb(view.low(k)))
                    }) =>
            {
                return (Factuality::Intended, format!("'{}' {gl}", view.low(cur)));
            }
            // a conjunct is under its first conjunct's negation and modals
            // only when it has no auxiliary of its own
            "conj" => {
                let own_aux = tree
                    .kids(cur)
                    .iter()
                    .any(|&c| matches!(tree.rel(c), "aux" | "aux:pass" | "nsubj" | "nsubj:pass"));
                if own_aux {
                    break;
                }
            }
            // "disputes the UK claim that the OPCW backed X", "rejected
            // reports that Y attacked": the content of a claim someone
            // denies is denied
            "acl"
                if rel == "acl"
                    && is_claim_noun(gl)
                    && tree
                        .kids(cur)
                        .iter()
                        .any(|&k| tree.rel(k) == "mark" && view.low(k) == "that") =>
            {
                let denier = tree
                    .head(h)
                    .filter(|_| tree.rel(h) == "obj")
                    .map(|g| view.lemma(g))
                    .filter(|g| words::is_denial_governor(g) || *g == "dispute");
                if let Some(g) = denier {
                    return (Factuality::Denied, format!("'{g} the {gl} that'"));
                }
            }
            // "the right to protect", "a commitment to protect": an
            // infinitive that says what a noun allows or owes reports no act
            "acl" if to_marked && is_modal_noun(gl) => {
                return (Factuality::Hypothetical, format!("'{gl} to'"));
            }
            "acl" if to_marked && is_intent_noun(gl) => {
                return (Factuality::Intended, format!("'{gl} to'"));
            }
            // "a European force to protect the Kurds", "a mission to rescue
            // them": an infinitive saying what a body or an undertaking is
            // for is its purpose, not a reported act
            "acl" if to_marked && is_purpose_noun(gl) => {
                return (Factuality::Intended, format!("the purpose of a '{gl}'"));
            }
            // "a deal in which Turkey backs X", "a plan under which the
            // US would leave", "a deal where X agrees with Y": the terms of
            // an agreement or a plan, not acts
            "acl"
                if rel == "acl:relcl"
                    && is_terms_noun(gl)
                    && tree.kids(cur).iter().any(|&k| {
                        matches!(view.low(k), "which" | "where" | "whereby")
                            || tree
                                .kids(k)
                                .iter()
                                .any(|&w| view.low(w) == "which" && tree.rel(k).starts_with("obl"))
                    }) =>
            {
                return (Factuality::Hypothetical, format!("the terms of a '{gl}'"));
            }
            // "the demand that Germany repatriate ...": what is demanded
            "acl"
                if rel == "acl:relcl"
                    && crate::clause::is_mandative_content_clause(view, tree, tree, cur) =>
            {
                return (Factuality::Hypothetical, format!("demanded in '{gl} that'"));
            }
            "xcomp" | "acl" if rel != "acl:relcl" => {
                if words::is_denial_governor(gl) {
                    return (Factuality::Denied, format!("governed by '{gl}'"));
                }
                if words::is_negating_governor(gl) {
                    return (Factuality::Negated, format!("governed by '{gl}'"));
                }
                // (the verb "offer" commits its subject as "pledge" does: "offered
                // to send aid" is an offer made, PLOVER AGREE; the noun "an
                // offer to send aid" stays weighed)
                let offered = gl == "offer" && tree.upos(h) == "VERB";
                if words::is_hypothetical_governor(gl) || (is_hypothetical_noun(gl) && !offered) {
                    return (Factuality::Hypothetical, format!("governed by '{gl}'"));
                }
                // "the levers the US has to pressure Moscow": a present
                // obligation or means, not (yet) an act ("had to withdraw"
                // in the past mostly reports what was done, and stays)
                if gl == "have"
                    && to_marked
                    && tree.upos(h) == "VERB"
                    && matches!(tree.xpos(h), "VB" | "VBP" | "VBZ")
                    // "do not have the numbers to launch": the negation
                    // above wins
                    && !tree
                        .kids(h)
                        .iter()
                        .any(|&k| words::is_not_adverb(view.low(k)))
                {
                    return (Factuality::Hypothetical, "obligation 'have to'".into());
                }
                // "expressed its readiness to supply weapons", "reaffirmed
                // its commitment to help": the parser hangs the infinitive on
                // the verb, but it says what the noun right before it allows,
                // owes or resolves
                if to_marked && tree.base_rel(cur) == "xcomp" {
                    let noun = tree
                        .kids(h)
                        .iter()
                        .copied()
                        .find(|&k| tree.rel(k) == "obj" && k < cur && cur - k <= 3);
                    if let Some(n) = noun {
                        let nl = view.lemma(n);
                        if is_modal_noun(nl) {
                            return (Factuality::Hypothetical, format!("'{nl} to'"));
                        }
                        if is_intent_noun(nl) {
                            return (Factuality::Intended, format!("'{nl} to'"));
                        }
                    }
                }
                // "urged Turkey to withdraw": asked for, not done
                if is_request_verb(gl) {
                    return (Factuality::Hypothetical, format!("requested by '{gl}'"));
                }
                // "called for the OPCW to deploy", "appealed to Iran to
                // stop": the parser hangs the infinitive on the addressee
                if to_marked && matches!(tree.base_rel(h), "obl" | "obj") {
                    if let Some(r) = tree.head(h).filter(|&r| is_request_verb(view.lemma(r))) {
                        let asked = view.lemma(r);
                        return (Factuality::Hypothetical, format!("requested by '{asked}'"));
                    }
                }
                // "is considering suspending its aid": weighed, not done
                if tree.xpos(cur) == "VBG"
                    && matches!(
                        gl,
                        "consider"
                            | "weigh"
                            | "mull"
                            | "contemplate"
                            | "discuss"
                            | "debate"
                            | "propose"
                            | "suggest"
                            | "recommend"
                            | "explore"
                    )
                {
                    return (Factuality::Hypothetical, format!("weighed under '{gl}'"));
                }
                if words::is_intent_governor(gl) && (to_marked || tree.xpos(cur) == "VB") {
                    return (Factuality::Intended, format!("governed by '{gl} to'"));
                }
                // "travelled to Syria to fight": the purpose of a journey
                // or a deployment, not (yet) an act
                // (the form too: the Brill tagger may take "travelled" for
                // an adjective and leave it unlemmatised)
                let journey = |w: &str| {
                    matches!(
                        w,
                        "travel"
                            | "go"
                            | "come"
                            | "fly"
                            | "head"
                            | "move"
                            | "arrive"
                            | "return"
                            | "deploy"
                            | "send"
                            | "dispatch"
                            | "leave"
                            | "cross"
                            | "flee"
                            | "travelled"
                            | "traveled"
                            | "went"
                            | "came"
                            | "flew"
                            | "headed"
                            | "moved"
                            | "arrived"
                            | "returned"
                            | "deployed"
                            | "sent"
                            | "dispatched"
                            | "left"
                            | "crossed"
                            | "fled"
                            // arming and raising forces: "tribesmen armed
                            // to fight Isis", "fighters raised to fight Assad"
                            | "arm"
                            | "armed"
                            | "equip"
                            | "equipped"
                            | "train"
                            | "trained"
                            | "recruit"
                            | "recruited"
                            | "raise"
                            | "raised"
                            | "mobilise"
                            | "mobilize"
                    )
                };
                if to_marked && (journey(gl) || journey(view.low(h))) {
                    return (Factuality::Intended, format!("purpose of '{gl}'"));
                }
                // "would build a border force to patrol X", "sent troops to
                // fight Isis": what a force made or sent is for is its
                // purpose, not (yet) an act
                if to_marked && tree.base_rel(cur) == "acl" && tree.rel(h) == "obj" {
                    if let Some(maker) = tree.head(h) {
                        let ml = view.lemma(maker);
                        if is_making_verb(ml) || journey(ml) || journey(view.low(maker)) {
                            return (
                                Factuality::Intended,
                                format!("purpose of the '{gl}' '{ml}'"),
                            );
                        }
                    }
                }
            }
            // a purpose clause: "sent troops to fight" (or an infinitive
            // complement the parser took for one: "threatened to attack")
            "advcl" if to_marked => {
                if words::is_negating_governor(gl) {
                    return (Factuality::Negated, format!("governed by '{gl}'"));
                }
                if words::is_hypothetical_governor(gl) {
                    return (Factuality::Hypothetical, format!("governed by '{gl}'"));
                }
                // "was urged to move quickly to help": the purpose of an
                // act that was itself only asked for
                // (also when the parser took that infinitive for a purpose
                // clause too: "pressing X to set up a force to protect Y")
                let h_to_marked = tree
                    .kids(h)
                    .iter()
                    .any(|&k| tree.rel(k) == "mark" && view.low(k) == "to");
                if tree.base_rel(h) == "xcomp" || (tree.base_rel(h) == "advcl" && h_to_marked) {
                    if let Some(r) = tree.head(h).filter(|&r| is_request_verb(view.lemma(r))) {
                        let asked = view.lemma(r);
                        return (Factuality::Hypothetical, format!("requested by '{asked}'"));
                    }
                }
                return (Factuality::Intended, format!("'{gl} ... to'"));
            }
            // "should act before he shoots again", "must ensure that, once
            // Russia withdraws, ...": a time clause in the present tense
            // speaks of a later act when the clause it hangs on is itself
            // only wanted or planned (a bare verb under a modal or "to"); a
            // finite main clause ("shells X after Kurds attack", a
            // headline) keeps its time clause as told
            "advcl" if is_prospective_time_clause(view, tree, cur, h) => {
                let mark = tree
                    .kids(cur)
                    .iter()
                    .find(|&&k| tree.rel(k) == "mark")
                    .map_or("", |&k| view.low(k));
                return (
                    Factuality::Hypothetical,
                    format!("a present-tense '{mark}' clause of the unrealised '{gl}'"),
                );
            }
            // "could lead to Erdoğan reaching a deal": a participle clause
            // of consequence is as hypothetical as the clause it hangs on
            "advcl" if tree.xpos(cur) == "VBG" => {
                // "vowed to retake the city, including by shelling X",
                // "pledged to secure the border by attacking X": a means
                // clause ("by" + participle) of a vow or a plan, or of the
                // act vowed, is vowed too, not done (the means of an
                // attempt is done: "tried to hide it by joining X")
                let means = tree
                    .kids(cur)
                    .iter()
                    .any(|&k| tree.rel(k) == "mark" && view.low(k) == "by");
                let vowing =
                    |w: &str| words::is_commitment_verb(w) || matches!(w, "plan" | "intend");
                if means && vowing(gl) {
                    return (Factuality::Intended, format!("means of '{gl}'"));
                }
                if means && tree.base_rel(h) == "xcomp" {
                    if let Some(v) = tree.head(h).filter(|&v| vowing(view.lemma(v))) {
                        return (
                            Factuality::Intended,
                            format!("means of '{gl}' under '{}'", view.lemma(v)),
                        );
                    }
                }
                // "setting preconditions on holding talks": an act a
                // condition is put on has not happened (the parser hangs
                // the "on" clause on the verb rather than on its object)
                let conditioned =
                    tree.kids(cur)
                        .iter()
                        .any(|&k| tree.rel(k) == "mark" && matches!(view.low(k), "on" | "upon"))
                        && tree.kids(h).iter().any(|&k| {
                            tree.rel(k) == "obj" && words::is_condition_noun(view.lemma(k))
                        });
                if conditioned {
                    return (Factuality::Hypothetical, format!("conditions '{gl}' on it"));
                }
                if let Some(&m) = tree.kids(h).iter().find(|&&k| {
                    tree.rel(k) == "aux"
                        && tree.xpos(k) == "MD"
                        && words::is_hypothetical_modal(view.low(k))
                }) {
                    // "said the US would leave while continuing to fight":
                    // a speaker's reported "would" is a future act, as for
                    // the clause itself
                    let reported = view.low(m) == "would"
                        && tree.rel(h) == "ccomp"
                        && tree.head(h).is_some_and(|g| {
                            words::is_speech_verb(view.lemma(g))
                                || words::is_commitment_verb(view.lemma(g))
                        });
                    if reported {
                        return (
                            Factuality::Intended,
                            "participle of a reported 'would' clause".into(),
                        );
                    }
                    return (
                        Factuality::Hypothetical,
                        format!("participle of a '{}' clause", view.low(m)),
                    );
                }
                break;
            }
            "ccomp" => {
                if words::is_denial_governor(gl) {
                    return (Factuality::Denied, format!("denied by '{gl}'"));
                }
                if words::is_hypothetical_governor(gl) {
                    return (Factuality::Hypothetical, format!("under '{gl}'"));
                }
                // "demanded that Israel release the prisoners": what a
                // demand's "that" clause asks for is asked, not done
                if is_demand_that_verb(gl) && !has_own_past(view, tree, cur) {
                    return (Factuality::Hypothetical, format!("demanded by '{gl}'"));
                }
                // "if evidence comes back that X is gassing": the content
                // of a conditional clause is as conditional as the clause
                if let Some(&m) = tree
                    .kids(h)
                    .iter()
                    .find(|&&k| tree.rel(k) == "mark" && matches!(view.low(k), "if" | "unless"))
                {
                    return (
                        Factuality::Hypothetical,
                        format!("inside an '{}' clause", view.low(m)),
                    );
                }
                // reported speech is marked by the attribution; a
                // negated or modal speech verb does not negate its report
                break;
            }
            "obj" if tree.upos(cur) == "NOUN" || tree.upos(cur) == "PROPN" => {
                // "rejected Putin's call for X": a proposal with a named
                // author was made, whatever is done with it
                if cur == trigger && crate::clause::owned_proposal(view, tree, tree, cur) {
                    break;
                }
                if words::is_denial_governor(gl) && gl != "reject" {
                    return (Factuality::Denied, format!("'{gl}' the event"));
                }
                if words::is_negating_governor(gl) {
                    return (Factuality::Negated, format!("'{gl}' the event"));
                }
                if is_irrealis_object_verb(gl) || words::is_intent_governor(gl) {
                    return (Factuality::Hypothetical, format!("object of '{gl}'"));
                }
                // "did not launch an attack" negates the attack; "did not
                // condemn the attack" does not
                if !crate::clause::is_light_verb(gl) {
                    break;
                }
            }
            // "a US pullout would leave the region open": an event noun is
            // as hypothetical as the clause it is the subject of
            "nsubj" | "nsubj:pass" if matches!(tree.upos(cur), "NOUN" | "PROPN") => {
                for &k in tree.kids(h) {
                    let low = view.low(k);
                    if tree.rel(k) == "aux"
                        && tree.xpos(k) == "MD"
                        && words::is_hypothetical_modal(low)
                    {
                        return (
                            Factuality::Hypothetical,
                            format!("subject of a '{low}' clause"),
                        );
                    }
                    if tree.rel(k) == "mark" && matches!(low, "if" | "unless") {
                        return (Factuality::Hypothetical, format!("under '{low}'"));
                    }
                }
                // "clashes between X and Y are now a distinct possibility",
                // "an assault on Idlib is imminent": the event is what the
                // copular predicate calls possible, likely or coming, not
                // an act that happened
                let copular = tree.kids(h).iter().any(|&k| tree.rel(k) == "cop");
                if copular && (is_prospect_predicate(gl) || is_hypothetical_noun(gl)) {
                    return (Factuality::Hypothetical, format!("subject of 'is {gl}'"));
                }
                // "a direct clash risks a broader war": an indefinite act
                // whose consequences are weighed is a possibility
                let indefinite = tree
                    .kids(cur)
                    .iter()
                    .any(|&k| tree.rel(k) == "det" && matches!(view.low(k), "a" | "an" | "any"));
                if indefinite
                    && tree.xpos(h) == "VBZ"
                    && matches!(gl, "risk" | "mean" | "require" | "entail" | "threaten")
                {
                    return (
                        Factuality::Hypothetical,
                        format!("an indefinite act whose outcome is weighed ('{gl}')"),
                    );
                }
                break;
            }
            // "launched a mediation effort between X and Y", "an
            // assassination attempt": the effort is the act itself, as real
            // as the effort is (the verb above it decides)
            "compound" if is_endeavour_noun(gl) => {}
            "nmod" | "compound" if is_hypothetical_noun(gl) => {
                return (Factuality::Hypothetical, format!("under '{gl}'"));
            }
            "obl"
                if matches!(tree.upos(cur), "NOUN" | "PROPN")
                    && is_awaiting_for_verb(gl)
                    && tree
                        .kids(cur)
                        .iter()
                        .any(|&k| tree.rel(k) == "case" && view.low(k) == "for") =>
            {
                return (Factuality::Hypothetical, format!("'{gl} for' the event"));
            }
            "obl" if words::is_negating_governor(gl) || gl == "prevent" => {
                // "stopped X from attacking"
                return (Factuality::Negated, format!("under '{gl}'"));
            }
            // "Russia would retaliate with an attack", "threatened to respond
            // with strikes": an act named as the means of another is as
            // real as that act, so the verb's modals and governors decide
            "obl"
                if matches!(tree.upos(cur), "NOUN" | "PROPN")
                    && tree.kids(cur).iter().any(|&k| {
                        tree.rel(k) == "case" && matches!(view.low(k), "with" | "through" | "via")
                    }) => {}
            // "to help the YPG repel X": the parser takes a bare determiner
            // for the verb's object and the clause after it for its relative
            // clause; that clause is the verb's complement, so the walk goes
            // on up through the determiner (recall14)
            "acl" | "advcl" if rel.ends_with(":relcl") && tree.upos(h) == "DET" => {}
            "obj"
                if tree.upos(cur) == "DET"
                    && tree
                        .kids(cur)
                        .iter()
                        .any(|&k| tree.rel(k).ends_with(":relcl")) => {}
            _ => break,
        }
        cur = h;
    }
    (Factuality::Asserted, "asserted".into())
}

/// Verbs whose "that" clause states what the subject asks of another
/// ("demanded that X withdraw", "urged that Y be released"): unlike "say" or
/// "insist", they never report the clause as done.
fn is_demand_that_verb(w: &str) -> bool {
    matches!(
        w,
        "demand" | "request" | "urge" | "order" | "ask" | "require" | "recommend" | "stipulate"
    )
}

/// Whether adverbial clause `clause` of `governor` is a time clause in the
/// present tense ("before he shoots", "once Russia has withdrawn") hanging
/// on a clause that is only wanted or planned: a modal or an infinitive's
/// "to" on the governor ("should act before...", "to ensure that before
/// ..."). English puts a later act in the present tense in such clauses,
/// so the act has not happened.
fn is_prospective_time_clause(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    clause: usize,
    governor: usize,
) -> bool {
    let kids = tree.kids(clause);
    let time_mark = kids.iter().any(|&k| {
        tree.rel(k) == "mark"
            && matches!(
                view.low(k),
                "before" | "until" | "till" | "once" | "when" | "whenever" | "after"
            )
    });
    if !time_mark {
        return false;
    }
    let auxes = || {
        kids.iter()
            .copied()
            .filter(|&k| matches!(tree.rel(k), "aux" | "aux:pass"))
    };
    let present = match tree.xpos(clause) {
        "VBZ" | "VBP" => true,
        "VBN" | "VBG" => {
            auxes().next().is_some() && auxes().all(|k| matches!(tree.xpos(k), "VBZ" | "VBP"))
        }
        _ => false,
    };
    let unrealised_governor = tree.kids(governor).iter().any(|&k| {
        (tree.rel(k) == "aux" && tree.xpos(k) == "MD")
            || (tree.rel(k) == "mark" && view.low(k) == "to")
    });
    present && unrealised_governor
}

/// Nouns of trying that a compound event noun names the content of ("a
/// mediation effort", "a rescue bid", "an assassination attempt").
fn is_endeavour_noun(w: &str) -> bool {
    matches!(w, "effort" | "attempt" | "bid" | "push" | "drive")
}

/// Whether a clause verb carries a past tense of its own (a past form, or
/// a past auxiliary): "demanded to know why Israel had attacked" reports an
/// attack, not a demand for one.
fn has_own_past(view: &SentenceView<'_>, tree: &DepTree<'_>, verb: usize) -> bool {
    matches!(tree.xpos(verb), "VBD")
        || tree.kids(verb).iter().any(|&k| {
            matches!(tree.rel(k), "aux" | "aux:pass")
                && matches!(view.low(k), "had" | "was" | "were" | "did")
        })
}

/// Verbs that make a request by being said in the first person, softened
/// or not ("I would ask", "we would urge").
fn is_performative_request(lemma: &str) -> bool {
    matches!(
        lemma,
        "ask" | "urge" | "call" | "appeal" | "request" | "beg" | "implore" | "invite"
    )
}

/// A to-infinitive on an event noun that arranges it for later: "to be
/// held", "to be hosted", "to take place", "to begin".
fn is_to_be_held(view: &SentenceView<'_>, tree: &DepTree<'_>, verb: usize) -> bool {
    let kids = tree.kids(verb);
    let to = kids
        .iter()
        .any(|&k| tree.rel(k) == "mark" && view.low(k) == "to");
    let passive_be = kids
        .iter()
        .any(|&k| tree.rel(k) == "aux:pass" && view.low(k) == "be");
    // "to take place", or a verb of beginning with no object of its own
    // ("an offensive to take control of X", "talks to open the border"
    // say what the act is for, not when)
    let object = |w: Option<&str>| {
        kids.iter()
            .any(|&k| tree.rel(k) == "obj" && w.is_none_or(|w| view.low(k) == w))
    };
    let happening = match view.lemma(verb) {
        "take" => object(Some("place")),
        "begin" | "start" | "open" | "resume" | "convene" | "happen" | "occur" => !object(None),
        _ => false,
    } && kids.iter().all(|&k| tree.rel(k) != "nsubj");
    to && (passive_be || happening)
}

/// Nouns of a statement whose "that" clause is its content: "the claim
/// that", "reports that", "the allegation that".
fn is_claim_noun(w: &str) -> bool {
    matches!(
        w,
        "claim"
            | "allegation"
            | "accusation"
            | "charge"
            | "report"
            | "suggestion"
            | "assertion"
            | "rumour"
            | "rumor"
            | "story"
            | "notion"
            | "idea"
            | "contention"
    )
}
