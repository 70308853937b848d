//! Answers remembered per text as written, per thread and gazetteer.
//!
//! Recognition asks the same few thousand texts again and again (news
//! repeats names). A per-thread cache needs no lock, and its keys are a
//! 64-bit hash of the text plus the text kept once in one buffer (checked
//! on every hit, so a hash collision is answered uncached, never wrongly):
//! no heap string per entry.

use std::cell::RefCell;
use std::hash::Hasher;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHasher};

use super::Candidate;

/// Most texts whose name status is remembered.
const STATUS_LIMIT: usize = 50_000;
/// Most texts whose candidates are remembered.
const CANDIDATE_LIMIT: usize = 20_000;

/// A fresh identity for a gazetteer's contents: a cache made for other
/// contents (another gazetteer, or before places were added) is cleared.
pub(crate) fn next_owner() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The name status ((prefix, exact)) of `text` in the gazetteer `owner`,
/// computed by `status` when not remembered.
pub(crate) fn name_status(
    owner: u64,
    text: &str,
    status: impl FnOnce() -> (bool, bool),
) -> (bool, bool) {
    CACHES.with(|c| match c.try_borrow_mut() {
        Ok(mut c) => c
            .status
            .get_or_insert_with(owner, text, STATUS_LIMIT, status),
        Err(_) => status(),
    })
}

/// The candidates of `text` in the gazetteer `owner`, computed by `lookup`
/// when not remembered.
pub(crate) fn candidates(
    owner: u64,
    text: &str,
    lookup: impl FnOnce() -> Arc<[Candidate]>,
) -> Arc<[Candidate]> {
    CACHES.with(|c| match c.try_borrow_mut() {
        Ok(mut c) => c
            .candidates
            .get_or_insert_with(owner, text, CANDIDATE_LIMIT, lookup),
        Err(_) => lookup(),
    })
}

thread_local! {
    static CACHES: RefCell<Caches> = RefCell::default();
}

#[derive(Default)]
struct Caches {
    status: TextCache<(bool, bool)>,
    candidates: TextCache<Arc<[Candidate]>>,
}

/// Values by text; see the module comment.
struct TextCache<V> {
    owner: u64,
    /// The texts of the entries, one after another.
    texts: String,
    /// Text hash → (start in `texts`, byte length, value).
    entries: FxHashMap<u64, (u32, u32, V)>,
}

impl<V> Default for TextCache<V> {
    fn default() -> Self {
        TextCache {
            owner: 0,
            texts: String::new(),
            entries: FxHashMap::default(),
        }
    }
}

impl<V: Clone> TextCache<V> {
    fn get_or_insert_with(
        &mut self,
        owner: u64,
        text: &str,
        limit: usize,
        make: impl FnOnce() -> V,
    ) -> V {
        if self.owner != owner || self.entries.len() >= limit {
            self.owner = owner;
            self.texts.clear();
            self.entries.clear();
        }
        let mut hasher = FxHasher::default();
        hasher.write(text.as_bytes());
        let hash = hasher.finish();
        if let Some((start, len, value)) = self.entries.get(&hash) {
            let (start, len) = (*start as usize, *len as usize);
            // Bytes compared: no character-boundary checks.
            if self.texts.as_bytes().get(start..start + len) == Some(text.as_bytes()) {
                return value.clone();
            }
            // Another text with the same hash: answer it uncached.
            return make();
        }
        let value = make();
        let (Ok(start), Ok(len)) = (u32::try_from(self.texts.len()), u32::try_from(text.len()))
        else {
            return value;
        };
        if start.checked_add(len).is_none() {
            return value;
        }
        self.texts.push_str(text);
        self.entries.insert(hash, (start, len, value.clone()));
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_per_owner_and_text() {
        let mut cache: TextCache<u32> = TextCache::default();
        assert_eq!(cache.get_or_insert_with(1, "Homs", 10, || 1), 1);
        assert_eq!(cache.get_or_insert_with(1, "Homs", 10, || 2), 1);
        assert_eq!(cache.get_or_insert_with(1, "Hom", 10, || 3), 3);
        // Another owner: nothing remembered.
        assert_eq!(cache.get_or_insert_with(2, "Homs", 10, || 4), 4);
        // Past the limit everything is forgotten.
        assert_eq!(cache.get_or_insert_with(2, "Idlib", 1, || 5), 5);
        assert_eq!(cache.get_or_insert_with(2, "Homs", 1, || 6), 6);
    }
}
