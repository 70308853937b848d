//! Choosing the article among the page's blocks.
//!
//! 1. **Prune** elements that are page furniture by tag (`nav`, `aside`,
//!    `header`, `footer`, ARIA landmarks) or class/id vocabulary, unless they
//!    hold most of the page's text (a `<body class="has-sidebar">` wrapper).
//! 2. **Classify** each block: *good* (long, few links, not boilerplate),
//!    *bad* (pruned, link-heavy, boilerplate phrase) or *neutral*.
//! 3. **Container**: the element maximising Σ score of its blocks, where good
//!    blocks add their length and bad/neutral ones subtract — a maximum-weight
//!    subtree, so the article's paragraphs win over scattered teasers, and
//!    navigation lists pull the choice away from wrappers that hold them.
//! 4. **Emit** good blocks of the container plus, for continuity, headings,
//!    list items and short paragraphs that lie between good blocks.

use crate::walk::{RawBlock, Tag, Walked};
use crate::{Block, BlockKind};

/// Blocks shorter than this many chars are not article paragraphs on their own.
const GOOD_MIN_CHARS: u32 = 80;
/// A short block still counts as a paragraph when it ends a sentence and is at least this long.
const GOOD_SENTENCE_MIN_CHARS: u32 = 40;
/// Above this link share a block is navigation.
const BAD_LINK_DENSITY: f32 = 0.5;
/// Below this link share a block may be article text.
const GOOD_LINK_DENSITY: f32 = 0.3;
/// A neutral block between good ones is kept below this link share.
const NEUTRAL_KEEP_LINK_DENSITY: f32 = 0.5;
/// Blocks at least this long count as prose up to `BAD_LINK_DENSITY` links.
const LONG_BLOCK_CHARS: u32 = 150;
/// Fewer good chars than this in the best container means "no article".
const MIN_ARTICLE_CHARS: i64 = 200;
/// A furniture-marked element is kept anyway when it holds this share of the
/// page's paragraph text: then the marking is a wrapper's state class
/// (`modal-enabled`, `has-sidebar`), not furniture.
const WRAPPER_SHARE: f64 = 0.5;
/// The same for furniture by tag (`aside`, `nav`, `header`, `footer`), which
/// is rarely misused for the article.
const TAG_WRAPPER_SHARE: f64 = 0.9;

/// Result of selection.
pub(crate) struct Selection {
    pub blocks: Vec<Block>,
    pub notes: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Good,
    Neutral,
    Bad,
}

/// Select the article blocks. `title` is the page's headline, if known, so the
/// headline itself is not repeated as body text.
pub(crate) fn select(w: &Walked, title: Option<&str>) -> Selection {
    let strict = select_with(w, title, &STRICT);
    if !strict.blocks.is_empty() {
        return strict;
    }
    // Site-independent fallback: short articles made of short lines (release
    // notes, lists) have no long paragraph; retry with lower length thresholds.
    let mut relaxed = select_with(w, title, &RELAXED);
    if relaxed.blocks.is_empty() {
        return strict;
    }
    relaxed
        .notes
        .push("short article: found with relaxed paragraph-length thresholds".to_string());
    relaxed
}

/// Length thresholds of one selection pass.
struct Thresholds {
    /// A block this long (and not link-heavy) is a paragraph.
    good_min: u32,
    /// A block ending a sentence and this long is a paragraph.
    sentence_min: u32,
}

const STRICT: Thresholds = Thresholds {
    good_min: GOOD_MIN_CHARS,
    sentence_min: GOOD_SENTENCE_MIN_CHARS,
};
const RELAXED: Thresholds = Thresholds {
    good_min: 30,
    sentence_min: 15,
};

fn select_with(w: &Walked, title: Option<&str>, th: &Thresholds) -> Selection {
    let blocks = &w.blocks;
    let mut notes = Vec::new();
    // Prefix sums of good-block chars (classified before pruning) for element shares.
    let mut char_prefix = Vec::with_capacity(blocks.len() + 1);
    char_prefix.push(0u64);
    for b in blocks {
        let last = char_prefix.last().copied().unwrap_or(0);
        let good = classify(b, false, th) == Class::Good;
        char_prefix.push(
            last + if good {
                good_weight(b).unsigned_abs()
            } else {
                0
            },
        );
    }
    let total_chars = char_prefix.last().copied().unwrap_or(0).max(1);
    let span = |s: u32, e: u32, p: &Vec<u64>| -> u64 {
        p.get(e as usize)
            .copied()
            .unwrap_or(0)
            .saturating_sub(p.get(s as usize).copied().unwrap_or(0))
    };

    let mut pruned = vec![false; w.elems.len()];
    for (i, e) in w.elems.iter().enumerate() {
        let inherited = e
            .parent
            .and_then(|p| pruned.get(p as usize).copied())
            .unwrap_or(false);
        let by_tag = e.tag == Tag::Furniture;
        let by_vocab = e.vocab.strong_negative
            || (e.vocab.negative
                && !e.vocab.positive
                && !matches!(e.tag, Tag::Article | Tag::Main));
        let share = span(e.block_start, e.block_end, &char_prefix) as f64 / total_chars as f64;
        let own = e.tag != Tag::Body
            && ((by_tag && share < TAG_WRAPPER_SHARE) || (by_vocab && share < WRAPPER_SHARE));
        if let Some(p) = pruned.get_mut(i) {
            *p = inherited || own;
        }
    }
    let is_pruned = |b: &RawBlock| pruned.get(b.owner as usize).copied().unwrap_or(true);

    let mut classes: Vec<Class> = blocks
        .iter()
        .map(|b| classify(b, is_pruned(b), th))
        .collect();
    demote_teaser_articles(w, &mut classes);
    let mut score_prefix = Vec::with_capacity(blocks.len() + 1);
    score_prefix.push(0i64);
    for (b, c) in blocks.iter().zip(&classes) {
        let s = match c {
            Class::Good => good_weight(b),
            Class::Neutral => -(i64::from(b.chars) / 4),
            Class::Bad => -(i64::from(b.chars) / 2).max(20),
        };
        let last = score_prefix.last().copied().unwrap_or(0);
        score_prefix.push(last + s);
    }
    let score = |s: u32, e: u32| -> i64 {
        score_prefix.get(e as usize).copied().unwrap_or(0)
            - score_prefix.get(s as usize).copied().unwrap_or(0)
    };

    let mut best: Option<(i64, u32, u32)> = None;
    for (i, e) in w.elems.iter().enumerate() {
        if pruned.get(i).copied().unwrap_or(true) || e.block_start == e.block_end {
            continue;
        }
        let s = score(e.block_start, e.block_end);
        if best.is_none_or(|(bs, _, _)| s >= bs) {
            best = Some((s, e.block_start, e.block_end));
        }
    }
    let Some((_, start, end)) = best else {
        notes.push("no article found: the page has no text blocks".to_string());
        return Selection {
            blocks: Vec::new(),
            notes,
        };
    };
    let range = start as usize..end as usize;
    let good_chars: i64 = range
        .clone()
        .filter(|&i| classes.get(i) == Some(&Class::Good))
        .map(|i| blocks.get(i).map_or(0, |b| i64::from(b.chars)))
        .sum();
    if good_chars < MIN_ARTICLE_CHARS {
        notes.push(format!(
            "no article found: best container has {good_chars} chars of paragraph text (minimum {MIN_ARTICLE_CHARS}); \
             the page looks like an index, error or paywall page"
        ));
        return Selection {
            blocks: Vec::new(),
            notes,
        };
    }
    let first_good = range
        .clone()
        .find(|&i| classes.get(i) == Some(&Class::Good))
        .unwrap_or(start as usize);
    let last_good = range
        .clone()
        .rev()
        .find(|&i| classes.get(i) == Some(&Class::Good))
        .unwrap_or(start as usize);
    // Continuity at the head: a short opening sentence just before the first
    // paragraph belongs to it (bylines and datelines do not end a sentence),
    // and so do short lines and list items inside the same text box as it.
    let text_box = blocks
        .get(first_good)
        .and_then(|b| w.elems.get(b.owner as usize))
        .and_then(|e| {
            if e.tag == Tag::Paragraph {
                e.parent
            } else {
                Some(blocks.get(first_good).map_or(0, |b| b.owner))
            }
        });
    let in_text_box = |b: &RawBlock| {
        let mut cur = Some(b.owner);
        for _ in 0..4 {
            match cur {
                Some(i) if Some(i) == text_box => return true,
                Some(i) => cur = w.elems.get(i as usize).and_then(|e| e.parent),
                None => return false,
            }
        }
        false
    };
    let mut first_good = first_good;
    while first_good > start as usize {
        let (Some(b), Some(&c)) = (blocks.get(first_good - 1), classes.get(first_good - 1)) else {
            break;
        };
        let kind = kind_of(b);
        if c != Class::Neutral
            || is_pruned(b)
            || !matches!(kind, BlockKind::Paragraph | BlockKind::ListItem)
            || link_density(b) >= GOOD_LINK_DENSITY
            || !(ends_sentence(&b.text) && kind == BlockKind::Paragraph || in_text_box(b))
        {
            break;
        }
        first_good -= 1;
    }
    // Continuity at the tail: short lines right after the last paragraph (a
    // closing list, a last short sentence) belong to it until furniture starts.
    let mut last_good = last_good;
    while let (Some(b), Some(&c)) = (blocks.get(last_good + 1), classes.get(last_good + 1)) {
        if last_good + 1 >= end as usize
            || c != Class::Neutral
            || is_pruned(b)
            || kind_of(b) != BlockKind::Paragraph && kind_of(b) != BlockKind::ListItem
            || link_density(b) >= GOOD_LINK_DENSITY
        {
            break;
        }
        last_good += 1;
    }
    let title_norm = title.map(normalise).unwrap_or_default();

    let mut out = Vec::new();
    for i in range {
        let (Some(b), Some(&class)) = (blocks.get(i), classes.get(i)) else {
            continue;
        };
        if is_pruned(b) || class == Class::Bad {
            continue;
        }
        let kind = kind_of(b);
        let keep = match class {
            Class::Good => true,
            _ if kind == BlockKind::Caption => true,
            _ if i < first_good || i > last_good => false,
            _ if kind == BlockKind::Heading => {
                link_density(b) < GOOD_LINK_DENSITY && !is_title(&b.text, &title_norm)
            }
            // A one-word line between paragraphs is a widget label ("Close", "Caption").
            _ => {
                link_density(b) < NEUTRAL_KEEP_LINK_DENSITY
                    && (b.tag == Tag::TableCell || !is_lone_word(b))
            }
        };
        if keep {
            out.push(Block {
                kind,
                text: b.text.clone(),
            });
        }
    }
    Selection { blocks: out, notes }
}

/// Debugging aid: one line per block with its class, pruning and owner chain.
pub(crate) fn explain(w: &Walked) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for b in &w.blocks {
        let mut chain = Vec::new();
        let mut cur = Some(b.owner);
        while let Some(i) = cur {
            let Some(e) = w.elems.get(i as usize) else {
                break;
            };
            chain.push(format!(
                "{:?}{}{}{}{}",
                e.tag,
                if e.vocab.negative { "-" } else { "" },
                if e.vocab.strong_negative { "-" } else { "" },
                if e.vocab.positive { "+" } else { "" },
                e.class_id
                    .as_deref()
                    .map(|c| format!("[{c}]"))
                    .unwrap_or_default()
            ));
            cur = e.parent;
        }
        let ld = link_density(b);
        let snippet: String = b.text.chars().take(70).collect();
        let _ = writeln!(
            out,
            "{:>5} ld={ld:.2} {:?} | {} | {}",
            b.chars,
            classify(b, false, &STRICT),
            snippet,
            chain.join("<")
        );
    }
    out
}

/// A page of several `<article>` elements is one story plus teaser cards: the
/// article element with the most paragraph text of its own (not counting
/// nested articles) is the story; others holding less than this share of its
/// text are teasers, whose blocks count as bad.
const TEASER_ARTICLE_SHARE: f64 = 0.7;

fn demote_teaser_articles(w: &Walked, classes: &mut [Class]) {
    // Innermost <article> ancestor-or-self of every element (parents come first).
    let mut innermost: Vec<Option<u32>> = Vec::with_capacity(w.elems.len());
    for (i, e) in w.elems.iter().enumerate() {
        let inherited = e
            .parent
            .and_then(|p| innermost.get(p as usize).copied().flatten());
        innermost.push(if e.tag == Tag::Article {
            Some(i as u32)
        } else {
            inherited
        });
    }
    let mut own = std::collections::HashMap::<u32, u64>::new();
    for (b, c) in w.blocks.iter().zip(classes.iter()) {
        if let (Class::Good, Some(Some(a))) = (c, innermost.get(b.owner as usize)) {
            *own.entry(*a).or_insert(0) += good_weight(b).unsigned_abs();
        }
    }
    if own.len() < 2 {
        return;
    }
    let Some((&main, &main_weight)) = own
        .iter()
        .max_by_key(|(i, wgt)| (**wgt, std::cmp::Reverse(**i)))
    else {
        return;
    };
    // Articles enclosing the story are wrappers, not teasers.
    let mut enclosing = vec![main];
    let mut cur = w.elems.get(main as usize).and_then(|e| e.parent);
    while let Some(p) = cur {
        enclosing.push(p);
        cur = w.elems.get(p as usize).and_then(|e| e.parent);
    }
    for (b, c) in w.blocks.iter().zip(classes.iter_mut()) {
        let Some(Some(a)) = innermost.get(b.owner as usize) else {
            continue;
        };
        if enclosing.contains(a) {
            continue;
        }
        let weight = own.get(a).copied().unwrap_or(0);
        if (weight as f64) < TEASER_ARTICLE_SHARE * main_weight as f64 {
            *c = Class::Bad;
        }
    }
}

/// Weight of a good block in the container choice: article text is mostly
/// `<p>`; text in generic boxes counts less, and text nested inside list items
/// (teaser cards of story lists) much less.
fn good_weight(b: &RawBlock) -> i64 {
    let chars = i64::from(b.chars);
    let base = match b.tag {
        Tag::Paragraph => chars,
        Tag::ListItem => chars * 6 / 10,
        _ => chars * 7 / 10,
    };
    if b.nested_in_list {
        base * 3 / 10
    } else {
        base
    }
}

fn kind_of(b: &RawBlock) -> BlockKind {
    match b.tag {
        _ if b.in_figure => BlockKind::Caption,
        Tag::Caption => BlockKind::Caption,
        Tag::Heading => BlockKind::Heading,
        Tag::ListItem => BlockKind::ListItem,
        _ => BlockKind::Paragraph,
    }
}

fn link_density(b: &RawBlock) -> f32 {
    if b.chars == 0 {
        return 1.0;
    }
    b.link_chars as f32 / b.chars as f32
}

fn classify(b: &RawBlock, pruned: bool, th: &Thresholds) -> Class {
    let ld = link_density(b);
    if pruned || ld > BAD_LINK_DENSITY || is_boilerplate(&b.text) || looks_like_markup(&b.text) {
        return Class::Bad;
    }
    if b.in_figure || b.tag == Tag::Heading || is_teaser_item(b) {
        return Class::Neutral;
    }
    // Long blocks may carry many inline links and still be prose.
    if ld > GOOD_LINK_DENSITY && (b.chars < LONG_BLOCK_CHARS || ld > BAD_LINK_DENSITY) {
        return Class::Neutral;
    }
    let sentence_end = ends_sentence(&b.text);
    if b.chars >= th.good_min || (b.chars >= th.sentence_min && sentence_end) {
        Class::Good
    } else {
        Class::Neutral
    }
}

/// A block that opens with a title link and ends in a cut-off summary
/// ("…"): the shape of a story-list teaser, not of article prose.
fn is_teaser_item(b: &RawBlock) -> bool {
    b.leading_link_chars >= TEASER_TITLE_MIN_CHARS
        && b.leading_link_chars < b.chars
        && (b.text.ends_with("...") || b.text.ends_with('…'))
}

/// Shortest leading link taken for a teaser title.
const TEASER_TITLE_MIN_CHARS: u32 = 25;

/// The text ends like a sentence (closing quotes and brackets allowed).
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')', '»'])
        .ends_with(['.', '!', '?', '。', '！', '？', ':'])
}

/// Phrases that open page furniture rather than article paragraphs.
const BOILERPLATE_PREFIXES: &[&str] = &[
    "advertisement",
    "read more",
    "read also",
    "see also",
    "related:",
    "related articles",
    "more:",
    "sign up",
    "subscribe",
    "click here",
    "follow us",
    "tags:",
    "posted by",
    "published by",
    "share this",
    "share on",
    "copyright",
    "©",
    "(c)",
    "all rights reserved",
    "recommended",
    "you may also like",
    "skip to",
    "log in",
    "cookie",
    "we use cookies",
    "this site uses cookies",
    "image:",
    "photo:",
    "image credit",
    "getty images",
];

fn is_boilerplate(text: &str) -> bool {
    if text.len() > 300 {
        return false;
    }
    let lower = text.to_lowercase();
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©' && c != '(');
    BOILERPLATE_PREFIXES.iter().any(|p| lower.starts_with(p))
        || BOILERPLATE_PHRASES.iter().any(|p| lower.contains(p))
}

/// Phrases that mark a short block as a promotion wherever they occur.
const BOILERPLATE_PHRASES: &[&str] = &[
    "all rights reserved",
    "subscribe to our",
    "our newsletter",
    "daily newsletter",
    "delivered to your inbox",
    "follow us on",
    "follow him on",
    "follow her on",
    "join our",
    "contributed to this report",
];

/// A lone word of a space-separated script ("Close", "Caption").
fn is_lone_word(b: &RawBlock) -> bool {
    !b.text.contains(' ') && (b.text.is_ascii() || b.chars < 4)
}

/// Escaped or `<noscript>` markup shown as text (`<img src=…>`).
fn looks_like_markup(text: &str) -> bool {
    text.starts_with('<') && text.contains('>') && (text.contains("=\"") || text.contains("='"))
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_title(heading: &str, title_norm: &str) -> bool {
    let h = normalise(heading);
    !h.is_empty()
        && !title_norm.is_empty()
        && (title_norm.contains(&h) && h.len() >= 12 || h == title_norm)
}
