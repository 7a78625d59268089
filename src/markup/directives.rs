//! Suppressions written in the copy, as HTML comments (the markdownlint and Vale convention):
//!
//! - `<!-- quotecheck-disable-next-quote [reason] -->`: the first quote after the comment;
//! - `<!-- quotecheck-disable [reason] -->` … `<!-- quotecheck-enable -->`: every quote between
//!   them (to the end of the file without an `enable`).
//!
//! A suppressed quote is still reported, with its reason, but never fails a run. The reason is
//! free text; an ESLint-style leading `--` is dropped.

use crate::findings::Quote;
use crate::span::Span;

use super::Note;

/// What a directive asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    /// `quotecheck-disable-next-quote`.
    DisableNextQuote,
    /// `quotecheck-disable`.
    Disable,
    /// `quotecheck-enable`.
    Enable,
}

impl DirectiveKind {
    const ALL: [DirectiveKind; 3] = [
        DirectiveKind::DisableNextQuote,
        DirectiveKind::Disable,
        DirectiveKind::Enable,
    ];

    /// The directive as written in the comment.
    pub fn as_str(self) -> &'static str {
        match self {
            DirectiveKind::DisableNextQuote => "quotecheck-disable-next-quote",
            DirectiveKind::Disable => "quotecheck-disable",
            DirectiveKind::Enable => "quotecheck-enable",
        }
    }
}

/// A `quotecheck-…` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The whole comment, `<!--` to `-->`, in the original file.
    pub span: Span,
    /// What it asks.
    pub kind: DirectiveKind,
    /// The reason given after the directive, whitespace collapsed; `None` when there is none.
    pub reason: Option<String>,
}

/// The reason reported for a suppression written without one.
pub const NO_REASON: &str = "no reason given";

/// The directive in an HTML comment whose text (between `<!--` and `-->`) is `body` and which
/// spans `span` of the file: `None` when the comment is not for quotecheck, a note when it is
/// but names no directive quotecheck knows.
pub(super) fn parse(body: &str, span: Span) -> Option<Result<Directive, Note>> {
    let body = body.trim();
    if !body.starts_with("quotecheck") {
        return None;
    }
    let (word, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let Some(kind) = DirectiveKind::ALL.into_iter().find(|k| k.as_str() == word) else {
        let known: Vec<&str> = DirectiveKind::ALL.iter().map(|k| k.as_str()).collect();
        return Some(Err(Note {
            span,
            message: format!("unknown directive `{word}` (expected {})", known.join(", ")),
        }));
    };
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("--").unwrap_or(rest);
    let reason = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(Ok(Directive {
        span,
        kind,
        reason: (!reason.is_empty()).then_some(reason),
    }))
}

/// Every `<!-- … -->` comment in `src[range]`: the comment's span and its text.
pub(super) fn comments(src: &str, start: usize, end: usize) -> Vec<(Span, &str)> {
    let mut out = Vec::new();
    let mut at = start;
    while let Some(open) = src[at..end].find("<!--") {
        let body_start = at + open + 4;
        let Some(close) = src[body_start..end].find("-->") else {
            break;
        };
        let body_end = body_start + close;
        out.push((
            Span::new(at + open, body_end + 3),
            &src[body_start..body_end],
        ));
        at = body_end + 3;
    }
    out
}

/// Mark the quotes (sorted by start) the directives (in file order) suppress; notes for
/// directives that do nothing.
pub(super) fn apply(directives: &[Directive], quotes: &mut [Quote]) -> Vec<Note> {
    let mut notes = Vec::new();
    let reason = |d: &Directive| d.reason.clone().unwrap_or_else(|| NO_REASON.to_string());
    let mut open: Option<&Directive> = None;
    for d in directives {
        match d.kind {
            DirectiveKind::DisableNextQuote => {
                match quotes.iter_mut().find(|q| q.span.start >= d.span.end) {
                    Some(q) => {
                        if q.suppressed.is_none() {
                            q.suppressed = Some(reason(d));
                        }
                    }
                    None => notes.push(Note {
                        span: d.span,
                        message: format!("`{}` is followed by no quote", d.kind.as_str()),
                    }),
                }
            }
            DirectiveKind::Disable => {
                if open.is_none() {
                    open = Some(d);
                }
            }
            DirectiveKind::Enable => match open.take() {
                Some(from) => suppress_between(quotes, from, d.span.start, reason(from)),
                None => notes.push(Note {
                    span: d.span,
                    message: format!(
                        "`{}` without a `{}` before it",
                        d.kind.as_str(),
                        DirectiveKind::Disable.as_str()
                    ),
                }),
            },
        }
    }
    // A `disable` never enabled again runs to the end of the file.
    if let Some(from) = open {
        suppress_between(quotes, from, usize::MAX, reason(from));
    }
    notes
}

fn suppress_between(quotes: &mut [Quote], from: &Directive, end: usize, reason: String) {
    for q in quotes
        .iter_mut()
        .filter(|q| q.span.start >= from.span.end && q.span.start < end)
    {
        if q.suppressed.is_none() {
            q.suppressed = Some(reason.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directive_reason_and_unknown_names() {
        let span = Span::new(0, 10);
        let d = parse(
            " quotecheck-disable-next-quote   -- vérifié avec\n le service ",
            span,
        )
        .unwrap()
        .unwrap();
        assert_eq!(d.kind, DirectiveKind::DisableNextQuote);
        assert_eq!(d.reason.as_deref(), Some("vérifié avec le service"));
        let d = parse("quotecheck-enable", span).unwrap().unwrap();
        assert_eq!((d.kind, d.reason), (DirectiveKind::Enable, None));
        assert_eq!(parse(" a comment ", span), None);
        let note = parse("quotecheck-disable-line", span).unwrap().unwrap_err();
        assert!(
            note.message
                .starts_with("unknown directive `quotecheck-disable-line`")
        );
    }

    #[test]
    fn comments_in_a_range() {
        let src = "a <!-- one --> b <!--two--> <!-- open";
        let found = comments(src, 0, src.len());
        assert_eq!(found.len(), 2);
        assert_eq!(found[0], (Span::new(2, 14), " one "));
        assert_eq!(found[1].1, "two");
    }
}
