//! Tests of the contextual rules and their index.
use super::*;

fn vocab_for_errors() -> Vocab {
    Vocab::default()
}

#[test]
fn parses_and_applies_in_order() {
    let mut vocab = Vocab::default();
    let rules = vec![
        Rule::parse("NN\tVB\tPREVTAG\tTO", &mut vocab).unwrap_or_else(|e| panic!("{e}")),
        Rule::parse("VB\tVBP\tPREVTAG\tPRP", &mut vocab).unwrap_or_else(|e| panic!("{e}")),
        Rule::parse("VB\tNN\tPREVWD\tthe", &mut vocab).unwrap_or_else(|e| panic!("{e}")),
    ];
    let set = RuleSet::new(rules, vocab);
    let mut ids = Vec::new();
    set.word_ids(&["to", "talk"], &mut ids);
    let mut tags = [Pos::TO, Pos::NN];
    set.apply(&ids, &mut tags, |_, _| true);
    assert_eq!(tags, [Pos::TO, Pos::VB]);
    set.word_ids(&["the", "talk"], &mut ids);
    let mut tags = [Pos::DT, Pos::VB];
    set.apply(&ids, &mut tags, |_, _| true);
    assert_eq!(tags, [Pos::DT, Pos::NN]);
    let mut tags = [Pos::DT, Pos::VB];
    set.apply(&ids, &mut tags, |_, to| to != Pos::NN);
    assert_eq!(tags, [Pos::DT, Pos::VB], "refused tag is never forced");
    assert!(Rule::parse("NN VB NOSUCH x", &mut vocab_for_errors()).is_err());
    assert!(Rule::parse("XX VB PREVTAG TO", &mut vocab_for_errors()).is_err());
}

/// The rules at each token in file order without the index: what
/// [`RuleSet::apply`] must reproduce.
fn apply_unindexed(
    set: &RuleSet,
    words: &[WordId],
    tags: &mut [Pos],
    allowed: impl Fn(usize, Pos) -> bool,
) {
    for i in 0..tags.len() {
        let mut next_rule = 0;
        while let Some(current) = tags.get(i).copied() {
            let hit = set.rules.iter().enumerate().skip(next_rule).find(|(_, r)| {
                r.from.is_none_or(|f| f == current)
                    && r.to != current
                    && r.matches(i, words, tags)
                    && allowed(i, r.to)
            });
            let Some((r, rule)) = hit else { break };
            if let Some(slot) = tags.get_mut(i) {
                *slot = rule.to;
            }
            next_rule = r + 1;
        }
    }
}

#[test]
fn indexed_rules_fire_like_a_linear_scan() {
    let mut errors = Vec::new();
    let set = super::super::data::parse_rules(
        &[
            ("context", super::super::data::CONTEXT_TSV),
            ("extra", super::super::data::CONTEXT_EXTRA_TSV),
        ],
        &mut errors,
    );
    assert!(errors.is_empty(), "{errors:?}");
    let mut vocab: Vec<&str> = set.vocab.keys().map(|w| &**w).collect();
    vocab.sort_unstable();
    vocab.extend(["zebra", "quietly"]); // words no rule names
                                        // A fixed pseudo-random sequence (no dependency on `rand`).
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut fired = 0;
    for _ in 0..3000 {
        let len = 1 + next(12);
        let words: Vec<&str> = (0..len)
            .map(|_| vocab.get(next(vocab.len())).copied().unwrap_or("x"))
            .collect();
        let start: Vec<Pos> = (0..len)
            .map(|_| {
                Pos::ALL
                    .get(next(Pos::ALL.len()))
                    .copied()
                    .unwrap_or(Pos::NN)
            })
            .collect();
        let mut ids = Vec::new();
        set.word_ids(&words, &mut ids);
        let refuse = next(Pos::ALL.len());
        let allowed = |i: usize, to: Pos| (i + to as usize) % Pos::ALL.len() != refuse;
        let mut indexed = start.clone();
        set.apply(&ids, &mut indexed, allowed);
        let mut linear = start.clone();
        apply_unindexed(&set, &ids, &mut linear, allowed);
        assert_eq!(indexed, linear, "{words:?} {start:?}");
        fired += usize::from(indexed != start);
    }
    assert!(fired > 300, "the sample exercises the rules: {fired}");
}
