//! CoNLL-U reading and writing (<https://universaldependencies.org/format.html>).
//!
//! Multiword token lines (`1-2 don't`) are kept as written so the writer can
//! give them back, but they are not tokens: the syntactic words they cover
//! are. Empty nodes (`8.1`, enhanced dependencies only) are skipped.
//! Relations keep their subtypes (`nsubj:pass`, `obl:agent`).

use std::path::Path;

use crate::error::SyntaxError;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluToken {
    /// Word form.
    pub form: String,
    /// Lemma (`_` when unknown).
    pub lemma: String,
    /// Universal part of speech.
    pub upos: String,
    /// Language-specific tag (Penn Treebank for English).
    pub xpos: String,
    /// Morphological features, as written.
    pub feats: String,
    /// Head: 0 for the root, otherwise the 1-based index of the head word.
    pub head: u32,
    /// Universal relation with its subtype (`nsubj:pass`).
    pub deprel: String,
    /// Enhanced dependencies, as written.
    pub deps: String,
    /// Miscellaneous field, as written (`SpaceAfter=No`).
    pub misc: String,
}

impl ConlluToken {
    /// Whether the MISC field says no space follows this word.
    pub fn no_space_after(&self) -> bool {
        self.misc.split('|').any(|f| f == "SpaceAfter=No")
    }
}

/// A multiword token (`3-4 don't`): the range of words it covers, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiwordToken {
    /// First word (1-based).
    pub first: u32,
    /// Last word (1-based, inclusive).
    pub last: u32,
    /// Surface form.
    pub form: String,
    /// Miscellaneous field.
    pub misc: String,
}

/// A CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluSentence {
    /// Comment lines without the leading `#` and space (`sent_id = ...`).
    pub comments: Vec<String>,
    /// Syntactic words in order; word `i` has id `i + 1`.
    pub tokens: Vec<ConlluToken>,
    /// Multiword tokens.
    pub multiword: Vec<MultiwordToken>,
}

impl ConlluSentence {
    /// The value of a `# key = value` comment.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let (k, v) = c.split_once('=')?;
            (k.trim() == key).then(|| v.trim())
        })
    }

    /// The word forms.
    pub fn forms(&self) -> Vec<&str> {
        self.tokens.iter().map(|t| t.form.as_str()).collect()
    }
}

fn field(s: &str) -> String {
    if s.is_empty() {
        "_".to_string()
    } else {
        s.to_string()
    }
}

/// Parses CoNLL-U text; `name` names the source in errors.
pub fn parse_conllu(name: &str, text: &str) -> Result<Vec<ConlluSentence>, SyntaxError> {
    let mut out = Vec::new();
    let mut cur = ConlluSentence::default();
    let err = |line: usize, message: String| SyntaxError::Conllu {
        file: name.to_string(),
        line,
        message,
    };
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() || !cur.comments.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            cur.comments.push(c.trim_start().to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(
                line_no,
                format!("expected 10 tab-separated fields, found {}", cols.len()),
            ));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node
        }
        if let Some((a, b)) = id.split_once('-') {
            let first = a
                .parse()
                .map_err(|_| err(line_no, format!("bad range id {id:?}")))?;
            let last = b
                .parse()
                .map_err(|_| err(line_no, format!("bad range id {id:?}")))?;
            cur.multiword.push(MultiwordToken {
                first,
                last,
                form: cols[1].to_string(),
                misc: cols[9].to_string(),
            });
            continue;
        }
        let n: usize = id
            .parse()
            .map_err(|_| err(line_no, format!("bad word id {id:?}")))?;
        if n != cur.tokens.len() + 1 {
            return Err(err(
                line_no,
                format!(
                    "word id {n} out of sequence (expected {})",
                    cur.tokens.len() + 1
                ),
            ));
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6]
                .parse()
                .map_err(|_| err(line_no, format!("bad head {:?}", cols[6])))?
        };
        cur.tokens.push(ConlluToken {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    out.retain(|s| !s.tokens.is_empty());
    for s in &out {
        let n = s.tokens.len() as u32;
        if let Some(t) = s.tokens.iter().find(|t| t.head > n) {
            return Err(SyntaxError::Conllu {
                file: name.to_string(),
                line: 0,
                message: format!(
                    "sentence {:?}: head {} beyond the sentence's {n} words",
                    s.comment("sent_id").unwrap_or("?"),
                    t.head
                ),
            });
        }
    }
    Ok(out)
}

/// Reads a CoNLL-U file.
pub fn read_conllu(path: &Path) -> Result<Vec<ConlluSentence>, SyntaxError> {
    let text = std::fs::read_to_string(path).map_err(|source| SyntaxError::ConlluIo {
        path: path.to_path_buf(),
        source,
    })?;
    parse_conllu(&path.display().to_string(), &text)
}

/// Writes sentences as CoNLL-U (each followed by a blank line).
pub fn write_conllu(sentences: &[ConlluSentence], out: &mut String) {
    use std::fmt::Write;
    for s in sentences {
        for c in &s.comments {
            let _ = writeln!(out, "# {c}");
        }
        for (i, t) in s.tokens.iter().enumerate() {
            let id = i as u32 + 1;
            for m in s.multiword.iter().filter(|m| m.first == id) {
                let _ = writeln!(
                    out,
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}",
                    m.first,
                    m.last,
                    m.form,
                    field(&m.misc)
                );
            }
            let _ = writeln!(
                out,
                "{id}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                field(&t.form),
                field(&t.lemma),
                field(&t.upos),
                field(&t.xpos),
                field(&t.feats),
                t.head,
                field(&t.deprel),
                field(&t.deps),
                field(&t.misc)
            );
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = 1\n# text = I don't know.\n1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n3.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn reads_and_writes_back() {
        let s = parse_conllu("t", SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].forms(), ["I", "do", "n't", "know", "."]);
        assert_eq!(s[0].comment("text"), Some("I don't know."));
        assert!(s[0].tokens[3].no_space_after());
        let mut out = String::new();
        write_conllu(&s, &mut out);
        let expected: String = SAMPLE
            .lines()
            .filter(|l| !l.starts_with("3.1"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(out, expected);
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse_conllu("f.conllu", "1\tx\n").unwrap_err().to_string();
        assert!(e.starts_with("f.conllu:1:"), "{e}");
        let e = parse_conllu("f", "1\ta\ta\tX\tX\t_\t9\tdep\t_\t_\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("beyond"), "{e}");
    }
}
