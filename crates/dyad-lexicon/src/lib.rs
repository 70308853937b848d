//! # dyad-lexicon: actor knowledge and actor recognition
//!
//! Loads the human-readable knowledge files (countries, organisations, role
//! words, people with dated roles) into an immutable `Lexicon`, validated with
//! errors naming file and line, and recognises and resolves actor mentions in
//! analysed documents.
//!
//! Not here: event patterns and coding (`dyad-coder`), places (`dyad-geo`).
