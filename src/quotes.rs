//! Pairing quotation marks into quotes.
//!
//! The quote layer works on characters, before any linguistics: it decides which `"`, `'` and `’`
//! are quotation marks and which are apostrophes or inch marks, pairs openers with closers by
//! family on a stack, keeps only the outermost quote, joins a quote that reopens at the start of
//! the next paragraph (the multi-paragraph convention), and reports a mark that never closes as
//! unbalanced instead of giving up. It never fails on any input.

use crate::document::{Block, BlockKind};
use crate::span::Span;

/// A family of quotation marks: a closer only closes an opener of its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// `« »`
    Guillemet,
    /// `‹ ›`
    SingleGuillemet,
    /// `“ ”`, `„ “`, `„ ”`, and straight `"` (mixed in sloppy copy).
    Double,
    /// `‘ ’`, and straight `'`.
    Single,
}

impl Family {
    /// Single quotes are too often apostrophes to report an unclosed one.
    fn reports_unbalanced(self) -> bool {
        !matches!(self, Family::Single)
    }
}

/// What a mark character does at one place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkRole {
    /// Opens a quote.
    Open,
    /// Closes a quote.
    Close,
    /// Reopens a quote continued from the previous paragraph.
    Reopen,
    /// An opener that never closes (the quote is unbalanced).
    Unclosed,
    /// A closer with no opener.
    Stray,
}

/// A quotation mark as the quote layer saw it, for `--explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Where the mark is in the analysed text.
    pub span: Span,
    /// Its family.
    pub family: Family,
    /// What it does.
    pub role: MarkRole,
    /// Nesting depth (0 for an outermost quote).
    pub depth: u32,
}

/// An outermost quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    /// From the opening mark through the closing mark (to the end of the paragraph when the quote
    /// never closes), in the analysed text.
    pub span: Span,
    /// The text between the marks.
    pub inner: Span,
    /// The opening mark's family.
    pub family: Family,
    /// The quote never closes.
    pub unbalanced: bool,
    /// The quote runs over several paragraphs (reopening at each).
    pub multi_paragraph: bool,
    /// Index of the block the quote starts in.
    pub block: usize,
    /// Index of the block the quote ends in.
    pub end_block: usize,
    /// The quote has marks; `false` for a block quote of the markup with none (`> …` in
    /// Markdown, `<blockquote>` in HTML), whose span is its text.
    pub marked: bool,
}

/// A closing mark with no opening mark: reported as unbalanced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrayMark {
    /// The mark.
    pub span: Span,
    /// Index of the block it is in.
    pub block: usize,
}

/// The result of pairing: outermost quotes, stray closers, and every mark with its role.
#[derive(Debug, Clone, Default)]
pub struct Pairing {
    /// Outermost quotes, in text order.
    pub quotes: Vec<RawQuote>,
    /// Closers with no opener.
    pub strays: Vec<StrayMark>,
    /// Every mark the layer used, in text order (apostrophes are not marks).
    pub marks: Vec<Mark>,
}

/// How a candidate character may act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Can {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Candidate {
    pos: usize,
    len: usize,
    family: Family,
    can: Can,
    ch: char,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    cand: Candidate,
    /// Index into `Pairing::marks`.
    mark: usize,
    /// Where the quote started (the first opening mark, for a multi-paragraph quote).
    start: usize,
    /// The block it started in.
    start_block: usize,
}

/// Pair the quotation marks of `text`, paragraph by paragraph.
pub fn pair(text: &str, blocks: &[Block]) -> Pairing {
    let mut out = Pairing::default();
    // An outermost quote still open at the end of the previous block, waiting for a reopener.
    let mut carry: Option<Open> = None;

    let (all, starts) = all_candidates(text, blocks, crate::par::RUN_BYTES);
    // Every candidate makes at most one mark, two make a quote: reserved once rather than
    // doubled (and copied) on a long document. Room never written costs no memory.
    out.marks.reserve(all.len());
    out.quotes.reserve(all.len() / 2 + 1);
    // Openers of the current block, one vector for all of them.
    let mut stack: Vec<Open> = Vec::new();
    for (bi, block) in blocks.iter().enumerate() {
        let cands = &all[starts[bi]..starts[bi + 1]];
        stack.clear();
        let mut skip = 0;

        // Multi-paragraph quote: the previous block ended inside a quote; this block must reopen
        // it with a mark of the same family at its very start.
        if let Some(open) = carry.take() {
            let reopen = cands.first().filter(|c| {
                c.pos == block.span.start
                    && c.can != Can::Close
                    && (c.family == open.cand.family
                        || (open.cand.family == Family::Guillemet && c.ch == '»'))
            });
            if let Some(c) = reopen {
                out.marks.push(Mark {
                    span: Span::new(c.pos, c.pos + c.len),
                    family: c.family,
                    role: MarkRole::Reopen,
                    depth: 0,
                });
                stack.push(open);
                skip = 1;
            } else {
                let prev = bi - 1;
                finish_unclosed(&mut out, open, blocks[prev].span.end, prev);
            }
        }

        for c in cands.iter().skip(skip) {
            let closes = match c.can {
                Can::Open => None,
                Can::Close | Can::Either => find_opener(&stack, c),
            };
            // An `Either` mark closes when something of its family is open, else opens.
            if let Some(depth_idx) = closes {
                // Openers above the matched one never closed: nested strays or apostrophes.
                for dropped in stack.drain(depth_idx + 1..) {
                    out.marks[dropped.mark].role = MarkRole::Unclosed;
                }
                let open = stack.pop().expect("matched opener");
                out.marks.push(Mark {
                    span: Span::new(c.pos, c.pos + c.len),
                    family: c.family,
                    role: MarkRole::Close,
                    depth: stack.len() as u32,
                });
                if stack.is_empty() {
                    let inner = Span::new(open.start + open.cand.len, c.pos);
                    if !inner_is_blank(text, inner) {
                        out.quotes.push(RawQuote {
                            span: Span::new(open.start, c.pos + c.len),
                            inner,
                            family: open.cand.family,
                            unbalanced: false,
                            multi_paragraph: open.start_block != bi,
                            block: open.start_block,
                            end_block: bi,
                            marked: true,
                        });
                    }
                }
                continue;
            }
            if c.can == Can::Close {
                if c.family.reports_unbalanced() && stack.is_empty() {
                    out.marks.push(Mark {
                        span: Span::new(c.pos, c.pos + c.len),
                        family: c.family,
                        role: MarkRole::Stray,
                        depth: 0,
                    });
                    out.strays.push(StrayMark {
                        span: Span::new(c.pos, c.pos + c.len),
                        block: bi,
                    });
                }
                continue;
            }
            out.marks.push(Mark {
                span: Span::new(c.pos, c.pos + c.len),
                family: c.family,
                role: MarkRole::Open,
                depth: stack.len() as u32,
            });
            stack.push(Open {
                cand: *c,
                mark: out.marks.len() - 1,
                start: c.pos,
                start_block: bi,
            });
        }

        // End of the block: inner openers are dropped; the outermost one carries over or is
        // unbalanced. Single quotes never carry: they are too often apostrophes.
        if let Some(bottom) = stack.first().copied() {
            for dropped in &stack[1..] {
                out.marks[dropped.mark].role = MarkRole::Unclosed;
            }
            if bottom.cand.family.reports_unbalanced() {
                if bi + 1 < blocks.len() {
                    carry = Some(bottom);
                } else {
                    finish_unclosed(&mut out, bottom, block.span.end, bi);
                }
            } else {
                out.marks[bottom.mark].role = MarkRole::Unclosed;
            }
        }
    }
    markup_block_quotes(blocks, &mut out);
    out
}

/// A run of block-quote blocks of the markup (`> …`, `<blockquote>`) with no quotation mark in
/// it is one quote: the markup says it is quoted.
fn markup_block_quotes(blocks: &[Block], out: &mut Pairing) {
    let mut added = Vec::new();
    let mut bi = 0;
    while bi < blocks.len() {
        if blocks[bi].kind != BlockKind::BlockQuote {
            bi += 1;
            continue;
        }
        let first = bi;
        while bi + 1 < blocks.len() && blocks[bi + 1].kind == BlockKind::BlockQuote {
            bi += 1;
        }
        let span = Span::new(blocks[first].span.start, blocks[bi].span.end);
        // The outermost quotes are in text order and do not overlap: the first one ending after
        // the run's start is the only one that may lie in it.
        let next = out.quotes.partition_point(|q| q.span.end <= span.start);
        let marked = out
            .quotes
            .get(next)
            .is_some_and(|q| q.span.start < span.end);
        let text = blocks[first..=bi].iter().any(|b| !b.span.is_empty());
        if !marked && text {
            added.push(RawQuote {
                span,
                inner: span,
                family: Family::Double,
                unbalanced: false,
                multi_paragraph: bi > first,
                block: first,
                end_block: bi,
                marked: false,
            });
        }
        bi += 1;
    }
    if !added.is_empty() {
        out.quotes.append(&mut added);
        out.quotes.sort_by_key(|q| q.span.start);
    }
}

/// Record an opener that never closed: the quote runs to the end of the block it stops in.
fn finish_unclosed(out: &mut Pairing, open: Open, end: usize, end_block: usize) {
    out.marks[open.mark].role = MarkRole::Unclosed;
    out.quotes.push(RawQuote {
        span: Span::new(open.start, end),
        inner: Span::new(open.start + open.cand.len, end),
        family: open.cand.family,
        unbalanced: true,
        multi_paragraph: open.start_block != end_block,
        block: open.start_block,
        end_block,
        marked: true,
    });
}

fn inner_is_blank(text: &str, inner: Span) -> bool {
    inner.get(text).chars().all(|c| !c.is_alphanumeric())
}

/// How many open quotes, innermost first, a closing mark may close.
const MAX_SEARCH_DEPTH: usize = 16;

/// The index in `stack` of the opener `c` closes, if any.
fn find_opener(stack: &[Open], c: &Candidate) -> Option<usize> {
    let compatible = |o: &Open| -> bool {
        match (o.cand.family, c.ch) {
            (Family::Guillemet, '»') => true,
            (Family::SingleGuillemet, '›') => true,
            // `“` closes only a low opener (`„…“`, German style).
            (Family::Double, '“') => o.cand.ch == '„',
            (Family::Double, '”' | '"') => true,
            (Family::Single, '’' | '\'') => true,
            // `‘` closes only `‚`.
            (Family::Single, '‘') => o.cand.ch == '‚',
            _ => false,
        }
    };
    // Only the innermost openers: quotes nest two or three deep, and a text of thousands of
    // unclosed marks must not make every closer search them all.
    let from_top = stack
        .iter()
        .rev()
        .take(MAX_SEARCH_DEPTH)
        .position(compatible)?;
    let idx = stack.len() - 1 - from_top;
    // A straight or curly single quote only closes the innermost opener: it is far more often an
    // apostrophe than a mark skipping over an open quote.
    if c.family == Family::Single && idx + 1 != stack.len() {
        return None;
    }
    Some(idx)
}

/// The candidate marks of every block, in one vector, and where each block's start in it (one
/// more entry at the end). Blocks are looked at by runs of about `run_bytes`, in parallel when
/// there are several.
fn all_candidates(text: &str, blocks: &[Block], run_bytes: usize) -> (Vec<Candidate>, Vec<usize>) {
    let runs = crate::par::block_runs(blocks, run_bytes, |_| true);
    let candidates_of = |r: std::ops::Range<usize>, out: &mut (Vec<Candidate>, Vec<usize>)| {
        out.0.clear();
        out.1.clear();
        for b in r {
            out.1.push(out.0.len());
            candidates(text, blocks[b].span, &mut out.0);
        }
    };
    let mut all = (Vec::new(), Vec::with_capacity(blocks.len() + 1));
    crate::par::for_each_run(&runs, candidates_of, |part| {
        let base = all.0.len();
        all.1.extend(part.1.iter().map(|s| s + base));
        all.0.append(&mut part.0);
    });
    all.1.push(all.0.len());
    all
}

/// The candidate marks of one block, with what each may do, pushed onto `out`.
fn candidates(text: &str, block: Span, out: &mut Vec<Candidate>) {
    let s = block.get(text);
    // Every mark is `"`, `'`, or starts with the byte 0xC2 (`«` `»`) or 0xE2 (`‹` `›` `„` `“`
    // `”` `‘` `‚` `’`), which are lead bytes and so always start a character: only those places
    // are looked at, with the characters on either side.
    let bytes = s.as_bytes();
    let mut at = 0;
    while let Some(off) = bytes[at..]
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2))
    {
        let i = at + off;
        let ch = s[i..]
            .chars()
            .next()
            .expect("a lead byte starts a character");
        let len = ch.len_utf8();
        at = i + len;
        if !matches!(
            ch,
            '«' | '»' | '‹' | '›' | '„' | '“' | '”' | '"' | '‘' | '‚' | '’' | '\''
        ) {
            continue;
        }
        let prev = s[..i].chars().next_back();
        let next = s[at..].chars().next();
        let pos = block.start + i;
        let cand = |family, can| Candidate {
            pos,
            len,
            family,
            can,
            ch,
        };
        // A mark right before a stop or comma closes, even after a space (`… die?' ".`, a thin
        // space before the closing mark).
        let before_stop = next.is_some_and(|n| matches!(n, '.' | ',' | ';' | ':' | '!' | '?'));
        let left_flank = prev.is_none_or(opens_after)
            && next.is_some_and(|n| !n.is_whitespace())
            && !before_stop;
        let right_flank = (prev.is_some_and(|p| !p.is_whitespace()) || before_stop)
            && next.is_none_or(closes_before);
        let c = match ch {
            '«' => Some(cand(Family::Guillemet, Can::Open)),
            '»' => Some(cand(Family::Guillemet, Can::Close)),
            '‹' => Some(cand(Family::SingleGuillemet, Can::Open)),
            '›' => Some(cand(Family::SingleGuillemet, Can::Close)),
            '„' => Some(cand(Family::Double, Can::Open)),
            '“' => Some(cand(Family::Double, Can::Either)),
            '”' => Some(cand(
                Family::Double,
                if left_flank && !right_flank {
                    Can::Either
                } else {
                    Can::Close
                },
            )),
            '"' => {
                // An inch mark after a number (`a 5" screen`) is not a quote unless it closes.
                if prev.is_some_and(|p| p.is_ascii_digit()) && !right_flank {
                    None
                } else if left_flank && !right_flank {
                    Some(cand(Family::Double, Can::Open))
                } else if right_flank && !left_flank {
                    Some(cand(Family::Double, Can::Close))
                } else {
                    Some(cand(Family::Double, Can::Either))
                }
            }
            '‘' | '‚' => {
                if prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric)
                {
                    None // a misused apostrophe inside a word
                } else if left_flank {
                    Some(cand(Family::Single, Can::Open))
                } else {
                    Some(cand(Family::Single, Can::Close))
                }
            }
            '’' | '\'' => {
                let inside_word = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if inside_word {
                    None
                } else if left_flank && !right_flank {
                    // `'90s`, `'em` are apostrophes; they never find a closer and are dropped.
                    Some(cand(Family::Single, Can::Open))
                } else if right_flank {
                    Some(cand(Family::Single, Can::Close))
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(c) = c {
            out.push(c);
        }
    }
}

/// Characters after which a mark may open a quote.
fn opens_after(p: char) -> bool {
    p.is_whitespace()
        || matches!(
            p,
            '(' | '['
                | '{'
                | '—'
                | '–'
                | '-'
                | '/'
                | ':'
                | '«'
                | '“'
                | '„'
                | '‘'
                | '"'
                | '\''
                | '‹'
                | '\u{a0}'
                | '\u{202f}'
        )
}

/// Characters before which a mark may close a quote.
fn closes_before(n: char) -> bool {
    n.is_whitespace()
        || matches!(
            n,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '—'
                | '–'
                | '-'
                | '»'
                | '”'
                | '’'
                | '"'
                | '\''
                | '›'
                | '…'
                | '/'
                | '\u{a0}'
                | '\u{202f}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    #[test]
    fn candidates_by_runs_of_one_block_equal_one_pass() {
        for dir in ["fr", "en"] {
            let text = crate::par::fixture_articles(dir);
            let doc = crate::Document::plain_str(&text);
            let one = all_candidates(doc.text(), doc.blocks(), usize::MAX);
            let many = all_candidates(doc.text(), doc.blocks(), 1);
            assert!(one.0.len() > 100, "{dir}: {}", one.0.len());
            assert_eq!(one.1.len(), doc.blocks().len() + 1);
            assert!(one == many, "{dir}: runs of one block differ from one pass");
        }
    }

    fn quotes(text: &str) -> Vec<(String, bool)> {
        let doc = Document::plain_str(text);
        pair(doc.text(), doc.blocks())
            .quotes
            .iter()
            .map(|q| (q.span.get(text).to_string(), q.unbalanced))
            .collect()
    }

    #[test]
    fn french_guillemets_with_nbsp_and_nested_english_quotes() {
        let text =
            "Il a dit\u{a0}: «\u{a0}Le texte exact, c'est 'a little girl' ou “petite”\u{a0}».";
        assert_eq!(
            quotes(text),
            vec![(
                "«\u{a0}Le texte exact, c'est 'a little girl' ou “petite”\u{a0}»".to_string(),
                false
            )]
        );
    }

    #[test]
    fn a_closer_looks_only_at_the_innermost_open_quotes() {
        // Within reach: the closing guillemet skips the open curly quotes above it.
        let near = format!("« Oui {}»", "“ ".repeat(MAX_SEARCH_DEPTH - 1));
        assert_eq!(quotes(&near), vec![(near.clone(), false)]);
        // Under more open quotes than that, it closes nothing: the guillemet stays open.
        let far = format!("« Oui {}» fin", "“ ".repeat(MAX_SEARCH_DEPTH));
        let found = quotes(&far);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0], (far.clone(), true));
    }

    #[test]
    fn a_mark_before_a_stop_closes_even_after_a_space() {
        // A nested question, then a thin space before the closing mark.
        let text = "She said \"it felt like 'am I going to die?'\u{2009}\". Then \"nothing\".";
        assert_eq!(
            quotes(text),
            vec![
                (
                    "\"it felt like 'am I going to die?'\u{2009}\"".to_string(),
                    false
                ),
                ("\"nothing\"".to_string(), false)
            ]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            quotes("L’agence n’a pas dit ça, and they don't care about the parents’ view."),
            vec![]
        );
        assert_eq!(
            quotes("Germany bans Mahan Air, citing 'security' and the ’90s rules"),
            vec![("'security'".to_string(), false)]
        );
    }

    #[test]
    fn straight_double_quotes_pair_in_order() {
        assert_eq!(
            quotes("\"We will rebuild,\" she said, \"and soon.\" A 5\" screen."),
            vec![
                ("\"We will rebuild,\"".to_string(), false),
                ("\"and soon.\"".to_string(), false)
            ]
        );
    }

    #[test]
    fn german_low_quotes_and_curly_pairs() {
        assert_eq!(
            quotes("Er sagte „Nein“ und “yes”."),
            vec![("„Nein“".to_string(), false), ("“yes”".to_string(), false)]
        );
    }

    #[test]
    fn a_quote_that_never_closes_runs_to_the_end_of_its_paragraph() {
        let text = "Le ministre a déclaré : « Nous ne céderons pas.\nLa séance a été levée.";
        assert_eq!(
            quotes(text),
            vec![("« Nous ne céderons pas.".to_string(), true)]
        );
    }

    #[test]
    fn a_stray_inner_mark_stays_inside_the_closed_quote() {
        let text = "SUD a relevé que « \"ce n'est que très tard que l'enquête a commencé ».";
        assert_eq!(
            quotes(text),
            vec![(
                "« \"ce n'est que très tard que l'enquête a commencé »".to_string(),
                false
            )]
        );
    }

    #[test]
    fn multi_paragraph_quote_reopens_at_each_paragraph() {
        let text = "Il a déclaré : « Nous avons tout essayé.\n« Nous continuerons demain », a-t-il ajouté.\nFin.";
        assert_eq!(
            quotes(text),
            vec![(
                "« Nous avons tout essayé.\n« Nous continuerons demain »".to_string(),
                false
            )]
        );
        let text = "He said: \"We tried everything.\n\n\"We will go on,\" he added.";
        assert_eq!(
            quotes(text),
            vec![(
                "\"We tried everything.\n\n\"We will go on,\"".to_string(),
                false
            )]
        );
    }

    #[test]
    fn stray_closer_is_reported_and_does_not_stop_the_run() {
        let doc = Document::plain_str("Fin de citation » puis « une autre ».");
        let p = pair(doc.text(), doc.blocks());
        assert_eq!(p.strays.len(), 1);
        assert_eq!(p.quotes.len(), 1);
        assert_eq!(p.quotes[0].span.get(doc.text()), "« une autre »");
    }

    #[test]
    fn empty_quotes_are_ignored() {
        assert_eq!(quotes("Il a dit « » puis \"\"."), vec![]);
    }
}
