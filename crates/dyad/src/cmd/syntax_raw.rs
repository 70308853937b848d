//! `dyad eval parse --raw`: from raw text through dyad's segmenter and
//! tokenizer, scored in the manner of the CoNLL 2018 shared task.
//!
//! The raw text is rebuilt from the gold `# text` lines: sentences of a
//! paragraph joined by a space, paragraphs (`# newpar`, `# newdoc`) by a
//! blank line. dyad-text splits each paragraph into sentences and tokens;
//! dyad-syntax tags and parses them. Gold and system tokens are aligned by
//! their character spans in that text: a token, word or sentence counts
//! when its span matches exactly. Words inside a gold multiword token
//! (`don't` = `do` + `n't`) get spans by matching their forms inside the
//! token's surface string, which is what the official script's LCS
//! alignment amounts to for English. Relation accuracy is CoNLL 2018's LAS
//! (base relations), as F1 over gold and system words.

use dyad_core::Span;
use dyad_syntax::conllu::ConlluSentence;
use dyad_syntax::{Parse, Scratch, Syntax};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// F1 scores of a raw-text evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RawScores {
    /// Tokens F1 (surface tokens: a multiword token is one).
    pub tokens_f1: f64,
    /// Sentences F1.
    pub sentences_f1: f64,
    /// Words F1 (syntactic words).
    pub words_f1: f64,
    /// UPOS F1.
    pub upos_f1: f64,
    /// UAS F1.
    pub uas_f1: f64,
    /// LAS F1 (base relations, as in CoNLL 2018).
    pub las_f1: f64,
    /// LAS F1 with full relations (subtypes count).
    pub las_full_f1: f64,
    /// The most frequent token disagreements: the gold token, dyad's
    /// tokens over the same characters, and how often.
    pub token_errors: Vec<(String, String, usize)>,
}

struct GoldWord<'a> {
    span: Span,
    upos: &'a str,
    /// Index of the head word in the document's word list (None = root).
    head: Option<usize>,
    deprel: &'a str,
}

fn f1(correct: usize, gold: usize, system: usize) -> f64 {
    if gold + system == 0 {
        0.0
    } else {
        2.0 * correct as f64 / (gold + system) as f64
    }
}

fn base(l: &str) -> &str {
    l.split(':').next().unwrap_or(l)
}

/// Finds `form` in `text` at or after `at` (skipping whitespace); returns its span.
fn locate(text: &str, at: usize, form: &str) -> Option<Span> {
    let rest = text.get(at..)?;
    let skipped = rest.len() - rest.trim_start().len();
    let start = at + skipped;
    if text.get(start..)?.starts_with(form) {
        return Some(Span::new(start, start + form.len()));
    }
    // Tolerate small differences: search a little further.
    let window_end = (start + form.len() + 40).min(text.len());
    let window = text.get(start..window_end)?;
    window
        .find(form)
        .map(|i| Span::new(start + i, start + i + form.len()))
}

/// Evaluates from raw text.
pub fn evaluate_raw(model: &Syntax, gold: &[ConlluSentence]) -> anyhow::Result<RawScores> {
    // Paragraphs of gold sentences.
    let mut paragraphs: Vec<Vec<&ConlluSentence>> = Vec::new();
    for s in gold {
        let new_par = s
            .comments
            .iter()
            .any(|c| c.starts_with("newpar") || c.starts_with("newdoc"));
        if new_par || paragraphs.is_empty() {
            paragraphs.push(Vec::new());
        }
        if let Some(p) = paragraphs.last_mut() {
            p.push(s);
        }
    }
    let mut text = String::new();
    let mut gold_tokens: Vec<Span> = Vec::new();
    let mut gold_sents: Vec<Span> = Vec::new();
    let mut gold_words: Vec<GoldWord> = Vec::new();
    let mut par_spans: Vec<Span> = Vec::new();
    for par in &paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let par_start = text.len();
        for (k, s) in par.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            let stext = match s.comment("text") {
                Some(t) => t.to_string(),
                None => s.forms().join(" "),
            };
            let base_off = text.len();
            text.push_str(&stext);
            let first_word = gold_words.len();
            let mut at = base_off;
            let mut i = 0usize;
            let n = s.tokens.len();
            let mut sent_start = None;
            let mut sent_end = base_off;
            while i < n {
                let id = i as u32 + 1;
                if let Some(m) = s.multiword.iter().find(|m| m.first == id) {
                    let last = (m.last as usize).min(n);
                    let span = locate(&text, at, &m.form).unwrap_or(Span::new(at, at));
                    gold_tokens.push(span);
                    // Word spans inside the surface form.
                    let surface = span.slice(&text).to_lowercase();
                    let mut off = 0usize;
                    for w in i..last {
                        let t = &s.tokens[w];
                        let form = t.form.to_lowercase();
                        let wspan = if surface.get(off..).is_some_and(|r| r.starts_with(&form)) {
                            let sp = Span::new(span.start + off, span.start + off + form.len());
                            off += form.len();
                            sp
                        } else if w == i {
                            off = surface.len();
                            span
                        } else {
                            Span::new(span.end, span.end)
                        };
                        gold_words.push(GoldWord {
                            span: wspan,
                            upos: &t.upos,
                            head: (t.head != 0).then(|| first_word + t.head as usize - 1),
                            deprel: &t.deprel,
                        });
                    }
                    sent_start.get_or_insert(span.start);
                    sent_end = span.end;
                    at = span.end;
                    i = last;
                } else {
                    let t = &s.tokens[i];
                    let span = locate(&text, at, &t.form).unwrap_or(Span::new(at, at));
                    gold_tokens.push(span);
                    gold_words.push(GoldWord {
                        span,
                        upos: &t.upos,
                        head: (t.head != 0).then(|| first_word + t.head as usize - 1),
                        deprel: &t.deprel,
                    });
                    sent_start.get_or_insert(span.start);
                    sent_end = span.end;
                    at = span.end;
                    i += 1;
                }
            }
            gold_sents.push(Span::new(sent_start.unwrap_or(base_off), sent_end));
        }
        par_spans.push(Span::new(par_start, text.len()));
    }

    // System: dyad-text segmentation and tokens, dyad-syntax analysis.
    let mut sys_sents: Vec<Span> = Vec::new();
    // (span, upos, head index in sys words or None, deprel)
    let mut sys_words: Vec<(Span, String, Option<usize>, String)> = Vec::new();
    let mut spans = Vec::new();
    let mut raw = Vec::new();
    let mut scratch = Scratch::default();
    let mut parse = Parse::default();
    for par in &par_spans {
        spans.clear();
        dyad_text::segment::split_sentences(&text, *par, &mut spans);
        for span in &spans {
            raw.clear();
            dyad_text::tokenize::tokenize(&text, *span, &mut raw);
            if raw.is_empty() {
                continue;
            }
            let words: Vec<&str> = raw.iter().map(|t| t.span.slice(&text)).collect();
            model.parse_into(&words, &mut parse, &mut scratch);
            let first = sys_words.len();
            if let (Some(a), Some(b)) = (raw.first(), raw.last()) {
                sys_sents.push(Span::new(a.span.start, b.span.end));
            }
            for (k, t) in raw.iter().enumerate() {
                let tag = parse.tags.get(k).copied().unwrap_or(0);
                let head = parse.heads.get(k).copied().unwrap_or(0);
                sys_words.push((
                    t.span,
                    model.upos(tag).to_string(),
                    (head != 0).then(|| first + head as usize - 1),
                    model
                        .deprel(parse.labels.get(k).copied().unwrap_or(0))
                        .to_string(),
                ));
            }
        }
    }

    let key = |s: &Span| (s.start, s.end);
    let gold_token_set: rustc_hash::FxHashSet<(usize, usize)> =
        gold_tokens.iter().map(key).collect();
    let tokens_ok = sys_words
        .iter()
        .filter(|w| gold_token_set.contains(&key(&w.0)))
        .count();
    let gold_sent_set: rustc_hash::FxHashSet<(usize, usize)> = gold_sents.iter().map(key).collect();
    let sents_ok = sys_sents
        .iter()
        .filter(|s| gold_sent_set.contains(&key(s)))
        .count();
    // Word alignment by span.
    let gold_by_span: FxHashMap<(usize, usize), usize> = gold_words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.span.start < w.span.end)
        .map(|(i, w)| (key(&w.span), i))
        .collect();
    let align: Vec<Option<usize>> = sys_words
        .iter()
        .map(|w| gold_by_span.get(&key(&w.0)).copied())
        .collect();
    let (mut words_ok, mut upos_ok, mut uas_ok, mut las_ok, mut las_full_ok) = (0, 0, 0, 0, 0);
    for (k, w) in sys_words.iter().enumerate() {
        let Some(g) = align[k] else { continue };
        let gw = &gold_words[g];
        words_ok += 1;
        upos_ok += (w.1 == gw.upos) as usize;
        let head_ok = match (w.2, gw.head) {
            (None, None) => true,
            (Some(h), Some(gh)) => align.get(h).copied().flatten() == Some(gh),
            _ => false,
        };
        if head_ok {
            uas_ok += 1;
            las_ok += (base(&w.3) == base(gw.deprel)) as usize;
            las_full_ok += (w.3 == gw.deprel) as usize;
        }
    }
    // Token disagreements, for tuning the tokenizer.
    let sys_token_set: rustc_hash::FxHashSet<(usize, usize)> =
        sys_words.iter().map(|w| key(&w.0)).collect();
    let mut errors: FxHashMap<(String, String), usize> = FxHashMap::default();
    for g in &gold_tokens {
        if g.start >= g.end || sys_token_set.contains(&key(g)) {
            continue;
        }
        let over: Vec<&str> = sys_words
            .iter()
            .filter(|w| w.0.end > g.start && w.0.start < g.end)
            .map(|w| w.0.slice(&text))
            .collect();
        *errors
            .entry((g.slice(&text).to_string(), over.join(" ")))
            .or_default() += 1;
    }
    let mut token_errors: Vec<(String, String, usize)> =
        errors.into_iter().map(|((a, b), n)| (a, b, n)).collect();
    token_errors.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    token_errors.truncate(40);
    let (gw, sw) = (gold_words.len(), sys_words.len());
    Ok(RawScores {
        tokens_f1: f1(tokens_ok, gold_tokens.len(), sys_words.len()),
        sentences_f1: f1(sents_ok, gold_sents.len(), sys_sents.len()),
        words_f1: f1(words_ok, gw, sw),
        upos_f1: f1(upos_ok, gw, sw),
        uas_f1: f1(uas_ok, gw, sw),
        las_f1: f1(las_ok, gw, sw),
        las_full_f1: f1(las_full_ok, gw, sw),
        token_errors,
    })
}

/// Penn tag accuracy of dyad-text's Brill tagger (`Token.pos`, what the
/// coder reads today) and of dyad-syntax's tagger, on the gold sentences
/// whose words dyad-text's tokenizer reproduces exactly (words joined by
/// spaces): (sentences used, words, Brill right, dyad-syntax right).
/// Brill's `(`/`)`/`` ` ` `` tags are compared as EWT's `-LRB-`/`-RRB-`/`` `` ``.
pub fn brill_comparison(model: &Syntax, gold: &[ConlluSentence]) -> (usize, usize, usize, usize) {
    let pipeline = dyad_text::TextPipeline::new();
    let mut raw = Vec::new();
    let mut tags = Vec::new();
    let mut scratch = Scratch::default();
    let mut parse = Parse::default();
    let (mut used, mut words, mut brill, mut ours) = (0, 0, 0, 0);
    for s in gold {
        let text = s.forms().join(" ");
        raw.clear();
        dyad_text::tokenize::tokenize(&text, Span::new(0, text.len()), &mut raw);
        let toks: Vec<&str> = raw.iter().map(|t| t.span.slice(&text)).collect();
        if toks != s.forms() {
            continue;
        }
        pipeline.tagger().tag(&text, &toks, &raw, &mut tags);
        model.parse_into(&toks, &mut parse, &mut scratch);
        used += 1;
        for (k, t) in s.tokens.iter().enumerate() {
            words += 1;
            let b = tags.get(k).map_or("", |p| match p.as_str() {
                "(" => "-LRB-",
                ")" => "-RRB-",
                other => other,
            });
            brill += (b == t.xpos) as usize;
            ours += (model.xpos(parse.tags.get(k).copied().unwrap_or(0)) == t.xpos) as usize;
        }
    }
    (used, words, brill, ours)
}
