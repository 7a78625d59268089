//! Markdown: the prose of a CommonMark file, read with pulldown-cmark's offset iterator so each
//! piece of text keeps the byte range it came from.
//!
//! Prose is the text of paragraphs, headings, list items, table cells, footnotes and block
//! quotes, links' text included. Not prose: front matter (`---` YAML or `+++` TOML), code blocks,
//! inline code, raw HTML, image descriptions and link URLs (an autolink `<https://…>` is all URL).
//! Entities and backslash escapes stand for the bytes they replace; a line break inside a
//! paragraph becomes a space, as it renders. Every block of the source is a block of the
//! document: headings are [`BlockKind::Heading`], every block inside `> …` is
//! [`BlockKind::BlockQuote`] and the `> …` container is listed as a [`QuoteElement`].

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::document::{BlockKind, DocumentBuilder};
use crate::span::Span;

use super::{Markup, QuoteElement, Source, bom_len, directives};

/// Read `text` (a whole Markdown file) into a [`Source`].
pub(super) fn read(text: &str) -> Source<'static> {
    let bom = bom_len(text);
    let src = &text[bom..];
    let mut r = Reader {
        b: DocumentBuilder::new(),
        markup: Markup::default(),
        skip: 0,
        heading: false,
        quotes: Vec::new(),
        links: Vec::new(),
        html: None,
        text,
    };
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    opts.insert(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    // Never ENABLE_SMART_PUNCTUATION: it rewrites the very quotation marks we check.
    for (event, range) in Parser::new_ext(src, opts).into_offset_iter() {
        let span = Span::new(range.start + bom, range.end + bom);
        r.event(event, span);
    }
    r.flush_html();
    Source {
        doc: r.b.finish(text.len()),
        markup: r.markup,
    }
}

struct Reader<'t> {
    b: DocumentBuilder,
    markup: Markup,
    /// Depth inside what is not prose (code block, front matter, image, autolink).
    skip: usize,
    /// Inside a heading.
    heading: bool,
    /// Start offsets of the open `>` block quotes.
    quotes: Vec<usize>,
    /// For each open link, whether it is all URL (an autolink).
    links: Vec<bool>,
    /// A run of raw HTML not scanned for comments yet.
    html: Option<Span>,
    /// The whole file, BOM included: spans index it.
    text: &'t str,
}

impl Reader<'_> {
    fn event(&mut self, event: Event<'_>, span: Span) {
        if !matches!(event, Event::Html(_) | Event::InlineHtml(_)) {
            self.flush_html();
        }
        match event {
            Event::Start(tag) => self.start(tag, span),
            Event::End(tag) => self.end(tag, span),
            Event::Text(t) if self.skip == 0 => self.push_text(&t, span),
            Event::SoftBreak | Event::HardBreak if self.skip == 0 => {
                self.b.push_replaced(" ", span);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                self.html = Some(match self.html {
                    Some(run) if run.end == span.start => run.cover(span),
                    Some(_) => {
                        self.flush_html();
                        span
                    }
                    None => span,
                });
            }
            Event::Rule => self.boundary(),
            // Inline code, footnote references, task markers: not prose.
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, span: Span) {
        match tag {
            Tag::CodeBlock(_) | Tag::MetadataBlock(_) => {
                self.boundary();
                self.skip += 1;
            }
            Tag::Image { .. } => self.skip += 1,
            Tag::Link { link_type, .. } => {
                let url_only = matches!(link_type, LinkType::Autolink | LinkType::Email);
                self.skip += usize::from(url_only);
                self.links.push(url_only);
            }
            Tag::Heading { .. } => {
                self.heading = true;
                self.boundary();
            }
            Tag::BlockQuote(_) => {
                self.boundary();
                self.quotes.push(span.start);
            }
            tag if is_block(&tag) => self.boundary(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, span: Span) {
        match tag {
            TagEnd::CodeBlock | TagEnd::MetadataBlock(_) => {
                self.skip -= 1;
                self.boundary();
            }
            TagEnd::Image => self.skip -= 1,
            TagEnd::Link if self.links.pop() == Some(true) => self.skip -= 1,
            TagEnd::Heading(_) => {
                self.heading = false;
                self.boundary();
            }
            TagEnd::BlockQuote(_) => {
                self.boundary();
                let start = self.quotes.pop().unwrap_or(span.start);
                let end = start + self.text[start..span.end].trim_end().len();
                self.markup.quote_elements.push(QuoteElement {
                    span: Span::new(start, end),
                    block: true,
                    cite: None,
                });
                self.boundary();
            }
            tag if is_block_end(&tag) => self.boundary(),
            _ => {}
        }
    }

    /// End the current block; the next text starts one of the kind the context gives.
    fn boundary(&mut self) {
        self.b.end_block();
        let kind = if !self.quotes.is_empty() {
            BlockKind::BlockQuote
        } else if self.heading {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        self.b.block_kind(kind);
    }

    /// A text event: copied when it is the file's bytes (possibly after a backslash), replaced
    /// when it stands for something else (an entity).
    fn push_text(&mut self, t: &str, span: Span) {
        let orig = span.get(self.text);
        if orig == t {
            self.b.push_copied(t, span.start);
        } else if orig.ends_with(t) {
            self.b.push_copied(t, span.end - t.len());
        } else {
            self.b.push_replaced(t, span);
        }
    }

    /// Look for `quotecheck-…` comments in the pending run of raw HTML.
    fn flush_html(&mut self) {
        let Some(run) = self.html.take() else {
            return;
        };
        for (span, body) in directives::comments(self.text, run.start, run.end) {
            match directives::parse(body, span) {
                Some(Ok(d)) => self.markup.directives.push(d),
                Some(Err(note)) => self.markup.notes.push(note),
                None => {}
            }
        }
    }
}

/// Tags whose start or end separates blocks of prose.
fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
    )
}

#[cfg(test)]
mod tests {
    use crate::document::BlockKind;
    use crate::markup::{DirectiveKind, Format, Source};
    use crate::span::Span;

    /// The blocks of `md` as (kind, text) pairs.
    #[track_caller]
    fn blocks(md: &str) -> Vec<(BlockKind, String)> {
        let src = Source::parse(md.as_bytes(), Format::Markdown).unwrap();
        src.doc
            .blocks()
            .iter()
            .map(|b| (b.kind, b.span.get(src.doc.text()).to_string()))
            .collect()
    }

    /// Where `needle` (in the analysed text) comes from in `md`.
    #[track_caller]
    fn origin(md: &str, needle: &str) -> String {
        let src = Source::parse(md.as_bytes(), Format::Markdown).unwrap();
        let at = src.doc.text().find(needle).expect("needle in the text");
        let span = src.doc.to_original(Span::new(at, at + needle.len()));
        span.get(md).to_string()
    }

    #[test]
    fn prose_only() {
        let md = "---\ntitle: « Pas ceci »\n---\n# Un titre\n\nIl a dit `« code »` et [« ceci »](https://x.fr/a \"« titre »\").\n\n```\n« non plus »\n```\n\n![« image »](a.png) <https://example.org>\n";
        assert_eq!(
            blocks(md),
            vec![
                (BlockKind::Heading, "Un titre".to_string()),
                (BlockKind::Paragraph, "Il a dit  et « ceci ».".to_string()),
            ]
        );
    }

    #[test]
    fn block_quotes_are_marked_and_listed() {
        let md = "Avant.\n\n> « Première ligne\n> suite »\n>\n> Deuxième paragraphe.\n\nAprès.\n";
        assert_eq!(
            blocks(md),
            vec![
                (BlockKind::Paragraph, "Avant.".to_string()),
                (
                    BlockKind::BlockQuote,
                    "« Première ligne suite »".to_string()
                ),
                (BlockKind::BlockQuote, "Deuxième paragraphe.".to_string()),
                (BlockKind::Paragraph, "Après.".to_string()),
            ]
        );
        let src = Source::parse(md.as_bytes(), Format::Markdown).unwrap();
        let q = &src.markup.quote_elements[0];
        assert!(q.block);
        assert_eq!(
            q.span.get(md),
            "> « Première ligne\n> suite »\n>\n> Deuxième paragraphe."
        );
    }

    #[test]
    fn entities_escapes_and_breaks_map_to_their_bytes() {
        let md = "Tom &amp; Jerry \\*ont\\* dit\r\n« oui »";
        assert_eq!(origin(md, "&"), "&amp;");
        assert_eq!(origin(md, "*ont"), "*ont");
        assert_eq!(origin(md, "dit « oui »"), "dit\r\n« oui »");
    }

    #[test]
    fn directives_in_comments() {
        let md = "<!-- quotecheck-disable-next-quote vérifié -->\n\nTexte <!-- quotecheck-enable --> fin.\n\n<!-- quotecheck-nope -->\n";
        let src = Source::parse(md.as_bytes(), Format::Markdown).unwrap();
        let kinds: Vec<_> = src.markup.directives.iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            vec![DirectiveKind::DisableNextQuote, DirectiveKind::Enable]
        );
        assert_eq!(src.markup.directives[0].reason.as_deref(), Some("vérifié"));
        assert_eq!(src.markup.notes.len(), 1);
    }
}
