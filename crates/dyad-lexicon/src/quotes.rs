//! Quotations and their speakers, across sentences, and the first-person
//! pronouns inside them.
//!
//! News quotes run over several sentences and name their speaker once:
//! “We want the US to act. We will not wait,” he said. / Ahmed Ali said
//! in an interview. “I would ask the British government ...” Inside such a
//! quotation "I", "we", "me", "our" are the speaker, not nobody: this pass
//! finds each quotation (curly or straight double quotes; a new opening mark
//! while one is open starts a new quotation, the convention for a quote
//! running over paragraphs), attributes it to a speaker from the text right
//! around it, and adds a pronoun mention linked to that speaker for each
//! first-person pronoun it holds.
//!
//! A quotation's speaker, in order:
//! 1. **after it**, in the sentence that closes it: a mention then a verb
//!    of saying (“...,” Zakharova said / he told reporters), or a verb of
//!    saying then a mention (“...,” said Assad);
//! 2. **before it**, in the sentence that opens it: a verb of saying with
//!    its subject right before it, then at most a short object and a colon
//!    or comma (He told BBC Radio 4's Today programme: “...); a subject
//!    followed by an apposition ("Jan Egeland, an adviser to ..., said:")
//!    is the mention opening the sentence;
//! 3. **continued**: a quotation opening its sentence, right after a
//!    quotation with a speaker that ended in the previous sentence (or was
//!    cut by this one's opening mark), has the same speaker.
//!
//! Not here: what the speaker's statement codes as (the coder reads the
//! pronoun mentions like any other); scare quotes get no speaker because no
//! verb of saying introduces them.

use dyad_core::{ActorMention, MentionKind, Pos, Sentence, Span};

/// Lemmas of verbs that introduce a quotation.
const QUOTING_VERBS: &[&str] = &[
    "say", "tell", "add", "write", "insist", "explain", "recall", "admit", "tweet", "declare",
    "warn", "stress", "continue", "argue", "claim", "state", "note", "ask", "reply", "answer",
    "conclude", "announce", "post",
];

/// Words that may stand between a speaker and the verb ("has said", "also
/// told").
const BETWEEN_SPEAKER_AND_VERB: &[&str] = &[
    "has",
    "had",
    "have",
    "also",
    "then",
    "later",
    "once",
    "again",
    "further",
    "previously",
];

/// Words that may stand between a closing mark and a trailing attribution's
/// mention ("...,” the minister said").
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their"];

/// The most tokens between a leading verb of saying and the opening mark
/// ("told BBC Radio 4's Today programme:").
const MAX_LEADING_OBJECT: usize = 8;

/// First-person pronouns that stand for a quotation's speaker.
const FIRST_PERSON: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
];

/// The most a first-person pronoun's mention is trusted: the speaker may be
/// speaking for a group ("we" of a spokeswoman is her ministry).
const FIRST_PERSON_CONFIDENCE: f32 = 0.8;

/// A stretch of quoted text and who says it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quotation {
    /// Byte range of the quoted text, marks excluded.
    pub span: Span,
    /// Index (in the mention list) of the speaker.
    pub speaker: Option<usize>,
    /// Where the speaker's mention is.
    pub speaker_span: Option<Span>,
    /// How the speaker was found (for `dyad explain`).
    pub why: &'static str,
}

/// Byte offsets of the double quotation marks of `text`, each with whether
/// it opens a quotation. A straight mark opens after a space, a bracket or
/// the start of the text, and closes elsewhere.
fn marks(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' => out.push((i, c.len_utf8(), true)),
            '”' => out.push((i, c.len_utf8(), false)),
            '"' => {
                let opens = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—'));
                out.push((i, 1, opens));
            }
            _ => {}
        }
        prev = Some(c);
    }
    out
}

/// The quotations of a text, unattributed. An opening mark while a
/// quotation is open ends that one (a quote running over paragraphs reopens
/// each with a new mark); a closing mark with none open is ignored; a
/// quotation still open at the end runs to the end.
fn spans(text: &str) -> Vec<(Span, bool)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (at, len, opens) in marks(text) {
        match (opens, open) {
            (true, Some(start)) => {
                // cut by a new opening mark: the next one continues it
                out.push((Span::new(start, at), true));
                open = Some(at + len);
            }
            (true, None) => open = Some(at + len),
            (false, Some(start)) => {
                out.push((Span::new(start, at), false));
                open = None;
            }
            (false, None) => {}
        }
    }
    if let Some(start) = open {
        out.push((Span::new(start, text.len()), false));
    }
    out
}

/// Index of the sentence holding byte `at`.
fn sentence_at(sentences: &[Sentence], at: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span.end <= at);
    sentences
        .get(i)
        .filter(|s| s.span.start <= at && at < s.span.end.max(s.span.start + 1))
        .map(|_| i)
}

fn low(text: &str, span: Span) -> String {
    span.slice(text).to_lowercase()
}

fn is_quoting_verb(lemma: &str) -> bool {
    QUOTING_VERBS.contains(&lemma)
}

/// The mention starting at token `t` of `s` (after determiners), with the
/// index of the first token after it.
fn mention_from(
    text: &str,
    s: &Sentence,
    mut t: usize,
    mentions: &[ActorMention],
) -> Option<(usize, usize)> {
    while s
        .tokens
        .get(t)
        .is_some_and(|k| DETERMINERS.contains(&low(text, k.span).as_str()))
    {
        t += 1;
    }
    let start = s.tokens.get(t)?.span.start;
    let m = mentions.iter().position(|m| m.span.start == start)?;
    let end = mentions.get(m)?.span.end;
    let after = s.tokens.iter().position(|k| k.span.start >= end)?;
    Some((m, after))
}

/// The mention ending right before token `v` of `s` (past auxiliaries and
/// adverbs such as "has", "also").
fn mention_before(
    text: &str,
    s: &Sentence,
    mut v: usize,
    mentions: &[ActorMention],
) -> Option<usize> {
    while v > 0
        && s.tokens
            .get(v - 1)
            .is_some_and(|k| BETWEEN_SPEAKER_AND_VERB.contains(&low(text, k.span).as_str()))
    {
        v -= 1;
    }
    let prev = s.tokens.get(v.checked_sub(1)?)?;
    mentions.iter().position(|m| m.span.end == prev.span.end)
}

/// The speaker of a quotation closed at byte `close`, from the words right
/// after the mark.
fn trailing_speaker(
    text: &str,
    sentences: &[Sentence],
    close: usize,
    mentions: &[ActorMention],
) -> Option<usize> {
    let s = sentences.get(sentence_at(sentences, close)?)?;
    let t = s.tokens.iter().position(|k| k.span.start > close)?;
    let first = s.tokens.get(t)?;
    if is_quoting_verb(&first.lemma) && first.pos.is_verb() {
        // “...,” said Assad
        return mention_from(text, s, t + 1, mentions).map(|(m, _)| m);
    }
    let (m, mut after) = mention_from(text, s, t, mentions)?;
    while s
        .tokens
        .get(after)
        .is_some_and(|k| BETWEEN_SPEAKER_AND_VERB.contains(&low(text, k.span).as_str()))
    {
        after += 1;
    }
    let verb = s.tokens.get(after)?;
    (is_quoting_verb(&verb.lemma) && verb.pos.is_verb()).then_some(m)
}

/// The speaker of a quotation opened at byte `open`, from the words right
/// before the mark.
fn leading_speaker(
    text: &str,
    sentences: &[Sentence],
    open: usize,
    mentions: &[ActorMention],
) -> Option<usize> {
    let si = sentence_at(sentences, open)?;
    let s = sentences.get(si)?;
    let before = s.tokens.iter().position(|k| k.span.start >= open)?;
    let last = s.tokens.get(before.checked_sub(1)?)?;
    let introduces = matches!(low(text, last.span).as_str(), ":" | ",") || last.pos.is_verb();
    if !introduces {
        return None;
    }
    let lowest = before.saturating_sub(MAX_LEADING_OBJECT + 1);
    let v = (lowest..before).rev().find(|&v| {
        s.tokens
            .get(v)
            .is_some_and(|k| k.pos.is_verb() && is_quoting_verb(&k.lemma))
    })?;
    // no other finite verb between the verb of saying and the mark: "said
    // he would accept what was called “a fair deal”" quotes no one (a
    // participle may: "said in an interview published on Monday:")
    let other_verb = (v + 1..before).any(|k| {
        s.tokens
            .get(k)
            .is_some_and(|k| k.pos.is_verb() && !matches!(k.pos, Pos::VBN | Pos::VBG))
    });
    if other_verb {
        return None;
    }
    let comma_before = v
        .checked_sub(1)
        .and_then(|p| s.tokens.get(p))
        .is_some_and(|k| low(text, k.span) == ",");
    if comma_before {
        // "Jan Egeland, an adviser to the UN envoy, Staffan de Mistura,
        // said:": the subject opens the sentence
        return mention_from(text, s, 0, mentions).map(|(m, _)| m);
    }
    mention_before(text, s, v, mentions)
}

/// The quotations of a document with their speakers (indices into
/// `mentions`, the document's actor mentions in text order).
pub fn quotations(text: &str, sentences: &[Sentence], mentions: &[ActorMention]) -> Vec<Quotation> {
    let mut out: Vec<Quotation> = Vec::new();
    let spans = spans(text);
    // whether the previous quotation was cut by the next one's mark
    let mut cut_before = false;
    for &(span, cut) in &spans {
        let open = text
            .get(..span.start)
            .and_then(|t| t.char_indices().next_back())
            .map_or(span.start, |(i, _)| i);
        let close = span.end;
        let mut q = Quotation {
            span,
            speaker: None,
            speaker_span: None,
            why: "",
        };
        if !cut {
            if let Some(m) = trailing_speaker(text, sentences, close, mentions) {
                q.speaker = Some(m);
                q.why = "the verb of saying after it";
            }
        }
        if q.speaker.is_none() {
            if let Some(m) = leading_speaker(text, sentences, open, mentions) {
                q.speaker = Some(m);
                q.why = "the verb of saying before it";
            }
        }
        if q.speaker.is_none() {
            q.speaker = continued_speaker(sentences, out.last(), open, cut_before);
            if q.speaker.is_some() {
                q.why = "it continues the previous quotation";
            }
        }
        cut_before = cut;
        q.speaker_span = q.speaker.and_then(|m| mentions.get(m)).map(|m| m.span);
        out.push(q);
    }
    // a quotation cut by the next mark takes that one's trailing speaker
    // when it has none (“A. “B,” he said.): filled back to front
    for i in (0..out.len().saturating_sub(1)).rev() {
        let cut = spans.get(i).is_some_and(|&(_, cut)| cut);
        let next = out.get(i + 1).and_then(|q| q.speaker);
        if let (Some(q), Some(m), true) = (out.get_mut(i), next, cut) {
            if q.speaker.is_none() {
                q.speaker = Some(m);
                q.speaker_span = mentions.get(m).map(|x| x.span);
                q.why = "the next quotation, which continues it";
            }
        }
    }
    out
}

/// The speaker of a quotation that opens its sentence right after a
/// quotation with a speaker that ended in the previous sentence or was cut
/// by this one's mark.
fn continued_speaker(
    sentences: &[Sentence],
    prev: Option<&Quotation>,
    open: usize,
    cut_before: bool,
) -> Option<usize> {
    let prev = prev?;
    let speaker = prev.speaker?;
    let si = sentence_at(sentences, open)?;
    let s = sentences.get(si)?;
    // the mark opens the sentence (as it opens a paragraph when a quote runs
    // on over paragraphs)
    if s.tokens.first().is_some_and(|t| t.span.start < open) {
        return None;
    }
    if cut_before {
        return Some(speaker);
    }
    let prev_sentence = sentence_at(sentences, prev.span.end.saturating_sub(1))?;
    (prev_sentence + 1 == si).then_some(speaker)
}

/// Adds a mention for each first-person pronoun inside a quotation with a
/// speaker (not already part of a mention), linked to the speaker, and
/// keeps the list in text order with its antecedents renumbered.
pub(crate) fn first_person(
    text: &str,
    sentences: &[Sentence],
    mentions: Vec<ActorMention>,
) -> Vec<ActorMention> {
    let quotes = quotations(text, sentences, &mentions);
    let mut added: Vec<ActorMention> = Vec::new();
    for q in quotes.iter().filter(|q| q.speaker.is_some()) {
        let Some(speaker) = q.speaker.and_then(|m| mentions.get(m).map(|x| (m, x))) else {
            continue;
        };
        let (si, speaker_mention) = speaker;
        let from = sentences.partition_point(|s| s.span.end <= q.span.start);
        for s in sentences.get(from..).unwrap_or_default() {
            if s.span.start >= q.span.end {
                break;
            }
            for t in &s.tokens {
                if t.span.start < q.span.start || t.span.end > q.span.end {
                    continue;
                }
                if !matches!(t.pos, Pos::PRP | Pos::PRPS) {
                    continue;
                }
                let word = t.span.slice(text);
                // "US" is the country; "I" is upper case only
                if word == "US" || (word != "I" && word.to_lowercase() == "i") {
                    continue;
                }
                if !FIRST_PERSON.contains(&word.to_lowercase().as_str()) {
                    continue;
                }
                if mentions.iter().any(|m| m.span.overlaps(t.span)) {
                    continue;
                }
                added.push(ActorMention {
                    span: t.span,
                    sentence: s.index,
                    text: word.to_string(),
                    kind: MentionKind::Pronoun,
                    actor: speaker_mention.actor.clone(),
                    antecedent: Some(si),
                    rule: format!(
                        "first-person pronoun in a quotation → its speaker '{}' ({})",
                        speaker_mention.text, q.why
                    ),
                    confidence: speaker_mention.confidence.min(FIRST_PERSON_CONFIDENCE),
                });
            }
        }
    }
    if added.is_empty() {
        return mentions;
    }
    merge(mentions, added)
}

/// `old` and `added` (each in text order) merged in text order, every
/// antecedent renumbered to the merged list (added mentions point into
/// `old`).
fn merge(old: Vec<ActorMention>, added: Vec<ActorMention>) -> Vec<ActorMention> {
    let total = old.len() + added.len();
    let mut tagged: Vec<(bool, usize, ActorMention)> = old
        .into_iter()
        .enumerate()
        .map(|(i, m)| (false, i, m))
        .chain(added.into_iter().enumerate().map(|(i, m)| (true, i, m)))
        .collect();
    tagged.sort_by_key(|(is_new, i, m)| (m.span.start, m.span.end, *is_new, *i));
    let mut new_index_of_old = vec![0usize; total];
    for (pos, (is_new, i, _)) in tagged.iter().enumerate() {
        if !is_new {
            if let Some(slot) = new_index_of_old.get_mut(*i) {
                *slot = pos;
            }
        }
    }
    tagged
        .into_iter()
        .map(|(_, _, mut m)| {
            m.antecedent = m.antecedent.and_then(|a| new_index_of_old.get(a).copied());
            m
        })
        .collect()
}
