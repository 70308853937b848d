//! Closed word classes the clause analysis and factuality rules rely on.
//! These are grammar, not domain knowledge, so they live in code, as
//! `match`es (length and byte tests) rather than list scans.

/// Auxiliary verb lemmas (they start a verb group but are not its head).
pub fn is_auxiliary(w: &str) -> bool {
    matches!(w, "be" | "have" | "do" | "get")
}

/// Negation adverbs inside a verb group.
pub fn is_negation(w: &str) -> bool {
    is_not_adverb(w) || w == "no"
}

/// The adverbs that negate the verb they modify: "not", "n't" (either
/// apostrophe), "never".
pub fn is_not_adverb(w: &str) -> bool {
    matches!(w, "not" | "n't" | "n\u{2019}t" | "never")
}

/// Adverbs that hedge what the clause says ("potentially very dangerous",
/// "perhaps wrong"): a judgment so hedged is not asserted.
pub fn is_hedge_adverb(w: &str) -> bool {
    matches!(
        w,
        "perhaps" | "possibly" | "potentially" | "maybe" | "arguably" | "conceivably"
    )
}

/// Subordinating conjunctions that open a new clause (a `match`, which the
/// compiler turns into length and byte tests, rather than a list scan).
pub fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "because"
            | "although"
            | "though"
            | "while"
            | "whereas"
            | "if"
            | "unless"
            | "that"
            | "whether"
            | "since"
            | "once"
            | "until"
    )
}

/// `w` as a static string when it is a common preposition or particle
/// (tagged IN, TO or RP), so predicates need not copy it.
pub fn common_preposition(w: &str) -> Option<&'static str> {
    Some(match w {
        "of" => "of",
        "in" => "in",
        "to" => "to",
        "for" => "for",
        "on" => "on",
        "with" => "with",
        "at" => "at",
        "by" => "by",
        "from" => "from",
        "as" => "as",
        "that" => "that",
        "after" => "after",
        "over" => "over",
        "about" => "about",
        "against" => "against",
        "into" => "into",
        "than" => "than",
        "up" => "up",
        "out" => "out",
        "since" => "since",
        "during" => "during",
        "before" => "before",
        "between" => "between",
        "under" => "under",
        "while" => "while",
        "because" => "because",
        "if" => "if",
        "off" => "off",
        "down" => "down",
        "through" => "through",
        "amid" => "amid",
        "among" => "among",
        "including" => "including",
        "despite" => "despite",
        "like" => "like",
        "without" => "without",
        "until" => "until",
        "near" => "near",
        "across" => "across",
        "toward" => "toward",
        "towards" => "towards",
        "within" => "within",
        "upon" => "upon",
        "onto" => "onto",
        "around" => "around",
        "whether" => "whether",
        "although" => "although",
        "though" => "though",
        "per" => "per",
        "via" => "via",
        "back" => "back",
        "away" => "away",
        "inside" => "inside",
        "outside" => "outside",
        "following" => "following",
        "behind" => "behind",
        "beyond" => "beyond",
        "once" => "once",
        "unless" => "unless",
        "whereas" => "whereas",
        _ => return None,
    })
}

/// Verbs that hand goods over and shift their recipient before the thing
/// ("sells him arms" = "sells arms to him"). Not "give", "send" or "offer":
/// their double objects are mostly no transfer of goods ("gave him a green
/// light", "sent them an email").
pub fn is_goods_transfer_verb(w: &str) -> bool {
    matches!(w, "sell" | "supply" | "ship")
}

/// Governors whose object is the subject of the dependent verb ("urged X to").
pub fn is_object_control(w: &str) -> bool {
    matches!(
        w,
        "urge"
            | "ask"
            | "call"
            | "press"
            | "force"
            | "order"
            | "tell"
            | "allow"
            | "help"
            | "encourage"
            | "invite"
            | "accuse"
            | "blame"
            | "charge"
            | "persuade"
            | "pressure"
            | "compel"
            | "warn"
            | "request"
            | "convince"
            | "instruct"
            | "authorize"
            | "permit"
            | "enable"
            // recall14: "the attack prompted Turkey to withdraw", "begged X
            // to agree": the one prompted or begged acts
            | "prompt"
            | "spur"
            | "beg"
            | "implore"
            | "induce"
            | "oblige"
    )
}

/// Modals that make an event hypothetical.
pub fn is_hypothetical_modal(w: &str) -> bool {
    matches!(
        w,
        "could" | "would" | "may" | "might" | "should" | "can" | "must" | "ought" | "'d"
    )
}

/// Modals of future intent.
pub fn is_future_modal(w: &str) -> bool {
    matches!(w, "will" | "shall" | "'ll" | "wo")
}

/// Verbs of moving something somewhere, which are aid only when what is
/// moved is ("sent weapons to", "transferred funds to").
pub fn is_verb_of_moving(lemma: &str) -> bool {
    matches!(
        lemma,
        "send" | "transfer" | "move" | "ship" | "ferry" | "relocate" | "bus" | "take"
    )
}

/// People whose moving is no aid to where they are taken: a person
/// ("him", "her"), civilians, detainees (soldiers and fighters sent to an
/// ally are military aid, so they are not listed).
pub fn is_moved_people(lemma: &str, low: &str) -> bool {
    matches!(low, "him" | "her")
        || matches!(
            lemma,
            "local"
                | "resident"
                | "civilian"
                | "people"
                | "person"
                | "family"
                | "refugee"
                | "detainee"
                | "prisoner"
                | "inmate"
                | "child"
                | "woman"
                | "wife"
                | "widow"
                | "suspect"
        )
}

/// Adjectives and participles that place an event noun in the future:
/// "the planned summit", "upcoming talks", "an expected attack".
pub fn is_prospective_modifier(w: &str) -> bool {
    matches!(
        w,
        "planned"
            | "upcoming"
            | "forthcoming"
            | "scheduled"
            | "expected"
            | "prospective"
            | "anticipated"
            | "would-be"
            | "impending"
            | "imminent"
    )
}

/// Adjectives that make an event noun a mere possibility: "a possible
/// attack", "potential talks", "the proposed ceasefire" (proposed to
/// others, not promised by its proposer).
pub fn is_possibility_modifier(w: &str) -> bool {
    matches!(
        w,
        "possible" | "potential" | "hypothetical" | "likely" | "proposed" | "mooted"
    )
}

/// Verbs whose passive subject is an event arranged for later: "a summit
/// is planned for Friday", "talks are scheduled", "the meeting was set for".
pub fn is_scheduling_verb(w: &str) -> bool {
    matches!(
        w,
        "plan" | "schedule" | "set" | "expect" | "arrange" | "slate" | "propose" | "due"
    )
}

/// Nouns of arrangements often named after the city where they were made
/// ("the Astana process", "the Minsk agreement", "the Mexico City policy").
pub fn is_arrangement_noun(w: &str) -> bool {
    matches!(
        w,
        "process"
            | "policy"
            | "agreement"
            | "accord"
            | "accords"
            | "format"
            | "protocol"
            | "declaration"
            | "communique"
            | "memorandum"
            | "formula"
            | "framework"
            | "convention"
            | "treaty"
            | "group"
            | "platform"
            | "talk"
            | "talks"
            | "conference"
            | "summit"
            | "peace"
    )
}

/// Nouns of conditions put on an act ("set preconditions on holding talks"):
/// the act they bear on has not happened.
pub fn is_condition_noun(w: &str) -> bool {
    matches!(
        w,
        "precondition"
            | "condition"
            | "prerequisite"
            | "requirement"
            | "restriction"
            | "limit"
            | "ban"
            | "veto"
            | "moratorium"
            | "curb"
            | "constraint"
    )
}

/// Verbs of judging someone for what they did: the "for" clause under them
/// is the judged one's act ("blamed the delegation for setting
/// preconditions", "praised Turkey for hosting refugees").
pub fn is_judging_verb(w: &str) -> bool {
    matches!(
        w,
        "blame"
            | "criticise"
            | "criticize"
            | "condemn"
            | "accuse"
            | "fault"
            | "rebuke"
            | "slam"
            | "punish"
            | "sanction"
            | "praise"
            | "thank"
            | "commend"
            | "congratulate"
            | "applaud"
            | "reward"
            | "honour"
            | "honor"
            | "credit"
            | "attack"
    )
}

/// Nouns of meetings a city may be the venue of ("arrived in Geneva for the
/// peace talks").
pub fn is_meeting_noun(w: &str) -> bool {
    matches!(
        w,
        "talk"
            | "talks"
            | "summit"
            | "conference"
            | "negotiation"
            | "meeting"
            | "ceremony"
            | "forum"
            | "session"
            | "round"
            | "congress"
            | "assembly"
            | "convention"
    )
}

/// Head nouns of armed units (not of their commanders): "troops",
/// "forces", "fighters".
pub fn is_armed_unit_noun(w: &str) -> bool {
    matches!(
        w,
        "troop"
            | "troops"
            | "force"
            | "forces"
            | "fighter"
            | "soldier"
            | "unit"
            | "militia"
            | "militiaman"
            | "militant"
            | "army"
            | "battalion"
            | "brigade"
            | "regiment"
            | "division"
            | "convoy"
            | "patrol"
    )
}

/// Nouns of gatherings one may host or welcome for others: the meetings of
/// `is_meeting_noun` and the occasions and parties received ("hosted a
/// dinner for", "welcomed a delegation of").
pub fn is_gathering_noun(w: &str) -> bool {
    is_meeting_noun(w)
        || matches!(
            w,
            "dinner"
                | "lunch"
                | "banquet"
                | "reception"
                | "delegation"
                | "visit"
                | "visitor"
                | "guest"
                | "gathering"
                | "event"
                | "meet"
                | "dialogue"
                | "party"
        )
}

/// Nouns of people who join an armed side rather than being one ("foreign
/// extremists who fought with Isis", "volunteers fighting with the YPG"):
/// "fight with X" of them is fighting alongside X.
pub fn is_joiner_noun(w: &str) -> bool {
    matches!(
        w,
        "extremist"
            | "jihadist"
            | "jihadi"
            | "foreigner"
            | "volunteer"
            | "recruit"
            | "national"
            | "citizen"
            | "man"
            | "woman"
            | "teenager"
            | "westerner"
            | "briton"
            | "bride"
            | "supporter"
            | "member"
            | "people"
            | "youth"
    )
}

/// Verbs and nouns of striving for what is not yet had ("sought to strike a
/// deal", "tried to reach an agreement", "in a bid to"): what they govern
/// has not happened, even when it is itself a statement of intent.
pub fn is_striving_verb(w: &str) -> bool {
    matches!(
        w,
        "seek"
            | "try"
            | "attempt"
            | "hope"
            | "want"
            | "wish"
            | "aim"
            | "bid"
            | "effort"
            | "strive"
            | "struggle"
            | "scramble"
            | "push"
    )
}

/// Governing verbs and nouns that make a dependent event intended or promised.
pub fn is_intent_governor(w: &str) -> bool {
    matches!(
        w,
        // "Trump's decision to withdraw troops": a declared course, not yet
        // taken (PLOVER: declarations of withdrawals are CONCEDE)
        "decision"
            | "vow"
            | "pledge"
            | "promise"
            | "plan"
            | "intend"
            | "aim"
            | "seek"
            | "want"
            | "hope"
            | "prepare"
            | "threaten"
            | "offer"
            | "propose"
            | "agree"
            | "decide"
            | "vote"
            | "commit"
            | "resolve"
            | "wish"
            | "try"
            | "attempt"
            | "push"
            | "move"
            | "ready"
            | "willing"
            | "prepared"
            | "eager"
            | "keen"
            | "determined"
            | "poised"
            // the lemma of the participle in "are poised to storm"
            | "poise"
            | "committed"
            | "readiness"
            | "willingness"
            | "intention"
            | "bid"
            | "effort"
            | "threat"
            | "desire"
            | "determine"
            | "set"
            | "schedule"
            | "expect"
            | "urge"
            | "call"
            | "ask"
            | "demand"
            | "request"
            | "order"
            | "warn"
            | "invite"
            | "press"
            | "need"
            | "going"
            | "consider"
            | "weigh"
            | "mull"
            | "discuss"
            | "negotiate"
    )
}

/// Governors that make a dependent event hypothetical.
pub fn is_hypothetical_governor(w: &str) -> bool {
    matches!(
        w,
        "likely"
            | "unlikely"
            | "able"
            | "possible"
            | "could"
            | "may"
            | "might"
            | "poised"
            | "due"
            | "would"
            | "chance"
            | "risk"
            | "fear"
            | "worry"
            | "concern"
            | "seem"
            | "appear"
    )
}

/// Governors that deny the dependent event ("denied supplying").
pub fn is_denial_governor(w: &str) -> bool {
    matches!(w, "deny" | "dismiss" | "reject" | "refute" | "disavow")
}

/// Governors that negate the dependent event ("refused to attend", "his
/// refusal to back X", "the failure to stop it").
pub fn is_negating_governor(w: &str) -> bool {
    matches!(
        w,
        "refuse"
            | "refusal"
            | "failure"
            | "reluctance"
            | "unwillingness"
            | "inability"
            | "fail"
            | "decline"
            | "avoid"
            | "stop"
            | "cease"
            | "halt"
            | "unwilling"
            | "reluctant"
    )
}

/// Verbs of fleeing, dying, staying and moving: an event noun in their
/// "in" phrase is the scene, not their subject's act ("fled earlier in the
/// unrest", "died in the fighting", "lived in the chaos").
pub fn is_scene_verb(w: &str) -> bool {
    matches!(
        w,
        "flee"
            | "escape"
            | "leave"
            | "die"
            | "perish"
            | "live"
            | "stay"
            | "remain"
            | "hide"
            | "shelter"
            | "arrive"
            | "move"
            | "travel"
            | "return"
            | "settle"
            | "displace"
            | "trap"
            | "lose"
            | "suffer"
            | "survive"
            | "grow"
            | "bear"
            | "disappear"
            | "vanish"
    )
}

/// Verbs of saying and reporting: their subject is the source of the report.
pub fn is_speech_verb(w: &str) -> bool {
    matches!(
        w,
        "say"
            | "tell"
            | "report"
            | "announce"
            | "claim"
            | "state"
            | "add"
            | "note"
            | "allege"
            | "insist"
            | "confirm"
            | "estimate"
            | "believe"
            | "write"
            | "declare"
            | "assert"
            | "argue"
            | "explain"
            | "reveal"
            | "disclose"
            | "acknowledge"
            | "maintain"
            | "suggest"
            | "indicate"
            | "tweet"
            | "post"
            | "quote"
            | "testify"
            | "contend"
            | "stress"
            | "emphasize"
            | "recall"
            | "show"
            | "find"
            | "conclude"
    )
}

/// Verbs by which an actor commits itself to a future act of its own
/// ("vowed to", "warned it would"): such an act of force is a threat, of
/// help or concession a promise.
pub fn is_commitment_verb(w: &str) -> bool {
    matches!(
        w,
        "threaten" | "warn" | "vow" | "pledge" | "promise" | "swear" | "commit" | "undertake"
    )
}

/// Nouns for what an actor puts forward, whose author ("from X", "by X",
/// "proposed by X") is the actor a rejection or endorsement of it concerns.
pub fn is_proposal_noun(w: &str) -> bool {
    matches!(
        w,
        "request"
            | "proposal"
            | "offer"
            | "plan"
            | "demand"
            | "resolution"
            | "draft"
            | "bid"
            | "initiative"
            | "appeal"
            | "call"
            | "invitation"
            | "ultimatum"
            | "motion"
            | "bill"
            | "proposition"
            | "suggestion"
            | "application"
            | "name"
            | "candidate"
            | "nominee"
            | "list"
            | "amendment"
            | "terms"
            | "condition"
            // filings a court or body can dismiss, owned by who filed them
            // ("the petition filed by X", stop 32)
            | "petition"
            | "complaint"
            | "lawsuit"
    )
}

/// Verbs of a relative clause that make its subject the author of the noun
/// it describes: "five names that De Mistura wanted to add", "the plan
/// Russia proposed".
pub fn is_authoring_verb(w: &str) -> bool {
    matches!(
        w,
        "want"
            | "propose"
            | "put"
            | "submit"
            | "table"
            | "suggest"
            | "draft"
            | "present"
            | "nominate"
            | "offer"
            | "demand"
            | "request"
            | "seek"
            | "make"
    )
}

/// Nouns of documents and messages: what one says or asks is its author's
/// act, whoever else handles it ("a report urging the government to ...").
pub fn is_document_noun(w: &str) -> bool {
    matches!(
        w,
        "report"
            | "statement"
            | "resolution"
            | "letter"
            | "article"
            | "study"
            | "document"
            | "paper"
            | "book"
            | "film"
            | "video"
            | "message"
            | "tweet"
            | "post"
            | "communique"
            | "declaration"
            | "editorial"
            | "petition"
            | "memo"
            | "dossier"
            | "bill"
            | "motion"
            | "leaflet"
            | "speech"
            | "decree"
            | "draft"
            | "text"
            | "note"
            | "analysis"
            | "assessment"
            | "review"
            | "survey"
            | "investigation"
            | "inquiry"
            | "verdict"
            | "ruling"
            | "judgment"
    )
}

/// Verbs that take a stance on something another did or plans: the act a
/// noun of theirs describes ("condemned the decision to bomb Syria",
/// "welcomed the plan to withdraw") is not the subject's.
pub fn is_stance_verb(w: &str) -> bool {
    matches!(
        w,
        "condemn"
            | "criticise"
            | "criticize"
            | "denounce"
            | "decry"
            | "deplore"
            | "slam"
            | "blast"
            | "attack"
            | "reject"
            | "oppose"
            | "question"
            | "challenge"
            | "dismiss"
            | "protest"
            | "welcome"
            | "praise"
            | "hail"
            | "applaud"
            | "endorse"
            | "back"
            | "support"
            | "defend"
            | "justify"
            | "mock"
            | "ridicule"
            | "regret"
            | "lament"
    )
}

/// Verbs that bring out a document or message, so that what the document
/// does is its issuer's act: "passed a resolution criticising X", "issued a
/// statement condemning X" (not "condemned a report urging X": the report's
/// urging is its authors', not the condemners').
pub fn is_issuing_verb(w: &str) -> bool {
    matches!(
        w,
        "pass"
            | "adopt"
            | "approve"
            | "issue"
            | "release"
            | "publish"
            | "write"
            | "draft"
            | "produce"
            | "prepare"
            | "compile"
            | "sign"
            | "send"
            | "table"
            | "present"
            | "submit"
            | "file"
            | "lodge"
            | "circulate"
            | "deliver"
            | "unveil"
            | "announce"
            | "make"
            | "put"
            | "post"
            | "tweet"
            | "broadcast"
            | "air"
            | "pen"
            | "author"
            | "introduce"
            | "launch"
            | "give"
    )
}

/// A unit of time that measures how long something lasted ("weeks of
/// airstrikes", "a month of shelling").
pub fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "hour" | "day" | "night" | "week" | "month" | "year" | "decade"
    )
}

/// Nouns that count or group events: "a wave of airstrikes", "a series of
/// attacks" (the event is the noun after "of").
pub fn is_measure_noun(w: &str) -> bool {
    matches!(
        w,
        "wave"
            | "series"
            | "barrage"
            | "string"
            | "spate"
            | "round"
            | "volley"
            | "salvo"
            | "flurry"
            | "hail"
            | "torrent"
            | "campaign"
    )
}

/// Verbs that put a measure on someone ("sanctions imposed on X", "a ban
/// placed on Y").
pub fn is_imposing_verb(w: &str) -> bool {
    matches!(w, "impose" | "place" | "levy" | "slap" | "enforce")
}

/// Nouns of undertaking an event noun can modify ("a mediation effort", "a
/// bombing campaign", "a rescue mission"): the act is the modifier's.
pub fn is_undertaking_noun(w: &str) -> bool {
    matches!(
        w,
        "effort" | "campaign" | "mission" | "operation" | "bid" | "initiative" | "drive"
    )
}

/// Verbs of inquiry whose indirect question names who is looked into:
/// "investigate how the White House handles clearances".
pub fn is_inquiry_verb(w: &str) -> bool {
    matches!(
        w,
        "investigate" | "probe" | "examine" | "scrutinise" | "scrutinize" | "review" | "audit"
    )
}

/// Verbs whose complement events are allegations of the subject.
pub fn is_allegation_verb(w: &str) -> bool {
    matches!(
        w,
        "accuse" | "blame" | "charge" | "allege" | "claim" | "suspect"
    )
}

/// Time words that sit inside verb groups ("has today expelled").
pub fn is_time_adverb(w: &str) -> bool {
    matches!(
        w,
        "today" | "yesterday" | "tonight" | "now" | "recently" | "reportedly"
    )
}

/// Verbs whose "by" agent, in a participle describing an act ("the threats
/// made by X", "the raids launched by X", "the complaint filed by X"), is
/// the act's doer; other participles name another part ("a conference
/// boycotted by X", "an attack condemned by X").
pub fn is_doing_verb(w: &str) -> bool {
    matches!(
        w,
        "make"
            | "carry"
            | "launch"
            | "conduct"
            | "stage"
            | "mount"
            | "wage"
            | "commit"
            | "perpetrate"
            | "file"
            | "lodge"
            | "issue"
            | "level"
            | "order"
            | "pass"
            | "propose"
            | "submit"
            | "fire"
            | "organise"
            | "organize"
            | "pose"
    )
}

/// Nouns for weapons and goods: a country modifying them names their
/// maker or origin, not a participant ("fired North Korean missiles",
/// "bought Russian oil").
pub fn is_thing_noun(w: &str) -> bool {
    matches!(
        w,
        "missile"
            | "weapon"
            | "arm"
            | "arms"
            | "shell"
            | "rocket"
            | "bomb"
            | "munition"
            | "ammunition"
            | "artillery"
            | "round"
            | "gun"
            | "rifle"
            | "equipment"
            | "hardware"
            | "system"
            | "technology"
            | "oil"
            | "gas"
            | "grain"
            | "food"
            | "good"
            | "goods"
            | "product"
            | "export"
            | "import"
            | "currency"
            | "money"
            | "fund"
            | "bond"
            | "stock"
            | "component"
            | "part"
    )
}

/// Nouns naming a part of an organisation ("the Syrian wing of the PKK",
/// "the armed branch of Hamas"): the part belongs to the "of" phrase's
/// organisation; a demonym before it says where the part is, not whose.
pub fn is_part_noun(w: &str) -> bool {
    matches!(
        w,
        "wing" | "branch" | "arm" | "affiliate" | "offshoot" | "faction" | "franchise"
    )
}

/// Nouns naming one party by its relation to another: their possessor or
/// "of" phrase is the other party ("the opposition's backers", "an ally of
/// Russia"), never the referent.
pub fn is_relational_noun(w: &str) -> bool {
    matches!(
        w,
        "backer"
            | "ally"
            | "enemy"
            | "foe"
            | "adversary"
            | "opponent"
            | "rival"
            | "critic"
            | "detractor"
            | "supporter"
            | "sponsor"
            | "patron"
            | "protector"
            | "victim"
            | "nemesis"
    )
}

/// Kin and counsel of a person: "the family of X", "X's lawyer" are other
/// people than X (civilians who act and speak for themselves).
pub fn is_kin_noun(w: &str) -> bool {
    matches!(
        w,
        "family"
            | "relative"
            | "parent"
            | "mother"
            | "father"
            | "wife"
            | "husband"
            | "widow"
            | "son"
            | "daughter"
            | "brother"
            | "sister"
            | "child"
            | "lawyer"
            | "solicitor"
            | "attorney"
    )
}

/// Past participles that mostly describe an attitude or state of their
/// subject rather than an act done to it ("opposed to the deal",
/// "committed to peace"): conjoined to a passive they stay the subject's own.
pub fn is_attitude_participle(w: &str) -> bool {
    matches!(
        w,
        "opposed"
            | "committed"
            | "dedicated"
            | "devoted"
            | "determined"
            | "inclined"
            | "involved"
            | "interested"
            | "concerned"
            | "prepared"
            | "resigned"
    )
}

/// Nouns of grounds in complex prepositions ("on the basis of", "on the
/// grounds of", "under the pretext of"): the phrase says why, and the
/// actor in its "of" phrase is no participant of the act.
pub fn is_grounds_noun(w: &str) -> bool {
    matches!(
        w,
        "basis" | "ground" | "grounds" | "pretext" | "pretence" | "pretense"
    )
}

/// Verbs a telephone call is made to do, done by making it ("called X to
/// congratulate him", "phoned X to discuss the crisis"): saying, thanking,
/// discussing, conveying (`clause::is_call_purpose`).
pub fn is_call_purpose_verb(w: &str) -> bool {
    matches!(
        w,
        "congratulate"
            | "thank"
            | "discuss"
            | "express"
            | "convey"
            | "offer"
            | "apologize"
            | "apologise"
            | "assure"
            | "reassure"
            | "condole"
            | "inform"
            | "brief"
            | "invite"
            | "wish"
            | "greet"
            | "praise"
            | "voice"
            | "extend"
            | "update"
            | "confirm"
            | "protest"
            | "complain"
            | "demand"
            | "urge"
            | "ask"
    )
}

/// Verbs of handing a thing over to a recipient ("returned a painting to
/// X", "delivered the shipment to Y"), whose "to" phrase the parser often
/// hangs inside the thing (`clause::deep_recipient`).
pub fn is_handover_verb(w: &str) -> bool {
    matches!(
        w,
        "return" | "hand" | "deliver" | "donate" | "transfer" | "repatriate" | "ship" | "send"
    )
}

/// Nouns with a "to" phrase of their own ("allegiance to X", "the envoy to
/// Y", "a letter to Z"): a "to" phrase under them is not a handing-over
/// verb's recipient (`clause::deep_recipient`).
pub fn takes_to_phrase(w: &str) -> bool {
    matches!(
        w,
        "allegiance"
            | "loyalty"
            | "access"
            | "visit"
            | "trip"
            | "journey"
            | "flight"
            | "route"
            | "road"
            | "way"
            | "link"
            | "ambassador"
            | "envoy"
            | "emissary"
            | "delegate"
            | "representative"
            | "adviser"
            | "advisor"
            | "tie"
            | "relation"
            | "threat"
            | "aid"
            | "support"
            | "assistance"
            | "help"
            | "answer"
            | "response"
            | "reply"
            | "letter"
            | "message"
            | "appeal"
            | "request"
            | "proposal"
            | "invitation"
            | "commitment"
            | "contribution"
            | "donation"
            | "deployment"
            | "return"
            | "transfer"
            | "export"
            | "sale"
            | "shipment"
            | "delivery"
            | "damage"
            | "harm"
            | "opposition"
            | "resistance"
            | "objection"
            | "exposure"
            | "entry"
            | "admission"
            | "move"
            | "transition"
            | "path"
            | "key"
            | "solution"
            | "alternative"
    )
}

/// Compass bearings that set an "of" phrase as a place reference ("north
/// of Damascus", "south-east of Idlib").
pub fn is_compass_bearing(w: &str) -> bool {
    matches!(
        w,
        "north"
            | "south"
            | "east"
            | "west"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "north-east"
            | "north-west"
            | "south-east"
            | "south-west"
    )
}

/// Nouns for acts done to someone: their "of" phrase names who or what
/// suffered the act ("the bombing of Aleppo", "the siege of Ghouta"), not
/// who did it, so a clause with such a subject takes no doer from there.
pub fn is_act_on_noun(w: &str) -> bool {
    matches!(
        w,
        "attack"
            | "bombing"
            | "bombardment"
            | "shelling"
            | "strike"
            | "airstrike"
            | "invasion"
            | "occupation"
            | "siege"
            | "blockade"
            | "killing"
            | "murder"
            | "assassination"
            | "massacre"
            | "arrest"
            | "detention"
            | "capture"
            | "execution"
            | "torture"
            | "destruction"
            | "persecution"
            | "targeting"
            | "annexation"
            | "abduction"
            | "kidnapping"
    )
}
