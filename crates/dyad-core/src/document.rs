use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Span;

/// One news article after reading and cleaning.
///
/// `text` is the cleaned text: boilerplate removed, kept parts joined with
/// blank lines. `zones` label the parts of `text` (title, body paragraphs,
/// captions, byline, dateline); every span in the whole pipeline points into
/// `text`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: given by the input (JSONL `id`, file name) or derived
    /// from the content hash.
    pub id: String,
    /// Publisher or source name ("Guardian", "AP"), when known.
    pub source: Option<String>,
    /// Canonical URL, when known.
    pub url: Option<String>,
    /// Headline, when known.
    pub title: Option<String>,
    /// Author(s) from metadata or a byline.
    pub author: Option<String>,
    /// News agency credited in a dateline or credit ("AP", "Reuters").
    pub agency: Option<String>,
    /// Dateline place ("MOSCOW"), as written.
    pub dateline: Option<String>,
    /// Language code when known (e.g. "en").
    pub language: Option<String>,
    /// Publication date with how it was obtained; `None` when unknown.
    pub date: Option<PubDate>,
    /// Cleaned text; all spans index into it.
    pub text: String,
    /// Labelled parts of `text`, in text order, non-overlapping.
    pub zones: Vec<Zone>,
    /// Lines removed as boilerplate, kept for `dyad explain` and audits.
    pub removed: Vec<String>,
    /// Non-fatal problems met while reading (replacement characters, ...).
    pub warnings: Vec<String>,
    /// Hex SHA-256 of the raw input bytes, the identity used by the store.
    pub content_hash: String,
}

/// The publication date of a document and how dyad knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PubDate {
    /// The date.
    pub date: NaiveDate,
    /// Where the date came from.
    pub origin: DateOrigin,
    /// 0.0–1.0: 1.0 for metadata given by the user, lower for inference.
    pub confidence: f32,
    /// Human-readable note of how the date was obtained.
    pub note: String,
}

/// Where a publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrigin {
    /// `--date` on the command line.
    Cli,
    /// A `date` field of the input record (JSONL).
    Record,
    /// HTML metadata (meta tags, JSON-LD, `<time>`).
    HtmlMeta,
    /// The date of a WARC record.
    Warc,
    /// Found in the URL path.
    Url,
    /// Inferred from the text itself.
    Inferred,
}

/// The kind of a zone of cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ZoneKind {
    /// The headline.
    Title,
    /// Article body paragraph(s).
    Body,
    /// A photo caption or credit.
    Caption,
    /// A byline ("By Jane Doe").
    Byline,
    /// A dateline / agency marker ("MOSCOW (Reuters) -").
    Dateline,
    /// A section heading inside the article.
    Heading,
}

impl ZoneKind {
    /// Name used in text output (`[caption] ...`).
    pub fn as_str(&self) -> &'static str {
        match self {
            ZoneKind::Title => "title",
            ZoneKind::Body => "body",
            ZoneKind::Caption => "caption",
            ZoneKind::Byline => "byline",
            ZoneKind::Dateline => "dateline",
            ZoneKind::Heading => "heading",
        }
    }

    /// True for zones that report events (title, body, caption, heading).
    pub fn is_content(&self) -> bool {
        matches!(
            self,
            ZoneKind::Title | ZoneKind::Body | ZoneKind::Caption | ZoneKind::Heading
        )
    }
}

/// A labelled part of a document's cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Zone {
    /// What this part is.
    pub kind: ZoneKind,
    /// Where it is in [`Document::text`].
    pub span: Span,
}

/// A sentence: a span of one zone with its tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Index of the sentence in the document (0-based, text order).
    pub index: usize,
    /// Where it is in [`Document::text`].
    pub span: Span,
    /// Zone the sentence belongs to.
    pub zone: ZoneKind,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// The sentence's dependency analysis when dyad-syntax has run
    /// (`dyad_syntax::Syntax::annotate`); `None` straight from the text
    /// pipeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub syntax: Option<SentenceSyntax>,
}

/// A sentence's tags, lemmas and dependency tree in Universal Dependencies
/// v2 (dyad-syntax's output), one [`WordSyntax`] per token of the sentence,
/// in the same order: `words[i]` describes `tokens[i]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SentenceSyntax {
    /// One entry per token.
    pub words: Vec<WordSyntax>,
    /// Parsed in windows because the sentence was very long (the windows'
    /// roots are joined by `parataxis`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub windowed: bool,
}

/// One token's syntax. Heads are indices into the same sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordSyntax {
    /// Universal POS tag (`NOUN`, `PROPN`, `VERB`, `AUX`, ...).
    pub upos: String,
    /// Penn Treebank tag as the treebank writes it (`NNP`, `-LRB-`, `HYPH`).
    pub xpos: String,
    /// Lemma in the Universal Dependencies convention (names keep their case).
    pub lemma: String,
    /// 0 for the root, otherwise the 1-based index of the head token in
    /// the sentence (`tokens[head - 1]`).
    pub head: u32,
    /// Relation to the head with its subtype (`nsubj:pass`, `obl:agent`).
    pub deprel: String,
}

impl SentenceSyntax {
    /// The 0-based index of token `i`'s head; `None` for the root (or an
    /// index outside the sentence).
    pub fn head_of(&self, i: usize) -> Option<usize> {
        let h = self.words.get(i)?.head as usize;
        (h != 0 && h <= self.words.len()).then(|| h - 1)
    }

    /// The 0-based indices of token `i`'s dependents with relation `rel`
    /// (exact, `"nsubj:pass"`; or a base relation with `"obl:*"` style
    /// prefix match when `rel` ends in `:*`).
    pub fn dependents<'a>(&'a self, i: usize, rel: &'a str) -> impl Iterator<Item = usize> + 'a {
        let prefix = rel.strip_suffix(":*");
        self.words.iter().enumerate().filter_map(move |(k, w)| {
            let matches = match prefix {
                Some(p) => {
                    w.deprel == p || w.deprel.strip_prefix(p).is_some_and(|r| r.starts_with(':'))
                }
                None => w.deprel == rel,
            };
            (w.head as usize == i + 1 && matches).then_some(k)
        })
    }
}

/// A token with its part of speech and lemma.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Token {
    /// Where it is in [`Document::text`].
    pub span: Span,
    /// Penn Treebank part of speech.
    pub pos: Pos,
    /// Lower-case dictionary form ("met" → "meet", "shells" → "shell").
    pub lemma: String,
}

impl Token {
    /// The token's text in the document.
    pub fn text<'a>(&self, doc_text: &'a str) -> &'a str {
        self.span.slice(doc_text)
    }
}

/// A document with its sentences: the output of the text pipeline and the
/// input of every later stage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AnalyzedDocument {
    /// The cleaned document.
    pub doc: Document,
    /// Its sentences in text order.
    pub sentences: Vec<Sentence>,
}

macro_rules! penn_tags {
    ($($variant:ident => $tag:literal, $doc:literal;)*) => {
        /// Penn Treebank part-of-speech tags.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Pos {
            $(#[doc = $doc] $variant,)*
        }

        impl Pos {
            /// Every tag, in declaration order.
            pub const ALL: &'static [Pos] = &[$(Pos::$variant,)*];

            /// The Penn Treebank tag string ("NNP", "VBD", ...).
            pub fn as_str(&self) -> &'static str {
                match self { $(Pos::$variant => $tag,)* }
            }

            /// Parses a Penn Treebank tag string.
            #[allow(clippy::should_implement_trait)]
            pub fn from_str(tag: &str) -> Option<Pos> {
                match tag { $($tag => Some(Pos::$variant),)* _ => None }
            }
        }
    };
}

penn_tags! {
    CC => "CC", "coordinating conjunction";
    CD => "CD", "cardinal number";
    DT => "DT", "determiner";
    EX => "EX", "existential there";
    FW => "FW", "foreign word";
    IN => "IN", "preposition or subordinating conjunction";
    JJ => "JJ", "adjective";
    JJR => "JJR", "adjective, comparative";
    JJS => "JJS", "adjective, superlative";
    LS => "LS", "list item marker";
    MD => "MD", "modal";
    NN => "NN", "noun, singular or mass";
    NNS => "NNS", "noun, plural";
    NNP => "NNP", "proper noun, singular";
    NNPS => "NNPS", "proper noun, plural";
    PDT => "PDT", "predeterminer";
    POS => "POS", "possessive ending";
    PRP => "PRP", "personal pronoun";
    PRPS => "PRP$", "possessive pronoun";
    RB => "RB", "adverb";
    RBR => "RBR", "adverb, comparative";
    RBS => "RBS", "adverb, superlative";
    RP => "RP", "particle";
    SYM => "SYM", "symbol";
    TO => "TO", "to";
    UH => "UH", "interjection";
    VB => "VB", "verb, base form";
    VBD => "VBD", "verb, past tense";
    VBG => "VBG", "verb, gerund or present participle";
    VBN => "VBN", "verb, past participle";
    VBP => "VBP", "verb, non-3rd person singular present";
    VBZ => "VBZ", "verb, 3rd person singular present";
    WDT => "WDT", "wh-determiner";
    WP => "WP", "wh-pronoun";
    WPS => "WP$", "possessive wh-pronoun";
    WRB => "WRB", "wh-adverb";
    Period => ".", "sentence-final punctuation";
    Comma => ",", "comma";
    Colon => ":", "colon, semicolon, dash";
    LeftParen => "(", "opening bracket";
    RightParen => ")", "closing bracket";
    OpenQuote => "``", "opening quotation mark";
    CloseQuote => "''", "closing quotation mark";
    Dollar => "$", "currency sign";
    Hash => "#", "number sign";
}

impl Pos {
    /// Any noun tag (NN, NNS, NNP, NNPS).
    pub fn is_noun(&self) -> bool {
        matches!(self, Pos::NN | Pos::NNS | Pos::NNP | Pos::NNPS)
    }
    /// Proper noun tags.
    pub fn is_proper(&self) -> bool {
        matches!(self, Pos::NNP | Pos::NNPS)
    }
    /// Any verb tag (VB*), not modals.
    pub fn is_verb(&self) -> bool {
        matches!(
            self,
            Pos::VB | Pos::VBD | Pos::VBG | Pos::VBN | Pos::VBP | Pos::VBZ
        )
    }
    /// Any adjective tag.
    pub fn is_adjective(&self) -> bool {
        matches!(self, Pos::JJ | Pos::JJR | Pos::JJS)
    }
    /// Any adverb tag.
    pub fn is_adverb(&self) -> bool {
        matches!(self, Pos::RB | Pos::RBR | Pos::RBS)
    }
    /// Punctuation tags.
    pub fn is_punct(&self) -> bool {
        matches!(
            self,
            Pos::Period
                | Pos::Comma
                | Pos::Colon
                | Pos::LeftParen
                | Pos::RightParen
                | Pos::OpenQuote
                | Pos::CloseQuote
                | Pos::Hash
                | Pos::Dollar
        )
    }
}

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Pos {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Pos {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(d)?;
        Pos::from_str(&tag)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown POS tag {tag:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pos_tags_round_trip() {
        for pos in Pos::ALL {
            assert_eq!(Pos::from_str(pos.as_str()), Some(*pos));
        }
        assert_eq!(Pos::from_str("XYZ"), None);
        assert!(Pos::NNP.is_proper() && Pos::NNP.is_noun() && !Pos::MD.is_verb());
    }
}
