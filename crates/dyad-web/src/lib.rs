//! # dyad-web: article extraction from web pages and web archives
//!
//! Finds the article body among navigation, ads, related-story lists, comment
//! sections and cookie banners of an HTML page; reads page metadata (title,
//! authors, site, canonical URL, language, dates — each with its source);
//! decodes legacy charsets; and streams HTML response records out of WARC
//! files (`.warc`, `.warc.gz`, Common Crawl News layout) with bounded memory.
//!
//! Not here: cleaning plain text, sentence splitting, or building
//! `dyad_core::Document`s (`dyad-text` does that from an [`Extraction`]).
//! This crate depends on no other dyad crate; it returns plain data.
//!
//! ## Main types
//! * [`extract`] / [`extract_bytes`] → [`Extraction`]: ordered [`Block`]s of
//!   the article (paragraphs, headings, list items, captions), [`PageMetadata`],
//!   and `notes` explaining what happened (e.g. "no article found").
//! * [`WarcReader`]: iterator of [`WarcPage`]s with [`WarcStats`] skip counters.
//! * [`eval`]: the shingle precision/recall metric of the article-extraction benchmark.
//! * [`Limits`]: page size and nesting limits; larger inputs are refused with
//!   [`WebError::Limit`] rather than parsed slowly.
//!
//! ## How extraction works
//! A byte-level prescan drops scripts, styles and comments and refuses
//! over-deep pages; html5ever (via `scraper`) parses; one iterative walk cuts
//! the tree into text blocks with link density, tag and class/id vocabulary;
//! the article container is the maximum-weight subtree over block scores;
//! its good blocks plus in-between headings/list items/short paragraphs are
//! emitted; a relaxed second pass catches articles made of short lines, and a
//! page whose best container holds too little prose yields no blocks and a
//! note. See `docs/web.md` for the scoring, limits and measured quality.
//!
//! ```
//! let html = "<html><body><nav><a href='/'>Home</a></nav><article>\
//!     <p>The council approved the new budget on Monday after a long debate about schools.</p>\
//!     <p>Spending on roads will rise by a tenth next year, the mayor told reporters.</p>\
//!     <p>Opposition members said the plan relied on optimistic forecasts of tax income.</p>\
//!     </article></body></html>";
//! let ex = dyad_web::extract(html, Some("https://news.example/2024/05/06/budget")).unwrap();
//! assert_eq!(ex.blocks.len(), 3);
//! assert_eq!(ex.metadata.published.unwrap().value.date.to_string(), "2024-05-06");
//! ```

pub mod bench;
mod charset;
mod error;
pub mod eval;
mod metadata;
mod prescan;
mod select;
mod vocab;
mod walk;
mod warc;

pub use charset::{decode, CharsetSource, Decoded};
pub use error::WebError;
pub use metadata::{parse_date, url_date, MetaOrigin, PageDate, PageMetadata, Sourced};
pub use prescan::Limits;
pub use warc::{WarcPage, WarcReader, WarcStats};

use serde::Serialize;

/// The role of a block of article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// Running text.
    Paragraph,
    /// A heading inside the article (the page headline is in the metadata, not here).
    Heading,
    /// An item of a list that belongs to the article.
    ListItem,
    /// A figure or table caption (a separate zone: not part of [`Extraction::body_text`]).
    Caption,
}

/// One block of article text, whitespace-collapsed, in page order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Its role.
    pub kind: BlockKind,
    /// Its text (single spaces, no leading/trailing whitespace).
    pub text: String,
}

/// What was extracted from one page.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Extraction {
    /// The article, in page order. Empty when no article was found (see `notes`).
    pub blocks: Vec<Block>,
    /// Page metadata with sources.
    pub metadata: PageMetadata,
    /// Encoding the bytes were decoded with (WHATWG name) and why, when decoded here.
    pub encoding: Option<(String, CharsetSource)>,
    /// Human-readable remarks: no article found, charset problems, etc.
    pub notes: Vec<String>,
}

impl Extraction {
    /// The article body: paragraphs, headings and list items joined by blank
    /// lines. Captions are left out (they are their own zone).
    pub fn body_text(&self) -> String {
        let mut out = String::new();
        for b in self.blocks.iter().filter(|b| b.kind != BlockKind::Caption) {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&b.text);
        }
        out
    }

    /// True when no article body was found.
    pub fn is_empty(&self) -> bool {
        self.blocks.iter().all(|b| b.kind == BlockKind::Caption)
    }
}

/// Extract the article and metadata from decoded HTML. `url` (the page address)
/// helps dating. Uses [`Limits::default`].
pub fn extract(html: &str, url: Option<&str>) -> Result<Extraction, WebError> {
    extract_with(html, url, &Limits::default())
}

/// [`extract`] with explicit limits.
pub fn extract_with(
    html: &str,
    url: Option<&str>,
    limits: &Limits,
) -> Result<Extraction, WebError> {
    let pre = prescan::prescan(html, limits)?;
    let doc = scraper::Html::parse_document(&pre.html);
    let walked = walk::walk(&doc);
    drop(doc);
    let metadata = metadata::build(&walked.meta, url);
    let title = metadata.title.as_ref().map(|t| t.value.as_str());
    let sel = select::select(&walked, title);
    Ok(Extraction {
        blocks: sel.blocks,
        metadata,
        encoding: None,
        notes: sel.notes,
    })
}

/// Debugging aid: each text block of a page with its scoring facts.
#[doc(hidden)]
pub fn explain(html: &str) -> Result<String, WebError> {
    let pre = prescan::prescan(html, &Limits::default())?;
    let doc = scraper::Html::parse_document(&pre.html);
    Ok(select::explain(&walk::walk(&doc)))
}

/// Decode page bytes (BOM, `content_type`'s charset, `<meta>` charset, or
/// detection) and extract. `content_type` is an HTTP `Content-Type` value.
pub fn extract_bytes(
    bytes: &[u8],
    url: Option<&str>,
    content_type: Option<&str>,
) -> Result<Extraction, WebError> {
    let limits = Limits::default();
    if bytes.len() > limits.max_bytes {
        return Err(WebError::Limit {
            what: "page size in bytes",
            actual: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    let decoded = decode(bytes, content_type);
    let mut ex = extract_with(&decoded.text, url, &limits)?;
    if decoded.had_errors {
        ex.notes.push(format!(
            "some bytes were invalid as {} and were replaced",
            decoded.encoding
        ));
    }
    ex.encoding = Some((decoded.encoding.to_string(), decoded.source));
    Ok(ex)
}

/// Read a file that may be gzip-compressed (by magic bytes), refusing more
/// than `max_bytes` of decompressed data.
pub fn read_maybe_gzip(path: &std::path::Path, max_bytes: usize) -> Result<Vec<u8>, WebError> {
    use std::io::Read;
    let raw = std::fs::read(path).map_err(|source| WebError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return Ok(raw);
    }
    let mut out = Vec::new();
    let mut dec = flate2::read::MultiGzDecoder::new(raw.as_slice()).take(max_bytes as u64 + 1);
    dec.read_to_end(&mut out).map_err(|source| WebError::Gzip {
        context: path.display().to_string(),
        source,
    })?;
    if out.len() > max_bytes {
        return Err(WebError::Limit {
            what: "decompressed size in bytes",
            actual: out.len(),
            limit: max_bytes,
        });
    }
    Ok(out)
}
