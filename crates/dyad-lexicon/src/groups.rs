//! First-word groups of the phrase matcher: the patterns sharing a first
//! word, indexed by the two bytes after that word so that a text word such
//! as "al" (in "al-Assad") is compared only with the few "al-a…" patterns,
//! not with every "al-…" and "al …" name.

/// The lower-cased, ASCII-case-insensitive comparison of text with a
/// (lower-case) pattern of the same length.
pub(crate) fn same_lower(text: &[u8], pattern: &[u8]) -> bool {
    text.len() == pattern.len()
        && text
            .iter()
            .zip(pattern)
            .all(|(t, p)| t.to_ascii_lowercase() == *p)
}

/// The patterns whose first word has one hash.
pub(crate) struct Group {
    /// Pattern ids, longest first.
    ids: Vec<u32>,
    /// Byte length of the first word all patterns of the group share, or
    /// `None` when a hash collision mixed two first words (then every
    /// pattern is compared whole).
    shared_first_len: Option<usize>,
    /// Patterns running at least [`NEXT`] bytes past the shared first word,
    /// by those bytes (lower case); each list longest first. Four bytes, not
    /// two: with 50,000 legislators a first name ("John") heads hundreds of
    /// patterns, and " s" alone would leave dozens to compare.
    by_next: Vec<(u32, Vec<u32>)>,
    /// The other patterns (the first word and up to three bytes), longest first.
    short: Vec<u32>,
}

/// Bytes after the first word that index a group's longer patterns.
const NEXT: usize = 4;

/// The key of the [`NEXT`] bytes at the start of `b` (ASCII lower case).
fn next_key(b: &[u8]) -> Option<u32> {
    let k = b.get(..NEXT)?;
    let mut key = 0u32;
    for &x in k {
        key = (key << 8) | u32::from(x.to_ascii_lowercase());
    }
    Some(key)
}

impl Group {
    pub(crate) fn new(first_len: usize) -> Group {
        Group {
            ids: Vec::new(),
            shared_first_len: Some(first_len),
            by_next: Vec::new(),
            short: Vec::new(),
        }
    }

    /// Adds pattern `id` whose first word is `first` (`group_first` is the
    /// first word of the group's first pattern, if any).
    pub(crate) fn push(&mut self, id: u32, first: &str, group_first: Option<&str>) {
        if group_first.is_some_and(|g| g != first) {
            self.shared_first_len = None;
        }
        self.ids.push(id);
    }

    pub(crate) fn first_id(&self) -> Option<u32> {
        self.ids.first().copied()
    }

    /// Orders the patterns longest first (two patterns of one length never
    /// match one span: patterns are distinct in lower case) and builds the
    /// index by the bytes after the first word.
    pub(crate) fn finish(&mut self, patterns: &[String]) {
        let len_of = |id: u32| patterns.get(id as usize).map_or(0, String::len);
        self.ids
            .sort_by_key(|&id| (std::cmp::Reverse(len_of(id)), id));
        let Some(first_len) = self.shared_first_len else {
            return;
        };
        // Sorted once rather than inserted one by one: a first name heads
        // thousands of legislators' patterns. The sort is stable, so each
        // list stays longest first.
        let mut keyed: Vec<(u32, u32)> = Vec::new();
        for &id in &self.ids {
            let bytes = patterns.get(id as usize).map_or(&[][..], |p| p.as_bytes());
            match bytes.get(first_len..).and_then(next_key) {
                Some(key) => keyed.push((key, id)),
                None => self.short.push(id),
            }
        }
        keyed.sort_by_key(|&(key, _)| key);
        for (key, id) in keyed {
            match self.by_next.last_mut() {
                Some((k, list)) if *k == key => list.push(id),
                _ => self.by_next.push((key, vec![id])),
            }
        }
    }

    /// The candidates at `rest` (the text from the word start): the bytes
    /// of each candidate's start already known equal (`skip`), then the
    /// longer and the shorter candidates, each longest first (all of the
    /// first list are longer than all of the second). `None` when the text
    /// word is not the group's first word.
    pub(crate) fn candidates<'g>(
        &'g self,
        rest: &[u8],
        patterns: &[Box<str>],
    ) -> Option<(usize, &'g [u32], &'g [u32])> {
        let Some(first_len) = self.shared_first_len else {
            return Some((0, &self.ids, &[]));
        };
        let first = patterns.get(self.ids.first().copied()? as usize)?;
        let word_matches = match (rest.get(..first_len), first.as_bytes().get(..first_len)) {
            (Some(t), Some(p)) => same_lower(t, p),
            _ => false,
        };
        if !word_matches {
            return None;
        }
        let longer = match rest.get(first_len..).and_then(next_key) {
            Some(key) => self
                .by_next
                .binary_search_by_key(&key, |(k, _)| *k)
                .ok()
                .and_then(|i| self.by_next.get(i))
                .map_or(&[][..], |(_, list)| list.as_slice()),
            _ => &[],
        };
        Some((first_len, longer, &self.short))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longer_candidates_are_indexed_by_the_bytes_after_the_first_word() {
        let patterns: Vec<String> = [
            "anna smith",
            "anna smithers",
            "anna",
            "anna sm",
            "anna jones",
            "anna smith-jones",
        ]
        .iter()
        .map(|p| p.to_string())
        .collect();
        let mut g = Group::new(4);
        for (id, p) in patterns.iter().enumerate() {
            g.push(id as u32, "anna", Some("anna"));
            let _ = p;
        }
        g.finish(&patterns);
        let boxed: Vec<Box<str>> = patterns
            .iter()
            .map(|p| p.clone().into_boxed_str())
            .collect();
        let (skip, longer, short) = g
            .candidates(b"Anna Smithers said", &boxed)
            .expect("group word");
        assert_eq!(skip, 4);
        // " smi": longest first, ties impossible (distinct patterns).
        assert_eq!(longer, &[5, 1, 0]);
        // The first word and up to three bytes more.
        assert_eq!(short, &[3, 2]);
        let (_, longer, _) = g.candidates(b"ANNA JONES", &boxed).expect("group word");
        assert_eq!(longer, &[4]);
        assert!(g
            .candidates(b"Annabel", &boxed)
            .is_some_and(|(_, l, _)| l.is_empty()));
        assert!(g.candidates(b"Bob", &boxed).is_none());
    }
}
