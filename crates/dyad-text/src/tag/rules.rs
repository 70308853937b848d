//! Brill-style contextual rules: "change tag A to B when the context says
//! so", applied in order at each token as in pattern's tagger.
//!
//! In rule files, the pseudo-tag `STAART` stands for "beyond the sentence
//! edge" and a `from` tag of `*` for "any tag".

use dyad_core::Pos;

/// A word of a rule condition, interned: rules compare numbers, not strings.
pub type WordId = u32;

/// Id of every word that no rule mentions.
pub const OTHER_WORD: WordId = u32::MAX;

/// The words rules mention, with their ids.
pub type Vocab = super::data::FastMap<Box<str>, WordId>;

/// A tag in a rule condition: a Penn tag, or `None` for the sentence edge
/// (`STAART` in rule files).
pub type TagPat = Option<Pos>;

fn parse_tag_pat(s: &str) -> Option<TagPat> {
    if s == "STAART" {
        Some(None)
    } else {
        Pos::from_str(s).map(Some)
    }
}

/// One condition template of a contextual rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    /// Previous tag is x.
    PrevTag(TagPat),
    /// Next tag is x.
    NextTag(TagPat),
    /// Tag two before is x.
    Prev2Tag(TagPat),
    /// Tag two after is x.
    Next2Tag(TagPat),
    /// One of the two previous tags is x.
    Prev1Or2Tag(TagPat),
    /// One of the two next tags is x.
    Next1Or2Tag(TagPat),
    /// One of the three previous tags is x.
    Prev1Or2Or3Tag(TagPat),
    /// One of the three next tags is x.
    Next1Or2Or3Tag(TagPat),
    /// Previous tag is x and next tag is y.
    SurroundTag(TagPat, TagPat),
    /// Current word is x.
    CurWd(WordId),
    /// Previous word is x.
    PrevWd(WordId),
    /// Next word is x.
    NextWd(WordId),
    /// One of the two previous words is x.
    Prev1Or2Wd(WordId),
    /// One of the two next words is x.
    Next1Or2Wd(WordId),
    /// Previous tag is x and current word is y.
    WdPrevTag(TagPat, WordId),
    /// Current word is x and next tag is y.
    WdNextTag(WordId, TagPat),
    /// Current word is x and the word two after is y.
    WdAnd2Aft(WordId, WordId),
    /// Tag two before is x and current word is y.
    WdAnd2TagBfr(TagPat, WordId),
    /// Current word is x and the tag two after is y.
    WdAnd2TagAft(WordId, TagPat),
    /// Previous word is x and current word is y.
    LBigram(WordId, WordId),
    /// Current word is x and next word is y.
    RBigram(WordId, WordId),
    /// Tags two before and one before are x, y.
    PrevBigram(TagPat, TagPat),
    /// Tags one after and two after are x, y.
    NextBigram(TagPat, TagPat),
}

impl Cond {
    /// True when the condition names the current word.
    pub fn needs_current_word(&self) -> bool {
        matches!(
            self,
            Cond::CurWd(_)
                | Cond::WdPrevTag(..)
                | Cond::WdNextTag(..)
                | Cond::WdAnd2Aft(..)
                | Cond::WdAnd2TagBfr(..)
                | Cond::WdAnd2TagAft(..)
                | Cond::LBigram(..)
                | Cond::RBigram(..)
        )
    }
}

/// A contextual rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Tag the rule applies to (`None`: any tag).
    pub from: Option<Pos>,
    /// Tag it sets.
    pub to: Pos,
    /// When it applies.
    pub cond: Cond,
}

impl Rule {
    /// Parses `from<TAB>to<TAB>TEMPLATE<TAB>x[<TAB>y]` (also space-separated).
    /// Words are interned in `vocab`.
    pub fn parse(line: &str, vocab: &mut Vocab) -> Result<Rule, String> {
        let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        let tag = |i: usize| -> Result<TagPat, String> {
            let s = cols.get(i).copied().unwrap_or("");
            parse_tag_pat(s).ok_or_else(|| format!("unknown tag {s:?} in column {}", i + 1))
        };
        let from = match cols.first().copied() {
            Some("*") => None,
            Some(s) => {
                Some(Pos::from_str(s).ok_or_else(|| format!("unknown tag {s:?} in column 1"))?)
            }
            None => return Err("empty rule".into()),
        };
        let to = cols
            .get(1)
            .and_then(|s| Pos::from_str(s))
            .ok_or_else(|| format!("unknown or missing tag {:?} in column 2", cols.get(1)))?;
        let mut word = |i: usize| -> Result<WordId, String> {
            let w = cols
                .get(i)
                .ok_or_else(|| format!("missing column {}", i + 1))?;
            let next = vocab.len() as WordId;
            Ok(*vocab.entry(Box::from(*w)).or_insert(next))
        };
        let template = cols.get(2).copied().unwrap_or("").to_ascii_uppercase();
        let cond = match template.as_str() {
            "PREVTAG" => Cond::PrevTag(tag(3)?),
            "NEXTTAG" => Cond::NextTag(tag(3)?),
            "PREV2TAG" => Cond::Prev2Tag(tag(3)?),
            "NEXT2TAG" => Cond::Next2Tag(tag(3)?),
            "PREV1OR2TAG" => Cond::Prev1Or2Tag(tag(3)?),
            "NEXT1OR2TAG" => Cond::Next1Or2Tag(tag(3)?),
            "PREV1OR2OR3TAG" => Cond::Prev1Or2Or3Tag(tag(3)?),
            "NEXT1OR2OR3TAG" => Cond::Next1Or2Or3Tag(tag(3)?),
            "SURROUNDTAG" => Cond::SurroundTag(tag(3)?, tag(4)?),
            "CURWD" => Cond::CurWd(word(3)?),
            "PREVWD" => Cond::PrevWd(word(3)?),
            "NEXTWD" => Cond::NextWd(word(3)?),
            "PREV1OR2WD" => Cond::Prev1Or2Wd(word(3)?),
            "NEXT1OR2WD" => Cond::Next1Or2Wd(word(3)?),
            "WDPREVTAG" => Cond::WdPrevTag(tag(3)?, word(4)?),
            "WDNEXTTAG" => Cond::WdNextTag(word(3)?, tag(4)?),
            "WDAND2AFT" => Cond::WdAnd2Aft(word(3)?, word(4)?),
            "WDAND2TAGBFR" => Cond::WdAnd2TagBfr(tag(3)?, word(4)?),
            "WDAND2TAGAFT" => Cond::WdAnd2TagAft(word(3)?, tag(4)?),
            "LBIGRAM" => Cond::LBigram(word(3)?, word(4)?),
            "RBIGRAM" => Cond::RBigram(word(3)?, word(4)?),
            "PREVBIGRAM" => Cond::PrevBigram(tag(3)?, tag(4)?),
            "NEXTBIGRAM" => Cond::NextBigram(tag(3)?, tag(4)?),
            other => return Err(format!("unknown rule template {other:?}")),
        };
        Ok(Rule { from, to, cond })
    }

    /// True when the rule's condition holds at token `i`.
    /// `words[i]` is the [`WordId`] of token `i` (see [`RuleSet::word_ids`]).
    pub fn matches(&self, i: usize, words: &[WordId], tags: &[Pos]) -> bool {
        let t = |d: isize| -> Option<Pos> {
            i.checked_add_signed(d).and_then(|j| tags.get(j).copied())
        };
        let w = |d: isize| -> Option<WordId> {
            i.checked_add_signed(d).and_then(|j| words.get(j).copied())
        };
        let is_t = |d: isize, x: TagPat| t(d) == x;
        let is_w = |d: isize, x: &WordId| w(d) == Some(*x);
        match &self.cond {
            Cond::PrevTag(x) => is_t(-1, *x),
            Cond::NextTag(x) => is_t(1, *x),
            Cond::Prev2Tag(x) => is_t(-2, *x),
            Cond::Next2Tag(x) => is_t(2, *x),
            Cond::Prev1Or2Tag(x) => is_t(-1, *x) || is_t(-2, *x),
            Cond::Next1Or2Tag(x) => is_t(1, *x) || is_t(2, *x),
            Cond::Prev1Or2Or3Tag(x) => is_t(-1, *x) || is_t(-2, *x) || is_t(-3, *x),
            Cond::Next1Or2Or3Tag(x) => is_t(1, *x) || is_t(2, *x) || is_t(3, *x),
            Cond::SurroundTag(x, y) => is_t(-1, *x) && is_t(1, *y),
            Cond::CurWd(x) => is_w(0, x),
            Cond::PrevWd(x) => is_w(-1, x),
            Cond::NextWd(x) => is_w(1, x),
            Cond::Prev1Or2Wd(x) => is_w(-1, x) || is_w(-2, x),
            Cond::Next1Or2Wd(x) => is_w(1, x) || is_w(2, x),
            Cond::WdPrevTag(x, y) => is_t(-1, *x) && is_w(0, y),
            Cond::WdNextTag(x, y) => is_w(0, x) && is_t(1, *y),
            Cond::WdAnd2Aft(x, y) => is_w(0, x) && is_w(2, y),
            Cond::WdAnd2TagBfr(x, y) => is_t(-2, *x) && is_w(0, y),
            Cond::WdAnd2TagAft(x, y) => is_w(0, x) && is_t(2, *y),
            Cond::LBigram(x, y) => is_w(-1, x) && is_w(0, y),
            Cond::RBigram(x, y) => is_w(0, x) && is_w(1, y),
            Cond::PrevBigram(x, y) => is_t(-2, *x) && is_t(-1, *y),
            Cond::NextBigram(x, y) => is_t(1, *x) && is_t(2, *y),
        }
    }
}

/// One test a rule's condition makes at a fixed offset from the token: a
/// tag (or the sentence edge) or a word. Every condition holds only where
/// at least one of its [`Cond::atoms`] holds, so rules are indexed by them.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Atom {
    /// The tag at this offset (never 0) is the pattern.
    Tag(i8, TagPat),
    /// The word at this offset (-2..=2) is the word.
    Word(i8, WordId),
}

impl Cond {
    /// Tests of which at least one holds wherever the condition does: all
    /// alternatives of an "or" condition, one test of an "and".
    fn atoms(&self) -> Vec<Atom> {
        use Atom::{Tag, Word};
        match *self {
            Cond::PrevTag(x) => vec![Tag(-1, x)],
            Cond::NextTag(x) => vec![Tag(1, x)],
            Cond::Prev2Tag(x) => vec![Tag(-2, x)],
            Cond::Next2Tag(x) => vec![Tag(2, x)],
            Cond::Prev1Or2Tag(x) => vec![Tag(-1, x), Tag(-2, x)],
            Cond::Next1Or2Tag(x) => vec![Tag(1, x), Tag(2, x)],
            Cond::Prev1Or2Or3Tag(x) => vec![Tag(-1, x), Tag(-2, x), Tag(-3, x)],
            Cond::Next1Or2Or3Tag(x) => vec![Tag(1, x), Tag(2, x), Tag(3, x)],
            Cond::SurroundTag(x, _) => vec![Tag(-1, x)],
            Cond::CurWd(x) => vec![Word(0, x)],
            Cond::PrevWd(x) => vec![Word(-1, x)],
            Cond::NextWd(x) => vec![Word(1, x)],
            Cond::Prev1Or2Wd(x) => vec![Word(-1, x), Word(-2, x)],
            Cond::Next1Or2Wd(x) => vec![Word(1, x), Word(2, x)],
            Cond::WdPrevTag(_, y) => vec![Word(0, y)],
            Cond::WdNextTag(x, _) => vec![Word(0, x)],
            Cond::WdAnd2Aft(x, _) => vec![Word(0, x)],
            Cond::WdAnd2TagBfr(_, y) => vec![Word(0, y)],
            Cond::WdAnd2TagAft(x, _) => vec![Word(0, x)],
            Cond::LBigram(_, y) => vec![Word(0, y)],
            Cond::RBigram(x, _) => vec![Word(0, x)],
            Cond::PrevBigram(_, y) => vec![Tag(-1, y)],
            Cond::NextBigram(x, _) => vec![Tag(1, x)],
        }
    }
}

/// Offsets of tag tests (-3..=3 without 0).
const TAG_OFFSETS: [isize; 6] = [-3, -2, -1, 1, 2, 3];
/// Number of tag patterns: every Penn tag plus the sentence edge.
fn tag_pats() -> usize {
    Pos::ALL.len() + 1
}
fn tag_pat_index(x: TagPat) -> usize {
    x.map_or(Pos::ALL.len(), |p| p as usize)
}

/// An ordered list of contextual rules.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    /// The words the rules mention.
    vocab: Vocab,
    /// Rules by the tag tests they make: slot
    /// `(from × 6 + offset index) × tag patterns + tag pattern` holds a
    /// range of `tag_rules`: the rules changing `from` (including `*`
    /// rules) with that test, ascending.
    tag_slots: Vec<(u32, u32)>,
    tag_rules: Vec<u16>,
    /// For each `from × 6 + offset index`, bit `x` is set when the slot of
    /// tag pattern `x` is not empty (patterns from 64 on are always looked up).
    tag_masks: Vec<u64>,
    /// For each word id, the word tests naming it: (offset, rule), ascending
    /// by rule.
    word_rules: Vec<Vec<(i8, u16)>>,
}

impl RuleSet {
    /// The rules, in the order they apply; `vocab` interned their words.
    pub fn new(rules: Vec<Rule>, vocab: Vocab) -> RuleSet {
        let pats = tag_pats();
        let slot_count = Pos::ALL.len() * TAG_OFFSETS.len() * pats;
        let mut by_slot: Vec<Vec<u16>> = vec![Vec::new(); slot_count];
        let mut word_rules: Vec<Vec<(i8, u16)>> = vec![Vec::new(); vocab.len()];
        for (r, rule) in rules.iter().enumerate() {
            let Ok(r16) = u16::try_from(r) else { break };
            for atom in rule.cond.atoms() {
                match atom {
                    Atom::Tag(off, x) => {
                        let Some(k) = TAG_OFFSETS.iter().position(|&o| o == off as isize) else {
                            continue;
                        };
                        for from in Pos::ALL {
                            if rule.from.is_none_or(|f| f == *from) {
                                let slot = (*from as usize * TAG_OFFSETS.len() + k) * pats
                                    + tag_pat_index(x);
                                if let Some(list) = by_slot.get_mut(slot) {
                                    if list.last() != Some(&r16) {
                                        list.push(r16);
                                    }
                                }
                            }
                        }
                    }
                    Atom::Word(off, w) => {
                        if let Some(list) = word_rules.get_mut(w as usize) {
                            if !list.contains(&(off, r16)) {
                                list.push((off, r16));
                            }
                        }
                    }
                }
            }
        }
        let mut tag_slots = Vec::with_capacity(slot_count);
        let mut tag_rules = Vec::new();
        let mut tag_masks = vec![0u64; Pos::ALL.len() * TAG_OFFSETS.len()];
        for (slot, list) in by_slot.into_iter().enumerate() {
            if let Some(mask) = tag_masks.get_mut(slot / pats) {
                if !list.is_empty() && slot % pats < 64 {
                    *mask |= 1 << (slot % pats);
                }
            }
            let start = tag_rules.len() as u32;
            tag_rules.extend(list);
            tag_slots.push((start, tag_rules.len() as u32));
        }
        RuleSet {
            rules,
            vocab,
            tag_slots,
            tag_rules,
            tag_masks,
            word_rules,
        }
    }

    /// The [`WordId`] of each word ([`OTHER_WORD`] when no rule mentions it).
    pub fn word_ids(&self, words: &[&str], out: &mut Vec<WordId>) {
        out.clear();
        out.extend(
            words
                .iter()
                .map(|w| self.vocab.get(*w).copied().unwrap_or(OTHER_WORD)),
        );
    }

    /// The [`WordId`] of one word ([`OTHER_WORD`] when no rule mentions it).
    pub fn word_id(&self, word: &str) -> WordId {
        self.vocab.get(word).copied().unwrap_or(OTHER_WORD)
    }

    /// The words the rules mention, with their ids.
    pub fn vocab_words(&self) -> impl Iterator<Item = (&str, WordId)> + '_ {
        self.vocab.iter().map(|(w, id)| (&**w, *id))
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// True when there are no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Appends to `out` the rules from `next_rule` on that change `current`
    /// and make a test that holds at token `i` (the only rules that can
    /// match there), unsorted and possibly repeated. `window` holds the
    /// sentence's tag patterns and word ids, padded at both edges.
    fn candidates(
        &self,
        i: usize,
        current: Pos,
        next_rule: usize,
        window: &Window,
        out: &mut Vec<u16>,
    ) {
        let pats = tag_pats();
        let from = current as usize * TAG_OFFSETS.len();
        // Tag patterns at offsets -3..=3 of token i (index 3 is the token).
        let Some(around) = window.pats.get(i..i + 2 * TAG_PAD + 1) else {
            return;
        };
        let Some(masks) = self.tag_masks.get(from..from + TAG_OFFSETS.len()) else {
            return;
        };
        for (k, (&x, &mask)) in [0, 1, 2, 4, 5, 6]
            .map(|o| around.get(o).copied().unwrap_or(0))
            .iter()
            .zip(masks)
            .enumerate()
        {
            if x < 64 && mask >> x & 1 == 0 {
                continue;
            }
            let slot = (from + k) * pats + x as usize;
            let Some(&(start, end)) = self.tag_slots.get(slot) else {
                continue;
            };
            for &r in self
                .tag_rules
                .get(start as usize..end as usize)
                .unwrap_or(&[])
            {
                if r as usize >= next_rule {
                    out.push(r);
                }
            }
        }
        // Word ids at offsets -2..=2 of token i.
        let near = window.words.get(i..i + 2 * WORD_PAD + 1).unwrap_or(&[]);
        for (k, &w) in near.iter().enumerate() {
            let Some(list) = self.word_rules.get(w as usize) else {
                continue; // OTHER_WORD
            };
            let d = k as isize - WORD_PAD as isize;
            for &(off, r) in list {
                if off as isize == d
                    && r as usize >= next_rule
                    && self
                        .rules
                        .get(r as usize)
                        .is_some_and(|rule| rule.from.is_none_or(|f| f == current))
                {
                    out.push(r);
                }
            }
        }
    }

    /// Applies the rules at each token left to right, as pattern's tagger
    /// does: at a token, the rules for its current tag run in file order,
    /// each seeing the tag set by earlier ones. (Brill's rule-major order
    /// agreed with the teacher no better — 94.50% vs 94.45%, see
    /// docs/text.md — and costs a sweep per rule.) `words` are
    /// [`RuleSet::word_ids`]. `allowed(i, tag)` says whether token `i` may take `tag` at all (a
    /// word's possible tags); rules never force a tag it refuses.
    ///
    /// A token only tries the rules indexed under a test that holds there
    /// (its neighbours' tags and words), in file order.
    pub fn apply(&self, words: &[WordId], tags: &mut [Pos], allowed: impl Fn(usize, Pos) -> bool) {
        self.apply_with(words, tags, allowed, &mut RuleScratch::default());
    }

    /// [`RuleSet::apply`] with buffers reused across sentences.
    pub fn apply_with(
        &self,
        words: &[WordId],
        tags: &mut [Pos],
        allowed: impl Fn(usize, Pos) -> bool,
        scratch: &mut RuleScratch,
    ) {
        let RuleScratch { window, candidates } = scratch;
        window.fill(words, tags);
        for i in 0..tags.len() {
            let mut next_rule = 0usize;
            while let Some(current) = tags.get(i).copied() {
                candidates.clear();
                self.candidates(i, current, next_rule, window, candidates);
                if candidates.is_empty() {
                    break;
                }
                if candidates.len() > 1 {
                    candidates.sort_unstable();
                }
                let hit = candidates.iter().map(|&r| r as usize).find(|&r| {
                    self.rules.get(r).is_some_and(|rule| {
                        rule.to != current && rule.matches(i, words, tags) && allowed(i, rule.to)
                    })
                });
                match hit.and_then(|r| self.rules.get(r).map(|rule| (r, rule.to))) {
                    Some((r, to)) => {
                        if let Some(slot) = tags.get_mut(i) {
                            *slot = to;
                        }
                        window.set_tag(i, to);
                        next_rule = r + 1;
                    }
                    None => break,
                }
            }
        }
    }
}

/// Padding of [`Window::pats`] on each side: the farthest tag test.
const TAG_PAD: usize = 3;
/// Padding of [`Window::words`] on each side: the farthest word test.
const WORD_PAD: usize = 2;

/// Buffers [`RuleSet::apply_with`] reuses from one sentence to the next.
#[derive(Debug, Default)]
pub struct RuleScratch {
    window: Window,
    candidates: Vec<u16>,
}

/// A sentence's tag patterns and word ids, padded at both edges (with the
/// sentence-edge pattern and [`OTHER_WORD`]) so the tests around a token
/// read a fixed slice.
#[derive(Debug, Default)]
struct Window {
    /// [`tag_pat_index`] of each tag, `TAG_PAD` edge patterns each side.
    pats: Vec<u8>,
    /// Word ids, `WORD_PAD` [`OTHER_WORD`]s each side.
    words: Vec<WordId>,
}

impl Window {
    /// Fills the window for a sentence.
    fn fill(&mut self, words: &[WordId], tags: &[Pos]) {
        let edge = tag_pat_index(None) as u8;
        self.pats.clear();
        self.pats.extend([edge; TAG_PAD]);
        self.pats
            .extend(tags.iter().map(|&t| tag_pat_index(Some(t)) as u8));
        self.pats.extend([edge; TAG_PAD]);
        self.words.clear();
        self.words.extend([OTHER_WORD; WORD_PAD]);
        self.words.extend_from_slice(words);
        self.words.extend([OTHER_WORD; WORD_PAD]);
    }

    fn set_tag(&mut self, i: usize, tag: Pos) {
        if let Some(slot) = self.pats.get_mut(i + TAG_PAD) {
            *slot = tag_pat_index(Some(tag)) as u8;
        }
    }
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
