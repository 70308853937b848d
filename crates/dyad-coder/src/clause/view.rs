//! A sentence prepared for clause analysis: its tokens (capped), their
//! lower-case forms and the actor mentions placed on them.

use dyad_core::{Pos, Sentence, Token};

use super::MAX_TOKENS;
use crate::locative::InTextOrder;
#[cfg(doc)]
use crate::locative::Mentions;
use crate::words;

/// How the lexicon's rule text of a hyphenated pair's country ends
/// ("the Israeli-Palestinian talks").
const PAIR_RULE: &str = "(hyphenated pair)";

/// At most this many pair mentions are kept per sentence.
const MAX_TWINS: usize = 8;

/// An actor mention located in a sentence's tokens.
#[derive(Debug, Clone, Copy)]
pub struct LocalMention {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Index in the document's mention list.
    pub global: usize,
    /// A toponym standing for its country ([`crate::locative`]): it may fill
    /// a prepositional slot but is never a subject.
    pub place: bool,
    /// A capital, seat or other city standing for its government
    /// (`MentionKind::Capital`: "Moscow", "Geneva", "the Kremlin").
    pub city: bool,
    /// Local index of a second mention of the very same words: the other
    /// person of a pair ("the two men" → Putin and Kim). Twins are not in
    /// `mention_at`; they join their first mention's conjuncts.
    pub twin: Option<usize>,
    /// A role with no name ("the special envoy", "Syria special envoy").
    pub role: bool,
    /// A person the lexicon knows, with a country or an organisation.
    pub known_person: bool,
    /// The mention's country code, when it has a three-letter one.
    pub country: Option<[u8; 3]>,
    /// One country of a hyphenated pair modifying a noun ("the
    /// Israeli-Palestinian talks": the lexicon's "(hyphenated pair)"
    /// mentions): kept only on an event noun, see
    /// [`SentenceView::drop_pairs_unless`].
    pub pair: bool,
}

/// A sentence prepared for analysis.
pub struct SentenceView<'a> {
    /// The document text.
    pub text: &'a str,
    /// Tokens (capped at [`MAX_TOKENS`]).
    pub tokens: &'a [Token],
    /// Lower-cased token texts, slices of one buffer (the sentence
    /// lower-cased at once) rather than one allocation per token.
    lower: Vec<&'a str>,
    /// Mentions in the sentence, in text order, non-overlapping.
    pub mentions: Vec<LocalMention>,
    /// For each token, the local mention covering it.
    pub mention_at: Vec<Option<usize>>,
    /// Headline case (see [`SentenceView::is_title_case`]).
    pub title: bool,
    /// Verb lemmas for words the text tagger took for adjectives but the
    /// parser reads as verbs ("travelled", which the tagger's lexicon knows
    /// only as an adjective, is "travel"): set by the engine after parsing.
    pub verb_lemmas: Vec<(usize, String)>,
}

impl<'a> SentenceView<'a> {
    /// False when none of `near` (the mentions near the sentence,
    /// [`Mentions::in_span`] of its span) falls in `sentence`, so its view
    /// would have no mentions: lets the coder skip building views (and
    /// lower-casing tokens) for actor-less sentences.
    pub fn may_have_mentions(sentence: &Sentence, mut near: InTextOrder<'_>) -> bool {
        near.any(|(_, m)| m.sentence == sentence.index)
    }

    /// Builds the view of `sentence`, placing `near`, the document's
    /// mentions near it ([`Mentions::in_span`] of its span; the caller
    /// finds them once for this and [`SentenceView::may_have_mentions`]).
    ///
    /// `lower_buf` holds the lower-cased sentence while the view lives; the
    /// caller reuses it from sentence to sentence.
    pub fn new(
        text: &'a str,
        sentence: &'a Sentence,
        near: InTextOrder<'_>,
        lower_buf: &'a mut String,
    ) -> Self {
        let n = sentence.tokens.len().min(MAX_TOKENS);
        let tokens = sentence.tokens.get(..n).unwrap_or(&[]);
        let (from, to) = (sentence.span.start, sentence.span.end);
        lower_buf.clear();
        lower_buf.push_str(text.get(from..to).unwrap_or(""));
        let in_sentence = lower_buf.len();
        // ASCII lower-casing keeps byte offsets: an ASCII token (or one
        // without capitals) is read in place; other capitalised tokens are
        // lower-cased fully and appended.
        lower_buf.make_ascii_lowercase();
        // (start, end) of each token in `lower_buf`
        let mut ranges = Vec::with_capacity(n);
        // headline case (see `is_title_case`), counted in the same pass
        let (mut words, mut caps) = (0usize, 0usize);
        for t in tokens {
            let w = text.get(t.span.start..t.span.end).unwrap_or("");
            if let Some(c) = w.chars().next().filter(|c| c.is_alphabetic()) {
                words += 1;
                caps += usize::from(c.is_uppercase());
            }
            let inside = from <= t.span.start
                && t.span.start <= t.span.end
                && t.span.end <= from + in_sentence;
            if inside && (w.is_ascii() || !w.chars().any(char::is_uppercase)) {
                ranges.push((t.span.start - from, t.span.end - from));
            } else {
                let start = lower_buf.len();
                if w.chars().any(char::is_uppercase) {
                    lower_buf.push_str(&w.to_lowercase());
                } else {
                    lower_buf.push_str(w);
                }
                ranges.push((start, lower_buf.len()));
            }
        }
        let lower_buf: &'a String = lower_buf;
        let lower: Vec<&'a str> = ranges
            .iter()
            .map(|&(a, b)| lower_buf.get(a..b).unwrap_or(""))
            .collect();
        let mut mention_at = vec![None; n];
        let mut local: Vec<LocalMention> = Vec::new();
        let mut twins: Vec<(usize, usize)> = Vec::new();
        // mentions are in text order: only look at those inside the sentence
        for (gi, m) in near {
            if m.sentence != sentence.index {
                continue;
            }
            let first = tokens.partition_point(|t| t.span.end <= m.span.start);
            let last_excl = tokens.partition_point(|t| t.span.start < m.span.end);
            if first >= last_excl {
                continue;
            }
            let mut last = last_excl - 1;
            // a headline verb swallowed by a name ("Egypt Leader Threatens")
            // belongs to the clause, not to the actor
            while last > first
                && tokens
                    .get(last)
                    .is_some_and(|t| matches!(t.pos, Pos::VBZ | Pos::VBD | Pos::VBP | Pos::VBN))
            {
                last -= 1;
            }
            if (first..=last).any(|i| mention_at.get(i).copied().flatten().is_some()) {
                let same_words = mention_at
                    .get(first)
                    .copied()
                    .flatten()
                    .and_then(|li| local.get(li))
                    .is_some_and(|o: &LocalMention| o.first == first && o.last == last);
                if same_words && twins.len() < MAX_TWINS {
                    twins.push((first, gi));
                }
                continue;
            }
            let li = local.len();
            local.push(LocalMention {
                first,
                last,
                global: gi,
                place: crate::locative::is_place_mention(m),
                city: m.kind == dyad_core::MentionKind::Capital,
                twin: None,
                role: m.kind == dyad_core::MentionKind::Role,
                known_person: m.kind == dyad_core::MentionKind::Person
                    && (m.actor.country.is_some() || m.actor.org.is_some()),
                country: m
                    .actor
                    .country
                    .as_deref()
                    .and_then(|c| <[u8; 3]>::try_from(c.as_bytes()).ok()),
                pair: m.rule.ends_with(PAIR_RULE),
            });
            for slot in mention_at.iter_mut().take(last + 1).skip(first) {
                *slot = Some(li);
            }
        }
        local.sort_by_key(|m| m.first);
        // re-index after sorting
        for slot in mention_at.iter_mut() {
            *slot = None;
        }
        for (li, m) in local.iter().enumerate() {
            for slot in mention_at.iter_mut().take(m.last + 1).skip(m.first) {
                *slot = Some(li);
            }
        }
        // Twins go after the placed mentions, reachable only through `twin`.
        for (first, global) in twins {
            let Some(primary) = mention_at.get(first).copied().flatten() else {
                continue;
            };
            let ti = local.len();
            let Some(p) = local.get_mut(primary) else {
                continue;
            };
            if p.twin.is_some() {
                continue;
            }
            p.twin = Some(ti);
            let twin = LocalMention {
                global,
                twin: None,
                ..*p
            };
            local.push(twin);
        }
        SentenceView {
            text,
            tokens,
            lower,
            mentions: local,
            mention_at,
            title: is_title_case(words, caps),
            verb_lemmas: Vec::new(),
        }
    }

    /// Drops the countries of hyphenated pairs ("the Israeli-Palestinian
    /// talks", [`LocalMention::pair`]) on tokens for which `keep` is false:
    /// a pair names the two sides of an event noun it modifies, nothing on
    /// any other noun ("the Syrian-Turkish border", "a UK-Canadian
    /// national"). Indices of the other mentions are renumbered.
    pub fn drop_pairs_unless(&mut self, keep: impl Fn(usize) -> bool) {
        let dropped: Vec<bool> = self
            .mentions
            .iter()
            .map(|m| m.pair && !keep(m.first))
            .collect();
        if !dropped.contains(&true) {
            return;
        }
        let mut new_index = vec![None; self.mentions.len()];
        let mut kept: Vec<LocalMention> = Vec::with_capacity(self.mentions.len());
        for (i, m) in self.mentions.iter().enumerate() {
            if dropped.get(i) == Some(&false) {
                if let Some(slot) = new_index.get_mut(i) {
                    *slot = Some(kept.len());
                }
                kept.push(*m);
            }
        }
        for m in &mut kept {
            m.twin = m.twin.and_then(|t| new_index.get(t).copied().flatten());
        }
        for slot in &mut self.mention_at {
            *slot = slot.and_then(|i| new_index.get(i).copied().flatten());
        }
        self.mentions = kept;
    }

    /// Number of tokens analysed.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    #[inline]
    pub(crate) fn pos(&self, i: usize) -> Option<Pos> {
        self.tokens.get(i).map(|t| t.pos)
    }

    #[inline]
    pub(crate) fn lemma(&self, i: usize) -> &str {
        if let Some((_, l)) = self.verb_lemmas.iter().find(|(k, _)| *k == i) {
            return l;
        }
        self.tokens.get(i).map(|t| t.lemma.as_str()).unwrap_or("")
    }

    #[inline]
    pub(crate) fn low(&self, i: usize) -> &str {
        self.lower.get(i).copied().unwrap_or("")
    }

    /// True when token `i` has lemma or lower-case form `w`.
    #[inline]
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        let low = self.low(i);
        self.lemma(i) == w
            || low == w
            || (low.len() > w.len() + 1
                && low.starts_with(w)
                && matches!(&low[w.len()..], "s" | "es"))
    }

    pub(super) fn mention(&self, i: usize) -> Option<usize> {
        self.mention_at.get(i).copied().flatten()
    }

    pub(super) fn is_verbish(&self, i: usize) -> bool {
        self.pos(i).is_some_and(|p| p.is_verb() || p == Pos::MD)
    }

    /// Clause boundary tokens: ";", ":", dashes, relative pronouns, "that",
    /// subordinating conjunctions.
    pub(super) fn is_boundary(&self, i: usize) -> bool {
        let Some(p) = self.pos(i) else { return true };
        match p {
            Pos::Colon => true,
            Pos::WDT | Pos::WP | Pos::WPS => true,
            Pos::IN => words::is_subordinator(self.low(i)),
            _ => false,
        }
    }

    /// Mentions coordinated with mention `m` to its right ("X and Y", "X, Y and Z").
    pub(super) fn conjuncts_after(&self, m: usize) -> Vec<usize> {
        let mut out = vec![m];
        let mut cur = m;
        let mut any_and = false;
        while out.len() < 6 {
            let Some(lm) = self.mentions.get(cur) else {
                break;
            };
            let mut j = lm.last + 1;
            let mut saw_conj = false;
            while j < self.len() && j <= lm.last + 4 {
                if self.is(j, "and") || self.low(j) == "," {
                    saw_conj = true;
                    any_and |= self.is(j, "and");
                    j += 1;
                } else if matches!(self.pos(j), Some(Pos::DT | Pos::PRPS | Pos::JJ)) && saw_conj {
                    j += 1;
                } else {
                    break;
                }
            }
            match self.mention(j) {
                Some(next)
                    if saw_conj
                        && next != cur
                        && self.mentions.get(next).is_some_and(|n| n.first == j) =>
                {
                    out.push(next);
                    cur = next;
                }
                _ => break,
            }
        }
        // commas alone make an apposition ("Putin, the Russian leader"),
        // except in headlines ("France, Peru Sign Deal")
        if !any_and && !self.title {
            out.truncate(1);
        }
        self.with_twins(out)
    }

    /// Mentions coordinated with mention `m` to its left; returns them in text order ending with `m`.
    pub(super) fn conjuncts_before(&self, m: usize) -> Vec<usize> {
        let mut out = vec![m];
        let mut cur = m;
        let mut any_and = false;
        while out.len() < 6 {
            let Some(lm) = self.mentions.get(cur) else {
                break;
            };
            let mut j = lm.first;
            let mut saw_conj = false;
            while j > 0 && j + 4 >= lm.first {
                let k = j - 1;
                if self.is(k, "and") || self.low(k) == "," {
                    saw_conj = true;
                    any_and |= self.is(k, "and");
                    j = k;
                } else if matches!(self.pos(k), Some(Pos::DT | Pos::PRPS)) && !saw_conj {
                    j = k;
                } else {
                    break;
                }
            }
            if !saw_conj || j == 0 {
                break;
            }
            match self.mention(j - 1) {
                Some(prev) if prev != cur => {
                    out.insert(0, prev);
                    cur = prev;
                }
                _ => break,
            }
        }
        if !any_and && !self.title {
            // "The North's leader, Kim Jong Un, met": an apposition, keep the name
            out.drain(..out.len().saturating_sub(1));
        }
        self.with_twins(out)
    }

    /// `conjuncts` with each mention's twin right after it ("the two men"
    /// stands for both persons).
    fn with_twins(&self, conjuncts: Vec<usize>) -> Vec<usize> {
        if !conjuncts
            .iter()
            .any(|&m| self.mentions.get(m).is_some_and(|lm| lm.twin.is_some()))
        {
            return conjuncts;
        }
        let mut out = Vec::with_capacity(conjuncts.len() + 1);
        for m in conjuncts {
            out.push(m);
            if let Some(t) = self.mentions.get(m).and_then(|lm| lm.twin) {
                out.push(t);
            }
        }
        out
    }
}

/// Headline case ("Singapore Expels Dozens of Diplomats"): taggers read
/// capitalised verbs as proper nouns there. `words` counts the tokens that
/// start with a letter, `caps` those of them that start with a capital.
fn is_title_case(words: usize, caps: usize) -> bool {
    words >= 3 && caps * 10 >= words * 7
}
