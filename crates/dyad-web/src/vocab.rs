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
    "inline-",
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

/// Classify the concatenated `class` and `id` values of an element.
pub fn classify(class_and_id: &str) -> Vocab {
    let mut v = Vocab::default();
    if class_and_id.is_empty() {
        return v;
    }
    let lower = class_and_id.to_ascii_lowercase();
    for token in lower.split(|c: char| c.is_ascii_whitespace()) {
        if token.is_empty() {
            continue;
        }
        if STRONG_NEGATIVE.iter().any(|w| token.contains(w)) {
            v.strong_negative = true;
            v.negative = true;
        }
        if WEAK_NEGATIVE.iter().any(|w| token.contains(w))
            || token
                .split(['-', '_'])
                .any(|part| NEGATIVE_TOKENS.contains(&part))
        {
            v.negative = true;
        }
        if token.contains("caption") || token.contains("credit") {
            v.caption = true;
        }
        if POSITIVE.iter().any(|w| token.contains(w)) {
            v.positive = true;
        }
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
