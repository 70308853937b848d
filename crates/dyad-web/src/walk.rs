//! One iterative walk over the parsed tree: cuts the page into text blocks
//! (the inline text of one block-level element, the way a browser lays out
//! lines), records per-element facts for scoring, and gathers the raw
//! metadata (meta tags, title, JSON-LD, `<time>`).

use crate::vocab::{classify, Vocab};
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Per-element facts kept for scoring. Elements appear in document (pre-)order,
/// so a parent's index is always smaller than its children's.
#[derive(Debug, Clone)]
pub(crate) struct Elem {
    /// Index of the parent element, `None` for the outermost.
    pub parent: Option<u32>,
    /// What the element is.
    pub tag: Tag,
    /// What its class/id says.
    pub vocab: Vocab,
    /// The class/id text when it said something (kept for explanations).
    pub class_id: Option<Box<str>>,
    /// Blocks `[block_start, block_end)` lie inside this element.
    pub block_start: u32,
    /// See `block_start`.
    pub block_end: u32,
}

/// The element kinds the extractor distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Paragraph,
    Heading,
    ListItem,
    List,
    Caption,
    Figure,
    Article,
    Main,
    Body,
    Furniture,
    TableCell,
    Anchor,
    OtherBlock,
    Inline,
}

/// Text of one block-level element (or anonymous run between child blocks).
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    /// Whitespace-collapsed text.
    pub text: String,
    /// Index of the innermost block-level element holding it.
    pub owner: u32,
    /// The owner's tag.
    pub tag: Tag,
    /// Length in `char`s, with CJK characters counted three times: a
    /// comparable measure of how much is said across scripts.
    pub chars: u32,
    /// Number of those chars inside links.
    pub link_chars: u32,
    /// Chars of links before the first unlinked word (a teaser's title link).
    pub leading_link_chars: u32,
    /// Inside a `<figure>` or caption element.
    pub in_figure: bool,
    /// Inside a list item, but not directly its text (`<li><div>…`): the
    /// shape of teaser cards in story lists.
    pub nested_in_list: bool,
}

/// Metadata as found, before interpretation.
#[derive(Debug, Default, Clone)]
pub(crate) struct RawMeta {
    /// `(name|property|itemprop, content)` of `<meta>` tags, name lower-cased.
    pub metas: Vec<(String, String)>,
    /// `<title>` text.
    pub title: Option<String>,
    /// `<link rel=canonical href>`.
    pub canonical: Option<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// `datetime` attributes of `<time>` elements, in document order.
    pub times: Vec<String>,
    /// JSON-LD script bodies.
    pub json_ld: Vec<String>,
    /// `<a rel=author>` and `itemprop=author` texts.
    pub author_links: Vec<String>,
}

/// The result of the walk.
pub(crate) struct Walked {
    pub elems: Vec<Elem>,
    pub blocks: Vec<RawBlock>,
    pub meta: RawMeta,
}

struct Open {
    list_item: bool,
    elem: Option<u32>,
    skip: bool,
    block: bool,
    anchor: bool,
    figure: bool,
}

fn tag_of(name: &str) -> (Tag, bool) {
    use Tag::*;
    match name {
        "p" | "pre" | "blockquote" | "address" => (Paragraph, true),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => (Heading, true),
        "li" | "dt" | "dd" => (ListItem, true),
        "ul" | "ol" | "dl" | "menu" => (List, true),
        "figcaption" | "caption" => (Caption, true),
        "figure" => (Figure, true),
        "article" => (Article, true),
        "main" => (Main, true),
        "body" => (Body, true),
        "nav" | "aside" | "footer" | "header" => (Furniture, true),
        "td" | "th" => (TableCell, true),
        "a" => (Anchor, false),
        "div" | "section" | "center" | "details" | "summary" | "dialog" | "fieldset" | "form"
        | "hgroup" | "html" | "table" | "tbody" | "thead" | "tfoot" | "tr" | "hr" | "legend"
        | "dir" | "frameset" | "noframes" => (OtherBlock, true),
        _ => (Inline, false),
    }
}

/// Elements whose content is never article text.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "canvas"
            | "iframe"
            | "object"
            | "embed"
            | "select"
            | "option"
            | "button"
            | "textarea"
            | "input"
            | "head"
            | "video"
            | "audio"
            | "map"
            | "label"
    )
}

struct Builder {
    elems: Vec<Elem>,
    blocks: Vec<RawBlock>,
    stack: Vec<Open>,
    buf: String,
    link_chars: u32,
    last_was_br: bool,
    anchor_depth: u32,
    figure_depth: u32,
    list_item_depth: u32,
    leading_link_chars: u32,
    seen_plain_word: bool,
}

impl Builder {
    fn owner(&self) -> Option<u32> {
        self.stack
            .iter()
            .rev()
            .find(|o| o.block && o.elem.is_some())
            .and_then(|o| o.elem)
    }

    fn push_text(&mut self, text: &str) {
        for word in text.split(|c: char| c.is_whitespace() || c == '\u{a0}') {
            if word.is_empty() {
                continue;
            }
            self.last_was_br = false;
            if !self.buf.is_empty() {
                self.buf.push(' ');
            }
            let n = word
                .chars()
                .map(|c| if is_cjk(c) { 3 } else { 1 })
                .sum::<u32>();
            self.buf.push_str(word);
            if self.anchor_depth > 0 {
                self.link_chars += n;
                if !self.seen_plain_word {
                    self.leading_link_chars += n;
                }
            } else {
                self.seen_plain_word = true;
            }
        }
        // Keep the separation a whitespace-only text node implies between words.
        if text.ends_with(|c: char| c.is_whitespace())
            && !self.buf.is_empty()
            && !self.buf.ends_with(' ')
        {
            self.buf.push(' ');
        }
    }

    fn flush(&mut self) {
        let text = self.buf.trim_end();
        if !text.is_empty() {
            if let Some(owner) = self.owner() {
                let tag = self
                    .elems
                    .get(owner as usize)
                    .map_or(Tag::OtherBlock, |e| e.tag);
                let chars = text
                    .chars()
                    .map(|c| if is_cjk(c) { 3 } else { 1 })
                    .sum::<u32>();
                self.blocks.push(RawBlock {
                    text: text.to_string(),
                    owner,
                    tag,
                    chars,
                    link_chars: self.link_chars.min(chars),
                    leading_link_chars: self.leading_link_chars.min(chars),
                    in_figure: self.figure_depth > 0,
                    nested_in_list: self.list_item_depth > u32::from(tag == Tag::ListItem),
                });
            }
        }
        self.buf.clear();
        self.link_chars = 0;
        self.leading_link_chars = 0;
        self.seen_plain_word = false;
    }
}

/// Han, kana and hangul: scripts written without spaces, dense per character.
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c), 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn attr_text(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for child in node.children() {
        if let Some(t) = child.value().as_text() {
            s.push_str(t);
        }
    }
    s
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true") && el.name() != "a"
        || el.attr("style").is_some_and(|s| {
            let s = s.to_ascii_lowercase().replace(' ', "");
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Walk the parsed document.
pub(crate) fn walk(doc: &Html) -> Walked {
    let mut b = Builder {
        elems: Vec::new(),
        blocks: Vec::new(),
        stack: Vec::new(),
        buf: String::new(),
        link_chars: 0,
        last_was_br: false,
        anchor_depth: 0,
        figure_depth: 0,
        list_item_depth: 0,
        leading_link_chars: 0,
        seen_plain_word: false,
    };
    let mut meta = RawMeta::default();
    let mut skip_depth = 0u32;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) if skip_depth == 0 => b.push_text(t),
                Node::Element(el) => {
                    let name = el.name();
                    collect_meta(&mut meta, name, el, node);
                    let skip = skip_depth > 0 || skipped(name) || is_hidden(el);
                    if skip {
                        skip_depth += 1;
                        b.stack.push(Open {
                            list_item: false,
                            elem: None,
                            skip: true,
                            block: false,
                            anchor: false,
                            figure: false,
                        });
                        continue;
                    }
                    if name == "br" {
                        if b.last_was_br {
                            b.flush();
                        } else {
                            b.push_text(" ");
                            b.last_was_br = true;
                        }
                    }
                    let (tag, block) = tag_of(name);
                    let mut class_id = String::new();
                    if let Some(c) = el.attr("class") {
                        class_id.push_str(c);
                    }
                    if let Some(i) = el.attr("id") {
                        class_id.push(' ');
                        class_id.push_str(i);
                    }
                    let vocab = classify(&class_id);
                    // Furniture-marked inline elements (a byline span) are cut out as their own block.
                    let block = block || vocab.negative || vocab.caption;
                    if block {
                        b.flush();
                    }
                    let tag = if tag == Tag::OtherBlock
                        && el.attr("role").is_some_and(|r| {
                            matches!(
                                r,
                                "navigation"
                                    | "banner"
                                    | "contentinfo"
                                    | "complementary"
                                    | "dialog"
                            )
                        }) {
                        Tag::Furniture
                    } else {
                        tag
                    };
                    let parent = b.stack.iter().rev().find_map(|o| o.elem);
                    let record = block || tag == Tag::Anchor || vocab.negative || vocab.positive;
                    let idx = if record {
                        let i = b.elems.len() as u32;
                        let start = b.blocks.len() as u32;
                        let class_id =
                            (vocab != Vocab::default()).then(|| class_id.into_boxed_str());
                        b.elems.push(Elem {
                            parent,
                            tag,
                            vocab,
                            class_id,
                            block_start: start,
                            block_end: start,
                        });
                        Some(i)
                    } else {
                        None
                    };
                    let anchor = tag == Tag::Anchor;
                    let figure = matches!(tag, Tag::Figure | Tag::Caption) || vocab.caption;
                    if anchor {
                        b.anchor_depth += 1;
                    }
                    if figure {
                        b.figure_depth += 1;
                    }
                    let list_item = tag == Tag::ListItem;
                    if list_item {
                        b.list_item_depth += 1;
                    }
                    b.stack.push(Open {
                        list_item,
                        elem: idx,
                        skip: false,
                        block,
                        anchor,
                        figure,
                    });
                }
                _ => {}
            },
            Edge::Close(node) => {
                if !node.value().is_element() {
                    continue;
                }
                let Some(open) = b.stack.pop() else { continue };
                if open.skip {
                    skip_depth = skip_depth.saturating_sub(1);
                    continue;
                }
                if open.block {
                    // Flush while the element is still the owner.
                    b.stack.push(open);
                    b.flush();
                    let Some(open) = b.stack.pop() else { continue };
                    close(&mut b, &open);
                } else {
                    close(&mut b, &open);
                }
            }
        }
    }
    b.flush();
    Walked {
        elems: b.elems,
        blocks: b.blocks,
        meta,
    }
}

fn close(b: &mut Builder, open: &Open) {
    if open.anchor {
        b.anchor_depth = b.anchor_depth.saturating_sub(1);
    }
    if open.figure {
        b.figure_depth = b.figure_depth.saturating_sub(1);
    }
    if open.list_item {
        b.list_item_depth = b.list_item_depth.saturating_sub(1);
    }
    let end = b.blocks.len() as u32;
    if let Some(e) = open.elem.and_then(|i| b.elems.get_mut(i as usize)) {
        e.block_end = end;
    }
}

fn collect_meta(
    meta: &mut RawMeta,
    name: &str,
    el: &scraper::node::Element,
    node: ego_tree::NodeRef<'_, Node>,
) {
    match name {
        "meta" => {
            let key = el
                .attr("property")
                .or_else(|| el.attr("name"))
                .or_else(|| el.attr("itemprop"));
            if let (Some(k), Some(c)) = (key, el.attr("content")) {
                meta.metas
                    .push((k.trim().to_ascii_lowercase(), c.trim().to_string()));
            }
        }
        "title" if meta.title.is_none() => meta.title = Some(attr_text(node).trim().to_string()),
        "link" => {
            let rel = el.attr("rel").unwrap_or_default().to_ascii_lowercase();
            if rel.split_whitespace().any(|r| r == "canonical") && meta.canonical.is_none() {
                meta.canonical = el.attr("href").map(|h| h.trim().to_string());
            }
        }
        "html" if meta.lang.is_none() => meta.lang = el.attr("lang").map(|l| l.trim().to_string()),
        "time" => {
            if let Some(dt) = el.attr("datetime") {
                meta.times.push(dt.trim().to_string());
            }
        }
        "script"
            if el
                .attr("type")
                .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) =>
        {
            meta.json_ld.push(attr_text(node));
        }
        "a" | "span" | "div"
            if el.attr("rel").is_some_and(|r| r.contains("author"))
                || el.attr("itemprop") == Some("author") =>
        {
            let t = collect_text(node);
            if !t.is_empty() && t.chars().count() < 80 {
                meta.author_links.push(t);
            }
        }
        _ => {}
    }
}

fn collect_text(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if let Some(t) = d.value().as_text() {
            s.push_str(t);
            s.push(' ');
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
