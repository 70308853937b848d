//! Brill-style contextual rules: "change tag A to B when the context says
//! so", applied in order at each token as in pattern's tagger.
//!
//! In rule files, the pseudo-tag `STAART` stands for "beyond the sentence
//! edge" and a `from` tag of `*` for "any tag".

use dyad_core::Pos;

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
    CurWd(Box<str>),
    /// Previous word is x.
    PrevWd(Box<str>),
    /// Next word is x.
    NextWd(Box<str>),
    /// One of the two previous words is x.
    Prev1Or2Wd(Box<str>),
    /// One of the two next words is x.
    Next1Or2Wd(Box<str>),
    /// Previous tag is x and current word is y.
    WdPrevTag(TagPat, Box<str>),
    /// Current word is x and next tag is y.
    WdNextTag(Box<str>, TagPat),
    /// Current word is x and the word two after is y.
    WdAnd2Aft(Box<str>, Box<str>),
    /// Tag two before is x and current word is y.
    WdAnd2TagBfr(TagPat, Box<str>),
    /// Current word is x and the tag two after is y.
    WdAnd2TagAft(Box<str>, TagPat),
    /// Previous word is x and current word is y.
    LBigram(Box<str>, Box<str>),
    /// Current word is x and next word is y.
    RBigram(Box<str>, Box<str>),
    /// Tags two before and one before are x, y.
    PrevBigram(TagPat, TagPat),
    /// Tags one after and two after are x, y.
    NextBigram(TagPat, TagPat),
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
    pub fn parse(line: &str) -> Result<Rule, String> {
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
        let word = |i: usize| -> Result<Box<str>, String> {
            cols.get(i)
                .map(|s| Box::from(*s))
                .ok_or_else(|| format!("missing column {}", i + 1))
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
    pub fn matches(&self, i: usize, words: &[&str], tags: &[Pos]) -> bool {
        let t = |d: isize| -> Option<Pos> {
            i.checked_add_signed(d).and_then(|j| tags.get(j).copied())
        };
        let w = |d: isize| -> Option<&str> {
            i.checked_add_signed(d).and_then(|j| words.get(j).copied())
        };
        let is_t = |d: isize, x: TagPat| t(d) == x;
        let is_w = |d: isize, x: &str| w(d) == Some(x);
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

/// An ordered list of contextual rules.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
}

impl RuleSet {
    /// The rules, in the order they apply.
    pub fn new(rules: Vec<Rule>) -> RuleSet {
        RuleSet { rules }
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// True when there are no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Applies the rules as Brill's tagger does: each rule in file order
    /// sweeps the sentence left to right, seeing the tags set by earlier
    /// rules and earlier positions. Rules whose `from` tag is absent from the
    /// sentence are skipped without a sweep.
    /// `allowed(i, tag)` says whether token `i` may take `tag` at all (a
    /// word's possible tags); rules never force a tag it refuses.
    pub fn apply(&self, words: &[&str], tags: &mut [Pos], allowed: impl Fn(usize, Pos) -> bool) {
        let mut present: u64 = tags.iter().fold(0, |m, t| m | bit(*t));
        for rule in &self.rules {
            if let Some(from) = rule.from {
                if present & bit(from) == 0 {
                    continue;
                }
            }
            for i in 0..tags.len() {
                let Some(current) = tags.get(i).copied() else {
                    break;
                };
                if rule.from.is_some_and(|f| f != current) || current == rule.to {
                    continue;
                }
                if rule.matches(i, words, tags) && allowed(i, rule.to) {
                    if let Some(slot) = tags.get_mut(i) {
                        *slot = rule.to;
                    }
                    present |= bit(rule.to);
                }
            }
        }
    }
}

/// The bit of a tag in a 64-bit presence mask (there are fewer than 64 tags).
fn bit(p: Pos) -> u64 {
    1u64 << ((p as u32) & 63)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_applies_in_order() {
        let rules = vec![
            Rule::parse("NN\tVB\tPREVTAG\tTO").unwrap_or_else(|e| panic!("{e}")),
            Rule::parse("VB\tVBP\tPREVTAG\tPRP").unwrap_or_else(|e| panic!("{e}")),
        ];
        let set = RuleSet::new(rules);
        let words = ["to", "talk"];
        let mut tags = [Pos::TO, Pos::NN];
        set.apply(&words, &mut tags, |_, _| true);
        assert_eq!(tags, [Pos::TO, Pos::VB]);
        assert!(Rule::parse("NN VB NOSUCH x").is_err());
        assert!(Rule::parse("XX VB PREVTAG TO").is_err());
    }
}
