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
pub mod custom;
pub mod document;
pub mod entities;
pub mod explain;
pub mod findings;
pub mod kinds;
pub mod lang;
pub mod markup;
pub mod mentions;
pub mod par;
pub mod prose;
pub mod quotes;
pub mod span;
pub mod tokens;
pub mod verify;

pub use custom::{CustomLexicon, CustomOutlet};
pub use document::{Block, BlockKind, DecodeError, Document, DocumentBuilder};
pub use findings::{Excerpt, Flag, Quote, QuoteKind, Severities, Severity};
pub use lang::{Lang, LangChoice};
pub use markup::{Format, Markup, Note, Source};
pub use span::{LineCol, LineIndex, Span};

/// What a run of the engine is asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The language of the documents, or detect it per document.
    pub lang: LangChoice,
    /// Flag speech quotes whose speaker is known but no outlet is cited (`no_source`).
    pub require_source: bool,
    /// Outlets, reporting verbs and speaker aliases from the configuration.
    pub custom: CustomLexicon,
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
    let lexicons = opts.custom.lexicons(lang);
    let prose = prose::Prose::with_lexicons(text, lexicons, doc.blocks(), &pairing.quotes);
    let mentions = mentions::find(&prose);
    // The entity chains and the cues around the quotes both read only the prose and the
    // mentions: one thread builds the chains while the others find the cues.
    let (entities, cues) = rayon::join(
        || entities::Entities::build(&prose, &mentions),
        || attribution::cues_near_quotes(&prose, &mentions),
    );
    let attributions = attribution::attribute_with(&prose, &mentions, &entities, cues);
    // The per-token and per-mention tables are done with: freed on another thread while this
    // one builds the quotes, so the memory is back before the consistency check allocates.
    let engine = (prose, mentions, entities);

    let excerpt = |span: span::Span| Excerpt {
        span: doc.to_original(span),
        text: span.get(text).to_string(),
    };
    // Room for the strays too: a push past the collected length would double a vector of big
    // items.
    let mut quotes: Vec<Quote> = Vec::with_capacity(pairing.quotes.len() + pairing.strays.len());
    let quote = |(q, a): (&quotes::RawQuote, attribution::Attribution)| {
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
            suppressed: None,
            cite: None,
        }
    };
    // Each quote's strings are its own: many are built in parallel, in order.
    let build = |quotes: &mut Vec<Quote>| {
        if pairing.quotes.len() >= 256 {
            use rayon::prelude::*;
            let pairs = pairing.quotes.par_iter().zip(attributions);
            pairs.map(quote).collect_into_vec(quotes);
        } else {
            quotes.extend(pairing.quotes.iter().zip(attributions).map(quote));
        }
    };
    rayon::join(move || drop(engine), || build(&mut quotes));
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
            suppressed: None,
            cite: None,
        });
    }
    // The quotes come in text order; only strays need moving (a stable sort would copy every
    // quote into a scratch buffer even when they are in order).
    if !quotes.is_sorted_by_key(|q| (q.span.start, q.span.end)) {
        quotes.sort_by_key(|q| (q.span.start, q.span.end));
    }
    opts.custom.apply_aliases(&mut quotes);
    consistency::flag_inconsistent(&mut quotes);
    Analysis { lang, quotes }
}

/// Read `bytes` as `format`, check it, and apply what the markup says (suppressions, `cite`).
///
/// The returned [`Source`] is the document the engine read, with the markup's notes (unknown
/// directives, directives that apply to nothing).
///
/// ```
/// use quotecheck::{Format, Options, check_source};
///
/// let md = "<!-- quotecheck-disable-next-quote checked with the desk -->\n\n« Nous tiendrons » ?\n";
/// let (source, analysis) = check_source(md.as_bytes(), Format::Markdown, &Options::default()).unwrap();
/// assert_eq!(analysis.quotes[0].suppressed.as_deref(), Some("checked with the desk"));
/// assert_eq!(&md[analysis.quotes[0].span.start..analysis.quotes[0].span.end], "« Nous tiendrons »");
/// assert!(source.markup.notes.is_empty());
/// ```
pub fn check_source<'a>(
    bytes: &'a [u8],
    format: Format,
    opts: &Options,
) -> Result<(Source<'a>, Analysis), DecodeError> {
    let source = Source::parse(bytes, format)?;
    Ok(check_parsed(source, opts))
}

/// [`check_source`] of text already known to be UTF-8, such as a file the caller decoded (the
/// bytes are not validated again).
///
/// ```
/// use quotecheck::{Format, Options, check_source, check_source_str};
///
/// let md = "Le maire a déclaré : « Nous tiendrons ».\n\n<!-- quotecheck-disable-next-quote -->\n\n« Oui » ?\n";
/// let (_, from_str) = check_source_str(md, Format::Markdown, &Options::default());
/// let (_, from_bytes) = check_source(md.as_bytes(), Format::Markdown, &Options::default()).unwrap();
/// assert_eq!(from_str.quotes.len(), 2);
/// assert_eq!(from_str.quotes, from_bytes.quotes);
/// ```
pub fn check_source_str<'a>(
    text: &'a str,
    format: Format,
    opts: &Options,
) -> (Source<'a>, Analysis) {
    check_parsed(Source::parse_str(text, format), opts)
}

fn check_parsed<'a>(mut source: Source<'a>, opts: &Options) -> (Source<'a>, Analysis) {
    let mut analysis = check(&source.doc, opts);
    source.markup.annotate(&mut analysis.quotes);
    (source, analysis)
}
