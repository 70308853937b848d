//! Class/id vocabulary: words in `class` and `id` attributes that mark page
//! furniture (navigation, sharing, comments, promotions) or article content.
//! Matched as substrings of lower-cased attribute tokens, site-independently.

/// What an element's class/id says about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Vocab {
    /// Looks like furniture (nav, footer, comments, share bar, promo...).
    pub negative: bool,
    /// Furniture that is never article text even inside an article wrapper
    /// (comments, share bars, related lists, newsletter and cookie boxes, ads).
    pub strong_negative: bool,
    /// Looks like an article container (article, content, story, body, entry, post).
    pub positive: bool,
    /// A caption or photo credit (kept as a caption, not body text).
    pub caption: bool,
}

/// Substrings that mark furniture only when nothing positive is said too.
const WEAK_NEGATIVE: &[&str] = &[
    "sidebar",
    "footer",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "masthead",
    "banner",
    "widget",
    "toolbar",
    "pagination",
    "pager",
    "byline",
    "author",
    "dateline",
    "timestamp",
    "tags",
    "topics",
    "metadata",
    "meta-",
    "-meta",
    "header",
    "skip",
    "login",
    "print",
    "teaser",
    "overlay",
    "hidden",
    "extra",
];

/// Substrings that mark furniture even next to positive words.
const STRONG_NEGATIVE: &[&str] = &[
    "comment",
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscri",
    "promo",
    "cookie",
    "consent",
    "advert",
    "sponsor",
    "outbrain",
    "taboola",
    "disqus",
    "popular",
    "recommend",
    "trending",
    "signup",
    "sign-up",
    "popup",
    "modal",
    "follow",
    "most-read",
    "mostread",
    "more-stories",
    "morestories",
    "read-next",
    "readnext",
    "newsfeed",
    "paid-content",
    "affiliate",
    "gallery-nav",
];

/// Whole tokens that mark furniture (too short to match as substrings).
const NEGATIVE_TOKENS: &[&str] = &[
    "ad", "ads", "nav", "aside", "foot", "hdr", "tools", "tag", "more", "adv", "dfp", "gpt", "rail",
];

/// Substrings that mark article containers.
const POSITIVE: &[&str] = &[
    "article", "content", "story", "entry", "main", "post", "text", "body", "prose",
];

/// Which vocabulary list a pattern came from.
#[derive(Clone, Copy)]
enum Kind {
    Weak,
    Strong,
    Positive,
    Caption,
}

fn automaton() -> &'static (Option<aho_corasick::AhoCorasick>, Vec<Kind>) {
    static AC: std::sync::OnceLock<(Option<aho_corasick::AhoCorasick>, Vec<Kind>)> =
        std::sync::OnceLock::new();
    AC.get_or_init(|| {
        let mut words: Vec<&str> = Vec::new();
        let mut kinds = Vec::new();
        for (list, kind) in [
            (WEAK_NEGATIVE, Kind::Weak),
            (STRONG_NEGATIVE, Kind::Strong),
            (POSITIVE, Kind::Positive),
            (&["caption", "credit"][..], Kind::Caption),
        ] {
            for w in list {
                words.push(w);
                kinds.push(kind);
            }
        }
        // The word lists are constant, so building cannot fail in practice.
        (aho_corasick::AhoCorasick::new(&words).ok(), kinds)
    })
}

/// Classify the concatenated `class` and `id` values of an element.
pub fn classify(class_and_id: &str) -> Vocab {
    let mut v = Vocab::default();
    if class_and_id.is_empty() {
        return v;
    }
    let lower = class_and_id.to_ascii_lowercase();
    let (Some(ac), kinds) = automaton() else {
        return v;
    };
    for m in ac.find_overlapping_iter(&lower) {
        match kinds.get(m.pattern().as_usize()) {
            Some(Kind::Weak) => v.negative = true,
            Some(Kind::Strong) => {
                v.negative = true;
                v.strong_negative = true;
            }
            Some(Kind::Positive) => v.positive = true,
            Some(Kind::Caption) => v.caption = true,
            None => {}
        }
    }
    if !v.negative
        && lower
            .split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
            .any(|part| NEGATIVE_TOKENS.contains(&part))
    {
        v.negative = true;
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_and_content_words() {
        assert!(classify("site-nav main-menu").negative);
        assert!(classify("article-comments").strong_negative);
        assert!(classify("ad-slot").negative);
        assert!(!classify("header-adjacent").strong_negative);
        let body = classify("article-body");
        assert!(body.positive && !body.negative);
        assert!(!classify("loaded").negative, "'ad' must be a whole token");
    }
}
