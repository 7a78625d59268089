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

pub mod attribution;
pub mod consistency;
pub mod cues;
pub mod document;
pub mod entities;
pub mod explain;
pub mod findings;
pub mod kinds;
pub mod lang;
pub mod mentions;
pub mod prose;
pub mod quotes;
pub mod span;
pub mod tokens;
pub mod verify;

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
    let prose = prose::Prose::new(text, lang, doc.blocks(), &pairing.quotes);
    let mentions = mentions::find(&prose);
    let entities = entities::Entities::build(&prose, &mentions);
    let attributions = attribution::attribute(&prose, &mentions, &entities);

    let excerpt = |span: span::Span| Excerpt {
        span: doc.to_original(span),
        text: span.get(text).to_string(),
    };
    let mut quotes: Vec<Quote> = pairing
        .quotes
        .iter()
        .zip(attributions)
        .map(|(q, a)| {
            let mut flags = Vec::new();
            let speech = a.kind == QuoteKind::Speech;
            if speech && a.speaker.is_none() {
                flags.push(Flag::Unattributed);
            }
            if speech && a.candidates.len() >= 2 {
                flags.push(Flag::Ambiguous);
            }
            if speech && a.anonymous {
                flags.push(Flag::Anonymous);
            }
            if q.unbalanced {
                flags.push(Flag::Unbalanced);
            }
            if opts.require_source && speech && a.speaker.is_some() && a.source.is_none() {
                flags.push(Flag::NoSource);
            }
            Quote {
                span: doc.to_original(q.span),
                text: q.span.get(text).to_string(),
                kind: a.kind,
                lang,
                speaker: a.speaker,
                speaker_mention: a.speaker_mention.map(excerpt),
                cue: a.cue.map(excerpt),
                source: a.source,
                source_mention: a.source_mention.map(excerpt),
                source_inherited: a.source_inherited,
                confidence: a.confidence,
                flags,
                candidates: a.candidates,
                rule: a.rule,
            }
        })
        .collect();
    // A closing mark with no opening one: reported so an editor sees it, never fatal.
    for stray in &pairing.strays {
        quotes.push(Quote {
            span: doc.to_original(stray.span),
            text: stray.span.get(text).to_string(),
            kind: QuoteKind::Other,
            lang,
            speaker: None,
            speaker_mention: None,
            cue: None,
            source: None,
            source_mention: None,
            source_inherited: false,
            confidence: 0.0,
            flags: vec![Flag::Unbalanced],
            candidates: Vec::new(),
            rule: "stray-mark",
        });
    }
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
    consistency::flag_inconsistent(&mut quotes);
    Analysis { lang, quotes }
}
