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
    let mut attributor = attribution::Attributor::new(&prose, &mentions, &entities, cues);

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
    // The speaker entity of each quote, for the headline's sources once all are attributed.
    let mut speakers: Vec<Option<usize>> = Vec::with_capacity(pairing.quotes.len());
    if pairing.quotes.len() < ATTRIBUTION_BATCH {
        for (q, a) in pairing.quotes.iter().zip(attributor.by_ref()) {
            speakers.push(a.entity);
            quotes.push(quote((q, a)));
        }
    } else {
        // The attribution goes from quote to quote; turning an attribution into a finding
        // (strings, original offsets) does not. One thread attributes the next batch while
        // the others build the findings of the last one, and the batches' buffers are reused:
        // the attributions of a long document are never all held at once.
        use rayon::prelude::*;
        let mut batch = Vec::with_capacity(ATTRIBUTION_BATCH);
        let mut next = Vec::with_capacity(ATTRIBUTION_BATCH);
        batch.extend(attributor.by_ref().take(ATTRIBUTION_BATCH));
        let mut done = 0;
        while !batch.is_empty() {
            speakers.extend(batch.iter().map(|a: &attribution::Attribution| a.entity));
            let raw = &pairing.quotes[done..done + batch.len()];
            done += batch.len();
            rayon::join(
                || next.extend(attributor.by_ref().take(ATTRIBUTION_BATCH)),
                || quotes.par_extend(raw.par_iter().zip(batch.par_drain(..)).map(quote)),
            );
            std::mem::swap(&mut batch, &mut next);
        }
    }
    drop(attributor);
    let fixes = attribution::headline_sources(&prose, speakers.len(), |q| {
        (
            speakers[q],
            quotes[q].source.as_deref(),
            quotes[q].source_inherited,
        )
    });
    for (q, source) in fixes {
        quotes[q].source = Some(source);
        quotes[q].source_inherited = true;
    }
    // Sources are known now, the headline's included.
    if opts.require_source {
        for q in &mut quotes {
            if q.kind == QuoteKind::Speech && q.speaker.is_some() && q.source.is_none() {
                q.flags.push(Flag::NoSource);
            }
        }
    }
    // The per-token and per-mention tables are done with: freed on another thread while this
    // one finishes the quotes.
    let engine = (prose, mentions, entities);
    let pairing = &pairing;
    let (_, quotes) = rayon::join(
        move || drop(engine),
        move || finish(doc, opts, lang, pairing, quotes),
    );
    Analysis { lang, quotes }
}

/// The quotes of [`check`] once attributed: the stray marks added, in text order, aliases
/// applied and inconsistent quotations flagged.
fn finish(
    doc: &Document,
    opts: &Options,
    lang: Lang,
    pairing: &quotes::Pairing,
    mut quotes: Vec<Quote>,
) -> Vec<Quote> {
    let text = doc.text();
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
    quotes
}

/// How many quotes [`check`] attributes before it turns them into findings.
const ATTRIBUTION_BATCH: usize = 4096;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(lang: Lang, require_source: bool) -> Options {
        Options {
            lang: LangChoice::Fixed(lang),
            require_source,
            ..Default::default()
        }
    }

    /// A document with more quotes than one batch of attributions: each finding carries the
    /// attribution of its own quote, as `attribution::attribute` gives it quote by quote.
    #[test]
    fn batched_findings_carry_the_attribution_of_their_own_quote() {
        for (dir, lang) in [("fr", Lang::Fr), ("en", Lang::En)] {
            let article = par::fixture_articles(dir);
            let one = Document::plain_str(&article);
            let per_article = quotes::pair(one.text(), one.blocks()).quotes.len();
            assert!(per_article > 0, "{dir}");
            let copies = (2 * ATTRIBUTION_BATCH).div_ceil(per_article) + 1;
            let text = vec![article.as_str(); copies].join("\n\n");
            let doc = Document::plain_str(&text);
            let opts = fixed(lang, false);
            let found = check(&doc, &opts).quotes;

            let pairing = quotes::pair(doc.text(), doc.blocks());
            assert!(pairing.quotes.len() > 2 * ATTRIBUTION_BATCH, "{dir}");
            let lexicons = opts.custom.lexicons(lang);
            let prose =
                prose::Prose::with_lexicons(doc.text(), lexicons, doc.blocks(), &pairing.quotes);
            let mentions = mentions::find(&prose);
            let entities = entities::Entities::build(&prose, &mentions);
            let one_by_one = attribution::attribute(&prose, &mentions, &entities);

            let found: Vec<_> = found.iter().filter(|q| q.rule != "stray-mark").collect();
            assert_eq!(found.len(), one_by_one.len(), "{dir}");
            for (k, (q, a)) in found.iter().zip(&one_by_one).enumerate() {
                let at = |s: Option<span::Span>| s.map(|s| doc.to_original(s));
                let what = (q.kind, &q.speaker, &q.source, q.source_inherited, q.rule);
                let want = (a.kind, &a.speaker, &a.source, a.source_inherited, a.rule);
                assert_eq!(what, want, "{dir}, quote {k}: {}", q.text);
                assert_eq!(
                    q.cue.as_ref().map(|c| c.span),
                    at(a.cue),
                    "{dir}, quote {k}"
                );
                let mention = q.speaker_mention.as_ref().map(|m| m.span);
                assert_eq!(mention, at(a.speaker_mention), "{dir}, quote {k}");
                assert_eq!(q.span, doc.to_original(pairing.quotes[k].span), "{dir}");
            }
        }
    }

    /// The headline's quote takes its speaker's source from a body quote thousands of quotes
    /// later, after its own finding was built: the source is filled in and `no_source` dropped.
    #[test]
    fn a_headline_quote_takes_a_source_found_batches_later() {
        let mut text = String::from("Storm: Ellen Price says \"we are ready\"\n\n");
        for n in 0..ATTRIBUTION_BATCH + 10 {
            text.push_str(&format!(
                "Governor Tom Reed said \"point {n}\" to reporters.\n\n"
            ));
        }
        text.push_str("\"We are ready,\" Ellen Price told CNN.\n");
        let found = check(&Document::plain_str(&text), &fixed(Lang::En, true)).quotes;
        let headline = &found[0];
        assert_eq!(headline.speaker.as_deref(), Some("Ellen Price"));
        assert_eq!(headline.source.as_deref(), Some("CNN"));
        assert!(headline.source_inherited);
        assert!(!headline.has(Flag::NoSource), "{:?}", headline.flags);
        // The body's governor cites no outlet.
        assert_eq!(found[1].speaker.as_deref(), Some("Tom Reed"));
        assert!(found[1].has(Flag::NoSource));
        let last = found.last().expect("quotes");
        assert_eq!(last.source.as_deref(), Some("CNN"));
        assert!(!last.source_inherited);
    }
}
