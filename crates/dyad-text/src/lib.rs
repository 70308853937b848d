//! # dyad-text: from bytes to analysed documents
//!
//! Reads inputs (plain text, directories, JSONL, HTML, WARC, stdin), cleans
//! scraped text into zones (body, caption, byline, dateline), infers the
//! publication date, and runs the text pipeline: sentence segmentation,
//! tokenization with byte offsets, part-of-speech tagging and lemmas.
//!
//! Not here: knowledge of actors, places or events (later stages), and HTML
//! extraction itself (`dyad-web`, which this crate calls for HTML inputs).
