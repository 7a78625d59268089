//! `verify`: find, for each speech quote, the passage of the source material it comes from, and
//! say how faithful the quote is.
//!
//! The sources (transcripts, press releases, dispatches, earlier articles) are [`Document`]s,
//! indexed once by [`Sources::new`]. Each quote is then cut at its marked elisions into parts;
//! each part is looked up by its rarest words and aligned word by word against the best places
//! (a semi-global edit distance that ignores typography, see [`normalize`]). The verdict:
//!
//! - [`Verdict::Verbatim`]: every word is in the source, in order, nothing added, changed or
//!   dropped. A fragment of a longer sentence is verbatim.
//! - [`Verdict::Elided`]: the same, except where the quote says so: a marked elision (`[…]`,
//!   `(...)`, `…`) that skips source words, or a bracketed insertion (`[he]`, `[Khan]`). A quote
//!   whose parts come from two passages of one source, in order, is elided when the join is marked.
//! - [`Verdict::Altered`]: the best passage is close but a word differs: changed (a number),
//!   added, or dropped (a negation); or the quote joins two passages without marking it, or puts
//!   passages out of their order, or takes them from two sources. The diff shows what changed.
//! - [`Verdict::NotFound`]: nothing close enough (fewer than 60% of the words in common, counted as
//!   `2 × matched / (quote words + passage words)`).

pub(crate) mod align;
mod index;
pub mod normalize;
mod speaker;

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;

use crate::document::Document;
use crate::findings::{Quote, QuoteKind};
use crate::span::Span;
use align::{Alignment, Op, QTok, UNKNOWN};
use index::Index;
use normalize::TokKind;
pub use speaker::{is_name, same_person};

/// Below this similarity a quote is not found.
pub const MIN_SIMILARITY: f32 = 0.6;
/// How many source words after (or before) a part already placed are searched for the next part.
const NEAR: usize = 400;
/// A run of this many quote words absent from the passage is looked for elsewhere (a quote made of
/// two passages joined without an elision mark).
const SPLIT_RUN: usize = 3;
/// Skipped source words shown in full in a diff up to this many; beyond, they are counted.
const SHOWN_SKIP: usize = 12;

/// How faithful a quote is to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The same words as the source, typography aside.
    Verbatim,
    /// The same words except for marked elisions and bracketed insertions.
    Elided,
    /// Close to a passage of the source, but words differ.
    Altered,
    /// No passage of the sources is close enough.
    NotFound,
}

impl Verdict {
    /// Every verdict, in report order.
    pub const ALL: [Verdict; 4] = [
        Verdict::Verbatim,
        Verdict::Elided,
        Verdict::Altered,
        Verdict::NotFound,
    ];

    /// The snake_case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Verbatim => "verbatim",
            Verdict::Elided => "elided",
            Verdict::Altered => "altered",
            Verdict::NotFound => "not_found",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the speaker the article gives is the one the source labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerCheck {
    /// The labelled speaker is the article's speaker.
    Match,
    /// The source labels someone else.
    Mismatch,
    /// The source labels nobody there, the article names nobody, or the quote was not found.
    Unknown,
}

impl SpeakerCheck {
    /// The snake_case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerCheck::Match => "match",
            SpeakerCheck::Mismatch => "mismatch",
            SpeakerCheck::Unknown => "unknown",
        }
    }
}

impl fmt::Display for SpeakerCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A passage of a source that a quote (or a part of it) comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passage {
    /// The source, by its index in the list given to [`Sources::new`].
    pub source: usize,
    /// Where it is in the source's original file, from its first matched word to its last.
    pub span: Span,
    /// Its text as analysed.
    pub text: String,
    /// The speaker the source labels for this passage (`KIM JONG UN`), if any.
    pub speaker: Option<String>,
}

/// One piece of a word-level diff from the source passage to the quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    /// Words the quote and the source share.
    Same(String),
    /// Source words the quote does not have (dropped, replaced, or skipped at an elision).
    Removed(String),
    /// Quote words the source does not have (added, replacing, or an editor's mark).
    Added(String),
}

/// Render a diff as `git diff --word-diff` does: shared words as they are, `[-removed-]` and
/// `{+added+}`.
pub fn diff_string(diff: &[DiffOp]) -> String {
    let mut out = String::new();
    for op in diff {
        if !out.is_empty() {
            out.push(' ');
        }
        match op {
            DiffOp::Same(s) => out.push_str(s),
            DiffOp::Removed(s) => {
                out.push_str("[-");
                out.push_str(s);
                out.push_str("-]");
            }
            DiffOp::Added(s) => {
                out.push_str("{+");
                out.push_str(s);
                out.push_str("+}");
            }
        }
    }
    out
}

/// What `verify` found for one quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verification {
    /// How faithful the quote is.
    pub verdict: Verdict,
    /// From 0 to 1: `2 × words in common / (quote words + passage words)`, less for joins that
    /// are not marked; 1 for verbatim and elided quotes.
    pub similarity: f32,
    /// The passages the quote comes from, in quote order (one for most quotes; empty when not
    /// found).
    pub passages: Vec<Passage>,
    /// From the passages to the quote, word by word; empty for a verbatim or unfound quote.
    pub diff: Vec<DiffOp>,
    /// Whether the article's speaker is the one the source labels.
    pub speaker_check: SpeakerCheck,
}

impl Verification {
    fn not_found() -> Verification {
        Verification {
            verdict: Verdict::NotFound,
            similarity: 0.0,
            passages: Vec::new(),
            diff: Vec::new(),
            speaker_check: SpeakerCheck::Unknown,
        }
    }

    /// The matched passages' text, joined with ` […] ` where they are not contiguous.
    pub fn matched_text(&self) -> String {
        let texts: Vec<&str> = self.passages.iter().map(|p| p.text.as_str()).collect();
        texts.join(" […] ")
    }

    /// The speaker the source labels for the (first labelled) passage.
    pub fn source_speaker(&self) -> Option<&str> {
        self.passages.iter().find_map(|p| p.speaker.as_deref())
    }
}

/// The source material, indexed for looking quotes up.
#[derive(Debug)]
pub struct Sources<'a> {
    docs: Vec<Document<'a>>,
    index: Index,
    /// (first word position of the turn, speaker) for every labelled turn, in position order.
    turns: Vec<(usize, Option<String>)>,
}

/// How a piece of a quote is joined to the previous one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// The first piece.
    First,
    /// At a marked elision: the token index of the mark.
    Marked(usize),
    /// With no mark: the quote runs two passages together.
    Unmarked,
}

/// A run of quote tokens and how it aligns.
#[derive(Debug, Clone)]
struct Piece {
    /// Token indices of the quote, `start..end`.
    start: usize,
    end: usize,
    join: Join,
    /// `None` when no place of the sources has any of its words.
    alignment: Option<Alignment>,
}

impl Piece {
    fn source_range(&self) -> Option<(usize, usize)> {
        self.alignment.as_ref().and_then(Alignment::source_range)
    }
}

/// A quote as the aligner sees it: its tokens, and the text they come from.
struct QuoteWords<'q> {
    text: &'q str,
    toks: Vec<normalize::Tok>,
    qtoks: Vec<QTok>,
}

impl<'a> Sources<'a> {
    /// Index `docs`. Each source is referred to by its index in `docs`.
    pub fn new(docs: Vec<Document<'a>>) -> Sources<'a> {
        let mut index = Index::default();
        let mut turns = Vec::new();
        for doc in &docs {
            let labels = speaker::labels(doc.text());
            let spans: Vec<Span> = labels.iter().map(|l| l.span).collect();
            let starts = index.add(doc.text(), &spans);
            turns.extend(starts.into_iter().zip(labels.into_iter().map(|l| l.name)));
        }
        index.finish();
        Sources { docs, index, turns }
    }

    /// The documents, as given.
    pub fn documents(&self) -> &[Document<'a>] {
        &self.docs
    }

    /// Number of words indexed.
    pub fn word_count(&self) -> usize {
        self.index.words.len()
    }

    /// Verify a quote the engine found: `None` unless it is speech. An incise inside the quote
    /// (`« …, dit-elle. … »`) is not part of what was said and is left out.
    pub fn verify(&self, quote: &Quote) -> Option<Verification> {
        if quote.kind != QuoteKind::Speech {
            return None;
        }
        Some(self.verify_text(&spoken_text(quote), quote.speaker.as_deref()))
    }

    /// Verify the words of `quote` (marks may be included) said by `speaker`.
    pub fn verify_text(&self, quote: &str, speaker: Option<&str>) -> Verification {
        let toks = normalize::quote_tokens(quote);
        let qtoks: Vec<QTok> = toks
            .iter()
            .map(|t| match t.kind {
                TokKind::Word => QTok::Word(self.index.id(&t.key)),
                TokKind::Elision | TokKind::Insertion => QTok::Gap,
            })
            .collect();
        let q = QuoteWords {
            text: quote,
            toks,
            qtoks,
        };
        let words = q.toks.iter().filter(|t| t.kind == TokKind::Word).count();
        if words == 0 {
            return Verification::not_found();
        }
        let pieces = self.place(&q);
        self.judge(&q, &pieces, words, speaker)
    }

    /// Cut the quote at its elisions, place each part, and look elsewhere for runs that the
    /// best passage lacks.
    fn place(&self, q: &QuoteWords<'_>) -> Vec<Piece> {
        let mut pieces: Vec<Piece> = Vec::new();
        let mut start = 0;
        let mut join = Join::First;
        for (i, t) in q
            .toks
            .iter()
            .enumerate()
            .chain([(q.toks.len(), &ELISION_END)])
        {
            if t.kind != TokKind::Elision {
                continue;
            }
            let has_word = q.toks[start..i].iter().any(|t| t.kind == TokKind::Word);
            if has_word {
                pieces.push(Piece {
                    start,
                    end: i,
                    join,
                    alignment: None,
                });
                join = Join::Marked(i);
            } else if join != Join::First {
                join = Join::Marked(i);
            }
            start = i + 1;
        }
        // Place the longest part first; the others are looked for near it.
        let mut order: Vec<usize> = (0..pieces.len()).collect();
        order.sort_by_key(|&k| std::cmp::Reverse(pieces[k].end - pieces[k].start));
        for k in order {
            let near = self.near_windows(&pieces, k);
            pieces[k].alignment = self.best(q, pieces[k].start, pieces[k].end, &near);
        }
        // A run of words the passage lacks may come from another passage.
        let mut out = Vec::with_capacity(pieces.len());
        for piece in pieces {
            out.extend(self.split_unmarked(q, piece));
        }
        for a in out.iter_mut().filter_map(|p| p.alignment.as_mut()) {
            self.widen_brackets(a);
        }
        out
    }

    /// A bracketed insertion at the start or the end of a passage stands for as many source words
    /// as its clause has there (`[Kerlevan] a un avenir` for `Le chantier naval a un avenir`), up
    /// to a punctuation mark that ends a clause; the alignment alone would take one word.
    fn widen_brackets(&self, a: &mut Alignment) {
        const MAX: usize = 6;
        let same_clause = |left: usize, right: usize| {
            let doc = self.index.doc_of(left);
            doc == self.index.doc_of(right)
                && !self.docs[doc].text()
                    [self.index.spans[left].1 as usize..self.index.spans[right].0 as usize]
                    .contains(['.', '!', '?', ';', ':', '…', '\n'])
        };
        if let Some(&Op::Absorb { q, s }) = a.ops.first() {
            let mut s = s;
            let mut added = 0;
            while s > 0 && added < MAX && same_clause(s - 1, s) {
                s -= 1;
                added += 1;
                a.ops.insert(0, Op::Absorb { q, s });
            }
        }
        if let Some(&Op::Absorb { q, s }) = a.ops.last() {
            let mut s = s;
            let mut added = 0;
            while s + 1 < self.index.words.len() && added < MAX && same_clause(s, s + 1) {
                s += 1;
                added += 1;
                a.ops.push(Op::Absorb { q, s });
            }
        }
    }

    /// Windows near the parts already placed, where part `k` is likeliest to be: after the
    /// previous placed part, before the next.
    fn near_windows(&self, pieces: &[Piece], k: usize) -> Vec<(usize, usize)> {
        let mut near = Vec::new();
        if let Some((_, end)) = pieces[..k].iter().rev().find_map(Piece::source_range) {
            let doc = self.index.doc_range(self.index.doc_of(end - 1));
            near.push((end, (end + NEAR).min(doc.end)));
        }
        if let Some((start, _)) = pieces[k + 1..].iter().find_map(Piece::source_range) {
            let doc = self.index.doc_range(self.index.doc_of(start));
            near.push((start.saturating_sub(NEAR).max(doc.start), start));
        }
        near
    }

    /// The best alignment of quote tokens `start..end`: on the places its rarest words point to
    /// and in the `near` windows, fewest edits first, then near, then most words in common.
    fn best(
        &self,
        q: &QuoteWords<'_>,
        start: usize,
        end: usize,
        near: &[(usize, usize)],
    ) -> Option<Alignment> {
        let part = &q.qtoks[start..end];
        let known: Vec<(usize, u32)> = part
            .iter()
            .enumerate()
            .filter_map(|(i, t)| match t {
                QTok::Word(id) if *id != UNKNOWN => Some((i, *id)),
                _ => None,
            })
            .collect();
        if known.is_empty() {
            return None;
        }
        let len = part.len();
        let pad = len / 2 + 5;
        let mut windows: Vec<(usize, usize, bool)> = near
            .iter()
            .filter(|(s, e)| s < e)
            .map(|&(s, e)| (s, e, true))
            .collect();
        for c in self.index.candidates(&known, len) {
            let doc = self.index.doc_range(c.doc);
            let s = (c.at - pad as isize).max(doc.start as isize) as usize;
            let e = ((c.at + (len + pad) as isize).max(0) as usize).min(doc.end);
            if s < e {
                windows.push((s, e, false));
            }
        }
        let mut best: Option<(Alignment, bool)> = None;
        for (s, e, is_near) in windows {
            let a = align::align(part, &self.index.words[s..e], s, start);
            let better = match &best {
                None => true,
                Some((b, b_near)) => {
                    (a.cost, !is_near, std::cmp::Reverse(a.matches()))
                        < (b.cost, !*b_near, std::cmp::Reverse(b.matches()))
                }
            };
            if better {
                best = Some((a, is_near));
            }
            if best
                .as_ref()
                .is_some_and(|(b, n)| b.cost == 0 && (*n || near.is_empty()))
            {
                break;
            }
        }
        best.map(|(a, _)| a).filter(|a| a.matches() > 0)
    }

    /// When the passage of `piece` lacks a run of [`SPLIT_RUN`] words or more that another
    /// passage has, cut the piece there: the quote joins two passages without saying so.
    fn split_unmarked(&self, q: &QuoteWords<'_>, piece: Piece) -> Vec<Piece> {
        let Some(a) = &piece.alignment else {
            return vec![piece];
        };
        if a.cost == 0 || a.matches() < 2 {
            return vec![piece];
        }
        // The longest run of quote tokens with no matched word, as op indices.
        let mut run: Option<(usize, usize, usize)> = None; // (first op, last op, words)
        let mut cur: Option<(usize, usize, usize)> = None;
        for (k, op) in a.ops.iter().enumerate() {
            match op {
                Op::Match { .. } => cur = None,
                Op::Sub { .. } | Op::Ins { .. } => {
                    let c = cur.get_or_insert((k, k, 0));
                    c.1 = k;
                    c.2 += 1;
                    if run.is_none_or(|r| c.2 > r.2) {
                        run = Some(*c);
                    }
                }
                _ => {}
            }
        }
        let Some((first, last, n)) = run.filter(|r| r.2 >= SPLIT_RUN) else {
            return vec![piece];
        };
        let mut q_first = a.ops[first].quote().expect("a quote word");
        let mut q_last = a.ops[last].quote().expect("a quote word") + 1;
        let Some(mut sub) = self.best(q, q_first, q_last, &[]) else {
            return vec![piece];
        };
        if sub.cost as usize * 5 > n || sub.matches() < 2 {
            return vec![piece];
        }
        // Words at the edges of the run that the other passage has too belong to it: in
        // `… 2028. Les prochains mois …` the `Les` the first passage happens to have goes with
        // `prochains mois`.
        let (s0, s1) = sub.source_range().expect("a match");
        let doc = self.index.doc_range(self.index.doc_of(s0));
        let window = s0.saturating_sub(10).max(doc.start)..(s1 + 10).min(doc.end);
        let cost = sub.cost;
        let reach = |from: usize, to: usize| {
            let words = &self.index.words[window.clone()];
            Some(align::align(&q.qtoks[from..to], words, window.start, from))
                .filter(|a| a.cost <= cost)
        };
        for k in (1..=3).rev() {
            if q_first >= piece.start + k {
                if let Some(a) = reach(q_first - k, q_last) {
                    q_first -= k;
                    sub = a;
                    break;
                }
            }
        }
        for k in (1..=3).rev() {
            if q_last + k <= piece.end {
                if let Some(a) = reach(q_first, q_last + k) {
                    q_last += k;
                    sub = a;
                    break;
                }
            }
        }
        let trim = |ops: &[Op]| -> Vec<Op> {
            let s = ops.iter().position(|o| !matches!(o, Op::Del { .. }));
            let e = ops.iter().rposition(|o| !matches!(o, Op::Del { .. }));
            match (s, e) {
                (Some(s), Some(e)) => ops[s..=e].to_vec(),
                _ => Vec::new(),
            }
        };
        let part = |ops: Vec<Op>, start: usize, end: usize, join: Join| {
            let cost = ops.iter().filter(|o| o.is_edit()).count() as u32;
            let alignment = (!ops.is_empty()).then_some(Alignment { ops, cost });
            Piece {
                start,
                end,
                join,
                alignment,
            }
        };
        let before = a
            .ops
            .iter()
            .position(|o| o.quote().is_some_and(|i| i >= q_first))
            .unwrap_or(a.ops.len());
        let after = a
            .ops
            .iter()
            .rposition(|o| o.quote().is_some_and(|i| i < q_last))
            .map_or(0, |k| k + 1);
        let mut out = Vec::new();
        let mut join = piece.join;
        if q_first > piece.start {
            out.push(part(trim(&a.ops[..before]), piece.start, q_first, join));
            join = Join::Unmarked;
        }
        out.push(Piece {
            start: q_first,
            end: q_last,
            join,
            alignment: Some(sub),
        });
        if q_last < piece.end {
            out.push(part(
                trim(&a.ops[after..]),
                q_last,
                piece.end,
                Join::Unmarked,
            ));
        }
        out
    }

    /// Turn the placed pieces into a verdict, a similarity, passages and a diff.
    fn judge(
        &self,
        q: &QuoteWords<'_>,
        pieces: &[Piece],
        words: usize,
        speaker: Option<&str>,
    ) -> Verification {
        let mut matched = 0;
        let mut source_words = 0;
        let mut edits = 0;
        let mut marked = false;
        let mut unmarked_joins = 0;
        let mut diff = Diff::default();
        let mut passages: Vec<(usize, usize)> = Vec::new();
        let mut prev: Option<(usize, usize)> = None;
        for piece in pieces {
            let range = piece.source_range();
            // The join with the previous piece.
            if piece.join != Join::First {
                let gap = match (prev, range) {
                    (Some((_, pe)), Some((s, _)))
                        if s >= pe && self.index.doc_of(s) == self.index.doc_of(pe - 1) =>
                    {
                        Some(pe..s)
                    }
                    _ => None,
                };
                match (piece.join, &gap) {
                    (Join::Marked(mark), Some(gap)) => {
                        if !gap.is_empty() {
                            marked = true;
                            self.skipped(&mut diff, gap.clone());
                        }
                        diff.added(mark);
                    }
                    (Join::Marked(mark), None) => {
                        // Out of order or from another source: a change of meaning is possible.
                        edits += 1;
                        diff.note(REMOVED, "…".to_string());
                        diff.added(mark);
                    }
                    (_, gap) => {
                        edits += 1;
                        unmarked_joins += 1;
                        match gap {
                            Some(gap) => self.skipped(&mut diff, gap.clone()),
                            None => diff.note(REMOVED, "…".to_string()),
                        }
                    }
                }
            }
            match &piece.alignment {
                None => {
                    for (i, t) in q.toks.iter().enumerate().take(piece.end).skip(piece.start) {
                        if t.kind == TokKind::Word {
                            edits += 1;
                        }
                        diff.added(i);
                    }
                }
                Some(a) => {
                    // Quote tokens the alignment does not cover cannot exist: it covers them all.
                    for &op in &a.ops {
                        match op {
                            Op::Match { q: i, .. } => {
                                matched += 1;
                                source_words += 1;
                                diff.same(i);
                            }
                            Op::Sub { q: i, s } => {
                                edits += 1;
                                source_words += 1;
                                diff.removed(s);
                                diff.added(i);
                            }
                            Op::Ins { q: i } => {
                                edits += 1;
                                diff.added(i);
                            }
                            Op::Del { s } => {
                                edits += 1;
                                source_words += 1;
                                diff.removed(s);
                            }
                            Op::Absorb { q: i, s } => {
                                marked = true;
                                diff.removed(s);
                                diff.bracket(i);
                            }
                            Op::Bracket { q: i } => {
                                marked = true;
                                diff.bracket(i);
                            }
                        }
                    }
                }
            }
            if let Some(r) = range {
                match passages.last_mut() {
                    // Contiguous, or a short marked elision in one source: one passage, elided
                    // words included.
                    Some(last)
                        if r.0 >= last.1
                            && r.0 - last.1 <= SHOWN_SKIP
                            && self.index.doc_of(r.0) == self.index.doc_of(last.1 - 1)
                            && !matches!(piece.join, Join::Unmarked) =>
                    {
                        last.1 = r.1;
                    }
                    _ => passages.push(r),
                }
                prev = Some(r);
            }
        }
        let similarity =
            (2 * matched) as f32 / (words + source_words + unmarked_joins).max(1) as f32;
        let found = matched > 0 && similarity >= MIN_SIMILARITY && (matched >= 2 || words == 1);
        if !found {
            return Verification::not_found();
        }
        let verdict = if edits > 0 {
            Verdict::Altered
        } else if marked {
            Verdict::Elided
        } else {
            Verdict::Verbatim
        };
        let passages: Vec<Passage> = passages
            .into_iter()
            .map(|(s, e)| self.passage(s, e))
            .collect();
        let speaker_check = check_speaker(speaker, &passages);
        Verification {
            verdict,
            similarity: if verdict == Verdict::Altered {
                similarity.min(0.99)
            } else {
                1.0
            },
            passages,
            diff: if verdict == Verdict::Verbatim {
                Vec::new()
            } else {
                diff.finish(q, self)
            },
            speaker_check,
        }
    }

    /// The analysed text from source word `start` through word `end - 1` (one source).
    fn source_text(&self, start: usize, end: usize) -> String {
        let doc = self.index.doc_of(start);
        let s = self.index.spans[start].0 as usize;
        let e = self.index.spans[end - 1].1 as usize;
        self.docs[doc].text()[s..e].to_string()
    }

    /// Source words skipped at a join, in full when few, else counted.
    fn skipped(&self, diff: &mut Diff, gap: std::ops::Range<usize>) {
        if gap.len() <= SHOWN_SKIP {
            for p in gap {
                diff.removed(p);
            }
        } else {
            diff.note(REMOVED, format!("… {} words …", gap.len()));
        }
    }

    /// The passage covering source words `start..end`.
    fn passage(&self, start: usize, end: usize) -> Passage {
        let doc_i = self.index.doc_of(start);
        let doc = &self.docs[doc_i];
        let span = Span::new(
            self.index.spans[start].0 as usize,
            self.index.spans[end - 1].1 as usize,
        );
        let turn = self.turns.partition_point(|t| t.0 <= start);
        let speaker = turn
            .checked_sub(1)
            .map(|t| &self.turns[t])
            .filter(|t| t.0 >= self.index.doc_range(doc_i).start)
            .and_then(|t| t.1.clone());
        Passage {
            source: doc_i,
            span: doc.to_original(span),
            text: span.get(doc.text()).to_string(),
            speaker,
        }
    }
}

/// The text of a quote without the incise the engine found inside it (`« Nous tiendrons,
/// dit-elle, nos promesses »`: the cue and the speaker mention become spaces, so offsets hold).
/// Borrowed when there is no incise (most quotes): no copy of each quote's text.
pub fn spoken_text(quote: &Quote) -> Cow<'_, str> {
    let mut text = Cow::Borrowed(quote.text.as_str());
    for ex in [&quote.cue, &quote.speaker_mention].into_iter().flatten() {
        if !quote.span.contains(ex.span) {
            continue;
        }
        // Offsets of the original file are those of the text when the excerpt is found there
        // (plain text); otherwise the incise is left in.
        let at = ex.span.start - quote.span.start;
        if text.get(at..at + ex.text.len()) == Some(ex.text.as_str()) {
            text.to_mut()
                .replace_range(at..at + ex.text.len(), &" ".repeat(ex.text.len()));
        }
    }
    text
}

/// Marks the end of the last part when cutting a quote at its elisions.
static ELISION_END: normalize::Tok = normalize::Tok {
    span: Span { start: 0, end: 0 },
    kind: TokKind::Elision,
    key: String::new(),
};

/// The speaker check over the passages: a match when every labelled passage labels the article's
/// speaker, a mismatch when one labels someone else.
fn check_speaker(speaker: Option<&str>, passages: &[Passage]) -> SpeakerCheck {
    let Some(speaker) = speaker else {
        return SpeakerCheck::Unknown;
    };
    let mut result = SpeakerCheck::Unknown;
    for label in passages.iter().filter_map(|p| p.speaker.as_deref()) {
        match same_person(speaker, label) {
            Some(false) => return SpeakerCheck::Mismatch,
            Some(true) => result = SpeakerCheck::Match,
            None => {}
        }
    }
    result
}

/// A run of words in a diff: quote tokens or source positions (end-exclusive), or a note.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Words {
    Quote(usize, usize),
    Source(usize, usize),
    Note(String),
}

/// A diff being built: consecutive words of one kind are merged, and shown as the text they span
/// (`l'an`, `3 %`), not as folded words.
#[derive(Debug, Default)]
struct Diff {
    items: Vec<(u8, Vec<Words>)>,
    /// The last bracketed insertion shown, so that one standing for several words shows once.
    last_bracket: Option<usize>,
}

const SAME: u8 = 0;
const REMOVED: u8 = 1;
const ADDED: u8 = 2;

impl Diff {
    fn push(&mut self, kind: u8, w: Words) {
        let n = self.items.len();
        // A removal right after an addition goes before it, as in a substitution.
        let at = if kind == REMOVED && n >= 1 && self.items[n - 1].0 == ADDED {
            if n >= 2 && self.items[n - 2].0 == REMOVED {
                n - 2
            } else {
                self.items.insert(n - 1, (REMOVED, Vec::new()));
                n - 1
            }
        } else if n >= 1 && self.items[n - 1].0 == kind {
            n - 1
        } else {
            self.items.push((kind, Vec::new()));
            n
        };
        let words = &mut self.items[at].1;
        match (words.last_mut(), &w) {
            (Some(Words::Quote(_, e)), Words::Quote(s2, e2))
            | (Some(Words::Source(_, e)), Words::Source(s2, e2))
                if *e == *s2 =>
            {
                *e = *e2;
            }
            _ => words.push(w),
        }
    }

    fn same(&mut self, q: usize) {
        self.push(SAME, Words::Quote(q, q + 1));
    }

    fn added(&mut self, q: usize) {
        self.push(ADDED, Words::Quote(q, q + 1));
    }

    fn removed(&mut self, s: usize) {
        self.push(REMOVED, Words::Source(s, s + 1));
    }

    fn note(&mut self, kind: u8, note: String) {
        self.push(kind, Words::Note(note));
    }

    fn bracket(&mut self, q: usize) {
        if self.last_bracket != Some(q) {
            self.last_bracket = Some(q);
            self.added(q);
        }
    }

    /// The diff, with each run of words shown as the text it spans.
    fn finish(self, q: &QuoteWords<'_>, sources: &Sources<'_>) -> Vec<DiffOp> {
        self.items
            .into_iter()
            .filter(|(_, w)| !w.is_empty())
            .map(|(kind, words)| {
                let texts: Vec<String> = words
                    .into_iter()
                    .map(|w| match w {
                        Words::Quote(s, e) => {
                            q.text[q.toks[s].span.start..q.toks[e - 1].span.end].to_string()
                        }
                        Words::Source(s, e) => sources.source_text(s, e),
                        Words::Note(n) => n,
                    })
                    .collect();
                let text = texts.join(" ");
                match kind {
                    SAME => DiffOp::Same(text),
                    REMOVED => DiffOp::Removed(text),
                    _ => DiffOp::Added(text),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(texts: &[&'static str]) -> Sources<'static> {
        Sources::new(texts.iter().map(|t| Document::plain_str(t)).collect())
    }

    #[track_caller]
    fn check(s: &Sources<'_>, quote: &str, verdict: Verdict, diff: &str) -> Verification {
        let v = s.verify_text(quote, None);
        assert_eq!(v.verdict, verdict, "{quote}: {v:?}");
        assert_eq!(diff_string(&v.diff), diff, "{quote}");
        v
    }

    const SPEECH: &str = "Nous ne céderons pas à la pression. Les salaires augmenteront de 3 % \
        l'an prochain, et 1 200 postes seront créés dans les ateliers de Kerlevan. Le dialogue \
        reste ouvert avec les syndicats.";

    #[test]
    fn typography_aside_a_quote_is_verbatim() {
        let s = sources(&[SPEECH]);
        check(
            &s,
            "« Nous ne cèderons pas à la pression »",
            Verdict::Verbatim,
            "",
        );
        check(
            &s,
            "“NOUS NE CÉDERONS PAS À LA PRESSION.”",
            Verdict::Verbatim,
            "",
        );
        check(
            &s,
            "« 1\u{202f}200 postes seront créés »",
            Verdict::Verbatim,
            "",
        );
        let v = check(&s, "« dialogue reste ouvert »", Verdict::Verbatim, "");
        assert_eq!(v.passages[0].text, "dialogue reste ouvert");
        assert_eq!(v.similarity, 1.0);
    }

    #[test]
    fn changed_numbers_and_dropped_negations_are_altered() {
        let s = sources(&[SPEECH]);
        check(
            &s,
            "« Les salaires augmenteront de 5 % l'an prochain »",
            Verdict::Altered,
            "Les salaires augmenteront de [-3-] {+5+} l'an prochain",
        );
        check(
            &s,
            "« Nous céderons à la pression »",
            Verdict::Altered,
            "Nous [-ne-] céderons [-pas-] à la pression",
        );
    }

    #[test]
    fn marked_elisions_and_insertions_are_elided() {
        let s = sources(&[SPEECH]);
        check(
            &s,
            "« Les salaires augmenteront […] et 1 200 postes seront créés »",
            Verdict::Elided,
            "Les salaires augmenteront [-de 3 % l'an prochain-] {+[…]+} et 1 200 postes seront créés",
        );
        check(
            &s,
            "« [Les syndicats et nous] ne céderons pas à la pression »",
            Verdict::Elided,
            "[-Nous-] {+[Les syndicats et nous]+} ne céderons pas à la pression",
        );
    }

    #[test]
    fn two_passages_joined_with_or_without_a_mark() {
        let s = sources(&[SPEECH]);
        check(
            &s,
            "« Nous ne céderons pas à la pression […] Le dialogue reste ouvert »",
            Verdict::Elided,
            "Nous ne céderons pas à la pression [-… 18 words …-] {+[…]+} Le dialogue reste ouvert",
        );
        let v = check(
            &s,
            "« Nous ne céderons pas à la pression, le dialogue reste ouvert »",
            Verdict::Altered,
            "Nous ne céderons pas à la pression [-… 18 words …-] le dialogue reste ouvert",
        );
        assert_eq!(v.passages.len(), 2);
        assert!(v.similarity > 0.9);
    }

    #[test]
    fn absent_quotes_are_not_found() {
        let s = sources(&[SPEECH]);
        check(
            &s,
            "« Nous fermerons l'usine de Brest »",
            Verdict::NotFound,
            "",
        );
        check(&s, "« … »", Verdict::NotFound, "");
    }

    #[test]
    fn the_labelled_speaker_is_checked() {
        let s = sources(&[
            "M. Choïgou : Nos troupes sont prêtes.\nKIM JONG UN: Nous avançons vers la victoire finale.\n",
        ]);
        let v = s.verify_text("« Nous avançons vers la victoire »", Some("Kim Jong Un"));
        assert_eq!(v.verdict, Verdict::Verbatim);
        assert_eq!(v.source_speaker(), Some("KIM JONG UN"));
        assert_eq!(v.speaker_check, SpeakerCheck::Match);
        let v = s.verify_text("« Nos troupes sont prêtes »", Some("Kim Jong Un"));
        assert_eq!(v.speaker_check, SpeakerCheck::Mismatch);
        let v = s.verify_text("« Nos troupes sont prêtes »", Some("Sergueï Choïgou"));
        assert_eq!(v.speaker_check, SpeakerCheck::Match);
        let v = s.verify_text("« Nos troupes sont prêtes »", None);
        assert_eq!(v.speaker_check, SpeakerCheck::Unknown);
    }
}
