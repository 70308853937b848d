use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's cleaned text.
///
/// Invariant: `start <= end`, enforced by [`Span::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; swaps them if given in the wrong order.
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end {
            Span { start, end }
        } else {
            Span {
                start: end,
                end: start,
            }
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers in `text`, or `""` if it is out of range or
    /// not on char boundaries (never panics).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_orders_bounds_and_slice_is_safe() {
        let s = Span::new(5, 2);
        assert_eq!((s.start, s.end), (2, 5));
        assert_eq!(s.slice("abcdefg"), "cde");
        assert_eq!(Span::new(0, 99).slice("abc"), "");
        // inside a multi-byte char: empty, not a panic
        assert_eq!(Span::new(0, 1).slice("é"), "");
    }

    #[test]
    fn overlap_and_cover() {
        let a = Span::new(0, 4);
        let b = Span::new(3, 8);
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(4, 6)));
        assert_eq!(a.cover(b), Span::new(0, 8));
        assert!(a.cover(b).contains(b));
    }
}
