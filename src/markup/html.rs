//! HTML: the article's prose, read with lol_html, which gives the byte range in the file of every
//! tag and every piece of text.
//!
//! What is left out: `head`, `script`, `style`, `template`, `nav`, `aside`, forms and embedded
//! objects, code (`pre`, `code`), elements marked `hidden`, and a page's own `header` and `footer`
//! (those outside `article`/`main`; an article's header holds its headline and is kept). When the
//! page has an `article` or `main` element, only the text inside them is the article.
//!
//! Character references are decoded, each mapped to its bytes; runs of whitespace become one
//! space, as they render. Block elements (`p`, `div`, `li`, `h1`–`h6`, `blockquote`, `br`, …)
//! separate blocks. A `<q>` element becomes a quote: its tags stand for the marks `“ ”` (`‘ ’`
//! when nested), so the quote runs from `<q` to `</q>`. Every block inside a `<blockquote>` is a
//! [`BlockKind::BlockQuote`] block. Both are listed as [`QuoteElement`]s with their `cite` URL.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::{HtmlRewriter, Settings, doc_comments, doc_text, element, end_tag};

use crate::document::{BlockKind, DocumentBuilder};
use crate::findings::Excerpt;
use crate::span::Span;

use super::{Markup, Note, QuoteElement, Source, bom_len, charref, directives};

/// Elements whose content is never the article's prose.
const SKIPPED: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "nav", "aside", "form", "button",
    "select", "textarea", "iframe", "object", "embed", "canvas", "svg", "math", "pre", "code",
    "video", "audio", "map",
];

/// Page furniture, skipped outside `article`/`main` only.
const CHROME: &[&str] = &["header", "footer"];

/// Elements that hold the article when a page has them.
const CONTENT: &[&str] = &["article", "main"];

/// Elements whose start and end separate blocks of prose.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// What the rewriter saw, in document order.
#[derive(Debug, Clone)]
enum Ev {
    Text(Span),
    Boundary,
    Br(Span),
    Heading(bool),
    /// `<blockquote>` (`block`) or `<q>` opening, with the start tag and its `cite`.
    Open {
        block: bool,
        tag: Span,
        cite: Option<Excerpt>,
    },
    /// Their end tag.
    Close {
        block: bool,
        tag: Span,
    },
    Comment(Span),
}

#[derive(Debug, Default)]
struct State {
    evs: Vec<(Ev, bool)>,
    /// Depth inside skipped elements.
    skip: usize,
    /// Depth inside `article`/`main`.
    content: usize,
}

impl State {
    fn push(&mut self, ev: Ev) {
        if self.skip == 0 || matches!(ev, Ev::Comment(_)) {
            let in_content = self.content > 0;
            self.evs.push((ev, in_content));
        }
    }
}

/// Read `text` (a whole HTML file or fragment) into a [`Source`].
pub(super) fn read(text: &str) -> Source<'static> {
    let bom = bom_len(text);
    let state = Rc::new(RefCell::new(State::default()));
    let (on_element, on_text, on_comment) = (state.clone(), state.clone(), state.clone());
    let at = move |r: std::ops::Range<usize>| Span::new(r.start + bom, r.end + bom);
    let settings = Settings::new()
        .append_element_content_handler(element!("*", move |el| {
            let name = el.tag_name();
            let tag = at(el.source_location().bytes());
            let mut st = on_element.borrow_mut();
            let hidden = el.has_attribute("hidden")
                || el
                    .get_attribute("aria-hidden")
                    .is_some_and(|v| v.eq_ignore_ascii_case("true"));
            let skips = SKIPPED.contains(&name.as_str())
                || (CHROME.contains(&name.as_str()) && st.content == 0)
                || hidden;
            let content = CONTENT.contains(&name.as_str());
            let block = BLOCKS.contains(&name.as_str());
            let heading = matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
            let quote = match name.as_str() {
                "q" => Some(false),
                "blockquote" => Some(true),
                _ => None,
            };
            if block {
                st.push(Ev::Boundary);
            }
            if name == "br" {
                st.push(Ev::Br(tag));
            }
            if heading {
                st.push(Ev::Heading(true));
            }
            if let Some(block) = quote {
                let cite = cite(text, tag);
                st.push(Ev::Open { block, tag, cite });
            }
            st.skip += usize::from(skips);
            st.content += usize::from(content);
            drop(st);
            if el.can_have_content() {
                let state = on_element.clone();
                el.on_end_tag(end_tag!(move |end| {
                    let tag = at(end.source_location().bytes());
                    let mut st = state.borrow_mut();
                    st.skip -= usize::from(skips);
                    if let Some(block) = quote {
                        st.push(Ev::Close { block, tag });
                    }
                    if heading {
                        st.push(Ev::Heading(false));
                    }
                    if block {
                        st.push(Ev::Boundary);
                    }
                    st.content -= usize::from(content);
                    Ok(())
                }))?;
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |t| {
            let span = at(t.source_location().bytes());
            if !span.is_empty() {
                on_text.borrow_mut().push(Ev::Text(span));
            }
            Ok(())
        }))
        .append_document_content_handler(doc_comments!(move |c| {
            let span = at(c.source_location().bytes());
            on_comment.borrow_mut().push(Ev::Comment(span));
            Ok(())
        }));
    let mut notes = Vec::new();
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    let result = rewriter
        .write(&text.as_bytes()[bom..])
        .and_then(|()| rewriter.end());
    if let Err(err) = result {
        notes.push(Note {
            span: Span::new(0, 0),
            message: format!("the HTML reader stopped early: {err}"),
        });
    }
    let evs = std::mem::take(&mut state.borrow_mut().evs);
    let mut source = build(text, &evs);
    source.markup.notes.extend(notes);
    source
}

/// The document and markup from the rewriter's events.
fn build(text: &str, evs: &[(Ev, bool)]) -> Source<'static> {
    // A page with an article: its text only.
    let article_only = evs
        .iter()
        .any(|(ev, in_content)| *in_content && matches!(ev, Ev::Text(_)));
    let mut w = Writer {
        b: DocumentBuilder::new(),
        text,
        space: true,
    };
    let mut markup = Markup::default();
    let mut heading = 0usize;
    let mut blockquotes = 0usize;
    // Open `<q>` and `<blockquote>` elements: index into `markup.quote_elements`.
    let mut open: Vec<(bool, usize)> = Vec::new();
    let mut qs = 0usize;
    let boundary = |w: &mut Writer, heading: usize, blockquotes: usize| {
        w.b.end_block();
        w.b.block_kind(if blockquotes > 0 {
            BlockKind::BlockQuote
        } else if heading > 0 {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        });
        w.space = true;
    };
    for (ev, in_content) in evs {
        if article_only && !in_content && !matches!(ev, Ev::Comment(_)) {
            continue;
        }
        match ev {
            Ev::Text(span) => w.text(*span),
            Ev::Boundary => boundary(&mut w, heading, blockquotes),
            Ev::Br(span) if qs > 0 => w.space(*span),
            Ev::Br(_) => boundary(&mut w, heading, blockquotes),
            Ev::Heading(true) => {
                heading += 1;
                boundary(&mut w, heading, blockquotes);
            }
            Ev::Heading(false) => {
                heading = heading.saturating_sub(1);
                boundary(&mut w, heading, blockquotes);
            }
            Ev::Open { block, tag, cite } => {
                if *block {
                    blockquotes += 1;
                    boundary(&mut w, heading, blockquotes);
                } else {
                    w.mark(if qs % 2 == 0 { "“" } else { "‘" }, *tag);
                    qs += 1;
                }
                open.push((*block, markup.quote_elements.len()));
                markup.quote_elements.push(QuoteElement {
                    span: *tag,
                    block: *block,
                    cite: cite.clone(),
                });
            }
            Ev::Close { block, tag } => {
                // The innermost open element of this kind (a stray end tag closes nothing).
                let Some(pos) = open.iter().rposition(|(b, _)| b == block) else {
                    continue;
                };
                let (_, idx) = open.remove(pos);
                let element = &mut markup.quote_elements[idx];
                element.span = element.span.cover(*tag);
                if *block {
                    blockquotes -= 1;
                    boundary(&mut w, heading, blockquotes);
                } else {
                    qs -= 1;
                    w.mark(if qs % 2 == 0 { "”" } else { "’" }, *tag);
                }
            }
            Ev::Comment(span) => {
                let raw = span.get(text);
                let body = raw.strip_prefix("<!--").unwrap_or(raw);
                let body = body.strip_suffix("-->").unwrap_or(body);
                match directives::parse(body, *span) {
                    Some(Ok(d)) => markup.directives.push(d),
                    Some(Err(note)) => markup.notes.push(note),
                    None => {}
                }
            }
        }
    }
    markup.quote_elements.sort_by_key(|e| e.span);
    Source {
        doc: w.b.finish(text.len()),
        markup,
    }
}

/// Pushes HTML text into the builder: references decoded, whitespace collapsed.
struct Writer<'t> {
    b: DocumentBuilder,
    text: &'t str,
    /// The last thing pushed was a space (or nothing yet in this block).
    space: bool,
}

impl Writer<'_> {
    fn text(&mut self, span: Span) {
        let s = span.get(self.text);
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < s.len() {
            let at = span.start + i;
            if is_space(bytes[i]) {
                let run = bytes[i..].iter().take_while(|&&c| is_space(c)).count();
                self.space(Span::new(at, at + run));
                i += run;
            } else if bytes[i] == b'&' {
                match charref::at(&s[i..]) {
                    Some((c, len)) => {
                        self.b
                            .push_replaced(c.encode_utf8(&mut [0; 4]), Span::new(at, at + len));
                        i += len;
                    }
                    None => {
                        self.b.push_copied("&", at);
                        i += 1;
                    }
                }
                self.space = false;
            } else {
                let run = s[i..]
                    .find(|c: char| c == '&' || (c.is_ascii() && is_space(c as u8)))
                    .unwrap_or(s.len() - i);
                self.b.push_copied(&s[i..i + run], at);
                self.space = false;
                i += run;
            }
        }
    }

    /// A run of whitespace (or a `<br>` inside a quote): one space, unless one was just pushed.
    fn space(&mut self, run: Span) {
        if !self.space {
            if run.get(self.text) == " " {
                self.b.push_copied(" ", run.start);
            } else {
                self.b.push_replaced(" ", run);
            }
            self.space = true;
        }
    }

    fn mark(&mut self, mark: &str, tag: Span) {
        self.b.push_replaced(mark, tag);
        self.space = false;
    }
}

/// HTML's ASCII whitespace.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// The `cite` attribute of the start tag at `tag`, decoded, with the span of its value.
fn cite(text: &str, tag: Span) -> Option<Excerpt> {
    let (start, end) = attribute_value(tag.get(text), "cite")?;
    let raw = &text[tag.start + start..tag.start + end];
    let url = charref::decode(raw).trim().to_string();
    (!url.is_empty()).then(|| Excerpt {
        span: Span::new(tag.start + start, tag.start + end),
        text: url,
    })
}

/// The byte range of the value of attribute `name` in the start tag `tag` (`<q a="…" b=c>`),
/// quotes excluded.
fn attribute_value(tag: &str, name: &str) -> Option<(usize, usize)> {
    let b = tag.as_bytes();
    if b.len() < 2 {
        return None;
    }
    let mut i = 1 + b[1..]
        .iter()
        .position(|&c| is_space(c) || c == b'>' || c == b'/')
        .unwrap_or(b.len() - 1);
    loop {
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() || b[i] == b'>' {
            return None;
        }
        let name_start = i;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let attr = &tag[name_start..i];
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        let mut value = None;
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let start = i + 1;
                let len = b[start..].iter().position(|&c| c == q)?;
                value = Some((start, start + len));
                i = start + len + 1;
            } else {
                let start = i;
                while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                    i += 1;
                }
                value = Some((start, i));
            }
        }
        if attr.eq_ignore_ascii_case(name) {
            return value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::{Format, Source};

    #[track_caller]
    fn blocks(html: &str) -> Vec<(BlockKind, String)> {
        let src = Source::parse(html.as_bytes(), Format::Html).unwrap();
        src.doc
            .blocks()
            .iter()
            .map(|b| (b.kind, b.span.get(src.doc.text()).to_string()))
            .collect()
    }

    #[test]
    fn article_text_only() {
        let html = "<html><head><title>« Titre »</title><script>var q = \"« non »\";</script></head>\n<body><header><nav>Menu</nav>Le Quotidien</header>\n<article><header><h1>Un  titre</h1></header><p>Il a dit <code>x</code>:\n  &laquo;&nbsp;oui&nbsp;&raquo;.</p><aside>À lire aussi</aside></article><footer>© 2026</footer></body></html>";
        assert_eq!(
            blocks(html),
            vec![
                (BlockKind::Heading, "Un titre".to_string()),
                (
                    BlockKind::Paragraph,
                    "Il a dit : «\u{a0}oui\u{a0}».".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_fragment_without_article_is_all_text() {
        let html = "<p>Un<br>deux</p><div hidden>caché</div><ul><li>trois<li>quatre</ul>";
        let kinds: Vec<String> = blocks(html).into_iter().map(|(_, t)| t).collect();
        assert_eq!(kinds, vec!["Un", "deux", "trois", "quatre"]);
    }

    #[test]
    fn q_tags_stand_for_marks_and_cite_is_kept() {
        let html = "<p>Il a dit <q cite=\"https://ex.org/a?b=1&amp;c=2\">oui, <q>non</q></q>.</p>";
        let src = Source::parse(html.as_bytes(), Format::Html).unwrap();
        assert_eq!(src.doc.text(), "Il a dit “oui, ‘non’”.\n");
        let start = src.doc.text().find('“').unwrap();
        let end = src.doc.text().find('”').unwrap() + '”'.len_utf8();
        let span = src.doc.to_original(Span::new(start, end));
        assert!(span.get(html).starts_with("<q cite="));
        assert!(span.get(html).ends_with("</q></q>"));
        let outer = &src.markup.quote_elements[0];
        assert_eq!(outer.span, span);
        let cite = outer.cite.as_ref().unwrap();
        assert_eq!(cite.text, "https://ex.org/a?b=1&c=2");
        assert_eq!(cite.span.get(html), "https://ex.org/a?b=1&amp;c=2");
        assert_eq!(src.markup.quote_elements[1].cite, None);
    }

    #[test]
    fn blockquote_blocks() {
        let html = "<p>Avant</p><blockquote cite=x><p>Un</p><p>Deux</p></blockquote><p>Après</p>";
        assert_eq!(
            blocks(html),
            vec![
                (BlockKind::Paragraph, "Avant".to_string()),
                (BlockKind::BlockQuote, "Un".to_string()),
                (BlockKind::BlockQuote, "Deux".to_string()),
                (BlockKind::Paragraph, "Après".to_string()),
            ]
        );
    }

    #[test]
    fn attribute_values_quoted_or_not() {
        let tag = "<q class='a b' CITE = \"u v\" data-x=y>";
        let (s, e) = attribute_value(tag, "cite").unwrap();
        assert_eq!(&tag[s..e], "u v");
        let tag = "<blockquote cite=http://a/b>";
        let (s, e) = attribute_value(tag, "cite").unwrap();
        assert_eq!(&tag[s..e], "http://a/b");
        assert_eq!(attribute_value("<q>", "cite"), None);
        assert_eq!(attribute_value("<q citex=1 cite>", "cite"), None);
    }
}
