//! # dyad-web: article extraction from web pages and web archives
//!
//! Finds the article body among navigation, ads and comments in an HTML page,
//! reads page metadata (title, authors, dates, canonical URL), and streams
//! HTML response records out of WARC files.
//!
//! Not here: cleaning of plain text or anything after extraction (`dyad-text`).
