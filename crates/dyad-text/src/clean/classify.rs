//! Line classification: is a line boilerplate, a byline, a caption, a
//! dateline, a heading, a headline or body text?
//!
//! Every test here is about the *shape* of a line (length, case, final
//! punctuation, position) and its *vocabulary* (page-chrome and comment-policy
//! words), never about particular lines of particular sites.

use std::sync::LazyLock;

use regex::Regex;

fn re(pattern: &str) -> Regex {
    // Patterns are constants exercised by the unit tests below.
    Regex::new(pattern)
        .unwrap_or_else(|_| Regex::new(r"[^\s\S]").unwrap_or_else(|_| std::process::abort()))
}

/// Words that make up page chrome: navigation, sharing, ad markers. A short
/// line made only of these is chrome.
const CHROME_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertising",
    "sponsored",
    "content",
    "top",
    "bottom",
    "of",
    "page",
    "skip",
    "to",
    "main",
    "back",
    "share",
    "shares",
    "this",
    "article",
    "story",
    "post",
    "subscribe",
    "subscribers",
    "now",
    "sign",
    "in",
    "up",
    "log",
    "login",
    "menu",
    "search",
    "close",
    "print",
    "email",
    "e-mail",
    "tweet",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "telegram",
    "copy",
    "link",
    "read",
    "more",
    "continue",
    "reading",
    "related",
    "recommended",
    "most",
    "popular",
    "trending",
    "comments",
    "comment",
    "leave",
    "a",
    "reply",
    "newsletter",
    "newsletters",
    "follow",
    "us",
    "on",
    "the",
    "home",
    "next",
    "previous",
    "scroll",
    "view",
    "views",
    "reactions",
    "like",
    "likes",
    "save",
    "saved",
    "for",
    "later",
    "and",
    "or",
    "all",
    "show",
    "hide",
    "load",
    "loading",
    "see",
    "also",
    "watch",
    "listen",
    "audio",
    "video",
    "gallery",
    "photos",
    "open",
    "image",
    "expand",
    "collapse",
    "toggle",
    "navigation",
    "accessibility",
    "help",
    "feedback",
    "contact",
    "about",
    "tags",
    "topics",
    "categories",
    "category",
    "posts",
    "recent",
    "latest",
    "news",
    "free",
    "trial",
    "get",
    "app",
    "download",
    "here",
    "click",
    "tap",
    "upgrade",
    "premium",
    "donate",
    "support",
];

/// Phrases that only occur in page chrome, comment forms and legal notices.
const CHROME_PHRASES: &[&str] = &[
    "writer's picture",
    "writer’s picture",
    "author's picture",
    "profile picture",
    "your email address will not be published",
    "required fields are marked",
    "terms of service",
    "terms of use",
    "privacy policy",
    "cookie policy",
    "cookie settings",
    "all rights reserved",
    "may not be published, broadcast",
    "sign up for our",
    "subscribe to our",
    "click here",
    "get the app",
    "download the app",
    "follow us on",
    "share on facebook",
    "share on twitter",
    "we use cookies",
    "accept cookies",
    "enable javascript",
    "log in to comment",
    "comments are closed",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "join the conversation",
    "report an error",
    "report a typo",
    "this article was originally published",
    "copyright ©",
    "skip to content",
    "skip to main content",
    "top of page",
    "bottom of page",
    "scroll to continue",
    "continue reading",
    "read more:",
    "notify me of",
    "save my name, email",
    "previous article",
    "next article",
    "you may also like",
    "more from",
    "related articles",
    "most read",
];

/// Words typical of comment policies, sign-up forms and site notices.
const POLICY_WORDS: &[&str] = &[
    "comment",
    "comments",
    "commenting",
    "discussion",
    "discussions",
    "posting",
    "post",
    "guidelines",
    "banned",
    "inappropriate",
    "civil",
    "email",
    "e-mail",
    "subscribe",
    "subscription",
    "newsletter",
    "account",
    "login",
    "cookies",
    "privacy",
    "website",
    "click",
    "javascript",
    "browser",
    "moderated",
    "moderation",
    "username",
    "password",
    "acknowledge",
    "agreed",
    "terms",
    "notifications",
    "unsubscribe",
];

static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(\d[\d,.]*\s*[km]?\s*(views?|comments?|shares?|likes?|reactions?|replies|reads?)\s*)+$",
    )
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[Bb][Yy]|Written by|Words by|Story by|Reporting by)[:\s]+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|da|del|van|von|al|bin|el)){0,7})\s*(?:[,|/–—-]\s*(.{0,80}))?$",
    )
});
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+){0,3}(?:,\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,2})?)\s*)?(?:\((\p{Lu}[\p{L}.&/ -]{0,40})\)\s*)?(?:—|–|--|-|:)\s+",
    )
});
static CAPTION_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(in this (?:\w+ )?(?:photo|image|picture|file photo|handout photo)|(?:this|a|the) (?:file )?(?:photo|image|picture) |photo:|photograph:|image:|picture:|pictured:|file[ -]+(?:photo)?\s*[-–—:]|\(photo|caption:)",
    )
});
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(\((?:[^()]*/)?[^()]*\b(?:via|photo|photograph|pool|file)\b[^()]*\)\s*$|\bAP Photo\b|\bvia AP\)|\bGetty Images\b|\bShutterstock\b|\bphotograph:|\bphoto:\s|\bcredit:|\bphoto by\b|\bphoto courtesy\b|/\s*(?:AP|AFP|Reuters|EPA|Getty|Pool)\b)",
    )
});

/// Words of a line, lower-cased, letters/digits/apostrophes/hyphens only.
fn words(line: &str) -> impl Iterator<Item = String> + '_ {
    line.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
}

/// Longest line still examined as possible boilerplate.
const MAX_CHROME_BYTES: usize = 3_000;

/// True for page chrome, ad markers, counters, comment forms and notices.
pub fn is_boilerplate(line: &str) -> bool {
    let trimmed = line.trim_matches(|c: char| c.is_whitespace() || "•·|*-–—>»".contains(c));
    if !trimmed.chars().any(char::is_alphanumeric) {
        return true;
    }
    // Page chrome and notices are short; a paragraph of several thousand
    // bytes is text, and skipping it bounds the cost on huge lines.
    if trimmed.len() > MAX_CHROME_BYTES {
        return false;
    }
    if COUNTER.is_match(trimmed) {
        return true;
    }
    let lower = trimmed.to_lowercase();
    let word_list: Vec<String> = words(trimmed).collect();
    let n_words = word_list.len();
    if n_words <= 8 && word_list.iter().all(|w| CHROME_WORDS.contains(&w.as_str())) {
        return true;
    }
    let (phrase_hits, phrase_bytes) = CHROME_PHRASES
        .iter()
        .filter(|p| lower.contains(*p))
        .fold((0, 0), |(n, b), p| (n + 1, b + p.len()));
    if phrase_hits == 0 {
        return false;
    }
    // One chrome phrase inside a long sentence may be news ("changed its
    // terms of service"); chrome lines are mostly the phrase, or pile up
    // several phrases or policy words.
    let policy_hits = word_list
        .iter()
        .filter(|w| POLICY_WORDS.contains(&w.as_str()))
        .count();
    // Density, not counts, for long lines: a long letter or article that
    // ends in "click here to ..." is still text.
    n_words <= 8
        || phrase_bytes * 5 >= lower.len() * 2
        || (phrase_hits >= 2 && n_words <= 60)
        || (policy_hits >= 3 && policy_hits * 12 >= n_words)
}

/// True when a line opens the comment section: everything after it is
/// comments, forms and notices.
pub fn starts_comment_section(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    let short = lower.split_whitespace().take(7).count() <= 6;
    short
        && (lower.starts_with("leave a reply")
            || lower.starts_with("leave a comment")
            || lower.starts_with("post a comment")
            || lower.starts_with("comments are closed")
            || lower.starts_with("join the conversation")
            || lower.starts_with("add a comment")
            || lower.ends_with(" comments")
                && lower.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// The author named by a byline ("By Jane Doe" → "Jane Doe").
pub fn byline_author(line: &str) -> Option<String> {
    let line = line.trim();
    // Counting stops past the limit: body paragraphs are long.
    if line.split_whitespace().take(17).count() > 16 {
        return None;
    }
    let caps = BYLINE.captures(line)?;
    let name = caps.get(1)?.as_str().trim();
    let first = name.split_whitespace().next().unwrap_or("");
    if is_calendar_word(first) {
        return None;
    }
    Some(name.trim_end_matches([',', '.']).to_string())
}

fn is_calendar_word(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']).to_lowercase();
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "then",
        "now",
        "the",
        "this",
        "that",
    ]
    .contains(&w.as_str())
}

/// A dateline marker at the start of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct DatelineMarker {
    /// Bytes of the marker, including the dash and the space after it.
    pub len: usize,
    /// Place as written ("MOSCOW", "BEIRUT, Lebanon").
    pub place: Option<String>,
    /// Agency in parentheses ("AP", "Reuters").
    pub agency: Option<String>,
}

/// Finds a dateline ("(AP) —", "MOSCOW (Reuters) -", "KYIV, Ukraine —").
pub fn dateline(line: &str) -> Option<DatelineMarker> {
    let caps = DATELINE.captures(line)?;
    let place = caps.get(1).map(|m| m.as_str().trim().to_string());
    let agency = caps.get(2).map(|m| m.as_str().trim().to_string());
    let len = caps.get(0)?.end();
    // Needs a place in capitals (two letters or more) or an agency, and the
    // paragraph must go on after the marker.
    let place = place.filter(|p| p.chars().filter(|c| c.is_uppercase()).count() >= 2);
    if place.is_none() && agency.is_none() {
        return None;
    }
    if line
        .get(len..)
        .is_none_or(|rest| rest.split_whitespace().take(3).count() < 3)
    {
        return None;
    }
    // A colon only counts after an agency ("(AP):"); "NOTE: ..." is not a dateline.
    if line.get(..len).is_some_and(|m| m.trim_end().ends_with(':')) && agency.is_none() {
        return None;
    }
    Some(DatelineMarker { len, place, agency })
}

/// True for a photo caption or credit, judged by its own words.
pub fn is_caption(line: &str) -> bool {
    let t = line.trim();
    CAPTION_START.is_match(t) || (may_hold_credit(t) && CREDIT.is_match(t))
}

/// False only when [`CREDIT`] cannot match `line` (trimmed): its bracketed
/// credit must end the line, and every other alternative holds a slash or
/// one of the words photo, getty, hutter
/// (shutterstock), credit, via ap (matched ASCII-case-insensitively, which is
/// exact here: no non-ASCII letter case-folds to one of their letters).
/// Skips the regex for most body paragraphs.
fn may_hold_credit(line: &str) -> bool {
    let bytes = line.as_bytes();
    if line.ends_with(')') || bytes.contains(&b'/') {
        return true;
    }
    for (i, &b) in bytes.iter().enumerate() {
        let word: &[u8] = match b | 0x20 {
            b'p' => b"photo",
            b'g' => b"getty",
            b'h' => b"hutter",
            b'c' => b"credit",
            b'v' => b"via ap",
            _ => continue,
        };
        if bytes
            .get(i..i + word.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(word))
        {
            return true;
        }
    }
    false
}

/// True for a headline-like line: short, capitalised, no final period.
pub fn is_headline_like(line: &str) -> bool {
    let t = line.trim();
    let n = t.split_whitespace().take(26).count();
    (2..=25).contains(&n)
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"‘'".contains(c))
        && !t.ends_with('.')
        && !t.ends_with(',')
        && !t.ends_with(':')
}

/// True for a section heading inside an article: a short line with no final
/// period (often a question).
pub fn is_heading_like(line: &str) -> bool {
    let t = line.trim();
    let n = t.split_whitespace().take(13).count();
    (1..=12).contains(&n) && is_headline_like(t)
        || (n == 1 && t.chars().next().is_some_and(char::is_uppercase) && !t.ends_with('.'))
}

/// True when a line reads as prose: ends with sentence punctuation or a
/// closing quote.
pub fn is_sentence_like(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with(['.', '!', '?', '"', '”', ')', '’'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_and_counters_are_boilerplate() {
        for line in [
            "ADVERTISEMENT",
            "Top of page",
            "   • Writer's pictureSome Weekly Paper",
            "34 views2 comments",
            "1.2k shares",
            "Share this story",
            "*",
            "Your email address will not be published. Required fields are marked *",
            "Sign up for our morning newsletter",
        ] {
            assert!(is_boilerplate(line), "{line:?}");
        }
        for line in [
            "The minister said the policy would change.",
            "Talks resume in Geneva",
            "The company changed its terms of service after regulators in three countries opened inquiries into how it stored messages.",
            &format!("{} Join the debate – email letters@example.org • Click here to read more letters • Click here to share a photo", "Readers wrote in about the ceasefire and its effect on the border towns. ".repeat(6)),
        ] {
            assert!(!is_boilerplate(line), "{line:?}");
        }
    }

    #[test]
    fn bylines_and_datelines() {
        assert_eq!(
            byline_author("By Maria Gonzalez").as_deref(),
            Some("Maria Gonzalez")
        );
        assert_eq!(
            byline_author("By Ann Lee and Tom Ford, Associated Press").as_deref(),
            Some("Ann Lee and Tom Ford")
        );
        assert_eq!(
            byline_author("By signing the deal, the two states ended a feud."),
            None
        );
        assert_eq!(byline_author("By Tuesday the talks had stalled."), None);
        let d = dateline("(AP) — Troops crossed the river at dawn.");
        assert_eq!(d.as_ref().and_then(|d| d.agency.as_deref()), Some("AP"));
        let d = dateline("NAIROBI, Kenya (Reuters) - Police fired tear gas on Monday.");
        assert_eq!(
            d.as_ref().and_then(|d| d.place.as_deref()),
            Some("NAIROBI, Kenya")
        );
        assert_eq!(
            d.as_ref().and_then(|d| d.agency.as_deref()),
            Some("Reuters")
        );
        assert!(dateline("A — b").is_none());
        assert!(dateline("NOTE: this is a correction to an earlier story.").is_none());
    }

    #[test]
    fn captions_by_words() {
        assert!(is_caption(
            "In this photo released by the ministry, soldiers march in the square."
        ));
        assert!(is_caption(
            "Soldiers march in the capital. (AP Photo/Jane Roe)"
        ));
        assert!(is_caption(
            "Protesters gather outside parliament. Photograph: Staff/Reuters"
        ));
        assert!(!is_caption(
            "Protesters gathered outside parliament on Monday."
        ));
    }

    #[test]
    fn credit_prefilter_keeps_every_credit() {
        // Lines the credit pattern matches, in odd cases and scripts
        // (ſ and K case-fold to s and k).
        for line in [
            "Troops at the border (AP Photo/Jane Roe)",
            "Troops at the border via AP)",
            "Troops at the border. GETTY IMAGES",
            "Troops at the border. ſhutterſtocK",
            "Troops at the border. PHOTOGRAPH: Staff",
            "Troops at the border. Credit: Staff",
            "Troops at the border. Photo by Staff",
            "Troops at the border. Photo courtesy of the ministry",
            "Troops at the border / AFP",
            "Troops at the border (Pool)",
        ] {
            assert!(CREDIT.is_match(line), "{line:?}");
            assert!(may_hold_credit(line), "{line:?}");
            assert!(is_caption(line), "{line:?}");
        }
        assert!(!may_hold_credit("Talks resumed in Geneva on Monday."));
    }
}
