//! Small text helpers over raw document text: word stepping, case and
//! inflection variants. They never panic on any input (all slicing is
//! checked).

/// True for characters that can be part of a word.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The character just before byte `pos`, if any.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The character at byte `pos`, if any.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// A word: byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

fn word_inner(c: char) -> bool {
    is_word_char(c) || c == '-' || c == '\'' || c == '’' || c == '.'
}

/// The word ending at or before `pos` (skipping spaces), not before `floor`.
/// Punctuation other than word-internal marks counts as a word of its own.
pub(crate) fn prev_word(text: &str, pos: usize, floor: usize) -> Option<Word> {
    // Fast path over ASCII bytes; any non-ASCII byte on the way hands over
    // to the general version (same result, char by char).
    let bytes = text.as_bytes();
    if floor > pos || !text.is_char_boundary(floor) || !text.is_char_boundary(pos) {
        return None;
    }
    let mut end = pos;
    loop {
        if end == floor {
            return None;
        }
        match bytes.get(end - 1) {
            Some(b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') => end -= 1,
            Some(b) if b.is_ascii() => break,
            _ => return prev_word_general(text, pos, floor),
        }
    }
    let last = bytes.get(end - 1).copied().unwrap_or(b' ');
    if !last.is_ascii_alphanumeric() {
        return Some(Word {
            start: end - 1,
            end,
        });
    }
    let mut start = end;
    while start > floor {
        match bytes.get(start - 1) {
            Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'\'' | b'.') => start -= 1,
            Some(b) if b.is_ascii() => break,
            _ => return prev_word_general(text, pos, floor),
        }
    }
    // Do not swallow a leading quote or dash into the word.
    while start < end {
        match bytes.get(start) {
            Some(b) if b.is_ascii_alphanumeric() => break,
            Some(b) if b.is_ascii() => start += 1,
            _ => return prev_word_general(text, pos, floor),
        }
    }
    Some(Word { start, end })
}

/// [`prev_word`] for any text.
fn prev_word_general(text: &str, pos: usize, floor: usize) -> Option<Word> {
    let head = text.get(floor..pos)?;
    let trimmed = head.trim_end();
    if trimmed.is_empty() {
        return None;
    }
    let end = floor + trimmed.len();
    let last = trimmed.chars().next_back()?;
    if !is_word_char(last) {
        return Some(Word {
            start: end - last.len_utf8(),
            end,
        });
    }
    let mut start = end;
    for (i, c) in trimmed.char_indices().rev() {
        if word_inner(c) {
            start = floor + i;
        } else {
            break;
        }
    }
    // Do not swallow a leading quote or dash into the word.
    while let Some(c) = char_at(text, start) {
        if is_word_char(c) || start >= end {
            break;
        }
        start += c.len_utf8();
    }
    Some(Word { start, end })
}

/// The word starting at or after `pos` (skipping spaces), ending by `ceil`.
pub(crate) fn next_word(text: &str, pos: usize, ceil: usize) -> Option<Word> {
    let tail = text.get(pos..ceil)?;
    let trimmed = tail.trim_start();
    if trimmed.is_empty() {
        return None;
    }
    let start = pos + (tail.len() - trimmed.len());
    let first = trimmed.chars().next()?;
    if !is_word_char(first) {
        return Some(Word {
            start,
            end: start + first.len_utf8(),
        });
    }
    let mut end = start;
    for (i, c) in trimmed.char_indices() {
        if word_inner(c) {
            end = start + i + c.len_utf8();
        } else {
            break;
        }
    }
    // A trailing period or apostrophe ends a sentence or a possessive, not the word,
    // unless the word is an abbreviation like "U.S.".
    let w = text.get(start..end).unwrap_or("");
    let dots = w.matches('.').count();
    if w.ends_with('.') && dots == 1 {
        end -= 1;
    }
    Some(Word { start, end })
}

/// True when the word starts with an upper-case letter.
pub(crate) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Plural forms of the head of a noun phrase: its last word ("defense
/// minister" → "defense ministers", "militia" → "militias", "policeman" →
/// "policemen"), or the word before an "of" complement ("head of state" →
/// "heads of state", "council of ministers" → "councils of ministers").
pub(crate) fn plurals(phrase: &str) -> Vec<String> {
    if let Some(at) = phrase.find(" of ") {
        let (head, rest) = phrase.split_at(at);
        if !head.is_empty() {
            return plurals(head)
                .into_iter()
                .map(|h| format!("{h}{rest}"))
                .collect();
        }
    }
    let lower = phrase.to_lowercase();
    let mut out = Vec::new();
    if lower.ends_with("man") && !lower.ends_with("human") && !lower.ends_with("german") {
        out.push(format!(
            "{}men",
            phrase.get(..phrase.len() - 3).unwrap_or("")
        ));
        return out;
    }
    if lower.ends_with("person") {
        out.push(format!(
            "{}people",
            phrase.get(..phrase.len() - 6).unwrap_or("")
        ));
        out.push(format!("{phrase}s"));
        return out;
    }
    let bytes = lower.as_bytes();
    let n = bytes.len();
    if n >= 2
        && lower.ends_with('y')
        && !matches!(bytes.get(n - 2), Some(b'a' | b'e' | b'i' | b'o' | b'u'))
    {
        out.push(format!(
            "{}ies",
            phrase.get(..phrase.len() - 1).unwrap_or("")
        ));
    } else if lower.ends_with('s')
        || lower.ends_with('x')
        || lower.ends_with("ch")
        || lower.ends_with("sh")
        || lower.ends_with('z')
    {
        out.push(format!("{phrase}es"));
    } else {
        out.push(format!("{phrase}s"));
    }
    out
}

/// Plural of a demonym used as a noun ("Russian" → "Russians"); none for
/// forms that do not take -s ("Chinese", "Swiss", "British").
pub(crate) fn demonym_plural(demonym: &str) -> Option<String> {
    let l = demonym.to_lowercase();
    if l.ends_with("ese")
        || l.ends_with('s')
        || l.ends_with("sh")
        || l.ends_with("ch")
        || l.ends_with('x')
    {
        return None;
    }
    Some(format!("{demonym}s"))
}

/// Replaces common Latin diacritics with ASCII ("Khürelsükh" → "Khurelsukh").
pub(crate) fn fold_ascii(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' | 'Ā' => 'A',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' | 'Ē' => 'E',
            'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'Í' | 'Ì' | 'Î' | 'Ï' | 'İ' => 'I',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
            'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => 'O',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'Ú' | 'Ù' | 'Û' | 'Ü' | 'Ū' => 'U',
            'ç' | 'ć' | 'č' => 'c',
            'Ç' | 'Ć' | 'Č' => 'C',
            'ñ' | 'ń' | 'ň' => 'n',
            'Ñ' => 'N',
            'ş' | 'ś' | 'š' | 'ș' => 's',
            'Ş' | 'Ś' | 'Š' | 'Ș' => 'S',
            'ţ' | 'ț' | 'ť' => 't',
            'ž' | 'ź' | 'ż' => 'z',
            'Ž' | 'Ź' | 'Ż' => 'Z',
            'ğ' => 'g',
            'ł' => 'l',
            'Ł' => 'L',
            'ř' => 'r',
            'ý' | 'ÿ' => 'y',
            'đ' => 'd',
            _ => c,
        })
        .collect()
}

/// True when every upper-case ASCII letter of `pattern` is upper case in
/// `found` (same byte length: the matcher is ASCII-case-insensitive). Lower
/// case in the pattern accepts either case, so "the Kremlin" matches
/// "The Kremlin" and "KREMLIN" but "US" does not match "us".
pub(crate) fn case_compatible(pattern: &str, found: &str) -> bool {
    pattern.len() == found.len()
        && pattern
            .bytes()
            .zip(found.bytes())
            .all(|(p, f)| !p.is_ascii_uppercase() || f.is_ascii_uppercase())
}

/// Head nouns of organisation names that British style writes in lower case
/// after capitalised words ("the Kurdistan Workers’ party", "the Democratic
/// Union party", "the Free Syrian army").
const LOWER_CASE_ORG_HEADS: &[&str] = &[
    "party",
    "army",
    "front",
    "council",
    "committee",
    "movement",
    "union",
    "alliance",
    "league",
    "forces",
    "units",
    "brigade",
    "brigades",
    "organisation",
    "organization",
    "coalition",
];

/// [`case_compatible`] for an organisation's name written the British way:
/// a name of at least three words whose last word, one of
/// [`LOWER_CASE_ORG_HEADS`], is written in lower case ("Kurdistan Workers’
/// party" for "Kurdistan Workers’ Party"). The words before it keep their
/// capitals, so "an Islamic state" or "the workers’ party" stay no name.
pub(crate) fn case_compatible_org(pattern: &str, found: &str) -> bool {
    if case_compatible(pattern, found) {
        return true;
    }
    if pattern.len() != found.len() || pattern.split(' ').count() < 3 {
        return false;
    }
    let Some(cut) = pattern.rfind(' ').map(|i| i + 1) else {
        return false;
    };
    let (Some(p_head), Some(f_head), Some(p_tail), Some(f_tail)) = (
        pattern.get(..cut),
        found.get(..cut),
        pattern.get(cut..),
        found.get(cut..),
    ) else {
        return false;
    };
    case_compatible(p_head, f_head)
        && f_tail.bytes().all(|b| !b.is_ascii_uppercase())
        && LOWER_CASE_ORG_HEADS
            .iter()
            .any(|h| h.eq_ignore_ascii_case(p_tail))
}

/// The parts joined, without the formatting machinery (rule texts are
/// built for every mention).
pub(crate) fn concat(parts: &[&str]) -> String {
    // Slack for the origin or clause usually appended next.
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum::<usize>() + 48);
    for p in parts {
        out.push_str(p);
    }
    out
}

/// Appends a knowledge entry's origin as rule texts write it: `[file:line]`.
pub(crate) fn push_origin(out: &mut String, file: &str, line: usize) {
    out.reserve(file.len() + 24);
    out.push('[');
    out.push_str(file);
    out.push(':');
    let mut digits = [0u8; 20];
    let mut n = line;
    let mut used = 0;
    for slot in digits.iter_mut() {
        // `n % 10` is a digit, so the cast cannot truncate.
        *slot = b'0' + (n % 10) as u8;
        used += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for d in digits.get(..used).unwrap_or_default().iter().rev() {
        out.push(char::from(*d));
    }
    out.push(']');
}

/// Both apostrophe spellings of a phrase.
pub(crate) fn apostrophe_variants(phrase: &str) -> Vec<String> {
    let mut out = vec![phrase.to_string()];
    if phrase.contains('\'') {
        out.push(phrase.replace('\'', "’"));
    }
    if phrase.contains('’') {
        out.push(phrase.replace('’', "'"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_forms() {
        assert_eq!(plurals("defense minister"), vec!["defense ministers"]);
        assert_eq!(plurals("militia"), vec!["militias"]);
        assert_eq!(plurals("policeman"), vec!["policemen"]);
        assert_eq!(plurals("embassy"), vec!["embassies"]);
        assert_eq!(plurals("attorney"), vec!["attorneys"]);
        assert_eq!(plurals("boss"), vec!["bosses"]);
        // the head of an "of" phrase takes the plural, not its complement
        assert_eq!(plurals("head of state"), vec!["heads of state"]);
        assert_eq!(plurals("ministry of health"), vec!["ministries of health"]);
        assert_eq!(
            plurals("council of ministers"),
            vec!["councils of ministers"]
        );
        assert_eq!(
            plurals("deputy minister of defence"),
            vec!["deputy ministers of defence"]
        );
        assert_eq!(demonym_plural("Russian").as_deref(), Some("Russians"));
        assert_eq!(demonym_plural("Chinese"), None);
    }

    #[test]
    fn words_step_over_spaces_and_keep_abbreviations() {
        let t = "Talks with the U.S. ended.";
        let w = next_word(t, 14, t.len()).expect("word");
        assert_eq!(w.text(t), "U.S.");
        let w = prev_word(t, 14, 0).expect("word");
        assert_eq!(w.text(t), "the");
        let w = next_word(t, 19, t.len()).expect("word");
        assert_eq!(w.text(t), "ended");
        assert_eq!(prev_word(t, 0, 0), None);
        assert_eq!(next_word(t, t.len(), t.len()), None);
        assert_eq!(next_word(t, 999, 5), None);
    }

    #[test]
    fn prev_word_fast_path_agrees_with_the_general_one() {
        let texts = [
            "Talks with the U.S. ended, said 'Moscow' -- ex-president  Kim\t(again).",
            "Über “Putin’s” aide — said: Kim Jong-un\u{a0} left.\u{b}x",
            "  - ' .",
            "",
        ];
        for t in texts {
            for pos in 0..=t.len() + 1 {
                for floor in [0, 1, 3, pos.saturating_sub(4), pos] {
                    assert_eq!(
                        prev_word(t, pos, floor),
                        prev_word_general(t, pos, floor),
                        "{t:?} pos {pos} floor {floor}"
                    );
                }
            }
        }
    }

    #[test]
    fn rule_text_helpers() {
        let mut s = concat(&["role:", "minister", " "]);
        push_origin(&mut s, "roles.tsv", 120);
        assert_eq!(s, "role:minister [roles.tsv:120]");
        let mut z = String::new();
        push_origin(&mut z, "f", 0);
        assert_eq!(z, "[f:0]");
    }

    #[test]
    fn case_rules() {
        assert!(case_compatible("US", "US"));
        assert!(!case_compatible("US", "us"));
        assert!(case_compatible("the Kremlin", "THE KREMLIN"));
        assert!(case_compatible("troops", "Troops"));
        assert_eq!(fold_ascii("Khürelsükh"), "Khurelsukh");
    }
}
