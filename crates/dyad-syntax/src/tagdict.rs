//! The tag dictionary: word forms that the treebank tags with one class
//! (nearly) always, given that class without scoring.
//!
//! Built by the trainer from the gold tags of the training treebank
//! (deterministic: counts, then the forms sorted) and stored in the model
//! file. A form enters when it occurs at least `min_count` times and its
//! most frequent joint (Penn, UPOS) class covers at least `min_share` of
//! its occurrences (punctuation, determiners, most function words,
//! frequent unambiguous nouns), unless `keep` refuses it (the trainer
//! refuses nouns and adjectives that dyad-text's verb table knows as verb
//! forms: "fund" and "fire" are nouns in every EWT sentence that has them,
//! verbs in many a news one). The tagger gives such a word that class and
//! skips its feature look-ups; the words after it see the class as their
//! previous tag, as they would a predicted one.

use rustc_hash::FxHashMap;

use crate::feat::hash_str;
use crate::model::{Reader, Writer};

/// Shares are stored in units of 1/100,000.
const SHARE_UNIT: u64 = 100_000;

/// The dictionary: (form, class) entries and their look-up table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagDict {
    /// Minimum occurrences of a form in the training set.
    min_count: u32,
    /// Minimum share of its most frequent class, in 1/100,000.
    min_share: u32,
    /// The entries, sorted by form.
    entries: Vec<(String, u8)>,
    /// Form hash ([`hash_str`], the tagger's `WordInfo::form`) to class.
    map: FxHashMap<u64, u8>,
}

impl TagDict {
    /// Builds the dictionary from (form, class id) pairs of the training
    /// set; a form enters only if `keep(form, class)` also agrees.
    /// `min_count` 0 builds an empty dictionary (tagging then scores every
    /// word, as before the dictionary existed).
    pub fn build<'a>(
        tokens: impl IntoIterator<Item = (&'a str, u8)>,
        min_count: u32,
        min_share: f64,
        keep: impl Fn(&str, u8) -> bool,
    ) -> TagDict {
        let share = (min_share.clamp(0.0, 1.0) * SHARE_UNIT as f64).round() as u32;
        if min_count == 0 {
            return TagDict::from_entries(0, share, Vec::new());
        }
        let mut counts: FxHashMap<&str, FxHashMap<u8, u64>> = FxHashMap::default();
        for (form, class) in tokens {
            *counts.entry(form).or_default().entry(class).or_default() += 1;
        }
        let mut entries = Vec::new();
        for (form, classes) in counts {
            let total: u64 = classes.values().sum();
            // The most frequent class; ties to the lower id (deterministic).
            let Some((&class, &n)) = classes
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            else {
                continue;
            };
            if total >= min_count as u64
                && n * SHARE_UNIT >= share as u64 * total
                && keep(form, class)
            {
                entries.push((form.to_string(), class));
            }
        }
        entries.sort_unstable();
        TagDict::from_entries(min_count, share, entries)
    }

    fn from_entries(min_count: u32, min_share: u32, entries: Vec<(String, u8)>) -> TagDict {
        let map = entries
            .iter()
            .map(|(form, class)| (hash_str(form), *class))
            .collect();
        TagDict {
            min_count,
            min_share,
            entries,
            map,
        }
    }

    /// The class of a word, by its form's hash (`WordInfo::form`).
    #[inline]
    pub fn class_of_hash(&self, form: u64) -> Option<u8> {
        if self.map.is_empty() {
            return None;
        }
        self.map.get(&form).copied()
    }

    /// The class of a word form.
    pub fn class_of(&self, form: &str) -> Option<u8> {
        self.class_of_hash(hash_str(form))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// No entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The thresholds it was built with: minimum count and minimum share.
    pub fn thresholds(&self) -> (u32, f64) {
        (self.min_count, self.min_share as f64 / SHARE_UNIT as f64)
    }

    /// The entries, sorted by form.
    pub fn entries(&self) -> &[(String, u8)] {
        &self.entries
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u32(self.min_count);
        w.u32(self.min_share);
        w.u32(self.entries.len() as u32);
        for (form, class) in &self.entries {
            w.str(form);
            w.bytes(&[*class]);
        }
    }

    /// Reads a dictionary; every class must be below `n_classes` and the
    /// forms strictly sorted (each once).
    pub(crate) fn read(r: &mut Reader, n_classes: usize) -> Result<TagDict, String> {
        let min_count = r.u32()?;
        let min_share = r.u32()?;
        let n = r.u32()? as usize;
        if n > r.remaining() / 5 {
            return Err(format!("tag dictionary: {n} entries do not fit the file"));
        }
        let mut entries: Vec<(String, u8)> = Vec::with_capacity(n);
        for k in 0..n {
            let form = r.str()?;
            let class = r.bytes(1)?.first().copied().unwrap_or(0);
            if class as usize >= n_classes {
                return Err(format!(
                    "tag dictionary entry {k} ({form:?}): class {class} out of range"
                ));
            }
            if entries.last().is_some_and(|(last, _)| *last >= form) {
                return Err(format!(
                    "tag dictionary entry {k} ({form:?}): forms not sorted"
                ));
            }
            entries.push((form, class));
        }
        Ok(TagDict::from_entries(min_count, min_share, entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens() -> Vec<(&'static str, u8)> {
        let mut v = Vec::new();
        // "the": 30 times class 1; "that": 20 times class 2, 10 times
        // class 3; "rare": 3 times class 4; "," 25 times class 5, once 6.
        v.extend(std::iter::repeat_n(("the", 1), 30));
        v.extend(std::iter::repeat_n(("that", 2), 20));
        v.extend(std::iter::repeat_n(("that", 3), 10));
        v.extend(std::iter::repeat_n(("rare", 4), 3));
        v.extend(std::iter::repeat_n((",", 5), 25));
        v.push((",", 6));
        v
    }

    #[test]
    fn build_keeps_frequent_unambiguous_forms() {
        let d = TagDict::build(tokens(), 20, 0.95, |_, _| true);
        assert_eq!(d.entries(), &[(",".to_string(), 5), ("the".to_string(), 1)]);
        assert_eq!(d.class_of("the"), Some(1));
        assert_eq!(d.class_of("The"), None);
        assert_eq!(d.class_of("that"), None);
        assert_eq!(d.class_of("rare"), None);
        // 25 of 26 is 0.9615: out at a 0.99 share.
        let strict = TagDict::build(tokens(), 20, 0.99, |_, _| true);
        assert_eq!(strict.entries(), &[("the".to_string(), 1)]);
        // A low count threshold takes "rare" too; a low share "that".
        let loose = TagDict::build(tokens(), 1, 0.6, |_, _| true);
        assert_eq!(loose.len(), 4);
        // `keep` can refuse a form.
        let kept = TagDict::build(tokens(), 1, 0.6, |f, _| f != "rare");
        assert_eq!(kept.len(), 3);
        assert_eq!(kept.class_of("rare"), None);
        assert_eq!(loose.class_of("that"), Some(2));
        assert!(TagDict::build(tokens(), 0, 0.9, |_, _| true).is_empty());
        assert_eq!(d.thresholds(), (20, 0.95));
    }

    #[test]
    fn round_trip_and_damaged_input() {
        let d = TagDict::build(tokens(), 1, 0.6, |_, _| true);
        let mut w = Writer::default();
        d.write(&mut w);
        let bytes = w.into_inner();
        let back = TagDict::read(&mut Reader::new(&bytes), 10).unwrap();
        assert_eq!(back, d);
        // A class beyond the model's classes is refused.
        assert!(TagDict::read(&mut Reader::new(&bytes), 3)
            .unwrap_err()
            .contains("out of range"));
        // Truncated.
        assert!(TagDict::read(&mut Reader::new(&bytes[..bytes.len() - 3]), 10).is_err());
        // Unsorted forms.
        let mut w = Writer::default();
        TagDict::from_entries(1, 1, vec![("b".into(), 1), ("a".into(), 1)]).write(&mut w);
        assert!(TagDict::read(&mut Reader::new(&w.into_inner()), 10)
            .unwrap_err()
            .contains("not sorted"));
    }
}
