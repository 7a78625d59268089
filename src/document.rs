//! The input of the engine: the text to analyse, its paragraphs, and the map from every byte of
//! that text back to the original file.
//!
//! Plain text is analysed as it is (minus a byte-order mark). Markup formats build the analysed
//! text from pieces of the file with [`DocumentBuilder`], which records where each piece came from,
//! so a quote found in the text of a Markdown or HTML file is reported at its exact place in the
//! file and no position is ever searched for again.

use std::borrow::Cow;

use crate::span::Span;

/// What kind of block a paragraph of the analysed text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Ordinary prose.
    Paragraph,
    /// A heading or headline.
    Heading,
    /// Text the markup itself marks as quoted (`> …` in Markdown, `<blockquote>` in HTML).
    BlockQuote,
}

/// A block of the analysed text: sentences and quotes never cross blocks, except a quote that
/// reopens at the start of the next block (the multi-paragraph convention).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Where the block lies in the analysed text, without its line break.
    pub span: Span,
    /// Where it comes from.
    pub kind: BlockKind,
}

/// One run of the analysed text and the bytes of the file it stands for.
///
/// When both lengths are equal the run was copied byte for byte and offsets inside it map
/// linearly; otherwise (a decoded entity, a replaced line break) any offset inside maps to the
/// start of the original range, and an end offset to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    text: usize,
    text_len: usize,
    orig: usize,
    orig_len: usize,
}

/// Why a file could not be read as text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes are not UTF-8.
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence in the file.
        offset: usize,
    },
    /// The file looks binary (it contains NUL bytes).
    #[error("binary file (NUL byte at {offset})")]
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
}

/// Text to analyse, mapped back to the original file.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    text: Cow<'a, str>,
    segments: Vec<Segment>,
    blocks: Vec<Block>,
    original_len: usize,
}

const BOM: &str = "\u{feff}";

impl<'a> Document<'a> {
    /// A plain-text document. A UTF-8 byte-order mark is skipped (and positions still count it);
    /// invalid UTF-8 is an error that names the offending byte.
    pub fn plain(bytes: &'a [u8]) -> Result<Document<'a>, DecodeError> {
        let text = std::str::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8 {
            offset: e.valid_up_to(),
        })?;
        Ok(Document::plain_str(text))
    }

    /// A plain-text document from a string (a byte-order mark is skipped).
    pub fn plain_str(text: &'a str) -> Document<'a> {
        let skip = if text.starts_with(BOM) { BOM.len() } else { 0 };
        let body = &text[skip..];
        let segments = vec![Segment {
            text: 0,
            text_len: body.len(),
            orig: skip,
            orig_len: body.len(),
        }];
        let blocks = plain_blocks(body);
        Document {
            text: Cow::Borrowed(body),
            segments,
            blocks,
            original_len: text.len(),
        }
    }

    /// The analysed text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The blocks (paragraphs, headings, block quotes) of the analysed text, in order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Length of the original file in bytes.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// Map a span of the analysed text to the original file.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.map_offset(span.start, false);
        let end = if span.is_empty() {
            start
        } else {
            self.map_offset(span.end, true).max(start)
        };
        Span::new(start, end)
    }

    /// Map one offset; `is_end` picks the end of a run when the offset falls on a run boundary or
    /// inside a run that was not copied byte for byte.
    fn map_offset(&self, offset: usize, is_end: bool) -> usize {
        if self.segments.is_empty() {
            return 0;
        }
        // The run containing `offset`: for an end offset, the run that ends there wins.
        let idx = if is_end {
            self.segments
                .partition_point(|s| s.text < offset)
                .saturating_sub(1)
        } else {
            self.segments
                .partition_point(|s| s.text <= offset)
                .saturating_sub(1)
        };
        let seg = self.segments[idx];
        let within = offset.saturating_sub(seg.text);
        if seg.text_len == seg.orig_len {
            seg.orig + within.min(seg.orig_len)
        } else if (is_end && within > 0) || (within >= seg.text_len && seg.text_len > 0) {
            seg.orig + seg.orig_len
        } else {
            seg.orig
        }
    }
}

/// Split plain text into paragraphs.
///
/// Copy in the wild comes two ways: one paragraph per line (CMS exports, wire copy) or paragraphs
/// separated by blank lines and hard-wrapped inside (e-mail, text editors). A document is taken as
/// hard-wrapped when it has blank lines and most of its lines are short and followed by another
/// non-blank line; then a single line break is a soft wrap. Otherwise every line is a paragraph.
fn plain_blocks(text: &str) -> Vec<Block> {
    let mut lines: Vec<Span> = Vec::new();
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
        lines.push(Span::new(start, nl));
        start = nl + 1;
    }
    lines.push(Span::new(start, text.len()));
    let trimmed: Vec<Span> = lines.iter().map(|l| trim_span(text, *l)).collect();

    let hard_wrapped = {
        let non_blank: Vec<&Span> = trimmed.iter().filter(|l| !l.is_empty()).collect();
        let has_blank = trimmed.iter().any(|l| l.is_empty());
        let short = non_blank
            .iter()
            .filter(|l| text[l.start..l.end].chars().count() <= 100)
            .count();
        let continued = trimmed
            .windows(2)
            .filter(|w| !w[0].is_empty() && !w[1].is_empty())
            .count();
        has_blank
            && non_blank.len() >= 3
            && short * 10 >= non_blank.len() * 9
            && continued * 2 >= non_blank.len()
    };

    let mut blocks = Vec::new();
    let mut current: Option<Span> = None;
    for l in trimmed {
        if l.is_empty() {
            if let Some(b) = current.take() {
                blocks.push(b);
            }
            continue;
        }
        match (&mut current, hard_wrapped) {
            (Some(b), true) => b.end = l.end,
            (Some(b), false) => {
                blocks.push(*b);
                current = Some(l);
            }
            (None, _) => current = Some(l),
        }
    }
    if let Some(b) = current {
        blocks.push(b);
    }
    blocks
        .into_iter()
        .map(|span| Block {
            span,
            kind: BlockKind::Paragraph,
        })
        .collect()
}

/// `span` without leading and trailing whitespace (a `\r` included).
fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

/// Builds a [`Document`] from pieces of a file, recording where each piece came from.
///
/// Used by the Markdown and HTML readers: text copied from the file keeps exact positions, text
/// that stands for something else (a decoded entity, a line break) maps to the bytes it replaces.
#[derive(Debug, Default)]
pub struct DocumentBuilder {
    text: String,
    segments: Vec<Segment>,
    blocks: Vec<Block>,
    block_start: Option<usize>,
    block_kind: Option<BlockKind>,
}

impl DocumentBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Append `piece`, which is the file's bytes at `orig_start..orig_start + piece.len()`.
    pub fn push_copied(&mut self, piece: &str, orig_start: usize) {
        self.push(piece, orig_start, piece.len());
    }

    /// Append `piece`, which stands for the file's bytes `orig` (an entity, a break).
    pub fn push_replaced(&mut self, piece: &str, orig: Span) {
        self.push(piece, orig.start, orig.len());
    }

    fn push(&mut self, piece: &str, orig: usize, orig_len: usize) {
        if piece.is_empty() {
            return;
        }
        if self.block_start.is_none() {
            self.block_start = Some(self.text.len());
        }
        let seg = Segment {
            text: self.text.len(),
            text_len: piece.len(),
            orig,
            orig_len,
        };
        // Merge runs copied back to back, to keep the map small.
        match self.segments.last_mut() {
            Some(last)
                if last.text_len == last.orig_len
                    && seg.text_len == seg.orig_len
                    && last.text + last.text_len == seg.text
                    && last.orig + last.orig_len == seg.orig =>
            {
                last.text_len += seg.text_len;
                last.orig_len += seg.orig_len;
            }
            _ => self.segments.push(seg),
        }
        self.text.push_str(piece);
    }

    /// Set the kind of the block being built (default: paragraph).
    pub fn block_kind(&mut self, kind: BlockKind) {
        self.block_kind = Some(kind);
    }

    /// Close the current block; the next text starts a new one. A separating line break is added
    /// to the text (mapped to the end of the previous piece) so words never run together.
    pub fn end_block(&mut self) {
        if let Some(start) = self.block_start.take() {
            let span = trim_span(&self.text, Span::new(start, self.text.len()));
            if !span.is_empty() {
                self.blocks.push(Block {
                    span,
                    kind: self.block_kind.unwrap_or(BlockKind::Paragraph),
                });
            }
            let at = self.segments.last().map_or(0, |s| s.orig + s.orig_len);
            let seg = Segment {
                text: self.text.len(),
                text_len: 1,
                orig: at,
                orig_len: 0,
            };
            self.segments.push(seg);
            self.text.push('\n');
        }
        self.block_kind = None;
    }

    /// The finished document; `original_len` is the length of the file.
    pub fn finish(mut self, original_len: usize) -> Document<'static> {
        self.end_block();
        Document {
            text: Cow::Owned(self.text),
            segments: self.segments,
            blocks: self.blocks,
            original_len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_texts<'t>(doc: &'t Document) -> Vec<&'t str> {
        doc.blocks()
            .iter()
            .map(|b| b.span.get(doc.text()))
            .collect()
    }

    #[test]
    fn one_paragraph_per_line_in_wire_copy() {
        let doc = Document::plain_str(
            "Le dirigeant a parlé jeudi devant la presse réunie au palais présidentiel de la capitale.\nIl a assuré que « tout va bien ».\n",
        );
        assert_eq!(
            block_texts(&doc),
            vec![
                "Le dirigeant a parlé jeudi devant la presse réunie au palais présidentiel de la capitale.",
                "Il a assuré que « tout va bien »."
            ]
        );
    }

    #[test]
    fn hard_wrapped_text_joins_lines_of_a_paragraph() {
        let text = "The mayor spoke on Monday to a crowd of\nsupporters gathered at city hall.\n\n\"We will rebuild,\" she said,\nadding that help was coming.\n\nThe council meets again\nnext week.\n";
        let doc = Document::plain_str(text);
        assert_eq!(
            block_texts(&doc),
            vec![
                "The mayor spoke on Monday to a crowd of\nsupporters gathered at city hall.",
                "\"We will rebuild,\" she said,\nadding that help was coming.",
                "The council meets again\nnext week."
            ]
        );
    }

    #[test]
    fn bom_is_skipped_but_counted_in_positions() {
        let bytes = "\u{feff}« Oui »".as_bytes();
        let doc = Document::plain(bytes).unwrap();
        assert_eq!(doc.text(), "« Oui »");
        assert_eq!(doc.to_original(Span::new(0, 2)), Span::new(3, 5));
        assert_eq!(doc.original_len(), bytes.len());
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        let err = Document::plain(b"abc\xffdef").unwrap_err();
        assert_eq!(err, DecodeError::InvalidUtf8 { offset: 3 });
    }

    #[test]
    fn builder_maps_copied_and_replaced_runs() {
        // Original: `<p>Tom &amp; Jerry</p>`; text: `Tom & Jerry`.
        let mut b = DocumentBuilder::new();
        b.push_copied("Tom ", 3);
        b.push_replaced("&", Span::new(7, 12));
        b.push_copied(" Jerry", 12);
        b.end_block();
        let doc = b.finish(22);
        assert_eq!(doc.text(), "Tom & Jerry\n");
        assert_eq!(doc.to_original(Span::new(0, 3)), Span::new(3, 6));
        assert_eq!(doc.to_original(Span::new(4, 5)), Span::new(7, 12));
        assert_eq!(doc.to_original(Span::new(6, 11)), Span::new(13, 18));
        assert_eq!(doc.to_original(Span::new(0, 11)), Span::new(3, 18));
        assert_eq!(block_texts(&doc), vec!["Tom & Jerry"]);
    }
}
