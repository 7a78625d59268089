//! What the HTML report shows of an input beyond its rows: the analysed text in paragraphs, where
//! each quote, speaker mention and cue lies in that text, and the entity chains for the legend.
//!
//! The findings carry spans of the original file (tags, entities and all); the page shows the
//! analysed text. Each span is carried over by inverting the document's own map
//! ([`Document::to_original`]) with a binary search, and kept only when it maps back exactly, so a
//! highlight is never placed by searching the text.

use quotecheck::{Analysis, BlockKind, Document, Excerpt, Lang, Options, Quote, Span};

/// One input as the HTML report shows it.
#[derive(Debug, Clone)]
pub struct Article {
    /// The language the input was analysed in.
    pub lang: Lang,
    /// The analysed text: the prose of a Markdown or HTML file, a text file as it is.
    pub text: String,
    /// The paragraphs, headings and block quotes of `text`, in order.
    pub blocks: Vec<(Span, BlockKind)>,
    /// Where each quote lies in `text`, in the order of the quotes it was built from.
    pub located: Vec<Located>,
    /// Entity chains: each entity's canonical name and the other ways the article refers to it.
    pub chains: Vec<Chain>,
}

/// The spans of one quote in the analysed text (`None` where a span does not map back exactly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    /// The quote's span in the original file: the key the reporter finds it by.
    pub original: Span,
    /// The quote, marks included.
    pub quote: Option<Span>,
    /// The speaker mention the cue ties to the quote.
    pub mention: Option<Span>,
    /// The cue.
    pub cue: Option<Span>,
    /// Where the cited outlet is named.
    pub source: Option<Span>,
}

/// An entity and its mentions (`Kim Jong Un` ← `Il`, `le numéro un nord-coréen`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    /// The canonical name.
    pub name: String,
    /// The mentions as written, in text order, without repeats.
    pub forms: Vec<String>,
}

impl Article {
    /// The article for `quotes` found in `doc`, with the entity `chains` of the analysis.
    pub fn new(doc: &Document, lang: Lang, quotes: &[Quote], chains: Vec<Chain>) -> Article {
        let text = doc.text();
        let bounds = boundaries(text);
        let find = |e: &Option<Excerpt>| {
            e.as_ref()
                .and_then(|e| to_text(doc, &bounds, e.span).filter(|s| s.get(text) == e.text))
        };
        let located = quotes
            .iter()
            .map(|q| Located {
                original: q.span,
                quote: to_text(doc, &bounds, q.span).filter(|s| s.get(text) == q.text),
                mention: find(&q.speaker_mention),
                cue: find(&q.cue),
                source: find(&q.source_mention),
            })
            .collect();
        Article {
            lang,
            text: text.to_string(),
            blocks: doc.blocks().iter().map(|b| (b.span, b.kind)).collect(),
            located,
            chains,
        }
    }

    /// The article of a document checked with `opts`, with the entity chains the engine built.
    pub fn of_analysis(doc: &Document, analysis: &Analysis, opts: &Options) -> Article {
        let explanation = quotecheck::explain::explain(doc, analysis, opts);
        let chains = explanation
            .entities
            .iter()
            .filter_map(|line| parse_chain(line))
            .collect();
        Article::new(doc, analysis.lang, &analysis.quotes, chains)
    }
}

/// The character boundaries of `text`, its end included.
fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// The span of the analysed text that `doc` maps to `original`, if there is one; `bounds` are
/// the character boundaries of the text.
///
/// The map from text offsets to file offsets never goes backwards, so the first text offset that
/// maps at or past each end is found by bisection over character boundaries.
fn to_text(doc: &Document, bounds: &[usize], original: Span) -> Option<Span> {
    let at = |t: usize| doc.to_original(Span::new(t, t)).start;
    let i = bounds.partition_point(|&t| at(t) < original.start);
    let start = *bounds.get(i)?;
    let j = i + bounds[i..]
        .partition_point(|&t| doc.to_original(Span::new(start, t)).end < original.end);
    let end = *bounds.get(j)?;
    let span = Span::new(start, end);
    (doc.to_original(span) == original).then_some(span)
}

/// One chain from an `--explain` entity line:
/// ``#3 Person Kim Jong Un (Masc) ← `Kim Jong Un`, `Il`, `le numéro un nord-coréen` ``.
///
/// The explanation is the only place the library exposes entity chains; a line that does not
/// have this shape is left out of the legend.
fn parse_chain(line: &str) -> Option<Chain> {
    let (head, forms) = line.split_once(" ← ")?;
    let head = head.strip_prefix('#')?;
    let (_id, head) = head.split_once(' ')?;
    let (_kind, head) = head.split_once(' ')?;
    let name = head.strip_suffix(')')?.rsplit_once(" (")?.0.trim();
    if name.is_empty() {
        return None;
    }
    let mut out: Vec<String> = Vec::new();
    for form in forms.strip_prefix('`')?.strip_suffix('`')?.split("`, `") {
        if !out.iter().any(|f| f == form) {
            out.push(form.to_string());
        }
    }
    Some(Chain {
        name: name.to_string(),
        forms: out,
    })
}

#[cfg(test)]
mod tests {
    use quotecheck::{Format, Options, Source};

    use super::*;

    #[test]
    fn chains_are_read_from_explain_lines() {
        assert_eq!(
            parse_chain("#0 Person Kim Jong Un (Masc) ← `Kim Jong Un`, `Il`, `Il`, `le numéro un`"),
            Some(Chain {
                name: "Kim Jong Un".into(),
                forms: vec!["Kim Jong Un".into(), "Il".into(), "le numéro un".into()],
            })
        );
        assert_eq!(
            parse_chain(
                "#4 Person porte-parole (de la police) (Unknown, unnamed) ← `le porte-parole`"
            )
            .unwrap()
            .name,
            "porte-parole (de la police)"
        );
        assert_eq!(parse_chain("entities:"), None);
    }

    /// Every quote, mention and cue the engine finds in every fixture is placed in the analysed
    /// text exactly where the finding says, in text, Markdown and HTML alike.
    #[test]
    fn every_finding_of_every_fixture_is_located() {
        let mut checked = 0;
        for dir in ["fr", "en", "md", "html"] {
            let path = format!("{}/fixtures/{dir}", env!("CARGO_MANIFEST_DIR"));
            for entry in std::fs::read_dir(path).unwrap() {
                let path = entry.unwrap().path();
                let format = match dir {
                    "md" => Format::Markdown,
                    "html" => Format::Html,
                    _ => Format::Text,
                };
                let bytes = std::fs::read(&path).unwrap();
                let (source, analysis) =
                    quotecheck::check_source(&bytes, format, &Options::default()).unwrap();
                let article = Article::of_analysis(&source.doc, &analysis, &Options::default());
                assert_eq!(article.located.len(), analysis.quotes.len());
                for (q, l) in analysis.quotes.iter().zip(&article.located) {
                    let name = path.display();
                    assert_eq!(
                        l.quote.map(|s| s.get(&article.text)),
                        Some(q.text.as_str()),
                        "{name}"
                    );
                    assert_eq!(
                        l.mention.is_some(),
                        q.speaker_mention.is_some(),
                        "{name}: {q:?}"
                    );
                    assert_eq!(l.cue.is_some(), q.cue.is_some(), "{name}: {q:?}");
                    // A `cite` URL is named in a tag, not in the text.
                    if q.cite.is_none() {
                        assert_eq!(
                            l.source.is_some(),
                            q.source_mention.is_some(),
                            "{name}: {q:?}"
                        );
                    }
                    checked += 1;
                }
                assert!(!article.chains.is_empty() || analysis.quotes.is_empty());
            }
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn spans_across_entities_and_tags_map_back() {
        let html = "<p>Il a dit <q>oui</q> &laquo;&nbsp;non&nbsp;&raquo;.</p>";
        let source = Source::parse(html.as_bytes(), Format::Html).unwrap();
        let doc = &source.doc;
        let b = boundaries(doc.text());
        let q = html.find("<q>").unwrap();
        let span = to_text(doc, &b, Span::new(q, q + "<q>oui</q>".len())).unwrap();
        assert_eq!(span.get(doc.text()), "“oui”");
        let l = html.find("&laquo;").unwrap();
        let r = html.find(".</p>").unwrap();
        let span = to_text(doc, &b, Span::new(l, r)).unwrap();
        assert_eq!(span.get(doc.text()), "«\u{a0}non\u{a0}»");
        // A span that starts inside an entity has no exact counterpart.
        assert_eq!(to_text(doc, &b, Span::new(l + 1, r)), None);
    }
}
