//! Reading the formats copy comes in — plain text, Markdown, HTML — into a [`Document`] whose
//! every byte maps back to the file, plus what the markup itself says about quotes: the
//! `<q>`/`<blockquote>`/`>` elements (with their `cite` URL) and the `quotecheck-…` comments.
//!
//! The readers only decide what is prose and where it came from; they never search the text for a
//! position. [`Markup::annotate`] then applies the markup's information to the engine's quotes.

mod charref;
mod directives;
mod html;
mod markdown;

use std::fmt;
use std::str::FromStr;

use crate::document::{DecodeError, Document};
use crate::findings::{Excerpt, Flag, Quote};
use crate::span::Span;

pub use directives::{Directive, DirectiveKind};

/// The format of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// Plain text: every byte is prose.
    #[default]
    Text,
    /// CommonMark with tables and YAML (`---`) or TOML (`+++`) front matter.
    Markdown,
    /// HTML: a page or a fragment.
    Html,
}

impl Format {
    /// Every format, in documentation order.
    pub const ALL: [Format; 3] = [Format::Text, Format::Markdown, Format::Html];

    /// The name used on the command line and in configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }

    /// The format a file extension stands for (`md`, `markdown`, `html`, `htm`), compared without
    /// case; `None` for anything else.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "text" | "txt" | "plain" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            _ => Err(format!(
                "unknown input format `{s}` (expected text, markdown or html)"
            )),
        }
    }
}

/// An element the markup marks as a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteElement {
    /// The whole element in the original file: `<q …>…</q>`, `<blockquote>…</blockquote>`, or the
    /// lines of a Markdown `> …` block quote.
    pub span: Span,
    /// `<q>` (inline) or a block quote.
    pub block: bool,
    /// The `cite` attribute: the URL the quotation comes from, decoded, with the span of the
    /// attribute's value in the file.
    pub cite: Option<Excerpt>,
}

/// Something the reader noticed that a writer should know about but that is not a finding: an
/// unknown `quotecheck-…` directive, a directive that applies to nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Where in the original file.
    pub span: Span,
    /// What is wrong, in one sentence.
    pub message: String,
}

/// What the markup says besides its prose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markup {
    /// `<q>`, `<blockquote>` and `> …` elements, in file order.
    pub quote_elements: Vec<QuoteElement>,
    /// `<!-- quotecheck-… -->` comments, in file order.
    pub directives: Vec<Directive>,
    /// Problems with the markup that do not stop the check.
    pub notes: Vec<Note>,
}

/// A file read for the engine: its analysed text and what its markup says.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    /// The prose, mapped back to the file.
    pub doc: Document<'a>,
    /// Quote elements and directives.
    pub markup: Markup,
}

impl<'a> Source<'a> {
    /// Read `bytes` as `format`. Every format must be UTF-8 (a byte-order mark is skipped and
    /// positions still count it).
    pub fn parse(bytes: &'a [u8], format: Format) -> Result<Source<'a>, DecodeError> {
        let text = std::str::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8 {
            offset: e.valid_up_to(),
        })?;
        Ok(Source::parse_str(text, format))
    }

    /// [`Source::parse`] of text already known to be UTF-8 (a decoded file: validating 10 MB
    /// again costs about 15 ms).
    pub fn parse_str(text: &'a str, format: Format) -> Source<'a> {
        match format {
            Format::Text => Source {
                doc: Document::plain_str(text),
                markup: Markup::default(),
            },
            Format::Markdown => markdown::read(text),
            Format::Html => html::read(text),
        }
    }
}

/// The length of a UTF-8 byte-order mark at the start of `text`, 0 without one.
fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') { 3 } else { 0 }
}

impl Markup {
    /// Apply what the markup says to the quotes found in its document (sorted by start):
    /// suppressions from directives, and the `cite` URL of the innermost quote element around each
    /// quote (which also becomes the quote's source when the text names none). Notes are added for
    /// directives that suppress nothing.
    pub fn annotate(&mut self, quotes: &mut [Quote]) {
        for quote in quotes.iter_mut() {
            let element = self
                .quote_elements
                .iter()
                .filter(|e| e.span.contains(quote.span) && e.cite.is_some())
                .min_by_key(|e| e.span.len());
            if let Some(cite) = element.and_then(|e| e.cite.clone()) {
                if quote.source.is_none() {
                    quote.source = Some(cite.text.clone());
                    quote.source_mention = Some(cite.clone());
                    quote.flags.retain(|&f| f != Flag::NoSource);
                }
                quote.cite = Some(cite.text);
            }
        }
        let notes = directives::apply(&self.directives, quotes);
        self.notes.extend(notes);
        self.notes.sort_by_key(|n| n.span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, check_source};

    /// Pieces that markup readers find hard, glued together at random.
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<q cite='a&amp;b'>",
        "</q>",
        "<blockquote>",
        "</blockquote>",
        "<br>",
        "<script>",
        "</script>",
        "<!-- quotecheck-disable -->",
        "<!-- quotecheck-enable",
        "-->",
        "&laquo;",
        "&raquo;",
        "&#8220;",
        "&#x201D;",
        "&nbsp;",
        "&amp",
        "&",
        "« ",
        " »",
        "“",
        "”",
        "\"",
        "'",
        "’",
        "\r\n",
        "\n\n",
        "\n",
        "> ",
        "# ",
        "```\n",
        "`",
        "---\n",
        "+++\n",
        "*",
        "_",
        "[a](b \"c\")",
        "<https://x.y>",
        "\\",
        "\u{feff}",
        "é",
        "Il a dit",
        " ",
        "<article>",
        "</article>",
        "<nav>",
        "<h1>",
        "</h1>",
        "<li>",
        "<",
        ">",
        "=",
    ];

    #[test]
    fn any_markup_gives_spans_inside_the_file_on_character_boundaries() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..400 {
            let len = (next() % 40) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            for format in Format::ALL {
                let (_, analysis) = check_source(text.as_bytes(), format, &Options::default())
                    .unwrap_or_else(|e| panic!("{format} {text:?}: {e}"));
                for q in &analysis.quotes {
                    let ok = q.span.start <= q.span.end
                        && q.span.end <= text.len()
                        && text.is_char_boundary(q.span.start)
                        && text.is_char_boundary(q.span.end);
                    assert!(ok, "{format} {text:?}: {:?}", q.span);
                }
            }
        }
    }
}
