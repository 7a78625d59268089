//! The input of the engine: the text to analyse, its paragraphs, and the map from every byte of
//! that text back to the original file.
//!
//! Plain text is analysed as it is (minus a byte-order mark). Markup formats build the analysed
//! text from pieces of the file with [`DocumentBuilder`], which records where each piece came from,
//! so a quote found in the text of a Markdown or HTML file is reported at its exact place in the
//! file and no position is ever searched for again.

use std::borrow::Cow;

use crate::findings::Quote;
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

/// The character encoding of an input file.
///
/// The engine reads UTF-8. Other encodings are decoded first with [`decode`], which keeps a map
/// from the decoded text back to the file's bytes, so positions still point into the file as it
/// is on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-16 when the file starts with a UTF-16 byte-order mark, else UTF-8 (never guessed
    /// further: invalid UTF-8 is an error that names the byte).
    #[default]
    Auto,
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16: the byte-order mark says which byte order; without one, the order whose odd or
    /// even bytes hold more zeros (ASCII text), little-endian on a tie.
    Utf16,
    /// Windows-1252, which is also what `latin1` and `ISO-8859-1` mean in practice (the WHATWG
    /// Encoding Standard maps those labels to it): CMS exports with `\x93`/`\x94` curly quotes.
    Windows1252,
}

/// A file's text as UTF-8, with the map back to the file's bytes when it had to be decoded.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    text: Cow<'a, str>,
    /// `None` when the text is the file's bytes (UTF-8).
    map: Option<OffsetMap>,
    encoding: &'static str,
}

impl Decoded<'_> {
    /// The text, UTF-8 (a UTF-8 byte-order mark kept: the readers skip it and count it).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The name of the encoding the file was read in (`UTF-8`, `UTF-16LE`, `UTF-16BE`,
    /// `windows-1252`).
    pub fn encoding(&self) -> &'static str {
        self.encoding
    }

    /// True when the text is not the file's bytes and positions must be mapped back.
    pub fn is_transcoded(&self) -> bool {
        self.map.is_some()
    }

    /// Map a span of [`Decoded::text`] to the file's bytes. Spans are expected on character
    /// boundaries of the text; they map to the whole bytes of the characters they cover.
    pub fn to_original(&self, span: Span) -> Span {
        match &self.map {
            None => span,
            Some(map) => Span::new(map.offset(span.start), map.offset(span.end)),
        }
    }
}

impl Decoded<'_> {
    /// `quote` with every span (the quote, its speaker mention, cue and source mention) mapped
    /// from the decoded text to the file.
    pub fn quote_to_original(&self, quote: &Quote) -> Quote {
        let mut q = quote.clone();
        q.span = self.to_original(q.span);
        for excerpt in [&mut q.speaker_mention, &mut q.cue, &mut q.source_mention]
            .into_iter()
            .flatten()
        {
            excerpt.span = self.to_original(excerpt.span);
        }
        q
    }
}

/// A run of characters that all take `text_w` bytes in the decoded text and `orig_w` bytes in
/// the file (`é` in Windows-1252: 2 and 1; `a` in UTF-16: 1 and 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    text: usize,
    orig: usize,
    text_w: u8,
    orig_w: u8,
}

/// Decoded-text offsets to file offsets, as runs of characters of equal widths: a few bytes
/// per word of French in Windows-1252, one run for ASCII in UTF-16.
#[derive(Debug, Clone, Default)]
struct OffsetMap {
    runs: Vec<Run>,
    /// Length of the file.
    orig_len: usize,
}

impl OffsetMap {
    /// Record one decoded character of `text_w` bytes standing for `orig_w` bytes of the file
    /// at `orig`, appended at `text` in the decoded text.
    fn push(&mut self, text: usize, orig: usize, text_w: usize, orig_w: usize) {
        let (text_w, orig_w) = (text_w as u8, orig_w as u8);
        if let Some(last) = self.runs.last()
            && last.text_w == text_w
            && last.orig_w == orig_w
        {
            return;
        }
        self.runs.push(Run {
            text,
            orig,
            text_w,
            orig_w,
        });
    }

    fn offset(&self, offset: usize) -> usize {
        let i = self.runs.partition_point(|r| r.text <= offset);
        let Some(run) = i.checked_sub(1).map(|i| self.runs[i]) else {
            // Before the first character: the file's prefix (a byte-order mark) is skipped.
            return self.runs.first().map_or(self.orig_len, |r| r.orig);
        };
        let chars = (offset - run.text).div_ceil(usize::from(run.text_w));
        (run.orig + chars * usize::from(run.orig_w)).min(self.orig_len)
    }
}

const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";

/// Read `bytes` in `encoding` as UTF-8 text.
///
/// UTF-8 input is borrowed and must be valid ([`DecodeError::InvalidUtf8`] names the first bad
/// byte). UTF-16 and Windows-1252 are decoded, and [`Decoded::to_original`] maps positions in
/// the decoded text back to the file. Malformed UTF-16 (a lone surrogate, an odd last byte)
/// becomes U+FFFD; Windows-1252 has a character for every byte.
///
/// ```
/// use quotecheck::document::{decode, Encoding};
/// use quotecheck::Span;
///
/// // « Oui » in Windows-1252: « and » are one byte each in the file, two in the text.
/// let d = decode(b"\xABOui\xBB", Encoding::Windows1252).unwrap();
/// assert_eq!(d.text(), "«Oui»");
/// assert_eq!(d.to_original(Span::new(0, d.text().len())), Span::new(0, 5));
/// assert_eq!(d.to_original(Span::new(2, 5)), Span::new(1, 4));
/// ```
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<Decoded<'_>, DecodeError> {
    let utf16 = match encoding {
        Encoding::Auto => bytes.starts_with(UTF16_LE_BOM) || bytes.starts_with(UTF16_BE_BOM),
        Encoding::Utf16 => true,
        Encoding::Utf8 | Encoding::Windows1252 => false,
    };
    if utf16 {
        return Ok(decode_utf16(bytes));
    }
    if encoding == Encoding::Windows1252 {
        return Ok(decode_windows_1252(bytes));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    Ok(Decoded {
        text: Cow::Borrowed(text),
        map: None,
        encoding: "UTF-8",
    })
}

fn decode_utf16(bytes: &[u8]) -> Decoded<'static> {
    let (big_endian, skip) = if bytes.starts_with(UTF16_LE_BOM) {
        (false, 2)
    } else if bytes.starts_with(UTF16_BE_BOM) {
        (true, 2)
    } else {
        // No mark: ASCII text has its zero bytes first in big-endian, second in little-endian.
        let zeros = |parity: usize| {
            bytes
                .iter()
                .skip(parity)
                .step_by(2)
                .take(4096)
                .filter(|&&b| b == 0)
                .count()
        };
        (zeros(0) > zeros(1), 0)
    };
    let body = &bytes[skip..];
    let units = body.chunks_exact(2).map(|c| {
        if big_endian {
            u16::from_be_bytes([c[0], c[1]])
        } else {
            u16::from_le_bytes([c[0], c[1]])
        }
    });
    let mut text = String::with_capacity(body.len() / 2 + body.len() / 8);
    let mut map = OffsetMap {
        runs: Vec::new(),
        orig_len: bytes.len(),
    };
    let mut orig = skip;
    for c in char::decode_utf16(units) {
        let (c, orig_w) = match c {
            Ok(c) => (c, c.len_utf16() * 2),
            Err(_) => (char::REPLACEMENT_CHARACTER, 2),
        };
        map.push(text.len(), orig, c.len_utf8(), orig_w);
        text.push(c);
        orig += orig_w;
    }
    if body.len() % 2 == 1 {
        let c = char::REPLACEMENT_CHARACTER;
        map.push(text.len(), orig, c.len_utf8(), 1);
        text.push(c);
    }
    Decoded {
        text: Cow::Owned(text),
        map: Some(map),
        encoding: if big_endian { "UTF-16BE" } else { "UTF-16LE" },
    }
}

fn decode_windows_1252(bytes: &[u8]) -> Decoded<'static> {
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    let mut map = OffsetMap {
        runs: Vec::new(),
        orig_len: bytes.len(),
    };
    // One character per byte: the file offset of a character is its index.
    for (i, (at, c)) in text.char_indices().enumerate() {
        map.push(at, i, c.len_utf8(), 1);
    }
    Decoded {
        text: Cow::Owned(text.into_owned()),
        map: Some(map),
        encoding: "windows-1252",
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
        // Only a blank line between two paragraphs counts: the empty line after a file's last
        // newline (or blank lines around the text) says nothing about how it is wrapped.
        let first = trimmed.iter().position(|l| !l.is_empty());
        let last = trimmed.iter().rposition(|l| !l.is_empty());
        let has_blank = first
            .zip(last)
            .is_some_and(|(a, z)| trimmed[a..z].iter().any(|l| l.is_empty()));
        let short = non_blank
            .iter()
            .filter(|l| {
                // A character is 1 to 4 bytes: count only lines the length cannot decide.
                let line = &text[l.start..l.end];
                line.len() <= 100 || (line.len() <= 400 && line.chars().count() <= 100)
            })
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
    fn short_lines_without_blank_lines_are_paragraphs_even_with_a_final_newline() {
        // Short lines, each followed by another, and a newline at the end: not hard-wrapped (the
        // empty "line" after the last newline was taken for a paragraph break).
        let doc = Document::plain_str(
            "Il a dit « oui ».\nElle a dit « non ».\nIls ont dit « peut-être ».\n\n",
        );
        assert_eq!(
            block_texts(&doc),
            vec![
                "Il a dit « oui ».",
                "Elle a dit « non ».",
                "Ils ont dit « peut-être »."
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

    /// `text` in UTF-16, little- or big-endian, with a byte-order mark.
    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in text.encode_utf16() {
            out.extend(if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded_and_maps_back_to_its_bytes() {
        let text = "Il a dit : « Ça 🎉 va ».\r\nFin";
        for big_endian in [false, true] {
            let bytes = utf16(text, big_endian);
            let d = decode(&bytes, Encoding::Auto).unwrap();
            assert_eq!(d.text(), text);
            assert!(d.is_transcoded());
            assert_eq!(
                d.encoding(),
                if big_endian { "UTF-16BE" } else { "UTF-16LE" }
            );
            // Every character boundary maps to the boundary of its UTF-16 code units.
            let mut units = 0;
            for (at, c) in text.char_indices() {
                assert_eq!(d.to_original(Span::new(at, at)).start, 2 + units * 2);
                units += c.len_utf16();
            }
            let all = d.to_original(Span::new(0, text.len()));
            assert_eq!(all, Span::new(2, bytes.len()));
        }
    }

    #[test]
    fn utf16_without_a_mark_goes_by_its_zero_bytes_and_survives_bad_units() {
        let le: Vec<u8> = "« oui »"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&le, Encoding::Utf16).unwrap().text(), "« oui »");
        let be: Vec<u8> = "« oui »"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&be, Encoding::Utf16).unwrap().encoding(), "UTF-16BE");
        // A lone surrogate and an odd last byte: replacement characters, positions still exact.
        let bad = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0, b'c'];
        let d = decode(&bad, Encoding::Auto).unwrap();
        assert_eq!(d.text(), "a\u{FFFD}b\u{FFFD}");
        let b = d.text().find('b').unwrap();
        assert_eq!(d.to_original(Span::new(b, b + 1)), Span::new(6, 8));
        assert_eq!(d.to_original(Span::new(0, d.text().len())).end, bad.len());
    }

    #[test]
    fn windows_1252_maps_curly_quotes_and_accents_to_their_single_bytes() {
        let bytes = b"Le maire a d\xe9clar\xe9 : \x93Nous reconstruirons\x94.";
        let d = decode(bytes, Encoding::Windows1252).unwrap();
        assert_eq!(d.text(), "Le maire a déclaré : “Nous reconstruirons”.");
        let open = d.text().find('“').unwrap();
        let close = d.text().find('”').unwrap() + '”'.len_utf8();
        assert_eq!(d.to_original(Span::new(open, close)), Span::new(21, 42));
        assert_eq!(bytes[21], 0x93);
        assert_eq!(bytes[41], 0x94);
    }

    #[test]
    fn utf8_is_borrowed_and_invalid_utf8_names_the_byte() {
        let d = decode("« oui »".as_bytes(), Encoding::Auto).unwrap();
        assert!(!d.is_transcoded());
        assert_eq!(d.to_original(Span::new(2, 5)), Span::new(2, 5));
        assert_eq!(
            decode(b"ab\xe9", Encoding::Utf8).unwrap_err(),
            DecodeError::InvalidUtf8 { offset: 2 }
        );
        assert_eq!(
            decode(b"ab\xe9", Encoding::Auto).unwrap_err(),
            DecodeError::InvalidUtf8 { offset: 2 }
        );
    }
}
