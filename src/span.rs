//! The one span type of the crate and the line index that turns it into line and column.
//!
//! Every position quotecheck reports is a [`Span`]: an end-exclusive byte range into the
//! *original* file, as it is on disk. Line and column are derived from it only when a report is
//! written, through a [`LineIndex`] built once per file.

use serde::Serialize;

/// An end-exclusive byte range `start..end`.
///
/// Invariants (upheld by every constructor in this crate): `start <= end`, and both ends fall on
/// UTF-8 character boundaries of the text the span refers to. Spans in findings refer to the
/// original file; spans inside the engine refer to the analysed text of a
/// [`Document`](crate::Document) and are mapped back with [`Document::to_original`](crate::Document::to_original).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. Panics in debug builds if `start > end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
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

    /// The text this span covers in `text`.
    pub fn get<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// A 1-based line and 1-based column counted in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    /// 1-based line number; lines end at `\n` (a `\r\n` pair counts as one line end).
    pub line: usize,
    /// 1-based column, in Unicode scalar values from the start of the line.
    pub column: usize,
}

/// Start offsets of every line of a file, for converting byte offsets to line and column.
///
/// Built once per file in O(n) with `memchr`; each lookup is a binary search plus a count of the
/// characters between the line start and the offset.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `bytes`.
    pub fn new(bytes: &[u8]) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        LineIndex { line_starts }
    }

    /// Line and column of byte `offset` in `bytes` (the same bytes the index was built from).
    ///
    /// The column counts Unicode scalar values; bytes that are not valid UTF-8 count one each, so
    /// the answer is defined for any input.
    pub fn line_col(&self, bytes: &[u8], offset: usize) -> LineCol {
        let offset = offset.min(bytes.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let column = count_chars(&bytes[start..offset]) + 1;
        LineCol { line, column }
    }
}

/// Number of characters in `bytes`: continuation bytes (`10xxxxxx`) are not counted.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let text = "« Oui »\nIl a dit « non ».\r\nFin";
        let idx = LineIndex::new(text.as_bytes());
        assert_eq!(
            idx.line_col(text.as_bytes(), 0),
            LineCol { line: 1, column: 1 }
        );
        // "»" is the 7th character of line 1 but starts at byte 7 ("«" is 2 bytes, NBSP-free).
        let close = text.find('»').unwrap();
        assert_eq!(
            idx.line_col(text.as_bytes(), close),
            LineCol { line: 1, column: 7 }
        );
        let non = text.find("non").unwrap();
        assert_eq!(
            idx.line_col(text.as_bytes(), non),
            LineCol {
                line: 2,
                column: 12
            }
        );
        let fin = text.find("Fin").unwrap();
        assert_eq!(
            idx.line_col(text.as_bytes(), fin),
            LineCol { line: 3, column: 1 }
        );
        assert_eq!(
            idx.line_col(text.as_bytes(), text.len()),
            LineCol { line: 3, column: 4 }
        );
    }

    #[test]
    fn span_relations() {
        let a = Span::new(2, 8);
        assert!(a.contains(Span::new(3, 8)));
        assert!(!a.contains(Span::new(1, 3)));
        assert!(a.overlaps(Span::new(7, 9)));
        assert!(!a.overlaps(Span::new(8, 9)));
        assert_eq!(a.cover(Span::new(0, 3)), Span::new(0, 8));
        assert_eq!(Span::new(4, 4).len(), 0);
    }
}
